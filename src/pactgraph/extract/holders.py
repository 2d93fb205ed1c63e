"""Holders of top offices, for posts written with a family name only ("President Putin").

Texts of the genre often give a leader's post and family name without ever writing
the full name ("President Putin's war", "Chancellor Scholz called it a turning
point", "President Xi"). The post and the family name alone do not give the full
name, so a person is only recorded when the table of well-known office holders has
exactly one holder of that post with that family name in office on the text's date
(any date when the text has none). A post stated with an actor ("Russian President
Putin") must name the holder's actor.

The table is ``graph/reference/office_holders.csv``: one row per term, each citing
the pages its person, post and dates were checked against; an empty ``end`` means
in office when last checked. It is read on first use, not on import.
"""

from __future__ import annotations

from functools import cache

from ..reference import OfficeHolder, load_office_holders

__all__ = ["OFFICE_HOLDERS", "OfficeHolder", "family_names", "find_holder", "holder_actor", "office_holders"]

#: The table, one entry per term; read from the CSV on first access (see ``__getattr__``).
OFFICE_HOLDERS: tuple[OfficeHolder, ...]

_TITLE_NOISE = {"of", "for", "the", "-"}


def office_holders() -> tuple[OfficeHolder, ...]:
    """The bundled table of office holders, one entry per term (read once, then cached)."""
    return load_office_holders()


def __getattr__(name: str):
    # ``OFFICE_HOLDERS`` stays importable as a module constant but is only read from
    # the CSV when someone asks for it.
    if name == "OFFICE_HOLDERS":
        return office_holders()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _by_family() -> dict[str, tuple[OfficeHolder, ...]]:
    index: dict[str, list[OfficeHolder]] = {}
    for holder in office_holders():
        for family in holder.family:
            index.setdefault(family, []).append(holder)
    return {k: tuple(v) for k, v in index.items()}


def _in_office(holder: OfficeHolder, date: str | None) -> bool:
    return not date or (holder.start <= date and (holder.end is None or date < holder.end))


def family_names() -> frozenset[str]:
    """Every family-name form of the table (some have several words: "von der Leyen")."""
    return frozenset(_by_family())


def _title_fits(written: str, titles: tuple[str, ...]) -> bool:
    """Does the post as written ("Prime Minister", "Secretary", "Minister") fit one of the holder's posts?"""
    words = {w for w in written.replace("-", " ").split() if w not in _TITLE_NOISE}
    if not words:
        return False
    return any(words <= {w for w in t.replace("-", " ").split() if w not in _TITLE_NOISE} for t in titles)


def find_holder(family: str, written_title: str, actor: str | None, date: str | None,
                related=lambda a, b: a == b) -> OfficeHolder | None:
    """The one holder of ``written_title`` called ``family`` in office on ``date``, if exactly one.

    ``actor`` is the register key the text states for the post (or None); ``related``
    says whether two register keys name the same actor (a body and its parent).
    """
    found = []
    for holder in _by_family().get(family, ()):
        if not _title_fits(written_title, holder.titles):
            continue
        if actor is not None and not related(actor, holder.actor):
            continue
        if not _in_office(holder, date):
            continue
        found.append(holder)
    names = {h.name for h in found}
    return found[0] if len(names) == 1 and len({h.actor for h in found}) == 1 else None


def holder_actor(name: str, written_title: str, date: str | None) -> str | None:
    """The actor of the post ``written_title`` held by the person called ``name`` on ``date``, if the table knows it.

    Used when a sentence names several states and does not say whose post it is
    ("President Salva Kiir … the mediation efforts of Kenya").
    """
    actors = {h.actor for h in office_holders() if h.name == name and _title_fits(written_title, h.titles)
              and _in_office(h, date)}
    return actors.pop() if len(actors) == 1 else None
