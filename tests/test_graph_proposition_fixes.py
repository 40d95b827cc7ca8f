"""Words telling having nothing deny the act; a negated having keys only on its own object; a shared run of words
joins two statements only with words of its own and a party or meaning in common."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph.propositions import privative_polarity, proposition_keys
from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def told(doc_id: str, date: str, source: str, content: str, polarity: str = "positive") -> Analysis:
    d = Doc(doc_id, f"{source} said {content}.", "en", date, f"Outlet {doc_id}")
    d.attribution("a1", source, "organization", content, polarity=polarity)
    return d.analysis


def statements(tmp_path: Path, analyses: list[Analysis], name: str) -> list:
    return [c for c in claims_of(store_with(tmp_path, analyses, name)).values() if c.type == "STATEMENT"]


def test_words_telling_having_nothing_are_a_denial_and_negated_an_assertion() -> None:
    assert privative_polarity("the marchers were unarmed when the guards fired") == "negative"
    assert privative_polarity("the porter came out with nothing in his hands") == "negative"
    assert privative_polarity("the porter was not unarmed that night") == "positive"
    assert privative_polarity("the porter didn't have anything in her hands") is None, "its own negation tells it"
    assert privative_polarity("the guards carried rifles") is None


def test_an_unarmed_group_does_not_support_an_armed_one(tmp_path: Path) -> None:
    armed = told("u1", "2025-07-01", "The regional command", "the guards were armed with assault rifles at the gate")
    unarmed = told("u2", "2025-07-02", "Witnesses at the gate", "the marchers at the gate were unarmed")
    claims = statements(tmp_path, [armed, unarmed], "unarmed.db")
    guards = [c for c in claims if "guards" in c.label]
    marchers = [c for c in claims if "marchers" in c.label]
    assert len(guards) == 1 and len(marchers) == 1, [c.label for c in claims]
    assert guards[0] is not marchers[0], "the marchers' own statement is its own claim (an act is its subject's)"
    assert "Witnesses at the gate" not in [o.name.split(" (")[0] for o in guards[0].origins]
    assert "The regional command" not in [o.name.split(" (")[0] for o in marchers[0].origins]
    assert not guards[0].denied_by and not marchers[0].denied_by, "an unarmed group denies no armed one"


def test_a_negated_having_keys_only_on_its_own_object() -> None:
    assert proposition_keys("the garrison did not have enough ammunition") == frozenset()
    assert proposition_keys("the garrison did not have enough weapons for everyone") == frozenset()
    assert proposition_keys("the sergeant did not have his pistol drawn") == frozenset()
    assert proposition_keys("the sergeant did not have a pistol drawn") == frozenset()
    assert proposition_keys("the sergeant did not have a pistol on him") == {"carry:weapon"}
    assert proposition_keys("the sergeant never had any weapons") == {"carry:weapon"}
    assert proposition_keys("the sergeant did not have rifles") == {"carry:weapon"}


def test_a_shared_stock_frame_does_not_join_two_statements(tmp_path: Path) -> None:
    ministry = told("f1", "2025-08-04", "The trade ministry",
                    "fish exports dropped by a third in the wake of the northern blockade of the straits")
    agency = told("f2", "2025-08-05", "The refugee agency",
                  "nine thousand families have left their homes in the wake of the northern blockade of the straits")
    assert len(statements(tmp_path, [ministry, agency], "frame.db")) == 2



def test_a_singular_occurrence_is_a_key_and_a_figure_still_tells_two_tellings_apart() -> None:
    from claimgraph.graph.proposition_match import contradicts

    worked = proposition_keys("A farmer was tending his field when a landslide buried the terraces")
    killed = proposition_keys("one shepherd died as a landslide swept the hillside")
    toll = proposition_keys("nine people were killed by a landslide or falling walls")
    assert worked == {"occurred:landslide"}
    assert "occurred:landslide" in killed and "kill:1" in killed
    assert not contradicts(worked, killed)
    assert contradicts(killed, toll), "one killed is not nine killed, whatever occurrence they share"
    assert proposition_keys("the pass was blocked by landslides") == frozenset(), "a plural names no one occurrence"


def test_a_clause_recalling_the_event_gives_no_figure_to_what_comes_before_it() -> None:
    assert proposition_keys("There were no early reports of harm after the tremor struck at a depth of 8 kilometres") \
        == frozenset()
    assert proposition_keys("nine people were killed after the tremor struck") == {"kill:9"}
    assert proposition_keys("After the tremor, nine people were killed") == {"kill:9"}, "not at the start"
    assert proposition_keys("the guards fired after he pointed a gun at them") == {"threaten:weapon", "carry:weapon"}
