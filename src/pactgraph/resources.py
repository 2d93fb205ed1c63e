"""Where the ontology, named queries and bundled graph live.

In a wheel they are installed inside the package (``pactgraph/_data``); in a
source checkout (including an editable install) they are the top-level
``ontology/``, ``queries/`` and ``graph/`` folders of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["data_dir", "graph_dir", "ontology_dir", "queries_dir", "reference_dir", "sources_dir"]

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    """Return the folder holding ``ontology/``, ``queries/`` and ``graph/``."""
    bundled = _PACKAGE / "_data"
    if (bundled / "ontology").is_dir():
        return bundled
    checkout = _PACKAGE.parents[1]
    if (checkout / "ontology").is_dir():
        return checkout
    raise FileNotFoundError(f"pactgraph data not found in {bundled} or {checkout}")


def ontology_dir() -> Path:
    """Return the folder of ``pactgraph.ttl``, ``shapes.ttl`` and ``vocabularies/``."""
    return data_dir() / "ontology"


def queries_dir() -> Path:
    """Return the folder of the named SPARQL queries."""
    return data_dir() / "queries"


def graph_dir() -> Path:
    """Return the folder of the bundled graph (reference tables and sources)."""
    return data_dir() / "graph"


def reference_dir() -> Path:
    """Return the folder of the curated reference tables."""
    return graph_dir() / "reference"


def sources_dir() -> Path:
    """Return the folder of the bundled source texts."""
    return graph_dir() / "sources"
