"""Rules added in pactgraph-rules/0.31 (session 26); each on invented sentences."""

from __future__ import annotations

from extract_helpers import actor_keys, run, sides

from pactgraph.dates import find_dates, find_yearless_dates
from pactgraph.extract import extract_with_context
from pactgraph.sources import source_from_text


def _wire(body: str, date: str):
    """The agreements the rules read in ``body`` as a wire report of ``date``."""
    return run(body, date=date, genre="press-release", publisher="Reuters").agreements


def test_a_capital_before_a_place_named_port_is_no_venue():
    # "Port" opens the next capital's name, not a venue ("the Washington Port Authority")
    assert {"state/usa", "state/png"} <= set(actor_keys(
        "Troops took part under the defence cooperation agreement that Washington and Port Moresby concluded in "
        "May 2023."))
    assert "state/usa" not in actor_keys("The reception was held at the Washington Convention Center.")


def test_an_agreement_of_other_signers_does_not_join_a_later_name_of_its_kind():
    body = ("United States personnel took part under the defence cooperation agreement that Washington and Port "
            "Moresby concluded in May 2023. Indonesian marines took part for the first time since Mr Marles and "
            "Prabowo Subianto signed the Australia–Indonesia Defence Cooperation Agreement in Canberra on 29 August "
            "2024.")
    found = {a.name: sides(a) for a in run(body, use_model=False, date="2025-08-05").agreements}
    assert found["Defence Cooperation Agreement"] == ("png", "usa")
    assert found["Australia–Indonesia Defence Cooperation Agreement"] == ("aus", "idn")


def test_a_full_date_before_1900_is_read_with_its_year():
    assert [d for _, _, d in find_dates("signed on March 20, 1833, and on 9 May 1386")] == ["1833-03-20",
                                                                                          "1386-05-09"]
    # and such a day is no day of the document's year
    import datetime as dt
    assert find_yearless_dates("signed on March 20, 1833", dt.date(2025, 5, 1)) == []
    (agreement,) = run("Our relationship began with the Treaty of Amity and Commerce, signed between Siam and the "
                       "United States on March 20, 1833.", date="2025-05-01").agreements
    assert agreement.date == "1833-03-20"


def test_a_name_does_not_run_on_into_the_subject_after_it():
    body = ("Norway and the United Kingdom today signed the Lunna House Agreement in London. Under the Lunna House "
            "Agreement the Royal Norwegian Navy and the Royal Navy will operate the frigates as one fleet.")
    assert [a.name for a in run(body, date="2025-12-04").agreements] == ["Lunna House Agreement"]


def test_the_n_of_us_is_the_list_of_as_many_named_paragraphs_before():
    body = ("Around the table today we had the leaders of the eight NATO Allies on the Baltic Sea – Denmark, Estonia, "
            "Finland, Germany, Latvia, Lithuania, Poland and Sweden – as well as the Executive Vice-President of the "
            "European Commission. We discussed the shadow fleet. We also discussed the cables on the seabed. And we "
            "discussed the coming summer.\n\nThe eight of us adopted a joint statement today.")
    (agreement,) = run(body, use_model=False, date="2025-01-14").agreements
    assert sides(agreement) == ("deu", "dnk", "est", "fin", "ltu", "lva", "pol", "swe")


def test_a_revised_memorandum_is_another_one_and_this_spring_is_not_today():
    body = ("With Norway bilaterally, we replaced our framework agreement in June last year with a new memorandum of "
            "understanding, which the Norwegian Minister of Defence and I signed. This spring, the five Nordic "
            "countries signed a revised memorandum of understanding on Nordic defence cooperation in Rovaniemi.")
    found = sorted((sides(a), a.date) for a in run(body, use_model=False, date="2025-09-10", genre="speech",
                                                   publisher="Ministry of Defence of Finland").agreements
                   if "emorandum" in a.name)
    assert found == [(("dnk", "fin", "isl", "nor", "swe"), None), (("fin", "nor"), None)]


def test_a_lower_case_name_that_says_what_a_named_agreement_is_is_that_agreement():
    body = ("Norway and the United Kingdom today signed the Lunna House Agreement in London. The Lunna House Agreement "
            "is a bilateral defence agreement between Norway and the United Kingdom, signed in London on 4 December "
            "2025.")
    (agreement,) = run(body, use_model=False, date="2025-12-04").agreements
    assert agreement.name == "Lunna House Agreement" and agreement.date == "2025-12-04"


def test_names_listed_one_after_another_are_as_many_agreements():
    body = ("Our defense relationship with Spain rests on the three agreements signed by the United States and Spain "
            "in Madrid on September 26, 1953 – the Defense Agreement, the Economic Aid Agreement and the Mutual "
            "Defense Assistance Agreement – which gave us the bases in return for aid. The Defense Agreement was "
            "extended in 1963.")
    names = sorted(a.name for a in run(body, use_model=True, date="1976-01-16", genre="press-release",
                                       publisher="Ministry of Foreign Affairs").agreements)
    assert names == ["Defense Agreement", "Economic Aid Agreement", "Mutual Defense Assistance Agreement"]


def test_we_in_a_report_of_one_government_about_others_is_that_government():
    body = ("SUBJECT: Your stop in Madrid. Spain wants closer ties with NATO, and NATO Allies are divided. Spain "
            "will raise NATO again. Our defense relationship with Spain rests on the Defense Agreement signed in "
            "Madrid on September 26, 1953.")
    (agreement,) = run(body, use_model=False, date="1976-01-16", genre="communique",
                       publisher="U.S. Department of State").agreements
    assert sides(agreement) == ("esp", "usa")


def test_agreements_a_state_already_has_are_not_of_the_day():
    body = ("The Philippines already has a Visiting Forces Agreement with the United States and a Reciprocal Access "
            "Agreement with Japan.")
    dates = [a.date for a in run(body, use_model=True, date="2025-09-16", genre="speech",
                                 publisher="Ministry of Foreign Affairs").agreements]
    assert dates == [None, None]


def test_a_list_of_witnessing_states_is_no_party():
    body = ("The Cameroon-Nigeria Mixed Commission met in Yaoundé. Cameroon and Nigeria welcomed progress. The "
            "Commission paid tribute to the Greentree Agreement concluded by the two Heads of State on 12 June 2006, "
            "in the presence of the representatives of France, Germany, the United Kingdom and the United States as "
            "witnessing States.")
    (agreement,) = run(body, date="2024-12-06").agreements
    assert sides(agreement) == ("cmr", "nga")


def test_a_hyphened_word_in_a_list_inside_a_name_keeps_the_name_whole():
    body = ("The treaty carries forward the spirit of the Treaty of Friendship, Co-operation and Mutual Assistance "
            "which the two countries concluded in Moscow in July 1961, and of the treaty of friendship, "
            "good-neighbourliness and cooperation signed by the DPRK and the Russian Federation on February 9, 2000.")
    names = {a.name for a in run(body, use_model=True, date="2025-06-12", genre="press-release",
                                 publisher="KCNA").agreements}
    assert "Treaty of Friendship, Co-operation and Mutual Assistance" in names


def test_a_relative_clause_with_long_signers_dates_its_agreement():
    body = ("The basis remains the Agreement on Strategic Partnership in the Field of Development and Transmission of "
            "Green Energy between Azerbaijan, Georgia, Romania and Hungary, signed in Bucharest on 17 December 2022. "
            "The Agreement on Strategic Partnership in the Development and Transmission of Green Energy, which "
            "President Ilham Aliyev, President of Kazakhstan Kassym-Jomart Tokayev and President of Uzbekistan Shavkat "
            "Mirziyoyev signed in Baku on 13 November 2024, opens the way to a power cable under the Caspian Sea.")
    found = sorted((a.date, sides(a)) for a in run(body, use_model=True, date="2025-04-04", genre="press-release",
                                                   publisher="Ministry of Energy of Azerbaijan").agreements)
    assert found == [("2022-12-17", ("aze", "geo", "hun", "rou")), ("2024-11-13", ("aze", "kaz", "uzb"))]


def test_an_abbreviation_of_a_names_topic_is_no_abbreviation_of_the_agreement():
    from pactgraph.extract.agreements.finding import _abbreviates_topic

    name = "Enhanced Memorandum of Understanding on the ASEAN Power Grid"
    assert _abbreviates_topic("APG", name, "memorandum")
    assert not _abbreviates_topic("RAA", "Reciprocal Access Agreement", "agreement")
    assert not _abbreviates_topic("MoU", "Memorandum of Understanding", "memorandum")
    assert not _abbreviates_topic("SOFA", "Status of Forces Agreement", "agreement")


def _posts(body: str) -> set[tuple[str, str, str | None]]:
    result = run(body, date="2025-06-01", publisher="Ministry of Defence", genre="press-release")
    names = {p.iri: p.name for p in result.persons.values()}
    return {(names[q.holder], q.title, q.organization and q.organization.rsplit("/", 1)[-1])
            for q in result.positions}


def test_officers_posts_in_the_services_of_armed_forces():
    assert _posts("The Commander of the Finnish Navy, Rear Admiral Tuomas Tiilikainen, spoke.") == {
        ("Tuomas Tiilikainen", "Commander", "fin")}
    assert _posts("Pakistan's Army Chief, General Asim Munir, met the delegation.") == {
        ("Asim Munir", "Army Chief", "pak")}
    # a middle initial without its full stop, and an ordinal in the name of a command
    assert _posts("India's Chief of the Naval Staff, Admiral Dinesh K Tripathi, spoke.") == {
        ("Dinesh K Tripathi", "Chief of the Naval Staff", "ind")}
    assert _posts("BALTOPS is led by the Commander of the U.S. Sixth Fleet, Vice Admiral J.T. Anderson.") == {
        ("J.T. Anderson", "Commander", "usa")}


def test_a_well_known_agreement_signed_after_the_texts_day_is_not_yet_concluded():
    body = ("The plan for this morning was for Prime Minister Anthony Albanese and his Papua New Guinean counterpart, "
            "James Marape, to sign the Pukpuk Treaty, the mutual defence pact between the two countries.")
    names = [a.name for a in run(body, date="2025-09-17", genre="press-release", publisher="ABC").agreements]
    assert "Pukpuk Treaty" not in names
    later = [a.name for a in run("Australia and Papua New Guinea signed the Pukpuk Treaty.", date="2025-10-06",
                                 genre="press-release", publisher="ABC").agreements]
    assert "Pukpuk Treaty" in later


def test_with_respect_to_is_part_of_a_name():
    body = ("It was the result of a treaty, the Treaty on the Final Settlement with respect to Germany, which the two "
            "German states and the four powers, the United States, the Soviet Union, Britain and France, signed in "
            "Moscow on 12 September 1990.")
    (agreement,) = run(body, date="2024-10-03", genre="speech", publisher="Deutscher Bundestag").agreements
    assert agreement.name == "Treaty on the Final Settlement with respect to Germany"
    assert agreement.date == "1990-09-12"


def test_a_well_known_name_in_a_text_that_never_names_one_of_its_two_parties_is_another_agreement():
    body = ("The purchase sits on top of a growing U.S. military footprint in Poland. The Enhanced Defense Cooperation "
            "Agreement that the United States and Poland signed in Warsaw on Aug. 15, 2020, governs the presence of "
            "American troops.")
    (agreement,) = run(body, date="2024-08-14", genre="press-release", publisher="Defense Policy Wire").agreements
    assert sides(agreement) == ("pol", "usa") and agreement.date == "2020-08-15"


def test_memorandums_is_a_plural_of_memorandum():
    body = ("China and the United States concluded two memorandums of understanding in November 2014, one on the "
            "notification of major military activities and one on the rules of behavior for the safety of air and "
            "maritime encounters.")
    found = sorted(a.name for a in run(body, date="2025-04-24", genre="press-release",
                                       publisher="Ministry of National Defense of China").agreements)
    assert found == ["memorandum of understanding on the notification of major military activities",
                     "memorandum of understanding on the rules of behavior for the safety of air and maritime "
                     "encounters"]


def test_a_table_of_partners_under_a_heading_naming_their_kind():
    body = ("Framework Participation Agreements with partners in Latin America and the Indo-Pacific\n\n"
            "The table below lists the agreements concluded with partners in Latin America and Asia.\n\n"
            "| Partner | Date of signature | Place | Status |\n"
            "|---|---|---|---|\n"
            "| New Zealand | 18 April 2012 | Brussels | In force |\n"
            "| Chile | 30 January 2014 | Brussels | In force |\n"
            "| Peru | 14 October 2022 | Brussels | Signed; ratification pending |\n"
            "| Ecuador | | | Under negotiation |\n")
    found = sorted((sides(a), a.date) for a in run(body, date="2025-05-20", genre="press-release",
                                                   publisher="European External Action Service").agreements
                   if a.name == "Framework Participation Agreement")
    assert found == [(("chl", "european-union"), "2014-01-30"), (("european-union", "nzl"), "2012-04-18"),
                     (("european-union", "per"), "2022-10-14")]


def test_a_record_of_fields_dates_its_title_by_its_signing_field():
    body = ("PAPUA NEW GUINEA\n\n"
            "B.1  Title: Agreement between Australia and Papua New Guinea regarding the Status of Forces of each "
            "State in the Territory of the other State\n"
            "     Signed: 1977\n"
            "     Status: In force.\n\n"
            "B.2  Title: Agreement between the Government of Australia and the Government of Papua New Guinea on a "
            "Framework for Closer Security Relations\n"
            "     Signed: 7 December 2023, Canberra\n"
            "     Status: In force.\n")
    found = run(body, date="2025-11-28", genre="communique", publisher="Department of Foreign Affairs and Trade")
    dates = {"Closer Security Relations" in a.name: a.date for a in found.agreements}
    assert dates == {True: "2023-12-07", False: None}  # (a year alone dates nothing, not the text's day)


def test_a_protocol_of_amendments_is_an_agreement():
    body = ("As recently as 27 May last year, the British and Russian governments signed a protocol of amendments to "
            "bring the agreement up to date.")
    found = {a.name: a.date for a in run(body, date="2022-10-20", genre="speech", publisher="UK Parliament").agreements}
    assert found.get("Protocol") == "2021-05-27"


def test_four_digits_before_1900_after_a_day_are_a_time_or_a_count():
    import datetime as dt

    # a time of day or a count after a day is no year before 1900: the day is of the document's year
    for text in ("agreed a ceasefire understanding on 10 May 1700 hrs", "on 15 March 1200 soldiers crossed"):
        assert find_dates(text) == []
        assert [d for _, _, d in find_yearless_dates(text, dt.date(2025, 6, 1))][0][5:] in {"05-10", "03-15"}
    assert [d for _, _, d in find_dates("on 4 July 1776 Thomas Jefferson and on 9 May 1386 was")] == [
        "1776-07-04", "1386-05-09"]
    body = ("The Directors General of Military Operations of India and Pakistan agreed a ceasefire understanding on "
            "10 May 1700 hrs, the army said.")
    (agreement,) = _wire(body, "2025-05-12")
    assert agreement.date == "2025-05-10"


def test_a_name_given_again_in_apposition_is_no_list_of_agreements():
    body = ("Indonesia and Malaysia today signed the Agreement on Defence Cooperation, the Indonesia–Malaysia Defence "
            "Cooperation Agreement, in Jakarta.")
    assert len(_wire(body, "2025-05-12")) == 1
    body = ("Indonesia and Malaysia signed three documents in Jakarta on 12 May: the Defence Cooperation Agreement, the "
            "Maritime Cooperation Agreement and the Cyber Security Agreement.")
    assert len(_wire(body, "2025-05-12")) == 3


def test_with_respect_to_before_lower_case_words_is_no_part_of_a_name():
    body = ("Japan and the Philippines signed the Reciprocal Access Agreement with respect to the joint exercises "
            "planned for next year.")
    names = [a.name for a in _wire(body, "2025-05-12")]
    assert names == ["Reciprocal Access Agreement"]


def test_a_well_known_name_in_a_text_that_names_a_party_only_by_its_people_is_that_agreement():
    body = ("Secretary Gilberto Teodoro Jr. and U.S. Secretary of Defense Pete Hegseth discussed four new sites under "
            "the Enhanced Defense Cooperation Agreement during their meeting at Camp Aguinaldo.")
    (agreement,) = run(body, date="2025-11-12", genre="press-release",
                       publisher="Department of National Defense").agreements
    assert sides(agreement) == ("phl", "usa") and agreement.date == "2014-04-28"
    body = ("Chancellor Friedrich Merz and President Emmanuel Macron marked the anniversary of the Élysée Treaty in "
            "Paris, recalling the reconciliation that the treaty sealed.")
    (agreement,) = _wire(body, "2025-11-12")
    assert agreement.date == "1963-01-22"


def test_we_of_a_communique_a_chair_publishes_is_who_we_the_names():
    body = ("We, the Foreign Ministers of the Member States of ASEAN, met in Kuala Lumpur on 8 July 2025 for the 58th "
            "ASEAN Foreign Ministers' Meeting.\n\nWe signed the Protocol to Amend the Treaty of Amity and Cooperation "
            "in Southeast Asia today.")
    ctx, _ = extract_with_context(source_from_text(
        "---\ndate: 2025-07-08\ngenre: communique\npublisher: Ministry of Foreign Affairs of Malaysia\n---\n" + body,
        name="genre.txt"), None)
    assert {m.key for s in ctx.sentences for m in s.mentions if m.form == "coref"} == {"org/asean"}


def test_the_three_countries_are_not_a_list_named_paragraphs_before():
    body = ("President Biden hosted Prime Minister Kishida of Japan and President Marcos of the Philippines at the White "
            "House. The leaders expressed serious concern about the military cooperation between China, Russia and "
            "North Korea. They discussed the South China Sea. They discussed maritime law enforcement. They discussed "
            "economic security. They discussed energy. The three countries signed a trilateral memorandum on maritime "
            "cooperation.")
    (agreement,) = run(body, date="2025-04-11", genre="press-release", publisher="U.S. Department of State",
                       title="Japan-Philippines-United States Trilateral Leaders' Meeting").agreements
    assert sides(agreement) == ("jpn", "phl", "usa")


def test_that_fall_under_is_no_season():
    body = ("Sweden and Finland today signed a memorandum of understanding on air defence cooperation, and two "
            "arrangements that fall under the Nordic Defence Cooperation framework.")
    dates = {a.date for a in run(body, date="2025-11-20", genre="press-release",
                                 publisher="Government Offices of Sweden").agreements}
    assert dates == {"2025-11-20"}


def test_already_away_from_the_agreement_verb_keeps_the_day_of_the_text():
    body = ("Building on the close cooperation already in place, Australia and Fiji today signed a defence "
            "cooperation agreement in Suva.")
    (agreement,) = run(body, date="2025-11-20", genre="press-release", publisher="Department of Defence").agreements
    assert agreement.date == "2025-11-20"


def test_a_well_known_name_with_one_of_its_parties_as_partner_is_that_agreement():
    # (the text is also about others, and never names Australia)
    result = run("Falepili Union treaty with Tuvalu enters into force. The Secretary-General welcomes the peace "
                 "agreement that the Democratic Republic of the Congo and Rwanda signed in Washington.",
                 date="2025-08-28")
    assert {a.name: sides(a) for a in result.agreements}["Falepili Union"] == ("aus", "tuv")


def test_a_time_after_a_lower_case_topic_ends_it_and_commandant_is_a_rank():
    body = ("India already has a White Shipping Agreement with Sri Lanka, and the two navies signed a revised "
            "memorandum on the exchange of maritime information this spring.")
    names = {a.name for a in run(body, date="2025-11-20", genre="communique", publisher="Ministry of Defence of India")
             .agreements}
    assert "revised memorandum on the exchange of maritime information" in names
    assert ("Ravi Shankar", "Commander", "mus") in _posts(
        "The Commander of the Mauritian Coast Guard, Commandant Ravi Shankar, reviewed the arrangements.")


def test_guarantors_and_witnesses_of_a_peace_agreement_are_no_parties():
    body = ("The Juba Agreement for Peace in Sudan was signed in Juba on 3 October 2020 by the Government of Sudan and "
            "the Sudan Revolutionary Front, guaranteed by South Sudan, Chad and Qatar and witnessed by the African "
            "Union and the United Nations.")
    (agreement,) = run(body, date="2021-10-03", genre="press-release", publisher="Ministry of Foreign Affairs").agreements
    assert sides(agreement) == ("sdn",)
