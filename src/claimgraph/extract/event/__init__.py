"""Event extraction, one concern per module: lexicon (the language's data),
triggers, syntax (parse helpers), roles, linking (entities), context
(attribution, factuality, time). `claimgraph.extract.events` assembles them."""
from claimgraph.extract.event.lexicon import EventLexicon, load_lexicon
from claimgraph.extract.event.triggers import Trigger, find_triggers

__all__ = ["EventLexicon", "Trigger", "find_triggers", "load_lexicon"]
