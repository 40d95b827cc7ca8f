"""The pages in a real browser: Debian's chromium, driven by Playwright (no browser download).

One server (uvicorn on loopback, in a thread) and one browser serve every test of this module;
screenshots go to build/screenshots/ (gitignored) for a person to look at.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from serve_store import HOSTILE_MARK

CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"


def _browser_missing() -> str:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (scripts/install_browser.sh installs Debian's chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (requirements.lock)"
    return ""


missing = _browser_missing()
if missing and os.environ.get("CI"):
    raise RuntimeError(missing)  # CI installs the browser first (make test): never skip there
pytestmark = [pytest.mark.slow, pytest.mark.skipif(bool(missing), reason=missing)]


@pytest.fixture(scope="module")
def server(demo_db) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import uvicorn

    from claimgraph.graph import HashEmbedder
    from claimgraph.serve import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(str(demo_db), token="t", embedder=HashEmbedder())
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,  # the fresh profile is passed as --user-data-dir by Playwright
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def _page(browser, dialogs: list[str]):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page


def test_browser_search_claim_article_span(server, browser) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(server + "/")
    assert page.get_by_role("heading", name="Most evidenced claims").is_visible()
    assert page.locator("table.claims").first.locator("tbody tr").count() >= 5
    page.screenshot(path=str(SHOTS / "home.png"), full_page=True)
    page.fill("#home-q", "Xiamen Limbach")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.get_by_role("heading", name="Articles").is_visible()
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)
    page.locator("table.claims tbody tr a", has_text="Xiamen Limbach").first.click()
    page.wait_for_url("**/claims/*")
    verdict = page.locator("p.verdict")
    assert "independent origin" in verdict.inner_text()
    assert page.locator("table.evidence tbody tr").count() >= 2
    assert page.locator("svg.chart rect.bar-for").count() >= 1
    assert page.locator(".relay-tree li.origin").count() >= 1
    page.screenshot(path=str(SHOTS / "claim.png"), full_page=True)
    quote = page.locator("table.evidence tbody tr").first.locator("td.quote").inner_text().strip("“”")
    page.locator("table.evidence tbody tr").first.locator("td a").first.click()
    page.wait_for_url("**/articles/*")
    marked = page.locator("#quoted")
    assert marked.is_visible()
    quoted_text = "".join(page.locator("#article-text .m.quoted").all_inner_texts())
    assert " ".join(quoted_text.split())[:40] == " ".join(quote.split())[:40]
    page.locator("#article-text .m.cue").first.click()
    details = page.locator("#details")
    assert "certainty" in details.inner_text() and "relay chain" in details.inner_text()
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / "article-narrow.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 400  # nothing wider than the phone
    assert dialogs == []
    page.close()


def test_browser_entity_and_brief_pages(server, browser) -> None:  # type: ignore[no-untyped-def]
    page = _page(browser, [])
    page.goto(server + "/entities/lookup?name=Xiamen%20Limbach%20Aircraft%20Engine")
    assert page.locator("h1").inner_text() == "Xiamen Limbach Aircraft Engine"
    assert page.locator("svg.graph a").count() >= 1
    assert page.get_by_role("heading", name="As agent").is_visible()
    assert page.locator("a.json-twin").get_attribute("href").startswith("/v1/entities/e")
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)
    page.goto(server + "/brief?q=China+supplies+weapons+to+Russia")
    assert page.get_by_role("heading", name="At a glance").is_visible()
    glance = page.locator("table.claims").first
    assert glance.locator("tbody tr").count() >= 2 and glance.locator("th").first.inner_text() == "claim"
    assert page.locator("table.evidence a[href*='/articles/'][href*='quote=']").count() >= 2
    assert "**" not in page.locator("main").inner_text()  # no raw Markdown
    page.screenshot(path=str(SHOTS / "brief.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / "brief-narrow.png"))
    # On a phone the tables become cards: nothing is wider than the screen, not even inside a scroll box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    assert page.evaluate("Array.from(document.querySelectorAll('.scroll'))"
                         ".filter(e => e.scrollWidth > e.clientWidth + 1).length") == 0
    label = "getComputedStyle(document.querySelector('table.claims td[data-label]'), '::before').content"
    assert page.evaluate(label) == '"origins: "'  # each figure keeps its label on the card
    page.close()


def _inert(page, origin_scripts: int) -> None:  # type: ignore[no-untyped-def]
    assert page.evaluate("window.__xss") is None
    scripts = page.evaluate("Array.from(document.scripts).map(s => (s.src || s.type || '') + (s.textContent || '').slice(0, 40))")
    assert len(scripts) == origin_scripts, scripts
    assert not any("__xss" in s for s in scripts)
    assert page.locator("[onerror], [onload], img[src='x'], svg[onload]").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0


def test_browser_hostile_article_is_inert_everywhere(server, browser, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.graph import HashEmbedder, answer
    from claimgraph.serve.render import brief_page
    from claimgraph.store import SqlStore

    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(server + f"/search?q={HOSTILE_MARK}")
    _inert(page, 1)
    link = page.locator("ul.articles a", has_text=HOSTILE_MARK)
    assert "<script>" in link.inner_text()  # shown as the words it is
    link.click()
    page.wait_for_url("**/articles/*")
    _inert(page, 2)  # app.js and the records' JSON
    assert "<script>window.__xss = 5</script>" in page.locator("#article-text").inner_text()
    page.screenshot(path=str(SHOTS / "hostile-article.png"), full_page=True)
    claims = page.locator("ul.claims-list a").evaluate_all("links => links.map(a => a.href)")
    entities = page.locator("ul.entities a").evaluate_all("links => links.map(a => a.href)")
    for url in claims[:4] + entities[:3]:
        page.goto(url)
        _inert(page, 1)
    page.goto(server + "/brief?q=Xiamen+Limbach+shipped+engines+to+IEMZ+Kupol")
    _inert(page, 1)
    store = SqlStore(str(demo_db))
    with store.engine.connect() as connection:
        brief = answer(connection, "Xiamen Limbach shipped engines to IEMZ Kupol", HashEmbedder(), limit=40)
    assert any(e.document_id for c in brief.claims for e in c.evidence if HOSTILE_MARK in (e.title or ""))
    standalone = tmp_path / "brief.html"
    standalone.write_text(brief_page(brief, standalone=True), encoding="utf-8")
    page.goto(standalone.as_uri())
    _inert(page, 0)
    assert page.locator("table.claims tbody tr").count() >= 1
    assert dialogs == []
    page.close()
