"""Rules added in pactgraph-rules/0.7: agreement parties stated as a counted group ("the three governments")
and relations in plain wording ("has sent soldiers to", "M, which X leads", "have worked together as partners")."""

from __future__ import annotations

from extract_helpers import partners, run, triples

PACT = "https://w3id.org/pactgraph/ontology#"


def _parties(result, name_word: str) -> set[str]:
    agreement = next(a for a in result.agreements if name_word in a.name)
    return {p.rsplit("/id/", 1)[1] for p in agreement.parties}


def test_counted_governments_take_the_list_of_the_sentence_before():
    body = ("The foreign ministers of Chile, Peru and Colombia met in Lima today. At the close of the talks, "
            "the three governments adopted a Joint Statement on Fisheries Control.")
    result = run(body, date="2025-03-02", publisher="Ministry of Foreign Affairs (Peru)")
    assert _parties(result, "Fisheries") == {"state/chl", "state/per", "state/col"}


def test_counted_group_needs_a_list_of_exactly_that_many():
    body = ("Officials from Canada and Mexico met in Ottawa. "
            "Today the four governments signed a Memorandum of Understanding on Border Data.")
    result = run(body, date="2025-03-02")
    assert len(_parties(result, "Border")) != 4


def test_sent_soldiers_and_ships_to_a_state_or_mission():
    result = run("Norway and the Netherlands have also sent soldiers to Lithuania. Japan has sent a destroyer "
                 "and a patrol aircraft to the Combined Maritime Forces.")
    assert triples(result, PACT + "contributesTo") >= {
        ("state/nor", "state/ltu"), ("state/nld", "state/ltu"), ("state/jpn", "mission/combined-maritime-forces")}
    assert not triples(run("Germany sent a message to the United States."), PACT + "contributesTo")


def test_mission_which_an_actor_leads():
    result = run("Lithuanian soldiers have also served in KFOR, which NATO leads in Kosovo.")
    assert ("org/nato", "mission/kfor") in triples(result, PACT + "leads")
    assert ("state/ltu", "mission/kfor") in triples(result, PACT + "contributesTo")
    assert not triples(run("Italy praised UNIFIL, which Ireland visited last year."), PACT + "leads")


def test_worked_together_as_partners():
    result = run("Lithuania and Poland have worked together as partners since 1994.")
    assert frozenset({"state/ltu", "state/pol"}) in partners(result)
    assert not partners(run("Lithuania and Poland have worked together on rail links since 1994."))
