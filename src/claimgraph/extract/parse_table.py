"""Reads of a parsed Doc that spaCy recomputes on each access, made once per Doc (or once per process).

`token.morph.get(field)` builds a MorphAnalysis and splits its feature strings on every call (about
0.9 microseconds, several times the cost of `token.dep_`); `token.subtree` makes a Token for every word
under `token` and walks the tree again each time. Event roles and factuality ask both many times per
trigger. Extraction never changes the parse, so the answers stay exact for the Doc's life.
"""
from __future__ import annotations

from spacy.attrs import MORPH
from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import children_of

MORPH_KEY = "claimgraph.morph_keys"

# (morphology hash, field) -> `token.morph.get(field)`: the hash names one FEATS string of the
# vocabulary, so its values are the same in every Doc (at most a few thousand pairs per language)
_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}
VALUES_MAX = 100_000


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """`token.morph.get(field)` as a tuple (empty when the token has no such feature), computed once per
    morphology and field."""
    doc = token.doc
    keys: list[int] = doc.user_data.get(MORPH_KEY)
    if keys is None:
        keys = doc.user_data[MORPH_KEY] = doc.to_array([MORPH]).ravel().tolist() if len(doc) else []
    pair = (keys[token.i], field)
    values = _VALUES.get(pair)
    if values is None:
        if len(_VALUES) >= VALUES_MAX:
            _VALUES.clear()
        values = _VALUES[pair] = tuple(token.morph.get(field))
    return values


def subtree_set(token: Token) -> set[int]:
    """`{t.i for t in token.subtree}` without making the Tokens."""
    kids = children_of(token.doc)
    found = {token.i}
    stack = [token.i]
    while stack:
        for child in kids[stack.pop()]:
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def heads_of(doc: Doc) -> list[int]:
    """Each token's head index (a root's is its own), from the children built once per Doc."""
    heads: list[int] = doc.user_data.get(HEADS_KEY)
    if heads is None:
        heads = list(range(len(doc)))
        for parent, children in enumerate(children_of(doc)):
            for child in children:
                heads[child] = parent
        doc.user_data[HEADS_KEY] = heads
    return heads


HEADS_KEY = "claimgraph.heads"


def dominates(top: int, word: int, heads: list[int]) -> bool:
    """Whether token `word` lies in the subtree of token `top` (itself included): `doc[word] in doc[top].subtree`."""
    seen = 0
    while True:
        if word == top:
            return True
        above = heads[word]
        if above == word or seen > len(heads):
            return False
        word = above
        seen += 1

