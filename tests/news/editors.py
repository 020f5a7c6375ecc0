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
