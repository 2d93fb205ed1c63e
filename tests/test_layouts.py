"""Layouts for measuring (pactgraph.layouts, ``pactgraph evaluate --layout``): the same words as other tools save
them, the gold unchanged."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pactgraph.cli import main
from pactgraph.evaluate import evaluate_folder
from pactgraph.layouts import LAYOUTS, relayout

TEXT = ("---\ntitle: Chile and Peru sign memorandum\ndate: 2021-03-09\npublisher: Ministry of Defence of Chile\n"
        "genre: press-release\n---\nChile and Peru sign memorandum on defence cooperation\n\n"
        "Chile and Peru signed a Memorandum of Understanding on defence cooperation today in Santiago. The Minister "
        "of Defence of Chile, Ms Ana Rojas, said both countries share a commitment to democracy and to the "
        "peacekeeping missions of the United Nations. Chilean troops serve in UNIFIL.\n")
GOLD = {
    "actors": ["Q298", "Q419", "Q160805", "Q1065"],
    "persons": [{"name": "Ana Rojas", "title": "Minister of Defence", "of": "Q298"}],
    "agreements": [{"name": "Memorandum of Understanding on defence cooperation", "type": "MemorandumOfUnderstanding",
                    "parties": ["Q298", "Q419"], "date": "2021-03-09"}],
    "concepts": ["value/democracy"],
    "relations": [{"s": "Q419", "p": "partnerOf", "o": "Q298"}, {"s": "Q298", "p": "contributesTo", "o": "Q160805"}],
}


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_layout_keeps_the_words_of_the_body(layout):
    body = TEXT.split("---\n", 2)[2]
    out = relayout(TEXT, layout)
    assert [w.lower() for w in _words(out.replace("\u00a0", " "))[-40:]] == [w.lower() for w in _words(body)[-40:]]
    assert out.startswith("---\n") == (layout not in ("no-header", "plain-text"))


def test_each_layout_does_what_it_says():
    assert max(len(line) for line in relayout(TEXT, "wrapped").split("\n")[6:]) <= 72
    assert "Prime\u00a0Minister" in relayout("Prime Minister Abe", "no-break-spaces")
    assert "Santiago.  The" in relayout(TEXT, "double-spaces")
    assert "CHILE AND PERU SIGN MEMORANDUM ON DEFENCE COOPERATION" in relayout(TEXT, "capitals")
    plain = relayout(TEXT, "plain-text")
    assert not plain.startswith("---") and "  " in plain and max(len(line) for line in plain.split("\n")) <= 72
    with pytest.raises(ValueError, match="unknown layout"):
        relayout(TEXT, "sideways")


@pytest.fixture()
def gold_dir(tmp_path):
    (tmp_path / "01-chile-peru.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "01-chile-peru.expected.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("layout", ["wrapped", "no-break-spaces", "double-spaces", "capitals"])
def test_extraction_stands_up_to_layout(gold_dir, layout):
    as_written = evaluate_folder(gold_dir).totals()
    laid_out = evaluate_folder(gold_dir, layout=layout)
    assert not laid_out.bad_quotes and laid_out.evidence > 0
    for category in ("actors", "agreement parties", "persons"):
        assert laid_out.totals()[category].tp == as_written[category].tp, category


def test_the_evaluate_command_takes_a_layout_and_refuses_an_unknown_one(gold_dir):
    runner = CliRunner()
    result = runner.invoke(main, ["evaluate", str(gold_dir), "--no-speed", "--layout", "plain-text"])
    assert result.exit_code == 0, result.output
    assert "evidence quotes" in result.output and "bad quote" not in result.output
    result = runner.invoke(main, ["evaluate", str(gold_dir), "--no-speed", "--layout", "sideways"])
    assert result.exit_code == 2 and "sideways" in result.output
    assert result.output.count("\n") == 1 and result.output.startswith("error: ")


def test_wrapping_keeps_the_lines_of_lists_and_tables():
    text = "Signed today:\n- the Memorandum on maritime security\n- the Agreement on training\nJapan | 2017 | 2022"
    assert relayout(text, "wrapped") == text
