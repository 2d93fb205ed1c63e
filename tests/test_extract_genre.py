"""Extraction rules for forms the genre uses and the first rules missed.

Each test runs a few invented sentences (not the texts of the gold sets) through
:func:`pactgraph.extract.extract`: posts and persons (family names only, two states
in one sentence, counterparts, glosses), partner lists that continue across
sentences, memberships, contributions, missions and their mandates, agreements and
concepts.
"""

from __future__ import annotations

import pytest
from extract_helpers import partners, run, triples

from pactgraph.extract.holders import OFFICE_HOLDERS, find_holder, holder_actor
from pactgraph.extract.pipeline import _head_word, get_gazetteer
from pactgraph.namespaces import ID, ORG, PACT
from pactgraph.summary import summarize

PARTNER, MEMBER, LEADS = PACT + "partnerOf", ORG + "memberOf", PACT + "leads"
MANDATED, CONTRIBUTES = PACT + "mandatedBy", PACT + "contributesTo"


def posts(result) -> set[tuple[str, str | None]]:
    names = {p.iri: p.name for p in result.persons.values()}
    return {(names[p.holder], p.organization.removeprefix(ID) if p.organization else None) for p in result.positions}


def titles(result) -> dict[str, str]:
    names = {p.iri: p.name for p in result.persons.values()}
    return {names[p.holder]: p.title for p in result.positions}


def concepts(result) -> set[str]:
    return set(summarize(result)["concepts"])


def agreements(result) -> dict[str, tuple[list[str], str | None]]:
    return {a.name: (sorted(p.removeprefix(ID) for p in a.parties), a.date) for a in result.agreements}


def quotes_exact(result) -> bool:
    return all(result.source.text[e.start:e.end] == e.quote for s in result.statements for e in s.evidence)


# -- short forms, venues -----------------------------------------------------------------


def test_short_form_head_is_the_first_noun_of_a_name():
    assert _head_word("Council of the European Union") == "Council"
    assert _head_word("African Union Transition Mission in Somalia") == "Mission"
    assert _head_word("Union for the Mediterranean") == "Union"
    result = run("The High Representative of the Union for Foreign Affairs and Security Policy, Ana Ruiz, welcomed "
                 "the decision.", publisher="Council of the European Union", date="2023-05-02")
    assert ("Ana Ruiz", "org/european-union") in posts(result)


@pytest.mark.parametrize("body,expected", [
    ("The statement was issued by Council President Amara Diallo after the Security Council met.",
     ("Amara Diallo", "org/un-security-council")),
    ("Commission President Lena Brandt met Germany's Chancellor in Brussels after talks with the European Union.",
     ("Lena Brandt", "org/european-commission")),
])
def test_bare_head_before_a_post_is_a_short_form(body, expected):
    assert expected in posts(run(body, date="2023-01-10"))


def test_a_state_after_a_hyphenated_venue_is_an_address():
    result = run("Remarks by Minister of Defence Tomas Varga at the Halifax-Atlantic Security Forum, Canada, "
                 "18 November 2023\n\nThank you.", publisher="Ministry of Defence of Hungary", genre="speech")
    assert ("Tomas Varga", "state/hun") in posts(result)
    assert "state/can" not in {a["id"] for a in summarize(result)["actors"]}


# -- persons and posts -------------------------------------------------------------------


@pytest.mark.parametrize("body,date,expected", [
    ("President Putin's troops crossed the border.", "2015-03-01", ("Vladimir Putin", "state/rus")),
    ("Prime Minister Putin visited Minsk.", "2010-06-01", ("Vladimir Putin", "state/rus")),
    ("Chancellor Merkel hosted the conference.", "2010-06-01", ("Angela Merkel", "state/deu")),
    ("President von der Leyen presented the package.", "2022-03-01",
     ("Ursula von der Leyen", "org/european-commission")),
    ("Secretary-General Guterres called for a ceasefire.", "2023-10-20", ("António Guterres", "org/united-nations")),
])
def test_a_post_with_a_family_name_only_is_a_known_holder(body, date, expected):
    result = run(body, date=date)
    assert expected in posts(result)
    assert quotes_exact(result)


@pytest.mark.parametrize("body,date", [
    ("President Lee opened the session.", "2015-03-01"),  # not in the table: no full name to give
    ("President Trump spoke at the summit.", "2023-05-01"),  # not in office on that date
    ("French President Putin is a mistake.", "2015-03-01"),  # the stated actor is not the holder's
])
def test_a_family_name_without_one_known_holder_is_no_person(body, date):
    assert run(body, date=date).persons == {}


def test_find_holder_uses_post_and_date():
    assert find_holder("Bush", "President", None, "2005-01-01").name == "George W. Bush"
    assert find_holder("Li", "Premier", None, "2015-01-01").name == "Li Keqiang"
    assert find_holder("Li", "Premier", None, "2024-01-01").name == "Li Qiang"
    assert find_holder("Li", "Premier", None, None) is None  # two holders: no answer without a date
    assert find_holder("Rutte", "Prime Minister", None, "2015-01-01").actor == "state/nld"
    assert find_holder("Rutte", "Secretary General", None, "2025-01-01").actor == "org/nato"
    assert holder_actor("Salva Kiir", "President", "2024-01-01") == "state/ssd"
    for holder in OFFICE_HOLDERS:
        assert holder.end is None or holder.start < holder.end, holder


def test_several_states_the_other_person_holds_a_post_in_one():
    body = ("Kenya's Minister of Defence, Amina Odhiambo, arrived in Addis Ababa on Monday. During her stay, "
            "Minister Odhiambo called on President Tesfaye Alemu and Prime Minister Dawit Bekele, who praised the "
            "ties between Kenya and Ethiopia.")
    result = run(body, publisher="Ministry of Defence of Kenya", date="2023-03-06")
    assert {("Tesfaye Alemu", "state/eth"), ("Dawit Bekele", "state/eth"), ("Amina Odhiambo", "state/ken")} \
        <= posts(result)


def test_several_states_the_state_the_text_is_about():
    body = ("The situation in Somalia was discussed. Somalia's institutions need support. Members praised the "
            "progress of Somalia. They welcomed the commitment by President Ahmed Warsame to hold elections, and the "
            "support of Kenya for the Somali peace process.")
    assert ("Ahmed Warsame", "state/som") in posts(run(body, publisher="United Nations", date="2023-01-01"))


def test_several_states_not_the_publishers_own_by_default():
    body = ("Japan and Chile held talks. Japan will host the next round. Japan welcomed it. President Ana Rojas "
            "said Chile and Japan share values.")
    assert ("Ana Rojas", "state/jpn") not in posts(run(body, publisher="Ministry of Foreign Affairs of Japan"))


def test_names_on_both_sides_of_posts():
    body = ("At the invitation of General Tran Van Minh, Minister of National Defence of Viet Nam, Mr Kofi Mensah, "
            "Minister for Defence of Ghana, visited Hanoi.")
    assert {("Tran Van Minh", "state/vnm"), ("Kofi Mensah", "state/gha")} <= posts(run(body))


def test_a_gloss_in_brackets_after_a_post():
    result = run("Shri Arjun Mehta, Raksha Mantri (Minister of Defence) of the Republic of India, arrived today.")
    assert ("Arjun Mehta", "state/ind") in posts(result)
    assert titles(result)["Arjun Mehta"] == "Minister of Defence"


def test_a_post_of_an_organization_with_a_topic():
    result = run("The Special Envoy of the IGAD Chair on South Sudan, Lual Deng, briefed the Council.")
    assert ("Lual Deng", "org/igad") in posts(result)


def test_a_counterpart_holds_the_same_post_in_another_state():
    body = "The Minister of Defence of Poland, Ewa Nowak, met her Ghanaian counterpart, Mr Kwame Asante, in Warsaw."
    result = run(body)
    assert ("Kwame Asante", "state/gha") in posts(result)
    assert titles(result)["Kwame Asante"] == "Minister of Defence"


def test_a_name_with_a_form_of_address_only_is_no_person():
    result = run("Dr Helena Park opened the debate. The Foreign Minister of Chile, Luis Soto, spoke first.")
    assert {p.name for p in result.persons.values()} == {"Luis Soto"}


# -- coreference and speakers ------------------------------------------------------------------


def test_our_two_countries_said_by_one_side():
    body = ("Speech by the Foreign Minister of Norway, Kari Lund\n\nWe work with many partners. Canada is one of "
            "them: last year our two countries signed a memorandum of understanding on Arctic research.")
    result = run(body, publisher="Government of Norway", genre="speech", speaker="Kari Lund", place="Tokyo")
    parties = {p for a in result.agreements for p in a.parties}
    assert parties == {ID + "state/nor", ID + "state/can"}


def test_the_speaker_comes_from_a_title_line():
    body = ("Speech by NATO Secretary General Piet de Vries at the University of Oslo\n\n"
            "We are proud of our partners, such as Japan and Australia.")
    result = run(body, publisher="NATO", genre="speech")
    assert {frozenset({"org/nato", "state/jpn"}), frozenset({"org/nato", "state/aus"})} <= partners(result)


def test_its_after_a_sentence_headed_by_a_mission():
    body = ("The Council extended the mandate. Launched in 2016, Operation Sea Guardian patrols the central "
            "Mediterranean. Its tasks include contributing to the capacity building of Libya.")
    result = run(body, publisher="Council of the European Union")
    assert ("org/council-of-the-european-union", "state/lby") not in triples(result, CONTRIBUTES)


# -- partners and members ------------------------------------------------------------------------


@pytest.mark.parametrize("body,owner,listed", [
    ("The EU's strategic partners remain central to its foreign policy. They are Brazil, India and Japan.",
     "org/european-union", {"state/bra", "state/ind", "state/jpn"}),
    ("NATO works with partners who share its values. Colombia is one of them. Mongolia and Iraq are others.",
     "org/nato", {"state/col", "state/mng", "state/irq"}),
])
def test_a_list_of_partners_continued_in_the_next_sentences(body, owner, listed):
    result = run(body)
    assert {frozenset({owner, k}) for k in listed} <= partners(result)
    assert quotes_exact(result)


def test_a_counted_group_of_partners_refers_back():
    body = ("Speech by NATO Secretary General Piet de Vries in Lima\n\nThe leaders of Chile, Peru and Colombia "
            "attended the summit. Together, our three Pacific partners and the Allies share a commitment to democracy.")
    result = run(body, publisher="NATO", genre="speech")
    assert {frozenset({"org/nato", k}) for k in ("state/chl", "state/per", "state/col")} <= partners(result)


def test_no_partners_from_a_loose_phrase_after_partners():
    body = ("As a member of NATO and of the European Union, Poland supports closer ties between the Alliance and its "
            "partners in the region, and the EU's own engagement there.")
    result = run(body)
    assert not partners(result)
    assert {("state/pol", "org/nato"), ("state/pol", "org/european-union")} <= triples(result, MEMBER)


def test_as_a_close_partner():
    result = run("As a close partner, Sweden has worked alongside Allies for thirty years.")
    assert frozenset({"state/swe", "org/nato"}) in partners(result)


def test_membership_of_a_framework_with_it_and_a_distant_group():
    body = ("Georgia is a close partner. It joined the Alliance's Partnership for Peace in 1994, a programme that "
            "today also includes Austria, Ireland and Switzerland.")
    members = triples(run(body), MEMBER)
    assert ("state/geo", "org/partnership-for-peace") in members
    assert ("state/geo", "org/nato") not in members
    assert {("state/aut", "org/partnership-for-peace"), ("state/che", "org/partnership-for-peace")} <= members


def test_one_of_the_partners_of_a_framework():
    body = "Jordan is one of NATO's most active partners in the Mediterranean Dialogue."
    assert ("state/jor", "org/mediterranean-dialogue") in triples(run(body), MEMBER)


def test_members_of_a_council_are_not_the_states_it_names():
    body = "The members of the Security Council condemned the attack on peacekeepers from Chad and Egypt."
    assert not {s for s, o in triples(run(body), MEMBER) if o == "org/un-security-council"}


def test_allies_named_in_apposition():
    members = triples(run("I count on the two remaining Allies, Slovakia and Croatia, to ratify."), MEMBER)
    assert {("state/svk", "org/nato"), ("state/hrv", "org/nato")} <= members


# -- contributions, leading, mandates -------------------------------------------------------------


@pytest.mark.parametrize("body,expected", [
    ("A Chilean Navy frigate took part in NATO's Operation Ocean Shield in 2014.",
     ("state/chl", "mission/operation-ocean-shield")),
    ("One peacekeeper from Ghana was injured in an attack on a UNIFIL patrol.", ("state/gha", "mission/unifil")),
    ("Spain, France and Italy have provided ships, aircraft and staff to Operation Irini.",
     ("state/fra", "mission/operation-irini")),
    ("The report praised Uruguay, which has deployed engineers to MONUSCO since 2004.", ("state/ury", "mission/monusco")),
    ("Estonia is the second-largest supporter of Ukraine after Latvia.", ("state/lva", "state/ukr")),
    ("The Line of Credit extended by Japan to the Philippines funded ten patrol vessels.", ("state/jpn", "state/phl")),
    ("Recalls the mandate of ATMIS; thanks the European Union for its support through the Peace Facility.",
     ("org/european-union", "mission/atmis")),
])
def test_contributions(body, expected):
    result = run(body)
    assert expected in triples(result, CONTRIBUTES)
    assert quotes_exact(result)


def test_the_mandating_body_does_not_contribute_by_its_support():
    result = run("The Security Council reiterated its full support for UNMISS and its personnel.")
    assert ("org/un-security-council", "mission/unmiss") not in triples(result, CONTRIBUTES)


def test_a_mission_named_after_its_owner_and_place_and_its_short_name():
    body = ("The Council prolonged the mandate of the European Union's naval operation in the Mediterranean, "
            "Operation Irini, until 2027. Irini acts under United Nations Security Council resolution 2292.")
    result = run(body, publisher="Council of the European Union")
    assert ("org/european-union", "mission/operation-irini") in triples(result, LEADS)
    assert {("mission/operation-irini", "org/council-of-the-european-union"),
            ("mission/operation-irini", "org/un-security-council")} <= triples(result, MANDATED)


def test_its_own_missions_listed():
    body = "The EU is a partner of the AU, and its own CSDP missions, such as EUTM Mali and EUCAP Sahel Niger, help."
    assert {("org/european-union", "mission/eutm-mali"), ("org/european-union", "mission/eucap-sahel-niger")} \
        <= triples(run(body), LEADS)


# -- agreements -----------------------------------------------------------------------------------


def test_a_vision_statement_and_a_memorandum():
    body = ("Hanoi, 5 May 2023\n\nThe two Ministers of Japan and Viet Nam signed the Joint Vision Statement on Defence "
            "Cooperation and a Memorandum of Understanding on Logistics Support.")
    found = agreements(run(body, date="2023-05-05"))
    assert any(name.startswith("Joint Vision Statement") for name in found)
    assert all(parties == ["state/jpn", "state/vnm"] for parties, _ in found.values())


def test_negotiations_elsewhere_in_the_sentence_do_not_block_an_agreement():
    body = ("We stressed the implementation of the Treaty of Lisbon, adopted by the European Union in 2007, and "
            "welcomed progress in negotiations on a trade pact.")
    assert "Treaty of Lisbon" in agreements(run(body))


def test_accession_of_several_states():
    found = agreements(run("We welcomed the accession of Chile and Peru to the Treaty of Amity and Cooperation."))
    assert found["Treaty of Amity and Cooperation"][0] == ["state/chl", "state/per"]


def test_organizations_two_states_belong_to_do_not_sign_their_memorandum():
    body = ("Brazil and South Africa recalled that they are members of BRICS and of the G20. They signed a "
            "Memorandum of Understanding on Diplomatic Training.")
    found = agreements(run(body, date="2023-08-21"))
    assert found["Memorandum of Understanding on Diplomatic Training"][0] == ["state/bra", "state/zaf"]


def test_parties_urged_to_implement_an_agreement():
    body = ("The Council urged the Sudanese parties to implement the Jeddah Declaration, signed on 11 May 2023, "
            "without delay.")
    found = agreements(run(body, publisher="United Nations"))
    assert found["Jeddah Declaration"] == (["state/sdn"], "2023-05-11")


# -- concepts -------------------------------------------------------------------------------------


def test_an_operation_named_by_its_task_names_the_area_only():
    found = concepts(run("Japan contributed to the EU's counter-piracy Operation Atalanta."))
    assert "area/counter-piracy" in found and "challenge/piracy" not in found
    assert "challenge/piracy" in concepts(run("India and Kenya will cooperate in countering piracy."))


def test_training_and_exercises_in_a_list_of_areas():
    found = concepts(run("Chile and Peru agreed to cooperate in training, cyber defence and exercises."))
    assert {"area/military-education-and-training", "area/cyber-defence", "area/military-exercises"} <= found
    assert "area/military-education-and-training" not in concepts(run("Chile and Peru visited the training centre."))


@pytest.mark.parametrize("sentence,concept", [
    ("India and Ghana co-chair the Working Group on Humanitarian Mine Action.", "area/demining"),
    ("India and Ghana exchanged views on regional issues.", "area/political-dialogue"),
    ("The centre exchanges information with Estonia and Finland.", "area/intelligence-sharing"),
    ("Peru and Chile will settle disputes without the threat or use of force.", "value/non-use-of-force"),
    ("Japan and Canada called for the complete denuclearization of the Korean Peninsula.",
     "area/arms-control-and-non-proliferation"),
    ("Kenya and Ghana called for free, fair and credible elections.", "value/democracy"),
    ("The agreement between Japan and Germany covers the reciprocal provision of supplies and services.",
     "area/logistics"),
])
def test_labels_of_the_genre(sentence, concept):
    assert concept in concepts(run(sentence))


def test_the_gazetteer_knows_the_short_name_of_an_operation():
    from pactgraph.extract.mentions import find_mentions
    from pactgraph.extract.pipeline import get_nlp

    doc = get_nlp()("Sea Guardian and Irini share information.")
    keys = {m.key for m in find_mentions(doc, get_gazetteer(), 0, [])}
    assert {"mission/operation-sea-guardian", "mission/operation-irini"} <= keys
