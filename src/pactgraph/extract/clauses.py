"""Clause helpers shared by the relation rules: who heads a sentence, who owns a noun, what is listed.

These read one sentence's ordered actor mentions and the tokens around them; they
know nothing of any particular relation.
"""

from __future__ import annotations

from .context import DocContext, Sentence
from .mentions import Mention
from .words import MONTH_NAMES

__all__ = ["JOINERS", "LISTING", "clause_between", "clause_subject", "coordinated_before", "coordinated_from",
           "coordinated_runs", "joined_after", "listed_after", "owner_before", "rel", "relative_antecedent",
           "subject_group", "verb_subject"]

LISTING = {"like", "such", "including", "notably", "namely", "includes", "include", "as"}
# Words between "partners" and a name that keep it a list of them: "partners, Japan and …", "partners: the EU, …".
_APPOSED = {",", ":", "the", "our", "—", "–", "-", "(", "are", "is"}
JOINERS = {"and", ",", "the", "both", "as", "well", "together", "with", "'s", "’s", "of", "all",
           "government", "governments"}  # ("the Government of Ghana and the Government of Togo signed")


def rel(i: int, sentence: Sentence) -> int:
    """A doc token index as an index into the sentence."""
    return i - sentence.start


def subject_group(ctx: DocContext, sentence: Sentence, actors: list[Mention], lead: int = 6) -> list[Mention]:
    """The actor mentions heading a sentence: the first one and those joined to it by "and" or commas.

    A mission heading the sentence ("Atalanta works closely with the EU …") leaves no political subject.
    """
    if not actors:
        return []
    lowers = ctx.lowers
    first_mission = next((m for m in sentence.mentions if m.kind == "actor" and ctx.entity_kind(m.key) == "mission"
                          and m.form != "coref"), None)
    if first_mission is not None and first_mission.start < actors[0].start:
        return []
    start = sentence.start
    label = _speaker_label_end(ctx, sentence)
    if label is not None:
        # "NATO Secretary General Mark Rutte: Poland is a model Ally": the subject follows the speaker's label
        actors = [m for m in actors if m.start >= label]
        if not actors:
            return []
        start = label
    if lowers[start] in {"as", "like", "unlike"}:
        # "As a member of NATO and of the EU, Germany supports …": the subject follows the opening phrase
        comma = next((i for i in range(start + 1, min(sentence.end, start + 16)) if lowers[i] == ","), None)
        if comma is not None:
            actors = [m for m in actors if m.start > comma]
            if not actors:
                return []
            start = comma + 1
    # (not an actor inside an opening phrase: "Yesterday, on the margins of our session, the Commission and …")
    while len(actors) > 1 and actors[0].form == "coref" and lowers[actors[0].start] in _POSSESSIVE_WORDS \
            and actors[0].start > start and lowers[actors[0].start - 1] in _OPENING_PREPOSITIONS:
        actors = actors[1:]
    group = [actors[0]]
    for mention in actors[1:]:
        if mention.start < group[-1].end:
            group.append(mention)  # coreferent mentions of the same words ("both sides")
            continue
        if all(w in JOINERS or not w.strip() for w in lowers[group[-1].end:mention.start]) \
                or _owned_noun_and(ctx, group[-1], mention):
            group.append(mention)
        else:
            break
    dash = next((i for i in range(start, min(group[0].start, start + 9)) if lowers[i] in {"–", "—", "-"}), None)
    if dash is not None and all(ctx.punct[i] or ctx.doc[i].is_title or ctx.doc[i].like_num
                                for i in range(start, dash)):
        start = dash + 1  # a dateline ("Kinshasa, 21 November 2023 – The Government of …") is no opening phrase
    first = group[0].start
    for opening in (["the", "government", "of", "the"], ["the", "government", "of"]):
        if lowers[max(start, first - len(opening)):first] == opening:
            first -= len(opening)  # ("The Government of the Democratic Republic of the Congo and …": one subject)
            break
    head = range(start, group[0].start)
    words = sum(1 for i in range(start, first) if not ctx.punct[i])
    if words > lead or any(lowers[i] in {"that", "which", "who", "whose"} for i in head):
        return []
    return group


_POSSESSIVE_WORDS = {"our", "their", "its", "your", "my"}
_OPENING_PREPOSITIONS = {"of", "on", "in", "at", "during", "after", "before", "since", "for", "under", "to"}


def _owned_noun_and(ctx: DocContext, before: Mention, after: Mention) -> bool:
    """ "our defence department and Indonesia's Ministry of Defence", "Japan's coast guard and the Philippine
    Coast Guard": an actor's possessive with the noun it owns, then "and" before the next actor."""
    doc, lowers = ctx.doc, ctx.lowers
    gap = lowers[before.end:after.start]
    possessive = gap[:1] in (["'s"], ["’s"])
    owner = possessive or (before.form == "coref" and lowers[before.start] in _POSSESSIVE_WORDS)
    first = before.end + possessive  # the first word of the owned noun
    nouns = gap[possessive:]
    while nouns[-1:] == ["the"]:
        nouns = nouns[:-1]
    return owner and 2 <= len(nouns) <= 5 and nouns[-1] == "and" and all(
        doc[first + i].is_alpha and w not in _VERBISH for i, w in enumerate(nouns[:-1]))


_VERBISH = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "and", "or", "but", "that", "which",
            "who", "to", "with", "for", "in", "on", "at", "by", "from"}


def _speaker_label_end(ctx: DocContext, sentence: Sentence) -> int | None:
    """The token after a transcript's "Name Of Speaker:" or "Question (Outlet):" opening, if any."""
    doc = ctx.doc
    for i in range(sentence.start, min(sentence.end - 1, sentence.start + 12)):
        token = doc[i]
        if token.text == ":":
            return i + 1 if i > sentence.start else None
        if not (token.is_title or token.is_upper or token.text in {"(", ")", "-", "'s", "’s"} or token.lower_ in {"of", "the", "for", "and"}):
            return None
    return None


def owner_before(ctx, sentence, political, at: int) -> list[str]:
    """ "NATO's partners", "our partners", "the EU's partners": the possessor right before ``at``."""
    doc = ctx.doc
    for a in reversed([a for a in political if a.end <= at]):
        gap = [t.lower_ for t in doc[a.end:at]]
        if gap[:1] in (["'s"], ["’s"]) and len(gap) <= 4:
            return [a.key]
        if a.form == "coref" and doc[a.start].lower_ in {"our", "their", "its"} and len(gap) <= 3:
            return [m.key for m in political if m.start == a.start]
        if not gap and a.form in ("acronym", "name", "alias") and ctx.entity_kind(a.key) in {"organization", "grouping"}:
            return [a.key]  # "EU partners", "NATO partners": an organization's name used as a modifier
        break
    return []


_YEAR_LEADS = {"since", "in", "from"}  # ("Norway, since 2006, Switzerland (2012), Serbia (2013) and Ukraine")


def _year_follows(gap, t) -> bool:
    """Whether a year, or a month before one or after "last" ("since July 2024", "since last November"), follows the
    lead word ``t`` in ``gap``."""
    nxt = t.i + 1 - gap.start
    if nxt < len(gap) and (gap[nxt].text in MONTH_NAMES or gap[nxt].lower_ == "last"):
        nxt += 1 + (gap[nxt].lower_ == "last" and nxt + 1 < len(gap) and gap[nxt + 1].text in MONTH_NAMES)
        return nxt >= len(gap) or gap[nxt].text in {",", "and"} or (gap[nxt].text.isdigit() and len(gap[nxt].text) == 4)
    return nxt < len(gap) and gap[nxt].text.isdigit() and len(gap[nxt].text) == 4


def coordinated_from(doc, at: int, named, joins=frozenset({",", "and", "the"}), years: bool = False,
                     posts: bool = False) -> list[Mention]:
    """The mentions of ``named`` listed from token ``at`` on, joined only by ``joins`` (commas, "and" and "the":
    "A, B and C"), with ``years`` also by a year in brackets after each ("the United Kingdom (2013), Australia
    (2014) and India (2015)"), and with ``posts`` also by capitalised words of up to eight tokens, each item after the
    first after a comma or "and" ("the President of the Republic of Azerbaijan and the Prime Minister of the Republic
    of Armenia")."""
    listed: list[Mention] = []
    for m in named:
        if m.start < at:
            continue
        gap = doc[at:m.start]
        if posts and (len(gap) > 8 or (listed and not {",", "and"} & {t.lower_ for t in gap})):
            break
        if not all(t.lower_ in joins or (years and (t.text in {"(", ")"} or (t.text.isdigit() and len(t.text) == 4)
                                                   or t.lower_ in _YEAR_LEADS and _year_follows(gap, t)
                                                   or t.text in MONTH_NAMES or t.lower_ == "last"))
                   or (posts and t.is_title and t.lower_ != "in") for t in gap):
            break
        listed.append(m)
        at = m.end
    return listed


def coordinated_before(before: list[Mention], lowers) -> list[Mention]:
    """The last mention of ``before`` with those coordinated with it ("A, B and C"), joined only by commas, "and" and
    "the" (coreferent mentions do not join)."""
    group = [before[-1]]
    for a in reversed(before[:-1]):
        if a.form != "coref" and a.end <= group[0].start and all(w in {",", "and", "the"}
                                                                 for w in lowers[a.end:group[0].start]):
            group.insert(0, a)
        else:
            break
    return group


def joined_after(ctx, sentence, at: int, named, also=frozenset()) -> list[Mention]:
    doc = ctx.doc
    listed: list[Mention] = []
    pos = at + 1
    for m in named:
        if m.start < pos:
            if listed and m.start == listed[-1].start:
                listed.append(m)  # a coreferent "both sides" stands for two actors
            continue
        gap = [t.lower_ for t in doc[pos:m.start]]
        if all(w in {",", "and", "the", "both", "its", "their"} | also for w in gap):
            listed.append(m)
            pos = m.end
        else:
            break
    return listed


def listed_after(ctx, sentence, at: int, named, colon_span: int = 6) -> list[Mention]:
    """Partners named after "partners": "such as A", "like A", ", a group that also includes A", or apposed."""
    doc = ctx.doc
    j = at + 1
    limit = min(sentence.end, at + 12)
    while j < limit and doc[j].lower_ not in LISTING and not any(m.start == j for m in named) \
            and not (doc[j].lower_ == "among" and j + 1 < limit and doc[j + 1].lower_ == "them"):
        j += 1
    if j >= limit:
        return []
    if doc[j].lower_ == "among":  # "partners active in the area, among them A, B and C"
        j += 2
    elif doc[j].lower_ in LISTING:
        j += 1
    elif any(t.lower_ not in _APPOSED for t in doc[at + 1:j]) and not _colon_list(doc, at, j, colon_span):
        # "ASEAN's eight partners in the ADMM-Plus: Australia, China, …": past an actor named before the colon
        colon = next((k for k in range(j, min(limit, at + colon_span + 2)) if doc[k].text == ":"), None)
        if colon is None or not _colon_list(doc, at, colon + 1, colon_span):
            return []  # "partners in the Indo-Pacific, and the EU's own engagement": not a list of partners
        j = colon + 1
    listed = []
    pos = j
    for m in named:
        if m.start < pos or m.form == "coref" or (m.form == "adjective" and listed):
            continue  # ("the Cook Islands, French Polynesia, Kiribati": an adjective inside a name the register lacks)
        gap = doc[pos:m.start]
        if all(t.lower_ in {",", "and", "the", "as", "such", "or", "also"} for t in gap) or (
                listed and _unknown_names(gap)):
            listed.append(m)
            pos = m.end
        else:
            break
    return listed


def coordinated_runs(doc, named) -> list[list[Mention]]:
    """Runs of ``named`` listed one after another ("A, B and C"), also past names the register lacks ("Australia, the
    Cook Islands, Fiji")."""
    runs: list[list[Mention]] = []
    for m in named:
        if runs and runs[-1][-1].end <= m.start and (
                all(t.lower_ in {",", "and", "the"} for t in doc[runs[-1][-1].end:m.start])
                or _unknown_names(doc[runs[-1][-1].end:m.start])):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _colon_list(doc, at: int, j: int, span: int = 6) -> bool:
    """ "Members took part: A, B", "the Dialogue Partners present in Suva: A, B": a short clause, then a colon."""
    gap = [t.lower_ for t in doc[at + 1:j]]
    if ":" not in gap:
        return False
    colon = len(gap) - 1 - gap[::-1].index(":")
    return colon <= span and all(w in _APPOSED for w in gap[colon + 1:]) and not set(gap[:colon]) & {";", ".", ",", "not"}


def _unknown_names(gap) -> bool:
    """Between two listed names, names the register lacks: ", the Cook Islands, " (capitalised words, comma-joined)."""
    words = [t for t in gap if t.lower_ not in {",", "and", "the"}]
    return bool(gap) and gap[0].text == "," and gap[-1].lower_ in {",", "and", "the"} and 0 < len(words) <= 8 \
        and all(t.is_alpha and t.text[:1].isupper() for t in words)


def clause_subject(ctx, sentence, before, at: int) -> list[Mention] | None:
    """The actors heading the clause of ``at`` after "that" or a semicolon, with those coordinated with the first
    ("we note that South Africa, Tanzania and Malawi continue to …"); ``None`` when there is no such clause."""
    doc = ctx.doc
    for k in range(at - 1, sentence.start - 1, -1):
        if doc[k].lower_ in {"that", ";"}:
            group = [a for a in before if k < a.start <= k + 3]
            if group:
                group = coordinated_from(doc, group[0].start, [a for a in before if a.start >= group[0].start])
            return group or None
    return None


_ADVERBS = {"also", "still", "now", "currently", "already", "today", "continues", "to", "has", "have", "had", "will",
            "would", "long"}


def verb_subject(ctx, sentence, lowers, political, verb: int) -> list[Mention]:
    """The actors right before the verb at ``verb`` (with those coordinated before them), also across a relative
    clause: "Spain and Italy also keep …", "Montenegro, which joined NATO in 2017, keeps …"."""
    before = [m for m in political if m.end <= sentence.start + verb]
    for k in range(len(before) - 1, -1, -1):
        m = before[k]
        gap = lowers[rel(m.end, sentence):verb]
        relative = len(gap) >= 3 and gap[0] == "," and gap[1] in {"which", "who"} and gap[-1] == ","
        if all(w in _ADVERBS for w in gap) or relative:
            if m.form == "coref" and ctx.doc[m.start].lower_ not in {"we", "it"} and not group_phrase(ctx, m):
                return []
            if m.form == "coref":  # "We" of a joint declaration, "the two countries": every actor it stands for
                return [a for a in before if a.form == "coref" and a.start == m.start and a.end == m.end]
            return [a for a in coordinated_before(before[:k + 1], ctx.lowers) if a.form != "coref" or a is m]
    return []  # (an actor inside the relative clause, "which joined NATO in June 2017,", is passed over)


_GROUP_HEADS = {"countries", "nations", "states", "governments", "sides", "us", "partners"}


def group_phrase(ctx, mention) -> bool:
    """A coreferent phrase that names a group of actors as a subject: "the two countries", "both sides", "all eight
    of our countries", "the eight of us"."""
    words = [t.lower_ for t in ctx.doc[mention.start:mention.end]]
    return len(words) >= 2 and words[0] in {"all", "each", "the", "our", "both", "their"} and words[-1] in _GROUP_HEADS


def clause_between(lowers, i: int, j: int) -> bool:
    """A new clause starts between sentence positions ``i`` and ``j``: ", and", ", but", ", while", ";"."""
    between = lowers[i:j]
    return ";" in between or any(between[k:k + 2] in ([",", "and"], [",", "but"], [",", "while"])
                                 for k in range(len(between)))


def relative_antecedent(ctx, sentence, lowers, states, o_start: int) -> Mention | None:
    """The state a relative clause before ``o_start`` is about: "Indonesia, which became a member of …"."""
    for j in range(o_start - 1, max(-1, o_start - 10), -1):
        if lowers[j] in {",", ";", "and"} and lowers[j + 1:j + 2] not in (["which"], ["who"]):
            return None
        if lowers[j] in {"which", "who"} and j >= 2 and lowers[j - 1] == ",":
            return next((s for s in states if s.form != "coref" and s.end == sentence.start + j - 1), None)
    return None
