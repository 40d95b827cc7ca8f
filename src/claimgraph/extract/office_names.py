"""Bodies named after a person or an office, which the NER leaves out or cuts:

* a leader's government or administration ("the Tolvik government", "the Brann administration"):
  one ORG with its noun (`leader_bodies` in entities.yaml), when the name before it is neither a
  country nor a nationality (those are the national bodies of extract/entity_types.py);
* an office's staff named by its holder's title ("the Tolvik County Sheriff's office", "the
  Brann Sheriff's Department"): the place, the title, the possessive and the office noun
  (`office_nouns`) make one ORG.

Both are candidates in the sense of extract/name_spans.py: spaCy spans labelled with their type,
merged with the NER's entities, the longest name winning.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.doc_text import words_of
from claimgraph.extract.name_spans import CANDIDATE

POSSESSIVES = ("'s", "’s")
NATIONAL_LABELS = ("GPE", "NORP")


def office_spans(doc: Doc, data: dict[str, Any]) -> list[SpacySpan]:
    """Candidate ORG spans for leaders' governments and offices named by a title (see the module).

    doc (Doc): the parsed article.
    data (dict[str, Any]): the language's entities.yaml (`leader_bodies`, `office_nouns`, `job_titles`,
        `nationalities`).
    RETURNS (list[SpacySpan]): candidate spans, in text order.
    """
    bodies = {w.casefold() for w in data.get("leader_bodies", [])}
    offices = {w.casefold() for w in data.get("office_nouns", [])}
    if not bodies and not offices:
        return []
    titles = {w.casefold() for w in data.get("job_titles", [])}
    demonyms = {f.casefold() for forms in (data.get("nationalities") or {}).values() for f in forms}
    spans = []
    lowers = words_of(doc)[1]
    for i in range(2, len(doc)):
        if lowers[i] not in bodies and lowers[i] not in offices:  # the cheap test, by index: no Token for most words
            continue
        token = doc[i]
        if not token.is_lower or token.pos_ != "NOUN":
            continue
        if token.lower_ in bodies:
            start = _name_start(doc, token.i)
            if start is not None and doc[start - 1].lower_ == "the" and not _national(doc[start:token.i], demonyms):
                spans.append(SpacySpan(doc, start, token.i + 1, label="ORG", span_id=CANDIDATE + "ORG"))
        elif token.lower_ in offices and doc[token.i - 1].lower_ in POSSESSIVES and doc[token.i - 2].lower_ in titles \
                and doc[token.i - 2].text[:1].isupper():
            start = _name_start(doc, token.i - 2)
            if start is not None:
                spans.append(SpacySpan(doc, start, token.i + 1, label="ORG", span_id=CANDIDATE + "ORG"))
    return spans


def _name_start(doc: Doc, end: int) -> int | None:
    """Where the run of capitalised proper nouns that ends before `end` starts, or None."""
    start = end
    while start > 1 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") \
            and not doc[start - 1].is_sent_start:
        start -= 1
    return start if start < end else None


def _national(tokens: SpacySpan, demonyms: set[str]) -> bool:
    """A country or a nationality before the noun ("the Tolvikian government"): a national body."""
    return tokens.text.casefold() in demonyms or any(t.ent_type_ in NATIONAL_LABELS and t.ent_id_ for t in tokens) \
        or all(t.ent_type_ == "GPE" for t in tokens)


__all__ = ["office_spans"]
