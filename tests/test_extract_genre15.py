"""Agreement rules added in pactgraph-rules/0.17 (session 12), each on invented sentences."""

from __future__ import annotations

from extract_helpers import run


def _found(result) -> list[tuple[str, str, list[str]]]:
    return sorted((a.name, a.kind, sorted(p.rsplit("/id/", 1)[-1] for p in a.parties)) for a in result.agreements)


def test_another_concluded_by_its_own_verb_is_one_more_agreement():
    body = ("Last year the Union signed Security and Defence Partnerships with Japan and with the Republic of "
            "Korea, and in March this year we concluded another with Canada.")
    found = _found(run(body, title="Speech by the High Representative", publisher="European External Action Service",
                       date="2026-06-02"))
    assert ("Security and Defence Partnership", "PartnershipFramework", ["org/european-union", "state/can"]) in found
    assert len(found) == 3


def test_the_one_with_a_second_partner_is_one_more_agreement():
    body = ("The Union signed its Security and Defence Partnership with Moldova in Chisinau on 21 May, and the one "
            "with Norway in Brussels a week later.")
    found = _found(run(body, title="Speech by the High Representative", publisher="European External Action Service",
                       date="2026-06-02"))
    assert [parties for _, _, parties in found] == [["org/european-union", "state/mda"],
                                                    ["org/european-union", "state/nor"]]


def test_an_action_programme_is_an_action_plan():
    body = ("The Prime Ministers of Ghana and Senegal adopted the Action Programme for the implementation of their "
            "Strategic Partnership for the 2026–2030 period. The two foreign ministers signed a Work Programme for "
            "2026–2028.")
    kinds = {name.split()[0]: kind for name, kind, _ in _found(run(body, date="2026-03-10"))}
    assert kinds["Action"] == kinds["Work"] == "ActionPlan"


def test_an_agreement_troops_serve_under_stands_without_a_signing_verb():
    body = ("The Minister welcomed the Ghanaian engineers who serve both in UNMISS and under the bilateral defence "
            "agreement between Ghana and South Sudan.")
    result = run(body, date="2026-03-10")
    assert _found(result) == [("Bilateral Defence Agreement", "Agreement", ["state/gha", "state/ssd"])]
    assert result.agreements[0].date is None  # (in force, but the text does not say since when)


def test_its_own_agreement_with_a_partner_is_the_possessors():
    body = ("We note that Rwanda keeps troops in Cabo Delgado under its own bilateral agreement with Maputo.")
    found = _found(run(body, title="Statement by South Africa", publisher="Department of International Relations "
                       "and Cooperation (South Africa)", date="2026-03-10"))
    assert [parties for _, _, parties in found] == [["state/moz", "state/rwa"]]


def test_a_national_programme_worked_through_is_not_an_agreement():
    body = ("Through its Defence Cooperation Programme, Australia will fund twelve places for Fijian officers at "
            "its staff college.")
    assert run(body, date="2026-03-10").agreements == []


def test_an_organizations_package_worked_through_stands():
    body = ("NATO supports Moldova through its Defence Capacity Building Package, which pays for radars and "
            "training.")
    found = _found(run(body, title="NATO and Moldova", publisher="NATO", date="2026-03-10"))
    assert found == [("Defence Capacity Building Package", "PartnershipProgramme", ["org/nato", "state/mda"])]


def test_a_plural_genre_with_a_list_of_topics_is_one_agreement_per_topic():
    body = ("Malaysia and Brunei held their annual leaders' consultations. The following documents were signed:\n\n"
            "- the Agreement on Border Crossing;\n"
            "- memoranda on higher education, health and halal product assurance.")
    names = sorted(a.name for a in run(body, title="Malaysia and Brunei sign documents", date="2026-03-10").agreements)
    assert names == ["Agreement on Border Crossing", "memorandum on halal product assurance",
                     "memorandum on health", "memorandum on higher education"]


def test_one_topic_with_and_inside_it_stays_one_agreement():
    body = "Ukraine and Türkiye signed the arrangements on the safe export of grain and foodstuffs from Ukrainian ports."
    names = [a.name for a in run(body, date="2026-03-10").agreements]
    assert names == ["arrangements on the safe export of grain and foodstuffs from Ukrainian ports"]


def test_bare_memoranda_in_a_headline_are_no_agreement():
    body = ("Ghana signs memoranda with Togo and Benin\n\n"
            "The Memorandum of Understanding on Maritime Security between Ghana and Togo was signed in Accra today.")
    names = [a.name for a in run(body, title="Ghana signs memoranda with Togo and Benin", date="2026-03-10").agreements]
    assert "Memoranda" not in names


def test_states_with_comparable_agreements_with_the_same_partner_have_one_each():
    body = ("Today the Storting approved the Agreement on Defence Cooperation between the Kingdom of Norway and the "
            "United States of America. Our Nordic Allies Denmark, Finland and Sweden have comparable agreements with "
            "the United States.")
    found = _found(run(body, date="2026-03-10"))
    assert [parties for name, _, parties in found if name == "agreement"] == [
        ["state/dnk", "state/usa"], ["state/fin", "state/usa"], ["state/swe", "state/usa"]]


def test_a_hyphenated_word_stays_in_an_agreements_name():
    body = "France and the United Kingdom signed the Treaty for Defence and Security Co-operation in London on 2 November."
    names = [a.name for a in run(body, date="2026-03-10").agreements]
    assert names == ["Treaty for Defence and Security Co-operation"]


def _pairs(result, name: str) -> list[list[str]]:
    return [parties for found, _, parties in _found(result) if found == name]


def test_a_recounted_network_gives_one_agreement_per_state():
    body = ("A network of security agreements\n\n"
            "Moldova has now concluded six bilateral security agreements. The first was signed with Romania in "
            "Chisinau on 10 January. In March, agreements were concluded with Poland and Lithuania, and in May with "
            "Estonia. On 2 June, our state signed agreements with France and with Italy.")
    result = run(body, title="Security agreements", publisher="Government of the Republic of Moldova",
                 date="2026-07-01")
    partners = sorted(p for parties in (parties for _, _, parties in _found(result)) for p in parties
                      if p != "state/mda")
    assert partners == ["state/est", "state/fra", "state/ita", "state/ltu", "state/pol", "state/rou"]


def test_states_whose_agreements_were_signed_each_have_one_with_the_texts_side():
    body = ("The Union today signed a Framework Participation Agreement with Chile. Chile joins Colombia and "
            "Peru, whose agreements were signed in 2014 and 2019 respectively.")
    result = run(body, title="EU and Chile sign framework participation agreement", publisher="Council of the EU",
                 date="2026-07-01")
    assert _pairs(result, "Framework Participation Agreement") == [
        ["org/european-union", "state/chl"], ["org/european-union", "state/col"], ["org/european-union", "state/per"]]


def test_states_that_concluded_theirs_with_the_union_have_one_each():
    body = ("The European Union and Canada today concluded a Security and Defence Partnership. Japan and the "
            "Republic of Korea concluded theirs with the Union in November.")
    result = run(body, title="EU and Canada sign partnership", publisher="European External Action Service",
                 date="2026-07-01")
    assert _pairs(result, "Security and Defence Partnership") == [
        ["org/european-union", "state/can"], ["org/european-union", "state/jpn"], ["org/european-union", "state/kor"]]


def test_programmes_still_being_finalised_are_not_recounted():
    body = ("Korea concluded its own Individually Tailored Partnership Programme with NATO in 2023, while the "
            "programmes with Australia and New Zealand are still being finalised.")
    result = run(body, title="NATO partners", publisher="NATO", date="2026-07-01")
    assert [parties for _, _, parties in _found(result)] == [["org/nato", "state/kor"]]


def test_talks_on_a_comparable_partnership_are_no_agreement():
    body = ("The European Union and Canada today concluded a Security and Defence Partnership. Talks on a comparable "
            "partnership with Australia are under way.")
    result = run(body, title="EU and Canada sign partnership", publisher="European External Action Service",
                 date="2026-07-01")
    assert _pairs(result, "Security and Defence Partnership") == [["org/european-union", "state/can"]]
