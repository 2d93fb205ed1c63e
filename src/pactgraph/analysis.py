"""Analyses of the projections: who is central, which groups form, what connects two actors.

Every function takes a networkx graph made by :mod:`pactgraph.projections` (or
any graph with the same attributes) and returns plain rows (a list of dicts),
ready for a table, JSON or CSV. Pass ``as_dataframe=True`` to get a
:class:`pandas.DataFrame` instead (pandas is optional).

Examples
--------
A tiny partnership graph built by hand:

>>> import networkx as nx
>>> G = nx.Graph()
>>> for key, label in [("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie"), ("d", "Delta")]:
...     G.add_node(key, label=label, type="State")
>>> G.add_edge("a", "b", weight=1, links=[{"relation": "partnerOf", "quotes": [{"quote": "Alpha and Bravo are partners.", "source": "s1"}]}])
>>> G.add_edge("b", "c", weight=1, links=[{"relation": "party", "agreement": "x", "agreement_label": "Pact X", "quotes": []}])
>>> G.add_edge("c", "d", weight=1, links=[])
>>> [row["label"] for row in centrality(G, top=2)]
['Bravo', 'Charlie']
>>> [(hop["from"], hop["relation"], hop["to"]) for hop in connect(G, "Alpha", "Charlie")]
[('Alpha', 'partnerOf', 'Bravo'), ('Bravo', 'agreement', 'Charlie')]
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from .errors import PactgraphError, ParameterError
from .projections import parse_date, project, snapshot

__all__ = [
    "ANALYSES",
    "centrality",
    "communities",
    "connect",
    "ego_network",
    "ego_rows",
    "find_node",
    "growth",
    "louvain_partition",
    "run_analysis",
    "similar",
]

MEASURES = ("degree", "betweenness", "eigenvector", "pagerank")
#: How a hop reads when the statement behind it runs from the far end to the near one.
_INVERSE = {"memberOf": "has member", "leads": "led by", "mandatedBy": "mandates",
            "contributesTo": "receives contributions from"}
_RELATION_RANK = {"party": 0, "partnerOf": 1, "signatory": 2, "memberOf": 3, "leads": 4, "mandatedBy": 5,
                  "contributesTo": 6}


# -- helpers ------------------------------------------------------------------------------


def _frame(rows: list[dict], as_dataframe: bool):
    if not as_dataframe:
        return rows
    try:
        import pandas as pd
    except ImportError:
        raise PactgraphError("as_dataframe=True needs pandas, which is not installed (pip install pandas)") from None
    return pd.DataFrame(rows)


def _label(G, node) -> str:
    return G.nodes[node].get("label") or str(node)


def find_node(G, name: str):
    """The node of ``G`` that ``name`` designates: a node key, IRI, label, acronym, QID or ISO code.

    Raises
    ------
    ParameterError
        If no node (or more than one) matches.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("https://w3id.org/pactgraph/id/state/jpn", label="Japan", wikidata="Q17", iso3="JPN")
    >>> find_node(G, "japan"), find_node(G, "Q17") == find_node(G, "JPN")
    ('https://w3id.org/pactgraph/id/state/jpn', True)
    """
    if name in G:
        return name
    try:
        from .queries import resolve_actor

        iri = resolve_actor(name)
        if iri in G:
            return iri
    except PactgraphError:
        pass
    folded = name.strip().casefold()
    matches = sorted(n for n, d in G.nodes(data=True)
                     if folded in {str(d.get(k, "")).casefold() for k in ("label", "wikidata", "iso2", "iso3")})
    if len(matches) == 1:
        return matches[0]
    where = G.graph.get("projection", "")
    where = f" the {where} projection" if where else " the graph"
    if matches:
        raise ParameterError(f"actor {name!r} is ambiguous in{where}: {', '.join(matches[:5])}")
    raise ParameterError(f"actor {name!r} is not in{where}")


def _simple(G):
    """An undirected simple graph with summed weights (multigraphs and digraphs collapse)."""
    if not G.is_multigraph() and not G.is_directed():
        return G
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        w = data.get("weight", 1)
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def _pagerank(G, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict:
    """PageRank by power iteration (networkx's default needs SciPy, which is optional here)."""
    try:
        return nx.pagerank(G, alpha=alpha, weight="weight")
    except ImportError:
        pass
    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    strength = {u: sum(d.get("weight", 1) for _, _, d in G.edges(u, data=True)) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if strength[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if strength[u]:
                share = alpha * rank[u] / strength[u]
                for _, v, d in G.edges(u, data=True):
                    new[v] += share * d.get("weight", 1)
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    return rank


# -- centrality ---------------------------------------------------------------------------


def centrality(G, measures=MEASURES, sort: str | None = None, top: int | None = None, as_dataframe: bool = False):
    """Rank nodes by degree, betweenness, eigenvector centrality and PageRank.

    Parameters
    ----------
    G : networkx graph
        A projection (multigraphs and directed graphs are collapsed to a weighted graph).
    measures : iterable of str
        Any of ``degree``, ``betweenness``, ``eigenvector``, ``pagerank``.
    sort : str, optional
        Measure to rank by; default ``betweenness`` when computed, else the first measure.
    top : int, optional
        Keep the first ``top`` rows.
    as_dataframe : bool
        Return a pandas DataFrame.

    Returns
    -------
    list of dict
        ``rank``, ``label``, ``type``, one column per measure and ``node`` (the IRI).
        ``degree`` is the number of neighbours; the others are normalised scores.
    """
    measures = list(measures)
    for m in measures:
        if m not in MEASURES:
            raise ParameterError(f"unknown centrality measure {m!r}; use {', '.join(MEASURES)}")
    sort = sort or ("betweenness" if "betweenness" in measures else measures[0])
    if sort not in measures:
        raise ParameterError(f"cannot sort by {sort!r}: it is not among the measures computed")
    H = _simple(G)
    scores: dict[str, dict] = {}
    if "degree" in measures:
        scores["degree"] = dict(H.degree())
    if "betweenness" in measures:
        scores["betweenness"] = nx.betweenness_centrality(H)
    if "eigenvector" in measures:
        try:
            scores["eigenvector"] = nx.eigenvector_centrality(H, max_iter=2000, tol=1e-8, weight="weight") if len(H) else {}
        except nx.PowerIterationFailedConvergence:
            scores["eigenvector"] = dict.fromkeys(H)
    if "pagerank" in measures:
        scores["pagerank"] = _pagerank(H)
    rows = []
    for node in H:
        row = {"rank": 0, "label": _label(H, node), "type": H.nodes[node].get("type")}
        for m in measures:
            value = scores[m].get(node)
            row[m] = round(value, 6) if isinstance(value, float) else value
        row["node"] = node
        rows.append(row)
    rows.sort(key=lambda r: (-(r[sort] or 0), r["label"], r["node"]))
    for i, row in enumerate(rows, start=1):
        row["rank"] = i
    return _frame(rows[:top] if top else rows, as_dataframe)


# -- communities --------------------------------------------------------------------------


def louvain_partition(G, seed: int = 42, resolution: float = 1.0) -> dict:
    """Node → community number from Louvain (weighted, reproducible with ``seed``).

    Communities are numbered from 0 by decreasing size, ties by their first label.
    """
    H = _simple(G)
    if len(H) == 0:
        return {}
    found = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), min(_label(H, n) for n in c)))
    return {node: i for i, members in enumerate(ordered) for node in members}


def communities(G, seed: int = 42, resolution: float = 1.0, as_dataframe: bool = False):
    """Louvain communities of a projection.

    Parameters
    ----------
    G : networkx graph
    seed : int
        Random seed; the same seed gives the same communities.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.

    Returns
    -------
    list of dict
        One row per community: ``community``, ``size``, ``members`` (labels, sorted),
        ``modularity`` (of the whole partition, the same on every row) and ``nodes`` (IRIs).
    """
    partition = louvain_partition(G, seed=seed, resolution=resolution)
    groups: dict[int, list] = defaultdict(list)
    for node, index in partition.items():
        groups[index].append(node)
    H = _simple(G)
    total = nx.community.modularity(H, groups.values(), weight="weight") if H.number_of_edges() else 0.0
    rows = []
    for index in sorted(groups):
        nodes = sorted(groups[index], key=lambda n: _label(H, n))
        rows.append({"community": index, "size": len(nodes), "members": [_label(H, n) for n in nodes],
                     "modularity": round(total, 6), "nodes": nodes})
    return _frame(rows, as_dataframe)


# -- what connects X and Y ---------------------------------------------------------------


def _best_link(links: list[dict]) -> dict:
    def key(link):
        return (0 if link.get("quotes") else 1, _RELATION_RANK.get(link.get("relation"), 9),
                link.get("start") or "9999", link.get("agreement") or "")
    return min(links, key=key) if links else {}


def _hop(G, u, v, data: dict) -> dict:
    link = _best_link(data.get("links") or [])
    relation = link.get("relation") or ", ".join(data.get("relations") or []) or "linked"
    if relation == "party":
        relation = "agreement"
    direction = link.get("direction")
    if direction and direction[0] == v:  # the statement runs from v to u
        relation = _INVERSE.get(relation, f"{relation} (inverse)")
    quotes = link.get("quotes") or []
    quote = quotes[0] if quotes else None
    sources = link.get("sources") or ([link["record"]] if link.get("record") else [])
    return {
        "from": _label(G, u), "relation": relation, "to": _label(G, v),
        "agreement": link.get("agreement_label"),
        "quote": quote["quote"] if quote else (data.get("quotes") or [None])[0],
        "source": quote["source"] if quote else (sources[0] if sources else None),
        "date": link.get("start"),
        "from_node": u, "to_node": v, "agreement_node": link.get("agreement"),
    }


def connect(G, source: str, target: str, max_paths: int = 3, as_dataframe: bool = False):
    """What connects two actors: the shortest paths between them, every hop explained.

    Parameters
    ----------
    G : networkx graph
        Usually the ``relations`` projection (every kind of actor–actor link).
    source, target : str
        Actors: node keys, labels, acronyms, QIDs or ISO codes.
    max_paths : int
        Shortest paths to return at most (they all have the same length).

    Returns
    -------
    list of dict
        One row per hop: ``path`` and ``hop`` numbers, ``from``, ``relation``, ``to``, the
        ``agreement`` behind the hop, a ``quote`` and its ``source``, the link's ``date``,
        and the IRIs. ``relation`` is ``agreement`` (both are parties to it), ``partnerOf``,
        or a directed relation read from ``from`` to ``to`` (``memberOf``, ``has member``,
        ``contributesTo``, ``receives contributions from``, ``leads``, ``led by``…). The
        best-evidenced link explains each hop. Empty when no path exists.
    """
    s, t = find_node(G, source), find_node(G, target)
    if s == t:
        raise ParameterError(f"{source!r} and {target!r} are the same actor")
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    try:
        paths = []
        for path in nx.all_shortest_paths(H, s, t):
            paths.append(path)
            if len(paths) >= 200:
                break
    except nx.NetworkXNoPath:
        return _frame([], as_dataframe)
    paths.sort(key=lambda p: [_label(G, n) for n in p])
    rows = []
    for number, path in enumerate(paths[:max_paths], start=1):
        for hop, (u, v) in enumerate(zip(path, path[1:]), start=1):
            data = H.get_edge_data(u, v)
            if G.is_multigraph():
                data = {"links": [link for d in data.values() for link in d.get("links", [])]}
            rows.append({"path": number, "hop": hop, **_hop(G, u, v, data)})
    return _frame(rows, as_dataframe)


# -- similarity ---------------------------------------------------------------------------


def similar(G, actor: str | None = None, metric: str = "jaccard", kinds=None, top: int | None = 10,
            as_dataframe: bool = False):
    """Actors whose portfolios of values, challenges or areas are most alike.

    Parameters
    ----------
    G : networkx.Graph
        The ``concepts`` projection (actor nodes ``bipartite=0``, concept nodes ``bipartite=1``).
    actor : str, optional
        Compare this actor with every other; by default, every pair of actors.
    metric : {"jaccard", "cosine"}
        Jaccard on the sets of concepts, or cosine on the concepts weighted by the
        number of statements and agreements behind each.
    kinds : iterable of str, optional
        Restrict to ``value``, ``challenge`` and/or ``area`` concepts.
    top : int, optional
        Rows to keep (``None`` for all).

    Returns
    -------
    list of dict
        ``actor``, ``other``, ``score``, ``shared`` (labels of the shared concepts),
        ``count`` (how many) and the two IRIs; pairs that share nothing are left out.
    """
    if metric not in ("jaccard", "cosine"):
        raise ParameterError(f"unknown similarity metric {metric!r}; use jaccard or cosine")
    kinds = set(kinds) if kinds else None
    portfolios: dict[str, dict] = {}
    for node, data in G.nodes(data=True):
        if data.get("bipartite") != 0:
            continue
        vector = {c: G[node][c].get("weight", 1) for c in G[node]
                  if G.nodes[c].get("bipartite") == 1 and (kinds is None or G.nodes[c].get("kind") in kinds)}
        if vector:
            portfolios[node] = vector
    if actor is not None:
        focus = find_node(G, actor)
        if focus not in portfolios:
            raise ParameterError(f"actor {actor!r} has no {'/'.join(sorted(kinds)) if kinds else 'concept'} portfolio")
        pairs = [(focus, other) for other in portfolios if other != focus]
    else:
        keys = sorted(portfolios)
        pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]]
    rows = []
    for a, b in pairs:
        va, vb = portfolios[a], portfolios[b]
        shared = set(va) & set(vb)
        if not shared:
            continue
        if metric == "jaccard":
            score = len(shared) / len(set(va) | set(vb))
        else:
            dot = sum(va[c] * vb[c] for c in shared)
            score = dot / (math.sqrt(sum(w * w for w in va.values())) * math.sqrt(sum(w * w for w in vb.values())))
        rows.append({"actor": _label(G, a), "other": _label(G, b), "score": round(score, 6),
                     "shared": sorted(_label(G, c) for c in shared), "count": len(shared),
                     "actor_node": a, "other_node": b})
    rows.sort(key=lambda r: (-r["score"], -r["count"], r["actor"], r["other"]))
    return _frame(rows[:top] if top else rows, as_dataframe)


# -- ego network --------------------------------------------------------------------------


def ego_network(G, actor: str, depth: int = 1):
    """The subgraph of everything within ``depth`` hops of ``actor`` (edges in either direction).

    The centre node gets ``ego=True``.
    """
    if depth < 1:
        raise ParameterError(f"depth must be at least 1, not {depth}")
    centre = find_node(G, actor)
    ego = nx.ego_graph(G, centre, radius=depth, undirected=True).copy()
    ego.nodes[centre]["ego"] = True
    ego.graph.update(G.graph, ego=centre, depth=depth)
    return ego


def ego_rows(ego, as_dataframe: bool = False):
    """The edges of an ego network as rows: ``from``, ``to``, ``distance``, ``weight``, relations, agreements."""
    centre = ego.graph.get("ego")
    distance = nx.single_source_shortest_path_length(ego.to_undirected(as_view=True), centre) if centre else {}
    rows = []
    for u, v, data in ego.edges(data=True):
        if distance.get(v, 0) < distance.get(u, 0):
            u, v = v, u
        rows.append({"from": _label(ego, u), "to": _label(ego, v), "distance": distance.get(v),
                     "weight": data.get("weight"), "relations": data.get("relations"),
                     "agreements": data.get("agreement_labels"), "from_node": u, "to_node": v})
    rows.sort(key=lambda r: (r["distance"] or 0, r["from"], r["to"]))
    return _frame(rows, as_dataframe)


# -- change over time ---------------------------------------------------------------------


def growth(G, actor: str | None = None, start: int | None = None, end: int | None = None,
           as_dataframe: bool = False):
    """How the network, or one actor's partners, grew year by year.

    Parameters
    ----------
    G : networkx graph
        A projection built without ``as_of`` (its links carry their dates).
    actor : str, optional
        Follow this actor's partners; by default, the whole network.
    start, end : int, optional
        First and last year; by default the year of the first dated link (of ``actor``,
        when given) and of the last dated link in the graph.

    Returns
    -------
    list of dict
        Per year (state on 31 December): for the network ``nodes``, ``edges``, ``density``
        and ``new_edges``; for an actor ``partners``, ``new`` (labels of the partners that
        year added) and ``lost``.
    """
    centre = find_node(G, actor) if actor else None
    edges = G.edges(centre, data=True) if centre is not None else G.edges(data=True)
    years = sorted({int(link["start"][:4]) for *_, d in edges for link in d.get("links", []) if link.get("start")})
    if not years:
        return _frame([], as_dataframe)
    first, last = start or years[0], end or max(years[-1], max(
        (int(link["start"][:4]) for *_, d in G.edges(data=True) for link in d.get("links", []) if link.get("start")),
        default=years[-1]))
    if first > last:
        raise ParameterError(f"start year {first} is after end year {last}")
    rows = []
    before = snapshot(G, parse_date(str(first - 1), end=True))
    if centre is None:
        previous = {tuple(sorted(e[:2])) for e in before.edges}
    else:
        previous = set(nx.all_neighbors(before, centre)) if centre in before else set()
    for year in range(first, last + 1):
        snap = snapshot(G, parse_date(str(year), end=True))
        if centre is None:
            edges = {tuple(sorted(e[:2])) for e in snap.edges}
            rows.append({"year": year, "nodes": snap.number_of_nodes(), "edges": len(edges),
                         "density": round(nx.density(_simple(snap)), 6) if len(snap) > 1 else 0.0,
                         "new_edges": len(edges - previous)})
            previous = edges
        else:
            partners = set(nx.all_neighbors(snap, centre)) if centre in snap else set()
            rows.append({"year": year, "partners": len(partners),
                         "new": sorted(_label(G, p) for p in partners - previous),
                         "lost": sorted(_label(G, p) for p in previous - partners)})
            previous = partners
    return _frame(rows, as_dataframe)


# -- one entry point ----------------------------------------------------------------------

#: Analysis name → (function, default projection).
ANALYSES = {
    "centrality": (centrality, "actors"),
    "communities": (communities, "actors"),
    "connect": (connect, "relations"),
    "similar": (similar, "concepts"),
    "ego": (lambda G, actor, depth=1, as_dataframe=False: ego_rows(ego_network(G, actor, depth), as_dataframe),
            "actors"),
    "growth": (growth, "actors"),
}


def run_analysis(kg, name: str, projection: str | None = None, as_of=None, **params):
    """Build a projection of ``kg`` and run the analysis ``name`` on it (see :data:`ANALYSES`).

    Raises
    ------
    ParameterError
        If the analysis or projection is unknown, or a parameter is invalid.
    """
    if name not in ANALYSES:
        raise ParameterError(f"unknown analysis {name!r}; use one of {', '.join(ANALYSES)}")
    func, default = ANALYSES[name]
    if name == "growth" and as_of is not None:
        raise ParameterError("growth follows every year: give start/end years rather than as_of")
    G = project(kg, projection or default, as_of=as_of)
    try:
        return func(G, **params)
    except TypeError as exc:
        raise ParameterError(f"analysis {name!r}: {exc}") from None
