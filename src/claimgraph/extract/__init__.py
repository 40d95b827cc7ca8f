"""extract: one parsed article -> its v1 analysis (entities, attributions, events)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from claimgraph.extract.attributions import extract_attributions
from claimgraph.extract.doc_text import doc_text
from claimgraph.extract.entities import extract_entities
from claimgraph.extract.events import extract_events
from claimgraph.lang import available_languages, get_rules
from claimgraph.model import Analysis, Document
from claimgraph.resolve.person_states import person_countries


def analyze_parsed(document: Document, doc: Optional[Doc]) -> Analysis:
    """The analysis of `document`; an article with no pipeline gets a warning and empty lists."""
    if doc is None:
        known = ", ".join(available_languages())
        return Analysis(document=document,
                        warnings=[*document.notes, f"no pipeline for language {document.lang!r} (supported: {known}); stored without analysis"])
    rules = get_rules(document.lang)
    entities = extract_entities(doc, rules)
    attributions = extract_attributions(doc, rules, entities)
    events = extract_events(doc, rules, entities, attributions, document.date)
    if rules.has("entities"):
        person_countries(doc_text(doc), entities, rules.data("entities"))  # "Sudanese Army spokesman X": Sudan's
    return Analysis(document=document, entities=entities, attributions=attributions, events=events,
                    warnings=list(document.notes))


__all__ = ["analyze_parsed", "extract_attributions", "extract_entities", "extract_events"]
