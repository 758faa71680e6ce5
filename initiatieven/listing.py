"""The /initiatieven/ listing: filters (wijk, thema, "zoekt hulp"), counts per option and pagination.

Works like the agenda: every filter is optional, a wrong value never breaks the page, and each count
leaves out its own facet (ticking a wijk does not turn the other wijken into zeros). The number of
queries does not grow with the number of initiatives: one query per facet count, one for the page of
cards, and one prefetch each for wijken, thema's, needs and the card photos with their renditions.

Order: initiatives that run or are being set up come before stopped ones, and within each group the
newest first. A new initiative is the one that most needs helpers and visitors, and "newest first" is
what people expect from a notice board; the title only breaks ties.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model

from portal.models import Thema, Wijk
from portal.translations import source_page, with_translations

from .models import Behoefte, InitiatiefPage

# The card photo (components/initiatief_card.html); prefetched so a card needs no query of its own.
CARD_IMAGE_SPEC = "fill-640x360|format-webp"
TAG_COLUMNS = {"wijken": "wijk", "themas": "thema"}
MAX_VALUES = 30  # per filter; more is not a person ticking boxes


class KnownSlugsField(forms.ModelMultipleChoiceField):
    """Wijken or thema's chosen by slug. A slug that does not exist (an old link, a typo) is left out and
    remembered in ``unknown``, so the other choices still count and the page never fails."""

    def __init__(self, queryset, **kwargs):
        super().__init__(
            queryset, to_field_name="slug", required=False, widget=forms.CheckboxSelectMultiple, **kwargs
        )
        self.unknown = []

    def clean(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        wanted = [str(v)[:80] for v in value][:MAX_VALUES]
        known = list(self.queryset.filter(slug__in=wanted))
        slugs = {obj.slug for obj in known}
        self.unknown = [v for v in wanted if v not in slugs]
        return known


class InitiatievenFilterForm(forms.Form):
    """The GET filters of /initiatieven/. Always valid: unknown values are dropped, not refused."""

    zoekt_hulp = forms.BooleanField(label=_("Alleen initiatieven die hulp zoeken"), required=False)
    wijk = KnownSlugsField(Wijk.objects.all(), label=_("Wijk"))
    thema = KnownSlugsField(Thema.objects.all(), label=_("Thema"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def valid_filters(self):
        """The chosen filters: ``wijk`` and ``thema`` as lists of objects, ``zoekt_hulp`` as True."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def unknown_values(self):
        return [v for name in ("wijk", "thema") for v in self.fields[name].unknown]


def _tagged(field, objects):
    through = getattr(InitiatiefPage, field).through
    column = TAG_COLUMNS[field]
    return Q(pk__in=through.objects.filter(**{f"{column}__in": objects}).values("initiatiefpage_id"))


def zoekt_hulp_filter():
    """Still going (not stopped) and asking for at least one thing."""
    return ~Q(status="gestopt") & Q(Exists(Behoefte.objects.filter(page=OuterRef("pk"))))


def facet_filters(filters):
    """One condition per active filter, keyed by facet, so a count can leave its own facet out.
    A wijk also finds the initiatives for the whole city, as on the agenda and the sociale kaart."""
    conditions = {}
    if filters.get("wijk"):
        conditions["wijk"] = Q(heel_de_stad=True) | _tagged("wijken", filters["wijk"])
    if filters.get("thema"):
        conditions["thema"] = _tagged("themas", filters["thema"])
    if filters.get("zoekt_hulp"):
        conditions["zoekt_hulp"] = zoekt_hulp_filter()
    return conditions


def _all(conditions, leave_out=()):
    combined = Q()
    for facet, condition in conditions.items():
        if facet not in leave_out:
            combined &= condition
    return combined


def live_initiatives(index):
    """The published initiatives under the Dutch ``index``, each once (a translation shares its tags)."""
    return InitiatiefPage.objects.live().public().child_of(source_page(index)).order_by()


def _tag_counts(initiatives, field):
    """Initiatives per tag slug, in one grouped query on the many-to-many table."""
    through = getattr(InitiatiefPage, field).through
    column = TAG_COLUMNS[field]
    rows = (
        through.objects.filter(initiatiefpage_id__in=initiatives.values("pk"))
        .values(f"{column}__slug")
        .annotate(n=Count("initiatiefpage_id", distinct=True))
        .order_by()
    )
    return {row[f"{column}__slug"]: row["n"] for row in rows}


def facet_counts(base, filters):
    """How many initiatives each option would show, given the other chosen filters. Three queries."""
    conditions = facet_filters(filters)
    # Initiatives for the whole city are counted once, below, and added to every wijk.
    per_wijk = base.filter(_all(conditions, leave_out=("wijk",)), heel_de_stad=False)
    counts = {
        "wijk": _tag_counts(per_wijk, "wijken"),
        "thema": _tag_counts(base.filter(_all(conditions, leave_out=("thema",))), "themas"),
    }
    # City-wide initiatives (they match every wijk) and "zoekt hulp" in one pass.
    others = {k: v for k, v in conditions.items() if k == "thema"}
    own = {k: v for k, v in conditions.items() if k != "thema"}
    totals = base.filter(_all(others)).aggregate(
        city_wide=Count("pk", filter=Q(heel_de_stad=True) & _all(own, leave_out=("wijk",))),
        zoekt_hulp=Count("pk", filter=zoekt_hulp_filter() & _all(own, leave_out=("zoekt_hulp",))),
    )
    city_wide = totals["city_wide"]
    counts["wijk"] = {slug: n + city_wide for slug, n in counts["wijk"].items()}
    counts["wijk"]["*"] = city_wide  # a wijk without initiatives of its own still shows the city-wide ones
    counts["zoekt_hulp"] = {"on": totals["zoekt_hulp"]}
    return counts


def ordered(initiatives):
    """Running and starting initiatives first, stopped ones last; then the newest first."""
    return initiatives.annotate(
        gestopt_last=Case(
            When(status="gestopt", then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    ).order_by("gestopt_last", F("first_published_at").desc(nulls_last=True), "title", "pk")


def with_card_data(initiatives):
    """Everything a card shows, prefetched: a constant number of queries for any number of cards."""
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE_SPEC)
    return initiatives.defer_streamfields().prefetch_related(
        "wijken",
        "themas",
        "behoeften",
        Prefetch("afbeelding", queryset=images),
    )


def initiatieven_listing(index, request):
    form = InitiatievenFilterForm(request.GET or None)
    filters = form.valid_filters()
    base = live_initiatives(index)
    initiatives = with_card_data(ordered(base.filter(_all(facet_filters(filters)))))
    paginator = Paginator(initiatives, index.PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("pagina"))
    page_obj.object_list = with_translations(page_obj.object_list, request)
    return {
        "filter_form": form,
        "facet_counts": facet_counts(base, filters),
        "initiatieven": page_obj,
        "active_filters": len(filters),
        "unknown_filters": form.unknown_values,
    }
