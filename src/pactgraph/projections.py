"""Projections of the knowledge graph into networkx graphs.

Each projection runs a handful of SPARQL queries on the pyoxigraph store that
return flat edge lists (one row per supporting statement), and assembles them
into a networkx graph in Python. Nothing walks an rdflib graph.

========================  ==============  ==================================================
projection                graph class     nodes and edges
========================  ==============  ==================================================
``actors``                ``Graph``       actors; an edge when two actors are parties to the
                                          same agreement or one is ``pact:partnerOf`` the other
``relations``             ``Graph``       actors; every actor–actor link: the above, plus
                                          ``pact:leads``, ``pact:mandatedBy``,
                                          ``pact:contributesTo`` and ``org:memberOf``
``concepts``              ``Graph``       bipartite: actors (``bipartite=0``) and the values,
                                          challenges and areas (``bipartite=1``) they affirm,
                                          address or cooperate on, directly or through an
                                          agreement they are party to
``signatories``           ``MultiGraph``  persons who signed agreements; one edge per
                                          agreement two persons both signed
``memberships``           ``DiGraph``     member → organization, with role and dates
========================  ==============  ==================================================

Every node carries ``label``, ``type`` and, where known, ``wikidata`` (a QID),
``iso2`` and ``iso3``. Every edge carries ``weight`` (the number of supporting
links), ``relations``, ``agreements`` (IRIs) and ``agreement_labels``,
``quotes`` (the evidence sentences), ``start``/``end`` (ISO dates, or ``None``)
and ``links``: one dict per supporting statement with its own dates, source and
quotes. ``links`` is what temporal snapshots and dynamic exports are made of.

Dates
-----
A link is valid from its start to its end (exclusive). Agreements start on their
signing date (else their own date, else the date of the source that reports them).
Memberships and register partnerships use their ``org:memberDuring`` interval.
Other statements start on the date of their source. A year (``2013``) starts on
1 January and ends on 31 December. With ``as_of``, only links valid on that day
are kept, and links whose start is unknown are left out.

Examples
--------
>>> import pactgraph, tempfile
>>> kg = pactgraph.open(tempfile.mkdtemp(), write=True)
>>> _ = kg.ingest_text("NATO and Japan signed a Joint Declaration on 15 April 2013.", name="demo.txt")
>>> G = actor_projection(kg)
>>> sorted(G.nodes[n]["label"] for n in G)
['Japan', 'NATO']
>>> edge = G.edges["https://w3id.org/pactgraph/id/org/nato", "https://w3id.org/pactgraph/id/state/jpn"]
>>> "party" in edge["relations"], edge["start"]
(True, '2013-04-15')
>>> len(actor_projection(kg, as_of="2012-12-31"))
0
>>> kg.close()
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections import defaultdict

import networkx as nx
import pyoxigraph as ox

from .errors import ParameterError, QueryError
from .namespaces import GRAPH, ID, ORG, OWL, PACT, RDF, RDFS, SKOS, WD

__all__ = [
    "ACTOR_TYPES",
    "PROJECTIONS",
    "actor_projection",
    "concept_projection",
    "membership_projection",
    "parse_date",
    "project",
    "relation_projection",
    "signatory_projection",
    "snapshot",
]

#: Actor classes from the most to the least specific; a node's ``type`` is the first that applies.
ACTOR_TYPES = ("InformalGrouping", "State", "InternationalOrganization", "Mission", "Person")
_OTHER_TYPES = ("SharedValue", "SecurityChallenge", "CooperationArea", "PartnershipFramework", "Agreement", "Actor")
_CONCEPT_PREDICATES = {"affirmsValue": "value", "addressesChallenge": "challenge", "cooperationArea": "area"}
_ACTOR_RELATIONS = ("leads", "mandatedBy", "contributesTo")
REFERENCE_GRAPH = GRAPH + "reference"
_DATE_PATH = "(time:inXSDDate|time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDateTimeStamp)"


# -- dates ------------------------------------------------------------------------------


def parse_date(value, *, end: bool = False, name: str = "as_of") -> str | None:
    """Normalise a date to ``YYYY-MM-DD``; a year or a month is widened to its first (or last) day.

    Parameters
    ----------
    value : str, datetime.date or None
        ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an ``xsd:dateTime``; ``None`` passes through.
    end : bool
        Widen a year or month to its last day rather than its first.
    name : str
        Parameter name used in the error message.

    Raises
    ------
    ParameterError
        If ``value`` is not a date.

    Examples
    --------
    >>> parse_date("2013"), parse_date("2013", end=True), parse_date("2024-02", end=True)
    ('2013-01-01', '2013-12-31', '2024-02-29')
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return f"{text}-12-31" if end else f"{text}-01-01"
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            day = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, day).isoformat()
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ParameterError(f"{name} {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _as_of(value) -> str | None:
    """An ``as_of`` argument: a bare year means the last day of that year."""
    return parse_date(value, end=True)


def _valid(link: dict, day: str | None) -> bool:
    if day is None:
        return True
    start, end = link.get("start"), link.get("end")
    return start is not None and start <= day and (end is None or day < end)


# -- reading the store ------------------------------------------------------------------


def _rows(kg, query: str):
    """Solutions as tuples of plain values (IRIs and lexical forms, ``None`` when unbound).

    These are the library's own queries: they run directly on the store, not
    through the guard that protects against users' queries (and caps their rows).
    """
    try:
        results = kg.store.query(query)
    except SyntaxError as exc:  # a bug here, not bad input: still a clean one-line error
        raise QueryError(f"projection query invalid: {str(exc).splitlines()[0]}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"projection query failed: {str(exc).splitlines()[0]}") from None
    names = [v.value for v in results.variables]
    for solution in results:
        yield tuple(None if (term := solution[n]) is None else term.value for n in names)


def _node_attributes(kg, nodes) -> dict[str, dict]:
    """``label``, ``type``, ``wikidata``, ``iso2`` and ``iso3`` of ``nodes``.

    The store's default graph is the union of its named graphs, and an actor's
    label is repeated in every source that mentions it; on the embedded store
    each value is therefore read straight from the indexes, stopping at the
    first copy (the reference graph's when there is one).
    """
    wanted = sorted(set(nodes))
    if not wanted:
        return {}
    from .store import Store

    if isinstance(kg.store, Store):
        return _node_attributes_local(kg.store.db, wanted)
    return _node_attributes_sparql(kg, wanted)


_ATTRIBUTE_PREDICATES = (("prefLabel", SKOS + "prefLabel"), ("label", RDFS + "label"), ("wikidata", OWL + "sameAs"),
                         ("iso2", PACT + "iso3166Alpha2"), ("iso3", PACT + "iso3166Alpha3"))


def _node_attributes_local(db, nodes) -> dict[str, dict]:
    reference = ox.NamedNode(REFERENCE_GRAPH)
    rdf_type = ox.NamedNode(RDF + "type")
    kinds = [(name, ox.NamedNode(PACT + name)) for name in ACTOR_TYPES + _OTHER_TYPES]
    predicates = [(key, ox.NamedNode(iri)) for key, iri in _ATTRIBUTE_PREDICATES]
    attrs = {}
    for node in nodes:
        subject = ox.NamedNode(node)
        found = {}
        for key, predicate in predicates:
            if key == "label" and "prefLabel" in found:
                continue
            for graph in (reference, None):
                values = [q.object for q in itertools.islice(db.quads_for_pattern(subject, predicate, None, graph), 64)]
                if key == "wikidata":
                    values = [v for v in values if v.value.startswith(WD + "Q")]
                if values:
                    found[key] = min(v.value for v in values)
                    break
        if "prefLabel" in found:
            found["label"] = found.pop("prefLabel")
        if "wikidata" in found:
            found["wikidata"] = found["wikidata"].rsplit("/", 1)[1]
        found.setdefault("label", _local(node))
        found["type"] = next((name for name, cls in kinds
                              if next(iter(db.quads_for_pattern(subject, rdf_type, cls, None)), None) is not None),
                             "Resource")
        attrs[node] = found
    return attrs


def _node_attributes_sparql(kg, nodes) -> dict[str, dict]:
    attrs: dict[str, dict] = {n: {} for n in nodes}
    wanted = set(nodes)
    labels: dict[str, set] = defaultdict(set)
    for chunk in range(0, len(nodes), 500):
        values = "VALUES ?x { " + " ".join(f"<{n}>" for n in nodes[chunk:chunk + 500]) + " } "
        predicates = " ".join(f"<{iri}>" for _, iri in _ATTRIBUTE_PREDICATES)
        for x, p, v in _rows(kg, f"SELECT DISTINCT ?x ?p ?v WHERE {{ {values}VALUES ?p {{ {predicates} }} ?x ?p ?v }}"):
            if x not in wanted:
                continue
            key = next(k for k, iri in _ATTRIBUTE_PREDICATES if iri == p)
            if key in ("prefLabel", "label"):
                labels[x].add((key != "prefLabel", v))
            elif key == "wikidata":
                if v.startswith(WD + "Q"):
                    qid = v.rsplit("/", 1)[1]
                    attrs[x]["wikidata"] = min(attrs[x].get("wikidata", qid), qid)
            else:
                attrs[x][key] = v
        ranked = {PACT + t: i for i, t in enumerate(ACTOR_TYPES + _OTHER_TYPES)}
        types = " ".join(f"<{t}>" for t in ranked)
        for x, t in _rows(kg, f"SELECT DISTINCT ?x ?t WHERE {{ {values}VALUES ?t {{ {types} }} ?x a ?t }}"):
            current = attrs[x].get("_rank", len(ranked))
            if ranked[t] < current:
                attrs[x]["_rank"] = ranked[t]
    kinds = ACTOR_TYPES + _OTHER_TYPES
    for x in nodes:
        rank = attrs[x].pop("_rank", None)
        attrs[x]["label"] = min(labels[x])[1] if labels.get(x) else _local(x)
        attrs[x]["type"] = kinds[rank] if rank is not None else "Resource"
    return attrs


def _local(iri: str) -> str:
    return iri.removeprefix(ID) if iri.startswith(ID) else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _evidence(kg, predicates) -> dict[tuple, list[dict]]:
    """Quotes of the evidence behind triples with ``predicates``.

    Keyed both by ``(s, p, o)`` (every source) and by ``(s, p, o, graph)`` (one source).

    One query per predicate, with the predicate as a constant (the fastest plan),
    and without character offsets (an OPTIONAL that would make it several times slower).
    """
    found: dict[tuple, list[dict]] = defaultdict(list)
    seen = set()
    for p in predicates:
        for s, o, quote, g in _rows(kg, f"""
                SELECT ?s ?o ?quote ?g WHERE {{
                  GRAPH ?g {{ ?e rdf:predicate <{p}> ; rdf:subject ?s ; rdf:object ?o ; pact:quote ?quote }} }}"""):
            key = (s, p, o, quote, g)
            if key not in seen:
                seen.add(key)
                item = {"quote": quote, "source": g}
                found[(s, p, o)].append(item)
                found[(s, p, o, g)].append(item)
    for quotes in found.values():
        quotes.sort(key=lambda q: (q["source"], q["quote"]))
    return found


def _source_dates(kg) -> dict[str, str]:
    """Date of every source (a source's IRI is also its graph's name)."""
    dates = {}
    for source, date in _rows(kg, "SELECT DISTINCT ?s ?d WHERE { ?s a pact:Source ; dcterms:date ?d }"):
        day = _safe_date(date)
        if day and (source not in dates or day < dates[source]):
            dates[source] = day
    return dates


def _safe_date(value, end: bool = False) -> str | None:
    try:
        return parse_date(value, end=end)
    except ParameterError:
        return None


def _agreements(kg, source_dates: dict[str, str], signatories: bool = False) -> dict[str, dict]:
    """Every agreement with parties (or signatories): who they are, its label, start date and graphs."""
    agreements: dict[str, dict] = {}
    roles = ("party", "signatory") if signatories else ("party",)
    for role in roles:
        for ag, who, g in _rows(kg, f"SELECT ?ag ?who ?g WHERE {{ GRAPH ?g {{ ?ag pact:{role} ?who }} }}"):
            entry = agreements.get(ag)
            if entry is None:
                entry = agreements[ag] = {"parties": set(), "signatories": set(), "graphs": set(), "label": None,
                                          "start": None, "signed": None, "dated": None}
            entry["parties" if role == "party" else "signatories"].add(who)
            entry["graphs"].add(g)
    if not agreements:
        return agreements
    for key, query in (("label", "SELECT ?ag ?v WHERE { ?ag a pact:Agreement ; rdfs:label ?v }"),
                       ("signed", "SELECT ?ag ?v WHERE { ?ag pact:signingDate ?v }"),
                       ("dated", "SELECT ?ag ?v WHERE { ?ag a pact:Agreement ; dcterms:date ?v }")):
        for ag, value in _rows(kg, query):
            entry = agreements.get(ag)
            if entry is None:
                continue
            if key != "label":
                value = _safe_date(value)
            if value and (entry[key] is None or value < entry[key]):
                entry[key] = value
    for entry in agreements.values():
        reported = [source_dates[g] for g in entry["graphs"] if g in source_dates]
        entry["start"] = entry["signed"] or entry["dated"] or (min(reported) if reported else None)
    return agreements


def _intervals(kg, role: str | None = None) -> dict[tuple[str, str], list[tuple]]:
    """``org:Membership`` intervals: ``(member, organization)`` → ``[(role, start, end, graph)]``."""
    found: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for member, org, role_iri, start, end, g in _rows(kg, f"""
            SELECT DISTINCT ?member ?org ?role ?start ?end ?g WHERE {{
              GRAPH ?g {{ ?m a org:Membership ; org:member ?member ; org:organization ?org . }}
              OPTIONAL {{ ?m org:role ?role }}
              OPTIONAL {{ ?m org:memberDuring/time:hasBeginning/{_DATE_PATH} ?start }}
              OPTIONAL {{ ?m org:memberDuring/time:hasEnd/{_DATE_PATH} ?end }} }}"""):
        name = _local(role_iri).rsplit("/", 1)[-1] if role_iri else "member"
        if role is None or name == role:
            entry = (name, _safe_date(start), _safe_date(end, end=True), g)
            if entry not in found[(member, org)]:
                found[(member, org)].append(entry)
    return found


# -- assembling graphs ------------------------------------------------------------------


def _quote_texts(quotes: list[dict]) -> list[str]:
    return list(dict.fromkeys(q["quote"] for q in quotes))


def _edge_attributes(links: list[dict]) -> dict:
    starts = [link["start"] for link in links if link.get("start")]
    ends = [link.get("end") for link in links]
    agreements = sorted({link["agreement"] for link in links if link.get("agreement")})
    labels = {link["agreement"]: link.get("agreement_label") or _local(link["agreement"])
              for link in links if link.get("agreement")}
    quotes = [q for link in links for q in link.get("quotes", ())]
    return {
        "weight": len(links),
        "relations": sorted({link["relation"] for link in links}),
        "agreements": agreements,
        "agreement_labels": [labels[a] for a in agreements],
        "quotes": _quote_texts(quotes),
        "start": min(starts) if starts else None,
        "end": None if any(e is None for e in ends) or not ends else max(ends),
        "links": links,
    }


def _build(graph, links: dict[tuple, list[dict]], node_links: dict[str, list[dict]], kg, as_of=None,
           extra_nodes: dict[str, dict] | None = None):
    """Fill ``graph`` from links keyed by ``(u, v)`` (or ``(u, v, key)`` for multigraphs)."""
    day = _as_of(as_of)
    kept_nodes: dict[str, list[dict]] = defaultdict(list)
    for node, items in node_links.items():
        kept_nodes[node].extend(item for item in items if _valid(item, day))
    edges = []
    for key, items in links.items():
        valid = [item for item in items if _valid(item, day)]
        if valid:
            edges.append((key, valid))
            for node in key[:2]:
                kept_nodes[node].extend(valid)
    nodes = sorted(n for n, items in kept_nodes.items() if items or day is None)
    attrs = _node_attributes(kg, nodes)
    for node in nodes:
        starts = [item["start"] for item in kept_nodes[node] if item.get("start")]
        own = [item for item in node_links.get(node, []) if _valid(item, day)]
        graph.add_node(node, **attrs[node], **(extra_nodes or {}).get(node, {}),
                       start=min(starts) if starts else None, links=own)
    for key, valid in sorted(edges, key=lambda kv: kv[0]):
        if graph.is_multigraph():
            graph.add_edge(key[0], key[1], key=key[2], **_edge_attributes(valid))
        else:
            graph.add_edge(key[0], key[1], **_edge_attributes(valid))
    graph.graph["as_of"] = day
    return graph


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _partnership_links(kg, relations: bool) -> tuple[dict, dict]:
    """Links between actors: shared agreements and ``pact:partnerOf`` (and more when ``relations``)."""
    source_dates = _source_dates(kg)
    agreements = _agreements(kg, source_dates)
    predicates = [PACT + "party", PACT + "partnerOf"] + ([PACT + r for r in _ACTOR_RELATIONS] + [ORG + "memberOf"]
                                                         if relations else [])
    evidence = _evidence(kg, predicates)
    links: dict[tuple, list[dict]] = defaultdict(list)
    node_links: dict[str, list[dict]] = defaultdict(list)
    for ag, entry in agreements.items():
        parties = sorted(entry["parties"])
        if not parties:
            continue
        quotes = {p: evidence.get((ag, PACT + "party", p), []) for p in parties}
        for p in parties:
            node_links[p].append({"relation": "party", "agreement": ag, "start": entry["start"], "end": None})
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                links[(a, b)].append({
                    "relation": "party", "agreement": ag, "agreement_label": entry["label"] or _local(ag),
                    "start": entry["start"], "end": None,
                    "sources": sorted(entry["graphs"]),
                    "quotes": _merge_quotes(quotes[a], quotes[b]),
                })
    partner_intervals = _intervals(kg, "partner")
    member_intervals = _intervals(kg) if relations else {}
    names = [("partnerOf", PACT + "partnerOf")] + ([(r, PACT + r) for r in _ACTOR_RELATIONS] + [("memberOf", ORG + "memberOf")]
                                                   if relations else [])
    values = " ".join(f"<{iri}>" for _, iri in names)
    seen = set()
    for a, p, b, g in _rows(kg, f"SELECT DISTINCT ?a ?p ?b ?g WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?a ?p ?b }} }}"):
        if a == b:
            continue
        relation = p.rsplit("#", 1)[-1]
        if relation == "memberOf":
            spans = [(s, e) for role, s, e, _ in member_intervals.get((a, b), []) if role == "member"]
        elif relation == "partnerOf" and g not in source_dates:  # the register's partnerships have dates
            spans = [(s, e) for _, s, e, _ in partner_intervals.get((a, b), []) + partner_intervals.get((b, a), [])]
        else:
            spans = []
        if not spans:
            spans = [(source_dates.get(g), None)]
        quotes = _merge_quotes(evidence.get((a, p, b, g), []),
                               evidence.get((b, p, a, g), []) if relation == "partnerOf" else [])
        for start, end in spans:
            key = (_pair(a, b), relation, start, end, g)
            if key in seen:
                continue
            seen.add(key)
            link = {"relation": relation, "start": start, "end": end, "sources": [g], "quotes": quotes}
            if relation != "partnerOf":
                link["direction"] = [a, b]
            links[_pair(a, b)].append(link)
    return links, node_links


def _merge_quotes(*groups: list[dict]) -> list[dict]:
    merged, seen = [], set()
    for group in groups:
        for q in group:
            if (q["quote"], q["source"]) not in seen:
                seen.add((q["quote"], q["source"]))
                merged.append(q)
    return merged


# -- public projections -----------------------------------------------------------------


def actor_projection(kg, as_of=None) -> nx.Graph:
    """The actor partnership graph.

    Actors are nodes; an edge joins two actors that are parties to the same
    agreement or linked by ``pact:partnerOf`` (in either direction).

    Parameters
    ----------
    kg : KnowledgeGraph
        The knowledge graph to read.
    as_of : str or datetime.date, optional
        Keep only what was valid on that day (``YYYY-MM-DD``; a bare year means its last day).

    Returns
    -------
    networkx.Graph
        Nodes keyed by IRI with ``label``, ``type``, ``wikidata``, ``iso2``, ``iso3`` and
        ``start`` (first known date); edges with ``weight``, ``relations``, ``agreements``,
        ``agreement_labels``, ``quotes``, ``start``, ``end`` and ``links``.

    Raises
    ------
    ParameterError
        If ``as_of`` is not a date.
    """
    links, node_links = _partnership_links(kg, relations=False)
    graph = _build(nx.Graph(name="actors"), links, node_links, kg, as_of)
    graph.graph["projection"] = "actors"
    return graph


def relation_projection(kg, as_of=None) -> nx.Graph:
    """Every actor–actor link: partnerships plus leads, mandates, contributions and memberships.

    Used to answer "what connects X and Y": each edge's ``links`` name the relation,
    its direction (``direction`` = ``[subject, object]``) and the quotes behind it.
    Parameters and return value as for :func:`actor_projection`.
    """
    links, node_links = _partnership_links(kg, relations=True)
    graph = _build(nx.Graph(name="relations"), links, node_links, kg, as_of)
    graph.graph["projection"] = "relations"
    return graph


def concept_projection(kg, as_of=None, kinds=("value", "challenge", "area")) -> nx.Graph:
    """Bipartite graph of actors and the concepts of their portfolios.

    An actor is linked to a shared value, security challenge or cooperation area
    that it affirms, addresses or cooperates on directly, or through an agreement
    it is a party to (the link's ``agreement`` names it).

    Parameters
    ----------
    kg : KnowledgeGraph
    as_of : str or datetime.date, optional
        Keep only links stated (or agreed) by that day.
    kinds : iterable of str
        Which concept schemes to include: ``value``, ``challenge``, ``area``.

    Returns
    -------
    networkx.Graph
        Actor nodes have ``bipartite=0``; concept nodes ``bipartite=1`` and ``kind``.
    """
    kinds = tuple(kinds)
    for kind in kinds:
        if kind not in _CONCEPT_PREDICATES.values():
            raise ParameterError(f"kinds: unknown concept kind {kind!r} (use value, challenge or area)")
    predicates = [PACT + p for p, k in _CONCEPT_PREDICATES.items() if k in kinds]
    source_dates = _source_dates(kg)
    agreements = _agreements(kg, source_dates)
    evidence = _evidence(kg, predicates)
    links: dict[tuple, list[dict]] = defaultdict(list)
    concept_kind: dict[str, str] = {}
    actors, seen = set(), set()
    values = " ".join(f"<{p}>" for p in predicates)
    for s, p, c, g in _rows(kg, f"SELECT DISTINCT ?s ?p ?c ?g WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?c }} }}"):
        relation = p.rsplit("#", 1)[-1]
        concept_kind[c] = _CONCEPT_PREDICATES[relation]
        quotes = evidence.get((s, p, c, g), [])
        if s in agreements and agreements[s]["parties"]:
            entry = agreements[s]
            for party in sorted(entry["parties"]):
                key = (party, c, relation, s)
                if key not in seen:
                    seen.add(key)
                    actors.add(party)
                    links[(party, c)].append({"relation": relation, "agreement": s,
                                              "agreement_label": entry["label"] or _local(s),
                                              "start": entry["start"], "end": None, "sources": [g], "quotes": quotes})
        else:
            key = (s, c, relation, g)
            if key not in seen:
                seen.add(key)
                actors.add(s)
                links[(s, c)].append({"relation": relation, "start": source_dates.get(g), "end": None,
                                      "sources": [g], "quotes": quotes})
    extra = {a: {"bipartite": 0} for a in actors}
    extra.update({c: {"bipartite": 1, "kind": k} for c, k in concept_kind.items()})
    graph = _build(nx.Graph(name="concepts"), links, {}, kg, as_of, extra_nodes=extra)
    graph.graph["projection"] = "concepts"
    return graph


def signatory_projection(kg, as_of=None) -> nx.MultiGraph:
    """Co-signatory multigraph: persons, with one edge per agreement two of them signed.

    Every signatory is a node (``agreements`` lists what the person signed,
    ``positions`` the posts held); an edge ``(u, v, key=agreement IRI)`` carries the
    agreement's label, date and the quotes naming the signatories.
    """
    agreements = _agreements(kg, _source_dates(kg), signatories=True)
    evidence = _evidence(kg, [PACT + "signatory"])
    links: dict[tuple, list[dict]] = defaultdict(list)
    node_links: dict[str, list[dict]] = defaultdict(list)
    labels: dict[str, set] = defaultdict(set)
    for ag, entry in agreements.items():
        start, label = entry["start"], entry["label"] or _local(ag)
        people = sorted(entry["signatories"])
        for p in people:
            node_links[p].append({"relation": "signatory", "agreement": ag, "start": start, "end": None})
            labels[p].add(label)
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                quotes = _merge_quotes(evidence.get((ag, PACT + "signatory", a), []),
                                       evidence.get((ag, PACT + "signatory", b), []))
                links[(a, b, ag)].append({"relation": "signatory", "agreement": ag, "agreement_label": label,
                                          "start": start, "end": None, "quotes": quotes})
    held = sorted(set(_rows(kg, """SELECT DISTINCT ?person ?title ?org WHERE {
                                       ?pos pact:holder ?person ; pact:roleTitle ?title .
                                       OPTIONAL { ?pos pact:positionIn ?org } }""")), key=lambda r: tuple(map(str, r)))
    org_labels = _node_attributes(kg, {org for _, _, org in held if org})
    positions: dict[str, list[str]] = defaultdict(list)
    for person, title, org in held:
        text = f"{title}, {org_labels[org]['label']}" if org else title
        if text not in positions[person]:
            positions[person].append(text)
    extra = {p: {"agreements": sorted(labels[p]), "positions": positions.get(p, [])} for p in node_links}
    graph = _build(nx.MultiGraph(name="signatories"), links, node_links, kg, as_of, extra_nodes=extra)
    graph.graph["projection"] = "signatories"
    return graph


def membership_projection(kg, as_of=None) -> nx.DiGraph:
    """Membership graph: member → organization, with ``roles`` and dated ``links``.

    Built from ``org:Membership`` (with ``org:memberDuring`` intervals) and from
    ``org:memberOf`` statements that no membership record covers (dated by their source).
    """
    source_dates = _source_dates(kg)
    evidence = _evidence(kg, [ORG + "memberOf"])
    links: dict[tuple, list[dict]] = defaultdict(list)
    for (member, org), entries in _intervals(kg).items():
        for role, start, end, g in entries:
            links[(member, org)].append({"relation": role, "start": start, "end": end, "record": g, "quotes": []})
    for member, org, g in _rows(kg, "SELECT DISTINCT ?m ?o ?g WHERE { GRAPH ?g { ?m org:memberOf ?o } }"):
        quotes = evidence.get((member, ORG + "memberOf", org, g), [])
        recorded = [link for link in links.get((member, org), []) if link["relation"] == "member" and "record" in link]
        if recorded:  # a dated membership record covers it: the text only adds its quotes
            for link in recorded:
                link["quotes"] = _merge_quotes(link["quotes"], quotes)
            continue
        links[(member, org)].append({"relation": "member", "start": source_dates.get(g), "end": None,
                                     "sources": [g], "quotes": quotes})
    graph = _build(nx.DiGraph(name="memberships"), links, {}, kg, as_of)
    for _, _, data in graph.edges(data=True):
        data["roles"] = data["relations"]
    graph.graph["projection"] = "memberships"
    return graph


#: Projection names → builder functions ``f(kg, as_of=None)``.
PROJECTIONS = {
    "actors": actor_projection,
    "relations": relation_projection,
    "concepts": concept_projection,
    "signatories": signatory_projection,
    "memberships": membership_projection,
}


def project(kg, projection: str = "actors", as_of=None):
    """Build the projection named ``projection`` (see :data:`PROJECTIONS`).

    Raises
    ------
    ParameterError
        If the projection name is unknown or ``as_of`` is not a date.
    """
    if projection not in PROJECTIONS:
        raise ParameterError(f"unknown projection {projection!r}; use one of {', '.join(PROJECTIONS)}")
    return PROJECTIONS[projection](kg, as_of=as_of)


def snapshot(graph, as_of):
    """The part of a projection valid on ``as_of``, without querying the store again.

    Edges keep only their links valid on that day (their attributes are
    recomputed); a node stays if it keeps an edge, or one of its own ``links``
    (say, a party to an agreement that has no other party) is valid that day.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("a", links=[{"relation": "party", "start": "2001-01-01", "end": None}])
    >>> G.add_node("b")
    >>> G.add_edge("a", "b", links=[{"relation": "partnerOf", "start": "2005-01-01", "end": None}])
    >>> sorted(snapshot(G, "2003-06-01").nodes), snapshot(G, "2006").number_of_edges()
    (['a'], 1)
    """
    day = _as_of(as_of)
    out = graph.__class__()
    out.graph.update(graph.graph, as_of=day)
    keep_edges = []
    iterator = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for edge in iterator:
        data = edge[-1]
        valid = [link for link in data.get("links", []) if _valid(link, day)]
        if valid:
            keep_edges.append((edge[:-1], {**data, **_edge_attributes(valid)}))
    touched = {n for key, _ in keep_edges for n in key[:2]}
    for node, data in graph.nodes(data=True):
        own = [link for link in data.get("links", []) if _valid(link, day)]
        if node in touched or own:
            out.add_node(node, **{**data, "links": own})
    for key, data in keep_edges:
        out.add_edge(*key, **data)
    return out
