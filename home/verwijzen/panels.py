"""The referral counts in the admin: a "Doorverwezen" tab on each item that has a slip, and a dashboard
panel for makelaars. Registered in home/wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, Panel
from wagtail.admin.ui.components import Component

from initiatieven.makelaar.queue import is_makelaar, makelaar_wijk_ids

from .briefjes import briefje_models, counts_for, overview, pages_in_wijken


class VerwijzingenPanel(Panel):
    """Read-only: how often professionals printed or shared this item for a resident, per month.
    Informal partners rarely hear back after a referral; this shows them that people are sent."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/verwijzen/panels/verwijzingen.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["maanden"] = counts_for(page) if page and page.pk else []
            return context


def verwijzingen_tab(model):
    """The "Doorverwezen" tab, for the page types that have a slip (the ``register_page_tabs`` hook)."""
    if not issubclass(model, briefje_models()):
        return []
    return [ObjectList([VerwijzingenPanel(heading=_("Doorverwezen"))], heading=_("Doorverwezen"))]


class DoorverwezenPanel(Component):
    """Which activities, spreekuren and initiatives professionals print slips for or share, per month.
    Anonymous counts only (page, month, kind, number); a makelaar sees the items in their own wijken."""

    name = "doorverwezen"
    order = 60
    template_name = "home/verwijzen/panels/doorverwezen.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page_ids = None if self.user.is_superuser else pages_in_wijken(makelaar_wijk_ids(self.user))
        maanden, rows = overview(page_ids)
        context.update(maanden=maanden, rows=rows)
        return context


def add_verwijzingen_panel(request, panels):
    if is_makelaar(request.user):
        panels.append(DoorverwezenPanel(request.user))
