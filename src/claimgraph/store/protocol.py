"""What the rest of claimgraph needs from a store, as a typing.Protocol.

`SqlStore` implements it on both backends the project supports and tests:
SQLite (a file path, the default) and PostgreSQL (a `postgresql://` URL,
psycopg 3). Code that takes a store should type it as `Store`.
"""
from __future__ import annotations

from typing import Iterator, Optional, Protocol, runtime_checkable

from sqlalchemy import Engine

from claimgraph.model import Analysis


@runtime_checkable
class Store(Protocol):
    url: str
    engine: Engine
    read_only: bool

    def close(self) -> None: ...

    def has_document(self, document_id: str) -> bool: ...

    def put_analysis(self, analysis: Analysis) -> bool:
        """Store one article and its analysis in one transaction; False when it was already stored."""

    def replace_analysis(self, analysis: Analysis) -> None:
        """Put a new analysis of a stored article in place of the old one."""

    def counts(self) -> dict[str, int]: ...

    def document_ids(self) -> list[str]: ...

    def iter_analyses(self, document_ids: Optional[list[str]] = None) -> Iterator[Analysis]: ...

    def undo_merge(self, merge_id: int) -> None: ...


def open_store(db: str, create: bool = True) -> Store:
    """The store at `db` (a SQLite path or a database URL)."""
    from claimgraph.store.sql import SqlStore

    return SqlStore(db, create=create)
