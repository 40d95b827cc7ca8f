"""Doc -> events: what is claimed to happen, with roles, time and factuality."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from claimgraph.lang import LanguageRules
from claimgraph.model import Attribution, Entity, Event


def extract_events(doc: Doc, rules: LanguageRules, entities: list[Entity], attributions: list[Attribution],
                   document_date: Optional[str]) -> list[Event]:
    """Every event of `doc` (filled in by the events stage)."""
    return []
