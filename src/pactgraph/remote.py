"""A store on an existing SPARQL 1.1 server, with the interface of :class:`pactgraph.store.Store`.

When one machine is not enough, the same library and command line talk to a
triplestore (Oxigraph server, Apache Jena Fuseki, Virtuoso, GraphDB, Amazon
Neptune) through the W3C protocols:

* reads use the SPARQL 1.1 Protocol (``query``, sent as a form POST);
* ``replace_graph`` and ``drop_graph`` use the Graph Store Protocol (``PUT`` and
  ``DELETE`` of one named graph) when the server offers it, and fall back to one
  SPARQL 1.1 Update request (``DROP SILENT GRAPH … ; INSERT DATA …``) otherwise.
  Each is one request, which these servers apply atomically.

Results come back as the same pyoxigraph objects the embedded store returns
(:class:`~pyoxigraph.QuerySolutions`, :class:`~pyoxigraph.QueryBoolean`,
:class:`~pyoxigraph.QueryTriples`), so :class:`~pactgraph.knowledge.KnowledgeGraph`
and everything built on it run unchanged::

    kg = pactgraph.open("http://localhost:7878/query", write=True)

Queries see the union of all named graphs, as with the embedded store. How that
is obtained depends on the server (``union``):

``"server"``
    the server's default graph already is the union (Virtuoso, GraphDB, Neptune,
    Fuseki with ``unionDefaultGraph``, ``oxigraph serve --union-default-graph``);
``"oxigraph"``
    send Oxigraph's ``union-default-graph`` request parameter;
``"explicit"``
    name every graph with ``default-graph-uri`` and ``named-graph-uri`` (works on
    any conforming server, slower with many graphs);
``"auto"`` (default)
    ``"oxigraph"`` when the server says it is Oxigraph, ``"explicit"`` for Fuseki,
    ``"server"`` otherwise.

Named-query parameters cannot be sent as engine substitutions over the protocol;
they are added as a ``VALUES`` block at the start of the query's outer ``WHERE``
group, built from RDF terms (never from raw user text).
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator

from .errors import PactgraphError, QueryError, QueryTimeout, StoreError

__all__ = [
    "ENV_GSP_URL",
    "ENV_TOKEN",
    "ENV_UNION",
    "ENV_UPDATE_URL",
    "RemoteStore",
    "add_prefixes",
    "bind_values",
    "is_endpoint_url",
    "sparql_tokens",
]

#: Environment variables read when a store is given as a URL on the command line.
ENV_UPDATE_URL = "PACTGRAPH_UPDATE_URL"
ENV_GSP_URL = "PACTGRAPH_GSP_URL"
ENV_UNION = "PACTGRAPH_UNION"
ENV_TOKEN = "PACTGRAPH_TOKEN"

UNION_MODES = ("auto", "server", "oxigraph", "explicit")
#: Seconds the graph list used by union="explicit" is reused before it is asked again.
GRAPH_LIST_SECONDS = 5.0
_RESULT_ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
                  "text/tab-separated-values;q=0.8, application/n-triples;q=0.9, text/turtle;q=0.8, "
                  "application/rdf+xml;q=0.5, application/ld+json;q=0.5")


def is_endpoint_url(store) -> bool:
    """True when ``store`` (a ``--store`` value) names an HTTP(S) SPARQL endpoint rather than a folder.

    >>> is_endpoint_url("http://localhost:7878/query"), is_endpoint_url("store/")
    (True, False)
    """
    return isinstance(store, str) and store.strip().lower().startswith(("http://", "https://"))


# -- SPARQL text -----------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7-\uFFFF]+)
  | (?P<word>(?:[A-Za-z_\u00C0-\uFFFF][\w\-.\u00B7-\uFFFF]*)?:(?:[\w\-.:%\u00B7-\uFFFF]|\\.)*
             |[A-Za-z_\u00C0-\uFFFF][\w\-\u00B7-\uFFFF]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


def sparql_tokens(text: str) -> Iterator[tuple[str, str, int, int]]:
    """Tokens of a SPARQL query or update as ``(kind, text, start, depth)``, comments and spaces left out.

    ``kind`` is one of string, iri, var, word (keywords and prefixed names),
    open, close or other; ``depth`` is the nesting level the token stands at (a
    bracket and its partner stand at the same level).
    Enough to find keywords at the top level without being fooled by strings,
    IRIs or comments.

    >>> [(k, t, d) for k, t, _, d in sparql_tokens('ASK { ?s <#x> "}" }')]
    [('word', 'ASK', 0), ('open', '{', 0), ('var', '?s', 1), ('iri', '<#x>', 1), ('string', '"}"', 1), ('close', '}', 0)]
    """
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("ws", "comment"):
            continue
        token = match.group()
        if kind == "close":
            depth = max(depth - 1, 0)
            yield kind, token, match.start(), depth
            continue
        yield kind, token, match.start(), depth
        if kind == "open":
            depth += 1


def add_prefixes(query: str, prefixes: dict[str, str]) -> str:
    """``query`` with ``PREFIX`` lines prepended for the ``prefixes`` it uses but does not declare.

    >>> add_prefixes("SELECT * WHERE { ?s a pact:Actor }", {"pact": "https://w3id.org/pactgraph/ontology#"})
    'PREFIX pact: <https://w3id.org/pactgraph/ontology#>\\nSELECT * WHERE { ?s a pact:Actor }'
    """
    declared, used = set(), set()
    tokens = list(sparql_tokens(query))
    for i, (kind, text, _, _) in enumerate(tokens):
        if kind != "word":
            continue
        if text.upper() == "PREFIX" and i + 1 < len(tokens):
            declared.add(tokens[i + 1][1].split(":", 1)[0])
        elif ":" in text:
            used.add(text.split(":", 1)[0])
    lines = [f"PREFIX {name}: <{iri}>" for name, iri in prefixes.items() if name in used and name not in declared]
    return "\n".join(lines + [query])


def _where_group_start(query: str) -> int:
    """Offset just inside the opening brace of the query's outer ``WHERE`` group."""
    tokens = list(sparql_tokens(query))
    form = None
    template_seen = False
    for i, (kind, text, start, depth) in enumerate(tokens):
        if depth != 0:
            continue
        upper = text.upper() if kind == "word" else ""
        if form is None and upper in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            form = upper
            continue
        if form is None:
            continue
        if upper == "WHERE":
            if i + 1 < len(tokens) and tokens[i + 1][1] == "{":
                return tokens[i + 1][2] + 1
        elif kind == "open" and text == "{":
            if form == "CONSTRUCT" and not template_seen:
                template_seen = True
                continue
            return start + 1
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def bind_values(query: str, substitutions: dict | None) -> str:
    """Bind variables to RDF terms with a ``VALUES`` block opening the outer ``WHERE`` group.

    The remote equivalent of pyoxigraph's ``substitutions``: each value is one
    RDF term written in its N-Triples form, so a value never becomes query syntax.

    >>> import pyoxigraph as ox
    >>> bind_values("SELECT ?l WHERE { ?a rdfs:label ?l }", {ox.Variable("a"): ox.NamedNode("http://x/a")})
    'SELECT ?l WHERE { VALUES (?a) { (<http://x/a>) }\\n ?a rdfs:label ?l }'
    """
    if not substitutions:
        return query
    import pyoxigraph as ox

    names, terms = [], []
    for var, term in substitutions.items():
        name = getattr(var, "value", var)
        if not isinstance(name, str) or not re.fullmatch(r"[\w\u00B7-\uFFFF]+", name.lstrip("?$")):
            raise QueryError(f"substitution variable {var!r} is not a SPARQL variable name")
        if isinstance(term, str):
            term = ox.Literal(term)
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"substitution for ?{name} must be an IRI or a literal over the protocol, not {term!r}")
        names.append("?" + name.lstrip("?$"))
        terms.append(str(term))
    at = _where_group_start(query)
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}\n"
    return query[:at] + block + query[at:]


# -- HTTP ------------------------------------------------------------------------------------

class _Response:
    __slots__ = ("content_type", "data", "headers", "status")

    def __init__(self, status: int, content_type: str, data: bytes, headers):
        self.status, self.content_type, self.data, self.headers = status, content_type, data, headers


def _first_line(data: bytes | str, limit: int = 300) -> str:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text = " ".join(line.strip() for line in text.strip().splitlines()[:3] if line.strip())
    text = re.sub(r"<[^>]{1,200}>", " ", text) if text.lstrip().startswith("<") else text  # HTML error pages
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")


class RemoteStore:
    """A pactgraph store held by a SPARQL 1.1 server at ``url``.

    Parameters
    ----------
    url : str
        The query endpoint, e.g. ``http://localhost:7878/query`` (Oxigraph),
        ``http://localhost:3030/ds/query`` (Fuseki), ``http://localhost:8890/sparql``
        (Virtuoso), ``http://localhost:7200/repositories/pactgraph`` (GraphDB).
        ``user:password@`` in the URL answers the server's HTTP Basic or Digest
        challenge (Virtuoso's ``/sparql-auth`` uses Digest).
    write, create : bool
        As for :class:`~pactgraph.store.Store`; ``create`` is accepted for symmetry
        (a server's dataset always exists). A writable store gets pactgraph's
        format marker if it has none.
    update_url, gsp_url : str, optional
        The SPARQL Update and Graph Store Protocol endpoints. Derived from ``url``
        for the servers above when not given (``$PACTGRAPH_UPDATE_URL``,
        ``$PACTGRAPH_GSP_URL``; empty for none); without a Graph Store endpoint,
        writes use updates.
    union : str
        How queries see the union of the named graphs (see the module docstring);
        ``$PACTGRAPH_UNION`` when not given.
    token : str, optional
        Sent as ``Authorization: Bearer``; ``$PACTGRAPH_TOKEN`` when not given.
    timeout : float
        Seconds to wait for an answer to one request.
    headers : dict, optional
        More HTTP headers for every request.

    Raises
    ------
    StoreError
        If the endpoint cannot be reached, refuses the credentials, or holds a
        store of another pactgraph format version.
    """

    def __init__(self, url: str, *, write: bool = False, create: bool = False, update_url: str | None = None,
                 gsp_url: str | None = None, union: str | None = None, token: str | None = None,
                 timeout: float = 60.0, headers: dict | None = None):
        url = url.strip()
        if not is_endpoint_url(url):
            raise StoreError(f"{url!r} is not an http(s) SPARQL endpoint URL")
        parts = urllib.parse.urlsplit(url)
        self._headers = {"User-Agent": "pactgraph"}
        self._opener = urllib.request.build_opener()
        if parts.username is not None:
            netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
            url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, f"{parts.scheme}://{netloc}/", urllib.parse.unquote(parts.username),
                                   urllib.parse.unquote(parts.password or ""))
            self._opener = urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                                       urllib.request.HTTPDigestAuthHandler(passwords))
        token = token if token is not None else os.environ.get(ENV_TOKEN)
        if token:
            self._headers["Authorization"] = f"Bearer {token}"
        self._headers.update(headers or {})
        #: The query endpoint; shown where messages name the store.
        self.path = self.url = url
        self.writable = write
        self.timeout = float(timeout)
        union = (union or os.environ.get(ENV_UNION) or "auto").lower()
        if union not in UNION_MODES:
            raise StoreError(f"union mode {union!r} for {url}: use one of {', '.join(UNION_MODES)}")
        self._graph_cache: list[str] | None = None  # graph list for union="explicit", refreshed now and then
        self._graph_cache_time = 0.0
        probe = self._probe()
        server = probe.headers.get("Server", "") if probe is not None else ""
        self.server = server
        if union == "auto":
            union = "oxigraph" if server.startswith("Oxigraph") else "explicit" if "Fuseki" in server else "server"
        self.union = union
        guessed_update, guessed_gsp = self._layout(url, server)
        self.update_url = update_url or os.environ.get(ENV_UPDATE_URL) or guessed_update
        self.gsp_url = gsp_url if gsp_url is not None else os.environ.get(ENV_GSP_URL, guessed_gsp) or None
        self._check_version(initialise=write)

    # -- plumbing ---------------------------------------------------------------

    @staticmethod
    def _layout(url: str, server: str) -> tuple[str, str | None]:
        """Update and Graph Store endpoints that the usual servers put next to their query endpoint."""
        parts = urllib.parse.urlsplit(url)
        path = parts.path.rstrip("/")

        def sibling(new_path: str) -> str:
            return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))

        if re.search(r"/repositories/[^/]+$", path):  # GraphDB, RDF4J
            return sibling(path + "/statements"), sibling(path + "/rdf-graphs/service")
        base, _, last = path.rpartition("/")
        if last == "query" and server.startswith("Oxigraph"):
            return sibling(base + "/update"), sibling(base + "/store")
        if last in ("query", "sparql") and "Fuseki" in server:
            return sibling(base + "/update"), sibling(base + "/data")
        if last == "query":
            return sibling(base + "/update"), None
        return url, None  # Virtuoso, Neptune, Stardog-like: one endpoint for query and update

    def _request(self, method: str, url: str, data: bytes | None = None, content_type: str | None = None,
                 accept: str | None = None, what: str = "request") -> _Response:
        headers = dict(self._headers)
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                body = response.read()
                return _Response(response.status, response.headers.get("Content-Type", ""), body, response.headers)
        except urllib.error.HTTPError as exc:
            body = exc.read() if exc.fp is not None else b""
            raise self._http_error(exc.code, body, url, what) from None
        except TimeoutError:
            raise QueryTimeout(f"{url}: no answer to the {what} within {self.timeout:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise QueryTimeout(f"{url}: no answer to the {what} within {self.timeout:g} s") from None
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {reason}") from None
        except (ConnectionError, OSError) as exc:
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {exc}") from None

    @staticmethod
    def _http_error(status: int, body: bytes, url: str, what: str) -> PactgraphError:
        message = _first_line(body) or f"HTTP {status}"
        if status in (401, 403):
            error = StoreError(f"{url} refused the {what} (HTTP {status}: {message}); check the token or credentials")
        elif status == 404:
            error = StoreError(f"{url}: not found (HTTP 404); is this the SPARQL endpoint?")
        elif status in (408, 503, 504) or "timeout" in message.lower() or "timed out" in message.lower():
            error = QueryTimeout(f"{url}: {what} stopped by the server (HTTP {status}: {message})")
        elif 400 <= status < 500:
            error = QueryError(f"{url} rejected the {what} (HTTP {status}): {message}")
        else:
            error = StoreError(f"{url} failed on the {what} (HTTP {status}): {message}")
        error.http_status = status
        return error

    def _probe(self) -> _Response | None:
        data = urllib.parse.urlencode({"query": "ASK {}"}).encode()
        return self._request("POST", self.url, data, "application/x-www-form-urlencoded",
                             "application/sparql-results+json", what="connection check")

    def _dataset_params(self, union: bool) -> list[tuple[str, str]]:
        if not union or self.union == "server":
            return []
        if self.union == "oxigraph":
            return [("union-default-graph", "")]
        now = time.monotonic()
        if self._graph_cache is None or now - self._graph_cache_time > GRAPH_LIST_SECONDS:
            self._graph_cache, self._graph_cache_time = self.graphs(), now
        graphs = self._graph_cache
        if not graphs:
            return []
        return [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]

    def _post_query(self, query: str, params: list[tuple[str, str]] = (), accept: str = _RESULT_ACCEPT,
                    what: str = "query") -> _Response:
        data = urllib.parse.urlencode([("query", query), *params]).encode("utf-8")
        return self._request("POST", self.url, data, "application/x-www-form-urlencoded", accept, what)

    def _select(self, query: str) -> list[dict]:
        """Rows of a bookkeeping SELECT as ``{var: value}`` (no dataset parameters)."""
        response = self._post_query(query, accept="application/sparql-results+json", what="query")
        try:
            data = json.loads(response.data)
            return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]
        except (ValueError, KeyError, TypeError):
            raise StoreError(f"{self.url}: the answer is not SPARQL JSON results "
                             f"({response.content_type or 'no content type'})") from None

    def update(self, update: str) -> None:
        """Send one SPARQL 1.1 Update request (pactgraph prefixes predeclared)."""
        from .namespaces import PREFIXES

        self._send_update(add_prefixes(update, PREFIXES))

    def _send_update(self, update: str) -> None:
        self._require_write()
        self._request("POST", self.update_url, update.encode("utf-8"), "application/sparql-update; charset=utf-8",
                      None, what="update")
        self._graph_cache = None

    # -- reading -------------------------------------------------------------------

    def query(self, sparql: str, substitutions: dict | None = None, union: bool = True):
        """Run a SPARQL query on the server; return pyoxigraph solutions, triples or a boolean.

        Raises
        ------
        QueryError
            If the server rejects the query (its message is kept).
        QueryTimeout
            If the server stops it or does not answer within ``timeout``.
        """
        from .namespaces import PREFIXES

        text = add_prefixes(bind_values(sparql, substitutions), PREFIXES)
        response = self._post_query(text, self._dataset_params(union))
        return _parse_results(response, self.url)

    def graphs(self) -> list[str]:
        """IRIs of the named graphs on the server, sorted."""
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r["g"] for r in rows if "g" in r)

    def has_graph(self, iri: str) -> bool:
        import pyoxigraph as ox

        node = ox.NamedNode(iri)
        response = self._post_query(f"ASK {{ GRAPH {node} {{ ?s ?p ?o }} }}", accept="application/sparql-results+json")
        return bool(_parse_results(response, self.url))

    def __len__(self) -> int:
        rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None):
        """Quads of the named graphs matching a pattern (``None`` matches anything), like pyoxigraph's."""
        import pyoxigraph as ox

        terms = {"s": subject, "p": predicate, "o": object, "g": graph_name}
        values = {ox.Variable(k): v for k, v in terms.items() if v is not None}
        response = self._post_query(bind_values("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", values),
                                    accept="application/sparql-results+json")
        for solution in _parse_results(response, self.url):
            yield ox.Quad(solution["s"], solution["p"], solution["o"], solution["g"])

    def named_graphs(self):
        import pyoxigraph as ox

        return iter([ox.NamedNode(g) for g in self.graphs()])

    def contains_named_graph(self, graph) -> bool:
        return self.has_graph(getattr(graph, "value", graph))

    @property
    def db(self) -> RemoteStore:
        """A read-only, pyoxigraph-like view (``quads_for_pattern``, ``named_graphs``) for code that reads ``store.db``."""
        return self

    # -- writing -------------------------------------------------------------------

    def _require_write(self) -> None:
        if not self.writable:
            raise StoreError(f"store {self.url} is open read-only")

    def replace_graph(self, graph: str, quads: Iterable) -> int:
        """Replace named graph ``graph`` with ``quads`` in one request; return their number."""
        import pyoxigraph as ox

        self._require_write()
        node = ox.NamedNode(graph)
        lines = [f"{q.subject} {q.predicate} {q.object} ." for q in quads]
        if self.gsp_url:
            body = ("\n".join(lines) + "\n").encode("utf-8")
            target = self._gsp_target(graph)
            try:
                self._request("PUT", target, body, "application/n-triples", None, what="graph upload")
                self._graph_cache = None
                return len(lines)
            except PactgraphError as exc:
                if getattr(exc, "http_status", None) not in (404, 405, 415, 501):
                    raise
                self.gsp_url = None  # no usable Graph Store endpoint there: use updates from now on
        self._send_update(f"DROP SILENT GRAPH {node} ;\nINSERT DATA {{ GRAPH {node} {{\n" + "\n".join(lines)
                          + "\n} }")
        return len(lines)

    def _gsp_target(self, graph: str) -> str:
        separator = "&" if "?" in self.gsp_url else "?"
        return self.gsp_url + separator + urllib.parse.urlencode({"graph": graph})

    def drop_graph(self, graph: str) -> None:
        import pyoxigraph as ox

        self._send_update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")

    def set_meta(self, subject: str, predicate: str, value: str) -> None:
        import pyoxigraph as ox

        from .store import META_GRAPH

        s, p, g = ox.NamedNode(subject), ox.NamedNode(predicate), ox.NamedNode(META_GRAPH)
        literal = ox.Literal(value)
        self._send_update(f"DELETE WHERE {{ GRAPH {g} {{ {s} {p} ?old }} }} ;\n"
                          f"INSERT DATA {{ GRAPH {g} {{ {s} {p} {literal} }} }}")

    def _check_version(self, initialise: bool) -> None:
        from .namespaces import PACT
        from .store import _STORE_NODE, FORMAT_VERSION, META_GRAPH

        rows = self._select(f"SELECT ?v WHERE {{ GRAPH <{META_GRAPH}> {{ <{_STORE_NODE}> <{PACT}storeFormat> ?v }} }}")
        found = [r["v"] for r in rows if "v" in r]
        if found and found[0] != FORMAT_VERSION:
            raise StoreError(f"store {self.url} has format {found[0]}, this pactgraph reads format {FORMAT_VERSION}; "
                             "rebuild it")
        if not found and initialise:
            self._send_update(f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{_STORE_NODE}> <{PACT}storeFormat> "
                              f"\"{FORMAT_VERSION}\" }} }}")

    def flush(self) -> None:
        """Nothing to do: the server commits each request."""

    def close(self) -> None:
        self._graph_cache = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}, union={self.union!r})"


_RESULT_FORMATS = {
    "application/sparql-results+json": "JSON", "application/json": "JSON",
    "application/sparql-results+xml": "XML", "application/xml": "XML", "text/xml": "XML",
    "text/tab-separated-values": "TSV",
}
_RDF_FORMATS = {
    "application/n-triples": "N_TRIPLES", "text/plain": "N_TRIPLES", "text/turtle": "TURTLE",
    "application/x-turtle": "TURTLE", "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD",
    "application/n-quads": "N_QUADS", "application/trig": "TRIG",
}


def _parse_results(response: _Response, url: str):
    """Turn a protocol answer into pyoxigraph results of the kind the embedded store returns."""
    import io

    import pyoxigraph as ox

    media = response.content_type.split(";", 1)[0].strip().lower()
    try:
        if media in _RESULT_FORMATS:
            return ox.parse_query_results(io.BytesIO(response.data),
                                          format=getattr(ox.QueryResultsFormat, _RESULT_FORMATS[media]))
        if media in _RDF_FORMATS:
            graph = ox.Store()
            graph.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(
                io.BytesIO(response.data), format=getattr(ox.RdfFormat, _RDF_FORMATS[media])))
            return graph.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{url}: cannot read the results ({media}): {_first_line(str(exc))}") from None
    raise QueryError(f"{url}: unexpected answer of type {media or 'unknown'}: {_first_line(response.data)}")
