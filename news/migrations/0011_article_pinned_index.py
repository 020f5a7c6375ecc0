"""Partial index for the news page's query of active pins."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "0010_document_search_vector")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("is_pinned", True)), fields=["-publication_date"], name="article_pinned"
            ),
        ),
    ]
