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
    # the states of today; the former states of former_states.csv are states of the register too (tested below)
    assert sum(1 for key in register.entities if key.startswith("state/") and key not in register.former) == 197


@pytest.mark.parametrize("column", ["iso2", "iso3", "cow_code", "wikidata"])
def test_state_codes_are_unique(states, column):
    values = [row[column] for row in states if row[column]]
    duplicates = sorted(value for value, count in Counter(values).items() if count > 1)
    assert not duplicates, f"{column} repeated in states.csv: {duplicates}"


def test_every_state_has_a_qid(states):
    missing = [row["iso3"] for row in states if not re.fullmatch(r"Q[1-9]\d*", row["wikidata"])]
    assert not missing, f"states without a Wikidata QID: {missing}"


# --- former states --------------------------------------------------------------


@pytest.fixture(scope="module")
def former_states() -> list[dict[str, str]]:
    return read_table("former_states.csv")


def test_former_states_are_states_of_the_register_marked_as_former(former_states, register):
    keys = {f"state/{row['code'].lower()}" for row in former_states}
    assert len(keys) == len(former_states) >= 9
    assert set(register.former) == keys
    for key in keys:
        entity, former = register.entities[key], register.former[key]
        assert entity.kind == "state" and entity.is_actor
        assert former.end and register.periods[key] == (former.start, former.end)
        assert not former.start or former.start < former.end
    assert {"state/sun", "state/ddr", "state/csk", "state/yug", "state/fry", "state/scg"} <= keys


@pytest.mark.parametrize("column", ["code", "iso3", "iso3166_3", "cow_code", "wikidata"])
def test_former_state_codes_are_unique(former_states, column):
    values = [row[column] for row in former_states if row[column]]
    duplicates = sorted(value for value, count in Counter(values).items() if count > 1)
    assert not duplicates, f"{column} repeated in former_states.csv: {duplicates}"


def test_former_state_codes_do_not_clash_with_states_of_today(former_states, states, organizations):
    today = {row["iso3"] for row in states}
    assert not [row["code"] for row in former_states if row["code"] in today]
    assert not [row["iso3"] for row in former_states if row["iso3"] in today]
    cow = {row["cow_code"] for row in states if row["cow_code"]}
    assert not [row["code"] for row in former_states if row["cow_code"] in cow]
    qids = {row["wikidata"] for row in states} | {row["wikidata"] for row in organizations if row["wikidata"]}
    assert not [row["code"] for row in former_states if row["wikidata"] in qids]


def test_every_former_state_has_a_qid_a_source_and_codes_of_the_right_form(former_states):
    for row in former_states:
        assert re.fullmatch(r"Q[1-9]\d*", row["wikidata"]), row["code"]
        assert row["source"].split() and all(URL.match(url) for url in row["source"].split()), row["code"]
        assert f"https://www.wikidata.org/wiki/{row['wikidata']}" in row["source"].split(), row["code"]
        assert re.fullmatch(r"[A-Z]{3}", row["code"]) and re.fullmatch(r"([A-Z]{3})?", row["iso3"])
        assert re.fullmatch(r"([A-Z]{4})?", row["iso3166_3"]), row["code"]
        assert row["iso3"] in ("", row["code"]), "a withdrawn ISO alpha-3 code is the register code"


def test_successors_of_former_states_are_states_of_today(former_states, states):
    today = {row["iso3"] for row in states}
    for row in former_states:
        successors = row["successors"].split(";")
        assert successors and set(successors) <= today, row["code"]
    sun = next(row for row in former_states if row["code"] == "SUN")
    assert len(sun["successors"].split(";")) == 15 and "RUS" in sun["successors"]


def test_names_of_former_states_are_not_names_of_states_of_today(register):
    today = {form.casefold(): key for key, entity in register.entities.items()
             if entity.kind == "state" and key not in register.former
             for form in (*entity.names, *entity.adjectives)}
    clash = {form: today[form.casefold()] for key in register.former
             for form in (*register.entities[key].names, *register.entities[key].adjectives)
             if form.casefold() in today}
    assert not clash, f"former-state forms that name a state of today: {clash}"


def test_forms_that_texts_use_for_other_things_are_no_names_of_former_states(register):
    forms = {form for key in register.former
             for form in (*register.entities[key].names, *register.entities[key].adjectives)}
    # two states of today ("Serbia and Montenegro have sent officers"), a region ("the former Yugoslavia"), the
    # regions of Yemen today, disarmament and reintegration (DDR), and adjectives inside period words
    # or other states' names ("the former Yugoslav Republic of …"), eastern Germany today ("the East German
    # states"); "Soviet" is the Soviet Union's adjective, and the extractor drops it in period words ("post-Soviet",
    # "Soviet-era") and before another state's name ("Soviet Russia"): test_extract_genre27
    assert not forms & {"Serbia and Montenegro", "Yugoslavia", "former Yugoslavia", "North Yemen", "South Yemen",
                        "DDR", "Yugoslav", "West Germany", "East German", "Soviets"}


def test_every_name_of_a_state_of_today_still_names_that_state():
    """A former state's name inside a longer name of a state of today ("Republic of Vietnam" in "the Socialist
    Republic of Vietnam") must not win over it."""
    from pactgraph.extract.mentions import text_entities
    from pactgraph.extract.pipeline import get_gazetteer

    gazetteer = get_gazetteer()
    register = gazetteer.register
    wrong = {}
    for key, entity in register.entities.items():
        if entity.kind != "state" or key in register.former:
            continue
        for form in entity.names:
            found = text_entities(form, gazetteer)
            if set(found) & set(register.former):
                wrong[form] = found
    assert not wrong
    assert text_entities("the Socialist Republic of Vietnam", gazetteer) == ["state/vnm"]


def test_every_name_of_a_former_state_names_it():
    from pactgraph.extract.mentions import text_entities
    from pactgraph.extract.pipeline import get_gazetteer

    gazetteer = get_gazetteer()
    for key in gazetteer.register.former:
        for form in gazetteer.register.entities[key].names:
            assert text_entities(form, gazetteer)[:1] == [key], form


def test_the_soviet_union_in_the_reference_graph_is_a_state_that_ended():
    from pactgraph.namespaces import ID, OWL, PACT, RDF, TIME, WD
    from pactgraph.rdfmap import register_quads

    register = load_register(REFERENCE)
    quads = {(q.subject.value, q.predicate.value, q.object.value) for q in register_quads(register)}
    sun = ID + "state/sun"
    assert {(sun, RDF + "type", PACT + "State"), (sun, OWL + "sameAs", WD + "Q15180"),
            (sun, PACT + "iso3166Alpha3", "SUN"), (sun, PACT + "activeDuring", sun + "/active"),
            (sun + "/active", TIME + "hasEnd", sun + "/active/end"),
            (sun + "/active/end", TIME + "inXSDDate", "1991-12-26")} <= quads
    assert not [q for q in quads if q[0] == ID + "state/rus" and q[1] == PACT + "activeDuring"]


def _former_with(tmp_path, row: str) -> Path:
    return _reference_with(tmp_path, "former_states.csv", row)


@pytest.mark.parametrize(("row", "message"), [
    ("UAR,,,United Arab Republic,,,,,,,Q170468,1958-02-22,1961-09-28,EGY;ATL,,https://example.org/uar\n",
     "successors must be states of today"),
    ("UAR,,,United Arab Republic,,,,,,,Q170468,1958-02-22,,EGY;SYR,,https://example.org/uar\n",
     "needs the date it ceased to exist"),
    ("UAR,,,United Arab Republic,,,,,,,,1958-02-22,1961-09-28,EGY;SYR,,https://example.org/uar\n",
     "no Wikidata QID"),
    ("RUS,,,Russian Empire,,,,,,,Q34266,1721-11-02,1917-09-14,RUS,,https://example.org/empire\n",
     "duplicate register key 'state/rus'"),
    ("UAR,,,United Arab Republic,,,,,,,Q170468,1958-02-22,1961-09-28,EGY;SYR,,\n", "row has no source"),
])
def test_a_malformed_former_state_is_refused(tmp_path, row, message):
    from pactgraph.errors import ReferenceDataError

    with pytest.raises(ReferenceDataError, match=message):
        load_register(_former_with(tmp_path, row))


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


def _reference_with(tmp_path, table: str, row: str) -> Path:
    """A copy of the bundled reference tables with ``row`` appended to ``table``."""
    import shutil

    from pactgraph.resources import reference_dir

    folder = tmp_path / "reference"
    shutil.copytree(reference_dir(), folder)
    with (folder / table).open("a", encoding="utf-8") as handle:
        handle.write(row)
    return folder


def _regions_with(tmp_path, row: str) -> Path:
    return _reference_with(tmp_path, "regions.csv", row)


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
