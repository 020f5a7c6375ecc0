from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Sample content for `make demo` and the tests; portal/settings.py installs it outside production only."""

    name = "demo"
    verbose_name = _("Voorbeeldinhoud")
