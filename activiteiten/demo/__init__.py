"""The agenda's demo section: 40+ activities and 10+ spreekuren modelled on the research's examples.

The items themselves are in ``activiteiten.demo.data``.

Every schedule pattern is there: weekly, every two weeks, twice a week, "2e dinsdag", "laatste vrijdag",
first Saturday of the month, a course of four evenings (COUNT=4), one-off and multi-day items, and series
that have ended. Start dates are relative to ``ctx.today``, so the coming week always has content; the
exceptions (vervalt, verplaatst, gewijzigd) are picked from the real dates of each series, some of them in
the next two weeks so the agenda shows them.

Idempotent: items are looked up by slug; an existing item is left alone, exceptions included.
"""

import datetime as dt
from decimal import Decimal

import recurrence

from portal.demo import get_or_create_page

from ..recurrence import MIDNIGHT, Schedule, Slot, holiday_name
from . import data as demo_data

WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
DAGNAMEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
HORIZON_DAYS = 540  # exceptions fall inside the occurrence window of 18 months


def parse_rule(regel):
    """A recurrence.Recurrence for the RRULE text, or an empty one for a one-off item."""
    return recurrence.deserialize(f"RRULE:{regel}" if regel else "", include_dtstart=False)


def parse_slots(tijd):
    spans = [tijd] if isinstance(tijd, str) else tijd
    return [Slot(*(dt.time.fromisoformat(t) for t in span.split("-"))) for span in spans]


def nth_weekday_after(day, weekday, n):
    """The ``n``-th ``weekday`` (0 is Monday) strictly after ``day``."""
    ahead = (WEEKDAYS[weekday] - day.weekday() - 1) % 7 + 1
    return day + dt.timedelta(days=ahead + 7 * (n - 1))


def start_datum(spec, rule, today, rng):
    """The first date of an item, relative to ``today`` (see the ``start`` key in ``data``)."""
    if isinstance(spec, tuple) and spec[0] == "over":
        return nth_weekday_after(today, spec[1], spec[2])
    if isinstance(spec, tuple) and spec[0] == "maand":
        _, month, weekday, n = spec
        for year in (today.year, today.year + 1):
            day = nth_weekday_after(dt.date(year, month, 1) - dt.timedelta(days=1), weekday, n)
            if day > today + dt.timedelta(days=7):
                return day
    weeks = spec if spec is not None else -rng.randint(3, 10)
    anchor = today + dt.timedelta(weeks=weeks)
    if not (rule.rrules or rule.rdates):
        return anchor
    first = dt.datetime.combine(anchor, MIDNIGHT)
    return rule.to_dateutil_rruleset(dtstart=first).after(first, inc=True).date()


def _season(today, month, day):
    """The year of the next (month, day) that is still ahead of ``today``."""
    return today.year if today < dt.date(today.year, month, day) else today.year + 1


def pick_dates(spec, schedule, today):
    """The dates of the series that one exception spec applies to (possibly none)."""
    soon, horizon = today + dt.timedelta(days=1), today + dt.timedelta(days=HORIZON_DAYS)
    wanneer = spec["wanneer"]
    if wanneer == "eerstvolgende":
        return schedule.dates(soon, today + dt.timedelta(days=14))[:1]
    if wanneer == "nummer":
        dates = schedule.dates(soon, horizon)
        return dates[spec["n"] - 1 : spec["n"]]
    if wanneer == "feestdag":
        return [d for d in schedule.dates(soon, horizon) if holiday_name(d)][:1]
    if wanneer == "kerstvakantie":
        year = _season(today, 12, 19)
        return schedule.dates(max(soon, dt.date(year, 12, 21)), dt.date(year + 1, 1, 3))
    if wanneer == "voor-kerst":
        year = _season(today, 12, 24)
        return schedule.dates(max(soon, dt.date(year, 12, 14)), dt.date(year, 12, 24))[-1:]
    if wanneer == "zomer":
        year = _season(today, 7, 1)
        return schedule.dates(dt.date(year, 7, 18), min(horizon, dt.date(year, 8, 29)))
    raise ValueError(f"Onbekende uitzondering: {wanneer}")


def uitzonderingen(specs, schedule, today, locaties):
    """Uitzondering rows for the specs, each on a real date of the series.

    A spec has ``soort`` (vervalt, verplaatst, gewijzigd), ``toelichting`` (may use {dag} and {feestdag})
    and ``wanneer``: "eerstvolgende" (the next date, within two weeks), "nummer" (the ``n``-th coming
    date), "feestdag" (the first date on a public holiday), "kerstvakantie" or "zomer" (every date in
    that holiday), "voor-kerst" (the last date before Christmas). A moved date goes to the day before or
    after (``verschuif``); a changed one gets ``start_tijd``/``eind_tijd`` or another ``locatie``.
    """
    from ..models import Uitzondering

    rows, used = [], set()
    for spec in specs:
        for datum in pick_dates(spec, schedule, today):
            if datum in used:
                continue
            used.add(datum)
            fields = {"datum": datum, "soort": spec["soort"]}
            nieuwe = None
            if spec["soort"] == "verplaatst":
                # Within the coming week: a day earlier if that is still ahead, otherwise a day later.
                shift = spec.get("verschuif") or (-1 if (datum - today).days >= 2 else 1)
                nieuwe = datum + dt.timedelta(days=shift)
                if schedule.is_date(nieuwe):
                    nieuwe = datum + dt.timedelta(days=-shift)
                fields["nieuwe_datum"] = nieuwe
            if spec.get("start_tijd"):
                fields["nieuwe_start_tijd"] = dt.time.fromisoformat(spec["start_tijd"])
                fields["nieuwe_eind_tijd"] = dt.time.fromisoformat(spec["eind_tijd"])
            if spec.get("locatie"):
                fields["nieuwe_locatie"] = locaties[spec["locatie"]]
            fields["toelichting"] = spec["toelichting"].format(
                dag=DAGNAMEN[(nieuwe or datum).weekday()], feestdag=holiday_name(datum) or ""
            )
            rows.append(Uitzondering(sort_order=len(rows), **fields))
    return rows


def ensure_talen():
    from ..models import Taal

    talen = {}
    for order, (code, naam) in enumerate(demo_data.TALEN):
        talen[code], _ = Taal.objects.get_or_create(code=code, defaults={"naam": naam, "sort_order": order})
    return talen


def page_fields(item, start, today, lookup):
    """The fields of one ActiviteitPage or SpreekuurPage, ready for ``get_or_create_page``."""
    from ..models import Tijdslot

    rule = parse_rule(item["regel"])
    slots = parse_slots(item["tijd"])
    locatie = lookup["locaties"][item["waar"]] if item.get("waar") else None
    default_wijken = [] if item.get("stad") or locatie is None else [locatie.wijk.slug]
    wijk_slugs = item.get("wijken", default_wijken)
    eind = today + dt.timedelta(days=item["eind"]) if "eind" in item else None
    dagen = item.get("dagen", 1)
    feestdagen = item.get("feestdagen", bool(item["regel"]))
    schedule = Schedule(start_datum=start, slots=slots, recurrence=rule, eind_datum=eind, dagen=dagen)
    kosten = item.get("kosten", "gratis")
    contact = item.get("contact", ("", "", ""))
    fields = {
        "title": item["titel"],
        "intro": item["intro"],
        "locatie": locatie,
        "adres_vrij": item.get("adres", ""),
        "online": item.get("online", False),
        "wijken": [lookup["wijken"][s] for s in wijk_slugs],
        "heel_de_stad": item.get("stad", False),
        "themas": [lookup["themas"][s] for s in item["themas"]],
        "doelgroepen": [lookup["doelgroepen"][s] for s in item["doelgroepen"]],
        "organisator": lookup["organisaties"][item["organisator"]] if item.get("organisator") else None,
        "organisator_naam": item.get("organisator_naam", ""),
        "contact_naam": contact[0],
        "contact_telefoon": contact[1],
        "contact_email": contact[2],
        "kosten": kosten if kosten in ("gratis", "vrijwillig") else "bedrag",
        "bedrag": None if kosten in ("gratis", "vrijwillig") else Decimal(kosten),
        "aanmelden": "aanmelden" if item.get("aanmelden") else "inloop",
        "aanmelden_hoe": item.get("aanmelden", ""),
        "iemand_mag_mee": item.get("mee", True),
        "talen": [lookup["talen"][code] for code in item["talen"].split()],
        "start_datum": start,
        "eind_datum": eind,
        "recurrence": rule,
        "dagen": dagen,
        "vervalt_op_feestdagen": feestdagen,
        "tijdsloten": [
            Tijdslot(start_tijd=s.start, eind_tijd=s.end, sort_order=i) for i, s in enumerate(slots)
        ],
        "uitzonderingen": uitzonderingen(item.get("uitzonderingen", []), schedule, today, lookup["locaties"]),
    }
    if item.get("tekst"):
        fields["body"] = [("paragraph", f"<p>{item['tekst']}</p>")]
    if "onderwerpen" in item:
        fields["onderwerpen"] = "\n".join(item["onderwerpen"])
    return fields


def load_agenda(ctx):
    from portal.models import Doelgroep, LocatiePage, OrganisatiePage, Thema, Wijk

    from ..models import ActiviteitPage, AgendaItemPage, AgendaPage, SpreekuurPage
    from ..occurrences import rebuild_occurrences
    from ..signals import rebuilds_deferred

    agenda, made = get_or_create_page(
        ctx.home,
        AgendaPage,
        "agenda",
        title="Agenda",
        intro="Wat is er te doen in de wijk? Kijk wat er vandaag en deze week is.",
        show_in_menus=True,
    )
    if made:
        agenda.move(ctx.home, pos="first-child")
        ctx.note("agenda")
    ctx.pages["agenda"] = agenda

    lookup = {
        "talen": ensure_talen(),
        "wijken": {w.slug: w for w in Wijk.objects.all()},
        "themas": {t.slug: t for t in Thema.objects.all()},
        "doelgroepen": {d.slug: d for d in Doelgroep.objects.all()},
        "locaties": {p.slug: p for p in LocatiePage.objects.select_related("wijk")},
        "organisaties": {p.slug: p for p in OrganisatiePage.objects.all()},
    }
    existing = set(AgendaItemPage.objects.child_of(agenda).values_list("slug", flat=True))
    items = [(ActiviteitPage, item) for item in demo_data.ACTIVITEITEN]
    items += [(SpreekuurPage, item) for item in demo_data.SPREEKUREN]
    created = []
    with rebuilds_deferred():  # rebuilt once below, not again after commit
        for model, item in items:
            # The start date is drawn for every item, so the random sequence does not depend on what exists.
            start = start_datum(item.get("start"), parse_rule(item["regel"]), ctx.today, ctx.rng)
            if item["slug"] in existing:
                continue
            page, made = get_or_create_page(
                agenda, model, item["slug"], **page_fields(item, start, ctx.today, lookup)
            )
            if made:
                ctx.note(f"{model._meta.verbose_name} {page.title}")
                created.append(page)
    for page in created:
        rebuild_occurrences(page, today=ctx.today)
