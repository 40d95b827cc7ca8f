"""Unidentified press reports as origins: "media reports", "selon la presse" cite reporting found elsewhere.

Invented articles (an engine maker "Velmor Engines", a drone maker "Ostrava Aero", an outlet "The Courier"):
a press report that names no one counts as an origin only when no named origin carried the claim on or
before its date.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest

from claimgraph.graph.press import PRESS_REPORT, is_press_report
from claimgraph.graph.render import claim_markdown
from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, origins_by_record, store_with


def supply(doc_id: str, text: str, date: str, source: Optional[tuple[str, str]], lang: str = "en",
           outlet: str = "Harbour Gazette", named: bool = False, trigger: str = "shipped",
           item: str = "engines") -> Analysis:
    """An article saying Velmor Engines supplied Ostrava Aero, attributed to `source` (words, type), named
    as an entity when `named`; unattributed when `source` is None. Each article is worded its own way:
    copies would count once whatever their sources."""
    d = Doc(doc_id, text, lang, date, outlet)
    d.entity("e1", "Velmor Engines", "ORG", "Velmor Engines")
    d.entity("e2", "Ostrava Aero", "ORG", "Ostrava Aero")
    content = text[text.index("Velmor"):text.index("Ostrava Aero") + len("Ostrava Aero")]
    holder = None
    if source is not None:
        entity = d.entity("e3", source[0], "ORG", source[0]) if named else None
        holder = d.attribution("a1", source[0], source[1], content, entity=entity)
    d.event("v1", "SUPPLY", trigger, holder, agent=("Velmor Engines", "e1"), recipient=("Ostrava Aero", "e2"),
            item=(item, None))
    return d.analysis


def courier(date: str = "2024-09-25") -> Analysis:
    return supply("courier", "Velmor Engines shipped engines to Ostrava Aero, The Courier reported.", date,
                  ("The Courier", "media"), outlet="The Courier", named=True)


def media_reports(date: str = "2024-09-27") -> Analysis:
    return supply("herald", "The ban came a week after media reports said that Velmor Engines had sent its engines "
                  "to the drone maker Ostrava Aero.", date, ("media reports", "unspecified"), trigger="sent")


def the_claim(tmp_path: Path, analyses: list[Analysis], store: str = "g.db"):  # type: ignore[no-untyped-def]
    (claim,) = [c for c in claims_of(store_with(tmp_path, analyses, store)).values() if c.type == "SUPPLY"]
    return claim


def test_a_press_report_after_a_named_origin_adds_no_origin(tmp_path: Path) -> None:
    claim = the_claim(tmp_path, [courier(), media_reports()])
    assert [o.key for o in claim.origins] == ["src:courier"], claim.origins
    assert claim.single_sourced and sorted(claim.articles) == ["courier", "herald"]
    (press,) = [e for e in claim.evidence if e.document_id == "herald"]
    assert press.origin.type == PRESS_REPORT, "the evidence still says where it comes from"
    assert "not counted" in "\n".join(claim_markdown(claim))


def test_a_press_report_on_the_same_day_as_the_named_origin_adds_none(tmp_path: Path) -> None:
    claim = the_claim(tmp_path, [courier("2024-09-27"), media_reports("2024-09-27")])
    assert [o.key for o in claim.origins] == ["src:courier"], claim.origins


def test_a_press_report_alone_counts_as_a_single_sourced_press_report(tmp_path: Path) -> None:
    claim = the_claim(tmp_path, [media_reports()])
    (origin,) = claim.origins
    assert (origin.key, origin.type) == ("story:herald", PRESS_REPORT), origin
    assert origin.name.startswith("media reports") and "single-sourced" in claim.status


def test_a_press_report_before_any_named_origin_still_counts(tmp_path: Path) -> None:
    claim = the_claim(tmp_path, [media_reports("2024-09-20"), courier("2024-09-25")])
    assert sorted(o.key for o in claim.origins) == ["src:courier", "story:herald"], claim.origins


def test_a_french_press_report_counts_alone_and_not_after_a_named_origin(tmp_path: Path) -> None:
    presse = supply("presse", "Velmor Engines aurait livré des moteurs à Ostrava Aero, selon des informations de presse.",
                    "2024-09-28", ("des informations de presse", "media"), lang="fr", outlet="Le Veilleur",
                    trigger="livré", item="des moteurs")
    alone = the_claim(tmp_path, [presse], "alone.db")
    assert [(o.key, o.type) for o in alone.origins] == [("story:presse", PRESS_REPORT)], alone.origins
    named = supply("monde", "Selon Le Monde, Velmor Engines a fourni l'an dernier des moteurs au fabricant Ostrava Aero.",
                   "2024-09-26", ("Le Monde", "media"), lang="fr", outlet="Le Monde", named=True, trigger="fourni",
                   item="des moteurs")
    both = the_claim(tmp_path, [named, presse])
    assert [o.key for o in both.origins] == ["src:monde"], both.origins


def test_an_unnamed_article_of_its_own_still_counts_after_a_named_origin(tmp_path: Path) -> None:
    """The rule is about press reports, not about late articles: an outlet's own unattributed story counts."""
    own = supply("own", "Last spring Velmor Engines, a small firm in Plzen, quietly delivered engines to the Czech "
                 "drone maker Ostrava Aero.", "2024-09-27", None, trigger="delivered")
    claim = the_claim(tmp_path, [courier(), own])
    assert sorted(o.key for o in claim.origins) == ["src:courier", "story:own"], claim.origins


def test_a_wire_story_citing_media_reports_is_a_press_report_not_the_wire(tmp_path: Path) -> None:
    wire = supply("wire", "(Reuters) - According to local media reports, Velmor Engines had provided engines for "
                  "the drones of Ostrava Aero.", "2024-09-27", ("local media reports", "unspecified"),
                  outlet="Reuters", trigger="provided")
    claim = the_claim(tmp_path, [wire])
    assert [(o.key, o.type) for o in claim.origins] == [("story:wire", PRESS_REPORT)], claim.origins
    both = the_claim(tmp_path, [courier(), wire], "both.db")
    assert [o.key for o in both.origins] == ["src:courier"], both.origins


def test_media_reports_are_not_read_as_quoted_by_the_outlet_before_them() -> None:
    text = ("The Courier reported that Velmor Engines had shipped engines to Ostrava Aero. "
            "Media reports said Velmor Engines had shipped engines to Ostrava Aero.")
    d = Doc("both", text, "en", "2024-09-27", "Harbour Gazette")
    d.entity("e1", "Velmor Engines", "ORG", "Velmor Engines", ("Velmor Engines", "Media"))
    d.entity("e2", "Ostrava Aero", "ORG", "Ostrava Aero", ("Ostrava Aero", "Media"))
    d.entity("e3", "The Courier", "ORG", "The Courier")
    d.attribution("a1", "The Courier", "media", "Velmor Engines had shipped engines to Ostrava Aero", entity="e3")
    d.attribution("a2", "Media reports", "unspecified", ("Velmor Engines had shipped engines to Ostrava Aero", "Media"))
    d.event("v1", "SUPPLY", "shipped", "a1", agent=("Velmor Engines", "e1"), recipient=("Ostrava Aero", "e2"),
            item=("engines", None))
    d.event("v2", "SUPPLY", ("shipped", "Media"), "a2", agent=("Velmor Engines", "e1", "Media"),
            recipient=("Ostrava Aero", "e2", "Media"), item=("engines", None, "Media"))
    assert origins_by_record(d.analysis) == {"v1": "src:courier", "v2": "story:both"}


@pytest.mark.parametrize("lang,text,source_type,expected", [
    ("en", "Media reports", "unspecified", True),
    ("en", "a news agency report", "media", True),
    ("en", "Western media", "media", True),
    ("en", "reports", "unspecified", True),
    ("en", "Press reports", "document", True),
    ("en", "a Reuters report", "media", False),
    ("en", "the Kyiv Post report", "media", False),
    ("en", "an intelligence report", "document", False),
    ("en", "a press release", "document", False),
    ("en", "a press officer", "anonymous_person", False),
    ("en", "social media posts", "unspecified", False),
    ("en", "our reporting", "unspecified", False),
    # Unnamed broadcasters cite reporting too; an outlet named as outlets are named ("<Name> News") does not.
    ("en", "most radio and TV stations", "media", True),
    ("en", "state television", "media", True),
    ("en", "Harbour News", "media", False),
    ("en", "Coastline TV", "media", False),
    ("en", "News reports", "document", True),
    ("fr", "des informations de presse", "media", True),
    ("fr", "la presse russe", "media", True),
    ("fr", "les rapports récents", "unspecified", True),
    ("fr", "nos informations", "unspecified", False),
    ("fr", "un rapport interne", "document", False),
    ("fr", "un communiqué de presse", "document", False),
    ("fr", "la télévision publique", "media", True),
    ("fr", "Vallée TV", "media", False),
])
def test_press_reports_are_read_from_the_languages_word_lists(lang: str, text: str, source_type: str,
                                                              expected: bool) -> None:
    assert is_press_report(text, source_type, lang) is expected


def test_a_known_official_speaks_for_their_state_however_introduced() -> None:
    from claimgraph.graph.voices import state_voice

    text = "Mao Ning, a colleague of Jens Stoltenberg's counterpart, had already rejected the accusations in May."
    d = Doc("ning", text, "en", "2024-09-27", "Harbour Gazette")
    d.entity("e1", "Mao Ning", "PERSON", "Mao Ning")
    assert state_voice("Mao Ning", d.analysis) == "CN"
    d.entity("e2", "Jens Stoltenberg", "PERSON", "Jens Stoltenberg")
    assert state_voice("Jens Stoltenberg", d.analysis) is None, "an alliance's officer is no state's voice"


def test_a_wire_s_unresolved_pronoun_names_no_origin() -> None:
    """A copy's unnamed source becomes the wire's (one origin however many outlets relay it); when the article
    only wrote "They said", the origin is not named "They" (a pronoun could not have known anything)."""
    from claimgraph.graph.listed_voices import NAME, TYPE, UNNAMED_SOURCE, on_wire
    from claimgraph.graph.origins import wire_origin

    row: list = [None] * 11
    row[NAME], row[TYPE] = "They (in Invented Courier)", "anonymous"
    key, name, _ = on_wire("anon", "doc1", row, {"doc1": "Reuters"})
    assert key == wire_origin("Reuters").key and name == f"{UNNAMED_SOURCE} (via Reuters)"
    row[NAME] = "two senior officials (in Invented Courier)"
    assert on_wire("anon", "doc1", row, {"doc1": "Reuters"})[1] == "two senior officials (via Reuters)"
