"""Uploaded article images are served in every profile, with safe headers (issue 11, 5)."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils.http import http_date

from news.models import Article
from tests.factories import ArticleFactory, DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _image_src(client, article) -> str:
    html = client.get(article.get_absolute_url()).content.decode()
    return re.search(r'<img src="([^"]+)"', html).group(1)


def test_media_article_image_on_the_page_is_served(client):
    article = ArticleFactory(with_image=True)

    src = _image_src(client, article)
    response = client.get(src)

    assert src.startswith("/media/afbeeldingen/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == article.image.read()


def test_media_image_response_has_safe_headers(client):
    article = ArticleFactory(with_image=True)

    response = client.get(article.image.url)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "public, max-age=3600"
    assert "Last-Modified" in response
    assert "Set-Cookie" not in response


def test_media_answers_304_when_not_modified(client):
    article = ArticleFactory(with_image=True)
    last_modified = client.get(article.image.url)["Last-Modified"]

    assert client.get(article.image.url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(article.image.url, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_media_image_of_an_unpublished_article_is_404_for_visitors(client, admin_client):
    article = ArticleFactory(with_image=True, draft=True)

    assert client.get(article.image.url).status_code == 404
    staff = admin_client.get(article.image.url)
    assert staff.status_code == 200
    assert staff["Cache-Control"] == "private, no-store"


def test_media_non_image_file_is_an_attachment(client):
    article = ArticleFactory(with_image=True)
    article.image.save("pagina.html", ContentFile(b"<script>alert(1)</script>"), save=False)
    Article.objects.filter(pk=article.pk).update(image=article.image.name)

    response = client.get(article.image.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_media_does_not_serve_documents_around_their_visibility_check(client):
    document = DocumentFactory()

    assert client.get(f"/media/{document.file.name}").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/",
        "/media/afbeeldingen/",
        "/media/afbeeldingen",
        "/media/../portal/settings.py",
        "/media/%2e%2e/portal/settings.py",
        "/media/afbeeldingen/..%2f..%2fportal%2fsettings.py",
        "/media//etc/passwd",
        "/media/%2fetc%2fpasswd",
        "/media/afbeeldingen%5c..%5c..%5cmanage.py",
        "/media/foto.png%00.html",
        "/media/bestaat-niet.png",
    ],
)
def test_media_refuses_listings_traversal_and_unknown_files(client, path):
    ArticleFactory(with_image=True)

    response = client.get(path)

    assert response.status_code == 404


def test_media_missing_file_is_404_not_500(client, media_root):
    article = ArticleFactory(with_image=True)
    (media_root / article.image.name).unlink()

    assert client.get(article.image.url).status_code == 404


def test_media_post_is_not_allowed(client):
    article = ArticleFactory(with_image=True)

    assert client.post(article.image.url).status_code == 405
