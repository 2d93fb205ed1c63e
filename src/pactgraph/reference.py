"""The actor register: curated tables of states (those of today and former ones), organizations, missions,
regions, places, memberships and well-known agreements in ``graph/reference/``.

Every row cites its source. :func:`load_register` reads the tables once and
checks them; :func:`register_quads` maps them to the reference graph.
:func:`load_office_holders` reads the table of office holders
(``office_holders.csv``) that names a leader written by family name only.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from .errors import ReferenceDataError
from .model import Entity
from .namespaces import ID

__all__ = ["FormerState", "KnownAgreement", "Membership", "OfficeHolder", "Register", "load_office_holders",
           "load_register"]

_QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: Register kind → class local name in the pact: ontology.
KIND_CLASS = {
    "state": "State",
    "organization": "InternationalOrganization",
    "body": "InternationalOrganization",
    "grouping": "InformalGrouping",
    "framework": "PartnershipFramework",
    "mission": "Mission",
    "region": "Region",
    "place": "Place",
}


@dataclass(frozen=True, slots=True)
class Membership:
    """A member's membership of (or partnership with) an organization."""

    member: str  # register key, e.g. "state/jpn"
    organization: str  # register key, e.g. "org/nato"
    role: str
    start: str | None
    end: str | None
    sources: tuple[str, ...]


#: Agreement classes a row of ``agreements.csv`` may have (local names in the pact: ontology).
AGREEMENT_KINDS = {"Treaty", "Agreement", "JointDeclaration", "JointStatement", "MemorandumOfUnderstanding",
                   "PartnershipFramework"}


@dataclass(frozen=True, slots=True)
class KnownAgreement:
    """A well-known agreement from ``agreements.csv``: texts cite it by name ("the Élysée Treaty", "the FPDA")
    without saying who signed it or when, and every text that names it means the same agreement."""

    key: str  # "agreement/elysee-treaty": also its IRI after the ID namespace
    name: str
    aliases: tuple[str, ...]
    kind: str  # local name of the pact: class
    parties: tuple[str, ...]  # register keys of the original parties
    date: str | None  # day of signature or adoption, when known
    wikidata: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FormerState:
    """A state that no longer exists, from ``former_states.csv`` (the Soviet Union, the GDR, Yugoslavia…).

    It is an entity of kind ``"state"`` like the states of today: an actor, a possible party to an agreement, linked
    to Wikidata. ``end`` is the first day it no longer existed (its dissolution, unification or merger took effect);
    ``start`` and ``end`` are ISO days, or a month or year where the sources disagree on the day.
    """

    key: str  # register key, e.g. "state/sun"
    start: str | None
    end: str
    successors: tuple[str, ...]  # register keys of the states of today that took its place
    iso3166_3: str | None  # ISO 3166-3 code of the former name ("SUHH")


@dataclass(slots=True)
class Register:
    """All curated entities, by register key, and their memberships."""

    entities: dict[str, Entity] = field(default_factory=dict)
    memberships: list[Membership] = field(default_factory=list)
    led_by: dict[str, str] = field(default_factory=dict)  # mission key → org key
    mandated_by: dict[str, str] = field(default_factory=dict)
    periods: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key → running-text variants
    agreements: dict[str, KnownAgreement] = field(default_factory=dict)  # key → well-known agreement
    former: dict[str, FormerState] = field(default_factory=dict)  # key → a state that no longer exists
    # organization key → its member rows, rebuilt when the list of memberships is replaced or changes length (see
    # members_of; the register is built once and only ever appended to while it is loaded)
    _members: dict[str, list[Membership]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: tuple = field(default=(), init=False, repr=False, compare=False)

    def by_iri(self, iri: str) -> Entity | None:
        return self.entities.get(iri.removeprefix(ID))

    def by_qid(self, qid: str) -> Entity | None:
        for entity in self.entities.values():
            if entity.wikidata == qid:
                return entity
        return None

    def members_of(self, org_key: str, on: str | None = None) -> set[str]:
        """The members of an organization, or (``on``, an ISO day) those whose membership spans that day."""
        if self._indexed != (id(self.memberships), len(self.memberships)):
            self._members = {}
            for m in self.memberships:
                if m.role == "member":
                    self._members.setdefault(m.organization, []).append(m)
            self._indexed = (id(self.memberships), len(self.memberships))
        return {m.member for m in self._members.get(org_key, ())
                if on is None or ((m.start or "") <= on and (not m.end or on < m.end))}


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for number, row in enumerate(reader, start=2):
            clean = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            if not any(clean.values()):
                continue
            if not clean.get("source"):
                raise ReferenceDataError(f"{path}:{number}: row has no source")
            rows.append((number, clean))
        return rows


def _qid(value: str, path: Path, number: int, required: bool) -> str | None:
    if not value:
        if required:
            raise ReferenceDataError(f"{path}:{number}: row has no Wikidata QID")
        return None
    if not _QID.match(value):
        raise ReferenceDataError(f"{path}:{number}: {value!r} is not a Wikidata QID")
    return value


def _date(value: str, path: Path, number: int) -> str | None:
    if not value:
        return None
    if not _DATE.match(value):
        raise ReferenceDataError(f"{path}:{number}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _add(register: Register, entity: Entity, path: Path, number: int) -> None:
    if entity.key in register.entities:
        raise ReferenceDataError(f"{path}:{number}: duplicate register key {entity.key!r}")
    register.entities[entity.key] = entity


@cache
def load_register(folder: Path | None = None) -> Register:
    """Read and check the reference tables in ``folder`` (the bundled ones by default).

    Raises
    ------
    ReferenceDataError
        If a row lacks a source or QID, a code is malformed, or a key repeats.
    """
    if folder is None:
        from .resources import reference_dir

        folder = reference_dir()
    register = Register()

    path = folder / "states.csv"
    for number, row in _rows(path):
        iso3 = row.get("iso3", "").upper()
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise ReferenceDataError(f"{path}:{number}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
        _add(register, _state(f"state/{iso3.lower()}", row, path, number, row.get("iso2") or None, iso3), path, number)

    _load_former_states(register, folder / "former_states.csv")

    path = folder / "organizations.csv"
    for number, row in _rows(path):
        kind = row.get("type", "")
        if kind not in {"organization", "body", "grouping", "framework", "mission"}:
            raise ReferenceDataError(f"{path}:{number}: unknown type {kind!r}")
        key = f"{'mission' if kind == 'mission' else 'org'}/{row['slug']}"
        names = tuple(dict.fromkeys((row["label"], *_split(row.get("full_names")))))
        _add(register, Entity(
            key=key, iri=ID + key, kind=kind, label=row["label"],
            wikidata=_qid(row.get("wikidata", ""), path, number, False),
            parent=row.get("parent") or None, names=names, acronyms=_split(row.get("acronyms")),
            sources=tuple(row["source"].split()),
        ), path, number)
        register.aliases[key] = _split(row.get("aliases"))
        if row.get("led_by"):
            register.led_by[key] = row["led_by"]
        if row.get("mandated_by"):
            register.mandated_by[key] = row["mandated_by"]
        start, end = _date(row.get("start", ""), path, number), _date(row.get("end", ""), path, number)
        if start or end:
            register.periods[key] = (start, end)

    for kind, filename in (("region", "regions.csv"), ("place", "places.csv")):
        path = folder / filename
        for number, row in _rows(path):
            key = f"{kind}/{row['slug']}"
            members = tuple(f"state/{code.lower()}" for code in _split(row.get("states")))
            unknown = [m for m in members if m not in register.entities]
            if unknown:
                raise ReferenceDataError(f"{path}:{number}: unknown state {unknown[0].split('/')[-1].upper()!r}")
            _add(register, Entity(
                key=key, iri=ID + key, kind=kind, label=row["label"],
                wikidata=_qid(row.get("wikidata", ""), path, number, False),
                country=(f"state/{row['country'].lower()}" if row.get("country") else None),
                names=tuple(dict.fromkeys((row["label"], *_split(row.get("aliases"))))),
                sources=tuple(row["source"].split()), members=members,
            ), path, number)

    org_keys = {k for k in register.entities if k.startswith(("org/", "mission/"))}
    _resolve_org_refs(register, org_keys, folder)

    path = folder / "memberships.csv"
    for number, row in _rows(path):
        member, org = row.get("member", ""), row.get("organization", "")
        if member not in register.entities:
            raise ReferenceDataError(f"{path}:{number}: unknown member {member!r}")
        if org not in register.entities:
            raise ReferenceDataError(f"{path}:{number}: unknown organization {org!r}")
        register.memberships.append(Membership(
            member=member, organization=org, role=row.get("role") or "member",
            start=_date(row.get("start", ""), path, number), end=_date(row.get("end", ""), path, number),
            sources=tuple(row["source"].split()),
        ))
    _load_agreements(register, folder / "agreements.csv")
    return register


def _state(key: str, row: dict[str, str], path: Path, number: int, iso2: str | None, iso3: str | None) -> Entity:
    """The entity of a row of ``states.csv`` or ``former_states.csv`` (the columns both tables share)."""
    cow = row.get("cow_code", "")
    names = tuple(dict.fromkeys(
        n for n in (row.get("name", ""), row.get("short_name", ""), row.get("official_name", "")) if n))
    return Entity(
        key=key, iri=ID + key, kind="state", label=row["name"],
        wikidata=_qid(row.get("wikidata", ""), path, number, True), iso2=iso2, iso3=iso3,
        cow_code=int(cow) if cow.isdigit() else None, cow_abbrev=row.get("cow_abbrev") or None,
        adjectives=_split(row.get("adjectives")), names=names + _split(row.get("aliases")),
        sources=tuple(row["source"].split()))


def _load_former_states(register: Register, path: Path) -> None:
    """Rows of ``former_states.csv``: states that no longer exist, loaded as states (kind ``"state"``, key
    ``state/{code}``) after the states of today, whose keys they may not take, and marked as former with the days
    they existed (``Register.former``, and ``Register.periods`` for the reference graph)."""
    current = {key for key, entity in register.entities.items() if entity.kind == "state"}
    for number, row in _rows(path):
        code = row.get("code", "").upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ReferenceDataError(f"{path}:{number}: {code!r} is not a three-letter register code")
        iso3, iso4 = row.get("iso3", "").upper(), row.get("iso3166_3", "").upper()
        if iso3 and not re.fullmatch(r"[A-Z]{3}", iso3):
            raise ReferenceDataError(f"{path}:{number}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
        if iso4 and not re.fullmatch(r"[A-Z]{4}", iso4):
            raise ReferenceDataError(f"{path}:{number}: {iso4!r} is not an ISO 3166-3 code")
        start, end = _date(row.get("start", ""), path, number), _date(row.get("end", ""), path, number)
        if end is None:
            raise ReferenceDataError(f"{path}:{number}: a former state needs the date it ceased to exist")
        if start is not None and not start < end:
            raise ReferenceDataError(f"{path}:{number}: it ends ({end}) before it starts ({start})")
        successors = tuple(f"state/{c.lower()}" for c in _split(row.get("successors")))
        unknown = [s for s in successors if s not in current]
        if not successors or unknown:
            raise ReferenceDataError(f"{path}:{number}: successors must be states of today (states.csv), not "
                                     f"{unknown[0].split('/')[-1].upper() if unknown else 'none'!r}")
        sources = tuple(row["source"].split())
        if not all(_URL.match(url) for url in sources):
            raise ReferenceDataError(f"{path}:{number}: source must be http(s) URLs separated by spaces")
        key = f"state/{code.lower()}"
        _add(register, _state(key, row, path, number, None, iso3 or None), path, number)
        register.former[key] = FormerState(key, start, end, successors, iso4 or None)
        register.periods[key] = (start, end)


def _load_agreements(register: Register, path: Path) -> None:
    """Rows of ``agreements.csv``: each names its parties (states and organizations of the register), and no name
    or alias is shared by two agreements."""
    names: dict[str, str] = {}
    actor_names = {form.lower(): entity.key for entity in register.entities.values()
                   for form in (*entity.names, *entity.acronyms, *register.aliases.get(entity.key, ()))}
    for number, row in _rows(path):
        key = "agreement/" + row.get("key", "")
        if not re.fullmatch(r"agreement/[a-z0-9]+(-[a-z0-9]+)*", key):
            raise ReferenceDataError(f"{path}:{number}: {row.get('key')!r} is not a lowercase slug")
        if key in register.agreements:
            raise ReferenceDataError(f"{path}:{number}: duplicate agreement key {key!r}")
        kind = row.get("type", "")
        if kind not in AGREEMENT_KINDS:
            raise ReferenceDataError(f"{path}:{number}: unknown agreement type {kind!r}")
        parties = _split(row.get("parties"))
        if not parties:
            raise ReferenceDataError(f"{path}:{number}: agreement names no party")
        for party in parties:
            entity = register.entities.get(party)
            if entity is None or entity.kind not in {"state", "organization", "body", "grouping"}:
                raise ReferenceDataError(f"{path}:{number}: party {party!r} is not a state or organization")
        sources = tuple(row["source"].split())
        if not all(_URL.match(url) for url in sources):
            raise ReferenceDataError(f"{path}:{number}: source must be http(s) URLs separated by spaces")
        name = row.get("name", "")
        aliases = _split(row.get("aliases"))
        for form in (name, *aliases):
            if not form or form.lower() in names:
                raise ReferenceDataError(f"{path}:{number}: name {form!r} is empty or already names "
                                         f"{names.get(form.lower())!r}")
            if form.lower() in actor_names:  # a text naming it would find the actor and never the agreement
                raise ReferenceDataError(f"{path}:{number}: name {form!r} already names the actor "
                                         f"{actor_names[form.lower()]!r}")
            names[form.lower()] = key
        register.agreements[key] = KnownAgreement(
            key=key, name=name, aliases=aliases, kind=kind, parties=parties,
            date=_day(row["date"], path, number, "date") if row.get("date") else None,
            wikidata=_qid(row.get("wikidata", ""), path, number, False), sources=sources)


def _resolve_org_refs(register: Register, org_keys: set[str], folder: Path) -> None:
    """Turn slugs in parent/led_by/mandated_by columns into register keys."""

    def resolve(slug: str, what: str, owner: str) -> str:
        for candidate in (f"org/{slug}", f"mission/{slug}", slug):
            if candidate in org_keys:
                return candidate
        raise ReferenceDataError(f"{folder / 'organizations.csv'}: {owner}: unknown {what} {slug!r}")

    for entity in register.entities.values():
        if entity.parent and entity.kind != "state" and entity.key in org_keys:
            entity.parent = resolve(entity.parent, "parent", entity.key)
    for table, what in ((register.led_by, "led_by"), (register.mandated_by, "mandated_by")):
        for key, slug in list(table.items()):
            table[key] = resolve(slug, what, key)


# --- office holders -------------------------------------------------------------

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    """One term of one person in one post, from ``office_holders.csv``.

    ``end`` is the first day the person no longer held the post (``None`` while in
    office), so a date falls in the term when ``start <= date < end`` as ISO strings.
    """

    family: tuple[str, ...]  # the forms texts use alone: "Erdoğan", "Erdogan"
    name: str  # full name, in the order English texts write it
    titles: tuple[str, ...]  # posts as texts write them ("Foreign Minister", "Minister of Foreign Affairs")
    actor: str  # register key of the state or organization
    start: str
    end: str | None
    sources: tuple[str, ...] = ()


def _day(value: str, path: Path, number: int, column: str) -> str:
    try:
        if _DAY.match(value):
            date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise ReferenceDataError(f"{path}:{number}: {column} {value!r} is not a day (YYYY-MM-DD)")


@cache
def load_office_holders(folder: Path | None = None) -> tuple[OfficeHolder, ...]:
    """Read and check ``office_holders.csv`` in ``folder`` (the bundled one by default).

    Returns
    -------
    tuple of OfficeHolder
        One entry per term, in file order.

    Raises
    ------
    ReferenceDataError
        If a row lacks a source URL, a family name, a full name or a post, a date is
        not a whole ISO day, a term does not end after it starts, or the actor is
        not a state or organization of the register.
    """
    register = load_register(folder)
    if folder is None:
        from .resources import reference_dir

        folder = reference_dir()
    path = folder / "office_holders.csv"
    holders = []
    for number, row in _rows(path):
        family, titles = _split(row.get("family")), _split(row.get("titles"))
        if not family or not row.get("name") or not titles:
            raise ReferenceDataError(f"{path}:{number}: row needs a family name, a full name and a post")
        sources = tuple(row["source"].split())
        if not all(_URL.match(url) for url in sources):
            raise ReferenceDataError(f"{path}:{number}: source must be http(s) URLs separated by spaces")
        actor = row.get("actor", "")
        entity = register.entities.get(actor)
        if entity is None or entity.kind not in {"state", "organization", "body", "grouping"}:
            raise ReferenceDataError(f"{path}:{number}: {actor!r} is not a state or organization of the register")
        start = _day(row.get("start", ""), path, number, "start")
        end = _day(row["end"], path, number, "end") if row.get("end") else None
        if end is not None and end <= start:
            raise ReferenceDataError(f"{path}:{number}: term ends ({end}) before it starts ({start})")
        holders.append(OfficeHolder(family, row["name"], titles, actor, start, end, sources))
    return tuple(holders)
