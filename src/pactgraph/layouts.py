"""The same text as other tools save it: for measuring how extraction stands up to layout (``pactgraph evaluate
--layout``).

A gold text of the sets is one paragraph per line, with a metadata header; texts users bring are often not. Each
layout here rewrites a text the way a common source of texts does, leaving its words as they are, so the gold still
holds:

* ``wrapped``: every line hard-wrapped at 72 columns (e-mail, plain-text releases, PDF conversions);
* ``no-break-spaces``: a no-break space between a capitalized word and the next word, and between a number and the
  next word ("Prime&nbsp;Minister", "22&nbsp;July"), as web pages copied from a browser keep them;
* ``double-spaces``: two spaces after every full stop, colon, question and exclamation mark, as typed text writes it;
* ``capitals``: the first line of the body in capitals, as many releases write their headline;
* ``no-header``: the metadata header removed (title, date, publisher and genre then come from the text itself);
* ``plain-text``: ``no-header``, ``double-spaces`` and ``wrapped`` together, the way a text saved by hand often
  arrives.

>>> relayout("---\\ntitle: T\\n---\\nNATO and Japan met. They agreed.", "plain-text")
'NATO and Japan met.  They agreed.'
"""

from __future__ import annotations

import re
import textwrap

__all__ = ["LAYOUTS", "relayout"]

#: The layouts :func:`relayout` knows, "as-written" first (the text unchanged).
LAYOUTS = ("as-written", "wrapped", "no-break-spaces", "double-spaces", "capitals", "no-header", "plain-text")

_WIDTH = 72


def relayout(text: str, layout: str) -> str:
    """``text`` (a source file's content, header included) rewritten in ``layout`` (one of :data:`LAYOUTS`)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r} (one of: {', '.join(LAYOUTS)})")
    header, body = _split(text)
    if layout in ("no-header", "plain-text"):
        header = ""
    if layout in ("double-spaces", "plain-text"):
        body = re.sub(r"([.:?!]) (?=\S)", r"\1  ", body)
    if layout in ("wrapped", "plain-text"):  # (each line on its own: a list keeps its items, a table its rows)
        body = "\n".join("\n".join(textwrap.wrap(line, _WIDTH, break_on_hyphens=False)) if line.strip() else line
                          for line in body.split("\n"))
    if layout == "no-break-spaces":
        body = re.sub(r"\b([A-Z][\w'’.-]*|\d+) (?=\w)", "\\1\u00a0", body)
    if layout == "capitals":
        lines = body.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None:
            lines[first] = lines[first].upper()
        body = "\n".join(lines)
    return header + body


def _split(text: str) -> tuple[str, str]:
    """The header (with its closing line) and the body of a source file's text."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            return text[:end + 5], text[end + 5:]
    return "", text
