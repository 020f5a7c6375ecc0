"""The monthly digest: an edition per calendar month, its items, and the append-only log of every step.

An edition is assembled from the month's articles (newsletter.services.digest), reviewed and approved by an
Eindredacteur, and then sent (issue 10 adds one delivery row per subscriber). Approval freezes what is mailed:
each item keeps a snapshot of the article's title, teaser, URL, themes and date.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from news.models import BODY_EXTENSIONS


class Edition(models.Model):
    class Status(models.TextChoices):
        DRAFT = "concept", _("Concept")
        APPROVED = "goedgekeurd", _("Goedgekeurd")
        SENDING = "verzenden", _("Wordt verzonden")
        PAUSED = "gepauzeerd", _("Gepauzeerd")
        SENT = "verzonden", _("Verzonden")
        CANCELLED = "geannuleerd", _("Geannuleerd")

    # The first day of the month the edition covers.
    month = models.DateField(_("maand"), unique=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    intro = ProseEditorField(
        _("inleiding"),
        blank=True,
        config={"extensions": BODY_EXTENSIONS},
        sanitize=True,
        help_text=_("Staat bovenaan de nieuwsbrief, voor alle lezers. Mag leeg blijven."),
    )
    include_notices = models.BooleanField(
        _("blok 'Let op' tonen"),
        default=True,
        help_text=_("Vastgezette mededelingen die nog gelden, bovenaan de nieuwsbrief voor alle lezers."),
    )
    send_at = models.DateTimeField(_("verzenden op"), null=True, blank=True)
    assembled_at = models.DateTimeField(_("samengesteld op"), default=timezone.now)
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("goedgekeurd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("verzenden begonnen op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("verzenden klaar op"), null=True, blank=True)
    pause_reason = models.CharField(_("reden van de pauze"), max_length=250, blank=True)
    # Delivery counts per status, kept when the delivery rows are deleted after the retention period (issue 10).
    counts = models.JSONField(_("aantallen"), default=dict, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("editie")
        verbose_name_plural = _("edities")
        permissions = [("approve_edition", _("Kan edities goedkeuren, annuleren en verzenden"))]
        constraints = [
            models.CheckConstraint(condition=Q(month__day=1), name="edition_month_is_first_day"),
            models.CheckConstraint(
                condition=Q(status__in=["concept", "geannuleerd"])
                | Q(approved_at__isnull=False, send_at__isnull=False),
                name="edition_approved_has_moments",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["verzenden", "gepauzeerd", "verzonden"]) | Q(started_at__isnull=False),
                name="edition_sending_has_start",
            ),
        ]

    def __str__(self):
        return str(_("Nieuwsbrief %(month)s") % {"month": self.month_label})

    def get_absolute_url(self):
        return reverse("newsletter:edition_detail", kwargs={"year": self.month.year, "month": f"{self.month:%m}"})

    @property
    def month_label(self) -> str:
        """The month in Dutch, e.g. 'maart 2027'."""
        return date_format(self.month, "F Y")

    @property
    def slug(self) -> str:
        return f"{self.month:%Y-%m}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_frozen(self) -> bool:
        """Approved or further: what is mailed comes from the items' snapshots, not from the articles."""
        return self.status in {self.Status.APPROVED, self.Status.SENDING, self.Status.PAUSED, self.Status.SENT}

    @property
    def is_public(self) -> bool:
        """The web version exists once sending has started."""
        return self.started_at is not None


class EditionItem(models.Model):
    class Origin(models.TextChoices):
        ASSEMBLED = "samengesteld", _("Automatisch gekozen")
        ADDED = "toegevoegd", _("Toegevoegd door de redactie")
        NOTICE = "mededeling", _("Vastgezette mededeling")

    edition = models.ForeignKey(Edition, verbose_name=_("editie"), on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("artikel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="edition_items",
    )
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    # An editor's removal is kept, so a refresh of the article list does not bring the article back.
    is_removed = models.BooleanField(_("weggehaald"), default=False)
    origin = models.CharField(_("herkomst"), max_length=16, choices=Origin.choices, default=Origin.ASSEMBLED)
    is_notice = models.BooleanField(_("in 'Let op'"), default=False)
    teaser = models.TextField(
        _("tekst in de nieuwsbrief"),
        blank=True,
        help_text=_("Leeg: de inleiding van het artikel. Het artikel zelf verandert niet."),
    )
    # Frozen at approval: after that, editing or withdrawing the article changes nothing that is mailed.
    snapshot_title = models.CharField(_("titel (vastgelegd)"), max_length=250, blank=True)
    snapshot_teaser = models.TextField(_("tekst (vastgelegd)"), blank=True)
    snapshot_url = models.URLField(_("webadres (vastgelegd)"), max_length=500, blank=True)
    snapshot_theme_ids = models.JSONField(_("thema's (vastgelegd)"), default=list, blank=True)
    snapshot_publication_date = models.DateField(_("publicatiedatum (vastgelegd)"), null=True, blank=True)
    snapshot_show_date = models.BooleanField(_("datum tonen (vastgelegd)"), default=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("artikel in de editie")
        verbose_name_plural = _("artikelen in de editie")
        constraints = [
            models.UniqueConstraint(fields=["edition", "article"], name="edition_item_article_once"),
        ]

    def __str__(self):
        return self.snapshot_title or (self.article.title if self.article_id else str(_("(artikel verwijderd)")))


class EditionEvent(models.Model):
    """Who did what to an edition and when: append-only, written by the services."""

    class Action(models.TextChoices):
        ASSEMBLED = "samengesteld", _("Samengesteld")
        REFRESHED = "ververst", _("Artikelen ververst")
        CHANGED = "gewijzigd", _("Gewijzigd")
        TEST_SENT = "testmail", _("Testmail verstuurd")
        APPROVED = "goedgekeurd", _("Goedgekeurd")
        REOPENED = "heropend", _("Terug naar concept")
        CANCELLED = "geannuleerd", _("Geannuleerd")
        SEND_STARTED = "verzenden", _("Verzenden begonnen")
        PAUSED = "gepauzeerd", _("Verzenden gepauzeerd")
        AUTO_PAUSED = "autopauze", _("Verzenden automatisch gepauzeerd")
        RESUMED = "hervat", _("Verzenden hervat")
        SEND_CANCELLED = "verzenden_gestopt", _("Verzenden geannuleerd")
        RETRIED = "opnieuw", _("Mislukte verzendingen opnieuw geprobeerd")
        SENT = "verzonden", _("Verzenden klaar")

    edition = models.ForeignKey(Edition, verbose_name=_("editie"), on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("actie"), max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    detail = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("logregel van een editie")
        verbose_name_plural = _("logboek van de edities")

    def __str__(self):
        return f"{self.get_action_display()} ({timezone.localtime(self.at):%Y-%m-%d %H:%M})"


class Delivery(models.Model):
    """One subscriber's copy of one edition: the ledger the send works from (the queue only carries ids).

    Created for the whole audience in the transaction that starts the send (unique on edition and
    subscriber), claimed by a worker with SELECT ... FOR UPDATE SKIP LOCKED, and marked with each outcome
    right after the SMTP server's reply. A sweeper re-queues rows that lost their task or their worker.
    """

    class Status(models.TextChoices):
        PENDING = "wachtend", _("Wacht")
        CLAIMED = "bezig", _("Wordt verzonden")
        DEFERRED = "uitgesteld", _("Uitgesteld, wordt opnieuw geprobeerd")
        SENT = "verzonden", _("Verzonden")
        SKIPPED = "overgeslagen", _("Overgeslagen")
        BOUNCED = "onbestelbaar", _("Onbestelbaar")
        FAILED = "mislukt", _("Mislukt")
        CANCELLED = "geannuleerd", _("Geannuleerd")

    # Not finished: the sweeper and the workers still act on these.
    OPEN = (Status.PENDING, Status.CLAIMED, Status.DEFERRED)

    # No index of its own: every index below starts with edition (each one is written on every status change).
    edition = models.ForeignKey(
        Edition, verbose_name=_("editie"), on_delete=models.CASCADE, related_name="deliveries", db_index=False
    )
    # An erased subscriber takes their delivery rows along (privacy); the edition keeps its counts.
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", verbose_name=_("abonnee"), on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    # When a task carrying this row's id was last put on the queue (the sweeper re-queues old ones).
    queued_at = models.DateTimeField(_("in de wachtrij gezet op"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    claimed_by = models.CharField(_("opgepakt door"), max_length=100, blank=True)
    # A deferred row is not tried again before this moment (backoff).
    next_attempt_at = models.DateTimeField(_("volgende poging op"), null=True, blank=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=250, blank=True)
    # Why it was skipped, or the server's last answer (code and text, never the address).
    reason = models.CharField(_("reden"), max_length=250, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="delivery_once_per_subscriber"),
            models.CheckConstraint(
                condition=~Q(status="verzonden") | Q(sent_at__isnull=False), name="delivery_sent_has_moment"
            ),
        ]
        indexes = [
            # The progress page's latest problems; a partial index gets no entry for the (many) sent rows.
            models.Index(
                fields=["edition", "updated_at"],
                name="delivery_problem_idx",
                condition=Q(status__in=["uitgesteld", "onbestelbaar", "mislukt"]),
            ),
            # The sweeper's and the claim's scan: only the open rows, which are few once a send is done.
            models.Index(
                fields=["edition", "next_attempt_at"],
                name="delivery_open_idx",
                condition=Q(status__in=["wachtend", "bezig", "uitgesteld"]),
            ),
        ]

    def __str__(self):
        return f"{self.edition} / {self.subscriber_id}: {self.get_status_display()}"


class EditionVariant(models.Model):
    """One theme combination's rendered message of an approved edition, stored once for every worker.

    The message holds placeholder tokens (built from `nonce`) where the personal parts go; see
    newsletter/services/digest/render.py. `version` is a digest of the approval moment, the frozen content and
    the release (templates, code, settings that enter the mail): a re-approved edition or a new release gets
    new rows. Deleted with the edition's delivery rows after DELIVERY_RETENTION_DAYS (no personal data).
    """

    edition = models.ForeignKey(Edition, verbose_name=_("editie"), on_delete=models.CASCADE, related_name="variants")
    version = models.CharField(_("versie"), max_length=64)
    # The sorted edition theme ids of the variant, e.g. "3.5.7".
    key = models.TextField(_("themacombinatie"))
    nonce = models.CharField(_("kenmerk van de plaatshouders"), max_length=32)
    message = models.BinaryField(_("bericht"))
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("variant van een editie")
        verbose_name_plural = _("varianten van edities")
        constraints = [
            models.UniqueConstraint(fields=["edition", "version", "key"], name="edition_variant_once"),
        ]

    def __str__(self):
        return f"{self.edition} / {self.key}"
