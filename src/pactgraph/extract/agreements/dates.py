"""Dates of agreements: the dates of a sentence, the day a mention's own concluding phrase gives, and the
date an agreement is recorded with."""

from __future__ import annotations

import bisect
import datetime as _dt
import re

from ..context import DocContext, Sentence
from ...dates import find_dates, find_relative_dates, find_yearless_dates, month_number
from ...sources import dateline_words
from .clusters import _Cluster
from .conclusion import _relative_start
from .cues import (_DATING_VERBS, _GENRE_NOUNS, _HAVE, _HEAD_ALIASES, _MONTHS, _REPLACING, _SIGNING_VERBS, _is_year,
                   _singular)
from .mentions import _AgreementMention

__all__: list[str] = []

_PAST_TIME = {"earlier", "previous", "previously", "last", "ago", "former", "formerly", "since", "already"}
_SEASONS = {"spring", "summer", "autumn", "fall", "winter"}


def _signing_date(ctx: DocContext, mention: _AgreementMention, following: int) -> tuple | None:
    """The day a mention's own concluding phrase gives: a date after the name and before ``following``, where the
    next agreement's name starts (", signed in Warsaw on 8 July 2016", "that the Presidents of A and B signed in
    Bishkek on 13 March"), one before a signing verb that leads to the name ("on 18 October 1983, that our
    predecessors signed the Treaty"), or the document's day for "today" beside that verb ("today signed a
    Memorandum", "adopted today")."""
    sentence, lowers, doc = mention.sentence, ctx.lowers, ctx.doc
    if _approved_by_legislature(ctx, mention):
        return None
    limit = min(sentence.end, following, mention.name_end + 20)
    relative = _relative_start(ctx, sentence, mention.name_end)
    if relative is not None and relative <= mention.name_end + 1:
        # a relative clause whose signers take many words: "…, which President Ilham Aliyev, President of Kazakhstan
        # Kassym-Jomart Tokayev and President of Uzbekistan Shavkat Mirziyoyev signed in Baku on 13 November 2024"
        verb = next((k for k in range(relative + 1, min(sentence.end, following, relative + 40))
                     if lowers[k] in _SIGNING_VERBS), None)
        if verb is not None:
            limit = max(limit, min(sentence.end, following, verb + 10))
    stop = next((k for k in range(mention.name_end + 2, limit) if lowers[k] in {";", "which"}), limit)
    after_lo = doc[mention.name_end].idx + ctx.offset if mention.name_end < sentence.end else None
    after_hi = doc[stop - 1].idx + ctx.offset + len(doc[stop - 1]) if stop > mention.name_end else None
    found = _dates_in(ctx, sentence)
    if after_lo is not None and after_hi is not None:
        date = next((d for d in found if after_lo <= d[0] < after_hi), None)
        if date and not _coarser_time_before(ctx, mention.name_end, date[0]) \
                and not _entered_into_force_before(ctx, mention.name_end, date[0]) \
                and not _approval_day(ctx, sentence, date[0]):
            return date
    lo = max(sentence.start, mention.name_start - 12)
    lo = max([lo] + [k + 1 for k in range(lo, mention.name_start) if lowers[k] in _REPLACING])
    # (not across the verb by which a new one replaces it: "the memorandum that A and B signed today replaces the one
    # that the two ministries signed in 2017")
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


# legislatures, whose approval of an agreement is not its conclusion
_LEGISLATURES = {"parliament", "congress", "senate", "diet", "majlis", "duma", "riksdag", "sejm", "bundestag",
                 "storting", "folketing", "knesset", "legislature", "eduskunta", "cortes", "seimas", "saeima",
                 "riigikogu", "althing", "oireachtas", "verkhovna", "rada", "assembly"}
_APPROVING = {"approved", "approve", "approves", "ratified", "ratify", "ratifies", "consented", "passed", "endorsed"}


def _approved_by_legislature(ctx: DocContext, mention: _AgreementMention) -> bool:
    """Whether a legislature approves the agreement in the mention's own clause ("The Congress of the Republic of
    Guatemala approved the Protocol by Decree 47-2016 of 27 October 2016", "… was ratified by the Senate on …"): the
    day it gives is the approval's, not the conclusion's."""
    lowers, sentence = ctx.lowers, mention.sentence
    k = mention.name_start - 1
    while k > sentence.start and lowers[k] in {"the", "a", "an", "this", "that", "its", "their"}:
        k -= 1
    if k >= sentence.start and lowers[k] in _APPROVING:
        return bool(_LEGISLATURES & set(lowers[sentence.start:k])) \
            and not (_SIGNING_VERBS - _APPROVING) & set(lowers[mention.name_end:sentence.end])
        # (but not when the sentence goes on to its signing: "The National Assembly of Kenya approved the Agreement
        # with Uganda, which the two presidents signed on 4 May 2019")
    after = lowers[mention.name_end:min(sentence.end, mention.name_end + 8)]
    verb = next((i for i, w in enumerate(after) if w in _APPROVING), None)
    return verb is not None and after[verb + 1:verb + 2] == ["by"] and bool(_LEGISLATURES & set(after[verb + 2:verb + 6]))


def _entered_into_force(ctx: DocContext, sentence: Sentence) -> bool:
    """Whether a sentence says an agreement entered into force ("…, which entered into force on 22 January 2021",
    "in force since 2016"): one concluded before, not on the text's day."""
    lowers = ctx.lowers
    return any(lowers[k] == "force" and (lowers[k - 1:k + 1] == ["into", "force"] and lowers[k - 2] in {"entered", "came"}
                                         or lowers[k - 1] == "in" and lowers[k + 1:k + 2] == ["since"])
               for k in range(sentence.start + 2, sentence.end - 1))


def _into_force_day(ctx: DocContext, sentence: Sentence, char: int) -> bool:
    """Whether the date at ``char`` follows "into force" closely ("entered into force on 21 March 2024", "entered
    into force for Kiribati on 20 May"): the day an agreement took effect, not the day it was concluded."""
    k = _token_at(ctx, sentence, char)
    return "force" in ctx.lowers[max(sentence.start, k - 5):k]


def _approval_day(ctx: DocContext, sentence: Sentence, char: int) -> bool:
    """Whether the date at ``char`` follows closely a legislature's approving verb ("…, which the National Assembly
    of Kenya ratified on 3 June 2019", "which Parliament approved on 4 May 2023"): the approval's day, not the
    conclusion's."""
    lowers, k = ctx.lowers, _token_at(ctx, sentence, char)
    verb = next((i for i in range(k - 1, max(sentence.start, k - 4) - 1, -1) if lowers[i] in _APPROVING), None)
    return verb is not None and bool(_LEGISLATURES & set(lowers[max(sentence.start, verb - 6):verb]))


def _token_at(ctx: DocContext, sentence: Sentence, char: int) -> int:
    """The first token of ``sentence`` at or after the character ``char`` (its end if none)."""
    return next((i for i in range(sentence.start, sentence.end) if ctx.doc[i].idx + ctx.offset >= char), sentence.end)


def _entered_into_force_before(ctx: DocContext, start: int, char: int) -> bool:
    """Whether the words from token ``start`` up to the date at ``char`` say it entered into force then ("The Treaty
    entered into force on 7 July 2000"): the day it took effect, not the day it was concluded."""
    k = start
    while k < len(ctx.doc) and ctx.doc[k].idx + ctx.offset < char:
        if ctx.lowers[k] == "force" and ctx.lowers[k - 1] in {"into", "in"}:
            return True
        k += 1
    return False


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
    ``following``, where another agreement's name starts); not the year it entered into force ("The Agreement
    entered into force in 2000": one concluded earlier)."""
    lowers = ctx.lowers
    for k in range(end, min(sentence.end, end + 14, following or sentence.end)):
        if lowers[k] in {";", "which", "and"} and k > end + 1 or lowers[k] == "force":
            break
        if _is_year(lowers[k]):
            return lowers[k]
    return None


def _date(ctx: DocContext, cluster: _Cluster, concluding):
    """Return (date, sentence, (start, end) or None)."""
    meta_date = ctx.source.metadata.get("date")
    final = cluster.instrument.final if cluster.instrument is not None else None
    if final is not None and _dates_in(ctx, final):  # "Done at Cholpon-Ata on 21 July 2022, in a single original"
        day = _dates_in(ctx, final)[0]
        return day[2], final, (day[0], day[1])
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
        if mention.ended or _approved_by_legislature(ctx, mention):
            continue  # (the day of "Chad ended its defence cooperation accord … on 28 November" is the end's, the
            # day "the Parliament of Ghana approved the Agreement" the approval's)
        sentence = mention.sentence
        found = [d for d in _dates_in(ctx, sentence)
                 if not _into_force_day(ctx, sentence, d[0]) and not _approval_day(ctx, sentence, d[0])]
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
    fields = [_signed_field(ctx, m) for m in cluster.mentions]
    fields = [f for f in fields if f is not None]
    if fields:  # a record of fields: "Title: Agreement between … \n Signed: 7 December 2023, Canberra"
        day, sentence, span = fields[0]
        return (day, sentence, span) if day else (None, None, None)  # ("Signed: 1977": no day, and not the text's)
    for mention in cluster.mentions:  # "… learned the Rio Protocol as a wound. It was signed in Rio on 29 January 1942"
        after = _it_was_signed(ctx, mention)
        found = _dates_in(ctx, after) if after is not None else ()
        if found:
            return found[0][2], after, (found[0][0], found[0][1])
    for mention in concluding:  # an item of "… the following instruments, signed at Dhaka on 24 August 2025 …:"
        found = _heading_days(ctx, mention.heading) if mention.heading is not None else ()
        if len({d[2] for d in found}) == 1:
            return found[0][2], mention.heading, (found[0][0], found[0][1])
    if meta_date and concluding:
        for mention in concluding:
            if mention.standing or mention.ended or _past_reference(ctx, mention.sentence) \
                    or _entered_into_force(ctx, mention.sentence) or _approved_by_legislature(ctx, mention) \
                    or (mention.named_year or mention.year or meta_date[:4]) != meta_date[:4]:
                continue  # (not the day of the text for "the Military Bases Agreement of March 1947")
            if ctx.source.metadata.get("genre", "") in {"", "press-release", "joint-statement", "joint-declaration",
                                                         "speech", "transcript", "press-statement", "communique"}:
                return meta_date, mention.sentence, None
    return None, None, None


def _past_reference(ctx: DocContext, sentence: Sentence) -> bool:
    """ "agreed in 2014", "adopted in Paris in July 2023", "dates from 1991", "the previous programme", "last year",
    "this spring"."""
    doc = ctx.doc
    for i in range(sentence.start, sentence.end):
        token = doc[i]
        if token.lower_ in _PAST_TIME and (token.lower_ != "already" or doc[i - 1].lower_ in _HAVE or (
                i + 1 < sentence.end and doc[i + 1].lower_ in _HAVE | _SIGNING_VERBS)):
            return True  # ("The Philippines already has a Visiting Forces Agreement", "had already signed"; not "the
            # cooperation already in place" beside one signed today)
        if token.lower_ == "later" and i - 1 > sentence.start and doc[i - 1].lower_ in {
                "years", "year", "months", "month", "weeks", "decades"}:
            return True  # "Five years later, in the Memorandum on …": a narrative of the past
        if token.text in _SEASONS and i > sentence.start and (doc[i - 1].lower_ in {"this", "last", "in"} or (
                doc[i - 1].lower_ == "that" and token.text not in {"fall", "spring"})):
            return True  # "This spring, …, the five Nordic countries signed a revised memorandum": not today (but
            # "two arrangements that fall under the framework" is a verb)
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


def _dates_in(ctx: DocContext, sentence: Sentence, same_day: bool = True) -> tuple:
    """Dates in a sentence as (char start, char end, ISO date); one written without its year ("On 6 October") takes
    the year of the document's date; "the same day" the day told before (unless not ``same_day``, which is not kept).
    Read once per sentence: a mention's signing day, its name and its agreement's date all ask."""
    cached = ctx.sentence_dates.get(sentence.index)
    if cached is not None:
        return cached
    text = ctx.text[sentence.char_start:sentence.char_end]
    found, relative = find_dates(text), []
    if ctx.date is not None:
        year = _heading_year(ctx, sentence.char_start) or _narrative_year(ctx, sentence)
        reference = _dt.date(year, 12, 31) if year and year < ctx.date.year else ctx.date
        found += [d for d in find_yearless_dates(text, reference) if not any(s <= d[0] < e for s, e, _ in found)]
        relative = [d for d in find_relative_dates(text, ctx.date) if not any(s <= d[0] < e for s, e, _ in found)]
        found += relative
    if same_day and not found and (same := _SAME_DAY.search(text)) is not None \
            and not _ANOTHER_YEAR.search(text) and not _IN_A_YEAR.match(text, same.end()):
        day = _day_told_before(ctx, sentence)
        if day is not None:  # "Two other instruments were exchanged in Colombo the same day: …"
            found = [(same.start(), same.end(), day)]
    if relative and (sentence.char_start == 0 or ctx.text[sentence.char_start - 1] == "\n"):
        found = [d for d in found if not _in_dateline(text, d[0], d[1])]
        # (the dateline's day gives way to a day told from it, "on Wednesday"; not to the day of something else,
        # "Manila, 12 March 2024 – … today adopted this Joint Statement, following talks held on 11 March")
    dates = tuple((sentence.char_start + s, sentence.char_start + e, iso) for s, e, iso in sorted(found))
    if same_day:
        ctx.sentence_dates[sentence.index] = dates
    return dates


# what a day of a list's heading is not the items' after: "under negotiation since 3 March 2019"
_NOT_THE_SIGNING = re.compile(r"\b(?:since|until|till|from|before)\s+(?:the\s+)?$", re.I)


def _heading_days(ctx: DocContext, heading: Sentence) -> list:
    """The days the heading of a list gives its items ("The following instruments, signed at Dhaka on 24 August
    2025 …:"): not a day of something else ("…, under negotiation since 3 March 2019, were signed …:", "…, which
    replace those signed on 3 March 2019, were exchanged …:")."""
    lowers = ctx.lowers
    replaced = next((ctx.doc[k].idx + ctx.offset for k in range(heading.start, heading.end)
                     if lowers[k] in _REPLACING or lowers[k] in {"replace", "update", "supersede"}), None)
    return [d for d in _dates_in(ctx, heading) if (replaced is None or d[0] < replaced)
            and not _NOT_THE_SIGNING.search(ctx.text[max(heading.char_start, d[0] - 16):d[0]])]


_TITLE_FIELD = re.compile(r"[ \t]*(?:[\w.]+[ \t]+)?(?:Title|Instrument|Name)[ \t]*:", re.I)
_SIGNED_FIELD = re.compile(r"[ \t]*(?:Signed|Date of signature|Date signed|Signature|Signing)[ \t]*(?:on|at)?[ \t]*:", re.I)


def _signed_field(ctx: DocContext, mention: _AgreementMention) -> tuple | None:
    """In a record of fields, the signing field a few lines under the title line that names the agreement ("B.2
    Title: Agreement between … \n Signed: 7 December 2023, Canberra") as (ISO day or ``None`` for a year or month
    alone, its sentence, its span); ``None`` when the mention is not in such a record."""
    text = ctx.text
    at = ctx.offset + ctx.doc[mention.name_start].idx
    line_start = text.rfind("\n", 0, at) + 1
    if not _TITLE_FIELD.match(text, line_start):
        return None
    k = text.find("\n", at)
    for _ in range(6):
        if k < 0:
            return None
        end = text.find("\n", k + 1)
        line = text[k + 1:end if end >= 0 else len(text)]
        if not line.strip() or _TITLE_FIELD.match(line):
            return None  # (the record ends)
        field = _SIGNED_FIELD.match(line)
        if field:
            found = find_dates(line[field.end():])
            if not found:
                return None, None, None
            start = k + 1 + field.end() + found[0][0]
            sentence = next((s for s in ctx.sentences[mention.sentence.index:] if start < s.char_end), mention.sentence)
            return found[0][2], sentence, (start, start + found[0][1] - found[0][0])
        k = end
    return None


def _it_was_signed(ctx: DocContext, mention: _AgreementMention) -> Sentence | None:
    """The next sentence, when it tells the signing of the one agreement its sentence before names with "It was
    signed …" ("Every cadet learned the Rio Protocol as a wound. It was signed in Rio de Janeiro on 29 January
    1942, …"); else ``None``."""
    index = mention.sentence.index + 1
    if index >= len(ctx.sentences) or ctx.text[mention.sentence.char_end:ctx.sentences[index].char_start].count("\n") > 1:
        return None  # (not across a paragraph's end)
    sentence, lowers = mention.sentence, ctx.lowers
    if any(_HEAD_ALIASES.get(_singular(w), _singular(w)) in _GENRE_NOUNS
           for w in lowers[sentence.start:mention.name_start] + lowers[mention.name_end:sentence.end]):
        return None  # (not when it names another: "… the Strategic Partnership Agreement, which builds on the Treaty
        # of Friendship they concluded in 1994. It was signed …" dates the one or the other)
    after = ctx.sentences[index]
    words = lowers[after.start:min(after.end, after.start + 4)]
    verb = words[2:3] if words[:2] == ["it", "was"] else words[3:4] if words[:3] == ["it", "had", "been"] else []
    return after if verb and verb[0] in _DATING_VERBS else None


_SAME_DAY = re.compile(r"\b(?:the|that)\s+same\s+(?:day|date|occasion)\b|\b(?:on|at)\s+that\s+(?:occasion|day)\b", re.I)
# (also "On that occasion the two governments signed six instruments", after "the State Visit … on July 8")
# an anniversary, not the day told before: "Twenty-seven years earlier, on the same day, …", "the same day a year
# later", "On the same day in 1997"
_ANOTHER_YEAR = re.compile(r"\b(?:years?|decades?|centur(?:y|ies))\s+(?:earlier|later|ago|before|after)\b", re.I)
_IN_A_YEAR = re.compile(r"\s*,?\s*(?:in|of)\s+\d{4}\b")


def _day_told_before(ctx: DocContext, sentence: Sentence, reach: int = 12) -> str | None:
    """The last day the text gives before a sentence that says "the same day", within ``reach`` sentences ("The
    MoU was signed at Colombo on 5th April, 2025 …" … "Two other instruments were exchanged in Colombo the same
    day"), also written without its year ("… signed … on 5 April", after a dateline's "7 April 2025")."""
    for previous in reversed(ctx.sentences[max(0, sentence.index - reach):sentence.index]):
        told = _dates_in(ctx, previous, same_day=False)
        if told:
            return told[-1][2]
    return None


# what ends a dateline after its date: "TOKYO, Jan 12 (Reuters) - ", "Madrid, 8 July (dpa) – ", "Colombo, Apr 5 (PTI) "
_DATELINE_END = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[-–—:|]\s|\([A-Z][^()]{0,30}\)\s)")


def _in_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start``–``end`` of a paragraph's first sentence is its dateline's ("TOKYO, Jan 12
    (Reuters) - Japan and Britain signed … on Wednesday"): the day the text was written, not the day of what it
    tells when the sentence tells a day from it."""
    return start <= 40 and dateline_words(text[:start]) and _DATELINE_END.match(text, end) is not None


def _dates_of_listed(ctx: DocContext, sentence: Sentence, keys: list[str]) -> dict[str, tuple] | None:
    """The day each state of a list concluded its own agreement, written after its name: "the United Kingdom first,
    in Kyiv on 12 January, then France and Germany on 16 February, Italy on 24 February, Spain in May" → the UK 12
    January, France and Germany 16 February, Italy 24 February, Spain none; or before it, when the list opens with a
    day: "on 12 January the United Kingdom, on 16 February France and Germany". ``None`` when the list gives no
    day."""
    named = []
    for key in keys:
        m = next((a for a in reversed(sentence.mentions) if a.kind == "actor" and a.key == key), None)
        if m is None:
            return None
        named.append(m)
    order = sorted(range(len(named)), key=lambda i: named[i].start)
    found = _dates_in(ctx, sentence)
    char = [(m.char_start, m.char_end) for m in named]
    first = char[order[0]][0]
    fronted = any(d[1] <= first and ctx.text[d[1]:first].strip().lower() in {"", "the"} for d in found)
    out: dict[str, tuple] = {}
    for pos, i in enumerate(order):
        if fronted:  # (the day before the name: "on 16 February France")
            start = char[order[pos - 1]][1] if pos else sentence.char_start
            out[keys[i]] = next((d for d in reversed(found) if start <= d[0] and d[1] <= char[i][0]), None)
            continue
        stop = char[order[pos + 1]][0] if pos + 1 < len(order) else sentence.char_end
        out[keys[i]] = next((d for d in found if char[i][1] <= d[0] < stop), None)
    pairs = [(order[pos], order[pos + 1]) for pos in range(len(order) - 1)]
    for i, j in (pairs if fronted else [(j, i) for i, j in reversed(pairs)]):
        # ("France and Germany on 16 February", "France, Germany and Denmark on 16 February": the day after the group;
        # "on 16 February France and Germany": the one before it)
        if out[keys[j]] is None and ctx.lowers[min(named[i].end, named[j].end):max(named[i].start, named[j].start)] \
                in (["and"], [","], [",", "and"]):
            out[keys[j]] = out[keys[i]]
    if not any(out.values()):
        return None
    return {key: (d[2], sentence, (d[0], d[1])) if d else (None, None, None) for key, d in out.items()}


# a line that is a year ("2024", "## 2024", "2024:") heads what follows; one that opens with it ("1972 | 9 October -",
# "2004: …") dates its own day
_YEAR_LINE = re.compile(r"^[#*\t ]*(?P<year>(?:19|20)\d{2})[*\t ]*(?P<rest>[|:–—-].*)?$", re.M)


_SEQUENCE_WORDS = {"later", "afterwards", "followed", "then"}
# … and these before a time noun only ("the following day", "the next morning", "the same week"; not "The following
# documents were signed on 3 June", "The next meeting will take place on 4 June")
_SEQUENCE_BEFORE_TIME = {"following", "next", "same"}
_TIME_NOUNS = {"day", "days", "week", "month", "year", "morning", "afternoon", "evening", "night", "spring", "summer",
               "autumn", "winter"}


def _narrative_year(ctx: DocContext, sentence: Sentence) -> int | None:
    """The year a story of past events has reached: that of the last full date of the sentence before, in the same
    paragraph ("… was signed in Washington on 30 August 1951. Two days later, on 1 September, …")."""
    words = ctx.tokens_lower(sentence)
    if sentence.index == 0 or not (set(words) & _SEQUENCE_WORDS or any(
            w in _SEQUENCE_BEFORE_TIME and after in _TIME_NOUNS for w, after in zip(words, words[1:]))) \
            or {"will", "shall"} & set(words):
        return None  # (a story's next step, not "The ministers met on 3 June", which is the document's year, nor a
        # plan: "They will meet again later this year, on 3 June")
    previous = ctx.sentences[sentence.index - 1]
    if "\n" in ctx.text[previous.char_end:sentence.char_start]:
        return None
    full = find_dates(ctx.text[previous.char_start:previous.char_end])
    return int(full[-1][2][:4]) if full else None


def _heading_year(ctx: DocContext, char: int) -> int | None:
    """The year a chronology gives the line at ``char``: the date or the year that opens that line ("• Sept. 16,
    1991: … signed … on Aug. 27", "1972 | 9 October - A second … agreement … is signed"), else the last line before it
    that is only a year ("2024" then "- 12 January: …")."""
    if ctx.year_lines is None:
        ctx.year_lines = [(m.start(), int(m.group("year")), bool(m.group("rest") and m.group("rest")[1:].strip()))
                          for m in _YEAR_LINE.finditer(ctx.text)]
    lines = ctx.year_lines
    line_start = ctx.text.rfind("\n", 0, char) + 1
    head = ctx.text[line_start:line_start + 30]
    opening = next((d for d in find_dates(head) if d[0] <= 4 and head[:d[0]].strip(" •*-–") == ""), None)
    if opening is not None:
        return int(opening[2][:4])  # ("• Sept. 16, 1991: The Senate … rejects the Treaty … signed … on Aug. 27")
    at = bisect.bisect_right(lines, (char, 10_000, True)) - 1
    if at < 0:
        return None
    start, year, opens = lines[at]
    if opens:
        return year if start == line_start else next(
            (y for s, y, o in reversed(lines[:at + 1]) if not o), None)
    return year
