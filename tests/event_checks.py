"""What the event tests share: extracting events from one invented sentence with hand-made entities and
attributions (no NER in the way), and reading an event's roles."""
from __future__ import annotations

from typing import Optional, Sequence

from claimgraph.extract.events import extract_events
from claimgraph.lang import get_rules
from claimgraph.model import Attribution, Entity, Event


def run(nlp, lang: str, text: str, entities: Sequence[Entity] = (),  # type: ignore[no-untyped-def]
        attributions: Optional[list[Attribution]] = None, date: str = "2024-09") -> list[Event]:
    return extract_events(nlp(text), get_rules(lang), list(entities), attributions or [], date)


def args(event: Event) -> dict[str, str]:
    """role -> the text of its span."""
    return {role: arg.span.text for role, arg in event.arguments.items()}


def of_type(events: list[Event], etype: str) -> list[Event]:
    return [e for e in events if e.type == etype]
