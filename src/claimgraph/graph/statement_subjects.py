"""Who a statement tells of, when its subject is an unnamed group ("the protesters were unarmed": `grp:*:protester`):
an act's key is said of that subject, so "the marchers were unarmed" is no answer to "he was armed" (graph/scoring.py).
Split from graph/propositions.py (2026-12-08)."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from claimgraph.graph.keys import unnamed_group, words
from claimgraph.graph.proposition_match import shared_keys
from claimgraph.graph.propositions import is_count, subject_words

# How many words a statement's subject may run to before its verb ("the hooded youths were ..."), and how far its verb
# may stand after a place or time that follows it ("the marchers at the gate were ...").
SUBJECT_WORDS, VERB_REACH = 3, 8


@lru_cache(maxsize=16_384)
def subject_group(text: Optional[str]) -> Optional[str]:
    """The unnamed group a statement tells of when its subject names one ("the protesters were unarmed", "the
    officers at the door had no guns": `grp:*:protester`, `grp:*:police`), else None. An act is its subject's:
    "the marchers were unarmed" is no answer to "he was armed" (graph/scoring.py `within_story`). The group is the
    subject's head, followed by its verb or by a place ("police allegations that ...", "shot by cops" are not)."""
    ends, speech, links = subject_words()
    tokens = words(text or "")[:VERB_REACH]
    for k in range(1, min(SUBJECT_WORDS, len(tokens) - 1) + 1):
        head = unnamed_group(tokens[k - 1]) or (unnamed_group(" ".join(tokens[k - 2:k])) if k > 1 else None)
        group = unnamed_group(" ".join(tokens[:k])) if head else None
        if group is None:
            continue
        after = tokens[k:]
        verb = next((t for t in after if t in ends or t in speech), None)
        if after[0] in ends or (after[0] in links and verb is not None and verb not in speech):
            return group[0]
        return None
    return None


def other_subject(keys: frozenset[str], subject: Optional[str], claim_keys: frozenset[str], claim_text: Optional[str]) -> bool:
    """Whether a statement and a claim share only acts, told of two subjects: "the marchers were unarmed" is no
    answer to "he was armed", whatever the cosine (graph/scoring.py)."""
    shared = shared_keys(keys, claim_keys)
    return bool(shared) and not any(is_count(k) for k in shared) and subject != subject_group(claim_text)
