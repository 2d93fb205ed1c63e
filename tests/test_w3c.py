"""Conformance: the W3C RDF 1.1 syntax suites through the ingest door, the SPARQL 1.1
query-syntax suite through the query guard.

The suites are read where the project's shared folder keeps them
(``../shared/w3c-rdf-tests`` next to the checkout, or ``$PACTGRAPH_W3C_TESTS``); the
tests are skipped when they are absent. They are never copied into the project.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

import pactgraph
from pactgraph.errors import QueryError, QueryTimeout
from pactgraph.guard import QueryGuard
from pactgraph.ingest import canonical_hash, ingest_paths, prepare, remove_source
from pactgraph.store import Store


def suites_root() -> Path:
    """Where the W3C suites are: ``$PACTGRAPH_W3C_TESTS``, else ``<repo>/../shared/w3c-rdf-tests``."""
    if os.environ.get("PACTGRAPH_W3C_TESTS"):
        return Path(os.environ["PACTGRAPH_W3C_TESTS"])
    return Path(__file__).resolve().parents[2] / "shared" / "w3c-rdf-tests"


ROOT = suites_root()
pytestmark = pytest.mark.skipif(not (ROOT / "rdf").is_dir(), reason=f"W3C test suites not found at {ROOT}")

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
RDFT = "http://www.w3.org/ns/rdftest#"
RDF_SUITES = ("rdf-n-triples", "rdf-n-quads", "rdf-turtle", "rdf-trig", "rdf-xml")


def manifest_tests(manifest: Path) -> list[tuple[str, Path]]:
    """``(test type local name, action file)`` of every test in a manifest."""
    store = ox.Store()
    store.load(path=str(manifest), format=ox.RdfFormat.TURTLE, base_iri=manifest.resolve().as_uri())
    rows = store.query(f"SELECT ?type ?action WHERE {{ ?t a ?type ; <{MF}action> ?action }}")
    out = []
    for row in rows:
        action = row["action"].value
        if action.startswith("file://"):
            out.append((row["type"].value.rsplit("#", 1)[-1], Path(action[len("file://"):])))
    return sorted(out, key=lambda item: str(item[1]))


def rdf_cases(negative: bool) -> list[Path]:
    cases = []
    if not (ROOT / "rdf").is_dir():
        return cases
    for suite in RDF_SUITES:
        for kind, action in manifest_tests(ROOT / "rdf" / "rdf11" / suite / "manifest.ttl"):
            if kind.endswith("NegativeSyntax") == negative and (negative or "Positive" in kind or "Eval" in kind):
                cases.append(action)
    return cases


def query_cases() -> list[tuple[str, Path]]:
    manifest = ROOT / "sparql" / "sparql11" / "syntax-query" / "manifest.ttl"
    return manifest_tests(manifest) if manifest.is_file() else []


class MemoryStore(Store):
    """A pactgraph store over an in-memory pyoxigraph database (for tests that write a lot)."""

    def __init__(self):
        self.path, self.writable, self._db = Path(":memory:"), True, ox.Store()
        self._check_version(initialise=True)


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("w3c") / "store"
    pactgraph.open(path, write=True).close()
    return path


def test_every_negative_rdf_file_is_rejected_with_no_write(empty_store):
    negatives = rdf_cases(negative=True)
    assert len(negatives) > 250
    with pactgraph.open(empty_store, write=True) as kg:
        before = canonical_hash(kg.store)
        report = ingest_paths(kg.store, negatives)
        after = canonical_hash(kg.store)
    accepted = [f.path for f in report.files if f.status != "failed"]
    assert accepted == [], f"{len(accepted)} negative file(s) accepted: {accepted[:10]}"
    assert after == before
    for f in report.files:
        assert f.reason in ("rdf-syntax", "encoding", "binary", "empty"), (f.path, f.reason, f.message)
        assert f.message.startswith(f.path) and "\n" not in f.message


def test_every_positive_rdf_file_loads(tmp_path):
    positives = rdf_cases(negative=False)
    assert len(positives) > 500
    # Files of one run may share neither a source id (the file stem) nor a named graph (a
    # named graph belongs to one source), so the suite is split into runs, each in its own store.
    runs: list[tuple[set, set, list]] = []
    empty = []
    for path in positives:
        if not path.read_bytes().strip():
            empty.append(path)  # a zero-byte file is refused as empty, by design (see below)
            continue
        graphs = set(prepare(path).owned)
        for stems, names, batch in runs:
            if path.stem.lower() not in stems and not graphs & names:
                break
        else:
            runs.append((set(), set(), []))
            stems, names, batch = runs[-1]
        stems.add(path.stem.lower())
        names.update(graphs)
        batch.append(path)
    loaded, failed = 0, []
    store = MemoryStore()  # the same door and writer; an in-memory database spares 100+ disk flushes
    empty_hash = canonical_hash(store)
    for _, _, batch in runs:
        report = ingest_paths(store, batch)
        for source in {f.source for f in report.files if f.status == "ok"}:
            remove_source(store, source)  # the next run reuses these source ids
        loaded += report.ok
        loaded += sum(1 for f in report.files if f.reason == "duplicate")  # same content as a file before
        failed += [(f.path, f.reason, f.message) for f in report.files if f.status == "failed"]
    assert canonical_hash(store) == empty_hash  # removing a source leaves nothing behind
    assert failed == []
    assert loaded == len(positives) - len(empty)
    # The empty documents are valid RDF (no triples) but an empty file is a bad input for the
    # ingest door; it is refused with its reason and nothing is written.
    assert len(empty) == 4
    with pactgraph.open(tmp_path / "store-empty", write=True) as kg:
        assert {(f.status, f.reason) for f in ingest_paths(kg.store, empty).files} == {("failed", "empty")}


def test_rdf_loaded_twice_is_unchanged(tmp_path):
    files = [p for p in rdf_cases(negative=False) if p.suffix in (".ttl", ".trig")][:60]
    with pactgraph.open(tmp_path / "store", write=True) as kg:
        by_stem = {p.stem.lower(): p for p in files}
        first = ingest_paths(kg.store, list(by_stem.values()))
        hashed = canonical_hash(kg.store)
        second = ingest_paths(kg.store, list(by_stem.values()), force=True)
        assert canonical_hash(kg.store) == hashed
    assert {f.status for f in first.files} == {"ok"}
    assert {f.status for f in second.files} == {"ok"}


def test_query_syntax_suite_through_the_guard(empty_store):
    cases = query_cases()
    assert len(cases) > 90
    wrong = []
    refused_by_default = []
    with QueryGuard(empty_store, allow_service=True, timeout=20, workers=2) as guard, \
            QueryGuard(empty_store, timeout=20, workers=1) as strict:
        for kind, path in cases:
            text = path.read_text(encoding="utf-8")
            try:
                guard.run(text, result_format="json" if "construct" not in path.name else "ntriples")
                accepted = True
            except QueryTimeout:
                wrong.append((path.name, "timeout"))
                continue
            except QueryError as exc:
                # refused by the guard, or not parsed; anything else (a result format that does not
                # fit, a custom function the engine lacks) comes after the query parsed
                message = str(exc)
                accepted = not message.startswith(("invalid SPARQL", "query refused"))
            if kind.startswith("Positive") and not accepted:
                wrong.append((path.name, "valid query refused: " + message))
            if kind.startswith("Negative") and accepted:
                wrong.append((path.name, "invalid query accepted"))
            if kind.startswith("Positive"):
                try:
                    strict.check(text)
                except QueryError as exc:
                    refused_by_default.append((path.name, str(exc)))
    assert not wrong, "\n".join(f"{name}: {why}" for name, why in wrong)
    # without --allow-service only the queries that name an external graph are refused, with a reason
    assert all("FROM <" in reason or "SERVICE" in reason for _, reason in refused_by_default), refused_by_default
