"""The web version, archive, feed and sitemap of editions: public once sending started, 404 before, cached."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from newsletter.models import Edition
from newsletter.services import digest_approve, digest_assemble, digest_edition_update, digest_send_start
from tests.factories import ArticleFactory, ThemeFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
MARCH = datetime.date(2027, 3, 1)
AT_ASSEMBLY = datetime.datetime(2027, 4, 1, 6, 0, tzinfo=AMS)
WEB = "/nieuwsbrief/2027-03/"


@pytest.fixture
def edition():
    jeugd, wmo = ThemeFactory(name="Jeugd", order=1), ThemeFactory(name="Wmo", order=2)
    ArticleFactory(title="Over jeugd", publication_date=datetime.date(2027, 3, 4), themes=[jeugd])
    ArticleFactory(title="Over Wmo", publication_date=datetime.date(2027, 3, 5), themes=[wmo])
    edition = digest_assemble(month=MARCH, now=AT_ASSEMBLY).edition
    digest_edition_update(edition=edition, intro="<p>Een <strong>warm</strong> welkom</p><script>x</script>")
    return edition


def start(edition, capture):
    with capture(execute=True):
        digest_send_start(edition_id=digest_approve(edition=edition).pk)
    return Edition.objects.get(pk=edition.pk)


def test_web_version_does_not_exist_before_sending(client, edition):
    assert client.get(WEB).status_code == 404
    digest_approve(edition=edition, send_at=datetime.datetime(2099, 1, 1, tzinfo=AMS))
    assert client.get(WEB).status_code == 404
    assert "maart 2027" not in client.get(reverse("newsletter:edition_archive")).content.decode()


def test_web_version_shows_every_section_without_personal_links(client, edition, django_capture_on_commit_callbacks):
    start(edition, django_capture_on_commit_callbacks)

    response = client.get(WEB)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="utrecht-heading-1">Nieuwsbrief maart 2027</h1>' in html
    assert "<p>Een <strong>warm</strong> welkom</p>" in html and "<script>x" not in html
    assert html.index("Over jeugd") < html.index("Over Wmo")
    assert "afmelden/" not in html and "voorkeuren/" not in html
    assert 'class="utrecht-page-footer' in html  # the site's own layout, not the mail


def test_archive_feed_and_sitemap_list_the_edition_once_sending_started(
    client, edition, django_capture_on_commit_callbacks
):
    archive = client.get(reverse("newsletter:edition_archive"))  # cached for anonymous visitors
    assert WEB not in archive.content.decode()

    start(edition, django_capture_on_commit_callbacks)

    assert WEB in client.get(reverse("newsletter:edition_archive")).content.decode()  # the cache was dropped
    feed = client.get(reverse("newsletter:edition_feed")).content.decode()
    assert "<title>Nieuwsbrief maart 2027</title>" in feed and WEB in feed
    assert WEB in client.get("/sitemap.xml").content.decode()
    month_page = client.get("/archief/2027/3/").content.decode()
    assert f'href="{WEB}"' in month_page and "Lees de nieuwsbrief van maart 2027" in month_page


def test_edition_urls_refuse_impossible_months(client):
    assert client.get("/nieuwsbrief/2027-13/").status_code == 404
    assert client.get("/nieuwsbrief/2027-3/").status_code == 404


def test_sign_up_page_and_footer_link_to_the_archive(client):
    html = client.get(reverse("newsletter:subscribe")).content.decode()

    assert html.count('href="/nieuwsbrief/archief/"') == 2


def test_web_version_query_budget(
    client, edition, django_capture_on_commit_callbacks, settings, django_assert_max_num_queries
):
    settings.PUBLIC_PAGE_CACHE = False
    start(edition, django_capture_on_commit_callbacks)
    client.get(WEB)  # the site chrome is cached after the first page

    with django_assert_max_num_queries(4):
        assert client.get(WEB).status_code == 200
