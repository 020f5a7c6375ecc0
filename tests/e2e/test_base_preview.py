import pytest

from tests.plugins.browser import axe_scan, format_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def preview_urls(settings):
    settings.ROOT_URLCONF = "tests.e2e.preview_urls"


def test_preview_axe(preview_urls, page):
    page.visit("/e2e-voorbeeld/")
    violations = axe_scan(page)
    screenshot(page, "preview")
    assert violations == [], format_violations(violations)
