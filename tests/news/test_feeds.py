"""Atom feeds: valid XML with entries, per theme, only published articles."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticleFactory, ThemeFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[str]:
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, from the test client)
    assert root.tag == f"{ATOM}feed"
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_article_feed_is_atom_with_published_entries(client):
    ArticleFactory(title="Gepubliceerd bericht")
    ArticleFactory(title="Concept", draft=True)

    response = client.get("/feeds/nieuws/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert entries(response) == ["Gepubliceerd bericht"]


def test_theme_feed_has_only_that_themes_articles(client):
    theme = ThemeFactory(slug="feedthema")
    ArticleFactory(title="In het thema", themes=[theme])
    ArticleFactory(title="Buiten het thema")

    response = client.get("/themas/feedthema/feed/")

    assert entries(response) == ["In het thema"]


def test_theme_feed_of_unknown_theme_is_404(client):
    assert client.get("/themas/bestaat-niet/feed/").status_code == 404


def test_feed_is_linked_from_the_news_page(client):
    html = client.get("/").content.decode()

    assert 'type="application/atom+xml"' in html
    assert 'href="/feeds/nieuws/"' in html


def test_article_feed_dates_entries_by_publication_date(client):
    import datetime

    ArticleFactory(title="Geïmporteerd", publication_date=datetime.date(2021, 2, 19))

    root = ET.fromstring(client.get("/feeds/nieuws/").content)  # noqa: S314 (our own feed)

    assert root.find(f"{ATOM}entry/{ATOM}published").text.startswith("2021-02-19")


def test_feed_summary_is_plain_text_so_markup_in_a_lead_stays_inert(client):
    # Written straight into the database: the feed must not publish a plain-text field as HTML.
    from news.models import Article

    article = ArticleFactory(title="Bericht")
    Article.objects.filter(pk=article.pk).update(lead="<img src=x onerror=alert(1)> en <b>vet</b>")

    root = ET.fromstring(client.get("/feeds/nieuws/").content)  # noqa: S314 (our own feed)
    summary = root.find(f"{ATOM}entry/{ATOM}summary")

    assert summary.get("type", "text") == "text"
    assert summary.text == "<img src=x onerror=alert(1)> en <b>vet</b>"


def test_feed_has_no_html_typed_elements(client):
    ArticleFactory(title="<script>alert(1)</script>", lead="Inleiding &amp; meer")

    root = ET.fromstring(client.get("/feeds/nieuws/").content)  # noqa: S314 (our own feed)

    assert [element.tag for element in root.iter() if element.get("type") in {"html", "xhtml"}] == []


def test_feed_drops_characters_xml_cannot_hold_instead_of_failing(client):
    from news.models import Article

    article = ArticleFactory(title="Titel\x01met\x0bstuurteken", author="Re\x1fdactie")
    Article.objects.filter(pk=article.pk).update(lead="Inleiding\x08 met \ufffe teken")

    response = client.get("/feeds/nieuws/")

    assert response.status_code == 200
    entry = ET.fromstring(response.content).find(f"{ATOM}entry")  # noqa: S314 (our own feed)
    assert entry.find(f"{ATOM}title").text == "Titelmetstuurteken"
    assert entry.find(f"{ATOM}summary").text == "Inleiding met  teken"


@pytest.mark.parametrize("path", ["/feeds/nieuws/", "/themas/feed-thema/feed/"])
def test_feed_body_is_one_chunk_on_miss_and_hit(client, path):
    theme = ThemeFactory(slug="feed-thema")
    for n in range(5):
        ArticleFactory(title=f"Bericht {n}", themes=[theme])

    miss = client.get(path)
    hit = client.get(path)

    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert len(list(miss)) == 1  # the feed writer made dozens of pieces
    assert len(list(hit)) == 1
    assert hit.content == miss.content
    assert hit.content.count(b"<entry>") == 5
