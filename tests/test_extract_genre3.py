"""Extraction rules added for failures general to the genre (names, posts, missions, contributions,
agreements and frameworks). Each test runs a few invented sentences, not the texts of the gold sets,
through :func:`pactgraph.extract.extract`.
"""

from __future__ import annotations

from extract_helpers import run, triples

from pactgraph.namespaces import ID, ORG, PACT

PARTNER, MEMBER = PACT + "partnerOf", ORG + "memberOf"
LEADS, MANDATED, CONTRIB = PACT + "leads", PACT + "mandatedBy", PACT + "contributesTo"


def posts(result) -> set[tuple[str, str, str]]:
    names = {p.iri: p.name for p in result.persons.values()}
    return {(names[p.holder], p.title, (p.organization or "").removeprefix(ID)) for p in result.positions}


def test_suffix_after_a_comma_stays_in_the_name():
    result = run("Minister of Trade Maria Q. Santos, Jr. opened the talks with the Prime Minister of Japan.")
    assert {p.name for p in result.persons.values()} >= {"Maria Q. Santos Jr."}
    result = run("Pedro B. Cruz, Jr., Secretary of National Defense of the Philippines, received them.")
    assert ("Pedro B. Cruz Jr.", "Secretary of National Defense", "state/phl") in posts(result)


def test_a_state_stated_for_another_post_of_the_sentence_is_not_taken():
    result = run("President Ana Torres received the Prime Minister of Japan in Tokyo.")
    assert not any(name == "Ana Torres" and org == "state/jpn" for name, _, org in posts(result))


def test_spokesperson_for_a_post_is_a_post_of_its_own():
    result = run("The briefing was given by Lena Varga, Spokesperson for the Secretary-General of the United Nations.")
    assert ("Lena Varga", "Spokesperson", "org/united-nations") in posts(result)
    result = run("Notes from the briefing by Tom Hale, Spokesman for Secretary-General Ana Lopes.",
                 publisher="United Nations")
    found = posts(result)
    assert ("Tom Hale", "Spokesman", "org/united-nations") in found
    assert any(name == "Ana Lopes" for name, _, _ in found)


def test_head_of_mission_and_force_commander_belong_to_the_mission():
    result = run("The Head of Mission and Force Commander of UNIFIL, Major General Karin Holm, met local leaders.",
                 publisher="United Nations")
    assert {org for name, _, org in posts(result) if name == "Karin Holm"} == {"mission/unifil"}
    result = run("UNIFIL reported shelling near its base. Two peacekeepers were hurt. "
                 "The Force Commander, Lieutenant General Omar Diallo, protested.", publisher="United Nations")
    assert {org for name, title, org in posts(result) if name == "Omar Diallo" and "Commander" in title} \
        == {"mission/unifil"}


def test_post_from_the_persons_other_mention_not_from_a_venue():
    result = run("President Ivan Moroz of Ukraine arrived on Monday. The NATO-Ukraine Council met in Vilnius, "
                 "Lithuania, with President Ivan Moroz.")
    assert {org for name, _, org in posts(result) if name == "Ivan Moroz"} == {"state/ukr"}


def test_guest_of_a_joint_body_in_a_venue_state_is_left_without_a_state():
    result = run("Allies met at the NATO-Ukraine Council in Vilnius, Lithuania, with President Ivan Moroz.")
    assert not any(org == "state/ltu" for name, _, org in posts(result) if name == "Ivan Moroz")


def test_mission_then_owner_in_apposition():
    result = run("Allies welcome EUFOR Althea, the European Union's operation in Bosnia and Herzegovina.")
    assert ("org/european-union", "mission/eufor-althea") in triples(result, LEADS)
    result = run("Officers from Moldova served in EUTM Mali, the EU training mission, for years.")
    assert ("org/european-union", "mission/eutm-mali") in triples(result, LEADS)
    result = run("In the east of the country, the UN peacekeeping mission there, MONUSCO, is patrolling.")
    assert ("org/united-nations", "mission/monusco") in triples(result, LEADS)


def test_operating_under_a_resolution_is_mandated_by_the_council():
    result = run("KFOR, the NATO-led force operating under UN Security Council Resolution 1244, patrols the north.")
    assert ("mission/kfor", "org/un-security-council") in triples(result, MANDATED)
    # no body named: the body the register records as mandating the mission
    result = run("KFOR keeps working under the mandate of resolution 1244.")
    assert ("mission/kfor", "org/un-security-council") in triples(result, MANDATED)


def test_supply_sending_and_propping_up_are_contributions():
    found = triples(run("The ministers condemned Iran for its steady supply of missiles and drones to Russia."),
                    CONTRIB)
    assert ("state/irn", "state/rus") in found
    found = triples(run("We see Belarus propping up Russia's war machine, and North Korea sending shells and "
                        "troops to Russia."), CONTRIB)
    assert {("state/blr", "state/rus"), ("state/prk", "state/rus")} <= found
    assert not any(s == "org/nato" for s, _ in found)


def test_possessed_contingents_contribute_to_the_mission():
    result = run("Heavy fighting continues near MONUSCO bases. The mission's Nepalese and Ghanaian contingents "
                 "are sheltering civilians.")
    found = triples(result, CONTRIB)
    assert {("state/npl", "mission/monusco"), ("state/gha", "mission/monusco")} <= found


def test_a_signed_partnership_is_an_agreement():
    result = run("The European Union and Georgia today signed a Security and Defence Partnership in Brussels.",
                 date="2025-03-01")
    agreement = next(a for a in result.agreements if a.name == "Security and Defence Partnership")
    assert agreement.kind == "PartnershipFramework"
    assert {p.removeprefix(ID) for p in agreement.parties} == {"org/european-union", "state/geo"}


def test_a_partnership_that_is_the_topic_of_another_document_is_not_one():
    result = run("The two ministers signed the Joint Vision Statement on India-Viet Nam Defence Partnership.")
    # (the statement's name runs on over its topic, the partnership, which is no agreement of its own)
    assert [a.kind for a in result.agreements] == ["JointStatement"]


def test_agreed_with_adds_a_party():
    result = run("NATO leaders met today. Allies welcomed the Individually Tailored Partnership Programme agreed "
                 "with Japan at this Summit.")
    agreement = next(a for a in result.agreements if "Partnership Programme" in a.name)
    assert {"org/nato", "state/jpn"} <= {p.removeprefix(ID) for p in agreement.parties}


def test_a_treaty_cited_by_year_that_binds_the_parties_is_kept():
    result = run("Japan and the United States reaffirmed their obligations under the 1960 Treaty of Mutual "
                 "Cooperation and Security.")
    agreement = next(a for a in result.agreements if a.kind == "Treaty")
    assert agreement.name == "Treaty of Mutual Cooperation and Security"
    assert {p.removeprefix(ID) for p in agreement.parties} == {"state/jpn", "state/usa"}
    assert agreement.date is None


def test_legal_texts_cited_as_a_standard_are_still_not_agreements():
    result = run("Japan and the United States reaffirmed their obligations under the UN Charter and UNCLOS.")
    assert not result.agreements


def test_partners_in_a_framework():
    result = run("Tunisia and Jordan, partners in the Mediterranean Dialogue, receive training support.")
    members, partners = triples(result, MEMBER), {frozenset(p) for p in triples(result, PARTNER)}
    assert {("state/tun", "org/mediterranean-dialogue"), ("state/jor", "org/mediterranean-dialogue")} <= members
    assert {frozenset({"state/tun", "org/nato"}), frozenset({"state/jor", "org/nato"})} <= partners


def test_partner_of_a_coalition():
    result = run("NATO remains a committed partner of the Global Coalition to Defeat Daesh.")
    assert frozenset({"org/nato", "org/global-coalition-against-daesh"}) in {frozenset(p) for p in
                                                                          triples(result, PARTNER)}
