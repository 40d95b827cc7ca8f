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

from claimgraph.graph.context_voices import (confirms_report, opens_paragraph, pronoun_speaker, refers_back, relays,
                                            same_head, voices_before)
from claimgraph.graph.cue_names import is_cue_words
from claimgraph.graph.keys import (DETERMINERS, bloc_of, entity_key, fold, is_pronoun, is_state, name_key, nationality,
                                   state_name)
from claimgraph.graph.source_roles import is_commentator, is_official_act, is_state_role
from claimgraph.graph.person_roles import organisation_of
from claimgraph.graph.press import PRESS_REPORT, is_press_report
from claimgraph.graph.voices import (_state_origin, body_of, body_voice, entity_origin, person_body, relayed_record,
                                     article_country, public_role,
                                     state_of_words, state_voice)
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
# How far after an unnamed source its addressee may be named ("... has told The Times").
ADDRESSEE_WINDOW = 80
_BYLINE = re.compile(r"\((Reuters|AFP|AP)\)|\b(Reuters|AFP)\s*[-–—]\s|\((?:avec |with )?(AFP|Reuters)\)\s*$",
                     re.MULTILINE)


def wire_of(analysis: Analysis) -> Optional[str]:
    """The wire agency an article is (or carries the byline of), e.g. "Reuters"; None for own reporting."""
    source = fold(analysis.document.source or "")
    if source in WIRES:
        return WIRES[source]
    named = next((wire for name, wire in WIRES.items() if len(name) > 3 and re.search(rf"\b{re.escape(name)}\b", source)),
                 None)
    if named is not None:
        return named  # "Reuters (UK edition)", "Thomson Reuters Foundation": the wire's own services
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
    if entity is None and source.type == "anonymous_person":
        # "un porte-parole de l'OTAN", "a spokesperson for the Alliance", "NATO leaders meeting in Washington":
        # the organisation speaks (a place beside it only says where).
        entity = entity_in(source.span, analysis, types=("ORG",))
    if entity is None and entity_in(source.span, analysis, types=("GPE",)) is not None:
        # "the London newspaper", "the Moscow daily": a description, read from context like an unnamed source.
        return ChainLink(source.span.text, source.type, None)
    if entity is None and source.type in ("organization", "anonymous_person"):
        # "les alliés", "member states": the bloc the article names speaks through its members.
        bloc = bloc_of(source.span.text)
        entity = next((e for e in analysis.entities if bloc and e.name == bloc), None)
    if entity is None and source.type in ("organization", "anonymous_person", "unspecified"):
        # "police sources", "a police spokesman": the one police force the article names speaks.
        entity = body_of(source.span, analysis)
    if entity is not None:
        # "NYPD spokesman Paul Browne": the police force speaks; "NATO Secretary General Jens Stoltenberg": NATO does.
        body = person_body(entity, analysis) or _organisation_of(entity, analysis)
        return ChainLink(source.span.text, source.type, (body or entity).name)
    if is_press_report(source.span.text, source.type, analysis.document.lang):
        # "Media reports", "Western media": capitalised, yet naming no one.
        return ChainLink(source.span.text, source.type, None)
    if source.type in NAMED_TYPES and not is_pronoun(source.span.text) and _has_proper_name(source.span.text):
        return ChainLink(source.span.text, source.type, source.span.text.strip(" \"'«»"))
    return ChainLink(source.span.text, source.type, None)


def _organisation_of(entity: Entity, analysis: Analysis) -> Optional[Entity]:
    """The organisation a person speaks for by the role the article gives them (graph/person_roles.py), unless
    they speak for a state (a state's people are the state's voice, `state_voice`)."""
    if entity.type != "PERSON" or state_voice(entity.name, analysis) is not None:
        return None
    outlets = frozenset(fold(e.name) for e in analysis.entities for a in analysis.attributions
                        if a.source.type == "media" and a.source.entity == e.id) | frozenset(WIRES)
    found = organisation_of(entity, analysis, lambda: _protagonist(analysis), outlets)
    return None if found is None or _own_outlet(found, analysis) else found


def _has_proper_name(text: str) -> bool:
    """A capitalised word past the determiners that is no nationality: "le Times", "Brussels Monitor"; not "Des
    sources", nor "The Greek prime minister" (a description: whose voice it is, its words tell)."""
    tokens = re.findall(r"[^\W\d_][\w\-\.]*", text)  # "L'agence" is a determiner and a common noun
    while tokens and fold(tokens[0]) in DETERMINERS:
        tokens = tokens[1:]
    return any(token[:1].isupper() and not nationality(fold(token)) for token in tokens)


# The words right before an addressee's name: "has told The Times", "seen by Reuters", "a confié au Monde",
# "interrogé par Revue stratégique", "cited by the agency".
_TO_ADDRESSEE = re.compile(r"(?:\b(?:to|by|told|tells|tell|(?:spoke|speaking|spoken|talked|talking) with)"
                           r"|(?<!\w)(?:à|au|aux|par|auprès d[eu]|auprès de la))"
                           r"\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?$", re.IGNORECASE)
# Where the content starts: a name after this is what was said ("experts speculate that Beijing ..."), not to whom.
_CONTENT_START = re.compile(r"\b(?:that|whether|if|que|qu['’]|si)\b|[\"«“:]", re.IGNORECASE)


def _addressee(attribution: Attribution, analysis: Analysis) -> Optional[Entity]:
    """The organisation an unnamed source spoke to or was seen by, named right after it: "a Western
    official has told The Times", "documents seen by Reuters", "des diplomates ont confié au Monde".

    The name must be the recipient of the speech (after "told", "to", "by", "à", "au", "par"), and
    come before the content starts ("Certains experts spéculent que Pékin ...": Pékin is what they
    say, not whom they say it to).
    """
    source, content = attribution.source.span, attribution.content
    text = analysis.document.text
    end = content.start if content.start >= source.end else len(text)
    window = text[source.end:min(end, source.end + ADDRESSEE_WINDOW)]
    stop = re.search(r"[.!?\n;]", window)
    window = window[:stop.start()] if stop else window
    said = _CONTENT_START.search(window)
    window_end = source.end + (said.start() if said else len(window))
    for entity in analysis.entities:
        if entity.type != "ORG" or entity.id == attribution.source.entity:
            continue
        for m in entity.mentions:
            if source.end <= m.start and m.end <= window_end and _TO_ADDRESSEE.search(text[source.end:m.start]):
                return entity
    return None


def _own_outlet(entity: Entity, analysis: Analysis) -> bool:
    """The article's own outlet ("a researcher interviewed by Revue stratégique" in Revue stratégique)."""
    source = analysis.document.source
    return bool(source) and name_key(entity.name) == name_key(source or "")


def chain_of(attribution_id: Optional[str], analysis: Analysis, entities: dict[str, Entity]) -> tuple[ChainLink, ...]:
    """The chain from `attribution_id` outwards, innermost first; a relay's own record with the words of the record
    it relays counts from that one when its chain names someone (`voices.relayed_record`)."""
    by_id = {a.id: a for a in analysis.attributions}
    start = relayed_record(by_id.get(attribution_id) if attribution_id else None, analysis)
    if start is not None and start.id != attribution_id:
        chain = _chain_from(start.id, analysis, entities)
        if any(link.name for link in chain):
            return chain
    return _chain_from(attribution_id, analysis, entities)


def _chain_from(attribution_id: Optional[str], analysis: Analysis, entities: dict[str, Entity]) -> tuple[ChainLink, ...]:
    """The chain from `attribution_id` outwards, innermost first.

    The walk goes up to the parent only while the parent relays the child
    (`relays`: "des sources internes affirment ..., c'est ce qu'affirme le
    Times"). A child the parent does not relay is a second source ("ce rapport
    a été confirmé par l'officiel"), and its chain stops with itself. An
    unnamed chain is then completed, in this order, by the addressee its
    innermost source spoke to, the institution whose official act it is, or
    the outlet quoting it in context (`_quoting_outlet`).
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
        if parent is None or parent.polarity == "negative" or not relays(parent, current, analysis.document.text):
            break
        current = parent
    if innermost is not None and not any(link.name for link in chain):
        addressee = _addressee(innermost, analysis)
        if addressee is not None:
            # Told to the article itself: its own source, not one it quotes ("a-t-il confié au Quotidien": whom the
            # pronoun stands for, when the analysis left it unresolved).
            if _own_outlet(addressee, analysis):
                speaker = pronoun_speaker(innermost, analysis, entities, chain_of) if len(chain) == 1 else None
                return speaker or tuple(chain)
            return (*chain, ChainLink(addressee.name, "media", addressee.name))
        author = _protagonist(analysis) if innermost.source.type == "document" and is_official_act(
            innermost.source.span.text) else None
        if author is not None:
            # "The texts state ...": the act of the institution the story is about (marked `author`).
            return (*chain, ChainLink(author.name, "author", author.name))
        speaker = pronoun_speaker(innermost, analysis, entities, chain_of) if len(chain) == 1 else None
        if speaker is not None:
            return speaker
        confirms = confirms_report(current, by_id, analysis.document.text)
        quoting = _quoting_outlet(innermost, analysis, entities, confirms=confirms)
        if quoting is not None:
            chain.append(quoting)
    return tuple(chain)


# How far into the article (characters) its protagonist is looked for: the headline and the lead.
LEAD_WINDOW = 400


def _protagonist(analysis: Analysis) -> Optional[Entity]:
    """The institution the story is about: the first organisation named in its headline or lead
    ("EU blacklists ...", "NATO brands China ...", "L'UE sanctionne ..."), unless it is an outlet
    (a media source of the article, a wire, its own outlet, a byline "(Brussels Monitor)")."""
    text = analysis.document.text
    media = {a.source.entity for a in analysis.attributions if a.source.type == "media" and a.source.entity}
    first: Optional[tuple[int, Entity]] = None
    for entity in analysis.entities:
        if entity.type != "ORG" or entity.id in media or fold(entity.name) in WIRES or _own_outlet(entity, analysis):
            continue
        for m in entity.mentions:
            bylined = text[max(0, m.start - 1):m.start] == "(" and text[m.end:m.end + 1] == ")"
            if m.start < LEAD_WINDOW and not bylined and (first is None or m.start < first[0]):
                first = (m.start, entity)
    return first[1] if first else None


def _quoting_outlet(attribution: Attribution, analysis: Analysis, entities: dict[str, Entity],
                    confirms: bool = False) -> Optional[ChainLink]:
    """The outlet an unnamed source is quoted by, read from context: the last named voice before
    it, when that voice is a media outlet ("selon le Times ... Cette activité aurait eu lieu en
    2023, selon un officiel occidental") or an unnamed source that spoke to one ("a Western
    official has told The Times ... the official added"). Marked `context` in the chain, since the
    article does not say it at that place; a named person or organisation in between breaks the link.

    A source that refers back ("the official", "il", "ce responsable", "one of them") always takes
    the context. A new one ("des sources proches du dossier", "a Western diplomat") is the
    article's own when it opens a new paragraph, or when it confirms another source's report
    ("the agency's account was confirmed by a Western diplomat": it confirmed it to the article).
    Commentators are the article's own ("Reuters ... indique ... Des analystes se demandent" in an
    AFP story are AFP's analysts), and so are new press reports ("media reports said"). Sources this one
    relays or confirms are never its context.
    """
    said_by, lang = attribution.source.span.text, analysis.document.lang
    if is_commentator(said_by) or (is_press_report(said_by, attribution.source.type, lang) and not refers_back(said_by)):
        return None  # "Media reports" cite other outlets' reporting, not the outlet quoted before them
    by_id = {a.id: a for a in analysis.attributions}
    text = analysis.document.text
    related, current = {attribution.id}, attribution
    while current.parent and current.parent in by_id and current.parent not in related:
        related.add(current.parent)
        current = by_id[current.parent]
    before = voices_before(attribution, analysis, related)
    if not before:
        return None
    if not refers_back(attribution.source.span.text) and (confirms or opens_paragraph(attribution, before, text)):
        return None
    for other in before:
        link = link_of(other, analysis, entities)
        if link.name:
            if other.source.type == "media" or same_head(said_by, other.source.span.text):
                # "selon le Times ... selon un officiel occidental"; "A NATO spokesperson said ... the
                # spokesperson said": the one already quoted.
                return ChainLink(link.text, "context", link.name)
            return None
        addressee = _addressee(other, analysis)
        if addressee is not None:
            return None if _own_outlet(addressee, analysis) else ChainLink(addressee.name, "context", addressee.name)
        parent = by_id.get(other.parent) if other.parent else None
        if parent is not None and parent.polarity != "negative" and relays(parent, other, text):
            continue  # quoted inside another voice's words: that voice decides
        if is_commentator(other.source.span.text) or not refers_back(other.source.span.text) and (
                confirms_report(other, by_id, text)
                or opens_paragraph(other, voices_before(other, analysis, {other.id}), text)):
            return None  # the nearest voice the article brought itself: whoever comes next refers to it
    return None


def origin_of(chain: tuple[ChainLink, ...], analysis: Analysis) -> Origin:
    """The innermost named source of `chain` (a state's spokesperson stands for the state, and so do
    its unnamed officials, whoever quotes them); else the article's own story (`story:`) citing an
    unidentified press report ("media reports", "selon la presse"; type `press_report`, counted only
    where no named origin carried the claim first, `graph.query`), its anonymous sources (`anon:`), or
    its own story. A source span of cue words only ("reportedly", "are believed") is no source: the origin is
    whoever reports it (the next link, else the outlet)."""
    if chain and not chain[0].name and is_cue_words(chain[0].text):
        chain = chain[1:]
    if chain and chain[0].type in ("anonymous_person", "named_person") and not chain[0].name:
        code = nationality(chain[0].text)
        if code and is_state(code) and is_state_role(chain[0].text):
            # "Chinese officials", "un diplomate russe", "The Greek prime minister"; not "European officials" or "a
            # Western diplomat", whom no one state speaks through.
            return _state_origin(code, chain[0].text)
    code = state_of_words(chain[0].text) if chain else None
    if code is not None:
        return _state_origin(code, chain[0].text)  # "the Sudanese government", "Greek police"
    body = body_voice(chain, analysis, _outlet(analysis))
    if body is not None:
        return body
    if chain and chain[0].type == "anonymous_person" and not chain[0].name and public_role(chain[0].text):
        # "disaster agency official Fauzi", "a fire department official": a public body of the one country the
        # article's places are in speaks (the state, as its named officials do).
        code = article_country(analysis)
        if code and is_state(code):
            return _state_origin(code, chain[0].text)
    for i, link in enumerate(chain):
        if link.name:
            inner = chain[0] if i > 0 else None
            code = state_voice(link.name, analysis)
            if code is not None:
                return _state_origin(code, link.name)
            name = f"{inner.text} (via {link.name})" if inner is not None and not is_pronoun(inner.text) else link.name
            key = WIRES.get(fold(link.name), link.name)
            kind = "organization" if link.type == "author" else link.type
            return Origin(key=f"src:{name_key(key)}", name=name if inner else key, type=kind)
    document = analysis.document
    outlet = _outlet(analysis)
    name = f"{chain[0].text} (in {outlet})" if chain else outlet
    if any(is_press_report(link.text, link.type, document.lang) for link in chain):
        # "Media reports said ...", or sources they quote: the article's story, citing reporting found elsewhere.
        return Origin(key=f"story:{document.id}", name=name, type=PRESS_REPORT)
    if chain and chain[0].type == "anonymous_person":
        # The outlet's unnamed officials: one origin per story, apart from its narration.
        return Origin(key=f"anon:{document.id}", name=name, type="anonymous")
    return Origin(key=f"story:{document.id}", name=name, type="story")


def _outlet(analysis: Analysis) -> str:
    document = analysis.document
    return document.source or (f"article «{document.title[:50]}»" if document.title else f"article {document.id[:12]}")


def wire_origin(wire: str) -> Origin:
    return Origin(key=f"src:{name_key(wire)}", name=wire, type="media")


__all__ = ["NAMED_TYPES", "WIRES", "chain_of", "entity_key", "entity_in", "entity_origin", "origin_of", "refers_back",
           "relays", "wire_of", "wire_origin"]
