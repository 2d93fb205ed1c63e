"""Relations between actors, found by trigger words around actor mentions.

Each rule works inside one sentence, on the ordered actor mentions (names,
acronyms, adjectives and coreferent pronouns) and a trigger:

* ``leads``: "NATO is leading the ISAF mission", "the NATO-led ISAF", "KFOR, led by NATO";
* ``mandatedBy``: "under the mandate of the United Nations", "UN-mandated", "authorised by";
* ``contributesTo``: "Japan's contributions to … Afghanistan", "X contributes troops to M";
* ``partnerOf``: "partners like Japan", "partnership between X and Y", "cooperation between X and Y";
* ``org:memberOf``: "X joined NATO", "X became the 32nd member of NATO", "the accession of X to Y".
"""

from __future__ import annotations

from ..namespaces import ID, ORG, PACT
from .context import DocContext, Sentence
from .mentions import Mention

__all__ = ["find_relations"]

_LEAD = {"lead", "leads", "leading", "led", "command", "commands", "commanding", "commanded", "heads", "heading"}
_MANDATE = {"mandate", "mandated", "authorized", "authorised", "authorization", "authorisation", "resolution"}
_CONTRIB = {"contribution", "contributions", "contribute", "contributes", "contributed", "contributing",
            "deploy", "deploys", "deployed", "deploying", "participation", "participate", "participates",
            "participated", "participating", "troops", "personnel"}
_PARTNER = {"partner", "partners", "partnership", "partnerships", "partnered", "partnering"}
_COOP = {"cooperation", "co-operation", "cooperate", "cooperating", "cooperates", "relations", "relationship", "ties"}
_MEMBER = {"member", "members", "membership", "joined", "join", "joins", "joining", "accession", "accede",
           "acceded", "accedes", "admitted"}
_LISTING = {"like", "such", "including", "notably", "namely"}


def _actors(ctx: DocContext, sentence: Sentence, kinds: set[str]) -> list[Mention]:
    return [m for m in sentence.mentions if m.kind == "actor" and ctx.entity_kind(m.key) in kinds]


_POLITICAL = {"state", "organization", "body", "grouping"}


def find_relations(ctx: DocContext, agreements) -> None:
    """Record relation statements found in every sentence of ``ctx``."""
    doc = ctx.doc
    for sentence in ctx.sentences:
        tokens = doc[sentence.start:sentence.end]
        lowers = [t.lower_ for t in tokens]
        lower_set = set(lowers)
        missions = _actors(ctx, sentence, {"mission"})
        political = _actors(ctx, sentence, _POLITICAL)
        if missions and lower_set & _LEAD:
            _leads(ctx, sentence, lowers, political, missions)
        if missions and lower_set & _MANDATE:
            _mandate(ctx, sentence, lowers, political, missions)
        if lower_set & _CONTRIB:
            _contributes(ctx, sentence, lowers, political, missions)
        if lower_set & _PARTNER or (lower_set & _COOP and "between" in lower_set):
            _partners(ctx, sentence, lowers, political, agreements)
        if lower_set & _MEMBER:
            _members(ctx, sentence, lowers, political)


def _rel(i: int, sentence: Sentence) -> int:
    return i - sentence.start


def _leads(ctx, sentence, lowers, political, missions) -> None:
    for mission in missions:
        m_at = _rel(mission.start, sentence)
        # "X-led M" / "X led M" / "X is leading the M mission"
        leader = None
        for actor in reversed([a for a in political if a.end <= mission.start]):
            between = lowers[_rel(actor.end, sentence):m_at]
            if set(between) & _LEAD and not set(between) & {"by", "with"}:
                leader = actor
                break
        # "M, led by X"
        if leader is None:
            after = lowers[_rel(mission.end, sentence):]
            if "by" in after and set(after[:after.index("by")]) & _LEAD:
                by_at = mission.end + after.index("by")
                leader = next((a for a in political if a.start > by_at), None)
        if leader is not None:
            ctx.state(ID + leader.key, PACT + "leads", ID + mission.key,
                      ctx.evidence(sentence, "leads-trigger", 0.85 * leader.confidence))


def _mandate(ctx, sentence, lowers, political, missions) -> None:
    for mission in missions:
        # "UN-mandated M": the mandating body right before "mandated"
        org = None
        for actor in political:
            if actor.kind != "actor" or ctx.entity_kind(actor.key) not in {"organization", "body"}:
                continue
            span_after = lowers[_rel(actor.end, sentence):_rel(actor.end, sentence) + 2]
            if actor.end <= mission.start and set(span_after) & {"mandated", "-mandated"}:
                org = actor
            elif actor.start > mission.end:
                gap = lowers[_rel(mission.end, sentence):_rel(actor.start, sentence)]
                if set(gap) & _MANDATE:
                    org = actor
                    break
        if org is not None:
            ctx.state(ID + mission.key, PACT + "mandatedBy", ID + org.key,
                      ctx.evidence(sentence, "mandate-trigger", 0.85))


def _contributes(ctx, sentence, lowers, political, missions) -> None:
    trigger = next(i for i, w in enumerate(lowers) if w in _CONTRIB) + sentence.start
    contributors = [a for a in political if a.end <= trigger and ctx.entity_kind(a.key) == "state"
                    or a.end <= trigger and a.form == "coref"]
    if not contributors:
        return
    contributor = contributors[-1]
    targets = [m for m in sentence.mentions if m.kind == "actor" and m.start > trigger and m.key != contributor.key
               and ctx.entity_kind(m.key) in {"mission", "state"} and m.form != "coref"]
    if not targets:
        return
    target = targets[0]
    ctx.state(ID + contributor.key, PACT + "contributesTo", ID + target.key,
              ctx.evidence(sentence, "contributes-trigger", 0.8 * contributor.confidence))


def _partners(ctx, sentence, lowers, political, agreements) -> None:
    keys = []
    for actor in political:
        if actor.key not in keys:
            keys.append(actor.key)
    pairs: list[tuple[str, str, float, str]] = []
    if "between" in lowers:
        at = lowers.index("between") + sentence.start
        after = [a.key for a in political if a.start > at]
        after = list(dict.fromkeys(after))
        if len(after) >= 2:
            pairs.append((after[0], after[1], 0.85, "partner-between"))
    if not pairs and set(lowers) & _LISTING and set(lowers) & _PARTNER:
        trigger = next(i for i, w in enumerate(lowers) if w in _PARTNER) + sentence.start
        subjects = [a.key for a in political if a.start < trigger]
        listed = [a.key for a in political if a.start > trigger]
        if subjects and listed:
            for other in dict.fromkeys(listed):
                if other != subjects[-1]:
                    pairs.append((subjects[-1], other, 0.8, "partner-listing"))
    if not pairs and len(keys) == 2 and set(lowers) & _PARTNER:
        pairs.append((keys[0], keys[1], 0.75, "partner-pair-in-sentence"))
    if not pairs and len(keys) == 1 and set(lowers) & {"our", "your"} and set(lowers) & _PARTNER:
        # "our partnership" in a text about an agreement between two parties
        for agreement, _ in agreements:
            parties = [p.removeprefix(ID) for p in agreement.parties]
            if keys[0] in parties and len(parties) == 2:
                other = parties[1] if parties[0] == keys[0] else parties[0]
                pairs.append((keys[0], other, 0.6, "partner-our-partnership"))
                break
    for a, b, confidence, rule in pairs:
        if a == b or ctx.entity_kind(a) == "mission" or ctx.entity_kind(b) == "mission":
            continue
        a, b = sorted((a, b))
        ctx.state(ID + a, PACT + "partnerOf", ID + b, ctx.evidence(sentence, rule, confidence))


def _members(ctx, sentence, lowers, political) -> None:
    states = [a for a in political if ctx.entity_kind(a.key) == "state" and a.form != "coref"]
    orgs = [a for a in sentence.mentions if a.kind in ("actor", "framework")
            and ctx.entity_kind(a.key) in {"organization", "grouping", "framework"} and a.form != "coref"]
    if not states or not orgs:
        return
    for state in states:
        for org in orgs:
            if org.start > state.end:
                gap = lowers[_rel(state.end, sentence):_rel(org.start, sentence)]
                if set(gap) & _MEMBER and not set(gap) & {"not", "non", "partner", "partners", "aspirant"} \
                        and len(gap) <= 8:
                    ctx.state(ID + state.key, ORG + "memberOf", ID + org.key,
                              ctx.evidence(sentence, "member-trigger", 0.8))
                    break
            elif org.end <= state.start:
                gap = lowers[_rel(org.end, sentence):_rel(state.start, sentence)]
                if gap[:2] in (["accession", "of"],) or (len(gap) <= 3 and set(gap) & {"member", "ally", "allies"}
                                                         and not set(gap) & {"partner", "non"}):
                    ctx.state(ID + state.key, ORG + "memberOf", ID + org.key,
                              ctx.evidence(sentence, "member-trigger", 0.75))
                    break
