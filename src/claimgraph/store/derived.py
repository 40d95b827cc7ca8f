"""Hooks through which data derived from the store (the evidence graph) keeps in step with it.

The store sits below the graph and never imports it: the graph registers
here, when it is imported, the migration steps whose rules it owns and a
listener for entity changes (an undone merge). A migration step not
registered yet is left for a later open; an entity change with no listener
empties the derived tables, which the next sync fills again from scratch.
"""
from __future__ import annotations

from typing import Callable, Optional

from sqlalchemy import Connection

Step = Callable[[Connection], None]
EntityListener = Callable[[Connection, tuple[int, ...]], None]

_STEPS: dict[str, Step] = {}
_ENTITY_LISTENERS: list[EntityListener] = []


def register_step(version: str, step: Step) -> None:
    """The function that applies migration `version` (one whose rules live with derived data)."""
    _STEPS[version] = step


def registered_step(version: str) -> Optional[Step]:
    return _STEPS.get(version)


def on_entities_changed(listener: EntityListener) -> None:
    """Call `listener(connection, entity ids)` in the transaction that changes what those entities are."""
    if listener not in _ENTITY_LISTENERS:
        _ENTITY_LISTENERS.append(listener)


def entities_changed(connection: Connection, entity_ids: tuple[int, ...], fallback: Step) -> None:
    """Tell the listeners, or run `fallback` (empty the derived data) when there is none."""
    if not _ENTITY_LISTENERS:
        fallback(connection)
    for listener in _ENTITY_LISTENERS:
        listener(connection, entity_ids)
