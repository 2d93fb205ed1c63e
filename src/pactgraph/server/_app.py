"""The Starlette application: SPARQL endpoint, named-query API, Linked Data and the explorer.

Routes
------
``/sparql``                   SPARQL 1.1 Protocol (GET, POST form, POST direct); service description
``/api/queries``              the named queries (JSON); ``/api/queries/NAME?param=…`` runs one
``/api/openapi.json``         OpenAPI 3.1 description of the API; ``/api`` a readable version
``/api/ego/…``                an actor's ego network as Cytoscape.js elements
``/id/…``                     Linked Data: HTML for browsers, Turtle / N-Triples / JSON-LD / RDF/XML otherwise
``/`` and ``/browse``         the explorer: query page, lists of actors and agreements
``/static/…``                 the explorer's scripts and styles (Cytoscape.js is vendored, no CDN)
"""

from __future__ import annotations

import hmac
import json
from pathlib import Path

import anyio.to_thread
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import PactgraphError, ParameterError, QueryError, QueryTimeout, StoreError
from ..namespaces import ID, PACT
from ..remote import sparql_tokens
from . import _pages
from ._backend import Backend, Settings
from ._protocol import (
    GRAPH_MEDIA,
    RESULT_MEDIA,
    ProtocolError,
    negotiate,
    parse_operation,
    prefers_html,
    service_description,
    with_dataset,
    with_using,
)

__all__ = ["create_app"]

HERE = Path(__file__).parent
_RDF_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML"}
_MEDIA_OF = {"turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json",
             "rdfxml": "application/rdf+xml"}
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
Q_DESCRIBE = "CONSTRUCT { ?x ?p ?o . ?s ?q ?x } WHERE { { ?x ?p ?o } UNION { ?s ?q ?x FILTER(?q != rdf:subject) } }"


class _SecurityHeaders:
    """Pure ASGI middleware: nosniff everywhere, a strict Content-Security-Policy on HTML."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                headers.append((b"x-content-type-options", b"nosniff"))
                if content_type.startswith(b"text/html"):
                    headers.append((b"content-security-policy", _CSP.encode()))
                    headers.append((b"referrer-policy", b"same-origin"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _templates():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")),
                             autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    from ..formats import compact

    env.filters["compact"] = compact
    return env


def _error(status: int, message: str, headers: dict | None = None) -> PlainTextResponse:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


def _status_of(exc: Exception) -> int:
    if isinstance(exc, QueryTimeout):
        return 503
    if isinstance(exc, (QueryError, ParameterError)):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _endpoint_url(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}{request.url.path}"


def create_app(settings: Settings, backend: Backend | None = None) -> Starlette:
    """Build the ASGI app serving the store in ``settings.store``.

    Parameters
    ----------
    settings : Settings
        Timeout, row cap, update and CORS switches (see ``pactgraph serve --help``).
    backend : Backend, optional
        The guarded store; made from ``settings`` when not given.
    """
    import contextlib

    backend = backend or Backend(settings)
    env = _templates()

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        context.setdefault("allow_update", settings.allow_update)
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    async def call(func, *args):
        return await anyio.to_thread.run_sync(func, *args)

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_request_bytes:
            raise ProtocolError(413, f"request body of {declared} bytes is over the limit of "
                                     f"{settings.max_request_bytes} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > settings.max_request_bytes:
                raise ProtocolError(413, f"request body is over the limit of {settings.max_request_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- /sparql ---------------------------------------------------------------------------

    async def sparql(request: Request) -> Response:
        if len(request.url.query) > settings.max_request_bytes:
            return _error(414, "request URL is over the size limit; send the query with POST")
        try:
            body = await read_body(request) if request.method == "POST" else b""
            operation = parse_operation(request.method, request.url.query, request.headers.get("content-type"), body)
        except ProtocolError as exc:
            return _error(exc.status, exc.message)
        endpoint = _endpoint_url(request)
        if operation.kind is None:
            if prefers_html(request.headers.get("accept")):
                return RedirectResponse("/", status_code=303)
            return await describe_service(request, endpoint, operation.params.get("format"))
        if operation.kind == "update":
            return await run_update(request, operation)
        return await run_query(request, operation)

    async def run_query(request: Request, operation) -> Response:
        from ..guard import query_kind

        text = operation.text
        kind = query_kind(text)
        construct = kind == "construct"
        offers = GRAPH_MEDIA if construct else RESULT_MEDIA
        requested = operation.params.get("format") or operation.params.get("output")
        fmt = negotiate(request.headers.get("accept"), offers, "turtle" if construct else "json", requested)
        if fmt is None:
            names = sorted(set(offers.values()))
            return _error(406, f"no acceptable result format for this {'graph' if construct else 'result'}; "
                               f"this endpoint answers with {', '.join(names)}")
        try:
            if operation.default_graphs or operation.named_graphs:
                known = set(await call(backend.graphs))
                text = with_dataset(text, operation.default_graphs, operation.named_graphs, known)
            result = await call(backend.run, text, None, fmt)
        except ProtocolError as exc:
            return _error(exc.status, exc.message)
        except PactgraphError as exc:
            return _error(_status_of(exc), str(exc))
        headers = {"Vary": "Accept", "Pactgraph-Rows": str(result.rows)}
        if result.truncated:
            headers["Pactgraph-Truncated"] = "true"
            headers["Warning"] = f'199 pactgraph "results cut at {settings.max_rows} rows (--max-rows)"'
        if operation.params.get("download"):
            extension = {"json": "json", "xml": "srx", "csv": "csv", "tsv": "tsv", "turtle": "ttl",
                         "ntriples": "nt", "jsonld": "jsonld", "rdfxml": "rdf"}[fmt]
            headers["Content-Disposition"] = f'attachment; filename="results.{extension}"'
        return Response(result.data, media_type=result.media_type, headers=headers)

    async def run_update(request: Request, operation) -> Response:
        if not settings.allow_update or not settings.token:
            return _error(403, "updates are disabled on this server (start it with --allow-update and --token)")
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
            return _error(403, "updates need the server's token: send 'Authorization: Bearer <token>'")
        words = {t.upper() for kind, t, _, _ in sparql_tokens(operation.text) if kind == "word"}
        if not settings.allow_service and words & {"LOAD", "SERVICE"}:
            return _error(403, "LOAD and SERVICE are refused: they reach out to the network "
                               "(start the server with --allow-service to allow them)")
        try:
            text = with_using(operation.text, operation.default_graphs, operation.named_graphs)
            await call(backend.update, text)
        except ProtocolError as exc:
            return _error(exc.status, exc.message)
        except PactgraphError as exc:
            return _error(_status_of(exc), str(exc))
        return Response(status_code=204)

    async def describe_service(request: Request, endpoint: str, requested: str | None) -> Response:
        import pyoxigraph as ox

        fmt = negotiate(request.headers.get("accept"), GRAPH_MEDIA, "turtle", requested)
        if fmt is None:
            return _error(406, "the service description is available as turtle, ntriples, jsonld or rdfxml")
        try:
            graphs = await call(backend.graphs)
        except PactgraphError as exc:
            return _error(_status_of(exc), str(exc))
        triples = service_description(endpoint, allow_update=settings.allow_update,
                                      allow_service=settings.allow_service, graphs=graphs)
        prefixes = None if fmt == "ntriples" else {"sd": "http://www.w3.org/ns/sparql-service-description#",
                                                   "dcterms": "http://purl.org/dc/terms/"}
        triples.sort(key=lambda t: (isinstance(t.subject, ox.BlankNode), str(t.subject)))
        data = ox.serialize(triples, format=getattr(ox.RdfFormat, _RDF_FORMATS[fmt]), prefixes=prefixes)
        return Response(data, media_type=_MEDIA_OF[fmt], headers={"Vary": "Accept"})

    # -- named queries ---------------------------------------------------------------------

    async def api_queries(request: Request) -> Response:
        from ..queries import list_queries

        queries = [_query_info(q) for q in list_queries()]
        return JSONResponse({"queries": queries, "openapi": "/api/openapi.json"})

    async def api_query(request: Request) -> Response:
        import io

        import pyoxigraph as ox

        from ..formats import render_rows
        from ..knowledge import rows_as_dicts
        from ..queries import bind_params, load_query

        name = request.path_params["name"]
        params = dict(request.query_params)
        requested = params.pop("format", None)
        fmt = requested or {"text/csv": "csv", "text/tab-separated-values": "tsv",
                            "application/sparql-results+json": "sparql-json"}.get(
            (request.headers.get("accept") or "").split(",")[0].split(";")[0].strip().lower(), "json")
        if fmt not in ("json", "csv", "tsv", "sparql-json"):
            return _error(400, f"format {fmt!r}: use json, csv, tsv or sparql-json")
        try:
            named = load_query(name)
        except ParameterError as exc:
            return _error(404, str(exc))
        try:
            substitutions = await call(bind_params, named, params)
            result = await call(backend.run, named.text, substitutions, "json")
        except PactgraphError as exc:
            return _error(_status_of(exc), str(exc))
        headers = {"Pactgraph-Rows": str(result.rows)}
        if result.truncated:
            headers["Pactgraph-Truncated"] = "true"
        if fmt == "sparql-json":
            return Response(result.data, media_type=result.media_type, headers=headers)
        rows = rows_as_dicts(ox.parse_query_results(io.BytesIO(result.data), format=ox.QueryResultsFormat.JSON))
        if fmt in ("csv", "tsv"):
            media = "text/csv; charset=utf-8" if fmt == "csv" else "text/tab-separated-values; charset=utf-8"
            return Response(render_rows(rows, fmt) + "\n", media_type=media, headers=headers)
        columns = json.loads(result.data).get("head", {}).get("vars", [])
        return JSONResponse({"query": name, "params": params, "columns": columns, "rows": rows,
                             "truncated": result.truncated}, headers=headers)

    async def openapi(request: Request) -> Response:
        from ..queries import list_queries
        from ._openapi import openapi_document

        return JSONResponse(openapi_document(list_queries(), f"{request.url.scheme}://{request.url.netloc}"))

    async def api_docs(request: Request) -> Response:
        from ..queries import list_queries

        return page("api.html", title="HTTP API", queries=[_query_info(q) for q in list_queries()])

    async def api_ego(request: Request) -> Response:
        iri = ID + request.path_params["path"]
        try:
            elements = await call(_pages.ego_network, backend, _checked_iri(iri))
        except PactgraphError as exc:
            return _error(_status_of(exc), str(exc))
        return JSONResponse(elements)

    # -- Linked Data and explorer ------------------------------------------------------------

    async def linked_data(request: Request) -> Response:
        import pyoxigraph as ox

        iri = ID + request.path_params["path"]
        try:
            iri = _checked_iri(iri)
        except QueryError as exc:
            return _error(400, str(exc))
        requested = request.query_params.get("format")
        accept = request.headers.get("accept")
        if not requested and prefers_html(accept):
            try:
                entity = await call(_pages.entity, backend, iri)
            except PactgraphError as exc:
                return page("error.html", status=_status_of(exc), title="Error", message=str(exc))
            if entity is None:
                return page("error.html", status=404, title="Not found",
                            message=f"The graph says nothing about {iri}.")
            return page("entity.html", title=entity.label, entity=entity,
                        ego_src="/api/ego/" + request.path_params["path"] if entity.kind == "actor" else None)
        fmt = negotiate(accept, GRAPH_MEDIA, "turtle", requested)
        if fmt is None:
            return _error(406, "this resource is available as text/html, text/turtle, application/n-triples, "
                               "application/ld+json or application/rdf+xml")
        try:
            result = await call(backend.run, Q_DESCRIBE, {ox.Variable("x"): ox.NamedNode(iri)}, fmt)
        except PactgraphError as exc:
            return _error(_status_of(exc), str(exc))
        if result.rows == 0:
            return _error(404, f"the graph says nothing about {iri}")
        return Response(result.data, media_type=result.media_type, headers={"Vary": "Accept"})

    examples_cache: list[dict] = []

    async def home(request: Request) -> Response:
        from ..queries import list_queries

        if not examples_cache:
            for q in list_queries():
                try:
                    examples_cache.append({"name": q.name, "summary": q.summary,
                                           "text": await call(_example_text, q)})
                except PactgraphError:
                    continue
        return page("query.html", title="Query", examples=examples_cache, max_rows=settings.max_rows,
                    timeout=settings.timeout)

    async def browse(request: Request) -> Response:
        try:
            actors = await call(_pages.listing, backend, PACT + "Actor")
            agreements = await call(_pages.listing, backend, PACT + "Agreement")
        except PactgraphError as exc:
            return page("error.html", status=_status_of(exc), title="Error", message=str(exc))
        return page("browse.html", title="Browse", actors=actors, agreements=agreements)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        try:
            await call(backend.warm_up)
        except PactgraphError:
            pass  # the first request reports the problem
        yield
        await call(backend.close)

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/browse", browse, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/api", api_docs, methods=["GET"]),
        Route("/api/queries", api_queries, methods=["GET"]),
        Route("/api/queries/{name}", api_query, methods=["GET"]),
        Route("/api/openapi.json", openapi, methods=["GET"]),
        Route("/api/ego/{path:path}", api_ego, methods=["GET"]),
        Route("/id/{path:path}", linked_data, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.backend = backend
    app.state.settings = settings
    app.add_middleware(_SecurityHeaders)
    if settings.cors:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "Accept", "Authorization"],
                           expose_headers=["Pactgraph-Rows", "Pactgraph-Truncated"], max_age=600)
    return app


def _checked_iri(iri: str) -> str:
    import pyoxigraph as ox

    try:
        return ox.NamedNode(iri).value
    except ValueError:
        raise QueryError(f"{iri!r} is not a valid IRI") from None


def _query_info(query) -> dict:
    return {"name": query.name, "summary": query.summary, "description": (query.description or "").strip(),
            "params": [{"name": p["name"], "type": p.get("type", "string"), "description": p.get("description", ""),
                        "required": bool(p.get("required", True)) and "default" not in p}
                       for p in query.params],
            "example": {k: str(v) for k, v in query.example.items()}, "tags": list(query.tags),
            "href": f"/api/queries/{query.name}"}


def _example_text(query) -> str:
    """The query's text for the editor: header dropped, example parameters bound with VALUES."""
    from ..queries import bind_params
    from ..remote import bind_values

    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#+")).strip()
    substitutions = bind_params(query, {k: str(v) for k, v in query.example.items()})
    head = f"# {query.summary}" + (f" (named query '{query.name}')" if query.name else "")
    return head + "\n" + bind_values(body, substitutions)

