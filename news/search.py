"""Full-text search over published articles and public documents.

PostgreSQL: each article's stored vector (news.services.search_vectors: Dutch configuration with unaccent,
migration news 0004, GIN index), ranked, with highlighted snippets from ts_headline for the page shown only
(search_snippets_add). Other databases (the SQLite demo): accent- and case-insensitive substring matching
with snippets made in Python. Both return the same SearchResult list.
"""

import datetime
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from news import selectors
from news.models import Article, Document, Theme
from news.services.search_vectors import CONFIG

MAX_RESULTS = 100
MAX_QUERY_LENGTH = 200
# Unlikely characters mark a hit in ts_headline output; they become <mark> after the text is escaped.
START, STOP = "\u27ea", "\u27eb"
# Tags of block elements (the article allow-list's, see news.sanitize): text on either side belongs to two
# blocks, so the tag becomes a space. Written for both Python's re and PostgreSQL's regular expressions.
BLOCK_TAG = r"</?(p|h[1-6]|ul|ol|li|blockquote|br|div)(\s[^>]*)?/?>"
_BLOCK_TAG = re.compile(BLOCK_TAG, re.IGNORECASE)
# A word with the punctuation around it: only the word is highlighted ("<mark>aanvragen</mark>:").
_WORD_PARTS = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)


@dataclass
class SearchResult:
    kind: str
    title: str
    url: str
    date: datetime.date | None
    snippet: SafeString | None  # None until search_snippets_add (PostgreSQL)
    rank: float
    pk: int = 0


def fold(text: str) -> str:
    """Lower-case text without accents: "Sagènn" becomes "sagenn"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def body_text(markup: str | None) -> str:
    """Return the visible text of rich text: blocks apart by a space, entities decoded, whitespace collapsed."""
    spaced = _BLOCK_TAG.sub(" ", markup or "")
    return " ".join(html.unescape(strip_tags(spaced)).split())


def highlighted(text: str) -> SafeString:
    """Escape a ts_headline fragment and turn its markers into <mark> elements."""
    safe = escape(body_text(text))
    return mark_safe(safe.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 (escaped above)


def _clean(query: str) -> str:
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


def search_run(*, query: str, theme: Theme | None = None, year: int | None = None) -> list[SearchResult]:
    """Return up to MAX_RESULTS results, best first (two queries); an empty query finds nothing.

    On PostgreSQL the snippets are left empty: search_snippets_add fills them for the page shown.
    """
    query = _clean(query)
    if not query:
        return []
    if connection.vendor == "postgresql":
        articles, documents = _postgres_articles, _postgres_documents
    else:
        articles, documents = _fallback_articles, _fallback_documents
    results = articles(query, theme, year) + documents(query, theme, year)
    results.sort(key=lambda result: (result.rank, result.date or datetime.date.min), reverse=True)
    return results[:MAX_RESULTS]


def _articles(theme: Theme | None, year: int | None) -> QuerySet:
    queryset = Article.objects.published()
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    if year is not None:
        queryset = queryset.filter(publication_date__year=year)
    return queryset


def _documents(theme: Theme | None, year: int | None) -> QuerySet:
    queryset = selectors.document_list_public()
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    if year is not None:
        queryset = queryset.filter(date__year=year)
    return queryset


def _article_result(article, snippet) -> SearchResult:
    return SearchResult(
        kind="article",
        title=article.title,
        url=article.get_absolute_url(),
        date=article.publication_date if article.show_date else None,
        snippet=snippet,
        rank=float(article.rank),
        pk=article.pk,
    )


def _document_result(document, snippet) -> SearchResult:
    return SearchResult(
        kind="document",
        title=document.title,
        url=document.get_absolute_url(),
        date=document.date,
        snippet=snippet,
        rank=float(document.rank),
        pk=document.pk,
    )


# --- PostgreSQL --------------------------------------------------------------------------------


def _without_block_tags(field: str) -> Func:
    """body_text()'s first step in SQL, so that ts_headline never joins the last word of a block to the next."""
    pattern, flags = Value(BLOCK_TAG), Value("gi")
    return Func(F(field), pattern, Value(" "), flags, function="REGEXP_REPLACE", output_field=TextField())


def _headline(expression, search_query) -> SearchHeadline:
    return SearchHeadline(
        expression,
        search_query,
        config=CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def _postgres_articles(query, theme, year) -> list[SearchResult]:
    """Matches through the stored vector and its GIN index; no snippets yet (search_snippets_add)."""
    search_query = SearchQuery(query, config=CONFIG, search_type="websearch")
    rows = (
        _articles(theme, year)
        .filter(search_vector=search_query)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", "-publication_date")
        .only("title", "slug", "publication_date", "show_date")[:MAX_RESULTS]
    )
    return [_article_result(row, None) for row in rows]


def _postgres_documents(query, theme, year) -> list[SearchResult]:
    search_query = SearchQuery(query, config=CONFIG, search_type="websearch")
    rows = (
        _documents(theme, year)
        .filter(search_vector=search_query)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", "-date")
        .only("title", "slug", "date")[:MAX_RESULTS]
    )
    return [_document_result(row, None) for row in rows]


def _article_snippets(pks, search_query) -> dict[int, str]:
    text = Concat("lead", Value(" "), _without_block_tags("body"), output_field=TextField())
    rows = Article.objects.filter(pk__in=pks).annotate(snippet=_headline(text, search_query))
    return dict(rows.values_list("pk", "snippet"))


def _document_snippets(pks, search_query) -> dict[int, str]:
    text = Concat("summary", Value(" "), "text", output_field=TextField())
    rows = Document.objects.filter(pk__in=pks).annotate(snippet=_headline(text, search_query))
    return dict(rows.values_list("pk", "snippet"))


def search_snippets_add(results: Iterable[SearchResult], *, query: str) -> None:
    """Give the results without a snippet (PostgreSQL's) their highlighted snippet: at most two queries.

    Call it for the page shown only: ts_headline reads each whole text.
    """
    missing = [result for result in results if result.snippet is None]
    if not missing:
        return
    search_query = SearchQuery(_clean(query), config=CONFIG, search_type="websearch")
    found = {
        "article": _article_snippets([r.pk for r in missing if r.kind == "article"], search_query),
        "document": _document_snippets([r.pk for r in missing if r.kind == "document"], search_query),
    }
    for result in missing:
        result.snippet = highlighted(found[result.kind].get(result.pk, ""))


# --- Other databases ---------------------------------------------------------------------------


class Fold(Func):
    """fold() in SQL: a Python function registered on the SQLite connection."""

    function = "portal_fold"
    output_field = TextField()


def _fold_markup(text: str | None) -> str:
    """fold() of the visible text only, so that words in tags and attributes never match."""
    return fold(body_text(text))


def _register_fold() -> None:
    connection.ensure_connection()
    connection.connection.create_function("portal_fold", 1, _fold_markup, deterministic=True)


def _terms(query: str) -> list[str]:
    return [term for term in (fold(word.strip("\"'()")) for word in query.split()) if term]


def _fallback_filter(queryset, terms, fields):
    annotations = {f"folded_{name}": Fold(F(name)) for name in fields}
    queryset = queryset.annotate(**annotations)
    for term in terms:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"folded_{name}__contains": term})
        queryset = queryset.filter(condition)
    return queryset


def _marked(word: str, pattern: re.Pattern) -> str:
    """The escaped word, its letters in <mark> when they contain a hit (punctuation around it stays outside)."""
    before, core, after = _WORD_PARTS.match(word).groups()
    if not core or not pattern.search(fold(core)):
        return escape(word)
    return f"{escape(before)}<mark>{escape(core)}</mark>{escape(after)}"


def _snippet(text: str, terms: list[str], width: int = 30) -> SafeString:
    """The words around the first hit, hits in <mark>, everything escaped."""
    words = body_text(text).split(" ")
    pattern = re.compile("|".join(re.escape(term) for term in terms))
    hits = [index for index, word in enumerate(words) if pattern.search(fold(word))]
    start = max(0, hits[0] - width // 3) if hits else 0
    window = words[start : start + width]
    parts = [_marked(word, pattern) for word in window]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(words) else ""
    return mark_safe(prefix + " ".join(parts) + suffix)  # noqa: S308 (every word escaped)


def _fallback_rank(title: str, terms: list[str]) -> float:
    folded = fold(title)
    return 1.0 + sum(term in folded for term in terms)


def _fallback_articles(query, theme, year) -> list[SearchResult]:
    _register_fold()
    terms = _terms(query)
    rows = _fallback_filter(_articles(theme, year), terms, ["title", "subtitle", "lead", "body"])
    results = []
    for row in rows.order_by("-publication_date", "-id")[:MAX_RESULTS]:
        row.rank = _fallback_rank(row.title, terms)
        results.append(_article_result(row, _snippet(f"{row.lead} {row.body}", terms)))
    return results


def _fallback_documents(query, theme, year) -> list[SearchResult]:
    _register_fold()
    terms = _terms(query)
    rows = _fallback_filter(_documents(theme, year), terms, ["title", "summary", "text"])
    results = []
    for row in rows.order_by("-date", "title")[:MAX_RESULTS]:
        row.rank = _fallback_rank(row.title, terms)
        results.append(_document_result(row, _snippet(f"{row.summary} {row.text}", terms)))
    return results
