"""scripts/check_quotes.py flags a run of six words a file shares with an article, and only that."""
from __future__ import annotations

from load_script import load_script

check_quotes = load_script("check_quotes")


def _shared(tmp_path):
    articles = tmp_path / "shared" / "corpora" / "stories" / "99_invented" / "articles"
    articles.mkdir(parents=True)
    (articles / "99_1.txt").write_text(
        "The ferry Marlow ran aground off Tessel Point on Sunday, the harbour office said.\n")
    return tmp_path / "shared"


def test_a_planted_quote_is_flagged_with_its_line_and_article(tmp_path, capsys):
    shared = _shared(tmp_path)
    planted = tmp_path / "notes.md"
    planted.write_text("A first line.\nAs the story put it, \"the ferry Marlow ran aground off Tessel\" once.\n")
    assert check_quotes.main([str(planted), "--shared", str(shared)]) == 1
    out = capsys.readouterr().out
    assert f"{planted}:2:" in out and "ferry marlow ran aground off tessel" in out and "99_1.txt" in out


def test_five_shared_words_or_our_own_wording_pass(tmp_path, capsys):
    shared = _shared(tmp_path)
    own = tmp_path / "own.md"
    own.write_text("A ship, the Marlow, ran aground off a point; the ferry Marlow ran aground there.\n")
    assert check_quotes.main([str(own), "--shared", str(shared)]) == 0
    assert capsys.readouterr().out == ""


def test_a_skipped_source_is_not_searched(tmp_path, capsys):
    shared = _shared(tmp_path)
    ours = shared / "examples"
    ours.mkdir()
    (ours / "en01_ours.txt").write_text("The lighthouse keeper at Brannock Cove counted nine gulls today.\n")
    note = tmp_path / "note.md"
    note.write_text("x\n\nthe lighthouse keeper at Brannock Cove counted nine gulls\n")
    assert check_quotes.main([str(note), "--shared", str(shared)]) == 1
    assert f"{note}:3:" in capsys.readouterr().out
    assert check_quotes.main([str(note), "--shared", str(shared), "--skip-source", "examples"]) == 0
    assert capsys.readouterr().out == ""
