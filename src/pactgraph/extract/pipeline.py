"""The spaCy pipeline and the phrase matchers built from the register and vocabularies.

pactgraph uses spaCy's blank English pipeline: its tokenizer, its rule-based
``sentencizer``, and one small component that also starts a sentence after a
line break (headlines, captions and speaker lines carry no final stop). No
statistical model is downloaded; everything else is matching on tokens.

The gazetteer matches, case-sensitively, every name, acronym, alias and
adjective of the register, plus forms derived by rule:

* a body named after its parent with the parent's acronym ("African Union
  Commission" → "AU Commission", "United Nations Interim Force in Lebanon" →
  "UN Interim Force in Lebanon");
* plural demonyms ("Ukrainians", "New Zealanders");
* the members of an organization called "the Alliance" ("Allies", "Ally", "Allied");
* short forms "the <Head>" ("the Commission", "the Council", "the Union"), which
  :mod:`~pactgraph.extract.mentions` resolves from the context of each text.

Concept labels are matched case-insensitively with hyphen, spacing, number and
British/American spelling variants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Entity
from ..reference import Register, load_register
from ..vocab import Concept, load_concepts

__all__ = ["Gazetteer", "PatternInfo", "get_gazetteer", "get_nlp", "lowers_of", "offsets_of", "texts_of"]

#: Confidence of an actor mention, by the form it was found in.
FORM_CONFIDENCE = {"name": 1.0, "acronym": 1.0, "alias": 0.9, "derived": 0.9, "adjective": 0.8, "member": 0.8,
                   "shortform": 0.75, "metonym": 0.6}

#: Head words that a short form "the <Head>" may stand for.
SHORT_HEADS = frozenset({
    "Alliance", "Union", "Commission", "Council", "Committee", "Agency", "Organization", "Organisation",
    "Assembly", "Court", "Parliament", "Secretariat", "Force", "Mission", "Operation", "Forum", "Community",
    "Conference", "Group", "Bank", "Fund", "Partnership", "Office", "Centre", "Center", "Board", "Service",
    "Association", "Coalition", "Initiative",
})


#: acronyms of the register that are also words a headline in capitals writes ("ACT NOW", "CAR BOMB", "DR"): read
#: in ordinary case there
_CAPITAL_WORDS = frozenset({"ACT", "AHA", "CAR", "DC", "DR", "EI", "ISA", "MED", "NAM", "NB", "PA"})

#: Abbreviated forms of address and ranks kept as one token ("Smt. Droupadi Murmu", "Lt. Gen. X").
ABBREVIATIONS = ("Smt.", "Shri.", "Amb.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Adm.", "Brig.", "Cdr.", "Sen.",
                 "Rep.", "Hon.", "Gov.", "Pres.", "Sec.")


@cache
def get_nlp():
    """Return the shared blank English pipeline (built once per process)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("pactgraph_line_breaks"):

        @Language.component("pactgraph_line_breaks")
        def line_breaks(doc):
            # Set all boundaries at once: setting ``token.is_sent_start`` one by one costs a pass per token.
            from spacy.attrs import SENT_START

            # A token holding a line break ends a sentence (spaCy keeps a token's trailing whitespace to one space,
            # so line breaks are tokens of their own). Token texts come as one array, not as token objects.
            texts = _token_strings(doc, "ORTH")
            breaks = [i + 1 for i, text in enumerate(texts[:-1]) if "\n" in text]
            # a citation mark after a full stop ("… Mariusz Błaszczak.[10] The …") ends the sentence it follows (not
            # an editor's words that begin the next: "… in May. [The memorandum] commits …")
            # (also after a closing quote: '… "the best treaty we ever signed."[3] Poland …')
            marks = [i for i, text in enumerate(texts[:-2]) if text == "[" and i and (
                texts[i - 1] in _FINAL_STOPS or texts[i - 1] in _CLOSING_QUOTES and i > 1 and texts[i - 2] in _FINAL_STOPS)
                and not (texts[i + 1][:1].isupper() and texts[i + 1][1:2].islower())] if "[" in doc.text else []
            if breaks or marks:
                starts = doc.to_array([SENT_START]).astype("int64")
                for i in marks:
                    close = None
                    while close is None or texts[close + 1:close + 2] == ["["]:  # ("….[3][4] The …": marks in a row)
                        at = i if close is None else close + 1
                        end = next((j for j in range(at + 1, min(len(texts), at + 6)) if texts[j] == "]"), None)
                        if end is None:
                            break
                        close = end
                    if close is not None and close + 1 < len(texts):
                        starts[i + 1:close + 1] = -1
                        starts[close + 1] = 1
                starts[breaks] = 1
                doc.from_array([SENT_START], starts.astype("uint64"))
            return doc

    nlp = spacy.blank("en")
    from spacy.attrs import ORTH

    for abbreviation in ABBREVIATIONS:  # forms of address that end in a full stop but not a sentence
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    for word in ("MoU", "MoUs", "MoC", "MoCs", "LoI", "LoA"):  # ("… signed the MoU." ends a sentence; spaCy keeps a
        # full stop after a final capital, as in an initial)
        nlp.tokenizer.add_special_case(word + ".", [{ORTH: word}, {ORTH: "."}])
    from spacy.util import compile_infix_regex, compile_prefix_regex

    # a social-media handle's account is the actor it names ("@NATO", "@EU_Council"): the "@" is a token of its own
    nlp.tokenizer.prefix_search = compile_prefix_regex(list(nlp.Defaults.prefixes) + ["@"]).search
    # a citation mark glued to a word or a full stop ("Mariusz Błaszczak.[10]", "one[5]", "Poland[5][6]") is tokens
    # of its own
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        list(nlp.Defaults.infixes) + [r"\.(?=\[)", r"(?<=[^\s])\[(?=[\w ,]{1,20}(?:\]\[|$))",
                                      r"(?<=[\w ,])\](?=\[)"]).finditer
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("pactgraph_line_breaks")
    nlp.max_length = 50_000_000
    return nlp


_FINAL_STOPS = {".", "!", "?"}
_CLOSING_QUOTES = {'"', "”", "’", "'"}


def _token_strings(doc, attr: str) -> list[str]:
    """One string attribute (``"LOWER"``, ``"ORTH"``) of every token of ``doc``, computed once per doc without
    token objects."""
    key = "pactgraph." + attr
    cached = doc.user_data.get(key)
    if cached is None:
        from spacy import attrs

        strings = doc.vocab.strings
        cached = [strings[h] for h in doc.to_array(getattr(attrs, attr)).tolist()] if len(doc) else []
        doc.user_data[key] = cached
    return cached


def lowers_of(doc) -> list[str]:
    """The lowercase form of every token of ``doc``."""
    return _token_strings(doc, "LOWER")


def texts_of(doc) -> list[str]:
    """The text of every token of ``doc``."""
    return _token_strings(doc, "ORTH")


def offsets_of(doc) -> tuple[list[int], list[int]]:
    """Character start and end of every token of ``doc`` (computed once per doc)."""
    cached = doc.user_data.get("pactgraph.offsets")
    if cached is None:
        from spacy.attrs import IDX, LENGTH

        if len(doc):
            array = doc.to_array([IDX, LENGTH])
            starts = array[:, 0].tolist()
            cached = (starts, (array[:, 0] + array[:, 1]).tolist())
        else:
            cached = ([], [])
        doc.user_data["pactgraph.offsets"] = cached
    return cached


@dataclass(frozen=True, slots=True)
class PatternInfo:
    key: str  # register key, concept key, or "shortform|<Head>"
    kind: str  # actor | framework | region | place | concept | shortform
    form: str  # name | acronym | alias | derived | adjective | member | label | shortform


_SPELLING = [("isation", "ization"), ("ise", "ize"), ("ising", "izing"), ("ised", "ized"), ("defence", "defense"),
             ("co-operation", "cooperation"), ("programme", "program"), ("organisation", "organization"),
             ("centre", "center"), ("labour", "labor"), ("behaviour", "behavior")]


def _surface_variants(label: str) -> set[str]:
    """Spelling variants of a concept label: hyphen/space/closed forms, spelling and number of the last word."""
    forms = {label, label.replace("-", " "), label.replace("-", "")}
    if label.count(" ") == 1 and "-" not in label:
        forms.add(label.replace(" ", "-"))  # "capacity building" → "capacity-building"
    for british, american in _SPELLING:
        for form in list(forms):
            if british in form:
                forms.add(form.replace(british, american))
            elif american in form:
                forms.add(form.replace(american, british))
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


_GENERIC_REST = {"Ministers", "Meeting", "Meetings", "Summit", "Conference", "Leaders"}


def _acronym_forms(entity: Entity, register: Register) -> set[str]:
    """Names of a body with its parent's name replaced by the parent's acronym, or left out.

    "African Union Peace and Security Council" → "AU Peace and Security Council" and, as
    "the AU's Peace and Security Council" writes it, "Peace and Security Council" (only
    when at least two words remain, so "African Union Commission" does not yield "Commission").
    """
    out = set()
    parents = {entity.parent, register.led_by.get(entity.key)} - {None}
    for parent_key in parents:
        parent = register.entities.get(parent_key)
        if parent is None or not parent.acronyms:
            continue
        for name in (*entity.names, *register.aliases.get(entity.key, ())):
            for parent_name in (*parent.names, *parent.acronyms):
                if name.startswith(parent_name + " "):
                    rest = name[len(parent_name):]
                    out.update(acronym + rest for acronym in parent.acronyms if acronym.isupper() and acronym != parent_name)
                    if entity.kind == "body" and len(rest.split()) >= 2 and rest.split()[0][:1].isupper() \
                            and not set(rest.replace("'", " ").split()) & _GENERIC_REST:
                        out.add(rest.strip())  # (not "Defence Ministers' Meeting", which any two states hold)
    return out


_NAME_PREPOSITIONS = {"of", "for", "in", "on", "to", "against"}


def _head_word(name: str) -> str | None:
    """The noun a short form "the <Head>" can stand for: the last short head before the name's first preposition.

    "Council of the European Union" → "Council" (not "Union", which belongs to the embedded
    name); "African Union Transition Mission in Somalia" → "Mission"; "Union for the
    Mediterranean" → "Union".
    """
    words = name.replace("-", " ").split()
    for i, word in enumerate(words):
        if word in _NAME_PREPOSITIONS:
            words = words[:i]
            break
    heads = [w for w in words if w in SHORT_HEADS]
    return heads[-1] if heads else None


#: Last words of names that texts write in either case ("the Multinational Security Support
#: mission", "… Support Mission"); only names of two or more words vary, so a bare word never matches.
_CASE_FREE_TAILS = frozenset({"mission", "operation", "force", "forces", "brigade", "battlegroup", "initiative",
                              "group", "command", "council", "commission", "committee", "secretariat", "office"})


def _tail_case_variants(names) -> set[str]:
    """Names with their generic last word in the other case ("… Support mission" ⇄ "… Support Mission")."""
    out = set()
    for name in names:
        words = name.split(" ")
        if len(words) < 2 or words[-1].lower() not in _CASE_FREE_TAILS or not words[-2][:1].isupper():
            continue
        last = words[-1]
        other = last.capitalize() if last.islower() else last.lower() if last.istitle() else None
        if other:
            out.add(" ".join([*words[:-1], other]))
    return out - set(names)


def _demonym_plurals(adjectives) -> set[str]:
    """Plural nouns of demonyms that take an -s ("Ukrainians", "New Zealanders", "Somalis")."""
    return {a + "s" for a in adjectives if a.endswith(("an", "er", "i")) and a.replace(" ", "").isalpha()}


class Gazetteer:
    """Phrase matchers for actors, regions, places (case-sensitive) and concepts (case-insensitive)."""

    def __init__(self, nlp, register: Register, concepts: tuple[Concept, ...]):
        from spacy.matcher import PhraseMatcher

        self.register = register
        #: bodies that mandate some mission in the register (the Security Council, the AU PSC, …)
        self.mandating = frozenset(register.mandated_by.values())
        self.concepts = {c.key: c for c in concepts}
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels = PhraseMatcher(nlp.vocab, attr="LOWER")
        #: names and aliases of the well-known agreements of agreements.csv, in any case (match id → agreement key)
        self.agreements = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, agreement in register.agreements.items():
            self.agreements.add(key, [nlp.make_doc(form) for form in (agreement.name, *agreement.aliases)])
        self.info: dict[int, PatternInfo] = {}
        #: lowercase token sequence (joined by spaces) → concept key, for coordination ("countering A and B")
        self.label_index: dict[str, str] = {}
        #: short-form head → register keys whose names contain it as a word, or which have "the <Head>" as alias
        self.short_candidates: dict[str, list[str]] = {}
        self.short_default: dict[str, str] = {}
        seen: dict[tuple[str, str], set[str]] = {}

        def add(matcher, info: PatternInfo, texts) -> None:
            texts = [t for t in texts if t and t not in seen.setdefault((info.key, info.form), set())]
            if not texts:
                return
            seen[(info.key, info.form)].update(texts)
            name = f"{info.key}|{info.form}"
            match_id = nlp.vocab.strings.add(name)
            self.info[match_id] = info
            matcher.add(name, [nlp.make_doc(t) for t in texts])

        short_alias = re.compile(r"^the ([A-Z][a-z]+)$")
        #: words the register writes in capitals ("NATO", "ASEAN", "EU" of "EU Military Staff"), kept so when a line
        #: written all in capitals is read in ordinary case (see :mod:`.layout`)
        self.capitals = frozenset(
            word for entity in register.entities.values()
            for form in (*entity.names, *entity.acronyms, *register.aliases.get(entity.key, ()))
            for word in re.findall(r"[^\W\d_]{2,}", form) if word.isupper()) - _CAPITAL_WORDS
        for entity in register.entities.values():
            kind = "actor" if entity.is_actor else ("region" if entity.kind == "region" else "place")
            if entity.kind == "framework":
                kind = "framework"
            names = list(entity.names)
            if entity.kind == "state":
                names += [n[4:] for n in entity.names if n.startswith("the ")]
            add(self.names, PatternInfo(entity.key, kind, "name"), names)
            add(self.names, PatternInfo(entity.key, kind, "acronym"), entity.acronyms)
            variants = set()
            for alias in register.aliases.get(entity.key, ()):
                match = short_alias.match(alias)
                if match and match.group(1) in SHORT_HEADS:
                    self.short_default.setdefault(match.group(1), entity.key)
                    self.short_candidates.setdefault(match.group(1), []).append(entity.key)
                    continue
                variants.add(alias)
                if alias.startswith("the "):
                    variants.add("The " + alias[4:])
            add(self.names, PatternInfo(entity.key, kind, "alias"), sorted(variants))
            if entity.kind in {"body", "mission", "organization", "grouping"}:
                add(self.names, PatternInfo(entity.key, kind, "alias"),
                    sorted(_tail_case_variants([*entity.names, *variants])))
            if entity.kind in {"body", "mission", "organization", "grouping"}:
                add(self.names, PatternInfo(entity.key, kind, "derived"), sorted(_acronym_forms(entity, register)))
            if entity.kind == "mission":
                # "Operation Irini" → "Irini", as later mentions write it
                add(self.names, PatternInfo(entity.key, kind, "derived"), sorted(
                    n[len("Operation "):] for n in (*entity.names, *register.aliases.get(entity.key, ()))
                    if n.startswith("Operation ") and n[len("Operation "):][:1].isupper()
                    and len(n) > len("Operation ") + 3))
            add(self.names, PatternInfo(entity.key, kind, "adjective"), entity.adjectives)
            add(self.names, PatternInfo(entity.key, kind, "adjective"), sorted(_demonym_plurals(entity.adjectives)))
            if "the Alliance" in register.aliases.get(entity.key, ()):
                add(self.names, PatternInfo(entity.key, kind, "member"), ["Allies", "Ally", "Allied"])
            if entity.is_actor and entity.kind != "state":
                for name in entity.names:
                    word = _head_word(name)
                    if word:
                        candidates = self.short_candidates.setdefault(word, [])
                        if entity.key not in candidates:
                            candidates.append(entity.key)
        for head in sorted(self.short_candidates):
            add(self.names, PatternInfo("shortform|" + head, "shortform", "shortform"), [f"the {head}", f"The {head}"])
        #: lowercase labels written with capitals in the vocabulary ("Science for Peace and Security")
        self.proper_labels: set[str] = set()
        for concept in concepts:
            labels = set()
            for label in (concept.pref_label, *concept.alt_labels):
                if any(w[:1].isupper() for w in label.split() if len(w) > 3):
                    self.proper_labels.add(" ".join(t.lower_ for t in nlp.make_doc(label)))
            for label in (concept.pref_label, *concept.alt_labels):
                labels |= _surface_variants(label.lower())
            add(self.labels, PatternInfo(concept.key, "concept", "label"), sorted(labels))
            for label in labels:
                self.label_index.setdefault(" ".join(t.lower_ for t in nlp.make_doc(label)), concept.key)

    def entity(self, key: str) -> Entity:
        return self.register.entities[key]


@cache
def get_gazetteer() -> Gazetteer:
    """Return the gazetteer of the bundled register and vocabularies (built once)."""
    return Gazetteer(get_nlp(), load_register(), load_concepts())
