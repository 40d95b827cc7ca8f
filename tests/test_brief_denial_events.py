"""A denial's own event says what it answers (our own sentences): a rejection made months before an allegation does
not answer it, and a state's "not aware of the case" answers a firm's deed, not what is alleged of the state."""
from __future__ import annotations

from claimgraph.graph.denial_events import DenyEvent, answers_claim, disclaims
from claimgraph.model.claims import ClaimSummary, Evidence, Origin
from claimgraph.model.records import Span


def _denial(text: str) -> Evidence:
    return Evidence(claim_id="c1", document_id="d9", record_id="v3", stance="denies", certainty="certain",
                    polarity="positive", quote=Span(0, len(text), text), chain=(),
                    origin=Origin("state:XX", "Tomas Vell (Government of Xland)", "organization"), date="2024-09-20",
                    lang="en")


def _alleged(agent_first: str = "2024-08-02") -> ClaimSummary:
    return ClaimSummary(id="c1", type="SUPPLY", label="Xland supplies «pumps» to Yland", arguments={"agent": "Xland"},
                        first_seen=agent_first, last_seen="2024-09-20")


def test_a_rejection_made_in_an_earlier_month_does_not_answer_a_later_allegation() -> None:
    row = _denial("Vell had already rejected the Yland accusations in March.")
    assert not answers_claim(_alleged(), row, DenyEvent("rejected", "2024-03"), {"state:XX"})
    assert answers_claim(_alleged("2024-03-20"), row, DenyEvent("rejected", "2024-03"), {"state:XX"})
    assert answers_claim(_alleged(), row, DenyEvent("rejected", None), {"state:XX"}), "no own time: the article's"


def test_a_knowledge_disclaimer_answers_a_firms_deed_not_the_states_own() -> None:
    row = _denial("Vell said he had no information about the shipment.")
    assert disclaims("no information") and disclaims("ne sommes pas au courant") and not disclaims("rejected")
    event = DenyEvent("no information", None)
    assert not answers_claim(_alleged(), row, event, {"state:XX"}), "what is alleged of Xland's state itself"
    assert answers_claim(_alleged(), row, event, {"ent:orrin pumps"}), "a firm's shipment"
    assert answers_claim(_alleged(), row, DenyEvent("denied", None), {"state:XX"}), "an outright denial answers it"


def test_a_speaker_who_is_no_party_to_an_allegation_does_not_deny_it() -> None:
    from claimgraph.graph.denial_events import is_party
    parties, countries = {"state:YY", "grp:XX:company"}, {"YY", "XX"}
    assert not is_party("src:tess moran", parties, countries), "a foreign minister's negated warning"
    assert is_party("state:XX", parties, countries), "a state speaks for its companies"
    assert is_party("state:YY", parties, countries)
    assert is_party("anon:d1", parties, countries), "an unnamed voice is left as it is"


def test_a_firm_speaking_is_a_party_to_what_is_alleged_of_it() -> None:
    from claimgraph.graph.denial_events import is_party
    parties = {"ent:dovel turbines", "state:YY"}
    assert is_party("src:dovel turbines", parties, {"YY"}), "the firm's own denial, keyed as a speaker"
    assert is_party("ent:dovel turbines", parties, {"YY"})
    assert not is_party("src:dovel", parties, {"YY"}), "another name"


def test_a_denial_dated_by_its_year_or_month_answers_what_that_period_can() -> None:
    row = _denial("Vell rejected the Yland accusations this year.")
    assert answers_claim(_alleged(), row, DenyEvent("rejected", "2024"), {"state:XX"}), "a year spans August"
    undated = ClaimSummary(id="c1", type="SUPPLY", label="Xland supplies «pumps» to Yland",
                           arguments={"agent": "Xland"})
    assert answers_claim(undated, row, DenyEvent("rejected", "2024-09"), {"state:XX"}), "allegation's dates unknown"
    assert answers_claim(_alleged("2024-06-15"), row, DenyEvent("rejected", "2024-05"), {"state:XX"}), "late May"
    assert not answers_claim(_alleged(), row, DenyEvent("rejected", "2022"), {"state:XX"})
