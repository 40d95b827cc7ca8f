"""English attributions: two speakers in one sentence, the speaker's own certainty, what is spoken of, a
quotation relayed by an outlet (issue 12, end to end; invented sentences)."""
from __future__ import annotations

from typing import Any

import pytest
from attribution_checks import only_record


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="en").attributions]
    return run


def test_a_second_speaker_after_while_has_a_report_of_their_own(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse('The chief told the paper there was "nothing to show the guards were at fault" while Tom Weir, '
                   'a former inspector, said "it looks like a sound decision".')
    first = only_record(atts, "guards")
    assert first["source"]["text"] == "The chief"
    assert first["content"]["text"] == 'there was "nothing to show the guards were at fault"'
    assert only_record(atts, "sound decision")["source"]["text"] == "Tom Weir"


def test_while_without_a_report_stays_in_the_content(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("The mayor said the bridge would reopen while workers were still repairing it."), "bridge")
    assert att["content"]["text"] == "the bridge would reopen while workers were still repairing it"


@pytest.mark.parametrize("text,words", [
    ("\"I'm certain the van didn't carry any crates that night,\" the porter told the radio.", "crates"),
    ('"I am sure the ferry did not leave on time," she said.', "ferry"),
])
def test_the_speakers_own_certainty_keeps_the_claims_negation(analyse, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse(text), words)
    assert (att["polarity"], att["certainty"]) == ("negative", "certain")


def test_a_third_persons_certainty_is_a_report(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("The engineer is sure that the dam will hold."), "dam")
    assert att["source"]["text"] == "The engineer" and att["content"]["text"] == "the dam will hold"


@pytest.mark.parametrize("text,source,content", [
    ('The president talked of his rival\'s "pending invasion" of the north.', "The president",
     'his rival\'s "pending invasion" of the north'),
    ("The minister spoke of a plot against the government.", "The minister", "a plot against the government"),
])
def test_what_a_speaker_talks_of(analyse, text: str, source: str, content: str) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse(text), content.split()[1])
    assert (att["source"]["text"], att["content"]["text"]) == (source, content)


def test_talking_to_someone_reports_nothing(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("He talked to reporters about the weather.") == []


def test_a_bare_quotation_goes_on_with_the_speaker_an_outlet_relays(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse('"The council is trying to provoke a strike," said union leader Anna Berg, quoted by the '
                   'Associated Press.\n"Its aim is to weaken the workers before the talks begin next month."\n'
                   "The talks open in May.")
    assert only_record(atts, "weaken")["source"]["text"] == "union leader Anna Berg"
    relays = [a for a in atts if a["source"]["text"] == "the Associated Press"]
    assert len(relays) == 1 and "provoke" in relays[0]["content"]["text"]  # one relay, not one per reading


def test_a_quoted_subheading_is_still_no_statement(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("Le ministre veut des armes.\n« Plus lourdes et plus rapides »\n"
            "Le ministre les voudrait « encore plus lourdes », a-t-il dit.")
    atts = analyzer.analyze_text(text, lang="fr").attributions
    assert [a.content.text for a in atts] == ["Le ministre les voudrait « encore plus lourdes »"]


@pytest.mark.parametrize("text", ["An estimated 40,000 fans filled the square before the final.",
                                  "An estimated 300 homes were flooded overnight."])
def test_an_estimated_figure_is_an_agentless_report(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse(text), "estimated")
    assert att["content"]["text"] == text.rstrip(".")
    assert (att["source"]["text"], att["source"]["type"]) == ("An estimated", "unspecified")
    assert att["certainty"] == "probable"


@pytest.mark.parametrize("text", ["The council spent an estimated 3 million dollars on the new library.",
                                  "Rescuers pulled an estimated 80 people from the river."])
def test_an_estimated_figure_the_verb_does_not_have_as_subject_is_no_report(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert analyse(text) == []


def test_an_estimated_cost_is_no_report(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("The estimated cost of the new bridge is high.") == []
