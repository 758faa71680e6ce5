import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import SlugMultipleChoiceField
from portal.kalender import DAGDEEL_CHOICES
from portal.models import Doelgroep, Thema, Wijk

MAX_RANGE_DAYS = 366


class AgendaFilterForm(forms.Form):
    """The agenda's GET filters. Every field is optional; wrong values get a Dutch message at the field
    and the agenda still shows, with that one filter left out."""

    wijk = SlugMultipleChoiceField(Wijk.objects.all(), label=_("Wijk"), widget=forms.CheckboxSelectMultiple)
    thema = SlugMultipleChoiceField(
        Thema.objects.all(), label=_("Thema"), widget=forms.CheckboxSelectMultiple
    )
    doelgroep = SlugMultipleChoiceField(
        Doelgroep.objects.all(), label=_("Voor wie"), widget=forms.CheckboxSelectMultiple
    )
    van = forms.DateField(label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    dagdeel = forms.MultipleChoiceField(
        label=_("Dagdeel"),
        required=False,
        choices=DAGDEEL_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    gratis = forms.BooleanField(label=_("Alleen gratis"), required=False)
    inloop = forms.BooleanField(label=_("Gewoon binnenlopen"), required=False)
    toegankelijk = forms.BooleanField(label=_("Toegankelijk met rolstoel"), required=False)
    q = forms.CharField(label=_("Zoekwoord"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name in ("wijk", "thema", "doelgroep"):
            self.fields[name].error_messages["invalid_choice"] = _("'%(value)s' bestaat niet (meer).")
            self.fields[name].error_messages["invalid_pk_value"] = _("'%(pk)s' bestaat niet (meer).")
        self.fields["dagdeel"].error_messages["invalid_choice"] = _("Kies ochtend, middag of avond.")
        for name in ("van", "tot"):
            self.fields[name].error_messages["invalid"] = _("Vul een datum in, bijvoorbeeld 2026-05-01.")
        self.fields["q"].error_messages["max_length"] = _("Gebruik maximaal %(limit_value)d tekens.")

    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and tot:
            if tot < van:
                self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
            elif (tot - van).days > MAX_RANGE_DAYS:
                self.add_error("tot", _("Kies een periode van hoogstens een jaar."))
        for name in ("van", "tot"):
            day = cleaned.get(name)
            if day and not (dt.date(2000, 1, 1) <= day <= dt.date(2100, 12, 31)):
                self.add_error(name, _("Kies een datum tussen 2000 en 2100."))
        return cleaned
