"""One way from slugs to objects (portal/forms.py), for the agenda, the initiatives, the finder and HSDS."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.forms import SlugMultipleChoiceField, by_slugs
from portal.models import Wijk


def test_by_slugs_finds_known_slugs_and_names_the_rest(db):
    oost = Wijk.objects.create(naam="Oost", slug="oost")
    found, unknown = by_slugs(Wijk.objects.all(), ["oost", "atlantis", "oost"])
    assert (found, unknown) == ([oost], ["atlantis"])


def test_input_no_list_offers_is_unknown_without_a_query(db):
    with CaptureQueriesContext(connection) as queries:
        found, unknown = by_slugs(Wijk.objects.all(), ["x" * 81, "oo\x00st"])
    assert (found, unknown, len(queries)) == ([], ["x" * 81, "oo\x00st"], 0)


def test_a_listing_leaves_an_unknown_slug_out_and_remembers_it(db):
    oost = Wijk.objects.create(naam="Oost", slug="oost")
    field = SlugMultipleChoiceField(Wijk.objects.all(), drop_unknown=True, limit=2)
    assert field.clean(["oost", "atlantis", "noord"]) == [oost]
    assert field.unknown == ["atlantis"]  # "noord" is past the limit
