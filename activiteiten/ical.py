"""iCal (RFC 5545) output of the agenda, built with the icalendar package.

- ``item_calendar``: one agenda item's whole series. One master VEVENT per time slot carries the pattern as
  an RRULE; every date on which ``expand()`` does something else (cancelled, a holiday, moved, changed, or
  a slot whose length changes with the clocks) is written out as an exception: EXDATE, or a VEVENT with
  the same UID and a RECURRENCE-ID.
- ``occurrence_calendar``: one date, to add to a personal calendar.
- ``agenda_calendar``: a filtered agenda, one VEVENT per stored occurrence.

The exceptions are taken from ``expand()`` over the occurrence window (plus a year either side and every
date an exception mentions), so the feed and the occurrence table agree on every date in the window. Within
that span the dates the RRULE makes are also checked against the series: django-recurrence's EXRULEs and
RDATEs, or a rule whose rhythm depends on the old start date, become EXDATE / RDATE there. A plain
weekly or monthly rule needs neither.

Times are written as wall-clock times with ``TZID=Europe/Amsterdam``. A nominal time that does not exist
(02:30 on the last Sunday of March) is read by calendar programs with the offset before the change, and an
ambiguous one as the first of the two; both are exactly the rule of ``recurrence.local()``.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import replace

from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar, Event, vRecur
from recurrence import Rule
from recurrence.base import normalize_offset_awareness

from django.utils import timezone

from portal.models import LocatiePage

from .occurrences import window
from .recurrence import AMSTERDAM, MIDNIGHT, Schedule, expand, local

UTC = dt.UTC
PRODID = "-//Huis van de Wijk//Agenda//NL"
UID_DOMAIN = "huisvandewijk"
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=UTC)
# Besides the occurrence window, exceptions are written for a year before and a year after it.
EXCEPTIONS_MARGIN = dt.timedelta(days=365)
# How far after its start date a series' first date is looked for.
FIRST_DATE_HORIZON_DAYS = 5 * 366
YEARLY, MONTHLY, WEEKLY = 0, 1, 2  # dateutil / django-recurrence frequency numbers


# --- Shared helpers --------------------------------------------------------------------------------


def nominal(day, time):
    """A wall-clock time in Amsterdam as it is written in the feed (it may not exist, see the module)."""
    return dt.datetime.combine(day, time, tzinfo=AMSTERDAM)


def as_ical_moment(moment):
    """An aware moment as Amsterdam wall-clock time, or in UTC if that wall-clock time would be read back
    as another moment (the second 02:30 of the last Sunday of October)."""
    wall = moment.astimezone(AMSTERDAM).replace(fold=0)
    if wall.astimezone(UTC) == moment.astimezone(UTC):
        return wall
    return moment.astimezone(UTC)


def utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def sequence(page):
    """Grows with every publication: the seconds from 2020 to the last publication (0 if never)."""
    if not page.last_published_at:
        return 0
    return max(int((page.last_published_at - SEQUENCE_EPOCH).total_seconds()), 0)


def location_text(page, locatie=None):
    locatie = locatie or (page.locatie if page.locatie_id else None)
    if locatie:
        return f"{locatie.title}, {locatie.volledig_adres}"
    if page.adres_vrij:
        return page.adres_vrij
    return "Online" if page.online else ""


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def finish(calendar):
    calendar.add_missing_timezones()
    return calendar


def base_event(page, uid, url, now, *, toelichting="", locatie=None):
    """The properties every VEVENT of ``page`` shares."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(UTC).replace(microsecond=0))
    event.add("sequence", sequence(page))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(UTC).replace(microsecond=0))
    event.add("summary", page.title)
    description = "\n\n".join(part for part in (toelichting, page.intro, url) if part)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    where = location_text(page, locatie)
    if where:
        event.add("location", where)
    locatie = locatie or (page.locatie if page.locatie_id else None)
    if locatie and locatie.latitude is not None and locatie.longitude is not None:
        event.add("geo", (float(locatie.latitude), float(locatie.longitude)))
    return event


def set_times(event, start, end):
    """DTSTART and DTEND. The expansion never ends a date before it starts (see the DST rule in
    activiteiten/recurrence.py); DTEND is still left out if it ever did, as RFC 5545 forbids it."""
    event.add("dtstart", as_ical_moment(start))
    if end > start:
        event.add("dtend", as_ical_moment(end))


# --- The series feed -------------------------------------------------------------------------------


def weekday_code(weekday, freq):
    """BYDAY text: "TU", "+2TU", "-1FR". A position only counts in monthly and yearly rules."""
    code = Rule.weekdays[weekday.number]
    if weekday.index and freq <= MONTHLY:
        return f"{weekday.index:+d}{code}"
    return code


def rule_limits(rule, schedule):
    """``(count, last_date)`` for the written rule, at most one of them set (RFC 5545 forbids both).

    ``last_date`` is the last date the rule may produce: its own UNTIL (read as django-recurrence does
    for ``expand()``) or the page's end date, whichever is earlier. Returns None for a rule that produces
    no date at all."""
    naive_start = dt.datetime.combine(schedule.start_datum, MIDNIGHT)
    last = None
    if rule.until:
        last = normalize_offset_awareness(rule.until, naive_start).date()
    if schedule.eind_datum:
        last = min(last, schedule.eind_datum) if last else schedule.eind_datum
    if rule.count:
        dates = [d.date() for d in rule.to_dateutil_rrule(dtstart=naive_start)]  # finite: COUNT
        if not dates:
            return None
        if len(dates) == rule.count and (last is None or dates[-1] <= last):
            return rule.count, None
        return None, min(last, dates[-1]) if last else dates[-1]
    if last is not None:
        first = rule.to_dateutil_rrule(dtstart=naive_start).after(naive_start, inc=True)
        if first is None or first.date() > last:
            return None
    return None, last


def rrule_for(rule, schedule, count, last, slot_start):
    """The RRULE of one django-recurrence rule, made independent of its start date.

    dateutil fills in a missing BYDAY / BYMONTHDAY / BYMONTH from the start date; the DTSTART of the feed
    is the first date of the series instead, so those are written out."""
    freq = rule.freq
    parts = {"FREQ": Rule.frequencies[freq]}
    if rule.interval and rule.interval != 1:
        parts["INTERVAL"] = rule.interval
    if count:
        parts["COUNT"] = count
    elif last:
        parts["UNTIL"] = local(last, slot_start).astimezone(UTC)
    for name in ("bysetpos", "bymonth", "bymonthday", "byyearday", "byweekno"):
        values = getattr(rule, name) or []
        if values:
            parts[name.upper()] = list(values)
    if rule.byday:
        parts["BYDAY"] = [weekday_code(w, freq) for w in rule.byday]
    elif not (rule.byweekno or rule.byyearday or rule.bymonthday):
        start = schedule.start_datum
        if freq == YEARLY:
            parts.setdefault("BYMONTH", [start.month])
            parts["BYMONTHDAY"] = [start.day]
        elif freq == MONTHLY:
            parts["BYMONTHDAY"] = [start.day]
        elif freq == WEEKLY:
            parts["BYDAY"] = [Rule.weekdays[start.weekday()]]
    if rule.wkst is not None:
        parts["WKST"] = Rule.weekdays[rule.wkst]
    return vRecur(parts)


def first_date(schedule, until):
    """The first date of the series, looked for up to ``until``; None if there is none."""
    naive_start = dt.datetime.combine(schedule.start_datum, MIDNIGHT)
    rdates = [
        normalize_offset_awareness(d, naive_start).date() for d in getattr(schedule.recurrence, "rdates", [])
    ]
    begin = min([schedule.start_datum, *rdates]) if schedule.has_rule else schedule.start_datum
    while begin <= until:
        chunk_end = begin + dt.timedelta(days=366)
        dates = schedule.dates(begin, chunk_end)
        if dates:
            return dates[0]
        begin = chunk_end + dt.timedelta(days=1)
    return None


def plain(schedule, slot):
    """The schedule with one slot and no exceptions: exactly what a master VEVENT repeats."""
    return replace(schedule, slots=[slot], changes=[], vervalt_op_feestdagen=False)


def rfc_dates(dtstart, rrules, rdates, exdates, first, last):
    """The dates a calendar program makes of a master VEVENT between ``first`` and ``last``."""
    rules = rruleset()
    for recur in rrules:
        rules.rrule(rrulestr(recur.to_ical().decode(), dtstart=dtstart))
    rules.rdate(dtstart)
    for day in rdates:
        rules.rdate(nominal(day, dtstart.time()))
    for day in exdates:
        rules.exdate(nominal(day, dtstart.time()))
    span = (nominal(first, MIDNIGHT), nominal(last, dt.time.max))
    return {moment.date() for moment in rules.between(*span, inc=True)}


def explicit_dates(schedule):
    """The RDATE and EXDATE dates of the django-recurrence field, as ``expand()`` reads them."""
    recurrence = schedule.recurrence
    if not schedule.has_rule:
        return set(), set()
    naive_start = dt.datetime.combine(schedule.start_datum, MIDNIGHT)
    rdates = {normalize_offset_awareness(d, naive_start).date() for d in recurrence.rdates}
    if schedule.eind_datum:
        rdates = {d for d in rdates if d <= schedule.eind_datum}
    exdates = set()
    for value in recurrence.exdates:
        value = normalize_offset_awareness(value, naive_start)
        if value.time() == MIDNIGHT:  # an EXDATE at another time never matches a date of the rule
            exdates.add(value.date())
    return rdates, exdates


def exceptions_span(schedule, today):
    """From when to when exceptions are written: the window, a year either side, and every date an
    exception mentions."""
    window_start, window_end = window(today)
    margin = dt.timedelta(days=schedule.dagen + 1)
    mentioned = [d for c in schedule.changes for d in (c.datum, c.nieuwe_datum) if d]
    start = min([window_start - EXCEPTIONS_MARGIN] + [local(d, MIDNIGHT) - margin for d in mentioned])
    end = max([window_end + EXCEPTIONS_MARGIN] + [local(d, MIDNIGHT) + margin for d in mentioned])
    return start, end


class SeriesBuilder:
    """Builds the VEVENTs of one page's series; see ``item_calendar``."""

    def __init__(self, page, request, today=None, now=None):
        self.page = page
        self.now = now or timezone.now()
        self.url = page.get_full_url(request)
        self.schedule = Schedule.from_page(page)
        self.span = exceptions_span(self.schedule, today)
        self.locaties = {}

    def uid(self, index):
        return f"{self.page.translation_key}-{index}@{UID_DOMAIN}"

    def events(self):
        schedule = self.schedule
        span_first = self.span[0].astimezone(AMSTERDAM).date()
        span_last = self.span[1].astimezone(AMSTERDAM).date()
        horizon = max(span_last, schedule.start_datum + dt.timedelta(days=FIRST_DATE_HORIZON_DAYS))
        first_day = first_date(schedule, horizon) if schedule.slots else None
        if first_day is None:
            return []

        rules = []
        if schedule.has_rule:
            for rule in schedule.recurrence.rrules:
                limits = rule_limits(rule, schedule)
                if limits is not None:
                    rules.append((rule, *limits))
        explicit_rdates, explicit_exdates = explicit_dates(schedule)
        expected_dates = set(schedule.dates(span_first, span_last))

        planned = expand(schedule, *self.span)
        cancelled = Counter((p.start, p.end) for p in planned if p.status == "vervalt")
        unchanged = Counter((p.start, p.end) for p in planned if p.status == "gepland")
        changed = defaultdict(list)
        for p in planned:
            if p.original_start is not None:
                changed[p.original_start].append(p)
        self.locaties = LocatiePage.objects.in_bulk({p.locatie_id for p in planned if p.locatie_id})

        events = []
        for index, slot in enumerate(schedule.slots):
            (first,) = [
                p for p in expand(plain(schedule, slot), *self._day(first_day)) if p.datum == first_day
            ]
            end_day = first.end.astimezone(AMSTERDAM).date()
            length = dt.datetime.combine(end_day, slot.end) - dt.datetime.combine(first_day, slot.start)
            dtstart = nominal(first_day, slot.start)
            recurs = [rrule_for(rule, schedule, count, last, slot.start) for rule, count, last in rules]

            # Dates the RRULE produces that the series does not have, and the other way round.
            produced = rfc_dates(dtstart, recurs, explicit_rdates, explicit_exdates, span_first, span_last)
            exdates = set(explicit_exdates) | (produced - expected_dates)
            rdates = set(explicit_rdates) | (expected_dates - produced)
            rdates.discard(first_day)

            overrides = []
            for instance in expand(plain(schedule, slot), *self.span):
                key = (instance.start, instance.end)
                if cancelled[key]:
                    cancelled[key] -= 1
                    exdates.add(instance.datum)
                elif changed.get(instance.start):
                    overrides.append((instance.datum, changed[instance.start].pop(0)))
                elif unchanged[key]:
                    unchanged[key] -= 1
                    # The clocks change during the slot, or the start time does not exist that night and
                    # moved forward: calendar apps would place such a date by the nominal times, so give
                    # its real times in an override.
                    moved = instance.start.astimezone(AMSTERDAM).time() != slot.start
                    if moved or instance.end - instance.start != length:
                        overrides.append((instance.datum, instance))
                else:  # the date has one slot less (a new time given for the whole date)
                    exdates.add(instance.datum)

            if not recurs and not rdates:  # one date: a plain VEVENT with its own (new) time
                moved = [p for day, p in overrides if day == first_day]
                event = self._event(index, moved[0] if moved else first, recurrence_id=None)
                if first_day in exdates:
                    event.add("status", "CANCELLED")
                events.append(event)
                continue

            master = base_event(self.page, self.uid(index), self.url, self.now)
            master.add("dtstart", dtstart)
            if first.end - first.start == length:
                master.add("dtend", nominal(end_day, slot.end))
            else:  # the first date is irregular: the usual length here, the real one in its override
                master.add("dtend", (first.start + length).astimezone(UTC))
            for recur in recurs:
                master.add("rrule", recur)
            if rdates:
                master.add("rdate", [nominal(day, slot.start) for day in sorted(rdates)])
            if exdates:
                master.add("exdate", [nominal(day, slot.start) for day in sorted(exdates)])
            events.append(master)
            for day, p in overrides:
                events.append(self._event(index, p, recurrence_id=nominal(day, slot.start)))

        # What is left cannot be an exception to a master (two exceptions for one date): plain events.
        leftovers = sorted((p for items in changed.values() for p in items), key=lambda p: (p.start, p.end))
        for number, p in enumerate(leftovers):
            event = self._event(0, p, recurrence_id=None)
            event["uid"] = f"{self.page.translation_key}-extra-{number}-{utc_stamp(p.start)}@{UID_DOMAIN}"
            events.append(event)
        return events

    @staticmethod
    def _day(day):
        return local(day, MIDNIGHT), local(day + dt.timedelta(days=1), MIDNIGHT)

    def _event(self, index, planned, recurrence_id):
        locatie = self.locaties.get(planned.locatie_id)
        event = base_event(
            self.page, self.uid(index), self.url, self.now, toelichting=planned.toelichting, locatie=locatie
        )
        if recurrence_id is not None:
            event.add("recurrence-id", recurrence_id)
        set_times(event, planned.start, planned.end)
        return event


def item_calendar(page, request, today=None):
    """The whole series of one agenda item (see the module docstring)."""
    calendar = new_calendar(page.title)
    for event in SeriesBuilder(page, request, today=today).events():
        calendar.add_component(event)
    return finish(calendar)


# --- Single dates ----------------------------------------------------------------------------------


def occurrence_event(occurrence, request, now, urls=None):
    """One stored occurrence as a stand-alone VEVENT."""
    page = occurrence.page
    urls = {} if urls is None else urls
    if page.pk not in urls:
        urls[page.pk] = page.get_full_url(request)
    uid = f"{page.translation_key}-{utc_stamp(occurrence.start)}@{UID_DOMAIN}"
    event = base_event(
        page,
        uid,
        urls[page.pk],
        now,
        toelichting=occurrence.toelichting,
        locatie=occurrence.locatie if occurrence.locatie_id else None,
    )
    set_times(event, occurrence.start, occurrence.end)
    event.add("status", "CANCELLED" if occurrence.status == "vervalt" else "CONFIRMED")
    return event


def occurrence_calendar(occurrence, request):
    """One date of an agenda item, to add to a personal calendar."""
    calendar = new_calendar(occurrence.page.title)
    calendar.add_component(occurrence_event(occurrence, request, timezone.now()))
    return finish(calendar)


def agenda_calendar(occurrences, request, name="Agenda Huis van de Wijk"):
    """A filtered agenda: one VEVENT per occurrence (with ``page`` and ``locatie`` selected)."""
    calendar = new_calendar(name)
    calendar.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", dt.timedelta(hours=12))
    now, urls = timezone.now(), {}
    for occurrence in occurrences:
        calendar.add_component(occurrence_event(occurrence, request, now, urls))
    return finish(calendar)
