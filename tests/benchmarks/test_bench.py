"""The benchmark command runs end to end on tiny data, and its report reads right.

These check the machinery only: no figure measured here is asserted against a target.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from pactgraph.bench import Row, Stat, fit_growth, render_markdown, render_table
from pactgraph.cli import main


def test_bench_command_on_tiny_data(tmp_path):
    out_json, out_md = tmp_path / "bench.json", tmp_path / "bench.md"
    result = CliRunner().invoke(main, [
        "bench", "--sizes", "8k,16k", "--docs", "4", "--rounds", "1", "--workers", "1", "--timeout", "10",
        "--queries", "agreements-by-year,challenges-of", "--rdflib-max", "8k", "--data-dir", str(tmp_path / "data"),
        "--json", str(out_json), "--markdown", str(out_md), "--quiet",
    ], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(out_json.read_text())
    groups = {row["group"] for row in report["rows"]}
    assert {"startup", "text-ingest", "rdf-ingest", "query-raw", "query-rdflib", "projection"} <= groups
    names = {(row["name"], row["size"]) for row in report["rows"]}
    assert ("query challenges-of", "16k") in names and ("RDF ingest (bulk_ingest_rdf)", "8k") in names
    for row in report["rows"]:
        if row["group"] in ("rdf-ingest", "query-raw") and row["name"] != "RDF ingest (KnowledgeGraph.ingest, .nt)":
            assert row["value"]["median"] and row["baseline"]["median"], row
    assert not [r for r in report["rows"] if r["group"] == "query-rdflib" and r["size"] == "16k"]  # over --rdflib-max
    assert {g["operation"] for g in report["growth"]} >= {"RDF ingest (bulk_ingest_rdf)", "query challenges-of"}
    assert "| operation |" in out_md.read_text()
    assert "query challenges-of" in result.output and "growth with size" in result.output
    assert report["environment"]["versions"]["pyoxigraph"]


def test_bad_sizes_are_refused():
    result = CliRunner().invoke(main, ["bench", "--sizes", "lots"])
    assert result.exit_code == 2 and "--sizes" in result.output
    result = CliRunner().invoke(main, ["bench", "--queries", "no-such-query", "--sizes", "1k"])
    assert result.exit_code == 2 and "unknown query" in result.output


def test_growth_fit_recovers_exponents():
    rows = []
    for n, label in ((100_000, "100k"), (1_000_000, "1M"), (10_000_000, "10M")):
        rows.append(Row("rdf-ingest", "ingest", label, "triples/s", Stat(median=200_000.0, rss_mb=500.0)))
        rows.append(Row("query-raw", "query q", label, "ms", Stat(median=n / 1000 * (n / 1e6) ** 0.5 or 1,
                                                                  rss_mb=100.0)))
    fits = {g["operation"]: g for g in fit_growth(rows)}
    assert fits["ingest"]["time_exponent"] == 1.0  # a constant rate is linear time
    assert fits["ingest"]["memory_exponent"] == 0.0
    assert fits["query q"]["time_exponent"] == 1.5


def test_ratios_targets_and_rendering():
    rate = Row("rdf-ingest", "ingest", "1M", "triples/s", Stat.of([90.0, 100.0, 110.0], 900),
               "bulk_load", Stat.of([100.0], 800), "rate", 0.8)
    assert rate.ratio == 1.0 and rate.meets is True
    slow = Row("query-raw", "query q", "1M", "ms", Stat.of([12.0]), "raw", Stat.of([10.0]), "time", 1.1)
    assert abs(slow.ratio - 1.2) < 1e-9 and slow.meets is False
    capped = Row("query-rdflib", "query q", "1M", "ms", Stat.of([50.0]), "rdflib", Stat(note=">20 s"), "speedup", 20)
    assert capped.ratio is None and capped.speedup_bound == 400 and capped.meets is True
    from pactgraph.bench import BenchReport

    report = BenchReport("pactgraph bench", {}, {"versions": {}}, [rate, slow, capped])
    table = render_table(report)
    assert "100 [90–110] triples/s" in table and "1.20×" in table and "> 400.0× faster" in table
    assert render_markdown(report).count("\n|") >= 4
