"""Layout that is not language (pactgraph.extract.layout): soft line breaks and typographic spaces read as spaces,
quotes still the source's."""

from __future__ import annotations

import textwrap

import pytest
from extract_helpers import agreement_parties, run

from pactgraph.extract.layout import for_tokens, kept_characters, recased, unwrap, wrap_width

_PARAGRAPHS = [
    "1. The Prime Minister of Japan, Mr KISHIDA Fumio, visited Manila today for talks with the President of the "
    "Philippines, Ferdinand R. Marcos Jr., who received him at Malacañang Palace with the Secretary of Foreign "
    "Affairs and the Secretary of National Defense.",
    "2. In the presence of the two leaders, the Foreign Minister of Japan and the Secretary of National Defense of "
    "the Philippines signed the Reciprocal Access Agreement, which will allow the forces of each country to train "
    "on the territory of the other under agreed rules.",
    "3. The two leaders welcomed the Memorandum of Understanding on defence cooperation that the defence ministries "
    "of Japan and the Philippines signed in Tokyo in 2015, and resolved to hold a first joint exercise next year.",
]
_META = dict(title="Joint Statement on the visit of the Prime Minister of Japan to the Philippines",
             publisher="Ministry of Foreign Affairs of Japan", date="2024-07-08", genre="joint-statement")


def _wrapped(width: int) -> str:
    return "\n\n".join("\n".join(textwrap.wrap(p, width, break_on_hyphens=False)) for p in _PARAGRAPHS)


@pytest.mark.parametrize("width", [60, 72, 80, 100])
def test_a_wrapped_text_is_unwrapped_character_for_character(width):
    text = _wrapped(width)
    assert wrap_width(text.split("\n")) is not None
    flat = unwrap(text)
    assert len(flat) == len(text)
    assert flat == "\n\n".join(_PARAGRAPHS)


def test_a_text_of_paragraph_lines_is_left_as_it_is():
    text = "Joint Statement\n\n" + "\n\n".join(_PARAGRAPHS)
    assert wrap_width(text.split("\n")) is None
    assert unwrap(text) == text


@pytest.mark.parametrize("block", [
    # signatories, one per line, of lengths like those of wrapped lines
    "Lars Løkke Rasmussen, Minister for Foreign Affairs of Denmark\nMargus Tsahkna, Minister of Foreign Affairs of "
    "Estonia\nElina Valtonen, Minister for Foreign Affairs of Finland\nKęstutis Budrys, Minister of Foreign Affairs "
    "of Lithuania",
    # list items, a table written as text, a speaker's label
    "- the Agreement on the Transfer of Defence Equipment and Technology, signed in Manila\n- the Memorandum",
    "Partner | ACSA | Information Security Agreement | Reciprocal Access Agreement\nAustralia | 2017 | 2012 | 2022",
    "and the question that the members of the committee put to the Minister of Defence was\nQ: When will it enter",
])
def test_lists_tables_and_labels_keep_their_line_breaks(block):
    text = _wrapped(60) + "\n\n" + block
    flat = unwrap(text)
    assert flat[-len(block):] == block
    assert flat[:-len(block)] == "\n\n".join(_PARAGRAPHS) + "\n\n"


def test_a_wrapped_text_yields_what_its_paragraphs_yield_with_quotes_from_the_source():
    flat, wrapped = run("\n\n".join(_PARAGRAPHS), **_META), run(_wrapped(72), **_META)
    assert agreement_parties(wrapped) == agreement_parties(flat)
    assert agreement_parties(wrapped)["Reciprocal Access Agreement"] == ["state/jpn", "state/phl"]
    assert set(wrapped.persons) == set(flat.persons)
    assert {p.name for p in wrapped.persons.values()} >= {"Fumio Kishida", "Ferdinand R. Marcos Jr."}
    text = wrapped.source.text
    quotes = [e for s in wrapped.statements for e in s.evidence]
    assert quotes and all(e.quote == text[e.start:e.end] for e in quotes)
    assert any("\n" in e.quote for e in quotes)  # (a quote over a soft break keeps the source's line break)


def test_typographic_spaces_are_read_as_spaces():
    text = "Mr.\u00a0Stoltenberg met\u2009the\u202fMinister on 22\u00a0July."
    assert for_tokens(text) == "Mr. Stoltenberg met the Minister on 22 July."


def test_a_text_with_no_break_spaces_yields_what_it_yields_with_plain_ones():
    plain = "\n\n".join(_PARAGRAPHS)
    nbsp = plain.replace("Prime Minister", "Prime\u00a0Minister").replace("Mr ", "Mr\u00a0").replace(
        "Reciprocal Access", "Reciprocal\u00a0Access").replace("Foreign Minister", "Foreign\u202fMinister")
    assert nbsp != plain
    flat, spaced = run(plain, **_META), run(nbsp, **_META)
    assert agreement_parties(spaced) == agreement_parties(flat)
    assert set(spaced.persons) == set(flat.persons)
    assert all(e.quote == spaced.source.text[e.start:e.end] for s in spaced.statements for e in s.evidence)


@pytest.mark.parametrize("line, expected", [
    ("JAPAN AND THE PHILIPPINES SIGN RECIPROCAL ACCESS AGREEMENT IN MANILA",
     "Japan and the Philippines sign Reciprocal Access Agreement in Manila"),
    ("NATO SECRETARY GENERAL MEETS THE PRIME MINISTER OF BOSNIA AND HERZEGOVINA",
     "NATO Secretary General meets the Prime Minister of Bosnia and Herzegovina"),
    ("CABINET SECRETARY FOR DEFENCE HOSTS H.E. THE UK HIGH COMMISSIONER",
     "Cabinet Secretary for Defence hosts H.E. the UK High Commissioner"),
    ("EU-JAPAN SUMMIT: LEADERS CALL TO ACT ON MARITIME SECURITY",
     "EU-Japan Summit: Leaders call to Act on Maritime Security"),
    ("The Joint Statement of the EU and NATO", "The Joint Statement of the EU and NATO"),  # (not in capitals)
    ("EU AND UK", "EU AND UK"),  # (too short to tell a headline from acronyms)
    ("NATO'S SECRETARY GENERAL WELCOMES ASEAN’S STATEMENT", "NATO's Secretary General welcomes ASEAN’s Statement"),
    ("NATO SECRETARY GENERAL MARK RUTTE VISITS KYIV", "NATO Secretary General Mark Rutte visits Kyiv"),
    ("JAPAN AND FRANCE: LET US BUILD PEACE", "Japan and France: Let us Build Peace"),
    ("JAPAN AND THE US SIGN A PACT", "Japan and the US sign a Pact"),
    # ("İ" lowers to two characters: that word stays as written, the others are read)
    ("PRESIDENT OF TÜRKİYE MEETS THE PRIME MINISTER", "President of TÜRKİYE meets the Prime Minister"),
])
def test_a_line_in_capitals_is_read_in_ordinary_case_keeping_acronyms(line, expected):
    from pactgraph.extract.pipeline import get_gazetteer

    capitals = get_gazetteer().capitals
    assert {"NATO", "EU", "UK"} <= capitals and "ACT" not in capitals
    assert recased(line, capitals) == expected
    assert for_tokens("Body.\n" + line, capitals) == "Body.\n" + expected


def test_a_headline_in_capitals_yields_what_it_yields_in_ordinary_case():
    body = "\n\n".join(_PARAGRAPHS[1:])
    meta = dict(_META, title="Press release")
    caps = run("PRIME MINISTER KISHIDA FUMIO VISITS MANILA\n\n" + body, **meta)
    ordinary = run("Prime Minister Kishida Fumio visits Manila\n\n" + body, **meta)
    assert set(caps.persons) == set(ordinary.persons) and any("kishida" in p for p in caps.persons)
    assert agreement_parties(caps) == agreement_parties(ordinary)
    assert all(e.quote == caps.source.text[e.start:e.end] for s in caps.statements for e in s.evidence)


def test_runs_of_spaces_are_read_as_one_with_offsets_and_quotes_from_the_source():
    plain = "\n\n".join(_PARAGRAPHS)
    spaced = plain.replace(". ", ".  ").replace("Prime Minister", "Prime  Minister").replace(
        "Reciprocal Access", "Reciprocal   Access").replace("Mr ", "Mr  ")
    assert kept_characters(plain) is None and kept_characters(spaced) is not None
    flat, wide = run(plain, **_META), run(spaced, **_META)
    assert agreement_parties(wide) == agreement_parties(flat)
    assert set(wide.persons) == set(flat.persons)
    assert len(wide.statements) == len(flat.statements)
    text = wide.source.text
    quotes = [e for s in wide.statements for e in s.evidence]
    assert all(e.quote == text[e.start:e.end] for e in quotes)
    assert any("Reciprocal   Access" in e.quote for e in quotes)  # (the source's spaces, at the source's offsets)


def test_a_speech_caption_in_a_text_with_runs_of_spaces_keeps_the_source_offsets():
    body = ("NATO and Japan agree a new partnership programme\n\n"
            "Excerpt from remarks by NATO Secretary General Mark Rutte at the press conference in Tokyo\n\n"
            "From Mark Rutte, NATO:  Good afternoon.  NATO and  Japan signed  a new Individually Tailored Partnership "
            "Programme today.  It covers  cyber defence and maritime security.\n")
    result = run(body, title="Press conference", publisher="NATO", date="2025-01-15", genre="transcript")
    text = result.source.text
    assert all(e.quote == text[e.start:e.end] for s in result.statements for e in s.evidence)
    assert result.speeches
    for speech in result.speeches:
        assert text[speech.start:speech.end].startswith("From Mark Rutte, NATO:  Good afternoon.")
        assert text[speech.start:speech.end].endswith("maritime security.")


def test_a_long_line_in_capitals_with_one_lower_case_letter_is_left_as_it_is():
    # (the test for a line in capitals is one pass per line: a regular expression used to backtrack over the whole of
    # such a line, quadratic in its length; no timing is asserted here, the size only makes a regression felt)
    line = "THE MINISTERS OF DEFENCE OF JAPAN AND AUSTRALIA MET IN CANBERRA ON 3 MAY 2024. " * 500 + "(see www.x.org)"
    assert for_tokens(line) == line
    assert for_tokens(line[:-len("(see www.x.org)")]).startswith("The Ministers of Defence of Japan and Australia met")
