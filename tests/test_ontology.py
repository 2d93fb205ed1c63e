"""Tests for ontology/pactgraph.ttl, ontology/shapes.ttl and ontology/REFERENCE.md."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from pactgraph import ontodoc
from pactgraph.ontodoc import EXAMPLE_PREAMBLE, render_reference

ROOT = Path(__file__).parents[1]
ONTOLOGY_PATH = ROOT / "ontology" / "pactgraph.ttl"
SHAPES_PATH = ROOT / "ontology" / "shapes.ttl"
REFERENCE_PATH = ROOT / "ontology" / "REFERENCE.md"

PACT = Namespace("https://w3id.org/pactgraph/ontology#")
ONTOLOGY_IRI = URIRef("https://w3id.org/pactgraph/ontology")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
OA = Namespace("http://www.w3.org/ns/oa#")
VANN = Namespace("http://purl.org/vocab/vann/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

# The public vocabulary promised in the project conventions (the contract).
CONTRACT_CLASSES = [
    "Actor",
    "State",
    "InternationalOrganization",
    "InformalGrouping",
    "Person",
    "Mission",
    "Agreement",
    "JointDeclaration",
    "JointStatement",
    "Treaty",
    "PartnershipProgramme",
    "PartnershipFramework",
    "MemorandumOfUnderstanding",
    "ActionPlan",
    "FrameworkAgreement",
    "Position",
    "SharedValue",
    "SecurityChallenge",
    "CooperationArea",
    "Region",
    "Place",
    "Evidence",
    "Source",
    "Speech",
]
CONTRACT_OBJECT_PROPERTIES = [
    "party",
    "signatory",
    "holder",
    "positionIn",
    "heldDuring",
    "affirmsValue",
    "addressesChallenge",
    "cooperationArea",
    "partnerOf",
    "leads",
    "mandatedBy",
    "contributesTo",
    "concernsRegion",
    "signingPlace",
    "speaker",
    "locatedIn",
    "evidence",
    "activeDuring",
]
CONTRACT_DATATYPE_PROPERTIES = [
    "roleTitle",
    "signingDate",
    "quote",
    "charStart",
    "charEnd",
    "rule",
    "confidence",
    "contentHash",
    "iso3166Alpha2",
    "iso3166Alpha3",
    "cowCode",
    "cowAbbreviation",
    "acronym",
    "venue",
    "extractorVersion",
    "fileName",
    "charLength",
    "placeName",
    "speakerName",
    "adjective",
    "storeFormat",
]

# Every predicate the ontology file may use; a typo such as rdfs:subClasOf
# parses without complaint, so the list is checked explicitly.
ALLOWED_PREDICATES = {
    RDF.type,
    RDF.first,
    RDF.rest,
    RDFS.label,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    RDFS.domain,
    RDFS.range,
    RDFS.isDefinedBy,
    RDFS.seeAlso,
    OWL.unionOf,
    OWL.versionIRI,
    OWL.versionInfo,
    OWL.deprecated,
    OWL.inverseOf,
    SKOS.definition,
    SKOS.example,
    SKOS.scopeNote,
    SKOS.changeNote,
    DCTERMS.title,
    DCTERMS.description,
    DCTERMS.license,
    DCTERMS.created,
    VANN.preferredNamespacePrefix,
    VANN.preferredNamespaceUri,
}


def pact_terms(graph: Graph) -> list[URIRef]:
    """Every IRI in the pact: namespace that the ontology declares."""
    return sorted(
        {
            subject
            for subject in graph.subjects(RDF.type, None)
            if isinstance(subject, URIRef) and subject.startswith(str(PACT))
        }
    )


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


# -- the ontology ------------------------------------------------------------


def test_header_metadata(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    title = ontology.value(ONTOLOGY_IRI, DCTERMS.title)
    assert isinstance(title, Literal) and str(title)
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.description) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/pactgraph/ontology/1.0.0"
    )
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == "1.0.0"
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "pact"
    assert ontology.value(ONTOLOGY_IRI, SKOS.changeNote) is not None


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_class_exists(ontology, name):
    assert (PACT[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", CONTRACT_OBJECT_PROPERTIES)
def test_contract_object_property_exists(ontology, name):
    assert (PACT[name], RDF.type, OWL.ObjectProperty) in ontology


@pytest.mark.parametrize("name", CONTRACT_DATATYPE_PROPERTIES)
def test_contract_datatype_property_exists(ontology, name):
    assert (PACT[name], RDF.type, OWL.DatatypeProperty) in ontology


def test_every_term_is_documented(ontology):
    problems = []
    for term in pact_terms(ontology):
        labels = [v for v in ontology.objects(term, RDFS.label) if v.language == "en"]
        definitions = [
            v for v in ontology.objects(term, SKOS.definition) if v.language == "en"
        ]
        if not labels:
            problems.append(f"{term}: no @en rdfs:label")
        if len(definitions) != 1:
            problems.append(f"{term}: expected one @en skos:definition")
        if (term, RDFS.isDefinedBy, ONTOLOGY_IRI) not in ontology:
            problems.append(f"{term}: no rdfs:isDefinedBy")
        if ontology.value(term, SKOS.example) is None:
            problems.append(f"{term}: no skos:example")
    assert problems == []


def test_examples_are_valid_turtle(ontology):
    problems = []
    for term in pact_terms(ontology):
        for example in ontology.objects(term, SKOS.example):
            try:
                parsed = Graph().parse(data=EXAMPLE_PREAMBLE + str(example), format="turtle")
            except Exception as error:  # report every broken example at once
                problems.append(f"{term}: {error}")
                continue
            if term not in {node for triple in parsed for node in triple}:
                problems.append(f"{term}: the example does not use the term")
    assert problems == []


def test_no_unknown_predicates(ontology):
    assert set(ontology.predicates()) - ALLOWED_PREDICATES == set()


def test_every_pact_iri_used_is_declared(ontology):
    declared = set(pact_terms(ontology))
    used = {
        node
        for triple in ontology
        for node in triple
        if isinstance(node, URIRef) and node.startswith(str(PACT))
    }
    assert used - declared == set()


def test_contract_is_complete(ontology):
    """Terms beyond the contract are deliberate: list them here when adding one."""
    contract = {
        PACT[name]
        for name in CONTRACT_CLASSES + CONTRACT_OBJECT_PROPERTIES + CONTRACT_DATATYPE_PROPERTIES
    }
    assert set(pact_terms(ontology)) == contract


@pytest.mark.parametrize(
    "triple",
    [
        (PACT.Actor, RDFS.subClassOf, PROV.Agent),
        (PACT.State, RDFS.subClassOf, PACT.Actor),
        (PACT.InternationalOrganization, RDFS.subClassOf, PACT.Actor),
        (PACT.InternationalOrganization, RDFS.subClassOf, ORG.FormalOrganization),
        (PACT.InformalGrouping, RDFS.subClassOf, PACT.InternationalOrganization),
        (PACT.Person, RDFS.subClassOf, PACT.Actor),
        (PACT.Person, RDFS.subClassOf, PROV.Person),
        (PACT.Mission, RDFS.subClassOf, PACT.Actor),
        (PACT.Agreement, RDFS.subClassOf, PROV.Entity),
        (PACT.JointDeclaration, RDFS.subClassOf, PACT.Agreement),
        (PACT.FrameworkAgreement, RDFS.subClassOf, PACT.Agreement),
        (PACT.Evidence, RDFS.subClassOf, RDF.Statement),
        (PACT.Evidence, RDFS.subClassOf, PROV.Entity),
        (PACT.Evidence, RDFS.seeAlso, OA.Annotation),
        (PACT.Source, RDFS.subClassOf, PROV.Entity),
        (PACT.Position, RDFS.seeAlso, ORG.Post),
        (PACT.Position, RDFS.seeAlso, ORG.Membership),
        (PACT.SharedValue, RDFS.subClassOf, SKOS.Concept),
        (PACT.SecurityChallenge, RDFS.subClassOf, SKOS.Concept),
        (PACT.CooperationArea, RDFS.subClassOf, SKOS.Concept),
        (PACT.Region, RDFS.subClassOf, DCTERMS.Location),
        (PACT.Place, RDFS.subClassOf, DCTERMS.Location),
        (PACT.party, RDFS.domain, PACT.Agreement),
        (PACT.party, RDFS.range, PACT.Actor),
        (PACT.signatory, RDFS.range, PACT.Person),
        (PACT.holder, RDFS.range, PACT.Person),
        (PACT.heldDuring, RDFS.range, TIME.Interval),
        (PACT.signingDate, RDFS.subPropertyOf, DCTERMS.date),
        (PACT.signingDate, RDFS.range, XSD.date),
        (PACT.partnerOf, RDF.type, OWL.SymmetricProperty),
        (PACT.charStart, RDFS.range, XSD.integer),
        (PACT.confidence, RDFS.range, XSD.decimal),
        (PACT.cowCode, RDFS.range, XSD.integer),
        (PACT.locatedIn, RDFS.range, PACT.State),
    ],
    ids=lambda triple: " ".join(str(node).rsplit("/", 1)[-1] for node in triple),
)
def test_axiom(ontology, triple):
    assert triple in ontology


@pytest.mark.parametrize(
    ("prop", "members"),
    [
        (PACT.affirmsValue, [PACT.Agreement, PACT.Actor]),
        (PACT.addressesChallenge, [PACT.Agreement, PACT.Actor]),
        (PACT.cooperationArea, [PACT.Agreement, PACT.Actor]),
        (PACT.concernsRegion, [PACT.Agreement, PACT.Actor]),
        (PACT.speaker, [PACT.Evidence, PACT.Speech]),
    ],
)
def test_union_domain(ontology, prop, members):
    from rdflib.collection import Collection

    domain = ontology.value(prop, RDFS.domain)
    assert isinstance(domain, BNode)
    assert list(Collection(ontology, ontology.value(domain, OWL.unionOf))) == members


# -- the generated reference -------------------------------------------------


def test_reference_is_up_to_date():
    expected = render_reference(ONTOLOGY_PATH)
    actual = REFERENCE_PATH.read_text(encoding="utf-8")
    assert actual == expected, (
        "ontology/REFERENCE.md is stale; regenerate it with "
        "`python -m pactgraph.ontodoc ontology/pactgraph.ttl > ontology/REFERENCE.md`"
    )


def test_reference_lists_every_term(ontology):
    text = render_reference(ONTOLOGY_PATH)
    for term in pact_terms(ontology):
        assert f"### pact:{term[len(PACT):]}\n" in text


def test_main_writes_the_reference(tmp_path):
    out = tmp_path / "REFERENCE.md"
    assert ontodoc.main([str(ONTOLOGY_PATH), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render_reference(ONTOLOGY_PATH)


def test_main_reports_a_missing_file(tmp_path, capsys):
    missing = tmp_path / "missing.ttl"
    assert ontodoc.main([str(missing)]) == 1
    err = capsys.readouterr().err
    assert str(missing) in err and len(err.strip().splitlines()) == 1


def test_ontodoc_docstring_examples():
    result = doctest.testmod(ontodoc)
    assert result.attempted > 0 and result.failed == 0


# -- the SHACL shapes --------------------------------------------------------

ACTOR_CLASSES = [
    "Actor",
    "State",
    "InternationalOrganization",
    "InformalGrouping",
    "Person",
    "Mission",
]

AGREEMENT_CLASSES = [
    "Agreement",
    "JointDeclaration",
    "JointStatement",
    "Treaty",
    "PartnershipProgramme",
    "PartnershipFramework",
    "MemorandumOfUnderstanding",
    "ActionPlan",
    "FrameworkAgreement",
]

VALID_DATA = (
    EXAMPLE_PREAMBLE
    + """
<state/jpn> a pact:State ; rdfs:label "Japan"@en ; pact:iso3166Alpha3 "JPN" .
<org/nato> a pact:InternationalOrganization ; rdfs:label "NATO"@en .
<person/p1> a pact:Person ; rdfs:label "First Person"@en .
<source/s1> a pact:Source ;
    dcterms:title "A test declaration"@en ;
    pact:contentHash "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" .
<agreement/a1> a pact:JointDeclaration ;
    pact:party <org/nato> , <state/jpn> ;
    pact:signingDate "2013-04-15"^^xsd:date ;
    prov:wasDerivedFrom <source/s1> .
<agreement/a2> a pact:Treaty ;
    pact:party <state/jpn> ;
    dcterms:source <https://example.org/treaty-text> .
<position/p1> a pact:Position ;
    pact:holder <person/p1> ;
    pact:roleTitle "Minister" ;
    pact:positionIn <state/jpn> .
<evidence/e1> a pact:Evidence ;
    rdf:subject <agreement/a1> ;
    rdf:predicate pact:party ;
    rdf:object <org/nato> ;
    prov:wasDerivedFrom <source/s1> ;
    pact:quote "NATO" ;
    pact:charStart 10 ;
    pact:charEnd 14 ;
    pact:speaker <person/p1> ;
    pact:rule "party-list" ;
    pact:confidence 0.8 .
"""
    # one instance of each class that the actor and agreement shapes target
    + "".join(
        f'<test/{name}> a pact:{name} ; rdfs:label "Test {name}" .\n' for name in ACTOR_CLASSES
    )
    + "".join(
        f"<test/{name}> a pact:{name} ; pact:party <state/jpn> ; "
        f"dcterms:source <https://example.org/{name}> .\n"
        for name in AGREEMENT_CLASSES
    )
)

ID = Namespace("https://w3id.org/pactgraph/id/")
AGREEMENT, TREATY = ID["agreement/a1"], ID["agreement/a2"]
EVIDENCE, POSITION, SOURCE, STATE = (
    ID["evidence/e1"],
    ID["position/p1"],
    ID["source/s1"],
    ID["state/jpn"],
)
OTHER = ID["org/other"]
DECIMAL = XSD.decimal
NO_PATH = None  # a failed sh:or is reported on the focus node, without a result path


def case(name, subject, predicate, *values, keep=False, path=...):
    """One invalid variant of VALID_DATA: ``predicate`` of ``subject`` gets ``values``.

    The existing values are dropped unless ``keep``; the violation is expected
    on ``predicate`` unless ``path`` says otherwise.
    """
    expected = predicate if path is ... else path
    return pytest.param(subject, predicate, values, keep, expected, id=name)


INVALID_CASES = [
    # agreements
    case("agreement-no-party", TREATY, PACT.party),
    case("agreement-literal-party", TREATY, PACT.party, Literal("Japan")),
    case("agreement-no-provenance", TREATY, DCTERMS.source, path=NO_PATH),
    case("agreement-literal-source", TREATY, DCTERMS.source, Literal("x"), path=NO_PATH),
    case("agreement-literal-derivation", AGREEMENT, PROV.wasDerivedFrom, Literal("x"),
         path=NO_PATH),
    case("agreement-bad-date", AGREEMENT, PACT.signingDate, Literal("15 April 2013")),
    *[
        case(f"partyless-{name}", ID[f"test/{name}"], PACT.party)
        for name in AGREEMENT_CLASSES
    ],
    # evidence: each single-valued field missing, repeated or of the wrong kind
    *[
        case(f"evidence-no-{field}", EVIDENCE, predicate)
        for field, predicate in [
            ("quote", PACT.quote),
            ("start", PACT.charStart),
            ("end", PACT.charEnd),
            ("source", PROV.wasDerivedFrom),
            ("subject", RDF.subject),
            ("predicate", RDF.predicate),
            ("object", RDF.object),
            ("rule", PACT.rule),
            ("confidence", PACT.confidence),
        ]
    ],
    *[
        case(f"evidence-two-{field}", EVIDENCE, predicate, value, keep=True)
        for field, predicate, value in [
            ("quotes", PACT.quote, Literal("NATO!")),
            ("starts", PACT.charStart, Literal(11)),
            ("ends", PACT.charEnd, Literal(13)),
            ("sources", PROV.wasDerivedFrom, ID["source/s2"]),
            ("subjects", RDF.subject, TREATY),
            ("predicates", RDF.predicate, PACT.signatory),
            ("objects", RDF.object, STATE),
            ("rules", PACT.rule, Literal("other-rule")),
            ("confidences", PACT.confidence, Literal("0.5", datatype=DECIMAL)),
        ]
    ],
    case("evidence-empty-quote", EVIDENCE, PACT.quote, Literal("")),
    case("evidence-tagged-quote", EVIDENCE, PACT.quote, Literal("NATO", lang="en")),
    case("evidence-start-after-end", EVIDENCE, PACT.charStart, Literal(20)),
    case("evidence-start-equals-end", EVIDENCE, PACT.charStart, Literal(14)),
    case("evidence-negative-start", EVIDENCE, PACT.charStart, Literal(-1)),
    case("evidence-decimal-start", EVIDENCE, PACT.charStart, Literal("10.0", datatype=DECIMAL)),
    case("evidence-negative-end", EVIDENCE, PACT.charEnd, Literal(-1)),
    case("evidence-decimal-end", EVIDENCE, PACT.charEnd, Literal("14.0", datatype=DECIMAL)),
    case("evidence-literal-source", EVIDENCE, PROV.wasDerivedFrom, Literal("source/s1")),
    case("evidence-literal-subject", EVIDENCE, RDF.subject, Literal("a1")),
    case("evidence-literal-predicate", EVIDENCE, RDF.predicate, Literal("party")),
    case("evidence-empty-rule", EVIDENCE, PACT.rule, Literal("")),
    case("evidence-numeric-rule", EVIDENCE, PACT.rule, Literal(7)),
    case("evidence-confidence-above-one", EVIDENCE, PACT.confidence,
         Literal("1.5", datatype=DECIMAL)),
    case("evidence-confidence-below-zero", EVIDENCE, PACT.confidence,
         Literal("-0.1", datatype=DECIMAL)),
    case("evidence-confidence-double", EVIDENCE, PACT.confidence, Literal(0.8)),
    case("evidence-literal-speaker", EVIDENCE, PACT.speaker, Literal("Rasmussen")),
    # actors (one per explicitly targeted class) and states
    *[
        case(f"unlabelled-{name}", ID[f"test/{name}"], RDFS.label)
        for name in ACTOR_CLASSES
    ],
    case("actor-iri-label", STATE, RDFS.label, OTHER),
    case("state-lowercase-iso3", STATE, PACT.iso3166Alpha3, Literal("jpn")),
    case("state-two-iso3", STATE, PACT.iso3166Alpha3, Literal("JAP"), keep=True),
    case("state-iri-iso3", STATE, PACT.iso3166Alpha3, OTHER),
    # positions
    case("position-no-holder", POSITION, PACT.holder),
    case("position-two-holders", POSITION, PACT.holder, ID["person/p2"], keep=True),
    case("position-literal-holder", POSITION, PACT.holder, Literal("Somebody")),
    case("position-no-role-title", POSITION, PACT.roleTitle),
    case("position-iri-role-title", POSITION, PACT.roleTitle, OTHER),
    case("position-two-actors", POSITION, PACT.positionIn, OTHER, keep=True),
    case("position-literal-actor", POSITION, PACT.positionIn, Literal("Japan")),
    # sources
    case("source-no-title", SOURCE, DCTERMS.title),
    case("source-iri-title", SOURCE, DCTERMS.title, OTHER),
    case("source-no-hash", SOURCE, PACT.contentHash),
    case("source-uppercase-hash", SOURCE, PACT.contentHash, Literal("sha256:" + "AB" * 32)),
    case("source-short-hash", SOURCE, PACT.contentHash, Literal("sha256:abc")),
    case("source-md5-hash", SOURCE, PACT.contentHash, Literal("md5:" + "ab" * 16)),
    case("source-two-hashes", SOURCE, PACT.contentHash, Literal("sha256:" + "cd" * 32),
         keep=True),
    case("source-iri-hash", SOURCE, PACT.contentHash, URIRef("sha256:" + "ab" * 32)),
]


def validate(data_graph: Graph, shapes_graph: Graph):
    import pyshacl

    conforms, report, _ = pyshacl.validate(data_graph, shacl_graph=shapes_graph)
    return conforms, report


def test_shapes_parse_and_every_named_shape_has_a_message(shapes):
    named = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    assert len(named) > 10
    assert [shape for shape in named if shapes.value(shape, SH.message) is None] == []


def valid_graph() -> Graph:
    return Graph().parse(data=VALID_DATA, format="turtle")


def test_valid_data_conforms(shapes):
    conforms, report = validate(valid_graph(), shapes)
    assert conforms, report.serialize(format="turtle")


@pytest.mark.parametrize(("subject", "predicate", "values", "keep", "path"), INVALID_CASES)
def test_invalid_data_fails(shapes, subject, predicate, values, keep, path):
    data = valid_graph()
    if not keep:
        assert (subject, predicate, None) in data, "the case must change an existing value"
        data.remove((subject, predicate, None))
    for value in values:
        data.add((subject, predicate, value))
    conforms, report = validate(data, shapes)
    assert not conforms
    results = list(report.subjects(SH.resultSeverity, SH.Violation))
    found = {(report.value(r, SH.focusNode), report.value(r, SH.resultPath)) for r in results}
    assert (subject, path) in found
