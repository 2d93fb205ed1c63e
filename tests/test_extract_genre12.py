"""Agreement rules added in pactgraph-rules/0.14 (session 9), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreements_by_name, run


def test_a_plural_followed_by_years_is_one_agreement_per_year():
    body = ("Chile and Peru recalled the fisheries agreements of 1952 and 1954, which still govern their "
            "cooperation at sea.")
    found = agreements_by_name(run(body, date="2026-07-01"))
    assert found == {"fisheries agreement of 1952": [["state/chl", "state/per"]],
                     "fisheries agreement of 1954": [["state/chl", "state/per"]]}


def test_years_still_to_come_do_not_make_agreements():
    body = "Chile and Peru discussed the fisheries agreements of 2030 and 2031."
    assert not run(body, date="2026-07-01").agreements


def test_a_plural_followed_by_topics_is_one_agreement_per_topic_when_concluded():
    body = ("Four memoranda of understanding, on hydrography, on cooperation in military medicine, and on "
            "the training of cadets, were exchanged by the defence ministers of Ghana and Togo.")
    found = agreements_by_name(run(body, date="2026-07-01"))
    assert found == {f"memorandum of understanding on {topic}": [["state/gha", "state/tgo"]]
                     for topic in ("hydrography", "cooperation in military medicine", "the training of cadets")}


def test_topics_of_a_plural_not_concluded_make_no_agreements():
    body = ("Ghana and Togo will negotiate two memoranda of understanding, on hydrography and on military "
            "medicine, next year.")
    assert not run(body, date="2026-07-01").agreements


def test_lower_case_security_and_defence_partnerships_signed_one_by_one_past_a_time_phrase():
    body = ("The EU signed its first security and defence partnerships earlier this year: with Iceland and with "
            "Chile in May, and with Ghana at the start of this month.")
    result = run(body, publisher="Council of the European Union", date="2026-07-01")
    found = agreements_by_name(result)["Security and Defence Partnership"]
    assert sorted(map(tuple, found)) == sorted(
        tuple(sorted(("org/european-union", s))) for s in ("state/isl", "state/chl", "state/gha"))


def test_partners_in_a_next_sentence_about_talks_are_not_partnerships():
    body = ("The EU committed itself to building security and defence partnerships with its neighbours. Further "
            "partnerships of this type, with Iceland and Chile among others, are under discussion.")
    result = run(body, publisher="Council of the European Union", date="2026-07-01")
    assert not result.agreements
