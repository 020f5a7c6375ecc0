"""Reads for the monthly digest: the month's articles, an edition's content per variant, its audience.

Selection rule (issue 9): an article belongs to the month in which it became publicly visible. That moment is
`publish_at` when set; otherwise the start of `publication_date` in Europe/Amsterdam; for an undated article
(`show_date` off: its date is only a sort key copied from its neighbours) the moment it was first published
(`first_published_at`). It must still be visible when the edition is assembled, and have at least one active
theme: an article whose themes are all switched off has no section to appear in and is left out.
"""

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from news.models import Article, Theme
from newsletter.emails import absolute_url
from newsletter.models import Edition, EditionItem, Subscriber

THEME_ORDER = ("order", "name")


def month_first(day: datetime.date) -> datetime.date:
    """The first day of the month `day` falls in."""
    return day.replace(day=1)


def month_next(month: datetime.date) -> datetime.date:
    """The first day of the month after `month`."""
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def month_previous(month: datetime.date) -> datetime.date:
    """The first day of the month before `month`."""
    return (month.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """[start, end) of the month as aware datetimes: local midnight in the site's zone (Europe/Amsterdam)."""
    zone = timezone.get_default_timezone()
    start = datetime.datetime.combine(month_first(month), datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(month_next(month_first(month)), datetime.time.min, tzinfo=zone)
    return start, end


def publication_moment(article: Article) -> datetime.datetime | None:
    """The moment the article became public by the selection rule in the module docstring."""
    if article.publish_at is not None:
        return article.publish_at
    if not article.show_date:
        return article.first_published_at
    return datetime.datetime.combine(
        article.publication_date, datetime.time.min, tzinfo=timezone.get_default_timezone()
    )


def _published_in(month: datetime.date) -> Q:
    start, end = month_bounds(month)
    # Local midnights are the month's bounds, so comparing dates is the same as comparing their starts.
    dated = Q(
        publish_at__isnull=True, show_date=True, publication_date__gte=start.date(), publication_date__lt=end.date()
    )
    undated = Q(publish_at__isnull=True, show_date=False, first_published_at__gte=start, first_published_at__lt=end)
    return Q(publish_at__gte=start, publish_at__lt=end) | dated | undated


def _active_themes(lookup: str = "themes") -> Prefetch:
    """Prefetch the active themes in theme order into `active_themes`."""
    queryset = Theme.objects.filter(is_active=True).order_by(*THEME_ORDER)
    return Prefetch(lookup, queryset=queryset, to_attr="active_themes")


def _has_active_theme() -> Exists:
    return Exists(Article.themes.through.objects.filter(article_id=OuterRef("pk"), theme__is_active=True))


def digest_article_list(*, month: datetime.date, now: datetime.datetime | None = None) -> list[Article]:
    """The month's articles that are still visible at `now` and have an active theme, newest first (two queries).

    Each article has `active_themes` (theme order).
    """
    rows = list(
        Article.objects.published(now)
        .filter(_published_in(month))
        .filter(_has_active_theme())
        .prefetch_related(_active_themes())
    )
    rows.sort(key=lambda article: (publication_moment(article), article.pk), reverse=True)
    return rows


def digest_notice_list(*, now: datetime.datetime | None = None) -> list[Article]:
    """Visible pinned notices whose pin still holds at `now`, newest first (two queries)."""
    now = now or timezone.now()
    return list(
        Article.objects.published(now)
        .pinned(now)
        .order_by("-publication_date", "-id")
        .prefetch_related(_active_themes())
    )


# --- An edition's content ---------------------------------------------------------------------


@dataclass(frozen=True)
class DigestItem:
    """One article as the digest shows it: from the live article (draft) or from the snapshot (approved)."""

    pk: int
    article_id: int | None
    title: str
    teaser: str
    url: str
    theme_ids: tuple[int, ...]
    publication_date: datetime.date | None
    show_date: bool


@dataclass
class DigestContent:
    """What an edition mails: the intro, the "Let op" notices and the items that go into theme sections."""

    edition: Edition
    items: list[DigestItem]
    notices: list[DigestItem]
    # The edition's themes (those of its section items) in theme order.
    themes: dict[int, Theme] = field(default_factory=dict)

    @property
    def theme_ids(self) -> tuple[int, ...]:
        return tuple(self.themes)

    def variant_key(self, *, all_themes: bool, theme_ids: Iterable[int]) -> tuple[int, ...]:
        """The sorted edition theme ids a subscriber gets; empty when nothing in this edition is for them."""
        if all_themes:
            return tuple(sorted(self.themes))
        return tuple(sorted(set(theme_ids).intersection(self.themes)))

    def sections(self, key: Iterable[int]) -> list[tuple[Theme, list[DigestItem]]]:
        """Theme sections for a variant: each item once, under the first of the variant's themes it has."""
        chosen = set(key)
        grouped: dict[int, list[DigestItem]] = {pk: [] for pk in self.themes if pk in chosen}
        for item in self.items:
            first = next((pk for pk in item.theme_ids if pk in grouped), None)
            if first is not None:
                grouped[first].append(item)
        return [(self.themes[pk], items) for pk, items in grouped.items() if items]

    @property
    def article_count(self) -> int:
        return len(self.items) + len(self.notices)


def _live_item(item: EditionItem) -> DigestItem:
    article = item.article
    return DigestItem(
        pk=item.pk,
        article_id=article.pk,
        title=article.title,
        teaser=item.teaser.strip() or article.lead,
        url=absolute_url(article.get_absolute_url()),
        theme_ids=tuple(theme.pk for theme in article.active_themes),
        publication_date=article.publication_date,
        show_date=article.show_date,
    )


def _snapshot_item(item: EditionItem) -> DigestItem:
    return DigestItem(
        pk=item.pk,
        article_id=item.article_id,
        title=item.snapshot_title,
        teaser=item.snapshot_teaser,
        url=item.snapshot_url,
        theme_ids=tuple(item.snapshot_theme_ids),
        publication_date=item.snapshot_publication_date,
        show_date=item.snapshot_show_date,
    )


def edition_items_live(*, edition: Edition, now: datetime.datetime | None = None) -> list[EditionItem]:
    """The edition's items that are not removed and whose article is still visible, with the article and its
    active themes (two queries)."""
    visible = Article.objects.published(now).filter(pk=OuterRef("article_id"))
    return list(
        edition.items.filter(is_removed=False)
        .filter(Exists(visible))
        .select_related("article")
        .prefetch_related(_active_themes("article__themes"))
    )


def _content_items(edition: Edition, now) -> list[tuple[EditionItem, DigestItem]]:
    if edition.is_frozen:
        rows = edition.items.filter(is_removed=False)
        return [(item, _snapshot_item(item)) for item in rows]
    return [(item, _live_item(item)) for item in edition_items_live(edition=edition, now=now)]


def digest_content(*, edition: Edition, now: datetime.datetime | None = None) -> DigestContent:
    """What the edition mails (three queries): live articles for a draft, the snapshots once approved."""
    content = DigestContent(edition=edition, items=[], notices=[])
    for item, shown in _content_items(edition, now):
        if edition.include_notices and item.is_notice:
            content.notices.append(shown)
        elif item.origin != EditionItem.Origin.NOTICE and shown.theme_ids:
            content.items.append(shown)
    wanted = {pk for item in content.items for pk in item.theme_ids}
    # A theme switched off after approval still heads its section: the approved content is what is mailed.
    themes = (
        Theme.objects.filter(pk__in=wanted)
        if edition.is_frozen
        else Theme.objects.filter(pk__in=wanted, is_active=True)
    )
    content.themes = {theme.pk: theme for theme in themes.order_by(*THEME_ORDER)}
    return content


# --- Audience ---------------------------------------------------------------------------------


def digest_audience(*, today: datetime.date | None = None) -> QuerySet[Subscriber]:
    """Subscribers a digest would go to now: confirmed, with an address, not paused."""
    today = today or timezone.localdate()
    return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED, email__isnull=False).filter(
        Q(paused_until__isnull=True) | Q(paused_until__lte=today)
    )


@dataclass(frozen=True)
class AudienceSummary:
    recipients: int
    variants: int
    skipped: int


def audience_theme_sets(*, today: datetime.date | None = None) -> tuple[int, Counter]:
    """(number of all-themes subscribers, Counter of the chosen theme-id sets of the others) (two queries)."""
    audience = digest_audience(today=today)
    all_themes = audience.filter(all_themes=True).count()
    chosen: dict[int, set[int]] = {}
    pairs = Subscriber.themes.through.objects.filter(subscriber__in=audience.filter(all_themes=False))
    for subscriber_id, theme_id in pairs.values_list("subscriber_id", "theme_id").iterator(chunk_size=5000):
        chosen.setdefault(subscriber_id, set()).add(theme_id)
    return all_themes, Counter(frozenset(themes) for themes in chosen.values())


def audience_summary(*, content: DigestContent, all_themes: int, theme_sets: Counter) -> AudienceSummary:
    """How many would get this edition, in how many variants (no query)."""
    edition_themes = set(content.themes)
    keys, recipients = set(), 0
    if edition_themes and all_themes:
        keys.add(tuple(sorted(edition_themes)))
        recipients += all_themes
    for themes, count in theme_sets.items():
        key = tuple(sorted(themes & edition_themes))
        if key:
            keys.add(key)
            recipients += count
    return AudienceSummary(
        recipients=recipients, variants=len(keys), skipped=all_themes + sum(theme_sets.values()) - recipients
    )


def digest_audience_summary(*, edition: Edition) -> AudienceSummary:
    """How many subscribers this edition would reach now and in how many variants (five queries)."""
    all_themes, theme_sets = audience_theme_sets()
    return audience_summary(content=digest_content(edition=edition), all_themes=all_themes, theme_sets=theme_sets)


# --- Public web version -----------------------------------------------------------------------


def edition_list_public() -> QuerySet[Edition]:
    """Editions whose sending has started, newest month first: the public archive."""
    return Edition.objects.filter(started_at__isnull=False).order_by("-month")


def edition_get_public(*, year: int, month: int) -> Edition | None:
    """The public edition of a month, or None before its sending started (one query)."""
    try:
        first = datetime.date(year, month, 1)
    except ValueError:
        return None
    return edition_list_public().filter(month=first).first()


# --- Admin ------------------------------------------------------------------------------------


def edition_list_admin() -> QuerySet[Edition]:
    """Editions newest first with `article_count` (items not removed) for the admin list (one query)."""
    return Edition.objects.annotate(article_count=Count("items", filter=Q(items__is_removed=False))).order_by("-month")


def digest_audience_search(*, term: str, limit: int = 20) -> list[Subscriber]:
    """Subscribers in the audience whose address contains `term` (at least 3 characters), with their themes."""
    term = term.strip()
    if len(term) < 3:
        return []
    found = digest_audience().filter(email__icontains=term).order_by("email").prefetch_related("themes")
    return list(found[:limit])
