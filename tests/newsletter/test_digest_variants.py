"""Rendered variants stored once per edition in the database (variants.py): read instead of rendered again by
any other process, the same bytes as a fresh render, rendered again after a re-approval or a new release.

Transactional: two threads with their own connections race for one variant, as two worker processes do.
The same tests run on SQLite (`TEST_WITHOUT_SERVERS=1 make test ...`); the PostgreSQL-only one says so, and
`test_the_store_works_on_sqlite_in_another_process` runs the SQLite path in every run.
"""

import datetime
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.utils import timezone

from newsletter.models import Edition, EditionVariant, Subscriber
from newsletter.selectors import digest_audience_summary
from newsletter.services import EditionRenderer, digest_approve, digest_personal_parts, digest_reopen
from newsletter.services.digest import batch as batch_module
from newsletter.services.digest import delivery as delivery_module
from newsletter.services.digest.control import digest_send_cancel
from newsletter.services.digest.variants import variant_get_or_render
from newsletter.services.digest.workflow import digest_send_start
from newsletter.services.privacy import deliveries_apply_retention
from tests.support.delivery import approved_edition, subscribers_make

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


class _NoQueue:
    def delay(self, *args):
        pass


@pytest.fixture
def send(monkeypatch):
    """An approved edition, 40 subscribers in every kind of theme choice; no batch reaches a queue."""
    monkeypatch.setattr(delivery_module, "digest_batch_send_task", _NoQueue())
    edition, themes, empty = approved_edition()
    subscribers = subscribers_make(40, themes, empty_theme=empty)
    return edition, list(Subscriber.objects.filter(pk__in=[s.pk for s in subscribers]).prefetch_related("themes"))


def _choice(subscriber) -> dict:
    return {"all_themes": subscriber.all_themes, "theme_ids": [theme.pk for theme in subscriber.themes.all()]}


def _render_all(renderer, subscribers) -> dict[int, bytes]:
    """Each subscriber's complete message through `renderer` (None: nothing for them)."""
    out = {}
    for subscriber in subscribers:
        variant = renderer.variant_for(**_choice(subscriber))
        parts = digest_personal_parts(edition=renderer.edition, subscriber=subscriber)
        out[subscriber.pk] = variant and variant.message_bytes(parts)
    return out


def _same_boundary(messages: dict[int, bytes]) -> dict[int, bytes]:
    """The messages with their MIME boundary (random per render) replaced by one fixed string."""
    return {pk: message and re.sub(rb"={15}\d+==", b"=====BOUNDARY==", message) for pk, message in messages.items()}


def _fresh(pk: int) -> Edition:
    return Edition.objects.get(pk=pk)


def test_a_second_renderer_reads_every_variant_instead_of_rendering(send):
    edition, subscribers = send
    variants = digest_audience_summary(edition=edition).variants

    first = EditionRenderer(_fresh(edition.pk), stored=True)
    _render_all(first, subscribers)
    second = EditionRenderer(_fresh(edition.pk), stored=True)
    _render_all(second, subscribers)

    assert first.render_count == variants > 1
    assert second.render_count == 0 and second.variant_count == variants
    assert EditionVariant.objects.filter(edition=edition).count() == variants


def test_stored_variants_give_the_bytes_of_a_fresh_render_with_each_persons_parts(send, time_machine):
    time_machine.move_to("2027-04-01 08:00:00+02:00", tick=False)  # the Date header is the render's moment
    edition, subscribers = send
    _render_all(EditionRenderer(_fresh(edition.pk), stored=True), subscribers)
    cache.clear()  # the store is the database: emptying Redis loses nothing

    reader = EditionRenderer(_fresh(edition.pk), stored=True)
    stored = _render_all(reader, subscribers)
    fresh = _render_all(EditionRenderer(_fresh(edition.pk)), subscribers)

    assert reader.render_count == 0
    assert stored != fresh  # each render has its own MIME boundary; everything else is the same
    assert _same_boundary(stored) == _same_boundary(fresh)
    sent = [message for message in stored.values() if message]
    assert len(set(sent)) == len(sent) == len(subscribers) - 1  # personal: no two messages alike
    for subscriber in subscribers:
        if stored[subscriber.pk]:
            assert f"To: {subscriber.email}\r\n".encode() in stored[subscriber.pk]


def test_a_reapproved_edition_renders_again_with_its_new_content(send):
    edition, subscribers = send
    assert digest_send_start(edition_id=edition.pk)
    old = batch_module._renderer(_fresh(edition.pk))
    _render_all(old, subscribers)
    digest_send_cancel(edition=_fresh(edition.pk))
    edition = digest_reopen(edition=_fresh(edition.pk))
    Edition.objects.filter(pk=edition.pk).update(intro="<p>Een nieuwe inleiding na heropenen.</p>")
    digest_approve(edition=_fresh(edition.pk))

    new = batch_module._renderer(_fresh(edition.pk))
    messages = _render_all(new, subscribers)

    assert new is not old and new.render_count == old.render_count > 0
    assert all(b"Een nieuwe inleiding na heropenen." in message for message in messages.values() if message)
    versions = set(EditionVariant.objects.filter(edition=edition).values_list("version", flat=True))
    assert len(versions) == 1 and old._version not in versions  # the stale ones are gone


def test_a_new_release_renders_again(send, settings):
    edition, subscribers = send
    first = EditionRenderer(_fresh(edition.pk), stored=True)
    _render_all(first, subscribers)
    settings.DIGEST_NAME = "Nieuwsbrief na de nieuwe release"

    later = EditionRenderer(_fresh(edition.pk), stored=True)
    messages = _render_all(later, subscribers)

    assert later.render_count == first.render_count > 0
    assert all(b"Nieuwsbrief na de nieuwe release" in message for message in messages.values() if message)


def test_a_variant_stored_by_another_process_meanwhile_is_the_one_everybody_sends(send):
    """What SQLite, without an advisory lock, can meet: two processes render, the first row stays."""
    edition, _subscribers = send

    def render_while_another_stores():
        EditionVariant.objects.create(edition=edition, version="v1", key="1.2", nonce="theirs", message=b"first")
        return b"second", "mine"

    result = variant_get_or_render(edition_id=edition.pk, version="v1", key=(1, 2), render=render_while_another_stores)
    assert result == (b"first", "theirs", True)
    assert variant_get_or_render(edition_id=edition.pk, version="v1", key=(1, 2), render=None) == (
        b"first",
        "theirs",
        False,
    )


def test_two_connections_asking_at_once_render_once(send):
    if connection.vendor != "postgresql":
        pytest.skip("the advisory lock is PostgreSQL's; on SQLite both may render (the previous test)")
    edition, _subscribers = send
    renders, results, start = [], [], threading.Barrier(2)

    def render():
        renders.append(1)
        time.sleep(0.5)  # long enough for the other thread to reach the lock
        return b"message", "nonce"

    def worker():
        try:
            start.wait()
            results.append(variant_get_or_render(edition_id=edition.pk, version="v", key=(3,), render=render))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(renders) == 1
    assert sorted(result[2] for result in results) == [False, True]
    assert {result[:2] for result in results} == {(b"message", "nonce")}


def test_variants_go_with_the_delivery_rows_at_retention(send):
    edition, subscribers = send
    assert digest_send_start(edition_id=edition.pk)
    _render_all(batch_module._renderer(_fresh(edition.pk)), subscribers)
    finished = timezone.now()
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENT, finished_at=finished)

    deliveries_apply_retention(now=finished + datetime.timedelta(days=89))
    assert EditionVariant.objects.filter(edition=edition).exists()  # a retry of failed rows still reads them
    deliveries_apply_retention(now=finished + datetime.timedelta(days=91))
    assert not EditionVariant.objects.filter(edition=edition).exists()


SQLITE_SCRIPT = """
import hashlib
import json
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from newsletter.models import EditionVariant, Subscriber
from newsletter.services import EditionRenderer, digest_personal_parts
from tests.support.delivery import approved_edition, subscribers_make

edition, themes, empty = approved_edition()
subscribers_make(30, themes, empty_theme=empty)
out = {}
for name in ("first", "second"):
    renderer = EditionRenderer(type(edition).objects.get(pk=edition.pk), stored=True)
    messages = []
    for subscriber in Subscriber.objects.prefetch_related("themes"):
        choice = {"all_themes": subscriber.all_themes, "theme_ids": [t.pk for t in subscriber.themes.all()]}
        variant = renderer.variant_for(**choice)
        if variant:
            messages.append(variant.message_bytes(digest_personal_parts(edition=edition, subscriber=subscriber)))
    out[name] = {"renders": renderer.render_count, "variants": renderer.variant_count, "messages": len(messages)}
    out[name + "_hash"] = hashlib.sha256(b"".join(messages)).hexdigest()
out["stored"] = EditionVariant.objects.count()
print(json.dumps(out))
"""


def test_the_store_works_on_sqlite_in_another_process(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "filesystem://",
        "CELERY_BROKER_DIR": str(tmp_path / "broker"),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", SQLITE_SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])

    assert out["first"]["renders"] == out["first"]["variants"] == out["stored"] > 1
    assert out["second"]["renders"] == 0 and out["second"]["variants"] == out["stored"]
    assert out["first"]["messages"] == out["second"]["messages"] == 29
    assert out["first_hash"] == out["second_hash"]
