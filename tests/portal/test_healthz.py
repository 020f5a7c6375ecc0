"""/healthz reports database, cache and broker; 503 when one is down; one log line per event."""

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from portal.services import heartbeat_record

ROOT = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    """A loopback port that nothing listens on (bound, read, released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_healthz_all_up(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "status": "ok",
        "worker_heartbeat": None,
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_reports_last_beat_heartbeat(client):
    heartbeat = heartbeat_record(name="beat")

    assert client.get("/healthz").json()["worker_heartbeat"] == heartbeat.seen_at.isoformat()


@pytest.mark.django_db
def test_healthz_broker_down(client, monkeypatch, caplog):
    # Celery reads CELERY_BROKER_URL from the environment before its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", f"redis://127.0.0.1:{closed_port()}/0")

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["broker"] == "error"
    assert response.json()["database"] == "ok"
    assert ("portal.views", 30, "healthz: broker is down") in caplog.record_tuples


@pytest.mark.django_db
def test_healthz_filesystem_broker_folder_missing(client, settings, monkeypatch, tmp_path):
    monkeypatch.setenv("CELERY_BROKER_URL", "filesystem://")
    options = {**settings.CELERY_BROKER_TRANSPORT_OPTIONS, "data_folder_out": str(tmp_path / "gone")}
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = options

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["broker"] == "error"


@pytest.mark.django_db
def test_healthz_cache_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_healthz_database_down(client):
    # No django_db mark: pytest-django refuses every query, as a database that is down would.
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert "worker_heartbeat" not in response.json()


@pytest.mark.django_db
def test_healthz_ignores_host_and_https_redirect(client, settings):
    settings.ALLOWED_HOSTS = ["nieuws.voorbeeldstad.nl"]
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200


@pytest.mark.django_db
def test_healthz_other_pages_still_check_host(client, settings):
    settings.ALLOWED_HOSTS = ["nieuws.voorbeeldstad.nl"]

    assert client.get("/robots.txt", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_logging_one_line_per_event_with_level_and_logger(tmp_path):
    code = (
        "import django, logging; django.setup(); log = logging.getLogger('portal.example');"
        "log.warning('first\\nsecond');"
        "\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    log.exception('failed')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", "PORTAL_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "portal.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert " WARNING portal.example first | second" in lines[0]
    assert " ERROR portal.example failed | Traceback" in lines[1]
    assert "ZeroDivisionError" in lines[1]
