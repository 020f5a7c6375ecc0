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
from tests.factories.newsletter import (  # noqa: F401
    ConsentEventFactory,
    ConsentTextFactory,
    EditionFactory,
    EditionItemFactory,
    SignupRequestFactory,
    SubscriberFactory,
)
