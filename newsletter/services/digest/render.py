"""The digest message: rendered once per variant, completed per person by joining bytes.

A *variant* is one combination of the edition's themes (its key: the sorted edition theme ids a subscriber
gets). `EditionRenderer` renders each variant's complete RFC 5322 message once, through `build_email`, with
ASCII placeholder tokens where the personal parts go (To, Message-ID, List-Unsubscribe, the links and the
"why" line in both bodies). The bytes are split at the placeholders once; `RenderedVariant.message_bytes`
joins the pieces with one person's values. No template and no email package run per message. The send stores
each rendered variant in the database (variants.py), so every variant is rendered once per edition across all
worker processes.

Why this is safe: both body parts use 8bit (or 7bit) transfer encoding, never quoted-printable or base64,
so a value can be put in as it is; every line of the rendered message is short and holds at most a few
placeholders, so no line passes RFC 5322's 998 octets after substitution (checked when rendering, and each
value's length is checked against the room its lines leave).
"""

import email.policy
import hashlib
import hmac
import html
import re
import secrets
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, replace
from email.utils import parseaddr
from functools import cache, lru_cache

from django.conf import settings
from django.core.mail.message import EmailAlternative
from django.urls import reverse
from django.utils.encoding import punycode
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from news.models import Theme
from news.sanitize import clean_html
from newsletter.emails import absolute_url, build_email
from newsletter.models import Edition, Subscriber
from newsletter.selectors import DigestContent, DigestItem, digest_content
from newsletter.services.digest.markup import html_to_text, wrap_html_lines
from newsletter.services.digest.variants import variant_get_or_render, variant_version
from newsletter.tokens import SubscriberTokenMaker

MAX_LINE = 998  # RFC 5322 2.1.1, octets without CRLF
HTML_LINE = 200  # characters per HTML line before placeholders are filled in
# The room each placeholder must leave on its lines; longer values are refused (addresses are at most 254).
MIN_ROOM = 600
# Longer "why" lines are wrapped, so a subscriber of many themes cannot make one long line.
REASON_WRAP = 76
EXAMPLE_TOKEN = "voorbeeld"  # noqa: S105 - the word in example links, not a secret
EXAMPLE_ADDRESS = "voorbeeld@example.invalid"
# How the parts are built (8bit up to 998 octets a line) and put on the wire (CRLF, as smtplib sends bytes).
_BUILD_POLICY = email.policy.default.clone(max_line_length=MAX_LINE)
_WIRE_POLICY = email.policy.SMTP.clone(max_line_length=MAX_LINE)
_SLOTS = ("to", "message_id", "preferences_url", "unsubscribe_url", "reason_text", "reason_html")


@dataclass(frozen=True)
class PersonalParts:
    """What differs per subscriber in a digest message."""

    to: str
    message_id: str  # with angle brackets: <digest-2027-03.s123.0a1b2c3d@example.nl>
    preferences_url: str
    unsubscribe_url: str  # also in List-Unsubscribe, with List-Unsubscribe-Post: List-Unsubscribe=One-Click
    reason: str  # plain text; HTML-escaped for the HTML part


def _mail_domain() -> str:
    return _domain_of(settings.DEFAULT_FROM_EMAIL)


@cache
def _domain_of(from_email: str) -> str:
    return parseaddr(from_email)[1].rpartition("@")[2] or "localhost"


def digest_name() -> str:
    """The newsletter's name for subjects: DIGEST_NAME, or derived from SITE_NAME ('Nieuwsbrief zorgprofessionals')."""
    name = getattr(settings, "DIGEST_NAME", "")
    if name:
        return name
    site = settings.SITE_NAME
    prefix = _("Nieuws voor ")
    return _("Nieuwsbrief %(name)s") % {"name": site[len(prefix) :] if site.startswith(prefix) else site}


@cache
def _message_id_mac(secret_key: str):
    # What salted_hmac("newsletter.digest.message-id", ..., algorithm="sha256") does, with the key derived once.
    key = hashlib.sha256(f"newsletter.digest.message-id{secret_key}".encode()).digest()
    return hmac.new(key, digestmod=hashlib.sha256)


def digest_message_id(*, edition: Edition, subscriber_id: int) -> str:
    """The Message-ID of this edition's mail to this subscriber: the same on every attempt, not guessable."""
    mac = _message_id_mac(settings.SECRET_KEY).copy()
    mac.update(f"{edition.pk}:{subscriber_id}".encode())
    return f"<digest-{edition.slug}.s{subscriber_id}.{mac.hexdigest()[:8]}@{_mail_domain()}>"


def _dutch_list(names: list[str]) -> str:
    return (
        names[0]
        if len(names) == 1
        else _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}
    )


def digest_reason(*, all_themes: bool, themes: Iterable[Theme]) -> str:
    """The "why" line: 'U ontvangt deze e-mail omdat u zich heeft aangemeld voor: Jeugd, Wmo.'"""
    chosen = () if all_themes else tuple((t.order, t.name) for t in themes if t.is_active)
    return _reason(tuple(sorted(chosen)))


@lru_cache(maxsize=4096)
def _reason(chosen: tuple[tuple[int, str], ...]) -> str:
    # Cached: subscribers with the same themes share the line (the process's language does not change).
    if not chosen:
        return _("U ontvangt deze e-mail omdat u zich heeft aangemeld voor de nieuwsbrief over alle thema's.")
    names = ", ".join(name for _order, name in chosen)
    return _("U ontvangt deze e-mail omdat u zich heeft aangemeld voor: %(themes)s.") % {"themes": names}


@cache
def _link_parts(view_name: str, site_url: str) -> tuple[str, str]:
    """The absolute URL of a token page split around its token: reversing once instead of per person."""
    marker = "TOKEN-MARKER"
    prefix, _marker, suffix = absolute_url(reverse(view_name, kwargs={"token": marker})).partition(marker)
    return prefix, suffix


@cache
def _token_maker(purpose: str, secret_key: str) -> SubscriberTokenMaker:
    return SubscriberTokenMaker(purpose)


_LINKS = (("preferences", "newsletter:preferences"), ("unsubscribe", "newsletter:unsubscribe"))


def _subscriber_links(subscriber: Subscriber) -> dict[str, str]:
    """The same links as newsletter.emails.subscriber_links, without a URL reverse or key derivation per person."""
    links = {}
    for purpose, view_name in _LINKS:
        token = _token_maker(purpose, settings.SECRET_KEY)(
            subscriber_id=subscriber.pk, token_version=subscriber.token_version
        )
        prefix, suffix = _link_parts(view_name, settings.SITE_URL)
        links[f"{purpose}_url"] = f"{prefix}{token}{suffix}"
    return links


def _example_links() -> dict[str, str]:
    return {
        "preferences_url": absolute_url(reverse("newsletter:preferences", kwargs={"token": EXAMPLE_TOKEN})),
        "unsubscribe_url": absolute_url(reverse("newsletter:unsubscribe", kwargs={"token": EXAMPLE_TOKEN})),
    }


def digest_personal_parts(
    *, edition: Edition, subscriber: Subscriber, example: bool = False, themes: Iterable[Theme] | None = None
) -> PersonalParts:
    """The personal parts of `subscriber`'s mail (prefetch `themes`, or pass them, to make this query-free).

    With `example`, the links are example links that open nothing personal, and the Message-ID is a fresh one.
    """
    if example:
        links = _example_links()
        message_id = f"<digest-{edition.slug}.{EXAMPLE_TOKEN}.{secrets.token_hex(4)}@{_mail_domain()}>"
    else:
        links = _subscriber_links(subscriber)
        message_id = digest_message_id(edition=edition, subscriber_id=subscriber.pk)
    if themes is None:
        themes = subscriber.themes.all()
    reason = digest_reason(all_themes=subscriber.all_themes, themes=themes)
    return PersonalParts(to=subscriber.email, message_id=message_id, reason=reason, **links)


def _address_bytes(address: str) -> bytes:
    """The To address as header bytes; a non-ASCII domain becomes IDNA, a non-ASCII local part stays UTF-8
    (RFC 6532: such a message can only be sent with SMTPUTF8)."""
    if address.isascii():
        return address.encode("ascii")
    local, _at, domain = address.rpartition("@")
    return f"{local}@{punycode(domain)}".encode()


@lru_cache(maxsize=4096)
def _reason_bytes(reason: str) -> tuple[bytes, bytes]:
    if len(reason) > REASON_WRAP:
        reason = "\r\n".join(textwrap.wrap(reason, REASON_WRAP, break_long_words=False, break_on_hyphens=False))
    return reason.encode(), html.escape(reason, quote=False).encode()


class RenderedVariant:
    """One theme combination's complete message, split at its placeholders; see the module docstring."""

    __slots__ = ("_pieces", "_positions", "_rooms", "key", "size")

    def __init__(self, key: tuple[int, ...], raw: bytes, tokens: dict[str, bytes], pattern: re.Pattern):
        self.key = key
        self.size = len(raw)
        by_token = {tokens[slot]: index for index, slot in enumerate(_SLOTS)}
        pieces = pattern.split(raw)
        found = pattern.findall(raw)
        # pieces: literal, value, literal, value, ..., literal; the values are filled in per message.
        self._pieces = [piece for pair in zip(pieces, [*found, None], strict=True) for piece in pair][:-1]
        self._positions = tuple((2 * index + 1, by_token[token]) for index, token in enumerate(found))
        self._rooms = _rooms(raw, by_token, pattern)

    def message_bytes(self, parts: PersonalParts) -> bytes:
        """The complete message for one person (RFC 5322, CRLF line ends). Raises ValueError for a value too long
        for its line or a URL that is not ASCII."""
        to = _address_bytes(parts.to)
        reason_text, reason_html = _reason_bytes(parts.reason)
        values = (
            to,
            parts.message_id.encode("ascii"),
            parts.preferences_url.encode("ascii"),
            parts.unsubscribe_url.encode("ascii"),
            reason_text,
            reason_html,
        )
        rooms = self._rooms
        if len(values[0]) > rooms[0] or len(values[2]) > rooms[2] or len(values[3]) > rooms[3]:
            raise ValueError("a personal value is too long for its line")
        pieces = self._pieces.copy()
        for position, slot in self._positions:
            pieces[position] = values[slot]
        return b"".join(pieces)


def _rooms(raw: bytes, by_token: dict[bytes, int], pattern: re.Pattern) -> list[int]:
    """Per slot, the octets its value may take on the fullest line it is on (several on one line share).

    Raises ValueError when a line is already too long, or leaves a placeholder less than MIN_ROOM.
    """
    if max(map(len, raw.split(b"\r\n"))) > MAX_LINE:
        raise ValueError("rendered digest has a line over 998 octets")
    rooms = [MAX_LINE] * len(_SLOTS)
    starts = {raw.rfind(b"\n", 0, match.start()) + 1 for match in pattern.finditer(raw)}
    for start in starts:
        end = raw.find(b"\r\n", start)
        line = raw[start : end if end >= 0 else len(raw)]
        found = pattern.findall(line)
        share = (MAX_LINE - len(line) + sum(map(len, found))) // len(found)
        for token in found:
            rooms[by_token[token]] = min(rooms[by_token[token]], share)
    if min(rooms) < MIN_ROOM:
        raise ValueError(f"a placeholder line leaves only {min(rooms)} octets for its value")
    return rooms


def _tokens(nonce: str) -> dict[str, str]:
    """Placeholders unique to one render (a random `nonce`), so no article text can contain one by chance."""
    return {
        "to": f"x{nonce}to@placeholder.invalid",
        "message_id": f"<x{nonce}mid@placeholder.invalid>",
        "preferences_url": f"https://x{nonce}pref.invalid/",
        "unsubscribe_url": f"https://x{nonce}unsub.invalid/",
        "reason_text": f"x{nonce}reasontext",
        "reason_html": f"x{nonce}reasonhtml",
    }


@lru_cache(maxsize=256)
def _placeholders(nonce: str) -> tuple[dict[str, bytes], re.Pattern]:
    """The placeholder bytes per slot and the pattern that finds them, for the renders made with `nonce`."""
    token_bytes = {slot: token.encode("ascii") for slot, token in _tokens(nonce).items()}
    return token_bytes, re.compile(b"|".join(re.escape(token) for token in token_bytes.values()))


def _preheader(sections, notices) -> str:
    count = sum(len(items) for _theme, items in sections) + len(notices)
    names = [theme.name for theme, _items in sections]
    shown = _dutch_list(names) if len(names) <= 3 else _("%(themes)s en meer") % {"themes": ", ".join(names[:3])}
    return ngettext("%(count)d bericht over %(themes)s", "%(count)d berichten over %(themes)s", count) % {
        "count": count,
        "themes": shown,
    }


TEXT_WIDTH = 76  # plain-text lines, as mail readers expect


def _text(value: str) -> str:
    """Plain text wrapped at TEXT_WIDTH per paragraph; URLs and long words stay whole."""
    return "\n".join(
        textwrap.fill(line, TEXT_WIDTH, break_long_words=False, break_on_hyphens=False) if line else ""
        for line in value.split("\n")
    )


@dataclass(frozen=True)
class ShownItem:
    """An item as both bodies show it, prepared once per renderer (not per variant): dates formatted, the
    plain-text title and teaser wrapped."""

    title: str
    teaser: str
    url: str
    date_label: str
    title_text: str
    teaser_text: str

    @classmethod
    def of(cls, item: DigestItem) -> "ShownItem":
        shows_date = item.show_date and item.publication_date is not None
        return cls(
            title=item.title,
            teaser=item.teaser,
            url=item.url,
            date_label=date_format(item.publication_date, "j F Y") if shows_date else "",
            title_text=_text(item.title),
            teaser_text=_text(item.teaser),
        )


class EditionRenderer:
    """Renders an edition's variants, each at most once (`render_count` counts the renders it made).

    With `stored`, the variants of an approved edition come from the database when any process rendered them
    before, and what this renderer renders is stored there (variants.py): each variant is rendered once per
    edition across all worker processes. Previews and example links are never stored.
    """

    def __init__(
        self,
        edition: Edition,
        *,
        example_links: bool = False,
        content: DigestContent | None = None,
        stored: bool = False,
    ):
        self.edition = edition
        self.example_links = example_links
        self.stored = stored and not example_links
        self.render_count = 0
        self._content = content
        self._variants: dict[tuple[int, ...], RenderedVariant] = {}
        self._nonce = secrets.token_hex(6)
        self._tokens = _tokens(self._nonce)
        self._token_bytes, self._pattern = _placeholders(self._nonce)
        self._shown: dict[int, ShownItem] = {}
        self._fixed: dict | None = None
        self._version: str | None = None

    @property
    def content(self) -> DigestContent:
        if self._content is None:
            self._content = digest_content(edition=self.edition)
        return self._content

    def variant_for(self, *, all_themes: bool, theme_ids: Iterable[int]) -> RenderedVariant | None:
        """The variant for a subscriber's choice, or None when nothing in this edition is for them."""
        key = self.content.variant_key(all_themes=all_themes, theme_ids=theme_ids)
        if not key:
            return None
        variant = self._variants.get(key)
        if variant is None:
            variant = self._variants[key] = self._variant(key)
        return variant

    def _variant(self, key: tuple[int, ...]) -> RenderedVariant:
        if not (self.stored and self.edition.is_frozen):
            self.render_count += 1
            return self._render(key)
        if self._version is None:
            self._version = variant_version(edition=self.edition, content=self.content)
        raw, nonce, rendered = variant_get_or_render(
            edition_id=self.edition.pk, version=self._version, key=key, render=lambda: (self._raw(key), self._nonce)
        )
        self.render_count += rendered
        return RenderedVariant(key, raw, *_placeholders(nonce))

    def _show(self, item: DigestItem) -> ShownItem:
        shown = self._shown.get(item.pk)
        if shown is None:
            shown = self._shown[item.pk] = ShownItem.of(item)
        return shown

    def _fixed_context(self) -> dict:
        """What every variant of this edition shares, prepared once."""
        if self._fixed is None:
            intro, tokens = clean_html(self.edition.intro), self._tokens
            self._fixed = {
                "edition": self.edition,
                "subject_name": digest_name(),
                "month_label": self.edition.month_label,
                "intro_html": mark_safe(intro),  # noqa: S308 - sanitised by the article allow-list just above
                "intro_text": _text(html_to_text(intro)),
                "notices": [self._show(item) for item in self.content.notices],
                "web_url": absolute_url(self.edition.get_absolute_url()),
                "archive_url": absolute_url(reverse("newsletter:edition_archive")),
                "example_links": self.example_links,
                **{name: tokens[name] for name in ("preferences_url", "unsubscribe_url", "reason_text", "reason_html")},
            }
        return self._fixed

    def _context(self, key: tuple[int, ...]) -> dict:
        sections = self.content.sections(key)
        return {
            **self._fixed_context(),
            "sections": [(theme, [self._show(item) for item in items]) for theme, items in sections],
            "preheader": _preheader(sections, self.content.notices),
        }

    def _render(self, key: tuple[int, ...]) -> RenderedVariant:
        return RenderedVariant(key, self._raw(key), self._token_bytes, self._pattern)

    def _raw(self, key: tuple[int, ...]) -> bytes:
        """The variant's complete message with this renderer's placeholders (RFC 5322, CRLF)."""
        tokens = self._tokens
        headers = {
            "Message-ID": tokens["message_id"],
            "List-Unsubscribe": f"<{tokens['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"<nieuwsbrief.{_mail_domain()}>",
        }
        message = build_email("digest", to=[tokens["to"]], context=self._context(key), headers=headers)
        markup = message.alternatives[0].content
        message.alternatives = [EmailAlternative(wrap_html_lines(markup, HTML_LINE), "text/html")]
        msg = message.message(policy=_BUILD_POLICY)
        for part in msg.walk():
            if not part.is_multipart() and part.get("Content-Transfer-Encoding", "7bit") not in {"7bit", "8bit"}:
                raise ValueError(f"digest part {part.get_content_type()} is not 7bit/8bit: a line is too long")
        return msg.as_bytes(policy=_WIRE_POLICY)

    @property
    def variant_count(self) -> int:
        return len(self._variants)


def _example_parts(*, edition: Edition, theme_ids: Iterable[int] | None) -> PersonalParts:
    themes = Theme.objects.filter(pk__in=list(theme_ids or ()))
    return PersonalParts(
        to=EXAMPLE_ADDRESS,
        message_id=f"<digest-{edition.slug}.{EXAMPLE_TOKEN}.{secrets.token_hex(4)}@{_mail_domain()}>",
        reason=digest_reason(all_themes=theme_ids is None, themes=themes),
        **_example_links(),
    )


def digest_message_bytes(
    *,
    edition: Edition,
    subscriber: Subscriber | None = None,
    theme_ids: Iterable[int] | None = None,
    example: bool = False,
    to: str | None = None,
) -> bytes | None:
    """The exact bytes a subscriber (or a theme combination: None = all themes) gets, through the sending path.

    For previews and test mails: `example` marks the personal links as example links; `to` replaces the address.
    A theme combination always gets example links. Returns None when nothing in the edition is for them.
    """
    if subscriber is not None:
        example_links = example
        parts = digest_personal_parts(edition=edition, subscriber=subscriber, example=example)
        all_themes, chosen = subscriber.all_themes, [theme.pk for theme in subscriber.themes.all()]
    else:
        theme_ids = None if theme_ids is None else list(theme_ids)
        example_links, parts = True, _example_parts(edition=edition, theme_ids=theme_ids)
        all_themes, chosen = theme_ids is None, theme_ids or ()
    variant = EditionRenderer(edition, example_links=example_links).variant_for(all_themes=all_themes, theme_ids=chosen)
    if variant is None:
        return None
    return variant.message_bytes(replace(parts, to=to) if to else parts)
