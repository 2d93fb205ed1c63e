"""Cues that a mention is concluded, or only planned: concluding verbs and participles around the name,
relative clauses, asides, lists under a heading and what a sentence says of the agreements before."""

from __future__ import annotations

from ..clauses import coordinated_before, coordinated_from
from ..context import POLITICAL, DocContext, Sentence
from ..words import ORDINALS
from .cues import (GENRES, _ALONG, _CONCLUDE, _CONCLUSION_NOUNS, _FINITE, _GENRE_NOUNS, _HOPED_ADJECTIVES, _ITEM_LINKS,
                   _MEMORANDA, _NOT_YET, _PARTICIPLES, _RELATIVE_VERBS, _SIGNING_VERBS, _STANDING_VERBS)
from .clusters import _repeated_link
from .mentions import _AgreementMention

__all__: list[str] = []

_PASSIVE_AUX = {"was", "were", "been", "is", "are"}

_POSSESSIVES = {"its", "their", "our", "his", "her", "your"}

_HOPED_CONCLUSION = _HOPED_ADJECTIVES | {"for", "towards", "toward", "to", "on", "at"}

_RAISING = {"raise", "raises", "raised", "raising", "elevate", "elevates", "elevated", "elevating", "upgrade",
            "upgrades", "upgraded", "upgrading", "lift", "lifted", "lifting", "elevation"}
_RELATION_WORDS = {"relationship", "relations", "ties", "partnership", "cooperation"}


def _raised_to(ctx: DocContext, sentence: Sentence, start: int, modifier_at: int | None = None) -> bool:
    """Whether a partnership is what relations are raised to: "agreed to raise the relationship between New Zealand
    and Viet Nam to a Comprehensive Strategic Partnership", "have raised their relations to the level of a
    comprehensive strategic partnership", "elevated the bilateral relationship to an Enhanced Strategic Partnership".
    ``start`` is the name's (or, with ``modifier_at``, its modifiers') first token."""
    return _raising_verb(ctx, sentence, start, modifier_at) is not None


def _raising_verb(ctx: DocContext, sentence: Sentence, start: int, modifier_at: int | None = None) -> tuple | None:
    """The (verb, "to") tokens of what :func:`_raised_to` reads, or ``None``."""
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
        return None
    verb = next((j for j in range(k - 1, max(sentence.start, k - 16) - 1, -1) if lowers[j] in _RAISING), None)
    return (verb, k) if verb is not None and set(lowers[verb + 1:k]) & _RELATION_WORDS else None


def _raisers(ctx: DocContext, sentence: Sentence, start: int) -> list[str]:
    """Who raised their relations to the partnership named at ``start``: the two or more actors of "the relationship
    between New Zealand and Viet Nam", "the India-Poland relationship", or else those coordinated right before the
    verb ("Seoul and Ulaanbaatar raised their relations to a strategic partnership")."""
    found = _raising_verb(ctx, sentence, start)
    if found is None:
        return []
    verb, to = found
    actors = [a for a in ctx.actors_in(sentence, POLITICAL, coref=False) if a.form not in ("adjective", "member")]
    inside = list(dict.fromkeys(a.key for a in actors if verb < a.start and a.end <= to))
    if len(inside) >= 2:
        return inside
    return _subjects_before(ctx, sentence, verb, {"have", "has", "had", "to", "agreed", "decided", "today", "also"})


def _subjects_before(ctx: DocContext, sentence: Sentence, verb: int, skipped) -> list[str]:
    """The two or more actors coordinated right before the verb at token ``verb``, over the ``skipped`` words between
    ("Paraguay and Argentina signed …", "Seoul and Ulaanbaatar raised …"); none otherwise."""
    k = verb - 1
    while k > sentence.start and ctx.lowers[k] in skipped:
        k -= 1
    before = [a for a in ctx.actors_in(sentence, POLITICAL, coref=False)
              if a.end <= k + 1 and a.form not in ("adjective", "member")]
    if not before or before[-1].end != k + 1:
        return []
    keys = list(dict.fromkeys(a.key for a in coordinated_before(before, ctx.lowers)))
    return keys if len(keys) >= 2 else []


def _authorised_only(before: list[str]) -> bool:
    """Whether the words before a name decide on or authorise its signature, which is still to come: "adopted a
    decision on the signing, provisional application and conclusion, on behalf of the Union, of the agreement …",
    "authorised the signature of the memorandum"."""
    for j, word in enumerate(before):
        if word in {"decision", "decisions", "authorised", "authorized", "authorising", "authorizing", "authorises",
                    "authorizes", "mandate", "mandated"} and set(before[j + 1:]) & _CONCLUSION_NOUNS:
            return True
    return False


def _set_out(ctx: DocContext, mention: _AgreementMention) -> bool:
    """Whether a mention is what something "sets out", "lays out" or "outlines": the content of a text named before
    ("…, which sets out a roadmap for ending the war")."""
    lowers, k = ctx.lowers, mention.name_start
    if k - 1 > mention.sentence.start and lowers[k - 1] in {"a", "an", "the"}:
        k -= 1
    return (k - 2 >= mention.sentence.start and lowers[k - 1] == "out" and lowers[k - 2] in {
        "sets", "set", "setting", "lays", "laid", "lay", "laying"}) or (
        k - 1 >= mention.sentence.start and lowers[k - 1] in {"outlines", "outlined", "outlining"})


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


_LIST_NOUNS = _MEMORANDA | {"agreements", "documents", "mous", "instruments", "outcomes", "arrangements", "following"}


def _list_heading(ctx: DocContext, sentence: Sentence, name_start: int) -> Sentence | None:
    """The heading that concludes the items of a list whose item an agreement opens ("The following agreements were
    signed:", "List of MoUs exchanged", "Outcomes"), or ``None``: its day is theirs ("… the following instruments,
    signed at Dhaka on 24 August 2025 …:")."""
    lowers = ctx.lowers
    opening = [w for w in lowers[sentence.start:name_start] if w not in {"(", ")", ".", "-", "–", "•", "*"}
               and not _item_marker(w)]
    if lowers[sentence.start:sentence.start + 2] in (["a", ")"], ["a", "."]):
        opening = opening[1:] if opening[:1] == ["a"] else opening
    if len(opening) > 1 or (opening and opening[0] not in {"a", "an", "the"}):
        return None
    bulleted = _bulleted_heading(ctx, sentence)
    if bulleted is not None:
        return bulleted
    k = sentence.index - 1
    while k >= 0 and sentence.index - k <= 30:  # (a list of fifteen items, each number read as a sentence of its own)
        prev = ctx.sentences[k]
        words = lowers[prev.start:prev.end]
        if all(not w.isalpha() or (len(w) <= 4 and w.strip("ivx") == "") for w in words):
            k -= 1  # an item's number alone: "1.", "(ii)"
            continue
        if set(words) & _LIST_NOUNS and (set(words) & (_CONCLUDE | _WITNESSED) or words[:2] in (["list", "of"], ["outcomes"])) \
                and (words[-1] == ":" or words[:2] == ["list", "of"] or words[:1] == ["outcomes"] or len(words) <= 8):
            return prev  # (a short heading: "A. MoUs and Agreements exchanged")
        if words[:2] in (["exchanged", "by"], ["signed", "by"]) or words[:3] in (["exchanged", "by", ":"],):
            k -= 1  # "Exchanged by: Shri X, …; and Mr Y, …" under each item
            continue
        # an earlier item of the same list: it too opens with an agreement's genre (bulleted lines are read by
        # _bulleted_heading)
        if not _opens_with_genre(ctx, prev):
            return None
        k -= 1
    return None


def _lists_the_ones_before(ctx: DocContext, mention: _AgreementMention) -> bool:
    """A sentence that lists the documents the sentence before concluded: "… signed a number of documents. These
    include an intergovernmental agreement on …", "Among them were a memorandum of understanding on …"."""
    sentence = mention.sentence
    opening = ctx.lowers[sentence.start:min(sentence.end, sentence.start + 3)]
    if sentence.index == 0 or not (opening[:2] in (["these", "include"], ["these", "included"], ["they", "include"],
                                                   ["they", "included"], ["among", "them"], ["these", "were"],
                                                   ["they", "were"])):
        return False
    if any(w in {";", "which", "that"} for w in ctx.lowers[sentence.start:mention.name_start]):
        return False
    # the list begins right after the opening (not "They were also briefed on the agreement on fisheries …")
    lead = sentence.start + 2 + (opening[:2] == ["among", "them"] and opening[2:] in (["were"], ["was"], ["are"]))
    if lead < mention.name_start and not (ctx.lowers[lead] in {"a", "an", "the", ":", "two", "three", "four", "five"}
                                          | _GENRE_NOUNS | _DOCUMENT_NOUNS
                                          or ctx.lowers[lead].isdigit() or ctx.doc[lead].text[:1].isupper()):
        return False
    k = sentence.index - 1
    while k > 0 and not any(w.isalpha() for w in ctx.tokens_lower(ctx.sentences[k])):
        k -= 1  # (the paragraph's break)
    words = set(ctx.tokens_lower(ctx.sentences[k]))
    return bool(words & (_CONCLUDE | _WITNESSED) and words & _DOCUMENT_NOUNS and not words & (_NOT_YET | _TO_COME))


_TO_COME = {"will", "shall", "next", "expected", "upcoming"}  # (documents still to be signed)


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


def _bulleted_heading(ctx: DocContext, sentence: Sentence) -> Sentence | None:
    """The sentence opens a bulleted line, and the lines above it are items with the same bullet up to a heading
    that concludes them ("Seven instruments were exchanged in the presence of the two leaders:"), read by lines:
    an item may hold several sentences ("signed by Secretary Ma. Theresa Lazaro")."""
    text = ctx.text
    start = text.rfind("\n", 0, sentence.char_start) + 1
    line = text[start:sentence.char_start + 1].strip()
    if not line or line[0] not in _BULLETS:
        return None
    bullet = line[0]
    for _ in range(40):
        if start <= 1:
            return None
        end = start - 1
        previous = text.rfind("\n", 0, end) + 1
        above = text[previous:end].strip()
        start = previous
        if not above or above[0] == bullet:
            continue
        words = {w.strip(".,;:()").lower() for w in above.split()}
        if above.endswith(":") and words & _LIST_NOUNS and words & (_CONCLUDE | _WITNESSED):
            k = sentence.index  # the sentence that ends the heading's line, counted back from the item's (not the one
            # before an indented heading: "  The following MoUs were exchanged …:")
            while k > 0 and ctx.sentences[k].char_start >= end:
                k -= 1
            return ctx.sentences[k]
        return None
    return None


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
    bilateral agreement with Kinshasa", "remain in Cabo Delgado under a bilateral arrangement with Mozambique", "take
    part under framework participation agreements with the Union". ``before`` are the words before the name (without
    "new", "own")."""
    if before[-1:] in (["under"], ["through"]):
        determiner = None  # (a plural: "under framework participation agreements with the Union")
    elif before[-2:-1] in (["under"], ["through"]):
        determiner = before[-1]
    else:
        return False
    if determiner in _POSSESSIVES and capitalised:
        # (but "Through its Mutual Assistance Programme, New Zealand will …" is a national programme)
        return before[-2] == "under" or ctx.lowers[end - 1] not in {"programme", "program"} or len(before) > 2
        # ("the reforms Georgia has pursued through its Annual National Programme": not where the sentence opens)
    if determiner is not None and determiner not in _POSSESSIVES | {"the", "a", "an"}:
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


_TERM_WORDS = {"for", "to", "period", "-", "–", "from", "until"}


def _share_conclusion(ctx: DocContext, mentions: list[_AgreementMention]) -> None:
    """Agreements coordinated after one concluding verb are all concluded: "the two sides exchanged an MoU on …
    and an Agreement on …"."""
    for before, after in zip(mentions, mentions[1:]):
        if before.sentence is not after.sentence or after.concluded or not before.concluded:
            continue
        between = [w for w in ctx.lowers[before.name_end:after.name_start]
                   if not (w.isdigit() or w in _TERM_WORDS)]  # (a term after the first: "… for 2025 to 2028, and …")
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
        lo = max(mention.sentence.start, mention.name_start - 60)  # (the third item of a long list, too)
        mark = next((j for j in range(mention.name_start - 1, lo, -1) if lowers[j] in {":", "including"}
                     or lowers[j - 1:j + 1] == ["among", "them"]), None)
        if (mark is None or mark - mention.sentence.start <= 2) and _lists_the_ones_before(ctx, mention):
            mention.concluded = True  # "The two sides signed eleven documents. These include an agreement on …",
            continue  # "… witnessed the signing of 14 cooperation documents. Among them were a memorandum …"
        if mark is None or any(lowers[j] in {";", "which", "that"} for j in range(mark, mention.name_start)):
            continue
        item = max((j for j in range(mark, mention.name_start) if lowers[j] in {",", ":", ";"}), default=mark) + 1
        if lowers[item] in _ITEM_LINKS:
            continue  # (the topic of an item: "signed three memoranda: on …, on an AI and Semiconductor Partnership")
        before = lowers[max(mention.sentence.start, mark - 14):mark]
        # (also "the two leaders witnessed the exchange of cooperation documents …, including …")
        if set(before) & (_CONCLUDE | _WITNESSED) and set(before) & _DOCUMENT_NOUNS and not set(before) & _NOT_YET:
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
        # (also "the implementation of the Memorandum … and of the Memorandum …, which the two Ministers signed")
        if between and set(between) <= {",", "and", "the"} | _repeated_link(ctx.doc, before) and "and" in between \
                and (set(ctx.lowers[after.name_end:after.name_end + 3]) & {"both", "all", "each"}
                     or _plural_relative(ctx, after)):
            before.concluded, before.not_yet = True, after.not_yet


_DOCUMENT_NOUNS = _MEMORANDA | {"instruments", "documents", "texts", "agreements", "treaties", "accords", "arrangements",
                                "protocols"}


def _plural_relative(ctx: DocContext, mention: _AgreementMention) -> bool:
    """ "the Manama Declaration and the Executive Programme for 2016-2017, which the First Ministerial Meeting
    adopted": a relative clause right after the last of two names, with no singular verb, concludes both."""
    start = _relative_start(ctx, mention.sentence, mention.name_end)
    if start is None or start - mention.name_end > 1 or _relative_conclusion(ctx, mention.sentence, mention.name_end) \
            is not True:
        return False
    return not set(ctx.lowers[start:min(mention.sentence.end, start + 8)]) & {"was", "is", "has", "itself"}


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


_AFTER_STOP = {";", ":", "(", "will", "would", "shall", "should", "could", "can", "must", "to", "not", "never", "yet",
               "be", "being", "if", "once", "when", "until", "before", "after", "unless", "whether"}


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
    place = next((i for i in range(j, max(sentence.start, j - 5), -1) if lowers[i] in {"in", "at"}
                  and all(ctx.doc[t].is_title for t in range(i + 1, j + 1))), None)
    if place is not None and place < j:
        j = place - 1  # (its place: "the signature in New York, on 23 September 2008, of the Joint Declaration …")
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
        if word in _PARTICIPLES or (word == "done" and lowers[k + 1:k + 2] in (["at"], ["in"])):
            return True  # (also the final clause's word: "…, done at Brussels on February 6, 2019")
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
            return j < sentence.end and (lowers[j] in _CONCLUDE and lowers[j].endswith("ed") or (
                lowers[j] == "done" and lowers[j + 1:j + 2] in (["at"], ["in"])))  # ("This Protocol was done in
            # Isfara on 14 June 2025 in two original copies": the final clause of the text itself)
        if word in {"will", "would", "should", "has", "have", "had", "is", "are", ";", "and"}:
            return False
    return False


_RELATIVE_CONCLUDING = _RELATIVE_VERBS | _STANDING_VERBS | {
    "adopted", "endorsed", "approved", "ratified", "issued", "names", "signatures", "renewed", "entered"}


_FINISHING = {"following", "after", "culmination", "outcome", "result", "upon"}  # (not "concluded the negotiations on
# a comprehensive economic partnership agreement, which we expect to sign": the agreement is still to come)


_FIRST_TO = ORDINALS | {"last", "latest", "only", "next"}  # ("became the first / only country to conclude …")


def _first_to_conclude(words: list[str]) -> bool:
    """Whether ``words`` (those before a name) end on "became the first country to conclude/sign …", which tells that
    it was concluded, though the verb is an infinitive."""
    for j in range(1, len(words) - 1):
        if words[j] == "to" and words[j + 1] in {"conclude", "sign", "adopt", "ratify", "join", "agree"} \
                and set(words[max(0, j - 5):j]) & _FIRST_TO \
                and set(words[max(0, j - 8):j]) & {"became", "was", "were", "become", "becomes", "is"}:
            return True
    return False


_ENDING = {"ended", "ends", "terminated", "terminates", "denounced", "denounces", "abrogated", "abrogates",
           "suspended", "suspends", "withdrew", "withdraws", "withdrawn", "leave", "leaves", "left", "quit", "quits",
           "exited", "renounced", "renounces", "revoked", "revokes", "annulled", "scrapped", "tore", "pulled"}


def _ended(pre: list[str]) -> bool:
    """Whether the words right before a name end it ("ended its defence cooperation accord", "pulled out of the INF
    Treaty", "will leave the Open Skies Treaty", "withdrew from the JCPOA"): it had been concluded."""
    near = pre[-5:]
    verb = next((j for j in range(len(near) - 1, -1, -1) if near[j] in _ENDING), None)
    if verb is None or set(near[verb:]) & (_NOT_YET | {"talks", "negotiations", "discussions"}):
        return False
    between = near[verb + 1:]
    return set(between) <= {"out", "of", "from", "the", "its", "their", "our", "his", "her", "up", "a", "an", "on",
                            "this", "that", "both", "all"}


_EFFECT_VERBS = {"allows", "enables", "permits", "governs", "regulates", "authorises", "authorizes", "entitles",
                 "provides", "underpins"}
_IMPLEMENTED = {"implemented", "implementing", "applied", "applying", "operated", "operating"}


def _in_effect(pre: list[str], after: list[str]) -> bool:
    """Whether the words around a name say it has effect now: "The shiprider agreement allows Fijian officers to
    board …", "has implemented an Additional Protocol … since 2004", "is implementing the roadmap"."""
    if after[:1] and after[0] in _EFFECT_VERBS:
        return True
    if after[:1] in (["between"], ["with"]):  # "The shiprider agreement between Fiji and the United States allows …"
        verb = next((j for j, w in enumerate(after) if w in _EFFECT_VERBS | _FINITE | {",", "will", "would", "could",
                                                                                   "may", "might", "to"}), None)
        if verb is not None and after[verb] in _EFFECT_VERBS:
            return True
    near = pre[-4:]
    at = next((j for j in range(len(near)) if near[j] in _IMPLEMENTED), None)
    return at is not None and at > 0 and near[at - 1] in {"has", "have", "had", "is", "are", "was", "were", "been",
                                                          "fully", "successfully", "jointly"} \
        and set(near[at + 1:]) <= {"the", "a", "an", "its", "their", "our", "this"}


def _finished_talks(words: list[str]) -> set[str]:
    """The words for negotiations among ``words`` that speak of negotiations already ended ("Following the
    negotiations, the Presidents signed …", "signed after two years of negotiations"), so not of an agreement still
    being negotiated."""
    return {w for j, w in enumerate(words) if w in {"negotiations", "negotiation", "talks"}
            and set(words[max(0, j - 4):j]) & _FINISHING}
