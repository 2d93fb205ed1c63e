"""The spaCy pipeline and the phrase matchers built from the register and vocabularies.

pactgraph uses spaCy's blank English pipeline: its tokenizer, its rule-based
``sentencizer``, and one small component that also starts a sentence after a
line break (headlines, captions and speaker lines carry no final stop). No
statistical model is downloaded; everything else is matching on tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..model import Entity
from ..reference import Register, load_register
from ..vocab import Concept, load_concepts

__all__ = ["Gazetteer", "get_gazetteer", "get_nlp"]

#: Confidence of an actor mention, by the form it was found in.
FORM_CONFIDENCE = {"name": 1.0, "acronym": 1.0, "alias": 0.9, "adjective": 0.8}


@cache
def get_nlp():
    """Return the shared blank English pipeline (built once per process)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("pactgraph_line_breaks"):

        @Language.component("pactgraph_line_breaks")
        def line_breaks(doc):
            for token in doc[:-1]:
                if "\n" in token.text or "\n" in token.whitespace_:
                    doc[token.i + 1].is_sent_start = True
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("pactgraph_line_breaks")
    nlp.max_length = 50_000_000
    return nlp


@dataclass(frozen=True, slots=True)
class PatternInfo:
    key: str  # register key or concept key
    kind: str  # actor | region | place | concept
    form: str  # name | acronym | alias | adjective | label


def _surface_variants(label: str) -> set[str]:
    """Spelling variants of a concept label: hyphen/space/closed forms and number of the last word."""
    forms = {label, label.replace("-", " "), label.replace("-", "")}
    out = set()
    for form in forms:
        out.add(form)
        head, _, last = form.rpartition(" ")
        prefix = head + " " if head else ""
        if last.endswith("ies") and len(last) > 4:
            out.add(prefix + last[:-3] + "y")
        elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
            out.add(prefix + last[:-1] + "ies")
        elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
            out.add(prefix + last[:-1])
        elif last.isalpha() and len(last) > 2:
            out.add(prefix + last + ("es" if last.endswith(("sh", "ch", "x")) else "s"))
    return {f.strip() for f in out if f.strip()}


class Gazetteer:
    """Phrase matchers for actors, regions, places (case-sensitive) and concepts (case-insensitive)."""

    def __init__(self, nlp, register: Register, concepts: tuple[Concept, ...]):
        from spacy.matcher import PhraseMatcher

        self.register = register
        self.concepts = {c.key: c for c in concepts}
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.info: dict[int, PatternInfo] = {}
        seen: dict[tuple[str, str], set[str]] = {}

        def add(matcher, info: PatternInfo, texts) -> None:
            texts = [t for t in texts if t and t not in seen.setdefault((info.key, info.form), set())]
            if not texts:
                return
            seen[(info.key, info.form)].update(texts)
            match_id = nlp.vocab.strings.add(f"{info.key}|{info.form}")
            self.info[match_id] = info
            matcher.add(f"{info.key}|{info.form}", [nlp.make_doc(t) for t in texts])

        for entity in register.entities.values():
            kind = "actor" if entity.is_actor else ("region" if entity.kind == "region" else "place")
            if entity.kind == "framework":
                kind = "framework"
            names = list(entity.names)
            if entity.kind == "state":
                names += [n[4:] for n in entity.names if n.startswith("the ")]
            add(self.names, PatternInfo(entity.key, kind, "name"), names)
            add(self.names, PatternInfo(entity.key, kind, "acronym"), entity.acronyms)
            aliases = register.aliases.get(entity.key, ())
            variants = set()
            for alias in aliases:
                variants.add(alias)
                if alias.startswith("the "):
                    variants.add("The " + alias[4:])
            add(self.names, PatternInfo(entity.key, kind, "alias"), sorted(variants))
            add(self.names, PatternInfo(entity.key, kind, "adjective"), entity.adjectives)
        for concept in concepts:
            labels = set()
            for label in (concept.pref_label, *concept.alt_labels):
                labels |= _surface_variants(label.lower())
            add(self.labels, PatternInfo(concept.key, "concept", "label"), sorted(labels))

    def entity(self, key: str) -> Entity:
        return self.register.entities[key]


@cache
def get_gazetteer() -> Gazetteer:
    """Return the gazetteer of the bundled register and vocabularies (built once)."""
    return Gazetteer(get_nlp(), load_register(), load_concepts())
