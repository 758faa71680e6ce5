"""The site layer's place in the admin: the referral counts' tab on each item with a slip, and their
dashboard panel for makelaars (home/verwijzen/panels.py)."""

from wagtail import hooks

from .verwijzen.panels import add_verwijzingen_panel, verwijzingen_tab

hooks.register("register_page_tabs", verwijzingen_tab)


@hooks.register("construct_homepage_panels")
def doorverwezen_panel(request, panels):
    add_verwijzingen_panel(request, panels)
