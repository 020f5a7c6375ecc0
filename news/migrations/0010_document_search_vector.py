"""The stored search vector of each document, its GIN index (PostgreSQL only), and the vectors of existing rows."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

from news.migration_operations import AddIndexOnPostgres
from news.services.search_vectors import document_search_vectors_update

INDEX = django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="document_search_vector")


def fill(apps, schema_editor):
    document_search_vectors_update(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("news", "0009_article_search_vector")]

    operations = [
        migrations.AddField(
            model_name="document",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name="zoekindex"),
        ),
        AddIndexOnPostgres(model_name="document", index=INDEX),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
