"""When an article first became public: the moment the monthly digest selects undated articles by."""

from django.utils import timezone

from news.models import Article


def first_published_mark(*, article: Article) -> None:
    """Set `first_published_at` on a published article that has none yet (not saved); never changes it later.

    A scheduled article becomes public at its `publish_at`, any other at once.
    """
    if article.status != Article.Status.PUBLISHED or article.first_published_at is not None:
        return
    now = timezone.now()
    article.first_published_at = max(now, article.publish_at) if article.publish_at else now
