"""The released graph: every graph of a built store as sorted N-Quads (a diff shows what changed)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

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
    """Write the release file atomically (temp file, then rename); return its number of quads."""
    path = Path(path)
    lines = release_lines(kg)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(lines)
