"""Rules added in pactgraph-rules/0.20 (session 15), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, agreements_by_name, run
from pactgraph.namespaces import ID

_RELEASE = dict(title="Parliament approves the Vuvale Treaty with Australia", publisher="Office of the Prime Minister, Fiji",
                date="2026-03-02", genre="press-release")


def _release_parties(body: str, publisher: str, date: str, title: str = "Release") -> dict[str, list[str]]:
    """The agreements and their parties of ``body`` read as a press release of ``publisher``."""
    return agreement_parties(run(body, title=title, publisher=publisher, date=date, genre="press-release"))


def test_a_later_clause_with_its_own_subject_is_not_a_party_of_one_agreement():
    body = ("The observers were first sent in 1951 to watch the line that Ghana and Togo agreed in the Keta "
            "Agreement of May that year, and the Security Council has renewed their mandate ever since.")
    found = agreement_parties(run(body, date="2026-05-09", genre="transcript", publisher="United Nations"))
    assert found["Keta Agreement"] == ["state/gha", "state/tgo"]  # (named without "of May": see genre20)


def test_an_earlier_clause_with_its_own_subject_is_not_a_party_either():
    body = ("The North Atlantic Council met a delegation from Ghana in Brussels on Tuesday, and Allies and Ghana "
            "agreed an Individually Tailored Partnership Programme for the next four years.")
    found = agreement_parties(run(body, date="2026-03-12", genre="press-release", publisher="NATO"))
    assert found["Individually Tailored Partnership Programme"] == ["org/nato", "state/gha"]


def test_subjects_listed_before_the_verb_are_not_a_clause_of_their_own():
    body = ("This morning, here in Accra, my Togolese counterpart, Minister of Defence Kodjo Adedze, and I signed a "
            "Memorandum of Understanding on Air Surveillance.")
    found = agreement_parties(run(body, title="Minister's remarks", publisher="Ministry of Defence of Ghana",
                                  date="2026-04-14", genre="speech"))
    assert found["Memorandum of Understanding on Air Surveillance"] == ["state/gha", "state/tgo"]


def test_the_publishing_ministrys_own_minister_is_not_the_state_of_a_place_in_her_title_line():
    body = ("Address by the Minister of Foreign Affairs and Regional Integration, Ama Mensah, at the ceremony for "
            "the tenth anniversary of the Peace of Lomé\n\nWe signed the Treaty of Friendship with Burkina Faso in "
            "2016.")
    result = run(body, title="Address at the tenth anniversary of the Peace of Lomé", date="2026-06-01",
                 publisher="Ministry of Foreign Affairs and Regional Integration of Ghana", genre="speech")
    [position] = [p for p in result.positions if p.holder.endswith("ama-mensah")]
    assert position.organization == ID + "state/gha"
    assert agreement_parties(result)["Treaty of Friendship"] == ["state/bfa", "state/gha"]


def test_another_ministrys_minister_still_takes_the_place_of_the_sentence():
    body = "The Minister of Trade, Ama Mensah, spoke at the ceremony for the anniversary of the Peace of Lomé."
    result = run(body, title="Anniversary", date="2026-06-01", genre="speech",
                 publisher="Ministry of Foreign Affairs and Regional Integration of Ghana")
    [position] = [p for p in result.positions if p.holder.endswith("ama-mensah")]
    assert position.organization == ID + "state/tgo"


def test_we_in_a_governments_release_is_that_government():
    body = ("Parliament today approved the Vuvale Treaty between Fiji and Australia. The Treaty with Australia deepens "
            "our defence ties with Australia. Our security ties reach beyond Australia. The Defence Cooperation "
            "Agreement that we concluded with the United States in Suva on 2 May 2023, together with the "
            "agreement on fisheries patrols signed by the two governments the same day, lets our officers sail on "
            "American patrol vessels.")
    found = agreement_parties(run(body, **_RELEASE))
    assert found["Defence Cooperation Agreement"] == ["state/fji", "state/usa"]  # (not the two main actors)


def test_we_in_an_organizations_release_stays_unresolved():
    body = ("NATO and the European Union met in Brussels. The Memorandum that we concluded with Japan in 2023 "
            "continues to guide our work.")
    found = _release_parties(body, "NATO", "2026-03-02", title="Meeting")
    assert found.get("Memorandum", []) != ["state/jpn", "state/usa"]


def test_a_weekday_dates_the_signing_from_the_documents_date():
    body = ("On Monday, at the summit in Accra, the President of Ghana and the President of Togo signed the Treaty "
            "on Border Security.")
    [agreement] = run(body, title="Summit", publisher="Ministry of Foreign Affairs of Ghana", date="2026-06-25",
                      genre="press-release").agreements  # (a Thursday)
    assert agreement.date == "2026-06-22"


def test_a_weekday_with_its_date_written_out_keeps_that_date():
    body = ("On Monday (15 June 2026) the President of Ghana and the President of Togo signed the Treaty on Border "
            "Security.")
    [agreement] = run(body, title="Summit", publisher="Ministry of Foreign Affairs of Ghana", date="2026-06-25",
                      genre="press-release").agreements
    assert agreement.date == "2026-06-15"


def test_yesterday_is_the_day_before_the_documents_date():
    body = "Yesterday the Ministers of Defence of Ghana and Togo signed a Memorandum of Understanding on Air Patrols."
    [agreement] = run(body, title="Patrols", publisher="Ministry of Defence of Ghana", date="2026-06-25",
                      genre="press-release").agreements
    assert agreement.date == "2026-06-24"


_MFA = dict(title="Interview of the Minister", publisher="Ministry of Foreign Affairs of Ghana", date="2026-05-10",
            genre="transcript")


def test_agreements_with_counted_partners_then_listed_are_one_per_partner():
    body = ("Minister: Last year Ghana concluded security agreements with more than twenty partners, starting with "
            "Togo in January, and then Benin and Nigeria in February.")
    parties = sorted(tuple(a.parties) for a in run(body, **_MFA).agreements)
    assert sorted(tuple(sorted(p.rsplit("/id/", 1)[-1] for p in ps)) for ps in parties) == [
        ("state/ben", "state/gha"), ("state/gha", "state/nga"), ("state/gha", "state/tgo")]


def test_a_day_of_that_year_takes_the_year_written_before_it():
    body = ("In 1994 Ghana gave up its claims in exchange for the Accra Memorandum, which Ghana signed with Togo and "
            "Benin on 5 December of that year.")
    [agreement] = run(body, **_MFA).agreements
    assert agreement.date == "1994-12-05"


def test_the_host_at_whose_invitation_a_declaration_was_agreed_is_not_a_party():
    body = ("The Ministry welcomes the Accra Declaration, agreed yesterday evening in the Ghanaian capital by H.E. "
            "John Mahama, President of the Republic of Ghana, and H.E. Faure Gnassingbé, President of the Togolese "
            "Republic, at the invitation of H.E. Bola Tinubu, President of the Federal Republic of Nigeria.")
    found = _release_parties(body, "Ministry of Foreign Affairs of Benin", "2026-05-10", title="Statement")
    assert found["Accra Declaration"] == ["state/gha", "state/tgo"]


def test_the_patron_of_a_signing_is_not_a_party():
    body = ("Under the patronage of His Highness the Amir Sheikh Tamim bin Hamad Al-Thani, the Government of Ghana "
            "and the Government of Togo signed today in Doha the Doha Agreement on the Volta Border.")
    found = _release_parties(body, "Ministry of Foreign Affairs of Qatar", "2026-05-10", title="Signing")
    assert found["Doha Agreement on the Volta Border"] == ["state/gha", "state/tgo"]


def test_those_who_sign_as_witnesses_are_not_parties():
    body = ("The Government of Ghana and the Government of Togo signed the Lomé Agreement on the Border today. The "
            "Chairperson of the African Union Commission and the Secretary-General of the United Nations signed the "
            "Agreement as witnesses.")
    found = _release_parties(body, "Ministry of Foreign Affairs of Qatar", "2026-05-10", title="Signing")
    assert found["Lomé Agreement on the Border"] == ["state/gha", "state/tgo"]


def test_a_government_and_an_armed_movement_give_one_party_not_the_mediating_publisher():
    body = ("After ten days of talks in Doha, the delegations of the Government of Chad and of the Front for Change "
            "and Concord today concluded an agreement on the release of detainees.")
    found = _release_parties(body, "Ministry of Foreign Affairs of Qatar", "2026-05-10", title="Release agreement")
    assert found["agreement on the release of detainees"] == ["state/tcd"]


def test_a_government_and_the_government_of_another_state_are_two_parties():
    body = ("The United Nations and the Government of South Sudan today concluded a Status-of-Forces Agreement for "
            "the mission.")
    found = _release_parties(body, "United Nations", "2026-05-10", title="SOFA")
    assert found["Status-of-Forces Agreement"] == ["org/united-nations", "state/ssd"]


def test_a_state_named_inside_a_longer_state_name_in_the_title_is_not_a_main_actor():
    from pactgraph.extract import extract_with_context
    from pactgraph.sources import source_from_text

    text = ("---\ntitle: Communiqué on Peace in the East of the Democratic Republic of the Congo\ndate: 2024-07-31\n"
            "publisher: Ministry of External Relations of Angola\ngenre: press-release\n---\n"
            "The Ministers of Angola and Rwanda met in Luanda on the Democratic Republic of the Congo. Burundi and "
            "the Republic of the Congo sent observers.")
    ctx, _ = extract_with_context(source_from_text(text), None)
    assert "state/cod" in ctx.main_actors and "state/cog" not in ctx.main_actors


def test_our_inside_an_opening_phrase_is_not_the_subject():
    body = ("Yesterday, on the margins of our session, the African Union Commission and Somalia signed the "
            "Status of Mission Agreement for the support mission.")
    found = agreement_parties(run(body, title="Statement by the Chairperson", date="2026-02-16",
                                  publisher="Presidency of the Republic of Angola", genre="press-statement"))
    assert found["Status of Mission Agreement"] == ["org/african-union-commission", "state/som"]


def test_well_known_agreements_added_in_session_15_come_with_their_signatories():
    body = ("Ukraine gave up its arsenal in exchange for the Budapest Memorandum. Our forces rotate through the "
            "sites agreed under EDCA.")
    found = agreement_parties(run(body, title="Remarks", date="2026-02-16", genre="speech"))
    assert found["Budapest Memorandum"] == ["state/gbr", "state/rus", "state/ukr", "state/usa"]
    assert found["Enhanced Defense Cooperation Agreement"] == ["state/phl", "state/usa"]


def test_a_relative_clause_after_the_rest_of_a_lower_case_topic_concludes_the_agreement():
    body = ("The Council welcomed the agreement on coordinated patrols along the common border that the Ministry of "
            "the Interior of Ghana and the Ministry of Security of Togo signed in Aflao on 21 October 2025.")
    found = agreement_parties(run(body, title="Communiqué", publisher="ECOWAS Commission", date="2025-11-02",
                                  genre="communique"))
    assert found["agreement on coordinated patrols"] == ["state/gha", "state/tgo"]


def test_a_relative_clause_after_a_possessive_in_the_topic_concludes_the_agreement():
    body = ("We note that the treaty on the junction point of the three countries' borders that the Ghanaian, "
            "Togolese and Burkinabe leaders put their names to in Accra on 31 March 2025 has settled the question.")
    result = run(body, title="Declaration", publisher="Ministry of Foreign Affairs of Ghana", date="2025-11-02",
                 genre="press-release")
    [agreement] = [a for a in result.agreements if a.name.startswith("treaty on the junction point")]
    assert agreement.date == "2025-03-31"


def test_a_generic_agreement_does_not_take_in_a_named_one_far_later():
    body = ("The Conference welcomed the agreement that the border commissions of Azerbaijan and Armenia reached on "
            "19 April 2024 on the first section of their border. It called for calm in the Sahel. It praised the "
            "work of the humanitarian office. It thanked the donors of the Islamic Solidarity Fund. It also took note "
            "of the Headquarters Agreement for the OIC Regional Office for West Africa, which the Secretary-General "
            "and the Minister of Foreign Affairs of the Gambia signed on the same day.")
    found = agreement_parties(run(body, title="Final Communiqué", publisher="Organisation of Islamic Cooperation",
                                  date="2024-05-05", genre="communique"))
    assert "state/arm" not in found["Headquarters Agreement for the OIC Regional Office for West Africa"]


def test_those_present_are_not_parties_when_others_sign():
    body = ("The Joint Declaration was signed at the White House on 8 August by President Ilham Aliyev of Azerbaijan "
            "and Prime Minister Nikol Pashinyan of Armenia, in the presence of President Donald Trump.")
    found = _release_parties(body, "NATO", "2025-08-12", title="Briefing")
    assert found["Joint Declaration"] == ["state/arm", "state/aze"]


def test_those_present_are_the_parties_when_no_one_else_is_named():
    body = ("In the presence of Prime Minister Narendra Modi of India and President Ferdinand Marcos of the "
            "Philippines, officials exchanged a Memorandum of Understanding on Maritime Cooperation.")
    found = _release_parties(body, "Ministry of External Affairs of India", "2025-08-05", title="Visit")
    assert found["Memorandum of Understanding on Maritime Cooperation"] == ["state/ind", "state/phl"]


def test_a_name_keeps_their_after_a_participle_and_the_sentences_one_date_dates_it():
    body = ("The Volta Treaty, which the two Presidents signed in Accra on 20 May 2002, shared the revenue. On 6 March "
            "2018, at the Palais des Nations in Geneva, the Foreign Ministers of Ghana and Togo signed the Treaty "
            "Establishing their Maritime Boundaries in the Gulf of Guinea.")
    result = run(body, title="Op-ed by the Ambassador of Ghana", publisher="High Commission of Ghana",
                 date="2025-03-07", genre="speech")
    dates = {a.name: a.date for a in result.agreements}
    assert dates["Treaty Establishing their Maritime Boundaries in the Gulf of Guinea"] == "2018-03-06"
    assert dates["Volta Treaty"] == "2002-05-20"


def test_partnership_levels_are_different_agreements():
    body = ("In September 2009 Ghana and Togo established a Comprehensive Partnership, and in March 2018 their "
            "Presidents lifted it to a Strategic Partnership. A year ago today the two Presidents signed a Joint "
            "Statement that raised relations between Ghana and Togo to a Comprehensive Strategic Partnership.")
    names = {a.name for a in run(body, title="Op-ed", publisher="High Commission of Ghana", date="2025-03-07",
                                 genre="speech").agreements}
    assert {"Comprehensive Partnership", "Strategic Partnership"} <= names


_BRIEFING = dict(title="Briefing: framework participation agreements", date="2025-09-24", genre="communique",
                 publisher="European Parliamentary Research Service (EPRS)")


def test_states_that_concluded_theirs_after_a_plural_genre_have_one_each():
    body = ("Framework participation agreements\n\nFramework participation agreements settle the terms on which a "
            "partner takes part in a mission of the European Union, and the European Union has concluded them "
            "since 2005. Montenegro, Serbia and the United States "
            "concluded theirs in 2011, and Albania and North Macedonia in 2012. Chile and Colombia signed in 2014. "
            "Moldova was the first to sign, followed a week later by Norway.")
    found = agreements_by_name(run(body, **_BRIEFING))
    partners = sorted(next(k for k in parties if k != "org/european-union")
                      for parties in found["Framework Participation Agreement"])
    assert partners == ["state/alb", "state/chl", "state/col", "state/mda", "state/mkd", "state/mne", "state/nor",
                        "state/srb", "state/usa"]


def test_states_in_a_relative_clause_after_a_plural_have_one_each():
    body = ("The Government has no plans to negotiate a participation agreement. Such agreements, which Canada and "
            "the United States concluded with the European Union in 2005 and 2011 respectively, set the terms of "
            "taking part in its missions.")
    found = agreements_by_name(run(body, title="Written answers", publisher="UK Parliament", date="2025-03-04",
                                   genre="transcript"))
    assert sorted(sorted(parties) for agreements in found.values() for parties in agreements
                  if "org/european-union" in parties) == [["org/european-union", "state/can"],
                                                         ["org/european-union", "state/usa"]]


def test_memoranda_concluded_one_by_one_are_each_a_memorandum():
    body = ("The United Nations today signed Memoranda of Understanding with Ghana and with Togo on the equipment "
            "their contingents bring to peacekeeping missions.")
    found = agreements_by_name(run(body, title="Memoranda signed", publisher="United Nations", date="2025-04-10",
                                   genre="press-release"))
    assert sorted(found["Memorandum of Understanding"]) == [["org/united-nations", "state/gha"],
                                                           ["org/united-nations", "state/tgo"]]


def test_arrangements_concluded_with_an_agency_one_after_another_are_the_agencys():
    body = ("Three countries outside the Union have concluded administrative arrangements with the European Defence "
            "Agency. Switzerland concluded its in 2012, and Serbia and Ukraine in 2013 and 2015 respectively.")
    found = agreements_by_name(run(body, title="Written answers", publisher="UK Parliament", date="2025-03-04",
                                   genre="transcript"))
    assert sorted(found["Administrative Arrangement"]) == [
        ["org/european-defence-agency", "state/che"], ["org/european-defence-agency", "state/srb"],
        ["org/european-defence-agency", "state/ukr"]]


def test_a_partnership_name_before_summit_names_the_event_not_an_agreement():
    body = ("The agreement was signed on the margins of the Eastern Partnership summit in Vilnius on 29 November 2013 "
            "by Georgia and the European Union.")
    names = {a.name for a in run(body, **_BRIEFING).agreements}
    assert "Eastern Partnership" not in names
