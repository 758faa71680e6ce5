"""The question-first finder at /verwijzen/: from a client's hulpvraag to fitting offer, ranked and explained.

A social worker picks what the client is looking for (a ``Hulpvraag``), then optionally a wijk, a day or
dagdeel, and what must be true (free, walk-in, someone may come along). The finder returns activities,
spreekuren, bewonersinitiatieven and organisations, best fit first, each with the reasons it fits.

Hard filters exclude: the chosen wijk (its own offer and what is for the whole city), "gratis",
"gewoon binnenlopen" or "aanmelden", "iemand mag mee" and "toegankelijk met rolstoel". Initiatives and
organisations do not say what they cost or how to sign up, so with one of those practical filters they are
left out, and the page says so. With a hulpvraag chosen, an item must fit it: one of its thema's or
doelgroepen, or one of its zoekwoorden in the title or intro. Agenda items need a date in the coming
``HORIZON_DAYS``: what does not run soon is nothing to refer a client to.

Soft preferences rank. The score adds up ``WEIGHTS`` (see ``score_item``); then the soonest next date
breaks ties (the next date in the chosen dagdeel or day if there is one), then items with a date come
before items without, then the title and the page id, so the order is the same on every request.

Query count does not grow with the offer: one query for the pages of each kind with their tags prefetched,
one aggregate over the occurrence index for every page's next dates, and one for the dates shown.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import F, Min, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

from activiteiten.listing import LONGEST
from activiteiten.models import AgendaItemPage, Occurrence
from initiatieven.models import InitiatiefPage
from portal.kalender import DAGDEEL_WHEN, DAGDELEN, WEEKDAYS
from portal.models import Hulpvraag, OrganisatiePage

HORIZON_DAYS = 91  # about three months: the "Verouderd" report flags items without a date in that time
DATES_SHOWN = 3

# What counts, and how much. The finder page explains the same rule in words.
WEIGHTS = {
    "thema": 4,  # one of the hulpvraag's thema's
    "zoekwoord": 2,  # one of the hulpvraag's zoekwoorden in the title, intro or topics
    "hulpvraag_doelgroep": 2,  # for a doelgroep the hulpvraag names (mantelzorgers for "Mantelzorg")
    "doelgroep": 3,  # for the doelgroep the worker chose
    "iedereen": 1,  # for everyone, when a doelgroep was chosen
    "eigen_wijk": 3,  # in the chosen wijk
    "heel_de_stad": 1,  # for the whole city, when a wijk was chosen
    "dagdeel": 3,  # has a date in the chosen dagdeel on the chosen day (or in what of the two was chosen)
    "deels_tijd": 1,  # with a day and a dagdeel chosen: only the day fits, or only the dagdeel
    "taal": 3,  # the chosen language is spoken
    "gratis": 1,
    "inloop": 1,
    "mee": 1,
}
IEDEREEN = "iedereen"  # the slug of the doelgroep "Iedereen"

DAG_NUMBERS = {name: i + 1 for i, name in enumerate(WEEKDAYS)}  # ISO: maandag is 1
PRACTICAL_FILTERS = ("gratis", "aanmelden", "mee", "toegankelijk")

SOORT_LABELS = {
    "activiteit": gettext_lazy("Activiteit"),
    "spreekuur": gettext_lazy("Spreekuur"),
    "initiatief": gettext_lazy("Bewonersinitiatief"),
    "organisatie": gettext_lazy("Organisatie"),
}


# --- Ranking -------------------------------------------------------------------------------------------


@dataclass
class Resultaat:
    """One item in the finder's list, with its score and the reasons, in the order they are shown."""

    page: object
    soort: str
    score: int = 0
    redenen: list = field(default_factory=list)
    volgende: dt.datetime | None = None  # the date that ranks it: the next one in the chosen time if any
    datums: list = field(default_factory=list)  # the next dates, filled for the items on the shown page
    passend: bool = False  # has a date in the chosen day and dagdeel (then those dates are shown)

    @property
    def soort_label(self):
        return SOORT_LABELS[self.soort]

    @property
    def uitleg(self):
        return " · ".join(str(r) for r in self.redenen)

    def sort_key(self):
        far = dt.datetime.max.replace(tzinfo=dt.UTC)
        return (-self.score, self.volgende or far, self.page.title.lower(), self.page.pk)


def _lower_first(text):
    return text[:1].lower() + text[1:]


def wanted_dagdelen(filters):
    """The chosen dagdelen, with "overdag" as ochtend and middag, in the order of the day."""
    chosen = set(filters.get("dagdeel", []))
    if "overdag" in chosen:
        chosen |= {"ochtend", "middag"}
    return [d for d in DAGDELEN if d in chosen]


def wanted_days(filters):
    return [DAG_NUMBERS[d] for d in filters.get("dag", [])]


def zoekwoord_patterns(hulpvraag):
    """One regular expression per zoekwoord: matches where a word starts ("schuld" finds "schuldhulp")."""
    if hulpvraag is None:
        return []
    return [(word, re.compile(r"(?<!\w)" + re.escape(word) + r"\w*")) for word in hulpvraag.zoekwoorden_list]


def matching_zoekwoorden(patterns, *texts):
    """The words in the texts that a zoekwoord found, as they are written there ("schulden" for "schuld")."""
    text = " ".join(t for t in texts if t).lower()
    found = (pattern.search(text) for _word, pattern in patterns)
    return [match.group(0) for match in found if match]


def dagdeel_reason(filters, matched):
    """ "overdag" when the worker asked for daytime (ochtend and middag), otherwise the matched parts."""
    wanted = wanted_dagdelen(filters)
    if not wanted:
        return None
    if set(wanted) == {"ochtend", "middag"} and set(matched) & {"ochtend", "middag"}:
        return _("overdag")
    parts = [str(DAGDEEL_WHEN[d]) for d in wanted if d in matched]
    return _(" of ").join(parts) if parts else None


def _time_reasons(filters, dagdelen, day_date):
    reasons = []
    reason = dagdeel_reason(filters, dagdelen or [])
    if reason:
        reasons.append(reason)
    if wanted_days(filters) and day_date is not None:
        day = timezone.localtime(day_date).isoweekday()
        reasons.append(_("op %(dag)s") % {"dag": _(WEEKDAYS[day - 1])})
    return reasons


@dataclass
class Zoekvraag:
    """What scoring needs besides the item: the cleaned filters, and derived values computed once."""

    filters: dict
    hulpvraag: Hulpvraag | None = None
    hulp_themas: set = field(default_factory=set)
    hulp_doelgroepen: set = field(default_factory=set)
    patterns: list = field(default_factory=list)

    @classmethod
    def build(cls, filters):
        hulpvraag = filters.get("hulpvraag")
        ctx = cls(filters=filters, hulpvraag=hulpvraag)
        if hulpvraag is not None:
            ctx.hulp_themas = {t.pk for t in hulpvraag.themas.all()}
            ctx.hulp_doelgroepen = {d.pk for d in hulpvraag.doelgroepen.all()}
            ctx.patterns = zoekwoord_patterns(hulpvraag)
        return ctx

    @property
    def time_wanted(self):
        return bool(wanted_dagdelen(self.filters) or wanted_days(self.filters))


def score_item(
    ctx,
    *,
    themas=(),
    doelgroepen=(),
    wijken=(),
    heel_de_stad=False,
    texts=(),
    talen=(),
    gratis=None,
    inloop=None,
    mee=None,
    dagdelen_matched=None,
    next_match=None,
    dagdelen_loose=None,
    day_match=None,
):
    """The score and reasons of one item, from plain values, so it can be tested without a database.

    Returns ``(score, reasons)``, or ``None`` when a hulpvraag is chosen and the item does not fit it.
    ``dagdelen_matched`` are the chosen dagdelen the item has a date in (respecting the chosen days);
    ``next_match`` the first such date. With both a day and a dagdeel chosen, a partial match still
    counts a little: ``dagdelen_loose`` are the chosen dagdelen on any day, ``day_match`` the first date on
    a chosen day at any time. ``gratis``, ``inloop`` and ``mee`` are None when unknown.
    """
    filters, score, reasons = ctx.filters, 0, []

    # The hulpvraag: thema's, its doelgroepen, zoekwoorden. At least one must fit.
    if ctx.hulpvraag is not None:
        fitting_themas = [t for t in themas if t.pk in ctx.hulp_themas]
        fitting_groups = [d for d in doelgroepen if d.pk in ctx.hulp_doelgroepen]
        words = matching_zoekwoorden(ctx.patterns, *texts)
        if not (fitting_themas or fitting_groups or words):
            return None
        if fitting_themas:
            score += WEIGHTS["thema"]
            names = ", ".join(_lower_first(t.label) for t in fitting_themas)
            reasons.append(_("thema: %(themas)s") % {"themas": names})
        if words:
            score += WEIGHTS["zoekwoord"]
            reasons.append(_("gaat over %(woord)s") % {"woord": words[0]})
    else:
        fitting_groups = []

    # Doelgroep: the one the worker chose, and the hulpvraag's own.
    chosen = filters.get("doelgroep")
    shown_groups = []
    if fitting_groups:
        score += WEIGHTS["hulpvraag_doelgroep"]
        shown_groups += fitting_groups
    if chosen is not None:
        slugs = {d.slug for d in doelgroepen}
        if chosen.slug in slugs:
            score += WEIGHTS["doelgroep"]
            shown_groups.append(chosen)
        elif IEDEREEN in slugs:
            score += WEIGHTS["iedereen"]
            shown_groups += [d for d in doelgroepen if d.slug == IEDEREEN]
    for doelgroep in dict.fromkeys(shown_groups):
        reasons.append(_("voor %(doelgroep)s") % {"doelgroep": _lower_first(doelgroep.label)})

    # Wijk (a hard filter: other wijken are already gone).
    wijk = filters.get("wijk")
    if wijk is not None:
        if wijk.pk in {w.pk for w in wijken}:
            score += WEIGHTS["eigen_wijk"]
            reasons.append(_("in %(wijk)s") % {"wijk": wijk.naam})
        elif heel_de_stad:
            score += WEIGHTS["heel_de_stad"]
            reasons.append(_("voor heel de stad"))

    if gratis:
        score += WEIGHTS["gratis"]
        reasons.append(_("gratis"))

    # Day and dagdeel: a preference, so it ranks but does not exclude.
    if ctx.time_wanted and next_match is not None:
        score += WEIGHTS["dagdeel"]
        reasons += _time_reasons(filters, dagdelen_matched, next_match)
    elif ctx.time_wanted and (dagdelen_loose or day_match):
        score += WEIGHTS["deels_tijd"]
        reasons += _time_reasons(filters, dagdelen_loose, day_match)

    if inloop:
        score += WEIGHTS["inloop"]
        reasons.append(_("je kunt binnenlopen"))

    taal = filters.get("taal")
    if taal is not None and taal.pk in {t.pk for t in talen}:
        score += WEIGHTS["taal"]
        reasons.append(_("%(taal)s gesproken") % {"taal": taal.naam})

    if mee:
        score += WEIGHTS["mee"]
        reasons.append(_("iemand mag mee"))

    if filters.get("toegankelijk"):
        reasons.append(_("toegankelijk met rolstoel"))
    return score, reasons


# --- Queries -------------------------------------------------------------------------------------------


def upcoming_occurrences(now, horizon_days=HORIZON_DAYS):
    """Dates that go on (not cancelled) between now and the horizon, on the occurrence index."""
    until = now + dt.timedelta(days=horizon_days)
    return (
        Occurrence.objects.filter(end__gt=now, start__gt=now - LONGEST, start__lt=until)
        .exclude(status="vervalt")
        .order_by()
    )


def time_filter(filters):
    """The condition for "in the chosen dagdeel and on the chosen day", or None if neither was chosen."""
    condition = Q()
    dagdelen, days = wanted_dagdelen(filters), wanted_days(filters)
    if dagdelen:
        condition &= Q(dagdeel__in=dagdelen)
    if days:
        condition &= Q(datum__iso_week_day__in=days)
    return condition if (dagdelen or days) else None


def in_wijk(model, wijk):
    through = model.wijken.through
    column = f"{model._meta.model_name}_id"
    return Q(heel_de_stad=True) | Q(pk__in=through.objects.filter(wijk=wijk).values(column))


def agenda_items(filters, upcoming, locale):
    """Live activities and spreekuren with a coming date that pass the hard filters, tags prefetched."""
    qs = (
        AgendaItemPage.objects.live()
        .public()
        .filter(locale=locale, pk__in=upcoming.values("page_id"))
        .select_related("locatie", "organisator")
        .defer("body", "locatie__body", "organisator__body")
        .prefetch_related("themas", "doelgroepen", "wijken", "talen")
        .annotate(onderwerpen_tekst=F("spreekuurpage__onderwerpen"))
    )
    if filters.get("wijk"):
        qs = qs.filter(in_wijk(AgendaItemPage, filters["wijk"]))
    if filters.get("gratis"):
        qs = qs.filter(AgendaItemPage.gratis_q())
    if filters.get("aanmelden"):
        qs = qs.filter(aanmelden=filters["aanmelden"])
    if filters.get("mee"):
        qs = qs.filter(iemand_mag_mee=True)
    if filters.get("toegankelijk"):
        qs = qs.filter(locatie__rolstoeltoegankelijk=True)
    return qs.order_by("pk")


def next_dates(pages, upcoming, filters):
    """Per page id: the first coming date, the first in the chosen time, and the first per chosen
    dagdeel; with both a day and a dagdeel chosen also the first on the day at any time, and per dagdeel
    on any day (a partial match). One aggregate query over the occurrence index."""
    aggregates = {"eerste": Min("start")}
    when = time_filter(filters)
    dagdelen, days = wanted_dagdelen(filters), wanted_days(filters)
    if when is not None:
        aggregates["passend"] = Min("start", filter=when)
        on_days = Q(datum__iso_week_day__in=days) if days else Q()
        for dagdeel in dagdelen:
            aggregates[f"dagdeel_{dagdeel}"] = Min("start", filter=Q(dagdeel=dagdeel) & on_days)
    if dagdelen and days:
        aggregates["op_dag"] = Min("start", filter=Q(datum__iso_week_day__in=days))
        for dagdeel in dagdelen:
            aggregates[f"los_{dagdeel}"] = Min("start", filter=Q(dagdeel=dagdeel))
    rows = upcoming.filter(page_id__in=pages.values("pk")).values("page_id").annotate(**aggregates)
    return {row["page_id"]: row for row in rows}


def initiatives(filters, locale):
    qs = (
        InitiatiefPage.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(status="gestopt")
        .defer_streamfields()
        .prefetch_related("themas", "wijken")
    )
    if filters.get("wijk"):
        qs = qs.filter(in_wijk(InitiatiefPage, filters["wijk"]))
    return qs.order_by("pk")


def initiatief_next_dates(initiatives, upcoming):
    """Per initiative id: the first coming date of its linked activities. One query."""
    rows = (
        upcoming.filter(page__initiatief_links__initiatief__in=initiatives.values("pk"))
        .values("page__initiatief_links__initiatief_id")
        .annotate(eerste=Min("start"))
    )
    return {row["page__initiatief_links__initiatief_id"]: row["eerste"] for row in rows}


def organisations(filters, locale):
    qs = (
        OrganisatiePage.objects.live()
        .public()
        .filter(locale=locale)
        .defer_streamfields()
        .prefetch_related("wijken")
    )
    if filters.get("wijk"):
        qs = qs.filter(in_wijk(OrganisatiePage, filters["wijk"]))
    return qs.order_by("pk")


@dataclass
class Uitkomst:
    resultaten: list
    zonder_initiatieven: bool = False  # initiatives and organisations left out by a practical filter


def find(filters, now=None):
    """Every fitting item, ranked. Dates to show are added later, for one page of results only
    (``add_dates``)."""
    now = now or timezone.now()
    ctx = Zoekvraag.build(filters)
    upcoming = upcoming_occurrences(now)
    locale = Locale.get_default()  # translations share the dates and tags of the original
    results = []

    pages = agenda_items(filters, upcoming, locale)
    dates = next_dates(pages, upcoming, filters)
    for page in pages:
        info = dates.get(page.pk, {})
        matched = [d for d in DAGDELEN if info.get(f"dagdeel_{d}")]
        next_match = info.get("passend")
        scored = score_item(
            ctx,
            themas=page.themas.all(),
            doelgroepen=page.doelgroepen.all(),
            wijken=page.wijken.all(),
            heel_de_stad=page.heel_de_stad,
            texts=(page.title, page.intro, page.onderwerpen_tekst),
            talen=page.talen.all(),
            gratis=page.is_gratis,
            inloop=page.is_inloop,
            mee=page.iemand_mag_mee,
            dagdelen_matched=matched,
            next_match=next_match,
            dagdelen_loose=[d for d in DAGDELEN if info.get(f"los_{d}")],
            day_match=info.get("op_dag"),
        )
        if scored is None:
            continue
        soort = "spreekuur" if page.is_spreekuur else "activiteit"
        results.append(
            Resultaat(
                page, soort, *scored, volgende=next_match or info.get("eerste"), passend=bool(next_match)
            )
        )

    practical = any(filters.get(name) for name in PRACTICAL_FILTERS)
    if ctx.hulpvraag is not None and not practical:
        # Without a question they have nothing to fit; with a practical filter we cannot promise it.
        found = initiatives(filters, locale)
        linked = initiatief_next_dates(found, upcoming)
        for page in found:
            scored = score_item(
                ctx,
                themas=page.themas.all(),
                wijken=page.wijken.all(),
                heel_de_stad=page.heel_de_stad,
                texts=(page.title, page.intro),
            )
            if scored is not None:
                results.append(Resultaat(page, "initiatief", *scored, volgende=linked.get(page.pk)))
        for page in organisations(filters, locale):
            scored = score_item(
                ctx,
                wijken=page.wijken.all(),
                heel_de_stad=page.heel_de_stad,
                texts=(page.title, page.intro, str(page.get_soort_display())),
            )
            if scored is not None:
                results.append(Resultaat(page, "organisatie", *scored))

    results.sort(key=Resultaat.sort_key)
    return Uitkomst(results, zonder_initiatieven=practical and ctx.hulpvraag is not None)


def add_dates(results, filters, now=None, limit=DATES_SHOWN):
    """The next ``limit`` dates of each agenda item in ``results`` (one page of them): in the chosen time
    when the item has dates then, otherwise its next dates. One query, plus one for the place names."""
    from activiteiten.listing import with_place_names

    now = now or timezone.now()
    agenda = [r for r in results if r.soort in ("activiteit", "spreekuur")]
    if not agenda:
        return results
    when = time_filter(filters)
    matched = [r.page.pk for r in agenda if r.passend]
    others = [r.page.pk for r in agenda if not r.passend]
    condition = Q(page_id__in=others)
    if when is not None and matched:
        condition |= Q(page_id__in=matched) & when
    else:
        condition |= Q(page_id__in=matched)
    rows = (
        upcoming_occurrences(now, horizon_days=366)
        .filter(condition)
        .annotate(
            volgnummer=Window(RowNumber(), partition_by=[F("page_id")], order_by=[F("start").asc(), F("id")])
        )
        .filter(volgnummer__lte=limit)
        .order_by("page_id", "start")
    )
    per_page = {}
    for occurrence in with_place_names(rows):
        per_page.setdefault(occurrence.page_id, []).append(occurrence)
    for result in agenda:
        result.datums = per_page.get(result.page.pk, [])
    return results


def describe_filters(filters):
    """What the worker asked for, in words, for the line above the results ("Je zocht: ...")."""
    parts = []
    if filters.get("hulpvraag"):
        parts.append(filters["hulpvraag"].label)
    if filters.get("wijk"):
        parts.append(filters["wijk"].naam)
    dagdelen = wanted_dagdelen(filters)
    if dagdelen:
        names = {"ochtend": _("ochtend"), "middag": _("middag"), "avond": _("avond")}
        words = [names[d] for d in dagdelen if d == "avond" or not {"ochtend", "middag"} <= set(dagdelen)]
        if {"ochtend", "middag"} <= set(dagdelen):
            words.insert(0, _("overdag"))
        parts.append(_(" of ").join(words))
    if filters.get("dag"):
        days = [_(d) for d in WEEKDAYS if d in filters["dag"]]
        parts.append(_("op %(dagen)s") % {"dagen": _(" of ").join(days)})
    if filters.get("gratis"):
        parts.append(_("gratis"))
    if filters.get("aanmelden"):
        parts.append(_("gewoon binnenlopen") if filters["aanmelden"] == "inloop" else _("met aanmelden"))
    if filters.get("mee"):
        parts.append(_("iemand mag mee"))
    if filters.get("toegankelijk"):
        parts.append(_("toegankelijk met rolstoel"))
    if filters.get("taal"):
        parts.append(_("spreekt %(taal)s") % {"taal": filters["taal"].naam})
    if filters.get("doelgroep"):
        parts.append(_lower_first(filters["doelgroep"].label))
    return parts
