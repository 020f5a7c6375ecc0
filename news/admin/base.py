"""Shared bits of the news admins."""

import json

from django.contrib.admin import helpers
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class CapitalTitleMixin:
    """Django builds 'artikel toevoegen' from the lowercase verbose_name; a page title starts with a capital."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if context.get("title"):
            context["title"] = capfirst(context["title"])
        return super().render_change_form(request, context, add, change, form_url, obj)


class LowercaseAddTextFormSet(helpers.InlineAdminFormSet):
    """Django's add button says 'Nog een Link toevoegen' (capfirst mid-sentence); Dutch wants 'link'."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        data["options"]["addText"] = _("Nog een %(name)s toevoegen") % {"name": self.opts.verbose_name}
        return json.dumps(data)
