"""Article admin: list, edit form, workflow buttons, preview and revision history."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from news import selectors
from news.admin.base import CapitalTitleMixin, LowercaseAddTextFormSet
from news.admin.filters import MonthFilter, StatusFilter, ThemeFilter
from news.forms import ArticleAdminForm
from news.models import Article, ArticleLink
from news.services import (
    article_delete,
    article_publish,
    article_publish_now,
    article_restore_revision,
    article_save,
    article_submit_for_review,
    article_unpublish,
    can_publish,
    search_vectors_update,
)

PUBLISH_HELP_CHIEF = _(
    "Publiceren doet de eindredacteur met de knop onderaan. Met 'Publiceren vanaf' plant u het "
    "artikel in: het wordt dan vanzelf zichtbaar."
)
PUBLISH_HELP_EDITOR = _("Publiceren doet de eindredacteur. Bied het artikel ter review aan als het klaar is.")
PUBLICATION_FIELDSET = _("Publicatie")
EVENT_FIELDSET = _("Alleen voor bijeenkomsten")


# POST keys of the workflow buttons under the change form, mapped to (service, success message).
# 'Opslaan en nu publiceren' is one service that saves and publishes (see ArticleAdmin.save_model).
WORKFLOW_BUTTONS = {
    "_submit_review": (article_submit_for_review, _("Het artikel is ter review aangeboden.")),
    "_publish": (
        article_publish,
        _("Het artikel is gepubliceerd. Staat 'Publiceren vanaf' in de toekomst, dan is het ingepland."),
    ),
    "_unpublish": (article_unpublish, _("Het artikel is teruggetrokken en weer een concept.")),
    "_publish_now": (article_publish_now, _("Het artikel is gepubliceerd en staat nu op de site.")),
}


def _refusal(error: PermissionDenied | ValidationError) -> str:
    """A service's refusal as one message line (a ValidationError may hold several messages)."""
    return " ".join(getattr(error, "messages", [str(error)]))


def _pressed_button(request):
    """The workflow button under the change form that was pressed, or None for a plain save."""
    return next((key for key in WORKFLOW_BUTTONS if key in request.POST), None)


class ArticleLinkInline(admin.TabularInline):
    model = ArticleLink
    extra = 1
    fields = ["label", "url", "order"]
    verbose_name = _("link")
    verbose_name_plural = _("links om verder te gaan (bijvoorbeeld 'Meer informatie en aanmelden')")


@admin.register(Article)
class ArticleAdmin(CapitalTitleMixin, VersionAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/news/article/change_form.html"
    change_list_template = "admin/news/article/change_list.html"
    list_display = [
        "title",
        "status_badge",
        "theme_names",
        "kind",
        "publication_date",
        "pinned_marker",
        "event_marker",
    ]
    list_filter = [StatusFilter, ("themes", ThemeFilter), "kind", MonthFilter, "is_pinned"]
    search_fields = ["title", "lead", "slug", "author"]
    date_hierarchy = "publication_date"
    autocomplete_fields = ["themes", "related_articles", "documents"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ArticleLinkInline]
    list_per_page = 50
    actions = ["submit_selected", "publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "subtitle", "lead", "body"]}),
        (_("Thema's en soort"), {"fields": ["themes", "kind", "author"]}),
        (
            PUBLICATION_FIELDSET,
            {
                "fields": [
                    "status_display",
                    ("publication_date", "show_date"),
                    ("publish_at", "unpublish_at"),
                    ("is_pinned", "pinned_until"),
                ],
                "description": PUBLISH_HELP_CHIEF,
            },
        ),
        (
            EVENT_FIELDSET,
            {
                "classes": ["collapse"],
                "fields": [
                    ("event_starts_at", "event_ends_at"),
                    "event_location",
                    "event_address",
                    "event_registration_url",
                    "event_accreditation",
                ],
            },
        ),
        (_("Afbeelding"), {"classes": ["collapse"], "fields": ["image", "image_alt", "image_credit"]}),
        (_("Verwijzingen"), {"fields": ["related_articles", "documents"]}),
    ]

    class Media:
        css = {"all": ["news/admin/article.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def view_on_site(self, obj):
        """The public page once it is visible; until then the preview, so the button never leads to a 404."""
        if selectors.article_is_live(article=obj):
            return obj.get_absolute_url()
        return reverse("admin:news_article_preview_page", args=[obj.pk])

    def get_fieldsets(self, request, obj=None):
        """Event fields open when the article is an event; scheduling help only for who may schedule."""
        is_event = bool(obj and (obj.is_event or obj.kind == Article.Kind.BIJEENKOMST))
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            options = dict(options)
            if name == EVENT_FIELDSET and is_event:
                options["classes"] = [c for c in options.get("classes", []) if c != "collapse"]
            if name == PUBLICATION_FIELDSET and not can_publish(request.user):
                options["description"] = PUBLISH_HELP_EDITOR
            fieldsets.append((name, options))
        return fieldsets

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            inline_formset.__class__ = LowercaseAddTextFormSet
        return inline_formsets

    def get_readonly_fields(self, request, obj=None):
        if can_publish(request.user):
            return ["status_display"]
        return ["status_display", "publish_at", "unpublish_at"]

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return obj.status_label

    @admin.display(description=_("status"))
    def status_display(self, obj):
        return obj.status_label if obj and obj.pk else _("Concept (nieuw)")

    @admin.display(description=_("thema's"))
    def theme_names(self, obj):
        return ", ".join(theme.name for theme in obj.themes.all())

    @admin.display(description=_("vastgezet"), boolean=True, ordering="is_pinned")
    def pinned_marker(self, obj):
        return obj.is_pinned

    @admin.display(description=_("bijeenkomst"), boolean=True)
    def event_marker(self, obj):
        return obj.is_event

    def save_model(self, request, obj, form, change):
        """Save through the services; the workflow button that was pressed then moves the article on."""
        themes = form.cleaned_data["themes"]
        button = _pressed_button(request)
        if button == "_publish_now" and can_publish(request.user):
            # One service saves and publishes, so the planned moment never reaches the log.
            article_publish_now(article=obj, user=request.user, themes=themes)
            self.message_user(request, WORKFLOW_BUTTONS[button][1], messages.SUCCESS)
            return
        article_save(article=obj, user=request.user, themes=themes)
        if button == "_publish":  # keep a publication date the editor chose in this very save
            self._run_workflow(request, obj, button, keep_publication_date="publication_date" in form.changed_data)
        elif button:
            self._run_workflow(request, obj, button)

    def save_related(self, request, form, formsets, change):
        """The form saves the documents after save_model: their text joins the search vector now."""
        super().save_related(request, form, formsets, change)
        search_vectors_update(article_ids=[form.instance.pk])

    def delete_model(self, request, obj):
        article_delete(article=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            article_delete(article=article, user=request.user)

    # --- Workflow ------------------------------------------------------------------------------

    def _run_workflow(self, request, obj, button, **options):
        """Call the button's service; a refusal becomes an error message (the edits are saved already)."""
        service, success = WORKFLOW_BUTTONS[button]
        try:
            service(article=obj, user=request.user, **options)
        except (PermissionDenied, ValidationError) as error:
            self.message_user(request, _refusal(error), messages.ERROR)
        else:
            self.message_user(request, self._success_message(obj, success), messages.SUCCESS)

    @staticmethod
    def _success_message(obj, default):
        if obj.is_scheduled:
            when = date_format(timezone.localtime(obj.publish_at), "j F Y, H:i")
            return _("Het artikel is ingepland. Het staat vanaf %(when)s op de site.") % {"when": when}
        return default

    def response_add(self, request, obj, post_url_continue=None):
        if _pressed_button(request):  # back to the form, with the workflow's message
            return HttpResponseRedirect(reverse("admin:news_article_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if _pressed_button(request):
            return HttpResponseRedirect(reverse("admin:news_article_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), "can_publish": can_publish(request.user)})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            can_publish=can_publish(request.user),
            is_published=bool(obj and obj.status == Article.Status.PUBLISHED),
            publish_at_future=bool(obj and obj.publish_at and obj.publish_at > timezone.now()),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _run_action(self, request, queryset, service, success):
        done, failed = 0, []
        for article in queryset:
            try:
                service(article=article, user=request.user)
                done += 1
            except (PermissionDenied, ValidationError) as error:
                failed.append(f"{article}: {_refusal(error)}")
        if done:
            self.message_user(request, _("%(success)s (%(count)s artikelen)") % {"success": success, "count": done})
        for failure in failed:
            self.message_user(request, failure, messages.ERROR)

    @admin.action(description=_("Ter review aanbieden"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._run_action(request, queryset, article_submit_for_review, _("Ter review aangeboden"))

    @admin.action(description=_("Publiceren of inplannen"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._run_action(request, queryset, article_publish, _("Gepubliceerd"))

    @admin.action(description=_("Terugtrekken (weer concept)"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._run_action(request, queryset, article_unpublish, _("Teruggetrokken"))

    def has_publish_permission(self, request):
        return can_publish(request.user)

    # --- Preview -------------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:object_id>/voorbeeld/", view(self.preview_view), name="news_article_preview"),
            path("<int:object_id>/voorbeeld/pagina/", view(self.preview_page_view), name="news_article_preview_page"),
            *super().get_urls(),
        ]

    def _article_for_preview(self, request, object_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        article = selectors.article_get_for_preview(pk=object_id)
        if article is None:
            raise Http404
        return article

    def preview_view(self, request, object_id):
        """The digest teaser plus a link to the page preview: what readers will see."""
        article = self._article_for_preview(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Voorbeeld: %(title)s") % {"title": article.title},
            "article": article,
            "original": article,
            "is_live": selectors.article_is_live(article=article),
        }
        return TemplateResponse(request, "admin/news/article/preview.html", context)

    def preview_page_view(self, request, object_id):
        """Render the public article template for an article that need not be published."""
        article = self._article_for_preview(request, object_id)
        contacts = selectors.article_theme_contact_points(article)
        context = {"article": article, "object": article, "is_preview": True, "theme_contact_points": contacts}
        return TemplateResponse(request, "news/article_detail.html", context)

    # --- Revisions: restoring goes through the service, so status and audit stay right -------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().revision_view(request, object_id, version_id, extra_context)
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(article), pk=version_id)
        try:
            article_restore_revision(article=article, version_id=version.pk, user=request.user)
        except (PermissionDenied, ValidationError) as error:
            self.message_user(request, _refusal(error), messages.ERROR)
        else:
            self.message_user(
                request, _("De eerdere versie is teruggezet. Status en publicatiedata zijn niet gewijzigd.")
            )
        return HttpResponseRedirect(reverse("admin:news_article_change", args=[article.pk]))

    def recoverlist_view(self, request, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)
