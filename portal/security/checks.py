"""Deploy checks for the defences that settings can switch off (manage.py check --deploy)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_staff_two_factor(app_configs, **kwargs):
    """Warn when production runs without the second login step for staff."""
    if settings.PRODUCTION and not settings.STAFF_REQUIRE_2FA:
        return [
            Warning(
                "STAFF_REQUIRE_2FA is off in production: staff log in to the admin with a password only.",
                hint="Remove STAFF_REQUIRE_2FA=false from the environment.",
                id="portal.W001",
            )
        ]
    return []
