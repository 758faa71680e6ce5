"""Keep the occurrence table in step with what is published, one page at a time, after commit."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .models import AgendaItemPage

_deferred = ContextVar("occurrence_rebuilds_deferred", default=False)


@contextmanager
def rebuilds_deferred():
    """For bulk loads that rebuild the pages they publish themselves: skip the per-publish rebuild."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def _schedule_rebuild(instance):
    from .occurrences import rebuild_occurrences_for, source_page_id

    if _deferred.get():
        return
    page_id = source_page_id(instance)
    transaction.on_commit(lambda: rebuild_occurrences_for(page_id))


@receiver(page_published)
def rebuild_on_publish(sender, instance, **kwargs):
    if isinstance(instance, AgendaItemPage):
        _schedule_rebuild(instance)


@receiver(page_unpublished)
def rebuild_on_unpublish(sender, instance, **kwargs):
    if isinstance(instance, AgendaItemPage):
        _schedule_rebuild(instance)
