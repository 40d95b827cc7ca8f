"""The outlet a dateline credits: "LONDON (Reuters) -", "NEW YORK, Sept 26 (AFP) –", "PÉKIN (Le Monde) —".

Read at ingest for an article whose input names no source, so that its
evidence shows an outlet rather than a title. Only the opening paragraphs
are looked at (a dateline opens a dispatch), and only a capitalised place
before the parenthesis counts, so "(in 2023) -" in running text does not.
"""
from __future__ import annotations

import re
from typing import Optional

# A place in capitals (with spaces, dots, hyphens, apostrophes), an optional ", date", the credit, a dash.
DATELINE = re.compile(r"^[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]{1,40}(?:,[^\n()]{1,30})?[ \t]*\(([^()\n]{2,60})\)[ \t]*[-–—]",
                      re.MULTILINE)
OPENING_CHARS = 1200


def dateline_outlet(text: str) -> Optional[str]:
    """The outlet credited by the first dateline of the article's opening, or None."""
    match = DATELINE.search(text[:OPENING_CHARS])
    if match is None:
        return None
    credit = " ".join(match.group(1).split())
    return credit if any(c.isalpha() for c in credit) else None
