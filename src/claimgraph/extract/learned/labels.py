"""The learned attribution tagger's label scheme: one compound tag per token, three BIO layers.

A tag is three letters, one per layer, each B, I or O: the cue, the source and the content of an
attribution ("OOB": the first word of a content; "BOI": a cue word that sits inside another
attribution's content). Contents nest ("A said that B claimed that X"): the content layer keeps the
innermost content, so an outer content is read back as the run of content words that starts at
its own B (see decode.py).
"""
from __future__ import annotations

from typing import Iterable, Sequence

CUE, SOURCE, CONTENT = 0, 1, 2
OUTSIDE = "OOO"


def token_tags(n_tokens: int, spans: Iterable[tuple[int, int, int]]) -> list[str]:
    """Compound tags of `n_tokens` tokens from (layer, first token, end token) spans.

    Longer spans are written first, so a shorter span nested inside a longer one of the same
    layer wins the words they share (its B survives).
    """
    layers = [["O"] * n_tokens for _ in range(3)]
    for layer, start, end in sorted(spans, key=lambda s: s[1] - s[2]):
        if start >= end:
            continue
        layers[layer][start] = "B"
        for i in range(start + 1, end):
            layers[layer][i] = "I"
    return ["".join(letters) for letters in zip(*layers)]


def layer(tags: Sequence[str], which: int) -> list[str]:
    """The B/I/O letters of one layer."""
    return [tag[which] for tag in tags]
