"""Public pages: status, content, 404s, redirects, pagination, archive grouping."""

import datetime
import re

import pytest
from django.utils import timezone

from news.caching import public_pages_changed
from news.models import ArticleRedirect, SiteText
from tests.factories import (
    ArticleFactory,
    ArticleLinkFactory,
    ContactPointFactory,
    DocumentFactory,
    QuickLinkFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def test_article_list_shows_page_texts_newest_first_and_one_h1(client):
    SiteText.objects.update_or_create(
        pk=1, defaults={"title": "Nieuws voor het sociaal domein", "intro": "Welkom, professionals."}
    )
    ArticleFactory(title="Ouder bericht", publication_date=datetime.date(2023, 1, 18))
    ArticleFactory(title="Nieuwer bericht", publication_date=datetime.date(2023, 3, 24))

    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nieuws voor het sociaal domein" in html
    assert "Welkom, professionals." in html
    assert html.index("Nieuwer bericht") < html.index("Ouder bericht")
    assert "24 maart 2023" in html
    assert h1_count(html) == 1


def test_article_list_toc_links_to_an_anchor_of_every_item(client):
    article = ArticleFactory(slug="over-de-taskforce")

    html = client.get("/").content.decode()

    assert 'href="#bericht-over-de-taskforce"' in html
    assert 'id="bericht-over-de-taskforce"' in html
    assert article.get_absolute_url() in html


def test_article_list_read_more_link_names_the_article(client):
    ArticleFactory(title="Subsidie voor buurtinitiatieven")

    html = client.get("/").content.decode()

    assert 'aria-label="Lees meer over Subsidie voor buurtinitiatieven"' in html


def test_article_list_hides_date_of_undated_item_but_keeps_its_place(client):
    ArticleFactory(title="Eerste", publication_date=datetime.date(2023, 3, 1))
    ArticleFactory(title="Zonder datum", publication_date=datetime.date(2023, 2, 1), undated=True)
    ArticleFactory(title="Derde", publication_date=datetime.date(2023, 1, 1))

    html = client.get("/").content.decode()

    assert html.index("Eerste") < html.index("Zonder datum") < html.index("Derde")
    assert "1 februari 2023" not in html


def test_article_list_shows_links_event_details_and_newsletter_link(client):
    article = ArticleFactory(title="Werkconferentie", event=True)
    ArticleLinkFactory(article=article, label="Meer informatie en aanmelden", url="https://example.nl/info")

    html = client.get("/").content.decode()

    assert "Meer informatie en aanmelden" in html
    assert "Stadhuis, raadzaal" in html
    assert "/nieuwsbrief/aanmelden/" in html


def test_article_list_shows_active_pinned_notice_first(client):
    ArticleFactory(title="Gewoon bericht", publication_date=timezone.localdate())
    ArticleFactory(title="Aangepaste dienstverlening", pinned=True, publication_date=datetime.date(2020, 1, 1))

    html = client.get("/").content.decode()

    assert "utrecht-alert" in html
    assert html.index("Aangepaste dienstverlening") < html.index("Gewoon bericht")


def test_article_list_drops_expired_pin_back_to_its_date(client):
    ArticleFactory(title="Gewoon bericht", publication_date=timezone.localdate())
    ArticleFactory(
        title="Oude mededeling",
        is_pinned=True,
        pinned_until=timezone.localdate() - datetime.timedelta(days=1),
        publication_date=datetime.date(2020, 1, 1),
    )

    html = client.get("/").content.decode()

    assert "utrecht-alert" not in html
    assert html.index("Gewoon bericht") < html.index("Oude mededeling")


def test_article_list_shows_quick_links(client):
    QuickLinkFactory(label="Subsidies aanvragen", url="/themas/subsidies/")

    html = client.get("/").content.decode()

    assert "Snel naar" in html
    assert 'href="/themas/subsidies/"' in html


def test_article_list_hides_drafts_and_scheduled_articles(client):
    ArticleFactory(title="Nog een concept", draft=True)
    ArticleFactory(title="Pas volgende week", scheduled=True)

    html = client.get("/").content.decode()

    assert "Nog een concept" not in html
    assert "Pas volgende week" not in html


def test_article_list_paginates_to_older_items(client):
    start = datetime.date(2024, 1, 1)
    for day in range(25):
        ArticleFactory(title=f"Bericht dag {day:02d}", publication_date=start + datetime.timedelta(days=day))

    first = client.get("/").content.decode()
    second = client.get("/?pagina=2").content.decode()

    assert "Bericht dag 24" in first
    assert "Bericht dag 04" not in first
    assert 'href="?pagina=2"' in first
    assert "Bericht dag 04" in second
    assert "Bericht dag 24" not in second


@pytest.mark.parametrize("page", ["0", "abc", "99"])
def test_article_list_unknown_page_is_404(client, page):
    ArticleFactory()

    assert client.get(f"/?pagina={page}").status_code == 404


def test_article_detail_shows_article_with_its_parts(client):
    contact = ContactPointFactory(name="Team Jeugd", email="jeugd@example.nl")
    theme = ThemeFactory(name="Jeugd en gezin", slug="jeugdhulp-test", contact_point=contact)
    document = DocumentFactory(title="Raadsbrief hervormingen")
    related = ArticleFactory(title="Eerder bericht")
    article = ArticleFactory(
        title="Taskforce jeugdhulp",
        body="<h2>Vervolg</h2><p>De <strong>taskforce</strong> gaat door.</p>",
        publication_date=datetime.date(2023, 3, 15),
        themes=[theme],
        event=True,
    )
    article.documents.add(document)
    article.related_articles.add(related)

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "15 maart 2023" in html
    assert "<strong>taskforce</strong>" in html
    assert 'href="/themas/jeugdhulp-test/"' in html
    assert document.get_absolute_url() in html
    assert related.get_absolute_url() in html
    assert "jeugd@example.nl" in html
    assert 'aria-label="Kruimelpad"' in html
    assert f'rel="canonical" href="http://localhost:8000{article.get_absolute_url()}"' in html
    assert 'property="og:title" content="Taskforce jeugdhulp"' in html


def test_article_detail_leaves_out_unpublished_related_articles(client):
    hidden = ArticleFactory(title="Verborgen concept", draft=True)
    article = ArticleFactory()
    article.related_articles.add(hidden)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "Verborgen concept" not in html


@pytest.mark.parametrize("trait", ["draft", "review", "scheduled"])
def test_article_detail_unpublished_is_404(client, trait):
    article = ArticleFactory(**{trait: True})

    assert client.get(article.get_absolute_url()).status_code == 404


def test_article_detail_after_unpublish_at_is_404(client):
    article = ArticleFactory(unpublish_at=timezone.now() - datetime.timedelta(minutes=1))

    assert client.get(article.get_absolute_url()).status_code == 404


def test_article_detail_old_slug_redirects_permanently(client):
    article = ArticleFactory(slug="nieuwe-naam")
    ArticleRedirect.objects.create(old_slug="oude-naam", article=article)

    response = client.get("/nieuws/oude-naam/")

    assert response.status_code == 301
    assert response["Location"] == "/nieuws/nieuwe-naam/"


def test_article_detail_unknown_slug_is_dutch_404(client):
    response = client.get("/nieuws/bestaat-niet/")

    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_theme_list_shows_active_themes_with_counts(client):
    theme = ThemeFactory(name="Volksgezondheid")
    ThemeFactory(name="Oud thema", is_active=False)
    ArticleFactory(themes=[theme])
    ArticleFactory(themes=[theme], draft=True)

    html = client.get("/themas/").content.decode()

    assert "Volksgezondheid" in html
    assert "1 bericht<" in html or "1 bericht\n" in html or "1 bericht" in html
    assert "Oud thema" not in html.split('id="inhoud"')[1].split("</main>")[0]


def test_theme_detail_shows_description_contact_articles_and_feed(client):
    contact = ContactPointFactory(name="Volksgezondheid", email="gezond@example.nl")
    theme = ThemeFactory(name="Gezondheid", slug="gezondheid", description="Over gezond leven.", contact_point=contact)
    ArticleFactory(title="Plan van aanpak overgewicht", themes=[theme])
    ArticleFactory(title="Ander onderwerp")

    response = client.get("/themas/gezondheid/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Over gezond leven." in html
    assert "gezond@example.nl" in html
    assert "Plan van aanpak overgewicht" in html
    assert "Ander onderwerp" not in html
    assert "/themas/gezondheid/feed/" in html


def test_theme_detail_inactive_or_unknown_is_404(client):
    ThemeFactory(slug="oud", is_active=False)

    assert client.get("/themas/oud/").status_code == 404
    assert client.get("/themas/bestaat-niet/").status_code == 404


def test_archive_index_groups_by_year_and_month(client):
    ArticleFactory(publication_date=datetime.date(2021, 2, 19))
    ArticleFactory(publication_date=datetime.date(2021, 2, 1))
    ArticleFactory(publication_date=datetime.date(2023, 3, 24))

    html = client.get("/archief/").content.decode()

    assert 'href="/archief/2021/2/"' in html
    assert "februari 2021" in html
    assert "2 berichten" in html
    assert html.index("maart 2023") < html.index("februari 2021")


def test_archive_year_lists_months_with_counts_not_articles(client):
    ArticleFactory(title="Winterbericht", publication_date=datetime.date(2021, 1, 8))
    ArticleFactory(title="Nog een winterbericht", publication_date=datetime.date(2021, 1, 9))
    ArticleFactory(title="Lentebericht", publication_date=datetime.date(2021, 4, 2))
    ArticleFactory(title="Ander jaar", publication_date=datetime.date(2022, 1, 8))

    html = client.get("/archief/2021/").content.decode()

    assert html.index('href="/archief/2021/4/"') < html.index('href="/archief/2021/1/"')
    assert "April 2021</a> (1 bericht)" in html
    assert "Januari 2021</a> (2 berichten)" in html
    assert "Winterbericht" not in html
    assert "Ander jaar" not in html


def test_archive_month_is_paginated(client):
    for day in range(1, 24):
        ArticleFactory(title=f"Bericht van {day} maart", publication_date=datetime.date(2023, 3, day))

    first = client.get("/archief/2023/3/").content.decode()
    second = client.get("/archief/2023/3/?pagina=2").content.decode()

    assert "Bericht van 23 maart" in first
    assert "Bericht van 4 maart" in first
    assert "Bericht van 3 maart" not in first
    assert 'href="?pagina=2"' in first
    assert "Bericht van 3 maart" in second
    assert "Bericht van 1 maart" in second
    assert "Bericht van 4 maart" not in second
    assert client.get("/archief/2023/3/?pagina=3").status_code == 404
    assert client.get("/archief/2023/3/?pagina=x").status_code == 404


def test_archive_month_lists_only_that_month(client):
    ArticleFactory(title="In maart", publication_date=datetime.date(2023, 3, 15))
    ArticleFactory(title="In april", publication_date=datetime.date(2023, 4, 15))

    response = client.get("/archief/2023/3/")

    html = response.content.decode()
    assert "Archief maart 2023" in html
    assert "In maart" in html
    assert "In april" not in html


@pytest.mark.parametrize("path", ["/archief/1999/", "/archief/2023/13/", "/archief/2023/5/"])
def test_archive_empty_or_invalid_period_is_404(client, path):
    ArticleFactory(publication_date=datetime.date(2023, 3, 15))

    assert client.get(path).status_code == 404


def test_document_download_is_pdf_attachment(client):
    document = DocumentFactory(slug="raadsbrief-sociaal-domein")
    ArticleFactory().documents.add(document)

    response = client.get("/documenten/raadsbrief-sociaal-domein/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_document_download_of_draft_only_document_is_404(client):
    document = DocumentFactory(slug="nog-geheim")
    ArticleFactory(draft=True).documents.add(document)

    assert client.get("/documenten/nog-geheim/").status_code == 404


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_published_articles_and_themes(client):
    theme = ThemeFactory(slug="wonen")
    published = ArticleFactory(slug="gepubliceerd", themes=[theme])
    ArticleFactory(slug="concept", draft=True)

    response = client.get("/sitemap.xml")

    xml = response.content.decode()
    assert response.status_code == 200
    assert published.get_absolute_url() in xml
    assert "/themas/wonen/" in xml
    assert "/nieuws/concept/" not in xml


def test_public_pages_set_no_cookies_for_anonymous_visitors(client):
    article = ArticleFactory()
    for path in ["/", article.get_absolute_url(), "/themas/", "/archief/", "/zoeken/?q=regeling"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response.cookies, path


def test_server_error_handler_renders_dutch_page(rf):
    from news.views import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_article_list_canonical_drops_tracking_parameters(client):
    ArticleFactory()

    html = client.get("/?utm_source=nieuwsbrief").content.decode()

    assert '<link rel="canonical" href="http://localhost:8000/">' in html


def test_event_period_is_written_in_dutch_local_time():
    from news.templatetags.news_tags import event_period

    tz = timezone.get_current_timezone()
    article = ArticleFactory.build(
        event_starts_at=datetime.datetime(2026, 12, 16, 13, 30, tzinfo=tz),
        event_ends_at=datetime.datetime(2026, 12, 16, 16, 30, tzinfo=tz),
    )

    assert event_period(article) == "woensdag 16 december 2026, 13.30 tot 16.30 uur"


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", ("/", "page")),
        ("/nieuws/kopbericht/", ("/", "true")),
        ("/themas/", ("/themas/", "page")),
        ("/themas/jeugd/", ("/themas/", "true")),
        ("/archief/", ("/archief/", "page")),
        ("/archief/2024/", ("/archief/", "true")),
        ("/archief/2024/5/", ("/archief/", "true")),
        ("/zoeken/", ("/zoeken/", "page")),
        ("/nieuwsbrief/aanmelden/", ("/nieuwsbrief/aanmelden/", "page")),
        ("/nieuwsbrief/aanmelden/verstuurd/", ("/nieuwsbrief/aanmelden/", "true")),
    ],
)
def test_header_marks_the_current_section(client, path, current):
    ArticleFactory(slug="kopbericht", themes=[ThemeFactory(slug="jeugd")], publication_date=datetime.date(2024, 5, 1))

    html = client.get(path).content.decode()

    nav = html[html.index('aria-label="Hoofdmenu"') : html.index("</nav>")]
    assert re.findall(r'href="([^"]*)" aria-current="(\w+)"', nav) == [current]


@pytest.mark.parametrize("path", ["/", "/themas/", "/archief/", "/zoeken/", "/nieuwsbrief/aanmelden/", "article"])
def test_site_header_rendered_once_per_section_is_the_same_as_rendered_per_request(client, settings, path):
    article = ArticleFactory()
    path = article.get_absolute_url() if path == "article" else path
    settings.PUBLIC_PAGE_CACHE = False
    client.get(path)
    memoised = client.get(path).content.decode()
    settings.DEBUG = True  # renders the header template for the request
    fresh = client.get(path).content.decode()

    header = re.compile(r"<header class=\"utrecht-page-header.*?</header>", re.S)
    assert header.search(memoised).group(0) == header.search(fresh).group(0)
    assert 'aria-current="' in header.search(memoised).group(0)


@pytest.mark.parametrize("path", ["/", "/themas/kop-thema/"])
def test_head_rendered_once_per_process_is_the_same_as_rendered_per_request(client, settings, path):
    ArticleFactory(themes=[ThemeFactory(slug="kop-thema", description="Alles over <jeugd> & gezin")])
    settings.PUBLIC_PAGE_CACHE = False
    client.get(path)
    memoised = client.get(path).content.decode()
    settings.DEBUG = True  # renders the meta and asset templates for the request
    fresh = client.get(path).content.decode()

    head = re.compile(r"<head>.*?</head>", re.S)
    assert head.search(memoised).group(0) == head.search(fresh).group(0)
    assert 'rel="canonical" href="http://localhost:8000' in head.search(memoised).group(0)
    assert path == "/" or "Alles over &lt;jeugd&gt; &amp; gezin" in head.search(memoised).group(0)


def test_head_follows_a_new_site_title(client, settings):
    settings.PUBLIC_PAGE_CACHE = False
    SiteText.objects.update_or_create(pk=1, defaults={"title": "Oude titel"})
    assert 'og:site_name" content="Oude titel"' in client.get("/").content.decode()

    SiteText.objects.filter(pk=1).update(title="Nieuwe titel")
    public_pages_changed()

    assert 'og:site_name" content="Nieuwe titel"' in client.get("/").content.decode()


@pytest.mark.parametrize("path", ["/themas/kruimel-thema/", "/archief/2024/5/"])
def test_breadcrumbs_rendered_once_per_process_are_the_same_as_rendered_per_request(client, settings, path):
    theme = ThemeFactory(slug="kruimel-thema", name="Zorg & <welzijn>")
    ArticleFactory(themes=[theme], publication_date=datetime.date(2024, 5, 1))
    settings.PUBLIC_PAGE_CACHE = False
    client.get(path)
    memoised = client.get(path).content.decode()
    settings.DEBUG = True  # renders the breadcrumbs template for the request
    fresh = client.get(path).content.decode()

    crumbs = re.compile(r'<nav aria-label="Kruimelpad".*?</nav>', re.S)
    assert crumbs.search(memoised).group(0) == crumbs.search(fresh).group(0)
    assert not path.startswith("/themas/") or "Zorg &amp; &lt;welzijn&gt;</a>" in crumbs.search(memoised).group(0)
