from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import ObjectList, Panel, TabbedInterface


class PageTabs(TabbedInterface):
    """A page editor's tabs, followed by the tabs other apps add for this page type.

    An app adds a tab with the Wagtail hook ``register_page_tabs``: a function that takes the page model
    and returns a list of tabs (``ObjectList``) for it, empty for models it does not concern. The core
    does not know these apps; the referral counts (home/verwijzen/) add their tab this way.
    """

    def on_model_bound(self):
        extra = [tab for hook in hooks.get_hooks("register_page_tabs") for tab in hook(self.model) or []]
        self.children = [*self.children, *extra]  # a new list: the unbound original keeps its own
        super().on_model_bound()


def page_tabs(content_panels, promote_panels, settings_panels):
    """Wagtail's three tabs, plus the tabs other apps register for the page type (``PageTabs``)."""
    return PageTabs(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(promote_panels, heading=_("Promoten")),
            ObjectList(settings_panels, heading=_("Instellingen")),
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
