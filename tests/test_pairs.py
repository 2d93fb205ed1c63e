"""The pair model: relations scored from two actors named in one sentence, its file, and its training."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import devset_sample
from extract_helpers import run
from pactgraph.cli import main
from pactgraph.errors import ParameterError, PactgraphError, ReferenceDataError, SourceError
from pactgraph.extract import extract_with_context
from pactgraph.extract.pairs import (
    MODEL_PATH, PairModel, candidates, features, find_model_relations, load_model, sentence_features,
)
from pactgraph.namespaces import ID
from pactgraph.sources import read_source, source_from_text

DEVSET = Path(__file__).parent / "devset"


def _model_relations(body: str, **meta) -> set[tuple[str, str, str]]:
    result = run(body, use_model=True, **meta)
    return {(s.subject.removeprefix(ID), s.predicate.rsplit("#", 1)[1], s.obj.removeprefix(ID))
            for s in result.statements for e in s.evidence if e.rule == "pair-model"}


# -- the shipped model ------------------------------------------------------------------


def test_the_shipped_model_states_four_relations_and_says_how_it_was_trained():
    model = load_model()
    assert model is not None and MODEL_PATH.exists()
    assert set(model.thresholds) == {"contributesTo", "leads", "mandatedBy", "memberOf"}
    assert model.info["folders"] == ["tests/devset"] and model.info["texts"] == len(list(DEVSET.glob("*.txt")))
    assert not [n for n in model.weights if n.startswith(("partnerOf:", "p=partnerOf"))]


def test_the_model_adds_relations_the_rules_leave_out_with_the_sentence_as_evidence():
    body = "Ghanaian peacekeepers have been part of UNIFIL since 1979 and remain one of its largest contingents."
    assert not [s for s in run(body, date="2025-06-01").statements if s.predicate.endswith("contributesTo")]
    result = run(body, date="2025-06-01", use_model=True)
    (statement,) = [s for s in result.statements if s.predicate.endswith("contributesTo")]
    assert (statement.subject, statement.obj) == (ID + "state/gha", ID + "mission/unifil")
    (evidence,) = statement.evidence
    assert evidence.rule == "pair-model" and evidence.confidence >= 0.6
    assert evidence.quote == body == result.source.text[evidence.start:evidence.end]
    assert _model_relations("Nepalese and Indian battalions remain the backbone of UNMISS.", date="2025-06-01") == {
        ("state/npl", "contributesTo", "mission/unmiss"), ("state/ind", "contributesTo", "mission/unmiss")}


@pytest.mark.parametrize("body", [
    "Georgia will become a member of NATO.",
    "Serbia, a candidate for membership of the EU, and Norway met in Oslo.",
    "Ghana will send peacekeepers to UNIFIL next year.",
    "Moldova hopes to join the European Union.",
    "Nepal has not sent battalions to UNMISS.",
    "Nepalese battalions may soon be part of UNMISS.",
])
def test_a_wish_a_plan_a_candidacy_or_a_denial_is_not_a_relation(body):
    assert not {r for r in _model_relations(body, date="2025-06-01") if r[1] in ("memberOf", "contributesTo")}


def test_the_model_never_repeats_what_a_rule_states():
    _, result = extract_with_context(read_source(sorted(DEVSET.glob("*.txt"))[0]), load_model())
    assert [s for s in result.statements if s.evidence[0].rule == "pair-model"]
    for statement in result.statements:
        rules = {e.rule for e in statement.evidence}
        assert "pair-model" not in rules or rules == {"pair-model"}


def test_scoring_a_sentence_once_gives_the_scores_of_all_features():
    model = load_model()
    path = sorted(DEVSET.glob("*.txt"))[5]
    ctx, _ = extract_with_context(read_source(path), None)
    checked = 0
    for sentence in ctx.sentences:
        for a, b, relation, actors in candidates(ctx, sentence):
            full = model.score(features(ctx, sentence, a, b, relation, actors))
            split = model.score(features(ctx, sentence, a, b, relation, actors, sentence_words=False),
                                model.weight(sentence_features(ctx, sentence, relation)))
            assert full == pytest.approx(split)
            checked += 1
    assert checked > 10


def test_a_relation_without_a_threshold_is_never_stated():
    text = "Japan and Australia, with NATO, met the EU. Japan is a member of the G7."
    ctx, _ = extract_with_context(source_from_text(text, name="t.txt"), None)
    ctx.statements.clear()
    eager = PairModel(weights={}, intercept=10.0, thresholds={"memberOf": 0.5})
    find_model_relations(ctx, eager)
    predicates = {s.predicate.rsplit("#", 1)[1] for s in ctx.statements.values()}
    assert predicates == {"memberOf"}
    assert all(e.rule == "pair-model" for s in ctx.statements.values() for e in s.evidence)


def test_rules_alone_give_no_model_evidence():
    result = run("Ghanaian peacekeepers have been part of UNIFIL since 1979.", date="2025-06-01")
    assert not [e for s in result.statements for e in s.evidence if e.rule == "pair-model"]


# -- the model file -------------------------------------------------------------------


def test_a_model_survives_a_round_trip(tmp_path):
    model = PairModel(weights={"p=leads": 1.5, "leads:bw=of": -0.25}, intercept=-0.5, thresholds={"leads": 0.7},
                      info={"texts": 3})
    model.save(tmp_path / "m.json")
    again = PairModel.from_file(tmp_path / "m.json")
    assert again == model


@pytest.mark.parametrize("content, words", [
    ("{not json", "cannot read pair model"),
    ('{"format": "other"}', "not a pactgraph pair model"),
    ('{"format": "pactgraph-pair-model/1", "weights": {}, "intercept": 0, "thresholds": {"friendOf": 0.5}}',
     "unknown relation 'friendOf'"),
    ('{"format": "pactgraph-pair-model/1", "weights": {}, "thresholds": {}}', "intercept"),
])
def test_a_bad_model_file_is_refused_in_one_line(tmp_path, content, words):
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReferenceDataError) as caught:
        PairModel.from_file(path)
    message = str(caught.value)
    assert words in message and str(path) in message and "\n" not in message


# -- training -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_gold(tmp_path_factory) -> Path:
    return devset_sample(tmp_path_factory.mktemp("gold"), 6)


def test_training_is_deterministic_and_keeps_only_stated_relations(small_gold):
    from pactgraph.training import train_pair_model

    first = train_pair_model([small_gold])
    second = train_pair_model([small_gold])
    assert first.to_dict() == second.to_dict()
    assert first.info["texts"] == 6 and 0 < first.info["related"] < first.info["examples"]
    assert first.weights and all(n.split(":")[0].removeprefix("p=") in first.thresholds for n in first.weights)


@pytest.mark.parametrize("kwargs, words", [
    ({"thresholds": {"memberOf": 1.5}}, "not between 0 and 1"),
    ({"thresholds": {"friendOf": 0.5}}, "unknown relation"),
    ({"regularization": 0.0}, "must be positive"),
])
def test_training_refuses_bad_settings(small_gold, kwargs, words):
    from pactgraph.training import train_pair_model

    with pytest.raises(ParameterError, match=words):
        train_pair_model([small_gold], **kwargs)


def test_training_without_scikit_learn_says_how_to_install_it(small_gold, monkeypatch):
    from pactgraph.training import train_pair_model

    monkeypatch.setitem(sys.modules, "sklearn.linear_model", None)
    with pytest.raises(PactgraphError, match=r"pactgraph\[train\]"):
        train_pair_model([small_gold])


def test_training_a_folder_without_gold_is_a_source_error(tmp_path):
    from pactgraph.training import train_pair_model

    with pytest.raises(SourceError, match="not a folder"):
        train_pair_model([tmp_path / "missing"])


def test_the_train_command_writes_a_model_the_extractor_can_read(small_gold, tmp_path):
    out = tmp_path / "model.json"
    result = CliRunner().invoke(main, ["train", str(small_gold), "--out", str(out), "--threshold", "memberOf=0.7"])
    assert result.exit_code == 0, result.output
    assert "weights from" in result.output and "in 6 texts" in result.output
    model = PairModel.from_file(out)
    assert model.thresholds == {"memberOf": 0.7}
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "pactgraph-pair-model/1"


@pytest.mark.parametrize("args, code, words", [
    (["--threshold", "memberOf=high"], 2, "is not a number"),
    (["--threshold", "friendOf=0.5"], 2, "unknown relation"),
    (["--regularization", "-1"], 2, "must be positive"),
])
def test_the_train_command_refuses_bad_options_in_one_line(small_gold, tmp_path, args, code, words):
    out = tmp_path / "model.json"
    result = CliRunner().invoke(main, ["train", str(small_gold), "--out", str(out), *args])
    assert result.exit_code == code and words in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_the_train_command_reports_a_missing_folder_or_an_unwritable_output(small_gold, tmp_path):
    missing = CliRunner().invoke(main, ["train", str(tmp_path / "nowhere"), "--out", str(tmp_path / "m.json")])
    assert missing.exit_code == 3 and "not a folder" in missing.output
    assert len(missing.output.strip().splitlines()) == 1
    bad_out = CliRunner().invoke(main, ["train", str(small_gold), "--out", str(tmp_path / "no" / "m.json")])
    assert bad_out.exit_code == ReferenceDataError.exit_code and "cannot write pair model" in bad_out.output
    assert len(bad_out.output.strip().splitlines()) == 1


@pytest.mark.slow
def test_the_shipped_model_is_the_one_the_development_set_trains():
    """Retraining on tests/devset gives the shipped weights (to rounding): rerun ``pactgraph train tests/devset
    --out src/pactgraph/extract/pair_model.json`` after changing the rules' mentions or the development set."""
    from pactgraph.training import train_pair_model

    shipped = load_model()
    fresh = train_pair_model(["tests/devset"]) if Path("tests/devset").is_dir() else train_pair_model([DEVSET])
    common = set(shipped.weights) & set(fresh.weights)
    assert len(common) >= 0.98 * max(len(shipped.weights), len(fresh.weights))
    assert max(abs(shipped.weights[n] - fresh.weights[n]) for n in common) < 0.02
    assert fresh.thresholds == shipped.thresholds


def test_rules_only_leaves_the_model_out_of_extract_and_evaluate(small_gold, tmp_path):
    text = tmp_path / "ghana.txt"
    text.write_text("---\ndate: 2025-06-01\n---\nGhanaian peacekeepers have been part of UNIFIL since 1979.\n",
                    encoding="utf-8")
    both = CliRunner().invoke(main, ["extract", str(text)])
    rules = CliRunner().invoke(main, ["extract", str(text), "--rules-only"])
    assert both.exit_code == rules.exit_code == 0
    assert '"rule": "pair-model"' in both.output and "pair-model" not in rules.output
    scores = {}
    for flags in ([], ["--rules-only"]):
        result = CliRunner().invoke(main, ["evaluate", str(small_gold), "--no-speed", "--format", "json", *flags])
        assert result.exit_code == 0, result.output
        scores[bool(flags)] = json.loads(result.output)["scores"]["relations"]
    assert scores[True]["tp"] <= scores[False]["tp"] and scores[True]["fp"] <= scores[False]["fp"]
    assert scores[True] != scores[False]
