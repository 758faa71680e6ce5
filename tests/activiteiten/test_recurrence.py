"""The edge cases a serious calendar must pass, on the one expansion function."""

import datetime as dt
import os
import time
import zoneinfo

import pytest
import recurrence

from activiteiten.recurrence import AMSTERDAM, Change, Schedule, Slot, expand, local, orphaned_changes

UTC = dt.UTC


def rule(text):
    return recurrence.deserialize(text, include_dtstart=False)


def window(first, last):
    """[first 00:00, last+1 00:00) in Amsterdam."""
    return (
        dt.datetime.combine(first, dt.time(), tzinfo=AMSTERDAM),
        dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=AMSTERDAM),
    )


def weekly(start, byday="TU", slot=(19, 21), **kwargs):
    return Schedule(
        start_datum=start,
        recurrence=rule(f"RRULE:FREQ=WEEKLY;BYDAY={byday}"),
        slots=[Slot(dt.time(slot[0]), dt.time(slot[1]))],
        **kwargs,
    )


def local_starts(planned):
    return [p.start.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M") for p in planned]


def test_weekly_19h_stays_at_19h_local_across_both_dst_changes_of_2025():
    schedule = weekly(dt.date(2025, 3, 2), byday="SU")
    planned = expand(schedule, *window(dt.date(2025, 3, 20), dt.date(2025, 11, 5)))
    assert {p.start.astimezone(AMSTERDAM).strftime("%H:%M") for p in planned} == {"19:00"}
    by_date = {p.datum: p.start.utcoffset() for p in planned}
    assert by_date[dt.date(2025, 3, 23)] == dt.timedelta(hours=1)
    assert by_date[dt.date(2025, 3, 30)] == dt.timedelta(hours=2)  # the day summer time starts
    assert by_date[dt.date(2025, 10, 26)] == dt.timedelta(hours=1)  # the day it ends
    assert by_date[dt.date(2025, 10, 19)] == dt.timedelta(hours=2)


def test_a_time_that_does_not_exist_moves_forward_to_0330_summer_time():
    start = local(dt.date(2025, 3, 30), dt.time(2, 30))
    assert start.strftime("%H:%M %z") == "03:30 +0200"
    assert start.astimezone(UTC).strftime("%H:%M") == "01:30"


def test_an_ambiguous_time_is_the_first_one_still_in_summer_time():
    start = local(dt.date(2025, 10, 26), dt.time(2, 30))
    assert start.strftime("%H:%M %z") == "02:30 +0200"
    assert start.astimezone(UTC).strftime("%H:%M") == "00:30"


def test_results_do_not_depend_on_the_active_time_zone(settings):
    schedule = weekly(dt.date(2025, 3, 4))
    before = [p.start for p in expand(schedule, *window(dt.date(2025, 3, 1), dt.date(2025, 4, 30)))]
    old = os.environ.get("TZ")
    try:
        os.environ["TZ"] = "America/Los_Angeles"
        time.tzset()
        settings.TIME_ZONE = "Asia/Tokyo"
        after = [p.start for p in expand(schedule, *window(dt.date(2025, 3, 1), dt.date(2025, 4, 30)))]
        # The same window given in another zone's midnight selects the same dates.
        tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
        shifted = expand(
            schedule,
            dt.datetime(2025, 3, 1, 8, 0, tzinfo=tokyo),
            dt.datetime(2025, 5, 1, 7, 0, tzinfo=tokyo),
        )
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()
    assert before == after == [p.start for p in shifted]


def test_an_exception_stored_for_the_date_cancels_the_19h_occurrence():
    schedule = weekly(
        dt.date(2025, 3, 4), changes=[Change(datum=dt.date(2025, 3, 11), soort="vervalt", toelichting="Ziek")]
    )
    planned = expand(schedule, *window(dt.date(2025, 3, 1), dt.date(2025, 3, 31)))
    cancelled = [p for p in planned if p.status == "vervalt"]
    assert local_starts(cancelled) == ["2025-03-11 19:00"]
    assert cancelled[0].toelichting == "Ziek"
    assert len(planned) == 4  # the cancelled date stays visible


def test_a_start_date_that_does_not_match_the_rule_is_not_an_occurrence():
    schedule = weekly(dt.date(2025, 3, 3), byday="TU")  # a Monday
    planned = expand(schedule, *window(dt.date(2025, 3, 1), dt.date(2025, 3, 12)))
    assert local_starts(planned) == ["2025-03-04 19:00", "2025-03-11 19:00"]


@pytest.mark.parametrize(
    ("text", "start", "first", "last", "expected"),
    [
        (
            "RRULE:FREQ=MONTHLY;BYDAY=+2TU",
            dt.date(2025, 1, 1),
            dt.date(2025, 1, 1),
            dt.date(2025, 3, 31),
            ["2025-01-14", "2025-02-11", "2025-03-11"],
        ),
        (
            "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
            dt.date(2025, 1, 1),
            dt.date(2025, 1, 1),
            dt.date(2025, 3, 31),
            ["2025-01-31", "2025-02-28", "2025-03-28"],
        ),
        # "5e dinsdag": only months with five Tuesdays.
        (
            "RRULE:FREQ=MONTHLY;BYDAY=+5TU",
            dt.date(2025, 1, 1),
            dt.date(2025, 1, 1),
            dt.date(2025, 6, 30),
            ["2025-04-29"],
        ),
        # Day 31 skips short months.
        (
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=31",
            dt.date(2025, 1, 31),
            dt.date(2025, 1, 1),
            dt.date(2025, 5, 31),
            ["2025-01-31", "2025-03-31", "2025-05-31"],
        ),
        # A yearly series that starts on 29 February only happens in leap years.
        (
            "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
            dt.date(2024, 2, 29),
            dt.date(2024, 1, 1),
            dt.date(2028, 12, 31),
            ["2024-02-29", "2028-02-29"],
        ),
    ],
)
def test_monthly_and_yearly_patterns(text, start, first, last, expected):
    schedule = Schedule(start_datum=start, recurrence=rule(text), slots=[Slot(dt.time(10), dt.time(12))])
    assert [p.datum.isoformat() for p in expand(schedule, *window(first, last))] == expected


def test_two_weekly_rhythm_and_count_hold_in_a_window_that_starts_later():
    every_other = Schedule(
        start_datum=dt.date(2025, 1, 7),
        recurrence=rule("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        slots=[Slot(dt.time(10), dt.time(11))],
    )
    planned = expand(every_other, *window(dt.date(2025, 6, 1), dt.date(2025, 6, 30)))
    assert [p.datum.isoformat() for p in planned] == ["2025-06-10", "2025-06-24"]

    counted = Schedule(
        start_datum=dt.date(2025, 1, 7),
        recurrence=rule("RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU"),
        slots=[Slot(dt.time(10), dt.time(11))],
    )
    late = expand(counted, *window(dt.date(2025, 3, 1), dt.date(2025, 12, 31)))
    assert [p.datum.isoformat() for p in late] == ["2025-03-04", "2025-03-11"]


def test_until_is_inclusive():
    schedule = Schedule(
        start_datum=dt.date(2025, 3, 4),
        recurrence=rule("RRULE:FREQ=WEEKLY;UNTIL=20250318T000000;BYDAY=TU"),
        slots=[Slot(dt.time(19), dt.time(21))],
    )
    planned = expand(schedule, *window(dt.date(2025, 3, 1), dt.date(2025, 4, 30)))
    assert [p.datum.isoformat() for p in planned] == ["2025-03-04", "2025-03-11", "2025-03-18"]
    with_end = weekly(dt.date(2025, 3, 4), eind_datum=dt.date(2025, 3, 11))
    assert len(expand(with_end, *window(dt.date(2025, 3, 1), dt.date(2025, 4, 30)))) == 2


def test_an_occurrence_starting_exactly_at_the_window_end_is_excluded():
    schedule = weekly(dt.date(2025, 3, 4))
    end = local(dt.date(2025, 3, 11), dt.time(19))
    planned = expand(schedule, local(dt.date(2025, 3, 1), dt.time()), end)
    assert local_starts(planned) == ["2025-03-04 19:00"]


def test_an_ongoing_multi_day_item_is_included():
    camping = Schedule(start_datum=dt.date(2025, 7, 4), dagen=3, slots=[Slot(dt.time(18), dt.time(12))])
    planned = expand(camping, *window(dt.date(2025, 7, 5), dt.date(2025, 7, 12)))
    assert len(planned) == 1
    assert planned[0].end.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M") == "2025-07-06 12:00"


def test_a_moved_date_appears_once_also_across_dst():
    schedule = weekly(
        dt.date(2025, 3, 4),
        changes=[Change(datum=dt.date(2025, 3, 25), soort="verplaatst", nieuwe_datum=dt.date(2025, 4, 2))],
    )
    planned = expand(schedule, *window(dt.date(2025, 3, 1), dt.date(2025, 4, 30)))
    moved = [p for p in planned if p.status == "verplaatst"]
    assert local_starts(moved) == ["2025-04-02 19:00"]
    assert moved[0].original_start.strftime("%Y-%m-%d %H:%M %z") == "2025-03-25 19:00 +0100"
    assert "2025-03-25 19:00" not in local_starts(planned)
    assert len(local_starts(planned)) == len(set(local_starts(planned)))


def test_exceptions_survive_a_rule_edit_and_orphans_are_found():
    change = Change(datum=dt.date(2025, 3, 11), soort="vervalt")
    schedule = weekly(dt.date(2025, 3, 4), changes=[change])
    assert orphaned_changes(schedule) == []
    schedule.recurrence = rule("RRULE:FREQ=WEEKLY;BYDAY=WE")  # moved to Wednesdays
    assert orphaned_changes(schedule) == [change]
    schedule.recurrence = rule("RRULE:FREQ=WEEKLY;BYDAY=TU,TH")
    assert orphaned_changes(schedule) == []


@pytest.mark.parametrize(
    ("day", "name", "ordinary_day"),
    [
        # 27 April 2025 is a Sunday, so Koningsdag is on Saturday the 26th and the 27th goes ahead.
        (dt.date(2025, 4, 26), "Koningsdag", dt.date(2025, 4, 27)),
        (dt.date(2025, 5, 29), "Hemelvaartsdag", dt.date(2025, 5, 28)),
        (dt.date(2025, 6, 9), "Tweede pinksterdag", dt.date(2025, 6, 10)),
        (dt.date(2025, 12, 25), "Eerste kerstdag", dt.date(2025, 12, 24)),
    ],
)
def test_holidays_are_cancelled_with_their_name(day, name, ordinary_day):
    schedule = Schedule(
        start_datum=dt.date(2025, 1, 1),
        recurrence=rule("RRULE:FREQ=DAILY"),
        slots=[Slot(dt.time(10), dt.time(12))],
        vervalt_op_feestdagen=True,
    )
    planned = {p.datum: p for p in expand(schedule, *window(min(day, ordinary_day), max(day, ordinary_day)))}
    assert planned[day].status == "vervalt"
    assert planned[day].toelichting == f"Vervalt i.v.m. {name}"
    assert planned[ordinary_day].status == "gepland"


def test_a_slot_starting_in_the_skipped_hour_keeps_its_length():
    schedule = Schedule(start_datum=dt.date(2025, 3, 30), slots=[Slot(dt.time(2, 30), dt.time(3, 15))])
    [planned] = expand(schedule, *window(dt.date(2025, 3, 30), dt.date(2025, 3, 30)))
    assert planned.start.strftime("%H:%M %z") == "03:30 +0200"
    assert planned.end.astimezone(AMSTERDAM).strftime("%H:%M") == "04:15"


def test_a_rule_whose_exclusion_removes_every_date_gives_none_and_quickly():
    schedule = Schedule(
        start_datum=dt.date(2025, 11, 1),
        slots=[Slot(dt.time(19), dt.time(21))],
        recurrence=recurrence.deserialize("RRULE:FREQ=WEEKLY\nEXRULE:FREQ=WEEKLY", include_dtstart=False),
    )
    started = time.perf_counter()
    assert expand(schedule, *window(dt.date(2025, 11, 1), dt.date(2027, 5, 1))) == []
    assert time.perf_counter() - started < 1  # dateutil's rule set would search to the year 9999


def test_extra_dates_and_excluded_dates_of_the_widget_are_honoured():
    schedule = Schedule(
        start_datum=dt.date(2025, 3, 4),
        slots=[Slot(dt.time(19), dt.time(21))],
        recurrence=recurrence.deserialize(
            "RRULE:FREQ=WEEKLY;BYDAY=TU\\nRDATE:20250313T000000\\nEXDATE:20250311T000000".replace(
                "\\n", "\n"
            ),
            include_dtstart=False,
        ),
    )
    dates = [
        p.datum.isoformat() for p in expand(schedule, *window(dt.date(2025, 3, 1), dt.date(2025, 3, 20)))
    ]
    assert dates == ["2025-03-04", "2025-03-13", "2025-03-18"]


def test_two_exceptions_on_one_date_give_one_occurrence():
    schedule = weekly(
        dt.date(2025, 3, 4),
        changes=[
            Change(datum=dt.date(2025, 3, 11), soort="verplaatst", nieuwe_datum=dt.date(2025, 3, 12)),
            Change(datum=dt.date(2025, 3, 11), soort="verplaatst", nieuwe_datum=dt.date(2025, 3, 13)),
        ],
    )
    planned = expand(schedule, *window(dt.date(2025, 3, 1), dt.date(2025, 3, 31)))
    assert [p.datum.isoformat() for p in planned if p.status == "verplaatst"] == ["2025-03-13"]
