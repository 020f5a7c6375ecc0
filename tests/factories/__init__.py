"""factory-boy factories, one module per app, re-exported here."""

from tests.factories.news import (  # noqa: F401
    ArticleFactory,
    ArticleLinkFactory,
    ContactPointFactory,
    DocumentFactory,
    QuickLinkFactory,
    SiteTextFactory,
    ThemeFactory,
)
from tests.factories.newsletter import ConsentEventFactory, ConsentTextFactory, SignupRequestFactory, SubscriberFactory  # noqa: F401
