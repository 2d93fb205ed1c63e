"""Agreements: named by genre ("Joint Political Declaration", "Memorandum of
Understanding", "Individually Tailored Partnership Programme", "Treaty"…), with
parties, signatories, date and place.

An agreement is kept when the text names it with capitals, or describes it
being concluded (signed, adopted, endorsed…). Mentions of the same genre in one
text ("the Joint Declaration", "this declaration", "our declaration") are one
agreement unless their proper qualifiers differ ("North Atlantic Treaty").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..model import Agreement, Position
from ..namespaces import DCTERMS, ID, PACT, RDF, RDFS, XSD, slugify
from .context import DocContext, Sentence
from .dates import find_dates

__all__ = ["find_agreements"]

# Genre phrases (lowercase token sequences) → pact: class. Longer phrases win.
GENRES: list[tuple[str, str]] = [
    ("individual partnership and cooperation programme", "PartnershipProgramme"),
    ("individually tailored partnership programme", "PartnershipProgramme"),
    ("individual partnership action plan", "ActionPlan"),
    ("partnership and cooperation programme", "PartnershipProgramme"),
    ("partnership programme", "PartnershipProgramme"),
    ("partnership program", "PartnershipProgramme"),
    ("cooperation programme", "PartnershipProgramme"),
    ("joint political declaration", "JointDeclaration"),
    ("political declaration", "JointDeclaration"),
    ("joint declaration", "JointDeclaration"),
    ("declaration", "JointDeclaration"),
    ("joint statement", "JointStatement"),
    ("joint communique", "JointStatement"),
    ("joint communiqué", "JointStatement"),
    ("memorandum of understanding", "MemorandumOfUnderstanding"),
    ("memorandum of cooperation", "MemorandumOfUnderstanding"),
    ("mou", "MemorandumOfUnderstanding"),
    ("framework participation agreement", "FrameworkAgreement"),
    ("framework agreement", "FrameworkAgreement"),
    ("security agreement", "Agreement"),
    ("action plan", "ActionPlan"),
    ("treaty", "Treaty"),
    ("agreement", "Agreement"),
    ("accord", "Agreement"),
    ("pact", "Agreement"),
    ("charter", "Treaty"),
    ("convention", "Treaty"),
]
_GENRE_WORDS = {w for phrase, _ in GENRES for w in phrase.split()} | {"joint"}
_SIGN = {
    "sign", "signs", "signed", "signing", "conclude", "concludes", "concluded", "concluding", "adopt",
    "adopts", "adopted", "adopting", "endorse", "endorses", "endorsed", "endorsing", "approve", "approved",
    "approves", "launch", "launched", "launches", "issued", "issue", "issues", "agreed", "ink", "inked",
    "renewed", "renew", "renews", "ratified", "ratify", "entered", "initialled", "finalised", "finalized",
}
_DETERMINERS = {"this", "our", "the", "a", "an", "new", "first", "today", "today's", "their", "its"}
_NOT_PARTY_BEFORE = {"in", "on", "about", "regarding", "for", "to", "towards", "against", "from", "into", "across"}
_SINGLE_HEADS = {"declaration", "agreement", "treaty", "accord", "pact", "charter", "convention"}


@cache
def _genre_matcher(nlp):
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase, kind in GENRES:
        matcher.add(kind, [nlp.make_doc(phrase)])
    return matcher


@dataclass(slots=True)
class _AgreementMention:
    sentence: Sentence
    start: int
    end: int
    kind: str
    words: list[str]  # genre words as written
    qualifiers: list[str]  # capitalised proper qualifiers before the genre ("North Atlantic")
    capitalised: bool
    signing: bool


@dataclass(slots=True)
class _Cluster:
    kind: str
    qualifiers: tuple[str, ...]
    mentions: list[_AgreementMention] = field(default_factory=list)


def _mentions(ctx: DocContext, nlp) -> list[_AgreementMention]:
    from spacy.util import filter_spans

    doc = ctx.doc
    out = []
    spans = filter_spans(_genre_matcher(nlp)(doc, as_spans=True))
    for span in spans:
        sentence = ctx.sentence_of(span.start)
        words = [t.text for t in span]
        capitalised = all(w[:1].isupper() for w in words if w.lower() not in {"of", "and"})
        head = span[-1].lower_
        # Proper qualifiers: capitalised tokens right before the genre ("North Atlantic Treaty").
        qualifiers = []
        k = span.start - 1
        while k >= sentence.start and (doc[k].is_title or doc[k].is_upper) and doc[k].is_alpha \
                and doc[k].lower_ not in _DETERMINERS and doc[k].text not in {"I", "A"}:
            if any(m.start <= k < m.end and m.kind == "actor" for m in sentence.mentions):
                break  # "NATO-Japan Joint Declaration": the actors are parties, not part of the name
            qualifiers.insert(0, doc[k].text)
            k -= 1
        if k == sentence.start - 1 and qualifiers:
            qualifiers = []  # capitalised only because it opens the sentence or a headline
        lowers = {t.lower_ for t in doc[sentence.start:sentence.end]}
        signing = bool(lowers & _SIGN)
        if len(span) == 1 and head in _SINGLE_HEADS:
            prev = doc[span.start - 1].lower_ if span.start > sentence.start else ""
            if not (capitalised or prev in _DETERMINERS) or span.text.lower() == "pact" and not capitalised:
                continue
            if not capitalised and not signing and not qualifiers:
                continue
        if span[-1].text.lower() == "declaration" and span.start + 1 < len(doc) and doc[span.end:span.end + 1].text == "of":
            if qualifiers == [] and not signing and not capitalised:
                continue
        out.append(_AgreementMention(sentence, span.start, span.end, span.label_, words,
                                     qualifiers, capitalised, signing))
    return out


def _cluster(mentions: list[_AgreementMention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for mention in mentions:
        qual = tuple(mention.qualifiers)
        target = None
        for cluster in clusters:
            if cluster.kind != mention.kind:
                continue
            if not qual or not cluster.qualifiers or qual == cluster.qualifiers:
                target = cluster
                break
        if target is None:
            target = _Cluster(mention.kind, qual)
            clusters.append(target)
        elif qual and not target.qualifiers:
            target.qualifiers = qual
        target.mentions.append(mention)
    return clusters


def _name(cluster: _Cluster) -> str:
    best = max(cluster.mentions, key=lambda m: (len(m.words), m.capitalised))
    words = [w if w.lower() in {"of", "and"} else w[:1].upper() + w[1:] for w in best.words]
    if words and words[0].lower() == "mou":
        words = ["Memorandum", "of", "Understanding"]
    return " ".join(list(cluster.qualifiers) + words)


def _parties_in(ctx: DocContext, sentence: Sentence) -> list[str]:
    doc = ctx.doc
    parties = []
    for mention in sentence.mentions:
        if mention.kind != "actor" or ctx.entity_kind(mention.key) in {"mission", ""}:
            continue
        prev = doc[mention.start - 1].lower_ if mention.start > sentence.start else ""
        if prev == "the" and mention.start - 1 > sentence.start:
            prev = doc[mention.start - 2].lower_
        if prev in _NOT_PARTY_BEFORE:
            continue
        if mention.form == "coref" and mention.confidence < 0.7:
            continue
        if mention.key not in parties:
            parties.append(mention.key)
    return parties


def find_agreements(ctx: DocContext, nlp, positions: list[Position]) -> list[tuple[Agreement, list[int]]]:
    """Find agreements and record their statements.

    Returns each agreement with the indexes of the sentences that mention it.
    """
    meta = ctx.source.metadata
    title_lower = meta.get("title", "").lower()
    title_signing = any(w in _SIGN for w in title_lower.replace(",", " ").split())
    result = []
    for cluster in _cluster(_mentions(ctx, nlp)):
        signing = [m for m in cluster.mentions if m.signing]
        named = any(m.capitalised and (m.qualifiers or len(m.words) > 1) for m in cluster.mentions)
        concluded = bool(signing) or (meta.get("genre", "").replace("-", " ") in _name(cluster).lower())
        if not (concluded or named):
            continue
        evidence_sentences = [m.sentence for m in (signing or cluster.mentions)]
        parties: list[str] = []
        for sentence in evidence_sentences:
            for key in _parties_in(ctx, sentence):
                if key not in parties:
                    parties.append(key)
        rule = "agreement-party-in-signing-sentence" if signing else "agreement-party-in-sentence"
        party_evidence = {p: [s for s in evidence_sentences if p in _parties_in(ctx, s)] for p in parties}
        if not parties and concluded and ctx.main_actors:
            parties = list(ctx.main_actors)
            rule = "agreement-party-main-actor"
            first = cluster.mentions[0].sentence
            party_evidence = {p: [first] for p in parties}
        if not parties:
            continue
        name = _name(cluster)
        date, date_sentence, date_span = _date(ctx, cluster, signing, title_signing)
        year = (date or "")[:4]
        party_slugs = "-".join(sorted(p.rsplit("/", 1)[-1] for p in parties))
        iri = ID + "agreement/" + slugify(f"{name} {party_slugs} {year}")
        agreement = Agreement(iri=iri, name=name, kind=cluster.kind, parties=[ID + p for p in parties], date=date)
        first = cluster.mentions[0]
        ev = ctx.evidence(first.sentence, "agreement-genre-pattern", 0.9 if named else 0.75)
        ctx.state(iri, RDF + "type", PACT + cluster.kind, ev)
        if cluster.kind != "Agreement":
            ctx.state(iri, RDF + "type", PACT + "Agreement", ev)
        ctx.state(iri, RDFS + "label", (name, XSD + "string"), ev)
        for party in parties:
            for sentence in party_evidence[party][:3]:
                conf = 0.9 if rule == "agreement-party-in-signing-sentence" else 0.7
                ctx.state(iri, PACT + "party", ID + party, ctx.evidence(sentence, rule, conf))
        if date:
            dev = ctx.evidence(date_sentence, "agreement-date", 0.85, *date_span) if date_span else \
                ctx.evidence(date_sentence, "agreement-date-from-metadata", 0.7)
            ctx.state(iri, PACT + "signingDate", (date, XSD + "date"), dev)
            ctx.state(iri, DCTERMS + "date", (date, XSD + "date"), dev)
            place = _place(ctx, signing, date_span is None)
            if place:
                key, psent, rule_id = place
                agreement.place = ID + key
                ctx.state(iri, PACT + "signingPlace", ID + key, ctx.evidence(psent, rule_id, 0.7))
        _signatories(ctx, agreement, cluster, positions, bool(signing) or title_signing)
        result.append((agreement, [m.sentence.index for m in cluster.mentions]))
    return result


def _date(ctx: DocContext, cluster: _Cluster, signing, title_signing: bool):
    """Return (date, sentence, (start, end) or None)."""
    for mention in signing or cluster.mentions:
        sentence = mention.sentence
        text = ctx.text[sentence.char_start:sentence.char_end]
        dates = find_dates(text)
        if dates:
            s, e, iso = dates[0]
            return iso, sentence, (sentence.char_start + s, sentence.char_start + e)
    meta_date = ctx.source.metadata.get("date")
    if meta_date and (signing or title_signing):
        for mention in signing:
            lowers = set(ctx.tokens_lower(mention.sentence))
            if lowers & {"today", "just", "will", "signed", "signs", "sign", "signing", "adopted"}:
                return meta_date, mention.sentence, None
        if title_signing:
            return meta_date, ctx.sentences[0], None
    return None, None, None


def _place(ctx: DocContext, signing, from_metadata: bool):
    for mention in signing:
        for m in mention.sentence.mentions:
            if m.kind == "place":
                return m.key, mention.sentence, "agreement-place-in-signing-sentence"
    if from_metadata and ctx.source.metadata.get("place"):
        wanted = ctx.source.metadata["place"].strip()
        for entity in ctx.gazetteer.register.entities.values():
            if entity.kind == "place" and wanted in entity.names:
                ctx.metadata_place = entity.key
                return entity.key, ctx.sentences[0], "agreement-place-from-metadata"
        key = "place/" + slugify(wanted)
        ctx.extra_places[key] = wanted
        return key, ctx.sentences[0], "agreement-place-from-metadata"
    return None


def _signatories(ctx: DocContext, agreement: Agreement, cluster: _Cluster, positions: list[Position],
                 signed: bool) -> None:
    """Holders of a top post in a party sign a concluded agreement."""
    if not signed:
        return
    for position in positions:
        if position.organization not in agreement.parties:
            continue
        if "Deputy" in position.title or "Assistant" in position.title or "Spokes" in position.title:
            continue
        best = None
        for sentence in ctx.sentences:
            tokens = set(ctx.tokens_lower(sentence))
            holder_here = any(pos.holder == position.holder for pos in positions) and \
                any(s for (iri, s, e) in ctx.person_mentions if iri == position.holder and sentence.start <= s < sentence.end)
            if holder_here and tokens & _SIGN:
                best = (sentence, "signatory-in-signing-sentence", 0.9)
                break
            if holder_here and best is None:
                best = (sentence, "signatory-holder-of-party-post", 0.7)
        if best:
            ctx.state(agreement.iri, PACT + "signatory", position.holder, ctx.evidence(best[0], best[1], best[2]))
