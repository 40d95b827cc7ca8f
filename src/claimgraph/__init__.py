"""claimgraph: who alleges what, how firmly, about whom, in French and English news.

The public API: read articles (`iter_inputs`), analyse them (`Analyzer`),
store them (`SqlStore`, `ingest_paths`) and the records that flow between
(`Document`, `Analysis`, `Rejection`). Stages: ingest -> nlp -> extract ->
resolve -> store -> graph -> serve. Heavy modules load on first use.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.2.0"

_PUBLIC = {
    "Analyzer": "claimgraph.pipeline",
    "ingest_paths": "claimgraph.run",
    "IngestReport": "claimgraph.run",
    "iter_inputs": "claimgraph.ingest",
    "SqlStore": "claimgraph.store",
    "Store": "claimgraph.store",
    "load_settings": "claimgraph.config",
    "Settings": "claimgraph.config",
    "Document": "claimgraph.model",
    "Analysis": "claimgraph.model",
    "Rejection": "claimgraph.model",
    "ClaimgraphError": "claimgraph.errors",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
