"""Tokens for the links in newsletter emails.

The confirmation token carries the whole pending sign-up (nothing is stored before confirmation), so it
is opaque: address, themes, consent version and the moment of the request are compressed and encrypted
with AES-GCM under a key derived from SECRET_KEY (HKDF-SHA256, one label per purpose); the link shows
nothing of them, and a changed character makes it invalid. It expires 7 days after the request.

Subscriber tokens (preferences, unsubscribe) are signed with django.core.signing, one salt per purpose,
and carry only the subscriber's id and token_version: raising the version revokes every link sent before.
They stay in that format: they hold nothing personal to hide, whoever holds one may open the page it
names anyway, the links in every mail already sent must keep working, and the digest makes them per
message with SubscriberTokenMaker, which reproduces that format with the key derived once.
"""

import base64
import binascii
import datetime
import functools
import hashlib
import hmac
import json
import os
import re
import time
import zlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core import signing
from django.utils import timezone

CONFIRM_MAX_AGE = datetime.timedelta(days=7)
_SALT = "newsletter.tokens.%s"

# Opaque tokens: version byte, 96-bit random nonce, ciphertext, 128-bit tag; URL-safe base64 without padding.
_FORMAT = b"\x01"
_NONCE_BYTES = 12
_RAW, _DEFLATED = b"\x00", b"\x01"  # first byte of the plaintext: how the payload is stored
_MAX_PAYLOAD = 4096
_OPAQUE = re.compile(r"[A-Za-z0-9_-]{40,2000}")
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_MICROSECOND = datetime.timedelta(microseconds=1)


class TokenInvalid(Exception):
    """The token was tampered with, made for another purpose, revoked or malformed."""


class TokenExpired(TokenInvalid):
    """The token was genuine but is older than its maximum age."""


@dataclass(frozen=True)
class SignupRequest:
    """A sign-up waiting for confirmation: what the confirmation link carries.

    requested_at is when the person asked (None: now, when the token is made); the link counts from then.
    """

    email: str
    theme_slugs: tuple[str, ...]
    consent_version: int
    requested_at: datetime.datetime | None = None


@functools.lru_cache(maxsize=16)
def _aead(secret: str, purpose: str) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"portal.newsletter.tokens", info=purpose.encode())
    return AESGCM(hkdf.derive(secret.encode()))


def _secrets() -> list[str]:
    # The current key encrypts; the fallbacks still decrypt, so links survive a key rotation.
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _opaque_make(*, purpose: str, payload: object) -> str:
    """Return payload (JSON-able) compressed, encrypted and authenticated for purpose, as URL-safe text."""
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: no header or checksum, AES-GCM has the tag
    deflated = deflater.compress(data) + deflater.flush()
    plain = _DEFLATED + deflated if len(deflated) < len(data) else _RAW + data
    nonce = os.urandom(_NONCE_BYTES)
    sealed = _aead(settings.SECRET_KEY, purpose).encrypt(nonce, plain, _FORMAT + purpose.encode())
    return _b64encode(_FORMAT + nonce + sealed)


def _opaque_read(*, purpose: str, token: str) -> object:
    """Return the payload of an opaque token made for purpose; raise TokenInvalid."""
    if not _OPAQUE.fullmatch(token):
        raise TokenInvalid
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError) as exc:
        raise TokenInvalid from exc
    # One spelling per token: the unused low bits of the last character may not vary either.
    if _b64encode(raw) != token or raw[:1] != _FORMAT:
        raise TokenInvalid
    nonce, sealed = raw[1 : 1 + _NONCE_BYTES], raw[1 + _NONCE_BYTES :]
    for secret in _secrets():
        try:
            plain = _aead(secret, purpose).decrypt(nonce, sealed, _FORMAT + purpose.encode())
        except InvalidTag:
            continue
        return _payload(plain)
    raise TokenInvalid


def _payload(plain: bytes) -> object:
    try:
        if plain[:1] == _DEFLATED:
            inflater = zlib.decompressobj(-15)
            data = inflater.decompress(plain[1:], _MAX_PAYLOAD)
            if inflater.unconsumed_tail:
                raise TokenInvalid
        else:
            data = plain[1:]
        return json.loads(data)
    except (zlib.error, ValueError, UnicodeError) as exc:
        raise TokenInvalid from exc


def _microseconds(moment: datetime.datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def confirm_token_make(signup: SignupRequest) -> str:
    """Return the opaque token for the confirmation link; it expires CONFIRM_MAX_AGE after the request."""
    requested_at = signup.requested_at or timezone.now()
    payload = [_microseconds(requested_at), signup.consent_version, signup.email, *signup.theme_slugs]
    return _opaque_make(purpose="confirm", payload=payload)


def confirm_token_read(token: str) -> SignupRequest:
    """Return the sign-up in a confirmation token; raise TokenExpired or TokenInvalid."""
    if ":" in token:
        return _legacy_confirm_token_read(token)
    payload = _opaque_read(purpose="confirm", token=token)
    match payload:
        case [int(stamp), int(version), str(email), *slugs] if all(isinstance(s, str) for s in slugs):
            requested_at = _EPOCH + stamp * _MICROSECOND
        case _:
            raise TokenInvalid
    if timezone.now() - requested_at > CONFIRM_MAX_AGE:
        raise TokenExpired
    return SignupRequest(email=email, theme_slugs=tuple(slugs), consent_version=version, requested_at=requested_at)


def _legacy_confirm_token_read(token: str) -> SignupRequest:
    """Read a signed confirmation token of before the opaque format (mailed at most 7 days before the switch)."""
    try:
        payload = signing.loads(token, salt=_SALT % "confirm", max_age=CONFIRM_MAX_AGE)
        stamp = signing.b62_decode(token.rsplit(":", 2)[1])
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except (signing.BadSignature, ValueError, UnicodeError, IndexError) as exc:
        raise TokenInvalid from exc
    match payload:
        case {"e": str(email), "t": list(slugs), "c": int(version)}:
            requested_at = datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)
            return SignupRequest(email, tuple(str(s) for s in slugs), version, requested_at)
    raise TokenInvalid


def subscriber_token_make(*, purpose: str, subscriber_id: int, token_version: int) -> str:
    """Return a signed token for a subscriber's preferences or unsubscribe link (no expiry)."""
    return signing.dumps({"s": subscriber_id, "v": token_version}, salt=_SALT % purpose)


class SubscriberTokenMaker:
    """Makes exactly the tokens of `subscriber_token_make` (django.core.signing's format), with the HMAC key
    derived once instead of per token and the JSON and the timestamp written directly: the digest makes two per
    message (in about half the time of signing.dumps with a derived key)."""

    def __init__(self, purpose: str):
        # As signing.dumps: TimestampSigner(salt=...).sign_object → base64_hmac(salt + "signer") → salted_hmac.
        key = hashlib.sha256(f"{_SALT % purpose}signer{settings.SECRET_KEY}".encode()).digest()
        self._mac = hmac.new(key, digestmod=hashlib.sha256)
        self._second, self._stamp = -1, b""

    def __call__(self, *, subscriber_id: int, token_version: int) -> str:
        # json.dumps({"s": ..., "v": ...}, separators=(",", ":")) for two ints, which `%d` enforces.
        payload = b'{"s":%d,"v":%d}' % (subscriber_id, token_version)
        second = int(time.time())
        if second != self._second:
            self._second, self._stamp = second, signing.b62_encode(second).encode()
        value = b"%s:%s" % (base64.urlsafe_b64encode(payload).rstrip(b"="), self._stamp)
        mac = self._mac.copy()
        mac.update(value)
        signature = base64.urlsafe_b64encode(mac.digest()).rstrip(b"=")
        return f"{value.decode()}:{signature.decode()}"


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
