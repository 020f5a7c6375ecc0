"""Root conftest: shared fixtures live in tests/plugins/ and are registered here."""

pytest_plugins = ["tests.plugins.worker", "tests.plugins.smtp", "tests.plugins.browser"]
