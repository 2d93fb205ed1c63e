r"""Layout that is not language: soft line breaks and typographic spaces, read as plain spaces.

:func:`for_tokens` gives the text the pipeline tokenizes: the source's body with each such character replaced by a
space, a character for a character, so every offset, and every evidence quote taken from the source text, stays as
it was.

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

>>> unwrap("The Ministers signed the\nagreement in Canberra on\n3 May.\n\nIt enters into force today.", width=26)
'The Ministers signed the agreement in Canberra on 3 May.\n\nIt enters into force today.'
>>> for_tokens("Mr.\u00a0Stoltenberg met the Minister on 22\u202fJuly.")
'Mr. Stoltenberg met the Minister on 22 July.'
"""

from __future__ import annotations

import re

__all__ = ["for_tokens", "unwrap", "wrap_width"]

# the space characters of Unicode other than the plain space (no-break, en and em, thin, narrow no-break, ideographic)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# a line that opens a list item, a numbered paragraph or a speaker's label
_ITEM = re.compile(r"\s*(?:[•·▪◦*>\-–—]|\(?[0-9]{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|\([ivxlc]+\)\s|[A-Z0-9][^:]{0,30}:(?:\s|$))")
_MIN_WIDTH, _MAX_WIDTH = 40, 160  # wrap widths seen in practice; outside them a text is not hard-wrapped
_SLACK = 2  # columns a wrapping program may leave unused at the end of a full line
_FULL = 15  # a line this close to the width is full: the next word did not fit
_MIN_RUNNING = 6  # lines running on into the next that show a text is wrapped


def for_tokens(text: str) -> str:
    """``text`` as the pipeline tokenizes it: soft line breaks unwrapped and typographic spaces made plain (see the
    module); the same length as ``text``."""
    return unwrap(_SPACES.sub(" ", text))


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
    a sign and none of which (but the last) ends with a lower-case word: a list of names, posts or addressees
    ("Margus Tsahkna, Minister of Foreign Affairs of Estonia"), each line its own, however long."""
    listed, block = set(), []
    for i, line in enumerate(lines + [""]):
        if line.strip():
            block.append(i)
            continue
        if len(block) >= 3 and not any(lines[k].lstrip()[:1].islower() for k in block) \
                and not any(lines[k].split()[-1][:1].islower() for k in block[:-1]):
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
