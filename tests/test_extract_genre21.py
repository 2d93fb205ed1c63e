"""Rules added in pactgraph-rules/0.23 (session 18), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, run

_RELEASE = dict(title="Minister receives his counterpart", publisher="Ministry of Foreign Affairs of Oman",
                date="2025-05-20", genre="press-release")


def test_an_arrangement_two_sides_concluded_in_a_relative_clause():
    body = ("The Minister of Defence of Malaysia and the Secretary of State for Defence of the United Kingdom signed "
            "the memorandum in Kuala Lumpur. The memorandum replaces the arrangement that the two ministries "
            "concluded in 2011.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "British High Commission Kuala Lumpur"}))
    assert found["Arrangement"] == ["state/gbr", "state/mys"]


def test_an_understanding_two_capitals_reached():
    body = ("The coalition's military mission will come to an end under the understanding that Baghdad and "
            "Washington reached last September.")
    found = agreement_parties(run(body, **_RELEASE))
    assert found["Understanding"] == ["state/irq", "state/usa"]


def test_a_capital_and_a_movement_the_register_lacks_reached_an_understanding():
    body = ("In May, after quiet contacts in Muscat, Washington and Ansar Allah reached an understanding under which "
            "the attacks on shipping stopped.")
    found = agreement_parties(run(body, **_RELEASE))
    assert found["Understanding"] == ["state/usa"]


def test_an_understanding_that_is_only_a_view_is_no_agreement():
    body = ("There is an understanding that the talks will resume in the autumn, and the two ministers reached a "
            "common understanding of the threats in the Gulf.")
    assert agreement_parties(run(body, **_RELEASE)) == {}


def test_two_names_before_a_plural_verb_are_both_concluded():
    body = ("The Ministers recalled that the Charter of the Bay of Bengal Maritime Forum and the Memorandum of "
            "Understanding on the Establishment of its Secretariat were signed in Dhaka on 12 March 2024 by India, "
            "Bangladesh, Sri Lanka and Myanmar.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Ministry of External Affairs of Nepal"}))
    expected = ["state/bgd", "state/ind", "state/lka", "state/mmr"]
    assert found["Charter of the Bay of Bengal Maritime Forum"] == expected


def test_two_names_before_which_were_signed_are_both_concluded():
    body = ("Our maritime architecture rests on the Regional Agreement on Maritime Information Sharing and the "
            "Regional Agreement on Joint Patrols at Sea, which were signed in Victoria in June 2019 by Seychelles, "
            "Madagascar and Comoros.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Government of Seychelles"}))
    assert found["Regional Agreement on Maritime Information Sharing"] == ["state/com", "state/mdg", "state/syc"]


def test_a_name_before_a_singular_verb_of_the_second_is_not_concluded():
    body = ("The Ministers discussed the Regional Agreement on Maritime Information Sharing and the Regional "
            "Agreement on Joint Patrols at Sea, which was signed in Victoria in June 2019 by Seychelles, Madagascar "
            "and Comoros.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Government of Seychelles"}))
    assert "Regional Agreement on Maritime Information Sharing" not in found


_SUMMIT = dict(title="Summit of the Council of Heads of State", publisher="Organization of Turkic States",
               date="2025-10-07", genre="press-release", place="Gabala")


def test_a_treaty_concluded_between_two_capitals_is_their_states():
    body = "We commend the border treaty concluded between Bishkek and Dushanbe on 13 March 2025."
    assert agreement_parties(run(body, **_SUMMIT)) == {"Border Treaty": ["state/kgz", "state/tjk"]}


def test_signed_by_the_presidents_of_three_states_and_adopted_on_that_occasion():
    body = ("We commend the border treaty concluded between Bishkek and Dushanbe on 13 March 2025, and the Treaty "
            "on the Junction Point of the State Borders signed by the Presidents of Kyrgyzstan, Tajikistan and "
            "Uzbekistan in Khujand on 31 March 2025, together with the Khujand Declaration on Eternal Friendship "
            "adopted on that occasion.")
    result = run(body, **_SUMMIT)
    found = agreement_parties(result)
    three = ["state/kgz", "state/tjk", "state/uzb"]
    assert found["Treaty on the Junction Point of the State Borders"] == three
    assert found["Khujand Declaration on Eternal Friendship"] == three
    assert {a.name: a.date for a in result.agreements}["Khujand Declaration on Eternal Friendship"] == "2025-03-31"


def test_our_five_countries_in_a_text_of_an_organization_of_five():
    body = ("We welcome the progress made since our five countries signed the Founding Agreement of the Turkic "
            "Investment Fund in Ankara on 16 March 2023.")
    found = agreement_parties(run(body, **_SUMMIT))
    assert found["Founding Agreement of the Turkic Investment Fund"] == [
        "state/aze", "state/kaz", "state/kgz", "state/tur", "state/uzb"]


def test_our_five_countries_before_the_fifth_member_joined_is_no_group():
    body = ("We welcome the progress made since our five countries signed the Agreement on the Turkic Fund in Baku "
            "on 16 March 2015.")
    found = agreement_parties(run(body, **{**_SUMMIT, "date": "2015-06-01"}))
    assert found.get("Agreement on the Turkic Fund") != [
        "state/aze", "state/kaz", "state/kgz", "state/tur", "state/uzb"]


def test_signed_by_the_leaders_of_the_council_states_is_its_members():
    body = ("The minister stressed that the Joint Defence Agreement signed by the leaders of the GCC states in "
            "Manama on 31 December 2000 remains the foundation of their collective security.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Kuwait News Agency"}))
    assert found["Joint Defence Agreement"] == ["state/are", "state/bhr", "state/kwt", "state/omn", "state/qat",
                                                "state/sau"]


def test_the_union_state_is_not_the_european_union():
    body = ("The President recalled the Treaty on the Establishment of the Union State, signed in Moscow on 8 December "
            "1999 by Belarus and Russia.")
    result = run(body, **{**_RELEASE, "publisher": "Press Service of the President of Belarus"})
    assert agreement_parties(result) == {"Treaty on the Establishment of the Union State": ["state/blr", "state/rus"]}
    assert "org/eu" not in result.entities


def test_an_organization_a_declaration_establishes_is_not_its_party():
    body = ("The heads of state of Kazakhstan, China, Kyrgyzstan, Russia, Tajikistan and Uzbekistan signed the "
            "Declaration on the Establishment of the Shanghai Cooperation Organization.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Ministry of Foreign Affairs of Kazakhstan",
                                          "date": "2001-06-15"}))
    parties = found["Declaration on the Establishment of the Shanghai Cooperation Organization"]
    assert "org/sco" not in parties and {"state/chn", "state/rus", "state/kaz"} <= set(parties)


def test_signed_where_and_when_then_by_two_posts_of_two_states():
    body = ("We warmly welcome the Joint Declaration signed in Washington, D.C., on 8 August 2025 by the President of "
            "the Republic of Azerbaijan and the Prime Minister of the Republic of Armenia in the presence of the "
            "President of the United States of America.")
    found = agreement_parties(run(body, **_SUMMIT))
    assert found["Joint Declaration"] == ["state/arm", "state/aze"]


def test_a_plan_between_the_defence_ministries_of_two_states():
    body = ("On 26 June, the two ministers signed a plan of bilateral military cooperation between the defence "
            "ministries of Belarus and Kazakhstan for 2026.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Ministry of Defence of Belarus"}))
    assert found["Plan of Bilateral Military Cooperation"] == ["state/blr", "state/kaz"]


def test_a_memorandum_between_a_ministry_and_a_department_of_two_states():
    body = ("The two Ministers signed the Memorandum on Defense Exchanges between the Ministry of Defense of Japan and "
            "the Department of National Defense of the Republic of the Philippines, which updates the memorandum "
            "signed in 2015.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Ministry of Defense of Japan"}))
    assert found and all(parties == ["state/jpn", "state/phl"] for parties in found.values())


def test_two_names_with_a_two_word_state_are_two_agreements():
    body = ("The two ministers signed the Japan-New Zealand Information Security Agreement and the Japan-New Zealand "
            "Acquisition and Cross-Servicing Agreement.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Ministry of Foreign Affairs of Japan"}))
    assert found == {"Japan-New Zealand Information Security Agreement": ["state/jpn", "state/nzl"],
                     "Japan-New Zealand Acquisition and Cross-Servicing Agreement": ["state/jpn", "state/nzl"]}


def test_a_peace_agreement_concluded_by_a_government_and_a_former_guerrilla_has_one_side():
    body = ("The members of the Security Council reiterated their support for the implementation of the Final "
            "Agreement for Ending the Conflict and Building a Stable and Lasting Peace, concluded by the Government of "
            "Colombia and the former FARC-EP guerrilla in November 2016.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "United Nations Security Council"}))
    assert found == {"Final Agreement for Ending the Conflict and Building a Stable and Lasting Peace": ["state/col"]}


def test_a_subject_after_a_dateline_and_the_government_of():
    body = ("Luanda, 3 May 2024 – The Government of the Republic of Angola and the Government of Zambia today signed "
            "a Memorandum of Understanding on Border Security, whose first projects the European Union will fund.")
    found = agreement_parties(run(body, **{**_RELEASE, "publisher": "Ministry of Foreign Affairs of Zambia",
                                          "date": "2024-05-03"}))
    assert found["Memorandum of Understanding on Border Security"] == ["state/ago", "state/zmb"]
