"""Rules added in pactgraph-rules/0.23 (session 18), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, run

_RELEASE = dict(title="Minister receives his counterpart", publisher="Ministry of Foreign Affairs of Oman",
                date="2025-05-20", genre="press-release")


def test_an_arrangement_two_sides_concluded_in_a_relative_clause():
    body = ("The Minister of Defence of Malaysia and the Secretary of State for Defence of the United Kingdom signed "
            "the memorandum in Kuala Lumpur. The memorandum replaces the arrangement that the two ministries "
            "concluded in 2011.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "British High Commission Kuala Lumpur"}))
    assert found["Arrangement"] == ["state/gbr", "state/mys"]


def test_an_understanding_two_capitals_reached():
    body = ("The coalition's military mission will come to an end under the understanding that Baghdad and "
            "Washington reached last September.")
    found = agreement_parties(run(body, **_RELEASE))
    assert found["Understanding"] == ["state/irq", "state/usa"]


def test_a_capital_and_a_movement_the_register_lacks_reached_an_understanding():
    body = ("In May, after quiet contacts in Muscat, Washington and Ansar Allah reached an understanding under which "
            "the attacks on shipping stopped.")
    found = agreement_parties(run(body, **_RELEASE))
    assert found["Understanding"] == ["state/usa"]


def test_an_understanding_that_is_only_a_view_is_no_agreement():
    body = ("There is an understanding that the talks will resume in the autumn, and the two ministers reached a "
            "common understanding of the threats in the Gulf.")
    assert agreement_parties(run(body, **_RELEASE)) == {}
