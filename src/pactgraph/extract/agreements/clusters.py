"""Clusters of mentions: the mentions of one text that name one agreement, the one that is the
document itself, names after a place of signing, and the clauses of a sentence naming several."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..context import DocContext, Sentence
from .cues import _FINITE, _SIGNING_VERBS
from .instrument import Instrument, find_instrument
from .mentions import _AgreementMention

__all__: list[str] = []

_DOC_GENRES = {"joint-statement": "JointStatement", "joint-declaration": "JointDeclaration"}


@dataclass(slots=True)
class _Cluster:
    kind: str
    head: str
    qualifiers: tuple[str, ...]
    topic: tuple[str, ...]
    mentions: list[_AgreementMention] = field(default_factory=list)
    document: bool = False
    known: str | None = None  # key of a well-known agreement (agreements.csv)
    earlier: set = field(default_factory=set)  # (a document's) date spans of earlier ones of its genre, not its own
    instrument: Instrument | None = None  # (a document printed as an agreement's text) its preamble and final clause
    later: list = field(default_factory=list)  # (a plural's) (sentence, states) that later say they concluded theirs

    @property
    def name(self) -> str:
        if self.known:
            return next(m.name for m in self.mentions if m.known == self.known)
        # a capitalised name of three words or more is the agreement's name ("Agreement on Security Cooperation
        # between Ukraine and …", not "a bilateral security agreement of this kind"); else the longest genre phrase
        best = max(self.mentions, key=lambda m: (m.capitalised and len(m.name.split()) >= 3, m.end - m.start,
                                                 m.capitalised, len(m.name), -m.start))
        return best.name


def _cluster(mentions: list[_AgreementMention], doc) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    aliases: dict[str, _AgreementMention] = {}  # the other names given so far → the one each is another name of
    for mention in mentions:
        target = None
        if mention.alias is not None:
            aliases.setdefault(mention.name.lower(), mention.alias)
        if mention.known:
            # a well-known agreement is one cluster, whatever form names it, and no other mention joins it
            target = next((c for c in clusters if c.known == mention.known), None)
            if target is None:
                target = _Cluster(mention.kind, mention.head, mention.qualifiers, mention.topic, known=mention.known)
                clusters.append(target)
            target.mentions.append(mention)
            continue
        named = mention.alias or aliases.get(mention.name.lower())
        target = None if named is None else next((c for c in clusters if any(m is named for m in c.mentions)), None)
        if target is not None:
            target.mentions.append(mention)  # another name of one named before ("…, better known as the Canberra Pact")
            continue
        # (what another replaces is none named before, but the one an amending agreement's name names)
        for cluster in ([] if mention.fresh else [c for c in reversed(clusters) if all(m.amended for m in c.mentions)]
                        if mention.replaced else reversed(clusters)):
            if cluster.known and mention.qualifiers:
                continue  # (only "the treaty", "This treaty" can refer back to a well-known agreement)
            if cluster.kind != mention.kind or cluster.head != mention.head:
                continue
            if mention.capitalised and any(_listed_with(m, mention, doc) for m in cluster.mentions):
                continue  # names listed one after another name as many agreements
            years = {m.year or m.named_year for m in cluster.mentions if m.year or m.named_year}
            year = mention.year or mention.named_year
            if year and years and year not in years:
                continue  # "the Joint Declaration adopted … on 27 May 2024" after one "adopted … in 2003"
            named = _name_years(mention.name)
            if named and not named & {y for m in cluster.mentions for y in _name_years(m.name)} \
                    and any(_name_years(m.name) for m in cluster.mentions):
                continue  # "the Executive Programme for 2016-2017", then "… of the Forum for 2026-2028"
            days = {m.date[2] for m in cluster.mentions if m.date}
            if mention.date and days and mention.date[2] not in days:
                continue  # "the treaty … signed in Bishkek on 13 March", then "the Treaty …, signed on 31 March"
            owns = {m.own for m in cluster.mentions if m.own}
            if mention.own and mention.own not in owns and (owns or cluster.mentions[0].sentence is not mention.sentence) \
                    and not all(m.amended for m in cluster.mentions):
                continue  # "the Strategic Partnership that the EU and ASEAN have maintained": another partnership
            if mention.actors_in_name and owns and all(m.own for m in cluster.mentions) \
                    and not any(set(o) & set(mention.actors_in_name) for o in owns):
                continue  # "the defence cooperation agreement that Washington and Port Moresby concluded", then "the
                # Australia–Indonesia Defence Cooperation Agreement": a name that gives none of its parties
            if mention.signers and owns and all(m.own for m in cluster.mentions) \
                    and not any(set(mention.signers) <= set(o) for o in owns):
                continue  # "the treaty that Asunción and Brasília signed on 26 April 1973", then "Paraguay and
                # Argentina signed the Yacyretá Treaty": other signers, another treaty (but two of its three
                # signers signing "the Treaty" sign that one)
            sides = {frozenset(m.sides) for m in cluster.mentions if m.sides}
            if mention.sides and sides and not any(set(mention.sides) <= side for side in sides) \
                    and not set(mention.sides) <= {k for m in cluster.mentions for k in m.actors_in_name}:
                continue  # signed by other sides in its own sentence: another agreement of the kind (but "the
                # agreement concluded in 2012 between Kuwait and Iraq" is "the Agreement between the State of Kuwait
                # and the Republic of Iraq on …", whatever other sentences gave it)
            if mention.plural and not mention.capitalised and not any(m.plural for m in cluster.mentions):
                continue  # "an implementing arrangement concluded in 2018", then "the bilateral stand-in
                # arrangements that NATO's structures do not provide for": a plural is not the one agreement
            if _other_partner(mention, cluster):
                continue  # "a Security and Defence Partnership with Canada", then "… between the Union and the UK"
            if mention.capitalised and mention.qualifiers and not any(m.capitalised or m.qualifiers
                                                                       for m in cluster.mentions) \
                    and mention.sentence.index - cluster.mentions[-1].sentence.index > 2:
                continue  # "the agreement that the border commissions of Azerbaijan and Armenia reached", then, far
                # on, "the Headquarters Agreement for the OIC Regional Office": a generic name does not look forward
            if _same_qualifiers(mention, cluster):
                target = cluster
                break
        if target is None:
            target = _Cluster(mention.kind, mention.head, mention.qualifiers, mention.topic)
            clusters.append(target)
        elif len(mention.qualifiers) > len(target.qualifiers):
            target.qualifiers, target.topic = mention.qualifiers, mention.topic
        target.mentions.append(mention)
    return clusters


_LIST_WORDS = {",", "and", "the", "a", "an", "as", "well", ";", "–", "—"}
_LIST_ENDS = {"and", "well", ";"}  # what joins a list's last item ("… and the Mutual Defense Assistance Agreement")
_REPEATED_LINKS = {"to", "under", "with", "by", "in", "of", "from"}


def _repeated_link(doc, mention: _AgreementMention) -> set[str]:
    """The preposition before a name (and its article), as a set of one, when a list may repeat it before its next
    item ("put their names to the Panama Canal Treaty and to the Treaty concerning …", "the implementation of the
    Memorandum … and of the Memorandum …"); empty otherwise."""
    lead = mention.name_start - 1 - (doc[mention.name_start - 1].lower_ in {"the", "a", "an"})
    return {doc[lead].lower_} & _REPEATED_LINKS if lead >= mention.sentence.start else set()


def _listed_with(earlier: _AgreementMention, mention: _AgreementMention, doc) -> bool:
    """Whether two capitalised names of one sentence are items of one list, with at most other names between them:
    "the Defense Agreement, the Economic Aid Agreement and the Mutual Defense Assistance Agreement" (a list joins its
    last item with "and": two names set apart by commas alone are one agreement named twice, "the Agreement on
    Defence Cooperation, the Indonesia–Malaysia Defence Cooperation Agreement, in Jakarta")."""
    if earlier.sentence is not mention.sentence:
        return False  # (first: asked of every pair of mentions in a text)
    joins = _LIST_WORDS | _repeated_link(doc, earlier)
    if not (earlier.capitalised and earlier.name != mention.name and earlier.name_end < mention.name_start
            and all(t.lower_ in joins or t.is_title or t.is_upper for t in doc[earlier.name_end:mention.name_start])):
        return False
    k = mention.name_end  # (the list may go on past the later name: "A, B and C")
    while k < mention.sentence.end and (doc[k].lower_ in _LIST_WORDS or doc[k].is_title or doc[k].is_upper) \
            and doc[k].lower_ not in _LIST_ENDS:
        k += 1
    return any(t.lower_ in _LIST_ENDS for t in doc[earlier.name_end:mention.name_start]) \
        or (k < mention.sentence.end and doc[k].lower_ in _LIST_ENDS)


def _name_years(name: str) -> set[str]:
    """The years written in an agreement's name ("Work Plan for 2026-2028")."""
    return set(re.findall(r"\b(?:19|20)\d\d\b", name))


_LEVELS = {"comprehensive", "strategic", "enhanced", "special", "global", "privileged", "extended", "all-round",
           "distinctive", "deep", "deepened"}


def _same_qualifiers(mention: _AgreementMention, cluster: _Cluster) -> bool:
    """Whether a mention's qualifiers can name the cluster's agreement: either has none ("the Memorandum"), or the
    words of one are the other's, both all of them and those of the topic. "The Memorandum on Defense Cooperation" is
    not "the Memorandum on Cooperation in Military Medicine between the Ministries of National Defense", but "the
    Defence Cooperation Agreement" is "the Agreement between A and B on Cooperation in the Field of Defence"."""
    if not mention.qualifiers or not cluster.qualifiers:
        return True
    if cluster.head == "partnership" and set(mention.qualifiers) & _LEVELS != set(cluster.qualifiers) & _LEVELS:
        return False  # a Comprehensive Partnership (2009), lifted to a Strategic Partnership (2018), then raised to a
        # Comprehensive Strategic Partnership (2024): three levels, three agreements
    pairs = ((set(mention.qualifiers), set(cluster.qualifiers)), (set(mention.topic), set(cluster.topic)))
    return all(a <= b for a, b in pairs) or all(b <= a for a, b in pairs)


_PLACE_NAMED = re.compile(r"(?:(?:Treaty|Agreement|Accord|Declaration|Protocol|Pact|Memorandum) of ([A-Z][\w'-]+)"
                          r"|([A-Z][\w'-]+) (?:Treaty|Agreement|Accord|Declaration|Protocol|Pact))")


def _merge_place_names(ctx: DocContext, clusters: list[_Cluster]) -> list[_Cluster]:
    """ "… today signed in Nancy the Treaty between the French Republic and the Republic of Poland …", then "the
    Treaty of Nancy": a name after the place of signing is the agreement signed there, earlier in the text."""
    gone = []
    for cluster in clusters:
        match = _PLACE_NAMED.fullmatch(cluster.name)
        place = match and (match.group(1) or match.group(2))
        if place and any(set(ctx.lowers[max(m.sentence.start, m.name_start - 6):m.name_start]) & _SIGNING_VERBS
                         for m in cluster.mentions):
            continue  # signed under that name itself: "President Tebboune and I have signed the Rome Declaration",
            # not the declaration of intent "our energy ministers signed in Rome" in January
        years = {m.year for m in cluster.mentions if m.year}
        target = next((c for c in clusters if place and c is not cluster and c not in gone and c.kind == cluster.kind
                       and c.head == cluster.head and not c.document
                       and not (years and {m.year for m in c.mentions if m.year} - years)
                       and any(m.concluded and re.search(
                           rf"\b(?:in|at) {re.escape(place)}\b", ctx.text[m.sentence.char_start:m.sentence.char_end])
                               for m in c.mentions)), None)
        if target is not None:
            if cluster.known and not target.known:
                # "the Treaty of Nancy" is a well-known agreement: the treaty signed in Nancy joins it
                cluster.mentions = sorted(target.mentions + cluster.mentions, key=lambda m: m.start)
                gone.append(target)
                continue
            for mention in cluster.mentions:
                mention.concluded = False  # (its date and parties are the ones of the signing, not of its sentence)
            target.mentions = sorted(target.mentions + cluster.mentions, key=lambda m: m.start)
            gone.append(cluster)
    return [c for c in clusters if c not in gone]


def _other_partner(mention: _AgreementMention, cluster: _Cluster) -> bool:
    """Whether a mention and a cluster name partners that cannot both be right: the partner after "with" of one is
    not among the actors named in the other."""
    named = {k for m in cluster.mentions for k in m.actors_in_name} | {m.partner for m in cluster.mentions if m.partner}
    if mention.partner and named and mention.partner not in named:
        return True
    partners = {m.partner for m in cluster.mentions if m.partner}
    if mention.signers and partners and not partners & set(mention.signers) and all(
            m.partner or m.own for m in cluster.mentions):
        return True  # "the defence agreement it signed with the Emirates", then "Kuwait and France signed a Defence
        # Cooperation Agreement"
    return bool(mention.actors_in_name and partners and not partners & set(mention.actors_in_name))


def _document_cluster(ctx: DocContext, clusters: list[_Cluster]) -> None:
    """Mark the agreement that is the document itself: a joint statement or declaration of its genre, else the
    agreement whose text it prints (see :mod:`.instrument`)."""
    if not _genre_document(ctx, clusters):
        _instrument_document(ctx, clusters)


def _instrument_document(ctx: DocContext, clusters: list[_Cluster]) -> None:
    """The agreement whose name heads the preamble of the text the document prints ("TREATY ON FRIENDSHIP …", then
    "The Republic of Kazakhstan, the Kyrgyz Republic, … hereinafter referred to as the Parties,")."""
    instrument = find_instrument(ctx)
    if instrument is None:
        return
    heading = [c for c in clusters if not c.known and any(
        m.capitalised and instrument.heading - 1 <= m.sentence.index <= instrument.heading for m in c.mentions)]
    if heading:
        heading[-1].document = True
        heading[-1].instrument = instrument


def _genre_document(ctx: DocContext, clusters: list[_Cluster]) -> bool:
    """Mark the joint statement or declaration that the document's genre or title says it is; whether one was."""
    meta = ctx.source.metadata
    genre = meta.get("genre", "")
    title = meta.get("title", "").lower()
    kind = _DOC_GENRES.get(genre)
    if kind is None and ("joint statement" in title or "joint declaration" in title):
        kind = "JointStatement" if "statement" in title else "JointDeclaration"
    if kind is None and ("joint communiqué" in title or "joint communique" in title):
        kind = "JointStatement"  # "Joint Communiqué of the … Meeting": a communiqué is a statement of its signers
    if kind is None:
        return False
    opening = {s.index for s in ctx.sentences[:3]}
    for cluster in clusters:
        if cluster.kind == kind and any(m.sentence.index in opening for m in cluster.mentions):
            cluster.document = True
            _split_other_years(ctx, clusters, cluster)
            return True
    return False


def _split_other_years(ctx: DocContext, clusters: list[_Cluster], document: _Cluster) -> None:
    """ "This text carries forward the Joint Declaration signed in Warsaw on 8 July 2016": a mention of the
    document's genre concluded in another year, or on another day, than the document is an earlier agreement, one
    per year or day ("the joint statement on Sudan issued on 12 September by …")."""
    if ctx.date is None:
        return

    def other_time(mention: _AgreementMention) -> str | None:
        """The year or day, other than the document's, its concluding phrase or name gives a mention."""
        year = mention.year or mention.named_year
        if year and int(year) != ctx.date.year:
            return year
        day = mention.date[2] if mention.date else None
        return day if day and day != ctx.date.isoformat() else None

    for cluster in clusters:  # (the day another agreement's own phrase gives is not the document's)
        if cluster is not document:
            document.earlier.update(m.date[:2] for m in cluster.mentions if m.date and m.date[0] is not None)
    if all(map(other_time, document.mentions)):
        return  # (then nothing in the text names the document itself)
    others: dict[str, _Cluster] = {}
    for mention in list(document.mentions):
        time = other_time(mention)
        if time:
            document.mentions.remove(mention)
            if time not in others:
                others[time] = _Cluster(mention.kind, mention.head, mention.qualifiers, mention.topic)
                clusters.append(others[time])
            others[time].mentions.append(mention)
            if mention.date and mention.date[0] is not None:
                document.earlier.add(mention.date[:2])


_CLAUSE_JOINS = {"and", "while", "whereas", "but"}
_TIME_JOINS = {"after", "before", "when", "since", "until"}
_TIME_SPANS = {"a", "an", "few", "several", "some", "two", "three", "four", "five", "six", "seven", "eight", "nine",
               "ten", "decades", "decade", "years", "year", "months", "month", "weeks", "week", "days", "day", "just",
               "only", "shortly", "soon", "long", "almost", "nearly", "more", "than"}


def _time_clause(lowers: list[str], i: int, hi: int) -> int | None:
    """Where the clause of a time conjunction after a comma begins: ", three decades after …", ", shortly before …",
    ", when …" (``i`` is the token after the comma); ``None`` when none opens there."""
    for t in range(i, min(hi - 1, i + 5)):
        if lowers[t] in _TIME_JOINS:
            return t + 1
        if lowers[t] not in _TIME_SPANS and not lowers[t].isdigit():
            return None
    return None
_CLAUSE_LEADS = {"the", "our", "their", "its", "his", "her", "both", "then", "later", "also", "in", "on", "at", "a",
                 "few", "weeks", "days", "months", "year", "years", "after", "that", "same", "day", "week", "month", ","}


def _clauses(ctx: DocContext, clusters: list[_Cluster]) -> None:
    """A sentence of several clauses, each with its own subject: "the three Presidents signed the Khujand
    Declaration, and our Tajik and Uzbek neighbours brought into force their own Treaty"; "India and Pakistan agreed
    the line in the Karachi Agreement, and the Security Council has kept it since". Each mention's parties are then
    read from its own clause (``_AgreementMention.clause``)."""
    by_sentence: dict[int, list] = {}
    for cluster in clusters:
        for m in cluster.mentions:
            by_sentence.setdefault(m.sentence.index, []).append(m)
    doc = ctx.doc
    for mentions in by_sentence.values():
        sentence = mentions[0].sentence
        cuts, lo = [], sentence.start
        while (cut := _clause_cut(ctx, sentence, lo, sentence.end)) is not None:
            cuts.append(cut)
            lo = cut[1]
        if not cuts:
            continue
        bounds = [(sentence.start, cuts[0][0])] + [(cut[1], after[0]) for cut, after in zip(cuts, cuts[1:])] + \
            [(cuts[-1][1], sentence.end)]
        for m in mentions:
            start, end = next(((s, e) for s, e in bounds if s <= m.name_start < e), (sentence.start, sentence.end))
            m.clause = Sentence(sentence.index, start, end, ctx.offset + doc[start].idx,
                                ctx.offset + doc[end - 1].idx + len(doc[end - 1]),
                                [a for a in sentence.mentions if start <= a.start < end], sentence.speaker)


def _clause_cut(ctx: DocContext, sentence: Sentence, lo: int, hi: int) -> tuple[int, int] | None:
    """(end of the clause opening at token ``lo``, start of the next) before token ``hi``: a semicolon, or a comma and
    "and"/"while"/"whereas"/"but", followed soon by an actor heading the next clause (not "…, and with Japan the …"),
    once the first clause has a verb (not the subjects "my Croatian colleague, Minister X, and I signed …")."""
    lowers = ctx.lowers
    for j in range(lo, hi - 1):
        if lowers[j] == ";":
            k = j + 1
        elif lowers[j] == "," and lowers[j + 1] in _CLAUSE_JOINS:
            k = j + 2
        elif lowers[j] == "when" and j > lo and lowers[j - 1] not in {",", "and", "or", "since", "until"}:
            k = j + 1  # ("Ukraine, which became a Participating State when Commissioner X and Ukraine's Minister Y
            # signed the agreement …": the parties are the when-clause's)
        elif lowers[j] == "," and (t := _time_clause(lowers, j + 1, hi)) is not None:
            k = t  # ("… signed a treaty on Tuesday, the Kremlin said, three decades after the Soviet Union and the
            # United States signed the INF Treaty")
        else:
            continue
        first = next((m for m in ctx.actors_in(sentence) if k <= m.start < hi), None)
        # (the verb after the last subordinator: not "I am pleased that this morning my friend X, Iceland's Minister
        # for Foreign Affairs, and I signed …", whose verb is the main clause's)
        opening = max((i + 1 for i in range(lo, j) if _opens_clause(lowers, i)), default=lo)
        leads = _CLAUSE_LEADS | ({"and"} if lowers[j] == "when" else set())  # ("when Commissioner X and …")
        if first is not None and first.start - k <= 6 and all(
                lowers[i] in leads or lowers[i].isdigit() or ctx.doc[i].text[:1].isupper()
                for i in range(k, first.start)) and any(_verb_like(ctx, i) for i in range(opening, j)):
            return j, k
    return None


def _opens_clause(lowers: list[str], i: int) -> bool:
    """Whether the word at ``i`` opens a subordinate clause: not "that" before a time noun ("of May that year"), nor
    "since", "because", "when" or "if" before a time or a phrase ("since 2019", "since the talks", "because of the
    war", "when necessary")."""
    if lowers[i] not in _SUBORDINATORS or lowers[i + 1] in _THAT_DETERMINES:
        return False
    return lowers[i] in {"that", "whereas"} or not (lowers[i + 1].isdigit() or lowers[i + 1] in _NOT_CLAUSE_OPENING)


_SUBORDINATORS = {"that", "because", "when", "whereas", "if", "since"}
_NOT_CLAUSE_OPENING = {"of", "then", "the", "last", "early", "late", "its", "their", "necessary", "possible", "needed",
                       "appropriate", "so", "not", "now", "before", "after", "january", "february", "march", "april",
                       "may", "june", "july", "august", "september", "october", "november", "december"}
_THAT_DETERMINES = {"year", "day", "month", "week", "time", "morning", "afternoon", "evening", "same", "one", "summer",
                    "autumn", "winter", "spring", "decade", "period", "date", "night"}
_IRREGULAR_PAST = {"met", "held", "made", "took", "kept", "set", "gave", "began", "became", "said", "put", "struck",
                   "won", "saw", "sent", "brought", "left", "led", "paid", "told", "went", "came"}


def _verb_like(ctx: DocContext, i: int) -> bool:
    """Token ``i`` could be the verb of a clause: a finite auxiliary, an irregular past or a lower-case "-ed" form."""
    word = ctx.lowers[i]
    return word in _FINITE or word in _IRREGULAR_PAST or (word.endswith("ed") and ctx.doc[i].text.islower())
