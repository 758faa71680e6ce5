"""The one recurrence expansion function of the portal.

``expand(schedule, window_start, window_end)`` turns a schedule (start date, django-recurrence rule,
time slots, exceptions, the holiday option) into planned occurrences. It feeds the stored occurrence
table, previews and the iCal tests, so all three agree.

Rules that make it correct:
- The rule always runs from the series' own start date, never from the window start, so "every 2
  weeks" and COUNT keep their rhythm in any window.
- Dates are expanded as local calendar dates; each time slot is then placed on that date in
  Europe/Amsterdam. A weekly 19:00 activity stays at 19:00 across daylight saving changes.
- A time that does not exist locally (02:30 on the last Sunday of March) moves forward with the clock:
  it becomes 03:30 summer time. A time that happens twice (02:30 on the last Sunday of October) is the
  first of the two, still in summer time (UTC+2). Both follow PEP 495 with ``fold=0``. A slot whose
  start moves forward past its own end (02:30–03:15 on that March day) keeps its length: 03:30–04:15.
- Exceptions are matched on the local date of the original occurrence, whatever time they were saved
  with, and apply to every slot of that date. One exception per date counts (the last one); the editor
  form refuses a second one.
- A moved date appears once: at its new date, marked "verplaatst", with its original start kept.
- With "vervalt op feestdagen", Dutch public holidays (python-holidays) are marked "vervalt" with the
  holiday's name, unless an explicit exception says otherwise.
- The window end is exclusive; an occurrence that is still going on at the window start is included.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

from portal.kalender import dagdeel

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MIDNIGHT = dt.time(0, 0)


@dataclass(frozen=True)
class Slot:
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class Change:
    """An exception to one date of the series."""

    datum: dt.date
    soort: str  # vervalt | verplaatst | gewijzigd
    nieuwe_datum: dt.date | None = None
    nieuwe_start_tijd: dt.time | None = None
    nieuwe_eind_tijd: dt.time | None = None
    nieuwe_locatie_id: int | None = None
    toelichting: str = ""


@dataclass
class Schedule:
    start_datum: dt.date
    slots: list[Slot]
    recurrence: object = None  # recurrence.Recurrence or None
    eind_datum: dt.date | None = None
    dagen: int = 1
    changes: list[Change] = field(default_factory=list)
    vervalt_op_feestdagen: bool = False
    locatie_id: int | None = None

    @classmethod
    def from_page(cls, page, tijdsloten=None, uitzonderingen=None):
        """Build from an AgendaItemPage (its tijdsloten and uitzonderingen may be passed prefetched)."""
        tijdsloten = page.tijdsloten.all() if tijdsloten is None else tijdsloten
        uitzonderingen = page.uitzonderingen.all() if uitzonderingen is None else uitzonderingen
        return cls(
            start_datum=page.start_datum,
            eind_datum=page.eind_datum,
            recurrence=page.recurrence,
            dagen=max(page.dagen or 1, 1),
            slots=[Slot(t.start_tijd, t.eind_tijd) for t in tijdsloten],
            changes=[
                Change(
                    datum=u.datum,
                    soort=u.soort,
                    nieuwe_datum=u.nieuwe_datum,
                    nieuwe_start_tijd=u.nieuwe_start_tijd,
                    nieuwe_eind_tijd=u.nieuwe_eind_tijd,
                    nieuwe_locatie_id=u.nieuwe_locatie_id,
                    toelichting=u.toelichting,
                )
                for u in uitzonderingen
            ],
            vervalt_op_feestdagen=page.vervalt_op_feestdagen,
            locatie_id=page.locatie_id,
        )

    @property
    def has_rule(self):
        rec = self.recurrence
        return bool(rec and (rec.rrules or rec.rdates))

    def dates(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The series' dates from ``first`` to ``last``, both inclusive.

        Every rule is expanded within this period on its own and exclusions are subtracted here:
        dateutil's combined rule set searches up to the year 9999 when an exclusion rule removes every
        date, which would stall a page for seconds and then fail."""
        if self.eind_datum:
            last = min(last, self.eind_datum)
        if last < first:
            return []
        if not self.has_rule:
            return [self.start_datum] if first <= self.start_datum <= last else []
        rec = self.recurrence
        dtstart = dt.datetime.combine(self.start_datum, MIDNIGHT)
        after, before = dt.datetime.combine(first, MIDNIGHT), dt.datetime.combine(last, MIDNIGHT)
        found = set()
        for rule in rec.rrules:
            found.update(d.date() for d in rule.to_dateutil_rrule(dtstart).between(after, before, inc=True))
        found.update(d.date() for d in rec.rdates if first <= d.date() <= last)
        for rule in rec.exrules:
            found.difference_update(
                d.date() for d in rule.to_dateutil_rrule(dtstart).between(after, before, inc=True)
            )
        found.difference_update(d.date() for d in rec.exdates)
        return sorted(d for d in found if d >= self.start_datum)

    def is_date(self, day: dt.date) -> bool:
        return bool(self.dates(day, day))


@dataclass
class Planned:
    start: dt.datetime
    end: dt.datetime
    status: str = "gepland"
    original_start: dt.datetime | None = None
    toelichting: str = ""
    locatie_id: int | None = None

    @property
    def datum(self):
        return self.start.astimezone(AMSTERDAM).date()

    @property
    def is_cancelled(self):
        return self.status == "vervalt"

    @property
    def dagdeel(self):
        return dagdeel(self.start.astimezone(AMSTERDAM).hour)


def local(day: dt.date, time: dt.time) -> dt.datetime:
    """The wall-clock moment ``time`` on ``day`` in Amsterdam, normalised (see the module's DST rule)."""
    naive = dt.datetime.combine(day, time)
    return naive.replace(tzinfo=AMSTERDAM).astimezone(dt.UTC).astimezone(AMSTERDAM)


@lru_cache(maxsize=64)
def dutch_holidays(year: int) -> dict:
    return dict(holidays.country_holidays("NL", years=year, language="nl"))


def holiday_name(day: dt.date) -> str | None:
    return dutch_holidays(day.year).get(day)


def _span(schedule: Schedule, day: dt.date, start_time: dt.time, end_time: dt.time):
    start = local(day, start_time)
    end_day = day + dt.timedelta(days=schedule.dagen - 1)
    if end_time <= start_time and schedule.dagen == 1:
        end_day = day + dt.timedelta(days=1)  # ends after midnight
    end = local(end_day, end_time)
    if end <= start:  # the start moved forward into summer time, past the end: keep the slot's length
        end = start + (dt.datetime.combine(end_day, end_time) - dt.datetime.combine(day, start_time))
    return start, end


def expand(schedule: Schedule, window_start: dt.datetime, window_end: dt.datetime) -> list[Planned]:
    """All occurrences that overlap [window_start, window_end), sorted by start."""
    first = window_start.astimezone(AMSTERDAM).date() - dt.timedelta(days=schedule.dagen)
    last = window_end.astimezone(AMSTERDAM).date()
    changes = {c.datum: c for c in schedule.changes}
    planned = []

    for day in schedule.dates(first, last):
        change = changes.get(day)
        if change and change.soort == "verplaatst":
            continue  # appears once, at its new date (below)
        if change and change.soort == "gewijzigd":
            slots = schedule.slots
            if change.nieuwe_start_tijd:
                end = change.nieuwe_eind_tijd or schedule.slots[0].end
                slots = [Slot(change.nieuwe_start_tijd, end)]
            for slot, original in zip(slots, schedule.slots, strict=False):
                start, end = _span(schedule, day, slot.start, slot.end)
                planned.append(
                    Planned(
                        start,
                        end,
                        "gewijzigd",
                        original_start=local(day, original.start),
                        toelichting=change.toelichting,
                        locatie_id=change.nieuwe_locatie_id or schedule.locatie_id,
                    )
                )
            continue
        status, note = "gepland", ""
        if change and change.soort == "vervalt":
            status, note = "vervalt", change.toelichting
        elif schedule.vervalt_op_feestdagen and (name := holiday_name(day)):
            status, note = "vervalt", f"Vervalt i.v.m. {name}"
        for slot in schedule.slots:
            start, end = _span(schedule, day, slot.start, slot.end)
            planned.append(Planned(start, end, status, toelichting=note, locatie_id=schedule.locatie_id))

    for change in changes.values():  # one exception per date: the last one saved counts
        if change.soort != "verplaatst" or not change.nieuwe_datum or not schedule.is_date(change.datum):
            continue
        slots = schedule.slots
        if change.nieuwe_start_tijd:
            slots = [Slot(change.nieuwe_start_tijd, change.nieuwe_eind_tijd or schedule.slots[0].end)]
        for slot, original in zip(slots, schedule.slots, strict=False):
            start, end = _span(schedule, change.nieuwe_datum, slot.start, slot.end)
            planned.append(
                Planned(
                    start,
                    end,
                    "verplaatst",
                    original_start=local(change.datum, original.start),
                    toelichting=change.toelichting,
                    locatie_id=change.nieuwe_locatie_id or schedule.locatie_id,
                )
            )

    planned = [p for p in planned if p.end > window_start and p.start < window_end]
    planned.sort(key=lambda p: (p.start, p.end))
    return planned


def orphaned_changes(schedule: Schedule) -> list[Change]:
    """Exceptions whose date is not (or no longer) a date of the series, for example after a rule edit."""
    return [c for c in schedule.changes if not schedule.is_date(c.datum)]
