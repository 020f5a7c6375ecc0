import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from demo.pdf import pdf_bytes
from news.models import Article, AuditEntry, Document
from tests.factories import ArticleFactory, ContactPointFactory, DocumentFactory, SiteTextFactory, ThemeFactory
from tests.news.editors import editor_user
from tests.news.test_permissions import article_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief_client(client):
    client.force_login(editor_user("Eindredacteur"))
    return client


@pytest.fixture
def editor_client(client):
    client.force_login(editor_user("Redacteur"))
    return client


def test_admin_index_is_dutch(chief_client):
    response = chief_client.get(reverse("admin:index"))
    assert "Beheer \u2013 Nieuws voor zorgprofessionals" in response.text
    assert "Artikelen" in response.text


def test_article_changelist_shows_status_themes_and_markers(chief_client, django_assert_max_num_queries):
    theme = ThemeFactory(name="Mantelzorg extra")
    ArticleFactory(title="Gepland bericht", scheduled=True, themes=[theme])
    ArticleFactory.create_batch(5, event=True)
    ArticleFactory(pinned=True)
    with django_assert_max_num_queries(25):
        response = chief_client.get(reverse("admin:news_article_changelist"))
    assert response.status_code == 200
    assert "Gepland bericht" in response.text
    assert "Ingepland" in response.text
    assert "Mantelzorg extra" in response.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("concept", "Concept stuk"),
        ("review", "Review stuk"),
        ("ingepland", "Gepland stuk"),
        ("gepubliceerd", "Live stuk"),
        ("verlopen", "Verlopen stuk"),
    ],
)
def test_article_status_filter(chief_client, value, expected):
    ArticleFactory(title="Concept stuk", draft=True)
    ArticleFactory(title="Review stuk", review=True)
    ArticleFactory(title="Gepland stuk", scheduled=True)
    ArticleFactory(title="Live stuk", published=True)
    ArticleFactory(title="Verlopen stuk", published=True, unpublish_at=timezone.now() - datetime.timedelta(hours=1))
    response = chief_client.get(reverse("admin:news_article_changelist"), {"status": value})
    titles = [a.title for a in response.context["cl"].result_list]
    assert titles == [expected]


def test_article_month_filter(chief_client):
    ArticleFactory(title="Maart", publication_date=datetime.date(2025, 3, 10))
    ArticleFactory(title="April", publication_date=datetime.date(2025, 4, 10))
    response = chief_client.get(reverse("admin:news_article_changelist"), {"maand": "2025-03"})
    assert [a.title for a in response.context["cl"].result_list] == ["Maart"]
    assert "maart 2025" in response.text


def _theme_filter_choices(response):
    changelist = response.context["cl"]
    spec = next(spec for spec in changelist.filter_specs if spec.title == "thema's")
    return [str(choice["display"]) for choice in spec.choices(changelist)]


def test_article_theme_filter_lists_themes_without_a_bare_dash(chief_client):
    ArticleFactory(themes=[ThemeFactory(name="Jeugd en gezin")])
    choices = _theme_filter_choices(chief_client.get(reverse("admin:news_article_changelist")))
    assert "Jeugd en gezin" in choices
    assert "-" not in choices
    assert "Zonder thema" not in choices  # every article has a theme: that choice would list nothing


def test_document_theme_filter_names_documents_without_theme(chief_client):
    DocumentFactory(title="Losse brief")
    DocumentFactory(title="Brief over jeugd", themes=[ThemeFactory(name="Jeugd en gezin")])
    url = reverse("admin:news_document_changelist")
    assert _theme_filter_choices(chief_client.get(url))[-1] == "Zonder thema"
    response = chief_client.get(url, {"themes__isnull": "True"})
    assert [document.title for document in response.context["cl"].result_list] == ["Losse brief"]


def test_article_add_page_has_prose_editor_and_workflow_buttons(chief_client):
    response = chief_client.get(reverse("admin:news_article_add"))
    assert response.status_code == 200
    assert "prose-editor" in response.text
    assert "Alleen voor bijeenkomsten" in response.text
    assert 'name="_publish"' in response.text
    assert 'name="_submit_review"' in response.text


def test_article_add_page_for_redacteur_has_no_publish_button(editor_client):
    response = editor_client.get(reverse("admin:news_article_add"))
    assert 'name="_publish"' not in response.text
    assert 'name="_submit_review"' in response.text


def test_article_admin_rejects_more_than_three_themes_in_dutch(chief_client):
    article = ArticleFactory(draft=True)
    themes = [t.pk for t in ThemeFactory.create_batch(4)]
    url = reverse("admin:news_article_change", args=[article.pk])
    response = chief_client.post(url, article_post_data(article, themes=themes))
    assert response.status_code == 200
    assert "Kies hoogstens drie thema&#x27;s. U koos er 4." in response.text


def test_article_admin_requires_end_date_for_pinned(chief_client):
    article = ArticleFactory(draft=True)
    url = reverse("admin:news_article_change", args=[article.pk])
    response = chief_client.post(url, article_post_data(article, is_pinned="on"))
    assert "Kies tot en met welke datum het bericht bovenaan blijft staan." in response.text


def test_article_admin_shows_event_and_lead_messages(chief_client):
    article = ArticleFactory(draft=True)
    url = reverse("admin:news_article_change", args=[article.pk])
    response = chief_client.post(url, article_post_data(article, kind="bijeenkomst", lead=""))
    assert "Vul in wanneer de bijeenkomst begint." in response.text
    assert "Vul een inleiding in. Die staat in overzichten en in de nieuwsbrief." in response.text


def test_article_admin_add_creates_article_with_event_and_link(chief_client):
    theme = ThemeFactory()
    document = DocumentFactory()
    data = article_post_data(
        Article(title="Netwerkbijeenkomst", slug="netwerkbijeenkomst", lead="Kom ook.", body="<p>Welkom</p>"),
        themes=[theme.pk],
        documents=[document.pk],
        kind="bijeenkomst",
        event_starts_at_0="2030-03-12",
        event_starts_at_1="14:00",
        event_ends_at_0="2030-03-12",
        event_ends_at_1="16:00",
        event_location="Stadhuis",
        **{
            "links-TOTAL_FORMS": "1",
            "links-0-label": "Aanmelden",
            "links-0-url": "https://example.nl/a",
            "links-0-order": "0",
        },
    )
    data["publication_date"] = "2030-02-01"
    response = chief_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(slug="netwerkbijeenkomst")
    assert article.is_event
    assert list(article.documents.all()) == [document]
    assert list(article.links.values_list("label", flat=True)) == ["Aanmelden"]
    assert article.audit_entries.get().action == AuditEntry.Action.CREATED


def test_article_admin_body_is_sanitised_on_save(chief_client):
    article = ArticleFactory(draft=True)
    url = reverse("admin:news_article_change", args=[article.pk])
    chief_client.post(url, article_post_data(article, body='<p style="color:red">Hoi<script>alert(1)</script></p>'))
    article.refresh_from_db()
    assert article.body == "<p>Hoi</p>"


def test_article_preview_shows_teaser_for_draft(editor_client):
    article = ArticleFactory(draft=True, title="Nog geheim", lead="De inleiding voor de nieuwsbrief.")
    response = editor_client.get(reverse("admin:news_article_preview", args=[article.pk]))
    assert response.status_code == 200
    assert "Nog geheim" in response.text
    assert "De inleiding voor de nieuwsbrief." in response.text
    assert "staat nog niet op de site" in response.text
    assert f'href="{reverse("admin:news_article_change", args=[article.pk])}">Nog geheim</a>' in response.text
    assert '<li aria-current="page">Voorbeeld</li>' in response.text


def test_article_preview_teaser_says_lees_meer_as_the_site_does(editor_client):
    article = ArticleFactory(draft=True)
    html = editor_client.get(reverse("admin:news_article_preview", args=[article.pk])).text
    page_url = reverse("admin:news_article_preview_page", args=[article.pk])
    assert f'<a href="{page_url}">Lees meer</a>' in html
    assert "Lees verder" not in html


def test_article_preview_page_renders_draft_body(editor_client):
    article = ArticleFactory(draft=True, body="<p>Concepttekst van het artikel</p>")
    response = editor_client.get(reverse("admin:news_article_preview_page", args=[article.pk]))
    assert response.status_code == 200
    assert "Concepttekst van het artikel" in response.content.decode()


def test_article_preview_of_missing_article_is_404(editor_client):
    for name in ("admin:news_article_preview", "admin:news_article_preview_page"):
        assert editor_client.get(reverse(name, args=[987654])).status_code == 404


def test_article_preview_requires_staff(client):
    article = ArticleFactory(draft=True)
    response = client.get(reverse("admin:news_article_preview", args=[article.pk]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_document_admin_upload_extracts_text(chief_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("brief.pdf", pdf_bytes(title="Brief", paragraphs=["Wijkteams en toegang"]))
    response = chief_client.post(
        reverse("admin:news_document_add"),
        {"title": "Raadsbrief wijkteams", "slug": "raadsbrief-wijkteams", "kind": "raadsbrief", "file": pdf},
    )
    assert response.status_code == 302
    assert "Wijkteams en toegang" in Document.objects.get().text


def test_document_admin_rejects_non_pdf_in_dutch(chief_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("brief.pdf", b"geen pdf")
    response = chief_client.post(
        reverse("admin:news_document_add"), {"title": "Brief", "slug": "brief", "kind": "raadsbrief", "file": fake}
    )
    assert response.status_code == 200
    assert "Dit is geen pdf-bestand." in response.text
    assert not Document.objects.exists()


def test_sitetext_changelist_goes_to_the_single_row(chief_client):
    SiteTextFactory()
    response = chief_client.get(reverse("admin:news_sitetext_changelist"))
    assert response["Location"] == reverse("admin:news_sitetext_change", args=[1])
    assert chief_client.get(reverse("admin:news_sitetext_add")).status_code == 403


def test_audit_log_is_read_only(chief_client):
    article = ArticleFactory()
    entry = AuditEntry.objects.create(article=article, action=AuditEntry.Action.PUBLISHED, at=timezone.now())
    assert chief_client.get(reverse("admin:news_auditentry_changelist")).status_code == 200
    assert chief_client.get(reverse("admin:news_auditentry_add")).status_code == 403
    response = chief_client.post(reverse("admin:news_auditentry_delete", args=[entry.pk]), {"post": "yes"})
    assert response.status_code == 403


def test_article_view_on_site_points_to_preview_until_visible(chief_client):
    draft = ArticleFactory(draft=True)
    live = ArticleFactory(published=True)
    draft_page = chief_client.get(reverse("admin:news_article_change", args=[draft.pk])).text
    live_page = chief_client.get(reverse("admin:news_article_change", args=[live.pk])).text
    assert reverse("admin:news_article_preview_page", args=[draft.pk]) in draft_page
    assert f'href="{live.get_absolute_url()}"' in live_page


def test_article_changelist_offers_recover_only_to_eindredacteur(client):
    recover_url = reverse("admin:news_article_recoverlist")
    client.force_login(editor_user("Redacteur", username="redacteur"))
    assert recover_url not in client.get(reverse("admin:news_article_changelist")).text
    client.force_login(editor_user("Eindredacteur", username="eindredacteur"))
    assert recover_url in client.get(reverse("admin:news_article_changelist")).text


def test_article_admin_delete_by_eindredacteur_keeps_the_log(chief_client):
    article = ArticleFactory(title="Oude oproep")
    AuditEntry.objects.create(article=article, action=AuditEntry.Action.PUBLISHED)
    url = reverse("admin:news_article_delete", args=[article.pk])
    assert "logregel" not in chief_client.get(url).content.decode()
    response = chief_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    deleted = AuditEntry.objects.get(action=AuditEntry.Action.DELETED)
    assert (deleted.article_title, deleted.user.username) == ("Oude oproep", "eindredacteur")
    assert AuditEntry.objects.get(action=AuditEntry.Action.PUBLISHED).article_title == "Oude oproep"
    changelist = chief_client.get(reverse("admin:news_auditentry_changelist")).content.decode()
    assert "Oude oproep" in changelist


def test_article_admin_bulk_delete_records_each_article(chief_client):
    articles = ArticleFactory.create_batch(2)
    response = chief_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in articles], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Article.objects.exists()
    titles = set(AuditEntry.objects.filter(action=AuditEntry.Action.DELETED).values_list("article_title", flat=True))
    assert titles == {a.title for a in articles}


def test_article_admin_delete_refused_for_redacteur(editor_client):
    article = ArticleFactory()
    response = editor_client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_article_admin_publish_now_makes_scheduled_article_visible(chief_client):
    article = ArticleFactory(published=True, publish_at=timezone.now() + datetime.timedelta(days=2))
    url = reverse("admin:news_article_change", args=[article.pk])
    assert 'name="_publish_now"' in chief_client.get(url).content.decode()
    data = article_post_data(article, publish_at_0="01-01-2099", publish_at_1="08:00")
    response = chief_client.post(url, {**data, "_publish_now": "1"}, follow=True)
    assert "Het artikel is gepubliceerd en staat nu op de site." in response.content.decode()
    article.refresh_from_db()
    assert article.publish_at is None
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert article.audit_entries.filter(action=AuditEntry.Action.PUBLISHED).count() == 1


def test_article_admin_publish_now_publishes_draft_with_planned_moment(chief_client):
    article = ArticleFactory(draft=True, publish_at=timezone.now() + datetime.timedelta(days=2))
    url = reverse("admin:news_article_change", args=[article.pk])
    chief_client.post(url, {**article_post_data(article), "_publish_now": "1"})
    article.refresh_from_db()
    assert (article.status, article.publish_at) == (Article.Status.PUBLISHED, None)
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_article_admin_publish_now_not_offered_to_redacteur_or_for_live_article(client, chief_client):
    scheduled = ArticleFactory(published=True, publish_at=timezone.now() + datetime.timedelta(days=2))
    live = ArticleFactory(published=True)
    assert "_publish_now" not in chief_client.get(reverse("admin:news_article_change", args=[live.pk])).content.decode()
    client.force_login(editor_user("Redacteur"))
    page = client.get(reverse("admin:news_article_change", args=[scheduled.pk])).content.decode()
    assert "_publish_now" not in page


def test_article_admin_forged_publish_now_by_redacteur_saves_but_does_not_publish(editor_client):
    planned = timezone.now() + datetime.timedelta(days=2)
    article = ArticleFactory(draft=True, publish_at=planned)
    data = article_post_data(article, title="Nieuwe titel", _publish_now="1")
    response = editor_client.post(reverse("admin:news_article_change", args=[article.pk]), data, follow=True)
    assert "Alleen een eindredacteur mag artikelen publiceren." in response.content.decode()
    article.refresh_from_db()
    assert (article.title, article.status, article.publish_at) == ("Nieuwe titel", Article.Status.DRAFT, planned)


def _event_fieldset(html):
    start = html.index("Alleen voor bijeenkomsten")
    return html[html.rindex("<fieldset", 0, start) : start]


def test_article_admin_event_fieldset_open_for_event_and_collapsed_otherwise(chief_client):
    event = ArticleFactory(kind=Article.Kind.BIJEENKOMST, event_starts_at=timezone.now() + datetime.timedelta(days=9))
    news = ArticleFactory(kind=Article.Kind.NIEUWS)
    event_page = chief_client.get(reverse("admin:news_article_change", args=[event.pk])).content.decode()
    news_page = chief_client.get(reverse("admin:news_article_change", args=[news.pk])).content.decode()
    assert "collapse" not in _event_fieldset(event_page)
    assert "collapse" in _event_fieldset(news_page)


def test_article_admin_scheduling_help_only_for_eindredacteur(client, chief_client):
    article = ArticleFactory(draft=True)
    url = reverse("admin:news_article_change", args=[article.pk])
    assert "plant u het artikel in" in chief_client.get(url).content.decode()
    client.force_login(editor_user("Redacteur"))
    page = client.get(url).content.decode()
    assert "plant u het artikel in" not in page
    assert "Bied het artikel ter review aan" in page


def test_article_preview_page_shows_preview_notice_with_edit_link(editor_client):
    article = ArticleFactory(draft=True)
    html = editor_client.get(reverse("admin:news_article_preview_page", args=[article.pk])).content.decode()
    assert "dit artikel is nog niet (of niet zo) gepubliceerd" in html
    assert 'class="utrecht-alert utrecht-alert--warning news-preview-notice"' in html
    assert f'href="{reverse("admin:news_article_change", args=[article.pk])}">Terug naar bewerken</a>' in html


def test_article_public_page_never_shows_preview_notice(client):
    article = ArticleFactory(published=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert article.title in html
    assert "Terug naar bewerken" not in html
    assert "news-preview-notice" not in html


def test_article_admin_titles_labels_and_inline_are_dutch_sentences(chief_client):
    add_page = chief_client.get(reverse("admin:news_article_add")).content.decode()
    assert "<title>Artikel toevoegen |" in add_page
    assert "Webadres (slug)" in add_page
    assert "Het laatste deel van het webadres" in add_page
    assert "Nog een link toevoegen" in add_page
    article = ArticleFactory()
    change_page = chief_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "| Artikel wijzigen |" in change_page
    document_page = chief_client.get(reverse("admin:news_document_add")).content.decode()
    assert "<title>Document toevoegen |" in document_page


@pytest.mark.parametrize(("new_date", "expected"), [(None, "planned"), ("2026-01-02", "2026-01-02")])
def test_article_admin_schedule_moves_publication_date_unless_editor_set_it(chief_client, new_date, expected):
    article = ArticleFactory(draft=True, publication_date=datetime.date(2025, 6, 1))
    planned = timezone.localdate() + datetime.timedelta(days=4)
    data = article_post_data(article, publish_at_0=planned.strftime("%d-%m-%Y"), publish_at_1="08:00")
    data["initial-publication_date"] = "2025-06-01"  # the form's hidden initial (the field has a callable default)
    if new_date:
        data["publication_date"] = new_date
    chief_client.post(reverse("admin:news_article_change", args=[article.pk]), {**data, "_publish": "1"})
    article.refresh_from_db()
    assert article.is_scheduled
    assert article.publication_date == (planned if expected == "planned" else datetime.date.fromisoformat(expected))


def test_article_preview_page_shows_theme_contact_point(editor_client):
    contact = ContactPointFactory(name="Team Jeugdzorg")
    article = ArticleFactory(draft=True, themes=[ThemeFactory(contact_point=contact)])
    html = editor_client.get(reverse("admin:news_article_preview_page", args=[article.pk])).content.decode()
    assert "Vragen?" in html
    assert "Team Jeugdzorg" in html
