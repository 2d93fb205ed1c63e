"""The query guard: every SPARQL query that comes from a user goes through it.

A query from a user can crash the process that runs it (pyoxigraph has been seen
to segfault on crafted queries), run for minutes, return millions of rows, or
reach out to the network (``SERVICE``) or the file system. The guard therefore

1. checks the query text statically (:meth:`QueryGuard.check`): its size, the
   nesting depth of braces and parentheses, the number of triple patterns, and
   refuses ``SERVICE``, ``LOAD`` and ``FROM``/``FROM NAMED`` naming a graph that
   is not one of the store's, unless ``allow_service=True``;
2. runs it (:meth:`QueryGuard.run`) in a pool of worker processes that open the
   store read-only. A query past its time limit costs its worker, which is
   killed and replaced (:class:`~pactgraph.errors.QueryTimeout`); a worker that
   dies (a segfault) is replaced too and the query fails with
   :class:`~pactgraph.errors.QueryError`. The calling process survives any query;
3. cuts results at ``max_rows`` and says so (:attr:`GuardedResult.truncated`).

Substitutions (named-query parameters) cross the process boundary as N-Triples
strings and are rebuilt as RDF terms in the worker: a value is always one RDF
term and never becomes SPARQL text.

>>> import pactgraph, tempfile
>>> folder = tempfile.mkdtemp()
>>> pactgraph.open(folder, write=True).close()
>>> with QueryGuard(folder, timeout=10) as guard:
...     result = guard.run("ASK { ?s ?p ?o }")
>>> result.kind, result.data
('ask', b'{"head":{},"boolean":true}')
"""

from __future__ import annotations

import os
import queue
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from .errors import PactgraphError, QueryError, QueryTimeout, StoreError

__all__ = [
    "BASE_IRI",
    "MAX_DEPTH",
    "MAX_PATTERNS",
    "MAX_QUERY_CHARS",
    "MEDIA_TYPES",
    "GuardedResult",
    "QueryGuard",
    "check_query",
    "query_kind",
    "run_in_process",
    "start_worker_process",
]

#: Longest query text accepted, in characters.
MAX_QUERY_CHARS = 100_000
#: Deepest nesting of ``{ }``, ``( )`` and ``[ ]`` accepted.
MAX_DEPTH = 40
#: Most patterns and operators accepted (counted as groups, pattern separators,
#: OPTIONAL/UNION/FILTER/BIND/... keywords and operator characters). Long chains of
#: these make pyoxigraph's parser recurse deeply enough to crash at a few thousand.
MAX_PATTERNS = 1_000
#: Stack size of the thread that runs a query in a worker.
WORKER_STACK = 512 * 1024 * 1024
#: A row cap this large means "no cap" (the library's own ``KnowledgeGraph.sparql``).
UNLIMITED = 2**62
#: Seconds a worker may take to start and open the store.
STARTUP_TIMEOUT = 60.0

SELECT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld", "rdfxml")
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_PACTGRAPH_IRIS = "https://w3id.org/pactgraph/"
#: Base IRI of user queries: a relative IRI such as ``<state/jpn>`` names a pactgraph instance.
BASE_IRI = "https://w3id.org/pactgraph/id/"


@dataclass
class GuardedResult:
    """The outcome of a guarded query, already serialized.

    Attributes
    ----------
    kind : str
        ``"select"``, ``"ask"`` or ``"construct"`` (also for ``DESCRIBE``).
    data : bytes
        The result in the requested format.
    rows : int
        Solutions (SELECT), triples (CONSTRUCT) or 1 (ASK) in ``data``.
    truncated : bool
        True when ``max_rows`` cut the result.
    media_type : str
        The media type of ``data``.
    """

    kind: str
    data: bytes
    rows: int
    truncated: bool
    media_type: str


# -- static analysis -------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7-\uFFFF]+)
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<name>(?:[A-Za-z_\u00C0-\uFFFF][\w\-.\u00B7-\uFFFF]*)?:(?:[\w\-.:%\\\u00B7-\uFFFF]|\\.)*
             |[A-Za-z_\u00C0-\uFFFF][\w\-\u00B7-\uFFFF]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<sep>[.;,])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


_OPERATORS = frozenset("&|+-*/=!<>^")
_GROUP_KEYWORDS = frozenset({"OPTIONAL", "UNION", "MINUS", "FILTER", "BIND", "VALUES", "GRAPH", "SERVICE", "EXISTS"})


@dataclass
class _Scan:
    kind: str | None
    depth: int
    patterns: int
    service: bool
    load: bool
    from_iris: list[str]
    from_default: bool = False  # a FROM clause (not FROM NAMED): the query names its default graph


def _scan(query: str) -> _Scan:
    """Tokenize ``query`` just enough to see its keywords, nesting and dataset clauses."""
    depth = max_depth = braces = patterns = 0
    kind = None
    service = load = from_default = False
    prefixes: dict[str, str] = {}
    base = BASE_IRI
    from_iris: list[str] = []
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(query) if m.lastgroup not in ("ws", "comment")]
    stack: list[str] = []
    unary = 0  # a run of operators (``!!!x``, ``^^^p``) nests like parentheses in the parser
    for i, (group, text) in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else (None, "")
        if group == "other" and text in _OPERATORS:
            patterns += 1
            unary += 1
            max_depth = max(max_depth, depth + unary)
            continue
        unary = 0
        if group == "open":
            depth += 1
            max_depth = max(max_depth, depth)
            stack.append(text)
            if text == "{":
                braces += 1
                patterns += 1
        elif group == "close":
            depth = max(depth - 1, 0)
            if stack and stack.pop() == "{":
                braces -= 1
        elif group == "sep" and braces > 0:
            patterns += 1
        elif group == "name" and ":" not in text:
            word = text.upper()
            if word in _GROUP_KEYWORDS:
                patterns += 1
            if kind is None and word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                kind = "ask" if word == "ASK" else "select" if word == "SELECT" else "construct"
            elif word == "SERVICE":
                service = True
            elif word == "LOAD":
                load = True
            elif word == "BASE" and nxt[0] == "iri":
                base = urljoin(base, nxt[1][1:-1])
            elif word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 2][0] == "iri":
                prefixes[nxt[1].rstrip(":")] = urljoin(base, tokens[i + 2][1][1:-1])
            elif word == "FROM":
                from_default = from_default or nxt[1].upper() != "NAMED"
                target = tokens[i + 2] if nxt[1].upper() == "NAMED" and i + 2 < len(tokens) else nxt
                if target[0] == "iri":
                    from_iris.append(urljoin(base, target[1][1:-1]))
                elif target[0] == "name" and ":" in target[1]:
                    prefix, local = target[1].split(":", 1)
                    from_iris.append(prefixes.get(prefix, f"{prefix}:") + local)
                else:
                    from_iris.append(target[1])
    return _Scan(kind, max_depth, patterns, service, load, from_iris, from_default)


def query_kind(query: str) -> str | None:
    """``"select"``, ``"ask"`` or ``"construct"`` (for CONSTRUCT and DESCRIBE); ``None`` if unknown.

    >>> query_kind("PREFIX ex: <http://example.org/> CONSTRUCT WHERE { ?s ex:p ?o }")
    'construct'
    """
    return _scan(query).kind


def check_query(query: str, *, allow_service: bool = False, graphs: set[str] | None = None) -> list[str]:
    """Check ``query`` against the guard's static limits; return the IRIs its FROM clauses name.

    Parameters
    ----------
    query : str
        The SPARQL query text.
    allow_service : bool
        Accept ``SERVICE`` and ``FROM``/``FROM NAMED`` with any IRI.
    graphs : set of str, optional
        Graph names of the store; when given, a FROM clause must name one of them
        (or a pactgraph graph).

    Raises
    ------
    QueryError
        With a one-line reason when the query is refused.
    """
    if not isinstance(query, str):
        raise QueryError(f"query must be text, not {type(query).__name__}")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query refused: {len(query)} characters, the limit is {MAX_QUERY_CHARS}")
    if "\x00" in query:
        raise QueryError("query refused: it contains a NUL character")
    scan = _scan(query)
    if scan.depth > MAX_DEPTH:
        raise QueryError(f"query refused: nesting depth {scan.depth}, the limit is {MAX_DEPTH}")
    if scan.patterns > MAX_PATTERNS:
        raise QueryError(f"query refused: about {scan.patterns} patterns, the limit is {MAX_PATTERNS}")
    if scan.load:
        raise QueryError("query refused: LOAD is not allowed (queries may not read from the network or files)")
    if allow_service:
        return scan.from_iris
    if scan.service:
        raise QueryError("query refused: SERVICE is not allowed (it makes network requests); "
                         "enable it explicitly with --allow-service")
    for iri in scan.from_iris:
        known = iri.startswith(_PACTGRAPH_IRIS) or (graphs is not None and iri in graphs)
        if not known and (graphs is not None or not iri.startswith(("http://", "https://", "urn:"))):
            raise QueryError(f"query refused: FROM <{iri}> names a graph that is not in the store "
                             "(external graphs need --allow-service)")
    return scan.from_iris


# -- the worker process ------------------------------------------------------------------------

def _substitutions_to_nt(substitutions: dict | None) -> dict[str, str]:
    """Substitutions as ``{variable name: N-Triples term}``, safe to send to a worker process."""
    subs = {}
    for var, term in (substitutions or {}).items():
        name = getattr(var, "value", var)
        if not isinstance(name, str) or not re.fullmatch(r"[\w\u00B7-\uFFFF]+", name.lstrip("?$")):
            raise QueryError(f"substitution variable {var!r} is not a SPARQL variable name")
        subs[name.lstrip("?$")] = _term_to_nt(term)
    return subs


def _term_to_nt(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple)):
        return str(term)
    if isinstance(term, str):
        return str(ox.Literal(term))
    if isinstance(term, bool):
        return str(ox.Literal("true" if term else "false",
                              datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")))
    if isinstance(term, int):
        return str(ox.Literal(str(term), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    raise QueryError(f"substitution value {term!r} is not an RDF term")


def _nt_to_term(text: str):
    import pyoxigraph as ox

    quads = list(ox.parse(f"<urn:x:s> <urn:x:p> {text} .".encode(), format=ox.RdfFormat.N_TRIPLES))
    if len(quads) != 1:
        raise ValueError(f"not one RDF term: {text!r}")
    return quads[0].object


def _escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _json_term(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _xml_term(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{_escape_xml(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_escape_xml(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        return f'<literal xml:lang="{_escape_xml(term.language)}">{_escape_xml(term.value)}</literal>'
    if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f'<literal datatype="{_escape_xml(term.datatype.value)}">{_escape_xml(term.value)}</literal>'
    return f"<literal>{_escape_xml(term.value)}</literal>"


def _csv_cell(term) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    value = f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(term) if isinstance(term, ox.Triple) \
        else term.value
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def _serialize_solutions(names: list[str], rows: list[list], fmt: str) -> bytes:
    import json

    if fmt == "json":
        bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                          ensure_ascii=False, separators=(",", ":")).encode()
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f'<variable name="{n}"/>' for n in names]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [f'<binding name="{n}">{_xml_term(t)}</binding>' for n, t in zip(names, row) if t is not None]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    if fmt == "csv":
        lines = [",".join(names)] + [",".join(_csv_cell(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode()
    lines = ["\t".join(f"?{n}" for n in names)] + ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def _serialize_boolean(value: bool, fmt: str) -> bytes:
    text = "true" if value else "false"
    if fmt == "json":
        return ('{"head":{},"boolean":' + text + "}").encode()
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{text}</boolean></sparql>\n").encode()
    return (text + "\n").encode()


def _execute(store, query: str, substitutions: dict[str, str], fmt: str, max_rows: int,
             allow_service: bool) -> tuple:
    import itertools

    import pyoxigraph as ox

    from .namespaces import PREFIXES

    graphs = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    check_query(query, allow_service=allow_service, graphs=graphs)
    subs = {ox.Variable(name): _nt_to_term(text) for name, text in substitutions.items()}
    # the default graph is the union of all graphs, unless the query names its own with FROM
    # (pyoxigraph would let the union win over FROM)
    union = not _scan(query).from_default
    results = store.query(query, base_iri=BASE_IRI, prefixes=PREFIXES, use_default_graph_as_union=union,
                          substitutions=subs or None)
    if isinstance(results, ox.QueryBoolean):
        if fmt not in SELECT_FORMATS:
            raise QueryError(f"result format {fmt!r} does not fit an ASK query; use one of {', '.join(SELECT_FORMATS)}")
        return "ask", _serialize_boolean(bool(results), fmt), 1, False
    if isinstance(results, ox.QueryTriples):
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"result format {fmt!r} does not fit a CONSTRUCT or DESCRIBE query; "
                             f"use one of {', '.join(GRAPH_FORMATS)}")
        triples = list(itertools.islice(results, max_rows + 1))
        truncated = len(triples) > max_rows
        triples = triples[:max_rows]
        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                      "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
        prefixes = None if fmt == "ntriples" else PREFIXES
        data = ox.serialize(triples, format=rdf_format, prefixes=prefixes) if triples or fmt != "jsonld" \
            else b"[]"
        return "construct", data or b"", len(triples), truncated
    if fmt not in SELECT_FORMATS:
        raise QueryError(f"result format {fmt!r} does not fit a SELECT query; use one of {', '.join(SELECT_FORMATS)}")
    if fmt == "tsv" and max_rows >= UNLIMITED:
        # no cap to apply: pyoxigraph's own serializer, many times faster than building rows here
        data = results.serialize(format=ox.QueryResultsFormat.TSV)
        return "select", data, max(data.count(b"\n") - 1, 0), False
    names = [v.value for v in results.variables]
    rows = [[solution[n] for n in names] for solution in itertools.islice(results, max_rows + 1)]
    truncated = len(rows) > max_rows
    rows = rows[:max_rows]
    return "select", _serialize_solutions(names, rows, fmt), len(rows), truncated


def _answer(store, query: str, substitutions: dict[str, str], fmt: str, max_rows: int,
            allow_service: bool) -> tuple:
    try:
        return ("ok", *_execute(store, query, substitutions, fmt, max_rows, allow_service))
    except PactgraphError as exc:
        return ("error", type(exc).__name__, str(exc))
    except SyntaxError as exc:
        return ("error", "QueryError", f"invalid SPARQL: {_first_line(exc)}")
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return ("error", "QueryError", f"query failed: {_first_line(exc)}")
    except MemoryError:
        return ("error", "QueryError", "query failed: out of memory")
    except Exception as exc:  # noqa: BLE001 - anything else is still one line for the caller
        return ("error", "QueryError", f"query failed ({type(exc).__name__}): {_first_line(exc)}")


class _RemoteAdapter:
    """Gives a remote store the two methods :func:`_execute` uses, with pyoxigraph's signatures."""

    def __init__(self, store):
        self._store = store

    def named_graphs(self):
        return self._store.named_graphs()

    def query(self, query, base_iri=None, prefixes=None, use_default_graph_as_union=True, substitutions=None):
        return self._store.query(query, substitutions, union=use_default_graph_as_union)


def run_in_process(store, query: str, substitutions: dict | None = None, result_format: str = "json", *,
                   max_rows: int | None = 10_000, allow_service: bool = False) -> GuardedResult:
    """Apply the guard's static checks and row cap, but run ``query`` in this process (no timeout).

    For stores a worker cannot open: one this process holds open for writing, or a
    remote SPARQL endpoint (which enforces its own limits). ``store`` is a
    :class:`pactgraph.store.Store`, a remote store, or a :class:`pyoxigraph.Store`.
    """
    import pyoxigraph as ox

    if result_format not in MEDIA_TYPES:
        raise QueryError(f"unknown result format {result_format!r}; use one of {', '.join(MEDIA_TYPES)}")
    check_query(query, allow_service=allow_service)
    subs = _substitutions_to_nt(substitutions)
    db = getattr(store, "db", store)
    if not isinstance(db, ox.Store):
        db = _RemoteAdapter(store)
    cap = max_rows if max_rows is not None else UNLIMITED
    reply = _answer(db, query, subs, result_format, cap, allow_service)
    if reply[0] == "error":
        raise _rebuild_error(reply[1], reply[2])
    _, kind, data, rows, truncated = reply
    return GuardedResult(kind, data, rows, truncated, MEDIA_TYPES[result_format])


def _worker_main(conn, store_path: str) -> None:
    """Body of a worker process: open the store read-only, then answer queries until told to stop."""
    try:
        from .store import Store

        store = Store(store_path).db
    except PactgraphError as exc:
        conn.send(("error", type(exc).__name__, str(exc)))
        return
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("error", "StoreError", f"cannot open store {store_path}: {str(exc).splitlines()[0]}"))
        return
    conn.send(("ready",))
    threading.stack_size(WORKER_STACK)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        box: list = []
        # pyoxigraph recurses on the query's syntax tree: a big stack moves the point where a
        # crafted query overflows it far past the static limits of check_query().
        runner = threading.Thread(target=lambda out=box, args=request: out.append(_answer(store, *args)),
                                  daemon=True)
        runner.start()
        runner.join()
        reply = box[0] if box else ("error", "QueryError", "query failed in its worker")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# -- the pool ----------------------------------------------------------------------------------

def start_worker_process(module: str, *args: str):
    """Start ``python -m module <fd> args…`` joined to this process by a socket pair.

    A plain subprocess rather than :mod:`multiprocessing`, so that starting a worker
    never re-imports the caller's main script, whatever that script looks like. The
    worker finds its end of the socket as file descriptor ``argv[1]``; it inherits
    no other descriptor, and its standard streams go to ``/dev/null``.

    Returns
    -------
    (subprocess.Popen, multiprocessing.connection.Connection)
    """
    import socket
    import subprocess
    import sys
    from multiprocessing.connection import Connection

    import pactgraph

    parent, child = socket.socketpair()
    env = dict(os.environ)
    package_root = str(Path(pactgraph.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    try:
        process = subprocess.Popen([sys.executable, "-m", module, str(child.fileno()), *args],
                                   pass_fds=(child.fileno(),), env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True)
    except OSError as exc:
        parent.close()
        raise StoreError(f"cannot start a worker process: {exc}") from None
    finally:
        child.close()
    return process, Connection(parent.detach())


class _Worker:
    """One worker: a fresh Python process (``python -m pactgraph.guard``) talking over a socket pair.

    A plain subprocess rather than :mod:`multiprocessing` so that starting a worker
    never re-imports the caller's main script, whatever that script looks like.
    """

    def __init__(self, store_path: str):
        self.process, self.conn = start_worker_process("pactgraph.guard", store_path)
        if not self.conn.poll(STARTUP_TIMEOUT):
            self.kill()
            raise StoreError(f"query worker did not start within {STARTUP_TIMEOUT:.0f} s")
        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise StoreError(f"query worker died while opening store {store_path}") from None
        if message[0] == "error":
            self.kill()
            raise _rebuild_error(message[1], message[2])

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_exit(self, seconds: float = 2.0) -> int | None:
        """The exit code of a worker that is dying (negative: the signal), or None."""
        import subprocess

        try:
            return self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        try:
            self.conn.send(None)
            self.process.wait(1)
        except Exception:  # noqa: BLE001 - a worker that does not stop politely is killed
            pass
        self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except Exception:  # noqa: BLE001
            pass
        self.conn.close()


def _rebuild_error(name: str, message: str) -> PactgraphError:
    from . import errors

    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, PactgraphError)):
        cls = QueryError
    return cls(message)


class QueryGuard:
    """Run user queries against the store at ``store_path`` in killable worker processes.

    Parameters
    ----------
    store_path : str or Path or None
        The store folder (the default store when ``None``).
    timeout : float
        Seconds a query may run; past it the worker is killed and replaced.
    max_rows : int
        Most solutions (or triples) returned; the result says when it was cut.
    allow_service : bool
        Accept ``SERVICE`` (network requests) and ``FROM`` with any IRI.
    workers : int
        Most worker processes running at once (queries beyond wait for a free one).

    Raises
    ------
    StoreError
        If ``store_path`` does not hold a store.
    """

    def __init__(self, store_path, *, timeout: float = 30.0, max_rows: int = 10_000,
                 allow_service: bool = False, workers: int = 2):
        from .store import default_store_path

        path = Path(store_path) if store_path is not None else default_store_path()
        if not path.is_dir() or not (path / "CURRENT").exists():
            raise StoreError(f"no store at {path}: run 'pactgraph build --store {path}' first")
        if timeout <= 0 or max_rows < 0 or workers < 1:
            raise QueryError("the guard needs timeout > 0, max_rows >= 0 and workers >= 1")
        self.store_path = str(path)
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.allow_service = allow_service
        self.workers = int(workers)
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._started = 0
        self._lock = threading.Lock()
        self._closed = False
        #: Workers lost to timeouts and crashes since the guard started.
        self.replaced = 0

    # -- public API -------------------------------------------------------------

    def check(self, query: str) -> None:
        """Apply the static limits to ``query``; raise :class:`QueryError` with the reason if refused."""
        check_query(query, allow_service=self.allow_service)

    def run(self, query: str, substitutions: dict | None = None, result_format: str = "json") -> GuardedResult:
        """Run ``query`` in a worker and return its serialized result.

        Parameters
        ----------
        query : str
            A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE).
        substitutions : dict, optional
            ``{variable: term}`` with pyoxigraph terms (or plain strings, taken as
            literals); variables as :class:`pyoxigraph.Variable` or names.
        result_format : str
            json, xml, csv or tsv for SELECT/ASK; turtle, ntriples, jsonld or
            rdfxml for CONSTRUCT/DESCRIBE.

        Raises
        ------
        QueryTimeout
            If the query ran past ``timeout``.
        QueryError
            If the query is refused, invalid, or failed (also when it crashed its worker).
        """
        if self._closed:
            raise QueryError("the query guard is closed")
        if result_format not in MEDIA_TYPES:
            raise QueryError(f"unknown result format {result_format!r}; use one of {', '.join(MEDIA_TYPES)}")
        self.check(query)
        subs = _substitutions_to_nt(substitutions)
        worker = self._acquire()
        try:
            worker.conn.send((query, subs, result_format, self.max_rows, self.allow_service))
            if not worker.conn.poll(self.timeout):
                self._discard(worker)
                worker = None
                raise QueryTimeout(f"query stopped after {self.timeout:g} s (the time limit); "
                                   "narrow it, add a LIMIT, or raise --timeout")
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            code = worker.wait_exit() if worker is not None else None
            if worker is not None:
                self._discard(worker)
                worker = None
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            raise QueryError(f"query crashed its worker process ({how}); the worker was replaced") from None
        finally:
            if worker is not None:
                self._idle.put(worker)
        if reply[0] == "error":
            raise _rebuild_error(reply[1], reply[2])
        _, kind, data, rows, truncated = reply
        return GuardedResult(kind, data, rows, truncated, MEDIA_TYPES[result_format])

    def close(self) -> None:
        """Stop every worker process."""
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            worker.stop()

    def __enter__(self) -> QueryGuard:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):  # pragma: no cover - best effort when a caller forgets close()
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    # -- pool -------------------------------------------------------------------

    def _acquire(self) -> _Worker:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                worker = None
            if worker is not None:
                if worker.alive:
                    return worker
                self._discard(worker)
                continue
            with self._lock:
                if self._started < self.workers:
                    self._started += 1
                    spawn = True
                else:
                    spawn = False
            if spawn:
                try:
                    return _Worker(self.store_path)
                except BaseException:
                    with self._lock:
                        self._started -= 1
                    raise
            try:
                worker = self._idle.get(timeout=self.timeout)
            except queue.Empty:
                raise QueryTimeout(f"no query worker became free within {self.timeout:g} s (all busy)") from None
            if worker.alive:
                return worker
            self._discard(worker)

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._started -= 1
            self.replaced += 1


if __name__ == "__main__":  # a worker process started by QueryGuard
    import sys
    from multiprocessing.connection import Connection

    from pactgraph.guard import (
        _worker_main as main,  # the module's own classes, not __main__'s
    )

    main(Connection(int(sys.argv[1])), sys.argv[2])
