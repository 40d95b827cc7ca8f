"""The gazetteer: built-in list, validation, user lists (YAML, CSV, FollowTheMoney), institution phrases."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimgraph.errors import ConfigError
from claimgraph.lang import get_rules
from claimgraph.model.records import ENTITY_TYPES
from claimgraph.resolve.gazetteer import (
    bare_institution_phrases,
    default_gazetteer,
    institution_phrases,
    load_entries,
    load_gazetteer,
    parse_entry,
)

STORIES = Path(__file__).parent / "gold" / "STORIES.md"


def test_builtin_is_valid_and_large_enough() -> None:
    gazetteer = default_gazetteer()
    assert 50 <= len(gazetteer) <= 1000
    assert len({e.key for e in gazetteer}) == len(gazetteer)
    for entry in gazetteer:
        assert entry.type in ENTITY_TYPES
        assert entry.wikidata is None or re.fullmatch(r"Q\d+", entry.wikidata)
        if entry.actor:
            assert gazetteer.get(entry.actor) is not None, entry.key


def test_capitals_act_for_a_government_of_the_same_country() -> None:
    gazetteer = default_gazetteer()
    capitals = [e for e in gazetteer if e.role == "capital" and e.actor]
    assert len(capitals) >= 5
    for capital in capitals:
        actor = gazetteer.get(capital.actor or "")
        assert actor is not None and actor.type == "ORG"
        assert actor.country == capital.country or actor.country is None


def story_names() -> list[tuple[str, str]]:
    """(canonical name, type) pairs of the "Canonical names" section of STORIES.md,
    without the gold set's invented outlets (the table's "outlet" column)."""
    text = STORIES.read_text(encoding="utf-8")
    outlets = {row.split("|")[4].strip().casefold() for row in text.splitlines() if row.count("|") >= 6}
    section = text.split("## Canonical names", 1)[1].split("\n", 1)[1]
    names = re.findall(r"([A-Z][\w .\-'’]+?) \((PERSON|ORG|GPE|LOC|PRODUCT|EVENT)\b", section)
    return [(n.strip(), t) for n, t in names
            if not any(o and (o in n.casefold() or n.casefold() in o) for o in outlets)]


@pytest.mark.skipif(not STORIES.exists(), reason="tests/gold/STORIES.md not present")
def test_story_canonical_names_are_in_the_gazetteer() -> None:
    gazetteer = default_gazetteer()
    names = story_names()
    assert len(names) >= 20
    by_name = {(e.name, e.type) for e in gazetteer}
    missing = [pair for pair in names if (pair[0].strip(), pair[1]) not in by_name]
    assert not missing, f"canonical names of STORIES.md missing from the gazetteer: {missing}"


def test_lookup_across_languages_and_scripts() -> None:
    gazetteer = default_gazetteer()
    cases = {"OTAN": "NATO", "l'UE": "European Union", "Pékin": "Beijing", "Corée du Nord": "North Korea",
             "Harpiya-3": "Garpiya-3", "Гарпия-3": "Garpiya-3", "Almaz Antey": "Almaz-Antey"}
    for alias, name in cases.items():
        entry = gazetteer.lookup(alias)
        assert entry is not None and entry.name == name, alias
    assert gazetteer.lookup("Zorglub Industries") is None


@pytest.mark.parametrize("raw,message", [
    ({"key": "x", "name": "X", "type": "THING"}, "type"),
    ({"key": "x", "name": "X", "type": "ORG", "country": "FRA"}, "country"),
    ({"key": "x", "name": "X", "type": "ORG", "wikidata": "7184"}, "wikidata"),
    ({"key": "x", "name": "X", "type": "ORG", "colour": "red"}, "unknown field"),
    ({"key": "x", "type": "ORG"}, "name"),
    ({"key": "x", "name": "X", "type": "ORG", "aliases": {"en": [""]}}, "aliases"),
])
def test_bad_entries_name_their_index_and_field(raw: dict, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_entry(raw, 7, "mine.yaml")
    assert "entry 7" in error.value.message and message in error.value.message


def test_yaml_user_list_extends_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("entries:\n"
                    "- {key: acme_drones, name: Acme Drones, type: ORG, country: fr, aliases: {fr: [Acme]}}\n"
                    "- {key: nato, name: North Atlantic Alliance, type: ORG}\n", encoding="utf-8")
    gazetteer = load_gazetteer(path)
    assert gazetteer.lookup("Acme").name == "Acme Drones"  # type: ignore[union-attr]
    assert gazetteer.get("acme_drones").country == "FR"  # type: ignore[union-attr]
    assert gazetteer.get("nato").name == "North Atlantic Alliance"  # type: ignore[union-attr]
    assert len(gazetteer) == len(default_gazetteer()) + 1


def test_csv_user_list(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("key,name,type,country,aliases_fr,aliases_en,short\n"
                    "kbm,KB Mashinostroyeniya,ORG,RU,KB de construction de machines|KBM,Machine Building Design Bureau,Mashinostroyeniya\n",
                    encoding="utf-8")
    entries = load_entries(path)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.aliases["fr"] == ("KB de construction de machines", "KBM")
    assert entry.short["any"] == ("Mashinostroyeniya",)
    bad = tmp_path / "bad.csv"
    bad.write_text("key,name,type\nok,Fine,ORG\nbad,Broken,COMPANY\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="entry 1"):
        load_entries(bad)


def test_followthemoney_entities(tmp_path: Path) -> None:
    path = tmp_path / "entities.jsonl"
    lines = [
        {"id": "c1", "schema": "Company", "properties": {"name": ["Sky Hawk Motors Ltd"], "alias": ["SHM"],
                                                          "weakAlias": ["Sky Hawk"], "jurisdiction": ["cn"]}},
        {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"], "wikidataId": ["Q4115189"]}},
        {"id": "o1", "schema": "Ownership", "properties": {"owner": ["p1"], "asset": ["c1"]}},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    entries = {e.key: e for e in load_entries(path)}
    assert set(entries) == {"ftm:c1", "ftm:p1"}
    company = entries["ftm:c1"]
    assert company.type == "ORG" and company.country == "CN"
    assert "SHM" in company.forms() and company.forms(short=True) == ["Sky Hawk"]
    assert entries["ftm:p1"].type == "PERSON" and entries["ftm:p1"].wikidata == "Q4115189"
    gazetteer = load_gazetteer(path, builtin=False)
    assert gazetteer.lookup("Sky Hawk Motors").name == "Sky Hawk Motors Ltd"  # type: ignore[union-attr]


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"")
    with pytest.raises(ConfigError, match="format"):
        load_entries(path)


def test_institution_phrases_follow_each_language() -> None:
    gazetteer = default_gazetteer()
    fr = {phrase: entry.name for phrase, entry in institution_phrases(gazetteer, "fr", get_rules("fr").data("entities"))}
    en = {phrase: entry.name for phrase, entry in institution_phrases(gazetteer, "en", get_rules("en").data("entities"))}
    assert fr["gouvernement chinois"] == "Government of China"
    assert fr["autorités chinoises"] == "Government of China"
    assert fr["ministère de la Défense russe"] == "Ministry of Defence of Russia"
    assert fr["ministère chinois des Affaires étrangères"] == "Ministry of Foreign Affairs of China"
    assert en["Chinese government"] == "Government of China"
    assert en["Russian defence ministry"] == "Ministry of Defence of Russia"
    assert en["China's foreign ministry"] == "Ministry of Foreign Affairs of China"
    assert "gouvernement chinois" not in en


def test_bare_institutions_leave_out_vague_single_words() -> None:
    bare = dict(bare_institution_phrases(get_rules("en").data("entities")))
    assert bare["foreign ministry"] == "foreign_ministry"
    assert "government" not in bare and "authorities" not in bare


def test_territory_table_is_rigours_own():
    """The committed one-word territory table is what the installed rigour builds (else run
    scripts/territory_table.py), and it answers as rigour does, unknown words and codes included."""
    import gzip
    import json

    from rigour.territories import get_territory as rigour_get
    from rigour.territories import lookup_territory as rigour_lookup

    from claimgraph.resolve.territories import TABLE, build_table, get_territory, lookup_territory

    with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
        assert json.load(handle) == build_table()
    for word in ("Slovakia", "Glasgow", "French", "FRA", "gb-sct", "Zzyzxland", "Côte d'Ivoire", "Tolvik", "Q142", ""):
        ours, theirs = lookup_territory(word), rigour_lookup(word)
        assert (ours and (ours.code, ours.name, ours.is_country)) == \
            (theirs and (theirs.code, theirs.name, bool(theirs.is_country))), word
    assert get_territory("fr").name == rigour_get("fr").name
    assert get_territory("xx") is None
