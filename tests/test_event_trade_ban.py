"""A ban on trade is one SANCTION: the imports or exports it bars are its target, not a SUPPLY of their
own ("a noun that is an argument of another trigger", ANNOTATION 2.1). Invented sentences."""
from __future__ import annotations

from event_checks import args, of_type, run


def test_banned_imports_are_no_supply(nlp_en) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp_en, "en", "Canada banned Venezuelan oil imports after the coup.")
    assert [e.type for e in events] == ["SANCTION"]
    assert args(events[0])["target"] == "Venezuelan oil imports"


def test_a_law_barring_imports_is_no_supply(nlp_en) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp_en, "en", "The Senate passed a bill barring imports of Kazakh uranium.")
    assert of_type(events, "SUPPLY") == []
    assert len(of_type(events, "SANCTION")) == 1


def test_imports_resumed_are_still_a_supply(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_en, "en", "Canada resumed Venezuelan oil imports after the coup."), "SUPPLY")
    assert args(supply)["item"] == "oil"
