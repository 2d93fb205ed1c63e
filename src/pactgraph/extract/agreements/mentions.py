"""An agreement mention: what the rules read of one place in a text that names an agreement, and whether it
names its genre in the plural."""

from __future__ import annotations

from dataclasses import dataclass

from ..context import DocContext, Sentence
from .cues import _INVARIANT, _MEMORANDA

__all__: list[str] = []


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
    sides: tuple = ()  # the two or three parties its own concluding sentence gives, for telling agreements apart
    signers: tuple = ()  # the subjects of the verb that concludes it right before its name ("Paraguay and Argentina
    # signed the Yacyretá Treaty")
    partner: str | None = None  # the actor right after "with" ("a Security and Defence Partnership with Canada")
    named_year: str | None = None  # a year written with the name ("the 1951 … Treaty", "the … Declaration of 2010")
    known: str | None = None  # key of the well-known agreement the name is (agreements.csv)
    date: tuple | None = None  # (char start, char end or None, ISO day) its own concluding phrase gives ("signed in
    # Bishkek on 13 March"; "today signed …" has no span: the day is the document's)
    standing: bool = False  # in force because something is done under or through it, with no word of its signing
    cited: bool = False  # cited as a standard ("under Article 5 of the North Atlantic Treaty", "in accordance with …")
    clause: Sentence | None = None  # its own clause, when another agreement is concluded in another clause (_clauses)
    amended: bool = False  # named inside the name of the agreement that amends it ("the Protocol amending the …")
    replaced: bool = False  # what another replaces or updates ("…, which updates the memorandum signed in 2015")
    plural: bool = False  # names its genre in the plural (_plural_mention)
    founds: tuple = ()  # organizations its name says it founds ("… on the Establishment of the CIS"): not parties
    scored: float | None = None  # the agreement model's score, when it alone reads the mention as concluded
    ended: bool = False  # what its sentence says ended it ("Chad ended its defence cooperation accord …"): its date there
    # is the end's, not the signing's
    short: str | None = None  # the abbreviation it is written as, which the text defines ("RAA", see _abbreviated)
    heading: Sentence | None = None  # the heading of the list it is an item of, which concludes the items
    alias: _AgreementMention | None = None  # the one whose other name it gives ("…, better known as the Canberra Pact")


_PLURAL_INSIDE = _MEMORANDA | {"exchanges"}  # plurals a name holds before its last word ("Memoranda of Understanding")


def _plural_mention(ctx: DocContext, mention: _AgreementMention) -> bool:
    """Whether a mention names its genre in the plural ("Partnerships", "Memoranda of Understanding"; not "Exchange
    of Notes"; but "Exchanges of Letters")."""
    last = ctx.lowers[mention.end - 1]
    return (last.endswith("s") and last not in _INVARIANT) \
        or bool(_PLURAL_INSIDE & set(ctx.lowers[mention.start:mention.end]))
