"""The listing-filter base (portal/listing.py) on its own, without a database: the agenda and the
initiatives use it (their own tests: activiteiten/test_occurrences.py, initiatieven/test_pages.py)."""

from django import forms
from django.db.models import Q
from django.http import QueryDict

from portal import listing


class Form(forms.Form):
    kleur = forms.MultipleChoiceField(choices=[("rood", "Rood"), ("blauw", "Blauw")], required=False)
    gratis = forms.BooleanField(required=False)
    van = forms.DateField(required=False)


class Filters(listing.FacetFilterSet):
    kleur = listing.FacetFilter(lambda chosen: Q(kleur__in=chosen))
    gratis = listing.FlagFilter("is_gratis")

    class Meta:
        form = Form


def filterset(query):
    from django.contrib.auth.models import User  # any model: nothing here touches the database

    return Filters(QueryDict(query) if query else None, queryset=User.objects.none())


def test_a_bad_field_is_left_out_and_the_others_still_apply():
    filters = filterset("kleur=groen&gratis=on&van=2026-05-01")
    assert "kleur" in filters.form.errors
    assert set(filters.valid_filters()) == {"gratis", "van"}
    assert filters.context({}, items=[])["active_filters"] == 2
    assert filterset("").valid_filters() == {} and not filterset("").form.is_bound


def test_one_condition_per_chosen_filter_in_declared_order_and_the_counts_leave_their_own_out():
    conditions = Filters.conditions({"gratis": True, "van": "x", "kleur": ["rood"]})
    assert list(conditions) == ["kleur", "gratis"]  # van is not a filter
    assert listing.all_of(conditions, leave_out=("kleur",)) == Q(is_gratis=True)
    assert Filters.flag_options() == {"gratis": ("gratis", Q(is_gratis=True))}


def test_items_for_the_whole_city_count_in_every_wijk():
    assert listing.with_city_wide({"oost": 2, "noord": 0}, 3) == {"oost": 5, "noord": 3, "*": 3}
