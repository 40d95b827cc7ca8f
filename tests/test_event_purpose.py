"""What an item is for is not who receives it, and an act the denied reports describe keeps their polarity."""
from __future__ import annotations


def _supply(analyzer, text: str, lang: str):  # type: ignore[no-untyped-def]
    (event,) = [e for e in analyzer.analyze_text(text, lang=lang).events if e.type == "SUPPLY"]
    return event


def test_for_a_thing_is_part_of_the_item(analyzer) -> None:  # type: ignore[no-untyped-def]
    event = _supply(analyzer, "Two Belarusian firms supplied gearboxes for armoured vehicles.", "en")
    assert "recipient" not in event.arguments
    assert event.arguments["item"].span.text == "gearboxes for armoured vehicles"


def test_for_someone_is_still_a_recipient(analyzer) -> None:  # type: ignore[no-untyped-def]
    event = _supply(analyzer, "The company supplied gearboxes for Belarus last year.", "en")
    assert event.arguments["recipient"].span.text == "Belarus"


def test_pour_une_chose_reste_dans_l_objet(analyzer) -> None:  # type: ignore[no-untyped-def]
    event = _supply(analyzer, "L'entreprise a fourni des boîtes de vitesses pour les blindés.", "fr")
    assert "recipient" not in event.arguments
    assert event.arguments["item"].span.text.endswith("pour les blindés")


def test_an_act_inside_rejected_reports_keeps_the_reports_polarity(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text("The ministry rejected reports that two firms had shipped gearboxes to Belarus.", lang="en")
    (supply,) = [e for e in analysis.events if e.type == "SUPPLY"]
    assert supply.polarity == "positive"
    assert any(e.type == "DENY" for e in analysis.events)


def test_a_possessed_purpose_is_the_givers_not_the_items(analyzer) -> None:  # type: ignore[no-untyped-def]
    event = _supply(analyzer, "L'Iran fournit des missiles à la Russie pour sa guerre.", "fr")
    assert event.arguments["item"].span.text == "des missiles"


def test_the_occasion_of_a_denial_is_not_what_is_denied(analyzer) -> None:  # type: ignore[no-untyped-def]
    for text, lang, denied in (("Ankara denies arming Moscow after newspaper report", "en", "arming Moscow"),
                               ("Ankara dément toute vente de drones à Moscou après un rapport de presse", "fr",
                                "toute vente de drones à Moscou")):
        analysis = analyzer.analyze_text(text, lang=lang)
        (denial,) = [e for e in analysis.events if e.type == "DENY"]
        assert denial.arguments["item"].span.text == denied, text
        (attribution,) = [a for a in analysis.attributions if a.cue is not None and a.cue.text in ("denies", "dément")]
        assert attribution.content.text == denied, text
