"""Relations between actors, found by trigger words around actor mentions.

Each rule works inside one sentence, on its ordered actor mentions (names,
acronyms, adjectives, short forms, capitals used for governments and
coreferent pronouns) and a trigger:

* ``leads``: "the NATO-led ISAF", "KFOR, led by NATO", "NATO is leading the ISAF
  mission", "the European Union's military operation Atalanta", "our KFOR mission";
* ``mandatedBy``: "under the mandate of the United Nations", "UN-mandated", "the
  Security Council extended the mandate of UNIFIL", "in accordance with the
  resolutions of the Security Council";
* ``contributesTo``: "Japan's contributions to … Afghanistan", "troop
  contributors such as Italy and Spain", "Mongolian soldiers served in ISAF",
  "the contribution of Japanese personnel to Operation Atalanta", "support to
  Ukraine", "helping to train Ukrainian soldiers";
* ``partnerOf``: "partnership between X and Y", "X and Y are strategic partners",
  "NATO's partners, a group that also includes A and B", "X's partnership with
  Y", "cooperation among A, B and C", and a bilateral agreement between two parties;
* ``org:memberOf``: "X joined NATO", "X became the 32nd member of NATO", "as a
  member of NATO and the EU", "the two remaining Allies, A and B", "the G7
  Foreign Ministers of A, B and C". Prospects ("will become a member", "future
  membership", "applied for membership") are not memberships.
"""

from __future__ import annotations

from itertools import combinations

from ..namespaces import ID, ORG, PACT
from .context import POLITICAL, DocContext, Sentence
from .mentions import Mention

__all__ = ["find_relations", "subject_group"]

_LEAD = {"lead", "leads", "leading", "led", "command", "commands", "commanding", "commanded", "heads", "heading",
         "conducts", "conducted", "runs"}
_MANDATE = {"mandate", "mandated", "authorized", "authorised", "authorization", "authorisation", "resolution",
            "resolutions", "authorizing", "authorising"}
_MISSION_NOUNS = {"mission", "missions", "operation", "operations", "force", "forces", "deployment"}
_CONTRIB = {"contribution", "contributions", "contribute", "contributes", "contributed", "contributing",
            "contributor", "contributors", "deploy", "deploys", "deployed", "deploying", "participation"}
_SUPPORT_VERBS = {"support", "supports", "supported", "supporting", "help", "helps", "helped", "helping", "assist",
                  "assists", "assisted", "assisting", "train", "trains", "trained", "training", "equip", "equips",
                  "equipped", "equipping", "arm", "arming", "supply", "supplies", "supplied", "supplying"}
_SUPPORT_NOUNS = {"support", "aid", "assistance", "help", "deliveries", "supplies", "funding", "financing", "supporter",
                  "supporters"}
_SERVE = {"served", "serve", "serves", "serving", "deployed", "participated", "participate", "participates",
          "participating", "fought", "operated"}
_PERSONNEL = {"soldiers", "troops", "peacekeepers", "personnel", "forces", "units", "experts", "instructors",
              "contingent", "contingents", "officers", "police", "sailors", "pilots", "trainers", "battalion", "ships"}
_STATUS = {"sovereignty", "independence", "territorial", "integrity", "membership", "role", "aspirations",
           "aspiration", "right", "rights", "candidacy", "bid", "accession", "application", "centrality", "unity",
           "position", "chairmanship", "presidency", "efforts", "policy", "approach", "outlook", "interest"}
_PARTNER = {"partner", "partners", "partnership", "partnerships", "partnered", "partnering"}
_COOP = {"cooperation", "co-operation", "partnership", "partnerships", "frameworks", "framework", "alliance"}
_LISTING = {"like", "such", "including", "notably", "namely", "includes", "include", "as"}
_COPULA = {"are", "as", "been", "remain", "remains", "were", "is", "become", "became", "be"}
_MEMBER = {"member", "members", "membership", "joined", "join", "joins", "joining", "accession", "accede",
           "acceded", "accedes", "admitted", "ally"}
_NOT_MEMBER = {"not", "non", "partner", "partners", "aspirant", "aspirants", "future", "will", "would", "should",
               "could", "may", "might", "applied", "apply", "application", "candidate", "candidates", "invitation",
               "invited", "invite", "prospective", "applicant", "observer", "observers", "priority", "remains",
               "hope", "hopes", "aspires", "aspiration", "aspirations", "path", "towards", "if", "when", "until"}
_JOINERS = {"and", ",", "the", "both", "as", "well", "together", "with", "'s", "’s", "of", "all"}


def _rel(i: int, sentence: Sentence) -> int:
    return i - sentence.start


def subject_group(ctx: DocContext, sentence: Sentence, actors: list[Mention], lead: int = 6) -> list[Mention]:
    """The actor mentions heading a sentence: the first one and those joined to it by "and" or commas.

    A mission heading the sentence ("Atalanta works closely with the EU …") leaves no political subject.
    """
    if not actors:
        return []
    doc = ctx.doc
    first_mission = next((m for m in sentence.mentions if m.kind == "actor" and ctx.entity_kind(m.key) == "mission"
                          and m.form != "coref"), None)
    if first_mission is not None and first_mission.start < actors[0].start:
        return []
    group = [actors[0]]
    for mention in actors[1:]:
        if mention.start < group[-1].end:
            group.append(mention)  # coreferent mentions of the same words ("both sides")
            continue
        gap = doc[group[-1].end:mention.start]
        if all(t.lower_ in _JOINERS or t.is_space for t in gap):
            group.append(mention)
        else:
            break
    head = doc[sentence.start:group[0].start]
    words = [t for t in head if not t.is_punct]
    if len(words) > lead or any(t.lower_ in {"that", "which", "who", "whose"} for t in head):
        return []
    return group


def find_relations(ctx: DocContext, agreements) -> None:
    """Record relation statements found in every sentence of ``ctx``."""
    doc = ctx.doc
    for sentence in ctx.sentences:
        lowers = ctx.lowers[sentence.start:sentence.end]
        if lowers and lowers[-1] == "?":
            continue  # a question asserts nothing
        words = set(lowers)
        missions = ctx.actors_in(sentence, {"mission"})
        political = ctx.actors_in(sentence)
        if missions:
            _leads_by_name(ctx, sentence, missions)
        if (missions and words & (_LEAD | {"'s", "’s", "our", "its"})) or "led" in words:
            _leads(ctx, sentence, lowers, political, missions)
        if words & _MANDATE:
            _mandate(ctx, sentence, lowers, political, missions)
        if words & (_CONTRIB | _SUPPORT_VERBS | _SUPPORT_NOUNS | _SERVE):
            _contributes(ctx, sentence, lowers, political, missions)
        if words & (_PARTNER | _COOP) or "among" in words:
            _partners(ctx, sentence, lowers, political, agreements)
        if words & _MEMBER or any(m.form == "member" for m in political) or "of" in words:
            _members(ctx, sentence, lowers, political)
    _partners_by_agreement(ctx, agreements)
    _partners_by_body(ctx)


# -- leads ---------------------------------------------------------------------------


def _main_mission(ctx: DocContext, before: int) -> str | None:
    return ctx.main_mission(before)


def _leads_by_name(ctx, sentence, missions) -> None:
    """ "the African Union Transition Mission in Somalia", "EU Training Mission in Mali": the name says who leads."""
    doc, register = ctx.doc, ctx.gazetteer.register
    for mission in missions:
        if mission.form not in ("name", "derived", "alias"):
            continue
        first = doc[mission.start:mission.end].text
        leader = _name_prefix_owner(register, first, mission.key)
        if leader:
            ctx.state(ID + leader, PACT + "leads", ID + mission.key, ctx.evidence(sentence, "leads-by-name", 0.8))


_PREFIX_OWNERS: dict[tuple[int, str], str | None] = {}


def _name_prefix_owner(register, surface: str, mission_key: str) -> str | None:
    """The organization whose name or acronym opens a mission's name ("African Union Mission in Somalia")."""
    cache_key = (id(register), surface)
    if cache_key in _PREFIX_OWNERS:
        return _PREFIX_OWNERS[cache_key]
    best = None
    for entity in register.entities.values():
        if entity.kind not in {"organization", "body", "grouping"} or entity.key == mission_key:
            continue
        for form in (*entity.names, *entity.acronyms):
            if len(form) >= 2 and surface.startswith(form + " ") and (best is None or len(form) > best[1]):
                best = (entity.key, len(form))
    _PREFIX_OWNERS[cache_key] = best[0] if best else None
    return _PREFIX_OWNERS[cache_key]


def _leads(ctx, sentence, lowers, political, missions) -> None:
    doc = ctx.doc
    orgs = [a for a in political if ctx.entity_kind(a.key) != "state" or a.form == "coref"]
    found = []
    for mission in missions:
        m_at = _rel(mission.start, sentence)
        leader, rule = None, "leads-trigger"
        for actor in reversed([a for a in political if a.end <= mission.start]):
            between = lowers[_rel(actor.end, sentence):m_at]
            if set(between) & _LEAD and not set(between) & {"by", "with", "alongside"} and len(between) <= 6:
                leader = actor
                break
            if between[:1] in (["'s"], ["’s"]) or (actor.form == "coref" and doc[actor.start].lower_ in {"our", "its"}):
                rest = between[1:] if between[:1] in (["'s"], ["’s"]) else between
                if len(rest) <= 4 and all(w.isalpha() or w in {"-", "–"} for w in rest) \
                        and not set(rest) & (_CONTRIB | _SERVE | {"to", "in", "with", "for", "of"}) \
                        and ctx.entity_kind(actor.key) != "state":
                    leader, rule = actor, "leads-possessive"
                    break
            break
        if leader is None:
            after = lowers[_rel(mission.end, sentence):]
            if "by" in after[:4] and set(after[:after.index("by")]) & _LEAD:
                by_at = mission.end + after.index("by")
                leader = next((a for a in political if a.start > by_at), None)
        if leader is not None and leader.key != mission.key:
            found.append((leader, mission.key, rule))
    # "its own CSDP missions, such as the EU Training Mission in Mali and EUCAP Sahel Niger"
    for i, word in enumerate(lowers):
        if word in {"missions", "operations"} and i >= 1:
            at = sentence.start + i
            owner = _owner_before(ctx, sentence, political, at)
            if not owner and i >= 2 and lowers[i - 2] in {"its", "their"} or lowers[i - 1:i] == ["own"]:
                subj = subject_group(ctx, sentence, political)
                owner = [m.key for m in subj if ctx.entity_kind(m.key) != "state"][:1]
            listed = [m for m in _listed_partners(ctx, sentence, at, missions)]
            for o in owner:
                leader = next((a for a in political if a.key == o), None)
                for m in listed:
                    if leader is not None:
                        found.append((leader, m.key, "leads-possessive"))
    # "the UN-led Force", "the SADC-led mission": the mission the text is about
    for i, word in enumerate(lowers):
        if word == "led" and i >= 2 and lowers[i - 1] == "-" and i + 1 < len(lowers) and lowers[i + 1] in _MISSION_NOUNS:
            actor = next((a for a in political if a.end == sentence.start + i - 1), None)
            target = _main_mission(ctx, sentence.start + i)
            if actor is not None and target:
                found.append((actor, target, "leads-trigger"))
    for leader, mission, rule in found:
        ctx.state(ID + leader.key, PACT + "leads", ID + mission,
                  ctx.evidence(sentence, rule, 0.85 * leader.confidence))


# -- mandatedBy ----------------------------------------------------------------------


def _mandate(ctx, sentence, lowers, political, missions) -> None:
    bodies = [a for a in political if ctx.entity_kind(a.key) in {"organization", "body"} and a.form != "coref"]
    found = []
    for mission in missions:
        org = None
        for actor in bodies:
            span_after = lowers[_rel(actor.end, sentence):_rel(actor.end, sentence) + 2]
            if actor.end <= mission.start and set(span_after) & {"mandated", "-mandated"}:
                org = actor
            elif actor.start > mission.end:
                gap = lowers[_rel(mission.end, sentence):_rel(actor.start, sentence)]
                if set(gap) & _MANDATE and len(gap) <= 12:
                    org = actor
                    break
        if org is not None:
            found.append((mission.key, org))
    # "The Security Council extended the mandate of UNIFIL": the body before "mandate of <mission>"
    for i, word in enumerate(lowers):
        if word != "mandate" or i + 1 >= len(lowers) or lowers[i + 1] != "of":
            continue
        at = sentence.start + i
        target = next((m for m in missions if at < m.start <= at + 8), None)
        if target is None and i + 3 < len(lowers) and lowers[i + 2] == "the" and lowers[i + 3] in _MISSION_NOUNS:
            key = _main_mission(ctx, at)
            target = Mention(key, "actor", "coref", at, at, 0, 0, 0.6) if key else None
        body = next((a for a in bodies if a.end <= at), None)
        if target is not None and body is not None:
            found.append((target.key, body))
    for mission, org in found:
        if mission != org.key:
            ctx.state(ID + mission, PACT + "mandatedBy", ID + org.key,
                      ctx.evidence(sentence, "mandate-trigger", 0.85 * min(org.confidence, 1.0)))


# -- contributesTo -------------------------------------------------------------------


def _is_status_target(ctx, sentence, mention) -> bool:
    doc = ctx.doc
    if mention.end < sentence.end and doc[mention.end].text in {"'s", "’s", "'", "’"}:
        nxt = doc[mention.end + 1].lower_ if mention.end + 1 < sentence.end else ""
        return nxt in _STATUS or nxt in {"future", "permanent", "full", "independence", "own"}
    return False


_CALL = {"called", "calls", "call", "urged", "urges", "urge", "appeals", "appealed", "appeal", "encouraged",
         "encourages", "requested", "requests", "invited", "invites", "asked", "asks"}


def _contributes(ctx, sentence, lowers, political, missions) -> None:
    targets = [m for m in sentence.mentions if m.kind == "actor"
               and ctx.entity_kind(m.key) in {"mission", "state"}
               and (m.form != "coref" or ctx.entity_kind(m.key) == "mission")]
    subject = subject_group(ctx, sentence, political)
    found: list[tuple[Mention, Mention, str, float]] = []
    listing_done = False
    # troop contributors such as A, B and C / Troop Contributing Countries of M, namely A, B
    for i, word in enumerate(lowers):
        if word in {"contributors", "contributing", "contributor"} and i + 1 < len(lowers):
            at = sentence.start + i
            listed = _list_after(ctx, sentence, at, {"state"})
            if listed:
                listing_done = True
                mission = next((m for m in missions if m.start > at and m.start - at <= 4), None)
                key = mission.key if mission else _main_mission(ctx, sentence.end)
                if key:
                    for state in listed:
                        found.append((state, Mention(key, "actor", "coref", at, at, 0, 0, 0.7), "contributor-listing", 0.8))
    for i, word in enumerate(lowers):
        at = sentence.start + i
        called = [j for j, w in enumerate(lowers[:i]) if w in _CALL]
        if word in _SERVE and i >= 1:
            # "Mongolian soldiers served in ISAF"
            contributor = _personnel_owner(ctx, sentence, political, at)
            if contributor is not None:
                for mission in [m for m in missions if m.start > at]:
                    if _clause_break(lowers, i, _rel(mission.start, sentence), 24):
                        break
                    found.append((contributor, mission, "contributes-serving", 0.8))
        if word in _CONTRIB and not (listing_done and word in {"contributors", "contributing", "contributor"}):
            contributors = _contributors(ctx, sentence, political, subject, i, called)
            blocked = {c.key for c in contributors}
            target = next((m for m in targets if m.start > at and m.key not in blocked
                           and not _is_status_target(ctx, sentence, m)
                           and not _clause_break(lowers, i, _rel(m.start, sentence), 20)), None)
            if target is not None:
                for c in contributors:
                    found.append((c, target, "contributes-trigger", 0.8))
        if word in _SUPPORT_VERBS or word in _SUPPORT_NOUNS:
            target = _support_target(ctx, sentence, lowers, i, targets)
            if target is None:
                continue
            for c in _supporters(ctx, sentence, political, subject, at, target, called):
                found.append((c, target, "supports-trigger", 0.7))
    register = ctx.gazetteer.register
    for contributor, target, rule, confidence in found:
        if contributor.key == target.key or register.led_by.get(target.key) == contributor.key:
            continue
        if ctx.entity_kind(contributor.key) not in POLITICAL:
            continue
        ctx.state(ID + contributor.key, PACT + "contributesTo", ID + target.key,
                  ctx.evidence(sentence, rule, confidence * min(contributor.confidence, 1.0)))


def _contributors(ctx, sentence, political, subject, i: int, called) -> list[Mention]:
    """Who contributes: "the contribution of Japanese personnel", "Japan's contributions",
    "its participation" (the last possessor), "Serbia, Montenegro and Colombia have contributed"."""
    doc = ctx.doc
    at = sentence.start + i
    lowers = [t.lower_ for t in doc[sentence.start:sentence.end]]
    if i + 1 < len(lowers) and lowers[i + 1] == "of":
        after = next((a for a in political if at + 1 < a.start <= at + 3), None)
        if after is not None:
            return [after]
    before = [a for a in political if a.end <= at and (not called or a.start > sentence.start + called[-1])]
    if called and not before:
        return []
    for a in reversed(before):
        gap = lowers[_rel(a.end, sentence):i]
        if gap[:1] in (["'s"], ["’s"]) and len(gap) <= 4:
            return [a]
        break
    if i >= 1 and lowers[i - 1] in {"its", "their", "his", "her"} or (i >= 2 and lowers[i - 2] in {"its", "their"}):
        # "its participation": the last possessor named before, else the last state
        owners = [a for a in before if a.end < len(doc) and doc[a.end].text in {"'s", "’s"}]
        if owners:
            return [owners[-1]]
        states = [a for a in before if ctx.entity_kind(a.key) == "state"]
        if states:
            return [states[-1]]
    if lowers[i] in {"contributor", "contributors"}:
        owners = [a for a in before if a.end < len(doc) and doc[a.end].text in {"'s", "’s"}]
        states = [a for a in before if ctx.entity_kind(a.key) == "state"]
        if owners or states:
            return [(owners or states)[-1]]
    group = _group_before(ctx, sentence, before, at)
    if group:
        return group
    if subject and not called:
        return [m for m in subject if m.end <= at]
    return before[-1:] if before else []


def _group_before(ctx, sentence, before, at: int) -> list[Mention]:
    """States listed as the subject of a verb: "Several third states, such as A, B and C, have contributed"."""
    doc = ctx.doc
    if not before:
        return []
    last = before[-1]
    gap = [t.lower_ for t in doc[last.end:at]]
    if len(gap) > 3 or not all(w in {",", "have", "has", "had", "also", "already", "all"} for w in gap):
        return []
    group = [last]
    for m in reversed(before[:-1]):
        between = [t.lower_ for t in doc[m.end:group[0].start]]
        if all(w in {",", "and", "the", "such", "as"} for w in between):
            group.insert(0, m)
        else:
            break
    return group


def _clause_break(lowers, i: int, j: int, limit: int = 14) -> bool:
    between = lowers[i + 1:j]
    return ";" in between or "while" in between or "but" in between or len(between) > limit


def _list_after(ctx, sentence, at: int, kinds) -> list[Mention]:
    """States listed after a trigger: "such as A, B and C", ", namely A, B", "of M, namely A"."""
    doc = ctx.doc
    listed: list[Mention] = []
    j = at + 1
    while j < sentence.end and j <= at + 8 and doc[j].lower_ not in _LISTING:
        j += 1
    if j >= sentence.end or doc[j].lower_ not in _LISTING:
        return []
    pos = j + 1
    for m in ctx.actors_in(sentence, kinds, coref=False):
        if m.start < pos:
            continue
        gap = [t.lower_ for t in doc[pos:m.start]]
        if all(w in {",", "and", "the", "as", "such", "or"} for w in gap):
            listed.append(m)
            pos = m.end
        else:
            break
    return listed


def _personnel_owner(ctx, sentence, political, at: int):
    """ "Mongolian soldiers served": the actor right before a personnel noun before the verb."""
    doc = ctx.doc
    k = at - 1
    while k > sentence.start and doc[k].lower_ in {"have", "has", "also", "had", "are", "were", "long", "successfully"}:
        k -= 1
    if doc[k].lower_ not in _PERSONNEL:
        return None
    return next((a for a in political if a.end in (k, k - 1) and ctx.entity_kind(a.key) in POLITICAL), None)


def _support_target(ctx, sentence, lowers, i: int, targets):
    """The state or mission supported: "support to Ukraine", "help Ukraine", "train Ukrainian soldiers"."""
    doc = ctx.doc
    at = sentence.start + i
    for target in targets:
        if target.start <= at:
            continue
        gap = lowers[i + 1:_rel(target.start, sentence)]
        if len(gap) > 6 or set(gap) & {";", "while", "but", "against", "from", "by", "with", "between", "on", "in"}:
            break
        if _is_status_target(ctx, sentence, target) or set(gap) & _STATUS:
            break
        if not gap or gap in (["the"], ["to"], ["for"], ["to", "the"], ["for", "the"]):
            return target
        if gap[-1] in {"to", "for", "the", "of"} and lowers[i] in _SUPPORT_NOUNS | {"support", "supporting"}:
            return target
        if gap and gap[0] == "of" and lowers[i] in {"supporter", "supporters"}:
            return target  # "a leading supporter of the Joint Force of the G5 Sahel"
        if gap[-1] in {"of", "the"} and ("of" in gap) and lowers[i] in _SUPPORT_VERBS:
            return target  # "assist the capacity building of the Philippine Coast Guard"
        if doc[target.start].text[:1].isupper() and target.form == "adjective" and lowers[i] in _SUPPORT_VERBS \
                and not gap[:-1]:
            return target
        break
    # "train Ukrainian soldiers": an adjective right after the verb, before a personnel noun
    return None


def _supporters(ctx, sentence, political, subject, at: int, target, called) -> list[Mention]:
    """Who gives the support: a possessor ("your country's support"), the subject of the clause
    ("Allies have provided …", "… stated that Japan would continue to assist …"), or
    the one called on ("called on Belarus to stop …"), plus "together with X"."""
    doc = ctx.doc
    before = [a for a in political if a.end <= at and a.key != target.key]
    if called:
        before = [a for a in before if a.start > sentence.start + called[-1]]
    owner = None
    for a in reversed(before):
        if a.end < len(doc) and doc[a.end].text in {"'s", "’s"} and a.end + 4 >= at:
            owner = [a]
            break
        if a.form == "coref" and doc[a.start].lower_ in {"our", "your", "their"} and a.end + 4 >= at:
            owner = [b for b in before if b.start == a.start]
            break
    if owner is None:
        owner = _clause_subject(ctx, sentence, before, at)
    if owner is None and not called:
        owner = [a for a in subject if a.key != target.key and a.end <= at]
    owner = owner or []
    lowers = [t.lower_ for t in doc[sentence.start:sentence.end]]
    for i in range(len(lowers) - 1):
        if lowers[i] == "together" and lowers[i + 1] == "with":
            with_at = sentence.start + i + 1
            extra = next((a for a in political if with_at < a.start <= with_at + 2), None)
            if extra is not None and extra.key != target.key:
                owner = owner + [extra]
    return owner


def _clause_subject(ctx, sentence, before, at: int) -> list[Mention] | None:
    """Actors right after "that" or a semicolon, heading the clause of ``at``."""
    doc = ctx.doc
    for k in range(at - 1, sentence.start - 1, -1):
        if doc[k].lower_ in {"that", ";"}:
            group = [a for a in before if k < a.start <= k + 3]
            return group or None
    return None


# -- partnerOf -----------------------------------------------------------------------


def _partners(ctx, sentence, lowers, political, agreements) -> None:
    doc = ctx.doc
    named = [a for a in political]
    pairs: list[tuple[str, str, float, str]] = []
    subject = subject_group(ctx, sentence, political)
    # "partnership between X and Y", "cooperation among A, B and C"
    for word in ("between", "among"):
        if word not in lowers:
            continue
        i = lowers.index(word)
        if not set(lowers[max(0, i - 4):i]) & (_PARTNER | _COOP | {"cooperation", "trilateral"}):
            continue
        at = sentence.start + i
        listed = _joined_after(ctx, sentence, at, named)
        keys = list(dict.fromkeys(m.key for m in listed))
        for a, b in combinations(keys, 2):
            pairs.append((a, b, 0.85, "partner-between"))
    # "X and Y are (strategic) partners", "A, B and C are close partners" (of the speaker's organization)
    for i, word in enumerate(lowers):
        if word not in {"partners", "partner"}:
            continue
        cop = next((j for j in range(i - 1, max(-1, i - 4), -1) if lowers[j] in _COPULA), None)
        if cop is None:
            continue
        k = cop - 1
        if k >= 0 and lowers[k] == ",":
            k -= 1
        group = _group_ending(ctx, sentence, named, sentence.start + k + 1)
        keys = list(dict.fromkeys(m.key for m in group))
        if len(keys) == 2:
            pairs.append((keys[0], keys[1], 0.8, "partner-pair"))
        elif len(keys) > 2:
            owner = _speaker_org(ctx, sentence)
            for key in keys:
                if owner and owner != key:
                    pairs.append((owner, key, 0.7, "partner-pair"))
    # "NATO's partners, a group that also includes A, B", "our partners A, B", "partners such as A"
    for i, word in enumerate(lowers):
        if word != "partners":
            continue
        at = sentence.start + i
        owner = _owner_before(ctx, sentence, political, at) or [m.key for m in subject if m.end <= at]
        listed = _listed_partners(ctx, sentence, at, named)
        for o in owner:
            for m in listed:
                if m.key != o:
                    pairs.append((o, m.key, 0.8, "partner-listing"))
        # "Mongolia is one of NATO's partners"
        if owner and subject and set(lowers[:i]) & {"one", "is", "a", "become", "became"} and "of" in lowers[:i]:
            for m in subject:
                for o in owner:
                    if m.key != o and m.end <= at:
                        pairs.append((m.key, o, 0.75, "partner-one-of"))
    # "X's partnership with Y", "their trilateral cooperation frameworks with A and with B"
    for i, word in enumerate(lowers):
        if word != "with" or not set(lowers[max(0, i - 4):i]) & (_PARTNER | _COOP):
            continue
        at = sentence.start + i
        listed = _joined_after(ctx, sentence, at, named, also={"with"})
        if not listed:
            continue
        owner = _owner_before(ctx, sentence, political, at - 1) or [m.key for m in subject if m.end <= at]
        for o in owner:
            for m in listed:
                if m.key != o:
                    pairs.append((o, m.key, 0.75, "partner-with"))
    # "our partnership" in a text about an agreement between two parties
    keys = list(dict.fromkeys(a.key for a in named))
    if not pairs and len(keys) <= 1 and set(lowers) & {"our", "your"} and set(lowers) & _PARTNER:
        for agreement, _ in agreements:
            parties = [p.removeprefix(ID) for p in agreement.parties]
            if (not keys or keys[0] in parties) and len(parties) == 2:
                pairs.append((parties[0], parties[1], 0.6, "partner-our-partnership"))
                break
    for a, b, confidence, rule in pairs:
        if a == b or ctx.entity_kind(a) not in POLITICAL or ctx.entity_kind(b) not in POLITICAL:
            continue
        a, b = sorted((a, b))
        ctx.state(ID + a, PACT + "partnerOf", ID + b, ctx.evidence(sentence, rule, confidence))


def _group_ending(ctx, sentence, named, end: int) -> list[Mention]:
    """The actors listed right before token ``end`` ("NATO and the EU", "Japan and the Philippines")."""
    doc = ctx.doc
    last = [m for m in named if m.end == end]
    if not last:
        return []
    group = list(last)
    for m in reversed([m for m in named if m.end < group[0].start or m.start == group[0].start]):
        if m.start == group[0].start:
            if m not in group:
                group.append(m)
            continue
        between = [t.lower_ for t in doc[m.end:group[0].start]]
        if all(w in {",", "and", "the", "both"} for w in between):
            group.insert(0, m)
        else:
            break
    return group


def _partners_by_body(ctx) -> None:
    """A bilateral body ("NATO-Ukraine Council", "NATO-Georgia Commission") makes its two actors partners."""
    from .agreements import constituents

    done = set()
    for sentence in ctx.sentences:
        for m in sentence.mentions:
            if m.kind != "actor" or m.form == "coref" or m.key in done:
                continue
            pair = constituents(ctx, m.key)
            if len(pair) == 2:
                done.add(m.key)
                a, b = sorted(pair)
                ctx.state(ID + a, PACT + "partnerOf", ID + b, ctx.evidence(sentence, "partner-by-body", 0.7))


def _speaker_org(ctx, sentence) -> str | None:
    we = [m.key for m in sentence.mentions if m.form == "coref" and ctx.doc[m.start].lower_ in {"we", "our", "us"}]
    if we:
        return we[0]
    speaker = sentence.speaker
    if speaker and speaker.startswith(ID + "person/"):
        orgs = ctx.positions_by_person.get(speaker, [])
        return orgs[0] if orgs else None
    if speaker:
        return speaker.removeprefix(ID)
    return None


def _owner_before(ctx, sentence, political, at: int) -> list[str]:
    """ "NATO's partners", "our partners", "the EU's partners": the possessor right before ``at``."""
    doc = ctx.doc
    for a in reversed([a for a in political if a.end <= at]):
        gap = [t.lower_ for t in doc[a.end:at]]
        if gap[:1] in (["'s"], ["’s"]) and len(gap) <= 4:
            return [a.key]
        if a.form == "coref" and doc[a.start].lower_ in {"our", "their", "its"} and len(gap) <= 3:
            return [m.key for m in political if m.start == a.start]
        break
    return []


def _joined_after(ctx, sentence, at: int, named, also=frozenset()) -> list[Mention]:
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


def _listed_partners(ctx, sentence, at: int, named) -> list[Mention]:
    """Partners named after "partners": "such as A", "like A", ", a group that also includes A", or apposed."""
    doc = ctx.doc
    j = at + 1
    limit = min(sentence.end, at + 12)
    while j < limit and doc[j].lower_ not in _LISTING and not any(m.start == j for m in named):
        j += 1
    if j >= limit:
        return []
    if doc[j].lower_ in _LISTING:
        j += 1
    listed = []
    pos = j
    for m in named:
        if m.start < pos or m.form == "coref":
            continue
        gap = [t.lower_ for t in doc[pos:m.start]]
        if all(w in {",", "and", "the", "as", "such", "or", "also"} for w in gap):
            listed.append(m)
            pos = m.end
        else:
            break
    return listed


def _partners_by_agreement(ctx, agreements) -> None:
    """A bilateral agreement (not a treaty of accession) makes its two parties partners."""
    for agreement, _ in agreements:
        if agreement.kind == "Treaty" or len(agreement.parties) != 2:
            continue
        a, b = sorted(p.removeprefix(ID) for p in agreement.parties)
        key = (agreement.iri, PACT + "party", ID + a)
        party = ctx.statements.get(key)
        if party is None or not party.evidence:
            continue
        ev = party.evidence[0]
        ctx.state(ID + a, PACT + "partnerOf", ID + b, type(ev)(ev.start, ev.end, ev.quote, "partner-by-agreement",
                                                               0.7, ev.speaker))


# -- memberOf ------------------------------------------------------------------------


def _members(ctx, sentence, lowers, political) -> None:
    doc = ctx.doc
    states = [a for a in political if ctx.entity_kind(a.key) == "state" and a.form != "coref"]
    orgs = [a for a in sentence.mentions if a.kind in ("actor", "framework") and a.form != "coref"
            and ctx.entity_kind(a.key) in {"organization", "grouping", "framework", "body"}]
    if not states or not orgs:
        return
    found: list[tuple[Mention, Mention, str]] = []
    negated = bool(set(lowers) & _NOT_MEMBER)
    subject = [m for m in subject_group(ctx, sentence, political) if ctx.entity_kind(m.key) == "state"]
    members_of: list[Mention] = []  # organizations found as "member of" targets, for "and of the …"
    who: list[Mention] = []
    for org in orgs:
        o_start, o_end = _rel(org.start, sentence), _rel(org.end, sentence)
        before = lowers[max(0, o_start - 6):o_start]
        # "…, a group that also includes A, B and C" (a framework or grouping and its members)
        after = lowers[o_end:o_end + 7]
        if "includes" in after or "include" in after or "comprises" in after:
            k = org.end + after.index(next(w for w in after if w in {"includes", "include", "comprises"})) + 1
            for s in states:
                if s.start < k:
                    continue
                if all(t.lower_ in {",", "and", "the"} for t in doc[k:s.start]):
                    found.append((s, org, "member-group-includes"))
                    k = s.end
                else:
                    break
        # "Mongolia is one of NATO's partners across the globe"
        if ctx.entity_kind(org.key) in {"framework", "grouping"} and "one" in lowers[:o_start] and subject:
            j = lowers.index("one")
            if j + 1 < len(lowers) and lowers[j + 1] == "of" and j < o_start <= j + 5 and not negated:
                for s in subject:
                    found.append((s, org, "member-one-of"))
        # "as (a founding) member(s) of NATO and the EU"; "France's active role as a member of IORA"
        chained = bool(members_of) and all(t.lower_ in {",", "and", "of", "the"} for t in doc[members_of[-1].end:org.start])
        if chained or ("of" in before[-2:] and set(before) & {"member", "members"} and not set(before) & _NOT_MEMBER):
            members_of.append(org)
            if not chained:
                who = _possessor_before(ctx, sentence, political, org.start) or subject \
                    or [s for s in states if s.start > org.end][:1]
            for s in who:
                found.append((s, org, "member-as-member-of"))
            continue
        # "Poland and Lithuania, as Allies", "the two remaining Allies, Türkiye and Hungary"
        if doc[org.end - 1].lower_ in {"allies", "ally"}:
            if org.end < sentence.end and doc[org.end].text == ",":
                k = org.end + 1
                for s in states:
                    if s.start >= k and all(t.lower_ in {",", "and", "the"} for t in doc[k:s.start]):
                        found.append((s, org, "member-allies"))
                        k = s.end
            if o_start >= 1 and lowers[o_start - 1] == "as" and subject and not negated:
                for s in subject:
                    found.append((s, org, "member-allies"))
            continue
        # "the G7 Foreign Ministers of Canada, France, …"
        if ctx.entity_kind(org.key) == "grouping":
            j = o_end
            while j < len(lowers) and j < o_end + 4 and lowers[j] != "of":
                j += 1
            if j < len(lowers) and lowers[j] == "of" and all(doc[sentence.start + x].is_title for x in range(o_end, j)):
                k = sentence.start + j + 1
                for s in states:
                    if s.start < k:
                        continue
                    if all(t.lower_ in {",", "and", "the"} for t in doc[k:s.start]):
                        found.append((s, org, "member-of-grouping"))
                        k = s.end
                    else:
                        break
        for state in states:
            if org.start > state.end:
                gap = lowers[_rel(state.end, sentence):o_start]
                lead = set(lowers[:_rel(state.start, sentence)][-3:])
                if set(gap) & _MEMBER and not set(gap) & _NOT_MEMBER and len(gap) <= 8 \
                        and not lead & (_NOT_MEMBER | _PROSPECT):
                    found.append((state, org, "member-trigger"))
            elif org.end <= state.start:
                gap = lowers[o_end:_rel(state.start, sentence)]
                if gap[:2] == ["accession", "of"] or (len(gap) <= 3 and set(gap) & {"member", "ally", "allies"}
                                                      and not set(gap) & {"partner", "non"}):
                    found.append((state, org, "member-trigger"))
    for state, org, rule in found:
        if ctx.entity_kind(state.key) != "state":
            continue
        ctx.state(ID + state.key, ORG + "memberOf", ID + org.key,
                  ctx.evidence(sentence, rule, 0.8 * min(state.confidence, org.confidence, 1.0)))


_PROSPECT = {"support", "supports", "supported", "backing", "backs", "for"}


def _possessor_before(ctx, sentence, political, at: int) -> list[Mention]:
    """ "France's active role as a member of …": the possessor a few words before."""
    doc = ctx.doc
    for a in reversed([a for a in political if a.end <= at and at - a.end <= 9]):
        if a.end < len(doc) and doc[a.end].text in {"'s", "’s"} and ctx.entity_kind(a.key) == "state":
            return [a]
    return []
