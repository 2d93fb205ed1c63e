"""The metadata header: YAML, and a flat reading of one field per line when a value holds ": " unquoted."""

from __future__ import annotations

import pytest

from pactgraph.errors import SourceError
from pactgraph.sources import source_from_text


def test_a_title_with_a_colon_needs_no_quotes():
    text = ("---\ntitle: Annual Report 2024 - Chapter IV: International Defence Relations\ndate: 2025-04-30\n"
            "publisher: Ministry of National Defence (Uruguay)  # who published it\nurl: 'https://example.org/x'\n"
            "---\nThe Ministry of National Defence reports on its peace operations.\n")
    source = source_from_text(text, name="report.txt")
    assert source.metadata["title"] == "Annual Report 2024 - Chapter IV: International Defence Relations"
    assert source.metadata["date"] == "2025-04-30"
    assert source.metadata["publisher"] == "Ministry of National Defence (Uruguay)"
    assert source.metadata["url"] == "https://example.org/x"
    assert source.text[source.body_start:].startswith("The Ministry")


@pytest.mark.parametrize(("header", "message"), [
    ("title: [unclosed", "b.txt:3: malformed metadata header"),
    ("title: A: B\ncolour: red", "b.txt:3: unknown header field 'colour'"),
    ("title: A: B\n  nested: x", "b.txt:2: malformed metadata header: mapping values are not allowed"),
    ("title: A: B\ndate: 2025-13-40", "b.txt:3: header field 'date' must be YYYY-MM-DD"),
])
def test_headers_that_stay_refused(header, message):
    with pytest.raises(SourceError, match="^" + message.replace("[", r"\[").replace("(", r"\(")):
        source_from_text(f"---\n{header}\n---\nBody text.\n", name="b.txt")


@pytest.mark.parametrize("body, date", [
    ("NATO and Japan sign a declaration\n\nTokyo, 15 April 2013 – The Secretary General and the Prime Minister …",
     "2013-04-15"),
    ("BRUSSELS, April 25, 2019\n\nJoint Statement\n\n1. The leaders of the EU and Japan met today.", "2019-04-25"),
    ("Press release | 12 May 2025\nThe two ministers signed a memorandum today.", "2025-05-12"),
    ("Last updated: 3 March 2024\n\nThe Council adopted its conclusions.", "2024-03-03"),
    # a date a headline or a sentence is about, not the text's own
    ("Seventy-five years of the Treaty signed on 4 April 1949\n\nThe Alliance marks the day.", None),
    ("The memorandum signed on 2 May 2019 enters into force.\n\nIt covers training.", None),
    ("Joint statement\n\n" + "The leaders met.\n" * 5 + "Brussels, 25 April 2019", None),  # (past the first lines)
    ("On 4 April 1949, twelve nations signed the North Atlantic Treaty.\n\nToday Japan …", None),
    ("Since 1 January 2020, the Agreement has applied.", None),
    ("The Reciprocal Access Agreement (6 January 2022)\n\nIt entered into force.", None),
    ("Tokyo, 15 April 2099\n\nThe ministers met.", None),  # (a day to come is no dateline)
    ("Brussels, 25 April 2019, Press release\n\nThe leaders met.", "2019-04-25"),
])
def test_a_text_without_a_header_takes_its_date_from_its_dateline(body, date):
    assert source_from_text(body, name="raw.txt").metadata.get("date") == date


def test_a_header_date_wins_over_the_dateline():
    text = "---\ndate: 2019-04-26\n---\nBrussels, 25 April 2019\n\nThe leaders met."
    assert source_from_text(text, name="t.txt").metadata["date"] == "2019-04-26"


def test_a_date_read_from_the_dateline_is_a_statement_with_its_evidence():
    from pactgraph.extract import extract
    from pactgraph.namespaces import DCTERMS

    text = "NATO and Japan sign a declaration\n\nTOKYO,  15 April 2013 – The two sides signed it today."
    source = source_from_text(text, name="raw.txt")
    start, end = source.dateline
    assert source.text[start:end] == "15 April 2013" and source.metadata["date"] == "2013-04-15"
    stated = [s for s in extract(source).statements if s.subject == source.iri and s.predicate == DCTERMS + "date"]
    assert [s.obj[0] for s in stated] == ["2013-04-15"]
    evidence = stated[0].evidence[0]
    assert (evidence.start, evidence.end, evidence.quote, evidence.rule) == (start, end, "15 April 2013",
                                                                            "source-date-from-dateline")
    assert source_from_text("---\ndate: 2013-04-16\n---\n" + text, name="t.txt").dateline is None
