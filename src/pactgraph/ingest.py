"""The ingest front door: many files in, one report out, and nothing half-written.

Every text or RDF file that enters a store comes through :func:`ingest_paths`:

1. **sniff** the bytes: missing, empty, too large, binary (a NUL byte without a
   UTF-16/32 byte-order mark), an HTML page;
2. **decode** strictly (:func:`pactgraph.sources.decode`): a byte-order mark,
   else UTF-8, else the ``encoding`` the caller names; never a silent replace;
3. **normalize** texts (NFC, line endings, control characters) and read their
   metadata header; RDF keeps its exact characters;
4. **parse or extract fully in memory**. RDF/XML must be well-formed XML without
   a DOCTYPE (no entity expansion); JSON-LD never fetches a remote context;
   blank nodes become Skolem IRIs numbered in the order they appear, so loading
   the same file again yields the same triples instead of new copies. N-Triples,
   N-Quads, Turtle and TriG files of :data:`STREAM_RDF_BYTES` or more are instead
   checked in one streaming pass and later bulk-loaded from disk, skolemized on the
   way (:mod:`pactgraph._rdfstream`): the same quads, never the whole file in memory;
5. **commit** each source whole: a new source is loaded in one transaction
   (several new sources may share one), a changed one replaces its graphs in one
   SPARQL update. A file is reported ``ok`` only after its transaction is
   committed and the store flushed.

A file whose content (its SHA-256) is already in the store is skipped:
``unchanged`` under the same source IRI, ``duplicate`` under another one (a
renamed copy). A run never stops at a bad file; each file gets a
:class:`FileReport` with its status, a reason code and the line or byte offset.

Extraction can run in ``workers`` processes (the calling one and ``workers - 1``
more); the store has one writer, the calling process.

>>> import pactgraph, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("NATO and Japan signed a Joint Declaration on 15 April 2013.")
>>> _ = (folder / "b.ttl").write_text("<http://example.org/a> <http://example.org/b> [ <http://example.org/c> 1 ] .")
>>> _ = (folder / "c.txt").write_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
>>> kg = pactgraph.open(folder / "store", write=True)
>>> report = ingest_paths(kg.store, [folder])
>>> [(r.status, r.reason) for r in report.files]
[('ok', 'added'), ('ok', 'added'), ('failed', 'binary')]
>>> [(r.status, r.reason) for r in ingest_paths(kg.store, [folder / "b.ttl"]).files]
[('skipped', 'unchanged')]
>>> kg.close()
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PactgraphError, RDFSyntaxError, SourceError, StoreError
from .knowledge import RDF_SUFFIXES  # file suffix → pyoxigraph RdfFormat name
from .namespaces import DCTERMS, ID, PACT, slugify

__all__ = [
    "GENID",
    "MAX_RDF_BYTES",
    "RDF_SUFFIXES",
    "REASONS",
    "STREAM_RDF_BYTES",
    "TEXT_SUFFIXES",
    "FileReport",
    "IngestReport",
    "Prepared",
    "canonical_hash",
    "collect",
    "ingest_paths",
    "ingest_source",
    "known_sources",
    "owned_graphs",
    "prepare",
    "remove_source",
    "skolemize",
]

#: Suffixes taken as source texts when a folder is walked (a file named explicitly is read whatever its suffix).
TEXT_SUFFIXES = (".txt", ".text", ".md")
#: RDF files parsed whole in memory (RDF/XML, JSON-LD, N3, and the others below STREAM_RDF_BYTES)
#: larger than this are refused (bytes).
MAX_RDF_BYTES = 1024 * 1024 * 1024
#: N-Triples, N-Quads, Turtle and TriG files of at least this many bytes are checked in one streaming
#: pass and bulk-loaded from disk (:mod:`pactgraph._rdfstream`), never held in memory; smaller ones
#: are parsed in memory, where several can share one commit.
STREAM_RDF_BYTES = 8 * 1024 * 1024
#: Skolem IRIs of blank nodes: ``{GENID}{source slug}/{n}``.
GENID = "https://w3id.org/pactgraph/.well-known/genid/"
_META = "https://w3id.org/pactgraph/graph/meta"
_PACTGRAPH = "https://w3id.org/pactgraph/"
_HASH = PACT + "contentHash"
_PART_OF = DCTERMS + "isPartOf"
#: Quads gathered from new sources before one commit (several small sources share a transaction).
BATCH_QUADS = 50_000
#: Seconds before gathered sources are committed anyway (so progress keeps moving).
BATCH_SECONDS = 1.0

#: Reason codes of a :class:`FileReport`, with what each one means.
REASONS: dict[str, str] = {
    "added": "ok: a new source was committed",
    "replaced": "ok: the source's earlier version was replaced",
    "unchanged": "skipped: the same content is already in the store under this source",
    "duplicate": "skipped: the same content is already in the store under another source (a renamed copy)",
    "unsupported": "skipped: a file in a folder that is neither a text nor an RDF file",
    "not-found": "failed: no such file or folder",
    "not-a-file": "failed: not a regular file",
    "unreadable": "failed: the file cannot be read (permissions, I/O error)",
    "too-large": "failed: over the size limit",
    "empty": "failed: the file is empty (or has no text after its header)",
    "binary": "failed: a binary file (a NUL byte)",
    "encoding": "failed: not valid UTF-8 (nor the --encoding given)",
    "html": "failed: an HTML page, not a text",
    "header": "failed: the metadata header is malformed",
    "rdf-syntax": "failed: the RDF does not parse (also truncated files)",
    "doctype": "failed: RDF/XML with a DOCTYPE (entity expansion is refused)",
    "remote-context": "failed: JSON-LD that needs a remote context (never fetched)",
    "graph-conflict": "failed: the file writes a named graph that belongs to pactgraph or another source",
    "id-conflict": "failed: another file of the same run, or a source of another kind, has this source id",
    "extract-error": "failed: the extractor stopped on this text (a bug worth reporting)",
    "worker-crashed": "failed: the worker process extracting this file died (twice)",
    "timeout": "failed: extracting this file took longer than the per-file limit",
    "store-error": "failed: the store refused the write",
}


@dataclass(slots=True)
class FileReport:
    """What happened to one file."""

    path: str
    status: str  # ok | skipped | failed
    reason: str  # a key of REASONS
    message: str = ""
    source: str | None = None  # the source IRI (its graph)
    quads: int = 0
    statements: int = 0
    line: int | None = None
    offset: int | None = None  # byte offset (or column, for RDF syntax errors)
    bytes: int = 0

    def __post_init__(self) -> None:
        self.message = _one_line(self.message)

    @property
    def where(self) -> str:
        """``path``, ``path:line`` or ``path:line:column``."""
        out = _one_line(self.path)
        if self.line is not None:
            out += f":{self.line}"
            if self.offset is not None and self.reason == "rdf-syntax":
                out += f":{self.offset}"
        return out

    def line_text(self) -> str:
        """One line for people: status, place, reason code and message."""
        if self.status == "ok":
            return (f"ok       {_one_line(self.path)}: {self.reason} {self.source} "
                    f"({self.quads} quads, {self.statements} statements)")
        return f"{self.status:8} {self.message or self.where} [{self.reason}]"

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def _one_line(text: str) -> str:
    """``text`` with control characters (a newline in a file name…) escaped, so a report stays one line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text) if _CONTROL.search(text) else text


@dataclass
class IngestReport:
    """The reports of every file of a run, in the order the files were given."""

    files: list[FileReport] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def ok(self) -> int:
        return self.count("ok")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def failed(self) -> int:
        return self.count("failed")

    def summary(self) -> str:
        return (f"{len(self.files)} file(s): {self.ok} ok, {self.skipped} skipped, {self.failed} failed"
                f" in {self.seconds:.1f} s")


@dataclass(slots=True)
class Prepared:
    """A file parsed or extracted in memory, ready for one commit (or a decision to skip it).

    A large RDF file is only checked: its ``stream`` says how to load it from disk,
    ``nquads`` stays empty, and ``quads`` counts the statements read (a statement
    repeated in the file counts each time; in memory, repeats are counted once).
    """

    path: str
    kind: str  # text | rdf
    graph: str
    content_hash: str
    nquads: bytes = b""
    quads: int = 0
    statements: int = 0
    owned: tuple[str, ...] = ()  # named graphs of an RDF file besides its source graph
    skip: tuple[str, str] | None = None  # (reason, message) when the content is already stored
    size: int = 0
    stream: object | None = None  # a _rdfstream.RdfStream: loaded from its file, not from ``nquads``


class _Refused(Exception):
    """A file refused by the door: reason code, one-line message, line and offset."""

    def __init__(self, reason: str, message: str, line: int | None = None, offset: int | None = None):
        super().__init__(message)
        self.reason, self.message, self.line, self.offset = reason, message, line, offset


# -- collecting files ------------------------------------------------------------------------


def collect(paths: Iterable[str | Path]) -> list[tuple[Path, FileReport | None]]:
    """Expand ``paths`` (files and folders, walked recursively in sorted order).

    Returns ``(path, report)`` pairs: ``report`` is set when the path is already
    decided (missing, not a file, an unsupported file found in a folder); hidden
    files and folders (``.name``) and store folders inside folders are passed over
    silently.
    """
    out: list[tuple[Path, FileReport | None]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                if "CURRENT" in files and "LOCK" in files:  # a store (RocksDB) folder, not sources
                    dirs[:] = []
                    continue
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    child = Path(root) / name
                    if child.suffix.lower() in RDF_SUFFIXES or child.suffix.lower() in TEXT_SUFFIXES:
                        out.append((child, None))
                    else:
                        out.append((child, FileReport(str(child), "skipped", "unsupported",
                                                      f"{child}: not a text or RDF file (suffix "
                                                      f"{child.suffix or 'none'!r})")))
        elif not path.exists():
            out.append((path, FileReport(str(path), "failed", "not-found", f"{path}: no such file")))
        elif not path.is_file():
            out.append((path, FileReport(str(path), "failed", "not-a-file", f"{path}: not a regular file")))
        else:
            out.append((path, None))
    return out


# -- preparing one file ----------------------------------------------------------------------


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise _Refused("too-large", f"{path}: file is {size} bytes, over the {limit}-byte limit")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise _Refused("not-found", f"{path}: no such file") from None
    except IsADirectoryError:
        raise _Refused("not-a-file", f"{path}: not a regular file") from None
    except OSError as exc:
        raise _Refused("unreadable", f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise _Refused("too-large", f"{path}: file is over the {limit}-byte limit")
    return data


def _decode(data: bytes, path: Path, encoding: str | None, rdf: bool = False) -> str:
    from .sources import decode, looks_like_html

    try:
        if rdf and b"\x00" in data and data.strip():
            # RDF syntaxes allow a raw NUL inside a literal: binary only if it is not UTF-8 either
            try:
                return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            except UnicodeDecodeError:
                pass
        text = decode(data, str(path), encoding)
    except SourceError as exc:
        raise _Refused(getattr(exc, "reason", "encoding"), str(exc), getattr(exc, "line", None),
                       getattr(exc, "offset", None)) from None
    if looks_like_html(text):
        raise _Refused("html", f"{path}:1: looks like HTML; save the text of the page as plain text first", 1)
    return text


def prepare(path: str | Path, *, encoding: str | None = None, known: dict | None = None,
            max_text_bytes: int | None = None, max_rdf_bytes: int = MAX_RDF_BYTES) -> Prepared:
    """Read, check and parse (RDF) or extract (text) one file fully in memory; nothing is written.

    Parameters
    ----------
    path : str or Path
        The file. Its suffix says whether it is RDF (see :data:`RDF_SUFFIXES`).
    encoding : str, optional
        The encoding to try when the file is not UTF-8 and has no byte-order mark.
    known : dict, optional
        ``{content hash: (source IRI, extractor version)}`` of what the store holds;
        a file found there is not extracted again (:attr:`Prepared.skip` says why).

    Raises
    ------
    SourceError, RDFSyntaxError
        With a one-line message naming the file (and line), and attributes
        ``reason``, ``line`` and ``offset``.
    """
    path = Path(path)
    try:
        if path.suffix.lower() in RDF_SUFFIXES:
            return _prepare_rdf(path, encoding, known or {}, max_rdf_bytes)
        return _prepare_text(path, encoding, known or {}, max_text_bytes)
    except _Refused as exc:
        cls = RDFSyntaxError if exc.reason in ("rdf-syntax", "doctype", "remote-context", "graph-conflict") \
            else SourceError
        error = cls(exc.message)
        error.reason, error.line, error.offset = exc.reason, exc.line, exc.offset
        raise error from None


def _known_skip(known: dict, content_hash: str, graph: str, version: str | None) -> tuple[str, str] | None:
    hit = known.get(content_hash)
    if hit is None:
        return None
    other, other_version = hit
    if other == graph:
        if version is None or other_version == version:
            return ("unchanged", f"same content as the stored {graph}")
        return None
    return ("duplicate", f"same content as source {other} already in the store")


def _prepare_text(path: Path, encoding: str | None, known: dict, limit: int | None) -> Prepared:
    from .sources import MAX_SOURCE_BYTES, source_from_text

    data = _read(path, limit or MAX_SOURCE_BYTES)
    text = _decode(data, path, encoding)
    try:
        source = source_from_text(text, name=str(path))
    except SourceError as exc:
        raise _Refused(getattr(exc, "reason", "header"), str(exc), getattr(exc, "line", None)) from None
    return _prepare_source(source, known, len(data))


def _prepare_source(source, known: dict, size: int) -> Prepared:
    from .extract import EXTRACTOR_VERSION

    prepared = Prepared(source.name, "text", source.iri, source.content_hash, size=size)
    prepared.skip = _known_skip(known, source.content_hash, source.iri, EXTRACTOR_VERSION)
    if prepared.skip:
        return prepared
    from .extract import extract
    from .rdfmap import extraction_nquads

    try:
        extraction = extract(source)
        nquads = extraction_nquads(extraction, EXTRACTOR_VERSION)
    except PactgraphError as exc:
        raise _Refused(getattr(exc, "reason", "extract-error"), str(exc)) from None
    except (RecursionError, MemoryError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise _Refused("extract-error", f"{source.name}: extraction failed ({type(exc).__name__}: "
                                        f"{str(exc).splitlines()[0] if str(exc) else ''})") from None
    prepared.nquads = nquads
    prepared.quads = nquads.count(b"\n")
    prepared.statements = len(extraction.statements)
    return prepared


_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


def _check_xml(text: str, path: Path) -> str:
    """Refuse RDF/XML with a DOCTYPE or entity declarations, or that is not well-formed XML."""
    import xml.parsers.expat

    text = _XML_ENCODING.sub(r"\1\2UTF-8\2", text, count=1)  # the text is re-encoded as UTF-8 below

    def refuse(*_args):
        raise _Refused("doctype", f"{path}: RDF/XML with a DOCTYPE or entity declaration is refused "
                                  "(entity expansion)")

    parser = xml.parsers.expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(text.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as exc:
        raise _Refused("rdf-syntax", f"{path}:{exc.lineno}:{exc.offset + 1}: not well-formed XML "
                                     f"({xml.parsers.expat.ErrorString(exc.code)}; truncated?)",
                       exc.lineno, exc.offset + 1) from None
    return text


def _prepare_rdf(path: Path, encoding: str | None, known: dict, limit: int) -> Prepared:
    fmt_name = RDF_SUFFIXES[path.suffix.lower()]
    from ._rdfstream import STREAMED_FORMATS, prepare_stream

    if fmt_name in STREAMED_FORMATS:
        try:
            stat = path.stat()
        except OSError:
            stat = None  # _read names the problem
        if stat is not None and stat.st_size >= STREAM_RDF_BYTES and path.is_file():
            prepared = prepare_stream(path, fmt_name, known, stat.st_size, stat.st_mtime_ns)
            if prepared is not None:
                return prepared
    return _prepare_rdf_in_memory(path, encoding, known, limit, fmt_name)


def _prepare_rdf_in_memory(path: Path, encoding: str | None, known: dict, limit: int, fmt_name: str) -> Prepared:
    import pyoxigraph as ox

    data = _read(path, limit)
    text = _decode(data, path, encoding, rdf=True)
    if fmt_name == "RDF_XML":
        text = _check_xml(text, path)
    raw = text.encode("utf-8")
    slug = slugify(path.stem)
    graph = f"{ID}source/{slug}"
    content_hash = "sha256:" + hashlib.sha256(raw).hexdigest()
    prepared = Prepared(str(path), "rdf", graph, content_hash, size=len(data))
    prepared.skip = _known_skip(known, content_hash, graph, None)
    if prepared.skip:
        return prepared
    fmt = getattr(ox.RdfFormat, fmt_name)
    try:
        parsed = list(ox.parse(raw, format=fmt, base_iri=f"{graph}/"))
    except (SyntaxError, OSError, ValueError) as exc:
        raise _syntax_refusal(exc, path) from None
    quads, owned = skolemize(parsed, graph, slug, path)
    prepared.nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    prepared.quads = len(quads)
    prepared.owned = tuple(sorted(owned))
    return prepared


def _syntax_refusal(exc: Exception, path: Path) -> _Refused:
    """The door's refusal for a parser error: ``remote-context``, or ``rdf-syntax`` with line and column."""
    if not isinstance(exc, SyntaxError):
        return _Refused("rdf-syntax", f"{path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    message = str(exc).splitlines()[0] if str(exc) else "syntax error"
    if "LoadDocumentCallback" in message or "remote context" in message.lower():
        return _Refused("remote-context", f"{path}: JSON-LD needs a remote context, which is never fetched; "
                                          "inline the context")
    line, column = getattr(exc, "lineno", None), getattr(exc, "offset", None)
    where = f"{path}:{line}:{column}" if line else str(path)
    message = re.sub(r"^Parser error at line \d+ (?:between columns \d+ and \d+|column \d+): ", "", message)
    return _Refused("rdf-syntax", f"{where}: {message}", line, column)


def skolemize(parsed: Iterable, graph: str, slug: str, path: Path) -> tuple[list, set[str]]:
    """Put default-graph triples in ``graph``, blank nodes as numbered Skolem IRIs; check named graphs.

    Returns the distinct quads and the named graphs written besides ``graph``. The
    streaming path (:mod:`pactgraph._rdfstream`) numbers blank nodes the same way.
    """
    from ._rdfstream import Skolem, check_owned

    skolem = Skolem(graph, slug)
    out = [skolem.quad(item) for item in parsed]
    check_owned(skolem.owned, skolem.base, path)
    return list(dict.fromkeys(out)), skolem.owned


# -- the store side ------------------------------------------------------------------------


def known_sources(store) -> tuple[dict, dict]:
    """``({hash: (graph, extractor version)}, {graph: kind})`` of the sources in ``store``."""
    rows = store.query(
        "SELECT ?g ?h ?v ?x WHERE { GRAPH ?x { ?g pact:contentHash ?h OPTIONAL { ?g pact:extractorVersion ?v } } "
        f"FILTER(?x = ?g || ?x = <{_META}>) }}", union=False)
    known, kinds = {}, {}
    for row in rows:
        graph = row["g"].value
        version = row["v"].value if row["v"] is not None else None
        known.setdefault(row["h"].value, (graph, version))
        kinds[graph] = "rdf" if row["x"].value == _META else "text"
    return known, kinds


def owned_graphs(store, source: str) -> list[str]:
    """Named graphs an RDF source wrote besides its own graph (recorded in the store's bookkeeping graph)."""
    rows = store.query(f"SELECT ?g WHERE {{ GRAPH <{_META}> {{ ?g <{_PART_OF}> <{source}> }} }}", union=False)
    return sorted(row["g"].value for row in rows)


def _owner(store, graph: str) -> str | None:
    rows = list(store.query(f"SELECT ?s WHERE {{ GRAPH <{_META}> {{ <{graph}> <{_PART_OF}> ?s }} }}", union=False))
    return rows[0]["s"].value if rows else None


def _meta_nquads(prepared: Prepared) -> bytes:
    if prepared.kind != "rdf":
        return b""
    lines = [f'<{prepared.graph}> <{_HASH}> "{prepared.content_hash}" <{_META}> .']
    lines += [f"<{name}> <{_PART_OF}> <{prepared.graph}> <{_META}> ." for name in prepared.owned]
    return ("\n".join(lines) + "\n").encode()


def remove_source(store, source: str) -> None:
    """Drop a source's graph, the graphs it owns and its bookkeeping, in one update."""
    ops = [f"DROP SILENT GRAPH <{g}>" for g in [source, *owned_graphs(store, source)]]
    ops += [f"DELETE WHERE {{ GRAPH <{_META}> {{ <{source}> ?p ?o }} }}",
            f"DELETE WHERE {{ GRAPH <{_META}> {{ ?g <{_PART_OF}> <{source}> }} }}"]
    store.db.update(" ;\n".join(ops))


def _insert_data(nquads: bytes) -> str:
    import pyoxigraph as ox

    by_graph: dict[str, list[str]] = {}
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        by_graph.setdefault(str(quad.graph_name), []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    blocks = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


class _Writer:
    """The single writer: decides skips and conflicts, commits, flushes, then releases reports."""

    def __init__(self, store, emit: Callable[[FileReport], None], force: bool = False):
        import pyoxigraph as ox

        if not getattr(store, "writable", False):
            raise StoreError(f"store {getattr(store, 'path', store)} is open read-only")
        self.store = store
        self.embedded = isinstance(getattr(store, "db", None), ox.Store)
        self.emit = emit
        self.known, self.kinds = known_sources(store)
        if force:
            self.known = {}
        self.written: dict[str, str] = {}  # graph → path, for this run
        self.hashes: dict[str, str] = {}  # content hash → graph, for this run
        self.pending: list[list] = []  # [report, prepared waiting to be loaded or None], in input order
        self.batch_quads = 0
        self.dirty = False  # committed writes not flushed yet
        self.since = 0.0  # when the oldest report still held back arrived
        # the bulk load of one batch runs in a thread (pyoxigraph releases the GIL) while the next
        # files are read and extracted; (future, loaded entries, all entries) of that batch
        self.inflight: tuple | None = None
        self.thread = None

    # decisions ------------------------------------------------------------------

    def add(self, report: FileReport, prepared: Prepared | None) -> None:
        if prepared is not None:
            self._decide(report, prepared)
            if report.status != "ok":
                prepared = None
        if prepared is not None and not self._is_new(prepared):
            self._settle()  # one write at a time: a batch still loading finishes first
            self._replace(report, prepared)
            prepared = None
        streamed = prepared is not None and prepared.stream is not None
        if streamed and any(entry[1] is not None for entry in self.pending):
            self.commit()  # a streamed source is loaded on its own: the sources gathered before go first
        self.pending.append([report, prepared])
        if prepared is not None:
            self.batch_quads += max(prepared.quads, 1)
        if not (self.batch_quads or self.dirty or self.inflight):
            self._release()  # nothing written is waiting: skipped and failed files are final now
            return
        now = time.monotonic()
        self.since = self.since or now
        if self.batch_quads >= BATCH_QUADS or now - self.since >= BATCH_SECONDS or streamed:
            self.commit()

    def _decide(self, report: FileReport, p: Prepared) -> None:
        same = self.hashes.get(p.content_hash)
        if same is not None:
            if same == p.graph:
                return self._skip(report, "unchanged", f"{p.path}: same content as {same}, already seen in this run", p)
            return self._skip(report, "duplicate", f"{p.path}: same content as {same}, ingested in this run", p)
        other_path = self.written.get(p.graph)
        if other_path is not None:
            return self._fail(report, "id-conflict", f"{p.path}: same source IRI {p.graph} as {other_path} in this "
                                                     "run; rename one file (or give it an 'id:' header)")
        if p.skip is not None and p.content_hash in self.known:
            # decided against the store as it was when the run began, which still holds
            reason, message = p.skip
            return self._skip(report, reason, f"{p.path}: {message}", p)
        kind = self.kinds.get(p.graph)
        if kind is not None and kind != p.kind:
            return self._fail(report, "id-conflict", f"{p.path}: source IRI {p.graph} already holds a {kind} "
                                                     f"source; rename the file")
        for name in p.owned:
            owner = _owner(self.store, name) if self.embedded else None
            if name in self.written or (owner is not None and owner != p.graph) or (
                    owner is None and self.store.has_graph(name)):
                return self._fail(report, "graph-conflict", f"{p.path}: writes the named graph <{name}>, which "
                                                            "already holds data of another source")
        self.written[p.graph] = p.path
        for name in p.owned:
            self.written[name] = p.path
        self.hashes[p.content_hash] = p.graph
        report.source, report.quads, report.statements = p.graph, p.quads, p.statements

    def _skip(self, report: FileReport, reason: str, message: str, p: Prepared) -> None:
        report.status, report.reason, report.message, report.source = "skipped", reason, message, p.graph
        self.hashes.setdefault(p.content_hash, p.graph)
        self.written.setdefault(p.graph, p.path)

    def _fail(self, report: FileReport, reason: str, message: str) -> None:
        report.status, report.reason, report.message = "failed", reason, message

    def _is_new(self, p: Prepared) -> bool:
        if not self.embedded:
            return False
        return not self.store.has_graph(p.graph) and p.graph not in self.kinds and not any(
            self.store.has_graph(name) for name in p.owned)

    # writes ---------------------------------------------------------------------

    def commit(self, wait: bool = False) -> None:
        """Hand the gathered new sources to the loader thread, and release the reports of the batch before.

        A batch is loaded in one atomic step; its reports are released once the load is
        done and the store flushed (on the next call, or now with ``wait``).
        """
        import pyoxigraph as ox

        entries, self.pending = self.pending, []
        items = [entry for entry in entries if entry[1] is not None]
        self.batch_quads, self.since = 0, 0.0
        self._settle()
        future = None
        if items:
            if self.thread is None:
                from concurrent.futures import ThreadPoolExecutor

                self.thread = ThreadPoolExecutor(1, thread_name_prefix="pactgraph-writer")
            # pyoxigraph's bulk loader writes the batch as new, complete table files and adds them to
            # the database in one atomic step: all of these sources or none, already on disk
            if items[0][1].stream is not None:  # alone in its batch (see add): streamed from its file
                future = self.thread.submit(self._load_streamed, items[0][1])
            else:
                data = b"".join(p.nquads + _meta_nquads(p) for _, p in items)
                future = self.thread.submit(self.store.db.bulk_load, data, format=ox.RdfFormat.N_QUADS)
            if os.environ.get("PACTGRAPH_WRITER_THREAD") == "0":  # measurements: writes in line
                future.exception()
        self.inflight = (future, items, entries)
        if wait:
            self._settle()

    def _settle(self) -> None:
        """Wait for the batch being loaded, flush, then release its reports."""
        if self.inflight is None:
            return
        future, items, entries = self.inflight
        self.inflight = None
        if future is not None:
            exc = future.exception()
            for entry in items:
                report, p = entry
                entry[1] = None
                if exc is None:
                    self._remember(p)
                else:
                    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                    self._fail(report, "store-error", detail if isinstance(exc, SourceError) else
                               f"{p.path}: the store refused the write: {detail}")  # (a streamed file that changed)
        if self.dirty:
            self.store.flush()
            self.dirty = False
        for report, _ in entries:
            self.emit(report)

    def close(self) -> None:
        """Wait for a load still running (it completes or not at all; its reports are not released)."""
        if self.thread is not None:
            self.thread.shutdown(wait=True)
            self.thread = None

    def _replace(self, report: FileReport, p: Prepared) -> None:
        report.reason = "replaced" if (self.store.has_graph(p.graph) or p.graph in self.kinds) else "added"
        try:
            if self.embedded:
                old = owned_graphs(self.store, p.graph)
                ops = [f"DROP SILENT GRAPH <{g}>" for g in dict.fromkeys([p.graph, *old, *p.owned])]
                ops += [f"DELETE WHERE {{ GRAPH <{_META}> {{ <{p.graph}> ?p ?o }} }}",
                        f"DELETE WHERE {{ GRAPH <{_META}> {{ ?g <{_PART_OF}> <{p.graph}> }} }}"]
                if p.stream is None:
                    ops.append(_insert_data(p.nquads + _meta_nquads(p)))
                self.dirty = True
                self.store.db.update(" ;\n".join(ops))
                if p.stream is not None:
                    # a streamed file is bulk-loaded once its old version is dropped: a kill in between
                    # leaves the source absent, never half-written, and the next run adds it again
                    self._load_streamed(p)
            else:  # a remote store: its own replace (one update per graph)
                import pyoxigraph as ox

                if p.stream is None:
                    quads = list(ox.parse(p.nquads, format=ox.RdfFormat.N_QUADS))
                else:
                    from ._rdfstream import stream_quads

                    quads = list(dict.fromkeys(stream_quads(p.stream, p.graph)))
                self.store.replace_graph(p.graph, quads)
        except (OSError, ValueError, SyntaxError, PactgraphError) as exc:
            self._fail(report, "store-error", f"{p.path}: the store refused the write: {str(exc).splitlines()[0]}")
            return
        self.dirty = True
        self._remember(p)

    def _load_streamed(self, p: Prepared) -> None:
        """Bulk-load a streamed source and its bookkeeping quads in one step (see :mod:`pactgraph._rdfstream`)."""
        from ._rdfstream import load_stream

        load_stream(self.store.db, p.stream, p.graph, _meta_nquads(p), getattr(self.store, "path", None))

    def _remember(self, p: Prepared) -> None:
        version = None
        if p.kind == "text":  # (an RDF-only run need not import the extractor: 0.1 s)
            from .extract import EXTRACTOR_VERSION

            version = EXTRACTOR_VERSION
        self.known[p.content_hash] = (p.graph, version)
        self.kinds[p.graph] = p.kind

    def _release(self) -> None:
        pending, self.pending = self.pending, []
        for report, _ in pending:
            self.emit(report)


# -- running a batch -----------------------------------------------------------------------


def _refused_report(path: Path, exc: BaseException, size: int = 0) -> FileReport:
    reason = getattr(exc, "reason", None) or ("rdf-syntax" if isinstance(exc, RDFSyntaxError) else "extract-error")
    return FileReport(str(path), "failed", reason, str(exc), line=getattr(exc, "line", None),
                      offset=getattr(exc, "offset", None), bytes=size)


def _prepare_safely(path: str, encoding: str | None, known: dict | None) -> Prepared | FileReport:
    """:func:`prepare` that turns every failure into a :class:`FileReport` (also used in workers)."""
    try:
        return prepare(path, encoding=encoding, known=known)
    except PactgraphError as exc:
        return _refused_report(Path(path), exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
        first = str(exc).splitlines()[0] if str(exc) else ""
        return FileReport(path, "failed", "extract-error", f"{path}: extraction failed ({type(exc).__name__}: "
                                                           f"{first})")


#: Seconds one file may take in a worker process before the worker is stopped and the file failed.
FILE_TIMEOUT = 600.0


def _worker_main(conn) -> None:
    """Body of an extraction worker (``python -m pactgraph.ingest FD``): prepare the files it is sent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle
    try:
        known, encoding = conn.recv()
        from .extract.pipeline import get_gazetteer, get_nlp

        get_nlp()
        get_gazetteer()
        conn.send("ready")
        while True:
            path = conn.recv()
            if path is None:
                return
            conn.send(_prepare_safely(path, encoding, known))
    except (EOFError, OSError, KeyboardInterrupt):
        return


class _ExtractionWorker:
    def __init__(self, known: dict, encoding: str | None):
        from collections import deque

        from .guard import start_worker_process

        self.process, self.conn = start_worker_process("pactgraph.ingest")
        self.conn.send((known, encoding))
        self.ready = False
        self.tasks: deque = deque()  # (index, path, attempt), in the order sent; the first is in progress
        self.started = 0.0  # when the first task began

    def stop(self, kill: bool = False) -> None:
        try:
            if not kill:
                self.conn.send(None)
                self.process.wait(2)
        except Exception:  # noqa: BLE001 - a worker that does not stop politely is killed
            pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.conn.close()


def _parallel(paths: list[str], workers: int, known: dict, encoding: str | None, local: bool = True):
    """Yield ``(path, Prepared | FileReport)`` in the order of ``paths``, extracting in ``workers`` lanes.

    This process is one lane and ``workers - 1`` worker processes are the others. The
    lanes pull files in input order, within a window ahead of the writer, so this
    process starts extracting at once while the worker processes are still loading
    their pipeline, and a small corpus costs no more than with one lane. A worker
    works through the files it is sent in order (two at most, so it never waits for
    the writer), so a worker that dies (a crash in native code, an out-of-memory kill)
    names its file: that file is tried once more in a fresh worker, then reported as
    ``worker-crashed``; a file running past :data:`FILE_TIMEOUT` in a worker is
    reported as ``timeout``. With ``local=False`` this process only collects, and
    ``workers`` processes extract.
    """
    from multiprocessing.connection import wait

    pool = [_ExtractionWorker(known, encoding) for _ in range(workers - 1 if local else workers)]
    todo = [(i, p, 1) for i, p in enumerate(paths)][::-1]  # a stack: pop() gives the next file
    done: dict[int, Prepared | FileReport] = {}
    following = 0  # index of the next result to hand out
    window = 6 * workers

    def receive(timeout: float | None) -> None:
        busy = [w for w in pool if w.tasks or not w.ready]
        if not busy:
            return
        for conn in wait([w.conn for w in busy], timeout=timeout):
            worker = next(w for w in pool if w.conn is conn)
            try:
                message = conn.recv()
            except (EOFError, OSError):
                message = None
            if message == "ready":
                worker.ready = True
            elif message is None:  # the worker died
                _replace_worker(pool, worker, todo, done, known, encoding, "worker-crashed")
            else:
                done[worker.tasks.popleft()[0]] = message
                worker.started = time.monotonic()

    try:
        while following < len(paths):
            now = time.monotonic()
            for worker in pool:
                while worker.ready and len(worker.tasks) < 2 and todo and todo[-1][0] < following + window:
                    if not worker.tasks:
                        worker.started = now
                    worker.tasks.append(todo.pop())
                    try:
                        worker.conn.send(worker.tasks[-1][1])
                    except OSError:  # it died after its last message (a broken pipe): as if it died now
                        _replace_worker(pool, worker, todo, done, known, encoding, "worker-crashed")
                        break
            receive(0)
            if local and following not in done and todo and todo[-1][2] == 1 and todo[-1][0] < following + window:
                # this process's lane: the next file nobody holds (a retry after a crash goes to a worker)
                index, path, _ = todo.pop()
                done[index] = _prepare_safely(path, encoding, known)
            elif following not in done:
                deadlines = [FILE_TIMEOUT - (now - w.started) for w in pool if w.tasks]
                receive(max(min(deadlines), 0) if deadlines else None)
            for worker in list(pool):
                if worker.tasks and time.monotonic() - worker.started > FILE_TIMEOUT:
                    _replace_worker(pool, worker, todo, done, known, encoding, "timeout")
            while following in done:
                yield paths[following], done.pop(following)
                following += 1
    finally:
        for worker in pool:
            worker.stop()


def _replace_worker(pool, worker, todo, done, known, encoding, why: str) -> None:
    """Stop ``worker``, start another, and decide the fate of the files it held."""
    worker.stop(kill=True)
    pool[pool.index(worker)] = _ExtractionWorker(known, encoding)
    if not worker.tasks:
        raise StoreError("an extraction worker process died while starting")
    (index, path, attempt), *waiting = worker.tasks
    for task in reversed(waiting):  # sent but not started: not to blame
        todo.append(task)
    if why == "timeout":
        done[index] = FileReport(path, "failed", "timeout", f"{path}: extraction took more than "
                                                            f"{FILE_TIMEOUT:.0f} s; the worker was stopped")
    elif attempt >= 2:
        done[index] = FileReport(path, "failed", "worker-crashed", f"{path}: the worker process extracting it "
                                                                   "died (twice)")
    else:
        todo.append((index, path, attempt + 1))


def ingest_paths(store, paths: Iterable[str | Path], *, encoding: str | None = None, workers: int = 1,
                 progress: Callable[[FileReport, int, int], None] | None = None,
                 force: bool = False) -> IngestReport:
    """Ingest texts and RDF files (folders are walked) into ``store``; one report per file.

    Parameters
    ----------
    store : pactgraph.store.Store
        Opened for writing.
    paths : iterable of str or Path
        Files and folders.
    encoding : str, optional
        Encoding to try for files that are not UTF-8 (and have no byte-order mark).
    workers : int
        Processes that extract texts and parse RDF: this one and ``workers - 1`` worker
        processes; 1 runs everything in this process. The store is always written by
        this process alone.
    progress : callable, optional
        Called as ``progress(report, done, total)`` each time a file's fate is final.
    force : bool
        Extract and write every file, even one whose content is already stored.

    Returns
    -------
    IngestReport
        Reports in the order the files were given; ``ok`` ones are committed and flushed.
    """
    started = time.monotonic()
    entries = collect(paths)
    report = IngestReport()
    total = len(entries)

    def emit(file_report: FileReport) -> None:
        report.files.append(file_report)
        if progress is not None:
            progress(file_report, len(report.files), total)

    writer = _Writer(store, emit, force)
    todo = [str(p) for p, decided in entries if decided is None]
    if workers > 1 and len(todo) > 1:
        stream = _parallel(todo, min(workers, len(todo)), dict(writer.known), encoding)
    else:
        stream = ((p, _prepare_safely(p, encoding, writer.known)) for p in todo)
    try:
        for path, decided in entries:
            if decided is not None:
                writer.add(decided, None)
                continue
            got_path, result = next(stream)
            assert got_path == str(path), (got_path, path)
            if isinstance(result, FileReport):
                writer.add(result, None)
            else:
                writer.add(FileReport(str(path), "ok", "added", bytes=result.size), result)
        writer.commit(wait=True)
    except KeyboardInterrupt:
        writer._settle()  # the batch already loading completes; report it before stopping
        raise
    finally:
        writer.close()
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    report.seconds = time.monotonic() - started
    return report


def ingest_source(store, source, *, force: bool = True) -> IngestReport:
    """Ingest a text held in memory (a :class:`~pactgraph.sources.Source`) through the same writer as files.

    The text is extracted and committed exactly as :func:`ingest_paths` commits a
    file: same skip and conflict decisions, one atomic write, flushed before the
    report says ``ok``. With ``force`` (the default, as a string has no file to
    compare) it is extracted again even when its content is already stored.

    Returns
    -------
    IngestReport
        One :class:`FileReport`, named after ``source.name``.
    """
    started = time.monotonic()
    report = IngestReport()
    writer = _Writer(store, report.files.append, force)
    try:
        try:
            prepared = _prepare_source(source, writer.known, len(source.text.encode("utf-8")))
        except _Refused as exc:
            writer.add(FileReport(source.name, "failed", exc.reason, exc.message, line=exc.line), None)
        else:
            writer.add(FileReport(source.name, "ok", "added", bytes=prepared.size), prepared)
        writer.commit(wait=True)
    finally:
        writer.close()
    report.seconds = time.monotonic() - started
    return report


def canonical_hash(store) -> str:
    """SHA-256 of the store's content as canonical N-Quads (sorted; blank nodes canonicalized by RDFC-1.0).

    Two stores with the same quads have the same hash, whatever the order they were written in.
    """
    import pyoxigraph as ox

    db = store.db if hasattr(store, "db") else store
    quads = list(db.quads_for_pattern(None, None, None, None))
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name)):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    lines = sorted(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .".replace(" <DEFAULT> .", " .")
                   for q in quads)
    return "sha256:" + hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


if __name__ == "__main__":  # an extraction worker started by ingest_paths(workers=N)
    import sys
    from multiprocessing.connection import Connection

    from pactgraph.ingest import (
        _worker_main as main,  # the module's own classes, not __main__'s
    )

    main(Connection(int(sys.argv[1])))
