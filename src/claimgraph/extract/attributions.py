"""Doc -> attributions: who says what, how firmly."""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.lang import LanguageRules
from claimgraph.model import Attribution, Entity


def extract_attributions(doc: Doc, rules: LanguageRules, entities: list[Entity]) -> list[Attribution]:
    """Every reported statement of `doc` (filled in by the attribution stage)."""
    return []
