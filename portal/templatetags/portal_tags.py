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
        root = site.root_page.localized
        items = list(root.get_children().live().in_menu())
    return {"items": items, "current": current, "request": request}


@register.filter
def in_path(page, current):
    """True when ``current`` is ``page`` or one of its descendants (for aria-current in the menu)."""
    return bool(current) and current.path.startswith(page.path)


@register.filter
def facet_count(counts, value):
    """The count for one filter option: ``{{ facet_counts.wijk|facet_count:choice.data.value }}``."""
    if not counts:
        return 0
    return counts.get(str(value), counts.get("*", 0))
