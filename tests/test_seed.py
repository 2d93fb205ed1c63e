"""The seed text, built into a store, yields every fact the foundation promises.

Each fact is checked with SPARQL through ``pactgraph sparql --format json``,
using only the public vocabulary.
"""

from __future__ import annotations

import pytest

from conftest import SEED, sparql_json

WD = "http://www.wikidata.org/entity/"


def ask(store, where: str) -> bool:
    return bool(sparql_json(store, f"SELECT * WHERE {{ {where} }} LIMIT 1"))


def test_agreement_with_parties_date_and_place(built_store):
    rows = sparql_json(built_store, """
        SELECT DISTINCT ?a ?label ?date ?placeLabel WHERE {
          ?a a pact:Agreement, pact:JointDeclaration ; rdfs:label ?label ;
             pact:party ?nato, ?japan ; pact:signingDate ?date ; dcterms:date ?date ;
             pact:signingPlace ?place .
          ?place rdfs:label ?placeLabel .
          ?nato owl:sameAs wd:Q7184 . ?japan owl:sameAs wd:Q17 .
        }""")
    assert len(rows) == 1
    assert rows[0]["label"] == "Joint Political Declaration"
    assert rows[0]["date"] == "2013-04-15"
    assert rows[0]["placeLabel"] == "Tokyo"


@pytest.mark.parametrize("name,title,org_qid", [
    ("Anders Fogh Rasmussen", "Secretary General", "Q7184"),
    ("Shinzo Abe", "Prime Minister", "Q17"),
])
def test_signatories_with_positions(built_store, name, title, org_qid):
    assert ask(built_store, f"""
        ?a a pact:Agreement ; pact:signatory ?p .
        ?p a pact:Person ; rdfs:label "{name}" .
        ?pos a pact:Position ; pact:holder ?p ; pact:roleTitle "{title}" ; pact:positionIn ?org .
        ?org owl:sameAs wd:{org_qid} .""")


@pytest.mark.parametrize("predicate,concepts", [
    ("affirmsValue", ["individual-liberty", "democracy", "human-rights", "rule-of-law"]),
    ("addressesChallenge", ["terrorism", "cyber-attacks", "piracy", "wmd-proliferation"]),
    ("cooperationArea", ["crisis-management", "defence-science-and-technology", "disaster-relief",
                         "political-dialogue", "practical-cooperation"]),
])
def test_concepts_of_the_declaration(built_store, predicate, concepts):
    rows = sparql_json(built_store, f"""
        SELECT DISTINCT ?c ?label WHERE {{ ?a a pact:JointDeclaration ; pact:{predicate} ?c . ?c skos:prefLabel ?label }}""")
    found = {r["c"].rsplit("/", 1)[-1] for r in rows}
    assert set(concepts) <= found


def test_challenge_labels_are_readable(built_store):
    rows = sparql_json(built_store, """
        SELECT ?label WHERE { <https://w3id.org/pactgraph/id/challenge/wmd-proliferation> skos:prefLabel ?label ;
                                skos:altLabel "proliferation of weapons of mass destruction and their means of delivery"@en }""")
    assert rows


def test_regions(built_store):
    rows = sparql_json(built_store, "SELECT DISTINCT ?r WHERE { ?a a pact:Agreement ; pact:concernsRegion ?r . ?r a pact:Region }")
    assert {r["r"].rsplit("/", 1)[-1] for r in rows} >= {"euro-atlantic", "asia-pacific"}


def test_relations(built_store):
    assert ask(built_store, "?nato owl:sameAs wd:Q7184 ; pact:leads ?isaf . ?isaf a pact:Mission ; rdfs:label ?l . FILTER(CONTAINS(?l, 'ISAF') || CONTAINS(?l, 'International Security Assistance Force'))")
    assert ask(built_store, "?isaf a pact:Mission ; pact:mandatedBy ?un . ?un owl:sameAs wd:Q1065")
    assert ask(built_store, "?japan owl:sameAs wd:Q17 ; pact:contributesTo ?afg . ?afg owl:sameAs wd:Q889")
    assert ask(built_store, "{ ?nato pact:partnerOf ?japan } UNION { ?japan pact:partnerOf ?nato } ?nato owl:sameAs wd:Q7184 . ?japan owl:sameAs wd:Q17 . ?e rdf:predicate pact:partnerOf ; pact:quote ?q")


def test_speeches_with_speaker(built_store):
    rows = sparql_json(built_store, """
        SELECT DISTINCT ?label ?speaker ?venue WHERE { ?s a pact:Speech ; rdfs:label ?label ; pact:speaker/rdfs:label ?speaker .
                                 OPTIONAL { ?s pact:venue ?venue } }""")
    labels = " | ".join(r["label"] for r in rows)
    assert "Japan National Press Club" in labels and "before press conference" in labels
    assert {r["speaker"] for r in rows} == {"Anders Fogh Rasmussen"}
    assert any(r.get("venue") == "Japan National Press Club" for r in rows)


@pytest.mark.parametrize("qid,cls", [("Q7184", "InternationalOrganization"), ("Q17", "State"),
                                      ("Q1065", "InternationalOrganization"), ("Q889", "State")])
def test_actors_in_source_graph_are_self_contained(built_store, qid, cls):
    assert ask(built_store, f"""GRAPH ?g {{ ?x a pact:{cls} ; rdfs:label ?l ; owl:sameAs wd:{qid} . ?g a pact:Source }}""")


def test_every_relation_has_exact_evidence(built_store):
    text = SEED.read_text(encoding="utf-8")
    rows = sparql_json(built_store, """
        SELECT ?e ?quote ?start ?end ?rule ?conf WHERE { GRAPH ?g { ?e a pact:Evidence ; pact:quote ?quote ;
          pact:charStart ?start ; pact:charEnd ?end ; pact:rule ?rule ; pact:confidence ?conf ; prov:wasDerivedFrom ?g } }""")
    assert len(rows) > 50
    for row in rows:
        assert text[int(row["start"]):int(row["end"])] == row["quote"]
        assert 0 < float(row["conf"]) <= 1 and row["rule"]


def test_speaker_recorded_on_evidence(built_store):
    assert ask(built_store, """?e a pact:Evidence ; rdf:predicate pact:contributesTo ; pact:speaker ?p . ?p rdfs:label "Anders Fogh Rasmussen" """)


def test_source_metadata(built_store):
    rows = sparql_json(built_store, """SELECT ?title ?date ?publisher ?place ?lang ?hash WHERE { ?s a pact:Source ; dcterms:title ?title ;
        dcterms:date ?date ; dcterms:publisher ?publisher ; pact:placeName ?place ; dcterms:language ?lang ; pact:contentHash ?hash }""")
    assert rows == [{"title": "NATO and Japan sign Political Declaration for a stronger partnership", "date": "2013-04-15",
                     "publisher": "NATO", "place": "Tokyo", "lang": "en", "hash": rows[0]["hash"]}]
    assert rows[0]["hash"].startswith("sha256:")


def test_each_source_has_its_own_graph(built_store):
    rows = sparql_json(built_store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a pact:Source } }")
    assert len(rows) == 1 and rows[0]["g"].startswith("https://w3id.org/pactgraph/id/source/")
