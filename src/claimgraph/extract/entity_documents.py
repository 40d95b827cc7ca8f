"""Names of texts are no entities: treaties, agreements, laws and projects.

The contract's six types hold no documents, yet news names them like organisations: "the
Tolvik Accord", "the Brann Weapons Convention (BWC)", « le traité Tolvik », « le projet TVK ».
The NER takes them for organisations or products. A name the gazetteer does not know is
dropped, with its acronym and every other mention of its group, when

* its head word is a document word (`document_heads` in entities.yaml: "Tolvik Treaty",
  "Brann Act", « Traité de Tolvik »); a convention only when it is one of things ("Chemical
  Arms Convention", "Convention on Tolvik Munitions"), not a party's ("National Convention");
* or a lowercase document word stands right before or after one of its mentions
  (`document_descriptors`: « le projet TVK », "the TVK agreement").

A name that is also something else ("the NATO treaty") is in the gazetteer and stays.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from claimgraph.extract.doc_text import token_bounds
from claimgraph.extract.entity_types import is_acronym_of

CONVENTION = ("convention",)
CONVENTION_LINKS = ("on", "sur")


def drop_documents(doc: Doc, groups: list[Any], data: dict[str, Any]) -> list[Any]:
    """The groups without those that name a text (see the module's docstring).

    doc (Doc): the parsed article.
    groups (list[Group]): the article's groups (extract/entity_groups.py).
    data (dict[str, Any]): the language's entities.yaml.
    RETURNS (list[Group]): the groups kept.
    """
    heads = {w.casefold() for w in data.get("document_heads", [])}
    descriptors = {w.casefold() for w in data.get("document_descriptors", [])}
    if not heads and not descriptors:
        return groups
    head_first = bool(data.get("head_first"))
    starts, ends = token_bounds(doc)
    dropped = [g for g in groups if g.entry is None and g.type != "PERSON"
               and (_headed(g.name, heads, head_first) or _described(doc, g, starts, ends, descriptors))]
    if not dropped:
        return groups
    names = [g.name for g in dropped]
    return [g for g in groups if g not in dropped
            and not (g.entry is None and any(is_acronym_of(g.name, name) for name in names))]


def _headed(name: str, heads: set[str], head_first: bool) -> bool:
    words = name.casefold().split()
    if len(words) < 2:
        return False
    head = words[0] if head_first else words[-1]
    if head in CONVENTION:
        # A convention of things ("Arms Convention", "Convention on Arms"), not a party's meeting.
        return (len(words) > 2 and words[1] in CONVENTION_LINKS) if head_first or words[0] in CONVENTION \
            else words[-2].endswith("s") and not words[-2].endswith("ss")
    if words[0] in CONVENTION and len(words) > 2 and words[1] in CONVENTION_LINKS:
        return True
    return head in heads


def _described(doc: Doc, group: Any, starts: dict[int, int], ends: dict[int, int], descriptors: set[str]) -> bool:
    for mention in group.mentions:
        first, end = starts.get(mention.span.start), ends.get(mention.span.end)
        if first is not None and first > 0 and _document_word(doc[first - 1], descriptors):
            return True
        if end is not None and end < len(doc) and _document_word(doc[end], descriptors):
            return True
    return False


def _document_word(token: Any, descriptors: set[str]) -> bool:
    return token.is_lower and token.lower_ in descriptors and token.pos_ == "NOUN"


__all__ = ["drop_documents"]
