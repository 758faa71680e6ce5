"""What every app shares: the taxonomy (Wijk, Thema, Doelgroep), site settings, the base page
mixin, and the Locatie and Organisatie pages of the sociale kaart."""

import datetime
import re
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyBlock, LinkBlock
from .panels import LeesbaarheidPanel, page_tabs

# --- Taxonomy -------------------------------------------------------------------------------------

# The other interface languages, in the order of settings.LANGUAGES. A taxonomy name is a short label
# shared by every translation of a page (the tags are synchronised, not translated), so its names in
# the other languages live on the same row: the agenda's filters, the bundling per thema and the finder
# keep working on one row per thema, and a missing translation falls back to the Dutch name.
VERTAALTALEN = [
    ("en", _("Engels")),
    ("tr", _("Turks")),
    ("ar", _("Arabisch")),
    ("pl", _("Pools")),
]


class Vertaalbaar:
    """Names in the visitor's language: ``label`` (and ``str()``) give ``naam_<taal>`` for the active
    language when an editor filled it in, else the Dutch ``naam``."""

    def vertaald(self, veld, taal=None):
        taal = (taal or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if taal != settings.LANGUAGE_CODE:
            waarde = getattr(self, f"{veld}_{taal}", "")
            if waarde:
                return waarde
        return getattr(self, veld)

    @property
    def label(self):
        return self.vertaald("naam")

    def __str__(self):
        return self.label


def _vertaalveld(label, code, max_length):
    return models.CharField(
        format_lazy("{} ({})", label, dict(VERTAALTALEN)[code]), max_length=max_length, blank=True, default=""
    )


class VertaaldeNaam(Vertaalbaar, models.Model):
    """``naam`` in the four other languages (blank: the Dutch name)."""

    naam_en = _vertaalveld(_("naam"), "en", 80)
    naam_tr = _vertaalveld(_("naam"), "tr", 80)
    naam_ar = _vertaalveld(_("naam"), "ar", 80)
    naam_pl = _vertaalveld(_("naam"), "pl", 80)

    class Meta:
        abstract = True


# A Turkish visitor searching "buluşma" finds what is tagged Ontmoeting.
NAMEN_ZOEKEN = [index.SearchField("naam"), *(index.SearchField(f"naam_{code}") for code, _t in VERTAALTALEN)]
NAAM_ZOEKVELDEN = [*NAMEN_ZOEKEN, index.AutocompleteField("naam")]


def vertaal_panel(*velden):
    return MultiFieldPanel(
        [FieldPanel(f"{veld}_{code}") for veld in velden for code, _naam in VERTAALTALEN],
        heading=_("Vertalingen"),
        help_text=_("Leeg laten mag: dan ziet de bezoeker de Nederlandse tekst."),
        classname="collapsed",
    )


class Wijk(index.Indexed, models.Model):
    """A neighbourhood. Everything on the portal is tagged with one or more wijken."""

    naam = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    stadsdeel = models.CharField(
        _("stadsdeel"), max_length=80, blank=True, help_text=_("Optioneel, bijvoorbeeld 'Haarlem-Oost'.")
    )
    beschrijving = models.TextField(_("korte beschrijving"), max_length=500, blank=True)
    makelaars = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sociaal makelaars"),
        blank=True,
        related_name="makelaar_wijken",
        help_text=_("Deze medewerkers zien en behandelen de ideeën, talenten en signalen van deze wijk."),
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("stadsdeel"),
        FieldPanel("beschrijving"),
        # Who sees this wijk's ideas, talents and signals (residents' contact details): the admin's call,
        # not the redactie's, who may edit the wijk but not see the queue.
        FieldPanel("makelaars", permission="superuser"),
    ]
    search_fields = [index.SearchField("naam"), index.AutocompleteField("naam")]

    class Meta:
        ordering = ["naam"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self):
        return self.naam


THEMA_ICONS = [
    ("ontmoeting", _("Ontmoeting")),
    ("eten", _("Eten en drinken")),
    ("bewegen", _("Bewegen en sport")),
    ("cultuur", _("Cultuur en creatief")),
    ("taal", _("Taal en digitaal")),
    ("geld", _("Geld en administratie")),
    ("gezin", _("Opvoeden en gezin")),
    ("gezondheid", _("Gezondheid en zorg")),
    ("wonen", _("Wonen en buurt")),
    ("vrijwilligers", _("Vrijwilligerswerk")),
]


class Thema(index.Indexed, VertaaldeNaam):
    """A life domain ("ontmoeting", "geld & administratie" ...). Editors manage the list."""

    naam = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    icoon = models.CharField(_("icoon"), max_length=40, choices=THEMA_ICONS, default="ontmoeting")
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0, db_index=True)

    panels = [FieldPanel("naam"), FieldPanel("slug"), FieldPanel("icoon"), vertaal_panel("naam")]
    search_fields = NAAM_ZOEKVELDEN

    class Meta:
        ordering = ["sort_order", "naam"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


class Doelgroep(index.Indexed, VertaaldeNaam):
    """Who an activity is for: iedereen, ouderen, jongeren, nieuwkomers, mantelzorgers ..."""

    naam = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0, db_index=True)

    panels = [FieldPanel("naam"), FieldPanel("slug"), vertaal_panel("naam")]
    search_fields = NAAM_ZOEKVELDEN

    class Meta:
        ordering = ["sort_order", "naam"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


HULPVRAAG_ICONS = THEMA_ICONS + [
    ("phone", _("Telefoon")),
    ("language", _("Talen")),
    ("heart", _("Hart")),
    ("helpen", _("Helpen")),
    ("advies", _("Advies")),
]


class Hulpvraag(index.Indexed, VertaaldeNaam):
    """What a client is looking for, in the words a social worker uses ("eenzaam", "geldzorgen").

    The finder at /verwijzen/ starts here: a hulpvraag points at thema's and doelgroepen, and its
    zoekwoorden find fitting offer that is tagged differently. Editors manage the list."""

    naam = models.CharField(
        _("naam"), max_length=80, unique=True, help_text=_("Zoals een hulpverlener het zegt: 'Geldzorgen'.")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    uitleg = models.CharField(
        _("korte uitleg"),
        max_length=200,
        blank=True,
        help_text=_(
            "Eén korte zin in eenvoudige taal, bijvoorbeeld 'Rondkomen, schulden, post en formulieren'."
        ),
    )
    uitleg_en = _vertaalveld(_("korte uitleg"), "en", 200)
    uitleg_tr = _vertaalveld(_("korte uitleg"), "tr", 200)
    uitleg_ar = _vertaalveld(_("korte uitleg"), "ar", 200)
    uitleg_pl = _vertaalveld(_("korte uitleg"), "pl", 200)
    icoon = models.CharField(_("icoon"), max_length=40, choices=HULPVRAAG_ICONS, default="ontmoeting")
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0, db_index=True)
    themas = models.ManyToManyField(
        Thema,
        verbose_name=_("thema's"),
        blank=True,
        related_name="hulpvragen",
        help_text=_("Aanbod met een van deze thema's past bij deze hulpvraag."),
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep,
        verbose_name=_("doelgroepen"),
        blank=True,
        related_name="hulpvragen",
        help_text=_("Aanbod voor deze doelgroepen past ook, bijvoorbeeld mantelzorgers bij 'Mantelzorg'."),
    )
    zoekwoorden = models.CharField(
        _("zoekwoorden"),
        max_length=400,
        blank=True,
        help_text=_(
            "Woorden gescheiden door komma's, zoals 'schulden, rondkomen, formulieren'. Aanbod met zo'n "
            "woord in de titel of inleiding past ook. Een woord vindt ook langere woorden: "
            "'schuld' vindt 'schuldhulp'."
        ),
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("uitleg"),
        FieldPanel("icoon"),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("doelgroepen", widget=forms.CheckboxSelectMultiple),
        FieldPanel("zoekwoorden"),
        vertaal_panel("naam", "uitleg"),
    ]
    search_fields = [*NAAM_ZOEKVELDEN, index.SearchField("zoekwoorden")]

    class Meta:
        ordering = ["sort_order", "naam"]
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")

    @property
    def uitleg_label(self):
        return self.vertaald("uitleg")

    @property
    def zoekwoorden_list(self):
        """The search words, lower case, without empty ones or duplicates, in the editor's order."""
        words = (w.strip().lower() for w in self.zoekwoorden.split(","))
        return list(dict.fromkeys(w for w in words if w))


# --- Site settings --------------------------------------------------------------------------------


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


# --- Base page mixin -------------------------------------------------------------------------------


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


# --- Locaties --------------------------------------------------------------------------------------


POSTCODE_RE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")


def normalise_postcode(value):
    match = POSTCODE_RE.match(value or "")
    if not match:
        return value
    return f"{match.group(1)} {match.group(2).upper()}"


def validate_postcode(value):
    if value and not POSTCODE_RE.match(value):
        raise ValidationError(_("Vul een Nederlandse postcode in, bijvoorbeeld 2031 AB."))


LOCATIE_CARD_IMAGE_SPEC = "fill-640x360|format-webp"  # the photo in components/locatie_card.html


def with_card_photos(locaties):
    """The places as a list, each with its card photo and that photo's rendition: two queries for any
    number of cards instead of one per card. Not ``Prefetch("foto")``: on SQLite, Django 5.2 writes a
    prefetch along a foreign key as one ``OR`` per photo, which SQLite refuses past 1,000."""
    from wagtail.images import get_image_model

    locaties = list(locaties)
    ids = {locatie.foto_id for locatie in locaties if locatie.foto_id}
    if ids:
        images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(LOCATIE_CARD_IMAGE_SPEC)
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
        from .translations import source_page, with_translations

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
        from activiteiten.listing import agenda_page, upcoming  # the agenda builds on the places

        context = super().get_context(request, *args, **kwargs)
        context["hier_te_doen"] = upcoming(
            {"tot": timezone.localdate() + datetime.timedelta(days=14)}, limit=20, locatie=self
        )
        context["agenda"] = agenda_page()
        return context

    def is_open(self, when=None):
        """True when the place is open at ``when`` (default: now), in local wall-clock time."""
        when = timezone.localtime(when) if when else timezone.localtime()
        return any(tijd.covers(when) for tijd in self.openingstijden.all() if tijd.dag == when.weekday())


class Openingstijd(Orderable):
    DAGEN = [
        (0, _("maandag")),
        (1, _("dinsdag")),
        (2, _("woensdag")),
        (3, _("donderdag")),
        (4, _("vrijdag")),
        (5, _("zaterdag")),
        (6, _("zondag")),
    ]

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


# --- Organisaties (sociale kaart) ------------------------------------------------------------------


class OrganisatiesIndexPage(BasePage):
    """/organisaties/: the sociale kaart, filterable per wijk and shown in the research's quadrants."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["portal.OrganisatiePage"]
    template = "portal/organisaties_index_page.html"

    class Meta:
        verbose_name = _("overzicht organisaties")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .translations import source_page, with_translations

        organisaties = (
            OrganisatiePage.objects.live()
            .child_of(source_page(self))
            .defer_streamfields()
            .prefetch_related("wijken")
            .order_by("title")
        )
        wijken = list(Wijk.objects.all())
        gekozen = next((w for w in wijken if w.slug == request.GET.get("wijk")), None)
        if gekozen:
            organisaties = organisaties.filter(Q(wijken=gekozen) | Q(heel_de_stad=True)).distinct()
        organisaties = with_translations(organisaties, request)
        kwadranten = [
            {"sleutel": sleutel, "titel": titel, "uitleg": uitleg, "organisaties": []}
            for sleutel, titel, uitleg in OrganisatiePage.KWADRANTEN
        ]
        per_sleutel = {k["sleutel"]: k for k in kwadranten}
        for organisatie in organisaties:
            per_sleutel[organisatie.kwadrant]["organisaties"].append(organisatie)
        context.update(
            organisaties=organisaties,
            kwadranten=kwadranten,
            wijken=wijken,
            gekozen_wijk=gekozen,
        )
        return context


class WijkenPageForm(WagtailAdminPageForm):
    """For pages tagged with wijken: at least one wijk, or the whole city."""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("heel_de_stad") and not cleaned.get("wijken"):
            self.add_error("wijken", _("Kies minstens één wijk of vink 'heel de stad' aan."))
        return cleaned


class OrganisatiePage(BasePage):
    """A partner on the sociale kaart, placed on the two axes of the research."""

    base_form_class = WijkenPageForm

    SOORTEN = [
        ("wijkteam", _("Sociaal wijkteam")),
        ("welzijn", _("Welzijnsorganisatie")),
        ("bibliotheek", _("Bibliotheek")),
        ("schuldhulp", _("Schuldhulp en geldzaken")),
        ("sportclub", _("Sportclub")),
        ("kerk", _("Kerk of moskee")),
        ("zelforganisatie", _("Zelforganisatie")),
        ("bewonersgroep", _("Bewonersgroep")),
        ("zorg", _("Zorg en gezondheid")),
        ("wonen", _("Woningcorporatie")),
        ("gemeente", _("Gemeente")),
        ("overig", _("Overig")),
    ]
    WERKVORMEN = [("individueel", _("Individueel")), ("collectief", _("Collectief"))]
    ORGANISATIEVORMEN = [("informeel", _("Informeel")), ("formeel", _("Formeel"))]
    KWADRANTEN = [
        (
            "formeel-individueel",
            _("Professionele hulp voor één persoon"),
            _("Een professional helpt jou persoonlijk, bijvoorbeeld met geld, zorg of formulieren."),
        ),
        (
            "formeel-collectief",
            _("Professioneel groepsaanbod"),
            _("Een organisatie organiseert groepen, cursussen of spreekuren."),
        ),
        (
            "informeel-individueel",
            _("Bewoners helpen elkaar"),
            _("Een buurtbewoner of vrijwilliger helpt een ander, bijvoorbeeld als taalmaatje."),
        ),
        (
            "informeel-collectief",
            _("Bewoners organiseren samen"),
            _("Bewoners doen samen iets voor de buurt, zoals een moestuin of eetgroep."),
        ),
    ]

    soort = models.CharField(_("soort organisatie"), max_length=30, choices=SOORTEN, default="welzijn")
    werkvorm = models.CharField(
        _("werkt vooral"),
        max_length=20,
        choices=WERKVORMEN,
        default="collectief",
        help_text=_("Individueel: hulp aan één persoon. Collectief: groepen en samen doen."),
    )
    organisatievorm = models.CharField(
        _("soort aanbod"),
        max_length=20,
        choices=ORGANISATIEVORMEN,
        default="formeel",
        help_text=_("Formeel: professionals. Informeel: bewoners en vrijwilligers."),
    )
    wijken = ParentalManyToManyField(Wijk, verbose_name=_("wijken"), blank=True, related_name="organisaties")
    heel_de_stad = models.BooleanField(_("actief in heel de stad"), default=False)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    adres = models.CharField(_("bezoekadres"), max_length=160, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("meer informatie"))

    parent_page_types = ["portal.OrganisatiesIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("soort"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Plaats de organisatie op de twee assen uit het onderzoek. "
                        "Zo ziet iedereen per wijk wie wat doet."
                    )
                ),
                FieldRowPanel([FieldPanel("werkvorm"), FieldPanel("organisatievorm")]),
            ],
            heading=_("Plek op de sociale kaart"),
        ),
        MultiFieldPanel([FieldPanel("wijken"), FieldPanel("heel_de_stad")], heading=_("Waar")),
        MultiFieldPanel(
            [FieldPanel("telefoon"), FieldPanel("email"), FieldPanel("website"), FieldPanel("adres")],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
        FieldPanel("body"),
    ]
    edit_handler = page_tabs(content_panels, BasePage.promote_panels, BasePage.settings_panels)
    search_fields = BasePage.search_fields + [
        index.SearchField("soort"),
        index.FilterField("heel_de_stad"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("soort"),
        SynchronizedField("werkvorm"),
        SynchronizedField("organisatievorm"),
        SynchronizedField("wijken"),
        SynchronizedField("heel_de_stad"),
        SynchronizedField("telefoon"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("adres"),
        SynchronizedField("logo"),
    ]

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    @property
    def kwadrant(self):
        return f"{self.organisatievorm}-{self.werkvorm}"

    def get_kwadrant_display(self):
        return next(titel for sleutel, titel, _uitleg in self.KWADRANTEN if sleutel == self.kwadrant)
