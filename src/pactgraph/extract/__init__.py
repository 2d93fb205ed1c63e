"""Extraction: text → mentions → statements with evidence.

>>> from pactgraph.sources import source_from_text
>>> result = extract(source_from_text("Japan and NATO are dedicated to democracy.", name="demo.txt"))
>>> sorted(s.obj for s in result.statements if s.predicate.endswith("affirmsValue"))
['https://w3id.org/pactgraph/id/value/democracy', 'https://w3id.org/pactgraph/id/value/democracy']
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..model import Extraction
from ..namespaces import DCTERMS, ID, PACT, RDF, XSD
from ..sources import Source
from .agreement_model import AgreementModel, load_agreement_model
from .agreements import constituents, find_agreements
from .context import POLITICAL, DocContext
from .discourse import find_speakers, resolve_coreference
from .links import link_concepts
from .mentions import FORMER_POSTS, find_mentions, text_entities
from .pairs import PairModel, find_model_relations, load_model
from .people import find_people
from .pipeline import get_gazetteer, get_nlp
from .relations import find_relations
from .layout import for_tokens, kept_characters

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_with_context"]

#: Recorded on every source so a graph says which rules produced it.
EXTRACTOR_VERSION = "pactgraph-rules/0.32"

_SKIP_IN_WE = {"the", "of", "and", "for", "on", "in"}
# Collective nouns of a "We, the heads of state and government of the member countries of X" opening:
# they describe who speaks for X and do not end the list of speakers.
_WE_NOUNS = {"heads", "head", "state", "states", "government", "governments", "leaders", "ministers", "member",
             "members", "countries", "representatives", "participating"}
_MEMBER_NOUNS = {"member", "members", "participating"}


def extract(source: Source, *, use_model: bool = True) -> Extraction:
    """Extract entities and evidence-backed statements from ``source``.

    With ``use_model=False`` only the rules run: the relations the pair model would add (rule ``pair-model``, see
    :mod:`.pairs`) are left out, and so is the agreement model's word on agreements' conclusion and parties (see
    :mod:`.agreement_model`).
    """
    if not use_model:
        return extract_with_context(source, None)[1]
    return extract_with_context(source, load_model(), agreement_model=load_agreement_model())[1]


def extract_with_context(source: Source, model: PairModel | None, *,
                         agreement_model: AgreementModel | None = None) -> tuple[DocContext, Extraction]:
    """Extract with the pair ``model`` and the ``agreement_model`` (each left out when ``None``), and return the
    document context too: its sentences and the actor mentions after coreference, which :mod:`pactgraph.training`
    reads."""
    nlp = get_nlp()
    gazetteer = get_gazetteer()
    body = for_tokens(source.body, gazetteer.capitals)  # (a character for a character)
    kept = kept_characters(body)  # (and without the extra spaces of runs, mapped back to the source's offsets)
    doc = nlp(body if kept is None else "".join(body[i] for i in kept))
    meta = source.metadata
    publisher = text_entities(meta.get("publisher", ""), gazetteer)
    mentions = find_mentions(doc, gazetteer, source.body_start, publisher)
    if "publisher" not in meta:  # (a text saved without its header: the side it speaks for, if one stands out)
        voice = _dominant_actor(mentions, gazetteer)
        if voice is not None:
            publisher = [voice]
            mentions = find_mentions(doc, gazetteer, source.body_start, publisher)
    ctx = DocContext(source, doc, gazetteer, mentions, publisher, kept=kept)
    if source.dateline is not None:  # (the text's date, read from its dateline: a fact with its evidence)
        ctx.state(source.iri, DCTERMS + "date", (meta["date"], XSD + "date"),
                  ctx.source_evidence(*source.dateline, "source-date-from-dateline", 0.8))
    ctx.main_actors = _main_actors(ctx)
    ctx.host = _host_state(ctx)
    persons, positions, ctx.person_mentions = find_people(ctx, ctx.host)
    _main_actors_from_people(ctx)
    speeches = find_speakers(ctx, persons, positions)

    def org_of_speaker(speaker: str | None) -> str | None:
        if speaker is None:
            return None
        if not speaker.startswith(ID + "person/"):
            return speaker.removeprefix(ID)
        orgs = ctx.positions_by_person.get(speaker)
        if not orgs and len(ctx.own_side) == 1:
            return ctx.own_side[0]  # a ministry's own minister, whose post names no state ("Minister of Defence")
        return orgs[0] if orgs else None

    if ctx.host is None and meta.get("genre") == "speech":
        ctx.host = _speech_host(ctx, org_of_speaker)
    resolve_coreference(ctx, org_of_speaker, ctx.host, _we_targets(ctx))
    in_titles = {i for s, e in ctx.title_spans for i in range(s, e)}
    ctx.remove_mentions(lambda m: m.kind == "concept" and m.start in in_titles)
    ctx.agreement_model = agreement_model
    agreements = find_agreements(ctx, nlp, positions)
    find_relations(ctx, agreements)
    if model is not None:
        find_model_relations(ctx, model)
    link_concepts(ctx, agreements)
    entities = _actor_statements(ctx)
    return ctx, Extraction(
        source=source, entities=entities, persons=persons, positions=positions,
        agreements=[a for a, _ in agreements], speeches=speeches, statements=list(ctx.statements.values()),
    )


def _dominant_actor(mentions, gazetteer) -> str | None:
    """The political actor a text without a publisher names far more often than any other (half as often again
    as the next, and at least three times): the side it most likely speaks for."""
    counts = Counter(m.key for m in mentions if m.kind == "actor" and m.form in ("name", "acronym", "alias")
                     and gazetteer.register.entities.get(m.key) is not None
                     and gazetteer.register.entities[m.key].kind in POLITICAL)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]):
        return None
    return ranked[0][0]


def _main_actors(ctx: DocContext) -> list[str]:
    """The actors a text is about: "We, the …" of a joint statement, those in its title, else the most named."""
    we = _we_the(ctx)
    if len(we) >= 2 or (len(we) == 1 and ctx.entity_kind(we[0]) != "state"):
        return we
    attending = _attending(ctx)
    if attending:
        return attending
    title = ctx.source.metadata.get("title", "")
    counts = ctx.actor_counts()
    political = [k for k in counts if ctx.entity_kind(k) in POLITICAL]
    spans: dict[str, list[tuple[int, int]]] = {}
    for key in political:
        entity = ctx.gazetteer.entity(key)
        for form in entity.names + entity.acronyms + entity.adjectives:
            if form and form in title:  # (a plain substring test first: most forms are absent)
                spans.setdefault(key, []).extend(m.span() for m in _word_pattern(form).finditer(title))
    in_title = _not_inside_longer(ctx, {key: found for key, found in spans.items() if found
                                        and not _forum_only(ctx, key, title, found)})
    if ctx.sentences:
        for mention in ctx.sentences[0].mentions:
            if mention.kind == "actor" and mention.key in political and mention.key not in in_title:
                in_title.append(mention.key)
    expanded = []
    for key in in_title:
        for k in constituents(ctx, key) or [key]:
            if k not in expanded:
                expanded.append(k)
    in_title = expanded
    if len(in_title) >= 2:
        return in_title
    genre = ctx.source.metadata.get("genre", "")
    if len(in_title) == 1 and (genre.startswith("joint") or genre == "communique"):
        # the publisher of a joint text is one of its sides: the League's "Arab-India" statement is the League's
        own = next((ctx.organization_of(k) for k in ctx.own_side if ctx.organization_of(k) not in in_title), None)
        if own and ctx.entity_kind(own) in POLITICAL:
            in_title.append(own)
    ranked = sorted(political, key=lambda k: (-counts[k], k))
    for key in ranked:
        if len(in_title) >= 2:
            break
        if key not in in_title and counts[key] >= 2:
            in_title.append(key)
    if len(in_title) < 2:
        # a text that names a state only by its adjective ("the Chinese pitched tents", "the Chinese Vice Foreign
        # Minister", "the Chinese lost men"): that state, when no name is named as often
        adjectives = Counter(m.key for m in ctx.mentions("actor") if m.form == "adjective"
                             and ctx.entity_kind(m.key) == "state" and m.key not in in_title)
        in_title += [key for key, n in sorted(adjectives.items(), key=lambda kv: (-kv[1], kv[0]))
                     if n >= 2][:2 - len(in_title)]
    return in_title


_FORUM = re.compile(r"\bat (?:the )?(?:(?:[A-Z][\w'’-]*|of|the|and|on|for) )*$")


def _forum_only(ctx: DocContext, key: str, title: str, spans: list[tuple[int, int]]) -> bool:
    """Whether an organization or body is named in a speech's title only as the forum it is given at ("Statement by
    the President of Ghana at the General Debate of the Eightieth Session of the United Nations General Assembly")."""
    if ctx.entity_kind(key) == "state" \
            or ctx.source.metadata.get("genre", "") not in {"speech", "statement", "transcript"}:
        return False
    return all(_FORUM.search(title[:start]) for start, _ in spans)


def _not_inside_longer(ctx: DocContext, spans: dict[str, list[tuple[int, int]]]) -> list[str]:
    """The actors named in a title, without one whose every name there lies inside a longer name of another actor of
    its kind (the Republic of the Congo in "the Democratic Republic of the Congo")."""
    kept = []
    for key, found in spans.items():
        longer = [span for other, theirs in spans.items()
                  if other != key and ctx.entity_kind(other) == ctx.entity_kind(key) for span in theirs]
        if not all(any(s <= a and b <= e and (s, e) != (a, b) for s, e in longer) for a, b in found):
            kept.append(key)
    return kept


def _main_actors_from_people(ctx: DocContext) -> None:
    """ "President Lula held talks with President Ruto of Kenya": a text that names one side only through its
    leader's post still has two main actors, the states of the posts held by those named first."""
    if len(ctx.main_actors) >= 2 or not ctx.sentences:
        return
    opening_end = ctx.sentences[min(1, len(ctx.sentences) - 1)].end
    for _iri, start, _end in sorted(ctx.person_mentions, key=lambda p: p[1]):
        if start >= opening_end or len(ctx.main_actors) >= 2:
            break
        for key in ctx.positions_by_person.get(_iri, [])[:1]:
            if ctx.entity_kind(key) in POLITICAL and key not in ctx.main_actors:
                ctx.main_actors.append(key)


# Words of an opening that lists who met: "Ministers … of all eighteen Forum Members took part: A, B, …",
# "hosted his counterparts from A, B and C".
_ATTENDING = {"took", "attended", "participated", "counterparts", "members", "met", "gathered", "issued"}
_ATTENDING_HEADS = {"ministers", "leaders", "heads", "presidents", "government", "governments"}


def _attending(ctx: DocContext) -> list[str]:
    """The states an organization's or grouping's meeting brought together, when a communiqué or joint statement
    lists them in its first sentences: those states (and the host) are the text's main actors."""
    genre = ctx.source.metadata.get("genre", "")
    title = ctx.source.metadata.get("title", "").lower()
    if not (genre.startswith("joint") or genre in {"communique", "declaration"} or "communiqu" in title):
        return []
    from .clauses import coordinated_runs, rel

    for sentence in ctx.sentences[:7]:
        lowers = ctx.tokens_lower(sentence)
        if not set(lowers) & _ATTENDING:
            continue
        states = [m for m in ctx.actors_in(sentence, {"state"}, coref=False) if m.form != "adjective"]
        if len(states) < 3:
            continue
        listed = max(coordinated_runs(ctx.doc, states), key=len)  # the longest list of states
        if len(listed) < 3:
            continue
        at = listed[0].start
        lead = lowers[max(0, rel(at, sentence) - 3):rel(at, sentence)]
        if lead[-1:] == ["the"]:
            lead = lead[:-1]
        if not (lead[-1:] in ([":"], ["–"], ["—"]) or lead[-2:] == ["counterparts", "from"]
                or (lead[-1:] == ["of"] and lead[-2:-1] and lead[-2] in _ATTENDING_HEADS
                    and set(lowers) & {"met", "issued", "gathered"})):
            continue  # only a list that says who met ("took part: A, B, …", "the defence ministers of eleven Member
            # States – A, B, …", "The Foreign Ministers of A, B and C … have issued the following statement"), not
            # guests ("as did the leaders of …")
        head = [m for m in states if m.end <= at and "counterparts" in lowers[:rel(at, sentence)]]
        # ("…, together with the High Representative of the European Union, have issued …")
        joined = [m for m in ctx.actors_in(sentence, POLITICAL, coref=False) if m.start >= listed[-1].end
                  and ctx.entity_kind(m.key) != "state" and "together" in lowers[rel(listed[-1].end, sentence):
                                                                               rel(m.start, sentence)]]
        return ctx.bodies_as_parent(list(dict.fromkeys(m.key for m in head[:1] + listed + joined[:1])))
    return []


def _we_the(ctx: DocContext) -> list[str]:
    """ "We, the Foreign Ministers of A, B and C, and the High Representative of D, met …": A, B, C, D."""
    doc = ctx.doc
    for sentence in ctx.sentences[:6]:
        tokens = doc[sentence.start:sentence.end]
        if len(tokens) < 3 or tokens[0].lower_ != "we" or tokens[1].text != ",":
            continue
        end = sentence.end
        members = False
        for token in tokens[2:]:
            if token.is_alpha and token.is_lower and token.lower_ not in _SKIP_IN_WE \
                    and not (not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"):
                # (not "al-" in "Kamel al-Wazir")
                if token.lower_ in _WE_NOUNS:
                    members = members or token.lower_ in _MEMBER_NOUNS
                    continue
                end = token.i
                break
        keys = [m.key for m in ctx.actors_in(sentence, coref=False) if m.start < end]
        keys = list(dict.fromkeys(keys))
        if members:
            # "the member countries of the Alliance": the organization speaks, not a list of states.
            orgs = [k for k in keys if ctx.entity_kind(k) != "state"]
            if len(orgs) == 1:
                return orgs
        if any(ctx.entity_kind(k) == "state" for k in keys):
            keys = [k for k in keys if ctx.entity_kind(k) != "grouping"]
        return ctx.bodies_as_parent(keys)
    return []


# genres in which "we", without a speaker found, is the publishing state or organization (a government's release:
# "the Defence Cooperation Agreement that we concluded with the United States")
_OWN_VOICE_GENRES = {"speech", "transcript", "interview", "press-release", "press-statement"}


def _officials_in_title(ctx: DocContext) -> set[str]:
    """The states whose officials the title names ("Interview of Russian Foreign Minister Sergey Lavrov", "… with
    the Ambassador of China"; not the state a story is about, "Oral history: with ECOMOG in Sierra Leone")."""
    title = ctx.source.metadata.get("title", "")
    if not title:
        return set()
    doc, states = get_nlp().make_doc(title), set()
    for match_id, start, end in ctx.gazetteer.names(doc):
        key = ctx.gazetteer.info[match_id].key
        before = [t.lower_ for t in doc[max(0, start - 3):start]]
        if ctx.gazetteer.info[match_id].kind == "actor" and ctx.entity_kind(key) == "state" and (
                (end < len(doc) and doc[end].lower_ in FORMER_POSTS)
                or (before[-1:] == ["of"] or before[-2:] == ["of", "the"]) and set(before) & FORMER_POSTS):
            states.add(key)
    return states


def _we_own_voice(ctx: DocContext, genre: str, title: str) -> list[str] | None:
    """A speech or release whose speaker is not found: "we" is the publishing state or organization."""
    return ctx.own_side if len(ctx.own_side) == 1 and genre in _OWN_VOICE_GENRES else None


def _we_host_of_interview(ctx: DocContext, genre: str, title: str) -> list[str] | None:
    """An interview or recollection that a publisher the register lacks (a think tank's oral history, in New Delhi)
    gives from the state it is told in: "our Minister of State", "we signed" are that state's (not in an "Interview
    of Russian Foreign Minister …" given in New Delhi)."""
    if not ctx.publisher and ctx.host and genre in {"transcript", "interview"} \
            and ctx.source.metadata.get("place") and not _officials_in_title(ctx) - {ctx.host}:
        return [ctx.host]
    return None


def _we_one_government(ctx: DocContext, genre: str, title: str) -> list[str] | None:
    """A report or memorandum of one government about others ("Our defense relationship with Spain rests on …" in a
    briefing memorandum of the State Department), not a text the actors issue together (nor one the chair publishes:
    "We, the Foreign Ministers of the Member States of ASEAN, met …")."""
    if genre == "communique" and len(ctx.own_side) == 1 and ctx.entity_kind(ctx.own_side[0]) == "state" \
            and ctx.own_side[0] not in ctx.main_actors and not _we_the(ctx):
        return ctx.own_side
    return None


def _we_grouping_in_title(ctx: DocContext, genre: str, title: str) -> list[str] | None:
    """A grouping the title names: "we" of the "G7 Leaders' Statement" is the G7."""
    for key in ctx.actor_counts():
        entity = ctx.gazetteer.entity(key)
        if entity.kind == "grouping" and any(_word_in(f, title) for f in entity.names + entity.acronyms):
            return [key]
    return None


def _we_publishing_org(ctx: DocContext, genre: str, title: str) -> list[str] | None:
    """"Statement by NATO Ministers of Foreign Affairs …" published by NATO: "we" are NATO's members speaking as
    NATO; also a "Washington Summit Declaration" published by NATO, which NATO's text is about."""
    orgs = [k for k in ctx.publisher if ctx.entity_kind(k) in {"organization", "grouping", "body"}]
    if not orgs or any(ctx.entity_kind(k) == "state" for k in ctx.main_actors[:1]):
        return None
    entity = ctx.gazetteer.entity(orgs[0])
    named_in_title = any(_word_in(f, title) for f in entity.names + entity.acronyms)
    if named_in_title or (orgs[0] in ctx.main_actors and genre in {"communique", "declaration"}):
        return orgs[:1]
    return None


# Who "we" is without a speaker, case by case, first match wins: in texts one side issues (speeches, releases,
# interviews) and in texts several sides issue together (joint statements, communiqués, declarations). A text one
# side issues that no case fits gives "we" no one; a text issued together falls back on its main actors.
_WE_ONE_SIDE = (_we_own_voice, _we_host_of_interview)
_WE_TOGETHER = (_we_one_government, _we_grouping_in_title, _we_publishing_org)


def _we_targets(ctx: DocContext) -> list[str]:
    """Who "we" is without a speaker (the cases of ``_WE_ONE_SIDE`` and ``_WE_TOGETHER``)."""
    genre = ctx.source.metadata.get("genre", "")
    title = ctx.source.metadata.get("title", "")
    together = genre.startswith("joint") or genre in {"communique", "declaration"}
    for case in _WE_TOGETHER if together else _WE_ONE_SIDE:
        found = case(ctx, genre, title)
        if found is not None:
            return found
    return list(ctx.main_actors) if together else []


def _word_in(form: str, text: str) -> bool:
    """Whether ``form`` occurs in ``text`` as whole words (a plain substring test first: most forms are absent)."""
    return bool(form) and form in text and _word_pattern(form).search(text) is not None


@lru_cache(maxsize=8192)
def _word_pattern(form: str):
    import re

    return re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")


def _host_state(ctx: DocContext) -> str | None:
    """The state a speech is given in: from the header's place, else the first place named. An organization's text
    from its seat ("Brussels" in a NATO joint press point with the President of Colombia) addresses the one visiting
    state among its main actors instead."""
    register = ctx.gazetteer.register
    place = ctx.source.metadata.get("place")
    if place:
        for entity in register.entities.values():
            country = entity.key if entity.kind == "state" else entity.country if entity.kind == "place" else None
            if country and place in entity.names:
                visiting = [k for k in ctx.main_actors if ctx.entity_kind(k) == "state"]
                if ctx.own_side and country not in ctx.main_actors and len(visiting) == 1 \
                        and all(ctx.entity_kind(k) != "state" for k in ctx.own_side):
                    return visiting[0]
                return country
    for mention in ctx.mentions("place"):
        country = register.entities[mention.key].country
        if country:
            return country
    return None


def _speech_host(ctx: DocContext, org_of_speaker) -> str | None:
    """The host of a speech whose place is not in the register: the most named state other than the speaker's."""
    own = {org_of_speaker(s.speaker) for s in ctx.sentences} - {None}
    counts = ctx.actor_counts()
    states = [k for k in counts if ctx.entity_kind(k) == "state" and k not in own]
    return max(states, key=lambda k: counts[k]) if states else None


def _actor_statements(ctx: DocContext):
    """Type, label and Wikidata link of every entity the text mentions, with its first mention."""
    entities = {}
    register = ctx.gazetteer.register
    for sentence in ctx.sentences:
        for mention in sentence.mentions:
            if mention.kind in ("concept",) or mention.form == "coref" or mention.key in entities:
                continue
            entity = register.entities[mention.key]
            entities[mention.key] = entity
            from ..reference import KIND_CLASS

            ev = ctx.evidence(sentence, f"gazetteer-{mention.form}", mention.confidence)
            ctx.state(entity.iri, RDF + "type", PACT + KIND_CLASS[entity.kind], ev)
    for subject, _, obj in list(ctx.statements):
        for iri in (subject, obj):
            if isinstance(iri, str) and iri.startswith(ID):
                key = iri.removeprefix(ID)
                if key in register.entities and key not in entities:
                    entities[key] = register.entities[key]
    return entities
