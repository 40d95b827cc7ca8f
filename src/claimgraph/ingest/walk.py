"""Walk files and folders, skip what is not news, pick a reader per file, enforce the size limit."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from dataclasses import fields, replace

from claimgraph.config import Settings, load_settings
from claimgraph.ingest.bytes import clean_text
from claimgraph.ingest.readers import READERS, Item
from claimgraph.model import Document, Rejection, Skipped

# What the walk yields: an article, a file that failed, or a file left out on purpose.
Found = Union[Item, Skipped]

# Files a repository keeps about itself (README.md, LICENSE-MIT, CHANGELOG.rst...):
# a folder of articles often carries one, and it is never an article. The word must
# end the name or be followed by `.`, `_` or `-`, so `licensed_production.txt` is still read.
HOUSEKEEPING_NAME = re.compile(r"^(README|LICENSE|LICENCE|CHANGELOG|CONTRIBUTING)([._-].*)?$", re.IGNORECASE)
NAME_IT_TO_READ_IT = "name it on the command line to read it anyway"
STDIN, STDIN_NAME = "-", "<stdin>"

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
        if str(given) == STDIN:
            yield path
        elif path.is_dir():
            yield from walk_folder(path)
        elif path.exists():
            yield path
        else:
            yield Rejection(str(path), "not found", "no such file or folder")


def walk_folder(folder: Path) -> Iterator[Union[Path, Skipped]]:
    """The files under `folder`, sorted; hidden and housekeeping entries become `Skipped` notices.

    Symlinked folders are followed (a corpus often links its parts in); one that
    leads back to a folder already walked is skipped with a notice, not looped over.
    """
    visited = {os.path.realpath(folder)}
    for root, dirs, files in os.walk(folder, followlinks=True):
        walked = []
        for name in sorted(dirs):
            where = Path(root) / name
            # Only the dot rule applies to folders: a folder called `readme/` may well hold articles.
            if name.startswith("."):
                yield Skipped(str(where), "hidden folder", NAME_IT_TO_READ_IT)
                continue
            real = os.path.realpath(where)
            if real in visited:
                yield Skipped(str(where), "folder already walked", f"a link to {real}")
                continue
            visited.add(real)
            walked.append(name)
        dirs[:] = walked
        for name in sorted(files):
            reason = walk_skip_reason(name)
            yield Skipped(str(Path(root) / name), reason, NAME_IT_TO_READ_IT) if reason else Path(root) / name


def read_path(path: Path, settings: Settings) -> Iterator[Item]:
    """The articles and rejections of one file (`-`: standard input)."""
    if str(path) == STDIN:
        raw = sys.stdin.buffer.read(settings.max_bytes + 1)
        if len(raw) > settings.max_bytes:
            yield Rejection(STDIN_NAME, "too large", f"more than the limit of {settings.max_bytes} bytes (--max-bytes)")
            return
        yield from read_bytes(STDIN_NAME, Path(""), raw)
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Rejection(str(path), "too large", f"{size} bytes > limit {settings.max_bytes} (--max-bytes)")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Rejection(str(path), "unreadable", exc.strerror or str(exc))
        return
    yield from read_bytes(str(path), path, raw)


def read_bytes(name: str, path: Path, raw: bytes) -> Iterator[Item]:
    """The articles and rejections of one file's bytes, the reader chosen by `path`'s extension or the bytes."""
    fmt = sniff_format(path, raw[:1024])
    if fmt is None:
        yield Rejection(name, "unsupported format", f"extension {path.suffix!r}; known: {', '.join(sorted(EXTENSIONS))}")
        return
    try:
        for item in READERS[fmt](name, raw):
            yield cleaned(item) if isinstance(item, Document) else item
    except Exception as exc:  # noqa: BLE001  (a reader's bug on one file must not end the batch)
        yield Rejection(name, "unreadable", f"{fmt} reader failed: {type(exc).__name__}: {exc}")


def cleaned(document: Document) -> Document:
    """`document` with NUL characters and lone surrogates cleaned out of every text field, noted."""
    changes: dict[str, str] = {}
    notes: list[str] = []
    for field in fields(document):
        value = getattr(document, field.name)
        if isinstance(value, str):
            text, found = clean_text(value)
            if found:
                changes[field.name] = text
                notes += [f"{field.name}: {note}" for note in found]
    if not changes:
        return document
    return replace(document, **changes, notes=(*document.notes, *notes))


def iter_inputs(paths: Iterable[Union[str, Path]], settings: Optional[Settings] = None) -> Iterator[Found]:
    """Every article, rejection and skipped file found under `paths`."""
    settings = settings or load_settings()
    for found in iter_files(paths):
        if isinstance(found, (Rejection, Skipped)):
            yield found
        else:
            yield from read_path(found, settings)
