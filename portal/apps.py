from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.security import checks, sessions  # noqa: F401 (deploy checks, the session clock at login)
