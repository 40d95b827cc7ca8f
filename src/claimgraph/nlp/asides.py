"""Parse a reporting sentence again without the participle aside that interrupts it.

"Reuters reported, citing documents, that X had shipped engines" and "a news
agency report, based on documents, said X ..." lose their structure in the
parser: the that-clause hangs on the wrong verb and "citing documents, that X"
becomes the content. Without the aside the same sentence parses cleanly
("Reuters reported that X ..."). So the sentence is parsed again without it, its
words take that tree, and the aside keeps its own inner tree, hung on the
reporting word it interrupts (where "citing documents" is read as the
reporter's cited source).

An adverbial between an auxiliary and its participle ("X a de son côté dénoncé
...", "a cependant, dans sa note, insisté sur ...") can break a French parse
the same way: the participle hangs on "côté" or "note" and loses its subject.
Where it does, the sentence is parsed again without the adverbials; the new tree
is kept when the participle heads the clause with its subject, and each adverbial
hangs on the participle.
"""
from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimgraph.nlp.components import ParseSteps, parsed_alone
from claimgraph.nlp.stand_ins import PARSE_ATTRS, ParsingHints, with_parse

# The longest aside read as one ("citing company documents and two European intelligence sources").
MAX_ASIDE_TOKENS = 14
FINAL_PUNCTUATION = frozenset({".", "!", "?", "…", "»", '"', "”", ":", ";"})
HEAD_COLUMN, DEP_COLUMN = PARSE_ATTRS.index(HEAD), PARSE_ATTRS.index(DEP)


def without_asides(nlp: Language, doc: Doc, hints: ParsingHints) -> Doc:
    """`doc`, or a copy whose sentences with a participle aside after a reporting word, or with adverbials
    that break an auxiliary from its participle, are parsed without them."""
    return parsed_alone(nlp, aside_steps(doc, hints))


def aside_steps(doc: Doc, hints: ParsingHints) -> ParseSteps:
    """`without_asides` in steps (nlp/components.py, `ParseSteps`): yields the sentences to parse again."""
    if not hints.aside_hosts and not hints.adverbials:
        return doc
    parse: Optional[numpy.ndarray] = None
    repaired: set[int] = set()
    # Each kind's sentences are parsed again in one batch (nlp/components.py, `parse_again`), with those of
    # the other articles of the parse's batch when the steps run together (`parsed_together`).
    asides = [(sentence, aside) for sentence in (doc.sents if hints.aside_hosts else ())
              if (aside := _aside(sentence, hints)) is not None]
    kept = [_kept(sentence, set(range(first, last + 1))) for sentence, (first, last) in asides]
    second = yield [_kept_doc(doc.vocab, words, first - 1) for words, (_, (first, _)) in zip(kept, asides)]
    for (sentence, aside), words, reparsed in zip(asides, kept, second):
        if parse is None:
            parse = doc.to_array(PARSE_ATTRS)
        rows = _parse_around(sentence, aside, words, reparsed, parse[sentence.start:sentence.end].copy())
        if rows is not None:
            parse[sentence.start:sentence.end] = rows
            repaired.add(sentence.start)
    # A span holding a sentence repaired above stays as it is (spans are whole sentences, in order).
    adverbials = [(span, found) for span in (_run_on_sentences(doc) if hints.adverbials else ())
                  if (found := _adverbials(span, hints)) is not None
                  and not any(span.start <= start < span.end for start in repaired)]
    kept = [_kept(span, {i for start, end in found[1] for i in range(start, end)}) for span, found in adverbials]
    second = yield [_kept_doc(doc.vocab, words, found[0].i) for words, (_, found) in zip(kept, adverbials)]
    for (span, found), words, reparsed in zip(adverbials, kept, second):
        if parse is None:
            parse = doc.to_array(PARSE_ATTRS)
        rows = _parse_without_adverbials(span, found, words, reparsed, parse[span.start:span.end].copy())
        if rows is not None:
            parse[span.start:span.end] = rows
            repaired.add(span.start)
    return with_parse(doc, parse) if parse is not None and repaired else doc


def _run_on_sentences(doc: Doc) -> list[Span]:
    """The document's sentences, one the parser cut off mid-line (not after final punctuation or a line
    break: "Le syndicat a cependant" | ", dans sa note, insisté ...") joined to the next."""
    spans: list[Span] = []
    for sentence in doc.sents:
        previous = spans[-1] if spans else None
        last = previous[-1] if previous is not None else None
        if last is not None and last.text not in FINAL_PUNCTUATION and "\n" not in last.text_with_ws:
            spans[-1] = doc[previous.start:sentence.end]  # type: ignore[union-attr]
        else:
            spans.append(sentence)
    return spans


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


def _parse_around(sentence: Span, aside: tuple[int, int], kept: list[Token], reparsed: Doc,
                  rows: numpy.ndarray) -> Optional[numpy.ndarray]:
    """The sentence's parse `rows` (as first parsed) rewritten: its `kept` words as `reparsed` without the
    aside, the aside's own rows hung on its host; None when the second parse tokenises otherwise."""
    first, last = aside
    if _write_kept(sentence, kept, reparsed, rows) is None:
        return None
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


def _kept(sentence: Span, removed: set[int]) -> list[Token]:
    """The words of `sentence` but those at the indexes `removed`."""
    return [t for t in sentence if t.i not in removed]


def _kept_doc(vocab: Vocab, kept: list[Token], joined: int) -> Doc:
    """The `kept` words of a sentence as a Doc of their own, to parse alone (the word at index `joined`
    takes a space after it, where the removed words were)."""
    return Doc(vocab, words=[t.text for t in kept], spaces=[bool(t.whitespace_) or t.i == joined for t in kept])


def _write_kept(sentence: Span, kept: list[Token], reparsed: Doc, rows: numpy.ndarray) -> Optional[Doc]:
    """Write the rows of the `kept` words of `sentence`, as `reparsed` alone, into `rows`, heads mapped back
    to the sentence's words; the second parse, or None when it tokenises otherwise."""
    if len(reparsed) != len(kept):
        return None
    new_rows = reparsed.to_array(PARSE_ATTRS)
    for position, token in enumerate(kept):
        row = rows[token.i - sentence.start]
        row[:] = new_rows[position]
        row[HEAD_COLUMN] = _offset(kept[reparsed[position].head.i].i - token.i)
    return reparsed


def _adverbials(sentence: Span, hints: ParsingHints) -> Optional[tuple[Token, list[tuple[int, int]], Token]]:
    """An auxiliary, the adverbial segments [start, end) right after it (listed phrases or a phrase set off
    by commas) and the past participle they part it from, where the parse does not make that participle
    the head of its clause with a subject; None when the sentence has none."""
    doc = sentence.doc
    for aux in sentence[1:-2]:
        if aux.lemma_.lower() not in hints.auxiliary_lemmas or aux.pos_ not in ("AUX", "VERB"):
            continue
        segments: list[tuple[int, int]] = []
        i = aux.i + 1
        while (end := _adverbial_end(doc, i, sentence.end, hints)) is not None:
            segments.append((i, end))
            i = end
        while i < sentence.end - 1 and doc[i].lemma_.lower() in hints.auxiliary_lemmas and _is_participle(doc[i]):
            i += 1  # "a par ailleurs été condamné"
        if segments and i < sentence.end and _is_participle(doc[i]) and not _heads_clause(aux, doc[i]):
            return aux, segments, doc[i]
    return None


def _adverbial_end(doc: Doc, start: int, limit: int, hints: ParsingHints) -> Optional[int]:
    """End (exclusive) of a listed adverbial or of a comma-delimited phrase starting at `start`, or None."""
    if start >= limit:
        return None
    if doc[start].text == ",":
        for end in range(start + 2, min(start + MAX_ASIDE_TOKENS + 2, limit)):
            if doc[end].text == ",":
                return end + 1
            if doc[end].is_punct and doc[end].text not in ("-", "–", "'", "’"):
                return None
        return None
    words = ""
    for end in range(start, min(start + 4, limit)):
        words += doc[end].lower_.replace("’", "'") + doc[end].whitespace_
        if words.strip() in hints.adverbials:
            longest = end + 1  # the longest listed phrase wins ("elle aussi" over "elle")
            for longer in range(end + 1, min(start + 4, limit)):
                words += doc[longer].lower_.replace("’", "'") + doc[longer].whitespace_
                if words.strip() in hints.adverbials:
                    longest = longer + 1
            return longest
    return None


def _is_participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm") and "Pres" not in token.morph.get("Tense")


def _heads_clause(aux: Token, participle: Token) -> bool:
    """Whether the auxiliary hangs on the participle and the participle has a subject."""
    return aux.head.i == participle.i and any(c.dep_.startswith("nsubj") for c in participle.children)


def _parse_without_adverbials(sentence: Span, found: tuple[Token, list[tuple[int, int]], Token],
                              kept: list[Token], reparsed: Doc, rows: numpy.ndarray) -> Optional[numpy.ndarray]:
    """The sentence's parse `rows` rewritten: its `kept` words as `reparsed` without the adverbials, each
    adverbial's own tree hung on the participle; None unless that parse makes the participle head its clause
    with a subject (or the second parse tokenises otherwise)."""
    aux, segments, participle = found
    reparsed = _write_kept(sentence, kept, reparsed, rows)
    position = {token.i: n for n, token in enumerate(kept)}
    if reparsed is None or not _heads_clause(reparsed[position[aux.i]], reparsed[position[participle.i]]):
        return None  # `rows` is the caller's copy: left half-written, it is dropped
    strings = sentence.doc.vocab.strings
    for start, end in segments:
        segment = sentence.doc[start:end]
        # a word keeps its head inside the segment unless that head is a comma; the segment's roots hang on
        # the participle, its commas on its first root
        roots = [t for t in segment if t.is_punct or not (start <= t.head.i < end) or t.head.i == t.i
                 or t.head.is_punct]
        words = [t for t in roots if not t.is_punct]
        for token in roots:
            if token.is_punct:
                target, label = (words[0], "punct") if words else (participle, "punct")
            else:
                target, label = participle, "advmod" if token.pos_ == "ADV" else "obl:mod"
            row = rows[token.i - sentence.start]
            row[HEAD_COLUMN] = _offset(target.i - token.i)
            row[DEP_COLUMN] = strings.add(label)
    return rows


def _offset(relative: int) -> numpy.uint64:
    """A relative head offset as `Doc.to_array` stores it (two's complement in uint64)."""
    return numpy.uint64(relative & 0xFFFFFFFFFFFFFFFF)
