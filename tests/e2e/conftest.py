"""Content for the browser tests: a small, complete site built with the news factories."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from newsletter.models import ConsentText
from tests.factories import (
    ArticleFactory,
    ConsentTextFactory,
    ContactPointFactory,
    QuickLinkFactory,
    SiteTextFactory,
    ThemeFactory,
)

ARCHIVE_YEAR = 2026
ARCHIVE_MONTH = 3

BODY = (
    "<p>Vanaf 1 mei verandert de manier waarop u een aanvraag doet. Hieronder leest u wat dit voor u betekent.</p>"
    "<h2>Wat verandert er</h2>"
    "<ul><li>U vraagt aan via één formulier.</li><li>U krijgt binnen vier weken antwoord.</li></ul>"
    "<h2>Meer weten?</h2>"
    '<p>Lees de <a href="/themas/jeugd-en-gezin/">informatie over jeugd en gezin</a> of mail ons.</p>'
)


@pytest.fixture
def site_content(transactional_db):
    """Page texts, contact block, two themes and a handful of published articles in March 2026."""
    cache.clear()  # pages are cached for anonymous visitors; never serve a previous test's content
    SiteTextFactory()
    if not ConsentText.objects.filter(is_active=True).exists():  # the data migration's, until a flush
        ConsentTextFactory(is_active=True)  # the subscribe page shows the active consent text
    jeugd_contact = ContactPointFactory(
        name="Team Jeugd", email="jeugd@example.nl", phone="14 0123", in_contact_block=True, order=1
    )
    ContactPointFactory(
        name="Zorg en ondersteuning", email="wmo@example.nl", phone="", url="", notes="", in_contact_block=True, order=2
    )
    jeugd = ThemeFactory(name="Jeugd en gezin", slug="jeugd-en-gezin", contact_point=jeugd_contact)
    wmo = ThemeFactory(name="Zorg en ondersteuning (Wmo)", slug="zorg-en-ondersteuning")
    QuickLinkFactory(label="Subsidies voor jongerenwerk", url="/themas/jeugd-en-gezin/")

    def day(number):
        return datetime.date(ARCHIVE_YEAR, ARCHIVE_MONTH, number)

    articles = {
        "main": ArticleFactory(
            title="Nieuwe subsidieregeling voor buurtinitiatieven",
            slug="nieuwe-subsidieregeling-buurtinitiatieven",
            lead="Organisaties in de wijk kunnen vanaf mei subsidie aanvragen voor activiteiten met jongeren.",
            body=BODY,
            publication_date=day(24),
            themes=[jeugd],
            links=[("Bekijk de voorwaarden", "/themas/jeugd-en-gezin/")],
        ),
        "event": ArticleFactory(
            event=True,
            title="Bijeenkomst over mantelzorg in de wijk",
            slug="bijeenkomst-mantelzorg",
            lead="Praat mee over de ondersteuning van mantelzorgers in uw wijk.",
            publication_date=day(18),
            event_starts_at=timezone.make_aware(datetime.datetime(ARCHIVE_YEAR, 4, 14, 19, 30)),
            event_ends_at=timezone.make_aware(datetime.datetime(ARCHIVE_YEAR, 4, 14, 21, 0)),
            event_registration_url="/nieuwsbrief/aanmelden/",
            themes=[wmo],
        ),
        "undated": ArticleFactory(
            undated=True,
            title="Terugblik op de week van de jeugdhulp",
            slug="terugblik-week-jeugdhulp",
            lead="Meer dan tweehonderd professionals deelden hun ervaringen.",
            publication_date=day(10),
            themes=[jeugd],
        ),
        "pinned": ArticleFactory(
            pinned=True,
            title="Aangepaste openingstijden rond de feestdagen",
            slug="aangepaste-openingstijden",
            lead="Het loket is tijdens de feestdagen beperkt bereikbaar.",
            publication_date=day(2),
            themes=[wmo],
        ),
    }
    return {"themes": {"jeugd": jeugd, "wmo": wmo}, "articles": articles}
