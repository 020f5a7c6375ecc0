"""The servers a benchmark run starts on loopback, and how exactly those (and nothing else) are stopped.

A `Stack` remembers every process it started; `Stack.stop()` stops them newest first, by PID (PostgreSQL
with `pg_ctl stop` on its own data directory). Children run in their own session, so a Ctrl-C reaches only
the benchmark, which then stops them in its `finally`.
"""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def say(message: str) -> None:
    """Progress on stderr: stdout is kept for the summary and the JSON line."""
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen | None = None, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode} before listening on {port}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def is_root() -> bool:
    return os.geteuid() == 0


def apt_install(*packages: str) -> None:
    if not is_root() or not shutil.which("apt-get"):
        raise RuntimeError(f"{' '.join(packages)} missing and cannot be installed (not root or no apt-get)")
    say(f"installing {' '.join(packages)} with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env, check=True)


def cache_dir() -> Path:
    """Where downloads that outlive a run are kept (the smtp-sink binary)."""
    base = os.environ.get("BENCH_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "portal-bench"
    )
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def smtp_sink_binary() -> Path:
    """Postfix's smtp-sink, taken from Debian's postfix package (downloaded, extracted, not installed)."""
    target = cache_dir() / "postfix"
    binary = target / "usr/sbin/smtp-sink"
    if binary.exists():
        return binary
    say("fetching smtp-sink: apt-get download postfix + dpkg-deb -x (postfix is not installed)")
    download = cache_dir() / "deb"
    download.mkdir(exist_ok=True)
    fetch = ["apt-get", "download", "postfix"]
    if subprocess.run(fetch, cwd=download, check=False, capture_output=True).returncode != 0:
        if is_root():  # a fresh machine may have no package lists yet
            subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(fetch, cwd=download, check=True, capture_output=True)
    debs = sorted(download.glob("postfix_*.deb"))
    if not debs:
        raise RuntimeError("apt-get download postfix produced no .deb")
    subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(target)], check=True)
    return binary


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        apt_install("wrk")
    return shutil.which("wrk") or "wrk"


def pg_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if not found:
        apt_install("postgresql")
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    return Path(found[-1])


@dataclass
class Stack:
    """Processes started by this run, stopped newest first."""

    run_dir: Path
    procs: list[tuple[str, subprocess.Popen]] = field(default_factory=list)
    pg_data: Path | None = None
    pg_bin: Path | None = None

    def _as_postgres(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if is_root() else []

    def spawn(self, name: str, args: list[str], *, env=None, log: str | None = None, **kwargs) -> subprocess.Popen:
        out = open(self.run_dir / (log or f"{name}.log"), "ab")
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, **kwargs)
        out.close()
        self.procs.append((name, proc))
        return proc

    def postgres(self) -> str:
        """Start a throwaway cluster; return its DATABASE_URL."""
        self.pg_bin = pg_bindir()
        data = self.run_dir / "pg"
        data.mkdir()
        if is_root():
            subprocess.run(["chown", "-R", "postgres:", str(self.run_dir)], check=True)
        port = free_port()
        initdb = [str(self.pg_bin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
        subprocess.run(
            [*self._as_postgres(), *initdb, "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True
        )
        self.pg_data = data
        options = (
            f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
            "-c synchronous_commit=off -c max_connections=200 -c shared_buffers=256MB"
        )
        ctl = [str(self.pg_bin / "pg_ctl"), "-D", str(data), "-l", str(self.run_dir / "postgres.log"), "-w"]
        subprocess.run([*self._as_postgres(), *ctl, "-o", options, "start"], check=True, capture_output=True)
        create = [str(self.pg_bin / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "portal"]
        subprocess.run(create, check=True)
        return f"postgres://postgres@127.0.0.1:{port}/portal"

    def redis(self) -> str:
        if not shutil.which("redis-server"):
            apt_install("redis-server")
        port = free_port()
        (self.run_dir / "redis").mkdir()
        args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        proc = self.spawn("redis", [*args, "--dir", str(self.run_dir / "redis")])
        wait_port(port, proc)
        return f"redis://127.0.0.1:{port}"

    def smtp_sink(self) -> tuple[int, Path]:
        """Start smtp-sink; return its port and the file its message counter goes to."""
        binary = smtp_sink_binary()
        port = free_port()
        env = {**os.environ, "LD_LIBRARY_PATH": str(binary.parent.parent / "lib/postfix")}
        counter = self.run_dir / "smtp-sink.count"
        user = ["-u", "nobody"] if is_root() else []
        proc = self.spawn(
            "smtp-sink", [str(binary), *user, "-c", f"127.0.0.1:{port}", "1000"], env=env, log=counter.name
        )
        wait_port(port, proc)
        return port, counter

    def gunicorn(self, name: str, env: dict, port: int) -> subprocess.Popen:
        args = [PY, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        args += ["--worker-class", "gthread", "--workers", "2", "--threads", "4", "--no-control-socket"]
        proc = self.spawn(name, args, env=env, cwd=ROOT)
        wait_port(port, proc)
        return proc

    def celery_worker(self, name: str, env: dict, *, queue: str, concurrency: int) -> subprocess.Popen:
        """Start a prefork worker and wait until it consumes (it logs "ready." at INFO)."""
        args = [PY, "-m", "celery", "-A", "portal", "worker", "-Q", queue, "-c", str(concurrency), "-n", f"{name}@%h"]
        args += ["--pool", "prefork", "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", "INFO"]
        env = {**env, "DJANGO_LOG_LEVEL": "INFO", "PYTHONUNBUFFERED": "1"}
        proc = self.spawn(name, args, env=env, cwd=ROOT)
        log = self.run_dir / f"{name}.log"
        deadline = time.monotonic() + 90
        while " ready." not in log.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"celery worker {name} did not start (exit {proc.poll()}): see {log}")
            time.sleep(0.1)
        return proc

    def stop_one(self, proc: subprocess.Popen, timeout: float = 15.0) -> None:
        """Stop one process this stack started: SIGTERM, then SIGKILL; its children go with it (own group)."""
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs = [(n, p) for n, p in self.procs if p is not proc]

    def stop(self) -> None:
        for _name, proc in reversed(list(self.procs)):
            self.stop_one(proc)
        if self.pg_data is not None and (self.pg_data / "postmaster.pid").exists():
            ctl = [str(self.pg_bin / "pg_ctl"), "-D", str(self.pg_data), "-m", "immediate", "-w", "stop"]
            subprocess.run([*self._as_postgres(), *ctl], check=False, capture_output=True)
        self.pg_data = None


def sink_count(counter: Path) -> int:
    """Messages smtp-sink accepted so far: the last `mesg=N` its -c counter wrote."""
    try:
        with open(counter, "rb") as handle:
            handle.seek(max(0, os.path.getsize(counter) - 200))
            tail = handle.read().decode(errors="replace")
    except FileNotFoundError:
        return 0
    records = [part for part in tail.replace("\n", "\r").split("\r") if "mesg=" in part]
    return int(records[-1].rsplit("mesg=", 1)[1].split()[0]) if records else 0
