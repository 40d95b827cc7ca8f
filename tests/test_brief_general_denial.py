"""One broad denial answering every allegation is one general denial in the verdict, not as many denials as
there are allegations (invented claims)."""
from __future__ import annotations

from claimgraph.graph.verdict import verdict
from claimgraph.model import Span
from claimgraph.model.claims import ClaimSummary, Evidence, Origin

STATE = Origin("state:RU", "Government of Ruritania", "organization")


def row(claim_id: str, doc: str, record: str, stance: str, origin: Origin) -> Evidence:
    return Evidence(claim_id=claim_id, document_id=doc, record_id=record, stance=stance, certainty="certain",
                    polarity="positive", quote=Span(0, 5, "words"), chain=(), origin=origin, date="2025-01-10")


def allegation(claim_id: str, label: str, denials: list[tuple[str, str]]) -> ClaimSummary:
    paper = Origin(f"src:{claim_id}", f"Paper {claim_id}", "media")
    return ClaimSummary(id=claim_id, type="SUPPLY", label=label, arguments={}, origins=[paper],
                        denied_by=[STATE] if denials else [], articles=[claim_id], languages=["en"],
                        first_seen="2025-01", evidence=[row(claim_id, claim_id, "v1", "supports", paper)]
                        + [row(claim_id, doc, record, "denies", STATE) for doc, record in denials])


def deny_claim(rows: list[tuple[str, str]], denied: str = "any arms to anyone") -> ClaimSummary:
    return ClaimSummary(id="d1", type="DENY", label=f"Government of Ruritania denies «{denied}»", arguments={}, origins=[STATE],
                        evidence=[row("d1", doc, record, "supports", STATE) for doc, record in rows])


def test_one_broad_denial_answering_every_allegation_reads_as_one_general_denial() -> None:
    broad = [("ministry", "v9"), ("wire", "v4")]  # one statement, carried by two articles
    claims = [allegation(f"c{i}", f"Ruritania supplies item {i} to Osterlich", broad) for i in range(4)]
    text = verdict("Is Ruritania involved?", claims, [deny_claim(broad)])
    assert "Denied by Government of Ruritania: mostly one general denial, denying «any arms to anyone», which answers 4 of the 4 " \
           "allegations (1 denial statement in all, not 4 separate denials)" in text, text


def test_denials_one_per_allegation_are_counted_as_before() -> None:
    claims = [allegation(f"c{i}", f"Ruritania supplies item {i} to Osterlich", [(f"doc{i}", "v9")]) for i in range(3)]
    denials = [deny_claim([(f"doc{i}", "v9")]) for i in range(3)]
    for i, d in enumerate(denials):
        d.id = f"d{i}"
    text = verdict("Is Ruritania involved?", claims, denials)
    assert "Denied by Government of Ruritania (3 of the 3 allegations answered)." in text, text
    assert "general denial" not in text


def test_a_general_denial_too_short_to_stand_alone_is_shown_with_its_sentence() -> None:
    broad = [("ministry", "v9"), ("wire", "v4")]
    claims = [allegation(f"c{i}", f"Ruritania supplies item {i} to Osterlich", broad) for i in range(3)]
    deny = deny_claim(broad, denied="the case")
    deny.evidence[0].quote = Span(0, 60, "The ministry spokesman said he was not aware of the case.")
    text = verdict("Is Ruritania involved?", claims, [deny])
    assert "mostly one general denial, in the words «The ministry spokesman said he was not aware of the case.», " \
           "which answers 3 of the 3 allegations" in text, text
    assert "denying «the case»" not in text


def test_a_denial_repeated_in_several_articles_says_when_and_quotes_one_dated_wording() -> None:
    broad = [("ministry", "v9"), ("wire", "v4")]
    claims = [allegation(f"c{i}", f"Ruritania supplies item {i} to Osterlich", broad) for i in range(3)]
    deny = deny_claim(broad, denied="the case")
    deny.articles, deny.first_seen, deny.last_seen = ["ministry", "wire"], "2025-01-10", "2025-02-02"
    deny.evidence[0].quote = Span(0, 52, "Le ministère a dit ne pas avoir connaissance du cas.")
    deny.evidence[0].lang = "fr"
    text = verdict("Is Ruritania involved?", claims, [deny])
    assert ("mostly one general denial, repeated in 2 articles from 2025-01-10 to 2025-02-02, in words such as "
            "«Le ministère a dit ne pas avoir connaissance du cas.» (2025-01-10, in French), which answers 3") in text, text
