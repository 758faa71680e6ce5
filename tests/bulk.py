"""Fast builders for tests that need hundreds or thousands of pages (query counts at 1,000 items).

Factories save one page at a time through treebeard and modelcluster: several queries each, seconds per
hundred pages. These insert published pages in bulk instead, with correct materialised-path values
(``path``, ``depth``, ``numchild``, ``url_path``) appended after the parent's existing children, and the
rows of every table of a multi-table page model. ``Page.find_problems()`` finds nothing wrong with them.
They are not in the search index unless ``index=True``; occurrences are rebuilt with ``rebuild_all``.
``add_page_sequence`` mixes models and parents in one go (ids interleaved as if made one by one);
``add_slots`` and ``add_tags`` add time slots and many-to-many rows (wijken, thema's) to pages made so.
"""

import datetime as dt
import uuid

import recurrence as django_recurrence

from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend


def insert_table(model, objs):
    """Insert the rows of one table of a multi-table model, which ``bulk_create`` refuses: the same
    ``_insert`` that ``Model.save()`` uses, a batch at a time, with only the model's own columns."""
    manager = model._base_manager
    fields = model._meta.local_concrete_fields
    size = max(connections[manager.db].ops.bulk_batch_size(fields, objs), 1)
    for i in range(0, len(objs), size):
        manager._insert(objs[i : i + size], fields=fields, using=manager.db)


def _concrete_parents(model):
    """The concrete tables below Page, from the one next to Page down to the model itself."""
    chain = [m for m in model._meta.get_parent_list() if m is not Page and not m._meta.abstract]
    return [*reversed(chain), model]


@transaction.atomic
def add_pages(parent, model, count, fields=None, index=False):
    """``count`` live ``model`` pages appended as children of ``parent``. ``fields(i)`` gives each
    page's own fields (title and slug default to "<verbose name> <n>"). Returns the specific pages."""
    return add_page_sequence(((parent, model, fields(i) if fields else {}) for i in range(count)), index)


@transaction.atomic
def add_page_sequence(items, index=False):
    """Live pages of several models under several parents, made in the order of ``items``: triples
    ``(parent, model, fields)``, ``fields`` as in ``add_pages``. Their ids interleave as if the pages were
    made one at a time, so a list ordered by id shows the same mix. Returns the specific pages, in order."""
    now = timezone.now()
    parents, first_step, next_step, pages, owns = {}, {}, {}, [], []
    for parent, model, fields in items:
        if parent.pk not in parents:
            parents[parent.pk] = Page.objects.get(pk=parent.pk)
            last = parents[parent.pk].get_children().order_by("-path").first()
            first_step[parent.pk] = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            next_step[parent.pk] = first_step[parent.pk]
        parent = parents[parent.pk]
        step = next_step[parent.pk]
        next_step[parent.pk] += 1
        own = dict(fields)
        name = model._meta.model_name
        title = own.pop("title", f"{name} {step}")
        slug = own.pop("slug", f"{name}-{step}")
        pages.append(
            Page(
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale_id=parent.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=ContentType.objects.get_for_model(model),
                url_path=f"{parent.url_path}{slug}/",
                show_in_menus=False,
            )
        )
        owns.append((model, own))
    Page.objects.bulk_create(pages, batch_size=500)
    specific, by_model = [], {}
    for page, (model, own) in zip(pages, owns, strict=True):
        obj = model(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}, **own)
        for table in _concrete_parents(model):
            for link in table._meta.parents.values():
                setattr(obj, link.attname, page.pk)
        specific.append(obj)
        by_model.setdefault(model, []).append(obj)
    for model, objs in by_model.items():
        for table in _concrete_parents(model):
            insert_table(table, objs)
    for pk in parents:
        Page.objects.filter(pk=pk).update(numchild=F("numchild") + next_step[pk] - first_step[pk])
    if index:
        for model, objs in by_model.items():
            get_search_backend().add_bulk(model, objs)
    return specific


def add_slots(pages, slots=((dt.time(19), dt.time(21)),)):
    """The same time slots ``(start, end)`` for every agenda item in ``pages``, in that order."""
    from activiteiten.models import Tijdslot

    Tijdslot.objects.bulk_create(
        Tijdslot(page_id=p.pk, start_tijd=van, eind_tijd=tot, sort_order=order)
        for p in pages
        for order, (van, tot) in enumerate(slots)
    )


def add_tags(pages, field, tags):
    """Every page in ``pages`` linked to every one of ``tags`` through the many-to-many ``field`` of their
    model ("wijken", "themas", ...): the through rows in one insert. ``pages`` share that field."""
    tags = list(tags)
    if not pages or not tags:
        return
    m2m = pages[0]._meta.get_field(field)
    through = m2m.remote_field.through
    source = through._meta.get_field(m2m.m2m_field_name()).attname
    target = through._meta.get_field(m2m.m2m_reverse_field_name()).attname
    through.objects.bulk_create(through(**{source: p.pk, target: tag.pk}) for p in pages for tag in tags)


def add_activities(
    agenda,
    count,
    *,
    start_datum=None,
    rule="",
    slots=((dt.time(19), dt.time(21)),),
    wijken=(),
    themas=(),
    index=False,
    model=None,
    **fields,
):
    """``count`` published activities under ``agenda`` (one-off tomorrow unless ``start_datum`` and an
    RRULE ``rule`` say otherwise), with their time slots and tags. Rebuild the occurrences afterwards
    (``activiteiten.occurrences.rebuild_all``)."""
    from activiteiten.models import ActiviteitPage

    model = model or ActiviteitPage
    start_datum = start_datum or timezone.localdate() + dt.timedelta(days=1)
    fields = {"adres_vrij": "Tulpenstraat 14", "vervalt_op_feestdagen": False, **fields}

    def own(i):
        return {
            "start_datum": start_datum,
            "recurrence": django_recurrence.deserialize(rule, include_dtstart=False),
            **fields,
        }

    with transaction.atomic():
        pages = add_pages(agenda, model, count, own, index=index)
        add_slots(pages, slots)
        add_tags(pages, "wijken", wijken)
        add_tags(pages, "themas", themas)
    return pages
