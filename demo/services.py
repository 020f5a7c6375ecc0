"""Load the demo's sample content (demo/content): contact points, documents, articles and page texts."""

import collections
import dataclasses
import datetime
import logging
import re
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.text import slugify

from demo.content import articles_care, articles_society, site
from demo.content.documents import DOCUMENTS
from demo.content.markup import h3, mail, p
from demo.pdf import pdf_bytes
from news.models import Article, ContactPoint, Document, QuickLink, SiteText, Theme
from news.services.documents import document_save
from news.services.importing import article_find, item_parse, item_write
from news.services.search_vectors import search_vectors_update

logger = logging.getLogger(__name__)

PUBLISHED_ARTICLES = articles_care.ARTICLES + articles_society.ARTICLES
ALL_ARTICLES = PUBLISHED_ARTICLES + articles_society.EDITORIAL

_TOKEN = re.compile(r"\{(?:(stad|gemeente)|(datum|dag|jaar):([+-]\d+))\}")


def workday(day: datetime.date) -> datetime.date:
    """Move a Saturday or Sunday to the next Monday (events and deadlines fall on working days)."""
    return day + datetime.timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


@dataclasses.dataclass
class _Context:
    today: datetime.date
    municipality: str
    city: str

    def day(self, offset: int) -> datetime.date:
        return workday(self.today + datetime.timedelta(days=offset))

    def fill(self, text: str) -> str:
        """Replace {stad}, {gemeente}, {datum:+N}, {dag:+N} and {jaar:+N} in a sample text."""
        return _TOKEN.sub(self._token, text)

    def _token(self, match: re.Match) -> str:
        name, kind, offset = match.groups()
        if name:
            return self.city if name == "stad" else self.municipality
        if kind == "jaar":
            return str(self.today.year + int(offset))
        day = self.day(int(offset))
        with translation.override("nl"):  # the sample texts are Dutch whatever language is active
            text = f"{day.day} {MONTHS[day.month]} {day.year}"
            return f"{WEEKDAYS[day.weekday()]} {text}" if kind == "dag" else text


@dataclasses.dataclass
class SampleReport:
    created: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    skipped: collections.Counter = dataclasses.field(default_factory=collections.Counter)


def _context(today: datetime.date | None) -> _Context:
    municipality = settings.MUNICIPALITY_NAME
    city = re.sub(r"^gemeente\s+", "", municipality, flags=re.IGNORECASE)
    return _Context(today=today or timezone.localdate(), municipality=municipality, city=city)


def article_slug(spec: dict[str, Any], ctx: _Context) -> str:
    return ctx.fill(spec["slug"]) if "slug" in spec else slugify(ctx.fill(spec["title"]))[:120]


def _contact_points_load(ctx: _Context, report: SampleReport) -> dict[str, ContactPoint]:
    points = {}
    for order, (name, email, phone, url, notes, in_block) in enumerate(site.CONTACT_POINTS, start=1):
        point, created = ContactPoint.objects.get_or_create(
            name=ctx.fill(name),
            defaults={
                "email": email,
                "phone": phone,
                "url": url,
                "notes": notes,
                "order": order * 10,
                "show_in_contact_block": in_block,
                "last_checked": ctx.today - datetime.timedelta(days=order * 9),
            },
        )
        (report.created if created else report.skipped)["contactpunten"] += 1
        points[name] = point
    return points


def _themes_complete(ctx: _Context, points: dict[str, ContactPoint]) -> None:
    """Give the default themes a description and contact point where an editor has not set one."""
    for theme in Theme.objects.filter(slug__in=site.THEMES):
        contact_name, description = site.THEMES[theme.slug]
        changed = []
        if not theme.description:
            theme.description, changed = ctx.fill(description), [*changed, "description"]
        if theme.contact_point_id is None and contact_name:
            theme.contact_point, changed = points[contact_name], [*changed, "contact_point"]
        if changed:
            theme.save(update_fields=changed)


def _page_texts_load(ctx: _Context, report: SampleReport) -> None:
    for order, (label, url) in enumerate(site.QUICK_LINKS, start=1):
        _, created = QuickLink.objects.get_or_create(label=ctx.fill(label), defaults={"url": url, "order": order * 10})
        (report.created if created else report.skipped)["snel-naar-links"] += 1
    SiteText.objects.get_or_create(
        pk=1,
        defaults={
            "title": settings.SITE_NAME,
            "intro": f"Nieuws van {ctx.municipality} voor iedereen die werkt in zorg, welzijn en ondersteuning.",
            "newsletter_cta": "Wilt u niets missen? Meld u aan voor onze maandelijkse nieuwsbrief.",
        },
    )


def _documents_load(ctx: _Context, report: SampleReport) -> None:
    for spec in DOCUMENTS:
        slug = ctx.fill(spec["slug"])
        if Document.objects.filter(slug=slug).exists():
            report.skipped["documenten"] += 1
            continue
        title = ctx.fill(spec["title"])
        data = pdf_bytes(title=title, paragraphs=[ctx.fill(text) for text in spec["paragraphs"]])
        document = Document(
            title=title,
            slug=slug,
            kind=spec["kind"],
            date=ctx.today - datetime.timedelta(days=spec["days_ago"]),
            issuer=ctx.fill(spec["issuer"]),
            summary=ctx.fill(spec["summary"]),
            file=ContentFile(data, name=f"{slug}.pdf"),
        )
        document_save(document=document, themes=Theme.objects.filter(slug__in=spec["themes"]))
        report.created["documenten"] += 1


def _event_item(event: dict[str, Any], ctx: _Context) -> dict[str, Any]:
    day = ctx.day(event["in_days"]).isoformat()
    return {
        "starts_at": f"{day}T{event['start']}",
        "ends_at": f"{day}T{event['end']}" if event.get("end") else None,
        "location": ctx.fill(event.get("location", "")),
        "address": ctx.fill(event.get("address", "")),
        "registration_url": event.get("registration", ""),
        "accreditation": event.get("accreditation", ""),
    }


_CLOSINGS = [
    (
        "Meer weten?",
        "Heeft u een vraag over dit onderwerp? Mail dan naar {name} via {email}. Wij reageren binnen drie "
        "werkdagen. Voor algemene vragen belt u 14 0123, op werkdagen van 8.30 tot 17.00 uur.",
    ),
    (
        "Vragen of suggesties?",
        "Wij horen graag wat u in uw werk merkt van dit onderwerp. Stuur uw vraag, ervaring of idee naar "
        "{name} via {email}. Liever bellen? Het algemene nummer 14 0123 is op werkdagen bereikbaar.",
    ),
    (
        "Contact",
        "Voor vragen over dit bericht kunt u terecht bij {name}: {email}. Gaat het om een inwoner die dringend "
        "hulp nodig heeft? Bel dan 14 0123 en vraag naar het buurtteam in de wijk van de inwoner.",
    ),
]


def _closing(spec: dict[str, Any], ctx: _Context) -> str:
    """A short contact section (three wordings) with the first of the article's themes that has a contact point."""
    points = {point[0]: point for point in site.CONTACT_POINTS}
    names = [site.THEMES[slug][0] for slug in spec["themes"] if site.THEMES[slug][0]]
    if not names or "mailto:" in spec["body"]:
        return ""
    heading, text = _CLOSINGS[sum(map(ord, spec["title"])) % len(_CLOSINGS)]
    return h3(heading) + p(text.format(name=ctx.fill(names[0]), email=mail(points[names[0]][1])))


def _article_item(spec: dict[str, Any], ctx: _Context) -> dict[str, Any]:
    """The sample article as an item of the JSON import (README "Artikelen importeren")."""
    item = {
        "title": ctx.fill(spec["title"]),
        "slug": article_slug(spec, ctx),
        "lead": ctx.fill(spec["lead"]),
        "body_html": ctx.fill(spec["body"]) + _closing(spec, ctx),
        "published_at": None if spec.get("undated") else _publication_date(spec, ctx).isoformat(),
        "themes": spec["themes"],
        "kind": spec["kind"],
        "links": [{"label": ctx.fill(label), "url": url} for label, url in spec.get("links", [])],
    }
    if "pinned_days" in spec:
        item["pinned"] = True
        item["pinned_until"] = (ctx.today + datetime.timedelta(days=spec["pinned_days"])).isoformat()
    if "event" in spec:
        item["event"] = _event_item(spec["event"], ctx)
    return item


def _publication_date(spec: dict[str, Any], ctx: _Context) -> datetime.date:
    return ctx.today - datetime.timedelta(days=spec["days_ago"])


def _fields_beyond_import(spec: dict[str, Any], ctx: _Context) -> dict[str, Any]:
    """What the JSON import has no field for: subtitle, author and a planned publication moment."""
    fields = {"subtitle": ctx.fill(spec.get("subtitle", "")), "author": spec.get("author", "")}
    if "publish_in_days" in spec:
        moment = datetime.datetime.combine(ctx.day(spec["publish_in_days"]), datetime.time(9, 0))
        fields["publish_at"] = timezone.make_aware(moment)
    return fields


def _articles_load(ctx: _Context, report: SampleReport) -> list[tuple[Article, dict[str, Any]]]:
    """Create the sample articles through the article import (parse, then write); existing slugs are skipped.

    Raises ItemRejected when a sample article breaks an import rule: the sample texts have a bug.
    """
    created = []
    for spec in ALL_ARTICLES:
        item = _article_item(spec, ctx)
        if article_find(item["slug"]) is not None:
            report.skipped["artikelen"] += 1
            continue
        # An undated item takes its place in the list from this date, as in an import file.
        parsed = item_parse(item, fallback_date=_publication_date(spec, ctx))
        parsed.fields.update(_fields_beyond_import(spec, ctx))
        article, _ = item_write(parsed, status=spec.get("status", Article.Status.PUBLISHED))
        created.append((article, spec))
        report.created["artikelen"] += 1
    return created


def _relations_link(ctx: _Context, created: list[tuple[Article, dict[str, Any]]]) -> None:
    """Link reports to their announcements (both ways) and articles to their documents."""
    for article, spec in created:
        for related in Article.objects.filter(slug__in=[ctx.fill(slug) for slug in spec.get("related", [])]):
            article.related_articles.add(related)
            related.related_articles.add(article)
        article.documents.set(Document.objects.filter(slug__in=[ctx.fill(slug) for slug in spec.get("documents", [])]))
    search_vectors_update(article_ids=[article.pk for article, _ in created])


def sample_content_reset(*, today: datetime.date | None = None) -> None:
    """Delete the sample articles, documents (with their files), quick links and contact points."""
    ctx = _context(today)
    Article.objects.filter(slug__in=[article_slug(spec, ctx) for spec in ALL_ARTICLES]).delete()
    for document in Document.objects.filter(slug__in=[ctx.fill(spec["slug"]) for spec in DOCUMENTS]):
        document.file.delete(save=False)
        document.delete()
    QuickLink.objects.filter(label__in=[ctx.fill(label) for label, _ in site.QUICK_LINKS]).delete()
    ContactPoint.objects.filter(name__in=[ctx.fill(point[0]) for point in site.CONTACT_POINTS]).delete()


@transaction.atomic
def sample_content_load(*, today: datetime.date | None = None, reset: bool = False) -> SampleReport:
    """Create the sample content with dates relative to `today`; idempotent: what exists is left alone."""
    ctx = _context(today)
    report = SampleReport()
    if reset:
        sample_content_reset(today=ctx.today)
    points = _contact_points_load(ctx, report)
    _themes_complete(ctx, points)
    _page_texts_load(ctx, report)
    _documents_load(ctx, report)
    _relations_link(ctx, _articles_load(ctx, report))
    logger.info("Sample content loaded: created %s, skipped %s", dict(report.created), dict(report.skipped))
    return report
