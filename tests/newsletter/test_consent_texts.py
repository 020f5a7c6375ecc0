"""Consent texts: a used text stays as it is; a new version gets the next number and may replace the active one."""

import pytest
from django.core.exceptions import ValidationError

from newsletter.models import ConsentText
from newsletter.selectors import consent_text_in_use
from newsletter.services import consent_text_save
from tests.factories import ConsentTextFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_consent_text_save_numbers_a_new_text_and_leaves_the_active_one():
    text = consent_text_save(text=ConsentText(text="Concept"), activate=False)

    assert text.version == 2
    assert not text.is_active
    assert ConsentText.objects.get(version=1).is_active


def test_consent_text_save_activate_retires_the_active_text():
    text = consent_text_save(text=ConsentText(text="Nieuw"), activate=True)

    assert list(ConsentText.objects.filter(is_active=True)) == [text]


def test_consent_text_save_refuses_a_text_in_use():
    text = ConsentText.objects.get(version=1)  # active, from the migration
    text.text = "Stiekem gewijzigd"

    with pytest.raises(ValidationError):
        consent_text_save(text=text, activate=False)

    assert "Stiekem" not in ConsentText.objects.get(version=1).text


def test_consent_text_in_use_once_a_subscriber_agreed_to_it():
    text = ConsentTextFactory(version=7)
    assert not consent_text_in_use(text=text)

    SubscriberFactory(consent_version=7)

    assert consent_text_in_use(text=text)
