from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, Panel, TabbedInterface


class VerwijzingenPanel(Panel):
    """Read-only: how often professionals printed or shared this item for a resident, per month.
    Informal partners rarely hear back after a referral; this shows them that people are sent."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "activiteiten/panels/verwijzingen.html"

        def get_context_data(self, parent_context=None):
            from activiteiten.slip import counts_for

            context = super().get_context_data(parent_context)
            page = self.instance
            context["maanden"] = counts_for(page) if page and page.pk else []
            return context


def with_verwijzingen_tab(content_panels, promote_panels, settings_panels):
    """Wagtail's three tabs, plus how often professionals referred residents to this page."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(promote_panels, heading=_("Promoten")),
            ObjectList(settings_panels, heading=_("Instellingen")),
            ObjectList([VerwijzingenPanel(heading=_("Doorverwezen"))], heading=_("Doorverwezen")),
        ]
    )


class LeesbaarheidPanel(Panel):
    """A B1 readability hint for the page's Dutch text (portal/readability.py). Never blocks publishing."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/panels/leesbaarheid.html"

        def get_context_data(self, parent_context=None):
            from .readability import page_text, readability

            context = super().get_context_data(parent_context)
            page = self.instance
            dutch = page is None or page.locale_id is None or page.locale.language_code == "nl"
            context["uitslag"] = readability(page_text(page)) if page is not None and dutch else None
            context["nederlands"] = dutch
            return context
