"""Agreement rules added in pactgraph-rules/0.18 (session 13), each on invented sentences."""

from __future__ import annotations

from extract_helpers import run

_EU = dict(title="Speech by the High Representative", publisher="European External Action Service",
           date="2026-06-02")


def _pairs(result) -> list[list[str]]:
    return sorted(sorted(p.rsplit("/id/", 1)[-1] for p in a.parties) for a in result.agreements)


def _rules(result) -> set[str]:
    return {s.evidence[0].rule for s in result.statements if s.predicate.endswith("#party")}


def test_the_singular_genre_concluded_with_a_partner_is_one_of_the_network():
    body = ("This year the Union has signed Security and Defence Partnerships with four countries. I signed the "
            "partnership with Iceland in Reykjavik on 3 March, and the one with Georgia in Tbilisi a week later.")
    result = run(body, **_EU)
    assert ["org/european-union", "state/isl"] in _pairs(result)
    assert ["org/european-union", "state/geo"] in _pairs(result)
    assert "agreement-party-recounted" in _rules(result)


def test_the_singular_genre_concluded_in_a_relative_clause():
    body = ("The Union signed a Security and Defence Partnership with Iceland today. The partnership with Georgia, "
            "which we signed in Tbilisi last spring, already funds two radars.")
    assert ["org/european-union", "state/geo"] in _pairs(run(body, **_EU))


def test_the_partnership_with_a_state_is_no_agreement_without_a_concluding_verb():
    body = ("The Union signed a Security and Defence Partnership with Iceland today. The partnership with Georgia "
            "remains close, and our cooperation with Armenia is growing.")
    assert _pairs(run(body, **_EU)) == [["org/european-union", "state/isl"]]


def test_states_that_were_the_first_of_a_plural_just_named():
    body = ("The Union has concluded Security and Defence Partnerships with five countries since January. Iceland "
            "and Georgia were the first, in February.")
    pairs = _pairs(run(body, **_EU))
    assert ["org/european-union", "state/geo"] in pairs and ["org/european-union", "state/isl"] in pairs


def test_were_the_first_to_does_not_recount_an_agreement():
    body = ("The Union has concluded Security and Defence Partnerships with five countries since January. Iceland "
            "and Georgia were the first to send officers to the new mission.")
    assert ["org/european-union", "state/isl"] not in _pairs(run(body, **_EU))


def test_a_state_that_signed_its_own_has_one_of_the_genre_named_in_the_sentence():
    body = ("The European Union and Armenia today signed a Security and Defence Partnership. Armenia is the third "
            "partner to sign such a partnership with the Union, after Georgia signed its own on 4 March.")
    pairs = _pairs(run(body, title="EU and Armenia sign a Security and Defence Partnership",
                       publisher="Council of the European Union", date="2026-06-02"))
    assert ["org/european-union", "state/geo"] in pairs and ["org/european-union", "state/arm"] in pairs


def test_such_a_partnership_after_a_list_gives_one_for_each_state_listed():
    body = ("Yesterday I signed the Security and Defence Partnership between the European Union and Iceland. "
            "Iceland is the fourth country with which we have such a partnership, after Georgia, Armenia and "
            "Montenegro.")
    pairs = _pairs(run(body, **_EU))
    for state in ("geo", "arm", "mne"):
        assert ["org/european-union", f"state/{state}"] in pairs


def test_a_verbless_closing_clause_adds_its_states():
    body = ("The European Union and Iceland today concluded a Security and Defence Partnership. Georgia and "
            "Armenia concluded theirs with the Union in Tbilisi and Yerevan in March, and Montenegro and Serbia "
            "later that month.")
    pairs = _pairs(run(body, title="EU and Iceland sign Security and Defence Partnership", **{
        k: v for k, v in _EU.items() if k != "title"}))
    for state in ("geo", "arm", "mne", "srb"):
        assert ["org/european-union", f"state/{state}"] in pairs


def test_a_closing_clause_with_its_own_verb_adds_nothing():
    body = ("The European Union and Iceland today concluded a Security and Defence Partnership. Georgia and "
            "Armenia concluded theirs with the Union in March, and Montenegro and Serbia are still negotiating.")
    pairs = _pairs(run(body, **_EU))
    assert ["org/european-union", "state/mne"] not in pairs


def test_a_plural_concluded_one_by_one_keeps_the_one_the_text_reports():
    body = ("The European Union and Montenegro signed a Security and Defence Partnership in Brussels today. The "
            "Union signed its first security and defence partnerships last year: with Georgia and with Iceland "
            "in May, and with Armenia in June.")
    pairs = _pairs(run(body, title="EU and Montenegro sign a Security and Defence Partnership",
                       publisher="Council of the European Union", date="2026-06-02"))
    assert pairs == [["org/european-union", f"state/{s}"] for s in ("arm", "geo", "isl", "mne")]


def test_a_recounted_network_belongs_to_the_organization_not_its_service():
    body = ("The EEAS signed the Security and Defence Partnership with Iceland on 3 March. The partnership with "
            "Georgia, which we signed in Tbilisi, followed in April.")
    assert ["org/european-union", "state/geo"] in _pairs(run(body, **_EU))


def test_the_government_alone_is_the_publishers_state():
    body = ("The Minister discussed the return of former fighters under the Lomé agreement that the Government "
            "signed with the two armed groups on 19 April.")
    result = run(body, title="The Minister of Defence receives the Force Commander",
                 publisher="Ministry of Defence (Togo)", date="2025-07-22")
    assert _pairs(result) == [["state/tgo"]]


def test_the_government_of_a_named_state_is_not_the_publishers():
    body = ("The Minister recalled the agreement that the Government of Benin signed with Niger on 3 May.")
    pairs = _pairs(run(body, title="The Minister of Defence receives his Beninese counterpart",
                       publisher="Ministry of Defence (Togo)", date="2025-07-22"))
    assert ["state/ben", "state/ner"] in pairs and not any("state/tgo" in p for p in pairs)


def test_a_place_name_with_an_apostrophe_names_a_lower_case_agreement():
    body = ("Chadian officers serve under the N'Djamena agreement that Chad signed with Sudan on 4 March, and "
            "under the bilateral defence agreement between Chad and Niger.")
    assert _pairs(run(body, date="2025-07-22")) == [["state/ner", "state/tcd"], ["state/sdn", "state/tcd"]]


def test_an_instrument_a_groupings_members_adopted_is_the_groupings():
    body = ("The Government keeps building bilateral security agreements with partners, in line with the Joint "
            "Declaration of Support for Ukraine that the G7 countries adopted in Vilnius in July 2023.")
    result = run(body, title="Prime Minister on security agreements", publisher="Government of Ukraine",
                 date="2025-07-22")
    assert _pairs(result) == [["org/g7"]]


def test_a_government_of_national_accord_is_no_accord():
    body = ("Greece rejects the memorandum that Türkiye signed with the Libyan Government of National Accord in "
            "November 2019.")
    assert [(a.name, sorted(a.parties)) for a in run(body, date="2025-07-22").agreements] == [
        ("Memorandum", ["https://w3id.org/pactgraph/id/state/lby", "https://w3id.org/pactgraph/id/state/tur"])]


def test_facilitators_and_observers_beside_the_signatories_are_not_parties():
    body = ("On 3 May, at Castries, President Ruto of Kenya and President Samia Suluhu Hassan of Tanzania agreed "
            "the Castries Declaration on Lake Victoria, with the Prime Minister of Barbados, Mia Mottley, acting as "
            "facilitator for CARICOM, and with Ghana as an observer.")
    assert _pairs(run(body, date="2025-07-22")) == [["state/ken", "state/tza"]]


def test_together_with_after_the_agreement_adds_its_list():
    body = ("Belize was one of the founding states of the Central American body, having signed the Treaty of "
            "Belmopan on 4 July 1991 together with Honduras, Panama and Costa Rica, and Mexico has stood with us "
            "ever since.")
    assert _pairs(run(body, date="2025-07-22")) == [["state/blz", "state/cri", "state/hnd", "state/pan"]]


def test_a_state_that_became_a_party_later_is_a_party():
    body = ("The Lisbon Agreement, which Portugal and Indonesia signed on 5 May 1999 and to which Timor-Leste "
            "became a party on its independence, set the course.")
    assert _pairs(run(body, date="2025-07-22")) == [["state/idn", "state/prt", "state/tls"]]


def test_adjectives_heading_neighbours_name_the_parties():
    body = ("Our Latvian and Estonian neighbours brought into force their own Treaty on Border Cooperation, which "
            "they had signed in Riga in 2023.")
    pairs = _pairs(run(body, title="Address by the Foreign Minister of Lithuania",
                       publisher="Ministry of Foreign Affairs of Lithuania", date="2025-07-22"))
    assert pairs == [["state/est", "state/lva"]]


def test_states_that_signed_theirs_with_a_capital():
    body = ("On 12 June, in Oslo, the Prime Minister of Denmark and President Zelenskyy signed an agreement on "
            "security cooperation between Denmark and Ukraine; Finland and Estonia signed theirs with Kyiv the same "
            "day.")
    pairs = _pairs(run(body, date="2025-07-22"))
    assert ["state/fin", "state/ukr"] in pairs and ["state/est", "state/ukr"] in pairs


def test_one_concluded_with_a_partner_is_of_the_genre_just_named():
    body = ("The President and the Prime Minister agreed to open negotiations on a Security and Defence Partnership "
            "between Iceland and the European Union. Norway concluded one with the Union last year.")
    pairs = _pairs(run(body, date="2025-07-22"))
    assert pairs == [["org/european-union", "state/nor"]]


def test_a_partner_named_between_the_verb_and_the_agreement():
    body = ("This morning I signed with the Minister of Defence of the Kingdom of Morocco a memorandum of "
            "understanding on military training.")
    pairs = _pairs(run(body, title="Speech by the Minister of Defence", publisher="Ministry of Defence (Senegal)",
                       date="2025-07-22"))
    assert pairs == [["state/mar", "state/sen"]]


def test_a_memorandum_signed_on_another_day_is_another_agreement():
    body = ("Minister Vieira and I have just signed the Memorandum of Understanding on Border Security. On 27 "
            "March, Secretary of State Marco Rubio and I signed a memorandum of understanding on narcotics.")
    pairs = _pairs(run(body, title="Remarks by the Minister of Foreign Affairs of Suriname",
                       publisher="Ministry of Foreign Affairs (Suriname)", date="2025-06-19"))
    assert ["state/sur", "state/usa"] in pairs and len(pairs) == 2


def test_a_name_keeps_its_list_of_three_parties():
    body = ("The Treaty between the Republic of Kazakhstan, the Kyrgyz Republic and the Republic of Uzbekistan on "
            "the Junction Point of the State Borders was signed in Tashkent on 4 March 2025.")
    result = run(body, date="2025-06-25")
    assert _pairs(result) == [["state/kaz", "state/kgz", "state/uzb"]]
    assert result.agreements[0].name.endswith("on the Junction Point of the State Borders")


def test_a_summits_declaration_is_not_another_declaration_of_the_same_day():
    body = ("That day the three Presidents signed the Bukhara Declaration on Friendship. In April the leaders of "
            "the European Union and of Kazakhstan adopted the Joint Declaration of the first EU-Central Asia summit.")
    names = sorted(a.name for a in run(body, date="2025-06-25").agreements)
    assert names == ["Bukhara Declaration on Friendship", "Joint Declaration of the first EU-Central Asia summit"]


def test_a_state_after_a_city_and_before_another_subject_is_an_actor():
    body = "And in September 2023, in Washington, Bahrain and the United States signed the Security Agreement."
    assert _pairs(run(body, date="2025-07-22")) == [["state/bhr", "state/usa"]]


def test_our_two_governments_are_the_speakers_and_the_one_state_named_before():
    body = ("On 5 May 1951 our government and the United States concluded the Defence Agreement. The agreement "
            "stayed in force, and in 2016 our two governments signed a joint declaration on maritime patrols.")
    pairs = _pairs(run(body, title="Speech by the Minister for Foreign Affairs",
                       publisher="Ministry for Foreign Affairs (Iceland)", date="2025-10-09"))
    assert pairs == [["state/isl", "state/usa"], ["state/isl", "state/usa"]]


def test_a_date_with_last_year_is_dated_the_year_before():
    body = ("On 31 May last year, in Stockholm, Sweden and Ukraine signed an agreement on security cooperation.")
    assert run(body, date="2025-10-09").agreements[0].date == "2024-05-31"
