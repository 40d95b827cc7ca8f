"""From one article's v1 analysis to its claim mentions (pure: Analysis in, mentions out).

A mention is an event (type + canonical arguments + item), or the content of
an attribution that holds no event (type STATEMENT). Each carries its quote,
attribution chain, origin, certainty and stance: negative polarity is a
denial of the claim; a DENY event also denies the claims of its article that
it points at (see `denial_targets`).
"""
from __future__ import annotations

from typing import Optional

from claimgraph.graph.keys import entity_key, fold, key_country, text_key, unnamed_group
from claimgraph.graph.origins import chain_of, entity_in, entity_origin, origin_of
from claimgraph.model import Analysis, Argument, Attribution, Entity, Event, Span
from claimgraph.model.records import ClaimMention

# Roles that identify who does what to whom: they must be equal for two mentions to be one claim.
BLOCK_ROLES: dict[str, tuple[str, ...]] = {
    "SUPPLY": ("agent", "recipient"), "PRODUCE": ("agent",), "DEVELOP": ("agent",),
    "OWNERSHIP": ("owner", "owned"), "ACCUSE": ("agent", "target"), "DENY": ("agent",),
    "SANCTION": ("agent", "target"), "USE": ("agent",), "OTHER": ("agent",),
}
# Roles whose words are compared by meaning (the item a supply is about, where drones are made).
MEANING_ROLES: dict[str, tuple[str, ...]] = {
    "SUPPLY": ("item",), "PRODUCE": ("item", "location"), "DEVELOP": ("item",), "ACCUSE": ("item",),
    "DENY": ("item",), "USE": ("item", "location"), "OTHER": ("item",),
}
# Event types a DENY can deny (a denial of a denial is not one).
DENIABLE = ("SUPPLY", "PRODUCE", "DEVELOP", "USE", "OWNERSHIP", "STATEMENT")
STATEMENT_MIN_WORDS = 4


def argument_key(argument: Argument, entities: dict[str, Entity], analysis: Analysis) -> tuple[str, str]:
    """`(key, readable name)` of an argument: entity, unnamed group, or its words."""
    entity = entities.get(argument.entity) if argument.entity else None
    if entity is not None:
        return entity_key(entity.name), entity.name
    group = unnamed_group(argument.span.text)
    if group is not None:
        return group
    return text_key(argument.span.text), argument.span.text


def sentence_around(text: str, span: Span) -> Span:
    """The sentence holding `span`, for quoting (cut at . ! ? or a line break)."""
    start = max(text.rfind(c, 0, span.start) for c in ".!?\n")
    end_candidates = [i for i in (text.find(c, span.end) for c in ".!?\n") if i != -1]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return Span.of(text, start + 1, end)


def _event_span(event: Event) -> Optional[Span]:
    spans = [s for s in [event.trigger, *(a.span for a in event.arguments.values())] if s is not None]
    if not spans:
        return None
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    return Span(start, end, "")


def claim_mentions(analysis: Analysis) -> list[ClaimMention]:
    """Every claim mention of one article, in record order (events first, then attribution contents)."""
    entities = {e.id: e for e in analysis.entities}
    by_attribution: dict[str, list[Event]] = {}
    for event in analysis.events:
        if event.attribution:
            by_attribution.setdefault(event.attribution, []).append(event)
    mentions: list[ClaimMention] = []
    for event in analysis.events:
        mentions += _event_mentions(event, analysis, entities)
    for attribution in analysis.attributions:
        if _is_statement(attribution, analysis, by_attribution):
            mentions.append(_statement_mention(attribution, analysis, entities))
    countries = {entity_key(e.name): e.country.upper() for e in analysis.entities if e.country}
    _link_denials(mentions, countries)
    return mentions


def _event_mentions(event: Event, analysis: Analysis, entities: dict[str, Entity]) -> list[ClaimMention]:
    """The event as held by its own chain, plus once per second source that confirms its attribution."""
    doc = analysis.document
    arguments, names = {}, {}
    for role, argument in event.arguments.items():
        arguments[role], names[role] = argument_key(argument, entities, analysis)
    item = " ".join(event.arguments[r].span.text for r in MEANING_ROLES.get(event.type, ()) if r in event.arguments)
    by_id = {a.id: a for a in analysis.attributions}
    holder = by_id.get(event.attribution) if event.attribution else None
    quote_span = holder.content if holder else (_event_span(event) or Span(0, 0, ""))
    quote = holder.content if holder else sentence_around(doc.text, quote_span)
    holders: list[Optional[Attribution]] = [holder]
    if holder is not None:
        holders += [a for a in analysis.attributions
                    if a.parent == holder.id and not holder.content.contains(a.source.span)]
    out = []
    for attribution in holders:
        chain = chain_of(attribution.id if attribution else None, analysis, entities)
        origin = origin_of(chain, analysis)
        if event.type == "DENY" and not chain:
            agent = entities.get(event.arguments["agent"].entity or "") if "agent" in event.arguments else None
            origin = entity_origin(agent) if agent else origin
        out.append(ClaimMention(
            document_id=doc.id, record_id=event.id if attribution is holder else f"{event.id}@{attribution.id}",
            type=event.type, arguments=arguments, names=names, item=item or None,
            stance="denies" if event.polarity == "negative" else "supports",
            certainty=event.certainty, polarity=event.polarity, quote=attribution.content if attribution else quote,
            chain=chain, origin=origin, date=doc.date, lang=doc.lang,
            time_value=event.time.value if event.time else None))
    return out


def _is_statement(attribution: Attribution, analysis: Analysis, by_attribution: dict[str, list[Event]]) -> bool:
    """An attribution is a claim of its own when no event sits in it, it relays no inner
    attribution (the inner one is the claim), it confirms no event-bearing one, and it says enough."""
    if attribution.id in by_attribution or len(attribution.content.text.split()) < STATEMENT_MIN_WORDS:
        return False
    if any(a.parent == attribution.id and attribution.content.contains(a.source.span) for a in analysis.attributions):
        return False
    return not (attribution.parent in by_attribution and attribution.parent is not None)


def _statement_mention(attribution: Attribution, analysis: Analysis, entities: dict[str, Entity]) -> ClaimMention:
    """A content with no event: it keys on the entities it names, and compares by meaning."""
    doc = analysis.document
    named = sorted({e.name for e in analysis.entities
                    if any(attribution.content.contains(m) for m in e.mentions)})
    arguments = {f"about{i}": entity_key(n) for i, n in enumerate(named)}
    names = {f"about{i}": n for i, n in enumerate(named)}
    chain = chain_of(attribution.id, analysis, entities)
    return ClaimMention(
        document_id=doc.id, record_id=attribution.id, type="STATEMENT", arguments=arguments, names=names,
        item=attribution.content.text, stance="denies" if attribution.polarity == "negative" else "supports",
        certainty=attribution.certainty, polarity=attribution.polarity, quote=attribution.content, chain=chain,
        origin=origin_of(chain, analysis), date=doc.date, lang=doc.lang)


def _link_denials(mentions: list[ClaimMention], countries: dict[str, str]) -> None:
    """Point each DENY at what it denies in its own article.

    Without meaning to compare at this stage, the rule is by actor: a denial by
    a Chinese ministry denies the article's allegations whose actor is Chinese
    (China, its government, Chinese companies, or a company whose entity has
    country CN); when the denier has no known country, or no allegation has its
    country, every allegation of the article (the article is about the denial).
    """
    def country_of(key: str) -> Optional[str]:
        return countries.get(key) or key_country(key)

    for deny in mentions:
        if deny.type != "DENY" or deny.stance != "supports":
            continue
        country = country_of(deny.arguments.get("agent", "txt:"))
        targets, fallback = [], []
        for other in mentions:
            if other.type not in DENIABLE or other.stance != "supports" or other.record_id == deny.record_id:
                continue
            actor = other.arguments.get("agent") or other.arguments.get("owner") or other.arguments.get("about0", "")
            actors = [actor] + [v for k, v in other.arguments.items() if k.startswith("about")]
            fallback.append(other.record_id)
            if country is not None and any(country_of(a) == country for a in actors if a):
                targets.append(other.record_id)
        deny.denies = tuple(targets or fallback)


__all__ = ["BLOCK_ROLES", "MEANING_ROLES", "argument_key", "claim_mentions", "entity_in", "fold"]
