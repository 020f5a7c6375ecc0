"""django-axes under a Dutch name in the admin (its app label, tables and URLs stay 'axes')."""

from axes.apps import AppConfig as AxesAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "Aanmeldbeveiliging"
