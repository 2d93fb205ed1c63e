"""The wheel carries the ontology, queries and bundled graph: it works from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_works_outside_the_repository(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("pactgraph-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("pactgraph/_data/ontology/pactgraph.ttl", "pactgraph/_data/ontology/shapes.ttl",
                   "pactgraph/_data/queries/partners-of.rq", "pactgraph/_data/graph/reference/states.csv",
                   "pactgraph/_data/graph/reference/office_holders.csv",
                   "pactgraph/_data/graph/sources/000_742273bc4420d5be.txt"):
        assert needed in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    script = (
        "import json, pactgraph\n"
        "from pactgraph.resources import data_dir\n"
        "kg = pactgraph.open('store', write=True)\n"
        "kg.build()\n"
        "rows = kg.query('agreements-of', actor='Japan')\n"
        "print(json.dumps({'module': pactgraph.__file__, 'data': str(data_dir()), 'labels': [r['label'] for r in rows]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=elsewhere, env=env, check=True,
                         capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["module"].startswith(str(site))
    assert result["data"].startswith(str(site))
    # the seed's declaration, and the well-known agreements of agreements.csv that Japan is a party to
    assert "Joint Political Declaration" in result["labels"] and "Spirit of Camp David" in result["labels"]
    cli = subprocess.run([sys.executable, "-m", "pactgraph", "query", "people-and-posts", "--store", "store"],
                         cwd=elsewhere, env=env, check=True, capture_output=True, text=True).stdout
    assert "Shinzo Abe" in cli
