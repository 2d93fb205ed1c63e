"""The synthetic data generators: deterministic, shaped like the real graph, and with facts extraction recovers."""

from __future__ import annotations

import json
from collections import Counter

import pyoxigraph as ox
import pytest

from pactgraph.extract import extract
from pactgraph.namespaces import ID, PACT, RDF
from pactgraph.sources import source_from_text
from pactgraph.synthetic import (
    AGREEMENT_KINDS,
    GENRES,
    format_size,
    graph_cache_key,
    parse_size,
    synthetic_corpus,
    synthetic_document,
    write_corpus,
    write_graph,
)


# -- texts ---------------------------------------------------------------------------------


def test_documents_are_deterministic_and_independent():
    first = [d.text for d in synthetic_corpus(8, seed=3)]
    again = [d.text for d in synthetic_corpus(8, seed=3)]
    assert first == again
    assert synthetic_document(5, seed=3).text == first[5]  # each document stands alone
    assert [d.text for d in synthetic_corpus(8, seed=4)] != first
    assert len(set(first)) == 8


def test_every_genre_appears_with_its_header():
    docs = list(synthetic_corpus(8))
    assert {d.facts["genre"] for d in docs} == set(GENRES)
    for doc in docs:
        source = source_from_text(doc.text, name=doc.name)
        assert source.metadata["genre"] == doc.facts["genre"]
        assert source.metadata["date"] == doc.facts["date"]
        assert 1500 < len(doc.text.encode()) < 8000


def test_facts_use_register_keys_and_vocabulary():
    from pactgraph.reference import load_register
    from pactgraph.vocab import load_concepts

    register = load_register()
    concepts = {c.key for c in load_concepts()}
    for doc in synthetic_corpus(12, seed=1):
        agreement = doc.facts["agreement"]
        assert 2 <= len(agreement["parties"]) <= 5
        assert len(set(agreement["parties"])) == len(agreement["parties"])
        assert all(p in register.entities for p in agreement["parties"])
        assert agreement["kind"] in set(AGREEMENT_KINDS.values()) | {"JointStatement"}
        assert doc.facts["place"] in register.entities
        for kind in ("values", "challenges", "areas"):
            assert doc.facts[kind] and set(doc.facts[kind]) <= concepts


def test_filler_sentences_name_nothing():
    """The neutral sentences that lengthen the texts must not add actors, places or concepts."""
    from pactgraph.synthetic import _FILLER

    text = "---\ntitle: Notes\n---\n" + "\n\n".join(_FILLER)
    result = extract(source_from_text(text, name="filler.txt"))
    assert result.entities == {}
    assert not [s for s in result.statements if s.predicate.startswith(PACT)]


@pytest.fixture(scope="module")
def extracted():
    docs = list(synthetic_corpus(24, seed=2))
    return [(doc, extract(source_from_text(doc.text, name=doc.name))) for doc in docs]


def test_known_facts_are_recovered_by_extraction(extracted):
    """The agreement each text concludes (its kind and date), its parties, the concepts and the people it
    names are found. Extraction rules evolve, so parties, concepts and people are scored by recall."""
    found = Counter()
    total = Counter()
    for doc, result in extracted:
        facts = doc.facts
        wanted = facts["agreement"]
        matches = [a for a in result.agreements if a.kind == wanted["kind"] and a.date == wanted["date"]]
        total["agreement"] += 1
        found["agreement"] += bool(matches)
        parties = set().union(*(set(a.parties) for a in matches)) if matches else set()
        total["party"] += len(wanted["parties"])
        found["party"] += sum(ID + p in parties for p in wanted["parties"])
        objects = {s.obj for s in result.statements if isinstance(s.obj, str)}
        for key in facts["values"] + facts["challenges"] + facts["areas"]:
            total["concept"] += 1
            found["concept"] += ID + key in objects
        names = {p.name for p in result.persons.values()}
        for person in facts["persons"]:
            total["person"] += 1
            found["person"] += person["name"] in names or " ".join(person["name"].split()[::-1]) in names
    recall = {k: found[k] / total[k] for k in total}
    assert recall["agreement"] == 1.0, recall
    assert recall["party"] >= 0.9, recall
    assert recall["concept"] >= 0.95, recall
    assert recall["person"] >= 0.9, recall


def test_write_corpus_writes_files_and_facts(tmp_path):
    info = write_corpus(tmp_path / "corpus", 6, seed=9)
    assert [p.name for p in info.paths] == [f"synthetic-{i:06d}.txt" for i in range(6)]
    assert info.bytes == sum(p.stat().st_size for p in info.paths)
    rows = [json.loads(line) for line in info.facts.read_text().splitlines()]
    assert [r["file"] for r in rows] == [p.name for p in info.paths]
    assert rows[2]["agreement"] == synthetic_document(2, seed=9).facts["agreement"]
    before = info.paths[0].stat().st_mtime_ns
    write_corpus(tmp_path / "corpus", 6, seed=9)  # same content: files are left alone
    assert info.paths[0].stat().st_mtime_ns == before


# -- graphs --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "g.nq"
    info = write_graph(path, "30k", seed=1)
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    return path, info, quads


def test_graph_is_deterministic(graph, tmp_path):
    path, info, _ = graph
    again = write_graph(tmp_path / "again.nq", "30k", seed=1)
    assert (tmp_path / "again.nq").read_bytes() == path.read_bytes()
    assert again.quads == info.quads
    assert write_graph(tmp_path / "other.nq", "30k", seed=2).path.read_bytes() != path.read_bytes()


def test_graph_size_counts_and_sidecar(graph):
    path, info, quads = graph
    assert info.quads == len(quads) == len(set(quads))  # every line a distinct, valid quad
    assert 30_000 <= info.quads < 31_000  # whole sources only: past the target by less than one
    meta = json.loads(path.with_name(path.name + ".json").read_text())
    assert meta["quads"] == info.quads and meta["sources"] == info.sources and meta["target"] == 30_000


def test_graph_has_the_shape_of_the_real_one(graph):
    _, info, quads = graph
    graphs = Counter(q.graph_name.value for q in quads)
    shared = {"https://w3id.org/pactgraph/graph/ontology", "https://w3id.org/pactgraph/graph/vocabularies",
              "https://w3id.org/pactgraph/graph/reference"}
    assert shared <= set(graphs)
    sources = {g for g in graphs if g.startswith(ID + "source/")}
    assert len(sources) == info.sources  # one named graph per source
    in_sources = [q for q in quads if q.graph_name.value in sources]
    typed = {(q.subject.value, q.object.value) for q in in_sources if q.predicate.value == RDF + "type"}
    agreements = {s for s, o in typed if o == PACT + "Agreement"}
    assert len(agreements) == info.agreements
    parties = Counter(q.subject.value for q in in_sources if q.predicate.value == PACT + "party")
    assert agreements == set(parties) and min(parties.values()) >= 2 and max(parties.values()) <= 5
    evidence = {s for s, o in typed if o == PACT + "Evidence"}
    assert len(evidence) == info.evidence
    described = {q.subject.value for q in quads if q.predicate.value == RDF + "subject"}
    assert described == evidence
    # every evidence node lives in its source's graph and cites that source
    for q in quads:
        if q.predicate.value == "http://www.w3.org/ns/prov#wasDerivedFrom" and q.subject.value in evidence:
            assert q.object.value == q.graph_name.value
    # actors come from the register, with their labels and Wikidata links in each source graph
    actors = {q.object.value for q in quads if q.predicate.value == PACT + "party"}
    labelled = {q.subject.value for q in quads if q.predicate.value.endswith("#label")}
    assert actors <= labelled
    assert sum(1 for s, o in typed if o == PACT + "Evidence") / len(in_sources) > 0.05  # the register is shared
    assert any(q.predicate.value == PACT + "affirmsValue" for q in quads)
    assert any(q.predicate.value == PACT + "signatory" for q in quads)


def test_graph_loads_and_answers_named_queries(graph, tmp_path):
    import pactgraph
    from pactgraph.bulk import bulk_ingest_rdf

    path, info, _ = graph
    kg = pactgraph.open(tmp_path / "store", write=True)
    result = bulk_ingest_rdf(kg, path)
    assert result.quads == info.quads
    assert kg.query("agreements-by-year")
    assert kg.query("challenges-of", actor="Japan") or kg.query("challenges-of", actor="NATO")
    kg.close()


def test_sizes_parse_and_format():
    assert parse_size("100k") == 100_000 and parse_size("10M") == 10_000_000 and parse_size(" 2.5m ") == 2_500_000
    assert format_size(10_000_000) == "10M" and format_size(30_000) == "30k"
    with pytest.raises(ValueError):
        parse_size("lots")
    assert graph_cache_key("1M").startswith("synthetic-1M-s0-v")
