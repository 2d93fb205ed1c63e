"""Measure extraction against hand-made gold annotations, and measure its speed.

A gold folder holds pairs of files: ``NN-slug.txt`` (a source text with its
metadata header) and ``NN-slug.expected.json`` (what a careful annotator
extracts from it; the format is described in ``tests/devset/README.md``)::

    {"actors": ["Q7184", "Q711"],
     "persons": [{"name": "…", "title": "…", "of": "Q7184"}],
     "agreements": [{"name": "…", "type": "PartnershipProgramme", "parties": ["Q7184", "Q711"], "date": "2024-03-12"}],
     "concepts": ["value/democracy"],
     "relations": [{"s": "Q7184", "p": "partnerOf", "o": "Q711"}]}

:func:`evaluate_folder` extracts every text, compares what it yields with the
gold, field by field, and sums true positives, false positives and false
negatives over the folder (micro-averaging). It also maps every extraction to
RDF and checks that each evidence quote is exactly ``text[charStart:charEnd]``.

Scoring rules
-------------
Identifiers are Wikidata QIDs; a gold file may name an actor whose register row
has no QID by its register key ("mission/isaf"), and keeps scoring correctly once
the row gains one.

* **actors**: Wikidata QIDs (register keys where a row has none) of the states,
  organizations, bodies, groupings and missions the text names;
* **persons**: normalized full names (case, accents and spacing ignored);
* **positions**: (name, organization) pairs; an organization also matches its
  parent or child in the register ("Commissioner" of the AU Commission or of the
  AU); a person's other posts are not errors when one matches (annotators often
  list one post), and a person none of whose posts matches is one false
  positive; titles are compared leniently and reported as an accuracy;
* **agreements**: one-to-one alignment on name words, type and parties;
  **agreement parties** are (agreement, party) pairs over that alignment, so a
  missed agreement misses all its parties; dates are an accuracy over aligned
  agreements whose gold date is known;
* **concepts**: concept identifiers (``value/democracy``) linked to anything;
* **relations**: (subject, predicate, object) QID triples for ``partnerOf``
  (symmetric), ``memberOf``, ``leads``, ``mandatedBy`` and ``contributesTo``.

:func:`measure_speed` times extraction and spaCy's bare tokenization of the
same texts in the same run, on one core (process CPU time), and reports both
rates and their ratio.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ParameterError, SourceError
from .namespaces import ID, ORG, PACT

__all__ = [
    "CATEGORIES",
    "Counts",
    "DocumentResult",
    "Evaluation",
    "SpeedResult",
    "evaluate_folder",
    "gold_pairs",
    "measure_speed",
    "predict",
    "read_gold",
    "relation_key",
    "score_document",
]

#: Categories reported, in order.
CATEGORIES = ("actors", "persons", "positions", "agreements", "agreement parties", "concepts", "relations")

_RELATION_PREDICATES = {
    PACT + "partnerOf": "partnerOf",
    ORG + "memberOf": "memberOf",
    PACT + "leads": "leads",
    PACT + "mandatedBy": "mandatedBy",
    PACT + "contributesTo": "contributesTo",
}
_CONCEPT_PREDICATES = {PACT + "affirmsValue", PACT + "addressesChallenge", PACT + "cooperationArea"}
_NAME_STOPWORDS = {"the", "of", "on", "and", "for", "in", "a", "an", "between", "to", "with"}


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class DocumentResult:
    """Scores of one text, with what was missed and what was wrongly found."""

    name: str
    counts: dict[str, Counts]
    missed: dict[str, list[str]]
    spurious: dict[str, list[str]]
    titles: tuple[int, int] = (0, 0)  # (lenient title matches, aligned positions)
    dates: tuple[int, int] = (0, 0)  # (correct dates, aligned agreements with a gold date)
    evidence: int = 0
    bad_quotes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Evaluation:
    """Micro-averaged scores over a gold folder."""

    folder: str
    documents: list[DocumentResult]

    def totals(self) -> dict[str, Counts]:
        totals = {c: Counts() for c in CATEGORIES}
        for doc in self.documents:
            for category, counts in doc.counts.items():
                totals[category].add(counts)
        return totals

    @property
    def evidence(self) -> int:
        return sum(d.evidence for d in self.documents)

    @property
    def bad_quotes(self) -> list[str]:
        return [q for d in self.documents for q in d.bad_quotes]

    def ratio(self, attribute: str) -> tuple[int, int]:
        pairs = [getattr(d, attribute) for d in self.documents]
        return sum(p[0] for p in pairs), sum(p[1] for p in pairs)

    def as_dict(self) -> dict:
        """A JSON-ready summary: per-category scores, per-document errors and the quote check."""
        totals = self.totals()
        return {
            "folder": self.folder,
            "documents": len(self.documents),
            "scores": {c: {"precision": round(t.precision, 3), "recall": round(t.recall, 3), "f1": round(t.f1, 3),
                           "tp": t.tp, "fp": t.fp, "fn": t.fn} for c, t in totals.items()},
            "title_accuracy": self.ratio("titles"),
            "date_accuracy": self.ratio("dates"),
            "evidence_checked": self.evidence,
            "quotes_exact": not self.bad_quotes,
            "bad_quotes": self.bad_quotes,
            "errors": {d.name: {"missed": d.missed, "spurious": d.spurious} for d in self.documents},
        }


@dataclass(slots=True)
class SpeedResult:
    """Extraction and bare-tokenization rates on one core, in KB (1000 bytes of UTF-8) per second."""

    kilobytes: float  # size of the texts, one pass
    passes: int
    extract_seconds: float
    tokenize_seconds: float

    @property
    def extract_rate(self) -> float:
        return self.kilobytes * self.passes / self.extract_seconds if self.extract_seconds else 0.0

    @property
    def tokenize_rate(self) -> float:
        return self.kilobytes * self.passes / self.tokenize_seconds if self.tokenize_seconds else 0.0

    @property
    def ratio(self) -> float:
        return self.extract_rate / self.tokenize_rate if self.tokenize_rate else 0.0

    def as_dict(self) -> dict:
        return {"kilobytes": round(self.kilobytes, 1), "passes": self.passes,
                "extract_kb_per_s": round(self.extract_rate, 1), "tokenize_kb_per_s": round(self.tokenize_rate, 1),
                "ratio": round(self.ratio, 3)}


# -- gold files ---------------------------------------------------------------------


def gold_pairs(folder: str | Path) -> list[tuple[Path, Path]]:
    """The (text, gold) file pairs of ``folder``, sorted by name.

    Raises
    ------
    SourceError
        If the folder does not exist or holds no ``*.txt`` file with a ``*.expected.json`` beside it.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(f"{folder}: not a folder")
    pairs = []
    for text in sorted(folder.glob("*.txt")):
        gold = text.with_name(text.name[:-4] + ".expected.json")
        if gold.exists():
            pairs.append((text, gold))
    if not pairs:
        raise SourceError(f"{folder}: no NAME.txt with a NAME.expected.json beside it")
    return pairs


def _load_gold(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path}: cannot read gold annotations: {exc}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: gold annotations must be a JSON object")
    for key in ("actors", "persons", "agreements", "concepts", "relations"):
        if not isinstance(data.get(key, []), list):
            raise SourceError(f"{path}: field {key!r} must be a list")
    for key in ("actors", "concepts"):
        if not all(isinstance(item, str) for item in data.get(key, [])):
            raise SourceError(f"{path}: every item of {key!r} must be a string")
    # the fields scoring reads, each item's with its type
    fields = {"persons": (("name", str, True),), "agreements": (("name", str, True), ("parties", list, False)),
              "relations": (("s", str, True), ("p", str, True), ("o", str, True))}
    for key, wanted in fields.items():
        for i, item in enumerate(data.get(key, [])):
            if not isinstance(item, dict):
                raise SourceError(f"{path}: {key}[{i}] must be a JSON object")
            for field, kind, required in wanted:
                if (required or field in item) and not isinstance(item.get(field), kind):
                    raise SourceError(f"{path}: {key}[{i}]: {field!r} must be a {kind.__name__}")
        if key == "agreements" and not all(isinstance(p, str) for a in data.get(key, [])
                                           for p in a.get("parties", [])):
            raise SourceError(f"{path}: every agreement party must be a string")
    return data


# -- what an extraction yields, in the gold's terms ------------------------------------


def predict(extraction) -> dict:
    """Express an :class:`~pactgraph.model.Extraction` in the shape of a gold file.

    Actors and parties are Wikidata QIDs where the register has one, else register keys.
    """
    register_qid = {e.iri: (e.wikidata or e.key) for e in extraction.entities.values()}
    from .extract.pipeline import get_gazetteer

    for entity in get_gazetteer().register.entities.values():
        register_qid.setdefault(entity.iri, entity.wikidata or entity.key)

    def qid(iri: str) -> str:
        return register_qid.get(iri, iri.removeprefix(ID))

    persons = []
    for person in extraction.persons.values():
        posts = [p for p in extraction.positions if p.holder == person.iri]
        for post in posts or [None]:
            persons.append({"name": person.name, "title": post.title if post else None,
                            "of": qid(post.organization) if post and post.organization else None})
    relations = []
    concepts = set()
    for st in extraction.statements:
        if st.predicate in _CONCEPT_PREDICATES and isinstance(st.obj, str):
            concepts.add(st.obj.removeprefix(ID))
        elif st.predicate in _RELATION_PREDICATES and isinstance(st.obj, str):
            relations.append({"s": qid(st.subject), "p": _RELATION_PREDICATES[st.predicate], "o": qid(st.obj)})
    from .summary import mentioned_entities

    named = mentioned_entities(extraction)
    return {
        "actors": sorted({qid(e.iri) for e in extraction.entities.values() if e.is_actor and e.key in named}),
        "persons": persons,
        "agreements": [{"name": a.name, "type": a.kind, "parties": [qid(p) for p in a.parties], "date": a.date}
                       for a in extraction.agreements],
        "concepts": sorted(concepts),
        "relations": relations,
    }


# -- scoring --------------------------------------------------------------------------


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _set_counts(gold: set, found: set) -> tuple[Counts, list, list]:
    missed = sorted(map(str, gold - found))
    spurious = sorted(map(str, found - gold))
    return Counts(len(gold & found), len(found - gold), len(gold - found)), missed, spurious


def relation_key(rel: dict) -> tuple[str, str, str]:
    """``(s, p, o)`` of a gold or predicted relation, with the two ends of a ``partnerOf`` in a fixed order."""
    s, p, o = rel["s"], rel["p"], rel["o"]
    if p == "partnerOf":
        s, o = sorted((s, o))
    return s, p, o


def _related(a: str | None, b: str | None, parents: dict[str, str]) -> bool:
    """Same organization, or one is the other's parent in the register."""
    if a is None or b is None:
        return a == b
    return a == b or parents.get(a) == b or parents.get(b) == a


def _title_match(gold: str | None, found: str | None) -> bool:
    g, f = set(_norm(gold).split()), set(_norm(found).split())
    return bool(g and f) and (g <= f or f <= g or len(g & f) / len(g | f) >= 0.5)


def _name_words(name: str) -> set[str]:
    return {w for w in _norm(name).split() if w not in _NAME_STOPWORDS}


def _align_agreements(gold: list[dict], found: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one alignment of gold and found agreements."""
    scored = []
    for i, g in enumerate(gold):
        gw, gp = _name_words(g.get("name", "")), set(g.get("parties", []))
        for j, f in enumerate(found):
            fw, fp = _name_words(f.get("name", "")), set(f.get("parties", []))
            words = len(gw & fw) / len(gw | fw) if gw | fw else 0.0
            same_type = g.get("type") == f.get("type")
            parties = len(gp & fp) / len(gp | fp) if gp | fp else 0.0
            if not (same_type or words >= 0.5) or words == 0 and not same_type:
                continue
            score = 0.5 * words + 0.3 * same_type + 0.2 * parties
            if score >= 0.35:
                scored.append((score, i, j))
    pairs, used_g, used_f = [], set(), set()
    for _, i, j in sorted(scored, reverse=True):
        if i not in used_g and j not in used_f:
            pairs.append((i, j))
            used_g.add(i)
            used_f.add(j)
    return pairs


def score_document(name: str, gold: dict, found: dict, parents: dict[str, str] | None = None) -> DocumentResult:
    """Compare one document's extraction (in gold shape, see :func:`predict`) with its gold."""
    parents = parents or {}
    counts, missed, spurious = {}, {}, {}

    def record(category: str, result) -> None:
        counts[category], missed[category], spurious[category] = result

    record("actors", _set_counts(set(gold.get("actors", [])), set(found["actors"])))
    record("concepts", _set_counts(set(gold.get("concepts", [])), set(found["concepts"])))
    record("relations", _set_counts({relation_key(r) for r in gold.get("relations", [])},
                                    {relation_key(r) for r in found["relations"]}))
    record("persons", _set_counts({_norm(p["name"]) for p in gold.get("persons", [])},
                                  {_norm(p["name"]) for p in found["persons"]}))

    # Positions: (name, organization) with related organizations accepted.
    gold_posts = [p for p in gold.get("persons", []) if p.get("of")]
    found_posts = [p for p in found["persons"] if p.get("of")]
    used: set[int] = set()
    tp, titles = 0, 0
    missed_posts = []
    for g in gold_posts:
        match = next((j for j, f in enumerate(found_posts) if j not in used and _norm(f["name"]) == _norm(g["name"])
                      and _related(g.get("of"), f.get("of"), parents)), None)
        if match is None:
            missed_posts.append(f"{g['name']} ({g.get('title')}, {g.get('of')})")
            continue
        used.add(match)
        tp += 1
        titles += _title_match(g.get("title"), found_posts[match].get("title"))
    # A person's extra posts are not errors when one of their posts matches (annotators list one);
    # a person none of whose posts matches counts once as a false positive.
    matched_people = {_norm(found_posts[j]["name"]) for j in used}
    extra = [f"{f['name']} ({f.get('title')}, {f.get('of')})" for j, f in enumerate(found_posts)
             if j not in used and _norm(f["name"]) not in matched_people]
    wrong_people = {_norm(f["name"]) for j, f in enumerate(found_posts)
                    if j not in used and _norm(f["name"]) not in matched_people}
    counts["positions"] = Counts(tp, len(wrong_people), len(missed_posts))
    missed["positions"], spurious["positions"] = missed_posts, extra

    # Agreements and their parties.
    gold_agreements, found_agreements = gold.get("agreements", []), found["agreements"]
    pairs = _align_agreements(gold_agreements, found_agreements)
    aligned_g = {i for i, _ in pairs}
    aligned_f = {j for _, j in pairs}
    counts["agreements"] = Counts(len(pairs), len(found_agreements) - len(pairs), len(gold_agreements) - len(pairs))
    missed["agreements"] = [g.get("name", "?") for i, g in enumerate(gold_agreements) if i not in aligned_g]
    spurious["agreements"] = [f["name"] for j, f in enumerate(found_agreements) if j not in aligned_f]
    party_counts = Counts()
    party_missed, party_spurious = [], []
    dates = [0, 0]
    for i, j in pairs:
        g, f = gold_agreements[i], found_agreements[j]
        gp, fp = set(g.get("parties", [])), set(f["parties"])
        party_counts.add(Counts(len(gp & fp), len(fp - gp), len(gp - fp)))
        party_missed += [f"{g.get('name')}: {p}" for p in sorted(gp - fp)]
        party_spurious += [f"{f['name']}: {p}" for p in sorted(fp - gp)]
        if g.get("date"):
            dates[1] += 1
            dates[0] += g["date"] == f.get("date")
    for i, g in enumerate(gold_agreements):
        if i not in aligned_g:
            party_counts.fn += len(g.get("parties", []))
            party_missed += [f"{g.get('name')}: {p}" for p in g.get("parties", [])]
    for j, f in enumerate(found_agreements):
        if j not in aligned_f:
            party_counts.fp += len(f["parties"])
    counts["agreement parties"] = party_counts
    missed["agreement parties"], spurious["agreement parties"] = party_missed, party_spurious
    return DocumentResult(name=name, counts={c: counts[c] for c in CATEGORIES},
                          missed={c: missed[c] for c in CATEGORIES if missed[c]},
                          spurious={c: spurious[c] for c in CATEGORIES if spurious[c]},
                          titles=(titles, tp), dates=(dates[0], dates[1]))


def read_gold(path: Path, register=None) -> dict:
    """A gold file, with register keys that have since gained a QID written as the QID.

    Raises
    ------
    SourceError
        If the file cannot be read or is not a gold annotation.
    """
    if register is None:
        from .extract.pipeline import get_gazetteer

        register = get_gazetteer().register
    return _canonical(_load_gold(path), {e.key: e.wikidata for e in register.entities.values() if e.wikidata})


def _canonical(gold: dict, canonical: dict[str, str]) -> dict:
    """Gold written with a register key ("mission/isaf") for a row that has since gained a QID uses the QID."""

    def c(value):
        return canonical.get(value, value) if isinstance(value, str) else value

    out = dict(gold)
    out["actors"] = [c(a) for a in gold.get("actors", [])]
    out["persons"] = [{**p, "of": c(p.get("of"))} for p in gold.get("persons", [])]
    out["agreements"] = [{**a, "parties": [c(x) for x in a.get("parties", [])]} for a in gold.get("agreements", [])]
    out["relations"] = [{**r, "s": c(r["s"]), "o": c(r["o"])} for r in gold.get("relations", [])]
    return out


def _check_quotes(extraction) -> tuple[int, list[str]]:
    """Map an extraction to RDF and check every evidence quote against the source text."""
    from .rdfmap import extraction_quads

    text = extraction.source.text
    evidence: dict[str, dict[str, str]] = {}
    wanted = {PACT + "quote": "quote", PACT + "charStart": "start", PACT + "charEnd": "end"}
    for quad in extraction_quads(extraction):
        key = wanted.get(quad.predicate.value)
        if key:
            evidence.setdefault(quad.subject.value, {})[key] = quad.object.value
    bad = []
    for iri, parts in evidence.items():
        try:
            ok = text[int(parts["start"]):int(parts["end"])] == parts["quote"]
        except (KeyError, ValueError):
            ok = False
        if not ok:
            bad.append(f"{extraction.source.name}: {iri}")
    return len(evidence), bad


def evaluate_folder(folder: str | Path, use_model: bool = True, layout: str = "as-written") -> Evaluation:
    """Extract every text of a gold folder and score it (see the module docstring); with ``use_model=False``, the
    rules alone; with ``layout`` (see :mod:`pactgraph.layouts`), each text rewritten in that layout first.

    Raises
    ------
    SourceError
        If the folder holds no text/gold pair, or a text or gold file cannot be read.
    """
    from .extract import extract
    from .extract.pipeline import get_gazetteer
    from .layouts import LAYOUTS, relayout
    from .sources import read_source, source_from_text

    if layout not in LAYOUTS:
        raise ParameterError(f"unknown layout {layout!r} (one of: {', '.join(LAYOUTS)})")
    register = get_gazetteer().register
    parents = {}
    for entity in register.entities.values():
        if entity.parent and entity.parent in register.entities:
            parent = register.entities[entity.parent]
            parents[entity.wikidata or entity.key] = parent.wikidata or parent.key
    documents = []
    for text_path, gold_path in gold_pairs(folder):
        gold = read_gold(gold_path, register)
        source = read_source(text_path)
        if layout != "as-written":
            source = source_from_text(relayout(source.text, layout), name=text_path.name)
        extraction = extract(source, use_model=use_model)
        result = score_document(text_path.stem, gold, predict(extraction), parents)
        result.evidence, result.bad_quotes = _check_quotes(extraction)
        documents.append(result)
    return Evaluation(folder=str(folder), documents=documents)


# -- speed ----------------------------------------------------------------------------


def measure_speed(paths, seconds: float = 3.0) -> SpeedResult:
    """Time extraction and spaCy's bare tokenization of the same texts, on one core.

    Rounds alternate between the two so that both see the same machine state;
    each round processes every text once. Rounds continue until extraction has
    used ``seconds`` of CPU time (at least one round). Times are process CPU
    time, so the rate is per core. Both tokenizers start every round with an
    empty cache: spaCy caches the tokens of every chunk it has seen, and
    re-reading the same texts would otherwise time cache hits that a corpus of
    new texts does not get (bare tokenization would seem several times faster).

    Raises
    ------
    SourceError
        If a text cannot be read.
    """
    import spacy

    from .extract import extract
    from .extract.pipeline import get_nlp
    from .sources import read_source

    sources = [read_source(p) for p in paths]
    if not sources:
        raise SourceError("no texts to time")
    kilobytes = sum(len(s.body.encode("utf-8")) for s in sources) / 1000
    tokenizer = spacy.blank("en")
    tokenizer.max_length = 50_000_000
    for source in sources:  # warm up: load the register, build matchers, fill caches
        extract(source)
        tokenizer(source.body)
    extract_time = tokenize_time = 0.0
    passes = 0
    while passes == 0 or extract_time < seconds:
        _flush_cache(tokenizer.tokenizer)
        _flush_cache(get_nlp().tokenizer)
        start = time.process_time()
        for source in sources:
            tokenizer(source.body)
        tokenize_time += time.process_time() - start
        start = time.process_time()
        for source in sources:
            extract(source)
        extract_time += time.process_time() - start
        passes += 1
    return SpeedResult(kilobytes=kilobytes, passes=passes, extract_seconds=extract_time, tokenize_seconds=tokenize_time)


def _flush_cache(tokenizer) -> None:
    """Empty a spaCy tokenizer's cache (assigning one of its settings resets it)."""
    tokenizer.prefix_search = tokenizer.prefix_search
