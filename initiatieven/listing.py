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
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model

from portal import listing
from portal.forms import SlugMultipleChoiceField
from portal.models import CARD_IMAGE_SPEC, Thema, Wijk
from portal.translations import source_page, with_translations

from .models import Behoefte, InitiatiefPage

MAX_VALUES = 30  # per filter; more is not a person ticking boxes
# A slug that does not exist (an old link, a typo) is left out and remembered in ``unknown``, so the
# other choices still count and the page never fails.
KNOWN_OR_LEFT_OUT = {"drop_unknown": True, "limit": MAX_VALUES, "widget": forms.CheckboxSelectMultiple}


class InitiatievenFilterForm(forms.Form):
    """The GET filters of /initiatieven/. Always valid: unknown values are dropped, not refused."""

    zoekt_hulp = forms.BooleanField(label=_("Alleen initiatieven die hulp zoeken"), required=False)
    wijk = SlugMultipleChoiceField(Wijk.objects.all(), label=_("Wijk"), **KNOWN_OR_LEFT_OUT)
    thema = SlugMultipleChoiceField(Thema.objects.all(), label=_("Thema"), **KNOWN_OR_LEFT_OUT)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    @property
    def unknown_values(self):
        return [v for name in ("wijk", "thema") for v in self.fields[name].unknown]


def zoekt_hulp_filter():
    """Still going (not stopped) and asking for at least one thing."""
    return ~Q(status="gestopt") & Q(Exists(Behoefte.objects.filter(page=OuterRef("pk"))))


class InitiatievenFilters(listing.FacetFilterSet):
    """The filters of /initiatieven/. A wijk also finds the initiatives for the whole city, as on the agenda
    and the sociale kaart."""

    wijk = listing.TagFilter(InitiatiefPage, "wijken", city_wide="heel_de_stad")
    thema = listing.TagFilter(InitiatiefPage, "themas")
    zoekt_hulp = listing.FlagFilter(condition=lambda _on: zoekt_hulp_filter())

    class Meta:
        model = InitiatiefPage
        fields = []
        form = InitiatievenFilterForm


def facet_filters(filters):
    """One condition per active filter, keyed by facet, so a count can leave its own facet out."""
    return InitiatievenFilters.conditions(filters)


def live_initiatives(index):
    """The published initiatives under the Dutch ``index``, each once (a translation shares its tags)."""
    return InitiatiefPage.objects.live().public().child_of(source_page(index)).order_by()


def facet_counts(base, filters):
    """How many initiatives each option would show, given the other chosen filters. Three queries."""
    conditions = facet_filters(filters)
    tags = InitiatievenFilters.facets(listing.TagFilter)
    # Initiatives for the whole city are counted once, below, and added to every wijk.
    per_wijk = base.filter(listing.all_of(conditions, leave_out=("wijk",)), heel_de_stad=False)
    counts = {
        "wijk": tags["wijk"].counts(per_wijk),
        "thema": tags["thema"].counts(base.filter(listing.all_of(conditions, leave_out=("thema",)))),
    }
    # City-wide initiatives (they match every wijk) and "zoekt hulp" in one pass.
    others = {k: v for k, v in conditions.items() if k == "thema"}
    own = {k: v for k, v in conditions.items() if k != "thema"}
    totals = listing.option_counts(
        base.filter(listing.all_of(others)),
        own,
        {"city_wide": ("wijk", Q(heel_de_stad=True))} | InitiatievenFilters.flag_options(),
    )
    counts["wijk"] = listing.with_city_wide(counts["wijk"], totals["city_wide"])
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
    filterset = InitiatievenFilters(request.GET or None)
    filters = filterset.valid_filters()
    base = live_initiatives(index)
    initiatives = with_card_data(ordered(filterset.filter_queryset(base)))
    page_obj = listing.paginate(initiatives, index.PER_PAGE, request)
    page_obj.object_list = with_translations(page_obj.object_list, request)
    return filterset.context(
        facet_counts(base, filters), initiatieven=page_obj, unknown_filters=filterset.form.unknown_values
    )
