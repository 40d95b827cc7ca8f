"""How the graph names a country and its government in English ("SD" -> "Sudan"; "GB" -> "Government of the United
Kingdom"), so that a state voice and the entity naming the same state read alike. Split out of graph/keys.py."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from claimgraph.resolve.gazetteer import default_gazetteer
from claimgraph.resolve.territories import country_names, get_territory


def country_name(code: str) -> Optional[str]:
    """A country's English name: the nationalities table's, else rigour's ("SD" -> "Sudan", not "SD")."""
    from claimgraph.graph.keys import keys_data  # keys imports this module: read its table lazily

    entry = keys_data()["nationalities"].get(code)
    names = country_names().get(code.upper()) if entry is None else None
    return str(entry["country"]) if entry else (names[0] if names else None)


# Country names read with "the" ("the United Kingdom", "the Netherlands", "the Czech Republic"):
# unions, republics and plural names, less the singular names that end in -s.
_WITH_ARTICLE = re.compile(r"^(?:united|republic|democratic|central african) |(?:s|republic|union)$", re.IGNORECASE)
_WITHOUT_ARTICLE = {"belarus", "cyprus", "mauritius", "laos", "honduras", "belize", "barbados", "saint kitts and nevis"}


@lru_cache(maxsize=None)
def state_name(code: str) -> str:
    """The canonical name of a country's government, as the gazetteer writes it ("Government of
    China", "Government of the United Kingdom"); built the same way for countries it has no
    government entry for, so a state voice and the entity name one actor alike.
    """
    entry = default_gazetteer().institution("government", code)
    if entry is not None:
        return entry.name
    country_entry = default_gazetteer().countries().get(code)
    country = country_name(code) or (country_entry.name if country_entry else None) or territory_name(code) or code
    return f"Government of {with_article(country)}"


def territory_name(code: str) -> Optional[str]:
    """A territory's English name by its ISO code, rigour's (through resolve.territories): "SD" -> "Sudan"."""
    territory = get_territory(code.lower())
    return territory.name if territory is not None else None


def with_article(country: str) -> str:
    """ "United States" -> "the United States"; "China", "Belarus" -> unchanged."""
    plain = country.lower()
    if plain.startswith("the ") or plain in _WITHOUT_ARTICLE or not _WITH_ARTICLE.search(plain):
        return country
    return f"the {country}"
