"""A readable summary of what a text yields, for ``pactgraph extract --format json``.

Actors named in the text (with register IDs and Wikidata), persons and their
posts, agreements with parties, dates, signatories and the evidence that found
them, concepts with what they are linked to, and relations with the quote,
offsets, rule and confidence of their best evidence. A researcher can check it
against the text at a glance.
"""

from __future__ import annotations

from .model import Extraction
from .namespaces import ID, ORG, PACT, RDF

__all__ = ["mentioned_entities", "summarize"]

_RELATIONS = {PACT + "partnerOf", PACT + "leads", PACT + "mandatedBy", PACT + "contributesTo", ORG + "memberOf",
              PACT + "signatory", PACT + "party"}
_CONCEPT_PREDICATES = {PACT + "affirmsValue", PACT + "addressesChallenge", PACT + "cooperationArea",
                       PACT + "concernsRegion"}


def _short(iri) -> str:
    return iri.removeprefix(ID) if isinstance(iri, str) else iri[0]


def mentioned_entities(extraction: Extraction) -> set[str]:
    """Register keys of the entities the text names (not those only inferred, such as a publisher)."""
    keys = set()
    for st in extraction.statements:
        if st.predicate == RDF + "type" and any(e.rule.startswith("gazetteer-") for e in st.evidence):
            keys.add(st.subject.removeprefix(ID))
    return keys


def summarize(extraction: Extraction) -> dict:
    """Actors with IDs, persons and posts, agreements with parties, concepts and relations with quotes."""
    source = extraction.source
    labels = {e.iri: e.label for e in extraction.entities.values()}
    labels.update({p.iri: p.name for p in extraction.persons.values()})
    labels.update({a.iri: a.name for a in extraction.agreements})
    stmts = extraction.statements
    named = mentioned_entities(extraction)

    def quote(statement) -> dict:
        best = max(statement.evidence, key=lambda e: e.confidence)
        return {"quote": best.quote, "start": best.start, "end": best.end, "rule": best.rule,
                "confidence": best.confidence, **({"speaker": labels.get(best.speaker, best.speaker)} if best.speaker else {})}

    def actor(e) -> dict:
        return {"id": e.key, "label": e.label, "type": e.kind, "wikidata": e.wikidata, **({"iso3": e.iso3} if e.iso3 else {})}

    concepts: dict[str, set[str]] = {}
    for st in stmts:
        if st.predicate in _CONCEPT_PREDICATES:
            concepts.setdefault(_short(st.obj), set()).add(labels.get(st.subject, _short(st.subject)))
    # the statement that an agreement is of its genre: the rule that found it and the sentence that shows it
    genre = {a.iri: PACT + a.kind for a in extraction.agreements}
    typed = {st.subject: st for st in stmts if st.predicate == RDF + "type" and genre.get(st.subject) == st.obj}
    entities = sorted(extraction.entities.values(), key=lambda e: e.key)
    return {
        "source": {"iri": source.iri, "hash": source.content_hash, **source.metadata},
        "actors": [actor(e) for e in entities if e.is_actor and e.key in named],
        "other_actors": [actor(e) for e in entities if e.is_actor and e.key not in named],
        "places": sorted(e.label for e in extraction.entities.values() if e.kind in ("place", "region")),
        "persons": [
            {"name": p.name, "id": _short(p.iri),
             "positions": [{"title": pos.title, "in": labels.get(pos.organization, pos.organization),
                            "in_id": _short(pos.organization) if pos.organization else None}
                           for pos in extraction.positions if pos.holder == p.iri]}
            for p in extraction.persons.values()
        ],
        "agreements": [
            {"name": a.name, "id": _short(a.iri), "type": a.kind,
             "parties": [labels.get(p, _short(p)) for p in a.parties], "party_ids": [_short(p) for p in a.parties],
             "date": a.date, "place": labels.get(a.place, _short(a.place)) if a.place else None,
             "signatories": [labels.get(st.obj, st.obj) for st in stmts
                             if st.subject == a.iri and st.predicate == PACT + "signatory"],
             **({"evidence": quote(typed[a.iri])} if a.iri in typed else {})}
            for a in extraction.agreements
        ],
        "concepts": {k: sorted(v) for k, v in sorted(concepts.items())},
        "relations": [
            {"subject": labels.get(st.subject, _short(st.subject)), "predicate": st.predicate.rsplit("#", 1)[-1],
             "object": labels.get(st.obj, _short(st.obj)), "subject_id": _short(st.subject),
             "object_id": _short(st.obj), **quote(st)}
            for st in stmts if st.predicate in _RELATIONS
        ],
        "speeches": [
            {"label": s.label, "speaker": labels.get(s.speaker, s.speaker), "venue": s.venue, "start": s.start, "end": s.end}
            for s in extraction.speeches
        ],
        "statements": len(stmts),
        "evidence": sum(len(st.evidence) for st in stmts),
    }
