"""Large RDF files through the front door: checked streaming, bulk-loaded from disk, same result as in memory.

Files of at least ``STREAM_RDF_BYTES`` in N-Triples, N-Quads, Turtle or TriG go through
:mod:`pactgraph._rdfstream`; the tests lower or raise that threshold to send the same
small files both ways and compare the stores, then check the big-file properties on
files of a few megabytes: errors at the very end, nothing held whole, ``kill -9``.
"""

from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import pactgraph
from pactgraph import _rdfstream as rdfstream
from pactgraph import ingest
from pactgraph.errors import PactgraphError, RDFSyntaxError, SourceError
from pactgraph.ingest import GENID, canonical_hash, ingest_paths, owned_graphs, prepare

SRC = "https://w3id.org/pactgraph/id/source/"
EX = "http://example.org/"

FILES = {
    # blank nodes as subjects and objects, a "_:" inside a literal and in a comment, CRLF and CR line ends
    "people.nt": (f'<{EX}a> <{EX}knows> _:b1 .\r\n_:b1 <{EX}name> "B _:not-a-node" .\r\n'
                  f'# a comment with _:c\r<{EX}a> <{EX}age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                  f'_:c <{EX}knows> _:b1 .\n<{EX}a> <{EX}knows> _:c .\n<{EX}a> <{EX}knows> _:b1 .\n'
                  f'<{EX}a> <{EX}label> "caf\u00e9"@fr .'),  # no final line end
    "plain.nt": "".join(f'<{EX}s{i % 7}> <{EX}p{i % 3}> "value {i}" .\n' for i in range(200)),
    # default graph, named graphs, a blank-node graph name, a repeated statement
    "mixed.nq": (f'<{EX}a> <{EX}p> "1" .\n<{EX}a> <{EX}p> _:x <{EX}g1> .\n_:x <{EX}p> "2" _:g .\n'
                 f'<{EX}a> <{EX}p> "1" .\n<{EX}b> <{EX}p> "3" <{EX}g2> .\n'),
    "shapes.ttl": (f"@prefix ex: <{EX}> .\n@base <{EX}base/> .\n"
                   "ex:a ex:knows [ ex:name \"B\" ; ex:knows _:c ] ;\n  ex:list (1 2 [ ex:q 3 ]) .\n"
                   "_:c ex:name \"C\" .\n<relative> ex:p \"\"\"long\nliteral\"\"\" .\n"),
    "flat.ttl": (f"@prefix ex: <{EX}> .\n" + "".join(f"ex:s{i} ex:p ex:o{i % 5} .\n" for i in range(100))),
    "graphs.trig": (f"@prefix ex: <{EX}> .\nex:a ex:p 1 .\nex:g {{ ex:a ex:p [ ex:q 2 ] }}\n"
                    "_:h { ex:b ex:p 3 }\n"),
}


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


@pytest.fixture()
def streamed(monkeypatch):
    """Every N-Triples/N-Quads/Turtle/TriG file is streamed, however small."""
    monkeypatch.setattr(ingest, "STREAM_RDF_BYTES", 1)


def in_memory(monkeypatch):
    monkeypatch.setattr(ingest, "STREAM_RDF_BYTES", 1 << 62)


def all_quads(store) -> set[str]:
    quads = list(store.db.quads_for_pattern(None, None, None, None))
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name))
    return {str(q) for q in quads}


def ingest_into(tmp_path: Path, name: str, paths: list[Path], **options):
    with pactgraph.open(tmp_path / name, write=True) as kg:
        report = ingest_paths(kg.store, paths, **options)
        return report, canonical_hash(kg.store), all_quads(kg.store)


# -- the same store both ways ------------------------------------------------------------------------


@pytest.mark.parametrize("pipe", [True, False], ids=["pipe", "temporary-file"])
@pytest.mark.parametrize("name", sorted(FILES))
def test_streamed_and_in_memory_give_the_same_store(tmp_path, monkeypatch, name, pipe):
    path = write(tmp_path, name, FILES[name])
    monkeypatch.setattr(rdfstream, "USE_PIPE", pipe)
    in_memory(monkeypatch)
    assert prepare(path).stream is None
    memory = ingest_into(tmp_path, "memory", [path])
    monkeypatch.setattr(ingest, "STREAM_RDF_BYTES", 1)
    prepared = prepare(path)
    assert prepared.stream is not None and prepared.nquads == b""
    stream = ingest_into(tmp_path, "stream", [path])
    assert [(f.status, f.reason, f.source) for f in stream[0].files] == \
        [(f.status, f.reason, f.source) for f in memory[0].files] == [("ok", "added", SRC + path.stem)]
    assert stream[1:] == memory[1:]  # canonical hash and every quad, the bookkeeping graph included


def test_blank_nodes_are_numbered_in_order_of_appearance(tmp_path, streamed):
    path = write(tmp_path, "people.nt", FILES["people.nt"])
    report, _, quads = ingest_into(tmp_path, "store", [path])
    assert report.files[0].status == "ok"
    genids = {part for quad in quads for part in quad.split() if part.startswith(f"<{GENID}")}
    assert genids == {f"<{GENID}people/0>", f"<{GENID}people/1>"}  # _:b1 first, then _:c
    assert f'<{GENID}people/0> <{EX}name> "B _:not-a-node" <{SRC}people>' in quads
    assert f'<{GENID}people/1> <{EX}knows> <{GENID}people/0> <{SRC}people>' in quads


def test_owned_graphs_and_a_blank_graph_name(tmp_path, streamed):
    path = write(tmp_path, "mixed.nq", FILES["mixed.nq"])
    prepared = prepare(path)
    assert prepared.owned == (f"{EX}g1", f"{EX}g2", f"{GENID}mixed/1")
    with pactgraph.open(tmp_path / "store", write=True) as kg:
        assert ingest_paths(kg.store, [path]).files[0].status == "ok"
        assert owned_graphs(kg.store, SRC + "mixed") == sorted(prepared.owned)


def test_small_chunks_cut_lines_and_blank_nodes_anywhere(tmp_path, monkeypatch):
    """Chunks of a few bytes: ``_:`` and line ends fall across every chunk boundary."""
    lines = []
    for i in range(300):
        end = ("\n", "\r\n", "\r")[i % 3]
        lines.append(f'_:n{i % 11} <{EX}p> _:n{(i * 7) % 13} .{end}' if i % 4 == 0 else
                     f'<{EX}s{i}> <{EX}p> "x{i} _:" .{end}')
    path = write(tmp_path, "chunks.nt", "".join(lines))
    in_memory(monkeypatch)
    memory = ingest_into(tmp_path, "memory", [path])
    monkeypatch.setattr(ingest, "STREAM_RDF_BYTES", 1)
    for chunk in (5, 64, 1000):
        monkeypatch.setattr(rdfstream, "CHUNK", chunk)
        assert ingest_into(tmp_path, f"stream{chunk}", [path])[1:] == memory[1:]


def test_utf8_byte_order_mark(tmp_path, monkeypatch):
    path = write(tmp_path, "bom.ttl", b"\xef\xbb\xbf" + FILES["shapes.ttl"].encode())
    in_memory(monkeypatch)
    memory = ingest_into(tmp_path, "memory", [path])
    monkeypatch.setattr(ingest, "STREAM_RDF_BYTES", 1)
    prepared = prepare(path)
    in_memory(monkeypatch)
    assert prepared.stream.start == 3 and prepared.content_hash == prepare(path).content_hash
    monkeypatch.setattr(ingest, "STREAM_RDF_BYTES", 1)
    assert ingest_into(tmp_path, "stream", [path])[1:] == memory[1:]


def test_the_w3c_suites_give_the_same_answers_both_ways(monkeypatch):
    """Every N-Triples, N-Quads, Turtle and TriG file of the W3C suites: same quads or same refusal."""
    from test_w3c import RDF_SUITES, ROOT, manifest_tests

    if not (ROOT / "rdf").is_dir():
        pytest.skip(f"W3C test suites not found at {ROOT}")
    cases = [action for suite in RDF_SUITES if suite != "rdf-xml"
             for _, action in manifest_tests(ROOT / "rdf" / "rdf11" / suite / "manifest.ttl")]
    assert len(cases) > 800
    streamed_count = 0
    for path in cases:
        answers = []
        for threshold in (1 << 62, 1):
            monkeypatch.setattr(ingest, "STREAM_RDF_BYTES", threshold)
            try:
                prepared = prepare(path)
            except PactgraphError as exc:
                answers.append((type(exc).__name__, exc.reason, exc.line, exc.offset, str(exc)))
                continue
            if prepared.stream is None:
                quads = set(ox.parse(prepared.nquads, format=ox.RdfFormat.N_QUADS))
            else:
                streamed_count += 1
                out = io.BytesIO()
                rdfstream.write_stream(prepared.stream, prepared.graph, out)
                target = ox.NamedNode(prepared.graph)
                quads = {ox.Quad(q.subject, q.predicate, q.object,
                                 target if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name)
                         for q in ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS)}
            answers.append((prepared.content_hash, prepared.owned, quads))
        assert answers[0] == answers[1], path
    assert streamed_count > 400


# -- big files: errors at the end, nothing held whole ------------------------------------------------


def big_ntriples(path: Path, last_line: str, lines: int = 110_000) -> Path:
    """A file of ``lines`` statements (by default over the streaming threshold: about 9 MB), then ``last_line``."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.writelines(f'<{EX}s{i % 5000}> <{EX}p{i % 7}> "value number {i} of the big file" .\n'
                          for i in range(lines))
        handle.write(last_line)
    assert path.stat().st_size >= ingest.STREAM_RDF_BYTES
    return path


@pytest.fixture()
def kg(tmp_path):
    with pactgraph.open(tmp_path / "store", write=True) as graph:
        small = write(tmp_path, "small.ttl", FILES["shapes.ttl"])
        assert ingest_paths(graph.store, [small]).files[0].status == "ok"
        yield graph


@pytest.mark.parametrize("name, last, reason", [
    ("cut.nt", f'<{EX}s> <{EX}p> "unterminated .\n', "rdf-syntax"),
    ("cut.nq", f'<{EX}s> <{EX}p> "x" <{EX}g> <{EX}extra> .\n', "rdf-syntax"),
    ("hijack.nq", f'<{EX}s> <{EX}p> "x" <https://w3id.org/pactgraph/graph/meta> .\n', "graph-conflict"),
    ("cut.ttl", f"<{EX}s> <{EX}p> [ <{EX}q> 1 \n", "rdf-syntax"),
])
def test_bad_input_at_the_end_of_a_large_file_writes_nothing(kg, tmp_path, monkeypatch, name, last, reason):
    path = big_ntriples(tmp_path / name, last)
    with pytest.raises(RDFSyntaxError) as info:
        prepare(path)
    assert info.value.reason == reason
    in_memory(monkeypatch)
    with pytest.raises(RDFSyntaxError) as whole:
        prepare(path)
    monkeypatch.undo()
    assert (str(info.value), info.value.line, info.value.offset) == (str(whole.value), whole.value.line,
                                                                      whole.value.offset)
    if reason == "rdf-syntax":  # the last line (Turtle: the end of the file after it)
        line = info.value.line
        assert line in (110_001, 110_002) and str(info.value).startswith(f"{path}:{line}:")
    before = (canonical_hash(kg.store), len(kg.store))
    report = ingest_paths(kg.store, [path]).files[0]
    assert (report.status, report.reason) == ("failed", reason)
    assert "\n" not in report.message and report.message.startswith(str(path))
    assert (canonical_hash(kg.store), len(kg.store)) == before


def test_a_large_file_is_never_read_whole(kg, tmp_path, monkeypatch):
    path = big_ntriples(tmp_path / "big.nt", f"_:tail <{EX}p> _:head .\n")

    def refuse(*args, **kwargs):
        raise AssertionError("a large RDF file was read whole")

    monkeypatch.setattr(ingest, "_read", refuse)
    monkeypatch.setattr(ingest, "_prepare_rdf_in_memory", refuse)
    prepared = prepare(path)
    assert prepared.stream is not None and prepared.stream.blank_nodes and prepared.nquads == b""
    assert prepared.quads == 110_001 and prepared.size == path.stat().st_size
    report = ingest_paths(kg.store, [path]).files[0]
    assert (report.status, report.reason, report.quads) == ("ok", "added", 110_001)
    assert kg.store.db.contains_named_graph(ox.NamedNode(SRC + "big"))
    assert sum(1 for _ in kg.store.db.quads_for_pattern(ox.NamedNode(GENID + "big/0"), None, None)) == 1
    again = ingest_paths(kg.store, [path]).files[0]
    assert (again.status, again.reason) == ("skipped", "unchanged")
    copy = tmp_path / "copy-of-big.nt"
    copy.write_bytes(path.read_bytes())
    assert ingest_paths(kg.store, [copy]).files[0].reason == "duplicate"


def test_a_changed_large_file_replaces_its_graphs(kg, tmp_path, streamed):
    path = tmp_path / "data.nq"  # a smaller file, streamed all the same: dropping a graph takes its time
    big_ntriples(path, f'<{EX}s> <{EX}p> "old" <{EX}old-graph> .\n', lines=5000)
    assert ingest_paths(kg.store, [path]).files[0].reason == "added"
    big_ntriples(path, f'<{EX}s> <{EX}p> "new" <{EX}new-graph> .\n', lines=5000)
    report = ingest_paths(kg.store, [path]).files[0]
    assert (report.status, report.reason) == ("ok", "replaced")
    assert owned_graphs(kg.store, SRC + "data") == [f"{EX}new-graph"]
    assert not kg.store.has_graph(f"{EX}old-graph") and kg.store.has_graph(f"{EX}new-graph")
    replaced = canonical_hash(kg.store)
    kg.remove("data")
    assert kg.ingest(path).replaced is False  # added from scratch: the same store as the replacement gave
    assert canonical_hash(kg.store) == replaced


def test_encoding_problems_get_the_in_memory_answer(kg, tmp_path, monkeypatch):
    path = big_ntriples(tmp_path / "latin.nt", f'<{EX}s> <{EX}p> "caf-e-acute" .\n')
    path.write_bytes(path.read_bytes().replace(b"caf-e-acute", "caf\u00e9".encode("latin-1")))
    with pytest.raises(SourceError) as info:
        prepare(path)
    assert (info.value.reason, info.value.line) == ("encoding", 110_001)
    assert ingest_paths(kg.store, [path], encoding="latin-1").files[0].status == "ok"


@pytest.mark.parametrize("pipe", [True, False], ids=["pipe", "temporary-file"])
def test_a_load_that_cannot_finish_writes_nothing(kg, tmp_path, monkeypatch, pipe):
    monkeypatch.setattr(rdfstream, "USE_PIPE", pipe)
    path = big_ntriples(tmp_path / "big.nt", "")
    prepared = prepare(path)
    before = (canonical_hash(kg.store), len(kg.store))
    path.write_bytes(path.read_bytes() + f'<{EX}late> <{EX}p> "added after the check" .\n'.encode())
    with pytest.raises(SourceError, match="changed after it was checked"):
        rdfstream.load_stream(kg.store.db, prepared.stream, prepared.graph, b"", kg.store.path)
    assert (canonical_hash(kg.store), len(kg.store)) == before
    real = rdfstream.write_stream

    def half_then_fail(stream, graph, out):  # half the statements are in the pipe when it fails
        out.write(b"".join(path.read_bytes().splitlines(keepends=True)[:50_000]) + b'<http://e.org/x> <http://e')
        raise OSError("disk went away")

    monkeypatch.setattr(rdfstream, "write_stream", half_then_fail)
    report = ingest_paths(kg.store, [path]).files[0]
    assert (report.status, report.reason) == ("failed", "store-error") and "disk went away" in report.message
    assert (canonical_hash(kg.store), len(kg.store)) == before
    monkeypatch.setattr(rdfstream, "write_stream", real)
    assert ingest_paths(kg.store, [path]).files[0].reason == "added"
    assert not list(tmp_path.glob("store/.pactgraph-load-*"))


def test_a_streamed_file_after_small_ones_keeps_the_report_order(tmp_path):
    small = [write(tmp_path, f"small{i}.ttl", f"<{EX}s{i}> <{EX}p> {i} .\n") for i in range(3)]
    big = big_ntriples(tmp_path / "zbig.nt", "")
    last = write(tmp_path, "zz.ttl", f"<{EX}z> <{EX}p> 0 .\n")
    report, _, quads = ingest_into(tmp_path, "store", [*small, big, last])
    assert [(Path(f.path).name, f.status) for f in report.files] == \
        [("small0.ttl", "ok"), ("small1.ttl", "ok"), ("small2.ttl", "ok"), ("zbig.nt", "ok"), ("zz.ttl", "ok")]
    assert sum(1 for q in quads if q.endswith(f" <{SRC}zbig>")) == 110_000


# -- kill -9 during a streamed load -------------------------------------------------------------------


def test_kill_during_a_streamed_load_leaves_all_or_nothing(tmp_path):
    path = big_ntriples(tmp_path / "big.nt", f"_:a <{EX}p> _:b .\n", lines=160_000)
    clean = tmp_path / "clean"
    command = [sys.executable, "-m", "pactgraph", "ingest", str(path), "--store"]
    assert subprocess.run([*command, str(clean)], check=False, capture_output=True, timeout=300).returncode == 0
    with pactgraph.open(clean) as kg:
        clean_hash = canonical_hash(kg.store)
    store = tmp_path / "store"
    with pactgraph.open(store, write=True) as kg:
        empty = canonical_hash(kg.store)
    rng = random.Random(7)
    for attempt in range(3):
        proc = subprocess.Popen([*command, str(store)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        with pactgraph.open(store) as kg:  # the source is whole with its content hash, or absent
            size, digest = len(kg.store), canonical_hash(kg.store)
        assert digest in (empty, clean_hash), f"a partial source after kill {attempt} ({size} quads)"
        if digest == clean_hash:
            break
    assert subprocess.run([*command, str(store)], check=False, capture_output=True, timeout=300).returncode == 0
    with pactgraph.open(store) as kg:
        assert canonical_hash(kg.store) == clean_hash


# -- a SPARQL server as the store ---------------------------------------------------------------------


def test_a_streamed_file_into_a_remote_store(tmp_path, monkeypatch):
    """A remote store has no bulk loader: the streamed file's quads are sent as the in-memory ones are."""
    from serving import oxigraph_binary, start_oxigraph

    from pactgraph.remote import RemoteStore

    if oxigraph_binary() is None:
        pytest.skip("the oxigraph command is not installed (pip install oxigraph)")
    paths = [write(tmp_path, name, FILES[name]) for name in ("people.nt", "shapes.ttl")]
    server = start_oxigraph(tmp_path)
    try:
        graphs = []
        for threshold in (1 << 62, 1):
            monkeypatch.setattr(ingest, "STREAM_RDF_BYTES", threshold)
            store = RemoteStore(server.url + "/query", write=True, create=True)
            report = ingest_paths(store, paths, force=True)
            assert [(f.status, f.reason) for f in report.files] == [("ok", "replaced" if graphs else "added")] * 2
            graphs.append({path.stem: {str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(SRC + path.stem))} for path in paths})
            store.close()
        assert graphs[0] == graphs[1] and all(graphs[0].values())
    finally:
        server.stop()


def test_pyoxigraph_commits_a_bulk_load_all_at_once(tmp_path):
    """What a streamed load's crash safety rests on, pinned for the pyoxigraph in use.

    Oxigraph documents its bulk loader as not atomic; pyoxigraph 0.5 in fact keeps
    the table files of every batch of a million statements and adds them to the
    database only at the end, so a load that stops (here: on a syntax error after
    the first full batch) writes nothing. Bad input never gets that far (the check
    pass refuses it first); a ``kill -9`` during a load of more than a million
    statements relies on this. If this test fails after an upgrade, streamed loads
    need a recovery marker instead.
    """
    path = tmp_path / "over-a-batch.nt"
    with open(path, "w", encoding="ascii") as handle:
        handle.writelines(f'<{EX}s{i}> <{EX}p> "{i}" .\n' for i in range(1_050_000))
        handle.write(f'<{EX}s> <{EX}p> "unterminated .\n')
    db = ox.Store(str(tmp_path / "store"))
    with pytest.raises(SyntaxError):
        db.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS, to_graph=ox.NamedNode(f"{EX}g"))
    assert len(db) == 0
