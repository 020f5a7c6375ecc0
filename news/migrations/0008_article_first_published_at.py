import datetime
from zoneinfo import ZoneInfo

from django.db import migrations, models

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def backfill(apps, schema_editor):
    """Published articles: their publish_at, else the start of their publication date in Europe/Amsterdam."""
    Article = apps.get_model("news", "Article")
    rows = Article.objects.filter(status="gepubliceerd", first_published_at__isnull=True)
    for article in rows.only("pk", "publish_at", "publication_date").iterator(chunk_size=500):
        moment = article.publish_at or datetime.datetime.combine(
            article.publication_date, datetime.time.min, tzinfo=AMSTERDAM
        )
        Article.objects.filter(pk=article.pk).update(first_published_at=moment)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0007_article_slug_label"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="first_published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="eerst gepubliceerd op"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
