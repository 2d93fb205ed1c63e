"""A readable summary of what a text yields, for ``pactgraph extract --format json``."""

from __future__ import annotations

from .model import Extraction
from .namespaces import ID, ORG, PACT, RDF, RDFS

__all__ = ["summarize"]

_RELATIONS = {PACT + "partnerOf", PACT + "leads", PACT + "mandatedBy", PACT + "contributesTo", ORG + "memberOf",
              PACT + "signatory", PACT + "party"}
_CONCEPT_PREDICATES = {PACT + "affirmsValue", PACT + "addressesChallenge", PACT + "cooperationArea",
                       PACT + "concernsRegion"}


def _short(iri) -> str:
    return iri.removeprefix(ID) if isinstance(iri, str) else iri[0]


def summarize(extraction: Extraction) -> dict:
    """Actors with IDs, persons and posts, agreements with parties, concepts and relations with quotes."""
    source = extraction.source
    labels = {e.iri: e.label for e in extraction.entities.values()}
    labels.update({p.iri: p.name for p in extraction.persons.values()})
    labels.update({a.iri: a.name for a in extraction.agreements})
    stmts = extraction.statements

    def quote(statement) -> dict:
        best = max(statement.evidence, key=lambda e: e.confidence)
        return {"quote": best.quote, "start": best.start, "end": best.end, "rule": best.rule,
                "confidence": best.confidence, **({"speaker": labels.get(best.speaker, best.speaker)} if best.speaker else {})}

    concepts = {}
    for st in stmts:
        if st.predicate in _CONCEPT_PREDICATES:
            concepts.setdefault(_short(st.obj), set()).add(labels.get(st.subject, _short(st.subject)))
    return {
        "source": {"iri": source.iri, "hash": source.content_hash, **source.metadata},
        "actors": [
            {"id": e.key, "label": e.label, "type": e.kind, "wikidata": e.wikidata, **({"iso3": e.iso3} if e.iso3 else {})}
            for e in sorted(extraction.entities.values(), key=lambda e: e.key) if e.is_actor
        ],
        "places": sorted(e.label for e in extraction.entities.values() if e.kind in ("place", "region")),
        "persons": [
            {"name": p.name, "id": _short(p.iri),
             "positions": [{"title": pos.title, "in": labels.get(pos.organization, pos.organization)}
                           for pos in extraction.positions if pos.holder == p.iri]}
            for p in extraction.persons.values()
        ],
        "agreements": [
            {"name": a.name, "id": _short(a.iri), "type": a.kind,
             "parties": [labels.get(p, _short(p)) for p in a.parties], "date": a.date,
             "place": labels.get(a.place, _short(a.place)) if a.place else None,
             "signatories": [labels.get(st.obj, st.obj) for st in stmts
                             if st.subject == a.iri and st.predicate == PACT + "signatory"]}
            for a in extraction.agreements
        ],
        "concepts": {k: sorted(v) for k, v in sorted(concepts.items())},
        "relations": [
            {"subject": labels.get(st.subject, _short(st.subject)), "predicate": st.predicate.rsplit("#", 1)[-1],
             "object": labels.get(st.obj, _short(st.obj)), **quote(st)}
            for st in stmts if st.predicate in _RELATIONS
        ],
        "speeches": [
            {"label": s.label, "speaker": labels.get(s.speaker, s.speaker), "venue": s.venue, "start": s.start, "end": s.end}
            for s in extraction.speeches
        ],
        "statements": len(stmts),
        "evidence": sum(len(st.evidence) for st in stmts),
    }


_ = (RDF, RDFS)
