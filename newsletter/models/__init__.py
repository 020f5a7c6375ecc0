"""Newsletter models: subscribers and their consent (subscribers.py), the monthly digest (digest.py)."""

from newsletter.models.digest import Edition, EditionEvent, EditionItem
from newsletter.models.subscribers import ConsentEvent, ConsentText, DataAccessLog, ImportConsent, Source, Subscriber

__all__ = [
    "ConsentEvent",
    "ConsentText",
    "DataAccessLog",
    "Edition",
    "EditionEvent",
    "EditionItem",
    "ImportConsent",
    "Source",
    "Subscriber",
]
