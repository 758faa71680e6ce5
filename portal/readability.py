"""The B1 readability hint for editors: the Flesch-Douma score of a page's Dutch text (textstat), in words.

A hint only: it never blocks saving or publishing. Flesch-Douma is Flesch's reading ease with Douma's
weights for Dutch; higher is easier. B1 (the level of most Dutch adults, and of government websites) is
roughly a score of 60 or more: short sentences with short, common words.
"""

import re

import textstat

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_WORDS = 20  # below this the score says little
LONG_SENTENCE = 15  # words; B1 advice: most sentences shorter than this

LEVELS = [
    (60, "makkelijk", _("Makkelijk (B1)"), _("Goed zo: de meeste mensen kunnen dit lezen.")),
    (
        50,
        "redelijk",
        _("Redelijk"),
        _("Bijna B1. Maak lange zinnen korter, of kies een korter woord waar dat kan."),
    ),
    (
        30,
        "moeilijk",
        _("Moeilijk"),
        _("Veel mensen haken af. Schrijf kortere zinnen en gebruik gewone, korte woorden."),
    ),
    (
        float("-inf"),
        "zeer-moeilijk",
        _("Zeer moeilijk"),
        _("Te moeilijk voor de meeste bewoners. Schrijf korte zinnen, met één boodschap per zin."),
    ),
]


def text_of(value):
    """All text in a StreamField's raw data (nested blocks included), or a plain string, without HTML."""
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, dict):
        return " ".join(text_of(v) for k, v in value.items() if k not in ("type", "id", "url", "link"))
    if isinstance(value, (list, tuple)):
        return " ".join(text_of(v) for v in value)
    return ""


def page_text(page):
    parts = [page.title or "", getattr(page, "intro", "") or ""]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "raw_data"):
        parts.append(text_of(list(body.raw_data)))
    # End a title or an intro without a full stop as a sentence, so it is not glued to the next one.
    return " ".join(p.strip().rstrip(".") + "." for p in parts if p and p.strip())


def readability(text):
    """``None`` when there is too little text; else the score, its level and plain advice, and the
    longest sentences (those over LONG_SENTENCE words)."""
    text = " ".join(text.split())
    words = textstat.lexicon_count(text)
    if words < MIN_WORDS:
        return None
    textstat.set_lang("nl")
    score = max(0, min(100, round(textstat.flesch_reading_ease(text))))  # the formula can leave 0-100
    _threshold, code, label, advice = next(level for level in LEVELS if score >= level[0])
    sentences = [s for s in SENTENCE_END.split(text) if s]
    long_ones = sorted(
        (s for s in sentences if textstat.lexicon_count(s) > LONG_SENTENCE),
        key=textstat.lexicon_count,
        reverse=True,
    )[:3]
    return {
        "score": score,
        "niveau": code,
        "label": label,
        "advies": advice,
        "woorden": words,
        "zinnen": len(sentences),
        "lange_zinnen": [(s, textstat.lexicon_count(s)) for s in long_ones],
    }
