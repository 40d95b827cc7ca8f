"""Event classes of real news, second round: one-off verbs of handing over (give, return, seed) that are a
transfer only when something goes to someone, a passive that keeps its object ("were given the jets"),
the giver after a recipient noun, the target of a measure as the subject of "subject to" / « soumis à »,
two coordinated measures, the typographic apostrophe of French prepositions. Invented sentences."""
from __future__ import annotations

from claimgraph.model import Entity, Span

from event_checks import args, of_type, run


def entity(eid: str, name: str, etype: str, text: str, surface: str) -> Entity:
    start = text.index(surface)
    return Entity(eid, name, etype, mentions=[Span(start, start + len(surface), surface)])


def test_returning_goods_to_someone_is_a_supply_returning_home_is_not(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The broker returned the drone parts to the importer. The minister returned to the capital."
    (supply,) = of_type(run(nlp_en, "en", text), "SUPPLY")
    assert args(supply) == {"agent": "The broker", "recipient": "the importer", "item": "the drone parts"}


def test_giving_approval_is_no_supply_and_keeps_its_own_object(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The senator returned to the capital and gave final approval to the bill."
    assert of_type(run(nlp_en, "en", text), "SUPPLY") == []


def test_a_passive_that_keeps_its_object_names_the_recipient(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The coastguard was given four patrol boats by the navy."
    (supply,) = of_type(run(nlp_en, "en", text), "SUPPLY")
    assert args(supply)["recipient"] == "The coastguard"
    assert args(supply)["item"] == "four patrol boats"


def test_seeding_someone_with_goods(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The foundation has seeded rural clinics with thousands of vaccine doses."
    (supply,) = of_type(run(nlp_en, "en", text), "SUPPLY")
    assert args(supply)["recipient"] == "rural clinics"
    assert args(supply)["item"].endswith("vaccine doses")


def test_a_recipient_of_a_programme_names_the_giver(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The town museum, like 40 other museums in the region, is a recipient of a national loan programme."
    (supply,) = of_type(run(nlp_en, "en", text), "SUPPLY")
    assert args(supply) == {"agent": "a national loan programme", "recipient": "The town museum"}


def test_the_subject_of_subject_to_is_the_target(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (sanction,) = of_type(run(nlp_en, "en", "The trading house is subject to sanctions."), "SANCTION")
    assert args(sanction) == {"target": "The trading house"}


def test_french_measures_under_soumis_a_are_two_sanctions_on_its_subject(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le négociant sera soumis à une interdiction de visa et à un gel de ses avoirs."
    sanctions = of_type(run(nlp_fr, "fr", text), "SANCTION")
    assert [s.trigger.text for s in sanctions if s.trigger] == ["interdiction de visa", "gel"]
    assert all(args(s).get("target") == "Le négociant" for s in sanctions)


def test_french_preposition_with_a_typographic_apostrophe(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Deux fermes ont brûlé après des tirs d’artillerie près du fleuve."
    (use,) = of_type(run(nlp_fr, "fr", text), "USE")
    assert args(use)["item"].startswith("artillerie")


def test_rebuilding_an_industry_makes_no_goods(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The country wants to rebuild its arms industry. The team had to rebuild their robot."
    (produce,) = of_type(run(nlp_en, "en", text), "PRODUCE")
    assert args(produce) == {"agent": "The team", "item": "their robot"}


def test_receiving_a_visitor_or_information_is_no_supply(nlp_en, nlp_fr) -> None:  # type: ignore[no-untyped-def]
    assert of_type(run(nlp_en, "en", "Norway received the information from Denmark."), "SUPPLY") == []
    text = "Mardi dernier, il a reçu à Lyon le président Jean Valmont."
    assert of_type(run(nlp_fr, "fr", text), "SUPPLY") == []


def test_part_of_a_named_body_is_ownership(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The loan scheme, which is part of the Harlow Foundation, began in 2009. The exhibit was part of a series."
    (owned,) = of_type(run(nlp_en, "en", text), "OWNERSHIP")
    assert args(owned) == {"owner": "the Harlow Foundation", "owned": "The loan scheme"}


def test_a_relative_on_the_last_of_coordinated_names_speaks_for_each(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Brandt College and University of Kent at Canterbury, which were recipients of donated prints, lent works."
    names = [entity("e1", "Brandt College", "ORG", text, "Brandt College"),
             entity("e2", "University of Kent at Canterbury", "ORG", text, "University of Kent at Canterbury")]
    recipients = {args(e)["recipient"] for e in of_type(run(nlp_en, "en", text, names), "SUPPLY")}
    assert recipients == {"Brandt College", "University of Kent at Canterbury"}


def test_who_is_rearmed_is_the_recipient(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_en, "en", "Officials fear Belgrade plans to rearm the militia."), "SUPPLY")
    assert args(supply)["recipient"] == "the militia"


def test_a_participle_after_a_sanction_names_its_target(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    (fr,) = of_type(run(nlp_fr, "fr", "Le Conseil a adopté des sanctions affectant le charbon norvégien."), "SANCTION")
    assert args(fr)["target"] == "le charbon norvégien"
    (en,) = of_type(run(nlp_en, "en", "The council adopted sanctions targeting three banks."), "SANCTION")
    assert args(en)["target"] == "three banks"


def test_sanctions_a_law_allows_are_no_measure_taken(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Les auteurs de ces fraudes sont passibles de fortes sanctions infligées par le tribunal."
    assert of_type(run(nlp_fr, "fr", text), "SANCTION") == []


def test_refuting_a_proposal_is_no_deny_refuting_a_claim_is(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert of_type(run(nlp_fr, "fr", "Le directeur a réfuté l'idée d'un rachat par le groupe."), "DENY") == []
    text = "The ministry dismissed the idea that the yard had sold hulls to the navy."
    (deny,) = of_type(run(nlp_en, "en", text), "DENY")
    assert args(deny)["agent"] == "The ministry"


def test_a_thing_makes_nothing(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Half of the coal used to produce steel at the plant came from Norway. The factory produces drones."
    produced = of_type(run(nlp_en, "en", text), "PRODUCE")
    assert all(args(p).get("agent") != "Half of the coal" for p in produced)
    assert any(args(p).get("agent") == "The factory" for p in produced)
