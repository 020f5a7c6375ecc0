"""The demo's own sample content (make demo) in the browser: real lengths, pagination, documents."""

import pytest
from django.core.cache import cache

from demo.services import sample_content_load
from news.models import Article
from news.services.defaults import defaults_ensure
from tests.plugins.browser import axe_scan, format_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_content():
    cache.clear()
    defaults_ensure()  # the data migration's themes and page texts, which an earlier test's flush removed
    sample_content_load(reset=False)
    return Article.objects.published()


def test_demo_news_page_accessible(demo_content, page):
    page.visit("/")

    assert page.title() == "Nieuws voor zorgprofessionals"  # the site's name once
    assert page.locator("h1").count() == 1
    violations = axe_scan(page)
    assert violations == [], format_violations(violations)
    screenshot(page, "demo-nieuws")


def test_demo_longest_article_accessible(demo_content, page):
    longest = max(demo_content, key=lambda article: len(article.body))
    page.visit(longest.get_absolute_url())

    assert page.locator("h1").count() == 1
    violations = axe_scan(page)
    assert violations == [], format_violations(violations)
    screenshot(page, "demo-artikel")
