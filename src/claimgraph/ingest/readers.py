"""One reader per input format, registered by name. A reader turns one file's
bytes into articles (`Document`) and rejections (`Rejection`)."""
from __future__ import annotations

import json
import re
from typing import Callable, Iterator, Optional, Union

from claimgraph.ingest.bytes import Decoded, Unreadable, decode, sha256_hex
from claimgraph.ingest.datelines import dateline_outlet
from claimgraph.ingest.dates import read_date
from claimgraph.model import Document, Rejection

Item = Union[Document, Rejection]
Reader = Callable[[str, bytes], Iterator[Item]]
READERS: dict[str, Reader] = {}

# ` date 2024-09 Title...` : the seed's header, date then title on one line.
DATE_HEADER = re.compile(r"^[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]+(\S[^\n]*?)[ \t]*$")
FRONT_MATTER_LINE = re.compile(r"^(title|date|source|url|lang)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
MAX_TITLE_CHARS = 300
# Below this, what trafilatura returns is menu or footer debris, not an article.
MIN_HTML_TEXT_CHARS = 40


def register_reader(name: str) -> Callable[[Reader], Reader]:
    def wrap(reader: Reader) -> Reader:
        READERS[name] = reader
        return reader
    return wrap


def _clean(value: object) -> Optional[str]:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


@register_reader("text")
def read_text(path: str, raw: bytes) -> Iterator[Item]:
    """Plain text: the seed's ` date ... ` header, `key: value` front matter, or a bare body.

    With front matter the text is the body after it; otherwise the text is the whole file
    (the header line included, as the contract's gold does).
    """
    try:
        decoded = decode(raw)
    except Unreadable as exc:
        yield Rejection(path, exc.reason, exc.detail)
        return
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Optional[str]] = {}
    first_line = text.split("\n", 1)[0]
    header = DATE_HEADER.match(first_line)
    if header:
        meta["date"], meta["title"] = header.group(1), header.group(2)
    else:
        text, meta = _split_front_matter(text)
        if "title" not in meta:
            meta["title"] = _first_line_title(text)
    if not text.strip():
        yield Rejection(path, "no text", "only a header")
        return
    date, date_note = read_date(meta.get("date"))
    lang, lang_note = language_code(meta.get("lang"))
    yield Document(id=sha256_hex(raw), text=text, title=_clean(meta.get("title")), date=date, lang=lang,
                   source=_clean(meta.get("source")) or dateline_outlet(text), url=_clean(meta.get("url")), path=path,
                   notes=_notes(decoded, date_note, lang_note))


def _split_front_matter(text: str) -> tuple[str, dict[str, Optional[str]]]:
    lines = text.split("\n")
    meta: dict[str, Optional[str]] = {}
    index = 0
    while index < len(lines) and lines[index].strip() in ("", "---") and index < 2:
        index += 1
    start = index
    while index < len(lines):
        match = FRONT_MATTER_LINE.match(lines[index])
        if not match:
            break
        meta[match.group(1).lower()] = match.group(2)
        index += 1
    if not meta:
        return text, {}
    if index < len(lines) and lines[index].strip() == "---":
        index += 1
    del start
    body = "\n".join(lines[index:]).lstrip("\n")
    return body, meta


def _notes(decoded: Optional[Decoded], *notes: Optional[str]) -> tuple[str, ...]:
    found = (decoded.warning if decoded else None, *notes)
    return tuple(note for note in found if note)


def language_code(value: object) -> tuple[str, Optional[str]]:
    """An ISO 639 code (`fr`, `en`; `fr-CA` -> `fr`) from a metadata field, or "und" (detect) with a
    warning when the field holds something else."""
    given = _clean(value)
    if given is None:
        return "und", None
    code = re.split(r"[-_]", given.lower(), maxsplit=1)[0]
    if LANGUAGE_CODE.match(code):
        return code, None
    shown = given if len(given) <= 20 else given[:19] + "…"
    return "und", f"language {shown!r} is not an ISO 639 code: detected from the text instead"


def _first_line_title(text: str) -> Optional[str]:
    stripped = text.strip()
    if "\n" not in stripped:
        return None
    first = stripped.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= MAX_TITLE_CHARS else None


@register_reader("html")
def read_html(path: str, raw: bytes) -> Iterator[Item]:
    """An HTML page: main text, title, date and site name via trafilatura."""
    import trafilatura

    try:
        decoded = decode(raw)
    except Unreadable as exc:
        yield Rejection(path, exc.reason, exc.detail)
        return
    extracted = trafilatura.bare_extraction(decoded.text, with_metadata=True, include_comments=False,
                                            favor_precision=True)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or len(body.strip()) < MIN_HTML_TEXT_CHARS:
        yield Rejection(path, "no article text",
                        f"trafilatura found no main text of {MIN_HTML_TEXT_CHARS}+ characters in the HTML")
        return
    date, date_note = read_date(extracted.date)
    yield Document(id=sha256_hex(raw), text=body, title=_clean(extracted.title), date=date,
                   source=_clean(extracted.sitename), url=_clean(extracted.url), path=path,
                   notes=_notes(decoded, date_note))


@register_reader("jsonl")
def read_jsonl(path: str, raw: bytes) -> Iterator[Item]:
    """JSON Lines: one article per line, `text` required; a bad line is rejected alone."""
    try:
        decoded = decode(raw)
    except Unreadable as exc:
        yield Rejection(path, exc.reason, exc.detail)
        return
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, "malformed JSON", exc.msg)
            continue
        if not isinstance(record, dict):
            yield Rejection(where, "malformed record", "a line must hold a JSON object")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Rejection(where, "no text", "the record has no non-empty 'text' field")
            continue
        record_id = _clean(record.get("id"))
        date, date_note = read_date(record.get("date"))
        lang, lang_note = language_code(record.get("lang"))
        yield Document(id=sha256_hex(line.encode("utf-8", "surrogatepass")), text=text,
                       title=_clean(record.get("title")), date=date, lang=lang,
                       source=_clean(record.get("source")) or dateline_outlet(text), url=_clean(record.get("url")),
                       path=where, record_id=record_id, notes=_notes(decoded, date_note, lang_note))


@register_reader("feed")
def read_feed(path: str, raw: bytes) -> Iterator[Item]:
    """RSS or Atom: each item an article (feedparser). The item id is the sha256 of its
    canonical JSON form, since a feed item has no raw bytes of its own."""
    import feedparser

    parsed = feedparser.parse(raw)
    if parsed.bozo and not any(_entry_text(entry) for entry in parsed.entries):
        yield Rejection(path, "malformed feed", str(getattr(parsed, "bozo_exception", "unparseable")))
        return
    if not parsed.entries:
        yield Rejection(path, "empty feed", "the feed holds no item")
        return
    feed_title = _clean(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{path}#item{number}"
        body = _entry_text(entry)
        if not body:
            yield Rejection(where, "no text", "the feed item has no content or summary")
            continue
        date = None
        for key in ("published_parsed", "updated_parsed"):
            stamp = entry.get(key)
            if stamp:
                date = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
                break
        title = _clean(entry.get("title"))
        canonical = json.dumps({"title": title, "link": entry.get("link"), "date": date, "text": body},
                               sort_keys=True, ensure_ascii=False)
        lang, lang_note = language_code(entry.get("language") or parsed.feed.get("language"))
        yield Document(id=sha256_hex(canonical.encode("utf-8", "surrogatepass")), text=body, title=title,
                       date=date, lang=lang, source=feed_title, url=_clean(entry.get("link")), path=where,
                       notes=_notes(None, lang_note))


def _entry_text(entry: object) -> str:
    import lxml.html

    parts = [c.get("value", "") for c in (entry.get("content") or [])] or [entry.get("summary", "")]  # type: ignore[attr-defined]
    texts = []
    for part in parts:
        if not part or not part.strip():
            continue
        if "<" in part:
            fragment = lxml.html.fragment_fromstring(part, create_parent="div")
            paragraphs = [p.text_content().strip() for p in fragment.iter("p")]
            part = "\n\n".join(p for p in paragraphs if p) or fragment.text_content()
        texts.append(part.strip())
    return "\n\n".join(texts)
