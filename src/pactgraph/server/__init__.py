"""``pactgraph serve``: a SPARQL endpoint, a named-query API, Linked Data and a web explorer.

Build the app with :func:`create_app` and run it with any ASGI server (the
command line uses uvicorn)::

    from pactgraph.server import Settings, create_app
    app = create_app(Settings(store="store", timeout=10))

Every query goes through :class:`pactgraph.guard.QueryGuard`; updates are
refused unless ``allow_update`` and a ``token`` are set.
"""

from __future__ import annotations

from ._app import create_app
from ._backend import Backend, Settings

__all__ = ["Backend", "Settings", "create_app"]
