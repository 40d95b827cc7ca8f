"""A negation worded apart from the account it answers ("she is sure he had nothing in his hands" against "he pointed
a pistol at the officers") is that account's denial (issue 12, fourth round)."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph.propositions import proposition_keys
from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def test_having_nothing_in_ones_hands_is_having_no_weapon() -> None:
    assert proposition_keys("the driver was unarmed when they stopped him") == {"carry:weapon"}
    assert proposition_keys("a cashier says the woman didn't have anything in her hands") == {"carry:weapon"}
    assert proposition_keys("il avait les mains vides") == {"carry:weapon"}
    assert proposition_keys("he had a phone in his hands") == frozenset()


def told(doc_id: str, date: str, source: str, source_type: str, content: str, polarity: str = "positive") -> Analysis:
    d = Doc(doc_id, f"{source} said {content}.", "en", date, f"Outlet {doc_id}")
    d.attribution("a1", source, source_type, content, polarity=polarity)
    return d.analysis


def statements(tmp_path: Path, analyses: list[Analysis], name: str) -> list:
    """The STATEMENT claims of a store holding `analyses`."""
    return [c for c in claims_of(store_with(tmp_path, analyses, name)).values() if c.type == "STATEMENT"]


def test_a_negation_worded_apart_answers_the_account_it_denies(tmp_path: Path) -> None:
    account = told("k1", "2025-03-10", "The police department", "organization",
                   "the teenager pointed a pistol at the two officers before they fired")
    again = told("k2", "2025-03-10", "The police department", "organization",
                 "the boy aimed a revolver at the officers, who then opened fire")
    witness = told("k3", "2025-03-11", "A neighbour, Dora Quint", "named_person",
                   "the neighbour swears the cyclist did not have anything in her hands", polarity="negative")
    claims = statements(tmp_path, [account, again, witness], "account.db")
    assert len(claims) == 1
    assert [o.name for o in claims[0].denied_by] == ["A neighbour, Dora Quint"]


def test_negations_stored_before_the_account_deny_it_once_it_is_told(tmp_path: Path) -> None:
    first = told("n1", "2025-05-02", "Farid Osei, a nurse", "named_person",
                 "there had been no casualties from the village raid", polarity="negative")
    account = told("n2", "2025-05-03", "The provincial governor", "named_person",
                   "12 people were killed in the village and 30 wounded")
    claims = statements(tmp_path, [first, account], "earlier.db")
    assert len(claims) == 1
    assert [o.name.split(" (")[0] for o in claims[0].origins] == ["The provincial governor"]
    assert [o.name.split(" (")[0] for o in claims[0].denied_by] == ["Farid Osei, a nurse"]


def test_statements_repeating_seven_words_are_one_statement_within_a_story(tmp_path: Path) -> None:
    quoted = told("w1", "2025-02-10", "The finance minister", "organization",
                  "our republic now stands at the very edge of the abyss, and we must act")
    paraphrased = told("w2", "2025-02-11", "Opposition deputies", "organization",
                       "a budget vote was delayed after the warning that the republic stands at the very edge of the abyss")
    shorter = told("w3", "2025-02-11", "Opposition deputies", "organization",
                   "a budget vote was delayed after the warning about the edge of the abyss")
    assert len(statements(tmp_path, [quoted, paraphrased], "runs.db")) == 1
    assert len(statements(tmp_path, [quoted, shorter], "short.db")) == 2


def test_the_scorer_reads_an_outer_relay_as_the_inner_record_it_holds() -> None:
    """scripts/eval_graph.py --relays: "A clerk said the guards reported that the man drew a knife" is one evidence
    row (the inner content, the clerk in its chain); the outer record scores as the claim of the inner one."""
    from load_script import load_script

    d = Doc("r1", "A clerk said the guards reported that the man drew a knife.", "en", "2025-01-05", "Outlet r1")
    d.attribution("a1", "A clerk", "anonymous_person", "the guards reported that the man drew a knife")
    d.attribution("a2", "the guards", "anonymous_person", "the man drew a knife", parent="a1")
    relayed = load_script("eval_graph").relayed_record
    assert relayed(d.analysis, "a1") == "a2"
    assert relayed(d.analysis, "a2") is None


def test_having_a_weapon_negated_is_a_key_and_said_positively_is_none() -> None:
    assert proposition_keys("the courier did not have a knife on him") == {"carry:weapon"}
    assert proposition_keys("the courier didn’t have a knife on him") == {"carry:weapon"}
    assert proposition_keys("le coursier n'avait pas d'arme") == {"carry:weapon"}
    assert proposition_keys("the courier had the knife to open boxes") == frozenset()


def test_a_contracted_negation_makes_a_count_nought() -> None:
    assert proposition_keys("the doctor said she didn't treat any casualties") >= {"kill:0", "injure:0"}
    assert proposition_keys("there weren’t any casualties in the depot") >= {"kill:0", "injure:0"}
