"""Language data files: every one loads, and YAML's boolean words are refused."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import ConfigError
from claimgraph.lang import _load_yaml

LANG_DIR = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "lang"


@pytest.mark.parametrize("path", sorted(LANG_DIR.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_language_file_loads(path: Path) -> None:
    assert isinstance(_load_yaml(path), dict)


@pytest.mark.parametrize(("text", "expected"), [
    ("particles: [not, no, never]\n", {"particles": ["not", "no", "never"]}),
    ("roles: {on: target}\n", {"roles": {"on": "target"}}),
    ("pronouns: [on, On, YES, off]\n", {"pronouns": ["on", "On", "YES", "off"]}),
    ("demonyms: {norwegian: NO}\n", {"demonyms": {"norwegian": "NO"}}),
    ("flags: {case_sensitive: false, head_first: true}\n", {"flags": {"case_sensitive": False, "head_first": True}}),
])
def test_words_yaml_reads_as_booleans_stay_words(tmp_path: Path, text: str, expected: dict) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    assert _load_yaml(path) == expected


@pytest.mark.parametrize("text", ["particles: [not, true, never]\n", "roles: {false: target}\n"])
def test_a_boolean_in_a_word_list_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="quote it"):
        _load_yaml(path)


DATA_FILES = sorted((LANG_DIR.parent).glob("**/*.yaml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(LANG_DIR.parent)))
def test_no_data_file_holds_a_word_plain_yaml_reads_as_a_boolean(path: Path) -> None:
    """Every module reads its data through claimgraph.yaml_words; plain PyYAML must read the file the same,
    so that a word like `no`, `on` or `NO` is quoted and no reader can get it wrong."""
    import yaml

    from claimgraph.yaml_words import load_yaml_file

    assert yaml.safe_load(path.read_text(encoding="utf-8")) == load_yaml_file(path)
