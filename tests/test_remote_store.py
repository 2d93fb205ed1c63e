"""The same store-level assertions on the embedded store and on a real SPARQL server (``oxigraph serve``).

The ``store`` fixture is parametrized: ``embedded`` is :class:`pactgraph.store.Store`
in a temporary folder, ``oxigraph`` is :class:`pactgraph.remote.RemoteStore` on an
in-memory Oxigraph server started on 127.0.0.1 for this module.
"""

from __future__ import annotations

import json
import os
import urllib.request

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from serving import oxigraph_binary, start_oxigraph

from pactgraph.cli import main
from pactgraph.errors import QueryError, StoreError
from pactgraph.knowledge import KnowledgeGraph
from pactgraph.remote import RemoteStore, bind_values, is_endpoint_url
from pactgraph.store import META_GRAPH, Store

G1 = "https://w3id.org/pactgraph/id/source/test-one"
G2 = "https://w3id.org/pactgraph/id/source/test-two"
EX = "http://example.org/"


def quads(graph: str, n: int, tag: str = "v") -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    return [ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"{tag} {i} \"quoted\"\n"), g)
            for i in range(n)] + [ox.Quad(ox.NamedNode(f"{EX}s0"), ox.NamedNode(
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(
                "https://w3id.org/pactgraph/ontology#Actor"), g)]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    if oxigraph_binary() is None:
        pytest.skip("the oxigraph command is not installed (pip install oxigraph)")
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


def _clear(server) -> None:
    request = urllib.request.Request(server.url + "/update", data=b"DROP ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=30).close()


@pytest.fixture(params=["embedded", "oxigraph", "oxigraph-explicit"])
def location(request, tmp_path, monkeypatch):
    """Where a store lives: a folder, or the query endpoint of a freshly emptied Oxigraph server.

    ``oxigraph`` finds the server's own union parameter and Graph Store endpoint;
    ``oxigraph-explicit`` uses only standard protocol features: the dataset named
    with default-graph-uri/named-graph-uri, and writes as SPARQL updates.
    """
    if request.param == "embedded":
        return str(tmp_path / "store")
    if request.param == "oxigraph-explicit":
        monkeypatch.setenv("PACTGRAPH_UNION", "explicit")
        monkeypatch.setenv("PACTGRAPH_GSP_URL", "")
    server = request.getfixturevalue("oxigraph")
    _clear(server)
    return server.url + "/query"


def open_store(location: str, write: bool = True):
    if is_endpoint_url(location):
        return RemoteStore(location, write=write)
    return Store(location, write=write, create=write)


@pytest.fixture
def store(location):
    s = open_store(location)
    yield s
    s.close()


# -- store-level assertions (identical for both) ------------------------------------------------------

def test_remote_modes(location):
    if not is_endpoint_url(location):
        pytest.skip("a folder store has no protocol modes")
    store = RemoteStore(location)
    explicit = os.environ.get("PACTGRAPH_UNION") == "explicit"
    assert store.union == ("explicit" if explicit else "oxigraph")
    assert store.update_url.endswith("/update")
    assert store.gsp_url is None if explicit else store.gsp_url.endswith("/store")


def test_new_store_has_only_the_format_marker(store):
    assert store.graphs() == [META_GRAPH]
    assert len(store) == 1
    assert not store.has_graph(G1)


def test_replace_graph_adds_then_replaces(store):
    assert store.replace_graph(G1, quads(G1, 5)) == 6
    assert store.has_graph(G1) and G1 in store.graphs()
    assert len(store) == 1 + 6
    assert store.replace_graph(G1, quads(G1, 2, tag="w")) == 3
    values = sorted(row["o"].value for row in store.query(
        "SELECT ?g ?o WHERE { GRAPH ?g { ?s <http://example.org/p> ?o } }", {ox.Variable("g"): ox.NamedNode(G1)}))
    assert values == ['w 0 "quoted"\n', 'w 1 "quoted"\n']
    assert len(store) == 1 + 3


def test_drop_graph_leaves_nothing_behind(store):
    store.replace_graph(G1, quads(G1, 3))
    store.replace_graph(G2, quads(G2, 2))
    store.drop_graph(G1)
    assert not store.has_graph(G1) and store.has_graph(G2)
    assert len(store) == 1 + 3
    store.drop_graph(G1)  # dropping a missing graph is not an error


def test_queries_see_the_union_of_graphs_with_prefixes_predeclared(store):
    store.replace_graph(G1, quads(G1, 2))
    store.replace_graph(G2, [ox.Quad(ox.NamedNode(f"{EX}s0"), ox.NamedNode(f"{EX}q"), ox.Literal("x"),
                                     ox.NamedNode(G2))])
    solutions = store.query("SELECT ?o ?x WHERE { ?s a pact:Actor ; <http://example.org/p> ?o ; "
                            "<http://example.org/q> ?x }")
    assert isinstance(solutions, ox.QuerySolutions)
    assert [v.value for v in solutions.variables] == ["o", "x"]
    assert [(r["o"].value, r["x"].value) for r in solutions] == [('v 0 "quoted"\n', "x")]


def test_result_kinds_match_pyoxigraph(store):
    store.replace_graph(G1, quads(G1, 2))
    ask = store.query("ASK { ?s a pact:Actor }")
    assert isinstance(ask, ox.QueryBoolean) and bool(ask) is True
    triples = store.query("CONSTRUCT { ?s <http://example.org/copy> ?o } WHERE { ?s <http://example.org/p> ?o }")
    assert isinstance(triples, ox.QueryTriples)
    assert sorted(t.object.value for t in triples) == ['v 0 "quoted"\n', 'v 1 "quoted"\n']


def test_substitutions_bind_variables(store):
    store.replace_graph(G1, quads(G1, 3))
    rows = store.query("SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o }",
                       {ox.Variable("s"): ox.NamedNode(f"{EX}s2")})
    assert [(r["s"].value, r["o"].value) for r in rows] == [(f"{EX}s2", 'v 2 "quoted"\n')]
    rows = store.query("SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o }",
                       {ox.Variable("o"): ox.Literal('v 1 "quoted"\n')})
    assert [r["s"].value for r in rows] == [f"{EX}s1"]


def test_invalid_query_is_a_query_error(location):
    store = open_store(location)
    store.close()
    with KnowledgeGraph(location) as kg, pytest.raises(QueryError):
        kg.sparql("SELEC ?x WHERE { ?x ?p ?o }")


def test_read_only_store_refuses_writes(location):
    open_store(location).close()
    store = open_store(location, write=False)
    with pytest.raises(StoreError, match="read-only"):
        store.replace_graph(G1, quads(G1, 1))
    with pytest.raises(StoreError, match="read-only"):
        store.drop_graph(G1)
    store.close()


def test_knowledge_graph_ingest_query_evidence_remove(location):
    text = ("Joint Statement\n\nNATO and Japan signed a Joint Declaration on 15 April 2013 in Tokyo. "
            "Both reaffirm their commitment to democracy and the rule of law.")
    with KnowledgeGraph(location, write=True, create=True) as kg:
        result = kg.ingest_text(text, name="remote-test.txt")
        assert result.quads > 0 and not result.replaced
        assert kg.ingest_text(text, name="remote-test.txt").replaced
        rows = kg.query("agreements-of", actor="Japan")
        assert [r["label"][:17] for r in rows] == ["Joint Declaration"]
        assert any("NATO and Japan signed" in row["quote"] for row in kg.evidence(None, "party", "Japan"))
        assert kg.stats()["sources"] == 1
        kg.remove(result.source)
        assert kg.store.graphs() == [META_GRAPH]
        with pytest.raises(StoreError, match="no source"):
            kg.remove(result.source)


# -- the two back ends give the same answers ---------------------------------------------------

def _unordered_concat(rows: list[dict]) -> list[dict]:
    """Rows comparable across engines: GROUP_CONCAT parts and rows that ORDER BY leaves tied, sorted."""
    rows = [{k: sorted(v.split("; ")) if isinstance(v, str) and "; " in v else v for k, v in row.items()}
            for row in rows]
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True))


def _without_blank_nodes(lines: list[str]) -> tuple[int, list[str]]:
    """Blank node labels differ between two parses of the same files: count those lines, compare the rest."""
    return len(lines), [line for line in lines if "_:" not in line]


@pytest.fixture(scope="module")
def both(oxigraph, tmp_path_factory):
    """The bundled graph built into an embedded store and into the Oxigraph server."""
    _clear(oxigraph)
    folder = tmp_path_factory.mktemp("embedded") / "store"
    stores = {"embedded": str(folder), "oxigraph": oxigraph.url + "/query"}
    for location in stores.values():
        with KnowledgeGraph(location, write=True, create=True) as kg:
            kg.build()
    return stores


def test_built_graph_is_the_same_on_both(both):
    from pactgraph.queries import list_queries
    from pactgraph.release import release_lines

    answers = {}
    for name, location in both.items():
        with KnowledgeGraph(location) as kg:
            stats = kg.stats()
            stats.pop("store")
            answers[name] = {
                "stats": stats,
                "graphs": kg.store.graphs(),
                "named": {q.name: _unordered_concat(kg.query(q.name, **{k: str(v) for k, v in q.example.items()}))
                          for q in list_queries()},
                "evidence": _unordered_concat(kg.evidence("NATO", None, "Japan")),
                "sources": _unordered_concat(kg.sources()),
                "release": _without_blank_nodes(release_lines(kg)),
            }
    assert answers["embedded"]["stats"]["evidence"] > 0
    for key in answers["embedded"]:
        assert answers["oxigraph"][key] == answers["embedded"][key], key


def test_cli_accepts_an_endpoint_url(both):
    url = both["oxigraph"]
    result = CliRunner().invoke(main, ["stats", "--store", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["store"] == url
    result = CliRunner().invoke(main, ["query", "partners-of", "-p", "actor=Japan", "--store", url, "--format", "json"])
    assert result.exit_code == 0 and "NATO" in result.output
    result = CliRunner().invoke(main, ["stats"], env={"PACTGRAPH_STORE": url})
    assert result.exit_code == 0 and url in result.output


def test_analyze_export_and_validate_agree_on_both(both, tmp_path):
    import networkx

    outputs = {}
    for name, location in both.items():
        centrality = CliRunner().invoke(main, ["analyze", "centrality", "--store", location, "--format", "json"])
        assert centrality.exit_code == 0, centrality.output
        target = tmp_path / f"{name}.graphml"
        exported = CliRunner().invoke(main, ["export", "graphml", "-o", str(target), "--store", location])
        assert exported.exit_code == 0, exported.output
        with KnowledgeGraph(location) as kg:
            report = kg.validate()
        graph = networkx.read_graphml(target)
        exported_graph = (sorted(graph.nodes(data=True)), sorted((u, v, sorted(d.items()))
                                                                 for u, v, d in graph.edges(data=True)))
        outputs[name] = (json.loads(centrality.output), exported_graph, report.conforms, report.triples)
    assert outputs["oxigraph"] == outputs["embedded"]


def test_unreachable_endpoint_is_a_one_line_error():
    result = CliRunner().invoke(main, ["stats", "--store", "http://127.0.0.1:9/query"])
    assert result.exit_code == StoreError.exit_code
    assert result.output.startswith("error: cannot reach SPARQL endpoint http://127.0.0.1:9/query")


def test_bind_values_puts_values_inside_the_outer_where():
    query = 'CONSTRUCT { ?a <http://x/p> "{" } WHERE { ?a ?p ?o FILTER(?o != "WHERE {") }'
    bound = bind_values(query, {ox.Variable("a"): ox.NamedNode("http://x/a")})
    assert bound.startswith('CONSTRUCT { ?a <http://x/p> "{" } WHERE { VALUES (?a) { (<http://x/a>) }')
    with pytest.raises(QueryError):
        bind_values("SELECT * WHERE { ?a ?p ?o }", {ox.Variable("a"): ox.BlankNode()})
