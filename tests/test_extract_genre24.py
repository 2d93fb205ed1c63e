"""Rules added in pactgraph-rules/0.26 (session 21), each on invented sentences."""

from __future__ import annotations

import pytest

from extract_helpers import agreements_by_name, run


@pytest.mark.parametrize("use_model", [False, True])
def test_negotiations_that_ended_do_not_make_an_agreement_only_planned(use_model):
    body = ("Following the negotiations, the Presidents of Belarus and Iran signed the roadmap for comprehensive "
            "cooperation between the two countries for 2023-2026.")
    found = agreements_by_name(run(body, use_model=use_model, date="2023-03-13"))
    assert [parties for name, parties in found.items() if name.lower().startswith("roadmap")] == [
        [["state/blr", "state/irn"]]]
    # negotiations still going on keep it planned
    going = "Belarus and Iran continue negotiations on a roadmap for comprehensive cooperation."
    assert run(going, date="2023-03-13").agreements == []


def test_a_time_clause_after_a_lower_case_topic_is_not_part_of_the_name():
    body = ("Today the Ministers of Defence of Denmark and Norway signed the agreement on defence cooperation after "
            "three years of negotiations.")
    assert agreements_by_name(run(body, date="2024-05-02")) == {
        "agreement on defence cooperation": [["state/dnk", "state/nor"]]}


def test_states_said_in_the_next_sentence_to_be_parties_to_the_agreements_named_before():
    body = ("The two states will keep their forces at the levels laid down in the Agreement on Confidence-Building in "
            "the Military Field in the Border Area, signed in Shanghai on 26 April 1996, and the Agreement on the "
            "Mutual Reduction of Armed Forces in the Border Area, signed in Moscow on 24 April 1997 by Russia and "
            "China. Kazakhstan, Kyrgyzstan and Tajikistan are parties to both agreements together with Russia and "
            "China.")
    five = ["state/chn", "state/kaz", "state/kgz", "state/rus", "state/tjk"]
    found = agreements_by_name(run(body, date="2001-07-16"))
    assert found["Agreement on Confidence-Building in the Military Field in the Border Area"] == [five]
    assert found["Agreement on the Mutual Reduction of Armed Forces in the Border Area"] == [five]
    later = "On 4 May 2019 Russia and China signed the Agreement on Border Security. Mongolia later became a party to it."
    assert agreements_by_name(run(later, date="2020-01-01"))["Agreement on Border Security"] == [
        ["state/chn", "state/mng", "state/rus"]]
    # another name after "parties to" is not the agreement named before
    other = ("On 4 May 2019 Russia and China signed the Agreement on Border Security. Both countries and Mongolia are "
             "parties to the Treaty on the Non-Proliferation of Nuclear Weapons.")
    assert agreements_by_name(run(other, date="2020-01-01"))["Agreement on Border Security"] == [
        ["state/chn", "state/rus"]]


def test_the_first_country_to_conclude_one_did_conclude_it():
    body = ("In May 2024 the Republic of Moldova became the first country to conclude a Security and Defence "
            "Partnership with the European Union.")
    assert agreements_by_name(run(body, date="2025-03-01")) == {
        "Security and Defence Partnership": [["org/european-union", "state/mda"]]}
    hoped = "Canada hopes to be the first partner to conclude a Security and Defence Partnership with the European Union."
    assert run(hoped, date="2025-03-01").agreements == []


def test_a_lower_case_agreement_after_whose():
    body = ("France, whose defence cooperation agreement with Moldova was signed in Paris on 7 March 2024, has opened "
            "a permanent defence mission in Chisinau.")
    result = run(body, date="2024-06-27", publisher="Chancellery of the Prime Minister of Poland")
    assert agreements_by_name(result) == {"Defence Cooperation Agreement": [["state/fra", "state/mda"]]}
    assert result.agreements[0].date == "2024-03-07"


def test_the_earlier_agreements_of_a_kind_after_an_ordinal_and_following():
    body = ("On 8 July, Foreign Minister Kamikawa and Secretary Teodoro signed the Reciprocal Access Agreement (RAA) "
            "between Japan and the Philippines. The Philippines is the third country with which Japan has signed an "
            "RAA, following Australia and the United Kingdom.")
    found = agreements_by_name(run(body, date="2024-07-10", publisher="Ministry of Defense of Japan"))
    assert sorted(found["Reciprocal Access Agreement"]) == [
        ["state/aus", "state/jpn"], ["state/gbr", "state/jpn"], ["state/jpn", "state/phl"]]
    tokyo = ("On 8 July in Manila, the Philippines and Japan signed the Reciprocal Access Agreement. It is only the "
             "third reciprocal access agreement Tokyo has ever signed, after those with Australia and the United "
             "Kingdom.")
    assert sorted(agreements_by_name(run(tokyo, date="2024-07-10"))["Reciprocal Access Agreement"]) == [
        ["state/aus", "state/jpn"], ["state/gbr", "state/jpn"], ["state/jpn", "state/phl"]]


def test_an_abbreviation_the_text_defines_names_the_agreement_again():
    # "the ACSA" in the second sentence is the agreement of the first: one node, dated and with both parties
    body = ("Japan and Germany signed an Acquisition and Cross-Servicing Agreement (ACSA) in Tokyo on 29 January "
            "2024. For the first time, the Self-Defense Forces provided fuel to the German Air Force under the ACSA.")
    found = agreements_by_name(run(body, date="2024-07-31", publisher="Ministry of Defense of Japan"))
    assert found == {"Acquisition and Cross-Servicing Agreement": [["state/deu", "state/jpn"]]}
    # "an RAA" after a long title that names its parties is one of that kind, not that one
    titled = ("Foreign Minister Kamikawa and Secretary Teodoro signed the Agreement between Japan and the Republic of "
              "the Philippines Concerning the Facilitation of Reciprocal Access and Cooperation between the "
              "Self-Defense Forces of Japan and the Armed Forces of the Philippines (Japan-Philippines RAA). The "
              "Philippines is the third country with which Japan has signed an RAA, following Australia and the "
              "United Kingdom.")
    found = agreements_by_name(run(titled, date="2024-07-10", publisher="Ministry of Defense of Japan"))
    assert sorted(found["RAA"]) == [["state/aus", "state/jpn"], ["state/gbr", "state/jpn"]]
    assert [["state/jpn", "state/phl"]] in found.values()


def test_a_bracketed_acronym_of_an_actor_is_no_abbreviation_of_an_agreement():
    from pactgraph.extract.agreements.finding import _abbreviation_of

    assert _abbreviation_of("RAA", "Reciprocal Access Agreement")
    assert _abbreviation_of("MoU", "Memorandum of Understanding")
    assert _abbreviation_of("ITPPs", "Individually Tailored Partnership Programme")
    assert not _abbreviation_of("EU", "Reciprocal Access Agreement")
    assert not _abbreviation_of("Mr", "Memorandum of Understanding")


def test_the_two_prime_ministers_are_the_two_named_before_with_that_title():
    body = ("On 6 October Prime Minister Anthony Albanese and the Prime Minister of Papua New Guinea, James Marape, "
            "signed the Pukpuk Treaty in Canberra. It sits alongside ANZUS, our alliance with the United States and "
            "New Zealand. The signing follows the joint communiqué the two Prime Ministers signed in Port Moresby on "
            "17 September.")
    found = agreements_by_name(run(body, date="2025-10-07", publisher="Department of Defence (Australia)"))
    assert found["Joint Communiqué"] == [["state/aus", "state/png"]]


def test_an_agreement_signed_by_the_six_member_states_of_the_organization_that_speaks():
    body = ("The Council recalled that, under the Joint Defence Agreement signed by the six member states in Manama in "
            "December 2000, the security of the Council states is one and indivisible.")
    found = agreements_by_name(run(body, date="2025-09-30",
                                   publisher="Secretariat General of the Gulf Cooperation Council"))
    assert found == {"Joint Defence Agreement": [
        ["state/are", "state/bhr", "state/kwt", "state/omn", "state/qat", "state/sau"]]}
    # a number that is not theirs reads no members
    seven = body.replace("six member states", "seven member states")
    assert agreements_by_name(run(seven, date="2025-09-30", publisher="Secretariat General of the Gulf Cooperation "
                                  "Council"))["Joint Defence Agreement"] == [["org/gcc"]]


def test_a_lower_case_protocol_between_two_states():
    body = ("Presidents Abdel Fattah El-Sisi and Hassan Sheikh Mohamud witnessed the signing of a defence cooperation "
            "protocol between Egypt and Somalia.")
    assert agreements_by_name(run(body, date="2024-08-14")) == {
        "Defence Cooperation Protocol": [["state/egy", "state/som"]]}


def test_lower_case_names_with_a_possessive_topic_a_year_or_of_agreement():
    body = ("Yesterday in Paris Foreign Minister Maria Holguin signed with the Secretary-General of the OECD the "
            "agreement on Colombia's accession to the OECD.")
    assert agreements_by_name(run(body, date="2018-05-31")) == {
        "agreement on Colombia's accession to the OECD": [["org/oecd", "state/col"]]}
    dated = ("Australia and Timor-Leste share a long history. The 2006 treaty on certain maritime arrangements between "
             "the two countries then set the boundary question aside for fifty years.")
    assert list(agreements_by_name(run(dated, date="2019-08-30"))) == ["treaty on certain maritime arrangements "
                                                                        "between the two countries"]
    supply = ("Officials from the defence ministries of India and the United States signed a Security of Supply "
              "Arrangement and a memorandum of agreement on the posting of liaison officers.")
    assert agreements_by_name(run(supply, date="2024-08-23")) == {
        "Security of Supply Arrangement": [["state/ind", "state/usa"]],
        "memorandum of agreement on the posting of liaison officers": [["state/ind", "state/usa"]]}


def test_posts_written_short_before_a_name():
    from pactgraph.extract import extract_with_context
    from pactgraph.sources import source_from_text

    body = ("The meeting starts at 3 PM Sunday in Riga. SecState Antony Blinken and FM Ararat Mirzoyan signed the "
            "charter. Danish PM Mette Frederiksen met Pres. Volodymyr Zelenskyy of Ukraine.")
    ctx, _ = extract_with_context(source_from_text("---\ndate: 2025-01-17\n---\n" + body, name="t.txt"), None)
    titles = {iri.rsplit("/", 1)[-1]: ctx.titles_by_person.get(iri) for iri, _, _ in ctx.person_mentions}
    assert titles == {"antony-blinken": ["Secretary of State"], "ararat-mirzoyan": ["Foreign Minister"],
                      "mette-frederiksen": ["Prime Minister"], "volodymyr-zelenskyy": ["President"]}


def test_a_declaration_announced_by_two_states_was_made():
    body = 'The "Washington Declaration" announced by the US and the ROK in April last year set up a consultative group.'
    assert agreements_by_name(run(body, date="2024-08-01")) == {"Washington Declaration": [["state/kor", "state/usa"]]}


def test_a_place_named_declaration_signed_under_that_name_stands_alone():
    body = ("In January our energy ministers signed in Rome a joint declaration of intent on the SoutH2 Corridor. "
            "Today the President of Algeria, Abdelmadjid Tebboune, and I have signed the Rome Declaration, which sets out the shared agenda of "
            "Italy and Algeria for the next three years.")
    found = agreements_by_name(run(body, date="2025-07-23", publisher="Presidency of the Council of Ministers of the "
                                   "Italian Republic"))
    assert found["Rome Declaration"] == [["state/dza", "state/ita"]]


def test_an_agreement_that_was_ended_was_concluded_and_is_not_dated_by_its_end():
    body = "Chad ended its defence cooperation accord with France on 28 November."
    result = run(body, date="2024-12-05", publisher="Institute for Security Studies")
    assert agreements_by_name(result) == {"Defence Cooperation Accord": [["state/fra", "state/tcd"]]}
    assert result.agreements[0].date is None
    assert run("The two sides suspended talks on a free trade agreement.", date="2024-12-05").agreements == []


def test_an_agreement_that_allows_something_or_is_implemented_is_in_effect():
    body = ("The shiprider agreement between Fiji and the United States allows Fijian enforcement officers to board "
            "United States Coast Guard cutters.")
    assert agreements_by_name(run(body, date="2025-01-10")) == {"Shiprider Agreement": [["state/fji", "state/usa"]]}
    assert run("The new agreement between Fiji and Tonga will allow more exercises.", date="2025-01-10").agreements == []
    implemented = "The Republic of Korea has implemented an Additional Protocol with the IAEA since 2004."
    assert agreements_by_name(run(implemented, date="2025-01-10")) == {
        "Additional Protocol": [["org/iaea", "state/kor"]]}


def test_a_text_that_is_an_agreement_is_named_by_its_title_and_lists_the_earlier_ones_of_its_kind():
    body = ("Prime Minister Mark Rutte and President Volodymyr Zelenskyy signed the agreement below in Kharkiv on "
            "Friday. The Netherlands is the seventh country to put its name to a bilateral security agreement of this "
            "kind with Ukraine, after the United Kingdom, Germany and France.\n\n"
            "AGREEMENT ON SECURITY COOPERATION BETWEEN UKRAINE AND THE KINGDOM OF THE NETHERLANDS\n\n"
            "1. The purpose of this Agreement is to lay down the long-term commitments of the Netherlands.")
    found = agreements_by_name(run(body, date="2024-03-01", title="Agreement on Security Cooperation between Ukraine "
                                   "and the Kingdom of the Netherlands", publisher="Government of the Netherlands"))
    named = [name for name in found if name.lower().startswith("agreement on security cooperation")]
    assert len(named) == 1 and found[named[0]] == [["state/nld", "state/ukr"]]
    assert sorted(found["Security Agreement"]) == [["state/deu", "state/ukr"], ["state/fra", "state/ukr"],
                                                   ["state/gbr", "state/ukr"]]


def test_plural_agreements_of_this_kind_with_several_partners_and_a_bare_plural_after_concluded():
    body = ("The EU has concluded status agreements of this kind with Albania in 2018 and with Montenegro and Serbia "
            "in 2019.")
    found = agreements_by_name(run(body, date="2022-03-17", publisher="European Commission"))
    assert sorted(found["Status Agreement"]) == [["org/european-union", "state/alb"], ["org/european-union", "state/mne"],
                                                 ["org/european-union", "state/srb"]]
    vague = "Canada has concluded comparable agreements with Australia and New Zealand."
    assert run(vague, date="2022-03-17").agreements == []


def test_a_proper_adjective_inside_a_lower_case_topic():
    body = ("The Participants take note of the letter of intent on integrated Nordic air operations which the "
            "commanders of the air forces of Denmark, Finland, Norway and Sweden signed in March 2023.")
    assert list(agreements_by_name(run(body, date="2024-11-20"))) == [
        "letter of intent on integrated Nordic air operations"]


def test_agreed_minutes_a_skipped_adjective_and_a_subject_that_concluded_a_series():
    minutes = ("The commanders closed the meeting of the Binational Border Commission with the signature of the "
               "Agreed Minutes by Colombia and Ecuador.")
    assert agreements_by_name(run(minutes, date="2024-11-22")) == {"Agreed Minutes": [["state/col", "state/ecu"]]}
    ours = ("Our comprehensive safeguards agreement with the International Atomic Energy Agency, which we concluded "
            "in 1974, continues to apply.")
    assert agreements_by_name(run(ours, date="2024-09-11", publisher="Department of Foreign Affairs and Trade "
                                  "(Australia)")) == {"Safeguards Agreement": [["org/iaea", "state/aus"]]}
    assert run("Four States have yet to bring a comprehensive safeguards agreement into force.",
               date="2024-10-18").agreements == []
    series = ("Japan had concluded reciprocal access agreements only with Australia, in January 2022, and with the "
              "United Kingdom, in January 2023.")
    found = agreements_by_name(run(series, date="2024-12-16", publisher="Senate of the Philippines"))
    assert sorted(found["Reciprocal Access Agreement"]) == [["state/aus", "state/jpn"], ["state/gbr", "state/jpn"]]
    ended_talks = ("India has concluded with us the negotiations on a comprehensive economic partnership agreement, "
                   "which we expect to sign before the end of the year.")
    assert run(ended_talks, date="2025-11-01").agreements == []


def test_a_state_that_joined_after_the_signatories():
    body = ("The Collective Security Treaty was signed in Tashkent on 15 May 1992 by Armenia, Kazakhstan, Kyrgyzstan, "
            "Russia, Tajikistan and Uzbekistan and joined by Belarus the following year.")
    found = agreements_by_name(run(body, date="2025-11-27"))
    assert found["Collective Security Treaty"] == [["state/arm", "state/blr", "state/kaz", "state/kgz", "state/rus",
                                                    "state/tjk", "state/uzb"]]


def test_review_cases_of_the_new_rules():
    # "the two Prime Ministers" who only speak are not the ones who signed
    said = ("Prime Minister Anthony Albanese met Prime Minister James Marape of Papua New Guinea in Canberra. Indonesia "
            "and Papua New Guinea signed a memorandum of understanding, the two Prime Ministers said.")
    assert agreements_by_name(run(said, date="2024-05-02"))["Memorandum of Understanding"] == [["state/idn", "state/png"]]
    # a party to another instrument is no party to the agreement named before
    other = "Denmark and Norway signed an agreement on demining in Oslo on 2 May. Lithuania is a party to the Convention."
    assert agreements_by_name(run(other, date="2024-05-02"))["agreement on demining"] == [["state/dnk", "state/nor"]]
    # an abbreviation does not take in the words around it
    under = ("Japan and the Philippines signed the Reciprocal Access Agreement (RAA) in Manila on 8 July. Under the RAA "
             "Japanese forces can train in the Philippines.")
    assert list(agreements_by_name(run(under, date="2024-07-10"))) == ["Reciprocal Access Agreement"]
    # a state that left an agreement is its only party the sentence gives, not the publisher beside it
    left = "Russia withdrew from the Treaty on Conventional Armed Forces in Europe in 2023."
    assert agreements_by_name(run(left, date="2024-05-02", publisher="Ministry of Defence of Denmark")) == {
        "Treaty on Conventional Armed Forces in Europe": [["state/rus"]]}
    # a plural abbreviation names agreements of that kind, not the one defined, nor dates it
    plural = ("The European Union and Japan signed the Economic Partnership Agreement (EPA) in 2018. The EU also signed "
              "EPAs with Ghana and with Kenya.")
    result = run(plural, date="2024-05-02")
    found = agreements_by_name(result)
    assert found["Economic Partnership Agreement"] == [["org/european-union", "state/jpn"]]
    assert sorted(found["EPA"]) == [["org/european-union", "state/gha"], ["org/european-union", "state/ken"]]
    assert next(a for a in result.agreements if a.name == "Economic Partnership Agreement").date is None
