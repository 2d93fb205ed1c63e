"""The library's front object: a knowledge graph in a store.

>>> import pactgraph, tempfile
>>> kg = pactgraph.open(tempfile.mkdtemp(), write=True)
>>> summary = kg.ingest_text("NATO and Japan signed a Joint Declaration on 15 April 2013.", name="demo.txt")
>>> [row["label"] for row in kg.query("agreements-of", actor="Japan")]
['Joint Declaration']
>>> kg.close()
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import PactgraphError, QueryError, RDFSyntaxError, SourceError, StoreError
from .namespaces import GRAPH, ID, PACT
from .sources import Source, source_from_text
from .store import META_GRAPH, Store

if TYPE_CHECKING:
    from .validate import ValidationReport

__all__ = ["IngestResult", "KnowledgeGraph", "open_graph"]

ONTOLOGY_GRAPH = GRAPH + "ontology"
VOCABULARY_GRAPH = GRAPH + "vocabularies"
REFERENCE_GRAPH = GRAPH + "reference"
RDF_SUFFIXES = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG", ".rdf": "RDF_XML",
                ".owl": "RDF_XML", ".xml": "RDF_XML", ".jsonld": "JSON_LD", ".n3": "N3"}


@dataclass(slots=True)
class IngestResult:
    """What one ingested source added to the store."""

    source: str  # source IRI (= its graph)
    name: str
    quads: int
    statements: int
    replaced: bool
    skipped: str | None = None  # "unchanged" or "duplicate" when the content was already stored


def open_graph(store: str | Path | None = None, *, write: bool = False, create: bool | None = None) -> "KnowledgeGraph":
    """Open the knowledge graph in ``store`` (a folder, an http(s) SPARQL endpoint URL, or the default store)."""
    return KnowledgeGraph(store, write=write, create=write if create is None else create)


def _result(report) -> IngestResult:
    """An :class:`IngestResult` from the front door's report of one file, or its error raised."""
    if report.status == "failed":
        from .errors import StoreError

        cls = RDFSyntaxError if report.reason in ("rdf-syntax", "doctype", "remote-context", "graph-conflict") \
            else StoreError if report.reason == "store-error" else SourceError
        error = cls(report.message)
        error.reason, error.line, error.offset = report.reason, report.line, report.offset
        raise error
    skipped = report.reason if report.status == "skipped" else None
    return IngestResult(report.source, report.path, report.quads, report.statements, report.reason == "replaced",
                        skipped)


class KnowledgeGraph:
    """A pactgraph knowledge graph: ingest sources, query, inspect evidence."""

    def __init__(self, store: str | Path | None = None, *, write: bool = False, create: bool = False):
        import os

        from .remote import RemoteStore, is_endpoint_url

        if store is None and is_endpoint_url(os.environ.get("PACTGRAPH_STORE")):
            store = os.environ["PACTGRAPH_STORE"]
        if is_endpoint_url(store):  # an http(s) SPARQL endpoint instead of a folder
            self.store = RemoteStore(store, write=write, create=create)
        else:
            self.store = Store(store, write=write, create=create)

    # -- lifecycle ----------------------------------------------------------------

    def close(self) -> None:
        for guard in self.__dict__.pop("_guards", {}).values():
            guard.close()
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------

    def build(self, sources: Path | None = None) -> dict:
        """Load the ontology, vocabularies, register and bundled sources (each in its own graph)."""
        from .rdfmap import register_quads
        from .reference import load_register
        from .resources import ontology_dir, sources_dir

        onto = ontology_dir()
        counts = {
            "ontology": self.store.replace_graph(ONTOLOGY_GRAPH, _parse_rdf(onto / "pactgraph.ttl", ONTOLOGY_GRAPH)),
            "vocabularies": self.store.replace_graph(VOCABULARY_GRAPH, [
                q for path in sorted((onto / "vocabularies").glob("*.ttl")) for q in _parse_rdf(path, VOCABULARY_GRAPH)
            ]),
            "reference": self.store.replace_graph(REFERENCE_GRAPH, register_quads(load_register())),
        }
        results = [self.ingest(path, force=True) for path in sorted((sources or sources_dir()).glob("*.txt"))]
        self.store.flush()
        counts["sources"] = len(results)
        counts["source_quads"] = sum(r.quads for r in results)
        counts["statements"] = sum(r.statements for r in results)
        return counts

    def ingest(self, path: str | Path, encoding: str | None = None, *, force: bool = False) -> IngestResult:
        """Extract a text file (or load an RDF file) into its own named graph, replacing an earlier version.

        Goes through the ingest front door (:mod:`pactgraph.ingest`): a file whose content
        is already stored is skipped (``IngestResult.skipped`` says why) unless ``force``.

        Raises
        ------
        SourceError, RDFSyntaxError
            If the file is refused; the store is unchanged then.
        """
        return _result(self.ingest_paths([path], encoding=encoding, force=force).files[0])

    def ingest_paths(self, paths, *, encoding: str | None = None, workers: int = 1, progress=None,
                     force: bool = False):
        """Ingest many files and folders, continuing past bad ones; an :class:`~pactgraph.ingest.IngestReport`.

        See :func:`pactgraph.ingest.ingest_paths`.
        """
        from .ingest import ingest_paths

        return ingest_paths(self.store, paths, encoding=encoding, workers=workers, progress=progress, force=force)

    def ingest_text(self, text: str, name: str = "<text>", **metadata: str) -> IngestResult:
        """Extract a text given as a string; ``metadata`` fields override its header."""
        return self.ingest_source(source_from_text(text, name=name, metadata=metadata or None))

    def ingest_source(self, source: Source) -> IngestResult:
        """Extract an in-memory :class:`~pactgraph.sources.Source` through the ingest front door's writer.

        Always extracted again and replaced, even when the same text is stored.

        Raises
        ------
        SourceError, StoreError
            If extraction or the write fails; the store is unchanged then.
        """
        from .ingest import ingest_source

        return _result(ingest_source(self.store, source).files[0])

    def ingest_rdf(self, path: Path) -> IngestResult:
        """Load an RDF file through the ingest front door (see :meth:`ingest`)."""
        return self.ingest(path)

    def remove(self, source: str) -> str:
        """Remove a source (slug, file name or IRI) and every triple of its graph; return its IRI."""
        iri = self.resolve_source(source)
        if isinstance(self.store, Store):
            from .ingest import remove_source

            self.store._require_write()
            remove_source(self.store, iri)  # also the named graphs an RDF source wrote, and its bookkeeping
        else:
            self.store.drop_graph(iri)
        self.store.flush()
        return iri

    def resolve_source(self, source: str) -> str:
        from .namespaces import slugify

        candidates = [source, f"{ID}source/{source}", f"{ID}source/{slugify(Path(source).name.rsplit('.', 1)[0])}"]
        for iri in candidates:
            if iri.startswith("http") and self.store.has_graph(iri):
                return iri
        raise StoreError(f"no source {source!r} in store {self.store.path} (see 'pactgraph stats --sources')")

    # -- reading ------------------------------------------------------------------

    def sparql(self, query: str, substitutions: dict | None = None, *, timeout: float = 30.0,
               max_rows: int | None = None, allow_service: bool = False):
        """Run a user's SPARQL query over all graphs, through the query guard.

        Returns pyoxigraph solutions, triples or a boolean. The query is checked
        (:func:`pactgraph.guard.check_query`: size, nesting, no SERVICE/LOAD/external
        FROM unless ``allow_service``) and, on a store opened read-only, runs in a
        worker process stopped after ``timeout`` seconds. Library code that runs
        its own trusted queries uses ``kg.store.query`` instead.

        Raises
        ------
        QueryError
            If the query is refused, invalid or failed; QueryTimeout past ``timeout``.
        """
        import io

        from .guard import query_kind

        construct = query_kind(query) == "construct"
        wire = "ntriples" if construct else "tsv" if max_rows is None else "json"
        result = self.guarded(query, substitutions, wire, timeout=timeout, max_rows=max_rows,
                              allow_service=allow_service)
        if result.kind == "ask":
            answer = b"true" if result.data.strip().endswith(b"true}") or result.data.strip() == b"true" else b"false"
            return ox.parse_query_results(io.BytesIO(b'{"head":{},"boolean":' + answer + b"}"),
                                          format=ox.QueryResultsFormat.JSON)
        if not construct:
            return ox.parse_query_results(io.BytesIO(result.data), format=ox.QueryResultsFormat.TSV if wire == "tsv"
                                          else ox.QueryResultsFormat.JSON)
        memory = ox.Store()
        memory.load(result.data, format=ox.RdfFormat.N_TRIPLES)
        return memory.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def guarded(self, query: str, substitutions: dict | None = None, result_format: str = "json", *,
                timeout: float = 30.0, max_rows: int | None = 10_000, allow_service: bool = False):
        """Run a user's query through the guard; a serialized :class:`pactgraph.guard.GuardedResult`.

        On a store opened read-only the query runs in a killable worker process
        (see :class:`pactgraph.guard.QueryGuard`); on a store this process writes, or
        a remote endpoint, the same checks and row cap apply but it runs here.
        """
        from .guard import QueryGuard, run_in_process

        if isinstance(self.store, Store) and not self.store.writable:
            from .guard import UNLIMITED

            rows = max_rows if max_rows is not None else UNLIMITED
            key = (float(timeout), rows, bool(allow_service))
            guards = self.__dict__.setdefault("_guards", {})
            if key not in guards:
                guards[key] = QueryGuard(self.store.path, timeout=timeout, max_rows=rows,
                                         allow_service=allow_service, workers=1)
            return guards[key].run(query, substitutions, result_format)
        return run_in_process(self.store, query, substitutions, result_format, max_rows=max_rows,
                              allow_service=allow_service)

    def _trusted(self, query: str, substitutions: dict | None = None):
        """Run one of the library's own queries in this process (not through the guard)."""
        try:
            return self.store.query(query, substitutions)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {str(exc).splitlines()[0]}") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0]}") from None

    def query(self, name: str, **params: str) -> list[dict]:
        """Run the named query ``name`` with ``params``; rows as dicts of plain values."""
        return rows_as_dicts(self.run_named(name, params))

    def run_named(self, name: str, params: dict[str, str]):
        """Run a named query of the library in this process.

        The query text is the library's own and parameters are bound by the
        engine, never pasted in, so it needs no guard; it costs what the same
        query costs on pyoxigraph directly.
        """
        from .queries import bind_params, load_query

        named = load_query(name)
        return self._trusted(named.text, bind_params(named, params))

    def sources(self) -> list[dict]:
        return rows_as_dicts(self._trusted(
            "SELECT ?source ?title ?date ?hash WHERE { ?source a pact:Source ; dcterms:title ?title ; "
            "pact:contentHash ?hash . OPTIONAL { ?source dcterms:date ?date } } ORDER BY ?source"))

    def stats(self) -> dict:
        """Counts of graphs, quads, sources, actors by class, agreements and evidence."""
        result = {"store": str(self.store.path), "quads": len(self.store), "graphs": len(self.store.graphs())}
        for label, cls in (("sources", "Source"), ("agreements", "Agreement"), ("states", "State"),
                           ("organizations", "InternationalOrganization"), ("missions", "Mission"),
                           ("persons", "Person"), ("positions", "Position"), ("evidence", "Evidence"),
                           ("speeches", "Speech")):
            rows = self._trusted(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a pact:{cls} }} "
                               f"FILTER(STRSTARTS(STR(?g), '{ID}source/')) }}")
            result[label] = int(next(iter(rows))["n"].value)
        return result

    def evidence(self, subject: str | None = None, predicate: str | None = None, obj: str | None = None) -> list[dict]:
        """The quotes behind triples matching (subject, predicate, object); ``None`` matches anything.

        Subjects and objects may be actor names ("Japan"), QIDs, IRIs or literals. Given
        two actors and no predicate, evidence for triples between them in either direction.
        """
        from .queries import resolve_actor

        def term(value: str | None):
            if value is None:
                return None
            if value.startswith(("http://", "https://")):
                return ox.NamedNode(value)
            if ":" in value and value.split(":", 1)[0] in ("pact", "org", "rdf", "rdfs", "owl", "dcterms"):
                from .namespaces import PREFIXES

                prefix, local = value.split(":", 1)
                return ox.NamedNode(PREFIXES[prefix] + local)
            try:
                return ox.NamedNode(resolve_actor(value))
            except PactgraphError:
                return ox.Literal(value)

        s, p, o = term(subject), term(predicate), term(obj)
        if p is not None and isinstance(p, ox.Literal):
            p = ox.NamedNode(PACT + predicate)
        symmetric = p is None and s is not None and o is not None
        where = "?e rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pact:quote ?quote ;" \
                " pact:charStart ?start ; pact:charEnd ?end ; pact:rule ?rule ; pact:confidence ?confidence ;" \
                " prov:wasDerivedFrom ?source . OPTIONAL { ?e pact:speaker ?speaker }"
        subs = {}
        if symmetric:
            where += " FILTER((?s = ?a && ?o = ?b) || (?s = ?b && ?o = ?a))"
            subs = {ox.Variable("a"): s, ox.Variable("b"): o}
        else:
            for var, value in (("s", s), ("p", p), ("o", o)):
                if value is not None:
                    subs[ox.Variable(var)] = value
        extra = " ?a ?b" if symmetric else ""
        q = f"SELECT ?s ?p ?o ?quote ?source ?start ?end ?speaker ?rule ?confidence{extra} WHERE {{ {where} }} " \
            "ORDER BY ?s ?p ?o ?source ?start"
        rows = rows_as_dicts(self._trusted(q, subs))
        for row in rows:
            row.pop("a", None), row.pop("b", None)
        return rows

    def validate(self) -> "ValidationReport":
        from .validate import validate_store

        return validate_store(self)

    # -- networks, analyses, exports (pactgraph.projections, .analysis, .export) ------

    def to_networkx(self, projection: str = "actors", as_of=None):
        """A networkx projection: ``actors``, ``relations``, ``concepts``, ``signatories`` or ``memberships``.

        ``as_of`` (``YYYY-MM-DD``) keeps only what was valid on that day. See
        :mod:`pactgraph.projections`.
        """
        from .projections import project

        return project(self, projection, as_of=as_of)

    def export(self, fmt: str, path, projection: str | None = None, as_of=None) -> list[Path]:
        """Write the store (RDF formats) or a projection (graph formats) to ``path``; the files written.

        See :mod:`pactgraph.export` for the formats.
        """
        from .export import export

        return export(self, fmt, path, projection=projection, as_of=as_of)

    def analyze(self, name: str, projection: str | None = None, as_of=None, **params):
        """Run an analysis (``centrality``, ``communities``, ``connect``, ``similar``, ``ego``, ``growth``).

        Rows as dicts (a pandas DataFrame with ``as_dataframe=True``). See :mod:`pactgraph.analysis`.
        """
        from .analysis import run_analysis

        return run_analysis(self, name, projection=projection, as_of=as_of, **params)


def rows_as_dicts(solutions) -> list[dict]:
    """SELECT solutions as a list of ``{variable: value}`` with plain Python values."""
    if isinstance(solutions, ox.QueryBoolean):
        return [{"result": bool(solutions)}]
    if isinstance(solutions, ox.QueryTriples):
        return [{"subject": t.subject.value, "predicate": t.predicate.value, "object": t.object.value} for t in solutions]
    names = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        row = {}
        for name in names:
            term = solution[name]
            row[name] = None if term is None else _plain(term)
        rows.append(row)
    return rows


def _plain(term):
    if isinstance(term, ox.Literal):
        dtype = term.datatype.value
        if dtype.endswith("#integer"):
            return int(term.value)
        if dtype.endswith("#decimal") or dtype.endswith("#double"):
            return float(term.value)
        return term.value
    return term.value


def _parse_rdf(path: Path, graph: str) -> list[ox.Quad]:
    """Parse one of the bundled RDF files (ontology, vocabularies) fully in memory into ``graph``."""
    fmt = getattr(ox.RdfFormat, RDF_SUFFIXES.get(path.suffix.lower(), "TURTLE"))
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    data = path.read_bytes()
    if not data.strip():
        raise RDFSyntaxError(f"{path}: file is empty")
    if fmt == ox.RdfFormat.RDF_XML and b"<!DOCTYPE" in data[:4096].upper():
        raise RDFSyntaxError(f"{path}: RDF/XML with a DOCTYPE is refused (entity expansion)")
    try:
        parsed = list(ox.parse(io.BytesIO(data), format=fmt, base_iri=path.resolve().as_uri()))
    except SyntaxError as exc:
        raise RDFSyntaxError(f"{path}: {str(exc).splitlines()[0]}") from None
    except (OSError, ValueError) as exc:
        raise RDFSyntaxError(f"{path}: {str(exc).splitlines()[0]}") from None
    from .ingest import skolemize

    # Blank nodes become numbered Skolem IRIs, so a rebuild yields the same quads.
    quads, _ = skolemize(parsed, graph, f"{graph.rsplit('/', 1)[-1]}-{path.stem}", path)
    return quads


_ = META_GRAPH  # re-exported for tools that skip the store's own bookkeeping graph
