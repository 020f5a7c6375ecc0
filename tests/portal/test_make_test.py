"""scripts/test.sh starts its own PostgreSQL and Redis, returns pytest's exit code and stops what it started."""

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (glob.glob("/usr/lib/postgresql/*/bin/initdb") and shutil.which("redis-server")),
    reason="needs Debian's postgresql and redis-server installed",
)


def run_test_script(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_", "TEST_WITHOUT_SERVERS"))}
    return subprocess.run(
        ["bash", "scripts/test.sh", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env={**env, "CI": "true"},
        capture_output=True,
        text=True,
        timeout=600,
    )


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/status").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()


def test_make_test_runs_on_postgres_and_redis_then_stops_them():
    result = run_test_script("tests/portal/test_smoke.py", "-q")

    assert result.returncode == 0, result.stdout + result.stderr
    pg_data = re.search(r"PostgreSQL [\d.]+ on 127\.0\.0\.1:\d+ \(data in (\S+)\)", result.stderr).group(1)
    redis_pid = int(re.search(r"Redis [\d.]+ on 127\.0\.0\.1:\d+ \(pid (\d+)\)", result.stderr).group(1))
    assert not Path(pg_data).exists()
    assert not alive(redis_pid)
    assert "1 passed" in result.stdout


def test_make_test_returns_pytest_exit_code_and_cleans_up():
    result = run_test_script("tests/portal/test_smoke.py", "-q", "-k", "no_such_test")

    assert result.returncode == 5  # pytest: no tests collected
    redis_pid = int(re.search(r"\(pid (\d+)\)", result.stderr).group(1))
    assert not alive(redis_pid)
