"""English attributions as newsrooms write them: agentless reports, the speaker's own hedges,
denials by calling a claim false, negated cues, quote fragments (invented sentences)."""
from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="en").attributions]
    return run


def only(atts: list[dict[str, Any]], words: str) -> dict[str, Any]:
    hits = [a for a in atts if words in a["content"]["text"]]
    assert len(hits) == 1, f"{words!r}: {[(a['source']['text'], a['content']['text']) for a in atts]}"
    return hits[0]


@pytest.mark.parametrize("text,source,content,certainty,kind", [
    ("Three passengers are said to be in a critical condition.", "are said",
     "Three passengers are said to be in a critical condition", "probable", "indirect"),
    ("The coastguard reportedly rescued forty swimmers near the harbour.", "reportedly",
     "The coastguard reportedly rescued forty swimmers near the harbour", "probable", "according_to"),
    ("Four brokers accused of routing chips to the army were arrested on Monday.", "accused",
     "routing chips to the army", "certain", "indirect"),
    ("The clerk was charged with stealing two laptops from the depot.", "was charged",
     "stealing two laptops from the depot", "certain", "indirect"),
])
def test_agentless_reports(analyse, text: str, source: str, content: str, certainty: str,  # type: ignore[no-untyped-def]
                           kind: str) -> None:
    att = only(analyse(text), content)
    assert att["content"]["text"] == content
    assert att["source"]["text"] == source and att["source"]["type"] == "unspecified"
    assert att["cue"]["text"] == source
    assert (att["certainty"], att["kind"]) == (certainty, kind)


def test_named_source_wins_over_agentless_form(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only(analyse("The spokeswoman said the wagons are said to have left the rails."), "wagons")
    assert att["source"]["text"] == "The spokeswoman"
    assert att["certainty"] == "probable"


@pytest.mark.parametrize("text,words,expected", [
    ('"I think the dam would have burst within a week," the engineer said.', "dam", ("probable", "positive")),
    ('"The pier, I think, will not last the winter," she said.', "pier", ("probable", "negative")),
    ("\"It's our understanding there are several miners trapped,\" a rescuer said.", "miners", ("probable", "positive")),
    ("The mayor said it was not clear whether the builder had paid the fines.", "builder",
     ("underspecified", "positive")),
    ("A union official said the company's claims were false.", "claims", ("certain", "negative")),
    ("The manager said there were no trucks in the yard.", "trucks", ("certain", "negative")),
    ("The minister said nobody had checked the accounts.", "accounts", ("certain", "negative")),
    ("The report said the drop in sales appears to be due to the weather.", "drop in sales", ("probable", "positive")),
    ("The firm has claimed its exports rose last year.", "exports", ("certain", "positive")),
    ("The coach said the team should not lose this match.", "team", ("certain", "negative")),
    # one conjunct asserts, the other negates: the content is not a denial
    ("Officials said the port moved more cargo but has not cleared the backlog.", "backlog", ("certain", "positive")),
])
def test_certainty_and_polarity(analyse, text: str, words: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    att = only(analyse(text), words)
    assert (att["certainty"], att["polarity"]) == expected


def test_negated_cue_with_an_open_question_reports_nothing(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("Officials have not said why the ferry was delayed.") == []


def test_negated_cue_negates_its_content(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only(analyse("The company did not say that the mine was closed."), "mine")
    assert att["polarity"] == "negative"


@pytest.mark.parametrize("text,content", [
    ('The ministry said on Monday that the rules target drones built for "hostile ends."',
     'the rules target drones built for "hostile ends'),
    ("The mayor said “two people were hurt” in the fire.", "“two people were hurt” in the fire"),
])
def test_quote_fragment_makes_mixed(analyse, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    att = only(analyse(text), "hurt" if "hurt" in text else "drones")
    assert att["content"]["text"].startswith(content[:12])
    assert att["kind"] == "mixed"
