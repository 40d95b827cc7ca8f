"""Cross-article entity matching (placeholder until the resolution stage lands)."""
from __future__ import annotations

import unicodedata

MATCHER_VERSION = "match.v0"


def match_key(name: str, type: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def similarity(a: str, b: str) -> float:
    return 1.0 if match_key(a, "") == match_key(b, "") else 0.0
