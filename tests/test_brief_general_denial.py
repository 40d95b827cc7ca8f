"""The verdict's denial sentence: how many allegations a denier answers, how many by naming what they allege, and
the denier's words once (invented claims; nothing counts the graph's DENY claims)."""
from __future__ import annotations

from claimgraph.graph.verdict import verdict
from claimgraph.model import Span
from claimgraph.model.claims import ClaimSummary, Evidence, Origin

STATE = Origin("state:RU", "Government of Ruritania", "organization")


def row(claim_id: str, doc: str, record: str, stance: str, origin: Origin, text: str = "words",
        date: str = "2025-01-10") -> Evidence:
    return Evidence(claim_id=claim_id, document_id=doc, record_id=record, stance=stance, certainty="certain",
                    polarity="positive", quote=Span(0, len(text), text), chain=(), origin=origin, date=date, lang="en")


def allegation(claim_id: str, label: str, denials: list[tuple[str, str]], said: str = "words") -> ClaimSummary:
    paper = Origin(f"src:{claim_id}", f"Paper {claim_id}", "media")
    return ClaimSummary(id=claim_id, type="SUPPLY", label=label, arguments={}, origins=[paper],
                        denied_by=[STATE] if denials else [], articles=[claim_id], languages=["en"],
                        first_seen="2025-01", evidence=[row(claim_id, claim_id, "v1", "supports", paper)]
                        + [row(claim_id, doc, record, "denies", STATE, said) for doc, record in denials])


def deny_claim(rows: list[tuple[str, str]], denied: str = "any arms to anyone") -> ClaimSummary:
    return ClaimSummary(id="d1", type="DENY", label=f"Government of Ruritania denies «{denied}»", arguments={}, origins=[STATE],
                        evidence=[row("d1", doc, record, "supports", STATE) for doc, record in rows])


def test_a_general_rejection_linked_to_every_allegation_is_not_a_denial_of_what_each_alleges() -> None:
    # Before: "mostly one general denial ..., which answers 3 of the 3 allegations (1 denial statement in all, ...)",
    # though the rejection names none of the items, and the DENY claims were counted, not what they say.
    rejection = "The foreign ministry rejected the charge on Tuesday."
    claims = [allegation("c1", "Ruritania supplies «rifles» to Osterlich", [("ministry", "v9")], rejection),
              allegation("c2", "Ruritania supplies «marine engines» to Osterlich", [("ministry", "v9")], rejection),
              allegation("c3", "Ruritania supplies «microchips» to Osterlich", [("ministry", "v9")], rejection)]
    text = verdict("Is Ruritania involved?", claims, [deny_claim([("ministry", "v9")])])
    assert ("Denied by Government of Ruritania: 3 of the 3 allegations answered, none by a denial that names what "
            "is alleged (only general rejections or denials of other things), in the words «" + rejection + "»."
            ) in text, text
    assert "denial statement" not in text and "general denial" not in text, text


def test_a_denial_naming_the_item_is_told_from_a_general_rejection() -> None:
    claims = [allegation("c1", "Ruritania supplies «rifles» to Osterlich", [("ministry", "v9")],
                         "The minister said Ruritania never sold rifles to anyone."),
              allegation("c2", "Ruritania supplies «microchips» to Osterlich", [("wire", "v4")],
                         "The embassy dismissed the story.")]
    claims[1].evidence[1].date = "2025-02-03"
    text = verdict("Is Ruritania involved?", claims)
    assert ("Denied by Government of Ruritania: 2 of the 2 allegations answered, 1 by a denial that names what is "
            "alleged (weapons), the other 1 only by general rejections or denials of other things; in 2 articles from "
            "2025-01-10 to 2025-02-03, in words such as «The minister said Ruritania never sold rifles to anyone.» "
            "(2025-01-10).") in text, text


def test_an_allegation_no_denial_answers_is_named() -> None:
    claims = [allegation("c1", "Ruritania supplies «rifles» to Osterlich", [("ministry", "v9")],
                          "Ruritania has never supplied rifles."),
              allegation("c2", "Ruritania supplies «trucks» to Osterlich", [])]
    text = verdict("Is Ruritania involved?", claims)
    assert "1 of the 2 allegations answered, by a denial that names what is alleged (weapons)" in text, text
    assert "No denial answers Ruritania supplies «trucks» to Osterlich." in text, text


def test_an_inquiry_is_an_open_question_not_a_claim_never_asserted() -> None:
    paper = Origin("src:p", "Paper", "media")
    inquiry = ClaimSummary(id="c9", type="STATEMENT", arguments={}, origins=[paper], certainty="underspecified",
                           label="Investigators are trying to establish whether the Ruritanian navy knew of the cargo",
                           evidence=[row("c9", "p", "v1", "supports", paper)])
    inquiry.evidence[0].certainty = "underspecified"
    supposed = ClaimSummary(id="c8", type="SUPPLY", arguments={}, origins=[], certainty="underspecified",
                            label="Ruritania supplies «rifles» to Osterlich")
    text = verdict("Is Ruritania involved?", [inquiry, supposed])
    assert ("Open questions, asked and not answered: Investigators are trying to establish whether the Ruritanian "
            "navy knew of the cargo.") in text, text
    assert "Stated as fact by no origin: Ruritania supplies «rifles» to Osterlich" in text, text
    assert "Stated as fact by no origin: Investigators" not in text


def test_the_totals_say_only_what_is_there() -> None:
    claims = [allegation(f"c{i}", f"Ruritania supplies item {i} to Osterlich", []) for i in range(2)]
    claims[1].origins.append(Origin("src:x", "Paper X", "media"))
    text = verdict("Is Ruritania involved?", claims)
    assert "all stated as fact by at least one origin; 1 rests on a single origin." in text, text
    assert "0 only hedged" not in text


def test_a_single_allegation_is_denied_without_counting_one_of_one() -> None:
    claims = [allegation("c1", "Ruritania supplies «microchips» to Osterlich", [("ministry", "v9")],
                         "The embassy dismissed the story.")]
    text = verdict("Is Ruritania involved?", claims)
    assert ("Denied by Government of Ruritania, only by general rejections or denials of other things, in the words "
            "«The embassy dismissed the story.».") in text, text
    assert "1 of the 1" not in text


def test_an_origin_named_after_another_is_flagged_not_silently_counted_twice() -> None:
    claim = allegation("c1", "Ruritania is a decisive helper of Osterlich's war", [])
    claim.origins = [Origin("ent:alliance", "Northern Alliance", "organization"),
                     Origin("src:x", "Northern Alliance leaders meeting in Vienna (in Paper X)", "person")]
    text = verdict("Is Ruritania involved?", [claim])
    assert ("2 independent origins: Northern Alliance; Northern Alliance leaders meeting in Vienna (in Paper X), "
            "perhaps the same as Northern Alliance;") in text, text
