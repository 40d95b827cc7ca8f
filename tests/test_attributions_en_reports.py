"""English report nouns, quotations and occasions as newsrooms write them (ANNOTATION 1.5, 1.7, 1.9;
invented sentences): "rejected claims it leaked ...", a quoted paragraph holding another report, "said he
would ... as he signed ..."."""
from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="en").attributions]
    return run


def contents(atts: list[dict[str, Any]]) -> list[str]:
    return [a["content"]["text"] for a in atts]


def test_a_rejected_claim_without_that_is_the_claims_record(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("The drone maker rejected claims it sold data on the army's positions to the rebels.")
    claims = [a for a in atts if a["source"]["text"] == "claims"]
    assert len(claims) == 1 and claims[0]["content"]["text"] == "it sold data on the army's positions to the rebels"
    assert claims[0]["source"]["type"] == "unspecified" and claims[0]["polarity"] == "positive"


def test_a_relative_clause_on_a_claim_is_no_content(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("The minister rejected the claims he made in May.")
    assert not [a for a in atts if a["source"]["text"] == "claims"], atts


def test_the_occasion_of_a_pledge_is_not_what_was_said(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("The mayor last week said she would send extra buses to the suburbs as she signed into law a "
                   "transport package that also included funds for bike lanes.")
    assert contents(atts) == ["she would send extra buses to the suburbs"]


def test_a_past_clause_inside_a_past_statement_stays(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("The nurse said she felt sick when she saw the report.")
    assert contents(atts) == ["she felt sick when she saw the report"]


def test_a_quoted_paragraph_holding_a_report_is_two_records(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse('"The port will close at dawn," Anna Berg said.\n"Our data further indicates that the company is '
                   'preparing to move its plant abroad, with the first trucks leaving in July."\nBerg added that '
                   "the data came from customs.")
    quote = [a for a in atts if a["content"]["text"].startswith("Our data")]
    inner = [a for a in atts if a["content"]["text"].startswith("the company is preparing")]
    assert len(quote) == 1 and quote[0]["source"]["text"] == "Anna Berg" and quote[0]["kind"] == "direct"
    assert len(inner) == 1 and inner[0]["source"]["text"] == "Our data"
