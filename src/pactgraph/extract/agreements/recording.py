"""Recording agreements as statements: one cluster's agreements (one, one per partner or item, a
well-known one), their type, label, parties, date, place and signatories, and the networks of
agreements a text recounts or likens to one recorded."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from ...model import Agreement, Position
from ...namespaces import DCTERMS, ID, PACT, RDF, RDFS, XSD, slugify
from ..agreement_model import party_candidates
from ..clauses import coordinated_before, coordinated_from, subject_group
from ..context import POLITICAL, DocContext, Sentence
from .clusters import _Cluster
from .conclusion import _passive_conclusion
from .cues import (GENRES, _BARE_AFTER, _CONCLUDE, _FINITE, _GENRE_WORDS, _HEAD_ALIASES, _NOT_CONCLUDED_YET, _PLURAL_HEADS,
                   _ITEM_LINKS, _RECOUNTED_VERBS, _is_count, _is_year, _one_of, _singular)
from .dates import _date, _dates_in, _dates_of_listed
from .mentions import _AgreementMention, _plural_mention
from .parties import _as_members, _as_parents, _distributed, _each_subject, _parties, _stated_parties, _with_lists

__all__: list[str] = []


def _recorded_unconcluded(cluster: _Cluster) -> bool:
    """Whether the rules record a cluster that no mention concludes: the document itself, or an agreement (not a
    treaty) whose name joins two actors ("EU-ASEAN Work Plan")."""
    named_pair = any(len(m.actors_in_name) >= 2 and not m.not_yet for m in cluster.mentions)
    return cluster.document or (named_pair and cluster.kind != "Treaty")


def _concluded_by_model_alone(cluster: _Cluster, concluding) -> bool:
    """Whether only the agreement model's conclusions record this cluster: the rules would have left it out."""
    return bool(concluding) and all(m.scored is not None for m in concluding) and not cluster.known \
        and not _recorded_unconcluded(cluster)


def _scored_parties(ctx: DocContext, cluster: _Cluster, name: str, parties: list[str], party_sentences: dict,
                    rule: str | dict[str, str]) -> tuple[list[str], dict, dict[str, str], dict[str, float]]:
    """The parties the agreement model chooses among the candidates (see :mod:`.agreement_model`): their
    sentences, the rule of each and the model's score of those it alone chose."""
    rules = {p: rule.get(p, rule["*"]) if isinstance(rule, dict) else rule for p in parties}
    shared, candidates = party_candidates(ctx, cluster.mentions, name, cluster.kind, parties, rules,
                                          lambda key: _as_members(ctx, [key], {})[0])
    chosen = ctx.agreement_model.chosen_parties(name, shared, candidates)
    if not chosen:
        return parties, party_sentences, rule, {}
    order = {key: i for i, key in enumerate(parties)}
    keys = sorted(chosen, key=lambda key: (order.get(key, len(order)), key))
    where, scores = {}, {}
    for key in keys:
        if key in rules:
            where[key] = party_sentences.get(key, [])
        else:
            rules[key], scores[key] = "agreement-party-model", chosen[key]
            sentence = candidates[key][1]
            where[key] = [sentence] if sentence is not None else []
    return keys, where, {"*": "agreement-party-model", **{key: rules[key] for key in keys}}, scores


# words that make a protocol a treaty's or convention's own (also "the Protocol Additional to the Geneva Conventions")
_TREATY_WORDS = {"treaty", "treaties", "accession", "convention", "conventions", "charter"}


def _recorded_kind(cluster: _Cluster, name: str) -> str:
    """The class an agreement is recorded as: its genre's, but a protocol that is no treaty's or convention's own
    ("the Protocol on Inspection, Quarantine and Veterinary Requirements", "the Protocol of the joint meeting of the
    Government Delegations") is an agreement, not a treaty ("the Protocol to the North Atlantic Treaty on the
    Accession of …" is one)."""
    if cluster.kind == "Treaty" and cluster.head == "protocol" \
            and _TREATY_WORDS.isdisjoint(w.lower() for w in re.split(r"[\s–-]+", name)):
        return "Agreement"
    return cluster.kind


def _record_cluster(ctx: DocContext, cluster: _Cluster, positions,
                    earlier: list = ()) -> list[tuple[Agreement, list[int]]]:
    """The agreements one cluster of mentions records: none, one, or one per partner ("Those agreed with …")."""
    if cluster.known:
        known = ctx.gazetteer.register.agreements[cluster.known]
        if known.date and ctx.date and known.date > ctx.date.isoformat():
            return []  # signed after the text's day: "The plan for this morning was for … to sign the Pukpuk
            # Treaty" (17 September 2025) names one still to be signed (6 October)
        return [_record_known(ctx, cluster, positions)]
    concluding = [m for m in cluster.mentions if m.concluded and not m.not_yet]
    distributed = _distributed(ctx, cluster)
    if distributed:
        # "Individually Tailored Partnership Programmes … Those agreed with Japan and Korea in 2023": one each
        owner, sentence, partners = distributed
        singular = _singular_name(cluster.name)
        short = next((m.short for m in cluster.mentions if m.sentence is sentence and m.short), None)
        if short and any(m.actors_in_name for m in cluster.mentions if m.short == short):
            singular = short.removesuffix("s")  # "an RAA, following Australia and the United Kingdom", after
            # "the Agreement between Japan and the Republic of the Philippines … (RAA)": not that one's name
        written = [m.name for m in cluster.mentions if m.sentence is sentence]
        if " between " in singular.lower() and written and all(" between " not in n.lower() for n in written):
            singular = _singular_name(written[0])  # as the sentence that lists the partners
            # names them, not by the name of the pair the cluster also names ("the Reciprocal Access Agreement
            # between Japan and the Philippines … the third Tokyo has signed, after those with Canberra")
        made = [_record(ctx, cluster, [], singular, [partner, owner], {partner: [sentence], owner: [sentence]},
                        "agreement-party-distributed", (None, None, None), positions, scored=False)
                for partner in partners if partner != owner]
        # and the one the text itself reports concluded, in the singular: "The EU and North Macedonia signed a
        # Security and Defence Partnership today. The EU signed its first partnerships earlier this year: with …"
        own = [m for m in concluding if not _plural_mention(ctx, m) and m.sentence is not sentence]
        if own:
            alone = replace(cluster, mentions=own)
            parties, party_sentences, rule = _parties(ctx, alone, own)
            sides = {ID + ctx.organization_of(p) for p in parties}  # (the EEAS's is the Union's)
            if len(parties) >= 2 and not any(sides == {ID + ctx.organization_of(p.removeprefix(ID)) for p in a.parties}
                                             for a, _ in made):
                parties, party_sentences = _as_parents(ctx, parties, party_sentences)
                made.insert(0, _record(ctx, alone, own, _singular_name(cluster.name), parties, party_sentences, rule,
                                       _date(ctx, alone, own), positions))
        return made
    each = _each_subject(ctx, cluster)
    if each:
        # "Germany and France each concluded a bilateral agreement on security cooperation with Ukraine": one each
        partner, sentence, subjects = each
        name = _singular_name(cluster.name) if any(_plural_mention(ctx, m) for m in cluster.mentions) else cluster.name
        dated = _dates_of_listed(ctx, sentence, subjects)  # (each its own day, where the list gives them)
        return [_one_each(ctx, cluster, concluding, name, subject, partner, sentence,
                          dated[subject] if dated else _date(ctx, cluster, concluding), positions)
                for subject in subjects] + _theirs(ctx, cluster, concluding, subjects, positions, partner)
    days = _dated_items(ctx, cluster)
    if days:
        # "The Joint Declarations signed in Warsaw on 8 July 2016 and in Brussels on 10 July 2018": one each day
        mention, dated = days
        parties, party_sentences, rule = _parties(ctx, cluster, [mention])
        if not parties:
            return []
        parties, party_sentences = _as_parents(ctx, parties, party_sentences)
        singular = _singular_name(mention.name)
        return [_record(ctx, cluster, [mention], singular, parties, party_sentences, rule, day, positions)
                for day in dated]
    itemised = _itemised(ctx, cluster)
    if itemised:
        # "the maritime boundary agreements of 1974 and 1976", "three memoranda of understanding, on A, on B and on
        # C, were exchanged": one agreement per item, each with the parties of the whole
        mention, items, stop = itemised
        parties, party_sentences, rule = _parties(ctx, cluster, [mention])
        if not parties:
            return []
        parties, party_sentences = _as_parents(ctx, parties, party_sentences)
        singular = " ".join(map(_singular_head, ctx.doc[mention.name_start:stop].text.split()))
        return [_record(ctx, cluster, [mention], f"{singular} {item}", parties, party_sentences, rule,
                        (None, None, None) if year else _date(ctx, cluster, [mention]), positions)
                for item, year in items]
    if concluding and all(_bare_plural(ctx, m) for m in cluster.mentions):
        return []  # "India has concluded civil nuclear cooperation agreements with …" and no partners read: a bare
        # plural names no one agreement (it only names those it is concluded with one by one, above)
    if not (concluding or _recorded_unconcluded(cluster)):
        return []
    parties, party_sentences, rule = _parties(ctx, cluster, concluding)
    series = _next_of_series(ctx, cluster, concluding, rule, earlier)
    if series is not None:
        # "a first joint declaration on NATO-EU cooperation … A second joint declaration followed in Brussels in July
        # 2018": the sides of the one before it, which its own sentence does not name
        mention, previous = series
        parties = [p.removeprefix(ID) for p in previous.parties]
        return [_record(ctx, cluster, concluding, cluster.name, parties, {k: [mention.sentence] for k in parties},
                        "agreement-party-series", _date(ctx, cluster, concluding), positions, scored=False)]
    if not parties:
        return []
    parties, party_sentences = _as_parents(ctx, parties, party_sentences)
    return [_record(ctx, cluster, concluding, cluster.name, parties, party_sentences, rule,
                    _date(ctx, cluster, concluding), positions)] + _theirs(ctx, cluster, concluding, parties, positions)


_SERIES_ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def _next_of_series(ctx: DocContext, cluster: _Cluster, concluding, rule, earlier):
    """(its mention, the agreement before it) for "a second joint declaration", "the third protocol" concluded where
    the text names no side of its own (its parties would be the text's main actors or its publisher's), and an
    agreement of the same genre was recorded before it with two sides or more; else ``None``."""
    fallback = rule == "agreement-party-main-actor" or (
        isinstance(rule, dict) and "agreement-party-own-side" in rule.values())
    if not fallback or not concluding:
        return None
    lowers = ctx.lowers
    mention = concluding[0]
    if mention.name_start - 1 < mention.sentence.start or lowers[mention.name_start - 1] not in _SERIES_ORDINALS:
        return None
    previous = next((a for (a, _), head in reversed(earlier) if head == cluster.head and a.kind == cluster.kind
                     and len(a.parties) >= 2), None)
    return (mention, previous) if previous is not None else None


def _theirs(ctx: DocContext, cluster: _Cluster, concluding, parties: list[str], positions, partner: str | None = None):
    """One agreement with the same partner for each state that a sentence just after says signed "theirs" ("… to
    sign a bilateral security agreement with Ukraine. Germany and France sign theirs on 16 February"), or a clause
    after the agreement's own ("…, and Poland followed with its own on 8 July 2024"), dated by that sentence or
    clause, with the two sides it gives."""
    partner = partner or next((m.partner for m in cluster.mentions if m.partner), None)
    if partner is None or not cluster.later:
        return []
    made = []
    for sentence, keys in cluster.later:
        dates = _dates_in(ctx, sentence)
        named = [m.name_end for m in cluster.mentions if m.sentence is sentence]
        if named:  # (a clause after the agreement's own: the days after its first state)
            first = min((a.start for a in ctx.actors_in(sentence, {"state"}, coref=False)
                         if a.key in keys and a.start >= named[0]), default=sentence.end - 1)
            dates = tuple(d for d in dates if d[0] >= ctx.offset + ctx.doc[first].idx)
        dated = (dates[0][2], sentence, (dates[0][0], dates[0][1])) if dates else (None, None, None)
        made += [_one_each(ctx, cluster, concluding, cluster.name, key, partner, sentence, dated, positions)
                 for key in keys if key != partner and key not in parties]
    return made


def _one_each(ctx: DocContext, cluster: _Cluster, concluding, name: str, side: str, partner: str, sentence: Sentence,
              dated, positions) -> tuple[Agreement, list[int]]:
    """The agreement one side of a list concluded with the partner they share ("Germany and France each concluded
    …", "… sign theirs"), shown by the listing sentence, with the two sides it gives (the model adds none)."""
    return _record(ctx, cluster, concluding, name, [side, partner], {side: [sentence], partner: [sentence]},
                   "agreement-party-distributed", dated, positions, scored=False)


def _bare_plural(ctx: DocContext, mention: _AgreementMention) -> bool:
    """A kind of agreement in the plural, in lower case, right after a concluding verb with no determiner ("has
    concluded status agreements")."""
    before = ctx.lowers[max(mention.sentence.start, mention.name_start - 2):mention.name_start]
    return not mention.capitalised and _plural_mention(ctx, mention) and bool(before) and (
        before[-1] in _BARE_AFTER or (len(before) == 2 and before[0] in _BARE_AFTER and _is_count(before[1])))
    # (also "signed two agreements", whose items, if the text gives them, are read by _itemised)


def _singular_name(name: str) -> str:
    """A plural name in the singular: "Memoranda of Understanding" → "Memorandum of Understanding", "Security and
    Defence Partnerships" → "Security and Defence Partnership"."""
    words = name.split()
    if len(words) > 2 and words[0].lower() == "exchanges" and words[1] == "of":
        return words[0][:-1] + " " + " ".join(words[1:])  # "Exchanges of Letters" → "Exchange of Letters"
    heads = [_singular_head(word) for word in words]
    return " ".join(heads) if heads != words else _singular(name)


def _singular_head(word: str) -> str:
    """A plural genre noun as written, in the singular ("Memoranda" → "Memorandum", "MoUs" → "MoU"); other words
    unchanged."""
    lower = word.lower()
    if lower not in _PLURAL_HEADS:
        return word
    if lower == "mous":
        return word[:-1]
    single = _HEAD_ALIASES.get(lower) or _singular(lower)
    return single[:1].upper() + single[1:] if word[:1].isupper() else single


def _itemised(ctx: DocContext, cluster: _Cluster):
    """A plural genre followed by its items, each one agreement: years ("the maritime boundary agreements of 1974
    and 1976", each concluded in its year) or topics, when the sentence concludes them ("three further memoranda of
    understanding, on digital public infrastructure, on health and medicine, and on grant assistance, were
    exchanged", "memoranda on higher education, health and tourism"). Returns (the mention, [(item, year or None)],
    where the name to repeat for each ends) or ``None``."""
    lowers = ctx.lowers
    for mention in cluster.mentions:
        words = lowers[mention.name_start:mention.name_end]
        if mention.not_yet or _PLURAL_HEADS.isdisjoint(words):
            continue
        sentence, at = mention.sentence, mention.name_end
        if lowers[at:at + 1] == ["of"]:  # years
            years, j = [], at + 1
            while j < sentence.end and _is_year(lowers[j]):
                years.append(lowers[j])
                j += 1
                while j < sentence.end and lowers[j] in {",", "and"}:
                    j += 1
            if len(years) >= 2 and (ctx.date is None or max(map(int, years)) <= ctx.date.year):
                return mention, [(f"of {y}", y) for y in years], mention.name_end
            continue
        listed = _topic_list(ctx, mention)
        if listed and (mention.concluded or _passive_conclusion(ctx, sentence, mention.name_end - 1)):
            return mention, listed, mention.end
        items, j = [], at + (lowers[at:at + 1] in ([","], [":"]))
        if _is_count(lowers[mention.name_start - 1]):
            # "signed two protocols in Zurich on 10 October 2009, one on … and one on …": after the adjuncts (also
            # "on Monday, one on …")
            comma = next((i for i in range(at, min(sentence.end - 2, at + 14)) if lowers[i] in {",", ":"}), None)
            one = _one_of(lowers, comma + 1) if comma is not None else 0
            if one and set(lowers[comma + 1 + one:comma + 2 + one]) & _ITEM_LINKS:
                j = comma + 1 + one
            elif comma is not None and lowers[comma] == ":" and lowers[comma + 1] in _ITEM_LINKS:
                j = comma + 1  # ("three Memoranda of Understanding were signed between the two Governments: on …;")
        while j < sentence.end and lowers[j] in _ITEM_LINKS:  # topics: ", on A, on B, and on C"
            k = j + 1
            while k < sentence.end and lowers[k] not in {",", ";", "(", ")", "."} and not (
                    lowers[k] == "and" and (set(lowers[k + 1:k + 2]) & _ITEM_LINKS or _one_of(lowers, k + 1))):
                k += 1
            if k == j + 1:
                break
            items.append((ctx.doc[j:k].text, None))
            j = k
            while j < sentence.end and lowers[j] in {",", ";", "and"}:
                j += 1
            j += _one_of(lowers, j)  # (", and one on …", "and the other on …")
        if len(items) >= 2 and (mention.concluded or _passive_conclusion(ctx, sentence, j - 1)
                                or bool(set(lowers[j:min(sentence.end, j + 4)]) & _CONCLUDE)):
            link = next((k for k in range(mention.name_start + 1, mention.name_end) if lowers[k] in _ITEM_LINKS), None)
            if link is not None and not mention.capitalised:
                # the name's own topic is the first item: "memoranda of understanding on maritime cooperation, on
                # cyber and critical technology, and on competition policy"
                return mention, [(ctx.doc[link:mention.name_end].text, None)] + items, link
            return mention, items, mention.name_end
    return None


_FIRST_DAY = re.compile(r"\s*,?\s*(?:signed|adopted|concluded|agreed|issued)\s+(?:(?:in|at)\s+[A-Z][\w.'’ -]{0,30}?\s+)?"
                        r"(?:on\s+)?$")
_NEXT_DAY = re.compile(r"\s*,?\s*and\s+(?:(?:in|at)\s+[A-Z][\w.'’ -]{0,30}?\s+)?(?:on\s+)?$")


def _dated_items(ctx: DocContext, cluster: _Cluster):
    """A plural genre concluded on two or more days its phrase lists ("the Joint Declarations signed in Warsaw on 8
    July 2016 and in Brussels on 10 July 2018"): one agreement each day. Returns (the mention, [(ISO day, sentence,
    span)]) or ``None``."""
    for mention in cluster.mentions:
        if not _plural_mention(ctx, mention) or mention.not_yet or mention.name_end >= mention.sentence.end:
            continue
        sentence = mention.sentence
        at = ctx.offset + ctx.doc[mention.name_end].idx
        days = [d for d in _dates_in(ctx, sentence) if d[0] >= at]
        if len(days) < 2 or not _FIRST_DAY.match(ctx.text[at:days[0][0]]):
            continue
        listed = [days[0]]
        for day in days[1:]:
            if not _NEXT_DAY.match(ctx.text[listed[-1][1]:day[0]]):
                break
            listed.append(day)
        if len(listed) >= 2 and len({d[2] for d in listed}) == len(listed):
            return mention, [(d[2], sentence, (d[0], d[1])) for d in listed]
    return None


def _topic_list(ctx: DocContext, mention: _AgreementMention) -> list[tuple[str, None]]:
    """The topics of a plural genre in lower case, one agreement each: "memoranda on higher education, health and
    halal product assurance" gives "on higher education", "on health", "on halal product assurance"."""
    lowers = ctx.lowers
    link = mention.end
    if link >= mention.name_end or lowers[link] not in _ITEM_LINKS or mention.capitalised:
        return []
    items, start = [], link + 1
    for k in range(link + 1, mention.name_end + 1):
        if k == mention.name_end or lowers[k] in {",", "and"}:
            if k > start:
                items.append((f"{lowers[link]} {ctx.doc[start:k].text}", None))
            start = k + 1 + (lowers[k + 1:k + 2] == [lowers[link]])  # (the link said again: "on defence and on trade")
    if "," not in lowers[link:mention.name_end] and {"of", "the"} & set(lowers[link:mention.name_end]):
        return []  # ("arrangements on the safe export of grain and foodstuffs": one topic)
    return items if len(items) >= 2 else []


# plural genre nouns a text recounts a network with ("agreements were concluded with A, B and C"), and their genre
_RECOUNTED_NOUNS = {plural: (head, next(kind for phrase, kind, _ in GENRES if phrase == head)) for plural, head in {
    "agreements": "agreement", "partnerships": "partnership", "memoranda": "memorandum", "memorandums": "memorandum",
    "arrangements": "arrangement",
    "programmes": "programme", "treaties": "treaty"}.items()}  # (the genre's type as GENRES gives it)
_RECOUNTED_HEADS = {head for head, _ in _RECOUNTED_NOUNS.values()}  # ("the partnership with Japan")
_CLAUSE_BREAKS = {"while", "whereas", "but", "although", "though", ";", "which", "that"}
_RECOUNTED_STOP = _NOT_CONCLUDED_YET | {"underway", "negotiating", "exploring", "explore"}


def _planned(words: list[str]) -> bool:
    """Whether words speak of agreements still to come ("talks … are under way", "will sign", "negotiating")."""
    return bool(set(words) & _RECOUNTED_STOP) or any(a == "under" and b == "way" for a, b in zip(words, words[1:]))


def _recounted(ctx: DocContext, recorded, positions) -> list[tuple[Agreement, list[int]]]:
    """A network of agreements recounted in a story, one agreement per state named (see :func:`_recounted_in`),
    between it and the side that concluded them. The name and type are those of the genre's agreement recorded with a
    state near by (:func:`_network_model`), else the genre noun's. Nothing is recounted from a sentence that speaks of
    talks or plans."""
    done = {frozenset(a.parties) for (a, _), _ in recorded}
    out: list[tuple[Agreement, list[int]]] = []
    last_head = ""  # the genre last named, for "the first", "theirs"
    listed_before = False  # whether the sentence before named the genre in the plural ("… Partnerships with six …")
    covered = {(k, h) for (_, idx), h in recorded for k in idx}  # (sentences the recorded agreements are read from)
    for sentence in ctx.sentences:
        words = ctx.tokens_lower(sentence)
        found = [] if _planned(words) else _recounted_in(ctx, sentence, last_head, listed_before, covered)
        for head, partners, owner in found:
            owner = owner or _network_owner(ctx, recorded, head)
            if owner is None:
                continue
            owner = ctx.organization_of(owner)  # (the Union's, not the EEAS's, though the EEAS signed the first)
            model = _network_model(ctx, recorded, head, owner, sentence)
            name = _singular(model.name.split(" between ")[0]) if model else head
            kind = model.kind if model else next(v[1] for v in _RECOUNTED_NOUNS.values() if v[0] == head)
            cluster = _Cluster(kind, head, (), (), [_AgreementMention(
                sentence=sentence, start=sentence.start, end=sentence.start + 1, name_start=sentence.start,
                name_end=sentence.start + 1, kind=kind, head=head, name=name, qualifiers=(), topic=(),
                capitalised=False, concluded=True, not_yet=False, accession=False, actors_in_name=[])])
            for partner in partners:
                pair = frozenset((ID + owner, ID + partner))
                if partner == owner or pair in done:
                    continue
                done.add(pair)
                out.append(_record(ctx, cluster, [], name, [owner, partner], {owner: [sentence], partner: [sentence]},
                                   "agreement-party-recounted", (None, None, None), positions))
        plurals = [_RECOUNTED_NOUNS[w][0] for w in words if w in _RECOUNTED_NOUNS]
        heads = plurals + [h for (_, idx), h in recorded if h and sentence.index in idx]
        last_head = heads[-1] if heads else last_head
        listed_before = bool(plurals)
    return out


def _recounted_in(ctx: DocContext, sentence: Sentence, last_head: str, listed_before: bool = False,
                  covered=frozenset()) -> list[tuple[str, list[str], str | None]]:
    """The agreements a sentence recounts, as (genre head, states, the side that concluded them or ``None``):

    - "In February, agreements were concluded with Denmark, Canada and Italy, and in April with Finland", "our state
      signed agreements with the United States and with Japan", "…, as well as agreements with Lithuania and Estonia",
      "The EU signed its first partnerships earlier this year: with Moldova and with Norway in May, …" (the side: the
      subject before the verb);
    - "I signed the partnership with Japan in Tokyo, and the one with Korea in Seoul", "The partnership with Moldova,
      which we signed in Brussels, …": the genre's singular, when no agreement recorded from the sentence has it
      (``covered``: sentence index and genre head of the recorded agreements);
    - "The first was signed with Great Britain" (of the genre named last, ``last_head``), and "Moldova and Norway were
      the first" when the sentence before named the genre in the plural (``listed_before``);
    - "Japan and the Republic of Korea concluded theirs with the Union" (the side: the Union), "after Moldova signed
      its own on 21 May";
    - "… join New Zealand, the Republic of Korea and Viet Nam, whose agreements were signed in 2012, 2014 and 2019
      respectively"."""
    lowers = ctx.lowers
    states = ctx.actors_in(sentence, {"state"}, coref=False)
    found: list[tuple[str, list[str], str | None]] = []
    for k in range(sentence.start, sentence.end - 1):
        word = lowers[k]
        if word in _RECOUNTED_NOUNS:
            j = k + 1
            while j < sentence.end and lowers[j] in {"were", "have", "has", "been", "had", "also", "then"}:
                j += 1
            verb_after = j < sentence.end and lowers[j] in _RECOUNTED_VERBS
            at = j + 1 if verb_after else k + 1
            verb = next((i for i in range(k - 1, sentence.start - 1, -1) if lowers[i] in _RECOUNTED_VERBS), None)
            verb_before = verb is not None and not set(lowers[verb:k]) & _CLAUSE_BREAKS
            # (not "Korea concluded its own programme later that year, while the programmes with A and B are …")
            if verb_before and not verb_after and lowers[at:at + 1] != ["with"]:
                at = _with_after_colon(lowers, at, sentence.end)
            if at < sentence.end and lowers[at] == "with" and (verb_after or verb_before) \
                    and lowers[k - 1] not in _SIMILAR:  # ("such agreements with": see _similar_agreements)
                found.append((_RECOUNTED_NOUNS[word][0], _with_lists(ctx, sentence, at), _concluder(ctx, sentence, k)))
        elif word in _RECOUNTED_HEADS and lowers[k - 1:k] == ["the"] and lowers[k + 1] == "with" \
                and (sentence.index, word) not in covered and _concluded_around(ctx, sentence, k):
            found.append((word, _with_lists(ctx, sentence, k + 1), _concluder(ctx, sentence, k)))
        elif word == "first" and last_head and k > sentence.start and lowers[k - 1] == "the" \
                and lowers[k + 1:k + 2] in (["was"], ["were"]) and lowers[k + 2:k + 3] \
                and lowers[k + 2] in _RECOUNTED_VERBS and lowers[k + 3:k + 4] == ["with"]:
            found.append((last_head, _with_lists(ctx, sentence, k + 3), None))
        elif word == "first" and listed_before and last_head and lowers[k - 2:k] in (["were", "the"], ["was", "the"]) \
                and lowers[k + 1] in {",", ".", "in", "on", "last", "this"}:
            subjects = [m for m in states if m.end <= k - 2]
            if subjects and subjects[-1].end == k - 2:
                found.append((last_head, [m.key for m in coordinated_before(subjects, lowers)], None))
        elif word in {"theirs", "own", "one"} and k > sentence.start + 1 \
                and lowers[k - (2 if word == "own" else 1)] in _RECOUNTED_VERBS \
                and (word != "own" or lowers[k - 1] in {"its", "their"}) and lowers[k + 1] not in _GENRE_WORDS:
            verb = k - (2 if word == "own" else 1)
            owner = next((m.key for m in ctx.actors_in(sentence, POLITICAL) if m.start in (k + 2, k + 3)), None) \
                if lowers[k + 1] == "with" else None
            subjects = [m for m in states if m.end <= verb]
            # (of the genre named last: "Norway is the second to sign such a partnership, after Moldova signed its
            # own", "… to open negotiations on a Security and Defence Partnership. Norway concluded one with the Union")
            head = _genre_before(ctx, sentence, k) or (last_head if word != "one" else "")
            if head and subjects and subjects[-1].end == verb and (owner or word == "own"):
                found.append((head, [m.key for m in coordinated_before(subjects, lowers)]
                              + _elliptical(ctx, sentence, k, states), owner))
        elif word == "whose" and lowers[k + 1] in _RECOUNTED_NOUNS and k > sentence.start and lowers[k - 1] == "," \
                and set(lowers[k + 2:k + 5]) & _RECOUNTED_VERBS:
            before = [m for m in states if m.end <= k - 1]
            if before and before[-1].end == k - 1:
                found.append((_RECOUNTED_NOUNS[lowers[k + 1]][0],
                              [m.key for m in coordinated_before(before, lowers)], None))
    return found


def _elliptical(ctx: DocContext, sentence: Sentence, at: int, states) -> list[str]:
    """The states of a verbless clause closing the sentence after token ``at``, that repeats what the clause
    before said of others: "Japan and Korea concluded theirs with the Union in November, and North Macedonia and
    Albania later that month"."""
    lowers = ctx.lowers
    start = next((i for i in range(at, sentence.end - 1) if lowers[i:i + 2] == [",", "and"]), None)
    if start is None:
        return []
    group = coordinated_from(ctx.doc, start + 2, [m for m in states if m.start >= start + 2])
    if not group or set(lowers[group[-1].end:sentence.end]) & (_FINITE | _CLAUSE_BREAKS) - {"that"}:
        # ("that" of "later that month" opens no clause)
        return []
    return [m.key for m in group]


def _genre_before(ctx: DocContext, sentence: Sentence, at: int) -> str:
    """The genre noun named last before token ``at``, in its sentence or the one before ("" if none)."""
    start = ctx.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
    named = [_RECOUNTED_NOUNS.get(w, (w,))[0] for w in ctx.lowers[start:at]]
    return next((w for w in reversed(named) if w in _RECOUNTED_HEADS), "")


def _with_after_colon(lowers: list[str], at: int, end: int) -> int:
    """The "with" opening a list after a colon close by ("partnerships earlier this year: with Moldova …"), else
    ``at``."""
    colon = next((i for i in range(at, min(end, at + 7)) if lowers[i] == ":"), None)
    return colon + 1 if colon is not None and lowers[colon + 1:colon + 2] == ["with"] else at


def _concluded_around(ctx: DocContext, sentence: Sentence, k: int) -> bool:
    """Whether "the <genre> with …" at token ``k`` is the object of a concluding verb close before it ("I signed the
    partnership with Japan") or is concluded in a relative clause after its list ("the partnership with Moldova,
    which we signed in Brussels")."""
    lowers = ctx.lowers
    if any(lowers[i] in _RECOUNTED_VERBS for i in range(max(sentence.start, k - 4), k - 1)) \
            and not set(lowers[max(sentence.start, k - 4):k]) & _CLAUSE_BREAKS:
        return True
    stop = next((i for i in range(k + 2, sentence.end) if lowers[i] in {",", ";", "("}), None)
    return stop is not None and lowers[stop + 1:stop + 2] in (["which"], ["that"]) \
        and bool(set(lowers[stop + 2:stop + 5]) & _RECOUNTED_VERBS)


def _concluder(ctx: DocContext, sentence: Sentence, at: int) -> str | None:
    """The actor heading the clause that concluded the agreements at token ``at`` ("our state signed agreements with
    …": the text's own side; "President Zelenskyy signed …": his state), or ``None``."""
    lowers = ctx.lowers
    verb = next((j for j in range(at - 1, sentence.start - 1, -1) if lowers[j] in _RECOUNTED_VERBS), None)
    if verb is None:
        return None
    start = max([sentence.start] + [j + 1 for j in range(sentence.start, verb) if lowers[j] in {",", ";"}])
    actors = [m for m in ctx.actors_in(sentence, POLITICAL, coref=True)
              if start <= m.start and m.end <= verb and m.form != "adjective"]
    return ctx.organization_of(actors[-1].key) if actors else None


def _network_model(ctx: DocContext, recorded, head: str, owner: str, sentence: Sentence) -> Agreement | None:
    """The agreement a recounted one is of the kind of: one of the genre between the owner and a state named in
    this sentence or the one before ("Japan and the Philippines join New Zealand, …, whose agreements …"), else the
    last one of the genre between the owner and one other party."""
    near = {m.key for s in ctx.sentences[max(0, sentence.index - 1):sentence.index + 1]
            for m in ctx.actors_in(s, {"state"}, coref=False)}
    pairs = [a for (a, idx), h in recorded if h == head and len(a.parties) == 2 and ID + owner in a.parties
             and min(idx) <= sentence.index]
    return next((a for a in reversed(pairs) if {p.removeprefix(ID) for p in a.parties} & near), None) \
        or (pairs[-1] if pairs else None)


def _network_owner(ctx: DocContext, recorded, head: str) -> str | None:
    """The side a recounted network belongs to: the party every agreement of the genre recorded so far shares, else
    the text's own side (the organization a body speaks for)."""
    shared = None
    for (agreement, _), h in recorded:
        if h == head:
            parties = {p.removeprefix(ID) for p in agreement.parties}
            shared = parties if shared is None else shared & parties
    if shared and len(shared) == 1:
        return next(iter(shared))
    own = [ctx.organization_of(k) for k in ctx.own_side]
    return own[0] if own else None


_SIMILAR = {"similar", "such", "comparable", "equivalent", "parallel"}
_SIMILAR_HEADS = {"partnership", "partnerships", "agreement", "agreements", "arrangement", "arrangements",
                  "treaty", "treaties", "programme", "programmes", "program", "programs"}


def _similar_agreements(ctx: DocContext, recorded, positions) -> list[tuple[Agreement, list[int]]]:
    """ "The EU has similar partnerships with Norway, Moldova and Japan", "such agreements with A and B": one more
    agreement of the kind named before for each partner listed, between it and the side that had the first one
    (the publisher's, or else the organization among its parties)."""
    out = []
    done = {frozenset(a.parties) for (a, _), _ in recorded}
    for sentence in ctx.sentences:
        lowers = ctx.tokens_lower(sentence)
        for i in range(len(lowers) - 2):
            if lowers[i] not in _SIMILAR:
                continue
            n = i + 2 if lowers[i + 1] in {"a", "an"} else i + 1  # ("such a partnership")
            if n + 1 >= len(lowers) or lowers[n] not in _SIMILAR_HEADS:
                continue
            # with whom: "with A and B", or those who had one first ("with which we have such a partnership, after
            # Moldova, Norway and Japan")
            after_list = lowers[n + 1] == "after" or lowers[n + 1:n + 3] == [",", "after"]
            if lowers[n + 1] != "with" and not after_list:
                continue
            at = n + 3 if lowers[n + 1] == "," else n + 2  # (the first actor listed)
            if _planned(lowers[max(0, i - 6):i + 12]):
                continue  # ("Talks on a comparable partnership with Australia are under way")
            head = _singular(lowers[n])
            earlier = [(a, idx) for (a, idx), h in recorded
                       if h == head and len(a.parties) == 2 and min(idx) < sentence.index]
            if not earlier:
                continue
            actors = ctx.actors_in(sentence, POLITICAL, coref=False)
            after = [m.key for m in coordinated_from(ctx.doc, sentence.start + at, actors)]
            # (the last one before, or the last one with the partner named: "comparable agreements with the US")
            agreement, _ = next(((a, idx) for a, idx in reversed(earlier)
                                 if after and {ID + k for k in after} <= set(a.parties)), earlier[-1])
            parties = [p.removeprefix(ID) for p in agreement.parties]
            listed = [k for k in after if k not in parties]
            owner = next((p for p in parties if p in ctx.own_side), None) or next(
                (p for p in parties if ctx.entity_kind(p) in {"organization", "grouping"}), None)
            if not listed and after and set(after) <= set(parties) and not after_list:
                # "Our Nordic Allies Denmark, Finland and Norway have comparable agreements with the United States":
                # the same partner, and one agreement for each state heading the sentence
                owner = after[0]
                listed = [m.key for m in subject_group(ctx, sentence, actors) if m.key not in parties
                          and m.end <= sentence.start + i and m.form != "adjective" and ctx.entity_kind(m.key) == "state"]
                # (not "Allies" in "Our Nordic Allies Denmark, …")
            if owner is None or not listed:
                continue
            # (named like the first, unless its name names its parties: "agreement", not "Agreement … between A and B")
            name = _singular(lowers[n]) if agreement.name != agreement.name.split(" between ")[0] \
                else agreement.name
            cluster = _Cluster(agreement.kind, head, (), (), [_AgreementMention(
                sentence=sentence, start=sentence.start + i, end=sentence.start + n + 1,
                name_start=sentence.start + i, name_end=sentence.start + n + 1, kind=agreement.kind, head=head,
                name=name, qualifiers=(), topic=(), capitalised=False, concluded=False, not_yet=False,
                accession=False, actors_in_name=[])])
            for partner in dict.fromkeys(listed):
                if frozenset((ID + owner, ID + partner)) in done:
                    continue
                done.add(frozenset((ID + owner, ID + partner)))
                out.append(_record(ctx, cluster, [], name, [owner, partner],
                                   {owner: [sentence], partner: [sentence]}, "agreement-party-similar",
                                   (None, None, None), positions))
    return out


def _record_known(ctx: DocContext, cluster: _Cluster, positions) -> tuple[Agreement, list[int]]:
    """Record a well-known agreement a text names: its parties and date are the reference's, each shown by the
    sentences that name the agreement (and the party, where one does)."""
    known = ctx.gazetteer.register.agreements[cluster.known]
    sentences = [ctx.sentences[i] for i in dict.fromkeys(m.sentence.index for m in cluster.mentions)]
    party_sentences = {p: [s for s in sentences if any(a.key == p for a in s.mentions)] or sentences[:1]
                       for p in known.parties}
    dated = (known.date, sentences[0], None) if known.date else (None, None, None)
    return _record(ctx, cluster, [m for m in cluster.mentions if m.concluded], known.name, list(known.parties),
                   party_sentences, "agreement-party-from-reference", dated, positions, iri=ID + known.key)


def _agreement_iri(name: str, parties: list[str], year: str) -> str:
    """The IRI of an agreement found in a text: its name, its parties and its year, so that texts naming the same
    agreement meet on one node. A long name is cut before the parties and the year, which always tell two agreements
    of one long name apart (a long list of parties is written as a digest)."""
    tail = slugify(" ".join(sorted(p.rsplit("/", 1)[-1] for p in parties)) + f" {year}")
    if len(tail) > 60:
        tail = hashlib.sha256(tail.encode()).hexdigest()[:12] + (f"-{year}" if year else "")
    head = slugify(name)[:120 - len(tail) - 1].rstrip("-")
    return ID + "agreement/" + "-".join(part for part in (head, tail) if part)


def _record(ctx: DocContext, cluster: _Cluster, concluding, name: str, parties: list[str], party_sentences: dict,
            rule: str | dict[str, str], dated, positions, iri: str | None = None,
            scored: bool = True) -> tuple[Agreement, list[int]]:
    """Record one agreement's statements: type, label, parties (``rule`` is the rule behind all of them, or a dict
    of the rules of some with the others' under ``"*"``), date, place and signatories. The agreement model chooses
    the parties unless ``scored`` is false (one of a partner-by-partner series, whose two sides the text lists)."""
    date, date_sentence, date_span = dated
    parties, party_sentences, groupings = _as_members(ctx, parties, party_sentences)
    scores: dict[str, float] = {}
    if ctx.agreement_model is not None and not cluster.known and scored:
        parties, party_sentences, rule, scores = _scored_parties(ctx, cluster, name, parties, party_sentences, rule)
    if not cluster.known:
        stated = [(key, s) for key, s in _stated_parties(ctx, cluster) if key not in parties]
        if stated:  # ("Kazakhstan, Kyrgyzstan and Tajikistan are parties to both agreements")
            rule = rule if isinstance(rule, dict) else {"*": rule}
            for key, sentence in stated:
                parties.append(key)
                party_sentences[key] = [sentence]
                rule = {**rule, key: "agreement-party-stated"}
    groupings += [k for m in cluster.mentions for k in m.founds if k not in groupings]  # (its founders are members)
    # (a year without a day still tells two agreements of one name and parties apart: "the memorandum that Ghana and
    # Togo signed today replaces the one that the two ministries signed in Lomé in 2017")
    # (not a year to come: "valid until 2030", "will enter into force in 2027")
    year = (date or "")[:4] or next((m.year for m in concluding or cluster.mentions
                                     if m.year and (ctx.date is None or int(m.year) <= ctx.date.year)), "")
    iri = iri or _agreement_iri(name, parties, year)
    kind = _recorded_kind(cluster, name)
    agreement = Agreement(iri=iri, name=name, kind=kind, parties=[ID + p for p in parties], date=date,
                          groupings=[ID + g for g in groupings])
    first = cluster.mentions[0]
    named = any(m.capitalised for m in cluster.mentions)
    if _concluded_by_model_alone(cluster, concluding):
        ev = ctx.evidence(concluding[0].sentence, "agreement-conclusion-model", max(m.scored for m in concluding))
    else:
        ev = ctx.evidence(first.sentence, "agreement-genre-pattern", 0.9 if named else 0.75)
    ctx.state(iri, RDF + "type", PACT + kind, ev)
    if kind != "Agreement":
        ctx.state(iri, RDF + "type", PACT + "Agreement", ev)
    ctx.state(iri, RDFS + "label", (name, XSD + "string"), ev)
    for party in parties:
        party_rule = rule.get(party, rule["*"]) if isinstance(rule, dict) else rule
        conf = scores.get(party) or {"agreement-party-in-signing-sentence": 0.9, "agreement-party-in-name": 0.9,
                                     "agreement-party-acceding": 0.9, "agreement-party-distributed": 0.8,
                                     "agreement-party-from-reference": 0.85}.get(party_rule, 0.7)
        # (every party gets a statement: one shown by no particular sentence is shown by the agreement's first one)
        for sentence in (party_sentences.get(party) or [first.sentence])[:3]:
            ctx.state(iri, PACT + "party", ID + party, ctx.evidence(sentence, party_rule, conf))
    if date:
        dev = ctx.evidence(date_sentence, "agreement-date", 0.85, *date_span) if date_span else \
            ctx.evidence(date_sentence, "agreement-date-from-reference", 0.9) if cluster.known else \
            ctx.evidence(date_sentence, "agreement-date-from-metadata", 0.7)
        ctx.state(iri, PACT + "signingDate", (date, XSD + "date"), dev)
        ctx.state(iri, DCTERMS + "date", (date, XSD + "date"), dev)
        place = _place(ctx, concluding, date_span is None)
        if place:
            key, psent, rule_id = place
            agreement.place = ID + key
            ctx.state(iri, PACT + "signingPlace", ID + key, ctx.evidence(psent, rule_id, 0.7))
    _signatories(ctx, agreement, positions, bool(concluding) or cluster.document)
    return agreement, [m.sentence.index for m in cluster.mentions]


def _place(ctx: DocContext, concluding, from_metadata: bool):
    for mention in concluding:
        for m in mention.sentence.mentions:
            if m.kind == "place":
                return m.key, mention.sentence, "agreement-place-in-signing-sentence"
    if from_metadata and ctx.source.metadata.get("place"):
        wanted = ctx.source.metadata["place"].strip()
        for entity in ctx.gazetteer.register.entities.values():
            if entity.kind == "place" and wanted in entity.names:
                return entity.key, ctx.sentences[0], "agreement-place-from-metadata"
        key = "place/" + slugify(wanted)
        ctx.extra_places[key] = wanted
        return key, ctx.sentences[0], "agreement-place-from-metadata"
    return None


def _signatories(ctx: DocContext, agreement: Agreement, positions: list[Position], signed: bool) -> None:
    """Holders of a post in a party who sign a concluded agreement, or hold its top post."""
    if not signed:
        return
    if ctx.person_sentences is None:  # (read once per text: a long one has many agreements and many persons)
        ctx.person_sentences = {}
        for iri, start, _ in sorted(ctx.person_mentions, key=lambda p: p[1]):
            named = ctx.person_sentences.setdefault(iri, [])
            sentence = ctx.sentence_of(start)
            if not named or named[-1] is not sentence:
                named.append(sentence)
    for position in positions:
        if position.organization not in agreement.parties:
            continue
        top = not any(w in position.title for w in ("Deputy", "Assistant", "Spokes", "Vice"))
        best = None
        for sentence in ctx.person_sentences.get(position.holder, ()):
            if set(ctx.tokens_lower(sentence)) & {"sign", "signs", "signed", "signing"}:
                best = (sentence, "signatory-in-signing-sentence", 0.9)
                break
            if best is None and top:
                best = (sentence, "signatory-holder-of-party-post", 0.7)
        if best:
            ctx.state(agreement.iri, PACT + "signatory", position.holder, ctx.evidence(best[0], best[1], best[2]))
