"""Statements across articles: a negated content answers the account a story already carries."""
from __future__ import annotations

from pathlib import Path

from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def account() -> Analysis:
    d = Doc("account", "Police said the boy pointed a revolver at the two officers before they fired.", "en", "2025-03-10",
            "City Herald")
    d.attribution("a1", "Police", "organization", "the boy pointed a revolver at the two officers before they fired")
    return d.analysis


def witness(doc_id: str = "witness", source: str = "A neighbour", source_type: str = "anonymous_person") -> Analysis:
    d = Doc(doc_id, f"{source} said the boy did not have a gun on him when they fired.", "en", "2025-03-11",
            "Evening Bulletin")
    d.attribution("a1", source, source_type, "the boy did not have a gun on him when they fired",
                  polarity="negative")
    return d.analysis


def test_a_negated_content_joins_the_account_it_contradicts_and_denies_it(tmp_path: Path) -> None:
    store = store_with(tmp_path, [account(), witness()])
    claims = [c for c in claims_of(store).values() if c.type == "STATEMENT"]
    assert len(claims) == 1, [c.label for c in claims]
    (claim,) = claims
    assert len(claim.articles) == 2
    assert len(claim.origins) == 1 and len(claim.denied_by) == 1, "the neighbour denies the police account"


def test_a_negated_content_alone_asserts_its_own_words(tmp_path: Path) -> None:
    store = store_with(tmp_path, [witness()])
    (claim,) = [c for c in claims_of(store).values() if c.type == "STATEMENT"]
    assert len(claim.origins) == 1 and claim.denied_by == []


def test_an_outlets_own_negated_line_does_not_deny_an_account(tmp_path: Path) -> None:
    store = store_with(tmp_path, [account(), witness("narration", "The paper", "media")])
    claims = [c for c in claims_of(store).values() if c.type == "STATEMENT"]
    assert all(c.denied_by == [] for c in claims)


def test_a_negation_of_duty_answers_no_account(tmp_path: Path) -> None:
    d = Doc("mayor", "The mayor said the boy should not have had a revolver in his hands.", "en", "2025-03-11",
            "Evening Bulletin")
    d.attribution("a1", "The mayor", "named_person", "the boy should not have had a revolver in his hands",
                  polarity="negative")
    store = store_with(tmp_path, [account(), d.analysis])
    assert all(c.denied_by == [] for c in claims_of(store).values())
