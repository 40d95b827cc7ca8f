"""The failure suite: hostile inputs (scripts/make_hostile_inputs.py) ingested as one folder and one by one.

No input may end the run: every bad one is rejected with its path and a reason,
every good one is stored, and nothing printed carries an escape sequence.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.run import ingest_paths
from claimgraph.store import SqlStore
from claimgraph.store import tables as t

from load_script import load_script

ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def load_generator():  # type: ignore[no-untyped-def]
    return load_script("make_hostile_inputs")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str]]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("inputs") / "hostile"
    return folder, load_generator().write(folder, huge=True)


def stored_paths(db: str) -> list[str]:
    store = SqlStore(db, create=False)
    with store.engine.connect() as connection:
        paths = list(connection.execute(t.documents.select().with_only_columns(t.documents.c.path)).scalars())
    store.close()
    return paths


def check_outcomes(folder: Path, expected: dict[str, str], rejected: list, stored: list[str]) -> None:
    rejected_by = {r.path[len(str(folder)) + 1:]: r for r in rejected}
    stored_names = {p[len(str(folder)) + 1:] for p in stored}
    for name, outcome in expected.items():
        if outcome == "rejected":
            assert name in rejected_by, f"{name!r} should be rejected"
            assert rejected_by[name].reason, name
        else:
            assert name in stored_names, f"{name!r} should be stored (rejected: {rejected_by.get(name)})"
    assert len(rejected_by) == sum(v == "rejected" for v in expected.values())


@pytest.mark.slow
def test_hostile_folder_every_input_stored_or_rejected_with_a_reason(hostile, analyzer, store_url: str) -> None:
    folder, expected = hostile
    db = store_url
    report = ingest_paths([folder], db=db, analyzer=analyzer)
    assert report.stopped is None
    check_outcomes(folder, expected, report.rejected, stored_paths(db))
    reasons = {r.path.rsplit("/", 1)[-1]: r.reason for r in report.rejected}
    assert reasons["huge_one_line.txt"] == "text too long"
    warnings = "\n".join(report.warnings)
    for expected_warning in ("month 13 does not exist", "day 30 does not exist", "year 0000 does not exist",
                             "month 00 does not exist", "relative to the day", "not a date",
                             "'.' is not an ISO 639 code", "NUL character", "lone surrogate"):
        assert expected_warning in warnings
    again = ingest_paths([folder], db=db, analyzer=analyzer)
    assert again.new == 0 and again.known == report.new + report.known


@pytest.mark.slow
def test_hostile_inputs_one_by_one(hostile, analyzer, tmp_path: Path) -> None:
    folder, expected = hostile
    db = str(tmp_path / "one.db")
    rejected = []
    for path in sorted(folder.iterdir()):
        rejected += ingest_paths([path], db=db, analyzer=analyzer).rejected
    check_outcomes(folder, expected, rejected, stored_paths(db))


@pytest.mark.slow
def test_cli_prints_no_escape_sequence_and_exits_1(hostile, tmp_path: Path) -> None:
    folder, _ = hostile
    small = tmp_path / "small"
    small.mkdir()
    for path in folder.iterdir():
        if path.stat().st_size < 4000 and "many" not in path.name:
            (small / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["ingest", str(small), "--db", str(db), "--quiet"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1 and "rejected" in result.output
    assert not ESCAPE.search(result.output.replace("\n", "").replace("\t", ""))
    listed = CliRunner().invoke(app, ["analyze", str(small / "ansi_escape.txt"), "--format", "text"])
    assert listed.exit_code == 0 and "\x1b" not in listed.output
    claims = CliRunner().invoke(app, ["claims", "--db", str(db)])
    assert claims.exit_code == 0, claims.output
    report = CliRunner().invoke(app, ["ingest", str(small), "--db", str(db), "--format", "json"])
    data = json.loads(report.stdout)
    assert data["new"] == 0 and data["rejected"] and all(r["reason"] for r in data["rejected"])


def test_bad_settings_are_clear_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--lang", "."])
    assert result.exit_code == 2 and "ISO 639" in result.output
    result = runner.invoke(app, ["claims", "--since", "banana", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "ISO date" in result.output
    from claimgraph.config import load_settings
    from claimgraph.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown language code"):
        import os

        os.environ["CLAIMGRAPH_DETECT_LANGUAGES"] = "en,zz"
        try:
            load_settings()
        finally:
            del os.environ["CLAIMGRAPH_DETECT_LANGUAGES"]


def test_read_commands_never_create_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for command in (["summary"], ["claims"], ["export"]):
        result = CliRunner().invoke(app, [*command, "--db", str(missing)])
        assert result.exit_code != 0
        assert not missing.exists()


def test_analyze_out_never_writes_two_ids_to_one_file(tmp_path: Path) -> None:
    from claimgraph.cli.files import OutputNames

    names = OutputNames(tmp_path / "out")
    paths = {names.path_for(i) for i in ("a/b", "a_b", "a:b", "a b", "a_b")}
    assert len(paths) == 4 and (tmp_path / "out" / "a_b.json") in paths
