"""Keyed hashes: how the newsletter refers to an address or an IP without storing it."""

from django.utils.crypto import salted_hmac


def email_normalise(address: str) -> str:
    """Return the address as compared everywhere: trimmed and lower-cased."""
    return address.strip().lower()


def email_hash(address: str) -> str:
    """Return the keyed SHA-256 HMAC (hex, 64 chars) of the normalised address; stable per SECRET_KEY."""
    return keyed_hash("newsletter.email", email_normalise(address))


def erasure_key(address_hash: str) -> str:
    """Return the key of an erased address's tombstone: a keyed hash of its email_hash, not that hash itself."""
    return keyed_hash("newsletter.erased", address_hash)


def keyed_hash(purpose: str, value: str) -> str:
    """Return a keyed SHA-256 HMAC of value; a distinct purpose gives an unrelated hash."""
    return salted_hmac(f"newsletter.hashing.{purpose}", value, algorithm="sha256").hexdigest()
