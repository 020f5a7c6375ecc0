"""No CKEditor 4 anywhere: it is end of life with unfixed XSS (see README, 'Why django-prose-editor')."""

import importlib.metadata
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
CKEDITOR_4 = re.compile(rb"CKEDITOR\.version\s*=\s*['\"]4\.|CKEDITOR\s*=.*version:\s*['\"]4\.")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_no_installed_distribution_is_django_ckeditor():
    names = {_canonical(dist.metadata["Name"] or "") for dist in importlib.metadata.distributions()}

    assert "django-ckeditor" not in names
    assert not any(name.startswith("django-ckeditor") for name in names)
    assert not any("ckeditor" in app for app in settings.INSTALLED_APPS)


def test_no_installed_distribution_ships_a_ckeditor_script():
    found = []
    for dist in importlib.metadata.distributions():
        for file in dist.files or []:
            if file.name.lower() == "ckeditor.js" or "/ckeditor/" in str(file).lower().replace("\\", "/"):
                found.append(f"{dist.metadata['Name']}: {file}")

    assert found == []


def test_our_static_files_hold_no_ckeditor_4():
    found = []
    for folder in (ROOT / "static", *(ROOT / app / "static" for app in ("news", "newsletter", "portal"))):
        for path in folder.rglob("*.js") if folder.exists() else []:
            if path.name.lower().startswith("ckeditor") or CKEDITOR_4.search(path.read_bytes()):
                found.append(str(path.relative_to(ROOT)))

    assert found == []


def test_the_ckeditor_4_check_would_notice_it():
    assert CKEDITOR_4.search(b'window.CKEDITOR||(window.CKEDITOR=function(){};CKEDITOR.version="4.22.1"')
