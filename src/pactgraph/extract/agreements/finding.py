"""Finding agreement mentions: the genres matched in a text, the name around each (capitalised words,
a lower-case topic, modifiers), whether it is concluded or only planned, and the well-known
agreements named without a genre."""

from __future__ import annotations

import re

from dataclasses import replace
from functools import cache

from ..clauses import coordinated_from
from ..context import POLITICAL, DocContext, Sentence
from ..mentions import _POSSESSIVE
from ..people import HEADS
from ..words import NUMBER_WORDS, ORDINALS
from .conclusion import (_authorised_only, _concluded_next, _conclusion_before_aside, _ended, _finished_talks,
                         _first_to_conclude, _fronted_conclusion, _in_effect, _in_force_through, _list_heading,
                         _nominal_conclusion, _only_future, _participle_after, _passive_conclusion, _raised_to,
                         _raisers, _relative_conclusion, _relative_start, _same_occasion, _set_out, _share_conclusion,
                         _signed_with_before, _subjects_before)
from .cues import (_ACCESSION, _BARE_AFTER, _CONCLUDE, _CONCLUSION_NOUNS, _COUNT_WORDS, _GENRE_NOUNS, _GENRE_WORDS,
                   _HAVE, _HEAD_ALIASES, _HOPED_ADJECTIVES, _MEMORANDA, _INVARIANT, _ITEM_LINKS, _MONTHS, _NOT_YET, _PARTICIPLES,
                   _PLURAL_HEADS, _RELATIVE_VERBS, _REPLACING, _SIGNING_VERBS, _TRUCE_HEADS, GENRES, _is_count,
                   _is_year, _one_of, _singular)
from .dates import _SEASONS, _TIME_NOUNS, _dates_in, _signing_date, _year_after
from .mentions import _AgreementMention, _plural_mention
from .parties import (_of_the_same_kind, _parties_of_sentence, _pronoun_relative_with, _reduced_relative,
                      _relative_parties, _signed_by, constituents)

__all__: list[str] = []

# Words that cite an agreement as a standard: a concluding verb before them concludes something else.
_CITED_UNDER = {"accordance", "pursuant", "consistent", "conformity", "compliance", "line", "regard", "prejudice", "respect",
                "principles", "purposes"}  # (also "Having regard to the Treaty on European Union", "without prejudice to
# the United Nations Convention on the Law of the Sea", "respect for the purposes and principles of the Charter")

# An agreement named by its topic in lower case ("an agreement on the mutual protection of classified information",
# "a memorandum on cooperation in marine fisheries").
_TOPIC_HEADS = _MEMORANDA | {"agreement", "accord", "arrangement", "treaty", "pact", "memorandum", "protocol",
                             "agreements", "arrangements",  # (plurals: "memoranda on health, education and …")
                             "addendum", "convention",  # ("a convention on extradition")
                             "programme", "program"}  # ("a programme of cooperation in science and technology for 2025 to 2028")
# … and so do these genres written in lower case: "a memorandum of understanding on defence cooperation"
_TOPIC_PHRASES = {"memorandum of understanding", "memoranda of understanding", "memorandums of understanding",
                  "memorandum of cooperation",
                  "memorandum of agreement", "letter of intent", "declaration of intent", "statement of intent",
                  "joint declaration", "joint statement", "framework agreement", "exchange of notes", "action plan",
                  "roadmap", "road map", "work plan", "outcome document"}
# "a treaty of friendship, cooperation and mutual assistance": treaties also take their topic with "of"
_TREATY_HEADS = {"treaty", "pact"}
# Words that open a topic after a genre: "an agreement on …", "the agreement delimiting the economic zones of A
# and B", "the joint action plan against organised immigration crime"
_TOPIC_LINKS = {"on", "concerning", "regarding", "establishing", "amending", "implementing", "delimiting", "governing",
                "regulating", "relating", "providing", "ending", "extending", "renewing", "supplementing", "against"}
_TOPIC_WORDS = {"of", "and", "the", "for", "to", "in", "between", "-", "–"}

_CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                   "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_TOPIC_STOP = {"which", "that", "who", "dating", "dated", "valid", "effective", "was", "were", "is", "are", "has", "have", "had", "will", "would", "with",
               "signed", "concluded", "inked", "adopted", "agreed", "reached", "finalised", "finalized", "together",
               "along", "alongside", "issued", "released", "published"}
_FUNCTION_WORDS = {"and", "or", "to", "by", "on", "in", "at", "of", "for", "from", "with", "the", "a", "an", "as",
                   "into", "under", "over", "against", "about", "its", "their", "his", "her", "our"}
_DAY_WORDS = {"today", "yesterday", "tomorrow"}
# a time clause after a topic ends it: "signed the agreement on defence cooperation after three years of talks"
_TIME_LINKS = {"after", "following", "since", "until", "during", "before", "then"}
# "the Protocol amending the Agreement …": the participles that name what an agreement amends, and their finite forms
_AMENDING_PARTICIPLES = {"amending", "extending", "renewing", "supplementing"}
_AMENDING = _AMENDING_PARTICIPLES | {"amends", "extends", "renews", "supplements"}

# still in the making, right after the name: "… are being finalised and are expected to be signed"
_PENDING = [["being", w] for w in ("finalised", "finalized", "negotiated", "prepared", "drafted", "discussed",
                                   "considered", "worked")] + [["expected", "to"], ["be", "signed"]]

# the first words of a post, which no agreement's name runs on into ("… to Secretary of State Antony Blinken")
_POST_WORDS = HEADS | {"Prime", "Foreign"}

_DETERMINERS = {"this", "our", "the", "a", "an", "new", "first", "today", "today's", "their", "its", "that", "these",
                "those"}

_SINGLE_HEADS = {"declaration", "agreement", "arrangement", "treaty", "accord", "pact", "charter", "convention", "memorandum",
                 "protocol",
                 "roadmap", "framework"}

# what is asked of a truce that exists
_UPHOLD = {"implementation", "implement", "respect", "observance", "adherence", "compliance", "uphold", "preserve",
           "consolidate", "consolidation", "extension"}
_TRUCE_EXISTS = {"agreed", "reached", "brokered", "signed", "concluded", "accepted", "declared", "announced"}
_CALLS = {"call", "calls", "called", "calling", "urge", "urges", "urged", "demand", "demands", "demanded", "appeal",
          "appeals", "appealed", "need", "needs", "seek", "seeks", "push", "pushing", "work", "working", "towards", "for"}

_NAME_LINKS = {"of", "on", "for", "concerning", "between", "among", "and", "the", ",", "-", "–", "in", "to", "into",
               "through"}
# Words that do not tell two agreements of one genre apart ("Joint Declaration", "Political Declaration").
_NOT_QUALIFIERS = {"of", "the", "and", "on", "for", "a", "an", "joint", "political"}
# words before a lower-case "agreement" that do not make it a named kind of agreement
_NOT_MODIFIERS = {"same", "said", "above", "whole", "entire", "other", "such", "any", "final", "overall", "relevant",
                  "existing", "previous", "earlier", "current", "latest", "recent", "original", "landmark", "historic",
                  "important", "new", "first", "second", "third", "key", "two", "three", "proposed", "draft",
                  "possible", "future", "eventual", "comprehensive", "broader", "wider", "formal", "separate", "old",
                  "older"}
# words that set an agreement beside others of its kind without naming it ("Sweden signed a similar agreement",
# "Lithuania concluded its own agreement"): they tell it apart, but are no part of its name
_LIKENESS = {"similar", "own", "neither", "either", "each", "every", "comparable", "corresponding", "equivalent",
             "parallel", "identical", "analogous", "matching"}
# determiners before lower-case modifiers of a named kind of agreement ("a defence cooperation agreement")
# adjectives that name no kind of agreement but may stand before one that does ("our comprehensive safeguards agreement")
_SKIPPED_ADJECTIVES = {"comprehensive", "existing", "previous", "earlier", "current", "recent", "original", "landmark",
                       "historic", "important", "key", "formal", "broader", "wider", "overall"}
_LINKS_AND_VERBS = {"and", "or", "of", "to", "for", "in", "on", "with", "by", "have", "has", "had", "been", "be", "is",
                    "are", "was", "were", "will", "would"}
# words that end what an actor's name before a kind of agreement may own ("the US presence under similar arrangements")
_NOT_OWNED = {"as", "under", "at", "from", "through", "between", "against", "now", "also", "not", "still", "already"}
_COUNTING = {"several", "various", "numerous", "many", "some", "other", "further", "more", "additional", "few"}
# words that tell no kind of agreement ("concluded comparable agreements", "signed bilateral agreements")
_VAGUE_MODIFIERS = {"comparable", "similar", "bilateral", "multilateral", "several", "various", "numerous", "many",
                    "further", "more", "additional", "separate", "trilateral", "reciprocal", "relevant", "corresponding"}
_OTHER_POSSESSIVES = {"whose", "your", "his", "her"}  # ("France, whose defence cooperation agreement with Moldova …")
_MODIFIED_AFTER = {"the", "a", "an", "their", "its", "our", "this", "new", "first", "second", "third", "fourth", "fifth"} \
    | _OTHER_POSSESSIVES
# a topic that is an occasion, not a subject: "an MoU on the sidelines of the summit"
_NOT_TOPICS = {"sidelines", "margins", "margin", "occasion", "behalf", "eve", "day", "basis", "way", "part"}
# A treaty or agreement named with its year and said to bind or anchor the parties is one they concluded earlier.
_STANDING_HEADS = {"treaty", "agreement", "accord", "pact"}
# Names that a year dates: "the 1951 Mutual Defense Treaty", "the Wellington Declaration of 2010"
# (not conventions and charters: "the 1982 United Nations Convention on the Law of the Sea" is cited as a standard)
_DATED_HEADS = _STANDING_HEADS | {"declaration", "memorandum", "protocol"}
_BINDING = {"under", "anchored", "bound", "binds", "obligations", "commitments", "pursuant", "bound", "guaranteed"}

# Nouns for a group of agreements: "the network of Security and Defence Partnerships", "a series of memoranda"
_COLLECTIVES = {"network", "series", "set", "number", "family", "list", "web", "range", "package"}


# genre words that name an agreement only in the singular and with words of their own ("the Doha Document for Peace
# in Darfur", "the Industrial Security Annex")
_NAMED_ONLY = {"document", "annex"}
# the number or letter of a part ("Annex 1A", "Annex II", "Annex B"; not a year: "the Vienna Document 2011")
_PART_NUMBER = re.compile(r"\d{1,2}[A-Za-z]?|[IVXLC]+|[A-Z]")


@cache
def _genre_matcher(nlp):
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase, kind, cap_only in GENRES:
        forms = {phrase}
        if phrase.endswith("y"):
            forms.add(phrase[:-1] + "ies")  # "treaties"
        elif phrase == "memorandum":
            forms |= {"memoranda", "memorandums"}
        elif not phrase.endswith(("s", "understanding", "intent")) and phrase not in _NAMED_ONLY:
            forms.add(phrase + "s")
        if phrase.startswith("memoranda "):
            forms.add("memorandums" + phrase[len("memoranda"):])  # (the American plural: "two memorandums of …")
        if phrase.startswith("exchange of "):
            forms.add("exchanges" + phrase[len("exchange"):])  # "the exchanges of letters that the OSCE concluded …"
        matcher.add(f"{kind}|{int(cap_only)}", [nlp.make_doc(f) for f in sorted(forms)])
    return matcher


def _covered_by_actor(sentence: Sentence, start: int, end: int) -> bool:
    return any(m.kind in ("actor", "framework") and m.start <= start and end <= m.end and m.form != "coref"
               for m in sentence.mentions)


def _written_upper(ctx: DocContext, token) -> bool:
    """Whether the source writes ``token`` in capitals (the pipeline may read it in ordinary case)."""
    start = ctx.offset + token.idx
    return ctx.text[start:start + len(token)].isupper()


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K."


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
        if token.lower_ in NUMBER_WORDS and s - 1 == sentence.start and set(ctx.lowers[start:end]) & _PLURAL_HEADS:
            break  # a count capitalised as the sentence's first word ("Three Memoranda of Understanding were signed …")
        if (token.is_alpha and (token.is_title or token.is_upper)) \
                or (token.like_num and token.lower_ not in NUMBER_WORDS) or (
                token.text[:1].isupper() and all(c.isalpha() or c in "'’-" for c in token.text)) \
                or _DOTTED.fullmatch(token.text):
            s -= 1  # (also "N'Djamena", the "U.S." of "the ROK-U.S. Mutual Defense Treaty"; not a count, "three
            # Memoranda of Understanding were signed …: on …; on …")
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
                                                                or article or (token.lower_ == "the" and ordinal)
                                                                or (token.lower_ == "the" and _is_year(nxt.text)
                                                                    and e + 2 < sentence.end and doc[e + 2].is_title)) \
                and token.text != "," and not (token.lower_ in {"in", "on", "at"} and e + 1 in places and not (
                    declared and token.lower_ == "on")) and not venue \
                and not (token.lower_ in {"in", "on", "since", "of"} and nxt.text in _MONTHS) \
                and not (token.lower_ == "and" and nxt.lower_ == "the" and _second_name(doc, s, e, sentence.end)) \
                and not (token.lower_ in {"to", "by", "with", "from"} and nxt.text in _POST_WORDS) \
                and not (token.lower_ == "the" and e == end):
            # (not "… Partnership in December 2021", nor "the Treaty of Mutual Cooperation and Security and the
            # U.S.-ROK Mutual Defense Treaty": two names)
            # (not a venue: "… accepted the Agreement on the Path to Normalisation in Ohrid on 18 March"; but a year
            # inside: "the Protocol of Amendment to the 1990 Memorandum of Understanding Regarding …")
            # (nor the subject after a name: "Under the Lunna House Agreement the Royal Norwegian Navy … will"; nor
            # a post after it: "deposited its instrument of accession to the North Atlantic Treaty to Secretary of
            # State Antony Blinken")
            e += 2 if article else 1
        elif token.lower_ in {"their", "its", "a", "an"} and doc[e - 1].is_title and doc[e - 1].lower_.endswith("ing") \
                and nxt is not None and nxt.is_title:
            e += 1  # "the Treaty Establishing their Maritime Boundaries in the Timor Sea", "the Final Agreement for
            # Ending the Conflict and Building a Stable and Lasting Peace"
        elif token.lower_ == "of" and nxt is not None and _is_year(nxt.text) and e + 3 < sentence.end \
                and ctx.lowers[e + 2] in {"on", "concerning", "regarding"} \
                and (doc[e + 3].is_title or doc[e + 3].lower_ == "the"):
            e += 2  # "the Protocol to the North Atlantic Treaty of 1949 on the Accession of …": the treaty's year
        elif token.lower_ in {"with", "in"} and nxt is not None and nxt.lower_ == "respect" and e + 3 < sentence.end \
                and ctx.lowers[e + 2] in {"to", "of"} and (doc[e + 3].is_title or (
                    doc[e + 3].lower_ == "the" and e + 4 < sentence.end and doc[e + 4].is_title)):
            e += 3  # "the Treaty on the Final Settlement with respect to Germany" (not "… Agreement with respect to the
            # joint exercises")
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
        elif token.text == "," and nxt is not None and nxt.is_alpha and _written_upper(ctx, nxt) and all(
                _written_upper(ctx, t) or not t.is_alpha for t in doc[s:e]):
            e += 1  # a heading in capitals: "JOINT STATEMENT … OF THE REPUBLIC OF BOTSWANA, THE REPUBLIC OF NAMIBIA …"
            # (as the source writes it: the pipeline reads it in ordinary case, see layout.recased)
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
            doc[j].text in {"-", "–"} and j > at and not doc[j].whitespace_ and j + 1 < end and doc[j + 1].is_alpha)):
        j += 1 + (not doc[j].is_title)  # (also "Good-Neighbourliness", "Co-operation")
    return at < j < end and doc[j].lower_ in {"and", ","}


def _read_spans(ctx: DocContext, spans, every=None) -> list[_AgreementMention]:
    """The mentions the genre words ``spans`` name, as the rules read them (before the whole text's checks);
    ``every`` is all the text's genre words (``spans`` by default)."""
    every = spans if every is None else every
    doc = ctx.doc
    out = []
    for span in spans:
        kind, cap_only = span.label_.split("|")
        sentence = ctx.sentence_of(span.start)
        if _covered_by_actor(sentence, span.start, span.end):
            continue  # "North Atlantic Treaty Organization", "World Food Programme"
        if span.end < sentence.end and doc[span.end].text in _INSTITUTION_HEADS:
            continue  # "the Defense Acquisition Program Administration": an agency, not a programme
        if span[0].lower_ in _MEMORANDUM_FORMS and span.start > sentence.start \
                and doc[span.start - 1].lower_ in _PAPER_MEMORANDA:
            continue  # "the Explanatory Memorandum on the Treaty …", "a briefing memorandum": a paper, not an agreement
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
        counted = _counted_after_verb(ctx, sentence, span)  # ("signed two protocols, one on … and one on …")
        if cap_only == "1" and not capitalised and not counted and not _named_in_lower_case(ctx, sentence, span, prev):
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
        year_before = _is_year(prev) and span.start - 2 >= sentence.start \
            and doc[span.start - 2].lower_ in _DETERMINERS  # ("the 2006 treaty on certain maritime arrangements")
        if topic_end and (prev in _DETERMINERS or owners or year_before):
            pass  # "an agreement on …", "Indonesia's agreement with Korea on …", "the Japanese-Australian agreement on …"
        elif len(span) == 1 and _singular(span[0].lower_) in _SINGLE_HEADS and not capitalised and prev not in _DETERMINERS \
                and not _possessed_agreement(ctx, sentence, span):
            # "the ceasefire agreement reached between A and B", "a defence cooperation agreement",
            # "an implementing arrangement on …": lower-case modifiers after a determiner name a kind of agreement
            modifier_at = _modifiers(ctx, sentence, span.start)
            named_at = _proper_name_before(ctx, sentence, span.start) if modifier_at is None else None
            if modifier_at is None and named_at is None and not counted:
                continue
            if named_at is not None:  # "the Lancaster House treaties", "the Minsk agreements"
                capitalised, words = True, [t.text for t in doc[named_at:span.end]]
            elif modifier_at is not None:
                modifier = doc[modifier_at:span.start].text
            else:
                modifier_at = span.start  # (counted: "signed two protocols")
        lowered = [t.lower_ for t in span]
        head = lowered[0] if len(lowered) > 2 and lowered[1] == "of" else lowered[-1]
        exchanged = lowered[0] == "exchanged"
        if exchanged:  # "exchanged letters" is an exchange of letters, concluded by the words that name it
            head, words = "exchange", ["Exchange", "of", lowered[-1]]
        head = _HEAD_ALIASES.get(head, head)
        head = _singular(head) if head not in _INVARIANT else head
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
            # (the topic after "between the Ministry of … and …", "between the Ministry for Foreign Affairs of …")
            between = ctx.lowers[span.end] == "between"
            link = next(i for i in range(span.end, topic_end)
                        if ctx.lowers[i] in _TOPIC_LINKS | (set() if between else {"of", "for"})
                        | ({"to"} if span[-1].lower_ in {"addendum", "agreement", "accord", "arrangement"} else set()))
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
            named_by = [w for w in (modifier.split() if modifier else []) if w.lower() not in _LIKENESS]
            name = " ".join(w if w.lower() in {"of", "and"} else w[:1].upper() + w[1:]
                            for w in named_by + words).replace(" - ", "-")
        if name.lower() in _NAMED_ONLY:
            continue  # "Annex", "Documents signed": a heading or a part, not an agreement with a name of its own
        if span.end < sentence.end and doc[span.end].text in {"Doc", "Document", "Docs", "Documents"} \
                and doc[span.end - 1].text[:1].isupper():
            continue  # "Treaty Doc. 116-1", "Treaty Document No. 116-1": the number of a paper sent to a legislature
        if head in _NAMED_ONLY and span.end < sentence.end and _PART_NUMBER.fullmatch(doc[span.end].text):
            continue  # "Under Annex 1A of the General Framework Agreement for Peace", "Annex II": a numbered part of
            # an agreement, not one of its own
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
            actor_ends = {m.end for m in sentence.mentions if m.kind == "actor"}
            stop = next((i for i in range(between + 1, len(name_tokens)) if name_tokens[i].lower_ in _TOPIC_LINKS
                         or (name_tokens[i].lower_ == "for" and name_tokens[i].i in actor_ends)),
                        len(name_tokens))  # (also "… between A and the United States of America for a Closer …")
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
        ended = _ended(pre)  # ("Chad ended its defence cooperation accord with France", "pulled out of the INF
        # Treaty": one that was concluded, and is annotated though it ended)
        concluded = concluded or exchanged or ended or _in_effect(pre, lowers[e:min(sentence.end, e + 10)]) \
            or (not standard and head in {"declaration", "statement", "communiqué", "communique"}
                and "announced" in window)  # ("the "Washington Declaration" announced by the US and the ROK in April
        # last year": a declaration is made by announcing it)
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
        near = lowers[max(sentence.start, s - 12):s] + lowers[e:min(sentence.end, e + 6)]  # (not its own name's
        # words: "the Agreement on a Framework for Negotiations")
        after_name = lowers[e:min(sentence.end, e + 8)]  # ("… are being finalised and are expected to be signed")
        hints = {w for j, w in enumerate(before[-8:]) if not (w == "towards" and before[-8:][j + 1:j + 2]
                                                              and _is_year(before[-8:][j + 1]))}
        # ("adopted 'Towards 2030: India-EU Joint Comprehensive Strategic Agenda'": a title, not a plan)
        hints -= _finished_talks(before[-8:])
        if "conclude" in hints and _historic_present(ctx, sentence, s):
            hints.discard("conclude")  # "Nov. 21, 2002: Washington and Manila conclude a Mutual Logistics Support
            # Agreement": a chronology's present, not a plan
        if _first_to_conclude(before[-10:]):
            hints.discard("conclude")  # "Moldova became the first country to conclude a Security and Defence
            concluded = True  # Partnership with the European Union": it did conclude one
        not_yet = bool(hints & _NOT_YET) or bool({"negotiations"} - _finished_talks(near) & set(near)) \
            or any(before[-8:][j:j + 2] == ["yet", "to"] for j in range(len(before[-8:]))) \
            or "hope" in near \
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
        heading = None if concluded else _list_heading(ctx, sentence, s)
        if heading is not None:
            concluded = True  # an item of "The following documents were signed:" or "List of outcomes"
        if not concluded and _nominal_conclusion(ctx, sentence, s):
            concluded = True  # "The conclusion of the Agreement on …", "welcomed the signature, in …, of the …"
        aside = _conclusion_before_aside(ctx, sentence, s)
        not_yet = not_yet or aside is False  # "intend to conclude, before the end of the year, an arrangement …"
        if not concluded and not standard and (_participle_after(ctx, sentence, e, every) or aside):
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
                lowers[s - 1] in {"a", "an"} and lowers[s - 2] in _SIGNING_VERBS and s - 1 > sentence.start) or (
                lowers[s - 1] in {"revised", "updated", "renewed"} and lowers[s - 2] in {"a", "an"})),
            # ("… and I signed a memorandum of understanding that …", not "the Falepili Union, a treaty that …"; "the
            # five Nordic countries signed a revised memorandum of understanding")
            replaced=s - 1 > sentence.start and lowers[s - 1] in {"the", "its", "their", "our"}
            and lowers[s - 2] in _REPLACING,
            named_year=named_year, standing=standing, ended=ended, heading=heading, cited=standard and not concluded,
            year=(doc[s - 1].text if s > sentence.start and _is_year(doc[s - 1].text) else
                  _year_after(ctx, sentence, e) if concluded else None),  # ("the 1979 peace treaty")
        ))
    return out


def _with_after_adjuncts(ctx: DocContext, mention: _AgreementMention) -> int | None:
    """Where the partner after "with" starts when the participle after a name has its place and day first: "the
    military cooperation agreement signed in Rabat on 9 May 2025 with the Republic of Côte d'Ivoire"."""
    lowers, doc, end = ctx.lowers, ctx.doc, mention.sentence.end
    k = mention.name_end
    if k >= end or lowers[k] not in _RELATIVE_VERBS:
        return None
    k += 1
    while k < min(end, mention.name_end + 14) and (lowers[k] in {"in", "at", "on", ",", "the"} or doc[k].is_title
                                                   or doc[k].like_num):
        k += 1
    return k + 1 if k < end and lowers[k] == "with" and k > mention.name_end + 2 else None


def _abbreviation_of(abbreviation: str, name: str) -> bool:
    """Whether ``abbreviation`` ("RAA", "MoU", "ITPPs") abbreviates ``name``: its letters are initials of the name's
    words (hyphenated parts count), in order."""
    letters = abbreviation[:-1] if abbreviation.endswith("s") and abbreviation[:-1].isupper() else abbreviation
    if len(letters) < 2 or sum(c.isupper() for c in letters) < 2 or not letters.isalpha():
        return False
    initials = "".join(w[0] for w in re.split(r"[\s\-–]+", name) if w and w[0].isalpha()).lower()
    at = 0
    for c in letters.lower():
        at = initials.find(c, at) + 1
        if not at:
            return False
    return letters[0].lower() == initials[0] or len(letters) >= 3


def _abbreviates_topic(abbreviation: str, name: str, head: str) -> bool:
    """Whether ``abbreviation`` stands for the last capitalised words of a name, after its genre's noun: "the Enhanced
    Memorandum of Understanding on the ASEAN Power Grid (APG)" defines the grid, not the memorandum."""
    letters = abbreviation.lower()
    words = [w for w in re.split(r"[\s\-–]+", name) if w and w[0].isupper()]
    tail = words[-len(letters):]
    return len(tail) == len(letters) and "".join(w[0] for w in tail).lower() == letters \
        and all(_HEAD_ALIASES.get(_singular(w.lower()), _singular(w.lower())) != head for w in tail)


def _abbreviated(ctx: DocContext, out: list[_AgreementMention], spans, known) -> list[_AgreementMention]:
    """Mentions by an abbreviation the text defines in brackets after a name ("the Reciprocal Access Agreement (RAA)",
    "(Japan-Philippines RAA)"): each later "RAA" or "RAAs" is read as the genre word of that name, and named as it."""
    from spacy.tokens import Span

    doc = ctx.doc
    defined: dict[str, _AgreementMention] = {}
    at_definition: set[int] = set()
    for m in out:
        if not m.capitalised or m.name_end + 2 >= len(doc) or doc[m.name_end].text != "(":
            continue
        close = next((j for j in range(m.name_end + 1, min(len(doc), m.name_end + 8)) if doc[j].text == ")"), None)
        if close is None:
            continue
        word = doc[close - 1].text
        before = defined.get(word)
        again = before is not None and (before.name_start, before.name_end) == (m.name_start, m.name_end) \
            and m.end > before.end  # (one name read from two genres: "… Strategic Partnership Agreement (SPA)" is
        # the agreement's, the genre that ends it)
        if (before is None or again) and _abbreviation_of(word, m.name) \
                and not _abbreviates_topic(word, m.name, m.head) and not _covered_by_actor(m.sentence, close - 1, close):
            defined[word] = m
            at_definition.add(close - 1)
    if not defined:
        return []
    taken = {i for m in out for i in range(m.name_start, m.name_end)}
    found: list[tuple[Span, _AgreementMention, str]] = []
    for token in doc:
        word = token.text[:-1] if token.text.endswith("s") and token.text[:-1] in defined else token.text
        if word not in defined or token.i in at_definition or token.i in taken:
            continue
        full = defined[word]
        found.append((Span(doc, token.i, token.i + 1, label=f"{full.kind}|0"), full, word))
    if not found:
        return []
    made = _read_spans(ctx, [span for span, _, _ in found], list(spans) + [span for span, _, _ in found])
    by_start = {span.start: (full, word) for span, full, word in found}
    register = ctx.gazetteer.register
    for m in made:
        full, word = by_start[m.start]
        # the abbreviation and what a name joins to it ("the Japan-Philippines RAA"), not an ordinal before it nor a
        # capitalised word after it ("the third RAA Japan has signed", "Under the RAA Japanese forces train …")
        while m.name_start < m.start and doc[m.name_start].is_alpha and doc[m.name_start].is_lower:
            m.name_start += 1
        if m.name_end > m.end and ctx.lowers[m.end] not in _NAME_LINKS:
            m.name_end = m.end
        written = doc[m.name_start:m.name_end].text
        m.name = full.name if written in (word, word + "s") else written.replace(word, full.name)
        m.kind, m.head, m.qualifiers, m.topic, m.capitalised = full.kind, full.head, full.qualifiers, full.topic, True
        m.short = word
        if (m.name_start > m.sentence.start and doc[m.name_start - 1].lower_ in {"a", "an", "another"}
                and full.actors_in_name) or written == word + "s":
            m.name = written  # "an RAA", after "the Agreement between Japan and the Philippines … (RAA)", and
            # "EPAs" after "the Economic Partnership Agreement (EPA)": of that kind, not that one (a plural joins no
            # singular one's cluster, as a lower-case plural does not)
            m.capitalised = written != word + "s"
            continue
        m.actors_in_name = list(dict.fromkeys(m.actors_in_name + full.actors_in_name))
        key = next((key for key, start, end in known if full.name_start < end and start < full.name_end + 8), None)
        if key is not None and not _plural_mention(ctx, m):  # the well-known one it abbreviates
            m.known, m.name, m.kind = key, register.agreements[key].name, register.agreements[key].kind
    return made


_BEFORE_NAME = {"the", "a", "an", "their", "its", "new"}
_BEFORE_VERB = {"have", "has", "had", "today", "also", "jointly", "formally", "then", "later"}


def _subject_signers(ctx: DocContext, m: _AgreementMention) -> list[str]:
    """ "Paraguay and Argentina signed the Yacyretá Treaty in 1973": the two or more actors coordinated right before
    the verb that concludes the agreement right before its name (none otherwise)."""
    lowers, sentence = ctx.lowers, m.sentence
    k = m.name_start - 1
    while k > sentence.start and lowers[k] in _BEFORE_NAME:
        k -= 1
    if k <= sentence.start or lowers[k] not in _SIGNING_VERBS:
        return []
    return _subjects_before(ctx, sentence, k, _BEFORE_VERB)


def _mentions(ctx: DocContext, nlp) -> list[_AgreementMention]:
    from spacy.util import filter_spans

    spans = filter_spans(_genre_matcher(nlp)(ctx.doc, as_spans=True))
    known = [(nlp.vocab.strings[key], start, end) for key, start, end in ctx.gazetteer.agreements(ctx.doc)] \
        if ctx.gazetteer.register.agreements else []  # (the well-known agreements' names: key, start, end)
    out = _read_spans(ctx, spans)
    out += _abbreviated(ctx, out, spans, known)  # "the RAA", after "the Reciprocal Access Agreement (RAA)"
    lowers = ctx.lowers
    # a heading naming kinds of documents ("MoUs and Agreements exchanged") is not an agreement
    out = [m for m in out if not _only_genre_words(ctx, m) and not _names_an_event(ctx, m)]
    # nor is a bare plural ("the agreements that hold a country's security together"): it names no one agreement
    # that a later name could join
    # (but "signed two protocols, one on … and one on …" counts the ones it then names)
    out = [m for m in out if m.capitalised or set(m.qualifiers) - _PLURAL_HEADS or set(m.topic) - _PLURAL_HEADS
           or ctx.lowers[m.end - 1] == _singular(ctx.lowers[m.end - 1]) and ctx.lowers[m.end - 1] not in _MEMORANDA
           or (_counted_after_verb(ctx, m.sentence, ctx.doc[m.start:m.end]) and _items_follow(ctx, m))
           or _concluded_with_several(ctx, m)]
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
        if m.concluded and not m.own:
            m.signers = tuple(_subject_signers(ctx, m) or _raisers(ctx, m.sentence, m.name_start))
        if m.concluded and set(ctx.tokens_lower(m.sentence)) & _CONCLUDE:
            sides = m.own or m.signers or tuple(_parties_of_sentence(ctx, m.sentence))
            m.sides = tuple(sides) if 2 <= len(sides) <= 3 else ()
        # the partner after "with": "a Security and Defence Partnership with Canada", "the Agreement concluded with
        # the United States in 2017"
        at = m.name_end + 1 if lowers[m.name_end:m.name_end + 1] == ["with"] else m.name_end + 2 \
            if lowers[m.name_end:m.name_end + 1] and lowers[m.name_end] in _RELATIVE_VERBS \
            and lowers[m.name_end + 1:m.name_end + 2] == ["with"] else _pronoun_relative_with(lowers, m.name_end)
        if at is None:
            at = _with_after_adjuncts(ctx, m)
        if at is not None:
            m.partner = next((a.key for a in ctx.actors_in(m.sentence, POLITICAL, coref=False)
                              if a.start in (at, at + 1)), None)
        if not m.capitalised and _of_the_same_kind(lowers, m.name_end):
            m.fresh = True  # "… and the agreement of the same kind signed between the Emirates and Israel": another
        if m.short and m.name_start > m.sentence.start and lowers[m.name_start - 1] in {"a", "an", "another"} \
                and m.concluded and (m.own or m.partner or m.signers):
            m.fresh = True  # "The United Kingdom concluded an RAA with Japan the following January": one more of
            # the kind, not the one the abbreviation was defined for
    _share_conclusion(ctx, out)
    _concluded_next(ctx, out)
    same = _by_sentence(out)  # (each mention is compared with those of its sentence, not with every other of the text)
    for m in out:
        m.plural = _plural_mention(ctx, m)
        if not m.capitalised and _set_out(ctx, m):
            m.concluded = False  # "the joint statement …, which sets out a roadmap for ending the war": its content
        following = min((o.start for o in same[m.sentence.index] if o.start >= m.name_end),
                        default=m.sentence.end)  # (the next agreement's phrase dates that one)
        if m.year and following < m.sentence.end and m.year != ctx.doc[m.name_start - 1].text:
            m.year = _year_after(ctx, m.sentence, m.name_end, following)  # ("replaces the one … signed in 2017")
        if m.not_yet and m.concluded and m.year and ctx.date is not None and int(m.year) < ctx.date.year:
            m.not_yet = False  # "None of this would be possible without the Treaty …, signed in Algiers on 27 January
            # 2003": its own concluding phrase dates it in a past year, whatever the sentence hopes or imagines
        m.date = _signing_date(ctx, m, following) if m.concluded and not m.not_yet and not m.ended else None
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
                                     and o.end > m.end for o in same[m.sentence.index])]
    same = _by_sentence(out)
    # "the Agreement Amending the Protocol on …": a genre inside another agreement's name is part of that name, and
    # names the earlier agreement it amends, extends or renews, which stands as one of its own
    kept = []
    for m in out:
        if not any(o is not m and o.name_start <= m.start and m.end <= o.name_end
                   and (o.name_start, o.name_end) != (m.name_start, m.name_end) for o in same[m.sentence.index]):
            kept.append(m)
        elif _amended(ctx, m):
            m.concluded, m.not_yet, m.fresh, m.date, m.year, m.own, m.amended = True, False, False, None, None, (), True
            kept.append(m)
    _aliases(ctx, kept)
    return _known_mentions(ctx, kept, known)


# what says a lower-case name describes the capitalised one before it
_COPULAS = [[verb, article] for verb in ("is", "was") for article in ("a", "an", "the")]
_ALIAS_WORDS = {",", "better", "also", "commonly", "often", "popularly", "known", "as", "the", "(", "or", "called"}


def _aliases(ctx: DocContext, mentions: list[_AgreementMention]) -> None:
    """ "the Australian–New Zealand Agreement of 21 January 1944, better known as the Canberra Pact", "the Southeast
    Asia Collective Defence Treaty (the Manila Pact)": a capitalised name given right after another as its other name
    is that agreement (``_AgreementMention.alias``), and so is a lower-case one that says what it is ("The Lunna House
    Agreement is a bilateral defence agreement between …")."""
    lowers = ctx.lowers
    for same in _by_sentence(mentions).values():
        for a, b in zip(same, same[1:]):
            if a.capitalised and not b.capitalised and lowers[a.name_end:b.name_start] in _COPULAS:
                b.alias = a  # "The Lunna House Agreement is a bilateral defence agreement between Norway and …"
                continue
            if not (a.capitalised and b.capitalised) or b.name_start <= a.name_end:
                continue
            if set(b.name.lower().split()) <= _GENRE_WORDS:
                continue  # "… Reciprocal Access and Cooperation (the Agreement)": a short form the text defines, not
                # another name ("Japan signed a new agreement with the Philippines" is no other name of it)
            k = a.name_end
            if lowers[k:k + 1] == ["of"] and k + 1 < len(lowers) and _is_year(lowers[k + 1]):
                k += 2  # ("… Agreement of 1944, better known as …")
            dated = a.date and a.date[1] is not None and ctx.doc[k].idx + ctx.offset <= a.date[0] \
                and k < b.name_start  # ("… Agreement of 21 January 1944, …": its date)
            between = lowers[k:b.name_start]
            if dated:
                between = [w for i, w in zip(range(k, b.name_start), between)
                           if not (a.date[0] <= ctx.doc[i].idx + ctx.offset < a.date[1])]
                between = [w for w in between if w != "of"] if between[:1] == ["of"] else between
            words = set(between)
            bracket = between[:1] == ["("] and lowers[b.name_end:b.name_end + 1] == [")"] and len(between) <= 2
            if bracket or ("known" in words and words <= _ALIAS_WORDS and len(between) <= 6):
                b.alias = a


def _by_sentence(mentions: list[_AgreementMention]) -> dict[int, list[_AgreementMention]]:
    """The mentions of each sentence, by its index."""
    out: dict[int, list[_AgreementMention]] = {}
    for m in mentions:
        out.setdefault(m.sentence.index, []).append(m)
    return out


def _possessed(ctx: DocContext, sentence: Sentence, at: int) -> bool:
    """ "Denmark's treaty with Kosovo", "a leaders' declaration": a possessive right before token ``at``, after an
    actor or a determined noun, which determines it as "the" does."""
    k = at - 1
    if k - 1 < sentence.start or ctx.lowers[k] not in _POSSESSIVE:
        return False
    if any(m.kind == "actor" and m.end == k for m in sentence.mentions):
        return True
    return k - 2 >= sentence.start and ctx.lowers[k - 2] in _DETERMINERS and ctx.lowers[k - 1].isalpha()


def _possessed_agreement(ctx: DocContext, sentence: Sentence, span) -> bool:
    """Whether a possessive determines a lone genre word as an agreement ("Italy's treaty with Libya", "adopted a
    leaders' declaration"): not one followed by "to" or "of" ("Hungary's agreement to Sweden's accession", "the
    government's agreement to host the summit": a consent; "Ukraine's declaration of independence": its own)."""
    nxt = ctx.lowers[span.end:span.end + 1]
    if not _possessed(ctx, sentence, span.start) or nxt in (["to"], ["of"]):
        return False
    # a bare "agreement" is a consent unless what follows makes it a text: "Turkey's agreement came after weeks of
    # talks" (a consent), "Italy's agreement with Albania" (an agreement)
    if nxt == [","]:  # (also "Kenya's agreement, signed in 2019, with Uganda")
        nxt = ctx.lowers[span.end + 1:min(sentence.end, span.end + 2)]
    return len(span) > 1 or ctx.lowers[span.start] != "agreement" or bool(nxt) and nxt[0] in _BARE_AGREEMENT_NEXT


_BARE_AGREEMENT_NEXT = {"with", "on", "between", "concerning", "signed", "concluded", "reached", "struck", "for"}


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
    if head in {"arrangement", "protocol"} and prev in _DETERMINERS and nxt in {"signed", "concluded"}:
        return True  # "the arrangement concluded on the margins of the Manama Dialogue in December 2014", "a protocol
        # signed in Paris on 23 October 1954 modified the Brussels Treaty"
    if head in {"arrangement", "understanding"} and prev in _DETERMINERS and nxt in {"that", "which"} \
            and _relative_conclusion(ctx, sentence, span.end) is True:
        return True  # "the arrangement that the two ministries concluded in 2011", "the understanding that Baghdad
        # and Washington reached last September"
    if head == "understanding" and prev == "an" and span.start >= sentence.start + 2 \
            and doc[span.start - 2].lower_ in {"reached", "struck"}:
        return True  # "Washington and Ansar Allah reached an understanding under which …"
    if head in {"programme", "program"} and prev in _DETERMINERS and nxt == "of" \
            and "cooperation" in ctx.lowers[span.end + 1:min(sentence.end, span.end + 5)]:
        return True  # "signed a programme of cooperation in science and technology for 2025 to 2028", "a programme
        # of cultural cooperation for the period 2023-2025"
    if head == "convention" and prev in _DETERMINERS and nxt == "on":
        return True  # "a convention on extradition, signed by the Minister of Justice"
    if head in {"protocol", "arrangement"} and nxt == "with" and _possessed(ctx, sentence, span.start):
        return True  # "Italy's protocol with Albania, signed last November"
    if head == "protocol" and modifier_at is not None and (nxt in _PARTICIPLES | {"between"} or (
            nxt == "of" and span.end + 1 < sentence.end and _is_year(doc[span.end + 1].text))):
        return True  # "the defence cooperation protocol signed between Egypt and Somalia", "a defence cooperation
        # protocol between Egypt and Somalia", "the bilateral protocol of 1982" (not "the security protocols at the
        # airport")
    if head == "protocol" and prev in _DETERMINERS and nxt == "of" and ctx.lowers[span.end + 1:span.end + 2] in (
            ["amendments"], ["amendment"], ["accession"], ["cooperation"]):
        return True  # "the British and Russian governments signed a protocol of amendments to bring the agreement up to
        # date"
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


def _known_mentions(ctx: DocContext, out: list[_AgreementMention], known) -> list[_AgreementMention]:
    """Mark the mentions that name a well-known agreement (``known``: the register's matches, as key, start, end),
    and add those named without a genre word ("the Falepili Union", "the FPDA", "the Five-Point Consensus")."""
    register = ctx.gazetteer.register
    named = None
    for key, start, end in known:
        sentence = ctx.sentence_of(start)
        if _covered_by_actor(sentence, start, end):
            continue
        known = register.agreements[key]
        overlapping = [m for m in out if m.sentence is sentence and m.name_start < end and start < m.name_end]
        # who its sentence says signs it, or its partner ("the Falepili Union treaty with Tuvalu"), else the states
        # the text is about
        given = {k for m in overlapping for k in (*(m.own or m.signers), *([m.partner] if m.partner else []))} or {
            k for k in ctx.main_actors if ctx.entity_kind(k) == "state"}
        if overlapping and len(known.parties) == 2 and given - set(known.parties):
            named = {m.key for m in ctx.mentions("actor")} if named is None else named
            if not set(known.parties) <= named:
                continue  # "The Enhanced Defense Cooperation Agreement that … Pompeo and … Błaszczak signed in
                # Warsaw" in a text about Poland that never names the Philippines: another agreement of that name
                # (not "Secretary Teodoro and U.S. Secretary Hegseth discussed the Enhanced Defense Cooperation
                # Agreement", a release of the Philippines' Department of National Defense that names no other state)
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
                      "Service", "Authority", "Room", "Hall", "Building"}  # (also the State Department's "Treaty Room")
_MEMORANDUM_FORMS = _MEMORANDA | {"memorandum"}
# words before "memorandum" that make it a government's paper, not an agreement
_PAPER_MEMORANDA = {"explanatory", "briefing", "information", "informational", "action", "decision", "internal",
                    "cabinet", "legal", "background"}
_GOVERNMENT_OF_WORDS = {"National", "Interim", "Transitional", "Provisional"}  # ("Government of National Accord")

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


_PREPOSITIONS = {"under", "with", "for", "to", "in", "on", "by", "from", "at", "through", "within", "without", "between",
                 "among", "into", "against", "after", "before", "over", "via", "about", "as", "during", "since"}


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
        if token.lower_ in _SKIPPED_ADJECTIVES and k < start and start - k <= 3 and k - 2 >= sentence.start \
                and doc[k - 2].lower_ in _MODIFIED_AFTER - {"new", "first"} \
                and not any(t.lower_ in _LINKS_AND_VERBS for t in doc[k:start]):
            return k  # a vague word between the determiner and the kind: "our comprehensive safeguards agreement"
        if not (token.is_alpha and token.is_lower) or token.lower_ in _DETERMINERS or token.lower_ in _NOT_MODIFIERS \
                or token.lower_ in _OTHER_POSSESSIVES \
                or token.lower_ in _CONCLUDE or token.lower_ in _NOT_YET or token.pos_ in {"VERB", "AUX", "ADP"} \
                or (token.lower_ in _PREPOSITIONS and doc[k].text not in {"-", "–"}
                    and not (k - 2 >= sentence.start and doc[k - 2].text in {"-", "–"})):
            break  # (not "operating the terminal under short-term arrangements"; but "government-to-government",
            # "a follow-on agreement", "a stand-by arrangement")
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
    held = next((j for j in range(start - 1, max(sentence.start, k - 1) - 1, -1) if doc[j].lower_ in _HAVE), None)
    if held is not None and doc[start].lower_.endswith("s") and _held_as_concluded(ctx, sentence, start + 1):
        m = held + 1
        while m < start and doc[m].lower_ in {"already", "also", "now", "still"}:
            m += 1
        if m < start and all(t.is_alpha and t.is_lower and t.lower_ not in _VAGUE_MODIFIERS for t in doc[m:start]):
            return m  # "Ghana already has defence cooperation arrangements it concluded with …", "Australia also has
            # defence cooperation arrangements in place with …": those it holds, concluded
    if k < start and k - 1 >= sentence.start and doc[k - 1].lower_ in _BARE_AFTER \
            and not any(t.lower_ in {"and", "or", "of", "to", "for", "in", "on", "with", "by"} or t.like_num
                        or t.lower_ in NUMBER_WORDS or t.lower_ in _COUNTING for t in doc[k:start]) \
            and not all(t.lower_ in _VAGUE_MODIFIERS for t in doc[k:start]):
        return k  # no determiner after a concluding verb: "The EU has concluded status agreements of this kind with
        # …", the headline "EU and Moldova sign status agreement on …"
    if k < start and k - 1 >= sentence.start and doc[k - 1].lower_ not in _MODIFIED_AFTER | {"'s", "’s"}:
        owner = next((m for m in sentence.mentions if m.kind == "actor" and m.end == k and m.form != "coref"), None)
        if owner is not None and owner.start > sentence.start and doc[owner.start - 1].lower_ in _DETERMINERS:
            # "the NATO status of forces agreement", "the US defence cooperation agreement": an actor's name, then
            # the modifiers that name the kind (not a verb after a subject: "Norway welcomes agreement", "the
            # Philippines now has visiting forces agreements", "The NATO leaders welcomed agreement on …"; nor "a US
            # presence under similar arrangements")
            return k if not any(t.lower_ in _LINKS_AND_VERBS - {"of"} | _NOT_OWNED or t.lower_.endswith("ed")
                                for t in doc[k:start]) else None
    if k == start or k - 1 < sentence.start or doc[k - 1].lower_ not in _MODIFIED_AFTER | {"'s", "’s"}:
        return None
    if any(t.lower_ in {"and", "or", "of", "to", "for", "in", "on", "with", "by"}
           and not (t.i > k and doc[t.i - 1].text in {"-", "–"})
           and not (t.lower_ == "of" and doc[t.i - 1].lower_ == "status")
           for t in doc[k:start]):
        return None  # (a linking word inside a hyphenated modifier stays: "status-of-forces", and "status of forces")
    return k


_PURPOSE_VERBS = {"prevent", "establish", "combat", "counter", "promote", "facilitate", "protect", "ensure", "avoid",
                  "enhance", "strengthen", "develop", "regulate", "govern", "provide", "deter", "end", "settle",
                  "delimit", "share", "exchange", "cooperate", "allow", "permit", "return", "transfer", "build",
                  "jointly", "set", "create", "conserve", "manage", "reduce", "limit", "ban", "eliminate"}


_NOT_AIMS = {"the", "a", "an", "its", "their", "our", "this", "that", "these", "those", "both", "all", "each", "years",
             "decades", "now", "ever", "more", "some", "many", "which", "whom", "what", "one", "two", "three", "ten",
             # (a term, a reader or a step of its procedure: "an agreement for five years", "for us all", "submitted
             # the agreement for ratification", "for example")
             "several", "another", "months", "weeks", "days", "life", "us", "them", "it", "you", "everyone", "example",
             "instance", "ratification", "signature", "approval", "consideration", "adoption", "endorsement", "review",
             "debate", "discussion", "publication", "comment", "comments",
             # (a length of time: "Damascus had honoured the 1974 Agreement for half a century")
             "half", "decades", "generations", "centuries", "century", "long", "good"} | set(NUMBER_WORDS)


def _concluded_with_several(ctx: DocContext, mention: _AgreementMention) -> bool:
    """Whether a bare plural's relative clause concludes it with two or more partners, one agreement each: "the
    partnerships we concluded with Moldova and Norway earlier this year", "the agreements it had concluded with
    Mozambique and the Central African Republic" (not a bare plural that names no one agreement)."""
    at = _pronoun_relative_with(ctx.lowers, mention.name_end)
    if at is None or not _plural_mention(ctx, mention):
        return False
    listed = coordinated_from(ctx.doc, at, [m for m in mention.sentence.mentions if m.kind == "actor"
                                            and m.form != "coref" and ctx.entity_kind(m.key) in POLITICAL])
    return len(listed) >= 2


def _held_as_concluded(ctx: DocContext, sentence: Sentence, at: int) -> bool:
    """Whether the words from ``at`` on say that agreements someone has were concluded: "it concluded with …", "that
    they signed with …", "in place with …", "in force with …", "with …"."""
    lowers = ctx.lowers
    return lowers[at:at + 3] in (["in", "place", "with"], ["in", "force", "with"]) or lowers[at:at + 1] == ["with"] \
        or _pronoun_relative_with(lowers, at) is not None  # (also "has visiting forces agreements with five countries")


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
    # (a purpose: "the agreement to prevent unregulated high seas fisheries", not "the agreement to Sweden's
    # accession", nor "agreement to host the summit" after a possessive, read before this)
    purpose = k + 1 < sentence.end and lowers[k] == "to" and lowers[end - 1] in {"agreement", "accord", "arrangement"} \
        and lowers[k + 1] in _PURPOSE_VERBS
    # (and what it is for: "the memorandum for joint maritime operations", "an agreement for cooperation in …"; not
    # "an agreement for 2025", "for the period …", "for the first time")
    aim = k + 1 < sentence.end and lowers[k] == "for" and doc[k + 1].is_lower and doc[k + 1].is_alpha \
        and lowers[k + 1] not in _NOT_AIMS
    links = _TOPIC_LINKS | ({"of"} if lowers[end - 1] in _TREATY_HEADS | {"programme", "program"} else set()) \
        | ({"to"} if addendum or purpose else set()) | ({"for"} if aim else set())
    if k >= sentence.end or lowers[k] not in links:
        return None
    j = k + 1
    named = {i for m in sentence.mentions if m.kind in ("actor", "region") and m.form != "coref"
             for i in range(m.start, m.end)}
    places = {i for m in sentence.mentions if m.kind in ("place", "region") for i in range(m.start, m.end)}
    possessed = {i for m in sentence.mentions if m.kind == "actor" and m.form != "coref" and m.start == k + 1
                 and lowers[m.end:m.end + 1] in (["'s"], ["’s"]) for i in range(m.start, m.end + 1)}
    while j < sentence.end:
        token = doc[j]
        if j in possessed:
            j += 1  # "the agreement on Colombia's accession to the OECD", "… on Serbia's participation in …"
            continue
        if j in named and (j > k + 1 or lowers[end - 1] in {"statement", "declaration"}):
            j += 1  # "… for the participation of Canada in European Union crisis management operations", "a joint
            continue  # statement on Sudan"
        if token.lower_ in {"and", ","} and j + 1 < sentence.end and lowers[j + 1] in {"a", "an", "the", "another"}:
            break  # "an MoU on maritime security and an Agreement on …": the next item of a list
        if token.lower_ == "for" and j + 2 < sentence.end and (_is_year(doc[j + 1].text) or lowers[j + 1:j + 3] in (
                ["the", "period"], ["the", "years"])):
            break  # "… of cultural cooperation for the period 2023-2025": its term, not its topic
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
        if token.is_title and j > k + 1 and j + 1 < sentence.end and doc[j + 1].is_lower and doc[j + 1].is_alpha \
                and doc[j - 1].is_lower and lowers[j + 1] not in _TOPIC_STOP | _TIME_LINKS | _FUNCTION_WORDS \
                and token.lower_ not in _CALENDAR_WORDS and j not in named and j not in places:
            j += 1  # a proper adjective inside the topic: "the letter of intent on integrated Nordic air operations"
            continue
        if token.lower_ in _TOPIC_STOP or token.lower_ in _TIME_LINKS or not (token.is_lower or token.lower_ in _TOPIC_WORDS or token.text in {"-", "–"}):
            break
        if token.lower_ in _DAY_WORDS or (token.lower_ in {"this", "last", "next", "that"} and j + 1 < sentence.end
                                          and lowers[j + 1] in _TIME_NOUNS | _SEASONS):
            break  # a time after the topic: "a revised memorandum on the exchange of maritime information this spring"
        j += 1
    while j > k + 1 and (lowers[j - 1] in _TOPIC_WORDS or lowers[j - 1] in {",", "on", "in", "at", "since", "from"}):
        j -= 1  # (nor a preposition of the time after it: "a treaty on allied interaction on Tuesday")
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


def _qualifiers(tokens, head: str) -> tuple[str, ...]:
    # (a link is no qualifier: "the Protocol renewing the defence cooperation agreement" in a headline is the "Protocol
    # amending the Agreement … on Defence Cooperation" of the text)
    words = (t.lower_.rstrip("s") for t in tokens if t.lower_.rstrip("s") != head and _singular(t.lower_) != head
             and _is_word(t) and t.lower_ not in _NOT_QUALIFIERS and t.lower_ not in _TOPIC_LINKS)
    # (the head in the plural is no qualifier: "treaties" is "treaty"'s, not a word "treatie")
    return tuple(w for word in words for w in _SPELLED_OUT.get(word, (word,)))


# acronyms written out in other mentions of one name ("the agreement on the status of the EU Mission in Armenia", "the
# Agreement … on the status of the European Union Mission in Armenia")
_SPELLED_OUT = {"eu": ("european", "union"), "un": ("united", "nation"), "au": ("african", "union"),
                "mou": ("understanding",)}  # ("the MoU", a Memorandum of Understanding)


def _is_word(token) -> bool:
    """Whether a token is a word: letters, with apostrophes inside a name ("N'Djamena")."""
    return token.text.replace("'", "").replace("’", "").isalpha()


# Capitalised words that take "of" inside a name written before its genre: "Status of Forces Agreement"
_OF_HEADS = {"Status", "Exchange", "Exchanges", "Transfer", "Protection", "Law", "Visiting",
             "Security"}  # ("Security of Supply Arrangement")


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
            plural = lowers[mention.end - 1].endswith("s") and lowers[mention.end - 1] not in _INVARIANT
            name = (_singular(mention.name) if plural else mention.name) if another else mention.head
            out.append(replace(mention, start=one, end=one + 1, name_start=one, name_end=one + 1,
                               name=name, capitalised=another and
                               mention.capitalised, qualifiers=mention.qualifiers if another else (),
                               topic=mention.topic if another else (), concluded=concluded, not_yet=False,
                               actors_in_name=[], fresh=True, own=(), partner=None, named_year=None,
                               year=_year_after(ctx, sentence, one + 1) if replaced and concluded else None,
                               known=None, date=None))
    return out


_MODALS = {"to", "will", "would", "shall", "should", "could", "may", "might", "must", "can", "cannot", "not", "yet",
           "soon", "first", "also", "then", "eventually", "finally"}
# what makes the present of a clause a condition or a wish, not a chronology's ("if Japan and the Philippines conclude
# …", "it is vital that Armenia and Azerbaijan conclude …")
_SUBORDINATING = {"if", "once", "when", "whenever", "unless", "until", "till", "before", "that", "whether", "should",
                  "let", "will", "would", "can", "could", "may", "might", "must", "shall"}


def _historic_present(ctx: DocContext, sentence: Sentence, start: int) -> bool:
    """Whether a "conclude" right before an agreement's name has actors as its subject, in the present of
    chronologies and headlines ("Washington and Manila conclude a …", "India and US conclude Security of Supply
    Arrangement"), not "to conclude", "will conclude", "if … conclude", "that … conclude"."""
    lowers = ctx.lowers
    verb = next((k for k in range(start - 1, max(sentence.start, start - 4) - 1, -1) if lowers[k] == "conclude"),
                None)
    if verb is None or verb == sentence.start or lowers[verb - 1] in _MODALS:
        return False
    clause = next((k + 1 for k in range(verb - 1, sentence.start - 1, -1)
                   if lowers[k] in {",", ":", ";", "-", "–", "—"}), sentence.start)
    if _SUBORDINATING & set(lowers[clause:verb]):
        return False  # ("once Japan and the Philippines conclude the …": not concluded yet)
    return any(m.kind == "actor" and m.end == verb for m in sentence.mentions)


def _counted_after_verb(ctx: DocContext, sentence: Sentence, span) -> bool:
    """Whether a lower-case genre in the plural is counted right after a concluding verb: "signed two protocols",
    "concluded three agreements" (what they are, the items after them say)."""
    lowers, k = ctx.lowers, span.start
    if len(span) != 1 or not lowers[k].endswith("s") or k - 2 < sentence.start:
        return False
    return _is_count(lowers[k - 1]) and lowers[k - 2] in _BARE_AFTER


def _items_follow(ctx: DocContext, mention) -> bool:
    """Whether the items of a counted plural follow it: ", on …", ": on …", ", one on …", ", the other on …"."""
    lowers, end = ctx.lowers, mention.sentence.end
    for i in range(mention.name_end, min(end - 2, mention.name_end + 14)):
        one = _one_of(lowers, i + 1) if lowers[i] in {",", ":"} else None
        if one is not None and set(lowers[i + 1 + one:i + 2 + one]) & _ITEM_LINKS:
            return True
    return False
