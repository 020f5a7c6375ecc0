"""What each editor group may do, enforced on the server (admin POSTs, not hidden buttons)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from news.models import Article, AuditEntry
from news.services import groups_sync
from tests.factories import ArticleFactory, SiteTextFactory, ThemeFactory
from tests.news.editors import editor_user

pytestmark = pytest.mark.django_db


def article_post_data(article, **overrides):
    """The fields the article change form posts, as a browser would send them."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "subtitle": article.subtitle,
        "lead": article.lead,
        "body": article.body,
        "themes": [theme.pk for theme in article.themes.all()] if article.pk else [],
        "kind": article.kind,
        "author": article.author,
        "publication_date": article.publication_date.isoformat(),
        "show_date": "on",
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "pinned_until": "",
        "event_starts_at_0": "",
        "event_starts_at_1": "",
        "event_ends_at_0": "",
        "event_ends_at_1": "",
        "event_location": "",
        "event_address": "",
        "event_registration_url": "",
        "event_accreditation": "",
        "image_alt": "",
        "image_credit": "",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "_continue": "1",
    }
    data.update(overrides)
    return data


def _change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def test_groups_exist_with_expected_publish_rights():
    groups_sync()
    editor = Group.objects.get(name="Redacteur")
    chief = Group.objects.get(name="Eindredacteur")
    assert not editor.permissions.filter(codename="publish_article").exists()
    assert chief.permissions.filter(codename="publish_article").exists()
    assert editor.permissions.filter(codename="change_article").exists()
    assert not editor.permissions.filter(codename="change_theme").exists()


def test_groups_sync_gives_eindredacteur_every_newsletter_permission():
    groups_sync()
    chief = Group.objects.get(name="Eindredacteur")
    from django.contrib.auth.models import Permission

    newsletter_perms = Permission.objects.filter(content_type__app_label="newsletter")
    assert newsletter_perms.exists()
    assert set(newsletter_perms) <= set(chief.permissions.all())


def test_groups_sync_is_idempotent():
    groups_sync()
    count = Group.objects.get(name="Eindredacteur").permissions.count()
    groups_sync()
    assert Group.objects.filter(name__in=["Redacteur", "Eindredacteur"]).count() == 2
    assert Group.objects.get(name="Eindredacteur").permissions.count() == count


def test_redacteur_post_with_status_published_does_not_publish(client):
    article = ArticleFactory(draft=True)
    client.force_login(editor_user("Redacteur"))
    response = client.post(_change_url(article), article_post_data(article, status="gepubliceerd", _publish="1"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not article.audit_entries.filter(action=AuditEntry.Action.PUBLISHED).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Alleen een eindredacteur mag artikelen publiceren." in messages


def test_redacteur_cannot_schedule_via_publish_at(client):
    article = ArticleFactory(draft=True)
    client.force_login(editor_user("Redacteur"))
    later = (timezone.localtime() + datetime.timedelta(days=3)).date().isoformat()
    client.post(_change_url(article), article_post_data(article, publish_at_0=later, publish_at_1="09:00"))
    article.refresh_from_db()
    assert article.publish_at is None


def test_redacteur_can_submit_for_review(client):
    article = ArticleFactory(draft=True)
    client.force_login(editor_user("Redacteur"))
    client.post(_change_url(article), article_post_data(article, _submit_review="1"))
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_eindredacteur_can_publish_from_change_form(client):
    article = ArticleFactory(review=True)
    user = editor_user("Eindredacteur")
    client.force_login(user)
    client.post(_change_url(article), article_post_data(article, _publish="1"))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.audit_entries.filter(action=AuditEntry.Action.PUBLISHED, user=user).exists()


def test_eindredacteur_can_schedule_from_change_form(client):
    article = ArticleFactory(draft=True)
    client.force_login(editor_user("Eindredacteur"))
    later = (timezone.localtime() + datetime.timedelta(days=3)).date().isoformat()
    response = client.post(
        _change_url(article), article_post_data(article, publish_at_0=later, publish_at_1="09:00", _publish="1")
    )
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(m.startswith("Het artikel is ingepland. Het staat vanaf ") for m in messages)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.is_scheduled
    assert article.audit_entries.filter(action=AuditEntry.Action.SCHEDULED).exists()


def test_redacteur_publish_action_is_not_offered_and_refused(client):
    article = ArticleFactory(review=True)
    client.force_login(editor_user("Redacteur"))
    changelist = reverse("admin:news_article_changelist")
    assert "publish_selected" not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "publish_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_eindredacteur_publish_action_publishes_selected(client):
    articles = ArticleFactory.create_batch(2, review=True)
    client.force_login(editor_user("Eindredacteur"))
    changelist = reverse("admin:news_article_changelist")
    client.post(changelist, {"action": "publish_selected", "_selected_action": [a.pk for a in articles]})
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.PUBLISHED}


# Themes, contact points, quick links and page texts: the Eindredacteur's, not the Redacteur's.
SITE_FURNITURE_PAGES = [
    ("admin:news_theme_add", []),
    ("admin:news_contactpoint_add", []),
    ("admin:news_quicklink_add", []),
    ("admin:news_sitetext_change", [1]),
]


@pytest.mark.parametrize(("url_name", "args"), SITE_FURNITURE_PAGES)
def test_redacteur_cannot_manage_site_furniture(client, url_name, args):
    SiteTextFactory()
    client.force_login(editor_user("Redacteur"))
    assert client.get(reverse(url_name, args=args)).status_code == 403


@pytest.mark.parametrize(("url_name", "args"), SITE_FURNITURE_PAGES)
def test_eindredacteur_can_manage_site_furniture(client, url_name, args):
    SiteTextFactory()
    client.force_login(editor_user("Eindredacteur"))
    assert client.get(reverse(url_name, args=args)).status_code == 200


def test_redacteur_cannot_change_theme_by_post(client):
    theme = ThemeFactory(name="Oud")
    client.force_login(editor_user("Redacteur"))
    url = reverse("admin:news_theme_change", args=[theme.pk])
    client.post(url, {"name": "Nieuw", "slug": theme.slug, "order": 1, "is_active": "on"})
    theme.refresh_from_db()
    assert theme.name == "Oud"


def test_redacteur_cannot_delete_articles(client):
    article = ArticleFactory()
    client.force_login(editor_user("Redacteur"))
    response = client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()
