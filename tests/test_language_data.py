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


@pytest.mark.parametrize("text", ["particles: [not, no, never]\n", "roles: {on: target}\n", "pronouns: [on]\n"])
def test_a_bare_yaml_boolean_word_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="quote it"):
        _load_yaml(path)
