from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from portal.translations import with_translations

MAX_QUERY_LENGTH = 200
# Hits in the visitor's own language come first; more than this many of them is a word in every page.
MAX_TRANSLATED_HITS = 200


def search_terms(query):
    """The words to search for: without double quotes, which SQLite's full-text syntax would read as an
    unclosed phrase (a 500), and without NUL and other characters nobody can type."""
    return " ".join("".join(c if c.isprintable() and c != '"' else " " for c in query).split())


class Hits:
    """The paginator's sequence: the hits in the visitor's language (a list), then the Dutch hits of the
    other pages (search results, fetched a page at a time)."""

    def __init__(self, first, rest):
        self.first, self.rest = first, rest
        self._count = None

    def count(self):
        if self._count is None:
            self._count = len(self.first) + self.rest.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        head = self.first[start:stop]
        rest_start = max(start - len(self.first), 0)
        rest_stop = None if stop is None else max(stop - len(self.first), 0)
        if rest_stop is not None and rest_stop <= rest_start:
            return head
        return head + list(self.rest[rest_start:rest_stop])


def _public(locale):
    return Page.objects.live().public().filter(locale=locale, depth__gt=2)


def find_pages(terms):
    """Live public pages with all these words. In Dutch: the Dutch pages. In another language also the
    pages translated into it, found by the words of the translation and listed first; each page once."""
    default = Locale.get_default()
    language = translation.get_language() or settings.LANGUAGE_CODE
    own = Locale.objects.filter(language_code=language).exclude(pk=default.pk).first()
    if own is None:
        return _public(default).specific().search(terms, operator="and")
    # A translation counts only while its Dutch page is live and public: taking the Dutch page offline, or
    # behind a login, takes it out of the search in every language.
    dutch_keys = _public(default).values("translation_key")
    translated = list(
        _public(own)
        .filter(translation_key__in=dutch_keys)
        .specific()
        .search(terms, operator="and")[:MAX_TRANSLATED_HITS]
    )
    keys = [page.translation_key for page in translated]
    dutch = _public(default).exclude(translation_key__in=keys).specific().search(terms, operator="and")
    return Hits(translated, dutch)


def search(request):
    """Full-text search over live public pages, in the visitor's language too; Dutch stemming on
    PostgreSQL."""
    query = request.GET.get("q", "").strip()
    error = ""
    results_page = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Uw zoekopdracht is te lang. Gebruik maximaal %(max)s tekens.") % {"max": MAX_QUERY_LENGTH}
    elif query:
        terms = search_terms(query)
        pages = find_pages(terms) if terms else Page.objects.none()
        paginator = Paginator(pages, 10)
        results_page = paginator.get_page(request.GET.get("pagina"))
        # In the visitor's language; a translation found by its own words is its own translation.
        results_page.object_list = with_translations(results_page.object_list, request)
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "results": results_page, "error": error},
    )
