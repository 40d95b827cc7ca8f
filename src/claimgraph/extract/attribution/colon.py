"""Headline-style attributions: "Pence: Gennifer Flowers won't be at debate", "Poll: ...".

A line or sentence that opens with a short name or source noun and a colon
gives the words after the colon to that source: newsrooms write headlines and
standfirsts this way in every language. "Drones : Pékin dément ..." is a topic,
not a speaker, so the phrase must name a person, an organisation or a source
noun (a poll, a report, an official).
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import sentence_of, texts_of
from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.attribution.spans import Candidate, content_span, tokens_span

# At most this many words before the colon: a speaker's name, not a clause.
MAX_SOURCE_WORDS = 5
SPEAKER_ENTITIES = frozenset({"PERSON", "PER", "ORG", "NORP"})
PERSON_ENTITIES = frozenset({"PERSON", "PER"})


def colon_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """One candidate per "<speaker>: <content>" opening a line or a sentence."""
    texts = texts_of(doc)
    for colon in (doc[i] for i in range(len(doc) - 1) if texts[i] == ":"):
        source = _opening_phrase(doc, colon)
        if not source or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in source) \
                or not _names_a_speaker(source, lexicon):
            continue
        start = colon.i + 1
        while start < len(doc) and doc[start].is_space:
            start += 1
        if start >= len(doc):
            continue
        # the parser may start a new sentence at the colon: the content runs to the end of the next one
        rest = [t for t in doc[start:sentence_of(doc[start]).end] if "\n" not in t.text or not t.is_space]
        content = content_span(doc, rest)
        if content is None or len(rest) < 3:
            continue
        yield Candidate(content=content, source_head=_head(source), source_span=tokens_span(doc, source),
                        cue=tokens_span(doc, [colon]), kind="indirect", cue_token=colon)


def _opening_phrase(doc: Doc, colon: Token) -> list[Token]:
    """The words between the start of the line or sentence and the colon (empty if too many)."""
    words: list[Token] = []
    i = colon.i - 1
    while i >= 0 and not (doc[i].is_space and "\n" in doc[i].text) and doc[i].text not in ".!?»\"”":
        words.insert(0, doc[i])
        if len(words) > MAX_SOURCE_WORDS:
            return []
        i -= 1
    return [t for t in words if not t.is_space]


def _names_a_speaker(source: list[Token], lexicon: Lexicon) -> bool:
    head = _head(source)
    if head.ent_type_ in SPEAKER_ENTITIES:
        return True
    if head.text[:1].isupper() and any(e.label_ in PERSON_ENTITIES and head.text in e.text.split()
                                    for e in head.doc.ents):
        return True  # "Pence:" in a headline, "Mike Pence" in the story (not "Mali:" of "leaders du Mali")
    lemma = head.lemma_.lower()
    return lemma in lexicon.person_nouns or lemma in lexicon.document_nouns or lemma in lexicon.organization_nouns


def _head(source: list[Token]) -> Token:
    inside = {t.i for t in source}
    roots = [t for t in source if t.head.i not in inside or t.head.i == t.i]
    return roots[-1] if roots else source[-1]


__all__ = ["colon_candidates"]
