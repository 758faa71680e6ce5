"""Listings and translations: every listing lists the pages in the default locale (Dutch), each once.

A translation shares its Dutch page's tags, schedule and dates (``translatable_fields``), so listing the
Dutch pages finds everything exactly once. For a visitor in another language, ``with_translations`` puts
the live translation's title, intro and address on each card; a page without one keeps its Dutch text,
marked ``lang="nl"``, and links to the Dutch page under the visitor's language prefix, which
``BasePage.route`` serves with the visitor's interface and a notice.
"""

from collections import defaultdict

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale


def is_default_locale(page):
    return page.locale.language_code == settings.LANGUAGE_CODE


def source_page(page):
    """The page in the default locale: itself, or its Dutch original (itself when there is none)."""
    if is_default_locale(page):
        return page
    return page.get_translation_or_none(Locale.get_default()) or page


def with_translations(pages, request=None):
    """``pages`` (in the default locale) as a list, each with ``shown_title``, ``shown_intro``,
    ``shown_url`` and ``shown_lang`` for the visitor's language. Nothing to do in Dutch; in another
    language one query per page class, whatever the number of cards."""
    pages = list(pages)
    language = translation.get_language()
    if not pages or not language or language == settings.LANGUAGE_CODE:
        return pages
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        found = {
            other.translation_key: other
            for other in model.objects.live()
            .filter(locale__language_code=language, translation_key__in={p.translation_key for p in group})
            .defer_streamfields()
        }
        for page in group:
            other = found.get(page.translation_key)
            if other is not None:
                page.shown_title, page.shown_intro = other.title, getattr(other, "intro", "")
                page.shown_url, page.shown_lang, page.shown_path = other.get_url(request), "", other.path
                continue
            page.shown_title, page.shown_intro = page.title, getattr(page, "intro", "")
            page.shown_lang = settings.LANGUAGE_CODE
            url = page.get_url(request)
            with translation.override(settings.LANGUAGE_CODE):
                page.shown_url = translate_url(url, language) if url else url
    return pages
