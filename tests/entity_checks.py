"""What the entity tests share: the entities the analyzer finds in one invented text."""
from __future__ import annotations


def entities_of(analyzer, text: str, lang: str) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """mention text -> (canonical name, type)."""
    analysis = analyzer.analyze_text(text, lang=lang)
    return {m.text: (e.name, e.type) for e in analysis.entities for m in e.mentions}
