"""Rules added in pactgraph-rules/0.21 (session 16), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, agreements_by_name, run
from pactgraph.namespaces import ID


def _dates(result) -> dict[str, str | None]:
    return {a.name: a.date for a in result.agreements}


def test_items_lettered_with_a_stop_under_a_heading_are_concluded_and_dated():
    body = ("4. Today the two Presidents witnessed the exchange of the following documents:\n\n"
            "a. Memorandum of Understanding between the Ministry of Defence of Ghana and the Ministry of Defence of "
            "Togo on Border Patrols;\n\n"
            "b. Memorandum of Understanding on Fisheries Surveillance;\n\n"
            "c. Letter of Intent on Cooperation in Disaster Relief; and\n\n"
            "d. Memorandum of Understanding on Cooperation in Customs Intelligence.")
    result = run(body, title="Joint Communiqué on the State Visit of the President of Ghana to Togo",
                 publisher="Ministry of Foreign Affairs of Togo", date="2026-02-10", genre="joint-statement")
    found, dates = agreement_parties(result), _dates(result)
    for name in ("Memorandum of Understanding on Fisheries Surveillance", "Letter of Intent on Cooperation in "
                 "Disaster Relief", "Memorandum of Understanding on Cooperation in Customs Intelligence"):
        assert found[name] == ["state/gha", "state/tgo"], name
        assert dates[name] == "2026-02-10", name


def test_the_article_a_before_a_name_is_not_an_item_letter():
    body = ("The two ministers discussed the border.\n\n"
            "A Memorandum of Understanding on Fisheries Surveillance would help, they said.")
    found = agreement_parties(run(body, title="Readout", publisher="Ministry of Foreign Affairs of Togo",
                                  date="2026-02-10", genre="press-release"))
    assert "Memorandum of Understanding on Fisheries Surveillance" not in found


_SUMMIT = dict(title="Joint Statement of the Ghana–Togo Summit", publisher="Ministry of Foreign Affairs of Ghana",
               date="2026-03-20", genre="joint-statement")


def test_a_statement_of_the_documents_genre_issued_on_another_day_is_another_agreement():
    body = ("The President of Ghana and the President of Togo adopted this Joint Statement. They took note of the "
            "joint statement on Mali issued on 2 March 2026 by Senegal, Côte d'Ivoire and Nigeria.")
    result = run(body, **_SUMMIT)
    found, dates = agreement_parties(result), _dates(result)
    assert found["joint statement on Mali"] == ["state/civ", "state/nga", "state/sen"]
    assert dates["joint statement on Mali"] == "2026-03-02"
    assert found["Joint Statement"] == ["state/gha", "state/tgo"] and dates["Joint Statement"] == "2026-03-20"


def test_a_state_right_after_on_in_a_statements_name_is_its_topic_not_a_side():
    body = "Today Senegal and Nigeria signed the Joint Declaration on Mali, which sets out their support for talks."
    found = agreement_parties(run(body, title="Release", publisher="Ministry of Foreign Affairs of Senegal",
                                  date="2026-03-02", genre="press-release"))
    assert found["Joint Declaration on Mali"] == ["state/nga", "state/sen"]


def test_states_joined_after_on_are_still_the_sides_of_a_declaration():
    body = "The two Presidents adopted the Joint Declaration on Ghana-Togo Cooperation in Accra today."
    found = agreement_parties(run(body, title="Release", publisher="Ministry of Foreign Affairs of Ghana",
                                  date="2026-03-02", genre="press-release"))
    assert found["Joint Declaration on Ghana-Togo Cooperation"] == ["state/gha", "state/tgo"]


_MOD = dict(title="Release", publisher="Ministry of Defence of the Czech Republic", date="2026-03-02",
            genre="press-release")


def test_a_proper_name_before_lower_case_modifiers_names_the_agreement():
    body = ("The Gripen lease agreement, which the Czech Republic first concluded with the Kingdom of Sweden in 2004 "
            "and extended in 2014, runs until 2027.")
    found = agreement_parties(run(body, **_MOD))
    assert found["Gripen Lease Agreement"] == ["state/cze", "state/swe"]


def test_a_lower_case_plural_does_not_join_one_agreement_named_before():
    body = ("The two ministries put the Agreement into practice with an implementing arrangement between the Czech "
            "Republic and Slovakia concluded in Bratislava on 5 January 2018. The Protocol covers the bilateral "
            "stand-in arrangements that NATO's structures do not provide for.")
    result = run(body, **_MOD)
    [arrangement] = [a for a in result.agreements if "rrangement" in a.name]
    assert arrangement.date == "2018-01-05" and "stand" not in arrangement.name.lower()


def test_signed_by_the_ministry_in_a_ministrys_release_is_its_state():
    body = ("The Czech Republic is buying twenty-four F-35A aircraft under the Letter of Offer and Acceptance signed "
            "by the Ministry and the United States Government in 2024.")
    found = agreement_parties(run(body, **_MOD))
    assert found["Letter of Offer and Acceptance"] == ["state/cze", "state/usa"]


def test_an_addendum_is_its_own_agreement_and_the_memorandum_it_extends_an_earlier_one():
    body = ("The Uganda People's Defence Forces and the Armed Forces of the Democratic Republic of the Congo today "
            "signed an addendum to the Memorandum of Understanding on Joint Military Operations, extending joint "
            "operations for a further twelve months. The Memorandum was concluded between Kampala and Kinshasa in "
            "November 2021.")
    result = run(body, title="UPDF and FARDC sign addendum", publisher="Uganda People's Defence Forces",
                 date="2025-07-03", genre="press-release")
    found, dates = agreement_parties(result), _dates(result)
    name = "addendum to the Memorandum of Understanding on Joint Military Operations"
    assert found[name] == ["state/cod", "state/uga"] and dates[name] == "2025-07-03"
    assert found["Memorandum of Understanding on Joint Military Operations"] == ["state/cod", "state/uga"]
    assert dates["Memorandum of Understanding on Joint Military Operations"] != "2025-07-03"


def test_a_signing_dated_in_a_past_year_is_concluded_whatever_the_sentence_imagines():
    body = ("None of this would be possible without the foundation laid by the Treaty of Friendship, "
            "Good-Neighbourliness and Cooperation between Italy and Algeria, signed in Algiers on 27 January 2003.")
    result = run(body, title="Press statements", publisher="Presidency of the Council of Ministers of the Italian "
                 "Republic", date="2025-07-23", genre="transcript")
    name = "Treaty of Friendship, Good-Neighbourliness and Cooperation between Italy and Algeria"
    assert agreement_parties(result)[name] == ["state/dza", "state/ita"]
    assert _dates(result)[name] == "2003-01-27"


def test_a_treaty_only_hoped_for_stays_unrecorded():
    body = "Both sides hope that an extradition treaty would be signed in 2027 between Italy and Algeria."
    result = run(body, title="Press statements", publisher="Ministry of Foreign Affairs of Italy", date="2025-07-23",
                 genre="press-release")
    assert not result.agreements


def test_the_council_of_ministers_is_not_the_security_council():
    body = ("Press statements by the President of the Council of Ministers, Giorgia Meloni.\n\nAlgeria sits this year "
            "on the United Nations Security Council.")
    result = run(body, title="Press statements", publisher="Presidency of the Council of Ministers of the Italian "
                 "Republic", date="2025-07-23", genre="transcript")
    council = [s for s in result.statements if s.subject.endswith("org/un-security-council")]
    assert all("Council of Ministers" not in e.quote for s in council for e in s.evidence)


_BRIEFING = dict(title="Weekly press briefing by the Spokesperson", publisher="Ministry of Foreign Affairs of Pakistan",
                 date="2025-08-22", genre="transcript")


def test_instruments_being_finalised_and_expected_to_be_signed_are_not_concluded():
    body = ("A number of agreements and memoranda of understanding between Pakistan and Uzbekistan are being "
            "finalised and are expected to be signed during the visit.")
    assert not run(body, **_BRIEFING).agreements


def test_any_ceasefire_is_not_one_agreed():
    body = "The leaders of Pakistan and Türkiye agreed that any ceasefire must be backed by robust guarantees."
    assert not run(body, **_BRIEFING).agreements


def test_the_three_ministers_are_the_states_of_the_three_office_holders_named_before():
    body = ("Deputy Prime Minister and Foreign Minister Mohammad Ishaq Dar travelled to Kabul on 20 August for the "
            "Trilateral Foreign Ministers' Dialogue, with Foreign Minister Wang Yi of China and Acting Foreign "
            "Minister Amir Khan Muttaqi of Afghanistan. At the conclusion of the Dialogue, the three Foreign "
            "Ministers adopted a joint statement.")
    result = run(body, **_BRIEFING)
    holders = {p.holder.rsplit("/", 1)[-1]: p.organization for p in result.positions}
    assert holders["amir-khan-muttaqi"] == ID + "state/afg"  # ("Amir" is his given name, not a post)
    assert holders["mohammad-ishaq-dar"] == ID + "state/pak"  # (the publishing ministry's own minister)
    assert agreement_parties(result)["Joint Statement"] == ["state/afg", "state/chn", "state/pak"]


def test_she_and_her_counterpart_are_the_subject_of_the_sentence_before_and_the_counterparts_state():
    body = ("Minister Thérèse Kayikwamba Wagner of the Democratic Republic of the Congo briefed Minister Lamola on the "
            "Washington Accords, which President Tshisekedi and President Paul Kagame of Rwanda signed on 4 December "
            "in the presence of United States President Donald Trump. The Accords reaffirm the Peace Agreement that "
            "she and her Rwandan counterpart, Mr Olivier Nduhungirehe, signed in Washington on 27 June 2025.")
    result = run(body, title="Minister Lamola hosts the Minister of Foreign Affairs of the DRC",
                 publisher="Department of International Relations and Cooperation, South Africa", date="2025-12-10",
                 genre="press-release")
    assert agreement_parties(result)["Peace Agreement"] == ["state/cod", "state/rwa"]


def test_a_lower_case_status_of_forces_agreement_is_named_with_its_modifiers():
    body = "In April, the Philippines also signed a status of visiting forces agreement with New Zealand."
    result = run(body, **_BRIEFING)
    assert agreement_parties(result)["Status of Visiting Forces Agreement"] == ["state/nzl", "state/phl"]
    assert _dates(result)["Status of Visiting Forces Agreement"] is None  # (April, not the briefing's day)


def test_a_day_after_a_month_of_its_own_dates_something_else():
    body = ("The Reciprocal Access Agreement that Japan and the Philippines signed in Manila in July last year entered "
            "into force last Thursday.")
    result = run(body, title="Regular press conference", publisher="Ministry of Foreign Affairs of China",
                 date="2025-09-18", genre="transcript")
    assert _dates(result)["Reciprocal Access Agreement"] is None


def test_a_mediator_named_by_role_before_the_name_is_not_a_party():
    body = ("Council welcomes the Preliminary Agreement on Elections, signed in Ouagadougou on 18 June 2013 between "
            "the Government of Mali and the armed groups of the north, and commends the ECOWAS Mediator, President "
            "Blaise Compaoré of Burkina Faso, and the Associate Mediator, President Goodluck Jonathan of Nigeria.")
    result = run(body, title="Communiqué", publisher="Mediation and Security Council of ECOWAS", date="2013-06-25",
                 genre="communique")
    assert agreement_parties(result)["Preliminary Agreement on Elections"] == ["state/mli"]


_READOUT = dict(title="Minister receives his Eritrean counterpart", publisher="Ministry of Foreign Affairs of Egypt",
                date="2025-10-20", genre="press-release")


def test_a_relative_clause_with_one_side_the_register_lacks_gives_the_other_alone():
    body = ("She briefed him on the Doha Framework for Peace that the Government of the DRC and the AFC/M23 signed on "
            "15 November under the mediation of the State of Qatar. He recalled the memorandum of understanding that "
            "Ethiopia signed with the Somaliland region in January 2024.")
    found = agreement_parties(run(body, **_READOUT))
    assert found["Doha Framework for Peace"] == ["state/cod"]
    assert found["Memorandum of Understanding"] == ["state/eth"]


def test_a_group_of_registered_actors_after_and_is_not_a_side_the_register_lacks():
    body = ("The Work Plan that Viet Nam and the ASEAN Defence Ministers adopted on 14 June 2022 covers maritime "
            "security.")
    found = agreement_parties(run(body, **_READOUT))
    assert found["Work Plan"] != ["state/vnm"]


def test_a_lower_case_protocol_with_its_modifiers_signed_between_two_states():
    body = ("He reviewed the deployment, in line with the defence cooperation protocol signed between Egypt and "
            "Somalia in Cairo in August 2024. Health protocols at the border were also discussed.")
    found = agreement_parties(run(body, **_READOUT))
    assert found == {"Defence Cooperation Protocol": ["state/egy", "state/som"]}


def test_statements_issued_by_different_signatories_are_two_and_what_one_sets_out_is_its_content():
    body = ("The ministers recalled the tripartite summit that brought together the Presidents of Egypt, Eritrea and "
            "Somalia in Asmara on 10 October 2024, and the joint statement the three leaders issued at its close. "
            "Minister Abdelatty referred to the joint statement that the foreign ministers of Egypt, Saudi Arabia, "
            "the United Arab Emirates and the United States issued on 12 September, which sets out a roadmap for "
            "ending the war.")
    result = run(body, **_READOUT)
    statements = sorted(sorted(p.rsplit("/", 1)[-1] for p in a.parties) for a in result.agreements
                        if a.kind == "JointStatement")
    assert statements == [["are", "egy", "sau", "usa"], ["egy", "eri", "som"]]
    assert not any(a.kind == "ActionPlan" for a in result.agreements)


def test_the_csce_is_the_osce_under_its_earlier_name():
    body = "The Memorandum replaces the one that Moldova concluded with the CSCE in 1993."
    result = run(body, title="OSCE and Moldova sign a new memorandum", publisher="OSCE", date="2025-06-24",
                 genre="press-release")
    assert any(s.subject.endswith("org/osce") or s.obj == ID + "org/osce" for s in result.statements)


def test_a_verb_and_its_place_before_an_aside_conclude_the_name_after_it_with_the_colleagues_named_there():
    body = ("In January, our energy ministers signed in Rome, together with their colleagues from Tunisia, Austria "
            "and Germany, the joint declaration of intent on the hydrogen corridor.")
    result = run(body, title="Press statements", publisher="Presidency of the Council of Ministers of the Italian "
                 "Republic", date="2025-07-23", genre="transcript")
    [declaration] = result.agreements
    assert {"state/aut", "state/deu", "state/ita", "state/tun"} <= {p.rsplit("id/", 1)[-1] for p in declaration.parties}


def test_together_with_outside_the_aside_before_a_name_adds_no_party():
    body = ("Mauritania has taken part in the Mediterranean Dialogue since 1995, together with Algeria, Egypt and "
            "Jordan, and agreed an Individually Tailored Partnership Programme with NATO in 2024.")
    found = agreement_parties(run(body, title="NATO and Mauritania", publisher="NATO", date="2025-03-01",
                                  genre="press-release"))
    assert found["Individually Tailored Partnership Programme"] == ["org/nato", "state/mrt"]


def test_a_declaration_through_which_two_states_agreed_is_theirs():
    body = ("The deployment was made possible by the Ankara Declaration, through which Somalia and Ethiopia agreed "
            "on 11 December 2024 to settle their differences.")
    result = run(body, title="Release", publisher="African Union Commission", date="2025-09-18",
                 genre="press-release")
    assert agreement_parties(result)["Ankara Declaration"] == ["state/eth", "state/som"]


def test_a_sentence_opening_with_in_the_name_and_its_committed_subjects():
    body = ("The ceasefire rests on the agreement of 1992. Five years later, in the Memorandum on the Basis for "
            "Normalization of Relations, Chișinău and Tiraspol committed themselves to settle their differences.")
    result = run(body, title="Release", publisher="OSCE", date="2025-06-24", genre="press-release")
    name = "Memorandum on the Basis for Normalization of Relations"
    assert agreement_parties(result)[name] == ["state/mda"] and _dates(result)[name] is None


def test_in_the_name_with_a_verb_of_no_commitment_is_no_conclusion():
    body = "In the Memorandum on Maritime Security, Ghana and Togo see a model for the region."
    result = run(body, title="Release", publisher="Ministry of Foreign Affairs of Ghana", date="2025-06-24",
                 genre="press-release")
    assert not result.agreements


_REPORT = dict(title="Annual Report 2025: Defence cooperation with foreign countries", publisher="Ministry of Defence, "
               "Government of India", date="2026-02-01", genre="report")


def test_a_paragraph_labelled_with_a_state_gives_the_partner_of_the_two_countries():
    body = ("10.7 United States: The ten-year Framework for the US-India Major Defence Partnership was signed in "
            "Kuala Lumpur on 31 October 2025.\n\n"
            "10.9 Australia: The Defence Minister visited Canberra in October. These build upon the Mutual Logistics "
            "Support Arrangement signed in June 2020, when the two countries raised their ties to a Comprehensive "
            "Strategic Partnership.\n\n"
            "10.11 Philippines: During the State Visit the two navies concluded the Terms of Reference for "
            "Navy-to-Navy Staff Talks.")
    found = agreement_parties(run(body, **_REPORT))
    assert found["Mutual Logistics Support Arrangement"] == ["state/aus", "state/ind"]
    assert found["Terms of Reference for Navy-to-Navy Staff Talks"] == ["state/ind", "state/phl"]


def test_a_heading_naming_one_state_gives_the_partner_of_its_section():
    body = ("1. United States\n\nOur only treaty ally remains the United States. The Mutual Defense Treaty, signed in "
            "Washington on August 30, 1951, commits the two countries to act together.\n\n"
            "2. Canada\n\nThe Status of Visiting Forces Agreement with Canada was signed on November 2.")
    found = agreement_parties(run(body, title="The Philippines' visiting forces agreements with Canada and others",
                                  publisher="Department of National Defense, Philippines", date="2025-11-20",
                                  genre="report"))
    assert found["Mutual Defense Treaty"] == ["state/phl", "state/usa"]


def test_a_plural_concluded_with_states_each_with_its_year_is_one_agreement_each():
    body = ("Agreements concerning the transfer of defense equipment and technology have been concluded with the "
            "United Kingdom (2013), Australia (2014), India (2015) and Italy and Germany (2017).")
    result = run(body, title="Diplomatic Bluebook 2025", publisher="Ministry of Foreign Affairs of Japan",
                 date="2025-04-18", genre="report")
    found = agreements_by_name(result)
    name = "Agreement concerning the transfer of defense equipment and technology"
    assert sorted(found[name]) == [["state/aus", "state/jpn"], ["state/deu", "state/jpn"], ["state/gbr", "state/jpn"],
                                   ["state/ind", "state/jpn"], ["state/ita", "state/jpn"]]


_UNGA = dict(title="Statement by the President of the Republic of Ghana at the General Debate of the Eightieth Session "
             "of the United Nations General Assembly", publisher="The Presidency, Republic of Ghana",
             date="2025-09-25", genre="speech")


def test_the_forum_of_a_speech_is_no_side_of_the_agreements_it_recounts():
    body = ("I thank Secretary-General António Guterres for his leadership. Ghana and Côte d'Ivoire have shown what "
            "good neighbours can do. In May, in Abidjan, the Defence Minister of Ghana signed a memorandum of "
            "understanding on joint patrols along the common border.")
    result = run(body, **_UNGA)
    [guterres] = [p for p in result.positions if p.holder.endswith("antonio-guterres")]
    assert guterres.organization == ID + "org/united-nations"
    assert "org/un-general-assembly" not in agreement_parties(result)["memorandum of understanding on joint patrols"]


def test_a_state_that_ratified_a_treaty_is_its_one_party_here():
    body = "This week, Ghana deposited its instrument of ratification of the Treaty on the Prohibition of Nuclear Weapons."
    found = agreement_parties(run(body, **_UNGA))
    assert found["Treaty on the Prohibition of Nuclear Weapons"] == ["state/gha"]


def test_the_organization_publishing_a_peace_agreement_is_not_its_second_side():
    body = ("The South Sudanese parties entrusted the monitoring of the ceasefire to the mechanism in the Revitalized "
            "Agreement on the Resolution of the Conflict in South Sudan, which the Government of South Sudan and the "
            "SPLM-IO signed in Addis Ababa on 12 September 2018.")
    found = agreement_parties(run(body, title="Statement", publisher="Intergovernmental Authority on Development",
                                  date="2025-10-01", genre="press-statement"))
    assert found["Revitalized Agreement on the Resolution of the Conflict"] == ["state/ssd"]


_DIALOGUE = dict(title="Remarks by the Minister for Foreign Affairs at the Ulaanbaatar Dialogue",
                 publisher="Ministry of Foreign Affairs of Mongolia", date="2024-06-14", genre="speech")


def test_our_two_presidents_are_the_speakers_state_and_the_one_other_state_of_the_sentence():
    body = ("In July 2019, in Washington, our two Presidents issued a joint statement that made our relationship with "
            "the United States a strategic partnership.")
    found = agreement_parties(run(body, **_DIALOGUE))
    assert found["Joint Statement"] == ["state/mng", "state/usa"]


def test_the_treaty_of_a_year_is_one_concluded_then_and_not_the_treaty_named_before():
    body = ("President Vladimir Putin and our then President, Khaltmaagiin Battulga, signed the Treaty on Friendly "
            "Relations and Comprehensive Strategic Partnership here in Ulaanbaatar on 3 September 2019, building on "
            "the treaty of 1993.")
    result = run(body, **_DIALOGUE)
    treaties = sorted((a.name, a.date) for a in result.agreements if a.kind == "Treaty")
    assert treaties == [("Treaty", None), ("Treaty on Friendly Relations and Comprehensive Strategic Partnership",
                                            "2019-09-03")]


def test_a_year_before_a_leading_verb_tells_two_declarations_apart_and_the_state_assured_is_no_side():
    body = ("With China, President Xi Jinping and President Tsakhiagiin Elbegdorj signed in August 2014 a joint "
            "declaration raising our relations to a comprehensive strategic partnership. In September 2012 the five "
            "permanent members of the Security Council, China, France, Russia, the United Kingdom and the United "
            "States, signed in New York a joint declaration on security assurances to Mongolia.")
    result = run(body, **_DIALOGUE)
    declarations = sorted(sorted(p.rsplit("/", 1)[-1] for p in a.parties) for a in result.agreements
                          if a.kind == "JointDeclaration")
    assert declarations == [["chn", "fra", "gbr", "rus", "usa"], ["chn", "mng"]]


def test_a_peer_named_by_its_adjective_before_the_verb_is_a_subject_too():
    body = ("In March, our Ministry of Police, National Security and Correctional Services and its Papua New Guinean "
            "counterpart signed a memorandum of understanding on joint patrols along the maritime border.")
    found = agreement_parties(run(body, title="Opening address to the Pacific Islands Forum Leaders Meeting",
                                  publisher="Office of the Prime Minister, Solomon Islands", date="2025-09-08",
                                  genre="speech"))
    assert found["memorandum of understanding on joint patrols"] == ["state/png", "state/slb"]
