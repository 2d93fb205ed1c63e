"""Agreements: named by genre ("Joint Political Declaration", "Memorandum of
Understanding", "Individually Tailored Partnership Programme", "Treaty",
"Roadmap", "Exchange of Notes"…), with parties, signatories, date and place.

An agreement is kept when the text presents it as concluded: a sentence naming
it says it was signed, adopted, endorsed, agreed, ratified or acceded to (and
not merely negotiated or hoped for); its name joins two actors ("EU-ASEAN Work
Plan"); or it is the document itself (a joint statement or declaration). Legal
texts cited as standards ("the Charter of the United Nations", "the Paris
Agreement" to be implemented) are not agreements of the text.

Mentions of the same genre in one text ("the Joint Declaration", "this
declaration", "our declaration") are one agreement unless their names differ
("Economic Partnership Agreement", "Strategic Partnership Agreement").

Parties come, in order of preference, from accession ("Sweden's accession to
the Washington Treaty": Sweden), the agreement's name ("NATO-Georgia Package"),
"between A and B" or "by A, B and C" in a sentence that concludes it, the
parties urged to implement it ("urged the South Sudanese parties to implement the
Revitalized Agreement"), the actors and the signatories' actors of that sentence
(not organizations they are members of), and finally the text's main actors.

With the agreement model (:mod:`.agreement_model`, left out by ``--rules-only``), a mention the rules leave neither
concluded nor planned is concluded when the model scores it so, and an agreement's parties are the model's choice
among candidates that include the rules' own parties (a well-known agreement's are never scored).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field, replace
from functools import cache

from ..model import Agreement, Position
from ..namespaces import DCTERMS, ID, PACT, RDF, RDFS, XSD, slugify
from .context import POLITICAL, DocContext, Sentence
from .clauses import coordinated_before, coordinated_from, rel, subject_group
from .agreement_model import party_candidates
from .dates import find_dates, find_relative_dates, find_yearless_dates, month_number
from .words import NUMBER_WORDS, ORDINALS
from .pipeline import texts_of

__all__ = ["GENRES", "constituents", "find_agreements"]

# (genre phrase in lowercase, pact: class, only when capitalised). Longer phrases win.
GENRES: list[tuple[str, str, bool]] = [
    ("individual partnership and cooperation programme", "PartnershipProgramme", False),
    ("individually tailored partnership programme", "PartnershipProgramme", False),
    ("individual partnership action plan", "ActionPlan", False),
    ("partnership and cooperation programme", "PartnershipProgramme", False),
    ("partnership programme", "PartnershipProgramme", False),
    ("partnership program", "PartnershipProgramme", False),
    ("cooperation programme", "PartnershipProgramme", False),
    ("annual national programme", "PartnershipProgramme", False),
    # a programme that carries out a partnership already agreed, for a term of years: "the Action Programme for the
    # implementation of the Comprehensive Strategic Partnership", "the Work Programme for 2026–2028"
    ("action programme", "ActionPlan", False),
    ("action program", "ActionPlan", False),
    ("work programme", "ActionPlan", False),
    ("executive programme", "ActionPlan", False),
    ("programme", "PartnershipProgramme", True),
    ("program", "PartnershipProgramme", True),
    ("package", "PartnershipProgramme", True),
    ("joint political declaration", "JointDeclaration", False),
    ("political declaration", "JointDeclaration", False),
    ("joint declaration", "JointDeclaration", False),
    ("declaration", "JointDeclaration", False),
    ("joint statement", "JointStatement", False),
    ("joint vision statement", "JointStatement", False),
    ("joint vision", "JointStatement", True),  # "India-Oman Joint Vision: A Partnership for the Future"
    ("vision statement", "JointStatement", True),
    ("shared vision", "JointStatement", True),  # "the Shared Vision of India-Indonesia Maritime Cooperation"
    ("joint communique", "JointStatement", False),
    ("joint communiqué", "JointStatement", False),
    ("communiqué", "JointStatement", True),
    ("communique", "JointStatement", True),
    ("memorandum of understanding", "MemorandumOfUnderstanding", False),
    ("memoranda of understanding", "MemorandumOfUnderstanding", False),
    ("memorandum of cooperation", "MemorandumOfUnderstanding", False),
    ("memorandum", "MemorandumOfUnderstanding", False),
    ("mou", "MemorandumOfUnderstanding", False),
    ("letter of intent", "MemorandumOfUnderstanding", False),
    ("letter of offer and acceptance", "Agreement", False),  # a sale between governments ("LOA"), signed by both
    ("letter of acceptance", "Agreement", False),  # "signed … a letter of acceptance on the establishment of …"
    ("addendum", "Agreement", False),  # "an addendum to the Memorandum of Understanding on …" (see _amended)
    ("statement of intent", "MemorandumOfUnderstanding", False),  # "the statement of intent A and B signed in 2016"
    ("declaration of intent", "JointDeclaration", False),  # "signed the relevant declaration of intent"
    ("outcome document", "JointStatement", False),  # "the outcome document … that the three advisers adopted"
    ("framework participation agreement", "FrameworkAgreement", False),
    ("framework agreement", "FrameworkAgreement", False),
    ("framework", "PartnershipFramework", True),
    ("strategic partnership", "PartnershipFramework", True),
    ("partnership", "PartnershipFramework", True),  # "a Security and Defence Partnership" signed
    ("security and defence partnership", "PartnershipFramework", False),  # the EU's instrument, also in lower case
    ("security and defense partnership", "PartnershipFramework", False),
    ("comprehensive strategic partnership", "PartnershipFramework", True),
    ("security agreement", "Agreement", False),
    ("exchange of notes", "Agreement", False),
    ("exchange of letters", "Agreement", False),
    ("exchanged letters", "Agreement", False),  # (the verb: "the two Ministers exchanged letters on …")
    ("exchanged notes", "Agreement", False),
    ("exchanged diplomatic notes", "Agreement", False),
    ("partnership priorities", "ActionPlan", False),  # the EU's agreed priorities with a neighbour, for a term
    ("administrative arrangement", "Agreement", False),  # the European Defence Agency's with third states
    ("terms of reference", "Agreement", False),  # "Terms of Reference for Navy-to-Navy Staff Talks" exchanged
    ("package of measures", "Agreement", False),
    ("joint press statement", "JointStatement", False),
    ("plan", "ActionPlan", True),  # "Plan of Bilateral Military Cooperation for 2026", "Implementation Plan"
    ("action plan", "ActionPlan", False),
    ("work plan", "ActionPlan", False),
    ("strategic agenda", "ActionPlan", True),  # "Towards 2030: India-EU Joint Comprehensive Strategic Agenda"
    ("cooperation plan", "ActionPlan", False),  # "the bilateral military cooperation plan for 2026"
    ("plan of military cooperation", "ActionPlan", False),  # "the bilateral plan of military cooperation … for 2025"
    ("plan of bilateral military cooperation", "ActionPlan", False),
    ("plan of defence cooperation", "ActionPlan", False),
    ("roadmap", "ActionPlan", False),
    ("road map", "ActionPlan", False),
    ("treaty", "Treaty", False),
    ("protocol", "Treaty", True),
    ("accession protocol", "Treaty", False),
    ("agreement", "Agreement", False),
    ("arrangement", "Agreement", True),
    ("accord", "Agreement", False),
    ("understanding", "Agreement", True),  # "the Bicentennial Understanding on Security, Public Health and …"
    ("accords", "Agreement", False),
    ("pact", "Agreement", True),
    ("compact", "Agreement", True),  # "the EU-Jordan Compact agreed in 2016", "the Compact of Free Association"
    ("charter", "Treaty", True),
    ("statute", "Treaty", True),  # "the Statute of the Council of Europe", "the Rome Statute"
    ("convention", "Treaty", True),
    ("code of conduct", "Agreement", True),  # "the Yaoundé Code of Conduct", "the Hague Code of Conduct"
    ("statement", "JointStatement", True),  # "the ARF Statement on …", "the G7 Foreign Ministers' Statement on Syria"
    ("ceasefire", "Agreement", False),  # (concluded only, see _TRUCE_HEADS)
    ("cease-fire", "Agreement", False),
    ("truce", "Agreement", False),
    ("cessation of hostilities", "Agreement", False),
    ("cessation of hostilities arrangement", "Agreement", False),  # Israel and Lebanon's of 26 November 2024
]
# Words that cite an agreement as a standard: a concluding verb before them concludes something else.
_CITED_UNDER = {"accordance", "pursuant", "consistent", "conformity", "compliance", "line"}
_CONCLUDE = {
    "sign", "signs", "signed", "signing", "signature", "conclude", "concludes", "concluded", "concluding",
    "adopt", "adopts", "adopted", "adopting", "adoption", "endorse", "endorses", "endorsed", "endorsing",
    "approve", "approved", "approves", "agreed", "ink", "inked", "ratified", "ratify", "ratification",
    "initialled", "initialed", "finalised", "finalized", "elevated", "upgraded", "established", "entered",
    "entry", "accession", "acceded", "accede", "accedes", "joined", "exchanged", "renewed", "launched",
    "earlier", "previous", "existing", "replacing", "replaced", "replaces", "reached", "signatures", "accepted",
    "names",  # "put their names to the Élysée Treaty"
    "issued",  # "the Northwood Declaration, issued by President Macron and Prime Minister Starmer"
    "linked", "bound",  # "have been linked by a Special Partnership since 2007"
    "elevate", "elevates", "elevating", "upgrade", "upgrades", "upgrading",  # "decided today to elevate … to a …"
}
# An agreement named by its topic in lower case ("an agreement on the mutual protection of classified information",
# "a memorandum on cooperation in marine fisheries").
_TOPIC_HEADS = {"agreement", "accord", "arrangement", "treaty", "pact", "memorandum", "protocol",
                "agreements", "arrangements", "memoranda",  # (plurals: "memoranda on health, education and …")
                "addendum"}
# … and so do these genres written in lower case: "a memorandum of understanding on defence cooperation"
_TOPIC_PHRASES = {"memorandum of understanding", "memoranda of understanding", "memorandum of cooperation", "letter of intent", "declaration of intent",
                  "statement of intent",
                  "joint declaration", "joint statement", "framework agreement", "exchange of notes", "action plan",
                  "roadmap", "road map", "work plan", "outcome document"}
# "a treaty of friendship, cooperation and mutual assistance": treaties also take their topic with "of"
_TREATY_HEADS = {"treaty", "pact"}
# Words that open a topic after a genre: "an agreement on …", "the agreement delimiting the economic zones of A
# and B", "the joint action plan against organised immigration crime"
_TOPIC_LINKS = {"on", "concerning", "regarding", "establishing", "amending", "implementing", "delimiting", "governing",
                "regulating", "relating", "providing", "ending", "extending", "renewing", "supplementing", "against"}
_TOPIC_WORDS = {"of", "and", "the", "for", "to", "in", "between", "-", "–"}
_GENRE_NOUNS = {"agreement", "treaty", "partnership", "declaration", "memorandum", "programme", "program", "plan",
                "framework", "protocol", "statement", "accord", "pact", "charter", "convention", "arrangement"}
_CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                   "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_TOPIC_STOP = {"which", "that", "who", "dating", "dated", "valid", "effective", "was", "were", "is", "are", "has", "have", "had", "will", "would", "with",
               "signed", "concluded", "inked", "adopted", "agreed", "reached", "finalised", "finalized", "together",
               "along", "alongside", "issued", "released", "published"}
# "the Protocol amending the Agreement …": the participles that name what an agreement amends, and their finite forms
_AMENDING_PARTICIPLES = {"amending", "extending", "renewing", "supplementing"}
_AMENDING = _AMENDING_PARTICIPLES | {"amends", "extends", "renews", "supplements"}
# "together with", "along with" (with "jointly": _TOGETHER)
_ALONG = {"together", "along"}
_TOGETHER = _ALONG | {"jointly"}
_PASSIVE_AUX = {"was", "were", "been", "is", "are"}
_ACCESSION = {"accession", "acceded", "accede", "accedes", "joined", "join", "joins", "joining"}
# one state's own step into a treaty, which names no second side
_RATIFYING = {"ratification", "ratified", "ratifies", "deposited"}
_NOT_YET = {"negotiations", "negotiation", "negotiate", "negotiating", "hope", "hopes", "hoped", "would", "draft",
            "proposed", "proposal", "towards", "aim", "aims", "future", "prospective", "planned", "intend",
            "intends", "finalise", "finalize", "conclude", "envisaged", "possible", "prepare", "prepares",
            "preparing"}
# still in the making, right after the name: "… are being finalised and are expected to be signed"
_PENDING = [["being", w] for w in ("finalised", "finalized", "negotiated", "prepared", "drafted", "discussed",
                                   "considered", "worked")] + [["expected", "to"], ["be", "signed"]]
_POSSESSIVES = {"its", "their", "our", "his", "her", "your"}
_PAST_TIME = {"earlier", "previous", "previously", "last", "ago", "former", "formerly", "since"}
_DETERMINERS = {"this", "our", "the", "a", "an", "new", "first", "today", "today's", "their", "its", "that"}
_NOT_PARTY_BEFORE = {"in", "on", "about", "regarding", "against", "towards", "from", "into", "across", "to",
                     "at", "over", "under", "within", "near", "through"}
_SINGLE_HEADS = {"declaration", "agreement", "arrangement", "treaty", "accord", "pact", "charter", "convention", "memorandum",
                 "protocol",
                 "roadmap", "framework"}
# Truces: one exists when the text says it was agreed or holds, not when it is called for ("we call for an
# immediate ceasefire"); its parties are the sides the text names, without a second side added from the document.
_TRUCE_HEADS = {"ceasefire", "cease-fire", "truce", "cessation"}
# what is asked of a truce that exists
_UPHOLD = {"implementation", "implement", "respect", "observance", "adherence", "compliance", "uphold", "preserve",
           "consolidate", "consolidation", "extension"}
_TRUCE_EXISTS = {"agreed", "reached", "brokered", "signed", "concluded", "accepted", "declared", "announced"}
_CALLS = {"call", "calls", "called", "calling", "urge", "urges", "urged", "demand", "demands", "demanded", "appeal",
          "appeals", "appealed", "need", "needs", "seek", "seeks", "push", "pushing", "work", "working", "towards", "for"}
_HEAD_ALIASES = {"mou": "memorandum", "memoranda": "memorandum", "road": "roadmap", "communique": "communiqué",
                 "fire": "ceasefire", "fires": "ceasefire"}  # ("cease-fire" is three tokens)
_NAME_LINKS = {"of", "on", "for", "concerning", "between", "among", "and", "the", ",", "-", "–", "in", "to", "into",
               "through"}
# Words that do not tell two agreements of one genre apart ("Joint Declaration", "Political Declaration").
_NOT_QUALIFIERS = {"of", "the", "and", "on", "for", "a", "an", "joint", "political"}
# words before a lower-case "agreement" that do not make it a named kind of agreement
_NOT_MODIFIERS = {"same", "said", "above", "whole", "entire", "other", "such", "any", "final", "overall", "relevant",
                  "existing", "previous", "earlier", "current", "latest", "recent", "original", "landmark", "historic",
                  "important", "new", "first", "second", "third", "key", "two", "three", "proposed", "draft",
                  "possible", "future", "eventual", "comprehensive", "broader", "wider", "formal", "separate"}
# determiners before lower-case modifiers of a named kind of agreement ("a defence cooperation agreement")
_MODIFIED_AFTER = {"the", "a", "an", "their", "its", "our", "this", "new", "first"}
# a topic that is an occasion, not a subject: "an MoU on the sidelines of the summit"
_NOT_TOPICS = {"sidelines", "margins", "margin", "occasion", "behalf", "eve", "day", "basis", "way", "part"}
# A treaty or agreement named with its year and said to bind or anchor the parties is one they concluded earlier.
_STANDING_HEADS = {"treaty", "agreement", "accord", "pact"}
# Names that a year dates: "the 1951 Mutual Defense Treaty", "the Wellington Declaration of 2010"
# (not conventions and charters: "the 1982 United Nations Convention on the Law of the Sea" is cited as a standard)
_DATED_HEADS = _STANDING_HEADS | {"declaration", "memorandum", "protocol"}
_BINDING = {"under", "anchored", "bound", "binds", "obligations", "commitments", "pursuant", "bound", "guaranteed"}


# Words before "the conclusion of" that make it a wish: "called for the early conclusion of a Code of Conduct"
_HOPED_ADJECTIVES = {"early", "swift", "speedy", "rapid", "timely", "prompt", "quick", "eventual", "future"}
_HOPED_CONCLUSION = _HOPED_ADJECTIVES | {"for", "towards", "toward", "to", "on", "at"}


# Nouns for a group of agreements: "the network of Security and Defence Partnerships", "a series of memoranda"
_COLLECTIVES = {"network", "series", "set", "number", "family", "list", "web", "range", "package"}


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in {"19", "20"}


_DOC_GENRES = {"joint-statement": "JointStatement", "joint-declaration": "JointDeclaration"}


@cache
def _genre_matcher(nlp):
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase, kind, cap_only in GENRES:
        forms = {phrase}
        if phrase.endswith("y"):
            forms.add(phrase[:-1] + "ies")  # "treaties"
        elif phrase == "memorandum":
            forms.add("memoranda")
        elif not phrase.endswith(("s", "understanding", "notes", "intent", "letters")):
            forms.add(phrase + "s")
        matcher.add(f"{kind}|{int(cap_only)}", [nlp.make_doc(f) for f in sorted(forms)])
    return matcher


@dataclass(slots=True)
class _AgreementMention:
    sentence: Sentence
    start: int  # genre span
    end: int
    name_start: int  # the whole name as written
    name_end: int
    kind: str
    head: str  # the genre's defining noun ("declaration", "memorandum", "protocol")
    name: str
    qualifiers: tuple[str, ...]  # lowercase words that tell agreements of one genre apart
    topic: tuple[str, ...]  # the qualifiers outside "between A and B" (what the agreement is about)
    capitalised: bool
    concluded: bool
    not_yet: bool
    accession: bool
    actors_in_name: list[str]
    fresh: bool = False  # "a new treaty", "another agreement": not one named before
    year: str | None = None  # the year a concluding phrase right after the name gives ("adopted … in 2003")
    own: tuple = ()  # parties a relative clause right after the name gives ("… that the EU and ASEAN have maintained")
    partner: str | None = None  # the actor right after "with" ("a Security and Defence Partnership with Canada")
    named_year: str | None = None  # a year written with the name ("the 1951 … Treaty", "the … Declaration of 2010")
    known: str | None = None  # key of the well-known agreement the name is (agreements.csv)
    date: tuple | None = None  # (char start, char end or None, ISO day) its own concluding phrase gives ("signed in
    # Bishkek on 13 March"; "today signed …" has no span: the day is the document's)
    standing: bool = False  # in force because something is done under or through it, with no word of its signing
    clause: Sentence | None = None  # its own clause, when another agreement is concluded in another clause (_clauses)
    amended: bool = False  # named inside the name of the agreement that amends it ("the Protocol amending the …")
    replaced: bool = False  # what another replaces or updates ("…, which updates the memorandum signed in 2015")
    plural: bool = False  # names its genre in the plural (_plural_mention)
    founds: tuple = ()  # organizations its name says it founds ("… on the Establishment of the CIS"): not parties
    scored: float | None = None  # the agreement model's score, when it alone reads the mention as concluded


@dataclass(slots=True)
class _Cluster:
    kind: str
    head: str
    qualifiers: tuple[str, ...]
    topic: tuple[str, ...]
    mentions: list[_AgreementMention] = field(default_factory=list)
    document: bool = False
    known: str | None = None  # key of a well-known agreement (agreements.csv)
    earlier: set = field(default_factory=set)  # (a document's) date spans of earlier ones of its genre, not its own
    later: list = field(default_factory=list)  # (a plural's) (sentence, states) that later say they concluded theirs

    @property
    def name(self) -> str:
        if self.known:
            return next(m.name for m in self.mentions if m.known == self.known)
        best = max(self.mentions, key=lambda m: (m.end - m.start, m.capitalised, len(m.name), -m.start))
        return best.name


def constituents(ctx: DocContext, key: str) -> list[str]:
    """The actors a bilateral body is named after ("NATO-Ukraine Council" → NATO, Ukraine)."""
    from .mentions import text_entities

    entity = ctx.gazetteer.register.entities.get(key)
    if entity is None or entity.kind != "body" or not ({"-", "–"} & set(entity.label)):
        return []
    inside = [k for k in text_entities(entity.label, ctx.gazetteer) if k != key and ctx.entity_kind(k) in POLITICAL]
    inside = list(dict.fromkeys(inside))
    return inside if len(inside) >= 2 else []


def _covered_by_actor(sentence: Sentence, start: int, end: int) -> bool:
    return any(m.kind in ("actor", "framework") and m.start <= start and end <= m.end and m.form != "coref"
               for m in sentence.mentions)


def _name_span(ctx: DocContext, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Extend a genre span to the capitalised name around it."""
    doc = ctx.doc
    places = {m.start for m in sentence.mentions if m.kind in ("place", "region")
              or (m.kind == "actor" and ctx.entity_kind(m.key) == "state")}
    s = start
    while s - 1 >= sentence.start:
        token = doc[s - 1]
        if token.text in {'"', "“", "”"}:  # a quoted name: "Horizon 2047" roadmap
            k = s - 2
            while k >= sentence.start and doc[k].text not in {'"', "“"}:
                k -= 1
            if k >= sentence.start and s - 1 - k <= 6:
                s = k
                continue
            break
        if (token.lower_ in _DETERMINERS and s - 1 not in places) or token.text in {"I", "We", "A", "An"}:
            break  # (but "New Zealand" in "the Japan-New Zealand Information Security Agreement" is a name)
        if (token.is_alpha and (token.is_title or token.is_upper)) or token.like_num or (
                token.text[:1].isupper() and all(c.isalpha() or c in "'’-" for c in token.text)):
            s -= 1  # (also "N'Djamena")
        elif token.text in {"-", "–", "'", "’"} and s - 2 >= sentence.start and (doc[s - 2].is_title or doc[s - 2].is_upper):
            s -= 1
        elif token.text == "-" and s - 4 >= sentence.start and doc[s - 2].lower_ == "of" and doc[s - 3].text == "-" \
                and doc[s - 4].text in _OF_HEADS:
            s -= 4  # "Status-of-Forces Agreement"
        elif token.lower_ in {"and", "&"} and s - 2 >= sentence.start and doc[s - 2].is_title and doc[s].is_title \
                and doc[s - 2].lower_ not in _DETERMINERS and s - 2 not in places:
            s -= 1  # "Security and Defence Partnership"
        elif token.lower_ == "of" and s - 2 >= sentence.start and doc[s - 2].text in _OF_HEADS and doc[s].is_title:
            s -= 1  # "Status of Forces Agreement"
        elif token.text in _PLACE_PARTICLES and s - 2 >= sentence.start and doc[s - 2].is_title and doc[s].is_title:
            s -= 1  # "the Rio de Janeiro Declaration", "the Dar es Salaam Declaration"
        else:
            break
    e = end
    declared = doc[end - 1].lower_ in {"declaration", "statement", "communiqué", "communique"}
    while e < sentence.end:
        token = doc[e]
        nxt = doc[e + 1] if e + 1 < sentence.end else None
        venue = token.lower_ in {"in", "at"} and nxt is not None and nxt.is_title and e + 3 < sentence.end \
            and doc[e + 2].lower_ == "on" and (doc[e + 3].like_num or doc[e + 3].text in _MONTHS) \
            and not any(m.start == e + 1 and m.kind == "actor" for m in sentence.mentions)
        article = (token.lower_ in {"of", "through"} or (token.lower_ in {"on", "for"} and not declared)) \
            and nxt is not None \
            and nxt.lower_ in {"a", "an"} and e + 2 < sentence.end and doc[e + 2].is_title
        # ("… on the Establishment of a Strategic Partnership between …", "the Charter on a Distinctive Partnership";
        # but a "Joint Declaration on a Strategic Partnership" names the partnership it sets up, another agreement)
        ordinal = nxt is not None and nxt.lower_ in ORDINALS and e + 2 < sentence.end \
            and (doc[e + 2].is_title or doc[e + 2].is_upper)  # ("… of the first EU-Central Asia summit")
        if token.lower_ in _NAME_LINKS and nxt is not None and (nxt.is_title or nxt.is_upper or nxt.lower_ == "the"
                                                                or (token.lower_ == "for" and _is_year(nxt.text))
                                                                or article or (token.lower_ == "the" and ordinal)) \
                and token.text != "," and not (token.lower_ in {"in", "on", "at"} and e + 1 in places and not (
                    declared and token.lower_ == "on")) and not venue \
                and not (token.lower_ in {"in", "on", "since", "of"} and nxt.text in _MONTHS) \
                and not (token.lower_ == "and" and nxt.lower_ == "the" and _second_name(doc, s, e, sentence.end)):
            # (not "… Partnership in December 2021", nor "the Treaty of Mutual Cooperation and Security and the
            # U.S.-ROK Mutual Defense Treaty": two names)
            # (not a venue: "… accepted the Agreement on the Path to Normalisation in Ohrid on 18 March")
            e += 2 if article else 1
        elif token.lower_ in {"their", "its", "a", "an"} and doc[e - 1].is_title and doc[e - 1].lower_.endswith("ing") \
                and nxt is not None and nxt.is_title:
            e += 1  # "the Treaty Establishing their Maritime Boundaries in the Timor Sea", "the Final Agreement for
            # Ending the Conflict and Building a Stable and Lasting Peace"
        elif token.lower_ in {"relating", "additional", "supplementary"} and nxt is not None and nxt.lower_ == "to" \
                and e + 2 < sentence.end and (doc[e + 2].is_title or doc[e + 2].lower_ == "the"):
            e += 2  # "the Protocol relating to Mutual Assistance of Defence", "Protocol Additional to the …"
        elif token.lower_ in _AMENDING_PARTICIPLES and nxt is not None \
                and (nxt.is_title or nxt.lower_ == "the"):
            e += 1  # "the Protocol amending the Agreement on …": one name, not the agreement it amends
        elif token.text in {"-", "–"} and e > end and doc[e - 1].like_num and nxt is not None and nxt.like_num:
            e += 2  # "the Executive Programme for 2016-2017"
        elif token.lower_ in ORDINALS and doc[e - 1].lower_ == "the" and nxt is not None and (nxt.is_title or nxt.is_upper):
            e += 1  # "the Joint Declaration of the first EU-Central Asia summit"
        elif token.lower_ in {"summit", "meeting"} and any(t.lower_ in ORDINALS for t in doc[end:e]) \
                and (doc[e - 1].is_title or doc[e - 1].is_upper):
            e += 1
        elif token.text == "-" and e > end and (doc[e - 1].is_title or doc[e - 1].is_upper) and not doc[e - 1].whitespace_ \
                and not token.whitespace_ and nxt is not None and nxt.is_alpha:
            e += 2  # "the Treaty for Defence and Security Co-operation": one word
        elif token.text == "," and nxt is not None and nxt.is_title and _listed_words(doc, e + 1, sentence.end) \
                and e + 1 not in places and not any(m.start == e + 1 for m in sentence.mentions if m.kind == "actor"):
            e += 1  # "… Framework for Security, Public Health and Safe Communities"
        elif token.text == "," and nxt is not None and any(doc[j].lower_ in {"between", "among"} for j in range(end, e)) \
                and any(m.kind == "actor" and m.start in (e + 1, e + 2) and (m.start == e + 1 or nxt.lower_ == "the")
                        for m in sentence.mentions):
            e += 1  # "the Treaty between the Kyrgyz Republic, the Republic of Tajikistan and the Republic of …"
        elif token.text == "," and nxt is not None and nxt.is_upper and nxt.is_alpha and all(
                t.is_upper or not t.is_alpha for t in doc[s:e]):
            e += 1  # a heading in capitals: "JOINT STATEMENT … OF THE REPUBLIC OF BOTSWANA, THE REPUBLIC OF NAMIBIA …"
        elif token.is_title or token.is_upper or (token.like_num and e > end):
            e += 1
        else:
            break
    while e > end and doc[e - 1].lower_ in _NAME_LINKS:
        e -= 1
    return s, e


_PLACE_PARTICLES = {"de", "da", "do", "dos", "das", "del", "di", "es", "el", "al"}
_NAME_HEADS = {"Treaty", "Agreement", "Protocol", "Accord", "Declaration", "Memorandum", "Convention", "Charter",
               "Partnership", "Programme", "Arrangement", "Statement", "Pact", "Plan", "Roadmap", "Framework",
               "Communiqué", "Communique", "Package", "Compact"}


def _second_name(doc, start: int, at: int, end: int) -> bool:
    """Whether "and the" at ``at`` opens a second agreement's name ("… and the Cash Aid Implementation Protocol") in
    a name that does not join its parties with "between" ("the Agreement between the Government of A and the
    Government of B")."""
    if any(t.lower_ in {"between", "among"} for t in doc[start:at]):
        return False
    j = at + 2
    while j < end and j - at < 14 and (doc[j].is_title or doc[j].is_upper or doc[j].lower_ in {"of", "and", "-", "–", "."}):
        if doc[j].text in _NAME_HEADS:
            return True
        j += 1
    return False


def _state_as_topic(ctx: DocContext, sentence: Sentence, mention, name_start: int) -> bool:
    """A state named alone right after "on" in a statement's or declaration's name ("Joint Statement on Sudan",
    "Declaration on Ukraine"): the topic. Not "… on Japan-Philippines Cooperation", whose states are its sides."""
    lowers = ctx.lowers
    if mention.kind != "actor" or mention.start - 1 <= name_start or ctx.entity_kind(mention.key) != "state" \
            or mention.form not in ("name", "alias", "shortform"):
        return False
    if lowers[mention.start - 1] == "to" and lowers[mention.start - 2] in _TO_STATE_NOUNS:
        return True  # "a joint declaration on security assurances to Mongolia": the state they are given to
    return lowers[mention.start - 1] == "on" \
        and lowers[mention.start - 2] in {"statement", "declaration", "communiqué", "communique"} \
        and (mention.end >= sentence.end or lowers[mention.end] not in {"-", "–", "and"})


_TO_STATE_NOUNS = {"assurances", "assistance", "support", "guarantees", "aid", "access"}


def _listed_words(doc, at: int, end: int) -> bool:
    """Whether one to three capitalised words from ``at`` are followed by "and" or a comma: an item of a list of
    topics inside a name ("Security, Public Health and Safe Communities")."""
    j = at
    while j < end and j - at < 5 and (doc[j].is_title or (
            doc[j].text in {"-", "–"} and j > at and not doc[j].whitespace_ and j + 1 < end and doc[j + 1].is_title)):
        j += 1  # (also "Good-Neighbourliness")
    return at < j < end and doc[j].lower_ in {"and", ","}


def _mentions(ctx: DocContext, nlp) -> list[_AgreementMention]:
    from spacy.util import filter_spans

    doc = ctx.doc
    out = []
    spans = filter_spans(_genre_matcher(nlp)(doc, as_spans=True))
    for span in spans:
        kind, cap_only = span.label_.split("|")
        sentence = ctx.sentence_of(span.start)
        if _covered_by_actor(sentence, span.start, span.end):
            continue  # "North Atlantic Treaty Organization", "World Food Programme"
        if span.end < sentence.end and doc[span.end].text in _INSTITUTION_HEADS:
            continue  # "the Defense Acquisition Program Administration": an agency, not a programme
        if any(t.text in _INSTITUTION_HEADS | {"Mission"} and doc[t.i + 1].lower_ in {"to", "for"}
               and {u.lower_ for u in doc[t.i + 2:span.start]} & {"support", "monitor", "implementation"}
               for t in doc[max(sentence.start, span.start - 7):span.start - 2]) \
                and any(t.is_title for t in doc[span.start:span.end]):
            continue  # the name of a mission or office: "the United Nations Mission to support the Hudaydah Agreement"
        if span.start - 3 >= sentence.start and doc[span.start - 1].text in _GOVERNMENT_OF_WORDS \
                and [t.lower_ for t in doc[span.start - 3:span.start - 1]] == ["government", "of"]:
            continue  # "the Government of National Accord": a government, not an accord
        if span.end < sentence.end and span[0].lower_.rstrip("s") in _TRUCE_HEADS | {"cease"} \
                and doc[span.end].lower_.rstrip("s") in {"agreement", "arrangement", "accord", "deal", "line"}:
            continue  # "the ceasefire agreement reached between …": the agreement, named with its modifier
        words = [t.text for t in span]
        capitalised = all(w[:1].isupper() for w in words if w.lower() not in {"of", "and"})
        prev = doc[span.start - 1].lower_ if span.start > sentence.start else ""
        if prev in {'"', "”"}:
            capitalised = True  # a quoted name: the "Horizon 2047" roadmap
        if cap_only == "1" and not capitalised and not _named_in_lower_case(ctx, sentence, span, prev):
            continue
        if span[-1].lower_ == "statement" and len(span) == 1 and _single_author(ctx, sentence, span.end):
            continue  # "Statement by the Spokesperson on …", "Statement by the High Representative": one author's
        named_before = span.start > sentence.start and doc[span.start - 1].is_title \
            and not doc[span.start - 1].is_sent_start  # "a Security and Defence Partnership with Canada": a name
        if span[-1].lower_ in {"partnership", "partnerships"} and len(span) == 1 and span.end < sentence.end \
                and (doc[span.end].is_title or doc[span.end].lower_ == "for"
                     or (doc[span.end].lower_ == "with" and span[-1].lower_ == "partnership" and not named_before)):
            continue  # "Partnership Council", "Partnership for Peace": a longer name, not the partnership itself
        modifier, modifier_at, named_at = None, span.start, None
        topic_end = _topic_end(ctx, sentence, span.end) if not capitalised and (
            (len(span) == 1 and span[0].lower_ in _TOPIC_HEADS) or span.text.lower() in _TOPIC_PHRASES) else None
        owners = _owners_before(ctx, sentence, span.start) if topic_end else []
        if topic_end and (prev in _DETERMINERS or owners):
            pass  # "an agreement on …", "Indonesia's agreement with Korea on …", "the Japanese-Australian agreement on …"
        elif len(span) == 1 and _singular(span[0].lower_) in _SINGLE_HEADS and not capitalised and prev not in _DETERMINERS:
            # "the ceasefire agreement reached between A and B", "a defence cooperation agreement",
            # "an implementing arrangement on …": lower-case modifiers after a determiner name a kind of agreement
            modifier_at = _modifiers(ctx, sentence, span.start)
            named_at = _proper_name_before(ctx, sentence, span.start) if modifier_at is None else None
            if modifier_at is None and named_at is None:
                continue
            if named_at is not None:  # "the Lancaster House treaties", "the Minsk agreements"
                capitalised, words = True, [t.text for t in doc[named_at:span.end]]
            else:
                modifier = doc[modifier_at:span.start].text
        lowered = [t.lower_ for t in span]
        head = lowered[0] if len(lowered) > 2 and lowered[1] == "of" else lowered[-1]
        exchanged = lowered[0] == "exchanged"
        if exchanged:  # "exchanged letters" is an exchange of letters, concluded by the words that name it
            head, words = "exchange", ["Exchange", "of", lowered[-1]]
        head = _HEAD_ALIASES.get(head, head)
        head = _singular(head) if head not in {"notes", "letters"} else head
        s, e = _name_span(ctx, sentence, span.start, span.end) if capitalised else (span.start, span.end)
        if named_at is not None:
            s, e = named_at, span.end
        elif modifier is not None:
            s = modifier_at  # the modifiers tell this agreement from others of its genre
        if head == "partnership" and kind == "PartnershipFramework" and s > sentence.start \
                and doc[s - 1].lower_ in {"on", "for", "an", "of", "in", "towards", "to", "into"} \
                and not (doc[s - 1].lower_ == "of" and s - 1 > sentence.start and doc[s - 2].lower_ in _COLLECTIVES) \
                and not _raised_to(ctx, sentence, s):
            continue  # "the Framework for an Enhanced Partnership", "Statement on … Defence Partnership": a topic
            # (but not "the network of Security and Defence Partnerships that the Union has built": those themselves)
        name_tokens = [t for t in doc[s:e] if t.text not in {'"', "“", "”"}]
        if len(name_tokens) > 2 and _is_year(name_tokens[0].text):
            name_tokens = name_tokens[1:]  # "the 1951 Mutual Defense Treaty" is named "Mutual Defense Treaty"
        name = "".join(t.text_with_ws for t in name_tokens).strip().rstrip(",")
        if topic_end is None and modifier is not None and len(span) == 1 and span[0].lower_ in _TOPIC_HEADS:
            topic_end = _topic_end(ctx, sentence, span.end)  # "an implementing arrangement on the provision of …"
        tail = _topic_end(ctx, sentence, e) if capitalised and e < sentence.end else None
        if topic_end:
            # the name is the head and its topic, as written: "agreement on reciprocal access"
            between = ctx.lowers[span.end] == "between"  # (the topic after "between the Ministry of … and …")
            link = next(i for i in range(span.end, topic_end)
                        if ctx.lowers[i] in _TOPIC_LINKS | (set() if between else {"of"})
                        | ({"to"} if span[-1].lower_ == "addendum" else set()))
            head_text = (modifier + " " if modifier else "") + span.text
            name = (head_text + " " + "".join(t.text_with_ws for t in doc[link:topic_end])).strip()
            name_tokens = (list(doc[modifier_at:span.start]) if modifier else []) + list(span) + list(doc[link:topic_end])
            e = max(e, topic_end)
        elif tail and ctx.lowers[e] != "with":
            # a capitalised genre with a lower-case topic: "a Memorandum of Understanding on maritime security"
            name = (name + " " + "".join(t.text_with_ws for t in doc[e:tail])).strip()
            name_tokens = name_tokens + list(doc[e:tail])
            e = tail
        elif not capitalised:
            name = " ".join(w if w.lower() in {"of", "and"} else w[:1].upper() + w[1:]
                            for w in (modifier.split() if modifier else []) + words).replace(" - ", "-")
        if name.lower() == "mou":
            name = "Memorandum of Understanding"
        in_name, founds = [], []
        # (after "between A and B", the topic's actors are not parties: "… between Serbia and the European Union on
        # operational activities carried out by the European Border and Coast Guard Agency")
        joined = next((i for i in range(s, e) if ctx.lowers[i] in {"between", "among"}), None)
        topic_at = e
        if joined is not None:  # (not the "on" of "the United Nations Office on Drugs and Crime")
            inside = {i for m in sentence.mentions if m.kind == "actor" for i in range(m.start, m.end)}
            topic_at = next((i for i in range(joined + 1, e) if ctx.lowers[i] in _TOPIC_LINKS and i not in inside), e)
        for m in sentence.mentions:
            if _state_as_topic(ctx, sentence, m, s):
                continue  # "the joint statement on Sudan issued by …": what it is about, not who made it
            if m.kind == "actor" and s <= m.start and m.end <= e and _founded_by_it(ctx, m):
                founds.append(m.key)
                continue  # "the Declaration on the Establishment of the Shanghai Cooperation Organization": its founders'
            if m.kind == "actor" and s <= m.start and m.end <= topic_at and ctx.entity_kind(m.key) in POLITICAL \
                    and not (m.form in ("adjective", "member") and ctx.entity_kind(m.key) != "state"):
                # ("the Treaty on Allied Relations" is no agreement of NATO's)
                in_name += constituents(ctx, m.key) or [m.key]
        in_name += [k for k in owners if k not in in_name]
        qualifiers = _qualifiers(name_tokens, head)
        between = next((i for i, t in enumerate(name_tokens) if t.lower_ in {"between", "among"}), None)
        if between is None:
            topic = qualifiers
        else:  # "… between the Ministry of National Defense of … and … on Military Medicine": the topic only
            stop = next((i for i in range(between + 1, len(name_tokens)) if name_tokens[i].lower_ in _TOPIC_LINKS),
                        len(name_tokens))
            topic = _qualifiers(name_tokens[:between] + name_tokens[stop:], head)
        # a word that concludes it, near the name: "signed an ITPP", "the Package, agreed in 2014"
        lowers = ctx.lowers
        pre = [w for w in lowers[max(sentence.start, s - 10):s] if w not in {'"', "“", "”"}][-9:]
        cited = [j for j, w in enumerate(pre) if w in _CITED_UNDER]
        window = pre + lowers[e:min(sentence.end, e + 7)]
        standard = bool(cited) and len(pre) - cited[-1] <= 4 or (
            "of" in pre[-2:] and bool(set(pre[-5:]) & {"article", "articles", "chapter", "paragraph", "section"}))
        # ("bound by Article 5 of the North Atlantic Treaty": a provision cited, not a treaty concluded here)
        before = lowers[sentence.start:s]
        # (cited as a standard, "maritime zones established in accordance with UNCLOS must remain in place", the
        # words around it conclude something else; "in line with the agreements in force" still says it is in force)
        raised = any(w in {"raised", "raise", "raises", "raising"} and set(window[j + 1:j + 4]) & {
            "relationship", "relations", "ties"} for j, w in enumerate(window)) or (  # "raised the relationship to a …"
            pre[-2:-1] == ["to"] and bool(set(pre[-4:-2]) & {"raised", "elevated", "upgraded", "lifted"})) \
            or _raised_to(ctx, sentence, s)
        # ("the ties between their countries were raised to a Strategic Partnership")
        concluded = raised or (not standard and (bool(set(window) & _CONCLUDE) or _passive_conclusion(ctx, sentence, e))) or any(
            window[j:j + 2] in ([["into", "force"], ["in", "force"]] + ([] if standard else [["in", "place"]]))
            for j in range(len(window)))
        concluded = concluded or exchanged
        after = lowers[e:min(sentence.end, e + 14)]
        if not concluded and not standard and any(after[j:j + 2] in (["in", "force"], ["dating", "from"], ["dates", "from"])
                                                  for j in range(len(after))):
            concluded = True  # "the Framework Agreement … with the Federative Republic of Brazil, in force since 2012"
        if not concluded and not standard and _signed_with_before(ctx, max(sentence.start, s - 20), s):
            concluded = True  # "I signed with the Secretary of State for Defence of Spain a memorandum …"
        bare = pre[:-1] if pre[-1:] in (["new"], ["first"], ["own"]) else pre  # (the words before "new", "own")
        standing = not concluded and not standard and _in_force_through(ctx, sentence, bare, e, capitalised)
        concluded = concluded or standing  # "works with us under its own Individually Tailored Partnership Programme"
        if not concluded and capitalised and bare[-2:] in (["have", "a"], ["has", "a"], ["have", "an"], ["has", "an"]) \
                and not set(bare[-5:-2]) & {"to", "want", "wants", "wish", "would", "will", "should"}:
            concluded = True  # "Moldova and NATO have a new Individually Tailored Partnership Programme"
        if not concluded and head in _STANDING_HEADS and _is_year(doc[s].text) \
                and set(lowers[max(sentence.start, s - 6):s]) & _BINDING:
            concluded = True  # "our obligations under the 1951 Mutual Defense Treaty": a standing treaty in force
        if not concluded and head in _STANDING_HEADS and s > sentence.start and _is_year(doc[s - 1].text) \
                and not capitalised:
            concluded = True  # "the 1979 peace treaty between Egypt and Israel": concluded in that year
        named_year = next((t.text for t in (doc[s], doc[max(sentence.start, s - 1)]) if _is_year(t.text)), None) \
            or (lowers[e + 1] if lowers[e:e + 1] == ["of"] and e + 1 < sentence.end and _is_year(lowers[e + 1])
                else None) \
            or (lowers[e + 2] if lowers[e:e + 1] == ["of"] and e + 2 < sentence.end and doc[e + 1].text in _MONTHS
                and _is_year(lowers[e + 2]) else None)  # ("the Military Bases Agreement of March 1947")
        if named_year and ctx.date is not None and int(named_year) > ctx.date.year:
            named_year = None  # ("the 2030 Agenda" names a goal, not the year it was signed)
        if not concluded and not standard and head in _DATED_HEADS and named_year \
                and (capitalised or (head in _STANDING_HEADS | {"protocol"} and lowers[e:e + 1] == ["of"] and (
                    prev == "the" or (s > sentence.start and lowers[s - 1] == "the")))) \
                and (ctx.date is None or int(named_year) <= ctx.date.year):
            concluded = True  # "the Wellington Declaration of 2010", "building on the treaty of 1993": a year dates
            # a name that exists
        near = lowers[max(sentence.start, s - 12):min(sentence.end, e + 6)]
        after_name = lowers[e:min(sentence.end, e + 8)]  # ("… are being finalised and are expected to be signed")
        hints = {w for j, w in enumerate(before[-8:]) if not (w == "towards" and before[-8:][j + 1:j + 2]
                                                              and _is_year(before[-8:][j + 1]))}
        # ("adopted 'Towards 2030: India-EU Joint Comprehensive Strategic Agenda'": a title, not a plan)
        not_yet = bool(hints & _NOT_YET) or "negotiations" in near or "hope" in near \
            or any(before[j:j + 2] == ["forward", "to"] for j in range(max(0, len(before) - 8), len(before))) \
            or _only_future(lowers, max(sentence.start, s - 9), s, e, min(sentence.end, e + 7)) \
            or any(a in _HOPED_ADJECTIVES and b in _CONCLUSION_NOUNS for a, b in zip(before[-9:], before[-9:][1:])) \
            or any(after_name[j:j + 2] in _PENDING for j in range(len(after_name))) \
            or _authorised_only(before[-24:]) \
            or ("not" in before[-5:] and bool(set(before[-5:]) & {"have", "has", "had"})) \
            or (lowers[sentence.end - 1] == "?" and bool(set(before) & {"will", "would"})
                and bool(set(after_name) & {"signed", "concluded", "sign", "conclude"}))
        # ("When will the Japan-Finland agreement on defence equipment be signed?")
        # ("We do not yet have a visiting forces agreement with New Zealand")
        # ("called for the early signature of the Agreement": hoped for)
        if head in _TRUCE_HEADS:
            # "the ceasefire agreed between A and B", "the cessation of hostilities that took effect on …", "urged the
            # parties to respect the ceasefire"; but not "called for an immediate ceasefire"
            # (what is only imagined is not: "if a ceasefire is signed", "after a ceasefire")
            called = bool(set(before[-8:]) & (_CALLS | {"if", "after", "once", "until", "unless"})) \
                or before[-1:] == ["any"]
            # ("any ceasefire must be backed by robust security guarantees")
            if called and (set(before[-5:]) & _UPHOLD or after_name[:1] and after_name[0] in _TRUCE_EXISTS):
                called = False  # "called for the full implementation of the ceasefire reached between A and B":
                # one that exists
            concluded = not called and bool(set(window) & _TRUCE_EXISTS)
            not_yet = not_yet or called
        if not concluded and lowers[e:e + 1] == ["of"] and any(
                ds <= doc[e + 1].idx + ctx.offset < de for ds, de, _ in _dates_in(ctx, sentence)):
            concluded = True  # "the N'Djamena Agreement of 19 April 2025": an agreement dated by its name
        if not concluded and _listed_under_heading(ctx, sentence, s):
            concluded = True  # an item of "The following documents were signed:" or "List of outcomes"
        if not concluded and _nominal_conclusion(ctx, sentence, s):
            concluded = True  # "The conclusion of the Agreement on …", "welcomed the signature, in …, of the …"
        aside = _conclusion_before_aside(ctx, sentence, s)
        not_yet = not_yet or aside is False  # "intend to conclude, before the end of the year, an arrangement …"
        if not concluded and not standard and (_participle_after(ctx, sentence, e, spans) or aside):
            concluded = True  # "the MoU between the secretariats … signed in Dushanbe", "signed, under …, the …"
        participle = e + 1 if lowers[e:e + 1] == [","] else e
        if not concluded and standard and participle < sentence.end and lowers[participle] in _PARTICIPLES:
            concluded = True  # "in line with the ITPP agreed with NATO in July 2023": cited, and concluded too
        if not concluded and _fronted_conclusion(ctx, sentence, s, e):
            concluded = True  # "In the Memorandum on …, Chișinău and Tiraspol committed themselves to …"
        relative = _relative_conclusion(ctx, sentence, e)
        if relative is False and not set(pre) & _CONCLUDE:
            concluded, not_yet = False, True  # "the Treaty …, which the two sides would sign next year"
        elif relative:
            # "the Strategic Partnership that the EU and ASEAN have maintained since 2020"; "exchanges would continue
            # under the Memorandum …, which the defence ministries signed in 2012" (but "negotiations on an
            # Agreement, under which Türkiye would help finance …" stays a plan)
            start = _relative_start(ctx, sentence, e)
            concluded, not_yet = True, not_yet and lowers[start - 1] == "under"
        out.append(_AgreementMention(
            sentence=sentence, start=span.start, end=span.end, name_start=s, name_end=e, kind=kind, head=head,
            name=name,
            qualifiers=qualifiers, topic=topic, capitalised=capitalised, concluded=concluded, not_yet=not_yet,
            accession=bool(set(window) & _ACCESSION), actors_in_name=list(dict.fromkeys(in_name)),
            founds=tuple(founds),
            fresh=s > sentence.start and not capitalised and (lowers[s - 1] in {"new", "another"} or (
                lowers[s - 1] in {"a", "an"} and lowers[s - 2] in _SIGNING_VERBS and s - 1 > sentence.start)),
            # ("… and I signed a memorandum of understanding that …", not "the Falepili Union, a treaty that …")
            replaced=s - 1 > sentence.start and lowers[s - 1] in {"the", "its", "their", "our"}
            and lowers[s - 2] in _REPLACING,
            named_year=named_year, standing=standing,
            year=(doc[s - 1].text if s > sentence.start and _is_year(doc[s - 1].text) else
                  _year_after(ctx, sentence, e) if concluded else None),  # ("the 1979 peace treaty")
        ))
    # a heading naming kinds of documents ("MoUs and Agreements exchanged") is not an agreement
    out = [m for m in out if not _only_genre_words(ctx, m) and not _names_an_event(ctx, m)]
    # nor is a bare plural ("the agreements that hold a country's security together"): it names no one agreement
    # that a later name could join
    out = [m for m in out if m.capitalised or set(m.qualifiers) - _PLURAL_HEADS or set(m.topic) - _PLURAL_HEADS
           or ctx.lowers[m.end - 1] == _singular(ctx.lowers[m.end - 1]) and ctx.lowers[m.end - 1] != "memoranda"]
    out = sorted(out + _replaced_ones(ctx, out), key=lambda m: m.start)
    for m in out:
        fronted = _fronted_conclusion(ctx, m.sentence, m.name_start, m.name_end) if m.concluded else []
        if fronted:
            m.own = tuple(fronted)
        elif m.concluded and _relative_start(ctx, m.sentence, m.name_end) is not None:
            m.own = tuple(_relative_parties(ctx, m))
        elif m.concluded and _reduced_relative(ctx, m):
            m.own = tuple(_relative_parties(ctx, m))  # "the memorandum Panama signed with the United States"
        elif m.concluded:
            m.own = tuple(_signed_by(ctx, m))  # "the declaration signed by the United States, Egypt and Qatar"
        # the partner after "with": "a Security and Defence Partnership with Canada", "the Agreement concluded with
        # the United States in 2017"
        at = m.name_end + 1 if lowers[m.name_end:m.name_end + 1] == ["with"] else m.name_end + 2 \
            if lowers[m.name_end:m.name_end + 1] and lowers[m.name_end] in _RELATIVE_VERBS \
            and lowers[m.name_end + 1:m.name_end + 2] == ["with"] else None
        if at is not None:
            m.partner = next((a.key for a in ctx.actors_in(m.sentence, POLITICAL, coref=False)
                              if a.start in (at, at + 1)), None)
    _share_conclusion(ctx, out)
    _concluded_next(ctx, out)
    for m in out:
        m.plural = _plural_mention(ctx, m)
        if not m.capitalised and _set_out(ctx, m):
            m.concluded = False  # "the joint statement …, which sets out a roadmap for ending the war": its content
        following = min((o.start for o in out if o.sentence is m.sentence and o.start >= m.name_end),
                        default=m.sentence.end)  # (the next agreement's phrase dates that one)
        if m.year and following < m.sentence.end and m.year != ctx.doc[m.name_start - 1].text:
            m.year = _year_after(ctx, m.sentence, m.name_end, following)  # ("replaces the one … signed in 2017")
        if m.not_yet and m.concluded and m.year and ctx.date is not None and int(m.year) < ctx.date.year:
            m.not_yet = False  # "None of this would be possible without the Treaty …, signed in Algiers on 27 January
            # 2003": its own concluding phrase dates it in a past year, whatever the sentence hopes or imagines
        m.date = _signing_date(ctx, m, following) if m.concluded and not m.not_yet else None
        if m.date and not m.year:
            m.year = m.date[2][:4]
        if not m.year and m.concluded and not m.not_yet:
            # "In September 2012 the five permanent members … signed in New York a joint declaration": the one year
            # before a verb that leads to the name (which tells it from another of its genre, signed in 2014)
            lead = ctx.lowers[max(m.sentence.start, m.name_start - 8):m.name_start]
            years = {t.text for t in ctx.doc[m.sentence.start:m.name_start] if _is_year(t.text)}
            if len(years) == 1 and set(lead) & _SIGNING_VERBS:
                m.year = years.pop()
    _same_occasion(ctx, out)
    # one name read from two genres ("Strategic Partnership" and "Agreement"): the genre that ends it
    out = [m for m in out if not any(o is not m and (o.name_start, o.name_end) == (m.name_start, m.name_end)
                                     and o.sentence is m.sentence and o.end > m.end for o in out)]
    # "the Agreement Amending the Protocol on …": a genre inside another agreement's name is part of that name, and
    # names the earlier agreement it amends, extends or renews, which stands as one of its own
    kept = []
    for m in out:
        if not any(o is not m and o.sentence is m.sentence and o.name_start <= m.start and m.end <= o.name_end
                   and (o.name_start, o.name_end) != (m.name_start, m.name_end) for o in out):
            kept.append(m)
        elif _amended(ctx, m):
            m.concluded, m.not_yet, m.fresh, m.date, m.year, m.own, m.amended = True, False, False, None, None, (), True
            kept.append(m)
    return _known_mentions(ctx, nlp, kept)



_RAISING = {"raise", "raises", "raised", "raising", "elevate", "elevates", "elevated", "elevating", "upgrade",
            "upgrades", "upgraded", "upgrading", "lift", "lifted", "lifting", "elevation"}
_RELATION_WORDS = {"relationship", "relations", "ties", "partnership", "cooperation"}


def _raised_to(ctx: DocContext, sentence: Sentence, start: int, modifier_at: int | None = None) -> bool:
    """Whether a partnership is what relations are raised to: "agreed to raise the relationship between New Zealand
    and Viet Nam to a Comprehensive Strategic Partnership", "have raised their relations to the level of a
    comprehensive strategic partnership", "elevated the bilateral relationship to an Enhanced Strategic Partnership".
    ``start`` is the name's (or, with ``modifier_at``, its modifiers') first token."""
    lowers = ctx.lowers
    k = modifier_at if modifier_at is not None else start
    while k - 1 > sentence.start and ctx.doc[k - 1].is_title and not ctx.doc[k - 1].is_sent_start:
        k -= 1  # ("… to an Enhanced Strategic Partnership": the capitalised words before the genre)
    k -= 1
    if k > sentence.start and lowers[k] in {"a", "an", "the"}:
        k -= 1
    if lowers[k - 3:k + 1] == ["to", "the", "level", "of"]:
        k -= 3
    if k <= sentence.start or lowers[k] != "to":
        return False
    verb = next((j for j in range(k - 1, max(sentence.start, k - 16) - 1, -1) if lowers[j] in _RAISING), None)
    return verb is not None and bool(set(lowers[verb + 1:k]) & _RELATION_WORDS)


def _authorised_only(before: list[str]) -> bool:
    """Whether the words before a name decide on or authorise its signature, which is still to come: "adopted a
    decision on the signing, provisional application and conclusion, on behalf of the Union, of the agreement …",
    "authorised the signature of the memorandum"."""
    for j, word in enumerate(before):
        if word in {"decision", "decisions", "authorised", "authorized", "authorising", "authorizing", "authorises",
                    "authorizes", "mandate", "mandated"} and set(before[j + 1:]) & _CONCLUSION_NOUNS:
            return True
    return False


def _named_in_lower_case(ctx: DocContext, sentence: Sentence, span, prev: str) -> bool:
    """Whether a genre that names an agreement only when capitalised (a partnership, an arrangement, a protocol) does so
    in lower case here; ``prev`` is the word before it."""
    doc = ctx.doc
    head = span[-1].lower_
    nxt = doc[span.end].lower_ if span.end < sentence.end else ""
    modifier_at = _modifiers(ctx, sentence, span.start)
    if head == "partnership" and prev in {"the", "a"} and nxt == "that" \
            and _relative_conclusion(ctx, sentence, span.end) is True:
        return True  # "the strategic partnership that France and Indonesia established in 2011"
    if _raised_to(ctx, sentence, span.start, modifier_at):
        return True  # "raised their relations to the level of a comprehensive strategic partnership"
    if head in {"arrangement", "arrangements"} and (
            modifier_at is not None or _proper_name_before(ctx, sentence, span.start) is not None
            or (nxt in _TOPIC_LINKS and prev in _DETERMINERS)):
        return True  # "a technical arrangement", "the Berlin Plus arrangements", "the arrangement on …"
    if head == "arrangement" and prev in _DETERMINERS and nxt in {"signed", "concluded"}:
        return True  # "the arrangement concluded on the margins of the Manama Dialogue in December 2014"
    if head in {"arrangement", "understanding"} and prev in _DETERMINERS and nxt in {"that", "which"} \
            and _relative_conclusion(ctx, sentence, span.end) is True:
        return True  # "the arrangement that the two ministries concluded in 2011", "the understanding that Baghdad
        # and Washington reached last September"
    if head == "understanding" and prev == "an" and span.start >= sentence.start + 2 \
            and doc[span.start - 2].lower_ in {"reached", "struck"}:
        return True  # "Washington and Ansar Allah reached an understanding under which …"
    if head == "protocol" and modifier_at is not None and (nxt in _PARTICIPLES or (
            nxt == "of" and span.end + 1 < sentence.end and _is_year(doc[span.end + 1].text))):
        return True  # "the defence cooperation protocol signed between Egypt and Somalia", "the bilateral protocol of
        # 1982" (not "the security protocols at the airport")
    if head == "protocol" and prev in _DETERMINERS and (
            nxt in _TOPIC_LINKS or (prev in {"a", "an"} and _relative_conclusion(ctx, sentence, span.end))):
        return True  # "a protocol on military training", "a protocol that Dhaka and Kuwait signed in 1991"
    return False


def _single_author(ctx: DocContext, sentence: Sentence, end: int) -> bool:
    """Whether "by" right after a statement names one author only: "Statement by the Spokesperson on …", "Statement by
    the High Representative on behalf of the EU" (not "Statement by President X and Prime Minister Y")."""
    lowers = ctx.lowers
    if end >= sentence.end or lowers[end] != "by":
        return False
    k = end + 1
    while k < sentence.end and lowers[k] not in {"on", "at", "following", "after", "about", ":", ",", "."}:
        if lowers[k] in {"and", "&"}:
            return False
        k += 1
    return True


def _set_out(ctx: DocContext, mention: _AgreementMention) -> bool:
    """Whether a mention is what something "sets out", "lays out" or "outlines": the content of a text named before
    ("…, which sets out a roadmap for ending the war")."""
    lowers, k = ctx.lowers, mention.name_start
    if k - 1 > mention.sentence.start and lowers[k - 1] in {"a", "an", "the"}:
        k -= 1
    return (k - 2 >= mention.sentence.start and lowers[k - 1] == "out" and lowers[k - 2] in {
        "sets", "set", "setting", "lays", "laid", "lay", "laying"}) or (
        k - 1 >= mention.sentence.start and lowers[k - 1] in {"outlines", "outlined", "outlining"})


def _amended(ctx: DocContext, mention: _AgreementMention) -> bool:
    """Whether a mention inside another agreement's name is the agreement that one amends: "the Protocol amending
    the Agreement on …", "a protocol extending by five years the agreement on …"."""
    lowers = ctx.lowers
    for j in range(mention.name_start - 1, max(mention.sentence.start, mention.name_start - 6) - 1, -1):
        if lowers[j] in _AMENDING or (lowers[j] == "to" and lowers[j - 1] == "addendum"):
            return True
        if not (ctx.doc[j].is_lower or ctx.doc[j].like_num) or lowers[j] in _TOPIC_STOP:
            return False
    return False


def _signed_with_before(ctx: DocContext, start: int, at: int) -> bool:
    """Whether "<signed> [together] with <partner>" comes right before token ``at`` in one clause, the object after
    the partner: "I signed with the Secretary of State for Defence of the Kingdom of Spain a memorandum …", "I signed
    together with my counterparts from Tanzania and Malawi a memorandum …"."""
    lowers, doc = ctx.lowers, ctx.doc
    verb = next((j for j in range(at - 2, start - 1, -1) if lowers[j] in _SIGNING_VERBS and (
        lowers[j + 1] == "with" or lowers[j + 1] in _ALONG and lowers[j + 2:j + 3] == ["with"])), None)
    if verb is None or lowers[at - 1] not in {"a", "an", "the"}:
        return False
    return not any(lowers[j] in {",", ";", "which", "that", "who"} or lowers[j] == "and" and not (
        doc[j + 1].is_title or lowers[j + 1] == "the" and doc[j + 2].is_title) for j in range(verb + 1, at))
    # ("and" only inside the partner's name or list: "from Tanzania and Malawi")


def _signed_with_partners(ctx: DocContext, sentence: Sentence, subject, actors) -> list:
    """The partners the subject signed with, named before the object: "I signed together with my counterparts from
    Tanzania and Malawi a memorandum …", "Oman signed with the Minister of Defence of Qatar an agreement …"."""
    lowers = ctx.lowers
    k = next((j for j in range(subject.end, min(sentence.end - 2, subject.end + 4)) if lowers[j] in _SIGNING_VERBS),
             None)
    if k is None:
        return []
    k += 1 + (lowers[k + 1] in _TOGETHER)
    if lowers[k] != "with":
        return []
    first = next((m for m in actors if k < m.start <= k + 8 and m.form != "coref"), None)
    if first is None or any(lowers[j] in {",", ";", "which", "that", "and"} for j in range(k, first.start)):
        return []
    return [first] + coordinated_from(ctx.doc, first.end, [m for m in actors if m.start >= first.end])


def _known_mentions(ctx: DocContext, nlp, out: list[_AgreementMention]) -> list[_AgreementMention]:
    """Mark the mentions that name a well-known agreement, and add those named without a genre word ("the Falepili
    Union", "the FPDA", "the Five-Point Consensus")."""
    register = ctx.gazetteer.register
    if not register.agreements:
        return out
    for key, start, end in ctx.gazetteer.agreements(ctx.doc):
        key = nlp.vocab.strings[key]
        sentence = ctx.sentence_of(start)
        if _covered_by_actor(sentence, start, end):
            continue
        known = register.agreements[key]
        overlapping = [m for m in out if m.sentence is sentence and m.name_start < end and start < m.name_end]
        for mention in overlapping:
            mention.known, mention.name, mention.kind, mention.concluded = key, known.name, known.kind, True
        if not overlapping:
            out.append(_AgreementMention(
                sentence=sentence, start=start, end=end, name_start=start, name_end=end, kind=known.kind,
                head=known.name.lower(), name=known.name, qualifiers=(), topic=(), capitalised=True, concluded=True,
                not_yet=False, accession=False, actors_in_name=[], known=key))
    return sorted(out, key=lambda m: m.start)


_INSTITUTION_HEADS = {"Administration", "Agency", "Office", "Committee", "Council", "Centre", "Center", "Secretariat",
                      "Unit", "Board", "Institute", "Directorate", "Organization", "Organisation", "Fund", "Command",
                      "Service", "Authority"}
_GOVERNMENT_OF_WORDS = {"National", "Interim", "Transitional", "Provisional"}  # ("Government of National Accord")
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}
_GENRE_WORDS = {w for phrase, _, _ in GENRES for w in phrase.split()} | {"mous", "and", "other", "various", "several"}


_COUNT_WORDS = set(NUMBER_WORDS) | {"several", "many", "numerous", "various", "some", "both", "all", "other"}


_EVENT_NOUNS = {"summit", "summits", "meeting", "meetings", "council", "dialogue", "forum", "conference"}


def _names_an_event(ctx: DocContext, mention) -> bool:
    """A capitalised partnership name that names a meeting or body: "the Eastern Partnership summit", "the Strategic
    Partnership Dialogue" (the event, not an agreement)."""
    end = mention.name_end
    return mention.capitalised and mention.kind == "PartnershipFramework" and end < mention.sentence.end \
        and ctx.lowers[end] in _EVENT_NOUNS


def _only_genre_words(ctx: DocContext, mention) -> bool:
    """A plural heading made only of genre words: "MoUs and Agreements", "Agreements and Memoranda"."""
    words = [t.lower_ for t in ctx.doc[mention.name_start:mention.name_end]]
    if len(words) == 2 and (words[0] in _COUNT_WORDS or words[0].isdigit()) and words[1].endswith("s") \
            and _singular(words[1]) in _GENRE_WORDS | {"mou", "instrument", "document"}:
        return True  # a count: "Seven agreements signed"
    parts = " ".join(words).replace(",", " and ").split(" and ")
    return len(parts) >= 2 and all(part.strip() and part.split()[-1].endswith("s")
                                   and _singular(part.split()[-1]) in _GENRE_WORDS | {"mou"} for part in parts)


def _singular(word: str) -> str:
    """ "treaties" → "treaty", "accords" → "accord"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _proper_name_before(ctx: DocContext, sentence: Sentence, start: int) -> int | None:
    """Where a proper name before a lower-case head begins: "the Lancaster House treaties" (not an actor's
    name: "the EU agreement" is the EU's agreement, read elsewhere)."""
    doc = ctx.doc
    k = start
    while k - 1 >= sentence.start and (doc[k - 1].is_title or doc[k - 1].is_upper) \
            and _is_word(doc[k - 1]) and start - k < 4:
        k -= 1
    if k == start or (k > sentence.start and doc[k - 1].lower_ not in {"the", "our", "their", "its"}):
        return None  # (or the sentence's first words: "Falepili Union treaty with Tuvalu enters into force")
    if any(m.kind == "actor" and m.start < start and m.end > k for m in sentence.mentions):
        return None
    return k


# Verbs whose date is an agreement's (the nearest date after the first of them dates it), and verbs that lead a
# mention's own concluding phrase (the date before them, or "today" beside them, is its signing day)
_DATING_VERBS = {"signed", "adopted", "concluded", "agreed", "endorsed", "signing", "initialled", "ratified"}
_SIGNING_VERBS = _DATING_VERBS - {"signing"} | {"inked", "initialed", "issued", "exchanged", "approved"}


def _signing_date(ctx: DocContext, mention: _AgreementMention, following: int) -> tuple | None:
    """The day a mention's own concluding phrase gives: a date after the name and before ``following``, where the
    next agreement's name starts (", signed in Warsaw on 8 July 2016", "that the Presidents of A and B signed in
    Bishkek on 13 March"), one before a signing verb that leads to the name ("on 18 October 1983, that our
    predecessors signed the Treaty"), or the document's day for "today" beside that verb ("today signed a
    Memorandum", "adopted today")."""
    sentence, lowers, doc = mention.sentence, ctx.lowers, ctx.doc
    limit = min(sentence.end, following, mention.name_end + 20)
    stop = next((k for k in range(mention.name_end + 2, limit) if lowers[k] in {";", "which"}), limit)
    after_lo = doc[mention.name_end].idx + ctx.offset if mention.name_end < sentence.end else None
    after_hi = doc[stop - 1].idx + ctx.offset + len(doc[stop - 1]) if stop > mention.name_end else None
    found = _dates_in(ctx, sentence)
    if after_lo is not None and after_hi is not None:
        date = next((d for d in found if after_lo <= d[0] < after_hi), None)
        if date and not _coarser_time_before(ctx, mention.name_end, date[0]):
            return date
    lo = max(sentence.start, mention.name_start - 12)
    verb = next((k for k in range(mention.name_start - 1, lo - 1, -1) if lowers[k] in _SIGNING_VERBS), None)
    if verb is not None:
        verb_at = doc[verb].idx + ctx.offset
        before = [d for d in found if d[1] <= verb_at and d[0] >= doc[lo].idx + ctx.offset]
        if before:
            return before[-1]
        if len(found) == 1 and found[0][1] <= verb_at:
            return found[0]  # "On 6 March 2018, at United Nations Headquarters in New York, the Foreign Minister and
            # your chief negotiator signed the Treaty …": the sentence's one date, however far before the verb
        if "today" in lowers[max(sentence.start, verb - 3):mention.name_start]:
            return (None, None, ctx.date.isoformat()) if ctx.date else None
    window = lowers[mention.name_end:stop]
    if ctx.date and "today" in window and _SIGNING_VERBS & set(window[:window.index("today") + 1]):
        return None, None, ctx.date.isoformat()
    return None


def _coarser_time_before(ctx: DocContext, start: int, char: int) -> bool:
    """Whether the words from token ``start`` up to the date at ``char`` give a time of their own, a month or a year
    without its day ("… signed in Manila in July last year entered into force last Thursday"): the date is then of
    something else."""
    doc, lowers = ctx.doc, ctx.lowers
    k = start
    while k < len(doc) and doc[k].idx + ctx.offset < char:
        if lowers[k] in {"in", "since"} and k + 1 < len(doc) and doc[k + 1].idx + ctx.offset < char and (
                (doc[k + 1].text in _MONTHS and not (k + 2 < len(doc) and doc[k + 2].like_num
                                                      and len(doc[k + 2].text) <= 2))
                or _is_year(doc[k + 1].text)):
            return True
        k += 1
    return False


def _year_after(ctx: DocContext, sentence: Sentence, end: int, following: int | None = None) -> str | None:
    """The year in the concluding phrase after a name: ", adopted by the three countries in 2003" (before
    ``following``, where another agreement's name starts)."""
    lowers = ctx.lowers
    for k in range(end, min(sentence.end, end + 14, following or sentence.end)):
        if lowers[k] in {";", "which", "and"} and k > end + 1:
            break
        if _is_year(lowers[k]):
            return lowers[k]
    return None


# Words that make a sentence about agreements speak of ones not yet concluded
_NOT_CONCLUDED_YET = _NOT_YET | {"discussion", "discussions", "talks", "expected", "will", "shall", "planned"}
# "will sign", "will be signed", "is to be signed", "are expected to sign" (not "decided today to elevate")
_FUTURE_TO = {"expected", "plan", "plans", "planned", "intend", "intends", "due", "set", "going", "is", "are", "be",
              "agreed", "ready", "like", "want", "wants", "aim", "aims", "seek", "seeks", "prepared", "wish"}


def _only_future(lowers, lo: int, s: int, e: int, hi: int) -> bool:
    """Whether every word near a name that would conclude it is in the future: "Nigeria and Senegal will sign a
    Memorandum …", "A joint communiqué will be issued at the end of the visit", "… would be signed next spring"."""
    verbs = [k for k in [*range(lo, s), *range(e, hi)] if lowers[k] in _CONCLUDE and lowers[k] not in {
        "earlier", "previous", "existing", "entry", "accession", "signature", "signatures", "adoption"}]
    def future(k: int) -> bool:
        prev = lowers[max(lo, k - 4):k]
        return bool({"will", "shall", "would"} & set(prev[-2:])) or prev[-2:] == ["to", "be"] or bool(
            {"once", "if", "unless", "until"} & set(prev)) or (  # "… once the Union has adopted it"
            prev[-1:] == ["to"] and prev[-2:-1] and prev[-2] in _FUTURE_TO)

    return bool(verbs) and all(future(k) for k in verbs)


def _modifiers(ctx: DocContext, sentence: Sentence, start: int) -> int | None:
    """Where the lower-case words naming a kind of agreement begin, between a determiner and its head
    ("the ceasefire agreement", "a defence cooperation agreement"); ``None`` when there are none."""
    doc = ctx.doc
    k = start
    while k - 1 >= sentence.start and start - k < 6:  # (also "a status-of-forces agreement")
        token = doc[k - 1]
        hyphen = token.text in {"-", "–"} and k - 2 >= sentence.start and doc[k - 2].is_lower and k < start
        if hyphen or (token.like_num and k < start and doc[k].text in {"-", "–"}):
            k -= 1  # "a ten-year security cooperation agreement", "a 10-year agreement"
            continue
        if token.lower_ == "of" and k - 2 >= sentence.start and doc[k - 2].lower_ == "status" and k < start:
            k -= 1  # "a status of visiting forces agreement"
            continue
        if not (token.is_alpha and token.is_lower) or token.lower_ in _DETERMINERS or token.lower_ in _NOT_MODIFIERS \
                or token.lower_ in _CONCLUDE or token.lower_ in _NOT_YET or token.pos_ in {"VERB", "AUX", "ADP"}:
            break
        k -= 1
    if k - 2 >= sentence.start and _is_year(doc[k - 1].text) and doc[k - 2].lower_ in _MODIFIED_AFTER and k < start:
        k -= 1  # "the 1979 peace treaty between Egypt and Israel"
        return k + 1 if not any(t.lower_ in {"and", "or", "of", "to", "for", "in", "on", "with", "by"}
                                for t in doc[k + 1:start]) else None
    if k < start and k - 1 > sentence.start and doc[k - 1].lower_ not in _MODIFIED_AFTER | {"'s", "’s"}:
        named = _proper_name_before(ctx, sentence, k)
        if named is not None and named < k and doc[named].lower_ in {"the", "a", "an"}:
            named += 1  # (the sentence's first word: "The Gripen …")
        if named is not None and named > sentence.start and doc[named - 1].lower_ in {"the", "a", "an"}:
            k = named  # "the Gripen lease agreement", "the Lancaster House defence treaty": a name, then modifiers
    if k == start or k - 1 < sentence.start or doc[k - 1].lower_ not in _MODIFIED_AFTER | {"'s", "’s"}:
        return None
    if any(t.lower_ in {"and", "or", "of", "to", "for", "in", "on", "with", "by"}
           and not (t.i > k and doc[t.i - 1].text in {"-", "–"})
           and not (t.lower_ == "of" and doc[t.i - 1].lower_ == "status")
           for t in doc[k:start]):
        return None  # (a linking word inside a hyphenated modifier stays: "status-of-forces", and "status of forces")
    return k


_LIST_NOUNS = {"agreements", "documents", "mous", "memoranda", "instruments", "outcomes", "arrangements",
               "following"}


def _listed_under_heading(ctx: DocContext, sentence: Sentence, name_start: int) -> bool:
    """An agreement that opens an item of a list under a heading that concludes the items
    ("The following agreements were signed:", "List of MoUs exchanged", "Outcomes")."""
    lowers = ctx.lowers
    opening = [w for w in lowers[sentence.start:name_start] if w not in {"(", ")", ".", "-", "–", "•", "*"}
               and not _item_marker(w)]
    if lowers[sentence.start:sentence.start + 2] in (["a", ")"], ["a", "."]):
        opening = opening[1:] if opening[:1] == ["a"] else opening
    if len(opening) > 1 or (opening and opening[0] not in {"a", "an", "the"}):
        return False
    if _bulleted_under_heading(ctx, sentence):
        return True
    k = sentence.index - 1
    while k >= 0 and sentence.index - k <= 30:  # (a list of fifteen items, each number read as a sentence of its own)
        prev = ctx.sentences[k]
        words = lowers[prev.start:prev.end]
        if all(not w.isalpha() or (len(w) <= 4 and w.strip("ivx") == "") for w in words):
            k -= 1  # an item's number alone: "1.", "(ii)"
            continue
        if set(words) & _LIST_NOUNS and (set(words) & (_CONCLUDE | _WITNESSED) or words[:2] in (["list", "of"], ["outcomes"])) \
                and (words[-1] == ":" or words[:2] == ["list", "of"] or words[:1] == ["outcomes"] or len(words) <= 8):
            return True  # (a short heading: "A. MoUs and Agreements exchanged")
        if words[:2] in (["exchanged", "by"], ["signed", "by"]) or words[:3] in (["exchanged", "by", ":"],):
            k -= 1  # "Exchanged by: Shri X, …; and Mr Y, …" under each item
            continue
        # an earlier item of the same list: it too opens with an agreement's genre (bulleted lines are read by
        # _bulleted_under_heading)
        if not _opens_with_genre(ctx, prev):
            return False
        k -= 1
    return False


def _item_marker(word: str) -> bool:
    """An item's number or letter: "3", "iv", "b", "b." or "(c)" (but the article "a" only with its stop or
    bracket: "a." or "a)")."""
    bare = word.strip("().")
    if word == "a":
        return False
    return bare.isdigit() or (len(bare) == 1 and bare.isalpha()) or (0 < len(bare) <= 4 and bare.strip("ivx") == "")


_BULLETS = ("–", "-", "•", "*", "—", "·")
# a heading's words that conclude the documents it lists, besides _CONCLUDE: "the two leaders witnessed the
# exchange of cooperation documents, including:"
_WITNESSED = {"exchange", "witnessed", "witness", "witnessing", "presence"}


def _bulleted_under_heading(ctx: DocContext, sentence: Sentence) -> bool:
    """The sentence opens a bulleted line, and the lines above it are items with the same bullet up to a heading
    that concludes them ("Seven instruments were exchanged in the presence of the two leaders:"), read by lines:
    an item may hold several sentences ("signed by Secretary Ma. Theresa Lazaro")."""
    text = ctx.text
    start = text.rfind("\n", 0, sentence.char_start) + 1
    line = text[start:sentence.char_start + 1].strip()
    if not line or line[0] not in _BULLETS:
        return False
    bullet = line[0]
    for _ in range(40):
        if start <= 1:
            return False
        previous = text.rfind("\n", 0, start - 1) + 1
        above = text[previous:start - 1].strip()
        start = previous
        if not above or above[0] == bullet:
            continue
        words = {w.strip(".,;:()").lower() for w in above.split()}
        return above.endswith(":") and bool(words & _LIST_NOUNS) and bool(words & (_CONCLUDE | _WITNESSED))
    return False


def _opens_with_genre(ctx: DocContext, sentence: Sentence) -> bool:
    words = [w for w in ctx.lowers[sentence.start:min(sentence.end, sentence.start + 8)]
             if w not in {"(", ")", ".", "-", "–", "•", "*", "a", "an", "the"} and not w.isdigit()]
    text = " ".join(words)
    # (anywhere in the opening words: "Japan-Mongolia Joint Statement on …")
    return any(" " + phrase + " " in " " + text + " " for phrase, _, _ in GENRES)


_BACK_ONE = {"it", "this", "that"}
_BACK_ALL = {"both", "they", "these", "all", "each"}


def _in_force_through(ctx: DocContext, sentence: Sentence, before: list[str], end: int, capitalised: bool) -> bool:
    """An agreement that something is done under or through stands: "works with us under its own Individually
    Tailored Partnership Programme", "reforms pursued through its Annual National Programme", "soldiers who serve
    under the bilateral defence agreement between the Central African Republic and Rwanda", "troops under its own
    bilateral agreement with Kinshasa". ``before`` are the words before the name (without "new", "own")."""
    if before[-2:-1] not in (["under"], ["through"]) or not before[-1:]:
        return False
    if before[-1] in _POSSESSIVES and capitalised:
        # (but "Through its Mutual Assistance Programme, New Zealand will …" is a national programme)
        return before[-2] == "under" or ctx.lowers[end - 1] not in {"programme", "program"} or len(before) > 2
        # ("the reforms Georgia has pursued through its Annual National Programme": not where the sentence opens)
    if before[-1] not in _POSSESSIVES | {"the"}:
        return False
    lowers = ctx.lowers
    if end >= sentence.end or lowers[end] not in {"with", "between"}:
        return False
    return any(end + 1 <= m.start <= end + 2 for m in ctx.actors_in(sentence, POLITICAL, coref=False))


def _concluded_next(ctx: DocContext, mentions: list[_AgreementMention]) -> None:
    """A sentence that opens by saying that what the sentence before named was concluded: "Both were signed on 13
    March 2012 by …", "It was signed in Colombo …", "Signed by the two Secretaries in 2024, it …". "It" is the
    one agreement of the sentence before, "both" or "they" all of them."""
    lowers = ctx.lowers
    by_sentence: dict[int, list[_AgreementMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    for index, named in by_sentence.items():
        if index + 1 >= len(ctx.sentences) or index + 1 in by_sentence:
            continue  # (a next sentence naming agreements of its own speaks of those)
        nxt = ctx.sentences[index + 1]
        words = lowers[nxt.start:min(nxt.end, nxt.start + 5)]
        if words[:1] and words[0] in _PARTICIPLES and words[1:2] and words[1] in {"by", "in", "on", "at"}:
            # "Signed by …, it …": the subject after the participial phrase's comma
            pronoun = next((lowers[i + 1] for i in range(nxt.start, nxt.end - 1) if lowers[i] == ","), None)
        elif words[:1] and words[0] in _BACK_ONE | _BACK_ALL and len(words) >= 3 \
                and (words[1] in {"was", "were"} and words[2] in _PARTICIPLES
                     or words[1:3] in (["had", "been"], ["have", "been"], ["has", "been"]) and words[3:4]
                     and words[3] in _PARTICIPLES):
            pronoun = words[0]
        else:
            continue
        names = {(m.name_start, m.name_end) for m in named}
        if pronoun in _BACK_ONE and len(names) == 1 or pronoun in _BACK_ALL and len(names) >= 2:
            for mention in named:
                if not mention.not_yet:
                    mention.concluded = True


_OCCASION = (["on", "that", "occasion"], ["on", "the", "same", "day"], ["at", "the", "same", "time"],
             ["on", "the", "same", "occasion"])


def _same_occasion(ctx: DocContext, mentions: list[_AgreementMention]) -> None:
    """ "the Treaty on … signed by the Presidents of A, B and C in Khujand on 31 March 2025, together with the Khujand
    Declaration on Eternal Friendship adopted on that occasion": the second has the first's parties and day."""
    lowers = ctx.lowers
    for before, after in zip(mentions, mentions[1:]):
        if before.sentence is not after.sentence or not before.concluded or before.not_yet or not after.concluded:
            continue
        k = after.name_start - (lowers[after.name_start - 1] in {"the", "a", "an"})
        if not (_ALONG & set(lowers[max(before.name_end, k - 3):k]) and lowers[k - 1] == "with"):
            continue
        j = after.name_end + (lowers[after.name_end:after.name_end + 1] == [","])
        if j < after.sentence.end and lowers[j] in _PARTICIPLES and any(
                lowers[j + 1:j + 1 + len(words)] == words for words in _OCCASION):
            after.own = after.own or before.own
            after.date = before.date or after.date
            after.year = before.year or after.year


def _share_conclusion(ctx: DocContext, mentions: list[_AgreementMention]) -> None:
    """Agreements coordinated after one concluding verb are all concluded: "the two sides exchanged an MoU on …
    and an Agreement on …"."""
    for before, after in zip(mentions, mentions[1:]):
        if before.sentence is not after.sentence or after.concluded or not before.concluded:
            continue
        between = ctx.lowers[before.name_end:after.name_start]
        if between and set(between) <= {",", "and", "a", "an", "the", "as", "well", "also", ";", "of", "together",
                                         "along", "alongside", "with"} \
                and ("and" in between or "," in between or "alongside" in between) \
                and ("with" not in between or _ALONG & set(between)):
            # (also "the treaty on …, together with the agreement on …", "…, along with an MoU")
            after.concluded = True
            after.not_yet = after.not_yet or before.not_yet
    # "the Charter of … and the Memorandum of Understanding on … were signed in Colombo by …", "the Regional
    # Agreement on … and the Regional Agreement on …, which were signed at Balaclava": a plural verb after the
    # second name concludes both
    for before, after in zip(mentions, mentions[1:]):
        if before.sentence is not after.sentence or before.concluded or not after.concluded or after.not_yet:
            continue
        between = ctx.lowers[before.name_end:after.name_start]
        k = after.name_end
        while k < min(after.sentence.end, after.name_end + 4) and ctx.lowers[k] not in {",", "which", "were"} and (
                ctx.doc[k].is_title or ctx.lowers[k] in {"at", "of", "in", "its", "their", "the"}):
            k += 1  # (the rest of a name read shorter: "… of Operations at Sea, which were", "… of its Secretariat were")
        rest = ctx.lowers[k:min(after.sentence.end, k + 4)]
        if rest[:1] == [","]:
            rest = rest[1:]
        if rest[:1] == ["which"]:
            rest = rest[1:]
        if between in (["and"], ["and", "the"], ["and", "a"], ["and", "an"]) \
                and (rest[:1] == ["were"] or rest[:2] in (["have", "been"], ["had", "been"])):
            before.concluded = True
            before.own = before.own or after.own
    # "… was signed in Athens on 9 June 2020, and the agreement with Egypt on … in Cairo on 6 August 2020": the
    # second clause leaves out the verb, and keeps only where and when
    for before, after in zip(mentions, mentions[1:]):
        if before.sentence is not after.sentence or after.concluded or not before.concluded or before.not_yet:
            continue
        k = after.name_start - (ctx.lowers[after.name_start - 1] in {"the", "a", "an"})
        rest = ctx.doc[after.name_end:after.sentence.end]
        if (ctx.lowers[k - 2:k] == [",", "and"] or ctx.lowers[k - 1] == ";") and len(rest) > 1 \
                and rest[0].lower_ in {"in", "on", "at"} and all(
                t.lower_ in {"in", "on", "at", "of", "the", ",", ".", "-", "–"} or t.is_title or t.like_num for t in rest):
            after.concluded = True
    # "the two countries signed five bilateral instruments, among them a Memorandum of Understanding …", "signed in
    # London the two Lancaster House Treaties: the Treaty for Defence and Security Co-operation, and …"
    lowers = ctx.lowers
    for mention in mentions:
        if mention.concluded:
            continue
        lo = max(mention.sentence.start, mention.name_start - 30)
        mark = next((j for j in range(mention.name_start - 1, lo, -1) if lowers[j] in {":", "including"}
                     or lowers[j - 1:j + 1] == ["among", "them"]), None)
        if mark is None or any(lowers[j] in {";", "which", "that"} for j in range(mark, mention.name_start)):
            continue
        before = lowers[max(mention.sentence.start, mark - 14):mark]
        if set(before) & _CONCLUDE and set(before) & _DOCUMENT_NOUNS and not set(before) & _NOT_YET:
            mention.concluded = True
    # "…, which was signed in Brussels in 2016 together with the Comprehensive Economic and Trade Agreement"
    for mention in mentions:
        k = mention.name_start - (1 if ctx.lowers[mention.name_start - 1] in {"the", "a", "an", "its", "their"} else 0)
        if mention.concluded or k < 2 or ctx.lowers[k - 2] not in _ALONG or ctx.lowers[k - 1] != "with":
            continue
        before = ctx.lowers[max(mention.sentence.start, k - 18):k - 2]
        cut = max((i for i, w in enumerate(before) if w in {";", ":", "and", "but", "while"}), default=-1)
        if set(before[cut + 1:]) & _CONCLUDE and not set(before[cut + 1:]) & _NOT_YET:
            mention.concluded = True
    # … and back from the last: "the Strategic Partnership Agreement and the Comprehensive Economic and Trade
    # Agreement, both signed in 2016"
    for before, after in reversed(list(zip(mentions, mentions[1:]))):
        if before.sentence is not after.sentence or before.concluded or not after.concluded:
            continue
        between = ctx.lowers[before.name_end:after.name_start]
        if between and set(between) <= {",", "and", "the"} and "and" in between \
                and (set(ctx.lowers[after.name_end:after.name_end + 3]) & {"both", "all", "each"}
                     or _plural_relative(ctx, after)):
            before.concluded, before.not_yet = True, after.not_yet


_DOCUMENT_NOUNS = {"instruments", "documents", "texts", "agreements", "treaties", "accords", "memoranda",
                   "arrangements", "protocols"}


def _plural_relative(ctx: DocContext, mention: _AgreementMention) -> bool:
    """ "the Manama Declaration and the Executive Programme for 2016-2017, which the First Ministerial Meeting
    adopted": a relative clause right after the last of two names, with no singular verb, concludes both."""
    start = _relative_start(ctx, mention.sentence, mention.name_end)
    if start is None or start - mention.name_end > 1 or _relative_conclusion(ctx, mention.sentence, mention.name_end) \
            is not True:
        return False
    return not set(ctx.lowers[start:min(mention.sentence.end, start + 8)]) & {"was", "is", "has", "itself"}


def _topic_end(ctx: DocContext, sentence: Sentence, end: int) -> int | None:
    """End of a lower-case topic after "agreement on …" ("on the joint development of a fighter aircraft").

    The topic may follow "with X" ("an agreement with Korea on …") or "between X and Y"; it runs over lower-case
    words and links and stops at a comma, a verb or a relative pronoun. ``None`` when there is no such topic.
    """
    doc, lowers = ctx.doc, ctx.lowers
    k = end
    if k < sentence.end and lowers[k] == "with":  # "agreement with Korea on …"
        actor = next((m for m in ctx.actors_in(sentence, coref=False) if k + 1 <= m.start <= k + 2), None)
        if actor is None:
            return None
        k = actor.end
    if k < sentence.end and lowers[k] == "between":  # "a memorandum between the two Foreign Ministries on …"
        # (the parties' names run up to the topic's link, a stop or a bracket: "… Aeronaval Service (SENAN) on …")
        def link_from(i: int, default: int) -> int:
            return next((j for j in range(i, min(sentence.end, i + 25)) if lowers[j] in _TOPIC_LINKS
                         or lowers[j] in {",", ";", "("} or lowers[j] in _TOPIC_STOP), default)
        k = link_from(k + 1, k)
        while k < sentence.end and lowers[k] == "(":
            k = next((j + 1 for j in range(k + 1, min(sentence.end, k + 8)) if lowers[j] == ")"), sentence.end)
            if k < sentence.end and lowers[k] not in _TOPIC_LINKS:
                k = link_from(k, k)
    addendum = lowers[end - 1] == "addendum"
    links = _TOPIC_LINKS | ({"of"} if lowers[end - 1] in _TREATY_HEADS else set()) | ({"to"} if addendum else set())
    if k >= sentence.end or lowers[k] not in links:
        return None
    j = k + 1
    named = {i for m in sentence.mentions if m.kind in ("actor", "region") and m.form != "coref"
             for i in range(m.start, m.end)}
    while j < sentence.end:
        token = doc[j]
        if j in named and (j > k + 1 or lowers[end - 1] in {"statement", "declaration"}):
            j += 1  # "… for the participation of Canada in European Union crisis management operations", "a joint
            continue  # statement on Sudan"
        if token.lower_ in {"and", ","} and j + 1 < sentence.end and lowers[j + 1] in {"a", "an", "the", "another"}:
            break  # "an MoU on maritime security and an Agreement on …": the next item of a list
        if token.text == "," and j + 1 < sentence.end and doc[j + 1].is_lower and doc[j + 1].is_alpha \
                and lowers[j + 1] not in _TOPIC_STOP | {"and", "or", "but", "as", "in", "at", "on", "for", "to", "by"}:
            j += 1  # "a treaty of friendship, cooperation and mutual assistance": a list of topics
            continue
        if token.is_title and j > k + 1 and lowers[j - 1] in {"the", "a", "an"} and token.lower_ not in _CALENDAR_WORDS:
            # (also "… establishing a Joint Permanent Commission")
            run = j
            while run < sentence.end and (doc[run].is_title or doc[run].text in {"-", "–"} and not doc[run].whitespace_
                                          and not doc[run - 1].whitespace_):
                run += 1  # (also "the Kempir-Abad reservoir")
            if not {_singular(w) for w in lowers[j:run]} & _GENRE_NOUNS:
                j = run  # "the agreement on the Baltic Defence Line that he signed": a named thing ends the topic
            elif addendum:
                j = _name_span(ctx, sentence, j, run)[1]  # "an addendum to the Memorandum of Understanding on …"
            break
        if token.text in {"-", "–"} and not doc[j - 1].whitespace_ and not token.whitespace_ and j + 1 < sentence.end \
                and doc[j + 1].is_alpha:
            j += 2  # "the Kempir-Abad reservoir"
            continue
        if token.lower_ in _TOPIC_STOP or not (token.is_lower or token.lower_ in _TOPIC_WORDS or token.text in {"-", "–"}):
            break
        j += 1
    while j > k + 1 and (lowers[j - 1] in _TOPIC_WORDS or lowers[j - 1] == ","):
        j -= 1
    content = [t for t in doc[k + 1:j] if t.is_alpha and t.lower_ not in _TOPIC_WORDS and t.lower_ not in {"a", "an"}]
    if content and content[0].lower_ in _NOT_TOPICS:
        return None  # "on the sidelines of the summit", "on behalf of"
    if [t.lower_ for t in content] in (["it"], ["them"], ["this"], ["that"]):
        return None  # "a protocol amending it": what it amends is named elsewhere, so no topic names this one
    return j if content else None


def _owners_before(ctx: DocContext, sentence: Sentence, start: int) -> list[str]:
    """Actors that own a lower-case agreement: "Indonesia's agreement", "the Japanese-Australian agreement"."""
    doc = ctx.doc
    out: list[str] = []
    k = start
    if k - 1 >= sentence.start and doc[k - 1].text in {"'s", "’s", "'", "’"}:
        k -= 1
    actors = sorted(ctx.actors_in(sentence, POLITICAL, coref=False), key=lambda m: -m.start)
    for m in actors:
        if m.end > k:
            continue
        if m.end == k:
            out.insert(0, m.key)
            k = m.start
            while k - 1 >= sentence.start and doc[k - 1].text in {"-", "–", "and", "/"}:
                k -= 1
        else:
            break
    return list(dict.fromkeys(out))


def _relative_start(ctx: DocContext, sentence: Sentence, end: int) -> int | None:
    """Where a relative clause about the agreement named up to ``end`` opens ("that", "which", ", which", "under
    which", ", the first of which"), past a parenthesis ("(DOC)", "(2020–2025)"), the rest of a name the span left
    out (", Public Health and Safe Communities") or its partner ("with the United States,"). ``None`` if none."""
    lowers, doc = ctx.lowers, ctx.doc
    k, stop = end, min(sentence.end, end + 14)
    while k < stop:
        word = lowers[k]
        if word in {"that", "which"}:
            return k
        if word == "," and lowers[k + 1:k + 2] == ["which"]:
            return k
        if word in {"under", "of", "to", "through", "by"} and lowers[k + 1:k + 2] == ["which"]:
            return k + 1  # "the Programme under which the two sides worked", ", the first of which", "to which …",
            # "the Ankara Declaration, through which Somalia and Ethiopia agreed …"
        if word == "," and lowers[k + 1:k + 2] in (["the"], ["a"]) and k + 2 < stop and (
                lowers[k + 2] in _GENRE_NOUNS | _APPOSED_NOUNS):
            k += 3  # ", the framework under which Yerevan has cooperated …": an apposition before the clause
            continue
        if word == "(":
            close = next((j for j in range(k + 1, stop) if lowers[j] == ")"), None)
            if close is None:
                return None
            k = close + 1
        elif word == "with" and k == end:
            actor = next((m for m in ctx.actors_in(sentence, coref=False) if k + 1 <= m.start <= k + 2), None)
            if actor is None:
                return None
            k = actor.end
        elif word in {",", "and", "of", "the", "first"} or doc[k].is_title or doc[k].is_upper:
            k += 1
        elif word in {"'", "’", "'s", "’s"} and k + 1 < stop and doc[k + 1].is_alpha:
            k += 2  # "the treaty on the junction point of the three countries' borders that …"
        elif word in _TRAILING_PREPOSITIONS:
            # the rest of a topic the name left out: "the agreement on coordinated patrols along the common border
            # that the two ministries signed"
            j = next((i for i in range(k + 1, min(stop, k + 6)) if lowers[i] in {"that", "which"}), None)
            if j is None or not all(doc[i].is_alpha and doc[i].is_lower for i in range(k + 1, j)):
                return None
            k = j
        else:
            return None
    return None


_TRAILING_PREPOSITIONS = {"along", "across", "in", "on", "at", "within", "around"}


_APPOSED_NOUNS = {"instrument", "document", "text", "basis", "vehicle", "programme", "program", "framework"}
_CLAUSE_FUTURE = {"will", "would", "may", "could", "shall", "should", "expect", "expects", "expected", "ready", "due",
                  "plan", "plans", "planned", "hope", "hopes", "intend", "intends", "conclude", "sign", "adopt"}


def _relative_conclusion(ctx: DocContext, sentence: Sentence, end: int) -> bool | None:
    """What a relative clause after the name up to ``end`` says (see :func:`_relative_start`): that the agreement
    was concluded or stands ("…, which ASEAN and China signed in 2002", "the Programme under which the two sides
    worked"): ``True``; that it only will be ("…, which the two sides would sign next year", "…, which officials
    expect to be ready for signature"): ``False``; neither, or no such clause: ``None``."""
    k = _relative_start(ctx, sentence, end)
    if k is None:
        return None
    if k > sentence.start and ctx.lowers[k - 1] == "under":
        return True
    clause = []
    k += 2 if ctx.lowers[k] == "," else 1
    for token in ctx.doc[k:min(sentence.end, k + 30)]:
        if token.lower_ in {";", "which", "that"}:
            break
        clause.append(token.text if token.lower_ == "may" else token.lower_)  # (the month May is no modal)
    committing = _COMMITTING if ctx.lowers[k - 2] in {"through", "by"} else set()
    verb = next((i for i, w in enumerate(clause) if w in _RELATIVE_CONCLUDING | _CONCLUDE | committing), None)
    if verb is None:
        return None
    return not set(clause[:verb + 1]) & _CLAUSE_FUTURE


# Verbs by which the sides of an agreement bind themselves "in" or "through" it: "through which Somalia and Ethiopia
# agreed …", "In the Memorandum on …, Chișinău and Tiraspol committed themselves to …"
_COMMITTING = {"agreed", "committed", "undertook", "pledged", "decided", "resolved", "settled", "recognised",
               "recognized", "renounced"}


def _fronted_conclusion(ctx: DocContext, sentence: Sentence, start: int, end: int) -> list[str]:
    """ "Five years later, in the Memorandum on the Basis for Normalization of Relations, Chișinău and Tiraspol
    committed themselves to …": a sentence that opens with "in" or "through" and the name, then the subjects who
    bound themselves by it; their keys (none when the sentence is not so built)."""
    lowers = ctx.lowers
    k = start - 1
    if k >= sentence.start and lowers[k] in {"the", "this", "that", "their", "its"}:
        k -= 1
    if k < sentence.start or lowers[k] not in {"in", "through"}:
        return []
    opening = lowers[sentence.start:k]  # (nothing, or a time phrase ending with a comma: "Five years later,")
    if opening and (opening[-1] != "," or len(opening) > 6):
        return []
    if end >= sentence.end or lowers[end] != ",":
        return []
    actors = [m for m in ctx.actors_in(sentence, POLITICAL) if m.form != "adjective"]
    at = end + 1 + (lowers[end + 1] == "the")
    group = coordinated_from(ctx.doc, at, actors)
    keys = [m.key for m in group]
    if not group:  # (a capital standing for its state: "Chișinău and Tiraspol committed themselves")
        place = next((m for m in sentence.mentions if m.kind == "place" and m.start == at), None)
        country = ctx.gazetteer.register.entities[place.key].country if place is not None else None
        if country is None:
            return []
        group, keys = [place], [country]
    after = group[-1].end
    if after + 1 < sentence.end and lowers[after] == "and" and ctx.doc[after + 1].text[:1].isupper():
        after += 1  # "Chișinău and Tiraspol committed": a side the register does not hold
        while after < sentence.end and after - group[-1].end < 5 and ctx.doc[after].text[:1].isupper():
            after += 1
    if after >= sentence.end or lowers[after] not in _COMMITTING:
        return []
    return list(dict.fromkeys(keys))


_PARTICIPLES = {w for w in _CONCLUDE if w.endswith("ed")} - {"earlier", "existing", "bound", "linked", "entered"}
_AFTER_STOP = {";", ":", "(", "will", "would", "shall", "should", "could", "can", "must", "to", "not", "never", "yet",
               "be", "being", "if", "once", "when", "until", "before", "after", "unless", "whether"}


_CONCLUSION_NOUNS = {"conclusion", "signature", "signing"}


def _nominal_conclusion(ctx: DocContext, sentence: Sentence, start: int) -> bool:
    """ "The conclusion of the Agreement on Defence Cooperation in 2006 gave …", "welcomed the signature, in the
    margins of the Summit, of the Agreement …": a noun of concluding before "of" and the name, perhaps with an aside
    between; not when it is hoped for ("called for the early conclusion of …")."""
    lowers = ctx.lowers
    k = start - 1
    while k > sentence.start and lowers[k] in {"the", "a", "an"}:
        k -= 1
    if k <= sentence.start or lowers[k] != "of":
        return False
    j = k - 1
    if lowers[j] == "and":  # "the signature of the Agreement … and of a Memorandum …": the first "of" decides
        first = next((i for i in range(j - 1, max(sentence.start, j - 30), -1) if lowers[i] == "of"
                      and lowers[i - 1] in _CONCLUSION_NOUNS | {","}), None)
        return first is not None and _nominal_conclusion(ctx, sentence, first + 1)
    if lowers[j] == ",":  # (an aside: ", in the margins of the Summit,")
        j = next((i for i in range(j - 1, max(sentence.start, j - 15) - 1, -1) if lowers[i] == ","), sentence.start)
        j -= 1
    return j > sentence.start and lowers[j] in _CONCLUSION_NOUNS \
        and not set(lowers[max(sentence.start, j - 3):j]) & _HOPED_CONCLUSION


def _participle_after(ctx: DocContext, sentence: Sentence, end: int, spans) -> bool:
    """ "the Memorandum of Understanding between the secretariats of the two organizations signed in Dushanbe",
    "the defence cooperation roadmap for 2019–2024 that Lithuania and the United States signed in 2019": a
    concluding participle past the words that qualify the name, before any other agreement, modal or negation."""
    lowers = ctx.lowers
    others = {span.start for span in spans}
    skip_to = end
    for k in range(end, min(sentence.end, end + 16)):
        if k < skip_to:
            continue
        word = lowers[k]
        if word == "(":  # an acronym in brackets: "the Treaty establishing the Confederation of … (AES), signed …"
            close = next((j for j in range(k + 1, min(sentence.end, k + 5)) if lowers[j] == ")"), None)
            inside = ctx.doc[k + 1:close] if close is not None else []
            if close is not None and any(t.is_alpha for t in inside) \
                    and all(t.text.isupper() or t.text in {"-", "/", "&"} for t in inside):
                skip_to = close + 1
                continue
        if k in others or word in _AFTER_STOP or (word == "may" and ctx.doc[k].text == "may"):
            return False
        if word in _PARTICIPLES:
            return True
    return False


def _conclusion_before_aside(ctx: DocContext, sentence: Sentence, start: int) -> bool | None:
    """ "… signed, under the auspices of the African Union, the Agreement for Lasting Peace": a concluding verb
    before an aside set off by commas just before the name (``True``; ``False`` when the verb is only intended, "intend
    to conclude, before the end of the year, an arrangement"; ``None`` when there is none)."""
    lowers = ctx.lowers
    k = start - 1
    if k > sentence.start and lowers[k] == "joint":
        k -= 1  # ("…, the joint declaration of intent")
    if k > sentence.start and lowers[k] in {"the", "a", "an", "their", "its", "our"}:
        k -= 1
    if k > sentence.start and lowers[k] in {"to", "of"}:
        k -= 1  # "put their signatures, in the presence of the ministers, to a Memorandum"; "the signature, yesterday,
        # on the margins of this session, of the Host Country Agreement"
    if k <= sentence.start or lowers[k] != ",":
        return None
    for _ in range(3):  # (one aside after another: "the signature, yesterday, on the margins of this session, of …")
        opening = next((j for j in range(k - 1, max(sentence.start, k - 14), -1) if lowers[j] == ","), None)
        if opening is None or opening <= sentence.start:
            return None
        verb = opening - 1
        while verb > sentence.start and opening - verb <= 4 and (lowers[verb] in {"in", "at", "on"} or (
                ctx.doc[verb].text[:1].isupper() and lowers[verb - 1] in {"in", "at", "on"})):
            verb -= 1  # ("signed in Rome, together with their colleagues from Tunisia, …, the joint declaration")
        if lowers[verb] not in _CONCLUDE:
            verb = opening - 1
        if lowers[verb] in _CONCLUDE:  # (not "went to Kyiv and signed, with President …, an agreement")
            return not set(lowers[max(sentence.start, verb - 3):verb]) & _CLAUSE_FUTURE and lowers[verb - 1] != "to"
        k = opening
    return None


def _passive_conclusion(ctx: DocContext, sentence: Sentence, end: int) -> bool:
    """ "An Action Plan …, prepared by …, was adopted by the ministers": the main verb later in the sentence.

    Only when the name heads its clause: the first "was/were/has been" + concluding participle after it, with
    no other finite verb before it.
    """
    lowers = ctx.lowers
    for i in range(end, sentence.end - 1):
        word = lowers[i]
        if word in _PASSIVE_AUX:
            j = i + 1
            if j < sentence.end and lowers[j].endswith("ly"):
                j += 1  # "was formally adopted"
            return j < sentence.end and lowers[j] in _CONCLUDE and lowers[j].endswith("ed")
        if word in {"will", "would", "should", "has", "have", "had", "is", "are", ";", "and"}:
            return False
    return False


def _cluster(mentions: list[_AgreementMention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for mention in mentions:
        target = None
        if mention.known:
            # a well-known agreement is one cluster, whatever form names it, and no other mention joins it
            target = next((c for c in clusters if c.known == mention.known), None)
            if target is None:
                target = _Cluster(mention.kind, mention.head, mention.qualifiers, mention.topic, known=mention.known)
                clusters.append(target)
            target.mentions.append(mention)
            continue
        # (what another replaces is none named before, but the one an amending agreement's name names)
        for cluster in ([] if mention.fresh else [c for c in reversed(clusters) if all(m.amended for m in c.mentions)]
                        if mention.replaced else reversed(clusters)):
            if cluster.known and mention.qualifiers:
                continue  # (only "the treaty", "This treaty" can refer back to a well-known agreement)
            if cluster.kind != mention.kind or cluster.head != mention.head:
                continue
            years = {m.year or m.named_year for m in cluster.mentions if m.year or m.named_year}
            year = mention.year or mention.named_year
            if year and years and year not in years:
                continue  # "the Joint Declaration adopted … on 27 May 2024" after one "adopted … in 2003"
            named = _name_years(mention.name)
            if named and not named & {y for m in cluster.mentions for y in _name_years(m.name)} \
                    and any(_name_years(m.name) for m in cluster.mentions):
                continue  # "the Executive Programme for 2016-2017", then "… of the Forum for 2026-2028"
            days = {m.date[2] for m in cluster.mentions if m.date}
            if mention.date and days and mention.date[2] not in days:
                continue  # "the treaty … signed in Bishkek on 13 March", then "the Treaty …, signed on 31 March"
            owns = {m.own for m in cluster.mentions if m.own}
            if mention.own and mention.own not in owns and (owns or cluster.mentions[0].sentence is not mention.sentence) \
                    and not all(m.amended for m in cluster.mentions):
                continue  # "the Strategic Partnership that the EU and ASEAN have maintained": another partnership
            if mention.plural and not mention.capitalised and not any(m.plural for m in cluster.mentions):
                continue  # "an implementing arrangement concluded in 2018", then "the bilateral stand-in
                # arrangements that NATO's structures do not provide for": a plural is not the one agreement
            if _other_partner(mention, cluster):
                continue  # "a Security and Defence Partnership with Canada", then "… between the Union and the UK"
            if mention.capitalised and mention.qualifiers and not any(m.capitalised or m.qualifiers
                                                                       for m in cluster.mentions) \
                    and mention.sentence.index - cluster.mentions[-1].sentence.index > 2:
                continue  # "the agreement that the border commissions of Azerbaijan and Armenia reached", then, far
                # on, "the Headquarters Agreement for the OIC Regional Office": a generic name does not look forward
            if _same_qualifiers(mention, cluster):
                target = cluster
                break
        if target is None:
            target = _Cluster(mention.kind, mention.head, mention.qualifiers, mention.topic)
            clusters.append(target)
        elif len(mention.qualifiers) > len(target.qualifiers):
            target.qualifiers, target.topic = mention.qualifiers, mention.topic
        target.mentions.append(mention)
    return clusters


_FOUNDING = {"establishment", "establishing", "creation", "creating", "founding", "formation"}


def _founded_by_it(ctx: DocContext, mention) -> bool:
    """Whether an organization in an agreement's name is the one the agreement founds ("the Agreement on the
    Establishment of the Commonwealth of Independent States", "the Treaty establishing the …"): it did not yet exist to
    be a party."""
    k = mention.start - (ctx.lowers[mention.start - 1] == "the")
    if ctx.entity_kind(mention.key) not in {"organization", "grouping"}:
        return False
    return (k >= 1 and ctx.lowers[k - 1] in _FOUNDING) or (k >= 2 and ctx.lowers[k - 1] == "of"
                                                           and ctx.lowers[k - 2] in _FOUNDING)


def _name_years(name: str) -> set[str]:
    """The years written in an agreement's name ("Work Plan for 2026-2028")."""
    return set(re.findall(r"\b(?:19|20)\d\d\b", name))


def _qualifiers(tokens, head: str) -> tuple[str, ...]:
    # (a link is no qualifier: "the Protocol renewing the defence cooperation agreement" in a headline is the "Protocol
    # amending the Agreement … on Defence Cooperation" of the text)
    words = (t.lower_.rstrip("s") for t in tokens if t.lower_.rstrip("s") != head
             and _is_word(t) and t.lower_ not in _NOT_QUALIFIERS and t.lower_ not in _TOPIC_LINKS)
    return tuple(w for word in words for w in _SPELLED_OUT.get(word, (word,)))


# acronyms written out in other mentions of one name ("the agreement on the status of the EU Mission in Armenia", "the
# Agreement … on the status of the European Union Mission in Armenia")
_SPELLED_OUT = {"eu": ("european", "union"), "un": ("united", "nation"), "au": ("african", "union")}


def _is_word(token) -> bool:
    """Whether a token is a word: letters, with apostrophes inside a name ("N'Djamena")."""
    return token.text.replace("'", "").replace("’", "").isalpha()


_LEVELS = {"comprehensive", "strategic", "enhanced", "special", "global", "privileged", "extended", "all-round",
           "distinctive", "deep", "deepened"}


def _same_qualifiers(mention: _AgreementMention, cluster: _Cluster) -> bool:
    """Whether a mention's qualifiers can name the cluster's agreement: either has none ("the Memorandum"), or the
    words of one are the other's, both all of them and those of the topic. "The Memorandum on Defense Cooperation" is
    not "the Memorandum on Cooperation in Military Medicine between the Ministries of National Defense", but "the
    Defence Cooperation Agreement" is "the Agreement between A and B on Cooperation in the Field of Defence"."""
    if not mention.qualifiers or not cluster.qualifiers:
        return True
    if cluster.head == "partnership" and set(mention.qualifiers) & _LEVELS != set(cluster.qualifiers) & _LEVELS:
        return False  # a Comprehensive Partnership (2009), lifted to a Strategic Partnership (2018), then raised to a
        # Comprehensive Strategic Partnership (2024): three levels, three agreements
    pairs = ((set(mention.qualifiers), set(cluster.qualifiers)), (set(mention.topic), set(cluster.topic)))
    return all(a <= b for a, b in pairs) or all(b <= a for a, b in pairs)


_PLACE_NAMED = re.compile(r"(?:(?:Treaty|Agreement|Accord|Declaration|Protocol|Pact|Memorandum) of ([A-Z][\w'-]+)"
                          r"|([A-Z][\w'-]+) (?:Treaty|Agreement|Accord|Declaration|Protocol|Pact))")


def _merge_place_names(ctx: DocContext, clusters: list[_Cluster]) -> list[_Cluster]:
    """ "… today signed in Nancy the Treaty between the French Republic and the Republic of Poland …", then "the
    Treaty of Nancy": a name after the place of signing is the agreement signed there, earlier in the text."""
    gone = []
    for cluster in clusters:
        match = _PLACE_NAMED.fullmatch(cluster.name)
        place = match and (match.group(1) or match.group(2))
        years = {m.year for m in cluster.mentions if m.year}
        target = next((c for c in clusters if place and c is not cluster and c not in gone and c.kind == cluster.kind
                       and c.head == cluster.head and not c.document
                       and not (years and {m.year for m in c.mentions if m.year} - years)
                       and any(m.concluded and re.search(
                           rf"\b(?:in|at) {re.escape(place)}\b", ctx.text[m.sentence.char_start:m.sentence.char_end])
                               for m in c.mentions)), None)
        if target is not None:
            if cluster.known and not target.known:
                # "the Treaty of Nancy" is a well-known agreement: the treaty signed in Nancy joins it
                cluster.mentions = sorted(target.mentions + cluster.mentions, key=lambda m: m.start)
                gone.append(target)
                continue
            for mention in cluster.mentions:
                mention.concluded = False  # (its date and parties are the ones of the signing, not of its sentence)
            target.mentions = sorted(target.mentions + cluster.mentions, key=lambda m: m.start)
            gone.append(cluster)
    return [c for c in clusters if c not in gone]


def _other_partner(mention: _AgreementMention, cluster: _Cluster) -> bool:
    """Whether a mention and a cluster name partners that cannot both be right: the partner after "with" of one is
    not among the actors named in the other."""
    named = {k for m in cluster.mentions for k in m.actors_in_name} | {m.partner for m in cluster.mentions if m.partner}
    if mention.partner and named and mention.partner not in named:
        return True
    partners = {m.partner for m in cluster.mentions if m.partner}
    return bool(mention.actors_in_name and partners and not partners & set(mention.actors_in_name))


def _document_cluster(ctx: DocContext, clusters: list[_Cluster]) -> None:
    """Mark the agreement that is the document itself (a joint statement or declaration)."""
    meta = ctx.source.metadata
    genre = meta.get("genre", "")
    title = meta.get("title", "").lower()
    kind = _DOC_GENRES.get(genre)
    if kind is None and ("joint statement" in title or "joint declaration" in title):
        kind = "JointStatement" if "statement" in title else "JointDeclaration"
    if kind is None and ("joint communiqué" in title or "joint communique" in title):
        kind = "JointStatement"  # "Joint Communiqué of the … Meeting": a communiqué is a statement of its signers
    if kind is None:
        return
    opening = {s.index for s in ctx.sentences[:3]}
    for cluster in clusters:
        if cluster.kind == kind and any(m.sentence.index in opening for m in cluster.mentions):
            cluster.document = True
            _split_other_years(ctx, clusters, cluster)
            return


def _split_other_years(ctx: DocContext, clusters: list[_Cluster], document: _Cluster) -> None:
    """ "This text carries forward the Joint Declaration signed in Warsaw on 8 July 2016": a mention of the
    document's genre concluded in another year, or on another day, than the document is an earlier agreement, one
    per year or day ("the joint statement on Sudan issued on 12 September by …")."""
    if ctx.date is None:
        return

    def other_time(mention: _AgreementMention) -> str | None:
        """The year or day, other than the document's, its concluding phrase or name gives a mention."""
        year = mention.year or mention.named_year
        if year and int(year) != ctx.date.year:
            return year
        day = mention.date[2] if mention.date else None
        return day if day and day != ctx.date.isoformat() else None

    for cluster in clusters:  # (the day another agreement's own phrase gives is not the document's)
        if cluster is not document:
            document.earlier.update(m.date[:2] for m in cluster.mentions if m.date and m.date[0] is not None)
    if all(map(other_time, document.mentions)):
        return  # (then nothing in the text names the document itself)
    others: dict[str, _Cluster] = {}
    for mention in list(document.mentions):
        time = other_time(mention)
        if time:
            document.mentions.remove(mention)
            if time not in others:
                others[time] = _Cluster(mention.kind, mention.head, mention.qualifiers, mention.topic)
                clusters.append(others[time])
            others[time].mentions.append(mention)
            if mention.date and mention.date[0] is not None:
                document.earlier.add(mention.date[:2])


_CALL_VERBS = {"urged", "urges", "urge", "called", "calls", "call", "encouraged", "encourages", "invited", "invites",
               "requested", "requests", "appealed", "appeals"}
_KEEP_VERBS = {"implement", "respect", "abide", "comply", "adhere", "honour", "honor", "uphold", "fulfil", "fulfill"}


def _called_to_implement(ctx: DocContext, sentence: Sentence) -> list[str] | None:
    """ "urged the South Sudanese parties to implement the Revitalized Agreement": the parties urged."""
    lowers = ctx.tokens_lower(sentence)
    for i, word in enumerate(lowers):
        if word not in _CALL_VERBS:
            continue
        to = next((j for j in range(i + 1, min(len(lowers) - 1, i + 12)) if lowers[j] == "to"
                   and lowers[j + 1] in _KEEP_VERBS), None)
        if to is None:
            continue
        keys = [m.key for m in ctx.actors_in(sentence) if m.form != "coref"
                and sentence.start + i < m.start < sentence.start + to]
        if keys:
            return list(dict.fromkeys(keys))
    return None


# Words between "between" or "by" and a listed actor, or between two of them: "by the Heads of State of A, B and C",
# "by the Presidents of A, B and C", "between the defence ministries of A and B", "between the Ministry of Defense of A
# and the Department of National Defense of B"
_LIST_GAP_WORDS = {",", "and", "the", "namely", "its", "neighbours", "four", "guarantor", "institutions", "government",
                   "of", "heads", "state", "governments", "presidents", "leaders", "prime", "ministers", "foreign",
                   "defence", "defense", "ministries", "ministry", "department", "national", "affairs", "interior",
                   "armed", "forces"}


def _parties_of_sentence(ctx: DocContext, sentence: Sentence) -> list[str]:
    doc = ctx.doc
    lowers = ctx.tokens_lower(sentence)
    called = _called_to_implement(ctx, sentence)
    if called:
        return called
    actors = [m for m in ctx.actors_in(sentence) if not (m.form == "coref" and m.confidence < 0.7)]
    # "between A and B", "by A, B and C"
    for word in ("between", "by"):
        if word in lowers and not (word == "between" and lowers[lowers.index(word) - 1] in {"relations", "ties"}):
            # (not "a Joint Declaration raising relations between the Union and the region": what it is about)
            at = sentence.start + lowers.index(word)
            listed = []
            for m in actors:
                if m.start <= at:
                    continue
                gap = [t.lower_ for t in doc[(listed[-1].end if listed else at + 1):m.start]]
                if all(w in _LIST_GAP_WORDS or not w.isalpha() for w in gap):
                    listed.append(m)
                else:
                    break
            if len(listed) >= 2 or (word == "between" and listed):
                return list(dict.fromkeys(m.key for m in listed))
            if len(listed) == 1 and word == "by" and set(lowers[max(0, at - sentence.start - 10):at - sentence.start]) \
                    & _PARTICIPLES and _unregistered_side(ctx, sentence, listed[0].key):
                return [listed[0].key]  # "signed … by the Government of Ethiopia and the Tigray People's Liberation
                # Front": the one side the register holds
    # "when the defence ministers of A, B, C and D signed a letter of intent": the states of the posts that sign
    for j in range(1, len(lowers) - 1):
        if lowers[j] != "of" or lowers[j - 1] not in _SIGNING_POSTS:
            continue

        listed = coordinated_from(doc, sentence.start + j + 1, [m for m in actors if m.form != "coref"],
                                  joins={",", "and", "the", "of"})  # ("the leaders of the EU and of A, B and C")
        if len(listed) >= 2:
            k = rel(listed[-1].end, sentence)
            if set(lowers[k:k + 3]) & _CONCLUDE:
                return list(dict.fromkeys(m.key for m in listed))
    roles = _in_roles(ctx, sentence)
    if roles:
        actors = [m for m in actors if m.start not in roles]
    # "signed … by Prime Minister Pashinyan and President Aliyev, in the presence of President Trump": those present
    # are not parties when others sign; when no one else does, they are the only sign of whose the documents are
    present = roles | _phrase_spans(ctx, sentence, _PRESENCE)
    for excluded in ((present, roles) if present != roles else (roles,)):
        subject = subject_group(ctx, sentence, [m for m in ctx.actors_in(sentence) if m.start not in excluded
                                                and not (m.form == "coref" and _peers_from(ctx, sentence, m.end))])
        signers = []
        for iri, start, _ in ctx.person_mentions:
            if sentence.start <= start < sentence.end and start not in excluded:
                for key in ctx.positions_by_person.get(iri, [])[:1]:
                    if key not in signers and ctx.entity_kind(key) in POLITICAL:
                        signers.append(key)
        if subject or signers:
            break
    if subject:
        # "our Ministry of Police, National Security and Correctional Services and its Papua New Guinean counterpart
        # signed …": a peer named by its adjective before the verb is a subject too
        verb = next((i for i in range(subject[-1].end, sentence.end) if ctx.lowers[i] in _CONCLUDE), None)
        subject = subject + [m for m in actors if verb is not None and subject[-1].end <= m.start < verb
                             and m.form == "adjective" and _adjective_group(ctx, sentence, m)
                             and "and" in ctx.lowers[subject[-1].end:m.start]
                             and m.key not in {s.key for s in subject}]
    if subject or signers:
        keys = []
        for m in subject + (_signed_with_partners(ctx, sentence, subject[-1], actors) if subject else []):
            keys += constituents(ctx, m.key) or [m.key]
        return list(dict.fromkeys(keys + signers))
    parties = []
    for mention in actors:
        k = mention.start - 1
        if k >= sentence.start and doc[k].lower_ == "the":
            k -= 1
        prev = doc[k].lower_ if k >= sentence.start else ""
        if prev in _NOT_PARTY_BEFORE and not (prev == "from" and k > sentence.start and doc[k - 1].lower_ in _PEER_NOUNS):
            continue  # (but "my counterparts from Tanzania and Malawi")
        if {t.lower_ for t in doc[max(sentence.start, k - 3):k + 1]} & {"facilitation", "mediation", "auspices",
                                                                        "facilitated", "mediated", "witnessed"}:
            continue  # "under the facilitation of the Republic of Chad": the facilitator is not a party
        if prev == "of" and ctx.entity_kind(mention.key) != "state" and {t.lower_ for t in doc[max(
                sentence.start, k - 6):k]} & {"members", "member", "membership", "presidency", "chair", "chairmanship",
                                                "founding", "founders"}:
            continue  # "members of BRICS and of the G20", "preparing for membership of the Alliance", "one of the
            # founding states of the Caribbean Community" do not conclude the agreement as organizations
        if mention.end < sentence.end and doc[mention.end].text in {"Headquarters", "headquarters"}:
            continue
        if mention.form in ("adjective", "member") and not _adjective_group(ctx, sentence, mention):
            continue  # "movement of Allied forces", "the Indian Space Research Organisation"
        for key in constituents(ctx, mention.key) or [mention.key]:
            if key not in parties:
                parties.append(key)
    return parties


_PEER_NOUNS = {"neighbours", "neighbors", "partners", "allies", "counterparts", "counterpart", "colleagues",
               "friends", "governments", "authorities", "leaders", "presidents", "delegations", "ministers", "colleague"}


def _adjective_group(ctx: DocContext, sentence: Sentence, mention) -> bool:
    """Whether a state's adjective heads a noun for its government or people, alone or with others ("our Tajik and
    Uzbek neighbours", "his Panamanian counterpart", "the Greek and Cypriot governments")."""
    if mention.form != "adjective" or ctx.entity_kind(mention.key) != "state":
        return False
    return _peers_from(ctx, sentence, mention.end)


def _peers_from(ctx: DocContext, sentence: Sentence, k: int) -> bool:
    """Whether states' adjectives from token ``k`` on lead to a noun for their governments ("Tajik and Uzbek
    neighbours"), or that noun comes at once ("our neighbours": not us)."""
    adjectives = {m.start: m.end for m in sentence.mentions if m.kind == "actor" and m.form == "adjective"}
    while k < sentence.end and (ctx.lowers[k] in {"and", ","} or k in adjectives):
        k = adjectives.get(k, k + 1)
    return k < sentence.end and ctx.lowers[k] in _PEER_NOUNS


_ROLE_NOUNS = {"facilitator", "facilitators", "mediator", "mediators", "guarantor", "guarantors", "observer",
               "observers", "witness", "witnesses"}


def _in_roles(ctx: DocContext, sentence: Sentence) -> set[int]:
    """The tokens of those a sentence names in a role beside the parties: "…, with the Prime Minister of Dominica,
    Roosevelt Skerrit, acting as facilitators, and with Brazil as an observer" (from the "with" before the role, or
    the few words before it when there is none)."""
    lowers = ctx.lowers
    out: set[int] = set()
    for r in range(sentence.start + 1, sentence.end - 1):
        if lowers[r] != "as":
            continue
        n = r + 2 if lowers[r + 1] in {"a", "an", "the"} else r + 1
        if n >= sentence.end or lowers[n] not in _ROLE_NOUNS:
            continue
        back = next((i for i in range(r - 1, max(sentence.start, r - 40) - 1, -1) if lowers[i] == "with"
                     or lowers[i] in _CONCLUDE), None)
        start = back if back is not None and lowers[back] == "with" else max(sentence.start, r - 4)
        if back is not None and lowers[back] in _CONCLUDE and r - back <= 6:
            start = sentence.start  # "The Chairperson of the Commission … signed the Agreement as witnesses"
        end = n + 1
        if lowers[end:end + 1] in (["for"], ["of"]):  # ("acting as facilitators for CELAC and CARICOM")
            end = next((i for i in range(end, sentence.end) if lowers[i] in {",", ";", "("}), sentence.end)
        out.update(range(start, end))
    return out | _phrase_spans(ctx, sentence, _ROLE_LEADS)


# "at the invitation of H.E. Recep Tayyip Erdoğan, President of the Republic of Türkiye", "under the patronage of",
# "hosted and mediated by": the host, patron or mediator of a signing is not a party (not "in the presence of", kept
# apart in _PRESENCE: the leaders who witness the exchange of memoranda are often the only sign of whose they are)
_ROLE_LEADS = (("invitation", "of"), ("patronage", "of"), ("auspices", "of"), ("mediation", "of"),
               ("facilitation", "of"), ("hosted", "by"), ("mediated", "by"), ("facilitated", "by"), ("convened", "by"),
               # and a role named before the one who holds it: "commends the ECOWAS Mediator, President X of Y, …"
               ("mediator", ","), ("mediators", ","), ("facilitator", ","), ("facilitators", ","))
_PRESENCE = (("in", "the", "presence", "of"),)


def _phrase_spans(ctx: DocContext, sentence: Sentence, leads) -> set[int]:
    """The tokens from each of the ``leads`` phrases in a sentence to the end of the phrase that follows it (see
    :func:`_role_end`)."""
    lowers = ctx.lowers
    out: set[int] = set()
    for r in range(sentence.start, sentence.end):
        for lead in leads:
            if lowers[r] == lead[0] and tuple(lowers[r:r + len(lead)]) == lead:
                start = r
                if lead[-1] == ",":  # (a role noun: from its determiner, "the ECOWAS Mediator, …")
                    start = next((i for i in range(r - 1, max(sentence.start, r - 5) - 1, -1)
                                  if lowers[i] in {"the", "a", "an", "its", "their", "our"}), r)
                out.update(range(start, _role_end(ctx, sentence, r + len(lead))))
    return out


def _role_end(ctx: DocContext, sentence: Sentence, k: int) -> int:
    """Where the role phrase from token ``k`` ends: at the next comma, semicolon or bracket, past the post that
    follows a name ("…, President of the Republic of Türkiye")."""
    lowers, texts = ctx.lowers, texts_of(ctx.doc)
    while k < sentence.end:
        if lowers[k] in {";", "(", ")"}:
            return k
        if lowers[k] == ",":
            if k + 1 < sentence.end and texts[k + 1][:1].isupper() and lowers[k + 1] not in {"the", "and"}:
                k += 1  # (a post after the name)
                continue
            return k
        k += 1
    return k


def _accession_parties(ctx: DocContext, sentence: Sentence) -> list[str]:
    doc = ctx.doc
    out = []
    for m in ctx.actors_in(sentence, {"state"}, coref=False):
        k = m.start - 1
        if k >= sentence.start and doc[k].lower_ == "the":
            k -= 1
        if k >= sentence.start and doc[k].lower_ in _NOT_PARTY_BEFORE | {"with", "of"} \
                and not (doc[k].lower_ == "of" and k > sentence.start and doc[k - 1].lower_ in _ACCESSION):
            continue  # (but "the accession of Kuwait and Panama")
        if m.key not in out:
            out.append(m.key)
    if not out:
        return []
    # the first acceding state and those coordinated with it: "the accession of Kuwait and Panama to the TAC"
    states = ctx.actors_in(sentence, {"state"}, coref=False)
    first = next(m for m in states if m.key == out[0])
    group = [first]
    for m in states:
        if m.start >= group[-1].end and all(t.lower_ in {",", "and", "the"} for t in doc[group[-1].end:m.start]) \
                and m.start > group[-1].start:
            group.append(m)
        elif m.start > group[-1].end:
            break
    return list(dict.fromkeys(m.key for m in group))


def find_agreements(ctx: DocContext, nlp, positions: list[Position]) -> list[tuple[Agreement, list[int]]]:
    """Find agreements and record their statements.

    Returns each agreement with the indexes of the sentences that mention it.
    """
    mentions = _mentions(ctx, nlp)
    if ctx.agreement_model is not None:
        _scored_conclusions(ctx, mentions)
    clusters = _merge_place_names(ctx, _cluster(mentions))
    _document_cluster(ctx, clusters)
    _clauses(ctx, clusters)
    _elliptical_signings(ctx, clusters)
    result, heads = [], []  # (and the genre noun of each, for "similar partnerships with …")
    for cluster in clusters:
        made = _record_cluster(ctx, cluster, positions)
        result += made
        heads += [cluster.head] * len(made)
    recorded = list(zip(result, heads))
    similar = _similar_agreements(ctx, recorded, positions)
    return result + similar + _recounted(ctx, recorded + [(r, "") for r in similar], positions)


def _scored_conclusions(ctx: DocContext, mentions: list[_AgreementMention]) -> None:
    """A mention the rules read neither as concluded nor as only planned is concluded when the agreement model
    says so (see :mod:`.agreement_model`)."""
    for m, score in ctx.agreement_model.concluded_mentions(ctx, mentions):
        m.concluded, m.scored = True, score


def _recorded_unconcluded(cluster: _Cluster) -> bool:
    """Whether the rules record a cluster that no mention concludes: the document itself, or an agreement (not a
    treaty) whose name joins two actors ("EU-ASEAN Work Plan")."""
    named_pair = any(len(m.actors_in_name) >= 2 and not m.not_yet for m in cluster.mentions)
    return cluster.document or (named_pair and cluster.kind != "Treaty")


def _concluded_by_model_alone(cluster: _Cluster, concluding) -> bool:
    """Whether only the agreement model's conclusions record this cluster: the rules would have left it out."""
    return bool(concluding) and all(m.scored is not None for m in concluding) and not cluster.known \
        and not _recorded_unconcluded(cluster)


def _scored_parties(ctx: DocContext, cluster: _Cluster, name: str, parties: list[str], party_sentences: dict,
                    rule: str | dict[str, str]) -> tuple[list[str], dict, dict[str, str], dict[str, float]]:
    """The parties the agreement model chooses among the candidates (see :mod:`.agreement_model`): their
    sentences, the rule of each and the model's score of those it alone chose."""
    rules = {p: rule.get(p, rule["*"]) if isinstance(rule, dict) else rule for p in parties}
    shared, candidates = party_candidates(ctx, cluster.mentions, name, cluster.kind, parties, rules,
                                          lambda key: _as_members(ctx, [key], {})[0])
    chosen = ctx.agreement_model.chosen_parties(name, shared, candidates)
    if not chosen:
        return parties, party_sentences, rule, {}
    order = {key: i for i, key in enumerate(parties)}
    keys = sorted(chosen, key=lambda key: (order.get(key, len(order)), key))
    where, scores = {}, {}
    for key in keys:
        if key in rules:
            where[key] = party_sentences.get(key, [])
        else:
            rules[key], scores[key] = "agreement-party-model", chosen[key]
            sentence = candidates[key][1]
            where[key] = [sentence] if sentence is not None else []
    return keys, where, {"*": "agreement-party-model", **{key: rules[key] for key in keys}}, scores


_CLAUSE_JOINS = {"and", "while", "whereas", "but"}
_CLAUSE_LEADS = {"the", "our", "their", "its", "his", "her", "both", "then", "later", "also", "in", "on", "at", "a",
                 "few", "weeks", "days", "months", "year", "years", "after", "that", "same", "day", "week", "month", ","}


def _clauses(ctx: DocContext, clusters: list[_Cluster]) -> None:
    """A sentence of several clauses, each with its own subject: "the three Presidents signed the Khujand
    Declaration, and our Tajik and Uzbek neighbours brought into force their own Treaty"; "India and Pakistan agreed
    the line in the Karachi Agreement, and the Security Council has kept it since". Each mention's parties are then
    read from its own clause (``_AgreementMention.clause``)."""
    by_sentence: dict[int, list] = {}
    for cluster in clusters:
        for m in cluster.mentions:
            by_sentence.setdefault(m.sentence.index, []).append(m)
    doc = ctx.doc
    for mentions in by_sentence.values():
        sentence = mentions[0].sentence
        cuts, lo = [], sentence.start
        while (cut := _clause_cut(ctx, sentence, lo, sentence.end)) is not None:
            cuts.append(cut)
            lo = cut[1]
        if not cuts:
            continue
        bounds = [(sentence.start, cuts[0][0])] + [(cut[1], after[0]) for cut, after in zip(cuts, cuts[1:])] + \
            [(cuts[-1][1], sentence.end)]
        for m in mentions:
            start, end = next(((s, e) for s, e in bounds if s <= m.name_start < e), (sentence.start, sentence.end))
            m.clause = Sentence(sentence.index, start, end, ctx.offset + doc[start].idx,
                                ctx.offset + doc[end - 1].idx + len(doc[end - 1]),
                                [a for a in sentence.mentions if start <= a.start < end], sentence.speaker)


def _clause_cut(ctx: DocContext, sentence: Sentence, lo: int, hi: int) -> tuple[int, int] | None:
    """(end of the clause opening at token ``lo``, start of the next) before token ``hi``: a semicolon, or a comma and
    "and"/"while"/"whereas"/"but", followed soon by an actor heading the next clause (not "…, and with Japan the …"),
    once the first clause has a verb (not the subjects "my Croatian colleague, Minister X, and I signed …")."""
    lowers = ctx.lowers
    for j in range(lo, hi - 1):
        if lowers[j] == ";":
            k = j + 1
        elif lowers[j] == "," and lowers[j + 1] in _CLAUSE_JOINS:
            k = j + 2
        else:
            continue
        first = next((m for m in ctx.actors_in(sentence) if k <= m.start < hi), None)
        if first is not None and first.start - k <= 6 and all(
                lowers[i] in _CLAUSE_LEADS or lowers[i].isdigit() or ctx.doc[i].text[:1].isupper()
                for i in range(k, first.start)) and any(_verb_like(ctx, i) for i in range(lo, j)):
            return j, k
    return None


_IRREGULAR_PAST = {"met", "held", "made", "took", "kept", "set", "gave", "began", "became", "said", "put", "struck",
                   "won", "saw", "sent", "brought", "left", "led", "paid", "told", "went", "came"}


def _verb_like(ctx: DocContext, i: int) -> bool:
    """Token ``i`` could be the verb of a clause: a finite auxiliary, an irregular past or a lower-case "-ed" form."""
    word = ctx.lowers[i]
    return word in _FINITE or word in _IRREGULAR_PAST or (word.endswith("ed") and ctx.doc[i].text.islower())


def _record_cluster(ctx: DocContext, cluster: _Cluster, positions) -> list[tuple[Agreement, list[int]]]:
    """The agreements one cluster of mentions records: none, one, or one per partner ("Those agreed with …")."""
    if cluster.known:
        return [_record_known(ctx, cluster, positions)]
    concluding = [m for m in cluster.mentions if m.concluded and not m.not_yet]
    distributed = _distributed(ctx, cluster)
    if distributed:
        # "Individually Tailored Partnership Programmes … Those agreed with Japan and Korea in 2023": one each
        owner, sentence, partners = distributed
        singular = _singular_name(cluster.name)
        made = [_record(ctx, cluster, [], singular, [partner, owner], {partner: [sentence], owner: [sentence]},
                        "agreement-party-distributed", (None, None, None), positions) for partner in partners
                if partner != owner]
        # and the one the text itself reports concluded, in the singular: "The EU and North Macedonia signed a
        # Security and Defence Partnership today. The EU signed its first partnerships earlier this year: with …"
        own = [m for m in concluding if not _plural_mention(ctx, m) and m.sentence is not sentence]
        if own:
            alone = replace(cluster, mentions=own)
            parties, party_sentences, rule = _parties(ctx, alone, own)
            sides = {ID + ctx.organization_of(p) for p in parties}  # (the EEAS's is the Union's)
            if len(parties) >= 2 and not any(sides == {ID + ctx.organization_of(p.removeprefix(ID)) for p in a.parties}
                                             for a, _ in made):
                parties, party_sentences = _as_parents(ctx, parties, party_sentences)
                made.insert(0, _record(ctx, alone, own, _singular_name(cluster.name), parties, party_sentences, rule,
                                       _date(ctx, alone, own), positions))
        return made
    each = _each_subject(ctx, cluster)
    if each:
        # "Germany and France each concluded a bilateral agreement on security cooperation with Ukraine": one each
        partner, sentence, subjects = each
        name = _singular_name(cluster.name) if any(_plural_mention(ctx, m) for m in cluster.mentions) else cluster.name
        return [_record(ctx, cluster, concluding, name, [subject, partner],
                        {subject: [sentence], partner: [sentence]}, "agreement-party-distributed",
                        _date(ctx, cluster, concluding), positions) for subject in subjects]
    itemised = _itemised(ctx, cluster)
    if itemised:
        # "the maritime boundary agreements of 1974 and 1976", "three memoranda of understanding, on A, on B and on
        # C, were exchanged": one agreement per item, each with the parties of the whole
        mention, items, stop = itemised
        parties, party_sentences, rule = _parties(ctx, cluster, [mention])
        if not parties:
            return []
        parties, party_sentences = _as_parents(ctx, parties, party_sentences)
        singular = " ".join(map(_singular_head, ctx.doc[mention.name_start:stop].text.split()))
        return [_record(ctx, cluster, [mention], f"{singular} {item}", parties, party_sentences, rule,
                        (None, None, None) if year else _date(ctx, cluster, [mention]), positions)
                for item, year in items]
    if not (concluding or _recorded_unconcluded(cluster)):
        return []
    parties, party_sentences, rule = _parties(ctx, cluster, concluding)
    if not parties:
        return []
    parties, party_sentences = _as_parents(ctx, parties, party_sentences)
    return [_record(ctx, cluster, concluding, cluster.name, parties, party_sentences, rule,
                    _date(ctx, cluster, concluding), positions)]


def _as_members(ctx: DocContext, parties: list[str], party_sentences: dict) -> tuple[list[str], dict, list[str]]:
    """A grouping or organization of a few states (the Weimar Triangle, AUKUS, the Quad, the Alliance of Sahel
    States) is written as its member states in the register, each shown by the grouping's sentences. Returns the
    parties, their sentences and the groupings so written."""
    register = ctx.gazetteer.register
    out, where, groupings = [], dict(party_sentences), []
    for key in parties:
        kind = ctx.entity_kind(key)
        members = sorted(register.members_of(key)) if kind in _GROUPING_SIZE else []
        if 2 <= len(members) <= _GROUPING_SIZE.get(kind, 0):
            groupings.append(key)
            for member in members:
                if member not in out:
                    out.append(member)
                    where.setdefault(member, party_sentences.get(key, []))
        elif key not in out:
            out.append(key)
    return out, where, groupings


# the most member states a grouping or an organization written as its members has (not the G7, nor Mercosur, which
# conclude agreements as blocs)
_GROUPING_SIZE = {"grouping": 5, "organization": 3}


def _as_parents(ctx: DocContext, parties: list[str], party_sentences: dict) -> tuple[list[str], dict]:
    """"President Costa and the President of the Commission signed …": the EU, shown by its bodies' sentences."""
    merged = ctx.bodies_as_parent(parties)
    if merged == parties:
        return parties, party_sentences
    entities = ctx.gazetteer.register.entities
    return merged, {k: party_sentences.get(k) or [s for b in parties if entities[b].parent == k
                                                  for s in party_sentences.get(b, [])] for k in merged}


# Plural genre nouns whose items ("of 1974 and 1976", ", on A, on B and on C") are one agreement each
_PLURAL_HEADS = {"memoranda", "agreements", "treaties", "accords", "protocols", "arrangements", "declarations",
                 "conventions", "mous"}


def _singular_name(name: str) -> str:
    """A plural name in the singular: "Memoranda of Understanding" → "Memorandum of Understanding", "Security and
    Defence Partnerships" → "Security and Defence Partnership"."""
    words = name.split()
    heads = [_singular_head(word) for word in words]
    return " ".join(heads) if heads != words else _singular(name)


def _singular_head(word: str) -> str:
    """A plural genre noun as written, in the singular ("Memoranda" → "Memorandum", "MoUs" → "MoU"); other words
    unchanged."""
    lower = word.lower()
    if lower not in _PLURAL_HEADS:
        return word
    if lower == "mous":
        return word[:-1]
    single = _HEAD_ALIASES.get(lower) or _singular(lower)
    return single[:1].upper() + single[1:] if word[:1].isupper() else single

_ITEM_LINKS = {"on", "concerning", "regarding"}


def _itemised(ctx: DocContext, cluster: _Cluster):
    """A plural genre followed by its items, each one agreement: years ("the maritime boundary agreements of 1974
    and 1976", each concluded in its year) or topics, when the sentence concludes them ("three further memoranda of
    understanding, on digital public infrastructure, on health and medicine, and on grant assistance, were
    exchanged", "memoranda on higher education, health and tourism"). Returns (the mention, [(item, year or None)],
    where the name to repeat for each ends) or ``None``."""
    lowers = ctx.lowers
    for mention in cluster.mentions:
        words = lowers[mention.name_start:mention.name_end]
        if mention.not_yet or _PLURAL_HEADS.isdisjoint(words):
            continue
        sentence, at = mention.sentence, mention.name_end
        if lowers[at:at + 1] == ["of"]:  # years
            years, j = [], at + 1
            while j < sentence.end and _is_year(lowers[j]):
                years.append(lowers[j])
                j += 1
                while j < sentence.end and lowers[j] in {",", "and"}:
                    j += 1
            if len(years) >= 2 and (ctx.date is None or max(map(int, years)) <= ctx.date.year):
                return mention, [(f"of {y}", y) for y in years], mention.name_end
            continue
        listed = _topic_list(ctx, mention)
        if listed and (mention.concluded or _passive_conclusion(ctx, sentence, mention.name_end - 1)):
            return mention, listed, mention.end
        items, j = [], at + (lowers[at:at + 1] == [","])
        while j < sentence.end and lowers[j] in _ITEM_LINKS:  # topics: ", on A, on B, and on C"
            k = j + 1
            while k < sentence.end and lowers[k] not in {",", ";", "(", ")"} and not (
                    lowers[k] == "and" and lowers[k + 1:k + 2] and lowers[k + 1] in _ITEM_LINKS):
                k += 1
            if k == j + 1:
                break
            items.append((ctx.doc[j:k].text, None))
            j = k
            while j < sentence.end and lowers[j] in {",", "and"}:
                j += 1
        if len(items) >= 2 and (mention.concluded or _passive_conclusion(ctx, sentence, j - 1)
                                or bool(set(lowers[j:min(sentence.end, j + 4)]) & _CONCLUDE)):
            return mention, items, mention.name_end
    return None


def _topic_list(ctx: DocContext, mention: _AgreementMention) -> list[tuple[str, None]]:
    """The topics of a plural genre in lower case, one agreement each: "memoranda on higher education, health and
    halal product assurance" gives "on higher education", "on health", "on halal product assurance"."""
    lowers = ctx.lowers
    link = mention.end
    if link >= mention.name_end or lowers[link] not in _ITEM_LINKS or mention.capitalised:
        return []
    items, start = [], link + 1
    for k in range(link + 1, mention.name_end + 1):
        if k == mention.name_end or lowers[k] in {",", "and"}:
            if k > start:
                items.append((f"{lowers[link]} {ctx.doc[start:k].text}", None))
            start = k + 1
    if "," not in lowers[link:mention.name_end] and {"of", "the"} & set(lowers[link:mention.name_end]):
        return []  # ("arrangements on the safe export of grain and foodstuffs": one topic)
    return items if len(items) >= 2 else []


# plural genre nouns a text recounts a network with ("agreements were concluded with A, B and C"), and their genre
_RECOUNTED_NOUNS = {plural: (head, next(kind for phrase, kind, _ in GENRES if phrase == head)) for plural, head in {
    "agreements": "agreement", "partnerships": "partnership", "memoranda": "memorandum", "arrangements": "arrangement",
    "programmes": "programme", "treaties": "treaty"}.items()}  # (the genre's type as GENRES gives it)
_RECOUNTED_HEADS = {head for head, _ in _RECOUNTED_NOUNS.values()}  # ("the partnership with Japan")
_CLAUSE_BREAKS = {"while", "whereas", "but", "although", "though", ";", "which", "that"}
_RECOUNTED_STOP = _NOT_CONCLUDED_YET | {"underway", "negotiating", "exploring", "explore"}


def _planned(words: list[str]) -> bool:
    """Whether words speak of agreements still to come ("talks … are under way", "will sign", "negotiating")."""
    return bool(set(words) & _RECOUNTED_STOP) or any(a == "under" and b == "way" for a, b in zip(words, words[1:]))


def _recounted(ctx: DocContext, recorded, positions) -> list[tuple[Agreement, list[int]]]:
    """A network of agreements recounted in a story, one agreement per state named (see :func:`_recounted_in`),
    between it and the side that concluded them. The name and type are those of the genre's agreement recorded with a
    state near by (:func:`_network_model`), else the genre noun's. Nothing is recounted from a sentence that speaks of
    talks or plans."""
    done = {frozenset(a.parties) for (a, _), _ in recorded}
    out: list[tuple[Agreement, list[int]]] = []
    last_head = ""  # the genre last named, for "the first", "theirs"
    listed_before = False  # whether the sentence before named the genre in the plural ("… Partnerships with six …")
    covered = {(k, h) for (_, idx), h in recorded for k in idx}  # (sentences the recorded agreements are read from)
    for sentence in ctx.sentences:
        words = ctx.tokens_lower(sentence)
        found = [] if _planned(words) else _recounted_in(ctx, sentence, last_head, listed_before, covered)
        for head, partners, owner in found:
            owner = owner or _network_owner(ctx, recorded, head)
            if owner is None:
                continue
            owner = ctx.organization_of(owner)  # (the Union's, not the EEAS's, though the EEAS signed the first)
            model = _network_model(ctx, recorded, head, owner, sentence)
            name = _singular(model.name.split(" between ")[0]) if model else head
            kind = model.kind if model else next(v[1] for v in _RECOUNTED_NOUNS.values() if v[0] == head)
            cluster = _Cluster(kind, head, (), (), [_AgreementMention(
                sentence=sentence, start=sentence.start, end=sentence.start + 1, name_start=sentence.start,
                name_end=sentence.start + 1, kind=kind, head=head, name=name, qualifiers=(), topic=(),
                capitalised=False, concluded=True, not_yet=False, accession=False, actors_in_name=[])])
            for partner in partners:
                pair = frozenset((ID + owner, ID + partner))
                if partner == owner or pair in done:
                    continue
                done.add(pair)
                out.append(_record(ctx, cluster, [], name, [owner, partner], {owner: [sentence], partner: [sentence]},
                                   "agreement-party-recounted", (None, None, None), positions))
        plurals = [_RECOUNTED_NOUNS[w][0] for w in words if w in _RECOUNTED_NOUNS]
        heads = plurals + [h for (_, idx), h in recorded if h and sentence.index in idx]
        last_head = heads[-1] if heads else last_head
        listed_before = bool(plurals)
    return out


def _recounted_in(ctx: DocContext, sentence: Sentence, last_head: str, listed_before: bool = False,
                  covered=frozenset()) -> list[tuple[str, list[str], str | None]]:
    """The agreements a sentence recounts, as (genre head, states, the side that concluded them or ``None``):

    - "In February, agreements were concluded with Denmark, Canada and Italy, and in April with Finland", "our state
      signed agreements with the United States and with Japan", "…, as well as agreements with Lithuania and Estonia",
      "The EU signed its first partnerships earlier this year: with Moldova and with Norway in May, …" (the side: the
      subject before the verb);
    - "I signed the partnership with Japan in Tokyo, and the one with Korea in Seoul", "The partnership with Moldova,
      which we signed in Brussels, …": the genre's singular, when no agreement recorded from the sentence has it
      (``covered``: sentence index and genre head of the recorded agreements);
    - "The first was signed with Great Britain" (of the genre named last, ``last_head``), and "Moldova and Norway were
      the first" when the sentence before named the genre in the plural (``listed_before``);
    - "Japan and the Republic of Korea concluded theirs with the Union" (the side: the Union), "after Moldova signed
      its own on 21 May";
    - "… join New Zealand, the Republic of Korea and Viet Nam, whose agreements were signed in 2012, 2014 and 2019
      respectively"."""
    lowers = ctx.lowers
    states = ctx.actors_in(sentence, {"state"}, coref=False)
    found: list[tuple[str, list[str], str | None]] = []
    for k in range(sentence.start, sentence.end - 1):
        word = lowers[k]
        if word in _RECOUNTED_NOUNS:
            j = k + 1
            while j < sentence.end and lowers[j] in {"were", "have", "has", "been", "had", "also", "then"}:
                j += 1
            verb_after = j < sentence.end and lowers[j] in _RECOUNTED_VERBS
            at = j + 1 if verb_after else k + 1
            verb = next((i for i in range(k - 1, sentence.start - 1, -1) if lowers[i] in _RECOUNTED_VERBS), None)
            verb_before = verb is not None and not set(lowers[verb:k]) & _CLAUSE_BREAKS
            # (not "Korea concluded its own programme later that year, while the programmes with A and B are …")
            if verb_before and not verb_after and lowers[at:at + 1] != ["with"]:
                at = _with_after_colon(lowers, at, sentence.end)
            if at < sentence.end and lowers[at] == "with" and (verb_after or verb_before) \
                    and lowers[k - 1] not in _SIMILAR:  # ("such agreements with": see _similar_agreements)
                found.append((_RECOUNTED_NOUNS[word][0], _with_lists(ctx, sentence, at), _concluder(ctx, sentence, k)))
        elif word in _RECOUNTED_HEADS and lowers[k - 1:k] == ["the"] and lowers[k + 1] == "with" \
                and (sentence.index, word) not in covered and _concluded_around(ctx, sentence, k):
            found.append((word, _with_lists(ctx, sentence, k + 1), _concluder(ctx, sentence, k)))
        elif word == "first" and last_head and k > sentence.start and lowers[k - 1] == "the" \
                and lowers[k + 1:k + 2] in (["was"], ["were"]) and lowers[k + 2:k + 3] \
                and lowers[k + 2] in _RECOUNTED_VERBS and lowers[k + 3:k + 4] == ["with"]:
            found.append((last_head, _with_lists(ctx, sentence, k + 3), None))
        elif word == "first" and listed_before and last_head and lowers[k - 2:k] in (["were", "the"], ["was", "the"]) \
                and lowers[k + 1] in {",", ".", "in", "on", "last", "this"}:
            subjects = [m for m in states if m.end <= k - 2]
            if subjects and subjects[-1].end == k - 2:
                found.append((last_head, [m.key for m in coordinated_before(subjects, lowers)], None))
        elif word in {"theirs", "own", "one"} and k > sentence.start + 1 \
                and lowers[k - (2 if word == "own" else 1)] in _RECOUNTED_VERBS \
                and (word != "own" or lowers[k - 1] in {"its", "their"}) and lowers[k + 1] not in _GENRE_WORDS:
            verb = k - (2 if word == "own" else 1)
            owner = next((m.key for m in ctx.actors_in(sentence, POLITICAL) if m.start in (k + 2, k + 3)), None) \
                if lowers[k + 1] == "with" else None
            subjects = [m for m in states if m.end <= verb]
            # (of the genre named last: "Norway is the second to sign such a partnership, after Moldova signed its
            # own", "… to open negotiations on a Security and Defence Partnership. Norway concluded one with the Union")
            head = _genre_before(ctx, sentence, k) or (last_head if word != "one" else "")
            if head and subjects and subjects[-1].end == verb and (owner or word == "own"):
                found.append((head, [m.key for m in coordinated_before(subjects, lowers)]
                              + _elliptical(ctx, sentence, k, states), owner))
        elif word == "whose" and lowers[k + 1] in _RECOUNTED_NOUNS and k > sentence.start and lowers[k - 1] == "," \
                and set(lowers[k + 2:k + 5]) & _RECOUNTED_VERBS:
            before = [m for m in states if m.end <= k - 1]
            if before and before[-1].end == k - 1:
                found.append((_RECOUNTED_NOUNS[lowers[k + 1]][0],
                              [m.key for m in coordinated_before(before, lowers)], None))
    return found


def _elliptical(ctx: DocContext, sentence: Sentence, at: int, states) -> list[str]:
    """The states of a verbless clause closing the sentence after token ``at``, that repeats what the clause
    before said of others: "Japan and Korea concluded theirs with the Union in November, and North Macedonia and
    Albania later that month"."""
    lowers = ctx.lowers
    start = next((i for i in range(at, sentence.end - 1) if lowers[i:i + 2] == [",", "and"]), None)
    if start is None:
        return []
    group = coordinated_from(ctx.doc, start + 2, [m for m in states if m.start >= start + 2])
    if not group or set(lowers[group[-1].end:sentence.end]) & (_FINITE | _CLAUSE_BREAKS) - {"that"}:
        # ("that" of "later that month" opens no clause)
        return []
    return [m.key for m in group]


def _genre_before(ctx: DocContext, sentence: Sentence, at: int) -> str:
    """The genre noun named last before token ``at``, in its sentence or the one before ("" if none)."""
    start = ctx.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
    named = [_RECOUNTED_NOUNS.get(w, (w,))[0] for w in ctx.lowers[start:at]]
    return next((w for w in reversed(named) if w in _RECOUNTED_HEADS), "")


def _with_after_colon(lowers: list[str], at: int, end: int) -> int:
    """The "with" opening a list after a colon close by ("partnerships earlier this year: with Moldova …"), else
    ``at``."""
    colon = next((i for i in range(at, min(end, at + 7)) if lowers[i] == ":"), None)
    return colon + 1 if colon is not None and lowers[colon + 1:colon + 2] == ["with"] else at


def _concluded_around(ctx: DocContext, sentence: Sentence, k: int) -> bool:
    """Whether "the <genre> with …" at token ``k`` is the object of a concluding verb close before it ("I signed the
    partnership with Japan") or is concluded in a relative clause after its list ("the partnership with Moldova,
    which we signed in Brussels")."""
    lowers = ctx.lowers
    if any(lowers[i] in _RECOUNTED_VERBS for i in range(max(sentence.start, k - 4), k - 1)) \
            and not set(lowers[max(sentence.start, k - 4):k]) & _CLAUSE_BREAKS:
        return True
    stop = next((i for i in range(k + 2, sentence.end) if lowers[i] in {",", ";", "("}), None)
    return stop is not None and lowers[stop + 1:stop + 2] in (["which"], ["that"]) \
        and bool(set(lowers[stop + 2:stop + 5]) & _RECOUNTED_VERBS)


def _concluder(ctx: DocContext, sentence: Sentence, at: int) -> str | None:
    """The actor heading the clause that concluded the agreements at token ``at`` ("our state signed agreements with
    …": the text's own side; "President Zelenskyy signed …": his state), or ``None``."""
    lowers = ctx.lowers
    verb = next((j for j in range(at - 1, sentence.start - 1, -1) if lowers[j] in _RECOUNTED_VERBS), None)
    if verb is None:
        return None
    start = max([sentence.start] + [j + 1 for j in range(sentence.start, verb) if lowers[j] in {",", ";"}])
    actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=True)
              if start <= m.start and m.end <= verb and m.form != "adjective"]
    return ctx.organization_of(actors[-1].key) if actors else None


def _network_model(ctx: DocContext, recorded, head: str, owner: str, sentence: Sentence) -> Agreement | None:
    """The agreement a recounted one is of the kind of: one of the genre between the owner and a state named in
    this sentence or the one before ("Japan and the Philippines join New Zealand, …, whose agreements …"), else the
    last one of the genre between the owner and one other party."""
    near = {m.key for s in ctx.sentences[max(0, sentence.index - 1):sentence.index + 1]
            for m in ctx.actors_in(s, {"state"}, coref=False)}
    pairs = [a for (a, idx), h in recorded if h == head and len(a.parties) == 2 and ID + owner in a.parties
             and min(idx) <= sentence.index]
    return next((a for a in reversed(pairs) if {p.removeprefix(ID) for p in a.parties} & near), None) \
        or (pairs[-1] if pairs else None)


def _network_owner(ctx: DocContext, recorded, head: str) -> str | None:
    """The side a recounted network belongs to: the party every agreement of the genre recorded so far shares, else
    the text's own side (the organization a body speaks for)."""
    shared = None
    for (agreement, _), h in recorded:
        if h == head:
            parties = {p.removeprefix(ID) for p in agreement.parties}
            shared = parties if shared is None else shared & parties
    if shared and len(shared) == 1:
        return next(iter(shared))
    own = [ctx.organization_of(k) for k in ctx.own_side]
    return own[0] if own else None


_SIMILAR = {"similar", "such", "comparable", "equivalent", "parallel"}
_SIMILAR_HEADS = {"partnership", "partnerships", "agreement", "agreements", "arrangement", "arrangements",
                  "treaty", "treaties", "programme", "programmes", "program", "programs"}


def _similar_agreements(ctx: DocContext, recorded, positions) -> list[tuple[Agreement, list[int]]]:
    """ "The EU has similar partnerships with Norway, Moldova and Japan", "such agreements with A and B": one more
    agreement of the kind named before for each partner listed, between it and the side that had the first one
    (the publisher's, or else the organization among its parties)."""
    out = []
    done = {frozenset(a.parties) for (a, _), _ in recorded}
    for sentence in ctx.sentences:
        lowers = ctx.tokens_lower(sentence)
        for i in range(len(lowers) - 2):
            if lowers[i] not in _SIMILAR:
                continue
            n = i + 2 if lowers[i + 1] in {"a", "an"} else i + 1  # ("such a partnership")
            if n + 1 >= len(lowers) or lowers[n] not in _SIMILAR_HEADS:
                continue
            # with whom: "with A and B", or those who had one first ("with which we have such a partnership, after
            # Moldova, Norway and Japan")
            after_list = lowers[n + 1] == "after" or lowers[n + 1:n + 3] == [",", "after"]
            if lowers[n + 1] != "with" and not after_list:
                continue
            at = n + 3 if lowers[n + 1] == "," else n + 2  # (the first actor listed)
            if _planned(lowers[max(0, i - 6):i + 12]):
                continue  # ("Talks on a comparable partnership with Australia are under way")
            head = _singular(lowers[n])
            earlier = [(a, idx) for (a, idx), h in recorded
                       if h == head and len(a.parties) == 2 and min(idx) < sentence.index]
            if not earlier:
                continue
            actors = ctx.actors_in(sentence, POLITICAL, coref=False)
            after = [m.key for m in coordinated_from(ctx.doc, sentence.start + at, actors)]
            # (the last one before, or the last one with the partner named: "comparable agreements with the US")
            agreement, _ = next(((a, idx) for a, idx in reversed(earlier)
                                 if after and {ID + k for k in after} <= set(a.parties)), earlier[-1])
            parties = [p.removeprefix(ID) for p in agreement.parties]
            listed = [k for k in after if k not in parties]
            owner = next((p for p in parties if p in ctx.own_side), None) or next(
                (p for p in parties if ctx.entity_kind(p) in {"organization", "grouping"}), None)
            if not listed and after and set(after) <= set(parties) and not after_list:
                # "Our Nordic Allies Denmark, Finland and Norway have comparable agreements with the United States":
                # the same partner, and one agreement for each state heading the sentence
                owner = after[0]
                listed = [m.key for m in subject_group(ctx, sentence, actors) if m.key not in parties
                          and m.end <= sentence.start + i and m.form != "adjective" and ctx.entity_kind(m.key) == "state"]
                # (not "Allies" in "Our Nordic Allies Denmark, …")
            if owner is None or not listed:
                continue
            # (named like the first, unless its name names its parties: "agreement", not "Agreement … between A and B")
            name = _singular(lowers[n]) if agreement.name != agreement.name.split(" between ")[0] \
                else agreement.name
            cluster = _Cluster(agreement.kind, head, (), (), [_AgreementMention(
                sentence=sentence, start=sentence.start + i, end=sentence.start + n + 1,
                name_start=sentence.start + i, name_end=sentence.start + n + 1, kind=agreement.kind, head=head,
                name=name, qualifiers=(), topic=(), capitalised=False, concluded=False, not_yet=False,
                accession=False, actors_in_name=[])])
            for partner in dict.fromkeys(listed):
                if frozenset((ID + owner, ID + partner)) in done:
                    continue
                done.add(frozenset((ID + owner, ID + partner)))
                out.append(_record(ctx, cluster, [], name, [owner, partner],
                                   {owner: [sentence], partner: [sentence]}, "agreement-party-similar",
                                   (None, None, None), positions))
    return out



@dataclass
class _Direct:
    key: str
    sent_of: Sentence


def _prepositional(ctx: DocContext, sentence: Sentence, mention) -> bool:
    """Whether a mention is the object of a preposition ("with the Alliance", "of Japan")."""
    k = mention.start - 1
    if k >= sentence.start and ctx.lowers[k] == "the":
        k -= 1
    return k >= sentence.start and ctx.lowers[k] in _NOT_PARTY_BEFORE | {"with", "of", "by", "for"}


_RELATIONS_NOUNS = {"relations", "relationship", "ties", "cooperation", "partnership"}


def _possessor(ctx: DocContext, mentions: list[_AgreementMention]) -> list[str]:
    """The actor "its" stands for before an agreement's name: the last one named before it in the sentence
    ("Burundi has troops in South Kivu under its own bilateral agreement with Kinshasa")."""
    lowers = ctx.lowers
    for mention in mentions:
        k = mention.name_start - 1
        while k > mention.sentence.start and lowers[k] in {"own", "new"}:
            k -= 1
        if k <= mention.sentence.start or lowers[k] != "its":
            continue
        before = [m for m in ctx.actors_in(mention.sentence, POLITICAL, coref=False)
                  if m.end <= k and m.form != "adjective"]
        if before:
            return [before[-1].key]
    return []


def _direct_with(ctx: DocContext, concluding) -> list[_Direct]:
    """The actor named right after an agreement's name with "with": "the Agreement with Papua New Guinea", "the
    Programme agreed with NATO"; or the one the sentence is about when it opens "With Australia, our relations rest
    on the Framework Agreement …" or reads "Its relations with the European Union are governed by the …
    Agreement"."""
    out = []
    lowers = ctx.lowers
    for mention in concluding:
        sentence, k = mention.sentence, mention.name_end
        actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form != "adjective"]
        at = None
        if k < sentence.end and lowers[k] == "with":
            at = k
        elif k + 1 < sentence.end and lowers[k] in _RELATIVE_VERBS and lowers[k + 1] == "with":
            at = k + 1  # "the Individually Tailored Partnership Programme agreed with NATO in July 2023"
        elif lowers[sentence.start] == "with":
            comma = next((i for i in range(sentence.start + 1, mention.name_start) if lowers[i] == ","), None)
            at = sentence.start if comma is not None else None
        else:
            at = next((i for i in range(max(sentence.start, mention.name_start - 12), mention.name_start - 1)
                       if lowers[i] == "with" and lowers[i - 1] in _RELATIONS_NOUNS), None)
        other = next((m for m in actors if at is not None and m.start in (at + 1, at + 2)), None)
        if other is not None:
            # ("signed a trilateral memorandum with Sweden and Türkiye": each of the list)
            listed = coordinated_from(ctx.doc, other.start, actors) if at >= mention.name_end else []
            if len(listed) > 1 and ("and" not in lowers[listed[-2].end:listed[-1].start] or (
                    len(listed) == 2 and "," in lowers[listed[0].end:listed[1].start])):
                listed = []  # (a list ends with "and": not "With Ukraine, Luxembourg concluded …", nor "… with
                # New Zealand, and Manila says …")
            for m in listed or [other]:
                if all(d.key != m.key for d in out):
                    out.append(_Direct(m.key, sentence))
    return out


def _record_known(ctx: DocContext, cluster: _Cluster, positions) -> tuple[Agreement, list[int]]:
    """Record a well-known agreement a text names: its parties and date are the reference's, each shown by the
    sentences that name the agreement (and the party, where one does)."""
    known = ctx.gazetteer.register.agreements[cluster.known]
    sentences = [ctx.sentences[i] for i in dict.fromkeys(m.sentence.index for m in cluster.mentions)]
    party_sentences = {p: [s for s in sentences if any(a.key == p for a in s.mentions)] or sentences[:1]
                       for p in known.parties}
    dated = (known.date, sentences[0], None) if known.date else (None, None, None)
    return _record(ctx, cluster, [m for m in cluster.mentions if m.concluded], known.name, list(known.parties),
                   party_sentences, "agreement-party-from-reference", dated, positions, iri=ID + known.key)


def _record(ctx: DocContext, cluster: _Cluster, concluding, name: str, parties: list[str], party_sentences: dict,
            rule: str | dict[str, str], dated, positions, iri: str | None = None) -> tuple[Agreement, list[int]]:
    """Record one agreement's statements: type, label, parties (``rule`` is the rule behind all of them, or a dict
    of the rules of some with the others' under ``"*"``), date, place and signatories."""
    date, date_sentence, date_span = dated
    parties, party_sentences, groupings = _as_members(ctx, parties, party_sentences)
    scores: dict[str, float] = {}
    if ctx.agreement_model is not None and not cluster.known:
        parties, party_sentences, rule, scores = _scored_parties(ctx, cluster, name, parties, party_sentences, rule)
    groupings += [k for m in cluster.mentions for k in m.founds if k not in groupings]  # (its founders are members)
    year = (date or "")[:4]
    party_slugs = "-".join(sorted(p.rsplit("/", 1)[-1] for p in parties))
    iri = iri or ID + "agreement/" + slugify(f"{name} {party_slugs} {year}")[:120]
    agreement = Agreement(iri=iri, name=name, kind=cluster.kind, parties=[ID + p for p in parties], date=date,
                          groupings=[ID + g for g in groupings])
    first = cluster.mentions[0]
    named = any(m.capitalised for m in cluster.mentions)
    if _concluded_by_model_alone(cluster, concluding):
        ev = ctx.evidence(concluding[0].sentence, "agreement-conclusion-model", max(m.scored for m in concluding))
    else:
        ev = ctx.evidence(first.sentence, "agreement-genre-pattern", 0.9 if named else 0.75)
    ctx.state(iri, RDF + "type", PACT + cluster.kind, ev)
    if cluster.kind != "Agreement":
        ctx.state(iri, RDF + "type", PACT + "Agreement", ev)
    ctx.state(iri, RDFS + "label", (name, XSD + "string"), ev)
    for party in parties:
        party_rule = rule.get(party, rule["*"]) if isinstance(rule, dict) else rule
        conf = scores.get(party) or {"agreement-party-in-signing-sentence": 0.9, "agreement-party-in-name": 0.9,
                                     "agreement-party-acceding": 0.9, "agreement-party-distributed": 0.8,
                                     "agreement-party-from-reference": 0.85}.get(party_rule, 0.7)
        # (every party gets a statement: one shown by no particular sentence is shown by the agreement's first one)
        for sentence in (party_sentences.get(party) or [first.sentence])[:3]:
            ctx.state(iri, PACT + "party", ID + party, ctx.evidence(sentence, party_rule, conf))
    if date:
        dev = ctx.evidence(date_sentence, "agreement-date", 0.85, *date_span) if date_span else \
            ctx.evidence(date_sentence, "agreement-date-from-reference", 0.9) if cluster.known else \
            ctx.evidence(date_sentence, "agreement-date-from-metadata", 0.7)
        ctx.state(iri, PACT + "signingDate", (date, XSD + "date"), dev)
        ctx.state(iri, DCTERMS + "date", (date, XSD + "date"), dev)
        place = _place(ctx, concluding, date_span is None)
        if place:
            key, psent, rule_id = place
            agreement.place = ID + key
            ctx.state(iri, PACT + "signingPlace", ID + key, ctx.evidence(psent, rule_id, 0.7))
    _signatories(ctx, agreement, positions, bool(concluding) or cluster.document)
    return agreement, [m.sentence.index for m in cluster.mentions]


_DISTRIBUTING_VERBS = {"agreed", "signed", "concluded", "adopted", "endorsed", "launched", "approved"}
_RECOUNTED_VERBS = _DISTRIBUTING_VERBS | {"inked"}  # (see _recounted)
_FINITE = _RECOUNTED_VERBS | {"is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "do", "does"}


def _each_with_one(ctx: DocContext, mention):
    """ "Both countries already take part … under framework participation agreements with the Union": each state of
    the subject has its own agreement with the one partner after "with". Returns (partner, sentence, states)."""
    sentence, lowers = mention.sentence, ctx.lowers
    if lowers[mention.name_end:mention.name_end + 1] != ["with"]:
        return None
    actors = ctx.actors_in(sentence, POLITICAL)
    partner = next((m for m in actors if m.start in (mention.name_end + 1, mention.name_end + 2)
                    and m.form != "adjective"), None)
    if partner is None:
        return None
    subject = [m for m in subject_group(ctx, sentence, actors) if m.end <= mention.name_start]
    keys = list(dict.fromkeys(m.key for m in subject if m.key != partner.key and ctx.entity_kind(m.key) == "state"))
    if len(keys) < 2:
        return None
    return partner.key, sentence, keys


_LIST_LEADS = {",", "starting", "beginning", "notably", "first"}


def _with_lists(ctx: DocContext, sentence: Sentence, at: int) -> list[str]:
    """The states listed after the "with" at token ``at``, and after each later "and with", ", with" or "followed by
    … with" close by: "with Japan and Korea in 2023, and with Australia in 2024", "with the United Kingdom in London on
    19 May and with Canada in Brussels on 23 June", "with Australia in 2022, with the United Kingdom in 2023 and with
    the Philippines in 2024"."""
    lowers = ctx.lowers
    states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.start > at]
    partners, k, last = [], at, at
    while k < sentence.end and k - last <= 12 and lowers[k] not in {";", ":"}:
        if (lowers[k] == "with" and (k == at or "and" in lowers[k - 4:k] or lowers[k - 1] in _LIST_LEADS
                                     or lowers[k - 3:k - 1] == ["followed", "by"])) \
                or (lowers[k] == "then" and partners and lowers[k - 1] == "and") \
                or (lowers[k] == "including" and not partners and k > at):
            # (also "…, and in April with Finland and Latvia")
            # (also "…, followed by partnerships with Japan and the Republic of Korea")
            # (also "with more than twenty partners, starting with the United Kingdom in January, and then Germany and
            # France in February", "with twelve partners, including Japan and Korea")
            group = coordinated_from(ctx.doc, k + 1, [m for m in states if m.start > k], years=True)
            if not group:
                noun = _counted_partners(ctx, k + 1) if k == at else None
                if noun is None:
                    break
                # "with a number of partners – the United States, France, …", "with several states, including …"
                opener = _list_opener(lowers, noun + 1, sentence.end)
                group = coordinated_from(ctx.doc, opener, [m for m in states if m.start >= opener], years=True) \
                    if opener is not None else []
                if not group:
                    k += 1
                    continue
            partners += [m.key for m in group]
            k = last = group[-1].end
            continue
        k += 1
    return list(dict.fromkeys(partners))


def _counted_partners(ctx: DocContext, i: int) -> int | None:
    """The partners' noun of a count of partners opening at token ``i`` ("more than twenty-five partners", "12
    countries", "several states", "a number of partners"), or ``None``."""
    lowers = ctx.lowers
    if lowers[i:i + 3] in (["a", "number", "of"], ["a", "range", "of"], ["a", "host", "of"]):
        j = i + 2  # (the noun follows "of", as it follows a count word)
    else:
        j = i + 2 if lowers[i:i + 2] in (["more", "than"], ["over", "a"]) \
            else i + 1 if lowers[i:i + 1] in (["over"], ["some"]) else i
        if not lowers[j:j + 1] or not (lowers[j] in _COUNT_WORDS or ctx.doc[j].like_num):
            return None
    return next((n for n in range(j + 1, min(j + 4, len(lowers)))
                 if lowers[n] in {"partners", "countries", "states", "nations", "governments"}), None)


_LIST_OPENERS = {"–", "—", "-", ":", "including", "namely"}


def _list_opener(lowers: list[str], k: int, end: int) -> int | None:
    """Where a list after a count of partners begins: after a dash, a colon, "including", "namely" or "such as",
    each possibly after a comma ("a number of partners – the United States, France …")."""
    if k < end and lowers[k] == ",":
        k += 1
    if k < end and lowers[k] in _LIST_OPENERS:
        return k + 2 if lowers[k] in {"–", "—", ":"} and lowers[k + 1:k + 2] == ["including"] else k + 1
    if lowers[k:k + 2] == ["such", "as"]:
        return k + 2
    return None


def _first_with(lowers: list[str], start: int, stop: int) -> int | None:
    """The first "with" from ``start`` within six tokens that a state list can follow (not "with those")."""
    return next((j for j in range(start, min(stop, start + 7)) if lowers[j] == "with"
                 and lowers[j + 1:j + 2] not in (["those"], ["these"], ["them"])), None)


def _each_subject(ctx: DocContext, cluster: _Cluster):
    """ "Germany and France each concluded a bilateral agreement … with Ukraine": a singular agreement concluded by
    each of two or more states with one partner is one agreement per state. Returns (the partner, the sentence, the
    states) or ``None``."""
    lowers = ctx.lowers
    for mention in cluster.mentions:
        if mention.concluded and not mention.not_yet and not mention.partner and _plural_mention(ctx, mention):
            relative = _relative_each(ctx, mention)
            if relative:
                return relative
        if not mention.concluded or mention.not_yet or not mention.partner:
            continue
        sentence = mention.sentence
        each = next((i for i in range(max(sentence.start, mention.name_start - 5), mention.name_start)
                     if lowers[i] == "each"), None)
        if each is None and _plural_mention(ctx, mention):
            # "Chile and Colombia, which signed framework participation agreements with the Union", "Both countries
            # take part under framework participation agreements with the Union": one each too
            group = _group_before(ctx, sentence, mention)
            if len(group) >= 2:
                return mention.partner, sentence, group
            continue
        if each is None or not set(lowers[each + 1:mention.name_start]) & _CONCLUDE:
            continue
        subjects = list(dict.fromkeys(a.key for a in ctx.actors_in(sentence, POLITICAL, coref=False)
                                      if a.end <= each and a.form != "adjective" and a.key != mention.partner))
        if len(subjects) >= 2:
            return mention.partner, sentence, subjects
    return None


def _relative_each(ctx: DocContext, mention):
    """ "Such agreements, which Canada and the United States concluded with the Union in 2005 and 2011
    respectively": a plural whose relative clause has two or more states conclude with one partner is one agreement
    per state. Returns (the partner, the sentence, the states) or ``None``."""
    lowers, sentence = ctx.lowers, mention.sentence
    k = _relative_start(ctx, sentence, mention.name_end)
    if k is None:
        return None
    k += 1 if lowers[k] == "," else 0
    if lowers[k] not in {"which", "that"}:
        return None
    states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.form != "adjective"]
    group = coordinated_from(ctx.doc, k + 1, [m for m in states if m.start > k])
    if len(group) < 2:
        return None
    j = group[-1].end
    while j < sentence.end and lowers[j] in {"have", "has", "had", "also", "each", "both", "all"}:
        j += 1
    if j + 2 >= sentence.end or lowers[j] not in _RELATIVE_VERBS or lowers[j + 1] != "with":
        return None
    partner = next((m for m in ctx.actors_in(sentence, POLITICAL, coref=False)
                    if m.start in (j + 2, j + 3) and m.form != "adjective"), None)
    if partner is None:
        return None
    return partner.key, sentence, list(dict.fromkeys(m.key for m in group if m.key != partner.key))


def _group_before(ctx: DocContext, sentence: Sentence, mention) -> list[str]:
    """The states listed (or "both countries") shortly before a plural agreement in its clause, other than its
    partner: those who concluded one each."""
    actors = [a for a in ctx.actors_in(sentence, POLITICAL) if a.end <= mention.name_start and a.form != "adjective"
              and a.key != mention.partner]
    if not actors or mention.name_start - actors[-1].end > 10 or any(
            w in {";", ".", "but"} for w in ctx.lowers[actors[-1].end:mention.name_start]):
        return []
    if actors[-1].form == "coref":
        group = [a for a in actors if a.start == actors[-1].start]
    else:
        group = coordinated_before([a for a in actors if a.form != "coref"], ctx.lowers)
    return list(dict.fromkeys(a.key for a in group if ctx.entity_kind(a.key) == "state"))


_ELLIPTICAL_VERBS = {"concluded", "signed", "agreed", "followed"}  # ("the United Kingdom and Canada followed")
_NO_OBJECT = {"theirs", "its", "one", "in", "on", "together", ",", ".", ";", "at", "during"}


def _elliptical_signings(ctx: DocContext, clusters: list[_Cluster]) -> None:
    """ "Framework participation agreements … Montenegro, Serbia and the United States concluded theirs in 2011, and
    Albania, North Macedonia and New Zealand in 2012. The Republic of Korea, Chile and Colombia signed in 2014": states
    heading a sentence whose concluding verb has no object of its own concluded one each of the plural genre named
    last before them (in that sentence or the ten before), recorded on its cluster (``_Cluster.later``)."""
    plurals = sorted(((m.sentence.index, m.start), cluster) for cluster in clusters for m in cluster.mentions
                     if _plural_mention(ctx, m) and not m.not_yet)
    if not plurals:
        return
    named = {m.sentence.index for cluster in clusters for m in cluster.mentions if not _plural_mention(ctx, m)}
    for sentence in ctx.sentences:
        if sentence.index in named:
            continue  # (a sentence that names an agreement of its own speaks of that one)
        keys = _elliptical_signers(ctx, sentence)
        if not keys:
            continue
        before = [(at, cluster) for at, cluster in plurals if at[0] <= sentence.index]
        if before and sentence.index - before[-1][0][0] <= 10:
            before[-1][1].later.append((sentence, keys))


def _elliptical_signers(ctx: DocContext, sentence: Sentence) -> list[str]:
    """The states heading a sentence that "concluded theirs", "signed in 2014" (no object), with those of a gapped
    clause after it (", and Albania and North Macedonia in 2012")."""
    lowers = ctx.lowers
    states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.form not in ("adjective", "member")]
    group = subject_group(ctx, sentence, states, lead=2)
    if not group:
        return []
    k = group[-1].end
    while k < sentence.end and lowers[k] in {"also", "have", "has", "then", "both", "all"}:
        k += 1
    if lowers[k:k + 4] in (["was", "the", "first", "to"], ["were", "the", "first", "to"]) \
            and lowers[k + 4:k + 5] and lowers[k + 4] in {"sign", "conclude", "agree"}:
        k += 4  # "The Republic of Moldova was the first to sign, on 21 May 2024, followed a week later by Norway"
    elif k + 1 >= sentence.end or lowers[k] not in _ELLIPTICAL_VERBS or lowers[k + 1] not in _NO_OBJECT:
        return []
    keys = [m.key for m in group]
    by = next((j for j in range(k + 1, sentence.end - 1) if lowers[j] == "followed"), None)
    by = next((j for j in range(by + 1, min(sentence.end - 1, by + 6)) if lowers[j] == "by"), None) if by else None
    if by is not None:  # ("…, followed a week later by Norway")
        keys += [m.key for m in coordinated_from(ctx.doc, by + 1, [m for m in states if m.start > by])]
    for j in range(k + 1, sentence.end - 1):
        if lowers[j] == "and" and lowers[j - 1] == ",":
            gapped = coordinated_from(ctx.doc, j + 1, [m for m in states if m.start > j])
            end = gapped[-1].end if gapped else j
            if gapped and end < sentence.end and lowers[end] in {"in", "on"}:
                keys += [m.key for m in gapped]
    return list(dict.fromkeys(keys))


def _plural_mention(ctx: DocContext, mention: _AgreementMention) -> bool:
    """Whether a mention names its genre in the plural ("Partnerships", "Memoranda of Understanding"; not "Exchange
    of Notes")."""
    last = ctx.lowers[mention.end - 1]
    return (last.endswith("s") and last not in {"notes", "letters"}) \
        or "memoranda" in ctx.lowers[mention.start:mention.end]


def _distributed(ctx: DocContext, cluster: _Cluster):
    """A plural genre concluded with several partners one by one: "ITPPs agreed with Japan and Korea in 2023,
    and with Australia in 2024", "the Security and Defence Partnerships signed by the Union with the United Kingdom
    in London … and with Canada in Brussels …", and in the next sentence "Those agreed with …", "Together with
    those we already had with Japan, …". Returns (the organization that concluded them, the sentence, the
    partners) or ``None``."""
    lowers = ctx.lowers
    for mention in cluster.mentions:
        if not _plural_mention(ctx, mention) or mention.not_yet:
            continue
        single = _each_with_one(ctx, mention)
        if single:
            return single
        sentence = mention.sentence
        # the side that concluded them: the publisher or speaker named as the subject of the concluding verb ("The
        # African Union Commission today signed Memoranda of Understanding with …"), or else the organization the
        # publisher belongs to (the EEAS speaks for the EU)
        concluders = [a.key for a in sentence.mentions if a.kind == "actor" and a.form != "coref"
                      and a.end <= mention.name_start
                      and a.key in ctx.publisher + ctx.own_side
                      and set(lowers[a.end:mention.name_start]) & _DISTRIBUTING_VERBS]
        sides = concluders[-1:] + [ctx.organization_of(k) for k in ctx.publisher + ctx.own_side + ctx.main_actors]
        # (a state's ministry recounts the state's own: "Japan's efforts …, including the Reciprocal Access
        # Agreements signed with Australia …, with the United Kingdom …")
        owners = [key for key in sides if ctx.entity_kind(key) in {"organization", "grouping"} or key in concluders
                  or key in ctx.own_side]
        if mention.partner and ctx.entity_kind(mention.partner) in {"organization", "body", "grouping"}:
            owners.insert(0, mention.partner)  # "Five countries … have concluded administrative arrangements with the
            # Agency": the Agency's, whoever publishes the text
        if not owners:
            continue
        found: list[tuple[Sentence, list[str]]] = []
        # in its own sentence: right after the name, or after a verb that concludes them ("signed by the Union with")
        at = mention.name_end if lowers[mention.name_end:mention.name_end + 1] == ["with"] else None
        verb = mention.name_end
        while verb < min(sentence.end, mention.name_end + 3) and lowers[verb] in {
                "have", "has", "had", "been", "were", "was", "are", "is"}:
            verb += 1  # ("Agreements concerning … have been concluded with the United Kingdom (2013), …")
        if at is None and verb < sentence.end and lowers[verb] in _DISTRIBUTING_VERBS:
            at = _first_with(lowers, verb + 1, sentence.end)
        before = lowers[max(sentence.start, mention.name_start - 3):mention.name_start]
        if at is None and set(before) & _DISTRIBUTING_VERBS:
            # "signed its first partnerships with …", "… partnerships earlier this year: with Moldova …"
            at = _first_with(lowers, mention.name_end, min(sentence.end, mention.name_end + 6))
        if at is not None:
            found.append((sentence, _with_lists(ctx, sentence, at)))
        # in the next sentence, when it refers back to them ("Those agreed with …", "the partnerships concluded in
        # 2024 with …")
        following = ctx.sentences[sentence.index + 1] if sentence.index + 1 < len(ctx.sentences) else None
        if following is not None and not set(lowers[following.start:following.end]) & _NOT_CONCLUDED_YET:
            # (not "Further partnerships of this type, with Norway and Japan, are under discussion")
            plural = lowers[mention.end - 1]
            ref = next((j for j in range(following.start, min(following.end, following.start + 6))
                        if lowers[j] in {"those", "these", "they", "first", plural}), None)  # ("The first were …")
            at = _first_with(lowers, ref + 1, following.end) if ref is not None else None
            if at is not None:
                found.append((following, _with_lists(ctx, following, at)))
        found += cluster.later  # "Montenegro, Serbia and the United States concluded theirs in 2011, …"
        partners = list(dict.fromkeys(k for _, keys in found for k in keys))
        if len(partners) >= 2:
            return owners[0], next(sent for sent, keys in found if keys), partners
    return None


def _parties(ctx: DocContext, cluster: _Cluster, concluding) -> tuple[list[str], dict, str | dict[str, str]]:
    """Parties of an agreement, the sentences that show each, and the rule used (each party's, when a second side
    the sentences do not name is taken from the publisher or the main actors)."""
    accession = [m for m in concluding if m.accession]
    if accession and cluster.kind == "Treaty":
        parties, where = [], {}
        for m in accession:
            for key in _accession_parties(ctx, m.sentence):
                parties.append(key)
                where.setdefault(key, []).append(m.sentence)
        if parties:
            return list(dict.fromkeys(parties)), where, "agreement-party-acceding"
    in_name = list(dict.fromkeys(k for m in cluster.mentions for k in m.actors_in_name))
    for m in cluster.mentions:  # "Our Security and Defence Partnership, signed in Brussels …": the speaker's side
        if m.name_start > m.sentence.start and ctx.lowers[m.name_start - 1] in {"our", "their"}:
            for c in ctx.actors_in(m.sentence, POLITICAL):
                if c.form == "coref" and c.start == m.name_start - 1 and c.key not in in_name:
                    in_name.append(c.key)
    direct = _direct_with(ctx, concluding)
    if direct and len(in_name) < 2:
        # "the Bilateral Security Agreement with Papua New Guinea, signed in Canberra": that partner and the
        # text's own side, not the other actors of the sentence
        # (or the subject of its sentence: "Mauritania … in March agreed an ITPP with …")
        sentence = direct[0].sent_of
        subject = [m for m in subject_group(ctx, sentence, ctx.actors_in(sentence, POLITICAL))
                   if m.form not in ("adjective", "member")]
        if subject and _prepositional(ctx, sentence, subject[0]):
            subject = []  # ("The … Agreement with Papua New Guinea, signed …, and our treaty with …": no subject)
        entities = ctx.gazetteer.register.entities
        own = [m.key for m in subject] + ctx.own_side + [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
        own = [entities[k].parent or k if ctx.entity_kind(k) == "body" else k
               for k in own]  # (the North Atlantic Council, or an EEAS text's "we", stands for its organization)
        listed = [d.key for d in direct if d.sent_of is sentence]
        side = next((k for k in in_name + _possessor(ctx, concluding) + own if k not in listed), None)
        together = list(dict.fromkeys(m.key for m in subject if m.key not in listed))
        parties = listed + (together if len(together) >= 2 else [side] if side else [])
        # ("Kenya and Somalia signed the Framework Agreement agreed with Türkiye": all three)
        rule = "agreement-party-in-signing-sentence"
        if side and len(together) < 2 and side not in in_name + _possessor(ctx, concluding) + [m.key for m in subject]:
            rule = {"*": rule, side: "agreement-party-own-side"}  # (the text's own side, which the sentence leaves
            # unnamed)
        return parties, {k: [direct[0].sent_of] for k in parties}, rule
    if len(in_name) >= 2:
        where = {k: [m.sentence for m in cluster.mentions if k in m.actors_in_name] for k in in_name}
        return in_name, where, "agreement-party-in-name"
    if cluster.document:
        main = [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
        if main:
            return main, {k: [ctx.sentences[0]] for k in main}, "agreement-party-main-actor"
    parties: list[str] = list(dict.fromkeys(in_name))
    where = {k: [m.sentence for m in cluster.mentions if k in m.actors_in_name] for k in parties}
    rule = "agreement-party-in-name"
    sentences = list({(m.sentence.index, (m.clause or m.sentence).start): m.clause or m.sentence
                      for m in (concluding or cluster.mentions)}.values())
    for sentence in sentences:
        found = _parties_of_sentence(ctx, sentence)
        if not found and sentence is not ctx.sentences[sentence.index]:  # (a clause without its own parties)
            found = _parties_of_sentence(ctx, ctx.sentences[sentence.index])
        counted = _counted_group(ctx, sentence)
        if len(counted) > len(found):  # "the three governments adopted …" after "A, B and C met …"
            found = counted
        signers = _people_signing(ctx, sentence)
        if signers and set(signers) != set(found):
            found = counted = signers  # "… hosted Estonian Defence Minister X and Lithuanian Minister Y. … the
            # ministers signed an agreement …, which will reinforce the eastern border of NATO": their states
        if not found and sentence.index > 0 and set(ctx.tokens_lower(sentence)) & {"two", "both", "they"}:
            found = _parties_of_sentence(ctx, ctx.sentences[sentence.index - 1])
        for key in found:
            if key not in parties:
                parties.append(key)
                if rule == "agreement-party-in-name" and not in_name:
                    rule = "agreement-party-in-signing-sentence" if concluding else "agreement-party-in-sentence"
            where.setdefault(key, []).append(sentence)
        if (in_name and parties) or (len(found) >= 2 and not counted and sentence is sentences[0] and concluding):
            break  # (the sentence that concludes it names both sides; "both countries" in a later one adds nothing)
    section = ctx.section_state(cluster.mentions[0].sentence)  # ("10.9 Australia: …" in a report)
    if not parties and section:
        parties = ctx.section_pair(cluster.mentions[0].sentence) or [section]
        where = {k: [cluster.mentions[0].sentence] for k in parties}
        rule = "agreement-party-section"
    if not parties and ctx.main_actors:
        parties = [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
        where = {k: [cluster.mentions[0].sentence] for k in parties}
        rule = "agreement-party-main-actor"
    for mention in concluding:  # "the agreement it concluded with the EU", "the treaties we signed with France"
        related = list(mention.own) or _relative_parties(ctx, mention)  # (computed once for "that"/"which")
        if related:
            related = list(dict.fromkeys(related + _joined_later(ctx, mention)))
            return related, {k: [mention.sentence] for k in related}, "agreement-party-in-signing-sentence"
    for mention in concluding:  # "the Programme agreed with Japan", "the MoU signed with Ghana", "signed the Treaty
        # … together with Barbados, Jamaica and Trinidad and Tobago"
        for key in _concluded_with(ctx, mention) + _together_with(ctx, mention):
            if key not in parties:
                parties.append(key)
                where.setdefault(key, []).append(mention.sentence)
    for other in _direct_with(ctx, [m for m in cluster.mentions if not m.not_yet]):  # "the Agreement with PNG"
        if other.key not in parties:
            parties.append(other.key)
            where.setdefault(other.key, []).append(other.sent_of)
    for key in _possessor(ctx, [m for m in concluding if m.standing]):  # "the reforms Georgia has pursued through
        if key not in parties:  # its Annual National Programme": Georgia's
            parties.append(key)
            where.setdefault(key, []).append(next(m.sentence for m in concluding if m.standing))
    urged = any(_called_to_implement(ctx, sentence) for sentence in sentences)
    # an organization's own instrument ("the SADC Mutual Defence Pact, which the Member States signed"): no second side
    own_instrument = len(parties) == 1 and parties == in_name and cluster.kind not in {"JointDeclaration", "JointStatement"} \
        and ctx.entity_kind(parties[0]) in {"organization", "grouping"} and any(
            a.start == m.name_start and a.key == parties[0] for m in cluster.mentions for a in m.sentence.mentions)
    truce = cluster.head in _TRUCE_HEADS
    if truce:  # the warring states; armed groups and the mediators or monitors named beside them are not parties
        parties = [k for k in parties if ctx.entity_kind(k) == "state"]
        where = {k: where[k] for k in parties if k in where}
    ratified = any(set(ctx.tokens_lower(m.sentence)) & _RATIFYING for m in concluding) \
        and cluster.kind == "Treaty"  # ("Ghana deposited its instrument of ratification of the Treaty on …")
    if len(parties) == 1 and rule != "agreement-party-main-actor" and not urged and not own_instrument and not truce \
            and not ratified and not any(_unregistered_side(ctx, sentence, parties[0]) for sentence in sentences):
        own = [ctx.publisher_state()] if ctx.publisher_state() else []
        own += [section] if section and section not in own else []
        # (the organization that publishes a text on a peace agreement is its mediator or guarantor, not a side)
        words = set(re.findall(r"[a-z-]+", cluster.name.lower()))
        peace = bool(_PEACE_WORDS & words) and "cooperation" not in words and cluster.head != "memorandum"
        # (not "the Memorandum of Understanding on Cooperation in Peace, Security and Stabilisation")
        for key in own + [k for k in ctx.main_actors if k not in own]:
            if peace and (ctx.entity_kind(key) != "state" or parties == in_name):
                continue  # (nor a second state for "the … Agreement on the Resolution of the Conflict in the
                # Republic of South Sudan": the state its name gives, with movements the register lacks)
            if ctx.entity_kind(key) != "state" and ctx.entity_kind(parties[0]) != "state":
                continue  # (an organization's own instrument in a text that also names the UN often: not the
                # two organizations')
            if key not in parties and ctx.entity_kind(key) in POLITICAL and len(parties) < 2:
                parties.append(key)
                where[key] = [cluster.mentions[0].sentence]
                # (a side the sentence does not name: the evidence says so)
                return parties, where, {"*": rule, key: "agreement-party-own-side"}
    return parties, where, rule


_PEACE_WORDS = {"peace", "conflict", "hostilities", "ceasefire", "cease-fire", "reconciliation", "truce"}
_ARMED_GROUP_WORDS = {"movement", "movements", "group", "groups", "rebels", "rebel", "faction", "factions", "militia",
                      "militias", "front", "opposition", "insurgents", "guerrilla", "guerrillas"}


# Capitalised words of a group of registered actors, not another side: "the Commission and the Member States", "Viet
# Nam and the ASEAN Defence Ministers"
_COLLECTIVE_WORDS = {"Member", "Members", "States", "Allies", "Parties", "Contracting", "Signatory", "Signatories",
                     "Partners", "Heads", "Governments", "Government", "Leaders", "Ministers", "Presidents", "Other",
                     "All", "European", "United", "Defence", "Defense", "Foreign", "Ministries", "Ministry", "Chiefs",
                     "Council", "Representatives", "Delegations", "Countries", "Nations"}


def _unregistered_side(ctx: DocContext, sentence: Sentence, key: str) -> bool:
    """Whether the one party found is joined to another side the register does not hold: "the Government of Yemen
    and of Ansar Allah", "the Government of the Philippines and the National Democratic Front", "the Transitional
    Government of Chad and a large number of politico-military movements". No second party is then taken from the
    publisher or the main actors (often the mediator)."""
    lowers, texts = ctx.lowers, texts_of(ctx.doc)
    starts = {m.start for m in sentence.mentions if m.kind in ("actor", "place")}
    # a place that opens a longer capitalised name is part of it ("the Tigray People's Liberation Front")
    starts -= {m.start for m in sentence.mentions if m.kind in ("place", "region") and m.end < sentence.end
               and (texts[m.end][:1].isupper() or lowers[m.end] in {"'s", "’s"})}
    for m in sentence.mentions:
        if m.key != key or m.kind != "actor" or m.form == "coref":
            continue
        k = m.end
        if k >= sentence.end or lowers[k] != "and":
            continue
        k += 1
        while k < sentence.end and lowers[k] in {"of", "the", "with", "former"}:
            k += 1  # ("… and the former FARC-EP guerrilla")
        if k < sentence.end and k not in starts and texts[k][:1].isupper():
            end = k
            while end < sentence.end and (texts[end][:1].isupper() or lowers[end] in {"of", "the", "'s"}):
                end += 1
            inside = {a.key for a in sentence.mentions if a.kind == "actor" and k <= a.start < end}
            if not inside - {key} and not set(texts[k:end]) & _COLLECTIVE_WORDS:
                return True  # (not "… and the Government of South Sudan": another actor's organ; nor "… and the
                # ASEAN Defence Ministers", a group of registered actors)
        if any(lowers[i] in _ARMED_GROUP_WORDS and texts[i].islower() for i in range(k, min(sentence.end, k + 7))):
            return True  # ("… and a large number of politico-military movements"; a named "… Group" is read above)
    return False


# Capitalised words that take "of" inside a name written before its genre: "Status of Forces Agreement"
_OF_HEADS = {"Status", "Exchange", "Exchanges", "Transfer", "Protection", "Law", "Visiting"}
_SIGNING_POSTS = {"ministers", "leaders", "governments", "representatives", "presidents", "heads", "delegations",
                  "chiefs", "secretaries", "envoys", "ambassadors"}
_POST_WORDS = {"foreign", "defence", "defense", "prime", "interior", "state", "government", "and", "minister",
               "president"}
_COUNTS = {word: n for word, n in NUMBER_WORDS.items() if 3 <= n <= 10}  # ("the two countries": a pair, read elsewhere)
_GROUP_NOUNS = {"governments", "countries", "states", "nations", "partners", "sides", "parties", "ministers",
                "leaders", "signatories", "chiefs"}


_PEOPLE_GROUP = {"ministers", "leaders", "presidents", "heads", "secretaries", "chiefs"}


def _people_signing(ctx: DocContext, sentence: Sentence) -> list[str]:
    """ "the ministers signed", "The three ministers also signed" (a group of office holders as the subject of a
    concluding verb): the states of the office holders named together in the nearest sentence before that names two
    or more (exactly as many as counted) of different states, within the fifteen sentences before."""
    lowers = ctx.tokens_lower(sentence)
    for i in range(len(lowers) - 1):
        if lowers[i] != "the":
            continue
        k, n = i + 1, None
        if lowers[k] in _COUNTS or lowers[k] in {"two", "both"}:
            n, k = (2 if lowers[k] in {"two", "both"} else _COUNTS[lowers[k]]), k + 1
        while k < len(lowers) - 1 and k - i < 5 and lowers[k] in _POST_WORDS - {"and"}:
            k += 1
        if k >= len(lowers) - 1 or lowers[k] not in _PEOPLE_GROUP or (
                i > 0 and lowers[i - 1].isalpha() and lowers[i - 1] not in {"and", "meeting", "today"}):
            continue  # (the subject: not "… agreed with the ministers of …")
        verb = next((j for j in range(k + 1, min(len(lowers), k + 4)) if lowers[j] in _CONCLUDE), None)
        if verb is None or any(lowers[j] not in {"also", "today", "then", "have", "has", "jointly"}
                               for j in range(k + 1, verb)):
            continue
        for back in range(sentence.index - 1, max(-1, sentence.index - 16), -1):
            sent = ctx.sentences[back]
            held = [key for key in ctx.office_actors(sent.start, sent.end) if ctx.entity_kind(key) == "state"]
            if len(held) >= 2:
                return held if n is None or len(held) == n else []
        return []
    return []


def _counted_group(ctx: DocContext, sentence: Sentence) -> list[str]:
    """The actors "the three governments" or "the four partners" stands for: the one list of exactly that many
    coordinated actors ("A, B and C") before it in its sentence, else in the nearest of the two sentences before."""
    lowers = ctx.tokens_lower(sentence)
    for i in range(len(lowers) - 2):
        if lowers[i] not in {"the", "all", "our"} or lowers[i + 1] not in _COUNTS:
            continue
        k = i + 2
        while k < len(lowers) - 1 and k - i < 4 and lowers[k] in _POST_WORDS:
            k += 1  # ("the three defence ministers")
        if lowers[k] not in _GROUP_NOUNS:
            # ("each of the six troop- and police-contributing countries")
            j = k
            while j < len(lowers) - 1 and j - k < 7 and lowers[j] not in _GROUP_NOUNS and (
                    lowers[j] in {"-", "and"} or (lowers[j].replace("-", "").isalpha() and "-" in "".join(
                        lowers[j - 1:j + 2]))):
                j += 1
            if j == k and k + 1 < len(lowers) and lowers[k].isalpha() and lowers[k + 1] in _GROUP_NOUNS \
                    and lowers[k] not in _GROUP_NOUNS:
                j = k + 1  # ("the three littoral states", "the two neighbouring countries")
            if j == k or lowers[j] not in _GROUP_NOUNS:
                continue
            k = j
        n, at = _COUNTS[lowers[i + 1]], sentence.start + i
        for sent in [sentence] + [ctx.sentences[k] for k in (sentence.index - 1, sentence.index - 2) if k >= 0]:
            named = [m for m in ctx.actors_in(sent, POLITICAL, coref=False) if sent is not sentence or m.end <= at]
            groups, group = [], []
            for m in named:
                if group and all(t.lower_ in {",", "and", "the", "as", "well"} for t in ctx.doc[group[-1].end:m.start]):
                    group.append(m)
                    continue
                groups.append(group)
                group = [m]
            groups.append(group)
            fitting = [g for g in groups if len({m.key for m in g}) == n]
            if len(fitting) == 1:
                return list(dict.fromkeys(m.key for m in fitting[0]))
            if fitting:
                return []
            if lowers[k] in _PEOPLE_GROUP:
                # "… travelled to Kabul with Foreign Minister Wang Yi of China and Acting Foreign Minister Amir Khan
                # Muttaqi of Afghanistan. … the three Foreign Ministers adopted a joint statement": their states
                held = ctx.office_actors(sent.start, sent.end if sent is not sentence else at)
                if len(held) == n and all(ctx.entity_kind(key) == "state" for key in held):
                    return held
            # ("we are working with Japan and the United States … which the three defence ministers signed": the
            # speaker's side and the two it names)
            own = next((m.key for m in ctx.actors_in(sent) if m.form == "coref" and ctx.lowers[m.start] in {
                "we", "our", "us"}), None)
            with_us = [g for g in groups if own and own not in {m.key for m in g} and len({m.key for m in g}) == n - 1]
            if len(with_us) == 1 and len(groups) <= 2:
                return [own] + list(dict.fromkeys(m.key for m in with_us[0]))
        # "the three countries" of a text about three: its main actors
        main = [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
        if len(main) == n:
            return main
        if lowers[i] == "our" and lowers[k] in {"countries", "states", "nations"}:
            members = _members_then(ctx, ctx.own_side)
            if len(members) == n:
                return members  # "our five countries signed …" in a text of an organization of five
    return []


def _members_then(ctx: DocContext, keys: list[str]) -> list[str]:
    """The member states, at the text's date, of the one organization or grouping among ``keys``."""
    orgs = [k for k in keys if ctx.entity_kind(k) in {"organization", "grouping"}]
    if len(orgs) != 1:
        return []
    members = ctx.gazetteer.register.members_of(orgs[0], ctx.date.isoformat() if ctx.date else None)
    return sorted(k for k in members if ctx.entity_kind(k) == "state")


_CONCLUDED_WITH = {"agreed", "signed", "concluded", "adopted", "endorsed", "launched", "established", "reached",
                   "renewed", "finalised", "finalized"}


_RELATIVE_VERBS = {"signed", "concluded", "agreed", "inked", "reached", "adopted", "struck", "negotiated", "issued",
                   "accepted"}
# verbs of a relative clause that show a partnership or framework exists between its subjects
_STANDING_VERBS = {"maintained", "established", "built", "forged", "launched", "upgraded", "elevated", "developed"}
_RELATIVE_CONCLUDING = _RELATIVE_VERBS | _STANDING_VERBS | {
    "adopted", "endorsed", "approved", "ratified", "issued", "names", "signatures", "renewed", "entered"}


_REPLACING = {"replaces", "replaced", "replacing", "updates", "updated", "updating", "supersedes", "superseded",
              "succeeds", "succeeded", "revises", "revised"}


def _replaced_ones(ctx: DocContext, mentions: list[_AgreementMention]) -> list[_AgreementMention]:
    """Agreements of a genre named before them in the sentence that a pronoun stands for: "The memorandum replaces
    the one that the two ministries signed in Bogotá in 2017" (an earlier one, concluded or not by its own relative
    clause); "The Union concluded a Security and Defence Partnership with the United Kingdom …, and another with
    Canada …" (one more, with that partner, concluded like the first)."""
    lowers, out = ctx.lowers, []
    for sentence in {m.sentence.index: m.sentence for m in mentions}.values():
        for k in range(sentence.start, sentence.end - 2):
            replaced = lowers[k] in _REPLACING and lowers[k + 1:k + 3] == ["the", "one"]
            another = lowers[k] == "another" and lowers[k + 1] == "with" and k > sentence.start \
                and (lowers[k - 1] in {"and", ","} or lowers[k - 1] in _CONCLUDE)
            if lowers[k:k + 3] == ["the", "one", "with"] and k > sentence.start and lowers[k - 1] in {"and", ","}:
                k += 1  # "I signed the partnership with Japan in Tokyo, and the one with Korea in Seoul"
                another = True
            if not (replaced or another):
                continue
            mention = next((m for m in reversed(mentions) if m.sentence is sentence and m.end <= k), None)
            if mention is None:
                continue
            one = k + 2 if replaced else k
            # ("…, and in May we concluded another with the United Kingdom": concluded by its own verb)
            concluded = _relative_conclusion(ctx, sentence, one + 1) is True if replaced else \
                mention.concluded or lowers[k - 1] in _CONCLUDE
            plural = lowers[mention.end - 1].endswith("s") and lowers[mention.end - 1] not in {"notes", "letters"}
            name = (_singular(mention.name) if plural else mention.name) if another else mention.head
            out.append(replace(mention, start=one, end=one + 1, name_start=one, name_end=one + 1,
                               name=name, capitalised=another and
                               mention.capitalised, qualifiers=mention.qualifiers if another else (),
                               topic=mention.topic if another else (), concluded=concluded, not_yet=False,
                               actors_in_name=[], fresh=True, year=None, own=(), partner=None, named_year=None,
                               known=None, date=None))
    return out


def _reduced_relative(ctx: DocContext, mention: _AgreementMention) -> bool:
    """ "the memorandum Panama signed with the United States on 1 July 2024": an actor right after the name, then a
    concluding verb (a relative clause without "that")."""
    lowers, sentence, k = ctx.lowers, mention.sentence, mention.name_end
    actor = next((m for m in ctx.actors_in(sentence, POLITICAL, coref=False)
                  if m.start in (k, k + 1) and (m.start == k or lowers[k] == "the")), None)
    return actor is not None and any(w in _RELATIVE_VERBS for w in lowers[actor.end:min(sentence.end, actor.end + 2)])


def _signed_by(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """ "the declaration signed by the United States, Egypt, Qatar and Türkiye at …": the actors listed right after
    a concluding participle and "by" that follow the name."""
    lowers, sentence = ctx.lowers, mention.sentence
    k = mention.name_end + (lowers[mention.name_end:mention.name_end + 1] == [","])
    actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form not in ("adjective", "member")]
    if k + 2 < sentence.end and lowers[k] in _PARTICIPLES and lowers[k + 1] != "by":
        # "the Joint Declaration signed in Washington, D.C., on 8 August 2025 by the President of …": where and when
        # before "by"
        j = k + 1
        while j < min(sentence.end, k + 14) and lowers[j] != "by" and (
                lowers[j] in {"in", "on", "at", ",", ".", "the", "of"} or ctx.doc[j].is_title or ctx.doc[j].like_num
                or ctx.doc[j].is_upper):
            j += 1
        if j < sentence.end and lowers[j] == "by" and j > k + 2:
            listed = coordinated_from(ctx.doc, j + 1, actors, joins={",", "and", "the", "of"}, posts=True)
            if len({m.key for m in listed}) >= 2:
                return list(dict.fromkeys(m.key for m in listed))
    if k + 2 >= sentence.end or lowers[k] not in _PARTICIPLES or lowers[k + 1] != "by":
        return []
    own = []
    if lowers[k + 2:k + 4] == ["the", "ministry"] and ctx.own_side:
        # "signed by the Ministry and the United States Government": a ministry's release names itself
        j = k + 4
        while j < sentence.end and j - k < 10 and (lowers[j] in {"of", "for", "and"} and ctx.doc[j + 1].is_title
                                                   or ctx.doc[j].is_title) and lowers[j] != "and":
            j += 1
        if j + 1 < sentence.end and lowers[j] == "and":
            own, k = ctx.own_side[:1], j - 1
    after = _after_posts(lowers, k + 2, sentence.end)
    if after is not None:
        k = after - 2  # "signed by the Presidents of Kyrgyzstan, Tajikistan and Uzbekistan": the states of the posts
    group = coordinated_from(ctx.doc, k + 2, actors)
    found = [m.key for m in group]
    if len(group) == 1 and lowers[group[0].end:group[0].end + 1] in (["states"], ["countries"], ["member"]):
        found = _members_then(ctx, found) or found  # "signed by the leaders of the Council states": its members
    return list(dict.fromkeys(own + found)) if found or not own else []


def _after_posts(lowers: list[str], at: int, end: int) -> int | None:
    """The token after "of" when ``at`` opens "the", a post and "of" ("the Presidents of …", "the Foreign Ministers
    of …"), else ``None`` (also for "the State of Eritrea" and "the Government of …", which are names)."""
    if at >= end or lowers[at] != "the":
        return None
    j = at + 1
    while j < min(end, at + 5) and lowers[j] in _SIGNING_POSTS | _POST_WORDS:
        j += 1
    if not set(lowers[at + 1:j]) - {"state", "government", "and"} or lowers[j:j + 1] != ["of"]:
        return None
    return j + 1


def _relative_parties(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """ "the framework participation agreement it concluded with the EU", "the treaties we signed with France":
    the relative clause's subject and the actors after "with"."""
    lowers, sentence = ctx.lowers, mention.sentence
    k = _relative_start(ctx, sentence, mention.name_end)
    if k is None:
        k = mention.name_end
    elif lowers[k] == "," and k + 1 < sentence.end and lowers[k + 1] == "which":
        k += 2  # "the Memorandum of Understanding on …, which Bulgaria, Romania and Türkiye signed in Istanbul"
    else:
        k += 1
    if k + 2 >= sentence.end:
        return []
    actors = ctx.actors_in(sentence, POLITICAL)
    after = _after_posts(lowers, k, sentence.end)
    if after is not None:
        k = after  # "which the Presidents of Ghana, Togo and Burkina Faso signed": the states of the posts
    j = k
    while j < sentence.end and j - k < 4 and lowers[j] in {"the", "government", "governments", "of"}:
        j += 1  # ("that the Government of the DRC and the AFC/M23 signed")
    subject = [m for m in actors if m.start == k or (m.start == k + 1 and lowers[k] == "the")] or (
        [m for m in actors if m.start == j and m.form != "coref"] if "government" in lowers[k:j] else [])
    if subject:
        subject = coordinated_from(ctx.doc, subject[0].start, [m for m in actors if m.start >= subject[0].start
                                                              and m.form != "coref"]) or subject
        k = max(m.end for m in subject)
        # "which our four Governments and the Government of the Republic of Angola signed"
        more = next((m for m in actors if m.form != "coref" and k < m.start <= k + 6), None)
        if more is not None and lowers[k] == "and" and all(
                w in {"and", "the", "government", "governments", "of"} for w in lowers[k:more.start]):
            subject, k = subject + [more], more.end
    elif lowers[k] == "their" and k + 1 < sentence.end and set(lowers[k + 1:k + 3]) & {
            "ministers", "governments", "leaders", "presidents", "representatives", "heads"}:
        # "a memorandum of understanding that their defence ministers signed": the group named before
        k += 1
        while k < sentence.end and lowers[k] not in _RELATIVE_VERBS and lowers[k] in {
                "defence", "defense", "foreign", "ministers", "governments", "leaders", "presidents",
                "representatives", "heads", "of", "state", "government", "respective"}:
            k += 1
        subject = _last_group(ctx, sentence, mention.name_start)
    elif lowers[k] in {"he", "she"}:
        # "the agreement … that he signed with his Estonian and Lithuanian counterparts": the state of the person
        # named last before it, in this sentence or the one before
        # (in the sentence before, the first one named, its subject: "Minister X briefed her counterpart on the
        # Accords, which A and B signed in the presence of C. The Accords reaffirm the Agreement that she …")
        lo = ctx.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
        person = next((pid for pid, ps, _ in reversed(ctx.person_mentions)
                       if sentence.start <= ps < mention.name_start), None) \
            or next((pid for pid, ps, _ in ctx.person_mentions if lo <= ps < sentence.start), None)
        held = ctx.positions_by_person.get(person, []) if person else []
        subject = [_Direct(held[0], sentence)] if held else []  # (an actor shown by this sentence, as a mention is)
        k += 1
        if subject and lowers[k:k + 1] == ["and"] and k + 1 < sentence.end and lowers[k + 1] in {"his", "her"}:
            # "… that she and her Rwandan counterpart, Mr Olivier Nduhungirehe, signed in Washington"
            other = next((m for m in actors if k + 2 <= m.start <= k + 3 and m.form == "adjective"
                          and lowers[m.end:m.end + 1] in (["counterpart"], ["counterparts"])), None)
            if other is not None:
                subject, k = subject + [other], other.end + 1
                if lowers[k:k + 1] == [","]:
                    k = next((j + 1 for j in range(k + 1, min(sentence.end, k + 10)) if lowers[j] == ","), k)
    elif lowers[k] in {"it", "they"}:
        before = [m for m in actors if m.form != "coref" and m.end <= mention.name_start]
        heading = [m for m in subject_group(ctx, sentence, before, lead=8) if m.form != "coref"]
        subject = heading[:1] if lowers[k] == "it" and heading else before[-1:]  # "Korea … the ITPP that it agreed"
        if not subject and lowers[k] == "it" and sentence.index > 0:
            # "Moldova … . Under the framework participation agreement it concluded with the Union in 2012, …": the
            # state heading the sentence before
            previous = ctx.sentences[sentence.index - 1]
            heading = subject_group(ctx, previous, ctx.actors_in(previous, POLITICAL, coref=False), lead=8)
            subject = [m for m in heading if ctx.entity_kind(m.key) == "state"][:1]
        k += 1
    else:
        return []
    grouped = False  # ("that the G7 countries adopted": the grouping's own)
    while k < sentence.end and lowers[k] in _MEMBERS_NOUNS:
        k, grouped = k + 1, True
    while k < sentence.end and lowers[k] in {"has", "have", "had", "already", "also", "recently", "first"}:
        k += 1
    if k < sentence.end and lowers[k] in _STANDING_VERBS | _RELATIVE_VERBS and len({m.key for m in subject}) >= 2 \
            and (k + 1 >= sentence.end or lowers[k + 1] != "with"):
        return list(dict.fromkeys(m.key for m in subject))  # "the Strategic Partnership that the EU and ASEAN have maintained"
    if len(subject) == 1 and k < sentence.end and lowers[k] == "and" \
            and _unregistered_side(ctx, sentence, subject[0].key):
        # "the Doha Framework that the Government of the DRC and the AFC/M23 signed": one side in the register
        verb = next((i for i in range(k + 1, min(sentence.end, k + 8)) if lowers[i] in _RELATIVE_VERBS), None)
        if verb is not None and (verb + 1 >= sentence.end or lowers[verb + 1] != "with"):
            return [subject[0].key]
    if grouped and k < sentence.end and lowers[k] in _RELATIVE_VERBS and len(subject) == 1 \
            and ctx.entity_kind(subject[0].key) in {"organization", "grouping"} \
            and (k + 1 >= sentence.end or lowers[k + 1] != "with"):
        return [subject[0].key]  # "the Joint Declaration of Support for Ukraine that the G7 countries adopted"
    if k + 1 >= sentence.end or lowers[k] not in _RELATIVE_VERBS or lowers[k + 1] != "with":
        return []
    at = k + 3 if lowers[k + 2:k + 3] and lowers[k + 2] in {"his", "her", "their", "its"} else k + 2
    others = [m for m in coordinated_from(ctx.doc, at, [m for m in actors if m.form != "coref"])]
    if subject and not others and at < sentence.end and ctx.doc[at + (lowers[at] == "the")].text[:1].isupper() \
            and not any(m.start in (at, at + 1) for m in sentence.mentions if m.kind == "actor"):
        return list(dict.fromkeys(m.key for m in subject))  # "… that Ethiopia signed with the Somaliland region":
        # the other side is one the register does not hold
    if not subject or not others:
        return []
    return list(dict.fromkeys([m.key for m in subject] + [m.key for m in others]))


_MEMBERS_NOUNS = _GROUP_NOUNS | {"members", "member", "allies"}  # ("that the G7 countries adopted")


def _last_group(ctx: DocContext, sentence: Sentence, before: int) -> list:
    """The last coordinated group of two or more states named before ``before``, in this or the previous sentence."""
    doc = ctx.doc
    for sent in (sentence, ctx.sentences[sentence.index - 1] if sentence.index else None):
        if sent is None:
            continue
        states = [m for m in ctx.actors_in(sent, {"state"}, coref=False) if sent is not sentence or m.end <= before]
        group: list = []
        for m in reversed(states):
            if not group or all(t.lower_ in {",", "and", "the"} for t in doc[m.end:group[0].start]):
                group.insert(0, m)
            elif len(group) >= 2:
                break
            else:
                group = [m]
        if len(group) >= 2:
            return group
    return []

_BECAME_PARTY = {"acceded", "accedes", "adhered", "joined"}


def _together_with(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """The actors after "together with" or "along with" that closes the clause concluding an agreement: "having signed
    the Treaty of Chaguaramas on 4 July 1973 together with Barbados, Jamaica and Trinidad and Tobago"."""
    lowers, sentence = ctx.lowers, mention.sentence
    for k in range(mention.name_end, min(sentence.end - 2, mention.name_end + 10)):
        if lowers[k] in {",", ";", "which", "that", "and"} and k > mention.name_end:
            break
        if lowers[k] in _TOGETHER and lowers[k + 1] == "with":
            actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form != "adjective"
                      or _adjective_group(ctx, sentence, m)]  # (also "together with his Swedish colleague")
            group = coordinated_from(ctx.doc, k + 2, actors, joins={",", "and", "the", "his", "her", "their", "its"})
            if len(group) > 1 and lowers[group[-1].end:group[-1].end + 1] and lowers[group[-1].end] in _FINITE:
                group = group[:-1]  # (not "…, and CARICOM has stood with us": the subject of a new clause)
            return [m.key for m in group]
    # before the name, in the aside between its concluding verb and the name: "our energy ministers signed in Rome,
    # together with their colleagues from Tunisia, Austria and Germany, the joint declaration of intent"
    for k in range(max(sentence.start, mention.name_start - 20), mention.name_start - 2):
        if lowers[k] in _TOGETHER and lowers[k + 1] == "with":
            j = k + 2
            while j < mention.name_start and lowers[j] in {"their", "his", "her", "its", "our", "colleagues",
                                                           "colleague", "counterparts", "counterpart", "from", "of"}:
                j += 1
            actors = ctx.actors_in(sentence, POLITICAL, coref=False)
            group = [m for m in coordinated_from(ctx.doc, j, actors) if m.end <= mention.name_start]
            if group and set(lowers[group[-1].end:mention.name_start]) <= {",", "the", "a", "an", "joint"} \
                    and _conclusion_before_aside(ctx, sentence, mention.name_start):
                return [m.key for m in group]  # (the aside runs from "together with" right up to the name)
            return []
    return []


def _joined_later(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """Those a relative clause says joined an agreement after its signatories: "the Geneva Agreement, which the
    United Kingdom and Venezuela signed on 17 February 1966 and to which Guyana became a party on its independence"."""
    lowers, sentence = ctx.lowers, mention.sentence
    for k in range(mention.name_end, sentence.end - 3):
        if lowers[k:k + 2] != ["to", "which"]:
            continue
        actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form != "adjective"]
        group = coordinated_from(ctx.doc, k + 2, actors)
        after = lowers[group[-1].end:group[-1].end + 4] if group else []
        if group and (set(after) & _BECAME_PARTY or after[:3] in (["became", "a", "party"], ["became", "party"])
                      or after[:2] == ["became", "party"]):
            return [m.key for m in group]
    return []


def _concluded_with(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """The actors after "<agreement> agreed/signed/concluded with": "the ITPP agreed with Japan at this Summit"."""
    lowers = ctx.lowers
    e = mention.name_end
    k = e + 1 if e < mention.sentence.end and lowers[e] == "," else e
    if k + 1 >= mention.sentence.end or lowers[k] not in _CONCLUDED_WITH or lowers[k + 1] != "with":
        return []
    pos = k + 2
    out = []
    for m in ctx.actors_in(mention.sentence, POLITICAL, coref=False):
        if m.start < pos:
            continue
        if all(w in {"the", ",", "and"} for w in lowers[pos:m.start]) and m.start - pos <= 2:
            out.append(m.key)
            pos = m.end
        else:
            break
    return out


def _date(ctx: DocContext, cluster: _Cluster, concluding):
    """Return (date, sentence, (start, end) or None)."""
    meta_date = ctx.source.metadata.get("date")
    if cluster.document:
        for mention in cluster.mentions[:2]:
            found = [d for d in _dates_in(ctx, mention.sentence) if d[:2] not in cluster.earlier]
            if found:
                return found[0][2], mention.sentence, (found[0][0], found[0][1])
        for sentence in ctx.sentences[:3]:
            found = [d for d in _dates_in(ctx, sentence) if d[:2] not in cluster.earlier]
            if found:
                return found[0][2], sentence, (found[0][0], found[0][1])
        return meta_date, ctx.sentences[0], None
    if concluding and all(m.amended for m in concluding):
        return None, None, None  # (the day of "the Protocol amending the Agreement …" is the protocol's)
    concluding = [m for m in concluding if not m.amended]
    own = next((m for m in concluding if m.date and m.date[0] is not None), None)
    if own is not None:  # "…, which the Presidents … signed in Khujand on 31 March": the day its own phrase gives
        return own.date[2], own.sentence, (own.date[0], own.date[1])
    candidates = []
    for mention in concluding or cluster.mentions:
        sentence = mention.sentence
        found = _dates_in(ctx, sentence)
        year = mention.named_year or mention.year
        if year:  # "the Wellington Declaration of 2010 and the Washington Declaration, signed on 19 June 2012"; "the
            found = [d for d in found if d[2][:4] == year]  # agreement signed in Igaliku in 2004" after a day of 1951
        if found:
            at = [i for i in range(sentence.start, sentence.end) if ctx.doc[i].lower_ in _DATING_VERBS]
            verbs = [ctx.doc[i].idx + ctx.offset for i in at]
            anchor = verbs[0] if verbs else ctx.offset + ctx.doc[mention.start].idx
            if at:  # ("signed in Manila in July last year entered into force last Thursday": not that Thursday)
                found = [d for d in found if d[0] < anchor or not _coarser_time_before(ctx, at[0] + 1, d[0])]
        if found:
            def distance(d, anchor=anchor):
                return (d[0] < anchor, abs(d[0] - anchor))

            best = min(found, key=distance)
            candidates.append((0 if verbs else 1, best, sentence))
    if candidates:
        _, best, sentence = min(candidates, key=lambda c: c[0])
        return best[2], sentence, (best[0], best[1])
    if meta_date and concluding:
        for mention in concluding:
            if mention.standing or _past_reference(ctx, mention.sentence) \
                    or (mention.named_year or mention.year or meta_date[:4]) != meta_date[:4]:
                continue  # (not the day of the text for "the Military Bases Agreement of March 1947")
            if ctx.source.metadata.get("genre", "") in {"", "press-release", "joint-statement", "joint-declaration",
                                                         "speech", "transcript", "press-statement", "communique"}:
                return meta_date, mention.sentence, None
    return None, None, None


def _past_reference(ctx: DocContext, sentence: Sentence) -> bool:
    """ "agreed in 2014", "adopted in Paris in July 2023", "dates from 1991", "the previous programme", "last year"."""
    doc = ctx.doc
    for i in range(sentence.start, sentence.end):
        token = doc[i]
        if token.lower_ in _PAST_TIME:
            return True
        if token.lower_ == "later" and i - 1 > sentence.start and doc[i - 1].lower_ in {
                "years", "year", "months", "month", "weeks", "decades"}:
            return True  # "Five years later, in the Memorandum on …": a narrative of the past
        if token.text in _MONTHS and i > sentence.start and doc[i - 1].lower_ in {"in", "since"} \
                and ctx.date is not None and month_number(token.text) != ctx.date.month:
            return True  # "In April, the Philippines also signed …" in a text of September
        if token.like_num and len(token.text) == 4 and token.text.isdigit() and i > sentence.start:
            prev = doc[i - 1]
            if prev.lower_ == "the" and i + 1 < sentence.end and doc[i + 1].is_alpha:
                return True  # "the 1951 Mutual Defense Treaty", "the 1979 peace treaty": concluded in that year
            if prev.lower_ in {"in", "since", "of", "from"} or (prev.is_title and prev.is_alpha and i - 2 >= sentence.start
                                                        and doc[i - 2].lower_ in {"in", "since"}):
                return True
    return False


def _dates_in(ctx: DocContext, sentence: Sentence) -> tuple:
    """Dates in a sentence as (char start, char end, ISO date); one written without its year ("On 6 October") takes
    the year of the document's date. Read once per sentence: a mention's signing day, its name and its agreement's
    date all ask."""
    cached = ctx.sentence_dates.get(sentence.index)
    if cached is not None:
        return cached
    text = ctx.text[sentence.char_start:sentence.char_end]
    found = find_dates(text)
    if ctx.date is not None:
        found += [d for d in find_yearless_dates(text, ctx.date) if not any(s <= d[0] < e for s, e, _ in found)]
        found += [d for d in find_relative_dates(text, ctx.date) if not any(s <= d[0] < e for s, e, _ in found)]
    dates = tuple((sentence.char_start + s, sentence.char_start + e, iso) for s, e, iso in sorted(found))
    ctx.sentence_dates[sentence.index] = dates
    return dates


def _place(ctx: DocContext, concluding, from_metadata: bool):
    for mention in concluding:
        for m in mention.sentence.mentions:
            if m.kind == "place":
                return m.key, mention.sentence, "agreement-place-in-signing-sentence"
    if from_metadata and ctx.source.metadata.get("place"):
        wanted = ctx.source.metadata["place"].strip()
        for entity in ctx.gazetteer.register.entities.values():
            if entity.kind == "place" and wanted in entity.names:
                return entity.key, ctx.sentences[0], "agreement-place-from-metadata"
        key = "place/" + slugify(wanted)
        ctx.extra_places[key] = wanted
        return key, ctx.sentences[0], "agreement-place-from-metadata"
    return None


def _signatories(ctx: DocContext, agreement: Agreement, positions: list[Position], signed: bool) -> None:
    """Holders of a post in a party who sign a concluded agreement, or hold its top post."""
    if not signed:
        return
    by_sentence: dict[int, set[str]] = {}
    for iri, start, _ in ctx.person_mentions:
        by_sentence.setdefault(ctx.sentence_of(start).index, set()).add(iri)
    for position in positions:
        if position.organization not in agreement.parties:
            continue
        top = not any(w in position.title for w in ("Deputy", "Assistant", "Spokes", "Vice"))
        best = None
        for sentence in ctx.sentences:
            if position.holder not in by_sentence.get(sentence.index, ()):
                continue
            if set(ctx.tokens_lower(sentence)) & {"sign", "signs", "signed", "signing"}:
                best = (sentence, "signatory-in-signing-sentence", 0.9)
                break
            if best is None and top:
                best = (sentence, "signatory-holder-of-party-post", 0.7)
        if best:
            ctx.state(agreement.iri, PACT + "signatory", position.holder, ctx.evidence(best[0], best[1], best[2]))
