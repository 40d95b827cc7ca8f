"""What makes a USE: weapons used in an operation (ANNOTATION 2.2).

Whether an item names weapons or goods, whether a USE trigger has a weapon
or fires by itself, the roles of a verb of hitting (« des missiles ont visé
Odessa ») and of a firing noun ("the bombing of the port").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from spacy.tokens import Doc, Token

from claimgraph.extract.event.lexicon import EventLexicon, RoleMap
from claimgraph.extract.event.syntax import prepositional_phrases, subject_of
from claimgraph.extract.event.triggers import Trigger
from claimgraph.model import Argument

if TYPE_CHECKING:  # roles.py imports this module
    from claimgraph.extract.event.participants import ParticipantWords
    from claimgraph.extract.event.roles import Filler


def item_words(doc: Doc, fillers: dict[str, Filler], lexicon: EventLexicon, vocabulary: frozenset[str]) -> bool:
    """Whether the item names one of `vocabulary`: its head or the head's compounds ("drone
    engines"), or after a quantity the complement ("75 percent of the arms", "some of the missiles")."""
    item = fillers.get("item")
    if item is None or item.is_clause:
        return False
    head = item.head
    for _ in range(3):
        if head.lemma_.lower() in lexicon.quantity_nouns or head.pos_ in ("NUM", "PRON", "DET", "ADJ"):
            inner = [t for t in head.subtree if t.head.i != t.i and t.pos_ in ("NOUN", "PROPN") and t.i > head.i
                     and item.first <= t.i <= item.last]
            if not inner:
                break
            head = inner[0]
    if head.lemma_.lower() in lexicon.not_goods:
        return False  # "rebuild its arms industry": what makes the goods, not goods
    modifiers = lexicon.dep("modifier") | {"compound"}  # and theirs: "riot control agents"
    words = [head] + [t for c in head.children if c.dep_ in modifiers for t in (c, *c.children) if t.dep_ in modifiers]
    return any(t.lemma_.lower() in vocabulary or t.lower_ in vocabulary for t in words)


def is_firing(trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether `trigger` is itself the firing of a weapon ("shelled", « frappes », "an air attack")."""
    return trigger.lemma in lexicon.firing_words or (
        trigger.is_noun and trigger.type == "USE" and trigger.head.lemma_.lower() in lexicon.attack_nouns)


def fires_with_no_role(trigger: Trigger, lexicon: EventLexicon, is_someone: Callable[[Token], bool]) -> bool:
    """A firing noun with a participant that fills no USE role (ANNOTATION 2.1: a noun trigger needs one
    participant in its phrase): the weapon in the name of one attack ("a petrol bomb attack", "the fire-bomb attack") or the
    one shot in its of-phrase ("the fatal shooting of a courier")."""
    if not trigger.is_noun or not is_firing(trigger, lexicon):
        return False
    if trigger.head.lemma_.lower() in lexicon.attack_nouns and any(
            t.lemma_.lower() in lexicon.weapons for t in trigger.tokens if t.i != trigger.head.i):
        # one attack the text points at ("a petrol bomb attack"), not attacks in general ("faced chemical attacks");
        # a weapon named, not a mode ("the air attack" is no participant)
        return "Plur" not in trigger.head.morph.get("Number") and any(
            c.dep_ == "det" or c.dep_ in lexicon.dep("possessive") for c in trigger.head.children)
    use = lexicon.roles.get("USE")
    of_preps = {p for p, role in use.noun_preps.items() if role == "item"} if use else set()
    return any(prep in of_preps and is_someone(noun) for prep, noun, _ in prepositional_phrases(trigger.head, lexicon))


def is_weapon_use(doc: Doc, trigger: Trigger, arguments: dict[str, Argument], fillers: dict[str, Filler],
                   lexicon: EventLexicon, products: set[int]) -> bool:
    """USE is weapons used in an operation (ANNOTATION 2.2): "shelled the town", or a weapon, a named
    product or a pronoun for one as the item of "used", "launched"; "deployed" also needs a place."""
    item = fillers.get("item")
    if is_firing(trigger, lexicon):
        # "fired missiles", "shelled the town"; but « tirer des conséquences » fires nothing
        return item is None or item.is_clause or item_words(doc, fillers, lexicon, lexicon.weapons)
    if trigger.lemma in lexicon.placing_verbs and "location" not in arguments:
        return False
    if item is None or item.is_clause:
        return False
    if item_words(doc, fillers, lexicon, lexicon.weapons):
        return True
    # a named product is a weapon when used somewhere ("used the Garpiya-3 against the port"), not "using IE6"
    return item.head.i in products and "location" in arguments


def strike_roles(trigger: Trigger, roles: RoleMap, lexicon: EventLexicon) -> RoleMap:
    """« des missiles ont visé Odessa », "the army hit the depot with drones": what is hit is the
    place of the use; a weapon as subject is the item, anyone else the agent."""
    subject = subject_of(trigger.head, lexicon)
    weapon = subject is not None and (subject.lemma_.lower() in lexicon.weapons or subject.lower_ in lexicon.weapons)
    return RoleMap({**roles.slots, "object": "location", "subject": "item" if weapon else "agent"},
                   roles.preps, roles.noun_preps)


def item_as_place(heads: dict[str, tuple[Token, bool]], lexicon: EventLexicon, words: "ParticipantWords") -> None:
    """"the bombing of the port", « le pilonnage de Kharkiv »: what a firing noun is of is the place hit
    unless it is a weapon; a person (the one shot) fills no role."""
    head, is_clause = heads.get("item", (None, True))
    if head is None or is_clause or head.lemma_.lower() in lexicon.weapons or head.i in words.thing_tokens:
        return
    del heads["item"]
    if "location" not in heads and head.ent_type_ not in ("PERSON", "PER") and words._referential(head):
        heads["location"] = (head, False)
