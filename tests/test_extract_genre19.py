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
