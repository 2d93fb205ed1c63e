"""Writing the graph for other tools: RDF syntaxes, and projections for graph software.

======================  =========================================================================
format                  what is written
======================  =========================================================================
``turtle``              every triple of the store once (the union of its graphs), sorted
``ntriples``            the same, one triple per line
``nquads``, ``trig``    every quad, in its named graph (one graph per source), sorted
``jsonld``              the quads as JSON-LD 1.1, compacted with pactgraph's published context
                        (``ontology/context.jsonld``), which the file embeds
``graphml``             a projection with typed attributes, for yEd, Gephi and networkx
``gexf``                a projection as GEXF 1.3, dynamic: nodes start when they first appear and
                        edges carry one spell per dated link, for Gephi's timeline
``cytoscape``           a projection as Cytoscape.js JSON (``elements.nodes``/``elements.edges``)
``dot``                 a projection in Graphviz DOT, coloured by node type
``csv``                 ``<name>-nodes.csv`` and ``<name>-edges.csv`` with Gephi's spreadsheet
                        headers (``Id``, ``Label``; ``Source``, ``Target``, ``Type``, ``Weight``)
``neo4j``               ``<name>-nodes.csv`` and ``<name>-edges.csv`` with ``neo4j-admin import``
                        headers (``:ID``, ``:LABEL``; ``:START_ID``, ``:END_ID``, ``:TYPE``);
                        arrays are separated by ``|`` (pass ``--array-delimiter="|"``)
``d3``                  a projection as D3 node-link JSON (``nodes`` and ``links``)
======================  =========================================================================

Every file is written to a temporary file in the target folder and renamed
into place, so a reader never sees half a file. List-valued attributes (quotes,
agreements) become `` | ``-joined strings in formats that only hold scalars.

Examples
--------
>>> import networkx as nx, tempfile, pathlib
>>> G = nx.Graph(projection="actors")
>>> G.add_node("a", label="Alpha", type="State"); G.add_node("b", label="Bravo", type="State")
>>> G.add_edge("a", "b", weight=2, relations=["party"], quotes=["Alpha and Bravo signed."])
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> [p.name for p in write_graph(G, "graphml", folder / "g.graphml")]
['g.graphml']
>>> H = nx.read_graphml(folder / "g.graphml")
>>> H.edges["a", "b"]["weight"], H.edges["a", "b"]["quotes"]
(2, 'Alpha and Bravo signed.')
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

from .errors import ParameterError
from .files import atomic_write as _atomic

__all__ = [
    "GRAPH_FORMATS",
    "RDF_EXPORTS",
    "export",
    "flat_attributes",
    "jsonld_context",
    "write_graph",
    "write_rdf",
]

RDF_EXPORTS = ("turtle", "ntriples", "nquads", "trig", "jsonld")
GRAPH_FORMATS = ("graphml", "gexf", "cytoscape", "dot", "csv", "neo4j", "d3")
LIST_SEPARATOR = " | "
GEXF_NS = "http://gexf.net/1.3"
_NEO4J_TYPES = {"actors": "PARTNERS_WITH", "relations": "RELATED_TO", "concepts": "HOLDS", "signatories": "CO_SIGNED",
                "memberships": "MEMBER_OF"}
_TYPE_COLOURS = {"State": "#4e79a7", "InternationalOrganization": "#f28e2b", "InformalGrouping": "#edc948",
                 "Mission": "#59a14f", "Person": "#b07aa1", "SharedValue": "#76b7b2", "SecurityChallenge": "#e15759",
                 "CooperationArea": "#9c755f"}


# -- RDF ----------------------------------------------------------------------------------


def jsonld_context() -> dict:
    """pactgraph's published JSON-LD context (the content of ``ontology/context.jsonld``).

    >>> jsonld_context()["party"]
    {'@id': 'pact:party', '@type': '@id'}
    """
    from .resources import ontology_dir

    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def _store_quads(kg):
    import pyoxigraph as ox

    from .store import META_GRAPH

    meta = ox.NamedNode(META_GRAPH)
    return [q for q in kg.store.db.quads_for_pattern(None, None, None, None) if q.graph_name != meta]


def write_rdf(kg, fmt: str, path) -> Path:
    """Write the whole store (less its bookkeeping graph) as ``fmt`` to ``path``.

    Triple formats (``turtle``, ``ntriples``) hold every distinct triple once; quad
    formats keep each source's named graph. Output is sorted, so two exports of the
    same store are byte-identical.
    """
    import pyoxigraph as ox

    from .namespaces import PREFIXES

    if fmt not in RDF_EXPORTS:
        raise ParameterError(f"unknown RDF format {fmt!r}; use one of {', '.join(RDF_EXPORTS)}")
    path = Path(path)
    quads = sorted(_store_quads(kg), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    if fmt == "jsonld":
        return _write_jsonld(quads, path)
    if fmt in ("turtle", "ntriples"):
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                         key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
        data = ox.serialize(triples, format=rdf_format, prefixes=PREFIXES if fmt == "turtle" else None)
    else:
        rdf_format = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
        data = ox.serialize(quads, format=rdf_format, prefixes=PREFIXES if fmt == "trig" else None)
    with _atomic(path, "wb") as handle:
        handle.write(data)
    return path


def _write_jsonld(quads, path: Path) -> Path:
    """JSON-LD 1.1 compacted with the published context.

    pyoxigraph writes expanded JSON-LD; this compacts it with the context's
    prefixes and terms (a property takes its term only where every value fits the
    term's coercion, so nothing is lost). rdflib's own JSON-LD serializer is not
    used: with ``"@type": "@id"`` terms it drops the description of blank nodes.
    """
    import pyoxigraph as ox

    expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD))
    compactor = _Compactor(jsonld_context())
    graph = []
    for item in expanded:
        if "@graph" in item:
            graph.append({"@id": compactor.iri(item["@id"]), "@graph": [compactor.node(n) for n in item["@graph"]]})
        else:
            graph.append(compactor.node(item))
    with _atomic(path) as handle:
        json.dump({"@context": jsonld_context(), "@graph": graph}, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return path


class _Compactor:
    """Compact expanded JSON-LD node objects with a context of prefixes and simple terms."""

    def __init__(self, context: dict):
        self.prefixes = sorted(((k, v) for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))),
                               key=lambda kv: -len(kv[1]))
        self.terms = {}
        for term, definition in context.items():
            if term.startswith("@") or (isinstance(definition, str) and definition.endswith(("/", "#"))):
                continue
            if isinstance(definition, str):
                definition = {"@id": definition}
            self.terms[self._expand(definition["@id"])] = (term, definition)

    def _expand(self, value: str) -> str:
        prefix, _, rest = value.partition(":")
        for name, namespace in self.prefixes:
            if name == prefix:
                return namespace + rest
        return value

    def iri(self, value: str) -> str:
        if value.startswith("_:"):
            return value
        for name, namespace in self.prefixes:
            if value.startswith(namespace) and len(value) > len(namespace) and not value[len(namespace):].startswith("/"):
                return f"{name}:{value[len(namespace):]}"
        return value

    def _fits(self, definition: dict, value: dict) -> bool:
        kind = definition.get("@type")
        if kind == "@id":
            return set(value) == {"@id"}
        if kind is not None:
            return set(value) == {"@value", "@type"} and value["@type"] == self._expand(kind)
        if "@language" in definition:
            return set(value) == {"@value", "@language"} and value["@language"] == definition["@language"]
        return set(value) == {"@value"}

    def _value(self, value: dict) -> dict:
        out = dict(value)
        if "@id" in out:
            out["@id"] = self.iri(out["@id"])
        if "@type" in out:
            out["@type"] = self.iri(out["@type"])
        return out

    def node(self, node: dict) -> dict:
        out = {"@id": self.iri(node["@id"])}
        if "@type" in node:
            types = [self.iri(t) for t in node["@type"]]
            out["@type"] = types[0] if len(types) == 1 else types
        properties = {}
        for key, values in node.items():
            if key.startswith("@"):
                continue
            term = self.terms.get(key)
            if term and all(self._fits(term[1], v) for v in values):
                name = term[0]
                simple = [v["@id"] if "@id" in v else v["@value"] for v in values]
                if term[1].get("@type") == "@id":
                    simple = [self.iri(v) for v in simple]
                properties[name] = simple[0] if len(simple) == 1 else simple
            else:
                compacted = [self._value(v) for v in values]
                properties[self.iri(key)] = compacted[0] if len(compacted) == 1 else compacted
        out.update(sorted(properties.items()))
        return out


# -- graph formats ------------------------------------------------------------------------


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        items = [str(v) for v in value if not isinstance(v, dict)]
        return LIST_SEPARATOR.join(items) if items or not value else None
    if isinstance(value, dict):
        return None
    return value


def flat_attributes(data: dict) -> dict:
    """Attributes with lists joined by `` | `` and ``None`` and nested records dropped.

    >>> flat_attributes({"label": "Japan", "quotes": ["a", "b"], "end": None, "links": [{"x": 1}]})
    {'label': 'Japan', 'quotes': 'a | b'}
    """
    out = {}
    for key, value in data.items():
        if key == "links":
            continue
        value = _scalar(value)
        if value is not None:
            out[key] = value
    return out


def _flat_graph(G):
    """A copy of ``G`` whose attributes are all scalars (GraphML and GEXF need that)."""
    H = G.__class__()
    H.graph.update({k: v for k, v in flat_attributes(G.graph).items() if isinstance(v, (str, int, float, bool))})
    for node, data in G.nodes(data=True):
        H.add_node(node, **flat_attributes(data))
    if G.is_multigraph():
        for u, v, key, data in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=key, **flat_attributes(data))
    else:
        for u, v, data in G.edges(data=True):
            H.add_edge(u, v, **flat_attributes(data))
    # One type per attribute: where values mix, write them all as strings.
    for items in (H.nodes.values(), [d for *_, d in H.edges(data=True)]):
        kinds: dict[str, set] = {}
        for data in items:
            for key, value in data.items():
                kinds.setdefault(key, set()).add(type(value))
        mixed = {k for k, ts in kinds.items() if len(ts) > 1}
        for data in items:
            for key in mixed & data.keys():
                data[key] = str(data[key])
    return H


def _json_ready(G):
    """A copy of ``G`` for the JSON formats: lists stay lists, per-link records are dropped."""
    H = G.__class__()
    H.graph.update({k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, bool)) or v is None})
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: v for k, v in data.items() if k != "links"})
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    for *ends, data in edges:
        H.add_edge(*ends, **{k: v for k, v in data.items() if k != "links"})
    return H


def write_graph(G, fmt: str, path) -> list[Path]:
    """Write the networkx graph ``G`` (a projection) as ``fmt``; return the files written.

    Parameters
    ----------
    G : networkx graph
    fmt : str
        One of :data:`GRAPH_FORMATS`.
    path : str or Path
        Output file; for ``csv`` and ``neo4j``, ``<stem>-nodes.csv`` and
        ``<stem>-edges.csv`` are written beside it (or inside it, if it is a folder).

    Raises
    ------
    ParameterError
        If the format is unknown.
    """
    path = Path(path)
    if fmt == "graphml":
        return [_write_graphml(G, path)]
    if fmt == "gexf":
        return [_write_gexf(G, path)]
    if fmt == "cytoscape":
        return [_write_json(_cytoscape(G), path)]
    if fmt == "d3":
        import networkx as nx

        return [_write_json(nx.node_link_data(_json_ready(G), edges="links"), path)]
    if fmt == "dot":
        return [_write_dot(G, path)]
    if fmt in ("csv", "neo4j"):
        return _write_tables(G, path, neo4j=fmt == "neo4j")
    raise ParameterError(f"unknown graph format {fmt!r}; use one of {', '.join(GRAPH_FORMATS)}")


def _write_json(data, path: Path) -> Path:
    with _atomic(path) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1, default=str)
        handle.write("\n")
    return path


def _write_graphml(G, path: Path) -> Path:
    import networkx as nx

    H = _flat_graph(G)
    with _atomic(path, "wb") as handle:
        nx.write_graphml_xml(H, handle, encoding="utf-8", named_key_ids=True)
    return path


def _cytoscape(G) -> dict:
    """Cytoscape.js elements JSON: ``{"data": …, "elements": {"nodes": [...], "edges": [...]}}``."""
    H = _json_ready(G)
    # "value" and "name" follow networkx's convention, so nx.cytoscape_graph reads the file back.
    nodes = [{"data": {"id": str(n), "value": str(n), "name": data.get("label", str(n)), **data}}
             for n, data in H.nodes(data=True)]
    edges = []
    iterator = H.edges(keys=True, data=True) if H.is_multigraph() else H.edges(data=True)
    for i, (*ends, data) in enumerate(iterator):
        record = {"id": f"e{i}", "source": str(ends[0]), "target": str(ends[1]), **data}
        if H.is_multigraph():
            record["key"] = ends[2]
        edges.append({"data": record})
    return {"data": {**H.graph, "directed": H.is_directed(), "multigraph": H.is_multigraph()},
            "elements": {"nodes": nodes, "edges": edges}}


# GEXF 1.3: written with ElementTree, following the GEXF 1.3 schema (no viz extension).

_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _spells(links: list[dict]) -> list[tuple[str, str | None]]:
    """Merged ``(start, end)`` intervals of the dated links (``end`` ``None`` = still valid)."""
    spans = sorted((link["start"], link.get("end")) for link in links if link.get("start"))
    merged: list[list] = []
    for start, end in spans:
        if merged and (merged[-1][1] is None or start <= merged[-1][1]):
            if merged[-1][1] is not None and (end is None or end > merged[-1][1]):
                merged[-1][1] = end
            continue
        merged.append([start, end])
    return [tuple(m) for m in merged]


def _write_gexf(G, path: Path) -> Path:
    import math
    import xml.etree.ElementTree as ET

    from . import __version__

    flat = _flat_graph(G)
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": dt.date.today().isoformat()})
    ET.SubElement(meta, "creator").text = f"pactgraph {__version__}"
    projection = G.graph.get("projection", "graph")
    as_of = G.graph.get("as_of")
    ET.SubElement(meta, "description").text = f"pactgraph {projection} projection" + (f" as of {as_of}" if as_of else "")
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed" if G.is_directed() else "undirected",
                                          "mode": "dynamic", "timeformat": "date", "timerepresentation": "interval"})
    skip_node, skip_edge = {"label", "start"}, {"label", "weight", "start", "end", "id"}
    keys = {}
    for cls, items, skip in (("node", [d for _, d in flat.nodes(data=True)], skip_node),
                             ("edge", [d for *_, d in flat.edges(data=True)], skip_edge)):
        types: dict[str, str] = {}
        for data in items:
            for key, value in data.items():
                if key not in skip:
                    types.setdefault(key, _GEXF_TYPES.get(type(value), "string"))
        keys[cls] = {key: str(i) for i, key in enumerate(sorted(types))}
        block = ET.SubElement(graph, "attributes", {"class": cls})
        for key in sorted(types):
            ET.SubElement(block, "attribute", {"id": keys[cls][key], "title": key, "type": types[key]})

    def attvalues(parent, data, cls):
        values = [(keys[cls][k], v) for k, v in sorted(data.items()) if k in keys[cls]]
        if values:
            block = ET.SubElement(parent, "attvalues")
            for key, value in values:
                text = str(value).lower() if isinstance(value, bool) else str(value)
                ET.SubElement(block, "attvalue", {"for": key, "value": text})

    nodes = ET.SubElement(graph, "nodes", {"count": str(flat.number_of_nodes())})
    for node, data in flat.nodes(data=True):
        element = ET.SubElement(nodes, "node", {"id": str(node), "label": str(data.get("label", node))})
        if data.get("start"):
            element.set("start", str(data["start"]))
        attvalues(element, data, "node")
    edges = ET.SubElement(graph, "edges", {"count": str(flat.number_of_edges())})
    originals = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    for i, (*ends, original) in enumerate(originals):
        data = flat.edges[tuple(ends)]
        attrs = {"id": str(i), "source": str(ends[0]), "target": str(ends[1])}
        # The original weight: _flat_graph turns every weight into a string when ints and floats mix.
        weight = original.get("weight")
        if isinstance(weight, (int, float)) and not isinstance(weight, bool) and math.isfinite(weight):
            attrs["weight"] = str(float(weight))
        label = data.get("agreement_labels") or data.get("relations")
        if label:
            attrs["label"] = str(label)
        element = ET.SubElement(edges, "edge", attrs)
        attvalues(element, data, "edge")
        spells = _spells(original.get("links") or [])
        if spells:
            block = ET.SubElement(element, "spells")
            for start, end in spells:
                ET.SubElement(block, "spell", {"start": start, **({"end": end} if end else {})})
    ET.indent(root, space=" ")
    with _atomic(path, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        ET.ElementTree(root).write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")
    return path


# Graphviz DOT

def _dot_id(value) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def _write_dot(G, path: Path) -> Path:
    flat = _flat_graph(G)
    kind, arrow = ("digraph", "->") if G.is_directed() else ("graph", "--")
    name = G.graph.get("projection", "pactgraph")
    lines = [f"{kind} {_dot_id(name)} {{",
             '  graph [overlap=false, splines=true, fontname="Helvetica"];',
             '  node [shape=ellipse, style=filled, fontname="Helvetica", fontsize=10, color="#555555"];',
             '  edge [color="#999999"];']
    for node, data in flat.nodes(data=True):
        attrs = {**data, "fillcolor": _TYPE_COLOURS.get(data.get("type"), "#cccccc")}
        lines.append(f"  {_dot_id(node)} [" + ", ".join(f"{k}={_dot_id(v)}" for k, v in sorted(attrs.items())) + "];")
    edges = flat.edges(keys=True, data=True) if flat.is_multigraph() else flat.edges(data=True)
    for *ends, data in edges:
        attrs = dict(data)
        if len(ends) == 3:
            attrs["key"] = ends[2]
        if isinstance(data.get("weight"), (int, float)):
            attrs["penwidth"] = str(min(1 + float(data["weight"]), 6))
        lines.append(f"  {_dot_id(ends[0])} {arrow} {_dot_id(ends[1])} ["
                     + ", ".join(f"{k}={_dot_id(v)}" for k, v in sorted(attrs.items())) + "];")
    lines.append("}")
    with _atomic(path) as handle:
        handle.write("\n".join(lines) + "\n")
    return path


# CSV tables (Gephi spreadsheet import, neo4j-admin import)

def _table_paths(path: Path) -> tuple[Path, Path]:
    if path.suffix.lower() == ".csv":
        stem = path.name[: -len(path.suffix)]
        return path.with_name(f"{stem}-nodes.csv"), path.with_name(f"{stem}-edges.csv")
    return path / "nodes.csv", path / "edges.csv"


def _neo4j_header(key: str, values) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {list, tuple}:
        return f"{key}:string[]"
    if kinds == {bool}:
        return f"{key}:boolean"
    if kinds and kinds <= {int}:
        return f"{key}:long"
    if kinds and kinds <= {int, float}:
        return f"{key}:double"
    return key


def _neo4j_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join(str(v).replace("|", "/") for v in value if not isinstance(v, dict))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_tables(G, path: Path, neo4j: bool) -> list[Path]:
    nodes_path, edges_path = _table_paths(path)
    node_rows = [(n, {k: v for k, v in d.items() if k != "links"}) for n, d in G.nodes(data=True)]
    iterator = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    edge_rows = [(ends, {k: v for k, v in d.items() if k != "links"}) for *ends, d in iterator]
    node_keys = sorted({k for _, d in node_rows for k in d} - {"label"})
    edge_keys = sorted({k for _, d in edge_rows for k in d} - {"weight"})
    if neo4j:
        rel_type = _NEO4J_TYPES.get(G.graph.get("projection"), "LINKED_TO")
        node_header = ["id:ID", "label"] + [_neo4j_header(k, [d.get(k) for _, d in node_rows]) for k in node_keys] + [":LABEL"]
        edge_header = [":START_ID", ":END_ID", ":TYPE", "weight:long"] + \
            [_neo4j_header(k, [d.get(k) for _, d in edge_rows]) for k in edge_keys]
        nodes_out = [[str(n), d.get("label", "")] + [_neo4j_value(d.get(k)) for k in node_keys]
                     + [";".join(filter(None, ["Actor" if d.get("bipartite", 0) == 0 and d.get("type") not in
                                               ("SharedValue", "SecurityChallenge", "CooperationArea") else "Concept",
                                               re.sub(r"\W", "", str(d.get("type") or ""))]))] for n, d in node_rows]
        edges_out = [[str(e[0]), str(e[1]), rel_type, _neo4j_value(d.get("weight", 1))]
                     + [_neo4j_value(d.get(k)) for k in edge_keys] for e, d in edge_rows]
    else:
        direction = "Directed" if G.is_directed() else "Undirected"
        node_header = ["Id", "Label"] + node_keys
        edge_header = ["Source", "Target", "Type", "Weight"] + edge_keys
        nodes_out = [[str(n), d.get("label", "")] + [_scalar(d.get(k)) if d.get(k) is not None else "" for k in node_keys]
                     for n, d in node_rows]
        edges_out = [[str(e[0]), str(e[1]), direction, d.get("weight", 1)]
                     + [_scalar(d.get(k)) if d.get(k) is not None else "" for k in edge_keys] for e, d in edge_rows]
    for target, header, rows in ((nodes_path, node_header, nodes_out), (edges_path, edge_header, edges_out)):
        with _atomic(target) as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
    return [nodes_path, edges_path]


# -- one entry point ----------------------------------------------------------------------


def export(kg, fmt: str, path, projection: str | None = None, as_of=None) -> list[Path]:
    """Export ``kg`` as ``fmt`` to ``path``; return the files written.

    Parameters
    ----------
    kg : KnowledgeGraph
    fmt : str
        An RDF format (:data:`RDF_EXPORTS`) or a graph format (:data:`GRAPH_FORMATS`).
    path : str or Path
        Output file (for ``csv`` and ``neo4j``, the stem of two files).
    projection : str, optional
        For graph formats: ``actors`` (default), ``relations``, ``concepts``,
        ``signatories`` or ``memberships``.
    as_of : str, optional
        For graph formats: only what was valid on that date.

    Raises
    ------
    ParameterError
        If the format or projection is unknown, or a projection or date is given for an RDF format.
    """
    if fmt in RDF_EXPORTS:
        if projection is not None or as_of is not None:
            raise ParameterError(f"--projection and --as-of apply to graph formats ({', '.join(GRAPH_FORMATS)}), "
                                 f"not to {fmt}")
        return [write_rdf(kg, fmt, path)]
    if fmt not in GRAPH_FORMATS:
        raise ParameterError(f"unknown export format {fmt!r}; use one of {', '.join(RDF_EXPORTS + GRAPH_FORMATS)}")
    from .projections import project

    return write_graph(project(kg, projection or "actors", as_of=as_of), fmt, path)
