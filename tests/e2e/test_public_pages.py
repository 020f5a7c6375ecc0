"""Every public page type in a real browser: loads, 0 axe violations, one h1, reflow, no cookies."""

import re

import pytest

from news.models import ArticleLink, SiteText
from tests.e2e.conftest import ARCHIVE_MONTH, ARCHIVE_YEAR
from tests.plugins.browser import PHONE, axe_scan, format_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SITE_NAME = "Nieuws voor zorgprofessionals"

PAGES = [
    ("nieuws", "/", 200),
    ("artikel", "/nieuws/nieuwe-subsidieregeling-buurtinitiatieven/", 200),
    ("artikel-bijeenkomst", "/nieuws/bijeenkomst-mantelzorg/", 200),
    ("themas", "/themas/", 200),
    ("thema", "/themas/jeugd-en-gezin/", 200),
    ("archief", "/archief/", 200),
    ("archief-jaar", f"/archief/{ARCHIVE_YEAR}/", 200),
    ("archief-maand", f"/archief/{ARCHIVE_YEAR}/{ARCHIVE_MONTH}/", 200),
    ("zoeken", "/zoeken/?q=subsidie", 200),
    ("zoeken-leeg", "/zoeken/", 200),
    ("niet-gevonden", "/deze-pagina-bestaat-niet/", 404),
    ("nieuwsbrief-aanmelden", "/nieuwsbrief/aanmelden/", 200),
]


@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_public_page_accessible(site_content, page, name, path, status):
    response = page.visit(path)

    assert response.status == status
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").count() == 1
    assert page.locator("main#inhoud").count() == 1
    title = page.title()  # the page, then the site: the site's name once, at the end
    assert title.endswith(SITE_NAME) and title.count(SITE_NAME) == 1, title
    violations = axe_scan(page)
    assert violations == [], format_violations(violations)
    screenshot(page, name)


COOKIE_PAGES = [pytest.param(*p, id=p[0]) for p in PAGES]


@pytest.mark.parametrize(("name", "path", "status"), COOKIE_PAGES)
def test_public_page_sets_no_cookie_for_anonymous_visitor(site_content, page, name, path, status):
    page.visit(path)

    assert page.context.cookies() == []


@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_public_page_reflows_at_320_pixels(site_content, page, name, path, status):
    """WCAG 1.4.10: at 320 CSS px (1280 px at 400% zoom) nothing scrolls sideways."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.visit(path)

    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_skip_link_moves_focus_to_main(site_content, page):
    page.visit("/")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Naar de inhoud"
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 0  # visible when focused
    page.keyboard.press("Enter")

    assert page.evaluate("() => document.activeElement.id") == "inhoud"
    assert page.url.endswith("#inhoud")


def test_table_of_contents_link_brings_item_into_view(site_content, page):
    article = site_content["articles"]["undated"]
    page.visit("/")

    toc_link = page.locator(".news-toc a", has_text=article.title)
    toc_link.focus()
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(f"#bericht-{article.slug}$"))
    top = page.evaluate(f"() => document.getElementById('bericht-{article.slug}').getBoundingClientRect().top")
    assert 0 <= top < 100
    # Sequential focus continues from the item: the next Tab lands inside it.
    page.keyboard.press("Tab")
    assert page.evaluate(f"() => !!document.activeElement.closest('#bericht-{article.slug}')")


def test_header_search_finds_article(site_content, page):
    page.visit("/")

    page.get_by_role("searchbox", name="Zoeken op deze site").fill("buurtinitiatieven")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/zoeken/\?q=buurtinitiatieven"))
    assert page.locator("main").get_by_role("link", name="Nieuwe subsidieregeling voor buurtinitiatieven").count() >= 1


def test_not_found_page_search_box_works(site_content, page):
    page.visit("/bestaat-niet/")

    page.locator("main").get_by_role("searchbox").fill("mantelzorg")
    page.locator("main").get_by_role("button", name="Zoeken").click()

    page.wait_for_url(re.compile(r"/zoeken/\?q=mantelzorg"))
    assert page.locator("main").get_by_role("link", name="Bijeenkomst over mantelzorg in de wijk").count() >= 1


@pytest.mark.parametrize("path", ["/", "/nieuws/nieuwe-subsidieregeling-buurtinitiatieven/", "/themas/"])
def test_footer_shows_site_contact_block_on_every_page(site_content, page, path):
    page.visit(path)

    footer = page.locator("footer")
    assert footer.get_by_role("heading", name="Hulp en contact").count() == 1
    assert footer.get_by_role("link", name="jeugd@example.nl").count() == 1
    assert footer.get_by_role("link", name="wmo@example.nl").count() == 1


def test_article_page_shows_its_theme_contact_point(site_content, page):
    page.visit("/nieuws/nieuwe-subsidieregeling-buurtinitiatieven/")

    main = page.locator("main")
    assert main.get_by_role("heading", name="Vragen?").count() == 1
    assert main.get_by_role("link", name="jeugd@example.nl").count() == 1
    assert main.get_by_role("link", name="wmo@example.nl").count() == 0  # not this article's theme


def test_search_snippet_keeps_blocks_apart_and_marks_only_the_word(site_content, page):
    page.visit("/zoeken/?q=formulier")

    snippet = page.locator(".news-result__snippet").first
    assert "formulier. U krijgt binnen vier weken" in snippet.inner_text()
    assert snippet.locator("mark").all_inner_texts() == ["formulier"]
    screenshot(page, "zoeken-fragment")


def test_page_titles_name_the_page_then_the_site(site_content, page):
    page.visit("/nieuws/nieuwe-subsidieregeling-buurtinitiatieven/")
    assert page.title() == f"Nieuwe subsidieregeling voor buurtinitiatieven \N{EN DASH} {SITE_NAME}"

    page.visit("/")
    assert page.title() == f"Nieuws voor professionals in het sociaal domein \N{EN DASH} {SITE_NAME}"


def test_home_page_title_is_the_site_name_once_when_the_page_has_that_name(site_content, page):
    SiteText.objects.filter(pk=1).update(title=SITE_NAME)

    page.visit("/")

    assert page.title() == SITE_NAME
    assert page.locator("h1").inner_text() == SITE_NAME


def test_favicon_ico_serves_the_icon_the_pages_link_to(site_content, page):
    page.visit("/")
    linked = page.locator("link[rel=icon]").get_attribute("href")

    response = page.request.get(f"{page.live_server_url}/favicon.ico")

    assert response.status == 200
    assert response.headers["content-type"] == "image/svg+xml"
    assert "max-age=86400" in response.headers["cache-control"]
    assert response.body() == page.request.get(f"{page.live_server_url}{linked}").body()


@pytest.mark.parametrize("path", ["/", "/nieuws/bijeenkomst-mantelzorg/"])
def test_event_registration_link_appears_once(site_content, page, path):
    event = site_content["articles"]["event"]
    ArticleLink.objects.create(article=event, label="Meer informatie en aanmelden", url=event.event_registration_url)
    ArticleLink.objects.create(article=event, label="Het programma", url="/themas/zorg-en-ondersteuning/")

    page.visit(path)

    item = page.locator(f"#bericht-{event.slug}") if path == "/" else page.locator("article.news-article")
    assert item.locator(f'a[href="{event.event_registration_url}"]').count() == 1
    assert item.get_by_role("link", name="Het programma").count() == 1
    if path != "/":
        screenshot(page, "artikel-bijeenkomst-aanmelden")


SIDE_COLUMN_PAGES = [
    "/",
    "/nieuws/bijeenkomst-mantelzorg/",
    "/themas/jeugd-en-gezin/",
    "/archief/",
    "/zoeken/?q=subsidie",
]


@pytest.mark.parametrize("path", SIDE_COLUMN_PAGES)
def test_wide_screen_puts_the_side_column_beside_the_content(site_content, page, path):
    page.visit(path)  # 1280 px wide

    main = page.locator(".portal-columns__main").bounding_box()
    side = page.locator(".portal-columns__side").bounding_box()
    assert main["width"] <= 46 * 16  # the readable line length stays
    assert side["x"] >= main["x"] + main["width"] + 16
    assert side["y"] <= main["y"]  # starts level with the title, not below the content

    page.set_viewport_size(PHONE)
    main = page.locator(".portal-columns__main").bounding_box()
    side = page.locator(".portal-columns__side").bounding_box()
    assert side["x"] == main["x"]  # one column on a phone, in DOM order


def test_news_page_keeps_table_of_contents_before_the_items_in_the_dom(site_content, page):
    """Only the placement changes: keyboard and screen-reader users still meet the table of contents first."""
    page.visit("/")

    order = page.evaluate(
        """() => ['h1', '.news-notice', '.portal-cta', '.news-quick-links', '.news-toc', '.news-list']
          .map((selector) => document.querySelector(selector))
          .every((element, index, all) => index === 0 ||
             (all[index - 1].compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING))"""
    )
    assert order
    assert page.locator("main aside, main [role=complementary]").count() == 0  # columns add no landmarks
