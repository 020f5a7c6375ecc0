"""List filters of the news admins."""

from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from news import selectors


class StatusFilter(admin.SimpleListFilter):
    """The status an editor sees: 'Ingepland' and 'Verlopen' are states of ArticleQuerySet, not stored."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("concept", _("Concept")),
            ("review", _("Ter review")),
            ("ingepland", _("Ingepland")),
            ("gepubliceerd", _("Gepubliceerd (zichtbaar)")),
            ("verlopen", _("Verlopen")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "concept" | "review" as value:
                return queryset.filter(status=value)
            case "ingepland":
                return queryset.scheduled()
            case "gepubliceerd":
                return queryset.published()
            case "verlopen":
                return queryset.expired()
        return queryset


class MonthFilter(admin.SimpleListFilter):
    """Month of the publication date (`?maand=2025-03`), offering the 36 latest months that have articles."""

    title = _("maand")
    parameter_name = "maand"

    def lookups(self, request, model_admin):
        return [(month.strftime("%Y-%m"), date_format(month, "F Y")) for month in selectors.article_month_list()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year, month = (int(part) for part in self.value().split("-"))
        except ValueError:
            return queryset.none()
        return queryset.filter(publication_date__year=year, publication_date__month=month)


class ThemeFilter(admin.RelatedFieldListFilter):
    """The themes, then 'Zonder thema' where an item may have none (Django shows a bare '-' there)."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.empty_value_display = _("Zonder thema")

    @property
    def include_empty_choice(self):
        # An article needs one to three themes (the field is not blank=True): that choice would list nothing.
        return self.field.blank
