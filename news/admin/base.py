"""Shared bits of the news admins."""

from django.utils.text import capfirst


class CapitalTitleMixin:
    """Django builds 'artikel toevoegen' from the lowercase verbose_name; a page title starts with a capital."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if context.get("title"):
            context["title"] = capfirst(context["title"])
        return super().render_change_form(request, context, add, change, form_url, obj)
