import datetime as dt

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .listing import agenda_page, upcoming
from .models import Taal
from .reports import VerouderdReportView


@hooks.register("construct_locatie_context")
def hier_te_doen(locatie, request, context):
    """A place's page lists what is on there in the next two weeks, with a link to the whole agenda."""
    context["hier_te_doen"] = upcoming(
        {"tot": timezone.localdate() + dt.timedelta(days=14)}, limit=20, locatie=locatie
    )
    context["agenda"] = agenda_page()


class TaalViewSet(SnippetViewSet):
    model = Taal
    icon = "globe"
    menu_label = _("Talen")
    list_display = ["naam", "code"]
    sort_order_field = "sort_order"
    add_to_admin_menu = False


register_snippet(TaalViewSet)


@hooks.register("insert_global_admin_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_urls")
def register_verouderd_url():
    return [
        path("rapporten/verouderd/", VerouderdReportView.as_view(), name="verouderd_report"),
        path(
            "rapporten/verouderd/resultaten/",
            VerouderdReportView.as_view(results_only=True),
            name="verouderd_report_results",
        ),
    ]


class VerouderdMenuItem(MenuItem):
    def is_shown(self, request):
        from wagtail.permission_policies.pages import PagePermissionPolicy

        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_verouderd_menu_item():
    return VerouderdMenuItem(_("Verouderd"), reverse("verouderd_report"), icon_name="time", order=50)
