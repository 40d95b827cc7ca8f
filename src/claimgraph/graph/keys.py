"""Canonical keys: the same actor gets the same key in every article and language.

A named argument keys on its entity's canonical name (`ent:government of china`,
names are English and shared across languages by the contract); an unnamed
group keys on nationality and kind through a small data map
(`des entreprises chinoises` and `Chinese companies` -> `grp:CN:company`);
anything else keys on its normalised words (`txt:...`).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from claimgraph.graph.participle_groups import participle_kind
# Re-exported: the graph names states and countries through keys since before state_names.py was split out.
from claimgraph.graph.state_names import country_name, state_name, territory_name, with_article  # noqa: F401
from claimgraph.resolve.territories import country_names

DATA = Path(__file__).parent / "data" / "unnamed.yaml"
# Leading words that carry no identity ("le Times" is "The Times").
DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "the", "a", "an", "some", "several",
                "plusieurs", "certaines", "certains", "deux", "two", "ces", "cette", "these", "those", "ses", "its"}
_WORD = re.compile(r"[\w\-\.]+", re.UNICODE)


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lowercase, strip accents and quotes, collapse spaces: the form keys compare (cached: a sync folds the
    same names tens of thousands of times; ASCII has no accents to strip)."""
    if text.isascii():
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = re.sub(r"[\"“”«»‘’'`]", " ", plain)
    return " ".join(plain.split())


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def name_key(name: str) -> str:
    """A name without its determiners: `le "Times" britannique` and `The Times` -> `times britannique`/`times`."""
    tokens = words(name)
    while tokens and tokens[0] in DETERMINERS:
        tokens = tokens[1:]
    return " ".join(tokens)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return dict(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def keys_data() -> dict[str, Any]:
    """The word lists that keys are made with (DATA, read once): for the graph modules that read one of them."""
    return _data()


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """Every nationality adjective (any language, folded) -> its code."""
    out: dict[str, str] = {}
    for code, entry in _data()["nationalities"].items():
        for lang, adjectives in entry.items():
            if lang != "country":
                out.update({fold(a): code for a in adjectives})
    return out


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, per_lang in _data()["kinds"].items():
        for nouns in per_lang.values():
            out.update({fold(n): kind for n in nouns})
    return out


def is_pronoun(text: str) -> bool:
    return fold(text).strip(" .,") in {fold(p) for p in _data()["pronouns"]}


def nationality(text: str) -> Optional[str]:
    """The nationality code an unnamed phrase carries ("des entreprises chinoises" -> CN), if any:
    an adjective of the table, one derived from any country's name ("South Sudanese", "Indonesian"),
    or a country named as the owner ("Sudan's government", "the government of Sudan")."""
    tokens = words(text)
    adjectives = _adjectives()
    for n in (2, 1):
        for i in range(len(tokens) - n + 1):
            code = adjectives.get(" ".join(tokens[i:i + n]))
            if code:
                return code
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            gram = " ".join(tokens[i:i + n])
            code = demonym_country(gram)
            owned = (i + n < len(tokens) and tokens[i + n] == "s") or (i > 0 and tokens[i - 1] in _OF_WORDS) \
                or _state_kind_at(tokens, i + n)  # "the Sudan Armed Forces", "Greece police": the noun's owner
            if code is None and owned:
                code = _world_countries().get(gram[len("the "):] if gram.startswith("the ") else gram)
            if code:
                return code
    return None


def _state_kind_at(tokens: list[str], i: int) -> bool:
    """Whether a body that acts for a state ("armed forces", "government", "police": STATE_KINDS) is named at `i`."""
    kinds = _kinds()
    return any(kinds.get(" ".join(tokens[i:i + n])) in STATE_KINDS for n in (3, 2, 1) if i + n <= len(tokens))


# "the government of Sudan", "le gouvernement du Soudan": the country a body belongs to.
_OF_WORDS = {"of", "du", "de", "d"}
# How an adjective of nationality is made from a country's name, as (ending of the adjective, ending of
# the name): Sudanese, Indonesian, Egyptian, Italian, German, Libyan, Mexican, Iraqi, Lebanese, Congolese.
_DEMONYM_ENDINGS = (("ese", ""), ("ese", "on"), ("ese", "o"), ("ese", "an"), ("ian", "ia"), ("ian", "y"), ("ian", ""),
                    ("ian", "i"), ("an", "a"), ("an", "y"), ("an", "o"), ("an", ""), ("n", ""), ("i", ""),
                    ("ish", "ey"))


@lru_cache(maxsize=8192)
def demonym_country(phrase: str) -> Optional[str]:
    """The country an English adjective of nationality is made from ("south sudanese" -> SS,
    "indonesian" -> ID), by its regular endings or the irregular ones of unnamed.yaml
    (`demonyms`: "greek", "french"); None for any other word."""
    irregular = _data().get("demonyms", {})
    if phrase in irregular:
        return str(irregular[phrase])
    if len(phrase) < 5:
        return None
    countries = _world_countries()
    for ending, name_ending in _DEMONYM_ENDINGS:
        if phrase.endswith(ending):
            stem = phrase[:-len(ending)] + name_ending
            if len(stem) >= 4 and stem in countries:
                return countries[stem]
    return None


# Kinds of unnamed bodies that act and speak for their state when a nationality is given.
STATE_KINDS = ("government", "force", "police")
# Kinds whose unnamed members are one actor even with no nationality ("police", "officers", "cops";
# "protesters", "rioters"): a story's police, or its crowd, are one party however the reporter words them.
KINDS_WITHOUT_NATIONALITY = ("police", "protester")
# A story's police, named ("the New York City Police Department") or not ("officers", "cops"): one party, one voice.
POLICE = "grp:*:police"


def unnamed_group(text: str) -> Optional[tuple[str, str]]:
    """`(key, readable name)` for an unnamed group with a nationality and a known kind, else None.

    A nationality's government is a named entity in the contract ("le gouvernement chinois" is `Government of
    China`), so it keys like one, and so do its forces and police ("Sudanese forces", "la police grecque"). The
    police need no nationality ("officers", "les policiers": `grp:*:police`).
    """
    code = nationality(text)
    tokens, kinds = words(text), _kinds()
    kind_at = next(((kinds[" ".join(tokens[i:i + n])], i) for n in (4, 3, 2, 1) for i in range(len(tokens) - n + 1)
                     if " ".join(tokens[i:i + n]) in kinds), None)
    doing = participle_kind(tokens, _data(), demonym_country)  # "Greeks protesting against government cuts"
    kind, at = min((k for k in (kind_at, doing) if k), key=lambda k: k[1], default=(None, 0))
    # Protesters are one party whatever they are called; the police too, but a nation's police are its state.
    if kind in KINDS_WITHOUT_NATIONALITY and (code is None or kind not in STATE_KINDS) and (len(tokens) <= 5 or at < 2):
        return f"grp:*:{kind}", f"{_plural(kind)} (unnamed)"
    if code is None:
        return None
    if kind is None:
        return None
    if kind in STATE_KINDS and is_state(code):
        # "the Sudanese government", "Greek police", "Russian troops": bodies of one state are one actor
        return f"state:{code}", state_name(code)
    if kind == "government":
        kind = "official"  # "les gouvernements occidentaux": governments no single state speaks for
    entry = _data()["nationalities"].get(code)
    if entry is None:
        return f"grp:{code}:{kind}", f"{_plural(kind).capitalize()} of {with_article(territory_name(code) or code)} (unnamed)"
    return f"grp:{code}:{kind}", f"{str(entry['en'][0]).title()} {_plural(kind)} (unnamed)"


def _plural(kind: str) -> str:
    return {"company": "companies", "police": "police"}.get(kind, kind + "s")


def entity_key(name: str, entity_type: Optional[str] = None) -> str:
    """`ent:<folded name>`; a country, its government and its diplomatic bodies are one actor, `state:<code>`.

    The contract keeps "China" (the country) and "Government of China" apart
    as entities; as the actor of a claim ("China supplies", "Beijing
    supplies", "the Chinese embassy denies") they say the same thing, and a
    denial by one answers the other.
    """
    folded = fold(name)
    if entity_type in (None, "GPE", "ORG"):
        code = country_code(folded[len("government of "):] if folded.startswith("government of ") else folded)
        if code and (entity_type != "ORG" or folded.startswith("government of ")):
            return f"state:{code}"
        if entity_type == "GPE" and (capital := capital_country(name)):
            return f"state:{capital}"  # "Khartoum denies", "Athens said": a capital as an actor is its state
        body = state_body_country(folded) if entity_type != "GPE" else None
        if body:
            return f"state:{body}"
        if entity_type == "ORG":  # a body named by its country's adjective ("US Department of State")
            group = unnamed_group(name)
            if group is not None and group[0].startswith("state:"):
                return group[0]
    return f"ent:{folded}"


@lru_cache(maxsize=8192)
def capital_country(name: str) -> Optional[str]:
    """The country a one-word place name stands for when the territory table gives that country for it (a capital:
    "Khartoum" -> SD) or `capitals` (graph/data/unnamed.yaml: "Moscow", "Kyiv") gives; None for other places."""
    from claimgraph.resolve.territories import lookup_territory

    if not name[:1].isupper():
        return None
    listed = _data()["capitals"].get(fold(name))
    if listed:
        return str(listed)
    if " " in name.strip() or len(name) < 4:
        return None
    territory = lookup_territory(name)
    return territory.code.upper() if territory is not None and territory.is_country and len(territory.code) == 2 else None


def state_body_country(name: str) -> Optional[str]:
    """The country whose state a body speaks for, from its canonical name ("Embassy of China in the
    United Kingdom", "Ministry of Foreign Affairs of China" -> CN); None for anything else."""
    folded = fold(name)
    heads = tuple(fold(h) + " " for h in _data()["state_bodies"])
    for force in _data().get("state_forces", ()):  # "Sudan Armed Forces", "armed forces of Sudan"
        force = fold(force)
        if folded.endswith(" " + force) and country_code(folded[:-len(force)].strip()):
            return country_code(folded[:-len(force)].strip())
        if folded.startswith(force + " of "):
            return country_code(folded[len(force) + 4:])
    if not folded.startswith(heads):
        return None
    tail = folded.split(" of ", 1)[1].split(" in ")[0] if " of " in folded else ""
    if tail and country_code(tail):
        return country_code(tail)
    for code, entry in _data()["nationalities"].items():
        country = fold(str(entry["country"]))
        if (f" of {country}" in folded or f" of the {country}" in folded) and code != "WEST":
            return str(code)
    return None


def is_state(code: str) -> bool:
    """False for a nationality no single state speaks for ("Western", "European": `non_states` in
    unnamed.yaml); its unnamed officials are not a government's voice."""
    return code not in set(_data().get("non_states", ()))


def bloc_of(text: str) -> Optional[str]:
    """The canonical name of the bloc a collective of its members stands for ("les alliés", "allied
    leaders" -> NATO; "member states", "les Vingt-Sept" -> European Union: `blocs` in unnamed.yaml)."""
    tokens = words(text)
    while tokens and tokens[0] in DETERMINERS:
        tokens = tokens[1:]
    phrase = " ".join(tokens)
    for bloc, members in _data().get("blocs", {}).items():
        if phrase in {fold(m) for m in members}:
            return str(bloc)
    return None


def text_key(text: str) -> str:
    return f"txt:{name_key(text)}"


def key_country(key: str) -> Optional[str]:
    """The country code a key points at, when it says one (`grp:CN:company` -> CN)."""
    if key.startswith(("grp:", "state:", "cc:")):
        return key.split(":")[1]
    return nationality(key[4:]) or _country_from_name(key[4:])


def _country_from_name(name: str) -> Optional[str]:
    folded = fold(name)
    for code, entry in _data()["nationalities"].items():
        country = fold(str(entry["country"]))
        of_country = folded.endswith((" of " + country, " of the " + country))
        if folded == country or of_country or folded.startswith(country + " "):
            return str(code)
    return None


def country_code(name: str) -> Optional[str]:
    """The code of a country named exactly ("Chine", "China", "the United States" -> CN, US), else None."""
    folded = fold(name)
    forms = {folded, folded[len("the "):] if folded.startswith("the ") else folded}
    for code, entry in _data()["nationalities"].items():
        if fold(str(entry["country"])) in forms:
            return str(code)
    return _FRENCH_COUNTRIES.get(folded) or _world_countries().get(min(forms, key=len))


@lru_cache(maxsize=1)
def _world_countries() -> dict[str, str]:
    """Every country's English names (rigour's, through resolve.territories) and French name (Babel's CLDR
    data), folded -> ISO code: "Sudan", "Republic of South Sudan", "Soudan du Sud"."""
    from babel import Locale

    out: dict[str, str] = {}
    for code, names in country_names().items():
        for name in names:
            out.setdefault(fold(name), code)
    for code, name in Locale("fr").territories.items():
        if len(code) == 2 and code.isalpha() and code.upper() in out.values():
            out.setdefault(fold(name), code.upper())
    return out


# Country names in French for the nationalities above (questions may name the country, not the adjective).
_FRENCH_COUNTRIES = {"chine": "CN", "russie": "RU", "etats-unis": "US", "iran": "IR", "coree du nord": "KP",
                     "union europeenne": "EU", "royaume-uni": "GB", "ukraine": "UA"}


def place_country(text: Optional[str]) -> Optional[str]:
    """The country a place phrase is in: "une usine chinoise", "a factory in China", "Chine" -> CN."""
    if not text:
        return None
    code = nationality(text)
    if code:
        return code
    folded = f" {' '.join(words(text))} "
    for code, entry in _data()["nationalities"].items():
        if f" {fold(str(entry['country']))} " in folded:
            return str(code)
    found = next((c for name, c in _FRENCH_COUNTRIES.items() if f" {name} " in folded), None)
    return found or _named_country(words(text))


def named_countries(text: str) -> set[str]:
    """Every country a text names, by name or adjective ("La Chine est devenue ... de la Russie" -> CN, RU)."""
    tokens, countries, adjectives = words(text), _world_countries(), _adjectives()
    found: set[str] = set()
    covered: set[int] = set()
    for n in (3, 2, 1):  # the longest name first: "South Sudanese" is not "Sudanese"
        for i in range(len(tokens) - n + 1):
            gram = " ".join(tokens[i:i + n])
            code = countries.get(gram) or adjectives.get(gram) or demonym_country(gram)
            if code and not covered & set(range(i, i + n)):
                found.add(code)
                covered |= set(range(i, i + n))
    return found


def _named_country(tokens: list[str]) -> Optional[str]:
    """Any country a place phrase names, the longest name first ("a depot in South Sudan's north" -> SS, not SD)."""
    countries = _world_countries()
    for n in (4, 3, 2, 1):
        for i in range(len(tokens) - n + 1):
            code = countries.get(" ".join(tokens[i:i + n]))
            if code:
                return code
    return None


def is_universal(text: str) -> bool:
    """True for "any party", "either side", "aucune des parties": a recipient that excludes nobody."""
    folded = " ".join(words(text))
    return any(fold(u) in folded for u in _data()["universal"])
