"""Rules added in pactgraph-rules/0.9: names whose generic last word changes case, "to it" for the mission of
the sentence before, member and partner lists after a colon (with names the register lacks), "Forum Members",
"a NATO partner", relative clauses naming the member, "Together with A and B, our partner countries", and a
joint communiqué named in the title."""

from __future__ import annotations

from extract_helpers import concept_keys, memberships, partners, run, triples

PACT = "https://w3id.org/pactgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"


def test_a_mission_name_matches_whatever_the_case_of_its_last_word():
    body = ("Kenya leads the Multinational Security Support Mission. Portugal has pledged more than "
            "EUR 10 million to the Mission.")
    result = run(body, date="2025-03-01")
    assert ("state/ken", "mission/mss-haiti") in triples(result, PACT + "leads")
    assert ("state/prt", "mission/mss-haiti") in triples(result, PACT + "contributesTo")


def test_to_it_after_a_sentence_that_ends_on_a_mission():
    result = run("Kenya leads UNMISS. Jamaica has sent soldiers to it.", date="2025-03-01")
    assert ("state/jam", "mission/unmiss") in triples(result, PACT + "contributesTo")
    # the last actor named before is a state: "it" is not the mission
    result = run("Kenya leads UNMISS in South Sudan. Jamaica has sent aid to it.", date="2025-03-01")
    assert not triples(result, PACT + "contributesTo")


def test_members_listed_after_a_colon_with_names_the_register_lacks():
    body = ("Ministers of the Pacific Islands Forum met in Apia. Ministers of all Forum Members took part: "
            "Australia, the Cook Islands, Fiji, Samoa and Tonga.")
    members = memberships(body, date="2025-08-14")
    assert members == {(s, "org/pacific-islands-forum") for s in ("state/aus", "state/fji", "state/wsm", "state/ton")}
    body = "ASEAN leaders met in Kuala Lumpur. All ten ASEAN Member States attended: Brunei, Cambodia and Laos."
    assert memberships(body, date="2025-05-26") == {
        (s, "org/asean") for s in ("state/brn", "state/khm", "state/lao")}


def test_dialogue_partners_listed_after_a_colon():
    body = ("Ministers of the Pacific Islands Forum met in Apia. They held talks with the Forum Dialogue Partners "
            "present in Apia: China, Japan and the United Kingdom.")
    assert partners(run(body, date="2025-08-14")) == {
        frozenset({"org/pacific-islands-forum", s}) for s in ("state/chn", "state/jpn", "state/gbr")}


def test_a_colon_after_a_clause_does_not_make_a_list():
    body = "NATO thanked its partners, and it named three priorities for the summit: Ukraine, Moldova and Georgia."
    assert not partners(run(body, date="2025-06-01", publisher="NATO"))


def test_an_organization_before_partner_is_whose_partner():
    assert partners(run("Mongolia became a NATO partner in 2012.", date="2025-01-01")) == {
        frozenset({"state/mng", "org/nato"})}
    assert partners(run("India has been an ASEAN dialogue partner since 1996.", date="2025-01-01")) == {
        frozenset({"state/ind", "org/asean"})}
    assert not partners(run("Serbia will never become a NATO partner.", date="2025-01-01"))


def test_a_relative_clause_names_the_new_member_and_the_new_partner():
    body = ("We warmly welcome Indonesia, which took its place as a full member of BRICS in January 2025, and we "
            "welcome Viet Nam, which became a BRICS partner country in June.")
    result = run(body, date="2025-07-06", publisher="BRICS")
    assert triples(result, ORG + "memberOf") == {("state/idn", "org/brics")}
    assert partners(result) == {frozenset({"state/vnm", "org/brics"})}


def test_together_with_a_list_our_partner_countries_are_the_speakers_partners():
    body = ("We, the Heads of State and Government of the BRICS countries, met in Rio de Janeiro. Together with "
            "Belarus, Bolivia and Cuba, our partner countries show how widely our views are shared.")
    found = partners(run(body, date="2025-07-06", publisher="BRICS", genre="declaration",
                         title="Rio de Janeiro Declaration of the BRICS Leaders"))
    assert found == {frozenset({"org/brics", s}) for s in ("state/blr", "state/bol", "state/cub")}


def test_a_joint_communique_in_the_title_is_the_document_itself():
    body = ("Joint Communiqué of the Fourth Chile-Peru Foreign and Defence Ministers Meeting\n\n"
            "The foreign and defence ministers of Chile and Peru met in Lima today and reviewed their cooperation "
            "on border security.")
    result = run(body, date="2025-05-05", title="Joint Communiqué of the Fourth Chile-Peru Foreign and Defence "
                                                  "Ministers Meeting")
    assert [a.name[:16] for a in result.agreements] == ["Joint Communiqué"]
    assert {p.rsplit("/id/", 1)[1] for p in result.agreements[0].parties} == {"state/chl", "state/per"}
    # an organization's own communiqué is not an agreement between parties
    body = "Final Communiqué\n\nThe Heads of State of IGAD met in Djibouti today."
    assert not run(body, date="2025-05-05", title="Final Communiqué").agreements


def test_units_from_a_state_and_officers_posted_to_a_mission():
    body = ("The Council extended MINUSCA. An explosive ordnance disposal company from Cambodia has begun work with "
            "MINUSCA, and Bhutan has posted six staff officers to the mission.")
    assert triples(run(body, date="2025-03-01"), PACT + "contributesTo") == {
        ("state/khm", "mission/minusca"), ("state/btn", "mission/minusca")}


def test_an_adjective_inside_an_unlisted_name_does_not_break_a_member_list():
    body = ("Ministers of the Pacific Islands Forum met in Apia. Ministers of all Forum Members took part: Australia, "
            "the Cook Islands, Fiji, French Polynesia, Kiribati, Nauru and Tonga.")
    members = {s for s, _ in memberships(body, date="2025-08-14")}
    assert members == {"state/aus", "state/fji", "state/kir", "state/nru", "state/ton"}


def test_a_partnership_that_links_two_actors_since_a_year_is_an_agreement():
    body = "The EU and Cabo Verde have been linked by a Special Partnership since 2007."
    result = run(body, date="2025-06-01")
    assert [(a.name, {p.rsplit("/id/", 1)[1] for p in a.parties}) for a in result.agreements] == [
        ("Special Partnership", {"org/european-union", "state/cpv"})]
    # a partnership only talked about is not one
    assert not run("The EU and Cabo Verde discussed a Special Partnership.", date="2025-06-01").agreements


def test_forces_kept_with_a_mission_by_the_subject_of_the_verb():
    cases = {
        "Benin keeps a contingent with the Multinational Joint Task Force around Lake Chad.":
            {("state/ben", "mission/mnjtf")},
        "Luxembourg also keeps a reconnaissance contingent in Lithuania within NATO's Enhanced Forward Presence.":
            {("state/lux", "mission/enhanced-forward-presence")},
        "Spain and Italy also keep soldiers with UNIFIL.":
            {("state/esp", "mission/unifil"), ("state/ita", "mission/unifil")},
        # the subject across a relative clause, not the EU of the opening phrase
        "Outside the EU framework, Montenegro, which joined NATO in June 2017, keeps a small contingent in KFOR.":
            {("state/mne", "mission/kfor")},
    }
    for body, expected in cases.items():
        assert triples(run(body, date="2025-03-01"), PACT + "contributesTo") == expected, body


def test_founders_and_later_members_of_an_organization():
    body = ("The Shanghai Cooperation Organisation met in Astana. With Belarus the Organisation now has ten members. "
            "It was founded in Shanghai on 15 June 2001 by Kazakhstan, China, Kyrgyzstan, Russia, Tajikistan and "
            "Uzbekistan; India and Pakistan joined it in 2017, and Iran in 2023.")
    members = {s for s, o in memberships(body, date="2024-07-04") if o == "org/sco"}
    assert members == {"state/kaz", "state/chn", "state/kgz", "state/rus", "state/tjk", "state/uzb", "state/ind",
                       "state/pak", "state/irn"}
    body = "ASEAN was established in Bangkok in 1967 by Indonesia, Malaysia, the Philippines, Singapore and Thailand."
    assert len(memberships(body, date="2024-07-04")) == 5


def test_the_dialogue_partners_of_an_organization_listed_after_a_dash():
    body = ("The Shanghai Cooperation Organisation met in Astana. The members value the contribution of the dialogue "
            "partners of the SCO — Armenia, Azerbaijan and Cambodia — to joint projects.")
    assert partners(run(body, date="2024-07-04")) == {
        frozenset({"org/sco", s}) for s in ("state/arm", "state/aze", "state/khm")}


def test_more_ways_of_sending_people_to_a_mission():
    cases = {
        "He recalled that Colombia has kept a battalion with the Multinational Force and Observers since 1982.":
            {("state/col", "mission/multinational-force-and-observers")},
        "Four Colombian army instructors have been attached to EUMAM Ukraine since last autumn.":
            {("state/col", "mission/eumam-ukraine")},
        "UNMOGIP remains deployed. The Group's observers come from, among others, Croatia and Uruguay.":
            {("state/hrv", "mission/unmogip"), ("state/ury", "mission/unmogip")},
        "The United Nations Peacekeeping Force in Cyprus reports that its Slovak and Hungarian engineers finished "
        "their work.": {("state/svk", "mission/unficyp"), ("state/hun", "mission/unficyp")},
    }
    for body, expected in cases.items():
        assert triples(run(body, date="2025-03-01"), PACT + "contributesTo") == expected, body


def test_contingents_from_a_number_of_states_listed_after_a_colon():
    body = ("The first units of ECOMOG came ashore at Monrovia yesterday. Contingents from five participating States "
            "make up the force: Nigeria, Ghana, Guinea, Sierra Leone and The Gambia.")
    assert {s for s, _ in triples(run(body, date="1990-08-25"), PACT + "contributesTo")} == {
        "state/nga", "state/gha", "state/gin", "state/sle", "state/gmb"}


def test_relations_elevated_to_a_partnership_conclude_it():
    body = ("The Bruneian and Singaporean Leaders decided today to elevate bilateral relations to a Comprehensive "
            "Strategic Partnership.")
    (agreement,) = run(body, date="2025-05-01").agreements
    assert agreement.name == "Comprehensive Strategic Partnership"
    assert {p.rsplit("/id/", 1)[1] for p in agreement.parties} == {"state/brn", "state/sgp"}
    assert not run("Chile and Peru hope to upgrade their ties to a Strategic Partnership one day.",
                   date="2025-05-01").agreements


def test_areas_and_challenges_named_by_a_verb_and_its_object_or_a_noun_and_its_place():
    def keys(body):
        return concept_keys(body, date="2025-03-01")

    assert "area/military-education-and-training" in keys("EUTM Somalia trains the Somali National Army.")
    assert "area/military-education-and-training" in keys("New Zealand has helped train Ukrainian recruits.")
    assert "area/capacity-building" in keys("The programme will build the capacity of the country's coast guard.")
    assert "challenge/armed-conflict" in keys("We are concerned about the continuing conflict in the Gaza Strip.")
    assert "challenge/armed-conflict" not in keys("Attacks on peacekeepers can amount to war crimes.")
    assert "challenge/armed-conflict" not in keys("Not since the Second World War in Europe has this happened.")
    assert "area/military-education-and-training" not in keys("The train to Brussels carried officials.")


def test_memberships_in_apposition_relative_clauses_and_founding():
    cases = {
        "We condemn the strikes carried out against Iran, a member of BRICS, since 13 June 2025.":
            {("state/irn", "org/brics")},
        "The Prime Minister thanked the Czech Republic, a member of the European Union since 2004 and of NATO since "
        "1999, for its support.": {("state/cze", "org/european-union"), ("state/cze", "org/nato")},
        "Japan would strengthen its cooperation with NATO, to which the Netherlands has belonged since 1949.":
            {("state/nld", "org/nato")},
        "Fifty-eight years ago, Indonesia, Malaysia, the Philippines, Singapore and Thailand founded ASEAN in Bangkok.":
            {(s, "org/asean") for s in ("state/idn", "state/mys", "state/phl", "state/sgp", "state/tha")},
        "We extend our full support to India for its BRICS chairship in 2026.": {("state/ind", "org/brics")},
        # a candidate is not a member
        "Serbia, a candidate for membership of the EU, and Norway, a member of NATO, met in Oslo.":
            {("state/nor", "org/nato")},
    }
    for body, expected in cases.items():
        assert memberships(body, date="2025-07-01") == expected, body


def test_a_possessed_partner_in_apposition_or_after_a_copula():
    assert partners(run("Portugal, Luxembourg's partner in this format, trains Cabo Verdean officers.",
                        date="2025-01-01")) == {frozenset({"state/prt", "state/lux"})}
    assert partners(run("He recalled that Colombia became NATO's first partner in Latin America in 2018.",
                        date="2025-01-01")) == {frozenset({"state/col", "org/nato"})}
    assert partners(run("The African Union is the European Union's first partner on this continent.",
                        date="2025-01-01")) == {frozenset({"org/african-union", "org/european-union"})}


def test_a_mission_that_is_one_of_the_missions_to_which_a_state_sends_troops():
    body = "MINUSMA is one of several UN missions to which Sri Lanka sends its troops."
    assert triples(run(body, date="2023-01-01"), PACT + "contributesTo") == {("state/lka", "mission/minusma")}


def test_the_states_a_communique_lists_as_attending_are_its_parties():
    body = ("Joint Communiqué of the 2025 Forum Foreign Ministers Meeting\n\n"
            "Ministers of the Pacific Islands Forum met in Suva on 14 August 2025. Ministers of all Forum Members took "
            "part: Australia, the Cook Islands, Fiji, Samoa and Tonga. Ministers agreed to meet again next year.")
    result = run(body, date="2025-08-14", genre="communique",
                 title="Joint Communiqué of the 2025 Forum Foreign Ministers Meeting")
    (agreement,) = result.agreements
    assert {p.rsplit("/id/", 1)[1] for p in agreement.parties} == {"state/aus", "state/fji", "state/wsm", "state/ton"}


def test_an_agreement_cited_as_a_standard_is_not_concluded_by_the_verbs_around_it():
    body = ("Ministers stressed that maritime zones established in accordance with the United Nations Convention on "
            "the Law of the Sea must remain in place notwithstanding sea-level rise.")
    assert not run(body, date="2025-08-14").agreements
    body = "The property is guarded by Russian servicemen in line with the Agreement on Cobasna in force since 1994."
    assert [a.name for a in run(body, date="2025-08-14").agreements] == ["Agreement on Cobasna"]


def test_peace_agreements_and_status_of_forces_agreements_do_not_make_partners():
    body = "The Secretary-General welcomes the peace agreement that the DRC and Rwanda signed in Washington on 27 June."
    assert not partners(run(body, date="2025-06-28"))
    body = ("The status-of-forces agreement concluded between the United Nations and the Government of the Central "
            "African Republic in 2014 continued to be respected.")
    assert not partners(run(body, date="2025-06-28"))
    # an agreement about peace operations still does
    body = "Canada and Viet Nam signed a Peace Operations Partnership Programme in Hanoi today."
    assert partners(run(body, date="2025-06-28")) == {frozenset({"state/can", "state/vnm"})}


def test_ministers_of_listed_states_who_sign_are_the_parties_and_the_founders():
    body = ("EI2 was launched on 25 June 2018, when the defence ministers of Belgium, Denmark, Estonia and France "
            "signed a letter of intent.")
    result = run(body, date="2019-09-20")
    (agreement,) = result.agreements
    expected = {"state/bel", "state/dnk", "state/est", "state/fra"}
    assert {p.rsplit("/id/", 1)[1] for p in agreement.parties} == expected
    assert {s for s, _ in triples(result, ORG + "memberOf")} == expected


def test_contributions_to_several_missions_in_one_sentence():
    body = ("New Zealand contributes staff officers to the United Nations Command in Korea, observers to the United "
            "Nations Truce Supervision Organization, and a contingent to the Multinational Force and Observers.")
    assert {o for _, o in triples(run(body, date="2025-03-01"), PACT + "contributesTo")} == {
        "mission/united-nations-command", "mission/untso", "mission/multinational-force-and-observers"}


def test_a_framework_opened_with_a_number_of_countries_listed_after_a_colon():
    body = ("In 1994 we opened the Mediterranean Dialogue with five countries on the southern shore and in the Middle "
            "East: Egypt, Israel, Mauritania, Morocco and Tunisia.")
    result = run(body, date="2025-03-01", publisher="NATO")
    assert {s for s, o in triples(result, ORG + "memberOf") if o == "org/mediterranean-dialogue"} == {
        "state/egy", "state/isr", "state/mrt", "state/mar", "state/tun"}


def test_contributed_at_the_end_of_a_sentence_after_a_mission():
    body = ("Our ships began patrolling the Mediterranean under Operation Active Endeavour. Israel, Morocco and "
            "Ukraine were among the partners who contributed.")
    assert {s for s, _ in triples(run(body, date="2025-03-01", publisher="NATO"), PACT + "contributesTo")} == {
        "state/isr", "state/mar", "state/ukr"}


def test_personnel_from_states_serving_at_the_mission_named_after_them():
    body = ("The Chief of Observer Group Golan, whose observers belong to UNTSO and work under UNDOF's control, also "
            "attended, together with staff officers from Bhutan, Czechia and Ghana serving at UNDOF Headquarters.")
    assert {o for _, o in triples(run(body, date="2025-09-12"), PACT + "contributesTo")} == {"mission/undof"}


def test_fellow_members_of_a_grouping_and_partners_named_after_as():
    body = ("The Republic of Korea welcomed the chance to explore projects with Australia and its AUKUS partners, the "
            "United Kingdom and the United States, under Pillar II.")
    assert {s for s, o in memberships(body, date="2025-10-01") if o == "org/aukus"} == {
        "state/aus", "state/gbr", "state/usa"}
    body = ("As NATO partners in the Indo-Pacific, Australia and the Republic of Korea will continue to deepen their "
            "cooperation with the Alliance.")
    assert partners(run(body, date="2025-10-01")) == {frozenset({"org/nato", "state/aus"}),
                                                      frozenset({"org/nato", "state/kor"})}


def test_relations_raised_to_a_partnership():
    body = ("The foreign ministers of Australia and Japan met in Tokyo. Ministers marked four years since the two "
            "countries' leaders raised the relationship to a Comprehensive Strategic Partnership in December 2021.")
    assert [a.name for a in run(body, date="2025-12-01").agreements] == ["Comprehensive Strategic Partnership"]


def test_a_currency_is_not_a_state_and_joint_leadership_leads():
    body = "Recalls that the AU itself contributed 50 million US dollars to AFISMA from its own resources."
    assert triples(run(body, date="2013-06-27"), PACT + "contributesTo") == {("org/african-union", "mission/afisma")}
    body = ("Commends the African Union and ECOWAS, under whose joint leadership AFISMA was planned and deployed in a "
            "remarkably short time.")
    assert triples(run(body, date="2013-06-27"), PACT + "leads") == {
        ("org/african-union", "mission/afisma"), ("org/ecowas", "mission/afisma")}


def test_mandates_in_plain_clauses():
    cases = {
        "The Security Council extended MINUSMA's mandate on 29 June for a further twelve months.":
            {("mission/minusma", "org/un-security-council")},
        "The Multinational Security Support mission, which the Security Council authorized last year, assists the "
        "Haitian National Police.": {("mission/mss-haiti", "org/un-security-council")},
        "UNDOF was established by the Security Council in May 1974 to maintain the ceasefire.":
            {("mission/undof", "org/un-security-council")},
        "They welcomed the Security Council's decision of 30 September 2025 to authorise a Gang Suppression Force.":
            {("mission/gang-suppression-force", "org/un-security-council")},
        # the Council's authorisation and NATO's command are two clauses
        "In 2011 the Security Council authorised the protection of civilians, and NATO took command of Operation "
        "Unified Protector.": set(),
    }
    for body, expected in cases.items():
        assert triples(run(body, date="2025-10-01"), PACT + "mandatedBy") == expected, body


def test_leaders_by_passive_apposition_by_its_and_by_both_led():
    cases = {
        "Baltic Sentry, launched by the Alliance in January, protects the cables on the floor of the Baltic Sea.":
            {("org/nato", "mission/baltic-sentry")},
        "Its troops took part in KFOR in Kosovo and ISAF in Afghanistan, both NATO-led, for many years.":
            {("org/nato", "mission/kfor"), ("org/nato", "mission/isaf")},
        "Slovenian soldiers serve in the battlegroup that NATO keeps in Latvia under its enhanced Forward Presence.":
            {("org/nato", "mission/enhanced-forward-presence")},
    }
    for body, expected in cases.items():
        assert triples(run(body, date="2025-10-01"), PACT + "leads") == expected, body


def test_a_named_partnership_with_a_state_and_two_bodies_of_one_organization_as_its_party():
    (agreement,) = run("The EU signed a Security and Defence Partnership with Canada.", date="2025-06-23").agreements
    assert agreement.name == "Security and Defence Partnership"
    body = ("President Costa and the President of the European Commission, Ursula von der Leyen, signed a Security "
            "and Defence Partnership with the Canadian Prime Minister, Mark Carney.")
    (agreement,) = run(body, date="2025-06-23").agreements
    assert {p.rsplit("/id/", 1)[1] for p in agreement.parties} == {"org/european-union", "state/can"}
    assert not run("Japan values its partnership with NATO.", date="2025-06-23").agreements


def test_monitors_seconded_and_equipment_funded_in_a_text_about_one_mission():
    body = ("The Permanent Council extended the mandate of the OSCE Special Monitoring Mission to Ukraine. Sweden has "
            "itself seconded more than forty monitors. Canada and Norway have funded long-range unmanned aerial "
            "vehicles and camera systems.")
    assert {s for s, _ in triples(run(body, date="2021-03-25"), PACT + "contributesTo")} == {
        "state/swe", "state/can", "state/nor"}


def test_two_partnerships_of_one_genre_with_different_partners_stay_apart():
    body = ("On Monday the European Union signed a Security and Defence Partnership with Canada. It follows the "
            "Security and Defence Partnership between the Union and the United Kingdom that was signed in London "
            "on 19 May.")
    found = {a.name: {p.rsplit("/id/", 1)[1] for p in a.parties} for a in run(body, date="2025-06-25").agreements}
    assert found == {"Security and Defence Partnership": {"org/european-union", "state/can"},
                     "Security and Defence Partnership between the Union and the United Kingdom":
                         {"org/european-union", "state/gbr"}}


def test_challenges_by_verb_and_object_and_hazards_by_name():
    def keys(body):
        return concept_keys(body, date="2025-03-01")

    assert {"challenge/drug-trafficking", "challenge/human-trafficking"} <= keys(
        "The same routes are used to traffic drugs and human beings.")
    assert "area/intelligence-sharing" in keys("The centre will share information among the four forces.")
    assert "challenge/natural-disasters" in keys("Droughts and floods have increased the pressure on farmers.")
    assert "area/military-education-and-training" not in keys("The train to Brussels and the soldiers arrived.")


def test_soldiers_who_served_in_both_forces_named_before():
    body = ("IFOR took over from the United Nations at the end of 1995, and SFOR replaced it a year later. Egyptian "
            "and Moroccan soldiers served in both forces, next to soldiers from Allied nations.")
    assert triples(run(body, date="2025-05-01"), PACT + "contributesTo") == {
        (s, m) for s in ("state/egy", "state/mar") for m in ("mission/ifor", "mission/sfor")}


def test_memberships_that_leave_the_verb_out_and_entering_an_organization():
    assert {s for s, _ in triples(run("Finland joined NATO in 2023 and Sweden in 2024.", date="2025-01-01"),
                                  ORG + "memberOf")} == {"state/fin", "state/swe"}
    assert {s for s, _ in triples(run("Finland joined NATO in 2023 and Sweden hosted a summit in 2024.",
                                      date="2025-01-01"), ORG + "memberOf")} == {"state/fin"}
    assert memberships("Bulgaria entered the European Union in 2007.", date="2025-01-01") == {
        ("state/bgr", "org/european-union")}


def test_an_agreement_whose_parties_a_relative_clause_after_a_comma_names():
    body = ("Croatia welcomes the Memorandum of Understanding on the Mine Countermeasures Naval Group in the Black "
            "Sea, which Bulgaria, Romania and Türkiye signed in Istanbul on 11 January 2024.")
    (agreement,) = run(body, date="2025-05-01").agreements
    assert {p.rsplit("/id/", 1)[1] for p in agreement.parties} == {"state/bgr", "state/rou", "state/tur"}
    assert agreement.date == "2024-01-11"


def test_a_shared_vision_and_a_statute_are_agreements():
    body = "India and Indonesia adopted the Shared Vision of Maritime Cooperation in the Indo-Pacific in 2018."
    assert [a.kind for a in run(body, date="2025-01-01").agreements] == ["JointStatement"]
    body = "Monaco acceded to the Statute of the Council of Europe on 5 October 2004."
    assert [(a.name, a.kind) for a in run(body, date="2025-01-01").agreements] == [
        ("Statute of the Council of Europe", "Treaty")]
    assert not run("Parliament passed a statute on cyber security.", date="2025-01-01").agreements


def test_a_name_with_of_before_its_genre():
    body = "The Status of Forces Agreement with the United States, signed in 2023, allows US troops to train in Kenya."
    assert [a.name for a in run(body, date="2025-01-01").agreements] == ["Status of Forces Agreement"]


def test_taking_part_in_a_mission_and_leading_a_part_of_it():
    cases = {
        "Portugal participates in EUTM Mozambique with 60 instructors.": {("state/prt", "mission/eutm-mozambique")},
        "Since 2004 Turkey has taken part in Operation Althea.": {("state/tur", "mission/eufor-althea")},
        "Japan participated in the talks on UNIFIL.": set(),
        "Italy leads the UNIFIL Sector West.": {("state/ita", "mission/unifil")},
    }
    for body, expected in cases.items():
        result = run(body, date="2025-01-01")
        assert triples(result, PACT + "contributesTo") == expected, body
        assert not triples(result, PACT + "leads"), body
    result = run("Finland, a member of the European Union since 1995, joined NATO in 2023.", date="2025-01-01")
    assert triples(result, ORG + "memberOf") == {("state/fin", "org/european-union"), ("state/fin", "org/nato")}


def test_money_given_through_an_organization_for_a_mission():
    body = "The European Union has allocated EUR 20 million to the African Union for AMISOM."
    assert triples(run(body, date="2015-01-01"), PACT + "contributesTo") == {("org/european-union", "mission/amisom")}


def test_a_pair_that_built_a_partnership_and_a_state_among_an_organizations_partners():
    assert partners(run("Japan and India have built a special strategic and global partnership.",
                        date="2025-01-01")) == {frozenset({"state/jpn", "state/ind"})}
    result = run("Mongolia is among NATO's partners across the globe.", date="2025-01-01")
    assert partners(result) == {frozenset({"state/mng", "org/nato"})}
    assert triples(result, ORG + "memberOf") == {("state/mng", "org/partners-across-the-globe")}
    assert not partners(run("Israel, Morocco and Ukraine were among the partners who contributed.",
                            date="2025-01-01"))


def test_a_possessed_member_or_ally_and_an_organizations_member_state():
    cases = {
        "Sweden became NATO's 32nd Ally on 7 March 2024.": {("state/swe", "org/nato")},
        "Timor-Leste was admitted as ASEAN's eleventh member in October 2025.": {("state/tls", "org/asean")},
        "Ukraine will never become NATO's newest member.": set(),
        "As an EU member state, Ireland takes part in the common security and defence policy.":
            {("state/irl", "org/european-union")},
    }
    for body, expected in cases.items():
        assert memberships(body, date="2025-11-01") == expected, body
