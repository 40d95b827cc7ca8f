"""The gazetteer: known entities, their canonical names and their surface forms per language.

The built-in list is `resolve/data/gazetteer.yaml`. Users add their own lists,
which extend it (same `key` = replace the built-in entry), in any of three forms:

* YAML of the same shape: `{version: 1, entries: [{key, name, type, aliases: {en: [...], fr: [...]}, ...}]}`;
* CSV with a header row: `key,name,type,country,wikidata,aliases,aliases_en,aliases_fr,short,...`
  (several values in one cell are separated by `|`; `aliases` = every language);
* FollowTheMoney entities, one JSON object per line (`.json`, `.jsonl`, `.ftm`):
  Person -> PERSON, Organization/Company/PublicBody/LegalEntity -> ORG,
  Territory -> GPE, Vehicle/Vessel/Airplane -> PRODUCT, Event -> EVENT;
  `name` and `alias` are aliases, `weakAlias` short forms.

Set `CLAIMGRAPH_GAZETTEER` to one or more such files (separated by the
platform's path separator, `:` on Unix) and every pipeline loads them.
docs/gazetteer.md explains how to write entries.
"""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

import yaml

from claimgraph.errors import ConfigError
from claimgraph.model.records import ENTITY_TYPES
from claimgraph.resolve.match import match_key, skeleton

BUILTIN_PATH = Path(__file__).parent / "data" / "gazetteer.yaml"
ENV_VAR = "CLAIMGRAPH_GAZETTEER"
# "official": a person who speaks for their own state (head of state, minister, spokesperson) in 2024.
ROLES = ("country", "capital", "government", "institution", "official")
ANY_LANG = "any"
# Shorter keys are too ambiguous to match by transliteration skeleton ("UE" vs "EU").
MIN_SKELETON_KEY = 5
_FIELDS = ("key", "name", "type", "aliases", "short", "country", "wikidata", "role", "actor", "institution")
_FTM_TYPES = {"Person": "PERSON", "Organization": "ORG", "Company": "ORG", "PublicBody": "ORG",
              "LegalEntity": "ORG", "Territory": "GPE", "Vehicle": "PRODUCT", "Vessel": "PRODUCT",
              "Airplane": "PRODUCT", "Event": "EVENT"}

Forms = dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known entity: canonical name, type and the ways articles write it."""

    key: str
    name: str
    type: str
    aliases: Forms = field(default_factory=dict)
    short: Forms = field(default_factory=dict)
    country: Optional[str] = None
    wikidata: Optional[str] = None
    role: Optional[str] = None
    actor: Optional[str] = None
    institution: Optional[str] = None

    def forms(self, lang: Optional[str] = None, short: bool = False) -> list[str]:
        """Surface forms: the name and aliases (or the short forms), `lang`'s first.

        lang (Optional[str]): a language code; None = every language.
        short (bool): return the short forms instead of the full ones.
        RETURNS (list[str]): distinct forms in a stable order.
        """
        table = self.short if short else self.aliases
        langs = [lang, ANY_LANG] if lang else []
        langs += sorted(code for code in table if code not in langs)
        out: list[str] = [] if short else [self.name]
        for code in langs:
            out.extend(table.get(code, ()))
        return list(dict.fromkeys(out))


class Gazetteer:
    """A set of entries with lookups by key and by normalised name."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.by_key: dict[str, GazetteerEntry] = {}
        for entry in entries:
            self.by_key[entry.key] = entry
        self.entries: tuple[GazetteerEntry, ...] = tuple(self.by_key.values())
        self._by_name: dict[str, list[GazetteerEntry]] = {}
        self._by_skeleton: dict[str, list[GazetteerEntry]] = {}
        for entry in self.entries:
            for form in entry.forms():
                key = match_key(form, entry.type)
                if key:
                    _append_once(self._by_name.setdefault(key, []), entry)
                    _append_once(self._by_skeleton.setdefault(skeleton(key), []), entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries)

    def get(self, key: str) -> Optional[GazetteerEntry]:
        return self.by_key.get(key)

    def lookup(self, name: str, type: Optional[str] = None, lang: Optional[str] = None) -> Optional[GazetteerEntry]:
        """The entry a full name (not a short form) refers to, or None.

        name (str): a name as written.
        type (Optional[str]): preferred contract type when several entries share the name.
        lang (Optional[str]): the language of the name, to prefer that language's aliases.
        RETURNS (Optional[GazetteerEntry]): the best entry.
        """
        key = match_key(name, type)
        found = self._by_name.get(key)
        if not found and len(key) >= MIN_SKELETON_KEY:
            found = self._by_skeleton.get(skeleton(key))
        if not found:
            return None
        return sorted(found, key=lambda e: (e.type != type, lang not in e.aliases if lang else False))[0]

    def countries(self) -> dict[str, GazetteerEntry]:
        """Country entries by ISO code."""
        return {e.country: e for e in self.entries if e.role == "country" and e.country}

    def by_institution(self) -> list[GazetteerEntry]:
        """Entries that receive institution phrases (governments, ministries) for their country."""
        return [e for e in self.entries if e.institution and e.country]

    def institution(self, kind: str, country: str) -> Optional[GazetteerEntry]:
        """The entry of institution `kind` ("foreign_ministry") of `country` (ISO code), if any."""
        return next((e for e in self.entries if e.institution == kind and e.country == country), None)

    def extended(self, others: Iterable[GazetteerEntry]) -> "Gazetteer":
        """A new gazetteer with `others` added; an entry with an existing key replaces it."""
        return Gazetteer([*self.entries, *others])


def institution_phrases(gazetteer: Gazetteer, lang: str, lang_data: dict[str, Any]) -> list[tuple[str, GazetteerEntry]]:
    """Institution phrases of one language for the gazetteer's governments and ministries.

    Each template of `lang_data["institutions"][kind]` (lang/<code>/entities.yaml) is
    expanded for every entry with `institution: kind`: `{adj}` by the nationality
    adjectives of its country, `{country}` by the country's names in `lang`,
    `{of_country}` by the `of_country` forms ("le gouvernement chinois",
    "ministère de la Défense de la Russie", "China's foreign ministry").

    gazetteer (Gazetteer): the entries.
    lang (str): the language code.
    lang_data (dict[str, Any]): the language's entities.yaml.
    RETURNS (list[tuple[str, GazetteerEntry]]): (phrase, entry) pairs.
    """
    templates: dict[str, list[str]] = lang_data.get("institutions") or {}
    adjectives: dict[str, list[str]] = lang_data.get("nationalities") or {}
    of_forms: list[str] = lang_data.get("of_country") or []
    countries = gazetteer.countries()
    out: list[tuple[str, GazetteerEntry]] = []
    for entry in gazetteer.by_institution():
        assert entry.country is not None
        country = countries.get(entry.country)
        names = [country.name, *country.aliases.get(lang, ()), *country.aliases.get(ANY_LANG, ())] if country else []
        names = list(dict.fromkeys(names))
        for template in templates.get(entry.institution or "", []):
            phrases = [template]
            if "{of_country}" in template:
                phrases = [p.replace("{of_country}", form) for p in phrases for form in of_forms]
            if "{country}" in template or any("{country}" in p for p in phrases):
                phrases = [p.replace("{country}", name) for p in phrases for name in names]
            if "{adj}" in template:
                phrases = [p.replace("{adj}", adj) for p in phrases for adj in adjectives.get(entry.country, [])]
            out.extend((" ".join(p.split()), entry) for p in phrases)
    return out


def bare_institution_phrases(lang_data: dict[str, Any]) -> list[tuple[str, str]]:
    """Institution phrases without their nationality ("foreign ministry", "ministère de la Défense").

    Taken from the `{adj}` templates of entities.yaml; one-word leftovers
    ("gouvernement", "authorities") are too vague and are left out.

    lang_data (dict[str, Any]): the language's entities.yaml.
    RETURNS (list[tuple[str, str]]): (phrase, institution kind) pairs.
    """
    out: list[tuple[str, str]] = []
    for kind, templates in (lang_data.get("institutions") or {}).items():
        for template in templates:
            if "{adj}" not in template or "country}" in template:
                continue
            phrase = " ".join(template.replace("{adj}", " ").split())
            if len(phrase.split()) >= 2 and (phrase, kind) not in out:
                out.append((phrase, kind))
    return out


def _append_once(items: list[GazetteerEntry], entry: GazetteerEntry) -> None:
    if entry not in items:
        items.append(entry)


def _forms(value: Any, where: str) -> Forms:
    if value is None:
        return {}
    if isinstance(value, (list, tuple)):
        value = {ANY_LANG: value}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping language -> list of names", {"value": repr(value)})
    out: Forms = {}
    for lang, names in value.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ConfigError(f"{where}[{lang!r}]: expected a list of non-empty strings", {"value": repr(names)})
        out[str(lang)] = tuple(n.strip() for n in names)
    return out


def parse_entry(data: Any, index: int, origin: str = "<gazetteer>") -> GazetteerEntry:
    """Validate one raw entry (a mapping) and make it a `GazetteerEntry`.

    data (Any): the raw entry.
    index (int): its position in the list, for the error message.
    origin (str): file name, for the error message.
    RETURNS (GazetteerEntry): the entry.
    RAISES ConfigError: with the entry's index and the field at fault.
    """
    where = f"{origin}: entry {index}"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping, got {type(data).__name__}")
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {unknown}", {"allowed": list(_FIELDS)})
    for required in ("key", "name", "type"):
        if not isinstance(data.get(required), str) or not data[required].strip():
            raise ConfigError(f"{where}: field {required!r} must be a non-empty string", {"entry": data.get("key")})
    where = f"{where} ({data['key']!r})"
    if data["type"] not in ENTITY_TYPES:
        raise ConfigError(f"{where}: type {data['type']!r} is not one of {list(ENTITY_TYPES)}")
    if data.get("role") is not None and data["role"] not in ROLES:
        raise ConfigError(f"{where}: role {data['role']!r} is not one of {list(ROLES)}")
    country = data.get("country")
    if country is not None and (not isinstance(country, str) or len(country) != 2 or not country.isalpha()):
        raise ConfigError(f"{where}: country {country!r} is not an ISO 3166 alpha-2 code")
    qid = data.get("wikidata")
    if qid is not None and (not isinstance(qid, str) or not qid.startswith("Q") or not qid[1:].isdigit()):
        raise ConfigError(f"{where}: wikidata {qid!r} is not a QID such as 'Q7184'")
    return GazetteerEntry(key=data["key"].strip(), name=data["name"].strip(), type=data["type"],
                          aliases=_forms(data.get("aliases"), f"{where}.aliases"),
                          short=_forms(data.get("short"), f"{where}.short"),
                          country=country.upper() if country else None, wikidata=qid, role=data.get("role"),
                          actor=data.get("actor"), institution=data.get("institution"))


def check_references(entries: list[GazetteerEntry], origin: str) -> None:
    """Fail on duplicate keys and on `actor` keys that name no entry."""
    keys: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.key in keys:
            raise ConfigError(f"{origin}: entry {index} repeats key {entry.key!r} (first at entry {keys[entry.key]})")
        keys[entry.key] = index
    for index, entry in enumerate(entries):
        if entry.actor and entry.actor not in keys:
            raise ConfigError(f"{origin}: entry {index} ({entry.key!r}): actor {entry.actor!r} is not a key of this file")


def load_yaml_entries(path: Union[str, Path]) -> list[GazetteerEntry]:
    """Entries of a gazetteer YAML file (`{entries: [...]}` or a bare list)."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle) or {}
    items = raw.get("entries", []) if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise ConfigError(f"{path}: expected a list under 'entries'")
    return [parse_entry(item, index, path.name) for index, item in enumerate(items)]


def load_csv_entries(path: Union[str, Path]) -> list[GazetteerEntry]:
    """Entries of a CSV file: one row each; `aliases_<lang>`/`short_<lang>` columns, `|` between values."""
    path = Path(path)
    entries = []
    with path.open(encoding="utf-8", newline="") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            data: dict[str, Any] = {}
            for column, cell in row.items():
                cell = (cell or "").strip()
                if not column or not cell:
                    continue
                column = column.strip()
                base, _, lang = column.partition("_")
                if base in ("aliases", "short"):
                    data.setdefault(base, {})[lang or ANY_LANG] = [v.strip() for v in cell.split("|") if v.strip()]
                else:
                    data[column] = cell
            entries.append(parse_entry(data, index, path.name))
    return entries


def load_ftm_entries(path: Union[str, Path]) -> list[GazetteerEntry]:
    """Entries from a FollowTheMoney entity file (JSON lines); other schemata are skipped."""
    from followthemoney import model

    path = Path(path)
    entries = []
    with path.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if not line.strip():
                continue
            try:
                proxy = model.get_proxy(json.loads(line))
            except Exception as exc:  # FtM raises several kinds on bad input
                raise ConfigError(f"{path.name}: line {index + 1} is not a FollowTheMoney entity: {exc}") from exc
            etype = next((t for s, t in _FTM_TYPES.items() if proxy.schema.is_a(s)), None)
            names = proxy.get("name", quiet=True)
            if etype is None or not names:
                continue
            countries = proxy.get("country", quiet=True) or proxy.get("jurisdiction", quiet=True)
            qids = proxy.get("wikidataId", quiet=True)
            weak = proxy.get("weakAlias", quiet=True)
            data = {"key": f"ftm:{proxy.id}", "name": proxy.caption or names[0], "type": etype,
                    "aliases": {ANY_LANG: [*names, *proxy.get("alias", quiet=True)]},
                    "short": {ANY_LANG: weak} if weak else None,
                    "country": countries[0] if countries and len(countries[0]) == 2 else None,
                    "wikidata": qids[0] if qids else None}
            entries.append(parse_entry(data, index, path.name))
    return entries


def load_entries(path: Union[str, Path]) -> list[GazetteerEntry]:
    """Entries of a user list, by file suffix: .yaml/.yml, .csv, or FtM .json/.jsonl/.ftm."""
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"gazetteer file not found: {path}")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        entries = load_yaml_entries(path)
    elif suffix == ".csv":
        entries = load_csv_entries(path)
    elif suffix in (".json", ".jsonl", ".ftm", ".ijson"):
        entries = load_ftm_entries(path)
    else:
        raise ConfigError(f"unknown gazetteer format {suffix!r}: {path}", {"formats": [".yaml", ".csv", ".jsonl (FtM)"]})
    return entries


def load_gazetteer(*extra: Union[str, Path], builtin: bool = True) -> Gazetteer:
    """The built-in gazetteer (unless `builtin=False`) extended with user lists.

    extra (Union[str, Path]): user files, in order; later entries replace earlier ones of the same key.
    builtin (bool): start from resolve/data/gazetteer.yaml.
    RETURNS (Gazetteer): the merged gazetteer.
    """
    entries: list[GazetteerEntry] = []
    if builtin:
        entries = load_yaml_entries(BUILTIN_PATH)
        check_references(entries, BUILTIN_PATH.name)
    for path in extra:
        entries.extend(load_entries(path))
    return Gazetteer(entries)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The built-in gazetteer plus the files named in `CLAIMGRAPH_GAZETTEER` (loaded once)."""
    extra = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    return load_gazetteer(*extra)


__all__ = ["BUILTIN_PATH", "Gazetteer", "GazetteerEntry", "bare_institution_phrases", "default_gazetteer", "institution_phrases", "load_entries", "load_gazetteer",
           "parse_entry"]
