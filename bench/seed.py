"""Benchmark data, made fast with bulk_create: themes, articles in batches, subscribers, digest editions.

Deterministic (a seeded Random) so that runs compare. Runs inside the benchmark process after django.setup().
Articles are dated backwards from the month before the current one, which gets DIGEST_ITEMS articles, as do
the DIGEST_MONTHS - 1 months before it: the mail half sends one digest edition per month.
"""

import datetime
import random

from django.db import connection
from django.utils import timezone

SEARCH_WORD = "regeling"  # in about a third of the articles: the search page's query
DIGEST_ITEMS = 12  # articles per digest month (a municipality's monthly output)
DIGEST_MONTHS = 7  # one edition per digest run: N/10, then three rounds of (1 worker, 2 workers)
THEMES = [
    ("Jeugd en gezin", "jeugd-en-gezin"),
    ("Ouderen", "ouderen"),
    ("Zorg en ondersteuning", "zorg-en-ondersteuning"),
    ("Werk en inkomen", "werk-en-inkomen"),
    ("Wonen", "wonen"),
    ("Veiligheid", "veiligheid"),
    ("Onderwijs", "onderwijs"),
    ("Gezondheid", "gezondheid"),
]
WORDS = (
    "gemeente zorgverleners professionals wijkteam mantelzorg huisarts jeugdhulp ondersteuning budget subsidie "
    "aanvraag bijeenkomst inwoners samenwerking wijk buurt gezondheid preventie eenzaamheid wachtlijst zorgaanbieder "
    "contract aanbesteding informatie overleg uitvoering beleid raad college wethouder besluit evaluatie rapport "
    "cijfers onderzoek resultaten vrijwilligers welzijn school kinderen ouders jongeren ouderen wonen thuis "
    "dagbesteding vervoer indicatie maatwerk voorziening aanpak netwerk training scholing webinar aanmelden "
    "voorwaarden termijn bedrag verantwoording tarief declaratie portaal ervaringen verbetering"
).split()


def _sentence(rng: random.Random, words: int, extra: str = "") -> str:
    chosen = rng.choices(WORDS, k=words)
    if extra:
        chosen[rng.randrange(len(chosen))] = extra
    return " ".join(chosen).capitalize() + "."


def _article_text(rng: random.Random, with_word: bool) -> tuple[str, str, str]:
    """(title, lead, body HTML): a title of 6 words, a lead of ~30, a body of six paragraphs of ~60."""
    word = SEARCH_WORD if with_word else ""
    title = _sentence(rng, 6, word)[:-1]
    lead = " ".join(_sentence(rng, 10) for _ in range(3))
    paragraphs = [" ".join(_sentence(rng, 12, word if n == 2 else "") for _ in range(5)) for n in range(6)]
    body = "".join(
        f"<h2>{_sentence(rng, 4)[:-1]}</h2><p>{p}</p>" if n % 3 == 0 else f"<p>{p}</p>"
        for n, p in enumerate(paragraphs)
    )
    return title, lead, body


def digest_months(today: datetime.date) -> list[datetime.date]:
    """The months whose editions the mail half sends: the one before `today`'s and those before it, newest first."""
    first = today.replace(day=1)
    months = []
    for _ in range(DIGEST_MONTHS):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
        months.append(first)
    return months


def article_dates(count: int, start: int, today: datetime.date) -> list[datetime.date]:
    """Publication dates of articles number start..start+count-1 (0 = newest).

    The newest DIGEST_MONTHS x DIGEST_ITEMS fill the digest months; older ones go back one per day before those.
    """
    months = digest_months(today)
    dates = []
    for index in range(start, start + count):
        month_index, position = divmod(index, DIGEST_ITEMS)
        if month_index < len(months):
            month = months[month_index]
            dates.append(month + datetime.timedelta(days=1 + position * 2))
        else:
            older = index - len(months) * DIGEST_ITEMS
            dates.append(months[-1] - datetime.timedelta(days=1 + older))
    return dates


def themes_create() -> list:
    from news.models import Theme

    themes = []
    for n, (name, slug) in enumerate(THEMES):  # the migrations may have made some of them already
        defaults = {"name": name, "order": n, "is_active": True}
        theme, _created = Theme.objects.update_or_create(slug=slug, defaults=defaults)
        themes.append(theme)
    return themes


def articles_create(*, count: int, start: int, themes: list, seed: int = 13) -> int:
    """Create `count` published articles numbered from `start`, each with one or two themes and a link."""
    from news.models import Article, ArticleLink

    rng = random.Random(seed + start)
    today = timezone.localdate()
    now = timezone.now()
    rows = []
    for index, date in zip(range(start, start + count), article_dates(count, start, today), strict=True):
        title, lead, body = _article_text(rng, with_word=index % 3 == 0)
        rows.append(
            Article(
                title=title,
                slug=f"bench-{index}",
                lead=lead,
                body=body,
                status=Article.Status.PUBLISHED,
                publication_date=date,
                first_published_at=now,
                author="Redactie",
            )
        )
    created = Article.objects.bulk_create(rows, batch_size=1000)
    through = Article.themes.through
    links = []
    for article in created:
        chosen = rng.sample(themes, k=rng.choice((1, 1, 2)))
        links += [through(article_id=article.pk, theme_id=theme.pk) for theme in chosen]
    through.objects.bulk_create(links, batch_size=5000)
    ArticleLink.objects.bulk_create(
        (ArticleLink(article=a, label="Meer informatie", url="https://example.nl/info") for a in created),
        batch_size=5000,
    )
    return len(created)


def related_add(slug: str) -> None:
    """Give the measured article three related articles, as editors do."""
    from news.models import Article

    article = Article.objects.get(slug=slug)
    article.related_articles.add(*Article.objects.exclude(pk=article.pk).order_by("pk")[:3])


def search_ready() -> None:
    """Fill stored search vectors when the code has them (news.services.search_vectors_update), then ANALYZE."""
    from news import services

    if hasattr(services, "search_vectors_update"):
        services.search_vectors_update()
    connection.ensure_connection()
    with connection.cursor() as cursor:
        # VACUUM refuses to run in a transaction; Django's connection is in autocommit here.
        cursor.execute("VACUUM ANALYZE")


def subscriber_theme_sets(themes: list) -> list[list]:
    """The theme choices subscribers make: all themes (empty list) for most, a few popular combinations."""
    by_slug = {theme.slug: theme for theme in themes}
    picks = [
        ["jeugd-en-gezin"],
        ["ouderen"],
        ["zorg-en-ondersteuning"],
        ["werk-en-inkomen"],
        ["jeugd-en-gezin", "onderwijs"],
        ["ouderen", "zorg-en-ondersteuning"],
        ["wonen", "veiligheid"],
        ["gezondheid", "zorg-en-ondersteuning", "ouderen"],
    ]
    return [[by_slug[slug] for slug in pick] for pick in picks]


def subscribers_create(*, count: int, themes: list, seed: int = 7) -> int:
    """Confirmed subscribers: 70% all themes, 30% one of a few theme combinations."""
    from newsletter.hashing import email_hash
    from newsletter.models import Subscriber

    rng = random.Random(seed)
    now = timezone.now()
    sets = subscriber_theme_sets(themes)
    choices = [[] if rng.random() < 0.7 else rng.choice(sets) for _ in range(count)]
    rows = (
        Subscriber(
            email=f"abonnee{n}@bench.example.nl",
            email_hash=email_hash(f"abonnee{n}@bench.example.nl"),
            status=Subscriber.Status.CONFIRMED,
            all_themes=not choices[n],
            consent_version=1,
            confirmed_at=now,
        )
        for n in range(count)
    )
    created = Subscriber.objects.bulk_create(rows, batch_size=5000)
    through = Subscriber.themes.through
    pairs = (
        through(subscriber_id=s.pk, theme_id=theme.pk)
        for s, chosen in zip(created, choices, strict=True)
        for theme in chosen
    )
    through.objects.bulk_create(pairs, batch_size=5000)
    return len(created)


def edition_approve(month: datetime.date):
    """Assemble and approve the edition of `month` through the services; return it (approved, not started)."""
    from newsletter.services import digest_approve, digest_assemble

    result = digest_assemble(month=month)
    if result.edition is None:
        raise RuntimeError(f"no edition for {month}: {result.outcome}")
    # A send moment a day ahead: beat is not running, but nothing should start it except the benchmark.
    return digest_approve(edition=result.edition, send_at=timezone.now() + datetime.timedelta(days=1))
