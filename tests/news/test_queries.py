"""Query budgets: every public page runs a constant number of queries at 25 and at 2,500 articles.

The page cache is switched off for the measurement (so the uncached path is measured); the site chrome
(page texts, contact block, quick links, themes) is warmed first, since it is cached per content version
and built once, not per page.
"""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from news.models import Article, ArticleLink, Document
from news.services import search_vectors_update
from tests.factories import ArticleFactory, ContactPointFactory, DocumentFactory, ThemeFactory

pytestmark = pytest.mark.django_db

LIST_BUDGET = 3
# Search: articles, documents, then the snippets of the page shown (articles and documents).
SEARCH_BUDGET = 4
# The article page: one query on PostgreSQL (news.article_page).
DETAIL_BUDGET = 1


def bulk_articles(count: int, theme, *, first: int = 0) -> None:
    """Create `count` published articles fast, each with a theme, a link and its search vector."""
    start = datetime.date(2015, 1, 1)
    Article.objects.bulk_create(
        Article(
            title=f"Bulkbericht {n}",
            slug=f"bulkbericht-{n}",
            lead="Een korte inleiding over de regeling voor professionals.",
            body="<p>Meer over de regeling.</p>",
            status=Article.Status.PUBLISHED,
            publication_date=start + datetime.timedelta(days=n),
        )
        for n in range(first, first + count)
    )
    articles = list(Article.objects.filter(slug__startswith="bulkbericht-", themes=None))
    Article.themes.through.objects.bulk_create(
        Article.themes.through(article_id=article.pk, theme_id=theme.pk) for article in articles
    )
    ArticleLink.objects.bulk_create(
        ArticleLink(article=article, label="Meer informatie", url="https://example.nl/info") for article in articles
    )
    search_vectors_update(article_ids=[article.pk for article in articles])


@pytest.fixture(params=[25, 2500], ids=["25-articles", "2500-articles"])
def site(request):
    contact = ContactPointFactory(in_contact_block=True)
    theme = ThemeFactory(slug="budget-thema", contact_point=contact)
    bulk_articles(request.param, theme)
    document = DocumentFactory(slug="budget-document", themes=[theme])
    article = ArticleFactory(slug="budget-artikel", themes=[theme], event=True, links=[("Info", "https://e.nl")])
    article.documents.add(document, DocumentFactory())
    article.related_articles.add(*Article.objects.filter(slug__startswith="bulkbericht-")[:3])
    assert Article.objects.count() == request.param + 1
    assert Document.objects.count() == 2
    return {"article": article, "theme": theme}


LIST_PAGES = [
    "/",
    "/?pagina=2",
    "/themas/",
    "/themas/budget-thema/",
    "/archief/",
    "/archief/2015/",
    "/archief/2015/1/",
    "/zoeken/?q=regeling",
    "/zoeken/?q=regeling&thema=budget-thema&jaar=2015",
    "/feeds/nieuws/",
    "/themas/budget-thema/feed/",
]


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_list_pages_stay_within_budget(client, django_assert_max_num_queries, site):
    client.get("/robots.txt")  # warms the chrome

    for path in LIST_PAGES:  # one test for all pages: creating 2,500 articles per page would be slow
        with django_assert_max_num_queries(SEARCH_BUDGET if path.startswith("/zoeken/") else LIST_BUDGET):
            response = client.get(path)
        assert response.status_code == 200, path


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_article_detail_stays_within_budget(client, django_assert_max_num_queries, site):
    client.get("/robots.txt")

    with django_assert_max_num_queries(DETAIL_BUDGET):
        response = client.get(site["article"].get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "budget-document" in html
    assert "Bulkbericht" in html


def test_cold_chrome_costs_a_constant_number_of_queries(client, django_assert_max_num_queries, site):
    # Everything cold: content token (1 query), chrome (5 queries), the page itself.
    with django_assert_max_num_queries(LIST_BUDGET + 6):
        assert client.get("/").status_code == 200


def test_cached_page_runs_no_queries(client, django_assert_num_queries, site):
    client.get("/")

    with django_assert_num_queries(0):
        response = client.get("/")

    assert response["X-Cache"] == "hit"


def _query_counts(client, paths) -> dict[str, int]:
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    return counts


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_query_counts_are_equal_at_two_sizes(client):
    theme = ThemeFactory(slug="budget-thema", contact_point=ContactPointFactory(in_contact_block=True))
    article = ArticleFactory(slug="budget-artikel", themes=[theme], publication_date=datetime.date(2015, 1, 2))
    article.documents.add(DocumentFactory(themes=[theme]))
    bulk_articles(22, theme)  # two pages of the news list
    paths = [*LIST_PAGES, "/archief/2015/1/?pagina=1", article.get_absolute_url()]
    client.get("/robots.txt")  # warms the chrome
    small = _query_counts(client, paths)

    bulk_articles(60, theme, first=22)
    client.get("/robots.txt")
    large = _query_counts(client, paths)

    assert large == small


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_article_detail_loads_no_document_text_and_no_relations_of_related_articles(client):
    related = ArticleFactory(title="Verwant bericht")
    article = ArticleFactory(title="Hoofdbericht")
    article.related_articles.add(related)
    article.documents.add(DocumentFactory(title="Brief met tekst"))
    client.get("/robots.txt")

    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.get_absolute_url()).content.decode()

    assert "Brief met tekst" in html and "Verwant bericht" in html
    # One query (news.article_page) reads the page: documents without text or search vector, and of the related
    # articles only what the "Lees ook" list shows (no joins to their themes, documents or links).
    [sql] = [query["sql"] for query in queries.captured_queries]
    assert "news_document d" in sql and 'd."text"' not in sql and "search_vector" not in sql
    assert sql.count("news_article_themes") == sql.count("news_article_documents") == 1


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_theme_page_loads_no_document_text(client):
    theme = ThemeFactory(slug="documenten-thema")
    ArticleFactory(themes=[theme])
    DocumentFactory(title="Themabrief", themes=[theme])
    client.get("/robots.txt")

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/themas/documenten-thema/").content.decode()

    assert "Themabrief" in html
    document_sql = [query["sql"] for query in queries.captured_queries if 'FROM "news_document"' in query["sql"]]
    assert document_sql and all('"news_document"."text"' not in sql for sql in document_sql)
