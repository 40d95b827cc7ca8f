"""Raw bytes -> text, with the checks every reader shares (empty, binary, encoding)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Optional

CONTROL_BYTES = set(range(0, 9)) | {11, 12} | set(range(14, 32))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: Optional[str] = None


class Unreadable(Exception):
    """Raised with a short reason ("empty file", "binary content", ...)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in CONTROL_BYTES)
    return control > max(8, len(sample) // 100)


def decode(raw: bytes) -> Decoded:
    """Decode `raw` as UTF-8 (BOM allowed), falling back to cp1252 with a warning.

    RAISES (Unreadable): empty, whitespace-only, binary or undecodable input.
    """
    if not raw.strip():
        raise Unreadable("empty file" if not raw else "no text (whitespace only)")
    if looks_binary(raw):
        raise Unreadable("binary content", "NUL or control bytes found")
    try:
        return Decoded(raw.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"not UTF-8 at byte {exc.start}"
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise Unreadable("undecodable text", f"{utf8_error}; not cp1252 either at byte {exc.start}") from exc
    return Decoded(text, "cp1252", f"{utf8_error}: decoded as cp1252")


# A lone UTF-16 surrogate (from a JSON "\ud800" escape) cannot be encoded, stored or printed.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, list[str]]:
    """`text` without NUL characters and with lone surrogates replaced by U+FFFD, and what was changed.

    Both are cleaned at read time, once, so that every later stage (spaCy, SQLite,
    PostgreSQL, the terminal) sees text it can hold.
    """
    notes = []
    if "\x00" in text:
        notes.append(f"{text.count(chr(0))} NUL character(s) removed")
        text = text.replace("\x00", "")
    if LONE_SURROGATE.search(text):
        text, count = LONE_SURROGATE.subn("\ufffd", text)
        notes.append(f"{count} lone surrogate(s) replaced by U+FFFD")
    return text, notes
