"""Organisaties: the partners of the sociale kaart, placed on the two axes of the research."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import BodyBlock
from ..panels import page_tabs
from .pages import BasePage, WijkenPageForm
from .taxonomy import Wijk


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
        from ..translations import source_page, with_translations

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
