"""Agreement rules added in pactgraph-rules/0.19 (session 14), each on invented sentences."""

from __future__ import annotations

from extract_helpers import run

_MOD = dict(title="Minister's address to the National Assembly", publisher="Ministry of Defence of Ghana",
            date="2026-04-14", genre="speech")


def _by_name(result) -> dict[str, list[str]]:
    return {a.name: sorted(p.rsplit("/id/", 1)[-1] for p in a.parties) for a in result.agreements}


def test_two_agreements_in_two_clauses_each_take_their_own_clause_parties():
    body = ("In Lomé on 9 March, the Presidents of Ghana, Togo and Benin signed the Lomé Declaration on Border "
            "Security, and Togo and Benin brought into force their own Treaty on Police Cooperation.")
    found = _by_name(run(body, **_MOD))
    assert found["Lomé Declaration on Border Security"] == ["state/ben", "state/gha", "state/tgo"]
    assert found["Treaty on Police Cooperation"] == ["state/ben", "state/tgo"]


def test_our_neighbours_are_not_us():
    body = ("Last month the Presidents of Ghana, Togo and Benin signed the Lomé Declaration, and our Togolese and "
            "Beninese neighbours ratified their own Treaty on Police Cooperation.")
    assert _by_name(run(body, **_MOD))["Treaty on Police Cooperation"] == ["state/ben", "state/tgo"]


def test_one_clause_without_its_own_subject_keeps_the_sentence_parties():
    body = ("The Ministers of Defence of Ghana and Togo signed a Memorandum of Understanding on Border Patrols, and "
            "in the afternoon they also adopted a Joint Action Plan for 2026.")
    found = _by_name(run(body, **_MOD))
    assert found["Memorandum of Understanding on Border Patrols"] == ["state/gha", "state/tgo"]
    assert found["Joint Action Plan for 2026"] == ["state/gha", "state/tgo"]


def test_signed_together_with_the_other_agreement_concludes_it():
    body = ("Our cooperation with Côte d'Ivoire rests on the Defence Cooperation Agreement, which was signed in "
            "Abidjan on 2 May 2019 together with the Agreement on Military Training.")
    found = _by_name(run(body, **_MOD))
    assert found["Agreement on Military Training"] == ["state/civ", "state/gha"]


def test_together_with_ends_a_lower_case_topic():
    body = ("On 3 June 2024 in Accra I signed with the Minister of Defence of Burkina Faso the agreement on the "
            "joint patrol of the border, together with the protocol on the shared use of the Bui-Noumbiel airstrip.")
    found = _by_name(run(body, **_MOD))
    assert found["agreement on the joint patrol of the border"] == ["state/bfa", "state/gha"]
    assert any(name.startswith("protocol on the shared use of the Bui-Noumbiel") for name in found)  # (hyphen kept)


def test_signed_together_with_counterparts_before_the_object():
    body = ("On Monday, in Accra, I signed together with my counterparts from Togo and Benin a memorandum of "
            "understanding on the exchange of liaison officers.")
    found = _by_name(run(body, **_MOD))
    assert found["memorandum of understanding on the exchange of liaison officers"] == [
        "state/ben", "state/gha", "state/tgo"]


def test_a_second_clause_without_its_verb_is_concluded_too():
    body = ("Ghana has settled its maritime questions by agreement: the agreement with Togo on the delimitation of "
            "the territorial sea was signed in Lomé on 4 May 2021, and the agreement with Côte d'Ivoire on the joint "
            "management of fisheries in Abidjan on 8 October 2022.")
    found = _by_name(run(body, **_MOD))
    assert found["agreement on the joint management of fisheries"] == ["state/civ", "state/gha"]


def test_a_gapped_clause_that_only_plans_is_not_concluded():
    body = ("The agreement with Togo on the delimitation of the territorial sea was signed in Lomé on 4 May 2021, "
            "and the agreement with Côte d'Ivoire on fisheries will follow next year.")
    assert "agreement on fisheries" not in _by_name(run(body, **_MOD))


def test_exchanged_letters_are_an_exchange_of_letters():
    body = ("In Addis Ababa on 12 February, the Chairperson of the African Union Commission and the High "
            "Representative of the European Union exchanged letters on the financing of the mission.")
    result = run(body, title="AU and EU exchange letters", publisher="African Union Commission", date="2026-02-12")
    agreement = next(a for a in result.agreements if a.name.lower() == "exchange of letters")
    assert sorted(p.rsplit("/id/", 1)[-1] for p in agreement.parties) == [
        "org/african-union-commission", "org/european-union"]
    assert agreement.date == "2026-02-12"


def test_exchanging_views_is_no_agreement():
    body = "The two Ministers exchanged views on the situation in the Sahel and exchanged greetings."
    assert run(body, **_MOD).agreements == []


def test_partnership_priorities_are_agreed_priorities():
    body = "The European Union and Armenia adopted their Partnership Priorities for 2021-2027 in Brussels."
    result = run(body, title="EU-Armenia Partnership Council", publisher="Council of the European Union",
                 date="2026-02-12")
    assert _by_name(result)["Partnership Priorities for 2021-2027"] == ["org/european-union", "state/arm"]


def test_i_signed_is_the_speaker_state_with_the_partner_named_after_with():
    body = "This morning I signed with the Minister of Defence of Burkina Faso an agreement on air surveillance."
    assert _by_name(run(body, **_MOD))["agreement on air surveillance"] == ["state/bfa", "state/gha"]


def test_an_apposition_before_under_which_concludes_the_programme():
    body = ("The new programme replaces the Individual Partnership Action Plan, the framework under which Baku has "
            "worked with the Alliance since 2005.")
    result = run(body, title="NATO and Azerbaijan agree new programme", publisher="NATO", date="2026-03-02")
    assert _by_name(result)["Individual Partnership Action Plan"] == ["org/nato", "state/aze"]


def test_reforms_pursued_through_a_programme_stand_on_it():
    body = "The Allies welcomed the reforms Moldova has carried out through its Annual National Programme."
    result = run(body, title="Allies meet Moldova", publisher="NATO", date="2026-03-02")
    assert "Annual National Programme" in _by_name(result)


def test_a_programme_opening_the_sentence_is_the_state_own():
    body = "Through its Pacific Defence Programme, Australia will train forty officers from the region."
    result = run(body, title="Australia trains officers", publisher="Department of Defence of Australia",
                 date="2026-03-02")
    assert result.agreements == []


def test_programmes_for_different_years_are_different_agreements():
    body = ("The two ministries signed the Executive Programme of Cultural Cooperation for 2026-2028 today. It "
            "succeeds the Executive Programme for 2019-2021, which Egypt and Jordan had signed in Amman.")
    result = run(body, title="Egypt and Jordan sign programme", publisher="Ministry of Foreign Affairs of Egypt",
                 date="2026-03-02")
    names = set(_by_name(result))
    assert "Executive Programme for 2019-2021" in names
    assert any("2026-2028" in name for name in names)


def test_a_topic_after_an_acronym_in_brackets_names_the_agreement():
    body = ("The instruments signed today include a letter of intent between the Coast Guard of Ghana and the Togolese "
            "Navy (TN) on joint patrols against piracy in the Gulf of Guinea.")
    names = set(_by_name(run(body, **_MOD)))
    assert any(name.startswith("letter of intent on joint patrols against piracy") for name in names)


def test_the_leaders_of_an_organization_and_of_states_adopt_together():
    body = ("He recalled the first EU-Central Asia Summit, held in Samarkand, at which the leaders of the European "
            "Union and of Kazakhstan, Kyrgyzstan and Uzbekistan adopted a Joint Declaration raising relations "
            "between the Union and the region to a strategic partnership.")
    result = run(body, title="Visit of the High Representative", publisher="Ministry of Foreign Affairs of Uzbekistan",
                 date="2026-03-02")
    assert _by_name(result)["Joint Declaration"] == ["org/european-union", "state/kaz", "state/kgz", "state/uzb"]


def test_the_state_whose_programme_a_standing_agreement_is():
    body = "The Allies praised the reforms Georgia has pursued through its Annual National Programme."
    result = run(body, title="Allies meet in Brussels", publisher="NATO", date="2026-03-02")
    assert _by_name(result)["Annual National Programme"] == ["org/nato", "state/geo"]


def test_and_the_before_a_second_genre_name_ends_the_first_name():
    body = ("The Foreign Ministers of Ghana and Togo met in Accra. The Ministers adopted this Joint Communiqué and the "
            "Work Plan for 2026-2028, which is annexed to it.")
    result = run(body, title="Joint Communiqué of the Ghana-Togo Joint Commission",
                 publisher="Ministry of Foreign Affairs of Ghana", date="2026-03-02")
    names = {a.name for a in result.agreements}
    assert "Work Plan for 2026-2028" in names
    assert not any("Communiqué and" in name for name in names)


def test_the_publisher_of_a_joint_text_is_one_of_its_sides():
    body = ("JOINT STATEMENT\n\nThe Arab Ministers and the Minister of Foreign Affairs of China met in Beijing. They "
            "welcomed the offer of the United Arab Emirates to host the next meeting, thanked the United Arab Emirates "
            "for its mediation and noted the trade corridor through the United Arab Emirates.")
    result = run(body, title="Joint Statement of the Second Arab-Chinese Ministerial Meeting",
                 publisher="General Secretariat of the League of Arab States", genre="joint-statement",
                 date="2026-01-31")
    statement = next(a for a in result.agreements if a.kind == "JointStatement")
    assert sorted(p.rsplit("/id/", 1)[-1] for p in statement.parties) == ["org/arab-league", "state/chn"]


def test_the_agreement_a_new_one_updates_is_another_agreement():
    body = ("The two Ministers signed the Memorandum on Defence Cooperation between the Ministry of Defence of Ghana "
            "and the Ministry of Defence of Togo, which updates the memorandum signed in 2014.")
    names = [a.name for a in run(body, **_MOD).agreements]
    assert len(names) == 2
    assert any(name.lower() == "memorandum" for name in names)


def test_establishing_a_named_body_is_the_topic_of_the_agreement():
    body = ("The Ministers of Foreign Affairs of Ghana and Togo signed a Memorandum of Understanding on trade "
            "promotion. In 2018 the two countries had signed a Memorandum of Understanding establishing a Joint "
            "Permanent Commission.")
    names = {a.name for a in run(body, **_MOD).agreements}
    assert "Memorandum of Understanding establishing a Joint Permanent Commission" in names
    assert "Memorandum of Understanding on trade promotion" in names


def test_instruments_signed_among_them_an_agreement():
    body = ("Relations between Accra and Lomé were put on a new footing in May 2019, when the two countries signed "
            "four bilateral instruments, among them a Memorandum of Understanding establishing a Joint Border "
            "Commission.")
    result = run(body, title="Ghana and Togo", publisher="Ministry of Foreign Affairs of Ghana", date="2026-03-02")
    found = _by_name(result)
    assert found["Memorandum of Understanding establishing a Joint Border Commission"] == ["state/gha", "state/tgo"]


def test_a_list_after_a_colon_of_signed_treaties():
    body = ("In 2010 the Presidents of Ghana and Togo signed in Lomé two treaties: the Treaty on Border Security, "
            "and the Treaty on Police Cooperation.")
    found = _by_name(run(body, **_MOD))
    assert found["Treaty on Border Security"] == ["state/gha", "state/tgo"]
    assert found["Treaty on Police Cooperation"] == ["state/gha", "state/tgo"]


def test_instruments_to_be_signed_are_not_concluded():
    body = ("The two countries will sign four instruments next month, including a Memorandum of Understanding on "
            "Fisheries.")
    assert run(body, **_MOD).agreements == []


def test_the_agreement_a_protocol_amends_is_an_agreement_of_its_own():
    body = ("Today the Ministers of Defence of Ghana and Togo signed the Protocol amending the Agreement on Military "
            "Training.")
    found = {a.name: a for a in run(body, **_MOD).agreements}
    assert set(found) == {"Protocol amending the Agreement on Military Training", "Agreement on Military Training"}
    amended = found["Agreement on Military Training"]
    assert sorted(p.rsplit("/id/", 1)[-1] for p in amended.parties) == ["state/gha", "state/tgo"]
    assert amended.date is None  # (today is the protocol's day, not the agreement's)
    assert found["Protocol amending the Agreement on Military Training"].date == "2026-04-14"


def test_what_the_protocol_updates_is_the_agreement_it_amends():
    body = ("Today the Ministers of Defence of Ghana and Togo signed the Protocol amending the Agreement on Military "
            "Training. The Protocol updates the Agreement on Military Training that Accra and Lomé concluded in 2009.")
    names = sorted(a.name for a in run(body, **_MOD).agreements)
    assert names == ["Agreement on Military Training", "Protocol amending the Agreement on Military Training"]


def test_an_agreement_extended_by_years_is_one_too():
    body = ("The delegations of Ghana and Togo also signed a protocol extending by five years the agreement on the "
            "interdiction of illicit air traffic.")
    names = {a.name for a in run(body, **_MOD).agreements}
    assert "agreement on the interdiction of illicit air traffic" in names


def test_plural_agreements_of_listed_states_with_one_partner_are_one_each():
    body = ("The EU and CELAC ministers welcomed the part that partners from the region play in the Union's crisis "
            "management operations: Chile and Colombia, which signed framework participation agreements with the "
            "Union in 2014, have served with EUFOR Althea.")
    result = run(body, title="Council welcomes partners", publisher="Council of the European Union", date="2026-03-02")
    pairs = sorted(sorted(p.rsplit("/id/", 1)[-1] for p in a.parties) for a in result.agreements)
    assert pairs == [["org/european-union", "state/chl"], ["org/european-union", "state/col"]]
    assert {a.name for a in result.agreements} == {"Framework Participation Agreement"}


def test_both_countries_under_plural_agreements_with_one_partner():
    body = ("Montenegro and North Macedonia are candidates. Both countries already take part in EU crisis management "
            "under framework participation agreements with the Union.")
    result = run(body, title="Council welcomes partners", publisher="Council of the European Union", date="2026-03-02")
    pairs = sorted(sorted(p.rsplit("/id/", 1)[-1] for p in a.parties) for a in result.agreements)
    assert pairs == [["org/european-union", "state/mkd"], ["org/european-union", "state/mne"]]


def test_a_declaration_of_intent_signed():
    body = "The Ministers of Defence of Ghana and Togo signed a declaration of intent on air defence in Accra on 7 July 2025."
    result = run(body, **_MOD)
    statement = next(a for a in result.agreements if "declaration of intent" in a.name.lower())
    assert statement.kind == "JointDeclaration"
    assert sorted(p.rsplit("/id/", 1)[-1] for p in statement.parties) == ["state/gha", "state/tgo"]


def test_a_colleague_named_by_adjective_is_a_party():
    body = ("Minister of Defence Kwame Mensah of Ghana signed the memorandum on air defence together with his Togolese "
            "colleague.")
    found = _by_name(run(body, **_MOD))
    assert found["memorandum on air defence"] == ["state/gha", "state/tgo"]


def test_well_known_instruments_added_to_the_register():
    body = ("Both sides accepted the Agreement on the Path to Normalisation and its Implementation Annex in Ohrid. "
            "The leaders recalled the Commitment to Consult and the Presidential Act of Brasília.")
    result = run(body, title="EU statement", publisher="European External Action Service", date="2026-03-02")
    found = {a.name: (sorted(p.rsplit("/id/", 1)[-1] for p in a.parties), a.date) for a in result.agreements}
    assert found["Implementation Annex of the Agreement on the Path to Normalisation"] == (
        ["state/srb", "state/xkx"], "2023-03-18")
    assert found["Commitment to Consult among Japan, the Republic of Korea, and the United States"] == (
        ["state/jpn", "state/kor", "state/usa"], "2023-08-18")
    assert found["Brasília Presidential Act"] == (["state/ecu", "state/per"], "1998-10-26")


def test_an_outcome_document_adopted_by_advisers():
    body = ("Since 2013 the coast guards of Ghana, Togo and Benin have worked within the outcome document on maritime "
            "security that the national security advisers of the three countries adopted in Accra.")
    found = {name.lower(): parties for name, parties in _by_name(run(body, **_MOD)).items()}
    assert found["outcome document on maritime security"] == ["state/ben", "state/gha", "state/tgo"]


def test_the_two_navies_are_the_two_sides():
    body = ("The Navy of Ghana and the Navy of Togo held staff talks in Accra with officers of Ghana and Togo. "
            "Participants assessed the training memorandum between the two navies, first signed in 2019.")
    found = {name.lower(): parties for name, parties in _by_name(run(body, **_MOD)).items()}
    assert found["training memorandum"] == ["state/gha", "state/tgo"]


def test_an_agency_in_the_topic_after_between_is_not_a_party():
    body = ("Serbia and the European Union signed the status agreement between the Republic of Serbia and the "
            "European Union on operational activities carried out by the European Border and Coast Guard Agency.")
    found = _by_name(run(body, title="Serbia and the EU", publisher="Ministry of the Interior of Serbia",
                         date="2026-03-02"))
    assert list(found.values()) == [["org/european-union", "state/srb"]]


def test_the_three_defence_ministers_are_us_and_the_two_we_work_with():
    body = ("Second, we are working more closely than ever with Togo and Benin. Under the Trilateral Security "
            "Framework, which the three defence ministers signed in Lomé in July 2024, we share radar data.")
    found = _by_name(run(body, speaker="Minister of Defence of Ghana", **_MOD))
    assert found["Trilateral Security Framework"] == ["state/ben", "state/gha", "state/tgo"]


def test_a_heading_in_capitals_keeps_its_list_of_states():
    body = ("JOINT STATEMENT OF THE MINISTERS OF DEFENCE OF THE REPUBLIC OF GHANA, THE TOGOLESE REPUBLIC AND THE "
            "REPUBLIC OF BENIN ON BORDER SECURITY\n\nThe Ministers of Defence of Ghana, Togo and Benin met in Accra.")
    result = run(body, title="Joint Statement of the Ministers of Defence of Ghana, Togo and Benin",
                 publisher="Ministry of Defence of Ghana", genre="joint-statement", date="2026-03-02")
    statement = next(a for a in result.agreements if a.kind == "JointStatement")
    # (since 0.25 a line in capitals is read, and named, in ordinary case: see test_layout.py)
    assert statement.name.endswith("Republic of Benin on Border Security")


def test_our_governments_and_one_more_signed():
    body = ("We, the Ministers of Ghana, Togo and Burkina Faso, met in Accra. Our cooperation builds on the Treaty on "
            "the Volta Basin, which our three Governments and the Government of the Republic of Benin signed in Lomé "
            "in 2011.")
    result = run(body, title="Joint Statement of Ghana, Togo and Burkina Faso", publisher="Ministry of Defence of Ghana",
                 genre="joint-statement", date="2026-03-02")
    assert _by_name(result)["Treaty on the Volta Basin"] == ["state/ben", "state/bfa", "state/gha", "state/tgo"]
