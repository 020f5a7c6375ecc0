"""The stored search vector of each article, its GIN index (PostgreSQL only), and the vectors of existing rows."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

from news.migration_operations import AddIndexOnPostgres
from news.services.search_vectors import search_vectors_update

INDEX = django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="article_search_vector")


def fill(apps, schema_editor):
    search_vectors_update(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("news", "0008_article_first_published_at")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name="zoekindex"),
        ),
        AddIndexOnPostgres(model_name="article", index=INDEX),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
