"""The newsroom's content: themes, contact points, articles, documents and page texts."""

import functools

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

# What the editor offers; the service layer (news.sanitize) enforces the same allow-list on save.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "HardBreak": True,
    "History": True,
}


@functools.lru_cache(maxsize=8192)
def _slug_url(name: str, slug: str, script_prefix: str, urlconf: str) -> str:
    return reverse(name, kwargs={"slug": slug}, urlconf=urlconf)


def slug_url(name: str, slug: str) -> str:
    """reverse(name, kwargs={"slug": slug}), remembered: a list page asks for dozens of these per request.

    Keyed by the script prefix and URL conf too, so a change of either gives fresh URLs.
    """
    return _slug_url(name, slug, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


LEAD_REQUIRED = _("Vul een inleiding in. Die staat in overzichten en in de nieuwsbrief.")
IMAGE_NEEDS_ALT = _("Vul een alternatieve tekst in: beschrijf wat er op de afbeelding staat.")
EVENT_NEEDS_START = _("Vul in wanneer de bijeenkomst begint.")
EVENT_END_BEFORE_START = _("De bijeenkomst kan niet eindigen voordat hij begint.")
UNPUBLISH_BEFORE_PUBLISH = _("'Zichtbaar tot' moet later zijn dan 'Publiceren vanaf'.")


class ContactPoint(models.Model):
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    url = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("openingstijden en toelichting"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    show_in_contact_block = models.BooleanField(
        _("tonen in 'Hulp en contact'"),
        default=False,
        help_text=_("Toon dit contactpunt in het blok 'Hulp en contact' onderaan elke pagina."),
    )
    last_checked = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("contactpunt")
        verbose_name_plural = _("contactpunten")

    def __str__(self):
        return self.name


class Theme(models.Model):
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("korte beschrijving"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("actief"), default=True)
    contact_point = models.ForeignKey(
        ContactPoint,
        verbose_name=_("contactpunt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="themes",
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("news:theme_detail", self.slug)


class Document(models.Model):
    class Kind(models.TextChoices):
        RAADSBRIEF = "raadsbrief", _("Raadsbrief")
        BELEIDSNOTA = "beleidsnota", _("Beleidsnota")
        RAPPORT = "rapport", _("Rapport")
        INFORMATIEKRANT = "informatiekrant", _("Informatiekrant")
        MAGAZINE = "magazine", _("Magazine")
        ACTIVITEITENGIDS = "activiteitengids", _("Activiteitengids")
        OVERIG = "overig", _("Overig")

    title = models.CharField(_("titel"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, default=Kind.RAADSBRIEF)
    date = models.DateField(_("datum"), null=True, blank=True)
    issuer = models.CharField(_("afzender"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: college van B&W"))
    summary = models.TextField(_("samenvatting"), blank=True)
    file = models.FileField(
        _("bestand (pdf)"),
        upload_to="documenten/%Y/",
        validators=[FileExtensionValidator(["pdf"])],
    )
    text = models.TextField(_("tekst voor zoeken"), blank=True, help_text=_("Wordt uit de pdf gehaald."))
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), blank=True, related_name="documents")
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    # Kept current by news.services.document_search_vectors_update (PostgreSQL only; empty on SQLite).
    search_vector = SearchVectorField(_("zoekindex"), null=True, editable=False)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        # Created on PostgreSQL only (migration 0010): SQLite knows no GIN.
        indexes = [GinIndex(fields=["search_vector"], name="document_search_vector")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:document_download", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    """Article states, computed at query time so that scheduling needs no cron.

    Each state is one Q object, used by the filters below and by news.selectors and news.caching.
    """

    @staticmethod
    def published_q(now) -> Q:
        return (
            Q(status=Article.Status.PUBLISHED)
            & (Q(publish_at__isnull=True) | Q(publish_at__lte=now))
            & (Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))
        )

    @staticmethod
    def scheduled_q(now) -> Q:
        """Published by an editor, visible from a later 'publiceren vanaf'."""
        return Q(status=Article.Status.PUBLISHED, publish_at__gt=now)

    @staticmethod
    def expired_q(now) -> Q:
        return Q(status=Article.Status.PUBLISHED, unpublish_at__lte=now)

    @staticmethod
    def pinned_q(now) -> Q:
        """Pinned at `now`: without an end, or through the local day `pinned_until`."""
        return Q(is_pinned=True) & (Q(pinned_until__isnull=True) | Q(pinned_until__gte=timezone.localdate(now)))

    def published(self, now=None):
        return self.filter(self.published_q(now or timezone.now()))

    def scheduled(self, now=None):
        return self.filter(self.scheduled_q(now or timezone.now()))

    def expired(self, now=None):
        return self.filter(self.expired_q(now or timezone.now()))

    def pinned(self, now=None):
        return self.filter(self.pinned_q(now or timezone.now()))


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "concept", _("Concept")
        REVIEW = "review", _("Ter review")
        PUBLISHED = "gepubliceerd", _("Gepubliceerd")

    class Kind(models.TextChoices):
        NIEUWS = "nieuws", _("Nieuws")
        MEDEDELING = "mededeling", _("Mededeling")
        SUBSIDIE = "subsidie", _("Subsidie")
        BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")
        TERUGBLIK = "terugblik", _("Terugblik")
        CAMPAGNE = "campagne", _("Campagne")
        PUBLICATIE = "publicatie", _("Publicatie")
        INTERVIEW = "interview", _("Interview")

    title = models.CharField(_("titel"), max_length=250)
    slug = models.SlugField(
        _("webadres (slug)"),
        max_length=120,
        unique=True,
        help_text=_(
            "Het laatste deel van het webadres, zoals /nieuws/titel-van-het-artikel/. "
            "Alleen kleine letters, cijfers en streepjes. Wijzigt u het later, dan blijft het oude adres ook werken."
        ),
    )
    subtitle = models.CharField(_("ondertitel"), max_length=250, blank=True)
    lead = models.TextField(
        _("inleiding"),
        help_text=_("Korte samenvatting zonder opmaak. Staat in overzichten en in de nieuwsbrief."),
        error_messages={"blank": LEAD_REQUIRED, "null": LEAD_REQUIRED},
    )
    body = ProseEditorField(_("tekst"), blank=True, config={"extensions": BODY_EXTENSIONS}, sanitize=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), related_name="articles")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.NIEUWS)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)

    publication_date = models.DateField(
        _("publicatiedatum"),
        default=timezone.localdate,
        help_text=_("Bepaalt de plaats in overzichten, ook als de datum niet getoond wordt."),
    )
    show_date = models.BooleanField(_("datum tonen"), default=True)
    publish_at = models.DateTimeField(
        _("publiceren vanaf"), null=True, blank=True, help_text=_("Leeg: direct na publiceren zichtbaar.")
    )
    unpublish_at = models.DateTimeField(_("zichtbaar tot"), null=True, blank=True)
    # Set once, when the article first becomes published (news.services.publication): the publication moment of
    # an undated article, whose publication_date is only a sort key. The monthly digest selects by it.
    first_published_at = models.DateTimeField(_("eerst gepubliceerd op"), null=True, blank=True, editable=False)

    is_pinned = models.BooleanField(_("vastgezet bovenaan"), default=False)
    pinned_until = models.DateField(_("vastgezet tot en met"), null=True, blank=True)

    event_starts_at = models.DateTimeField(_("begint op"), null=True, blank=True)
    event_ends_at = models.DateTimeField(_("eindigt op"), null=True, blank=True)
    event_location = models.CharField(_("locatie"), max_length=200, blank=True)
    event_address = models.CharField(_("adres"), max_length=250, blank=True)
    event_registration_url = models.URLField(_("aanmelden via"), blank=True)
    event_accreditation = models.CharField(_("accreditatie"), max_length=250, blank=True)

    image = models.ImageField(_("afbeelding"), upload_to="afbeeldingen/%Y/", blank=True)
    image_alt = models.CharField(_("alternatieve tekst"), max_length=250, blank=True)
    image_credit = models.CharField(_("fotograaf of bron"), max_length=200, blank=True)
    author = models.CharField(_("auteur"), max_length=200, blank=True)

    related_articles = models.ManyToManyField(
        "self", verbose_name=_("gerelateerde artikelen"), blank=True, symmetrical=False
    )
    documents = models.ManyToManyField(Document, verbose_name=_("documenten"), blank=True, related_name="articles")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    # Kept current by news.services.search_vectors_update (PostgreSQL only; empty on SQLite).
    search_vector = SearchVectorField(_("zoekindex"), null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publication_date", "-id"]
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        indexes = [
            models.Index(fields=["status", "-publication_date"], name="article_status_date"),
            # The news page fetches the active pins apart from the rest: a handful of rows among thousands.
            models.Index(fields=["-publication_date"], condition=Q(is_pinned=True), name="article_pinned"),
            # Created on PostgreSQL only (migration 0009): SQLite knows no GIN.
            GinIndex(fields=["search_vector"], name="article_search_vector"),
        ]
        permissions = [("publish_article", _("Kan artikelen publiceren en inplannen"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(unpublish_at__gt=F("publish_at")),
                name="article_unpublish_after_publish",
                violation_error_message=UNPUBLISH_BEFORE_PUBLISH,
            ),
            models.CheckConstraint(
                condition=Q(event_ends_at__isnull=True) | Q(event_starts_at__isnull=False),
                name="article_event_end_needs_start",
                violation_error_message=EVENT_NEEDS_START,
            ),
            models.CheckConstraint(
                condition=Q(event_ends_at__isnull=True) | Q(event_ends_at__gte=F("event_starts_at")),
                name="article_event_ends_after_start",
                violation_error_message=EVENT_END_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""),
                name="article_image_needs_alt",
                violation_error_message=IMAGE_NEEDS_ALT,
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("news:article_detail", self.slug)

    @property
    def is_event(self):
        return self.event_starts_at is not None

    @property
    def is_scheduled(self):
        """Published by an editor but not visible yet."""
        return self.status == self.Status.PUBLISHED and self.publish_at is not None and self.publish_at > timezone.now()

    @property
    def is_expired(self):
        ends = self.unpublish_at
        return self.status == self.Status.PUBLISHED and ends is not None and ends <= timezone.now()

    @property
    def status_label(self):
        """The status an editor sees: 'Ingepland' and 'Verlopen' are computed, not stored."""
        if self.is_scheduled:
            return _("Ingepland")
        if self.is_expired:
            return _("Verlopen")
        return self.get_status_display()

    def clean(self):
        """Field-level Dutch messages; the same rules are database constraints."""
        errors = {}
        if self.lead and not self.lead.strip():  # empty is the field's own "blank" error
            errors["lead"] = LEAD_REQUIRED
        if self.image and not (self.image_alt or "").strip():
            errors["image_alt"] = IMAGE_NEEDS_ALT
        if self.event_starts_at is None and (self.kind == self.Kind.BIJEENKOMST or self.event_ends_at is not None):
            errors["event_starts_at"] = EVENT_NEEDS_START
        elif self.event_ends_at is not None and self.event_ends_at < self.event_starts_at:
            errors["event_ends_at"] = EVENT_END_BEFORE_START
        if self.publish_at and self.unpublish_at and self.unpublish_at <= self.publish_at:
            errors["unpublish_at"] = UNPUBLISH_BEFORE_PUBLISH
        if errors:
            raise ValidationError(errors)


class ArticleLink(models.Model):
    """A call-to-action link under an article ("Meer informatie en aanmelden")."""

    article = models.ForeignKey(Article, verbose_name=_("artikel"), on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("linktekst"), max_length=200)
    url = models.URLField(_("adres"), max_length=500)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.label


class ArticleRedirect(models.Model):
    """An old slug that keeps working after an editor renamed the article."""

    old_slug = models.SlugField(_("oude slug"), max_length=120, unique=True)
    article = models.ForeignKey(Article, verbose_name=_("artikel"), on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")

    def __str__(self):
        return self.old_slug


class AuditEntry(models.Model):
    """Who did what to which article when: append-only."""

    class Action(models.TextChoices):
        CREATED = "aangemaakt", _("Aangemaakt")
        CHANGED = "gewijzigd", _("Gewijzigd")
        SUBMITTED = "ingediend", _("Ter review aangeboden")
        PUBLISHED = "gepubliceerd", _("Gepubliceerd")
        SCHEDULED = "ingepland", _("Ingepland")
        UNPUBLISHED = "teruggetrokken", _("Teruggetrokken")
        RESTORED = "hersteld", _("Eerdere versie hersteld")
        DELETED = "verwijderd", _("Verwijderd")

    # SET_NULL, not CASCADE: the log outlives the article, and `article_title` still says which one it was.
    article = models.ForeignKey(
        Article,
        verbose_name=_("artikel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    article_title = models.CharField(_("titel van het artikel"), max_length=250, blank=True)
    action = models.CharField(_("actie"), max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    detail = models.CharField(_("toelichting"), max_length=250, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")

    def __str__(self):
        return f"{self.get_action_display()}: {self.article_title or self.article}"

    def save(self, *args, **kwargs):
        if not self.article_title and self.article_id:
            self.article_title = self.article.title[:250]
        super().save(*args, **kwargs)


class SiteText(models.Model):
    """The page texts an Eindredacteur edits: one row (pk=1)."""

    title = models.CharField(_("titel van de site"), max_length=200)
    intro = models.TextField(_("introductie"), blank=True)
    newsletter_cta = models.TextField(_("oproep nieuwsbrief"), blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("paginateksten")
        verbose_name_plural = _("paginateksten")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="sitetext_single_row")]

    def __str__(self):
        return str(_("Paginateksten"))


class QuickLink(models.Model):
    """A "Snel naar" link on the news page."""

    label = models.CharField(_("linktekst"), max_length=120)
    url = models.CharField(
        _("adres"), max_length=500, help_text=_("Volledig adres of een pad op deze site, zoals /themas/jeugd/.")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["order", "label"]
        verbose_name = _("snel-naar-link")
        verbose_name_plural = _("snel-naar-links")

    def __str__(self):
        return self.label
