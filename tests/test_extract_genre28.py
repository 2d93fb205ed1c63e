"""Rules added in pactgraph-rules/0.30 (session 25); each on invented sentences."""

from __future__ import annotations

import pytest

from extract_helpers import run, sides


def _all_sides(body: str, use_model: bool = True, date: str = "2025-05-20") -> list[tuple[str, ...]]:
    return sorted(sides(a) for a in run(body, use_model=use_model, date=date).agreements)


@pytest.mark.parametrize("use_model", [False, True])
def test_a_plural_concluded_in_a_relative_clause_with_a_named_subject_is_one_per_partner(use_model):
    body = ("The ministers welcomed the status agreements that the European Union has concluded with Albania, "
            "Montenegro and Serbia.")
    expected = [("alb", "european-union"), ("european-union", "mne"), ("european-union", "srb")]
    assert _all_sides(body, use_model) == expected
    # also after the name's own partner: the clause's subject concluded them, not the body named in the name
    frontex = ("The ministers welcomed the status agreements on operational cooperation with Frontex that the "
               "European Union has concluded with Albania, Montenegro and Serbia.")
    assert _all_sides(frontex, use_model) == expected
