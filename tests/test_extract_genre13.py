"""Agreement and relation rules added in pactgraph-rules/0.15 (session 10), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, memberships, partners, run, triples

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# A defence ministry's readout of several bilateral meetings on the margins of one conference, one section each.
_READOUT = """Minister Tanaka held bilateral meetings on the margins of the regional defence ministers' meeting.

1. Japan-Malaysia Defence Ministerial Meeting

Minister Tanaka and Malaysian Minister of Defence Ahmad Razak reviewed their cooperation at sea. The two Ministers \
welcomed the Agreement concerning the Transfer of Defence Equipment and Technology, signed in Tokyo in 2018.

2. Japan-Chile Defence Ministerial Meeting

Minister Tanaka and Chilean Minister of National Defence Carla Soto met for the first time. The two Ministers \
signed a Memorandum on Defence Cooperation and Exchanges.
"""


def test_the_two_ministers_of_one_section_are_the_two_states_of_its_meeting():
    result = run(_READOUT, publisher="Ministry of Defense (Japan)", date="2026-03-01")
    found = agreement_parties(result)
    assert found["Agreement concerning the Transfer of Defence Equipment and Technology"] == ["state/jpn", "state/mys"]
    assert found["Memorandum on Defence Cooperation and Exchanges"] == ["state/chl", "state/jpn"]


def test_the_two_ministers_are_not_two_organizations_named_in_passing():
    body = ("President Santos of Colombia received President Rojas of Chile. They discussed closer ties between "
            "Mercosur and the African Union. The two leaders then signed a Joint Declaration on Maritime Security.")
    result = run(body, title="State visit of the President of Chile to Colombia", date="2026-03-01")
    assert agreement_parties(result)["Joint Declaration on Maritime Security"] == ["state/chl", "state/col"]


def test_a_protocol_relating_to_a_topic_is_named_with_it():
    body = ("ECOWAS acts under the Protocol relating to Mutual Assistance of Defence, which the Heads of State "
            "and Government of the Member States signed in Freetown on 29 May 1981.")
    names = [a.name for a in run(body, date="2026-03-01").agreements]
    assert names == ["Protocol relating to Mutual Assistance of Defence"]


def test_a_protocol_amending_an_agreement_is_one_instrument_and_the_agreement_it_amends_another():
    # (since 0.19 the amended agreement stands as its own, as the gold of every development text that has one lists it)
    body = ("A Protocol amending the Agreement between the Government of Ghana and the Government of Togo on "
            "Defence Cooperation was signed in Lomé on 3 February 2026.")
    found = agreement_parties(run(body, date="2026-03-01"))
    assert found == {"Protocol amending the Agreement between the Government of Ghana and the Government of Togo "
                     "on Defence Cooperation": ["state/gha", "state/tgo"],
                     "Agreement between the Government of Ghana and the Government of Togo on Defence Cooperation": [
                         "state/gha", "state/tgo"]}


def test_a_participle_past_the_words_that_qualify_the_name_concludes_it():
    body = ("Cooperation between the CSTO and the SCO rests on the Memorandum of Understanding between the "
            "secretariats of the two organizations signed in Almaty on 4 June 2009, and on regular meetings.")
    assert agreement_parties(run(body, date="2026-03-01")) == {
        "Memorandum of Understanding": ["org/csto", "org/sco"]}


def test_a_relative_clause_past_a_lower_case_topic_concludes_it():
    body = ("Training follows the defence cooperation roadmap for 2021–2025 that Estonia and Canada signed in "
            "2021.")
    assert agreement_parties(run(body, date="2026-03-01")) == {"Defence Cooperation Roadmap": ["state/can", "state/est"]}


def test_a_participle_after_a_modal_does_not_conclude_it():
    body = ("Officials said the Agreement on Defence Cooperation between Estonia and Canada would be signed in "
            "Ottawa next spring.")
    assert not run(body, date="2026-03-01").agreements


def test_a_concluding_verb_before_an_aside_concludes_the_name_after_it():
    body = ("In Nairobi, on 4 May 2025, the Government of Ghana and the Government of Togo signed, under the "
            "auspices of the African Union, the Agreement on Border Demarcation.")
    assert agreement_parties(run(body, date="2026-03-01")) == {
        "Agreement on Border Demarcation": ["state/gha", "state/tgo"]}


def test_both_were_signed_in_the_next_sentence_concludes_the_two_treaties_before():
    body = ("The zone is managed by Ghana and Togo under the Treaty concerning the Joint Management of the "
            "Volta Shelf and the Treaty concerning Joint Fisheries Patrols. Both were signed on 2 May 2019 by the "
            "two Presidents.")
    names = sorted(a.name for a in run(body, date="2026-03-01").agreements)
    assert names == ["Treaty concerning Joint Fisheries Patrols", "Treaty concerning the Joint Management of the Volta Shelf"]


def test_signed_by_opening_the_next_sentence_concludes_the_one_agreement_before():
    body = ("Ghana and Togo have waited long for the Memorandum of Understanding on Defence Cooperation. Signed by "
            "the two defence ministers, it sets up annual staff talks.")
    assert agreement_parties(run(body, date="2026-03-01")) == {
        "Memorandum of Understanding on Defence Cooperation": ["state/gha", "state/tgo"]}


def test_it_will_be_signed_in_the_next_sentence_does_not_conclude_it():
    body = ("Negotiators of Ghana and Togo finished the text of the Memorandum of Understanding on Defence "
            "Cooperation. It will be signed in Accra next month.")
    assert not run(body, date="2026-03-01").agreements


def test_a_lower_case_memorandum_named_by_its_topic_in_a_list_of_documents_exchanged():
    body = ("The Presidents of Ghana and Togo witnessed the exchange of three documents:\n\n"
            "- an agreement on cooperation in combating piracy;\n"
            "- a memorandum on cooperation in marine fisheries;\n"
            "- a memorandum of understanding between the two Foreign Ministries on the training of diplomats.")
    result = run(body, title="State visit of the President of Ghana to Togo", date="2026-03-01")
    assert sorted(agreement_parties(result)) == [
        "agreement on cooperation in combating piracy", "memorandum of understanding on the training of diplomats",
        "memorandum on cooperation in marine fisheries"]


def test_an_agreement_named_by_a_participle_topic():
    body = ("The leaders welcomed the entry into force of the agreement delimiting the exclusive economic zones "
            "of Ghana and Togo, which negotiators concluded in 2022.")
    assert agreement_parties(run(body, date="2026-03-01")) == {
        "agreement delimiting the exclusive economic zones of Ghana and Togo": ["state/gha", "state/tgo"]}


def test_a_name_runs_on_over_among():
    body = "Heads welcomed the signing today of the Protocol Amending the Treaty on Security Assistance among CARICOM Member States."
    assert [a.name for a in run(body, date="2026-03-01").agreements] == [
        "Protocol Amending the Treaty on Security Assistance among CARICOM Member States",
        "Treaty on Security Assistance among CARICOM Member States"]  # (the treaty it amends, since 0.19)


def test_adopted_after_once_is_not_a_conclusion():
    body = ("The two sides will look at how Norway could take part in the European Defence Industry Programme "
            "once the Union has adopted it.")
    assert not run(body, publisher="European External Action Service", date="2026-03-01").agreements


def test_a_possessive_with_the_noun_it_owns_joins_the_subject():
    body = ("Canada and the United States have defended the continent together since 1958. The same afternoon, our "
            "defence department and Indonesia's Ministry of Defence signed a memorandum of understanding on defence "
            "cooperation.")
    result = run(body, publisher="Prime Minister of Canada", genre="speech", date="2026-03-01")
    assert agreement_parties(result) == {
        "memorandum of understanding on defence cooperation": ["state/can", "state/idn"]}


def test_a_bare_plural_is_not_an_agreement_a_later_name_joins():
    body = ("I want to talk about the agreements that we have signed in the last few months. In May 1958, Canada "
            "and the United States concluded the Defence Production Sharing Agreement.")
    result = run(body, date="2026-03-01")
    assert agreement_parties(result) == {"Defence Production Sharing Agreement": ["state/can", "state/usa"]}
    typed = next(s for s in result.statements if s.subject == result.agreements[0].iri and s.predicate == RDF_TYPE)
    assert typed.evidence[0].quote.startswith("In May 1958")  # (not the sentence of the plural)


def test_the_subject_of_the_sentence_is_the_other_side_of_an_agreement_with_a_partner():
    body = ("Mauritania is one of the partners of NATO's Mediterranean Dialogue and in March agreed an Individually "
            "Tailored Partnership Programme with the Alliance.")
    result = run(body, publisher="Ministry of Defence (Spain)", date="2026-03-01")
    assert agreement_parties(result) == {"Individually Tailored Partnership Programme": ["org/nato", "state/mrt"]}


def test_an_agreement_signed_by_listed_states_is_not_the_one_named_before():
    body = ("We recall the Joint Declaration on the Strategic Partnership between Egypt and the European Union, "
            "signed in Cairo in 2024. We note the declaration signed by the United States, Egypt, Qatar and Türkiye "
            "at the Sharm El-Sheikh summit.")
    found = agreement_parties(run(body, date="2026-03-01"))
    assert found["Declaration"] == ["state/egy", "state/qat", "state/tur", "state/usa"]
    assert found["Joint Declaration on the Strategic Partnership between Egypt and the European Union"] == [
        "org/european-union", "state/egy"]


def test_a_declaration_named_after_a_city_is_not_the_document_issued_there():
    body = ("JOINT DECLARATION OF THE TRILATERAL SUMMIT OF EGYPT, GREECE AND CYPRUS\n\nWe, the leaders of Egypt, "
            "Greece and Cyprus, met in Cairo today. The Cairo Declaration that we adopted on 8 November 2014 "
            "launched our trilateral cooperation.\n\nThis Joint Declaration was adopted in Cairo on 25 November 2025.")
    result = run(body, title="Joint Declaration of the Trilateral Summit", genre="joint-declaration",
                 date="2025-11-25")
    found = agreement_parties(result)
    assert found["Cairo Declaration"] == ["state/cyp", "state/egy", "state/grc"]
    assert len(found) == 2  # (and the document itself)


def test_each_two_parties_of_a_three_party_agreement_are_partners():
    body = "Last year Canada, Finland and the United States signed the Icebreaker Collaboration Pact."
    assert partners(run(body, date="2026-03-01")) == {
        frozenset(pair) for pair in (("state/can", "state/fin"), ("state/can", "state/usa"), ("state/fin", "state/usa"))}


def test_the_parties_of_a_bilateral_treaty_are_partners():
    body = "Ghana and Togo signed a Treaty of Friendship and Cooperation in Accra on 4 May 2025."
    assert partners(run(body, date="2026-03-01")) == {frozenset(("state/gha", "state/tgo"))}


def test_the_parties_of_an_accession_treaty_or_a_large_treaty_are_not_made_partners():
    accession = "Finland and Sweden signed the Accession Treaty in Brussels on 4 May 2025."
    assert not partners(run(accession, date="2026-03-01"))
    large = ("Ghana, Togo, Benin, Nigeria and Niger signed the Treaty on the Gulf of Guinea Maritime Zone in Accra on "
             "4 May 2025.")
    assert not partners(run(large, date="2026-03-01"))


def test_a_sentence_opening_with_a_partner_gives_the_other_side_of_its_agreement():
    body = ("With Australia, our relations rest on the Framework Agreement concluded in 2017, and our navies "
            "train together.")
    result = run(body, publisher="European External Action Service", genre="speech", date="2026-03-01")
    assert agreement_parties(result) == {"Framework Agreement": ["org/european-union", "state/aus"]}


def test_relations_with_a_partner_governed_by_an_agreement():
    body = ("Armenia is a member of the Collective Security Treaty Organization in name only. Its relations with "
            "the European Union are governed by the Comprehensive and Enhanced Partnership Agreement, in force "
            "since 1 March 2021.")
    result = run(body, publisher="NATO", date="2026-03-01")
    assert agreement_parties(result)["Comprehensive and Enhanced Partnership Agreement"] == [
        "org/european-union", "state/arm"]


def test_every_item_of_a_long_numbered_annex_of_documents_exchanged():
    items = ["Ghana-Togo Joint Statement on an Enhanced Partnership", "Ghana-Togo Action Plan for 2026-2030",
             "Agreement on Cooperation in Fisheries", "Exchange of Notes concerning Grant Aid for a Coastal Radar",
             "Memorandum of Cooperation on Critical Minerals", "Memorandum of Cooperation on Disaster Risk Reduction",
             "Memorandum of Cooperation on Customs"]
    body = ("The Presidents of Ghana and Togo met in Accra.\n\nAnnex: List of documents exchanged\n\n"
            + "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1)))
    found = agreement_parties(run(body, title="Ghana-Togo summit meeting", date="2026-03-01"))
    assert {"Memorandum of Cooperation on Disaster Risk Reduction", "Memorandum of Cooperation on Customs"} <= set(found)


def test_a_quoted_name_after_raised_to_a():
    body = ('Ghana and Togo noted that their relationship was raised to a "Special Strategic Partnership for Peace" '
            "in November 2022.")
    assert agreement_parties(run(body, date="2026-03-01")) == {
        "Special Strategic Partnership for Peace": ["state/gha", "state/tgo"]}


def test_a_relative_clause_that_concludes_it_outweighs_a_modal_before_it():
    body = ("Ghana and Togo confirmed that exchanges would continue under the Memorandum on Defence Exchanges, which "
            "the defence ministries of the two countries signed in 2012.")
    assert agreement_parties(run(body, date="2026-03-01")) == {
        "Memorandum on Defence Exchanges": ["state/gha", "state/tgo"]}


def test_a_treaty_to_which_a_state_became_a_party():
    body = ("The Agreement works together with the NATO Status of Forces Agreement, to which Sweden became a party "
            "when it joined the Alliance.")
    found = agreement_parties(run(body, publisher="Government of Sweden", date="2026-03-01"))
    assert "NATO Status of Forces Agreement" in found


def test_a_name_does_not_run_on_over_the_places_that_follow_it():
    body = ("In 1997 Moldova signed the Memorandum on the Basis for Normalization of Relations, Chișinău and "
            "Tiraspol committing themselves to negotiation.")
    names = [a.name for a in run(body, date="2026-03-01").agreements]
    assert names == ["Memorandum on the Basis for Normalization of Relations"]


def test_a_statement_of_intent_is_an_instrument():
    body = "Defence ties rest on the statement of intent on defence cooperation that Sweden and Finland signed in 2016."
    assert agreement_parties(run(body, date="2026-03-01")) == {
        "statement of intent on defence cooperation": ["state/fin", "state/swe"]}


def test_a_relative_clause_after_two_coordinated_names_concludes_both():
    body = ("Ghana and Togo recalled the Accra Declaration and the Executive Programme for 2016-2017, which the "
            "first ministerial meeting adopted in Accra on 24 January 2016.")
    assert sorted(agreement_parties(run(body, date="2026-03-01"))) == [
        "Accra Declaration", "Executive Programme for 2016-2017"]


def test_the_one_an_agreement_replaces_is_an_earlier_agreement():
    body = ("The memorandum that Ghana and Togo signed today replaces the one that the two ministries signed in "
            "Lomé in 2017.")
    assert len(run(body, date="2026-03-01").agreements) == 2


def test_a_relative_clause_without_that_gives_its_own_parties():
    body = ("Ghana and Togo signed a memorandum on border security today. Ghana recalled the memorandum Togo signed "
            "with Benin on 1 July 2024.")
    parties = sorted(sorted(a.parties) for a in run(body, date="2026-03-01").agreements)
    assert [[p.rsplit("/", 1)[-1] for p in ps] for ps in parties] == [["ben", "tgo"], ["gha", "tgo"]]


CONTRIBUTES = "https://w3id.org/pactgraph/ontology#contributesTo"


def test_states_that_remain_the_largest_contributors_and_those_that_follow_them():
    body = ("As at 31 August, UNMISS had 13,412 military personnel deployed. Rwanda, India and Nepal remained the "
            "largest troop contributors, followed by Bangladesh, China and Ghana.")
    found = triples(run(body, title="Report of the Secretary-General", date="2025-09-01"), CONTRIBUTES)
    assert found == {(f"state/{s}", "mission/unmiss") for s in ("rwa", "ind", "npl", "bgd", "chn", "gha")}


def test_a_framework_that_brings_together_states_or_in_which_they_take_part():
    body = ("We will give new impetus to the Mediterranean Dialogue, which brings together Algeria, Egypt and "
            "Jordan, and to the Istanbul Cooperation Initiative, in which Bahrain and Kuwait take part.")
    assert memberships(body, publisher="NATO", title="Summit Declaration", date="2022-06-29") == {
        ("state/dza", "org/mediterranean-dialogue"), ("state/egy", "org/mediterranean-dialogue"),
        ("state/jor", "org/mediterranean-dialogue"), ("state/bhr", "org/istanbul-cooperation-initiative"),
        ("state/kwt", "org/istanbul-cooperation-initiative")}


def test_both_nations_are_the_pair_named_before():
    body = ("Allies today agreed to invite Finland and Sweden to join our Alliance. Both nations have worked with us "
            "for decades as members of the European Union.")
    assert memberships(body, publisher="NATO", title="Summit Declaration", date="2022-06-29") == {
        ("state/fin", "org/european-union"), ("state/swe", "org/european-union")}


def test_the_participants_of_a_forum_listed_after_a_colon():
    body = ("All ARF participants were represented: the ASEAN Member States, namely Brunei Darussalam and Cambodia, "
            "together with Australia, the European Union and Mongolia. The Secretary-General of ASEAN was also "
            "present.")
    found = {pair for pair in memberships(body, title="Chairman's Statement", date="2025-07-11")
             if pair[1] == "org/asean-regional-forum"}
    assert found == {(f"state/{s}", "org/asean-regional-forum") for s in ("brn", "khm", "aus", "mng")}


def test_the_conclusion_of_an_agreement_but_not_its_early_conclusion():
    concluded = ("Ghana and Togo recalled that the conclusion of the Agreement on Defence Cooperation in 2006 gave "
                 "their ministries a fixed rhythm of talks.")
    assert list(agreement_parties(run(concluded, date="2026-03-01"))) == ["Agreement on Defence Cooperation"]
    hoped = "Ghana and Togo called for the early conclusion of an Agreement on Fisheries Patrols."
    assert not run(hoped, date="2026-03-01").agreements


def test_signatures_put_to_an_agreement_past_one_aside_or_more():
    body = ("The police chiefs of Ghana and Togo put their signatures, in the presence of the ministers, to a "
            "Memorandum of Understanding on the Exchange of Police Information. The Council welcomed the signature, "
            "yesterday, on the margins of this session, of the Host Country Agreement on the Regional Depot by Ghana "
            "and ECOWAS.")
    assert sorted(agreement_parties(run(body, date="2026-03-01"))) == [
        "Host Country Agreement on the Regional Depot", "Memorandum of Understanding on the Exchange of Police Information"]


def test_topics_after_against_extending_and_a_long_between():
    body = ("Ghana and Togo recalled the joint action plan against organised immigration crime that the two "
            "interior ministers signed in 2024. The two navy chiefs signed an Exchange of Notes extending the "
            "Framework Agreement on Coastal Surveillance. The Sides welcomed the documents concluded during the visit, "
            "among them the memorandum of understanding between the Ministry of Energy of Ghana and the National "
            "Energy Administration of Togo on cooperation in renewable energy.")
    names = sorted(agreement_parties(run(body, date="2026-03-01")))
    assert names == ["Exchange of Notes extending the Framework Agreement on Coastal Surveillance",
                     "Framework Agreement on Coastal Surveillance",  # (the agreement it extends, since 0.19)
                     "action plan against organised immigration crime",
                     "memorandum of understanding on cooperation in renewable energy"]


def test_a_lower_case_arrangement_named_by_its_topic_and_a_compact():
    body = ("Ghana and Togo extended the arrangement on coordinated patrols in the Gulf of Guinea that the two navies "
            "concluded in 2015. The partnership takes forward the EU-Ghana Compact agreed in 2016.")
    assert sorted(agreement_parties(run(body, date="2026-03-01"))) == [
        "EU-Ghana Compact", "arrangement on coordinated patrols in the Gulf of Guinea"]


def test_a_concluding_verb_before_an_aside_after_intend_to_is_a_plan():
    body = ("The two sides intend to conclude, before the end of the year, an arrangement on military mobility "
            "between Ghana and Togo.")
    assert not run(body, date="2026-03-01").agreements


def test_states_apposed_to_our_strategic_partners():
    body = "Georgia has developed a trilateral format with Azerbaijan and Türkiye, our strategic partners."
    assert partners(run(body, publisher="Ministry of Defence of Georgia", date="2025-06-01")) == {
        frozenset(("state/geo", "state/aze")), frozenset(("state/geo", "state/tur"))}


def test_the_participation_of_instructors_in_the_mission_heading_the_sentence():
    body = ("In Africa, EUTM RCA continues to train the Central African armed forces with the participation of "
            "Georgian and Serbian instructors.")
    found = triples(run(body, publisher="Council of the European Union", date="2025-06-01"), CONTRIBUTES)
    assert found == {("state/geo", "mission/eutm-rca"), ("state/srb", "mission/eutm-rca")}


def test_another_with_a_partner_is_one_more_agreement_of_the_genre():
    body = ("The Union concluded a Security and Defence Partnership with Iceland at the summit in Reykjavik on 19 May "
            "2025, and another with Chile at the EU–Chile summit in Brussels on 23 June 2025.")
    result = run(body, publisher="Council of the European Union", date="2025-11-17")
    found = sorted(sorted(p.rsplit("/", 1)[-1] for p in a.parties) for a in result.agreements)
    assert found == [["chl", "european-union"], ["european-union", "isl"]]


def test_the_first_of_a_network_of_partnerships_signed_one_by_one_followed_by_others():
    body = ("The Council welcomes the network of Security and Defence Partnerships that the Union has built since "
            "2024. The first were signed with Iceland and with Chile in May 2024, followed by partnerships with Ghana "
            "and Togo in November of that year.")
    result = run(body, publisher="Council of the European Union", date="2025-11-17")
    found = sorted(next(p.rsplit("/", 1)[-1] for p in a.parties if "state/" in p) for a in result.agreements)
    assert found == ["chl", "gha", "isl", "tgo"]


def test_the_two_prime_ministers_under_a_heading_naming_the_partner():
    body = ("Prime Minister Luxon held bilateral meetings on the margins of the Pacific Islands Forum Leaders Meeting."
            "\n\nTonga\n\nOn Tuesday Mr Luxon met the host. The two Prime Ministers signed a new Statement of "
            "Partnership.\n\nFiji\n\nMr Luxon met the Prime Minister of Fiji. The two leaders "
            "signed a Statement of Intent on Defence Cooperation.")
    result = run(body, title="Prime Minister holds bilateral meetings at Pacific Islands Forum",
                 publisher="New Zealand Government (Office of the Prime Minister)", date="2024-08-28")
    found = agreement_parties(result)
    assert found["Statement of Partnership"] == ["state/nzl", "state/ton"]
    assert found["Statement of Intent on Defence Cooperation"] == ["state/fji", "state/nzl"]
