import pytest
from django.urls import reverse
from reversion.models import Version

from news.models import Article, AuditEntry
from news.services import article_restore_revision, article_save
from tests.factories import ThemeFactory
from tests.news.editors import editor_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def article_with_history():
    """An article saved twice: first 'Eerste titel' with one link, then 'Tweede titel' without links."""
    first_theme, second_theme = ThemeFactory(), ThemeFactory()
    article = Article(title="Eerste titel", slug="eerste", lead="Eerste inleiding.", body="<p>Een</p>")
    article_save(article=article, themes=[first_theme], links=[("Aanmelden", "https://example.nl/a")])
    article.title, article.slug, article.body = "Tweede titel", "tweede", "<p>Twee</p>"
    article_save(article=article, themes=[second_theme], links=[])
    return article, first_theme


def _oldest_version(article):
    return Version.objects.get_for_object(article).order_by("pk").first()


def test_article_save_records_a_revision_each_time(article_with_history):
    article, _ = article_with_history
    assert Version.objects.get_for_object(article).count() == 2


def test_article_restore_revision_brings_back_content_themes_and_links(article_with_history):
    article, first_theme = article_with_history
    article_restore_revision(article=article, version_id=_oldest_version(article).pk)
    article.refresh_from_db()
    assert (article.title, article.slug, article.body) == ("Eerste titel", "eerste", "<p>Een</p>")
    assert list(article.themes.all()) == [first_theme]
    assert list(article.links.values_list("label", "url")) == [("Aanmelden", "https://example.nl/a")]
    assert article.audit_entries.filter(action=AuditEntry.Action.RESTORED).exists()
    newest = Version.objects.get_for_object(article).order_by("-pk").first()
    assert newest.revision.comment.startswith("Versie van ")
    assert newest.revision.comment.endswith(" teruggezet")


def test_article_restore_revision_keeps_status(article_with_history):
    article, _ = article_with_history
    Article.objects.filter(pk=article.pk).update(status=Article.Status.REVIEW)
    article.refresh_from_db()
    article_restore_revision(article=article, version_id=_oldest_version(article).pk)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_article_restore_revision_keeps_the_newer_url_working(article_with_history):
    article, _ = article_with_history
    article_restore_revision(article=article, version_id=_oldest_version(article).pk)
    assert list(article.redirects.values_list("old_slug", flat=True)) == ["tweede"]


def test_admin_history_lists_versions(client, article_with_history):
    article, _ = article_with_history
    client.force_login(editor_user("Redacteur"))
    response = client.get(reverse("admin:news_article_history", args=[article.pk]))
    assert response.status_code == 200
    assert reverse("admin:news_article_revision", args=[article.pk, _oldest_version(article).pk]) in response.text


def test_admin_revision_view_shows_old_content_without_changing_anything(client, article_with_history):
    article, _ = article_with_history
    client.force_login(editor_user("Redacteur"))
    url = reverse("admin:news_article_revision", args=[article.pk, _oldest_version(article).pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Eerste titel" in response.text
    assert f'href="{reverse("admin:news_article_history", args=[article.pk])}"' in response.text
    assert '<li aria-current="page">Eerdere versie</li>' in response.text
    article.refresh_from_db()
    assert article.title == "Tweede titel"


def test_admin_revision_post_restores_through_the_service(client, article_with_history):
    article, _ = article_with_history
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    user = editor_user("Redacteur")
    client.force_login(user)
    url = reverse("admin:news_article_revision", args=[article.pk, _oldest_version(article).pk])
    response = client.post(url, {"title": "genegeerd", "status": "concept"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Eerste titel"
    assert article.status == Article.Status.PUBLISHED
    assert article.audit_entries.filter(action=AuditEntry.Action.RESTORED, user=user).exists()


def test_admin_recover_deleted_is_for_eindredacteur_only(client):
    client.force_login(editor_user("Redacteur"))
    assert client.get(reverse("admin:news_article_recoverlist")).status_code == 403
