"""The browser fixtures themselves: the checks they make can fail, and the page chrome passes them."""

import pytest

from tests.plugins.browser import _finish, _open_page, axe_scan, format_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def preview_urls(settings):
    """A test-only page that renders base.html with sample content, and one that fails."""
    settings.ROOT_URLCONF = "tests.e2e.preview_urls"


def test_base_template_chrome_has_no_axe_violations(preview_urls, site_content, page):
    page.visit("/e2e-voorbeeld/")

    violations = axe_scan(page)

    assert violations == [], format_violations(violations)
    screenshot(page, "voorbeeld-basis")


def test_axe_scan_reports_violation(preview_urls, page):
    page.visit("/e2e-voorbeeld/")
    page.evaluate(
        "() => { const img = document.createElement('img');"
        " img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.querySelector('main').append(img); }"
    )

    violations = axe_scan(page)

    assert [v["id"] for v in violations] == ["image-alt"]


def test_page_fixture_fails_on_request_to_other_host(preview_urls, browser, live_server):
    # bypass_csp, so that the site's own CSP does not stop the request before the fixture sees it
    context, page = _open_page(browser, live_server, bypass_csp=True)
    page.visit("/e2e-voorbeeld/")
    page.evaluate("() => fetch('https://cdn.example.org/script.js').catch(() => null)")

    with pytest.raises(AssertionError, match=r"cdn\.example\.org"):
        _finish(context, page)


def test_server_error_page_accessible_without_context(preview_urls, page):
    response = page.visit("/e2e-fout/")

    assert response.status == 500
    assert page.locator("h1").inner_text() == "Er ging iets mis"
    violations = axe_scan(page)
    assert violations == [], format_violations(violations)
    screenshot(page, "serverfout")


def test_page_fixture_fails_when_csp_blocks_inline_style(preview_urls, browser, live_server):
    context, page = _open_page(browser, live_server, bypass_csp=False)
    page.visit("/e2e-voorbeeld/")
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate(
            "() => { const p = document.createElement('p'); p.setAttribute('style', 'color: red');"
            " p.textContent = 'rood'; document.querySelector('main').append(p); }"
        )

    with pytest.raises(AssertionError, match="Content Security Policy"):
        _finish(context, page)
