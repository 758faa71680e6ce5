"""The public forms: propose an activity, spreekuur or initiative; contact an initiative; edit links.

Labels and messages are plain Dutch (B1). Every form works without JavaScript. The schedule is asked in
plain terms (eenmalig, elke week, elke 2 weken, elke maand op de 2e dinsdag) and stored as the same RRULE
the agenda uses (``activiteiten.rules``).
"""

import datetime as dt
import re
import unicodedata

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from activiteiten.models import AgendaItemPage, Taal
from activiteiten.rules import HERHALINGEN, WEKEN_VAN_MAAND, build_rule, schedule_initial
from portal.kalender import RRULE_DAY_CHOICES
from portal.models import Doelgroep, LocatiePage, Thema, Wijk
from portal.spam import SpamProtectedForm

from ..models import Behoefte
from . import uploads

MAX_AHEAD_DAYS = 540  # the agenda stores dates for 18 months ahead

CHECKBOXES = forms.CheckboxSelectMultiple
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def live_in_default_locale(model):
    return model.objects.live().filter(locale=Locale.get_default())


class PhotoMixin(forms.Form):
    """An optional photo that survives a form with errors elsewhere, so nobody has to choose it twice."""

    foto = forms.FileField(
        label=_("Foto (mag ook later)"),
        required=False,
        help_text=_(
            "Een JPG-, PNG- of WebP-foto van hoogstens 5 MB. Zet er geen mensen op die dat niet willen."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    foto_bewaard = forms.CharField(required=False, widget=forms.HiddenInput)
    foto_weg = forms.BooleanField(label=_("Deze foto niet gebruiken"), required=False)
    foto_beschrijving = forms.CharField(
        label=_("Wat staat er op de foto?"),
        required=False,
        max_length=200,
        help_text=_("Voor mensen die de foto niet kunnen zien. Bijvoorbeeld: 'Buren aan een lange tafel'."),
    )

    def clean_photo_fields(self, cleaned):
        """Sets cleaned['photo'] to (bytes, extension) or None, and keeps a valid upload pending."""
        cleaned["photo"] = None
        upload = cleaned.get("foto")
        kept = cleaned.get("foto_bewaard")
        if cleaned.get("foto_weg"):
            if kept:
                uploads.drop_pending(kept)
            cleaned["foto_bewaard"] = ""
            return
        if upload:
            try:
                cleaned["photo"] = uploads.clean_photo(upload)
            except forms.ValidationError as error:
                self.add_error("foto", error)
                return
        elif kept:
            cleaned["photo"] = uploads.load_pending(kept)
            if cleaned["photo"] is None:
                cleaned["foto_bewaard"] = ""

    def keep_photo_for_retry(self):
        """Called when the form has errors: store a checked photo so the next POST still has it."""
        photo = self.cleaned_data.get("photo") if hasattr(self, "cleaned_data") else None
        if photo and not self.data.get("foto_bewaard"):
            reference = uploads.keep_pending(*photo)
            self.data = self.data.copy()
            self.data["foto_bewaard"] = reference
        return self

    @property
    def kept_photo(self):
        return bool(self.data.get("foto_bewaard")) if self.is_bound else False


class ContactDetailsMixin(forms.Form):
    naam = forms.CharField(label=_("Je naam"), max_length=120)
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Hier sturen we de bevestiging en je persoonlijke link naartoe."),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat.")},
    )
    telefoon = forms.CharField(
        label=_("Je telefoonnummer (mag leeg)"),
        max_length=30,
        required=False,
        help_text=_("Alleen als we je liever even bellen."),
    )

    def clean_telefoon(self):
        value = self.cleaned_data["telefoon"].strip()
        if value and not re.fullmatch(r"[0-9 +()\-]{6,30}", value):
            raise forms.ValidationError(_("Vul alleen cijfers in, bijvoorbeeld 06 12345678."))
        return value


class TagsMixin(forms.Form):
    wijken = forms.ModelMultipleChoiceField(
        Wijk.objects.all(), label=_("In welke wijk?"), required=False, widget=CHECKBOXES
    )
    heel_de_stad = forms.BooleanField(label=_("Voor heel de stad"), required=False)
    themas = forms.ModelMultipleChoiceField(
        Thema.objects.all(),
        label=_("Waar gaat het over?"),
        widget=CHECKBOXES,
        error_messages={"required": _("Kies minstens één onderwerp.")},
    )

    def clean_tags(self, cleaned):
        if not cleaned.get("wijken") and not cleaned.get("heel_de_stad"):
            self.add_error("wijken", _("Kies minstens één wijk, of vink 'voor heel de stad' aan."))


def _text_to_body(text):
    """Plain text from the form as paragraphs for the page body (escaped by the rich text block)."""
    from django.utils.html import escape

    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return [("paragraph", f"<p>{escape(p).replace(chr(10), '<br>')}</p>") for p in paragraphs]


def _body_to_text(body):
    parts = []
    for block in body:
        if block.block_type == "paragraph":
            html = str(block.value.source if hasattr(block.value, "source") else block.value)
            html = re.sub(r"<br\s*/?>", "\n", html)
            parts.append(strip_tags(html).strip())
    return "\n\n".join(p for p in parts if p)


class ActiviteitVoorstelForm(TagsMixin, PhotoMixin, ContactDetailsMixin, SpamProtectedForm):
    """Zet je activiteit in de agenda (or a spreekuur: taalhulp, formulierenhulp)."""

    soort = forms.ChoiceField(
        label=_("Wat wil je in de agenda zetten?"),
        choices=[
            ("activiteit", _("Een activiteit (zoals een koffie-ochtend, wandelgroep of eetgroep)")),
            ("spreekuur", _("Een spreekuur (zoals taalhulp of hulp bij formulieren)")),
        ],
        widget=forms.RadioSelect,
        initial="activiteit",
    )
    titel = forms.CharField(
        label=_("Hoe heet het?"), max_length=100, help_text=_("Bijvoorbeeld: 'Koffie-ochtend in de Tulp'.")
    )
    intro = forms.CharField(
        label=_("Wat ga je doen? Vertel het in één of twee zinnen."),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    beschrijving = forms.CharField(
        label=_("Wil je meer vertellen? (mag leeg)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    onderwerpen = forms.CharField(
        label=_("Alleen bij een spreekuur: waarmee kunnen mensen komen?"),
        required=False,
        max_length=1000,
        help_text=_("Eén onderwerp per regel, bijvoorbeeld 'brieven van de gemeente'."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    organisator_naam = forms.CharField(
        label=_("Wie organiseert het?"),
        max_length=120,
        help_text=_("Deze naam komt op de site. Bijvoorbeeld 'Bewoners van de Tulpstraat'."),
    )
    doelgroepen = forms.ModelMultipleChoiceField(
        Doelgroep.objects.all(), label=_("Voor wie is het? (mag leeg)"), required=False, widget=CHECKBOXES
    )

    # When
    herhaling = forms.ChoiceField(
        label=_("Hoe vaak?"), choices=HERHALINGEN, widget=forms.RadioSelect, initial="eenmalig"
    )
    datum = forms.DateField(
        label=_("Datum (bij een reeks: de eerste keer)"),
        widget=DATE,
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 14-12-2026.")},
    )
    weekdag = forms.ChoiceField(
        label=_("Op welke dag? (bij elke week, elke 2 weken of elke maand)"),
        choices=[("", _("Dezelfde dag als de eerste keer")), *RRULE_DAY_CHOICES],
        required=False,
    )
    week_van_maand = forms.ChoiceField(
        label=_("Alleen bij elke maand: de hoeveelste?"),
        choices=[("", _("Zoals de eerste keer"))] + WEKEN_VAN_MAAND,
        required=False,
    )
    begintijd = forms.TimeField(
        label=_("Hoe laat begint het?"),
        widget=TIME,
        error_messages={"invalid": _("Vul een tijd in, bijvoorbeeld 10:00.")},
    )
    eindtijd = forms.TimeField(
        label=_("Hoe laat is het afgelopen?"),
        widget=TIME,
        error_messages={"invalid": _("Vul een tijd in, bijvoorbeeld 12:00.")},
    )
    einddatum = forms.DateField(
        label=_("Tot wanneer? (leeg laten als het doorgaat)"), required=False, widget=DATE
    )

    # Where
    locatie = forms.ModelChoiceField(
        LocatiePage.objects.none(), label=_("Waar is het?"), required=False, empty_label=_("Kies een plek")
    )
    adres_vrij = forms.CharField(
        label=_("Staat de plek er niet bij? Vul het adres in"), max_length=200, required=False
    )
    online = forms.BooleanField(label=_("Het is online"), required=False)

    # Practical
    kosten = forms.ChoiceField(
        label=_("Kost het iets?"), choices=AgendaItemPage.KOSTEN, widget=forms.RadioSelect, initial="gratis"
    )
    bedrag = forms.DecimalField(
        label=_("Bedrag in euro"),
        required=False,
        max_digits=7,
        decimal_places=2,
        localize=True,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
        error_messages={"invalid": _("Vul een bedrag in, bijvoorbeeld 3,50.")},
    )
    aanmelden = forms.ChoiceField(
        label=_("Moeten mensen zich aanmelden?"),
        choices=AgendaItemPage.AANMELDEN,
        widget=forms.RadioSelect,
        initial="inloop",
    )
    aanmelden_hoe = forms.CharField(
        label=_("Hoe meld je je aan?"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: 'Stuur een berichtje naar 06 12345678'. Dit komt op de site."),
    )
    iemand_mag_mee = forms.BooleanField(
        label=_("Mensen mogen iemand meenemen, zoals een buur of begeleider"), required=False, initial=True
    )
    talen = forms.ModelMultipleChoiceField(
        Taal.objects.all(),
        label=_("Welke talen spreken jullie? (mag leeg)"),
        required=False,
        widget=CHECKBOXES,
    )

    SECTIONS = [
        (_("Wat is het?"), ["soort", "titel", "intro", "beschrijving", "onderwerpen", "organisator_naam"]),
        (_("Voor wie en waar in de stad?"), ["wijken", "heel_de_stad", "themas", "doelgroepen"]),
        (
            _("Wanneer?"),
            ["herhaling", "datum", "weekdag", "week_van_maand", "begintijd", "eindtijd", "einddatum"],
        ),
        (_("Waar?"), ["locatie", "adres_vrij", "online"]),
        (_("Praktisch"), ["kosten", "bedrag", "aanmelden", "aanmelden_hoe", "iemand_mag_mee", "talen"]),
        (_("Foto"), ["foto", "foto_beschrijving", "foto_weg"]),
        (_("Over jou (niet openbaar)"), ["naam", "email", "telefoon"]),
    ]

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.fields["locatie"].queryset = live_in_default_locale(LocatiePage).order_by("title")
        if editing:
            # Contact details stay as they are; the type of page cannot change.
            for name in ("naam", "email", "telefoon", "soort"):
                del self.fields[name]
            if self.initial.get("herhaling") == "ongewijzigd":
                # A schedule an editor made that these plain terms cannot express: keep it unless changed.
                self.fields["herhaling"].choices = [("ongewijzigd", _("Zoals het nu is"))] + HERHALINGEN

    @property
    def sections(self):
        return [
            (title, [self[name] for name in names if name in self.fields]) for title, names in self.SECTIONS
        ]

    def clean(self):
        cleaned = super().clean()
        self.clean_tags(cleaned)
        self.clean_photo_fields(cleaned)
        today = timezone.localdate()
        datum, einddatum = cleaned.get("datum"), cleaned.get("einddatum")
        if datum and not self.editing and datum < today:
            self.add_error("datum", _("Deze datum is al voorbij. Kies vandaag of een datum later."))
        if datum and datum > today + dt.timedelta(days=MAX_AHEAD_DAYS):
            self.add_error("datum", _("Deze datum ligt te ver weg. Kies een datum binnen anderhalf jaar."))
        if datum and einddatum and einddatum < datum:
            self.add_error("einddatum", _("Deze datum ligt vóór de eerste keer."))
        begin, eind = cleaned.get("begintijd"), cleaned.get("eindtijd")
        if begin and eind and eind <= begin:
            self.add_error("eindtijd", _("Het eind moet later zijn dan het begin."))
        if not (cleaned.get("locatie") or cleaned.get("adres_vrij", "").strip() or cleaned.get("online")):
            self.add_error("locatie", _("Kies een plek, vul een adres in of vink 'online' aan."))
        if (
            cleaned.get("kosten") == "bedrag"
            and cleaned.get("bedrag") is None
            and "bedrag" not in self.errors
        ):
            self.add_error("bedrag", _("Vul het bedrag in, of kies 'gratis' of 'vrijwillige bijdrage'."))
        if cleaned.get("aanmelden") == "aanmelden" and not cleaned.get("aanmelden_hoe", "").strip():
            self.add_error("aanmelden_hoe", _("Vertel hoe mensen zich kunnen aanmelden."))
        if cleaned.get("herhaling") == "ongewijzigd":
            cleaned["rule"], cleaned["start_datum"] = None, datum
        elif datum and cleaned.get("herhaling") and "datum" not in self.errors:
            cleaned["rule"], cleaned["start_datum"] = build_rule(cleaned)
            if cleaned["start_datum"] is None:
                self.add_error(
                    "datum", _("Er valt geen enkele datum in deze periode. Kijk de data nog eens na.")
                )
            elif einddatum and cleaned["start_datum"] > einddatum:
                self.add_error(
                    "einddatum", _("Vóór deze datum valt geen enkele keer. Kies een latere datum.")
                )
        return cleaned

    @classmethod
    def initial_from_page(cls, page):
        slot = page.tijdsloten.first()
        initial = {
            "titel": page.title,
            "intro": page.intro,
            "beschrijving": _body_to_text(page.body),
            "onderwerpen": getattr(page, "onderwerpen", ""),
            "organisator_naam": page.organisator_display,
            "wijken": list(page.wijken.all()),
            "heel_de_stad": page.heel_de_stad,
            "themas": list(page.themas.all()),
            "doelgroepen": list(page.doelgroepen.all()),
            "datum": page.start_datum,
            "einddatum": page.eind_datum,
            "begintijd": slot.start_tijd if slot else None,
            "eindtijd": slot.eind_tijd if slot else None,
            "locatie": page.locatie,
            "adres_vrij": page.adres_vrij,
            "online": page.online,
            "kosten": page.kosten,
            "bedrag": page.bedrag,
            "aanmelden": page.aanmelden,
            "aanmelden_hoe": page.aanmelden_hoe,
            "iemand_mag_mee": page.iemand_mag_mee,
            "talen": list(page.talen.all()),
        }
        initial.update(schedule_initial(page.recurrence))
        return initial


class InitiatiefVoorstelForm(TagsMixin, PhotoMixin, ContactDetailsMixin, SpamProtectedForm):
    """Meld je initiatief aan."""

    NEEDS = 3

    titel = forms.CharField(
        label=_("Hoe heet jullie initiatief?"),
        max_length=100,
        help_text=_("Bijvoorbeeld: 'Buurtmoestuin De Groene Hoek'."),
    )
    intro = forms.CharField(
        label=_("Wat doen jullie? Vertel het in één of twee zinnen."),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    beschrijving = forms.CharField(
        label=_("Wil je meer vertellen? (mag leeg)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    initiatiefnemer = forms.CharField(
        label=_("Wie organiseert het?"),
        max_length=120,
        help_text=_(
            "Deze naam komt op de site. Bijvoorbeeld 'Fatma en buren' of 'Bewoners van het Rozenplein'."
        ),
    )
    status = forms.ChoiceField(
        label=_("Hoe ver zijn jullie?"),
        choices=[
            ("in_opbouw", _("We beginnen net (in opbouw)")),
            ("loopt", _("Het loopt al")),
            ("gestopt", _("We zijn gestopt")),
        ],
        widget=forms.RadioSelect,
        initial="in_opbouw",
    )
    vaardigheden = forms.CharField(
        label=_("Welke vaardigheden zoeken jullie? (mag leeg)"),
        required=False,
        max_length=300,
        help_text=_("Met komma's ertussen, bijvoorbeeld: koken, tuinieren, klussen."),
    )

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if not editing:
            # New initiatives are in opbouw or already running; stopping is something you do later.
            self.fields["status"].choices = self.fields["status"].choices[:2]
        for i in range(1, self.NEEDS + 1):
            self.fields[f"behoefte_{i}_soort"] = forms.ChoiceField(
                label=_("Wat zoeken jullie? (%(n)s)") % {"n": i},
                choices=[("", _("Niets (meer)"))] + Behoefte.SOORTEN,
                required=False,
            )
            self.fields[f"behoefte_{i}_tekst"] = forms.CharField(
                label=_("Vertel er kort iets over (%(n)s)") % {"n": i},
                max_length=200,
                required=False,
            )
        if editing:
            for name in ("naam", "email", "telefoon"):
                del self.fields[name]

    @property
    def sections(self):
        needs = [f"behoefte_{i}_{part}" for i in range(1, self.NEEDS + 1) for part in ("soort", "tekst")]
        sections = [
            (_("Wat is het?"), ["titel", "intro", "beschrijving", "initiatiefnemer", "status"]),
            (_("Voor wie en waar in de stad?"), ["wijken", "heel_de_stad", "themas"]),
            (_("Wat zoeken jullie?"), needs + ["vaardigheden"]),
            (_("Foto"), ["foto", "foto_beschrijving", "foto_weg"]),
            (_("Over jou (niet openbaar)"), ["naam", "email", "telefoon"]),
        ]
        return [(title, [self[name] for name in names if name in self.fields]) for title, names in sections]

    def clean(self):
        cleaned = super().clean()
        self.clean_tags(cleaned)
        self.clean_photo_fields(cleaned)
        needs = []
        for i in range(1, self.NEEDS + 1):
            soort, tekst = (
                cleaned.get(f"behoefte_{i}_soort"),
                (cleaned.get(f"behoefte_{i}_tekst") or "").strip(),
            )
            if tekst and not soort:
                self.add_error(f"behoefte_{i}_soort", _("Kies wat jullie zoeken."))
            elif soort and not tekst:
                self.add_error(f"behoefte_{i}_tekst", _("Vertel er kort iets over."))
            elif soort:
                needs.append((soort, tekst))
        cleaned["needs"] = needs
        cleaned["skills"] = parse_skills(cleaned.get("vaardigheden", ""))
        return cleaned

    @classmethod
    def initial_from_page(cls, page):
        initial = {
            "titel": page.title,
            "intro": page.intro,
            "beschrijving": _body_to_text(page.body),
            "initiatiefnemer": page.initiatiefnemer,
            "status": page.status,
            "wijken": list(page.wijken.all()),
            "heel_de_stad": page.heel_de_stad,
            "themas": list(page.themas.all()),
            "vaardigheden": ", ".join(sorted(tag.name for tag in page.vaardigheden.all())),
        }
        for i, need in enumerate(page.behoeften.all()[: cls.NEEDS], start=1):
            initial[f"behoefte_{i}_soort"] = need.soort
            initial[f"behoefte_{i}_tekst"] = need.tekst
        return initial


def parse_skills(text):
    """The skills typed in one field, as tag names: split on commas, semicolons and lines, lower case,
    at most 60 characters each. The name is NFKC-normalised before it is cut, as the tag's slug is
    ('¼' becomes '1⁄4'), so the slug is never longer than the name and always fits its column."""
    skills = []
    for part in re.split(r"[,;\n]", text or ""):
        word = unicodedata.normalize("NFKC", " ".join(part.split()).lower())[:60]
        if word and word not in skills:
            skills.append(word)
    return skills[:15]


class ContactForm(SpamProtectedForm):
    """A visitor's message to an initiative, relayed by e-mail; the initiator's address stays private."""

    naam = forms.CharField(label=_("Je naam"), max_length=120)
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Zo kunnen ze je terugmailen."),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat.")},
    )
    bericht = forms.CharField(
        label=_("Je bericht"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Bijvoorbeeld: 'Ik wil op zaterdag helpen in de tuin.'"),
    )


class NieuweLinkForm(SpamProtectedForm):
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Het adres dat je gebruikte toen je je activiteit of initiatief instuurde."),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat.")},
    )


class DatumVervaltForm(forms.Form):
    """Cancel one date of the series; the choices are the coming dates."""

    datum = forms.TypedChoiceField(
        label=_("Welke datum gaat niet door?"),
        coerce=dt.date.fromisoformat,
        error_messages={"invalid_choice": _("Kies een van de datums uit de lijst.")},
    )
    toelichting = forms.CharField(
        label=_("Waarom niet? (mag leeg, komt op de site)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: 'Vervalt wegens ziekte'."),
    )

    def __init__(self, *args, dates=(), **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils import formats

        self.fields["datum"].choices = [("", _("Kies een datum"))] + [
            (d.isoformat(), formats.date_format(d, "l j F Y")) for d in dates
        ]


class StopReeksForm(forms.Form):
    vanaf = forms.DateField(
        label=_("Vanaf welke datum stopt het?"),
        widget=DATE,
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 14-12-2026.")},
    )
    toelichting = forms.CharField(label=_("Waarom? (mag leeg)"), max_length=200, required=False)
    zeker = forms.BooleanField(
        label=_("Ja, alle data vanaf deze datum gaan niet meer door"),
        error_messages={"required": _("Vink aan dat je zeker bent.")},
    )

    def clean_vanaf(self):
        vanaf = self.cleaned_data["vanaf"]
        if vanaf < timezone.localdate():
            raise forms.ValidationError(_("Deze datum is al voorbij. Kies vandaag of later."))
        return vanaf
