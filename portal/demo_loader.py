"""The demo content loader behind ``manage.py load_demo``: every layer's demo section, in order.

Composition: the only demo module that knows every app. Each section lives with its own layer
(``portal.demo``, ``activiteiten.demo``, ``initiatieven.demo``, ``home.demo``); here they run in
dependency order, in one transaction, with the search and reference indexes updated once at the end.
Idempotent and seeded, as each section is.
"""

import contextlib
import random

from django.db import transaction
from django.utils import timezone

from activiteiten.demo import load_agenda
from home.demo import (
    ensure_site,
    load_content_pages,
    load_home_and_settings,
    load_translations,
    load_wijk_pages,
)
from initiatieven.demo import load_initiatieven, load_moderation
from initiatieven.demo.queue import load_queue
from portal.demo import (
    SEED,
    DemoContext,
    load_hulpvragen,
    load_locaties,
    load_organisaties,
    load_taxonomy,
    load_taxonomy_translations,
    load_users,
)

SECTIONS = [
    ensure_site,
    load_taxonomy,
    load_hulpvragen,
    load_taxonomy_translations,
    load_wijk_pages,
    load_locaties,
    load_organisaties,
    load_agenda,
    load_initiatieven,
    load_content_pages,
    load_home_and_settings,
    load_translations,  # last: it translates pages the other sections made
]


@transaction.atomic
def load_demo():
    """Load everything; returns (context, demo logins)."""
    ctx = DemoContext(rng=random.Random(SEED), today=timezone.localdate())  # noqa: S311 (a seeded demo)
    with indexes_updated_once_at_the_end():
        for section in SECTIONS:
            section(ctx)
        logins = load_users(ctx)
        load_moderation(ctx)  # after the groups exist: the moderation workflow, and contributions for it
        load_queue(ctx)  # after the users exist: the sociaal makelaar's queue of ideas, talents, signals
    return ctx, logins


@contextlib.contextmanager
def indexes_updated_once_at_the_end():
    """The demo saves most pages three times or more (create, revision, publish), and each save updates the
    search index and Wagtail's reference index. Here each saved object is indexed once, in bulk, at the
    end: the same indexes, in a fraction of the time."""
    from modelsearch import index as search_index
    from modelsearch import signal_handlers
    from modelsearch.backends import get_search_backends

    from django.db.models.signals import post_save

    from modelcluster.fields import ParentalKey
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    searched = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault(sender, set()).add(instance.pk)

    for model in searched:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
    post_save.connect(remember, dispatch_uid="demo-index", weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(remember, dispatch_uid="demo-index")
        for model in searched:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
    backends = list(get_search_backends(with_auto_update=True))  # a generator otherwise
    for model, pks in saved.items():
        if model in searched:
            objects = list(model.get_indexed_objects().filter(pk__in=pks))
            for backend in backends:
                backend.add_bulk(model, objects)
    # As Wagtail's own handler does: a child object (a ParentalKey) counts for its parent, once.
    sources = {}
    for model, pks in saved.items():
        if model not in ReferenceIndex.tracked_models:
            continue
        for obj in model._default_manager.filter(pk__in=pks):
            while (parental := [f for f in obj._meta.get_fields() if isinstance(f, ParentalKey)]) and obj:
                obj = getattr(obj, parental[0].name)
            if obj is not None and ReferenceIndex.is_indexed(obj._meta.model):
                sources[(obj._meta.label, obj.pk)] = obj
    for obj in sources.values():
        ReferenceIndex.create_or_update_for_object(obj)
