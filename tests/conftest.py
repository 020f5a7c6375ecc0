"""Root conftest: shared fixtures live in tests/plugins/ and are registered here."""

import pytest

pytest_plugins = ["tests.plugins.worker", "tests.plugins.smtp", "tests.plugins.browser", "tests.plugins.markers"]


def _db_order(item: pytest.Item) -> int:
    """0: database test in a rolled-back transaction, 1: transactional (flushes all tables), 2: no database."""
    marker = item.get_closest_marker("django_db")
    names = item.fixturenames
    flag = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    positional = bool(marker and marker.args and marker.args[0])
    if flag or positional or "transactional_db" in names or "live_server" in names:
        return 1
    return 0 if marker is not None or "db" in names else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run plain database tests before transactional ones, as pytest-django orders them.

    pytest's own reordering for session-scoped parametrized fixtures (the browser's) runs after
    pytest-django's sort and mixes the groups again. A transactional test empties every table when it
    ends, also the rows that data migrations made (consent text, editor groups), so a plain database
    test after it would miss them. The sort is stable: fixture grouping within each group stays.
    """
    items.sort(key=_db_order)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Start and leave every test with an empty cache (locmem or the test run's own Redis)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
