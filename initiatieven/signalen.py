"""A signal is anonymous: refuse text that looks like personal data, with a message that says what."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "een e-mailadres"),
    (re.compile(r"(?<!\d)(\+31|0031|0)[\s-]?(\d[\s-]?){9}(?!\d)"), "een telefoonnummer"),
    (
        re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b\s*(,\s*)?(nr\.?\s*)?\d+", re.IGNORECASE),
        "een postcode met huisnummer",
    ),
    (
        re.compile(
            r"\b[A-Z][a-z]+(straat|laan|weg|plein|kade|gracht|dreef|singel|hof|park|dijk|pad)\s+\d+",
        ),
        "een adres",
    ),
]


def find_personal_data(text):
    return [label for pattern, label in PATTERNS if pattern.search(text or "")]


def validate_no_personal_data(text):
    found = find_personal_data(text)
    if found:
        raise ValidationError(
            _(
                "Een signaal is anoniem. Haal %(wat)s weg en beschrijf wat er speelt, zonder te zeggen "
                "over wie het gaat."
            )
            % {"wat": _(" en ").join(found)}
        )
