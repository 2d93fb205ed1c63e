"""The table of well-known agreements (graph/reference/agreements.csv): checks, the reference graph, extraction."""

from __future__ import annotations

import shutil

import pytest
from extract_helpers import agreement_parties, run

from pactgraph.errors import ReferenceDataError
from pactgraph.namespaces import ID, PACT
from pactgraph.rdfmap import register_quads
from pactgraph.reference import load_register
from pactgraph.resources import reference_dir

HEADER = "key,name,aliases,type,parties,date,wikidata,source\n"


@pytest.fixture(scope="module")
def register():
    return load_register()


def _folder_with(tmp_path, rows: str):
    folder = tmp_path / "reference"
    shutil.copytree(reference_dir(), folder)
    (folder / "agreements.csv").write_text(HEADER + rows, encoding="utf-8")
    return folder


@pytest.mark.parametrize("row, message", [
    ("x,X Treaty,,Treaty,state/fra;state/atlantis,,,https://example.org/x\n", "party 'state/atlantis'"),
    ("x,X Treaty,,Treaty,,,,https://example.org/x\n", "names no party"),
    ("x,X Treaty,,Pact,state/fra,,,https://example.org/x\n", "unknown agreement type"),
    ("x,X Treaty,,Treaty,state/fra,1963-13-01,,https://example.org/x\n", "is not a day"),
    ("x,X Treaty,,Treaty,state/fra,,,\n", "no source"),
    ("X Y,X Treaty,,Treaty,state/fra,,,https://example.org/x\n", "lowercase slug"),
    ("x,X Treaty,,Treaty,state/fra,,,https://example.org/x\ny,Y Treaty,x treaty,Treaty,state/fra,,,https://e.org/y\n",
     "already names"),
    ("x,X Treaty,,Treaty,mission/kfor,,,https://example.org/x\n", "is not a state or organization"),
    # a name the register's actors already use: texts would find the actor and never the agreement
    ("x,X Treaty,the Alliance,Treaty,state/fra,,,https://example.org/x\n", "already names the actor 'org/nato'"),
    ("x,X Treaty,NATO,Treaty,state/fra,,,https://example.org/x\n", "already names the actor 'org/nato'"),
])
def test_bad_rows_are_refused_with_their_line(tmp_path, row, message):
    with pytest.raises(ReferenceDataError, match=message):
        load_register.__wrapped__(_folder_with(tmp_path, row))


def test_every_agreement_has_parties_of_the_register_and_a_source(register):
    assert len(register.agreements) >= 15
    for agreement in register.agreements.values():
        assert agreement.parties and agreement.sources
        assert all(register.entities[p].kind in {"state", "organization", "body", "grouping"}
                   for p in agreement.parties)


def test_the_reference_graph_describes_each_agreement(register):
    quads = {(q.subject.value, q.predicate.value, getattr(q.object, "value", None)) for q in register_quads(register)}
    elysee = ID + "agreement/elysee-treaty"
    assert (elysee, PACT + "party", ID + "state/fra") in quads
    assert (elysee, PACT + "party", ID + "state/deu") in quads
    assert (elysee, PACT + "signingDate", "1963-01-22") in quads


def test_a_text_naming_a_known_agreement_gets_its_parties_date_and_iri():
    result = run("Singapore trains with the other four partners of the FPDA every year.", date="2025-03-04")
    assert agreement_parties(result) == {"Five Power Defence Arrangements": [
        "state/aus", "state/gbr", "state/mys", "state/nzl", "state/sgp"]}
    assert [a.iri for a in result.agreements] == [ID + "agreement/five-power-defence-arrangements"]
    rules = {e.rule for s in result.statements if s.predicate == PACT + "party" for e in s.evidence}
    assert rules == {"agreement-party-from-reference"}


def test_every_form_of_a_known_name_is_one_agreement():
    body = ("The Elysee Treaty remains the basis of our friendship. Sixty years after the Élysée Treaty, France and "
            "Germany renewed their commitment.")
    result = run(body, date="2023-01-22")
    assert [(a.name, a.date) for a in result.agreements] == [("Élysée Treaty", "1963-01-22")]


def test_a_short_name_joins_the_treaty_signed_in_its_place():
    body = ("Today the two Presidents signed in Nancy the Treaty between the French Republic and the Republic of "
            "Poland for Enhanced Cooperation and Friendship. The Treaty of Nancy opens a new chapter.")
    result = run(body, date="2025-05-09")
    assert [a.iri for a in result.agreements] == [ID + "agreement/treaty-of-nancy"]


@pytest.mark.parametrize("row, message", [
    ("x,X Treaty,,Treaty,state/fra;state/atlantis,,,https://example.org/x\n", "agreements.csv:2: party 'state/atlantis'"),
    ("x,X Treaty,the Alliance,Treaty,state/fra,,,https://example.org/x\n",
     "agreements.csv:2: name 'the Alliance' already names the actor 'org/nato'"),
])
def test_pactgraph_build_refuses_a_bad_row_in_one_line_and_leaves_the_store(tmp_path, monkeypatch, row, message):
    from conftest import refused_build

    assert message in refused_build(tmp_path, monkeypatch, _folder_with(tmp_path, row))


def test_the_anzus_treaty_is_an_agreement_and_anzus_the_alliance():
    result = run("On 1 September 1951 in San Francisco we signed the ANZUS Treaty with New Zealand and the United "
                 "States. ANZUS remains the foundation of our defence policy.", date="2024-08-29")
    assert agreement_parties(result) == {"ANZUS Treaty": ["state/aus", "state/nzl", "state/usa"]}
    assert "org/anzus" in result.entities


_PRESS_STATEMENT = (
    "Press statement of the Ministry of External Affairs\n\n"
    "The Ministers welcomed the growing interoperability of the two armed forces made possible by COMCASA and "
    "the sharing of geospatial information under BECA. The Indian side recalled that relations with Pakistan "
    "remain governed by the Shimla Agreement. Both sides called on Iran to return to full compliance with the JCPOA "
    "and to cooperate with the International Atomic Energy Agency."
)


@pytest.fixture(scope="module")
def press_statement():
    return run(_PRESS_STATEMENT, date="2024-06-18")


@pytest.mark.parametrize("key, name, parties, day", [
    ("comcasa", "Communications Compatibility and Security Agreement", ["state/ind", "state/usa"], "2018-09-06"),
    ("beca", "Basic Exchange and Cooperation Agreement", ["state/ind", "state/usa"], "2020-10-27"),
    ("simla-agreement", "Simla Agreement", ["state/ind", "state/pak"], "1972-07-02"),
    ("joint-comprehensive-plan-of-action", "Joint Comprehensive Plan of Action",
     ["org/european-union", "state/chn", "state/deu", "state/fra", "state/gbr", "state/irn", "state/rus", "state/usa"],
     "2015-07-14"),
])
def test_a_press_statement_naming_agreements_by_an_alias_takes_their_parties_from_the_table(
        press_statement, key, name, parties, day):
    by_iri = {a.iri: a for a in press_statement.agreements}
    agreement = by_iri[ID + "agreement/" + key]
    assert (agreement.name, agreement.date) == (name, day)
    assert agreement_parties(press_statement)[name] == parties
    rules = {e.rule for s in press_statement.statements
             if s.subject == agreement.iri and s.predicate == PACT + "party" for e in s.evidence}
    assert rules == {"agreement-party-from-reference"}
