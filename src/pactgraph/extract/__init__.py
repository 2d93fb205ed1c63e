"""Extraction: text → mentions → statements with evidence.

>>> from pactgraph.sources import source_from_text
>>> result = extract(source_from_text("Japan and NATO are dedicated to democracy.", name="demo.txt"))
>>> sorted(s.obj for s in result.statements if s.predicate.endswith("affirmsValue"))
['https://w3id.org/pactgraph/id/value/democracy', 'https://w3id.org/pactgraph/id/value/democracy']
"""

from __future__ import annotations

from ..model import Extraction
from ..namespaces import ID, OWL, PACT, RDF, RDFS, XSD
from ..sources import Source
from .agreements import find_agreements
from .context import DocContext
from .discourse import find_speakers, resolve_coreference
from .links import link_concepts
from .mentions import find_mentions
from .people import find_people
from .pipeline import get_gazetteer, get_nlp
from .relations import find_relations

__all__ = ["EXTRACTOR_VERSION", "extract"]

#: Recorded on every source so a graph says which rules produced it.
EXTRACTOR_VERSION = "pactgraph-rules/0.1"

_POLITICAL = {"state", "organization", "body", "grouping"}


def extract(source: Source) -> Extraction:
    """Extract entities and evidence-backed statements from ``source``."""
    nlp = get_nlp()
    gazetteer = get_gazetteer()
    doc = nlp(source.body)
    ctx = DocContext(source, doc, gazetteer, find_mentions(doc, gazetteer, source.body_start))
    ctx.main_actors = _main_actors(ctx)
    persons, positions, ctx.person_mentions = find_people(ctx, nlp)
    speeches = find_speakers(ctx, persons, positions)

    def org_of_speaker(speaker: str | None) -> str | None:
        if speaker is None:
            return None
        if not speaker.startswith(ID + "person/"):
            return speaker.removeprefix(ID)
        for position in positions:
            if position.holder == speaker and position.organization:
                return position.organization.removeprefix(ID)
        return None

    resolve_coreference(ctx, org_of_speaker, _host_state(ctx), source.metadata.get("genre", ""))
    agreements = find_agreements(ctx, nlp, positions)
    find_relations(ctx, agreements)
    link_concepts(ctx, agreements)
    entities = _actor_statements(ctx)
    return Extraction(
        source=source, entities=entities, persons=persons, positions=positions,
        agreements=[a for a, _ in agreements], speeches=speeches, statements=list(ctx.statements.values()),
    )


def _main_actors(ctx: DocContext) -> list[str]:
    """The actors a text is about: those in its title, else the most-mentioned ones."""
    title = ctx.source.metadata.get("title", "")
    counts = ctx.actor_counts()
    political = [k for k in counts if ctx.entity_kind(k) in _POLITICAL]
    in_title = []
    for key in political:
        entity = ctx.gazetteer.entity(key)
        forms = entity.names + entity.acronyms + entity.adjectives
        if any(_word_in(form, title) for form in forms):
            in_title.append(key)
    if ctx.sentences:
        for mention in ctx.sentences[0].mentions:
            if mention.kind == "actor" and mention.key in political and mention.key not in in_title:
                in_title.append(mention.key)
    if len(in_title) >= 2:
        return in_title
    ranked = sorted(political, key=lambda k: (-counts[k], k))
    for key in ranked:
        if len(in_title) >= 2:
            break
        if key not in in_title and counts[key] >= 2:
            in_title.append(key)
    return in_title


def _word_in(form: str, text: str) -> bool:
    import re

    return bool(form) and re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text) is not None


def _host_state(ctx: DocContext) -> str | None:
    """The state a speech is given in: from the header's place, else the first place named."""
    register = ctx.gazetteer.register
    place = ctx.source.metadata.get("place")
    if place:
        for entity in register.entities.values():
            if entity.kind == "place" and place in entity.names and entity.country:
                return entity.country
            if entity.kind == "state" and place in entity.names:
                return entity.key
    for mention in ctx.mentions("place"):
        country = register.entities[mention.key].country
        if country:
            return country
    return None


def _actor_statements(ctx: DocContext):
    """Type, label and Wikidata link of every entity the text mentions, with its first mention."""
    entities = {}
    register = ctx.gazetteer.register
    for sentence in ctx.sentences:
        for mention in sentence.mentions:
            if mention.kind in ("concept",) or mention.form == "coref" or mention.key in entities:
                continue
            entity = register.entities[mention.key]
            entities[mention.key] = entity
            from ..reference import KIND_CLASS

            ev = ctx.evidence(sentence, f"gazetteer-{mention.form}", mention.confidence)
            ctx.state(entity.iri, RDF + "type", PACT + KIND_CLASS[entity.kind], ev)
    for subject, _, obj in list(ctx.statements):
        for iri in (subject, obj):
            if isinstance(iri, str) and iri.startswith(ID):
                key = iri.removeprefix(ID)
                if key in register.entities and key not in entities:
                    entities[key] = register.entities[key]
    return entities
