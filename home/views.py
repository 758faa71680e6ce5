from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search_terms(query):
    """The words to search for: without double quotes, which SQLite's full-text syntax would read as an
    unclosed phrase (a 500), and without NUL and other characters nobody can type."""
    return " ".join("".join(c if c.isprintable() and c != '"' else " " for c in query).split())


def search(request):
    """Full-text search over live public pages; Dutch stemming on PostgreSQL."""
    query = request.GET.get("q", "").strip()
    error = ""
    results_page = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Uw zoekopdracht is te lang. Gebruik maximaal %(max)s tekens.") % {"max": MAX_QUERY_LENGTH}
    elif query:
        terms = search_terms(query)
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_default(), depth__gt=2)
            .specific()
            .search(terms, operator="and")
            if terms
            else Page.objects.none()
        )
        paginator = Paginator(pages, 10)
        results_page = paginator.get_page(request.GET.get("pagina"))
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "results": results_page, "error": error},
    )
