"""Plain Python objects that extraction produces and the RDF mapping consumes.

Extraction never builds RDF itself: it yields :class:`Extraction`, a bundle of
entities it found and :class:`Statement` objects, each backed by one or more
:class:`Evidence` spans of the source text. :mod:`pactgraph.rdfmap` turns the
bundle into quads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Agreement", "Entity", "Evidence", "Extraction", "Person", "Position", "Speech", "Statement"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of a source that supports a statement.

    ``quote`` is always exactly ``source.text[start:end]``.
    """

    start: int
    end: int
    quote: str
    rule: str
    confidence: float
    speaker: str | None = None  # IRI of the actor speaking, where known


@dataclass(slots=True)
class Statement:
    """One triple extracted from a text, with the evidence behind it.

    ``obj`` is an IRI string, or a literal given as ``(lexical, datatype_iri)``.
    """

    subject: str
    predicate: str
    obj: str | tuple[str, str]
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str | tuple[str, str]]:
        return (self.subject, self.predicate, self.obj)


@dataclass(slots=True)
class Entity:
    """A state, organization, mission, region or place from the register."""

    key: str  # e.g. "state/jpn", "org/nato", "region/euro-atlantic"
    iri: str
    kind: str  # state | organization | body | grouping | framework | mission | region | place
    label: str
    wikidata: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    cow_code: int | None = None
    cow_abbrev: str | None = None
    parent: str | None = None
    country: str | None = None
    adjectives: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # (a region that is a fixed set of states: "the Baltic states")

    @property
    def is_actor(self) -> bool:
        return self.kind in {"state", "organization", "body", "grouping", "mission"}


@dataclass(slots=True)
class Person:
    """A person found through a title pattern."""

    iri: str
    name: str
    family_name: str


@dataclass(slots=True)
class Position:
    """A post held by a person: title, and the actor it is in."""

    iri: str
    holder: str
    title: str
    organization: str | None


@dataclass(slots=True)
class Agreement:
    """An agreement named in or concluded by a text."""

    iri: str
    name: str
    kind: str  # local name of the pact: class, e.g. "JointDeclaration"
    parties: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    groupings: list[str] = field(default_factory=list)  # IRIs of groupings written as their member states


@dataclass(slots=True)
class Speech:
    """A speech, remarks or statement inside a source, with its speaker."""

    iri: str
    speaker: str
    genre: str
    label: str
    start: int
    end: int
    venue: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything one source yields."""

    source: object  # pactgraph.sources.Source
    entities: dict[str, Entity] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    positions: list[Position] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
