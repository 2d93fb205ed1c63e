"""Agreement rules added in pactgraph-rules/0.15 (session 10), each on invented sentences."""

from __future__ import annotations

from extract_helpers import agreement_parties, run

# A defence ministry's readout of several bilateral meetings on the margins of one conference, one section each.
_READOUT = """Minister Tanaka held bilateral meetings on the margins of the regional defence ministers' meeting.

1. Japan-Malaysia Defence Ministerial Meeting

Minister Tanaka and Malaysian Minister of Defence Ahmad Razak reviewed their cooperation at sea. The two Ministers \
welcomed the Agreement concerning the Transfer of Defence Equipment and Technology, signed in Tokyo in 2018.

2. Japan-Chile Defence Ministerial Meeting

Minister Tanaka and Chilean Minister of National Defence Carla Soto met for the first time. The two Ministers \
signed a Memorandum on Defence Cooperation and Exchanges.
"""


def test_the_two_ministers_of_one_section_are_the_two_states_of_its_meeting():
    result = run(_READOUT, publisher="Ministry of Defense (Japan)", date="2026-03-01")
    found = agreement_parties(result)
    assert found["Agreement concerning the Transfer of Defence Equipment and Technology"] == ["state/jpn", "state/mys"]
    assert found["Memorandum on Defence Cooperation and Exchanges"] == ["state/chl", "state/jpn"]


def test_the_two_ministers_are_not_two_organizations_named_in_passing():
    body = ("President Santos of Colombia received President Rojas of Chile. They discussed closer ties between "
            "Mercosur and the African Union. The two leaders then signed a Joint Declaration on Maritime Security.")
    result = run(body, title="State visit of the President of Chile to Colombia", date="2026-03-01")
    assert agreement_parties(result)["Joint Declaration on Maritime Security"] == ["state/chl", "state/col"]


def test_a_protocol_relating_to_a_topic_is_named_with_it():
    body = ("ECOWAS acts under the Protocol relating to Mutual Assistance of Defence, which the Heads of State "
            "and Government of the Member States signed in Freetown on 29 May 1981.")
    names = [a.name for a in run(body, date="2026-03-01").agreements]
    assert names == ["Protocol relating to Mutual Assistance of Defence"]


def test_a_protocol_amending_an_agreement_is_one_instrument_not_the_agreement_it_amends():
    body = ("A Protocol amending the Agreement between the Government of Ghana and the Government of Togo on "
            "Defence Cooperation was signed in Lomé on 3 February 2026.")
    found = agreement_parties(run(body, date="2026-03-01"))
    assert found == {"Protocol amending the Agreement between the Government of Ghana and the Government of Togo "
                     "on Defence Cooperation": ["state/gha", "state/tgo"]}
