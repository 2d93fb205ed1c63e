"""The ingest front door: sniffing, strict decoding, safe RDF, one report per file, idempotence."""

from __future__ import annotations

import http.server
import io
import json
import threading

import pyoxigraph as ox
import pytest
from conftest import run

import pactgraph
from pactgraph.errors import RDFSyntaxError, SourceError
from pactgraph.ingest import GENID, canonical_hash, ingest_paths, owned_graphs, prepare
from pactgraph.progress import Progress

TEXT = ("---\ntitle: {title}\ndate: 2021-03-04\n---\n"
        "{a} and {b} signed a Joint Statement on 4 March 2021. They are dedicated to democracy "
        "and will cooperate on maritime security.\n")
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&lol2;</ex:p></rdf:Description>
</rdf:RDF>
"""
RDFXML = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>one</ex:p></rdf:Description>
  <rdf:Description rdf:about="http://example.org/b"><ex:p>two</ex:p></rdf:Description>
</rdf:RDF>
"""


def text(title: str, a: str = "Australia", b: str = "NATO") -> str:
    return TEXT.format(title=title, a=a, b=b)


@pytest.fixture()
def kg(tmp_path):
    with pactgraph.open(tmp_path / "store", write=True) as graph:
        yield graph


def one(kg, path, **options):
    report = ingest_paths(kg.store, [path], **options)
    assert len(report.files) == 1
    return report.files[0]


# -- sniffing and decoding -----------------------------------------------------------------------

BAD_TEXTS = {
    "empty.txt": (b"", "empty", None),
    "blank.txt": (b" \n\t\n", "empty", None),
    "header-only.txt": (b"---\ntitle: T\n---\n\n", "empty", None),
    "nul.txt": (b"Japan and NATO\x00 signed", "binary", None),
    "png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", None),
    "latin1.txt": ("Line one.\nCaf\xe9 in Brussels".encode("latin-1"), "encoding", 2),
    "bad-bom.txt": (b"\xef\xbb\xbfok \xff\xfe", "encoding", 1),
    "odd-utf16.txt": (b"\xff\xfeA\x00B", "encoding", None),
    "page.txt": (b"<!-- saved -->\n<html><body>Japan</body></html>", "html", 1),
    "doctype.txt": (b"  <!DOCTYPE html>\n<p>x</p>", "html", 1),
    "header.txt": (b"---\ntitle: [unclosed\n---\nBody.\n", "header", 3),
    "field.txt": (b"---\ntitle: T\nauthr: X\n---\nBody.\n", "header", 3),
    "unclosed.txt": (b"---\ntitle: T\nBody text\n", "header", 1),
}


@pytest.mark.parametrize("name", sorted(BAD_TEXTS))
def test_bad_texts_are_refused_with_a_reason_and_no_write(kg, tmp_path, name):
    data, reason, line = BAD_TEXTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = canonical_hash(kg.store)
    report = one(kg, path)
    assert (report.status, report.reason) == ("failed", reason), report.message
    assert report.message.startswith(str(path)) and "\n" not in report.message
    if line is not None:
        assert report.line == line
    assert canonical_hash(kg.store) == before


def test_missing_folder_and_too_large(kg, tmp_path, monkeypatch):
    assert one(kg, tmp_path / "nope.txt").reason == "not-found"
    monkeypatch.setattr("pactgraph.sources.MAX_SOURCE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("NATO. " * 50)
    assert one(kg, big).reason == "too-large"


def test_encodings_and_normalization(kg, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Japan and NATO met in Qu\xe9bec.\r\nThey signed a Joint Statement.\r\n".encode("cp1252"))
    assert one(kg, latin).reason == "encoding"
    assert one(kg, latin, encoding="cp1252").status == "ok"
    for name, data in (("utf16.txt", "\ufeffJapan and NATO met.".encode("utf-16")),
                       ("utf8bom.txt", b"\xef\xbb\xbfNATO and Japan met.")):
        (tmp_path / name).write_bytes(data)
        assert one(kg, tmp_path / name).status == "ok"
    messy = tmp_path / "messy.txt"
    messy.write_bytes("Japan and NATO met in Que\u0301bec.\r\nA\x07 bell\x0b and\u2028a break.".encode())
    prepared = prepare(messy)
    quads = list(ox.parse(prepared.nquads, format=ox.RdfFormat.N_QUADS))
    lengths = [int(q.object.value) for q in quads if q.predicate.value.endswith("charLength")]
    assert lengths == [len("Japan and NATO met in Qu\u00e9bec.\nA bell and\na break.")]
    with pytest.raises(SourceError) as info:
        prepare(tmp_path / "missing.txt")
    assert info.value.reason == "not-found"


# -- RDF -------------------------------------------------------------------------------------------


def test_rdfxml_doctype_and_truncation_are_refused(kg, tmp_path):
    before = canonical_hash(kg.store)
    cases = {"bomb.rdf": (BOMB, "doctype"), "cut.rdf": (RDFXML[:-40], "rdf-syntax"),
             "utf16.rdf": (("\ufeff" + BOMB.decode()).encode("utf-16-le"), "doctype"),
             "page.rdf": (b"<html><body>404</body></html>", "html")}
    for name, (data, reason) in cases.items():
        (tmp_path / name).write_bytes(data)
        report = one(kg, tmp_path / name)
        assert (report.status, report.reason) == ("failed", reason), report.message
    cut = one(kg, tmp_path / "cut.rdf")
    assert cut.line is not None and cut.where.startswith(f"{tmp_path / 'cut.rdf'}:")
    assert canonical_hash(kg.store) == before
    (tmp_path / "good.rdf").write_bytes(RDFXML)
    assert one(kg, tmp_path / "good.rdf").quads == 2


def test_syntax_errors_name_line_and_column(kg, tmp_path):
    path = tmp_path / "broken.nq"
    path.write_text('<http://a/s> <http://a/p> "x" <http://a/g> .\n<http://a/s> <http://a/p> "unterminated .\n')
    with pytest.raises(RDFSyntaxError) as info:
        prepare(path)
    assert info.value.reason == "rdf-syntax" and info.value.line == 2
    assert str(info.value).startswith(f"{path}:2:")
    assert one(kg, path).where == f"{path}:2:{info.value.offset}"


def test_jsonld_never_fetches_a_remote_context(kg, tmp_path):
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.end_headers()
            self.wfile.write(b'{"@context": {"name": "http://schema.org/name"}}')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/context.jsonld"
        before = canonical_hash(kg.store)
        for i, context in enumerate((json.dumps(url), json.dumps([url]), json.dumps({"@import": url}))):
            path = tmp_path / f"remote{i}.jsonld"
            path.write_text('{"@context": %s, "@id": "http://example.org/a", "name": "A"}' % context)
            report = one(kg, path)
            assert (report.status, report.reason) == ("failed", "remote-context"), report.message
        assert hits == [] and canonical_hash(kg.store) == before
        inline = tmp_path / "inline.jsonld"
        inline.write_text('{"@context": {"name": "http://schema.org/name"}, "@id": "http://example.org/a", '
                          '"name": "A"}')
        assert one(kg, inline).quads == 1
    finally:
        server.shutdown()


def test_blank_nodes_are_skolemized_and_never_duplicated(kg, tmp_path):
    path = tmp_path / "people.ttl"
    path.write_text("@prefix ex: <http://example.org/> .\n"
                    "ex:a ex:knows [ ex:name \"B\" ; ex:knows _:c ] .\n_:c ex:name \"C\" .\n")
    first = one(kg, path)
    assert first.quads == 4
    count, digest = len(kg.store), canonical_hash(kg.store)
    assert one(kg, path).reason == "unchanged"
    assert one(kg, path, force=True).reason == "replaced"
    assert (len(kg.store), canonical_hash(kg.store)) == (count, digest)
    subjects = {q.subject.value for q in kg.store.db.quads_for_pattern(None, None, None, ox.NamedNode(first.source))}
    assert {s for s in subjects if s.startswith(GENID)} == {GENID + "people/0", GENID + "people/1"}
    assert not any(isinstance(q.subject, ox.BlankNode) for q in kg.store.db.quads_for_pattern(None, None, None))


def test_named_graphs_belong_to_one_source(kg, tmp_path):
    before = canonical_hash(kg.store)
    hijack = tmp_path / "hijack.trig"
    hijack.write_text("<https://w3id.org/pactgraph/graph/meta> { <http://a/s> <http://a/p> <http://a/o> }\n")
    assert one(kg, hijack).reason == "graph-conflict"
    assert canonical_hash(kg.store) == before
    mine = tmp_path / "mine.trig"
    mine.write_text("<http://a/s> <http://a/p> 1 .\n<http://a/g> { <http://a/s> <http://a/p> 2 }\n")
    report = one(kg, mine)
    assert report.status == "ok" and owned_graphs(kg.store, report.source) == ["http://a/g"]
    theirs = tmp_path / "theirs.nq"
    theirs.write_text("<http://a/s> <http://a/p> \"3\" <http://a/g> .\n")
    assert one(kg, theirs).reason == "graph-conflict"
    mine.write_text("<http://a/s> <http://a/p> 1 .\n<http://a/h> { <http://a/s> <http://a/p> 2 }\n")
    assert one(kg, mine).reason == "replaced"
    assert not kg.store.has_graph("http://a/g") and kg.store.has_graph("http://a/h")
    kg.remove("mine")
    assert canonical_hash(kg.store) == before


# -- batches, idempotence, renamed copies --------------------------------------------------------


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "a.txt").write_text(text("A", "Japan", "NATO"))
    (folder / "sub" / "b.txt").write_text(text("B", "Mongolia", "NATO"))
    (folder / "c.ttl").write_text("<http://example.org/c> <http://example.org/p> [ <http://example.org/q> 1 ] .\n")
    (folder / "d.txt").write_bytes(b"\x00\x01binary")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / ".hidden" / "e.txt").write_text(text("E"))
    (folder / ".f.txt").write_text(text("F"))
    return folder


def test_a_batch_goes_on_past_bad_files(kg, corpus):
    report = ingest_paths(kg.store, [corpus, corpus / "missing.txt"])
    got = [(f.path.removeprefix(str(corpus) + "/"), f.status, f.reason) for f in report.files]
    assert got == [("a.txt", "ok", "added"), ("c.ttl", "ok", "added"), ("d.txt", "failed", "binary"),
                   ("notes.pdf", "skipped", "unsupported"), ("sub/b.txt", "ok", "added"),
                   ("missing.txt", "failed", "not-found")]
    assert (report.ok, report.skipped, report.failed) == (3, 1, 2)
    assert "3 ok, 1 skipped, 2 failed" in report.summary()


def test_same_corpus_twice_gives_the_same_hash(tmp_path, corpus):
    digests = []
    for i in range(2):
        with pactgraph.open(tmp_path / f"s{i}", write=True) as graph:
            ingest_paths(graph.store, [corpus])
            first = canonical_hash(graph.store)
            again = ingest_paths(graph.store, [corpus])
            assert {f.reason for f in again.files if f.status == "skipped"} >= {"unchanged"}
            assert again.ok == 0 and canonical_hash(graph.store) == first
            digests.append(first)
    assert digests[0] == digests[1]


def test_renamed_copy_and_same_id(kg, corpus, tmp_path):
    ingest_paths(kg.store, [corpus / "a.txt"])
    before = canonical_hash(kg.store)
    copy = tmp_path / "renamed.txt"
    copy.write_text((corpus / "a.txt").read_text())
    report = one(kg, copy)
    assert (report.status, report.reason) == ("skipped", "duplicate")
    assert "https://w3id.org/pactgraph/id/source/a" in report.message
    assert canonical_hash(kg.store) == before
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text(text("X1"))
    (other / "y.txt").write_text(text("X1"))  # the same content twice in one run
    (tmp_path / "x.txt").write_text(text("X2", "Ghana"))  # the same id as other/x.txt
    report = ingest_paths(kg.store, [other, tmp_path / "x.txt"])
    assert [(f.status, f.reason) for f in report.files] == [("ok", "added"), ("skipped", "duplicate"),
                                                            ("failed", "id-conflict")]


def test_workers_give_the_same_result(tmp_path, corpus):
    for i in range(6):
        (corpus / f"extra{i}.txt").write_text(text(f"Extra {i}", ["Chile", "Peru", "Kenya", "Fiji", "Oman", "Laos"][i]))
    results = []
    for workers in (1, 2):
        with pactgraph.open(tmp_path / f"w{workers}", write=True) as graph:
            report = ingest_paths(graph.store, [corpus], workers=workers)
            results.append(([(f.path, f.status, f.reason, f.quads) for f in report.files], canonical_hash(graph.store)))
    assert results[0] == results[1]


def test_progress_bar_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet, shown = io.StringIO(), Terminal()
    for stream in (quiet, shown):
        bar = Progress(total=3, stream=stream, interval=0)
        for done in (1, 2, 3):
            bar.update(done, 2048, f"file{done}.txt")
        bar.clear()
    assert quiet.getvalue() == ""
    assert "3/3 files" in shown.getvalue() and "files/s" in shown.getvalue() and "ETA" in shown.getvalue()


def test_cli_ingest_report(tmp_path, corpus):
    store = tmp_path / "store"
    result = run("ingest", corpus, "--store", store, ok=False)
    assert result.exit_code == 3
    assert "ok       " in result.stdout and "[binary]" in result.stderr and "[unsupported]" in result.stdout
    assert "error: 1 of 5 file(s) failed" in result.stderr and "Traceback" not in result.output
    result = run("ingest", corpus / "a.txt", corpus / "c.ttl", "--store", store, "--format", "json")
    data = json.loads(result.stdout)
    assert [f["reason"] for f in data["files"]] == ["unchanged", "unchanged"] and data["failed"] == 0
    result = run("ingest", corpus / "d.txt", "--store", store, ok=False)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "binary" in lines[0]


def test_a_text_given_as_a_string_goes_through_the_same_door(tmp_path):
    """``kg.ingest_text`` is committed by the front door's writer: same decisions, same report."""
    with pactgraph.open(tmp_path / "s", write=True) as graph:
        first = graph.ingest_text(text("A note"), name="note.txt")
        assert first.quads > 0 and not first.replaced and first.skipped is None
        assert graph.ingest_text(text("A note"), name="note.txt").replaced  # always extracted again
        clash = tmp_path / "clash.nt"
        clash.write_text('<http://example.org/a> <http://example.org/p> "x" .\n')
        graph.ingest(clash)
        with pytest.raises(SourceError, match="already holds a rdf source"):
            graph.ingest_text(text("Another note"), name="clash.txt")
        assert len(list(graph.store.db.query(
            "SELECT * { GRAPH <https://w3id.org/pactgraph/id/source/clash> { ?s ?p ?o } }"))) == 1
