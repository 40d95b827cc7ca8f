"""File names for `analyze --out`: one file per article, never two articles to one file."""
from __future__ import annotations

import hashlib
from pathlib import Path

from claimgraph.errors import ClaimgraphError

MAX_NAME = 120


def safe_name(name: str) -> str:
    """`name` as a file name: letters, digits, `-`, `_` and `.` kept, anything else `_`.

    Ids that differ only in such characters (`a/b`, `a:b`, `a_b`) would meet on one
    name, so an id that had to change gets `-<8 hex of its sha256>` appended:
    distinct ids always give distinct names, run after run.
    """
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._")[:MAX_NAME]
    if cleaned and cleaned == name:
        return cleaned
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cleaned or 'document'}-{digest}"


class OutputNames:
    """The files of one `analyze --out DIR` run: `DIR/<safe id>.json`, each written at most once."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.given: dict[str, str] = {}

    def path_for(self, article_id: str) -> Path:
        """The file for `article_id`. RAISES (ClaimgraphError): another id of this run took the name
        (only ids equal but for letter case on a case-insensitive disk can)."""
        name = safe_name(article_id)
        key = name.lower()
        if self.given.setdefault(key, article_id) != article_id:
            raise ClaimgraphError(f"ids {self.given[key]!r} and {article_id!r} would write one file {name}.json",
                                  {"folder": str(self.folder)})
        return self.folder / f"{name}.json"
