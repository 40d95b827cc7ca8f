"""Fill an event's roles from the dependency parse around its trigger.

The role of a dependent comes from its grammatical slot (subject, object,
passive subject, prepositional phrase) through the language's role table
(`events.yaml`). A role left empty is looked for where journalists' syntax puts
it elsewhere: the subject of a governing verb (infinitives, participles,
coordinated verbs, "par la fourniture de ..."), the noun an apposition or a
relative clause describes, a prepositional phrase the parser hung on the object.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.attribution.spans import before_occasion
from claimgraph.extract.event.borrowed import DISPLACED_ROLES, BorrowedRoles
from claimgraph.extract.event.lexicon import EventLexicon, RoleMap, frame_of
from claimgraph.extract.event.firing import is_firing, item_as_place, strike_roles
from claimgraph.extract.event.measures import subjected_target
from claimgraph.extract.event.partitives import hung_on_date, over_time_word, substantive
from claimgraph.extract.event.participants import is_quantity
from claimgraph.extract.event.rebuttals import is_predicate_rebuttal, rebuttal_heads
from claimgraph.extract.event.syntax import (NOMINAL_POS, accused_doer, any_subject, children, clause_bounds,
                                             is_participle_modifier, is_passive, paragraph_break_between,
                                             passive_subject_slot, phrase_bounds, possessed, preposition_of,
                                             prepositional_phrases, subject_of)
from claimgraph.extract.event.triggers import Trigger
from claimgraph.extract.parse_table import dominates, heads_of, morph_values, subtree_set
from claimgraph.model import EVENT_ROLES

# Roles only someone can fill: "for Russia" may name a recipient, "for drones" names a purpose.
ACTOR_ROLES = frozenset({"recipient", "agent", "owner", "target"})


@dataclass(frozen=True)
class Filler:
    """One filled role: the head word and the token range of its phrase."""

    head: Token
    first: int
    last: int
    is_clause: bool = False


class RoleFiller(BorrowedRoles):
    """Fills the roles of triggers of one document."""

    def __init__(self, lexicon: EventLexicon, entity_tokens: set[int], blocked: set[int],
                 thing_tokens: frozenset[int] | set[int] = frozenset()) -> None:
        super().__init__(lexicon, entity_tokens, thing_tokens)
        # tokens no argument may use (the input header "date 2024-09", a dateline "BRUSSELS -")
        self.blocked = blocked
        self._time_tokens: set[int] = set()
        # words of a displaced recipient's description, kept out of the item ("au fabricant russe")
        self._detached: set[int] = set()

    def fill(self, trigger: Trigger, time_tokens: set[int]) -> dict[str, Filler]:
        """The roles of `trigger` (empty when it is not an event, e.g. "reject the proposal")."""
        lex = self.lexicon
        base = lex.roles.get(trigger.type)
        if base is None:
            return {}
        allowed = set(EVENT_ROLES.get(trigger.type, ()))
        self._time_tokens = time_tokens
        self._detached = set()
        self._purposes: list[tuple[int, int]] = []  # token ranges of "for <thing>" phrases, part of the item
        heads: dict[str, tuple[Token, bool]] = {}

        def put(role: Optional[str], head: Token, is_clause: bool = False) -> None:
            if head.i in self.blocked:
                # "date 2024-09 La Chine fournit": the parser hung the subject on the header
                below = [t for t in head.subtree if t.i not in self.blocked and t.head.i in self.blocked]
                if not below:
                    return
                head = below[0]
            if role and role in allowed and role not in heads and head.i not in time_tokens:
                if role == "location" and is_quantity(head):
                    return  # « de 75 % à 50 % »: an amount is never a place
                if is_clause or head.pos_ in NOMINAL_POS or (head.pos_ == "ADJ" and (
                        head.dep_ in lex.dep("modifier") or substantive(head))):
                    heads[role] = (head, is_clause)

        if trigger.type == "DENY" and is_predicate_rebuttal(trigger.head, lex):  # "he said the claims were false"
            for role, word in rebuttal_heads(trigger.head, lex).items():
                put(role, word)
            return self._spans(trigger, heads)
        preps_here = {p for t in trigger.tokens for p, _, _ in prepositional_phrases(t, lex)}
        roles = base.merged(frame_of(lex, trigger.lemma, preps_here), preps_here)
        if trigger.type == "USE" and trigger.lemma in lex.measure_verbs:
            roles = strike_roles(trigger, roles, lex)
        if trigger.is_noun:
            self._noun_roles(trigger, roles, put)
        else:
            self._verb_roles(trigger, roles, put)
        if trigger.type == "USE" and trigger.is_noun and is_firing(trigger, lex):
            item_as_place(heads, lex, self)
        if trigger.type == "DENY" and not self._denies_a_claim(trigger, heads.get("item")):
            return {}
        return self._spans(trigger, heads)

    # --- verbs -----------------------------------------------------------------------------------------------
    def _verb_roles(self, trigger: Trigger, roles: RoleMap, put) -> None:  # type: ignore[no-untyped-def]
        lex = self.lexicon
        slots = roles.slots
        head = trigger.head
        passive = is_passive(head, lex)
        passive_slot = passive_subject_slot(head, passive, slots, lex)
        own = {t.i for t in trigger.tokens}
        any_subjects = lex.dep("subject") | lex.dep("passive_subject")  # once, not per child
        for token in trigger.tokens:
            for child in token.children:
                if child.i in own:
                    continue  # "ne pas avoir connaissance": the noun is part of the trigger
                dep = child.dep_
                target = child
                if dep in any_subjects and self._is_relative(child):
                    target = head.head if head.dep_ in lex.dep("relative") else child
                if dep in lex.dep("subject") and any(m.dep_ == "mark" and child.i < m.i < head.i for m in head.children):
                    continue  # "Un nouveau rapport suggère qu'une entreprise a expédié": before "que" is the reporter's
                if dep in lex.dep("subject") and trigger.lemma in lex.measure_verbs \
                        and child.lemma_.lower() in lex.measure_nouns:
                    # "the latest British measures target X": the measures are not the agent, their maker is
                    for modifier in children(child, lex.dep("modifier")):
                        if self._collective_or_named(modifier):
                            put(slots.get("subject"), modifier)
                elif dep in lex.dep("subject"):
                    put(slots.get(passive_slot if passive else "subject"), target)
                elif dep in lex.dep("passive_subject"):
                    put(slots.get(passive_slot if passive else "subject"), target)
                elif dep in lex.dep("expletive_subject") and passive and not any(
                        c.dep_ in lex.dep("object") | lex.dep("clause") for c in head.children):
                    # "il était fabriqué en Russie": read as impersonal, but nothing else is made
                    put(slots.get("passive_subject"), target)
                elif dep in lex.dep("object") and self._is_relative(child) and (head.dep_ not in lex.dep("relative") or any(
                        o.dep_ in lex.dep("object") and not self._is_relative(o) for o in head.children)):
                    # « le fait que la plupart proviennent de », "told reporters on a call that the ministry had
                    # shipped a batch of drones": a conjunction read as a relative object (the verb has an object of its own)
                    continue
                elif dep in lex.dep("object"):
                    put(slots.get("object"), head.head if self._is_relative(child) and head.dep_ in lex.dep("relative") else child)
                elif dep in lex.dep("indirect_object"):
                    # "sent engines to IEMZ Kupol": English parses may label the preposition itself dative
                    objects = children(child, lex.dep("pobj")) if child.pos_ == "ADP" else [child]
                    for obj in objects[:1]:
                        put(slots.get("indirect_object"), obj)
                elif dep in lex.dep("clause") and "clause" in slots and dep not in lex.dep("relative"):
                    if dep in ("ccomp", "xcomp") or self._marked(child):
                        put(slots["clause"], child, True)
        for prep, noun, dep_child in self._pps(trigger):
            if dep_child.dep_ in lex.dep("passive_agent") or (passive and prep in ("par", "by") and prep in roles.preps):
                put(slots.get("subject"), noun)
                continue
            role, noun = self._wrapped(prep, noun, roles.preps)
            if prep in lex.approximators or (not prep and dep_child.dep_ in lex.dep("bare_object") and noun.i > head.i):
                # "produced around 2,500 drones": the parser took the approximator for a preposition;
                # "aurait livré des moteurs" read as an oblique with no preposition
                role = slots.get("object")
            if prep in lex.actor_only_preps and role in ACTOR_ROLES and not self._actor(noun):
                # "supplied engines for Russian attack drones": what they are for, not who gets them; but
                # "des armes pour ses actions en Ukraine" is what the giver does, not part of the item
                if not possessed(noun):
                    self._purposes.append((min(dep_child.left_edge.i, noun.left_edge.i),
                                           max(dep_child.right_edge.i, noun.right_edge.i)))
                continue
            if noun.pos_ in ("VERB", "AUX"):
                put(role, noun, True)
            elif role in ("item", "via") or self._referential(noun):
                put(role, noun)
            elif role in ACTOR_ROLES:
                self._describes_item(noun)
        if is_participle_modifier(head, lex):
            put(slots.get("passive_subject"), head.head)
        self._partitive_object(trigger, slots, roles.preps, put)  # its own object before one shared with another verb
        self._inherit(trigger, slots, put)
        self._relative_gap(trigger, slots, put)
        self._displaced(trigger, roles.preps, put)

    def _noun_roles(self, trigger: Trigger, roles: RoleMap, put) -> None:  # type: ignore[no-untyped-def]
        lex = self.lexicon
        noun = trigger.head
        bearer = self._bearer(trigger) if trigger.bearer_role else None
        if bearer is not None:
            put(trigger.bearer_role, bearer)
        for prep, dep_noun, _ in self._pps(trigger) + self._participle_pps(noun):
            role, dep_noun = self._wrapped(prep, dep_noun, roles.noun_preps)
            if trigger.type == "OWNERSHIP" and trigger.bearer_role and role in ("owner", "owned"):
                role = "owned" if trigger.bearer_role == "owner" else "owner"
            if trigger.bearer_role == "recipient" and role == "item" and dep_noun.lemma_.lower() in lex.giving_bodies:
                role = "agent"  # "a recipient of a major donor program": the programme gives
            if role == "agent" and not self._actor(dep_noun) or self._mere_purpose(prep, dep_noun, role):
                continue  # « les sanctions de la réduction de débit »: only someone is an agent; "aid for rebuilding"
            if role in ("item", "via") or self._referential(dep_noun):
                put(role, dep_noun)
                if role == "item":
                    self._maker_of(dep_noun, roles, put)
                    self._hung_on_item(dep_noun, roles, put)
            elif role in ACTOR_ROLES:
                self._describes_item(dep_noun)
        modifier_role = roles.slots.get("modifier")
        if modifier_role:
            for child in children(noun, lex.dep("modifier")) + self._adjectives_after(noun):
                if any(t.i == child.i for t in trigger.tokens):
                    continue  # "A FIRE-BOMB attack": the weapon is part of the trigger, whatever the recogniser made of it
                if self._collective_or_named(child) and not preposition_of(child, lex):
                    # a modifier with a preposition (« contre la Russie ») is a phrase of its own
                    # "EU sanctions", "European sanctions", "Western sanctions", "sanctions occidentales"
                    put(modifier_role, child)
        self._compound_roles(noun, roles, put, {t.i for t in trigger.tokens})
        if trigger.type != "ACCUSE" and (doer := accused_doer(noun, lex)) is not None:
            put(roles.slots.get("subject"), doer)  # "accuses Sudan of an air strike": Sudan strikes
        noun = self._counted(noun)
        subjected_target(noun, roles.slots.get("passive_subject"), self, put)
        governor = over_time_word(noun, lex, self._time_tokens)
        if noun.dep_ in lex.dep("subject") | lex.dep("passive_subject") and governor.pos_ in ("VERB", "AUX"):
            # "the deliveries were routed through Redlepus": the route hangs on the verb of the noun
            for prep, other, _ in prepositional_phrases(governor, lex):
                role = roles.noun_preps.get(prep)
                if role in DISPLACED_ROLES and self._referential(other) and not self._mere_purpose(prep, other, role):
                    put(role, other)  # not "the shipments had been an open secret for months"
        reached_by = {p for p, n, _ in prepositional_phrases(governor, lex) if n.i == noun.i}
        if governor.i != noun.i and not reached_by & lex.occasion_preps and (
                governor.lemma_.lower() in lex.light_verbs or reached_by & lex.means_preps):
            # not « a annoncé deux morts après des tirs »: the occasion of the verb, not its act
            subject = subject_of(governor, lex)
            standing_for = governor.head if subject is not None and self._is_relative(subject) else subject
            if subject is not None and standing_for is not None and self._actor(standing_for):
                # "X s'expliquait par les sanctions", « le rayon, qui se caractérise par l'achat »: only
                # someone imposes, delivers or makes
                put(roles.slots.get("subject"), subject)
            for prep, other in [(p, n) for p, n, _ in prepositional_phrases(governor, lex)] + [(p, n) for p, n in (
                    hung_on_date(governor, lex, self._time_tokens, self.entity_tokens)) if p]:  # « samedi 30 novembre des sanctions à X »
                put(roles.noun_preps.get(prep) if other.i != noun.i else None, other)

    def _mere_purpose(self, prep: str, noun: Token, role: Optional[str]) -> bool:
        """"for months", "for attack drones": after a preposition that names someone only with a noun for someone
        (`actor_only_preps`), a thing or a time fills no actor role."""
        return prep in self.lexicon.actor_only_preps and role in ACTOR_ROLES and not self._actor(noun)

    def _hung_on_item(self, item: Token, roles: RoleMap, put) -> None:  # type: ignore[no-untyped-def]
        """"donated items from the programme", "deliveries of gas through the pipeline": the giver, route
        or place the parser hung on the item noun. Not the recipient yet: the graph's relay count on the
        bundled examples (tests/test_graph.py) still depends on « fourniture d'armes à la Russie » having none."""
        for prep, noun, _ in prepositional_phrases(item, self.lexicon):
            role = roles.noun_preps.get(prep)
            if role in DISPLACED_ROLES - {"recipient"} | {"agent"} and self._referential(noun) \
                    and (role not in ACTOR_ROLES or self._actor(noun)):
                put(role, noun)

    def _maker_of(self, item: Token, roles: RoleMap, put) -> None:  # type: ignore[no-untyped-def]
        """"development of Microsoft's new browser": the item's possessor makes it (for the types
        whose possessive is the agent)."""
        role = roles.slots.get("possessive")
        if role != "agent":
            return
        for child in item.children:
            if child.i < item.i and child.dep_ in self.lexicon.dep("possessive") and self._actor(child):
                put(role, child)

    def _compound_roles(self, noun: Token, roles: RoleMap, put,  # type: ignore[no-untyped-def]
                        own: frozenset[int] | set[int] = frozenset()) -> None:
        """"arms deliveries", "its drone and missile deliveries", « sa production »: a noun before the
        trigger names the item, a possessive the agent (for the types whose table says so); before an
        ownership noun, the other party ("Virgin owner Richard Branson")."""
        opposite = {"owner": "owned", "owned": "owner"}
        for child in noun.children:
            if child.i > noun.i or child.i in own:
                continue  # "a rocket attack": the weapon is part of the trigger
            if child.dep_ in self.lexicon.dep("compound") and (child.pos_ == "PROPN" or child.i in self.entity_tokens) \
                    and self._actor(child):
                put(opposite.get(self.lexicon.bearer_roles.get(noun.lemma_.lower(), "")), child)
            if child.dep_ in self.lexicon.dep("compound") and child.pos_ == "NOUN":
                put(roles.slots.get("compound"), child)
            elif child.dep_ in self.lexicon.dep("possessive") or (child.dep_ == "det" and "Yes" in morph_values(child, "Poss")):
                put(roles.slots.get("possessive"), child)

    def _counted(self, noun: Token) -> Token:
        """"imposed a new round of sanctions", « un nouveau train de sanctions »: the quantity noun
        stands in the sentence for the trigger it counts."""
        lex = self.lexicon
        above = noun.head.head if noun.dep_ in lex.dep("pobj") else noun.head
        if above.i != noun.i and above.pos_ == "NOUN" and above.lemma_.lower() in lex.quantity_nouns | lex.measure_nouns:
            return above
        return noun

    # --- helpers ---------------------------------------------------------------------------------------------
    def _pps(self, trigger: Trigger) -> list[tuple[str, Token, Token]]:
        own = {t.i for t in trigger.tokens}
        return [pp for t in trigger.tokens for pp in prepositional_phrases(t, self.lexicon) if pp[1].i not in own]

    def _wrapped(self, prep: str, noun: Token, table: dict[str, str]) -> tuple[Optional[str], Token]:
        """"avec l'aide d'experts": role from the wrapper noun, span from its complement."""
        wrapper_role = self.lexicon.wrappers.get(noun.lemma_.lower())
        if wrapper_role:
            inner = [n for p, n, _ in prepositional_phrases(noun, self.lexicon) if n.pos_ in NOMINAL_POS]
            if inner:
                return wrapper_role, inner[0]
        return table.get(prep), noun

    def _describes_item(self, noun: Token) -> None:
        """« technologies à double usage », "à longue portée": a bare phrase that can name no one
        describes the item it follows, wherever the parser hung it."""
        words = [t.i for t in noun.subtree]
        self._purposes.append((min(words), max(words)))

    def _with_purpose(self, bounds: tuple[int, int], exclude: set[int]) -> tuple[int, int]:
        """The item's range, running on over a "for <thing>" phrase right after it."""
        first, last = bounds
        for start, end in sorted(self._purposes):
            if start == last + 1 and not any(i in exclude for i in range(start, end + 1)):
                last = end
        return first, last

    def _spans(self, trigger: Trigger, heads: dict[str, tuple[Token, bool]]) -> dict[str, Filler]:
        trigger_ids = {t.i for t in trigger.tokens}
        other_heads = {h.i for h, _ in heads.values()}
        parents = heads_of(trigger.head.doc)
        filled: dict[str, Filler] = {}
        for role, (head, is_clause) in list(heads.items()):
            if role == "item" and not is_clause:
                head = self._named(head)
                heads[role] = (head, is_clause)
            if trigger.type == "DENY" and role == "item":
                is_clause = True  # the denied noun keeps its complement: "reports that ...", "des accusations visant X"
            if paragraph_break_between(head, trigger.head):
                continue  # a headline's phrase never fills a role of the lede, nor the reverse
            exclude = set(trigger_ids) | self._time_tokens | self.blocked | (self._detached - {head.i})
            exclude |= self._clause_holding(trigger.head, head)  # "firms that produce engines": agent "firms"
            for other_head in other_heads - {head.i}:
                if not dominates(other_head, head.i, parents):
                    exclude |= subtree_set(head.doc[other_head])
            bounds = clause_bounds(head, self.lexicon, exclude) if is_clause else phrase_bounds(head, self.lexicon, exclude)
            if head.pos_ == "ADJ" and head.dep_ in self.lexicon.dep("modifier") and role in ACTOR_ROLES:
                bounds = (head.i, head.i)  # « frappes russes près du village »: the nationality, not what hangs on it
            if role == "item":
                bounds = self._with_purpose(bounds, exclude)
                if trigger.type == "DENY":
                    words = before_occasion(list(head.doc[bounds[0]:bounds[1] + 1]), self.lexicon.occasion_preps,
                                            self.lexicon.occasion_nouns)
                    bounds = (bounds[0], words[-1].i) if words else bounds
            filled[role] = Filler(head, bounds[0], bounds[1], is_clause)
        return filled

    def _clause_holding(self, word: Token, noun: Token) -> set[int]:
        """The words of the relative or participle clause of `noun` that holds `word` (none when `noun`
        does not govern `word`): a role filled by the noun a clause describes stops before the clause."""
        relatives = self.lexicon.dep("relative") | {"acl"}
        clause = None
        for _ in range(8):
            if word.i == noun.i or word.head.i == word.i:
                break
            if word.dep_ in relatives:
                clause = word
            word = word.head
        return subtree_set(clause) if clause is not None and word.i == noun.i else set()
