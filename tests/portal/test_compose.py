"""docker-compose.yml, Dockerfile and .env.example agree with each other and with settings.py.

There is no Docker engine on our machines: the compose file is parsed, and the web command runs natively.
"""

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("web", "worker", "beat")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def documented() -> set[str]:
    """Variable names in .env.example, set (NAME=) or shown with their default (# NAME=)."""
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))


def command_text(service: dict) -> str:
    command = service["command"]
    return " ".join(command) if isinstance(command, list) else command


def test_compose_has_the_six_services(compose):
    assert set(compose["services"]) == {"db", "broker", "cache", "web", "worker", "beat"}
    assert compose["services"]["db"]["image"] == "postgres:16"
    assert compose["services"]["broker"]["image"] == compose["services"]["cache"]["image"] == "redis:7"


def _redis_options(service: dict) -> dict:
    command = service["command"]
    assert command[0] == "redis-server"
    return dict(zip(command[1::2], command[2::2], strict=True))


def test_compose_broker_redis_keeps_every_task(compose):
    options = _redis_options(compose["services"]["broker"])

    assert options["--appendonly"] == "yes"
    assert options["--maxmemory-policy"] == "noeviction"


def test_compose_cache_redis_is_bounded_and_evicts(compose):
    options = _redis_options(compose["services"]["cache"])

    assert options["--maxmemory-policy"] == "allkeys-lru"
    assert options["--maxmemory"] == "${CACHE_MAXMEMORY:-256mb}"
    assert options["--appendonly"] == "no"
    assert "volumes" not in compose["services"]["cache"]


@pytest.mark.parametrize("name", ["db", "broker", "cache", "web", "worker", "beat"])
def test_compose_service_has_healthcheck(compose, name):
    healthcheck = compose["services"][name]["healthcheck"]

    assert healthcheck["test"][0] in {"CMD", "CMD-SHELL"}
    assert healthcheck["interval"]
    assert healthcheck["retries"] >= 3


def test_compose_web_migrates_then_runs_gunicorn_gthread(compose):
    command = command_text(compose["services"]["web"])

    assert command.index("manage.py migrate --noinput") < command.index("exec gunicorn portal.wsgi:application")
    assert "--worker-class gthread" in command
    assert "--no-control-socket" in command
    assert "/healthz" in " ".join(compose["services"]["web"]["healthcheck"]["test"])


def test_compose_worker_consumes_both_queues(compose):
    assert command_text(compose["services"]["worker"]).startswith("celery -A portal worker -Q default,digest")


def test_compose_beat_runs_beat(compose):
    assert command_text(compose["services"]["beat"]).startswith("celery -A portal beat")
    assert "heartbeat_check" in compose["services"]["beat"]["healthcheck"]["test"]


@pytest.mark.parametrize("name", APP_SERVICES)
def test_compose_app_services_share_one_env_file_and_production(compose, name):
    service = compose["services"][name]

    assert service["env_file"] == ".env"
    assert service["environment"]["DJANGO_ENV"] == "production"
    assert service["environment"]["DATABASE_URL"].startswith("postgres://")
    assert service["environment"]["CELERY_BROKER_URL"].endswith("redis://broker:6379/0}")
    assert service["environment"]["REDIS_URL"].endswith("redis://cache:6379/0}")
    for dependency in ("db", "broker", "cache"):
        assert service["depends_on"][dependency]["condition"] == "service_healthy"


def test_compose_variables_are_documented(documented):
    text = (ROOT / "docker-compose.yml").read_text()
    # ${VAR}, ${VAR:-default}, ${VAR:?message}; $${VAR} is escaped for the container shell.
    used = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", text))

    assert used
    assert used - documented == set()


def test_settings_variables_are_documented(documented):
    text = (ROOT / "portal" / "settings.py").read_text()
    read = set(re.findall(r"(?:env\.\w+|Env\(\)\.\w+|_require)\(\s*\"([A-Z][A-Z0-9_]*)\"", text))

    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "EMAIL_URL", "DJANGO_STATICFILES_STORAGE"} <= read
    assert read - documented == set()


def test_dockerfile_builds_slim_non_root_image_with_static_files():
    text = (ROOT / "Dockerfile").read_text()

    assert text.startswith("#") and "\nFROM python:3.12-slim\n" in text
    assert "collectstatic --noinput" in text
    users = re.findall(r"^USER (\S+)", text, flags=re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def native_web_command(compose: dict, port: int) -> str:
    """The compose web command with compose's ${VAR:-default} expanded and bound to a loopback port."""
    command = compose["services"]["web"]["command"][-1]
    command = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", command).replace("$$", "$")
    assert "0.0.0.0:8000" in command
    return command.replace("0.0.0.0:8000", f"127.0.0.1:{port}")


def get_healthz(url: str, process: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (http://127.0.0.1 only)
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except OSError:
            time.sleep(0.2)
    return 0, ""


def test_compose_web_command_runs_natively(compose, tmp_path):
    port = free_port()
    venv_bin = Path(sys.executable).parent
    env = {"PATH": f"{venv_bin}:/usr/bin:/bin", "HOME": str(tmp_path), "PORTAL_VAR_DIR": str(tmp_path / "var")}
    log = (tmp_path / "web.log").open("wb")
    process = subprocess.Popen(
        ["sh", "-c", native_web_command(compose, port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        status, body = get_healthz(f"http://127.0.0.1:{port}/healthz", process)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)
        log.close()

    output = (tmp_path / "web.log").read_text()
    assert status == 200, output
    assert '"database": "ok"' in body
    assert "Booting worker with pid" in output
    assert process.returncode == 0, output
