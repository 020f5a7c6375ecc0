"""Markers set by what a test is, not by hand: `slow` for browser tests and hypothesis fuzz tests.

`make test ARGS="-m 'not slow'"` is the quick local run; CI runs everything. A test is slow when it uses
the session's Chromium (the ``browser`` fixture, also through ``page`` and ``axe_page``) or is a
hypothesis test (hundreds of generated examples).
"""

import pytest
from hypothesis import is_hypothesis_test


def is_slow(item: pytest.Item) -> bool:
    return "browser" in getattr(item, "fixturenames", ()) or is_hypothesis_test(getattr(item, "obj", None))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark slow tests before pytest's own collection hook deselects by `-m`."""
    for item in items:
        if is_slow(item):
            item.add_marker(pytest.mark.slow)
