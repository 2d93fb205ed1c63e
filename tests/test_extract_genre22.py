"""Rules added in pactgraph-rules/0.24 (session 19), each on invented sentences. The agreement model of 0.24 has
its own tests (test_agreement_model.py)."""

from __future__ import annotations

from extract_helpers import agreement_parties, run
from pactgraph.extract import extract_with_context
from pactgraph.sources import source_from_text

_WIRE = dict(title="Kinshasa and Kigali sign accord", publisher="Great Lakes Wire", date="2025-06-27",
             genre="press-release")


def _actors(body: str) -> list[tuple[str, str]]:
    ctx, _ = extract_with_context(source_from_text(body, name="wire.txt"), None)
    return [(ctx.doc[m.start:m.end].text, m.key) for s in ctx.sentences for m in s.mentions if m.kind == "actor"]


def test_a_shared_name_means_the_one_state_of_the_pair_named_in_full():
    body = ("The Democratic Republic of the Congo and Rwanda signed a peace agreement on Friday to end the fighting "
            "in eastern Congo. Congo's president welcomed it, and Congolese officers will join the joint committee.")
    found = _actors(body)
    assert ("Congo", "state/cod") in found and ("Congolese", "state/cod") in found
    assert "state/cog" not in {key for _, key in found}
    assert agreement_parties(run(body, **_WIRE))["Peace Agreement"] == ["state/cod", "state/rwa"]


def test_a_shared_name_is_left_to_the_register_when_both_or_neither_are_named():
    both = _actors("The Republic of Congo and the Democratic Republic of the Congo met in Brazzaville. Congo will "
                   "host the next round.")
    assert both[-1] == ("Congo", "state/cog")
    neither = _actors("Congo and Gabon signed a memorandum on fisheries patrols.")
    assert neither[0] == ("Congo", "state/cog")


def test_the_democratic_republic_of_congo_without_the_article_is_not_also_the_republic_of_congo():
    found = _actors("The Democratic Republic of Congo and Rwanda met in Doha.")
    assert found == [("Democratic Republic of Congo", "state/cod"), ("Rwanda", "state/rwa")]


_BRIEFING = dict(title="Weekly media briefing", publisher="Ministry of External Affairs of India", date="2025-03-06",
                 genre="transcript")


def test_agreements_with_a_count_of_partners_then_their_list_are_one_per_partner():
    body = ("Since 2008, India has concluded civil nuclear cooperation agreements with a number of partners – the "
            "United States, France, Russia and Canada, to name some of them.")
    found = sorted(sorted(a.parties) for a in run(body, **_BRIEFING).agreements)
    assert found == sorted(sorted(["https://w3id.org/pactgraph/id/state/ind", "https://w3id.org/pactgraph/id/" + k])
                           for k in ("state/usa", "state/fra", "state/rus", "state/can"))
    body = "India has signed white shipping agreements with several countries, such as France and Japan."
    assert len(run(body, **_BRIEFING).agreements) == 2


def test_a_count_of_partners_without_a_list_gives_no_partner():
    body = "India has concluded civil nuclear cooperation agreements with a number of partners since 2008."
    assert not [a for a in run(body, **_BRIEFING).agreements if len(a.parties) > 1]


def test_a_text_that_ends_after_with_is_read_without_error():
    assert not run("India has concluded civil nuclear cooperation agreements with", **_BRIEFING).agreements
