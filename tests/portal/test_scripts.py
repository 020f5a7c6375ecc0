"""The setup scripts refuse what cannot work, with a message that says what to do."""

import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def old_python() -> str | None:
    for candidate in ("python3.11", "python3.10", *sorted(Path.home().glob(".pyenv/versions/3.1[01]*/bin/python"))):
        found = shutil.which(candidate) or (str(candidate) if Path(candidate).exists() else None)
        if found:
            return found
    return None


def test_venv_script_refuses_old_python(tmp_path):
    python = old_python()
    if python is None:
        pytest.skip("no Python older than 3.12 on this machine")
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts")

    result = subprocess.run(
        ["bash", "scripts/venv.sh"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHON": python},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert "portal needs Python 3.12 or newer" in result.stderr
    assert not (tmp_path / ".venv").exists()


@pytest.mark.django_db
def test_ensure_editor_creates_then_refreshes_account(tmp_path, capsys):
    password_file = tmp_path / "demo-password"
    call_command("ensure_editor", password_file=str(password_file))
    user = get_user_model().objects.get(username="redactie")
    user.set_password("iets-anders-123")
    user.is_active = False
    user.save()

    call_command("ensure_editor", password_file=str(password_file))

    user.refresh_from_db()
    password = password_file.read_text().strip()
    assert user.check_password(password)
    assert user.is_active
    assert user.is_staff
    assert get_user_model().objects.filter(username="redactie").count() == 1
    output = capsys.readouterr().out
    assert "Eindredacteur-account aangemaakt: gebruikersnaam redactie" in output
    assert f"Eindredacteur-account bijgewerkt: gebruikersnaam redactie, wachtwoord {password}" in output


@pytest.mark.django_db
def test_ensure_editor_joins_editor_group(tmp_path):
    group, _ = Group.objects.get_or_create(name="Eindredacteur")

    call_command("ensure_editor", password_file=str(tmp_path / "pw"))

    user = get_user_model().objects.get(username="redactie")
    assert group in user.groups.all()
    assert not user.is_superuser


@pytest.mark.django_db
def test_ensure_editor_without_group_is_superuser(tmp_path):
    Group.objects.filter(name="Eindredacteur").delete()

    call_command("ensure_editor", password_file=str(tmp_path / "pw"))

    assert get_user_model().objects.get(username="redactie").is_superuser


def test_demo_procfile_runs_web_worker_and_beat():
    processes = dict(
        line.split(": ", 1) for line in (ROOT / "Procfile.demo").read_text().splitlines() if line and line[0] != "#"
    )

    assert set(processes) == {"web", "worker", "beat"}
    assert "runserver --noreload 127.0.0.1:$PORT" in processes["web"]
    assert "celery -A portal worker -Q default,digest" in processes["worker"]
    assert '--schedule "${PORTAL_VAR_DIR:-var}/celerybeat-schedule"' in processes["beat"]


def test_demo_script_refuses_busy_port(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {"PATH": "/usr/bin:/bin", "PORT": str(port), "PORTAL_VAR_DIR": str(tmp_path)}
        result = subprocess.run(
            ["bash", "scripts/demo.sh"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )

    assert result.returncode == 1
    assert f"Port {port} is in use" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists()
