r"""Layout that is not language: soft line breaks, typographic spaces, runs of spaces and lines in capitals.

:func:`for_tokens` gives the text the pipeline tokenizes: the source's body with each such character replaced by a
space (or a letter by the same letter in another case), a character for a character, so every offset, and every
evidence quote taken from the source text, stays as it was.

**Soft line breaks.** Texts saved from e-mail, plain-text releases, PDF conversions and UN documents are often
wrapped at a fixed width (72, 78, 80 columns), so a sentence, a name or a post runs over two lines: "… the Prime
Minister of Japan, Mr ABE Shinzo, came to Brussels today for the\n26th Summit …". The pipeline starts a sentence at
every line break (headings, captions and speaker lines carry no final stop), so such a text would be read as
fragments. A break is soft when the first word of the next line would have fitted on the line within the text's
width (the length most of its running lines reach): a writer who breaks a short line on purpose (a heading, a
dateline, a signature block) leaves room the next word could have used. A line that ends a paragraph or a table
row, a next line that opens an item ("•", "-", "2.", "(b)") or a label ("Q:", "20 Dec. 1995:"), and a block of
lines that each open with a capital and none of which ends on a lower-case word (signatories, addressees) keep their
breaks. A text whose lines are paragraphs, as most web pages are saved, has nothing to unwrap.

**Typographic spaces.** Web pages put no-break spaces (``&nbsp;``) and narrow or thin spaces between a title and a
name ("Mr.\u00a0Stoltenberg"), a day and its month ("22\u00a0July") or the words of a name; the tokenizer would keep
each as a token of its own, and no name, post or date spanning one would match.

**Runs of spaces.** Typed and converted texts put two spaces after a full stop or a colon ("NATO:  This
Declaration"), and justified PDFs put them anywhere ("Prime  Minister"). The tokenizer would keep each extra space as
a token of its own, inside a name or a post. These are the only characters not given one for one:
:func:`kept_characters` lists the characters the pipeline reads, and the document context maps every offset it
gives (evidence, speeches) back to the source's.

**Lines in capitals.** Headlines and some ministries' releases are written all in capitals ("PRIME MINISTER
KISHIDA FUMIO VISITS MANILA"), where no name of the register, post or person matches. Such a line is read in
ordinary case: each word capitalized but the small words of names ("of", "and") and a headline's verbs ("visits",
"signs"), while the acronyms of the register ("NATO", "EU") and words with a full stop ("H.E.") stay as written.

>>> unwrap("The Ministers signed the\nagreement in Canberra on\n3 May.\n\nIt enters into force today.", width=26)
'The Ministers signed the agreement in Canberra on 3 May.\n\nIt enters into force today.'
>>> for_tokens("Mr.\u00a0Stoltenberg met the Minister on 22\u202fJuly.")
'Mr. Stoltenberg met the Minister on 22 July.'
"""

from __future__ import annotations

import re

__all__ = ["for_tokens", "kept_characters", "recased", "unwrap", "wrap_width"]

# the space characters of Unicode other than the plain space (no-break, en and em, thin, narrow no-break, ideographic)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# a line that opens a list item, a numbered paragraph or a speaker's label
_ITEM = re.compile(r"\s*(?:[•·▪◦*>\-–—]|\(?[0-9]{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|\(?[ivxlcIVXLC]+[.)]\s"
                   r"|[A-Z0-9][^:]{0,30}:(?:\s|$))")
_MIN_WIDTH, _MAX_WIDTH = 40, 160  # wrap widths seen in practice; outside them a text is not hard-wrapped
_SLACK = 2  # columns a wrapping program may leave unused at the end of a full line
_FULL = 15  # a line this close to the width is full: the next word did not fit
_MIN_RUNNING = 3  # lines running on into the next that show a text is wrapped
_CAPS_LETTERS = 10  # letters a line needs before it counts as written in capitals
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# words before "US" that make it the pronoun, not the United States ("LET US BUILD PEACE", "JOIN US")
_US_PRONOUN_LEADS = frozenset({"LET", "JOIN", "TELL", "GIVE", "HELP", "BRING", "SHOW", "TAKE", "OF", "FOR", "TO",
                               "WITH", "BETWEEN", "AMONG", "ALL", "ABOUT", "BEFORE", "BEHIND"})
# verbs of headlines, which would otherwise read as the end of a name ("PRESIDENT RUTO RECEIVES …")
_HEADLINE_VERBS = frozenset({
    "meets", "meet", "met", "signs", "sign", "signed", "receives", "received", "holds", "hold", "held", "hosts",
    "hosted", "visits", "visit", "visited", "welcomes", "welcome", "welcomed", "calls", "call", "says", "said",
    "agree", "agrees", "agreed", "launch", "launches", "launched", "discuss", "discusses", "discussed", "reaffirm",
    "reaffirms", "strengthen", "strengthens", "pledge", "pledges", "condemns", "condemn", "urges", "urge",
    "announces", "announce", "concludes", "conclude", "concluded", "attends", "attend", "addresses",
    "address", "talks", "deepen", "deepens", "boost", "boosts", "renew", "renews", "adopt", "adopts", "adopted",
    "is", "are", "was", "were", "has", "have", "begins", "begin", "ends", "end", "joins", "join", "joined",
    "approves", "approve", "approved", "ratifies", "ratify", "ratified", "expands", "expand"})
# the words names write in lower case ("Ministry of Foreign Affairs", "Bosnia and Herzegovina")
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "to", "a", "an", "at", "by", "with", "from", "de",
                          "du", "des", "la", "le", "del", "y", "et", "or", "as", "into", "upon", "over"})


def for_tokens(text: str, capitals: frozenset[str] = frozenset()) -> str:
    """``text`` as the pipeline tokenizes it: soft line breaks unwrapped, typographic spaces made plain and lines
    written all in capitals read in ordinary case, keeping the words in ``capitals`` (see the module); the same length
    as ``text``."""
    text = unwrap(_SPACES.sub(" ", text))
    lines = text.split("\n")
    out = [recased(line, capitals) if len(line) >= _CAPS_LETTERS and not any(c.islower() for c in line) else line
           for line in lines]  # (a line with a lower-case letter is not in capitals: most lines end there, cheaply)
    return text if out == lines else "\n".join(out)


def recased(line: str, capitals: frozenset[str] = frozenset()) -> str:
    """A line written all in capitals in ordinary case: each word capitalized but for the small words of names
    ("of", "and", "the") and the words of ``capitals`` (acronyms such as "NATO"), which stay as they are; a word
    with a full stop ("U.S.", "H.E.") stays too. Any other line is returned as it is.

    >>> recased("JOINT STATEMENT OF THE MINISTERS OF DEFENCE OF JAPAN AND THE EU ON H.E. MR ABE", frozenset({"EU"}))
    'Joint Statement of the Ministers of Defence of Japan and the EU on H.E. Mr Abe'
    """
    letters = [c for c in line if c.isalpha()]
    if len(letters) < _CAPS_LETTERS or sum(c.isupper() for c in letters) < 0.9 * len(letters) \
            or len(line.split()) < 3:
        return line
    first = True

    first, previous = True, ""

    def word(match) -> str:
        nonlocal first, previous
        text, at_start, before = match.group(0), first, previous
        first, previous = False, text
        stem, apostrophe, suffix = _possessive(text)
        if "." in stem or stem in capitals and not (stem == "US" and before in _US_PRONOUN_LEADS) or not text.isupper():
            return stem + apostrophe + suffix.lower()  # ("NATO'S" is NATO's; but "LET US", "JOIN US")
        if (text.lower() in _SMALL_WORDS or text.lower() in _HEADLINE_VERBS or stem == "US") and not at_start:
            return text.lower()  # ("… of Defence", "Minister Marles Meets …": no name runs on into a verb)
        cased = "-".join(part if part in capitals else part[:1] + part[1:].lower() for part in stem.split("-"))
        cased += apostrophe + suffix.lower()
        return cased if len(cased) == len(text) else text  # (a letter whose other case is longer: "İ")

    return _WORD.sub(word, line)


def _possessive(word: str) -> tuple[str, str, str]:
    """A word split before its possessive ending ("NATO'S" → "NATO", "'", "S"), or the word and two empty strings."""
    for mark in ("'", "’"):
        if word.upper().endswith(mark + "S") and len(word) > 2:
            return word[:-2], mark, word[-1]
    return word, "", ""


def kept_characters(text: str) -> list[int] | None:
    """The indexes of the characters of ``text`` kept when each run of spaces is read as one space ("Mr.  Smith",
    "NATO:  This Declaration"), or ``None`` when it has no such run. The tokenizer would keep each extra space as a
    token of its own, between the words of a name or a post; the text is tokenized without them, and
    :class:`~pactgraph.extract.context.DocContext` maps every offset back to the source's.

    >>> kept_characters("a  b c")
    [0, 1, 3, 4, 5]
    """
    if "  " not in text:
        return None
    return [i for i, c in enumerate(text) if not (c == " " and i and text[i - 1] == " ")]


def wrap_width(lines: list[str]) -> int | None:
    """The width a text is wrapped at: the length its longer lines reach (the 90th percentile of the lengths of
    lines that run on into another line), or ``None`` when it is not hard-wrapped."""
    running = sorted(len(line.rstrip()) for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip())
    if len(running) < _MIN_RUNNING:
        return None
    width = running[int(0.9 * (len(running) - 1))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    # most lines that run on are full: not a block of short lines of their own (a speech's salutations, a list of
    # signatories, a timeline), whatever their lengths
    full = sum(1 for n in running if n >= width - _FULL)
    return width if full >= 0.6 * len(running) else None


def unwrap(text: str, width: int | None = None) -> str:
    """``text`` with its soft line breaks (see the module) replaced by spaces; the same length as ``text``.
    ``width`` is the wrap width (by default, :func:`wrap_width` of its lines)."""
    lines = text.split("\n")
    width = width if width is not None else wrap_width(lines)
    if width is None:
        return text
    out = list(text)
    listed = _listed_lines(lines)
    at = 0
    for i, (line, nxt) in enumerate(zip(lines, lines[1:])):
        at += len(line)  # the position of this line's break
        if i not in listed and _soft(line, nxt, width):
            out[at] = " "
        at += 1
    return "".join(out)


def _listed_lines(lines: list[str]) -> set[int]:
    """The lines of blocks (lines between blank ones) of three or more lines that all open with a capital, a digit or
    a sign and none of which (but the last) ends with a bare lower-case word: a list of names, posts or addressees
    ("Margus Tsahkna, Minister of Foreign Affairs of Estonia"), each line its own, however long."""
    listed, block = set(), []
    for i, line in enumerate(lines + [""]):
        if line.strip():
            block.append(i)
            continue
        if len(block) >= 3 and not any(lines[k].lstrip()[:1].islower() for k in block) \
                and not any(lines[k].split()[-1].isalpha() and lines[k].split()[-1][:1].islower() for k in block[:-1]):
            listed.update(block)  # (a wrapped paragraph has lines ending in "… for the", "… and")
        block = []
    return listed


def _soft(line: str, nxt: str, width: int) -> bool:
    body = line.rstrip()
    if not body.strip() or not nxt.strip() or "|" in body or "\t" in body or "|" in nxt:
        return False  # (a paragraph's end, or a table written as text)
    if _ITEM.match(nxt):
        return False
    first = nxt.split()[0]
    return len(body) + 1 + len(first) > width - _SLACK
