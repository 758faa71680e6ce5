"""Locaties: the places where things happen, with their address, accessibility and opening hours."""

import datetime
import re
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import BodyBlock
from ..kalender import WEEKDAY_CHOICES
from .pages import CARD_IMAGE_SPEC, BasePage
from .taxonomy import Wijk

POSTCODE_RE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")


def normalise_postcode(value):
    match = POSTCODE_RE.match(value or "")
    if not match:
        return value
    return f"{match.group(1)} {match.group(2).upper()}"


def validate_postcode(value):
    if value and not POSTCODE_RE.match(value):
        raise ValidationError(_("Vul een Nederlandse postcode in, bijvoorbeeld 2031 AB."))


def with_card_photos(locaties):
    """The places as a list, each with its card photo and that photo's rendition: two queries for any
    number of cards instead of one per card. Not ``Prefetch("foto")``: on SQLite, Django 5.2 writes a
    prefetch along a foreign key as one ``OR`` per photo, which SQLite refuses past 1,000."""
    from wagtail.images import get_image_model

    locaties = list(locaties)
    ids = {locatie.foto_id for locatie in locaties if locatie.foto_id}
    if ids:
        images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(CARD_IMAGE_SPEC)
        by_id = {image.pk: image for image in images}
        for locatie in locaties:
            if locatie.foto_id in by_id:
                locatie.foto = by_id[locatie.foto_id]
    return locaties


class LocatiesIndexPage(BasePage):
    """/locaties/: every place where something happens, per wijk."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["portal.LocatiePage"]
    template = "portal/locaties_index_page.html"

    class Meta:
        verbose_name = _("overzicht locaties")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from ..translations import source_page, with_translations

        locaties = (
            LocatiePage.objects.live()
            .child_of(source_page(self))
            .select_related("wijk")
            .defer_streamfields()
            .order_by("wijk__naam", "title")
        )
        wijken = list(Wijk.objects.filter(locaties__in=locaties).distinct())
        gekozen = request.GET.get("wijk", "")
        if gekozen:
            locaties = locaties.filter(wijk__slug=gekozen)
        locaties = with_translations(with_card_photos(locaties), request)
        context.update(locaties=locaties, wijken=wijken, gekozen_wijk=gekozen)
        return context


class LocatiePage(BasePage):
    """A place: a huis van de wijk, buurthuis, library, church or park."""

    SOORTEN = [
        ("huis_van_de_wijk", _("Huis van de wijk")),
        ("buurthuis", _("Buurthuis")),
        ("wijkcentrum", _("Wijkcentrum")),
        ("bibliotheek", _("Bibliotheek")),
        ("kerk", _("Kerk of moskee")),
        ("park", _("Park of buitenplek")),
        ("school", _("School")),
        ("sport", _("Sporthal of sportpark")),
        ("zorg", _("Zorgcentrum")),
        ("overig", _("Overig")),
    ]

    soort = models.CharField(_("soort plek"), max_length=30, choices=SOORTEN, default="buurthuis")
    adres = models.CharField(_("straat en huisnummer"), max_length=120)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[validate_postcode])
    plaats = models.CharField(_("plaats"), max_length=80, default="Haarlem")
    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="locaties",
    )
    rolstoeltoegankelijk = models.BooleanField(_("toegankelijk met rolstoel"), default=False)
    invalidentoilet = models.BooleanField(_("aangepast toilet"), default=False)
    ringleiding = models.BooleanField(_("ringleiding"), default=False)
    lift = models.BooleanField(_("lift"), default=False)
    toegankelijkheid_toelichting = models.CharField(
        _("toelichting toegankelijkheid"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: 'Ingang aan de achterkant heeft geen drempel.'"),
    )
    gastheer = models.CharField(
        _("gastheer of contactpersoon"), max_length=120, blank=True, help_text=_("Naam of functie.")
    )
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    foto = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("meer informatie"))

    parent_page_types = ["portal.LocatiesIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("soort"),
        MultiFieldPanel(
            [
                FieldPanel("adres"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("plaats")]),
                FieldPanel("wijk"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Adres"),
        ),
        InlinePanel("openingstijden", heading=_("Openingstijden"), label=_("Openingstijd")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("rolstoeltoegankelijk"), FieldPanel("invalidentoilet")]),
                FieldRowPanel([FieldPanel("ringleiding"), FieldPanel("lift")]),
                FieldPanel("toegankelijkheid_toelichting"),
            ],
            heading=_("Toegankelijkheid"),
        ),
        MultiFieldPanel(
            [FieldPanel("gastheer"), FieldPanel("telefoon"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        FieldPanel("foto"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("adres"),
        index.SearchField("postcode"),
        index.RelatedFields("wijk", [index.SearchField("naam")]),
        index.FilterField("wijk"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("toegankelijkheid_toelichting"),
        TranslatableField("body"),
        SynchronizedField("soort"),
        SynchronizedField("adres"),
        SynchronizedField("postcode"),
        SynchronizedField("plaats"),
        SynchronizedField("wijk"),
        SynchronizedField("rolstoeltoegankelijk"),
        SynchronizedField("invalidentoilet"),
        SynchronizedField("ringleiding"),
        SynchronizedField("lift"),
        SynchronizedField("gastheer"),
        SynchronizedField("telefoon"),
        SynchronizedField("email"),
        SynchronizedField("foto"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("openingstijden"),
    ]

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def clean(self):
        super().clean()
        self.postcode = normalise_postcode(self.postcode)
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Vul zowel de breedtegraad als de lengtegraad in, of laat beide leeg."))

    @property
    def volledig_adres(self):
        return f"{self.adres}, {self.postcode} {self.plaats}"

    @property
    def openstreetmap_url(self):
        """A link to the spot on openstreetmap.org; no embedded tiles, no third-party requests."""
        if self.latitude is not None and self.longitude is not None:
            lat, lon = f"{self.latitude:.5f}", f"{self.longitude:.5f}"
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.volledig_adres})

    @property
    def toegankelijkheid(self):
        """Accessibility features as (icon, label, present) for display as icon plus words."""
        return [
            ("rolstoel", _("Toegankelijk met rolstoel"), self.rolstoeltoegankelijk),
            ("toilet", _("Aangepast toilet"), self.invalidentoilet),
            ("ringleiding", _("Ringleiding"), self.ringleiding),
            ("lift", _("Lift"), self.lift),
        ]

    def get_context(self, request, *args, **kwargs):
        """What is on here comes from the apps that build on the places: each adds to the context with
        the Wagtail hook ``construct_locatie_context`` (the agenda adds ``hier_te_doen``)."""
        context = super().get_context(request, *args, **kwargs)
        for hook in hooks.get_hooks("construct_locatie_context"):
            hook(self, request, context)
        return context

    def is_open(self, when=None):
        """True when the place is open at ``when`` (default: now), in local wall-clock time."""
        when = timezone.localtime(when) if when else timezone.localtime()
        return any(tijd.covers(when) for tijd in self.openingstijden.all() if tijd.dag == when.weekday())


class Openingstijd(Orderable):
    DAGEN = WEEKDAY_CHOICES

    page = ParentalKey(LocatiePage, on_delete=models.CASCADE, related_name="openingstijden")
    dag = models.PositiveSmallIntegerField(_("dag"), choices=DAGEN)
    open_om = models.TimeField(_("open om"))
    dicht_om = models.TimeField(_("dicht om"))

    panels = [FieldRowPanel([FieldPanel("dag"), FieldPanel("open_om"), FieldPanel("dicht_om")])]

    class Meta(Orderable.Meta):
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def clean(self):
        super().clean()
        if self.open_om and self.dicht_om and self.dicht_om <= self.open_om:
            raise ValidationError({"dicht_om": _("De sluitingstijd moet na de openingstijd liggen.")})

    def covers(self, when: datetime.datetime) -> bool:
        return self.open_om <= when.time() < self.dicht_om

    def __str__(self):
        return f"{self.get_dag_display()} {self.open_om:%H:%M}–{self.dicht_om:%H:%M}"
