from functools import lru_cache

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from wagtail.models import Site

register = template.Library()


@lru_cache(maxsize=1)
def sprite_url():
    return static("img/icons.svg")


@register.simple_tag
def icon(name, css_class=""):
    """An inline SVG icon from the sprite. Decorative: the words next to it carry the meaning."""
    return format_html(
        '<svg class="icon {}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        css_class,
        sprite_url(),
        name,
    )


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    current = context.get("page")
    if site:
        # The Dutch menu, each item in the visitor's language where it is translated (portal.translations).
        from portal.translations import with_translations

        items = with_translations(site.root_page.get_children().live().in_menu(), request)
    return {"items": items, "current": current, "request": request}


@register.simple_tag(takes_context=True)
def card_url(context, page):
    """A listed page's address for this visitor (``portal.translations.with_translations``), else its own."""
    from wagtail.templatetags.wagtailcore_tags import pageurl

    return getattr(page, "shown_url", None) or pageurl(context, page)


@register.simple_tag(takes_context=True)
def local_path(context, path):
    """A Dutch address ("/agenda/", "/meedoen/") in the visitor's language (``portal.translations``)."""
    from portal.translations import local_path

    return local_path(path, context.get("request"))


@register.filter
def in_path(page, current):
    """True when ``current`` is ``page``, its translation or one of their descendants (for aria-current in
    the menu)."""
    if not current:
        return False
    return any(current.path.startswith(path) for path in (page.path, getattr(page, "shown_path", page.path)))


@register.filter
def facet_count(counts, value):
    """The count for one filter option: ``{{ facet_counts.wijk|facet_count:choice.data.value }}``."""
    if not counts:
        return 0
    return counts.get(str(value), counts.get("*", 0))


# What a professional types on a slip (their name and number) never goes into a link.
PERSONAL_PARAMS = {"naam", "telefoon", "email"}


def without_personal_params(request):
    query = request.GET.copy()
    for name in PERSONAL_PARAMS:
        query.pop(name, None)
    return request.path + (f"?{query.urlencode()}" if query else "")


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Each language, named in its own tongue, linking to this page in that language: its translation when
    there is a live one, else the same address under that language's prefix, which shows the Dutch page with
    that language's interface (BasePage.route)."""
    from django.conf import settings
    from django.urls import translate_url
    from django.utils import translation

    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None) and hasattr(page, "get_translations"):
        for other in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[other.locale.language_code] = other
    path = without_personal_params(request) if request else "/"
    links = []
    for code, name in settings.LANGUAGES:  # settings name each language in its own tongue
        url = translations[code].get_url(request) if code in translations else translate_url(path, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}
