"""Signed tokens for the links in newsletter emails.

Each purpose has its own salt, so a token made for one page never opens another. The confirmation
token carries the whole pending sign-up (nothing is stored before confirmation) and expires after
7 days. Subscriber tokens (preferences, unsubscribe) carry the subscriber's token_version: raising it
revokes every link sent before.
"""

import datetime
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

CONFIRM_MAX_AGE = datetime.timedelta(days=7)
_SALT = "newsletter.tokens.%s"


class TokenInvalid(Exception):
    """The token was tampered with, made for another purpose, revoked or malformed."""


class TokenExpired(TokenInvalid):
    """The token was genuine but is older than its maximum age."""


@dataclass(frozen=True)
class SignupRequest:
    """A sign-up waiting for confirmation: what the confirmation link carries."""

    email: str
    theme_slugs: tuple[str, ...]
    consent_version: int


def confirm_token_make(signup: SignupRequest) -> str:
    """Return a signed, timestamped token for the confirmation link."""
    payload = {"e": signup.email, "t": list(signup.theme_slugs), "c": signup.consent_version}
    return signing.dumps(payload, salt=_SALT % "confirm", compress=True)


def confirm_token_read(token: str) -> SignupRequest:
    """Return the sign-up in a confirmation token; raise TokenExpired or TokenInvalid."""
    try:
        payload = signing.loads(token, salt=_SALT % "confirm", max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except (signing.BadSignature, ValueError, UnicodeError) as exc:
        raise TokenInvalid from exc
    try:
        email, slugs, version = payload["e"], payload["t"], payload["c"]
    except (KeyError, TypeError) as exc:
        raise TokenInvalid from exc
    if not isinstance(email, str) or not isinstance(version, int) or not isinstance(slugs, list):
        raise TokenInvalid
    return SignupRequest(email=email, theme_slugs=tuple(str(s) for s in slugs), consent_version=version)


def subscriber_token_make(*, purpose: str, subscriber_id: int, token_version: int) -> str:
    """Return a signed token for a subscriber's preferences or unsubscribe link (no expiry)."""
    return signing.dumps({"s": subscriber_id, "v": token_version}, salt=_SALT % purpose)


class SubscriberTokenMaker:
    """Makes exactly the tokens of `subscriber_token_make` (django.core.signing's format), with the HMAC key
    derived once instead of per token: the digest makes two per message."""

    def __init__(self, purpose: str):
        # As signing.dumps: TimestampSigner(salt=...).sign_object → base64_hmac(salt + "signer") → salted_hmac.
        key = hashlib.sha256(f"{_SALT % purpose}signer{settings.SECRET_KEY}".encode()).digest()
        self._mac = hmac.new(key, digestmod=hashlib.sha256)

    def __call__(self, *, subscriber_id: int, token_version: int) -> str:
        payload = json.dumps({"s": subscriber_id, "v": token_version}, separators=(",", ":")).encode("latin-1")
        value = f"{signing.b64_encode(payload).decode()}:{signing.b62_encode(int(time.time()))}"
        mac = self._mac.copy()
        mac.update(value.encode())
        return f"{value}:{signing.b64_encode(mac.digest()).decode()}"


def subscriber_token_read(*, purpose: str, token: str) -> tuple[int, int]:
    """Return (subscriber_id, token_version) from a token; raise TokenInvalid."""
    try:
        payload = signing.loads(token, salt=_SALT % purpose)
        subscriber_id, version = payload["s"], payload["v"]
    except (signing.BadSignature, ValueError, UnicodeError, KeyError, TypeError) as exc:
        raise TokenInvalid from exc
    if not isinstance(subscriber_id, int) or not isinstance(version, int):
        raise TokenInvalid
    return subscriber_id, version
