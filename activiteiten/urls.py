"""iCal feeds of the agenda. Included without a language prefix: a feed address stays the same."""

from django.urls import path

from . import views

app_name = "activiteiten"

urlpatterns = [
    path("ical/activiteit/<int:page_id>.ics", views.ical_item, name="ical-item"),
    path(
        "ical/activiteit/<int:page_id>/<int:occurrence_id>.ics",
        views.ical_occurrence,
        name="ical-occurrence",
    ),
    path("ical/agenda.ics", views.ical_agenda, name="ical-agenda"),
]
