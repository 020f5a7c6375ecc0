"""make demo shows what the product shows: the Dutch error page with its styles, not Django's debug page."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.plugins.browser import DESKTOP, axe_scan, format_violations, screenshot

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 300  # migrate, sample content and three processes on a busy two-core machine


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own loopback server)
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means the server is up
    except OSError:
        return False


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    """Run scripts/demo.sh (what make demo runs) in a clean environment with its own var/ folder."""
    var = tmp_path_factory.mktemp("demo-var")
    port = _free_port()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(var), "PORT": str(port)}
    env["PORTAL_VAR_DIR"] = str(var)
    log = (var / "demo.log").open("w")
    process = subprocess.Popen(
        ["bash", "scripts/demo.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while not _answers(f"{url}/healthz"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"make demo did not start:\n{(var / 'demo.log').read_text()[-3000:]}")
            time.sleep(1)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # honcho stops web, worker and beat
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


@pytest.fixture
def demo_page(browser, demo_url):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    page = context.new_page()
    static_answers = []
    page.on("response", lambda r: static_answers.append((r.url, r.status)) if "/static/" in r.url else None)
    page.static_answers = static_answers
    yield page
    context.close()


def test_demo_shows_dutch_not_found_page_with_its_styles(demo_url, demo_page):
    response = demo_page.goto(f"{demo_url}/deze-pagina-bestaat-niet/")

    assert response.status == 404
    assert demo_page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert demo_page.title() == "Pagina niet gevonden \N{EN DASH} Nieuws voor zorgprofessionals"
    assert "Page not found" not in demo_page.content()
    stylesheets = [answer for answer in demo_page.static_answers if answer[0].endswith(".css")]
    assert len(stylesheets) >= 4
    assert all(status == 200 for _, status in stylesheets), stylesheets
    violations = axe_scan(demo_page)
    assert violations == [], format_violations(violations)
    screenshot(demo_page, "demo-niet-gevonden")
