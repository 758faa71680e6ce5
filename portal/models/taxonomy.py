"""The taxonomy every app tags with: wijken, thema's, doelgroepen and hulpvragen, with their names in
the other interface languages."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
)
from wagtail.search import index

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
