"""The stored occurrence table: one row per date of every live agenda item, rebuilt on publish."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.kalender import DAGDEEL_CHOICES
from portal.models import (
    LocatiePage,
)

from .items import AgendaItemPage


class Occurrence(models.Model):
    """One stored date of an agenda item, within a rolling window. Rebuilt from the schedule; never edited."""

    STATUSSEN = [
        ("gepland", _("Gaat door")),
        ("vervalt", _("Vervalt")),
        ("verplaatst", _("Verplaatst")),
        ("gewijzigd", _("Gewijzigd")),
    ]
    DAGDELEN = DAGDEEL_CHOICES

    page = models.ForeignKey(AgendaItemPage, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField()
    end = models.DateTimeField()
    datum = models.DateField(help_text="Local (Europe/Amsterdam) date of the start.")
    dagdeel = models.CharField(max_length=10, choices=DAGDELEN)
    status = models.CharField(max_length=12, choices=STATUSSEN, default="gepland")
    original_start = models.DateTimeField(null=True, blank=True)
    toelichting = models.CharField(max_length=200, blank=True)
    locatie = models.ForeignKey(
        LocatiePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Denormalised for the agenda filters, so a listing is one indexed query.
    is_gratis = models.BooleanField(default=False)
    is_inloop = models.BooleanField(default=False)
    is_toegankelijk = models.BooleanField(default=False)
    is_heel_de_stad = models.BooleanField(default=False)

    class Meta:
        ordering = ["start", "page_id", "id"]
        indexes = [
            # Covers the agenda's window and every yes/no filter, so counts read only the index.
            models.Index(
                fields=[
                    "start",
                    "end",
                    "page",
                    "dagdeel",
                    "is_gratis",
                    "is_inloop",
                    "is_toegankelijk",
                    "is_heel_de_stad",
                ],
                name="occurrence_agenda",
            ),
            models.Index(fields=["page", "start"], name="occurrence_page_start"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.start:%Y-%m-%d %H:%M} {self.status}"

    @property
    def is_cancelled(self):
        return self.status == "vervalt"

    @property
    def is_now(self):
        now = timezone.now()
        return self.start <= now < self.end and not self.is_cancelled
