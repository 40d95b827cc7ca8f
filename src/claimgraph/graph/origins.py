"""Where a mention comes from: attribution chains, their innermost named source, wire bylines.

Independence is counted on origins, not articles: "Reuters reported, citing
documents" in ten outlets is one origin (Reuters); "des sources internes,
selon le Times" is The Times. A chain with no named source falls back to the
article's own story (`story:<document id>`), which copy detection later maps
onto the story it copies, or onto the wire whose byline it carries.
"""
from __future__ import annotations

import re
from typing import Optional

from claimgraph.graph.keys import entity_key, fold, is_pronoun, name_key
from claimgraph.model import Analysis, Attribution, Entity, Span
from claimgraph.model.records import ChainLink, Origin

# Source types that name who speaks; `anonymous_person`, `document` and `unspecified` do not.
NAMED_TYPES = ("named_person", "organization", "media")
# Wire agencies whose byline makes an article a relay of the agency's story.
WIRES = {"reuters": "Reuters", "afp": "Agence France-Presse", "agence france-presse": "Agence France-Presse",
         "associated press": "Associated Press", "ap": "Associated Press"}
# How far back (characters) an unnamed source looks for the outlet quoting it.
QUOTING_WINDOW = 700
_BYLINE = re.compile(r"\((Reuters|AFP|AP)\)|\b(Reuters|AFP)\s*[-–—]\s|\((?:avec |with )?(AFP|Reuters)\)\s*$",
                     re.MULTILINE)


def wire_of(analysis: Analysis) -> Optional[str]:
    """The wire agency an article is (or carries the byline of), e.g. "Reuters"; None for own reporting."""
    source = fold(analysis.document.source or "")
    if source in WIRES:
        return WIRES[source]
    text = analysis.document.text
    for window in (text[:400], text[-200:]):
        match = _BYLINE.search(window)
        if match:
            return WIRES[fold(next(g for g in match.groups() if g))]
    return None


def entity_in(span: Span, analysis: Analysis, types: tuple[str, ...] = ("ORG", "PERSON", "GPE")) -> Optional[Entity]:
    """The entity mentioned inside `span` ("des documents consultés par Reuters" -> Reuters), if any."""
    for entity in analysis.entities:
        if entity.type in types and any(span.contains(m) for m in entity.mentions):
            return entity
    return None


def link_of(attribution: Attribution, analysis: Analysis, entities: dict[str, Entity]) -> ChainLink:
    """One chain link; `name` is set only when the source is named (an entity, or a named type that is no pronoun)."""
    source = attribution.source
    entity = entities.get(source.entity) if source.entity else None
    if entity is None and source.type in NAMED_TYPES + ("document",):
        entity = entity_in(source.span, analysis)
    if entity is not None:
        return ChainLink(source.span.text, source.type, entity.name)
    if source.type in NAMED_TYPES and not is_pronoun(source.span.text) and name_key(source.span.text):
        return ChainLink(source.span.text, source.type, source.span.text.strip(" \"'«»"))
    return ChainLink(source.span.text, source.type, None)


def chain_of(attribution_id: Optional[str], analysis: Analysis, entities: dict[str, Entity]) -> tuple[ChainLink, ...]:
    """The chain from `attribution_id` outwards, innermost first.

    The walk goes up to the parent only while the child is embedded in the
    parent's content ("des sources internes affirment ..., c'est ce qu'affirme
    le Times": the Times relays them). A child whose source stands outside its
    parent's content is a second source ("ce rapport a été confirmé par
    l'officiel"), and its chain stops with itself.
    """
    by_id = {a.id: a for a in analysis.attributions}
    chain: list[ChainLink] = []
    seen: set[str] = set()
    innermost = current = by_id.get(attribution_id) if attribution_id else None
    while current is not None and current.id not in seen:
        seen.add(current.id)
        chain.append(link_of(current, analysis, entities))
        parent = by_id.get(current.parent) if current.parent else None
        # A parent that denies what it embeds ("the ministry dismissed reports that ...") relays nothing.
        if parent is None or parent.polarity == "negative" or not parent.content.contains(current.source.span):
            break
        current = parent
    if innermost is not None and not any(link.name for link in chain):
        quoting = _quoting_outlet(innermost, analysis, entities)
        if quoting is not None:
            chain.append(quoting)
    return tuple(chain)


def _quoting_outlet(attribution: Attribution, analysis: Analysis, entities: dict[str, Entity]) -> Optional[ChainLink]:
    """The outlet an unnamed source is quoted by, read from context: the last named voice before
    it, when that voice is a media outlet ("selon le Times ... Cette activité aurait eu lieu en
    2023, selon un officiel occidental"). Marked `context` in the chain, since the article does
    not say it at that place; a named person or organisation in between breaks the link.
    """
    start = min(attribution.source.span.start, attribution.content.start)
    before = [a for a in analysis.attributions
              if a.id not in (attribution.id, attribution.parent) and max(a.source.span.end, a.content.end) <= start + 1
              and start - max(a.source.span.end, a.content.end) <= QUOTING_WINDOW]
    for other in sorted(before, key=lambda a: max(a.source.span.end, a.content.end), reverse=True):
        link = link_of(other, analysis, entities)
        if link.name:
            return ChainLink(link.text, "context", link.name) if other.source.type == "media" else None
    return None


def origin_of(chain: tuple[ChainLink, ...], analysis: Analysis) -> Origin:
    """The innermost named source of `chain`, else the article's own story."""
    for i, link in enumerate(chain):
        if link.name:
            inner = chain[0] if i > 0 else None
            name = f"{inner.text} (via {link.name})" if inner is not None else link.name
            key = WIRES.get(fold(link.name), link.name)
            return Origin(key=f"src:{name_key(key)}", name=name if inner else key, type=link.type)
    document = analysis.document
    outlet = document.source or (f"article «{document.title[:50]}»" if document.title else f"article {document.id[:12]}")
    name = f"{chain[0].text} (in {outlet})" if chain else outlet
    return Origin(key=f"story:{document.id}", name=name, type="story")


def wire_origin(wire: str) -> Origin:
    return Origin(key=f"src:{name_key(wire)}", name=wire, type="media")


def entity_origin(entity: Entity) -> Origin:
    """An actor as an origin (the agent of a DENY event)."""
    return Origin(key=f"src:{name_key(entity.name)}", name=entity.name,
                  type="named_person" if entity.type == "PERSON" else "organization")


__all__ = ["NAMED_TYPES", "WIRES", "chain_of", "entity_key", "entity_in", "entity_origin", "origin_of",
           "wire_of", "wire_origin"]
