"""The data model (one module owns it): records and their v1 dict forms."""
from claimgraph.model.records import (
    SCHEMA_VERSION, Analysis, Argument, Attribution, Document, Entity, Event, Rejection, Source, Span, TimeRef,
    CERTAINTIES, ENTITY_TYPES, EVENT_ROLES, SOURCE_TYPES,
)

__all__ = ["SCHEMA_VERSION", "Analysis", "Argument", "Attribution", "Document", "Entity", "Event", "Rejection", "Source",
           "Span", "TimeRef", "CERTAINTIES", "ENTITY_TYPES", "EVENT_ROLES", "SOURCE_TYPES"]
