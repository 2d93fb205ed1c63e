"""The library API: a complete, sorted ``__all__``, docstring examples that run, a thin KnowledgeGraph surface."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys
from types import ModuleType

import pytest

import pactgraph

# Modules whose ``__all__`` this test also holds to sorted order.
SORTED_MODULES = ["pactgraph", "pactgraph.analysis", "pactgraph.cli_analysis", "pactgraph.export",
                  "pactgraph.plot", "pactgraph.projections"]


def public_modules() -> list[str]:
    names = ["pactgraph"]
    for info in pkgutil.walk_packages(pactgraph.__path__, "pactgraph."):
        if not any(part.startswith("_") for part in info.name.split(".")[1:]):
            names.append(info.name)
    return sorted(names)


def test_all_is_complete_and_sorted():
    public = {name for name, value in vars(pactgraph).items()
              if not name.startswith("_") and not isinstance(value, ModuleType) and name != "annotations"}
    assert public <= set(pactgraph.__all__), f"missing from __all__: {sorted(public - set(pactgraph.__all__))}"
    assert all(hasattr(pactgraph, name) for name in pactgraph.__all__)
    assert pactgraph.__all__ == sorted(pactgraph.__all__)


@pytest.mark.parametrize("name", SORTED_MODULES)
def test_module_all_sorted_and_defined(name):
    module = importlib.import_module(name)
    assert module.__all__ == sorted(module.__all__)
    assert all(hasattr(module, item) for item in module.__all__)


@pytest.mark.parametrize("name", public_modules())
def test_every_module_declares_all(name):
    assert "__all__" in vars(importlib.import_module(name)), f"{name} has no __all__"


@pytest.mark.parametrize("name", public_modules())
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(module, name, globs=vars(module).copy())
    for test in tests:
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_knowledge_graph_surface():
    for method in ("ingest", "query", "sparql", "evidence", "to_networkx", "export", "analyze"):
        assert callable(getattr(pactgraph.KnowledgeGraph, method)), method
        assert getattr(pactgraph.KnowledgeGraph, method).__doc__, f"{method} has no docstring"


def test_import_stays_light():
    """``import pactgraph`` (and so ``pactgraph --help``) loads neither networkx nor matplotlib nor rdflib."""
    code = ("import sys, pactgraph, pactgraph.cli; "
            "print(sorted(m for m in ('networkx', 'matplotlib', 'rdflib', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_plot_is_optional_and_draws(tmp_path):
    pytest.importorskip("matplotlib")
    import networkx as nx

    from pactgraph.plot import plot_graph

    G = nx.Graph(projection="actors")
    G.add_node("a", label="Alpha", type="State")
    G.add_node("b", label="Bravo", type="InternationalOrganization")
    G.add_edge("a", "b", weight=1, agreements=["x"])
    png, svg = plot_graph(G, [tmp_path / "g.png", tmp_path / "g.svg"])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and b"<svg" in svg.read_bytes()[:400]
