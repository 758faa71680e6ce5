"""Fast builders for tests that need hundreds or thousands of pages (query counts at 1,000 items).

Factories save one page at a time through treebeard and modelcluster: several queries each, seconds per
hundred pages. These insert published pages in bulk instead, with correct materialised-path values
(``path``, ``depth``, ``numchild``, ``url_path``) appended after the parent's existing children, and the
rows of every table of a multi-table page model. ``Page.find_problems()`` finds nothing wrong with them.
They are not in the search index unless ``index=True``; occurrences are rebuilt with ``rebuild_all``.
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
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_children().order_by("-path").first()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    name = model._meta.model_name
    pages, objs = [], []
    for i in range(count):
        own = dict(fields(i) if fields else {})
        step = first_step + i
        title = own.pop("title", f"{name} {step}")
        slug = own.pop("slug", f"{name}-{step}")
        page = Page(
            path=Page._get_path(parent.path, depth, step),
            depth=depth,
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
            content_type=content_type,
            url_path=f"{parent.url_path}{slug}/",
            show_in_menus=False,
        )
        pages.append(page)
        objs.append(own)
    Page.objects.bulk_create(pages, batch_size=500)
    specific = []
    for page, own in zip(pages, objs, strict=True):
        obj = model(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}, **own)
        for table in _concrete_parents(model):
            for link in table._meta.parents.values():
                setattr(obj, link.attname, page.pk)
        specific.append(obj)
    for table in _concrete_parents(model):
        insert_table(table, specific)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    if index:
        get_search_backend().add_bulk(model, specific)
    return specific


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
    from activiteiten.models import ActiviteitPage, AgendaItemPage, Tijdslot

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
        Tijdslot.objects.bulk_create(
            Tijdslot(page_id=p.pk, start_tijd=van, eind_tijd=tot, sort_order=order)
            for p in pages
            for order, (van, tot) in enumerate(slots)
        )
        for field, tags, column in (("wijken", wijken, "wijk_id"), ("themas", themas, "thema_id")):
            through = getattr(AgendaItemPage, field).through
            through.objects.bulk_create(
                through(agendaitempage_id=p.pk, **{column: tag.pk}) for p in pages for tag in tags
            )
    return pages
