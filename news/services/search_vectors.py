"""The stored full-text vector of each article (PostgreSQL only; other databases search without one).

Weights: title A, subtitle and lead B, body C, the title, summary and text of linked documents D. The
configuration is ``dutch_unaccent`` (news migration 0004): Dutch stemming, accents ignored.
"""

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import OuterRef, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Concat

CONFIG = "dutch_unaccent"


def _documents_text(document_model) -> Subquery:
    """The linked documents' title, summary and text as one string per article."""
    text = Concat("title", Value(" "), "summary", Value(" "), "text", output_field=TextField())
    rows = (
        document_model.objects.filter(articles=OuterRef("pk"))
        .order_by()
        .values("articles")
        .annotate(joined=StringAgg(text, delimiter=Value(" ")))
        .values("joined")
    )
    return Subquery(rows, output_field=TextField())


def search_vector_expression(document_model) -> SearchVector:
    """The expression that computes an article's search vector in SQL."""
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("subtitle", "lead", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
        + SearchVector(_documents_text(document_model), weight="D", config=CONFIG)
    )


def document_vector_expression() -> SearchVector:
    """A document's search vector: title A, summary and extracted text C."""
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector("summary", "text", weight="C", config=CONFIG)


def document_search_vectors_update(*, document_ids: Iterable[int] | None = None, apps=global_apps) -> int:
    """Recompute the stored search vectors of these documents (all when None) in one UPDATE; idempotent.

    Returns the number of rows updated; does nothing (0) on databases other than PostgreSQL.
    """
    if connection.vendor != "postgresql":
        return 0
    documents = apps.get_model("news", "Document").objects.all()
    if document_ids is not None:
        documents = documents.filter(pk__in=list(document_ids))
    return documents.update(search_vector=document_vector_expression())


def search_vectors_update(*, article_ids: Iterable[int] | None = None, apps=global_apps) -> int:
    """Recompute the stored search vectors of these articles (all when None) in one UPDATE; idempotent.

    Returns the number of rows updated; does nothing (0) on databases other than PostgreSQL.
    """
    if connection.vendor != "postgresql":
        return 0
    article_model = apps.get_model("news", "Article")
    articles = article_model.objects.all()
    if article_ids is not None:
        articles = articles.filter(pk__in=list(article_ids))
    return articles.update(search_vector=search_vector_expression(apps.get_model("news", "Document")))
