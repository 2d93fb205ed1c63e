"""The SPARQL 1.1 Protocol, framework-free: reading operations, negotiating formats, datasets.

Nothing here touches the store; :mod:`pactgraph.server._app` wires these helpers
to HTTP routes and to the query guard.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field

from ..remote import sparql_tokens

__all__ = [
    "GRAPH_MEDIA",
    "RESULT_MEDIA",
    "ProtocolError",
    "SparqlOperation",
    "has_dataset_clause",
    "negotiate",
    "parse_operation",
    "prefers_html",
    "service_description",
    "with_dataset",
    "with_using",
]

#: Result formats for SELECT and ASK, and the media types that ask for them.
RESULT_MEDIA = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
#: RDF syntaxes for CONSTRUCT and DESCRIBE, and the media types that ask for them.
GRAPH_MEDIA = {
    "text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "ntriples",
    "text/plain": "ntriples", "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml",
}
FORMAT_ALIASES = {"sparql-json": "json", "srj": "json", "srx": "xml", "ttl": "turtle", "nt": "ntriples",
                  "n-triples": "ntriples", "json-ld": "jsonld", "rdf": "rdfxml", "rdf-xml": "rdfxml"}
_EMPTY_GRAPH = "https://w3id.org/pactgraph/graph/empty"


class ProtocolError(Exception):
    """A request the protocol says to refuse: carries the HTTP status and a one-line reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class SparqlOperation:
    """One protocol request: a query, an update, or neither (a request for the service description)."""

    kind: str | None  # "query", "update" or None
    text: str = ""
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    params: dict[str, str] = field(default_factory=dict)


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, f"the {what} is not valid UTF-8") from None


def _media(content_type: str | None) -> tuple[str, dict[str, str]]:
    if not content_type:
        return "", {}
    media, _, rest = content_type.partition(";")
    params = {}
    for part in rest.split(";"):
        if "=" in part:
            key, value = part.split("=", 1)
            params[key.strip().lower()] = value.strip().strip('"').lower()
    return media.strip().lower(), params


def parse_operation(method: str, query_string: str, content_type: str | None, body: bytes) -> SparqlOperation:
    """Read a SPARQL Protocol request (GET, POST form-encoded or POST direct).

    Raises
    ------
    ProtocolError
        For the requests the protocol calls malformed: several queries, an update
        sent with GET, a wrong or missing media type, a charset other than UTF-8,
        both a query and an update.
    """
    try:
        pairs = urllib.parse.parse_qsl(query_string, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise ProtocolError(400, "the request URL's parameters are not valid UTF-8") from None
    direct_kind = None
    direct_text = ""
    if method == "POST":
        media, media_params = _media(content_type)
        charset = media_params.get("charset")
        if charset and charset not in ("utf-8", "utf8"):
            raise ProtocolError(415, f"charset {charset!r} is not supported: send UTF-8")
        if media == "application/x-www-form-urlencoded":
            text = _decode(body, "form body")
            pairs += urllib.parse.parse_qsl(text, keep_blank_values=True)
        elif media in ("application/sparql-query", "application/sparql-update"):
            direct_kind = "query" if media.endswith("query") else "update"
            direct_text = _decode(body, direct_kind)
        elif not media:
            raise ProtocolError(415, "POST needs a Content-Type: application/sparql-query, "
                                     "application/sparql-update or application/x-www-form-urlencoded")
        else:
            raise ProtocolError(415, f"Content-Type {media!r} is not a SPARQL request; use "
                                     "application/sparql-query, application/sparql-update or a form")
    elif method not in ("GET", "HEAD"):
        raise ProtocolError(405, f"method {method} is not part of the SPARQL protocol; use GET or POST")
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        values.setdefault(key, []).append(value)
    queries, updates = values.get("query", []), values.get("update", [])
    if direct_kind == "query":
        queries = queries + [direct_text]
    elif direct_kind == "update":
        updates = updates + [direct_text]
    if len(queries) > 1 or len(updates) > 1:
        raise ProtocolError(400, "give one query or one update per request")
    if queries and updates:
        raise ProtocolError(400, "a request holds either a query or an update, not both")
    singles = {k: v[-1] for k, v in values.items() if k not in ("query", "update") and v}
    if updates:
        if method != "POST":
            raise ProtocolError(405, "updates must be sent with POST")
        return SparqlOperation("update", updates[0], values.get("using-graph-uri", []),
                               values.get("using-named-graph-uri", []), singles)
    if queries:
        return SparqlOperation("query", queries[0], values.get("default-graph-uri", []),
                               values.get("named-graph-uri", []), singles)
    return SparqlOperation(None, params=singles)


# -- content negotiation ------------------------------------------------------------------------

def _accepted(accept: str | None) -> list[tuple[str, float, int]]:
    out = []
    for i, item in enumerate((accept or "").split(",")):
        media, params = _media(item)
        if not media:
            continue
        try:
            q = float(params.get("q", "1"))
        except ValueError:
            q = 0.0
        out.append((media, q, i))
    return out


def negotiate(accept: str | None, offers: dict[str, str], default: str, requested: str | None = None) -> str | None:
    """The format to answer with: ``requested`` (a ``format`` parameter) if given, else the best ``Accept`` match.

    Returns ``None`` when ``Accept`` names only media types that are not offered. A
    ``requested`` name that is not one of the offered formats is ignored.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_MEDIA, "json")
    'xml'
    >>> negotiate("text/html,*/*;q=0.8", RESULT_MEDIA, "json")
    'json'
    """
    if requested:
        name = requested.strip().lower()
        name = FORMAT_ALIASES.get(name, offers.get(_media(name)[0], name))
        if offers is GRAPH_MEDIA:  # clients ask "xml" or "json" whatever the query form
            name = {"xml": "rdfxml", "json": "jsonld", "n3": "turtle"}.get(name, name)
        if name in set(offers.values()):
            return name
        # an unknown format name (clients add their own, e.g. results=n3): negotiate on Accept instead
    ranked = sorted(_accepted(accept), key=lambda item: (-item[1], item[2]))
    if not ranked:
        return default
    for media, q, _ in ranked:
        if q <= 0:
            continue
        if media in offers:
            return offers[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


def prefers_html(accept: str | None) -> bool:
    """True when a browser is asking: ``text/html`` is accepted at least as much as any RDF or results type."""
    ranked = _accepted(accept)
    html = max((q for m, q, _ in ranked if m in ("text/html", "application/xhtml+xml")), default=0.0)
    data = max((q for m, q, _ in ranked if m in RESULT_MEDIA or m in GRAPH_MEDIA), default=0.0)
    return html > 0 and html >= data


# -- datasets ---------------------------------------------------------------------------------

def _top_level(text: str):
    return [t for t in sparql_tokens(text) if t[3] == 0]


def with_dataset(query: str, default_graphs: list[str], named_graphs: list[str], known: set[str] | None = None) -> str:
    """Apply protocol ``default-graph-uri`` / ``named-graph-uri`` to ``query``.

    The protocol's dataset replaces any ``FROM`` / ``FROM NAMED`` of the query, so
    those clauses are removed and new ones written before the outer ``WHERE``.
    Graphs not in ``known`` are empty by definition; they are left out (a
    placeholder keeps an all-unknown list from meaning "everything").

    >>> with_dataset("SELECT * FROM <http://a> WHERE { ?s ?p ?o }", ["http://b"], [])
    'SELECT * FROM <http://b>\\nWHERE { ?s ?p ?o }'
    """
    if not default_graphs and not named_graphs:
        return query
    for iri in default_graphs + named_graphs:
        if not re.fullmatch(r"[^<>\"{}|^`\\\x00-\x20]+", iri):
            raise ProtocolError(400, f"graph IRI {iri!r} is not a valid IRI")

    def keep(graphs: list[str]) -> list[str]:
        if known is None or not graphs:
            return graphs
        kept = [g for g in graphs if g in known]
        return kept or [_EMPTY_GRAPH]

    tokens = list(sparql_tokens(query))
    cut: list[tuple[int, int]] = []
    insert_at = None
    form_seen = False
    template_seen = False
    for i, (kind, text, start, depth) in enumerate(tokens):
        if depth != 0:
            continue
        upper = text.upper() if kind == "word" else ""
        if upper in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            form_seen = True
        elif upper == "FROM" and i + 1 < len(tokens):
            last = i + 2 if tokens[i + 1][1].upper() == "NAMED" else i + 1
            if last < len(tokens):
                end = tokens[last][2] + len(tokens[last][1])
                cut.append((start, end))
        elif form_seen and insert_at is None and (upper == "WHERE" or text == "{"):
            if text == "{" and query[:start].rstrip().upper().endswith("CONSTRUCT") and not template_seen:
                template_seen = True
                continue
            insert_at = start
    if insert_at is None and any(t[0] == "word" and t[1].upper() == "DESCRIBE" and t[3] == 0 for t in tokens):
        insert_at = len(query.rstrip())  # DESCRIBE <iri> with no WHERE: the dataset clause ends the query
    if insert_at is None:
        raise ProtocolError(400, "cannot apply the protocol's dataset: the query has no WHERE clause")
    clauses = [f"FROM <{g}>" for g in keep(default_graphs)] + [f"FROM NAMED <{g}>" for g in keep(named_graphs)]
    head, position = [], 0
    for start, end in cut:
        if start < insert_at:
            head.append(query[position:start])
            position = end
    head.append(query[position:insert_at])
    return "".join(head).rstrip() + " " + " ".join(clauses) + "\n" + query[insert_at:]


def has_dataset_clause(update: str) -> bool:
    """True when an update names its own dataset (``USING``, ``USING NAMED`` or ``WITH``)."""
    return any(kind == "word" and text.upper() in ("USING", "WITH") for kind, text, _, _ in _top_level(update))


def with_using(update: str, using: list[str], using_named: list[str]) -> str:
    """Apply protocol ``using-graph-uri`` / ``using-named-graph-uri``: a ``USING`` clause before each ``WHERE``.

    Raises :class:`ProtocolError` (400) when the update names its own dataset, as the protocol requires.

    >>> with_using("INSERT { ?s a <http://c> } WHERE { ?s ?p ?o }", ["http://g"], [])
    'INSERT { ?s a <http://c> } USING <http://g> WHERE { ?s ?p ?o }'
    """
    if not using and not using_named:
        return update
    if has_dataset_clause(update):
        raise ProtocolError(400, "the update has USING or WITH clauses and the request gives "
                                 "using-graph-uri/using-named-graph-uri: give one or the other")
    for iri in using + using_named:
        if not re.fullmatch(r"[^<>\"{}|^`\\\x00-\x20]+", iri):
            raise ProtocolError(400, f"graph IRI {iri!r} is not a valid IRI")
    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]) + " "
    tokens = _top_level(update)
    positions = []
    for i, (kind, text, start, _) in enumerate(tokens):
        # WHERE right after a template's closing brace: DELETE/INSERT … WHERE (not the DELETE WHERE short form)
        if kind == "word" and text.upper() == "WHERE" and i > 0 and tokens[i - 1][1] == "}":
            positions.append(start)
    for start in reversed(positions):
        update = update[:start] + clause + update[start:]
    return update


# -- service description ------------------------------------------------------------------------

def service_description(endpoint: str, *, allow_update: bool, allow_service: bool, graphs: list[str]):
    """Triples of a SPARQL 1.1 Service Description for the endpoint at ``endpoint``."""
    import pyoxigraph as ox

    sd = "http://www.w3.org/ns/sparql-service-description#"
    fmt = "http://www.w3.org/ns/formats/"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    service = ox.NamedNode(endpoint + "#service")
    dataset, default_graph = ox.BlankNode("dataset"), ox.BlankNode("defaultGraph")
    triples = [
        ox.Triple(service, rdf_type, ox.NamedNode(sd + "Service")),
        ox.Triple(service, ox.NamedNode(sd + "endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")),
        ox.Triple(service, ox.NamedNode(sd + "feature"), ox.NamedNode(sd + "UnionDefaultGraph")),
        ox.Triple(service, ox.NamedNode(sd + "defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, ox.NamedNode(sd + "Dataset")),
        ox.Triple(dataset, ox.NamedNode(sd + "defaultGraph"), default_graph),
        ox.Triple(default_graph, rdf_type, ox.NamedNode(sd + "Graph")),
        ox.Triple(service, ox.NamedNode("http://purl.org/dc/terms/title"),
                  ox.Literal("pactgraph SPARQL endpoint: international security partnerships")),
    ]
    if allow_service:
        triples.append(ox.Triple(service, ox.NamedNode(sd + "feature"), ox.NamedNode(sd + "BasicFederatedQuery")))
    if allow_update:
        triples.append(ox.Triple(service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Update")))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        triples.append(ox.Triple(service, ox.NamedNode(sd + "resultFormat"), ox.NamedNode(fmt + name)))
    for i, graph in enumerate(graphs):
        node = ox.BlankNode(f"g{i}")
        triples += [
            ox.Triple(dataset, ox.NamedNode(sd + "namedGraph"), node),
            ox.Triple(node, rdf_type, ox.NamedNode(sd + "NamedGraph")),
            ox.Triple(node, ox.NamedNode(sd + "name"), ox.NamedNode(graph)),
        ]
    return triples
