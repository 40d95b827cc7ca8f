"""The verdict's "perhaps the same as" marks (graph/verdict.py `_same_named`) as the pairwise test gave them."""
from __future__ import annotations

import random

from claimgraph.graph.verdict import _same_named


def _pairwise(names: list[str]) -> list[str]:
    out = []
    for name in names:
        head = next((other for other in names if other != name and name.startswith(other + " ")), None)
        out.append(f"{name}, perhaps the same as {head}" if head else name)
    return out


def test_a_name_begun_by_another_is_marked_with_the_first_listed() -> None:
    names = ["NATO leaders meeting in Washington", "NATO leaders", "NATO", "NATOS", "Kalder Systems", "Kalder"]
    assert _same_named(names) == ["NATO leaders meeting in Washington, perhaps the same as NATO leaders",
                                  "NATO leaders, perhaps the same as NATO", "NATO", "NATOS",
                                  "Kalder Systems, perhaps the same as Kalder", "Kalder"]


def test_same_marks_as_the_pairwise_test_on_random_names() -> None:
    rng = random.Random(3)
    words = ["a", "b", "ab", " ", "NATO", "leaders", ""]
    for _ in range(3000):
        names = [" ".join(rng.choice(words) for _ in range(rng.randrange(0, 4))) for _ in range(rng.randrange(0, 9))]
        assert _same_named(names) == _pairwise(names), names
