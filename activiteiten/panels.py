from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from .recurrence import Schedule, orphaned_changes


class OrphanedExceptionsPanel(Panel):
    """Warns the editor about exceptions whose date is not (or no longer) a date of the series,
    for example after the rule was changed. It never blocks saving."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "activiteiten/panels/orphaned_exceptions.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            orphans = []
            if page and page.pk and page.start_datum:
                orphans = orphaned_changes(Schedule.from_page(page))
            context["orphans"] = orphans
            context["heading"] = _("Let op")
            return context
