"""Parse a reporting sentence again without the participle aside that interrupts it.

"Reuters reported, citing documents, that X had shipped engines" and "a news
agency report, based on documents, said X ..." lose their structure in the
parser: the that-clause hangs on the wrong verb and "citing documents, that X"
becomes the content. Without the aside the same sentence parses cleanly
("Reuters reported that X ..."). So the sentence is parsed again without it, its
words take that tree, and the aside keeps its own inner tree, hung on the
reporting word it interrupts (where "citing documents" is read as the
reporter's cited source).
"""
from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.components import parse_again
from claimgraph.nlp.stand_ins import PARSE_ATTRS, ParsingHints, with_parse

# The longest aside read as one ("citing company documents and two European intelligence sources").
MAX_ASIDE_TOKENS = 14
HEAD_COLUMN, DEP_COLUMN = PARSE_ATTRS.index(HEAD), PARSE_ATTRS.index(DEP)


def without_asides(nlp: Language, doc: Doc, hints: ParsingHints) -> Doc:
    """`doc`, or a copy whose sentences with a participle aside after a reporting word are parsed without it."""
    if not hints.aside_hosts:
        return doc
    parse: Optional[numpy.ndarray] = None
    repaired = False
    for sentence in doc.sents:
        aside = _aside(sentence, hints)
        if aside is None:
            continue
        if parse is None:
            parse = doc.to_array(PARSE_ATTRS)
        rows = _parse_around(nlp, sentence, aside, parse[sentence.start:sentence.end].copy())
        if rows is not None:
            parse[sentence.start:sentence.end] = rows
            repaired = True
    return with_parse(doc, parse) if parse is not None and repaired else doc


def _aside(sentence: Span, hints: ParsingHints) -> Optional[tuple[int, int]]:
    """Token range [first comma, last comma] of a participle phrase set off right after a reporting word."""
    doc = sentence.doc
    for token in sentence[1:-2]:
        if token.text != ",":
            continue
        host = doc[token.i - 1]
        opener = doc[token.i + 1]
        if host.lemma_.lower() not in hints.aside_hosts or host.pos_ not in ("VERB", "NOUN"):
            continue
        if opener.tag_ not in hints.participle_tags and "Part" not in opener.morph.get("VerbForm"):
            continue
        for end in range(token.i + 2, min(token.i + MAX_ASIDE_TOKENS + 2, sentence.end - 1)):
            if doc[end].text == ",":
                return token.i, end
            if doc[end].is_punct and doc[end].text not in ("-", "–"):
                break
    return None


def _parse_around(nlp: Language, sentence: Span, aside: tuple[int, int], rows: numpy.ndarray) -> Optional[numpy.ndarray]:
    """The sentence's parse `rows` (as first parsed) rewritten: its words as parsed without the aside, the
    aside's own rows hung on its host; None when the second parse tokenises otherwise."""
    first, last = aside
    kept = [t for t in sentence if not first <= t.i <= last]
    reparsed = parse_again(nlp, Doc(nlp.vocab, words=[t.text for t in kept],
                                    spaces=[bool(t.whitespace_) or t.i == first - 1 for t in kept]))
    if len(reparsed) != len(kept):
        return None
    new_rows = reparsed.to_array(PARSE_ATTRS)
    for position, token in enumerate(kept):
        row = rows[token.i - sentence.start]
        row[:] = new_rows[position]
        row[HEAD_COLUMN] = _offset(kept[reparsed[position].head.i].i - token.i)
    host, opener = sentence.doc[first - 1], sentence.doc[first + 1]
    strings = sentence.doc.vocab.strings
    for token in sentence.doc[first:last + 1]:
        if token.i != opener.i and first < token.head.i <= last and token.head.i != token.i:
            continue  # the aside's inner tree stays as first parsed
        # its root hangs on the reporting word it interrupts; its commas and strays on its root
        target, label = (host, "advcl" if host.pos_ == "VERB" else "acl") if token.i == opener.i else \
            (opener, "punct" if token.is_punct else "dep")
        row = rows[token.i - sentence.start]
        row[HEAD_COLUMN] = _offset(target.i - token.i)
        row[DEP_COLUMN] = strings.add(label)
    return rows


def _offset(relative: int) -> numpy.uint64:
    """A relative head offset as `Doc.to_array` stores it (two's complement in uint64)."""
    return numpy.uint64(relative & 0xFFFFFFFFFFFFFFFF)
