"""Persons and their posts, found by title patterns (no list of names).

A post is parsed from its parts rather than looked up: modifiers and a head
("Deputy Prime Minister", "Chairperson-in-Office", "Secretary General"), then
complements ("of National Defence", "for Foreign Affairs and Security Policy",
"of the Chairperson of the Commission for Somalia"). The actor a post belongs
to comes from an actor right before it ("NATO Deputy Secretary General",
"Malta's", "Japanese", "your" for the host of a speech), from "of <actor>" in a
complement, from a coordinated post ("Deputy Prime Minister and Minister of
Foreign Affairs of Kazakhstan"), or else from the context: the one state of
the sentence for a state post, the publisher for an organization's post.

Recognised shapes include "Prime Minister Shinzo Abe", "NATO Deputy Secretary
General, Ambassador X Y", "the Defence Minister of Poland, Mr X Y", "Japanese
Foreign Minister X Y", "X Y, Prime Minister of Japan", chains of posts ("The
OSCE Chairperson-in-Office, Malta's Deputy Prime Minister and Minister for
Foreign … Ian Borg") and family-name-first names ("KISHIDA Fumio"; "Kamikawa
Yoko" in a text by the Japanese government). Later mentions by surname ("Mr
Y", "President Y", "Y said") resolve to the same person.

Also read: a gloss in brackets ("Raksha Mantri (Minister of Defence) of the
Republic of India"), names on both sides of a post ("A B, <post>, C D, <post>":
each name takes the post after it), and counterparts ("his Vietnamese counterpart,
General X Y" holds the referent's post in Viet Nam). When a sentence names several
states and the post states none, the post goes to the state the other persons of
the sentence do not hold posts in, else to the state the text is clearly about.
A post with a family name only ("President Putin", "Chancellor Scholz") is a
person only when :mod:`~pactgraph.extract.holders` knows exactly one holder of
that post with that name on the text's date. A name with a form of address and
no post anywhere ("Dr X Y" chairing a debate) is not a person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ..model import Person, Position
from ..namespaces import ID, PACT, RDF, RDFS, XSD, slugify
from .context import POLITICAL, DocContext
from .pipeline import get_nlp, texts_of
from .words import ORDINALS

__all__ = ["find_people"]

HEADS = {
    "Minister", "Secretary", "President", "Chancellor", "Premier", "Commissioner", "Representative", "Envoy",
    "Ambassador", "Chair", "Chairman", "Chairwoman", "Chairperson", "Director", "Coordinator", "Co-ordinator",
    "Adviser", "Advisor", "Governor", "Commander", "Chief", "Head", "Spokesperson", "Spokesman", "Spokeswoman",
    "King", "Queen", "Emperor", "Prince", "Sultan", "Emir", "Amir", "Councillor", "Councilor", "Counsellor",
    "Speaker", "Leader", "Vice-President", "Mayor", "Administrator", "Rapporteur", "Registrar", "Prosecutor",
    "Mantri",  # "Raksha Mantri" (Minister of Defence) in Indian government texts
}
MODIFIERS = {
    "Prime", "Deputy", "Vice", "Assistant", "Under", "Special", "High", "Foreign", "Defence", "Defense",
    "Interior", "Finance", "Senior", "Executive", "Permanent", "Federal", "State", "First", "Acting", "Supreme",
    "Allied", "National", "Security", "Crown", "Grand", "Home", "Cabinet", "Chief", "Principal", "General",
    "European", "Military", "Head", "Co", "Political", "Trade", "Justice", "Raksha", "Rajya", "Videsh",
    "Force", "Police",  # "Force Commander", "Police Commissioner" of a peace operation
    "Navy", "Army", "Naval", "Coast", "Guard",  # "Finland's Navy Commander", "the Army Chief"
}
# Words of ministry and department names in complements ("for Foreign and European Affairs and Trade").
DEPT_WORDS = {
    "Mobility", "Francophonie", "Abroad", "Diaspora", "Worship", "Tourism", "Sport", "Sports", "Religious", "Nationals",
    "Citizens", "Expatriates", "Solidarity", "Decentralisation", "Decentralization", "Territorial", "Administration",
    "Family", "Communities", "Mines", "Petroleum", "Water", "Lands", "Housing", "Urban", "Local", "Central",
    "Africans", "Europe", "Transformation", "Pacific", "Asia", "Americas", "Africa", "Trade",
    "Foreign", "Affairs", "European", "Defence", "Defense", "National", "Political", "Peace", "Security",
    "Policy", "Economic", "Development", "Interior", "Home", "Justice", "Finance", "Internal", "External",
    "International", "Cooperation", "Co-operation", "State", "Commerce", "Industry", "Energy", "Environment",
    "Climate", "Health", "Education", "Science", "Technology", "Transport", "Infrastructure", "Digital", "Veterans",
    "Armed", "Forces", "Staff", "General", "Military", "Relations", "Public", "Safety", "Emergency", "Situations",
    "Integration", "Migration", "Refugees", "Humanitarian", "Aid", "Legal", "Reconciliation", "Global", "Maritime",
    "Fisheries", "Agriculture", "Research", "Innovation", "Culture", "Communications", "Information", "Nordic",
    "Parliamentary", "Reform", "Regional", "Labour", "Social", "Women", "Gender", "Equality", "Youth", "Planning",
    "Budget", "Treasury", "Intelligence", "Police", "Border", "Customs", "Space", "Enlargement", "Neighbourhood",
    "Crisis", "Management", "Partnerships", "Operations", "Logistics", "Procurement", "Investment", "Export",
    "Disarmament", "Non-Proliferation", "Counter-Terrorism", "Counterterrorism", "Governance", "Elections",
    "Human", "Rights", "Overseas", "Commonwealth", "Office", "Department", "Ministry", "Chairperson", "President",
    "Secretary", "Secretary-General", "Council", "Committee", "Union", "Commission", "Conference", "Mission",
    "Diplomacy", "Multilateral", "Bilateral", "Asian", "African", "Middle", "East", "Operation", "Government",
    "Programme", "Program", "Capabilities", "Policies", "Strategy",
    # the services of armed forces: "Commander of the Finnish Navy", "Chief of the Naval Staff"
    "Navy", "Naval", "Army", "Air", "Force", "Marine", "Marines", "Corps", "Coast", "Guard", "Fleet", "Command",
    "Land", "Ground", "Self-Defense", "Self-Defence", "Joint", "Combined", "Headquarters",
}
# Heads whose bearer, without a stated actor, serves an organization rather than a state.
ORG_HEADS = {"Representative", "Commissioner", "Chairperson", "Chair", "Chairman", "Chairwoman", "Envoy",
             "Coordinator", "Co-ordinator", "Spokesperson", "Spokesman", "Spokeswoman", "Head", "Commander",
             "Director", "Rapporteur", "Registrar", "Prosecutor", "Administrator"}
HONORIFICS = {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "H.E.", "HE", "Ambassador", "Admiral",
              "General", "Professor", "Prof.", "Prof", "Sir", "Dame", "Lord", "Lady", "Madam", "Excellency",
              "Lieutenant", "Colonel", "Major", "Rear", "Vice", "Air", "Marshal", "Brigadier", "Shri", "Smt.", "Smt",
              "Shrimati", "Sheikh", "Dato", "Datuk", "Tan", "Sri", "Hon.", "Hon", "Honourable", "Honorable",
              "Senator", "Captain", "Commodore", "Seri", "Utama", "Haji", "Hajah", "Tun", "Tunku", "Datin",
              "Puan", "Encik", "YAB", "YB", "Dato'", "Dato’", "Shri.", "Amb.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.",
              "Adm.", "Brig.", "Cdr.", "Sen.", "Rep.", "Commandant"}
# Posts written short in digests and briefings ("Danish PM Mette Frederiksen", "Pres. Volodymyr Zelenskyy",
# "FM Ararat Mirzoyan"): read as written out, and only right before a name
ABBREVIATED_TITLES = {"PM": ("Prime", "Minister"), "FM": ("Foreign", "Minister"), "Pres.": ("President",),
                      "Pres": ("President",), "DefMin": ("Defence", "Minister"), "SecState": ("Secretary", "of",
                                                                                             "State"),
                      "SecDef": ("Secretary", "of", "Defense"), "NSA": ("National", "Security", "Adviser")}
_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
_PARTICLES = {"de", "van", "von", "der", "den", "bin", "bint", "al", "da", "di", "du", "le", "la", "dos", "del",
              "ter", "ibn"}
_HYPHENED_PARTICLES = {"al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin", "ibn", "abu", "abd", "ben"}
_NOT_NAMES = {
    "The", "A", "An", "And", "Or", "Of", "In", "On", "At", "To", "For", "With", "By", "From", "This", "That",
    "These", "We", "I", "It", "Our", "Their", "His", "Her", "Today", "Yesterday", "Tomorrow", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Joint",
    "Declaration", "Statement", "Summit", "Council", "Ministers", "Excerpt", "Image", "Photo", "Q", "Allies",
    "Alliance", "Also", "Both", "Government", "Excellencies", "Ladies", "Gentlemen", "Thank", "Let", "As", "All",
    "Following", "During", "After", "Before", "Since", "Under", "Through", "While", "When", "If", "Speech",
    "Remarks", "Press", "Conference", "Meeting", "Visit", "Programme", "Agreement", "Memorandum", "Treaty",
    "Headquarters", "Office", "Ministry", "Commission", "Committee", "Union", "Forces", "Staff", "Navy", "Army",
    "Guard", "Force", "Mission", "Operation", "Secretariat", "Parliament", "Assembly", "Republic", "Kingdom",
    "State", "States", "Federal", "Moderator", "Question", "Answer", "Good", "Kia", "Vice-Chancellor",
    "Fleet", "Corps", "Command", "Brigade", "Division", "Battalion", "Regiment", "Squadron",
}
# Post-nominal letters that end a name and are not part of it ("Richard Marles MP").
_POSTNOMINALS = {"MP", "MPs", "MEP", "MLA", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "AO", "AC", "AM", "PhD"}
_NOT_NAMES |= _POSTNOMINALS
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")  # ("R.", and joined: "R.L.", "A.P.J.")
_RULER_HEADS = {"Amir", "Emir", "Sultan", "Prince", "King"}  # also given names ("Amir Khan Muttaqi")
#: Placeholder post of "his Vietnamese counterpart", replaced by the referent's post.
COUNTERPART = "counterpart"
_SPOKES = {"Spokesperson", "Spokesman", "Spokeswoman"}
_SURNAME_CUES = {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr."}


@dataclass(slots=True)
class _Title:
    start: int  # token span, including an actor right before it ("Malta's")
    end: int
    core_start: int
    words: list[str]  # the post's words, without the actor phrase
    org: str | None
    org_level: bool
    plural: bool = False  # one of several holders of a post written in the plural ("Presidents A and B")


@dataclass(slots=True)
class _Found:
    name_tokens: list  # spaCy tokens of the name as written
    start: int  # token span of the whole mention (titles + name)
    end: int
    titles: list[_Title]
    family_only: bool = False  # the name is a family name of several words ("President von der Leyen")


def _is_title_word(token, words) -> bool:
    return token.text in words and (token.is_title or token.text[:1].isupper())


def _is_name_token(token) -> bool:
    text = token.text
    if not text[:1].isupper() or text in _NOT_NAMES or text in HEADS or text in HONORIFICS:
        return False
    return token.is_alpha and len(text) > 1


def _to_department_word(doc, n: int, end: int) -> int | None:
    """The token after a department word that one or two capitalised words the list lacks lead to ("Industrial
    Development", "Insular Policy"), or ``None``."""
    k = n
    while k < end and k < n + 2 and doc[k].is_alpha and doc[k].is_title and doc[k].text not in DEPT_WORDS \
            and doc[k].text not in HEADS and doc[k].text not in _NOT_NAMES:
        k += 1
    return k + 1 if n < k < end and doc[k].text in DEPT_WORDS else None


def _particles_then_name(doc, j: int, end: int) -> bool:
    """Whether the particles from token ``j`` on ("von der", "de la") are followed by a name token."""
    k = j
    while k < end and k < j + 3 and doc[k].text in _PARTICLES:
        k += 1
    return k < end and _is_name_token(doc[k])


class _Parser:
    """Parses posts and names in one sentence."""

    def __init__(self, ctx: DocContext, sentence, host: str | None):
        self.ctx, self.doc, self.sentence, self.host = ctx, ctx.doc, sentence, host
        self.start, self.end = sentence.start, sentence.end
        self.known: dict[str, set[str]] = {}  # family name → actors of the posts stated for that person
        self.all_titles: list[_Title] = []  # every post parsed in the sentence
        self.names = {}  # token → name-layer mention starting there
        self.covered = set()
        for m in sentence.mentions:
            if m.kind == "concept":
                continue
            self.names[m.start] = m
            self.covered.update(range(m.start, m.end))

    # -- posts ------------------------------------------------------------------

    def actor_at(self, i: int):
        m = self.names.get(i)
        if m is not None and m.kind == "actor" and self.ctx.entity_kind(m.key) in POLITICAL | {"mission"}:
            return m
        return None

    def actor_ending_at(self, i: int):
        for m in self.sentence.mentions:
            if m.kind == "actor" and m.end == i and self.ctx.entity_kind(m.key) in POLITICAL:
                return m
        return None

    def parse_title(self, i: int) -> _Title | None:
        doc = self.doc
        j, words, has_head, written_out = i, [], False, False
        while j < self.end and j not in self.covered:
            token = doc[j]
            if token.text == "General" and words and words[-1] in {"Secretary", "Director", "Governor"}:
                words.append("General")
            elif token.text in ABBREVIATED_TITLES and j + 1 < self.end and _is_name_token(doc[j + 1]) \
                    and not (j > self.start and doc[j - 1].like_num):
                words.extend(ABBREVIATED_TITLES[token.text])  # ("Danish PM Mette Frederiksen"; not "at 3 PM")
                has_head = written_out = True
                j += 1
                break
            elif _is_title_word(token, HEADS):
                if has_head and token.text in _RULER_HEADS and j + 1 < self.end and _is_name_token(doc[j + 1]):
                    break  # "Acting Foreign Minister Amir Khan Muttaqi": a given name after the post
                words.append(token.text)
                has_head = True
            elif _is_title_word(token, MODIFIERS) and not (token.text == "General" and not words):
                words.append(token.text)
            elif token.text == "-" and words and j + 1 < self.end and (
                    doc[j + 1].text in HEADS | MODIFIERS | {"General", "in"}):
                words.append("-")
            elif token.text == "in" and words and words[-1] == "-":
                words.append("in")
            elif token.text == "Office" and words and words[-1] == "-":
                words.append("Office")
            else:
                break
            j += 1
        while words and not written_out and words[-1] not in HEADS and words[-1] not in {"General", "Office"}:
            words.pop()  # (a post written short is whole: "SecState" is the Secretary of State)
            j -= 1
        if not has_head or not words:
            return None
        core_end = j
        org = None
        before = self.actor_ending_at(i)
        start = i
        if before is None and i - 1 >= self.start and doc[i - 1].text in {"'s", "’s"}:
            before = self.actor_ending_at(i - 1)
        if before is not None:
            org, start = before.key, before.start
        elif i - 1 >= self.start and doc[i - 1].lower_ == "your" and self.host:
            org, start = self.host, i - 1
        text_words = list(words)
        k = core_end
        # A gloss in brackets: "Raksha Mantri (Minister of Defence) of the Republic of India"
        if k + 1 < self.end and doc[k].text == "(" and doc[k + 1].text in HEADS | MODIFIERS:
            close = next((j for j in range(k + 2, min(self.end, k + 14)) if doc[j].text == ")"), None)
            inner = self.parse_title(k + 1) if close is not None else None
            if inner is not None and inner.end <= close:
                text_words = inner.words[0].split()
                if org is None and inner.org:
                    org = inner.org
                k = close + 1
        # Complements: "of National Defence", "of the Republic of Poland", "for Foreign Affairs and Trade"
        while k < self.end and doc[k].lower_ in {"of", "for", "to", "on"}:
            prep = doc[k].lower_
            m = k + 1
            if words[-1] in _SPOKES and prep in {"for", "of"}:
                # "Spokesperson for (the) Secretary-General X": the post is "Spokesperson", in the actor of the
                # post it speaks for; that post is read on its own, with its own holder
                p = m + 1 if m < self.end and doc[m].lower_ == "the" else m
                if p < self.end and p not in self.covered and doc[p].text in HEADS | MODIFIERS:
                    inner = self.parse_title(p)
                    if inner is not None:
                        org = org or inner.org
                        break
            actor = self.actor_at(m)  # "of the Union" (a short form includes its article)
            if actor is None and m < self.end and doc[m].lower_ == "the":
                m += 1
                actor = self.actor_at(m)
            if actor is not None:
                if prep == "of" and org is None and actor.form != "coref":
                    org = actor.key
                    n = actor.end
                    while n < self.end and (doc[n].text in DEPT_WORDS or doc[n].text in HEADS or (
                            doc[n].is_title and doc[n].lower_ in ORDINALS)) and n not in self.covered:
                        n += 1  # "of the Czech Armed Forces", "of the ASEAN Chair", "of the U.S. Sixth Fleet"
                    k = n
                    continue
                if prep in {"for", "to", "on"}:  # "Special Coordinator for Lebanon", "Envoy ... on Myanmar"
                    if prep in {"for", "on"}:
                        text_words += [prep, *[t.text for t in doc[k + 1:actor.end]]]
                    k = actor.end
                    continue
                break
            n, consumed = m, []
            while n < self.end and n not in self.covered:
                token = doc[n]
                if token.text in DEPT_WORDS or token.text in HEADS:
                    consumed.append(token.text)
                elif (not consumed or consumed[-1] in {"and", "&"}) \
                        and (run := _to_department_word(doc, n, self.end)) is not None:
                    # "for Industrial Development", "and Insular Policy": words the list lacks before one it has
                    consumed += [t.text for t in doc[n:run]]
                    n = run
                    continue
                elif token.text in {"and", "&"} and consumed and n + 1 < self.end and (
                        doc[n + 1].text in DEPT_WORDS or _to_department_word(doc, n + 1, self.end) is not None):
                    consumed.append(token.text)
                elif token.text == "," and consumed and self._list_continues(n + 1):
                    consumed.append(",")
                elif token.text == "-" and consumed and n + 1 < self.end and doc[n + 1].text in DEPT_WORDS:
                    consumed.append("-")
                else:
                    break
                n += 1
            if not consumed:
                break
            text_words += [prep, *(["the"] if m > k + 1 else []), *consumed]
            k = n
        org_level = any(w in ORG_HEADS for w in words) or (words[-1] == "General" and "Secretary" in words) \
            or "Office" in words
        title = " ".join(text_words).replace(" - ", "-").replace(" ,", ",").replace("- in-", "-in-")
        title = title.replace("Secretary-General", "Secretary General")
        return _Title(start, k, i, [title], org, org_level)

    def _list_continues(self, n: int) -> bool:
        """After a comma in a complement: does a list of department words end with "and <Word>"?"""
        doc = self.doc
        while n < self.end and doc[n].text in DEPT_WORDS:
            n += 1
            if n < self.end and doc[n].text == "and" and n + 1 < self.end and doc[n + 1].text in DEPT_WORDS:
                return True
        return False

    def counterpart(self, i: int) -> _Title | None:
        """ "his Vietnamese counterpart", "my Chinese counterpart": a post named after the referent's, in an actor."""
        doc = self.doc
        actor = self.actor_ending_at(i)
        if actor is not None and actor.form != "coref":
            return _Title(actor.start, i + 1, i, [COUNTERPART], actor.key, False)
        if i + 2 < self.end and doc[i + 1].lower_ in {"from", "of", "in"}:
            actor = self.actor_at(i + 2) or (self.actor_at(i + 3) if doc[i + 2].lower_ == "the" else None)
            if actor is not None and actor.form != "coref" and self.ctx.entity_kind(actor.key) == "state":
                return _Title(i, actor.end, i, [COUNTERPART], actor.key, False)
        return None

    def titles(self) -> list[_Title]:
        out, i = [], self.start
        texts, lowers = texts_of(self.doc), self.ctx.lowers  # (no token objects for the words that start nothing)
        while i < self.end:
            title = None
            text = texts[i]
            if lowers[i] == "counterpart" and i not in self.covered:
                title = self.counterpart(i)
            elif i not in self.covered and (text in HEADS or text in MODIFIERS or text in ABBREVIATED_TITLES) \
                    and text[:1].isupper() and not self._given_ruler_name(i):
                title = self.parse_title(i)
            if title is not None:
                out.append(title)
                i = max(title.end, i + 1)
            else:
                i += 1
        return out

    def _given_ruler_name(self, i: int) -> bool:
        """ "Foreign Minister Amir Khan Muttaqi": a ruler's title right after a post, before a name, is a given name."""
        doc = self.doc
        return doc[i].text in _RULER_HEADS and i - 1 >= self.start and doc[i - 1].text in HEADS \
            and i + 1 < self.end and _is_name_token(doc[i + 1])

    # -- names ------------------------------------------------------------------

    def read_name(self, j: int) -> tuple[list, int]:
        doc, tokens = self.doc, []
        while j < self.end and len([t for t in tokens if t.text not in _PARTICLES]) < 6 and len(tokens) < 10 \
                and j not in self.covered:
            token = doc[j]
            if _is_name_token(token) or (not tokens and self._given_ruler_name(j)):
                tokens.append(token)
                j += 1
                # hyphenated parts: "Jean-Claude", "El-Amine", and romanized given names ("Jae-in", "Suk-yeol")
                while j + 1 < self.end and doc[j].text == "-" and not doc[j].whitespace_ \
                        and not doc[j - 1].whitespace_ and doc[j + 1].is_alpha \
                        and (doc[j + 1].text[:1].isupper() or len(doc[j + 1].text) <= 5):
                    tokens += [doc[j], doc[j + 1]]
                    j += 2
            elif _INITIAL.match(token.text) and (tokens or (j + 1 < self.end and _is_name_token(doc[j + 1]))):
                tokens.append(token)  # "Antony J. Blinken", "S. Jaishankar"
                j += 1
            elif len(token.text) == 1 and token.text.isupper() and token.is_alpha and tokens \
                    and j + 1 < self.end and _is_name_token(doc[j + 1]):
                tokens.append(token)  # a middle initial written without its full stop: "Dinesh K Tripathi"
                j += 1
            elif token.text in _PARTICLES and tokens and _particles_then_name(doc, j, self.end):
                tokens.append(token)  # "von der Leyen": a run of particles before the family name
                j += 1
            elif token.text in _HYPHENED_PARTICLES and tokens and j + 2 < self.end and doc[j + 1].text == "-" \
                    and not token.whitespace_ and not doc[j + 1].whitespace_ and _is_name_token(doc[j + 2]):
                tokens += [token, doc[j + 1], doc[j + 2]]  # "Kamel al-Wazir", "Abdel Fattah el-Sisi"
                j += 3
            elif token.text in _SUFFIXES and len([t for t in tokens if t.text != "-"]) >= 2:
                tokens.append(token)
                j += 1
                break
            elif token.text == "," and j + 1 < self.end and doc[j + 1].text in _SUFFIXES - {"II", "III", "IV"} \
                    and len([t for t in tokens if t.text != "-"]) >= 2 and j + 1 not in self.covered:
                tokens.append(doc[j + 1])  # "Ferdinand R. Marcos, Jr.": the comma is not part of the name
                j += 2
                break
            else:
                break
        while tokens and (_INITIAL.match(tokens[-1].text) or tokens[-1].text in _PARTICLES):
            tokens.pop()
            j -= 1
        return tokens, j

    def name_after(self, k: int) -> tuple[list, int, bool]:
        """A name after a post: ", Mr X Y" or " X Y". Returns (tokens, end, had_comma)."""
        doc = self.doc
        comma = False
        if k < self.end and doc[k].text == ",":
            k += 1
            comma = True
        if comma and k + 1 < self.end and doc[k].lower_ == "the" and doc[k + 1].text in HONORIFICS:
            k += 1  # "…, the Hon Richard Marles MP"
        while k < self.end and (doc[k].text in HONORIFICS or (doc[k].text in {"'", "’", "."} and k > 0
                                                               and doc[k - 1].text in HONORIFICS)) \
                and k not in self.covered:
            k += 1
        tokens, end = self.read_name(k)
        return tokens, end, comma

    def family_after(self, k: int) -> tuple[list, int]:
        """A family name of several words right after a post ("von der Leyen", "Van Rompuy")."""
        doc = self.doc
        for words in _multiword_families().get(doc[k].text if k < self.end else "", ()):
            n = len(words)
            if k + n <= self.end and tuple(t.text for t in doc[k:k + n]) == words:
                return list(doc[k:k + n]), k + n
        return [], k

    def name_before(self, start: int) -> tuple[list, int]:
        """A name right before ", <post>": "Mr. KISHIDA Fumio, Prime Minister of Japan"."""
        doc = self.doc
        k = start - 1
        if k >= self.start and doc[k].lower_ == "the":
            k -= 1
        if k < self.start or doc[k].text != ",":
            return [], start
        k -= 1
        if k >= self.start and doc[k].text in _SUFFIXES:
            k -= 1
            if k >= self.start and doc[k].text == ",":  # "Gilberto C. Teodoro, Jr., <post>"
                k -= 1
        first = k
        n = 0
        while first >= self.start and first not in self.covered and n < 6 and (
                _is_name_token(doc[first]) or _INITIAL.match(doc[first].text) or doc[first].text in _PARTICLES
                or (doc[first].text == "-" and not doc[first].whitespace_)
                or (doc[first].is_alpha and doc[first].is_lower and len(doc[first].text) <= 5 and first - 1 >= self.start
                    and doc[first - 1].text == "-" and not doc[first - 1].whitespace_)):  # "Cho Tae-yul"
            first -= 1
            n += 1
        first += 1
        while first <= k and not _is_name_token(doc[first]):
            first += 1
        if first > k:
            return [], start
        tokens, end = self.read_name(first)
        if len([t for t in tokens if t.text != "-"]) < 2:
            return [], start
        return tokens, first


@cache
def _multiword_families() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Family names of several words in the office-holder table, by first word, longest first."""
    from .holders import family_names

    nlp = get_nlp()
    out: dict[str, list[tuple[str, ...]]] = {}
    for family in family_names():
        words = tuple(t.text for t in nlp.make_doc(family))
        if len(words) > 1:
            out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _natural_order(tokens, family_first: bool) -> tuple[str, str]:
    """Return (full name in given-name-first order, family name)."""
    parts: list[str] = []
    join_next = False
    for token in tokens:
        if token.text == "-" and parts:
            parts[-1] += "-"
            join_next = True
        elif join_next:
            parts[-1] += token.text
            join_next = False
        else:
            parts.append(token.text)
    words = [w.capitalize() if w.isupper() and len(w) > 2 and w not in _SUFFIXES and not _INITIAL.match(w) else w for w in parts]
    caps_first = len(parts) >= 2 and parts[0].isupper() and parts[0].replace("-", "").isalpha() and len(parts[0]) > 1 \
        and not parts[1].isupper()
    if caps_first or (family_first and len(words) == 2):
        return " ".join(words[1:] + words[:1]), words[0]
    family = next((w for w in reversed(words) if w not in _SUFFIXES), words[-1])
    return " ".join(words), family


def find_people(ctx: DocContext, host: str | None = None):
    """Find persons and positions; record their statements in ``ctx``.

    Returns persons by IRI, positions, and person mentions as (IRI, first token, end token).
    """
    persons: dict[str, Person] = {}
    by_family: dict[str, str] = {}
    positions: dict[str, Position] = {}
    mentions: list[tuple[str, int, int]] = []
    pending: list[tuple[list, int, int, list[_Title], object]] = []
    japanese_style = "state/jpn" in ctx.publisher
    found_all = []
    for sentence in ctx.sentences:
        parser = _Parser(ctx, sentence, host)
        for found in _found_in(parser):
            found_all.append((found, sentence, parser))
            if found.name_tokens and found.name_tokens[0].text.isupper() and len(found.name_tokens) >= 2 \
                    and found.name_tokens[0].is_alpha and len(found.name_tokens[0].text) > 1 \
                    and not found.name_tokens[1].text.isupper():
                japanese_style = True
    known = _stated_posts(found_all)
    fullest = _fullest_names(found_all, japanese_style)
    untitled = []
    last_post: dict[int, tuple[str, str]] = {}  # sentence → (person, post) of the last person named in it
    for found, sentence, parser in found_all:
        parser.known = known
        for title in found.titles:
            ctx.title_spans.append((title.core_start, title.end))
        tokens = [t for t in found.name_tokens if t.text != "-"]
        if not found.titles and len(tokens) >= 2:
            untitled.append((found, sentence))
            continue
        if len(tokens) >= 2 and all(_INITIAL.match(t.text) for t in tokens[:-1]) and by_family.get(tokens[-1].text):
            # "Y. Güler" after "Yaşar Güler": the same person, named again by initial
            pending.append(([tokens[-1]], found.start, found.end, found.titles, (sentence, parser), found))
            continue
        if len(tokens) >= 2 and not found.family_only:
            orgs = [_org(ctx, parser, found, t) for t in found.titles]
            family_first = japanese_style and "state/jpn" in orgs and len(tokens) == 2 \
                and not tokens[0].text.isupper() and not tokens[1].text.isupper()
            name, family = _natural_order(found.name_tokens, family_first)
            name = fullest.get((family, name[:1]), name)
            longer = next((p for p in persons.values() if p.name.endswith(" " + name)), None)
            if longer is not None:  # "Minister Al Mazrouei" after "Mohammed bin … Al Mazrouei"
                pending.append(([tokens[-1]], found.start, found.end, found.titles, (sentence, parser), found))
                by_family.setdefault(tokens[-1].text, longer.iri)
                continue
            iri = ID + "person/" + slugify(name)
            if iri not in persons:
                persons[iri] = Person(iri=iri, name=name, family_name=family)
                by_family.setdefault(family, iri)
                by_family.setdefault(family.upper(), iri)
                ev = ctx.evidence(sentence, "person-title-pattern", 0.9)
                ctx.state(iri, RDF + "type", PACT + "Person", ev)
                ctx.state(iri, RDFS + "label", (name, XSD + "string"), ev)
            mentions.append((iri, found.start, found.end))
            for title, org in zip(found.titles, orgs):
                if title.words == [COUNTERPART]:
                    title.words = [_referent_post(ctx, title, sentence, last_post, persons, positions)]
                _add_position(ctx, sentence, positions, iri, title, org)
            if found.titles and found.titles[0].words != [COUNTERPART]:
                last_post[sentence.index] = (iri, found.titles[0].words[0])
        elif tokens:
            pending.append((tokens, found.start, found.end, found.titles, (sentence, parser), found))
    # A name with a form of address only ("Dr Bastian Giegerich"): a person only if a post names them elsewhere.
    for found, sentence in untitled:
        name, _ = _natural_order(found.name_tokens, False)
        iri = ID + "person/" + slugify(name)
        if iri in persons:
            mentions.append((iri, found.start, found.end))
    for tokens, start, end, titles, (sentence, parser), found in pending:
        family = " ".join(t.text for t in tokens) if found.family_only else tokens[0].text
        iri = by_family.get(family) or by_family.get(family.capitalize())
        if iri is None and titles:
            iri = _known_holder(ctx, sentence, found, family, persons, by_family, positions)
        if iri is None:
            continue
        mentions.append((iri, start, end))
    # Bare surnames of known persons ("Borg said").
    known = {f for f in by_family if not f.isupper() or len(f) <= 1}
    taken = {i for _, s, e in mentions for i in range(s, e)}
    texts = texts_of(ctx.doc)  # (no token objects: most words are not a known family name)
    for sentence in ctx.sentences:
        for i in range(sentence.start, sentence.end):
            if texts[i] in known and i not in taken and ctx.doc[i].is_title:
                mentions.append((by_family[texts[i]], i, i + 1))
    mentions.sort(key=lambda m: m[1])
    _merge_positions(ctx, positions)
    for position in positions.values():
        if position.organization:
            ctx.positions_by_person.setdefault(position.holder, []).append(position.organization.removeprefix(ID))
        ctx.titles_by_person.setdefault(position.holder, []).append(position.title)
    return persons, list(positions.values()), mentions


def _fullest_names(found_all, japanese_style: bool) -> dict[tuple[str, str], str]:
    """The fullest form of each person's name in a text, by family name and first initial: "Joe Biden" in a
    headline and "Joseph R. Biden, Jr." in the body are one person, named the longer way."""
    best: dict[tuple[str, str], str] = {}
    for found, _sentence, _parser in found_all:
        tokens = [t for t in found.name_tokens if t.text != "-"]
        if len(tokens) < 2 or found.family_only or all(_INITIAL.match(t.text) for t in tokens[:-1]):
            continue
        name, family = _natural_order(found.name_tokens, False)
        if japanese_style:
            continue  # family-name-first forms are ordered per post later; leave them as they are
        key = (family, name[:1])
        if len(name) > len(best.get(key, "")):
            best[key] = name
    return best


def _found_in(parser: _Parser) -> list[_Found]:
    doc = parser.doc
    titles = parser.all_titles = parser.titles()
    found: list[_Found] = []
    used: set[int] = set()
    i = 0
    # "…, Ambassador Bankole Adeoye": "Ambassador" right before a name, after another post, is a form of address
    titles = [t for k, t in enumerate(titles)
              if not (k and t.words == ["Ambassador"] and t.org is None and doc[t.start - 1].text == ","
                      and parser.read_name(t.end)[0])]
    while i < len(titles):
        chain = [titles[i]]
        while i + 1 < len(titles):
            gap = doc[chain[-1].end:titles[i + 1].start]
            if all(t.text in {",", "and", "the"} for t in gap) and len(gap) <= 3:
                # a name between them breaks the chain ("…, Mr X Y, and the President of …")
                chain.append(titles[i + 1])
                i += 1
            else:
                break
        i += 1
        tokens, end, comma = parser.name_after(chain[-1].end)
        if tokens and comma and end < parser.end and doc[end].text == "," and any(t.start == end + 1 for t in titles[i:]):
            # "A B, <post>, C D, <post> …": the name after the post has a post of its own, so this post is A B's
            before, first = parser.name_before(chain[0].start)
            if before:
                found.append(_Found(before, first, chain[-1].end, chain))
                used.update(range(first, chain[-1].end))
                continue
        if tokens:
            found.append(_Found(tokens, chain[0].start, end, chain))
            used.update(range(chain[0].start, end))
            continue
        tokens, first = parser.name_before(chain[0].start)
        if tokens:
            found.append(_Found(tokens, first, chain[-1].end, chain))
            used.update(range(first, chain[-1].end))
            continue
        tokens, end = parser.family_after(chain[-1].end)
        if tokens:  # "President von der Leyen": a family name of several words
            found.append(_Found(tokens, chain[0].start, end, chain, family_only=True))
            used.update(range(chain[0].start, end))
    found += [f for f in _plural_posts(parser) if not used & set(range(f.start, f.end))]
    # "Mr Rasmussen", "Ms Battsetseg": honorific and a name, no post.
    texts = texts_of(doc)
    for i in range(parser.start, parser.end):
        if texts[i] in _SURNAME_CUES and i + 1 < parser.end and i not in used:
            tokens, end = parser.read_name(i + 1)
            if tokens and not any(f.start <= i < f.end for f in found):
                found.append(_Found(tokens, i, end, []))
    return found


_PLURAL_HEADS = {head + "s": head for head in HEADS if not head.endswith("s")} | {"Chairmen": "Chairman"}
_LOWER_CASE_HEADS = {"President", "Minister", "Secretary", "Chancellor", "Premier", "Ambassador", "Commissioner",
                     "Envoy"}
_POST_HEAD_FORMS = sorted(set(_PLURAL_HEADS) | {head[:1].lower() + head[1:] for head in _PLURAL_HEADS}
                          | {head.lower() for head in _LOWER_CASE_HEADS})  # (as written: "Presidents", "ministers")


def _plural_posts(parser: _Parser) -> list[_Found]:
    """ "Presidents Václav Havel of Czechoslovakia and Lech Wałęsa of Poland", "the prime ministers John Curtin and
    Peter Fraser", "the Slovak, Czech and Polish defence ministers, Jaroslav Naď, Jana Černochová and Mariusz
    Błaszczak": a post in the plural before two or more full names is each one's post, in the actor named after each
    name, or in the adjectives listed before the post, one each in order."""
    doc, ctx = parser.doc, parser.ctx
    texts = texts_of(doc)
    out: list[_Found] = []
    heads = _post_heads(doc)
    at = bisect_left(heads, parser.start)
    while at < len(heads) and heads[at] < parser.end:
        i = heads[at]
        at += 1
        if out and i < out[-1].end:
            continue
        word = texts[i][:1].upper() + texts[i][1:]
        head = _PLURAL_HEADS.get(word)
        single = head is None and word in _LOWER_CASE_HEADS and texts[i].islower()  # ("the Hungarian prime minister
        # József Antall", "its president, Islam Karimov")
        if single:
            head = word
        if head is None or i in parser.covered:
            continue
        first = i
        while first - 1 >= parser.start and texts[first - 1][:1].upper() + texts[first - 1][1:] in MODIFIERS \
                and first - 1 not in parser.covered:
            first -= 1
        words = [texts[k][:1].upper() + texts[k][1:] for k in range(first, i)] + [head]
        adjectives = _adjectives_before(parser, first)
        k = i + 1 + (i + 1 < parser.end and texts[i + 1] == ",")
        names: list[tuple[list, int, int, str | None]] = []
        while k < parser.end:
            tokens, end = parser.read_name(k)
            if len([t for t in tokens if t.text != "-"]) < 2:
                break
            org = None
            if end + 1 < parser.end and ctx.lowers[end] == "of":
                actor = parser.actor_at(end + 1) or (parser.actor_at(end + 2) if ctx.lowers[end + 1] == "the" else None)
                if actor is not None and actor.form != "coref":
                    org, end = actor.key, actor.end
            names.append((tokens, k, end, org))
            if end < parser.end and texts[end] in {",", "and"}:
                k = end + 1 + (texts[end] == "," and end + 1 < parser.end and texts[end + 1] == "and")
            else:
                break
        if single:
            names = names[:1]
            if len(adjectives) > 1:
                adjectives = []
            owner = parser.actor_ending_at(first) or (parser.actor_ending_at(first - 1)
                                                      if first - 1 >= parser.start and texts[first - 1] in {"'s", "’s"}
                                                      else None)
            if owner is not None and not adjectives:
                adjectives = [owner.key]  # "Britain's prime minister Keir Starmer"
        if len(names) < (1 if single else 2):
            continue
        respectively = len(adjectives) == len(names)
        for n, (tokens, start, end, org) in enumerate(names):
            org = org or (adjectives[n] if respectively else None)
            title = _Title(first, i + 1, first, [" ".join(words)], org, any(w in ORG_HEADS for w in words),
                           plural=not single)
            out.append(_Found(tokens, start, end, [title]))
    return out


def _post_heads(doc) -> list[int]:
    """The tokens of a text that may head a post in the plural or in lower case ("Presidents", "ministers",
    "president"), found once per text."""
    cached = doc.user_data.get("pactgraph.post_heads")
    if cached is None:
        from .mentions import _token_positions

        cached = doc.user_data["pactgraph.post_heads"] = _token_positions(doc, _POST_HEAD_FORMS)
    return cached


def _adjectives_before(parser: _Parser, at: int) -> list[str]:
    """The states' adjectives listed right before token ``at`` ("the Slovak, Czech and Polish"), in order."""
    ctx = parser.ctx
    adjectives = [m for m in parser.sentence.mentions if m.kind == "actor" and m.form == "adjective" and m.end <= at
                  and ctx.entity_kind(m.key) == "state"]
    listed, end = [], at
    for m in reversed(adjectives):
        if not all(w in {",", "and"} for w in ctx.lowers[m.end:end]):
            break
        listed.insert(0, m.key)
        end = m.start
    return listed


def _stated_posts(found_all) -> dict[str, set[str]]:
    """Family names of persons whose post states its actor → those actors ("Rajnath Singh, … of India")."""
    known: dict[str, set[str]] = {}
    for found, _, _ in found_all:
        tokens = [t.text for t in found.name_tokens if t.text != "-"]
        if len(tokens) < 2 or found.family_only:
            continue
        for title in found.titles:
            if title.org:
                for word in tokens:
                    known.setdefault(word, set()).add(title.org)
                    known.setdefault(word.capitalize(), set()).add(title.org)
    return known


def _referent_post(ctx: DocContext, title: _Title, sentence, last_post, persons, positions) -> str:
    """The post a counterpart shares: the speaker's ("my counterpart"), else that of the person named before."""
    doc = ctx.doc
    k = title.start - 1
    if k >= 0 and doc[k].lower_ in {"my", "our"}:
        speaker = ctx.source.metadata.get("speaker")
        referent = next((p.iri for p in persons.values() if speaker and p.name == speaker), None)
        if referent:
            post = next((p.title for p in positions.values() if p.holder == referent), None)
            if post:
                return post.removeprefix("Federal ")  # the referent's own state's style is not the counterpart's
    if sentence.index in last_post:
        return last_post[sentence.index][1]
    return COUNTERPART


def _core_title(title: _Title) -> str:
    """The post without its complements: "President of the Russian Federation" → "President"."""
    words = title.words[0].split()
    for i, word in enumerate(words):
        if word in {"of", "for", "to", "on"}:
            return " ".join(words[:i])
    return title.words[0]


def _known_holder(ctx: DocContext, sentence, found: _Found, family: str, persons, by_family, positions) -> str | None:
    """A post with a family name only ("President Putin"): the one holder in the table, if any."""
    from .holders import find_holder

    register = ctx.gazetteer.register

    def related(a: str, b: str) -> bool:
        return a == b or register.entities.get(a) is not None and register.entities[a].parent == b \
            or register.entities.get(b) is not None and register.entities[b].parent == a

    title = found.titles[-1]
    holder = find_holder(family, _core_title(title), title.org, ctx.source.metadata.get("date"), related)
    if holder is None or holder.actor not in register.entities:
        return None
    iri = ID + "person/" + slugify(holder.name)
    if iri not in persons:
        persons[iri] = Person(iri=iri, name=holder.name, family_name=family)
        ev = ctx.evidence(sentence, "person-known-office-holder", 0.8)
        ctx.state(iri, RDF + "type", PACT + "Person", ev)
        ctx.state(iri, RDFS + "label", (holder.name, XSD + "string"), ev)
        for key in holder.family:
            by_family.setdefault(key, iri)
    posted = _Title(title.start, title.end, title.core_start, [_core_title(title)], holder.actor, title.org_level)
    _add_position(ctx, sentence, positions, iri, posted, holder.actor, rule="position-known-office-holder",
                  confidence=0.8)
    return iri


def _org(ctx: DocContext, parser: _Parser, found: _Found, title: _Title) -> str | None:
    """The actor a post belongs to: stated, shared with a coordinated post, or from the context."""
    if title.org:
        return title.org
    if title.plural:
        return _state_after_name(ctx, parser, found)  # (two prime ministers of one state the context gives are
        # unlikely: "signed by the prime ministers John Curtin and Peter Fraser")
    chain = found.titles
    at = chain.index(title)
    for other in chain[at + 1:] + list(reversed(chain[:at])):
        if other.org and other.org_level == title.org_level:
            return other.org
    sentence = parser.sentence
    if _mission_post(title, ctx.doc):
        mission = _mission_of(ctx, sentence)
        if mission:
            return mission
    if title.org_level:
        known = _well_known_holder(ctx, found, title)
        if known and ctx.entity_kind(known) != "state":
            return known  # "Secretary-General António Guterres" in a speech at the General Assembly: the UN's
        org = ctx.publisher_org()
        if org:
            return org
        orgs = [m.key for m in ctx.actors_in(sentence, POLITICAL - {"state"}, coref=False)]
        if len(set(orgs)) == 1:
            return orgs[0]
        return next((k for k in ctx.main_actors if ctx.entity_kind(k) != "state"), None)
    after = _state_after_name(ctx, parser, found)
    if after:
        return after
    elsewhere = _actor_from_elsewhere(ctx, parser, found, title)
    if elsewhere:
        return elsewhere
    # a state that another post of the sentence states is that post's ("X received the Prime Minister of Japan")
    others = {t.org for t in parser.all_titles if t.org and not any(t is f for f in found.titles)}
    states = list(dict.fromkeys(m.key for m in ctx.actors_in(sentence, {"state"}, coref=False)
                                if not (found.start <= m.start < found.end)))
    if len(states) == 1 and states[0] in others:
        states = []
    # a joint body ("the NATO-Ukraine Council") met in a state does not make its guests that state's officials
    joint = {k for m in ctx.actors_in(sentence, {"body"}, coref=False) for k in _joint_members(ctx, m.key)}
    if len(states) == 1:
        return None if joint and states[0] not in joint else states[0]
    if states:
        return _one_of_several(ctx, parser, found, title, states)
    if _publisher_post(ctx, title):
        return ctx.publisher_state()  # (the Ministry's own Minister, speaking "for the anniversary of the Peace of
        # Brasília", is not Brazil's)
    register = ctx.gazetteer.register
    countries = {register.entities[m.key].country for m in sentence.mentions if m.kind == "place"} - {None}
    if len(countries) == 1:
        country = countries.pop()
        return None if (joint and country not in joint) or country in others else country
    return ctx.publisher_state()


def _state_after_name(ctx: DocContext, parser: _Parser, found: _Found) -> str | None:
    """ "Acting Foreign Minister Amir Khan Muttaqi of Afghanistan", "President Paul Kagame of Rwanda": the state
    named right after the name."""
    k = found.end
    if k + 1 >= parser.end or ctx.lowers[k] != "of":
        return None
    actor = parser.actor_at(k + 1) or (parser.actor_at(k + 2) if ctx.lowers[k + 1] == "the" else None)
    return actor.key if actor is not None and actor.form != "coref" and ctx.entity_kind(actor.key) == "state" else None


def _publisher_post(ctx: DocContext, title: _Title) -> bool:
    """Whether a minister's post is the one heading the publishing ministry: "Minister of Foreign Affairs and Human
    Mobility" in a text of the "Ministry of Foreign Affairs and Human Mobility of Ecuador"."""
    post = " ".join(title.words)
    publisher = ctx.source.metadata.get("publisher", "").lower()
    if ctx.publisher_state() is None:
        return False
    if post.startswith("Minister "):
        return f"Ministry {post.removeprefix('Minister ')}".lower() in publisher
    # "Foreign Minister" in a text of the "Ministry of Foreign Affairs"
    field = _MINISTRY_FIELDS.get(post.removeprefix("Deputy Prime Minister and ").removeprefix("Acting "))
    return field is not None and any(f"ministry of {w}" in publisher or f"ministry of the {w}" in publisher
                                     for w in field)


_MINISTRY_FIELDS = {"Foreign Minister": ("foreign affairs",), "Defence Minister": ("defence", "national defence"),
                    "Defense Minister": ("defense", "national defense"), "Interior Minister": ("interior",)}


def _joint_members(ctx: DocContext, key: str) -> frozenset[str]:
    """The actors a joint body is named after: "NATO-Ukraine Council" → NATO, Ukraine (none for other bodies)."""
    entity = ctx.gazetteer.register.entities.get(key)
    label = entity.label if entity is not None else ""
    if not re.search(r"\w[-–]\w", label):
        return frozenset()
    return _label_parts(label, ctx.gazetteer)


_PARTS: dict[tuple[int, str], frozenset[str]] = {}


def _label_parts(label: str, gazetteer) -> frozenset[str]:
    from .mentions import text_entities

    cache_key = (id(gazetteer), label)
    if cache_key not in _PARTS:
        keys = set()
        for part in re.split(r"[-–]", label):
            keys.update(text_entities(part, gazetteer))
        _PARTS[cache_key] = frozenset(keys)
    return _PARTS[cache_key]


_MISSION_POST_WORDS = {"Force", "Mission", "Operation", "Police"}


def _mission_post(title: _Title, doc) -> bool:
    """ "Force Commander", "Head of Mission", "Police Commissioner": a post in a peace operation."""
    words = set(title.words[0].replace("-", " ").split())
    if title.core_start > 0 and doc[title.core_start - 1].text in _MISSION_POST_WORDS:
        words.add(doc[title.core_start - 1].text)  # "the Force Commander" ("the Force" read as the mission)
    return bool(words & _MISSION_POST_WORDS) and bool(words & {"Commander", "Head", "Commissioner", "Chief"})


def _mission_of(ctx: DocContext, sentence) -> str | None:
    """The one mission the sentence names, else the last one named in the four sentences before."""
    named = {m.key for m in ctx.actors_in(sentence, {"mission"}, coref=False)}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    for earlier in reversed(ctx.sentences[max(0, sentence.index - 4):sentence.index]):
        found = [m.key for m in ctx.actors_in(earlier, {"mission"}, coref=False)]
        if found:
            return found[-1]
    return None


def _actor_from_elsewhere(ctx: DocContext, parser: _Parser, found: _Found, title: _Title) -> str | None:
    """The state of a post stated at another mention of the same person, else the well-known holder's state."""
    tokens = _name_words(found)
    if len(tokens) < 2:
        return None
    stated = parser.known.get(tokens[-1], set())
    if len(stated) == 1:
        key = next(iter(stated))
        if ctx.entity_kind(key) == "state":
            return key
    actor = _well_known_holder(ctx, found, title)
    return actor if actor and ctx.entity_kind(actor) == "state" else None


def _name_words(found: _Found) -> list[str]:
    """The words of a found name, without suffixes, initials and hyphens ("Ferdinand R. Marcos, Jr." → Ferdinand,
    Marcos)."""
    return [t.text for t in found.name_tokens if t.text not in _SUFFIXES and not _INITIAL.match(t.text)
            and t.text != "-"]


def _well_known_holder(ctx: DocContext, found: _Found, title: _Title) -> str | None:
    """The actor of the one well-known holder (office_holders.csv) of this post with this family and first name, on the
    text's date."""
    from .holders import find_holder

    tokens = _name_words(found)
    if len(tokens) < 2:
        return None
    holder = find_holder(tokens[-1], _core_title(title), None, ctx.source.metadata.get("date"))
    return holder.actor if holder is not None and holder.name.split()[0] == tokens[0] else None


def _one_of_several(ctx: DocContext, parser: _Parser, found: _Found, title: _Title, states: list[str]) -> str | None:
    """Whose post is it, when a sentence names several states?

    A well-known office holder's state; else the other persons of the sentence whose posts
    state their actor take theirs ("Rajnath Singh [of India] called on President X … ties
    between India and Viet Nam": Viet Nam); failing that, the state the whole text is
    clearly about, unless that is the publisher's own state (a government's release names
    foreign leaders with their country in the sentence); else nobody.
    """
    from .holders import holder_actor

    doc = ctx.doc
    name, _ = _natural_order(found.name_tokens, False)
    known_actor = holder_actor(name, _core_title(title), ctx.source.metadata.get("date"))
    if known_actor in states:
        return known_actor
    known = parser.known
    own = {t.text for t in found.name_tokens}
    taken: set[str] = set()
    for token in doc[parser.start:parser.end]:
        if found.start <= token.i < found.end or token.text in own:
            continue
        taken |= known.get(token.text, set())
    rest = [s for s in states if s not in taken]
    if len(rest) == 1 and len(rest) < len(states):
        return rest[0]
    named_after = {m.key for m in ctx.actors_in(parser.sentence, {"state"}, coref=False)
                   if m.start - 2 >= parser.start and ctx.lowers[m.start - 1] == "of"
                   and _is_name_token(doc[m.start - 2]) and not found.start <= m.start - 2 < found.end}
    if not set(rest) - named_after and _publisher_post(ctx, title):
        # "Foreign Minister X travelled to Kabul with Foreign Minister Wang Yi of China and …": every state named is
        # another's, so the ministry's own minister is its state
        return ctx.publisher_state()
    counts = ctx.actor_counts()
    ranked = sorted(rest or states, key=lambda k: -counts[k])
    if len(ranked) >= 2 and counts[ranked[0]] >= 3 and counts[ranked[0]] >= 2 * counts[ranked[1]] \
            and ranked[0] != ctx.publisher_state():
        return ranked[0]
    return None


def _add_position(ctx: DocContext, sentence, positions: dict[str, Position], person: str, title: _Title,
                  org_key: str | None, rule: str = "position-title-pattern", confidence: float | None = None) -> None:
    words = title.words[0]
    iri = ID + "position/" + slugify(f"{person.rsplit('/', 1)[-1]} {words} {org_key or ''}")
    position = positions.get(iri)
    if position is None:
        position = positions[iri] = Position(iri=iri, holder=person, title=words,
                                             organization=ID + org_key if org_key else None)
    if confidence is None:
        confidence = 0.9 if title.org else 0.75
    ev = ctx.evidence(sentence, rule, confidence)
    ctx.state(iri, RDF + "type", PACT + "Position", ev)
    ctx.state(iri, PACT + "holder", person, ev)
    ctx.state(iri, PACT + "roleTitle", (words, XSD + "string"), ev)
    if position.organization:
        ctx.state(iri, PACT + "positionIn", position.organization, ev)


def _merge_positions(ctx: DocContext, positions: dict[str, Position]) -> None:
    """Fold a post seen without its actor into the same post seen with one."""
    for iri, position in list(positions.items()):
        if position.organization:
            continue
        twin = next((p for p in positions.values() if p.organization and p.holder == position.holder
                     and p.title == position.title), None)
        if twin is None:
            continue
        del positions[iri]
        for key in [k for k in ctx.statements if k[0] == iri]:
            statement = ctx.statements.pop(key)
            for ev in statement.evidence:
                ctx.state(twin.iri, statement.predicate, statement.obj, ev)
