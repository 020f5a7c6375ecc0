"""Every write in the news app; import services from here."""

from news.services.articles import (
    article_delete,
    article_publish,
    article_publish_now,
    article_restore_revision,
    article_save,
    article_submit_for_review,
    article_unpublish,
    can_publish,
    themes_validate,
)
from news.services.defaults import defaults_ensure
from news.services.documents import document_save
from news.services.groups import groups_sync
from news.services.search_vectors import document_search_vectors_update, search_vectors_update

__all__ = [
    "article_delete",
    "article_publish",
    "article_publish_now",
    "article_restore_revision",
    "article_save",
    "article_submit_for_review",
    "article_unpublish",
    "can_publish",
    "defaults_ensure",
    "document_save",
    "document_search_vectors_update",
    "groups_sync",
    "search_vectors_update",
    "themes_validate",
]
