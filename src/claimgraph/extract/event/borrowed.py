"""Roles a trigger's own dependents do not give, borrowed from the words around it.

The subject of the clause that governs an infinitive, participle or coordinated
verb; an object shared with a coordinated verb; a recipient or place the parser
hung on the object noun; a partitive object or one read as a date's complement;
the noun a relative clause describes.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.event.participants import ParticipantWords
from claimgraph.extract.event.partitives import hung_on_date, partitive_object, shares_object
from claimgraph.extract.event.syntax import NOMINAL_POS, any_subject, children, is_participle_modifier, prepositional_phrases, subject_of
from claimgraph.extract.event.triggers import Trigger
from claimgraph.extract.parse_table import morph_values

# Roles the parser often hangs on the object noun instead of the verb.
DISPLACED_ROLES = frozenset({"recipient", "location", "via", "partner"})


class BorrowedRoles(ParticipantWords):
    """Role lookups beyond the trigger's own dependents (mixed into the role filler, which sets the
    per-trigger state: `_time_tokens`, `_detached`)."""

    _time_tokens: set[int]
    _detached: set[int]

    def _inherit(self, trigger: Trigger, slots: dict[str, str], put) -> None:  # type: ignore[no-untyped-def]
        """Subject of an infinitive, participle or coordinated verb: the governing clause's subject."""
        lex = self.lexicon
        head = trigger.head
        if any_subject(head, lex) is None:
            current = head
            for _ in range(4):
                if current.head.i == current.i or current.dep_ in ("ccomp", "parataxis"):
                    break
                if current.dep_ in lex.dep("relative") or is_participle_modifier(current, lex):
                    break
                controller = self._object_controller(current)
                if controller is not None:
                    put(slots.get("subject"), controller)  # "urged the ministers to send", "bars firms from selling"
                    break
                current = current.head
                if lex.verbs.get(current.lemma_.lower()) == "ACCUSE":
                    # "accuser X de fournir": the one who supplies is X, not the accuser
                    for obj in children(current, lex.dep("object")):
                        put(slots.get("subject"), obj)
                    break
                if current.pos_ in ("VERB", "AUX"):
                    subject = subject_of(current, lex)
                    if subject is not None:
                        if self._is_relative(subject) and current.dep_ in lex.dep("relative"):
                            subject = current.head  # "the networks that help supply it": who "that" stands for
                        put(slots.get("subject"), subject)
                        break
        if "object" in slots:
            # "fabriquer et déployer des drones": the first verb shares the second's object.
            # not a handover's: "returned to Kyiv and gave approval to the plan" returns no approval
            for conj in [c for c in children(head, lex.dep("conj")) if shares_object(head, c)
                         and not {trigger.lemma, c.lemma_.lower()} & lex.handover_verbs]:
                for obj in children(conj, lex.dep("object")):
                    put(slots["object"], obj)
            if head.dep_ in lex.dep("conj"):
                # "designed and produced engines": the parser hangs the shared object on the first verb
                for obj in children(head.head, lex.dep("object")):
                    if obj.i > head.i:
                        put(slots["object"], obj)

    def _displaced(self, trigger: Trigger, table: dict[str, str], put) -> None:  # type: ignore[no-untyped-def]
        """Recipient or place the parser attached to the object noun ("des armes à la Russie")."""
        lex = self.lexicon
        labels = lex.dep("object") | lex.dep("oblique")  # once, not per child
        for obj in [c for t in trigger.tokens for c in t.children if c.dep_ in labels]:
            direct = {noun.i for _, noun, _ in prepositional_phrases(obj, lex)}
            for prep, noun in self._nested_phrases(obj):
                role = table.get(prep)
                named = self._named_by(noun)
                if role in DISPLACED_ROLES and named is not None:
                    put(role, named)
                    if named.i != noun.i:
                        self._detached |= {t.i for t in noun.subtree} | {named.i}
                elif role in DISPLACED_ROLES and noun.i in direct and self._referential(noun) \
                        and (role != "recipient" or prep not in lex.actor_only_preps or self._actor(noun)):
                    put(role, noun)  # "provided rifles to the militia", "used drones against the port"
            if "item" in (table.get("de"), table.get("of")) and trigger.type == "ACCUSE":
                for clause in children(obj, lex.dep("clause")):
                    if self._marked(clause):
                        put("item", clause, True)

    def _partitive_object(self, trigger: Trigger, slots: dict[str, str], preps: dict[str, str], put) -> None:  # type: ignore[no-untyped-def]
        """« fournir à la Russie des machines-outils », « a livré mardi des obusiers » (event/partitives.py)."""
        if slots.get("object") is not None and (found := partitive_object(
                trigger.head, self.lexicon, self._time_tokens, self.entity_tokens)) is not None:
            put(slots["object"], found)
        for prep, noun in hung_on_date(trigger.head, self.lexicon, self._time_tokens, self.entity_tokens):
            if (role := preps.get(prep) if prep else slots.get("object")) and (role == "item" or self._referential(noun)):
                put(role, noun)  # « a accusé mardi 21 mars la Moldavie de »: the date is transparent

    def _relative_gap(self, trigger: Trigger, slots: dict[str, str], put) -> None:  # type: ignore[no-untyped-def]
        """"twice the volume it had been selling", "the claims he rejected": a relative clause with no
        relative word, a subject of its own and no object acts on the noun it describes."""
        lex = self.lexicon
        head = trigger.head
        antecedent = head.head
        if "object" not in slots or head.dep_ not in lex.dep("relative") or antecedent.pos_ not in NOMINAL_POS \
                or antecedent.i > head.i:
            return
        subject = any_subject(head, lex)
        if subject is None or subject.dep_ not in lex.dep("subject") or self._is_relative(subject):
            return  # "the weapons that were sent": a relative subject (filled as such), or a passive
        if any(c.dep_ in lex.dep("object") | lex.dep("clause") - lex.dep("relative") for c in head.children):
            return
        words = head.doc[antecedent.i + 1:head.i]
        if any(self._is_relative(t) or t.tag_ == "WRB" or t.dep_ in lex.dep("prep") for t in words) \
                or any(c.dep_ in lex.dep("prep") and not list(c.children) for c in head.children):
            return  # "the port to which", "the day when", "the country it sold arms to": not the object
        put(slots["object"], antecedent)

    def _object_controller(self, verb: Token) -> Optional[Token]:
        """"urged the ministers to send rockets", "bars firms from selling arms", « a exhorté les alliés à livrer »:
        an infinitive or gerund complement of a verb with an object is done by that object, not by the subject."""
        lex = self.lexicon
        governor = verb.head
        if verb.dep_ == "acl" and "Inf" in morph_values(verb, "VerbForm") and any(c.dep_ == "mark" for c in verb.children) \
                and governor.dep_ in lex.dep("object") and self._actor(governor):
            return governor  # « a exhorté les alliés à livrer »: the French parse hangs the infinitive on the object
        if verb.dep_ == "xcomp":
            pass
        elif verb.dep_ in lex.dep("pobj") and governor.dep_ in lex.dep("prep") and governor.lower_ in lex.control_preps:
            governor = governor.head
        else:
            return None
        if governor.pos_ not in ("VERB", "AUX") or lex.verbs.get(governor.lemma_.lower()) == "ACCUSE":
            return None  # "accuser X de fournir" has its own reading
        objects = [o for o in children(governor, lex.dep("object")) if o.i < verb.i and o.pos_ in NOMINAL_POS]
        return objects[0] if objects else None
