"""The agreement model: agreements' conclusion and parties scored, its file, and its training."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import devset_sample
from pactgraph.cli import main
from pactgraph.errors import ParameterError, PactgraphError, ReferenceDataError
from pactgraph.extract import extract, extract_with_context
from pactgraph.extract.agreement_model import AgreementModel, Scorer, load_agreement_model
from pactgraph.namespaces import ID, PACT, RDF
from pactgraph.sources import source_from_text

DEVSET = Path(__file__).parent / "devset"

_HEADER = ("---\ntitle: Visit\ndate: 2025-06-01\npublisher: Ministry of Foreign Affairs of Ghana\n"
           "genre: press-release\n---\n")


def _model(concluded: dict | None = None, party: dict | None = None, *, concluded_at: float = 0.5,
           party_at: float = 0.5, party_intercept: float = 0.0) -> AgreementModel:
    """A hand-made model: the party scorer keeps the rules' parties (weight on every rule's feature) unless told
    otherwise."""
    keep = {"r=none": -6.0} if party is None else party
    return AgreementModel(concluded=Scorer(concluded or {}, -3.0, concluded_at),
                          party=Scorer(keep, party_intercept if party is not None else 3.0, party_at))


def _run(body: str, model: AgreementModel | None):
    source = source_from_text(_HEADER + body, name="visit.txt")
    return extract_with_context(source, None, agreement_model=model)[1]


def _evidence(result, rule: str):
    return [(s, e) for s in result.statements for e in s.evidence if e.rule == rule]


_WELCOMED = ("President Mahama received President Tinubu of Nigeria in Accra. The Memorandum of Understanding on "
             "Defence Cooperation between Ghana and Nigeria was welcomed as a milestone by the two leaders.")


# -- conclusion -----------------------------------------------------------------------


def test_a_mention_the_model_concludes_is_an_agreement_typed_by_the_model():
    assert not _run(_WELCOMED.replace("between Ghana and Nigeria ", ""), None).agreements
    model = _model(concluded={"a=welcomed": 4.0})
    result = _run(_WELCOMED.replace("between Ghana and Nigeria ", ""), model)
    assert [a.name for a in result.agreements] == ["Memorandum of Understanding on Defence Cooperation"]
    typed = [(s, e) for s, e in _evidence(result, "agreement-conclusion-model") if s.predicate == RDF + "type"]
    assert {s.obj for s, _ in typed} == {PACT + "MemorandumOfUnderstanding", PACT + "Agreement"}
    score = round(1 / (1 + 2.718281828459045 ** -1.0), 2)  # (evidence confidences have two decimals)
    assert all(e.confidence == score and "was welcomed" in e.quote for _, e in typed)


def test_an_agreement_the_rules_record_anyway_keeps_the_rules_evidence():
    # its name joins two actors, so the rules record it whether or not it is concluded
    result = _run(_WELCOMED, _model(concluded={"a=welcomed": 4.0}))
    assert [a.name for a in result.agreements] == ["Memorandum of Understanding on Defence Cooperation between "
                                                   "Ghana and Nigeria"]
    assert not _evidence(result, "agreement-conclusion-model")
    assert _evidence(result, "agreement-genre-pattern")


def test_a_planned_agreement_stays_planned_whatever_the_model_says():
    yes = _model(concluded={"k=MemorandumOfUnderstanding": 9.0})
    # the rules leave this one open, so the model concludes it …
    open_one = _WELCOMED.replace("between Ghana and Nigeria ", "").replace("Defence Cooperation", "Border Security")
    assert [a.name for a in _run(open_one, yes).agreements] == ["Memorandum of Understanding on Border Security"]
    # … but this one is only being negotiated (not concluded, and planned), so the model never scores it
    planned = "Ghana and Togo are negotiating a Memorandum of Understanding on Border Security."
    assert not _run(planned, yes).agreements


# -- parties --------------------------------------------------------------------------


def test_a_party_only_the_model_chooses_is_shown_by_the_sentence_that_names_it():
    body = ("Ghana and Togo signed the Memorandum of Understanding on Border Security at the ECOWAS summit in Abuja. "
            "The African Union welcomed it.")
    rules = _run(body, _model())
    assert [sorted(a.parties) for a in rules.agreements] == [[ID + "state/gha", ID + "state/tgo"]]
    result = _run(body, _model(party={"r=none": -6.0, "k=organization": 9.0}))
    assert sorted(result.agreements[0].parties) == sorted(ID + k for k in (
        "state/gha", "state/tgo", "org/ecowas", "org/african-union"))
    added = {s.obj.removeprefix(ID): e for s, e in _evidence(result, "agreement-party-model")}
    assert set(added) == {"org/ecowas", "org/african-union"}
    text = result.source.text
    assert all(e.quote == text[e.start:e.end] and e.confidence == 0.95 for e in added.values())
    assert added["org/ecowas"].quote.startswith("Ghana and Togo signed")
    assert added["org/african-union"].quote == "The African Union welcomed it."


def test_a_party_the_model_turns_down_is_dropped_and_the_rest_keep_their_rules():
    body = "Ghana and Togo signed a Memorandum of Understanding on Border Security in Accra today."
    rules = _run(body, _model())
    assert sorted(rules.agreements[0].parties) == [ID + "state/gha", ID + "state/tgo"]
    kept = _evidence(rules, "agreement-party-in-signing-sentence")
    result = _run(body, _model(party={"r=none": -3.0, "k=state": 3.0, "pub": -9.0}))
    assert result.agreements[0].parties == [ID + "state/tgo"]
    assert {s.obj for s, _ in _evidence(result, "agreement-party-in-signing-sentence")} == {ID + "state/tgo"}
    assert len(kept) == 2 and not _evidence(result, "agreement-party-model")


def test_an_agreement_whose_candidates_the_model_all_turns_down_keeps_the_rules_parties():
    body = "Ghana and Togo signed a Memorandum of Understanding on Border Security in Accra today."
    result = _run(body, _model(party={}, party_intercept=-9.0))
    assert [sorted(a.parties) for a in result.agreements] == [[ID + "state/gha", ID + "state/tgo"]]
    assert "gha" in result.agreements[0].iri and not _evidence(result, "agreement-party-model")


def test_a_well_known_agreements_parties_are_never_scored():
    # (one signed before the text's day: the Pukpuk Treaty, signed on 6 October 2025, is not yet one on 1 June)
    body = "Ghana's minister recalled the Lombok Treaty between Australia and Indonesia."
    nobody = _model(party={}, party_intercept=-9.0)
    assert [a.parties for a in _run(body, nobody).agreements] == [[ID + "state/aus", ID + "state/idn"]]


def test_rules_only_gives_no_agreement_model_evidence():
    body = _WELCOMED.replace("between Ghana and Nigeria ", "")
    result = extract(source_from_text(_HEADER + body, name="visit.txt"), use_model=False)
    assert not _evidence(result, "agreement-conclusion-model") and not _evidence(result, "agreement-party-model")


# -- the shipped model ----------------------------------------------------------------


def test_the_shipped_model_says_how_it_was_trained():
    model = load_agreement_model()
    assert model is not None and model.info["texts"] >= 400
    assert model.info["concluded"]["positive"] > 1000 and model.info["party"]["positive"] > 1000
    assert (model.concluded.threshold, model.party.threshold) == (0.5, 0.3)


def test_the_shipped_model_reads_a_development_text_with_exact_quotes():
    path = sorted(DEVSET.glob("*.txt"))[0]
    from pactgraph.sources import read_source

    source = read_source(path)
    result = extract(source)
    for statement in result.statements:
        for ev in statement.evidence:
            assert ev.quote == source.text[ev.start:ev.end]


# -- the model file -------------------------------------------------------------------


def test_a_model_survives_a_round_trip(tmp_path):
    model = AgreementModel(concluded=Scorer({"a=signed": 2.5}, -1.0, 0.6), party=Scorer({"main": 1.0}, 0.5, 0.3),
                           info={"texts": 3})
    model.save(tmp_path / "m.json")
    assert AgreementModel.from_file(tmp_path / "m.json") == model


@pytest.mark.parametrize("content, words", [
    ("{not json", "cannot read agreement model"),
    ('{"format": "pactgraph-pair-model/1"}', "not a pactgraph agreement model"),
    ('{"format": "pactgraph-agreement-model/1", "scorers": {"concluded": '
     '{"intercept": 0, "threshold": 0.5, "weights": {}}}}', "'party'"),
    ('{"format": "pactgraph-agreement-model/1", "scorers": {"concluded": {"intercept": 0, "threshold": 1.5, '
     '"weights": {}}, "party": {"intercept": 0, "threshold": 0.3, "weights": {}}}}', "not between 0 and 1"),
    ('{"format": "pactgraph-agreement-model/1", "scorers": {"concluded": {"intercept": 0, "threshold": 0.5, '
     '"weights": {"a=signed": NaN}}, "party": {"intercept": 0, "threshold": 0.3, "weights": {}}}}', "not a finite"),
])
def test_a_bad_model_file_is_refused_in_one_line(tmp_path, content, words):
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReferenceDataError) as caught:
        AgreementModel.from_file(path)
    message = str(caught.value)
    assert words in message and str(path) in message and "\n" not in message


# -- training -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_gold(tmp_path_factory) -> Path:
    return devset_sample(tmp_path_factory.mktemp("gold"), 8)


def test_training_is_deterministic_and_labels_both_scorers(small_gold):
    from pactgraph.training import agreement_examples, train_agreement_model

    first = train_agreement_model([small_gold])
    assert first.to_dict() == train_agreement_model([small_gold]).to_dict()
    assert first.info["texts"] == 8
    for scorer in ("concluded", "party"):
        assert 0 < first.info[scorer]["positive"] < first.info[scorer]["examples"]
    examples = list(agreement_examples(small_gold))
    assert {s for s, *_ in examples} == {"concluded", "party"}
    assert any("r=none" in f for s, _, f, _ in examples if s == "party")


def test_the_training_recorder_changes_nothing_the_rules_decide():
    from pactgraph.sources import read_source
    from pactgraph.training import _Recorder

    for path in sorted(DEVSET.glob("*.txt"))[:12]:
        rules = extract_with_context(read_source(path), None)[1]
        recorder = _Recorder()
        recorded = extract_with_context(read_source(path), None, agreement_model=recorder)[1]
        assert [(s.subject, s.predicate, s.obj) for s in rules.statements] == \
            [(s.subject, s.predicate, s.obj) for s in recorded.statements]
        assert len(recorder.mentions) >= len(rules.agreements) > 0 or not rules.agreements


@pytest.mark.parametrize("kwargs, words", [
    ({"thresholds": {"party": 1.5}}, "not between 0 and 1"),
    ({"thresholds": {"signed": 0.5}}, "unknown scorer"),
    ({"regularization": 0.0}, "must be positive"),
])
def test_training_refuses_bad_settings(small_gold, kwargs, words):
    from pactgraph.training import train_agreement_model

    with pytest.raises(ParameterError, match=words):
        train_agreement_model([small_gold], **kwargs)


def test_training_without_scikit_learn_says_how_to_install_it(small_gold, monkeypatch):
    from pactgraph.training import train_agreement_model

    monkeypatch.setitem(sys.modules, "sklearn.linear_model", None)
    with pytest.raises(PactgraphError, match=r"pactgraph\[train\]"):
        train_agreement_model([small_gold])


def test_the_train_command_writes_an_agreement_model_the_extractor_can_read(small_gold, tmp_path):
    out = tmp_path / "model.json"
    result = CliRunner().invoke(main, ["train", str(small_gold), "--model", "agreements", "--out", str(out),
                                       "--threshold", "party=0.4"])
    assert result.exit_code == 0, result.output
    assert "candidate parties" in result.output and "in 8 texts" in result.output
    model = AgreementModel.from_file(out)
    assert (model.concluded.threshold, model.party.threshold) == (0.5, 0.4)
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "pactgraph-agreement-model/1"


@pytest.mark.parametrize("args, words", [
    (["--threshold", "party=high"], "is not a number"),
    (["--threshold", "memberOf=0.5"], "unknown scorer"),
    (["--model", "people"], "Invalid value for '--model'"),
])
def test_the_train_command_refuses_bad_options_in_one_line(small_gold, tmp_path, args, words):
    out = tmp_path / "model.json"
    result = CliRunner().invoke(main, ["train", str(small_gold), "--model", "agreements", "--out", str(out), *args])
    assert result.exit_code == 2 and words in result.output and not out.exists()
    assert result.output.count("\n") == 1


@pytest.mark.slow
def test_the_shipped_model_is_the_one_the_development_set_trains():
    """Retraining on tests/devset gives the shipped weights (to rounding): rerun ``pactgraph train tests/devset
    --model agreements --out src/pactgraph/extract/agreement_model.json`` after changing the rules or the set."""
    from pactgraph.training import train_agreement_model

    shipped = load_agreement_model()
    fresh = train_agreement_model([DEVSET])
    for name in ("concluded", "party"):
        a, b = getattr(shipped, name), getattr(fresh, name)
        common = set(a.weights) & set(b.weights)
        assert len(common) >= 0.98 * max(len(a.weights), len(b.weights))
        assert max(abs(a.weights[n] - b.weights[n]) for n in common) < 0.02
        assert a.threshold == b.threshold


def test_a_party_only_the_model_chooses_makes_no_partner_by_agreement():
    body = "Ghana and Togo signed the Memorandum of Understanding on Border Security in Accra. The African Union welcomed it."
    result = _run(body, _model(party={"r=none": -6.0, "k=organization": 9.0}))
    assert sorted(result.agreements[0].parties) == sorted(ID + k for k in ("state/gha", "state/tgo",
                                                                             "org/african-union"))
    partners = {frozenset((s.subject.removeprefix(ID), s.obj.removeprefix(ID))) for s, _ in
                _evidence(result, "partner-by-agreement")}
    assert partners == {frozenset(("state/gha", "state/tgo"))}


def test_a_corrupt_shipped_model_stops_ingest_in_one_line_and_leaves_the_store(fresh_store, tmp_path, monkeypatch):
    from conftest import store_digest
    from pactgraph.extract import agreement_model

    bad = tmp_path / "agreement_model.json"
    bad.write_text('{"format": "pactgraph-agreement-model/1"', encoding="utf-8")
    monkeypatch.setattr(agreement_model, "MODEL_PATH", bad)
    agreement_model.load_agreement_model.cache_clear()
    before = store_digest(fresh_store)
    try:
        result = CliRunner().invoke(main, ["ingest", str(DEVSET / "01-nato-mongolia-itpp.txt"),
                                           "--store", str(fresh_store)])
    finally:
        agreement_model.load_agreement_model.cache_clear()
    assert result.exit_code != 0 and "cannot read agreement model" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert store_digest(fresh_store) == before
