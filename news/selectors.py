"""Reads for the public site and the editors' admin: every query a page needs is made here, so templates never query."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Case, Count, Prefetch, Q, QuerySet, Value, When, prefetch_related_objects
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse
from django.utils import timezone

from news.article_page import article_page_get
from news.models import (
    Article,
    ArticleLink,
    ArticleQuerySet,
    ArticleRedirect,
    ContactPoint,
    Document,
    QuickLink,
    SiteText,
    Theme,
)
from news.prepared import PreparedQuery
from news.services.defaults import site_text_initial

PAGE_SIZE = 20
# What a list card, a feed entry or the article page never shows: the stored search vector (large), and
# for cards and feeds the body.
CARD_DEFERRED = ("body", "search_vector")


@dataclass(frozen=True)
class ArticleRef:
    """An article of a list page as its fragments' cache keys need it (news.fragments loads the full row of an
    article whose fragment is not cached)."""

    pk: int
    updated_at: datetime.datetime | None
    pinned_now: bool = False


@dataclass
class Page:
    """One page of a list that is paged without a COUNT query (one extra row tells whether more follow)."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def paginate(queryset: QuerySet, *, number: int, per_page: int = PAGE_SIZE) -> Page:
    """Return page `number` (1-based) of `queryset` with one query; raises ValueError for an empty later page."""
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    if number > 1 and not rows:
        raise ValueError(number)
    return Page(items=rows[:per_page], number=number, has_next=len(rows) > per_page)


def _ref_page(queryset: QuerySet, *, number: int) -> Page:
    """Page `number` of `queryset` as ArticleRef (one query); raises ValueError for an empty later page."""
    page = paginate(queryset.values_list("pk", "updated_at"), number=number)
    page.items = [ArticleRef(pk=pk, updated_at=updated_at) for pk, updated_at in page.items]
    return page


# --- Chrome ------------------------------------------------------------------------------------


def site_text_get() -> SiteText:
    """The editable page texts, or unsaved defaults when an editor has not filled them in yet."""
    return SiteText.objects.filter(pk=1).first() or site_text_defaults()


def site_text_defaults() -> SiteText:
    """Unsaved page texts with the wording a new site starts with (no query)."""
    return SiteText(pk=1, **site_text_initial())


def chrome_get() -> dict:
    """Everything the header, footer and search form show (five queries; the context processor caches it)."""
    return {
        "site_text": site_text_get(),
        "contact_points": list(ContactPoint.objects.filter(show_in_contact_block=True)),
        "quick_links": list(QuickLink.objects.filter(is_active=True)),
        "nav_themes": list(Theme.objects.filter(is_active=True).select_related("contact_point")),
        "newsletter_url": reverse("newsletter:subscribe"),
        "archive_years": archive_years(),
    }


# --- Articles ----------------------------------------------------------------------------------


def _pinned_now(now: datetime.datetime) -> Case:
    return Case(
        When(ArticleQuerySet.pinned_q(now), then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def _ordered_links() -> Prefetch:
    return Prefetch("links", queryset=ArticleLink.objects.order_by("order", "id"))


def _active_themes() -> Prefetch:
    return Prefetch("themes", queryset=Theme.objects.filter(is_active=True).select_related("contact_point"))


def article_list_published(*, now: datetime.datetime | None = None) -> QuerySet:
    """Published articles, active pins first, then newest first by publication date (undated ones too)."""
    now = now or timezone.now()
    return (
        Article.objects.published(now)
        .annotate(pinned_now=_pinned_now(now))
        .order_by("-pinned_now", "-publication_date", "-id")
        .defer(*CARD_DEFERRED)
        .prefetch_related(_ordered_links())
    )


def article_page_published(*, number: int = 1, now: datetime.datetime | None = None) -> Page:
    """One page of the news page: active pins first, then newest first; raises ValueError when the page does not
    exist. Each item has `pinned_now`. No query grows with the number of articles.

    Page 1, the one nearly every visitor sees, is one query compiled once per process, and its items are
    ArticleRef: news.fragments loads full rows only for the cards it lacks. The query is the pins (few rows,
    partial index article_pinned) UNION ALL the newest others (an index scan on the publication date with a
    LIMIT), not a sort of every published article by "pinned now". A later page needs the number of pins first:
    the pins' ids, then full rows of the others (two queries).
    """
    now = now or timezone.now()
    if number == 1 and connection.features.supports_slicing_ordering_in_compound:  # not SQLite (the demo)
        rows = _FIRST_PAGE.rows(now=now)
        items = [ArticleRef(pk=row[0], updated_at=row[1], pinned_now=row[2]) for row in rows]
        return Page(items=items[:PAGE_SIZE], number=1, has_next=len(items) > PAGE_SIZE)
    published = Article.objects.published(now).order_by("-publication_date", "-id")
    pinned_q = ArticleQuerySet.pinned_q(now)
    pins = published.filter(pinned_q).values_list("pk", "updated_at")
    pinned = [ArticleRef(pk=pk, updated_at=stamp, pinned_now=True) for pk, stamp in pins]
    start = (number - 1) * PAGE_SIZE
    stop = start + PAGE_SIZE + 1  # one extra row tells whether a next page exists
    # More pins than this page holds: no other article on it (a negative slice bound would raise).
    window = slice(max(0, start - len(pinned)), max(0, stop - len(pinned)))
    others = list(published.exclude(pinned_q).defer(*CARD_DEFERRED)[window]) if window.stop else []
    for article in others:
        article.pinned_now = False
    rows = pinned[start:stop] + others
    if number > 1 and not rows:
        raise ValueError(number)
    return Page(items=rows[:PAGE_SIZE], number=number, has_next=len(rows) > PAGE_SIZE)


def _first_page(*, now: datetime.datetime) -> QuerySet:
    published = Article.objects.published(now).order_by("-publication_date", "-id")
    pinned_q = ArticleQuerySet.pinned_q(now)
    pins = _ref_values(published.filter(pinned_q), pinned=True)
    rest = _ref_values(published.exclude(pinned_q), pinned=False)[: PAGE_SIZE + 1]
    return pins.union(rest, all=True).order_by("-pinned", "-publication_date", "-pk")


_FIRST_PAGE = PreparedQuery(_first_page)


def _ref_values(queryset: QuerySet, *, pinned: bool) -> QuerySet:
    """(pk, updated_at, pinned, publication_date) rows: what a list page's fragments need (news.fragments)."""
    pinned = Value(pinned, output_field=BooleanField())
    return queryset.annotate(pinned=pinned).values_list("pk", "updated_at", "pinned", "publication_date")


def article_cards_by_pk(*, pks) -> dict[int, Article]:
    """{pk: article} of list cards, without body and search vector (one query; for the fragments not cached)."""
    return {article.pk: article for article in Article.objects.filter(pk__in=pks).defer(*CARD_DEFERRED)}


def article_links_prefetch(articles: list[Article]) -> None:
    """Give the articles their links in order (one query; none for articles that have them already)."""
    prefetch_related_objects(articles, _ordered_links())


def article_get_published(*, slug: str, now: datetime.datetime | None = None) -> Article | None:
    """A published article with themes, contact points, documents, links and published related articles.

    On PostgreSQL one query (news.article_page); elsewhere (the SQLite demo) the ORM in four.
    """
    now = now or timezone.now()
    if connection.vendor == "postgresql":
        return article_page_get(slug=slug, now=now)
    return article_get_published_orm(slug=slug, now=now)


def article_get_published_orm(*, slug: str, now: datetime.datetime) -> Article | None:
    """article_get_published through the ORM, for any database (four queries)."""
    rows = list(
        Article.objects.published(now)
        .filter(pk__in=_page_ids(slug))
        .defer("search_vector")
        .order_by("-publication_date", "-id")
    )
    article = next((row for row in rows if row.slug == slug), None)
    if article is None:
        return None
    # Only the article itself shows themes, documents and links: the related ones show a title and a date.
    prefetch_related_objects([article], _active_themes(), _public_documents(), _ordered_links())
    article.related_published = [row for row in rows if row.slug != slug]
    return article


def _public_documents() -> Prefetch:
    # The page shows a document's title, date and file: not its extracted text or search vector (large).
    return Prefetch("documents", queryset=Document.objects.defer("text", "search_vector").order_by("-date", "title"))


def _page_ids(slug: str) -> QuerySet:
    """The id of the article `slug` and of the articles it lists as related, as one small subquery: the page
    query then looks rows up by primary key instead of joining every article to the link table (a scan)."""
    related = Article.related_articles.through.objects.filter(from_article__slug=slug).values("to_article_id")
    return Article.objects.filter(slug=slug).values("pk").union(related, all=True)


def article_theme_contact_points(article: Article) -> list[ContactPoint]:
    """The contact points of the article's themes, each once, in theme order (no query with themes prefetched).

    Not the footer's site-wide "Hulp en contact" block: templates get these as `theme_contact_points`.
    """
    return list(dict.fromkeys(theme.contact_point for theme in article.themes.all() if theme.contact_point))


def article_is_live(*, article: Article) -> bool:
    """Whether the public sees `article` now (one query)."""
    return Article.objects.published().filter(pk=article.pk).exists()


def article_get_for_preview(*, pk: int) -> Article | None:
    """Any article, published or not, with its themes' contact points, links and documents (editors' preview)."""
    articles = Article.objects.prefetch_related("themes__contact_point", "links", "documents", "related_articles")
    return articles.filter(pk=pk).first()


def article_month_list(*, limit: int = 36) -> list[datetime.date]:
    """The first day of each month with articles in any status, newest first (one query)."""
    return list(Article.objects.dates("publication_date", "month", order="DESC")[:limit])


def article_redirect_get(*, slug: str) -> Article | None:
    """The article an old slug now points to, if any (one query)."""
    redirect = ArticleRedirect.objects.select_related("article").filter(old_slug=slug).first()
    return redirect.article if redirect else None


# --- Themes ------------------------------------------------------------------------------------


def theme_list_active() -> list[Theme]:
    """Active themes with the number of published articles in each (one query)."""
    published = Article.objects.published().values("pk")
    return list(
        Theme.objects.filter(is_active=True).annotate(
            article_count=Count("articles", filter=Q(articles__in=published), distinct=True)
        )
    )


def theme_get_active(*, slug: str) -> Theme | None:
    """An active theme with its contact point (one query)."""
    return Theme.objects.filter(is_active=True, slug=slug).select_related("contact_point").first()


def theme_article_page(*, theme: Theme, number: int = 1) -> Page:
    """One page of a theme's published articles as ArticleRef (one query, compiled once per process for page 1);
    raises ValueError when the page does not exist."""
    if number == 1:
        rows = _THEME_FIRST_PAGE.rows(now=timezone.now(), theme_id=theme.pk)
        items = [ArticleRef(pk=pk, updated_at=updated_at) for pk, updated_at in rows]
        return Page(items=items[:PAGE_SIZE], number=1, has_next=len(items) > PAGE_SIZE)
    return _ref_page(_theme_articles(now=timezone.now(), theme_id=theme.pk), number=number)


def _theme_articles(*, now: datetime.datetime, theme_id: int) -> QuerySet:
    return Article.objects.published(now).filter(themes=theme_id).order_by("-publication_date", "-id")


def _theme_first_page(*, now: datetime.datetime, theme_id: int) -> QuerySet:
    return _theme_articles(now=now, theme_id=theme_id).values_list("pk", "updated_at")[: PAGE_SIZE + 1]


_THEME_FIRST_PAGE = PreparedQuery(_theme_first_page, theme_id=-19010203)  # a theme id no row has

THEME_DOCUMENTS = 10  # the documents a theme page shows


def theme_documents(*, theme: Theme, limit: int = THEME_DOCUMENTS) -> list[Document]:
    """The theme's public documents, newest first (one query, compiled once per process for the theme page)."""
    if limit != THEME_DOCUMENTS:
        return list(_theme_documents(now=timezone.now(), theme_id=theme.pk)[:limit])
    return _THEME_DOCUMENTS.rows(now=timezone.now(), theme_id=theme.pk)


def _theme_documents(*, now: datetime.datetime, theme_id: int) -> QuerySet:
    # The side column shows a title and a link: not the extracted text or the search vector (large, and the
    # DISTINCT of document_list_public would compare them).
    return document_list_public(now=now).filter(themes=theme_id).defer("text", "search_vector")


def _theme_documents_shown(*, now: datetime.datetime, theme_id: int) -> QuerySet:
    return _theme_documents(now=now, theme_id=theme_id)[:THEME_DOCUMENTS]


_THEME_DOCUMENTS = PreparedQuery(_theme_documents_shown, theme_id=-19010203)


# --- Archive -----------------------------------------------------------------------------------


def archive_months(*, year: int | None = None) -> list[dict]:
    """[{"year", "month", "count"}] of published articles, newest month first (one query)."""
    queryset = Article.objects.published()
    if year is not None:
        queryset = queryset.filter(publication_date__year=year)
    return list(
        queryset.annotate(year=ExtractYear("publication_date"), month=ExtractMonth("publication_date"))
        .order_by()
        .values("year", "month")
        .annotate(count=Count("id"))
        .order_by("-year", "-month")
    )


def archive_years() -> list[int]:
    """Years with published articles, newest first (one query)."""
    dates = Article.objects.published().order_by().dates("publication_date", "year", order="DESC")
    return [day.year for day in dates]


def archive_article_page(*, year: int, month: int, number: int = 1) -> Page:
    """One page of a month's published articles, newest first, without bodies (one query).

    Raises ValueError when the page does not exist.
    """
    queryset = (
        Article.objects.published()
        .filter(publication_date__year=year, publication_date__month=month)
        .order_by("-publication_date", "-id")
    )
    return _ref_page(queryset, number=number)


# --- Documents ---------------------------------------------------------------------------------


def document_list_public(*, now: datetime.datetime | None = None) -> QuerySet:
    """Documents the public may see: linked from a published article, or published on their own."""
    published = Article.objects.published(now).values("pk")
    return Document.objects.filter(Q(articles__in=published) | Q(articles__isnull=True)).distinct()


def document_get_public(*, slug: str) -> Document | None:
    """A public document by slug (one query)."""
    return document_list_public().filter(slug=slug).first()
