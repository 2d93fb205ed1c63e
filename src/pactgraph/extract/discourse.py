"""Who speaks where: speaker blocks, captions of speeches, and light coreference.

Structure found in the genre:

* speaker lines that open a block: ``From Anders Fogh Rasmussen, NATO: …`` or
  transcript labels ``Secretary General: …``, ``Q: …``;
* captions naming a speech: ``Excerpt from speech by <title> <name> at <venue>``;
* the ``speaker`` field of the metadata header, for a whole speech, or else a
  title line ``Speech by <post> <name> at …`` opening the text.

Coreference: "we", "our", "us" refer to the speaker's organization (or, in a
joint declaration or statement, to its main actors); "your country" in a speech
refers to the host state; "both sides", "our two countries" to the main actors
("our two countries" said by one side: the speaker's actor and the other actor
of the sentence, or the host); a leading "it"/"its" to the subject of a recent
sentence, a mission included ("Launched in 2020, Irini … Its tasks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Speech
from ..namespaces import DCTERMS, ID, PACT, RDF, RDFS, XSD
from .context import DocContext
from .mentions import Mention
from .pipeline import texts_of
from .words import NUMBER_WORDS

__all__ = ["find_speakers", "resolve_coreference"]

_FROM_LINE = re.compile(r"^From (?P<who>[^:\n]{2,100}):", re.M)
_LABEL_LINE = re.compile(r"^(?P<who>(?:[A-Z][\w.’'-]*)(?: [A-Z][\w.’'-]*| of| the){0,7}|Q|A):[ \t]", re.M)
_CAPTION = re.compile(
    r"^(?:Excerpts? (?:from|of)|Video:|Extract from) (?:the )?(?P<genre>[a-z -]{3,40}?) (?:by|of) (?P<rest>[^\n]+)$",
    re.M | re.I,
)
_TITLE_LINE = re.compile(r"^(?:(?:Opening |Closing |Keynote |Welcome )?(?:speech|remarks|address|statement|lecture)"
                         r"|Keynote) (?:by|of) ", re.IGNORECASE)
_VENUE = re.compile(r"\bat (?:the )?(?P<venue>[A-Z][^,.;\n]{2,80})")


@dataclass(slots=True)
class _Block:
    start: int  # char offsets in the source text
    end: int
    speaker: str | None
    speech: Speech | None = None


def _resolve_speaker(ctx: DocContext, who: str, persons, positions) -> str | None:
    """IRI of the person or organization a speaker label names."""
    who = who.strip()
    if who in {"Q", "A", "Question", "Moderator"}:
        return None
    for person in persons.values():
        if person.name in who or (person.family_name in who.split()):
            return person.iri
    for position in positions:
        if position.title == who or who.endswith(position.title):
            return position.holder
    for mention in ctx.mentions("actor"):
        if ctx.text[mention.char_start:mention.char_end] == who:
            return ID + mention.key
    return None


def find_speakers(ctx: DocContext, persons, positions) -> list[Speech]:
    """Set ``sentence.speaker`` for every sentence and return the speeches named by captions."""
    text, base = ctx.text, ctx.offset
    body = text[base:]
    default = None
    if ctx.source.metadata.get("speaker"):
        default = _resolve_speaker(ctx, ctx.source.metadata["speaker"], persons, positions)
    elif ctx.sentences and _TITLE_LINE.match(ctx.text[ctx.sentences[0].char_start:ctx.sentences[0].char_end]):
        # "Speech by NATO Deputy Secretary General Mircea Geoană at …" heading a text with no speaker field
        first = ctx.sentences[0]
        default = next((pid for pid, ps, _ in ctx.person_mentions if first.start <= ps < first.end), None)
    starts: list[tuple[int, str | None]] = []
    for match in _FROM_LINE.finditer(body):
        who = match.group("who")
        speaker = None
        for part in [who] + [p.strip() for p in who.split(",")]:
            speaker = _resolve_speaker(ctx, part, persons, positions)
            if speaker:
                break
        starts.append((base + match.start(), speaker))
    if not starts:
        for match in _LABEL_LINE.finditer(body):
            who = match.group("who")
            starts.append((base + match.start(), _resolve_speaker(ctx, who, persons, positions)))
    captions = list(_CAPTION.finditer(body))
    # Blocks end at the next speaker line or caption line.
    cuts = sorted({s for s, _ in starts} | {base + c.start() for c in captions} | {len(text)})
    blocks = []
    for start, speaker in starts:
        end = next(c for c in cuts if c > start)
        while end > start and text[end - 1].isspace():
            end -= 1
        blocks.append(_Block(start, end, speaker))
    for sentence in ctx.sentences:
        sentence.speaker = default
        for block in blocks:
            if block.start <= sentence.char_start < block.end:
                sentence.speaker = block.speaker
    speeches = []
    for n, caption in enumerate(captions, start=1):
        cap_start = base + caption.start()
        line_speaker = None
        for sentence in ctx.sentences:
            if sentence.char_start <= cap_start < sentence.char_end or cap_start <= sentence.char_start < base + caption.end():
                for pid, ps, pe in getattr(ctx, "person_mentions", []):
                    if sentence.start <= ps < sentence.end:
                        line_speaker = pid
                        break
        if line_speaker is None:
            line_speaker = _resolve_speaker(ctx, caption.group("rest"), persons, positions)
        # The caption names the block after it when the speakers agree, else the
        # nearest earlier block by the same speaker that has no caption yet.
        after = [b for b in blocks if b.start >= cap_start]
        before = [b for b in blocks if b.end <= cap_start and b.speech is None]
        target = None
        if after and after[0].speaker == line_speaker and after[0].speech is None:
            target = after[0]
        else:
            target = next((b for b in reversed(before) if b.speaker == line_speaker), None)
        if target is None or line_speaker is None:
            continue
        venue = _VENUE.search(caption.group("rest"))
        genre = caption.group("genre").strip().lower()
        speech = Speech(
            iri=f"{ID}speech/{ctx.source.slug}-{n}", speaker=line_speaker, genre=genre,
            label=caption.group(0).strip(), start=ctx.source_offset(target.start),
            end=ctx.source_offset(target.end - 1) + 1 if target.end > target.start else ctx.source_offset(target.end),
            venue=venue.group("venue").strip() if venue else None,
        )
        target.speech = speech
        speeches.append(speech)
        cap_sentence = next(s for s in ctx.sentences if s.char_start <= cap_start < s.char_end + 1)
        ev = ctx.evidence(cap_sentence, "speech-caption", 0.9, base + caption.start(), base + caption.end())
        ctx.state(speech.iri, RDF + "type", PACT + "Speech", ev)
        ctx.state(speech.iri, RDFS + "label", (speech.label, XSD + "string"), ev)
        ctx.state(speech.iri, PACT + "speaker", speech.speaker, ev)
        ctx.state(speech.iri, DCTERMS + "type", (genre, XSD + "string"), ev)
        ctx.state(speech.iri, DCTERMS + "isPartOf", ctx.source.iri, ev)
        ctx.state(speech.iri, PACT + "charStart", (str(speech.start), XSD + "integer"), ev)
        ctx.state(speech.iri, PACT + "charEnd", (str(speech.end), XSD + "integer"), ev)
        if speech.venue:
            ctx.state(speech.iri, PACT + "venue", (speech.venue, XSD + "string"), ev)
    return speeches


_WE = {"we", "our", "us", "ours", "ourselves"}
_SIGNED_BY_ME = {"signed", "sign", "concluded", "initialled", "initialed", "ratified"}
_BOTH = [("both", "sides"), ("both", "countries"), ("our", "two", "countries"), ("our", "two", "nations"),
         ("their", "two", "countries"), ("both", "parties"), ("the", "two", "sides"), ("the", "two", "countries"),
         ("both", "partners"), ("the", "two", "leaders"), ("both", "leaders"), ("the", "two", "ministers"),
         ("both", "ministers"), ("the", "two", "organisations"), ("the", "two", "organizations"),
         ("both", "organisations"), ("both", "organizations"), ("our", "two", "organisations"),
         ("our", "two", "organizations"), ("the", "two", "governments"), ("both", "governments"),
         ("our", "two", "governments"),
         ("both", "of", "our", "countries"), ("both", "our", "countries"), ("both", "nations"),
         ("the", "two", "nations"), ("the", "two", "presidents"), ("both", "presidents"),
         ("the", "two", "prime", "ministers"), ("both", "prime", "ministers"), ("the", "two", "foreign", "ministers"),
         ("the", "two", "defence", "ministers"), ("the", "two", "defense", "ministers"),
         # the two sides' services: "the training memorandum between the two navies"
         ("the", "two", "navies"), ("both", "navies"), ("the", "two", "armies"), ("both", "armies"),
         ("the", "two", "coast", "guards"), ("the", "two", "armed", "forces"), ("the", "two", "air", "forces"),
         ("the", "two", "police", "forces"),
         # said by one side of its own and the other's leaders: "our two Presidents issued a joint statement"
         ("our", "two", "presidents"), ("our", "two", "leaders"), ("our", "two", "prime", "ministers"),
         ("our", "two", "ministers"), ("our", "two", "foreign", "ministers"), ("our", "two", "defence", "ministers"),
         ("our", "two", "defense", "ministers")]
# "both" alone as a subject: "Both are members of the EU", "…, and both take part in PESCO"
_BOTH_VERBS = {"are", "were", "have", "has", "had", "take", "took", "sit", "belong", "belonged", "joined", "serve",
               "served", "remain", "also", "became", "contribute", "contributed"}
_YOUR = [("your", "country"), ("your", "nation"), ("your", "government"), ("your", "people")]
_MISSION_REFS = [("the", "operation"), ("the", "mission"), ("the", "force")]
_IT_LEAD = {"and", "but", "yet", "so"}


def resolve_coreference(ctx: DocContext, org_of_speaker, host_state: str | None, we_targets: list[str]) -> None:
    """Add ``coref`` mentions for we/our, "your country", "both sides", "the operation" and a leading "it".

    ``we_targets`` are the actors "we" stands for when no speaker is known (the parties of
    a joint statement).
    """
    from .clauses import subject_group

    mission_key = ctx.main_mission()
    table = []
    for phrases, targets, confidence in ((_BOTH, ctx.main_actors, 0.7),
                                         (_YOUR, [host_state] if host_state else [], 0.7),
                                         (_MISSION_REFS, [mission_key] if mission_key else [], 0.6)):
        if targets:
            table += [(phrase, targets, confidence) for phrase in phrases]
    by_first: dict[str, list] = {}
    for phrase, targets, confidence in table:
        by_first.setdefault(phrase[0], []).append((phrase, targets, confidence))
    all_lowers = ctx.lowers
    texts = texts_of(ctx.doc)
    government = _home_state(ctx, host_state)
    last_subject: list[str] = []
    since = 0
    for sentence in ctx.sentences:
        start, end = sentence.start, sentence.end
        lowers = all_lowers[start:end]
        added: list[Mention] = []
        covered = {i - start for m in sentence.mentions if m.kind == "actor" for i in range(m.start, m.end)}
        for i, word in enumerate(lowers):
            for phrase, targets, confidence in by_first.get(word, ()):
                n = len(phrase)
                if tuple(lowers[i:i + n]) == phrase and not covered.intersection(range(i, i + n)):
                    if phrase[0] == "our" and phrase in _BOTH:
                        speaker_org = org_of_speaker(sentence.speaker) or ctx.publisher_state()  # (a ministry's)
                        if phrase[-1] in {"presidents", "leaders", "ministers"}:
                            # "our two Presidents issued a joint statement that made our relationship with the
                            # United States …": the speaker's side and the one other state of the sentence, else
                            # read elsewhere
                            others = {m.key for m in sentence.mentions if m.kind == "actor" and m.form != "coref"
                                      and ctx.entity_kind(m.key) == "state" and m.key != speaker_org}
                            if not speaker_org or len(others) != 1:
                                continue
                            targets = [speaker_org, others.pop()]
                        else:
                            targets = _our_two(ctx, sentence, speaker_org, host_state) or targets
                    elif phrase in _BOTH and phrase[-1] in {"sides", "parties", "countries", "states", "nations"} \
                            and phrase[0] != "their" and (not set(lowers[i + n:i + n + 3]) & _REPORTING
                                                          or len(targets) != 2):
                        # (two main actors "noted" or "agreed" as both sides; three cannot be "both")
                        targets = _recent_pair(ctx, sentence, start + i) or ctx.section_pair(sentence) or targets
                    elif phrase in _BOTH and phrase[0] != "our" and phrase[-1] not in _PEOPLE_NOUNS \
                            and phrase[-1] not in {"organisations", "organizations"}:
                        # ("During the visit the two navies concluded …" in a report's paragraph on one partner)
                        targets = ctx.section_pair(sentence) or targets
                    elif phrase in _BOTH and phrase[-1] in _PEOPLE_NOUNS:
                        # "the two Ministers" in a readout of several meetings: the two just named
                        targets = _recent_pair(ctx, sentence, start + i, people=True) or ctx.section_pair(sentence) \
                            or targets
                    if phrase in _BOTH and phrase[-1] in {"countries", "nations"}:
                        # "the two countries" are states: not NATO, a main actor of a New Zealand debate on it
                        states = [k for k in targets if ctx.entity_kind(k) == "state"]
                        if len(states) > 2 and phrase[-2] == "two":
                            # "the two countries" in a text of three main actors: the pair named just before
                            states = _recent_pair(ctx, sentence, start + i, main_too=True)
                        targets = states if len(states) >= 2 else (
                            [k for k in _recent_pair(ctx, sentence, start + i) if ctx.entity_kind(k) == "state"]
                            if phrase[0] != "our" else states)
                    elif phrase in _MISSION_REFS:
                        # "the mission": the one named last, in this or the three sentences before (a briefing
                        # that goes over several missions), else the text's main mission
                        recent = ctx.recent_mission(sentence, start + i)
                        targets = [recent] if recent else targets
                    for key in targets:
                        added.append(_coref(ctx, start + i, start + i + n, key, confidence))
                    covered.update(range(i, i + n))
            if word == "both" and i not in covered and lowers[i + 1:i + 2] and lowers[i + 1] in _BOTH_VERBS \
                    and (i == 0 or lowers[i - 1] in {",", "and", ";"}):
                pair = _recent_pair(ctx, sentence, start + i) or ctx.main_actors[:2]
                for key in pair:
                    added.append(_coref(ctx, start + i, start + i + 1, key, 0.6))
                covered.add(i)
            n = _speakers_group(lowers, i) if word in {"all", "each", "the", "both", "our", "we"} else 0
            if n and not covered.intersection(range(i, i + n)) and not org_of_speaker(sentence.speaker) \
                    and len(we_targets) >= 2:
                # "all eight of our countries", "the eight of us", "we all": the parties of a joint statement
                for key in we_targets:
                    added.append(_coref(ctx, start + i, start + i + n, key, 0.6))
                covered.update(range(i, i + n))
            if word == "the" and government and texts[start + i + 1:start + i + 2] == ["Government"] \
                    and i + 1 not in covered and lowers[i + 2:i + 3] not in (["of"], ["in"], ["and"], ["'s"]):
                # "the agreement that the Government signed with the two groups": the text's own state's
                added.append(_coref(ctx, start + i, start + i + 2, government, 0.7))
                covered.update((i, i + 1))
            if word == "i" and i not in covered and set(lowers[i + 1:i + 4]) & _SIGNED_BY_ME:
                # "I signed with …", "I have just signed …": the speaker signs for their state or organization
                speaker_org = org_of_speaker(sentence.speaker) or ctx.publisher_state()
                if speaker_org:
                    added.append(_coref(ctx, start + i, start + i + 1, speaker_org, 0.7))
            if word in _WE and i not in covered:
                speaker_org = org_of_speaker(sentence.speaker)
                for key in ([speaker_org] if speaker_org else we_targets):
                    added.append(_coref(ctx, start + i, start + i + 1, key, 0.6))
        added += _state_group(ctx, sentence)  # "the three Baltic defence ministers signed …"
        # "It is using economic coercion …": the subject of a recent sentence
        i = 1 if lowers and lowers[0] in _IT_LEAD else 0
        if i < len(lowers) and lowers[i] in {"it", "its"} and len(last_subject) == 1 and since <= 2:
            added.append(_coref(ctx, start + i, start + i + 1, last_subject[0], 0.5))
        for mention in added:
            ctx.add_mention(mention)
        subject = subject_group(ctx, sentence, ctx.actors_in(sentence, coref=True), lead=2)
        keys = list(dict.fromkeys(m.key for m in subject)) or _mission_subject(ctx, sentence)
        if keys:
            last_subject, since = keys, 0
        else:
            since += 1


_GROUP_SIGNING = {"signed", "concluded", "adopted", "agreed", "issued", "endorsed", "inked"}


def _state_group(ctx: DocContext, sentence) -> list[Mention]:
    """Each state of a region that is a fixed set of states ("the Baltic states", "the three Baltic defence
    ministers", "the Nordic governments") in a sentence that signs or adopts something, unless a count before it
    names fewer ("two Baltic states")."""
    out = []
    if not set(ctx.tokens_lower(sentence)) & _GROUP_SIGNING:
        return out
    for m in sentence.mentions:
        members = ctx.gazetteer.register.entities[m.key].members if m.kind == "region" else ()
        if not members:
            continue
        before = ctx.lowers[max(sentence.start, m.start - 2):m.start]
        count = next((NUMBER_WORDS[w] for w in before if w in NUMBER_WORDS), None)
        if count is not None and count != len(members):
            continue
        start = m.start - 1 if before[-1:] and before[-1] in NUMBER_WORDS else m.start
        out += [_coref(ctx, start, m.end, key, 0.7) for key in members]
    return out


def _home_state(ctx: DocContext, host_state: str | None) -> str | None:
    """The state "the Government" stands for in a text: the publisher's state, else the host of a speech, else
    the one state among the text's main actors."""
    own = ctx.publisher_state()
    if own:
        return own
    if host_state:
        return host_state
    states = [k for k in ctx.main_actors if ctx.entity_kind(k) == "state"]
    return states[0] if len(states) == 1 else None


_GROUP_NOUNS = {"countries", "nations", "states", "governments"}


def _speakers_group(lowers: list[str], i: int) -> int:
    """The length of a phrase at ``i`` that gathers the speakers of a joint text: "all eight of us", "the eight of
    us", "each of our countries", "our seven countries", "we all" (0 when there is none)."""
    w = lowers[i:i + 6]
    if w[:1] == ["we"]:
        return 2 if w[1:2] in (["all"], ["both"]) else 0
    if w[:1] == ["our"]:
        return 3 if len(w) >= 3 and w[1] in set(NUMBER_WORDS) - {"two"} and w[2] in _GROUP_NOUNS else 0
    k = 1 + (len(w) > 1 and (w[1] in NUMBER_WORDS or w[1].isdigit()))
    if w[0] == "the" and k == 1:
        return 0  # ("the eight of us", not "the rest of us")
    if w[k:k + 2] == ["of", "us"]:
        return k + 2
    if w[k:k + 2] == ["of", "our"] and len(w) > k + 2 and w[k + 2] in _GROUP_NOUNS:
        return k + 3
    return 0


# "Both sides noted / agreed / welcomed …": the parties of the meeting the text reports, not a pair named before
_REPORTING = {"noted", "agreed", "welcomed", "expressed", "reaffirmed", "discussed", "stressed", "underlined",
              "emphasised", "emphasized", "committed", "affirmed", "recalled", "exchanged", "shared", "also"}


_PEOPLE_NOUNS = {"ministers", "leaders", "presidents"}


def _recent_pair(ctx: DocContext, sentence, at: int | None = None, people: bool = False,
                 main_too: bool = False) -> list[str]:
    """The two actors named together ("between Belgrade and Pristina", "Serbia and Kosovo") in this sentence before
    the phrase or in the two sentences before, when they are not the text's main actors: "both sides" then means
    them ("… the dialogue between Belgrade and Pristina? — Both sides accepted the Agreement …").

    With ``people``, for "the two Ministers": the actors of the posts of two office holders named in one sentence
    ("Minister Koizumi and Minister Phan Van Giang …"), else two states, also when written with a hyphen in a
    heading ("Japan-Viet Nam Defense Ministerial Meeting"), or the text's own state and the one state a short
    heading names ("Fiji"): a readout of several meetings, one section each.

    With ``main_too``, a pair of main actors counts as well.
    """
    doc = ctx.doc
    first = sentence.index if at is not None else sentence.index - 1
    links = (["and"], ["-"], ["–"]) if people else (["and"],)
    # ("Serbia and the Republic of Moldova … Both countries")
    for index in range(first, max(-1, sentence.index - 5), -1):
        earlier = ctx.sentences[index]
        named = [m for m in earlier.mentions if m.kind == "actor" and m.form != "coref"
                 and ctx.entity_kind(m.key) in {"state", "organization"}
                 and (index != sentence.index or m.end <= at)]  # ("between North Korea and Russia under the
        # treaty the two countries concluded": the pair earlier in the same sentence)
        sides = [set(ctx.main_actors[:2])] + ([{ctx.own_side[0], ctx.host}] if ctx.own_side and ctx.host else [])
        seen = {m.key for m in earlier.mentions if m.kind == "actor" and (index != sentence.index or m.end <= at)}
        if not people and not main_too and any(len(pair) == 2 and pair <= seen for pair in sides):
            return []  # ("your government and the Alliance agreed …. Two years later, the two sides signed …")
        pairs = [(a.key, b.key) for a, b in zip(named, named[1:]) if a.key != b.key
                 and ([t.lower_ for t in doc[a.end:b.start]] in links or (
                     # ("China-Russia relations are …. The Treaty … that the two countries signed")
                     [t.lower_ for t in doc[a.end:b.start]] in (["-"], ["–"])
                     and ctx.entity_kind(a.key) == ctx.entity_kind(b.key) == "state") or (
                     [t.lower_ for t in doc[a.end:b.start]] == ["and", "the"]
                     and ctx.entity_kind(a.key) == ctx.entity_kind(b.key) == "state"))  # ("Serbia and the Republic
                 # of Moldova … Both countries")
                 and not (people and {ctx.entity_kind(a.key), ctx.entity_kind(b.key)} != {"state"})]
        if people:
            held = ctx.office_actors(earlier.start, earlier.end if index != sentence.index else at)
            states = [k for k in held if ctx.entity_kind(k) == "state"]  # (a Prime Minister who also chairs a forum)
            pairs = [tuple(states)] if len(states) == 2 else [tuple(held)] if len(held) == 2 else pairs
            own = next((k for k in ctx.own_side + ctx.main_actors if ctx.entity_kind(k) == "state"), None)
            if not pairs and own and earlier.end - earlier.start <= 4 and len(named) == 1 \
                    and ctx.entity_kind(named[0].key) == "state" and named[0].key != own:
                pairs = [(own, named[0].key)]  # a heading naming the partner of one section: "Fiji"
        if len(pairs) == 1:
            pair = list(pairs[0])
            return pair if main_too or set(pair) != set(ctx.main_actors[:2]) else []
    return []


def _our_two(ctx: DocContext, sentence, speaker_org: str | None, host_state: str | None) -> list[str]:
    """ "our two countries" said by one side: the speaker's actor and the one other actor of the
    sentence ("Japan is one of them: … our two countries signed"), else the host of a speech."""
    if not speaker_org:
        return []
    others = list(dict.fromkeys(m.key for m in ctx.actors_in(sentence, coref=False) if m.key != speaker_org
                                and m.form != "adjective"))
    if len(others) == 1:
        return [speaker_org, others[0]]
    if not others and host_state and host_state != speaker_org:
        return [speaker_org, host_state]
    if not others:
        # "our government and the United States concluded the Defence Agreement. … in 2016 our two governments
        # signed a joint declaration": the one other state of the two sentences before
        for earlier in ctx.sentences[max(0, sentence.index - 2):sentence.index][::-1]:
            named = list(dict.fromkeys(m.key for m in ctx.actors_in(earlier, coref=False)
                                       if m.key != speaker_org and ctx.entity_kind(m.key) == "state"))
            if named:
                return [speaker_org, named[0]] if len(named) == 1 else []
    return []


def _mission_subject(ctx: DocContext, sentence) -> list[str]:
    """A mission heading a sentence ("Launched in 2020, Irini has …"), for a following "it"/"its"."""
    first = next((m for m in sentence.mentions if m.kind == "actor" and m.form != "coref"), None)
    if first is None or ctx.entity_kind(first.key) != "mission":
        return []
    before = [t for t in ctx.doc[sentence.start:first.start] if not t.is_punct]
    if len(before) <= 2 or (ctx.doc[first.start - 1].text == "," and len(before) <= 8
                            and not {t.lower_ for t in before} & {"that", "which", "who"}):
        return [first.key]
    return []


def _coref(ctx: DocContext, i: int, j: int, key: str, confidence: float) -> Mention:
    span = ctx.doc[i:j]
    return Mention(key=key, kind="actor", form="coref", start=i, end=j,
                   char_start=ctx.offset + span.start_char, char_end=ctx.offset + span.end_char,
                   confidence=confidence)
