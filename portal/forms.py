"""Form helpers every app shares: the valid values of a filter form, and objects chosen by their slug, one
way for all (the agenda's and the initiatives' filters, the finder and the HSDS API use ``by_slugs``)."""

from django import forms
from django.db.models import QuerySet


def valid_values(form):
    """The non-empty cleaned value of every valid field of a filter form, so one bad field does not drop
    the others; chosen objects come back as a list. Nothing for an unbound form (a page without
    parameters)."""
    if not form.is_bound:
        return {}
    form.is_valid()
    values = {}
    for name, value in form.cleaned_data.items():
        if name in form.errors:
            continue
        if isinstance(value, QuerySet):
            value = list(value)
        if value:
            values[name] = value
    return values


MAX_SLUG_LENGTH = 80  # no slug is longer (a SlugField holds 50): longer input is no choice from a list


def by_slugs(queryset, values, field="slug"):
    """(found, unknown): the objects of ``queryset`` whose slug (or other unique text ``field``, such as a
    language's code) is one of ``values``, in the queryset's order, and the values that are the slug of
    none of them, in the order given. Input nobody can choose from a list (too long, a NUL byte) is
    unknown without asking the database."""
    values = [str(value) for value in values]
    wanted = [value for value in values if len(value) <= MAX_SLUG_LENGTH and "\x00" not in value]
    found = list(queryset.filter(**{f"{field}__in": wanted})) if wanted else []
    slugs = {getattr(obj, field) for obj in found}
    return found, [value for value in values if value not in slugs]


class SlugChoiceField(forms.ModelChoiceField):
    """One object chosen by its slug (or ``to_field_name``); ``message`` is the Dutch refusal of anything
    else."""

    def __init__(self, queryset, *, message, to_field_name="slug", **kwargs):
        super().__init__(queryset, to_field_name=to_field_name, required=False, **kwargs)
        self.error_messages["invalid_choice"] = message

    def to_python(self, value):
        if value in self.empty_values:
            return None
        found, _unknown = by_slugs(self.queryset, [value], field=self.to_field_name)
        if not found:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return found[0]


class SlugMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Objects chosen by their slugs (ticked boxes). An unknown slug is refused with the field's message,
    or, with ``drop_unknown``, left out and kept in ``unknown`` (an old link still shows the rest).
    At most ``limit`` values are looked at."""

    def __init__(self, queryset, *, drop_unknown=False, limit=None, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)
        self.drop_unknown, self.limit, self.unknown = drop_unknown, limit, []

    def clean(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            raise forms.ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        values = [str(v)[:MAX_SLUG_LENGTH] for v in (list(value)[: self.limit] if self.limit else value)]
        found, self.unknown = by_slugs(self.queryset, values)
        if self.unknown and not self.drop_unknown:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": self.unknown[0]},
            )
        return found
