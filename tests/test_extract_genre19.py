"""Rules added in pactgraph-rules/0.21 (session 16), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, run


def _dates(result) -> dict[str, str | None]:
    return {a.name: a.date for a in result.agreements}


def test_items_lettered_with_a_stop_under_a_heading_are_concluded_and_dated():
    body = ("4. Today the two Presidents witnessed the exchange of the following documents:\n\n"
            "a. Memorandum of Understanding between the Ministry of Defence of Ghana and the Ministry of Defence of "
            "Togo on Border Patrols;\n\n"
            "b. Memorandum of Understanding on Fisheries Surveillance;\n\n"
            "c. Letter of Intent on Cooperation in Disaster Relief; and\n\n"
            "d. Memorandum of Understanding on Cooperation in Customs Intelligence.")
    result = run(body, title="Joint Communiqué on the State Visit of the President of Ghana to Togo",
                 publisher="Ministry of Foreign Affairs of Togo", date="2026-02-10", genre="joint-statement")
    found, dates = agreement_parties(result), _dates(result)
    for name in ("Memorandum of Understanding on Fisheries Surveillance", "Letter of Intent on Cooperation in "
                 "Disaster Relief", "Memorandum of Understanding on Cooperation in Customs Intelligence"):
        assert found[name] == ["state/gha", "state/tgo"], name
        assert dates[name] == "2026-02-10", name


def test_the_article_a_before_a_name_is_not_an_item_letter():
    body = ("The two ministers discussed the border.\n\n"
            "A Memorandum of Understanding on Fisheries Surveillance would help, they said.")
    found = agreement_parties(run(body, title="Readout", publisher="Ministry of Foreign Affairs of Togo",
                                  date="2026-02-10", genre="press-release"))
    assert "Memorandum of Understanding on Fisheries Surveillance" not in found


_SUMMIT = dict(title="Joint Statement of the Ghana–Togo Summit", publisher="Ministry of Foreign Affairs of Ghana",
               date="2026-03-20", genre="joint-statement")


def test_a_statement_of_the_documents_genre_issued_on_another_day_is_another_agreement():
    body = ("The President of Ghana and the President of Togo adopted this Joint Statement. They took note of the "
            "joint statement on Mali issued on 2 March 2026 by Senegal, Côte d'Ivoire and Nigeria.")
    result = run(body, **_SUMMIT)
    found, dates = agreement_parties(result), _dates(result)
    assert found["joint statement on Mali"] == ["state/civ", "state/nga", "state/sen"]
    assert dates["joint statement on Mali"] == "2026-03-02"
    assert found["Joint Statement"] == ["state/gha", "state/tgo"] and dates["Joint Statement"] == "2026-03-20"


def test_a_state_right_after_on_in_a_statements_name_is_its_topic_not_a_side():
    body = "Today Senegal and Nigeria signed the Joint Declaration on Mali, which sets out their support for talks."
    found = agreement_parties(run(body, title="Release", publisher="Ministry of Foreign Affairs of Senegal",
                                  date="2026-03-02", genre="press-release"))
    assert found["Joint Declaration on Mali"] == ["state/nga", "state/sen"]


def test_states_joined_after_on_are_still_the_sides_of_a_declaration():
    body = "The two Presidents adopted the Joint Declaration on Ghana-Togo Cooperation in Accra today."
    found = agreement_parties(run(body, title="Release", publisher="Ministry of Foreign Affairs of Ghana",
                                  date="2026-03-02", genre="press-release"))
    assert found["Joint Declaration on Ghana-Togo Cooperation"] == ["state/gha", "state/tgo"]
