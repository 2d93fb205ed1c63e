"""Relations read by a trained model from two actors named in one sentence.

The rules of :mod:`.relations` read explicit constructions ("Italy leads KFOR", "troops to UNIFIL"). They are
precise, but texts state the same relations in many other words, so the rules alone miss about half of what
unseen texts say. This stage scores every pair of actors named in one sentence that the rules left unrelated, with
a logistic-regression model trained on the annotated development set (``pactgraph train``), and states the relation
when its score reaches that relation's threshold. The evidence quotes the sentence; its rule is ``pair-model`` and
its confidence is the score, so a query can keep or drop these statements (``FILTER(?rule != "pair-model")``).
A pair with a word of modality, negation, condition or candidacy between its actors ("will", "not", "if",
"candidate", "aspires", …) is never scored: what joins them is not stated as a fact.

A candidate pair is typed by the register kinds of its two actors:

==============  ==========================================  ===============================
relation        subject                                     object
==============  ==========================================  ===============================
contributesTo   state, organization, grouping or body       mission
leads           state, organization, grouping or body       mission
mandatedBy      mission                                     organization or body
memberOf        state                                       organization, grouping, framework or body
partnerOf       state, organization, grouping or body       the same (once per pair)
==============  ==========================================  ===============================

A relation without a threshold in the model (partnerOf in the shipped one) is never stated by it.

The features of a candidate are binary: the relation, the kinds and mention forms of both actors, their order,
their distance and the number of actors between and in the sentence, and the lower-cased words between them, just
before and after them, and anywhere in the sentence. Each is prefixed by the relation, so one linear model holds
one scorer per relation.

>>> model = PairModel(weights={"p=leads": 2.0}, intercept=-1.0, thresholds={"leads": 0.6})
>>> round(model.score(["p=leads", "leads:bw=the"]), 3)
0.731
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..namespaces import ID, ORG, PACT
from ..reference import KIND_CLASS
from .context import DocContext, Sentence
from .linear import logistic, read_model, summed, write_model
from .mentions import Mention
from .pipeline import texts_of

__all__ = ["MODEL_PATH", "PREDICATES", "PairModel", "candidates", "features", "find_model_relations", "load_model",
           "relations_for", "sentence_features"]

#: The model shipped with the extractor, trained on ``tests/devset``.
MODEL_PATH = Path(__file__).with_name("pair_model.json")

#: Relation name → predicate IRI.
PREDICATES = {
    "contributesTo": PACT + "contributesTo",
    "leads": PACT + "leads",
    "mandatedBy": PACT + "mandatedBy",
    "memberOf": ORG + "memberOf",
    "partnerOf": PACT + "partnerOf",
}

_RELATION_IRIS = frozenset(PREDICATES.values())
_AGENTS = frozenset({"state", "organization", "grouping", "body"})
_WINDOW = 4  # words read before the first actor and after the second
# Words between two actors that make what joins them a wish, a plan, a condition or a denial, not a fact: the
# model reads words, not clauses, so it would take "Georgia will become a member of NATO" or "Serbia, a candidate
# for membership of the EU" for memberships. Such a pair is left to the rules.
_HEDGES = frozenset("""will would shall should could might must can cannot not never no nor neither without
unless until if once whether hope hopes hoped hoping aspire aspires aspired aspiring aspiration aspirations seek seeks
sought seeking wish wishes wished want wants wanted intend intends intended intention plan plans planned planning
candidate candidates candidacy candidature aspirant aspirants invite invites invited invitation apply applies
applied application applying prospective future eventual eventually former formerly withdrew withdrawn withdrawal
left suspended ended terminated refused rejected declined ready prepared willing""".split())


def relations_for(subject_kind: str, object_kind: str) -> tuple[str, ...]:
    """The relations a pair of register kinds can hold, subject first."""
    out: list[str] = []
    if subject_kind in _AGENTS and object_kind == "mission":
        out += ["contributesTo", "leads"]
    if subject_kind == "mission" and object_kind in {"organization", "body"}:
        out.append("mandatedBy")
    if subject_kind == "state" and object_kind in {"organization", "grouping", "framework", "body"}:
        out.append("memberOf")
    if subject_kind in _AGENTS and object_kind in _AGENTS:
        out.append("partnerOf")
    return tuple(out)


_RELATIONS_FOR = {(a, b): relations_for(a, b) for a in KIND_CLASS for b in KIND_CLASS}


def candidates(ctx: DocContext, sentence: Sentence):
    """Yield ``(subject, object, relation, actors)`` for each typed pair of distinct actors named in ``sentence``.

    ``actors`` are the sentence's actor mentions, which the features count. A partnerOf pair is yielded once, in
    text order.
    """
    kinds = [(m, ctx.entity_kind(m.key)) for m in sentence.mentions if m.kind == "actor"]
    kinds = [(m, kind) for m, kind in kinds if kind]
    actors = [m for m, _ in kinds]
    for a, kind_a in kinds:
        for b, kind_b in kinds:
            if a.key == b.key:
                continue
            for relation in _RELATIONS_FOR.get((kind_a, kind_b), ()):
                if relation == "partnerOf" and a.start > b.start:
                    continue
                yield a, b, relation, actors


def features(ctx: DocContext, sentence: Sentence, a: Mention, b: Mention, relation: str,
             actors: list[Mention], sentence_words: bool = True) -> list[str]:
    """The binary features of the candidate ``a`` —relation→ ``b`` (see the module docstring).

    With ``sentence_words=False`` the words of the whole sentence are left out: they are the same for every
    candidate of a sentence, so :func:`find_model_relations` scores them once (:func:`sentence_features`).
    """
    p = relation
    first, last = (a, b) if a.start <= b.start else (b, a)
    lowers = ctx.lowers
    between = lowers[first.end:last.start]
    inside = sum(1 for m in actors if first.end <= m.start < last.start)
    out = [f"p={p}", f"{p}:ka={ctx.entity_kind(a.key)}", f"{p}:kb={ctx.entity_kind(b.key)}",
           f"{p}:order={'ab' if a.start < b.start else 'ba'}", f"{p}:forma={a.form}", f"{p}:formb={b.form}",
           f"{p}:dist={min(len(between), 20) // 4}", f"{p}:nb={min(inside, 3)}", f"{p}:nact={min(len(actors), 6)}"]
    out += [f"{p}:bw={w}" for w in set(between)]
    out += [f"{p}:pre={w}" for w in set(lowers[max(sentence.start, first.start - _WINDOW):first.start])]
    out += [f"{p}:post={w}" for w in set(lowers[last.end:min(sentence.end, last.end + _WINDOW)])]
    if sentence_words:
        out += sentence_features(ctx, sentence, p)
    return out


def sentence_features(ctx: DocContext, sentence: Sentence, relation: str) -> list[str]:
    """The features a candidate of ``relation`` takes from the words of its whole sentence."""
    return [f"{relation}:sw={w}" for w in set(ctx.lowers[sentence.start:sentence.end])]


@dataclass(slots=True)
class PairModel:
    """A linear scorer over candidate features, with a threshold per relation it may state."""

    weights: dict[str, float]
    intercept: float
    thresholds: dict[str, float]
    info: dict = field(default_factory=dict)  # how it was trained: folders, texts, examples, regularization

    def weight(self, names: list[str]) -> float:
        """The summed weights of these features."""
        return summed(self.weights, names)

    def score(self, names: list[str], extra: float = 0.0) -> float:
        """The probability the model gives a candidate with these features (plus ``extra``, weights summed
        beforehand)."""
        return logistic(self.weights, self.intercept, names, extra)

    def to_dict(self) -> dict:
        return {"format": "pactgraph-pair-model/1", "info": self.info, "intercept": self.intercept,
                "thresholds": self.thresholds, "weights": self.weights}

    def save(self, path: str | Path) -> None:
        """Write the model as JSON (weights sorted, so a retrained identical model gives an identical file)."""
        data = self.to_dict()
        data["weights"] = dict(sorted(self.weights.items()))
        write_model(path, data, "pair model")

    @classmethod
    def from_file(cls, path: str | Path) -> PairModel:
        """Read a model written by :meth:`save`.

        Raises
        ------
        ReferenceDataError
            If the file cannot be read or is not a pair model.
        """
        def parse(data: dict) -> PairModel:
            thresholds = {str(k): float(v) for k, v in data["thresholds"].items()}
            unknown = set(thresholds) - set(PREDICATES)
            if unknown:
                raise ValueError(f"unknown relation {sorted(unknown)[0]!r} in thresholds")
            return cls(weights={str(k): float(v) for k, v in data["weights"].items()},
                       intercept=float(data["intercept"]), thresholds=thresholds, info=dict(data.get("info", {})))

        return read_model(path, "pactgraph-pair-model/1", "pair model", parse)


@lru_cache(maxsize=1)
def load_model() -> PairModel | None:
    """The shipped model, or ``None`` when the package has none (the rules then run alone)."""
    return PairModel.from_file(MODEL_PATH) if MODEL_PATH.exists() else None


def _hedged(ctx: DocContext, a: Mention, b: Mention) -> bool:
    """Whether a word between the two actors makes what joins them less than a fact (see ``_HEDGES``); "may" only
    in lower case, so the month does not count."""
    first, last = (a, b) if a.start <= b.start else (b, a)
    between = ctx.lowers[first.end:last.start]
    if not _HEDGES.isdisjoint(between):
        return True
    return "may" in between and "may" in texts_of(ctx.doc)[first.end:last.start]


def find_model_relations(ctx: DocContext, model: PairModel) -> None:
    """State the relations ``model`` scores at or above their threshold, for pairs the rules left unrelated.

    A pair the rules relate in any way keeps only what the rules say ("NATO leads ISAF under the mandate of the
    UN" is not also "the UN leads ISAF"), and a mission gets one leader: the rules', else the best-scored one.
    """
    related = {frozenset((s, o)) for s, p, o in ctx.statements if p in _RELATION_IRIS}
    led = {o for s, p, o in ctx.statements if p == PREDICATES["leads"]}
    leaders: dict[str, dict[tuple, list]] = {}  # mission → leads key → [(score, sentence)]
    for sentence in ctx.sentences:
        whole: dict[str, float] = {}  # relation → weight of the sentence's words, the same for all its pairs
        for a, b, relation, actors in candidates(ctx, sentence):
            threshold = model.thresholds.get(relation)
            if threshold is None:
                continue
            key = (ID + a.key, PREDICATES[relation], ID + b.key)
            if frozenset((key[0], key[2])) in related or (relation == "leads" and key[2] in led):
                continue
            if _hedged(ctx, a, b):
                continue
            if relation not in whole:
                whole[relation] = model.weight(sentence_features(ctx, sentence, relation))
            names = features(ctx, sentence, a, b, relation, actors, sentence_words=False)
            score = model.score(names, whole[relation])
            if score < threshold:
                continue
            if relation == "leads":
                leaders.setdefault(key[2], {}).setdefault(key, []).append((score, sentence))
            else:
                ctx.state(*key, ctx.evidence(sentence, "pair-model", score))
    for found in leaders.values():
        key = max(found, key=lambda k: max(score for score, _ in found[k]))
        for score, sentence in found[key]:
            ctx.state(*key, ctx.evidence(sentence, "pair-model", score))
