"""English attributions as newsrooms write them: agentless reports, the speaker's own hedges,
denials by calling a claim false, negated cues, quote fragments (invented sentences)."""
from __future__ import annotations

from typing import Any

import pytest
from attribution_checks import only_record


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="en").attributions]
    return run


@pytest.mark.parametrize("text,source,content,certainty,kind", [
    ("Two climbers are said to be badly hurt.", "are said",
     "Two climbers are said to be badly hurt", "probable", "indirect"),
    ("The coastguard reportedly rescued forty swimmers near the harbour.", "reportedly",
     "The coastguard reportedly rescued forty swimmers near the harbour", "probable", "according_to"),
    ("Four brokers accused of routing chips to the army were arrested on Monday.", "accused",
     "routing chips to the army", "certain", "indirect"),
    ("The clerk was charged with stealing two laptops from the depot.", "was charged",
     "stealing two laptops from the depot", "certain", "indirect"),
])
def test_agentless_reports(analyse, text: str, source: str, content: str, certainty: str,  # type: ignore[no-untyped-def]
                           kind: str) -> None:
    att = only_record(analyse(text), content)
    assert att["content"]["text"] == content
    assert att["source"]["text"] == source and att["source"]["type"] == "unspecified"
    assert att["cue"]["text"] == source
    assert (att["certainty"], att["kind"]) == (certainty, kind)


def test_named_source_wins_over_agentless_form(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("The spokeswoman said the wagons are said to have left the rails."), "wagons")
    assert att["source"]["text"] == "The spokeswoman"
    assert att["certainty"] == "probable"


@pytest.mark.parametrize("text,words,expected", [
    ('"I think the dam would have burst within a week," the engineer said.', "dam", ("probable", "positive")),
    ('"The pier, I think, will not last the winter," she said.', "pier", ("probable", "negative")),
    ("\"It's our understanding that several miners are trapped,\" a rescuer said.", "miners", ("probable", "positive")),
    ("The mayor added it was not clear whether the builder had paid the fines.", "builder",
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
    att = only_record(analyse(text), words)
    assert (att["certainty"], att["polarity"]) == expected


def test_negated_cue_with_an_open_question_reports_nothing(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("The council has not said why the ferry was delayed.") == []


def test_negated_cue_negates_its_content(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("The company did not say that the mine was closed."), "mine")
    assert att["polarity"] == "negative"


@pytest.mark.parametrize("text,content", [
    ('The ministry said on Monday that the rules target drones built for "hostile ends."',
     'the rules target drones built for "hostile ends'),
    ("The mayor said “two people were hurt” in the fire.", "“two people were hurt” in the fire"),
])
def test_quote_fragment_makes_mixed(analyse, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse(text), "hurt" if "hurt" in text else "drones")
    assert att["content"]["text"].startswith(content[:12])
    assert att["kind"] == "mixed"


@pytest.mark.parametrize("text,source,content,kind", [
    # a reporting clause between commas inside its content
    ("At the same moment, he said, the city needed to act with restraint.", "he",
     "the city needed to act with restraint", "indirect"),
    # a fronted as-clause relays what follows it
    ("As the agency reported earlier, river levels have dropped sharply.", "the agency",
     "river levels have dropped sharply", "according_to"),
    # a headline's subject and infinitive
    ("Storm due in Lisbon as Navy says ship to leave port early", "Navy", "ship to leave port early", "indirect"),
    # "that" read as a relative pronoun of the occasion: a doubled object shows it is a complementiser
    ('The minister said at a news conference that the navy had shipped "a number" of the mines.', "The minister",
     'the navy had shipped "a number" of the mines', "mixed"),
])
def test_reporting_clauses_in_odd_places(analyse, text: str, source: str, content: str,  # type: ignore[no-untyped-def]
                                         kind: str) -> None:
    att = only_record(analyse(text), content.split()[1])
    assert (att["source"]["text"], att["content"]["text"], att["kind"]) == (source, content, kind)


@pytest.mark.parametrize("text,content", [
    ("The council asked the schools to pay local taxes.", "the schools to pay local taxes"),
    ("Rescuers urged residents to leave the valley before dawn.", "residents to leave the valley before dawn"),
    ("The union vowed to fight the closure in court.", "to fight the closure in court"),
    ("The club blamed the delays on the weather.", "the delays on the weather"),
    # the place of the announcement is not what is announced
    ("Ruiz announced the loans in a speech about the new farm budget.", "the loans"),
    ("Rebels claim to have destroyed two tanks near the airport", "to have destroyed two tanks near the airport"),
])
def test_directives_pledges_and_stances_take_their_object(analyse, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert only_record(analyse(text), content.split()[1])["content"]["text"] == content


def test_a_call_without_complement_is_no_report(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("Reporters asked the minister on Friday.") == []


def test_speaker_own_verb_inside_a_quote_gets_no_record(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse('"I can say that the rate has slowed," the general said.')
    assert [a["source"]["text"] for a in atts] == ["the general"]


def test_two_that_clauses_differing_in_polarity_are_two_records(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse('It said the drone "flew very low" over the plant and that the crews "do not see the risk".')
    assert sorted((a["content"]["text"].split()[1], a["polarity"]) for a in atts) == \
        [("crews", "negative"), ("drone", "positive")]


def test_two_that_clauses_alike_are_one_record(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("The firm said that it had closed the mine and that it would pay the workers.")
    assert len(atts) == 1 and atts[0]["content"]["text"].endswith("pay the workers")


def test_report_stays_on_its_line(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Harbour reopens after storm\nOn Sunday the port authority announced the reopening of two docks.")
    att = only_record(atts, "docks")
    assert "\n" not in att["content"]["text"] and "storm" not in att["content"]["text"]


def test_calling_a_report_false_denies_it(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("The ministry rejected the story, calling the reports false."), "reports false")
    assert att["polarity"] == "negative"


@pytest.mark.parametrize("text,source,stype", [
    ("Kristen Wilkins runs the gallery. Wilkins said the prints were rare.", "Wilkins", "named_person"),
    ("General Robert Miller toured the base on Monday. The general said the troops were ready.", "The general",
     "named_person"),
    ("Hospital reports indicate that two people died in the crash.", "Hospital reports", "document"),
    ("Early reports say that two people died in the crash.", "Early reports", "unspecified"),
    ("The results show that the drug works.", "The results", "document"),
])
def test_source_types(analyse, text: str, source: str, stype: str) -> None:  # type: ignore[no-untyped-def]
    att = next(a for a in analyse(text) if a["source"]["text"] == source)
    assert att["source"]["type"] == stype


@pytest.mark.parametrize("text,expected", [
    ('"There is some damage here, but I suspect further along the valley it is worse," she said.', ("probable", "positive")),
    ("\"I suspect they won't manage it on their own, we've tried and failed, so we've asked the board,\" he said.",
     ("probable", "negative")),
    ("The minister said the plan, which I think is costly, would pass.", ("certain", "positive")),
    # "if" opens a condition here, not a question
    ("The administration has warned the firm of heavy penalties if it supports the scheme.", ("certain", "positive")),
])
def test_speaker_hedges_in_any_main_clause(analyse, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    atts = analyse(text)
    assert len(atts) == 1 and (atts[0]["certainty"], atts[0]["polarity"]) == expected


@pytest.mark.parametrize("text,source,content", [
    ("The regional government supports the relocation of the harbour.", "The regional government",
     "the relocation of the harbour"),
    ("Farm ministers backed a temporary cap on fertiliser prices.", "Farm ministers",
     "a temporary cap on fertiliser prices"),
    ("The senator has railed against the new toll charges.", "The senator", "the new toll charges"),
])
def test_stance_verbs_with_a_noun_phrase(analyse, text, source, content) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse(text), content)
    assert att["source"]["text"] == source and att["content"]["text"] == content


def test_a_stance_needs_a_speaker_and_a_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("The old bridge supports the weight of two trains.") == []
    assert analyse("The council backed down on Tuesday.") == []


def test_expressed_interest_takes_what_follows_the_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("The museum director expressed interest in further loans from the collector."), "loans")
    assert att["cue"]["text"] == "expressed interest"
    assert att["content"]["text"].endswith("further loans from the collector")


def test_name_after_a_described_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("\"Two carriages left the track,\" said a spokesman for the Lakeland Ambulance and Rescue "
                  "service, Owen Pritchard.")[0]
    assert att["source"]["text"] == "Owen Pritchard" and att["source"]["type"] == "named_person"


def test_subject_before_a_root_cue_is_no_incise(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("The head of the port authority, Mara Quint, has called the ruling \"reckless\"."), "ruling")
    assert "Quint" not in att["content"]["text"]


def test_according_to_a_name_without_comma(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("According to Hallam the stolen laptop was sent back by post to the office.")[0]
    assert att["source"]["text"] == "Hallam"
    assert att["content"]["text"] == "the stolen laptop was sent back by post to the office"


def test_no_stance_in_an_infinitive_or_a_passive_of_funding(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("Many websites are forced to support outdated browsers.") == []
    assert analyse("The survey was supported by the Hallam Foundation.") == []


def test_reduced_passive_with_an_agent(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("Officials met to discuss the claims rejected by the ministry last week."), "claims")
    assert att["content"]["text"] == "the claims" and att["source"]["text"] == "the ministry"
    assert analyse("The bridge built by the engineers collapsed.") == []


def test_a_relative_pronoun_speaks_for_its_antecedent(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("The plans were drawn up by Anna Berg, who said the dam was unsafe.")[0]
    assert att["source"]["text"] == "Anna Berg" and att["source"]["type"] == "named_person"


def test_second_reporting_verb_hung_on_a_passive_report(analyse) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "cautioned" on "be delayed"; the harbour master speaks both times
    atts = analyse("Harbour master Ilse Varga said the ferry crossings should not be delayed and cautioned "
                   "that the port would close if the storm grew.")
    first = only_record(atts, "ferry crossings")
    assert first["source"]["text"].endswith("Ilse Varga") and first["content"]["text"].endswith("should not be delayed")
    second = only_record(atts, "the port would close")
    assert second["source"]["text"] == first["source"]["text"] and second["cue"]["text"] == "cautioned"


def test_a_split_quotes_second_half_has_no_speaker_of_its_own(analyse) -> None:  # type: ignore[no-untyped-def]
    # The cue-like verb inside the quote ("expect") takes an object, not an inverted speaker.
    records = analyse("“Lisbon cannot arm the rebels,” Secretary General Ana Vidal said at a press conference, "
                      "“and at the same time expect good relations with its neighbours.”")
    assert records and {a["source"]["text"] for a in records} == {"Secretary General Ana Vidal"}
