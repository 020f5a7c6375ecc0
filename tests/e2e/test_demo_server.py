"""make demo shows what the product shows: the Dutch error page with its styles, not Django's debug page."""

import pytest

from tests.plugins.browser import DESKTOP, axe_scan, format_violations, screenshot
from tests.support.demo import demo_running

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    """Run scripts/demo.sh (what make demo runs) in a clean environment with its own var/ folder."""
    var = tmp_path_factory.mktemp("demo-var")
    with demo_running(var) as (url, _log):
        yield url


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


def test_demo_public_pages_answer_on_sqlite(demo_url, demo_page):
    """The demo runs on SQLite: every public page must work there too, not only on PostgreSQL (the suite's
    database). The news page's first page once used a query SQLite cannot run (a 500 only the demo showed)."""
    response = demo_page.goto(f"{demo_url}/")
    assert response.status == 200
    article = demo_page.locator("main a[href^='/nieuws/']").first.get_attribute("href")
    theme = demo_page.locator("a[href^='/themas/'][href$='/']").last.get_attribute("href")
    paths = [article, theme, "/?pagina=2", "/themas/", "/archief/", "/zoeken/?q=zorg", "/feeds/nieuws/"]
    answers = {path: demo_page.request.get(f"{demo_url}{path}").status for path in paths}

    assert answers == dict.fromkeys(paths, 200)
    assert demo_page.locator("main article, main li").count() > 5
