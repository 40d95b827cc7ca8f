"""An event's context: who reports it (attribution), how firmly (certainty,
polarity) and when (time)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.event.lexicon import EventLexicon
from claimgraph.extract.event.syntax import AUX_DEPS, governing_chain
from claimgraph.extract.event.triggers import Trigger
from claimgraph.extract.factuality import assess_factuality
from claimgraph.extract.parse_table import morph_values
from claimgraph.extract.timex import Timex
from claimgraph.lang import LanguageRules
from claimgraph.model import Attribution

# Weakest last: combining two judgements keeps the weaker.
CERTAINTY_ORDER = ("certain", "probable", "possible", "underspecified")


def weakest(*certainties: str) -> str:
    return max(certainties, key=lambda c: CERTAINTY_ORDER.index(c) if c in CERTAINTY_ORDER else 0)


def enclosing_attributions(attributions: list[Attribution], start: int, end: int) -> list[Attribution]:
    """Attributions whose content holds [start, end), innermost (shortest content) first."""
    holding = [a for a in attributions if a.content.start <= start and end <= a.content.end]
    return sorted(holding, key=lambda a: a.content.end - a.content.start)


def _modifier_words(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in AUX_DEPS or c.dep_ in ("advmod", "neg", "det")]


def clause_factuality(trigger: Trigger, lexicon: EventLexicon) -> tuple[str, str, int, int]:
    """Certainty and polarity the trigger's own clause gives it, and that clause's character range.

    Negation on the trigger or its auxiliaries ("n'a jamais fourni", "did not
    supply"), an implicative governor ("ont évité d'accuser", "refused to sell"),
    a modal governor ("pouvait produire", "may have shipped").
    """
    words = list(trigger.tokens)
    for token in trigger.tokens:
        words.extend(_modifier_words(token))
    negations = 0
    # the journalistic conditional on the verb itself: "produirait"
    certainty = "probable" if "Cnd" in morph_values(trigger.head, "Mood") else "certain"
    for word in words:
        low = word.lower_
        if word.dep_ in lexicon.dep("negation") or low in lexicon.negation_words:
            negations += 1
        lemma = word.lemma_.lower()
        if word.dep_ in AUX_DEPS:
            if lemma in lexicon.governors.get("possible", ()):
                certainty = weakest(certainty, "possible")
            elif lemma in lexicon.governors.get("probable", ()) or "Cnd" in morph_values(word, "Mood"):
                # the journalistic conditional: "aurait fourni"
                certainty = weakest(certainty, "probable")
    # "ne ... pas" is one negation spoken in two words.
    negated = negations > 0
    below = trigger.head
    for governor in governing_chain(trigger.head, lexicon):
        lemma = governor.lemma_.lower()
        # "Deliveries of gas ... ceased in May": what stopped had been happening; "stopped supplying" did not
        stopped_itself = below.dep_ in lexicon.dep("subject") | lexicon.dep("passive_subject")
        below = governor
        mods = _modifier_words(governor)
        words.append(governor)
        words.extend(mods)
        governor_negated = any(m.lower_ in lexicon.negation_words or m.dep_ in lexicon.dep("negation") for m in mods)
        if lemma in lexicon.governors.get("negative", ()) and not stopped_itself:
            negated = negated != (not governor_negated)
        elif governor_negated and governor.pos_ in ("VERB", "AUX"):
            negated = not negated
        if lemma in lexicon.governors.get("possible", ()):
            certainty = weakest(certainty, "possible")
        elif lemma in lexicon.governors.get("probable", ()):
            certainty = weakest(certainty, "probable")
    start = min(w.idx for w in words)
    end = max(w.idx + len(w.text) for w in words)
    return certainty, "negative" if negated else "positive", start, end


def event_factuality(doc: Doc, trigger: Trigger, lexicon: EventLexicon, rules: LanguageRules,
                     holding: list[Attribution]) -> tuple[str, str]:
    """The event's (certainty, polarity): its clause's, the factuality module's, and its reporters'.

    An event inside "Un nouveau rapport suggère que ..." is as hedged as the
    report; one inside a denial ("nie que la Chine ait fourni") is negative.
    """
    certainty, polarity, start, end = clause_factuality(trigger, lexicon)
    assessed_certainty, assessed_polarity = assess_factuality(doc, start, end, rules)
    certainty = weakest(certainty, assessed_certainty)
    if assessed_polarity == "negative":
        polarity = "negative"
    reported = False
    for attribution in holding:  # innermost first
        certainty = weakest(certainty, attribution.certainty)
        if attribution.cue is not None and _is_denial(doc, attribution, lexicon):
            if not reported:
                polarity = "negative"
        else:
            # "rejected reports that X had supplied ...": the reports hold X; the denial is the
            # ministry's own DENY event, not a negation of what the reports say
            reported = True
    return certainty, polarity


def _is_denial(doc: Doc, attribution: Attribution, lexicon: EventLexicon) -> bool:
    """Whether an attribution's cue is a denial verb (its content is then asserted false)."""
    assert attribution.cue is not None
    span = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    return span is not None and any(lexicon.verbs.get(t.lemma_.lower()) == "DENY" for t in span)


def timex_head(doc: Doc, timex: Timex) -> Optional[Token]:
    """The word of a time expression that attaches it to the rest of the sentence."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return None
    return span.root


def time_of(trigger: Trigger, timexes: list[tuple[Timex, Token]], cue_tokens: set[int], limit: int = 6) -> Optional[Timex]:
    """The time expression of the trigger's clause: one whose attachment path reaches the trigger.

    The path may climb through nouns and prepositions but not through another
    verb, except a reporting verb inserted after the clause, when the time comes
    before its subject ("X shipped engines to Y, earlier this year, the documents
    show": the parser hangs the time on "show").
    """
    trigger_ids = {t.i for t in trigger.tokens}
    for timex, head in timexes:
        current = head
        for _ in range(limit):
            if current.i in trigger_ids:
                return timex
            if current.head.i == current.i:
                break
            if current.i != head.i and current.pos_ in ("VERB", "AUX"):
                if not _inserted_cue(current, trigger_ids, cue_tokens, timex):
                    break
            current = current.head
        if current.i in trigger_ids:
            return timex
    return None


def statement_time(trigger: Trigger, timexes: list[tuple[Timex, Token]], cue_tokens: set[int]) -> Optional[Timex]:
    """"announced Thursday they were imposing sanctions", « a annoncé jeudi qu'il livre »: an act in
    the present or in progress, told as the content of a statement, happens when it is told.
    An act in a past or perfect tense ("said it had shipped") keeps no time from the statement."""
    head = trigger.head
    for _ in range(3):  # "were preparing a fresh set of sanctions": the verb that carries the noun
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    cue = head.head
    if head.dep_ not in ("ccomp", "parataxis") or cue.i not in cue_tokens:
        return None
    auxiliaries = [c for c in head.children if c.dep_ in AUX_DEPS]
    progressive = head.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in auxiliaries)
    present = "Pres" in morph_values(head, "Tense") and not auxiliaries and head.tag_ != "VBN"
    if not (progressive or present):
        return None
    for timex, anchor in timexes:
        if anchor.head.i == cue.i or (anchor.head.head.i == cue.i and anchor.head.pos_ == "ADP"):
            return timex
    return None


def _inserted_cue(verb: Token, trigger_ids: set[int], cue_tokens: set[int], timex: Timex) -> bool:
    if verb.i not in cue_tokens or verb.head.i not in trigger_ids or verb.dep_ not in ("advcl", "parataxis", "ccomp"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    return bool(subjects) and timex.end <= subjects[0].idx
