"""The site-wide settings editors fill in once (Instellingen > Portal)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks import LinkBlock


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Contact details and footer of the portal, editable in Instellingen."""

    organisatie = models.CharField(_("naam organisatie"), max_length=120, default="Huis van de Wijk")
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    contact_tekst = models.CharField(
        _("bereikbaarheid"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: 'Bel ons op werkdagen van 9.00 tot 17.00 uur.'"),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("links onderaan de pagina"),
        help_text=_("Bijvoorbeeld Over ons, Privacy en Toegankelijkheid."),
    )

    panels = [
        FieldPanel("organisatie"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_telefoon"), FieldPanel("contact_tekst")],
            heading=_("Contact"),
        ),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("portaalinstellingen")
