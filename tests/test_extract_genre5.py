"""Extraction rules added after the fifth held-out set, whose texts state agreements in plain words rather
than communiqué formulas: a lower-case agreement named by its topic, with its owners before it, and a
concluding verb in the passive after a clause that follows the name. Each test runs invented sentences,
not the texts of the gold sets, through :func:`pactgraph.extract.extract`.
"""

from __future__ import annotations

from extract_helpers import run

from pactgraph.namespaces import ID


def agreements(result) -> dict[str, tuple[str, frozenset[str]]]:
    return {a.name: (a.kind, frozenset(p.removeprefix(ID) for p in a.parties)) for a in result.agreements}


def test_a_lower_case_agreement_named_by_its_topic():
    result = run("Chile and Peru met in 2019. Two years on came the signing of an agreement on the exchange of "
                 "hydrographic data, which the navies had long asked for.")
    found = agreements(result)
    assert found["agreement on the exchange of hydrographic data"] == ("Agreement", frozenset({"state/chl", "state/per"}))


def test_owners_before_a_lower_case_agreement_are_its_parties():
    result = run("Ghana's agreement with Nigeria on the training of coast guards, concluded in 2015, still works.")
    assert agreements(result)["agreement on the training of coast guards"][1] == frozenset({"state/gha", "state/nga"})
    result = run("The Polish-Lithuanian agreement on joint air patrols, inked in 2021, was praised.")
    assert agreements(result)["agreement on joint air patrols"][1] == frozenset({"state/pol", "state/ltu"})


def test_a_topic_needs_content_and_an_owner_or_article():
    # no topic after "agreement": nothing new; a bare lower-case agreement after an adjective is not named
    result = run("Kenya and Uganda welcomed broad agreement among the delegates on the need to act.")
    assert not result.agreements


def test_a_passive_conclusion_after_an_inserted_clause():
    result = run("The ministers of Norway and Sweden met in Oslo. A Roadmap on Joint Search and Rescue, drafted "
                 "by officials over the winter, was adopted by the two ministers.")
    assert agreements(result)["Roadmap on Joint Search and Rescue"] == ("ActionPlan",
                                                                         frozenset({"state/nor", "state/swe"}))


def test_a_passive_verb_that_does_not_conclude_keeps_it_out():
    result = run("The ministers of Norway and Sweden met in Oslo. A Roadmap on Joint Search and Rescue, drafted "
                 "by officials over the winter, was discussed by the two ministers.")
    assert not result.agreements
