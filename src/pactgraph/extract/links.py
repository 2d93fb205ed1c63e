"""Link concepts (values, challenges, areas) and regions to what a sentence is about.

A concept or region in a sentence is linked

* to the text's agreement when the sentence names that agreement, or when it
  names no actor outside the agreement's parties;
* to the actors that open the sentence as its subject, when they come before
  it ("Japan and NATO are dedicated to the values of …");
* failing both, to the actors the sentence's "we" refers to, or to the text's
  main actors.
"""

from __future__ import annotations

from ..namespaces import ID, PACT
from .context import POLITICAL, DocContext
from .clauses import subject_group

__all__ = ["link_concepts"]


def link_concepts(ctx: DocContext, agreements) -> None:
    concepts = ctx.gazetteer.concepts
    primary = None
    if agreements:
        # The agreement mentioned most often is what the text is about.
        primary = max(agreements, key=lambda pair: len(pair[1]))
    for sentence in ctx.sentences:
        targets_mentions = [m for m in sentence.mentions if m.kind in ("concept", "region")]
        if not targets_mentions:
            continue
        actors = ctx.actors_in(sentence, POLITICAL)
        named = [m for m in actors if m.form != "coref"]
        for mention in targets_mentions:
            if mention.kind == "concept":
                concept = concepts[mention.key]
                predicate, obj = concept.predicate, concept.iri
            else:
                predicate, obj = PACT + "concernsRegion", ID + mention.key
            linked = False
            if primary is not None:
                agreement, sentence_ids = primary
                parties = set(agreement.parties)
                outsiders = [m for m in named if ID + m.key not in parties]
                if sentence.index in sentence_ids or not outsiders:
                    rule = "concept-in-agreement-sentence" if sentence.index in sentence_ids else "concept-in-agreement-context"
                    conf = 0.85 if sentence.index in sentence_ids else 0.7
                    ctx.state(agreement.iri, predicate, obj, ctx.evidence(sentence, rule, conf))
                    linked = True
            before = [m for m in subject_group(ctx, sentence, named) if m.end <= mention.start]
            for actor in dict.fromkeys(m.key for m in before):
                ctx.state(ID + actor, predicate, obj, ctx.evidence(sentence, "concept-actor-in-sentence", 0.7))
                linked = True
            if not linked:
                fallback = [m.key for m in actors if m.form == "coref"] or [m.key for m in named] or ctx.main_actors
                for actor in dict.fromkeys(fallback):
                    ctx.state(ID + actor, predicate, obj, ctx.evidence(sentence, "concept-main-actor", 0.5))
