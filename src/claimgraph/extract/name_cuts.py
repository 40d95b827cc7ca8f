"""Entity spans the NER ran over two names, cut in two (extract/entities.py calls it after merging
the candidates of extract/name_spans.py):

* a party or body run into its leader's name: « du Rassemblement populaire Claire Tolvik » ->
  ORG "Rassemblement populaire" + PERSON "Claire Tolvik";
* a name run into the place it is at: "Tolvik Museum of Art at Brann University" -> two ORGs
  (a campus name, "University of Tolvik at Brann", stays whole).
"""
from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Span as SpacySpan

from claimgraph.extract.entity_types import head_type
from claimgraph.extract.name_spans import CANDIDATE, HYPHENS, _capitalised, _span

def _campus_cut(span: SpacySpan, data: dict[str, Any]) -> Optional[int]:
    """Where an NER span joins a name to the place it is at ("Tolvik Museum of Art at Brann University"):
    the campus link word, when the span does not start with a campus head ("University of Tolvik at
    Brann" is one name) and a head word types what follows it."""
    links = {w.casefold() for w in data.get("campus_links", [])}
    heads = {w.casefold() for w in data.get("campus_heads", [])}
    if not links or span.ent_id_ or span.id_.startswith(CANDIDATE) or span[0].lower_ in heads:
        return None
    at = next((t.i for t in span[1:-1] if t.lower_ in links and t.is_lower), None)
    if at is None or not _capitalised(span.doc[at + 1]) or head_type(span.doc[at + 1:span.end].text, data) is None:
        return None
    return at


def split_name_pairs(spans: list[SpacySpan], data: dict[str, Any]) -> list[SpacySpan]:
    """The NER's organisation spans that run into a person's name split in two: « du Rassemblement
    national Marine Tolvik » -> ORG "Rassemblement national" + PER "Marine Tolvik". The organisation
    ends with a lowercase adjective or noun (not a name particle or link word) and two or more capitalised words
    follow it, as a person is named after the party or body they lead.

    spans (list[SpacySpan]): the merged entity spans, in text order.
    data (dict[str, Any]): the language's entities.yaml (`name_particles`, `name_links`, `determiners`).
    RETURNS (list[SpacySpan]): the spans with each such pair split.
    """
    keep = {w.casefold() for key in ("name_particles", "name_links", "determiners") for w in data.get(key, [])}
    particles = {w.casefold() for w in data.get("name_particles", [])}
    out = []
    for span in spans:
        at = _campus_cut(span, data)
        if at is not None:  # "the Tolvik Museum of Art at Brann University": a museum at a university
            out.append(SpacySpan(span.doc, span.start, at, label=span.label_))
            out.append(_span(span.doc, at + 1, span.end, head_type(span.doc[at + 1:span.end].text, data) or span.label_))
            continue
        cut = None
        if span.label_ in ("ORG", "MISC") and not span.ent_id_ and not span.id_.startswith(CANDIDATE):
            for index in range(span.end - 3, span.start, -1):
                word = span.doc[index]
                if word.is_lower and word.is_alpha and word.lower_ not in keep and word.pos_ in ("ADJ", "NOUN"):
                    rest = span.doc[index + 1:span.end]
                    if _capitalised(rest[0]) and all(_capitalised(t) or t.text in HYPHENS or t.lower_ in particles
                                                     for t in rest):
                        cut = index + 1
                    break
        if cut is None:
            out.append(span)
            continue
        out.append(SpacySpan(span.doc, span.start, cut, label=span.label_))
        out.append(SpacySpan(span.doc, cut, span.end, label="PERSON"))
    return out


__all__ = ["split_name_pairs"]
