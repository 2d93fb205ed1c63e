"""Extraction as a Spark job (local[2]) gives the same quads as a local ingest of the same texts.

Needs pyspark and Java 17+; skipped otherwise.
"""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'pactgraph[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (17 or later) on PATH", allow_module_level=True)

import pyoxigraph as ox  # noqa: E402

import pactgraph  # noqa: E402
from pactgraph.ingest import canonical_hash  # noqa: E402
from pactgraph.spark import extract, ingest_with_spark, local_session, part_files  # noqa: E402
from pactgraph.synthetic import write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    session = local_session("local[2]", "pactgraph-test", spark_sql_shuffle_partitions="2")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    info = write_corpus(folder, 10, seed=11)
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # binary: refused, as the front door does
    (folder / "empty.txt").write_bytes(b"")
    return info


def _source_lines(db: ox.Store) -> list[str]:
    return sorted(f"{q.subject} {q.predicate} {q.object} {q.graph_name} ."
                  for q in db.quads_for_pattern(None, None, None, None)
                  if q.graph_name.value.startswith("https://w3id.org/pactgraph/id/source/"))


def test_partitions_equal_local_ingest(spark, corpus, tmp_path):
    out = tmp_path / "nquads"
    report = extract(spark, [corpus.folder], out)
    assert report.count("ok") == 10 and report.count("failed") == 2
    failed = {f.path.rsplit("/", 1)[-1]: f.reason for f in report.files if f.status == "failed"}
    assert set(failed) == {"broken.txt", "empty.txt"}
    parts = part_files(out)
    assert len(parts) >= 2 and (out / "_SUCCESS").exists()
    lines = sorted(line for part in parts for line in part.read_text(encoding="utf-8").splitlines() if line)
    graphs_by_part = [{line.rsplit(" ", 2)[-2] for line in p.read_text().splitlines() if line} for p in parts]
    assert all(a.isdisjoint(b) for i, a in enumerate(graphs_by_part) for b in graphs_by_part[i + 1:])

    local = pactgraph.open(tmp_path / "local", write=True)
    local_report = local.ingest_paths([str(p) for p in corpus.paths])
    assert local_report.ok == 10
    expected = _source_lines(local.store.db)
    # the partitions hold, line for line, what the local ingest stored (its store reads them back the same)
    loaded = ox.Store()
    for part in parts:
        loaded.bulk_load(path=str(part), format=ox.RdfFormat.N_QUADS)
    assert _source_lines(loaded) == expected
    assert len(lines) == len(expected) == report.quads
    assert {f.source for f in report.files if f.status == "ok"} == \
        {r.source for r in local_report.files if r.status == "ok"}
    local.close()


def test_ingest_with_spark_matches_local_store(spark, corpus, tmp_path):
    local = pactgraph.open(tmp_path / "local", write=True)
    local.ingest_paths([str(p) for p in corpus.paths])
    remote = pactgraph.open(tmp_path / "spark", write=True)
    report = ingest_with_spark(remote, [str(p) for p in corpus.paths], spark=spark)
    assert report.count("ok") == 10
    assert canonical_hash(remote.store) == canonical_hash(local.store)
    again = ingest_with_spark(remote, [str(p) for p in corpus.paths], spark=spark)
    assert {f.reason for f in again.files} == {"unchanged"}  # as 'pactgraph ingest' skips known content
    assert canonical_hash(remote.store) == canonical_hash(local.store)
    local.close()
    remote.close()


def test_existing_output_folder_is_refused(spark, corpus, tmp_path):
    from pactgraph.errors import ParameterError

    (tmp_path / "out").mkdir()
    with pytest.raises(ParameterError, match="already exists"):
        extract(spark, [corpus.folder], tmp_path / "out")
    with pytest.raises(ParameterError, match="no such file"):
        extract(spark, [tmp_path / "missing"], tmp_path / "out2")
