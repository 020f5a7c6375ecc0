"""Production static files: hashed names and compressed copies served by WhiteNoise (issue #4)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.templatetags.static import static
from django.test import Client
url = static("css/site.css")
plain = Client().get(url)
brotli = Client().get(url, headers={"accept-encoding": "br"})
print(json.dumps({
    "url": url,
    "status": plain.status_code,
    "cache": plain.headers.get("Cache-Control", ""),
    "encoding": brotli.headers.get("Content-Encoding", ""),
}))
"""


def test_production_static_files_have_hashed_names_and_compressed_copies(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_DEBUG": "false",
        "PORTAL_VAR_DIR": str(tmp_path / "var"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert list((tmp_path / "static" / "css").glob("site.*.css.br"))
    assert list((tmp_path / "static" / "css").glob("site.*.css.gz"))

    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, check=True, timeout=120, capture_output=True, text=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])

    assert result["url"].startswith("/static/css/site.") and result["url"] != "/static/css/site.css"
    assert result["status"] == 200
    assert "immutable" in result["cache"]
    assert result["encoding"] == "br"
