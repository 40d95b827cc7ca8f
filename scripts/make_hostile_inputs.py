"""Write hostile inputs (our own invented text) into a folder, with what claimgraph must do with each.

    python scripts/make_hostile_inputs.py OUT_DIR [--huge]

Each input is a file whose name says what it tries; `expected.json` maps every
input (a file, or `file:line` / `file#itemN` inside one) to "stored" or
"rejected". `--huge` adds a one-line text over spaCy's 1,000,000 characters
(2 MB of disk), left out by default to keep the test suite fast.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

GOOD = ("The ministry said on Tuesday that the company had delivered engine parts to the army. "
        "A spokesman for the company denied the report.")
GOOD_FR = "Le ministère a affirmé mardi que l'entreprise avait livré des pièces de moteur à l'armée."


def cases(huge: bool) -> dict[str, tuple[bytes, dict[str, str]]]:
    """name -> (bytes, {input id: "stored" | "rejected"}); the id is the name unless a file holds several."""
    def text(body: str) -> bytes:
        return body.encode("utf-8")

    def jsonl(*records: object) -> bytes:
        return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode("utf-8")

    stored, rejected = "stored", "rejected"
    found: dict[str, tuple[bytes, dict[str, str]]] = {}

    def add(name: str, raw: bytes, outcome: str | dict[str, str]) -> None:
        found[name] = (raw, outcome if isinstance(outcome, dict) else {name: outcome})

    add("good_plain.txt", text(GOOD), stored)
    add("good_french.txt", text(GOOD_FR), stored)
    add("empty.txt", b"", rejected)
    add("whitespace_only.txt", b" \n\t\n  ", rejected)
    add("binary.txt", bytes(range(256)) * 8, rejected)
    add("undecodable.txt", b"\x81\x8d\x8f\x90\x9d" * 40, rejected)
    add("unsupported.pdf", b"%PDF-1.4 not really", rejected)
    add("nul_late.txt", text("A" * 9000 + "\n" + GOOD + "\x00 after a NUL byte."), stored)
    add("cp1252.txt", (GOOD + " Caf\xe9 cr\xe8me.").encode("cp1252"), stored)
    for label, date in (("month13", "2099-13-45"), ("feb30", "2024-02-30"), ("year0", "0000-01-01"),
                        ("month00", "2024-00-10"), ("relative", "yesterday"), ("garbage", "not a date at all")):
        add(f"date_front_{label}.txt", text(f"title: A dated report\ndate: {date}\n\n{GOOD}"), stored)
    add("date_header_bad.txt", text(f" date 2024-13 A header date\n{GOOD}"), stored)
    add("lang_dot.txt", text(f"lang: .\n\n{GOOD}"), stored)
    add("lang_long.txt", text(f"lang: {'x' * 40}\n\n{GOOD}"), stored)
    add("lang_unknown_code.txt", text(f"lang: zz\n\n{GOOD}"), stored)
    add("markup_in_text.txt", text(f"[/x] [bold red]{GOOD}[/] [link=file:///etc/passwd]x[/link]"), stored)
    add("markup_[bold]name[link=x].txt", text(GOOD + " Named oddly."), stored)
    add("ansi_\x1b[31mname\x1b]0;title\x07.txt", text(GOOD + " Coloured name."), stored)
    add("ansi_escape.txt", text(f"\x1b]0;owned title\x07\x1b[31m{GOOD}\x1b[0m"), stored)
    add("bidi_override.txt", text(f"\u202e{GOOD}\u202c"), stored)
    add("html_script.md", text(f"<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) {GOOD}"), stored)
    add("title_only.txt", text(" date 2024-09 A lonely header\n"), stored)
    add("front_matter_only.txt", text("title: nothing below\ndate: 2024-09\n"), rejected)
    add("zero_width.txt", text("\u200b\u200c\u200d\ufeff" * 20), stored)
    add("long_line_20k_words.txt", text(" ".join(["word"] * 20000)), stored)
    add("many_short_lines.txt", text("\n".join(f"Line {i} says little." for i in range(1500))), stored)
    add("emoji_and_rtl.txt", text(f"{GOOD} 🚀🔥 مرحبا بالعالم שלום"), stored)
    add("records.jsonl", jsonl({"id": "a/b", "text": GOOD}, {"id": "a_b", "text": GOOD + " Twice."},
                               {"id": "a:b", "text": GOOD + " Thrice."}, "{broken", "[1, 2]", {"text": ""},
                               {"text": "surrogate \ud800 alone. " + GOOD}, {"text": GOOD, "date": "2024-02-30"},
                               {"text": GOOD + " Nul.", "lang": "fr\u0000"}, {"text": 12},
                               {"text": GOOD + " Deep.", "title": {"nested": [1, 2]}}),
        {"records.jsonl:1": stored, "records.jsonl:2": stored, "records.jsonl:3": stored,
         "records.jsonl:4": rejected, "records.jsonl:5": rejected, "records.jsonl:6": rejected,
         "records.jsonl:7": stored, "records.jsonl:8": stored, "records.jsonl:9": stored,
         "records.jsonl:10": rejected, "records.jsonl:11": stored})
    add("empty_feed.rss", text('<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>'),
        rejected)
    add("broken_feed.xml", text("<rss><channel><item><title>cut"), rejected)
    add("feed_bad_item.rss", text('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
                                  f'<item><title>one</title><description>{GOOD}</description></item>'
                                  '<item><title>empty</title></item></channel></rss>'),
        {"feed_bad_item.rss#item1": stored, "feed_bad_item.rss#item2": rejected})
    add("html_no_text.html", text("<html><body><nav>menu</nav></body></html>"), rejected)
    add("html_good.html", text(f"<html><head><title>T</title></head><body><article><p>{GOOD}</p>"
                               f"<p>{GOOD}</p></article></body></html>"), stored)
    add("too_large.txt", text(GOOD + " " + "x" * 2_100_000), rejected)
    if huge:
        add("huge_one_line.txt", text((GOOD + " ") * (1_050_000 // (len(GOOD) + 1))), rejected)
    return found


def write(folder: Path, huge: bool = False) -> dict[str, str]:
    """Write every case into `folder` (created), and `expected.json` beside them; return the expectations."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}
    for name, (raw, outcomes) in cases(huge).items():
        (folder / name).write_bytes(raw)
        expected.update(outcomes)
    (folder.parent / f"{folder.name}.expected.json").write_text(json.dumps(expected, indent=1), encoding="utf-8")
    return expected


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    outcomes = write(Path(sys.argv[1]), huge="--huge" in sys.argv)
    print(f"wrote {len(outcomes)} inputs to {sys.argv[1]}")
