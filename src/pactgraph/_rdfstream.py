"""Large RDF files through the ingest front door, streamed: checked in one pass, then bulk-loaded from disk.

:func:`pactgraph.ingest.prepare` sends an N-Triples, N-Quads, Turtle or TriG file of
at least :data:`pactgraph.ingest.STREAM_RDF_BYTES` here instead of reading it whole:

1. **check** (:func:`prepare_stream`): one parse of the file, consumed in C-level
   loops (counting statements, collecting graph names and term kinds), while a
   thread hashes the bytes, checks that they are UTF-8 and looks for ``_:``. A
   syntax error, a refused named graph or an HTML page is reported exactly as the
   in-memory path reports it, and nothing is written. Files that need the
   in-memory decoder (a UTF-16/32 byte-order mark, bytes that are not UTF-8, a
   file of blanks) are handed back to it, so their errors stay the same too.
2. **load** (:func:`load_stream`, in the writer): ``Store.bulk_load`` reads a
   pipe that a thread fills with N-Quads: an N-Triples or N-Quads file's own
   bytes, where only the lines holding ``_:`` are parsed and their blank nodes
   replaced by Skolem IRIs; a Turtle or TriG file parsed and written out again
   (skolemized if it has blank nodes). The source's bookkeeping quads come last
   in the same stream, so the source and its content hash are committed by one
   bulk load, all or nothing. Without ``/dev/fd`` the stream goes to a
   temporary file beside the store instead of a pipe.

Skolem IRIs are numbered in the order blank nodes first appear, exactly as
:func:`pactgraph.ingest.skolemize` numbers them, so both paths give the same quads.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

__all__ = ["STREAMED_FORMATS", "RdfStream", "Skolem", "check_owned", "load_stream", "prepare_stream",
           "stream_quads", "write_stream"]

#: pyoxigraph format names of the syntaxes that are streamed (the others are parsed whole in memory).
STREAMED_FORMATS = ("N_TRIPLES", "N_QUADS", "TURTLE", "TRIG")
#: Line-based syntaxes: a statement never spans a line, so a file can be cut at any line end.
_LINE_BASED = ("N_TRIPLES", "N_QUADS")
#: Bytes read at a time.
CHUNK = 4 * 1024 * 1024
#: Statements parsed between two looks at the hashing thread.
_BATCH = 65_536
_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
#: Written into the pipe when the stream cannot be completed: a syntax error in any state of an
#: N-Quads parser (it ends a statement early, and ``!`` starts none), so the bulk load fails.
_ABORT = b"\n!pactgraph-abort\n"


@dataclass(frozen=True, slots=True)
class RdfStream:
    """How to load a file that was checked streaming (picklable: it travels from worker processes)."""

    path: str
    format: str  # pyoxigraph RdfFormat name of the file
    start: int  # bytes to skip at the start (a UTF-8 byte-order mark)
    size: int  # size and modification time when it was checked
    mtime_ns: int
    blank_nodes: bool  # may hold blank nodes: skolemized while loading
    slug: str  # of the source, for its Skolem IRIs
    base_iri: str


class Skolem:
    """Blank nodes to Skolem IRIs ``{GENID}{slug}/{n}``, numbered in order of first appearance.

    :meth:`quad` puts default-graph statements in the source graph and records the
    other graph names it meets in :attr:`owned`.
    """

    def __init__(self, graph: str, slug: str):
        import pyoxigraph as ox

        from .ingest import GENID

        self.graph = graph
        self.base = f"{GENID}{slug}/"
        self.target = ox.NamedNode(graph)
        self.names: dict = {}
        self.owned: set[str] = set()
        self._ox = ox

    def term(self, t):
        ox = self._ox
        if isinstance(t, ox.BlankNode):
            node = self.names.get(t.value)
            if node is None:
                node = self.names[t.value] = ox.NamedNode(f"{self.base}{len(self.names)}")
            return node
        if isinstance(t, ox.Triple):
            return ox.Triple(self.term(t.subject), t.predicate, self.term(t.object))
        return t

    def quad(self, item):
        ox = self._ox
        g = getattr(item, "graph_name", None)
        if g is None or isinstance(g, ox.DefaultGraph):
            g = self.target
        else:  # the graph name first: the numbering follows the order of the in-memory path
            g = self.term(g)
            if g.value != self.graph:
                self.owned.add(g.value)
        return ox.Quad(self.term(item.subject), item.predicate, self.term(item.object), g)


def check_owned(owned: set[str], base: str, path) -> None:
    """Refuse a file that writes a pactgraph graph (its own Skolem IRIs excepted)."""
    from .ingest import _PACTGRAPH, _Refused

    for name in sorted(owned):
        if name.startswith(_PACTGRAPH) and not name.startswith(base):
            raise _Refused("graph-conflict", f"{path}: writes the named graph <{name}>, which belongs to "
                                             "pactgraph; only the file's own source graph may be written")


# -- pass 1: the check -----------------------------------------------------------------------


class _Scan(threading.Thread):
    """Reads the file once: its SHA-256, whether it is UTF-8, has text, and holds ``_:`` somewhere."""

    def __init__(self, path: Path, start: int):
        super().__init__(name="pactgraph-scan", daemon=True)
        self.path, self.offset = path, start
        self.digest: str | None = None
        self.utf8 = True
        self.text = False
        self.underscore = False
        self.error: OSError | None = None
        self.finished = threading.Event()

    def run(self) -> None:
        import codecs

        digest = hashlib.sha256()
        decoder = codecs.getincrementaldecoder("utf-8")()
        last = b""
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self.offset)
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)  # releases the GIL: runs beside the parse
                    if self.utf8:
                        try:
                            decoder.decode(chunk)
                        except UnicodeDecodeError:
                            self.utf8 = False
                    if not self.underscore and (b"_:" in chunk or (last == b"_" and chunk[:1] == b":")):
                        self.underscore = True
                    if not self.text and chunk.strip():
                        self.text = True
                    last = chunk[-1:]
            if self.utf8:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    self.utf8 = False
            self.digest = "sha256:" + digest.hexdigest()
        except OSError as exc:
            self.error = exc
        finally:
            self.finished.set()


def _open_parse(path: str, fmt_name: str, start: int, base_iri: str):
    """A parser over the file from byte ``start`` (the opened handle is closed with the parser's owner)."""
    import pyoxigraph as ox

    fmt = getattr(ox.RdfFormat, fmt_name)
    if start == 0:
        return ox.parse(path=path, format=fmt, base_iri=base_iri), None
    handle = open(path, "rb")  # noqa: SIM115 - closed by the caller
    handle.seek(start)
    return ox.parse(handle, format=fmt, base_iri=base_iri), handle


def prepare_stream(path: Path, fmt_name: str, known: dict, size: int, mtime_ns: int):
    """Check a large RDF file streaming; a :class:`~pactgraph.ingest.Prepared` that loads it from disk.

    Returns ``None`` when the file needs the in-memory decoder (another encoding, no
    text), whose answer is then the door's answer. Raises ``_Refused`` like the
    in-memory path: ``html``, ``rdf-syntax``, ``graph-conflict``, ``unreadable``.
    """
    from collections import deque
    from itertools import count as count_from
    from itertools import islice
    from operator import attrgetter, itemgetter

    import pyoxigraph as ox

    from .ingest import ID, Prepared, _known_skip, _Refused, slugify
    from .sources import looks_like_html

    try:
        with open(path, "rb") as handle:
            head = handle.read(16384)
    except OSError as exc:
        raise _Refused("unreadable", f"{path}: cannot read: {exc.strerror or exc}") from None
    if head.startswith(_OTHER_BOMS):
        return None  # UTF-16/32: decoded in memory
    start = len(_UTF8_BOM) if head.startswith(_UTF8_BOM) else 0
    slug = slugify(path.stem)
    graph = f"{ID}source/{slug}"
    base_iri = f"{graph}/"
    scan = _Scan(path, start)
    scan.start()

    def settled() -> bool:  # the hash is known and decides without a parse: skip, or the in-memory path
        return scan.finished.is_set() and (scan.error is not None or not scan.utf8 or not scan.text or
                                           _known_skip(known, scan.digest, graph, None) is not None)

    count, graphs, kinds, syntax = 0, set(), set(), None
    named = fmt_name in ("N_QUADS", "TRIG")
    line_based = fmt_name in _LINE_BASED
    subject, obj, graph_of, first = attrgetter("subject"), attrgetter("object"), attrgetter("graph_name"), itemgetter(0)
    drain = deque(maxlen=0).extend  # consumes an iterator at C speed
    quads, handle = _open_parse(str(path), fmt_name, start, base_iri)
    try:
        while not settled():
            if line_based:  # no Python code per statement: count with zip, keep only the graph names
                counted = count_from()
                batch = zip(islice(quads, _BATCH), counted)
                if named:
                    graphs.update(map(graph_of, map(first, batch)))
                else:
                    drain(batch)
                done = next(counted)
            else:  # blank nodes of Turtle can be written without "_:" ([ ], lists): look at term kinds
                batch = list(islice(quads, 1024))
                done = len(batch)
                kinds.update(map(type, map(subject, batch)))
                kinds.update(map(type, map(obj, batch)))
                if named:
                    graphs.update(map(graph_of, batch))
            count += done
            if done < (_BATCH if line_based else 1024):
                break
    except SyntaxError as exc:  # a parser reading a path names the file; the in-memory one does not
        syntax = SyntaxError(exc.msg)
        syntax.lineno, syntax.offset = exc.lineno, exc.offset
    except (OSError, ValueError) as exc:
        syntax = exc
    finally:
        if handle is not None:
            handle.close()
    scan.finished.wait()
    if scan.error is not None:
        raise _Refused("unreadable", f"{path}: cannot read: {scan.error.strerror or scan.error}")
    if not scan.utf8 or not scan.text:
        return None  # the in-memory decoder names the bad byte (or says "empty")
    if looks_like_html(head[start:].decode("utf-8", "ignore")):
        raise _Refused("html", f"{path}:1: looks like HTML; save the text of the page as plain text first", 1)
    prepared = Prepared(str(path), "rdf", graph, scan.digest, size=size)
    prepared.skip = _known_skip(known, scan.digest, graph, None)
    if prepared.skip:
        return prepared
    if syntax is not None:
        from .ingest import _syntax_refusal

        raise _syntax_refusal(syntax, path)
    names = {g for g in graphs if not isinstance(g, ox.DefaultGraph)}
    blank_graphs = any(isinstance(g, ox.BlankNode) for g in names)
    blank = scan.underscore if line_based else bool(kinds & {ox.BlankNode, ox.Triple}) or blank_graphs
    if blank_graphs:  # their Skolem IRIs depend on every blank node before them: number them all
        skolem = Skolem(graph, slug)
        parsed, handle = _open_parse(str(path), fmt_name, start, base_iri)
        try:
            for item in parsed:
                skolem.quad(item)
        finally:
            if handle is not None:
                handle.close()
        owned = skolem.owned
    else:
        owned = {g.value for g in names if g.value != graph}
    check_owned(owned, _genid_base(slug), path)
    prepared.quads = count
    prepared.owned = tuple(sorted(owned))
    prepared.stream = RdfStream(str(path), fmt_name, start, size, mtime_ns, blank, slug, base_iri)
    return prepared


def _genid_base(slug: str) -> str:
    from .ingest import GENID

    return f"{GENID}{slug}/"


# -- pass 2: the load ------------------------------------------------------------------------


def _unchanged(stream: RdfStream) -> None:
    try:
        stat = os.stat(stream.path)
    except OSError as exc:
        raise SourceError(f"{stream.path}: cannot read it again to load it: {exc.strerror or exc}") from None
    if (stat.st_size, stat.st_mtime_ns) != (stream.size, stream.mtime_ns):
        raise SourceError(f"{stream.path}: the file changed after it was checked; ingest it again")


def _line_end(data: bytes, at: int) -> int:
    ends = [i for i in (data.find(b"\n", at), data.find(b"\r", at)) if i >= 0]
    return min(ends) if ends else len(data)


def _skolem_lines(data: bytes, skolem: Skolem, fmt) -> bytes:
    """``data`` (whole lines) with each line holding ``_:`` parsed and written again, skolemized."""
    import pyoxigraph as ox

    pieces, done = [], 0
    at = data.find(b"_:")
    while at >= 0:
        begin = max(data.rfind(b"\n", 0, at), data.rfind(b"\r", 0, at)) + 1
        end = _line_end(data, at)
        line = data[begin:end]
        quads = [skolem.quad(q) for q in ox.parse(line, format=fmt)]
        pieces.append(data[done:begin])
        pieces.append(ox.serialize(quads, format=ox.RdfFormat.N_QUADS).rstrip(b"\n") if quads else line)
        done = end
        at = data.find(b"_:", end)
    pieces.append(data[done:])
    return b"".join(pieces)


def stream_quads(stream: RdfStream, graph: str):
    """The file's quads as the in-memory path has them (skolemized, in the source graph); a generator."""
    parsed, handle = _open_parse(stream.path, stream.format, stream.start, stream.base_iri)
    skolem = Skolem(graph, stream.slug)
    try:
        yield from map(skolem.quad, parsed)
    finally:
        if handle is not None:
            handle.close()


def write_stream(stream: RdfStream, graph: str, out) -> None:
    """Write the file as N-Quads to ``out`` (default-graph triples stay triples: load with ``to_graph``)."""
    import pyoxigraph as ox

    _unchanged(stream)
    if stream.format in _LINE_BASED:
        skolem = Skolem(graph, stream.slug) if stream.blank_nodes else None
        fmt = getattr(ox.RdfFormat, stream.format)
        total, rest = 0, b""
        with open(stream.path, "rb") as handle:
            handle.seek(stream.start)
            while chunk := handle.read(CHUNK):
                total += len(chunk)
                data = rest + chunk if rest else chunk
                cut = max(data.rfind(b"\n"), data.rfind(b"\r")) + 1
                data, rest = data[:cut], data[cut:]
                if data:
                    out.write(_skolem_lines(data, skolem, fmt) if skolem is not None and b"_:" in data else data)
            if rest:
                out.write(_skolem_lines(rest, skolem, fmt) if skolem is not None and b"_:" in rest else rest)
        out.write(b"\n")
        if total != stream.size - stream.start:
            raise SourceError(f"{stream.path}: the file changed after it was checked; ingest it again")
    else:
        parsed, handle = _open_parse(stream.path, stream.format, stream.start, stream.base_iri)
        try:
            quads = map(Skolem(graph, stream.slug).quad, parsed) if stream.blank_nodes else parsed
            ox.serialize(quads, output=out, format=ox.RdfFormat.N_QUADS)
        finally:
            if handle is not None:
                handle.close()
    _unchanged(stream)


#: Feed bulk_load through a pipe (``/dev/fd``); else through a temporary file beside the store.
USE_PIPE = os.path.isdir("/dev/fd")
#: Pipe buffer asked for (Linux; the default is 64 KiB).
PIPE_BYTES = 1024 * 1024


def load_stream(db, stream: RdfStream, graph: str, tail: bytes, scratch: str | Path | None = None) -> None:
    """Bulk-load a checked file and then ``tail`` (N-Quads: the source's bookkeeping) in one step.

    Raises
    ------
    SourceError
        If the file changed since it was checked; nothing is written then.
    SyntaxError, OSError
        If the store refused the load; nothing is written then.
    """
    import pyoxigraph as ox

    options = {"format": ox.RdfFormat.N_QUADS, "to_graph": ox.NamedNode(graph)}
    if not USE_PIPE:
        import tempfile

        folder = Path(scratch) if scratch is not None and Path(scratch).is_dir() else None
        if folder is not None:  # left by a writer that was killed (the store has one writer at a time)
            for stale in folder.glob(".pactgraph-load-*.nq"):
                stale.unlink(missing_ok=True)
        fd, name = tempfile.mkstemp(prefix=".pactgraph-load-", suffix=".nq", dir=folder)
        try:
            with os.fdopen(fd, "wb", buffering=CHUNK) as out:
                write_stream(stream, graph, out)
                out.write(tail)
            db.bulk_load(path=name, **options)
        finally:
            os.unlink(name)
        return
    read_end, write_end = os.pipe()
    try:  # a larger pipe: fewer switches between the feeder and the loader (Linux)
        import fcntl

        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass
    failures: list[BaseException] = []

    def feed() -> None:
        out = os.fdopen(write_end, "wb", buffering=1024 * 1024)
        try:
            write_stream(stream, graph, out)
            out.write(tail)
        except BrokenPipeError:
            pass  # the loader stopped reading: it has its own error
        except BaseException as exc:  # noqa: BLE001 - handed to the loading thread
            failures.append(exc)
            try:
                out.write(_ABORT)
            except OSError:
                pass
        finally:
            try:
                out.close()
            except OSError:
                pass

    feeder = threading.Thread(target=feed, name="pactgraph-feed", daemon=True)
    feeder.start()
    error: BaseException | None = None
    try:
        db.bulk_load(path=f"/dev/fd/{read_end}", **options)
    except BaseException as exc:  # noqa: BLE001 - re-raised below, after the feeder stopped
        error = exc
    finally:
        os.close(read_end)
        feeder.join()
    if failures:
        raise failures[0]
    if error is not None:
        raise error
