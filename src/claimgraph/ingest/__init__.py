"""ingest: files, folders, JSON Lines, HTML and feeds -> `Document` records or `Rejection`s.

Readers are registered by format name (`readers.py`); a bad file becomes a
`Rejection` with its path and reason, never an exception, so a batch goes on.
"""
from claimgraph.ingest.walk import iter_inputs, read_path

__all__ = ["iter_inputs", "read_path"]
