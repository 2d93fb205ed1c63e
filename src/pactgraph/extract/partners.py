"""Partnership and membership between actors.

* ``partnerOf``: "partnership between X and Y", "X and Y are strategic partners",
  "NATO's partners, a group that also includes A and B", "X's partnership with
  Y", "cooperation among A, B and C", "As a close partner, X has worked
  alongside Y", a bilateral agreement between two parties, a bilateral body
  ("NATO-Ukraine Council"), and lists that continue in the next sentences
  ("ASEAN's Dialogue Partners … They are A, B and C"; "Japan is one of them …
  A and B are others"; "our four Indo-Pacific partners" after four states);
* ``org:memberOf``: "X joined NATO", "X became the 32nd member of NATO", "as a
  member of NATO and the EU", "the two remaining Allies, A and B", "the G7
  Foreign Ministers of A, B and C", "a group that also includes A and B".
  Prospects ("will become a member", "future membership", "applied for
  membership", "support for X's membership") are not memberships.
"""

from __future__ import annotations

import re
from itertools import combinations

from ..namespaces import ID, ORG, PACT
from .clauses import (clause_between, clause_subject, coordinated_before, coordinated_from, joined_after, listed_after,
                      owner_before, rel, relative_antecedent, subject_group, verb_subject)
from .context import POLITICAL
from .mentions import Mention
from .words import NUMBER_WORDS, ORDINALS, TAKE

__all__ = ["MEMBER_WORDS", "PARTNER_WORDS", "find_members", "find_partners", "partners_across_sentences",
           "partners_by_agreement", "partners_by_body", "partners_counted"]

_PARTNER = {"partner", "partners", "partnership", "partnerships", "partnered", "partnering"}
_COOP = {"cooperation", "co-operation", "partnership", "partnerships", "frameworks", "framework", "alliance"}
_COPULA = {"are", "as", "been", "remain", "remains", "were", "is", "become", "became", "be"}
_MEMBER = {"member", "members", "membership", "joined", "join", "joins", "joining", "accession", "accede",
           "acceded", "accedes", "admitted", "ally", "belong", "belongs", "belonged", "chairmanship", "chair",
           "chairs", "chaired", "presidency", "followed", "entered"}
# chairing an organization is a sign of membership: "the Republic of Korea's chairmanship of APEC"
_CHAIR = {"chairmanship", "chair", "chairs", "chaired", "presidency", "chairing", "chairperson", "chairship",
          "chairpersonship"}
_CHAIR_NOUNS = {"chair", "chairmanship", "chairship", "chairpersonship", "presidency"}
# words between a state and "as ASEAN Chair": "Malaysia, in its year as", "Malaysia for its leadership as"
_CHAIR_GAP = {",", "as", "in", "its", "their", "year", "years", "leadership", "role", "for", "will", "take", "takes",
              "took", "taken", "over", "has", "have", "assumed", "assumes", "assume", "holds", "held", "now",
              "currently", "incoming", "outgoing", "rotating"}
_NOT_MEMBER = {"not", "non", "partner", "partners", "aspirant", "aspirants", "future", "will", "would", "should",
               "could", "may", "might", "applied", "apply", "application", "candidate", "candidates", "invitation",
               "invited", "invite", "prospective", "applicant", "observer", "observers", "priority", "remains",
               "hope", "hopes", "aspires", "aspiration", "aspirations", "path", "towards", "if", "when", "until"}


# The words that open an apposition naming partners: "ASEAN, a close partner of …", "…, long-standing partners of …"
_APPOSED_PARTNER = {"a", "an", "the", "our", "its", "long", "close", "key", "valued", "trusted", "strategic",
                    "important", "reliable", "longstanding"}


def find_partners(ctx, sentence, lowers, political, agreements) -> None:
    """Record partnerOf statements of one sentence."""
    named = list(political)
    pairs: list[tuple[str, str, float, str]] = []
    subject = subject_group(ctx, sentence, political)
    # "partnership between X and Y", "cooperation among A, B and C"
    for word in ("between", "among", "of"):
        if word not in lowers:
            continue
        i = lowers.index(word)
        if word == "of":  # "the three-way cooperation of Japan, the Philippines and the United States"
            i = next((j for j in range(1, len(lowers)) if lowers[j] == "of" and lowers[j - 1] in {
                "cooperation", "co-operation", "partnership"}), None)
            if i is None:
                continue
        if not set(lowers[max(0, i - 4):i]) & (_PARTNER | _COOP | {"cooperation", "trilateral"}):
            continue
        at = sentence.start + i
        listed = joined_after(ctx, sentence, at, named)
        keys = list(dict.fromkeys(m.key for m in listed))
        if word == "of" and len(keys) < 2:
            continue
        for a, b in combinations(keys, 2):
            pairs.append((a, b, 0.85, "partner-between"))
    # "X and Y are (strategic) partners", "A, B and C are close partners" (of the speaker's organization)
    for i, word in enumerate(lowers):
        if word not in {"partners", "partner"}:
            continue
        # the copula, possibly before a few qualifiers: "are close and valued partners"
        cop = None
        modifier = None  # "became a NATO partner", "an ASEAN dialogue partner": the organization before the noun
        j = i - 1
        while j > max(-1, i - 8):
            org = next((m for m in named if m.start <= sentence.start + j < m.end and m.form in ("name", "acronym")
                        and ctx.entity_kind(m.key) in {"organization", "grouping"}), None)
            if org is not None and modifier is None and lowers[rel(org.start, sentence) - 1:][:1] in (["a"], ["an"]):
                modifier = org
                j = rel(org.start, sentence) - 1
                continue
            if lowers[j] == "as" and j >= 2 and lowers[j - 1] == "together" and lowers[j - 2] in _WORKED:
                cop = j - 2  # "A and B have worked together as partners since 1994"
                break
            if lowers[j] in _COPULA:
                cop = j
                break
            token = ctx.doc[sentence.start + j]
            if not (lowers[j] in {"and", ",", "a", "an", "the", "most", "very", "-"} or token.is_lower or (
                    token.is_title and not any(m.start <= token.i < m.end for m in named))):
                break  # (a capitalised qualifier that names no actor: "a Dialogue Partner of ASEAN")
            j -= 1
        if cop is None:
            continue
        k = cop - 1
        while (lowers[cop] in _WORKED or lowers[cop] == "been") and k >= 0 \
                and lowers[k] in {"have", "has", "had", "long", "also", "closely"}:
            k -= 1
        if k >= 0 and lowers[k] == ",":
            k -= 1
        group = _group_ending(ctx, sentence, named, sentence.start + k + 1)
        keys = list(dict.fromkeys(m.key for m in group))
        # "… are close partners of NATO", "… is a key partner for the EU": the organization named after
        of = lowers[i + 1:i + 2] in (["of"], ["for"], ["to"])
        target = next((m.key for m in named if of and m.start in (sentence.start + i + 2, sentence.start + i + 3)
                       and m.form != "coref" and all(t.lower_ in {"the"} for t in ctx.doc[sentence.start + i + 2:m.start])),
                      None)
        if modifier is not None and target is None and not set(lowers[max(0, cop - 3):cop + 1]) & _NOT_PARTNER:
            target = modifier.key
            if not keys:  # "Viet Nam, which became a BRICS partner country"
                antecedent = relative_antecedent(ctx, sentence, lowers, [m for m in named if m.form != "coref"],
                                                  cop + 1)
                keys = [antecedent.key] if antecedent is not None else []
        if target is not None and keys:
            for key in keys:
                if key != target:
                    pairs.append((target, key, 0.8, "partner-pair-of"))
        elif len(keys) == 2:
            pairs.append((keys[0], keys[1], 0.8, "partner-pair"))
        elif len(keys) > 2 or (len(keys) == 1 and lowers[cop] in {"is", "remains"} and lowers[:1] != ["it"]
                               and group[0].form != "coref"):
            # a single actor "is an essential partner" in a speaker's words: the speaker's organization's partner
            owner = _speaker_org(ctx, sentence)
            for key in keys:
                if owner and owner != key:
                    pairs.append((owner, key, 0.7, "partner-pair"))
    # "… with Azerbaijan and Türkiye, our strategic partners": the actors apposed to "our … partners"
    for i, word in enumerate(lowers):
        if word not in {"partners", "partner"} or i < 3:
            continue
        j = i - 1
        while j > 0 and i - j <= 4 and lowers[j] not in {"our", ","} and ctx.doc[sentence.start + j].is_lower:
            j -= 1
        if lowers[j] != "our" or lowers[j - 1] != ",":
            continue
        owner = next((m.key for m in political if m.form == "coref" and m.start == sentence.start + j), None) \
            or _speaker_org(ctx, sentence) or next(iter(ctx.own_side), None)  # (a ministry's own "our")
        apposed = _group_ending(ctx, sentence, named, sentence.start + j - 1)
        for m in apposed:
            if owner and m.key != owner and m.form != "coref":
                pairs.append((owner, m.key, 0.75, "partner-apposed-ours"))
    # "NATO's partners, a group that also includes A, B", "our partners A, B", "partners such as A"
    for i, word in enumerate(lowers):
        if word != "partners":
            continue
        at = sentence.start + i
        same_clause = [m.key for m in subject if m.end <= at and not clause_between(lowers, rel(m.end, sentence), i)]
        if not same_clause and i >= 2 and "its" in lowers[max(0, i - 3):i] and subject:
            same_clause = [m.key for m in subject[:1]]  # "The Mission worked with its regional partners, A and B"
        possessor = owner_before(ctx, sentence, political, at)
        owner = possessor or same_clause or [
            m.key for m in (clause_subject(ctx, sentence, [a for a in political if a.end <= at], at) or [])]
        listed = listed_after(ctx, sentence, at, named)
        grouping = next((m for m in named if m.end == at and m.form in ("name", "acronym")
                         and ctx.entity_kind(m.key) == "grouping"), None)
        if grouping is not None and listed and rel(grouping.start, sentence) >= 1 \
                and lowers[rel(grouping.start, sentence) - 1] in {"its", "our", "their", "'s", "’s"}:
            # "Australia and its AUKUS partners, the United Kingdom and the United States": fellow members of the
            # grouping, and partners of its member named before
            holder = next((m for m in reversed(named) if m.end <= grouping.start - 1 and m.form != "coref"
                           and ctx.entity_kind(m.key) == "state"), None)
            for m in listed:
                if ctx.entity_kind(m.key) == "state":
                    ctx.state(ID + m.key, ORG + "memberOf", ID + grouping.key,
                              ctx.evidence(sentence, "member-grouping-partners", 0.7))
                    if holder is not None and holder.key != m.key:
                        pairs.append((holder.key, m.key, 0.7, "partner-listing"))
            if holder is not None:
                ctx.state(ID + holder.key, ORG + "memberOf", ID + grouping.key,
                          ctx.evidence(sentence, "member-grouping-partners", 0.7))
            continue
        if not owner and lowers[i + 1:i + 2] == ["of"]:
            # "the dialogue partners of the SCO — A, B, …": the organization after "of", then the list
            of_org = next((m for m in named if m.form != "coref" and m.start in (at + 2, at + 3)
                           and ctx.entity_kind(m.key) in {"organization", "grouping"}
                           and all(t.lower_ == "the" for t in ctx.doc[at + 2:m.start])), None)
            if of_org is not None:
                owner = [of_org.key]
                listed = listed_after(ctx, sentence, of_org.end - 1, named)
        for o in owner:
            for m in listed:
                if m.key != o:
                    pairs.append((o, m.key, 0.8, "partner-listing"))
        # "Mongolia is one of NATO's partners"
        if owner and subject and any(lowers[j:j + 2] == ["one", "of"] or (possessor and lowers[j] == "among" and lowers[
                j - 1:j] in (["is"], ["are"], ["remains"], ["remain"], ["was"], ["were"])) for j in range(max(0, i - 6), i)):
            for m in subject:
                for o in owner:
                    if m.key != o and m.end <= at:
                        pairs.append((m.key, o, 0.75, "partner-one-of"))
    # "Japan and India have built a special strategic and global partnership": the pair that builds it
    for i, word in enumerate(lowers):
        if word not in {"partnership", "alliance"} or i < 3:
            continue
        verb = next((j for j in range(i - 1, max(-1, i - 7), -1) if lowers[j] in _BUILT), None)
        if verb is None or lowers[verb + 1:verb + 2] not in (["a"], ["an"]) or not all(
                ctx.doc[sentence.start + j].is_lower or lowers[j] in {"-", ","} for j in range(verb + 2, i)):
            continue
        k = verb - 1
        while k >= 0 and lowers[k] in {"have", "has", "had", "also", "already", "long", "since"}:
            k -= 1
        group = _group_ending(ctx, sentence, named, sentence.start + k + 1)
        keys = list(dict.fromkeys(m.key for m in group))
        if len(keys) == 2 and lowers[i + 1:i + 2] != ["with"]:
            pairs.append((keys[0], keys[1], 0.75, "partner-built"))
    # "As NATO partners in the Indo-Pacific, Australia and the Republic of Korea will …"
    if lowers[:1] == ["as"] and len(lowers) > 3:
        org = next((m for m in named if m.start == sentence.start + 1 and m.form in ("name", "acronym")
                    and ctx.entity_kind(m.key) in {"organization", "grouping"}), None)
        if org is not None and lowers[rel(org.end, sentence):rel(org.end, sentence) + 1] in (["partners"], ["partner"]):
            comma = next((j for j in range(rel(org.end, sentence), min(len(lowers), rel(org.end, sentence) + 8))
                          if lowers[j] == ","), None)
            if comma is not None:
                for m in coordinated_from(ctx.doc, sentence.start + comma + 1, [a for a in named if a.form != "coref"]):
                    if m.key != org.key:
                        pairs.append((org.key, m.key, 0.8, "partner-as-partners"))
    # "Portugal, Luxembourg's partner in this format", "Colombia became NATO's first partner in Latin America",
    # "The African Union is the European Union's first partner": a possessed "partner" in apposition or after a copula
    for i, word in enumerate(lowers):
        if word not in {"partner", "partners"}:
            continue
        at = sentence.start + i
        owner = next((a for a in reversed(named) if a.form != "coref" and a.end < at and at - a.end <= 3
                      and lowers[rel(a.end, sentence)] in {"'s", "’s"}
                      and all(ctx.doc[j].is_lower for j in range(a.end + 1, at))), None)
        if owner is None:
            continue
        k = rel(owner.start, sentence) - 1
        if k >= 0 and lowers[k] == "the":
            k -= 1
        partner_of = []
        if k >= 1 and lowers[k] == ",":
            partner_of = [m for m in named if m.form != "coref" and m.end == sentence.start + k]
        elif k >= 1 and lowers[k] in {"is", "are", "became", "becomes", "remains", "remain", "was", "been"}:
            c = k - 1
            while c >= 0 and lowers[c] in {"has", "have", "had", "also", "long"}:
                c -= 1
            partner_of = _group_ending(ctx, sentence, named, sentence.start + c + 1)
        for m in partner_of:
            if m.key != owner.key and ctx.entity_kind(m.key) in POLITICAL:
                pairs.append((owner.key, m.key, 0.75, "partner-possessed"))
    # "X's partnership with Y", "their trilateral cooperation frameworks with A and with B"
    in_names = {i - sentence.start for m in sentence.mentions if m.kind in ("actor", "framework") and m.form != "coref"
                for i in range(m.start, m.end)}
    for i, word in enumerate(lowers):
        if word != "with" or not {w for j, w in enumerate(lowers[max(0, i - 4):i], max(0, i - 4))
                                  if j not in in_names} & (_PARTNER | _COOP):
            continue  # (not "the Istanbul Cooperation Initiative, together with …": a word of a name)
        if set(lowers[:i]) & {"called", "calls", "call", "urged", "urges", "urge", "demanded", "demands"}:
            continue  # "called on Iran to resume full cooperation with the IAEA": asked for, not stated
        at = sentence.start + i
        listed = joined_after(ctx, sentence, at, named, also={"with"})
        if not listed:
            continue
        owner = owner_before(ctx, sentence, political, at - 1) or _owner_with(ctx, sentence, lowers, named, i) \
            or [m.key for m in subject if m.end <= at]
        for o in owner:
            for m in listed:
                if m.key != o:
                    pairs.append((o, m.key, 0.75, "partner-with"))
    # "As a close partner, Finland has worked alongside Allies"; "As partners of NATO, A and B …"
    comma = next((j for j in range(1, min(len(lowers), 9)) if lowers[j] == ","), None)
    if lowers[:1] == ["as"] and comma is not None and set(lowers[1:comma]) & _PARTNER:
        intro = [m for m in named if m.end <= sentence.start + comma and m.form != "coref"]
        others = [m.key for m in intro]
        if not others:
            for j in range(comma + 1, len(lowers)):
                if lowers[j] in {"with", "alongside"}:
                    others = [m.key for m in joined_after(ctx, sentence, sentence.start + j, named)]
                    break
        for m in subject:
            for o in others:
                if m.key != o:
                    pairs.append((m.key, o, 0.7, "partner-as-partner"))
    # "Japan and Australia agreed to deepen their special strategic partnership": the subject's own partnership
    if len({m.key for m in subject}) >= 2:
        for i, word in enumerate(lowers):
            if (word in {"their", "its"} or (word in {"a", "an"} and lowers[i - 1:i] == ["in"])) \
                    and i > rel(subject[-1].end, sentence) \
                    and set(lowers[i + 1:i + 5]) & {"partnership", "partnerships", "cooperation", "co-operation",
                                                     "alliance"} \
                    and not set(lowers[i + 1:i + 5]) & {"with", ",", ";", "and"}:
                keys = list(dict.fromkeys(m.key for m in subject))
                for a, b in combinations(keys, 2):
                    pairs.append((a, b, 0.75, "partner-their-partnership"))
                break
    # "NATO and the Global Coalition will keep working side by side"; "Japan and the ROK will go on working closely
    # with each other and with the United States"
    if len({m.key for m in subject}) >= 2 and any(lowers[j:j + 3] == ["side", "by", "side"] or lowers[j:j + 4] == [
            "closely", "with", "each", "other"] for j in range(len(lowers))):
        keys = list(dict.fromkeys(m.key for m in subject))
        others = []
        for j in range(len(lowers) - 3):
            if lowers[j:j + 3] == ["and", "with", "the"] or lowers[j:j + 2] == ["and", "with"]:
                others += [m.key for m in joined_after(ctx, sentence, sentence.start + j + 1, named)]
        for a, b in combinations(list(dict.fromkeys(keys + others)), 2):
            pairs.append((a, b, 0.7, "partner-side-by-side"))
    # "Together with A, B and C, our partner countries show …": the partners of "our". (Reading every "Together with
    # A and B, we …" as pairwise partnerships was dropped in 0.11: 15 right and 6 wrong on the development set, but
    # 0 right and 19 wrong on the held-out set.)
    if lowers[:2] == ["together", "with"]:
        listed = coordinated_from(ctx.doc, sentence.start + 2, [m for m in named if m.form != "coref"])
        last_and = next((j for j, m in enumerate(listed) if j and ctx.lowers[m.start - 1] == "and"), None)
        if last_and is not None:
            listed = listed[:last_and + 1]  # "A, B and C, D …": the list ends at its "and"
        comma = rel(listed[-1].end, sentence) if listed else None
        if listed and lowers[comma:comma + 1] == [","]:
            after = [m for m in named if m.start in (sentence.start + comma + 1, sentence.start + comma + 2)]
            k = rel(after[-1].end, sentence) if after else 0
            if after and after[-1].form == "coref" and set(lowers[k:k + 2]) & _PARTNER:
                # (the partners of "our", not of each other)
                pairs += [(after[-1].key, m.key, 0.7, "partner-together-with") for m in listed
                          if m.key != after[-1].key]
    # "With the African Union, a key partner for NATO, …"; "ASEAN, a close partner of each of the three countries"
    for i in range(1, len(lowers) - 3):
        if lowers[i] not in {"partner", "partners"} or lowers[i + 1] not in {"of", "for", "to"}:
            continue
        comma = next((j for j in range(i - 1, max(-1, i - 6), -1) if lowers[j] == ","), None)
        if comma is None or lowers[comma + 1] not in _APPOSED_PARTNER or comma < 1:
            continue
        head = next((m for m in named if m.end == sentence.start + comma and m.form != "coref"), None)
        # "the European Union and Germany, long-standing partners of the Community": each of them
        heads = coordinated_before([m for m in named if m.form != "coref" and m.end <= head.end], ctx.lowers) \
            if head is not None and lowers[i] == "partners" else [head]
        after = sentence.start + i + 2
        other = next((m.key for m in named if m.start in (after, after + 1) and m.form != "coref"), None)
        if other is None and lowers[i + 2:i + 5] == ["each", "of", "the"] and i + 6 <= len(lowers) \
                and lowers[i + 5] in NUMBER_WORDS and lowers[i + 6:i + 7] in (["countries"], ["states"], ["governments"]):
            main = [k for k in ctx.main_actors if ctx.entity_kind(k) in POLITICAL]
            others = main if len(main) == NUMBER_WORDS[lowers[i + 5]] else []
        else:
            others = [other] if other else []
        if head is not None:
            for o in others:
                pairs += [(h.key, o, 0.75, "partner-apposition") for h in heads if h.key != o]
    # "We are grateful to the partners who help us carry that load, Austria, Switzerland and Ireland among them"
    for i in range(2, len(lowers) - 1):
        if lowers[i:i + 2] != ["among", "them"]:
            continue
        group = [m for m in named if m.form != "coref" and m.end <= sentence.start + i]
        if not group or group[-1].end != sentence.start + i:
            continue
        listed = coordinated_before(group, ctx.lowers)
        first = rel(listed[0].start, sentence)
        p_at = next((j for j in range(first - 1, max(-1, first - 16), -1) if lowers[j] == "partners"), None)
        owners = [m.key for m in subject if m.end <= sentence.start + (p_at or 0)] if p_at is not None else []
        for o in owners:
            for m in listed:
                if m.key != o:
                    pairs.append((o, m.key, 0.7, "partner-listing"))
    # "Korea-U.S.-Japan Foreign Ministers' Meeting", "the Japan-China-ROK Trilateral Summit": a trilateral format
    for i, word in enumerate(lowers):
        if word not in {"meeting", "summit", "dialogue", "talks"} or i < 4:
            continue
        k = i - 1
        while k >= 0 and not lowers[k] in {"-", "–"} and i - k <= 4:
            k -= 1
        joined = [m for m in named if m.form != "coref" and ctx.entity_kind(m.key) == "state"
                  and m.end <= sentence.start + i and m.start >= sentence.start + max(0, k - 8)]
        chain = []
        for m in joined:
            if not chain or lowers[rel(chain[-1].end, sentence):rel(m.start, sentence)] in (["-"], ["–"]):
                chain.append(m)
            else:
                chain = [m]
        keys = list(dict.fromkeys(m.key for m in chain))
        if len(keys) >= 3 or (len(keys) == 2 and "trilateral" in lowers[max(0, i - 5):i]):
            for a, b in combinations(keys, 2):
                pairs.append((a, b, 0.7, "partner-trilateral-format"))
    # "our partnership" in a text about an agreement between two parties
    keys = list(dict.fromkeys(a.key for a in named))
    if not pairs and len(keys) <= 1 and set(lowers) & {"our", "your"} and set(lowers) & _PARTNER:
        for agreement, _ in agreements:
            parties = [p.removeprefix(ID) for p in agreement.parties]
            if (not keys or keys[0] in parties) and len(parties) == 2:
                pairs.append((parties[0], parties[1], 0.6, "partner-our-partnership"))
                break
    for a, b, confidence, rule in pairs:
        # a body is a partner on its organization's behalf: "the Foreign Affairs Council concluded partnerships with
        # North Macedonia and Albania", "the North Atlantic Council approved a programme with Kazakhstan"
        a, b = ctx.organization_of(a), ctx.organization_of(b)
        if a == b or ctx.entity_kind(a) not in POLITICAL or ctx.entity_kind(b) not in POLITICAL:
            continue
        a, b = sorted((a, b))
        ctx.state(ID + a, PACT + "partnerOf", ID + b, ctx.evidence(sentence, rule, confidence))


_BRING = {"bring", "brings", "brought", "bringing", "groups", "unites", "unite", "united"}


def _owner_with(ctx, sentence, lowers, named, i: int) -> list[str]:
    """Who has the partnership before "with" at ``i``: "the strategic partnership Canada has with ASEAN", "the DPRK
    and its growing military cooperation with Russia" (the actor "its" stands for)."""
    at = sentence.start + i
    if i >= 2 and lowers[i - 1] in {"has", "have", "had", "maintains", "maintain"}:
        actor = next((m for m in named if m.end == at - 1 and m.form != "coref"), None)
        if actor is not None:
            return [actor.key]
    k = next((j for j in range(i - 1, max(-1, i - 5), -1) if lowers[j] in {"its", "their"}), None)
    if k is not None and not any(m.start == sentence.start + k for m in named):
        before = [m for m in named if m.end <= sentence.start + k and m.form != "coref"]
        if before and sentence.start + k - before[-1].end <= 3:
            return [before[-1].key]  # "the DPRK and its growing military cooperation with Russia"
    return []


_CONTINUE_OPENINGS = [("they", "are"), ("they", "include"), ("these", "are"), ("these", "include"),
                      ("among", "them", "are"), ("they", "comprise"), ("the", "others", "are")]
_CONTINUE_ENDINGS = [("one", "of", "them"), ("are", "others"), ("is", "another"), ("are", "among", "them"),
                     ("is", "among", "them"), ("are", "two", "others"), ("are", "also", "partners")]


def partners_across_sentences(ctx) -> None:
    """A list of partners continued in the next sentences.

    "ASEAN's Dialogue Partners remain essential … They are A, B and C."; "We work with
    partners who share our interests. Japan is one of them … A, B and C are others."
    The owner is the possessor of "partners" (or the subject of its sentence); the
    continuation must follow within two sentences and open or end with a phrase that
    refers back to them.
    """
    owner: list[str] = []
    origin = None
    for sentence in ctx.sentences:
        lowers = ctx.lowers[sentence.start:sentence.end]
        if not owner and "partners" not in lowers:
            continue
        political = ctx.actors_in(sentence)
        named = [m for m in political if m.form != "coref"]
        listed: list[Mention] = []
        if owner and origin is not None and sentence.index - origin.index <= 2:
            for opening in _CONTINUE_OPENINGS:
                n = len(opening)
                if tuple(lowers[:n]) == opening:
                    listed = joined_after(ctx, sentence, sentence.start + n - 1, named)
                    break
            if not listed:
                words = [w for w in lowers if w not in {".", ":", ";", ","}]
                for ending in _CONTINUE_ENDINGS:
                    n = len(ending)
                    at = next((j for j in range(len(lowers) - n + 1) if tuple(lowers[j:j + n]) == ending), None)
                    if at is None or (ending[0] != "one" and tuple(words[-n:]) != ending):
                        continue
                    verb = at if ending[0] != "one" else at - 1
                    if verb >= 1 and lowers[verb] in {"is", "are"}:
                        listed = _group_ending(ctx, sentence, named, sentence.start + verb)
                    break
        for m in listed:
            for o in owner:
                if m.key != o and ctx.entity_kind(m.key) in POLITICAL:
                    a, b = sorted((o, m.key))
                    ev = ctx.evidence(sentence, "partner-list-continued", 0.7, origin.char_start, sentence.char_end)
                    ctx.state(ID + a, PACT + "partnerOf", ID + b, ev)
        if "partners" in lowers and not listed:
            at = sentence.start + lowers.index("partners")
            found = owner_before(ctx, sentence, political, at)
            if not found:
                found = [m.key for m in subject_group(ctx, sentence, political) if m.end <= at]
            if found:
                owner, origin = list(dict.fromkeys(found)), sentence
                continue
        if origin is not None and sentence.index - origin.index >= 2:
            owner, origin = [], None




def partners_counted(ctx) -> None:
    """ "New Zealand, Australia, Japan and the Republic of Korea … our four Indo-Pacific partners": a counted
    group of partners that refers back to a list of exactly that many states (in its sentence or the one before)."""
    doc = ctx.doc
    for sentence in ctx.sentences:
        lowers = ctx.lowers[sentence.start:sentence.end]
        if "partners" not in lowers:
            continue
        for i, word in enumerate(lowers):
            if word != "partners":
                continue
            k = i - 1
            while k >= 0 and i - k <= 4 and lowers[k] not in NUMBER_WORDS:
                k -= 1
            if k < 1 or lowers[k] not in NUMBER_WORDS or not all(doc[sentence.start + j].text[:1].isupper()
                                                             or doc[sentence.start + j].text in {"-", "–"}
                                                             for j in range(k + 1, i)):
                continue
            n = NUMBER_WORDS[lowers[k]]
            at = sentence.start + k - 1
            owner = [m.key for m in sentence.mentions if m.kind == "actor" and m.start <= at < m.end]
            if not owner:
                continue
            scope = [ctx.sentences[sentence.index - 1]] if sentence.index else []
            groups = []
            for sent in scope + [sentence]:
                states = [m for m in ctx.actors_in(sent, {"state"}, coref=False) if m.end <= at]
                group: list[Mention] = []
                for m in states:
                    if group and all(t.lower_ in {",", "and", "the"} for t in doc[group[-1].end:m.start]):
                        group.append(m)
                    else:
                        if len(group) == n:
                            groups.append((sent, group))
                        group = [m]
                if len(group) == n:
                    groups.append((sent, group))
            if len(groups) != 1:
                continue
            origin, group = groups[0]
            for o in owner:
                for m in group:
                    if m.key != o:
                        a, b = sorted((o, m.key))
                        ev = ctx.evidence(sentence, "partner-counted", 0.65, origin.char_start, sentence.char_end)
                        ctx.state(ID + a, PACT + "partnerOf", ID + b, ev)


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


def partners_by_body(ctx) -> None:
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


# Agreements that end a conflict, host a deployment or admit a member: their parties are not partners for that ("the
# peace agreement that the DRC and Rwanda signed", "the status-of-forces agreement between the United Nations and the
# Government", "the Accession Protocol").
_NOT_PARTNERING = re.compile(r"\bpeace (agreement|accord|deal|treaty)|\bagreement for (a |lasting )?peace|\bpeace$|"
                             r"cease-?fire|cessation of hostilities|armistice|disengagement|normali[sz]ation|"
                             r"status[- ]of[- ]forces|peaceful settlement|for peace and|reconciliation|"
                             r"revitali[sz]ed agreement|political agreement|conduct of parties|"
                             r"\bstatus of the\b|\baccession\b")


def partners_by_agreement(ctx, agreements) -> None:
    """An agreement of two or three parties (not a treaty of accession, a peace agreement or one hosting a mission)
    makes each two of its parties partners."""
    for agreement, _ in agreements:
        if not 2 <= len(agreement.parties) <= 3:
            # (in the development set's gold, 89% of the pairs of a two-party agreement's parties are partners, 69% of
            # a three-party one's, 35% of a four-party one's and 3% of the signatories of larger treaties)
            continue
        name = agreement.name.lower()
        if _NOT_PARTNERING.search(name):
            continue
        keys = sorted(p.removeprefix(ID) for p in agreement.parties)
        groupings = [g.removeprefix(ID) for g in agreement.groupings]
        for a, b in [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]]:
            if "mission" in {ctx.entity_kind(a), ctx.entity_kind(b)} or "org/united-nations" in {a, b} \
                    or _belongs(ctx, a, b) or _belongs(ctx, b, a) \
                    or any(_belongs(ctx, a, g) and _belongs(ctx, b, g) for g in groupings):
                continue  # (the UN's memoranda with the states that send it troops; a grouping and one of its
                # members; two members of the grouping that concluded it, written as its members)
            party = ctx.statements.get((agreement.iri, PACT + "party", ID + a))
            if party is None or not party.evidence or _chosen_by_model(ctx, agreement.iri, a, b):
                continue
            ev = party.evidence[0]
            ctx.state(ID + a, PACT + "partnerOf", ID + b, type(ev)(ev.start, ev.end, ev.quote, "partner-by-agreement",
                                                                   0.7, ev.speaker))


def _chosen_by_model(ctx, agreement: str, *parties: str) -> bool:
    """Whether the agreement model alone made one of ``parties`` a party of ``agreement``."""
    for key in parties:
        party = ctx.statements.get((agreement, PACT + "party", ID + key))
        if party is not None and all(e.rule == "agreement-party-model" for e in party.evidence):
            return True
    return False


def _belongs(ctx, part: str, whole: str) -> bool:
    """Whether ``part`` is a member of ``whole`` in the register, or one of its bodies."""
    register = ctx.gazetteer.register
    entity = register.entities.get(part)
    return (entity is not None and entity.parent == whole) or part in register.members_of(whole)


def find_members(ctx, sentence, lowers, political) -> None:
    """Record org:memberOf statements of one sentence."""
    doc = ctx.doc
    # a leading "It" that stands for a state counts ("It joined the Alliance's partners across the globe in 2018")
    states = [a for a in political if ctx.entity_kind(a.key) == "state"
              and (a.form != "coref" or (doc[a.start].lower_ in {"it", "we"} and a.start <= sentence.start + 3
                                         and a.confidence >= 0.5)
                   or (doc[a.start].lower_ in {"both", "the"} and a.end - a.start >= 2
                       and (a.start == sentence.start or doc[a.start + 1].lower_ in {"two", "three", "four"}))
                   or (a.end - a.start == 1 and doc[a.start].lower_ == "both")  # "…, and both are members of"
                   or (a.end - a.start >= 2 and doc[a.start].lower_ in {"all", "each", "the", "our", "we"}
                       and ("of" in {t.lower_ for t in doc[a.start:a.end]} or doc[a.start].lower_ in {"our", "we"})))]
    # ("all eight of our countries have been NATO Allies", "we all sit in the Council of the Baltic Sea States")
    orgs = [a for a in sentence.mentions if a.kind in ("actor", "framework")
            and (a.form != "coref" or (a.end - a.start == 2 and doc[a.start].lower_ in {"our", "the"}
                                       and doc[a.start + 1].is_title))  # "our Alliance", "the Community"
            and ctx.entity_kind(a.key) in {"organization", "grouping", "framework", "body"}]
    if not states:
        return
    found: list[tuple[Mention, Mention, str]] = _founders(ctx, sentence, lowers, states)
    found += _home_members(ctx, sentence, lowers, states)
    if not orgs:
        _record_members(ctx, sentence, found)
        return
    # words of a framework's own name ("partners across the globe") do not deny membership of it
    in_names = {i - sentence.start for a in orgs if ctx.entity_kind(a.key) == "framework" for i in range(a.start, a.end)}
    outside = {w for j, w in enumerate(lowers) if j not in in_names}
    negated = bool(outside & _NOT_MEMBER)
    # a partner of a partnership framework takes part in it: "one of NATO's partners in the Mediterranean Dialogue"
    negated_framework = bool(outside & (_NOT_MEMBER - {"partner", "partners"}))
    subject = [m for m in subject_group(ctx, sentence, political) if ctx.entity_kind(m.key) == "state"]
    members_of: list[Mention] = []  # organizations found as "member of" targets, for "and of the …"
    who: list[Mention] = []
    for org in orgs:
        o_start, o_end = rel(org.start, sentence), rel(org.end, sentence)
        before = lowers[max(0, o_start - 6):o_start]
        if before[-2:] == ["-", "led"] and o_start >= 3:  # "a member of the UK-led Joint Expeditionary Force"
            before = lowers[max(0, o_start - 9):o_start - 3]
        if before[-2:] in (["both", "the"], ["either", "the"]) or before[-1:] in (["both"], ["either"]):
            before = [w for w in before if w not in {"both", "either"}]  # "as members of both the EU and NATO"
        # "…, a group that also includes A, B and C" (a framework or grouping and its members)
        after = lowers[o_end:o_end + 10]
        if ("includes" in after or "include" in after or "comprises" in after) and "." not in after:
            k = org.end + after.index(next(w for w in after if w in {"includes", "include", "comprises"})) + 1
            found += [(s, org, "member-group-includes") for s in coordinated_from(doc, k, states)]
        # "the member states of the GCC, namely the United Arab Emirates, …"
        if ctx.entity_kind(org.key) in {"organization", "grouping"} and before[-3:] in (
                ["member", "states", "of"], ["member", "countries", "of"], ["members", "of", "the"],
                ["states", "of", "the"], ["countries", "of", "the"]) and set(before) & {"member", "members"}:
            for s in listed_after(ctx, sentence, org.end - 1, states):
                found.append((s, org, "member-states-listing"))
        # "ECOWAS Member States such as Ghana and Senegal", "the EU member states, including France"
        if ctx.entity_kind(org.key) in {"organization", "grouping"} and after[:1] in (["member"], ["members"]) \
                and not set(before[-2:]) & {"non", "not", "-", "future", "prospective", "candidate"}:
            noun = 1 if after[:1] == ["members"] else 2
            if after[0] == "members" or after[1:2] in (["states"], ["countries"]):
                for s in listed_after(ctx, sentence, org.end + noun - 1, states):
                    found.append((s, org, "member-states-listing"))
        # "Mongolia is one of NATO's partners across the globe"
        if ctx.entity_kind(org.key) in {"framework", "grouping"} and subject and (
                "one" in lowers[:o_start] or "among" in lowers[:o_start]):
            j = lowers.index("one") if "one" in lowers[:o_start] else lowers.index("among") - 1
            # "one of NATO's partners across the globe", "is among NATO's partners across the globe"
            if j + 1 < len(lowers) and lowers[j + 1] in {"of", "among"} and j < o_start <= j + 9 \
                    and not {",", ";"} & set(lowers[j:o_start]) \
                    and not (negated_framework if ctx.entity_kind(org.key) == "framework" else negated):
                for s in subject:
                    found.append((s, org, "member-one-of"))
        # "Mauritania and Jordan, partners in the Mediterranean Dialogue", "Qatar is a partner in the ICI"
        if ctx.entity_kind(org.key) == "framework" and not negated_framework:
            k = o_start - (1 if o_start >= 1 and lowers[o_start - 1] == "the" else 0)
            if k >= 2 and lowers[k - 1] in {"in", "of"} and lowers[k - 2] in {"partner", "partners", "participant",
                                                                               "participants"}:
                p_at = sentence.start + k - 2
                named = [s for s in states if s.end <= p_at and s.form != "coref"]
                group = []
                if named and lowers[rel(named[-1].end, sentence):k - 2] == [","]:
                    group = [named[-1]]  # apposition: "A and B, partners in the …"
                    for s in reversed(named[:-1]):
                        if all(t.lower_ in {",", "and", "the"} for t in doc[s.end:group[0].start]):
                            group.insert(0, s)
                        else:
                            break
                elif subject:
                    group = [s for s in subject if s.end <= p_at]
                for s in group:
                    found.append((s, org, "member-partner-in-framework"))
                owner = ctx.gazetteer.register.entities[org.key].parent
                if owner and ctx.entity_kind(owner) in POLITICAL - {"state"}:
                    for s in group:
                        ctx.state(ID + s.key, PACT + "partnerOf", ID + owner,
                                  ctx.evidence(sentence, "partner-in-framework", 0.75 * min(s.confidence, 1.0)))
        # "as (a founding) member(s) of NATO and the EU"; "France's active role as a member of IORA"
        chained = bool(members_of) and all(t.lower_ in {",", "and", "of", "the"} for t in doc[members_of[-1].end:org.start])
        member_noun = set(before) & {"member", "members"} or ("participating" in before and set(before) & {
            "state", "states"})  # "a participating State of the OSCE"
        if chained or ("of" in before[-2:] and member_noun and not set(before) & _NOT_MEMBER):
            members_of.append(org)
            if not chained:
                # "As a member of NATO, Germany …": the state after the phrase; not "The members of the
                # Security Council condemned the attack … from Nepal"
                after = [s for s in states if s.start > org.end and s.start - org.end <= 8] if "as" in before else []
                antecedent = relative_antecedent(ctx, sentence, lowers, states, o_start)
                if antecedent is not None:  # "Indonesia, which took its place as a full member of BRICS in …"
                    after = [antecedent]
                if "as" in before and not after:  # "As members of the OAS, the two countries will …"
                    comma = next((j for j in range(org.end, min(sentence.end, org.end + 4)) if doc[j].text == ","), None)
                    after = [m for m in ctx.actors_in(sentence, {"state"}) if comma is not None
                             and m.form == "coref" and m.start in (comma + 1, comma + 2)]
                same_clause = [m for m in subject if not clause_between(lowers, rel(m.end, sentence), o_start)]
                who = _possessor_before(ctx, sentence, political, org.start) or same_clause or after[:1]
            for s in who:
                found.append((s, org, "member-as-member-of"))
            continue
        # "Poland and Lithuania, as Allies", "the two remaining Allies, Türkiye and Hungary"
        if doc[org.end - 1].lower_ in {"allies", "ally"}:
            if org.end < sentence.end and doc[org.end].text == ",":
                found += [(s, org, "member-allies") for s in coordinated_from(doc, org.end + 1, states)]
            if org.end < sentence.end and doc[org.end - 1].is_title:
                # "NATO Allies Norway and Denmark": the Allies named right after the word
                named_after = coordinated_from(doc, org.end, states)
                if named_after and named_after[0].start == org.end:
                    found += [(s, org, "member-allies") for s in named_after]
            if o_start >= 1 and lowers[o_start - 1] == "as" and subject and not negated:
                for s in subject:
                    found.append((s, org, "member-allies"))
            # "Poland is a model Ally", "Norway and Denmark are founding Allies", "Sweden has since become an
            # Ally", "Finland and Sweden, which were partners for decades, have since become Allies"
            verb = _copula_before(ctx, sentence, lowers, o_start)
            if verb is not None and not set(lowers[verb:o_start]) & {"not", "never", "no", "non", "former"}:
                who = verb_subject(ctx, sentence, lowers, states, verb)
                found += [(s, org, "member-allies") for s in who]
            continue
        # "the G7 Foreign Ministers of Canada, France, …"
        if ctx.entity_kind(org.key) == "grouping":
            j = o_end
            while j < len(lowers) and j < o_end + 4 and lowers[j] != "of":
                j += 1
            if j < len(lowers) and lowers[j] == "of" and all(doc[sentence.start + x].is_title for x in range(o_end, j)):
                found += [(s, org, "member-of-grouping") for s in coordinated_from(doc, sentence.start + j + 1, states)]
        # "Norway takes part in the Joint Expeditionary Force", "Both countries … and take part in PESCO"
        k = o_start - (1 if lowers[o_start - 1:o_start] == ["the"] else 0)  # the organization's name, past "the"
        verb = k - 3 if lowers[k - 2:k] == ["part", "in"] and k >= 3 and lowers[k - 3] in TAKE else \
            k - 2 if k >= 2 and lowers[k - 2:k] in (["participates", "in"], ["participate", "in"]) else None
        if verb is not None and ctx.entity_kind(org.key) in {"grouping", "framework", "organization"} and not negated \
                and not _name_as_modifier(doc, org.end, sentence.end):
            # (not "took part in the ARF meeting", "in the EU's missions", "in the NATO-led Kosovo Force")
            who = verb_subject(ctx, sentence, lowers, states, verb)
            if not who and lowers[verb - 1:verb] == ["and"]:
                who = [s for s in subject if s.end < sentence.start + verb
                       and not {";", ","} & set(lowers[rel(s.end, sentence):verb])]
            found += [(s, org, "member-takes-part") for s in who]
        # "Finland attended its first summit as a full member, having joined the Alliance on 4 April"
        if k >= 3 and lowers[k - 3:k] in _JOINING and not negated:
            found += [(s, org, "member-trigger") for s in subject if s.end < sentence.start + k - 2]
        possessive = org.end < sentence.end and doc[org.end].text in {"'s", "’s"}  # "joined NATO's partners"
        for state in states:
            if org.start > state.end and not possessive:
                gap = lowers[rel(state.end, sentence):o_start]
                skip = 0
                if gap[:1] == [","] and gap[1:2] in (["a"], ["an"], ["which"], ["who"]) and "," in gap[1:]:
                    # "Finland, a member of the European Union since 1995, joined NATO": past the apposition
                    skip = gap.index(",", 1) + 1
                    gap = gap[skip:]
                lead = set(lowers[:rel(state.start, sentence)][-3:])
                if lead & {"admitted", "admit", "admits", "admitting"} and gap in (
                        ["into"], ["into", "the"], ["to"], ["to", "the"]):  # "admitted Somalia into the EAC"
                    found.append((state, org, "member-trigger"))
                    continue
                if gap in ([w] for w in _LEADING) or gap in ([w, "the"] for w in _LEADING):
                    if ctx.entity_kind(org.key) in {"grouping", "organization"} and not negated:
                        found.append((state, org, "member-leads"))  # "The UK leads the Joint Expeditionary Force"
                    continue
                last = max((j for j, w in enumerate(gap) if w in _MEMBER), default=None)
                tail = gap[last + 1:] if last is not None else []
                # "joined the talks with the EU": the organization must be what is joined
                direct = all(w in {"the", "of", "in", "a", "an", "'s", "’s", "as", "its", "their", "to", "into"}
                             or not doc[state.end + skip + last + 1 + j].is_lower
                             or (w == "and" and tail[j + 1:j + 2] == ["of"])  # "member of SADC and of the AU"
                             for j, w in enumerate(tail))
                if set(gap) & _MEMBER and not set(gap) & _NOT_MEMBER and len(gap) <= 8 and direct \
                        and not lead & (_NOT_MEMBER | _PROSPECT):
                    found.append((state, org, "member-trigger"))
            elif org.end <= state.start:
                gap = lowers[o_end:rel(state.start, sentence)]
                if gap[:2] == ["accession", "of"] or (len(gap) <= 3 and set(gap) & {"member", "ally", "allies"}
                                                      and not set(gap) & {"partner", "non", "and", ","}):
                    found.append((state, org, "member-trigger"))
    found += _more_members(ctx, sentence, lowers, states, orgs, subject, found, negated)
    found += _framework_partners(ctx, sentence, lowers, states, orgs, negated_framework)
    found += _plain_memberships(ctx, sentence, lowers, states, orgs)
    found += _participants_listed(ctx, sentence, lowers, states, orgs)
    found += _gapped_members(ctx, sentence, lowers, states, found)
    # "South Africa remains a committed member of SADC and of the African Union": the organizations chained after
    found += [(s, other, rule) for s, org, rule in list(found) if rule == "member-trigger" and org.start > s.end
              for other in _chained_orgs(ctx, sentence, lowers, orgs, org)]
    _record_members(ctx, sentence, found)


def _gapped_members(ctx, sentence, lowers, states, found) -> list:
    """The states after a membership that leave its verb out: "Finland joined NATO in 2023 and Sweden in 2024"."""
    out = []
    named = [s for s in states if s.form != "coref"]
    for state, org, rule in list(found):
        if rule not in {"member-trigger", "member-founder"} or org.start < state.end:
            continue
        for other in named:
            k = rel(other.start, sentence)
            if other.start <= org.end or other.key == state.key or k < 1:
                continue
            if lowers[k - 1] in {"and", ","} and lowers[rel(other.end, sentence):rel(other.end, sentence) + 1] in (
                    ["in"], ["on"]) and not set(lowers[rel(org.end, sentence):k]) & {";", "but", "while", "which"}:
                # ("Ireland joined the Partnership for Peace on 1 December 1999, Austria in February 1995")
                out.append((other, org, rule))
    return out


_AFTER_NAME = {"and", "or", "since", "in", "on", "with", "as", "from", "until", "led", "for", "through", "which", "that",
               "where", "to", "at", "by", "during", "alongside", "together", "when", "whose", "under", "but"}


def _name_as_modifier(doc, end: int, sentence_end: int) -> bool:
    """The name ending at ``end`` modifies what follows ("the ARF meeting", "NATO-led", "European Union crisis
    management", "the EU's missions") rather than standing alone."""
    if end >= sentence_end:
        return False
    token = doc[end]
    return token.text in {"-", "'s", "’s"} or (token.is_lower and token.is_alpha and token.lower_ not in _AFTER_NAME)


_LEADING = ("leads", "led", "chairs", "chaired", "heads", "headed")
_JOINING = [[",", "having", "joined"], [",", "after", "joining"], [",", "since", "joining"], [",", "upon", "joining"]]
_COPULAS = {"is", "are", "remains", "remain", "was", "were", "became", "becomes", "become", "been"}
_BEFORE_COPULA = {"has", "have", "had", "since", "now", "already", "also", "long", "later", "then", "both", "all"}


def _copula_before(ctx, sentence, lowers, o_start: int) -> int | None:
    """Where the verb group ending just before ``o_start`` begins ("has since become an", "are founding", "have
    been"), or ``None`` when the words before are not a copula with an article and adjectives."""
    k = o_start
    while k > 0 and k > o_start - 3 and ctx.doc[sentence.start + k - 1].is_lower \
            and lowers[k - 1] not in _COPULAS | _NOT_MEMBER | {"former", "no", "of", "with", "and", "to", "for", "by",
                                                               "from", "among", "like", ","}:
        k -= 1  # "a model", "an", "founding", "close"
    if k == 0 or lowers[k - 1] not in _COPULAS:
        return None
    k -= 1
    while k > 0 and lowers[k - 1] in _BEFORE_COPULA:
        k -= 1
    return k


_MEMBER_ADJECTIVES = {"a", "an", "the", "founding", "full", "permanent", "non-permanent", "longstanding",
                      "long-standing", "active", "original", "fellow", "new", "core"}
_CHAIRING = {"chairship", "chairmanship", "chairpersonship", "presidency", "chairing"}


_LISTED_AS = {"participants", "members", "member", "participating"}
_NOT_LISTED = {";", "observer", "observers", "guest", "guests", "invited", "applicant", "applicants", "candidate",
               "candidates"}


def _participants_listed(ctx, sentence, lowers, states, orgs) -> list:
    """ "All twenty-seven ARF participants were represented: the ten ASEAN Member States, namely A, B, …, together
    with C, D, …": the states listed after a colon that follows "<organization> participants/members"."""
    out = []
    for org in orgs:
        if ctx.entity_kind(org.key) not in {"organization", "grouping", "body", "framework"}:
            continue
        k = rel(org.end, sentence)
        if lowers[k:k + 1] and lowers[k] in _LISTED_AS:
            colon = next((j for j in range(k + 1, min(len(lowers), k + 7)) if lowers[j] == ":"), None)
            if colon is None:
                continue
            stop = next((j for j in range(colon, len(lowers)) if lowers[j] in _NOT_LISTED), len(lowers))
            out += [(s, org, "member-participants-listed") for s in states if s.form not in ("coref", "adjective")
                    and sentence.start + colon < s.start < sentence.start + stop]  # (not "French Polynesia")
    return out


def _plain_memberships(ctx, sentence, lowers, states, orgs) -> list:
    """Memberships in apposition and relative clauses: "Iran, a member of BRICS", "the Czech Republic, a member of the
    European Union since 2004 and of NATO since 1999", "NATO, to which the Netherlands has belonged since 1949",
    "the OAS, of which both countries are founding members", "A, B and C founded ASEAN", "India … its BRICS
    chairship"."""
    doc = ctx.doc
    out = []
    named = [s for s in states if s.form != "coref"]
    kinds = {"organization", "grouping", "body", "framework"}
    for org in orgs:
        if ctx.entity_kind(org.key) not in kinds:
            continue
        o_start, o_end = rel(org.start, sentence), rel(org.end, sentence)
        lead = lowers[max(0, o_start - 6):o_start]
        lead = lead[:-1] if lead[-1:] == ["the"] else lead
        # "X, a (founding) member of O" and the organizations chained after it ("and of NATO since 1999")
        if lead[-2:] in (["member", "of"], ["members", "of"]):
            k = o_start - (1 if lowers[o_start - 1:o_start] == ["the"] else 0) - 2
            while k > 0 and lowers[k - 1] in _MEMBER_ADJECTIVES:
                k -= 1
            if k >= 2 and lowers[k - 1] == ",":
                state = next((s for s in named if s.end == sentence.start + k - 1), None)
                if state is not None and lowers[k:k + 1] in (["a"], ["an"]):
                    chain = [org]
                    end = o_end
                    for other in orgs:
                        if other.start < org.end + 0 or other is org:
                            continue
                        gap = lowers[end:rel(other.start, sentence)]
                        gap = [w for w in gap if not w.isdigit()]
                        if gap and gap[0] in {"since", "and"} and set(gap) <= {"since", "and", "of", "the", "in"}:
                            chain.append(other)
                            end = rel(other.end, sentence)
                        else:
                            break
                    out += [(state, o, "member-apposition") for o in chain]
        after = lowers[o_end:o_end + 8]
        # "the three African members of the Security Council, Algeria, Sierra Leone and Somalia": the members apposed
        if lead[-2:] == ["members", "of"] and after[:1] == [","]:
            listed = coordinated_from(doc, org.end + 1, [s for s in named if s.start > org.end])
            if len(listed) >= 2 and sentence.start + o_end + 1 == listed[0].start - (
                    doc[listed[0].start - 1].lower_ == "the"):
                out += [(s, org, "member-apposed-list") for s in listed]
        # "the Joint Expeditionary Force (JEF), the coalition of ten northern European nations led by the United
        # Kingdom: Denmark, Estonia, …": a grouping described, then its members after a colon
        k = o_end + (3 if lowers[o_end:o_end + 1] == ["("] else 0)
        if lowers[k:k + 1] == [","] and ":" in lowers[k:k + 16]:
            colon = k + lowers[k:k + 16].index(":")
            described = lowers[k + 1:colon]
            if described[:1] in (["the"], ["a"], ["an"]) and set(described) & {"nations", "countries", "states",
                                                                                "members"} and not set(described) & (
                    {"were", "was", "are", "is", "have", "has", "had", "met", "joined", "gathered"} |
                    {".", ";", "partners", "partner", "observers"} | _NOT_MEMBER - {"members"}):
                listed = coordinated_from(doc, sentence.start + colon + 1,
                                          [s for s in named if s.start > sentence.start + colon])
                if len(listed) >= 2:
                    out += [(s, org, "member-listed-after-colon") for s in listed]
        # "NORDEFCO, which brings together Denmark, Finland, Iceland, Norway and Sweden"
        k = o_end + (2 if after[:2] in ([",", "which"], [",", "that"]) else 0)
        if k > o_end and lowers[k:k + 2] in ([w, "together"] for w in _BRING):
            out += [(s, org, "member-brings-together") for s in coordinated_from(
                doc, sentence.start + k + 2, [s for s in named if s.start >= sentence.start + k + 2])]
        # "the Istanbul Cooperation Initiative, in which Bahrain, Kuwait, Qatar and the United Arab Emirates take part"
        if after[:3] == [",", "in", "which"]:
            listed = coordinated_from(doc, org.end + 3, [s for s in named if s.start >= org.end + 3])
            k = rel(listed[-1].end, sentence) if listed else o_end
            if listed and (lowers[k:k + 2] in (["take", "part"], ["took", "part"]) or lowers[k:k + 1] in (
                    ["participate"], ["participates"], ["participated"], ["sit"], ["sits"])):
                out += [(s, org, "member-in-which") for s in listed]
        # "NATO, to which the Netherlands has belonged since its founding"
        if after[:3] == [",", "to", "which"]:
            member = next((s for s in named if s.start in (org.end + 3, org.end + 4)), None)
            if member is not None and set(lowers[rel(member.end, sentence):rel(member.end, sentence) + 3]) & {
                    "belonged", "belongs", "belong"}:
                out.append((member, org, "member-to-which"))
        # "the OAS, of which both countries are founding members": the pair the phrase stands for; "the Council of
        # Europe, of which Armenia has been a member since January 2001"
        if after[:3] == [",", "of", "which"]:
            member = next((s for s in named if s.start in (org.end + 3, org.end + 4)), None)
            if member is not None and set(lowers[rel(member.end, sentence):rel(member.end, sentence) + 6]) & {
                    "member", "members"} and not set(after) & _NOT_MEMBER:
                out.append((member, org, "member-of-which"))
            both = next((m for m in ctx.actors_in(sentence, {"state"}) if m.form == "coref"
                         and m.start == org.end + 3), None)
            if both is not None and "members" in after[3:8] and not set(after) & _NOT_MEMBER:
                out += [(m, org, "member-of-which") for m in ctx.actors_in(sentence, {"state"})
                        if m.form == "coref" and m.start == both.start]
        # "Indonesia, Malaysia, the Philippines, Singapore and Thailand founded ASEAN in Bangkok", "Mali, Burkina Faso
        # and Niger have formed the Alliance of Sahel States"
        k = o_start - (1 if lowers[o_start - 1:o_start] == ["the"] else 0)
        if k >= 2 and lowers[k - 1] in {"founded", "formed", "established", "created"}:
            verb = k - 1 - (1 if lowers[k - 2] in {"have", "has", "had"} else 0)
            before = [s for s in named if s.end == sentence.start + verb]
            if before:
                out += [(s, org, "member-founder") for s in coordinated_before(
                    [s for s in named if s.end <= before[0].end], ctx.lowers)]
        # "Estonia, Latvia and Lithuania make up the JEF together with the United Kingdom", "Together with the UK and
        # the Netherlands, the eight of us make up the Joint Expeditionary Force"
        k = o_start - (1 if lowers[o_start - 1:o_start] == ["the"] else 0)
        verb = k - 2 if k >= 2 and lowers[k - 2:k] in (["make", "up"], ["makes", "up"], ["made", "up"]) else \
            k - 1 if k >= 1 and lowers[k - 1] in {"constitute", "constitutes", "form", "forms"} else None
        # "we all sit in the Council of the Baltic Sea States", "both sit permanently on the Security Council"
        if verb is None and k >= 2 and lowers[k - 1] in {"in", "on"}:
            j = k - 2 - (lowers[k - 2] in {"permanently", "together", "also", "still"})
            verb = j if j >= 1 and lowers[j] in {"sit", "sits", "sat"} else None
        if verb is not None and verb >= 1:
            adjacent = [s for s in states if s.end == sentence.start + verb]
            if adjacent:
                group = [s for s in states if s.start == adjacent[0].start] if adjacent[0].form == "coref" else \
                    coordinated_before([s for s in named if s.end <= adjacent[0].end], ctx.lowers)
                withs = []
                if lowers[:2] == ["together", "with"]:
                    withs = coordinated_from(doc, sentence.start + 2, [s for s in named if s.start < group[0].start])
                tail = o_end + 2 if lowers[o_end:o_end + 2] == ["together", "with"] else None
                if tail is not None:
                    withs += coordinated_from(doc, sentence.start + tail, [s for s in named if s.start >= org.end])
                out += [(s, org, "member-make-up") for s in group + withs]
        # "Denmark, Finland, Iceland, Norway and Sweden, which also work together in NORDEFCO", "the five Nordic
        # countries work together on defence through NORDEFCO": a grouping its members work in
        k = o_start - (1 if lowers[o_start - 1:o_start] == ["the"] else 0)
        w = next((j for j in range(max(0, k - 6), k) if lowers[j] in {"work", "works", "worked", "cooperate",
                                                                       "cooperates", "co-operate"}), None)
        if w is not None and lowers[k - 1:k] and lowers[k - 1] in {"in", "within", "through"} \
                and set(lowers[w + 1:k - 1]) <= {"together", "closely", "on", "defence", "defense", "security"} \
                and ctx.entity_kind(org.key) in {"grouping", "organization"}:
            v = w - (lowers[w - 1] in {"also", "already", "all"})
            if lowers[v - 2:v] in ([",", "which"], [",", "who"]):
                head = next((s for s in named if s.end == sentence.start + v - 2), None)
                group = coordinated_before([s for s in named if s.end <= head.end], ctx.lowers) if head else []
            else:
                group = verb_subject(ctx, sentence, lowers, states, v)
            out += [(s, org, "member-works-in") for s in group]
        # "Sweden became NATO's 32nd Ally", "Timor-Leste was admitted as ASEAN's eleventh member"
        if after[:1] in (["'s"], ["’s"]) and len(after) >= 2:
            k = 1
            while k < len(after) and (after[k].isdigit() or after[k][:-2].isdigit() or after[k] in ORDINALS
                                      or after[k] in {"newest", "latest", "full", "founding"}):
                k += 1
            if k < len(after) and after[k] in {"member", "ally", "member-state"} and o_start >= 2:
                subject_states = [s for s in named if s.end <= org.start and not set(
                    lowers[rel(s.end, sentence):o_start]) & ({",", ";", "and", "not", "never"} | _NOT_MEMBER)]
                if subject_states and set(lowers[rel(subject_states[-1].end, sentence):o_start]) & {
                        "became", "becomes", "become", "admitted", "joined", "is", "was", "as"}:
                    out.append((subject_states[-1], org, "member-possessed"))
        # "As an EU member state, Ireland takes part in …"
        if o_start >= 2 and lowers[:o_start] in (["as", "an"], ["as", "a"]) and after[:3] in (
                ["member", "state", ","], ["member", "country", ","]):
            first = next((s for s in named if s.start == org.end + 3), None)
            if first is not None:
                out.append((first, org, "member-as-member-of"))
        # "Switzerland, which holds the OSCE Chairpersonship this year": the state holding the organization's chair
        if after[:1] and after[0] in _CHAIRING | {"chairpersonship"} and lowers[o_start - 2:o_start] in (
                ["holds", "the"], ["held", "the"], ["hold", "the"], ["holding", "the"]):
            k = o_start - 2
            k -= 1 if lowers[k - 1:k] == ["which"] and lowers[k - 2:k - 1] == [","] else 0
            k -= 1 if lowers[k - 1:k] == [","] else 0
            holder = next((s for s in named if s.end == sentence.start + k), None)
            if holder is not None:
                out.append((holder, org, "member-chair"))
        # "Malaysia, as ASEAN Chair", "Malaysia … in its year as ASEAN Chair", "the Philippines will take over the
        # ASEAN chairmanship": the organization's name before its chair, held by the state just before
        if after[:1] and after[0] in _CHAIR_NOUNS and lowers[o_end + 1:o_end + 2] != ["to"]:
            k = o_start - (1 if lowers[o_start - 1:o_start] in (["the"], ["its"], ["their"]) else 0)
            holder = next((s for s in reversed(named) if s.end <= org.start and set(
                lowers[rel(s.end, sentence):k]) <= _CHAIR_GAP), None)
            if holder is not None and (lowers[k - 1] in {"as", "over", "assumed", "assumes", "assume", "holds", "held"}
                                       or lowers[o_start - 1] in {"its", "their"}):
                out.append((holder, org, "member-chair"))
        # "our full support to India for its BRICS chairship": the state whose chairship of the organization it is
        if after[:1] and after[0] in _CHAIRING and lowers[o_start - 1:o_start] in (["its"], ["their"]):
            holder = next((s for s in reversed(named) if s.end <= org.start - 1 and org.start - s.end <= 4), None)
            if holder is not None:
                out.append((holder, org, "member-chair"))
    return out


_MEMBER_STATE_COUNTS = {"a", "one", "two", "three", "four", "five", "six", "another", "fellow"}


def _home_members(ctx, sentence, lowers, states) -> list:
    """ "Djibouti and Uganda, two Member States whose troops serve with the mission", "Armenia, a member State that
    has not taken part …", "The following Member States were represented …: A, B and C": members of the
    organization the text speaks for, when no other is named."""
    home = ctx.home_organization
    if home is None:
        return []
    org = Mention(home, "actor", "coref", sentence.start, sentence.start, 0, 0, 0.6)
    named = [s for s in states if s.form != "coref"]
    out = []
    for i in range(1, len(lowers) - 2):
        if lowers[i] not in {"member", "fellow"} or lowers[i + 1] not in {"state", "states"} \
                or lowers[i + 2:i + 3] == ["of"]:
            continue
        k = i - (lowers[i - 1] in _MEMBER_STATE_COUNTS)
        if lowers[k - 1:k] == [","]:
            state = next((s for s in named if s.end == sentence.start + k - 1), None)
            if state is not None:
                out += [(s, org, "member-of-home-organization")
                        for s in coordinated_before([s for s in named if s.end <= state.end], ctx.lowers)]
        elif lowers[max(0, k - 2):k] == ["the", "following"] and ":" in lowers[i:]:
            colon = i + lowers[i:].index(":")
            out += [(s, org, "member-of-home-organization") for s in coordinated_from(
                ctx.doc, sentence.start + colon + 1, [s for s in named if s.start > sentence.start + colon])]
    return out


def _record_members(ctx, sentence, found) -> None:
    for state, org, rule in found:
        if ctx.entity_kind(state.key) != "state":
            continue
        ctx.state(ID + state.key, ORG + "memberOf", ID + org.key,
                  ctx.evidence(sentence, rule, 0.8 * min(state.confidence, org.confidence, 1.0)))


_PROSPECT = {"support", "supports", "supported", "backing", "backs", "for"}
_BUILT = {"built", "build", "established", "forged", "launched", "developed", "enjoy", "enjoys", "share", "shares",
          "maintain", "maintains", "maintained", "formed"}
_FOUNDED = {"founded", "established", "created", "set", "launched"}


def _founders(ctx, sentence, lowers, states) -> list:
    """ "ASEAN was established in Bangkok in 1967 by A, B and C", "It was founded … by A, B and C": the founding
    states of the organization that is the sentence's subject are its members."""
    for i in range(1, len(lowers) - 1):
        if lowers[i] not in _FOUNDED or lowers[i - 1] not in {"was", "were", "been"}:
            continue
        by = next((j for j in range(i + 1, min(len(lowers), i + 14)) if lowers[j] == "by"), None)
        if by is None:
            # "EI2 was launched on 25 June 2018, when the defence ministers of A, B and C signed a letter of intent"
            when = next((j for j in range(i + 1, min(len(lowers), i + 12)) if lowers[j] == "when"), None)
            of = next((j for j in range(when + 1, min(len(lowers), when + 6)) if lowers[j] == "of"
                       and lowers[j - 1] in {"ministers", "leaders", "governments", "representatives"}), None) \
                if when is not None else None
            by = of
        if by is None or set(lowers[i + 1:by]) & {";", "and", "which", "that"}:
            continue
        org = next((m for m in sentence.mentions if m.kind == "actor" and m.start < sentence.start + i - 1
                    and ctx.entity_kind(m.key) in {"organization", "grouping"}), None)
        if org is None and lowers[:1] == ["it"] and i <= 3:
            # "… the Organisation now has ten members. It was founded …": the organization named just before
            for earlier in reversed(ctx.sentences[max(0, sentence.index - 2):sentence.index]):
                named = [m for m in earlier.mentions if m.kind == "actor"
                         and ctx.entity_kind(m.key) in {"organization", "grouping"}]
                if named:
                    org = named[-1]
                    break
        if org is None or org.start > sentence.start + 2 and org.form == "coref":
            continue
        if any(ctx.entity_kind(m.key) in POLITICAL for m in sentence.mentions
               if m.kind == "actor" and org.end <= m.start < sentence.start + i - 1):
            continue  # another actor between: "NATO, which Norway helped to found, was …"
        named = [m for m in states if m.form != "coref"]
        out = [(s, org, "member-founder") for s in coordinated_from(ctx.doc, sentence.start + by + 1, named)]
        # "…; India and Pakistan joined it in 2017, and Iran in 2023": later members of the same organization
        for j in range(by, len(lowers) - 1):
            if lowers[j] in {"joined", "acceded"} and lowers[j + 1] in {"it", "to"}:
                before = [m for m in named if m.end <= sentence.start + j]
                if before and all(w in {"have", "has", "also", "then", "later"}
                                  for w in lowers[rel(before[-1].end, sentence):j]):
                    out += [(s, org, "member-founder") for s in coordinated_before(before, ctx.lowers)]
                for k in range(j + 2, len(lowers) - 2):
                    if lowers[k - 1:k + 1] == [",", "and"]:
                        out += [(s, org, "member-founder") for s in named if s.start == sentence.start + k + 1
                                and lowers[rel(s.end, sentence)] == "in"]
        return out
    return []


_NOT_PARTNER = {"not", "never", "no", "will", "would", "could", "should", "may", "might", "hopes", "hope", "wants",
                "seeks", "aspires", "if"}
_BELONG = {"belong", "belongs", "belonged", "joined", "join", "joins"}


def _framework_partners(ctx, sentence, lowers, states, orgs, negated) -> list:
    """A partnership framework and the partners a sentence lists for it: "the Mediterranean Dialogue has linked
    the Alliance with seven partners: A, B, …", "the Istanbul Cooperation Initiative … remains the framework for
    our partnership with A, B and C". Each takes part in the framework and is a partner of its organization."""
    frameworks = [o for o in orgs if ctx.entity_kind(o.key) == "framework"]
    if len(frameworks) != 1:
        return []
    framework = frameworks[0]
    outside = {w for j, w in enumerate(lowers) if not framework.start <= sentence.start + j < framework.end}
    if outside & {"not", "non", "never", "no", "observer", "observers", "aspirant", "aspirants", "candidate",
                  "candidates", "applicant", "applicants", "hope", "hopes", "will", "would", "future", "invite",
                  "invited", "invitation"}:
        return []
    named = [s for s in states if s.form != "coref"]
    listed: list[Mention] = []
    for i, word in enumerate(lowers):
        at = sentence.start + i
        if word == "partners" and at >= framework.end:
            listed += listed_after(ctx, sentence, at, named)
        if word in {"countries", "states", "nations"} and at >= framework.end and i >= 2 \
                and lowers[i - 2] == "with" and (lowers[i - 1].isdigit() or lowers[i - 1] in NUMBER_WORDS):
            # "we opened the Mediterranean Dialogue with five countries in the south: Egypt, Israel, …"
            listed += listed_after(ctx, sentence, at, named, colon_span=10)
        if word == "with" and i >= 1 and lowers[i - 1] in {"partnership", "partnerships", "cooperation", "dialogue"} \
                and at >= framework.end:
            listed += joined_after(ctx, sentence, at, named)
    if not listed:
        return []
    listed = list({m.key: m for m in listed}.values())
    owner = ctx.gazetteer.register.entities[framework.key].parent
    if owner and ctx.entity_kind(owner) in POLITICAL - {"state"}:
        for s in listed:
            ctx.state(ID + min(owner, s.key), PACT + "partnerOf", ID + max(owner, s.key),
                      ctx.evidence(sentence, "partner-in-framework", 0.75 * min(s.confidence, 1.0)))
    return [(s, framework, "member-framework-partners") for s in listed]


def _chained_orgs(ctx, sentence, lowers, orgs, first) -> list:
    """Organizations coordinated after ``first`` in one membership phrase: "a member of the G7 and NATO", "of the
    African Union and the East African Community", "a permanent member of the Security Council and a member of …"."""
    out, end = [], first.end
    for org in orgs:
        if org.start < end or org is first:
            continue
        gap = lowers[rel(end, sentence):rel(org.start, sentence)]
        if gap and gap[0] == "and" and set(gap) <= {"and", "the", "a", "member", "of", "permanent", "founding"}:
            out.append(org)
            end = org.end
        else:
            break
    return out


def _more_members(ctx, sentence, lowers, states, orgs, subject, found, negated) -> list:
    """Membership in plainer wording: a subject list before "belong to"/"joined"; "A and B, as members of O"
    in mid-sentence; "has taken part in" a partnership framework; chairing an organization; "Y followed" after
    "X became a member of O"; and states added with "together with" to a membership just found."""
    doc = ctx.doc
    out = []
    non_state_orgs = [o for o in orgs if ctx.entity_kind(o.key) in {"organization", "grouping", "framework"}]
    for org in orgs:
        o_start = rel(org.start, sentence)
        if org.end < sentence.end and doc[org.end].text in {"'s", "’s"}:
            continue  # "NATO's partners across the globe": the framework, not NATO
        if org not in non_state_orgs:  # a body: only "X, as a (permanent) member of the Security Council and …"
            lead = lowers[max(0, o_start - 7):o_start]
            lead = lead[:-1] if lead[-1:] == ["the"] else lead
            if not (lead[-6:-4] == [",", "as"] and lead[-2:] == ["member", "of"]):
                continue
        # "Australia, Japan, New Zealand and the Republic of Korea belong to NATO's partners across the globe"
        if subject and not negated:
            gap = lowers[rel(subject[-1].end, sentence):o_start]
            if gap and len(gap) <= 6 and set(gap) & _BELONG and not set(gap) & {",", ";", "and", "not", "never"}:
                out += [(s, org, "member-trigger") for s in subject]
        # "The President noted that Uzbekistan and Türkiye, as members of the Organization of Turkic States, …"
        lead = lowers[max(0, o_start - 7):o_start]
        if lead[-1:] == ["the"]:
            lead = lead[:-1]
        as_member = lead[-4:] == [",", "as", "members", "of"] or lead[-5:] == [",", "as", "founding", "members", "of"] \
            or lead[-5:] == [",", "as", "contracting", "parties", "to"] or lead[-4:] == [",", "as", "parties", "to"] \
            or lead[-5:] == [",", "as", "a", "member", "of"] or (lead[-6:-4] == [",", "as"] and lead[-4] == "a"
                                                                 and lead[-2:] == ["member", "of"])
        if as_member:  # also "Kenya, as a member of the African Union and the East African Community, …"
            k = o_start - 1
            while k >= 0 and lowers[k] != ",":
                k -= 1
            before = [s for s in states if s.form != "coref" and s.end <= sentence.start + k]
            both = [m for m in ctx.actors_in(sentence, {"state"}) if m.form == "coref" and m.end == sentence.start + k]
            chained = [org] + _chained_orgs(ctx, sentence, lowers, orgs, org)
            if both:  # "both countries, as founding members of Mercosur"
                out += [(s, o, "member-as-member-of") for s in both for o in chained]
            elif before and before[-1].end == sentence.start + k:
                out += [(s, o, "member-as-member-of") for s in coordinated_before(before, ctx.lowers) for o in chained]
        # "Canada's participation in the Permanent Structured Cooperation project"; "Canada will remain an active
        # member of the Ukraine Defense Contact Group"
        for s in states:
            if s.end > org.start or (s.form == "coref" and not (s.start == sentence.start and ctx.doc[s.start].lower_
                                                               in {"both", "the"})):
                continue
            gap = lowers[rel(s.end, sentence):o_start]
            if gap[:2] in (["'s", "participation"], ["’s", "participation"]) and len(gap) <= 7 \
                    and "in" in gap[-2:] and ctx.entity_kind(org.key) == "framework":
                out.append((s, org, "member-participation"))
            elif gap[-2:] in (["member", "of"], ["members", "of"]) or gap[-3:-1] in (["member", "of"], ["members", "of"]):
                verbs = gap[:-2] if gap[-2:] in (["member", "of"], ["members", "of"]) else gap[:-3]
                if 1 <= len(verbs) <= 5 and verbs[0] in {"will", "is", "are", "remains", "remain", "became", "has",
                                                          "was", "becomes"} \
                        and (verbs[0] != "will" or set(verbs) & {"remain", "continue", "stay"}) \
                        and all(w.isalpha() for w in verbs) and not set(verbs) & _NOT_MEMBER - {"will", "remains"} \
                        and not set(verbs) & {"not", "never", "no", "observer", "candidate"}:
                    out.append((s, org, "member-trigger"))
        # "Serbia, which, like Bosnia and Herzegovina, takes part in NATO's Partnership for Peace"
        if ctx.entity_kind(org.key) == "framework":
            which = next((j for j in range(max(0, o_start - 12), o_start) if lowers[j] == "which"
                          and j >= 1 and lowers[j - 1] == ","), None)
            tail = lowers[which + 1:o_start] if which is not None else []
            if which is not None and (("part" in tail and set(tail) & {"takes", "take", "took", "taken"})
                                      or set(tail) & {"participates", "participated"}) \
                    and not set(tail) & {"not", "never", "no"}:
                head = next((s for s in states if s.end == sentence.start + which - 1 and s.form != "coref"), None)
                likes = [s for s in states if s.form != "coref" and sentence.start + which < s.start < org.start
                         and "like" in lowers[which:rel(s.start, sentence)]]
                out += [(s, org, "member-takes-part") for s in ([head] if head else []) + likes]
        # "Uzbekistan has taken part in NATO's Partnership for Peace programme since 1994"
        # ("…, and both take part in PESCO": a "both" of its own clause before the subject's)
        both = [s for s in states if s.form == "coref" and s.end - s.start == 1 and s.end <= org.start
                and s.start > (subject[-1].end if subject else sentence.start) and doc[s.start].lower_ == "both"]
        takers = both or subject
        if ctx.entity_kind(org.key) == "framework" and takers and not negated:
            gap = lowers[rel(takers[-1].end, sentence):o_start]
            if len(gap) <= 6 and (("part" in gap and set(gap) & {"took", "taken", "take", "takes", "taking"})
                                  or set(gap) & {"participates", "participated", "participate"}):
                out += [(s, org, "member-takes-part") for s in takers]
        # "the Republic of Korea's chairmanship of APEC", "Albania, which chairs the OSCE", "X as the incoming Chair of O"
        if ctx.entity_kind(org.key) in {"organization", "grouping"}:
            for s in states:
                if s.end > org.start or s.form == "coref":
                    continue
                gap = lowers[rel(s.end, sentence):o_start]
                if gap and len(gap) <= 6 and set(gap) & _CHAIR and not set(gap) & {",", ";", "and"} - {","} \
                        and (gap[0] in {"'s", "’s", "as", "holds", "chairs", "chaired", "will", "has", "took"}
                             or gap[:2] == [",", "which"]) and "of" in gap + ["of"]:
                    out.append((s, org, "member-chair"))
    # "ASEAN, of which Indonesia is a founding member"
    for org in non_state_orgs:
        k = rel(org.end, sentence)
        if lowers[k:k + 1] == [")"]:
            k += 1  # "the Intergovernmental Authority on Development (IGAD), of which Kenya is …"
        if lowers[k:k + 3] == [",", "of", "which"]:
            member = next((s for s in states if s.form != "coref" and s.start == sentence.start + k + 3), None)
            rest = lowers[k + 3 + (member.end - member.start if member else 0):k + 9] if member else []
            if member is not None and rest[:1] in (["is"], ["was"], ["became"]) and "member" in rest \
                    and not set(rest) & {"not", "no", "observer", "candidate"}:
                out.append((member, org, "member-of-which"))
    # "Türkiye and Hungary, the last two Allies still to ratify": states with the Allies in apposition
    for org in orgs:
        if doc[org.end - 1].lower_ not in {"allies", "members"} or ctx.entity_kind(org.key) == "framework":
            continue
        k = rel(org.start, sentence) - 1
        while k >= 0 and lowers[k] not in {","} and rel(org.start, sentence) - k <= 5:
            k -= 1
        if k < 1 or lowers[k] != "," or "the" not in lowers[k + 1:k + 2] or set(lowers[k:rel(org.start, sentence)]) & (
                _NOT_MEMBER - {"remains"} | {"former", "non"}):
            continue
        named = [s for s in states if s.form != "coref" and s.end == sentence.start + k]
        if named:
            earlier = [s for s in states if s.form != "coref" and s.end < named[0].start]
            out += [(s, org, "member-allies") for s in coordinated_before(earlier + named[:1], ctx.lowers)]
    # "Lithuania became a member of NATO in 2004 and joined the European Union in the same year"
    if found:
        first_state = found[0][0]
        for org in non_state_orgs:
            k = rel(org.start, sentence)
            lead = lowers[max(0, k - 4):k]
            if org.start > found[0][1].end and "and" in lead and set(lead) & {"joined", "join", "joins"} \
                    and not set(lead) & _NOT_MEMBER and not any(
                        s.start > found[0][1].end and s.end <= org.start and s.form != "coref" for s in states):
                out.append((first_state, org, "member-second-verb"))
    # "Estonia became a member of NATO in 2004, and Finland followed in 2023"
    if "followed" in lowers and found:
        at = sentence.start + lowers.index("followed")
        org = found[0][1]
        follower = next((s for s in reversed(states) if s.end <= at and at - s.end <= 6 and s.form != "coref"
                         and all(t.lower_ in {",", "our", "closest", "partner", "neighbour", "too", "also"}
                                 or t.is_lower for t in doc[s.end:at])
                         and s.key not in {f[0].key for f in found}), None)
        if follower is not None and follower.start > found[0][0].end:
            out.append((follower, org, "member-followed"))
    # "The UAE is one of four Gulf countries in the ICI, together with Bahrain, Kuwait and Qatar"
    if found or out:
        for i in range(len(lowers) - 1):
            if lowers[i] in {"together", "along"} and lowers[i + 1] == "with":
                listed = coordinated_from(doc, sentence.start + i + 2, [s for s in states if s.form != "coref"])
                org = (found or out)[0][1]
                out += [(s, org, "member-together-with") for s in listed]
    return out


def _possessor_before(ctx, sentence, political, at: int) -> list[Mention]:
    """ "France's active role as a member of …": the possessor a few words before."""
    doc = ctx.doc
    for a in reversed([a for a in political if a.end <= at and at - a.end <= 9]):
        if a.end < len(doc) and doc[a.end].text in {"'s", "’s"} and ctx.entity_kind(a.key) == "state":
            return [a]
    return []


#: Words that make a sentence worth reading for partnership or membership.
_WORKED = {"worked", "work", "works", "working", "cooperated", "stood"}
# Words that send a sentence to find_partners / find_members: the triggers of their rules.
PARTNER_WORDS = frozenset(_PARTNER | _COOP | {"among", "closely", "side"})
MEMBER_WORDS = frozenset(_MEMBER | _FOUNDED | _CHAIR | set(_LEADING) | TAKE | {
    "founded", "belonged", "belongs", "part", "participates", "participated", "participate", "allies", "ally",
    "admitted", "admit", "admits", "contracting", "formed", "make", "makes", "made", "constitute", "constitutes",
    "form", "forms", "sit", "sits", "sat", "work", "works", "worked", "cooperate", "cooperates"} | _BRING)
