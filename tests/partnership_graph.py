"""A small hand-written partnership graph whose answers are known by hand.

Seven sources (one named graph each, as pactgraph stores them) plus a reference
graph with memberships. The quotes are written for this file in the style of
press releases; the dates are those of the real agreements they stand for.

The actor partnership graph it yields (an edge = a shared agreement or pact:partnerOf)::

    Mongolia ── NATO ── Japan ── European Union ── India ── France
    Finland ──┘    └─ Australia ─┘

* NATO–Japan: Joint Political Declaration (2013-04-15) and a stated partnership
* NATO–Australia: Joint Political Declaration (2012-06-14)
* NATO–Mongolia: Individually Tailored Partnership Programme (2024-03-12)
* Japan–Australia: Joint Declaration on Security Cooperation (2022-10-22)
* European Union–Japan: Strategic Partnership Agreement (2018-07-17)
* European Union–India: Roadmap to 2025 (no signing date; its source is dated 2020-07-15)
* France–India: Horizon 2047 (2023-07-14) and a stated partnership
* Finland–NATO: partner from 1994-05-09 to 2023-04-04 (register), member since 2023-04-04

Betweenness by hand (unnormalised, 8 nodes): Japan 12, NATO 11, European Union 10,
India 6, the others 0. Shared values: Japan {democracy, rule of law, human rights},
European Union the same, NATO those and individual liberty, Australia {democracy,
rule of law}, France {democracy, human rights, peace}, India and Mongolia {democracy}.
"""

from __future__ import annotations

import io
from pathlib import Path

ID = "https://w3id.org/pactgraph/id/"

TRIG = """
@prefix pact: <https://w3id.org/pactgraph/ontology#> .
@prefix val: <https://w3id.org/pactgraph/id/value/> .
@prefix ch: <https://w3id.org/pactgraph/id/challenge/> .
@prefix ido: <https://w3id.org/pactgraph/id/org/> .
@prefix st: <https://w3id.org/pactgraph/id/state/> .
@prefix pe: <https://w3id.org/pactgraph/id/person/> .
@prefix pos: <https://w3id.org/pactgraph/id/position/> .
@prefix ag: <https://w3id.org/pactgraph/id/agreement/> .
@prefix ev: <https://w3id.org/pactgraph/id/evidence/> .
@prefix src: <https://w3id.org/pactgraph/id/source/> .
@prefix ms: <https://w3id.org/pactgraph/id/membership/> .
@prefix role: <https://w3id.org/pactgraph/id/role/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix wd: <http://www.wikidata.org/entity/> .

<https://w3id.org/pactgraph/graph/vocabularies> {
  val:democracy a skos:Concept, pact:SharedValue ; skos:prefLabel "democracy"@en .
  val:rule-of-law a skos:Concept, pact:SharedValue ; skos:prefLabel "rule of law"@en .
  val:human-rights a skos:Concept, pact:SharedValue ; skos:prefLabel "human rights"@en .
  val:individual-liberty a skos:Concept, pact:SharedValue ; skos:prefLabel "individual liberty"@en .
  val:peace a skos:Concept, pact:SharedValue ; skos:prefLabel "peace"@en .
  ch:terrorism a skos:Concept, pact:SecurityChallenge ; skos:prefLabel "terrorism"@en .
  ch:cyber-attacks a skos:Concept, pact:SecurityChallenge ; skos:prefLabel "cyber attacks"@en .
  ch:piracy a skos:Concept, pact:SecurityChallenge ; skos:prefLabel "piracy"@en .
}

<https://w3id.org/pactgraph/graph/reference> {
  ido:nato a pact:InternationalOrganization, pact:Actor ; rdfs:label "NATO" ; owl:sameAs wd:Q7184 .
  ido:european-union a pact:InternationalOrganization, pact:Actor ; rdfs:label "European Union" ; owl:sameAs wd:Q458 .
  st:jpn a pact:State, pact:Actor ; rdfs:label "Japan" ; owl:sameAs wd:Q17 ;
      pact:iso3166Alpha2 "JP" ; pact:iso3166Alpha3 "JPN" .
  st:aus a pact:State, pact:Actor ; rdfs:label "Australia" ; owl:sameAs wd:Q408 ;
      pact:iso3166Alpha2 "AU" ; pact:iso3166Alpha3 "AUS" .
  st:mng a pact:State, pact:Actor ; rdfs:label "Mongolia" ; owl:sameAs wd:Q711 ;
      pact:iso3166Alpha2 "MN" ; pact:iso3166Alpha3 "MNG" .
  st:fin a pact:State, pact:Actor ; rdfs:label "Finland" ; owl:sameAs wd:Q33 ;
      pact:iso3166Alpha2 "FI" ; pact:iso3166Alpha3 "FIN" .
  st:ind a pact:State, pact:Actor ; rdfs:label "India" ; owl:sameAs wd:Q668 ;
      pact:iso3166Alpha2 "IN" ; pact:iso3166Alpha3 "IND" .
  st:fra a pact:State, pact:Actor ; rdfs:label "France" ; owl:sameAs wd:Q142 ;
      pact:iso3166Alpha2 "FR" ; pact:iso3166Alpha3 "FRA" .
  st:afg a pact:State, pact:Actor ; rdfs:label "Afghanistan" ; owl:sameAs wd:Q889 ;
      pact:iso3166Alpha2 "AF" ; pact:iso3166Alpha3 "AFG" .

  role:partner a org:Role ; rdfs:label "partner" .
  role:member a org:Role ; rdfs:label "member" .

  ms:fin-nato-partner a org:Membership ; org:member st:fin ; org:organization ido:nato ;
      org:role role:partner ; org:memberDuring ms:fin-nato-partner-during .
  ms:fin-nato-partner-during a time:Interval ;
      time:hasBeginning [ time:inXSDDate "1994-05-09"^^xsd:date ] ;
      time:hasEnd [ time:inXSDDate "2023-04-04"^^xsd:date ] .
  st:fin pact:partnerOf ido:nato .

  ms:fin-nato-member a org:Membership ; org:member st:fin ; org:organization ido:nato ;
      org:role role:member ; org:memberDuring [ time:hasBeginning [ time:inXSDDate "2023-04-04"^^xsd:date ] ] .
  st:fin org:memberOf ido:nato .

  ms:fra-nato-member a org:Membership ; org:member st:fra ; org:organization ido:nato ;
      org:role role:member ; org:memberDuring [ time:hasBeginning [ time:inXSDDate "1949-08-24"^^xsd:date ] ] .
  st:fra org:memberOf ido:nato .

  ms:fra-eu-member a org:Membership ; org:member st:fra ; org:organization ido:european-union ;
      org:role role:member ; org:memberDuring [ time:hasBeginning [ time:inXSDgYear "1958"^^xsd:gYear ] ] .
  st:fra org:memberOf ido:european-union .
}

src:nato-japan-2013 {
  src:nato-japan-2013 a pact:Source ; dcterms:title "NATO and Japan sign a Joint Political Declaration" ;
      dcterms:date "2013-04-15"^^xsd:date .
  ido:nato a pact:InternationalOrganization, pact:Actor ; rdfs:label "NATO" ; owl:sameAs wd:Q7184 .
  st:jpn a pact:State, pact:Actor ; rdfs:label "Japan" ; owl:sameAs wd:Q17 .
  st:afg a pact:State, pact:Actor ; rdfs:label "Afghanistan" ; owl:sameAs wd:Q889 .
  pe:anders-fogh-rasmussen a pact:Person, pact:Actor ; rdfs:label "Anders Fogh Rasmussen" .
  pe:shinzo-abe a pact:Person, pact:Actor ; rdfs:label "Shinzo Abe" .
  pos:rasmussen-sg a pact:Position ; pact:holder pe:anders-fogh-rasmussen ;
      pact:roleTitle "Secretary General" ; pact:positionIn ido:nato .
  pos:abe-pm a pact:Position ; pact:holder pe:shinzo-abe ;
      pact:roleTitle "Prime Minister" ; pact:positionIn st:jpn .

  ag:nato-japan-2013 a pact:JointDeclaration, pact:Agreement ;
      rdfs:label "NATO-Japan Joint Political Declaration" ; prov:wasDerivedFrom src:nato-japan-2013 ;
      pact:party ido:nato, st:jpn ; pact:signingDate "2013-04-15"^^xsd:date ;
      pact:signatory pe:anders-fogh-rasmussen, pe:shinzo-abe ;
      pact:addressesChallenge ch:terrorism, ch:cyber-attacks, ch:piracy .
  ido:nato pact:partnerOf st:jpn .
  st:jpn pact:contributesTo st:afg .
  st:jpn pact:affirmsValue val:democracy, val:rule-of-law, val:human-rights .
  ido:nato pact:affirmsValue val:democracy, val:rule-of-law, val:human-rights,
      val:individual-liberty .

  ev:nj1 a pact:Evidence ; rdf:subject ag:nato-japan-2013 ; rdf:predicate pact:party ;
      rdf:object ido:nato ; pact:quote "NATO and Japan today signed a Joint Political Declaration in Tokyo." ;
      pact:charStart 0 ; pact:charEnd 66 ; prov:wasDerivedFrom src:nato-japan-2013 .
  ev:nj2 a pact:Evidence ; rdf:subject ag:nato-japan-2013 ; rdf:predicate pact:party ;
      rdf:object st:jpn ; pact:quote "NATO and Japan today signed a Joint Political Declaration in Tokyo." ;
      pact:charStart 0 ; pact:charEnd 66 ; prov:wasDerivedFrom src:nato-japan-2013 .
  ev:nj3 a pact:Evidence ; rdf:subject ido:nato ; rdf:predicate pact:partnerOf ;
      rdf:object st:jpn ; pact:quote "Japan is one of NATO's longest-standing partners beyond the Euro-Atlantic area." ;
      pact:charStart 67 ; pact:charEnd 146 ; prov:wasDerivedFrom src:nato-japan-2013 .
  ev:nj4 a pact:Evidence ; rdf:subject st:jpn ; rdf:predicate pact:contributesTo ;
      rdf:object st:afg ; pact:quote "Japan has been one of the largest donors to Afghanistan's reconstruction." ;
      pact:charStart 147 ; pact:charEnd 220 ; prov:wasDerivedFrom src:nato-japan-2013 .
  ev:nj5 a pact:Evidence ; rdf:subject ag:nato-japan-2013 ; rdf:predicate pact:signatory ;
      rdf:object pe:shinzo-abe ;
      pact:quote "Secretary General Anders Fogh Rasmussen and Prime Minister Shinzo Abe signed the text." ;
      pact:charStart 221 ; pact:charEnd 306 ; prov:wasDerivedFrom src:nato-japan-2013 .
  ev:nj6 a pact:Evidence ; rdf:subject st:jpn ; rdf:predicate pact:affirmsValue ;
      rdf:object val:democracy ; pact:quote "Both sides underlined their attachment to democracy." ;
      pact:charStart 307 ; pact:charEnd 359 ; prov:wasDerivedFrom src:nato-japan-2013 .
}

src:nato-australia-2012 {
  src:nato-australia-2012 a pact:Source ; dcterms:title "Australia and NATO agree a Joint Political Declaration" ;
      dcterms:date "2012-06-14"^^xsd:date .
  ido:nato a pact:InternationalOrganization, pact:Actor ; rdfs:label "NATO" .
  st:aus a pact:State, pact:Actor ; rdfs:label "Australia" .
  pe:anders-fogh-rasmussen a pact:Person, pact:Actor ; rdfs:label "Anders Fogh Rasmussen" .
  pe:julia-gillard a pact:Person, pact:Actor ; rdfs:label "Julia Gillard" .
  ag:nato-australia-2012 a pact:JointDeclaration, pact:Agreement ;
      rdfs:label "Australia-NATO Joint Political Declaration" ;
      pact:party ido:nato, st:aus ; pact:signingDate "2012-06-14"^^xsd:date ;
      pact:signatory pe:anders-fogh-rasmussen, pe:julia-gillard ;
      pact:addressesChallenge ch:terrorism .
  st:aus pact:affirmsValue val:democracy, val:rule-of-law .
  ev:na1 a pact:Evidence ; rdf:subject ag:nato-australia-2012 ; rdf:predicate pact:party ;
      rdf:object st:aus ;
      pact:quote "Australia and NATO signed a Joint Political Declaration at NATO Headquarters in Brussels." ;
      pact:charStart 0 ; pact:charEnd 87 ; prov:wasDerivedFrom src:nato-australia-2012 .
}

src:nato-mongolia-2024 {
  src:nato-mongolia-2024 a pact:Source ; dcterms:title "NATO and Mongolia agree a partnership programme" ;
      dcterms:date "2024-03-12"^^xsd:date .
  ido:nato a pact:InternationalOrganization, pact:Actor ; rdfs:label "NATO" .
  st:mng a pact:State, pact:Actor ; rdfs:label "Mongolia" .
  ag:nato-mongolia-2024 a pact:PartnershipProgramme, pact:Agreement ;
      rdfs:label "Individually Tailored Partnership Programme" ;
      pact:party ido:nato, st:mng ; pact:signingDate "2024-03-12"^^xsd:date .
  st:mng pact:affirmsValue val:democracy .
  ev:nm1 a pact:Evidence ; rdf:subject ag:nato-mongolia-2024 ; rdf:predicate pact:party ;
      rdf:object st:mng ; pact:quote "NATO and Mongolia agreed an Individually Tailored Partnership Programme." ;
      pact:charStart 0 ; pact:charEnd 71 ; prov:wasDerivedFrom src:nato-mongolia-2024 .
}

src:japan-australia-2022 {
  src:japan-australia-2022 a pact:Source ; dcterms:title "Japan and Australia renew their security declaration" ;
      dcterms:date "2022-10-22"^^xsd:date .
  st:jpn a pact:State, pact:Actor ; rdfs:label "Japan" .
  st:aus a pact:State, pact:Actor ; rdfs:label "Australia" .
  pe:fumio-kishida a pact:Person, pact:Actor ; rdfs:label "Fumio Kishida" .
  pe:anthony-albanese a pact:Person, pact:Actor ; rdfs:label "Anthony Albanese" .
  ag:japan-australia-2022 a pact:JointDeclaration, pact:Agreement ;
      rdfs:label "Joint Declaration on Security Cooperation" ;
      pact:party st:jpn, st:aus ; pact:signingDate "2022-10-22"^^xsd:date ;
      pact:signatory pe:fumio-kishida, pe:anthony-albanese ;
      pact:addressesChallenge ch:cyber-attacks .
  ev:ja1 a pact:Evidence ; rdf:subject ag:japan-australia-2022 ; rdf:predicate pact:party ;
      rdf:object st:jpn ;
      pact:quote "Prime Ministers Kishida and Albanese signed a new Joint Declaration on Security Cooperation in Perth." ;
      pact:charStart 0 ; pact:charEnd 102 ; prov:wasDerivedFrom src:japan-australia-2022 .
}

src:eu-japan-2018 {
  src:eu-japan-2018 a pact:Source ; dcterms:title "EU and Japan sign a Strategic Partnership Agreement" ;
      dcterms:date "2018-07-17"^^xsd:date .
  ido:european-union a pact:InternationalOrganization, pact:Actor ; rdfs:label "European Union" .
  st:jpn a pact:State, pact:Actor ; rdfs:label "Japan" .
  ag:eu-japan-2018 a pact:Agreement ; rdfs:label "EU-Japan Strategic Partnership Agreement" ;
      pact:party ido:european-union, st:jpn ; pact:signingDate "2018-07-17"^^xsd:date ;
      pact:addressesChallenge ch:cyber-attacks .
  ido:european-union pact:affirmsValue val:human-rights, val:rule-of-law, val:democracy .
  ev:ej1 a pact:Evidence ; rdf:subject ag:eu-japan-2018 ; rdf:predicate pact:party ;
      rdf:object ido:european-union ;
      pact:quote "The European Union and Japan signed a Strategic Partnership Agreement in Tokyo." ;
      pact:charStart 0 ; pact:charEnd 79 ; prov:wasDerivedFrom src:eu-japan-2018 .
}

src:eu-india-2020 {
  src:eu-india-2020 a pact:Source ; dcterms:title "EU and India set a roadmap to 2025" ;
      dcterms:date "2020-07-15"^^xsd:date .
  ido:european-union a pact:InternationalOrganization, pact:Actor ; rdfs:label "European Union" .
  st:ind a pact:State, pact:Actor ; rdfs:label "India" .
  ag:eu-india-2020 a pact:ActionPlan, pact:Agreement ; rdfs:label "EU-India Roadmap to 2025" ;
      prov:wasDerivedFrom src:eu-india-2020 ;
      pact:party ido:european-union, st:ind ;
      pact:addressesChallenge ch:piracy .
  st:ind pact:affirmsValue val:democracy .
  ev:ei1 a pact:Evidence ; rdf:subject ag:eu-india-2020 ; rdf:predicate pact:party ;
      rdf:object st:ind ;
      pact:quote "The EU and India endorsed a Roadmap to 2025 for their strategic partnership." ;
      pact:charStart 0 ; pact:charEnd 76 ; prov:wasDerivedFrom src:eu-india-2020 .
}

src:france-india-2023 {
  src:france-india-2023 a pact:Source ; dcterms:title "India and France adopt Horizon 2047" ;
      dcterms:date "2023-07-14"^^xsd:date .
  st:fra a pact:State, pact:Actor ; rdfs:label "France" .
  st:ind a pact:State, pact:Actor ; rdfs:label "India" .
  ag:france-india-2023 a pact:Agreement ; rdfs:label "Horizon 2047" ;
      pact:party st:fra, st:ind ; pact:signingDate "2023-07-14"^^xsd:date ;
      pact:addressesChallenge ch:terrorism .
  st:ind pact:partnerOf st:fra .
  st:fra pact:affirmsValue val:democracy, val:human-rights, val:peace .
  ev:fi1 a pact:Evidence ; rdf:subject ag:france-india-2023 ; rdf:predicate pact:party ;
      rdf:object st:fra ;
      pact:quote "In Paris, India and France adopted Horizon 2047, a roadmap for the next quarter century." ;
      pact:charStart 0 ; pact:charEnd 87 ; prov:wasDerivedFrom src:france-india-2023 .
  ev:fi2 a pact:Evidence ; rdf:subject st:ind ; rdf:predicate pact:partnerOf ;
      rdf:object st:fra ;
      pact:quote "India and France have been strategic partners for a quarter of a century." ;
      pact:charStart 88 ; pact:charEnd 161 ; prov:wasDerivedFrom src:france-india-2023 .
}
"""


def iri(key: str) -> str:
    """The IRI of a fixture resource, e.g. ``iri("state/jpn")``."""
    return ID + key


def make_store(folder: Path) -> Path:
    """Create a pactgraph store in ``folder`` holding the fixture, one named graph per source."""
    import pyoxigraph as ox

    import pactgraph

    kg = pactgraph.open(folder, write=True)
    by_graph: dict[str, list] = {}
    for quad in ox.parse(io.StringIO(TRIG), format=ox.RdfFormat.TRIG):
        by_graph.setdefault(quad.graph_name.value, []).append(quad)
    for graph, quads in by_graph.items():
        kg.store.replace_graph(graph, quads)
    kg.close()
    return folder


# -- fixtures shared by the analysis and export tests ---------------------------------------

import pytest  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The hand-written partnership graph in a fresh store, once per test module."""
    return make_store(tmp_path_factory.mktemp("partnerships") / "store")


@pytest.fixture(scope="module")
def kg(store):
    import pactgraph

    graph = pactgraph.open(store)
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def actors(kg):
    from pactgraph.projections import actor_projection

    return actor_projection(kg)
