"""Agreement rules added in pactgraph-rules/0.16 (session 11), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, run


def _by_name_and_parties(result) -> list[tuple[str, list[str]]]:
    return sorted((a.name, sorted(p.rsplit("/id/", 1)[-1] for p in a.parties)) for a in result.agreements)


def test_two_treaties_signed_on_different_days_are_two_agreements():
    body = ("We welcome the treaty on the state border that the Presidents of Ghana and Togo signed in Accra on "
            "4 March, and the Treaty on the Tripoint of State Borders, which the Presidents of Ghana, Togo and "
            "Burkina Faso signed in Lomé on 20 March.")
    found = _by_name_and_parties(run(body, date="2026-05-01"))
    assert ("Treaty on the Tripoint of State Borders", ["state/bfa", "state/gha", "state/tgo"]) in found
    assert ("treaty on the state border", ["state/gha", "state/tgo"]) in found


def test_a_memorandum_signed_today_is_not_the_one_signed_two_years_ago():
    body = ("The minesweeping group in the Aegean was set up under the Memorandum of Understanding that Greece, "
            "Cyprus and Bulgaria signed in Athens on 12 February 2024. In our presence, the defence ministers of "
            "Greece, Cyprus and Romania today signed a Memorandum of Understanding on Trilateral Cooperation in "
            "Coastal Surveillance.")
    found = _by_name_and_parties(run(body, date="2026-05-01"))
    assert ("Memorandum of Understanding", ["state/bgr", "state/cyp", "state/grc"]) in found
    assert ("Memorandum of Understanding on Trilateral Cooperation in Coastal Surveillance",
            ["state/cyp", "state/grc", "state/rou"]) in found


def test_an_agreement_dated_this_year_is_not_the_one_named_with_an_old_year():
    body = ("We call on Armenia and Azerbaijan to respect the 1994 Agreement on a Ceasefire between Armenia and "
            "Azerbaijan. We also welcome the agreement signed on 2 March between Georgia and Armenia on border "
            "crossings.")
    names = [a.name for a in run(body, date="2026-05-01").agreements]
    assert len(names) == 2


def test_the_one_a_memorandum_replaces_keeps_its_own_year():
    body = ("The two ministers today signed the Memorandum of Understanding on Border Security between Peru and "
            "Ecuador. The memorandum replaces the one that the two ministries signed in Lima in 2016.")
    result = run(body, date="2026-05-01")
    assert [a.date for a in result.agreements if a.name.startswith("Memorandum of Understanding on")] == ["2026-05-01"]
    assert len(result.agreements) == 2


def test_a_declaration_of_the_documents_genre_from_another_year_is_an_earlier_one():
    body = ("Joint Declaration on EU-NATO Cooperation\n\n"
            "Meeting in Brussels today, the Secretary General of NATO and the President of the European Council "
            "signed this declaration. It carries forward the Joint Declaration signed in Warsaw on 8 July 2016.")
    result = run(body, title="Joint Declaration on EU-NATO Cooperation", genre="joint-declaration",
                 date="2026-01-10")
    found = sorted((a.name, a.date) for a in result.agreements)
    assert found == [("Joint Declaration", "2016-07-08"), ("Joint Declaration on EU-NATO Cooperation", "2026-01-10")]
    assert agreement_parties(result)["Joint Declaration"] == ["org/european-union", "org/nato"]


def test_a_protocol_in_lower_case_with_a_topic_is_an_agreement():
    body = ("Senegal and Mauritania signed three instruments:\n\n"
            "- a memorandum of understanding on hydrography, signed by the two Chiefs of Naval Staff;\n"
            "- a protocol on military training, signed by the two Ministers.\n")
    found = agreement_parties(run(body, title="Senegal and Mauritania sign defence instruments", date="2026-02-02"))
    assert found["protocol on military training"] == ["state/mrt", "state/sen"]


def test_a_protocol_that_two_states_signed_is_an_agreement_without_a_topic():
    body = ("Under a protocol that Nepal and Qatar signed on 3 April 1998, Nepali engineers have served in Qatar "
            "ever since.")
    result = run(body, title="Nepal and Qatar", date="2026-02-02")
    assert [(a.name, a.date) for a in result.agreements] == [("Protocol", "1998-04-03")]
    assert agreement_parties(result)["Protocol"] == ["state/npl", "state/qat"]


def test_a_protocol_amending_it_takes_no_pronoun_for_its_topic():
    body = ("Relations rest on the Defence Cooperation Agreement of 1998. A protocol amending it was signed in "
            "Oslo on 2 June 2021.")
    names = [a.name for a in run(body, title="Norway and Chile", date="2026-02-02").agreements]
    assert not any(name.endswith(" it") for name in names)


def test_the_signature_of_an_agreement_past_an_aside_concludes_it_and_the_one_coordinated_with_it():
    body = ("The European Union and Jordan held their first summit in Amman. "
            "The leaders welcomed the signature, in the margins of the Summit, of the Agreement on Research "
            "Cooperation and of a Memorandum of Understanding on Macro-Financial Assistance.")
    found = agreement_parties(run(body, title="Summit of the European Union and Jordan", date="2026-02-02"))
    assert found == {"Agreement on Research Cooperation": ["org/european-union", "state/jor"],
                     "Memorandum of Understanding on Macro-Financial Assistance": ["org/european-union", "state/jor"]}


def test_the_early_signature_of_an_agreement_is_only_hoped_for():
    body = ("The European Union and Jordan held their first summit in Amman. The leaders called for the early "
            "signature of the Agreement on Research Cooperation.")
    assert run(body, title="Summit of the European Union and Jordan", date="2026-02-02").agreements == []


def test_an_agreement_cited_as_a_standard_and_agreed_with_a_partner_is_concluded_with_it():
    body = ("Over the year the Ministry worked with the Alliance on cyber defence, in line with the Individually "
            "Tailored Partnership Programme agreed with NATO in July 2023.")
    result = run(body, publisher="Ministry of National Defense (Republic of Korea)", title="Annual report",
                 date="2026-02-02")
    assert agreement_parties(result) == {"Individually Tailored Partnership Programme": ["org/nato", "state/kor"]}


def test_an_agreement_he_signed_with_his_counterparts_is_his_states_and_theirs():
    body = ("Minister of Defence of Finland Antti Häkkänen received his Spanish counterpart in Helsinki. Minister "
            "Häkkänen explained that the fences on the eastern border are built under the agreement on the Nordic "
            "Border Line that he signed with his Swedish and Norwegian counterparts in March 2025.")
    found = agreement_parties(run(body, title="Finland and Spain defence ministers meet", date="2026-02-02"))
    assert found["agreement on the Nordic Border Line"] == ["state/fin", "state/nor", "state/swe"]


def test_a_named_topic_ends_before_another_agreements_name():
    body = ("The ministers reviewed the Cooperation Agreement between the two sides and the Strategic Partnership "
            "they launched in 2004.")
    names = [a.name for a in run(body, title="India and the European Union", date="2026-02-02").agreements]
    assert not any("Strategic Partnership" in name and "Cooperation Agreement" in name for name in names)


def test_states_that_each_concluded_an_agreement_with_one_partner_have_one_each():
    body = ("Spain and Italy each signed a bilateral agreement on security cooperation with Moldova on 4 March "
            "2025, and Greece is expected to follow.")
    found = sorted(sorted(p.rsplit("/id/", 1)[-1] for p in a.parties)
                   for a in run(body, title="Moldova's partners", date="2026-02-02").agreements)
    assert found == [["state/esp", "state/mda"], ["state/ita", "state/mda"]]


def test_capitals_that_sign_stand_for_their_states():
    body = "Dhaka and Kathmandu signed a memorandum of understanding on fisheries in 2019."
    found = agreement_parties(run(body, title="Fisheries memorandum", date="2026-02-02"))
    assert found == {"memorandum of understanding on fisheries": ["state/bgd", "state/npl"]}
