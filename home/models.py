"""HomePage, the wijk pages and the generic content page."""

from datetime import timedelta
from itertools import groupby

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from activiteiten.listing import agenda_page, upcoming
from portal.blocks import BodyBlock, EntryPointBlock
from portal.models import BasePage, LocatiePage, OrganisatiePage, Wijk, with_card_photos
from portal.translations import source_page, with_translations

from .verwijzen.models import VerwijzingTelling  # noqa: F401  (the app's models are found here)

# Listings show each page once: the one in the default locale (portal.translations).
DUTCH = {"locale__language_code": settings.LANGUAGE_CODE}


class HomePage(BasePage):
    """The front door: pick your wijk, search, and a few large entry points."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "activiteiten.AgendaPage",
        "home.WijkenIndexPage",
        "home.ContentPage",
        "portal.LocatiesIndexPage",
        "portal.OrganisatiesIndexPage",
        "initiatieven.InitiatievenIndexPage",
    ]

    entry_points = StreamField(
        [("entry", EntryPointBlock())],
        blank=True,
        max_num=6,
        verbose_name=_("ingangen"),
        help_text=_(
            "De grote knoppen bovenaan: agenda, 'Ik heb een idee', 'Ik wil helpen', 'Hulp of advies'."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = BasePage.content_panels + [FieldPanel("entry_points"), FieldPanel("body")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("entry_points"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["vandaag"] = upcoming({"van": today, "tot": today + timedelta(days=1)}, limit=12)
        context["agenda"] = agenda_page()
        context["wijk_pages"] = with_translations(
            WijkPage.objects.live()
            .filter(**DUTCH)
            .select_related("wijk")
            .defer_streamfields()
            .order_by("wijk__naam"),
            request,
        )
        return context


class WijkenIndexPage(BasePage):
    """/wijken/: all wijken, grouped by stadsdeel."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.WijkPage"]

    class Meta:
        verbose_name = _("overzicht wijken")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = with_translations(
            WijkPage.objects.live()
            .child_of(source_page(self))
            .select_related("wijk")
            .defer_streamfields()
            .order_by("wijk__stadsdeel", "wijk__naam"),
            request,
        )
        context["stadsdelen"] = [
            (stadsdeel, list(group)) for stadsdeel, group in groupby(pages, key=lambda p: p.wijk.stadsdeel)
        ]
        return context


class WijkPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        wijk = cleaned.get("wijk")
        if wijk:
            others = WijkPage.objects.filter(wijk=wijk, locale_id=self.instance.locale_id)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("wijk", _("Deze wijk heeft al een wijkpagina."))
        return cleaned


class WijkPage(BasePage):
    """One wijk: its week of activities, its places and its organisations."""

    base_form_class = WijkPageForm

    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="wijk_pages",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    parent_page_types = ["home.WijkenIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [FieldPanel("wijk"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.RelatedFields("wijk", [index.SearchField("naam")])]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("wijk"),
    ]

    class Meta:
        verbose_name = _("wijkpagina")
        verbose_name_plural = _("wijkpagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locaties = with_card_photos(
            LocatiePage.objects.live()
            .filter(wijk_id=self.wijk_id, **DUTCH)
            .select_related("wijk")
            .prefetch_related("openingstijden")
            .defer_streamfields()
            .order_by("title")
        )
        context["locaties"] = locaties = with_translations(locaties, request)
        context["week"] = upcoming({"wijk": [self.wijk]}, limit=40)
        context["agenda"] = agenda_page()
        context["huis_van_de_wijk"] = next((loc for loc in locaties if loc.soort == "huis_van_de_wijk"), None)
        organisaties = (
            OrganisatiePage.objects.live()
            .filter(**DUTCH)
            .filter(Q(wijken__id=self.wijk_id) | Q(heel_de_stad=True))
            .distinct()
            .defer_streamfields()
            .order_by("heel_de_stad", "title")
        )
        organisaties = with_translations(organisaties, request)
        context["organisaties_wijk"] = [o for o in organisaties if not o.heel_de_stad]
        context["organisaties_stad"] = [o for o in organisaties if o.heel_de_stad]
        context["andere_wijken"] = with_translations(
            WijkPage.objects.live()
            .sibling_of(source_page(self), inclusive=False)
            .select_related("wijk")
            .defer_streamfields()
            .order_by("wijk__naam"),
            request,
        )
        return context


class ContentPage(BasePage):
    """A plain page with blocks, for /over/, /privacy/, /toegankelijkheid/ and /meedoen/."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        verbose_name = _("inhoudspagina")
        verbose_name_plural = _("inhoudspagina's")
