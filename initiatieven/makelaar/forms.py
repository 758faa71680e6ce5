"""The sociaal makelaar's intake: "Ik heb een idee" and "Ik wil helpen" (the public forms for ideas and
talents). Plain Dutch (B1), no account, no JavaScript needed; the personal data stays with the makelaar."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Thema, Wijk
from portal.spam import SpamProtectedForm

from ..meedoen.emails import submitter_language
from ..meedoen.forms import CHECKBOXES, ContactDetailsMixin, parse_skills

VAARDIGHEDEN = [
    # (tag, label): the tag is what matching compares with the skills initiatives ask for.
    ("koken", _("Koken")),
    ("tuinieren", _("Tuinieren")),
    ("klussen", _("Klussen")),
    ("fietsen repareren", _("Fietsen repareren")),
    ("nederlands oefenen", _("Nederlands oefenen")),
    ("computer en telefoon", _("Computer en telefoon")),
    ("administratie", _("Administratie")),
    ("muziek", _("Muziek")),
    ("sport en bewegen", _("Sport en bewegen")),
    ("vervoer", _("Vervoer")),
    ("kinderen", _("Iets met kinderen")),
    ("gezelschap", _("Gezelschap")),
]
TALENT_TIJD = [
    ("eenmalig", _("Eén keer, bijvoorbeeld bij een buurtfeest")),
    ("af_en_toe", _("Af en toe, als het mij uitkomt")),
    ("wekelijks", _("Elke week")),
]
TOO_LONG = _("Dit is te lang. Gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d).")


def bewaartermijn_maanden():
    from django.conf import settings

    return getattr(settings, "PORTAL_BEWAARTERMIJN_MAANDEN", 12)


def privacy_url():
    from portal.translations import local_path

    return local_path("/privacy/")


def bewaartermijn_tekst():
    """The retention sentence under the consent checkbox and on the confirmation page."""
    from django.utils.translation import ngettext

    months = bewaartermijn_maanden()
    return ngettext(
        "We bewaren je gegevens tot %(n)d maand nadat we klaar zijn. Daarna wissen we je naam en "
        "contactgegevens.",
        "We bewaren je gegevens tot %(n)d maanden nadat we klaar zijn. Daarna wissen we je naam en "
        "contactgegevens.",
        months,
    ) % {"n": months}


class MakelaarContactMixin(ContactDetailsMixin):
    """A name plus an e-mail address and/or a phone number: the sociaal makelaar needs one way to reach
    you. A required consent checkbox says how long we keep it."""

    email = forms.EmailField(
        label=_("Je e-mailadres"),
        required=False,
        max_length=254,
        help_text=_("Vul je e-mailadres of je telefoonnummer in. Allebei mag ook."),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat.")},
    )
    telefoon = forms.CharField(
        label=_("Je telefoonnummer"),
        max_length=30,
        required=False,
        help_text=_("Bijvoorbeeld: 06 12345678."),
    )
    toestemming = forms.BooleanField(
        # No full stop: the error summary puts "label: message".
        label=_("Ja, de sociaal makelaar mag mijn gegevens gebruiken om mij te bereiken"),
        error_messages={
            "required": _("Vink dit aan. Zonder jouw toestemming mogen we je gegevens niet gebruiken.")
        },
    )

    def __init__(self, *args, **kwargs):
        from django.utils.html import format_html

        super().__init__(*args, **kwargs)
        self.fields["toestemming"].help_text = format_html(
            '{} <a href="{}">{}</a>', bewaartermijn_tekst(), privacy_url(), _("Lees meer over je privacy.")
        )
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = TOO_LONG

    def clean_contact(self, cleaned):
        if "email" in self.errors or "telefoon" in self.errors:
            return
        if not cleaned.get("email") and not cleaned.get("telefoon"):
            self.add_error(
                "email",
                _(
                    "Vul je e-mailadres of je telefoonnummer in. "
                    "Anders kan de sociaal makelaar je niet bereiken."
                ),
            )

    def contact_fields(self):
        cleaned = self.cleaned_data
        return {
            "naam": " ".join(cleaned["naam"].split()),
            "email": cleaned.get("email") or "",
            "telefoon": cleaned.get("telefoon") or "",
            "taal": submitter_language(),  # e-mails about it go in the language of the form
            "toestemming_op": timezone.now(),
        }

    def contact_kanalen(self):
        """'e', 't' or 'et': how the makelaar can reach the resident (without the address itself)."""
        cleaned = self.cleaned_data
        return ("e" if cleaned.get("email") else "") + ("t" if cleaned.get("telefoon") else "")

    @property
    def sections(self):
        return [
            (title, [self[name] for name in names if name in self.fields]) for title, names in self.SECTIONS
        ]


CONTACT_SECTION = (_("Over jou (niet openbaar)"), ["naam", "email", "telefoon", "toestemming"])


class IdeeForm(MakelaarContactMixin, SpamProtectedForm):
    """Ik heb een idee: the ABCD intake. Start from what the resident wants and can, not from a problem."""

    idee = forms.CharField(
        label=_("Wat is je idee?"),
        max_length=3000,
        help_text=_(
            "Vertel het in je eigen woorden. Bijvoorbeeld: 'Eén keer per maand samen eten in het buurthuis.'"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    voor_wie = forms.CharField(
        label=_("Voor wie is het? (mag leeg)"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: 'voor ouderen in mijn straat' of 'voor iedereen'."),
    )
    nodig = forms.CharField(
        label=_("Wat is er nodig? (mag leeg)"),
        max_length=2000,
        required=False,
        help_text=_("Bijvoorbeeld: een ruimte, spullen, een beetje geld of mensen die helpen."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    goed_in = forms.CharField(
        label=_("Waar ben je zelf goed in? (mag leeg)"),
        max_length=2000,
        required=False,
        help_text=_("Bijvoorbeeld: koken, mensen bij elkaar brengen of dingen regelen."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wie_nog = forms.CharField(
        label=_("Wie doen er nog meer mee? (mag leeg)"),
        max_length=2000,
        required=False,
        help_text=_("Bijvoorbeeld: twee buren, de school of de moskee. Nog niemand? Dat is ook goed."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wijk = forms.ModelChoiceField(
        Wijk.objects.order_by("naam"),
        label=_("In welke wijk?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies je wijk."),
            "invalid_choice": _("Kies een wijk uit de lijst."),
        },
    )
    thema = forms.ModelChoiceField(
        Thema.objects.all(),
        label=_("Waar gaat het over? (mag leeg)"),
        required=False,
        empty_label=_("Weet ik niet"),
        help_text=_("Weet je het niet? Dan kiest de sociaal makelaar het."),
        error_messages={"invalid_choice": _("Kies een onderwerp uit de lijst.")},
    )

    SECTIONS = [
        (_("Je idee"), ["idee", "voor_wie", "nodig", "goed_in", "wie_nog"]),
        (_("Waar in de stad?"), ["wijk", "thema"]),
        CONTACT_SECTION,
    ]

    def clean(self):
        cleaned = super().clean()
        self.clean_contact(cleaned)
        return cleaned

    def save(self):
        from ..models import Idee

        cleaned = self.cleaned_data
        return Idee.objects.create(
            wijk=cleaned["wijk"],
            thema=cleaned.get("thema"),
            idee=cleaned["idee"].strip(),
            voor_wie=cleaned["voor_wie"].strip(),
            nodig=cleaned["nodig"].strip(),
            goed_in=cleaned["goed_in"].strip(),
            wie_nog=cleaned["wie_nog"].strip(),
            **self.contact_fields(),
        )


class TalentForm(MakelaarContactMixin, SpamProtectedForm):
    """Ik wil helpen / dit kan ik: a skill or some time, in one or more wijken."""

    vaardigheden = forms.MultipleChoiceField(
        label=_("Waar kun je mee helpen?"),
        choices=VAARDIGHEDEN,
        required=False,
        widget=CHECKBOXES,
        help_text=_("Kies zoveel als je wilt. Staat het er niet bij? Vul het hieronder in."),
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    iets_anders = forms.CharField(
        label=_("Iets anders? (mag leeg)"),
        max_length=300,
        required=False,
        help_text=_("Met komma's ertussen, bijvoorbeeld: naaien, schilderen."),
    )
    tijd = forms.ChoiceField(
        label=_("Hoe vaak kun je helpen?"),
        choices=TALENT_TIJD,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe vaak je kunt."), "invalid_choice": _("Kies uit de lijst.")},
    )
    dagdelen = forms.MultipleChoiceField(
        label=_("Wanneer kun je? (mag leeg)"),
        choices=[
            ("ochtend", _("'s Ochtends")),
            ("middag", _("'s Middags")),
            ("avond", _("'s Avonds")),
            ("weekend", _("In het weekend")),
        ],
        required=False,
        widget=CHECKBOXES,
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    wijken = forms.ModelMultipleChoiceField(
        Wijk.objects.order_by("naam"),
        label=_("In welke wijk wil je helpen?"),
        widget=CHECKBOXES,
        help_text=_("Kies er één of meer."),
        error_messages={
            "required": _("Kies minstens één wijk."),
            "invalid_choice": _("Kies een wijk uit de lijst."),
            "invalid_pk_value": _("Kies een wijk uit de lijst."),
        },
    )
    toelichting = forms.CharField(
        label=_("Wil je er iets over vertellen? (mag leeg)"),
        max_length=2000,
        required=False,
        help_text=_(
            "Bijvoorbeeld: 'Ik kook graag voor een grote groep' of 'Ik heb een auto en kan mensen ophalen.'"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    SECTIONS = [
        (_("Wat kun je?"), ["vaardigheden", "iets_anders", "toelichting"]),
        (_("Wanneer en waar?"), ["tijd", "dagdelen", "wijken"]),
        CONTACT_SECTION,
    ]

    def clean(self):
        cleaned = super().clean()
        skills = list(cleaned.get("vaardigheden") or [])
        from ..makelaar.signalen import find_personal_data

        if find_personal_data(cleaned.get("iets_anders", "")):
            # Skills become tags that every editor sees in the admin's tag suggestions.
            self.add_error(
                "iets_anders",
                _("Zet hier alleen wat je kunt. Je telefoonnummer of e-mailadres vul je onderaan in."),
            )
            cleaned["iets_anders"] = ""
        for word in parse_skills(cleaned.get("iets_anders", "")):
            if re.search(r"\w", word) and word not in skills:
                skills.append(word)
        cleaned["skills"] = skills[:20]
        if not skills and not (cleaned.get("toelichting") or "").strip() and "iets_anders" not in self.errors:
            self.add_error(
                "vaardigheden",
                _("Kies iets wat je kunt, of vertel het in je eigen woorden onder 'Iets anders'."),
            )
        self.clean_contact(cleaned)
        return cleaned

    def save(self):
        from ..models import Talent

        cleaned = self.cleaned_data
        order = [code for code, _label in self.fields["dagdelen"].choices]
        talent = Talent.objects.create(
            toelichting=cleaned["toelichting"].strip(),
            tijd=cleaned["tijd"],
            dagdelen=[d for d in order if d in cleaned["dagdelen"]],
            **self.contact_fields(),
        )
        talent.wijken.set(cleaned["wijken"])
        if cleaned["skills"]:
            talent.vaardigheden.set(cleaned["skills"])
        return talent
