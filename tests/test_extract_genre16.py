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
