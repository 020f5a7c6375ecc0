import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_database_vendor_reported():
    assert connection.vendor in {"postgresql", "sqlite"}
