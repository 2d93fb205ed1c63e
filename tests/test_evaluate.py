"""The evaluation command: scoring rules, the quote check, the speed figure and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph.cli import main
from pactgraph.evaluate import Counts, evaluate_folder, gold_pairs, measure_speed, score_document

HELDOUT = Path(__file__).resolve().parent / "heldout"

TEXT = """---
title: Chile and Peru sign memorandum on defence cooperation
date: 2021-03-09
genre: press-release
---
Chile and Peru signed a Memorandum of Understanding on defence cooperation on 9 March 2021 in Santiago.
The Minister of Defence of Chile, Ms Ana Rojas, said both countries share a commitment to democracy.
Chilean troops serve in UNIFIL.
"""

GOLD = {
    "actors": ["Q298", "Q419", "Q160805"],
    "persons": [{"name": "Ana Rojas", "title": "Minister of Defence", "of": "Q298"}],
    "agreements": [{"name": "Memorandum of Understanding on defence cooperation", "type": "MemorandumOfUnderstanding",
                    "parties": ["Q298", "Q419"], "date": "2021-03-09"}],
    "concepts": ["value/democracy"],
    "relations": [{"s": "Q419", "p": "partnerOf", "o": "Q298"}, {"s": "Q298", "p": "contributesTo", "o": "Q160805"}],
}


@pytest.fixture()
def gold_dir(tmp_path) -> Path:
    (tmp_path / "01-chile-peru.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "01-chile-peru.expected.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("a text without gold is ignored", encoding="utf-8")
    return tmp_path


def test_counts():
    c = Counts(tp=3, fp=1, fn=2)
    assert (round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)) == (0.75, 0.6, 0.667)
    assert Counts().f1 == 0.0 or Counts().precision == 1.0


def test_score_document_sets_symmetry_and_alignment():
    gold = {
        "actors": ["Q1", "Q2", "Q3"],
        "persons": [{"name": "Ana Rojas", "title": "Minister of Defence", "of": "Q1"}],
        "agreements": [{"name": "Memorandum of Understanding on defence", "type": "MemorandumOfUnderstanding",
                        "parties": ["Q1", "Q2"], "date": "2021-03-09"},
                       {"name": "Joint Statement", "type": "JointStatement", "parties": ["Q1", "Q2"], "date": None}],
        "concepts": ["value/democracy", "area/cyber-defence"],
        "relations": [{"s": "Q2", "p": "partnerOf", "o": "Q1"}, {"s": "Q1", "p": "memberOf", "o": "Q9"}],
    }
    found = {
        "actors": ["Q1", "Q2", "Q4"],
        "persons": [{"name": "ANA ROJAS", "title": "Defence Minister", "of": "Q5"},
                    {"name": "Ana Rojas", "title": "Senator", "of": "Q8"},
                    {"name": "Juan Perez", "title": "President", "of": "Q2"}],
        "agreements": [{"name": "Memorandum of Understanding", "type": "MemorandumOfUnderstanding",
                        "parties": ["Q1", "Q3"], "date": "2021-03-09"}],
        "concepts": ["value/democracy"],
        "relations": [{"s": "Q1", "p": "partnerOf", "o": "Q2"}],
    }
    result = score_document("doc", gold, found, parents={"Q5": "Q1"})
    c = result.counts
    assert (c["actors"].tp, c["actors"].fp, c["actors"].fn) == (2, 1, 1)
    assert (c["persons"].tp, c["persons"].fp, c["persons"].fn) == (1, 1, 0)
    # Q5 is a body of Q1: the post matches; the person's other post is not an error; Juan Perez is one.
    assert (c["positions"].tp, c["positions"].fp, c["positions"].fn) == (1, 1, 0)
    assert result.titles == (1, 1)
    assert (c["agreements"].tp, c["agreements"].fp, c["agreements"].fn) == (1, 0, 1)
    assert (c["agreement parties"].tp, c["agreement parties"].fp, c["agreement parties"].fn) == (1, 1, 3)
    assert result.dates == (1, 1)
    assert (c["concepts"].tp, c["concepts"].fn) == (1, 1)
    assert (c["relations"].tp, c["relations"].fp, c["relations"].fn) == (1, 0, 1)
    assert "('Q1', 'memberOf', 'Q9')" in result.missed["relations"]


def test_evaluate_folder_scores_and_checks_quotes(gold_dir):
    evaluation = evaluate_folder(gold_dir)
    assert [d.name for d in evaluation.documents] == ["01-chile-peru"]
    totals = evaluation.totals()
    assert totals["actors"].recall == 1.0 and totals["agreement parties"].recall == 1.0
    assert totals["positions"].tp == 1
    assert evaluation.evidence > 5 and evaluation.bad_quotes == []
    data = evaluation.as_dict()
    json.dumps(data)
    assert data["quotes_exact"] is True and set(data["scores"]) >= {"actors", "concepts", "relations"}


def test_gold_pairs_errors(tmp_path):
    from pactgraph.errors import SourceError

    with pytest.raises(SourceError, match="no NAME.txt"):
        gold_pairs(tmp_path)
    with pytest.raises(SourceError, match="not a folder"):
        gold_pairs(tmp_path / "missing")


def test_measure_speed(gold_dir):
    speed = measure_speed([t for t, _ in gold_pairs(gold_dir)], seconds=0.05)
    assert speed.passes >= 1 and speed.extract_rate > 0 and speed.tokenize_rate > 0
    assert speed.ratio == pytest.approx(speed.extract_rate / speed.tokenize_rate)
    assert set(speed.as_dict()) == {"kilobytes", "passes", "extract_kb_per_s", "tokenize_kb_per_s", "ratio"}


def test_cli_table_json_and_thresholds(gold_dir):
    runner = CliRunner()
    result = runner.invoke(main, ["evaluate", str(gold_dir), "--no-speed"])
    assert result.exit_code == 0, result.output
    assert "agreement parties" in result.output and "evidence quotes" in result.output
    result = runner.invoke(main, ["evaluate", str(gold_dir), "--seconds", "0.1", "--format", "json"])
    data = json.loads(result.output)
    assert data["speed"]["extract_kb_per_s"] > 0 and data["scores"]["actors"]["f1"] > 0
    result = runner.invoke(main, ["evaluate", str(gold_dir), "--no-speed", "--min-f1", "actors=1.01"])
    assert result.exit_code == 1 and "below target" in result.output


def test_cli_bad_input_is_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["evaluate", str(tmp_path / "nowhere"), "--no-speed"])
    assert result.exit_code == 3 and result.output.count("\n") == 1 and "not a folder" in result.output
    result = runner.invoke(main, ["evaluate", str(tmp_path), "--no-speed", "--min-f1", "vibes=0.5"])
    assert result.exit_code == 2 and "unknown category" in result.output


def test_heldout_gold_is_consistent_with_register_and_vocabularies():
    from pactgraph.reference import load_register
    from pactgraph.vocab import load_concepts

    register = load_register()
    ids = {i for e in register.entities.values() if e.is_actor for i in (e.wikidata, e.key) if i}
    # partnership frameworks are not actors, but a state may be a member of one (memberOf's object)
    framework_ids = {i for e in register.entities.values() if e.kind == "framework" for i in (e.wikidata, e.key) if i}
    concept_keys = {c.key for c in load_concepts()}
    pairs = gold_pairs(HELDOUT)
    assert len(pairs) == 822
    for _, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert set(gold["actors"]) <= ids, gold_path.name
        assert set(gold["concepts"]) <= concept_keys, gold_path.name
        for rel in gold["relations"]:
            assert rel["s"] in ids and rel["p"] in {"partnerOf", "memberOf", "leads", "mandatedBy", "contributesTo"}
            assert rel["o"] in ids or (rel["p"] == "memberOf" and rel["o"] in framework_ids), gold_path.name
        for agreement in gold["agreements"]:
            assert set(agreement["parties"]) <= ids


@pytest.mark.parametrize("change, words", [
    ({"actors": "Q419"}, "field 'actors' must be a list"),
    ({"actors": [419]}, "every item of 'actors' must be a string"),
    ({"agreements": ["Memorandum"]}, "agreements[0] must be a JSON object"),
    ({"agreements": [{"name": "Memorandum", "parties": 5}]}, "agreements[0]: 'parties' must be a list"),
    ({"agreements": [{"name": "Memorandum", "parties": [["Q419"]]}]}, "every agreement party must be a string"),
    ({"agreements": [{"parties": ["Q419"]}]}, "agreements[0]: 'name' must be a str"),
    ({"relations": [{"s": "Q419", "p": "partnerOf"}]}, "relations[0]: 'o' must be a str"),
    ({"persons": [{"title": "Minister"}]}, "persons[0]: 'name' must be a str"),
])
def test_a_malformed_gold_file_is_one_line_error(gold_dir, change, words):
    path = gold_dir / "01-chile-peru.expected.json"
    path.write_text(json.dumps({**GOLD, **change}), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold_dir), "--no-speed"])
    assert result.exit_code == 3 and words in result.output and "internal error" not in result.output
    assert len(result.output.strip().splitlines()) == 1
