"""Helpers shared by the extraction rule tests: run invented sentences, read back the relations.

They run the rules alone (``use_model=False``): the relations the pair model adds are tested in test_pairs.py.
"""

from __future__ import annotations

from pactgraph.extract import extract, extract_with_context
from pactgraph.namespaces import ID
from pactgraph.sources import source_from_text

__all__ = ["agreement_parties", "agreements_by_name", "concept_keys", "memberships", "partners", "run", "triples"]


def run(body: str, name: str = "genre.txt", use_model: bool = False, **meta):
    """Extract ``body`` with the rules (and the pair model if ``use_model``), with ``meta`` as its header fields
    (``date="2024-05-01"``)."""
    header = "".join(f"{k}: {v}\n" for k, v in meta.items())
    return extract(source_from_text(f"---\n{header}---\n{body}" if header else body, name=name), use_model=use_model)


def triples(result, predicate: str) -> set[tuple[str, str]]:
    """``(subject, object)`` pairs of ``predicate``, without the instance namespace."""
    return {(s.subject.removeprefix(ID), s.obj.removeprefix(ID)) for s in result.statements
            if s.predicate == predicate and isinstance(s.obj, str)}


def agreement_parties(result) -> dict[str, list[str]]:
    """Each agreement's name and its parties (sorted, without the instance namespace)."""
    return {a.name: sorted(p.removeprefix(ID) for p in a.parties) for a in result.agreements}


def agreements_by_name(result) -> dict[str, list[list[str]]]:
    """Each agreement name with the party lists (register keys) of every agreement of that name: several share a
    plural's name ("Security and Defence Partnerships signed with A and with B")."""
    out: dict[str, list[list[str]]] = {}
    for agreement in result.agreements:
        out.setdefault(agreement.name, []).append(sorted(p.rsplit("id/", 1)[-1] for p in agreement.parties))
    return out


def memberships(body: str, **meta) -> set[tuple[str, str]]:
    """``(state, organization)`` memberships that ``body`` yields, extracted with ``meta`` as its header fields."""
    return triples(run(body, **meta), "http://www.w3.org/ns/org#memberOf")


def partners(result) -> set[frozenset]:
    """Partnerships as unordered pairs."""
    return {frozenset(pair) for pair in triples(result, "https://w3id.org/pactgraph/ontology#partnerOf")}


def concept_keys(body: str, **meta) -> set[str]:
    """The concepts a text mentions, linked to an actor or not (read from the extraction's context)."""
    import pactgraph.extract as extraction

    seen = {}
    original = extraction.find_relations

    def spy(ctx, agreements):
        seen["ctx"] = ctx
        return original(ctx, agreements)

    extraction.find_relations = spy
    try:
        run(body, **meta)
    finally:
        extraction.find_relations = original
    return {m.key for m in seen["ctx"].mentions("concept")}


def sides(agreement) -> tuple[str, ...]:
    """An agreement's parties as sorted codes ("aus", "jpn")."""
    return tuple(sorted(p.rsplit("/", 1)[-1] for p in agreement.parties))


def actor_keys(body: str) -> set[str]:
    """The register keys of the actors a short text names (with no header: the extractor's default metadata)."""
    ctx, _ = extract_with_context(source_from_text(body, name="t.txt"), None)
    return {m.key for s in ctx.sentences for m in s.mentions if m.kind == "actor"}
