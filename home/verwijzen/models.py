"""The anonymous referral counts: how often professionals printed or shared an item, per month."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VerwijzingTelling(models.Model):
    """How often an item was printed or shared for a resident, per month: page, month, kind and count.

    Anonymous by design: no client, no professional, no IP address, no time of day. Counts belong to the
    page in the default locale, so a slip in Turkish counts for the same item as one in Dutch.
    """

    SOORTEN = [
        ("afgedrukt", _("Briefje afgedrukt")),
        ("gedeeld-link", _("Link gedeeld")),
        ("gedeeld-email", _("Gedeeld per e-mail")),
        ("gedeeld-whatsapp", _("Gedeeld via WhatsApp")),
        ("poster", _("Poster afgedrukt")),
    ]

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        on_delete=models.CASCADE,
        related_name="verwijzing_tellingen",
    )
    maand = models.DateField(_("maand"), help_text="The first day of the month.")
    soort = models.CharField(_("soort"), max_length=20, choices=SOORTEN)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        db_table = "activiteiten_verwijzingtelling"  # made by the agenda, before the move
        verbose_name = _("verwijzing (telling)")
        verbose_name_plural = _("verwijzingen (tellingen)")
        ordering = ["-maand", "page_id", "soort"]
        constraints = [
            models.UniqueConstraint(fields=["page", "maand", "soort"], name="verwijzing_telling_uniek"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.maand:%Y-%m} {self.soort}: {self.aantal}"
