"""The Eindredacteur's newsletter admin. Importing the modules registers the model admins."""

from newsletter.admin import consent, subscribers  # noqa: F401
