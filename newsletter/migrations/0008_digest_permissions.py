from django.db import migrations


def grant(apps, schema_editor):
    # The Eindredacteur gets the permissions of the edition models (approve_edition too); the Redacteur may view.
    from news.services.groups import groups_sync

    groups_sync(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0007_digest_editions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
