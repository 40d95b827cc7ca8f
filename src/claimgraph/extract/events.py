"""Doc -> events: what is claimed to happen, with roles, time and factuality.

Triggers come from the language's lexicon (`lang/<code>/events.yaml`), roles
from the dependency parse around them (`extract/event/roles.py`). Each event
points to the innermost attribution that reports it and carries the
factuality of its own clause combined with its reporters'.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import doc_text, sentence_starts
from claimgraph.extract.event.conjuncts import split_named_conjuncts
from claimgraph.extract.event.context import (enclosing_attributions, event_factuality, statement_time, time_of,
                                              timex_head)
from claimgraph.extract.event.firing import fires_with_no_role, is_firing, is_weapon_use, item_words
from claimgraph.extract.event.lexicon import EventLexicon, frame_of, load_lexicon
from claimgraph.extract.event.linking import (ANTECEDENT_SENTENCES, THING_TYPES, MentionIndex, QuotedVoices,
                                              resolve_description, resolve_pronoun, sentences_back, snap_to_mention)
from claimgraph.extract.event.rebuttals import quoted_rebutter
from claimgraph.extract.event.roles import Filler, RoleFiller
from claimgraph.extract.event.syntax import any_subject, is_participle_modifier
from claimgraph.extract.event.triggers import Trigger, find_triggers, is_policy_noun
from claimgraph.extract.timex import Timex, find_timexes
from claimgraph.extract.attribution.lexicon import get_lexicon
from claimgraph.lang import LanguageRules
from claimgraph.resolve.gazetteer import default_gazetteer
from claimgraph.model import EVENT_ROLES, Argument, Attribution, Entity, Event, Span, TimeRef
from claimgraph.model.records import INPUT_HEADER

PERSONAL_PRONOUN = "Prs"
# spaCy labels of items that are no goods for a verb of giving: "received $1,800"
NOT_GOODS_LABELS = frozenset({"MONEY"})
# spaCy labels of a person (en, fr): received or sent, a person is a visitor or an envoy, not goods
PERSON_LABELS = frozenset({"PERSON", "PER"})
# Roles a thing fills, not an actor: their pronouns stand for products.
THING_ROLES = frozenset({"item"})
# A dateline opening a paragraph: "BRUSSELS -", "NEW YORK, Sept 26 (Reuters) -", "PARIS (AFP) –".
DATELINE = re.compile(r"(?:^|\n)[ \t]*([A-ZÀ-Ý][A-ZÀ-Ý.'’ -]{2,40}(?:,[^\n()—–-]{1,30})?(?:\s*\([^()\n]{2,40}\))?\s*[-—–])\s")
# Speech acts the article narrates itself: their events never take an attribution.
NARRATED_TYPES = frozenset({"ACCUSE", "DENY"})


def extract_events(doc: Doc, rules: LanguageRules, entities: list[Entity], attributions: list[Attribution],
                   document_date: Optional[str]) -> list[Event]:
    """Every event of `doc`, in text order.

    doc (Doc): the parsed article.
    rules (LanguageRules): the article's language.
    entities (list[Entity]): the article's entities (arguments link to them).
    attributions (list[Attribution]): the article's attributions (events point to them).
    document_date (Optional[str]): the article's ISO 8601 date, anchor of relative times.
    RETURNS (list[Event]): events with ids "v1", "v2", ... in text order.
    """
    lexicon = load_lexicon(rules)
    if lexicon is None:
        return []
    index = MentionIndex(entities)
    companies = _company_ids(entities, rules)
    sources = get_lexicon(rules)
    voices = QuotedVoices(doc_text(doc), entities, attributions, sources.media_names, sources.outlet_heads)
    header = INPUT_HEADER.match(doc_text(doc))
    header_end = header.end() if header else 0
    blocked = {t.i for t in doc[:header_end] if t.idx < header_end} | _dateline_tokens(doc)  # a token is at least a character
    products = index.token_ids(doc, THING_TYPES)
    named = index.token_ids(doc)
    filler = RoleFiller(lexicon, named, blocked, thing_tokens=products)
    timexes = [(t, h) for t in find_timexes(doc_text(doc), rules, document_date, start=header_end)
               if (h := timex_head(doc, t)) is not None]
    time_tokens = {i for t, _ in timexes if (s := doc.char_span(t.start, t.end, alignment_mode="expand"))
                   for i in range(s.start, s.end)}
    cue_tokens = {i for a in attributions if a.cue is not None
                  and (s := doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")) for i in range(s.start, s.end)}
    triggers, coordinated = _merge_coordinated(find_triggers(doc, lexicon), lexicon)
    built: list[tuple[Trigger, Event]] = []
    verb_items = {(t.type, c.i) for t in triggers if not t.is_noun for c in t.head.children
                  if c.dep_ in lexicon.dep("object")}
    # "banned Russian oil imports", "barring imports of uranium": the trade is what the ban bars, not a SUPPLY of its own
    banned = {c.i for t in triggers if not t.is_noun and t.type == "SANCTION" and t.lemma in lexicon.ban_verbs
              for c in t.head.children if c.dep_ in lexicon.dep("object")}
    for trigger in triggers:
        if trigger.is_noun and trigger.head.i in banned:
            continue
        if trigger.head.i in blocked or _is_purpose_blocked(trigger, lexicon) or is_policy_noun(trigger, lexicon):
            continue
        if trigger.is_noun and (trigger.type, trigger.head.i) in verb_items:
            continue  # "launched airstrikes on Kyiv": the noun is the item of the verb's event, not another
        fillers = filler.fill(trigger, time_tokens)
        maker = fillers.get("agent")
        if trigger.type == "PRODUCE" and maker is not None and not maker.is_clause \
                and not _is_someone(maker.head, lexicon, named):
            del fillers["agent"]  # "uranium used to produce electricity": a thing makes nothing
        for second in coordinated.get(trigger.head.i, []):
            # "a développé et testé un modèle avec l'aide d'experts": roles spread over both verbs
            for role, extra in filler.fill(second, time_tokens).items():
                fillers.setdefault(role, extra)
        for variant in split_named_conjuncts(fillers, lexicon, named):
            # "sanctioned Orlan Components and Teskar Avionics": one event per named conjunct
            arguments = _arguments(doc, variant, index, lexicon, companies, voices)
            if arguments and len(arguments) < lexicon.min_arguments and not set(arguments) & {"agent", "item"} \
                    and _is_event_anaphor(trigger, lexicon):
                # it must add a circumstance of its own ("through Redlepus"): a bare "the shipments" adds
                # nothing, and "l'exportation des biens" names goods of its own, so another act
                arguments = _with_antecedent_roles(trigger, arguments, built)
            if trigger.type == "DENY":
                arguments = quoted_rebutter(trigger.head, arguments, attributions, lexicon)
            if not _has_enough_roles(doc, trigger, arguments, variant, lexicon, products, named):
                continue
            background = _is_background(trigger, variant, lexicon)
            holding = [] if background or trigger.type in NARRATED_TYPES else \
                enclosing_attributions(attributions, trigger.start_char, trigger.end_char)
            certainty, polarity = event_factuality(doc, trigger, lexicon, rules, holding)
            if trigger.disclaimer or (trigger.type == "DENY" and trigger.head.lemma_.lower() in lexicon.false_words):
                polarity = "positive"  # "not aware", "the claims were false": the negation is the denial's own word
            timex = time_of(trigger, timexes, cue_tokens) or statement_time(trigger, timexes, cue_tokens)
            event = Event(id="", type=trigger.type, trigger=Span.of(doc_text(doc), trigger.start_char, trigger.end_char),
                          arguments=arguments, time=_time_ref(timex), attribution=holding[0].id if holding else None,
                          certainty=certainty, polarity=polarity)
            built.append((trigger, event))
    built = _nest_in_speech_acts(built, {a.id: a for a in attributions})
    _times_from_anaphors(doc, lexicon, built, timexes)
    events = [event for _, event in sorted(built, key=lambda pair: pair[0].start_char)]
    for number, event in enumerate(events, start=1):
        event.id = f"v{number}"
    return events


def _is_someone(head: Token, lexicon: EventLexicon, named: set[int]) -> bool:
    """Whether a role's head can stand for someone: a name, a pronoun, a nationality, or a noun for
    people or organisations ("the ministry", « l'armée »); "these facilities", "the yields" cannot."""
    if head.i in named or head.pos_ in ("PROPN", "PRON") or head.lemma_.lower() in lexicon.actor_nouns:
        return True
    # "the Russian company", "Kupol's staff"; not the recipient the parser hung on the goods ("des obusiers à l'Ukraine")
    return any((c.ent_type_ in ("NORP", "GPE") or c.i in named) and not any(g.dep_ == "case" for g in c.children)
               for c in head.children)


def _has_enough_roles(doc: Doc, trigger: Trigger, arguments: dict[str, Argument], fillers: dict[str, Filler],
                      lexicon: EventLexicon, products: set[int], named: set[int]) -> bool:
    """An event needs participants: two roles, or one that says by itself what happened
    ("Western sanctions", "sanctions against Iran", "deliveries of gas"); a USE needs a place
    or a weapon ("used drones in strikes on the port", "the army used drones")."""
    item = fillers.get("item")
    goods = item_words(doc, fillers, lexicon, lexicon.goods) or (item is not None and item.head.i in products)
    named = named - products  # "the Space Shuttle orbiters": a named product is no one
    if not goods and (trigger.lemma in lexicon.goods_only_verbs or trigger.is_noun and trigger.type in ("PRODUCE", "SUPPLY")
                      and not {"agent", "recipient", "via"} & set(arguments)):  # « la production d'électricité »: no one's act
        return False
    recipient = arguments.get("recipient")
    frame = frame_of(lexicon, trigger.lemma)
    receiving = frame is not None and frame.slots.get("subject") == "recipient"  # "X received Y"
    if not goods and item is not None and item.head.ent_type_ in PERSON_LABELS and receiving:
        return False  # « elle a reçu à Lyon le ministre »: a visitor, not goods
    if trigger.lemma in lexicon.loose_verbs and not goods and (recipient is None or recipient.entity is None or receiving) and (
            item_words(doc, fillers, lexicon, lexicon.abstract_items)
            or (item is not None and not item.is_clause and (_is_someone(item.head, lexicon, named) or any(
                t.ent_type_ in NOT_GOODS_LABELS for t in doc[item.first:item.last + 1])))
            or ("agent" in fillers and not _is_someone(fillers["agent"].head, lexicon, named))):
        return False  # "providing outstanding access", « a fourni un bilan », "these facilities provide"
    if trigger.lemma in lexicon.handover_verbs and not {"item", "recipient"} <= set(arguments):
        return False  # "returned home", "gave final approval": nothing goes to anyone
    owner = fillers.get("owner")
    if owner is not None and not _is_someone(owner.head, lexicon, named):
        return False  # « les observations possédant une masse »: only someone owns
    if trigger.type == "USE" and not is_weapon_use(doc, trigger, arguments, fillers, lexicon, products):
        return False
    required = (lexicon.required_roles or {}).get(trigger.type, ())
    if any(r not in arguments for r in required):
        return False
    if len(arguments) >= lexicon.min_arguments:
        return True
    if len(arguments) != 1:  # "he was shot": a firing verb is a use with no other participant
        return not arguments and (not trigger.is_noun and is_firing(trigger, lexicon) or fires_with_no_role(
            trigger, lexicon, lambda noun: _is_someone(noun, lexicon, named)))
    role = next(iter(arguments))
    if role not in (lexicon.single_roles or {}).get(trigger.type, ()):
        return False
    if role == "agent" and not (trigger.is_noun or is_firing(trigger, lexicon)):
        return False  # "donations from the foundation", "Ils bombardent": a lone doer for nouns and firing only
    if role in ("recipient", "via") and not trigger.is_noun:
        return False  # "supplies to Ukraine" is one, "sent to Kyiv" with nothing sent is not
    return role != "item" or goods


def _is_event_anaphor(trigger: Trigger, lexicon: EventLexicon) -> bool:
    """"The deliveries were routed through Redlepus", "ces livraisons": a definite event noun
    that points back at an event the article has just told."""
    if not trigger.is_noun:
        return False
    determiners = {c.lower_ for c in trigger.head.children if c.dep_ == "det"}
    return bool(determiners & (lexicon.anaphor_determiners | lexicon.definite_determiners))


def _with_antecedent_roles(trigger: Trigger, arguments: dict[str, Argument],
                           built: list[tuple[Trigger, Event]]) -> dict[str, Argument]:
    """The roles of the nearest earlier event of the same type (within two sentences),
    under the anaphor's own ones."""
    floor = sentences_back(trigger.head, ANTECEDENT_SENTENCES).i
    for earlier, event in reversed(built):
        if earlier.type == trigger.type and floor <= earlier.head.i < trigger.head.i:
            return {**event.arguments, **arguments}
    return arguments


def _dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of the datelines that open paragraphs: a place and a credit, never an argument."""
    ids: set[int] = set()
    for match in DATELINE.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None:
            ids.update(t.i for t in span)
    return ids


def _is_purpose_blocked(trigger: Trigger, lexicon: EventLexicon) -> bool:
    """"pour être utilisées en Ukraine": a purpose, not yet an event (for the types that say so),
    and neither is a participle that only describes its noun, nor a capability ("can target")."""
    if trigger.type not in lexicon.purpose_blocked:
        return False
    head = trigger.head
    if is_participle_modifier(head, lexicon) and trigger.lemma not in lexicon.hurling_verbs:
        return True  # "les bombes utilisées en Ukraine": a description; "a bomb hurled at the bank" is the act
    if any(a.lemma_.lower() in lexicon.purpose_governors for a in list(head.ancestors)[:2]):
        return True  # "Cela permettrait aux armes d'être utilisées en Ukraine": what it would allow
    marks = {c.lower_ for c in head.children if c.dep_ in ("mark", "aux") or c.lower_ in lexicon.purpose_marks}
    if marks & lexicon.purpose_marks:
        return True
    # "The missiles can target radars", « pourraient être utilisés »: a capability, not a use; "may have used" is one
    auxiliaries = [c for c in head.children if c.pos_ == "AUX" and c.i < head.i]
    if head.dep_ == "xcomp":
        auxiliaries.append(head.head)
    modal = any(a.lemma_.lower() in lexicon.governors.get("capability", ()) for a in auxiliaries)
    perfect = any(a.lemma_.lower() in ("have", "avoir") for a in auxiliaries)
    return modal and not perfect


def _is_background(trigger: Trigger, fillers: dict[str, Filler], lexicon: EventLexicon) -> bool:
    """An identifying apposition or relative clause ("IEMZ Kupol, une filiale de ...", "the firm
    that assembles the Garpiya-3"): the article's own background, whoever's words hold it."""
    head = trigger.head
    if head.dep_ in lexicon.dep("appos") or head.dep_ in lexicon.dep("relative"):
        # "a Reuters report that X had sent engines": a complementiser makes it the report's content
        return not any(c.dep_ == "mark" for c in head.children)
    return trigger.bearer_role is not None and trigger.bearer_role in fillers


def _nest_in_speech_acts(built: list[tuple[Trigger, Event]],
                         attributions: dict[str, Attribution]) -> list[tuple[Trigger, Event]]:
    """Events inside what is denied or accused.

    The act a denial denies is negative and done by the denier when no one else
    is named ("Pékin dément toute livraison d'armes"); the act inside a negated
    accusation ("ont évité d'accuser Pékin de livrer des armes") is not claimed
    by anyone and is dropped. An act reported inside the denied words ("rejected
    reports that companies had supplied engines") keeps its reporters' polarity:
    the reports say it, the denial is an event of its own.
    """
    kept = []
    for trigger, event in built:
        outer = [(t, e) for t, e in built if e.type in NARRATED_TYPES and e is not event and "item" in e.arguments
                 and e.arguments["item"].span.start <= trigger.start_char < e.arguments["item"].span.end]
        if any(e.type == "ACCUSE" and e.polarity == "negative" for _, e in outer):
            continue
        reporter = attributions.get(event.attribution or "")
        for denial_trigger, denial in ((t, e) for t, e in outer if e.type == "DENY"):
            item = denial.arguments["item"].span
            if reporter is not None and reporter.cue is not None and item.start <= reporter.cue.start < item.end:
                continue
            if denial_trigger.disclaimer:
                # "not aware of any sales": neither asserted nor denied (ANNOTATION 2.5)
                event.certainty, event.polarity = "underspecified", "positive"
                continue
            event.polarity = "negative"
            if "agent" not in event.arguments and "agent" in denial.arguments and "agent" in EVENT_ROLES[event.type]:
                event.arguments = {"agent": denial.arguments["agent"], **event.arguments}
        kept.append((trigger, event))
    return kept


def _merge_coordinated(triggers: list[Trigger], lexicon: EventLexicon) -> tuple[list[Trigger], dict[int, list[Trigger]]]:
    """"a développé et testé": one event, not two, when coordinated verbs share type and subject.

    RETURNS: the triggers kept, and for each kept head index the coordinated triggers folded into it.
    """
    by_token = {t.head.i: t for t in triggers}
    kept = []
    folded: dict[int, list[Trigger]] = {}
    for trigger in triggers:
        head = trigger.head
        first = by_token.get(head.head.i)
        if (head.dep_ in lexicon.dep("conj") and first is not None and first is not trigger and not trigger.is_noun
                and first.type == trigger.type and any_subject(head, lexicon) is None
                and not {first.lemma, trigger.lemma} & lexicon.handover_verbs):
            # not "returned to Kyiv and gave approval to the plan": a handover keeps its own roles; nor
            # « une interdiction de visa et un gel des avoirs »: two measures
            folded.setdefault(first.head.i, []).append(trigger)
            continue
        kept.append(trigger)
    return kept, folded


def _company_ids(entities: list[Entity], rules: LanguageRules) -> set[str]:
    """Organisations a description like "the company" may stand for: not outlets, not states' bodies."""
    gazetteer = default_gazetteer()
    media = get_lexicon(rules).media_names
    companies = set()
    for entity in entities:
        entry = gazetteer.lookup(entity.name, type="ORG")
        if entity.type == "ORG" and entity.name.lower() not in media and (entry is None or entry.role is None):
            companies.add(entity.id)
    return companies


def _arguments(doc: Doc, fillers: dict[str, Filler], index: MentionIndex, lexicon: EventLexicon,
               companies: set[str], voices: Optional[QuotedVoices] = None) -> dict[str, Argument]:
    arguments: dict[str, Argument] = {}
    pronouns: dict[str, Token] = {}
    descriptions: dict[str, Token] = {}
    for role, filled in fillers.items():
        if filled.is_clause:
            span = Span.of(doc_text(doc), doc[filled.first].idx, doc[filled.last].idx + len(doc[filled.last].text))
            arguments[role] = Argument(span, None)
            continue
        span, entity = snap_to_mention(doc, filled.first, filled.last, filled.head, index)
        if not span.text:
            continue
        arguments[role] = Argument(span, entity)
        if entity is None and filled.head.pos_ == "PRON" and PERSONAL_PRONOUN in filled.head.morph.get("PronType", ["Prs"]):
            pronouns[role] = filled.head
        elif entity is None:
            descriptions[role] = filled.head
    for role, head in descriptions.items():
        taken = {a.entity for r, a in arguments.items() if r != role and a.entity}
        entity = resolve_description(head, index, lexicon, taken, companies)
        if entity is not None:
            arguments[role] = Argument(arguments[role].span, entity)
    for role, pronoun in pronouns.items():
        taken = {a.entity for r, a in arguments.items() if r != role and a.entity}
        if voices is not None and pronoun.lower_ in lexicon.plural_pronouns:
            taken |= voices.outlets  # "they" who act are never the outlet that reports them
        entity = resolve_pronoun(pronoun, index, lexicon, taken, thing=role in THING_ROLES)
        if entity is None and voices is not None and pronoun.lower_ in lexicon.speaker_pronouns:
            entity = voices.side(pronoun.idx, taken)  # "we" in a quote: the speaker's organisation
        arguments[role] = Argument(arguments[role].span, entity)
    return dict(sorted(arguments.items(), key=lambda kv: _role_rank(kv[0])))


def _role_rank(role: str) -> int:
    ranks = {"agent": 0, "owner": 0, "owned": 1, "recipient": 1, "target": 1, "item": 2, "partner": 3,
             "location": 4, "via": 5}
    return ranks.get(role, 9)


def _time_ref(timex: Optional[Timex]) -> Optional[TimeRef]:
    if timex is None:
        return None
    return TimeRef(Span(timex.start, timex.end, timex.text), timex.value)


def _times_from_anaphors(doc: Doc, lexicon: EventLexicon, built: list[tuple[Trigger, Event]],
                         timexes: list[tuple[Timex, Token]]) -> None:
    """"Cette activité aurait eu lieu en 2023": the time goes to the event the subject points back to.

    A sentence whose subject is an anaphoric event noun ("cette activité", "the
    shipment") or pronoun ("cela") and which holds a time expression but no event
    of its own dates the events of the nearest preceding sentence that has some.
    """
    sentences = list(doc.sents)
    number = {sent.start: n for n, sent in enumerate(sentences)}
    starts = sentence_starts(doc)  # each token's sentence start, by index
    events_by_sentence: dict[int, list[Event]] = {}
    for trigger, event in built:
        events_by_sentence.setdefault(number[starts[trigger.head.i]], []).append(event)
    for n, sent in enumerate(sentences):
        if n in events_by_sentence or not _has_anaphoric_subject(sent.root, lexicon):
            continue
        times = [t for t, h in timexes if sent.start <= h.i < sent.end and h.head.i == sent.root.i or
                 (sent.start <= h.i < sent.end and h.head.head.i == sent.root.i)]
        if not times:
            continue
        for back in range(n - 1, max(-1, n - 3), -1):
            if back in events_by_sentence:
                for event in events_by_sentence[back]:
                    if event.time is None:
                        event.time = _time_ref(times[0])
                break


def _has_anaphoric_subject(root: Token, lexicon: EventLexicon) -> bool:
    subject = any_subject(root, lexicon)
    if subject is None:
        return False
    if subject.lower_ in lexicon.anaphor_pronouns and subject.pos_ == "PRON":
        return True
    return subject.lemma_.lower() in lexicon.anaphor_nouns and any(
        c.lower_ in lexicon.anaphor_determiners for c in subject.children)
