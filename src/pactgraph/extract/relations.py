"""Relations between actors, found by trigger words around actor mentions.

Each rule works inside one sentence, on its ordered actor mentions (names,
acronyms, adjectives, short forms, capitals used for governments and
coreferent pronouns) and a trigger:

* ``leads``: "the NATO-led ISAF", "KFOR, led by NATO", "NATO is leading the ISAF
  mission", "the European Union's military operation Atalanta", "the European
  Union's military operation in the Mediterranean, Irini", "its own CSDP missions,
  such as …", "our KFOR mission";
* ``mandatedBy``: "under the mandate of the United Nations", "UN-mandated", "the
  Security Council extended the mandate of UNIFIL", "in accordance with the
  resolutions of the Security Council", "Irini acts under Security Council
  resolution 2292";
* ``contributesTo``: "Japan's contributions to … Afghanistan", "troop
  contributors such as Italy and Spain", "Mongolian soldiers served in ISAF",
  "a Colombian Navy frigate took part in Operation Ocean Shield", "one
  peacekeeper from Nepal" in a sentence about a mission, "the contribution of
  Japanese personnel to Operation Atalanta", "support to Ukraine", "helping to
  train Ukrainian soldiers", "have provided ships, aircraft and staff to the
  operation", "…, which has deployed a field hospital to UNMISS", "the Line of
  Credit extended by India to Viet Nam", "the second-largest supporter of Ukraine
  after the United States", "thanks the European Union for its support" (to the
  sentence's mission); the body that mandates a mission does not contribute to it
  by expressing "support for" it;
* ``partnerOf`` and ``org:memberOf``: see :mod:`~pactgraph.extract.partners`.

A question ("will Ukraine be invited to join?") asserts nothing and yields no relation.
"""


from __future__ import annotations

from ..namespaces import ID, PACT
from .clauses import (
    LISTING,
    clause_between,
    clause_subject,
    coordinated_before,
    coordinated_from,
    joined_after,
    listed_after,
    owner_before,
    rel,
    subject_group,
    verb_subject,
)
from .context import POLITICAL, DocContext
from .mentions import Mention
from .partners import (
    MEMBER_WORDS,
    PARTNER_WORDS,
    find_members,
    find_partners,
    partners_across_sentences,
    partners_by_agreement,
    partners_by_body,
    partners_counted,
)
from .words import NUMBER_WORDS, TAKE

__all__ = ["find_relations", "subject_group"]

_LEAD = {"lead", "leads", "leading", "led", "command", "commands", "commanding", "commanded", "heads", "heading",
         "conducts", "conducted", "runs"}
_MANDATE = {"mandate", "mandated", "authorized", "authorised", "authorization", "authorisation", "resolution",
            "resolutions", "authorizing", "authorising", "authorise", "authorize", "authorises", "authorizes"}
_MISSION_NOUNS = {"mission", "missions", "operation", "operations", "force", "forces", "deployment"}
_CONTRIB = {"contribution", "contributions", "contribute", "contributes", "contributed", "contributing",
            "contributor", "contributors", "deploy", "deploys", "deployed", "deploying", "participation"}
_SUPPORT_VERBS = {"support", "supports", "supported", "supporting", "help", "helps", "helped", "helping", "assist",
                  "assists", "assisted", "assisting", "train", "trains", "trained", "training", "equip", "equips",
                  "equipped", "equipping", "arm", "arming", "supply", "supplies", "supplied", "supplying", "back",
                  "backs", "backed", "backing"}
_SUPPORT_NOUNS = {"support", "aid", "assistance", "help", "deliveries", "supplies", "funding", "financing", "supporter",
                  "supporters", "credit", "grant", "grants", "loan", "loans", "donation", "donations", "backer",
                  "backers", "enabler", "enablers"}
# Giving things: "have provided ships, aircraft and staff to the operation", "sent instructors to Ghana".
_PROVIDE = {"provide", "provides", "provided", "providing", "send", "sends", "sent", "sending", "donate", "donates",
            "donated", "donating", "gift", "gifts", "gifted", "deliver", "delivers", "delivered", "delivering",
            "supply", "supplies", "supplied", "supplying", "delivery", "transfer", "transfers", "transferred",
            "transferring", "pledge", "pledges", "pledged", "pledging", "allocate", "allocates", "allocated",
            "allocating", "disbursed", "disburses", "ship", "ships", "shipped", "shipping", "fund", "funds", "funded",
            "finance", "finances", "financed", "assign", "assigns", "assigned", "assigning", "placed", "place",
            "places", "posted", "seconded", "seconding", "seconds", "paid"}
# "propping up Russia's war economy": propping up a state supports it
_PROP = {"prop", "props", "propped", "propping"}
_ASSETS = {"ships", "ship", "vessels", "vessel", "aircraft", "helicopters", "staff", "troops", "personnel", "equipment",
           "weapons", "arms", "ammunition", "munitions", "funding", "funds", "training", "experts", "officers",
           "frigate", "frigates", "boats", "instructors", "assets", "capabilities", "forces", "units", "military",
           "financial", "naval", "additional", "more", "further", "new", "its", "their", "and", ",", "the", "a", "an",
           "systems", "air", "defence", "defense", "tanks", "vehicles", "drones", "supplies", "aid", "support",
           "missiles", "shells", "rockets", "artillery", "fuel", "components"}
_ASSETS_NOUNS = frozenset(_ASSETS - {"its", "their", "and", ",", "the", "a", "an", "additional", "more", "further",
                                      "new", "military", "financial", "naval", "air", "defence", "defense"})
# "has sent more than a thousand soldiers to UNIFIL", "sent a destroyer and a patrol aircraft to …"
_SENT_EXTRA = {"soldiers", "soldier", "peacekeepers", "sailors", "pilots", "engineers", "medics", "trainers", "police",
               "destroyer", "destroyers", "warship", "warships", "corvette", "corvettes", "submarine", "patrol",
               "battalion", "contingent", "company", "than", "hundred", "hundreds", "thousand", "thousands", "dozen",
               "several", "some", "about", "around", "nearly", "almost", "over", "two", "three", "four", "five"}
_BACK = {"back", "backs", "backed", "backing"}
# Giving verbs whose receiver comes first: "giving Ukraine political backing"
_GIVE = {"give", "gives", "giving", "gave", "given", "offer", "offers", "offering", "offered", "grant", "grants", "granting",
         "granted", "lend", "lends", "lending", "lent"}
# "pledged EUR 50 million to ATMIS", "allocated $1.2 billion in military aid to Ukraine"
_MONEY = {"eur", "euro", "euros", "usd", "us$", "$", "€", "£", "¥", "million", "billion", "dollars", "pounds", "yen",
          "us", "u.s.", "australian", "canadian", "new", "zealand", "singapore", "hong", "kong", "swiss", "francs",
          "kroner", "crowns", "rupees", "won",
          "in", "worth", "of", "up", "total", "some", "another", "an", "additional", "humanitarian", "economic"}
_PASSIVE_GIVE = {"extended", "provided", "granted", "given", "offered", "delivered", "pledged", "allocated", "made"}
_SUPERLATIVE = {"largest", "biggest", "leading", "top", "main"}
_SERVE = {"served", "serve", "serves", "serving", "deployed", "participated", "participate", "participates",
          "participating", "fought", "operated", "attached", "sailed", "sails", "sailing", "assigned"}
_PERSONNEL = {"soldiers", "troops", "peacekeepers", "personnel", "forces", "units", "experts", "instructors",
              "contingent", "contingents", "officers", "police", "sailors", "pilots", "trainers", "battalion", "ships",
              "peacekeeper", "soldier", "frigate", "frigates", "ship", "vessel", "vessels", "warship", "warships",
              "aircraft", "helicopters", "corvette", "submarine", "engineers", "medics", "observers", "company",
              "companies", "unit", "detachment", "detachments", "squadron", "platoon", "deminers", "monitors",
              "battalions", "brigades", "platoons", "specialists", "advisers", "advisors", "gendarmes", "crews",
              "officer", "instructor", "engineer", "observer", "adviser", "advisor", "trainers", "infantry",
              "paratroopers", "infantrymen"}
_STATUS = {"sovereignty", "independence", "territorial", "integrity", "membership", "role", "aspirations",
           "aspiration", "right", "rights", "candidacy", "bid", "accession", "application", "centrality", "unity",
           "position", "chairmanship", "presidency", "efforts", "policy", "approach", "outlook", "interest", "chairship",
           "chairpersonship"}


_TRANSFER_NOUNS = {"transfer", "transfers", "dispatch", "deployment", "deployments", "delivery", "deliveries", "supply",
                   "supplies", "shipment", "shipments", "provision", "sending"}
_STAND = {"stand", "stands", "stood", "standing"}
_CONTRIB_TRIGGERS = frozenset(_STAND | _CONTRIB | _SUPPORT_VERBS | _SUPPORT_NOUNS | _SERVE | _PROVIDE | _PROP | _GIVE
                              | _TRANSFER_NOUNS)
_GIVING_NOUNS = frozenset(_SUPPORT_NOUNS | _CONTRIB)


def find_relations(ctx: DocContext, agreements) -> None:
    """Record relation statements found in every sentence of ``ctx``."""
    for sentence in ctx.sentences:
        lowers = ctx.lowers[sentence.start:sentence.end]
        if lowers and lowers[-1] == "?":
            continue  # a question asserts nothing
        words = set(lowers)
        missions = ctx.actors_in(sentence, {"mission"})
        political = ctx.actors_in(sentence)
        if missions:
            _leads_by_name(ctx, sentence, missions)
            if "," in words or "(" in words:
                for leader, mission, rule in _leads_in_apposition(ctx, sentence, lowers, political, missions):
                    ctx.state(ID + leader.key, PACT + "leads", ID + mission,
                              ctx.evidence(sentence, rule, 0.8 * min(leader.confidence, 1.0)))
        if (missions and words & (_LEAD | {"'s", "’s", "our", "its", "which", "whose", "launched", "deployed",
                                            "established", "run", "their", "both"})) or "led" in words:
            _leads(ctx, sentence, lowers, political, missions)
        if words & _MANDATE or ("decision" in words and words & {"establishing", "established", "launching"}) or (
                missions and words & (_MANDATING | {"authority"})) or (missions and "decided" in words):
            _mandate(ctx, sentence, lowers, political, missions)
        if words & _CONTRIB_TRIGGERS or ("from" in words and words & _PERSONNEL) or (
                words & _PERSONNEL and words & {"have", "has", "keep", "keeps", "station", "stations", "stationed",
                                                "maintain", "maintains"}) or words & _PEACEKEEPERS or (
                "to" in words and "which" in words) or (
                "part" in words and words & TAKE) or (words & _PERSONNEL and words & {"'s", "’s", "its"}) \
                or "propping" in words or "propped" in words or "props" in words or "prop" in words:
            _contributes(ctx, sentence, lowers, political, missions)
        if words & PARTNER_WORDS or lowers[:2] == ["together", "with"] \
                or (words & {"meeting", "summit", "dialogue", "talks"} and words & {"-", "–"}):
            find_partners(ctx, sentence, lowers, political, agreements)
        if words & MEMBER_WORDS or any(m.form == "member" for m in political) or "of" in words \
                or any(m.kind == "framework" for m in sentence.mentions) \
                or ("in" in words and words & {"partner", "partners", "participants"}):
            find_members(ctx, sentence, lowers, political)
    partners_by_agreement(ctx, agreements)
    partners_by_body(ctx)
    partners_across_sentences(ctx)
    partners_counted(ctx)


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
    found = []
    for mission in missions:
        m_at = rel(mission.start, sentence)
        leader, rule = None, "leads-trigger"
        # "the African Union and ECOWAS, under whose joint leadership AFISMA was planned and deployed"
        k = m_at - 1
        j = k - 1
        while j >= 0 and lowers[j] in {"joint", "overall", "political"}:
            j -= 1
        if j >= 2 and lowers[k] in {"leadership", "command", "authority"} and lowers[j - 1:j + 1] == ["under", "whose"] \
                and lowers[j - 2] == ",":
            before = [a for a in political if a.form != "coref" and a.end <= sentence.start + j - 2]
            if before and before[-1].end == sentence.start + j - 2:
                for actor in coordinated_before(before, ctx.lowers):
                    if ctx.entity_kind(actor.key) in {"organization", "grouping", "body", "state"}:
                        found.append((actor, mission.key, "leads-under-whose"))
                continue
        for actor in reversed([a for a in political if a.end <= mission.start]):
            between = lowers[rel(actor.end, sentence):m_at]
            if set(between) & _LEAD and not set(between) & {"by", "with", "alongside"} and len(between) <= 6:
                after = lowers[rel(mission.end, sentence):rel(mission.end, sentence) + 1]
                if after[:1] in (["'s"], ["’s"]):  # "commanded UNIFIL's Maritime Task Force"
                    named = [t for t in doc[mission.end + 1:min(sentence.end, mission.end + 5)]]
                    named = named[:next((k for k, t in enumerate(named) if not t.is_title), len(named))]
                    after = [t.lower_ for t in named if t.lower_ in _SUB_UNITS][:1]
                part_of = next((k for k, w in enumerate(between) if w in _SUB_UNITS and k >= 1
                                and between[k - 1] not in _LEAD | {"took", "take", "takes", "taken", "assumed", "assume",
                                                                    "assumes", "has", "have", "in", "under"}), None)
                if part_of is not None and between[part_of + 1:] == ["of"]:
                    after = [between[part_of]]  # "Brazil led the military component of MINUSTAH"
                if after and after[0] in _SUB_UNITS:
                    # "Italy leads the UNIFIL Sector West": a part of the mission, a national command role; the
                    # state contributes to the mission
                    if ctx.entity_kind(actor.key) == "state":
                        ctx.state(ID + actor.key, PACT + "contributesTo", ID + mission.key,
                                  ctx.evidence(sentence, "contributes-leads-part", 0.7 * actor.confidence))
                    break
                leader = actor
                break
            if between[:1] in (["'s"], ["’s"]) or (actor.form == "coref" and doc[actor.start].lower_ in {"our", "its"}):
                rest = between[1:] if between[:1] in (["'s"], ["’s"]) else between
                if (_possessed_mission(rest) or len(rest) <= 4 and all(w.isalpha() or w in {"-", "–"} for w in rest)
                        and not set(rest) & (_CONTRIB | _SERVE | {"to", "in", "with", "for", "of"})) \
                        and ctx.entity_kind(actor.key) != "state":
                    leader, rule = actor, "leads-possessive"
                    break
            break
        if leader is None:  # "KFOR, which NATO leads in Kosovo", "(MISCA), which the AU deployed"
            skip = 1 if lowers[rel(mission.end, sentence):][:1] == [")"] else 0
            after = lowers[rel(mission.end, sentence) + skip:]
            if after[:2] == [",", "which"]:
                which_at = mission.end + skip + 1
                actor = next((a for a in political if a.form != "coref" and which_at < a.start <= which_at + 2), None)
                verb = lowers[rel(actor.end, sentence):rel(actor.end, sentence) + 3] if actor is not None else []
                for w in verb:
                    if w in _LEAD - {"leading", "heading", "led", "commanded", "conducted"} or (
                            w in {"deployed", "launched", "established", "created", "redeployed", "relaunched"}
                            and ctx.entity_kind(actor.key) in {"organization", "grouping"}):
                        leader, rule = actor, "leads-which"
                        break
                    if w not in {"has", "have", "still", "now", "also", "jointly"}:
                        break
        if leader is None:
            after = lowers[rel(mission.end, sentence):]
            by = after.index("by") if "by" in after[:7] else None
            if by is not None and by > 4 and not (after[:2] == [",", "the"] and set(after[2:by]) & _MISSION_NOUNS):
                by = None  # beyond four words only "M, the … mission led by X"
            if by is not None and set(after[:by]) & _LEAD and not set(after[:by]) & {";", "and", "which"} - {"which"}:
                by_at = mission.end + by
                leader = next((a for a in political if a.start > by_at), None)
        if leader is not None and leader.key != mission.key:
            found.append((leader, mission.key, rule))
    # "its own CSDP missions, such as the EU Training Mission in Mali and EUCAP Sahel Niger"
    for i, word in enumerate(lowers):
        if word in {"missions", "operations"} and i >= 1:
            at = sentence.start + i
            owner = owner_before(ctx, sentence, political, at)
            if not owner and set(lowers[max(0, i - 3):i]) & {"its", "their", "own"}:  # "its own CSDP missions"
                subj = subject_group(ctx, sentence, political)
                owner = [m.key for m in subj if ctx.entity_kind(m.key) != "state"][:1]
            listed = [m for m in listed_after(ctx, sentence, at, missions)]
            for o in owner:
                leader = next((a for a in political if a.key == o), None)
                for m in listed:
                    if leader is not None:
                        found.append((leader, m.key, "leads-possessive"))
    orgs = [a for a in political if a.form != "coref" and ctx.entity_kind(a.key) in {"organization", "grouping"}]
    for mission in [m for m in missions if m.form != "coref"]:
        m_at, m_end = rel(mission.start, sentence), rel(mission.end, sentence)
        after = lowers[m_end:m_end + 4]
        # "Baltic Sentry, launched by the Alliance in January, …"
        if after[:1] == [","] and after[1:3] in (["launched", "by"], ["deployed", "by"], ["established", "by"],
                                                   ["run", "by"], ["conducted", "by"], ["commanded", "by"]):
            actor = next((a for a in orgs if a.start in (mission.end + 3, mission.end + 4)), None)
            if actor is not None:
                found.append((actor, mission.key, "leads-passive"))
        # "the battlegroup that NATO keeps in Latvia under its enhanced Forward Presence": "its" is the organization
        # that is the subject of the clause
        if m_at >= 2 and lowers[m_at - 1] in {"its", "their"} and lowers[m_at - 2] in {"under", "within", "of"}:
            owner = [a for a in orgs if a.end <= mission.start and mission.start - a.end <= 10
                     and not set(lowers[rel(a.end, sentence):m_at]) & {",", ";", "and"}]
            if len({a.key for a in owner}) == 1:
                found.append((owner[-1], mission.key, "leads-possessive"))
    # "took part in KFOR in Kosovo and ISAF in Afghanistan, both NATO-led", "ISAF and the Resolute Support Mission,
    # both led by NATO": the two missions named before
    for i in range(len(lowers) - 3):
        if lowers[i:i + 2] != [",", "both"]:
            continue
        if lowers[i + 3:i + 5] == ["-", "led"]:
            at = (sentence.start + i + 2,)
        elif lowers[i + 2:i + 4] == ["led", "by"]:
            at = (sentence.start + i + 4, sentence.start + i + 5)
        else:
            continue
        actor = next((a for a in political if a.start in at and a.form != "coref"), None)
        listed = [m for m in missions if m.end <= sentence.start + i and m.form != "coref"][-2:]
        if actor is not None and len(listed) == 2:
            found += [(actor, m.key, "leads-trigger") for m in listed]
    # "NATO's swift launch of Eastern Sentry"
    for mission in missions:
        k = rel(mission.start, sentence)
        if k >= 3 and lowers[k - 1] == "of" and lowers[k - 2] in {"launch", "launching", "deployment"}:
            j = k - 3 - (1 if lowers[k - 3] not in {"'s", "’s"} else 0)
            actor = next((a for a in political if a.end == sentence.start + j and a.form != "coref"
                          and ctx.entity_kind(a.key) in {"organization", "grouping"}), None)
            if actor is not None and lowers[j:j + 1] in (["'s"], ["’s"]):
                found.append((actor, mission.key, "leads-possessive"))
    # "Austrian soldiers have served in NATO-led operations since 1996, first in IFOR and SFOR … and later in ISAF":
    # the missions the sentence lists after "<Org>-led operations"
    for i in range(2, len(lowers) - 1):
        if lowers[i - 1:i + 2] in (["-", "led", "operations"], ["-", "led", "missions"]):
            actor = next((a for a in political if a.end == sentence.start + i - 1 and a.form != "coref"), None)
            after = [m for m in missions if m.start > sentence.start + i and m.form != "coref"]
            others = [a for a in political if a.start > sentence.start + i and a.form != "coref"
                      and ctx.entity_kind(a.key) in {"organization", "grouping", "body"}]
            if actor is not None and after and not others and ";" not in lowers[i:]:
                found += [(actor, m.key, "leads-trigger") for m in after]
    # "the UN-led Force", "the SADC-led mission": the mission the text is about
    for i, word in enumerate(lowers):
        if word == "led" and i >= 2 and lowers[i - 1] == "-" and i + 1 < len(lowers) and lowers[i + 1] in _MISSION_NOUNS:
            actor = next((a for a in political if a.end == sentence.start + i - 1), None)
            # "KFOR, the NATO-led force in Kosovo": the mission in apposition, else the one the text is about
            apposed = next((m for m in missions if m.form != "coref" and actor is not None
                            and lowers[rel(m.end, sentence):rel(actor.start, sentence)] == [",", "the"]), None)
            target = apposed.key if apposed is not None else _main_mission(ctx, sentence.start + i)
            if actor is not None and target:
                found.append((actor, target, "leads-trigger"))
    for leader, mission, rule in found:
        ctx.state(ID + leader.key, PACT + "leads", ID + mission,
                  ctx.evidence(sentence, rule, 0.85 * leader.confidence))


def _owner_phrase(ctx, words: list[str]) -> bool:
    """After an organization: "'s operation in Bosnia and Herzegovina", " training mission", " peacekeeping mission there"."""
    if words[:1] in (["'s"], ["’s"]):
        words = words[1:]
    at = next((j for j, w in enumerate(words) if w in _MISSION_NOUNS | {"activity"}), None)
    if at is None or at > 3 or not all(w.isalpha() or w in {"-", "–"} for w in words[:at]) \
            or set(words[:at]) & (_CONTRIB | _SERVE | _LEAD | {"by", "with", "to", "and", "or", "of"}):
        return False
    tail = words[at + 1:]
    if not tail or tail == ["there"]:
        return True
    if tail[0] in {"that", "which", "to", "against", "for", "launched", "deployed", "established", "created", "set",
                   "started"}:  # (also "the NATO activity launched in January to protect undersea cables")
        return len(tail) <= 10 and all(w.isalpha() or w in {"-", "–"} for w in tail)  # "… mission that builds up …"
    return tail[0] in {"in", "off", "at", "on"} and len(tail) <= 6 and all(w.isalpha() for w in tail)


def _leads_in_apposition(ctx, sentence, lowers, political, missions) -> list:
    """A mission named with its owner in apposition: "EUFOR Althea, the European Union's operation in Bosnia and
    Herzegovina", "EUTM Mali, the EU training mission", "the UN peacekeeping mission there, MONUSCO"."""
    owners = [a for a in political if a.form != "coref" and ctx.entity_kind(a.key) in POLITICAL - {"state"}]
    found = []
    for mission in missions:
        if mission.form == "coref":
            continue
        k = rel(mission.end, sentence)
        if lowers[k:k + 2] == [",", "our"]:
            # "EUMAM Ukraine, our military assistance mission": the organization "our" stands for
            ours = [a for a in political if a.form == "coref" and a.start == mission.end + 1
                    and ctx.entity_kind(a.key) in POLITICAL - {"state"}]
            rest = lowers[k + 2:]
            end = next((j for j, w in enumerate(rest) if w in {",", ";", ".", ")", ":"}), len(rest))
            if ours and _owner_phrase(ctx, rest[:end]):
                found += [(owner, mission.key, "leads-apposition") for owner in ours]
                continue
        if lowers[k:k + 2] == [",", "its"]:
            # "commended the European Union for EUNAVFOR Aspides, its defensive maritime security operation"
            before = [a for a in owners if a.end <= mission.start]
            rest = lowers[k + 2:]
            end = next((j for j, w in enumerate(rest) if w in {",", ";", ".", ")", ":"}), len(rest))
            if before and _owner_phrase(ctx, rest[:end]):
                found.append((before[-1], mission.key, "leads-apposition"))
                continue
        if lowers[k:k + 2] == [",", "the"]:
            owner = next((a for a in owners if a.start in (mission.end + 1, mission.end + 2)
                          and (a.start == mission.end + 2 or ctx.doc[a.start].lower_ == "the")), None)
            if owner is not None:
                rest = lowers[rel(owner.end, sentence):]
                end = next((j for j, w in enumerate(rest) if w in {",", ";", ".", ")", ":"}), len(rest))
                if _owner_phrase(ctx, rest[:end]):
                    found.append((owner, mission.key, "leads-apposition"))
                    continue
        k = rel(mission.start, sentence) - 1
        if k >= 2 and lowers[k] == "(":
            # "the European Union military training mission in Somalia (EUTM Somalia)": owner, description, name
            owner = next((a for a in reversed(owners) if a.end <= mission.start - 1), None)
            if owner is not None and mission.start - 1 - owner.end <= 8 \
                    and _owner_phrase(ctx, lowers[rel(owner.end, sentence):k]):
                found.append((owner, mission.key, "leads-apposition"))
                continue
        if k >= 2 and lowers[k] == ",":
            owner = next((a for a in reversed(owners) if a.end <= mission.start - 2), None)
            if owner is not None and rel(owner.start, sentence) >= 1 and lowers[rel(owner.start, sentence) - 1] == "the" \
                    and mission.start - 1 - owner.end <= 10 \
                    and _owner_phrase(ctx, lowers[rel(owner.end, sentence):k]):
                found.append((owner, mission.key, "leads-apposition"))
    return found


def _possessed_mission(rest: list[str]) -> bool:
    """ "'s military operation in the Mediterranean, <mission>": a mission noun, its place, then the name."""
    at = next((j for j, w in enumerate(rest) if w in _MISSION_NOUNS), None)
    if at is None or at > 3 or not all(w.isalpha() or w in {"-", "–"} for w in rest[:at]) \
            or set(rest[:at]) & (_CONTRIB | _SERVE):
        return False
    after = rest[at + 1:]
    if not after:
        return True
    return after[0] in {"in", "off"} and after[-1] == "," and len(after) <= 6 \
        and all(w.isalpha() or w == "," for w in after[:-1])


# -- mandatedBy ----------------------------------------------------------------------


def _mandate(ctx, sentence, lowers, political, missions) -> None:
    bodies = [a for a in political if ctx.entity_kind(a.key) in {"organization", "body"} and a.form != "coref"]
    found = []
    for mission in missions:
        org = None
        for actor in bodies:
            span_after = lowers[rel(actor.end, sentence):rel(actor.end, sentence) + 2]
            if actor.end <= mission.start and set(span_after) & {"mandated", "-mandated"}:
                org = actor
            elif actor.end <= mission.start and mission.form != "coref" and 1 <= mission.start - actor.end <= 4 \
                    and set(lowers[rel(actor.end, sentence):rel(mission.start, sentence)]) & {
                        "authorise", "authorize", "authorised", "authorized", "mandate", "mandated"} \
                    and set(lowers[rel(actor.end, sentence):rel(mission.start, sentence)]) <= {
                        "authorise", "authorize", "authorised", "authorized", "mandate", "mandated", "to", "has",
                        "have", "a", "an", "the", "also", "new"}:
                org = actor  # "the decision of the Security Council to authorise MONUSCO", "has authorized a …"
            elif actor.end <= mission.start and mission.form != "coref" and mission.start - actor.end <= 8 \
                    and ctx.entity_kind(actor.key) == "body" \
                    and set(lowers[rel(actor.end, sentence):rel(mission.start, sentence)]) & {
                        "establishing", "established", "launching", "launched", "setting"} \
                    and "decision" in lowers[rel(actor.end, sentence):rel(mission.start, sentence)]:
                # "The Council today adopted a decision establishing the European Union Military Assistance Mission"
                org = actor  # "the decision of the Security Council to authorise MONUSCO", "has authorized a …"
            elif actor.start > mission.end:
                gap = lowers[rel(mission.end, sentence):rel(actor.start, sentence)]
                if set(gap) & _MANDATE and len(gap) <= 12:
                    org = actor
                    break
                # "Irini enforces, under the authority of the United Nations Security Council, the arms embargo",
                # "KFOR entered the country under the authority of UN Security Council Resolution 1244"
                if gap[-3:] in (["authority", "of", "the"], ["authorisation", "of", "the"],
                                ["authorization", "of", "the"]) or gap[-2:] in (
                        ["authority", "of"], ["authorisation", "of"], ["authorization", "of"]):
                    if len(gap) <= 16 and not set(gap) & {";", "but"} and actor.key in ctx.gazetteer.mandating:
                        org = actor
                        break
                # "KFOR will keep fulfilling its United Nations Security Council mandate"
                if gap[-1:] == ["its"] and len(gap) <= 8 and not set(gap) & {";", ",", "and", "but"} \
                        and lowers[rel(actor.end, sentence):][:1] in (["mandate"], ["mandates"]):
                    org = actor
                    break
                # "Irini acts under United Nations Security Council resolution 2292", "KFOR, the NATO-led mission
                # operating under UN Security Council Resolution 1244"
                if ("under" in gap[-3:] or gap[-3:] == ["framework", "of", "the"] or gap[-2:] == ["framework", "of"]) \
                        and len(gap) <= 12 and not set(gap) & {";", "while", "but", "and"} \
                        and lowers[rel(actor.end, sentence):][:1] and lowers[rel(actor.end, sentence)] in _MANDATE:
                    org = actor
                    break
        if org is None and mission.form != "coref":
            org = _mandating_clause(ctx, sentence, lowers, political, bodies, mission) \
                or _decided_to_continue(ctx, sentence, lowers, bodies, mission)
        if org is not None:
            found.append((mission.key, org))
        elif mission.form != "coref":
            # "operating under (the mandate of) resolution 1244": the body the register says mandates the mission
            body = _resolution_body(ctx, lowers, rel(mission.end, sentence), mission.key)
            if body is not None:
                ctx.state(ID + mission.key, PACT + "mandatedBy", ID + body,
                          ctx.evidence(sentence, "mandate-resolution", 0.7))
    # "Commends MINUSCA …, and welcomes the decision of the UN Security Council to renew its mandate"
    for i, word in enumerate(lowers):
        if word == "mandate" and i >= 1 and lowers[i - 1] == "its":
            at = sentence.start + i
            body = next((a for a in reversed(bodies) if a.end <= at and at - a.end <= 6), None)
            mission = next((m for m in reversed(missions) if body is not None and m.end <= body.start
                            and m.form != "coref"), None)
            if body is not None and mission is not None:
                found.append((mission.key, body))
    # "the Security Council will take up the renewal of UNIFIL's mandate", "EUFOR Althea …, and the Security Council
    # renewed its authorisation", "under the authority the Security Council gave it", "its authorisation by the UN
    # Security Council": a body that mandates missions, and the mission's mandate or authorisation in one sentence
    mandating = [a for a in bodies if a.key in ctx.gazetteer.mandating]
    for i, word in enumerate(lowers):
        if word not in {"mandate", "authorisation", "authorization", "authority"} or not mandating:
            continue
        at = sentence.start + i
        if lowers[i - 1:i] in (["'s"], ["’s"]):
            mission = next((m for m in missions if m.end == at - 1 and m.form != "coref"), None)
        elif lowers[i - 1:i] == ["its"] or (word == "authority" and lowers[i - 1:i] == ["the"]
                                           and lowers[i + 1:i + 2] in (["the"], ["of"])):
            # ("KFOR has kept the peace since June 1999, when it entered the country under the authority of …")
            mission = next((m for m in reversed(missions) if m.end <= at and m.form != "coref"
                            and not {";"} & set(lowers[rel(m.end, sentence):i])), None)
        else:
            continue
        body = next((a for a in mandating if abs(a.start - at) <= 12), None)
        if mission is not None and body is not None:
            found.append((mission.key, body))
    # "The Security Council extended the mandate of UNIFIL": the body before "mandate of <mission>"
    for i, word in enumerate(lowers):
        if word != "mandate" or i + 1 >= len(lowers) or lowers[i + 1] != "of":
            continue
        at = sentence.start + i
        target = next((m for m in missions if at < m.start <= at + 8), None)
        if target is None:  # "the mandate of the European Union's military operation in the Mediterranean, M"
            target = next((m for m in missions if at < m.start <= at + 16
                           and not {";", ".", "and"} & set(lowers[i + 1:rel(m.start, sentence)])), None)
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


# Parts of a mission a state may command without leading the mission: "the UNIFIL Sector West", "KFOR's Regional
# Command East", "the eFP battlegroup in Latvia".
_SUB_UNITS = {"sector", "battlegroup", "battalion", "brigade", "command", "headquarters", "component", "task", "group"}
_MANDATING = {"authorised", "authorized", "authorise", "authorize", "authorisation", "authorization", "authorising",
              "authorizing", "established", "establish", "establishing", "extended", "extend", "extends",
              "extending", "renewed", "renew", "renews", "renewing", "mandated", "created", "set", "deployed"}


def _mandating_clause(ctx, sentence, lowers, political, bodies, mission):
    """A body that mandates missions and a mission in one clause with a mandating word between them: "The Security
    Council extended MINUSMA's mandate", "M, which the Security Council authorized", "M was established by the
    Security Council", "the Security Council's decision … to authorise M", "by which the Security Council
    established M". Only bodies that mandate some mission in the register count (not the organization leading it)."""
    mandating = ctx.gazetteer.mandating
    m_start, m_end = rel(mission.start, sentence), rel(mission.end, sentence)
    for body in bodies:
        if body.key not in mandating:
            continue
        b_start, b_end = rel(body.start, sentence), rel(body.end, sentence)
        lo, hi = (b_end, m_start) if b_end <= m_start else (m_end, b_start)
        gap = lowers[lo:hi]
        relative = gap[:1] == [","] and bool({"which", "whose"} & set(gap))  # (past an apposition, as below)
        if not gap or len(gap) > (18 if relative else 14) or set(gap) & {";", "while", "but", "whereas"} or any(
                gap[j:j + 2] == [",", "and"] for j in range(len(gap))):
            continue
        if any(lo <= rel(a.start, sentence) < hi for a in political if a.key not in {body.key, mission.key}
               and not (gap[:1] == [","] and lowers[rel(a.end, sentence):rel(a.end, sentence) + 1] in (["'s"], ["’s"]))):
            continue  # another actor between: "the Security Council authorised …, and NATO took command of OUP"
            # (but not the owner in an apposition: "EUFOR Althea, the European Union's operation, whose mandate …")
        words = set(gap)
        # "M, which the Security Council authorized last year", "M, the EU's operation there, whose mandate the
        # Security Council renewed" (a relative clause right after the mission or after an apposition to it)
        relative = gap[:1] == ["which"] or any(gap[j:j + 2] in ([",", "which"], [",", "whose"])
                                               for j in range(0, len(gap) - 1) if j == 0 or relative)
        if b_end > m_start and relative:
            words |= set(lowers[b_end:b_end + 3])
        if not words & _MANDATING:
            continue
        if b_end <= m_start or "by" in gap or relative:
            return body
    return None


_DECIDED_THAT = {"today", "has", "have", "also", "decided", "that", "unanimously", "therefore"}
_GO_ON = {"continue", "remain", "extended", "prolonged", "renewed"}


def _decided_to_continue(ctx, sentence, lowers, bodies, mission):
    """ "The Council today decided that EUNAVFOR Aspides, the European Union's … operation, will continue until
    28 February 2027", "The Security Council decided that UNFICYP will remain in place": a body that mandates
    missions keeps this one going."""
    m_start, m_end = rel(mission.start, sentence), rel(mission.end, sentence)
    body = next((b for b in bodies if b.key in ctx.gazetteer.mandating and b.end <= mission.start
                 and "decided" in lowers[rel(b.end, sentence):m_start]
                 and set(lowers[rel(b.end, sentence):m_start]) <= _DECIDED_THAT), None)
    after = lowers[m_end:m_end + 20]
    if body is None or not set(after) & _GO_ON or set(after[:after.index(next(w for w in after if w in _GO_ON))]) & {
            ";", "and", "but"}:
        return None
    return body


def _resolution_body(ctx, lowers, k: int, mission: str) -> str | None:
    """ "…, operating under the mandate of resolution 1244" after a mission, with no body named: the body
    the register records as mandating that mission, if any."""
    after = lowers[k:k + 14]
    if "under" not in after:
        return None
    u = after.index("under")
    rest = after[u + 1:]
    while rest and rest[0] in {"the", "a", "mandate", "mandates", "of", "authority", "security", "council",
                               "un", "united", "nations", "terms"}:
        rest = rest[1:]
    if len(rest) < 2 or rest[0] not in {"resolution", "resolutions"} or not rest[1][:1].isdigit() \
            or set(after[:u]) & {";", "while", "but", "and"}:
        return None
    body = ctx.gazetteer.register.mandated_by.get(mission)
    return body if body and body in ctx.gazetteer.register.entities else None


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
    targets = sorted(targets + _mission_pronouns(ctx, sentence, lowers, missions), key=lambda m: m.start)
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
        # "the states that provide its troops, among them A, B and C": the listed states give to the mission
        if word in _PROVIDING and i >= 2 and lowers[i - 1] in {"that", "which", "who"} \
                and lowers[i - 2] in {"states", "countries", "nations"} and not listing_done:
            at = sentence.start + i
            listed = _list_after(ctx, sentence, at, {"state"})
            named = next((m for m in missions if m.form != "coref" and at < m.start <= at + 5), None)
            key = named.key if named else ctx.recent_mission(sentence, at)
            if listed and key:
                listing_done = True
                for state in listed:
                    found.append((state, Mention(key, "actor", "coref", at, at, 0, 0, 0.7), "contributor-listing", 0.75))
    calls = [j for j, w in enumerate(lowers) if w in _CALL]
    for i, word in enumerate(lowers):
        at = sentence.start + i
        called = [j for j in calls if j < i]
        if word in _PERSONNEL and i >= 3:
            # "the mission's Nepalese and Ghanaian contingents", "UNIFIL's Indonesian peacekeepers"
            for state, mission in _owned_contingents(ctx, sentence, lowers, political, missions, i):
                found.append((state, mission, "contributes-contingent", 0.75))
        if word in _PEACEKEEPERS and i >= 1:
            # "Ghanaian and Pakistani peacekeepers deployed to the area" after the mission is named
            for state, mission in _peacekeepers_of(ctx, sentence, lowers, political, i):
                found.append((state, mission, "contributes-peacekeepers", 0.7))
        come = i + 2 if lowers[i + 1:i + 2] in (["come"], ["came"], ["comes"], ["coming"]) else None
        if come is not None and lowers[come:come + 1] in (["mainly"], ["mostly"], ["largely"], ["chiefly"]):
            come += 1
        if word in _PERSONNEL and come is not None and lowers[come:come + 1] == ["from"]:
            # "the Force Intervention Brigade, whose troops come from South Africa, Malawi and Tanzania"
            mission = next((m for m in missions if m.form != "coref"), None)
            key = mission.key if mission else _main_mission(ctx, sentence.end)
            if lowers[come + 1:come + 5] == [",", "among", "others", ","]:
                come += 4  # "come from, among others, Croatia, the Philippines and Uruguay"
            if key:
                for state in joined_after(ctx, sentence, sentence.start + come,
                                          [m for m in political if m.form != "coref"]):
                    if ctx.entity_kind(state.key) == "state":
                        found.append((state, Mention(key, "actor", "coref", at, at, 0, 0, 0.7),
                                      "contributes-personnel-from", 0.7))
        # "keeps a contingent with the MNJTF": (verb, mission), read once for the two rules below
        kept = _kept_with(ctx, sentence, lowers, i, missions) if word in _PERSONNEL and i >= 1 else None
        if word in _PERSONNEL and i >= 1 and lowers[i - 1] in {"have", "has", "keep", "keeps", "station", "stations",
                                                               "stationed", "maintain", "maintains"} \
                and lowers[i + 1:i + 2] == ["in"]:
            # "We have soldiers in Lithuania today": the subject's forces in a state (not "keep battalions in southern
            # Lebanon with UNIFIL": a mission's forces)
            host = next((t for t in targets if t.start in (at + 2, at + 3) and t.form != "adjective"), None)
            givers = [a for a in subject if a.end <= at - 1 and a.key != (host.key if host else None)]
            if host is not None and not (kept is not None and kept[1].key != host.key):
                for giver in givers:
                    found.append((giver, host, "contributes-forces-in", 0.7))
        if word in _PERSONNEL and i >= 2:
            # "Benin keeps a contingent with the MNJTF", "keeps a reconnaissance contingent in Lithuania within
            # NATO's Enhanced Forward Presence", "Italy has about 1,000 soldiers with UNIFIL"
            if kept is not None:
                verb, mission = kept
                for giver in verb_subject(ctx, sentence, lowers, political, verb):
                    found.append((giver, mission, "contributes-forces-with", 0.7))
        if word in _PERSONNEL and lowers[i + 1:i + 2] == ["from"]:
            # "one peacekeeper from Nepal was killed" in a sentence about a mission (or "the mission"); a mission
            # named just after wins ("staff officers from Bhutan and Ghana serving at the Force Headquarters")
            later = [m for m in missions if at < m.start <= at + 12 and not _clause_break(lowers, i, rel(m.start, sentence), 12)]
            mission = next(iter(later), None) or next((m for m in missions if m.form != "coref"), None) \
                or next(iter(missions), None)
            if mission is None and word in {"units", "peacekeepers", "contingents", "troops", "officers",
                                            "battalions", "battalion", "company", "soldiers", "personnel", "vessels",
                                            "ships", "warships", "frigates", "companies", "platoons"}:
                key = ctx.recent_mission(sentence, at)  # "formed police units from Cameroon and Senegal"
                mission = Mention(key, "actor", "coref", at, at, 0, 0, 0.6) if key else None
            if mission is not None:
                named = [m for m in political if m.form != "coref"]
                givers = joined_after(ctx, sentence, at + 1, named)
                k = i + 2 + (lowers[i + 2:i + 3] in (["the"], ["all"]))
                if not givers and k < len(lowers) and (lowers[k].isdigit() or lowers[k] in _COUNT_WORDS) and set(
                        lowers[k + 1:k + 3]) & {"states", "countries", "nations"}:
                    # "Contingents from five participating States make up the force: Nigeria, Ghana, …"
                    noun = k + 1 + (lowers[k + 1] not in {"states", "countries", "nations"})
                    givers = listed_after(ctx, sentence, sentence.start + noun, named)
                for state in givers:
                    if ctx.entity_kind(state.key) == "state":
                        found.append((state, mission, "contributes-personnel-from", 0.75))
        serve = word in _SERVE or (word in TAKE and lowers[i + 1:i + 2] == ["part"])
        if serve and i >= 1:
            # "Mongolian soldiers served in ISAF", "a Colombian Navy frigate took part in Operation Ocean Shield"
            contributors = _personnel_owner(ctx, sentence, political, at) or []
            direct_only = False
            if not contributors and word in {"participates", "participated", "participate", "participating",
                                             "served", "serve", "serves"} | TAKE:
                # "Portugal participates in EUTM Mozambique with 60 instructors": a state taking part in a mission;
                # "Chile and Colombia, which signed … in 2014, have served with EUFOR Althea"
                verb = i
                while verb > 0 and lowers[verb - 1] in {"have", "has", "had", "also", "already", "both"}:
                    verb -= 1
                contributors = [m for m in verb_subject(ctx, sentence, lowers, political, verb)
                                if ctx.entity_kind(m.key) == "state"]
                direct_only = True  # (not "participated in the talks on UNIFIL")
            served = [m for m in missions if m.start > at]
            if "whose" in lowers[max(0, i - 5):i]:
                # "…, whose soldiers serve in the mission": only a mission named here (which one "the mission" is,
                # after a sentence naming several, is a guess)
                served = [m for m in served if m.form != "coref"]
            if direct_only:
                k = i + (2 if word in TAKE else 1)  # past "part"
                served = [m for m in served if lowers[k:k + 1] in (["in"], ["with"])
                          and _right_after(lowers, k + 1, rel(m.start, sentence))]
            if not served and lowers[i + 1:i + 2] in (["in"], ["with"]) and lowers[i + 2:i + 3] == ["both"] \
                    and lowers[i + 3:i + 4] and lowers[i + 3] in _MISSION_NOUNS | {"forces"}:
                # "IFOR took over …, and SFOR replaced it. Egyptian and Moroccan soldiers served in both forces"
                served = _last_two_missions(ctx, sentence, at)
            for contributor in contributors:
                givers = {c.key for c in contributors}
                others = [a.start for a in political if a.form != "coref" and a.start > at and a.key not in givers
                          and lowers[rel(a.start, sentence) - 2:rel(a.start, sentence)] == [",", "and"]]
                for mission in served:
                    if mission.start > at and (_clause_break(lowers, i, rel(mission.start, sentence), 24)
                                               or any(o < mission.start for o in others)):
                        break  # (", and Montenegro and Serbia, which have provided personnel to Atalanta": others')
                    found.append((contributor, mission, "contributes-serving", 0.8))
        if word in _CONTRIB and lowers[i + 1:i + 2] == ["by"]:
            continue  # "the forces deployed by Rwanda under its arrangement": the receiver is not named here
        if word in _CONTRIB and not (listing_done and word in {"contributors", "contributing", "contributor"}):
            contributors = _contributors(ctx, sentence, political, subject, i, called)
            blocked = {c.key for c in contributors}
            target = next((m for m in targets if m.start > at and m.key not in blocked
                           and not _is_status_target(ctx, sentence, m)
                           and "against" not in lowers[i:rel(m.start, sentence)]  # "deployed soldiers to fight against"
                           and not _clause_break(lowers, i, rel(m.start, sentence), 20)
                           and not _not_a_receiver(ctx, lowers, rel(m.start, sentence), m)), None)
            if target is None and word in {"contribute", "contributes", "contributed"} and contributors \
                    and all(0 <= at - c.end <= 3 for c in contributors[-1:]) \
                    and not _receiver_after(ctx, sentence, lowers, i, targets):
                target = _implied_mission(ctx, sentence, lowers, i)  # "The Netherlands and Poland contribute … flights"
            if target is None and word == "participation" and lowers[i + 1:i + 2] == ["of"] and contributors:
                # "EUTM RCA continues to train the armed forces with the participation of Georgian and Serbian
                # instructors": the mission heading the sentence
                heading = subject_group(ctx, sentence, [m for m in sentence.mentions if m.kind == "actor"], lead=3)
                target = next((m for m in heading if m.form != "coref" and ctx.entity_kind(m.key) == "mission"
                               and m.end <= at and not clause_between(lowers, rel(m.end, sentence), i)), None)
            if target is None and word in {"contribute", "contributes", "contributed"} and contributors \
                    and lowers[i + 1:i + 2] in (["."], [";"]) and not _receiver_after(ctx, sentence, lowers, i, targets):
                # "… under Operation Active Endeavour. Israel, Morocco and Ukraine were among the partners who
                # contributed.": the mission of the sentence before
                key = ctx.recent_mission(sentence, at)
                target = Mention(key, "actor", "coref", at, at, 0, 0, 0.6) if key else None
            of_what = lowers[i + 1:i + 3] in (["of", "personnel"], ["of", "troops"], ["of", "staff"],
                                               ["of", "funds"], ["of", "police"], ["of", "monitors"])
            if target is None and word in {"contributor", "contributors"} and (of_what or lowers[i + 1:i + 2] not in (
                    ["to"], ["of"], ["for"], ["in"])) and not _receiver_after(
                        ctx, sentence, lowers, i, [t for t in targets if t.key not in blocked]):
                # "Italy … remains the largest contributor" in a text about one mission; "A, B and C remained the
                # largest troop contributors" after a sentence about one
                key = ctx.recent_mission(sentence, at) if len(contributors) >= 2 else _main_mission(ctx, sentence.end)
                target = Mention(key, "actor", "coref", at, at, 0, 0, 0.6) if key else None
            if target is not None:
                for c in contributors:
                    found.append((c, target, "contributes-trigger", 0.8))
                # "We contribute staff officers to the UN Command, observers to UNTSO, and a contingent to the MFO"
                end = target.end
                for other in [m for m in targets if m.start > target.end and ctx.entity_kind(m.key) == "mission"
                              and m.form != "coref"]:
                    gap = lowers[rel(end, sentence):rel(other.start, sentence)]
                    gap = gap[:-1] if gap[-1:] == ["the"] else gap
                    if gap in (["and"], [",", "and"], [","]) and ctx.entity_kind(target.key) == "mission":
                        pass  # "India's contribution to UNIFIL and UNMISS"
                    elif not (gap[-1:] == ["to"] and "," in gap and len(gap) <= 12
                              and not set(gap) & {";", "while", "but", "whereas", "which", "who", "that"}):
                        break
                    for c in contributors:
                        found.append((c, other, "contributes-trigger", 0.7))
                    end = other.end
        if word in _TRANSFER_NOUNS and lowers[i + 1:i + 2] == ["of"]:
            # "the transfer of Iranian drones to Russia", "the dispatch of North Korean troops to Russia"
            moved = _transfer_of(ctx, sentence, lowers, i, targets)
            if moved is not None:
                found.append((*moved, "contributes-transfer-of", 0.7))
                continue
        if word == "service" and lowers[i + 1:i + 3] in (["of", "its"], ["of", "their"]):
            # "commended Fiji for the service of its soldiers on the Golan Heights with UNDOF and in the Sinai with
            # the Multinational Force and Observers": every mission named after it in the clause
            thanked = _thanked_for(ctx, sentence, lowers, i, political, missions)
            if thanked is not None:
                served = [m for m in missions if m.form != "coref" and m.start > at
                          and not _clause_break(lowers, i, rel(m.start, sentence), 30)]
                found += [(giver, m, "contributes-thanked", 0.7) for giver in thanked[0] for m in served]
                continue
        if (word in _PERSONNEL or word in _ASSETS_NOUNS) and lowers[i - 2:i] == ["for", "the"] and i >= 3:
            # "thanked France, Italy and Greece for the frigates they have assigned to it"
            thanked = _thanked_for(ctx, sentence, lowers, i, political, missions)
            if thanked is not None:
                found += [(giver, thanked[1], "contributes-thanked", 0.7) for giver in thanked[0]]
                continue
        if word in _PERSONNEL and i >= 3 and lowers[i - 1] in {"its", "their"} and lowers[i - 2] in _KEEPING:
            # "commended Senegal, Nigeria and Ghana for maintaining their contingents in the Mission"
            thanked = _thanked_for(ctx, sentence, lowers, i, political, missions, coref_ok=True)
            if thanked is not None:
                found += [(giver, thanked[1], "contributes-thanked", 0.7) for giver in thanked[0]]
                continue
        if word in _GIVING_NOUNS and i >= 2 and set(lowers[max(0, i - 3):i]) & {"its", "their"}:
            thanked = _thanked_for(ctx, sentence, lowers, i, political, missions)
            if thanked is not None:
                givers, mission = thanked
                found += [(giver, mission, "contributes-thanked", 0.7) for giver in givers]
                continue
        if word in _SUPPORT_NOUNS:
            passive = _passive_giver(ctx, sentence, lowers, i, political, targets)
            if passive is not None:
                found.append((*passive, "supports-passive", 0.7))
                continue
        if word in _SUPPORT_NOUNS and i >= 1 and lowers[i - 1] in {"humanitarian", "development", "food"} \
                and not (i >= 3 and set(lowers[max(0, i - 6):i - 1]) & {"military", "security", "defence", "defense"}):
            # (but "our military, financial and humanitarian support to Ukraine" is security support too)
            continue  # "its humanitarian assistance to the Ukrainian people": not security support
        if word in _SUPPORT_VERBS or word in _SUPPORT_NOUNS or word in _PROVIDE or word in _GIVE or word in _STAND or (
                word in _PROP and lowers[i + 1:i + 2] == ["up"]):
            target = _support_target(ctx, sentence, lowers, i, targets)
            if target is None and word in _PROVIDE and not _receiver_after(ctx, sentence, lowers, i, targets):
                target = _implied_mission(ctx, sentence, lowers, i)
            if target is None:
                continue
            supporters = _supporters(ctx, sentence, political, subject, at, target, called)
            k = rel(target.end, sentence)
            if lowers[k:k + 2] == [",", "namely"]:
                # "the countries that have pledged forces to AUSSOM, namely Djibouti, Ethiopia and Kenya"
                supporters = _list_after(ctx, sentence, target.end, {"state"}) or supporters
            for c in supporters:
                found.append((c, target, "supports-trigger", 0.7))
            if supporters and set(lowers[max(0, i - 3):i]) & _SUPERLATIVE:
                # "the second-largest supporter of Ukraine after the United States"
                k = rel(target.end, sentence)
                if lowers[k:k + 1] == ["after"]:
                    other = next((a for a in political if a.form != "coref" and sentence.start + k < a.start
                                  <= sentence.start + k + 2), None)
                    if other is not None:
                        found.append((other, target, "supports-trigger", 0.6))
    # "MINUSCA, the UN mission there, to which Portugal and other EU Member States contribute troops"
    for i in range(len(lowers) - 3):
        one_of = lowers[i] in {"missions", "operations"} and lowers[i + 1:i + 3] == ["to", "which"]
        if lowers[i:i + 3] == [",", "to", "which"] or one_of:
            # (also "MINUSMA is one of several UN missions to which Sri Lanka sends its troops": the subject)
            mission = next((m for m in reversed(missions) if m.end <= sentence.start + i and m.form != "coref"), None)
            if one_of:
                mission = next((m for m in missions if m.form != "coref" and m.start == sentence.start
                                and lowers[rel(m.end, sentence):rel(m.end, sentence) + 3] == ["is", "one", "of"]), None)
            givers = coordinated_from(ctx.doc, sentence.start + i + 3, [a for a in political if a.form != "coref"])
            end = rel(givers[-1].end, sentence) if givers else 0
            verb = lowers[end:end + 8] if givers else []
            verb = verb[:verb.index(",")] if "," in verb else verb
            if mission is not None and givers and set(verb) & (_CONTRIB | _PROVIDE | {"send", "sends", "deploy"}):
                found += [(g, mission, "contributes-to-which", 0.75) for g in givers]
    # "the United Kingdom has been among the mission's largest financial contributors"
    for i in range(2, len(lowers)):
        if lowers[i] in {"contributors", "contributor", "funders", "donors"} and not any(
                f[2] == "contributes-trigger" for f in found):
            k = i - 1
            while k >= 0 and lowers[k] not in {"'s", "’s"} and i - k <= 4:
                k -= 1
            if k >= 2 and lowers[k] in {"'s", "’s"} and lowers[k - 1] in _MISSION_NOUNS | {"operation's"}:
                key = ctx.recent_mission(sentence, sentence.start + k)
                givers = [m for m in subject if m.end <= sentence.start + k - 2]
                if key:
                    found += [(g, Mention(key, "actor", "coref", sentence.start + k, sentence.start + k, 0, 0, 0.6),
                               "contributes-trigger", 0.7) for g in givers]
    # Givers added after the contribution: "Spain and Romania also provide instructors, as does Serbia"; "Indonesia is
    # the largest of the 48 countries that contribute troops to the mission, followed by Italy and India"
    named = [m for m in political if m.form != "coref"]
    for i in range(1, len(lowers) - 1):
        as_does = lowers[i] == "as" and lowers[i + 1] in {"does", "do", "did"}
        followed = lowers[i - 1:i + 2] == [",", "followed", "by"] and bool(set(lowers[:i]) & _SUPERLATIVE)
        if as_does or followed:
            also = joined_after(ctx, sentence, sentence.start + i + 1, named)
            found += [(a, target, rule, confidence) for a in also
                      for _, target, rule, confidence in found[:] if target.start < sentence.start + i]
    found += _given_by(ctx, sentence, lowers, political, targets)
    found += _gapped_contributions(ctx, sentence, lowers, political, missions, found)
    found += _topic_mission_contributors(ctx, sentence, lowers, political, missions)
    for i, word in enumerate(lowers[:-2]):
        if word == "sending" and lowers[i + 1] in {"state", "states", "nation", "nations", "country", "countries"}:
            # "Germany became the eighteenth sending state of the United Nations Command"
            mission = next((m for m in missions if m.form != "coref" and 0 < m.start - sentence.start - i <= 5), None)
            givers = [m for m in subject if m.end <= sentence.start + i and ctx.entity_kind(m.key) == "state"]
            found += [(g, mission, "contributes-sending-state", 0.75) for g in givers if mission is not None]
    register = ctx.gazetteer.register
    for contributor, target, rule, confidence in found:
        if contributor.key == target.key or register.led_by.get(target.key) == contributor.key:
            continue
        if rule == "supports-trigger" and (register.mandated_by.get(target.key) == contributor.key or (
                ID + target.key, PACT + "mandatedBy", ID + contributor.key) in ctx.statements):
            continue  # "full support for UNMISS" by the Council that mandates it is not a contribution
        if ctx.entity_kind(contributor.key) not in POLITICAL:
            continue
        ctx.state(ID + contributor.key, PACT + "contributesTo", ID + target.key,
                  ctx.evidence(sentence, rule, confidence * min(contributor.confidence, 1.0)))


_GIVING_AFTER_NAME = {"is", "are", "has", "have", "provides", "provide", "provided", "contributes", "contribute",
                      "contributed", "serves", "serve", "served", "sends", "send", "sent", "keeps", "keep", "kept",
                      "deploys", "deployed", "maintains", "maintain", "supplies", "supplied", "fields", "offers", "with",
                      "also", "still", "remains"}


def _topic_mission_contributors(ctx, sentence, lowers, political, missions) -> list:
    """A sentence that opens on a mission ("In UNIFIL, the United Nations Interim Force in Lebanon, an Irish battalion
    is deployed …, while Austria provides a logistics company"): the states in it that give are its contributors,
    named as subjects ("Austria provides", "both countries serve", "Ireland with staff officers") or as adjectives of
    units ("an Irish battalion")."""
    if lowers[:1] != ["in"]:
        return []
    topic = next((m for m in missions if m.form != "coref" and m.start - sentence.start in (1, 2)), None)
    if topic is None or lowers[rel(topic.end, sentence):rel(topic.end, sentence) + 1] != [","]:
        return []
    body = rel(topic.end, sentence) + 1
    if lowers[body:body + 1] in (["the"], ["a"], ["an"], ["its"]):  # past an apposition naming the mission
        body = next((k + 1 for k in range(body, len(lowers)) if lowers[k] == ","), len(lowers))
    doc = ctx.doc
    out = []
    for m in political:
        k = rel(m.start, sentence)
        if k < body or ctx.entity_kind(m.key) != "state" or lowers[k - 1] in {"in", "of", "to", "from", "on", "at"}:
            continue
        after = lowers[rel(m.end, sentence):rel(m.end, sentence) + 3]
        unit = m.form == "adjective" and any(w in _PERSONNEL for w in after[:2])
        subject = m.form != "adjective" and after[:1] and after[0] in _GIVING_AFTER_NAME \
            and not (m.form == "coref" and not doc[m.start].lower_ in {"both", "the", "we"})
        if unit or subject:
            out.append((m, topic, "contributes-in-mission", 0.7))
    return out


_GIVEN = {"seconded", "deployed", "provided", "sent", "contributed", "assigned", "lent", "donated", "supplied",
          "offered", "delivered", "attached", "detached"}


def _given_by(ctx, sentence, lowers, political, targets) -> list:
    """The passive with its givers after "by": "trainers … seconded to the mission by Belgium, Romania and Spain",
    "patrol boats donated to Fiji by Australia"."""
    out = []
    named = [m for m in political if m.form != "coref" and ctx.entity_kind(m.key) in POLITICAL]
    for i, word in enumerate(lowers[:-3]):
        if word not in _GIVEN or lowers[i + 1] != "to":
            continue
        k = i + 2 + (lowers[i + 2] == "the")
        target = next((t for t in targets if t.start in (sentence.start + i + 2, sentence.start + k)), None)
        if target is None:
            continue
        k = rel(target.end, sentence)
        if lowers[k:k + 1] != ["by"]:
            continue
        givers = coordinated_from(ctx.doc, sentence.start + k + 1, [m for m in named if m.start > sentence.start + k])
        out += [(g, target, "contributes-given-by", 0.75) for g in givers if g.key != target.key]
    return out


def _gapped_contributions(ctx, sentence, lowers, political, missions, found) -> list:
    """Clauses after a semicolon that leave the verb out: "A and B send the biggest contingents; C and D, sizeable
    ones; E, an engineering company with UNISFA". Each gives to the mission it names, else to the one before."""
    semis = [j for j, w in enumerate(lowers) if w == ";"]
    if not semis or not found:
        return _gapped_after_and(ctx, sentence, lowers, found)
    doc = ctx.doc
    named = [m for m in political if m.form != "coref" and ctx.entity_kind(m.key) == "state"]
    last = [t for c, t, _, _ in found if c.start < sentence.start + semis[0]]
    out = []
    for n, j in enumerate(semis):
        end = semis[n + 1] if n + 1 < len(semis) else len(lowers)
        group = coordinated_from(doc, sentence.start + j + 1, named)
        if not group or group[0].start > sentence.start + j + 2 or group[-1].end >= sentence.start + end \
                or doc[group[-1].end].text != "," or not doc[group[-1].end + 1].is_lower:
            last = [t for c, t, _, _ in found if sentence.start + j < c.start < sentence.start + end]
            continue
        rest = range(group[-1].end + 1, sentence.start + end)
        named_here = [m for m in missions if m.form != "coref" and m.start in rest]
        if named_here:
            last = named_here
        elif {lowers[rel(k, sentence)] for k in rest} & _MISSION_NOUNS:
            last = []  # "Cambodia, deminers in several African missions": missions not named
        out += [(state, target, "contributes-gapped", 0.7) for state in group for target in last]
    return out + _gapped_after_and(ctx, sentence, lowers, found)


# Words that show a clause has its own verb: then it is not a gapped one
_FINITE = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "did", "does",
           "do", "sent", "send", "sends", "provided", "provides", "deployed", "deploys", "led", "leads", "joined"}


def _gapped_after_and(ctx, sentence, lowers, found) -> list:
    """ "…, to which Estonia and Finland have assigned patrol vessels, and the Netherlands and Germany minehunters":
    a last clause after ", and" that names states and what they give, its verb and receiver left out."""
    if not found:
        return []
    doc = ctx.doc
    named = [m for m in ctx.actors_in(sentence, {"state"}, coref=False)]
    out = []
    for j in range(len(lowers) - 2):
        if lowers[j:j + 2] != [",", "and"]:
            continue
        group = coordinated_from(doc, sentence.start + j + 2, named)
        if not group or group[0].start > sentence.start + j + 3 or any(m.form == "adjective" for m in group):
            continue  # (", and Brazilian sailors commanded …": a clause of its own)
        k = rel(group[-1].end, sentence)
        tail = lowers[k:]
        stop = next((n for n, w in enumerate(tail) if w in {".", ";", ",", "!"}), len(tail))
        tail = tail[:stop]
        # the clause is only what is given: "minehunters", "an engineering company and a special forces unit"
        if not tail or not doc[sentence.start + k].is_lower or not set(tail) <= _GAPPED_WORDS \
                or not set(tail) & (_ASSETS_NOUNS | _PERSONNEL | _GAPPED_ASSETS):
            continue
        given = [(c, t) for c, t, _, _ in found if c.start < sentence.start + j]
        targets = list({t.key: t for _, t in given}.values())
        if len(targets) == 1:  # (one receiver before: the clause gives to it)
            out += [(state, targets[0], "contributes-gapped", 0.7) for state in group]
    return out


_GAPPED_ASSETS = {"minehunters", "minehunter", "corvettes", "destroyers", "submarines", "tankers", "jets", "fighters",
                  "patrol", "vessels", "instructors", "medics", "engineers"}
_GAPPED_WORDS = _ASSETS | _PERSONNEL | _GAPPED_ASSETS | set(NUMBER_WORDS) | {
    "engineering", "medical", "special", "formed", "unit", "units", "another", "more", "some", "several", "of",
    "fighter", "transport", "reconnaissance", "logistics", "signals", "hospital", "level", "aviation", "airlift"}


def _contributors(ctx, sentence, political, subject, i: int, called) -> list[Mention]:
    """Who contributes: "the contribution of Japanese personnel", "Japan's contributions",
    "its participation" (the last possessor), "Serbia, Montenegro and Colombia have contributed"."""
    doc = ctx.doc
    at = sentence.start + i
    lowers = [t.lower_ for t in doc[sentence.start:sentence.end]]
    if i + 1 < len(lowers) and lowers[i + 1] == "of":
        after = next((a for a in political if at + 1 < a.start <= at + 3), None)
        if after is not None:
            # "the contributions of Saudi Arabia, the United Arab Emirates and Kuwait to …": all of the list
            return coordinated_from(doc, after.start, [a for a in political if a.start >= after.start]) or [after]
    before = [a for a in political if a.end <= at and (not called or a.start > sentence.start + called[-1])]
    if called and not before:
        return []
    for a in reversed(before):
        gap = lowers[rel(a.end, sentence):i]
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
        if lowers[i] == "contributors" and not owners and _copular_subject(ctx, sentence, subject, i):
            # "A, B and C remained the largest troop contributors, followed by D, E and F"
            return [m for m in subject if m.end <= at] + _followed_by(ctx, sentence, political, i)
        if owners or states:
            return [(owners or states)[-1]]
    group = _group_before(ctx, sentence, before, at)
    if group:
        return group
    if subject and not called:
        return [m for m in subject if m.end <= at]
    return before[-1:] if before else []


_COPULAS = {"are", "were", "remain", "remained", "remains", "became", "become"}


def _copular_subject(ctx, sentence, subject, i: int) -> bool:
    """Whether two or more states head the sentence as the subject of a copula before word ``i`` ("Rwanda, India and
    Nepal remained the largest troop contributors"); not "In Kosovo, Italy is one of the main contributors" (a place
    before the subject, "one of")."""
    if len(subject) < 2 or not all(ctx.entity_kind(m.key) == "state" for m in subject):
        return False
    lowers = ctx.tokens_lower(sentence)
    gap, first = lowers[rel(subject[-1].end, sentence):i], rel(subject[0].start, sentence)
    return bool(set(gap) & _COPULAS) and len(gap) <= 6 and "one" not in gap \
        and lowers[first - 1:first] not in (["in"], ["on"], ["at"], ["with"], ["for"])


def _followed_by(ctx, sentence, political, i: int) -> list[Mention]:
    """The actors listed after ", followed by" right after token ``i`` of a sentence."""
    lowers = ctx.tokens_lower(sentence)
    k = i + 1 + (lowers[i + 1:i + 2] == [","])
    if lowers[k:k + 2] != ["followed", "by"]:
        return []
    return coordinated_from(ctx.doc, sentence.start + k + 2, [a for a in political if a.form != "coref"])


def _group_before(ctx, sentence, before, at: int) -> list[Mention]:
    """States listed as the subject of a verb: "Several third states, such as A, B and C, have contributed"."""
    doc = ctx.doc
    if not before:
        return []
    last = before[-1]
    gap = [t.lower_ for t in doc[last.end:at]]
    if len(gap) > 4 or not all(w in {",", "have", "has", "had", "also", "already", "all", "which", "who"} for w in gap):
        return []
    if set(gap) & {"which", "who"}:
        return [last]  # "…, Viet Nam, which has deployed a field hospital to UNMISS"
    group = [last]
    for m in reversed(before[:-1]):
        between = [t.lower_ for t in doc[m.end:group[0].start]]
        if all(w in {",", "and", "the", "such", "as"} for w in between):
            group.insert(0, m)
        else:
            break
    return group


def _adjective_states_before(ctx, sentence, lowers, political, at: int, article: bool = False) -> list:
    """States named by coordinated adjectives right before token ``at`` ("Nepalese and Ghanaian", and with
    ``article`` also "a Polish")."""
    states: list = []
    k = at
    for m in reversed([a for a in political if a.end <= at and a.form != "coref"]):
        gap = lowers[rel(m.end, sentence):rel(k, sentence)]
        if ctx.entity_kind(m.key) == "state" and m.form == "adjective" and (
                not gap or (states and all(w in {",", "and"} for w in gap))
                or (article and not states and gap == ["a"])):
            states.insert(0, m)
            k = m.start
        else:
            break
    return states


def _owned_contingents(ctx, sentence, lowers, political, missions, i: int) -> list:
    """ "the mission's Nepalese and Ghanaian contingents": the states (adjectives) before a personnel noun
    whose possessor is a mission (named, "the mission's", or "its" after a mission)."""
    at = sentence.start + i
    states = _adjective_states_before(ctx, sentence, lowers, political, at)
    if not states:
        return []
    j = rel(states[0].start, sentence)
    mission = None
    if j >= 1 and lowers[j - 1] in {"'s", "’s"}:
        mission = next((m for m in missions if m.end == states[0].start - 1 and m.form != "coref"), None)
        if mission is None and j >= 2 and lowers[j - 2] in _MISSION_NOUNS and (j < 3 or lowers[j - 3] == "the"):
            key = ctx.recent_mission(sentence, at)
            mission = Mention(key, "actor", "coref", at, at, 0, 0, 0.7) if key else None
    elif j >= 1 and lowers[j - 1] == "its":
        mission = next((m for m in missions if m.end == states[0].start - 1), None)  # a coref "its" to a mission
        if mission is None:
            # "the United Nations Peacekeeping Force in Cyprus reports that its Slovak and Hungarian engineers":
            # the mission named before in the sentence, with no other actor between
            before = [m for m in missions if m.end < states[0].start - 1 and m.form != "coref"]
            if before and not any(before[-1].end <= a.start < states[0].start - 1 for a in political):
                mission = before[-1]
    if mission is None and lowers[i + 1:i + 2] == ["of"]:
        # "the Italian, Indonesian, Indian and Ghanaian contingents of UNIFIL", "Nepalese peacekeepers of UNMISS"
        k = i + 2 + (lowers[i + 2:i + 3] == ["the"])
        mission = next((m for m in missions if m.start == sentence.start + k and m.form != "coref"), None)
    if mission is None or ctx.entity_kind(mission.key) != "mission":
        return []
    return [(state, mission) for state in states]


_PEACEKEEPERS = {"peacekeepers", "peacekeeper", "contingent", "contingents", "battalion", "battalions"}


def _peacekeepers_of(ctx, sentence, lowers, political, i: int) -> list:
    """Peacekeepers named by their states' adjectives ("Nepali and Uruguayan peacekeepers continue to patrol"): they
    serve in the mission of this sentence, else the one last named in the three sentences before."""
    at = sentence.start + i
    states = _adjective_states_before(ctx, sentence, lowers, political, at, article=True)
    if not states or (rel(states[0].start, sentence) >= 1 and lowers[rel(states[0].start, sentence) - 1] in {
            "'s", "’s", "its"}):
        return []  # (a possessor is read by the contingent rule)
    if lowers[i + 1:i + 2] == ["of"]:
        return []  # "Nepalese peacekeepers of UNMISS": the mission named after them (the contingent rule)
    key = ctx.recent_mission(sentence, at)
    if key is None:
        return []
    return [(state, Mention(key, "actor", "coref", at, at, 0, 0, 0.6)) for state in states]


_COUNT_WORDS = set(NUMBER_WORDS) | {"several"}
_KEEP_FORCES = {"keep", "keeps", "kept", "keeping", "maintain", "maintains", "maintained", "maintaining", "has",
                "have", "had", "station", "stations", "stationed"}
_WITH_MISSION = {"with", "within", "in", "to"}


def _kept_with(ctx, sentence, lowers, i: int, missions):
    """(verb index, mission) of "keeps <a few words> <personnel> … with/within <mission>" around ``i``."""
    verb = next((j for j in range(i - 1, max(-1, i - 6), -1) if lowers[j] in _KEEP_FORCES), None)
    if verb is None:
        return None
    words = lowers[verb + 1:i]
    if any(not (w.isalpha() or w.replace(",", "").isdigit()) or w in {"but", "that", "which"}
                           or (w == "and" and not (j and words[j - 1] in _PERSONNEL)) for j, w in enumerate(words)):
        return None  # (an "and" only after a kind of personnel: "keeps officers and a company with KFOR")
    for mission in missions:
        k = rel(mission.start, sentence)
        if mission.form == "coref" or k <= i or k - i > 10:
            continue
        lead = k - 1
        while lead > i and (lowers[lead] in {"the", "'s", "’s"} or ctx.doc[mission.start - (k - lead)].is_title
                            or ctx.doc[mission.start - (k - lead)].is_upper):
            lead -= 1  # "within NATO's Enhanced Forward Presence": past the owner and the article
        if lowers[lead] in _WITH_MISSION and not set(lowers[i + 1:lead]) & {",", ";", "and", "but", "while"}:
            return verb, mission
        return None
    return None


def _right_after(lowers, k: int, j: int) -> bool:
    """Whether the name at ``j`` follows ``k`` with at most an article and a leader between: "in the NATO-led
    Kosovo Force", "with NATO's Operation Sea Guardian"."""
    gap = lowers[k:j]
    gap = gap[1:] if gap[:1] == ["the"] else gap
    return len(gap) <= 1 or (len(gap) <= 4 and gap[-1] in {"led", "'s", "’s"} and "," not in gap)


def _not_a_receiver(ctx, lowers, j: int, mention) -> bool:
    """A state named after "with" is a fellow participant ("activities conducted with Australia"), and one that opens
    a clause after ", and" is its subject ("announced new contributions, and China confirmed …"): neither receives."""
    k = j - (lowers[j - 1:j] == ["the"])
    if lowers[k - 2:k] == [",", "and"]:
        return True
    if ctx.entity_kind(mention.key) != "state":
        return False
    # "with Australia and the United States": back over the states coordinated before it
    w = k - 1
    while w > 0 and w > k - 12 and lowers[w] != "with" and (lowers[w] in {",", "and", "the"} or lowers[w][:1].isalpha()
                                                             and ctx.doc[ctx.sentence_of(mention.start).start + w].is_title):
        w -= 1
    return lowers[w:w + 1] == ["with"]


def _clause_break(lowers, i: int, j: int, limit: int = 14) -> bool:
    between = lowers[i + 1:j]
    return ";" in between or "while" in between or "but" in between or len(between) > limit


def _among_them(doc, j: int, sentence) -> bool:
    """ ", among them A, B and C", ", among others A and B" """
    return doc[j].lower_ == "among" and j + 1 < sentence.end and doc[j + 1].lower_ in {"them", "others", "these"} \
        and doc[j - 1].text == ","


def _list_after(ctx, sentence, at: int, kinds) -> list[Mention]:
    """States listed after a trigger: "such as A, B and C", ", namely A, B", "of M, namely A"."""
    doc = ctx.doc
    listed: list[Mention] = []
    j = at + 1
    # apposition: "the troop- and police-contributing countries, Burundi, Djibouti and Kenya"
    if j < sentence.end and doc[j].lower_ in {"countries", "states", "nations"}:
        j += 1
    if j < sentence.end and doc[j].text in {",", "–", "—", ":"} and j > at + 1 \
            and not (j + 1 < sentence.end and doc[j + 1].lower_ in LISTING):
        pos = j + 1  # (also "the personnel-contributing countries – Angola, Botswana, …")
    elif j > at + 1 and j < sentence.end and doc[j].lower_ in {"were", "are", "was", "remain", "remained"}:
        pos = j + 1  # "The largest troop-contributing countries were Rwanda, Bangladesh and Pakistan"
    else:
        j = at + 1
        while j < sentence.end and j <= at + 12 and doc[j].lower_ not in LISTING | {"particular", "especially"} \
                and not _among_them(doc, j, sentence):
            j += 1
        among = j < sentence.end and _among_them(doc, j, sentence)
        if j >= sentence.end or (j > at + 8 and not among) or (
                doc[j].lower_ not in LISTING | {"particular", "especially"} and not among):
            return []
        pos = j + (2 if among else 1)  # "such as A", "namely A", "in particular A", "especially A", "among them A"
        if [t.lower_ for t in doc[pos:pos + 4]] in (["the", "partner", "states", "of"], ["the", "member", "states", "of"]):
            pos += 4  # "including the Partner States of Burundi, Kenya and Uganda"
    first = True
    for m in ctx.actors_in(sentence, kinds, coref=False):
        if m.start < pos:
            continue
        gap = [t.lower_ for t in doc[pos:m.start]]
        if first and doc[j].text in {",", "–", "—", ":"} and any(w != "the" for w in gap):
            break  # an apposition starts right after the comma
        first = False
        # "A, B and C, as well as D"
        if all(w in {",", "and", "the", "as", "such", "or"} for w in gap) or gap in ([",", "as", "well", "as"],
                                                                                   ["as", "well", "as"]):
            listed.append(m)
            pos = m.end
        else:
            break
    return listed


# the words of a national service between a state's adjective and its people: "Japanese Self-Defense Force engineers"
_SERVICE_WORDS = {"army", "navy", "naval", "air", "police", "military", "force", "forces", "self-defense",
                  "self-defence", "defence", "defense", "self", "-", "armed", "national", "coast", "guard", "marine",
                  "marines", "corps", "royal", "maritime", "ground", "gendarmerie", "special", "federal"}


def _personnel_owner(ctx, sentence, political, at: int):
    """ "Mongolian soldiers served": the actor right before a personnel noun before the verb."""
    doc = ctx.doc
    k = at - 1
    while k > sentence.start and doc[k].lower_ in {"have", "has", "also", "had", "are", "were", "long", "successfully",
                                                   "still", "now", "already", "currently", "continue", "continues",
                                                   "to", "been", "be", "is", "was", "who", "which", "that"}:
        k -= 1
    if doc[k].lower_ == "force" and doc[k - 1].lower_ in {"defence", "defense", "self-defense", "self-defence"}:
        # "the Australian Defence Force is still deployed with UNMISS": a national force named by its state
        owner = next((a for a in political if a.end == k - 1 and ctx.entity_kind(a.key) == "state"
                      and a.form == "adjective"), None)
        return [owner] if owner is not None else None
    if doc[k].lower_ not in _PERSONNEL:
        return None
    # "Greek ships, aircraft and staff officers serve with …", "Ivorian soldiers and police officers served with …"
    while k - 2 > sentence.start and doc[k - 1].lower_ in {"staff", "police", "military", "naval", "civilian"}:
        k -= 1
    if doc[k - 1].lower_ == "whose":
        return _whose_antecedent(ctx, sentence, political, k - 1)
    while k - 2 > sentence.start and doc[k - 1].lower_ in {"and", ","} and doc[k - 2].lower_ in _PERSONNEL:
        k -= 2
    owner = next((a for a in political if a.end in (k, k - 1) and ctx.entity_kind(a.key) in POLITICAL), None)
    if owner is None:
        # "four Colombian army instructors", "Japanese Self-Defense Force engineers", "Bangladeshi Army engineers"
        j = k
        while j - 1 > sentence.start and k - j < 5 and doc[j - 1].lower_ in _SERVICE_WORDS:
            j -= 1
        if j < k:
            owner = next((a for a in political if a.end == j and ctx.entity_kind(a.key) == "state"
                          and a.form == "adjective"), None)
    if owner is None:
        return None
    # "Malaysian and Polish soldiers": the adjectives coordinated before
    group = [owner]
    for a in reversed([a for a in political if a.end <= owner.start and a.form == owner.form]):
        if all(t.lower_ in {",", "and"} for t in doc[a.end:group[0].start]) and a.end < group[0].start:
            group.insert(0, a)
        else:
            break
    # "Bangladeshi Army engineers and Nepalese Army infantry serve with …": owners of personnel coordinated before
    k = group[0].start
    if k - 2 > sentence.start and doc[k - 1].lower_ in {"and", ","} and doc[k - 2].lower_ in _PERSONNEL \
            and group[0].form == "adjective":
        group = (_personnel_owner(ctx, sentence, political, k - 1) or []) + group
    return group


def _whose_antecedent(ctx, sentence, political, whose: int) -> list | None:
    """ "Djibouti and Uganda, two Member States whose troops serve with the mission", "Kenya, whose police officers
    serve with …": the actors the relative clause is about (an apposition between them and "whose" is skipped)."""
    doc = ctx.doc
    comma = next((j for j in range(whose - 1, max(sentence.start - 1, whose - 6), -1) if doc[j].text == ","), None)
    if comma is None:
        return None
    last = next((a for a in reversed(political) if a.end == comma and a.form != "coref"
                 and ctx.entity_kind(a.key) in POLITICAL), None)
    if last is None or not all(t.is_alpha for t in doc[comma + 1:whose]):
        return None
    return coordinated_before([a for a in political if a.form != "coref" and a.end <= last.end], ctx.lowers)


_PROVIDING = {"provide", "provided", "contribute", "contributed", "send", "sent", "supply", "supplied", "deploy",
              "deployed"}
_KEEPING = {"maintaining", "keeping", "deploying", "sending", "providing", "contributing", "committing"}
_THANK = {"thanks", "thanked", "thank", "commends", "commended", "commend", "appreciates", "appreciated",
          "acknowledges", "acknowledged", "praises", "praised", "salutes", "saluted", "expresses", "expressed"}


def _thanked_for(ctx, sentence, lowers, i: int, political, missions, coref_ok: bool = False):
    """ "thanks the European Union for its support …, and UNSOS for its logistical support": (actor, mission)."""
    k = next((j for j in range(i - 1, max(-1, i - 4), -1) if lowers[j] == "for"), None)
    if k is None:
        return None
    end = sentence.start + k
    actor = next((a for a in reversed(political) if a.form != "coref" and (a.end == end or (
        a.end == end - 1 and ctx.doc[end - 1].text == ")"))), None)  # "… (UNSOS) for its logistical support"
    if actor is None:
        return None
    # "commended A, B, C and D for their participation in …": every one of the list
    givers = coordinated_before([a for a in political if a.form != "coref" and a.end <= actor.start] + [actor],
                                ctx.lowers)
    clause = lowers[:rel(actor.start, sentence)]
    if ";" in clause:
        clause = clause[len(clause) - clause[::-1].index(";"):]
    if not set(clause) & _THANK:
        return None
    mission = next((m for m in missions if m.form != "coref"), None) or (
        next(iter(missions), None) if coref_ok else None)
    if mission is None or mission.key == actor.key:
        return None
    return givers, mission


def _mission_pronouns(ctx, sentence, lowers, missions) -> list[Mention]:
    """ "… have already contributed ships to it", "the contributions of A and B to its task forces": a pronoun
    after "to" that stands for the mission named before in the sentence (or, for "its/the task forces", in the
    text)."""
    out = []
    for k in range(len(lowers) - 1):
        if lowers[k] != "to":
            continue
        at = sentence.start + k + 1
        before = [m for m in missions if m.end <= at and m.form != "coref"]
        if lowers[k + 1] in {"it", "them"} and (k + 2 >= len(lowers) or lowers[k + 2] in {".", ",", ";", "and"}):
            if before:
                out.append(Mention(before[-1].key, "actor", "coref", at, at + 1, 0, 0, 0.6))
            elif lowers[k + 1] == "it" and sentence.index > 0 and not any(
                    m.end <= at for m in ctx.actors_in(sentence, coref=False) if ctx.entity_kind(m.key) != "state"):
                # "Kenya leads UNMISS. Jamaica has sent soldiers to it.": the last actor named before is a mission
                named = ctx.actors_in(ctx.sentences[sentence.index - 1], {"mission", "organization", "body",
                                                                          "grouping", "state"}, coref=False)
                if named and ctx.entity_kind(named[-1].key) == "mission":
                    out.append(Mention(named[-1].key, "actor", "coref", at, at + 1, 0, 0, 0.5))
        elif lowers[k + 1] == "its" and set(lowers[k + 2:k + 4]) & {"task", "forces", "operations", "missions"}:
            key = before[-1].key if before else _main_mission(ctx, at)
            if key:
                out.append(Mention(key, "actor", "coref", at, at + 1, 0, 0, 0.6))
    return out


def _last_two_missions(ctx, sentence, at: int) -> list[Mention]:
    """The two missions named last before ``at``, in this sentence or the two before ("both forces")."""
    named: list[Mention] = []
    for earlier in reversed(ctx.sentences[max(0, sentence.index - 2):sentence.index + 1]):
        for m in reversed(ctx.actors_in(earlier, {"mission"}, coref=False)):
            if m.start < at and m.key not in {n.key for n in named}:
                named.append(m)
            if len(named) == 2:
                return named
    return []


def _receiver_after(ctx, sentence, lowers, i: int, targets) -> bool:
    """A state or mission named after word ``i`` in the same clause (not after ";" or "as does")."""
    for t in targets:
        k = rel(t.start, sentence)
        if k <= i:
            continue
        between = lowers[i + 1:k]
        if ";" in between or any(between[j:j + 2] in (["as", "does"], ["as", "do"]) for j in range(len(between))):
            continue
        if any(between[j:j + 2] in ([",", "and"], [",", "while"], [",", "but"]) for j in range(len(between))):
            continue  # "… seconded forty monitors, and the United States …": another clause, another subject
        return True
    return False


def _implied_mission(ctx, sentence, lowers, i: int):
    """ "Spain, Portugal and Romania also provide instructors and staff officers" in a text about one mission:
    personnel given with no receiver named go to that mission."""
    j = i + 1
    if lowers[j:j + 3] and lowers[j] == "the" and j + 2 < len(lowers) and lowers[j + 2] in {"'s", "’s"} \
            and lowers[j + 1] in _MISSION_NOUNS | {"mission", "force"}:
        j += 3  # "to provide the Force's quick reaction force"
    funding = lowers[i] in _FUND or lowers[i:i + 2] == ["paid", "for"]
    if lowers[i:i + 2] == ["paid", "for"]:
        j += 1
    while j < len(lowers) and (lowers[j] in _ASSETS or lowers[j] in _PERSONNEL or lowers[j] in _SENT_EXTRA
                               or lowers[j] in _NUMBERS or lowers[j].replace(",", "").isdigit()
                               or lowers[j] in {"staff", "officers", "and", ",", "maritime", "patrol", "flights",
                                                "quick", "reaction", "engineering", "medical", "special", "itself",
                                                "the", "a", "an", "biggest", "largest", "sizeable", "small", "large",
                                                "specialised", "specialized", "additional", "civilian", "military",
                                                "most", "of", "bulk", "much", "many", "some", "several"}
                               or (funding and (lowers[j] in _EQUIPMENT or lowers[j] in {"-", "long", "range"}))):
        j += 1
    wanted = _PERSONNEL | {"staff", "officers", "flights", "force", "company"} | (_EQUIPMENT if funding else set())
    if j == i + 1 or not set(lowers[i + 1:j]) & wanted \
            or (j < len(lowers) and lowers[j] not in {";", ".", ",", "as", "too", "while"}):
        return None
    key = _main_mission(ctx, sentence.end)
    at = sentence.start + i
    return Mention(key, "actor", "coref", at, at, 0, 0, 0.6) if key else None


_FUND = {"fund", "funds", "funded", "finance", "finances", "financed"}
_NUMBERS = {"six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety", "hundred", "hundreds", "dozens", "dozen", "some"}
# Equipment a state pays for in a text about one mission: "have funded long-range unmanned aerial vehicles and camera
# systems", "has paid for armoured vehicles".
_EQUIPMENT = {"vehicles", "vehicle", "armoured", "armored", "unmanned", "aerial", "camera", "cameras", "systems",
              "drones", "equipment", "radios", "helicopters", "aircraft", "boats", "satellite", "imagery"}
_FUNDED = frozenset({"projects", "project", "programmes", "programme", "programs", "program", "training", "equipment",
                     "reforms", "activities"})


def _asset_phrase(ctx, sentence, j: int, k: int, nouns=frozenset()) -> bool:
    """Tokens ``j``–``k`` (sentence-relative) describe things given: lower-case words and numbers naming at least
    one asset ("more than two dozen packages of defence equipment", "millions of artillery shells")."""
    doc = ctx.doc
    tokens = doc[sentence.start + j:sentence.start + k]
    if not tokens or any(t.lower_ in {"that", "which", "who", ";", "but", "while", "message", "messages", "signal",
                                      "letter", "invitation", "delegation", "envoy"} for t in tokens):
        return False
    if not all(t.is_lower or t.like_num or t.text in {"-", ",", "$", "€", "£"} for t in tokens):
        return False
    return any(t.lower_ in _ASSETS_NOUNS or t.lower_ in _PERSONNEL or t.lower_ in nouns
               or t.lower_ in {"shells", "missiles", "packages", "package"} for t in tokens)


def _transfer_of(ctx, sentence, lowers, i: int, targets):
    """ "the transfer of Iranian drones to Russia": (the state the adjective names, the receiver)."""
    at = sentence.start + i
    owner = next((t for t in targets if t.form == "adjective" and at + 2 <= t.start <= at + 3
                  and ctx.entity_kind(t.key) == "state"), None)
    k = rel(owner.end, sentence) if owner is not None else None
    if owner is None and i >= 2 and lowers[i - 1] in {"'s", "’s"}:
        # "North Korea's dispatch of troops and artillery shells to Russia": the possessor
        owner = next((t for t in targets if t.end == at - 1 and ctx.entity_kind(t.key) == "state"), None)
        k = i + 2
    if owner is None:
        return None
    nouns = 0
    while k < len(lowers) and (lowers[k] in _ASSETS or lowers[k] in _SENT_EXTRA or lowers[k] in _PERSONNEL
                               or lowers[k] in {"ballistic", "combat", "attack", "cruise"}):
        nouns += lowers[k] in _ASSETS_NOUNS or lowers[k] in _PERSONNEL
        k += 1
    if not nouns or lowers[k:k + 1] != ["to"]:
        return None
    target = next((t for t in targets if t.start in (sentence.start + k + 1, sentence.start + k + 2)
                   and t.form != "adjective" and t.key != owner.key), None)
    if target is None or (target.start == sentence.start + k + 2 and lowers[k + 1] != "the"):
        return None
    return owner, target


def _passive_giver(ctx, sentence, lowers, i: int, political, targets):
    """ "the Line of Credit extended by India to Viet Nam": (giver, receiver)."""
    j = i + 1
    if j >= len(lowers) or lowers[j] not in _PASSIVE_GIVE or lowers[j + 1:j + 2] != ["by"]:
        return None
    at = sentence.start + j + 2
    giver = next((a for a in political if a.form != "coref" and at <= a.start <= at + 1), None)
    if giver is None:
        return None
    k = rel(giver.end, sentence)
    if lowers[k:k + 1] not in (["to"], ["for"]):
        return None
    target = next((t for t in targets if sentence.start + k < t.start <= sentence.start + k + 2), None)
    return (giver, target) if target is not None and target.key != giver.key else None


def _support_target(ctx, sentence, lowers, i: int, targets):
    """The state or mission supported: "support to Ukraine", "help Ukraine", "train Ukrainian soldiers"."""
    doc = ctx.doc
    at = sentence.start + i
    if lowers[i] in {"stand", "stands", "stood", "standing"}:
        # "the European Union stands with Ukraine"
        target = next((t for t in targets if t.start == at + 2 and t.form != "adjective"), None)
        if lowers[i + 1:i + 2] == ["with"] and target is not None and ctx.entity_kind(target.key) == "state":
            return target
        return None
    if lowers[i] in _PROP:  # "propping up Russia's war economy", "props up the regime in Belarus"
        target = next((t for t in targets if t.start > at + 1), None)
        if target is None:
            return None
        gap = lowers[i + 2:rel(target.start, sentence)]
        if len(gap) <= 4 and all(w.isalpha() and w not in {"and", "but", "while", "against"} for w in gap) \
                and not _is_status_target(ctx, sentence, target):
            return target
        return None
    if lowers[i] in _PROVIDE or lowers[i] in _GIVE:
        # "giving Ukraine political backing", "supplying Russia with artillery shells": the receiver first
        target = next((t for t in targets if t.start > at), None)
        if target is not None and lowers[i + 1:rel(target.start, sentence)] in ([], ["the"]) and lowers[i] in _FUND \
                and ctx.entity_kind(target.key) == "mission" and target.form != "coref":
            return target  # "the European Union, which financed SAMIM", "Japan funds UNMISS"
        if target is not None and lowers[i + 1:rel(target.start, sentence)] in ([], ["the"]) \
                and target.form != "adjective" and not _is_status_target(ctx, sentence, target):
            after = lowers[rel(target.end, sentence):rel(target.end, sentence) + 12]
            cut = next((j for j, w in enumerate(after) if w in {";", "which", "that", "but", "while"}), len(after))
            if after[:1] == ["with"] or set(after[:min(cut, 12)]) & (_SUPPORT_NOUNS | _ASSETS_NOUNS):
                if after[:1] not in (["'s"], ["’s"]):
                    return target
        if lowers[i] in _GIVE:
            return None
        # "provided ships, aircraft and staff to the operation", "its supply of drones and munitions to Russia"
        for target in targets:
            if target.start <= at:
                continue
            gap = lowers[i + 1:rel(target.start, sentence)]
            if gap[:1] == ["of"] and lowers[i] not in {"send", "sends", "sent", "sending"}:
                gap = gap[1:]
            if gap[-2:] == ["to", "the"]:  # "sent frigates to the Combined Maritime Forces"
                gap = gap[:-1]
            if gap in ([], ["the"]) and ctx.entity_kind(target.key) == "mission" \
                    and lowers[rel(target.end, sentence):rel(target.end, sentence) + 1] in (["'s"], ["’s"]):
                return target  # "continued to provide the Force's quick reaction force"
            if gap[-4:] == ["at", "the", "disposal", "of"] or gap[-5:] == ["at", "the", "disposal", "of", "the"]:
                gap = gap[:gap.index("at")] + ["to"]  # "has placed three warships at the disposal of the mission"
            if gap[-1:] == ["of"] and 2 <= len(gap) <= 4 and set(gap) & _PERSONNEL and lowers[i] in _PROVIDE \
                    and ctx.entity_kind(target.key) == "mission":
                return target  # "continue to provide the troops of MONUSCO's Force Intervention Brigade"
            if gap and gap[-1] in {"in", "for"} and lowers[i] in _FUND and len(gap) <= 6 \
                    and _asset_phrase(ctx, sentence, i + 1, rel(target.start, sentence) - 1, _FUNDED) \
                    and ctx.entity_kind(target.key) == "state" and target.form != "adjective":
                return target  # "Canada has funded cyber security projects in Moldova"
            if gap and gap[-1] == "to" and len(gap) <= 11 and (all(
                    w in _ASSETS or w in _SENT_EXTRA or w in _MONEY or w.replace(".", "").replace(",", "").isdigit()
                    for w in gap[:-1]) or _asset_phrase(ctx, sentence, i + 1, rel(target.start, sentence) - 1)) \
                    and not _is_status_target(ctx, sentence, target):
                return target
            if gap[-1:] == ["for"] and "to" in gap and ctx.entity_kind(target.key) == "mission" and len(gap) <= 14 \
                    and all(w in _MONEY or w.replace(".", "").replace(",", "").isdigit()
                            for w in gap[:gap.index("to")]) and gap.index("to") >= 1:
                return target  # "allocated EUR 20 million to the African Union for AMISOM"
            return None
        return None
    for target in targets:
        if target.start <= at:
            continue
        gap = lowers[i + 1:rel(target.start, sentence)]
        if len(gap) > 6 or set(gap) & {";", "while", "but", "against", "from", "by", "with", "between", "on", "in"}:
            break
        if _is_status_target(ctx, sentence, target) or set(gap) & _STATUS:
            break
        if not gap or gap in (["the"], ["to"], ["for"], ["to", "the"], ["for", "the"]):
            return target
        if gap[-1] in {"to", "for", "the", "of"} and lowers[i] in _SUPPORT_NOUNS | {"support", "supporting"}:
            return target
        if gap and gap[0] == "of" and lowers[i] in {"supporter", "supporters", "backer", "backers", "enabler", "enablers"}:
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
    lowers_all = ctx.lowers
    last = before[-1] if before else None
    # "the United Kingdom and Germany, which keep up their military support to Ukraine": the group before "which"
    which = next((k for k in range(at - 1, max(sentence.start, at - 9), -1) if lowers_all[k] in {"which", "who"}
                  and lowers_all[k - 1] == ","), None)
    if which is not None and not set(lowers_all[which + 1:at]) & {",", ";"}:
        ending = [a for a in before if a.end == which - 1]
        if ending:
            return coordinated_before([a for a in before if a.end < ending[0].start] + ending[:1], lowers_all)
    backing = lowers_all[at] in _BACK
    giving = lowers_all[at] in _PROVIDE or lowers_all[at] in _PROP or lowers_all[at] in _GIVE or backing
    if giving and last is not None and last.form != "coref" and 0 <= at - last.end <= 3 \
            and all(w in {"is", "are", "was", "were", "has", "have", "been", "also", "keeps", "continues", "to",
                          "will", "keep", "continue", "would", "firmly", "fully", "strongly"}
                    for w in lowers_all[last.end:at]) and lowers_all[at - 1] != "to":
        owner = coordinated_before(before, lowers_all)  # "North Korea sending troops", "China propping up …"
    elif backing:
        return []  # "backing" is read only right after its subject: "the Council backing the Force" is not France's
    elif last is not None and last.form != "coref" and at - last.end <= 4 \
            and lowers_all[last.end:last.end + 2] in (["for", "its"], ["for", "their"]):
        # "condemns Iran for its continued supply of drones", "thank A and B for their support"
        owner = coordinated_before(before, lowers_all)
    for a in reversed(before):
        if owner is not None:
            break
        if a.end < len(doc) and doc[a.end].text in {"'s", "’s"} and a.end + 6 >= at:
            owner = [a]  # "the United Kingdom's continuing military and economic support to Ukraine"
            break
        if a.form == "coref" and doc[a.start].lower_ in {"our", "your", "their"} and a.end + 4 >= at:
            owner = [b for b in before if b.start == a.start]
            break
    if owner is None:
        owner = clause_subject(ctx, sentence, before, at)
    if owner is None and not called:
        # the sentence's subject, unless a new clause with its own subject comes before the verb ("…, and the
        # mission continues to support …")
        owner = [a for a in subject if a.key != target.key and a.end <= at
                 and not clause_between(lowers_all, a.end, at)]
    owner = owner or []
    lowers = [t.lower_ for t in doc[sentence.start:sentence.end]]
    for i in range(len(lowers) - 1):
        if lowers[i] == "together" and lowers[i + 1] == "with":
            with_at = sentence.start + i + 1
            extra = next((a for a in political if with_at < a.start <= with_at + 2), None)
            if extra is not None and extra.key != target.key:
                owner = owner + [extra]
    return owner
