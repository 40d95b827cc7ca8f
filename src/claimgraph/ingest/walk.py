"""Walk files and folders, skip what is not news, pick a reader per file, enforce the size limit."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from claimgraph.config import Settings, load_settings
from claimgraph.ingest.readers import READERS, Item
from claimgraph.model import Rejection, Skipped

# What the walk yields: an article, a file that failed, or a file left out on purpose.
Found = Union[Item, Skipped]

# Files a repository keeps about itself (README.md, LICENSE-MIT, CHANGELOG.rst...):
# a folder of articles often carries one, and it is never an article. The word must
# end the name or be followed by `.`, `_` or `-`, so `licensed_production.txt` is still read.
HOUSEKEEPING_NAME = re.compile(r"^(README|LICENSE|LICENCE|CHANGELOG|CONTRIBUTING)([._-].*)?$", re.IGNORECASE)
NAME_IT_TO_READ_IT = "name it on the command line to read it anyway"

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


def walk_skip_reason(name: str) -> Optional[str]:
    """Why a file or folder met while walking a folder is left out, or None to read it."""
    if name.startswith("."):
        return "hidden file"
    if HOUSEKEEPING_NAME.match(name):
        return "repository housekeeping file"
    return None


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, Rejection, Skipped]]:
    """Every file under `paths`, in a stable order.

    A path given explicitly is always read, whatever its name: the user asked
    for it. Only what a folder walk comes across is skipped (see `walk_skip_reason`).
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from walk_folder(path)
        elif path.exists():
            yield path
        else:
            yield Rejection(str(path), "not found", "no such file or folder")


def walk_folder(folder: Path) -> Iterator[Union[Path, Skipped]]:
    """The files under `folder`, sorted; hidden and housekeeping entries become `Skipped` notices."""
    for root, dirs, files in os.walk(folder):
        walked = []
        for name in sorted(dirs):
            # Only the dot rule applies to folders: a folder called `readme/` may well hold articles.
            if name.startswith("."):
                yield Skipped(str(Path(root) / name), "hidden folder", NAME_IT_TO_READ_IT)
            else:
                walked.append(name)
        dirs[:] = walked
        for name in sorted(files):
            reason = walk_skip_reason(name)
            yield Skipped(str(Path(root) / name), reason, NAME_IT_TO_READ_IT) if reason else Path(root) / name


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


def iter_inputs(paths: Iterable[Union[str, Path]], settings: Optional[Settings] = None) -> Iterator[Found]:
    """Every article, rejection and skipped file found under `paths`."""
    settings = settings or load_settings()
    for found in iter_files(paths):
        if isinstance(found, (Rejection, Skipped)):
            yield found
        else:
            yield from read_path(found, settings)
