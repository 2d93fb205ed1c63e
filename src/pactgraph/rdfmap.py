"""The one place where pactgraph's Python objects become RDF quads.

* :func:`extraction_quads` maps what a text yields to the quads of its named
  graph: the source, every mentioned actor's type, label and Wikidata link, each
  statement, and one ``pact:Evidence`` per supporting span.
* :func:`register_quads` maps the curated register to the reference graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import lru_cache

import pyoxigraph as ox

from .model import Entity, Extraction
from .namespaces import DCTERMS, GRAPH, ID, ORG, OWL, PACT, PROV, RDF, RDFS, SKOS, TIME, WD, XSD, slugify
from .reference import KIND_CLASS, Register

__all__ = ["REFERENCE_GRAPH", "entity_quads", "extraction_nquads", "extraction_quads", "literal", "register_quads"]

REFERENCE_GRAPH = GRAPH + "reference"
_ACTOR_KINDS = {"state", "organization", "body", "grouping", "mission"}


@lru_cache(maxsize=1 << 16)
def _n(iri: str) -> ox.NamedNode:
    # (cached: checking an IRI costs more than the rest of a quad, and a graph repeats its predicates and actors)
    return ox.NamedNode(iri)


def literal(value: str | tuple[str, str]) -> ox.Literal:
    """A literal from a plain string or a ``(lexical, datatype IRI)`` pair."""
    if isinstance(value, tuple):
        lexical, datatype = value
        if datatype == XSD + "string":
            return ox.Literal(lexical)
        return ox.Literal(lexical, datatype=_n(datatype))
    return ox.Literal(value)


def _date_literal(value: str) -> ox.Literal:
    kind = {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")
    return ox.Literal(value, datatype=_n(XSD + kind))


def entity_quads(entity: Entity, graph: ox.NamedNode, full: bool = False) -> Iterator[ox.Quad]:
    """Type, label, Wikidata link and codes of a register entity (all its names when ``full``)."""
    s = _n(entity.iri)
    yield ox.Quad(s, _n(RDF + "type"), _n(PACT + KIND_CLASS[entity.kind]), graph)
    if entity.kind in _ACTOR_KINDS:
        yield ox.Quad(s, _n(RDF + "type"), _n(PACT + "Actor"), graph)
    if entity.kind == "grouping":
        yield ox.Quad(s, _n(RDF + "type"), _n(PACT + "InternationalOrganization"), graph)
    if entity.kind == "framework":
        yield ox.Quad(s, _n(RDF + "type"), _n(PACT + "Agreement"), graph)
    yield ox.Quad(s, _n(RDFS + "label"), ox.Literal(entity.label), graph)
    if entity.wikidata:
        yield ox.Quad(s, _n(OWL + "sameAs"), _n(WD + entity.wikidata), graph)
    if entity.iso2:
        yield ox.Quad(s, _n(PACT + "iso3166Alpha2"), ox.Literal(entity.iso2), graph)
    if entity.iso3:
        yield ox.Quad(s, _n(PACT + "iso3166Alpha3"), ox.Literal(entity.iso3), graph)
    if entity.cow_code is not None:
        yield ox.Quad(s, _n(PACT + "cowCode"), ox.Literal(str(entity.cow_code), datatype=_n(XSD + "integer")), graph)
    if entity.cow_abbrev:
        yield ox.Quad(s, _n(PACT + "cowAbbreviation"), ox.Literal(entity.cow_abbrev), graph)
    if entity.country and entity.kind == "place":
        yield ox.Quad(s, _n(PACT + "locatedIn"), _n(ID + entity.country), graph)
    if not full:
        return
    for acronym in entity.acronyms:
        yield ox.Quad(s, _n(PACT + "acronym"), ox.Literal(acronym), graph)
    for name in entity.names:
        if name != entity.label:
            yield ox.Quad(s, _n(SKOS + "altLabel"), ox.Literal(name, language="en"), graph)
    for adjective in entity.adjectives:
        yield ox.Quad(s, _n(PACT + "adjective"), ox.Literal(adjective, language="en"), graph)
    for url in entity.sources:
        yield ox.Quad(s, _n(DCTERMS + "source"), _n(url), graph)
    if entity.parent and entity.kind in {"body", "mission", "framework"}:
        yield ox.Quad(s, _n(ORG + "subOrganizationOf"), _n(ID + entity.parent), graph)
    if entity.kind == "framework" and entity.parent:
        yield ox.Quad(s, _n(PACT + "party"), _n(ID + entity.parent), graph)


def _evidence_iri(graph: str, statement_key, evidence) -> str:
    digest = hashlib.sha256(repr((graph, statement_key, evidence.start, evidence.end, evidence.rule)).encode()).hexdigest()
    return f"{ID}evidence/{digest[:24]}"


def extraction_quads(extraction: Extraction, extractor_version: str = "") -> list[ox.Quad]:
    """All quads of a source's named graph (the graph is named by the source IRI)."""
    return list(ox.parse(extraction_nquads(extraction, extractor_version), format=ox.RdfFormat.N_QUADS))


# N-Quads escapes of a string literal (as pyoxigraph writes them); other control characters become \uXXXX.
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def _escape(match: re.Match) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _lit(value: str) -> str:
    """An N-Quads string literal."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def _iri(iri: str) -> str:
    """An N-Quads IRI, checked once per distinct IRI (by :func:`_n`)."""
    return str(_n(iri))


def _term(obj) -> str:
    if isinstance(obj, str):
        return _iri(obj)
    return str(literal(obj))


def extraction_nquads(extraction: Extraction, extractor_version: str = "") -> bytes:
    """The N-Quads of a source's named graph, one statement per line, without duplicates.

    The statements and their evidence (nearly all of a graph) are written as text:
    building a pyoxigraph object per term costs more than the whole line.
    """
    source = extraction.source
    g = _n(source.iri)
    s = g
    meta = source.metadata
    quads = [
        ox.Quad(s, _n(RDF + "type"), _n(PACT + "Source"), g),
        ox.Quad(s, _n(RDF + "type"), _n(PROV + "Entity"), g),
        ox.Quad(s, _n(DCTERMS + "title"), ox.Literal(meta.get("title", "")), g),
        ox.Quad(s, _n(RDFS + "label"), ox.Literal(meta.get("title", "")), g),
        ox.Quad(s, _n(PACT + "contentHash"), ox.Literal(source.content_hash), g),
        ox.Quad(s, _n(PACT + "fileName"), ox.Literal(source.name.rsplit("/", 1)[-1]), g),
        ox.Quad(s, _n(PACT + "charLength"), ox.Literal(str(len(source.text)), datatype=_n(XSD + "integer")), g),
    ]
    if extractor_version:
        quads.append(ox.Quad(s, _n(PACT + "extractorVersion"), ox.Literal(extractor_version), g))
    if meta.get("date"):
        quads.append(ox.Quad(s, _n(DCTERMS + "date"), ox.Literal(meta["date"], datatype=_n(XSD + "date")), g))
    for key, predicate in (("publisher", DCTERMS + "publisher"), ("language", DCTERMS + "language"),
                           ("genre", DCTERMS + "type"), ("place", PACT + "placeName"),
                           ("speaker", PACT + "speakerName")):
        if meta.get(key):
            quads.append(ox.Quad(s, _n(predicate), ox.Literal(meta[key]), g))
    if meta.get("url"):
        try:
            quads.append(ox.Quad(s, _n(DCTERMS + "source"), _n(meta["url"]), g))
        except ValueError:
            quads.append(ox.Quad(s, _n(DCTERMS + "source"), ox.Literal(meta["url"]), g))
    for entity in extraction.entities.values():
        quads.extend(entity_quads(entity, g))
    for person in extraction.persons.values():
        quads.append(ox.Quad(_n(person.iri), _n(RDF + "type"), _n(PACT + "Actor"), g))
    lines = [f"{q} .\n" for q in quads]
    tail = f" {g} .\n"
    src = str(s)
    p_type, c_evidence = _iri(RDF + "type"), _iri(PACT + "Evidence")
    p_subject, p_predicate, p_object = _iri(RDF + "subject"), _iri(RDF + "predicate"), _iri(RDF + "object")
    p_derived, p_quote, p_rule = _iri(PROV + "wasDerivedFrom"), _iri(PACT + "quote"), _iri(PACT + "rule")
    p_start, p_end, p_confidence = _iri(PACT + "charStart"), _iri(PACT + "charEnd"), _iri(PACT + "confidence")
    p_speaker = _iri(PACT + "speaker")
    integer, decimal = f"^^{_iri(XSD + 'integer')}", f"^^{_iri(XSD + 'decimal')}"
    for statement in sorted(extraction.statements, key=lambda st: repr(st.key)):
        obj = _term(statement.obj)
        subject, predicate = _iri(statement.subject), _iri(statement.predicate)
        lines.append(f"{subject} {predicate} {obj}{tail}")
        for evidence in statement.evidence:
            e = f"<{_evidence_iri(source.iri, statement.key, evidence)}> "
            lines += [
                f"{e}{p_type} {c_evidence}{tail}",
                f"{e}{p_subject} {subject}{tail}",
                f"{e}{p_predicate} {predicate}{tail}",
                f"{e}{p_object} {obj}{tail}",
                f"{e}{p_derived} {src}{tail}",
                f"{e}{p_quote} {_lit(evidence.quote)}{tail}",
                f'{e}{p_start} "{evidence.start}"{integer}{tail}',
                f'{e}{p_end} "{evidence.end}"{integer}{tail}',
                f"{e}{p_rule} {_lit(evidence.rule)}{tail}",
                f'{e}{p_confidence} "{evidence.confidence:.2f}"{decimal}{tail}',
            ]
            if evidence.speaker:
                lines.append(f"{e}{p_speaker} {_iri(evidence.speaker)}{tail}")
    # Agreements, positions, speeches and places are described by statements above;
    # every agreement also cites its source directly.
    for agreement in extraction.agreements:
        lines.append(f"{_iri(agreement.iri)} {p_derived} {src}{tail}")
    return "".join(dict.fromkeys(lines)).encode()


def register_quads(register: Register) -> list[ox.Quad]:
    """The reference graph: every register entity with its names, codes and sources, and memberships."""
    g = _n(REFERENCE_GRAPH)
    quads: list[ox.Quad] = []
    for entity in register.entities.values():
        quads.extend(entity_quads(entity, g, full=True))
    for mission, org in register.led_by.items():
        quads.append(ox.Quad(_n(ID + org), _n(PACT + "leads"), _n(ID + mission), g))
    for mission, org in register.mandated_by.items():
        quads.append(ox.Quad(_n(ID + mission), _n(PACT + "mandatedBy"), _n(ID + org), g))
    for key, (start, end) in register.periods.items():
        interval = _n(f"{ID}{key}/active")
        quads += [ox.Quad(_n(ID + key), _n(PACT + "activeDuring"), interval, g),
                  ox.Quad(interval, _n(RDF + "type"), _n(TIME + "Interval"), g)]
        quads += _interval(interval, start, end, g)
    for m in register.memberships:
        iri = _n(f"{ID}membership/{slugify(m.member)}-{slugify(m.organization)}-{m.role}")
        member, org = _n(ID + m.member), _n(ID + m.organization)
        quads += [
            ox.Quad(iri, _n(RDF + "type"), _n(ORG + "Membership"), g),
            ox.Quad(iri, _n(ORG + "member"), member, g),
            ox.Quad(iri, _n(ORG + "organization"), org, g),
            ox.Quad(iri, _n(ORG + "role"), _n(f"{ID}role/{m.role}"), g),
        ]
        if m.role == "member":
            quads.append(ox.Quad(member, _n(ORG + "memberOf"), org, g))
        elif m.role == "partner":
            quads.append(ox.Quad(member, _n(PACT + "partnerOf"), org, g))
        for url in m.sources:
            quads.append(ox.Quad(iri, _n(DCTERMS + "source"), _n(url), g))
        if m.start or m.end:
            interval = _n(str(iri.value) + "/during")
            quads += [ox.Quad(iri, _n(ORG + "memberDuring"), interval, g),
                      ox.Quad(interval, _n(RDF + "type"), _n(TIME + "Interval"), g)]
            quads += _interval(interval, m.start, m.end, g)
    for agreement in register.agreements.values():
        iri = _n(ID + agreement.key)
        quads += [ox.Quad(iri, _n(RDF + "type"), _n(PACT + agreement.kind), g),
                  ox.Quad(iri, _n(RDF + "type"), _n(PACT + "Agreement"), g),
                  ox.Quad(iri, _n(RDFS + "label"), ox.Literal(agreement.name), g)]
        quads += [ox.Quad(iri, _n(SKOS + "altLabel"), ox.Literal(alias), g) for alias in agreement.aliases]
        quads += [ox.Quad(iri, _n(PACT + "party"), _n(ID + party), g) for party in agreement.parties]
        if agreement.date:
            quads.append(ox.Quad(iri, _n(PACT + "signingDate"), _date_literal(agreement.date), g))
        if agreement.wikidata:
            quads.append(ox.Quad(iri, _n(OWL + "sameAs"), _n(WD + agreement.wikidata), g))
        quads += [ox.Quad(iri, _n(DCTERMS + "source"), _n(url), g) for url in agreement.sources]
    for role in sorted({m.role for m in register.memberships}):
        quads += [ox.Quad(_n(f"{ID}role/{role}"), _n(RDF + "type"), _n(ORG + "Role"), g),
                  ox.Quad(_n(f"{ID}role/{role}"), _n(RDFS + "label"), ox.Literal(role), g)]
    return list(dict.fromkeys(quads))


def _interval(interval: ox.NamedNode, start: str | None, end: str | None, g) -> list[ox.Quad]:
    quads = []
    for bound, predicate, suffix in ((start, "hasBeginning", "start"), (end, "hasEnd", "end")):
        if not bound:
            continue
        instant = _n(f"{interval.value}/{suffix}")
        xsd_prop = {4: "inXSDgYear", 7: "inXSDgYearMonth"}.get(len(bound), "inXSDDate")
        quads += [ox.Quad(interval, _n(TIME + predicate), instant, g),
                  ox.Quad(instant, _n(RDF + "type"), _n(TIME + "Instant"), g),
                  ox.Quad(instant, _n(TIME + xsd_prop), _date_literal(bound), g)]
    return quads
