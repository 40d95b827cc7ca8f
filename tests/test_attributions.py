"""Attribution extraction on short hand-written articles in English and French."""
from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str, lang: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang=lang).attributions]
    return run


def find(atts: list[dict[str, Any]], words: str) -> dict[str, Any]:
    hits = [a for a in atts if words in a["content"]["text"]]
    assert hits, f"no attribution whose content holds {words!r}: {[a['content']['text'] for a in atts]}"
    return hits[0]


def test_spans_point_into_the_text(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Jens Stoltenberg said that China was supplying machine tools to Russia."
    for att in analyse(text, "en"):
        for key in ("content", "source"):
            span = att[key]
            assert text[span["start"]:span["end"]] == span["text"]


def test_indirect_speech_en(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("Jens Stoltenberg said that China was supplying machine tools to Russia.", "en"), "machine tools")
    assert att["kind"] == "indirect"
    assert "Stoltenberg" in att["source"]["text"]
    assert att["source"]["type"] == "named_person"
    assert not att["content"]["text"].startswith("that")


def test_according_to_anonymous_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("Cette livraison aurait eu lieu en 2023, selon un officiel occidental.", "fr"), "livraison")
    assert att["kind"] == "according_to"
    assert att["source"]["text"] == "un officiel occidental"
    assert att["source"]["type"] == "anonymous_person"
    assert att["certainty"] == "probable"
    assert "selon" not in att["content"]["text"]


def test_direct_quote_with_incise_and_definite_description(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Cette activité aurait eu lieu en 2023, selon un officiel occidental. "
            "« Le gouvernement chinois aura du mal à dissimuler son soutien », a ajouté l'officiel.")
    att = find(analyse(text, "fr"), "dissimuler")
    assert att["kind"] == "direct"
    assert "«" not in att["content"]["text"] and "»" not in att["content"]["text"]
    assert att["source"]["text"] == "l'officiel"
    assert att["source"]["type"] == "anonymous_person"


def test_pronoun_source_takes_its_antecedent(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Le secrétaire général de l'OTAN, Jens Stoltenberg, a mis en garde contre un axe autoritaire. "
            "Il a déclaré que la Chine fournissait des composants à la Russie.")
    att = find(analyse(text, "fr"), "composants")
    assert att["source"]["text"] == "Il"
    assert att["source"]["type"] == "named_person"


def test_denial_is_negative(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("The foreign ministry denied that Chinese companies had sold drones to Russia.", "en"), "drones")
    assert att["polarity"] == "negative"


def test_hedging_cue_makes_content_probable(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("A new report suggests that a Chinese company shipped drones to Russia.", "en"), "shipped")
    assert att["certainty"] == "probable"
    assert att["source"]["type"] == "document"


def test_media_relay_and_confirmation_chain(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Reuters reported that Russia had set up a drone programme in China. "
            "This report was confirmed by the official.")
    atts = analyse(text, "en")
    relayed = [a for a in atts if "drone programme" in a["content"]["text"]]
    assert len(relayed) == 2
    reuters = next(a for a in relayed if a["source"]["text"] == "Reuters")
    confirm = next(a for a in relayed if a is not reuters)
    assert reuters["source"]["type"] == "media"
    assert confirm["parent"] == reuters["id"]
    assert confirm["kind"] == "according_to"


def test_citing_makes_a_child_attribution(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Times, citing a Western official, reported that a Chinese firm sent drones to Russia."
    atts = [a for a in analyse(text, "en") if "drones" in a["content"]["text"]]
    parent = next(a for a in atts if "Times" in a["source"]["text"])
    child = next(a for a in atts if "official" in a["source"]["text"])
    assert child["parent"] == parent["id"]
    assert child["source"]["type"] == "anonymous_person"


def test_cleft_relay_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Des sources internes affirment que des entreprises chinoises ont fourni des armes à la Russie. "
            "C'est ce qu'affirme le Times britannique.")
    atts = analyse(text, "fr")
    inner = find(atts, "entreprises chinoises ont fourni")
    outer = next(a for a in atts if "Times" in a["source"]["text"])
    assert inner["parent"] == outer["id"]
    assert outer["kind"] == "according_to"


def test_no_attribution_in_plain_narration(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("The drones flew over the border on Tuesday night.", "en") == []


def test_mixed_when_fragment_closes_the_content_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("Le Kremlin a rejeté mardi des affirmations « absurdes ».", "fr"), "affirmations")
    assert att["kind"] == "mixed"


def test_quotation_split_by_incise_is_direct_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "« Nous n'avons jamais vendu de missiles à ce pays, a déclaré Maria Zakharova. Tout cela est faux. »"
    att = find(analyse(text, "fr"), "vendu de missiles")
    assert att["kind"] == "direct"


def test_evidence_verb_is_indirect_en(analyse) -> None:  # type: ignore[no-untyped-def]
    # ANNOTATION 1.8 (convention): "documents show that P" is indirect speech
    att = find(analyse("Shipping records show the tanker unloaded oil in Syria last month.", "en"), "tanker")
    assert att["kind"] == "indirect"
    assert att["source"]["type"] == "document"


def test_document_relayed_by_media_is_a_document_en(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Emails seen by Bloomberg indicate the bank ignored repeated warnings from its auditors."
    att = next(a for a in analyse(text, "en") if a["source"]["text"].startswith("Emails"))
    assert att["source"]["type"] == "document"


def test_definite_description_skips_non_person_antecedent_en(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("The ministry was aware of the plan, according to records obtained by the Guardian and three sources. "
            "One of the sources said the minister had approved the transfer.")
    att = find(analyse(text, "en"), "approved the transfer")
    assert att["source"]["type"] == "anonymous_person"


def test_singular_pronoun_skips_plural_source_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Deux diplomates ont affirmé que l'accord était prêt. Le ministre allemand, Olaf Scholz, "
            "a refusé de commenter. Il a assuré que les discussions se poursuivaient.")
    att = find(analyse(text, "fr"), "discussions se poursuivaient")
    assert att["source"]["type"] == "named_person"


def test_inverted_pronoun_is_the_speaker_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Olaf Scholz a défendu la décision. « Nous avons agi dans le respect du droit », a-t-il ajouté.")
    att = find(analyse(text, "fr"), "respect du droit")
    assert att["source"]["type"] == "named_person"


def test_press_reports_are_media_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Le gouvernement a démenti des informations de presse affirmant que le ministre allait démissionner."
    att = next(a for a in analyse(text, "fr") if a["content"]["text"].startswith("le ministre"))
    assert att["source"]["type"] == "media"


def test_object_stops_before_a_comma_participle_en(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The company rejected claims that it had bribed officials, calling the allegations “baseless”."
    att = next(a for a in analyse(text, "en") if a["cue"] and a["cue"]["text"] == "rejected")
    assert "calling" not in att["content"]["text"]
    assert att["kind"] == "indirect"


def test_a_report_noun_owns_its_that_clause(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("The minister was responding to a Baltic Wire report, published on Monday, that Arcadia Motors "
            "had shipped turbines to Volga Dynamics.")
    atts = analyse(text, "en")
    holders = [a for a in atts if "Arcadia Motors had shipped" in a["content"]["text"]]
    assert holders, atts
    assert all("minister" not in a["source"]["text"] for a in holders)
    assert any("report" in a["source"]["text"] for a in holders)


def test_the_input_header_is_never_a_source(analyse) -> None:  # type: ignore[no-untyped-def]
    text = " date 2024-09-27 Beijing denies arming Russia after drone report\n\nBEIJING - China rejected the reports."
    headline = find(analyse(text, "en"), "arming Russia")
    assert headline["source"]["text"] == "Beijing"


@pytest.mark.parametrize("lang,text,content", [
    ("fr", "La Chine a vivement démenti jeudi avoir livré du matériel militaire à la Russie, au lendemain d'un article.",
     "avoir livré du matériel militaire à la Russie"),
    ("en", "Beijing on Friday denied arming Russia.", "arming Russia"),
])
def test_a_denied_infinitive_is_negative_once(analyse, lang: str, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse(text, lang), content.split()[1])
    assert att["content"]["text"] == content
    assert att["polarity"] == "negative"


def test_the_accused_is_never_the_source(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Les dirigeants occidentaux ont évité jusqu'à présent d'accuser directement le gouvernement iranien "
            "de fournir des armes à la Russie.")
    for att in analyse(text, "fr"):
        assert "gouvernement iranien" not in att["source"]["text"], att


def test_source_phrases_stop_at_their_content(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("The minister pointed to an earlier Baltic Wire report that Iran had shipped drones to Russia.", "en"),
               "Iran had shipped")
    assert att["source"]["text"] == "an earlier Baltic Wire report"
    att = find(analyse("« Nous ne sommes pas au courant », a-t-il ajouté.", "fr"), "au courant")
    assert att["source"]["text"] == "il"


def test_an_adjunct_clause_is_no_content(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("« L'Iran ne peut pas soutenir cette guerre sans que cela ait des conséquences », "
            "a averti le ministre, Paul Martin.")
    for att in analyse(text, "fr"):
        assert att["cue"]["text"] != "soutenir", att


def test_selon_lesquelles_source_is_the_noun_before(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Washington disposait d'informations selon lesquelles des entreprises iraniennes auraient livré des images."
    att = find(analyse(text, "fr"), "entreprises iraniennes")
    assert att["source"]["text"] == "informations"


def test_a_clause_cut_after_its_subject_is_read_whole(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Interrogée, l'ambassade a nié toute livraison. Elle a affirmé que Pékin \"n'a jamais fourni d'armes létales\" "
            "aux belligérants.")
    att = find(analyse(text, "fr"), "jamais fourni")
    assert att["content"]["text"].startswith("Pékin")
    assert att["polarity"] == "negative"


def test_texts_state_that_is_a_report(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("The legal texts were adopted on Monday. The texts state that Arcadia Motors \"designed and produced\" "
            "engines used in the Lance-9 and that a broker acted as an intermediary.")
    att = find(analyse(text, "en"), "Arcadia Motors")
    assert "texts" in att["source"]["text"]


@pytest.mark.parametrize("text,reported", [
    ("NATO called Iran a decisive enabler of the war.", True),
    ("The alliance called for new sanctions on Iranian suppliers.", True),
    ("Reporters called the company on Tuesday.", False),
])
def test_call_describes_only_with_a_complement(analyse, text: str, reported: bool) -> None:  # type: ignore[no-untyped-def]
    cues = [a["cue"]["text"] for a in analyse(text, "en")]
    assert any("call" in c for c in cues) is reported, cues


def test_a_trailing_participle_speaks_for_the_sentence_subject(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("The diplomat said the listings were a first step, adding that some capitals feared retaliation "
            "against European businesses.")
    att = find(analyse(text, "en"), "capitals feared")
    assert att["source"]["text"] == "The diplomat"


def test_a_speaker_hedging_their_own_words_is_no_report(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse('"I think the system is being rigged," the candidate said at a rally.', "en")
    assert [a["source"]["text"] for a in atts] == ["the candidate"]


@pytest.mark.parametrize("lang,text,source,content", [
    ("en", "Pence: Flowers Will Not Be at the Debate\n\nGovernor Mike Pence spoke on Sunday.", "Pence",
     "Flowers Will Not Be at the Debate"),
    ("fr", "Stoltenberg : « L'Iran doit cesser son soutien ». Le secrétaire général Jens Stoltenberg a parlé.",
     "Stoltenberg", "L'Iran doit cesser son soutien"),
])
def test_speaker_colon_headline(analyse, lang: str, text: str, source: str, content: str) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse(text, lang), content.split()[0])
    assert att["source"]["text"] == source and att["content"]["text"] == content


def test_a_topic_before_a_colon_is_no_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Drones : Pékin dément toute livraison d'armes à la Russie.", "fr")
    assert all(a["source"]["text"] != "Drones" for a in atts)


def test_doubled_apostrophes_quote(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "''It's more tinkering at the edges,'' said Alan Cole, an economist at a research group."
    att = find(analyse(text, "en"), "tinkering")
    assert att["content"]["text"] == "It's more tinkering at the edges" and att["kind"] == "direct"
