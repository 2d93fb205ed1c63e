"""Mentions: spans of a document that name an actor, region, place or concept."""

from __future__ import annotations

from dataclasses import dataclass

from .pipeline import FORM_CONFIDENCE, Gazetteer

__all__ = ["Mention", "find_mentions"]

# A capitalised continuation ending in one of these nouns makes the whole phrase a
# venue or institution name ("Japan National Press Club"), not a mention of the actor.
_VENUE_NOUNS = {
    "Club", "University", "Institute", "Centre", "Center", "Hall", "Museum", "College",
    "School", "Foundation", "Airport", "Hotel", "Stadium", "Street", "Avenue", "Square",
    "Palace", "Library", "Academy", "Theatre", "Theater", "Embassy", "Port", "Bridge",
}
_KIND_RANK = {"actor": 0, "framework": 1, "region": 2, "place": 3}


@dataclass(slots=True)
class Mention:
    """A matched span. Token offsets are into the spaCy doc; char offsets into the source text."""

    key: str
    kind: str  # actor | framework | region | place | concept | coref
    form: str  # name | acronym | alias | adjective | label | coref
    start: int
    end: int
    char_start: int
    char_end: int
    confidence: float
    sent: int = -1


def _inside_venue_name(doc, start: int, end: int) -> bool:
    j = end
    while j < len(doc) and j < end + 5 and (doc[j].is_title or doc[j].text in {"of", "for", "and"}):
        if doc[j].text in _VENUE_NOUNS:
            return True
        j += 1
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in _VENUE_NOUNS:
        return True
    return False


def find_mentions(doc, gazetteer: Gazetteer, offset: int) -> list[Mention]:
    """Return non-overlapping mentions in ``doc``; ``offset`` is the doc's start in the source text."""
    candidates: list[Mention] = []
    for matcher in (gazetteer.names, gazetteer.labels):
        for match_id, start, end in matcher(doc):
            info = gazetteer.info[match_id]
            if info.kind in _KIND_RANK and info.kind != "concept" and _inside_venue_name(doc, start, end):
                continue
            span = doc[start:end]
            candidates.append(Mention(
                key=info.key, kind=info.kind, form=info.form, start=start, end=end,
                char_start=offset + span.start_char, char_end=offset + span.end_char,
                confidence=FORM_CONFIDENCE.get(info.form, 1.0),
            ))
    # Longest span wins; among equal spans, actors before regions before places.
    candidates.sort(key=lambda m: (-(m.end - m.start), _KIND_RANK.get(m.kind, 4), m.start))
    taken = [False] * (len(doc) + 1)
    kept: list[Mention] = []
    for mention in candidates:
        if any(taken[mention.start:mention.end]):
            continue
        for i in range(mention.start, mention.end):
            taken[i] = True
        kept.append(mention)
    kept.sort(key=lambda m: m.start)
    return kept
