"""A warning or a demand addressed to an actor ("cannot keep arming Chile without consequences") is context beside
a claim's evidence, never support of it: shown apart in Markdown and on the page, and not read for firmness
(invented rows, our own sentences)."""
from __future__ import annotations

from claimgraph.graph.brief_tidy import row_key
from claimgraph.graph.firmness import firmness, warning
from claimgraph.graph.render import WARNED_TITLE, claim_markdown
from claimgraph.model import Span
from claimgraph.model.claims import Brief, ClaimSummary, Evidence, Origin
from claimgraph.serve.render import brief_page

WARN = "Portugal cannot keep arming Chile without consequences for its reputation"
FACT = "Portugal shipped artillery shells to Chile in February"


def row(quote: str, record: str, certainty: str = "certain") -> Evidence:
    return Evidence(claim_id="c1", document_id=f"doc-{record}", record_id=record, stance="supports",
                    certainty=certainty, polarity="positive", quote=Span(0, len(quote), quote), chain=(),
                    origin=Origin("k:council", "The Council", "organization"), lang="en", date="2025-03-03")


def test_a_warning_is_told_from_what_happened() -> None:
    assert warning(WARN)
    assert warning("Le Portugal ne peut pas continuer à armer le Chili sans conséquences pour sa réputation.")
    assert warning("The ministers urged Portugal to halt the transfers")
    assert not warning(FACT)
    assert not warning("The yard could not deliver the hulls without a licence, the court heard.")


def test_a_warning_is_shown_apart_and_not_read_for_firmness() -> None:
    warned = row(WARN, "a2", certainty="certain")
    claim = ClaimSummary(id="c1", type="SUPPLY", label="Portugal supplies «artillery shells» to Chile", arguments={},
                         origins=[Origin("k:council", "The Council", "organization")],
                         evidence=[row(FACT, "a1", certainty="probable"), warned])
    assert firmness(claim).level == "probable", "the warning's firm words do not make the claim stated as fact"
    details = {"warnings": [row_key(warned)]}
    text = "\n".join(claim_markdown(claim, details))
    head, tail = text.split(WARNED_TITLE)
    assert FACT in head.split("For:")[1] and WARN not in head
    assert WARN in tail
    page = brief_page(Brief(question="Does Portugal arm Chile?", claims=[claim], sections=[("Portugal", ["c1"])],
                            details={"c1": details}))
    assert WARNED_TITLE in page
    assert page.index(FACT) < page.index(WARNED_TITLE) < page.index(WARN)
