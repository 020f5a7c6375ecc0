"""The test run uses the database it was given: a run that silently fell back to SQLite would test less."""

import os
from urllib.parse import urlsplit

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_database_is_the_one_database_url_names():
    url = urlsplit(os.environ.get("DATABASE_URL", ""))  # make test exports the PostgreSQL it started
    if url.scheme.startswith("postgres"):
        assert connection.vendor == "postgresql"
        assert (connection.settings_dict["HOST"], int(connection.settings_dict["PORT"])) == (url.hostname, url.port)
    else:
        assert connection.vendor == "sqlite"
