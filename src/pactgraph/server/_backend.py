"""What the server does with the store: guarded queries, and (when allowed) updates.

Every query runs through :class:`pactgraph.guard.QueryGuard`, in worker
processes that open the store read-only: a slow or crashing query costs a
worker, never the server. Calls here block; the app runs them in a thread pool.

An update needs the store open for writing, which the read-only workers must not
see half-done. So updates take an exclusive lock: running queries finish, the
workers stop, the update runs in one transaction, and a fresh pool opens the
changed store. Queries wait meanwhile. Updates are for curators with the token,
not for heavy traffic.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError

__all__ = ["Backend", "Settings"]


@dataclass
class Settings:
    """How ``pactgraph serve`` runs (the command line's options)."""

    store: Path
    timeout: float = 30.0
    max_rows: int = 10_000
    allow_update: bool = False
    token: str | None = None
    cors: bool = False
    allow_service: bool = False
    max_request_bytes: int = 10 * 1024 * 1024
    workers: int = 2


class _ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers."""

    def __init__(self):
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextlib.contextmanager
    def shared(self):
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self):
        with self._cond:
            self._writers_waiting += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class Backend:
    """The guarded store behind the HTTP app."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._lock = _ReadWriteLock()
        self._guard = self._new_guard()

    def _new_guard(self):
        from ..guard import QueryGuard

        s = self.settings
        return QueryGuard(s.store, timeout=s.timeout, max_rows=s.max_rows, allow_service=s.allow_service,
                          workers=s.workers)

    # -- queries ----------------------------------------------------------------

    def run(self, query: str, substitutions: dict | None = None, fmt: str = "json"):
        """Run a query through the guard; a :class:`pactgraph.guard.GuardedResult`."""
        with self._lock.shared():
            return self._guard.run(query, substitutions, fmt)

    def check(self, query: str) -> None:
        self._guard.check(query)

    def solutions(self, query: str, substitutions: dict | None = None):
        """Run a SELECT or ASK; pyoxigraph results parsed from the guard's JSON, and whether rows were cut."""
        import io

        import pyoxigraph as ox

        result = self.run(query, substitutions, "json")
        parsed = ox.parse_query_results(io.BytesIO(result.data), format=ox.QueryResultsFormat.JSON)
        return parsed, result.truncated

    def rows(self, query: str, substitutions: dict | None = None) -> list[dict]:
        """SELECT rows as ``{variable: pyoxigraph term}`` (unbound variables left out)."""
        parsed, _ = self.solutions(query, substitutions)
        names = [v.value for v in parsed.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in parsed]

    def graphs(self) -> list[str]:
        rows = self.rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g")
        return [r["g"].value for r in rows if "g" in r]

    def warm_up(self) -> None:
        """Start the worker processes now rather than on the first request."""
        import concurrent.futures

        with concurrent.futures.ThreadPoolExecutor(self.settings.workers) as pool:
            list(pool.map(lambda _: self.run("ASK {}"), range(self.settings.workers)))

    # -- updates ----------------------------------------------------------------

    def update(self, update: str) -> None:
        """Apply a SPARQL update in one transaction (the caller has checked the token).

        Relative IRIs resolve against ``https://w3id.org/pactgraph/id/``, as in queries.

        Raises
        ------
        QueryError
            If the update does not parse or fails.
        StoreError
            If the store cannot be opened for writing (another process holds it).
        """
        from ..namespaces import ID, PREFIXES
        from ..store import Store

        with self._lock.exclusive():
            self._guard.close()
            try:
                store = Store(self.settings.store, write=True)
                try:
                    store.db.update(update, base_iri=ID, prefixes=PREFIXES)
                except SyntaxError as exc:
                    raise QueryError(f"invalid SPARQL update: {_first_line(exc)}") from None
                except (OSError, RuntimeError, ValueError) as exc:
                    raise QueryError(f"update failed: {_first_line(exc)}") from None
                finally:
                    store.close()
                # An update such as CLEAR ALL also empties pactgraph's bookkeeping graph; opening the
                # store for writing puts the format marker back, so the read-only workers accept it.
                Store(self.settings.store, write=True).close()
            finally:
                self._guard = self._new_guard()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._guard.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

