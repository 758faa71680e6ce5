"""The base page every content page extends, and the admin form of pages tagged with wijken."""

from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..panels import LeesbaarheidPanel

# The photo on a card (templates/components/*_card.html: places, initiatives), as the listings prefetch it.
CARD_IMAGE_SPEC = "fill-640x360|format-webp"


class BasePage(Page):
    """Every public page has a short B1 intro that is shown in listings and search results."""

    intro = models.TextField(
        _("korte inleiding"),
        max_length=400,
        blank=True,
        help_text=_("Eén of twee korte zinnen in eenvoudige taal (B1). Wordt ook getoond in overzichten."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        LeesbaarheidPanel(heading=_("Leesbaarheid (B1)")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # wagtail-localize: what a translator translates. Everything else is synchronised from the Dutch page:
    # schedules, tags, relations, prices, yes/no flags and contact details (subclasses extend this list).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
        TranslatableField("intro"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Shown in the visitor's language above a page that has no translation in it (templates/base.html).
        context["niet_vertaald"] = self.locale.language_code != translation.get_language()
        return context

    def route(self, request, path_components):
        """A page that is not translated yet is still there in every language: /en/agenda/koffie/ finds
        the Dutch koffie page when the English agenda has no such child, and shows it with the English
        interface and a notice (templates/base.html)."""
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            default = Locale.get_default()
            if self.locale_id == default.pk:
                raise
            original = self.get_translation_or_none(default)
            if original is None:
                raise
            return original.specific.route(request, path_components)


class WijkenPageForm(WagtailAdminPageForm):
    """For pages tagged with wijken: at least one wijk, or the whole city."""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("heel_de_stad") and not cleaned.get("wijken"):
            self.add_error("wijken", _("Kies minstens één wijk of vink 'heel de stad' aan."))
        return cleaned
