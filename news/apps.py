from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Nieuws")

    def ready(self):
        import reversion

        from news.models import Article, ArticleLink

        # Revision history of articles (with their links) for the editors' "Geschiedenis" and restore.
        if not reversion.is_registered(Article):
            reversion.register(ArticleLink)
            reversion.register(Article, follow=["links"])
