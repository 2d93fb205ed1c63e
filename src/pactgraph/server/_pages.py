"""What the explorer shows: an entity's facts with their quotes, and its ego network.

Each function takes the :class:`~pactgraph.server._backend.Backend` and runs a
few guarded SELECTs; the resource is always bound as a substitution (``?x``),
never written into query text. The results are plain dataclasses that the
templates render.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats import compact
from ..namespaces import ID, PACT

__all__ = ["Entity", "Fact", "Quote", "ego_network", "entity", "id_href", "listing"]

_EVIDENCE = """
    OPTIONAL {{
      ?e rdf:subject {s} ; rdf:predicate ?p ; rdf:object {o} ; pact:quote ?quote ; prov:wasDerivedFrom ?source .
      OPTIONAL {{ ?e pact:charStart ?start ; pact:charEnd ?end }}
    }}"""
Q_TYPES = "SELECT DISTINCT ?x ?type WHERE { ?x a ?type }"
Q_OUT = "SELECT ?x ?p ?o ?quote ?source ?start ?end WHERE { ?x ?p ?o ." + _EVIDENCE.format(s="?x", o="?o") + " }"
Q_IN = ("SELECT ?x ?s ?p ?quote ?source ?start ?end WHERE { ?s ?p ?x . FILTER(?p NOT IN (rdf:subject, rdf:object))"
        + _EVIDENCE.format(s="?s", o="?x") + " }")
Q_VIA_AGREEMENTS = (
    "SELECT ?x ?agreement ?p ?o ?quote ?source ?start ?end WHERE { ?agreement pact:party ?x ; ?p ?o . "
    "FILTER(?p IN (pact:party, pact:affirmsValue, pact:addressesChallenge, pact:cooperationArea) && ?o != ?x)"
    + _EVIDENCE.format(s="?agreement", o="?o") + " }")
Q_EGO = """
SELECT DISTINCT ?x ?s ?p ?o WHERE {
  { ?x ?p ?o . BIND(?x AS ?s) }
  UNION { ?s ?p ?x . BIND(?x AS ?o) }
  UNION { ?s pact:party ?x . ?s ?p ?o . FILTER(?p IN (pact:party, pact:signatory)) }
  FILTER(?p IN (pact:partnerOf, pact:party, pact:signatory, pact:leads, pact:contributesTo, pact:mandatedBy,
                org:memberOf, org:subOrganizationOf) && isIRI(?s) && isIRI(?o))
}"""
Q_LIST = """
SELECT ?class ?item (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {
  ?item a ?class ; rdfs:label ?l .
  OPTIONAL { ?item a ?t . FILTER(?t != ?class) }
  FILTER EXISTS { GRAPH ?g { ?item ?any ?thing } FILTER(STRSTARTS(STR(?g), "https://w3id.org/pactgraph/id/source/")) }
} GROUP BY ?class ?item ORDER BY LCASE(SAMPLE(?l))"""

ACTOR_CLASSES = {PACT + c for c in ("Actor", "State", "InternationalOrganization", "InformalGrouping", "Person",
                                     "Mission")}
AGREEMENT_CLASS = PACT + "Agreement"
KIND_OF_CLASS = {PACT + "State": "state", PACT + "InternationalOrganization": "organization",
                 PACT + "InformalGrouping": "organization", PACT + "Person": "person", PACT + "Mission": "mission",
                 PACT + "Agreement": "agreement"}
EGO_NODE_LIMIT = 150


def id_href(iri: str) -> str | None:
    """The explorer path of a pactgraph instance IRI (``/id/…``), ``None`` for other IRIs.

    >>> id_href("https://w3id.org/pactgraph/id/state/jpn")
    '/id/state/jpn'
    """
    return "/id/" + iri[len(ID):] if iri.startswith(ID) else None


@dataclass
class Quote:
    """The sentence behind a statement, and where it is in its source."""

    text: str
    source: str
    source_href: str | None
    source_label: str
    start: int | None = None
    end: int | None = None


@dataclass
class Fact:
    """One statement about the entity, with every quote that supports it."""

    predicate: str
    predicate_label: str
    value: str
    value_label: str
    value_href: str | None
    is_iri: bool
    quotes: list[Quote] = field(default_factory=list)
    note: str = ""  # e.g. "via Joint Political Declaration"


@dataclass
class Entity:
    """An entity page: its label, kinds and facts in named sections."""

    iri: str
    label: str
    kind: str  # "actor", "agreement" or "resource"
    types: list[str]
    sections: list[tuple[str, list[Fact]]]
    truncated: bool = False


def _int(term) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


def labels(backend, iris) -> dict[str, str]:
    """``{iri: label}`` from ``rdfs:label`` or ``skos:prefLabel`` (English or untagged preferred)."""
    import pyoxigraph as ox

    iris = sorted({i for i in iris if i})
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(iris), 300):
        chunk = " ".join(str(ox.NamedNode(i)) for i in iris[start:start + 300])
        query = (f"SELECT ?s ?label WHERE {{ VALUES ?s {{ {chunk} }} ?s rdfs:label|skos:prefLabel ?label }}")
        for row in backend.rows(query):
            label = row["label"]
            rank = 0 if not getattr(label, "language", None) or label.language == "en" else 1
            iri = row["s"].value
            if iri not in found or (rank, label.value) < found[iri]:
                found[iri] = (rank, label.value)
    return {iri: value for iri, (_, value) in found.items()}


def _quote(row, source_labels: dict[str, str]) -> Quote | None:
    if "quote" not in row or "source" not in row:
        return None
    source = row["source"].value
    return Quote(row["quote"].value, source, id_href(source), source_labels.get(source, compact(source)),
                 _int(row.get("start")), _int(row.get("end")))


def _facts(rows, names: dict[str, str], note_of=None) -> list[Fact]:
    """Group rows (one per quote, the other end in ``"other"``) into facts with all their quotes."""
    facts: dict[tuple, Fact] = {}
    for row in rows:
        term = row["other"]
        predicate = row["p"].value
        inverse = row.get("inverse", False)
        note = note_of(row) if note_of else ""
        key = (predicate, inverse, str(term), note)
        fact = facts.get(key)
        if fact is None:
            is_iri = term.__class__.__name__ == "NamedNode"
            value = term.value
            label = compact(predicate)
            fact = Fact(predicate, f"← {label}" if inverse else label, value,
                        names.get(value, compact(value)) if is_iri else value,
                        id_href(value) if is_iri else None, is_iri, note=note)
            if is_iri and fact.value_href is None and value.startswith(("http://", "https://")):
                fact.value_href = value
            facts[key] = fact
        quote = _quote(row, names)
        if quote and all((q.text, q.source, q.start) != (quote.text, quote.source, quote.start) for q in fact.quotes):
            fact.quotes.append(quote)
    return sorted(facts.values(), key=lambda f: (f.predicate_label, f.value_label.casefold(), f.note))


def entity(backend, iri: str) -> Entity | None:
    """The page of ``iri``; ``None`` when the store says nothing about it."""
    import pyoxigraph as ox

    x = {ox.Variable("x"): ox.NamedNode(iri)}
    types = [r["type"].value for r in backend.rows(Q_TYPES, x) if "type" in r]
    out_parsed, cut_out = backend.solutions(Q_OUT, x)
    out_rows = [{n.value: s[n.value] for n in out_parsed.variables if s[n.value] is not None} for s in out_parsed]
    in_parsed, cut_in = backend.solutions(Q_IN, x)
    in_rows = [{n.value: s[n.value] for n in in_parsed.variables if s[n.value] is not None} for s in in_parsed]
    if not out_rows and not in_rows:
        return None
    kind = "agreement" if AGREEMENT_CLASS in types else "actor" if ACTOR_CLASSES & set(types) else "resource"
    via_rows = backend.rows(Q_VIA_AGREEMENTS, x) if kind == "actor" else []
    iris = {iri, *types}
    for row in out_rows + in_rows + via_rows:
        iris.update(t.value for t in row.values() if t.__class__.__name__ == "NamedNode")
    names = labels(backend, iris)

    symmetric = {PACT + "partnerOf"}

    def pick(rows, predicates, *, inverse=False, exclude=False):
        out = []
        for r in rows:
            if (r["p"].value in predicates) != exclude:
                row = dict(r, other=r["s"] if inverse else r["o"])
                row["inverse"] = inverse and r["p"].value not in symmetric
                out.append(row)
        return out

    def by(rows, predicates, *, inverse=False, exclude=False):
        return _facts(pick(rows, predicates, inverse=inverse, exclude=exclude), names)

    def via(predicates):
        return _facts(pick(via_rows, predicates), names,
                      note_of=lambda r: "via " + names.get(r["agreement"].value, compact(r["agreement"].value)))

    value, challenge, area = PACT + "affirmsValue", PACT + "addressesChallenge", PACT + "cooperationArea"
    missions = {PACT + "leads", PACT + "contributesTo", PACT + "mandatedBy"}
    if kind == "actor":
        partner = {PACT + "partnerOf"}
        sections = [
            ("Partners", _facts(pick(out_rows, partner) + pick(in_rows, partner, inverse=True), names)
             + via({PACT + "party"})),
            ("Agreements", by(in_rows, {PACT + "party", PACT + "signatory"}, inverse=True)),
            ("Shared values", by(out_rows, {value}) + via({value})),
            ("Security challenges", by(out_rows, {challenge}) + via({challenge})),
            ("Cooperation areas", by(out_rows, {area}) + via({area})),
            ("Missions", _facts(pick(out_rows, missions) + pick(in_rows, missions, inverse=True), names)),
            ("Facts", by(out_rows, partner | missions | {value, challenge, area}, exclude=True)),
            ("Referenced by", by(in_rows, partner | missions | {PACT + "party", PACT + "signatory"}, inverse=True,
                                 exclude=True)),
        ]
    elif kind == "agreement":
        special = {PACT + "party", PACT + "signatory", value, challenge, area}
        sections = [
            ("Parties", by(out_rows, {PACT + "party"})),
            ("Signatories", by(out_rows, {PACT + "signatory"})),
            ("Shared values", by(out_rows, {value})),
            ("Security challenges", by(out_rows, {challenge})),
            ("Cooperation areas", by(out_rows, {area})),
            ("Facts", by(out_rows, special, exclude=True)),
            ("Referenced by", by(in_rows, set(), inverse=True, exclude=True)),
        ]
    else:
        sections = [("Statements", by(out_rows, set(), exclude=True)),
                    ("Referenced by", by(in_rows, set(), inverse=True, exclude=True))]
    return Entity(iri, names.get(iri, compact(iri)), kind, [compact(t) for t in types],
                  [(title, facts) for title, facts in sections if facts], truncated=cut_out or cut_in)


def ego_network(backend, iri: str) -> dict:
    """Cytoscape.js elements for the actor ``iri``: its partners, agreements, co-parties and missions."""
    import pyoxigraph as ox

    rows = backend.rows(Q_EGO, {ox.Variable("x"): ox.NamedNode(iri)})
    edges, nodes = {}, {iri}
    for row in rows:
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        if len(nodes | {s, o}) > EGO_NODE_LIMIT:
            continue
        nodes.update((s, o))
        if p == PACT + "partnerOf" and (o, p, s) in edges:
            continue
        edges[(s, p, o)] = {"id": f"e{len(edges)}", "source": s, "target": o, "label": compact(p).split(":", 1)[-1]}
    names = labels(backend, nodes)
    kinds: dict[str, str] = {}
    if nodes:
        chunk = " ".join(str(ox.NamedNode(n)) for n in sorted(nodes))
        for row in backend.rows(f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {chunk} }} ?s a ?t }}"):
            kind = KIND_OF_CLASS.get(row["t"].value)
            if kind and (row["s"].value not in kinds or kinds[row["s"].value] == "organization"):
                kinds[row["s"].value] = kind
    node_data = [{"data": {"id": n, "label": names.get(n, compact(n)), "kind": kinds.get(n, "other"),
                           "href": id_href(n) or n, "center": n == iri}} for n in sorted(nodes)]
    return {"center": iri, "nodes": node_data, "edges": [{"data": e} for e in edges.values()]}


def listing(backend, cls: str) -> list[dict]:
    """Instances of ``cls`` that some source mentions: ``{"iri", "label", "href", "type"}``, sorted by label."""
    import pyoxigraph as ox

    rows = backend.rows(Q_LIST, {ox.Variable("class"): ox.NamedNode(cls)})
    return [{"iri": r["item"].value, "label": r["label"].value, "href": id_href(r["item"].value) or r["item"].value,
             "type": compact(r["type"].value) if "type" in r else ""} for r in rows]

