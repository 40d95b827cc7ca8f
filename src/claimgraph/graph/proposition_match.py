"""How two statements' proposition keys (graph/propositions.py) meet: what they assert in common (`shared_keys`: the
same keys, a nought answering a figure, one event's readings, a bare headcount) and whether they contradict (two
figures of one count). Split from graph/propositions.py (2026-12-08)."""
from __future__ import annotations

from claimgraph.graph.propositions import HEADCOUNT, OCCURRENCE, ZERO, data_words


def _figures(keys: frozenset[str]) -> set[str]:
    """The counts `keys` give a figure other than nought."""
    return {k.split(":")[0] for k in keys if k.split(":")[1].replace(".", "", 1).isdigit() and k.split(":")[1] != ZERO}


def shared_keys(a: frozenset[str], b: frozenset[str], readings: bool = True) -> frozenset[str]:
    """What two statements assert in common: the keys they share, and a count one side says was nought ("no
    casualties", "no one was injured") that the other gives a figure ("12 killed and 20 wounded"): the nought
    answers the figure, it is the same question told the other way. An event's readings told apart meet only when
    `readings` (the two statements may tell one event: graph/story_scope.py `one_event`)."""
    out = set(a & b)
    for one, other in ((a, b), (b, a)):
        noughts = {k.split(":")[0] for k in one if k.endswith(f":{ZERO}")}
        out |= {k for k in other if k.split(":")[0] in noughts}
    return frozenset(out | (_one_reading(a, b) if readings else set()) | _headcount(a, b) | _headcount(b, a))


def _headcount(a: frozenset[str], b: frozenset[str]) -> set[str]:
    """A bare headcount on one side ("at least 50 people": `people:50`, the count word outside the quote) and a count
    of people harmed of the same figure on the other ("around 50 people were injured": `injure:50`; propositions.yaml
    `headcount_counts`): the same figure of the story."""
    heads = {k.split(":")[1] for k in a if k.startswith(f"{HEADCOUNT}:")}
    counts = data_words("headcount_counts")  # counts of people harmed: not a magnitude, a depth, a count of homes
    found = {k for k in b if k.split(":")[0] in counts and k.split(":")[1] in heads and k.split(":")[1] != ZERO}
    return found | {f"{HEADCOUNT}:{k.split(':')[1]}" for k in found}


def _one_reading(a: frozenset[str], b: frozenset[str]) -> set[str]:
    """The readings of the event two statements both give ("magnitude 5.4" / "a depth of 12 km"), when no kind has
    two figures: one agency's reading told a part at a time (propositions.yaml `readings`)."""
    readings = data_words("readings")
    ra = {k for k in a if k.split(":")[0] in readings}
    rb = {k for k in b if k.split(":")[0] in readings}
    if not ra or not rb or {k.split(":")[0] for k in ra ^ rb} & {k.split(":")[0] for k in ra} & {k.split(":")[0] for k in rb}:
        return set()
    return ra | rb


def contradicts(a: frozenset[str], b: frozenset[str], readings: bool = True) -> bool:
    """Two statements' keys give the same count different figures and share none ("ten were killed" against
    "twelve were killed"): a changing toll is a claim per figure, however close the words. A nought is no
    figure: it answers them all. Nor are two statements that each assert figures or acts, none shared ("about
    80 homes were flooded" / "the river rose 3 metres overnight"), one claim: a statement that gives
    a figure is about that figure, whatever else its words share with another."""
    if {k for k in a & b if not k.startswith(f"{OCCURRENCE}:")}:
        return False  # an occurrence in common ("a landslide") does not reconcile two figures of one count
    return bool(a and b and not shared_keys(a, b, readings)) or bool(_figures(a) & _figures(b))
