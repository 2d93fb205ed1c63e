"""The released graph: every graph of a built store as sorted N-Quads (a diff shows what changed).

``pactgraph build --release graph/pactgraph.nq`` writes it; a test checks that the
committed file equals what a build produces.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .files import atomic_write
from .store import META_GRAPH

__all__ = ["release_lines", "write_release"]


def release_lines(kg) -> list[str]:
    """Sorted N-Quads lines of all graphs except the store's bookkeeping graph."""
    lines = set()
    for quad in kg.store.db.quads_for_pattern(None, None, None):
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value == META_GRAPH:
            continue
        lines.add(f"{quad.subject} {quad.predicate} {quad.object} {quad.graph_name} .".replace(" <DEFAULT> .", " ."))
    return sorted(lines)


def write_release(kg, path: str | Path) -> int:
    """Write the release file atomically; return its number of quads."""
    lines = release_lines(kg)
    with atomic_write(Path(path)) as handle:
        handle.write("\n".join(lines) + "\n")
    return len(lines)
