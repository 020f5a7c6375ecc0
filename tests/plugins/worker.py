"""Real Celery worker processes for integration tests (owner: infra, issue #2).

A worker started here is the real ``celery -A portal worker -Q default,digest`` command in a subprocess,
pointed at the test database (by ``DATABASE_URL`` built from the test connection) and at a broker shared
with the test process. While a broker fixture is active, the test process's Celery app publishes to that
broker, so ``task.delay()`` / ``delay_on_commit()`` called by the code under test (the "web process", e.g.
through the Django test ``client``) reaches the worker. Never use ``task_always_eager`` instead.

Fixtures
- ``celery_worker_process``: one running worker (``WorkerProcess``), stopped after the test.
  It needs committed data, so it uses ``transactional_db``.
- ``celery_worker_factory``: ``start(env=None, queues="default,digest") -> WorkerProcess`` for tests that
  need their own settings in the worker (``env={"EMAIL_URL": "smtp://127.0.0.1:PORT"}``) or several
  workers. Every worker it started is stopped after the test.
- ``celery_broker``: the shared broker (``Broker``). Default: the run's Redis when ``CELERY_BROKER_URL`` is
  a redis:// URL (as under ``make test``; a dedicated, flushed database number), else a filesystem broker
  in a fresh temporary folder. Choose explicitly with indirect parametrization; "redis" is skipped when
  the run has no Redis and fails when ``CI=true``::

      @pytest.mark.parametrize("celery_broker", ["filesystem", "redis"], indirect=True)

``WorkerProcess`` has ``wait_for(predicate, timeout=30)`` (polls until ``predicate()`` is truthy, fails
with the worker's log otherwise), ``stop()`` (warm shutdown), ``kill()`` (SIGKILL, for "worker killed
mid-send" tests), ``pid``, ``log()``, ``env`` and ``broker``.

Example::

    pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

    def test_subscription_mail_sent_by_worker(celery_worker_process, client):
        client.post(reverse("newsletter:subscribe"), {...})
        celery_worker_process.wait_for(lambda: Delivery.objects.filter(status="sent").exists())
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

READY_MARK = " ready."
START_TIMEOUT = 60


@dataclass
class Broker:
    """A broker URL plus the env a worker needs to reach it."""

    kind: str
    url: str
    env: dict = field(default_factory=dict)
    transport_options: dict = field(default_factory=dict)


@dataclass
class WorkerProcess:
    popen: subprocess.Popen
    log_path: Path
    env: dict
    broker: Broker

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Block until the worker logs that it consumes, or fail with its log."""
        self.wait_for(lambda: READY_MARK in self.log(), timeout=timeout, what="the worker to start")

    def wait_for(self, predicate: Callable[[], object], timeout: float = 30, what: str = "the condition") -> None:
        """Poll `predicate` until it is truthy; fail with the worker log on timeout or worker exit."""
        deadline = time.monotonic() + timeout
        while True:
            if predicate():
                return
            if self.popen.poll() is not None:
                pytest.fail(f"worker exited with {self.popen.returncode} waiting for {what}:\n{self.log()}")
            if time.monotonic() > deadline:
                pytest.fail(f"timed out after {timeout}s waiting for {what}; worker log:\n{self.log()}")
            time.sleep(0.1)

    def stop(self, timeout: float = 30) -> None:
        """Warm shutdown (SIGTERM), then SIGKILL if it does not exit in time. Idempotent."""
        if self.popen.poll() is not None:
            return
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL the worker (its unacknowledged task stays on the broker). Idempotent."""
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait()


def database_url(settings_dict: dict) -> str:
    """Build a DATABASE_URL (django-environ syntax) for the connection's current database."""
    engine = settings_dict["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        return f"sqlite:///{Path(settings_dict['NAME']).resolve()}"
    if engine == "django.db.backends.postgresql":
        user = quote(settings_dict.get("USER") or "", safe="")
        password = quote(settings_dict.get("PASSWORD") or "", safe="")
        auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        host = settings_dict.get("HOST") or "localhost"
        port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
        return f"postgres://{auth}{host}{port}/{quote(settings_dict['NAME'], safe='')}"
    raise NotImplementedError(f"no DATABASE_URL for {engine}")


def _filesystem_broker(folder: Path) -> Broker:
    for sub in ("queue", "processed", "control"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    options = {
        "control_folder": str(folder / "control"),
        "data_folder_in": str(folder / "queue"),
        "data_folder_out": str(folder / "queue"),
        "processed_folder": str(folder / "processed"),
        "store_processed": False,
    }
    return Broker("filesystem", "filesystem://", {"CELERY_BROKER_DIR": str(folder)}, options)


def _run_redis_url() -> str:
    """The run's Redis server: from CELERY_BROKER_URL if it is Redis, else REDIS_URL; '' if none."""
    from django.conf import settings

    for url in (settings.CELERY_BROKER_URL, settings.REDIS_URL):
        if url.startswith(("redis://", "rediss://")):
            return url
    return ""


def _redis_broker() -> Broker:
    url = _run_redis_url()
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but the run has no Redis (set CELERY_BROKER_URL or REDIS_URL; make test does)")
        pytest.skip("no Redis in this run (make test starts one)")
    # Database 15 of the run's server, flushed: messages left by earlier tests never reach this worker.
    url = urlunsplit(urlsplit(url)._replace(path="/15"))
    import redis

    redis.Redis.from_url(url).flushdb()
    return Broker("redis", url, {}, {"visibility_timeout": 3600})


def _reset_connections() -> None:
    """Drop the Celery app's pooled connections so the next publish uses the current broker settings."""
    from kombu import pools

    from portal.celery import app

    pools.reset()  # closes and forgets kombu's global connection and producer pools
    app._after_fork()  # what Celery itself does to its pool references after a fork


@pytest.fixture
def celery_broker(request, tmp_path, monkeypatch) -> Iterator[Broker]:
    from portal.celery import app

    kind = getattr(request, "param", None) or ("redis" if _run_redis_url() else "filesystem")
    broker = _redis_broker() if kind == "redis" else _filesystem_broker(tmp_path / "broker")
    # Celery reads the CELERY_BROKER_URL environment variable before its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", broker.url)
    monkeypatch.setitem(app.conf, "broker_url", broker.url)
    monkeypatch.setitem(app.conf, "broker_transport_options", broker.transport_options)
    _reset_connections()
    yield broker
    monkeypatch.undo()
    _reset_connections()
    if broker.kind == "redis":
        import redis

        redis.Redis.from_url(broker.url).flushdb()


@pytest.fixture
def celery_worker_factory(transactional_db, celery_broker, tmp_path) -> Iterator[Callable[..., WorkerProcess]]:
    from django.db import connection

    started: list[WorkerProcess] = []

    def start(env: dict | None = None, queues: str = "default,digest") -> WorkerProcess:
        full_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": database_url(connection.settings_dict),
            "CELERY_BROKER_URL": celery_broker.url,
            "PYTHONUNBUFFERED": "1",
            **celery_broker.env,
            **(env or {}),
        }
        log_path = tmp_path / f"worker-{len(started)}.log"
        command = [
            *(sys.executable, "-m", "celery", "-A", "portal", "worker", "-Q", queues),
            *("--pool", "solo", "--loglevel", "INFO", "--hostname", f"test-{uuid.uuid4().hex[:8]}@%h"),
            *("--without-gossip", "--without-mingle", "--without-heartbeat"),
        ]
        with log_path.open("wb") as log:
            popen = subprocess.Popen(
                command, env=full_env, stdout=log, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[2]
            )
        worker = WorkerProcess(popen, log_path, full_env, celery_broker)
        started.append(worker)
        worker.wait_ready()
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def celery_worker_process(celery_worker_factory) -> WorkerProcess:
    return celery_worker_factory()
