"""Persons and their posts, found by title patterns (no list of names).

Recognised shapes include "Prime Minister Shinzo Abe", "NATO Deputy Secretary
General, Ambassador X Y", "the Defence Minister of Poland, Mr X Y", "Japanese
Foreign Minister X Y", "X Y, Prime Minister of Japan" and family-name-first
forms ("Prime Minister KISHIDA Fumio"). Later mentions by surname ("Mr Y",
"Secretary General Y") resolve to the same person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..model import Person, Position
from ..namespaces import ID, PACT, RDF, RDFS, XSD, slugify
from .context import DocContext

__all__ = ["find_people"]

TITLES = [
    "Secretary General", "Secretary-General", "Deputy Secretary General", "Deputy Secretary-General",
    "Assistant Secretary General", "Assistant Secretary-General", "Under-Secretary-General",
    "Under Secretary-General", "Prime Minister", "Deputy Prime Minister", "President", "Vice President",
    "Vice-President", "Executive Vice-President", "Foreign Minister", "Defence Minister", "Defense Minister",
    "Interior Minister", "Foreign Secretary", "Defence Secretary", "Defense Secretary", "Home Secretary",
    "Secretary of State", "Secretary of Defense", "Secretary of Defence", "Minister", "Chancellor",
    "Federal Chancellor", "High Representative", "Commissioner", "Director General", "Director-General",
    "Executive Director", "Special Representative", "Special Envoy", "Ambassador", "Permanent Representative",
    "Chairman", "Chairperson", "Chair", "Chief of Defence", "Chief of Staff", "Supreme Allied Commander Europe",
    "Supreme Allied Commander Transformation", "Commander", "King", "Queen", "Emperor", "Crown Prince",
    "Sultan", "Emir", "Premier", "Vice Premier", "State Councilor", "State Councillor", "Governor",
    "National Security Advisor", "National Security Adviser", "Spokesperson", "Spokesman",
    "Chairman of the Military Committee", "Chair of the Military Committee", "High Commissioner",
]
HONORIFICS = {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "H.E.", "Ambassador", "Admiral",
              "General", "Professor", "Prof.", "Sir", "Dame", "Lord", "Lady", "Madam", "Excellency",
              "His", "Her", "Lieutenant", "Colonel", "Major", "Rear", "Vice", "Air", "Marshal"}
_PARTICLES = {"de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "le", "la", "dos", "del", "ter"}
_NOT_NAMES = {
    "The", "A", "An", "And", "Or", "Of", "In", "On", "At", "To", "For", "With", "By", "From", "This", "That",
    "These", "We", "I", "It", "Our", "Their", "His", "Her", "Today", "Yesterday", "Mr", "Ms", "Mrs", "Dr",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Joint", "Declaration", "Statement", "Summit", "Council", "Minister", "Ministers", "General", "Secretary",
    "President", "Prime", "Deputy", "Excerpt", "Image", "Photo", "Q", "A", "Allies", "Alliance", "Also",
    "Both", "Their", "Government", "Excellencies", "Ladies", "Gentlemen", "Chairman", "Chair",
}
_SURNAME_CUES = {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Minister", "General", "President",
                 "Ambassador", "Chancellor", "Commissioner", "Secretary"}


@cache
def _title_matcher(nlp):
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    matcher.add("TITLE", [[{"ORTH": t.text} for t in nlp.make_doc(title)] for title in TITLES])
    # "Minister of Foreign Affairs", "Minister for Defence", "Minister of National Defence"
    matcher.add("TITLE", [[{"ORTH": {"IN": ["Minister", "Secretary", "Ministers"]}}, {"LOWER": {"IN": ["of", "for"]}},
                           {"IS_TITLE": True, "ORTH": {"NOT_IN": ["State"]}, "OP": "+"},
                           {"LOWER": "and", "OP": "?"}, {"IS_TITLE": True, "OP": "*"}]])
    return matcher


@dataclass(slots=True)
class _Found:
    name_tokens: list  # spaCy tokens of the name as written
    start: int  # token span of the whole mention (title + name)
    end: int
    title: str | None
    org: str | None  # register key


def _is_name_token(token) -> bool:
    text = token.text
    if text in _NOT_NAMES or not text[:1].isupper():
        return False
    return token.is_alpha or ("-" in text or "'" in text or "’" in text) and text.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _actor_at(ctx: DocContext, sentence, token: int, kinds=("actor",)):
    for mention in sentence.mentions:
        if mention.start == token and mention.kind in kinds:
            return mention
    return None


def _actor_ending_at(ctx: DocContext, sentence, token: int):
    for mention in sentence.mentions:
        if mention.kind == "actor" and mention.end == token:
            return mention
    return None


def _blocked(sentence, token: int) -> bool:
    return any(m.start <= token < m.end for m in sentence.mentions)


def _read_name(ctx: DocContext, sentence, j: int) -> tuple[list, int]:
    doc = ctx.doc
    tokens = []
    while j < sentence.end and len(tokens) < 4 and not _blocked(sentence, j):
        token = doc[j]
        if _is_name_token(token):
            tokens.append(token)
            j += 1
        elif token.text in _PARTICLES and tokens and j + 1 < sentence.end and _is_name_token(doc[j + 1]):
            tokens.append(token)
            j += 1
        else:
            break
    return tokens, j


def _mentions_in(ctx: DocContext, sentence, nlp) -> list[_Found]:
    doc = ctx.doc
    found: list[_Found] = []
    spans = _title_matcher(nlp)(doc[sentence.start:sentence.end], as_spans=True)
    from spacy.util import filter_spans

    for span in filter_spans(spans):
        ts, te = span.start, span.end
        title = span.text
        org = None
        before = _actor_ending_at(ctx, sentence, ts)
        if before is None and ts - 1 >= sentence.start and doc[ts - 1].text in {"'s", "’s"}:
            before = _actor_ending_at(ctx, sentence, ts - 1)
        if before is not None:
            org = before.key
        j = te
        if j < sentence.end and doc[j].lower_ == "of":
            k = j + 1
            if k < sentence.end and doc[k].lower_ == "the":
                k += 1
            after = _actor_at(ctx, sentence, k)
            if after is not None:
                org = org or after.key
                j = after.end
        if j < sentence.end and doc[j].text == ",":
            j += 1
        while j < sentence.end and doc[j].text in HONORIFICS and doc[j].text not in ("His", "Her"):
            j += 1
        name, end = _read_name(ctx, sentence, j)
        if not name and ts - 2 >= sentence.start and doc[ts - 1].text == ",":
            # "X Y, Prime Minister of Japan": the name stands before the title.
            k = ts - 2
            if doc[k].lower_ == "the":
                k -= 1
            back = []
            while k >= sentence.start and _is_name_token(doc[k]) and not _blocked(sentence, k) and len(back) < 4:
                back.insert(0, doc[k])
                k -= 1
            if len(back) >= 2:
                found.append(_Found(back, back[0].i, te, title, org))
            continue
        if name:
            found.append(_Found(name, ts, end, title, org))
    # Bare surname references: "Mr Rasmussen".
    for token in doc[sentence.start:sentence.end]:
        if token.text in {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr."} and token.i + 1 < sentence.end:
            nxt = doc[token.i + 1]
            if _is_name_token(nxt) and not any(f.start <= token.i < f.end for f in found):
                name, end = _read_name(ctx, sentence, token.i + 1)
                found.append(_Found(name, token.i, end, None, None))
    return found


def _natural_order(tokens) -> tuple[str, str, bool]:
    """Return (full name, family name, written family-first?)."""
    words = [t.text for t in tokens]
    if len(words) >= 2 and words[0].isupper() and len(words[0]) > 1 and not words[1].isupper():
        family = words[0].capitalize()
        return " ".join(words[1:] + [family]), family, True
    fixed = [w.capitalize() if w.isupper() and len(w) > 1 else w for w in words]
    return " ".join(fixed), fixed[-1], False


def find_people(ctx: DocContext, nlp) -> tuple[dict[str, Person], list[Position], list[tuple[str, int, int]]]:
    """Find persons and positions; record their statements in ``ctx``.

    Returns persons by IRI, positions, and person mentions as (IRI, first token, end token).
    """
    persons: dict[str, Person] = {}
    by_family: dict[str, str] = {}
    pending: list[tuple[_Found, object]] = []
    positions: dict[str, Position] = {}
    person_mentions: list[tuple[str, int, int]] = []

    def resolve_single(word: str) -> str | None:
        return by_family.get(word.capitalize())

    for sentence in ctx.sentences:
        for found in _mentions_in(ctx, sentence, nlp):
            if len(found.name_tokens) >= 2:
                name, family, family_first = _natural_order(found.name_tokens)
                iri = ID + "person/" + slugify(name)
                if iri not in persons:
                    # A known person's surname-first repetition ("Abe Shinzo" after "Shinzo Abe").
                    swapped = " ".join(reversed(name.split())) if len(found.name_tokens) == 2 else None
                    if swapped and ID + "person/" + slugify(swapped) in persons:
                        iri = ID + "person/" + slugify(swapped)
                    else:
                        persons[iri] = Person(iri=iri, name=name, family_name=family)
                        by_family.setdefault(family, iri)
                        ev = ctx.evidence(sentence, "person-title-pattern", 0.9)
                        ctx.state(iri, RDF + "type", PACT + "Person", ev)
                        ctx.state(iri, RDFS + "label", (name, XSD + "string"), ev)
            elif found.name_tokens:
                iri = resolve_single(found.name_tokens[0].text)
                if iri is None:
                    pending.append((found, sentence))
                    continue
            else:
                continue
            person_mentions.append((iri, found.start, found.end))
            if found.title:
                _add_position(ctx, sentence, positions, iri, found)
    # Surname mentions seen before the full name, or family-name-first full names.
    for found, sentence in pending:
        iri = resolve_single(found.name_tokens[0].text)
        if iri is None:
            for person in persons.values():
                if person.name.split()[0] == found.name_tokens[0].text and len(person.name.split()) == 2:
                    # "Abe Shinzo" then "Prime Minister Abe": the first word was the family name.
                    given, family = person.name.split()
                    person.name, person.family_name = f"{family} {given}", given
                    iri = person.iri
                    break
        if iri is None:
            continue
        person_mentions.append((iri, found.start, found.end))
        if found.title:
            _add_position(ctx, sentence, positions, iri, found)
    _merge_positions(ctx, positions)
    for person in persons.values():  # labels may have been reordered
        for key in [k for k in ctx.statements if k[0] == person.iri and k[1] == RDFS + "label"]:
            statement = ctx.statements.pop(key)
            statement.obj = (person.name, XSD + "string")
            ctx.statements[statement.key] = statement
    return persons, list(positions.values()), person_mentions


def _add_position(ctx: DocContext, sentence, positions: dict[str, Position], person: str, found: _Found) -> None:
    title = found.title.replace("Secretary-General", "Secretary General")
    org_key = found.org
    iri = ID + "position/" + slugify(f"{person.rsplit('/', 1)[-1]} {title} {org_key or ''}")
    position = positions.get(iri)
    if position is None:
        position = positions[iri] = Position(iri=iri, holder=person, title=title,
                                             organization=ID + org_key if org_key else None)
    ev = ctx.evidence(sentence, "position-title-pattern", 0.9 if org_key else 0.8)
    ctx.state(iri, RDF + "type", PACT + "Position", ev)
    ctx.state(iri, PACT + "holder", person, ev)
    ctx.state(iri, PACT + "roleTitle", (title, XSD + "string"), ev)
    if position.organization:
        ctx.state(iri, PACT + "positionIn", position.organization, ev)


def _merge_positions(ctx: DocContext, positions: dict[str, Position]) -> None:
    """Fold a post seen without its organization into the same post seen with one."""
    for iri, position in list(positions.items()):
        if position.organization:
            continue
        twin = next((p for p in positions.values() if p.organization and p.holder == position.holder
                     and p.title == position.title), None)
        if twin is None:
            continue
        del positions[iri]
        for key in [k for k in ctx.statements if k[0] == iri]:
            statement = ctx.statements.pop(key)
            for ev in statement.evidence:
                ctx.state(twin.iri, statement.predicate, statement.obj, ev)
