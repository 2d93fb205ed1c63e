"""Former states (graph/reference/former_states.csv) in running text: the Soviet Union, the GDR, Yugoslavia… are
actors and parties like the states of today, and the phrases that only look like them are not.

The texts are invented, in the style of speeches and releases that recall Cold War and 1990s treaties.
"""

from __future__ import annotations

import pytest
from extract_helpers import agreement_parties, run

from pactgraph.extract import extract_with_context
from pactgraph.sources import source_from_text
from pactgraph.summary import summarize

_SPEECH = dict(title="Remarks on arms control", date="2025-11-20", genre="speech",
               publisher="Ministry of Foreign Affairs of Finland")

FORMER = {"state/sun", "state/ddr", "state/csk", "state/yug", "state/fry", "state/scg", "state/vdr", "state/rvn",
          "state/yar", "state/ymd"}


def actors(result) -> dict[str, str | None]:
    """Register key → QID of every actor a text names."""
    return {a["id"]: a.get("wikidata") for a in summarize(result)["actors"]}


def mentions(body: str) -> list[tuple[str, str]]:
    """(text, register key) of every actor mention."""
    ctx, _ = extract_with_context(source_from_text(body, name="speech.txt"), None)
    return [(ctx.doc[m.start:m.end].text, m.key) for s in ctx.sentences for m in s.mentions if m.kind == "actor"]


@pytest.mark.parametrize("body", [
    "For forty years the Soviet Union set the limits of what we could say in public.",
    "Kazakhstan gave up the nuclear arsenal it had inherited from the USSR.",
    "The U.S.S.R. and Finland signed the treaty in Moscow.",
    "Our neighbour was then the Union of Soviet Socialist Republics, and after the former Soviet Union dissolved, "
    "Russia took its seat.",
])
def test_the_soviet_union_is_an_actor_with_its_qid(body):
    found = actors(run(body, **_SPEECH))
    assert found.get("state/sun") == "Q15180"


def test_a_treaty_signed_by_the_united_states_and_the_soviet_union_has_both_parties():
    body = ("Arms control has saved us before. The Intermediate-Range Nuclear Forces Treaty, signed by the United "
            "States and the Soviet Union in 1987, removed a whole class of missiles from Europe.")
    assert agreement_parties(run(body, **_SPEECH)) == {
        "Intermediate-Range Nuclear Forces Treaty": ["state/sun", "state/usa"]}


def test_a_treaty_concluded_with_the_soviet_union_has_it_as_the_other_party():
    body = ("In 1948, three years after a war we lost, Finland concluded a treaty of friendship, cooperation and "
            "mutual assistance with the Soviet Union.")
    parties = agreement_parties(run(body, **_SPEECH))
    assert parties["treaty of friendship, cooperation and mutual assistance"] == ["state/fin", "state/sun"]


@pytest.mark.parametrize("body", [
    "Estonia has worked with its partners across the post-Soviet space since it regained its independence.",
    "NATO helps Ukraine's armed forces replace their Soviet-era equipment with modern systems.",
    "Croatia cooperated fully with the International Criminal Tribunal for the former Yugoslavia.",
    "Greece and the former Yugoslav Republic of Macedonia signed the agreement at Lake Prespa.",
    "The Former Yugoslav Republic of Macedonia joined the Partnership for Peace in 1995.",
    "Kazakhstan joined the North Atlantic Cooperation Council together with the other former Soviet republics.",
    "Serbia and Montenegro have sent staff officers to the operation headquarters in Rota.",
    "In 1920 Estonia and Soviet Russia signed the Tartu Peace Treaty.",
    "The separatists want to restore South Yemen, while the Houthis hold most of North Yemen.",
    "The programme covers the disarmament, demobilization and reintegration (DDR) of former combatants.",
])
def test_phrases_that_only_look_like_a_former_state_give_none(body):
    found = set(actors(run(body, **_SPEECH)))
    assert not found & FORMER


def test_east_germany_and_the_gdr_are_the_german_democratic_republic():
    body = ("Germany recovered its full sovereignty through the Two Plus Four Treaty, which the Federal Republic and "
            "the GDR signed in Moscow on 12 September 1990. East Germany had ceased to exist three weeks later.")
    found = mentions(body)
    assert ("GDR", "state/ddr") in found and ("East Germany", "state/ddr") in found
    assert actors(run(body, **_SPEECH))["state/ddr"] == "Q16957"
    assert "state/ddr" in agreement_parties(run(body))["Two Plus Four Treaty"]


def test_west_germany_is_no_former_state():
    found = set(actors(run("West Germany joined NATO in 1955.", **_SPEECH)))
    assert not found & FORMER


def test_bare_yugoslavia_means_the_yugoslavia_a_text_names_in_full():
    fry = mentions("The Federal Republic of Yugoslavia signed the agreement in Kumanovo. Yugoslavia's army then "
                   "withdrew from Kosovo.")
    assert ("Yugoslavia", "state/fry") in fry and "state/yug" not in {key for _, key in fry}
    sfry = mentions("The Socialist Federal Republic of Yugoslavia was a founder of the Non-Aligned Movement, and "
                    "Yugoslavia hosted its first summit in 1961.")
    assert ("Yugoslavia", "state/yug") in sfry and "state/fry" not in {key for _, key in sfry}
    assert not {key for _, key in mentions("NATO's air campaign against Yugoslavia began in March 1999.")} & FORMER


def test_the_federal_republic_of_yugoslavia_is_a_party_to_the_dayton_agreement():
    body = ("The Dayton Peace Agreement was signed in Paris on 14 December 1995. Bosnia and Herzegovina, Croatia and "
            "the then Federal Republic of Yugoslavia committed themselves to respect each other's sovereignty.")
    parties = agreement_parties(run(body, **_SPEECH))
    assert parties["Dayton Agreement"] == ["state/bih", "state/fry", "state/hrv"]


def test_other_former_states_by_their_names():
    body = ("Czechoslovakia split peacefully at the end of 1992. In 1990 the Yemen Arab Republic and the People's "
            "Democratic Republic of Yemen united. North Vietnam and South Vietnam fought for twenty years.")
    found = set(actors(run(body, **_SPEECH)))
    assert {"state/csk", "state/yar", "state/ymd", "state/vdr", "state/rvn"} <= found
    assert "state/yem" not in found and "state/vnm" not in found


def test_the_socialist_republic_of_vietnam_is_vietnam_of_today():
    found = set(actors(run("The Minister of National Defence of the Socialist Republic of Vietnam visited Seoul.",
                           **_SPEECH)))
    assert "state/vnm" in found and not found & FORMER
