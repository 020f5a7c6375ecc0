"""Staff sessions: an idle timeout and a maximum age (time-machine moves the clock)."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff_client(client, clock):
    user = get_user_model().objects.create_user("redacteur", password=None, is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_session_survives_activity_within_the_idle_timeout(staff_client, clock):
    assert staff_client.get("/beheer/").status_code == 200
    for _ in range(4):
        clock.shift(datetime.timedelta(minutes=29))
        assert staff_client.get("/beheer/").status_code == 200


def test_session_ends_after_thirty_idle_minutes(staff_client, clock):
    staff_client.get("/beheer/")
    clock.shift(datetime.timedelta(minutes=31))

    response = staff_client.get("/beheer/news/article/")

    assert response.status_code == 302
    assert response["Location"] == "/beheer/login/?next=%2Fbeheer%2Fnews%2Farticle%2F"
    login_page = staff_client.get(response["Location"]).content.decode()
    assert "Uw sessie is verlopen. Meld u opnieuw aan." in login_page
    assert staff_client.get("/beheer/").status_code == 302


def test_session_ends_after_ten_hours_however_active(staff_client, clock):
    staff_client.get("/beheer/")
    for _ in range(33):  # every 18 minutes for 9 h 54 min
        clock.shift(datetime.timedelta(minutes=18))
        assert staff_client.get("/beheer/").status_code == 200

    clock.shift(datetime.timedelta(minutes=18))

    assert staff_client.get("/beheer/").status_code == 302


def test_session_expiry_on_a_public_page_just_logs_out(staff_client, clock):
    staff_client.get("/beheer/")
    clock.shift(datetime.timedelta(hours=1))

    assert staff_client.get("/").status_code == 200
    assert staff_client.get("/beheer/").status_code == 302


def test_session_timeouts_follow_the_settings(staff_client, clock, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 5 * 60
    staff_client.get("/beheer/")
    clock.shift(datetime.timedelta(minutes=6))

    assert staff_client.get("/beheer/").status_code == 302


def test_session_cookie_lives_no_longer_than_the_maximum(settings):
    assert settings.SESSION_COOKIE_AGE == settings.STAFF_SESSION_MAX_SECONDS == 10 * 3600
    assert settings.STAFF_SESSION_IDLE_SECONDS == 30 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_session_visitors_get_no_session(client, clock):
    response = client.get("/")

    assert response.cookies == {}


def test_session_clock_starts_at_login_so_the_next_request_writes_nothing(staff_client, clock):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.security.sessions import SEEN_KEY, STARTED_KEY

    assert staff_client.session[STARTED_KEY] == staff_client.session[SEEN_KEY] == int(START.timestamp())
    clock.shift(datetime.timedelta(seconds=30))
    with CaptureQueriesContext(connection) as context:
        staff_client.get("/beheer/")
    writes = [query["sql"] for query in context.captured_queries if query["sql"].startswith(("UPDATE", "INSERT"))]
    assert not [sql for sql in writes if "django_session" in sql]
