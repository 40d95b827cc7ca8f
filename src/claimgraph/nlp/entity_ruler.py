"""The gazetteer's entity ruler (filled in by the entities stage)."""
from __future__ import annotations

from spacy.language import Language

from claimgraph.lang import LanguageRules


def add_entity_ruler(nlp: Language, rules: LanguageRules) -> None:
    """Add an entity ruler built from the gazetteer before the statistical NER."""
    return None
