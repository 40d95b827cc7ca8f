"""English attributions and the way news copy is laid out (issue 12, end to end): a quotation running on over
paragraphs, a bare quotation paragraph after its speaker's, an abbreviation's full stop inside a sentence, an
apposition inside the reported clause's subject, a clause subject the parser read as the cue's object
(invented sentences)."""
from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab
from attribution_checks import only_record

from claimgraph.extract.attribution.incises import object_read_as_subject
from claimgraph.extract.attribution.quotes import quote_spans
from claimgraph.extract.attribution.spans import quotations


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="en").attributions]
    return run


RUN_ON = ('"Our harbour has reached the end of its life.\nIt is time to build another one.\n'
          '"What matters now is the fishermen."\nThe mayor said the storm was a "terrible blow".')


def test_a_straight_mark_opening_a_paragraph_opens_a_quotation() -> None:
    # the first quotation closes with its paragraph; the mark at the next one's start opens the next
    spans = [(start, end) for start, end, _ in quotations(RUN_ON)]
    second = RUN_ON.index('"What')
    assert spans[0] == (0, RUN_ON.rindex("\n", 0, second) + 1)
    assert spans[1] == (second, RUN_ON.index('."') + 2)
    assert spans[2] == (RUN_ON.index('"terrible'), RUN_ON.rindex('"') + 1)
    assert list(quote_spans(RUN_ON)) == spans


def test_marks_on_one_line_pair_as_before() -> None:
    text = 'He said "no" and "never" twice.\n"Both are final," he added.'
    assert [text[s:e] for s, e, _ in quotations(text)] == ['"no"', '"never"', '"Both are final,"']


def test_a_quoted_phrase_after_a_run_on_quotation_stays_with_its_clause(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse(RUN_ON), "storm")
    assert att["source"]["text"] == "The mayor"
    assert att["content"]["text"] == 'the storm was a "terrible blow"'


@pytest.mark.parametrize("text,speaker,quote", [
    ('"Our town has never known a night like this," the governor Anna Berg said in a statement.\n'
     '"We are all responsible for what comes next."\nThe marchers had gone home by the evening.',
     "Anna Berg", "We are all responsible for what comes next."),
    ('"I saw roofs fall onto the street," Lena Holm, a baker from the valley, said after the quake.\n'
     '"Many people were hurt, but it is hard to reach them because of the traffic."\nThe quake also closed a school.',
     "Lena Holm", "Many people were hurt, but it is hard to reach them because of the traffic."),
])
def test_a_bare_quotation_paragraph_goes_on_with_the_speaker_before_it(analyse, text: str, speaker: str,  # type: ignore[no-untyped-def]
                                                                       quote: str) -> None:
    # the next paragraph opening with "The" is no phrase the quotation opens on its line
    att = only_record(analyse(text), quote.split()[0])
    assert att["content"]["text"] == quote
    assert att["source"]["text"] == speaker and att["kind"] == "direct"


@pytest.mark.parametrize("text,source,start", [
    ("Between 40 and 50 fans gathered on Elm Ave. in the old town and threw cans at stewards, witnesses said.",
     "witnesses", "Between 40 and 50 fans gathered on Elm Ave. in the old town"),
    ("A ferry sank off the cape at 6:10 a.m. GMT (1:10 a.m. EST), leaving three people missing, the coastguard reported.",
     "the coastguard", "A ferry sank off the cape at 6:10 a.m. GMT"),
])
def test_an_abbreviation_stop_ends_no_sentence(analyse, text: str, source: str, start: str) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse(text), start.split()[1])
    assert att["source"]["text"] == source
    assert att["content"]["text"].startswith(start)


def test_a_sentence_after_a_time_abbreviation_still_starts(analyzer) -> None:  # type: ignore[no-untyped-def]
    atts = analyzer.analyze_text("The mayor arrived at 9 a.m. He said the bridge was closed.", lang="en").attributions
    assert [(a.source.span.text, a.content.text) for a in atts] == [("He", "the bridge was closed")]


def test_an_apposition_inside_the_reported_subject_is_no_gloss(analyse) -> None:  # type: ignore[no-untyped-def]
    att = only_record(analyse("Officials said at least four people, two guards and two drivers, were hurt in the blast."),
                      "four")
    assert att["content"]["text"] == "at least four people, two guards and two drivers, were hurt in the blast"


def test_a_clause_subject_read_as_the_cue_object(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Firefighters said three men and a boy, aged between 12 and 50, living near the mill fell ill from fumes "
            "after vandals smashed the gates of the depot and set tyres alight.")
    att = only_record(analyse(text), "boy")
    assert att["source"]["text"] == "Firefighters"
    assert att["content"]["text"].startswith("three men and a boy")
    assert att["content"]["text"].endswith("set tyres alight")


# The parse that rule mends, given by hand (the parser makes it only now and then): the subject "three men" hung on
# "said" as its object, its verb "fainted" a finite clause hung on "mill" with no subject of its own.
MISREAD = [("Firefighters", "nsubj", 1, "NOUN", ""), ("said", "ROOT", 1, "VERB", "VerbForm=Fin"),
           ("three", "nummod", 3, "NUM", ""), ("men", "dobj", 1, "NOUN", ""),
           ("working", "advcl", 1, "VERB", "VerbForm=Part"), ("for", "prep", 4, "ADP", ""),
           ("a", "det", 8, "DET", ""), ("paper", "compound", 8, "NOUN", ""), ("mill", "pobj", 5, "NOUN", ""),
           ("fainted", "acl", 8, "VERB", "VerbForm=Fin"), ("from", "prep", 9, "ADP", ""),
           ("fumes", "pobj", 10, "NOUN", ""), ("after", "mark", 14, "SCONJ", ""), ("vandals", "nsubj", 14, "NOUN", ""),
           ("smashed", "advcl", 9, "VERB", "VerbForm=Fin"), ("the", "det", 16, "DET", ""),
           ("gates", "dobj", 14, "NOUN", "")]


def _misread(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    return Doc(Vocab(), words=[r[0] for r in rows], deps=[r[1] for r in rows], heads=[r[2] for r in rows],
               pos=[r[3] for r in rows], morphs=[r[4] for r in rows])


def test_a_subject_parsed_as_the_cues_object_opens_the_content() -> None:
    words = object_read_as_subject(_misread(MISREAD)[1])
    assert words is not None
    assert " ".join(t.text for t in words) == "three men working for a paper mill fainted from fumes after vandals " \
                                              "smashed the gates"


def test_an_object_before_a_verb_with_its_own_subject_opens_nothing() -> None:
    rows = [r if r[0] != "fumes" else ("it", "nsubj", 9, "PRON", "") for r in MISREAD]  # "... mill it fainted ..."
    assert object_read_as_subject(_misread(rows)[1]) is None
