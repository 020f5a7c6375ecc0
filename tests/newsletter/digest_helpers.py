"""A full month of articles for the digest tests: many themes, long leads, notices, undated items."""

import datetime
from zoneinfo import ZoneInfo

from newsletter.services import digest_assemble
from tests.factories import ArticleFactory, ThemeFactory

AMS = ZoneInfo("Europe/Amsterdam")
MARCH = datetime.date(2027, 3, 1)
AT_ASSEMBLY = datetime.datetime(2027, 4, 1, 6, 0, tzinfo=AMS)
THEME_NAMES = [
    "Jeugd en gezin",
    "Zorg en ondersteuning (Wmo)",
    "Werk en inkomen",
    "Wonen en zorg",
    "Schulden en geldzorgen",
    "Mantelzorg",
    "Gezondheid",
    "Onderwijs",
    "Veiligheid",
    "Sport en bewegen",
    "Cultuur",
    "Inburgering",
]
LEAD = (
    "Vanaf 1 mei verandert de manier waarop u een aanvraag doet voor ondersteuning van inwoners. In dit bericht "
    "leest u wat er verandert, voor wie het geldt en waar u terechtkunt met vragen over de nieuwe werkwijze, "
    "zodat u cliënten goed kunt informeren."
)


def themes_make(count: int = len(THEME_NAMES)) -> list:
    return [
        ThemeFactory(name=name, slug=f"thema-{index}", order=index) for index, name in enumerate(THEME_NAMES[:count])
    ]


def full_month(*, per_theme: int = 5, themes: list | None = None):
    """A March with `per_theme` articles in every theme (some in two), a notice and an undated article."""
    themes = themes or themes_make()
    count = 0
    for index, theme in enumerate(themes):
        for number in range(per_theme):
            count += 1
            extra = [themes[(index + 1) % len(themes)]] if number == 0 else []
            ArticleFactory(
                title=f"{theme.name}: nieuwe afspraken over samenwerking in de wijk, deel {number + 1}",
                slug=f"bericht-{index}-{number}",
                lead=LEAD,
                publication_date=datetime.date(2027, 3, 1 + (count % 28)),
                themes=[theme, *extra],
            )
    ArticleFactory(
        title="Let op: loket gesloten op Koningsdag",
        slug="loket-koningsdag",
        pinned=True,
        pinned_until=None,
        publication_date=datetime.date(2027, 2, 20),
        themes=[themes[0]],
    )
    ArticleFactory(
        title="Terugblik op de week van de mantelzorg",
        slug="terugblik-mantelzorg",
        undated=True,
        first_published_at=datetime.datetime(2027, 3, 14, 10, tzinfo=AMS),
        themes=[themes[5 % len(themes)]],
    )
    return digest_assemble(month=MARCH, now=AT_ASSEMBLY).edition, themes
