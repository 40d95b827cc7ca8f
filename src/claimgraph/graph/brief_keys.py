"""Which of the keys a question's words found does it name: not those only a common word finds.

The graph learns names from the articles, common words included: where one story calls the Sudanese
state "the government" or "the army", the name "government" leads to it. A question that writes
"Is the Chinese government involved?" names China's state, not Sudan's: a key the question reaches
only through lowercase common words for a role or a body (`role_nouns` and `function_words` in
lang/*/brief.yaml; no capital, no country or nationality among them) is no name of it. Any other
lowercase word is a name the question spells in lowercase ("Is kupol building drones?") and keeps its key.
A question written all in lowercase keeps every key (its writer capitalised nothing).
"""
from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import Connection, select

from claimgraph.graph.firmness import brief_data
from claimgraph.graph.keys import country_code, fold, nationality, state_name, words
from claimgraph.model.claims import ClaimSummary
from claimgraph.store import tables as t

# The same tokens as graph.keys.words, before folding (so that a token's capital can be read).
_TOKEN = re.compile(r"[\w\-\.]+", re.UNICODE)
LONGEST = 5


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """The folded words (every language) that make a name a common noun: role nouns and function words."""
    return frozenset(w for data in brief_data().values() for name in ("role_nouns", "function_words")
                     for term in data.get(name) or [] for w in words(str(term)))


def common_word_keys(connection: Connection, question: str, keys: set[str]) -> set[str]:
    """The keys of `keys` (not countries) that only lowercase common words of `question` lead to (role nouns:
    "the government", not a name written in lowercase: "kupol")."""
    if question == question.lower():
        return set()
    raw = _TOKEN.findall(question)
    folded = [fold(token) for token in raw]
    if folded != words(question):
        return set()  # tokens do not line up: leave the keys as they are
    common = role_words()
    capital: dict[str, bool] = {}  # whether the gram names something (True) or is only common words (False)
    for n in range(1, LONGEST + 1):
        for i in range(len(raw) - n + 1):
            gram = " ".join(folded[i:i + n])
            named = any(token[:1].isupper() for token in raw[i:i + n]) or any(
                country_code(w) or nationality(w) or w not in common for w in folded[i:i + n])
            capital[gram] = capital.get(gram, False) or named
    wanted = sorted(k for k in keys if not k.startswith("cc:"))
    if not wanted:
        return set()
    n = t.graph_names
    reached: dict[str, bool] = {}
    for name, key in connection.execute(select(n.c.name, n.c.key).where(n.c.name.in_(sorted(capital)),
                                                                         n.c.key.in_(wanted))):
        reached[key] = reached.get(key, False) or capital.get(name, False)
    return {key for key, named in reached.items() if not named}




def one_name_per_state(claims: list[ClaimSummary], roles: dict[str, dict[str, str]]) -> None:
    """Each claim's roles held by a state key (`roles`: claim id -> role -> key) named by that state's one name (in
    place): the articles' "China" and "Government of China" are both `state:CN`, and a brief that kept both names
    headed two sections and counted two actors for one state."""
    for claim in claims:
        claim.arguments.update({role: state_name(key.split(":", 1)[1]) for role, key in roles.get(claim.id, {}).items()
                                if key.startswith("state:") and role in claim.arguments})


__all__ = ["common_word_keys", "one_name_per_state", "role_words"]
