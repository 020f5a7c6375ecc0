"""Generated input (hypothesis): at least 1,000 cases per form, and not one server error."""

import logging
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.tokens import subscriber_token_make
from tests.factories import SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=1000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text with what breaks forms and headers: control characters, CR/LF/NUL, long and non-Latin input.
nasty = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from("\r\n\x00\t@.<>\"'%;,:\\ aé€\u202e"), max_size=60),
    st.emails().map(lambda e: e + "\r\nBcc: x@voorbeeld.nl"),
    st.emails(),
)
values = st.one_of(nasty, st.lists(nasty, max_size=4))


@pytest.fixture(autouse=True)
def _quiet_4xx_warnings():
    # Every rejected case logs a "Bad Request" warning; thousands of them only slow the run down.
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.fixture
def no_queue(monkeypatch):
    from newsletter import tasks

    for task in (tasks.subscription_request_email_send_task, tasks.subscription_welcome_send_task):
        monkeypatch.setattr(task, "delay_on_commit", lambda *a: None)


@pytest.fixture
def subscriber(db):
    ThemeFactory(slug="jeugd")
    return SubscriberFactory()


def _token(subscriber, purpose):
    return subscriber_token_make(purpose=purpose, subscriber_id=subscriber.pk, token_version=subscriber.token_version)


def _assert_no_server_error(response):
    assert response.status_code < 500, response.content[:500]


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {"email": values, "themes": values, "website": st.one_of(st.just(""), nasty)},
        optional={"extra": nasty, "csrfmiddlewaretoken": nasty},
    ),
    ip=st.ip_addresses().map(str),
)
def test_fuzz_subscribe_form_never_500(no_queue, data, ip):
    cache.clear()
    response = Client(REMOTE_ADDR=ip).post("/nieuwsbrief/aanmelden/", data)
    _assert_no_server_error(response)


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {"action": st.one_of(st.sampled_from(["themes", "pause"]), nasty), "themes": values, "months": values}
    )
)
def test_fuzz_preferences_form_never_500(no_queue, subscriber, data):
    response = Client().post(f"/nieuwsbrief/voorkeuren/{_token(subscriber, 'preferences')}/", data)
    _assert_no_server_error(response)


@FUZZ
@given(
    body=st.one_of(st.binary(max_size=200), nasty.map(str.encode)),
    content_type=st.sampled_from(
        ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "text/plain", "application/json"]
    ),
    valid_token=st.booleans(),
    token=nasty,
)
def test_fuzz_one_click_never_500(subscriber, body, content_type, valid_token, token):
    token = _token(subscriber, "unsubscribe") if valid_token else quote(token, safe="") or "x"
    response = Client(enforce_csrf_checks=True).post(f"/nieuwsbrief/afmelden/{token}/", body, content_type=content_type)
    _assert_no_server_error(response)


@settings(FUZZ, max_examples=300)
@given(token=nasty, page=st.sampled_from(["bevestigen", "voorkeuren", "afmelden"]), post=st.booleans())
def test_fuzz_token_urls_never_500(client, token, page, post):
    path = f"/nieuwsbrief/{page}/{quote(token, safe='') or 'x'}/"
    _assert_no_server_error(client.post(path, {"action": "themes"}) if post else client.get(path))
