"""From the tagger's compound tags to attribution candidates: one per predicted cue.

Each cue takes the content that starts at the first content B after it (or, when none follows,
the run of content words that ends just before it: "X, he said") and the source run nearest to
it in its sentence. Contents nest: an outer content is the whole run of content words from its
own B, inner B's included ("said that B claimed that X" -> "B claimed that X").
"""
from __future__ import annotations

from typing import Any, Iterator, Optional, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.doc_text import sentence_of
from claimgraph.extract.attribution.spans import Candidate, content_span, tokens_span
from claimgraph.extract.learned.labels import CONTENT, CUE, SOURCE, layer
from claimgraph.extract.learned.windows import FullTags, Layer, runs_touching
from claimgraph.model import Span

GAP_AFTER_CUE = 4  # "said on Tuesday that ...": words between a cue and its content
GAP_BEFORE_CUE = 6  # '"...," the minister said': the source and punctuation between content and cue
SOURCE_REACH = 4  # "X, a spokesman, has said": how far a source may sit from its cue
MAX_CONTENT = 200  # tokens
REQUIRE_SOURCE = True
BRIDGE = 2  # a content the tagger leaves with a hole of one or two words goes on after it


def runs(letters: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) token ranges of one BIO layer; an I after O opens a run too."""
    found: list[tuple[int, int]] = []
    start: Optional[int] = None
    for i, letter in enumerate(letters):
        if letter == "B" or (letter == "I" and start is None):
            if start is not None:
                found.append((start, i))
            start = i
        elif letter == "O" and start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(letters)))
    return found


def _content_after(content: list[str], sent: SpacySpan, cue_end: int) -> Optional[tuple[int, int]]:
    """The content starting at the first B after the cue (inside an outer content, the words
    between the cue and that B belong to the outer one: "claimed that X"), else at its first word."""
    window = range(cue_end, min(cue_end + GAP_AFTER_CUE + 1, sent.end))
    start = next((i for i in window if content[i] == "B"), None)
    if start is None:
        start = next((i for i in window if content[i] != "O"), None)
    if start is None:
        return None
    return start, _run_end(content, start, sent.end)


def _run_end(content: list[str], start: int, sent_end: int) -> int:
    """End of the content run from `start`, across holes of up to BRIDGE words inside the sentence."""
    end = start + 1
    while end < len(content) and end - start < MAX_CONTENT:
        if content[end] != "O":
            end += 1
            continue
        resume = next((j for j in range(end + 1, min(end + 1 + BRIDGE, sent_end)) if content[j] == "I"), None)
        if resume is None:
            break
        end = resume + 1
    return end


def _content_before(content: list[str], sent: SpacySpan, cue_start: int) -> Optional[tuple[int, int]]:
    lowest = max(sent.start - 1, cue_start - GAP_BEFORE_CUE - 1, -1)
    for i in range(cue_start - 1, lowest, -1):
        if content[i] != "O":
            start = i
            while start > 0 and content[start - 1] != "O" and i - start < MAX_CONTENT:
                start -= 1
            return start, i + 1
    return None


def _source_near(sources: list[tuple[int, int]], sent: SpacySpan, cue: tuple[int, int],
                 content: tuple[int, int]) -> Optional[tuple[int, int]]:
    """The source run closest to the cue in its sentence, outside the content."""
    best: Optional[tuple[int, int]] = None
    best_distance = SOURCE_REACH + 1
    for start, end in sources:
        if start < sent.start or end > sent.end or (content[0] <= start and end <= content[1]):
            continue
        distance = cue[0] - end if end <= cue[0] else start - cue[1] if start >= cue[1] else 0
        if 0 <= distance < best_distance:
            best, best_distance = (start, end), distance
    return best


def _head(doc: Doc, start: int, end: int) -> Token:
    """The word of doc[start:end] whose syntactic head lies outside it (its first such word)."""
    inside = [t for t in doc[start:end] if not t.is_space and not t.is_punct] or list(doc[start:end])
    return next((t for t in inside if not (start <= t.head.i < end) or t.head.i == t.i), inside[0])


def learned_candidates(doc: Doc, tags: Sequence[str]) -> Iterator[Candidate]:
    """One candidate per predicted cue that has a content and a source."""
    reader = FullTags(tags, ())
    for cue in runs(layer(tags, CUE)):
        candidate = candidate_at(doc, reader, cue)
        if candidate is not None:
            yield candidate


def candidate_at(doc: Doc, reader: Any, cue: tuple[int, int]) -> Optional[Candidate]:
    """The candidate of the cue run `cue` read from `reader` (windows.py), or None without a content or
    a source. Only the runs that can be its source are read: those with a word within SOURCE_REACH + 1
    of the cue in its sentence (farther ones are never the nearest)."""
    content = Layer(reader, CONTENT)
    sent = sentence_of(doc[cue[0]])
    found = _content_after(content, sent, cue[1]) or _content_before(content, sent, cue[0])
    if found is None:
        return None
    sources = runs_touching(Layer(reader, SOURCE), max(sent.start, cue[0] - SOURCE_REACH - 1),
                            min(sent.end, cue[1] + SOURCE_REACH + 1))
    source = _source_near(sources, sent, cue, found)
    if source is None and REQUIRE_SOURCE:
        return None
    span = content_span(doc, [t for t in doc[found[0]:found[1]]])
    if span is None:
        return None
    cue_token = _head(doc, *cue)
    return Candidate(content=span, source_head=_head(doc, *source) if source else None,
                     source_span=tokens_span(doc, [t for t in doc[source[0]:source[1]] if not t.is_space]) if source else None,
                     cue=tokens_span(doc, doc[cue[0]:cue[1]]), cue_token=cue_token, kind="indirect")


def cue_probe(doc: Doc, cue: tuple[int, int]) -> Candidate:
    """The cue words of a run and its head word, before its content is read (what `known_cue` looks at)."""
    cue_span = tokens_span(doc, doc[cue[0]:cue[1]])
    return Candidate(content=cue_span or Span(0, 0, ""), cue=cue_span, cue_token=_head(doc, *cue))
