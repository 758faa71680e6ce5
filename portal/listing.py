"""One base for the filtered listings (the agenda, the initiatives): the filters of the GET request, one
condition per chosen filter, the counts per option and the pages.

A listing declares its filters on a ``FacetFilterSet`` (django-filter). Two things differ from a plain
FilterSet. The form is the listing's own (``Meta.form``, used as it is): its labels, widgets and Dutch
messages are the page's HTML. And a filter gives a condition (a Q) for its facet instead of narrowing
the queryset in turn: the listing ANDs them all, and a count per option leaves out its own facet, so
ticking a wijk does not turn the other wijken into zeros.

Every filter is optional and a wrong value never breaks the page: a field with an error is left out (its
message shows at the field), the others still apply.
"""

import django_filters

from django.core.paginator import Paginator
from django.db.models import Count, Q

from .forms import valid_values


def all_of(conditions, leave_out=()):
    """The conditions ANDed, but for the facets in ``leave_out``."""
    combined = Q()
    for facet, condition in conditions.items():
        if facet not in leave_out:
            combined &= condition
    return combined


class FacetFilter(django_filters.Filter):
    """One facet: ``condition(value)`` gives the items that match the chosen value; pass it as
    ``condition=`` or define it in a subclass. ``conditions`` keys it by the facet's name (a subclass may
    give several, such as one per word)."""

    def __init__(self, condition=None, **kwargs):
        super().__init__(**kwargs)
        if condition is not None:
            self.condition = condition

    def conditions(self, value):
        return {self.field_name: self.condition(value)}


class FlagFilter(FacetFilter):
    """A yes/no box: the items whose boolean ``column`` is true, or another ``condition=``. Its count is
    the option ``"on"``."""

    def __init__(self, column=None, **kwargs):
        super().__init__(**kwargs)
        self.column = column

    def condition(self, value):
        return Q(**{self.column: True})


class TagFilter(FacetFilter):
    """The items tagged with any of the chosen objects through the many-to-many ``field`` of ``model``;
    ``key`` is the listing's column that holds the tagged item's id. With ``city_wide`` (the boolean
    column of the items for the whole city, for the wijken) those items match every choice."""

    def __init__(self, model, field, *, key="pk", city_wide=None, **kwargs):
        super().__init__(**kwargs)
        self.tagged_model, self.relation, self.key, self.city_wide = model, field, key, city_wide

    @property
    def m2m(self):
        return self.tagged_model._meta.get_field(self.relation)

    @property
    def through(self):
        return self.m2m.remote_field.through

    def condition(self, objects):
        m2m = self.m2m
        tagged = self.through.objects.filter(**{f"{m2m.m2m_reverse_field_name()}__in": objects})
        condition = Q(**{f"{self.key}__in": tagged.values(m2m.m2m_column_name())})
        return Q(**{self.city_wide: True}) | condition if self.city_wide else condition

    def counts(self, items):
        """Items per tag slug, in one grouped query on the many-to-many table."""
        item, tag = self.m2m.m2m_column_name(), self.m2m.m2m_reverse_field_name()
        rows = (
            self.through.objects.filter(**{f"{item}__in": items.values("pk")})
            .values(f"{tag}__slug")
            .annotate(n=Count(item, distinct=True))
            .order_by()
        )
        return {row[f"{tag}__slug"]: row["n"] for row in rows}


class FacetFilterSet(django_filters.FilterSet):
    """A listing's filters; see the module. Every filter has its field on ``Meta.form``."""

    def get_form_class(self):
        return self._meta.form

    def valid_filters(self):
        """The non-empty cleaned value of every valid field, so one bad field does not drop the others;
        chosen objects come back as a list. Nothing for an unbound form (a page without parameters)."""
        if not hasattr(self, "_valid_filters"):
            self._valid_filters = valid_values(self.form) if self.is_bound else {}
        return self._valid_filters

    @classmethod
    def conditions(cls, filters):
        """One condition per chosen filter, keyed by facet, in the order the filters are declared."""
        conditions = {}
        for name, facet in cls.base_filters.items():
            if filters.get(name):
                conditions.update(facet.conditions(filters[name]))
        return conditions

    @classmethod
    def facets(cls, kind):
        """The declared filters of one ``kind`` (such as TagFilter), by name."""
        return {name: facet for name, facet in cls.base_filters.items() if isinstance(facet, kind)}

    @classmethod
    def flag_options(cls):
        """The yes/no filters as options for ``option_counts``: each counts the items with its box ticked."""
        return {name: (name, flag.condition(True)) for name, flag in cls.facets(FlagFilter).items()}

    def filter_queryset(self, queryset):
        return queryset.filter(all_of(self.conditions(self.valid_filters())))

    def context(self, facet_counts, **listing):
        """What the listing templates read: the form, the counts per option, how many filters are chosen
        (for "Filters (2 gekozen)" and "Alle filters wissen"), and the listing's own items."""
        return {
            "filter_form": self.form,
            "facet_counts": facet_counts,
            "active_filters": len(self.valid_filters()),
            **listing,
        }


def option_counts(items, own, options):
    """The counts of several options in one query. ``options`` maps a name to its facet and condition;
    each counts the items that match it and the ``own`` conditions but for its own facet's."""
    return items.aggregate(
        **{
            name: Count("pk", filter=condition & all_of(own, leave_out=(facet,)))
            for name, (facet, condition) in options.items()
        }
    )


def with_city_wide(per_wijk, city_wide):
    """The counts per wijk with the items for the whole city added; ``"*"`` is that number alone, for a
    wijk without items of its own."""
    counts = {slug: n + city_wide for slug, n in per_wijk.items()}
    counts["*"] = city_wide
    return counts


def paginate(items, per_page, request):
    """The page ``?pagina=`` asks for: a wrong number gives the first page, a too high one the last."""
    return Paginator(items, per_page).get_page(request.GET.get("pagina"))
