"""The text of an agreement itself, as ministries, journals and treaty series print it: a heading with its name, a
preamble that names its parties ("The Republic of Kazakhstan, the Kyrgyz Republic, … hereinafter referred to as the
Parties,"), its articles, and a final clause that dates it ("Done at Cholpon-Ata on 21 July 2022, in a single
original …"). The agreement whose name heads the preamble is the document's own: concluded by the text, its parties
those the preamble lists, its day the final clause's."""

from __future__ import annotations

from dataclasses import dataclass

from ..context import POLITICAL, DocContext, Sentence

__all__ = ["Instrument", "find_instrument"]

# how a preamble names the sides it has just listed: "hereinafter referred to as the Parties", "(hereinafter "the
# Sides")", "hereinafter called the Contracting Parties"
_SIDE_NOUNS = {"parties", "sides", "participants", "signatories", "party"}
# the final clause's opening words: "Done at Brussels on …", "DONE in duplicate at …", "Signed at Tokyo on …"
_FINAL_OPENINGS = (["done", "at"], ["done", "in"], ["signed", "at"], ["signed", "in"])


@dataclass(slots=True)
class Instrument:
    """The preamble that lists an agreement's parties, the heading sentence before it and its final clause."""

    preamble: Sentence
    heading: int  # index of the last sentence before the preamble (where the agreement's name is the heading)
    parties: list[str]
    final: Sentence | None


def find_instrument(ctx: DocContext) -> Instrument | None:
    """The text's own agreement text, if it prints one: a preamble sentence that lists two or more parties before
    "hereinafter" and calls them the Parties (or the Sides), within the text's first sentences after a heading."""
    lowers = ctx.lowers
    for sentence in ctx.sentences:
        words = lowers[sentence.start:sentence.end]
        # (the "hereinafter" that names the sides together, past each side's own: "The Republic of Finland
        # (hereinafter "Finland") and …, hereinafter jointly referred to as the "Contracting Parties"")
        at = next((sentence.start + i for i, w in enumerate(words) if w == "hereinafter"
                   and _SIDE_NOUNS & set(words[i:i + 10])), None)
        if at is None:
            continue
        listed = [m.key for m in sentence.mentions if m.kind == "actor" and m.form != "coref" and m.end <= at
                  and ctx.entity_kind(m.key) in POLITICAL]
        parties = list(dict.fromkeys(listed))
        if len(parties) < 2 or sentence.index == 0:
            continue
        heading = ctx.sentences[sentence.index - 1]
        if lowers[heading.end - 1] in {".", "!", "?"}:
            continue  # a report's sentence before a preamble it quotes, not a heading ("Kenya and Uganda signed the
            # Memorandum … in 2019. The Republic of Kenya and …, hereinafter referred to as the Parties, agreed …")
        final = next((s for s in ctx.sentences[sentence.index + 1:]
                      if any(lowers[s.start:s.start + 2] == opening for opening in _FINAL_OPENINGS)), None)
        return Instrument(sentence, sentence.index - 1, parties, final)
    return None
