"""Checks on the curated actor register in graph/reference/.

The register is what every extracted mention resolves to, so these tests pin
the properties researchers rely on when joining pactgraph with other data:
complete state coverage, unique identifiers, a cited source on every row and
surface forms that point to exactly one actor.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from pactgraph.reference import load_office_holders, load_register

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "graph" / "reference"
URL = re.compile(r"^https?://\S+$")
ORG_KINDS = {"organization", "body", "grouping", "framework", "mission"}


def read_table(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(handle)
            if any((value or "").strip() for value in row.values())
        ]


@pytest.fixture(scope="module")
def register():
    return load_register(REFERENCE)


@pytest.fixture(scope="module")
def states() -> list[dict[str, str]]:
    return read_table("states.csv")


@pytest.fixture(scope="module")
def organizations() -> list[dict[str, str]]:
    return read_table("organizations.csv")


@pytest.fixture(scope="module")
def memberships() -> list[dict[str, str]]:
    return read_table("memberships.csv")


# --- states ------------------------------------------------------------------


def test_state_count_and_status(states, register):
    status = Counter(row["status"] for row in states)
    assert len(states) == 197
    assert status["un_member"] == 193
    assert status["un_observer"] == 2
    others = sorted(row["iso3"] for row in states if row["status"] == "other")
    assert others == ["TWN", "XKX"]
    assert sum(1 for key in register.entities if key.startswith("state/")) == 197


@pytest.mark.parametrize("column", ["iso2", "iso3", "cow_code", "wikidata"])
def test_state_codes_are_unique(states, column):
    values = [row[column] for row in states if row[column]]
    duplicates = sorted(value for value, count in Counter(values).items() if count > 1)
    assert not duplicates, f"{column} repeated in states.csv: {duplicates}"


def test_every_state_has_a_qid(states):
    missing = [row["iso3"] for row in states if not re.fullmatch(r"Q[1-9]\d*", row["wikidata"])]
    assert not missing, f"states without a Wikidata QID: {missing}"


# --- sources -----------------------------------------------------------------


@pytest.mark.parametrize("table", sorted(p.name for p in REFERENCE.glob("*.csv")))
def test_every_row_cites_http_sources(table):
    rows = read_table(table)
    assert rows, f"{table} is empty"
    bad = []
    for number, row in enumerate(rows, start=2):
        urls = row.get("source", "").split()
        if not urls or not all(URL.match(url) for url in urls):
            bad.append(number)
    assert not bad, f"{table}: rows without http(s) sources at lines {bad}"


# --- organizations and missions -----------------------------------------------


def test_organization_qids_are_unique(organizations):
    qids = [row["wikidata"] for row in organizations if row["wikidata"]]
    duplicates = sorted(qid for qid, count in Counter(qids).items() if count > 1)
    assert not duplicates, f"QIDs used by more than one row of organizations.csv: {duplicates}"


def test_organization_qids_are_well_formed(organizations):
    bad = [row["slug"] for row in organizations if row["wikidata"] and not re.fullmatch(r"Q[1-9]\d*", row["wikidata"])]
    assert not bad


def test_organization_qids_differ_from_state_qids(organizations, states):
    state_qids = {row["wikidata"] for row in states}
    clash = [row["slug"] for row in organizations if row["wikidata"] in state_qids]
    assert not clash


def test_enough_organizations(register):
    actors = [entity for entity in register.entities.values() if entity.kind in ORG_KINDS]
    assert len(actors) >= 80


def test_surface_forms_point_to_one_actor(register):
    owners: dict[str, set[str]] = defaultdict(set)
    for key, entity in register.entities.items():
        if entity.kind != "state" and entity.kind not in ORG_KINDS:
            continue
        forms = (*entity.names, *entity.acronyms, *entity.adjectives, *register.aliases.get(key, ()))
        for form in forms:
            owners[form].add(key)
    shared = {form: sorted(keys) for form, keys in owners.items() if len(keys) > 1}
    assert not shared, f"surface forms shared by several rows: {shared}"


def test_no_ambiguous_short_acronyms(register):
    """Acronyms that are ordinary words or stray letters would fire in plain prose."""
    assert "MC" not in register.entities["org/nato-military-committee"].acronyms


def test_nato_running_text_aliases(register):
    aliases = set(register.aliases["org/nato"])
    assert {"Allies", "NATO Allies", "Atlantic Alliance", "North Atlantic Alliance", "the Alliance"} <= aliases


def test_mission_keys_and_links(register):
    for key, entity in register.entities.items():
        if entity.kind == "mission":
            assert key.startswith("mission/"), key
        elif entity.kind in ORG_KINDS:
            assert key.startswith("org/"), key
    for table in (register.led_by, register.mandated_by):
        for mission, org in table.items():
            assert register.entities[mission].kind == "mission"
            assert org in register.entities


def test_periods_are_ordered(register):
    for key, (start, end) in register.periods.items():
        if start and end:
            assert start[:4] <= end[:4], key
    for membership in register.memberships:
        if membership.start and membership.end:
            assert membership.start <= membership.end, membership


# --- memberships ---------------------------------------------------------------


def test_memberships_never_target_a_mission(register):
    assert not [m for m in register.memberships if m.organization.startswith("mission/")]


def test_nato_has_32_members_with_accession_dates(register):
    members = [m for m in register.memberships if m.organization == "org/nato" and m.role == "member"]
    assert len({m.member for m in members}) == 32
    assert len(members) == 32
    assert all(m.start and re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.start) for m in members)
    assert all(not m.end for m in members)


def test_eu_has_27_members_and_the_uk_left(register):
    members = [m for m in register.memberships if m.organization == "org/european-union" and m.role == "member"]
    current = {m.member for m in members if not m.end}
    assert len(current) == 27
    former = {(m.member, m.end) for m in members if m.end}
    assert former == {("state/gbr", "2020-01-31")}


def test_partners_across_the_globe_match_nato_partners(register):
    nato_partners = {m.member for m in register.memberships if m.organization == "org/nato" and m.role == "partner"}
    global_partners = {
        m.member for m in register.memberships if m.organization == "org/partners-across-the-globe" and m.role == "partner"
    }
    assert global_partners == nato_partners


def test_partnership_frameworks(register):
    def partners(org: str) -> set[str]:
        return {m.member for m in register.memberships if m.organization == org}

    assert len(partners("org/mediterranean-dialogue")) == 7
    assert len(partners("org/istanbul-cooperation-initiative")) == 4
    assert partners("org/quad") == {"state/aus", "state/ind", "state/jpn", "state/usa"}
    assert "state/che" in partners("org/partnership-for-peace")
    for key in ("org/partnership-for-peace", "org/mediterranean-dialogue", "org/istanbul-cooperation-initiative"):
        entity = register.entities[key]
        assert entity.kind == "framework" and entity.parent == "org/nato"


# --- office holders ------------------------------------------------------------

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _is_day(value: str) -> bool:
    if not DAY.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def test_office_holders_cite_sources_and_have_valid_terms(register):
    rows = read_table("office_holders.csv")
    assert rows
    problems = []
    for number, row in enumerate(rows, start=2):
        urls = row["source"].split()
        if not urls or not all(URL.match(url) for url in urls):
            problems.append((number, "source"))
        if not _is_day(row["start"]):
            problems.append((number, "start"))
        if row["end"] and not (_is_day(row["end"]) and row["start"] < row["end"]):
            problems.append((number, "end"))
        if row["actor"] not in register.entities:
            problems.append((number, "actor"))
        if not (row["family"] and row["name"] and row["titles"]):
            problems.append((number, "names"))
    assert not problems, f"office_holders.csv: {problems}"


def test_office_holder_terms_of_one_post_do_not_overlap():
    holders = load_office_holders(REFERENCE)
    by_post = defaultdict(list)
    for holder in holders:
        by_post[(holder.actor, holder.titles)].append(holder)
    for post, terms in by_post.items():
        terms.sort(key=lambda h: h.start)
        for before, after in pairwise(terms):
            assert before.end is not None and before.end <= after.start, (post, before.name, after.name)


# --- specific facts -------------------------------------------------------------


def test_japan(register):
    japan = register.entities["state/jpn"]
    assert (japan.wikidata, japan.iso3, japan.iso2, japan.cow_code) == ("Q17", "JPN", "JP", 740)


@pytest.mark.parametrize(
    ("key", "qid"),
    [("org/nato", "Q7184"), ("org/united-nations", "Q1065"), ("state/afg", "Q889")],
)
def test_known_qids(register, key, qid):
    assert register.entities[key].wikidata == qid
    assert register.by_qid(qid).key == key


def test_isaf_is_a_nato_led_mission(register):
    isaf = register.entities["mission/isaf"]
    assert isaf.kind == "mission"
    assert register.led_by["mission/isaf"] == "org/nato"
    assert register.mandated_by["mission/isaf"] == "org/un-security-council"
    assert register.periods["mission/isaf"] == ("2001-12-20", "2014-12-31")
    assert "International Security Assistance Force" in isaf.names


def test_regions_that_are_sets_of_states(register):
    baltic = register.entities["region/baltic-states"]
    assert baltic.members == ("state/est", "state/lva", "state/ltu")
    assert set(register.entities["region/nordic-countries"].members) == {
        "state/dnk", "state/fin", "state/isl", "state/nor", "state/swe"}
    assert all(m in register.entities for e in register.entities.values() for m in e.members)


def _regions_with(tmp_path, row: str) -> Path:
    import shutil

    from pactgraph.resources import reference_dir

    folder = tmp_path / "reference"
    shutil.copytree(reference_dir(), folder)
    with (folder / "regions.csv").open("a", encoding="utf-8") as handle:
        handle.write(row)
    return folder


_ATLANTIS = "atlantis-group,Atlantis group,,,ATL;EST,https://example.org/atlantis\n"


def test_a_region_naming_an_unknown_state_is_refused(tmp_path):
    from pactgraph.errors import ReferenceDataError

    with pytest.raises(ReferenceDataError, match="unknown state 'ATL'"):
        load_register(_regions_with(tmp_path, _ATLANTIS))


def test_pactgraph_build_refuses_a_region_of_unknown_states_in_one_line_and_leaves_the_store(tmp_path, monkeypatch):
    from conftest import refused_build

    error = refused_build(tmp_path, monkeypatch, _regions_with(tmp_path, _ATLANTIS))
    assert "regions.csv" in error and "unknown state 'ATL'" in error


def test_small_groupings_list_their_member_states(register):
    assert register.members_of("org/nordefco") == {"state/dnk", "state/fin", "state/isl", "state/nor", "state/swe"}
    assert register.members_of("org/visegrad-group") == {"state/cze", "state/hun", "state/pol", "state/svk"}
    assert register.members_of("org/weimar-triangle") == {"state/deu", "state/fra", "state/pol"}
