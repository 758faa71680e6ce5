"""The languages an activity can be in, managed by editors as a snippet."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
)


class Taal(models.Model):
    """A language that is spoken at an activity (Nederlands, Turks, Arabisch ...)."""

    code = models.CharField(
        _("taalcode"), max_length=10, unique=True, help_text=_("Bijvoorbeeld nl, tr, ar.")
    )
    naam = models.CharField(_("naam"), max_length=60)
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0)

    panels = [FieldPanel("naam"), FieldPanel("code")]

    class Meta:
        ordering = ["sort_order", "naam"]
        verbose_name = _("taal")
        verbose_name_plural = _("talen")

    def __str__(self):
        return self.naam
