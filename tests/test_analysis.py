"""Analyses checked against answers worked out by hand on tests/partnership_graph.py."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from pactgraph.analysis import (
    centrality,
    communities,
    connect,
    ego_network,
    ego_rows,
    find_node,
    growth,
    louvain_partition,
    similar,
)
from pactgraph.cli import main
from pactgraph.errors import ParameterError
from pactgraph.projections import actor_projection, concept_projection, relation_projection
from partnership_graph import iri


def cli(*args, ok=True):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


# -- centrality ---------------------------------------------------------------------------


def test_top_three_betweenness(actors):
    rows = centrality(actors, top=3)
    assert [r["label"] for r in rows] == ["Japan", "NATO", "European Union"]
    # 8 nodes: (n-1)(n-2)/2 = 21 pairs; Japan lies on 12 shortest paths, NATO on 11, the EU on 10.
    assert [r["betweenness"] for r in rows] == [round(12 / 21, 6), round(11 / 21, 6), round(10 / 21, 6)]
    assert [r["rank"] for r in rows] == [1, 2, 3] and rows[0]["node"] == iri("state/jpn")


def test_centrality_measures_and_sorting(actors):
    by_degree = centrality(actors, measures=["degree"], sort="degree")
    assert by_degree[0]["label"] == "NATO" and by_degree[0]["degree"] == 4
    assert set(by_degree[0]) == {"rank", "label", "type", "degree", "node"}
    pagerank = centrality(actors, measures=["pagerank"])
    assert abs(sum(r["pagerank"] for r in pagerank) - 1) < 1e-3 and pagerank[0]["label"] == "NATO"
    with pytest.raises(ParameterError, match="unknown centrality measure 'fame'"):
        centrality(actors, measures=["fame"])


# -- communities --------------------------------------------------------------------------


def _partitions(items):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in _partitions(rest):
        for i in range(len(partition)):
            yield partition[:i] + [[first, *partition[i]]] + partition[i + 1:]
        yield [[first], *partition]


def test_louvain_finds_the_best_partition(actors):
    rows = communities(actors, seed=42)
    assert [r["members"] for r in rows] == [["Australia", "Finland", "Japan", "Mongolia", "NATO"],
                                            ["European Union", "France", "India"]]
    # Brute force over all 4,140 partitions of the 8 actors: no partition has a higher modularity.
    best = max(nx.community.modularity(actors, p, weight="weight") for p in _partitions(list(actors)))
    assert rows[0]["modularity"] == pytest.approx(best, abs=1e-6)


def test_communities_are_reproducible(actors):
    assert louvain_partition(actors, seed=7) == louvain_partition(actors, seed=7)
    assert communities(actors, seed=3) == communities(actors, seed=3)


# -- what connects X and Y ---------------------------------------------------------------


def test_connect_mongolia_and_india_through_agreements(actors):
    hops = connect(actors, "Mongolia", "India")
    assert [(h["from"], h["to"]) for h in hops] == [("Mongolia", "NATO"), ("NATO", "Japan"),
                                                    ("Japan", "European Union"), ("European Union", "India")]
    assert {h["path"] for h in hops} == {1} and [h["hop"] for h in hops] == [1, 2, 3, 4]
    assert all(h["relation"] == "agreement" for h in hops)
    assert [h["agreement"] for h in hops] == ["Individually Tailored Partnership Programme",
                                              "NATO-Japan Joint Political Declaration",
                                              "EU-Japan Strategic Partnership Agreement", "EU-India Roadmap to 2025"]
    assert [h["quote"] for h in hops] == [
        "NATO and Mongolia agreed an Individually Tailored Partnership Programme.",
        "NATO and Japan today signed a Joint Political Declaration in Tokyo.",
        "The European Union and Japan signed a Strategic Partnership Agreement in Tokyo.",
        "The EU and India endorsed a Roadmap to 2025 for their strategic partnership.",
    ]
    assert hops[1]["source"] == iri("source/nato-japan-2013") and hops[1]["date"] == "2013-04-15"


def test_connect_through_every_relation(kg):
    relations = relation_projection(kg)
    hops = connect(relations, "MNG", "Q668")  # ISO code and Wikidata QID work as names
    assert [(h["from"], h["relation"], h["to"]) for h in hops] == [
        ("Mongolia", "agreement", "NATO"), ("NATO", "has member", "France"), ("France", "agreement", "India")]
    assert hops[1]["source"] == "https://w3id.org/pactgraph/graph/reference"
    (hop,) = connect(relations, "Japan", "Afghanistan")
    assert hop["relation"] == "contributesTo"
    assert hop["quote"] == "Japan has been one of the largest donors to Afghanistan's reconstruction."
    (back,) = connect(relations, "Afghanistan", "Japan")
    assert back["relation"] == "receives contributions from"


def test_connect_without_path_or_actor(kg, actors):
    early = actor_projection(kg, as_of="2013-12-31")
    early.add_node("x", label="Atlantis", type="State")
    assert connect(early, "Japan", "Atlantis") == []
    with pytest.raises(ParameterError, match="'Afghanistan' is not in the actors projection"):
        connect(actors, "Japan", "Afghanistan")
    with pytest.raises(ParameterError, match="same actor"):
        connect(actors, "Japan", "JPN")


def test_find_node_by_any_name(actors):
    japan = iri("state/jpn")
    assert {find_node(actors, name) for name in ("Japan", "japan", "Q17", "JPN", "JP", japan)} == {japan}


# -- similarity ---------------------------------------------------------------------------


def test_values_most_like_japans(kg):
    rows = similar(concept_projection(kg), "Japan", kinds=["value"], top=3)
    assert [(r["other"], r["score"]) for r in rows] == [("European Union", 1.0), ("NATO", 0.75),
                                                        ("Australia", round(2 / 3, 6))]
    assert rows[0]["shared"] == ["democracy", "human rights", "rule of law"] and rows[0]["count"] == 3


def test_similarity_cosine_and_all_pairs(kg):
    G = concept_projection(kg)
    cosine = similar(G, "Japan", metric="cosine", kinds=["value"])
    assert cosine[0]["other"] == "European Union" and cosine[0]["score"] == pytest.approx(1.0)
    pairs = similar(G, kinds=["value"], top=None)
    assert ("European Union", "Japan", 1.0) in {(r["actor"], r["other"], r["score"]) for r in pairs}
    assert all(r["count"] > 0 for r in pairs)
    challenges = similar(G, "Japan", kinds=["challenge"], top=1)
    assert challenges[0]["other"] == "NATO" and challenges[0]["shared"] == ["cyber attacks", "piracy", "terrorism"]
    with pytest.raises(ParameterError, match="unknown similarity metric"):
        similar(G, metric="euclid")


# -- ego network and growth ---------------------------------------------------------------


def test_ego_network(actors):
    ego = ego_network(actors, "Japan", depth=1)
    assert sorted(ego.nodes[n]["label"] for n in ego) == ["Australia", "European Union", "Japan", "NATO"]
    assert ego.nodes[iri("state/jpn")]["ego"] is True
    rows = ego_rows(ego)
    assert [(r["from"], r["to"], r["distance"]) for r in rows] == [
        ("Japan", "Australia", 1), ("Japan", "European Union", 1), ("Japan", "NATO", 1), ("NATO", "Australia", 1)]
    assert len(ego_network(actors, "Japan", depth=2)) == 7 and len(ego_network(actors, "Japan", depth=3)) == 8


def test_growth_of_the_network_and_of_japan(actors):
    rows = {r["year"]: r for r in growth(actors, start=2011, end=2024)}
    assert (rows[2011]["nodes"], rows[2011]["edges"]) == (2, 1)  # Finland and NATO
    assert (rows[2013]["edges"], rows[2013]["new_edges"]) == (3, 1)
    assert rows[2023]["edges"] == 6 and rows[2024]["edges"] == 7
    japan = {r["year"]: r for r in growth(actors, "Japan")}
    assert japan[2013]["new"] == ["NATO"] and japan[2018]["new"] == ["European Union"]
    assert japan[2022]["partners"] == 3 and japan[2022]["new"] == ["Australia"]
    finland = {r["year"]: r for r in growth(actors, "Finland", start=2022)}
    assert finland[2023]["lost"] == ["NATO"] and finland[2022]["new"] == []


def test_dataframes_when_pandas_is_installed(actors):
    pd = pytest.importorskip("pandas")
    frame = centrality(actors, as_dataframe=True)
    assert isinstance(frame, pd.DataFrame) and list(frame["label"][:3]) == ["Japan", "NATO", "European Union"]


# -- command line -------------------------------------------------------------------------


def test_cli_centrality_json(store):
    rows = json.loads(cli("analyze", "centrality", "--store", store, "--top", "3", "--format", "json").stdout)
    assert [r["label"] for r in rows] == ["Japan", "NATO", "European Union"]


def test_cli_connect_table_and_csv(store):
    table = cli("analyze", "connect", "Mongolia", "India", "--store", store, "--projection", "actors").stdout
    assert "NATO and Mongolia agreed" in table and "(4 rows)" in table and "https://" not in table
    rows = list(csv.DictReader(io.StringIO(cli("analyze", "connect", "Japan", "Afghanistan", "--store", store,
                                               "--format", "csv").stdout)))
    assert rows[0]["relation"] == "contributesTo" and rows[0]["to_node"] == "id:state/afg"


def test_cli_other_analyses(store):
    assert "European Union; France; India" in cli("analyze", "communities", "--store", store).stdout
    assert "democracy; human rights; rule of law" in cli("analyze", "similar", "Japan", "--by", "values",
                                                         "--store", store).stdout
    assert "Australia" in cli("analyze", "ego", "Japan", "--store", store, "--format", "tsv").stdout
    growth_rows = json.loads(cli("analyze", "growth", "Japan", "--store", store, "--format", "json").stdout)
    assert growth_rows[0] == {"year": 2013, "partners": 1, "new": ["NATO"], "lost": []}
    early = cli("analyze", "centrality", "--store", store, "--as-of", "2013", "--format", "json").stdout
    assert {r["label"] for r in json.loads(early)} == {"Australia", "Finland", "Japan", "NATO"}


def test_cli_errors_are_one_line(store):
    result = cli("analyze", "connect", "Japan", "Narnia", "--store", store, ok=False)
    assert result.exit_code == 2 and result.output.strip() == "error: actor 'Narnia' is not in the relations projection"
    result = cli("analyze", "centrality", "--store", store, "--as-of", "soon", ok=False)
    assert result.exit_code == 2 and "not a date" in result.output
