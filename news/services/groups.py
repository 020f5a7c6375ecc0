"""The two editor groups and their permissions."""

import logging

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models import Q

logger = logging.getLogger(__name__)

EDITOR_GROUP = "Redacteur"
CHIEF_EDITOR_GROUP = "Eindredacteur"

# Write and submit for review; reading themes and contact points to pick them. No publishing, no deleting.
EDITOR_PERMISSIONS = (
    "add_article",
    "change_article",
    "view_article",
    "add_articlelink",
    "change_articlelink",
    "delete_articlelink",
    "view_articlelink",
    "add_document",
    "change_document",
    "view_document",
    "view_theme",
    "view_contactpoint",
    "view_auditentry",
)
# The Redacteur may look at the monthly digest's editions (review, preview), not change or send them.
EDITOR_NEWSLETTER_PERMISSIONS = ("view_edition", "view_editionitem", "view_editionevent")
# The Eindredacteur gets every permission of these apps, whatever models they hold at the time.
CHIEF_EDITOR_APPS = ("news", "newsletter")


def groups_sync(*, apps=global_apps) -> None:
    """Create or update Redacteur and Eindredacteur; idempotent, safe in a data migration (pass `apps`)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label in CHIEF_EDITOR_APPS:
        # Permissions are normally created after migrate; create them now so a fresh database gets them.
        if global_apps.is_installed(label):
            create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)
    editor, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    editor.permissions.set(
        Permission.objects.filter(
            Q(content_type__app_label="news", codename__in=EDITOR_PERMISSIONS)
            | Q(content_type__app_label="newsletter", codename__in=EDITOR_NEWSLETTER_PERMISSIONS)
        )
    )
    chief, _ = Group.objects.get_or_create(name=CHIEF_EDITOR_GROUP)
    chief.permissions.set(Permission.objects.filter(content_type__app_label__in=CHIEF_EDITOR_APPS))
    logger.info("Editor groups synchronised: %s permissions for %s", chief.permissions.count(), CHIEF_EDITOR_GROUP)
