"""A long text parsed in pieces and joined back into one Doc, with its offsets unchanged.

spaCy's parser and NER need about 1 GB of temporary memory per 100,000
characters of one Doc (its `max_length` guards against that), so a long
article (a transcript, a report of 20,000 lines) would either be refused or
take gigabytes. It is cut instead into pieces of at most `CHUNK_CHARS`,
preferably after a blank line, else after a line break, else after a
sentence's final punctuation, else at a space; the pieces are parsed one after
the other (peak memory is one piece's) and joined with `Doc.from_docs`, whose
text is the pieces' concatenation, that is the article's own text: every
character offset is the same as in a whole parse.

A cut falls where a sentence starts anyway; what differs from a whole parse is
only the few tokens of context the model sees across a cut (none across a
blank line in practice). Texts shorter than `CHUNK_CHARS` are parsed whole.
"""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

# Characters per piece: about 10,000 words, a few hundred MB of parser memory at most.
CHUNK_CHARS = 50_000
# Where a cut may fall, best first: after a blank line, a line break, a sentence's end, a space.
CUT_AFTER = ("\n\n", "\n", ". ", "? ", "! ", " ")


def pieces(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of consecutive pieces of `text`, each at most `size` characters, covering it exactly.

    text (str): the whole text.
    size (int): the longest piece.
    RETURNS (Iterator[tuple[int, int]]): the pieces, in order; their texts joined are `text`.
    """
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        yield start, end
        start = end
    if start < len(text) or not text:
        yield start, len(text)


def _cut(text: str, start: int, limit: int) -> int:
    """The best cut in the second half of text[start:limit] (a hard cut at `limit` when there is none)."""
    floor = start + (limit - start) // 2
    for mark in CUT_AFTER:
        found = text.rfind(mark, floor, limit)
        if found >= 0:
            return found + len(mark)
    return limit


def parse_in_pieces(nlp: Language, text: str, size: int = CHUNK_CHARS) -> Doc:
    """`text` parsed piece by piece (see the module's docstring) into one Doc whose text is `text`."""
    spans = list(pieces(text, size))
    if len(spans) == 1:
        return nlp(text)
    docs = [nlp(text[start:end]) for start, end in spans]
    # without user_data: each piece keeps its own text there (nlp/components.py), no key from_docs can shift
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])
    if joined.text != text:  # never expected: offsets would be wrong, so say so rather than mislead
        raise ValueError("pieces of a long text did not join back into the same text")
    return joined
