from django.db import migrations


def grant(apps, schema_editor):
    # The Eindredacteur gets the permissions of the Delivery model (0011) as of every newsletter model.
    from news.services.groups import groups_sync

    groups_sync(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0011_digest_delivery"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
