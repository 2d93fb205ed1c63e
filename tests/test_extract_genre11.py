"""Agreement rules added in pactgraph-rules/0.13 (session 8), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, agreements_by_name, run


def test_partnerships_signed_one_by_one_across_two_sentences():
    body = ("Since my last report we have signed Security and Defence Partnerships with Iceland, in Reykjavik in "
            "March, and with Chile, at the ministerial meeting in Brussels on 4 June. Together with those we already "
            "had with Ghana and Peru, there are now four.")
    result = run(body, publisher="European External Action Service", date="2026-07-01", genre="speech")
    found = agreements_by_name(result)["Security and Defence Partnership"]
    assert sorted(map(tuple, found)) == sorted(
        tuple(sorted(("org/european-union", s))) for s in ("state/isl", "state/chl", "state/gha", "state/per"))


def test_partnerships_signed_by_the_union_with_each_partner():
    body = ("The Council welcomes the Security and Defence Partnerships signed by the Union with Iceland in "
            "Reykjavik on 3 March 2026 and with Chile in Brussels on 4 June 2026, and the first dialogues held under "
            "them. Together with the partnerships concluded in 2024 with Ghana and Peru, they should deliver results.")
    result = run(body, publisher="Council of the European Union", date="2026-07-01")
    partners = {p for parties in agreements_by_name(result)["Security and Defence Partnership"] for p in parties}
    assert partners == {"org/european-union", "state/isl", "state/chl", "state/gha", "state/per"}
    assert len(result.agreements) == 4


def test_a_memorandum_on_one_topic_is_not_a_memorandum_on_another_between_the_ministries():
    body = ("The ministers signed a Memorandum of Understanding on Cooperation in Military Medicine between the "
            "Ministry of National Defence of Chile and the Ministry of National Defence of Peru. They also reviewed "
            "the Memorandum on Defence Cooperation that the two ministries concluded in 2004.")
    names = set(agreement_parties(run(body, date="2026-07-01")))
    assert "Memorandum on Defence Cooperation" in names
    assert len(names) == 2


def test_a_short_name_written_before_its_genre_is_the_long_name_between_two_governments():
    body = ("Ireland and Austria today signed an Agreement between the Government of Ireland and the Government of "
            "the Republic of Austria on Cooperation in the Field of Defence. The Defence Cooperation Agreement will "
            "take effect next year.")
    assert len(run(body, date="2026-07-01").agreements) == 1


def test_an_agreement_concluded_with_another_partner_is_another_agreement():
    body = ("The ministers today signed an Agreement between the Government of the Republic of Latvia and the "
            "Government of Australia on Cooperation in the Field of Defence. Latvia has "
            "comparable arrangements with other partners, among them the Defence Cooperation Agreement concluded "
            "with the United States in January 2017.")
    parties = agreement_parties(run(body, date="2026-07-01"))
    assert parties.get("Defence Cooperation Agreement") == ["state/lva", "state/usa"]


def test_a_relative_clause_after_an_acronym_in_brackets_concludes_a_declaration():
    body = ("They called for the full implementation of the Declaration on the Conduct of Parties in the South "
            "China Sea (DOC), which ASEAN and China signed in 2002.")
    parties = agreement_parties(run(body, date="2026-07-01"))
    assert parties == {"Declaration on the Conduct of Parties in the South China Sea": ["org/asean", "state/chn"]}


def test_a_relative_clause_far_after_the_name_concludes_it():
    body = ("The Joint Expeditionary Force was founded under a memorandum of understanding that the United "
            "Kingdom, Denmark, Estonia, Latvia, Lithuania, the Netherlands and Norway signed in 2015.")
    parties = agreement_parties(run(body, date="2026-07-01"))
    assert parties == {"Memorandum of Understanding": sorted(
        ["state/gbr", "state/dnk", "state/est", "state/lva", "state/ltu", "state/nld", "state/nor"])}


def test_the_month_may_in_a_relative_clause_is_no_modal():
    body = ("The leaders reaffirmed the Treaty of Mutual Assistance, which Chile and Peru signed in Lima on 4 May "
            "1998.")
    assert agreement_parties(run(body, date="2026-07-01")) == {"Treaty of Mutual Assistance": ["state/chl",
                                                                                                 "state/per"]}


def test_a_relative_clause_that_only_looks_ahead_does_not_conclude():
    body = "The ministers discussed the Treaty of Mutual Assistance, which Chile and Peru would sign next year."
    assert not run(body, date="2026-07-01").agreements


def test_a_lower_case_memorandum_takes_its_topic_as_its_name():
    body = ("The partnership builds on the memorandum of understanding on defence cooperation that Ghana and the "
            "United Kingdom signed in Accra in 2019.")
    parties = agreement_parties(run(body, date="2026-07-01"))
    assert parties == {"memorandum of understanding on defence cooperation": ["state/gbr", "state/gha"]}


def test_a_programme_under_which_two_sides_worked_stands():
    body = ("Jordan and NATO agreed a new programme. It succeeds the Individual Partnership and Cooperation "
            "Programme under which the two sides worked from 2016.")
    assert "Individual Partnership and Cooperation Programme" in agreement_parties(run(body, date="2026-07-01"))


def test_ties_raised_to_a_strategic_partnership():
    body = ("The two ministers recalled that the ties between India and Greece were raised to a Strategic "
            "Partnership in August 2023.")
    assert agreement_parties(run(body, date="2026-07-01")) == {"Strategic Partnership": ["state/grc", "state/ind"]}


def test_a_name_with_a_list_of_topics_keeps_the_whole_list():
    body = ("The new mechanism builds on the Bicentennial Framework for Security, Public Health and Safe "
            "Communities, which Mexico and the United States adopted in Mexico City on 8 October 2021.")
    parties = agreement_parties(run(body, date="2026-07-01"))
    assert parties == {"Bicentennial Framework for Security, Public Health and Safe Communities": ["state/mex",
                                                                                                   "state/usa"]}


def test_a_ceasefire_agreed_between_two_states():
    body = ("UNIFIL has supported the army's redeployment since the cessation of hostilities that Israel and Lebanon "
            "agreed on 26 November 2024.")
    result = run(body, date="2025-06-01")
    assert agreement_parties(result) == {"Cessation of Hostilities": ["state/isr", "state/lbn"]}
    assert result.agreements[0].date == "2024-11-26"


def test_a_ceasefire_only_called_for_or_imagined_is_no_agreement():
    for body in ("The Council called for an immediate ceasefire between Sudan and South Sudan.",
                 "If a ceasefire is signed, France is ready to deploy forces to Ukraine.",
                 "The truce between Israel and Syria has held since May."):
        assert not run(body, date="2025-06-01").agreements, body


def test_the_monitors_and_mediators_of_a_ceasefire_are_not_its_parties():
    body = ("The Meeting welcomed the ceasefire agreed between Pakistan and India on 10 May 2025 with the help of "
            "the United States, and thanked the United Nations for its monitors.")
    assert agreement_parties(run(body, date="2025-06-01")) == {"Ceasefire": ["state/ind", "state/pak"]}


def test_a_ceasefire_agreement_is_read_once():
    body = "The ceasefire agreement reached between Armenia and Azerbaijan in Moscow on 10 November 2020 still holds."
    assert list(agreement_parties(run(body, date="2025-06-01"))) == ["Ceasefire Agreement"]


def test_a_code_of_conduct_and_a_statement_adopted_by_a_forum():
    body = ("The ministers adopted the ASEAN Regional Forum Statement on the Protection of Submarine Cables. "
            "Ghana and Togo signed the Lomé Code of Conduct on maritime security in 2013.")
    names = set(agreement_parties(run(body, date="2025-06-01")))
    assert names == {"ASEAN Regional Forum Statement on the Protection of Submarine Cables", "Lomé Code of Conduct on maritime security"}


def test_documents_whose_exchange_the_leaders_witnessed():
    body = ("Viet Nam and the Philippines held talks in Manila.\n\nAfter the talks, the two leaders witnessed the exchange of "
            "cooperation documents, including:\n\n- a Memorandum of Understanding on defence cooperation;\n\n"
            "- a Letter of Intent on cooperation in disaster risk reduction.\n")
    result = run(body, date="2026-01-30", title="Viet Nam and the Philippines hold talks")
    assert set(agreement_parties(result)) == {"Memorandum of Understanding on defence cooperation",
                                              "Letter of Intent on cooperation in disaster risk reduction"}


def test_an_agreement_in_force_or_dating_from_a_year_stands():
    body = ("The Ministry continued to implement the Framework Agreement on Defence Cooperation with the Federative "
            "Republic of Brazil, in force since 2012, under which the two navies exercise every year.")
    parties = agreement_parties(run(body, publisher="Ministry of National Defence (Uruguay)", date="2026-03-01"))
    assert parties == {"Framework Agreement on Defence Cooperation": ["state/bra", "state/ury"]}


def test_a_programme_a_partner_works_under_or_has():
    body = "The United Arab Emirates also works with NATO under its own Individually Tailored Partnership Programme."
    assert agreement_parties(run(body, date="2026-03-01")) == {
        "Individually Tailored Partnership Programme": ["org/nato", "state/are"]}
    body = "Moldova and NATO have a new Individually Tailored Partnership Programme."
    assert list(agreement_parties(run(body, date="2026-03-01"))) == ["Individually Tailored Partnership Programme"]
    body = "Moldova and NATO want to have a new Individually Tailored Partnership Programme."
    assert not run(body, date="2026-03-01").agreements


def test_two_agreements_joined_by_and_the_and_concluded_together():
    body = ("Our relationship with Canada is anchored in the Strategic Partnership Agreement and the Comprehensive "
            "Economic and Trade Agreement, both signed in 2016.")
    result = run(body, publisher="Council of the European Union", date="2025-06-23")
    kinds = {a.name: a.kind for a in result.agreements}
    assert kinds == {"Strategic Partnership Agreement": "Agreement",
                     "Comprehensive Economic and Trade Agreement": "Agreement"}


def test_a_name_between_two_governments_keeps_and_the():
    body = ("The ministers signed the Agreement between the Government of Ireland and the Government of the Republic "
            "of Austria on Cooperation in the Field of Defence.")
    assert list(agreement_parties(run(body, date="2025-06-23"))) == [
        "Agreement between the Government of Ireland and the Government of the Republic of Austria on Cooperation in "
        "the Field of Defence"]


def test_memoranda_a_commission_signs_with_each_contributing_country():
    body = ("The African Union Commission today signed Memoranda of Understanding with Djibouti, Egypt and Kenya, "
            "the countries that provide troops to the Mission.")
    result = run(body, publisher="African Union Commission", date="2025-09-18")
    assert sorted(tuple(sorted(p.rsplit("id/", 1)[-1] for p in a.parties)) for a in result.agreements) == [
        ("org/african-union-commission", s) for s in ("state/dji", "state/egy", "state/ken")]


def test_a_hyphenated_cease_fire_is_read_as_a_ceasefire():
    body = "The Council welcomed the cease-fire agreed between Pakistan and India on 10 May 2025."
    assert agreement_parties(run(body, date="2025-06-01")) == {"Cease-Fire": ["state/ind", "state/pak"]}
    body = "The Council called for an immediate cease-fire between Sudan and South Sudan."
    assert not run(body, date="2025-06-01").agreements
    body = "The cease-fire agreement reached between Armenia and Azerbaijan on 10 November 2020 still holds."
    assert len(run(body, date="2025-06-01").agreements) == 1
