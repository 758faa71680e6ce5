"""A signal is anonymous: refuse text that looks like personal data, with a message that says what."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PATTERNS = [
    (re.compile(r"[\w.+-]+\s*(@|\(at\)|\[at\])\s*[\w-]+(\.[\w-]+)+", re.IGNORECASE), "een e-mailadres"),
    # 06-12345678, 06 - 123 456 78, +31 (0)6 12345678, 0031 23 5550110, 023-5550110
    (re.compile(r"(?<!\d)(\+31|0031|0)[\s\-()0]*\d([\s\-()]*\d){8}(?!\d)"), "een telefoonnummer"),
    # 2031 AB 12, 2031AB, huisnummer 12
    (
        re.compile(
            r"\b\d{4}\s?(?!(om|en|of|in|op|te|is|ik|je|we|ze|al|na|zo|nu|ja|uur|tot|de|het)\b)[a-z]{2}\b"
            r"[\s,]*((huis)?n(umme)?r\.?\s*)?\d+",
            re.IGNORECASE,
        ),
        "een postcode met huisnummer",
    ),
    (
        re.compile(
            r"\b\w*(straat|laan|weg|plein|kade|gracht|dreef|singel|hof|park|dijk|pad|steeg|plantsoen)"
            r"\s*\d+",
            re.IGNORECASE,
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
