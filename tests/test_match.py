"""Cross-article name matching: keys, spelling-variant similarity, gazetteer resolution."""
from __future__ import annotations

import pytest

from claimgraph.resolve.match import MATCHER_VERSION, match_key, resolve_name, similarity


def test_version_is_named() -> None:
    assert MATCHER_VERSION.startswith("match.v")


@pytest.mark.parametrize("a,b", [
    ("Almaz-Antey", "ALMAZ ANTEY"),
    ("Xiamen Limbach Aircraft Engine Co., Ltd.", "Xiamen Limbach Aircraft Engine"),
    ("The Times", "Times"),
    ("Sergueï Lavrov", "Serguei Lavrov"),
    ("China's", "China"),
])
def test_same_key(a: str, b: str) -> None:
    assert match_key(a, "ORG") == match_key(b, "ORG")


def test_cyrillic_is_transliterated() -> None:
    assert match_key("Алмаз-Антей") == "almaz antei"
    assert match_key("Москва").isascii()


def test_different_names_keep_different_keys() -> None:
    assert match_key("Garpiya-3") != match_key("Garpiya-2")
    assert match_key("Lin Jian", "PERSON") != match_key("Li Jian", "PERSON")


@pytest.mark.parametrize("a,b", [
    ("Garpiya-3", "Harpiya-3"), ("Garpiya-3", "Гарпия-3"), ("Zelensky", "Zelenskyy"), ("Kyiv", "Kiev"),
    ("Shoigu", "Choïgou"),
])
def test_spelling_variants_are_similar(a: str, b: str) -> None:
    assert similarity(a, b) >= 0.8
    assert similarity(a, b) == similarity(b, a)


@pytest.mark.parametrize("a,b", [
    ("Garpiya-3", "Garpiya-2"), ("G7", "G20"), ("Lin Jian", "Mao Ning"), ("Reuters", "Rostec"),
])
def test_other_things_are_not(a: str, b: str) -> None:
    assert similarity(a, b) < 0.7


def test_equal_and_empty() -> None:
    assert similarity("NATO", "nato") == 1.0
    assert similarity("", "NATO") == 0.0


def test_resolve_name_uses_the_gazetteer() -> None:
    assert resolve_name("OTAN", "ORG", "fr") == ("NATO", "Q7184")
    assert resolve_name("Harpiya-3", "PRODUCT", "en")[0] == "Garpiya-3"
    assert resolve_name("Corée du Nord", "GPE", "fr")[0] == "North Korea"
    assert resolve_name("Zorglub Industries", "ORG", "en") == ("Zorglub Industries", None)
