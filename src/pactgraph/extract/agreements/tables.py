"""Agreements a table lists by partner and kind: a header row that names kinds of agreement ("Partner | ACSA |
Information Security Agreement | RAA", the abbreviations as the text defines them) and a row per partner whose cells
say whether and when each was signed ("Australia | Signed Jan. 2017; in force | Signed May 2012; in force | Under
negotiation"). Each signed cell is one agreement between the text's own state (or organization) and the row's
partner, shown by the row, dated by a full day the cell gives. White papers, yearbooks and briefs set out a state's
agreements this way; tables with one agreement per row ("Partner | Agreement | Date") are read as sentences. A table of
partners alone ("Partner | Date of signature | Place | Status") under a heading that names their kind in the plural
("Framework Participation Agreements with partners in …") gives one agreement of that kind per dated row."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...dates import find_dates
from ...namespaces import ID
from ..context import POLITICAL, DocContext, Sentence
from .clusters import _Cluster
from .cues import GENRES
from .mentions import _AgreementMention
from .recording import _singular_name

__all__: list[str] = []

_SIGNED_CELL = re.compile(r"\s*(?:signed|concluded|ratified|adopted|in force|entered into force|exchanged)\b", re.I)
_OPEN_CELL = re.compile(r"negotiat|under |planned|not signed|not yet signed|pending|proposed", re.I)


def _cells(line: str, start: int) -> list[tuple[int, int, str]]:
    """The cells of a table line written with "|" (with or without outer bars), as (start, end, text) in the text."""
    out, at = [], start
    for part in line.split("|"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append((at + lead, at + lead + len(stripped), stripped))
        at += len(part) + 1
    if out and not out[0][2] and line.lstrip().startswith("|"):
        out = out[1:]
    if out and not out[-1][2] and line.rstrip().endswith("|"):
        out = out[:-1]
    return out


def _kind_of(ctx: DocContext, cell: str) -> tuple[str, str] | None:
    """The name and pact: class a header cell names: a genre phrase ("Information Security Agreement") or an
    abbreviation the text defines ("ACSA", after "Acquisition and Cross-Servicing Agreement (ACSA)")."""
    name = cell
    if re.fullmatch(r"[A-Z]{2,6}s?", cell):
        short = cell[:-1] if cell.endswith("s") else cell
        defined = re.search(r"((?:[A-Z][\w'’-]*\s+(?:(?:and|of|on|the|for|in)\s+)*){1,8})\(" + short + r"s?\)", ctx.text)
        if defined is None:  # ("RAA", "SOFA", "GSOMIA": an agreement's abbreviation ends with its A)
            return (short, "Agreement") if short.endswith("A") else None
        name = re.sub(r"^(?:An?|The)\s+", "", defined.group(1).strip())
    lower = name.lower()
    best = max(((phrase, kind) for phrase, kind, _ in GENRES if re.search(rf"\b{re.escape(phrase)}\b", lower)),
               key=lambda g: len(g[0]), default=None)
    return (name, best[1]) if best else None


_PARTNER_HEADER = re.compile(r"\s*(?:partner|country|state|counterpart)s?\b", re.I)
_DATE_HEADER = re.compile(r"\b(?:date|signed|signature)\b", re.I)
_STATUS_HEADER = re.compile(r"\s*status\b", re.I)
_PLURAL_GENRE = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:and|of|on|for|in)\s+)*){0,6}"
                           r"(?:Agreements|Arrangements|Treaties|Memoranda of Understanding|Partnerships|Protocols))\b")


def _heading_kind(ctx: DocContext, at: int) -> tuple[str, str] | None:
    """The kind of agreement the nearest lines above a table name in the plural, as (singular name, pact: class):
    "Framework Participation Agreements with partners in …" → ("Framework Participation Agreement", …)."""
    above = [line for line in ctx.text[max(ctx.offset, at - 1500):at].split("\n") if line.strip()][-4:]
    for line in reversed(above):
        found = _PLURAL_GENRE.findall(line)
        if found:
            singular = _singular_name(found[-1].strip())
            kind = _kind_of(ctx, singular)
            return (singular, kind[1]) if kind and len(singular.split()) >= 2 else None
    return None


def _sentence_at(ctx: DocContext, starts: list[int], at: int) -> Sentence | None:
    """The sentence holding char ``at``, if any (``starts``: the sentences' first chars)."""
    k = bisect_right(starts, at) - 1
    return ctx.sentences[k] if k >= 0 and at < ctx.sentences[k].char_end else None


def _tables(ctx: DocContext) -> list[list[tuple[int, str]]]:
    """Runs of two or more consecutive lines with as many "|" each, as (line start, line) lists (separator lines of
    dashes left out)."""
    tables, run, at = [], [], ctx.offset
    body = ctx.text[ctx.offset:]
    if "|" not in body:
        return []  # (most texts: no table at all)
    for line in body.split("\n"):
        bars = line.count("|")
        if run and bars != run[0][1].count("|"):
            tables.append(run)
            run = []
        if bars and not re.fullmatch(r"[\s|:-]*", line):
            run.append((at, line))
        at += len(line) + 1
    if run:
        tables.append(run)
    return [t for t in tables if len(t) >= 2]


def table_agreements(ctx: DocContext) -> tuple[list[tuple[_Cluster, _AgreementMention, str, list[str], tuple]],
                                               list[tuple[int, int]]]:
    """The agreements of the text's partner-by-kind tables, each as (cluster, mention, name, [owner, partner], dated)
    for :func:`.recording._record`, and the char spans of the header rows of those tables, whose names of kinds are
    the table's to record (not agreements of the sentences)."""
    owner = ctx.publisher_state() or ctx.publisher_org()
    if owner is None or ctx.date is None:
        return [], []
    owner = ctx.organization_of(owner)  # (the EEAS's table lists the Union's agreements)
    out, headers = [], []
    starts = [s.char_start for s in ctx.sentences]
    for table in _tables(ctx):
        head_at, head = table[0]
        header = _cells(head, head_at)
        kinds = {j: _kind_of(ctx, cell[2]) for j, cell in enumerate(header) if j > 0}
        kinds = {j: k for j, k in kinds.items() if k}
        if not kinds and not _kind_of(ctx, header[0][2]):
            # a row per partner under a heading that names their kind ("Framework Participation Agreements with
            # partners in Latin America" over "Partner | Date of signature | Place | Signed by | Status")
            dated = next((j for j, cell in enumerate(header) if j > 0 and _DATE_HEADER.search(cell[2])), None)
            kind = _heading_kind(ctx, head_at) if dated is not None and _PARTNER_HEADER.match(header[0][2]) else None
            if kind is not None:
                kinds = {dated: kind}
        if not kinds or _kind_of(ctx, header[0][2]):
            continue
        headers.append((head_at, head_at + len(head)))
        for row_at, row in table[1:]:
            cells = _cells(row, row_at)
            if len(cells) != len(header):
                continue
            sentence = _sentence_at(ctx, starts, cells[0][0])
            if sentence is None:
                continue
            partner = next((m for m in sentence.mentions if m.kind == "actor" and m.form != "coref"
                            and cells[0][0] <= m.char_start and m.char_end <= cells[0][1]
                            and ctx.entity_kind(m.key) in POLITICAL), None)
            if partner is None or partner.key == owner:
                continue
            for j, (name, kind) in kinds.items():
                start, end, cell = cells[j]
                status = cells[-1][2] if _STATUS_HEADER.match(header[-1][2]) else ""
                if _DATE_HEADER.search(header[j][2]):
                    if not find_dates(cell) or _OPEN_CELL.search(status.split(";")[0]):
                        continue  # (a row per partner: a day of signature, and no status of one still to sign)
                elif not _SIGNED_CELL.match(cell) or _OPEN_CELL.search(cell.split(";")[0]):
                    continue
                days = [(start + s, start + e, iso) for s, e, iso in find_dates(cell)]
                day = days[0] if days and int(days[0][2][:4]) <= ctx.date.year else None
                cell_sentence = _sentence_at(ctx, starts, start) or sentence
                dated = (day[2], cell_sentence, (day[0], day[1])) if day else (None, None, None)
                token = next((t for t in range(sentence.start, sentence.end)
                              if ctx.offset + ctx.doc[t].idx >= start), sentence.start)
                mention = _AgreementMention(
                    sentence=sentence, start=token, end=token + 1, name_start=token, name_end=token + 1, kind=kind,
                    head=name.split()[-1].lower(), name=name, qualifiers=(), topic=(), capitalised=True,
                    concluded=True, not_yet=False, accession=False, actors_in_name=[])
                cluster = _Cluster(kind, mention.head, (), (), mentions=[mention])
                out.append((cluster, mention, name, [owner, partner.key], dated))
    return out, headers


def named_already(found, kind: str, parties: list[str], name: str) -> bool:
    """Whether an agreement the text's sentences give already is this table cell's: the same kind and sides, and the
    same name, written out or as its initials ("RAA" for "the Japan–UK Reciprocal Access Agreement")."""
    sides = {ID + p for p in parties}
    for agreement in found:
        if agreement.kind != kind or set(agreement.parties) != sides:
            continue
        words = [w for w in re.split(r"[\s–-]+", agreement.name) if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        if name.lower() in agreement.name.lower() or (name.isupper() and name in initials):
            return True
    return False
