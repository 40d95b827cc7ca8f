"""A count said to be nought ("no one was killed", "there were no casualties") answers the story's figure of that
count; a claim is found by what any of its statements asserts, not only its first; pointing a gun is having one;
an article's narration of an undisputed act takes the actor its source gives."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph.proposition_match import contradicts, shared_keys
from claimgraph.graph.propositions import proposition_keys
from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def test_noughts_and_possession_are_keys() -> None:
    assert proposition_keys("no one was killed or hurt in the raid") == {"kill:0", "injure:0"}
    assert proposition_keys("there were no casualties at the depot") == {"casualty:0", "kill:0", "injure:0"}
    assert proposition_keys("the medic did not see any casualties") == {"casualty:0", "kill:0", "injure:0"}
    assert proposition_keys("one porter was killed") == {"kill:1"}, "a figure, not a nought"
    assert proposition_keys("the driver was armed with a pistol") == {"carry:weapon"}
    assert proposition_keys("the driver aimed a rifle at the guards") == {"threaten:weapon", "carry:weapon"}
    assert proposition_keys("there was no knife at all") == {"carry:weapon"}


def test_a_nought_answers_a_figure_and_two_figures_still_differ() -> None:
    nought, toll = proposition_keys("no one was killed"), proposition_keys("9 were killed and 4 hurt")
    assert shared_keys(nought, toll) == {"kill:9"} == shared_keys(toll, nought)
    assert not contradicts(nought, toll) and not contradicts(toll, nought)
    assert contradicts(toll, proposition_keys("seven were killed"))


def told(doc_id: str, date: str, source: str, content: str, polarity: str = "positive",
         source_type: str = "organization") -> Analysis:
    d = Doc(doc_id, f"{source} said {content}.", "en", date, f"Outlet {doc_id}")
    d.entity("e1", source, "PERSON" if source_type == "named_person" else "ORG", source)
    d.attribution("a1", source, source_type, content, entity="e1", polarity=polarity)
    return d.analysis


def test_no_casualties_joins_the_toll_and_the_claim_keeps_its_figure(tmp_path: Path) -> None:
    nought = told("z1", "2025-04-02", "The relief agency", "there had been no casualties from the depot fire", "negative")
    toll = told("z2", "2025-04-03", "The district governor", "nine people had been killed and four hurt in the depot fire")
    other = told("z3", "2025-04-03", "A hospital director", "seven people had been killed in the depot fire")
    claims = [c for c in claims_of(store_with(tmp_path, [nought, toll, other], "nought.db")).values()
              if c.type == "STATEMENT"]
    # Read off the first mention only, the claim would say "no casualties" and take "seven" in too.
    assert sorted(len(c.articles) for c in claims) == [1, 2], "the nought meets the first figure, seven stays apart"


def test_no_casualties_denies_the_toll_it_answers(tmp_path: Path) -> None:
    toll = told("d1", "2025-04-02", "The district governor", "nine people had been killed and four hurt in the depot fire")
    nought = told("d2", "2025-04-03", "The relief agency", "there had been no casualties from the depot fire", "negative")
    (claim,) = [c for c in claims_of(store_with(tmp_path, [toll, nought], "denied.db")).values() if c.type == "STATEMENT"]
    assert [o.name for o in claim.origins] == ["The district governor"]
    assert [o.name for o in claim.denied_by] == ["The relief agency"]


def test_a_nought_before_the_figure_in_one_article_denies_it(tmp_path: Path) -> None:
    d = Doc("s1", "Aidwell said there had been no casualties from the depot fire. Governor Ostrava said nine people had "
                  "been killed in the depot fire.", "en", "2025-04-02", "Outlet s1")
    d.entity("e1", "Aidwell", "ORG", "Aidwell")
    d.entity("e2", "Governor Ostrava", "PERSON", "Governor Ostrava")
    d.attribution("a1", "Aidwell", "organization", "there had been no casualties from the depot fire", "e1", polarity="negative")
    d.attribution("a2", "Governor Ostrava", "named_person", "nine people had been killed in the depot fire", "e2")
    (claim,) = [c for c in claims_of(store_with(tmp_path, [d.analysis], "one.db")).values() if c.type == "STATEMENT"]
    assert [o.name for o in claim.origins] == ["Governor Ostrava"] and [o.name for o in claim.denied_by] == ["Aidwell"]


def test_an_outlets_own_nought_against_an_asserted_figure_is_not_stored(tmp_path: Path) -> None:
    toll = told("o1", "2025-04-03", "The district governor", "nine people had been killed in the depot fire")
    own = Doc("o2", "No deaths were reported at the depot, the paper wrote.", "en", "2025-04-03", "Outlet o2")
    own.attribution("a1", "the paper", "media", "No deaths were reported at the depot", polarity="negative")
    claims = claims_of(store_with(tmp_path, [toll, own.analysis], "outlet.db"))
    assert all("o2" not in c.articles for c in claims.values() if "o1" in c.articles)


def test_carrying_a_weapon_joins_the_account_of_pointing_it(tmp_path: Path) -> None:
    pointed = told("w1", "2025-03-10", "The constabulary", "the courier aimed a pistol at two constables")
    armed = told("w2", "2025-03-11", "The sheriff", "the young courier was armed with a handgun that night")
    denied = told("w3", "2025-03-11", "His brother", "the courier was not carrying a gun", "negative", "named_person")
    claims = [c for c in claims_of(store_with(tmp_path, [pointed, armed, denied], "armed.db")).values()
              if c.type == "STATEMENT"]
    assert len(claims) == 1 and [o.name for o in claims[0].denied_by] == ["His brother"]


def _firebombing(disputed: bool) -> Analysis:
    text = "A depot in Lindos was firebombed on Monday. Police said rioters threw petrol bombs at the depot."
    if disputed:
        text += " The rioters denied it."
    d = Doc("f1", text, "en", "2025-05-05", "Outlet f1")
    d.event("v1", "USE", "firebombed", location=("A depot in Lindos", None))
    d.attribution("a1", "Police", "organization", "rioters threw petrol bombs at the depot")
    d.event("v2", "USE", "threw", "a1", agent=("rioters", None), item=("petrol bombs", None))
    if disputed:
        d.event("v3", "DENY", "denied", agent=("The rioters", None))
    return d.analysis


def test_the_narration_of_an_undisputed_act_takes_the_actor_its_source_gives(tmp_path: Path) -> None:
    undisputed = claims_of(store_with(tmp_path, [_firebombing(False)], "undisputed.db"))
    assert len([c for c in undisputed.values() if c.type == "USE"]) == 1
    disputed = claims_of(store_with(tmp_path, [_firebombing(True)], "disputed.db"))
    assert len([c for c in disputed.values() if c.type == "USE"]) == 2, "who did it is what a denial disputes"


def test_a_counted_person_and_a_far_negation_are_no_nought() -> None:
    """«une personne» is one, not «personne» (nobody); a "not" inside an aside does not negate the toll."""
    assert proposition_keys("Une personne a été tuée dans l'explosion.") == {"kill:1"}
    assert proposition_keys("Personne n'a été tué dans l'explosion.") == {"kill:0"}
    assert proposition_keys("9 people, not including guards, were killed.") == {"kill:9"}
    assert proposition_keys("The guards were not injured.") == {"injure:0"}
