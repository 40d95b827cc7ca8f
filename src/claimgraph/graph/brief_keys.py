"""Which of the keys a question's words found does it name: not those only a common word finds.

The graph learns names from the articles, common words included: where one story calls the Sudanese
state "the government" or "the army", the name "government" leads to it. A question that writes
"Is the Chinese government involved?" names China's state, not Sudan's: a key the question reaches
only through lowercase words (no capital, no country or nationality among them) is no name of it.
A question written all in lowercase keeps every key (its writer capitalised nothing).
"""
from __future__ import annotations

import re

from sqlalchemy import Connection, select

from claimgraph.graph.keys import country_code, fold, nationality, words
from claimgraph.store import tables as t

# The same tokens as graph.keys.words, before folding (so that a token's capital can be read).
_TOKEN = re.compile(r"[\w\-\.]+", re.UNICODE)
LONGEST = 5


def common_word_keys(connection: Connection, question: str, keys: set[str]) -> set[str]:
    """The keys of `keys` (not countries) that only lowercase common words of `question` lead to."""
    if question == question.lower():
        return set()
    raw = _TOKEN.findall(question)
    folded = [fold(token) for token in raw]
    if folded != words(question):
        return set()  # tokens do not line up: leave the keys as they are
    capital: dict[str, bool] = {}
    for n in range(1, LONGEST + 1):
        for i in range(len(raw) - n + 1):
            gram = " ".join(folded[i:i + n])
            named = any(token[:1].isupper() for token in raw[i:i + n]) or any(
                country_code(w) or nationality(w) for w in folded[i:i + n])
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


__all__ = ["common_word_keys"]
