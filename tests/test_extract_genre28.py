"""Rules added in pactgraph-rules/0.30 (session 25); each on invented sentences."""

from __future__ import annotations

import pytest

from extract_helpers import actor_keys, run, sides


def _all_sides(body: str, use_model: bool = True, date: str = "2025-05-20", **meta) -> list[tuple[str, ...]]:
    return sorted(sides(a) for a in run(body, use_model=use_model, date=date, **meta).agreements)


@pytest.mark.parametrize("use_model", [False, True])
def test_a_plural_concluded_in_a_relative_clause_with_a_named_subject_is_one_per_partner(use_model):
    body = ("The ministers welcomed the status agreements that the European Union has concluded with Albania, "
            "Montenegro and Serbia.")
    expected = [("alb", "european-union"), ("european-union", "mne"), ("european-union", "srb")]
    assert _all_sides(body, use_model) == expected
    # also after the name's own partner: the clause's subject concluded them, not the body named in the name
    frontex = ("The ministers welcomed the status agreements on operational cooperation with Frontex that the "
               "European Union has concluded with Albania, Montenegro and Serbia.")
    assert _all_sides(frontex, use_model) == expected


def test_the_mou_written_after_a_cut_name_is_that_memorandum():
    body = ("The Union Cabinet has given its ex-post facto approval to the Memorandum of Understanding (MoU) between "
            "the Government of the Republic of India and the Government of the Democratic Socialist Republic of Sri "
            "Lanka on Defence Cooperation. The MoU was signed at Colombo on 5th April, 2025.")
    (agreement,) = run(body, date="2025-05-28").agreements
    assert sides(agreement) == ("ind", "lka") and agreement.date == "2025-04-05"


def test_the_union_of_a_federal_states_organs_is_not_the_european_union():
    assert "org/european-union" not in actor_keys("The Union Cabinet approved the memorandum with Sri Lanka.")
    assert "org/european-union" not in actor_keys("Union Home Minister Amit Shah spoke in Delhi.")
    # the Union's own organs still are the Union's
    assert "org/european-union" in actor_keys("The European Union welcomed the talks. The Union will stay engaged.")


def test_the_same_day_is_the_last_day_told_before():
    body = ("The MoU on defence cooperation was signed at Colombo on 5th April, 2025, during the State Visit of the "
            "Prime Minister to Sri Lanka. India provides training to Sri Lankan officers every year. Two other "
            "instruments were exchanged in Colombo the same day: a trilateral MoU among India, Sri Lanka and the United "
            "Arab Emirates on the development of Trincomalee as an energy hub.")
    dates = {a.name: a.date for a in run(body, date="2025-05-28").agreements}
    assert dates["MoU among India, Sri Lanka and the United Arab Emirates on the development"] == "2025-04-05"
    # with no day told before, "the same day" dates nothing
    alone = ("Two instruments were exchanged in Colombo the same day: a trilateral MoU among India, Sri Lanka and the "
             "United Arab Emirates on the development of Trincomalee as an energy hub.")
    assert [a.date for a in run(alone, date="2025-05-28").agreements] == ["2025-05-28"]


def test_items_of_a_list_take_the_day_their_heading_gives():
    body = ("The Federal Cabinet accorded ex-post facto approval to the following instruments, signed at Dhaka on 24 "
            "August 2025 during the visit of the Foreign Minister to Bangladesh:\n\n"
            "a) Agreement between the Government of the Islamic Republic of Pakistan and the Government of the "
            "People's Republic of Bangladesh on Visa Abolition for Holders of Diplomatic and Official Passports;\n"
            "b) Memorandum of Understanding on the Establishment of a Joint Working Group on Trade; and\n"
            "c) Cultural Exchange Programme between the two countries.\n")
    result = run(body, date="2025-09-30")
    assert len(result.agreements) == 3
    assert {a.date for a in result.agreements} == {"2025-08-24"}


def test_a_capital_after_with_that_closes_a_signed_instruments_name_is_its_government():
    body = "In March the Maldives signed an agreement on free military assistance with Beijing."
    assert _all_sides(body, use_model=False, date="2024-05-16") == [("chn", "mdv")]
    # Malé is also written without its accent
    assert "state/mdv" in actor_keys("Male has said it will not renew the hydrography agreement.")
    # a capital after "with" that closes no instrument's name stays a venue
    assert "state/chn" not in actor_keys("The minister signed the visitors' book and met with students in Beijing.")


def test_a_legislatures_document_number_is_not_an_agreement():
    body = ("The Senate will consider Treaty Document No. 116-1, the Protocol to the North Atlantic Treaty of 1949 on "
            "the Accession of the Republic of North Macedonia, done at Brussels on February 6, 2019 (Treaty Doc. "
            "116-1).")
    names = [a.name for a in run(body, date="2019-10-22").agreements]
    assert names and not any("Doc" in name for name in names)


def test_a_preposition_ends_the_words_that_name_a_kind_of_agreement():
    body = ("Until now, IPGL had been operating the terminal under short-term arrangements that had to be renewed "
            "every year.")
    assert not any("Terminal" in a.name for a in run(body, date="2024-05-16").agreements)
    # (a hyphened compound keeps its inner preposition)
    kept = "Japan and Australia signed a government-to-government arrangement on defence equipment in 2023."
    assert any("government-to-government" in a.name.lower() for a in run(kept, date="2024-05-16").agreements)


@pytest.mark.parametrize("use_model", [False, True])
def test_a_when_clause_that_concludes_it_gives_its_parties_not_the_main_clause(use_model):
    body = ("Moldova follows Ukraine, which became a Participating State when the European Union and Ukraine signed the "
            "agreement on Ukraine's participation in the Mechanism in Kyiv on 20 April.")
    assert _all_sides(body, use_model, date="2023-10-17") == [("european-union", "ukr")]


def test_the_two_countries_after_a_hyphened_pair_of_states_are_that_pair():
    body = ("Nauru resumed diplomatic relations with China in January. Nauru and China will deepen cooperation.\n\n"
            "China-Russia relations are built on the basis of non-alliance. The Treaty of Good-Neighborliness and "
            "Friendly Cooperation that the two countries signed in Moscow in July 2001 laid the legal foundation "
            "for our relations.")
    treaty = next(a for a in run(body, date="2024-01-24", title="Regular Press Conference",
                                 publisher="Ministry of Foreign Affairs", genre="transcript").agreements
                  if a.name.startswith("Treaty"))
    assert sides(treaty) == ("chn", "rus")


def test_a_summit_named_after_a_state_is_a_venue_not_the_state():
    assert "state/sgp" not in actor_keys("The Leaders signed the Charter at the Singapore Summit in November 2007.")
    assert "state/kwt" not in actor_keys("The decision was taken at the Kuwait summit.")
    # a summit of two sides names them
    assert {"state/chn", "org/european-union"} <= actor_keys("They met at the EU-China Summit in Beijing.")


def test_a_counted_group_gathers_the_states_of_its_sentence_and_the_one_before():
    body = ("The RSS grew out of a memorandum of understanding signed in October 1982 by Antigua and Barbuda, "
            "Barbados, Dominica, Saint Lucia and Saint Vincent and the Grenadines. Saint Kitts and Nevis and Grenada "
            "joined soon afterwards, and in March 1996 the seven countries signed the Treaty Establishing the "
            "Regional Security System in St. George's.")
    treaty = next(a for a in run(body, date="2024-10-28").agreements if a.name.startswith("Treaty"))
    assert sides(treaty) == ("atg", "brb", "dma", "grd", "kna", "lca", "vct")
    # not when the two sentences name more states than counted
    more = body.replace("Saint Kitts and Nevis and Grenada joined", "Saint Kitts and Nevis, Guyana and Grenada joined")
    treaty = next(a for a in run(more, date="2024-10-28").agreements if a.name.startswith("Treaty"))
    assert len(sides(treaty)) != 8


def test_we_in_an_interview_by_an_unregistered_publisher_is_the_state_it_is_told_in():
    body = ("Iyengar: What did the two governments agree in 1996?\n\n"
            "Sandhu: We signed the agreement on military confidence-building measures with China in Delhi in November "
            "1996.")
    meta = dict(date="2025-02-10", place="New Delhi", genre="transcript",
                publisher="Centre for Land Warfare Studies, Oral History Series")
    (agreement,) = run(body, **meta).agreements
    assert sides(agreement) == ("chn", "ind")
    # with no place, "we" stays unresolved
    del meta["place"]
    assert all("ind" not in sides(a) for a in run(body, **meta).agreements)


def test_joined_initials_open_a_name():
    names = {p.name for p in run("Minister of State R.L. Bhatia and President A.P.J. Abdul Kalam met them.",
                                 date="2025-02-10").persons.values()}
    assert names == {"R.L. Bhatia", "A.P.J. Abdul Kalam"}
    # (a state's abbreviation is no initial: "U.S. Ambassador Caroline Kennedy")
    names = {p.name for p in run("It was welcomed by U.S. Ambassador Caroline Kennedy.", date="2025-02-10").persons.values()}
    assert names == {"Caroline Kennedy"}


def test_it_was_signed_in_the_next_sentence_dates_the_agreement_named_before():
    body = ("Every Ecuadorian cadet of my generation learned the Rio Protocol as a wound. It was signed in Rio de "
            "Janeiro on 29 January 1942 by our Foreign Minister and by the Peruvian delegation.")
    (protocol,) = run(body, date="2018-10-26").agreements
    assert protocol.date == "1942-01-29"


def test_on_the_same_occasion_is_the_day_told_before():
    body = ("The instruments of ratification of the border treaty were exchanged on 31 March 2025 in Khujand. On the "
            "same occasion the Presidents of Tajikistan, Kyrgyzstan and Uzbekistan signed a treaty on the junction "
            "point of the three countries' state borders.")
    junction = next(a for a in run(body, date="2025-06-10").agreements if "junction" in a.name)
    assert junction.date == "2025-03-31"


def test_a_mention_whose_sides_its_clusters_name_gives_joins_it_whatever_other_sentences_gave():
    body = ("The ruling declared unconstitutional the Iraqi law ratifying the Agreement between the State of Kuwait "
            "and the Republic of Iraq on the Regulation of Maritime Navigation in Khor Abdullah. That Agreement was "
            "signed in Baghdad on 29 April 2012, in conformity with the United Nations Convention on the Law of the "
            "Sea and in implementation of Security Council resolution 833 (1993); it was approved by the legislatures "
            "of both States in 2013 and has been registered with the Secretariat of the United Nations. The minister briefed the Council on "
            "the agreement concluded in 2012 between Kuwait and Iraq on navigation in Khor Abdullah.")
    agreements = [a for a in run(body, date="2023-09-20").agreements if a.kind != "Treaty"]
    assert [sides(a) for a in agreements] == [("irq", "kwt")]


def test_an_indented_heading_dates_its_bulleted_items_not_the_sentence_before_it():
    body = ("The Prime Minister arrived in Colombo on 4 April 2025 for a State Visit.\n"
            "  The following MoUs were exchanged in the presence of the two leaders:\n"
            "  - Memorandum of Understanding between India and Sri Lanka on Defence Cooperation\n"
            "  - Memorandum of Understanding between India and Sri Lanka on Digital Solutions\n")
    items = [a for a in run(body, date="2025-04-05", genre="press-release").agreements if "between" in a.name]
    assert len(items) == 2 and {a.date for a in items} == {"2025-04-05"}
    # (the heading's own day still dates them)
    dated = body.replace("exchanged in", "exchanged in Colombo on 5 April 2025 in")
    items = [a for a in run(dated, date="2025-04-28", genre="press-release").agreements if "between" in a.name]
    assert len(items) == 2 and {a.date for a in items} == {"2025-04-05"}


def test_the_same_day_is_also_a_day_told_without_its_year():
    body = ("Colombo, 7 April 2025 (PTI) – India and Sri Lanka signed a Memorandum of Understanding on Defence "
            "Cooperation on 5 April during the visit of the Prime Minister. Two other instruments were exchanged in "
            "Colombo the same day: a Memorandum of Understanding between India and Sri Lanka on Health Cooperation.")
    dates = {a.name: a.date for a in run(body, date="2025-04-07", genre="news").agreements}
    assert dates["Memorandum of Understanding between India and Sri Lanka on Health Cooperation"] == "2025-04-05"
    # a day told from the text's date ("on Saturday")
    body = ("India and Sri Lanka signed a Memorandum of Understanding on Defence Cooperation on Saturday. On the same "
            "day, India and the Maldives signed an Agreement on Hydrography.")
    dates = {a.name: a.date for a in run(body, date="2025-04-07", genre="news").agreements}
    assert dates["Agreement on Hydrography"] == "2025-04-05"


def test_it_was_signed_after_a_sentence_naming_two_agreements_dates_neither():
    body = ("India and Mongolia signed the Strategic Partnership Agreement, which builds on the Treaty of Friendship "
            "and Cooperation they concluded in 1994. It was signed in Ulaanbaatar on 17 May 2015 by the two Prime "
            "Ministers.")
    treaty = next(a for a in run(body, date="2015-05-20").agreements if a.name.startswith("Treaty"))
    assert treaty.date != "2015-05-17"


def test_a_preposition_after_a_hyphen_stays_in_the_words_that_name_a_kind_of_agreement():
    body = "The United States and Russia signed a follow-on agreement in Prague in April 2010."
    assert [(a.name.lower(), sides(a)) for a in run(body, date="2010-05-16").agreements] == [
        ("follow-on agreement", ("rus", "usa"))]
    body = "Britain and China signed the hand-over agreement on Hong Kong in 1984."
    assert any("hand-over" in a.name.lower() for a in run(body, date="2010-05-16").agreements)


def test_male_beside_female_is_the_english_word_not_male():
    body = ("Male and female officers of both navies will train together under the memorandum of understanding "
            "signed by India and Sri Lanka in Colombo on 3 May 2024.")
    (memorandum,) = run(body, date="2024-05-05").agreements
    assert memorandum.place.endswith("/place/colombo")
    body = body.replace("Male and female officers", "Male officers, who outnumber female ones,")
    (memorandum,) = run(body, date="2024-05-05").agreements
    assert memorandum.place.endswith("/place/colombo")
    # (Malé written without its accent, with no "female" in its sentence, stays Malé)
    assert "state/mdv" in actor_keys("Female officers joined the course. Male has said it will not renew the survey.")


def test_we_in_an_interview_of_another_states_official_is_not_the_state_it_is_given_in():
    body = ("Q: Minister, how do you see the treaty with China?\n\n"
            "Lavrov: We signed the Treaty of Good-Neighbourliness with China in Moscow in July 2001, and it has served "
            "both our peoples well.")
    meta = dict(date="2025-02-10", place="New Delhi", genre="interview", publisher="The Daily Chronicle")
    for title in ("Interview of Russian Foreign Minister Sergey Lavrov to The Daily Chronicle",
                  "Interview with the Minister of Foreign Affairs of Russia"):
        assert all("ind" not in sides(a) for a in run(body, title=title, **meta).agreements)
    # (a state the title names otherwise leaves "we" the place's)
    body = ("Iyengar: What did the two governments agree in 1996?\n\n"
            "Sandhu: We signed the agreement on military confidence-building measures with China in Delhi in November "
            "1996.")
    (agreement,) = run(body, title="Oral history: a brigade commander on the China border", **meta).agreements
    assert sides(agreement) == ("chn", "ind")


def test_the_same_day_of_another_year_is_an_anniversary_not_the_day_told_before():
    for body in ("On 31 May 2024 the two Presidents met in Kyiv. On the same day in 1997, Ukraine and Poland had "
                 "signed the Treaty on Good Neighbourliness.",
                 "The Presidents met in Kyiv on 31 May 2024. Exactly twenty-seven years earlier, on the same day, "
                 "Ukraine and Poland signed the Treaty on Good Neighbourliness."):
        (treaty,) = run(body, date="2024-06-01").agreements
        assert treaty.date != "2024-05-31"


def test_a_day_of_something_else_in_a_lists_heading_does_not_date_its_items():
    items = ("- Agreement between India and Sri Lanka on Visa Exemption\n"
             "- Memorandum of Understanding between India and Sri Lanka on Digital Solutions\n")
    for heading in ("The following instruments, under negotiation since 3 March 2019, were signed during the visit "
                    "of the Prime Minister:\n",
                    "The following instruments, which replace those signed on 3 March 2019, were exchanged during "
                    "the visit:\n"):
        result = run(heading + items, date="2025-04-05", genre="press-release")
        assert len(result.agreements) == 2 and "2019-03-03" not in {a.date for a in result.agreements}


def test_a_state_named_only_by_its_adjective_is_a_main_actor():
    body = ("Iyengar: In April 2013 the Chinese pitched tents in Depsang. What did you have to work with?\n\n"
            "Sandhu: The Chinese Vice Foreign Minister had signed the old agreements with us. In October that year, "
            "the two sides signed the Border Defence Cooperation Agreement.")
    meta = dict(date="2025-02-10", place="New Delhi", genre="transcript", publisher="Centre for Land Warfare Studies")
    agreements = run(body, **meta).agreements
    assert [(a.name, "chn" in sides(a)) for a in agreements] == [("Border Defence Cooperation Agreement", True)]
    # ("the old agreements" names no kind of agreement)


def test_the_host_of_a_signing_is_the_other_side_of_an_agreement_with_one_side_found():
    body = ("MR MILLER: What I will say is that the Treaty on Comprehensive Strategic Partnership that President Putin "
            "signed in Pyongyang yesterday should be of concern to anyone who supports the people of Ukraine.")
    meta = dict(date="2024-06-20", publisher="U.S. Department of State", genre="transcript")
    assert _all_sides(body, use_model=False, **meta) == [("prk", "rus")]
    # not a city that seats organizations
    brussels = "Kenya signed the arrangement with the Union in Brussels on Monday."
    assert all("bel" not in s for s in _all_sides(brussels, use_model=False, date="2024-06-20"))
