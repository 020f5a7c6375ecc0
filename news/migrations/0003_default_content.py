"""Default themes, the editor groups and the single page-texts row. Editors may change all of it later.

The data lives in news.services.defaults so that a demo or a flushed test database can restore it
with the same code; those functions take the migration's historical `apps`.
"""

from django.db import migrations

from news.services.defaults import THEMES


def add_themes(apps, schema_editor):
    from news.services.defaults import default_themes_ensure

    default_themes_ensure(apps=apps)


def remove_themes(apps, schema_editor):
    apps.get_model("news", "Theme").objects.filter(slug__in=[slug for slug, _ in THEMES]).delete()


def add_groups(apps, schema_editor):
    from news.services.groups import groups_sync

    groups_sync(apps=apps)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Redacteur", "Eindredacteur"]).delete()


def add_site_text(apps, schema_editor):
    from news.services.defaults import default_site_text_ensure

    default_site_text_ensure(apps=apps)


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
