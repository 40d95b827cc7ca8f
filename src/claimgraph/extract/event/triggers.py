"""Find event triggers: verbs, nouns and multi-word phrases of the lexicon."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.attrs import POS
from spacy.symbols import ADV, PROPN
from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import texts_of, words_of
from claimgraph.extract.event.lexicon import EventLexicon
from claimgraph.extract.event.rebuttals import is_predicate_rebuttal
from claimgraph.extract.event.syntax import prepositional_phrases
from claimgraph.extract.parse_table import morph_values

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN"})


@dataclass(frozen=True)
class Trigger:
    """One trigger of `doc`: its type, the word that governs its roles and all its words."""

    type: str
    head: Token
    tokens: tuple[Token, ...]
    is_noun: bool
    bearer_role: Optional[str] = None
    # "was not aware of", "unaware": a knowledge disclaimer, whose negation is its own word
    disclaimer: bool = False

    @property
    def start_char(self) -> int:
        return self.tokens[0].idx

    @property
    def end_char(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)

    @property
    def lemma(self) -> str:
        return " ".join(t.lemma_.lower() for t in self.tokens)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_verbal(token: Token) -> bool:
    # Past participles tagged as adjectives ("les drones livrés") still report an action.
    return token.pos_ in VERB_POS or (token.pos_ == "ADJ" and "Part" in morph_values(token, "VerbForm"))


def _phrase_window(words: list[int], i: int, lemmas: tuple[str, ...], doc_words: tuple[list[str], list[str], list[int]]
                   ) -> Optional[list[int]]:
    """The token indexes from `words[i]` that spell `lemmas`, adverbs allowed between them ("met également
    en cause", "opened fire again" is not: only inside); None when they do not. `doc_words` holds every
    token's lowercased lemma, lowercased form and part of speech by index (no Token made per word)."""
    lemma_of, lower_of, pos_of = doc_words
    matched: list[int] = []
    j = i
    for n, lem in enumerate(lemmas):
        while n > 0 and j < len(words) and pos_of[words[j]] == ADV and lemma_of[words[j]] != lem \
                and lower_of[words[j]] != lem:
            j += 1
        if j >= len(words) or (lemma_of[words[j]] != lem and lower_of[words[j]] != lem):
            return None
        matched.append(words[j])
        j += 1
    return matched


def _phrase_triggers(doc: Doc, lexicon: EventLexicon) -> Iterator[Trigger]:
    texts = texts_of(doc)
    words = [i for i in range(len(doc)) if not texts[i].isspace()]  # `not token.is_space`, by index
    index = lexicon.phrase_index or {}
    lemmas, lowers = words_of(doc)
    tags: list[int] = doc.to_array([POS]).ravel().tolist() if len(doc) else []
    doc_words = (lemmas, lowers, tags)
    for i in range(len(words)):
        lemma, lower = lemmas[words[i]], lowers[words[i]]
        if lemma not in index and lower not in index:
            continue  # no phrase starts with this word (the cheap test: it runs for every word)
        for phrase in lexicon.phrases_starting(lemma, lower):
            matched = _phrase_window(words, i, phrase.lemmas, doc_words)
            if matched is None:
                continue
            head = doc[matched[phrase.head]]
            key = " ".join(phrase.lemmas)
            # the trigger's words run from the first to the last, the adverbs between included
            window = tuple(doc[matched[0]:matched[-1] + 1])
            yield Trigger(phrase.type, head, window, head.pos_ in NOUN_POS, lexicon.bearer_roles.get(key))


def _weapon_attacks(doc: Doc, lexicon: EventLexicon) -> Iterator[Trigger]:
    """"an air attack", "a petrol bomb attack", "drone strikes", "bombing raids": an attack noun that a
    weapon modifies is a USE; its words run from the outermost modifier to the noun."""
    if not lexicon.attack_nouns:
        return
    modifiers = lexicon.dep("compound") | lexicon.dep("modifier")
    lemmas = words_of(doc)[0]
    for i in range(len(doc)):
        if lemmas[i] not in lexicon.attack_nouns:
            continue  # the cheap test first, by index
        token = doc[i]
        if token.pos_ not in NOUN_POS or _lemma(token) not in lexicon.attack_nouns:
            continue
        weapons = [c for c in token.children if c.dep_ in modifiers and c.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
                   and (_lemma(c) in lexicon.attack_modifiers or c.lower_ in lexicon.attack_modifiers)]
        if weapons:
            words = [token.i] + [t.i for w in weapons for t in w.subtree]
            yield Trigger("USE", token, tuple(doc[min(words):max(words) + 1]), True)
        elif _carried_out(token, lexicon) and not any(c.dep_ in modifiers for c in token.children) \
                and (_lemma(token) not in lexicon.force_nouns or _shows_force(token, lexicon)):
            yield Trigger("USE", token, (token,), True)  # "they carried out the strike"; not "a verbal attack"


def _carried_out(noun: Token, lexicon: EventLexicon) -> bool:
    """An attack noun that is what a verb of operations does ("carried out the raid", "the raids were
    carried out by ..."): the verb's object or passive subject, with the verb's particle."""
    verb = noun.head
    particle = lexicon.operation_verbs.get(_lemma(verb)) if verb.i != noun.i else None
    return particle is not None and noun.dep_ in lexicon.dep("object") | lexicon.dep("passive_subject") and any(
        c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


def _shows_force(noun: Token, lexicon: EventLexicon) -> bool:
    """"carried out a strike on the depot", "a strike against the convoy", "the strike with drones": a sign that
    a `force_nouns` noun is an attack, not a work stoppage ("dockers carried out a strike", "a strike on Monday",
    "a strike against pay cuts": `protest_objects`)."""
    for prep, head, _ in prepositional_phrases(noun, lexicon):
        if prep in lexicon.force_preps and head.ent_type_ not in ("DATE", "TIME") \
                and _lemma(head) not in lexicon.protest_objects:  # "a strike against pay cuts" opposes a measure
            return True
    def armed(t: Token) -> bool:  # the noun itself is no weapon ("strike" is one of `weapons`)
        return (_lemma(t) in lexicon.weapons or t.lower_ in lexicon.weapons) and _lemma(t) not in lexicon.force_nouns
    if any(armed(t) for t in noun.head.subtree):  # the verb that carries it out: "carried out the strike using drones"
        return True
    # "A market was shelled ... The army says it carried out the strike": a definite one is the firing told before
    definite = any(c.lower_ in lexicon.definite_determiners for c in noun.children if c.dep_ == "det")
    return definite and any(armed(t) or _lemma(t) in lexicon.firing_words for t in noun.doc[:noun.i])


def _is_measure_verb(token: Token, lexicon: EventLexicon) -> bool:
    """"The penalties also target X", « ces mesures frappent X »: a sanction by what its subject is."""
    if _lemma(token) not in lexicon.measure_verbs or not _is_verbal(token):  # the cheap test first
        return False
    subjects = [c for c in token.children if c.dep_ in lexicon.dep("subject")]
    return any(_lemma(s) in lexicon.measure_nouns for s in subjects)


def is_weapon_strike(token: Token, lexicon: EventLexicon) -> bool:
    """"Seven missiles hit the port", « des missiles ont visé Odessa », "struck the depot with drones":
    a verb of hitting whose subject or instrument is a weapon is a USE."""
    if _lemma(token) not in lexicon.measure_verbs or not _is_verbal(token):  # the cheap test first
        return False
    subjects = [c for c in token.children if c.dep_ in lexicon.dep("subject")]
    use = lexicon.roles.get("USE")
    instrument_preps = {p for p, role in use.preps.items() if role == "item"} if use else set()
    instruments = [noun for prep, noun, _ in prepositional_phrases(token, lexicon) if prep in instrument_preps]
    return any(_lemma(w) in lexicon.weapons or w.lower_ in lexicon.weapons for w in subjects + instruments)


def _is_trade_ban(token: Token, lexicon: EventLexicon) -> bool:
    """"banned Russian oil imports", "barring imports of uranium": a ban on trade is a SANCTION."""
    if _lemma(token) not in lexicon.ban_verbs or not _is_verbal(token):  # the cheap test first
        return False
    objects = [c for c in token.children if c.dep_ in lexicon.dep("object")]
    return any(_lemma(o) in lexicon.ban_objects for o in objects)


def _negators(token: Token, lexicon: EventLexicon) -> list[Token]:
    """Negation words on a word or on the verb it depends on ("was not aware", "had no information",
    « ne sommes pas au courant »)."""
    found = [c for c in token.children if c.lower_ in lexicon.negation_words or c.dep_ in lexicon.dep("negation")]
    own_clause = any(c.dep_ in lexicon.dep("subject") for c in token.children)  # « nous sommes conscients » after « ne ... »
    if token.head.i != token.i and token.head.pos_ in ("VERB", "AUX") and not own_clause:
        found += [c for c in token.head.children
                  if c.lower_ in lexicon.negation_words or c.dep_ in lexicon.dep("negation")]
    return found


def _disclaimer(token: Token, lexicon: EventLexicon) -> Optional[Trigger]:
    """A knowledge disclaimer: "not aware of the case", "no information on", "unaware of any sales",
    « ne pas avoir connaissance de », « ne sommes pas au courant de ». The trigger runs from the
    negation to the word of knowing."""
    form = _lemma(token)
    if form in lexicon.unknowing or token.lower_ in lexicon.unknowing:
        return Trigger("DENY", token, (token,), False, disclaimer=True)
    if form not in lexicon.negated_knowing:
        return None
    negators = [n for n in _negators(token, lexicon) if n.i < token.i]
    if not negators:
        return None
    first = min(n.i for n in negators)
    return Trigger("DENY", token, tuple(token.doc[first:token.i + 1]), False, disclaimer=True)


def _is_rebuttal(token: Token, lexicon: EventLexicon) -> bool:
    """"called the accusations groundless", "dismissed the claims as false", « qualifie ces
    informations de fausses »: calling what was said false is a DENY."""
    if _lemma(token) not in lexicon.rebuttal_verbs or not _is_verbal(token):  # the cheap test first
        return False
    if not any(c.dep_ in lexicon.dep("object") for c in token.children):
        return False
    return any(t.lemma_.lower() in lexicon.false_words or t.lower_ in lexicon.false_words
               for t in token.subtree if t.i > token.i and t.pos_ in ("ADJ", "NOUN", "VERB"))


def _is_capitalised_first_noun(token: Token) -> bool:
    """"Deliveries of gas ... ceased": a sentence's first word the tagger took for a name (no entity, a
    lowercase rest), kept as the lemma it was given."""
    first = token.is_sent_start or token.i == 0 or token.nbor(-1).is_space
    return first and token.pos_ == "PROPN" and not token.ent_type_ and token.text[1:].islower() \
        and token.lemma_ == token.text


def _singular(word: str, lexicon: EventLexicon) -> str:
    """The singular of a plural noun by the language's endings ("deliveries" -> "delivery"), else `word`."""
    for plural, singular in lexicon.plural_endings:
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[:-len(plural)] + singular
    return word


_SINGLE_WORDS: dict[int, tuple[EventLexicon, frozenset[str]]] = {}


def _single_words(lexicon: EventLexicon) -> frozenset[str]:
    """Every word (lemma or form) a one-word trigger test of `find_triggers` starts from, built once per lexicon."""
    cached = _SINGLE_WORDS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        words = frozenset(lexicon.verbs) | frozenset(lexicon.nouns) | lexicon.measure_verbs | lexicon.ban_verbs \
            | lexicon.rebuttal_verbs | lexicon.unknowing | lexicon.negated_knowing | lexicon.false_words
        cached = _SINGLE_WORDS[id(lexicon)] = (lexicon, words)
    return cached[1]


def find_triggers(doc: Doc, lexicon: EventLexicon) -> list[Trigger]:
    """Every trigger of `doc`, multi-word phrases first, in text order.

    doc (Doc): the parsed article.
    lexicon (EventLexicon): the language's trigger words.
    RETURNS (list[Trigger]): one trigger per word at most.
    """
    found: dict[int, Trigger] = {}
    taken: set[int] = set()
    for trigger in _phrase_triggers(doc, lexicon):
        if any(t.i in taken for t in trigger.tokens):
            continue
        taken.update(t.i for t in trigger.tokens)
        found[trigger.tokens[0].i] = trigger
    for trigger in _weapon_attacks(doc, lexicon):
        if any(t.i in taken for t in trigger.tokens):
            continue
        taken.update(t.i for t in trigger.tokens)
        found[trigger.tokens[0].i] = trigger
    gate = _single_words(lexicon)
    lemmas, lowers = words_of(doc)
    names = doc.to_array([POS]).ravel().tolist() if len(doc) else []
    for i in range(len(doc)):
        if i in taken:
            continue
        if lemmas[i] not in gate and lowers[i] not in gate and names[i] != PROPN:
            continue  # none of the tests below can take it (each needs one of these words, or a name)
        token = doc[i]
        if is_weapon_strike(token, lexicon):
            found[token.i] = Trigger("USE", token, (token,), False)
            continue
        if _is_measure_verb(token, lexicon) or _is_trade_ban(token, lexicon):
            found[token.i] = Trigger("SANCTION", token, (token,), False)
            continue
        if _is_rebuttal(token, lexicon) or is_predicate_rebuttal(token, lexicon):
            found[token.i] = Trigger("DENY", token, (token,), False)
            continue
        disclaimer = _disclaimer(token, lexicon)
        if disclaimer is not None and not any(t.i in taken for t in disclaimer.tokens):
            taken.update(t.i for t in disclaimer.tokens)
            found[disclaimer.tokens[0].i] = disclaimer
            continue
        if _is_capitalised_first_noun(token):
            form = _singular(token.lower_, lexicon)
            if form in lexicon.nouns:
                found[token.i] = Trigger(lexicon.nouns[form], token, (token,), True, lexicon.bearer_roles.get(form))
                continue
        for form in (_lemma(token), token.lower_):
            if form in lexicon.verbs and _is_verbal(token):
                found[token.i] = Trigger(lexicon.verbs[form], token, (token,), False)
                break
            if token.pos_ in NOUN_POS and form in lexicon.nouns:
                found[token.i] = Trigger(lexicon.nouns[form], token, (token,), True,
                                         lexicon.bearer_roles.get(form))
                break
    return [found[i] for i in sorted(found)]


# Types whose nouns name a trade that a policy can regulate.
POLICY_TYPES = frozenset({"SUPPLY", "PRODUCE"})


def is_policy_noun(trigger: Trigger, lexicon: EventLexicon) -> bool:
    """A trade noun that a control word governs is a policy, not a happening (ANNOTATION.md 2.1):
    "it controls exports of dual-use items", "strict controls on the export of drones", "export
    controls", « contrôle strictement ses exportations de drones »."""
    if not trigger.is_noun:
        return False
    head = trigger.head
    if trigger.type == "SANCTION":
        # "those responsible are liable to heavy sanctions": what the law allows, not a measure taken
        return head.head.i != head.i and head.head.lemma_.lower() in lexicon.liability_governors
    if trigger.type not in POLICY_TYPES or not lexicon.policy_governors:
        return False
    governors = [head.head]
    if head.dep_ in lexicon.dep("pobj") and head.head.pos_ == "ADP":
        # English hangs "the export" on "on"/"to", and that on "controls", or on the verb whose
        # object the controls are ("applies strict controls on the export")
        verb = head.head.head
        governors = [verb] + ([c for c in verb.children if c.dep_ in lexicon.dep("object")]
                              if verb.pos_ in ("VERB", "AUX") else [])
    elif head.dep_ not in lexicon.dep("object") | lexicon.dep("compound") | lexicon.dep("oblique"):
        return False
    return any(g is not head and g.lemma_.lower() in lexicon.policy_governors for g in governors)
