"""The /agenda/ page: what is on today and the next 7 days, filterable and shareable as a URL."""

from django.utils.translation import gettext_lazy as _

from portal.models import (
    BasePage,
)


class AgendaPage(BasePage):
    """/agenda/: what is on today and the next 7 days, filterable and shareable as a URL."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["activiteiten.ActiviteitPage", "activiteiten.SpreekuurPage"]
    PER_PAGE = 20
    DEFAULT_DAYS = 8  # today and the next 7 days

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        from ..listing import agenda_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_listing(self, request))
        return context
