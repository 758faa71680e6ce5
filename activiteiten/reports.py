"""The editors' "Verouderd" report: stale activities are the death of a social map."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .models import AgendaItemPage, Occurrence

STALE_AFTER_DAYS = 180
EMPTY_AHEAD_DAYS = 90


def verouderd_queryset(now=None):
    """Live agenda items that were not updated for 180 days, whose series has ended, or that have no
    date in the next 3 months, each annotated with the reasons."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    ahead = Occurrence.objects.filter(
        page=OuterRef("pk"), start__gte=now, start__lt=now + dt.timedelta(days=EMPTY_AHEAD_DAYS)
    ).exclude(status="vervalt")
    future = Occurrence.objects.filter(page=OuterRef("pk"), end__gt=now)
    return (
        AgendaItemPage.objects.live()
        .defer_streamfields()
        .annotate(has_dates_ahead=Exists(ahead), has_future=Exists(future))
        .filter(
            Q(latest_revision_created_at__lt=now - dt.timedelta(days=STALE_AFTER_DAYS))
            | Q(eind_datum__lt=today)
            | Q(has_future=False)
            | Q(has_dates_ahead=False)
        )
        .select_related("content_type")
        .order_by("latest_revision_created_at")
    )


def reasons(page, now=None):
    now = now or timezone.now()
    found = []
    if page.latest_revision_created_at and page.latest_revision_created_at < now - dt.timedelta(
        days=STALE_AFTER_DAYS
    ):
        found.append(str(_("al 180 dagen niet bijgewerkt")))
    if (page.eind_datum and page.eind_datum < timezone.localdate(now)) or not page.has_future:
        found.append(str(_("de reeks is afgelopen")))
    elif not page.has_dates_ahead:
        found.append(str(_("geen datum in de komende 3 maanden")))
    return found


class ReasonColumn(Column):
    def get_value(self, instance):
        return ", ".join(reasons(instance))


class VerouderdReportView(ReportView):
    page_title = _("Verouderd")
    header_icon = "time"
    index_url_name = "verouderd_report"
    index_results_url_name = "verouderd_report_results"
    model = Page  # page permissions decide: editors and admins, not the makelaars
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Titel"), url_name="wagtailadmin_pages:edit"),
        ReasonColumn("reden", label=_("Waarom")),
        DateColumn("latest_revision_created_at", label=_("Laatst bijgewerkt")),
        DateColumn("eind_datum", label=_("Laatste datum")),
    ]
    list_export = ["title", "reden", "latest_revision_created_at", "eind_datum"]
    export_headings = {
        "title": _("Titel"),
        "reden": _("Waarom"),
        "latest_revision_created_at": _("Laatst bijgewerkt"),
        "eind_datum": _("Laatste datum"),
    }

    def get_queryset(self):
        return verouderd_queryset()

    def to_row_dict(self, item):
        # The download reads "reden" from the item, as it reads the real fields.
        item.reden = ", ".join(reasons(item))
        return super().to_row_dict(item)
