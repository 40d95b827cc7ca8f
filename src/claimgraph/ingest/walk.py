"""Walk files and folders, pick a reader per file, enforce the size limit."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from claimgraph.config import Settings, load_settings
from claimgraph.ingest.readers import READERS, Item
from claimgraph.model import Rejection

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


def sniff_format(path: Path, head: bytes) -> Optional[str]:
    """The reader for `path`: by extension, else by the first bytes."""
    by_extension = EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    start = head.lstrip()[:512].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith(b"<!doctype html") or b"<html" in start:
        return "html"
    if path.suffix == "":
        return "text"
    return None


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, Rejection]]:
    """Every file under `paths`, in a stable order; hidden files and folders skipped."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            yield Rejection(str(path), "not found", "no such file or folder")


def read_path(path: Path, settings: Settings) -> Iterator[Item]:
    """The articles and rejections of one file."""
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Rejection(str(path), "too large", f"{size} bytes > limit {settings.max_bytes} (--max-bytes)")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Rejection(str(path), "unreadable", exc.strerror or str(exc))
        return
    fmt = sniff_format(path, raw[:1024])
    if fmt is None:
        yield Rejection(str(path), "unsupported format", f"extension {path.suffix!r}; known: {', '.join(sorted(EXTENSIONS))}")
        return
    yield from READERS[fmt](str(path), raw)


def iter_inputs(paths: Iterable[Union[str, Path]], settings: Optional[Settings] = None) -> Iterator[Item]:
    """Every article and rejection found under `paths`."""
    settings = settings or load_settings()
    for found in iter_files(paths):
        if isinstance(found, Rejection):
            yield found
        else:
            yield from read_path(found, settings)
