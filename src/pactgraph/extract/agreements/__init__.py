"""Agreements: named by genre ("Joint Political Declaration", "Memorandum of
Understanding", "Individually Tailored Partnership Programme", "Treaty",
"Roadmap", "Exchange of Notes"…), with parties, signatories, date and place.

An agreement is kept when the text presents it as concluded: a sentence naming
it says it was signed, adopted, endorsed, agreed, ratified or acceded to (and
not merely negotiated or hoped for); its name joins two actors ("EU-ASEAN Work
Plan"); or it is the document itself (a joint statement or declaration). Legal
texts cited as standards ("the Charter of the United Nations", "the Paris
Agreement" to be implemented) are not agreements of the text.

Mentions of the same genre in one text ("the Joint Declaration", "this
declaration", "our declaration") are one agreement unless their names differ
("Economic Partnership Agreement", "Strategic Partnership Agreement").

Parties come, in order of preference, from accession ("Sweden's accession to
the Washington Treaty": Sweden), the agreement's name ("NATO-Georgia Package"),
"between A and B" or "by A, B and C" in a sentence that concludes it, the
parties urged to implement it ("urged the South Sudanese parties to implement the
Revitalized Agreement"), the actors and the signatories' actors of that sentence
(not organizations they are members of), and finally the text's main actors.

With the agreement model (:mod:`.agreement_model`, left out by ``--rules-only``), a mention the rules leave neither
concluded nor planned is concluded when the model scores it so, and an agreement's parties are the model's choice
among candidates that include the rules' own parties (a well-known agreement's are never scored).
"""

from __future__ import annotations

from ...model import Agreement, Position
from ..context import DocContext
from .clusters import _clauses, _cluster, _document_cluster, _merge_place_names
from .cues import GENRES
from .finding import _mentions
from .mentions import _AgreementMention
from .parties import _elliptical_signings, constituents
from .recording import _record, _record_cluster, _recounted, _similar_agreements
from .tables import named_already, table_agreements

__all__ = ["GENRES", "constituents", "find_agreements"]


def find_agreements(ctx: DocContext, nlp, positions: list[Position]) -> list[tuple[Agreement, list[int]]]:
    """Find agreements and record their statements.

    Returns each agreement with the indexes of the sentences that mention it.
    """
    tabled, headers = table_agreements(ctx)
    # (the kinds a table's header names are the table's to record, one per signed cell)
    mentions = [m for m in _mentions(ctx, nlp)
                if not any(s <= ctx.offset + ctx.doc[m.name_start].idx < e for s, e in headers)]
    if ctx.agreement_model is not None:
        _scored_conclusions(ctx, mentions)
    clusters = _merge_place_names(ctx, _cluster(mentions, ctx.doc))
    _document_cluster(ctx, clusters)
    _clauses(ctx, clusters)
    _elliptical_signings(ctx, clusters)
    result, heads = [], []  # (and the genre noun of each, for "similar partnerships with …")
    for cluster in clusters:
        made = _record_cluster(ctx, cluster, positions, list(zip(result, heads)))
        result += made
        heads += [cluster.head] * len(made)
    # the agreements of a partner-by-kind table ("Australia | Signed Jan. 2017; in force | …"), one per signed cell
    found = [a for a, _ in result]
    result += [_record(ctx, cluster, [mention], name, parties, {p: [mention.sentence] for p in parties},
                       "agreement-party-table", dated, positions, scored=False)
               for cluster, mention, name, parties, dated in tabled
               if not named_already(found, cluster.kind, parties, name)]
    heads += [""] * (len(result) - len(heads))
    recorded = list(zip(result, heads))
    similar = _similar_agreements(ctx, recorded, positions)
    return _one_per_iri(result + similar + _recounted(ctx, recorded + [(r, "") for r in similar], positions))


def _one_per_iri(found: list[tuple[Agreement, list[int]]]) -> list[tuple[Agreement, list[int]]]:
    """One agreement per IRI: two clusters of one name, parties and year ("signed a new Defence and Security
    Cooperation Agreement" and, further on, "the Agreement signed today by the two ministers") record statements
    about the same node, which is one agreement, shown by the sentences of both."""
    kept: dict[str, tuple[Agreement, list[int]]] = {}
    for agreement, sentences in found:
        first = kept.get(agreement.iri)
        if first is None:
            kept[agreement.iri] = (agreement, list(sentences))
            continue
        first[0].place = first[0].place or agreement.place
        first[0].date = first[0].date or agreement.date
        first[0].groupings += [g for g in agreement.groupings if g not in first[0].groupings]
        first[1].extend(i for i in sentences if i not in first[1])
    return list(kept.values())


def _scored_conclusions(ctx: DocContext, mentions: list[_AgreementMention]) -> None:
    """A mention the rules read neither as concluded nor as only planned is concluded when the agreement model
    says so (see :mod:`.agreement_model`)."""
    for m, score in ctx.agreement_model.concluded_mentions(ctx, mentions):
        m.concluded, m.scored = True, score
