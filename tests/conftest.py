"""Shared fixtures: a store built once per session from the bundled graph."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph.cli import main

# The store/kg/actors fixtures of the hand-written partnership graph (analysis and export tests).
pytest_plugins = ["partnership_graph"]

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "graph" / "sources" / "000_742273bc4420d5be.txt"


def devset_sample(folder: Path, count: int) -> Path:
    """Copy the first ``count`` texts of tests/devset, with their gold files, into ``folder`` (for training tests)."""
    import shutil

    for text in sorted((Path(__file__).parent / "devset").glob("*.txt"))[:count]:
        shutil.copy(text, folder / text.name)
        shutil.copy(text.with_name(text.name[:-4] + ".expected.json"), folder)
    return folder


def run(*args: str, ok: bool = True):
    """Run the CLI in-process; assert success unless ``ok`` is False."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output + (result.stderr if hasattr(result, "stderr") else "")
    return result


def sparql_json(store: Path, query: str) -> list[dict]:
    """Rows of a SELECT run through ``pactgraph sparql --format json``, as {var: value}."""
    out = run("sparql", "--store", store, "--format", "json", query).stdout
    data = json.loads(out)
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


def store_digest(store: Path) -> str:
    """A hash of the store's content (sorted N-Quads), to prove a command changed nothing."""
    import pyoxigraph as ox

    db = ox.Store.read_only(str(store))
    lines = sorted(f"{q.subject} {q.predicate} {q.object} {q.graph_name}" for q in db.quads_for_pattern(None, None, None))
    del db
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def refused_build(tmp_path: Path, monkeypatch, folder: Path) -> str:
    """Build a store, then build it again from the reference ``folder``; check the second build fails with one
    ``error:`` line and no traceback and leaves the store's content as it was, and return that line."""
    import pactgraph.resources
    from pactgraph.reference import load_register

    store = tmp_path / "store"
    run("build", "--store", store)
    before = store_digest(store)
    monkeypatch.setattr(pactgraph.resources, "reference_dir", lambda: folder)
    load_register.cache_clear()
    try:
        result = run("build", "--store", store, ok=False)
    finally:
        load_register.cache_clear()
    assert result.exit_code != 0 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert store_digest(store) == before
    return errors[0]


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("built") / "store"
    run("build", "--store", store)
    return store


@pytest.fixture()
def fresh_store(tmp_path) -> Path:
    store = tmp_path / "store"
    run("build", "--store", store)
    return store
