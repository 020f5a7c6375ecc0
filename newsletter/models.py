"""Newsletter subscribers, their consent ledger and the versioned consent text.

Nothing is stored before an address is confirmed: a pending sign-up lives only in the signed token of
the confirmation email (see newsletter.tokens), so there is no "pending" status.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    """Where a consent action came from (the ledger's and the subscriber's `source`)."""

    WEB_FORM = "web_form", _("Aanmeldformulier")
    PREFERENCES = "preferences", _("Voorkeurenpagina")
    UNSUBSCRIBE_PAGE = "unsubscribe_page", _("Afmeldpagina")
    ONE_CLICK = "one_click", _("Afmeldknop in e-mailprogramma")
    ADMIN = "admin", _("Beheer")
    IMPORT = "import", _("Import")
    SYSTEM = "system", _("Systeem")


class ConsentText(models.Model):
    version = models.PositiveSmallIntegerField(_("versie"), unique=True)
    text = models.TextField(_("tekst"))
    is_active = models.BooleanField(_("in gebruik"), default=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("toestemmingstekst")
        verbose_name_plural = _("toestemmingsteksten")
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="newsletter_one_active_consent_text"
            ),
        ]

    def __str__(self):
        return _("Toestemmingstekst versie %(version)s") % {"version": self.version}


class Subscriber(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "bevestigd", _("Bevestigd")
        UNSUBSCRIBED = "afgemeld", _("Afgemeld")
        BOUNCED = "gebounced", _("Onbestelbaar")

    # NULL once retention has replaced the address by its hash (kept as suppression).
    email = models.EmailField(_("e-mailadres"), max_length=254, null=True, blank=True)
    # Keyed HMAC of the normalised address (newsletter.hashing.email_hash): lookup and suppression key.
    email_hash = models.CharField(_("sleutel-hash van het adres"), max_length=64, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CONFIRMED)
    # Paused subscribers keep their status; digests skip them until this date.
    paused_until = models.DateField(_("gepauzeerd tot"), null=True, blank=True)
    themes = models.ManyToManyField(
        "news.Theme", verbose_name=_("thema's"), blank=True, related_name="newsletter_subscribers"
    )
    # No theme ticked means every theme, including themes added later.
    all_themes = models.BooleanField(_("alle thema's"), default=True)
    # Raising this revokes every preferences/unsubscribe link sent before.
    token_version = models.PositiveIntegerField(_("tokenversie"), default=1)
    consent_version = models.PositiveSmallIntegerField(_("versie toestemmingstekst"))
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices, default=Source.WEB_FORM)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("abonnee")
        verbose_name_plural = _("abonnees")
        indexes = [models.Index(fields=["status", "paused_until"], name="newsletter_sub_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="bevestigd") | Q(confirmed_at__isnull=False, email__isnull=False),
                name="newsletter_confirmed_has_address_and_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgemeld") | Q(unsubscribed_at__isnull=False),
                name="newsletter_unsubscribed_has_date",
            ),
        ]

    def __str__(self):
        return self.email or str(_("(adres verwijderd)"))

    @property
    def is_paused(self):
        return self.paused_until is not None and self.paused_until > timezone.localdate()


class ConsentEvent(models.Model):
    """Append-only ledger of consent actions: no IP addresses, no email addresses."""

    class Action(models.TextChoices):
        SUBSCRIBE = "subscribe", _("Aangemeld")
        RESUBSCRIBE = "resubscribe", _("Opnieuw aangemeld")
        THEMES = "themes", _("Thema's gewijzigd")
        PAUSE = "pause", _("Gepauzeerd")
        UNSUBSCRIBE = "unsubscribe", _("Afgemeld")
        BOUNCE = "bounce", _("Onbestelbaar")
        ERASE = "erase", _("Gegevens verwijderd")

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("abonnee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_events",
    )
    action = models.CharField(_("actie"), max_length=16, choices=Action.choices)
    consent_version = models.PositiveSmallIntegerField(_("versie toestemmingstekst"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices)
    # Theme slugs at the time of the action; an empty list with all_themes means "all themes".
    themes = models.JSONField(_("thema's"), default=list, blank=True)
    all_themes = models.BooleanField(_("alle thema's"), default=False)
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("toestemmingsgebeurtenis")
        verbose_name_plural = _("toestemmingslogboek")

    def __str__(self):
        return f"{self.get_action_display()} ({timezone.localtime(self.at):%Y-%m-%d %H:%M})"


class ImportConsent(models.Model):
    """The consent evidence a CSV import row carried (GDPR art. 7(1)): where and when consent was given."""

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("abonnee"), on_delete=models.CASCADE, related_name="import_consents"
    )
    consent_source = models.CharField(_("bron van de toestemming"), max_length=250)
    consent_date = models.DateField(_("datum van de toestemming"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geïmporteerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("geïmporteerd op"), default=timezone.now)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("toestemming uit import")
        verbose_name_plural = _("toestemmingen uit import")

    def __str__(self):
        return f"{self.consent_source} ({self.consent_date:%Y-%m-%d})"


class DataAccessLog(models.Model):
    """Who viewed, exported or imported subscriber data and when: append-only, never an address."""

    class Action(models.TextChoices):
        LIST = "list", _("Lijst bekeken")
        DETAIL = "detail", _("Abonnee bekeken")
        EXPORT = "export", _("CSV geëxporteerd")
        IMPORT = "import", _("CSV geïmporteerd")
        ERASE = "erase", _("Gegevens verwijderd")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("actie"), max_length=16, choices=Action.choices)
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    count = models.PositiveIntegerField(_("aantal abonnees"), null=True, blank=True)
    detail = models.CharField(_("toelichting"), max_length=250, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("inzageregel")
        verbose_name_plural = _("inzagelogboek")

    def __str__(self):
        return f"{self.get_action_display()} ({timezone.localtime(self.at):%Y-%m-%d %H:%M})"
