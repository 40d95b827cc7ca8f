"""Our YAML data files, read so that a word stays a word.

YAML 1.1 (PyYAML's default) reads `no`, `on`, `yes`, `off`, `y`, `n` in any case as booleans:
English "no" in a negation list, French « on » in a pronoun list or Norway's code `NO` in a
table of demonyms silently became True or False. Our files are word lists, so only `true` and
`false` are booleans here (YAML 1.2's core schema does the same); everything else is a string.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

_BOOL_TAG = "tag:yaml.org,2002:bool"


class WordLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` with booleans spelled `true` / `false` only."""


WordLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_words_yaml(text: str) -> Any:
    """The YAML document `text`, with no word read as a boolean."""
    return yaml.load(text, Loader=WordLoader)  # noqa: S506 (a SafeLoader subclass)


def load_yaml_file(path: Path) -> Any:
    """The YAML file at `path` (UTF-8), with no word read as a boolean."""
    return load_words_yaml(path.read_text(encoding="utf-8"))
