"""The data model (one package owns it): records and their v1 dict forms.

`records.py` holds what flows through the per-article stages, `claims.py`
the evidence graph's records; both are exported here.
"""
from claimgraph.model.claims import CLAIM_TYPES, Brief, ChainLink, ClaimMention, ClaimSummary, Evidence, Origin
from claimgraph.model.records import (
    SCHEMA_VERSION, Analysis, Argument, Attribution, Document, Entity, Event, Rejection, Skipped, Source, Span,
    TimeRef, CERTAINTIES, ENTITY_TYPES, EVENT_ROLES, SOURCE_TYPES,
)

__all__ = ["SCHEMA_VERSION", "Analysis", "Argument", "Attribution", "Document", "Entity", "Event", "Rejection",
           "Skipped", "Source", "Span", "TimeRef", "CERTAINTIES", "ENTITY_TYPES", "EVENT_ROLES", "SOURCE_TYPES",
           "Brief", "ChainLink", "ClaimMention", "ClaimSummary", "Evidence", "Origin", "CLAIM_TYPES"]
