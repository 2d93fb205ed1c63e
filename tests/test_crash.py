"""Crash safety: ``kill -9`` during an ingest or an export, and a second writer.

Each test runs the real command line in a child process and kills it with SIGKILL
at chosen points; the store must then hold exactly the sources it had committed
(every source graph complete, none half-written), a rerun must converge to the
result of a clean run, and exported files must be either the old or the new
version, never a truncated one.
"""

from __future__ import annotations

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
from pactgraph.ingest import canonical_hash

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "pactgraph"]


def pactgraph_cmd(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=300, **kwargs)


def graphs_by_source(store: Path) -> dict[str, str]:
    """``{graph: digest of its sorted quads}`` of every graph in ``store`` (opened read-only)."""
    db = ox.Store.read_only(str(store))
    lines: dict[str, list[str]] = {}
    for q in db.quads_for_pattern(None, None, None, None):
        lines.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object}")
    del db
    import hashlib

    return {g: hashlib.sha256("\n".join(sorted(v)).encode()).hexdigest() for g, v in lines.items()}


def store_hash(store: Path) -> str:
    with pactgraph.open(store) as kg:
        return canonical_hash(kg.store)


def kill_when(proc: subprocess.Popen, ready, limit: float = 120.0) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()`` is true; False if it ended first."""
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.002)
    proc.wait()
    return False


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from pactgraph.synthetic import write_corpus

    folder = tmp_path_factory.mktemp("crash") / "corpus"
    write_corpus(folder, 60, seed=11)
    (folder / "facts.jsonl").unlink()
    big = folder / "zz-big.nt"  # a large RDF file: one bulk load of its own
    with open(big, "w", encoding="utf-8") as handle:
        handle.writelines(f'<http://example.org/s{i % 5000}> <http://example.org/p{i % 7}> "value {i}" .\n' for i in range(80_000))
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> tuple[Path, str, dict]:
    store = tmp_path_factory.mktemp("clean") / "store"
    result = pactgraph_cmd("ingest", corpus, "--store", store)
    assert result.returncode == 0, result.stderr
    return store, store_hash(store), graphs_by_source(store)


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_during_ingest_keeps_whole_sources_and_rerun_converges(corpus, clean, tmp_path, workers):
    _, clean_hash, clean_graphs = clean
    rng = random.Random(workers)
    store = tmp_path / "store"
    kills = 0
    attempts = 3 if workers == 1 else 1
    for attempt in range(attempts):
        log = tmp_path / f"out{attempt}.txt"
        with open(log, "w") as out:
            proc = subprocess.Popen([*CLI, "ingest", str(corpus), "--store", str(store), "--workers", str(workers)],
                                    stdout=out, stderr=subprocess.DEVNULL)
            target = rng.randint(1, 50) if attempt < 2 else 59  # the third kill lands near the big file
            started = time.monotonic()
            kills += kill_when(proc, lambda: log.read_text().count("\n") >= target or
                               (attempt == 2 and time.monotonic() - started > 60))
        reported = [line.split()[3] for line in log.read_text().splitlines() if line.startswith("ok ")]
        if not (store / "CURRENT").exists():
            continue
        now = graphs_by_source(store)
        for graph, digest in now.items():  # nothing half-written: every graph is the clean run's graph
            if graph != "<https://w3id.org/pactgraph/graph/meta>":
                assert clean_graphs.get(graph) == digest, f"partial graph {graph} after kill {attempt}"
        for source in reported:  # success was reported only for what was committed
            assert f"<{source}>" in now, f"{source} was reported ok but is not in the store"
    assert kills >= attempts - 1
    result = pactgraph_cmd("ingest", corpus, "--store", store, "--workers", workers)
    assert result.returncode == 0, result.stderr
    assert store_hash(store) == clean_hash


def test_kill_during_export_leaves_old_or_new_file(clean, tmp_path):
    store, _, _ = clean
    target = tmp_path / "graph.nq"
    first = pactgraph_cmd("export", "nquads", "-o", target, "--store", store)
    assert first.returncode == 0, first.stderr
    complete = target.read_bytes()
    target.write_bytes(b"# an older export\n")
    old = target.read_bytes()
    for _ in range(2):
        proc = subprocess.Popen([*CLI, "export", "nquads", "-o", str(target), "--store", str(store)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kill_when(proc, lambda: any(p.name.startswith(".graph.nq.") for p in tmp_path.iterdir()))
        assert target.read_bytes() in (old, complete)  # never a truncated file under the final name
        for leftover in tmp_path.glob(".graph.nq.*"):
            leftover.unlink()
    assert pactgraph_cmd("export", "nquads", "-o", target, "--store", store).returncode == 0
    assert target.read_bytes() == complete


def test_kill_during_release_write(tmp_path):
    store, release = tmp_path / "store", tmp_path / "release.nq"
    assert pactgraph_cmd("build", "--store", store, "--release", release).returncode == 0
    complete = release.read_bytes()
    proc = subprocess.Popen([*CLI, "build", "--store", str(store), "--release", str(release)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when(proc, lambda: any(p.name.startswith(".release.nq.") for p in tmp_path.iterdir()))
    assert release.read_bytes() == complete


def test_second_writer_is_told_the_store_is_locked(tmp_path):
    store = tmp_path / "store"
    pactgraph.open(store, write=True).close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time, pactgraph\n"
                               f"kg = pactgraph.open({str(store)!r}, write=True)\n"
                               "print('ready', flush=True)\nsys.stdin.read()\n"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        text = tmp_path / "a.txt"
        text.write_text("Japan and NATO signed a Joint Statement.")
        for args in (("ingest", text), ("remove", "a"), ("build",)):
            result = pactgraph_cmd(*args, "--store", store)
            assert result.returncode == 8, result.stderr
            assert result.stderr.strip() == f"error: store {store} is locked by another process"
    finally:
        holder.stdin.close()
        holder.wait(30)
    assert pactgraph_cmd("ingest", text, "--store", store).returncode == 0
