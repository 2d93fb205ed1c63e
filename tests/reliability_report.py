"""The reliability figures: a hostile user's catalogue of bad files, queries and parameters,
``kill -9`` during ingests and exports, a second writer, and the W3C syntax suites.

Run it from the repository (it takes a few minutes)::

    python tests/reliability_report.py            # prints a Markdown report
    python tests/reliability_report.py --kills 10

Every bad input goes through the real command line in a child process. For each one
it records: did the process crash (killed by a signal, or an internal error, exit 70)?
did the store change (its canonical N-Quads hash, before and after)? was the reason
one line on stderr, with a non-zero exit code?
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CLI = [sys.executable, "-m", "pactgraph"]
BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE z [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns:e="http://e/"><rdf:Description rdf:about="http://a"><e:p>&c;</e:p></rdf:Description></rdf:RDF>\n')
XXE = (b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rdf:RDF '
       b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/"><rdf:Description '
       b'rdf:about="http://a"><e:p>&x;</e:p></rdf:Description></rdf:RDF>\n')
GOOD_XML = (b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            b'xmlns:e="http://e/"><rdf:Description rdf:about="http://a"><e:p>one</e:p></rdf:Description>'
            b'<rdf:Description rdf:about="http://b"><e:p>two</e:p></rdf:Description></rdf:RDF>\n')
TEXT = "---\ntitle: Statement\ndate: 2020-01-02\n---\nJapan and NATO signed a Joint Statement on 2 January 2020.\n"


def bad_files(folder: Path) -> dict[str, Path]:
    """The catalogue of files a hostile user might hand to ``pactgraph ingest``."""
    cases: dict[str, bytes] = {
        "empty.txt": b"", "blank.txt": b"\n \t\n", "bom-only.txt": b"\xef\xbb\xbf",
        "nul.txt": b"Japan and NATO\x00signed.", "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
        "gzip.txt": gzip.compress(TEXT.encode() * 20), "pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "latin1.txt": "Caf\xe9 in Brussels, 2019.".encode("latin-1"),
        "cp1252.txt": "\u201cJapan\u201d and NATO \u2014 partners.".encode("cp1252"),
        "utf16-no-bom.txt": "Japan and NATO".encode("utf-16-le"),
        "cut-utf8.txt": "Japan and NATO met in Qu\u00e9bec".encode()[:-5] + "\u00e9".encode()[:1],
        "bad-after-bom.txt": b"\xef\xbb\xbfJapan \xff and NATO",
        "html.txt": b"<!DOCTYPE html>\n<html><body>Japan and NATO</body></html>",
        "html-comment.txt": b"<!-- saved from url -->\n<html><head></head></html>",
        "header-yaml.txt": b"---\ntitle: [unclosed\n---\nBody.\n", "header-open.txt": b"---\ntitle: T\nBody.\n",
        "header-field.txt": b"---\ntitel: T\n---\nBody.\n", "header-date.txt": b"---\ndate: 31/12/2020\n---\nBody.\n",
        "header-list.txt": b"---\ntitle: [a, b]\n---\nBody.\n", "header-only.txt": b"---\ntitle: T\n---\n",
        "empty.ttl": b"", "syntax.ttl": b"@prefix e: <http://e/> .\ne:a e:b e:c e:d .\n",
        "cut.ttl": b"@prefix e: <http://e/> .\ne:a e:b \"unterminated",
        "cut.nt": b"<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> <http://e/",
        "relative.nt": b"<a> <b> <c> .\n", "binary.nt": bytes(range(256)),
        "cut.rdf": GOOD_XML[:-30], "bomb.rdf": BOMB, "xxe.rdf": XXE,
        "bomb-utf16.rdf": "\ufeff".encode("utf-16-le") + BOMB.decode().encode("utf-16-le"),
        "page.rdf": b"<html><body>404 Not Found</body></html>",
        "remote.jsonld": b'{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://a", "name": "x"}',
        "import.jsonld": b'{"@context": {"@import": "http://127.0.0.1:9/c"}, "@id": "http://a"}',
        "broken.jsonld": b'{"@id": "http://a", "http://e/p": ',
        "deep.jsonld": b'{"@id": "http://a", "http://e/p": ' + b"[" * 100_000 + b"1" + b"]" * 100_000 + b"}",
        "hijack.trig": b"<https://w3id.org/pactgraph/graph/ontology> { <http://e/a> <http://e/b> <http://e/c> }\n",
        "meta.nq": b"<http://e/a> <http://e/b> <http://e/c> <https://w3id.org/pactgraph/graph/meta> .\n",
    }
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, data in cases.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    huge = folder / "huge.txt"
    with open(huge, "wb") as handle:  # a sparse file over the 20 MB limit for a text
        handle.truncate(21 * 1024 * 1024)
    out["huge.txt"] = huge
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    out["pipe.txt (a named pipe)"] = fifo
    odd = folder / "new\nline.txt"
    odd.write_bytes(b"\x00")
    out["file name with a newline"] = odd
    out["missing.txt"] = folder / "missing.txt"
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("a.txt", TEXT)
    (folder / "archive.ttl").write_bytes(zipped.getvalue())
    out["archive.ttl"] = folder / "archive.ttl"
    return out


BAD_QUERIES = {
    "syntax error": "SELEC * WHERE { ?s ?p ?o }",
    "unclosed brace": "SELECT * WHERE { ?s ?p ?o",
    "update DROP ALL": "DROP ALL",
    "update INSERT": "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
    "update CLEAR": "CLEAR DEFAULT",
    "SERVICE": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SERVICE SILENT": "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "LOAD": "LOAD <http://127.0.0.1:9/data.ttl>",
    "FROM file": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "FROM NAMED file": "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "BASE + relative FROM": "BASE <file:///etc/> SELECT * FROM <passwd> WHERE { ?s ?p ?o }",
    "FROM external": "SELECT * FROM <http://127.0.0.1:9/graph> WHERE { ?s ?p ?o }",
    "deep parentheses": "SELECT (" + "(" * 100_000 + "1" + ")" * 100_000 + " AS ?x) {}",
    "deep braces": "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
    "long NOT chain": "SELECT (" + "!" * 20_000 + "true AS ?x) {}",
    "long + chain": "SELECT (" + "1+" * 20_000 + "1 AS ?x) {}",
    "many BINDs": "SELECT * {" + " ".join(f"BIND({i} AS ?v{i})" for i in range(5000)) + "}",
    "many UNIONs": "SELECT * {" + " UNION ".join("{ ?s ?p ?o }" for _ in range(5000)) + "}",
    "huge query": "SELECT * WHERE { ?s ?p ?o } # " + "x" * 300_000,
    "runaway join": ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . "
                     "?p ?q ?r . ?s ?t ?u . ?v ?w ?x }"),
    "runaway path": "SELECT (COUNT(*) AS ?n) WHERE { ?a (<http://x>|!<http://x>)* ?b . ?c ?d ?e . ?f ?g ?h }",
}
BAD_PARAMS = [
    ("unknown query", ["query", "partners-off"]),
    ("unknown parameter", ["query", "partners-of", "--param", "actr=Japan"]),
    ("missing parameter", ["query", "partners-of"]),
    ("unknown actor", ["query", "partners-of", "--param", "actor=Atlantis"]),
    ("injection in actor", ["query", "partners-of", "--param", 'actor=x" } ; DROP ALL ; INSERT DATA { <a> <b> "c']),
    ("IRI injection", ["query", "partners-of", "--param", "actor=http://x> } ; DROP ALL ; #"]),
    ("no '='", ["query", "partners-of", "--param", "actor"]),
    ("bad --max-rows", ["sparql", "ASK {}", "--max-rows", "-1"]),
    ("bad --timeout", ["sparql", "ASK {}", "--timeout", "0"]),
    ("query file missing", ["sparql", "missing-query.rq"]),
]


def store_hash(store: Path) -> str:
    import pactgraph
    from pactgraph.ingest import canonical_hash

    with pactgraph.open(store) as kg:
        return canonical_hash(kg.store)


class Tally:
    def __init__(self):
        self.rows: list[tuple] = []

    def check(self, group: str, name: str, args: list, store: Path, timeout: float = 120) -> None:
        before = store_hash(store)
        started = time.monotonic()
        try:
            result = subprocess.run([*CLI, *map(str, args), "--store", str(store)], capture_output=True, text=True,
                                    timeout=timeout)
            code, err = result.returncode, result.stderr
        except subprocess.TimeoutExpired:
            code, err = None, "hung"
        seconds = time.monotonic() - started
        lines = [ln for ln in (err or "").splitlines() if ln.strip()]
        crashed = code is None or code < 0 or code == 70 or "Traceback" in err
        self.rows.append((group, name, code, crashed, store_hash(store) != before,
                          len(lines) == 1 and lines[0].startswith("error: ") and code not in (0, None),
                          lines[-1] if lines else "", seconds))

    def table(self) -> str:
        out = ["| input | exit | crash | store changed | one-line reason | message |", "|---|---|---|---|---|---|"]
        for group, name, code, crashed, changed, one_line, message, _ in self.rows:
            shown = message if len(message) < 110 else message[:107] + "…"
            out.append(f"| {group}: {name} | {code} | {'YES' if crashed else 'no'} | {'YES' if changed else 'no'} "
                       f"| {'yes' if one_line else 'NO'} | `{shown.replace('|', '/')}` |")
        return "\n".join(out)


def kill_cycles(tmp: Path, kills: int) -> dict:
    """``kill -9`` an ingest and an export at random points; count partial graphs and truncated files."""
    from test_crash import graphs_by_source, kill_when

    from pactgraph.synthetic import write_corpus

    corpus = tmp / "kill-corpus"
    write_corpus(corpus, 80, seed=5)
    (corpus / "facts.jsonl").unlink()
    clean = tmp / "kill-clean"
    subprocess.run([*CLI, "ingest", str(corpus), "--store", str(clean)], check=True, capture_output=True)
    clean_graphs, clean_hash = graphs_by_source(clean), store_hash(clean)
    store, rng = tmp / "kill-store", random.Random(42)
    partial = reported_missing = done = 0
    for i in range(kills):
        log = tmp / f"kill{i}.txt"
        with open(log, "w") as out:
            proc = subprocess.Popen([*CLI, "ingest", str(corpus), "--store", str(store), "--workers",
                                     str(1 + i % 2)], stdout=out, stderr=subprocess.DEVNULL)
            target = rng.randint(1, 78)  # kill once this many files were reported (a random point)
            done += kill_when(proc, lambda: log.read_text().count("\n") >= target)
        if (store / "CURRENT").exists():
            now = graphs_by_source(store)
            partial += sum(1 for g, d in now.items() if "graph/meta" not in g and clean_graphs.get(g) != d)
            reported = [ln.split()[3] for ln in log.read_text().splitlines() if ln.startswith("ok ")]
            reported_missing += sum(1 for s in reported if f"<{s}>" not in now)
    subprocess.run([*CLI, "ingest", str(corpus), "--store", str(store)], check=True, capture_output=True)
    converged = store_hash(store) == clean_hash
    export, truncated, export_kills = tmp / "export.nq", 0, 0
    subprocess.run([*CLI, "export", "nquads", "-o", str(export), "--store", str(clean)], check=True,
                   capture_output=True)
    complete = export.read_bytes()
    for _ in range(max(kills // 2, 1)):
        proc = subprocess.Popen([*CLI, "export", "nquads", "-o", str(export), "--store", str(clean)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        export_kills += kill_when(proc, lambda: any(p.name.startswith(".export.nq.") for p in tmp.iterdir()))
        truncated += export.read_bytes() != complete
    return {"ingest kills": done, "partial graphs": partial, "reported but missing": reported_missing,
            "rerun converged": converged, "export kills": export_kills, "truncated exports": truncated}


def second_writer(tmp: Path) -> tuple[int, str, float]:
    import pactgraph

    store = tmp / "locked"
    pactgraph.open(store, write=True).close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, pactgraph\n"
                               f"kg = pactgraph.open({str(store)!r}, write=True)\nprint('ready', flush=True)\n"
                               "sys.stdin.read()\n"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    (tmp / "w.txt").write_text(TEXT)
    started = time.monotonic()
    result = subprocess.run([*CLI, "ingest", str(tmp / "w.txt"), "--store", str(store)], capture_output=True,
                            text=True)
    seconds = time.monotonic() - started
    holder.stdin.close()
    holder.wait()
    return result.returncode, result.stderr.strip(), seconds


def w3c_figures(tmp: Path) -> dict:
    from test_w3c import ROOT, query_cases, rdf_cases

    import pactgraph
    from pactgraph.errors import QueryError
    from pactgraph.guard import QueryGuard
    from pactgraph.ingest import canonical_hash, ingest_paths

    if not (ROOT / "rdf").is_dir():
        return {}
    store = tmp / "w3c"
    with pactgraph.open(store, write=True) as kg:
        before = canonical_hash(kg.store)
        negatives = rdf_cases(negative=True)
        report = ingest_paths(kg.store, negatives)
        rejected = report.failed
        unchanged = canonical_hash(kg.store) == before
    valid = invalid = valid_ok = invalid_refused = 0
    with QueryGuard(store, allow_service=True, workers=2) as guard:
        for kind, path in query_cases():
            try:
                guard.run(path.read_text(encoding="utf-8"))
                accepted = True
            except QueryError as exc:
                accepted = not str(exc).startswith(("invalid SPARQL", "query refused"))
            if kind.startswith("Positive"):
                valid += 1
                valid_ok += accepted
            else:
                invalid += 1
                invalid_refused += not accepted
    return {"negatives": len(negatives), "rejected": rejected, "unchanged": unchanged, "valid": valid,
            "valid_ok": valid_ok, "invalid": invalid, "invalid_refused": invalid_refused,
            "positives": len(rdf_cases(negative=False))}


def main() -> None:
    parser = argparse.ArgumentParser(description="Print pactgraph's reliability figures (Markdown).")
    parser.add_argument("--kills", type=int, default=6, help="kill -9 cycles during ingests")
    args = parser.parse_args()
    import pactgraph

    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="pactgraph-reliability-") as name:
        tmp = Path(name)
        store = tmp / "store"
        subprocess.run([*CLI, "build", "--store", str(store)], check=True, capture_output=True)
        for label, path in bad_files(tmp / "bad").items():
            tally.check("file", label, ["ingest", path], store)
        for label, query in BAD_QUERIES.items():
            path = tmp / f"q-{abs(hash(label))}.rq"
            path.write_text(query, encoding="utf-8")
            tally.check("query", label, ["sparql", path, "--timeout", "3"], store)
        (tmp / "nul.rq").write_bytes(b"SELECT * WHERE { ?s ?p \x00 }")
        tally.check("query", "NUL byte", ["sparql", tmp / "nul.rq"], store)
        (tmp / "latin1.rq").write_bytes("SELECT * WHERE { ?s ?p 'Caf\xe9' }".encode("latin-1"))
        tally.check("query", "query file not UTF-8", ["sparql", tmp / "latin1.rq"], store)
        for label, argv in BAD_PARAMS:
            tally.check("parameter", label, argv, store)
        cut = subprocess.run([*CLI, "sparql", "SELECT * WHERE { ?s ?p ?o }", "--max-rows", "5", "--store",
                              str(store), "--format", "csv"], capture_output=True, text=True)
        lock_code, lock_message, lock_seconds = second_writer(tmp)
        kills = kill_cycles(tmp, args.kills)
        w3c = w3c_figures(tmp)
    rows = tally.rows
    crashes = sum(1 for r in rows if r[3])
    changed = sum(1 for r in rows if r[4])
    one_line = sum(1 for r in rows if r[5])
    print(f"## Reliability figures (pactgraph {pactgraph.__version__}, {time.strftime('%Y-%m-%d')})\n")
    print(f"- Bad inputs tried through the command line: **{len(rows)}** "
          f"({sum(r[0] == 'file' for r in rows)} files, {sum(r[0] == 'query' for r in rows)} queries, "
          f"{sum(r[0] == 'parameter' for r in rows)} parameters)")
    print(f"- Process crashes (signal, internal error or traceback): **{crashes}**")
    print(f"- Partial writes (store hash changed by a rejected input): **{changed}**")
    print(f"- Rejections with a one-line reason and a non-zero exit code: **{one_line} of {len(rows)}**")
    print(f"- Row cap: `--max-rows 5` printed 5 rows and `{cut.stderr.strip()}`")
    print(f"- Second writer: exit code {lock_code}, `{lock_message}`, after {lock_seconds:.2f} s "
          "(including Python start-up)")
    print(f"- kill -9 during ingest: {kills['ingest kills']} kills, **{kills['partial graphs']}** partial source "
          f"graphs, {kills['reported but missing']} reported-but-missing sources, rerun converged to the clean "
          f"run's hash: {'yes' if kills['rerun converged'] else 'NO'}")
    print(f"- kill -9 during export (while the temporary file was being written): {kills['export kills']} kills, "
          f"**{kills['truncated exports']}** truncated files")
    if w3c:
        print(f"- W3C RDF 1.1 negative syntax files rejected through the ingest door: **{w3c['rejected']} of "
              f"{w3c['negatives']}**, store unchanged: {'yes' if w3c['unchanged'] else 'NO'}")
        print(f"- W3C positive syntax and evaluation files: {w3c['positives']} (all load, except the 4 zero-byte "
              "files, refused as empty by design; see tests/test_w3c.py)")
        print(f"- SPARQL 1.1 query-syntax suite through the guard: valid accepted **{w3c['valid_ok']} of "
              f"{w3c['valid']}**, invalid refused **{w3c['invalid_refused']} of {w3c['invalid']}**")
    print("\n<details><summary>Every input and its outcome</summary>\n")
    print(tally.table())
    print("\n</details>")


if __name__ == "__main__":
    main()
