"""The N-Quads written for an extracted text: literals escaped so that they parse back unchanged."""

from __future__ import annotations

import pyoxigraph as ox

from pactgraph.extract import extract
from pactgraph.rdfmap import _lit, extraction_nquads, extraction_quads
from pactgraph.sources import source_from_text


def test_string_literals_round_trip_through_the_parser():
    for value in ['plain', 'a "quoted" word', 'back\\slash', 'two\nlines\r\n', 'tab\there', 'bell\x07 and \x7f',
                  'form\x0cfeed\x08', 'non-ASCII: Türkiye, Côte d’Ivoire, 日本', '']:
        line = f"<http://a/s> <http://a/p> {_lit(value)} <http://a/g> .\n"
        (quad,) = ox.parse(line.encode(), format=ox.RdfFormat.N_QUADS)
        assert quad.object.value == value


def test_a_quote_with_quotation_marks_and_line_breaks_is_stored_exactly():
    body = ('The ministers said: "We will stand together."\nNATO and Japan signed a Joint Political Declaration '
            'today.')
    extraction = extract(source_from_text(f"---\ndate: 2013-04-15\n---\n{body}", name="quotes.txt"))
    data = extraction_nquads(extraction, "test")
    lines = data.decode().splitlines()
    assert len(lines) == len(set(lines)) and all(line.endswith(" .") for line in lines)
    quads = extraction_quads(extraction, "test")
    assert len(quads) == len(lines)
    text = extraction.source.text
    wanted = {"quote": str, "charStart": int, "charEnd": int}
    spans: dict[str, dict] = {}
    for q in quads:
        name = q.predicate.value.rsplit("#", 1)[-1]
        if name in wanted:
            spans.setdefault(q.subject.value, {})[name] = wanted[name](q.object.value)
    assert spans and all(text[s["charStart"]:s["charEnd"]] == s["quote"] for s in spans.values())
