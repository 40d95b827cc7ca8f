"""One exception base for the package, with structured details."""
from __future__ import annotations

from typing import Any, Optional


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""

    def __init__(self, message: str, details: Optional[dict[str, Any]] = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}

    def to_dict(self) -> dict[str, Any]:
        return {"error": type(self).__name__, "message": self.message, "details": self.details}


class InvalidInput(ClaimgraphError):
    """An input file or record that cannot become an article (the batch goes on)."""


class ConfigError(ClaimgraphError):
    """A bad setting or an unknown registered name."""


class StoreError(ClaimgraphError):
    """The store cannot be opened, migrated or written."""


class StoreFull(StoreError):
    """The store's disk (or file size limit) is full: nothing more can be written in this run."""
