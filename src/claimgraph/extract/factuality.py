"""Factuality of a stretch of text: certainty (FactBank style) and polarity.

Shared by attributions (the content) and events (the trigger's clause).
"""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.lang import LanguageRules


def assess_factuality(doc: Doc, start_char: int, end_char: int, rules: LanguageRules) -> tuple[str, str]:
    """(certainty, polarity) of the text `doc.text[start_char:end_char]` (filled in by the attribution stage)."""
    return "certain", "positive"
