"""Consent texts: a text someone may have seen or agreed to never changes; a new version replaces it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from newsletter.models import ConsentText
from newsletter.selectors import consent_text_in_use


def consent_text_save(*, text: ConsentText, activate: bool) -> ConsentText:
    """Save a new or unused text (a new one gets the next version); activate retires the active one.

    Raises ValidationError for a text that is in use: that one is kept as it is, as evidence.
    """
    if text.pk is not None and consent_text_in_use(text=ConsentText.objects.get(pk=text.pk)):
        raise ValidationError(_("Een gebruikte toestemmingstekst verandert niet meer: voeg een nieuwe versie toe."))
    with transaction.atomic():
        if text.version is None:
            text.version = (ConsentText.objects.aggregate(v=Max("version"))["v"] or 0) + 1
        if activate:
            # One active text at a time (a database constraint): retire the old one first.
            ConsentText.objects.filter(is_active=True).exclude(pk=text.pk).update(is_active=False)
            text.is_active = True
        text.save()
    return text
