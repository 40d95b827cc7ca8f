"""Every input format and every rejection reason (no spaCy models needed)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from claimgraph.config import load_settings
from claimgraph.ingest import iter_inputs
from claimgraph.ingest.dates import normalise_date
from claimgraph.model import Document, Rejection, Skipped

from conftest import EXAMPLES, SEED


def read_all(*paths: Path, **settings: int) -> tuple[list[Document], list[Rejection]]:
    items = list(iter_inputs(paths, load_settings(**settings)))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Rejection)]


def test_seed_header_gives_date_title_and_whole_text() -> None:
    docs, rejected = read_all(SEED)
    assert not rejected and len(docs) == 1
    doc = docs[0]
    raw = SEED.read_bytes()
    assert doc.id == hashlib.sha256(raw).hexdigest()
    assert doc.date == "2024-09"
    assert doc.title == "La Chine fournit à la Russie des équipements de drones pour son implication dans le conflit en Ukraine."
    assert doc.text == raw.decode("utf-8")


def test_front_matter_fields_and_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("title: Kupol shipments\ndate: 2024-09-15\nsource: Example Wire\nurl: https://example.org/a\n"
                    "lang: en\n\nThe body starts here.\nSecond line.\n", encoding="utf-8")
    (doc,), _ = read_all(path)
    assert (doc.title, doc.date, doc.source, doc.url, doc.lang) == (
        "Kupol shipments", "2024-09-15", "Example Wire", "https://example.org/a", "en")
    assert doc.text.startswith("The body starts here.")


def test_bare_text_takes_first_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("A headline\n\nSome body text.", encoding="utf-8")
    (doc,), _ = read_all(path)
    assert doc.title == "A headline" and doc.date is None and doc.text == "A headline\n\nSome body text."


@pytest.mark.parametrize("value, expected", [
    ("2024", "2024"), ("2024-09", "2024-09"), ("2024-09-15T08:00:00Z", "2024-09-15"),
    ("15 September 2024", "2024-09-15"), ("", None), (None, None), ("not a date at all", None),
])
def test_dates_keep_their_precision(value: object, expected: object) -> None:
    assert normalise_date(value) == expected


def test_html_page_via_trafilatura(tmp_path: Path) -> None:
    body = " ".join(["The ministry said the engines were shipped to the plant in two batches last spring."] * 6)
    html = (f"<html><head><title>Engines shipped | Example Post</title>"
            f"<meta property='og:site_name' content='Example Post'>"
            f"<meta property='article:published_time' content='2024-09-26T08:00:00Z'></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Engines shipped</h1>"
            f"<p>{body}</p><p>{body}</p></article><footer>© Example Post</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (doc,), rejected = read_all(path)
    assert not rejected
    assert doc.date == "2024-09-26" and doc.source == "Example Post"
    assert "shipped to the plant" in doc.text and "Home" not in doc.text
    assert doc.title and "Engines shipped" in doc.title


def test_jsonl_records_keep_text_unchanged_and_own_ids(tmp_path: Path) -> None:
    records = [
        {"id": "wire-1", "title": "Title one", "text": "Title one\n\nBody one.", "date": "2024-09", "lang": "en"},
        {"text": "Corps du deuxième article.", "source": "Le Veilleur"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    docs, rejected = read_all(path)
    assert not rejected and len(docs) == 2
    assert docs[0].text == "Title one\n\nBody one." and docs[0].record_id == "wire-1" and docs[0].date == "2024-09"
    assert docs[1].record_id is None and docs[1].source == "Le Veilleur" and docs[1].lang == "und"
    first_line = path.read_bytes().split(b"\n")[0]
    assert docs[0].id == hashlib.sha256(first_line).hexdigest()


def test_rss_items_are_articles(tmp_path: Path) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Digest</title><language>en</language>
    <item><title>First</title><link>https://example.org/1</link><pubDate>Wed, 25 Sep 2024 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;NATO said the shipments were a concern.&lt;/p&gt;&lt;p&gt;More text.&lt;/p&gt;</description></item>
    <item><title>Second</title><link>https://example.org/2</link><description>Plain summary.</description></item>
    </channel></rss>"""
    path = tmp_path / "feed.rss"
    path.write_text(feed, encoding="utf-8")
    docs, rejected = read_all(path)
    assert not rejected and [d.title for d in docs] == ["First", "Second"]
    assert docs[0].date == "2024-09-25" and docs[0].url == "https://example.org/1" and docs[0].lang == "en"
    assert docs[0].text == "NATO said the shipments were a concern.\n\nMore text."
    assert docs[0].source == "Wire Digest" and docs[0].id != docs[1].id


def test_atom_feed(tmp_path: Path) -> None:
    feed = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Veille</title>
    <entry><title>Un</title><link href="https://example.org/u"/><updated>2024-07-11T09:00:00Z</updated>
    <content type="html">&lt;p&gt;L'OTAN a déclaré que la Chine était un facilitateur.&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "veille.atom"
    path.write_text(feed, encoding="utf-8")
    (doc,), rejected = read_all(path)
    assert not rejected and doc.date == "2024-07-11" and doc.text.startswith("L'OTAN a déclaré")


def test_every_rejection_reason_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 3)
    (tmp_path / "big.txt").write_bytes(b"word " * 400)
    (tmp_path / "undecodable.txt").write_bytes("caf\u00e9 ".encode("latin-1") + b"\x81\x8d\x90 text")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok record"}\n{not json\n{"title": "no text"}\n[1, 2]\n', encoding="utf-8")
    (tmp_path / "broken.rss").write_text("<rss><channel><title>x</title><item><title>", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 something")
    (tmp_path / "good.txt").write_text("A good article\n\nIt has a body.", encoding="utf-8")
    docs, rejected = read_all(tmp_path, tmp_path / "missing.txt", max_bytes=1000)
    reasons = {(Path(r.path.split(":")[0].split("#")[0]).name, r.reason) for r in rejected}
    assert ("empty.txt", "empty file") in reasons
    assert ("blank.txt", "no text (whitespace only)") in reasons
    assert ("binary.txt", "binary content") in reasons
    assert ("big.txt", "too large") in reasons
    assert ("undecodable.txt", "undecodable text") in reasons
    assert ("bad.jsonl", "malformed JSON") in reasons
    assert ("bad.jsonl", "no text") in reasons
    assert ("bad.jsonl", "malformed record") in reasons
    assert ("broken.rss", "malformed feed") in reasons
    assert ("page.html", "no article text") in reasons
    assert ("notes.pdf", "unsupported format") in reasons
    assert ("missing.txt", "not found") in reasons
    assert sorted(d.text for d in docs) == ["A good article\n\nIt has a body.", "ok record"]
    assert all(r.path and r.reason for r in rejected)


def test_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministère a démenti les accusations.\n\nDeuxième paragraphe.".encode("latin-1"))
    (doc,), rejected = read_all(path)
    assert not rejected and "ministère" in doc.text
    assert doc.notes and "cp1252" in doc.notes[0]


def test_bundled_bad_fixtures_are_each_rejected_with_a_reason(repo: Path) -> None:
    bad = repo / "tests" / "fixtures" / "bad"
    docs, rejected = read_all(bad)
    by_file: dict[str, set[str]] = {}
    for r in rejected:
        by_file.setdefault(Path(r.path.split(":")[0].split("#")[0]).name, set()).add(r.reason)
    expected = {"empty.txt": "empty file", "blank.txt": "no text (whitespace only)", "binary.txt": "binary content",
                "broken.rss": "malformed feed", "image.png": "unsupported format", "notes.pdf": "unsupported format",
                "not_an_article.html": "no article text"}
    for name, reason in expected.items():
        assert reason in by_file.get(name, set()), (name, by_file.get(name))
    assert {"malformed JSON", "no text"} <= by_file["broken.jsonl"]
    texts = {Path(d.path.split(":")[0]).name: d for d in docs}
    assert set(texts) == {"latin1.txt", "broken.jsonl"}
    assert texts["latin1.txt"].notes, "a non-UTF-8 file is read with a warning, not silently"


def write_repo_like_folder(folder: Path) -> None:
    """A folder of articles that also carries a repository's own files."""
    (folder / "article.txt").write_text("A headline\n\nThe ministry said the parts were shipped.", encoding="utf-8")
    (folder / "licensed_production.txt").write_text("Licensed production\n\nA plant makes engines.", encoding="utf-8")
    for name in ("README.md", "readme.txt", "LICENSE", "LICENSE-MIT", "CHANGELOG.md", "CONTRIBUTING.rst", ".notes.txt"):
        (folder / name).write_text("# Project notes\n\nHow to build and contribute.", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "article.txt").write_text("Inside a hidden folder\n\nNot to be read.", encoding="utf-8")


def test_folder_walk_skips_housekeeping_and_hidden_files_with_a_notice(tmp_path: Path) -> None:
    write_repo_like_folder(tmp_path)
    items = list(iter_inputs([tmp_path], load_settings()))
    read = sorted(Path(i.path or "").name for i in items if isinstance(i, Document))
    skipped = {Path(i.path).name: i for i in items if isinstance(i, Skipped)}
    assert read == ["article.txt", "licensed_production.txt"]
    assert set(skipped) == {"README.md", "readme.txt", "LICENSE", "LICENSE-MIT", "CHANGELOG.md", "CONTRIBUTING.rst",
                            ".notes.txt", ".git"}
    assert not any(isinstance(i, Rejection) for i in items), "a skipped file is a notice, not a rejection"
    assert skipped["README.md"].reason == "repository housekeeping file"
    assert skipped[".git"].reason == "hidden folder" and skipped[".notes.txt"].reason == "hidden file"
    assert all("command line" in s.detail for s in skipped.values()), "the notice says how to read it anyway"


def test_bundled_examples_readme_is_not_an_article() -> None:
    items = list(iter_inputs([EXAMPLES], load_settings()))
    assert [Path(i.path).name for i in items if isinstance(i, Skipped)] == ["README.md"]
    assert not any(Path(i.path or "").name == "README.md" for i in items if isinstance(i, Document))


def test_housekeeping_file_named_explicitly_is_still_read(tmp_path: Path) -> None:
    write_repo_like_folder(tmp_path)
    docs, rejected = read_all(tmp_path / "README.md", tmp_path / ".notes.txt")
    assert not rejected and [Path(d.path or "").name for d in docs] == ["README.md", ".notes.txt"]
    assert docs[0].title == "# Project notes"


def test_ingest_reports_skipped_files_apart_from_rejections(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimgraph.cli.app import app

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "README.md").write_text("# Notes\n\nNothing to ingest here.", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "0 rejected, 1 skipped" in result.stdout
    assert "README.md: repository housekeeping file" in result.stdout
