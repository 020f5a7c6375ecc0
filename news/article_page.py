"""The article page's rows from PostgreSQL in one query (news.selectors.article_get_published uses it there).

One statement returns the article's columns and, as JSON arrays, its active themes with their contact points,
its documents, its links and its published related articles, so a page view pays one round trip and no
queryset building or SQL compilation (the SQL is built once per process). The rows become the same model
instances, prefetch caches and `related_published` list the ORM path gives, so templates cannot tell them apart,
plus `page_digest`: a digest of the whole row, the version of everything the page shows from the database.
"""

import datetime
import hashlib
import json
from contextlib import contextmanager
from functools import cache

import psycopg
from django.db import connection
from django.db.models import DateField, DateTimeField, Model, QuerySet
from django.utils.functional import SimpleLazyObject

from news.models import Article, ArticleLink, ArticleQuerySet, ContactPoint, Document, Theme

# What the page shows of each kind of row, in model field order. The article itself is read whole except its
# search vector; a document never with its extracted text or search vector (large); a related article only as
# the "Lees ook" line shows it.
THEME_FIELDS = ("id", "name", "slug", "description", "order", "is_active", "contact_point_id")
CONTACT_FIELDS = ("id", "name", "email", "phone", "url", "notes", "order", "show_in_contact_block", "last_checked")
DOCUMENT_FIELDS = ("id", "title", "slug", "kind", "date", "issuer", "summary", "file", "created_at", "updated_at")
LINK_FIELDS = ("id", "article_id", "label", "url", "order")
RELATED_FIELDS = ("id", "title", "slug", "publication_date", "show_date")
# Any moment stands in for "now" while the published condition is compiled; each query passes the real one.
_NOW_PLACEHOLDER = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

_QUERY = """
WITH page AS (SELECT {article_columns} FROM news_article WHERE news_article.slug = %s AND {published})
SELECT page.*,
  (SELECT json_agg(json_build_array({theme_columns}, {contact_columns}) ORDER BY t."order", t.name)::text
     FROM news_article_themes art JOIN news_theme t ON t.id = art.theme_id
     LEFT JOIN news_contactpoint c ON c.id = t.contact_point_id
     WHERE art.article_id = page.id AND t.is_active),
  (SELECT json_agg(json_build_array({document_columns}) ORDER BY d.date DESC, d.title)::text
     FROM news_article_documents ad JOIN news_document d ON d.id = ad.document_id
     WHERE ad.article_id = page.id),
  (SELECT json_agg(json_build_array({link_columns}) ORDER BY l."order", l.id)::text
     FROM news_articlelink l WHERE l.article_id = page.id),
  (SELECT json_agg(json_build_array({related_columns})
       ORDER BY news_article.publication_date DESC, news_article.id DESC)::text
     FROM news_article_related_articles ar JOIN news_article ON news_article.id = ar.to_article_id
     WHERE ar.from_article_id = page.id AND ar.to_article_id <> page.id AND {published})
FROM page
"""


def article_page_get(*, slug: str, now: datetime.datetime) -> Article | None:
    """The published article `slug` with everything its page shows (one query; PostgreSQL only)."""
    sql, param_count, article_fields = _query()
    params = [slug, *_published_params(now), *_published_params(now)]
    assert len(params) == param_count  # noqa: S101 - the SQL and its parameters are built together
    with _prepared_cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    count = len(article_fields)
    article = Article.from_db(connection.alias, article_fields, row[:count])
    themes_json, documents_json, links_json, related_json = row[count:]
    # Built on first use: a page view whose markup comes from the fragment cache needs none of them.
    article._prefetched_objects_cache = _Prefetched(
        themes=lambda: _result(Theme, [_theme(values) for values in _loads(themes_json)]),
        documents=lambda: _result(Document, _instances(Document, DOCUMENT_FIELDS, documents_json)),
        links=lambda: _result(ArticleLink, _instances(ArticleLink, LINK_FIELDS, links_json)),
    )
    article.related_published = SimpleLazyObject(lambda: _instances(Article, RELATED_FIELDS, related_json))
    # Everything the page shows of the database is in `row`: its digest names this version of the page's
    # content, so a fragment cached under it can never be stale (news.templatetags.article_fragments).
    article.page_digest = hashlib.blake2b(repr(row).encode(), digest_size=16).hexdigest()
    return article


class _Prefetched(dict):
    """A prefetch cache (what prefetch_related leaves on an instance) whose querysets are built on first use."""

    def __init__(self, **builders):
        super().__init__()
        self.builders = builders

    def __missing__(self, name):
        if name not in self.builders:
            raise KeyError(name)
        value = self[name] = self.builders.pop(name)()
        return value

    def __contains__(self, name):
        return super().__contains__(name) or name in self.builders

    def get(self, name, default=None):
        return self[name] if name in self else default

    def pop(self, name, *default):  # a related manager's write drops its relation, built or not
        if self.builders.pop(name, None) is not None and not super().__contains__(name):
            return default[0] if default else None
        return super().pop(name, *default)

    def __delitem__(self, name):
        if self.builders.pop(name, None) is None or super().__contains__(name):
            super().__delitem__(name)


@contextmanager
def _prepared_cursor():
    """Django's cursor (query log, wrappers, error translation) over a psycopg cursor that binds parameters on the
    server with preparing on: psycopg prepares the page query once per connection and then only binds and runs
    it, so PostgreSQL does not parse and plan it on every request. Django leaves preparing off (for connection
    poolers in transaction mode); the rest of the connection's queries keep its settings."""
    connection.ensure_connection()
    raw = connection.connection
    saved = raw.cursor_factory, raw.prepare_threshold
    raw.cursor_factory, raw.prepare_threshold = psycopg.Cursor, 0
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        raw.cursor_factory, raw.prepare_threshold = saved


def _loads(text: str | None) -> list:
    return json.loads(text) if text else []  # json_agg of no rows is NULL


def _instances(model: type[Model], fields: tuple[str, ...], text: str | None) -> list:
    convert = _converters(model, fields)
    return [model.from_db(connection.alias, fields, convert(values)) for values in _loads(text)]


def _theme(values: list) -> Theme:
    split = len(THEME_FIELDS)
    theme = Theme.from_db(connection.alias, THEME_FIELDS, values[:split])
    contact = None
    if values[split] is not None:
        contact_values = _converters(ContactPoint, CONTACT_FIELDS)(values[split:])
        contact = ContactPoint.from_db(connection.alias, CONTACT_FIELDS, contact_values)
    Theme.contact_point.field.set_cached_value(theme, contact)  # as select_related would: no query later
    return theme


def _result(model: type[Model], rows: list) -> QuerySet:
    """A queryset that holds `rows`, as prefetch_related leaves it in the prefetch cache."""
    queryset = model._default_manager.get_queryset()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    return queryset


@cache
def _converters(model: type[Model], fields: tuple[str, ...]):
    """A function turning one JSON array of `fields` into Python values (dates arrive as ISO strings)."""
    by_attname = {field.attname: field for field in model._meta.concrete_fields}
    parsers = []
    for name in fields:
        field = by_attname[name]
        if isinstance(field, DateTimeField):
            parsers.append(datetime.datetime.fromisoformat)
        elif isinstance(field, DateField):
            parsers.append(datetime.date.fromisoformat)
        else:
            parsers.append(None)

    def convert(values: list) -> list:
        return [
            value if parse is None or value is None else parse(value)
            for parse, value in zip(parsers, values, strict=True)
        ]

    return convert


@cache
def _published_where() -> tuple[str, list]:
    """ArticleQuerySet.published_q as SQL on the unaliased article table, and its parameters."""
    query = Article.objects.filter(ArticleQuerySet.published_q(_NOW_PLACEHOLDER)).query
    return query.get_compiler(connection=connection).compile(query.where)


def _published_params(now: datetime.datetime) -> list:
    return [now if value == _NOW_PLACEHOLDER else value for value in _published_where()[1]]


@cache
def _query() -> tuple[str, int, tuple[str, ...]]:
    """The page's SQL, its number of parameters and the article fields it reads (built once per process)."""
    article_fields = tuple(field.attname for field in Article._meta.concrete_fields if field.name != "search_vector")
    published, published_params = _published_where()
    sql = _QUERY.format(
        article_columns=_columns("news_article", Article, article_fields),
        published=published,
        theme_columns=_columns("t", Theme, THEME_FIELDS),
        contact_columns=_columns("c", ContactPoint, CONTACT_FIELDS),
        document_columns=_columns("d", Document, DOCUMENT_FIELDS),
        link_columns=_columns("l", ArticleLink, LINK_FIELDS),
        related_columns=_columns("news_article", Article, RELATED_FIELDS),
    )
    return sql, 1 + 2 * len(published_params), article_fields


def _columns(alias: str, model: type[Model], attnames: tuple[str, ...]) -> str:
    columns = {field.attname: field.column for field in model._meta.concrete_fields}
    return ", ".join(f"{alias}.{connection.ops.quote_name(columns[name])}" for name in attnames)
