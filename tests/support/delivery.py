"""Building a send for the delivery tests: an approved March edition and many subscribers, fast."""

import itertools

from django.utils import timezone

from newsletter.hashing import email_hash
from newsletter.models import Edition, Subscriber
from newsletter.services import digest_approve
from tests.factories import ThemeFactory
from tests.newsletter.digest_helpers import full_month, themes_make


def approved_edition(theme_count: int = 4):
    """An approved March 2027 edition with articles in `theme_count` themes, plus one theme without articles."""
    themes = themes_make(theme_count)
    edition, themes = full_month(per_theme=2, themes=themes)
    empty = ThemeFactory(name="Zonder nieuws", slug="zonder-nieuws", order=99)
    return digest_approve(edition=edition), themes, empty


def subscribers_make(count: int, themes: list, *, empty_theme=None, prefix: str = "lezer") -> list[Subscriber]:
    """`count` confirmed subscribers: every third all themes, the others one or two themes (bulk inserts)."""
    now = timezone.now()
    rows = [
        Subscriber(
            email=f"{prefix}{n}@voorbeeld.nl",
            email_hash=email_hash(f"{prefix}{n}@voorbeeld.nl"),
            status=Subscriber.Status.CONFIRMED,
            all_themes=n % 3 == 0,
            consent_version=1,
            confirmed_at=now,
        )
        for n in range(count)
    ]
    created = Subscriber.objects.bulk_create(rows)
    through = Subscriber.themes.through
    links, cycle = [], itertools.cycle(range(len(themes)))
    for subscriber in created:
        if subscriber.all_themes:
            continue
        first = next(cycle)
        chosen = {themes[first].pk, themes[(first + subscriber.pk) % len(themes)].pk}
        links += [through(subscriber_id=subscriber.pk, theme_id=theme_id) for theme_id in chosen]
    if empty_theme is not None and created:
        lonely = created[1]
        through.objects.filter(subscriber_id=lonely.pk).delete()
        links = [link for link in links if link.subscriber_id != lonely.pk]
        links.append(through(subscriber_id=lonely.pk, theme_id=empty_theme.pk))
    through.objects.bulk_create(links)
    return created


def edition_status(edition) -> str:
    return Edition.objects.get(pk=edition.pk).status
