"""Root conftest: shared fixtures live in tests/plugins/ and are registered here."""

import pytest

pytest_plugins = ["tests.plugins.worker", "tests.plugins.smtp", "tests.plugins.browser"]


@pytest.fixture(autouse=True)
def _clear_cache():
    """Start and leave every test with an empty cache (locmem or the test run's own Redis)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
