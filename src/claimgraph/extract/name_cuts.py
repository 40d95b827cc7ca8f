"""Entity spans the NER ran over two names, cut in two (extract/entities.py calls it after merging
the candidates of extract/name_spans.py):

* a party or body run into its leader's name: « du Rassemblement populaire Claire Tolvik » ->
  ORG "Rassemblement populaire" + PERSON "Claire Tolvik";
* a name run into the place it is at: "Tolvik Museum of Art at Brann University" -> two ORGs
  (a campus name, "University of Tolvik at Brann", stays whole);
* a person named with the body they speak for: "Ana Brann Ruiz of the National Tolvik Agency" ->
  PERSON "Ana Brann Ruiz" + ORG "National Tolvik Agency".

And two names the NER cut out of one, joined: a party named with a capitalised article inside
(« Avenir Tolvik Les Brannistes ») as ORG + ORG.
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


def _model_cut(span: SpacySpan, data: dict[str, Any]) -> Optional[int]:
    """Where an NER span runs an operator into the model after it, before a product noun ("Tolvik Air
    Force Sea Lynx helicopters", "Brann Army Kestrel drones"): after the operator's head word, when
    capitalised words follow it."""
    doc = span.doc
    if span.ent_id_ or span.id_.startswith(CANDIDATE) or len(span) < 3 or span.end >= len(doc):
        return None
    after = doc[span.end]
    products = {w.casefold() for w in (data.get("type_descriptors") or {}).get("PRODUCT", [])}
    if not after.is_lower or after.lower_ not in products or after.pos_ != "NOUN":
        return None
    heads = {w.casefold() for w in (data.get("type_heads") or {}).get("ORG", [])}
    for index in range(span.end - 2, span.start, -1):
        if doc[index].lower_ in heads and _capitalised(doc[index]):
            rest = doc[index + 1:span.end]
            return index + 1 if all(_capitalised(t) or t.like_num or t.text in HYPHENS for t in rest) else None
    return None


def _person_of_cut(span: SpacySpan, data: dict[str, Any]) -> Optional[tuple[int, int]]:
    """Where an NER span runs a person's name into the body after it ("Ana Brann Ruiz of the National
    Tolvik Agency"): (end of the name, start of the body). Two or more capitalised words, none a type
    head or a job title, then a link word and a determiner, then a name a head word types as an ORG;
    not "Friends of the Earth" (one word), "Supreme Court of the United States" (a head before)."""
    doc = span.doc
    if span.ent_id_ or len(span) < 5:  # a name the gazetteer knows stays whole
        return None
    links = {w.casefold() for w in data.get("name_links", [])}
    determiners = {w.casefold() for w in data.get("determiners", [])}
    titles = {w.casefold() for w in data.get("job_titles", [])}
    heads = {w.casefold() for ws in (data.get("type_heads") or {}).values() for w in ws}
    link = next((t.i for t in span[2:-2] if t.lower_ in links and t.is_lower), None)
    if link is None or doc[link + 1].lower_ not in determiners:
        return None
    name = doc[span.start:link]
    if not all(_capitalised(t) and t.is_alpha and t.lower_ not in heads | titles for t in name):
        return None
    body = doc[link + 2:span.end]
    if not _capitalised(body[0]) or head_type(body.text, data) != "ORG":
        return None
    return link, link + 2


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
        model = _model_cut(span, data)
        if model is not None:  # "the Tolvik Air Force Sea Lynx helicopters": the operator and its model
            out.append(SpacySpan(span.doc, span.start, model, label="ORG"))
            out.append(_span(span.doc, model, span.end, "PRODUCT"))
            continue
        person = _person_of_cut(span, data) if span.label_ in ("ORG", "PERSON") else None
        if person is not None:  # "Ana Ruiz of the National Tolvik Agency": a person and the body they speak for
            out.append(_span(span.doc, span.start, person[0], "PERSON"))
            out.append(_span(span.doc, person[1], span.end, "ORG"))
            continue
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


def join_article_names(spans: list[SpacySpan], data: dict[str, Any]) -> list[SpacySpan]:
    """Two NER organisation spans side by side, the second starting with a capitalised article
    (« Avenir Tolvik Les Brannistes » read as "Avenir Tolvik" + "Les Brannistes"): one name, as an
    article starts no name in the middle of a sentence.

    spans (list[SpacySpan]): the merged entity spans, in text order.
    data (dict[str, Any]): the language's entities.yaml (`determiners`).
    RETURNS (list[SpacySpan]): the spans with each such pair joined.
    """
    articles = {w.casefold() for w in data.get("determiners", [])}
    out: list[SpacySpan] = []
    for span in spans:
        previous = out[-1] if out else None
        if previous is not None and previous.end == span.start and _plain_org(previous) and _plain_org(span) \
                and span[0].text[:1].isupper() and span[0].lower_ in articles and len(span) > 1 \
                and not span[0].is_sent_start:
            out[-1] = SpacySpan(span.doc, previous.start, span.end, label=previous.label_)
            continue
        out.append(span)
    return out


def _plain_org(span: SpacySpan) -> bool:
    return span.label_ == "ORG" and not span.ent_id_ and not span.id_.startswith(CANDIDATE)


__all__ = ["join_article_names", "split_name_pairs"]
