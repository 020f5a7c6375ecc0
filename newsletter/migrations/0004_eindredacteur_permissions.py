from django.db import migrations


def grant(apps, schema_editor):
    # news 0003 granted the newsletter permissions that existed then; this adds those of the models of 0003.
    from news.services.groups import groups_sync

    groups_sync(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_importconsent_dataaccesslog"),
        ("news", "0003_default_content"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
