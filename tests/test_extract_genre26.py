"""Rules added in pactgraph-rules/0.28 (session 23): agreements of one kind told apart by who concluded them, the
ones a clause, a list or a table adds, new genres and other names, posts in the plural and in lower case; each on
invented sentences."""

from __future__ import annotations

import pytest

from extract_helpers import actor_keys, agreement_parties, agreements_by_name, run, sides
from pactgraph.extract import extract_with_context
from pactgraph.sources import source_from_text



@pytest.mark.parametrize("use_model", [False, True])
def test_a_capital_coordinated_with_one_read_as_its_government(use_model):
    body = ("Japan and the Philippines signed a Reciprocal Access Agreement in Manila on 8 July 2024. It is only the "
            "third reciprocal access agreement Tokyo has ever signed, after those with Canberra and London.")
    found = agreements_by_name(run(body, use_model=use_model, date="2024-07-09"))
    assert sorted(found["Reciprocal Access Agreement"]) == [["state/aus", "state/jpn"], ["state/gbr", "state/jpn"],
                                                            ["state/jpn", "state/phl"]]
    # capitals coordinated with a venue stay places
    assert actor_keys("It signed theirs with Canberra, Wellington and London.") >= {"state/aus", "state/nzl",
                                                                                      "state/gbr"}
    assert not {"state/fra", "state/gbr"} & actor_keys("The ministers met in Paris and London before the talks.")


@pytest.mark.parametrize("use_model", [False, True])
def test_a_clause_after_the_agreement_adds_a_state_that_followed_with_its_own(use_model):
    body = ("Germany and France each concluded a bilateral agreement on security cooperation with Ukraine on "
            "16 February 2024, and Poland followed with its own on 8 July 2024.")
    found = run(body, use_model=use_model, date="2024-07-10")
    dated = {sides(a): a.date for a in found.agreements}
    assert dated == {("deu", "ukr"): "2024-02-16", ("fra", "ukr"): "2024-02-16", ("pol", "ukr"): "2024-07-08"}
    single = ("The United Kingdom signed a bilateral security agreement with Ukraine on 12 January 2024, and Germany "
              "signed one on 16 February.")
    dated = {sides(a): a.date
             for a in run(single, date="2024-07-10").agreements}
    assert dated == {("gbr", "ukr"): "2024-01-12", ("deu", "ukr"): "2024-02-16"}
    # no partner, no one of its own: "did so" with whom?
    alone = "Italy and Japan concluded a defence agreement in 2023, and France did so in March 2024."
    assert agreements_by_name(run(alone, date="2024-07-10")) == {"Defence Agreement": [["state/ita", "state/jpn"]]}


@pytest.mark.parametrize("use_model", [False, True])
def test_other_signers_make_another_agreement_of_the_kind(use_model):
    body = ("With Brazil we share Itaipú, built under the treaty that Asunción and Brasília signed on 26 April 1973. "
            "Paraguay and Argentina signed the Yacyretá Treaty in 1973. The Treaty created a binational entity.")
    found = agreement_parties(run(body, use_model=use_model, date="2024-07-10"))
    assert found == {"Treaty": ["state/bra", "state/pry"], "Yacyretá Treaty": ["state/arg", "state/pry"]}
    # the same signers again are the same treaty
    same = ("Paraguay and Brazil signed the Itaipú Treaty on 26 April 1973. Paraguay and Brazil signed the Treaty in "
            "Brasília.")
    assert agreement_parties(run(same, date="2024-07-10")) == {"Itaipú Treaty": ["state/bra", "state/pry"]}


@pytest.mark.parametrize("use_model", [False, True])
def test_the_partner_of_a_relative_clause_with_a_pronoun_tells_its_agreement_apart(use_model):
    body = ("France has kept a base in Abu Dhabi since 2009 under the defence agreement it signed with the Emirates "
            "that year. Kuwait and France signed a Defence Cooperation Agreement today.")
    found = agreement_parties(run(body, use_model=use_model, date="2024-07-10"))
    assert found == {"Defence Agreement": ["state/are", "state/fra"],
                     "Defence Cooperation Agreement": ["state/fra", "state/kwt"]}


@pytest.mark.parametrize("use_model", [False, True])
def test_arrangements_an_organization_has_in_place_with_states_listed_with_their_years(use_model):
    body = ("EDA has administrative arrangements in place with four third countries: Norway, since 2006, Switzerland "
            "(2012), Serbia (2013) and Ukraine.")
    found = agreements_by_name(run(body, use_model=use_model, date="2024-07-10"))
    assert sorted(found["Administrative Arrangement"]) == [
        ["org/european-defence-agency", "state/che"], ["org/european-defence-agency", "state/nor"],
        ["org/european-defence-agency", "state/srb"], ["org/european-defence-agency", "state/ukr"]]
    # a year after "in" that is no list's year ends the list
    venue = ("EDA has administrative arrangements in place with Norway, in Oslo since 2006.")
    assert agreements_by_name(run(venue, date="2024-07-10")).get("Administrative Arrangement", []) in (
        [], [["org/european-defence-agency", "state/nor"]])


@pytest.mark.parametrize("use_model", [False, True])
def test_a_possessive_determines_a_lower_case_agreement(use_model):
    body = ("Italy's protocol with Albania, signed last November, is not yet operating, so there is no track record "
            "to point to.")
    assert agreement_parties(run(body, use_model=use_model, date="2024-07-10")) == {
        "Protocol": ["state/alb", "state/ita"]}
    # a possessive before a word that names no agreement changes nothing
    assert run("Italy's security protocols at the airport were tightened.", date="2024-07-10").agreements == []


def _posts(body: str, date: str) -> dict[str, str | None]:
    found = run(body, date=date)
    return {found.persons[p.holder].name: p.organization and p.organization.rsplit("/", 1)[-1]
            for p in found.positions}


def test_a_post_in_the_plural_is_each_named_holder_s():
    body = ("It was created by the Visegrád Declaration that Presidents Václav Havel of Czechoslovakia and Lech Wałęsa "
            "of Poland and the Hungarian prime minister József Antall signed on 15 February 1991.")
    assert _posts(body, "1995-01-01") == {"Václav Havel": "csk", "Lech Wałęsa": "pol", "József Antall": "hun"}
    assert agreement_parties(run(body, date="1995-01-01"))["Visegrád Declaration"] == [
        "state/csk", "state/hun", "state/pol"]
    # adjectives listed before the post give each holder theirs, in order
    listed = ("The agreement was signed on 27 August 2022 by the Slovak, Czech and Polish defence ministers, Jaroslav "
              "Naď, Jana Černochová and Mariusz Błaszczak.")
    assert _posts(listed, "2023-01-01") == {"Jaroslav Naď": "svk", "Jana Černochová": "cze",
                                            "Mariusz Błaszczak": "pol"}
    # with no state stated, two prime ministers are not both the one state the sentence names
    unstated = "The Canberra Pact was signed by the prime ministers John Curtin and Peter Fraser."
    assert _posts(unstated, "1995-01-01") == {"John Curtin": None, "Peter Fraser": None}


def test_a_lower_case_post_before_a_full_name():
    body = ("In 2006 Uzbekistan rejoined; its president, Islam Karimov, suspended the country's membership again in "
            "June 2012. Britain's prime minister Keir Starmer met officials in Kyiv.")
    assert _posts(body, "2025-01-01") == {"Islam Karimov": "uzb", "Keir Starmer": "gbr"}
    # a lower-case post with no name after it is no person
    assert run("The prime minister said the minister of defence would travel.", date="2025-01-01").persons == {}


def test_a_citation_mark_after_a_full_stop_ends_the_sentence_and_leaves_the_name_whole():
    body = ("The agreement was signed on 27 August 2022 by the Slovak, Czech and Polish defence ministers, Jaroslav "
            "Naď, Jana Černochová and Mariusz Błaszczak.[10] The battlegroup was on stand-by in 2009.[citation needed]")
    assert _posts(body, "2023-01-01")["Mariusz Błaszczak"] == "pol"
    ctx, _ = extract_with_context(source_from_text(body, name="t.txt"), None)
    texts = [ctx.text[s.char_start:s.char_end] for s in ctx.sentences]
    assert texts[0].endswith("Błaszczak.[10]") and texts[1].startswith("The battlegroup")


def test_brussels_read_as_a_government_is_the_union_unless_the_text_names_belgium():
    body = "The statement built on the readmission agreement Brussels and Ankara had signed in December 2013."
    assert agreement_parties(run(body, date="2016-03-18")) == {
        "Readmission Agreement": ["org/european-union", "state/tur"]}
    belgian = "Belgium and Turkey met in March. " + body
    assert agreement_parties(run(belgian, date="2016-03-18"))["Readmission Agreement"] == ["state/bel", "state/tur"]


@pytest.mark.parametrize("body, name", [
    ("In Paris on 27 May 1997 NATO and Russia signed the Founding Act on Mutual Relations, Cooperation and Security.",
     "Founding Act on Mutual Relations, Cooperation and Security"),
    ("The Philippines and the United States adopted the Bilateral Defense Guidelines on 3 May 2023.",
     "Bilateral Defense Guidelines"),
    ("India and the United States signed the Industrial Security Annex in Washington on 29 October 2019.",
     "Industrial Security Annex"),
    ("The Government of Sudan and the Liberation and Justice Movement signed the Doha Document for Peace in Darfur "
     "on 14 July 2011.", "Doha Document for Peace"),
    ("The European Union and Ukraine signed the Joint Security Commitments on 27 June 2024.",
     "Joint Security Commitments"),
])
def test_acts_annexes_guidelines_documents_and_commitments_that_states_sign(body, name):
    assert any(found.startswith(name) for found in agreement_parties(run(body, date="2024-07-10")))


def test_a_bare_annex_or_a_list_of_documents_is_no_agreement():
    body = ("List of Documents signed during the visit. Annex. Ghana and Togo signed the Memorandum of Understanding on "
            "Maritime Cooperation today. The Defence Authorization Act was signed by the President.")
    assert sorted(agreement_parties(run(body, date="2024-07-10"))) == ["Memorandum of Understanding on Maritime "
                                                                       "Cooperation"]


@pytest.mark.parametrize("use_model", [False, True])
def test_a_name_given_as_another_s_other_name_is_that_agreement(use_model):
    body = ("The two dominions drew closer to each other: the Australian–New Zealand Agreement of 21 January 1944, "
            "better known as the Canberra Pact, was signed by Australia and New Zealand. The Canberra Pact set out a "
            "shared view of the post-war South Pacific. In 1954 they joined the United States, Britain and France in "
            "signing the Southeast Asia Collective Defence Treaty (the Manila Pact) on 8 September.")
    names = sorted(agreement_parties(run(body, use_model=use_model, date="2000-01-01")))
    assert names == ["Australian–New Zealand Agreement", "Southeast Asia Collective Defence Treaty"]


@pytest.mark.parametrize("use_model", [False, True])
def test_who_raised_their_relations_to_a_partnership_tells_it_from_another(use_model):
    body = ("Japan and Mongolia signed the Special Strategic Partnership in 2022. And in December 2021 Seoul and "
            "Ulaanbaatar raised their relations to a strategic partnership of their own.")
    found = agreement_parties(run(body, use_model=use_model, date="2024-07-10"))
    assert found == {"Special Strategic Partnership": ["state/jpn", "state/mng"],
                     "Strategic Partnership": ["state/kor", "state/mng"]}


def test_central_african_before_the_words_of_a_government_is_the_state_s():
    body = ("On 21 August 2018 Russia's Defence Minister, Sergei Shoigu, and his Central African counterpart, "
            "Marie-Noëlle Koyara, signed a military cooperation agreement. The Central African region is poor.")
    assert _posts(body, "2025-01-01") == {"Sergei Shoigu": "rus", "Marie-Noëlle Koyara": "caf"}
    assert "state/caf" not in actor_keys("The Central African region is poor.")


@pytest.mark.parametrize("use_model", [False, True])
def test_a_plural_concluded_on_the_days_it_lists_is_one_agreement_each_day(use_model):
    body = ("NATO and the European Union have worked together closely. The Joint Declarations signed in Warsaw on 8 July "
            "2016 and in Brussels on 10 July 2018 set out what we do together.")
    found = run(body, use_model=use_model, date="2022-06-29")
    assert sorted((a.name, a.date) for a in found.agreements) == [("Joint Declaration", "2016-07-08"),
                                                                  ("Joint Declaration", "2018-07-10")]
    # one day, or days of other things, are no series
    one = "The Joint Declarations signed in Warsaw on 8 July 2016 by NATO and the EU were welcomed on 10 July 2018."
    assert len(run(one, date="2022-06-29").agreements) == 1


_TABLE = """An Acquisition and Cross-Servicing Agreement (ACSA) lets the forces supply each other.

Partner | ACSA | Information Security Agreement | RAA
Australia | Signed 14 January 2017; in force | Signed May 2012; in force | Signed Jan. 2022
France | Signed Jul. 2018 | Under negotiation | –
Atlantis | Signed 2019 | – | –
"""


def test_a_table_of_partners_and_kinds_gives_one_agreement_per_signed_cell():
    found = run(_TABLE, date="2025-03-31", publisher="Ministry of Foreign Affairs of Japan")
    rows = sorted((a.name, sides(a), a.date) for a in found.agreements)
    assert rows == [("Acquisition and Cross-Servicing Agreement", ("aus", "jpn"), "2017-01-14"),
                    ("Acquisition and Cross-Servicing Agreement", ("fra", "jpn"), None),
                    ("Information Security Agreement", ("aus", "jpn"), None),
                    ("RAA", ("aus", "jpn"), None)]
    evidence = [e for s in found.statements if s.predicate.endswith("#party") for e in s.evidence]
    assert evidence and all(e.rule == "agreement-party-table" for e in evidence)
    # with no state or organization of its own, a text's table has no one to have signed with its partners
    assert run(_TABLE, date="2025-03-31").agreements == []


def test_a_table_cell_the_sentences_already_give_is_not_a_second_agreement():
    body = ("Japan and Australia signed the Japan–Australia Reciprocal Access Agreement on 6 January 2022.\n\n"
            "Partner | RAA\nAustralia | Signed Jan. 2022; in force Aug. 2023\nUnited Kingdom | Signed Jan. 2023\n")
    found = run(body, date="2025-03-31", publisher="Ministry of Foreign Affairs of Japan")
    assert sorted((a.name, sides(a)) for a in found.agreements) == [
        ("Japan-Australia Reciprocal Access Agreement", ("aus", "jpn")), ("RAA", ("gbr", "jpn"))]


def test_a_numbered_paragraph_opening_with_a_state_and_a_full_stop_is_about_that_state():
    body = ("11.7 Vietnam. The two countries signed a Joint Vision Statement in Hanoi on 8 June 2022.\n\n"
            "11.8 United States. A Memorandum of Understanding on Space Situational Awareness was signed during the "
            "2+2 Dialogue on 11 April 2022.\n")
    found = agreement_parties(run(body, date="2023-04-12", publisher="Ministry of Defence of India"))
    assert found["Memorandum of Understanding on Space Situational Awareness"] == ["state/ind", "state/usa"]


def test_a_dotted_abbreviation_is_part_of_an_agreement_s_name():
    body = ("The alliance, founded on the ROK-U.S. Mutual Defense Treaty signed on October 1, 1953, remains the bedrock "
            "of the country's security, and NATO is a partner.")
    assert agreement_parties(run(body, date="2025-02-24", publisher="Ministry of National Defense, Republic of Korea")) == {
        "ROK-U.S. Mutual Defense Treaty": ["state/kor", "state/usa"]}


@pytest.mark.parametrize("use_model", [False, True])
def test_other_sides_in_its_own_signing_sentence_make_another_agreement_of_the_kind(use_model):
    body = ("Japan and Australia signed a Reciprocal Access Agreement in Tokyo on 6 January 2022. The Agreement entered "
            "into force in August 2023. In London on 11 January 2023 the agreement was signed between Japan and the "
            "United Kingdom.")
    found = run(body, use_model=use_model, date="2024-07-10")
    assert sorted((list(sides(a)), a.date) for a in found.agreements) == [
        (["aus", "jpn"], "2022-01-06"), (["gbr", "jpn"], "2023-01-11")]


# -- review of session 23's rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize("use_model", [False, True])
def test_a_following_clause_with_a_partner_or_an_object_of_its_own_adds_no_agreement(use_model):
    other = ("Japan signed a reciprocal access agreement with Australia on 6 January 2022, and Britain signed one with "
             "Japan on 11 January 2023.")
    assert ["aus", "gbr"] not in [list(sides(a))
                                  for a in run(other, use_model=use_model, date="2024-07-10").agreements]
    moldova = ("The United Kingdom signed a bilateral security agreement with Ukraine on 12 January 2024; Germany "
               "signed its own with Moldova on 16 February 2024.")
    assert ["deu", "ukr"] not in [list(sides(a))
                                  for a in run(moldova, use_model=use_model, date="2024-07-10").agreements]
    warning = ("The United States signed a ten-year security agreement with Ukraine on 13 June 2024, and Russia "
               "followed with its own warning on 14 June.")
    assert agreements_by_name(run(warning, use_model=use_model, date="2024-07-10")) == {
        "Security Agreement": [["state/ukr", "state/usa"]]}
    # the same day, a date of its own: still the one that followed
    same_day = ("Canada signed a security agreement with Ukraine on 24 February 2024, and Italy signed one the same "
                "day.")
    assert sorted(agreements_by_name(run(same_day, date="2024-07-10"))["Security Agreement"]) == [
        ["state/can", "state/ukr"], ["state/ita", "state/ukr"]]


@pytest.mark.parametrize("use_model", [False, True])
def test_a_short_form_the_text_defines_is_no_other_name(use_model):
    body = ("Japan and Australia signed the Agreement concerning the Facilitation of Reciprocal Access and Cooperation "
            "(the Agreement) in Tokyo on 6 January 2022. The Agreement entered into force in August 2023. Japan signed "
            "a new agreement with the Philippines on 8 July 2024.")
    found = run(body, use_model=use_model, date="2024-07-10")
    parties = sorted(list(sides(a)) for a in found.agreements)
    assert parties == [["aus", "jpn"], ["jpn", "phl"]]


def test_a_long_list_of_capitals_is_read_once():
    body = "Kyiv keeps relations with " + ", ".join(["Paris", "Berlin", "Rome", "Madrid"][i % 4]
                                                     for i in range(1500)) + " and Oslo."
    assert actor_keys(body) >= {"state/fra", "state/deu", "state/ita", "state/esp", "state/nor"}


@pytest.mark.parametrize("body, name", [
    ("Under Annex II of the Agreement between Japan and Australia, signed on 6 January 2022, exercises resumed.",
     "Agreement between Japan and Australia"),
    ("IFOR deployed under Annex 1A of the General Framework Agreement for Peace, signed by Bosnia and Herzegovina, "
     "Croatia and Serbia on 14 December 1995.", "General Framework Agreement for Peace"),
])
def test_a_numbered_annex_is_a_part_of_its_agreement(body, name):
    assert list(agreement_parties(run(body, date="2024-07-10"))) == [name]
    # a year after a document's name is its edition
    vienna = "The OSCE participating States adopted the Vienna Document 2011 on 30 November 2011."
    assert list(agreement_parties(run(vienna, date="2024-07-10"))) == ["Vienna Document"]


def test_citation_marks_in_a_row_and_an_editor_s_words_after_a_full_stop():
    body = ("The Treaty of Friendship was signed by Czechoslovakia and Poland[5][6] on 6 October 1991.[3][4] Hungary "
            "and Poland signed theirs in 1992.")
    ctx, _ = extract_with_context(source_from_text(body, name="t.txt"), None)
    texts = [ctx.text[s.char_start:s.char_end] for s in ctx.sentences]
    assert texts[0].endswith("1991.[3][4]") and texts[1].startswith("Hungary")
    assert "state/pol" in {m.key for m in ctx.sentences[0].mentions if m.kind == "actor"}
    # "[The memorandum]" begins the next sentence: it is no citation mark that ends this one
    quoted = ('The minister said: "Japan and India signed the memorandum in May. [The memorandum] commits Japan and '
              'India to joint patrols."')
    ctx, _ = extract_with_context(source_from_text(quoted, name="t.txt"), None)
    assert not any(ctx.text[s.char_start:s.char_end].endswith("[The memorandum]") for s in ctx.sentences)


@pytest.mark.parametrize("use_model", [False, True])
def test_signers_among_an_agreement_s_own_sign_that_one(use_model):
    body = ("The treaty that Brazil, Argentina and Paraguay signed in 1979 settled the dams dispute. Brazil and "
            "Paraguay signed the Treaty in Asunción.")
    assert agreements_by_name(run(body, use_model=use_model, date="2024-07-10")) == {
        "Treaty": [["state/arg", "state/bra", "state/pry"]]}


def test_the_signatories_of_many_agreements_are_read_in_one_pass(monkeypatch):
    from pactgraph.extract.context import DocContext

    calls = []
    original = DocContext.sentence_of
    monkeypatch.setattr(DocContext, "sentence_of", lambda self, token: calls.append(token) or original(self, token))
    body = " ".join(f"Presidents Anna Novak of Ghana and Pedro Alves of Togo signed a defence agreement on {d} May "
                    f"2024." for d in range(1, 29)) * 4
    run(body, date="2024-07-10")
    # (read again for each agreement recorded, the 224 person mentions cost some 25,000 calls)
    assert len(calls) < 2_000


def test_a_possessive_before_to_or_of_is_a_consent_or_a_state_s_own():
    for body in ("Hungary's agreement to Sweden's accession cleared the way for the vote in Brussels.",
                 "Ukraine's declaration of independence was signed on 24 August 1991.",
                 "The government's agreement to host the summit was welcomed by Kenya."):
        assert run(body, date="2024-07-10").agreements == []
    assert agreement_parties(run("Italy's treaty with Libya was signed in Benghazi on 30 August 2008.",
                                 date="2024-07-10")) == {"Treaty": ["state/ita", "state/lby"]}


def test_a_final_mou_ends_its_sentence_and_a_handle_names_its_actor():
    found = run("Ghana and Togo signed the MoU. The two ministers then met the press.", date="2024-07-10")
    assert agreement_parties(found) == {"Memorandum of Understanding": ["state/gha", "state/tgo"]}
    assert "org/nato" in actor_keys("Signed today with @NATO the roadmap on cyber defence. #StrongerTogether")
    assert actor_keys("Write to press@nato.int for accreditation.") == set()


def test_the_sides_of_any_concluding_sentence_tell_agreements_of_a_kind_apart():
    body = ("Indonesia and Australia established the Comprehensive Strategic Partnership at their summit. Later, "
            "the Comprehensive Strategic Partnership was established between Indonesia and Japan.")
    found = run(body, date="2024-07-10")
    assert sorted(sides(a) for a in found.agreements) == [("aus", "idn"), ("idn", "jpn")]


def test_the_kinds_a_table_header_names_are_no_agreements_of_the_sentences():
    body = ("Partner | Status of Forces Agreement | Information Sharing Agreement\n"
            "Japan | – | Signed May 2012\nFiji | Signed 23 October 2022 | –\n")
    found = run(body, date="2025-12-15", publisher="Ministry of Defence of Australia")
    assert sorted((a.name, sides(a), a.date) for a in found.agreements) == [
        ("Information Sharing Agreement", ("aus", "jpn"), None),
        ("Status of Forces Agreement", ("aus", "fji"), "2022-10-23")]
