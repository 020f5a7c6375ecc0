"""Users in the editor groups, for the news admin and permission tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from news.services import groups_sync


def editor_user(group_name: str, username: str | None = None):
    """A staff user in `group_name` ('Redacteur' or 'Eindredacteur'), groups synchronised first."""
    groups_sync()
    user = get_user_model().objects.create_user(username=username or group_name.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)  # fresh: no cached permissions


def editor_client(client, group_name: str, *, email: str | None = None):
    """`client` logged in as a new user of `group_name` (the user is `client.user`); `email` gives it an address."""
    user = editor_user(group_name)
    if email:
        user.email = email
        user.save()
    client.force_login(user)
    client.user = user
    return client


BROWSER_PASSWORD = "Nieuwsbrief-beheer-2026"


def editor_browser_login(page, settings, group_name: str = "Eindredacteur"):
    """`page` logged in to the admin through its login form as a new staff user of `group_name`."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
    user = editor_user(group_name)
    user.set_password(BROWSER_PASSWORD)
    user.save()
    page.visit("/beheer/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(BROWSER_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    return page
