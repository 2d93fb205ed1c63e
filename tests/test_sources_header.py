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
