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


def _live_translation(source, language):
    """The live translation of the Dutch page ``source`` into ``language``; None in Dutch or without one."""
    if language == settings.LANGUAGE_CODE:
        return None
    return source.get_translations().live().filter(locale__language_code=language).first()


def url_in_language(page, language=None, request=None):
    """The address of ``page`` for a reader of ``language`` (default: the active one): its live translation's,
    else the Dutch page's under that language's prefix (served by ``BasePage.route`` with a notice). For
    links in e-mails and templates outside a listing."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    source = source_page(page)
    translated = _live_translation(source, language)
    if translated is not None:
        return translated.get_url(request)
    url = source.get_url(request)
    if not url or language == settings.LANGUAGE_CODE:
        return url
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, language)


def title_in_language(page, language=None):
    """The title of ``page`` for a reader of ``language`` (default: the active one): its live translation's,
    else the Dutch title. For e-mails, which name a page the way its link shows it."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    source = source_page(page)
    translated = _live_translation(source, language)
    return translated.title if translated is not None else source.title


def local_path(path, request=None):
    """A Dutch address ("/agenda/", "/privacy/", "/meedoen/idee/") in the active language: the translated
    page's own address when there is one ("/tr/takvim/"), else the address with the language prefix,
    which shows the Dutch page with its notice, or a form in that language. No query in Dutch."""
    language = translation.get_language()
    if not path or not language or language == settings.LANGUAGE_CODE:
        return path
    from wagtail.models import Page, Site

    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        dutch = (
            Page.objects.live()
            .filter(
                url_path=site.root_page.url_path + path.lstrip("/"),
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .first()
        )
        if dutch is not None:
            translated = dutch.get_translations().live().filter(locale__language_code=language).first()
            if translated is not None:
                return translated.get_url(request)
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, language)


def with_translations(pages, request=None):
    """``pages`` (in the default locale; a page already in the visitor's language finds itself) as a list,
    each with ``shown_title``, ``shown_intro``, ``shown_url`` and ``shown_lang`` for the visitor's
    language. Nothing to do in Dutch; in another language one query per page class, whatever the number
    of cards."""
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
