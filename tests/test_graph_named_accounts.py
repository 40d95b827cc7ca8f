"""A party's account named, not told ("his relatives dispute the police account") denies what that party says in
the article; a denial of a proposition the story's accounts share ("his family denied he was carrying a weapon")
is that proposition, negated (issue 12, graph/accounts.py)."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph import claim_mentions
from claimgraph.graph.accounts import account_party
from claimgraph.model import Attribution, Source

from graph_docs import Doc, claims_of, store_with


def test_the_words_that_name_an_account() -> None:
    assert account_party("the police account") == ("police",)
    assert account_party("the ministry's account is wrong") == ("ministry",)
    assert account_party("la version de la police") == ("police",)
    assert account_party("the police version of events") == ("police",)
    assert account_party("those claims") is None, "no party named: nothing to find"
    assert account_party("the sheriff's claims that she was armed") is None, "the allegation is told: a statement"
    assert account_party("the driver was armed") is None


def _stop(dispute: str) -> Doc:
    text = ("Officers said the driver pointed a pistol at them during the stop. "
            f"His relatives {dispute}. Neighbours said the street was quiet that evening.")
    d = Doc("n1", text, "en", "2025-05-02", "Outlet n1")
    d.attribution("a1", "Officers", "organization", "the driver pointed a pistol at them during the stop")
    d.attribution("a2", "His relatives", "anonymous_person", dispute.split(" ", 1)[1], polarity="negative")
    d.attribution("a3", "Neighbours", "anonymous_person", "the street was quiet that evening")
    return d


def test_a_named_account_denies_that_partys_account(tmp_path: Path) -> None:
    mentions = {m.record_id: m for m in claim_mentions(_stop("dispute the officers' account").analysis)}
    assert mentions["a2"].stance == "denies"
    assert mentions["a2"].item == mentions["a1"].item, "it denies what the officers said"
    assert mentions["a2"].origin.name != mentions["a1"].origin.name, "and keeps its own voice"
    claims = [c for c in claims_of(store_with(tmp_path, [_stop("dispute the officers' account").analysis])).values()
              if c.type == "STATEMENT" and "pistol" in (c.label or "")]
    assert len(claims) == 1 and claims[0].denied_by


def test_an_account_of_a_party_the_article_does_not_quote_denies_nothing() -> None:
    mentions = {m.record_id: m for m in claim_mentions(_stop("dispute the mayor's account").analysis)}
    assert "a2" not in mentions or mentions["a2"].item != mentions["a1"].item


def test_a_denial_of_a_shared_proposition_is_also_that_proposition() -> None:
    text = "Police said the driver was armed with a revolver. His family denied he was carrying a weapon."
    d = Doc("n2", text, "en", "2025-05-03", "Outlet n2")
    d.attribution("a1", "Police", "organization", "the driver was armed with a revolver")
    d.analysis.attributions.append(Attribution("a2", Source(d.span("His family"), "anonymous_person", None),
                                               d.span("denied"), d.span("he was carrying a weapon"),
                                               polarity="negative"))
    d.event("v1", "DENY", "denied", agent=("His family", None), item=("he was carrying a weapon", None))
    mentions = {m.record_id: m for m in claim_mentions(d.analysis)}
    assert mentions["a2"].type == "STATEMENT" and mentions["a2"].polarity == "negative"
    assert "v1" in mentions, "the denial stays a claim of its own too"
    accused = "Police said he stole the car. His family denied the charges."
    d = Doc("n3", accused, "en", "2025-05-03", "Outlet n3")
    d.analysis.attributions.append(Attribution("a1", Source(d.span("His family"), "anonymous_person", None),
                                               d.span("denied"), d.span("the charges"), polarity="negative"))
    d.event("v1", "DENY", "denied", agent=("His family", None), item=("the charges", None))
    assert "a1" not in {m.record_id for m in claim_mentions(d.analysis)}, "no proposition: the DENY is the claim"


def test_a_negated_content_beside_a_relayed_act_is_a_claim_of_its_own() -> None:
    text = ("A volunteer said he reached six nurses, all of whom said that three shells hit the clinic but that "
            "the shells caused no casualties.")
    d = Doc("n4", text, "en", "2025-05-04", "Outlet n4")
    d.attribution("a1", "A volunteer", "anonymous_person",
                  "he reached six nurses, all of whom said that three shells hit the clinic but that the shells caused no "
                  "casualties")
    d.attribution("a2", "all of whom", "anonymous_person", "three shells hit the clinic", parent="a1")
    d.attribution("a3", "all of whom", "anonymous_person", "the shells caused no casualties", polarity="negative",
                  parent="a1")
    d.event("v1", "USE", "hit", attribution="a2", item=("three shells", None), location=("the clinic", None))
    mentions = {m.record_id: m for m in claim_mentions(d.analysis)}
    assert "v1" in mentions
    assert mentions["a3"].type == "STATEMENT" and mentions["a3"].polarity == "negative"


def test_a_pronoun_acting_is_the_group_named_just_before_it() -> None:
    text = "Police said he aimed a rifle at Sergeant Vale and Officer Moss before they opened fire."
    d = Doc("n5", text, "en", "2025-05-05", "Outlet n5")
    d.attribution("a1", "Police", "organization", "he aimed a rifle at Sergeant Vale and Officer Moss before they "
                  "opened fire")
    d.event("v1", "USE", "opened fire", attribution="a1", agent=("they", None))
    mentions = {m.record_id: m for m in claim_mentions(d.analysis)}
    assert mentions["v1"].arguments.get("agent") == "grp:*:police"
    d = Doc("n6", "Witnesses said they opened fire.", "en", "2025-05-05", "Outlet n6")
    d.attribution("a1", "Witnesses", "anonymous_person", "they opened fire")
    d.event("v1", "USE", "opened fire", attribution="a1", agent=("they", None))
    assert "v1" not in {m.record_id for m in claim_mentions(d.analysis)}, "no group named before it: nobody"


def test_an_act_told_with_no_actor_takes_the_group_a_later_pronoun_is() -> None:
    text = ("After the fatal shooting of a porter, police said he aimed a rifle at Sergeant Vale and Officer Moss "
            "before they opened fire.")
    d = Doc("n7", text, "en", "2025-05-05", "Outlet n7")
    d.event("v1", "USE", "shooting")
    d.attribution("a1", "police", "organization", "he aimed a rifle at Sergeant Vale and Officer Moss before they "
                  "opened fire")
    d.event("v2", "USE", "opened fire", attribution="a1", agent=("they", None))
    mentions = {m.record_id: m for m in claim_mentions(d.analysis)}
    assert mentions["v2"].arguments.get("agent") == "grp:*:police"
    assert mentions["v1"].arguments.get("agent") == "grp:*:police", "the narration takes the voice's one actor"


def test_one_speakers_charge_worded_apart_is_one_claim(tmp_path: Path) -> None:
    said = [("j1", "2025-06-01", "a march is one matter and murder is something else"),
            ("j2", "2025-06-02", "the depot blaze was murderous")]  # cosine 0.28: below the statements' floor
    analyses = []
    for doc_id, date, content in said:
        d = Doc(doc_id, f"The premier said {content}.", "en", date, f"Outlet {doc_id}")
        d.attribution("a1", "The premier", "named_person", content)
        analyses.append(d.analysis)
    claims = [c for c in claims_of(store_with(tmp_path, analyses, "charge.db")).values() if c.type == "STATEMENT"]
    assert len(claims) == 1
