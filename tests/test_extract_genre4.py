"""Extraction rules added after the fourth held-out set (names with particles and Westminster-style
forms of address, contributors listed in apposition). Each test runs invented sentences, not the
texts of the gold sets, through :func:`pactgraph.extract.extract`.
"""

from __future__ import annotations

from extract_helpers import run, triples

from pactgraph.namespaces import ID, PACT

CONTRIB = PACT + "contributesTo"


def posts(result) -> set[tuple[str, str, str]]:
    names = {p.iri: p.name for p in result.persons.values()}
    return {(names[p.holder], p.title, (p.organization or "").removeprefix(ID)) for p in result.positions}


def test_a_run_of_particles_stays_in_the_name():
    result = run("The President of the European Commission, Anna van der Berg, and the Secretary General of "
                 "NATO, Olaf Lind, met today.")
    assert ("Anna van der Berg", "President", "org/european-commission") in posts(result)
    assert ("Olaf Lind", "Secretary General", "org/nato") in posts(result)


def test_the_hon_and_post_nominal_letters_are_not_part_of_the_name():
    result = run("The Minister for Defence of Australia, the Hon Tom Reid MP, opened the exercise.")
    assert ("Tom Reid", "Minister for Defence", "state/aus") in posts(result)
    assert {p.name for p in result.persons.values()} == {"Tom Reid"}


def test_contributing_countries_listed_in_apposition():
    result = run("ATMIS will draw down next year. The Chairperson thanked the troop- and police-contributing "
                 "countries, Burundi, Kenya and Uganda, as well as Ghana, for their sacrifices.")
    found = triples(result, CONTRIB)
    assert {("state/bdi", "mission/atmis"), ("state/ken", "mission/atmis"), ("state/uga", "mission/atmis"),
            ("state/gha", "mission/atmis")} <= found


def test_apposition_must_start_with_a_state():
    result = run("ATMIS will draw down next year. The Chairperson thanked the troop-contributing countries, "
                 "the Commission and Kenya for the progress made.")
    assert not {s for s, o in triples(result, CONTRIB) if o == "mission/atmis"}
