"""Bulk loading of RDF files: same meaning as the front door's graphs, streaming, nothing written on bad input."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import pactgraph
from pactgraph.bulk import bulk_ingest_rdf, scan_rdf
from pactgraph.errors import RDFSyntaxError, StoreError

SRC = "https://w3id.org/pactgraph/id/source/"


def _graph(kg, name: str) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object}"
            for q in kg.store.db.quads_for_pattern(None, None, None, ox.NamedNode(name))}


def test_default_graph_goes_to_the_file_source_and_named_graphs_keep_their_names(tmp_path):
    path = tmp_path / "Mixed File.nq"
    path.write_text('<http://e.org/a> <http://e.org/p> "1" .\n'
                    f'<http://e.org/b> <http://e.org/p> "2" <{SRC}other> .\n', encoding="utf-8")
    assert scan_rdf(path) == (2, {f"{SRC}other"}, True)
    kg = pactgraph.open(tmp_path / "store", write=True)
    result = bulk_ingest_rdf(kg, path)
    assert result.quads == 2 and not result.replaced
    assert _graph(kg, f"{SRC}mixed-file") == {'<http://e.org/a> <http://e.org/p> "1"'}
    assert _graph(kg, f"{SRC}other") == {'<http://e.org/b> <http://e.org/p> "2"'}
    kg.close()


def test_loading_again_replaces_the_graphs(tmp_path):
    path = tmp_path / "data.nt"
    path.write_text('<http://e.org/a> <http://e.org/p> "old" .\n', encoding="utf-8")
    kg = pactgraph.open(tmp_path / "store", write=True)
    bulk_ingest_rdf(kg, path)
    path.write_text('<http://e.org/a> <http://e.org/p> "new" .\n', encoding="utf-8")
    assert bulk_ingest_rdf(kg, path).replaced
    assert _graph(kg, f"{SRC}data") == {'<http://e.org/a> <http://e.org/p> "new"'}
    kg.close()


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b'<http://e.org/a> <http://e.org/p> "1" .\n<http://e.org/a> <http://e.org/p> "2\n', "truncated.nt"),
])
def test_bad_files_write_nothing(tmp_path, content, message):
    kg = pactgraph.open(tmp_path / "store", write=True)
    before = len(kg.store)
    path = tmp_path / "truncated.nt"
    path.write_bytes(content)
    with pytest.raises(RDFSyntaxError, match=message):
        bulk_ingest_rdf(kg, path)
    assert len(kg.store) == before
    kg.close()


def test_read_only_store_is_refused(tmp_path):
    pactgraph.open(tmp_path / "store", write=True).close()
    path = tmp_path / "a.nt"
    path.write_text('<http://e.org/a> <http://e.org/p> "1" .\n', encoding="utf-8")
    kg = pactgraph.open(tmp_path / "store")
    with pytest.raises(StoreError, match="read-only"):
        bulk_ingest_rdf(kg, path)
    kg.close()
