"""Rules added in pactgraph-rules/0.25 (session 20), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreements_by_name, run


def test_one_agreement_named_in_a_headline_and_again_as_new_is_recorded_once():
    # the headline's cluster and the body's "a new …" cluster record the same name, parties and year: one node,
    # which must not be listed twice (it was, before 0.25, and counted as a wrong second agreement)
    body = ("Norway and Finland sign new Defence Cooperation Agreement in Helsinki\n\n"
            "Norwegian and Finnish units will find it easier to train together under a new agreement signed in "
            "Helsinki.\n\nNorway and Finland today signed a new Defence Cooperation Agreement, which updates the legal "
            "basis of their cooperation.\n\nThe agreement covers training, exercises and the status of forces.")
    for use_model in (False, True):
        result = run(body, use_model=use_model, title="Norway and Finland sign new Defence Cooperation Agreement",
                     publisher="Norwegian Ministry of Defence", date="2024-10-08", genre="press-release")
        assert agreements_by_name(result)["Defence Cooperation Agreement"] == [["state/fin", "state/nor"]]
        assert len({a.iri for a in result.agreements}) == len(result.agreements)


def test_two_agreements_of_one_name_and_parties_are_told_apart_by_their_years():
    # a year without a day is part of the IRI, and the one a new memorandum replaces is not dated by the new one's
    # "signed today": two nodes, where until 0.25 both had the IRI memorandum-gha-tgo
    body = ("The memorandum that Ghana and Togo signed today replaces the one that the two ministries signed in Lomé "
            "in 2017.")
    iris = sorted(a.iri.rsplit("/", 1)[-1] for a in run(body, date="2026-03-01").agreements)
    assert iris == ["memorandum-gha-tgo-2017", "memorandum-gha-tgo-2026"]


def test_a_sentence_ending_on_personnel_from_does_not_fail():
    # "peacekeepers from" closing a sentence (a heading, or a line of a wrapped text) raised an IndexError until 0.25
    result = run("The Force Commander of UNIFIL thanked the peacekeepers from", date="2025-01-01")
    assert "mission/unifil" in {e.removeprefix("https://w3id.org/pactgraph/id/") for e in result.entities}


def test_a_text_without_a_header_speaks_for_the_actor_it_names_far_more_than_any_other():
    from pactgraph.extract import extract_with_context
    from pactgraph.sources import source_from_text

    body = ("Japan and Australia hold defence ministers' meeting\n\nTokyo, 5 May 2025\n\nMinister of Defense Nakatani "
            "Gen met the Australian Deputy Prime Minister in Tokyo. Japan will deepen its cooperation with Australia, "
            "and Japan welcomed the progress of the Reciprocal Access Agreement. Japan and Australia agreed to hold "
            "the next meeting in Canberra. Japan also briefed on its security policy.")
    ctx, result = extract_with_context(source_from_text(body, name="raw.txt"), None)
    assert ctx.publisher == ["state/jpn"] and ctx.own_side == ["state/jpn"]
    # (read as a Japanese text: the family name first)
    assert [p.name for p in result.persons.values()] == ["Gen Nakatani"]
    balanced = body.replace("Japan also briefed on its security policy.", "Australia briefed on its policy. "
                            "Australia and Japan will meet again.")
    assert extract_with_context(source_from_text(balanced, name="raw.txt"), None)[0].publisher == []
    headed = "---\npublisher: Department of Defence of Australia\n---\n" + body
    assert extract_with_context(source_from_text(headed, name="t.txt"), None)[0].publisher == ["state/aus"]


def test_a_year_to_come_is_not_in_the_iri_and_a_long_name_keeps_its_parties_and_year():
    valid = run("Japan and Australia signed a Memorandum of Understanding on defence cooperation valid until 2030.",
                date="2024-05-01")
    assert [a.iri.rsplit("/", 1)[-1] for a in valid.agreements] == [
        "memorandum-of-understanding-on-defence-cooperation-aus-jpn"]
    name = ("Agreement on Cooperation in the Field of Defence Equipment, Technology Transfer, Logistics Support, Joint "
            "Training and Exercises and Maritime Security in the")
    body = (f"On 3 May 2020, Japan and Australia signed the {name} Pacific. On 9 June 2021, India and France "
            f"signed the {name} Indian Ocean.")
    found = run(body, date="2024-05-01").agreements
    assert len(found) == 2 and len({a.iri for a in found}) == 2
    assert all(len(a.iri.rsplit("/", 1)[-1]) <= 120 for a in found)
    assert {a.iri.rsplit("/", 1)[-1][-12:] for a in found} == {"aus-jpn-2020", "fra-ind-2021"}
