"""The query guard: static limits, refusals, row caps, timeouts and crashed workers."""

from __future__ import annotations

import io
import json
import os
import signal
import threading

import pyoxigraph as ox
import pytest

import pactgraph
from pactgraph.errors import QueryError, QueryTimeout, StoreError
from pactgraph.guard import (
    MAX_DEPTH,
    MAX_PATTERNS,
    MAX_QUERY_CHARS,
    QueryGuard,
    check_query,
    query_kind,
)

HOSTILE = 'x" } ; DROP ALL ; INSERT DATA { <a> <b> "c'
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . "
        "?p ?q ?r . ?s ?t ?u . ?v ?w ?x }")
DATA = """@prefix ex: <http://example.org/> .
ex:alice ex:name "Alice" ; ex:knows ex:bob , ex:carol .
ex:bob ex:name "Bob" ; ex:knows ex:carol .
ex:carol ex:name "Carol" ; ex:note "%s" .
ex:dave ex:name "Dave" ; ex:note "x" .
""" % HOSTILE.replace('"', '\\"')


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guard")
    data = folder / "people.ttl"
    data.write_text(DATA, encoding="utf-8")
    with pactgraph.open(folder / "store", write=True) as kg:
        assert kg.ingest(data).quads == 9
    return folder / "store"


@pytest.fixture(scope="module")
def guard(store):
    with QueryGuard(store, timeout=2.0, max_rows=3, workers=2) as g:
        yield g


def _bindings(result) -> list[dict]:
    return json.loads(result.data)["results"]["bindings"]


def test_select_and_formats(guard):
    query = "SELECT ?n WHERE { ?p <http://example.org/name> ?n } ORDER BY ?n"
    result = guard.run(query)
    assert result.kind == "select" and result.rows == 3 and result.truncated
    assert result.media_type == "application/sparql-results+json"
    assert [b["n"]["value"] for b in _bindings(result)] == ["Alice", "Bob", "Carol"]
    for fmt, wire in (("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV)):
        data = guard.run(query, result_format=fmt).data
        parsed = ox.parse_query_results(io.BytesIO(data), format=wire)
        assert [s["n"].value for s in parsed] == ["Alice", "Bob", "Carol"]
    assert guard.run(query, result_format="csv").data == b"n\r\nAlice\r\nBob\r\nCarol\r\n"


def test_ask_and_construct(guard):
    assert guard.run("ASK { ?s ?p ?o }").data == b'{"head":{},"boolean":true}'
    assert b"<boolean>false</boolean>" in guard.run("ASK { ?s <http://nothing> ?o }", result_format="xml").data
    result = guard.run("CONSTRUCT WHERE { ?s <http://example.org/knows> ?o }", result_format="ntriples")
    assert result.kind == "construct" and result.rows == 3 and not result.truncated
    assert len(list(ox.parse(result.data, format=ox.RdfFormat.N_TRIPLES))) == 3
    for fmt in ("turtle", "jsonld", "rdfxml"):
        assert guard.run("DESCRIBE <http://example.org/bob>", result_format=fmt).rows == 2
    with pytest.raises(QueryError, match="does not fit a SELECT"):
        guard.run("SELECT * WHERE { ?s ?p ?o }", result_format="turtle")
    with pytest.raises(QueryError, match="unknown result format"):
        guard.run("ASK {}", result_format="yaml")


def test_hostile_value_matches_only_itself(guard):
    query = "SELECT ?s ?v WHERE { ?s <http://example.org/note> ?v }"
    rows = _bindings(guard.run(query, {ox.Variable("v"): ox.Literal(HOSTILE)}))
    assert [r["s"]["value"] for r in rows] == ["http://example.org/carol"]
    assert guard.run("ASK { ?s ?p ?o }").data.endswith(b"true}")  # nothing was dropped
    rows = _bindings(guard.run(query, {"v": HOSTILE + " "}))  # a plain str is a literal
    assert rows == []
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        guard.run(query, {"v }": ox.Literal("x")})


@pytest.mark.parametrize("query,reason", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { service   <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("LOAD <http://127.0.0.1:9/x.ttl>", "LOAD is not allowed"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
    ("BASE <file:///etc/> SELECT * FROM <passwd> WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
    ("PREFIX f: <file:///etc/> SELECT * FROM NAMED f:passwd WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
    ("SELECT * FROM <http://127.0.0.1:9/data> WHERE { ?s ?p ?o }", "not in the store"),
    ("SELECT * WHERE " + "{" * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1), "nesting depth"),
    ("SELECT (" + "!" * 5000 + "true AS ?x) {}", "nesting depth"),
    ("SELECT (" + "1+" * MAX_PATTERNS + "1 AS ?x) {}", "patterns"),
    ("SELECT * {" + " ".join(f"BIND({i} AS ?x{i})" for i in range(MAX_PATTERNS + 1)) + "}", "patterns"),
    ("SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY_CHARS, "characters, the limit"),
    ("SELECT * WHERE { ?s ?p \x00 }", "NUL"),
    ("SELEC * WHERE { ?s ?p ?o }", "invalid SPARQL"),
    ("DROP ALL", "invalid SPARQL"),
    ("INSERT DATA { <a:a> <a:b> <a:c> }", "invalid SPARQL"),
])
def test_refusals_are_one_line(guard, query, reason):
    with pytest.raises(QueryError) as info:
        guard.run(query)
    message = str(info.value)
    assert reason in message and "\n" not in message
    assert not isinstance(info.value, QueryTimeout)


def test_keywords_in_strings_and_iris_are_not_refused(guard):
    for query in ('SELECT * WHERE { ?s ?p "SERVICE <http://x> LOAD" }',
                  "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://x> { }",
                  "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service ?o }"):
        guard.check(query)
        assert guard.run(query).kind == "select"


def test_from_pactgraph_graph_and_allow_service(store, guard):
    graph = "https://w3id.org/pactgraph/id/source/people"
    result = guard.run(f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}")
    assert _bindings(result)[0]["n"]["value"] == "9"
    with QueryGuard(store, allow_service=True, workers=1) as open_guard:
        open_guard.check("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        open_guard.check("SELECT * FROM <http://elsewhere.example/g> WHERE { ?s ?p ?o }")
        with pytest.raises(QueryError, match="LOAD"):
            open_guard.check("LOAD <http://127.0.0.1:9/x>")


def test_query_kind():
    assert query_kind("PREFIX s: <http://a/> SELECT * {}") == "select"
    assert query_kind("# CONSTRUCT\nASK {}") == "ask"
    assert query_kind("DESCRIBE <http://a>") == "construct"
    assert check_query("SELECT * FROM <https://w3id.org/pactgraph/graph/reference> {}") == [
        "https://w3id.org/pactgraph/graph/reference"]


def test_timeout_kills_and_replaces_the_worker(guard):
    before = guard.replaced
    with pytest.raises(QueryTimeout, match="time limit"):
        guard.run(SLOW)
    assert guard.replaced == before + 1
    assert guard.run("ASK { ?s ?p ?o }").rows == 1


def test_crashed_worker_is_replaced(guard):
    worker = guard._acquire()
    pid = worker.process.pid
    guard._idle.put(worker)
    threading.Timer(0.3, os.kill, (pid, signal.SIGSEGV)).start()
    with pytest.raises(QueryError, match="crashed its worker process") as info:
        guard.run(SLOW)
    assert not isinstance(info.value, QueryTimeout)
    assert guard.run("ASK { ?s ?p ?o }").rows == 1


def test_parallel_queries(guard):
    results, errors = [], []

    def one():
        try:
            results.append(guard.run("SELECT * WHERE { ?s <http://example.org/name> ?n }").rows)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and results == [3] * 6


def test_missing_store_and_closed_guard(tmp_path, store):
    with pytest.raises(StoreError, match="no store at"):
        QueryGuard(tmp_path / "nothing")
    guard = QueryGuard(store, workers=1)
    guard.run("ASK {}")
    guard.close()
    with pytest.raises(QueryError, match="closed"):
        guard.run("ASK {}")


def test_library_sparql_goes_through_the_guard(store):
    with pactgraph.open(store) as kg:
        rows = list(kg.sparql("SELECT ?n WHERE { ?p <http://example.org/name> ?n }"))
        assert len(rows) == 4
        assert len(list(kg.sparql("CONSTRUCT WHERE { ?s <http://example.org/knows> ?o }"))) == 3
        with pytest.raises(QueryError, match="SERVICE"):
            kg.sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        with pytest.raises(QueryTimeout):
            kg.sparql(SLOW, timeout=0.5)
        assert len(list(kg.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 2"))) == 2
