"""Newsletter models: subscribers and their consent (subscribers.py), the monthly digest (digest.py)."""

from newsletter.models.digest import Delivery, Edition, EditionEvent, EditionItem, EditionVariant
from newsletter.models.subscribers import (
    ConsentEvent,
    ConsentText,
    DataAccessLog,
    ErasureTombstone,
    ImportConsent,
    Source,
    Subscriber,
)

__all__ = [
    "ConsentEvent",
    "ConsentText",
    "DataAccessLog",
    "Delivery",
    "Edition",
    "EditionEvent",
    "EditionItem",
    "EditionVariant",
    "ErasureTombstone",
    "ImportConsent",
    "Source",
    "Subscriber",
]
