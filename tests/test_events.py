"""Events: triggers, roles from the parse, entity and attribution links, factuality, time.

Entities and attributions are built by hand here, so these tests exercise the
event stage alone, whatever the entity and attribution stages currently give.
"""
from __future__ import annotations


import pytest

from claimgraph.model import Attribution, Entity, Event, Source, Span

from event_checks import args, run


def entity(eid: str, name: str, etype: str, text: str, *surfaces: str) -> Entity:
    """An entity with a mention at every occurrence of each surface form."""
    mentions = []
    for surface in surfaces:
        start = text.find(surface)
        while start >= 0:
            mentions.append(Span(start, start + len(surface), surface))
            start = text.find(surface, start + 1)
    return Entity(eid, name, etype, mentions=mentions)


def attribution(aid: str, text: str, source: str, cue: str, content: str, certainty: str = "certain",
                polarity: str = "positive") -> Attribution:
    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part), part)
    return Attribution(aid, Source(span(source), "organization"), span(cue), span(content),
                       certainty=certainty, polarity=polarity)


def only(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger) for e in events]
    return found[0]


def test_french_supply_roles_and_entities(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Des sources affirment que des entreprises chinoises ont fourni des armes à la Russie."
    russia = entity("e1", "Russia", "GPE", text, "Russie")
    claim = attribution("a1", text, "Des sources", "affirment",
                        "des entreprises chinoises ont fourni des armes à la Russie")
    event = only(run(nlp_fr, "fr", text, [russia], [claim]), "SUPPLY")
    assert event.trigger is not None and event.trigger.text == "fourni"
    assert args(event)["agent"] == "des entreprises chinoises"
    assert "armes" in args(event)["item"] and "Russie" not in args(event)["item"]
    assert event.arguments["recipient"].entity == "e1"
    assert event.attribution == "a1"
    assert (event.certainty, event.polarity) == ("certain", "positive")
    assert all(text[a.span.start:a.span.end] == a.span.text for a in event.arguments.values())


def test_hedged_report_makes_the_event_probable(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Un rapport suggère qu'une entreprise chinoise a expédié des drones en Russie."
    report = attribution("a1", text, "Un rapport", "suggère",
                         "une entreprise chinoise a expédié des drones en Russie", certainty="probable")
    event = only(run(nlp_fr, "fr", text, [entity("e1", "Russia", "GPE", text, "Russie")], [report]), "SUPPLY")
    assert event.certainty == "probable"
    assert args(event)["recipient"] == "Russie"


def test_negation_and_negative_governor(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "La Chine n'a jamais fourni d'armes à la Russie."
    ents = [entity("e1", "China", "GPE", text, "Chine"), entity("e2", "Russia", "GPE", text, "Russie")]
    assert only(run(nlp_fr, "fr", text, ents), "SUPPLY").polarity == "negative"

    text = "Les alliés ont évité d'accuser le gouvernement chinois de fournir des armes à la Russie."
    gov = entity("e1", "Government of China", "ORG", text, "gouvernement chinois")
    events = run(nlp_fr, "fr", text, [gov, entity("e2", "Russia", "GPE", text, "Russie")])
    accuse = only(events, "ACCUSE")
    assert accuse.polarity == "negative" and accuse.arguments["target"].entity == "e1"
    # the act inside a non-accusation is claimed by no one
    assert not [e for e in events if e.type == "SUPPLY"]


def test_passive_supply_in_english(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The drones were supplied to Russia by a Chinese company."
    event = only(run(nlp_en, "en", text, [entity("e1", "Russia", "GPE", text, "Russia")]), "SUPPLY")
    assert args(event) == {"agent": "a Chinese company", "recipient": "Russia", "item": "The drones"}


def test_infinitive_inherits_the_governing_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "La Russie a mis en place un programme en Chine pour fabriquer des drones d'attaque."
    event = only(run(nlp_fr, "fr", text, [entity("e1", "Russia", "GPE", text, "Russie")]), "PRODUCE")
    assert event.arguments["agent"].entity == "e1"
    assert "drones d'attaque" in args(event)["item"]


def test_apposition_ownership_is_background(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said Limbach shipped engines to IEMZ Kupol, a subsidiary of Almaz-Antey, last year."
    ents = [entity("e1", "IEMZ Kupol", "ORG", text, "IEMZ Kupol"), entity("e2", "Almaz-Antey", "ORG", text, "Almaz-Antey"),
            entity("e3", "Xiamen Limbach", "ORG", text, "Limbach")]
    said = attribution("a1", text, "Officials", "said",
                       "Limbach shipped engines to IEMZ Kupol, a subsidiary of Almaz-Antey, last year")
    events = run(nlp_en, "en", text, ents, [said])
    owner = only(events, "OWNERSHIP")
    assert owner.arguments["owner"].entity == "e2" and owner.arguments["owned"].entity == "e1"
    assert owner.attribution is None
    supply = only(events, "SUPPLY")
    assert args(supply)["recipient"] == "IEMZ Kupol"
    assert supply.attribution == "a1"
    assert supply.time is not None and supply.time.value == "2023"


def test_pronoun_argument_takes_its_antecedent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "IEMZ Kupol a informé le ministère qu'elle pouvait produire en masse des drones dans une usine chinoise."
    event = only(run(nlp_fr, "fr", text, [entity("e1", "IEMZ Kupol", "ORG", text, "IEMZ Kupol")]), "PRODUCE")
    assert event.trigger is not None and event.trigger.text == "produire en masse"
    assert args(event)["agent"] == "elle" and event.arguments["agent"].entity == "e1"
    assert event.certainty == "possible"


def test_denied_act_is_negative_and_done_by_the_denier(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Pékin a démenti toute livraison d'armes à la Russie."
    ents = [entity("e1", "Government of China", "ORG", text, "Pékin"), entity("e2", "Russia", "GPE", text, "Russie")]
    events = run(nlp_fr, "fr", text, ents)
    deny = only(events, "DENY")
    assert deny.attribution is None and deny.arguments["agent"].entity == "e1"
    supply = only(events, "SUPPLY")
    assert supply.polarity == "negative" and supply.arguments["agent"].entity == "e1"


def test_anaphoric_sentence_dates_the_previous_event(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Une entreprise chinoise a expédié des drones en Russie. Cette activité aurait eu lieu en 2023."
    event = only(run(nlp_fr, "fr", text, [entity("e1", "Russia", "GPE", text, "Russie")]), "SUPPLY")
    assert event.time is not None and (event.time.span.text, event.time.value) == ("en 2023", "2023")


def test_rejecting_a_proposal_is_not_a_denial(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry rejected the proposal. The ministry rejected the accusations."
    denials = [e for e in run(nlp_en, "en", text, []) if e.type == "DENY"]
    assert [args(e)["item"] for e in denials] == ["the accusations"]


def test_use_needs_a_place_and_not_a_purpose(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "La Russie déploie des drones en Ukraine. Les armes sont destinées à être utilisées en Ukraine."
    ents = [entity("e1", "Ukraine", "GPE", text, "Ukraine"), entity("e2", "Russia", "GPE", text, "Russie")]
    uses = [e for e in run(nlp_fr, "fr", text, ents) if e.type == "USE"]
    assert len(uses) == 1 and uses[0].arguments["location"].entity == "e1"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_lexicon_word_no_event(lang: str, analyzer) -> None:  # type: ignore[no-untyped-def]
    nlp = analyzer.pipelines.get(lang)
    text = "Le ministre a parlé hier." if lang == "fr" else "The minister spoke yesterday."
    assert run(nlp, lang, text, []) == []


def test_seed_gold_events_floor(analyzer, scorer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The seed's SUPPLY, PRODUCE, DEVELOP and OWNERSHIP events come out, with "en 2023" as 2023."""
    import json

    from conftest import GOLD, SEED

    analysis = next(analyzer.analyze_paths([SEED]))
    (tmp_path / "000_484c29df8968dbf4.json").write_text(json.dumps(analysis.to_dict()), encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "000_484c29df8968dbf4.gold.json").write_text((GOLD / "000_484c29df8968dbf4.gold.json").read_text("utf-8"))
    report = scorer.score_dirs(str(gold_dir), str(tmp_path))
    found = {e.type for e in analysis.events}
    assert {"SUPPLY", "PRODUCE", "DEVELOP", "OWNERSHIP"} <= found
    assert any(e.time is not None and e.time.value == "2023" for e in analysis.events if e.type == "SUPPLY")
    assert json.dumps(report)  # scored without crashing


def test_recipient_hung_on_the_item_is_split_off(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = ("La société Arcadia Motors aurait expédié cette année une trentaine de moteurs à Volga Dynamics, "
            "un fabricant russe.")
    ents = [entity("e1", "Arcadia Motors", "ORG", text, "Arcadia Motors"),
            entity("e2", "Volga Dynamics", "ORG", text, "Volga Dynamics")]
    (supply,) = run(nlp_fr, "fr", text, ents)
    assert supply.arguments["recipient"].entity == "e2"
    assert "Volga" not in supply.arguments["item"].span.text
    assert "moteurs" in supply.arguments["item"].span.text


def test_company_description_points_back_to_the_named_firm(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = ("Le ministère a cité Arcadia Motors dans son rapport. Selon les enquêteurs, "
            "l'entreprise a livré des turbines à la Russie.")
    ents = [entity("e1", "Arcadia Motors", "ORG", text, "Arcadia Motors"),
            entity("e2", "Russia", "GPE", text, "Russie")]
    supply = next(e for e in run(nlp_fr, "fr", text, ents) if e.type == "SUPPLY")
    assert supply.arguments["agent"].span.text == "l'entreprise"
    assert supply.arguments["agent"].entity == "e1"


def test_he_stands_for_a_person_not_the_last_country(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ("Spokesman Daniel Okafor spoke about Russia on Friday. "
            "He accused Beijing of helping Moscow rebuild its arms industry.")
    ents = [entity("e1", "Daniel Okafor", "PERSON", text, "Daniel Okafor"),
            entity("e2", "Russia", "GPE", text, "Russia"),
            entity("e3", "Government of China", "ORG", text, "Beijing")]
    accuse = next(e for e in run(nlp_en, "en", text, ents) if e.type == "ACCUSE")
    assert accuse.arguments["agent"].entity == "e1"


def test_etre_with_a_participle_is_passive_and_its_pronoun_is_the_item(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le drone Lance-9 a été présenté l'an dernier. Selon les experts, il était fabriqué en Russie."
    ents = [entity("e1", "Lance-9", "PRODUCT", text, "Lance-9"), entity("e2", "Russia", "GPE", text, "Russie")]
    produce = next(e for e in run(nlp_fr, "fr", text, ents) if e.type == "PRODUCE")
    assert "agent" not in produce.arguments
    assert produce.arguments["item"].entity == "e1"


def test_header_and_dateline_are_never_arguments(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = (" date 2024-09-26 Chinese turbines supplied to Russian drone maker\n\n"
            "WARSAW (Baltic Wire) - Russia's drones fly on turbines made in China.")
    (supply,) = run(nlp_en, "en", text, [])
    assert args(supply) == {"recipient": "Russian drone maker", "item": "Chinese turbines"}


def test_feminine_pronoun_skips_a_masculine_antecedent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Volga Dynamics a informé le ministère de la Défense qu'elle pouvait produire en masse des drones."
    ents = [entity("e1", "Volga Dynamics", "ORG", text, "Volga Dynamics"),
            entity("e2", "Ministry of Defence", "ORG", text, "ministère de la Défense")]
    produce = next(e for e in run(nlp_fr, "fr", text, ents) if e.type == "PRODUCE")
    assert produce.arguments["agent"].entity == "e1"


def test_a_described_name_links_the_whole_description(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Volga Dynamics is a subsidiary of the state defence conglomerate Ural-Tekh, filings show."
    ents = [entity("e1", "Volga Dynamics", "ORG", text, "Volga Dynamics"),
            entity("e2", "Ural-Tekh", "ORG", text, "Ural-Tekh")]
    owner = next(e for e in run(nlp_en, "en", text, ents) if e.type == "OWNERSHIP").arguments["owner"]
    assert owner.entity == "e2"


def test_coordinated_verbs_pool_their_roles(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Engineers said Volga Dynamics designed and tested a new drone with help from specialists in Iran."
    ents = [entity("e1", "Volga Dynamics", "ORG", text, "Volga Dynamics")]
    develops = [e for e in run(nlp_en, "en", text, ents) if e.type == "DEVELOP"]
    assert len(develops) == 1
    assert {"agent", "item"} <= set(develops[0].arguments)


def test_sanctions_on_a_target(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The European Union on Monday imposed sanctions on two Chinese companies."
    ents = [entity("e1", "European Union", "ORG", text, "European Union")]
    sanction = next(e for e in run(nlp_en, "en", text, ents) if e.type == "SANCTION")
    assert args(sanction) == {"agent": "European Union", "target": "two Chinese companies"}


@pytest.mark.parametrize("lang,text", [
    ("fr", "La Russie construit les bombes utilisées en Ukraine. Cela permettrait aux missiles d'être utilisés en Ukraine."),
    ("en", "Russia builds the bombs used in Ukraine."),
])
def test_descriptive_or_enabled_use_is_no_use(lang: str, text: str, request) -> None:  # type: ignore[no-untyped-def]
    nlp = request.getfixturevalue(f"nlp_{lang}")
    ents = [entity("e1", "Ukraine", "GPE", text, "Ukraine")]
    assert [e for e in run(nlp, lang, text, ents) if e.type == "USE"] == []


def test_quoted_coordination_shares_subject_object_and_participle(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = 'The texts state that Xiamen Limbach "designed and produced" engines used in the Lance-9.'
    ents = [entity("e1", "Xiamen Limbach Aircraft Engine", "ORG", text, "Xiamen Limbach"),
            entity("e2", "Lance-9", "PRODUCT", text, "Lance-9")]
    events = {e.type: e for e in run(nlp_en, "en", text, ents)}
    for kind in ("DEVELOP", "PRODUCE"):
        assert events[kind].arguments["agent"].entity == "e1"
        assert events[kind].arguments["item"].span.text == "engines used in the Lance-9"


def test_a_hyphenated_compound_stays_whole(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "« Les entreprises chinoises continuent d'envoyer à la Russie des machines-outils », a affirmé le diplomate."
    ents = [entity("e1", "Russia", "GPE", text, "Russie")]
    supply = next(e for e in run(nlp_fr, "fr", text, ents) if e.type == "SUPPLY")
    assert supply.arguments["item"].span.text == "des machines-outils"


def test_an_event_noun_takes_the_roles_of_the_event_it_names(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ("Arcadia Motors shipped turbines to Volga Dynamics last year. "
            "The deliveries were routed through Pearl River Trading, a broker in Shenzhen. "
            "Officials said the shipments were legal.")
    ents = [entity("e1", "Arcadia Motors", "ORG", text, "Arcadia Motors"),
            entity("e2", "Volga Dynamics", "ORG", text, "Volga Dynamics"),
            entity("e3", "Pearl River Trading", "ORG", text, "Pearl River Trading")]
    supplies = [e for e in run(nlp_en, "en", text, ents) if e.type == "SUPPLY"]
    assert [e.trigger.text for e in supplies if e.trigger] == ["shipped", "deliveries"]
    deliveries = supplies[1].arguments
    assert deliveries["via"].entity == "e3" and deliveries["agent"].entity == "e1"
