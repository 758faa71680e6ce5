"""Keeping bots out of the public forms without a captcha or any request to a third party.

- A honeypot field that people never see (hidden with CSS and from screen readers).
- A minimum fill time: the form carries a signed timestamp; a POST that comes back sooner is a bot.
- A per-IP rate limit on every form: the sixth POST within ten minutes gets a friendly 429 page.

Bots that trip the first two are dropped silently: they see the normal thank-you page and nothing is
stored or sent. The rate limit uses Django's cache, so it holds across workers when the cache is shared
(Redis in production).
"""

import time

from django import forms
from django.conf import settings
from django.core import signing, validators
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

SALT = "initiatieven.formulier-tijd"
HONEYPOT = "website"


# Django's own messages are Dutch but not B1, and some repeat what was sent (up to 10,000 characters):
# "Selecteer een geldige keuze. X is geen beschikbare keuze." Each is replaced unless the field has its own.
PLAIN_MESSAGES = {
    "invalid_choice": _("Kies uit de lijst."),
    "invalid_pk_value": _("Kies uit de lijst."),
    "invalid_list": _("Kies uit de lijst."),
    "max_length": _("Dit is te lang. Gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
}
PLAIN_INVALID = {
    forms.DateField: _("Vul een datum in, bijvoorbeeld 14-12-2026."),
    forms.TimeField: _("Vul een tijd in, bijvoorbeeld 10:00."),
    forms.DecimalField: _("Vul een bedrag in, bijvoorbeeld 3,50."),
    forms.IntegerField: _("Vul een getal in."),
    forms.EmailField: _("Dit e-mailadres klopt niet. Kijk of er een @ in staat."),
    forms.URLField: _("Dit webadres klopt niet. Begin met https://"),
}
NUL_MESSAGE = _("Er staat een onzichtbaar teken in de tekst. Typ of plak de tekst opnieuw.")


def plain_messages(field):
    defaults = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    for code, message in PLAIN_MESSAGES.items():
        if code in defaults and str(field.error_messages.get(code)) == str(defaults[code]):
            field.error_messages[code] = message
    for cls, message in PLAIN_INVALID.items():
        if isinstance(field, cls) and str(field.error_messages.get("invalid")) == str(
            defaults.get("invalid")
        ):
            field.error_messages["invalid"] = message
    field.validators = [
        validators.ProhibitNullCharactersValidator(message=NUL_MESSAGE)
        if isinstance(v, validators.ProhibitNullCharactersValidator)
        else v
        for v in field.validators
    ]


def min_seconds():
    return getattr(settings, "PORTAL_FORM_MIN_SECONDS", 3)


class SpamProtectedForm(forms.Form):
    """Adds the honeypot and the signed start time. ``is_bot()`` after ``is_valid()`` says: drop it."""

    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    gestart = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Plainer than Django's "Dit is een verplicht veld." (unless the field says something better).
            if str(field.error_messages.get("required")) == str(
                forms.Field.default_error_messages["required"]
            ):
                multiple = isinstance(field, (forms.ChoiceField, forms.ModelChoiceField))
                field.error_messages["required"] = _("Kies er een.") if multiple else _("Vul dit in.")
            plain_messages(field)
        if not self.is_bound:
            self.fields["gestart"].initial = signing.dumps(time.time(), salt=SALT)

    def is_bot(self):
        data = self.data
        if data.get(HONEYPOT):
            return True
        try:
            started = float(signing.loads(data.get("gestart", ""), salt=SALT))
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return time.time() - started < min_seconds()


def client_ip(request):
    header = getattr(settings, "PORTAL_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


RATE_LIMIT = 5  # POSTs per window; the next one is refused
RATE_WINDOW = 600  # seconds


def over_rate_limit(request, scope):
    """Count this POST for the client's IP and ``scope``; True when it is over the limit."""
    key = f"rl:{scope}:{client_ip(request)}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > getattr(settings, "PORTAL_RATE_LIMIT", RATE_LIMIT)
