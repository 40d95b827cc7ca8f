"""Groups told by what they are doing ("Greeks protesting against the cuts", "residents demonstrating outside the
hall"): a participle of graph/data/unnamed.yaml `participle_kinds` makes its kind only right after a plural people
noun or a demonym, and not before a direct object ("a man protesting his innocence", "a study demonstrating the
risk", "the lawyer, protesting the ruling" are no protesters)."""
from __future__ import annotations

from typing import Any, Callable, Optional


def participle_kind(tokens: list[str], data: dict[str, Any],
                    demonym: Callable[[str], Optional[str]]) -> Optional[tuple[str, int]]:
    """`(kind, index of the participle)` for the first participle of `participle_kinds` in `tokens` (folded words)
    that follows a plural people noun or a demonym and has no determiner right after it, else None."""
    kinds = {w: kind for kind, forms in data.get("participle_kinds", {}).items() for w in forms}
    people, determiners = set(data.get("people_nouns", ())), set(data.get("participle_object_determiners", ()))
    for i, token in enumerate(tokens):
        if token not in kinds or i == 0:
            continue
        before = tokens[i - 1]
        plural_people = before in people or (before.endswith("s") and demonym(before[:-1]) is not None)
        if not (plural_people or demonym(before) is not None):  # "Greeks", "Sudanese"
            continue
        if i + 1 < len(tokens) and tokens[i + 1] in determiners:  # "residents protesting the ruling" says what
            continue
        return kinds[token], i
    return None
