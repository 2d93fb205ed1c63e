"""The command line: every verb on the built store, and every bad input refused cleanly."""

from __future__ import annotations

import json

import pytest

from conftest import SEED, run, sparql_json, store_digest


def test_query_list_and_examples(built_store):
    listing = run("query", "--list").stdout
    assert "partners-of" in listing and "--param actor=<actor>" in listing
    out = run("query", "--examples", "--store", built_store).stdout
    assert "Joint Political Declaration" in out and "Shinzo Abe" in out


def test_named_query_json(built_store):
    out = run("query", "partners-of", "--param", "actor=Q17", "--store", built_store, "--format", "json").stdout
    rows = json.loads(out)["results"]["bindings"]
    assert any(r["label"]["value"] == "NATO" for r in rows)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "table"])
def test_sparql_formats(built_store, fmt):
    out = run("sparql", "--store", built_store, "--format", fmt, "SELECT ?l WHERE { ?s a pact:Source ; rdfs:label ?l }").stdout
    assert "NATO and Japan sign" in out


def test_sparql_construct_turtle(built_store):
    out = run("sparql", "--store", built_store, "--format", "turtle",
              "CONSTRUCT { ?a pact:party ?p } WHERE { ?a pact:party ?p }").stdout
    assert "pact:party" in out


def test_stats_and_evidence(built_store):
    out = run("stats", "--store", built_store, "--format", "json").stdout
    stats = json.loads(out)[0]
    assert stats["sources"] == 1 and stats["agreements"] == 1 and stats["persons"] == 2
    out = run("evidence", "NATO", "Japan", "--store", built_store, "--format", "json").stdout
    rows = json.loads(out)
    assert any("between Japan and NATO" in r["quote"] for r in rows)
    out = run("evidence", "NATO", "--predicate", "leads", "--store", built_store).stdout
    assert "NATO is leading the ISAF mission" in out


def test_validate_conforms(built_store):
    result = run("validate", "--store", built_store)
    assert "conforms" in result.stdout


def test_extract_formats(tmp_path):
    data = json.loads(run("extract", SEED).stdout)
    assert {a["wikidata"] for a in data["actors"]} >= {"Q7184", "Q17", "Q1065", "Q889"}
    assert data["agreements"][0]["parties"] == ["NATO", "Japan"]
    for fmt, marker in (("nquads", "<https://w3id.org/pactgraph/id/source/"), ("trig", "pact:"), ("turtle", "pact:Evidence")):
        assert marker in run("extract", SEED, "--format", fmt).stdout


def test_ingest_replace_and_remove(fresh_store, tmp_path):
    text = tmp_path / "statement.txt"
    text.write_text("---\ntitle: Test statement\ndate: 2020-05-01\n---\n"
                    "Australia and NATO signed a Joint Statement on 1 May 2020. They are dedicated to democracy.\n",
                    encoding="utf-8")
    before = store_digest(fresh_store)
    assert "added" in run("ingest", text, "--store", fresh_store).stdout
    rows = sparql_json(fresh_store, "SELECT DISTINCT ?a WHERE { GRAPH <https://w3id.org/pactgraph/id/source/statement> { ?a a pact:JointStatement } }")
    assert len(rows) == 1
    text.write_text("---\ntitle: Test statement\ndate: 2020-05-01\n---\nMongolia and NATO signed a Joint Statement.\n", encoding="utf-8")
    assert "replaced" in run("ingest", text, "--store", fresh_store).stdout
    labels = {r["l"] for r in sparql_json(fresh_store, "SELECT ?l WHERE { GRAPH <https://w3id.org/pactgraph/id/source/statement> { ?x a pact:State ; rdfs:label ?l } }")}
    assert labels == {"Mongolia"}
    run("remove", "statement", "--store", fresh_store)
    assert store_digest(fresh_store) == before


BAD_INPUTS = {
    "empty": (b"", "file is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    "latin1": ("Caf\xe9 in Brussels".encode("latin-1"), "not valid UTF-8"),
    "header": (b"---\ntitle: [unclosed\n---\nBody text.\n", "malformed metadata header"),
    "unknown-field": (b"---\ntitle: T\nauthr: X\n---\nBody text.\n", "unknown header field 'authr'"),
    "bad-date": (b"---\ntitle: T\ndate: 15/04/2013\n---\nBody.\n", "must be YYYY-MM-DD"),
    "unclosed": (b"---\ntitle: T\nBody text without end of header\n", "never closed"),
    "html": (b"<!DOCTYPE html><html><body>x</body></html>", "looks like HTML"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_source_files(fresh_store, tmp_path, case):
    data, message = BAD_INPUTS[case]
    path = tmp_path / f"{case}.txt"
    path.write_bytes(data)
    before = store_digest(fresh_store)
    for args in (("ingest", path, "--store", fresh_store), ("extract", path)):
        result = run(*args, ok=False)
        assert result.exit_code != 0
        assert message in result.stderr and str(path) in result.stderr
        assert "Traceback" not in result.output
        first = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert first, result.stderr
    assert store_digest(fresh_store) == before


def test_missing_file(fresh_store, tmp_path):
    before = store_digest(fresh_store)
    result = run("ingest", tmp_path / "nope.txt", "--store", fresh_store, ok=False)
    assert result.exit_code != 0 and "no such file" in result.stderr
    assert store_digest(fresh_store) == before


@pytest.mark.parametrize("args,message", [
    (("sparql", "SELEC ?x WHERE { ?x ?y ?z }"), "invalid SPARQL"),
    (("query", "partners-off"), "unknown query 'partners-off'"),
    (("query", "partners-of", "--param", "actr=Japan"), "has no parameter 'actr'"),
    (("query", "partners-of"), "needs parameter 'actor'"),
    (("query", "partners-of", "--param", "actor=Atlantis"), "unknown actor 'Atlantis'"),
    (("query", "partners-of", "--param", "actor"), "expected NAME=VALUE"),
    (("remove", "no-such-source"), "no source 'no-such-source'"),
    (("evidence", "NATO", "--predicate", "x y"), ""),
])
def test_bad_queries_and_parameters(fresh_store, args, message):
    before = store_digest(fresh_store)
    result = run(*args, "--store", fresh_store, ok=False)
    if message:
        assert result.exit_code != 0
        assert message in result.stderr
        assert len([ln for ln in result.stderr.splitlines() if ln.strip()]) == 1
    assert "Traceback" not in result.output
    assert store_digest(fresh_store) == before


@pytest.mark.parametrize("args,message", [
    (("query", "partners-of", "--format", "yaml"), "Invalid value for '--format'"),
    (("ingest", "--no-such-option"), "No such option"),
    (("remove",), "Missing argument"),
    (("no-such-command",), "No such command 'no-such-command'"),
])
def test_usage_errors_are_one_line_and_leave_the_store(fresh_store, args, message):
    before = store_digest(fresh_store)
    result = run(*args, "--store", fresh_store, ok=False)
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0] and "--help" in lines[0]
    assert store_digest(fresh_store) == before


def test_missing_store(tmp_path):
    result = run("sparql", "--store", tmp_path / "nothing", "ASK { ?s ?p ?o }", ok=False)
    assert result.exit_code != 0 and "no store at" in result.stderr


def test_not_a_store(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    result = run("sparql", "--store", folder, "ASK { ?s ?p ?o }", ok=False)
    assert result.exit_code != 0 and "not a pactgraph store" in result.stderr


def test_store_from_env(built_store, monkeypatch):
    monkeypatch.setenv("PACTGRAPH_STORE", str(built_store))
    assert "sources" in run("stats").stdout
