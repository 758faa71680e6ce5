"""An agenda item's schedule beyond its rule: extra time slots and exceptions (a cancelled or moved date)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.models import Orderable

from portal.models import (
    LocatiePage,
)


class Tijdslot(Orderable):
    """A time slot on every date of the schedule (for example 10:00–12:00)."""

    page = ParentalKey("activiteiten.AgendaItemPage", on_delete=models.CASCADE, related_name="tijdsloten")
    start_tijd = models.TimeField(_("van"))
    eind_tijd = models.TimeField(_("tot"))

    panels = [FieldRowPanel([FieldPanel("start_tijd"), FieldPanel("eind_tijd")])]

    class Meta(Orderable.Meta):
        verbose_name = _("tijd")
        verbose_name_plural = _("tijden")

    def __str__(self):
        return f"{self.start_tijd:%H:%M}–{self.eind_tijd:%H:%M}"


class Uitzondering(Orderable):
    """One date of a series that is cancelled, moved or changed."""

    SOORTEN = [
        ("vervalt", _("Vervalt")),
        ("verplaatst", _("Verplaatst naar een andere datum")),
        ("gewijzigd", _("Andere tijd of plek")),
    ]

    page = ParentalKey("activiteiten.AgendaItemPage", on_delete=models.CASCADE, related_name="uitzonderingen")
    datum = models.DateField(_("datum in de reeks"))
    soort = models.CharField(_("wat verandert er?"), max_length=20, choices=SOORTEN, default="vervalt")
    nieuwe_datum = models.DateField(_("nieuwe datum"), null=True, blank=True)
    nieuwe_start_tijd = models.TimeField(_("nieuwe begintijd"), null=True, blank=True)
    nieuwe_eind_tijd = models.TimeField(_("nieuwe eindtijd"), null=True, blank=True)
    nieuwe_locatie = models.ForeignKey(
        LocatiePage,
        verbose_name=_("nieuwe locatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    toelichting = models.CharField(
        _("korte uitleg"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: 'Vervalt i.v.m. Koningsdag'."),
    )

    panels = [
        FieldRowPanel([FieldPanel("datum"), FieldPanel("soort")]),
        FieldRowPanel(
            [FieldPanel("nieuwe_datum"), FieldPanel("nieuwe_start_tijd"), FieldPanel("nieuwe_eind_tijd")]
        ),
        FieldPanel("nieuwe_locatie"),
        FieldPanel("toelichting"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("uitzondering")
        verbose_name_plural = _("uitzonderingen")

    def clean(self):
        super().clean()
        if self.soort == "verplaatst" and not self.nieuwe_datum:
            raise ValidationError({"nieuwe_datum": _("Vul de nieuwe datum in.")})
        if self.soort == "gewijzigd" and not (self.nieuwe_start_tijd or self.nieuwe_locatie_id):
            raise ValidationError({"nieuwe_start_tijd": _("Vul een nieuwe tijd of een nieuwe locatie in.")})
        if (
            self.nieuwe_start_tijd
            and self.nieuwe_eind_tijd
            and self.nieuwe_eind_tijd <= self.nieuwe_start_tijd
        ):
            raise ValidationError({"nieuwe_eind_tijd": _("De eindtijd moet na de begintijd liggen.")})

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.get_soort_display()}"
