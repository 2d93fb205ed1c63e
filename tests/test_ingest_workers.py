"""Extraction lanes: this process plus worker processes, in order, surviving crashes and hangs.

The crash and hang cases need a worker that misbehaves on a given file. A
``sitecustomize`` module on the workers' ``PYTHONPATH`` wraps
``pactgraph.sources.source_from_text`` in those processes only: a file whose name
contains ``crash-always`` kills its worker, ``crash-once`` kills it the first time
only (a marker file remembers), and ``hang`` sleeps far past the timeout.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import pactgraph
from pactgraph import ingest
from pactgraph.ingest import FileReport, Prepared, ingest_paths

BODY = ("---\ntitle: {title}\ndate: 2022-05-06\n---\n"
        "Japan and {partner} signed a Joint Statement on 6 May 2022. Both sides will cooperate "
        "on maritime security and cyber defence.\n")
PARTNERS = ["Australia", "NATO", "India", "Canada", "Chile", "Kenya", "Norway", "Poland"]

SITECUSTOMIZE = textwrap.dedent('''
    import os
    import time
    from pathlib import Path

    import pactgraph.sources as _sources

    _original = _sources.source_from_text

    def source_from_text(text, name="<text>", metadata=None):
        base = Path(name).name  # the file's own name (the test folder's name says "hanging")
        if "crash-always" in base:
            os._exit(3)
        if "crash-once" in base:
            marker = Path(name + ".crashed")
            if not marker.exists():
                marker.write_text("x")
                os._exit(3)
        if "hang" in base:
            time.sleep(60)
        return _original(text, name, metadata)

    _sources.source_from_text = source_from_text
''')


@pytest.fixture()
def misbehaving_workers(tmp_path, monkeypatch):
    """Worker processes started from here on load the misbehaving ``sitecustomize``."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    monkeypatch.setenv("PYTHONPATH", str(site))


def corpus(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, name in enumerate(names):
        path = folder / f"{i:02d}-{name}.txt"
        path.write_text(BODY.format(title=name, partner=PARTNERS[i % len(PARTNERS)]))
        paths.append(str(path))
    return paths


def outcomes(results) -> list[tuple[str, str]]:
    out = []
    for path, result in results:
        status = result.reason if isinstance(result, FileReport) else "prepared"
        out.append((Path(path).name, status))
        assert isinstance(result, (FileReport, Prepared))
    return out


def test_a_worker_that_always_crashes_fails_only_its_file(tmp_path, misbehaving_workers):
    paths = corpus(tmp_path / "c", ["a", "b", "crash-always", "c", "d"])
    got = outcomes(ingest._parallel(paths, 2, {}, None, local=False))
    assert [name for name, _ in got] == [Path(p).name for p in paths]  # input order kept
    assert dict(got) == {"00-a.txt": "prepared", "01-b.txt": "prepared", "02-crash-always.txt": "worker-crashed",
                         "03-c.txt": "prepared", "04-d.txt": "prepared"}


def test_a_file_that_crashes_once_succeeds_on_the_retry(tmp_path, misbehaving_workers):
    paths = corpus(tmp_path / "c", ["a", "crash-once", "b"])
    got = dict(outcomes(ingest._parallel(paths, 2, {}, None, local=False)))
    assert got == {"00-a.txt": "prepared", "01-crash-once.txt": "prepared", "02-b.txt": "prepared"}
    assert Path(paths[1] + ".crashed").exists()  # it did crash the first time


def test_a_hanging_file_times_out_and_the_run_goes_on(tmp_path, misbehaving_workers, monkeypatch):
    monkeypatch.setattr(ingest, "FILE_TIMEOUT", 3.0)
    paths = corpus(tmp_path / "c", ["a", "hang", "b"])
    got = dict(outcomes(ingest._parallel(paths, 1, {}, None, local=False)))
    assert got == {"00-a.txt": "prepared", "01-hang.txt": "timeout", "02-b.txt": "prepared"}


@pytest.mark.parametrize("workers", [2, 3])
def test_lanes_give_the_store_a_single_process_gives(tmp_path, workers):
    paths = corpus(tmp_path / "c", [f"doc{i}" for i in range(12)])
    hashes = {}
    for n in (1, workers):
        with pactgraph.open(tmp_path / f"s{n}", write=True) as graph:
            report = ingest_paths(graph.store, paths, workers=n)
            assert report.ok == len(paths), report.summary()
            assert [Path(f.path).name for f in report.files] == [Path(p).name for p in paths]
            hashes[n] = ingest.canonical_hash(graph.store)
    assert hashes[1] == hashes[workers]
