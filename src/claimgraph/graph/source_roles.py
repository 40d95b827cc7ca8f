"""Words that tell what kind of source speaks: an institution's official act, someone who speaks for a state, a
commentator who comments on a story rather than brings it (split from graph/keys.py, which keys actors)."""
from __future__ import annotations

import re

from claimgraph.graph.keys import fold, keys_data, words

_OF = re.compile(r"\b(?:of|by|from|in|at|adopted|issued|published|de|du|des|d|par|adopte|adoptee|adoptes|publie|publiee)\b")


def is_official_act(text: str) -> bool:
    """True for a document named by an act an institution issues ("the legal texts adopted by
    foreign ministers", "The summit declaration", "le texte de la décision"), judged on the words
    before any "of"/"by"/"de"/"adopted" (`official_acts` in unnamed.yaml); not "company documents"."""
    head = _OF.split(" ".join(words(text)))[0]
    acts = {fold(a) for forms in keys_data().get("official_acts", {}).values() for a in forms}
    return any(token in acts for token in head.split())


def is_state_role(text: str) -> bool:
    """True when `text` holds a word for someone who speaks for a state ("foreign ministry
    spokesperson", "porte-parole du ministère", "ambassador")."""
    folded = f" {' '.join(words(text))} "
    return any(f" {fold(role)} " in folded for role in keys_data()["state_roles"])


# People who comment on a story rather than bring it ("des analystes se demandent", "experts
# believe"): an article asks them itself, so their words are never a source's it cites.
COMMENTATORS = {"analyst", "analysts", "analyste", "analystes", "expert", "experts", "observer", "observers",
                "observateur", "observateurs", "researcher", "researchers", "chercheur", "chercheurs",
                "commentator", "commentators", "commentateur", "commentateurs", "scholar", "scholars",
                "specialist", "specialists", "specialiste", "specialistes"}


def is_commentator(text: str) -> bool:
    """True when a source's words name a commentator ("Des analystes", "Several analysts", "un chercheur")."""
    return any(word in COMMENTATORS for word in words(text))
