"""Argument types shared by the digest commands: a month as YYYY-MM, a moment as ISO 8601."""

import argparse
import datetime
import re

from django.utils import timezone


def month_argument(value: str) -> datetime.date:
    """'2027-03' → date(2027, 3, 1); argparse reports anything else in Dutch."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
    try:
        return datetime.date(int(match.group(1)), int(match.group(2)), 1)
    except (AttributeError, ValueError):
        raise argparse.ArgumentTypeError(f"'{value}' is geen maand: schrijf JJJJ-MM, bijvoorbeeld 2027-03") from None


def moment_argument(value: str) -> datetime.datetime:
    """An ISO 8601 moment; without a zone it is Europe/Amsterdam time."""
    try:
        moment = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is geen tijdstip: schrijf bijvoorbeeld 2027-04-01T09:00 (Nederlandse tijd)"
        ) from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
