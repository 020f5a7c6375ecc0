"""The digest message: per-subscriber sections, one render per variant, personal parts substituted into bytes."""

import email
import email.policy
import random
import re

import pytest
from django.test.signals import template_rendered
from django.urls import resolve
from django.utils.encoding import punycode

from newsletter.emails import subscriber_links
from newsletter.models import Subscriber
from newsletter.services import (
    EditionRenderer,
    PersonalParts,
    digest_approve,
    digest_assemble,
    digest_message_bytes,
    digest_message_id,
    digest_personal_parts,
)
from newsletter.tokens import subscriber_token_read
from tests.factories import ArticleFactory, SubscriberFactory
from tests.newsletter.digest_helpers import AT_ASSEMBLY, MARCH, full_month, themes_make

pytestmark = pytest.mark.django_db

SITE = "https://nieuws.voorbeeldstad.nl"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.DEFAULT_FROM_EMAIL = "Gemeente Voorbeeldstad <nieuwsbrief@voorbeeldstad.nl>"


@pytest.fixture
def small():
    """March with three themes: an article in Jeugd+Wmo, one in Wmo, one in Werk."""
    jeugd, wmo, werk = themes_make(3)
    ArticleFactory(title="Jeugd en Wmo samen", slug="samen", publication_date=MARCH.replace(day=3), themes=[wmo, jeugd])
    ArticleFactory(title="Alleen Wmo", slug="wmo", publication_date=MARCH.replace(day=4), themes=[wmo])
    ArticleFactory(title="Alleen werk", slug="werk", publication_date=MARCH.replace(day=5), themes=[werk])
    edition = digest_assemble(month=MARCH, now=AT_ASSEMBLY).edition
    return edition, {"jeugd": jeugd, "wmo": wmo, "werk": werk}


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def bodies(message):
    """The plain text, and the HTML with its whitespace collapsed (long HTML lines are wrapped at spaces)."""
    html = message.get_body(("html",)).get_content()
    return message.get_body(("plain",)).get_content(), " ".join(html.split())


def sections_of(text: str) -> list[str]:
    """The section headings of the plain-text part (a line underlined with '=')."""
    lines = text.splitlines()
    return [lines[i - 1] for i, line in enumerate(lines) if line and set(line) == {"="} and i > 0]


def mail_for(edition, subscriber):
    subscriber = Subscriber.objects.prefetch_related("themes").get(pk=subscriber.pk)
    renderer = EditionRenderer(edition)
    variant = renderer.variant_for(all_themes=subscriber.all_themes, theme_ids=[t.pk for t in subscriber.themes.all()])
    return variant and variant.message_bytes(digest_personal_parts(edition=edition, subscriber=subscriber))


# --- Per subscriber ---------------------------------------------------------------------------


def test_subscriber_gets_only_their_themes_and_each_article_once_under_their_first_theme(small):
    edition, themes = small
    subscriber = SubscriberFactory(themes=[themes["jeugd"], themes["wmo"]])

    text, html = bodies(parse(mail_for(edition, subscriber)))

    assert sections_of(text) == ["JEUGD EN GEZIN", "ZORG EN ONDERSTEUNING (WMO)"]
    assert text.count("Jeugd en Wmo samen") == 1 and html.count("Jeugd en Wmo samen") == 1
    assert text.index("JEUGD EN GEZIN") < text.index("Jeugd en Wmo samen") < text.index("ZORG EN")
    assert "Alleen Wmo" in text and "Alleen werk" not in text


def test_article_with_two_themes_goes_under_the_theme_the_subscriber_has(small):
    edition, themes = small
    subscriber = SubscriberFactory(themes=[themes["wmo"]])

    text, _html = bodies(parse(mail_for(edition, subscriber)))

    assert sections_of(text) == ["ZORG EN ONDERSTEUNING (WMO)"]
    assert "Jeugd en Wmo samen" in text


def test_all_themes_subscriber_gets_every_section_and_shares_the_variant_of_one_who_ticked_all(small):
    edition, themes = small
    renderer = EditionRenderer(edition)

    everything = renderer.variant_for(all_themes=True, theme_ids=[])
    ticked_all = renderer.variant_for(all_themes=False, theme_ids=[t.pk for t in themes.values()])

    assert everything is ticked_all
    assert renderer.render_count == 1
    assert everything.key == tuple(sorted(t.pk for t in themes.values()))


def test_subscriber_with_nothing_in_the_edition_gets_no_mail(small):
    edition, _themes = small
    other = themes_make(5)[4]
    subscriber = SubscriberFactory(themes=[other])

    assert mail_for(edition, subscriber) is None
    assert digest_message_bytes(edition=edition, subscriber=subscriber) is None


# --- Headers, parts, personal links -----------------------------------------------------------


def test_message_has_the_headers_both_parts_and_the_personal_links(small):
    edition, themes = small
    subscriber = SubscriberFactory(email="lezer@voorbeeld.nl", themes=[themes["jeugd"], themes["wmo"]])

    message = parse(mail_for(edition, subscriber))

    assert message["To"] == "lezer@voorbeeld.nl"
    assert message["From"] == "Gemeente Voorbeeldstad <nieuwsbrief@voorbeeldstad.nl>"
    assert message["Subject"] == "Nieuwsbrief zorgprofessionals \N{EN DASH} maart 2027"
    assert message["Message-ID"] == digest_message_id(edition=edition, subscriber_id=subscriber.pk)
    assert re.fullmatch(rf"<digest-2027-03\.s{subscriber.pk}\.[0-9a-f]{{8}}@voorbeeldstad\.nl>", message["Message-ID"])
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == "<nieuwsbrief.voorbeeldstad.nl>"
    assert message["Date"] and message["Auto-Submitted"] == "auto-generated"
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(f"{SITE}/nieuwsbrief/afmelden/")
    match = resolve(unsubscribe.removeprefix(SITE))
    assert subscriber_token_read(purpose="unsubscribe", token=match.kwargs["token"])[0] == subscriber.pk
    text, html = bodies(message)
    for part in (" ".join(text.split()), html):
        assert unsubscribe in part
        assert f"{SITE}/nieuwsbrief/voorkeuren/" in part
        assert "U ontvangt deze e-mail omdat u zich heeft aangemeld voor: Jeugd en gezin, Zorg en ondersteuning" in part
        assert f"{SITE}/nieuwsbrief/2027-03/" in part  # "Bekijk in de browser"
    assert {part["Content-Transfer-Encoding"] for part in message.walk() if not part.is_multipart()} <= {"7bit", "8bit"}


def test_message_id_is_the_same_for_every_attempt_and_differs_per_subscriber(small):
    edition, _themes = small

    first = digest_message_id(edition=edition, subscriber_id=7)

    assert first == digest_message_id(edition=edition, subscriber_id=7)
    assert first != digest_message_id(edition=edition, subscriber_id=8)


def test_reason_is_plain_in_the_text_part_and_escaped_in_the_html_part(small):
    edition, themes = small
    themes["jeugd"].name = "Jeugd <& gezin>"
    themes["jeugd"].save()
    subscriber = SubscriberFactory(themes=[themes["jeugd"]])

    raw = mail_for(edition, subscriber)

    text, html = bodies(parse(raw))
    assert "aangemeld voor: Jeugd <& gezin>." in " ".join(text.split())
    assert "aangemeld voor: Jeugd &lt;&amp; gezin&gt;." in html


def test_non_ascii_domain_is_sent_as_idna(small):
    edition, _themes = small
    variant = EditionRenderer(edition).variant_for(all_themes=True, theme_ids=[])
    parts = PersonalParts("lezer@zorg-café.nl", "<a@b>", f"{SITE}/p/", f"{SITE}/u/", "Omdat.")

    assert parse(variant.message_bytes(parts))["To"] == f"lezer@{punycode('zorg-café.nl')}"


def test_substitution_cannot_make_a_line_longer_than_998_octets():
    edition, themes = full_month(per_theme=1, themes=themes_make(12))
    for theme in themes:
        theme.name = f"{theme.name} en alles wat daarbij hoort in de wijk en daarbuiten"[:120]
        theme.save()
    variant = EditionRenderer(edition).variant_for(all_themes=True, theme_ids=[])
    long_url = f"{SITE}/nieuwsbrief/afmelden/{'x' * 500}/"
    reason = "U ontvangt deze e-mail omdat u zich heeft aangemeld voor: " + ", ".join(t.name for t in themes) + "."
    parts = PersonalParts("a" * 64 + "@" + "b" * 180 + ".nl", "<" + "m" * 200 + "@x.nl>", long_url, long_url, reason)

    raw = variant.message_bytes(parts)

    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    assert b"\n" not in raw.replace(b"\r\n", b"")
    with pytest.raises(ValueError, match="too long"):
        variant.message_bytes(PersonalParts("a@b.nl", "<m@x>", SITE + "/" + "x" * 2000, long_url, "Omdat."))


# --- Render once per variant ------------------------------------------------------------------


def test_renders_equal_variants_for_many_subscribers(django_assert_max_num_queries):
    edition, themes = full_month(per_theme=2, themes=themes_make(6))
    chance = random.Random(9)
    for number in range(300):
        if number % 10 == 0:
            SubscriberFactory()  # all themes
        else:
            SubscriberFactory(themes=chance.sample(themes, chance.randint(1, 3)))
    rendered = []
    template_rendered.connect(receiver := lambda sender, template, **kw: rendered.append(template.name))
    try:
        with django_assert_max_num_queries(8):
            subscribers = list(Subscriber.objects.prefetch_related("themes").order_by("pk"))
            renderer = EditionRenderer(edition)
            keys, messages = set(), 0
            for subscriber in subscribers:
                chosen = [theme.pk for theme in subscriber.themes.all()]
                variant = renderer.variant_for(all_themes=subscriber.all_themes, theme_ids=chosen)
                keys.add(variant.key)
                messages += bool(variant.message_bytes(digest_personal_parts(edition=edition, subscriber=subscriber)))
    finally:
        template_rendered.disconnect(receiver)

    assert messages == 300
    assert renderer.render_count == renderer.variant_count == len(keys)
    assert 20 < len(keys) < 300
    assert rendered.count("emails/digest.html") == rendered.count("emails/digest.txt") == len(keys)


# --- Freezing ---------------------------------------------------------------------------------


def test_approval_freezes_what_is_mailed(small):
    edition, themes = small
    edition = digest_approve(edition=edition, now=AT_ASSEMBLY)
    before = digest_message_bytes(edition=edition)
    article = edition.items.get(article__slug="wmo").article

    article.title = "Een andere titel"
    article.lead = "Een andere inleiding."
    article.slug = "ander-adres"
    article.save()
    withdrawn = edition.items.get(article__slug="werk").article
    withdrawn.status = withdrawn.Status.DRAFT
    withdrawn.save()
    themes["werk"].is_active = False
    themes["werk"].save()

    after = digest_message_bytes(edition=edition)
    text_before, _ = bodies(parse(before))
    text_after, html_after = bodies(parse(after))
    assert text_after == text_before
    assert "Alleen Wmo" in html_after and f"{SITE}/nieuws/wmo/" in html_after
    assert "Een andere titel" not in html_after and "Alleen werk" in html_after


def test_draft_follows_the_article_until_approval(small):
    edition, _themes = small
    article = edition.items.get(article__slug="wmo").article
    article.title = "Nieuwe titel"
    article.save()

    text, _html = bodies(parse(digest_message_bytes(edition=edition)))

    assert "Nieuwe titel" in text and "Alleen Wmo" not in text


# --- The content of a full month --------------------------------------------------------------


def test_full_month_plain_text_has_every_title_and_url_and_html_stays_under_90_kb():
    edition, _themes = full_month()

    message = parse(digest_message_bytes(edition=edition))
    text, html = bodies(message)

    items = list(edition.items.filter(is_removed=False).select_related("article"))
    assert len(items) >= 60
    flat = " ".join(text.split())
    for item in items:
        assert item.article.title in flat
        assert f"{SITE}{item.article.get_absolute_url()}" in text
        assert f'href="{SITE}{item.article.get_absolute_url()}"' in html
    assert len(html.encode()) < 90 * 1024


def test_digest_html_has_no_images_remote_content_or_tracking():
    edition, _themes = full_month(per_theme=1, themes=themes_make(4))

    _text, html = bodies(parse(digest_message_bytes(edition=edition)))

    assert "<img" not in html and "src=" not in html and "<link" not in html and "url(" not in html
    assert '<html lang="nl">' in html and 'name="color-scheme"' in html
    assert "prefers-color-scheme: dark" in html
    links = re.findall(r'href="([^"]+)"', html)
    assert links and all(link.startswith(f"{SITE}/") for link in links)
    assert "klik hier" not in html.lower()


def test_example_preview_marks_the_links_as_examples(small):
    edition, themes = small
    subscriber = SubscriberFactory(email="echt@voorbeeld.nl", themes=[themes["werk"]])

    message = parse(
        digest_message_bytes(edition=edition, subscriber=subscriber, example=True, to="redactie@gemeente.nl")
    )

    text, html = bodies(message)
    assert message["To"] == "redactie@gemeente.nl"
    assert f"{SITE}/nieuwsbrief/afmelden/voorbeeld/" in text
    assert "de persoonlijke links hieronder werken niet in dit voorbeeld" in html
    assert "echt@voorbeeld.nl" not in text + html
    assert sections_of(text) == ["WERK EN INKOMEN"]


def test_preview_of_a_theme_combination(small):
    edition, themes = small

    message = parse(digest_message_bytes(edition=edition, theme_ids=[themes["werk"].pk, themes["jeugd"].pk]))

    text, _html = bodies(message)
    assert sections_of(text) == ["JEUGD EN GEZIN", "WERK EN INKOMEN"]
    assert "aangemeld voor: Jeugd en gezin, Werk en inkomen." in " ".join(text.split())


def test_personal_links_are_exactly_the_subscriber_links_of_other_mail(small, time_machine):
    time_machine.move_to("2027-04-02 09:00:00+02:00", tick=False)
    edition, themes = small
    subscriber = SubscriberFactory(themes=[themes["wmo"]], token_version=4)

    parts = digest_personal_parts(edition=edition, subscriber=subscriber)

    links = subscriber_links(subscriber)
    assert (parts.preferences_url, parts.unsubscribe_url) == (links["preferences_url"], links["unsubscribe_url"])
