"""A person's country from the title a journalist writes with their name (resolve/person_states.py): a state
role with a country written as a state's, before the name or in an apposition after it. Invented names."""
from __future__ import annotations

from claimgraph.lang import get_rules
from claimgraph.model import Entity, Span
from claimgraph.resolve.person_states import person_countries


def _country(text: str, name: str, *more: str) -> str | None:
    """The country given to the person `name`, mentioned as `name` and each of `more` (each at its next
    occurrence)."""
    mentions, end = [], 0
    for words in (name, *more):
        at = text.index(words, end)
        mentions.append(Span.of(text, at, at + len(words)))
        end = at + len(words)
    person = Entity(id="e1", name=name, type="PERSON", mentions=mentions)
    person_countries(text, [person], get_rules("en").data("entities"))
    return person.country


def test_a_state_title_gives_the_country() -> None:
    assert _country("Sudanese Army spokesman Tal Omri denied it.", "Tal Omri") == "SD"
    assert _country("In a speech, Peru's president Ana Quispe spoke.", "Ana Quispe") == "PE"
    assert _country("Marta Ruiz, the commissioner of a county in Bolivia's east, said ten died.", "Marta Ruiz") == "BO"
    assert _country("Ivo Lind, spokesman for Estonia's armed forces, said so.", "Ivo Lind") == "EE"
    # a country's bare name before a state body ("Sudan Armed Forces spokesman ...")
    assert _country("However, Peru Armed Forces spokesman Tal Omri denied it.", "Tal Omri") == "PE"


def test_a_later_mention_keeps_it_and_other_titles_give_none() -> None:
    text = "Greek Prime Minister Nikos Stavrou spoke. Later Mr Stavrou said more."
    assert _country(text, "Nikos Stavrou", "Stavrou") == "GR"
    assert _country("Local official Nikos Stavrou said 12 died.", "Nikos Stavrou") is None  # no country written
    assert _country("A spokesman for the Peru People's Front, Tal Omri, said.", "Tal Omri") is None  # no state's body
    assert _country("Tal Omri, a Sudanese refugee, said.", "Tal Omri") is None  # no state role
    text = "Peruvian minister Tal Omri met Bolivian minister Ana Quispe. Tal Omri, Bolivia's envoy, spoke."
    assert _country(text, "Tal Omri", "Tal Omri") is None  # two countries: none


def test_words_that_only_look_like_countries_give_none() -> None:
    assert _country("It was during President Tal Omri's term.", "Tal Omri") is None  # "It": Italy's code
    assert _country("Tal Omri, a spokesman for the United Dock Workers of America, said.", "Tal Omri") is None
    assert _country("Tal Omri, vice president for policy at the Center for American Progress.", "Tal Omri") is None
    assert _country("Ana Quispe, spokeswoman for the Indonesian military, said.", "Ana Quispe") == "ID"
