"""Synthetic data for benchmarks and tests: texts with known facts, and large graphs.

Two generators, both deterministic (the same ``seed`` and register give the same
bytes on every machine and Python version):

* :func:`synthetic_document` / :func:`write_corpus` write texts in the genres
  pactgraph reads (joint declarations, joint statements, press releases,
  speeches). Each text comes with the facts it states (the agreement, its
  parties, date and place, the values, challenges and cooperation areas it
  names), so extraction can be scored against them.
* :func:`write_graph` streams an N-Quads file of about N triples with the shape
  of a graph that ``pactgraph build`` plus many ingested texts would hold: the
  ontology, vocabulary and reference graphs, then one named graph per synthetic
  source with actors from the register, agreements with 2 to 5 parties,
  concepts, persons and their posts, and one ``pact:Evidence`` node per
  supporting quote. Memory stays flat whatever the size.

Actors, places and concepts are taken from the bundled register and
vocabularies, so the generated names are ones the extractor knows. People are
invented.

>>> doc = synthetic_document(3, seed=1)
>>> doc.facts["agreement"]["kind"] in AGREEMENT_KINDS.values()
True
>>> synthetic_document(3, seed=1).text == doc.text
True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .namespaces import DCTERMS, ID, OWL, PACT, PROV, RDF, RDFS, WD, XSD

__all__ = [
    "AGREEMENT_KINDS",
    "GENERATOR_VERSION",
    "GENRES",
    "CorpusInfo",
    "GraphInfo",
    "SyntheticDocument",
    "format_size",
    "graph_cache_key",
    "parse_size",
    "synthetic_corpus",
    "synthetic_document",
    "write_corpus",
    "write_graph",
]

#: Bumped whenever the generators' output changes; part of every cache key.
GENERATOR_VERSION = "1"

#: The genres of synthetic texts, in the order documents cycle through them.
GENRES = ("joint-declaration", "joint-statement", "press-release", "speech")

#: Agreement name phrases the texts use, with the pact: class the extractor gives them.
AGREEMENT_KINDS = {
    "Memorandum of Understanding": "MemorandumOfUnderstanding",
    "Action Plan": "ActionPlan",
    "Framework Agreement": "FrameworkAgreement",
    "Partnership Programme": "PartnershipProgramme",
    "Joint Declaration": "JointDeclaration",
}

# Actors that appear most often, like the hubs of the real network; the rest of
# the register follows in key order with a long-tailed (Zipf) frequency.
_HUBS = (
    "org/nato", "org/european-union", "state/jpn", "state/usa", "state/fra", "state/deu", "state/gbr",
    "state/aus", "state/ind", "org/african-union", "state/kor", "org/asean", "state/can", "state/ita",
    "state/pol", "state/nzl", "org/united-nations", "state/esp", "state/nld", "state/nor", "org/osce",
    "state/tur", "state/bra", "state/idn", "state/phl", "state/zaf", "state/mng", "state/geo", "state/ukr",
)
_TEXT_ORGS = ("org/nato", "org/european-union", "org/african-union", "org/asean", "org/united-nations",
              "org/osce", "org/ecowas", "org/gcc", "org/oas", "org/council-of-europe")

_VALUES = ("value/democracy", "value/rule-of-law", "value/human-rights", "value/individual-liberty",
           "value/good-governance", "value/freedom-of-navigation", "value/fundamental-freedoms",
           "value/gender-equality", "value/tolerance", "value/solidarity")
_CHALLENGES = ("challenge/terrorism", "challenge/piracy", "challenge/cyber-threats", "challenge/climate-change",
               "challenge/hybrid-threats", "challenge/disinformation", "challenge/organized-crime",
               "challenge/human-trafficking", "challenge/drug-trafficking", "challenge/natural-disasters",
               "challenge/pandemics", "challenge/money-laundering")
_AREAS = ("area/maritime-security", "area/counter-terrorism", "area/cyber-defence", "area/crisis-management",
          "area/disaster-relief", "area/military-exercises", "area/capacity-building", "area/interoperability",
          "area/defence-industry", "area/energy-security", "area/humanitarian-assistance", "area/border-security",
          "area/intelligence-sharing", "area/peacekeeping", "area/logistics")

_TOPICS = ("Defence Cooperation", "Security Cooperation", "Strategic Partnership", "Security and Defence",
           "Maritime Cooperation", "Enhanced Partnership", "Peace and Security")

# Invented people: given names with the honorific the texts use for them, and family names.
_GIVEN = (("Anna", "Ms"), ("Marek", "Mr"), ("Lena", "Ms"), ("Tomas", "Mr"), ("Ines", "Ms"), ("Kenji", "Mr"),
          ("Amara", "Ms"), ("Sonja", "Ms"), ("Jonas", "Mr"), ("Mira", "Ms"), ("Daniel", "Mr"), ("Elena", "Ms"),
          ("Rahul", "Mr"), ("Aiko", "Ms"), ("Pedro", "Mr"), ("Leila", "Ms"), ("Samuel", "Mr"), ("Nadia", "Ms"),
          ("Oskar", "Mr"), ("Yara", "Ms"), ("Felix", "Mr"), ("Irena", "Ms"), ("Victor", "Mr"), ("Hana", "Ms"),
          ("Lucas", "Mr"), ("Maya", "Ms"), ("Adrian", "Mr"), ("Clara", "Ms"), ("Ravi", "Mr"), ("Ingrid", "Ms"))
_FAMILY = ("Halvorsen", "Okonkwo", "Marquet", "Lindqvist", "Tanabe", "Novosel", "Vargha", "Brennick",
           "Castellano", "Mbalula", "Ferreira", "Kowalczyk", "Andersen", "Delacroix", "Morandi", "Petrakis",
           "Sorensen", "Valdivia", "Haddad", "Whitcombe", "Oyelaran", "Kaminski", "Rautio", "Esposito",
           "Lazarev", "Nakashima", "Bergstrand", "Quintero", "Achterberg", "Szabados")
_STATE_TITLES = ("Prime Minister", "President", "Foreign Minister", "Minister of Defence")

# Sentences with no actor, place, date or concept in them, to give the texts
# the length and rhythm of real ones. A test checks they stay neutral.
_FILLER = (
    "The two sides reviewed the progress made since their last meeting.",
    "They looked forward to regular consultations at all levels.",
    "Officials will meet again before the end of the year to take stock of the work done.",
    "The delegations held talks in a warm and constructive atmosphere.",
    "Both sides underlined the value of close and regular contacts between their officials.",
    "They agreed that senior officials would prepare a report on the implementation of this document.",
    "The participants exchanged views on recent developments in their neighbourhoods.",
    "They welcomed the growing number of exchanges between their academies and research institutes.",
    "The meeting took place in the margins of a wider ministerial gathering.",
    "Both delegations thanked their hosts for the excellent organisation of the visit.",
    "They discussed ways to make their consultations more regular and more focused.",
    "The sides noted that much remains to be done and that the coming years will be decisive.",
    "They tasked their officials with identifying concrete projects for the next two years.",
    "Work will continue through the existing working groups and expert meetings.",
    "The visit was the first at this level in several years.",
    "They welcomed the contribution of parliaments, think tanks and civil society to their dialogue.",
    "Both sides stressed that their cooperation is directed against no third country.",
    "They agreed to keep the public informed about the results of their work.",
    "The talks covered a wide range of bilateral, regional and global issues.",
    "A joint working group will report to the ministers once a year.",
    "They expressed their appreciation for the professionalism of the staff involved.",
    "The sides agreed that the next round of talks would be held later this year.",
    "They noted with satisfaction the steady increase in contacts between their armed forces.",
    "The ministers also discussed the preparations for upcoming international meetings.",
    "They reaffirmed their intention to consult each other closely on matters of common interest.",
    "Both sides will designate points of contact to follow up on the decisions taken today.",
    "The meeting ended with a working lunch hosted by the head of the host delegation.",
    "They agreed on the importance of predictable and transparent long-term planning.",
    "Further details will be set out in an implementation plan to be agreed by officials.",
    "They welcomed the results achieved so far and resolved to build on them.",
)
_SPEECH_OPENINGS = (
    "Ladies and gentlemen, thank you for the invitation to speak to you today.",
    "Excellencies, dear colleagues, it is a pleasure to be here with you.",
    "Distinguished guests, I am grateful for the opportunity to address this audience.",
)
_VENUES = ("the Institute for Strategic Studies", "the National Defence Academy", "the Diplomatic Academy",
           "the Centre for Security Policy", "the School of International Affairs")

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*$")


# -- sizes -----------------------------------------------------------------------


def parse_size(text: str | int) -> int:
    """A count written as ``100k``, ``1M``, ``2.5M`` or ``5000``.

    >>> parse_size("100k"), parse_size("1M"), parse_size("2.5M"), parse_size(5000)
    (100000, 1000000, 2500000, 5000)
    """
    if isinstance(text, int):
        return text
    match = _SIZE.match(str(text))
    if not match:
        raise ValueError(f"size {text!r}: expected a number with an optional k, M or G suffix (e.g. 100k, 1M)")
    number, unit = float(match.group(1)), match.group(2).lower()
    return int(round(number * {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}[unit]))


def format_size(n: int) -> str:
    """The short form of a count: ``100k``, ``1M``, ``10M``, ``2.5M``, ``5000``.

    >>> format_size(100_000), format_size(1_000_000), format_size(2_500_000), format_size(5000)
    ('100k', '1M', '2.5M', '5k')
    """
    for unit, scale in (("G", 1_000_000_000), ("M", 1_000_000), ("k", 1_000)):
        if n >= scale and (n * 10) % scale == 0:
            value = n / scale
            return f"{value:g}{unit}"
    return str(n)


# -- the pools of names, from the register and vocabularies ----------------------


@dataclass(frozen=True, slots=True)
class _Actor:
    key: str
    name: str  # as written in running text
    kind: str  # state | organization
    adjective: str | None
    capital: str | None  # place key
    lines: tuple[str, ...]  # "s p o" of its type, label, Wikidata link and codes


@dataclass(frozen=True, slots=True)
class _Place:
    key: str
    name: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Concept:
    key: str
    label: str
    predicate: str


@dataclass(frozen=True, slots=True)
class _Pools:
    states: tuple[_Actor, ...]
    orgs: tuple[_Actor, ...]
    ranked: tuple[_Actor, ...]  # hubs first
    weights: tuple[float, ...]  # cumulative Zipf weights over ``ranked``
    places: dict
    values: tuple[_Concept, ...]
    challenges: tuple[_Concept, ...]
    areas: tuple[_Concept, ...]
    fingerprint: str


def _nt_literal(value: str, datatype: str | None = None, language: str | None = None) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if language:
        return f'"{escaped}"@{language}'
    if datatype and datatype != XSD + "string":
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


def _entity_lines(entity) -> tuple[str, ...]:
    from .reference import KIND_CLASS

    s = f"<{entity.iri}>"
    lines = [f"{s} <{RDF}type> <{PACT}{KIND_CLASS[entity.kind]}>"]
    if entity.kind in {"state", "organization", "body", "grouping", "mission"}:
        lines.append(f"{s} <{RDF}type> <{PACT}Actor>")
    lines.append(f"{s} <{RDFS}label> {_nt_literal(entity.label)}")
    if entity.wikidata:
        lines.append(f"{s} <{OWL}sameAs> <{WD}{entity.wikidata}>")
    if entity.iso2:
        lines.append(f"{s} <{PACT}iso3166Alpha2> {_nt_literal(entity.iso2)}")
    if entity.iso3:
        lines.append(f"{s} <{PACT}iso3166Alpha3> {_nt_literal(entity.iso3)}")
    if entity.cow_code is not None:
        lines.append(f"{s} <{PACT}cowCode> {_nt_literal(str(entity.cow_code), XSD + 'integer')}")
    if entity.cow_abbrev:
        lines.append(f"{s} <{PACT}cowAbbreviation> {_nt_literal(entity.cow_abbrev)}")
    if entity.kind == "place" and entity.country:
        lines.append(f"{s} <{PACT}locatedIn> <{ID}{entity.country}>")
    return tuple(lines)


_PLAIN_NAME = re.compile(r"^[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}$")


@cache
def _pools() -> _Pools:
    from .reference import load_register
    from .vocab import load_concepts

    register = load_register()
    entities = register.entities
    capitals = {}
    places = {}
    for entity in sorted(entities.values(), key=lambda e: e.key):
        if entity.kind == "place" and _PLAIN_NAME.match(entity.label) and entity.label in entity.names:
            places[entity.key] = _Place(entity.key, entity.label, _entity_lines(entity))
            if entity.country:
                capitals.setdefault(entity.country, entity.key)
    states, orgs = [], []
    for entity in sorted(entities.values(), key=lambda e: e.key):
        if entity.kind == "state" and entity.wikidata and _PLAIN_NAME.match(entity.label) \
                and entity.label in entity.names and entity.label not in {"Georgia", "Chad", "Jordan", "Niger"} \
                and entity.key not in register.former:  # (synthetic partnerships are between states of today)
            adjective = entity.adjectives[0] if entity.adjectives else None
            states.append(_Actor(entity.key, entity.label, "state", adjective, capitals.get(entity.key),
                                 _entity_lines(entity)))
    for key in _TEXT_ORGS:
        entity = entities.get(key)
        if entity is None or not entity.wikidata:
            continue
        name = entity.acronyms[0] if entity.acronyms else entity.label
        if name not in ("NATO", "ASEAN", "OSCE", "ECOWAS", "GCC"):
            name = entity.label
        orgs.append(_Actor(entity.key, name, "organization", None, None, _entity_lines(entity)))
    by_key = {a.key: a for a in states + orgs}
    ranked = [by_key[k] for k in _HUBS if k in by_key] + [a for a in states if a.key not in _HUBS]
    total, cumulative = 0.0, []
    for rank in range(len(ranked)):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    concepts = {c.key: c for c in load_concepts()}

    def pick(keys):
        return tuple(_Concept(k, concepts[k].pref_label, concepts[k].predicate) for k in keys if k in concepts)

    fingerprint = hashlib.sha256(repr((
        [(a.key, a.name, a.lines) for a in ranked + orgs], sorted(places), sorted(concepts),
    )).encode()).hexdigest()[:16]
    return _Pools(tuple(states), tuple(orgs), tuple(ranked), tuple(cumulative), places,
                  pick(_VALUES), pick(_CHALLENGES), pick(_AREAS), fingerprint)


def _draw_actors(rng: random.Random, pools: _Pools, n: int, pool: tuple[_Actor, ...] | None = None) -> list[_Actor]:
    """``n`` distinct actors, hubs more often than the long tail."""
    chosen: list[_Actor] = []
    while len(chosen) < n:
        if pool is None:
            actor = rng.choices(pools.ranked, cum_weights=pools.weights)[0]
        else:
            actor = rng.choice(pool)
        if actor not in chosen:
            chosen.append(actor)
    return chosen


def _date(rng: random.Random) -> _dt.date:
    start = _dt.date(1995, 1, 1).toordinal()
    return _dt.date.fromordinal(start + rng.randrange(30 * 365))


def _written(date: _dt.date) -> str:
    return f"{date.day} {_MONTH_NAMES[date.month - 1]} {date.year}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _person(rng: random.Random, used: set[str]) -> tuple[str, str, str]:
    """An invented person: given name, family name (not yet in ``used``) and honorific."""
    while True:
        (given, honorific), family = rng.choice(_GIVEN), rng.choice(_FAMILY)
        if family not in used:
            used.add(family)
            return given, family, honorific


# -- texts -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyntheticDocument:
    """A synthetic source text and the facts it states.

    ``facts`` holds ``genre``, ``date`` (ISO), ``place`` (register key),
    ``agreement`` (``name``, ``kind`` as a pact: class name, ``parties`` as
    register keys, ``date``, ``place``), ``values``, ``challenges`` and
    ``areas`` (concept keys such as ``value/democracy``) and ``persons``
    (``name``, ``title``, ``of``).
    """

    index: int
    name: str
    text: str
    facts: dict = field(hash=False, compare=False)


def synthetic_document(index: int, seed: int = 0) -> SyntheticDocument:
    """The ``index``-th document of the synthetic corpus ``seed`` (each is generated independently)."""
    rng = random.Random(f"pactgraph-synthetic/{GENERATOR_VERSION}/text/{seed}/{index}")
    pools = _pools()
    genre = GENRES[index % len(GENRES)]
    if genre == "press-release":
        parties = [rng.choice(pools.orgs)] + _draw_actors(rng, pools, rng.choice((1, 1, 2)), pools.states)
    elif genre == "joint-statement":
        parties = _draw_actors(rng, pools, rng.choice((3, 3, 4, 5)), pools.states)
    else:
        parties = _draw_actors(rng, pools, rng.choice((2, 2, 2, 3)), pools.states)
    date = _date(rng)
    host = next((a for a in parties if a.capital), None)
    place = pools.places[host.capital] if host else rng.choice(sorted(pools.places.values(), key=lambda p: p.key))
    values = rng.sample(pools.values, rng.choice((2, 3)))
    challenges = rng.sample(pools.challenges, rng.choice((2, 3)))
    areas = rng.sample(pools.areas, rng.choice((2, 3, 4)))
    topic = rng.choice(_TOPICS)
    used: set[str] = set()
    persons = []
    for actor in parties[:2]:
        given, family, honorific = _person(rng, used)
        title = "Secretary General" if actor.kind == "organization" else rng.choice(_STATE_TITLES)
        persons.append({"name": f"{given} {family}", "title": title, "of": actor.key, "honorific": honorific})
    kind_phrase = {"joint-declaration": "Joint Declaration", "joint-statement": "Joint Statement"}.get(genre)
    if kind_phrase is None:
        kind_phrase = rng.choice(("Memorandum of Understanding", "Action Plan", "Framework Agreement",
                                  "Partnership Programme"))
    agreement_name = f"{kind_phrase} on {topic}" if kind_phrase != "Partnership Programme" else kind_phrase
    kind_class = AGREEMENT_KINDS.get(kind_phrase, "JointStatement")
    names = [a.name for a in parties]
    body = _BUILDERS[genre](rng, _Filler(rng), parties, names, persons, place, date, agreement_name, topic,
                            values, challenges, areas)
    title = body[0]
    header = {
        "title": title, "date": date.isoformat(), "place": place.name,
        "publisher": _publisher(parties[0]), "language": "en", "genre": genre,
    }
    if genre == "speech":
        header["speaker"] = persons[0]["name"]
    head = "---\n" + "".join(f"{k}: {_yaml_scalar(v)}\n" for k, v in header.items()) + "---\n"
    text = head + "\n\n".join(body) + "\n"
    facts = {
        "genre": genre,
        "date": date.isoformat(),
        "place": place.key,
        "agreement": {"name": agreement_name, "kind": kind_class, "parties": [a.key for a in parties],
                      "date": date.isoformat(), "place": place.key},
        "values": [c.key for c in values],
        "challenges": [c.key for c in challenges],
        "areas": [c.key for c in areas],
        "persons": [{k: p[k] for k in ("name", "title", "of")} for p in persons[:_PERSONS_NAMED[genre]]],
    }
    return SyntheticDocument(index, f"synthetic-{index:06d}.txt", text, facts)


def _yaml_scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False) if re.search(r"[:#'\"]", value) else value


def _publisher(actor: _Actor) -> str:
    return actor.name if actor.kind == "organization" else f"Government of {actor.name}"


class _Filler:
    """Neutral sentences dealt from a shuffled deck, so a text never repeats one."""

    def __init__(self, rng: random.Random):
        self.deck = list(_FILLER)
        rng.shuffle(self.deck)

    def __call__(self, sentences: int) -> str:
        dealt, self.deck = self.deck[:sentences], self.deck[sentences:]
        return " ".join(dealt)


def _introduce(person: dict, actor: _Actor) -> str:
    return f"the {person['title']} of {actor.name}, {person['honorific']} {person['name']}"


def _concept_paragraphs(rng, subject: str, values, challenges, areas, we: bool = False) -> list[str]:
    v = _join([c.label for c in values])
    c = _join([c.label for c in challenges])
    a = _join([c.label for c in areas])
    if we:
        return [f"We reaffirm our shared commitment to {v}, which guide our work together.",
                f"We are deeply concerned about {c}, which affect the security of all our citizens.",
                f"We will therefore step up our cooperation in {a}."]
    return [f"{subject} reaffirmed their shared commitment to {v}, which guide their partnership.",
            f"They expressed deep concern about {c}, and agreed to address them together.",
            f"{subject} decided to deepen their cooperation in {a}, building on the work already under way."]


def _numbered(paragraphs: list[str]) -> list[str]:
    return [f"{i}. {p}" for i, p in enumerate(paragraphs, 1)]


def _joint_declaration(rng, filler, parties, names, persons, place, date, agreement, topic, values, challenges, areas):
    title = f"Joint Declaration by {_join(names)} on {topic}"
    p0, p1 = persons
    paragraphs = [
        f"At the invitation of {_introduce(p0, parties[0])}, {_introduce(p1, parties[1])} visited {place.name}. "
        f"On {_written(date)}, {_join(names)} adopted this {agreement}.",
        *_concept_paragraphs(rng, _join(names), values, challenges, areas),
        filler(3), filler(4), filler(3), filler(4), filler(3),
        f"{p1['honorific']} {p1['name'].split()[-1]} thanked {p0['honorific']} {p0['name'].split()[-1]} "
        f"for the hospitality extended during the visit. {filler(2)}",
    ]
    return [title, f"{place.name}, {_written(date)}", *_numbered(paragraphs)]


def _joint_statement(rng, filler, parties, names, persons, place, date, agreement, topic, values, challenges, areas):
    title = f"Joint Statement of the Foreign Ministers of {_join(names)}"
    paragraphs = [
        f"We, the Foreign Ministers of {_join(names)}, met in {place.name} on {_written(date)} "
        f"and issued this Joint Statement on {topic}.",
        *_concept_paragraphs(rng, _join(names), values, challenges, areas, we=True),
        filler(4), filler(3), filler(4), filler(3),
        f"We thank {parties[0].name} for hosting this meeting. {filler(2)}",
    ]
    return [title, *_numbered(paragraphs)]


def _press_release(rng, filler, parties, names, persons, place, date, agreement, topic, values, challenges, areas):
    org, others = parties[0], parties[1:]
    title = f"{org.name} and {_join([a.name for a in others])} sign {agreement}"
    p0, p1 = persons
    v = _join([c.label for c in values])
    paragraphs = [
        f"{place.name}, {_written(date)} - {_join(names)} signed a {agreement} in {place.name} on {_written(date)}.",
        f"The document was signed by {_introduce(p0, org)}, and {_introduce(p1, others[0])}.",
        f"The {agreement} sets out how the partners will work together in "
        f"{_join([c.label for c in areas])} over the coming years. {filler(2)}",
        f"It also commits them to act together against {_join([c.label for c in challenges])}.",
        f"\"This agreement shows that we share the same commitment to {v},\" {p0['honorific']} "
        f"{p0['name'].split()[-1]} said. {filler(2)}",
        filler(4), filler(3), filler(4),
    ]
    return [title, *paragraphs]


def _speech(rng, filler, parties, names, persons, place, date, agreement, topic, values, challenges, areas):
    p0 = persons[0]
    venue = rng.choice(_VENUES)
    title = f"Speech by the {p0['title']} of {parties[0].name}, {p0['name']}, at {venue}"
    paragraphs = [
        rng.choice(_SPEECH_OPENINGS),
        f"{_join(names)} signed a {agreement} here in {place.name} today. "
        f"It was signed on {_written(date)}, and it opens a new chapter in our relations.",
        f"{_join(names)} share a commitment to {_join([c.label for c in values])}.",
        f"Our countries face {_join([c.label for c in challenges])}, and no country can face them alone.",
        f"That is why {_join(names)} will work together in {_join([c.label for c in areas])}.",
        filler(4), filler(3), filler(3), filler(4),
        "Thank you.",
    ]
    return [title, *paragraphs]


#: How many of the two invented people each genre names in its text.
_PERSONS_NAMED = {"joint-declaration": 2, "joint-statement": 0, "press-release": 2, "speech": 1}

_BUILDERS = {
    "joint-declaration": _joint_declaration,
    "joint-statement": _joint_statement,
    "press-release": _press_release,
    "speech": _speech,
}


def synthetic_corpus(n: int, seed: int = 0, start: int = 0) -> Iterator[SyntheticDocument]:
    """Documents ``start`` … ``start + n - 1`` of the synthetic corpus ``seed``."""
    for index in range(start, start + n):
        yield synthetic_document(index, seed)


@dataclass(slots=True)
class CorpusInfo:
    """A corpus written to disk: its folder, files, total size and the facts file."""

    folder: Path
    paths: list[Path]
    bytes: int
    facts: Path


def write_corpus(folder: str | Path, n: int, seed: int = 0) -> CorpusInfo:
    """Write ``n`` synthetic texts to ``folder`` and their facts to ``folder/facts.jsonl``.

    Files already there with the same name and content are left untouched.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths, total = [], 0
    facts_path = folder / "facts.jsonl"
    with open(facts_path, "w", encoding="utf-8") as facts:
        for doc in synthetic_corpus(n, seed):
            path = folder / doc.name
            data = doc.text.encode("utf-8")
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
            paths.append(path)
            total += len(data)
            facts.write(json.dumps({"file": doc.name, **doc.facts}, ensure_ascii=False, sort_keys=True) + "\n")
    return CorpusInfo(folder, paths, total, facts_path)


# -- graphs ----------------------------------------------------------------------


@dataclass(slots=True)
class GraphInfo:
    """What :func:`write_graph` wrote."""

    path: Path
    quads: int
    sources: int
    agreements: int
    evidence: int
    seed: int
    version: str = GENERATOR_VERSION

    def as_dict(self) -> dict:
        return {"path": str(self.path), "quads": self.quads, "sources": self.sources, "agreements": self.agreements,
                "evidence": self.evidence, "seed": self.seed, "version": self.version}


def _shared_lines() -> Iterator[str]:
    """The ontology, vocabulary and reference graphs, as ``pactgraph build`` loads them."""
    import pyoxigraph as ox

    from .knowledge import ONTOLOGY_GRAPH, VOCABULARY_GRAPH
    from .rdfmap import register_quads
    from .reference import load_register
    from .resources import ontology_dir

    onto = ontology_dir()
    blanks: dict[str, str] = {}

    def term(t) -> str:  # blank nodes get labels numbered in order of appearance, not random ones
        if isinstance(t, ox.BlankNode):
            return blanks.setdefault(t.value, f"_:b{len(blanks)}")
        return str(t)

    for path, graph in [(onto / "pactgraph.ttl", ONTOLOGY_GRAPH)] + \
            [(p, VOCABULARY_GRAPH) for p in sorted((onto / "vocabularies").glob("*.ttl"))]:
        seen = set()
        with open(path, "rb") as handle:
            for triple in ox.parse(handle, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()):
                line = f"{term(triple.subject)} {triple.predicate} {term(triple.object)} <{graph}> .\n"
                if line not in seen:
                    seen.add(line)
                    yield line
    for quad in register_quads(load_register()):
        yield f"{quad.subject} {quad.predicate} {quad.object} {quad.graph_name} .\n"


class _SourceWriter:
    """Builds the lines of one synthetic source graph, in the shape :mod:`pactgraph.rdfmap` gives."""

    def __init__(self, iri: str):
        self.iri = iri
        self.g = f"<{iri}>"
        self.lines: dict[str, None] = {}
        self.offset = 0
        self.evidence = 0

    def add(self, spo: str) -> None:
        self.lines[f"{spo} {self.g} .\n"] = None

    def state(self, s: str, p: str, o: str, quote: str, rule: str, confidence: float, speaker: str | None = None):
        self.add(f"{s} {p} {o}")
        start = self.offset
        end = start + len(quote)
        self.offset = end + 1
        e = "<" + ID + "evidence/" + hashlib.sha256(f"{self.iri}|{s}|{p}|{o}|{start}".encode()).hexdigest()[:24] + ">"
        self.evidence += 1
        for spo in (
            f"{e} <{RDF}type> <{PACT}Evidence>",
            f"{e} <{RDF}subject> {s}",
            f"{e} <{RDF}predicate> {p}",
            f"{e} <{RDF}object> {o}",
            f"{e} <{PROV}wasDerivedFrom> {self.g}",
            f"{e} <{PACT}quote> {_nt_literal(quote)}",
            f"{e} <{PACT}charStart> \"{start}\"^^<{XSD}integer>",
            f"{e} <{PACT}charEnd> \"{end}\"^^<{XSD}integer>",
            f"{e} <{PACT}rule> \"{rule}\"",
            f"{e} <{PACT}confidence> \"{confidence:.2f}\"^^<{XSD}decimal>",
        ):
            self.add(spo)
        if speaker:
            self.add(f"{e} <{PACT}speaker> {speaker}")


def _source_lines(index: int, seed: int) -> tuple[list[str], int, int]:
    """Lines of synthetic source ``index``; also its number of agreements and evidence nodes."""
    rng = random.Random(f"pactgraph-synthetic/{GENERATOR_VERSION}/graph/{seed}/{index}")
    pools = _pools()
    genre = GENRES[index % len(GENRES)]
    iri = f"{ID}source/synthetic-{seed}-{index:07d}"
    w = _SourceWriter(iri)
    s = w.g
    date = _date(rng)
    n_parties = rng.choice((2, 2, 2, 3, 3, 4, 5))
    parties = _draw_actors(rng, pools, n_parties)
    if genre == "press-release" and not any(a.kind == "organization" for a in parties):
        parties[0] = rng.choice(pools.orgs)  # no org was drawn, so it cannot repeat a party
    others = [a for a in _draw_actors(rng, pools, rng.choice((0, 1, 2))) if a not in parties]
    host = next((a for a in parties if a.capital), None)
    place = pools.places[host.capital] if host else None
    title = f"{rng.choice(('Joint Declaration', 'Joint Statement', 'Press release', 'Speech'))} " \
            f"{_join([a.name for a in parties])} {index}"
    text_length = rng.randrange(2500, 9000)
    for spo in (
        f"{s} <{RDF}type> <{PACT}Source>",
        f"{s} <{RDF}type> <{PROV}Entity>",
        f"{s} <{DCTERMS}title> {_nt_literal(title)}",
        f"{s} <{RDFS}label> {_nt_literal(title)}",
        f"{s} <{PACT}contentHash> \"sha256:{hashlib.sha256(iri.encode()).hexdigest()}\"",
        f"{s} <{PACT}fileName> \"synthetic-{index:07d}.txt\"",
        f"{s} <{PACT}charLength> \"{text_length}\"^^<{XSD}integer>",
        f"{s} <{PACT}extractorVersion> \"synthetic/{GENERATOR_VERSION}\"",
        f"{s} <{DCTERMS}date> \"{date.isoformat()}\"^^<{XSD}date>",
        f"{s} <{DCTERMS}publisher> {_nt_literal(_publisher(parties[0]))}",
        f"{s} <{DCTERMS}language> \"en\"",
        f"{s} <{DCTERMS}type> \"{genre}\"",
    ):
        w.add(spo)
    if place:
        w.add(f"{s} <{PACT}placeName> {_nt_literal(place.name)}")
        for spo in place.lines:
            w.add(spo)
        w.state(f"<{ID}{place.key}>", f"<{RDF}type>", f"<{PACT}Place>", f"The talks were held in {place.name}.",
                "gazetteer-name", 1.0)
    names = _join([a.name for a in parties])
    for actor in parties + others:
        for spo in actor.lines:
            w.add(spo)
        cls = "State" if actor.kind == "state" else "InternationalOrganization"
        w.state(f"<{ID}{actor.key}>", f"<{RDF}type>", f"<{PACT}{cls}>",
                f"{actor.name} welcomed the outcome of the talks.", "gazetteer-name", 1.0)
    speaker = None
    agreements = 0
    for n_agreement in range(rng.choice((1, 1, 1, 2))):
        phrase = rng.choice(tuple(AGREEMENT_KINDS))
        kind = AGREEMENT_KINDS[phrase]
        topic = rng.choice(_TOPICS)
        label = f"{phrase} on {topic}"
        year = str(date.year)
        slug = re.sub(r"[^a-z0-9]+", "-", f"{label} {index} {n_agreement} {year}".lower()).strip("-")
        a = f"<{ID}agreement/{slug}>"
        agreements += 1
        sentence = f"{names} signed the {label} in {place.name if place else 'the capital'} on {_written(date)}."
        w.state(a, f"<{RDF}type>", f"<{PACT}{kind}>", sentence, "agreement-genre-pattern", 0.9)
        w.state(a, f"<{RDF}type>", f"<{PACT}Agreement>", sentence, "agreement-genre-pattern", 0.9)
        w.state(a, f"<{RDFS}label>", _nt_literal(label), sentence, "agreement-genre-pattern", 0.9)
        for actor in parties:
            w.state(a, f"<{PACT}party>", f"<{ID}{actor.key}>", sentence, "agreement-party-in-signing-sentence", 0.9)
        day = f"\"{date.isoformat()}\"^^<{XSD}date>"
        w.state(a, f"<{PACT}signingDate>", day, _written(date), "agreement-date", 0.85)
        w.state(a, f"<{DCTERMS}date>", day, _written(date), "agreement-date", 0.85)
        if place:
            w.state(a, f"<{PACT}signingPlace>", f"<{ID}{place.key}>", sentence,
                    "agreement-place-in-signing-sentence", 0.7)
        w.add(f"{a} <{PROV}wasDerivedFrom> {s}")
        for concepts in (pools.values, pools.challenges, pools.areas):
            for concept in rng.sample(concepts, rng.choice((1, 2, 3))):
                quote = f"{names} reaffirmed their commitment to {concept.label}."
                w.state(a, f"<{concept.predicate}>", f"<{ID}{concept.key}>", quote, "concept-in-agreement-sentence",
                        0.8, speaker)
        used: set[str] = set()
        for actor in parties[:2]:
            given, family, _ = _person(rng, used)
            name = f"{given} {family}"
            person = f"<{ID}person/{name.lower().replace(' ', '-')}>"
            title = "Secretary General" if actor.kind == "organization" else rng.choice(_STATE_TITLES)
            position = "<" + ID + "position/" + hashlib.sha256(f"{person}|{title}|{actor.key}".encode()).hexdigest()[:16] + ">"
            intro = f"{title} of {actor.name}, {name}"
            w.add(f"{person} <{RDF}type> <{PACT}Actor>")
            w.state(person, f"<{RDF}type>", f"<{PACT}Person>", intro, "person-title-pattern", 0.9)
            w.state(person, f"<{RDFS}label>", _nt_literal(name), intro, "person-title-pattern", 0.9)
            w.state(position, f"<{RDF}type>", f"<{PACT}Position>", intro, "person-title-pattern", 0.9)
            w.state(position, f"<{PACT}holder>", person, intro, "person-title-pattern", 0.9)
            w.state(position, f"<{PACT}roleTitle>", _nt_literal(title), intro, "person-title-pattern", 0.9)
            w.state(position, f"<{PACT}positionIn>", f"<{ID}{actor.key}>", intro, "person-title-pattern", 0.9)
            w.state(a, f"<{PACT}signatory>", person, f"{intro}, signed the {label}.", "signatory-in-signing-sentence",
                    0.9)
            if genre == "speech" and speaker is None:
                speaker = person
    if len(parties) >= 2 and rng.random() < 0.5:
        x, y = parties[0], parties[1]
        w.state(f"<{ID}{x.key}>", f"<{PACT}partnerOf>", f"<{ID}{y.key}>",
                f"{x.name} and {y.name} are close partners.", "partner-between", 0.8, speaker)
    if rng.random() < 0.3:
        x = parties[0]
        for concept in rng.sample(pools.values, 1):
            w.state(f"<{ID}{x.key}>", f"<{concept.predicate}>", f"<{ID}{concept.key}>",
                    f"{x.name} stands for {concept.label}.", "concept-of-actor", 0.7, speaker)
    return list(w.lines), agreements, w.evidence


def write_graph(path: str | Path, triples: int | str, seed: int = 0, *, shared: bool = True,
                n_triples: bool = False) -> GraphInfo:
    """Stream about ``triples`` quads of a synthetic pactgraph graph to ``path`` as N-Quads.

    The file begins with the ontology, vocabulary and reference graphs (unless
    ``shared`` is false), then adds whole synthetic sources, each in its own
    named graph, until the count reaches ``triples`` (so it may pass it by the
    size of one source, a few hundred quads). Every line is a distinct quad.
    The file is written to a temporary name and renamed when complete; a
    ``.json`` file beside it records the counts.

    With ``n_triples``, the same lines are written without their graph names
    (N-Triples, as one source would hold them); lines then repeat where sources
    repeat a triple (an actor's label, say).
    """
    path = Path(path)
    target = parse_size(triples)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    quads = sources = agreements = evidence = 0
    try:
        with open(tmp, "w", encoding="utf-8", buffering=1 << 20) as out:
            if shared:
                for line in _shared_lines():
                    out.write(_drop_graph(line) if n_triples else line)
                    quads += 1
            while quads < target:
                lines, n_agreements, n_evidence = _source_lines(sources, seed)
                out.writelines(map(_drop_graph, lines) if n_triples else lines)
                quads += len(lines)
                sources += 1
                agreements += n_agreements
                evidence += n_evidence
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    info = GraphInfo(path, quads, sources, agreements, evidence, seed)
    meta = {**info.as_dict(), "target": target, "fingerprint": _pools().fingerprint}
    path.with_name(path.name + ".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return info


def _drop_graph(line: str) -> str:
    """An N-Quads line (whose graph is an IRI) as an N-Triples line."""
    return line[:line.rindex(" <")] + " .\n"


def graph_cache_key(triples: int | str, seed: int = 0, suffix: str = ".nq") -> str:
    """A file name for a cached synthetic graph: size, seed, generator version and register fingerprint."""
    return f"synthetic-{format_size(parse_size(triples))}-s{seed}-v{GENERATOR_VERSION}-{_pools().fingerprint}{suffix}"
