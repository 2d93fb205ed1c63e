"""General extraction rules, each on a few sentences written for the test.

The texts here are invented; they exercise rules of the genre (forms of actor
names, posts, agreements, dates, relations, coreference), not the development set.
"""

from __future__ import annotations

import pytest

from pactgraph.extract import extract
from pactgraph.namespaces import ID, ORG, PACT, RDFS
from pactgraph.sources import source_from_text
from pactgraph.summary import summarize


def run(body: str, **meta):
    header = "".join(f"{k}: {v}\n" for k, v in meta.items())
    text = f"---\n{header}---\n{body}" if header else body
    return extract(source_from_text(text, name="test.txt"))


def actors(result) -> set[str]:
    return {a["id"] for a in summarize(result)["actors"]}


def triples(result, predicate: str) -> set[tuple[str, str]]:
    return {(s.subject.removeprefix(ID), s.obj.removeprefix(ID)) for s in result.statements
            if s.predicate == predicate and isinstance(s.obj, str)}


def concepts(result) -> set[str]:
    return set(summarize(result)["concepts"])


def test_every_quote_is_exact():
    body = ("NATO and Japan signed a Joint Declaration on 2 April 2014 in Tokyo. Japan's troops served in the "
            "NATO-led ISAF. Both sides are committed to democracy and the rule of law.")
    result = run(body, title="NATO and Japan sign declaration", date="2014-04-02")
    evidence = [e for s in result.statements for e in s.evidence]
    assert evidence
    for e in evidence:
        assert result.source.text[e.start:e.end] == e.quote
        assert 0 < e.confidence <= 1 and e.rule


# -- actors ---------------------------------------------------------------------------


@pytest.mark.parametrize("sentence,expected", [
    ("Japan's support matters.", "state/jpn"),
    ("The Japanese delegation arrived.", "state/jpn"),
    ("Allies agreed to do more.", "org/nato"),
    ("The Alliance will adapt.", "org/nato"),
    ("Ukrainians have shown great courage.", "state/ukr"),
    ("The AU Commission presented a report.", "org/african-union-commission"),
])
def test_actor_forms(sentence, expected):
    assert expected in actors(run(sentence))


@pytest.mark.parametrize("sentence,absent", [
    ("The headquarters are located in Rota, Spain, near the port.", "state/esp"),
    ("Tensions rose in the East and South China Seas.", "state/chn"),
    ("Trainers joined the EU Training Mission in Mali last year.", "state/mli"),
    ("Both respect the Charter of the United Nations.", "org/united-nations"),
    ("We met in Tokyo yesterday.", "state/jpn"),
    ("North America and Europe are bound together.", "state/usa"),
])
def test_no_false_actors(sentence, absent):
    assert absent not in actors(run(sentence))


def test_capitals_used_for_governments():
    found = actors(run("Beijing is building up its navy. We call on Moscow to withdraw."))
    assert {"state/chn", "state/rus"} <= found


def test_short_form_resolved_from_publisher():
    result = run("The Council today extended the mandate of Operation Atalanta until 2026.",
                 title="Council extends Atalanta", publisher="Council of the European Union", date="2024-01-10")
    assert "org/council-of-the-european-union" in actors(result)
    assert ("mission/operation-atalanta", "org/council-of-the-european-union") in triples(result, PACT + "mandatedBy")


def test_regions_and_places_are_typed_not_actors():
    summary = summarize(run("The Black Sea region and the Western Balkans matter to Brussels."))
    assert not {a["id"] for a in summary["actors"]} & {"region/western-balkans", "place/brussels"}
    assert "Western Balkans" in summary["places"]


# -- persons and posts ---------------------------------------------------------------


def persons(result) -> dict[str, set[tuple[str, str | None]]]:
    out = {}
    for p in summarize(result)["persons"]:
        out[p["name"]] = {(pos["title"], pos["in"]) for pos in p["positions"]}
    return out


def test_title_before_name_with_actor_and_honorific():
    found = persons(run("The Minister of National Defence of the Republic of Poland, Mr Jan Kowalski, arrived."))
    assert found == {"Jan Kowalski": {("Minister of National Defence", "Poland")}}


def test_family_name_first_in_capitals_and_later_surname():
    result = run("Prime Minister of Japan, Mr. SATO Haruki, met the press. Prime Minister Sato said more.")
    found = persons(result)
    assert "Haruki Sato" in found and ("Prime Minister", "Japan") in found["Haruki Sato"]
    assert len(found) == 1


def test_name_before_title_with_initial_and_suffix():
    found = persons(run("H.E. Mr. Carlos B. Santos Jr., President of the Republic of the Philippines, spoke."))
    assert found == {"Carlos B. Santos Jr.": {("President", "Philippines")}}


def test_chain_of_posts_shares_the_actor():
    found = persons(run("Estonia's Deputy Prime Minister and Minister of Defence Mart Tamm visited Riga."))
    assert found["Mart Tamm"] == {("Deputy Prime Minister", "Estonia"), ("Minister of Defence", "Estonia")}


def test_post_without_actor_takes_the_state_of_the_sentence():
    found = persons(run("In Canberra, talks continued with Foreign Minister Jane Doe of the host nation and Australia."))
    assert found["Jane Doe"] == {("Foreign Minister", "Australia")}


def test_hyphenated_given_name():
    found = persons(run("NATO Deputy Secretary General, Ambassador Jean-Luc Martin, opened the meeting."))
    assert found == {"Jean-Luc Martin": {("Deputy Secretary General", "NATO")}}


# -- agreements and dates ------------------------------------------------------------


def agreements(result) -> list[dict]:
    return summarize(result)["agreements"]


@pytest.mark.parametrize("sentence,date", [
    ("Georgia and NATO signed a Memorandum of Understanding on 2 April 2014.", "2014-04-02"),
    ("Today (3 May 2019), Georgia and NATO signed a Memorandum of Understanding.", "2019-05-03"),
    ("Georgia and NATO signed a Memorandum of Understanding on 5 Sept. 2016.", "2016-09-05"),
    ("Georgia and NATO today signed a Memorandum of Understanding.", "2018-06-01"),
])
def test_agreement_dates(sentence, date):
    found = agreements(run(sentence, title="Signing", date="2018-06-01", genre="press-release"))
    assert [(a["type"], a["date"], sorted(a["parties"])) for a in found] == \
        [("MemorandumOfUnderstanding", date, ["Georgia", "NATO"])]


def test_agreements_only_hoped_for_or_cited_are_not_concluded():
    body = ("Japan and Australia started negotiations on a Reciprocal Access Agreement. "
            "Both will implement the Paris Agreement. They stressed the importance of the Charter of the United Nations.")
    assert agreements(run(body)) == []


def test_parties_between_and_in_the_name():
    body = ("The Substantial NATO-Georgia Package, agreed in 2014, works well. "
            "Estonia signed an agreement on cyber defence between Estonia and Latvia in Tallinn on 4 June 2020.")
    found = {a["type"]: a for a in agreements(run(body))}
    assert sorted(found["PartnershipProgramme"]["parties"]) == ["Georgia", "NATO"]
    assert found["PartnershipProgramme"]["date"] is None
    assert sorted(found["Agreement"]["parties"]) == ["Estonia", "Latvia"]


def test_accession_gives_the_acceding_state_only():
    body = "Sweden's instrument of accession to the North Atlantic Treaty was deposited with the United States."
    found = agreements(run(body))
    assert [(a["type"], a["parties"]) for a in found] == [("Treaty", ["Sweden"])]


def test_joint_statement_is_the_document_itself():
    body = ("Joint Statement of Chile and Peru\n\nSantiago, 9 March 2021\n\n"
            "We, the Foreign Ministers of Chile and Peru, met today. We reaffirm our commitment to democracy.")
    found = agreements(run(body, title="Joint Statement of Chile and Peru", genre="joint-statement", date="2021-03-09"))
    assert [(a["type"], sorted(a["parties"]), a["date"]) for a in found] == [("JointStatement", ["Chile", "Peru"], "2021-03-09")]


# -- relations -----------------------------------------------------------------------


def test_leads_mandate_and_contributions():
    body = ("KFOR, led by NATO, keeps the peace in Kosovo. The Security Council extended the mandate of UNIFIL. "
            "The Council thanked troop contributors such as Italy, Ghana and Nepal. "
            "Irish soldiers have served with UNIFIL for decades.")
    result = run(body)
    assert ("org/nato", "mission/kfor") in triples(result, PACT + "leads")
    assert ("mission/unifil", "org/un-security-council") in triples(result, PACT + "mandatedBy")
    contributions = triples(result, PACT + "contributesTo")
    assert {("state/ita", "mission/unifil"), ("state/gha", "mission/unifil"), ("state/npl", "mission/unifil"),
            ("state/irl", "mission/unifil")} <= contributions


def test_leadership_from_a_mission_name():
    result = run("Kenyan troops serve in the African Union Mission in Somalia.")
    assert ("org/african-union", "mission/amisom") in triples(result, PACT + "leads")
    assert ("state/ken", "mission/amisom") in triples(result, PACT + "contributesTo")
    assert "state/som" not in actors(result)


def test_support_to_a_state():
    result = run("Canada and Norway will continue to provide military and humanitarian support to Ukraine. "
                 "France reiterated its support for Brazil's membership of the Council.")
    found = triples(result, PACT + "contributesTo")
    assert {("state/can", "state/ukr"), ("state/nor", "state/ukr")} <= found
    assert ("state/fra", "state/bra") not in found


def test_partners_pairs_and_lists():
    body = ("Chile and Peru are strategic partners. Mongolia is one of NATO's partners across the globe, "
            "a group that also includes Australia and Japan.")
    found = triples(run(body), PACT + "partnerOf")
    assert {("state/chl", "state/per"), ("org/nato", "state/mng"), ("org/nato", "state/aus"),
            ("org/nato", "state/jpn")} <= found


def test_membership_and_prospects():
    body = ("Finland joined NATO in 2023. Georgia will become a member of NATO. "
            "Poland and Lithuania, as Allies and as members of the European Union, stand together.")
    found = triples(run(body), ORG + "memberOf")
    assert {("state/fin", "org/nato"), ("state/pol", "org/nato"), ("state/ltu", "org/european-union")} <= found
    assert ("state/geo", "org/nato") not in found


def test_questions_assert_no_relations():
    assert not triples(run("Will Serbia join the European Union soon?"), ORG + "memberOf")


# -- coreference and concepts --------------------------------------------------------


def test_your_country_in_a_speech_is_the_host():
    result = run("I thank your country for its steadfast support to Ukraine.",
                 title="Speech in Oslo", place="Oslo", genre="speech", date="2024-01-01")
    assert ("state/nor", "state/ukr") in triples(result, PACT + "contributesTo")


def test_our_two_countries_are_the_main_actors():
    body = "Joint Statement of Chile and Peru\n\nThe strategic partnership between our two countries is strong."
    result = run(body, title="Joint Statement of Chile and Peru", genre="joint-statement", date="2021-03-09")
    assert ("state/chl", "state/per") in triples(result, PACT + "partnerOf")


def test_concept_variants_and_coordination():
    found = concepts(run("Chile and Peru will deepen capacity-building and cooperation in countering terrorism and violent "
                         "extremism, and address food and energy insecurity."))
    assert {"area/capacity-building", "area/counter-terrorism", "area/countering-violent-extremism",
            "challenge/violent-extremism", "challenge/food-insecurity"} <= found


def test_generic_words_and_names_are_not_concepts():
    found = concepts(run("The Peace and Security Council met. Soldiers gave their lives in the cause of peace. "
                         "Freedom of movement was restricted."))
    assert not found & {"value/peace", "value/freedom"}


def test_summary_is_readable_json():
    result = run("NATO and Japan signed a Joint Declaration on 2 April 2014.")
    summary = summarize(result)
    (agreement,) = summary["agreements"]
    assert agreement["parties"] == ["NATO", "Japan"]
    found = agreement["evidence"]  # how the agreement was found, and the sentence that shows it
    assert found["rule"] == "agreement-genre-pattern" and found["quote"] == result.source.text[found["start"]:found["end"]]
    assert found["quote"] == "NATO and Japan signed a Joint Declaration on 2 April 2014."
    assert {a["wikidata"] for a in summary["actors"]} >= {"Q7184", "Q17"}
    relation = summary["relations"][0]
    assert relation["quote"] and relation["start"] < relation["end"]
    labels = {s.obj[0] for s in result.statements if s.predicate == RDFS + "label" and isinstance(s.obj, tuple)}
    assert "Joint Declaration" in labels


# -- robustness ----------------------------------------------------------------------

_PIECES = ["NATO", "Japan's", "Allies", "the Alliance", "Mr", "President", "Minister of Defence of", "Prime Minister",
           "KISHIDA", "Jr.", "R.", "El-Amine", "signed", "a Memorandum of Understanding", "between", "and", ",", "-",
           "–", "(", ")", "?", "\n", "\n\n", "Q:", "From", "The Council", "the operation", "It", "We,", "Today",
           "on 5 Sept. 2016", "23/05/2018", "UNIFIL", "troop contributors such as", "Italy", "peace", "Beijing",
           "in Rota, Spain", "support to Ukraine", "member of", "the EU", "partners", "led by", "mandate of"]


@pytest.mark.parametrize("seed", range(25))
def test_any_word_soup_extracts_with_exact_quotes(seed):
    import random

    rng = random.Random(seed)
    body = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 80)))
    header = rng.choice([{}, {"genre": "joint-statement", "title": "Joint Statement of NATO and Japan",
                              "date": "2020-01-01", "place": "Tokyo"}, {"genre": "speech", "place": "Oslo"}])
    result = run(body + " end.", **header)
    for statement in result.statements:
        for e in statement.evidence:
            assert result.source.text[e.start:e.end] == e.quote
    summarize(result)
