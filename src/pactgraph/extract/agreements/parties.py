"""Parties of agreements: the rules that read who concluded an agreement (its name, "between A and B",
the subjects and signers of its sentence, relative clauses, "with" a partner, one each of a plural, the
main actors), and groupings written as their members."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clauses import coordinated_before, coordinated_from, rel, subject_group
from ..context import POLITICAL, DocContext, Sentence
from ..pipeline import texts_of
from ..words import NUMBER_WORDS, ORDINALS
from .clusters import _Cluster
from .conclusion import _conclusion_before_aside, _relative_start
from .cues import (_ACCESSION, _ALONG, _CONCLUDE, _COUNT_WORDS, _DISTRIBUTING_VERBS, _FINITE, _GENRE_NOUNS, _HAVE,
                   _NOT_CONCLUDED_YET, _PARTICIPLES, _RELATIVE_VERBS, _SIGNING_VERBS, _STANDING_VERBS, _TRUCE_HEADS, _singular)
from .dates import _dates_of_listed
from .mentions import _AgreementMention, _plural_mention

__all__ = ["constituents"]

_TOGETHER = _ALONG | {"jointly"}

# one state's own step into a treaty, which names no second side
_RATIFYING = {"ratification", "ratified", "ratifies", "deposited"}

_NOT_PARTY_BEFORE = {"in", "on", "about", "regarding", "against", "towards", "from", "into", "across", "to",
                     "at", "over", "under", "within", "near", "through"}


def constituents(ctx: DocContext, key: str) -> list[str]:
    """The actors a bilateral body is named after ("NATO-Ukraine Council" → NATO, Ukraine)."""
    from ..mentions import text_entities

    entity = ctx.gazetteer.register.entities.get(key)
    if entity is None or entity.kind != "body" or not ({"-", "–"} & set(entity.label)):
        return []
    inside = [k for k in text_entities(entity.label, ctx.gazetteer) if k != key and ctx.entity_kind(k) in POLITICAL]
    inside = list(dict.fromkeys(inside))
    return inside if len(inside) >= 2 else []


def _signed_with_partners(ctx: DocContext, sentence: Sentence, subject, actors) -> list:
    """The partners the subject signed with, named before the object: "I signed together with my counterparts from
    Tanzania and Malawi a memorandum …", "Oman signed with the Minister of Defence of Qatar an agreement …"."""
    lowers = ctx.lowers
    k = next((j for j in range(subject.end, min(sentence.end - 2, subject.end + 4)) if lowers[j] in _SIGNING_VERBS),
             None)
    if k is None:
        return []
    k += 1 + (lowers[k + 1] in _TOGETHER)
    if lowers[k] != "with":
        return []
    first = next((m for m in actors if k < m.start <= k + 8 and m.form != "coref"), None)
    if first is None or any(lowers[j] in {",", ";", "which", "that", "and"} for j in range(k, first.start)):
        return []
    return [first] + coordinated_from(ctx.doc, first.end, [m for m in actors if m.start >= first.end])


_CALL_VERBS = {"urged", "urges", "urge", "called", "calls", "call", "encouraged", "encourages", "invited", "invites",
               "requested", "requests", "appealed", "appeals"}
_KEEP_VERBS = {"implement", "respect", "abide", "comply", "adhere", "honour", "honor", "uphold", "fulfil", "fulfill"}


def _called_to_implement(ctx: DocContext, sentence: Sentence) -> list[str] | None:
    """ "urged the South Sudanese parties to implement the Revitalized Agreement": the parties urged."""
    lowers = ctx.tokens_lower(sentence)
    for i, word in enumerate(lowers):
        if word not in _CALL_VERBS:
            continue
        to = next((j for j in range(i + 1, min(len(lowers) - 1, i + 12)) if lowers[j] == "to"
                   and lowers[j + 1] in _KEEP_VERBS), None)
        if to is None:
            continue
        keys = [m.key for m in ctx.actors_in(sentence) if m.form != "coref"
                and sentence.start + i < m.start < sentence.start + to]
        if keys:
            return list(dict.fromkeys(keys))
    return None


# Words between "between" or "by" and a listed actor, or between two of them: "by the Heads of State of A, B and C",
# "by the Presidents of A, B and C", "between the defence ministries of A and B", "between the Ministry of Defense of A
# and the Department of National Defense of B"
_LIST_GAP_WORDS = {",", "and", "the", "namely", "its", "neighbours", "four", "guarantor", "institutions", "government",
                   "of", "heads", "state", "governments", "presidents", "leaders", "prime", "ministers", "foreign",
                   "defence", "defense", "ministries", "ministry", "department", "national", "affairs", "interior",
                   "armed", "forces"}


def _not_yet_founded(ctx: DocContext, key: str, cluster: _Cluster) -> bool:
    """Whether an organization named in an agreement's name began only on or after the day (or in or after the year)
    the agreement was concluded: "the NORAD Agreement, first concluded on 12 May 1958" founded the command it names,
    which could not be its party."""
    start = ctx.gazetteer.register.periods.get(key, (None, None))[0]
    if not start or ctx.entity_kind(key) == "state":
        return False
    days = [m.date[2] for m in cluster.mentions if m.date] + [m.named_year or m.year for m in cluster.mentions
                                                              if m.named_year or m.year]
    return bool(days) and start[:len(min(days))] >= min(days)[:len(start)]


def _parties_of_sentence(ctx: DocContext, sentence: Sentence) -> list[str]:
    """The parties a sentence (or clause) that concludes an agreement gives, read once per sentence (the mentions'
    sides and the agreements' parties both ask)."""
    key = (sentence.start, sentence.end)
    if key not in ctx.sentence_parties:
        ctx.sentence_parties[key] = _read_parties_of_sentence(ctx, sentence)
    return list(ctx.sentence_parties[key])


def _read_parties_of_sentence(ctx: DocContext, sentence: Sentence) -> list[str]:
    doc = ctx.doc
    lowers = ctx.tokens_lower(sentence)
    called = _called_to_implement(ctx, sentence)
    if called:
        return called
    actors = [m for m in ctx.actors_in(sentence) if not (m.form == "coref" and m.confidence < 0.7)]
    # "between A and B", "by A, B and C"
    for word in ("between", "by"):
        if word in lowers and not (word == "between" and lowers[lowers.index(word) - 1] in {"relations", "ties"}):
            # (not "a Joint Declaration raising relations between the Union and the region": what it is about)
            at = sentence.start + lowers.index(word)
            listed = []
            for m in actors:
                if m.start <= at:
                    continue
                gap = [t.lower_ for t in doc[(listed[-1].end if listed else at + 1):m.start]]
                if all(w in _LIST_GAP_WORDS or not w.isalpha() for w in gap):
                    listed.append(m)
                else:
                    break
            if len(listed) >= 2 or (word == "between" and listed):
                if word == "by":  # ("… by Armenia, …, Tajikistan and Uzbekistan and joined by Belarus")
                    listed += _joined_by(ctx, sentence, listed[-1].end, actors)
                return list(dict.fromkeys(m.key for m in listed))
            if len(listed) == 1 and word == "by" and set(lowers[max(0, at - sentence.start - 10):at - sentence.start]) \
                    & _PARTICIPLES and _unregistered_side(ctx, sentence, listed[0].key):
                return [listed[0].key]  # "signed … by the Government of Ethiopia and the Tigray People's Liberation
                # Front": the one side the register holds
    # "when the defence ministers of A, B, C and D signed a letter of intent": the states of the posts that sign
    for j in range(1, len(lowers) - 1):
        if lowers[j] != "of" or lowers[j - 1] not in _SIGNING_POSTS:
            continue

        listed = coordinated_from(doc, sentence.start + j + 1, [m for m in actors if m.form != "coref"],
                                  joins={",", "and", "the", "of"})  # ("the leaders of the EU and of A, B and C")
        if len(listed) >= 2:
            k = rel(listed[-1].end, sentence)
            if set(lowers[k:k + 3]) & _CONCLUDE:
                return list(dict.fromkeys(m.key for m in listed))
    roles = _in_roles(ctx, sentence)
    if roles:
        actors = [m for m in actors if m.start not in roles]
    # "signed … by Prime Minister Pashinyan and President Aliyev, in the presence of President Trump": those present
    # are not parties when others sign; when no one else does, they are the only sign of whose the documents are
    present = roles | _phrase_spans(ctx, sentence, _PRESENCE)
    for excluded in ((present, roles) if present != roles else (roles,)):
        subject = subject_group(ctx, sentence, [m for m in ctx.actors_in(sentence) if m.start not in excluded
                                                and not (m.form == "coref" and _peers_from(ctx, sentence, m.end))])
        signers = []
        for iri, start, _ in ctx.person_mentions:
            if sentence.start <= start < sentence.end and start not in excluded:
                for key in ctx.positions_by_person.get(iri, [])[:1]:
                    if key not in signers and ctx.entity_kind(key) in POLITICAL:
                        signers.append(key)
        if subject or signers:
            break
    if subject:
        # "our Ministry of Police, National Security and Correctional Services and its Papua New Guinean counterpart
        # signed …": a peer named by its adjective before the verb is a subject too
        verb = next((i for i in range(subject[-1].end, sentence.end) if ctx.lowers[i] in _CONCLUDE), None)
        subject = subject + [m for m in actors if verb is not None and subject[-1].end <= m.start < verb
                             and m.form == "adjective" and _adjective_group(ctx, sentence, m)
                             and "and" in ctx.lowers[subject[-1].end:m.start]
                             and m.key not in {s.key for s in subject}]
    if subject or signers:
        keys = []
        for m in subject + (_signed_with_partners(ctx, sentence, subject[-1], actors) if subject else []):
            keys += constituents(ctx, m.key) or [m.key]
        return list(dict.fromkeys(keys + signers))
    parties = []
    for mention in actors:
        k = mention.start - 1
        if k >= sentence.start and doc[k].lower_ == "the":
            k -= 1
        prev = doc[k].lower_ if k >= sentence.start else ""
        if prev in _NOT_PARTY_BEFORE and not (prev == "from" and k > sentence.start and doc[k - 1].lower_ in _PEER_NOUNS):
            continue  # (but "my counterparts from Tanzania and Malawi")
        if {t.lower_ for t in doc[max(sentence.start, k - 3):k + 1]} & {"facilitation", "mediation", "auspices",
                                                                        "facilitated", "mediated", "witnessed"}:
            continue  # "under the facilitation of the Republic of Chad": the facilitator is not a party
        if prev == "of" and ctx.entity_kind(mention.key) != "state" and {t.lower_ for t in doc[max(
                sentence.start, k - 6):k]} & {"members", "member", "membership", "presidency", "chair", "chairmanship",
                                                "founding", "founders"}:
            continue  # "members of BRICS and of the G20", "preparing for membership of the Alliance", "one of the
            # founding states of the Caribbean Community" do not conclude the agreement as organizations
        if mention.end < sentence.end and doc[mention.end].text in {"Headquarters", "headquarters"}:
            continue
        if prev == "of" and k > sentence.start and doc[k - 1].lower_ in {"headquarters", "seat", "premises"}:
            continue  # "at the headquarters of the Organization of American States in Washington": the venue
        if mention.form in ("adjective", "member") and not _adjective_group(ctx, sentence, mention):
            continue  # "movement of Allied forces", "the Indian Space Research Organisation"
        for key in constituents(ctx, mention.key) or [mention.key]:
            if key not in parties:
                parties.append(key)
    return parties


_PEER_NOUNS = {"neighbours", "neighbors", "partners", "allies", "counterparts", "counterpart", "colleagues",
               "friends", "governments", "authorities", "leaders", "presidents", "delegations", "ministers", "colleague"}


def _adjective_group(ctx: DocContext, sentence: Sentence, mention) -> bool:
    """Whether a state's adjective heads a noun for its government or people, alone or with others ("our Tajik and
    Uzbek neighbours", "his Panamanian counterpart", "the Greek and Cypriot governments")."""
    if mention.form != "adjective" or ctx.entity_kind(mention.key) != "state":
        return False
    return _peers_from(ctx, sentence, mention.end)


def _peers_from(ctx: DocContext, sentence: Sentence, k: int) -> bool:
    """Whether states' adjectives from token ``k`` on lead to a noun for their governments ("Tajik and Uzbek
    neighbours"), or that noun comes at once ("our neighbours": not us)."""
    adjectives = {m.start: m.end for m in sentence.mentions if m.kind == "actor" and m.form == "adjective"}
    while k < sentence.end and (ctx.lowers[k] in {"and", ","} or k in adjectives):
        k = adjectives.get(k, k + 1)
    return k < sentence.end and ctx.lowers[k] in _PEER_NOUNS


_ROLE_NOUNS = {"facilitator", "facilitators", "mediator", "mediators", "guarantor", "guarantors", "observer",
               "observers", "witness", "witnesses", "witnessing", "mediating"}  # ("… as witnessing States")


def _list_start(ctx: DocContext, sentence: Sentence, end: int) -> int:
    """Where the list of actors that ends at token ``end`` starts ("France, Germany, the United Kingdom and the United
    States as witnessing States"); ``end`` when no actor ends there."""
    before = [m for m in ctx.actors_in(sentence, coref=False) if m.end <= end]
    if not before or not all(w in {",", "and", "the"} for w in ctx.lowers[before[-1].end:end]):
        return end
    return coordinated_before(before, ctx.lowers)[0].start


def _in_roles(ctx: DocContext, sentence: Sentence) -> set[int]:
    """The tokens of those a sentence names in a role beside the parties: "…, with the Prime Minister of Dominica,
    Roosevelt Skerrit, acting as facilitators, and with Brazil as an observer" (from the "with" before the role, or
    the few words before it when there is none)."""
    lowers = ctx.lowers
    out: set[int] = set()
    for r in range(sentence.start + 1, sentence.end - 1):
        if lowers[r] != "as":
            continue
        n = r + 2 if lowers[r + 1] in {"a", "an", "the"} else r + 1
        if n >= sentence.end or lowers[n] not in _ROLE_NOUNS:
            continue
        back = next((i for i in range(r - 1, max(sentence.start, r - 40) - 1, -1) if lowers[i] == "with"
                     or lowers[i] in _CONCLUDE), None)
        start = back if back is not None and lowers[back] == "with" else max(sentence.start, r - 4)
        if back is not None and lowers[back] in _CONCLUDE and r - back <= 6:
            start = sentence.start  # "The Chairperson of the Commission … signed the Agreement as witnesses"
        start = min(start, _list_start(ctx, sentence, r))
        end = n + 1
        if lowers[end:end + 1] in (["for"], ["of"]):  # ("acting as facilitators for CELAC and CARICOM")
            end = next((i for i in range(end, sentence.end) if lowers[i] in {",", ";", "("}), sentence.end)
        out.update(range(start, end))
    return out | _phrase_spans(ctx, sentence, _ROLE_LEADS)


# "at the invitation of H.E. Recep Tayyip Erdoğan, President of the Republic of Türkiye", "under the patronage of",
# "hosted and mediated by": the host, patron or mediator of a signing is not a party (not "in the presence of", kept
# apart in _PRESENCE: the leaders who witness the exchange of memoranda are often the only sign of whose they are)
_ROLE_LEADS = (("invitation", "of"), ("patronage", "of"), ("auspices", "of"), ("mediation", "of"),
               ("facilitation", "of"), ("hosted", "by"), ("mediated", "by"), ("facilitated", "by"), ("convened", "by"),
               # those who guarantee, witness or broker a peace agreement are not its parties: "… signed in Juba,
               # guaranteed by South Sudan and witnessed by the African Union"
               ("guaranteed", "by"), ("witnessed", "by"), ("brokered", "by"), ("guarantors", ","), ("witnesses", ","),
               # and a role named before the one who holds it: "commends the ECOWAS Mediator, President X of Y, …"
               ("mediator", ","), ("mediators", ","), ("facilitator", ","), ("facilitators", ","))
_PRESENCE = (("in", "the", "presence", "of"),)


def _phrase_spans(ctx: DocContext, sentence: Sentence, leads) -> set[int]:
    """The tokens from each of the ``leads`` phrases in a sentence to the end of the phrase that follows it (see
    :func:`_role_end`)."""
    lowers = ctx.lowers
    out: set[int] = set()
    for r in range(sentence.start, sentence.end):
        for lead in leads:
            if lowers[r] == lead[0] and tuple(lowers[r:r + len(lead)]) == lead:
                start = r
                if lead[-1] == ",":  # (a role noun: from its determiner, "the ECOWAS Mediator, …")
                    start = next((i for i in range(r - 1, max(sentence.start, r - 5) - 1, -1)
                                  if lowers[i] in {"the", "a", "an", "its", "their", "our"}), r)
                out.update(range(start, _role_end(ctx, sentence, r + len(lead))))
    return out


def _role_end(ctx: DocContext, sentence: Sentence, k: int) -> int:
    """Where the role phrase from token ``k`` ends: at the next comma, semicolon or bracket, past the post that
    follows a name ("…, President of the Republic of Türkiye")."""
    lowers, texts = ctx.lowers, texts_of(ctx.doc)
    while k < sentence.end:
        if lowers[k] in {";", "(", ")"}:
            return k
        if lowers[k] == ",":
            if k + 1 < sentence.end and texts[k + 1][:1].isupper() and lowers[k + 1] not in {"the", "and"}:
                k += 1  # (a post after the name)
                continue
            return k
        k += 1
    return k


def _accession_parties(ctx: DocContext, sentence: Sentence) -> list[str]:
    doc = ctx.doc
    out = []
    for m in ctx.actors_in(sentence, {"state"}, coref=False):
        k = m.start - 1
        if k >= sentence.start and doc[k].lower_ == "the":
            k -= 1
        if k >= sentence.start and doc[k].lower_ in _NOT_PARTY_BEFORE | {"with", "of"} \
                and not (doc[k].lower_ == "of" and k > sentence.start and doc[k - 1].lower_ in _ACCESSION):
            continue  # (but "the accession of Kuwait and Panama")
        if m.key not in out:
            out.append(m.key)
    if not out:
        return []
    # the first acceding state and those coordinated with it: "the accession of Kuwait and Panama to the TAC"
    states = ctx.actors_in(sentence, {"state"}, coref=False)
    first = next(m for m in states if m.key == out[0])
    group = [first]
    for m in states:
        if m.start >= group[-1].end and all(t.lower_ in {",", "and", "the"} for t in doc[group[-1].end:m.start]) \
                and m.start > group[-1].start:
            group.append(m)
        elif m.start > group[-1].end:
            break
    return list(dict.fromkeys(m.key for m in group))


def _as_members(ctx: DocContext, parties: list[str], party_sentences: dict) -> tuple[list[str], dict, list[str]]:
    """A grouping or organization of a few states (the Weimar Triangle, AUKUS, the Quad, the Alliance of Sahel
    States) is written as its member states in the register, each shown by the grouping's sentences. Returns the
    parties, their sentences and the groupings so written."""
    register = ctx.gazetteer.register
    out, where, groupings = [], dict(party_sentences), []
    for key in parties:
        kind = ctx.entity_kind(key)
        members = sorted(register.members_of(key)) if kind in _GROUPING_SIZE else []
        if 2 <= len(members) <= _GROUPING_SIZE.get(kind, 0):
            groupings.append(key)
            for member in members:
                if member not in out:
                    out.append(member)
                    where.setdefault(member, party_sentences.get(key, []))
        elif key not in out:
            out.append(key)
    return out, where, groupings


# the most member states a grouping or an organization written as its members has (not the G7, nor Mercosur, which
# conclude agreements as blocs)
_GROUPING_SIZE = {"grouping": 5, "organization": 3}


def _as_parents(ctx: DocContext, parties: list[str], party_sentences: dict) -> tuple[list[str], dict]:
    """"President Costa and the President of the Commission signed …": the EU, shown by its bodies' sentences."""
    merged = ctx.bodies_as_parent(parties)
    if merged == parties:
        return parties, party_sentences
    entities = ctx.gazetteer.register.entities
    return merged, {k: party_sentences.get(k) or [s for b in parties if entities[b].parent == k
                                                  for s in party_sentences.get(b, [])] for k in merged}


@dataclass
class _Direct:
    key: str
    sent_of: Sentence


def _prepositional(ctx: DocContext, sentence: Sentence, mention) -> bool:
    """Whether a mention is the object of a preposition ("with the Alliance", "of Japan")."""
    k = mention.start - 1
    if k >= sentence.start and ctx.lowers[k] == "the":
        k -= 1
    return k >= sentence.start and ctx.lowers[k] in _NOT_PARTY_BEFORE | {"with", "of", "by", "for"}


_RELATIONS_NOUNS = {"relations", "relationship", "ties", "cooperation", "partnership"}
_FORCES = {"forces", "troops", "soldiers", "personnel", "units", "contingents", "contingent", "police", "officers"}


def _relative_antecedent(ctx: DocContext, mention: _AgreementMention) -> list:
    """The actors a relative clause that concludes the agreement hangs on: "India, which concluded a strategic
    partnership agreement with Kabul in 2011" → India; "Sweden and Finland, which concluded …" → both; none when the
    clause has no such actor right before it."""
    lowers, sentence = ctx.lowers, mention.sentence
    for k in range(mention.name_start - 1, max(sentence.start + 1, mention.name_start - 8), -1):
        if lowers[k] in {"which", "who"} and lowers[k - 1] == ",":
            if not set(lowers[k + 1:mention.name_start]) & _CONCLUDE:
                return []
            before = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False)
                      if m.end <= k - 1 and m.form != "adjective"]
            return coordinated_before(before, lowers) if before and before[-1].end == k - 1 else []
        if lowers[k] in {",", ";", ":"}:
            return []
    return []


def _possessor(ctx: DocContext, mentions: list[_AgreementMention]) -> list[str]:
    """The actor "its" stands for before an agreement's name: the last one named before it in the sentence
    ("Burundi has troops in South Kivu under its own bilateral agreement with Kinshasa")."""
    lowers = ctx.lowers
    for mention in mentions:
        k = mention.name_start - 1
        while k > mention.sentence.start and lowers[k] in {"own", "new"}:
            k -= 1
        if k <= mention.sentence.start or lowers[k] != "its":
            continue
        before = [m for m in ctx.actors_in(mention.sentence, POLITICAL, coref=False)
                  if m.end <= k and m.form != "adjective"]
        if before:
            return [before[-1].key]
    return []


def _direct_with(ctx: DocContext, concluding) -> list[_Direct]:
    """The actor named right after an agreement's name with "with": "the Agreement with Papua New Guinea", "the
    Programme agreed with NATO"; or the one the sentence is about when it opens "With Australia, our relations rest
    on the Framework Agreement …" or reads "Its relations with the European Union are governed by the …
    Agreement"."""
    out = []
    lowers = ctx.lowers
    for mention in concluding:
        sentence, k = mention.sentence, mention.name_end
        actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form != "adjective"]
        at = None
        if k < sentence.end and lowers[k] == "with":
            at = k
        elif k + 1 < sentence.end and lowers[k] in _RELATIVE_VERBS and lowers[k + 1] == "with":
            at = k + 1  # "the Individually Tailored Partnership Programme agreed with NATO in July 2023"
        elif lowers[sentence.start] == "with":
            comma = next((i for i in range(sentence.start + 1, mention.name_start) if lowers[i] == ","), None)
            at = sentence.start if comma is not None else None
        else:
            at = next((i for i in range(max(sentence.start, mention.name_start - 12), mention.name_start - 1)
                       if lowers[i] == "with" and lowers[i - 1] in _RELATIONS_NOUNS), None)
        other = next((m for m in actors if at is not None and m.start in (at + 1, at + 2)), None)
        if other is not None:
            # ("signed a trilateral memorandum with Sweden and Türkiye": each of the list)
            listed = coordinated_from(ctx.doc, other.start, actors) if at >= mention.name_end else []
            if len(listed) > 1 and ("and" not in lowers[listed[-2].end:listed[-1].start] or (
                    len(listed) == 2 and "," in lowers[listed[0].end:listed[1].start])):
                listed = []  # (a list ends with "and": not "With Ukraine, Luxembourg concluded …", nor "… with
                # New Zealand, and Manila says …")
            for m in listed or [other]:
                if all(d.key != m.key for d in out):
                    out.append(_Direct(m.key, sentence))
    return out


def _each_with_one(ctx: DocContext, mention):
    """ "Both countries already take part … under framework participation agreements with the Union": each state of
    the subject has its own agreement with the one partner after "with". Returns (partner, sentence, states)."""
    sentence, lowers = mention.sentence, ctx.lowers
    if lowers[mention.name_end:mention.name_end + 1] != ["with"]:
        return None
    actors = ctx.actors_in(sentence, POLITICAL)
    partner = next((m for m in actors if m.start in (mention.name_end + 1, mention.name_end + 2)
                    and m.form != "adjective"), None)
    if partner is None:
        return None
    subject = [m for m in subject_group(ctx, sentence, actors) if m.end <= mention.name_start]
    keys = list(dict.fromkeys(m.key for m in subject if m.key != partner.key and ctx.entity_kind(m.key) == "state"))
    if len(keys) < 2:
        return None
    return partner.key, sentence, keys


_LATER_ORDINALS = ORDINALS - {"first"} | {"latest", "newest", "last"}


def _earlier_ones(ctx: DocContext, mention):
    """ "The Philippines is the third country with which Japan has signed an RAA, following Australia and the United
    Kingdom", "It is only the third reciprocal access agreement Tokyo has ever signed, after those with Canberra and
    London": the owner's earlier agreements of the same kind, one with each state listed after "following" or "after".
    Returns (owner, sentence, those states) or ``None``."""
    sentence, lowers = mention.sentence, ctx.lowers
    if mention.not_yet or _plural_mention(ctx, mention):
        return None
    ordinal = next((k for k in range(max(sentence.start, mention.name_start - 10), mention.start)  # (the name may
                    # begin with it: "the third RAA Japan has signed")
                    if lowers[k] in _LATER_ORDINALS), None)
    if ordinal is None:
        return None
    lead = next((k for k in range(mention.name_end, min(sentence.end - 1, mention.name_end + 8))
                 if lowers[k] in {"following", "after"}), None)
    if lead is None or not set(lowers[ordinal:lead]) & (_CONCLUDE | _SIGNING_VERBS | {"put"}):
        return None  # (also "the seventh country to put its name to a bilateral security agreement")
    actors = [m for m in ctx.actors_in(sentence, POLITICAL) if m.form != "adjective"]
    owner = next((m for m in reversed(actors) if ordinal < m.start and m.end <= lead and m.start != mention.name_start
                  and set(lowers[m.end:min(lead, m.end + 4)]) & (_CONCLUDE | _SIGNING_VERBS | {"has", "have"})), None)
    if owner is None:  # "… a bilateral security agreement of this kind with Ukraine, after the United Kingdom, …":
        # the one all of them concluded it with
        at = next((k + 1 for k in range(mention.name_end, lead) if lowers[k] == "with"), None)
        owner = next((m for m in actors if at is not None and m.start in (at, at + 1) and m.end <= lead), None)
    if owner is None:
        return None
    k = lead + 1
    while k < sentence.end and lowers[k] in {"those", "ones", "agreements", "similar", "signed", "concluded"}:
        k += 1
    if k < sentence.end and lowers[k] == "with":
        k += 1
    states = [m for m in actors if m.start >= k and ctx.entity_kind(m.key) == "state"]
    partners = [m.key for m in coordinated_from(ctx.doc, k, states) if m.key != owner.key]
    if not partners:
        return None
    return owner.key, sentence, partners


_LIST_LEADS = {",", "starting", "beginning", "notably", "first"}


def _with_lists(ctx: DocContext, sentence: Sentence, at: int) -> list[str]:
    """The states listed after the "with" at token ``at``, and after each later "and with", ", with" or "followed by
    … with" close by: "with Japan and Korea in 2023, and with Australia in 2024", "with the United Kingdom in London on
    19 May and with Canada in Brussels on 23 June", "with Australia in 2022, with the United Kingdom in 2023 and with
    the Philippines in 2024"."""
    lowers = ctx.lowers
    states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.start > at]
    partners, k, last = [], at, at
    while k < sentence.end and k - last <= 12 and lowers[k] not in {";", ":"}:
        if (lowers[k] == "with" and (k == at or "and" in lowers[k - 4:k] or lowers[k - 1] in _LIST_LEADS
                                     or lowers[k - 3:k - 1] == ["followed", "by"])) \
                or (lowers[k] == "then" and partners and lowers[k - 1] == "and") \
                or (lowers[k] == "including" and not partners and k > at):
            # (also "…, and in April with Finland and Latvia")
            # (also "…, followed by partnerships with Japan and the Republic of Korea")
            # (also "with more than twenty partners, starting with the United Kingdom in January, and then Germany and
            # France in February", "with twelve partners, including Japan and Korea")
            first = k + 1
            if lowers[first:first + 1] == ["the"] and lowers[first + 1:first + 2] in (["governments"], ["authorities"]) \
                    and lowers[first + 2:first + 3] in (["in"], ["of"]):
                first += 3  # ("with the Governments in Bangui and Maputo", "with the governments of Chad and Niger")
            group = coordinated_from(ctx.doc, first, [m for m in states if m.start >= first], years=True)
            if not group:
                noun = _counted_partners(ctx, k + 1) if k == at else None
                if noun is None:
                    break
                # "with a number of partners – the United States, France, …", "with several states, including …"
                opener = _list_opener(lowers, noun + 1, sentence.end)
                group = coordinated_from(ctx.doc, opener, [m for m in states if m.start >= opener], years=True) \
                    if opener is not None else []
                if not group:
                    k += 1
                    continue
            partners += [m.key for m in group]
            k = last = group[-1].end
            continue
        k += 1
    return list(dict.fromkeys(partners))


def _counted_partners(ctx: DocContext, i: int) -> int | None:
    """The partners' noun of a count of partners opening at token ``i`` ("more than twenty-five partners", "12
    countries", "several states", "a number of partners"), or ``None``."""
    lowers = ctx.lowers
    if lowers[i:i + 3] in (["a", "number", "of"], ["a", "range", "of"], ["a", "host", "of"]):
        j = i + 2  # (the noun follows "of", as it follows a count word)
    else:
        j = i + 2 if lowers[i:i + 2] in (["more", "than"], ["over", "a"]) \
            else i + 1 if lowers[i:i + 1] in (["over"], ["some"]) else i
        if not lowers[j:j + 1] or not (lowers[j] in _COUNT_WORDS or ctx.doc[j].like_num):
            return None
    return next((n for n in range(j + 1, min(j + 4, len(lowers)))
                 if lowers[n] in {"partners", "countries", "states", "nations", "governments"}), None)


_LIST_OPENERS = {"–", "—", "-", ":", "including", "namely"}


def _list_opener(lowers: list[str], k: int, end: int) -> int | None:
    """Where a list after a count of partners begins: after a dash, a colon, "including", "namely" or "such as",
    each possibly after a comma ("a number of partners – the United States, France …")."""
    if k < end and lowers[k] == ",":
        k += 1
    if k < end and lowers[k] in _LIST_OPENERS:
        return k + 2 if lowers[k] in {"–", "—", ":"} and lowers[k + 1:k + 2] == ["including"] else k + 1
    if lowers[k:k + 2] in (["such", "as"], ["among", "them"]):
        return k + 2  # (also "with a number of partners, among them the United States, Canada …")
    return None


def _relative_pronoun(lowers, at: int) -> int | None:
    """Where the pronoun subject of a relative clause right after an agreement's name (token ``at``) stands: "it" in
    "… it signed with …", "they" in "… that they concluded …" (or ``None``)."""
    k = at + (lowers[at:at + 1] in (["that"], ["which"]))
    return k if lowers[k:k + 1] in (["it"], ["they"], ["we"], ["he"], ["she"]) else None


def _pronoun_relative_with(lowers, at: int) -> int | None:
    """ "the defence agreement it signed with the Emirates", "the memorandum that they concluded with NATO": the token
    after the "with" of a relative clause whose subject is a pronoun, right after the name's end at ``at`` (or
    ``None``)."""
    k = _relative_pronoun(lowers, at)
    if k is None:
        return None
    k += 1
    while lowers[k:k + 1] and lowers[k] in _RELATIVE_ADVERBS:
        k += 1  # ("the arrangements it already has with …", "that it had also concluded with …")
    if lowers[k:k + 1] and lowers[k] in _HAVE and lowers[k + 1:k + 2] == ["with"]:
        return k + 2  # ("the visiting forces arrangements it has with the United States and Australia")
    k += bool(lowers[k:k + 1]) and lowers[k] in _HAVE
    while lowers[k:k + 1] and lowers[k] in _RELATIVE_ADVERBS:
        k += 1
    if lowers[k:k + 1] and lowers[k] in _RELATIVE_VERBS and lowers[k + 1:k + 2] == ["with"]:
        return k + 2
    return None


def _relative_subject(ctx: DocContext, mention) -> tuple[str, int] | None:
    """The actor a relative clause after a plural agreement's name opens with, when the clause concludes them with
    partners, and where the partners' "with" stands: "the status agreements … that the European Union has concluded
    with Albania, Montenegro …", also after the name's own partner ("… on operational cooperation with Frontex that
    the Union has concluded with …"), gives the Union (or ``None``)."""
    lowers, sentence, end = ctx.lowers, mention.sentence, mention.name_end
    actors = [a for a in sentence.mentions if a.kind == "actor" and a.form not in ("coref", "adjective")]
    if lowers[end:end + 1] == ["with"] and mention.partner:
        own = next((a for a in actors if a.key == mention.partner and end < a.start <= end + 2), None)
        end = own.end if own is not None else end
    if lowers[end:end + 1] not in (["that"], ["which"]):
        return None
    subject = next((a for a in actors if end < a.start <= end + 2 and set(lowers[end + 1:a.start]) <= {"the"}), None)
    if subject is None or ctx.entity_kind(subject.key) not in POLITICAL:
        return None
    k = subject.end
    while lowers[k:k + 1] and lowers[k] in _HAVE | _RELATIVE_ADVERBS:
        k += 1
    at = _first_with(lowers, k + 1, min(sentence.end, k + 3)) if lowers[k:k + 1] and lowers[k] in _RELATIVE_VERBS \
        else None
    return (subject.key, at) if at is not None else None


def _of_the_same_kind(lowers, at: int) -> bool:
    """Whether "of the same kind" (type, sort) follows at token ``at``: "the agreement of the same kind signed
    between …", another of the kind."""
    return lowers[at:at + 3] == ["of", "the", "same"] and lowers[at + 3:at + 4] in (["kind"], ["type"], ["sort"])


def _pronoun_subject(ctx: DocContext, mention, pronoun: str, actors=None) -> list:
    """Who "it" or "they" is, as the subject of a relative clause after an agreement's name ("Korea … the ITPP that
    it agreed", "the bilateral agreements it had concluded with …"): for "it" the actor heading the sentence (or
    else the state heading the sentence before: "Moldova … . Under the framework participation agreement it
    concluded with the Union in 2012, …"), for "they" the last named before the agreement."""
    sentence = mention.sentence
    actors = ctx.actors_in(sentence, POLITICAL) if actors is None else actors
    before = [m for m in actors if m.form != "coref" and m.end <= mention.name_start]
    heading = [m for m in subject_group(ctx, sentence, before, lead=8) if m.form != "coref"]
    if pronoun == "it":
        # (not the object of a preposition: "Rwanda had deployed forces to the Central African Republic and to
        # Mozambique under the bilateral agreements it had concluded with …")
        subject = heading[:1] or next(([m] for m in reversed(before) if not _object_of_preposition(ctx, m, before)),
                                      [])
    else:
        subject = before[-1:]
    if not subject and pronoun == "it" and sentence.index > 0:
        previous = ctx.sentences[sentence.index - 1]
        heading = subject_group(ctx, previous, ctx.actors_in(previous, POLITICAL, coref=False), lead=8)
        subject = [m for m in heading if ctx.entity_kind(m.key) == "state"][:1]
    return subject


def _object_of_preposition(ctx: DocContext, mention, actors: list) -> bool:
    """Whether an actor is governed by a preposition ("to Mozambique", "with Australia, Japan and Viet Nam"), itself
    or as a later item of a list the preposition leads."""
    lowers = ctx.lowers
    by_end = {m.end: m for m in actors}
    while True:  # (back along the list, item by item, however long: no recursion)
        k = mention.start - 1
        while k >= 0 and lowers[k] == "the":
            k -= 1
        if k < 0:
            return False
        if lowers[k] not in {"and", ","}:
            return lowers[k] in _GOVERNING
        mention = by_end.get(k) or by_end.get(k - 1)
        if mention is None:
            return False


_GOVERNING = {"to", "with", "in", "from", "for", "by", "of", "on", "at", "under", "between", "among", "into", "against",
              "towards", "toward", "alongside", "beside", "than"}


_RELATIVE_ADVERBS = {"already", "also", "now", "since", "recently", "previously", "earlier", "once"}


def _first_with(lowers: list[str], start: int, stop: int) -> int | None:
    """The first "with" from ``start`` within six tokens that a state list can follow (not "with those")."""
    return next((j for j in range(start, min(stop, start + 7)) if lowers[j] == "with"
                 and lowers[j + 1:j + 2] not in (["those"], ["these"], ["them"])), None)


def _each_subject(ctx: DocContext, cluster: _Cluster):
    """ "Germany and France each concluded a bilateral agreement … with Ukraine": a singular agreement concluded by
    each of two or more states with one partner is one agreement per state. Returns (the partner, the sentence, the
    states) or ``None``."""
    lowers = ctx.lowers
    for mention in cluster.mentions:
        if mention.concluded and not mention.not_yet and not mention.partner and _plural_mention(ctx, mention):
            relative = _relative_each(ctx, mention) or _of_their_own(ctx, mention)
            if relative:
                return relative
        if not mention.concluded or mention.not_yet or not mention.partner:
            continue
        sentence = mention.sentence
        each = next((i for i in range(max(sentence.start, mention.name_start - 5), mention.name_start)
                     if lowers[i] == "each"), None)
        if each is None and _plural_mention(ctx, mention):
            # "Chile and Colombia, which signed framework participation agreements with the Union", "Both countries
            # take part under framework participation agreements with the Union": one each too
            group = _group_before(ctx, sentence, mention)
            if len(group) >= 2:
                return mention.partner, sentence, group
            continue
        if each is None or not set(lowers[each + 1:mention.name_start]) & _CONCLUDE:
            continue
        subjects = list(dict.fromkeys(a.key for a in ctx.actors_in(sentence, POLITICAL, coref=False)
                                      if a.end <= each and a.form != "adjective" and a.key != mention.partner))
        colon = next((i for i in range(mention.name_end, sentence.end) if lowers[i] == ":"), None)
        if len(subjects) < 2 and colon is not None:
            # "the six countries … had each concluded a bilateral security agreement with Ukraine in 2024: the United
            # Kingdom first, …, then France and Germany on 16 February, Italy …": the states listed after the colon
            listed = list(dict.fromkeys(a.key for a in ctx.actors_in(sentence, {"state"}, coref=False)
                                        if a.start > colon and a.form != "adjective" and a.key != mention.partner))
            count = next((_COUNTS[w] for w in lowers[max(sentence.start, each - 10):each] if w in _COUNTS), None)
            if len(listed) >= 2 and (count == len(listed) or count is None and _dates_of_listed(ctx, sentence, listed)):
                subjects = listed  # (uncounted, a list that gives each its day: not "NATO allies have each signed a
                # bilateral security agreement with Ukraine: Russia and Belarus condemned the documents")
        if len(subjects) >= 2:
            return mention.partner, sentence, subjects
    return None


def _of_their_own(ctx: DocContext, mention):
    """ "Oslo concluded a … Agreement with the United States in April 2021, and Stockholm, Helsinki and Copenhagen
    signed defence cooperation agreements of their own": a plural that two or more signers concluded "of their own"
    is one each with the partner "with" names before it in its sentence. Returns (the partner, the sentence, the
    signers) or ``None``."""
    lowers, sentence = ctx.lowers, mention.sentence
    own = lowers[mention.name_end:mention.name_end + 3] == ["of", "their", "own"] \
        or lowers[max(sentence.start, mention.name_start - 2):mention.name_start] == ["their", "own"]
    if not own or len(mention.signers) < 2:
        return None
    partner = next((a.key for a in reversed(ctx.actors_in(sentence, POLITICAL, coref=False))
                    if a.end <= mention.name_start and a.key not in mention.signers and a.form != "adjective"
                    and "with" in lowers[max(sentence.start, a.start - 2):a.start]), None)
    return (partner, sentence, list(mention.signers)) if partner else None


def _relative_each(ctx: DocContext, mention):
    """ "Such agreements, which Canada and the United States concluded with the Union in 2005 and 2011
    respectively": a plural whose relative clause has two or more states conclude with one partner is one agreement
    per state. Returns (the partner, the sentence, the states) or ``None``."""
    lowers, sentence = ctx.lowers, mention.sentence
    k = _relative_start(ctx, sentence, mention.name_end)
    if k is None:
        return None
    k += 1 if lowers[k] == "," else 0
    if lowers[k] not in {"which", "that"}:
        return None
    states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.form != "adjective"]
    group = coordinated_from(ctx.doc, k + 1, [m for m in states if m.start > k])
    if len(group) < 2:
        return None
    j = group[-1].end
    while j < sentence.end and lowers[j] in {"have", "has", "had", "also", "each", "both", "all"}:
        j += 1
    if j + 2 >= sentence.end or lowers[j] not in _RELATIVE_VERBS | _STANDING_VERBS or lowers[j + 1] != "with":
        return None  # ("the Comprehensive Strategic Partnerships that Australia and India have each established with
        # ASEAN")
    partner = next((m for m in ctx.actors_in(sentence, POLITICAL, coref=False)
                    if m.start in (j + 2, j + 3) and m.form != "adjective"), None)
    if partner is None:
        return None
    return partner.key, sentence, list(dict.fromkeys(m.key for m in group if m.key != partner.key))


def _group_before(ctx: DocContext, sentence: Sentence, mention) -> list[str]:
    """The states listed (or "both countries") shortly before a plural agreement in its clause, other than its
    partner: those who concluded one each."""
    actors = [a for a in ctx.actors_in(sentence, POLITICAL) if a.end <= mention.name_start and a.form != "adjective"
              and a.key != mention.partner]
    if not actors or mention.name_start - actors[-1].end > 10 or any(
            w in {";", ".", "but"} for w in ctx.lowers[actors[-1].end:mention.name_start]):
        return []
    if actors[-1].form == "coref":
        group = [a for a in actors if a.start == actors[-1].start]
    else:
        group = coordinated_before([a for a in actors if a.form != "coref"], ctx.lowers)
    return list(dict.fromkeys(a.key for a in group if ctx.entity_kind(a.key) == "state"))


_ELLIPTICAL_VERBS = {"concluded", "signed", "agreed", "followed",  # ("the United Kingdom and Canada followed")
                     "sign", "signs", "conclude", "concludes"}  # (a chronology's present: "Germany and France sign theirs")
_NO_OBJECT = {"theirs", "its", "one", "in", "on", "together", ",", ".", ";", "at", "during"}
_PRESENT_SIGNING = {"sign", "signs", "conclude", "concludes"}
_FUTURE_WORDS = {"next", "will", "shall", "soon", "later", "expected", "expect", "expects", "plan", "plans", "planned",
                 "intend", "intends", "upcoming", "coming", "would", "may", "might"}


def _elliptical_signings(ctx: DocContext, clusters: list[_Cluster]) -> None:
    """ "Framework participation agreements … Montenegro, Serbia and the United States concluded theirs in 2011, and
    Albania, North Macedonia and New Zealand in 2012. The Republic of Korea, Chile and Colombia signed in 2014": states
    heading a sentence whose concluding verb has no object of its own concluded one each of the plural genre named
    last before them (in that sentence or the ten before), recorded on its cluster (``_Cluster.later``)."""
    plurals = sorted(((m.sentence.index, m.start), cluster) for cluster in clusters for m in cluster.mentions
                     if _plural_mention(ctx, m) and not m.not_yet)
    named = {m.sentence.index for cluster in clusters for m in cluster.mentions if not _plural_mention(ctx, m)}
    # a singular one concluded with a partner, just before "theirs": "The United Kingdom becomes the first Ally to sign
    # a bilateral security agreement with Ukraine … Germany and France sign theirs on 16 February"
    singulars = sorted(((m.sentence.index, m.start), cluster) for cluster in clusters for m in cluster.mentions
                       if m.partner and m.concluded and not m.not_yet and not _plural_mention(ctx, m))
    if not plurals and not singulars:
        return
    singular_in: dict[int, list] = {}  # sentence index → (start, cluster) of the singulars it names
    for (index, start), cluster in singulars:
        singular_in.setdefault(index, []).append((start, cluster))
    for sentence in ctx.sentences:
        if sentence.index in named:
            # (a sentence that names an agreement of its own speaks of that one, save a clause after it: "Germany
            # and France each concluded a bilateral agreement … with Ukraine on 16 February 2024, and Poland
            # followed with its own on 8 July 2024")
            for start, cluster in singular_in.get(sentence.index, ()):
                followers = _followers(ctx, sentence, start)
                if followers:
                    cluster.later.append((sentence, followers))
            continue
        keys = _elliptical_signers(ctx, sentence)
        if not keys:
            continue
        before = [(at, cluster) for at, cluster in plurals if at[0] <= sentence.index]
        if before and sentence.index - before[-1][0][0] <= 10:
            before[-1][1].later.append((sentence, keys))
            continue
        one = [(at, cluster) for at, cluster in singulars if at[0] < sentence.index]
        if one and sentence.index - one[-1][0][0] <= 2 and "theirs" in ctx.tokens_lower(sentence):
            one[-1][1].later.append((sentence, keys))


_FOLLOWING_VERBS = {"followed", "signed", "concluded", "did"}
_FOLLOWING_OBJECTS = {"with", "its", "their", "theirs", "one", "suit", "so", "in", "on"}


def _followers(ctx: DocContext, sentence: Sentence, after: int) -> list[str]:
    """The states of a gapped clause after a singular agreement concluded with a partner, in its sentence, that say
    they concluded one of their own: "…, and Poland followed with its own on 8 July 2024", "…; Germany signed
    one on 16 February", "…, and France did so in March"."""
    lowers = ctx.lowers
    states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False)
              if m.start > after and m.form not in ("adjective", "member")]
    for j in range(after + 1, sentence.end - 2):
        if not (lowers[j] == ";" or lowers[j] == "and" and lowers[j - 1] == ","):
            continue
        group = coordinated_from(ctx.doc, j + 1, [m for m in states if m.start > j])
        if not group or group[0].start > j + 2:
            continue
        k = group[-1].end
        while k < sentence.end and lowers[k] in {"also", "then", "later", "soon"}:
            k += 1
        if k + 1 < sentence.end and lowers[k] in _FOLLOWING_VERBS and lowers[k + 1] in _FOLLOWING_OBJECTS \
                and (lowers[k + 1] != "with" or lowers[k + 2:k + 3] in (["its"], ["their"])) \
                and (lowers[k] != "did" or lowers[k + 1] == "so") and _whole_object(lowers, k + 1, sentence.end):
            return list(dict.fromkeys(m.key for m in group))
    return []


_AFTER_OWN = {"on", "in", "at", "during", "the", "a", "later", "shortly", "soon", "that", "this", "last", "next", "two",
              "three", "weeks", "days", "months", "too", "as", "well"}


def _whole_object(lowers: list[str], at: int, end: int) -> bool:
    """Whether the object of a following clause from token ``at`` ("with its own", "one", "theirs") stands for the
    agreement alone: not "… and Russia followed with its own warning", "… and Britain signed one with Japan" (another
    partner's)."""
    end = next((j for j in range(at, end) if lowers[j] in {",", ";", ":"}), end)  # (the clause's end)
    k = at + (lowers[at] == "with")
    if lowers[k:k + 2] in (["its", "own"], ["their", "own"]):
        k += 2
    elif lowers[k] in {"one", "theirs"}:
        k += 1
    else:
        return "with" not in lowers[at + 1:end]  # ("did so in March", "followed suit")
    rest = lowers[k:end]
    if rest[:1] and rest[0].isalpha() and rest[0] not in _AFTER_OWN:
        return False  # ("its own warning", "one agreement of another kind")
    return "with" not in rest


def _elliptical_signers(ctx: DocContext, sentence: Sentence) -> list[str]:
    """The states heading a sentence that "concluded theirs", "signed in 2014" (no object), with those of a gapped
    clause after it (", and Albania and North Macedonia in 2012")."""
    lowers = ctx.lowers
    states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.form not in ("adjective", "member")]
    group = subject_group(ctx, sentence, states, lead=2)
    if not group:
        return []
    k = group[-1].end
    while k < sentence.end and lowers[k] in {"also", "have", "has", "then", "both", "all"}:
        k += 1
    if lowers[k:k + 4] in (["was", "the", "first", "to"], ["were", "the", "first", "to"]) \
            and lowers[k + 4:k + 5] and lowers[k + 4] in {"sign", "conclude", "agree"}:
        k += 4  # "The Republic of Moldova was the first to sign, on 21 May 2024, followed a week later by Norway"
    elif k + 1 >= sentence.end or lowers[k] not in _ELLIPTICAL_VERBS or lowers[k + 1] not in _NO_OBJECT:
        return []
    elif lowers[k] in _PRESENT_SIGNING and set(ctx.tokens_lower(sentence)) & _FUTURE_WORDS:
        return []  # ("Uzbekistan and Tajikistan sign theirs next year": still to come)
    keys = [m.key for m in group]
    by = next((j for j in range(k + 1, sentence.end - 1) if lowers[j] == "followed"), None)
    by = next((j for j in range(by + 1, min(sentence.end - 1, by + 6)) if lowers[j] == "by"), None) if by else None
    if by is not None:  # ("…, followed a week later by Norway")
        keys += [m.key for m in coordinated_from(ctx.doc, by + 1, [m for m in states if m.start > by])]
    for j in range(k + 1, sentence.end - 1):
        if lowers[j] == "and" and lowers[j - 1] == ",":
            gapped = coordinated_from(ctx.doc, j + 1, [m for m in states if m.start > j])
            end = gapped[-1].end if gapped else j
            if gapped and end < sentence.end and lowers[end] in {"in", "on"}:
                keys += [m.key for m in gapped]
    return list(dict.fromkeys(keys))


def _distributed(ctx: DocContext, cluster: _Cluster):
    """A plural genre concluded with several partners one by one: "ITPPs agreed with Japan and Korea in 2023,
    and with Australia in 2024", "the Security and Defence Partnerships signed by the Union with the United Kingdom
    in London … and with Canada in Brussels …", and in the next sentence "Those agreed with …", "Together with
    those we already had with Japan, …". Returns (the organization that concluded them, the sentence, the
    partners) or ``None``."""
    lowers = ctx.lowers
    for mention in cluster.mentions:
        if not _plural_mention(ctx, mention) or mention.not_yet:
            continue
        single = _each_with_one(ctx, mention)
        if single:
            return single
    for mention in cluster.mentions:
        earlier = _earlier_ones(ctx, mention)
        if earlier:
            return earlier
    for mention in cluster.mentions:
        if not _plural_mention(ctx, mention) or mention.not_yet:
            continue
        sentence = mention.sentence
        # the side that concluded them: the publisher or speaker named as the subject of the concluding verb ("The
        # African Union Commission today signed Memoranda of Understanding with …"), or else the organization the
        # publisher belongs to (the EEAS speaks for the EU)
        concluders = [a.key for a in sentence.mentions if a.kind == "actor" and a.form != "coref"
                      and a.end <= mention.name_start
                      and a.key in ctx.publisher + ctx.own_side
                      and set(lowers[a.end:mention.name_start]) & _DISTRIBUTING_VERBS]
        subject = [a for a in sentence.mentions if a.kind == "actor" and a.form not in ("coref", "adjective")
                   and ctx.entity_kind(a.key) in POLITICAL and a.end <= mention.name_start
                   and mention.name_start - a.end <= 5
                   and set(lowers[a.end:mention.name_start]) & (_DISTRIBUTING_VERBS | _HAVE)
                   and set(lowers[a.end:mention.name_start]) <= _DISTRIBUTING_VERBS | _HAVE | {"already", "also", "now",
                                                                                                "since", "so"}]
        if subject and not concluders:
            concluders = [subject[-1].key]  # "Japan had concluded reciprocal access agreements only with Australia,
            # …, and with the United Kingdom, …": whoever publishes the text
        pronoun = _pronoun_relative_with(lowers, mention.name_end)
        relative = None if concluders else _relative_subject(ctx, mention)
        if relative is not None:
            # "the status agreements … that the European Union has concluded with Albania, …": the clause's subject
            concluders = [relative[0]]
        if pronoun is not None and not concluders:
            # "Rwanda had deployed forces … under the bilateral agreements it had concluded with …": the pronoun is
            # the clause's subject
            word = lowers[_relative_pronoun(lowers, mention.name_end)]
            concluders = [m.key for m in _pronoun_subject(ctx, mention, word)][:1] if word in {"it", "they"} \
                else ctx.own_side[:1] if word == "we" else []
        sides = concluders[-1:] + [ctx.organization_of(k) for k in ctx.publisher + ctx.own_side + ctx.main_actors]
        # (a state's ministry recounts the state's own: "Japan's efforts …, including the Reciprocal Access
        # Agreements signed with Australia …, with the United Kingdom …")
        owners = [key for key in sides if ctx.entity_kind(key) in {"organization", "grouping"} or key in concluders
                  or key in ctx.own_side]
        if mention.partner and ctx.entity_kind(mention.partner) in {"organization", "body", "grouping"} \
                and relative is None:
            owners.insert(0, mention.partner)  # "Five countries … have concluded administrative arrangements with the
            # Agency": the Agency's, whoever publishes the text
        if not owners:
            continue
        found: list[tuple[Sentence, list[str]]] = []
        # in its own sentence: right after the name, or after a verb that concludes them ("signed by the Union with")
        after = mention.name_end
        while after < min(sentence.end, mention.name_end + 4) and lowers[after] in {"of", "this", "that", "the", "same",
                                                                                    "kind", "type", "sort"}:
            after += 1  # ("status agreements of this kind with Albania in 2018 and with Montenegro and Serbia")
        if after > mention.name_end and not set(lowers[mention.name_end:after]) & {"kind", "type", "sort"}:
            after = mention.name_end
        at = relative[1] if relative is not None else after if lowers[after:after + 1] == ["with"] else None
        if at is None and lowers[after:after + 3] in (["in", "place", "with"], ["in", "force", "with"]):
            at = after + 2  # "EDA has administrative arrangements in place with four third countries: Norway, …"
        verb = mention.name_end
        while verb < min(sentence.end, mention.name_end + 3) and lowers[verb] in {
                "have", "has", "had", "been", "were", "was", "are", "is"}:
            verb += 1  # ("Agreements concerning … have been concluded with the United Kingdom (2013), …")
        if at is None and verb < sentence.end and lowers[verb] in _DISTRIBUTING_VERBS:
            at = _first_with(lowers, verb + 1, sentence.end)
        if at is None and pronoun is not None:
            at = pronoun - 1  # "the bilateral agreements it had concluded with the Governments in Bangui and Maputo"
        if at is None and lowers[mention.name_end:mention.name_end + 1] in (["that"], ["which"]):
            # "the exchanges of letters that the Organization concluded with Tirana in 1997 and with Podgorica in 2006"
            verb = next((j for j in range(mention.name_end + 1, min(sentence.end, mention.name_end + 7))
                         if lowers[j] in _DISTRIBUTING_VERBS), None)
            at = _first_with(lowers, verb + 1, min(sentence.end, verb + 3)) if verb is not None else None
        before = lowers[max(sentence.start, mention.name_start - 3):mention.name_start]
        if at is None and set(before) & _DISTRIBUTING_VERBS:
            # "signed its first partnerships with …", "… partnerships earlier this year: with Moldova …"
            at = _first_with(lowers, mention.name_end, min(sentence.end, mention.name_end + 6))
        if at is not None:
            found.append((sentence, _with_lists(ctx, sentence, at)))
        # in the next sentence, when it refers back to them ("Those agreed with …", "the partnerships concluded in
        # 2024 with …")
        following = ctx.sentences[sentence.index + 1] if sentence.index + 1 < len(ctx.sentences) else None
        if following is not None and not set(lowers[following.start:following.end]) & _NOT_CONCLUDED_YET:
            # (not "Further partnerships of this type, with Norway and Japan, are under discussion")
            plural = lowers[mention.end - 1]
            ref = next((j for j in range(following.start, min(following.end, following.start + 6))
                        if lowers[j] in {"those", "these", "they", "first", plural}), None)  # ("The first were …")
            at = _first_with(lowers, ref + 1, following.end) if ref is not None else None
            if at is not None:
                found.append((following, _with_lists(ctx, following, at)))
        found += cluster.later  # "Montenegro, Serbia and the United States concluded theirs in 2011, …"
        partners = list(dict.fromkeys(k for _, keys in found for k in keys))
        if len(partners) >= 2:
            return owners[0], next(sent for sent, keys in found if keys), partners
    return None


def _parties(ctx: DocContext, cluster: _Cluster, concluding) -> tuple[list[str], dict, str | dict[str, str]]:
    """Parties of an agreement, the sentences that show each, and the rule used (each party's, when a second side
    the sentences do not name is taken from the publisher or the main actors)."""
    accession = [m for m in concluding if m.accession]
    signed = any(len(m.signers) >= 2 or len(m.own) >= 2 for m in concluding if not m.accession)
    if accession and cluster.kind == "Treaty" and not signed:  # (but "… signed the North Atlantic Treaty", then
        # "Finland deposited its instrument of accession to the North Atlantic Treaty": the signers')
        parties, where = [], {}
        for m in accession:
            for key in _accession_parties(ctx, m.sentence):
                parties.append(key)
                where.setdefault(key, []).append(m.sentence)
        if parties:
            return list(dict.fromkeys(parties)), where, "agreement-party-acceding"
    in_name = [k for k in dict.fromkeys(k for m in cluster.mentions for k in m.actors_in_name)
               if not _not_yet_founded(ctx, k, cluster)]
    for m in cluster.mentions:  # "Our Security and Defence Partnership, signed in Brussels …": the speaker's side
        if m.name_start > m.sentence.start and ctx.lowers[m.name_start - 1] in {"our", "their"}:
            for c in ctx.actors_in(m.sentence, POLITICAL):
                if c.form == "coref" and c.start == m.name_start - 1 and c.key not in in_name:
                    in_name.append(c.key)
    direct = _direct_with(ctx, concluding)
    if direct and len(in_name) < 2:
        # "the Bilateral Security Agreement with Papua New Guinea, signed in Canberra": that partner and the
        # text's own side, not the other actors of the sentence
        # (or the subject of its sentence: "Mauritania … in March agreed an ITPP with …")
        sentence = direct[0].sent_of
        named = next(m for m in concluding if m.sentence is sentence)
        actors = ctx.actors_in(sentence, POLITICAL)
        subject = [m for m in subject_group(ctx, sentence, actors)
                   if m.form not in ("adjective", "member") or (
                       m.form == "adjective" and m.end < sentence.end and ctx.lowers[m.end] in _FORCES
                       and not {"that", "which", "who", "whose"} & set(ctx.lowers[m.end:named.name_start])
                       and not any(m.end <= a.start < named.name_start and a.form == "adjective" for a in actors))]
        # ("Rwandan forces remain in Cabo Delgado under a bilateral arrangement with Mozambique": Rwanda's; not
        # "Chinese forces shadowed Philippine vessels that operate under the Visiting Forces Agreement with …")
        if subject and _prepositional(ctx, sentence, subject[0]):
            subject = []  # ("The … Agreement with Papua New Guinea, signed …, and our treaty with …": no subject)
        antecedent = _relative_antecedent(ctx, named)
        if antecedent:
            subject = antecedent  # ("The first was with India, which concluded a … agreement with Kabul")
        entities = ctx.gazetteer.register.entities
        own = [m.key for m in subject] + ctx.own_side + [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
        own = [entities[k].parent or k if ctx.entity_kind(k) == "body" else k
               for k in own]  # (the North Atlantic Council, or an EEAS text's "we", stands for its organization)
        listed = [d.key for d in direct if d.sent_of is sentence]
        side = next((k for k in in_name + _possessor(ctx, concluding) + own if k not in listed), None)
        together = list(dict.fromkeys(m.key for m in subject if m.key not in listed))
        parties = listed + (together if len(together) >= 2 else [side] if side else [])
        # ("Kenya and Somalia signed the Framework Agreement agreed with Türkiye": all three)
        rule = "agreement-party-in-signing-sentence"
        if side and len(together) < 2 and side not in in_name + _possessor(ctx, concluding) + [m.key for m in subject]:
            rule = {"*": rule, side: "agreement-party-own-side"}  # (the text's own side, which the sentence leaves
            # unnamed)
        return parties, {k: [direct[0].sent_of] for k in parties}, rule
    if len(in_name) >= 2:
        where = {k: [m.sentence for m in cluster.mentions if k in m.actors_in_name] for k in in_name}
        return in_name, where, "agreement-party-in-name"
    if cluster.instrument is not None:  # the agreement the document prints: the sides its preamble lists
        parties = cluster.instrument.parties
        return parties, {k: [cluster.instrument.preamble] for k in parties}, "agreement-party-in-preamble"
    if cluster.document:
        main = [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
        if main:
            return main, {k: [ctx.sentences[0]] for k in main}, "agreement-party-main-actor"
    parties: list[str] = list(dict.fromkeys(in_name))
    where = {k: [m.sentence for m in cluster.mentions if k in m.actors_in_name] for k in parties}
    rule = "agreement-party-in-name"
    sentences = list({(m.sentence.index, (m.clause or m.sentence).start): m.clause or m.sentence
                      for m in (concluding or cluster.mentions)}.values())
    for sentence in sentences:
        found = _parties_of_sentence(ctx, sentence)
        if not found and sentence is not ctx.sentences[sentence.index]:  # (a clause without its own parties)
            found = _parties_of_sentence(ctx, ctx.sentences[sentence.index])
        counted = _counted_group(ctx, sentence)
        if len(counted) > len(found):  # "the three governments adopted …" after "A, B and C met …"
            found = counted
        titled = _titled_group(ctx, sentence)
        if titled and not set(titled) <= set(found):
            found = counted = titled  # "the joint communiqué the two Prime Ministers signed": theirs
        signers = _people_signing(ctx, sentence)
        if signers and set(signers) != set(found):
            found = counted = signers  # "… hosted Estonian Defence Minister X and Lithuanian Minister Y. … the
            # ministers signed an agreement …, which will reinforce the eastern border of NATO": their states
        if not found and sentence.index > 0 and set(ctx.tokens_lower(sentence)) & {"two", "both", "they"}:
            found = _parties_of_sentence(ctx, ctx.sentences[sentence.index - 1])
        for key in found:
            if key not in parties:
                parties.append(key)
                if rule == "agreement-party-in-name" and not in_name:
                    rule = "agreement-party-in-signing-sentence" if concluding else "agreement-party-in-sentence"
            where.setdefault(key, []).append(sentence)
        if (in_name and parties) or (len(found) >= 2 and not counted and sentence is sentences[0] and concluding):
            break  # (the sentence that concludes it names both sides; "both countries" in a later one adds nothing)
    section = ctx.section_state(cluster.mentions[0].sentence)  # ("10.9 Australia: …" in a report)
    if not parties and section:
        parties = ctx.section_pair(cluster.mentions[0].sentence) or [section]
        where = {k: [cluster.mentions[0].sentence] for k in parties}
        rule = "agreement-party-section"
    if not parties and ctx.main_actors:
        parties = [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
        where = {k: [cluster.mentions[0].sentence] for k in parties}
        rule = "agreement-party-main-actor"
    for mention in concluding:  # "the agreement it concluded with the EU", "the treaties we signed with France"
        related = list(mention.own) or _relative_parties(ctx, mention)  # (computed once for "that"/"which")
        if related:
            related = list(dict.fromkeys(related + _joined_later(ctx, mention)))
            return related, {k: [mention.sentence] for k in related}, "agreement-party-in-signing-sentence"
    for mention in concluding:  # "the Programme agreed with Japan", "the MoU signed with Ghana", "signed the Treaty
        # … together with Barbados, Jamaica and Trinidad and Tobago"
        for key in _concluded_with(ctx, mention) + _together_with(ctx, mention):
            if key not in parties:
                parties.append(key)
                where.setdefault(key, []).append(mention.sentence)
    for other in _direct_with(ctx, [m for m in cluster.mentions if not m.not_yet]):  # "the Agreement with PNG"
        if other.key not in parties:
            parties.append(other.key)
            where.setdefault(other.key, []).append(other.sent_of)
    for key in _possessor(ctx, [m for m in concluding if m.standing]):  # "the reforms Georgia has pursued through
        if key not in parties:  # its Annual National Programme": Georgia's
            parties.append(key)
            where.setdefault(key, []).append(next(m.sentence for m in concluding if m.standing))
    urged = any(_called_to_implement(ctx, sentence) for sentence in sentences)
    # an organization's own instrument ("the SADC Mutual Defence Pact, which the Member States signed"): no second side
    own_instrument = len(parties) == 1 and parties == in_name and cluster.kind not in {"JointDeclaration", "JointStatement"} \
        and ctx.entity_kind(parties[0]) in {"organization", "grouping"} and any(
            a.start == m.name_start and a.key == parties[0] for m in cluster.mentions for a in m.sentence.mentions)
    truce = cluster.head in _TRUCE_HEADS
    if truce:  # the warring states; armed groups and the mediators or monitors named beside them are not parties
        parties = [k for k in parties if ctx.entity_kind(k) == "state"]
        where = {k: where[k] for k in parties if k in where}
    ratified = any(set(ctx.tokens_lower(m.sentence)) & _RATIFYING for m in concluding) \
        and cluster.kind == "Treaty"  # ("Ghana deposited its instrument of ratification of the Treaty on …")
    ended = bool(concluding) and all(m.ended for m in concluding)  # ("Russia withdrew from the Treaty on …": the
    # sentence tells who left it, not who made it with them)
    if len(parties) == 1 and rule != "agreement-party-main-actor" and not urged and not own_instrument and not truce \
            and not ratified and not ended \
            and not any(_unregistered_side(ctx, sentence, parties[0]) for sentence in sentences):
        host = _host_of_signing(ctx, concluding, parties[0])
        own = [host[0]] if host else []
        own += [ctx.publisher_state()] if ctx.publisher_state() and ctx.publisher_state() not in own else []
        own += [section] if section and section not in own else []
        # (the organization that publishes a text on a peace agreement is its mediator or guarantor, not a side)
        words = set(re.findall(r"[a-z-]+", cluster.name.lower()))
        peace = bool(_PEACE_WORDS & words) and "cooperation" not in words and cluster.head != "memorandum"
        # (not "the Memorandum of Understanding on Cooperation in Peace, Security and Stabilisation")
        for key in own + [k for k in ctx.main_actors if k not in own]:
            if peace and (ctx.entity_kind(key) != "state" or parties == in_name):
                continue  # (nor a second state for "the … Agreement on the Resolution of the Conflict in the
                # Republic of South Sudan": the state its name gives, with movements the register lacks)
            if ctx.entity_kind(key) != "state" and ctx.entity_kind(parties[0]) != "state":
                continue  # (an organization's own instrument in a text that also names the UN often: not the
                # two organizations')
            if key not in parties and ctx.entity_kind(key) in POLITICAL and len(parties) < 2:
                parties.append(key)
                where[key] = [host[1] if host and key == host[0] else cluster.mentions[0].sentence]
                # (a side the sentence does not name: the evidence says so; the host's quotes the signing there)
                return parties, where, {"*": rule, key: "agreement-party-own-side"}
    return parties, where, rule


_PEACE_WORDS = {"peace", "conflict", "hostilities", "ceasefire", "cease-fire", "reconciliation", "truce"}
# capitals that seat organizations: a signing there is no sign of a host state's side
_SEAT_CITIES = {"place/brussels", "place/geneva", "place/new-york", "place/vienna", "place/strasbourg",
                "place/the-hague", "place/addis-ababa"}


def _host_of_signing(ctx: DocContext, concluding, party: str) -> tuple[str, Sentence] | None:
    """The state of the capital an agreement with one side found was signed in, when it is another state's, and the
    sentence that says so: "the Treaty … that President Putin signed in Pyongyang yesterday" (the visitor's side and
    the host's)."""
    if ctx.entity_kind(party) != "state":
        return None
    for mention in concluding:
        sentence = mention.sentence
        for m in sentence.mentions:
            if m.kind != "place" or m.key in _SEAT_CITIES or m.start == 0 or ctx.lowers[m.start - 1] != "in" \
                    or not set(ctx.lowers[max(sentence.start, m.start - 4):m.start]) & _SIGNING_VERBS:
                continue
            if any(a.kind == "actor" and a.form != "coref" and a.key != party and a.end <= m.start
                   and ctx.entity_kind(a.key) in POLITICAL for a in sentence.mentions):
                continue  # (another side named before it: "the Federal Republic and the GDR signed in Moscow")
            country = ctx.gazetteer.register.entities[m.key].country
            if country and country != party and ctx.entity_kind(country) == "state":
                return country, sentence
    return None
_ARMED_GROUP_WORDS = {"movement", "movements", "group", "groups", "rebels", "rebel", "faction", "factions", "militia",
                      "militias", "front", "opposition", "insurgents", "guerrilla", "guerrillas"}


# Capitalised words of a group of registered actors, not another side: "the Commission and the Member States", "Viet
# Nam and the ASEAN Defence Ministers"
_COLLECTIVE_WORDS = {"Member", "Members", "States", "Allies", "Parties", "Contracting", "Signatory", "Signatories",
                     "Partners", "Heads", "Governments", "Government", "Leaders", "Ministers", "Presidents", "Other",
                     "All", "European", "United", "Defence", "Defense", "Foreign", "Ministries", "Ministry", "Chiefs",
                     "Council", "Representatives", "Delegations", "Countries", "Nations"}


def _unregistered_side(ctx: DocContext, sentence: Sentence, key: str) -> bool:
    """Whether the one party found is joined to another side the register does not hold: "the Government of Yemen
    and of Ansar Allah", "the Government of the Philippines and the National Democratic Front", "the Transitional
    Government of Chad and a large number of politico-military movements". No second party is then taken from the
    publisher or the main actors (often the mediator)."""
    lowers, texts = ctx.lowers, texts_of(ctx.doc)
    starts = {m.start for m in sentence.mentions if m.kind in ("actor", "place")}
    # a place that opens a longer capitalised name is part of it ("the Tigray People's Liberation Front")
    starts -= {m.start for m in sentence.mentions if m.kind in ("place", "region") and m.end < sentence.end
               and (texts[m.end][:1].isupper() or lowers[m.end] in {"'s", "’s"})}
    for m in sentence.mentions:
        if m.key != key or m.kind != "actor" or m.form == "coref":
            continue
        k = m.end
        if k >= sentence.end or lowers[k] != "and":
            continue
        k += 1
        while k < sentence.end and lowers[k] in {"of", "the", "with", "former"}:
            k += 1  # ("… and the former FARC-EP guerrilla")
        if k < sentence.end and k not in starts and texts[k][:1].isupper():
            end = k
            while end < sentence.end and (texts[end][:1].isupper() or lowers[end] in {"of", "the", "'s"}):
                end += 1
            inside = {a.key for a in sentence.mentions if a.kind == "actor" and k <= a.start < end}
            if not inside - {key} and not set(texts[k:end]) & _COLLECTIVE_WORDS:
                return True  # (not "… and the Government of South Sudan": another actor's organ; nor "… and the
                # ASEAN Defence Ministers", a group of registered actors)
        if any(lowers[i] in _ARMED_GROUP_WORDS and texts[i].islower() for i in range(k, min(sentence.end, k + 7))):
            return True  # ("… and a large number of politico-military movements"; a named "… Group" is read above)
    return False


_SIGNING_POSTS = {"ministers", "leaders", "governments", "representatives", "presidents", "heads", "delegations",
                  "chiefs", "secretaries", "envoys", "ambassadors"}
_POST_WORDS = {"foreign", "defence", "defense", "prime", "interior", "state", "government", "and", "minister",
               "president"}
_COUNTS = {word: n for word, n in NUMBER_WORDS.items() if 3 <= n <= 10}  # ("the two countries": a pair, read elsewhere)
_GROUP_NOUNS = {"governments", "countries", "states", "nations", "partners", "sides", "parties", "ministers",
                "leaders", "signatories", "chiefs"}


_PEOPLE_GROUP = {"ministers", "leaders", "presidents", "heads", "secretaries", "chiefs"}


_TITLE_WORDS = {"prime", "foreign", "defence", "defense", "interior", "finance", "minister", "ministers",
                "president", "presidents", "chancellor", "chancellors", "king", "kings", "emir", "emirs"}


def _titled_group(ctx: DocContext, sentence: Sentence) -> list[str]:
    """The states "the two Prime Ministers" or "the three foreign ministers" stands for in ``sentence``: those of the
    last people named before with that title, when there are just that many ("Prime Minister Anthony Albanese and
    the Prime Minister of Papua New Guinea, the Hon James Marape MP, signed … The signing follows the joint communiqué
    the two Prime Ministers signed in Port Moresby")."""
    lowers = ctx.lowers
    for at in range(sentence.start, sentence.end - 2):
        if lowers[at] not in {"the", "both", "all"}:
            continue
        states = _titled_at(ctx, sentence, at)
        if not states:
            continue
        # only as the ones who concluded it ("… the two Prime Ministers signed", "signed by the two Prime
        # Ministers"), not "Indonesia and Papua New Guinea signed a memorandum, the two Prime Ministers said"
        k = at + 1
        while k < sentence.end and (lowers[k] in _TITLE_WORDS or lowers[k] in NUMBER_WORDS):
            k += 1
        verb = k
        while verb < sentence.end and lowers[verb] in {"also", "have", "has", "had", "jointly", "then", "later"}:
            verb += 1
        if (verb < sentence.end and lowers[verb] in _CONCLUDE | _SIGNING_VERBS) \
                or (at > sentence.start and lowers[at - 1] == "by"):
            return states
    return []


def _titled_at(ctx: DocContext, sentence: Sentence, at: int) -> list[str]:
    """The states of "the two Prime Ministers" written from token ``at`` (see :func:`_titled_group`), or none."""
    lowers = ctx.lowers
    if lowers[at] not in {"the", "both", "all"} or at + 2 >= sentence.end:
        return []
    n = 2 if lowers[at] == "both" else NUMBER_WORDS.get(lowers[at + 1])
    k = at + 1 if lowers[at] == "both" else at + 2
    if not n or n < 2:
        return []
    words = []
    while k < sentence.end and lowers[k] in _TITLE_WORDS:
        words.append(lowers[k])
        k += 1
    if not words or words[-1] not in {"ministers", "presidents", "chancellors", "kings", "emirs"} or words == ["ministers"]:
        return []
    wanted = [_singular(w) for w in words]
    lo = ctx.sentences[max(0, sentence.index - 8)].start
    holders: list[str] = []
    for iri, first, _ in sorted(ctx.person_mentions, key=lambda m: -m[1]):
        if not lo <= first < at or iri in holders:
            continue
        titles = " ".join(ctx.titles_by_person.get(iri, [])).lower().split()
        if all(w in titles for w in wanted) and ctx.positions_by_person.get(iri):
            holders.append(iri)
        if len(holders) == n:
            break
    states = list(dict.fromkeys(ctx.positions_by_person[iri][0] for iri in reversed(holders)))
    if len(holders) == n and len(states) == n and all(ctx.entity_kind(k) == "state" for k in states):
        return states
    return []


def _people_signing(ctx: DocContext, sentence: Sentence) -> list[str]:
    """ "the ministers signed", "The three ministers also signed" (a group of office holders as the subject of a
    concluding verb): the states of the office holders named together in the nearest sentence before that names two
    or more (exactly as many as counted) of different states, within the fifteen sentences before."""
    lowers = ctx.tokens_lower(sentence)
    for i in range(len(lowers) - 1):
        if lowers[i] != "the":
            continue
        k, n = i + 1, None
        if lowers[k] in _COUNTS or lowers[k] in {"two", "both"}:
            n, k = (2 if lowers[k] in {"two", "both"} else _COUNTS[lowers[k]]), k + 1
        while k < len(lowers) - 1 and k - i < 5 and lowers[k] in _POST_WORDS - {"and"}:
            k += 1
        if k >= len(lowers) - 1 or lowers[k] not in _PEOPLE_GROUP or (
                i > 0 and lowers[i - 1] in _GOVERNING - {"by"}):
            continue  # (the subject: not "… agreed with the ministers of …"; "At the end of the session the ministers
            # adopted …" is)
        verb = next((j for j in range(k + 1, min(len(lowers), k + 4)) if lowers[j] in _CONCLUDE), None)
        passive = i >= 2 and lowers[i - 1] == "by" and bool(set(lowers[max(0, i - 4):i - 1]) & _CONCLUDE) \
            and not (lowers[k + 1] == "of" and any(sentence.start + k + 2 <= m.start <= sentence.start + k + 3
                                                   for m in ctx.actors_in(sentence, {"state"}, coref=False)))
        # (not "signed by the ministers of Argentina and Uruguay", who name their states; "adopted by the Presidents of
        # the six States" is)
        if not passive and (verb is None or any(lowers[j] not in {"also", "today", "then", "have", "has", "jointly"}
                                                for j in range(k + 1, verb))):
            continue  # (also "adopted by the ministers on 14 June 2024")
        for back in range(sentence.index - 1, max(-1, sentence.index - 16), -1):
            sent = ctx.sentences[back]
            held = [key for key in ctx.office_actors(sent.start, sent.end) if ctx.entity_kind(key) == "state"]
            if len(held) < 2:
                held = _states_of_group(ctx, sent)
            if len(held) >= 2:
                return held if n is None or len(held) == n else []
        return []
    return []


def _states_of_group(ctx: DocContext, sentence: Sentence) -> list[str]:
    """The states listed right after a group of office holders ("brought together the foreign ministers of the
    Council's ten member states, Denmark, Estonia, …, and Sweden", "the leaders of Australia, India, Japan and the
    United States"): those the group stands for, or none."""
    lowers = ctx.lowers
    states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.form != "adjective"]
    for k in range(sentence.start, sentence.end - 2):
        if lowers[k] not in _PEOPLE_GROUP or lowers[k + 1] != "of":
            continue
        first = next((m for m in states if k + 1 < m.start <= k + 12), None)
        if first is None or any(w in {".", ";", "and"} for w in lowers[k + 2:first.start]):
            continue
        group = coordinated_from(ctx.doc, first.start, [m for m in states if m.start >= first.start])
        if len(group) >= 2:
            return list(dict.fromkeys(m.key for m in group))
    return []


def _counted_group(ctx: DocContext, sentence: Sentence) -> list[str]:
    """The actors "the three governments" or "the four partners" stands for: the one list of exactly that many
    coordinated actors ("A, B and C") before it in its sentence, else in the nearest of the two sentences before (of
    the six before for three or more, "The eight of us", unless the text is about as many)."""
    lowers = ctx.tokens_lower(sentence)
    for i in range(len(lowers) - 2):
        if lowers[i] not in {"the", "all", "our"} or lowers[i + 1] not in _COUNTS:
            continue
        k = i + 2
        while k < len(lowers) - 1 and k - i < 4 and lowers[k] in _POST_WORDS:
            k += 1  # ("the three defence ministers")
        us = lowers[k:k + 2] == ["of", "us"]  # ("The eight of us adopted a joint statement today")
        if lowers[k] not in _GROUP_NOUNS and not us:
            # ("each of the six troop- and police-contributing countries")
            j = k
            while j < len(lowers) - 1 and j - k < 7 and lowers[j] not in _GROUP_NOUNS and (
                    lowers[j] in {"-", "and"} or (lowers[j].replace("-", "").isalpha() and "-" in "".join(
                        lowers[j - 1:j + 2]))):
                j += 1
            if j == k and k + 1 < len(lowers) and lowers[k].isalpha() and lowers[k + 1] in _GROUP_NOUNS \
                    and lowers[k] not in _GROUP_NOUNS:
                j = k + 1  # ("the three littoral states", "the two neighbouring countries")
            if j == k or lowers[j] not in _GROUP_NOUNS:
                continue
            k = j
        n, at = _COUNTS[lowers[i + 1]], sentence.start + i
        # (a list of three or more is looked for further back: "the leaders of the eight NATO Allies on the Baltic
        # Sea – Denmark, …, Poland and Sweden", then, a paragraph on, "The eight of us adopted …")
        back = 2 if n < 3 else 6
        about = [k for k in dict.fromkeys(ctx.main_actors + ctx.own_side) if ctx.entity_kind(k) in POLITICAL]
        for sent in [sentence] + [ctx.sentences[j] for j in range(sentence.index - 1, sentence.index - back - 1, -1)
                                  if j >= 0]:
            if sent.index < sentence.index - 2 and len(about) == n:
                return about  # (but a text about as many, its publisher's side with them, is about them: "concern
                # about … China, Russia and North Korea", then, paragraphs on, "The three countries signed …")
            named = [m for m in ctx.actors_in(sent, POLITICAL, coref=False) if sent is not sentence or m.end <= at]
            groups, group = [], []
            for m in named:
                if group and all(t.lower_ in {",", "and", "the", "as", "well"} for t in ctx.doc[group[-1].end:m.start]):
                    group.append(m)
                    continue
                groups.append(group)
                group = [m]
            groups.append(group)
            fitting = [g for g in groups if len({m.key for m in g}) == n]
            if len(fitting) == 1:
                return list(dict.fromkeys(m.key for m in fitting[0]))
            if fitting:
                return []
            states = list(dict.fromkeys(m.key for m in named if ctx.entity_kind(m.key) == "state"))
            if sent is sentence and len(states) == n and lowers[k] in {"countries", "states", "nations"}:
                return states  # ("Turkey has lifted its veto on Finland and Sweden joining NATO after the three
                # countries signed …": the states named before it, in no one list)
            if lowers[k] in _PEOPLE_GROUP:
                # "… travelled to Kabul with Foreign Minister Wang Yi of China and Acting Foreign Minister Amir Khan
                # Muttaqi of Afghanistan. … the three Foreign Ministers adopted a joint statement": their states
                held = ctx.office_actors(sent.start, sent.end if sent is not sentence else at)
                if len(held) == n and all(ctx.entity_kind(key) == "state" for key in held):
                    return held
            # ("we are working with Japan and the United States … which the three defence ministers signed": the
            # speaker's side and the two it names)
            own = next((m.key for m in ctx.actors_in(sent) if m.form == "coref" and ctx.lowers[m.start] in {
                "we", "our", "us"}), None)
            with_us = [g for g in groups if own and own not in {m.key for m in g} and len({m.key for m in g}) == n - 1]
            if len(with_us) == 1 and len(groups) <= 2:
                return [own] + list(dict.fromkeys(m.key for m in with_us[0]))
        if lowers[k] in {"countries", "states", "nations"} and sentence.index > 0:
            # "… signed by Antigua and Barbuda, Barbados, Dominica, Saint Lucia and Saint Vincent … . Saint Kitts and
            # Nevis and Grenada joined soon afterwards, and in 1996 the seven countries signed …": those two and the
            # five before, exactly as many as counted
            previous = ctx.sentences[sentence.index - 1]
            states = list(dict.fromkeys(
                m.key for sent in (previous, sentence) for m in ctx.actors_in(sent, {"state"}, coref=False)
                if m.form != "adjective" and (sent is not sentence or m.end <= at)))
            if len(states) == n and any(m.end <= at for m in ctx.actors_in(sentence, {"state"}, coref=False)):
                return states
        # "the three countries" of a text about three: its main actors
        main = [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
        if len(main) == n:
            return main
        if lowers[i] == "our" and lowers[k] in {"countries", "states", "nations"}:
            members = _members_then(ctx, ctx.own_side)
            if len(members) == n:
                return members  # "our five countries signed …" in a text of an organization of five
    return []


def _members_then(ctx: DocContext, keys: list[str]) -> list[str]:
    """The member states, at the text's date, of the one organization or grouping among ``keys``."""
    orgs = [k for k in keys if ctx.entity_kind(k) in {"organization", "grouping"}]
    if len(orgs) != 1:
        return []
    members = ctx.gazetteer.register.members_of(orgs[0], ctx.date.isoformat() if ctx.date else None)
    return sorted(k for k in members if ctx.entity_kind(k) == "state")


_CONCLUDED_WITH = {"agreed", "signed", "concluded", "adopted", "endorsed", "launched", "established", "reached",
                   "renewed", "finalised", "finalized"}


def _reduced_relative(ctx: DocContext, mention: _AgreementMention) -> bool:
    """ "the memorandum Panama signed with the United States on 1 July 2024": an actor right after the name, then a
    concluding verb (a relative clause without "that")."""
    lowers, sentence, k = ctx.lowers, mention.sentence, mention.name_end
    actor = next((m for m in ctx.actors_in(sentence, POLITICAL, coref=False)
                  if m.start in (k, k + 1) and (m.start == k or lowers[k] == "the")), None)
    return actor is not None and any(w in _RELATIVE_VERBS for w in lowers[actor.end:min(sentence.end, actor.end + 2)])


def _signed_by(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """ "the declaration signed by the United States, Egypt, Qatar and Türkiye at …": the actors listed right after
    a concluding participle and "by" that follow the name."""
    lowers, sentence = ctx.lowers, mention.sentence
    k = mention.name_end
    same_kind = _of_the_same_kind(lowers, k)
    k += 4 if same_kind else 0  # ("the agreement of the same kind signed between …")
    k += lowers[k:k + 1] == [","]
    actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form not in ("adjective", "member")]
    if k + 2 < sentence.end and lowers[k] in _PARTICIPLES and lowers[k + 1] != "by":
        # "the Joint Declaration signed in Washington, D.C., on 8 August 2025 by the President of …": where and when
        # before "by"
        j = k + 1
        while j < min(sentence.end, k + 14) and lowers[j] != "by" and (
                lowers[j] in {"in", "on", "at", ",", ".", "the", "of"} or ctx.doc[j].is_title or ctx.doc[j].like_num
                or ctx.doc[j].is_upper):
            j += 1
        if j < sentence.end and lowers[j] == "by" and j > k + 2:
            listed = coordinated_from(ctx.doc, j + 1, actors, joins={",", "and", "the", "of"}, posts=True)
            if len({m.key for m in listed}) >= 2:
                return list(dict.fromkeys(m.key for m in listed + _joined_by(ctx, sentence, listed[-1].end, actors)))
    if same_kind and k + 2 < sentence.end and lowers[k] in _PARTICIPLES and lowers[k + 1] == "between":
        # "… and the agreement of the same kind signed between the Emirates and Israel": its own two sides
        listed = coordinated_from(ctx.doc, k + 2, actors, joins={",", "and", "the", "of"})
        return list(dict.fromkeys(m.key for m in listed)) if len({m.key for m in listed}) >= 2 else []
    if k + 2 >= sentence.end or lowers[k] not in _PARTICIPLES or lowers[k + 1] != "by":
        return []
    members = _counted_members(ctx, sentence, k + 2)
    if members:
        return members  # "the Joint Defence Agreement signed by the six member states in Manama"
    own = []
    if lowers[k + 2:k + 4] == ["the", "ministry"] and ctx.own_side:
        # "signed by the Ministry and the United States Government": a ministry's release names itself
        j = k + 4
        while j < sentence.end and j - k < 10 and (lowers[j] in {"of", "for", "and"} and ctx.doc[j + 1].is_title
                                                   or ctx.doc[j].is_title) and lowers[j] != "and":
            j += 1
        if j + 1 < sentence.end and lowers[j] == "and":
            own, k = ctx.own_side[:1], j - 1
    after = _after_posts(lowers, k + 2, sentence.end)
    if after is not None:
        k = after - 2  # "signed by the Presidents of Kyrgyzstan, Tajikistan and Uzbekistan": the states of the posts
    group = coordinated_from(ctx.doc, k + 2, actors)
    found = [m.key for m in group]
    if len(group) == 1 and lowers[group[0].end:group[0].end + 1] in (["states"], ["countries"], ["member"]):
        found = _members_then(ctx, found) or found  # "signed by the leaders of the Council states": its members
    return list(dict.fromkeys(own + found)) if found or not own else []


def _counted_members(ctx: DocContext, sentence: Sentence, at: int) -> list[str]:
    """The member states "the six member states" (or "its six members", "all member states") written from token
    ``at`` stands for: those of the one organization the sentence names, else of the one the text speaks for, when
    their number is the one written."""
    lowers = ctx.lowers
    words = lowers[at:min(sentence.end, at + 4)]
    if words[:1] not in (["the"], ["its"], ["all"], ["their"]):
        return []
    n = NUMBER_WORDS.get(words[1]) if len(words) > 1 else None
    rest = words[2:] if n else words[1:]
    if rest[:2] not in (["member", "states"], ["member", "countries"]) and rest[:1] != ["members"]:
        return []
    named = [m.key for m in ctx.actors_in(sentence, {"organization", "grouping"}, coref=False)]
    orgs = list(dict.fromkeys(named)) or [k for k in [ctx.home_organization] if k]
    members = _members_then(ctx, orgs[:1]) if len(orgs) == 1 else []
    return members if members and (n is None or len(members) == n) else []


def _joined_by(ctx: DocContext, sentence: Sentence, at: int, actors) -> list:
    """Those "and joined by" adds right after a list of signatories: "signed in Tashkent on 15 May 1992 by Armenia,
    …, Tajikistan and Uzbekistan and joined by Belarus the following year"."""
    lowers = ctx.lowers
    j = at
    while j < min(sentence.end, at + 2) and lowers[j] in {",", "and"}:
        j += 1
    if lowers[j:j + 2] != ["joined", "by"]:
        return []
    return coordinated_from(ctx.doc, j + 2, actors)


def _after_posts(lowers: list[str], at: int, end: int) -> int | None:
    """The token after "of" when ``at`` opens "the", a post and "of" ("the Presidents of …", "the Foreign Ministers
    of …"), else ``None`` (also for "the State of Eritrea" and "the Government of …", which are names)."""
    if at >= end or lowers[at] != "the":
        return None
    j = at + 1
    while j < min(end, at + 5) and lowers[j] in _SIGNING_POSTS | _POST_WORDS:
        j += 1
    if not set(lowers[at + 1:j]) - {"state", "government", "and"} or lowers[j:j + 1] != ["of"]:
        return None
    return j + 1


def _relative_parties(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """ "the framework participation agreement it concluded with the EU", "the treaties we signed with France":
    the relative clause's subject and the actors after "with"."""
    lowers, sentence = ctx.lowers, mention.sentence
    k = _relative_start(ctx, sentence, mention.name_end)
    if k is None:
        k = mention.name_end
    elif lowers[k] == "," and k + 1 < sentence.end and lowers[k + 1] == "which":
        k += 2  # "the Memorandum of Understanding on …, which Bulgaria, Romania and Türkiye signed in Istanbul"
    else:
        k += 1
    if k + 2 >= sentence.end:
        return []
    titled = _titled_at(ctx, sentence, k)
    if titled:
        return titled  # "the joint communiqué the two Prime Ministers signed in Port Moresby"
    actors = ctx.actors_in(sentence, POLITICAL)
    after = _after_posts(lowers, k, sentence.end)
    if after is not None:
        k = after  # "which the Presidents of Ghana, Togo and Burkina Faso signed": the states of the posts
    j = k
    while j < sentence.end and j - k < 4 and lowers[j] in {"the", "government", "governments", "of"}:
        j += 1  # ("that the Government of the DRC and the AFC/M23 signed")
    subject = [m for m in actors if m.start == k or (m.start == k + 1 and lowers[k] == "the")] or (
        [m for m in actors if m.start == j and m.form != "coref"] if "government" in lowers[k:j] else [])
    if subject:
        subject = coordinated_from(ctx.doc, subject[0].start, [m for m in actors if m.start >= subject[0].start
                                                              and m.form != "coref"]) or subject
        k = max(m.end for m in subject)
        # "which our four Governments and the Government of the Republic of Angola signed"
        more = next((m for m in actors if m.form != "coref" and k < m.start <= k + 6), None)
        if more is not None and lowers[k] == "and" and all(
                w in {"and", "the", "government", "governments", "of"} for w in lowers[k:more.start]):
            subject, k = subject + [more], more.end
    elif lowers[k] == "their" and k + 1 < sentence.end and set(lowers[k + 1:k + 3]) & {
            "ministers", "governments", "leaders", "presidents", "representatives", "heads"}:
        # "a memorandum of understanding that their defence ministers signed": the group named before
        k += 1
        while k < sentence.end and lowers[k] not in _RELATIVE_VERBS and lowers[k] in {
                "defence", "defense", "foreign", "ministers", "governments", "leaders", "presidents",
                "representatives", "heads", "of", "state", "government", "respective"}:
            k += 1
        subject = _last_group(ctx, sentence, mention.name_start)
    elif lowers[k] in {"he", "she"}:
        # "the agreement … that he signed with his Estonian and Lithuanian counterparts": the state of the person
        # named last before it, in this sentence or the one before
        # (in the sentence before, the first one named, its subject: "Minister X briefed her counterpart on the
        # Accords, which A and B signed in the presence of C. The Accords reaffirm the Agreement that she …")
        lo = ctx.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
        person = next((pid for pid, ps, _ in reversed(ctx.person_mentions)
                       if sentence.start <= ps < mention.name_start), None) \
            or next((pid for pid, ps, _ in ctx.person_mentions if lo <= ps < sentence.start), None)
        held = ctx.positions_by_person.get(person, []) if person else []
        subject = [_Direct(held[0], sentence)] if held else []  # (an actor shown by this sentence, as a mention is)
        k += 1
        if subject and lowers[k:k + 1] == ["and"] and k + 1 < sentence.end and lowers[k + 1] in {"his", "her"}:
            # "… that she and her Rwandan counterpart, Mr Olivier Nduhungirehe, signed in Washington"
            other = next((m for m in actors if k + 2 <= m.start <= k + 3 and m.form == "adjective"
                          and lowers[m.end:m.end + 1] in (["counterpart"], ["counterparts"])), None)
            if other is not None:
                subject, k = subject + [other], other.end + 1
                if lowers[k:k + 1] == [","]:
                    k = next((j + 1 for j in range(k + 1, min(sentence.end, k + 10)) if lowers[j] == ","), k)
    elif lowers[k] in {"it", "they"}:
        subject = _pronoun_subject(ctx, mention, lowers[k], actors)
        k += 1
    else:
        return []
    grouped = False  # ("that the G7 countries adopted": the grouping's own)
    while k < sentence.end and lowers[k] in _MEMBERS_NOUNS:
        k, grouped = k + 1, True
    while k < sentence.end and lowers[k] in {"has", "have", "had", "already", "also", "recently", "first"}:
        k += 1
    if k < sentence.end and lowers[k] in _STANDING_VERBS | _RELATIVE_VERBS and len({m.key for m in subject}) >= 2 \
            and (k + 1 >= sentence.end or lowers[k + 1] != "with"):
        return list(dict.fromkeys(m.key for m in subject))  # "the Strategic Partnership that the EU and ASEAN have maintained"
    if len(subject) == 1 and k < sentence.end and lowers[k] == "and" \
            and _unregistered_side(ctx, sentence, subject[0].key):
        # "the Doha Framework that the Government of the DRC and the AFC/M23 signed": one side in the register
        verb = next((i for i in range(k + 1, min(sentence.end, k + 8)) if lowers[i] in _RELATIVE_VERBS), None)
        if verb is not None and (verb + 1 >= sentence.end or lowers[verb + 1] != "with"):
            return [subject[0].key]
    if grouped and k < sentence.end and lowers[k] in _RELATIVE_VERBS and len(subject) == 1 \
            and ctx.entity_kind(subject[0].key) in {"organization", "grouping"} \
            and (k + 1 >= sentence.end or lowers[k + 1] != "with"):
        return [subject[0].key]  # "the Joint Declaration of Support for Ukraine that the G7 countries adopted"
    if k + 1 >= sentence.end or lowers[k] not in _RELATIVE_VERBS or lowers[k + 1] != "with":
        return []
    at = k + 3 if lowers[k + 2:k + 3] and lowers[k + 2] in {"his", "her", "their", "its"} else k + 2
    others = [m for m in coordinated_from(ctx.doc, at, [m for m in actors if m.form != "coref"])]
    if subject and not others and at < sentence.end and ctx.doc[at + (lowers[at] == "the")].text[:1].isupper() \
            and not any(m.start in (at, at + 1) for m in sentence.mentions if m.kind == "actor"):
        return list(dict.fromkeys(m.key for m in subject))  # "… that Ethiopia signed with the Somaliland region":
        # the other side is one the register does not hold
    if not subject or not others:
        return []
    return list(dict.fromkeys([m.key for m in subject] + [m.key for m in others]))


_MEMBERS_NOUNS = _GROUP_NOUNS | {"members", "member", "allies"}  # ("that the G7 countries adopted")


def _last_group(ctx: DocContext, sentence: Sentence, before: int) -> list:
    """The last coordinated group of two or more states named before ``before``, in this or the previous sentence."""
    doc = ctx.doc
    for sent in (sentence, ctx.sentences[sentence.index - 1] if sentence.index else None):
        if sent is None:
            continue
        states = [m for m in ctx.actors_in(sent, {"state"}, coref=False) if sent is not sentence or m.end <= before]
        group: list = []
        for m in reversed(states):
            if not group or all(t.lower_ in {",", "and", "the"} for t in doc[m.end:group[0].start]):
                group.insert(0, m)
            elif len(group) >= 2:
                break
            else:
                group = [m]
        if len(group) >= 2:
            return group
    return []

_BECAME_PARTY = {"acceded", "accedes", "adhered", "joined"}


def _together_with(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """The actors after "together with" or "along with" that closes the clause concluding an agreement: "having signed
    the Treaty of Chaguaramas on 4 July 1973 together with Barbados, Jamaica and Trinidad and Tobago"."""
    lowers, sentence = ctx.lowers, mention.sentence
    for k in range(mention.name_end, min(sentence.end - 2, mention.name_end + 10)):
        if lowers[k] in {",", ";", "which", "that", "and"} and k > mention.name_end:
            break
        if lowers[k] in _TOGETHER and lowers[k + 1] == "with":
            actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form != "adjective"
                      or _adjective_group(ctx, sentence, m)]  # (also "together with his Swedish colleague")
            group = coordinated_from(ctx.doc, k + 2, actors, joins={",", "and", "the", "his", "her", "their", "its"})
            if len(group) > 1 and lowers[group[-1].end:group[-1].end + 1] and lowers[group[-1].end] in _FINITE:
                group = group[:-1]  # (not "…, and CARICOM has stood with us": the subject of a new clause)
            return [m.key for m in group]
    # before the name, in the aside between its concluding verb and the name: "our energy ministers signed in Rome,
    # together with their colleagues from Tunisia, Austria and Germany, the joint declaration of intent"
    for k in range(max(sentence.start, mention.name_start - 20), mention.name_start - 2):
        if lowers[k] in _TOGETHER and lowers[k + 1] == "with":
            j = k + 2
            while j < mention.name_start and lowers[j] in {"their", "his", "her", "its", "our", "colleagues",
                                                           "colleague", "counterparts", "counterpart", "from", "of"}:
                j += 1
            actors = ctx.actors_in(sentence, POLITICAL, coref=False)
            group = [m for m in coordinated_from(ctx.doc, j, actors) if m.end <= mention.name_start]
            if group and set(lowers[group[-1].end:mention.name_start]) <= {",", "the", "a", "an", "joint"} \
                    and _conclusion_before_aside(ctx, sentence, mention.name_start):
                return [m.key for m in group]  # (the aside runs from "together with" right up to the name)
            return []
    return []


def _joined_later(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """Those a relative clause says joined an agreement after its signatories: "the Geneva Agreement, which the
    United Kingdom and Venezuela signed on 17 February 1966 and to which Guyana became a party on its independence"."""
    lowers, sentence = ctx.lowers, mention.sentence
    for k in range(mention.name_end, sentence.end - 3):
        if lowers[k:k + 2] != ["to", "which"]:
            continue
        actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form != "adjective"]
        group = coordinated_from(ctx.doc, k + 2, actors)
        after = lowers[group[-1].end:group[-1].end + 4] if group else []
        if group and (set(after) & _BECAME_PARTY or after[:3] in (["became", "a", "party"], ["became", "party"])
                      or after[:2] == ["became", "party"]):
            return [m.key for m in group]
    return []


def _concluded_with(ctx: DocContext, mention: _AgreementMention) -> list[str]:
    """The actors after "<agreement> agreed/signed/concluded with": "the ITPP agreed with Japan at this Summit"."""
    lowers = ctx.lowers
    e = mention.name_end
    k = e + 1 if e < mention.sentence.end and lowers[e] == "," else e
    if k + 1 >= mention.sentence.end or lowers[k] not in _CONCLUDED_WITH or lowers[k + 1] != "with":
        return []
    pos = k + 2
    out = []
    for m in ctx.actors_in(mention.sentence, POLITICAL, coref=False):
        if m.start < pos:
            continue
        if all(w in {"the", ",", "and"} for w in lowers[pos:m.start]) and m.start - pos <= 2:
            out.append(m.key)
            pos = m.end
        else:
            break
    return out


# "Kazakhstan, Kyrgyzstan and Tajikistan are parties to both agreements together with Russia and China": the sentence
# after one that names agreements says who else is bound by them
_PARTY_NOUNS = {"party", "parties", "signatory", "signatories"}
_PARTY_VERBS = {"is", "are", "was", "were", "became", "become", "remain", "remains", "also", "all", "both", "been",
                "has", "have", "later", "subsequently", "now", "since", "too", "likewise"}
_STATED_OBJECTS = {"agreement": False, "treaty": False, "accord": False, "convention": False, "protocol": False,
                   "it": False, "agreements": True, "treaties": True, "accords": True, "instruments": True,
                   "documents": True, "them": True, "conventions": True, "protocols": True}
_NAME_GOES_ON = {"on", "of", "between", "for", "concerning", "establishing", "regarding"}
_STATED_DETERMINERS = {"both", "the", "these", "those", "all", "two", "three", "this", "that", "each", "of"}


def _stated_parties(ctx: DocContext, cluster: _Cluster) -> list[tuple[str, Sentence]]:
    """Parties the next sentence states for an agreement named just before: "… the Agreement on the Mutual Reduction
    of Armed Forces in the Border Area, signed in Moscow on 24 April 1997. Kazakhstan, Kyrgyzstan and Tajikistan are
    parties to both agreements together with Russia and China." A singular object ("the agreement", "it") reaches
    only the last agreement the previous sentence names; a plural one each of them."""
    lowers = ctx.lowers
    out: list[tuple[str, Sentence]] = _listed_as_parties(ctx, cluster)
    for mention in cluster.mentions:
        if mention.not_yet or mention.sentence.index + 1 >= len(ctx.sentences):
            continue
        sentence = ctx.sentences[mention.sentence.index + 1]
        for k in range(sentence.start + 1, sentence.end - 1):
            if lowers[k] not in _PARTY_NOUNS or lowers[k + 1] != "to":
                continue
            j = k + 2
            while j < sentence.end and lowers[j] in _STATED_DETERMINERS:
                j += 1
            plural = _STATED_OBJECTS.get(lowers[j]) if j < sentence.end else None
            if plural is None and j > k + 2 and lowers[j - 1] == "both":
                plural, j = True, j - 1  # ("are parties to both")
            if plural is None or (j + 1 < sentence.end and (ctx.doc[j + 1].is_title or lowers[j + 1] in _NAME_GOES_ON)):
                continue  # (not "parties to the Treaty on the Non-Proliferation of …": another name)
            if lowers[j] not in {"it", "them", "agreement", "agreements", "instruments", "documents"} \
                    and _singular(lowers[j]) != mention.head:
                continue  # ("Lithuania is a party to the Convention" after "an agreement on demining": another one)
            later = lowers[mention.name_end:mention.sentence.end]
            if not plural and any(_singular(w) in _GENRE_NOUNS for w in later):
                continue  # ("the agreement" is the last one named)
            verb = k - 1
            while verb > sentence.start and lowers[verb] in _PARTY_VERBS | {"a", "the", "original", "founding"}:
                verb -= 1
            actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.form != "adjective"]
            group = [m for m in coordinated_from(ctx.doc, sentence.start, actors) if m.end <= verb + 1]
            if not group or group[-1].end != verb + 1:
                continue  # (the group is the sentence's subject, right before its verb)
            for together in range(j + 1, min(sentence.end - 1, j + 4)):
                if lowers[together] in _TOGETHER and lowers[together + 1] == "with":
                    group += coordinated_from(ctx.doc, together + 2, actors)
                    break
            out += [(m.key, sentence) for m in group]
            break
    return list({key: (key, s) for key, s in out}.values())


def _listed_as_parties(ctx: DocContext, cluster: _Cluster) -> list[tuple[str, Sentence]]:
    """The states a sentence lists after a colon as the parties to the agreement it names: "the Governors of all
    twenty-one Contracting Parties to the Regional Cooperation Agreement on …: Australia, Bangladesh, …, the United
    States and Viet Nam"."""
    lowers = ctx.lowers
    for mention in cluster.mentions:
        sentence, k = mention.sentence, mention.name_start
        k -= 1 if k > sentence.start and lowers[k - 1] == "the" else 0
        if k - 2 < sentence.start or lowers[k - 1] != "to" or lowers[k - 2] not in _PARTY_NOUNS:
            continue
        colon = mention.name_end if lowers[mention.name_end:mention.name_end + 1] == [":"] else None
        if colon is None:
            continue
        states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.start > colon and m.form != "adjective"]
        listed = coordinated_from(ctx.doc, colon + 1, states)
        if len(listed) >= 2:
            return [(m.key, sentence) for m in listed]
    return []
