"""Every export format, written and read back by the library that consumes it."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from pactgraph.cli import main
from pactgraph.errors import ParameterError
from pactgraph.export import GRAPH_FORMATS, RDF_EXPORTS, export, jsonld_context, write_graph
from pactgraph.projections import actor_projection, signatory_projection
from partnership_graph import iri

GEXF = "{http://gexf.net/1.3}"
TESTS = Path(__file__).resolve().parent


def store_dataset(kg) -> rdflib.Dataset:
    """The store's quads (less its bookkeeping graph) as an rdflib Dataset."""
    import pyoxigraph as ox

    from pactgraph.store import META_GRAPH

    quads = [q for q in kg.store.db.quads_for_pattern(None, None, None, None) if q.graph_name.value != META_GRAPH]
    dataset = rdflib.Dataset()
    dataset.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode(), format="nquads")
    return dataset


def same_graphs(a: rdflib.Dataset, b: rdflib.Dataset) -> bool:
    names_a = {g.identifier for g in a.graphs() if len(g)}
    names_b = {g.identifier for g in b.graphs() if len(g)}
    return names_a == names_b and all(isomorphic(a.graph(n), b.graph(n)) for n in names_a)


def same_structure(G, H) -> bool:
    return set(map(str, G.nodes)) == set(map(str, H.nodes)) and \
        {frozenset(map(str, e[:2])) for e in G.edges} == {frozenset(map(str, e[:2])) for e in H.edges}


# -- RDF ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, parser", [("turtle", "turtle"), ("ntriples", "nt")])
def test_triple_formats_round_trip(kg, tmp_path, fmt, parser):
    (path,) = export(kg, fmt, tmp_path / f"graph.{fmt}")
    back = rdflib.Graph().parse(path, format=parser)
    union = rdflib.Graph()
    for s, p, o, _ in store_dataset(kg).quads():
        union.add((s, p, o))
    assert len(back) == len(union) and isomorphic(back, union)


@pytest.mark.parametrize("fmt, parser", [("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_quad_formats_keep_named_graphs(kg, tmp_path, fmt, parser):
    (path,) = export(kg, fmt, tmp_path / f"graph.{fmt}")
    back = rdflib.Dataset()
    back.parse(path, format=parser)
    assert same_graphs(back, store_dataset(kg))
    assert iri("source/nato-japan-2013") in {str(g.identifier) for g in back.graphs()}


def test_jsonld_uses_the_published_context(kg, tmp_path):
    shipped = json.loads((TESTS.parent / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert shipped["@context"] == jsonld_context()
    (path,) = export(kg, "jsonld", tmp_path / "graph.jsonld")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"] == jsonld_context()
    text = path.read_text(encoding="utf-8")
    assert '"party"' in text and '"quote"' in text and "pactgraph/ontology#party" not in text


def test_rdf_export_is_deterministic(kg, tmp_path):
    first = export(kg, "turtle", tmp_path / "a.ttl")[0].read_bytes()
    assert export(kg, "turtle", tmp_path / "b.ttl")[0].read_bytes() == first


def test_rdf_export_refuses_projection(kg, tmp_path):
    with pytest.raises(ParameterError, match="apply to graph formats"):
        export(kg, "turtle", tmp_path / "x.ttl", projection="actors")
    with pytest.raises(ParameterError, match="unknown export format 'xls'"):
        export(kg, "xls", tmp_path / "x.xls")


# -- GraphML ------------------------------------------------------------------------------


def test_graphml_round_trip_with_typed_attributes(actors, tmp_path):
    (path,) = write_graph(actors, "graphml", tmp_path / "actors.graphml")
    back = nx.read_graphml(path)
    assert same_structure(actors, back)
    japan = back.nodes[iri("state/jpn")]
    assert japan["label"] == "Japan" and japan["wikidata"] == "Q17" and japan["iso3"] == "JPN"
    edge = back.edges[iri("org/nato"), iri("state/jpn")]
    assert edge["weight"] == 2 and isinstance(edge["weight"], int)
    assert edge["agreement_labels"] == "NATO-Japan Joint Political Declaration"
    assert "NATO and Japan today signed" in edge["quotes"]
    keys = {k.get("attr.name"): k.get("attr.type") for k in ET.parse(path).getroot().iter(
        "{http://graphml.graphdrawing.org/xmlns}key")}
    assert keys["weight"] in ("int", "long") and keys["label"] == "string"


def test_graphml_of_a_multigraph(kg, tmp_path):
    G = signatory_projection(kg)
    back = nx.read_graphml(write_graph(G, "graphml", tmp_path / "signatories.graphml")[0], force_multigraph=True)
    assert back.is_multigraph() and back.number_of_edges() == G.number_of_edges() == 3


# -- GEXF 1.3 -----------------------------------------------------------------------------


def _gexf_schema() -> Path | None:
    """The GEXF 1.3 schema (RelaxNG .rng or XSD), if one is available to validate against.

    It is not shipped with pactgraph (see tests/README-gexf-schema.md); set
    PACTGRAPH_GEXF_SCHEMA to its gexf.rng or gexf.xsd, or put it in tests/schemas/gexf-1.3/.
    A variable that names no file fails the test rather than quietly skipping it.
    """
    chosen = os.environ.get("PACTGRAPH_GEXF_SCHEMA")
    if chosen:
        if not Path(chosen).is_file():
            pytest.fail(f"PACTGRAPH_GEXF_SCHEMA={chosen} is not a file")
        return Path(chosen)
    candidates = [TESTS / "schemas" / "gexf-1.3" / name for name in ("gexf.rng", "gexf.xsd")]
    return next((c for c in candidates if c.is_file()), None)


def _dynamic_graph() -> nx.MultiDiGraph:
    """A small graph with what a projection may hold: node start dates, overlapping, closed and
    open-ended spells, every attribute type, lists, mixed int/float weights and awkward labels."""
    G = nx.MultiDiGraph(projection="synthetic", as_of="2020-12-31")
    G.add_node("s:a", label=' Côte d\'Ivoire <&> "A"\n', type="State", start="1960-08-07", member=True, rank=3,
               share=0.25, tags=["x", "y"])
    G.add_node("s:b", label="", type="State", member=False, rank=1, share=1.0)
    G.add_node(7, type="Mission", start="2001-12-20")
    links = [{"relation": "party", "start": "1994-05-09", "end": "2001-01-01"},
             {"relation": "party", "start": "2000-06-01", "end": "2005-01-01"},
             {"relation": "party", "start": "2010-01-01", "end": None},
             {"relation": "party", "start": None}]
    G.add_edge("s:a", "s:b", weight=3, relations=["party"], links=links, confident=True, score=0.5)
    G.add_edge("s:a", "s:b", weight=1.5, relations=["member"], links=links[2:])
    G.add_edge("s:b", 7, links=[])
    return G


def test_gexf_reads_back_with_time_intervals(actors, tmp_path):
    (path,) = write_graph(actors, "gexf", tmp_path / "actors.gexf")
    back = nx.read_gexf(path)
    assert same_structure(actors, back)
    assert back.nodes[iri("state/jpn")]["label"] == "Japan"
    assert back.nodes[iri("state/jpn")]["wikidata"] == "Q17"
    finland = back.edges[iri("state/fin"), iri("org/nato")]
    assert finland["spells"] == [("1994-05-09", "2023-04-04")]
    nato_japan = back.edges[iri("org/nato"), iri("state/jpn")]
    assert nato_japan["spells"][0][0] == "2013-04-15" and nato_japan["weight"] == 2.0
    assert back.nodes[iri("state/mng")]["start"] == "2024-03-12"


def test_gexf_follows_the_1_3_structure(actors, tmp_path):
    root = ET.parse(write_graph(actors, "gexf", tmp_path / "actors.gexf")[0]).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    assert not [a for a in root.attrib if a.startswith("{")]  # no xsi:schemaLocation the schema would reject
    graph = root.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == ("dynamic", "date",
                                                                                          "undirected")
    assert graph.get("name") is None  # networkx writes name="", which GEXF 1.3 does not allow
    declared = {}
    for block in graph.findall(f"{GEXF}attributes"):
        assert set(block.attrib) == {"class"}  # no 'mode' attribute on <attributes> in GEXF 1.3
        declared[block.get("class")] = {a.get("id") for a in block.findall(f"{GEXF}attribute")}
    for cls in ("node", "edge"):
        for element in graph.iter(f"{GEXF}{cls}"):
            assert {v.get("for") for v in element.iter(f"{GEXF}attvalue")} <= declared[cls]
    spells = [s.attrib for s in graph.iter(f"{GEXF}spell")]
    assert spells and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for s in spells for v in s.values())


def test_gexf_validates_against_the_gexf_1_3_schema(kg, actors, tmp_path):
    schema_path = _gexf_schema()
    if schema_path is None:
        pytest.skip("GEXF 1.3 schema not available: set PACTGRAPH_GEXF_SCHEMA (see tests/README-gexf-schema.md)")
    etree = pytest.importorskip("lxml.etree")
    from pactgraph.projections import PROJECTIONS, project

    schema_doc = etree.parse(str(schema_path))
    if schema_path.suffix == ".rng":
        try:
            schema = etree.RelaxNG(schema_doc)
        except etree.RelaxNGParseError as exc:
            pytest.fail(f"{schema_path} does not compile ({exc}); it includes dynamics.rng and viz.rng, "
                        "which must sit beside it")
    else:
        try:
            schema = etree.XMLSchema(schema_doc)
        except etree.XMLSchemaParseError as exc:  # the published 1.3 XSD lacks types and viz.xsd
            pytest.skip(f"{schema_path.name} does not compile ({exc}); validate with gexf.rng instead")
    graphs = [("actors", actors), ("early", actor_projection(kg, as_of="2015-01-01")),
              ("synthetic", _dynamic_graph())]
    graphs += [(name, project(kg, name)) for name in PROJECTIONS]
    spells = starts = 0
    for name, G in graphs:
        document = etree.parse(str(write_graph(G, "gexf", tmp_path / f"{name}.gexf")[0]))
        assert schema.validate(document), f"{name}: {schema.error_log}"
        spells += len(list(document.iter(f"{GEXF}spell")))
        starts += sum(1 for node in document.iter(f"{GEXF}node") if node.get("start"))
    assert spells and starts  # the dynamic parts were there to be validated


def test_gexf_keeps_weights_and_spells_of_a_dynamic_multigraph(tmp_path):
    (path,) = write_graph(_dynamic_graph(), "gexf", tmp_path / "synthetic.gexf")
    back = nx.read_gexf(path)
    weights = sorted(d["weight"] for *_, d in back.edges(data=True) if "weight" in d)
    assert weights == [1.5, 3.0]  # ints and floats mixed: both still written as weights
    root = ET.parse(path).getroot()
    spells = [[dict(s.attrib) for s in e.iter(f"{GEXF}spell")] for e in root.iter(f"{GEXF}edge")]
    assert spells[0] == [{"start": "1994-05-09", "end": "2005-01-01"}, {"start": "2010-01-01"}]
    assert spells[2] == []  # no dated link, no <spells> (the schema wants at least one spell in it)
    assert back.nodes["s:a"]["start"] == "1960-08-07" and "start" not in back.nodes["s:b"]
    assert back.nodes["s:a"]["label"] == ' Côte d\'Ivoire <&> "A"\n'


def test_gexf_of_a_snapshot(kg, tmp_path):
    (path,) = export(kg, "gexf", tmp_path / "early.gexf", as_of="2015-01-01")
    back = nx.read_gexf(path)
    assert sorted(d["label"] for _, d in back.nodes(data=True)) == ["Australia", "Finland", "Japan", "NATO"]


# -- JSON formats -------------------------------------------------------------------------


def test_cytoscape_json(actors, tmp_path):
    (path,) = write_graph(actors, "cytoscape", tmp_path / "actors.cyjs")
    data = json.loads(path.read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert {n["data"]["id"] for n in nodes} == set(actors)
    assert all({"id", "source", "target"} <= e["data"].keys() for e in edges)
    back = nx.cytoscape_graph(data)
    assert same_structure(actors, back)
    assert back.nodes[iri("state/jpn")]["label"] == "Japan"
    assert back.edges[iri("org/nato"), iri("state/jpn")]["agreement_labels"] == ["NATO-Japan Joint Political Declaration"]


def test_d3_node_link_json(kg, actors, tmp_path):
    (path,) = write_graph(actors, "d3", tmp_path / "actors.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"nodes", "links"} <= data.keys() and {"source", "target", "weight"} <= data["links"][0].keys()
    back = nx.node_link_graph(data, edges="links")
    assert same_structure(actors, back)
    assert back.edges[iri("org/nato"), iri("state/jpn")]["quotes"][0].startswith("NATO and Japan")
    signatories = signatory_projection(kg)
    multi = nx.node_link_graph(json.loads(write_graph(signatories, "d3", tmp_path / "s.json")[0].read_text()),
                               edges="links")
    assert multi.is_multigraph() and multi.number_of_edges() == 3


# -- Graphviz DOT -------------------------------------------------------------------------


def test_dot_reads_back_with_pydot(actors, tmp_path):
    pydot = pytest.importorskip("pydot")
    (path,) = write_graph(actors, "dot", tmp_path / "actors.dot")
    (graph,) = pydot.graph_from_dot_file(str(path))
    back = nx.nx_pydot.from_pydot(graph)
    assert same_structure(actors, back)
    assert back.nodes[iri("state/jpn")]["label"].strip('"') == "Japan"


def test_dot_renders_with_graphviz(actors, tmp_path):
    if shutil.which("dot") is None:
        pytest.skip("Graphviz 'dot' is not installed")
    (path,) = write_graph(actors, "dot", tmp_path / "actors.dot")
    result = subprocess.run(["dot", "-Tjson", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    layout = json.loads(result.stdout)
    assert len(layout["objects"]) == actors.number_of_nodes() and len(layout["edges"]) == actors.number_of_edges()


def test_dot_escapes_quotes(tmp_path):
    G = nx.Graph()
    G.add_node('a "quoted" name', label='He said "partners"\\', type="State")
    (graph,) = pytest.importorskip("pydot").graph_from_dot_file(str(write_graph(G, "dot", tmp_path / "q.dot")[0]))
    assert len(graph.get_nodes()) >= 1


# -- CSV tables ---------------------------------------------------------------------------


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def test_gephi_csv_tables(actors, tmp_path):
    nodes_path, edges_path = write_graph(actors, "csv", tmp_path / "actors.csv")
    assert (nodes_path.name, edges_path.name) == ("actors-nodes.csv", "actors-edges.csv")
    node_header, nodes = read_csv(nodes_path)
    edge_header, edges = read_csv(edges_path)
    assert node_header[:2] == ["Id", "Label"] and edge_header[:4] == ["Source", "Target", "Type", "Weight"]
    back = nx.Graph()
    back.add_nodes_from((n["Id"], n) for n in nodes)
    back.add_edges_from((e["Source"], e["Target"], e) for e in edges)
    assert same_structure(actors, back) and {e["Type"] for e in edges} == {"Undirected"}
    assert back.nodes[iri("state/jpn")]["Label"] == "Japan"
    assert back.edges[iri("org/nato"), iri("state/jpn")]["Weight"] == "2"


def test_neo4j_admin_import_tables(actors, tmp_path):
    nodes_path, edges_path = write_graph(actors, "neo4j", tmp_path / "actors.csv")
    node_header, nodes = read_csv(nodes_path)
    edge_header, edges = read_csv(edges_path)
    # neo4j-admin header grammar: name[:type] with the special :ID, :LABEL, :START_ID, :END_ID, :TYPE fields
    field = re.compile(r"^(\w*)(:(ID|LABEL|START_ID|END_ID|TYPE|long|int|double|float|boolean|string|date)(\[\])?)?$")
    assert all(field.match(h) for h in node_header + edge_header), node_header + edge_header
    assert node_header[0] == "id:ID" and ":LABEL" in node_header
    assert edge_header[:4] == [":START_ID", ":END_ID", ":TYPE", "weight:long"]
    ids = [n["id:ID"] for n in nodes]
    assert len(ids) == len(set(ids)) == actors.number_of_nodes()
    assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)
    assert {e[":TYPE"] for e in edges} == {"PARTNERS_WITH"}
    japan = next(n for n in nodes if n["id:ID"] == iri("state/jpn"))
    assert japan[":LABEL"] == "Actor;State" and japan["label"] == "Japan"
    nato_japan = next(e for e in edges if {e[":START_ID"], e[":END_ID"]} == {iri("org/nato"), iri("state/jpn")})
    assert nato_japan["relations:string[]"].split("|") == ["partnerOf", "party"] and nato_japan["weight:long"] == "2"
    assert len(nato_japan["quotes:string[]"].split("|")) == 2


def test_csv_into_a_folder(actors, tmp_path):
    paths = write_graph(actors, "csv", tmp_path / "tables")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"] and all(p.parent.name == "tables" for p in paths)


# -- writing safely -----------------------------------------------------------------------


def test_writers_replace_files_atomically(actors, tmp_path, monkeypatch):
    import pactgraph.export as export_module

    target = tmp_path / "actors.json"
    target.write_text("previous content", encoding="utf-8")

    def broken_dump(data, handle, **kwargs):
        handle.write('{"nodes": [')
        raise RuntimeError("disk full")

    monkeypatch.setattr(export_module.json, "dump", broken_dump)
    with pytest.raises(RuntimeError):
        write_graph(actors, "d3", target)
    assert target.read_text(encoding="utf-8") == "previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["actors.json"]


def test_every_format_is_covered():
    assert set(RDF_EXPORTS) | set(GRAPH_FORMATS) == {"turtle", "ntriples", "nquads", "trig", "jsonld", "graphml",
                                                     "gexf", "cytoscape", "dot", "csv", "neo4j", "d3"}


# -- command line -------------------------------------------------------------------------


def test_cli_export(store, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["export", "gexf", "-o", str(tmp_path / "a.gexf"), "--store", str(store),
                                  "--as-of", "2020-01-01"])
    assert result.exit_code == 0 and result.output.strip() == f"wrote {tmp_path / 'a.gexf'}"
    result = runner.invoke(main, ["export", "neo4j", "-o", str(tmp_path / "sig.csv"), "--store", str(store),
                                  "--projection", "signatories"])
    assert result.exit_code == 0 and (tmp_path / "sig-edges.csv").exists()
    result = runner.invoke(main, ["export", "trig", "-o", str(tmp_path / "all.trig"), "--store", str(store),
                                  "--projection", "actors"])
    assert result.exit_code == 2 and result.output.startswith("error: --projection and --as-of apply")
