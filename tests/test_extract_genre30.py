"""Rules added in pactgraph-rules/0.32 (session 27); each on invented sentences."""

from __future__ import annotations

from extract_helpers import run, sides


def _named(body: str, date: str, **meta) -> dict[str, tuple]:
    """The agreements the rules read in ``body``, by name: (sides, date)."""
    return {a.name: (sides(a), a.date) for a in run(body, date=date, **meta).agreements}


def test_a_counted_plurals_items_after_a_colon_are_as_many_agreements():
    found = _named("In Yerevan on 8 May, Armenia and the United States signed three memoranda of understanding: on "
                   "port security, on an Energy Security Partnership, and on customs data.", "2025-05-09")
    assert sorted(found) == ["memorandum of understanding on an Energy Security Partnership",
                             "memorandum of understanding on customs data",
                             "memorandum of understanding on port security"]
    assert {v for v in found.values()} == {(("arm", "usa"), "2025-05-08")}


def test_items_after_semicolons_and_no_count_in_the_name():
    found = _named("At the end of the talks three Memoranda of Understanding were signed between Kenya and the "
                   "Netherlands: on a joint trade committee; on the Terms of Reference of a water working group; and "
                   "on cooperation in tourism.", "2025-03-20")
    assert sorted(found) == ["Memorandum of Understanding on a joint trade committee",
                             "Memorandum of Understanding on cooperation in tourism",
                             "Memorandum of Understanding on the Terms of Reference of a water working group"]


def test_entry_into_force_neither_dates_nor_splits_an_agreement():
    body = ("On 30 November 1999, in Arusha, Tanzania signed the Treaty on Good Neighbourliness with Kenya and "
            "Uganda. The Treaty entered into force on 7 July 2000.")
    assert _named(body, "2020-07-24") == {"Treaty on Good Neighbourliness": (("ken", "tza", "uga"), "1999-11-30")}
    # a day it entered into force is not the text's day either
    assert _named("The Treaty on Eternal Friendship, which entered into force on 22 January 2021, binds Ghana and "
                  "Togo.", "2024-07-22", genre="speech") == {"Treaty on Eternal Friendship": (("gha", "tgo"), None)}


def test_a_name_listed_after_and_with_its_preposition_repeated_is_another():
    body = ("On 7 September 1977 President Carter and General Omar Torrijos Herrera, Head of Government of Panama, put "
            "their names to the Panama Canal Treaty and to the Treaty concerning the Permanent Neutrality of the "
            "Canal.")
    found = _named(body, "2024-12-29")
    assert sorted(found) == ["Panama Canal Treaty", "Treaty concerning the Permanent Neutrality of the Canal"]


def test_the_venue_of_an_organizations_headquarters_is_no_party():
    body = ("On 7 September 2005, at the headquarters of the Organization of American States in Washington, "
            "Guatemala and Belize signed the Agreement on a Framework for Negotiations.")
    assert _named(body, "2015-05-25") == {"Agreement on a Framework for Negotiations": (("blz", "gtm"),
                                                                                        "2005-09-07")}


def test_head_of_government_is_a_post():
    result = run("General Omar Torrijos Herrera, Head of Government of Panama, signed the treaty.", date="1977-09-08")
    (position,) = result.positions
    assert position.title == "Head of Government" and position.organization.endswith("state/pan")


def test_a_demonstrative_is_no_part_of_a_name():
    body = ("Panama and the United States signed the Panama Canal Treaty on 7 September 1977. Those treaties did "
            "what earlier revisions had not.")
    assert list(_named(body, "2024-12-29")) == ["Panama Canal Treaty"]


def test_an_organization_founded_by_the_agreement_is_not_its_party_by_its_name():
    body = ("The NORAD Agreement, first concluded by Canada and the United States on 12 May 1958, remains the basis of "
            "the command.")
    assert _named(body, "2025-06-01") == {"NORAD Agreement": (("can", "usa"), "1958-05-12")}


def test_a_record_of_discussions_done_at_the_meeting_is_an_agreement():
    found = _named("This Joint Record of Discussions was signed at Dhaka by Bangladesh and India on 28 August 2025 in "
                   "two originals.", "2025-08-28")
    assert found == {"Joint Record of Discussions": (("bgd", "ind"), "2025-08-28")}
    found = _named("This Protocol between Kyrgyzstan and Tajikistan was done in Isfara on 14 June 2025 in two "
                   "original copies.", "2025-06-14")
    assert found == {"Protocol between Kyrgyzstan and Tajikistan": (("kgz", "tjk"), "2025-06-14")}


def test_a_legislatures_approval_does_not_date_an_agreement():
    found = _named("The Parliament of Ghana approved the Defence Cooperation Agreement with the United States on 23 "
                   "March 2018.", "2018-03-24")
    assert found == {"Defence Cooperation Agreement": (("gha", "usa"), None)}


def test_a_year_and_a_topic_inside_long_names():
    found = _named("Singapore and the United States signed the Protocol of Amendment to the 1990 Memorandum of "
                   "Understanding Regarding United States Use of Facilities in Singapore in New York on 23 September "
                   "2019.", "2019-09-24")
    assert list(found) == ["Protocol of Amendment to the 1990 Memorandum of Understanding Regarding United States "
                           "Use of Facilities"]
    body = ("In 2005 Singapore and the United States signed the Strategic Framework Agreement for a Closer "
            "Cooperation Partnership in Defence and Security in Washington on 12 July. The Sides recall the "
            "Strategic Framework Agreement between the Republic of Singapore and the United States of America for "
            "a Closer Cooperation Partnership in Defence and Security, signed at Washington on 12 July 2005.")
    assert len(_named(body, "2019-09-24")) == 1
    found = _named("The Protocol to the North Atlantic Treaty of 1949 on the Accession of the Republic of North "
                   "Macedonia was signed in Brussels on February 6, 2019.", "2019-09-18")
    assert {name: day for name, (_, day) in found.items()} == {
        "Protocol to the North Atlantic Treaty of 1949 on the Accession of the Republic of North Macedonia":
            "2019-02-06"}


def test_the_text_of_an_agreement_names_its_parties_and_day():
    body = ("TREATY ON FRIENDSHIP AND COOPERATION IN CENTRAL ASIA\n\n"
            "The Republic of Kazakhstan, the Kyrgyz Republic, the Republic of Tajikistan and the Republic of "
            "Uzbekistan, hereinafter referred to as the Parties,\n\n"
            "Determined to make Central Asia a region of lasting peace,\n\nHave agreed as follows:\n\n"
            "Article 1\nThe Parties shall build their relations on mutual respect.\n\n"
            "Done at Cholpon-Ata on 21 July 2022, in a single original.\n")
    found = _named(body, "2025-09-02", genre="joint-declaration", title="Treaty on Friendship (unofficial translation)")
    # (the heading read in ordinary case; "in Central Asia" left out as a place, as after any name)
    assert found == {"Treaty on Friendship and Cooperation": (("kaz", "kgz", "tjk", "uzb"), "2022-07-21")}


def test_a_protocol_that_is_no_treatys_is_an_agreement():
    kinds = {a.name: a.kind for a in run("China and Nepal signed the Protocol on Inspection and Quarantine in Beijing "
                                         "on 29 April 2019. The same day China and Nepal signed the Protocol to "
                                         "the Treaty of Friendship.", date="2019-04-30").agreements}
    assert kinds == {"Protocol on Inspection and Quarantine": "Agreement", "Protocol to the Treaty of Friendship":
                     "Treaty"}


def test_an_abbreviation_stands_for_the_genre_that_ends_the_name():
    body = ("The Dialogue welcomed the ratification of the Japan-EU Strategic Partnership Agreement (SPA). The SPA "
            "was signed in Tokyo on 17 July 2018.")
    assert _named(body, "2024-11-29") == {"Japan-EU Strategic Partnership Agreement": (("european-union", "jpn"),
                                                                                       "2018-07-17")}


def test_a_name_does_not_run_on_into_a_post():
    body = ("Sweden deposited its instrument of accession to the North Atlantic Treaty to Secretary of State Antony "
            "Blinken in Washington on 7 March 2024.")
    assert list(_named(body, "2024-06-28")) == ["North Atlantic Treaty"]


def test_done_at_after_a_name_concludes_it():
    found = _named("The Senate will consider the Protocol to the North Atlantic Treaty on the Accession of the "
                   "Republic of North Macedonia, done at Brussels on February 6, 2019.", "2019-10-22")
    assert [day for _, day in found.values()] == ["2019-02-06"]


def test_the_signature_in_a_place_of_an_agreement_concludes_it():
    found = _named("It is seventeen years since the signature in New York, on 23 September 2008, of the Joint "
                   "Declaration on Secretariat Cooperation by the United Nations and NATO.", "2025-09-23")
    assert found == {"Joint Declaration on Secretariat Cooperation": (("nato", "united-nations"), "2008-09-23")}


def test_an_agreement_being_drafted_is_not_concluded():
    body = ("Kenya and the Netherlands signed a Letter of Intent on Defence Cooperation today. Our teams are already "
            "drafting a Defence Cooperation Agreement and a Status of Forces Agreement.")
    assert list(_named(body, "2025-03-20")) == ["Letter of Intent on Defence Cooperation"]


def test_a_word_of_likeness_is_no_part_of_a_name():
    body = ("Finland signed its Defence Cooperation Agreement with the United States on 18 December 2023. Sweden "
            "signed a similar agreement with the United States on 5 December 2023.")
    assert _named(body, "2024-01-10") == {"Defence Cooperation Agreement": (("fin", "usa"), "2023-12-18"),
                                          "Agreement": (("swe", "usa"), "2023-12-05")}


def test_a_bare_plural_concluded_with_several_partners_is_one_each():
    found = run("Rwanda deployed forces under the agreements it had concluded with Mozambique and the Central African "
                "Republic.", date="2024-11-02").agreements
    assert sorted(sides(a) for a in found) == [("caf", "rwa"), ("moz", "rwa")]


def test_agreements_a_state_has_with_listed_partners_are_one_each():
    found = run("The Philippines has defence cooperation agreements with Japan and Canada.",
                date="2026-05-22").agreements
    assert sorted(sides(a) for a in found) == [("can", "phl"), ("jpn", "phl")]
    found = run("The EU already has security of information agreements in force with a number of partners, among "
                "them the United States, Canada, Australia and Israel.", date="2026-04-21").agreements
    assert sorted(sides(a) for a in found) == [("aus", "european-union"), ("can", "european-union"),
                                               ("european-union", "isr"), ("european-union", "usa")]


def test_a_plurals_own_topic_is_its_first_item():
    found = run("On 29 February 2024 the Philippines and Australia signed memoranda of understanding on maritime "
                "cooperation, on cyber and critical technology, and on competition policy.",
                date="2026-05-22").agreements
    assert sorted(a.name for a in found) == ["memorandum of understanding on competition policy",
                                             "memorandum of understanding on cyber and critical technology",
                                             "memorandum of understanding on maritime cooperation"]


def test_an_explanatory_memorandum_is_a_paper_not_an_agreement():
    found = _named("EXPLANATORY MEMORANDUM ON THE TREATY ON FRIENDSHIP BETWEEN THE UNITED KINGDOM AND GERMANY\n\nThe "
                   "Treaty was signed in London on 17 July 2025 by the Prime Minister and the Federal Chancellor.",
                   "2025-07-21", genre="press-release")
    assert not any("Memorandum" in name for name in found)


def test_the_preamble_names_the_parties_together_after_each_ones_own_hereinafter():
    for preamble in ('The Republic of Finland (hereinafter "Finland") and the Republic of Estonia (hereinafter '
                     '"Estonia"), hereinafter jointly referred to as the "Parties",',
                     'The Republic of Finland and the Republic of Estonia, hereinafter jointly referred to as the '
                     '"Contracting Parties",'):
        body = ("AGREEMENT BETWEEN THE REPUBLIC OF FINLAND AND THE REPUBLIC OF ESTONIA ON DEFENCE COOPERATION\n\n"
                f"{preamble}\n\nHave agreed as follows:\n\nArticle 1\n\nThe Parties shall cooperate in defence "
                "matters.\n\nDone at Helsinki on 12 February 2024 in two originals.")
        assert [(s, day) for s, day in _named(body, "2024-03-01").values()] == [(("est", "fin"), "2024-02-12")]


def test_a_protocol_to_conventions_in_the_plural_is_a_treaty():
    result = run("The Protocol I Additional to the Geneva Conventions was signed by Kenya and Uganda on 8 June 1977.",
                 date="2020-01-01")
    assert [a.kind for a in result.agreements] == ["Treaty"]


def test_a_legislatures_approval_leaves_the_signing_told_after_it():
    found = _named("The National Assembly of Kenya approved the Defence Cooperation Agreement with Uganda, which the "
                   "two presidents signed on 4 May 2019.", "2020-01-01")
    assert found == {"Defence Cooperation Agreement": (("ken", "uga"), "2019-05-04")}


def test_a_count_that_opens_the_sentence_is_no_part_of_the_name():
    found = _named("Three Memoranda of Understanding were signed between Kenya and the Netherlands: on a joint trade "
                   "committee; on water management; and on cooperation in tourism.", "2025-05-09")
    assert sorted(found) == ["Memorandum of Understanding on a joint trade committee",
                             "Memorandum of Understanding on cooperation in tourism",
                             "Memorandum of Understanding on water management"]


def test_the_day_a_legislature_ratified_it_in_a_relative_clause_is_not_its_conclusion():
    found = _named("On 4 May 2019, Kenya and Uganda signed the Defence Cooperation Agreement, which the National "
                   "Assembly of Kenya ratified on 3 June 2019.", "2020-01-01")
    assert found == {"Defence Cooperation Agreement": (("ken", "uga"), "2019-05-04")}


def test_a_preamble_a_report_quotes_makes_no_agreement_the_documents_own():
    body = ("Kenya and Uganda signed the Memorandum of Understanding on Border Policing in 2019. The Republic of Kenya "
            "and the Republic of Uganda, hereinafter referred to as the Parties, agreed to patrol jointly. Signed in "
            "Kampala, the memorandum was hailed.")
    assert _named(body, "2024-05-06", genre="news") == {
        "Memorandum of Understanding on Border Policing": (("ken", "uga"), None)}


def test_a_length_of_time_is_no_topic():
    found = run("The representative of the Syrian Arab Republic said Damascus had honoured the 1974 Agreement for half "
                "a century and continues to regard it as binding.", date="2025-06-30").agreements
    assert [a.name for a in found] == ["1974 Agreement"]
