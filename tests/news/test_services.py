import datetime
import io

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter

from demo.pdf import pdf_bytes
from news.models import Article, ArticleRedirect, AuditEntry, Document
from news.services import (
    article_delete,
    article_publish,
    article_publish_now,
    article_save,
    article_submit_for_review,
    article_unpublish,
    document_save,
)
from news.services import documents as documents_service
from tests.factories import ArticleFactory, ThemeFactory
from tests.news.editors import editor_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_calls(monkeypatch):
    calls = []
    monkeypatch.setattr("news.caching.public_pages_changed", lambda: calls.append(1))
    return calls


def _new_article(**fields):
    defaults = {"title": "Nieuwe regeling", "slug": "nieuwe-regeling", "lead": "Kort.", "body": "<p>Tekst</p>"}
    return Article(**{**defaults, **fields})


def test_article_save_sanitises_body_and_lead():
    article = _new_article(body='<p onclick="x">Hallo<script>alert(1)</script></p>', lead="<b>Kort</b>  nieuws")
    article_save(article=article, themes=[ThemeFactory()])
    article.refresh_from_db()
    assert article.body == "<p>Hallo</p>"
    assert article.lead == "Kort nieuws"


def test_article_save_requires_at_least_one_theme():
    with pytest.raises(ValidationError) as caught:
        article_save(article=_new_article(), themes=[])
    assert caught.value.message_dict["themes"] == ["Kies minstens één thema."]
    assert not Article.objects.exists()


def test_article_save_rejects_more_than_three_themes():
    with pytest.raises(ValidationError) as caught:
        article_save(article=_new_article(), themes=ThemeFactory.create_batch(4))
    assert caught.value.message_dict["themes"] == ["Kies hoogstens drie thema's. U koos er 4."]


def test_article_save_new_article_without_themes_argument_is_rejected():
    with pytest.raises(ValidationError):
        article_save(article=_new_article())


def test_article_save_keeps_existing_themes_when_none_given():
    article = ArticleFactory(themes=[ThemeFactory()])
    article.title = "Andere titel"
    article_save(article=article)
    assert article.themes.count() == 1


def test_article_save_records_redirect_when_slug_changes():
    article = ArticleFactory(slug="oud")
    article.slug = "nieuw"
    article_save(article=article)
    assert ArticleRedirect.objects.get(old_slug="oud").article == article


def test_article_save_renaming_back_removes_the_redirect_that_would_loop():
    article = ArticleFactory(slug="oud")
    article.slug = "nieuw"
    article_save(article=article)
    article.slug = "oud"
    article_save(article=article)
    assert list(ArticleRedirect.objects.values_list("old_slug", flat=True)) == ["nieuw"]


def test_article_save_writes_audit_entries():
    user = editor_user("Redacteur")
    article = _new_article()
    article_save(article=article, user=user, themes=[ThemeFactory()])
    article_save(article=article, user=user)
    assert list(article.audit_entries.order_by("id").values_list("action", "user")) == [
        (AuditEntry.Action.CREATED, user.pk),
        (AuditEntry.Action.CHANGED, user.pk),
    ]
    assert article.created_by == user


def test_article_save_replaces_links():
    article = ArticleFactory(links=[("Oud", "https://example.nl/oud")])
    article_save(article=article, links=[("Aanmelden", "https://example.nl/a"), ("Meer", "https://example.nl/m")])
    assert list(article.links.values_list("label", flat=True)) == ["Aanmelden", "Meer"]


def test_article_save_invalidates_public_cache_after_commit(cache_calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article_save(article=_new_article(), themes=[ThemeFactory()])
    assert cache_calls == [1]


def test_article_save_by_redacteur_cannot_change_status():
    article = ArticleFactory(draft=True)
    article.status = Article.Status.PUBLISHED
    with pytest.raises(PermissionDenied):
        article_save(article=article, user=editor_user("Redacteur"))
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_article_submit_for_review_moves_draft_to_review():
    article = ArticleFactory(draft=True)
    user = editor_user("Redacteur")
    article_submit_for_review(article=article, user=user)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert article.audit_entries.get().action == AuditEntry.Action.SUBMITTED


def test_article_submit_for_review_refuses_published_article():
    with pytest.raises(ValidationError, match="al gepubliceerd"):
        article_submit_for_review(article=ArticleFactory(published=True))


def test_article_publish_by_eindredacteur_publishes_and_audits():
    article = ArticleFactory(review=True)
    user = editor_user("Eindredacteur")
    article_publish(article=article, user=user)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    entry = article.audit_entries.get()
    assert (entry.action, entry.user) == (AuditEntry.Action.PUBLISHED, user)
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_article_publish_with_future_publish_at_is_scheduled():
    article = ArticleFactory(draft=True, publish_at=timezone.now() + datetime.timedelta(days=2))
    article_publish(article=article, user=editor_user("Eindredacteur"))
    entry = article.audit_entries.get()
    assert entry.action == AuditEntry.Action.SCHEDULED
    assert entry.detail.startswith("Zichtbaar vanaf ")
    assert str(article.status_label) == "Ingepland"
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_article_publish_refused_for_redacteur():
    article = ArticleFactory(review=True)
    with pytest.raises(PermissionDenied, match="eindredacteur"):
        article_publish(article=article, user=editor_user("Redacteur"))
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert not article.audit_entries.exists()


def test_article_publish_refuses_article_without_themes():
    article = ArticleFactory(draft=True, themes=[])
    with pytest.raises(ValidationError, match="minstens één thema"):
        article_publish(article=article)


def test_article_unpublish_returns_article_to_draft():
    article = ArticleFactory(published=True)
    article_unpublish(article=article, user=editor_user("Eindredacteur"))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.audit_entries.get().action == AuditEntry.Action.UNPUBLISHED


def test_article_unpublish_refused_for_redacteur():
    article = ArticleFactory(published=True)
    with pytest.raises(PermissionDenied):
        article_unpublish(article=article, user=editor_user("Redacteur"))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


# --- Documents ------------------------------------------------------------------------------


def _pdf(name="raadsbrief.pdf", text="Hervormingen in het sociaal domein"):
    return SimpleUploadedFile(name, pdf_bytes(title="Raadsbrief", paragraphs=[text]), "application/pdf")


def test_document_save_extracts_text_and_makes_slug(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = document_save(document=Document(title="Raadsbrief hervormingen", file=_pdf()))
    assert "Hervormingen in het sociaal domein" in document.text
    assert document.slug == "raadsbrief-hervormingen"


def test_document_save_rejects_non_pdf(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("brief.pdf", b"<html>geen pdf</html>", "application/pdf")
    with pytest.raises(ValidationError) as caught:
        document_save(document=Document(title="Brief", file=fake))
    assert caught.value.message_dict["file"] == [
        "Dit is geen pdf-bestand. Sla het document op als pdf en probeer het opnieuw."
    ]
    assert not Document.objects.exists()


def test_document_save_rejects_files_over_the_limit(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(documents_service, "MAX_DOCUMENT_SIZE", 100)
    with pytest.raises(ValidationError) as caught:
        document_save(document=Document(title="Groot", file=_pdf()))
    assert "Het mag hoogstens 100" in caught.value.message_dict["file"][0]


def test_document_save_keeps_going_when_pdf_has_no_readable_text(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)  # a scan without a text layer reads as no text
    writer.write(buffer)
    scan = SimpleUploadedFile("scan.pdf", buffer.getvalue(), "application/pdf")
    document = document_save(document=Document(title="Scan", file=scan))
    assert document.text == ""
    assert document.pk


def test_article_save_slug_change_keeps_old_url_working(client):
    cache.clear()  # public pages are cached for anonymous visitors
    article = ArticleFactory(slug="oude-titel", published=True)
    article.slug = "nieuwe-titel"
    article_save(article=article)
    response = client.get("/nieuws/oude-titel/")
    assert response.status_code == 301
    assert response["Location"] == "/nieuws/nieuwe-titel/"


def test_article_delete_keeps_the_audit_trail_with_the_title():
    user = editor_user("Eindredacteur")
    article = _new_article(title="Weg ermee")
    article_save(article=article, user=user, themes=[ThemeFactory()])
    article_delete(article=article, user=user)
    assert not Article.objects.filter(title="Weg ermee").exists()
    entries = list(AuditEntry.objects.order_by("id").values_list("action", "article", "article_title", "user"))
    assert entries == [
        (AuditEntry.Action.CREATED, None, "Weg ermee", user.pk),
        (AuditEntry.Action.DELETED, None, "Weg ermee", user.pk),
    ]
    assert str(AuditEntry.objects.get(action=AuditEntry.Action.DELETED)) == "Verwijderd: Weg ermee"


def test_article_delete_refused_for_redacteur():
    article = ArticleFactory()
    with pytest.raises(PermissionDenied, match="eindredacteur"):
        article_delete(article=article, user=editor_user("Redacteur"))
    assert Article.objects.filter(pk=article.pk).exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.DELETED).exists()


def _actions(article):
    return list(article.audit_entries.order_by("id").values_list("action", flat=True))


def test_article_save_clearing_publish_at_of_scheduled_article_records_published():
    article = ArticleFactory(published=True, publish_at=timezone.now() + datetime.timedelta(days=2))
    article.publish_at = None
    article_save(article=article, user=editor_user("Eindredacteur"))
    assert _actions(article) == [AuditEntry.Action.CHANGED, AuditEntry.Action.PUBLISHED]
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_article_save_moving_live_article_into_the_future_records_scheduled():
    article = ArticleFactory(published=True)
    article.publish_at = timezone.now() + datetime.timedelta(days=3)
    article_save(article=article, user=editor_user("Eindredacteur"))
    assert _actions(article) == [AuditEntry.Action.CHANGED, AuditEntry.Action.SCHEDULED]
    assert article.audit_entries.get(action=AuditEntry.Action.SCHEDULED).detail.startswith("Zichtbaar vanaf ")


def test_article_save_without_visibility_change_records_only_changed():
    live = ArticleFactory(published=True)
    draft = ArticleFactory(draft=True)
    draft.publish_at = timezone.now() + datetime.timedelta(days=3)
    for article in (live, draft):
        article.title = "Nieuwe titel"
        article_save(article=article)
        assert _actions(article) == [AuditEntry.Action.CHANGED]


def test_article_publish_scheduled_takes_the_planned_day_as_publication_date():
    planned = timezone.now() + datetime.timedelta(days=5)
    article = ArticleFactory(draft=True, publish_at=planned, publication_date=datetime.date(2026, 1, 2))
    article_publish(article=article, user=editor_user("Eindredacteur"))
    article.refresh_from_db()
    assert article.publication_date == timezone.localdate(planned)


def test_article_publish_keeps_chosen_or_immediate_publication_date():
    chosen = datetime.date(2026, 1, 2)
    scheduled = ArticleFactory(
        draft=True, publish_at=timezone.now() + datetime.timedelta(days=5), publication_date=chosen
    )
    now = ArticleFactory(draft=True, publication_date=chosen)
    article_publish(article=scheduled, keep_publication_date=True)
    article_publish(article=now)
    for article in (scheduled, now):
        article.refresh_from_db()
        assert article.publication_date == chosen


def test_article_save_publishing_scheduled_article_now_dates_it_today():
    article = ArticleFactory(draft=True, publish_at=timezone.now() + datetime.timedelta(days=5))
    article_publish(article=article)
    assert article.publication_date > timezone.localdate()
    article.publish_at = None
    article_save(article=article)
    article.refresh_from_db()
    assert article.publication_date == timezone.localdate()


def test_article_publish_now_makes_scheduled_article_visible_today_in_one_logged_step():
    article = ArticleFactory(draft=True, publish_at=timezone.now() + datetime.timedelta(days=5))
    article_publish(article=article)
    article.publish_at = timezone.now() + datetime.timedelta(days=9)  # a changed plan in the same save is dropped

    article_publish_now(article=article, user=editor_user("Eindredacteur"))

    article.refresh_from_db()
    assert (article.publish_at, article.publication_date) == (None, timezone.localdate())
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert _actions(article)[-2:] == [AuditEntry.Action.CHANGED, AuditEntry.Action.PUBLISHED]


def test_article_publish_now_publishes_a_planned_draft():
    article = ArticleFactory(draft=True, publish_at=timezone.now() + datetime.timedelta(days=2))

    article_publish_now(article=article, themes=[ThemeFactory()])

    article.refresh_from_db()
    assert (article.status, article.publish_at) == (Article.Status.PUBLISHED, None)
    assert _actions(article) == [AuditEntry.Action.CHANGED, AuditEntry.Action.PUBLISHED]


def test_article_publish_now_refused_for_redacteur_saves_nothing():
    planned = timezone.now() + datetime.timedelta(days=2)
    article = ArticleFactory(draft=True, publish_at=planned, title="Oud")
    article.title = "Nieuw"

    with pytest.raises(PermissionDenied, match="eindredacteur"):
        article_publish_now(article=article, user=editor_user("Redacteur"))

    article.refresh_from_db()
    assert (article.title, article.status, article.publish_at) == ("Oud", Article.Status.DRAFT, planned)
    assert not article.audit_entries.exists()
