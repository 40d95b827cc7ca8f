"""A date between the verb and what follows is transparent: « a accusé mardi 21 mars la Moldavie de »,
« ont imposé samedi 30 novembre des sanctions à la société ». The parser hangs the object or the target on
the date's own words, differently by the day and month; the roles must not depend on which. Invented
sentences."""
from __future__ import annotations

import pytest

from event_checks import args, of_type, run

DATES = ["jeudi 4 août", "lundi 9 mai", "jeudi 12 août", "mardi 21 mars", "samedi 30 novembre",
         "lundi matin 9 mars", "jeudi soir 12 août", "mercredi soir 17 octobre"]


@pytest.mark.parametrize("date", DATES)
def test_the_accused_after_a_date_is_the_target(nlp_fr, date: str) -> None:  # type: ignore[no-untyped-def]
    (accuse,) = of_type(run(nlp_fr, "fr", f"La Norvège a accusé {date} la Moldavie de violer l'accord."), "ACCUSE")
    assert args(accuse)["target"] == "la Moldavie"
    assert args(accuse)["item"] == "violer l'accord"


@pytest.mark.parametrize("date", DATES)
def test_the_sanctioned_after_a_date_and_the_measures_is_the_target(nlp_fr, date: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Les Vingt-Sept ont imposé {date} des sanctions à la société Borvane."
    (sanction,) = of_type(run(nlp_fr, "fr", text), "SANCTION")
    assert args(sanction)["agent"] == "Les Vingt-Sept"
    assert args(sanction)["target"].startswith("la société")


@pytest.mark.parametrize("date", DATES)
def test_the_goods_after_a_date_are_the_item(nlp_fr, date: str) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_fr, "fr", f"La Norvège a livré {date} des obusiers à la Moldavie."), "SUPPLY")
    assert args(supply)["item"].startswith("des obusiers")


@pytest.mark.parametrize("date", ["on Monday", "on Monday morning", "on Thursday, May 4"])
def test_english_goods_after_a_date_are_the_item(nlp_en, date: str) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_en, "en", f"Norway delivered {date} howitzers to Moldova."), "SUPPLY")
    assert args(supply)["item"].endswith("howitzers")
