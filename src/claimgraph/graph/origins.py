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
    current = by_id.get(attribution_id) if attribution_id else None
    while current is not None and current.id not in seen:
        seen.add(current.id)
        chain.append(link_of(current, analysis, entities))
        parent = by_id.get(current.parent) if current.parent else None
        if parent is None or not parent.content.contains(current.source.span):
            break
        current = parent
    return tuple(chain)


def origin_of(chain: tuple[ChainLink, ...], analysis: Analysis) -> Origin:
    """The innermost named source of `chain`, else the article's own story."""
    for i, link in enumerate(chain):
        if link.name:
            inner = chain[0] if i > 0 else None
            name = f"{inner.text} (via {link.name})" if inner is not None else link.name
            key = WIRES.get(fold(link.name), link.name)
            return Origin(key=f"src:{name_key(key)}", name=name if inner else key, type=link.type)
    document = analysis.document
    outlet = document.source or document.title or document.id[:12]
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
