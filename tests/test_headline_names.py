"""A name only a Title-Case headline writes keeps its capital in the sentence-case re-parse
(nlp/headline_case.py): a proper noun the body never writes, unknown to the language's dictionary
in lower case, with the words of the first parse's name built on it; the sentence-case parse names it."""
from __future__ import annotations

from claimgraph.lang import get_rules
from claimgraph.nlp.components import parsed_alone
from claimgraph.nlp.headline_case import headline_lexicon, headline_steps
from claimgraph.nlp.stand_ins import load_parsing_hints

PLACE = ("Farmers Clash With Police In Karvonia Capital\n"
         "Hundreds of farmers blocked the main square on Tuesday. The police fired tear gas.\n")
PERSON = ("Minister Ilka Brenvald Quits After Audit Scandal\n"
          "The minister told reporters she would step down at once. Her deputy takes over.\n")
FIRST_WORD = ("Kovarin Takes Mayoral Race By Wide Margin\n"
              "The winner thanked volunteers late on Sunday.\n")


def _headline_names(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    doc = parsed_alone(nlp, headline_steps(nlp(text), load_parsing_hints(get_rules("en")), headline_lexicon(nlp)))
    end = text.index("\n")
    return [(e.text, e.label_) for e in doc.ents if e.start_char < end]


def test_a_place_only_the_headline_names(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert _headline_names(nlp_en, PLACE) == [("Karvonia", "GPE")]


def test_a_person_only_the_headline_names(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert ("Ilka Brenvald", "PERSON") in _headline_names(nlp_en, PERSON)


def test_a_headline_only_name_as_first_word(nlp_en) -> None:  # type: ignore[no-untyped-def]
    names = _headline_names(nlp_en, FIRST_WORD)
    assert [text for text, _ in names] == ["Kovarin"]


def test_the_engine_keeps_the_headline_names(analyzer) -> None:  # type: ignore[no-untyped-def]
    names = {m.text for e in analyzer.analyze_text(PERSON, lang="en").entities for m in e.mentions}
    assert "Ilka Brenvald" in names
    names = {m.text for e in analyzer.analyze_text(PLACE, lang="en").entities for m in e.mentions}
    assert "Karvonia" in names


def test_dictionary_words_are_still_lowered(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # words the dictionary knows (any inflection) do not become names when the body never writes them
    known = headline_lexicon(nlp_en).known
    assert all(known(w) for w in ("capital", "clashes", "officers", "quits", "audit", "wider", "crowded"))
    assert not any(known(w) for w in ("karvonia", "brenvald", "kovarin"))
    names = _headline_names(nlp_en, "Army Shells Busy Depot Near Kelmora Border\nThe shelling went on all night.\n")
    assert all("Shells" not in text and "Depot" not in text for text, _ in names)


def test_a_headline_only_name_the_first_parse_missed(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # the Title-Case parse names nothing here; the sentence-case parse names the place, and only it
    text = ("Farmers Clash With Police In Velmora Capital\n"
            "Hundreds of farmers blocked the main square on Tuesday. The police fired tear gas.\n")
    assert [e.text for e in nlp_en(text).ents if e.start_char < text.index("\n")] == []
    assert _headline_names(nlp_en, text) == [("Velmora", "GPE")]
