"""Text from articles, paths and stores made safe to show: on a terminal, in Rich markup, in Markdown.

Article text, titles, file names and entity names come from outside. Printed
raw, an escape sequence recolours the terminal or sets its window title, a
`[/x]` is read as Rich markup (and fails), a `<script>` or a `javascript:`
link runs in whatever renders a Markdown brief. Everything shown goes
through one of these functions.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from rich.markup import escape as rich_escape
from rich.text import Text

# ANSI/VT escape sequences (CSI ... final byte, OSC ... BEL/ST, and two-byte escapes), then any
# control character left (C0 but tab and newline, DEL, C1), bidirectional overrides, lone surrogates.
ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
SAFE_SCHEMES = ("http", "https")


def plain(value: object) -> str:
    """`value` as printable text: escape sequences and control characters removed (newline and tab kept)."""
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", str(value)))


def markup(value: object) -> str:
    """`value` ready to be put inside a Rich markup string: printable and with `[` escaped."""
    return rich_escape(plain(value))


def cell(value: object) -> Text:
    """`value` as a Rich Text (a table cell, a title), never read as markup."""
    return Text(plain(value))


def md(value: object) -> str:
    """`value` as literal Markdown text: HTML escaped, Markdown syntax backslash-escaped, one line."""
    text = " ".join(plain(value).split())
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md_link(label: str, url: object) -> str:
    """A Markdown link to `url` when it is http(s), else the label alone (no `javascript:` or `data:` links)."""
    address = plain(url or "").strip()
    try:
        scheme = urlsplit(address).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in SAFE_SCHEMES:
        return md(label)
    return f"[{md(label)}]({quote(address, safe=':/?#@!$&*+,;=%~-._')})"


def md_to_plain(line: str) -> str:
    """Undo `md`'s escapes (for a renderer that escapes for its own format, such as the HTML brief)."""
    return html.unescape(re.sub(r"\\([\\`*_\[\]|#~])", r"\1", line))
