"""Bewonersinitiatieven, and what residents send in without an account.

``InitiatiefPage`` is public. ``Bijdrage`` is private: who proposed a page (activity, spreekuur or
initiative) and how to reach them. Contact data never goes on a page; the contact form on an initiative
relays a visitor's message to the address stored here.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import BodyBlock
from portal.models import NAMEN_ZOEKEN, BasePage, Thema, Wijk, WijkenPageForm
from portal.panels import page_tabs


class InitiatievenIndexPage(BasePage):
    """/initiatieven/: every bewonersinitiatief, filterable by wijk, thema and "zoekt hulp"."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["initiatieven.InitiatiefPage"]
    PER_PAGE = 12

    class Meta:
        verbose_name = _("overzicht initiatieven")

    def get_context(self, request, *args, **kwargs):
        from ..listing import initiatieven_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(initiatieven_listing(self, request))
        return context


class InitiatiefVaardigheid(TaggedItemBase):
    """A skill an initiative is looking for; the makelaar's matching compares these with talents."""

    content_object = ParentalKey(
        "initiatieven.InitiatiefPage", on_delete=models.CASCADE, related_name="vaardigheid_items"
    )


class InitiatiefPage(RoutablePageMixin, BasePage):
    """A resident-run initiative: buurtmoestuin, eetgroep, Bakkie in de Wijk."""

    STATUSSEN = [
        ("in_opbouw", _("In opbouw")),
        ("loopt", _("Loopt")),
        ("gestopt", _("Gestopt")),
    ]

    base_form_class = WijkenPageForm
    parent_page_types = ["initiatieven.InitiatievenIndexPage"]
    subpage_types = []

    initiatiefnemer = models.CharField(
        _("wie organiseert het?"),
        max_length=120,
        help_text=_("Een naam die op de site mag staan, zoals 'Bewoners van de Tulpstraat' of 'Fatma'."),
    )
    status = models.CharField(_("status"), max_length=20, choices=STATUSSEN, default="loopt")
    wijken = ParentalManyToManyField(Wijk, verbose_name=_("wijken"), blank=True, related_name="initiatieven")
    heel_de_stad = models.BooleanField(_("voor heel de stad"), default=False)
    themas = ParentalManyToManyField(
        Thema, verbose_name=_("thema's"), blank=True, related_name="initiatieven"
    )
    afbeelding = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hoofdfoto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("wat is het?"))
    vaardigheden = ClusterTaggableManager(
        through=InitiatiefVaardigheid,
        blank=True,
        verbose_name=_("gezochte vaardigheden"),
        help_text=_(
            "Bijvoorbeeld: koken, tuinieren, klussen. De sociaal makelaar koppelt hier talenten aan."
        ),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("initiatiefnemer"), FieldPanel("status")],
            heading=_("Wie en hoe staat het ervoor?"),
        ),
        FieldPanel("afbeelding"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("wijken"), FieldPanel("heel_de_stad"), FieldPanel("themas")],
            heading=_("Waar en waarover"),
        ),
        MultiFieldPanel(
            [InlinePanel("behoeften", label=_("Wat we zoeken")), FieldPanel("vaardigheden")],
            heading=_("Wat we zoeken"),
        ),
        InlinePanel("fotos", label=_("Foto"), heading=_("Meer foto's")),
        InlinePanel("activiteiten", label=_("Activiteit"), heading=_("Activiteiten in de agenda")),
    ]
    edit_handler = page_tabs(content_panels, BasePage.promote_panels, BasePage.settings_panels)
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("initiatiefnemer"),
        index.RelatedFields("themas", NAMEN_ZOEKEN),
        index.RelatedFields("wijken", [index.SearchField("naam")]),
        index.FilterField("status"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("initiatiefnemer"),
        TranslatableField("body"),
        SynchronizedField("status"),
        SynchronizedField("wijken"),
        SynchronizedField("heel_de_stad"),
        SynchronizedField("themas"),
        SynchronizedField("afbeelding"),
        SynchronizedField("vaardigheid_items"),
        SynchronizedField("behoeften"),
        SynchronizedField("fotos"),
        SynchronizedField("activiteiten"),
    ]

    class Meta:
        verbose_name = _("bewonersinitiatief")
        verbose_name_plural = _("bewonersinitiatieven")

    @property
    def zoekt_hulp(self):
        return self.status != "gestopt" and bool(self.behoeften.all())

    def contact_address(self):
        """The private address the contact form relays to, or None (then there is no form)."""
        from portal.translations import source_page

        # The submission belongs to the Dutch page; its translations relay to the same person.
        bijdrage = source_page(self).bijdragen.exclude(email="").order_by("-ingediend_op").first()
        return bijdrage.email if bijdrage else None

    def upcoming_activities(self):
        from activiteiten.models import Occurrence

        pages = [
            link.page for link in self.activiteiten.select_related("page") if link.page and link.page.live
        ]
        nexts = {}
        for occ in Occurrence.objects.filter(
            page__in=[p.pk for p in pages], end__gt=timezone.now(), status="gepland"
        ).order_by("start"):
            nexts.setdefault(occ.page_id, occ)
        return [(p, nexts.get(p.pk)) for p in pages]

    def get_context(self, request, *args, **kwargs):
        from ..meedoen.forms import ContactForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("contact_form", ContactForm())
        context["heeft_contact"] = self.contact_address() is not None
        # The form posts to the address the visitor is on, so an Arabic visitor of an untranslated initiative
        # (served at /ar/..., see BasePage.route) gets the errors and the thanks in Arabic.
        here = request.path
        sub = self.reverse_subpage("bericht")
        match = getattr(request, "routable_resolver_match", None)
        if match is not None and match.url_name == "bericht":
            here = here.removesuffix(sub)
        context["bericht_url"] = here + sub
        return context

    @path("bericht/", name="bericht")
    def bericht(self, request):
        from ..meedoen.views import relay_message

        return relay_message(request, self)

    @path("")
    def detail(self, request):
        return self.render(request)


class Behoefte(Orderable):
    """One thing an initiative is looking for: helpers, a place, materials or budget."""

    SOORTEN = [
        ("helpers", _("Mensen die helpen")),
        ("plek", _("Een plek")),
        ("materiaal", _("Spullen of materiaal")),
        ("budget", _("Geld of budget")),
    ]

    page = ParentalKey(InitiatiefPage, on_delete=models.CASCADE, related_name="behoeften")
    soort = models.CharField(_("wat zoeken jullie?"), max_length=20, choices=SOORTEN, default="helpers")
    tekst = models.CharField(
        _("korte uitleg"),
        max_length=200,
        help_text=_("Bijvoorbeeld: 'Iemand die op zaterdag de planten water geeft'."),
    )

    panels = [FieldPanel("soort"), FieldPanel("tekst")]

    class Meta(Orderable.Meta):
        verbose_name = _("wat we zoeken")
        verbose_name_plural = _("wat we zoeken")

    def __str__(self):
        return f"{self.get_soort_display()}: {self.tekst}"


class InitiatiefFoto(Orderable):
    page = ParentalKey(InitiatiefPage, on_delete=models.CASCADE, related_name="fotos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("foto"), on_delete=models.CASCADE, related_name="+"
    )
    bijschrift = models.CharField(_("bijschrift"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("bijschrift")]

    class Meta(Orderable.Meta):
        verbose_name = _("foto")
        verbose_name_plural = _("foto's")


class GekoppeldeActiviteit(Orderable):
    """An activity or spreekuur in the agenda that belongs to this initiative."""

    initiatief = ParentalKey(InitiatiefPage, on_delete=models.CASCADE, related_name="activiteiten")
    page = models.ForeignKey(
        "activiteiten.AgendaItemPage",
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="initiatief_links",
    )

    panels = [PageChooserPanel("page", ["activiteiten.ActiviteitPage", "activiteiten.SpreekuurPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")


class Bijdrage(models.Model):
    """Who proposed a page, and how to reach them. Private: only editors see this, never the public site."""

    SOORTEN = [
        ("activiteit", _("Activiteit")),
        ("spreekuur", _("Spreekuur")),
        ("initiatief", _("Initiatief")),
    ]
    STATUSSEN = [
        ("wacht", _("Wacht op controle")),
        ("goedgekeurd", _("Goedgekeurd")),
        ("afgewezen", _("Afgewezen")),
    ]

    page = models.ForeignKey(
        Page, verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="bijdragen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=SOORTEN)
    naam = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"))
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    taal = models.CharField(
        _("taal"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("De taal van het formulier. E-mails aan de inzender gaan in deze taal."),
    )
    status = models.CharField(_("status"), max_length=20, choices=STATUSSEN, default="wacht")
    aangemaakt_op = models.DateTimeField(_("eerste keer ingestuurd"), default=timezone.now)
    ingediend_op = models.DateTimeField(
        _("ingediend op"), default=timezone.now, help_text=_("Wanneer de laatste wijziging binnenkwam.")
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    opmerking_redactie = models.TextField(_("opmerking van de redactie"), blank=True)

    panels = [
        PageChooserPanel("page"),
        FieldPanel("soort"),
        MultiFieldPanel(
            [FieldPanel("naam"), FieldPanel("email"), FieldPanel("telefoon")],
            heading=_("Contact (nooit openbaar)"),
        ),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("bewonersbijdrage")
        verbose_name_plural = _("bewonersbijdragen")
        ordering = ["-ingediend_op"]
        indexes = [models.Index(fields=["status", "ingediend_op"], name="bijdrage_status")]

    def __str__(self):
        return f"{self.page.title} ({self.get_soort_display()}, {self.naam})"

    @property
    def is_pending(self):
        return self.status == "wacht"
