"""Activities and spreekuren: what they share (``AgendaItemPage``: tags, place, cost, sign-up, contact and
the schedule), the two page types, and their editor's form and tabs."""

import datetime

from recurrence.fields import RecurrenceField

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import BodyBlock
from portal.models import (
    NAMEN_ZOEKEN,
    BasePage,
    Doelgroep,
    LocatiePage,
    OrganisatiePage,
    Thema,
    Wijk,
    WijkenPageForm,
)
from portal.panels import PageTabs

from ..describe import describe_schedule
from ..panels import OrphanedExceptionsPanel
from ..recurrence import Schedule, expand
from ..widgets import RecurrenceWidget
from .taal import Taal

MAX_DAGEN = 14  # the longest one occurrence may last; the agenda queries rely on it


class AgendaItemPageForm(WijkenPageForm):
    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("locatie") or cleaned.get("adres_vrij") or cleaned.get("online")):
            self.add_error("locatie", _("Kies een locatie, vul een adres in of vink 'online' aan."))
        if cleaned.get("kosten") == "bedrag" and cleaned.get("bedrag") in (None, ""):
            self.add_error("bedrag", _("Vul het bedrag in, of kies 'gratis' of 'vrijwillige bijdrage'."))
        start, eind = cleaned.get("start_datum"), cleaned.get("eind_datum")
        if start and eind and eind < start:
            self.add_error("eind_datum", _("De einddatum ligt vóór de startdatum."))
        slots = self.formsets.get("tijdsloten")
        if slots is not None and slots.is_valid():
            remaining = [f for f in slots.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
            if not remaining:
                self.add_error(None, _("Voeg minstens één tijd toe (bijvoorbeeld 10:00 tot 12:00)."))
            one_day = (cleaned.get("dagen") or 1) <= 1
            for form in remaining:
                van, tot = form.cleaned_data.get("start_tijd"), form.cleaned_data.get("eind_tijd")
                if one_day and van and tot and tot <= van:
                    form.add_error("eind_tijd", _("De eindtijd moet na de begintijd liggen."))
        changes = self.formsets.get("uitzonderingen")
        if changes is not None and changes.is_valid():
            seen = set()
            for form in changes.forms:
                if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                    continue
                datum = form.cleaned_data.get("datum")
                if datum in seen:
                    form.add_error("datum", _("Er is al een uitzondering voor deze datum."))
                seen.add(datum)
        return cleaned


def agenda_edit_handler(content_panels):
    """Tabs for the editor: what, when, practical, and Wagtail's own promote and settings tabs."""
    return PageTabs(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(AgendaItemPage.schedule_panels, heading=_("Wanneer")),
            ObjectList(AgendaItemPage.practical_panels, heading=_("Praktisch")),
            ObjectList(BasePage.promote_panels, heading=_("Promoten")),
            ObjectList(BasePage.settings_panels, heading=_("Instellingen")),
        ]
    )


class AgendaItemPage(BasePage):
    """What activities and spreekuren share: tags, place, cost, sign-up, contact and the schedule.

    Not creatable itself; ActiviteitPage and SpreekuurPage extend it, so the occurrence table and the
    agenda listing have one table to join.
    """

    is_creatable = False
    base_form_class = AgendaItemPageForm

    KOSTEN = [
        ("gratis", _("Gratis")),
        ("bedrag", _("Een bedrag")),
        ("vrijwillig", _("Vrijwillige bijdrage")),
    ]
    AANMELDEN = [("inloop", _("Gewoon binnenlopen")), ("aanmelden", _("Aanmelden nodig"))]

    # What and for whom
    wijken = ParentalManyToManyField(Wijk, verbose_name=_("wijken"), blank=True, related_name="agenda_items")
    heel_de_stad = models.BooleanField(_("voor heel de stad"), default=False)
    themas = ParentalManyToManyField(
        Thema, verbose_name=_("thema's"), blank=True, related_name="agenda_items"
    )
    doelgroepen = ParentalManyToManyField(
        Doelgroep, verbose_name=_("doelgroepen"), blank=True, related_name="agenda_items"
    )
    afbeelding = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("meer informatie"))

    # Where
    locatie = models.ForeignKey(
        LocatiePage,
        verbose_name=_("locatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    adres_vrij = models.CharField(
        _("of een ander adres"),
        max_length=200,
        blank=True,
        help_text=_("Als de plek geen locatiepagina heeft."),
    )
    online = models.BooleanField(_("online"), default=False)

    # Who organises it
    organisator = models.ForeignKey(
        OrganisatiePage,
        verbose_name=_("organisator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    organisator_naam = models.CharField(
        _("of de naam van de organisator"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld een bewonersgroep."),
    )
    contact_naam = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    contact_telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)

    # Cost and sign-up
    kosten = models.CharField(_("kosten"), max_length=20, choices=KOSTEN, default="gratis")
    bedrag = models.DecimalField(_("bedrag in euro"), max_digits=7, decimal_places=2, null=True, blank=True)
    aanmelden = models.CharField(_("aanmelden"), max_length=20, choices=AANMELDEN, default="inloop")
    aanmelden_hoe = models.CharField(
        _("hoe meld je je aan?"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: 'Bel Ineke: 023 555 01 10'."),
    )
    iemand_mag_mee = models.BooleanField(
        _("iemand mag mee"),
        default=True,
        help_text=_("Mag je iemand meenemen, zoals een buur of je begeleider?"),
    )
    talen = ParentalManyToManyField(Taal, verbose_name=_("gesproken talen"), blank=True, related_name="+")

    # Schedule
    start_datum = models.DateField(_("eerste datum"))
    eind_datum = models.DateField(
        _("laatste datum"), null=True, blank=True, help_text=_("Leeg laten als de reeks doorloopt.")
    )
    recurrence = RecurrenceField(
        verbose_name=_("herhaling"),
        blank=True,
        include_dtstart=False,
        help_text=_("Leeg laten voor een eenmalige activiteit."),
    )
    dagen = models.PositiveSmallIntegerField(
        _("aantal dagen"),
        default=1,
        validators=[
            MinValueValidator(1, _("Vul minstens 1 dag in.")),
            MaxValueValidator(MAX_DAGEN, _("Eén keer duurt hoogstens %(limit_value)s dagen.")),
        ],
        help_text=_("Duurt één keer meerdere dagen, zoals een buurtcamping? Vul het aantal dagen in."),
    )
    vervalt_op_feestdagen = models.BooleanField(
        _("vervalt op feestdagen"),
        default=True,
        help_text=_("Op officiële feestdagen (zoals Koningsdag en Kerst) gaat het niet door."),
    )

    tags_panels = [
        MultiFieldPanel(
            [
                FieldPanel("wijken"),
                FieldPanel("heel_de_stad"),
                FieldPanel("themas"),
                FieldPanel("doelgroepen"),
            ],
            heading=_("Voor wie en waar in de stad"),
        )
    ]
    practical_panels = [
        MultiFieldPanel(
            [FieldPanel("locatie"), FieldPanel("adres_vrij"), FieldPanel("online")],
            heading=_("Plek"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kosten"), FieldPanel("bedrag")]),
                FieldRowPanel([FieldPanel("aanmelden"), FieldPanel("aanmelden_hoe")]),
                FieldPanel("iemand_mag_mee"),
                FieldPanel("talen"),
            ],
            heading=_("Praktisch"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisator"),
                FieldPanel("organisator_naam"),
                FieldRowPanel(
                    [FieldPanel("contact_naam"), FieldPanel("contact_telefoon"), FieldPanel("contact_email")]
                ),
            ],
            heading=_("Organisator en contact (openbaar)"),
        ),
    ]
    schedule_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_datum"), FieldPanel("eind_datum"), FieldPanel("dagen")]),
                FieldPanel("recurrence", widget=RecurrenceWidget()),
                FieldPanel("vervalt_op_feestdagen"),
            ],
            heading=_("Wanneer"),
        ),
        InlinePanel("tijdsloten", heading=_("Tijden"), label=_("Tijd"), min_num=1),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Gaat één datum niet door, of is die verplaatst? Voeg een uitzondering toe. "
                        "De datum blijft in de agenda staan met jouw uitleg."
                    )
                ),
                OrphanedExceptionsPanel(),
                InlinePanel("uitzonderingen", label=_("Uitzondering")),
            ],
            heading=_("Uitzonderingen"),
        ),
    ]
    content_panels = BasePage.content_panels + [FieldPanel("afbeelding"), FieldPanel("body")] + tags_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("organisator_naam"),
        index.RelatedFields("themas", NAMEN_ZOEKEN),
        index.RelatedFields("wijken", [index.SearchField("naam")]),
        index.RelatedFields("doelgroepen", NAMEN_ZOEKEN),
    ]
    # Translations share the Dutch page's schedule, and so its stored dates (``shared_occurrences``).
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        TranslatableField("aanmelden_hoe"),
        # Schedule
        SynchronizedField("start_datum"),
        SynchronizedField("eind_datum"),
        SynchronizedField("recurrence"),
        SynchronizedField("dagen"),
        SynchronizedField("vervalt_op_feestdagen"),
        SynchronizedField("tijdsloten"),
        SynchronizedField("uitzonderingen"),
        # Tags and relations
        SynchronizedField("wijken"),
        SynchronizedField("heel_de_stad"),
        SynchronizedField("themas"),
        SynchronizedField("doelgroepen"),
        SynchronizedField("talen"),
        SynchronizedField("afbeelding"),
        SynchronizedField("locatie"),
        SynchronizedField("adres_vrij"),
        SynchronizedField("online"),
        SynchronizedField("organisator"),
        SynchronizedField("organisator_naam"),
        # Cost, sign-up and contact
        SynchronizedField("kosten"),
        SynchronizedField("bedrag"),
        SynchronizedField("aanmelden"),
        SynchronizedField("iemand_mag_mee"),
        SynchronizedField("contact_naam"),
        SynchronizedField("contact_telefoon"),
        SynchronizedField("contact_email"),
    ]

    class Meta:
        verbose_name = _("agenda-item")
        verbose_name_plural = _("agenda-items")

    @property
    def is_gratis(self):
        return self.kosten == "gratis" or (self.kosten == "bedrag" and not self.bedrag)

    @staticmethod
    def gratis_q():
        """``is_gratis`` as a query condition on the page table."""
        return (
            models.Q(kosten="gratis")
            | models.Q(kosten="bedrag", bedrag__isnull=True)
            | models.Q(kosten="bedrag", bedrag=0)
        )

    @property
    def is_inloop(self):
        return self.aanmelden == "inloop"

    @property
    def is_spreekuur(self):
        """Also on the base class (agenda listings do not load the specific page)."""
        from django.contrib.contenttypes.models import ContentType

        return self.content_type_id == ContentType.objects.get_for_model(SpreekuurPage).id

    def get_aanmelden_label(self):
        if self.is_spreekuur:
            return _("Inloop: je kunt gewoon binnenlopen") if self.is_inloop else _("Op afspraak")
        return _("Gewoon binnenlopen") if self.is_inloop else _("Aanmelden nodig")

    def open_now(self):
        """True while one of its dates is going on (the "nu open" badge)."""
        now = timezone.now()
        return self.shared_occurrences.filter(start__lte=now, end__gt=now).exclude(status="vervalt").exists()

    @property
    def organisator_display(self):
        return self.organisator.title if self.organisator_id else self.organisator_naam

    @property
    def shared_occurrences(self):
        """The stored dates; a translation shares those of the page in the default locale."""
        from ..occurrences import source_page_id
        from .occurrence import Occurrence

        return Occurrence.objects.filter(page_id=source_page_id(self))

    def upcoming_occurrences(self, limit=5):
        return self.shared_occurrences.filter(end__gt=timezone.now()).select_related("locatie")[:limit]

    def upcoming_dates(self, request, limit=10):
        """The next dates: from the occurrence table, or computed directly for a preview (a draft
        never enters the table)."""
        if getattr(request, "is_preview", False):
            from ..occurrences import window

            start, end = window()
            return expand(Schedule.from_page(self), max(start, timezone.now()), end)[:limit]
        return list(self.upcoming_occurrences(limit))

    NOTICE_DAYS = 60

    def upcoming_notices(self, request, dates):
        """Cancelled, moved and changed dates in the coming weeks, by their original date, so a date
        that moved far away is still announced where people expect it."""
        now = timezone.now()
        until = now + datetime.timedelta(days=self.NOTICE_DAYS)
        if getattr(request, "is_preview", False):
            changed = [d for d in dates if d.status != "gepland"]
        else:
            changed = self.shared_occurrences.exclude(status="gepland").filter(
                models.Q(start__gt=now, start__lt=until)
                | models.Q(original_start__gt=now, original_start__lt=until)
            )
        return sorted(changed, key=lambda d: d.original_start or d.start)[:10]

    def get_context(self, request, *args, **kwargs):
        from .. import jsonld

        context = super().get_context(request, *args, **kwargs)
        dates = self.upcoming_dates(request)
        context.update(
            dates=dates[:5],
            notices=self.upcoming_notices(request, dates),
            schedule_text=describe_schedule(self),
            jsonld=jsonld.script_tag(jsonld.events(self, dates, request)),
            share_url=request.build_absolute_uri(self.get_url(request)),
        )
        return context

    def get_kosten_display_full(self):
        """The cost in words, an amount in the active language's number format (€ 3,50 in Dutch)."""
        if self.kosten == "bedrag" and self.bedrag:
            return "€ " + formats.number_format(self.bedrag, 2, use_l10n=True)
        return self.get_kosten_display()


class ActiviteitPage(AgendaItemPage):
    """A recurring or one-off collective activity: koffie-ochtend, taalcafé, wandelgroep ..."""

    parent_page_types = ["activiteiten.AgendaPage"]
    subpage_types = []
    template = "activiteiten/agenda_item_page.html"
    edit_handler = agenda_edit_handler(AgendaItemPage.content_panels)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")


class SpreekuurPage(AgendaItemPage):
    """A walk-in or appointment hour of a service: wijkteam inloop, Digitaal Sterk, formulierenhulp."""

    onderwerpen = models.TextField(
        _("waarmee kun je komen?"),
        blank=True,
        help_text=_("Eén onderwerp per regel, bijvoorbeeld 'brieven van de Belastingdienst'."),
    )

    parent_page_types = ["activiteiten.AgendaPage"]
    subpage_types = []
    template = "activiteiten/agenda_item_page.html"
    content_panels = AgendaItemPage.content_panels + [FieldPanel("onderwerpen")]
    edit_handler = agenda_edit_handler(content_panels)
    search_fields = AgendaItemPage.search_fields + [index.SearchField("onderwerpen")]
    translatable_fields = AgendaItemPage.translatable_fields + [TranslatableField("onderwerpen")]

    class Meta:
        verbose_name = _("spreekuur")
        verbose_name_plural = _("spreekuren")

    @property
    def onderwerpen_list(self):
        return [regel.strip() for regel in self.onderwerpen.splitlines() if regel.strip()]
