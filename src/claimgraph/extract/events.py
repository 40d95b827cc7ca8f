"""Doc -> events: what is claimed to happen, with roles, time and factuality.

Triggers come from the language's lexicon (`lang/<code>/events.yaml`), roles
from the dependency parse around them (`extract/event/roles.py`). Each event
points to the innermost attribution that reports it and carries the
factuality of its own clause combined with its reporters'.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.event.context import enclosing_attributions, event_factuality, time_of, timex_head
from claimgraph.extract.event.lexicon import EventLexicon, load_lexicon
from claimgraph.extract.event.linking import MentionIndex, resolve_pronoun, snap_to_mention
from claimgraph.extract.event.roles import Filler, RoleFiller
from claimgraph.extract.event.syntax import any_subject
from claimgraph.extract.event.triggers import Trigger, find_triggers
from claimgraph.extract.timex import Timex, find_timexes
from claimgraph.lang import LanguageRules
from claimgraph.model import Argument, Attribution, Entity, Event, Span, TimeRef

PERSONAL_PRONOUN = "Prs"


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
    filler = RoleFiller(lexicon, index.token_ids(doc))
    timexes = [(t, h) for t in find_timexes(doc.text, rules, document_date)
               if (h := timex_head(doc, t)) is not None]
    time_tokens = {tok.i for t, _ in timexes if (s := doc.char_span(t.start, t.end, alignment_mode="expand"))
                   for tok in s}
    triggers = _merge_coordinated(find_triggers(doc, lexicon), lexicon)
    built: list[tuple[Trigger, Event]] = []
    for trigger in triggers:
        fillers = filler.fill(trigger, time_tokens)
        arguments = _arguments(doc, fillers, index, lexicon)
        if len(arguments) < lexicon.min_arguments:
            continue
        holding = enclosing_attributions(attributions, trigger.start_char, trigger.end_char)
        certainty, polarity = event_factuality(doc, trigger, lexicon, rules, holding)
        timex = time_of(trigger, timexes)
        event = Event(id="", type=trigger.type, trigger=Span.of(doc.text, trigger.start_char, trigger.end_char),
                      arguments=arguments, time=_time_ref(timex), attribution=holding[0].id if holding else None,
                      certainty=certainty, polarity=polarity)
        built.append((trigger, event))
    _times_from_anaphors(doc, lexicon, built, timexes)
    events = [event for _, event in sorted(built, key=lambda pair: pair[0].start_char)]
    for number, event in enumerate(events, start=1):
        event.id = f"v{number}"
    return events


def _merge_coordinated(triggers: list[Trigger], lexicon: EventLexicon) -> list[Trigger]:
    """"a développé et testé": one event, not two, when coordinated verbs share type and subject."""
    by_token = {t.head.i: t for t in triggers}
    kept = []
    for trigger in triggers:
        head = trigger.head
        first = by_token.get(head.head.i)
        if (head.dep_ in lexicon.dep("conj") and first is not None and first is not trigger
                and first.type == trigger.type and any_subject(head, lexicon) is None):
            continue
        kept.append(trigger)
    return kept


def _arguments(doc: Doc, fillers: dict[str, Filler], index: MentionIndex, lexicon: EventLexicon) -> dict[str, Argument]:
    arguments: dict[str, Argument] = {}
    pronouns: dict[str, Token] = {}
    for role, filled in fillers.items():
        if filled.is_clause:
            span = Span.of(doc.text, doc[filled.first].idx, doc[filled.last].idx + len(doc[filled.last].text))
            arguments[role] = Argument(span, None)
            continue
        span, entity = snap_to_mention(doc, filled.first, filled.last, filled.head, index)
        if not span.text:
            continue
        arguments[role] = Argument(span, entity)
        if entity is None and filled.head.pos_ == "PRON" and PERSONAL_PRONOUN in filled.head.morph.get("PronType", ["Prs"]):
            pronouns[role] = filled.head
    for role, pronoun in pronouns.items():
        taken = {a.entity for r, a in arguments.items() if r != role and a.entity}
        entity = resolve_pronoun(pronoun, index, lexicon, taken)
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
    events_by_sentence: dict[int, list[Event]] = {}
    for trigger, event in built:
        for n, sent in enumerate(sentences):
            if sent.start <= trigger.head.i < sent.end:
                events_by_sentence.setdefault(n, []).append(event)
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
