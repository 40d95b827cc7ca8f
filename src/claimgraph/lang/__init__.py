"""Language support, keyed by language code.

Each language is a folder `claimgraph/lang/<code>/` holding an `__init__.py`
that registers it (its spaCy package name) and data files (`*.yaml`: cue
verbs, hedges, event triggers...) that a linguist can edit without touching
code. Adding a language means adding a folder.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from claimgraph.errors import ConfigError
from claimgraph.yaml_words import load_yaml_file

LANG_DIR = Path(__file__).parent


@dataclass(frozen=True)
class LanguageSpec:
    """What claimgraph needs to know to analyse one language."""

    code: str
    spacy_package: Optional[str]
    lingua_name: str
    data_dir: Path = field(default=LANG_DIR)


_REGISTRY: dict[str, LanguageSpec] = {}


def register_language(spec: LanguageSpec) -> LanguageSpec:
    _REGISTRY[spec.code] = spec
    return spec


def get_language(code: str) -> Optional[LanguageSpec]:
    """Return the registered spec for `code`, importing `claimgraph.lang.<code>` on first use."""
    if code not in _REGISTRY and (LANG_DIR / code / "__init__.py").exists():
        importlib.import_module(f"claimgraph.lang.{code}")
    return _REGISTRY.get(code)


def available_languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if (p / "__init__.py").exists())


@lru_cache(maxsize=None)
def _load_yaml(path: Path) -> Any:
    data = load_yaml_file(path) or {}
    _reject_boolean_words(data, path)
    return data


def _reject_boolean_words(node: Any, path: Path) -> None:
    """A boolean in a word list or as a key is a mistake: the loader reads `no`, `on`, `yes` and `off` as
    words (claimgraph.yaml_words), so only a bare `true` / `false` gets here, and it is no word either."""
    items = list(node) if isinstance(node, (list, dict)) else []
    for item in items:
        if isinstance(item, bool):
            raise ConfigError(f"{path}: a word read as the boolean {item} (quote it: \"no\", \"on\")",
                              {"path": str(path)})
    for child in (node.values() if isinstance(node, dict) else node if isinstance(node, list) else []):
        _reject_boolean_words(child, path)


def word_set(values: Any) -> frozenset[str]:
    """A word list of a data file, lowercased (None or missing: empty)."""
    return frozenset(str(value).lower() for value in values or ())


class LanguageRules:
    """The data files of one language, loaded lazily by name (`rules.data("cues")`)."""

    def __init__(self, spec: LanguageSpec) -> None:
        self.spec = spec
        self.code = spec.code

    def data(self, name: str) -> Any:
        path = self.spec.data_dir / f"{name}.yaml"
        if not path.exists():
            raise ConfigError(f"language {self.code!r} has no data file {name}.yaml",
                              {"path": str(path), "available": sorted(p.stem for p in self.spec.data_dir.glob("*.yaml"))})
        return _load_yaml(path)

    def has(self, name: str) -> bool:
        return (self.spec.data_dir / f"{name}.yaml").exists()


@lru_cache(maxsize=None)
def get_rules(code: str) -> LanguageRules:
    spec = get_language(code)
    if spec is None:
        raise ConfigError(f"no language support for {code!r}", {"available": available_languages()})
    return LanguageRules(spec)
