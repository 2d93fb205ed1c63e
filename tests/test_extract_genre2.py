"""Extraction rules added after the third unseen set (long communiqués, 2+2 statements, transcripts).

Each test runs a few invented sentences, not the texts of the gold sets, through
:func:`pactgraph.extract.extract`.
"""

from __future__ import annotations

from extract_helpers import partners, run, triples

from pactgraph.namespaces import ID, ORG, PACT

PARTNER, MEMBER = PACT + "partnerOf", ORG + "memberOf"


def test_we_the_heads_of_the_member_countries_is_the_organization():
    result = run("1. We, the heads of state and government of the member countries of the North Atlantic Alliance, "
                 "met in Madrid. Ukraine needs more help.\n\n"
                 "2. We thank our partners Japan and Australia for their support.",
                 genre="communique", publisher="Example Press")
    found = partners(result)
    assert frozenset({"org/nato", "state/jpn"}) in found
    assert frozenset({"org/nato", "state/aus"}) in found
    assert not any("state/ukr" in pair for pair in found)


def test_member_states_such_as_are_members():
    result = run("The Commission will work with ECOWAS Member States such as Ghana, Senegal and Togo, "
                 "which would contribute troops.")
    members = triples(result, MEMBER)
    assert {("state/gha", "org/ecowas"), ("state/sen", "org/ecowas"), ("state/tgo", "org/ecowas")} <= members


def test_non_member_states_are_not_members():
    result = run("The EU invited non-EU member states such as Norway to the meeting.")
    assert ("state/nor", "org/european-union") not in triples(result, MEMBER)


def test_ceasefire_agreement_reached_between_two_states():
    result = run("Fighting continues despite the ceasefire agreement reached between Rwanda and the Democratic "
                 "Republic of the Congo in Luanda on 30 July 2024.")
    agreement = next(a for a in result.agreements if "ceasefire" in a.name.lower())
    assert {p.removeprefix(ID) for p in agreement.parties} == {"state/rwa", "state/cod"}
    assert agreement.date == "2024-07-30"


def test_a_lower_case_roadmap_with_an_adjective_is_not_an_agreement():
    result = run("The programme signed today gives us a practical roadmap for training.")
    assert not any("roadmap" in a.name.lower() for a in result.agreements)


def test_the_alliance_without_nato_named_is_not_nato():
    result = run("Modernizing the Alliance\n\nThe Philippines and the United States reaffirmed their alliance. "
                 "Both Allies will expand exercises.", publisher="Example Ministry")
    assert "org/nato" not in result.entities


def test_the_alliance_in_a_nato_text_is_nato():
    result = run("NATO leaders met today. The Alliance will expand exercises.", publisher="Example Ministry")
    assert "org/nato" in result.entities


def test_partners_of_an_organization_after_qualifiers():
    result = run("Japan, New Zealand and Australia are close and valued partners of NATO.")
    found = partners(result)
    assert {frozenset({"org/nato", k}) for k in ("state/jpn", "state/nzl", "state/aus")} <= found
    assert frozenset({"state/jpn", "state/nzl"}) not in found


def test_two_partners_of_an_organization_are_not_partners_of_each_other():
    result = run("Jordan and Mauritania are long-standing partners of NATO.")
    found = partners(result)
    assert frozenset({"org/nato", "state/jor"}) in found and frozenset({"org/nato", "state/mrt"}) in found
    assert frozenset({"state/jor", "state/mrt"}) not in found


def test_speaker_label_is_not_the_subject():
    result = run("NATO Secretary General Mark Rutte: Poland is a model Ally. The European Union is an essential "
                 "partner in this work.", genre="transcript", publisher="NATO")
    assert ("state/pol", "org/nato") in triples(result, MEMBER)
    assert frozenset({"org/nato", "org/european-union"}) in partners(result)


def test_allies_alone_are_still_nato():
    assert "org/nato" in run("Allies agreed to do more. The Alliance will adapt.").entities
