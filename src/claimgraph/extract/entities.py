"""Doc -> entities: named-entity mentions grouped into canonical entities."""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.lang import LanguageRules
from claimgraph.model import Entity, Span

# spaCy labels (OntoNotes for English, WikiNER for French) -> contract types.
LABEL_TYPES = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG", "NORP": None,
    "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
    "PRODUCT": "PRODUCT", "EVENT": "EVENT", "MISC": None,
}


def extract_entities(doc: Doc, rules: LanguageRules) -> list[Entity]:
    """Group the NER mentions of `doc` by their surface name."""
    text = doc.text
    by_key: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        etype = LABEL_TYPES.get(ent.label_)
        if etype is None:
            continue
        span = Span.of(text, ent.start_char, ent.end_char)
        if not span.text:
            continue
        key = (span.text.casefold(), etype)
        entity = by_key.get(key)
        if entity is None:
            entity = by_key[key] = Entity(id=f"e{len(by_key) + 1}", name=span.text, type=etype)
        entity.mentions.append(span)
    return list(by_key.values())
