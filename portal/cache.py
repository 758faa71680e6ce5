"""The anonymous page cache: whole responses for visitors without a session, never stale.

What is cached: a GET or HEAD by someone without a session cookie that ends in a 200 which sets no cookie,
used no CSRF token (so no page with a form) and is not marked private. The admin, previews and anyone
logged in always get a fresh render.

Why it is never stale: every key starts with a *generation* kept in the same shared cache, and anything
the public can see changing sets a new generation (``bump``): publishing, unpublishing, moving or deleting
a page, an exception to a schedule, a rebuilt occurrence table, taxonomy and settings edits, images and
view restrictions (``connect_signals``). The key also holds today's date, so "vandaag" and "deze week"
turn over at midnight, and entries expire after ``PORTAL_PAGE_CACHE_SECONDS`` so a list of today's
activities drops one that ended a few minutes ago.

The cache alias ``pages`` must be shared by all workers (Redis, or the file cache in production without
Redis): a per-process cache would keep serving a page that another worker's publish made stale.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re, patch_cache_control

logger = logging.getLogger(__name__)

ALIAS = "pages"
GENERATION_KEY = "portal:pagecache:generatie"
SKIPPED_PREFIXES = ("/admin/", "/documenten/", "/api/", "/static/", "/media/")
# Cached responses keep these headers; the outer middleware (security, CSP, permissions policy) adds its
# own to every response, hit or miss.
KEPT_HEADERS = {"content-type", "content-language", "x-frame-options", "content-disposition", "link"}


def enabled():
    return getattr(settings, "PORTAL_PAGE_CACHE", True)


def page_cache():
    return caches[ALIAS]


def generation():
    """The current generation; a new one is made when the key is missing (evicted or never set)."""
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def bump(**_signal_kwargs):
    """Start a new generation: every cached page is out of date from the next request on. Never raises,
    so an unreachable cache server cannot fail a publish (the entries then expire on their own)."""
    try:
        page_cache().set(GENERATION_KEY, time.time_ns(), None)
    except Exception:  # a cache server that is down must not break saving
        logger.exception("Paginacache niet ververst")


def changed(**_signal_kwargs):
    """A change the public can see: a new generation now, and again once the transaction commits. The
    second one matters: a request that read the old rows while the change was still uncommitted may have
    stored them under the first new generation."""
    bump()
    transaction.on_commit(bump, robust=True)


def cache_key(request):
    raw = "|".join(
        [
            request.get_host(),
            request.scheme,
            (request.method == "HEAD" and "GET") or request.method,
            translation.get_language() or "",
            request.get_full_path(),
        ]
    )
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    return f"portal:page:{generation()}:{timezone.localdate().isoformat()}:{digest}"


def fragment(name, parts, compute):
    """An expensive piece of a page (the agenda's filter counts), cached for everyone, logged in or not,
    under the same generation and date as the pages, so it is never staler than a cached page."""
    if not enabled():
        return compute()
    raw = repr(parts).encode("utf-8", "surrogatepass")
    try:
        key = f"portal:fragment:{name}:{generation()}:{timezone.localdate().isoformat()}:"
        key += hashlib.sha256(raw).hexdigest()
        value = page_cache().get(key)
    except Exception:
        logger.exception("Paginacache niet bereikbaar")
        return compute()
    if value is None:
        value = compute()
        try:
            page_cache().set(key, value, cache_seconds())
        except Exception:
            logger.exception("Paginacache niet bijgewerkt")
    return value


def request_is_cacheable(request):
    if not enabled() or request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(SKIPPED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", "")) if d}
    return not directives & {"private", "no-cache", "no-store"}


class PageCacheMiddleware:
    """Serves and stores anonymous page renders (see the module docstring). It sits after the session and
    locale middleware, so the key knows the language, and before everything that renders."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        try:
            key = cache_key(request)
            stored = page_cache().get(key)
        except Exception:  # the cache is down: serve uncached
            logger.exception("Paginacache niet bereikbaar")
            return self.get_response(request)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Cache"] = "hit"
            return for_the_proxy(response)
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            headers = {k: v for k, v in response.items() if k.lower() in KEPT_HEADERS}
            try:
                page_cache().set(key, (response.status_code, headers, response.content), cache_seconds())
            except Exception:
                logger.exception("Paginacache niet bijgewerkt")
            response["X-Cache"] = "miss"
            for_the_proxy(response)
        return response


def for_the_proxy(response):
    """With a caching reverse proxy or CDN in front (``PORTAL_PROXY_CACHE_SECONDS``), let it keep public
    pages briefly; Wagtail's frontend cache purges a page's own URLs when it is published (README)."""
    seconds = getattr(settings, "PORTAL_PROXY_CACHE_SECONDS", 0)
    if seconds:
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
    return response


def cache_seconds():
    return getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 300)


WATCHED = []  # models whose every change starts a new generation (``watch``)


def watch(*models):
    """Every saved or deleted object of these models starts a new generation. The core watches its own
    models; an app that shows more on public pages (the agenda's exceptions and languages) adds its own in
    its ``AppConfig.ready()``."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        if model not in WATCHED:
            WATCHED.append(model)
        post_save.connect(changed, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label}")


def connect_signals():
    """Everything the public can see changing starts a new generation."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete

    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from portal import models as portal_models

    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(changed, dispatch_uid=f"pagecache-{signal!r}")

    watch(
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        portal_models.Wijk,
        portal_models.Thema,
        portal_models.Doelgroep,
        portal_models.Hulpvraag,
        portal_models.PortalSettings,
    )

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            changed()

    def relation_changed(sender, instance, action, **kwargs):
        if action.startswith("post_") and isinstance(instance, (Page, *WATCHED)):
            changed()

    # One receiver per page model: a receiver for every sender would stop Django's fast bulk deletes
    # (the occurrence table is emptied and refilled often).
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(
                page_deleted,
                sender=model,
                dispatch_uid=f"pagecache-page-deleted-{model._meta.label}",
                weak=False,
            )
    m2m_changed.connect(relation_changed, dispatch_uid="pagecache-m2m", weak=False)
