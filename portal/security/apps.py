"""Third-party apps under Dutch names in the admin (their app labels, tables and URLs stay the same)."""

from axes.apps import AppConfig as AxesAppConfig
from django_otp.plugins.otp_static.apps import DefaultConfig as OTPStaticDefaultConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as OTPTOTPDefaultConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "Aanmeldbeveiliging"


class OTPTOTPConfig(OTPTOTPDefaultConfig):
    verbose_name = "Tweestapsverificatie: authenticator-apps"


class OTPStaticConfig(OTPStaticDefaultConfig):
    verbose_name = "Tweestapsverificatie: herstelcodes"
