"""Territories by one-word name or code, as rigour knows them, without rigour's start-up cost.

The entity stage asks rigour whether a word names a territory ("Slovakia", "Glasgow") and
which country a nationality word names. rigour's `lookup_territory` builds a table of every
normalised territory name on first use: about 2 s of CPU in each process that extracts
entities, more than the entity stage spends on a whole article set. The words we ask about
are single tokens, so `resolve/data/territory_words.json.gz` holds only what they can reach:
rigour's identifiers (codes, QIDs) and its space-free normalised names, each with its
territory's code, and per code the territory's name, whether it is a country and its full name
(the graph's keys read countries' names by code: `country_names`). The file is
made from the installed rigour by `scripts/territory_table.py`; when rigour's version differs
from the one recorded in it, or a word normalises to several words, rigour answers itself.
Either way the answer is rigour's.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Optional

TABLE = Path(__file__).resolve().parent / "data" / "territory_words.json.gz"


@dataclass(frozen=True, slots=True)
class Territory:
    """What the entity stage reads of a rigour territory."""

    code: str
    name: str
    is_country: bool


def lookup_territory(word: str) -> Optional[Territory]:
    """rigour's `lookup_territory(word)`: by identifier, then by normalised name; None when unknown.

    word (str): a name or code, normally one word ("Slovakia", "Glasgow", "French").
    RETURNS (Optional[Territory]): the territory's code, name and whether it is a country.
    """
    table = _table()
    if table is not None:
        from rigour.territories.util import clean_code, normalize_territory_name

        code = table["ids"].get(clean_code(word))
        key = normalize_territory_name(word) if code is None else ""
        if " " not in key:  # the table holds every identifier and every one-word name
            code = code or table["names"].get(key)
            return _territory(code, table) if code is not None else None
    from rigour.territories import lookup_territory as rigour_lookup

    return _from_rigour(rigour_lookup(word))


def get_territory(code: str) -> Optional[Territory]:
    """rigour's `get_territory(code)` (a lowercase code such as "fr", "gb-sct"), or None."""
    table = _table()
    if table is not None:
        from rigour.territories.util import clean_code

        code = clean_code(code)
        return _territory(code, table) if code in table["territories"] else None
    from rigour.territories import get_territory as rigour_get

    return _from_rigour(rigour_get(code))


def build_table() -> dict[str, Any]:
    """The table for the installed rigour (scripts/territory_table.py writes it)."""
    from rigour.territories.lookup import _get_identifier_map, _get_territory_names
    from rigour.territories.territory import get_index

    names = {key: t.code for key, t in _get_territory_names().items() if " " not in key}
    ids = {key: t.code for key, t in _get_identifier_map().items()}
    territories = {t.code: [t.name, bool(t.is_country), t.full_name] for t in get_index().values()}
    return {"rigour": _rigour_version(), "ids": ids, "names": names, "territories": territories}


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, ...]]:
    """Every country's English names by its upper-case ISO code, rigour's: its name, then its full name when
    that differs ("SS" -> ("South Sudan", "Republic of South Sudan")). For the graph's keys, which ask by code."""
    table = _table()
    if table is not None:
        entries = [(code, entry[0], entry[1], entry[2]) for code, entry in table["territories"].items()]
    else:
        from rigour.territories import get_territories

        entries = [(t.code, t.name, bool(t.is_country), t.full_name) for t in get_territories()]
    return {code.upper(): tuple(dict.fromkeys(n for n in (name, full) if n))
            for code, name, is_country, full in entries if is_country and len(code) == 2 and name}


def _territory(code: str, table: dict[str, Any]) -> Territory:
    name, is_country = table["territories"][code][:2]
    return Territory(code=code, name=name, is_country=is_country)


def _from_rigour(territory: Any) -> Optional[Territory]:
    if territory is None:
        return None
    return Territory(code=territory.code, name=territory.name, is_country=bool(territory.is_country))


@lru_cache(maxsize=1)
def _table() -> Optional[dict[str, Any]]:
    """The committed table when it was made from the installed rigour, else None."""
    try:
        with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
            table = json.load(handle)
    except (OSError, ValueError):
        return None
    return table if table.get("rigour") == _rigour_version() else None


def _rigour_version() -> str:
    try:
        return metadata.version("rigour")
    except metadata.PackageNotFoundError:
        return "absent"


__all__ = ["Territory", "build_table", "country_names", "get_territory", "lookup_territory"]
