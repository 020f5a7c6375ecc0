"""Admins for themes, contact points, documents, page texts, quick links, redirects and the audit log."""

from django.contrib import admin
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from news import caching
from news.admin.base import CapitalTitleMixin
from news.admin.filters import ThemeFilter
from news.forms import DocumentAdminForm
from news.models import ArticleRedirect, AuditEntry, ContactPoint, Document, QuickLink, SiteText, Theme
from news.services import document_save, search_vectors_update
from portal.admin import AppendOnlyAdminMixin


class PublicPagesChangedMixin:
    """These models show on every public page: empty the page cache after each write."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        transaction.on_commit(caching.public_pages_changed)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(caching.public_pages_changed)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        transaction.on_commit(caching.public_pages_changed)


@admin.register(Theme)
class ThemeAdmin(PublicPagesChangedMixin, CapitalTitleMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_active", "contact_point"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["contact_point"]


@admin.register(ContactPoint)
class ContactPointAdmin(PublicPagesChangedMixin, CapitalTitleMixin, admin.ModelAdmin):
    list_display = ["name", "email", "phone", "show_in_contact_block", "order", "last_checked"]
    list_editable = ["show_in_contact_block", "order"]
    list_filter = ["show_in_contact_block"]
    search_fields = ["name", "email", "notes"]


@admin.register(Document)
class DocumentAdmin(CapitalTitleMixin, admin.ModelAdmin):
    form = DocumentAdminForm
    list_display = ["title", "kind", "date", "issuer"]
    list_filter = ["kind", ("themes", ThemeFilter)]
    search_fields = ["title", "issuer", "summary", "text"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["themes"]
    readonly_fields = ["text_excerpt"]
    fields = ["title", "slug", "kind", "date", "issuer", "summary", "file", "themes", "text_excerpt"]

    @admin.display(description=_("tekst uit de pdf (begin)"))
    def text_excerpt(self, obj):
        if not obj.text:
            return _("Nog geen tekst: die wordt bij het opslaan uit de pdf gehaald.")
        return Truncator(obj.text).words(60)

    def save_model(self, request, obj, form, change):
        document_save(document=obj, file_changed="file" in form.changed_data)

    def delete_model(self, request, obj):
        article_ids = list(obj.articles.values_list("pk", flat=True))
        super().delete_model(request, obj)
        search_vectors_update(article_ids=article_ids)

    def delete_queryset(self, request, queryset):
        article_ids = list(queryset.values_list("articles", flat=True))
        super().delete_queryset(request, queryset)
        search_vectors_update(article_ids=[pk for pk in article_ids if pk is not None])


@admin.register(SiteText)
class SiteTextAdmin(PublicPagesChangedMixin, CapitalTitleMixin, admin.ModelAdmin):
    """One row: the list goes straight to it, and it can be neither added twice nor deleted."""

    fields = ["title", "intro", "newsletter_cta"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteText.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if SiteText.objects.filter(pk=1).exists():
            return HttpResponseRedirect(reverse("admin:news_sitetext_change", args=[1]))
        return HttpResponseRedirect(reverse("admin:news_sitetext_add"))

    def save_model(self, request, obj, form, change):
        obj.pk = 1
        super().save_model(request, obj, form, change)


@admin.register(QuickLink)
class QuickLinkAdmin(PublicPagesChangedMixin, CapitalTitleMixin, admin.ModelAdmin):
    list_display = ["label", "url", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["label", "url"]


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(CapitalTitleMixin, admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__title"]
    autocomplete_fields = ["article"]


@admin.register(AuditEntry)
class AuditEntryAdmin(AppendOnlyAdminMixin, CapitalTitleMixin, admin.ModelAdmin):
    """Read-only: who published what when. Entries are written by the services only."""

    list_display = ["at", "action", "article_title", "user", "detail"]
    list_filter = ["action", "user"]
    search_fields = ["article_title", "detail"]
    date_hierarchy = "at"
    list_select_related = ["user"]
