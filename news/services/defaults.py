"""The default themes and page texts a new site starts with; editors may change them afterwards."""

from django.apps import apps as global_apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from news.services.groups import groups_sync

THEMES = [
    ("jeugd", "Jeugd en gezin"),
    ("wmo", "Zorg en ondersteuning (Wmo)"),
    ("sociale-basis", "Sociale basis en welzijn"),
    ("mantelzorg", "Mantelzorg en informele zorg"),
    ("armoede-schulden", "Armoede, schulden en rondkomen"),
    ("werk-inkomen", "Werk en inkomen"),
    ("volksgezondheid", "Volksgezondheid"),
    ("wonen-opvang", "Wonen, dakloosheid en opvang"),
    ("ouderen", "Ouderen"),
    ("inburgering-taal", "Inburgering, taal en educatie"),
    ("asiel", "Asiel en vluchtelingen"),
    ("veiligheid", "Veiligheid en bescherming"),
    ("subsidies", "Subsidies en aanbestedingen"),
    ("corona", "Corona"),
    ("beleid-financien", "Beleid, hervormingen en financiën"),
]


def site_text_initial() -> dict:
    """The page texts a new site starts with: stored by the data migration, shown while no row exists."""
    return {
        "title": settings.SITE_NAME,
        "intro": _(
            "Werkt u in zorg, welzijn of ondersteuning in onze gemeente? Hier leest u wat er verandert in regels, "
            "subsidies en samenwerking. Iedereen die belangstelling heeft, is welkom."
        ),
        "newsletter_cta": _(
            "Wilt u niets missen? Elke maand sturen wij u een e-mail met het nieuws over de thema's die u kiest. "
            "Aanmelden is gratis en u kunt zich altijd weer afmelden."
        ),
    }


def default_themes_ensure(*, apps=global_apps) -> None:
    """Create the default themes that are missing; never changes a theme an editor edited."""
    Theme = apps.get_model("news", "Theme")
    for order, (slug, name) in enumerate(THEMES, start=1):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})


def default_site_text_ensure(*, apps=global_apps) -> None:
    """Create the single page-texts row (pk=1) when it is missing."""
    apps.get_model("news", "SiteText").objects.get_or_create(pk=1, defaults=site_text_initial())


def defaults_ensure(*, apps=global_apps) -> None:
    """Default themes, page texts and editor groups; idempotent (for a migration, a demo or a flushed test DB)."""
    default_themes_ensure(apps=apps)
    default_site_text_ensure(apps=apps)
    groups_sync(apps=apps)
