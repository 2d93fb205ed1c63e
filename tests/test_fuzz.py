"""Property tests (hypothesis) of the extractor, the ingest door, the query guard and
parameter binding, and a differential test of pyoxigraph against rdflib.

The properties are the promises made to a hostile user: whatever the input, the
library raises only its own one-line errors, the store is unchanged by a refused
input, the guarded process survives every query, and a parameter value is one RDF
term that matches only itself.
"""

from __future__ import annotations

import collections
import random
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pactgraph
from pactgraph.errors import PactgraphError, ParameterError, QueryError
from pactgraph.guard import QueryGuard, check_query
from pactgraph.ingest import REASONS, canonical_hash, ingest_paths, prepare
from pactgraph.queries import NamedQuery, bind_params
from pactgraph.sources import source_from_text

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])

WORDS = ["NATO", "Japan", "the European Union", "Mongolia", "signed", "a Joint Declaration", "on 15 April 2013",
         "Prime Minister", "Shinzo Abe", "piracy", "democracy", "cyber defence", "and", "the", ".", ",", "\n",
         "Secretary General", "partnership", "ISAF", "leads", "Brussels", "—", "“", "”", "(", ")", ":", "2014"]
texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join),
)


# -- the extractor -------------------------------------------------------------------------------


@SETTINGS
@given(texts)
def test_extractor_never_breaks_and_quotes_recheck(text):
    from pactgraph.extract import extract

    try:
        source = source_from_text(text, name="fuzz.txt")
    except PactgraphError as exc:
        assert "\n" not in str(exc)
        return
    result = extract(source)
    for statement in result.statements:
        for evidence in statement.evidence:
            assert source.text[evidence.start:evidence.end] == evidence.quote
            assert 0 <= evidence.start < evidence.end <= len(source.text)


# -- the ingest door -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def door_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "store"
    with pactgraph.open(path, write=True) as kg:
        yield kg


RDF_BITS = ["<http://a/s>", "<http://a/p>", '"x"', "_:b", "[", "]", ".", ";", ",", "@prefix", "a:", "<", ">",
            "{", "}", "<rdf:RDF>", "</rdf:RDF>", "<!DOCTYPE x>", '{"@context":', '"@id"', "\n", "\\u00", "^^"]
payloads = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(RDF_BITS), max_size=40).map(" ".join).map(str.encode),
    texts.map(lambda t: t.encode("utf-8")),
    st.text(max_size=200).map(lambda t: t.encode("utf-16")),
)


@SETTINGS
@given(payload=payloads, suffix=st.sampled_from([".txt", ".ttl", ".nt", ".nq", ".trig", ".rdf", ".jsonld", ".md"]))
def test_ingest_door_refuses_cleanly_or_loads(door_store, tmp_path_factory, payload, suffix):
    path = tmp_path_factory.mktemp("in") / f"fuzz{suffix}"
    path.write_bytes(payload)
    try:
        prepare(path)
    except PactgraphError as exc:
        assert exc.reason in REASONS and str(exc).startswith(str(path)) and "\n" not in str(exc)
    before = canonical_hash(door_store.store)
    report = ingest_paths(door_store.store, [path]).files[0]
    assert report.reason in REASONS and "\n" not in report.message
    if report.status != "ok":
        assert canonical_hash(door_store.store) == before  # a refused file writes nothing


# -- the query guard -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guard(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzzguard")
    data = folder / "g.ttl"
    data.write_text('<http://a/s> <http://a/p> "x", "y" ; <http://a/q> <http://a/o> .\n')
    with pactgraph.open(folder / "store", write=True) as kg:
        kg.ingest(data)
    with QueryGuard(folder / "store", timeout=3, max_rows=50, workers=1) as g:
        yield g, folder / "store"


SPARQL_BITS = ["SELECT", "*", "WHERE", "{", "}", "?s", "?p", "?o", ".", "OPTIONAL", "UNION", "FILTER", "(", ")",
               "BIND", "AS", "?x", "<http://a/p>", '"x"', "1", "COUNT", "GROUP BY", "ORDER BY", "LIMIT", "ASK",
               "CONSTRUCT", "DESCRIBE", "SERVICE", "LOAD", "FROM", "NAMED", "<file:///etc/passwd>", "*", "+", "/",
               "|", "^", "!", "&&", "||", "VALUES", "PREFIX", "p:", "BASE", "#", "\n", "'''", "\\", "MINUS", "GRAPH"]
queries = st.one_of(
    st.lists(st.sampled_from(SPARQL_BITS), max_size=40).map(" ".join),
    st.text(max_size=200),
    st.builds(lambda a, b: f"SELECT * WHERE {{ ?s ?p ?o {a} }} {b}", st.text(max_size=40), st.text(max_size=20)),
)


@SETTINGS
@given(queries)
def test_guard_survives_any_query(guard, query):
    g, store = guard
    try:
        check_query(query)
    except QueryError as exc:
        assert "\n" not in str(exc)
    try:
        result = g.run(query, result_format="json")
        assert result.kind in ("select", "ask")
    except QueryError as exc:  # QueryTimeout included
        assert "\n" not in str(exc)
    assert g.run("ASK { ?s ?p ?o }").data.endswith(b"true}")  # the worker pool still answers


# -- parameter binding ---------------------------------------------------------------------------

VALUES = st.one_of(st.text(max_size=60), st.sampled_from([
    'x" } ; DROP ALL ; INSERT DATA { <a> <b> "c', "x' } ; DROP ALL ; #", '"""', "\\", "?o", "<http://a/o>",
    "\x00", "\ud7ff", "}\n} UNION { ?s ?p ?o"]))


@SETTINGS
@given(value=VALUES, other=VALUES)
def test_a_parameter_value_matches_only_itself(value, other):
    assume(value != other)
    named = NamedQuery(name="fuzz", path=Path("fuzz.rq"), text="SELECT ?s ?v WHERE { ?s <http://a/note> ?v }",
                       params=[{"name": "v", "type": "string"}])
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a/one"), ox.NamedNode("http://a/note"), ox.Literal(value)))
    store.add(ox.Quad(ox.NamedNode("http://a/two"), ox.NamedNode("http://a/note"), ox.Literal(other)))
    subs = bind_params(named, {"v": value})
    rows = [r["s"].value for r in store.query(named.text, substitutions=subs)]
    assert rows == ["http://a/one"]
    assert len(store) == 2
    from pactgraph.remote import (
        bind_values,  # the same promise for queries sent to a SPARQL endpoint
    )

    rewritten = bind_values(named.text, {ox.Variable("v"): ox.Literal(value)})
    assert [r["s"].value for r in store.query(rewritten)] == ["http://a/one"]


@SETTINGS
@given(value=VALUES, kind=st.sampled_from(["iri", "concept", "date", "integer", "actor"]))
def test_typed_parameters_refuse_cleanly(value, kind):
    named = NamedQuery(name="fuzz", path=Path("fuzz.rq"), text="SELECT ?v WHERE { ?s ?p ?v }",
                       params=[{"name": "v", "type": kind}])
    try:
        subs = bind_params(named, {"v": value})
    except ParameterError as exc:
        assert "\n" not in str(exc)
        return
    term = subs[ox.Variable("v")]
    assert isinstance(term, (ox.NamedNode, ox.Literal))


# -- differential: pyoxigraph against rdflib -----------------------------------------------------

E = "http://ex.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
NODES = [f"{E}n{i}" for i in range(4)]
GRAPH = "".join(f"<{a}> <{E}p> <{b}> .\n" for a in NODES for b in NODES if a != b) + (  # a complete graph
    f'<{E}n0> <{E}name> "zero" .\n<{E}n1> <{E}name> "one"@en .\n<{E}n2> <{E}v> "2"^^<{XSD}integer> .\n'
    f'<{E}n3> <{E}v> "3.5"^^<{XSD}decimal> .\n<{E}n1> <{E}v> "7"^^<{XSD}integer> .\n')
SUBJECTS = ["?s", "?x", ":n0", ":n2"]
PATHS = [":p", ":name", ":v", "?q", ":p/:p", ":p|:name", "^:p", ":p*", ":p+", ":p?", "(:p/:v)", "!:p"]
OBJECTS = ["?o", "?y", ":n1", '"zero"', "2", "?x"]
FILTERS = ["FILTER(isIRI(?o))", "FILTER(?o != :n1)", "FILTER(BOUND(?y))", "FILTER(?o > 1)",
           "FILTER(lang(?o) = 'en')", "FILTER(STR(?o) < 'o')"]
BINDS = ["BIND(STR(?o) AS ?z)", "BIND(?o + 1 AS ?z)", "BIND(COALESCE(?y, 0) AS ?z)"]
#: Disagreements already known, by the feature of the query that causes them.
KNOWN = {
    "path-multiplicity": "':p*' and ':p+' with a bound end: rdflib returns a node once per path reaching it "
                         "(on the complete graph, COUNT of ':n0 :p* ?o' is 5 with rdflib, 4 with pyoxigraph)",
}


def _group(rng: random.Random, depth: int = 0) -> str:
    parts = [f"{rng.choice(SUBJECTS)} {rng.choice(PATHS)} {rng.choice(OBJECTS)} ." for _ in range(rng.randint(1, 2))]
    if depth < 2:
        roll = rng.random()
        if roll < 0.2:
            parts.append("OPTIONAL { " + _group(rng, depth + 1) + " }")
        elif roll < 0.35:
            parts = ["{ " + " ".join(parts) + " } UNION { " + _group(rng, depth + 1) + " }"]
        elif roll < 0.45:
            parts.append("MINUS { " + _group(rng, depth + 1) + " }")
        elif roll < 0.6:
            parts.append(rng.choice(FILTERS))
        elif roll < 0.7:
            parts.append(rng.choice(BINDS))
    return " ".join(parts)


def generated_queries(n: int, seed: int = 6) -> list[str]:
    rng = random.Random(seed)
    out = [f"PREFIX : <{E}> SELECT (COUNT(*) AS ?n) WHERE {{ :n0 :p* ?o }}"]  # the known case, first
    for _ in range(n):
        head = rng.choice(["SELECT *", "SELECT (COUNT(*) AS ?n)", "SELECT DISTINCT ?s ?o",
                           "SELECT ?o (COUNT(?s) AS ?c)"])
        tail = " GROUP BY ?o" if "?c)" in head else ""
        out.append(f"PREFIX : <{E}> {head} WHERE {{ {_group(rng)} }}{tail}")
    return out


def differences(n: int = 150) -> list[dict]:
    """Run generated queries on both engines over the same graph; the ones whose solutions differ."""
    import rdflib

    store = ox.Store()
    store.load(GRAPH.encode(), format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=GRAPH, format="nt")
    found = []
    for query in generated_queries(n):
        results = store.query(query)
        names = [v.value for v in results.variables]
        ours = collections.Counter(tuple(None if s[v] is None else str(s[v]) for v in names) for s in results)
        try:
            bindings = graph.query(query).bindings
        except Exception as exc:  # noqa: BLE001 - a query rdflib cannot run is a disagreement too
            found.append({"query": query, "kind": f"rdflib error: {type(exc).__name__}"})
            continue
        theirs = collections.Counter(tuple(None if b.get(rdflib.Variable(v)) is None else b[rdflib.Variable(v)].n3()
                                           for v in names) for b in bindings)
        if ours == theirs:
            continue
        where = query.split("WHERE", 1)[1]
        if set(ours) == set(theirs) and ("*" in where or "+" in where) or (
                "COUNT(*)" in query and ":p*" in where and len(ours) == len(theirs) == 1):
            kind = "path-multiplicity"
        elif not ours and theirs and "GROUP BY" in query:
            kind = "rdflib: a group for an empty solution sequence under GROUP BY"
        else:
            kind = "other"
        found.append({"query": query, "kind": kind, "pyoxigraph": sum(ours.values()), "rdflib": sum(theirs.values())})
    return found


def test_differential_pyoxigraph_rdflib():
    found = differences()
    kinds = collections.Counter(d["kind"] for d in found)
    assert found and found[0]["kind"] == "path-multiplicity"  # the known one is seen
    listing = "\n".join(f"  [{d['kind']}] pyoxigraph {d.get('pyoxigraph')} rows, rdflib {d.get('rdflib')}: "
                        f"{d['query'].split('> ', 1)[1]}" for d in found if d["kind"] != "path-multiplicity")
    if listing:
        warnings.warn(f"pyoxigraph and rdflib disagree on {len(found)} of 151 generated queries "
                      f"({dict(kinds)}):\n{listing}", stacklevel=1)
