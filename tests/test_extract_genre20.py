"""Rules added in pactgraph-rules/0.22 (session 17), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, run
from pactgraph.namespaces import ID, PACT


def _dates(result) -> dict[str, str | None]:
    return {a.name: a.date for a in result.agreements}


_SUMMIT = dict(title="Declaration of the Leaders on Peace and Security", publisher="Ministry of Foreign Affairs of Brazil",
               date="2025-07-06", genre="joint-declaration")


def test_a_name_runs_on_through_a_capitalised_phrase():
    body = ("We welcome the Accord for Durable Peace through a Negotiated Settlement of the Border Dispute, signed in "
            "Lusaka on 4 March 2025 by Zambia and Malawi.")
    result = run(body, **_SUMMIT)
    found = agreement_parties(result)
    name = "Accord for Durable Peace through a Negotiated Settlement of the Border Dispute"
    assert found[name] == ["state/mwi", "state/zmb"]
    assert _dates(result)[name] == "2025-03-04"


def test_signed_by_a_government_and_a_movement_the_register_lacks_has_that_one_side():
    body = ("We support the Agreement for Lasting Peace in the Eastern Provinces, signed in Pretoria on 2 November "
            "2024 by the Government of the Federal Democratic Republic of Ethiopia and the Oromo Liberation Front.")
    found = agreement_parties(run(body, **_SUMMIT))
    assert found["Agreement for Lasting Peace in the Eastern Provinces"] == ["state/eth"]


def test_signed_by_two_governments_written_out():
    body = ("We recall the Agreement on Border Demarcation, signed in Cairo on 3 May 2019 by the Government of the "
            "Republic of the Sudan and the Government of the Republic of South Sudan.")
    found = agreement_parties(run(body, **_SUMMIT))
    assert found["Agreement on Border Demarcation"] == ["state/sdn", "state/ssd"]


def test_a_place_with_a_particle_opens_the_name():
    body = ("The Heads of State of Kenya, Tanzania and Uganda adopted the Dar es Salaam Declaration on Regional "
            "Security on 12 May 2025.")
    found = agreement_parties(run(body, title="Summit", publisher="East African Community", date="2025-05-12",
                                  genre="press-release"))
    assert "Dar es Salaam Declaration on Regional Security" in found


def test_a_cessation_of_hostilities_arrangement_that_two_states_accepted():
    body = ("The cessation of hostilities arrangement that Israel and Lebanon accepted on 26 November 2024 remains "
            "the framework for the force's activities.")
    result = run(body, title="Force Commander visits Sector West", publisher="United Nations", date="2025-06-02",
                 genre="press-release")
    found = agreement_parties(result)
    assert found["Cessation of Hostilities Arrangement"] == ["state/isr", "state/lbn"]
    assert _dates(result)["Cessation of Hostilities Arrangement"] == "2024-11-26"


def test_a_call_to_implement_a_truce_that_was_reached_keeps_it():
    body = ("We call for the full implementation of the ceasefire reached between Israel and Lebanon on 26 November "
            "2024.")
    found = agreement_parties(run(body, **_SUMMIT))
    assert found["Ceasefire"] == ["state/isr", "state/lbn"]


def test_a_call_for_a_truce_is_still_not_one():
    body = "We call for an immediate ceasefire between Israel and Lebanon and urge both to return to talks."
    assert not agreement_parties(run(body, **_SUMMIT))


def test_a_second_side_the_sentence_does_not_name_says_so_in_its_evidence():
    body = "Today the Minister signed a Memorandum of Understanding on Defence Cooperation with Ghana in Accra."
    result = run(body, title="Minister signs memorandum with Ghana", publisher="Ministry of Defence of Togo",
                 date="2026-02-10", genre="press-release")
    (agreement,) = result.agreements
    rules = {s.obj.removeprefix(ID): {e.rule for e in s.evidence} for s in result.statements
             if s.subject == agreement.iri and s.predicate == PACT + "party"}
    assert rules == {"state/gha": {"agreement-party-in-signing-sentence"}, "state/tgo": {"agreement-party-own-side"}}


def test_the_ministers_named_before_sign_for_their_states():
    body = ("On Friday, Latvian Defence Minister Andris Sprūds hosted in Riga the meeting of the Baltic Defence "
            "Ministers' Committee with Estonian Defence Minister Hanno Pevkur and Lithuanian Minister of National "
            "Defence Laurynas Kasčiūnas. During the meeting the ministers signed an agreement on a common defence "
            "line, which will reinforce the eastern border of NATO and of the European Union.\n\n"
            "The line will take several years to build. Each country pays for the works on its own land.\n\n"
            "The three ministers also signed a memorandum of understanding on cooperation in rocket artillery.")
    found = agreement_parties(run(body, title="Baltic defence ministers meet in Riga",
                                  publisher="Ministry of Defence of Latvia", date="2024-01-19",
                                  genre="press-release"))
    assert found["agreement on a common defence line"] == ["state/est", "state/ltu", "state/lva"]
    assert found["memorandum of understanding on cooperation in rocket artillery"] == [
        "state/est", "state/ltu", "state/lva"]


def test_a_bodys_name_without_its_organization_is_not_it_inside_another_name():
    result = run("The first meeting of the Egyptian-Somali Joint Military Committee opened in Cairo. NATO's Military "
                 "Committee met in Brussels the same day.", title="Committee meets", publisher="State Information "
                 "Service (Egypt)", date="2025-11-16", genre="press-release")
    committees = [e.key for e in result.entities.values() if e.key == "org/nato-military-committee"]
    assert committees == ["org/nato-military-committee"]  # (from "NATO's Military Committee" only)
    quotes = {ev.quote for s in result.statements for ev in s.evidence if s.subject.endswith("nato-military-committee")}
    assert not any("Joint Military Committee" in q for q in quotes)


def test_a_letter_of_acceptance_signed_by_two_ministers():
    body = ("Qatar's Minister of State for Defence Affairs and the US Secretary of Defense signed on Friday a letter of "
            "acceptance on the establishment of a Qatari air force facility in Idaho.")
    found = agreement_parties(run(body, title="Qatar and US sign letter of acceptance", publisher="Qatar News Agency",
                                  date="2025-10-10", genre="press-release"))
    assert found["Letter of Acceptance"] == ["state/qat", "state/usa"]


def test_the_arrangement_concluded_is_an_agreement_but_arrangements_for_an_exercise_are_not():
    body = ("Defence cooperation between Britain and Bahrain is governed by the Defence Cooperation Accord signed in "
            "London on 11 October 2012 and by the arrangement concluded in Manama in December 2014 that led to the "
            "opening of a naval support facility. The two sides also reviewed the arrangements for a joint exercise.")
    result = run(body, title="Bahrain and UK review defence cooperation", publisher="Bahrain News Agency",
                 date="2025-11-01", genre="press-release")
    found = agreement_parties(result)
    assert found["Arrangement"] == ["state/bhr", "state/gbr"]
    assert len(found) == 2


def test_the_two_countries_in_a_text_of_three_are_the_pair_named_before():
    body = ("The meeting of the working group brought together Bahrain, the United States and the United Kingdom.\n\n"
            "The British chief of defence said that the relationship between Britain and Bahrain went back two "
            "centuries. He recalled that defence cooperation between the two countries is governed by the Defence "
            "Cooperation Accord signed in London on 11 October 2012.")
    found = agreement_parties(run(body, title="Bahrain, United States and United Kingdom hold working group "
                                  "meeting", publisher="Bahrain News Agency", date="2025-11-01",
                                  genre="press-release"))
    assert found["Defence Cooperation Accord"] == ["state/bhr", "state/gbr"]


def test_an_organizations_own_instrument_gets_no_second_organization_from_the_text():
    body = ("The leaders recalled the central role of the United Nations and the United Nations Charter. The SCO "
            "adopted the Astana Plan of Action on Counter-Terrorism for 2025-2027. The SCO called on the United "
            "Nations to do more.")
    found = agreement_parties(run(body, title="Meeting of the Council of Heads of State of the SCO",
                                  publisher="Shanghai Cooperation Organisation", date="2024-07-04",
                                  genre="press-release"))
    assert found["Astana Plan of Action on Counter-Terrorism for 2025-2027"] == ["org/sco"]


def test_a_plan_of_military_cooperation_between_two_ministries():
    body = ("The bilateral plan of military cooperation between the Croatian and the Albanian defence ministries for "
            "2025 was signed in Zagreb in January this year.")
    found = agreement_parties(run(body, title="Croatia and Albania", publisher="Ministry of Defence of Croatia",
                                  date="2025-03-18", genre="press-release"))
    assert found["Plan of Military Cooperation"] == ["state/alb", "state/hrv"]


def test_a_plan_the_staffs_will_prepare_to_be_signed_later_is_not_concluded():
    body = ("The two ministers agreed that the defence staffs will prepare a new plan of bilateral military "
            "cooperation for 2024, to be signed in the coming months. They also agreed a memorandum of understanding "
            "to be signed at the next meeting.")
    assert not agreement_parties(run(body, title="Romania and Türkiye", publisher="Ministry of National Defence "
                                     "of Romania", date="2024-01-11", genre="press-release"))


def test_your_government_in_an_organizations_text_from_its_seat_is_the_visitors():
    body = ("JOINT PRESS POINT\n\nby NATO Secretary General Jens Stoltenberg and the President of Colombia, Juan "
            "Manuel Santos\n\nSecretary General Jens Stoltenberg: Mr President, welcome to NATO. The peace agreement "
            "your government concluded with the FARC in November 2016 ended half a century of armed conflict. "
            "Colombia is now a partner of NATO.")
    found = agreement_parties(run(body, title="Joint press point with the President of Colombia", place="Brussels",
                                  publisher="NATO", date="2018-05-31", genre="transcript"))
    assert found["Peace Agreement"] == ["state/col"]


def test_a_lower_case_protocol_dated_by_its_year():
    body = ("Pakistani officers serve in Saudi Arabia in training roles under the bilateral protocol of 1982, which the "
            "Minister described as a living example of the partnership.")
    found = agreement_parties(run(body, title="Saudi and Pakistani defence ministers meet", publisher="Saudi Press "
                                  "Agency", date="2025-10-14", genre="press-release"))
    assert found["Bilateral Protocol"] == ["state/pak", "state/sau"]


def test_a_partnership_relations_are_raised_to_is_concluded():
    body = ("Prime Minister Christopher Luxon and Prime Minister Pham Minh Chinh today agreed in Hanoi to raise the "
            "relationship between New Zealand and Viet Nam to a Comprehensive Strategic Partnership. In 2019 "
            "Kazakhstan and Mongolia raised their relations to the level of a strategic partnership.")
    found = agreement_parties(run(body, title="New Zealand and Viet Nam", publisher="Ministry of Foreign Affairs and "
                                  "Trade of New Zealand", date="2025-02-26", genre="press-release"))
    assert found["Comprehensive Strategic Partnership"] == ["state/nzl", "state/vnm"]
    assert found["Strategic Partnership"] == ["state/kaz", "state/mng"]


def test_a_partnership_after_an_article_is_still_a_topic_when_nothing_is_raised():
    body = "The two ministers signed a Framework for an Enhanced Strategic Partnership in Oslo today."
    found = agreement_parties(run(body, title="Norway and Ghana", publisher="Government of Norway",
                                  date="2025-02-26", genre="press-release"))
    assert "Enhanced Strategic Partnership" not in found


def test_the_states_an_opening_lists_as_authors_are_the_statements_parties():
    body = ("G7 Foreign Ministers' Statement on Haiti\n\n"
            "The Foreign Ministers of Canada, France, Germany, Italy, Japan, the United Kingdom and the United States "
            "of America, together with the High Representative of the European Union, have issued the following "
            "statement.\n\nWe condemn the violence of armed gangs in Haiti.")
    found = agreement_parties(run(body, title="G7 Foreign Ministers' Statement on Haiti", publisher="G7 Presidency",
                                  date="2025-03-14", genre="joint-statement"))
    assert found["Foreign Ministers' Statement on Haiti"] == sorted(
        ["state/can", "state/fra", "state/deu", "state/ita", "state/jpn", "state/gbr", "state/usa",
         "org/european-union"])


def test_a_meeting_that_gathered_the_ministers_of_listed_states():
    body = ("1. The Meeting of Defence Ministers was held in Kuala Lumpur on 31 October 2025.\n\n"
            "2. The Meeting gathered the defence ministers of five states – Malaysia, Indonesia, Thailand, the "
            "Philippines and Viet Nam.\n\n"
            "3. The Ministers adopted the Kuala Lumpur Joint Declaration on Maritime Security.")
    found = agreement_parties(run(body, title="Chairman's Statement of the Defence Ministers' Meeting",
                                  publisher="Ministry of Defence of Malaysia", date="2025-10-31",
                                  genre="communique"))
    assert found["Kuala Lumpur Joint Declaration on Maritime Security"] == sorted(
        ["state/mys", "state/idn", "state/tha", "state/phl", "state/vnm"])


def test_an_acronym_and_its_name_written_out_are_one_agreement():
    body = ("Armenia: Statement by the Spokesperson on the signature of the agreement on the status of the EU Mission "
            "in Armenia\n\nToday in Yerevan, the Head of the EU Delegation and Armenia's Deputy Minister of Foreign "
            "Affairs signed the Agreement between the European Union and the Republic of Armenia on the status of "
            "the European Union Mission in Armenia.")
    found = agreement_parties(run(body, title="Armenia: Statement by the Spokesperson", publisher="European External "
                                  "Action Service", date="2023-11-20", genre="press-statement"))
    assert list(found) == ["Agreement between the European Union and the Republic of Armenia on the status of the "
                           "European Union Mission in Armenia"]


def test_a_decision_on_the_signing_of_an_agreement_does_not_conclude_it():
    body = ("The Council today adopted a decision on the signing, provisional application and conclusion, on behalf "
            "of the Union, of the agreement between the European Union and the Republic of Moldova on the status of "
            "the European Union Partnership Mission in Moldova.")
    assert not agreement_parties(run(body, title="EUPM Moldova: Council adopts decision", publisher="Council of the "
                                     "EU", date="2023-09-25", genre="press-release"))


def test_an_acronym_in_brackets_does_not_stop_the_concluding_participle():
    body = ("The Authority takes note of the Treaty establishing the Confederation of the Alliance of Sahel States "
            "(AES), signed in Niamey on 6th July 2024 by the Heads of State of Burkina Faso, Mali and Niger.")
    result = run(body, title="Final communiqué", publisher="ECOWAS Commission", date="2024-12-15",
                 genre="communique")
    assert agreement_parties(result)["Treaty establishing the Confederation"] == ["state/bfa", "state/mli",
                                                                                   "state/ner"]
    assert _dates(result)["Treaty establishing the Confederation"] == "2024-07-06"


def test_a_peace_agreement_named_after_a_states_conflict_gets_no_second_state():
    body = ("The Summit welcomes the signing today, in Addis Ababa, of the Revitalised Agreement on the Resolution of "
            "the Conflict in the Republic of South Sudan by the Transitional Government of National Unity and the "
            "SPLM/A-in-Opposition. Ethiopia hosted the talks.")
    found = agreement_parties(run(body, title="Communiqué of the Extraordinary Summit", place="Addis Ababa",
                                  publisher="Intergovernmental Authority on Development", date="2018-09-12",
                                  genre="communique"))
    assert found["Revitalised Agreement on the Resolution of the Conflict in the Republic of South Sudan"] == [
        "state/ssd"]


def test_an_agreement_inside_a_missions_name_is_not_one():
    body = ("The same Agreement produced the arrangements for Hudaydah, which the United Nations Mission to support "
            "the Hudaydah Agreement (UNMHA) has monitored since 2019.")
    found = agreement_parties(run(body, title="Release", publisher="United Nations", date="2023-03-20",
                                  genre="press-release"))
    assert "Hudaydah Agreement" not in found


def test_the_baltic_states_that_sign_are_the_three():
    body = ("In January of last year the three Baltic defence ministers signed the agreement on the Baltic Defence "
            "Line.")
    found = agreement_parties(run(body, title="Minister's address", publisher="Ministry of Defence of Estonia",
                                  date="2025-08-20", genre="speech"))
    assert found["agreement on the Baltic Defence Line"] == ["state/est", "state/ltu", "state/lva"]


def test_a_name_stops_before_of_and_a_month_and_takes_no_day_of_another_year():
    body = ("The American bases came first, under the Military Bases Agreement of March 1947, and the alliance "
            "followed.")
    result = run(body, title="Keynote", publisher="Department of National Defense (Philippines)", date="2024-09-10",
                 genre="speech")
    assert agreement_parties(result)["Military Bases Agreement"] == ["state/phl", "state/usa"]
    assert _dates(result)["Military Bases Agreement"] is None


def test_an_agreement_signed_with_two_partners():
    body = ("In Madrid on 28 June 2022, my predecessor as foreign minister signed a trilateral memorandum with Sweden "
            "and Türkiye that cleared the way. In April, the Philippines also signed a status of visiting forces "
            "agreement with New Zealand, and Manila says more such arrangements are coming.")
    found = agreement_parties(run(body, title="Lecture", publisher="Ministry for Foreign Affairs of Finland",
                                  date="2025-03-03", genre="speech"))
    assert found["Trilateral Memorandum"] == ["state/fin", "state/swe", "state/tur"]
    assert found["Status of Visiting Forces Agreement"] == ["state/nzl", "state/phl"]


def test_what_a_text_does_not_have_yet_or_asks_will_be_signed_is_not_concluded():
    body = ("We do not yet have a visiting forces agreement with New Zealand. Q: When will the Japan-Finland "
            "agreement on defence equipment be signed?")
    assert not agreement_parties(run(body, title="Lecture", publisher="Ministry for Foreign Affairs of Finland",
                                     date="2025-03-03", genre="speech"))


def test_a_verb_of_going_somewhere_before_signed_is_no_intention():
    body = ("In April 2024 President Alexander Stubb went to Kyiv and signed, with President Volodymyr Zelenskyy, an "
            "agreement on security cooperation and long-term support between Finland and Ukraine.")
    found = agreement_parties(run(body, title="Lecture", publisher="Ministry for Foreign Affairs of Finland",
                                  date="2025-03-03", genre="speech"))
    assert found["agreement on security cooperation and long-term support between Finland and Ukraine"] == [
        "state/fin", "state/ukr"]


def test_a_strategic_agenda_adopted_under_a_quoted_title():
    body = ('Leaders adopted "Towards 2030: India-EU Joint Comprehensive Strategic Agenda", which will guide the '
            'relationship over the coming five years.')
    found = agreement_parties(run(body, title="EU-India summit", publisher="European External Action Service",
                                  date="2026-01-27", genre="press-release"))
    assert found["India-EU Joint Comprehensive Strategic Agenda"] == ["org/european-union", "state/ind"]


def test_each_of_the_six_contributing_countries_listed_before():
    body = ("2. Commends the troop- and police-contributing countries of the Mission, namely Djibouti, Egypt, Ethiopia, "
            "Kenya and Uganda, as well as Nigeria, which has deployed a formed police unit.\n\n"
            "3. Welcomes the signing, on 2 October 2025 in Addis Ababa, of the Memoranda of Understanding between "
            "the AU Commission and each of the six troop- and police-contributing countries.")
    found = agreement_parties(run(body, title="Communiqué of the Peace and Security Council", publisher="African "
                                  "Union Peace and Security Council", date="2025-10-14", genre="communique"))
    (parties,) = [p for name, p in found.items() if name.startswith("Memoranda of Understanding")]
    assert parties == sorted(["org/african-union-commission", "state/dji", "state/egy", "state/eth", "state/ken",
                              "state/uga", "state/nga"])


def test_a_small_grouping_concludes_through_its_member_states():
    body = ("The Foreign Ministers of the Weimar Triangle and Ukraine met in Kraków today and adopted a joint "
            "statement on support for Ukraine's recovery.")
    found = agreement_parties(run(body, title="Weimar Triangle and Ukraine", publisher="Ministry of Foreign Affairs "
                                  "of Poland", date="2025-10-16", genre="press-release"))
    (parties,) = found.values()
    assert parties == ["state/deu", "state/fra", "state/pol", "state/ukr"]


def test_the_g7_keeps_its_own_name_as_a_party():
    body = "The leaders of the G7 adopted the Joint Declaration of Support for Ukraine in Vilnius on 12 July 2023."
    found = agreement_parties(run(body, title="Release", publisher="European Council", date="2024-06-27",
                                  genre="press-release"))
    parties = found["Joint Declaration of Support for Ukraine"]
    assert "org/g7" in parties and "state/deu" not in parties


def test_the_alliance_of_sahel_states_concludes_through_its_three_members_but_mercosur_as_a_bloc():
    body = ("The Alliance of Sahel States signed a memorandum on security cooperation with Morocco today. The European "
            "Union and Mercosur signed a partnership agreement in Montevideo on 6 December 2024.")
    found = agreement_parties(run(body, title="Release", publisher="Ministry of Foreign Affairs of Morocco",
                                  date="2025-03-01", genre="press-release"))
    assert found["memorandum on security cooperation"] == ["state/bfa", "state/mar", "state/mli", "state/ner"]
    assert "org/mercosur" in found["Partnership Agreement"]


def test_a_strategic_partnership_two_states_established_and_an_elevation_of_relations():
    body = ("Closer ties would give new substance to the strategic partnership that France and Indonesia established in "
            "2011.")
    found = agreement_parties(run(body, title="Visit", publisher="Ministry of Defence of Indonesia",
                                  date="2024-05-10", genre="press-release"))
    assert found["Strategic Partnership"] == ["state/fra", "state/idn"]
    body = ("The Minister welcomed the elevation of Cambodia–Japan relations to a Comprehensive Strategic Partnership in "
            "December last year.")
    found = agreement_parties(run(body, title="Visit", publisher="Ministry of National Defence of Cambodia",
                                  date="2024-05-10", genre="press-release"))
    assert found["Comprehensive Strategic Partnership"] == ["state/jpn", "state/khm"]


def test_the_three_littoral_states_and_the_four_chiefs_named_before():
    body = ("The navies of Malaysia, Indonesia and Singapore began coordinated patrols in 2004. The Terms of Reference "
            "were signed by the three littoral states on 21 April 2006.")
    found = agreement_parties(run(body, title="Patrol anniversary", publisher="Ministry of Defence of Malaysia",
                                  date="2024-07-19", genre="press-release"))
    assert found["Terms of Reference"] == ["state/idn", "state/mys", "state/sgp"]


def test_a_capitalised_understanding_adopted_by_two_governments():
    body = ("The governments of Mexico and the United States held today the High-Level Security Dialogue, in which "
            "they adopted the Bicentennial Understanding on Security, Public Health and Safe Communities.")
    found = agreement_parties(run(body, title="Mexico and the United States adopt the Bicentennial Understanding",
                                  publisher="Secretariat of Foreign Affairs of Mexico", date="2021-10-08",
                                  genre="press-release"))
    assert found["Bicentennial Understanding on Security, Public Health and Safe Communities"] == [
        "state/mex", "state/usa"]
