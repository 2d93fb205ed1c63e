"""The released graph in graph/pactgraph.nq is what `pactgraph build` produces today."""

from __future__ import annotations

import pactgraph
from pactgraph.release import release_lines

from conftest import ROOT


def test_release_is_up_to_date(built_store):
    committed = (ROOT / "graph" / "pactgraph.nq").read_text(encoding="utf-8").splitlines()
    with pactgraph.open(built_store) as kg:
        built = release_lines(kg)
    missing, extra = sorted(set(built) - set(committed)), sorted(set(committed) - set(built))
    assert not missing and not extra, (
        f"graph/pactgraph.nq is stale ({len(missing)} quads missing, {len(extra)} extra); "
        "regenerate it with: pactgraph build --store /tmp/release-store --release graph/pactgraph.nq")
    assert committed == built  # sorted, no duplicates
