"""The named queries are plain SPARQL 1.1: rdflib's engine gives the same answers.

Researchers run the files in ``queries/`` on other engines too. rdflib is the one a
Python user reaches for, and it has a known gap: ``GROUP_CONCAT(DISTINCT ?x)`` raises
``NotBoundError`` when ``?x`` comes from an ``OPTIONAL`` that did not match (rdflib
issues 882 and 2229). The queries aggregate ``STR(?x)`` instead, which means the same
on every engine; this test keeps them portable.
"""

from __future__ import annotations

import pytest

from pactgraph.namespaces import PREFIXES
from pactgraph.queries import bind_params, list_queries, rdflib_query

QUERIES = list_queries()

# rdflib evaluates a subquery inside OPTIONAL with the outer row's bindings already set,
# where SPARQL evaluates it on its own and joins after. partners-of counts quotes with
# such a subquery, so rdflib also counts the quotes that name the actor's own party.
RDFLIB_DIFFERS = {("partners-of", "quotes")}


@pytest.fixture(scope="module")
def engines(built_store):
    """The built seed graph on raw pyoxigraph and in an rdflib Dataset (union default graph)."""
    import pyoxigraph as ox
    import rdflib

    db = ox.Store.read_only(str(built_store))
    dump = db.dump(format=ox.RdfFormat.N_QUADS)
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=dump.decode(), format="nquads")
    yield db, dataset
    del db


@pytest.mark.parametrize("named", QUERIES, ids=[q.name for q in QUERIES])
def test_rdflib_gives_the_same_rows(engines, named):
    db, dataset = engines
    bound = bind_params(named, named.example)
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    ours = db.query(prologue + named.text, substitutions=bound, use_default_graph_as_union=True)
    names = [v.value for v in ours.variables]
    keep = [i for i, name in enumerate(names) if (named.name, name) not in RDFLIB_DIFFERS]
    expected = sorted(_row([None if v is None else v.value for v in row], keep) for row in ours)

    prepared, bindings = rdflib_query(named, named.example)
    rows = dataset.query(prepared, initBindings=bindings)
    got = sorted(_row([None if v is None else str(v) for v in row], keep) for row in rows)
    assert got == expected
    assert expected, f"{named.name}: the seed graph should answer its example"


def _row(values: list, keep: list[int]) -> tuple:
    """Comparable cells: GROUP_CONCAT lists sorted (their order is unspecified), unbound as ''."""
    return tuple("; ".join(sorted(values[i].split("; "))) if values[i] else "" for i in keep)


def test_partners_of_lists_agreements_beside_a_stated_partnership(kg):
    """NATO is Japan's partner both by pact:partnerOf and by the 2013 declaration.

    An aggregate over such a group once mixed rows with and without an agreement name,
    which SPARQL makes an error: the answer lost every agreement name.
    """
    rows = {row["label"]: row for row in kg.query("partners-of", actor="Japan")}
    assert set(rows) == {"NATO", "European Union", "Australia"}
    assert rows["NATO"]["agreements"] == "NATO-Japan Joint Political Declaration"
    assert int(rows["NATO"]["quotes"]) == 2  # the party quote naming NATO, the partnership quote
    assert rows["Australia"]["agreements"] == "Joint Declaration on Security Cooperation"
    assert rows["European Union"]["agreements"] == "EU-Japan Strategic Partnership Agreement"
