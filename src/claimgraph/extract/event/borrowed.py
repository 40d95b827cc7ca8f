"""Roles a trigger's own dependents do not give, borrowed from the words around it.

The subject of the clause that governs an infinitive, participle or coordinated
verb; an object shared with a coordinated verb; a recipient or place the parser
hung on the object noun; a partitive object or one read as a date's complement;
the noun a relative clause describes.
"""
from __future__ import annotations

from claimgraph.extract.event.participants import ParticipantWords
from claimgraph.extract.event.partitives import hung_on_date, partitive_object, shares_object
from claimgraph.extract.event.syntax import any_subject, children, is_participle_modifier, prepositional_phrases, subject_of
from claimgraph.extract.event.triggers import Trigger

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
                current = current.head
                if lex.verbs.get(current.lemma_.lower()) == "ACCUSE":
                    # "accuser X de fournir": the one who supplies is X, not the accuser
                    for obj in children(current, lex.dep("object")):
                        put(slots.get("subject"), obj)
                    break
                if current.pos_ in ("VERB", "AUX"):
                    subject = subject_of(current, lex)
                    if subject is not None:
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
