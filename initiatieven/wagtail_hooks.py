from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Bijdrage


class PageColumn(Column):
    """The page's title, linking to where an editor reviews it (the page editor shows the workflow)."""

    def get_value(self, instance):
        page = instance.page
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page.get_admin_display_title(),
        )


class WachtColumn(Column):
    """How long a pending contribution has been waiting; empty once it has been handled."""

    def get_value(self, instance):
        if instance.status != "wacht":
            return ""
        waited = timezone.now() - instance.ingediend_op
        text = timesince(instance.ingediend_op, depth=1)
        if waited.days >= 3:
            return format_html('<strong class="wacht-lang">{}</strong>', text)
        return text


class BijdrageIndexView(IndexView):
    """Pending first, the longest waiting at the top; then the rest, newest first."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("page")
            .annotate(
                wacht_eerst=Case(
                    When(status="wacht", then=Value(0)), default=Value(1), output_field=IntegerField()
                )
            )
        )

    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        return queryset.order_by("wacht_eerst", "ingediend_op")


class BijdrageViewSet(ModelViewSet):
    model = Bijdrage
    index_view_class = BijdrageIndexView
    icon = "group"
    menu_label = _("Bewonersbijdragen")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        PageColumn("page", label=_("Pagina")),
        "soort",
        "status",
        WachtColumn("wacht", label=_("Wacht al")),
        "ingediend_op",
        TitleColumn("naam", label=_("Ingestuurd door (contact)"), url_name="bijdragen:inspect"),
    ]
    list_filter = ["status", "soort"]
    search_fields = ["naam", "email", "page__title"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["page", "soort", "naam", "email", "telefoon", "status"]


bijdrage_viewset = BijdrageViewSet("bijdragen")


@hooks.register("register_admin_viewset")
def register_bijdragen():
    return bijdrage_viewset


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "initiatieven.datum_vervalt",
        _("Datum vervalt (door de organisator)"),
        _("Datum laten vervallen door de organisator via de persoonlijke link"),
    )
    actions.register_action(
        "initiatieven.reeks_gestopt",
        _("Reeks gestopt (door de organisator)"),
        _("Reeks gestopt door de organisator via de persoonlijke link"),
    )
