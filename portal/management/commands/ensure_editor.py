"""Create or refresh the demo editor account. Idempotent: a second run resets the same account."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext

EDITOR_GROUP = "Eindredacteur"


class Command(BaseCommand):
    help = "Create or refresh an editor account for the demo and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="redactie")
        parser.add_argument("--email", default="redactie@example.nl")
        parser.add_argument(
            "--password-file",
            default=None,
            help="File that keeps the password between runs (default: var/demo-password); created when missing.",
        )

    def handle(self, *args, username, email, password_file, **options):
        path = Path(password_file) if password_file else settings.VAR_DIR / "demo-password"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(12))
            path.chmod(0o600)
        password = path.read_text().strip()

        with transaction.atomic():
            user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
            user.email = email
            user.is_active = True
            user.is_staff = True
            user.set_password(password)
            group = Group.objects.filter(name=EDITOR_GROUP).first()
            # Without the editors' group (its data migration not there yet) a superuser keeps the admin usable.
            user.is_superuser = group is None
            user.save()
            if group is not None:
                user.groups.add(group)

        if created:
            message = gettext("Eindredacteur-account aangemaakt: gebruikersnaam %(username)s, wachtwoord %(password)s")
        else:
            message = gettext("Eindredacteur-account bijgewerkt: gebruikersnaam %(username)s, wachtwoord %(password)s")
        role = gettext("groep %(group)s") % {"group": EDITOR_GROUP} if group else gettext("beheerder")
        self.stdout.write(f"{message % {'username': username, 'password': password}} ({role})")
