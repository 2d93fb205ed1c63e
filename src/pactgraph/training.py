"""Train the pair model (:mod:`pactgraph.extract.pairs`) and the agreement model
(:mod:`pactgraph.extract.agreement_model`) on gold folders.

Pair model: every typed pair of actors named in one sentence of a gold text is an example. Its features are those
the extractor computes; its label is whether the gold annotation holds that relation between the two actors. All
pairs count, including those the rules already state, so the model learns how texts word each relation and not
only what the rules miss.

Agreement model: every agreement mention and every candidate party of an agreement aligned with the gold is an
example (see :func:`agreement_examples`), read from a rules-only run.

The fit is scikit-learn's L2-regularized logistic regression (an optional dependency: ``pip install
'pactgraph[train]'``); the result is plain weights, so extraction itself never needs scikit-learn.

Retraining the shipped models after the rules or the development set change::

    pactgraph train tests/devset --out src/pactgraph/extract/pair_model.json
    pactgraph train tests/devset --model agreements --out src/pactgraph/extract/agreement_model.json
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import ParameterError, PactgraphError

__all__ = ["AGREEMENT_THRESHOLDS", "DEFAULT_THRESHOLDS", "agreement_examples", "pair_examples",
           "train_agreement_model", "train_pair_model"]

#: Thresholds of the shipped model. They were chosen on the held-out set (tests/heldout): 0.6 keeps the added
#: relations right more often than wrong there; partnerOf has none, because the model's partnerships were right
#: only about a third of the time at any threshold.
DEFAULT_THRESHOLDS = {"contributesTo": 0.6, "leads": 0.6, "mandatedBy": 0.6, "memberOf": 0.6}


def pair_examples(folder: str | Path) -> Iterator[tuple[str, list[str], bool]]:
    """Yield ``(text name, features, label)`` for every candidate pair of the texts of a gold folder.

    Raises
    ------
    SourceError
        If the folder holds no text/gold pair, or a file cannot be read.
    """
    from .evaluate import gold_pairs, read_gold, relation_key
    from .extract import extract_with_context
    from .extract.pairs import candidates, features
    from .sources import read_source

    register, gold_id = _register_ids()
    for text_path, gold_path in gold_pairs(folder):
        held = {relation_key(r) for r in read_gold(gold_path, register).get("relations", [])}
        ctx, _ = extract_with_context(read_source(text_path), None)
        for sentence in ctx.sentences:
            for a, b, relation, actors in candidates(ctx, sentence):
                key = relation_key({"s": gold_id[a.key], "p": relation, "o": gold_id[b.key]})
                yield text_path.name, features(ctx, sentence, a, b, relation, actors), key in held


def train_pair_model(folders: Sequence[str | Path], regularization: float = 0.3,
                     thresholds: dict[str, float] | None = None, min_weight: float = 0.02):
    """Fit a :class:`~pactgraph.extract.pairs.PairModel` on the texts of ``folders``.

    Parameters
    ----------
    folders
        Gold folders (``NAME.txt`` beside ``NAME.expected.json``).
    regularization
        scikit-learn's ``C``: smaller is smoother.
    thresholds
        Relation → score at or above which the model states it; relations left out are never stated.
    min_weight
        Weights smaller than this in absolute value are dropped, and so are those of relations without a threshold,
        which keeps the file small.

    Raises
    ------
    ParameterError
        If a threshold is outside 0–1 or names an unknown relation, or ``regularization`` is not positive.
    PactgraphError
        If scikit-learn is not installed, or the folders hold no positive or no negative example.
    """
    from .extract.pairs import PREDICATES, PairModel

    thresholds = dict(DEFAULT_THRESHOLDS if thresholds is None else thresholds)
    _check_settings(thresholds, PREDICATES, "relation", regularization)
    rows, labels, texts = [], [], set()
    for folder in folders:
        for name, names, label in pair_examples(folder):
            rows.append(dict.fromkeys(names, 1))
            labels.append(label)
            texts.add((str(folder), name))
    if not any(labels) or all(labels):
        raise PactgraphError(f"{', '.join(map(str, folders))}: training needs both related and unrelated pairs "
                             f"({sum(labels)} of {len(labels)} candidate pairs are related)")
    stated = {f"p={r}" for r in thresholds} | {f"{r}:" for r in thresholds}
    weights, intercept = _fit(rows, labels, regularization, min_weight,
                              lambda name: name in stated or name[:name.find(":") + 1] in stated)
    info = {"folders": [str(f) for f in folders], "texts": len(texts), "examples": len(labels),
            "related": int(sum(labels)), "regularization": regularization, "min_weight": min_weight}
    return PairModel(weights=weights, intercept=intercept, thresholds=thresholds, info=info)


#: Thresholds of the shipped agreement model (:mod:`pactgraph.extract.agreement_model`). They were chosen on the
#: held-out set (tests/heldout) from concluded 0.5, 0.6 or 0.7 and party 0.3, 0.4 or 0.5: agreement-party F1 moved by
#: at most 0.005 across the nine, and these two give the most recall, which is what the rules lack on unseen text.
AGREEMENT_THRESHOLDS = {"concluded": 0.5, "party": 0.3}


class _Recorder:
    """Takes the agreement model's place during a rules-only extraction: keeps the features of every agreement
    mention and of every agreement's candidate parties, and changes nothing."""

    def __init__(self) -> None:
        self.mentions: list[tuple[str, list[str]]] = []  # (name, features)
        # (name, parties) → for each agreement so recorded, in order: candidate key → features
        self.agreements: dict[tuple, list[dict]] = {}

    def concluded_mentions(self, ctx, mentions) -> list:
        from .extract.agreement_model import mention_features

        self.mentions += [(m.name, mention_features(ctx, m)) for m in mentions]
        return []

    def chosen_parties(self, name: str, shared: list[str], candidates: dict) -> dict[str, float]:
        chosen = {key: 1.0 for key, (names, _) in candidates.items() if "r=none" not in names}
        self.agreements.setdefault((name, frozenset(chosen)), []).append(
            {key: names + shared for key, (names, _) in candidates.items()})
        return chosen


def agreement_examples(folder: str | Path) -> Iterator[tuple[str, str, list[str], bool]]:
    """Yield ``(scorer, text name, features, label)`` for the agreement model (see
    :mod:`pactgraph.extract.agreement_model`), from a rules-only extraction of each text of a gold folder.

    A mention is concluded when the words of its name and of an agreement of the gold overlap by at least half of
    the words of both (a Jaccard index of 0.5 or more, as :mod:`pactgraph.evaluate` compares names). A candidate
    is a party when its agreement is aligned with one of the gold (as :mod:`pactgraph.evaluate` aligns them) and
    the gold lists it; the candidates of agreements the gold lacks are not examples.

    Raises
    ------
    SourceError
        If the folder holds no text/gold pair, or a file cannot be read.
    """
    from .evaluate import _align_agreements, _name_words, gold_pairs, predict, read_gold
    from .extract import extract_with_context
    from .namespaces import ID
    from .sources import read_source

    register, gold_id = _register_ids()
    for text_path, gold_path in gold_pairs(folder):
        gold = read_gold(gold_path, register).get("agreements", [])
        recorder = _Recorder()
        _, extraction = extract_with_context(read_source(text_path), None, agreement_model=recorder)
        names = [_name_words(g.get("name", "")) for g in gold]
        for name, features in recorder.mentions:
            words = _name_words(name)
            yield "concluded", text_path.name, features, any(
                words and len(words & g) / len(words | g) >= 0.5 for g in names)
        found = predict(extraction)["agreements"]
        aligned = {j: i for i, j in _align_agreements(gold, found)}
        for j, agreement in enumerate(extraction.agreements):
            # (agreements of one name and parties were recorded in the order they are listed)
            key = (agreement.name, frozenset(p.removeprefix(ID) for p in agreement.parties))
            recorded = recorder.agreements.get(key)
            candidates = recorded.pop(0) if recorded else {}
            if j not in aligned:
                continue
            parties = set(gold[aligned[j]].get("parties", []))
            for candidate, features in candidates.items():
                yield "party", text_path.name, features, gold_id.get(candidate, candidate) in parties


def train_agreement_model(folders: Sequence[str | Path], regularization: float = 0.3,
                          thresholds: dict[str, float] | None = None, min_weight: float = 0.02):
    """Fit an :class:`~pactgraph.extract.agreement_model.AgreementModel` on the texts of ``folders``.

    ``regularization``, ``thresholds`` (``concluded`` and ``party``, defaults :data:`AGREEMENT_THRESHOLDS`) and
    ``min_weight`` are as for :func:`train_pair_model`.

    Raises
    ------
    ParameterError
        If a threshold is outside 0–1 or names an unknown scorer, or ``regularization`` is not positive.
    PactgraphError
        If scikit-learn is not installed, or a scorer has no positive or no negative example.
    """
    from .extract.agreement_model import SCORERS, AgreementModel, Scorer

    thresholds = {**AGREEMENT_THRESHOLDS, **(thresholds or {})}
    _check_settings(thresholds, SCORERS, "scorer", regularization)
    from .evaluate import gold_pairs

    rows: dict[str, tuple[list, list]] = {name: ([], []) for name in SCORERS}
    for folder in folders:
        for scorer, _, features, label in agreement_examples(folder):
            rows[scorer][0].append(dict.fromkeys(features, 1))
            rows[scorer][1].append(label)
    texts = {(str(folder), text.name) for folder in folders for text, _ in gold_pairs(folder)}  # (also those with none)
    scorers, info = {}, {"folders": [str(f) for f in folders], "texts": len(texts), "regularization": regularization,
                         "min_weight": min_weight}
    for scorer, (features, labels) in rows.items():
        if not any(labels) or all(labels):
            raise PactgraphError(f"{', '.join(map(str, folders))}: the {scorer} scorer needs both positive and "
                                 f"negative examples ({sum(labels)} of {len(labels)} are positive)")
        weights, intercept = _fit(features, labels, regularization, min_weight)
        scorers[scorer] = Scorer(weights, intercept, thresholds[scorer])
        info[scorer] = {"examples": len(labels), "positive": int(sum(labels))}
    return AgreementModel(info=info, **scorers)


def _check_settings(thresholds: dict[str, float], known, what: str, regularization: float) -> None:
    """Refuse a threshold for an unknown relation or scorer (``what``), outside 0–1, or a regularization that is not
    positive; and say so at once when scikit-learn is not installed (before any text is read)."""
    for name, value in thresholds.items():
        if name not in known:
            raise ParameterError(f"threshold for {name!r}: unknown {what} (one of: {', '.join(known)})")
        if not 0.0 <= value <= 1.0:
            raise ParameterError(f"threshold for {name!r}: {value} is not between 0 and 1")
    if regularization <= 0:
        raise ParameterError(f"regularization {regularization}: must be positive")
    _sklearn()


def _fit(rows: list[dict], labels: list[bool], regularization: float, min_weight: float,
         keep=lambda name: True) -> tuple[dict[str, float], float]:
    """A logistic regression over binary features: the weights (rounded, those under ``min_weight`` in absolute value
    or not kept by ``keep`` left out) and the intercept."""
    DictVectorizer, LogisticRegression = _sklearn()
    vectorizer = DictVectorizer()
    fit = LogisticRegression(C=regularization, max_iter=5000).fit(vectorizer.fit_transform(rows), labels)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), fit.coef_[0])
               if abs(w) >= min_weight and keep(name)}
    return weights, round(float(fit.intercept_[0]), 4)


def _register_ids():
    """The actor register, and each register key → the identifier the gold files use (its QID, else the key)."""
    from .extract.pipeline import get_gazetteer

    register = get_gazetteer().register
    return register, {e.key: e.wikidata or e.key for e in register.entities.values()}


def _sklearn():
    """scikit-learn's DictVectorizer and LogisticRegression, or a clear error when it is not installed."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise PactgraphError("training needs scikit-learn, which is not installed "
                             "(pip install 'pactgraph[train]')") from None
    return DictVectorizer, LogisticRegression
