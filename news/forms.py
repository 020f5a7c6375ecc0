"""Admin forms for the newsroom: the rules an editor meets while typing, with Dutch messages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from news.models import LEAD_REQUIRED, Article, Document
from news.services.articles import themes_validate
from news.services.documents import document_file_validate


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "subtitle",
            "lead",
            "body",
            "themes",
            "kind",
            "author",
            "publication_date",
            "show_date",
            "publish_at",
            "unpublish_at",
            "is_pinned",
            "pinned_until",
            "event_starts_at",
            "event_ends_at",
            "event_location",
            "event_address",
            "event_registration_url",
            "event_accreditation",
            "image",
            "image_alt",
            "image_credit",
            "related_articles",
            "documents",
        ]
        widgets = {"lead": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"lead": {"required": LEAD_REQUIRED}}
        help_texts = {
            "themes": _("Kies één tot drie thema's. Abonnees krijgen het artikel bij deze thema's."),
            "slug": _("Het laatste deel van het webadres. Wijzigt u dit later, dan blijft het oude adres werken."),
            "is_pinned": _("Toon dit bericht bovenaan de nieuwspagina, bijvoorbeeld een belangrijke mededeling."),
        }

    def clean_themes(self):
        try:
            return themes_validate(self.cleaned_data.get("themes") or [])
        except ValidationError as error:
            raise ValidationError(error.message_dict["themes"]) from error

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_pinned") and not cleaned.get("pinned_until"):
            self.add_error("pinned_until", _("Kies tot en met welke datum het bericht bovenaan blijft staan."))
        return cleaned


class DocumentAdminForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "slug", "kind", "date", "issuer", "summary", "file", "themes"]

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            document_file_validate(file)
        return file
