"""Small builders for the privacy tests."""

from datetime import timedelta

from django.db import connection
from django.utils import timezone

from newsletter.hashing import email_hash, email_normalise
from newsletter.models import ConsentEvent, Source, Subscriber


def make_subscriber(*, email, themes=(), unsubscribed_days_ago=None, now=None, **fields):
    """Create a confirmed subscriber (or one unsubscribed that many days ago) with a subscribe event."""
    now = now or timezone.now()
    status = fields.pop("status", Subscriber.Status.CONFIRMED)
    unsubscribed_at = None
    if unsubscribed_days_ago is not None:
        status = Subscriber.Status.UNSUBSCRIBED
        unsubscribed_at = now - timedelta(days=unsubscribed_days_ago)
    subscriber = Subscriber.objects.create(
        email=email_normalise(email),
        email_hash=email_hash(email),
        status=status,
        all_themes=not themes,
        consent_version=1,
        confirmed_at=now - timedelta(days=100),
        unsubscribed_at=unsubscribed_at,
        **fields,
    )
    subscriber.themes.set(themes)
    ConsentEvent.objects.create(
        subscriber=subscriber,
        action=ConsentEvent.Action.SUBSCRIBE,
        source=Source.WEB_FORM,
        consent_version=1,
        themes=[t.slug for t in themes],
        all_themes=not themes,
    )
    return subscriber


def tables_containing(needle: str) -> list[str]:
    """Return 'table.column' for every text-castable column of every table that contains needle."""
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                sql = f"SELECT COUNT(*) FROM {quote(table)} WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s"  # noqa: S608
                cursor.execute(sql, [f"%{needle.lower()}%"])
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found
