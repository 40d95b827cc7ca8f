"""From one article's v1 analysis to its claim mentions (pure: Analysis in, mentions out).

A mention is an event (type + canonical arguments + item), or the content of
an attribution that holds no event (type STATEMENT). Each carries its quote,
attribution chain, origin, certainty and stance: negative polarity is a
denial of the claim; a DENY event also denies the claims of its article that
it points at (see `denial_targets`).
"""
from __future__ import annotations

import re
from typing import Optional

from claimgraph.graph import sanity
from claimgraph.graph.accounts import account_denials
from claimgraph.graph.propositions import bare_count, privative_polarity, proposition_keys, with_count_verb
from claimgraph.graph.actors import ANY, BLOCK_ROLES, mentioned_countries, open_role, resolve_places, resolve_unnamed
from claimgraph.graph.assertion import answers, unasserted
from claimgraph.graph.keys import (POLICE, entity_key, fold, is_state, is_universal, key_country, state_name, text_key,
                                   unnamed_group)
from claimgraph.graph.origins import chain_of, entity_in, origin_of, relays
from claimgraph.graph.voices import _state_origin, entity_origin, state_voice
from claimgraph.model import Analysis, Argument, Attribution, Entity, Event, Span
from claimgraph.model.claims import ChainLink, ClaimMention, Origin
from claimgraph.model.records import INPUT_HEADER

# Roles whose words are compared by meaning (the item a supply is about, where drones are made).
MEANING_ROLES: dict[str, tuple[str, ...]] = {
    "SUPPLY": ("item",), "PRODUCE": ("item", "location"), "DEVELOP": ("item",), "ACCUSE": ("item",),
    "DENY": ("item",), "USE": ("item", "location"), "OTHER": ("item",),
}
# Claim types a DENY can deny: allegations of doing, not facts of ownership or speech acts.
DENIABLE = ("SUPPLY", "PRODUCE", "DEVELOP", "USE", "STATEMENT")
STATEMENT_MIN_WORDS = 4
# Words a content must say beyond the events it holds to be a statement as well.
STATEMENT_EXTRA_WORDS = 6
# Events that are themselves a speech act: their cue's attribution is not a second, STATEMENT claim.
SPEECH_ACT_TYPES = ("ACCUSE", "DENY")
# Origins that are the outlet itself: its narration, or reporting it does not name.
OUTLET_VOICES = ("story", "press_report", "media")


def argument_key(argument: Argument, entities: dict[str, Entity], analysis: Analysis) -> tuple[str, str]:
    """`(key, readable name)` of an argument: entity, unnamed group, or its words."""
    entity = entities.get(argument.entity) if argument.entity else None
    if entity is not None:
        key = entity_key(entity.name, entity.type)
        group = unnamed_group(entity.name) if entity.type == "ORG" and key.startswith("ent:") else None
        if group is not None and group[0] == POLICE:
            return POLICE, entity.name  # "the New York City Police Department" and "officers" are one party
        return key, entity.name
    group = unnamed_group(argument.span.text)
    if group is not None:
        return group
    return text_key(argument.span.text), argument.span.text


def sentence_around(text: str, span: Span) -> Span:
    """The sentence holding `span`, for quoting (cut at . ! ? or a line break)."""
    start = max(text.rfind(c, 0, span.start) for c in ".!?\n")
    end_candidates = [i for i in (text.find(c, span.end) for c in ".!?\n") if i != -1]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    header = INPUT_HEADER.match(text)
    if start < 0 and header is not None and header.end() <= span.start:
        start = header.end() - 1  # the headline, without the input header (" date 2024-09-25 ")
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
    raw: list[tuple[ClaimMention, dict[str, Span]]] = []
    for event in analysis.events:
        raw += _event_mentions(event, analysis, entities)
    organisations = {entity_key(e.name, e.type): e.type for e in analysis.entities}
    countries = {entity_key(e.name, e.type): e.country.upper() for e in analysis.entities if e.country}
    countries.update(mentioned_countries(analysis))
    # Actors are resolved before the roles are checked, so an event whose actor the parse missed or left
    # as a pronoun ("they opened fire") takes the one actor the article gives that act.
    resolve_unnamed([m for m, _ in raw], {k: v for k, v in organisations.items() if k.startswith("ent:")}, countries)
    resolve_places([m for m, _ in raw], {id(m): spans['location'].text for m, spans in raw if 'location' in spans})
    mentions = [m for m in (sanity.repair(m, analysis, spans) for m, spans in raw) if m is not None]
    for attribution in analysis.attributions:
        if _is_statement(attribution, analysis, by_attribution):
            mentions.append(_statement_mention(attribution, analysis, entities))
    mentions = account_denials(analysis, mentions)  # "his relatives dispute the police account" (graph/accounts.py)
    _link_denials(mentions, countries)
    # The article's own negation ("no evidence has emerged that ...") is not a denial: a denier is a party
    # who could know (a state, a company, a person, a source), never the outlet that writes or reports it.
    return [m for m in mentions if m.stance != "denies" or m.origin.type not in OUTLET_VOICES]


def _event_mentions(event: Event, analysis: Analysis,
                    entities: dict[str, Entity]) -> list[tuple[ClaimMention, dict[str, Span]]]:
    """The event as held by its own chain, plus once per second source that confirms its attribution
    (each with its arguments' spans, for `sanity.repair`)."""
    doc = analysis.document
    arguments, names = {}, {}
    for role, argument in event.arguments.items():
        if role == "recipient" and is_universal(argument.span.text):
            # "never supplied weapons to any party" denies it for every recipient
            arguments[role], names[role] = ANY, argument.span.text
            continue
        arguments[role], names[role] = argument_key(argument, entities, analysis)
        entity = entities.get(argument.entity or "")
        if role == "agent" and event.type in SPEECH_ACT_TYPES and entity is not None and entity.type == "PERSON":
            code = state_voice(entity.name, analysis)  # the army's spokesman denies for the state
            if code is not None:
                arguments[role], names[role] = f"state:{code}", state_name(code)
    item = " ".join(event.arguments[r].span.text for r in MEANING_ROLES.get(event.type, ()) if r in event.arguments)
    spans = {role: argument.span for role, argument in event.arguments.items()}
    by_id = {a.id: a for a in analysis.attributions}
    holder = by_id.get(event.attribution) if event.attribution else None
    event_span = _event_span(event)
    quote_span = holder.content if holder else (event_span or Span(0, 0, ""))
    quote = holder.content if holder else sentence_around(doc.text, quote_span)
    holders: list[Optional[Attribution]] = [holder]
    # Support needs assertion: a question, a condition or "if confirmed" around the act asserts nothing.
    asked = bool(event_span) and unasserted(doc.text, event_span.start, event_span.end)
    if holder is not None and event.polarity != "negative":  # who reports a denial does not deny
        # A second source that confirms the first is one more origin; one that "could not verify" it denies nothing.
        # It may confirm the report the holder sits in, or a source the report cites ("Reuters reported, citing
        # documents, that ... The account was confirmed by a Western diplomat").
        family = _report_of(holder, analysis)
        holders += [a for a in analysis.attributions
                    if a.parent in family and a.id not in family and a.polarity != "negative"]
    out = []
    for attribution in holders:
        chain = sane_chain(chain_of(attribution.id if attribution else None, analysis, entities), analysis)
        if chain and chain[-1].type == "author" and arguments.get("agent") == entity_key(chain[-1].name or "", "ORG"):
            chain = chain[:-1]  # an institution's own act read in its texts: the article reports the act itself
        origin = origin_of(chain, analysis)
        if event.type in SPEECH_ACT_TYPES and (not chain or origin.type == "media" or event.type == "DENY"):
            # The one who denies or accuses, not the outlet that reports it ("Khartoum denied it, Reuters said";
            # "South Sudan accused Khartoum of ..."); a denial is its denier's whoever reports it ("a relief worker
            # said Orsket's cabinet rejected all talk of shelling").
            origin = _speaker_origin(event, arguments, names, analysis, entities) or origin
        elif event.polarity == "negative" and (not chain or origin.type == "media"):
            # "Beijing denied it had ever sent drones": the denied act's denier is the denial's agent.
            origin = _denier_around(event, analysis, entities) or origin
        speculated = asked or any(sanity.is_speculation(link.text) for link in chain)
        certainty = "underspecified" if speculated else event.certainty
        out.append((ClaimMention(
            document_id=doc.id, record_id=event.id if attribution is holder else f"{event.id}@{attribution.id}",
            type=event.type, arguments=dict(arguments), names=dict(names), item=item or None,
            stance="denies" if event.polarity == "negative" else "supports",
            certainty=certainty, polarity=event.polarity, quote=attribution.content if attribution else quote,
            chain=chain, origin=origin, date=doc.date, lang=doc.lang,
            time_value=event.time.value if event.time else None), spans))
    return out


def _speaker_origin(event: Event, arguments: dict[str, str], names: dict[str, str], analysis: Analysis,
                    entities: dict[str, Entity]) -> Optional[Origin]:
    """The agent of a speech act (DENY, ACCUSE) as its origin: its entity, or the state its key names."""
    agent = entities.get(event.arguments["agent"].entity or "") if "agent" in event.arguments else None
    if agent is not None:
        return entity_origin(agent, analysis)
    key = arguments.get("agent", "")
    if key.startswith("state:"):
        return _state_origin(key.split(":", 1)[1], names.get("agent", ""))
    if key.startswith("grp:") and key.endswith(":official") and is_state(key.split(":")[1]):
        return _state_origin(key.split(":")[1], names.get("agent", ""))  # "South Sudanese officials accused ..."
    return None


def _denier_around(event: Event, analysis: Analysis, entities: dict[str, Entity]) -> Optional[Origin]:
    """The origin of the agent of a DENY in the sentence of a negated event the article states itself."""
    span = _event_span(event)
    if span is None:
        return None
    sentence = sentence_around(analysis.document.text, span)
    for deny in analysis.events:
        if deny.type != "DENY" or deny.trigger is None or not sentence.contains(deny.trigger):
            continue
        agent = entities.get(deny.arguments["agent"].entity or "") if "agent" in deny.arguments else None
        if agent is not None:
            return entity_origin(agent, analysis)
    return None


def sane_chain(chain: tuple[ChainLink, ...], analysis: Analysis) -> tuple[ChainLink, ...]:
    """The chain without the names no source could bear: a heading ("Background"), a time phrase ("last
    month"). Such a link stays as words (its quote still reads), unnamed."""
    out = []
    for link in chain:
        heading = link.type not in ("media", "named_person") and sanity.is_heading_text(link.text, analysis.document.text)
        if link.name and (sanity.is_time_phrase(link.text) or heading):  # a pronoun given a name is resolved
            link = ChainLink(text=link.text, type="unspecified", name=None)
        out.append(link)
    return tuple(out)


def _report_of(holder: Attribution, analysis: Analysis) -> set[str]:
    """The attributions that carry one report: the holder, the sources relaying it ("Reuters
    reported, citing documents, that ...": Reuters and the documents), and those they relay."""
    by_id = {a.id: a for a in analysis.attributions}
    family, current = {holder.id}, holder
    while current.parent in by_id and current.parent not in family:
        parent = by_id[current.parent]
        if parent.polarity == "negative" or not relays(parent, current, analysis.document.text):
            break
        family.add(parent.id)
        current = parent
    grown = True
    while grown:
        inner = {a.id for a in analysis.attributions
                 if a.parent in family and a.id not in family and relays(by_id[a.parent], a, analysis.document.text)}
        family |= inner
        grown = bool(inner)
    return family


def _is_statement(attribution: Attribution, analysis: Analysis, by_attribution: dict[str, list[Event]]) -> bool:
    """An attribution is a claim of its own when no event sits in it, it relays no inner
    attribution (the inner one is the claim), it confirms no report that holds an event (the
    confirmation is one more origin of that event), and it says enough."""
    if len(attribution.content.text.split()) < STATEMENT_MIN_WORDS and not bare_count(attribution.content.text):
        return False  # too short to say anything, unless it reports harm ("reported deaths")
    if attribution.id in by_attribution and not _says_more(attribution, by_attribution[attribution.id]):
        return False
    cue = attribution.cue
    if cue is not None and any(e.type in SPEECH_ACT_TYPES and e.trigger is not None and e.trigger.overlaps(cue)
                               and not (e.type == "DENY" and proposition_keys(attribution.content.text))
                               for e in analysis.events):
        # "accused Beijing of helping Moscow": the ACCUSE event is that claim. A denial of a proposition the
        # story's accounts share ("his family denied he was carrying a weapon": carry:weapon) is also that
        # proposition, negated: a denial of the account that asserts it.
        return False
    text = analysis.document.text
    if any(a.parent == attribution.id and relays(attribution, a, text) for a in analysis.attributions):
        return False
    by_id = {a.id: a for a in analysis.attributions}
    parent = by_id.get(attribution.parent) if attribution.parent else None
    # A negated content confirms nothing (`_event_mentions` counts no negated confirmer): "each of them said three
    # shells landed but that nobody was hurt" holds the shells and, beside them, a claim of its own.
    return parent is None or attribution.polarity == "negative" or not any(
        f in by_attribution for f in _report_of(parent, analysis))


def _says_more(attribution: Attribution, events: list[Event]) -> bool:
    """The content says more than the events in it ("wardens shot Varo, who they say had raised a rifle
    toward them": the shooting is an event, the pointing a statement): at least STATEMENT_EXTRA_WORDS words
    lie outside every event's words (its trigger and arguments)."""
    spans = [span for span in (_event_span(e) for e in events) if span is not None]
    content = attribution.content
    outside = [m for m in re.finditer(r"\w+", content.text)
               if not any(s.start <= content.start + m.start() < s.end for s in spans)]
    return len(outside) >= STATEMENT_EXTRA_WORDS


def _statement_mention(attribution: Attribution, analysis: Analysis, entities: dict[str, Entity]) -> ClaimMention:
    """A content with no event: it keys on the entities it names, and compares by meaning."""
    doc = analysis.document
    named = sorted({e.name for e in analysis.entities
                    if any(attribution.content.contains(m) for m in e.mentions)})
    types = {e.name: e.type for e in analysis.entities}
    keyed = {entity_key(n, types.get(n)): n for n in named}
    arguments = {f"about{i}": k for i, k in enumerate(sorted(keyed))}
    names = {f"about{i}": keyed[k] for i, k in enumerate(sorted(keyed))}
    chain = sane_chain(chain_of(attribution.id, analysis, entities), analysis)
    origin = origin_of(chain, analysis)
    # A negated remark denies only when its speaker speaks for what it is about ("China is not a party", said by
    # Beijing); "Beijing cannot fuel the war", said by NATO, asserts its words (nobody denies their own remark).
    subjects = set(arguments.values()) | {key_country(k) for k in arguments.values()} - {None}
    # Words that tell having nothing ("they were unarmed") deny the act whatever the verb (graph/propositions.py).
    polarity = privative_polarity(attribution.content.text) or attribution.polarity
    denies = polarity == "negative" and (origin.key in subjects or key_country(origin.key) in subjects)
    return ClaimMention(
        document_id=doc.id, record_id=attribution.id, type="STATEMENT", arguments=arguments, names=names,
        # a bare headcount ('"at least 10 people,"') is read with the verb right after its quote ("were arrested")
        item=with_count_verb(attribution.content.text, doc.text[attribution.content.end:attribution.content.end + 80]),
        stance="denies" if denies else "supports",
        certainty="underspecified" if (any(sanity.is_speculation(link.text) for link in chain) or unasserted(
            doc.text, attribution.content.start, attribution.content.end)) else attribution.certainty,
        polarity=polarity, quote=attribution.content, chain=chain,
        origin=origin, date=doc.date, lang=doc.lang)


def _link_denials(mentions: list[ClaimMention], countries: dict[str, str]) -> None:
    """Point each DENY at what it denies in its own article.

    Without meaning to compare at this stage, the rule is by actor: a denial by
    a Chinese ministry denies the article's allegations whose actor is Chinese
    (China, its government, Chinese companies, or a company whose entity has
    country CN, or that the article calls Chinese); when the denier has no
    known country, every allegation of the article that is not its own.
    """
    def country_of(key: str) -> Optional[str]:
        return countries.get(key) or key_country(key)

    for deny in mentions:
        if deny.type != "DENY" or deny.stance != "supports":
            continue
        if deny.origin.type in OUTLET_VOICES:
            agent = deny.arguments.get("agent", "")
            if not agent.startswith("state:"):
                continue  # an outlet reporting a denial by no one it names denies nothing itself
            deny.origin = _state_origin(agent.split(":", 1)[1], deny.names.get("agent", ""))
        country = country_of(deny.arguments.get("agent", "txt:"))
        targets = []
        for other in mentions:
            if other.type not in DENIABLE or other.stance != "supports" or other.record_id == deny.record_id:
                continue
            actor = other.arguments.get("agent") or other.arguments.get("owner") or other.arguments.get("about0", "")
            actors = [actor] + [v for k, v in other.arguments.items() if k.startswith("about")]
            if other.origin.key == deny.origin.key:
                continue  # nobody denies their own words
            if not answers(deny.item or deny.quote.text, other.item, same_article=True, remark=other.type == "STATEMENT"):
                continue  # a denial of arms deliveries does not answer a remark on sanctions
            if country is None or any(country_of(a) == country for a in actors if a):
                targets.append(other.record_id)
        deny.denies = tuple(targets)


__all__ = ["ANY", "BLOCK_ROLES", "MEANING_ROLES", "argument_key", "claim_mentions", "entity_in", "fold",
           "mentioned_countries", "open_role"]
