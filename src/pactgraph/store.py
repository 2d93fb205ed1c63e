"""The embedded store: a pyoxigraph database on disk, one named graph per source.

Writes that replace or remove a source run as one SPARQL update, which
pyoxigraph executes in a single transaction: a source is in the store
completely or not at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError, StoreLocked
from .namespaces import GRAPH, PACT, PREFIXES, XSD

__all__ = ["FORMAT_VERSION", "META_GRAPH", "Store", "default_store_path"]

#: Version of the store layout; a store written with another version is refused.
FORMAT_VERSION = "1"
META_GRAPH = GRAPH + "meta"
_STORE_NODE = "https://w3id.org/pactgraph/store"


def default_store_path() -> Path:
    """``$PACTGRAPH_STORE``, else ``$XDG_DATA_HOME/pactgraph/store`` (``~/.local/share/pactgraph/store``)."""
    if os.environ.get("PACTGRAPH_STORE"):
        return Path(os.environ["PACTGRAPH_STORE"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "pactgraph" / "store"


def _nt(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} ."


class Store:
    """A pactgraph store in ``path``, opened for reading or writing.

    Raises
    ------
    StoreLocked
        If another process holds the store open for writing.
    StoreError
        If the folder is missing (when reading), is not a store, or was written
        by another store format version.
    """

    def __init__(self, path: str | Path | None = None, *, write: bool = False, create: bool = False):
        self.path = Path(path) if path is not None else default_store_path()
        self.writable = write
        exists = self.path.is_dir() and any(self.path.iterdir())
        if not exists and not create:
            raise StoreError(f"no store at {self.path}: run 'pactgraph build --store {self.path}' first")
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: not a directory, cannot hold a store")
        if exists and not (self.path / "CURRENT").exists():
            raise StoreError(f"{self.path}: not a pactgraph store (no database files)")
        try:
            if write or not exists:
                self.path.mkdir(parents=True, exist_ok=True)
                self._db = ox.Store(str(self.path))
            else:
                self._db = ox.Store.read_only(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(f"store {self.path} is locked by another process") from None
            raise StoreError(f"cannot open store {self.path}: {str(exc).splitlines()[0]}") from None
        self._check_version(initialise=write)

    def _check_version(self, initialise: bool) -> None:
        node, pred = ox.NamedNode(_STORE_NODE), ox.NamedNode(PACT + "storeFormat")
        found = [q.object.value for q in self._db.quads_for_pattern(node, pred, None, ox.NamedNode(META_GRAPH))]
        if found and found[0] != FORMAT_VERSION:
            raise StoreError(f"store {self.path} has format {found[0]}, this pactgraph reads format {FORMAT_VERSION}; rebuild it")
        if not found and initialise:
            self._db.add(ox.Quad(node, pred, ox.Literal(FORMAT_VERSION), ox.NamedNode(META_GRAPH)))
        elif not found and not initialise and len(self._db) > 0:
            raise StoreError(f"store {self.path} was not written by pactgraph (no format marker)")

    # -- reading -------------------------------------------------------------------

    @property
    def db(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        return self._db

    def query(self, sparql: str, substitutions: dict | None = None, union: bool = True):
        """Run a SPARQL query over the union of all graphs (prefixes of pactgraph predeclared)."""
        return self._db.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union,
                              substitutions=substitutions)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._db.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, iri: str) -> bool:
        return self._db.contains_named_graph(ox.NamedNode(iri))

    def __len__(self) -> int:
        return len(self._db)

    # -- writing -------------------------------------------------------------------

    def _require_write(self) -> None:
        if not self.writable:
            raise StoreError(f"store {self.path} is open read-only")

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Atomically replace the content of named graph ``graph`` with ``quads``; return their number."""
        self._require_write()
        lines = [_nt(q) for q in quads]
        update = f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines) + "\n} }"
        self._db.update(update)
        return len(lines)

    def drop_graph(self, graph: str) -> None:
        self._require_write()
        self._db.update(f"DROP SILENT GRAPH <{graph}>")

    def set_meta(self, subject: str, predicate: str, value: str) -> None:
        self._require_write()
        s, p, g = ox.NamedNode(subject), ox.NamedNode(predicate), ox.NamedNode(META_GRAPH)
        for quad in list(self._db.quads_for_pattern(s, p, None, g)):
            self._db.remove(quad)
        self._db.add(ox.Quad(s, p, ox.Literal(value, datatype=ox.NamedNode(XSD + "string")), g))

    def flush(self) -> None:
        if self.writable:
            self._db.flush()

    def close(self) -> None:
        self.flush()
        del self._db

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
