"""The admin import form under 1,000 generated uploads: never a server error, always a Dutch answer."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

cell = st.one_of(
    st.text(max_size=30),
    st.emails().map(str),
    st.sampled_from(
        ["jeugd", "ouderen|jeugd", "2026-01-01", "31-12-2025", "=HYPERLINK()", "a@b.nl\r\nBcc: c@d.nl", ""]
    ),
)
csv_text = st.builds(
    lambda header, rows, delimiter: _csv(header, rows, delimiter),
    st.sampled_from([["email", "themes", "consent_source", "consent_date"], ["E-mailadres", "Bron", "Datum"], []]),
    st.lists(st.lists(cell, max_size=5), max_size=6),
    st.sampled_from([",", ";"]),
)
upload = st.one_of(csv_text.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200))


def _csv(header, rows, delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture
def chief_client():
    user = User.objects.create_user(username="eind", password=None, is_staff=True)
    user.groups.add(Group.objects.get(name="Eindredacteur"))
    client = Client()  # raises any exception a request causes: a server error fails the test
    client.force_login(user)
    return client


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=upload, name=st.text(min_size=1, max_size=20).filter(lambda n: "\x00" not in n and "/" not in n))
def test_admin_import_fuzz_never_a_server_error(chief_client, data, name):
    cache.clear()
    response = chief_client.post(
        reverse("admin:newsletter_subscriber_import"), {"file": SimpleUploadedFile(name + ".csv", data)}
    )

    assert response.status_code == 200
    assert "Resultaat" in response.text or 'class="errorlist' in response.text
    for subscriber in Subscriber.objects.filter(source="import"):
        assert "\n" not in subscriber.email and "\r" not in subscriber.email
        assert subscriber.import_consents.exists()
