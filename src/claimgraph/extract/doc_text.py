"""The text of a parsed Doc, built once: spaCy's `Doc.text` joins every token again on each access."""
from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "claimgraph.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc and kept in its user_data. Extraction never changes the
    tokens, so the cached string stays exact; an article of a few thousand short sentences
    otherwise took minutes (one join of the whole Doc per cue, per trigger, per mention)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


SENTENCE_STARTS_KEY = "claimgraph.sentence_starts"


def sentence_starts(doc: Doc) -> list[int]:
    """`token.sent.start` of every token by its index, built once per Doc: `token.sent` walks to its
    sentence's bounds token by token on each access, which per token of a loop is quadratic in the
    sentence's length. The parse's sentences never change once extraction starts."""
    starts: list[int] = doc.user_data.get(SENTENCE_STARTS_KEY)
    if starts is None:
        starts = []
        for sentence in doc.sents:
            starts.extend([sentence.start] * (sentence.end - sentence.start))
        doc.user_data[SENTENCE_STARTS_KEY] = starts
    return starts
