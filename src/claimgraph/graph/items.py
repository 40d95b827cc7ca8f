"""Item classes: what kind of thing a claim is about, read from the head words of its item
(graph/data/items.yaml, per language): weapons, drones, engines, components, imagery."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from claimgraph.graph.keys import fold, words

ITEMS = Path(__file__).parent / "data" / "items.yaml"


@lru_cache(maxsize=1)
def _data() -> dict:
    return dict(yaml.safe_load(ITEMS.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _item_terms() -> list[tuple[str, str]]:
    """(folded term, class), longest terms first."""
    data = _data()
    terms = {(" ".join(words(term)), cls) for cls, per_lang in data["classes"].items()
             for forms in per_lang.values() for term in forms}
    return sorted(terms, key=lambda x: -len(x[0]))


@lru_cache(maxsize=16_384)  # a brief asks it of every denial quote once per allegation (graph/denials.py)
def item_classes(text: Optional[str], lang: Optional[str] = None) -> frozenset[str]:
    """The classes an item's head words fall in (graph/data/items.yaml): "des armes létales" ->
    {weapons}; "complete drone engines" and "des moteurs de drones" -> {engines}, not drones.

    A relative clause describes the item and is not read ("des composants qui alimentent
    sa production de drones et de missiles" -> {components}). Each conjunct ("machine
    tools, microelectronics and engines") counts by its
    head: the last classed word before any preposition in English, the first
    classed word in French; a conjunct whose head part holds none ("a batch of
    military drones") counts by every classed word in it.
    """
    if not text:
        return frozenset()
    out: set[str] = set()
    folded = fold(text)
    relative = _relative_clause(lang).search(folded)
    if relative:
        folded = folded[:relative.start()]
    for conjunct in _CONJUNCTS.split(folded):
        out |= _head_classes(" ".join(words(conjunct)), lang)
    return frozenset(out)


@lru_cache(maxsize=4)
def _relative_clause(lang: Optional[str]) -> re.Pattern[str]:
    """Where a relative clause starts: a relative word after at least one word (a leading "that" is a determiner)."""
    per_lang = _data()["relative_words"]
    wanted = per_lang.get(lang) if lang in per_lang else [w for forms in per_lang.values() for w in forms]
    heads = "".join(f"(?<!\\b{re.escape(fold(w))})" for forms in _data().get("conjunction_heads", {}).values() for w in forms)
    return re.compile(r"(?<=\w)" + heads + r"[\s,]+(?:" + "|".join(re.escape(w) for w in wanted) + r")\b")


_CONJUNCTS = re.compile(r",|;|\b(?:and|or|et|ou|as well as|ainsi que|de meme que)\b")
_EN_PREPOSITIONS = re.compile(r"\b(?:for|to|of|from|with|including|in|at|via|through)\b")


def _head_classes(conjunct: str, lang: Optional[str]) -> set[str]:
    def hits(part: str) -> list[tuple[int, str]]:
        padded = f" {part} "
        return sorted((padded.index(f" {term} "), cls) for term, cls in _item_terms() if f" {term} " in padded)

    found = hits(conjunct)
    if not found:
        return set()
    if lang == "en":
        head_part = _EN_PREPOSITIONS.split(conjunct)[0]
        head = hits(head_part)
        return {head[-1][1]} if head else {cls for _, cls in found}
    if lang == "fr":
        return {found[0][1]}
    return {cls for _, cls in found}
