"""What the attribution tests share: the one record whose content holds some words."""
from __future__ import annotations

from typing import Any


def only_record(atts: list[dict[str, Any]], words: str) -> dict[str, Any]:
    """The attribution whose content holds `words`; fails unless there is exactly one."""
    hits = [a for a in atts if words in a["content"]["text"]]
    assert len(hits) == 1, f"{words!r}: {[(a['source']['text'], a['content']['text']) for a in atts]}"
    return hits[0]
