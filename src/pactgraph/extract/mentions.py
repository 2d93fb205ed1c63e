"""Mentions: spans of a document that name an actor, region, place or concept.

Two layers are matched independently: names (actors, frameworks, regions,
places; the longest match wins, actors before regions before places) and
concepts (the longest label wins). A concept may overlap a name ("United
Nations peacekeeping" is both the UN and peacekeeping).

Rules keep false actors out of the name layer, in general terms:

* a name inside a venue or institution name ("Japan National Press Club",
  "EU Training Mission in Mali", "EUCAP Sahel Niger");
* a state given as the address of a venue ("located in Rota, Spain");
* a state inside a geographic name ("the East and South China Seas", "North America");
* an organization inside the name of a legal text ("the Charter of the United
  Nations", "the UN Charter", "the United Nations Convention on the Law of the Sea").

Capitals used for their governments ("Beijing is building up…", "call on
Moscow", "the Dialogue between Belgrade and Pristina") become mentions of the
state, and short forms ("the Council", "the Commission", "the Union", and without
the article before a post: "Council President X") are resolved to the body the
text's publisher or its earlier mentions make unambiguous.

Concepts: a concept of another scheme inside a longer label counts ("countering
piracy" names piracy) except in an operation's description ("the counter-piracy
Operation Atalanta"); "training" and "exercises" count as areas only as items of a
list of areas ("cooperation in training, cyber defence and …"); a label ending the
topic of a name counts ("Working Group on Humanitarian Mine Action").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .pipeline import FORM_CONFIDENCE, Gazetteer, get_nlp, lowers_of, offsets_of, texts_of
from .words import GENRE_NOUNS, singular

__all__ = ["FORMER_POSTS", "Mention", "find_mentions", "text_entities"]

# A capitalised continuation ending in one of these nouns makes the whole phrase a
# venue or institution name ("Japan National Press Club"), not a mention of the actor.
_VENUE_NOUNS = {
    "Club", "University", "Institute", "Centre", "Center", "Hall", "Museum", "College",
    "School", "Foundation", "Airport", "Hotel", "Stadium", "Street", "Avenue", "Square",
    "Palace", "Library", "Academy", "Theatre", "Theater", "Embassy", "Port", "Bridge",
}
# "<Name …> Mission in Mali": a state after one of these heads is part of the name.
_INSTITUTION_HEADS = {
    "Mission", "Missions", "Force", "Forces", "Office", "Operation", "Centre", "Center", "Programme", "Program",
    "Team", "Administration", "Command", "Facility", "Initiative", "College", "Group", "Fund", "Brigade",
}
_GEO_NOUNS = {"Sea", "Seas", "Strait", "Straits", "Ocean", "Basin", "Gulf", "Peninsula", "Shoal", "Coast",
              "Island", "Islands", "Channel", "Bay", "Archipelago"}
_COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Latin"}
_LEGAL_TEXTS = {"Charter", "Convention", "Covenant", "Statute"}
_LOCATIVE = {"in", "at", "near", "from", "outside", "via"}
_PREPOSITIONS = {"in", "at", "from", "to", "near", "via", "between", "of", "for", "with", "across", "into", "on",
                 "by", "over", "through", "towards", "outside", "around"}
_AGENT_VERBS = {
    "has", "have", "had", "continues", "continued", "must", "should", "will", "would", "wants", "wanted", "seeks",
    "sought", "refuses", "refused", "says", "said", "claims", "claimed", "insists", "insisted", "denies", "denied",
    "rejects", "rejected", "supports", "supported", "backs", "backed", "threatens", "threatened", "uses", "used",
    "launched", "announced", "accused", "condemned", "blames", "blamed", "considers", "views", "sees", "believes",
    "needs", "cannot", "can", "may", "might", "did", "does", "remains", "keeps", "tries", "tried", "agreed",
    "recognised", "recognized", "responded", "reacted", "insist", "refuse", "continue", "want", "seek",
    "signed", "concluded", "ratified", "sent", "deployed", "pledged", "delivered", "supplied", "decided",
    "reached", "struck", "inked", "initialled", "initialed", "committed",  # ("Baghdad and Washington reached …")
    "sealed", "clinched", "penned",  # ("Moscow and Tehran sealed their treaty this afternoon")
    "sign", "signs", "conclude", "concludes", "agree", "agrees", "ink", "inks",  # (the present of chronologies and
    # headlines: "Nov. 21, 2002: Washington and Manila conclude a Mutual Logistics Support Agreement")
    "raised", "elevated", "upgraded", "raise", "elevate", "upgrade",  # ("Seoul and Ulaanbaatar raised their relations
    # to a strategic partnership")
}
_CALL_VERBS = {"call", "calls", "called", "calling", "urge", "urges", "urged", "urging", "press", "presses",
               "pressed", "warn", "warns", "warned"}
_RELATION_NOUNS = {"dialogue", "talks", "relations", "relationship", "negotiations", "agreement", "tensions",
                   "normalisation", "normalization", "rapprochement", "cooperation", "co-operation", "partnership",
                   "ties", "conflict", "dispute", "alliance", "axis", "contacts",
                   # (an agreement between two capitals: "the border treaty concluded between Bishkek and Dushanbe")
                   "treaty", "accord", "memorandum", "declaration", "pact", "protocol", "deal", "understanding",
                   "arrangement", "ceasefire", "truce", "summit"}
_KIND_RANK = {"actor": 0, "shortform": 0, "framework": 1, "region": 2, "place": 3}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_CURRENCY_NOUNS = {"dollar", "dollars", "cents", "pound", "pounds", "franc", "francs", "crowns", "kroner", "krona",
                   "kronor", "rupees", "rupee", "yen", "won", "yuan", "rand", "euros"}


@dataclass(slots=True)
class Mention:
    """A matched span. Token offsets are into the spaCy doc; char offsets into the source text."""

    key: str
    kind: str  # actor | framework | region | place | concept
    form: str  # name | acronym | alias | derived | adjective | member | shortform | metonym | label | coref
    start: int
    end: int
    char_start: int
    char_end: int
    confidence: float
    sent: int = -1


def _mention(doc, key, kind, form, start, end, offset, confidence=None) -> Mention:
    starts, ends = offsets_of(doc)
    return Mention(key=key, kind=kind, form=form, start=start, end=end, char_start=offset + starts[start],
                   char_end=offset + ends[end - 1],
                   confidence=FORM_CONFIDENCE.get(form, 1.0) if confidence is None else confidence)


def _is_cap(token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper)


def _word_male(doc, start: int, end: int) -> bool:
    """Whether "Male", Malé written without its accent, is the English word: "female" in its sentence ("Male and
    female officers trained together", "Male officers outnumber female ones")."""
    if doc[start].text != "Male" or end - start != 1:
        return False
    for step in (-1, 1):
        k = start + step
        while 0 <= k < len(doc) and abs(k - start) <= 15 and doc[k].text not in {".", ";", "\n"} \
                and not (step == 1 and doc[k].is_sent_start) and not (step == -1 and doc[k + 1].is_sent_start):
            if doc[k].lower_ in {"female", "females"}:
                return True
            k += step
    return False


def _inside_venue_name(doc, start: int, end: int, name_starts: frozenset[int] = frozenset()) -> bool:
    """ "the Washington Convention Center", "the Tokyo Club", "the Embassy of Japan" (a venue noun that opens another
    name of ``name_starts`` is none: "that Washington and Port Moresby concluded")."""
    j = end
    while j < len(doc) and j < end + 5 and (doc[j].is_title or doc[j].text in {"of", "for", "and"}):
        if doc[j].text in _VENUE_NOUNS and j not in name_starts:
            return True
        j += 1
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in _VENUE_NOUNS:
        return True
    return False


def _inside_institution_name(doc, m: Mention, name_tokens: set[int]) -> bool:
    """ "EU Training Mission in Mali", "UN Support Office in Somalia", "EUCAP Sahel Niger"."""
    i = m.start
    if i >= 3 and doc[i - 1].lower_ in {"in", "for", "to", "of"} and doc[i - 2].text in _INSTITUTION_HEADS \
            and i - 2 not in name_tokens and (_is_cap(doc[i - 3]) or i - 3 in name_tokens):
        return True  # (after a known mission, "Resolute Support Mission in Afghanistan", the state counts)
    if i >= 1:
        prev = doc[i - 1]
        # right after an unknown acronym or a region inside a capitalised name
        if prev.is_upper and prev.is_alpha and len(prev) >= 3 and i - 1 not in name_tokens:
            return True
    return False


def _venue_address(doc, m: Mention, actor_tokens: set[int], region_tokens: frozenset = frozenset()) -> bool:
    """ "located in Rota, Spain", "the Centre in Bydgoszcz, Poland" (not "partners in the Indo-Pacific, Australia and
    Korea": a region before the comma is no address)."""
    i = m.start
    if i < 2 or doc[i - 1].text != "," or i - 2 in region_tokens:
        return False
    if m.end < len(doc) and doc[m.end].text in _POSSESSIVE:
        return False
    if m.end + 1 < len(doc) and doc[m.end].lower_ == "and" and (doc[m.end + 1].lower_ == "the"
                                                             or m.end + 1 in actor_tokens) \
            or m.end < len(doc) and doc[m.end].lower_ in _AGENT_VERBS:
        return False  # ("in Washington, Bahrain and the United States signed …", "in Vientiane, Korea and ASEAN
        # established …": the subject, not an address)
    k, n = i - 2, 0
    # "at the IISS Shangri-La Dialogue, Singapore": capitalised words, acronyms and the hyphens joining them
    while k >= 0 and k not in actor_tokens and n < 6 and (
            _is_cap(doc[k]) or (doc[k].text in {"-", "–"} and k > 0 and _is_cap(doc[k - 1]) and n > 0)):
        k -= 1
        n += 1
    if n == 0:
        return False
    if k >= 1 and doc[k].lower_ == "the":
        k -= 1
    return k < 0 or doc[k].lower_ in _LOCATIVE or "\n" in doc[k].text or doc[k].is_space


def _geographic(doc, m: Mention) -> bool:
    if m.start >= 1 and doc[m.start - 1].lower_ == "the" and m.end < len(doc) and doc[m.end].lower_ == "summit" \
            and m.end - m.start == 1:
        return True  # "at the Singapore Summit", "the Kuwait summit": the meeting's venue (not "the EU-China Summit")
    if m.end < len(doc) and doc[m.end].text in _GEO_NOUNS:
        return not (m.end + 1 < len(doc) and doc[m.end + 1].text == "Guard")  # "Philippine Coast Guard"
    return m.start >= 1 and doc[m.start - 1].text in _COMPASS


_COMPASS_ADJECTIVES = _COMPASS - {"North", "South", "East", "West", "Latin"}  # (the adjectives: "Western", …)
#: A post or its holders after "former" and a state adjective, in lower case as wire reports write them ("former
#: Soviet leader Mikhail Gorbachev", "former Japanese prime minister Shinzo Abe"): the state's.
FORMER_POSTS = {"leader", "leaders", "president", "presidents", "prime", "premier", "minister", "ministers", "foreign",
                "defence", "defense", "interior", "finance", "chancellor", "ambassador", "envoy", "secretary", "head",
                "king", "queen", "general", "commander", "chief", "deputy", "vice", "official", "officials",
                "diplomat", "diplomats", "negotiator", "spokesman", "spokeswoman", "spokesperson"}


def _era_or_state_after(doc, m: Mention, named_starts: set[int]) -> bool:
    """An adjective that dates something ("Soviet-era", "post-Soviet") or qualifies the name of a state right after
    it ("Soviet Russia"; ``named_starts`` are where states' own names begin)."""
    if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in {"era", "style", "type"}:
        return True
    if m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ in {"post", "pre", "ex", "anti", "pro"}:
        return True  # "post-Soviet", "anti-American": a time or a stance
    if m.start >= 1 and doc[m.start - 1].lower_ == "former" and m.end < len(doc) and doc[m.end].is_lower \
            and doc[m.end].lower_ not in FORMER_POSTS:
        return True  # "among former Soviet republics", "former British colonies": what they were once part of (not
        # "former Japanese Prime Minister Abe Shinzo", "former Soviet leader Mikhail Gorbachev")
    return m.end in named_starts and not doc[m.end].is_sent_start


def _legal_text(doc, m: Mention) -> bool:
    if m.end < len(doc) and doc[m.end].text in _LEGAL_TEXTS:
        return True
    k = m.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].text in _LEGAL_TEXTS


_SIGNED = {"signed", "concluded", "inked", "initialled", "initialed"}  # ("signed theirs with Kyiv")


def _metonym(doc, m: Mention, places: dict[int, Mention], gazetteer: Gazetteer, read: dict[int, bool]) -> bool:
    """Is a capital city used for its government here? One coordinated with a capital before it is read as that one
    is ("after those with Canberra and London", "relations with Paris, Berlin and Rome"), however long the list;
    ``read`` keeps each place's answer by its first token, so that a list is read once."""
    chain, answer = [], False
    while m is not None:
        if m.start in read:
            answer = read[m.start]
            break
        chain.append(m.start)
        own = _read_as_government(doc, m, places, gazetteer)
        if own is not None:
            answer = own
            break
        m = _place_ending_at(places, m.start - 1)
    read.update(dict.fromkeys(chain, answer))
    return answer


def _place_ending_at(places: dict[int, Mention], end: int) -> Mention | None:
    """The place whose name ends right before token ``end`` (``places`` by their first token)."""
    return next((places[s] for s in range(end - 1, max(-1, end - 9), -1) if s in places and places[s].end == end), None)


def _listed_after(doc, end: int, places: dict[int, Mention]) -> Mention | None:
    """The place listed right after token ``end``, after "and", "," or ", and" ("Stockholm, Helsinki, and
    Copenhagen")."""
    if end >= len(doc) or doc[end].lower_ not in {"and", ","}:
        return None
    return places.get(end + 1 + (doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].lower_ == "and"))


def _read_as_government(doc, m: Mention, places: dict[int, Mention], gazetteer: Gazetteer) -> bool | None:
    """Whether a capital city is used for its government, by its own words; ``None`` for one coordinated with the
    name before it, which is read as that one is (see _metonym)."""
    prev = doc[m.start - 1].lower_ if m.start else ""
    nxt = doc[m.end] if m.end < len(doc) else None
    if nxt is not None and nxt.text in {"'s", "’s"} and prev not in _PREPOSITIONS:
        return True
    if nxt is not None and prev not in _PREPOSITIONS:
        if nxt.lower_ in _AGENT_VERBS:
            return True
        # (from a list's first only, which the others are read as: not "Officials from Paris, Berlin, and Rome")
        listed = prev in {",", "and"} and any(_place_ending_at(places, e) for e in (m.start - 1, m.start - 2))
        other = None if listed else _listed_after(doc, m.end, places)
        while other is not None and _listed_after(doc, other.end, places) is not None:
            other = _listed_after(doc, other.end, places)  # ("Stockholm, Helsinki and Copenhagen signed …": the last)
        if other is not None and other.end < len(doc) and doc[other.end].lower_ in _AGENT_VERBS:
            return True  # "Pyongyang and Moscow signed their treaty": two capitals as the subject
        if other is None and nxt.lower_ == "and":
            k = m.end + 1
            while k < len(doc) and k - m.end <= 4 and doc[k].text[:1].isupper():
                k += 1
            if k > m.end + 1 and k < len(doc) and doc[k].lower_ in _AGENT_VERBS:
                return True  # "Washington and Ansar Allah reached an understanding": the capital and a movement
        if nxt.lower_ in {"is", "are", "was"} and m.end + 1 < len(doc):
            after = doc[m.end + 1].lower_
            if after.endswith("ing") and len(after) > 5:
                return True
    k = m.start - 1
    if k >= 0 and doc[k].lower_ in {"on", "upon"}:
        k -= 1
    if k >= 0 and doc[k].lower_ in _CALL_VERBS:
        return True
    # "the Dialogue between Belgrade and Pristina", "talks between Moscow and Kyiv"
    pair = None
    if prev == "between" and m.end + 1 < len(doc) and doc[m.end].lower_ == "and":
        pair = places.get(m.end + 1), m.start - 1
    elif prev == "and" and m.start >= 3:
        first = _place_ending_at(places, m.start - 1)
        if first is not None and first.start >= 1 and doc[first.start - 1].lower_ == "between":
            pair = first, first.start - 1
    if pair and pair[0] is not None:
        other, between = pair
        countries = {gazetteer.entity(m.key).country, gazetteer.entity(other.key).country}
        if None not in countries and len(countries) == 2:
            return _relation_noun_before(doc, between) or (
                between >= 1 and doc[between - 1].lower_ in _SIGNED | {"reached", "agreed"}
                and _relation_noun_before(doc, between - 1))
    if prev == "in" and m.start >= 2 and doc[m.start - 2].lower_ in _RULERS:
        return True  # "the Governments in Bangui and Maputo", "the authorities in Kabul"
    if prev == "with":
        # "relations with Moscow", "Sweden and Norway signed theirs with Kyiv"
        return _relation_noun_before(doc, m.start - 1) or any(
            doc[j].lower_ in _SIGNED for j in range(max(0, m.start - 5), m.start - 1)) or _and_with_after_signed(doc, m) \
            or _signed_instrument_before(doc, m.start - 1)
    if prev in {"and", ",", "or"}:
        return None  # "after those with Canberra and London": as the one before
    return False


# nouns for who governs a state, before "in" and its capital
_RULERS = {"government", "governments", "authorities", "regime", "leadership"}

# what follows "Union" in the name of a federal state's own organs: "the Union Cabinet", "Union Home Minister Amit
# Shah" (India's), "a Union Territory"; none names the European Union
_UNION_OF_A_STATE = {"Cabinet", "Government", "Territory", "Territories", "Minister", "Ministers", "Ministry", "Home",
                     "Budget", "Defence", "Finance", "Health"}

# capitals that, read as a government, are an organization seated there rather than their state ("the readmission
# agreement Brussels and Ankara had signed": the Union's), unless the text names that state itself
_SEATS = {"Brussels": ("state/bel", "org/european-union")}


def _seats_for_organizations(doc, kept: list[Mention], register, offset: int) -> None:
    for capital, (state, organization) in _SEATS.items():
        seats = [i for i, m in enumerate(kept) if m.form == "metonym" and m.key == state and doc[m.start].text == capital]
        if not seats or organization not in register.entities \
                or any(m.kind == "actor" and m.key == state and m.form != "metonym" for m in kept):
            continue
        for i in seats:
            kept[i] = _mention(doc, organization, "actor", "metonym", kept[i].start, kept[i].end, offset)


def _and_with_after_signed(doc, m: Mention) -> bool:
    """ "… concluded with Tirana in 1997 and with Podgorica in 2006": a later "and with" of a list that a signing verb
    leads, in the same sentence."""
    if m.start < 3 or doc[m.start - 2].lower_ != "and":
        return False
    for j in range(m.start - 3, max(-1, m.start - 15), -1):
        if doc[j].text in {".", ";", ":"} or doc[j].is_sent_start:
            return False
        if doc[j].lower_ in _SIGNED:
            return True
    return False


# words that name an instrument one signs (a capital after "with" behind one is the other side)
# (besides the genres' nouns: "signed a deal with Beijing", "inked two MoUs with Dhaka")
_INSTRUMENT_WORDS = GENRE_NOUNS | {"mou", "memoranda", "deal", "contract"}


def _signed_instrument_before(doc, at: int) -> bool:
    """Whether the "with" at ``at`` closes a signed instrument's name: "it signed an agreement on free military
    assistance with Beijing" (a signing verb, then an instrument's word, within twelve tokens, in one clause)."""
    for j in range(at - 1, max(-1, at - 13), -1):
        word = doc[j].lower_
        if word in {".", ";", ":"} or doc[j].is_sent_start:
            return False
        if singular(word) in _INSTRUMENT_WORDS:
            return any(doc[i].lower_ in _SIGNED for i in range(max(0, at - 13), j))
    return False


def _relation_noun_before(doc, at: int) -> bool:
    return any(doc[j].lower_ in _RELATION_NOUNS for j in range(max(0, at - 3), at))


def text_entities(text: str, gazetteer: Gazetteer) -> list[str]:
    """Register keys of the actors named in a short text (a publisher, a speaker), longest first."""
    if not text:
        return []
    doc = get_nlp().make_doc(text)
    found = []
    for match_id, start, end in gazetteer.names(doc):
        info = gazetteer.info[match_id]
        if info.kind == "actor":
            found.append((end - start, start, end, info.key))
    taken: set[int] = set()
    keys = []
    for _, start, end, key in sorted(found, key=lambda f: (-f[0], f[1])):
        if taken & set(range(start, end)):
            continue
        taken.update(range(start, end))
        if key not in keys:
            keys.append(key)
    return keys


def _resolve_short(head: str, position: int, sentence_start: int, explicit: list[Mention], publisher: list[str],
                   gazetteer: Gazetteer, explicit_starts: list[int] | None = None) -> str | None:
    """The body a short form ("the Council") stands for.

    In order: the publisher; a candidate whose parent was just named in the same sentence
    ("High Representative of the Union … Vice-President of the Commission"); the last
    candidate named before; the first named after; the register's default when its parent
    is named in the text.
    """
    candidates = gazetteer.short_candidates.get(head, [])
    if not candidates:
        return None
    register = gazetteer.register
    for key in publisher:
        if key in candidates:
            return key
    for key in publisher:  # "the Union" in a text by the EEAS, a body of the EU
        parent = register.entities[key].parent
        if parent in candidates:
            return parent
    starts = explicit_starts if explicit_starts is not None else [m.start for m in explicit]
    lo, hi = bisect.bisect_left(starts, sentence_start), bisect.bisect_left(starts, position)
    for m in reversed(explicit[lo:hi]):
        child = next((c for c in candidates if register.entities[c].parent == m.key), None)
        if m.key in candidates:
            return m.key
        if child:
            return child
    before = next((m for m in reversed(explicit[:hi]) if m.key in candidates), None)
    if before is not None:
        return before.key
    after = next((m for m in explicit[hi:] if m.key in candidates), None)
    if after is not None:
        return after.key
    default = gazetteer.short_default.get(head)
    if default:
        parent = register.entities[default].parent
        mentioned = {m.key for m in explicit}
        if default in mentioned or parent in mentioned or parent is None:
            return default
    return None


def find_mentions(doc, gazetteer: Gazetteer, offset: int, publisher: list[str] | None = None) -> list[Mention]:
    """Return the name-layer and concept-layer mentions of ``doc``, ordered by position.

    ``offset`` is the doc's start in the source text; ``publisher`` the register keys
    named by the text's publisher (they resolve short forms such as "the Council").
    """
    candidates: list[Mention] = []
    unregistered_heads = set()  # heads of longer names the register lacks: their bare short form is ambiguous
    matches = gazetteer.names(doc)
    name_starts = frozenset(start for _, start, _ in matches)
    for match_id, start, end in matches:
        info = gazetteer.info[match_id]
        if info.kind != "shortform" and _inside_venue_name(doc, start, end, name_starts):
            continue
        if info.kind == "place" and _word_male(doc, start, end):
            continue  # ("Male and female peacekeepers …" names no Malé)
        if info.kind == "shortform" and end + 1 < len(doc) and doc[end].lower_ == "of" and _is_cap(doc[end + 1]) \
                and not doc[end + 1].is_sent_start:
            continue  # the head of another body's name: "the Council of Ministers", "the Commission of Inquiry"
        if info.kind == "shortform" and end < len(doc) and (doc[end].text == "State" or (
                doc[end - 1].text == "Union" and doc[end].text in _UNION_OF_A_STATE)):
            if doc[end].text == "State":
                unregistered_heads.add(doc[end - 1].text)
            continue  # "the Union State" (of Belarus and Russia) is not the European Union, nor "the Union Cabinet"
            # (India's)
        candidates.append(_mention(doc, info.key, info.kind, info.form, start, end, offset))
    # the longest name wins, an article not counted: "the United Nations Command" is the Command, not the UN
    candidates.sort(key=lambda m: (-(m.end - m.start - (doc[m.start].lower_ == "the")), _KIND_RANK.get(m.kind, 4),
                                   m.start))
    taken = bytearray(len(doc) + 1)
    names: list[Mention] = []
    for mention in candidates:
        if any(taken[mention.start:mention.end]):
            continue
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        names.append(mention)
    names = _shared_names(doc, names, taken, offset)
    name_tokens = {i for m in names for i in range(m.start, m.end)}
    actor_tokens = {i for m in names if m.kind == "actor" for i in range(m.start, m.end)}
    region_tokens = frozenset(i for m in names if m.kind == "region" for i in range(m.start, m.end))
    named_starts = {m.start for m in names if m.kind == "actor" and m.form != "adjective"
                    and gazetteer.register.entities[m.key].kind == "state"}
    register = gazetteer.register
    places = {m.start: m for m in names if m.kind == "place"}
    read: dict[int, bool] = {}  # (_metonym's answers)

    kept: list[Mention] = []
    for m in names:
        if m.kind == "actor":
            entity = register.entities[m.key]
            if entity.kind == "state" and (
                    _inside_institution_name(doc, m, name_tokens) or _venue_address(doc, m, actor_tokens, region_tokens)
                    or _geographic(doc, m)):
                continue
            if entity.kind == "state" and m.end < len(doc) and doc[m.end].lower_ in _CURRENCY_NOUNS:
                continue  # "50 million US dollars", "1.5 billion Australian dollars": a currency, not the state
            if m.form == "adjective" and _era_or_state_after(doc, m, named_starts):
                continue  # "Soviet-era equipment", "Soviet Russia": a period, or another state's own name
            if entity.kind != "state" and _legal_text(doc, m):
                continue
            if entity.kind != "state" and m.start >= 1 and doc[m.start - 1].text in _COMPASS_ADJECTIVES \
                    and doc[m.start].text[:1].isupper() and not doc[m.start].text.isupper():  # (not "Eastern NATO allies")
                continue  # "the Western European Union" is not the European Union: another body the register lacks
            if m.form == "derived" and m.end - m.start >= 2 and m.start >= 1 and _is_cap(doc[m.start - 1]) \
                    and not doc[m.start - 1].is_sent_start:
                continue  # the tail of another body's name: "the Egyptian-Somali Joint Military Committee", "the EU
                # Military Committee" (not NATO's "Military Committee")
        elif m.kind == "place":
            country = register.entities[m.key].country
            if country and country in register.entities and _metonym(doc, m, places, gazetteer, read):
                kept.append(_mention(doc, country, "actor", "metonym", m.start, m.end, offset))
                continue
        kept.append(m)
    _seats_for_organizations(doc, kept, register, offset)
    bare = _bare_heads(doc, gazetteer, offset, taken) + _state_adjectives_in_context(doc, register, offset, taken)
    if bare:
        kept = sorted(kept + bare, key=lambda m: m.start)

    explicit = [m for m in kept if m.kind == "actor"]
    starts = [m.start for m in explicit]
    resolved: list[Mention] = []
    sentence_start_of = None
    for m in kept:
        if m.kind == "shortform":
            if m.key.split("|", 1)[1] in unregistered_heads:
                continue  # ("the Union" of a text on the Union State is not the European Union)
            if sentence_start_of is None:
                sentence_start_of = _sentence_starts(doc)
            sentence_start = sentence_start_of[m.start]
            key = _resolve_short(m.key.split("|", 1)[1], m.start, sentence_start, explicit, publisher or [], gazetteer,
                                 starts)
            if key is None:
                continue
            m = _mention(doc, key, "actor", "shortform", m.start, m.end, offset)
            at = bisect.bisect_left(starts, m.start)
            explicit.insert(at, m)
            starts.insert(at, m.start)
        resolved.append(m)

    resolved = _drop_unanchored_generic(doc, resolved, publisher or [])
    resolved.extend(_concepts(doc, gazetteer, offset, resolved))
    resolved.sort(key=lambda m: (m.start, m.kind == "concept"))
    return resolved


# Aliases that are common nouns in other contexts: "the Alliance" of a bilateral treaty ally, "our Allies".
_GENERIC_ALIASES = {"alliance", "allies", "ally"}


def _drop_unanchored_generic(doc, mentions: list[Mention], publisher: list[str]) -> list[Mention]:
    """Keep "the Alliance"/"Allies" only in a text that names their organization or is published by it.

    A US-Philippines statement speaks of "the Alliance" and a US-Japan one of "both Allies" without
    meaning NATO; a NATO text names NATO somewhere or is published by it.
    """
    generic = [m for m in mentions if m.kind == "actor" and m.form in ("alias", "shortform")
               and doc[m.end - 1].lower_ in _GENERIC_ALIASES and not doc[m.start].lower_ in {"nato", "atlantic", "north"}]
    if not generic:
        return mentions
    # only a text that speaks of another alliance as a common noun ("the alliance between A and B",
    # "our bilateral alliance") is in doubt; elsewhere "Allies" and "the Alliance" are read as NATO
    if not {"alliance", "alliances", "allies", "ally"} & set(texts_of(doc)):
        return mentions
    anchored = {m.key for m in mentions if m.kind == "actor" and m.form in ("name", "acronym")} | set(publisher)
    drop = {id(m) for m in generic if m.key not in anchored}
    return [m for m in mentions if id(m) not in drop] if drop else mentions


# Post heads before which a bare capitalised head noun is a short form: "Council President", "Commission Vice-President".
_POST_AFTER_HEAD = {"President", "Vice", "Vice-President", "Chair", "Chairman", "Chairwoman", "Chairperson", "Secretary",
                    "Commissioner", "Spokesperson", "Spokesman", "Spokeswoman", "Director", "Representative",
                    # and before its members, partners or leaders: "all eighteen Forum Members", "Forum Leaders"
                    "Members", "Member", "Partners", "Dialogue", "Leaders"}


#: Names two states share, so the register lists them for neither (states.csv and former_states.csv note why). A
#: text that names one of the two in full means it by the shared name too ("The Democratic Republic of the Congo and
#: Rwanda signed … fighting in eastern Congo"; "the Federal Republic of Yugoslavia … Yugoslavia's army"); a text
#: naming both, or neither, leaves the shared name alone.
SHARED_NAMES = {
    "Congo": ("alias", ("state/cod", "state/cog")),
    "Congolese": ("adjective", ("state/cod", "state/cog")),
    "Yugoslavia": ("alias", ("state/yug", "state/fry")),  # the socialist federation (to 1992) and the FRY (1992-2003)
}


def _shared_names(doc, names: list[Mention], taken: bytearray, offset: int) -> list[Mention]:
    """``names`` (in text order) with the shared names (``SHARED_NAMES``) standing for the one state of each pair
    the text names in full: the register's own reading of a shared name ("Congo", the UN short name of the Republic
    of the Congo) gives way, and a shared name no other name covers is added."""
    named = {m.key for m in names if m.kind == "actor" and doc[m.start:m.end].text not in SHARED_NAMES}
    meant = {}
    for word, (form, keys) in SHARED_NAMES.items():
        full = [k for k in keys if k in named]
        if len(full) == 1:
            meant[word] = (form, full[0])
    if not meant:
        return names
    out = []
    for m in names:
        word = doc[m.start:m.end].text
        if m.kind == "actor" and word in meant:
            m = _mention(doc, meant[word][1], "actor", meant[word][0], m.start, m.end, offset)
        out.append(m)
    for i in _token_positions(doc, SHARED_NAMES):
        if not taken[i] and doc[i].text in meant:
            form, key = meant[doc[i].text]
            out.append(_mention(doc, key, "actor", form, i, i + 1, offset))
    return sorted(out, key=lambda m: m.start)


def _bare_heads(doc, gazetteer: Gazetteer, offset: int, taken: bytearray) -> list[Mention]:
    """Short forms written without their article before a post or a group: "issued by Council President X",
    "Forum Members"."""
    out = []
    heads = gazetteer.short_candidates
    for i in _token_positions(doc, heads):
        if i + 1 >= len(doc) or doc[i + 1].text not in _POST_AFTER_HEAD or taken[i]:
            continue
        token = doc[i]
        if i > 0 and _is_cap(doc[i - 1]) and not doc[i - 1].is_sent_start:
            continue  # part of a longer name ("Security Council President" is matched as a name)
        out.append(_mention(doc, "shortform|" + token.text, "shortform", "shortform", i, i + 1, offset))
    return out


# adjectives of a state that also describe a region, read as the state's only before the words of a government
# ("his Central African counterpart", "the Central African authorities"; not "the Central African region")
_REGIONAL_ADJECTIVES = {"Central": ("African", "state/caf")}
_GOVERNMENT_NOUNS = {"counterpart", "counterparts", "President", "president", "Prime", "Minister", "minister",
                     "Government", "government", "authorities", "army", "Armed", "armed", "forces", "troops", "side",
                     "delegation", "Ministry", "ministry", "head", "Head", "Foreign", "Defence", "Defense", "gendarmerie"}


def _state_adjectives_in_context(doc, register, offset: int, taken: bytearray) -> list[Mention]:
    out = []
    for i in _token_positions(doc, _REGIONAL_ADJECTIVES):
        second, key = _REGIONAL_ADJECTIVES[doc[i].text]
        if i + 2 < len(doc) and doc[i + 1].text == second and doc[i + 2].text in _GOVERNMENT_NOUNS \
                and not any(taken[i:i + 2]) and key in register.entities:
            out.append(_mention(doc, key, "actor", "adjective", i, i + 2, offset))
    return out


_WORD_IDS: dict[tuple[int, int], object] = {}


def _token_positions(doc, words) -> list[int]:
    """Indexes of the tokens written exactly as one of ``words``, found without a pass in Python."""
    import numpy
    from spacy.attrs import ORTH

    if not len(doc):
        return []
    key = (id(doc.vocab), id(words))
    ids = _WORD_IDS.get(key)
    if ids is None or len(ids) != len(words):
        ids = _WORD_IDS[key] = numpy.sort(numpy.array([doc.vocab.strings.add(w) for w in words], dtype="uint64"))
    orth = doc.to_array(ORTH)
    at = numpy.minimum(numpy.searchsorted(ids, orth), len(ids) - 1)
    return numpy.nonzero(ids[at] == orth)[0].tolist()


def _sentence_starts(doc) -> list[int]:
    """For each token, the index of the first token of its sentence."""
    starts = [0] * len(doc)
    for sent in doc.sents:
        starts[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
    return starts


def _concepts(doc, gazetteer: Gazetteer, offset: int, names: list[Mention]) -> list[Mention]:
    span_of = {}
    for m in names:
        for i in range(m.start, m.end):
            span_of[i] = (m.start, m.end)
    candidates = []
    for match_id, start, end in gazetteer.labels(doc):
        info = gazetteer.info[match_id]
        host = span_of.get(start)
        if host is not None and end <= host[1] and not (
                start > 0 and doc[start - 1].lower_ in {"for", "on", "against"} and doc[start].is_title):
            continue  # inside an actor, region or place name, unless it is the name's topic ("Centre for Countering …")
        if _in_proper_name(doc, start, end, gazetteer) or _too_generic(doc, start, end):
            continue
        candidates.append((start, end, info.key))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = bytearray(len(doc) + 1)
    out: list[Mention] = []
    outer: list[tuple[int, int, str]] = []
    missions = {m.start for m in names if m.kind == "actor" and gazetteer.register.entities[m.key].kind == "mission"}
    for start, end, key in candidates:
        if any(taken[start:end]):
            # a concept of another scheme inside a longer one: "countering piracy" also names piracy,
            # but "NATO's counter-piracy Operation Ocean Shield" only says what the operation does
            host = next((o for o in outer if o[0] <= start and end <= o[1]), None)
            if host is not None and (any(i in missions for i in range(host[0] + 1, host[1] + 1)) or (
                    host[1] < len(doc) and doc[host[1]].lower_ in _OPERATION_NOUNS)):
                continue  # (the label may run into the mission's name: "counter-piracy Operation Atalanta")
            if host is not None and host[2].split("/")[0] != key.split("/")[0] \
                    and not any(m.start < end and start < m.end and m.key.split("/")[0] == key.split("/")[0]
                                for m in out):
                out.append(_mention(doc, key, "concept", "label", start, end, offset, 0.8))
            continue
        taken[start:end] = b"\x01" * (end - start)
        outer.append((start, end, key))
        out.append(_mention(doc, key, "concept", "label", start, end, offset, 1.0))
    for mention in list(out):
        out.extend(_coordinated(doc, gazetteer, offset, mention, taken))
        out.extend(_coordinated_before(doc, gazetteer, offset, mention, taken))
    out.extend(_listed_bare_words(doc, gazetteer, offset, out, taken))
    out.extend(_verb_object_concepts(doc, gazetteer, offset, out, taken))
    return out


_SMUGGLE = {"traffic", "trafficking", "trafficked", "smuggle", "smuggles", "smuggling", "smuggled"}
# Areas named by a verb and its object rather than a noun phrase: "to train Ukrainian soldiers", "trains the Somali
# National Army", "has trained eleven quick reaction force companies". (verbs, objects within five words, concept)
_VERB_OBJECT = (
    ({"train", "trains", "trained", "training"},
     {"soldiers", "troops", "forces", "units", "recruits", "army", "officers", "personnel", "companies", "battalions",
      "instructors", "police", "sailors", "pilots", "guards", "cadets", "brigade", "brigades", "navy"},
     "area/military-education-and-training"),
    ({"build", "builds", "building", "built", "strengthen", "strengthens", "strengthening"},
     {"capacity", "capacities"}, "area/capacity-building"),  # "build the capacity of the country's coast guard"
    # "the same routes are used to traffic drugs and human beings", "they smuggle … firearms"
    (_SMUGGLE, {"drugs", "narcotics", "cocaine", "heroin", "methamphetamine"}, "challenge/drug-trafficking"),
    (_SMUGGLE, {"people", "persons", "humans", "human", "migrants", "women", "children"}, "challenge/human-trafficking"),
    (_SMUGGLE, {"weapons", "arms", "firearms", "guns"}, "challenge/small-arms-proliferation"),
    ({"share", "shares", "sharing", "shared", "exchange", "exchanges", "exchanging", "exchanged"},
     {"information", "intelligence"}, "area/intelligence-sharing"),  # "will share information among the forces"
)


# Challenges named by a bare noun and where it happens: "the continuing conflict in the Gaza Strip", "the war in
# Europe", "hostilities between the two sides"; not "war crimes" or "the Second World War".
# "Russia's war industry": a compound, not the war itself
_WAR_COMPOUNDS = {"industry", "economy", "machine", "effort", "efforts", "crimes", "criminals", "chest", "budget",
                  "production", "aims", "games", "college"}
_NOUN_IN_PLACE = ({"conflict", "war", "fighting", "hostilities"}, {"in", "between"}, "challenge/armed-conflict")


def _verb_object_concepts(doc, gazetteer: Gazetteer, offset: int, found: list[Mention], taken: bytearray) -> list:
    out = []
    keys = {m.key for m in found}
    nouns, links, key = _NOUN_IN_PLACE
    if key in gazetteer.concepts:
        for i in _token_positions(doc, nouns):
            if not taken[i] and doc[i].lower_ == "war" and i >= 2 and doc[i - 1].text in {"'s", "’s"} \
                    and doc[i - 2].is_title and doc[i - 2].is_alpha \
                    and not (i + 1 < len(doc) and doc[i + 1].lower_ in _WAR_COMPOUNDS):
                out.append(_mention(doc, key, "concept", "label", i - 2, i + 1, offset, 0.8))  # "Russia's war"
                continue
            if taken[i] or i + 2 >= len(doc) or doc[i + 1].lower_ not in links:
                continue
            k = i + 2 + (doc[i + 2].lower_ == "the")
            if k < len(doc) and (doc[k].is_title or doc[k].is_upper) and doc[k].is_alpha \
                    and not (i > 0 and doc[i - 1].is_title and not doc[i - 1].is_sent_start):
                out.append(_mention(doc, key, "concept", "label", i, k + 1, offset, 0.8))
    for verbs, objects, key in _VERB_OBJECT:
        if key in keys or key not in gazetteer.concepts:
            continue
        for i in _token_positions(doc, verbs):
            if taken[i] or (doc[i].lower_ == "train" and i > 0
                            and doc[i - 1].lower_ in {"the", "a", "an", "this", "that", "each"}):
                continue  # ("the train to Brussels": a noun, not the verb)
            window = doc[i + 1:min(len(doc), i + 7)]
            # "and" ends the object unless another object follows ("to traffic drugs and human beings")
            stop = next((j for j, t in enumerate(window) if t.is_punct or t.lower_ in {"but", "while", "in"}
                         or (t.lower_ == "and" and not {w.lower_ for w in window[j + 1:j + 3]} & objects)),
                        len(window))
            obj = next((t for t in window[:stop] if t.lower_ in objects), None)
            if obj is not None:
                out.append(_mention(doc, key, "concept", "label", i, obj.i + 1, offset, 0.8))
    return out


_OPERATION_NOUNS = {"operation", "operations", "mission", "missions", "force", "task"}
# Words that name an area only inside a list of areas: "cooperation in training, capacity building and …".
_LIST_ONLY = {"training": "area/military-education-and-training", "exercises": "area/military-exercises"}


def _listed_bare_words(doc, gazetteer: Gazetteer, offset: int, found: list[Mention], taken: bytearray) -> list[Mention]:
    """ "capacity building and training", "training, capacity building, defence industry": a bare word
    coordinated with a cooperation area is an area too."""
    out = []
    areas = [m for m in found if m.key.startswith("area/")]
    if not areas:
        return out
    ends = {m.end: m for m in areas}
    starts = {m.start: m for m in areas}
    for i in _token_positions(doc, _LIST_ONLY):
        token = doc[i]
        key = _LIST_ONLY[token.text]
        if taken[i] or key not in gazetteer.concepts:
            continue
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if nxt in {"school", "centre", "center", "course", "courses", "camp", "facility"}:
            continue  # "the training centre": a place, not an item of a list
        before = i >= 2 and doc[i - 1].lower_ in {",", "and"} and i - 1 in ends
        after = i + 2 < len(doc) and nxt in {",", "and"} and i + 2 in starts
        if before or after:
            taken[i] = 1
            out.append(_mention(doc, key, "concept", "label", i, i + 1, offset, 0.8))
    return out


def _too_generic(doc, start: int, end: int) -> bool:
    """A bare "peace" is a shared value only in "peace and stability/prosperity";
    a bare "freedom" is not one in "freedom of movement"."""
    if end - start != 1:
        return False
    word = doc[start].lower_
    nxt = [t.lower_ for t in doc[end:end + 2]]
    if word == "peace":
        return nxt[:1] != ["and"] or nxt[1:2] not in (["stability"], ["prosperity"])
    if word == "freedom":
        return nxt[:1] == ["of"]
    return False


def _in_proper_name(doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A lowercase label written in capitals inside a longer capitalised name ("Peace and Security Council").

    The topic of a name still counts ("Agreement on Space Situational Awareness Cooperation",
    "Centre of Excellence for Countering Hybrid Threats").
    """
    words = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in {"and", "of", "for", "the", "in"}]
    if not words or not all(t.is_title or t.is_upper for t in words):
        return False
    if all(t.is_upper for t in words):
        return False  # an acronym label ("CVE", "WMD")
    if " ".join(t.lower_ for t in doc[start:end]) in gazetteer.proper_labels:
        return False
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in {"on", "for", "concerning", "against", "countering"}:
        return False
    k = start - 1
    while k >= 0 and _is_cap(doc[k]) and start - k <= 3:
        k -= 1
    after = doc[end] if end < len(doc) else None
    if k >= 0 and k < start - 1 and doc[k].lower_ in {"on", "for", "concerning", "against"} \
            and not (after is not None and _is_cap(after)):
        return False  # the end of a name's topic: "Working Group on Humanitarian Mine Action"
    after = doc[end] if end < len(doc) else None
    cap_before = before is not None and _is_cap(before) and not before.is_sent_start
    cap_after = after is not None and (_is_cap(after) or after.text == "-")
    return cap_before or cap_after or (before is not None and before.lower_ in {"of", "for", "and"} and start >= 2
                                       and _is_cap(doc[start - 2]))


_CONNECTORS = {",", "and", "or", "as", "well"}


def _coordinated_before(doc, gazetteer: Gazetteer, offset: int, mention: Mention, taken: bytearray) -> list[Mention]:
    """ "food and energy security" → also "food security"; "A and B <head>" → "A <head>"."""
    lowers = lowers_of(doc)
    words = lowers[mention.start:mention.end]
    out = []
    if len(words) < 2 or mention.start < 2 or lowers[mention.start - 1] not in {"and", "or", ","}:
        return out
    for split in range(1, len(words)):
        suffix = " ".join(words[split:])
        for n in (1, 2, 3):
            k = mention.start - 1 - n
            if k < 0 or any(taken[k:k + n]):
                continue
            key = gazetteer.label_index.get(" ".join(lowers[k:k + n]) + " " + suffix)
            if key:
                taken[k:k + n] = b"\x01" * n
                out.append(_mention(doc, key, "concept", "label", k, k + n, offset, 0.9))
                return out
    return out


def _coordinated(doc, gazetteer: Gazetteer, offset: int, mention: Mention, taken: bytearray) -> list[Mention]:
    """ "countering terrorism and violent extremism" → also "countering violent extremism"."""
    lowers = lowers_of(doc)
    words = lowers[mention.start:mention.end]
    out = []
    for split in range(1, len(words)):
        prefix = " ".join(words[:split])
        j = mention.end
        while j < len(doc):
            k = j
            while k < len(doc) and lowers[k] in _CONNECTORS:
                k += 1
            if k == j:
                break
            found = None
            for n in (4, 3, 2, 1):
                if k + n > len(doc):
                    continue
                key = gazetteer.label_index.get(prefix + " " + " ".join(lowers[k:k + n]))
                if key:
                    found = (n, key)
                    break
            if found is None:
                break
            n, key = found
            taken[k:k + n] = b"\x01" * n
            out.append(_mention(doc, key, "concept", "label", k, k + n, offset, 0.9))
            j = k + n
        if out:
            break
    return out
