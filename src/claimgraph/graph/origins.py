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

from claimgraph.graph.keys import (DETERMINERS, entity_key, fold, is_commentator, is_pronoun, is_state_role, name_key,
                                   nationality, state_name)
from claimgraph.model import Analysis, Attribution, Entity, Span
from claimgraph.resolve.gazetteer import default_gazetteer
from claimgraph.model.claims import ChainLink, Origin

# Source types that name who speaks; `anonymous_person`, `document` and `unspecified` do not.
NAMED_TYPES = ("named_person", "organization", "media")
# Wire agencies whose byline makes an article a relay of the agency's story.
WIRES = {"reuters": "Reuters", "afp": "Agence France-Presse", "agence france-presse": "Agence France-Presse",
         "associated press": "Associated Press", "ap": "Associated Press"}
# Origins that stand for an article's own reporting (its narration, its unnamed sources); a copy's are its original's.
STORY_PREFIXES = ("story:", "anon:")
# How far back (characters) an unnamed source looks for the outlet quoting it.
QUOTING_WINDOW = 700
# How far after an unnamed source its addressee may be named ("... has told The Times").
ADDRESSEE_WINDOW = 80
# How far around a person's name a state role is looked for ("Foreign ministry spokesperson Lin Jian").
ROLE_WINDOW = 60
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
    """One chain link; `name` is set only when the source is named: an entity, or a source of a
    named type whose words hold a capitalised name ("Reuters", not "informations de presse")."""
    source = attribution.source
    entity = entities.get(source.entity) if source.entity else None
    if entity is None and source.type in NAMED_TYPES + ("document",):
        # A place speaks as its state ("Beijing said"); inside a media or document source it only describes it.
        places = ("GPE",) if source.type == "organization" else ()
        entity = entity_in(source.span, analysis, types=("ORG", "PERSON", *places))
    if entity is None and entity_in(source.span, analysis, types=("GPE",)) is not None:
        # "the London newspaper", "the Moscow daily": a description, read from context like an unnamed source.
        return ChainLink(source.span.text, source.type, None)
    if entity is None and source.type == "anonymous_person":
        # "un porte-parole de l'OTAN", "a spokesperson for the Alliance": the organisation speaks.
        entity = entity_in(source.span, analysis, types=("ORG",))
    if entity is not None:
        return ChainLink(source.span.text, source.type, entity.name)
    if source.type in NAMED_TYPES and not is_pronoun(source.span.text) and _has_proper_name(source.span.text):
        return ChainLink(source.span.text, source.type, source.span.text.strip(" \"'«»"))
    return ChainLink(source.span.text, source.type, None)


def _has_proper_name(text: str) -> bool:
    """A capitalised word past the determiners: "le Times", "Brussels Monitor"; not "Des sources"."""
    tokens = re.findall(r"[^\W\d_][\w\-\.]*", text)  # "L'agence" is a determiner and a common noun
    while tokens and fold(tokens[0]) in DETERMINERS:
        tokens = tokens[1:]
    return any(token[:1].isupper() for token in tokens)


def _addressee(attribution: Attribution, analysis: Analysis) -> Optional[Entity]:
    """The organisation an unnamed source spoke to or was seen by, named right after it: "a Western
    official has told The Times", "documents seen by Reuters", "des diplomates ont confié au Monde"."""
    source, content = attribution.source.span, attribution.content
    text = analysis.document.text
    end = content.start if content.start >= source.end else len(text)
    window = text[source.end:min(end, source.end + ADDRESSEE_WINDOW)]
    stop = re.search(r"[.!?\n;]", window)
    window_end = source.end + (stop.start() if stop else len(window))
    for entity in analysis.entities:
        if entity.type == "ORG" and entity.id != attribution.source.entity and any(
                source.end <= m.start and m.end <= window_end for m in entity.mentions):
            return entity
    return None


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
        if parent is None or parent.polarity == "negative" or not _relays(parent, current):
            break
        current = parent
    if innermost is not None and not any(link.name for link in chain):
        addressee = _addressee(innermost, analysis)
        if addressee is not None:
            return (*chain, ChainLink(addressee.name, "media", addressee.name))
        quoting = _quoting_outlet(innermost, analysis, entities)
        if quoting is not None:
            chain.append(quoting)
    return tuple(chain)


def _relays(parent: Attribution, child: Attribution) -> bool:
    """The parent carries the child's words: the child's source sits in the parent's content ("X said
    that officials believe ..."), or between the parent's source and its content ("Reuters reported,
    citing company documents, that ...")."""
    if parent.content.contains(child.source.span):
        return True
    source, content = parent.source.span, parent.content
    return source.end <= child.source.span.start and child.source.span.end <= content.start


def _quoting_outlet(attribution: Attribution, analysis: Analysis, entities: dict[str, Entity]) -> Optional[ChainLink]:
    """The outlet an unnamed source is quoted by, read from context: the last named voice before
    it, when that voice is a media outlet ("selon le Times ... Cette activité aurait eu lieu en
    2023, selon un officiel occidental"). Marked `context` in the chain, since the article does
    not say it at that place; a named person or organisation in between breaks the link.
    Commentators are the article's own ("Reuters ... indique ... Des analystes se demandent" in
    an AFP story are AFP's analysts).
    """
    if is_commentator(attribution.source.span.text):
        return None
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
    """The innermost named source of `chain` (a state's spokesperson stands for the state);
    else the article's anonymous sources (`anon:`), else its own story (`story:`)."""
    for i, link in enumerate(chain):
        if link.name:
            inner = chain[0] if i > 0 else None
            code = state_voice(link.name, analysis)
            if code is not None:
                return _state_origin(code, link.name)
            name = f"{inner.text} (via {link.name})" if inner is not None else link.name
            key = WIRES.get(fold(link.name), link.name)
            return Origin(key=f"src:{name_key(key)}", name=name if inner else key, type=link.type)
    document = analysis.document
    outlet = document.source or (f"article «{document.title[:50]}»" if document.title else f"article {document.id[:12]}")
    name = f"{chain[0].text} (in {outlet})" if chain else outlet
    if chain and chain[0].type == "anonymous_person":
        code = nationality(chain[0].text)
        if code and code != "WEST" and is_state_role(chain[0].text):
            return _state_origin(code, chain[0].text)  # "Chinese officials", "un diplomate russe"
        # The outlet's unnamed officials: one origin per story, apart from its narration.
        return Origin(key=f"anon:{document.id}", name=name, type="anonymous")
    return Origin(key=f"story:{document.id}", name=name, type="story")


def _state_origin(code: str, speaker: str) -> Origin:
    state = state_name(code)
    return Origin(key=f"state:{code}", name=state if speaker == state else f"{speaker} ({state})", type="organization")


def state_voice(name: str, analysis: Analysis) -> Optional[str]:
    """The country whose state a named source speaks for: the state itself ("China", "Beijing",
    "Embassy of China in ..."), or a person of that country the article introduces with a state
    role ("foreign ministry spokesperson Lin Jian"); None otherwise."""
    entity = next((e for e in analysis.entities if e.name == name), None)
    if entity is None:
        return None
    key = entity_key(entity.name, entity.type)
    if key.startswith("state:"):
        return key.split(":", 1)[1]
    if entity.type != "PERSON":
        return None
    text = analysis.document.text
    for mention in entity.mentions:
        before = re.split(r"[.!?\n]", text[max(0, mention.start - ROLE_WINDOW):mention.start])[-1]
        after = re.split(r"[.!?\n]", text[mention.end:mention.end + ROLE_WINDOW])[0]
        if is_state_role(before) or is_state_role(after):
            code = (entity.country or _gazetteer_country(entity.name) or "").upper() or nationality(before)
            if code and code != "WEST":
                return code
    return None


def _gazetteer_country(name: str) -> Optional[str]:
    """The country the gazetteer gives a person, for analyses (hand-made, imported) that carry none."""
    entry = default_gazetteer().lookup(name, type="PERSON")
    return entry.country if entry is not None else None


def wire_origin(wire: str) -> Origin:
    return Origin(key=f"src:{name_key(wire)}", name=wire, type="media")


def entity_origin(entity: Entity, analysis: Analysis) -> Origin:
    """An actor as an origin (the agent of a DENY event the article states itself)."""
    code = state_voice(entity.name, analysis)
    if code is not None:
        return _state_origin(code, entity.name)
    return Origin(key=f"src:{name_key(entity.name)}", name=entity.name,
                  type="named_person" if entity.type == "PERSON" else "organization")


__all__ = ["NAMED_TYPES", "WIRES", "chain_of", "entity_key", "entity_in", "entity_origin", "origin_of",
           "wire_of", "wire_origin"]
