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
