"""A bare "officer" is the story's police only when nothing in the source names another body or role (issue 12,
item 1; reviewer's finding on c68a084: "the company's data protection officer" and "police sources" of two
outlets were one origin `src:police`).

Invented sources and outlets ("Morning Wire", "Valley Journal"); a police force "Varn City Police Department".
"""
from __future__ import annotations

import pytest

from claimgraph.graph import claim_mentions
from graph_docs import Doc

CLAIM = "the files were copied on Friday"

NOT_POLICE = ("a data protection officer", "the commanding officer", "an officer of the company",
              "a UN human rights officer", "a ship's officer", "Europol officers", "immigration officers",
              "a senior officer in the Sudanese army", "the company's data protection officer",
              "two officers in the shipping company", "an intelligence officer", "a chief executive officer",
              "the compliance officer of the firm")
POLICE = ("police sources", "the officers involved in the arrest", "a police spokesman", "Police Commissioner",
          "Police", "les policiers", "two arresting officers", "the city's officers", "Detective Sergeant",
          "officers of the city police", "the officers at the scene", "the officer")


@pytest.mark.parametrize("words", NOT_POLICE)
def test_an_officer_of_another_body_or_role_is_not_the_police(words: str) -> None:
    from claimgraph.graph.voices import body_kind

    assert body_kind(words) is None
    assert body_kind(words, whole=True) is None


@pytest.mark.parametrize("words", POLICE)
def test_police_words_and_bare_officers_are_the_police(words: str) -> None:
    from claimgraph.graph.voices import body_kind

    assert body_kind(words) == "police"


def test_a_word_of_another_body_counts_anywhere_in_the_source() -> None:
    from claimgraph.graph.voices import body_kind

    assert body_kind("a senior officer who serves in the national army") is None  # "army" is word 8
    assert body_kind("a senior officer who serves in the national police") == "police"


def test_a_title_is_read_from_the_capitalised_words_before_a_name() -> None:
    from claimgraph.graph.voices import _title_words

    assert _title_words("the case, said Detective Sergeant") == ["Detective", "Sergeant"]
    assert _title_words("according to the coroner") == ["to", "the", "coroner"]
    assert _title_words("doubts the police account—his sister") == ["account", "his", "sister"]


def _doc(doc_id: str, outlet: str, source: str) -> Doc:
    d = Doc(doc_id, f"{source} said {CLAIM}.", "en", "2025-03-07", outlet)
    d.attribution("a1", source, "anonymous_person", CLAIM)
    return d


def test_a_companys_officer_and_police_sources_are_two_origins() -> None:
    officer = claim_mentions(_doc("d1", "Morning Wire", "The company's data protection officer").analysis)[0].origin
    police = claim_mentions(_doc("d2", "Valley Journal", "Police sources").analysis)[0].origin
    assert police.key == "src:police", police
    assert officer.key != "src:police", officer
    assert officer.key != police.key
