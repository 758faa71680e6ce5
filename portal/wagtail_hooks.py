from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Doelgroep, Hulpvraag, Thema, Wijk


class WijkViewSet(SnippetViewSet):
    model = Wijk
    icon = "site"
    menu_label = _("Wijken")
    list_display = ["naam", "stadsdeel", "slug"]
    list_filter = ["stadsdeel"]
    search_fields = ["naam", "stadsdeel"]
    ordering = ["naam"]


class ThemaViewSet(SnippetViewSet):
    model = Thema
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["naam", "slug", "icoon"]
    sort_order_field = "sort_order"
    search_fields = ["naam"]


class DoelgroepViewSet(SnippetViewSet):
    model = Doelgroep
    icon = "group"
    menu_label = _("Doelgroepen")
    list_display = ["naam", "slug"]
    sort_order_field = "sort_order"
    search_fields = ["naam"]


class HulpvraagViewSet(SnippetViewSet):
    """The questions the finder at /verwijzen/ starts from ("eenzaam", "geldzorgen" ...)."""

    model = Hulpvraag
    icon = "help"
    menu_label = _("Hulpvragen")
    list_display = ["naam", "uitleg", "slug"]
    sort_order_field = "sort_order"
    search_fields = ["naam", "zoekwoorden"]


class TaxonomieViewSetGroup(SnippetViewSetGroup):
    items = (WijkViewSet, ThemaViewSet, DoelgroepViewSet, HulpvraagViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Indeling")
    menu_name = "indeling"
    menu_order = 250


register_snippet(TaxonomieViewSetGroup)
