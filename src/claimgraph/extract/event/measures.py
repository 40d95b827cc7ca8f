"""The target of a measure noun named as the subject of the word that governs it.

"The trading house is subject to sanctions", "faces new sanctions", « feront l'objet d'une
interdiction de séjour et d'un gel de leurs comptes », « placé sous sanction »: the noun's own
phrase names no target; the subject of `target_governors` (events.yaml) does.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from spacy.tokens import Token

from claimgraph.extract.event.syntax import NOMINAL_POS, any_subject

if TYPE_CHECKING:
    from claimgraph.extract.event.participants import ParticipantWords


def subjected_target(noun: Token, role: Optional[str], words: "ParticipantWords",
                     put: Callable[[Optional[str], Token], None]) -> None:
    """Fill `role` (a measure's target) with the subject of the word governing `noun`, when that word is
    one of the language's target governors; a later conjunct measure reads the first one's governor."""
    lex = words.lexicon
    if role != "target" or not lex.target_governors:
        return
    while noun.dep_ in lex.dep("conj") and noun.head.pos_ in NOMINAL_POS:
        noun = noun.head  # « à une interdiction de visa et à un gel »
    governor = noun.head.head if noun.dep_ in lex.dep("pobj") else noun.head
    if governor.i == noun.i or governor.lemma_.lower() not in lex.target_governors:
        return
    subject = any_subject(governor, lex)
    if subject is None and governor.dep_ == "acomp":
        subject = any_subject(governor.head, lex)  # "is subject to": the adjective's copula
    if subject is not None and words._referential(subject):
        relative = words._is_relative(subject) and governor.dep_ in lex.dep("relative")
        put(role, governor.head if relative else subject)
