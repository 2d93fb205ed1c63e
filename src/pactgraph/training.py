"""Train the pair model (:mod:`pactgraph.extract.pairs`) on gold folders.

Every typed pair of actors named in one sentence of a gold text is an example. Its features are those the
extractor computes; its label is whether the gold annotation holds that relation between the two actors. All
pairs count, including those the rules already state, so the model learns how texts word each relation and not
only what the rules miss. The fit is scikit-learn's L2-regularized logistic regression (an optional dependency:
``pip install 'pactgraph[train]'``); the result is plain weights, so extraction itself never needs scikit-learn.

Retraining the shipped model after the development set changes::

    pactgraph train tests/devset --out src/pactgraph/extract/pair_model.json
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import ParameterError, PactgraphError

__all__ = ["DEFAULT_THRESHOLDS", "pair_examples", "train_pair_model"]

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
    from .extract.pipeline import get_gazetteer
    from .sources import read_source

    register = get_gazetteer().register
    gold_id = {e.key: e.wikidata or e.key for e in register.entities.values()}
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
    for relation, value in thresholds.items():
        if relation not in PREDICATES:
            raise ParameterError(f"threshold for {relation!r}: unknown relation (one of: {', '.join(PREDICATES)})")
        if not 0.0 <= value <= 1.0:
            raise ParameterError(f"threshold for {relation!r}: {value} is not between 0 and 1")
    if regularization <= 0:
        raise ParameterError(f"regularization {regularization}: must be positive")
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise PactgraphError("training needs scikit-learn, which is not installed "
                             "(pip install 'pactgraph[train]')") from None
    rows, labels, texts = [], [], set()
    for folder in folders:
        for name, names, label in pair_examples(folder):
            rows.append(dict.fromkeys(names, 1))
            labels.append(label)
            texts.add((str(folder), name))
    if not any(labels) or all(labels):
        raise PactgraphError(f"{', '.join(map(str, folders))}: training needs both related and unrelated pairs "
                             f"({sum(labels)} of {len(labels)} candidate pairs are related)")
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    fit = LogisticRegression(C=regularization, max_iter=5000).fit(matrix, labels)
    stated = {f"p={r}" for r in thresholds} | {f"{r}:" for r in thresholds}
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), fit.coef_[0])
               if abs(w) >= min_weight and (name in stated or name[:name.find(":") + 1] in stated)}
    info = {"folders": [str(f) for f in folders], "texts": len(texts), "examples": len(labels),
            "related": int(sum(labels)), "regularization": regularization, "min_weight": min_weight}
    return PairModel(weights=weights, intercept=round(float(fit.intercept_[0]), 4), thresholds=thresholds, info=info)
