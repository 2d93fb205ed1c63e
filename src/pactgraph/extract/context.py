"""The per-document state shared by the extraction rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Evidence, Statement
from ..namespaces import ID
from .mentions import Mention
from .pipeline import lowers_of

__all__ = ["POLITICAL", "DocContext", "Sentence"]

#: Register kinds that can conclude agreements, be partners, members or contributors.
POLITICAL = frozenset({"state", "organization", "body", "grouping"})


def _punct_flags(doc) -> list[bool]:
    from spacy.attrs import IS_PUNCT

    return [bool(v) for v in doc.to_array(IS_PUNCT).tolist()] if len(doc) else []


def _header_date(source):
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(source.metadata.get("date", ""))[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # token index
    end: int
    char_start: int  # into the source text
    char_end: int
    mentions: list[Mention] = field(default_factory=list)
    speaker: str | None = None  # IRI of whoever speaks this sentence


class DocContext:
    """A parsed document: tokens, sentences, mentions, and the statements found so far."""

    def __init__(self, source, doc, gazetteer, mentions: list[Mention], publisher: list[str] | None = None,
                 kept: list[int] | None = None):
        self.source = source
        # the text the offsets of tokens, sentences and mentions point into: the source's, or (``kept``, see
        # layout.kept_characters) the source's without the body's characters not kept; evidence and speeches are
        # given the source's offsets (source_offset)
        self._kept = kept
        self.text = source.text if kept is None else \
            source.text[:source.body_start] + "".join(source.text[source.body_start + i] for i in kept)
        self.doc = doc
        self.gazetteer = gazetteer
        self.offset = source.body_start
        self.publisher = publisher or []  # register keys the publisher names, longest first
        # the political actors the publisher names: the text's own side ("we" in a ministry's speech)
        self.own_side = [k for k in self.publisher if self.entity_kind(k) in POLITICAL]
        self.date = _header_date(source)  # the document's date, for dates written without a year
        self.lowers: list[str] = lowers_of(doc)
        self.punct: list[bool] = _punct_flags(doc)
        self._missions: tuple | None = None
        self._sections: dict | None = None  # char start of a state's name → (key, char end), for section_state
        self.sentence_parties: dict[tuple[int, int], list[str]] = {}  # (start, end) → _parties_of_sentence's,
        # until the mentions change
        self.sentences: list[Sentence] = []
        for sent in doc.sents:
            # Trim whitespace tokens at both ends; skip sentences that are only whitespace.
            start, end = sent.start, sent.end
            while start < end and doc[start].is_space:
                start += 1
            while end > start and doc[end - 1].is_space:
                end -= 1
            if start == end:
                continue
            span = doc[start:end]
            self.sentences.append(Sentence(
                index=len(self.sentences), start=start, end=end,
                char_start=self.offset + span.start_char, char_end=self.offset + span.end_char,
            ))
        self._sent_of_token = [0] * (len(doc) + 1)
        for sentence in self.sentences:
            for i in range(sentence.start, sentence.end + 1):
                self._sent_of_token[i] = sentence.index
        for mention in mentions:
            self.add_mention(mention)
        self.statements: dict[tuple, Statement] = {}
        self.main_actors: list[str] = []
        self.agreement_model = None  # agreement_model.AgreementModel: scores agreements' conclusion and parties
        self.host: str | None = None  # register key of the state a speech is given in
        self.person_mentions: list[tuple[str, int, int]] = []  # (person IRI, first token, end token)
        self.title_spans: list[tuple[int, int]] = []  # token spans of posts ("Minister for Foreign Affairs")
        self.positions_by_person: dict[str, list[str]] = {}  # person IRI → register keys of their posts' actors
        self.titles_by_person: dict[str, list[str]] = {}  # person IRI → their posts' titles ("Prime Minister")
        self.extra_places: dict[str, str] = {}  # place key → label, for places not in the register
        self._actor_counts: Counter | None = None  # (actor_counts, until the mentions change)
        # sentence index → its dates, read once (agreements.dates._dates_in)
        self.sentence_dates: dict[int, tuple] = {}
        # (char offset, year) of the lines that give a year to what follows (agreements.dates._heading_year)
        self.year_lines: list[tuple[int, int]] | None = None
        # person IRI → the sentences that name them, in order, read once (agreements.recording._signatories)
        self.person_sentences: dict[str, list[Sentence]] | None = None

    # -- mentions -----------------------------------------------------------------

    def sentence_of(self, token: int) -> Sentence:
        return self.sentences[self._sent_of_token[min(token, len(self._sent_of_token) - 1)]]

    def add_mention(self, mention: Mention) -> None:
        sentence = self.sentence_of(mention.start)
        mention.sent = sentence.index
        sentence.mentions.append(mention)
        sentence.mentions.sort(key=lambda m: (m.start, m.kind == "concept"))
        self._actor_counts = None
        self.sentence_parties.clear()

    def remove_mentions(self, predicate) -> None:
        self._actor_counts = None
        self.sentence_parties.clear()
        for sentence in self.sentences:
            sentence.mentions = [m for m in sentence.mentions if not predicate(m)]

    def mentions(self, kind: str | tuple[str, ...] = "actor"):
        kinds = (kind,) if isinstance(kind, str) else kind
        for sentence in self.sentences:
            for mention in sentence.mentions:
                if mention.kind in kinds:
                    yield mention

    def actors_in(self, sentence: Sentence, kinds=POLITICAL, coref: bool = True) -> list[Mention]:
        """Actor mentions of a sentence whose register kind is in ``kinds``."""
        return [m for m in sentence.mentions if m.kind == "actor" and self.entity_kind(m.key) in kinds
                and (coref or m.form != "coref")]

    def office_actors(self, start: int, end: int) -> list[str]:
        """The actors (register keys) of the posts of the office holders mentioned between tokens ``start`` and
        ``end``, each once and in order: "Foreign Minister Wang Yi of China and Acting Foreign Minister Amir Khan
        Muttaqi of Afghanistan" → China, Afghanistan."""
        return list(dict.fromkeys(self.positions_by_person[iri][0] for iri, first, _ in self.person_mentions
                                  if start <= first < end and self.positions_by_person.get(iri)))

    def actor_counts(self) -> Counter:
        """How often each actor is named (not by an adjective or a pronoun); counted once until the mentions change
        (every agreement's candidates ask)."""
        if self._actor_counts is None:
            self._actor_counts = Counter(m.key for m in self.mentions("actor") if m.form not in ("adjective", "coref"))
        return self._actor_counts

    def entity_kind(self, key: str) -> str:
        entity = self.gazetteer.register.entities.get(key)
        return entity.kind if entity else ""

    def recent_mission(self, sentence: Sentence, at: int) -> str | None:
        """The mission "the mission" refers to at token ``at``: the last one named before it in this sentence or the
        three before."""
        for earlier in reversed(self.sentences[max(0, sentence.index - 3):sentence.index + 1]):
            named = [m.key for m in self.actors_in(earlier, {"mission"}, coref=False) if m.start < at]
            if named:
                return named[-1]
        return None

    @cached_property
    def home_organization(self) -> str | None:
        """The organization a text speaks for or is mainly about (its publisher's, else its first main actor's):
        what "a Member State" without "of …" belongs to. Read once, after the main actors are known."""
        for key in self.own_side + self.main_actors:
            kind = self.entity_kind(key)
            if kind in {"organization", "grouping"}:
                return key
            parent = self.gazetteer.register.entities[key].parent if kind == "body" else None
            if parent and self.entity_kind(parent) in {"organization", "grouping"}:
                return parent
        return None

    def organization_of(self, key: str) -> str:
        """A body stands for its organization ("the Foreign Affairs Council" for the EU, the EEAS for the EU); any
        other actor for itself."""
        if self.entity_kind(key) == "body":
            return self.gazetteer.register.entities[key].parent or key
        return key

    def bodies_as_parent(self, keys: list[str]) -> list[str]:
        """Two or more bodies of one organization stand for it: "We, the President of the European Council, …, the
        President of the European Commission, …", "President Costa and the President of the Commission signed …"."""
        register = self.gazetteer.register
        parents = [register.entities[k].parent for k in keys if self.entity_kind(k) == "body"]
        out: list[str] = []
        for key in keys:
            parent = register.entities[key].parent if self.entity_kind(key) == "body" else None
            key = parent if parent and parents.count(parent) >= 2 else key
            if key not in out:
                out.append(key)
        return out

    def main_mission(self, before: int | None = None) -> str | None:
        """The mission a text is about: the most named one (ties go to the last named before ``before``)."""
        if self._missions is None:
            counts: Counter = Counter()
            seen: list[tuple[int, str]] = []
            for m in self.mentions("actor"):
                if self.entity_kind(m.key) == "mission" and m.form != "coref":
                    counts[m.key] += 1
                    seen.append((m.start, m.key))
            self._missions = (counts, seen)
        counts, seen = self._missions
        if not counts:
            return None
        last = {k: s for s, k in seen if before is None or s < before}
        return max(counts, key=lambda k: (counts[k], last.get(k, -1)))

    def publisher_org(self) -> str | None:
        """The first organization or body the publisher names (not a state)."""
        return next((k for k in self.publisher if self.entity_kind(k) in POLITICAL - {"state"}), None)

    def publisher_state(self) -> str | None:
        return next((k for k in self.publisher if self.entity_kind(k) == "state"), None)

    def section_state(self, sentence: Sentence) -> str | None:
        """The state a report's paragraph or section is about, when its layout says so: the paragraph opens with the
        state's name and a colon ("10.9 Australia: Raksha Mantri visited Canberra …") or, numbered, a full stop ("11.8
        United States. At the …"), or the nearest heading above
        the paragraph is the state's name alone ("Japan"). ``None`` otherwise, and for the text's own state."""
        if self._sections is None:
            self._sections = {}
            for m in self.mentions("actor"):
                if m.form in ("name", "alias", "shortform", "acronym") and self.entity_kind(m.key) == "state":
                    self._sections.setdefault(m.char_start, (m.key, m.char_end))
        text = self.text
        line_start = text.rfind("\n", 0, sentence.char_start) + 1
        found = self._label_at(line_start, text.find("\n", line_start))
        previous = line_start - 1
        for _ in range(12):  # (a heading above the paragraphs of its section)
            if found is not None or previous <= self.offset:
                break
            start = text.rfind("\n", 0, previous) + 1
            line_end = previous
            line = text[start:line_end].strip()
            previous = start - 1
            if not line:
                continue
            if len(line.split()) > 6 or line.endswith((".", ";", ",")):
                continue  # (a paragraph of the section)
            found = self._label_at(start, start + len(text[start:line_end].rstrip()), heading=True)
            break
        return None if found in self.own_side else found

    def section_pair(self, sentence: Sentence) -> list[str]:
        """The text's own state and the state of the section ``sentence`` is in (:meth:`section_state`): "the two
        countries" of "10.9 Australia: … when the two countries raised their ties …". Empty when there is no such
        section or no own state."""
        section = self.section_state(sentence)
        home = self.publisher_state() or next((k for k in self.main_actors if self.entity_kind(k) == "state"), None)
        return [home, section] if section and home and home != section else []

    def _label_at(self, start: int, end: int, heading: bool = False) -> str | None:
        """The state a line is labelled with: its name after a paragraph number and before a colon, or (``heading``)
        the whole line."""
        text = self.text
        end = len(text) if end < 0 else end
        k = start
        while k < end and (text[k].isdigit() or text[k] in ".() \t-–•*"):
            k += 1  # ("10.9 ", "(c) ", "- ")
        label = self._sections.get(k)
        if label is None:
            return None
        key, label_end = label
        rest = text[label_end:end].strip()
        if heading:
            return key if not rest else None
        numbered = any(c.isdigit() for c in text[start:k])  # ("11.8 United States. At the 4th 2+2 …")
        return key if text[label_end:label_end + 1] == ":" or numbered and text[label_end:label_end + 2] == ". " \
            else None

    # -- evidence and statements --------------------------------------------------

    def evidence(self, sentence: Sentence, rule: str, confidence: float, start: int | None = None,
                 end: int | None = None) -> Evidence:
        """Evidence quoting ``sentence`` (or the char range ``start:end`` of the source)."""
        s = sentence.char_start if start is None else start
        e = sentence.char_end if end is None else end
        if self._kept is not None:
            s, e = self.source_offset(s), self.source_offset(e - 1) + 1 if e > s else self.source_offset(s)
        return Evidence(start=s, end=e, quote=self.source.text[s:e], rule=rule,
                        confidence=round(confidence, 2), speaker=sentence.speaker)

    def source_evidence(self, start: int, end: int, rule: str, confidence: float) -> Evidence:
        """Evidence quoting the span ``start:end`` given in the source's own offsets (not :attr:`text`'s)."""
        return Evidence(start=start, end=end, quote=self.source.text[start:end], rule=rule,
                        confidence=round(confidence, 2), speaker=None)

    def source_offset(self, at: int) -> int:
        """The offset in the source text of the character at offset ``at`` of :attr:`text`."""
        if self._kept is None or at < self.offset:
            return at
        k = at - self.offset
        return self.offset + (self._kept[k] if k < len(self._kept) else len(self.source.body) + k - len(self._kept))

    def state(self, subject: str, predicate: str, obj, evidence: Evidence) -> Statement:
        """Record a statement, adding ``evidence`` to it (a span is recorded once)."""
        key = (subject, predicate, obj)
        statement = self.statements.get(key)
        if statement is None:
            statement = self.statements[key] = Statement(subject, predicate, obj)
        if all((e.start, e.end) != (evidence.start, evidence.end) for e in statement.evidence):
            statement.evidence.append(evidence)
        return statement

    def iri(self, key: str) -> str:
        return ID + key

    def tokens_lower(self, sentence: Sentence) -> list[str]:
        return self.lowers[sentence.start:sentence.end]
