from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Nieuwsbrief")

    def ready(self):
        # The receiver of the email provider's bounce and complaint reports (django-anymail's tracking signal).
        from newsletter import webhooks  # noqa: F401
