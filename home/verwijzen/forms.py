"""The finder's form: its GET parameters, each optional; a wrong value gets a Dutch message at its field."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.models import Taal
from portal.forms import SlugChoiceField, valid_values
from portal.kalender import WEEKDAYS
from portal.models import Doelgroep, Hulpvraag, Wijk

DAGDEEL_CHOICES = [
    ("overdag", gettext_lazy("Overdag (ochtend of middag)")),
    ("ochtend", gettext_lazy("Ochtend (tot 12 uur)")),
    ("middag", gettext_lazy("Middag (12 tot 18 uur)")),
    ("avond", gettext_lazy("Avond (vanaf 18 uur)")),
]
DAG_CHOICES = [(name, gettext_lazy(name)) for name in WEEKDAYS]  # maandag ... zondag
AANMELDEN_CHOICES = [
    ("", gettext_lazy("Maakt niet uit")),
    ("inloop", gettext_lazy("Gewoon binnenlopen, zonder aanmelden")),
    ("aanmelden", gettext_lazy("Met aanmelden")),
]


# --- The form ----------------------------------------------------------------------------------------


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Repeated values are fine (``?dagdeel=ochtend&dagdeel=ochtend``); one unknown value is an error."""

    def to_python(self, value):
        return list(dict.fromkeys(super().to_python(value)))[:20]


class FinderForm(forms.Form):
    """The finder's GET parameters. Every field is optional. A wrong value gets a Dutch message at its
    field and is left out; the other filters still apply (``valid_filters``)."""

    hulpvraag = SlugChoiceField(
        Hulpvraag.objects.all(),
        label=gettext_lazy("Waar zoekt je cliënt iets voor?"),
        message=gettext_lazy("Deze hulpvraag kennen we niet (meer). Kies er een uit de lijst."),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    wijk = SlugChoiceField(
        Wijk.objects.all(),
        label=gettext_lazy("Wijk"),
        message=gettext_lazy("Deze wijk kennen we niet. Kies een wijk uit de lijst."),
        empty_label=gettext_lazy("Alle wijken"),
    )
    dagdeel = LenientMultipleChoiceField(
        label=gettext_lazy("Wanneer kan je cliënt?"),
        required=False,
        choices=DAGDEEL_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    dag = LenientMultipleChoiceField(
        label=gettext_lazy("Op welke dag?"),
        required=False,
        choices=DAG_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    gratis = forms.BooleanField(label=gettext_lazy("Gratis"), required=False)
    aanmelden = forms.ChoiceField(
        label=gettext_lazy("Aanmelden"),
        required=False,
        choices=AANMELDEN_CHOICES,
        widget=forms.RadioSelect,
    )
    mee = forms.BooleanField(label=gettext_lazy("Iemand mag mee"), required=False)
    toegankelijk = forms.BooleanField(label=gettext_lazy("Toegankelijk met rolstoel"), required=False)
    taal = SlugChoiceField(
        Taal.objects.all(),
        to_field_name="code",
        label=gettext_lazy("Taal die je cliënt spreekt"),
        message=gettext_lazy("Deze taal kennen we niet. Kies een taal uit de lijst."),
        empty_label=gettext_lazy("Maakt niet uit"),
    )
    doelgroep = SlugChoiceField(
        Doelgroep.objects.all(),
        label=gettext_lazy("Je cliënt is"),
        message=gettext_lazy("Deze doelgroep kennen we niet. Kies er een uit de lijst."),
        empty_label=gettext_lazy("Maakt niet uit"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["dagdeel"].error_messages["invalid_choice"] = _("Kies ochtend, middag, avond of overdag.")
        self.fields["dag"].error_messages["invalid_choice"] = _("Kies een dag van de week, zoals dinsdag.")
        self.fields["aanmelden"].error_messages["invalid_choice"] = _(
            "Kies 'gewoon binnenlopen', 'met aanmelden' of 'maakt niet uit'."
        )

    def clean(self):
        cleaned = super().clean()
        for name in ("gratis", "mee", "toegankelijk"):
            if "\x00" in str(self.data.get(name, "")):
                self.add_error(name, _("Deze keuze klopt niet. Vink het vakje aan of uit."))
        return cleaned

    def valid_filters(self):
        """The non-empty value of every valid field, so one bad field does not drop the others."""
        return valid_values(self)
