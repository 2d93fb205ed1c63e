"""Rules added in pactgraph-rules/0.11 (session 6), each on invented sentences."""

from __future__ import annotations

import pytest
from extract_helpers import agreement_parties, memberships, partners, run, triples

from pactgraph.namespaces import ID


def _dates(result) -> dict[str, str | None]:
    return {a.name: a.date for a in result.agreements}


def test_a_year_written_with_a_name_dates_an_agreement_that_exists():
    body = ("Defence ties between Norway and the United States rest on the Supplementary Defence Cooperation "
            "Agreement of 2021.")
    result = run(body, date="2025-02-03")
    assert agreement_parties(result) == {"Supplementary Defence Cooperation Agreement": ["state/nor", "state/usa"]}
    body = "Chile and Peru reaffirmed the 2014 Lima Accord as the basis of their maritime cooperation."
    assert agreement_parties(run(body, date="2025-02-03")) == {"Lima Accord": ["state/chl", "state/per"]}


def test_a_year_after_the_document_does_not_make_an_agreement():
    body = "Chile and Peru look towards the Lima Accord of 2030 as the basis of their maritime cooperation."
    assert not run(body, date="2025-02-03").agreements


def test_a_convention_cited_with_its_year_is_a_standard_not_an_agreement():
    body = ("Viet Nam and Malaysia called for disputes to be settled peacefully on the basis of the 1982 United "
            "Nations Convention on the Law of the Sea.")
    assert not run(body, date="2025-02-03").agreements


def test_a_year_named_with_one_agreement_keeps_the_next_agreements_date_away():
    body = ("Our cooperation with Japan rests on the Tokyo Declaration of 2011 and on the Canberra Memorandum, "
            "which was signed in Canberra on 3 May 2019.")
    dates = _dates(run(body, publisher="Department of Defence (Australia)", date="2025-02-03"))
    assert dates == {"Tokyo Declaration": None, "Canberra Memorandum": "2019-05-03"}


def test_a_declaration_issued_by_two_leaders():
    body = ("The ministers recalled the Lisbon Declaration, issued by the Prime Ministers of Portugal and Cabo Verde "
            "on 12 March 2024.")
    result = run(body, date="2025-02-03")
    assert agreement_parties(result) == {"Lisbon Declaration": ["state/cpv", "state/prt"]}
    assert _dates(result) == {"Lisbon Declaration": "2024-03-12"}


PACT = "https://w3id.org/pactgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"


def test_a_state_as_the_organizations_chair_is_a_member():
    for body in ("Indonesia, as ASEAN Chair in 2023, hosted the meeting in Jakarta.",
                 "The ministers thanked Indonesia for its leadership as ASEAN Chair.",
                 "The meeting was held in Jakarta, hosted by Indonesia in its year as ASEAN Chair.",
                 "Laos will take over the ASEAN Chairmanship next year."):
        members = memberships(body, date="2023-09-05")
        assert len(members) == 1 and {o for _, o in members} == {"org/asean"}, body


def test_handing_the_chair_to_another_state_is_not_read_backwards():
    body = "Indonesia handed over the ASEAN Chairmanship to Laos at the closing ceremony."
    members = memberships(body, date="2023-09-07")
    assert ("state/idn", "org/asean") not in members


def test_taking_part_in_a_mission_led_by_someone_else():
    body = "Switzerland has taken part in the NATO-led Kosovo Force since 1999."
    assert ("state/che", "mission/kfor") in triples(run(body, date="2024-06-12"), PACT + "contributesTo")
    body = "Chile has taken part in the EU-led Operation Althea since 2004."
    assert ("state/chl", "mission/eufor-althea") in triples(run(body, date="2024-06-12"), PACT + "contributesTo")


def test_ships_assigned_to_or_sailing_with_an_operation():
    body = "A Spanish frigate is assigned each spring to NATO's Operation Sea Guardian."
    assert ("state/esp", "mission/operation-sea-guardian") in triples(run(body, date="2024-06-12"),
                                                                     PACT + "contributesTo")
    body = "A Portuguese corvette sailed with Operation Atalanta last year."
    assert ("state/prt", "mission/operation-atalanta") in triples(run(body, date="2024-06-12"), PACT + "contributesTo")


def test_both_alone_as_a_subject_stands_for_the_pair():
    body = "Slovakia and Slovenia held consultations in Bratislava. Both are members of the European Union and of NATO."
    members = memberships(body, date="2024-06-12")
    assert members == {("state/svk", "org/european-union"), ("state/svk", "org/nato"),
                       ("state/svn", "org/european-union"), ("state/svn", "org/nato")}
    body = ("Slovakia and Slovenia held consultations in Bratislava. The two countries share a border, and both "
            "take part in Permanent Structured Cooperation.")
    assert {("state/svk", "org/pesco"), ("state/svn", "org/pesco")} <= triples(run(body, date="2024-06-12"),
                                                                             ORG + "memberOf")


def _contributions(body: str, **meta) -> set[tuple[str, str]]:
    return triples(run(body, **meta), PACT + "contributesTo")


def test_contributors_listed_after_among_them():
    body = ("The Force Commander thanked the troop-contributing countries of UNIFIL, among them Ghana, Indonesia and "
            "Ireland.")
    assert {("state/gha", "mission/unifil"), ("state/idn", "mission/unifil"), ("state/irl", "mission/unifil")} <= \
        _contributions(body, date="2025-03-04")


def test_the_states_that_provide_a_missions_troops():
    body = ("The minister met the Commander of EUFOR Althea. She thanked the states that provide its troops, among "
            "them Slovakia, Slovenia and Bulgaria.")
    assert _contributions(body, date="2025-03-04") >= {
        ("state/svk", "mission/eufor-althea"), ("state/svn", "mission/eufor-althea"),
        ("state/bgr", "mission/eufor-althea")}


def test_a_national_service_between_the_adjective_and_the_people():
    body = "Indian Army engineers and Indonesian Navy medics served with UNIFIL in 2019."
    assert {s for s, _ in _contributions(body, date="2025-03-04")} == {"state/ind", "state/idn"}
    body = "Japanese Self-Defense Force engineers served with UNMISS from 2012 to 2017."
    assert _contributions(body, date="2025-03-04") == {("state/jpn", "mission/unmiss")}


def test_thanked_for_keeping_their_contingents_in_the_mission():
    body = ("The Council took note of the report on MINUSCA. It commended Zambia and Egypt for maintaining their "
            "contingents in the Mission.")
    assert {("state/zmb", "mission/minusca"), ("state/egy", "mission/minusca")} <= _contributions(
        body, date="2025-03-04")


def test_members_apposed_to_the_organization():
    body = "We thank the three European members of the Security Council, Denmark, Greece and Slovenia, for their work."
    members = memberships(body, date="2025-03-04")
    assert members == {("state/dnk", "org/un-security-council"), ("state/grc", "org/un-security-council"),
                       ("state/svn", "org/un-security-council")}


def test_a_grouping_described_then_its_members_after_a_colon():
    body = ("The ministers of NORDEFCO, the framework of five Nordic nations: Denmark, Finland, Iceland, Norway and "
            "Sweden, met in Oslo.")
    members = memberships(body, date="2025-03-04")
    assert {s for s, _ in members} == {"state/dnk", "state/fin", "state/isl", "state/nor", "state/swe"}
    body = ("At the ADMM-Plus, the ASEAN ministers were joined by counterparts from the eight Plus countries: "
            "Australia, China, India and Japan.")
    assert not memberships(body, date="2025-03-04")


def test_a_treaty_named_after_the_place_where_it_was_signed_is_that_treaty():
    body = ("Today the two Prime Ministers signed in Tartu the Treaty between the Republic of Estonia and the "
            "Republic of Latvia on Enhanced Defence Cooperation. The Treaty of Tartu replaces the agreement signed "
            "by the two countries in Riga on 3 March 1994.")
    result = run(body, date="2025-06-02")
    names = {a.name: a.date for a in result.agreements}
    full = "Treaty between the Republic of Estonia and the Republic of Latvia on Enhanced Defence Cooperation"
    assert "Treaty of Tartu" not in names and names[full] == "2025-06-02"


def test_an_article_of_a_treaty_is_cited_not_concluded():
    body = ("As Allies, Estonia and Latvia are bound by Article 5 of the North Atlantic Treaty and by Article 42(7) "
            "of the Treaty on European Union.")
    assert "North Atlantic Treaty" not in agreement_parties(run(body, date="2025-06-02"))


def test_a_charter_on_a_partnership_keeps_its_whole_name():
    body = "The partnership dates back to the Charter on a Distinctive Partnership signed by NATO and Georgia in 2005."
    assert list(agreement_parties(run(body, date="2025-06-02"))) == ["Charter on a Distinctive Partnership"]


_JOINT = ("---\ntitle: Joint Statement of the Foreign Ministers of Estonia, Latvia and Lithuania\ndate: 2025-05-02\n"
          "genre: joint-statement\npublisher: Ministry of Foreign Affairs of Estonia\n---\n"
          "We, the Foreign Ministers of Estonia, Latvia and Lithuania, met in Riga today.\n\n")
_BALTS = {"state/est", "state/lva", "state/ltu"}


def _joint(body: str):
    from pactgraph.extract import extract
    from pactgraph.sources import source_from_text

    return extract(source_from_text(_JOINT + body, name="joint.txt"))


def test_the_speakers_of_a_joint_statement_gathered_in_one_phrase():
    members = triples(_joint("Since 2004 all three of our countries have been members of the European Union."),
                      ORG + "memberOf")
    assert members == {(k, "org/european-union") for k in _BALTS}
    members = triples(_joint("With Finland and Poland, we all sit in the Council of the Baltic Sea States."),
                      ORG + "memberOf")
    assert {s for s, _ in members} >= _BALTS
    given = triples(_joint("All three of us will keep up our military, financial and humanitarian support to "
                           "Ukraine."), PACT + "contributesTo")
    assert given == {(k, "state/ukr") for k in _BALTS}


def test_states_that_make_up_a_grouping():
    body = "Together with the United Kingdom and Denmark, the three of us make up the Joint Expeditionary Force."
    result = _joint(body)
    assert {s for s, _ in triples(result, ORG + "memberOf")} == _BALTS | {"state/gbr", "state/dnk"}
    assert not triples(result, PACT + "partnerOf") - {(a, b) for a in _BALTS for b in _BALTS}
    body = "Norway and Sweden make up NORDEFCO together with Denmark, Finland and Iceland."
    members = memberships(body, date="2025-05-02")
    assert {s for s, _ in members} == {"state/nor", "state/swe", "state/dnk", "state/fin", "state/isl"}


def test_member_states_of_the_organization_the_text_speaks_for():
    body = ("The Council of Ministers of ECOWAS met in Abuja. The following Member States were represented: Ghana, "
            "Senegal and Togo. Mali and Niger, two Member States whose participation is suspended, did not attend. "
            "It commended Nigeria, a Member State, for hosting the session.")
    members = triples(run(body, publisher="ECOWAS Commission", date="2025-06-20"), ORG + "memberOf")
    assert members == {(k, "org/ecowas") for k in ("state/gha", "state/sen", "state/tgo", "state/mli", "state/ner",
                                                   "state/nga")}


def test_a_member_state_of_a_named_organization_is_left_to_the_named_rules():
    body = "Kenya, a Member State of the East African Community, hosted the talks."
    members = triples(run(body, publisher="ECOWAS Commission", date="2025-06-20"), ORG + "memberOf")
    assert ("state/ken", "org/ecowas") not in members


def test_states_whose_troops_serve_with_a_mission():
    body = "The Council commended Burundi and Kenya, two Member States whose troops serve with AUSSOM."
    assert _contributions(body, date="2025-06-20") >= {("state/bdi", "mission/aussom"), ("state/ken", "mission/aussom")}
    body = "The minister thanked Chile, whose police officers serve with the Multinational Security Support Mission."
    assert _contributions(body, date="2025-06-20") == {("state/chl", "mission/mss-haiti")}


def test_whose_troops_serve_in_the_mission_needs_the_mission_named():
    body = ("The EU recalled the role of EUCAP Somalia. Both sides paid tribute to Burundi and Kenya, whose soldiers "
            "serve in the mission.")
    assert not _contributions(body, date="2025-06-20")


def test_most_of_the_ships_in_a_text_about_one_operation():
    body = ("The Council extended EUNAVFOR Aspides until February 2027. Greece, Italy and France have supplied most "
            "of the frigates.")
    assert _contributions(body, date="2025-06-20") == {
        (k, "mission/eunavfor-aspides") for k in ("state/grc", "state/ita", "state/fra")}


def test_a_mission_served_by_others_in_a_later_clause():
    body = ("The Council commends North Macedonia, whose soldiers serve in EUFOR Althea, and Montenegro, which has "
            "provided personnel to Operation Atalanta.")
    assert _contributions(body, date="2025-06-20") == {("state/mkd", "mission/eufor-althea"),
                                                      ("state/mne", "mission/operation-atalanta")}


def _mandates(body: str, **meta) -> set[tuple[str, str]]:
    return triples(run(body, **meta), PACT + "mandatedBy")


def test_a_mandate_renewed_in_a_relative_clause_after_an_apposition():
    body = ("The minister met the Commander of EUFOR Althea, the European Union's military operation in the "
            "country, whose executive mandate the UN Security Council renewed last November.")
    assert ("mission/eufor-althea", "org/un-security-council") in _mandates(body, date="2026-04-16")


def test_a_body_decides_that_a_mission_goes_on():
    body = ("The Council today decided that EUNAVFOR Aspides, the European Union's maritime security operation "
            "in the Red Sea, will continue until 28 February 2027.")
    assert _mandates(body, date="2026-02-23", publisher="Council of the European Union") == {
        ("mission/eunavfor-aspides", "org/council-of-the-european-union")}
    body = "The Security Council decided that UNFICYP will remain in place for another year."
    assert _mandates(body, date="2026-01-30") == {("mission/unficyp", "org/un-security-council")}
    body = "The Security Council decided that UNFICYP will send observers, and the talks will continue."
    assert not _mandates(body, date="2026-01-30")


def test_partners_apposed_with_an_adjective():
    body = "It thanked the European Union and Germany, long-standing partners of ECOWAS, for their support."
    assert partners(run(body, date="2025-06-20")) == {frozenset({"org/ecowas", "org/european-union"}),
                                                      frozenset({"org/ecowas", "state/deu"})}
    body = "The Council thanked Japan, a valued partner of the African Union, for its support."
    assert partners(run(body, date="2025-06-20")) == {frozenset({"org/african-union", "state/jpn"})}


def test_an_agreement_only_to_be_signed_is_not_recorded():
    body = ("President Tinubu received President Faye in Abuja. Nigeria and Senegal will sign a Memorandum of "
            "Understanding on Defence Cooperation tomorrow. A joint communiqué will be issued on Thursday.")
    assert not run(body, date="2025-05-14", title="President Tinubu receives President Faye").agreements
    body = "Nigeria and Senegal signed a Memorandum of Understanding on Defence Cooperation to fight piracy together."
    assert agreement_parties(run(body, date="2025-05-14")) == {
        "Memorandum of Understanding on Defence Cooperation": ["state/nga", "state/sen"]}


def test_similar_partnerships_with_listed_partners():
    body = ("In Brussels today, the European Union and Canada signed a Security and Defence Partnership. The EU has "
            "similar partnerships with Norway, Moldova and Japan.")
    found = sorted(a.parties[1].removeprefix(ID) if a.parties[0].endswith("european-union") else
                   a.parties[0].removeprefix(ID) for a in run(body, date="2025-06-23").agreements)
    assert found == ["state/can", "state/jpn", "state/mda", "state/nor"]
    rules = {e.rule for s in run(body, date="2025-06-23").statements if s.predicate == PACT + "party"
             for e in s.evidence}
    assert "agreement-party-similar" in rules


def test_a_decision_to_elevate_ties_is_not_a_future_signing():
    body = "The two Leaders of Brunei and Singapore decided today to elevate relations to a Comprehensive Partnership."
    assert [a.name for a in run(body, date="2025-05-01").agreements] == ["Comprehensive Partnership"]
    body = "Chile and Peru are expected to sign a Memorandum of Understanding on Maritime Security next month."
    assert not run(body, date="2025-05-01", title="Chile and Peru").agreements


def test_a_last_clause_that_leaves_out_the_verb_and_the_receiver():
    body = ("They welcomed Baltic Sentry, to which Estonia and Finland have assigned patrol vessels, and the "
            "Netherlands and Germany minehunters.")
    assert {s for s, _ in _contributions(body, date="2025-11-20")} == {"state/est", "state/fin", "state/nld",
                                                                      "state/deu"}
    body = ("Slovenia has had troops in KFOR since 2000, and Montenegrin officers regularly attend courses in "
            "Slovenia.")
    assert _contributions(body, date="2025-11-20") == {("state/svn", "mission/kfor")}


def test_a_group_phrase_as_the_subject_of_a_copula():
    members = triples(_joint("Since 2004 all three of our countries have been NATO Allies."), ORG + "memberOf")
    assert members == {(k, "org/nato") for k in _BALTS}
    body = "Estonia and Latvia met in Riga. The two countries have been members of the European Union since 2004."
    assert memberships(body, date="2025-05-02") == {
        ("state/est", "org/european-union"), ("state/lva", "org/european-union")}


def test_states_that_work_together_in_a_grouping():
    body = "Denmark, Finland and Sweden, which also work together in NORDEFCO, briefed their Baltic partners."
    assert memberships(body, date="2025-05-02") == {
        ("state/dnk", "org/nordefco"), ("state/fin", "org/nordefco"), ("state/swe", "org/nordefco")}


@pytest.mark.parametrize("body, pairs", [
    # a grouping and one of its members; the UN and a state that sends it troops; a peaceful settlement
    ("The Weimar Triangle and Poland adopted a Joint Declaration on Ukraine in Warsaw today.", set()),
    ("The United Nations and Uruguay signed a Memorandum of Understanding on MONUSCO in New York today.", set()),
    ("Moldova and Russia signed the Agreement on the Principles of a Peaceful Settlement of the Conflict in Moscow "
     "in 1992.", set()),
    # (a defence memorandum between two states still does)
    ("Estonia and Georgia signed a Memorandum of Understanding on Defence Cooperation in Tallinn today.",
     {frozenset({"state/est", "state/geo"})}),
])
def test_agreements_that_make_no_partners(body, pairs):
    # (with a title of its own: a text's first line is otherwise its title, and a title naming a joint declaration
    # makes the text that declaration, with the text's main actors, Ukraine among them, as its parties)
    assert partners(run(body, title="Press release", date="2025-02-12")) == pairs


def test_fellow_participants_and_new_subjects_are_not_receivers():
    body = ("The United Kingdom, Japan and Türkiye announced new contributions to AUSSOM, and China confirmed an "
            "earlier pledge of equipment.")
    given = _contributions(body, date="2025-06-20")
    assert not any(o == "state/chn" for _, o in given)
    body = ("The Ministers welcomed the participation of Japanese units in maritime cooperative activities "
            "conducted with Australia and the United States.")
    assert not any(o in {"state/aus", "state/usa"} for _, o in _contributions(body, date="2025-06-20"))


def test_a_body_is_a_partner_on_its_organizations_behalf():
    body = "The North Atlantic Council approved an Individually Tailored Partnership Programme with Kazakhstan."
    result = run(body, date="2025-10-08")
    assert frozenset({"org/nato", "state/kaz"}) in partners(result)
    stated = {frozenset(pair) for pair, rules in _partner_rules(result).items() if "partner-with" in rules}
    assert frozenset({"org/north-atlantic-council", "state/kaz"}) not in stated


def _partner_rules(result) -> dict:
    rules: dict = {}
    for s in result.statements:
        if s.predicate == PACT + "partnerOf":
            pair = (s.subject.removeprefix(ID), s.obj.removeprefix(ID))
            rules.setdefault(pair, set()).update(e.rule for e in s.evidence)
    return rules
