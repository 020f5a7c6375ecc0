"""Browser fixtures for the end-to-end tests (owner: front end, issue #4).

Playwright drives Debian's Chromium (``apt-get install -y chromium``; Playwright cannot download its own
browser here). Without chromium the browser tests are skipped, except with ``CI=true``: then they fail.

Fixtures
- ``browser``: one headless Chromium for the whole session.
- ``page``: a fresh context and page per test. Every request the page makes is recorded; a request to
  any host other than the live server's is aborted and fails the test, and so does anything the
  site's CSP blocked on a public page (an inline style attribute or a script without nonce).
  ``page.visit(path)`` opens a path on ``live_server`` and returns the response.
- ``axe_page``: like ``page`` but with ``bypass_csp=True``. Not needed for ``axe_scan`` (which works
  on ``page`` under the real CSP); only for tests that must inject their own scripts.

Helpers
- ``axe_scan(page)`` runs the vendored axe-core (tests/e2e/vendor/axe.min.js) with the WCAG 2.0/2.1/2.2
  A and AA tags and returns the violations; ``format_violations(violations)`` makes them readable.
- ``screenshot(page, name)`` saves full-page PNGs at desktop (1280 px) and phone (390 px) width into
  test-artifacts/screenshots/ (gitignored; look at them).

Use ``pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]`` with ``live_server``.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM would refuse to run in it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "tests" / "e2e" / "vendor" / "axe.min.js"
SCREENSHOT_DIR = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
ADMIN_PREFIX = "/beheer/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true: chromium is required for the browser tests (apt-get install -y chromium).")
        pytest.skip("chromium is not installed (apt-get install -y chromium): browser test skipped.")
    return path


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session."""
    executable = _chromium_path()
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
    yield instance
    instance.close()
    playwright.stop()


class ForeignRequests:
    """Hosts the page tried to reach that are not the live server's."""

    def __init__(self, own_host: str):
        self.own_host = own_host
        self.seen: list[str] = []
        self.foreign: list[str] = []

    def route(self, route):
        url = route.request.url
        self.seen.append(url)
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != self.own_host:
            self.foreign.append(url)
            route.abort()
            return
        route.continue_()


def _open_page(browser, live_server, *, bypass_csp: bool):
    context = browser.new_context(
        viewport=DESKTOP, locale="nl-NL", timezone_id="Europe/Amsterdam", bypass_csp=bypass_csp
    )
    context.set_default_timeout(15_000)
    requests = ForeignRequests(urlsplit(live_server.url).netloc)
    context.route("**/*", requests.route)
    page = context.new_page()
    page.csp_errors = []
    page.on("console", lambda message: _record_csp_error(page, message))
    page.requests = requests
    page.live_server_url = live_server.url
    page.visit = lambda path: page.goto(urljoin(live_server.url, path))
    return context, page


def _record_csp_error(page, message):
    """Chromium reports what the CSP blocked (an inline style or script) as a console error.

    Only public pages are held to this; the admin (/beheer/) bundles third-party editor code.
    """
    if message.type != "error" or "Content Security Policy" not in message.text:
        return
    if urlsplit(page.url).path.startswith(ADMIN_PREFIX):
        return
    page.csp_errors.append(f"{page.url}: {message.text}")


def _finish(context, page):
    foreign, csp_errors = list(page.requests.foreign), list(page.csp_errors)
    context.close()
    assert not foreign, f"the page requested other hosts than the site's own: {foreign}"
    assert not csp_errors, f"the Content Security Policy blocked parts of the page: {csp_errors}"


@pytest.fixture
def page(browser, live_server):
    """A page in a fresh context; fails the test if anything is requested from another host."""
    context, new_page = _open_page(browser, live_server, bypass_csp=False)
    yield new_page
    _finish(context, new_page)


@pytest.fixture
def axe_page(browser, live_server):
    """A page whose context bypasses CSP, so that the axe script can be injected. Only for axe scans."""
    context, new_page = _open_page(browser, live_server, bypass_csp=True)
    yield new_page
    _finish(context, new_page)


def axe_scan(page, tags=None) -> list[dict]:
    """Run axe-core on the current page and return its violations (empty list: none found)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> would be
        # blocked, rightly); the page itself stays under its real CSP.
        page.evaluate(f"() => {{ {AXE_JS.read_text(encoding='utf-8')}\n}}")
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations",
        tags or AXE_TAGS,
    )


def format_violations(violations: list[dict]) -> str:
    """One line per violation and node, for assertion messages."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node.get('failureSummary', '')!r}" for node in violation["nodes"][:5])
    return "\n".join(lines)


def screenshot(page, name: str) -> list[Path]:
    """Save full-page screenshots at desktop and phone width; return the paths."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size or DESKTOP
    paths = []
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        path = SCREENSHOT_DIR / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        paths.append(path)
    page.set_viewport_size(original)
    return paths
