"""claimgraph's own spaCy components, added to each language's pipeline once at load time."""
from __future__ import annotations

from spacy.language import Language

from claimgraph.lang import LanguageRules


def add_components(nlp: Language, rules: LanguageRules) -> Language:
    """Add claimgraph's components to a freshly loaded pipeline (the gazetteer's entity ruler)."""
    from claimgraph.nlp.entity_ruler import add_entity_ruler

    add_entity_ruler(nlp, rules)
    return nlp
