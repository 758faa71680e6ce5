"""The iCal feeds: a series as RRULE with exceptions, one date, and the filtered agenda."""

import datetime as dt
import itertools

import pytest
import recurrence
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from activiteiten.ical import item_calendar
from activiteiten.models import AgendaItemPage, Occurrence, Uitzondering
from activiteiten.occurrences import rebuild_occurrences, window
from activiteiten.recurrence import AMSTERDAM, Schedule, Slot, expand

from ..factories import ActiviteitPageFactory, AgendaPageFactory, WijkFactory

UTC = dt.UTC
TODAY = dt.date(2025, 3, 3)  # a Monday, four weeks before summer time starts


def rule(text):
    return recurrence.deserialize(text, include_dtstart=False)


def ams(*args):
    return dt.datetime(*args, tzinfo=AMSTERDAM)


@pytest.fixture
def agenda(home):
    return AgendaPageFactory(parent=home)


def fetch(client, name, *args, **params):
    response = client.get(reverse(f"activiteiten:{name}", args=args), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def publish(page):
    page.save_revision().publish()


def utc(moment):
    return moment.astimezone(UTC)


def exdate_days(event):
    value = event.get("EXDATE", [])
    lines = value if isinstance(value, list) else [value]
    return {d.dt.astimezone(AMSTERDAM).date() for line in lines for d in line.dts}


# --- The series feed -------------------------------------------------------------------------------


@pytest.fixture
def taalcafe(agenda):
    """Tuesdays 19:00–21:00 until 10 June 2025: 11 March cancelled, 25 March moved past the clock change
    to Wednesday 2 April, 15 April an hour later."""
    page = ActiviteitPageFactory(
        parent=agenda,
        title="Taalcafé",
        slug="taalcafe",
        intro="Oefen Nederlands met buren.",
        start_datum=dt.date(2025, 3, 3),
        recurrence=rule("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20250610T000000Z"),
    )
    Uitzondering.objects.create(page=page, datum=dt.date(2025, 3, 11), soort="vervalt", toelichting="Ziek")
    Uitzondering.objects.create(
        page=page, datum=dt.date(2025, 3, 25), soort="verplaatst", nieuwe_datum=dt.date(2025, 4, 2)
    )
    Uitzondering.objects.create(
        page=page,
        datum=dt.date(2025, 4, 15),
        soort="gewijzigd",
        nieuwe_start_tijd=dt.time(20),
        nieuwe_eind_tijd=dt.time(22),
    )
    return page


def test_series_feed_is_an_rrule_with_exdate_and_recurrence_ids(client, taalcafe):
    response, calendar = fetch(client, "ical-item", taalcafe.pk)
    assert response["Content-Disposition"] == 'attachment; filename="taalcafe.ics"'
    text = response.content.decode()
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Amsterdam" in text
    assert "DTSTART;TZID=Europe/Amsterdam:20250304T190000" in text  # the first Tuesday, not the Monday
    assert "DTEND;TZID=Europe/Amsterdam:20250304T210000" in text
    assert "EXDATE;TZID=Europe/Amsterdam:20250311T190000" in text

    masters = [e for e in vevents(calendar) if "RECURRENCE-ID" not in e]
    assert len(masters) == 1
    recur = masters[0]["RRULE"]
    assert recur["FREQ"] == ["WEEKLY"] and recur["BYDAY"] == ["TU"]
    assert "UNTIL=20250610T170000Z" in recur.to_ical().decode()  # the last start, in UTC
    uid = str(masters[0]["UID"])
    assert uid == f"{taalcafe.translation_key}-0@huisvandewijk"
    assert masters[0]["SUMMARY"] == "Taalcafé"
    assert masters[0]["LOCATION"] == "Tulpenstraat 14"
    assert masters[0]["URL"] == "http://localhost/agenda/taalcafe/"
    assert "Oefen Nederlands" in masters[0]["DESCRIPTION"]

    overrides = {
        e.decoded("RECURRENCE-ID"): (e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in vevents(calendar)
        if "RECURRENCE-ID" in e
    }
    assert {str(e["UID"]) for e in vevents(calendar)} == {uid}
    assert "TZID=Europe/Amsterdam:20250325T190000" in text  # RECURRENCE-ID in local time
    moved = overrides[ams(2025, 3, 25, 19)]
    assert moved == (ams(2025, 4, 2, 19), ams(2025, 4, 2, 21))
    assert utc(moved[0]) == dt.datetime(2025, 4, 2, 17, tzinfo=UTC)  # summer time by now
    assert overrides[ams(2025, 4, 15, 19)] == (ams(2025, 4, 15, 20), ams(2025, 4, 15, 22))
    assert len(overrides) == 2


def test_series_feed_expands_to_the_stored_dates(client, taalcafe):
    rebuild_occurrences(taalcafe, today=TODAY)
    _, calendar = fetch(client, "ical-item", taalcafe.pk)
    feed = {
        (utc(e.start), utc(e.end))
        for e in recurring_ical_events.of(calendar).between(*window(TODAY))
        if e.get("STATUS") != "CANCELLED"
    }
    stored = set(
        Occurrence.objects.filter(page=taalcafe).exclude(status="vervalt").values_list("start", "end")
    )
    assert len(stored) == 14  # 15 Tuesdays, one cancelled
    assert feed == {(utc(s), utc(e)) for s, e in stored}


def test_uid_is_stable_and_sequence_grows_when_republished(client, taalcafe):
    publish(taalcafe)
    AgendaItemPage.objects.filter(pk=taalcafe.pk).update(
        last_published_at=timezone.now() - dt.timedelta(hours=1)  # as if it was published an hour ago
    )
    _, first = fetch(client, "ical-item", taalcafe.pk)
    _, again = fetch(client, "ical-item", taalcafe.pk)
    assert [e["UID"] for e in vevents(first)] == [e["UID"] for e in vevents(again)]
    assert "LAST-MODIFIED" in vevents(first)[0]

    taalcafe.refresh_from_db()
    taalcafe.title = "Taalcafé Noord"
    publish(taalcafe)
    _, after = fetch(client, "ical-item", taalcafe.pk)
    assert [e["UID"] for e in vevents(after)] == [e["UID"] for e in vevents(first)]
    assert {e["SEQUENCE"] for e in vevents(after)} == {vevents(after)[0]["SEQUENCE"]}
    assert vevents(after)[0]["SEQUENCE"] > vevents(first)[0]["SEQUENCE"]
    assert vevents(after)[0]["SUMMARY"] == "Taalcafé Noord"


def test_eind_datum_is_an_until_in_utc_and_two_slots_are_two_series(client, agenda):
    page = ActiviteitPageFactory(
        parent=agenda,
        start_datum=dt.date(2025, 1, 1),
        eind_datum=dt.date(2025, 6, 30),
        recurrence=rule("RRULE:FREQ=MONTHLY;BYDAY=+2TU"),
        slots=[(dt.time(10), dt.time(12)), (dt.time(19), dt.time(21))],
    )
    response, calendar = fetch(client, "ical-item", page.pk)
    text = response.content.decode()
    assert "BYDAY=+2TU" in text
    # The slot's start on the end date, in UTC (summer time: two hours earlier).
    assert "UNTIL=20250630T080000Z" in text and "UNTIL=20250630T170000Z" in text
    starts = sorted(str(e["DTSTART"].to_ical()) for e in vevents(calendar))
    assert len({e["UID"] for e in vevents(calendar)}) == 2
    assert starts == ["b'20250114T100000'", "b'20250114T190000'"]


def test_last_friday_and_count(client, agenda):
    page = ActiviteitPageFactory(
        parent=agenda,
        start_datum=dt.date(2025, 1, 1),
        recurrence=rule("RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=3"),
    )
    _, calendar = fetch(client, "ical-item", page.pk)
    (event,) = vevents(calendar)
    assert event["RRULE"]["BYDAY"] == ["-1FR"] and event["RRULE"]["COUNT"] == [3]
    assert event.decoded("DTSTART") == ams(2025, 1, 31, 19)
    starts = [o.start for o in recurring_ical_events.of(calendar).between(ams(2025, 1, 1), ams(2026, 1, 1))]
    assert starts == [ams(2025, 1, 31, 19), ams(2025, 2, 28, 19), ams(2025, 3, 28, 19)]


def test_a_one_off_is_one_event_without_rrule(client, agenda):
    page = ActiviteitPageFactory(parent=agenda, start_datum=dt.date(2025, 7, 5), recurrence="")
    _, calendar = fetch(client, "ical-item", page.pk)
    (event,) = vevents(calendar)
    assert "RRULE" not in event and "EXDATE" not in event
    assert event.decoded("DTSTART") == ams(2025, 7, 5, 19)


def test_holidays_are_the_same_exdates_as_the_table(agenda):
    page = ActiviteitPageFactory(
        parent=agenda,
        start_datum=dt.date(2025, 3, 3),
        recurrence=rule("RRULE:FREQ=WEEKLY;BYDAY=MO"),
        vervalt_op_feestdagen=True,
    )
    rebuild_occurrences(page, today=TODAY)
    page = AgendaItemPage.objects.get(pk=page.pk)
    (event,) = vevents(item_calendar(page, RequestFactory().get("/"), today=TODAY))
    exdates = exdate_days(event)
    stored = set(Occurrence.objects.filter(page=page, status="vervalt").values_list("datum", flat=True))
    assert {dt.date(2025, 4, 21), dt.date(2025, 6, 9), dt.date(2026, 4, 6), dt.date(2026, 4, 27)} <= stored
    assert stored <= exdates  # and the extra ones lie outside the stored window
    window_start, window_end = window(TODAY)
    assert {d for d in exdates if window_start.date() <= d < window_end.date()} == stored


def test_a_slot_at_0230_on_the_day_summer_time_starts(agenda):
    page = ActiviteitPageFactory(
        parent=agenda,
        start_datum=dt.date(2025, 3, 23),
        recurrence=rule("RRULE:FREQ=WEEKLY;BYDAY=SU"),
        slots=[(dt.time(2, 30), dt.time(4))],
    )
    rebuild_occurrences(page, today=TODAY)
    page = AgendaItemPage.objects.get(pk=page.pk)
    calendar = item_calendar(page, RequestFactory().get("/"), today=TODAY)
    spans = {(utc(o.start), utc(o.end)) for o in recurring_ical_events.of(calendar).between(*window(TODAY))}
    # 02:30 does not exist that night: 03:30 summer time (01:30 UTC) until 04:00 (02:00 UTC).
    on_the_day = dt.datetime(2025, 3, 30, 1, 30, tzinfo=UTC)
    assert (on_the_day, on_the_day + dt.timedelta(minutes=30)) in spans
    assert spans == set(Occurrence.objects.filter(page=page).values_list("start", "end"))


def test_a_series_slot_shorter_than_the_skipped_hour_keeps_its_length_in_calendar_apps(agenda):
    """Found by the property test below: 02:30-03:15 on the night summer time starts. Calendar apps read
    the series by its nominal times (03:30 until 03:15); the feed gives that date its real times."""
    page = ActiviteitPageFactory(
        parent=agenda,
        start_datum=dt.date(2025, 3, 30),
        recurrence=rule("RRULE:FREQ=WEEKLY;BYDAY=MO,SU"),
        vervalt_op_feestdagen=False,
        slots=[(dt.time(2, 30), dt.time(3, 15))],
    )
    rebuild_occurrences(page, today=TODAY)
    page = AgendaItemPage.objects.get(pk=page.pk)
    calendar = item_calendar(page, RequestFactory().get("/"), today=TODAY)
    spans = {(utc(o.start), utc(o.end)) for o in recurring_ical_events.of(calendar).between(*window(TODAY))}
    on_the_day = dt.datetime(2025, 3, 30, 1, 30, tzinfo=UTC)  # 03:30 summer time
    assert (on_the_day, on_the_day + dt.timedelta(minutes=45)) in spans
    assert spans == {
        (utc(s), utc(e)) for s, e in Occurrence.objects.filter(page=page).values_list("start", "end")
    }


def test_a_slot_that_starts_in_the_skipped_hour_ends_after_it_starts():
    """02:30 does not exist on 30 March 2025 and moves to 03:30; the slot keeps its 45 minutes."""
    schedule = Schedule(start_datum=dt.date(2025, 3, 30), slots=[Slot(dt.time(2, 30), dt.time(3, 15))])
    (planned,) = expand(schedule, ams(2025, 3, 29), ams(2025, 4, 1))
    assert planned.end > planned.start
    assert planned.end == ams(2025, 3, 30, 4, 15)


def test_the_feed_never_ends_an_event_before_it_starts(agenda):
    page = ActiviteitPageFactory(
        parent=agenda,
        start_datum=dt.date(2025, 3, 30),
        recurrence="",
        slots=[(dt.time(2, 30), dt.time(3, 15))],
    )
    page = AgendaItemPage.objects.get(pk=page.pk)
    (event,) = vevents(item_calendar(page, RequestFactory().get("/"), today=TODAY))
    assert event.decoded("DTSTART") == ams(2025, 3, 30, 3, 30)
    assert event.decoded("DTEND") == ams(2025, 3, 30, 4, 15)


# --- One date, 404s --------------------------------------------------------------------------------


def test_one_date_feed(client, agenda):
    page = ActiviteitPageFactory(parent=agenda, slug="koffie", start_datum=timezone.localdate())
    rebuild_occurrences(page)
    occurrence = Occurrence.objects.filter(page=page).order_by("start")[2]
    response, calendar = fetch(client, "ical-occurrence", page.pk, occurrence.pk)
    assert response["Content-Disposition"] == f'attachment; filename="koffie-{occurrence.datum:%Y-%m-%d}.ics"'
    (event,) = vevents(calendar)
    assert "RRULE" not in event
    assert event.decoded("DTSTART") == occurrence.start
    assert event.decoded("DTEND") == occurrence.end
    assert str(event["UID"]) == (
        f"{page.translation_key}-{utc(occurrence.start):%Y%m%dT%H%M%SZ}@huisvandewijk"
    )
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert calendar.walk("VTIMEZONE")


def test_404_for_drafts_unknown_pages_and_foreign_dates(client, agenda):
    draft = ActiviteitPageFactory(parent=agenda, live=False, start_datum=timezone.localdate())
    page = ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate())
    other = ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate())
    rebuild_occurrences(page)
    rebuild_occurrences(other)
    foreign = Occurrence.objects.filter(page=other).first()
    own = Occurrence.objects.filter(page=page).first()
    for args in [(draft.pk,), (999999,)]:
        assert client.get(reverse("activiteiten:ical-item", args=args)).status_code == 404
    assert client.get(reverse("activiteiten:ical-occurrence", args=[page.pk, foreign.pk])).status_code == 404
    assert client.get(reverse("activiteiten:ical-occurrence", args=[draft.pk, own.pk])).status_code == 404
    assert client.get(reverse("activiteiten:ical-occurrence", args=[page.pk, own.pk])).status_code == 200


def test_feeds_have_no_language_prefix():
    assert reverse("activiteiten:ical-item", args=[3]) == "/ical/activiteit/3.ics"
    assert reverse("activiteiten:ical-occurrence", args=[3, 4]) == "/ical/activiteit/3/4.ics"
    assert reverse("activiteiten:ical-agenda") == "/ical/agenda.ics"


# --- The filtered agenda ---------------------------------------------------------------------------


def test_agenda_feed_uses_the_agenda_filters_for_90_days(client, agenda):
    oost, noord = WijkFactory(naam="Oost"), WijkFactory(naam="Noord")
    start = timezone.localdate()
    buurt = ActiviteitPageFactory(
        parent=agenda,
        title="Buurtrestaurant",
        start_datum=start,
        recurrence=rule("RRULE:FREQ=DAILY"),
        heel_de_stad=False,
        wijken=[oost],
    )
    wandel = ActiviteitPageFactory(
        parent=agenda, title="Wandelgroep", start_datum=start, heel_de_stad=False, wijken=[noord]
    )
    Uitzondering.objects.create(page=buurt, datum=start + dt.timedelta(days=3), soort="vervalt")
    for page in (buurt, wandel):
        rebuild_occurrences(page)

    _, calendar = fetch(client, "ical-agenda", wijk="oost")
    events = vevents(calendar)
    assert {str(e["SUMMARY"]) for e in events} == {"Buurtrestaurant"}
    assert 89 <= len(events) <= 90  # today (unless it is over) and the next 89 days
    last = max(e.decoded("DTSTART") for e in events)
    assert last.astimezone(AMSTERDAM).date() == start + dt.timedelta(days=89)
    cancelled = [e for e in events if e.get("STATUS") == "CANCELLED"]
    assert [e.decoded("DTSTART").astimezone(AMSTERDAM).date() for e in cancelled] == [
        start + dt.timedelta(days=3)
    ]
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) and all(u.startswith(str(buurt.translation_key)) for u in uids)
    assert calendar.walk("VTIMEZONE")

    _, calendar = fetch(client, "ical-agenda", tot=(start + dt.timedelta(days=6)).isoformat())
    titles = [str(e["SUMMARY"]) for e in vevents(calendar)]
    assert "Wandelgroep" in titles and 6 <= titles.count("Buurtrestaurant") <= 7


def test_agenda_feed_stops_at_500_events(client, agenda):
    slots = [(dt.time(h), dt.time(h, 30)) for h in (9, 12, 15, 18, 20, 21)]
    for _ in range(2):
        rebuild_occurrences(
            ActiviteitPageFactory(
                parent=agenda, start_datum=timezone.localdate(), recurrence="RRULE:FREQ=DAILY", slots=slots
            )
        )
    _, calendar = fetch(client, "ical-agenda")
    assert len(vevents(calendar)) == 500


@pytest.mark.parametrize(
    "params",
    [
        {"van": "gisteren", "tot": "2025-13-45", "wijk": "bestaat-niet", "dagdeel": "nacht"},
        {"van": "2030-01-01", "tot": "2020-01-01", "gratis": "misschien", "q": "x" * 500},
        {"van": "1900-01-01", "tot": "9999-12-31", "thema": ["", "%00"], "q": "a\x00b"},
        {"van": "2025-01-01", "tot": "2100-12-31", "doelgroep": "'; DROP TABLE--"},
    ],
)
def test_bad_filters_give_a_valid_calendar(client, agenda, params):
    rebuild_occurrences(ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate()))
    _, calendar = fetch(client, "ical-agenda", **params)
    assert calendar.get("VERSION") == "2.0"


# --- The property: the feed expands to exactly the stored dates ------------------------------------

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
CLOCK_CHANGES = [dt.date(2025, 3, 30), dt.date(2025, 10, 26), dt.date(2026, 3, 29), dt.date(2026, 10, 25)]
SLOTS = [
    (dt.time(19), dt.time(21)),
    (dt.time(10), dt.time(12)),
    (dt.time(2, 30), dt.time(4)),
    (dt.time(2, 30), dt.time(3, 15)),
    (dt.time(1, 30), dt.time(3, 30)),
    (dt.time(2), dt.time(2, 45)),
    (dt.time(23), dt.time(23, 59)),
]
TIMES = [dt.time(2, 30), dt.time(9), dt.time(20)]
unique = itertools.count()


def near(day):
    return st.integers(-8, 8).map(lambda n: day + dt.timedelta(days=n))


start_dates = st.one_of(
    st.dates(dt.date(2024, 12, 1), dt.date(2026, 8, 31)), st.sampled_from(CLOCK_CHANGES).flatmap(near)
)


@st.composite
def rules(draw, start):
    kind = draw(st.sampled_from(["weekly", "nth weekday", "monthday"]))
    if kind == "weekly":
        days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=2, unique=True))
        parts = ["FREQ=WEEKLY", f"BYDAY={','.join(days)}"]
        interval = draw(st.integers(1, 3))
    elif kind == "nth weekday":
        position = draw(st.sampled_from(["+1", "+2", "+3", "+4", "-1"]))
        parts = ["FREQ=MONTHLY", f"BYDAY={position}{draw(st.sampled_from(WEEKDAYS))}"]
        interval = draw(st.integers(1, 2))
    else:
        parts = ["FREQ=MONTHLY", f"BYMONTHDAY={draw(st.sampled_from([1, 15, 29, 30, 31, -1]))}"]
        interval = draw(st.integers(1, 2))
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    limit = draw(st.sampled_from(["open", "count", "until"]))
    if limit == "count":
        parts.append(f"COUNT={draw(st.integers(1, 40))}")
    elif limit == "until":
        until = start + dt.timedelta(days=draw(st.integers(0, 400)))
        suffix = draw(st.sampled_from(["", "T000000Z", "T235959Z", "T213000Z"]))
        parts.append(f"UNTIL={until:%Y%m%d}{suffix}")
    return "RRULE:" + ";".join(parts)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_feed_expands_to_the_occurrence_table(agenda, data):
    today = data.draw(st.sampled_from([TODAY, dt.date(2025, 10, 20), dt.date(2026, 3, 25)]), label="today")
    start = data.draw(start_dates, label="start")
    text = data.draw(rules(start), label="rule")
    slots = data.draw(st.lists(st.sampled_from(SLOTS), min_size=1, max_size=2, unique=True), label="slots")
    eind = data.draw(
        st.none() | st.integers(0, 500).map(lambda n: start + dt.timedelta(days=n)), label="eind"
    )
    feestdagen = data.draw(st.booleans(), label="feestdagen")

    schedule = Schedule(start, [Slot(*s) for s in slots], recurrence=rule(text), eind_datum=eind)
    series = schedule.dates(start, start + dt.timedelta(days=600))
    picked = (
        data.draw(st.lists(st.sampled_from(series), max_size=4, unique=True), label="dates") if series else []
    )
    changes = []
    for day in picked:
        soort = data.draw(st.sampled_from(["vervalt", "verplaatst", "gewijzigd"]), label=f"{day}")
        change = {"datum": day, "soort": soort}
        if soort == "verplaatst":
            change["nieuwe_datum"] = data.draw(near(day).filter(lambda d, day=day: d != day), label="naar")
        if soort != "vervalt" and (soort == "gewijzigd" or data.draw(st.booleans(), label="andere tijd")):
            change["nieuwe_start_tijd"] = data.draw(st.sampled_from(TIMES), label="tijd")
            change["nieuwe_eind_tijd"] = dt.time(change["nieuwe_start_tijd"].hour + 1, 30)
        changes.append(change)

    page = ActiviteitPageFactory(
        parent=agenda,
        slug=f"eigenschap-{next(unique)}",
        start_datum=start,
        eind_datum=eind,
        recurrence=rule(text),
        vervalt_op_feestdagen=feestdagen,
        slots=slots,
    )
    try:
        for change in changes:
            Uitzondering.objects.create(page=page, **change)
        rebuild_occurrences(page, today=today)
        page = AgendaItemPage.objects.get(pk=page.pk)
        calendar = item_calendar(page, RequestFactory().get("/"), today=today)
        ical = calendar.to_ical().decode()

        window_start, window_end = window(today)
        feed = [
            (utc(o.start), utc(o.end))
            for o in recurring_ical_events.of(calendar).between(window_start, window_end)
            if o.get("STATUS") != "CANCELLED"
        ]
        rows = Occurrence.objects.filter(page=page)
        stored = [
            (utc(s), utc(max(s, e)))  # the feed leaves out a DTEND before DTSTART (see the xfail above)
            for s, e in rows.exclude(status="vervalt").values_list("start", "end")
        ]
        assert sorted(set(feed)) == sorted(set(stored)), ical
        # The RRULE alone carries the pattern: no dates added, none taken away but the exceptions.
        events = calendar.walk("VEVENT")
        assert not any("RDATE" in e or "-extra-" in str(e["UID"]) for e in events), ical
        # Only cancelled dates and dates with an exception may be taken out of the pattern.
        touched = set(rows.filter(status="vervalt").values_list("datum", flat=True)) | set(picked)
        window_dates = (window_start.date(), window_end.date() - dt.timedelta(days=1))
        for event in events:
            for day in exdate_days(event):
                if window_dates[0] < day < window_dates[1]:
                    assert day in touched, ical
    finally:
        page.delete()
