"""``pactgraph serve``: the SPARQL endpoint, named-query API, Linked Data and explorer over HTTP.

The web stack (Starlette, uvicorn, Jinja2) is imported only when the command runs.
"""

from __future__ import annotations

import click

__all__ = ["register"]


def _size(text: str) -> int:
    """Bytes in a size such as ``10MB``, ``512k`` or ``1048576``."""
    import re

    match = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text.lower())
    if not match:
        raise click.BadParameter(f"{text!r} is not a size (e.g. 10MB, 512KB, 1048576)")
    return int(match.group(1)) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[match.group(2)]


def register(main: click.Group) -> None:
    """Add the ``serve`` command to the ``pactgraph`` group."""
    from .cli import command, store_option  # here, not at the top: pactgraph.cli imports this module


    @main.command()
    @store_option
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Interface to listen on; 0.0.0.0 exposes the server to the network.")
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
    @click.option("--allow-update", is_flag=True, help="Accept SPARQL updates (needs --token).")
    @click.option("--token", envvar="PACTGRAPH_SERVE_TOKEN", show_envvar=True, default=None,
                  help="Bearer token that updates must send (Authorization: Bearer TOKEN).")
    @click.option("--cors", is_flag=True, help="Allow cross-origin requests from any web page (e.g. YASGUI).")
    @click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
                  help="Seconds a query may run before it is stopped.")
    @click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
                  help="Most rows (or triples) one query returns; the response says when it was cut.")
    @click.option("--max-request-size", "max_request", default="10MB", show_default=True,
                  help="Largest request body accepted.")
    @click.option("--allow-service", is_flag=True,
                  help="Allow SERVICE and LOAD, which make the server fetch from the network.")
    @click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
                  help="Query worker processes (queries beyond wait for a free one).")
    @command
    def serve(store, host, port, allow_update, token, cors, timeout, max_rows, max_request, allow_service, workers):
        """Serve the store over HTTP: SPARQL endpoint, HTTP API, Linked Data and a web explorer.

        \b
        /sparql             SPARQL 1.1 Protocol (read-only unless --allow-update)
        /api/queries        named queries as JSON; /api/openapi.json describes them
        /id/...             every pactgraph resource, as HTML or RDF by content negotiation
        /                   the explorer: query page, entity pages, network view
        """
        from pathlib import Path

        from .errors import ParameterError, StoreError
        from .remote import is_endpoint_url
        from .store import default_store_path

        if allow_update and not token:
            raise ParameterError("--allow-update needs --token (or $PACTGRAPH_SERVE_TOKEN): updates must be "
                                 "authenticated")
        if token and len(token) < 12:
            raise ParameterError("--token: use at least 12 characters")
        if is_endpoint_url(store):
            raise StoreError(f"{store} is already a SPARQL endpoint; 'serve' publishes a local store folder")
        try:
            import uvicorn

            from .server import Settings, create_app
        except ModuleNotFoundError as exc:
            raise ParameterError(f"'serve' needs the web extras ({exc.name} is missing): "
                                 "pip install 'pactgraph[serve]'") from None
        path = Path(store) if store else default_store_path()
        settings = Settings(store=path, timeout=timeout, max_rows=max_rows, allow_update=allow_update,
                            token=token, cors=cors, allow_service=allow_service,
                            max_request_bytes=_size(max_request), workers=workers)
        app = create_app(settings)
        mode = "read-write (updates need the token)" if allow_update else "read-only"
        click.echo(f"pactgraph: serving {path} at http://{host}:{port}/  ({mode}; SPARQL endpoint /sparql)", err=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(f"pactgraph: listening on {host}: reachable from other machines", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
