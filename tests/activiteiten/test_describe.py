import datetime as dt

import pytest
import recurrence

from django.utils import translation

from activiteiten.describe import describe_schedule
from activiteiten.models import ActiviteitPage, Tijdslot

pytestmark = pytest.mark.django_db


def page(rule="", start=dt.date(2025, 3, 4), slots=((10, 12),), **fields):
    fields.setdefault("vervalt_op_feestdagen", False)
    item = ActiviteitPage(
        title="x",
        start_datum=start,
        recurrence=recurrence.deserialize(rule, include_dtstart=False) if rule else None,
        **fields,
    )
    return item, [Tijdslot(start_tijd=dt.time(a), eind_tijd=dt.time(b)) for a, b in slots]


@pytest.mark.parametrize(
    ("rule", "fields", "expected"),
    [
        ("RRULE:FREQ=WEEKLY;BYDAY=TU", {}, "elke dinsdag, 10:00–12:00"),
        ("RRULE:FREQ=WEEKLY;BYDAY=MO,TH", {}, "elke maandag en donderdag, 10:00–12:00"),
        ("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", {}, "om de week op woensdag, 10:00–12:00"),
        ("RRULE:FREQ=MONTHLY;BYDAY=+2TU", {}, "elke 2e dinsdag van de maand, 10:00–12:00"),
        ("RRULE:FREQ=MONTHLY;BYDAY=-1FR", {}, "elke laatste vrijdag van de maand, 10:00–12:00"),
        ("RRULE:FREQ=MONTHLY;BYMONTHDAY=31", {}, "elke maand op de 31e, 10:00–12:00"),
        ("RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TU", {}, "elke dinsdag, 4 keer, 10:00–12:00"),
        (
            "RRULE:FREQ=WEEKLY;UNTIL=20250318T000000;BYDAY=TU",
            {},
            "elke dinsdag, tot en met 18 maart 2025, 10:00–12:00",
        ),
        (
            "RRULE:FREQ=WEEKLY;BYDAY=FR",
            {"vervalt_op_feestdagen": True, "eind_datum": dt.date(2025, 12, 19)},
            "elke vrijdag, 10:00–12:00, tot en met 19 december 2025. Niet op feestdagen",
        ),
        ("", {}, "eenmalig op dinsdag 4 maart 2025, 10:00–12:00"),
        ("", {"dagen": 3}, "van dinsdag 4 maart tot en met donderdag 6 maart 2025, 10:00–12:00"),
    ],
)
def test_schedule_in_plain_dutch(rule, fields, expected):
    item, slots = page(rule, **fields)
    assert describe_schedule(item, slots) == expected


def test_two_time_slots_are_joined():
    item, slots = page("RRULE:FREQ=WEEKLY;BYDAY=SA", slots=((10, 12), (14, 16)))
    assert describe_schedule(item, slots) == "elke zaterdag, 10:00–12:00 en 14:00–16:00"


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        # "يوم" (day) is masculine, so the ordinal agrees whatever the weekday: الجمعة is feminine.
        ("RRULE:FREQ=MONTHLY;BYDAY=-1FR", "يوم الجمعة الأخير من كل شهر"),
        ("RRULE:FREQ=MONTHLY;BYDAY=+1TU", "يوم الثلاثاء الأول من كل شهر"),
    ],
)
def test_arabic_ordinal_weekdays_agree_with_the_day(rule, expected):
    item, slots = page(rule, slots=())
    with translation.override("ar"):
        assert describe_schedule(item, slots) == expected
