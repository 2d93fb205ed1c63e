"""Agreements' conclusion and parties scored by a model trained on the annotated development set.

The rules of :mod:`.agreements` decide whether a text presents an agreement as concluded, and who its parties are,
from constructions they know ("A and B signed …", "between A and B", "… which A concluded with B"). They fit the
texts they were written on; on texts no one read, they miss a concluded agreement whose wording they lack, and take
the wrong actor of a long sentence as a party. Two linear scorers, fitted on the development set with ``pactgraph
train --model agreements``, give a second opinion:

* **concluded** scores each agreement mention the rules did not read as concluded (nor as only planned), from the
  words around its name and in its sentence, its genre and what the rules noted about it. A mention scored at or
  above the threshold counts as concluded. An agreement concluded only this way is typed with the rule
  ``agreement-conclusion-model``, and the score as the confidence.
* **party** scores every candidate party of a recorded agreement: the parties the rules chose (with the rule that
  chose them as a feature), the text's main actors and publisher, the actors and the posts' actors of the sentences
  naming the agreement, and the actors of the sentences just before and after. The parties are the candidates
  scored at or above the threshold. A party only the model chose has the rule ``agreement-party-model``, with its
  score as the confidence and the sentence naming it (or the agreement's first) as evidence. A well-known
  agreement's parties (``agreements.csv``) are facts, and are never scored.

``extract(..., use_model=False)`` (``--rules-only``) runs the rules alone. The features are binary and named by
what they test (``r=agreement-party-in-name``, ``pos=before``, ``bwbefore=signed``, ``k=state``); the weights are
plain numbers in ``agreement_model.json``, so extraction never needs scikit-learn.

>>> scorer = Scorer(weights={"k=state": 1.5}, intercept=-1.0, threshold=0.5)
>>> round(scorer.score(["k=state", "unknown"]), 3)
0.622
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .context import DocContext, Sentence
from .linear import logistic, read_model, summed, write_model

__all__ = ["MODEL_PATH", "SCORERS", "AgreementModel", "Scorer", "load_agreement_model", "mention_features",
           "party_candidates"]

#: The model shipped with the extractor, trained on ``tests/devset``.
MODEL_PATH = Path(__file__).with_name("agreement_model.json")

#: The model's scorers: an agreement mention concluded, a candidate a party.
SCORERS = ("concluded", "party")

_FORMAT = "pactgraph-agreement-model/1"
_WINDOW = 6  # words read before and after an agreement's name
_CANDIDATE_KINDS = frozenset({"state", "organization", "grouping", "framework", "body", "mission"})
_DISTANCES = (0, 1, 2, 3, 5, 8, 12, 20)  # buckets of words between a candidate and the agreement's name
_COMBINED = ("pos=", "main", "own", "office", "form=", "conc", "inclause", "otherclause")  # also read with the kind


def _bucket(n: int, cuts: tuple[int, ...] = (0, 1, 2, 3, 5, 8)) -> int:
    return max(c for c in cuts if n >= c)


@dataclass(slots=True)
class Scorer:
    """A logistic scorer over binary features, and the score at or above which its answer is yes."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    def weight(self, names: Iterable[str]) -> float:
        """The summed weights of these features."""
        return summed(self.weights, names)

    def score(self, names: Iterable[str], extra: float = 0.0) -> float:
        """The probability of yes for a case with these features (plus ``extra``, weights summed beforehand)."""
        return logistic(self.weights, self.intercept, names, extra)


@dataclass(slots=True)
class AgreementModel:
    """The two scorers (see the module docstring) and how they were trained."""

    concluded: Scorer
    party: Scorer
    info: dict = field(default_factory=dict)

    def concluded_mentions(self, ctx: DocContext, mentions) -> list[tuple[object, float]]:
        """The mentions the rules read neither as concluded nor as only planned nor as cited as a standard that this
        model concludes, each with its score."""
        out = []
        for m in mentions:
            if not (m.concluded or m.not_yet or m.cited):
                score = self.concluded.score(mention_features(ctx, m))
                if score >= self.concluded.threshold:
                    out.append((m, score))
        return out

    def chosen_parties(self, name: str, shared: list[str],
                       candidates: dict[str, tuple[list[str], Sentence | None]]) -> dict[str, float]:
        """The candidates (see :func:`party_candidates`) this model makes parties of the agreement ``name``, each
        with its score; ``shared`` are the features all its candidates have."""
        base = self.party.weight(shared)
        out = {}
        for key, (names, _) in candidates.items():
            score = self.party.score(names, base)
            if score >= self.party.threshold:
                out[key] = score
        return out

    def to_dict(self) -> dict:
        return {"format": _FORMAT, "info": self.info,
                "scorers": {name: {"intercept": s.intercept, "threshold": s.threshold,
                                   "weights": dict(sorted(s.weights.items()))}
                            for name, s in (("concluded", self.concluded), ("party", self.party))}}

    def save(self, path: str | Path) -> None:
        """Write the model as JSON (weights sorted, so a retrained identical model gives an identical file)."""
        write_model(path, self.to_dict(), "agreement model")

    @classmethod
    def from_file(cls, path: str | Path) -> AgreementModel:
        """Read a model written by :meth:`save`.

        Raises
        ------
        ReferenceDataError
            If the file cannot be read or is not an agreement model.
        """
        def parse(data: dict) -> AgreementModel:
            scorers = {}
            for name in SCORERS:
                s = data["scorers"][name]
                threshold = float(s["threshold"])
                if not 0.0 <= threshold <= 1.0:
                    raise ValueError(f"{name} threshold {threshold} is not between 0 and 1")
                weights = {str(k): float(v) for k, v in s["weights"].items()}
                intercept = float(s["intercept"])
                if not all(map(math.isfinite, [intercept, *weights.values()])):
                    raise ValueError(f"{name} scorer has a weight that is not a finite number")
                scorers[name] = Scorer(weights, intercept, threshold)
            return cls(info=dict(data.get("info", {})), **scorers)

        return read_model(path, _FORMAT, "agreement model", parse)


@lru_cache(maxsize=1)
def load_agreement_model() -> AgreementModel | None:
    """The shipped model, or ``None`` when the package has none (the rules then run alone)."""
    return AgreementModel.from_file(MODEL_PATH) if MODEL_PATH.exists() else None


def mention_features(ctx: DocContext, mention) -> list[str]:
    """The features of an agreement mention (an ``agreements.mentions._AgreementMention``) for the concluded scorer."""
    lowers, sentence = ctx.lowers, mention.sentence
    before = lowers[max(sentence.start, mention.name_start - _WINDOW):mention.name_start]
    after = lowers[mention.name_end:min(sentence.end, mention.name_end + _WINDOW)]
    out = {f"k={mention.kind}", f"h={mention.head}", f"cap={mention.capitalised}", f"rc={mention.concluded}",
           f"ny={mention.not_yet}", f"known={bool(mention.known)}", f"date={bool(mention.date)}",
           f"ny2={bool(mention.named_year)}", f"acc={mention.accession}", f"nin={min(len(mention.actors_in_name), 3)}",
           f"own={bool(mention.own)}", f"partner={bool(mention.partner)}", f"fresh={mention.fresh}",
           f"plural={mention.plural}", f"standing={mention.standing}", f"amended={mention.amended}",
           f"replaced={mention.replaced}", f"nact={min(len(ctx.actors_in(sentence)), 4)}",
           f"first={sentence.index < 2}"}
    out |= {"b=" + w for w in before} | {"a=" + w for w in after}
    out |= {"b1=" + w for w in before[-1:]} | {"a1=" + w for w in after[:1]}
    out |= {f"bb={a}_{b}" for a, b in zip(before, before[1:])} | {f"ab={a}_{b}" for a, b in zip(after, after[1:])}
    out |= {"s=" + w for w in lowers[sentence.start:sentence.end]}
    return sorted(out)


def party_candidates(ctx: DocContext, mentions, name: str, kind: str, parties: list[str], rules: dict[str, str],
                     as_members: Callable[[str], list[str]]) -> tuple[list[str], dict]:
    """The features all candidate parties of an agreement share (its genre, name and sentences' words), and each
    candidate → (its own features, the first sentence naming it near the agreement).

    ``mentions`` are the agreement's mentions, ``parties`` the register keys the rules chose and ``rules`` the rule
    of each; ``as_members`` writes a grouping of a few states as its members (``agreements.parties._as_members``).
    """
    register = ctx.gazetteer.register
    lowers = ctx.lowers
    found: dict[str, set[str]] = {}
    where: dict[str, Sentence] = {}  # the first sentence naming the candidate with the agreement
    nearby: dict[str, Sentence] = {}  # else the first sentence just before or after one that names the agreement

    def add(key: str, names, sentence: Sentence | None = None, shown: dict = where) -> None:
        found.setdefault(key, set()).update(names)
        if sentence is not None:
            shown.setdefault(key, sentence)

    for key in parties:
        add(key, {"r=" + rules.get(key, "?")})
    for key in ctx.main_actors:
        add(key, {"main"})
    for key in ctx.own_side:
        add(key, {"own"})
    words: set[str] = set()
    for m in mentions:
        sentence, clause = m.sentence, m.clause or m.sentence
        words.update(lowers[sentence.start:sentence.end])
        actors = ctx.actors_in(sentence)
        for x in actors:
            if x.end <= m.name_start:
                pos, dist, between = "before", m.name_start - x.end, lowers[x.end:m.name_start]
            elif x.start >= m.name_end:
                pos, dist, between = "after", x.start - m.name_end, lowers[m.name_end:x.start]
            else:
                pos, dist, between = "inname", 0, []
            names = {"insent", "form=" + x.form, "pos=" + pos, f"dist={pos}{_bucket(dist, _DISTANCES)}",
                     "inclause" if clause.start <= x.start < clause.end else "otherclause",
                     f"nact={_bucket(len(actors))}"}
            if m.concluded:
                names.add("conc")
            if x.key in m.actors_in_name:
                names.add("inname")
            if dist <= 15:
                names |= {f"bw{pos}={w}" for w in between}
            names |= {"pre=" + w for w in lowers[max(sentence.start, x.start - 3):x.start]}
            names |= {"post=" + w for w in lowers[x.end:min(sentence.end, x.end + 2)]}
            members = as_members(x.key)
            if members != [x.key]:
                names.add("grpmember")
            for key in members:
                add(key, names, sentence)
        for key in ctx.office_actors(sentence.start, sentence.end):
            add(key, {"office"}, sentence)
        for step, label in ((-1, "prev"), (1, "next")):
            if 0 <= sentence.index + step < len(ctx.sentences):
                near = ctx.sentences[sentence.index + step]
                near_actors = ctx.actors_in(near)
                for x in near_actors:
                    add(x.key, {"adj=" + label, "adjform=" + x.form, f"adjn={_bucket(len(near_actors))}"},
                        near, nearby)
    counts = ctx.actor_counts()
    publisher = {ctx.publisher_state(), ctx.publisher_org()}
    chosen = set(parties)
    shared = {"ak=" + kind, f"np={_bucket(len(parties))}", f"nm={_bucket(len(mentions))}"}
    shared |= {"nw=" + w for w in name.lower().split()[:8]} | {"sw=" + w for w in words}
    out = {}
    for key, names in found.items():
        entity_kind = ctx.entity_kind(key)
        if entity_kind not in _CANDIDATE_KINDS:
            continue
        names = names | {"k=" + entity_kind, f"cnt={_bucket(counts.get(key, 0))}"}
        if key not in chosen:
            names.add("r=none")
        names |= {f"{n}&k={entity_kind}" for n in names if n.startswith(("r=",) + _COMBINED)}
        if key in publisher:
            names.add("pub")
        if entity_kind in {"organization", "grouping", "framework"} and register.members_of(key) & chosen:
            names.add("has_rule_member")
        if any(key in register.members_of(p) for p in chosen):
            names.add("member_of_rule_party")
        out[key] = (sorted(names), where.get(key) or nearby.get(key))
    return sorted(shared), out
