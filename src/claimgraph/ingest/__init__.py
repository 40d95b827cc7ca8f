"""ingest: files, folders, JSON Lines, HTML and feeds -> `Document` records or `Rejection`s.

Readers are registered by format name (`readers.py`); a bad file becomes a
`Rejection` with its path and reason, never an exception, so a batch goes on.
A folder walk leaves out hidden and repository housekeeping files (README,
LICENSE...) as `Skipped` notices; a file named explicitly is always read.
"""
from claimgraph.ingest.walk import iter_inputs, read_path

__all__ = ["iter_inputs", "read_path"]
