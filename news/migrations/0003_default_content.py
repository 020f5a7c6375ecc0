"""Default themes, the editor groups and the single page-texts row. Editors may change all of it later."""

from django.db import migrations

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

SITE_TEXT = {
    "title": "Nieuws voor zorgprofessionals",
    "intro": (
        "Werkt u in zorg, welzijn of ondersteuning in onze gemeente? Hier leest u wat er verandert in regels, "
        "subsidies en samenwerking. Iedereen die belangstelling heeft, is welkom."
    ),
    "newsletter_cta": (
        "Wilt u niets missen? Elke maand sturen wij u een e-mail met het nieuws over de thema's die u kiest. "
        "Aanmelden is gratis en u kunt zich altijd weer afmelden."
    ),
}


def add_themes(apps, schema_editor):
    Theme = apps.get_model("news", "Theme")
    for order, (slug, name) in enumerate(THEMES, start=1):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})


def remove_themes(apps, schema_editor):
    apps.get_model("news", "Theme").objects.filter(slug__in=[slug for slug, _ in THEMES]).delete()


def add_groups(apps, schema_editor):
    from news.services.groups import groups_sync

    groups_sync(apps=apps)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Redacteur", "Eindredacteur"]).delete()


def add_site_text(apps, schema_editor):
    apps.get_model("news", "SiteText").objects.get_or_create(pk=1, defaults=SITE_TEXT)


def remove_site_text(apps, schema_editor):
    apps.get_model("news", "SiteText").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_article_rules"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Only so that the newsletter permissions that exist by now are granted; later ones: groups_sync().
        ("newsletter", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_themes, remove_themes),
        migrations.RunPython(add_groups, remove_groups),
        migrations.RunPython(add_site_text, remove_site_text),
    ]
