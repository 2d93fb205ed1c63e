"""Projections of the hand-written partnership graph (tests/partnership_graph.py) into networkx."""

from __future__ import annotations

import pytest

import pactgraph
from pactgraph.errors import ParameterError
from pactgraph.projections import (
    actor_projection,
    concept_projection,
    membership_projection,
    parse_date,
    project,
    relation_projection,
    signatory_projection,
    snapshot,
)
from partnership_graph import iri, make_store

NATO, JPN, AUS, MNG, FIN = iri("org/nato"), iri("state/jpn"), iri("state/aus"), iri("state/mng"), iri("state/fin")
EU, IND, FRA, AFG = iri("org/european-union"), iri("state/ind"), iri("state/fra"), iri("state/afg")


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = pactgraph.open(make_store(tmp_path_factory.mktemp("projections") / "store"))
    yield graph
    graph.close()


def labels(G):
    return sorted(G.nodes[n]["label"] for n in G)


def test_actor_projection_nodes_and_attributes(kg):
    G = actor_projection(kg)
    assert labels(G) == ["Australia", "European Union", "Finland", "France", "India", "Japan", "Mongolia", "NATO"]
    assert G.nodes[JPN].items() >= {"label": "Japan", "type": "State", "wikidata": "Q17", "iso2": "JP",
                                    "iso3": "JPN"}.items()
    assert G.nodes[NATO]["type"] == "InternationalOrganization" and G.nodes[NATO]["wikidata"] == "Q7184"
    assert AFG not in G  # Japan's contribution to Afghanistan is not a partnership
    assert G.graph["projection"] == "actors"


def test_actor_projection_edges(kg):
    G = actor_projection(kg)
    expected = {frozenset(p) for p in [(NATO, JPN), (NATO, AUS), (NATO, MNG), (JPN, AUS), (EU, JPN), (EU, IND),
                                       (FRA, IND), (FIN, NATO)]}
    assert {frozenset(e) for e in G.edges} == expected
    nato_japan = G.edges[NATO, JPN]
    assert nato_japan["weight"] == 2
    assert nato_japan["relations"] == ["partnerOf", "party"]
    assert nato_japan["agreements"] == [iri("agreement/nato-japan-2013")]
    assert nato_japan["agreement_labels"] == ["NATO-Japan Joint Political Declaration"]
    assert nato_japan["quotes"] == ["NATO and Japan today signed a Joint Political Declaration in Tokyo.",
                                    "Japan is one of NATO's longest-standing partners beyond the Euro-Atlantic area."]
    assert nato_japan["start"] == "2013-04-15" and nato_japan["end"] is None
    # a register partnership carries its membership interval
    finland = G.edges[FIN, NATO]
    assert finland["relations"] == ["partnerOf"] and (finland["start"], finland["end"]) == ("1994-05-09", "2023-04-04")
    # an agreement without a signing date starts on the date of its source
    assert G.edges[EU, IND]["start"] == "2020-07-15"


def test_labels_are_not_repeated_per_graph(kg):
    # Labels are stated in the reference graph and again in each source: one value per node all the same.
    G = actor_projection(kg)
    assert all(isinstance(d["label"], str) for _, d in G.nodes(data=True))
    assert G.edges[FRA, IND]["quotes"].count(
        "India and France have been strategic partners for a quarter of a century.") == 1


@pytest.mark.parametrize("as_of, nodes, edges", [
    ("2015-01-01", ["Australia", "Finland", "Japan", "NATO"], 3),
    ("2019", ["Australia", "European Union", "Finland", "Japan", "NATO"], 4),
    ("2021-06-30", ["Australia", "European Union", "Finland", "India", "Japan", "NATO"], 5),
    # Finland's partnership ended when it joined NATO; Mongolia's programme is not signed yet.
    ("2024-01-01", ["Australia", "European Union", "France", "India", "Japan", "NATO"], 6),
])
def test_temporal_snapshot(kg, as_of, nodes, edges):
    G = actor_projection(kg, as_of=as_of)
    assert labels(G) == nodes and G.number_of_edges() == edges
    assert G.graph["as_of"] == parse_date(as_of, end=True)
    # filtering a full projection gives the same graph as querying with as_of
    S = snapshot(actor_projection(kg), as_of)
    assert set(S.nodes) == set(G.nodes) and {frozenset(e) for e in S.edges} == {frozenset(e) for e in G.edges}


def test_relation_projection_adds_directed_relations(kg):
    G = relation_projection(kg)
    assert G.has_edge(JPN, AFG) and G.has_edge(FRA, NATO) and G.has_edge(FRA, EU)
    link = G.edges[JPN, AFG]["links"][0]
    assert link["relation"] == "contributesTo" and link["direction"] == [JPN, AFG]
    assert link["quotes"][0]["quote"] == "Japan has been one of the largest donors to Afghanistan's reconstruction."
    assert {link["relation"] for link in G.edges[FIN, NATO]["links"]} == {"partnerOf", "memberOf"}


def test_concept_projection_is_bipartite_with_agreement_links(kg):
    G = concept_projection(kg)
    actors = {n for n, d in G.nodes(data=True) if d["bipartite"] == 0}
    concepts = {n for n, d in G.nodes(data=True) if d["bipartite"] == 1}
    assert JPN in actors and iri("value/democracy") in concepts
    assert G.nodes[iri("challenge/piracy")].items() >= {"label": "piracy", "kind": "challenge",
                                                        "type": "SecurityChallenge"}.items()
    # Japan addresses cyber attacks through three agreements
    cyber = G.edges[JPN, iri("challenge/cyber-attacks")]
    assert cyber["weight"] == 3 and len(cyber["agreements"]) == 3
    assert G.edges[JPN, iri("value/democracy")]["quotes"] == ["Both sides underlined their attachment to democracy."]
    values_only = concept_projection(kg, kinds=["value"])
    assert {d.get("kind") for _, d in values_only.nodes(data=True) if d["bipartite"] == 1} == {"value"}
    with pytest.raises(ParameterError, match="unknown concept kind"):
        concept_projection(kg, kinds=["virtue"])


def test_signatory_multigraph(kg):
    G = signatory_projection(kg)
    assert labels(G) == ["Anders Fogh Rasmussen", "Anthony Albanese", "Fumio Kishida", "Julia Gillard", "Shinzo Abe"]
    assert G.is_multigraph()
    rasmussen = iri("person/anders-fogh-rasmussen")
    assert set(G[rasmussen]) == {iri("person/shinzo-abe"), iri("person/julia-gillard")}
    assert G.nodes[rasmussen]["positions"] == ["Secretary General, NATO"]
    assert G.nodes[rasmussen]["agreements"] == ["Australia-NATO Joint Political Declaration",
                                                "NATO-Japan Joint Political Declaration"]
    edge = G.edges[rasmussen, iri("person/shinzo-abe"), iri("agreement/nato-japan-2013")]
    assert edge["start"] == "2013-04-15"
    assert edge["quotes"] == ["Secretary General Anders Fogh Rasmussen and Prime Minister Shinzo Abe signed the text."]
    assert labels(signatory_projection(kg, as_of="2013-01-01")) == ["Anders Fogh Rasmussen", "Julia Gillard"]


def test_membership_graph_with_intervals(kg):
    G = membership_projection(kg)
    assert G.is_directed() and G.has_edge(FIN, NATO) and not G.has_edge(NATO, FIN)
    assert G.edges[FIN, NATO]["roles"] == ["member", "partner"]
    assert G.edges[FRA, EU]["start"] == "1958-01-01"
    assert membership_projection(kg, as_of="2020-01-01").edges[FIN, NATO]["roles"] == ["partner"]
    assert membership_projection(kg, as_of="2024-01-01").edges[FIN, NATO]["roles"] == ["member"]
    assert not membership_projection(kg, as_of="1950-01-01").has_edge(FRA, EU)


def test_project_and_bad_parameters(kg):
    assert project(kg, "signatories").is_multigraph()
    with pytest.raises(ParameterError, match="unknown projection 'allies'"):
        project(kg, "allies")
    with pytest.raises(ParameterError, match="as_of 'last year' is not a date"):
        actor_projection(kg, as_of="last year")


def test_parse_date():
    assert parse_date("2013-04-15") == "2013-04-15"
    assert parse_date("2013-04", end=True) == "2013-04-30"
    assert parse_date("2013-04-15T10:00:00Z") == "2013-04-15"
    assert parse_date(None) is None


def test_knowledge_graph_methods(kg):
    G = kg.to_networkx("actors", as_of="2013-12-31")
    assert labels(G) == ["Australia", "Finland", "Japan", "NATO"]
    rows = kg.analyze("centrality", top=1)
    assert rows[0]["label"] == "Japan"


def test_projection_from_extracted_press_releases(tmp_path):
    """End to end: texts through the extractor into the store, then the partnership graph."""
    kg = pactgraph.open(tmp_path / "store", write=True)
    kg.ingest_text("Brussels, 12 March 2024. NATO and Mongolia signed an Individually Tailored Partnership "
                   "Programme at NATO Headquarters today.", name="nato-mongolia.txt")
    kg.ingest_text("Tokyo, 15 April 2013. NATO and Japan signed a Joint Political Declaration on 15 April 2013.",
                   name="nato-japan.txt")
    G = actor_projection(kg)
    kg.close()
    assert {NATO, JPN, MNG} <= set(G)
    assert G.has_edge(NATO, JPN) and G.has_edge(NATO, MNG) and not G.has_edge(JPN, MNG)
    assert G.edges[NATO, JPN]["quotes"] and G.nodes[MNG]["wikidata"] == "Q711"
