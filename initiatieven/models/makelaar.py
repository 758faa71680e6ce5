"""The sociaal makelaar's queue: residents' ideas and talents, and professionals' anonymous signals.

Plain Django models with a status, managed through Wagtail viewsets (``wagtail_hooks.py``). A makelaar
sees only the items of the wijken they are linked to (``Wijk.makelaars``); see
``initiatieven.makelaar.queue``.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.kalender import DAGDEEL_CHOICES, WEEKEND_CHOICE
from portal.models import Thema, Wijk


class Status(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    IN_GESPREK = "in_gesprek", _("In gesprek")
    GEKOPPELD = "gekoppeld", _("Gekoppeld")
    LOOPT = "loopt", _("Loopt")
    AFGEROND = "afgerond", _("Afgerond")
    NIET_DOORGEGAAN = "niet_doorgegaan", _("Niet doorgegaan")


OPEN_STATUSES = [Status.NIEUW, Status.IN_GESPREK, Status.GEKOPPELD, Status.LOOPT]
CLOSED_STATUSES = [Status.AFGEROND, Status.NIET_DOORGEGAAN]


class Notitie(models.Model):
    """A private note of a makelaar on one queue item."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    tekst = models.TextField(_("notitie"))
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        ordering = ["-aangemaakt_op"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="notitie_item")]
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")

    def __str__(self):
        return self.tekst[:60]


class QueueItem(models.Model):
    """What ideas, talents and signals share: a status, a thema, who handles it, and when."""

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NIEUW)
    thema = models.ForeignKey(
        Thema, verbose_name=_("thema"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegewezen aan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("binnengekomen"), default=timezone.now, db_index=True)
    status_sinds = models.DateTimeField(_("status sinds"), default=timezone.now)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    notities = GenericRelation(Notitie)

    class Meta:
        abstract = True

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES


class ContactMixin(models.Model):
    """The resident's contact: only what the makelaar needs to get in touch."""

    naam = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    taal = models.CharField(
        _("taal"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("De taal van het formulier. E-mails aan deze bewoner gaan in deze taal."),
    )
    toestemming_op = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("contactgegevens gewist op"), null=True, blank=True)

    class Meta:
        abstract = True


class Idee(ContactMixin, QueueItem):
    """'Ik heb een idee': the ABCD intake."""

    wijk = models.ForeignKey(Wijk, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="ideeen")
    idee = models.TextField(_("wat is je idee?"), max_length=3000)
    voor_wie = models.CharField(_("voor wie?"), max_length=300, blank=True)
    nodig = models.TextField(_("wat is er nodig?"), max_length=2000, blank=True)
    goed_in = models.TextField(_("waar ben je zelf goed in?"), max_length=2000, blank=True)
    wie_nog = models.TextField(_("wie doen er nog meer mee?"), max_length=2000, blank=True)
    initiatief = models.ForeignKey(
        "initiatieven.InitiatiefPage",
        verbose_name=_("werd het initiatief"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideeen",
    )

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("idee")
        verbose_name_plural = _("ideeën")

    def __str__(self):
        # Neutral on purpose: this string becomes the label in Wagtail's audit log and site history,
        # which anyone with a permission on the model can read, across wijken. ``summary`` is for screens.
        return f"Idee {self.pk}"

    @property
    def summary(self):
        text = " ".join(self.idee.split())
        return text[:80] + ("…" if len(text) > 80 else "")

    def wijk_ids(self):
        return {self.wijk_id}


class TalentVaardigheid(TaggedItemBase):
    """Skills share taggit's tags with the skills of initiatives, so matching compares like with like."""

    content_object = models.ForeignKey(
        "initiatieven.Talent", on_delete=models.CASCADE, related_name="vaardigheid_items"
    )


class Talent(ContactMixin, QueueItem):
    """'Ik wil helpen / dit kan ik': a resident offering a skill or time."""

    TIJD = [
        ("eenmalig", _("Eén keer")),
        ("af_en_toe", _("Af en toe")),
        ("wekelijks", _("Elke week")),
    ]
    DAGDELEN = [*DAGDEEL_CHOICES, WEEKEND_CHOICE]

    vaardigheden = TaggableManager(through=TalentVaardigheid, blank=True, verbose_name=_("vaardigheden"))
    toelichting = models.TextField(_("wat kun je of wil je doen?"), max_length=2000, blank=True)
    tijd = models.CharField(_("hoeveel tijd?"), max_length=20, choices=TIJD, default="af_en_toe")
    dagdelen = models.JSONField(_("wanneer kun je?"), default=list, blank=True)
    wijken = models.ManyToManyField(Wijk, verbose_name=_("wijken"), related_name="talenten")

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("talent")
        verbose_name_plural = _("talenten")

    def __str__(self):
        return f"Talent {self.pk}"  # neutral: see Idee.__str__

    @property
    def summary(self):
        skills = ", ".join(t.name for t in self.vaardigheden.all()[:3])
        return f"{self.naam}: {skills or self.toelichting[:40]}"

    def wijk_ids(self):
        return set(self.wijken.values_list("pk", flat=True))

    def get_dagdelen_display(self):
        labels = dict(self.DAGDELEN)
        return ", ".join(str(labels.get(d, d)) for d in self.dagdelen)


class Signaal(QueueItem):
    """An anonymous note by a professional: a question or problem that plays in a wijk. No personal data."""

    wijk = models.ForeignKey(Wijk, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="signalen")
    tekst = models.CharField(
        _("wat speelt er?"),
        max_length=500,
        help_text=_("Zonder namen, adressen, telefoonnummers of e-mailadressen."),
    )
    aantal_bewoners = models.PositiveSmallIntegerField(_("over hoeveel bewoners gaat het?"), default=1)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self):
        return f"Signaal {self.pk}"  # neutral: see Idee.__str__

    @property
    def summary(self):
        return self.tekst[:80]

    def wijk_ids(self):
        return {self.wijk_id}


DEFAULT_STATUS_TEKSTEN = {
    "nieuw": (
        "We hebben je {soort} ontvangen. "
        "De sociaal makelaar van {wijk} neemt binnen 5 werkdagen contact met je op."
    ),
    "in_gesprek": (
        "De sociaal makelaar van {wijk} is met je {soort} bezig. "
        "We nemen contact met je op, of hebben dat al gedaan."
    ),
    "gekoppeld": (
        "Goed nieuws: we hebben je {soort} gekoppeld aan mensen of een plek in de buurt. "
        "Je hoort hierover van de sociaal makelaar."
    ),
    "loopt": "Je {soort} loopt. Fijn dat je meedoet in {wijk}!",
    "afgerond": "We hebben je {soort} afgerond. Bedankt dat je het met ons hebt gedeeld.",
    "niet_doorgegaan": (
        "Je {soort} gaat helaas niet door. De sociaal makelaar vertelt je graag waarom. "
        "Je kunt altijd een nieuw idee sturen."
    ),
}
T = DEFAULT_STATUS_TEKSTEN


@register_setting(icon="mail")
class MakelaarInstellingen(BaseSiteSetting):
    """What residents are told when the status of their idea or talent changes, and the bundling threshold."""

    tekst_nieuw = models.TextField(_("tekst bij 'Nieuw'"), default=T["nieuw"])
    tekst_in_gesprek = models.TextField(_("tekst bij 'In gesprek'"), default=T["in_gesprek"])
    tekst_gekoppeld = models.TextField(_("tekst bij 'Gekoppeld'"), default=T["gekoppeld"])
    tekst_loopt = models.TextField(_("tekst bij 'Loopt'"), default=T["loopt"])
    tekst_afgerond = models.TextField(_("tekst bij 'Afgerond'"), default=T["afgerond"])
    tekst_niet_doorgegaan = models.TextField(_("tekst bij 'Niet doorgegaan'"), default=T["niet_doorgegaan"])
    bundel_drempel = models.PositiveSmallIntegerField(
        _("drempel voor bundelen"),
        default=3,
        help_text=_("Vanaf hoeveel open vragen in één thema en wijk het overzicht 'bundelen?' voorstelt."),
    )

    panels = [
        HelpPanel(
            content=_(
                "Deze teksten krijgt een bewoner per e-mail als de status van zijn idee of aanbod verandert. "
                "Je kunt {soort} (idee of aanbod), {wijk} en {naam} gebruiken."
            )
        ),
        FieldPanel("tekst_nieuw"),
        FieldPanel("tekst_in_gesprek"),
        FieldPanel("tekst_gekoppeld"),
        FieldPanel("tekst_loopt"),
        FieldPanel("tekst_afgerond"),
        FieldPanel("tekst_niet_doorgegaan"),
        FieldPanel("bundel_drempel"),
    ]

    class Meta:
        verbose_name = _("sociaal makelaar: e-mails en bundelen")

    def status_tekst(self, status):
        return getattr(self, f"tekst_{status}", "") or DEFAULT_STATUS_TEKSTEN.get(status, "")


class Bundel(models.Model):
    """Similar questions grouped by a makelaar ("after three similar questions we act"). A bundel can
    become an activity or initiative."""

    naam = models.CharField(_("naam"), max_length=120)
    thema = models.ForeignKey(
        Thema, verbose_name=_("thema"), null=True, blank=True, on_delete=models.SET_NULL
    )
    wijk = models.ForeignKey(Wijk, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="bundels")
    notitie = models.TextField(_("notitie"), blank=True)
    ideeen = models.ManyToManyField(Idee, verbose_name=_("ideeën"), blank=True, related_name="bundels")
    talenten = models.ManyToManyField(Talent, verbose_name=_("talenten"), blank=True, related_name="bundels")
    signalen = models.ManyToManyField(Signaal, verbose_name=_("signalen"), blank=True, related_name="bundels")
    pagina = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("werd de pagina"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("bundel")
        verbose_name_plural = _("bundels")

    def __str__(self):
        return self.naam

    def wijk_ids(self):
        return {self.wijk_id}


class Koppeling(models.Model):
    """A talent linked to an initiative or activity by a makelaar; four weeks later: did it work?"""

    UITKOMSTEN = [
        ("match", _("Ja, het is een match")),
        ("geen_match", _("Nee, het klikte niet")),
        ("onbekend", _("Weet ik niet")),
    ]

    talent = models.ForeignKey(
        Talent, verbose_name=_("talent"), on_delete=models.CASCADE, related_name="koppelingen"
    )
    pagina = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("initiatief of activiteit"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    redenen = models.CharField(_("waarom"), max_length=300, blank=True)
    gekoppeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gekoppeld_op = models.DateTimeField(_("gekoppeld op"), default=timezone.now)
    opvolgen_op = models.DateField(_("navragen op"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=UITKOMSTEN, blank=True)
    uitkomst_op = models.DateTimeField(_("uitkomst vastgelegd op"), null=True, blank=True)
    nagevraagd_op = models.DateTimeField(_("makelaar gevraagd op"), null=True, blank=True)

    class Meta:
        ordering = ["-gekoppeld_op"]
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")

    def __str__(self):
        return f"{self.talent} → {self.pagina.title}"

    def wijk_ids(self):
        return self.talent.wijk_ids()
