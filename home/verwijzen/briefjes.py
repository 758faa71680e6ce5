"""Referral slips and posters: what goes on them, their QR code, share links and the anonymous counts.

A professional prints a slip for a resident (or a poster for a noticeboard) in the resident's language,
or shares the item's link. Each print or share adds one to ``VerwijzingTelling`` for the item and month;
nothing else is stored: no client, no professional, no IP address.
"""

import datetime as dt
import io
from urllib.parse import quote, urlencode

import segno

from django import forms
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.http import Http404
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from activiteiten.models import AgendaItemPage, Occurrence
from initiatieven.models import InitiatiefPage
from portal.models import OrganisatiePage, PortalSettings
from portal.translations import source_page

from .models import VerwijzingTelling

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
FORMATEN = [("a5", _("A5")), ("half-a4", _("Half A4"))]
SOORTEN = [code for code, _label in VerwijzingTelling.SOORTEN]
NAAM_MAX = 60
TELEFOON_MAX = 20
DATES_ON_BRIEFJE = 3


# --- Which page, in which language ------------------------------------------------------------------


def briefje_models():
    return (AgendaItemPage, InitiatiefPage, OrganisatiePage)


def public_pages():
    return Page.objects.live().public()


def get_briefje_page(page_id):
    """The live, public activity, spreekuur, initiative or organisation with this id; anything else is a
    404."""
    page = public_pages().filter(pk=page_id).specific().first()
    if not isinstance(page, briefje_models()):
        raise Http404
    if getattr(page, "status", "") == "gestopt":  # a stopped initiative: nobody should be sent there
        raise Http404
    return page


def chosen_language(value):
    """The slip's language: ``value`` if it is one of ours, else the language of the request."""
    if value in LANGUAGE_CODES:
        return value
    try:
        return translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def localized(page, taal, request=None):
    """The page's live translation in ``taal``, else its Dutch original, else the page itself."""
    for locale in (Locale.objects.filter(language_code=taal).first(), Locale.get_default()):
        if locale is None:
            continue
        if page.locale_id == locale.pk:
            return page
        candidate = page.get_translation_or_none(locale)
        if candidate and public_pages().filter(pk=candidate.pk).exists() and candidate.get_url(request):
            return candidate
    return page


def absolute_url(page, request):
    return request.build_absolute_uri(page.get_url(request))


def address(shown, taal, request):
    """Where the slip sends the resident: the translation's own address, else the Dutch page under the
    language's prefix (/tr/agenda/...), which the site shows with a notice in that language."""
    url = absolute_url(shown, request)
    if taal == settings.LANGUAGE_CODE or shown.locale.language_code == taal:
        return url
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, taal)


# --- The slip's form: language, format and the professional's own line ------------------------------


class BriefjeForm(forms.Form):
    """The slip's options, read from GET so they work without JS; over-long values are cut
    (``briefje_options``) and never stored. The language select is drawn by the template, with each
    language's own name."""

    formaat = forms.ChoiceField(
        label=_("Papier"), choices=FORMATEN, required=False, widget=forms.RadioSelect, initial="a5"
    )
    naam = forms.CharField(
        label=_("Jouw naam (komt op het briefje)"),
        max_length=NAAM_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    telefoon = forms.CharField(
        label=_("Jouw telefoonnummer (komt op het briefje)"),
        max_length=TELEFOON_MAX,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )


def clean_text(value, limit):
    """One line of plain text of at most ``limit`` characters (the template escapes it)."""
    value = "".join(ch if ch.isprintable() else " " for ch in (value or ""))
    return " ".join(value.split())[:limit]


def briefje_options(data):
    """The cleaned options from a GET or POST: taal, formaat, naam and telefoon."""
    formaat = data.get("formaat", "")
    return {
        "taal": chosen_language(data.get("taal", "")),
        "formaat": formaat if formaat in dict(FORMATEN) else "a5",
        "naam": clean_text(data.get("naam"), NAAM_MAX),
        "telefoon": clean_text(data.get("telefoon"), TELEFOON_MAX),
    }


def briefje_query(options, **extra):
    """The query string that brings the same slip back; empty values are left out."""
    params = {key: value for key, value in options.items() if value}
    params.update(extra)
    return urlencode(params)


# --- What is on the slip ----------------------------------------------------------------------------


def qr_code(url):
    return segno.make(url, error="m")


def qr_svg_inline(url, label):
    """The QR code as inline SVG that scales with CSS; white quiet zone, so it scans from any paper."""
    svg = qr_code(url).svg_inline(scale=1, omitsize=True, dark="#000", light="#fff", svgclass="qr")
    return mark_safe(svg.replace("<svg ", format_html('<svg role="img" aria-label="{}" ', label), 1))


def qr_svg_document(url):
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="svg", scale=8, dark="#000", light="#fff")
    return buffer.getvalue()


ACCESS_LABELS = {
    "rolstoeltoegankelijk": (_("Toegankelijk met rolstoel"), _("Niet toegankelijk met rolstoel"), "rolstoel"),
    "invalidentoilet": (_("Aangepast toilet"), _("Geen aangepast toilet"), "toilet"),
    "ringleiding": (_("Ringleiding"), _("Geen ringleiding"), "ringleiding"),
    "lift": (_("Lift"), _("Geen lift"), "lift"),
}


def place_of(locatie=None, adres_vrij="", online=False):
    if locatie is not None:
        return {
            "naam": locatie.title,
            "adres": locatie.adres,
            "postcode_plaats": f"{locatie.postcode} {locatie.plaats}".strip(),
            "toegankelijkheid": [
                {"icon": icon, "label": yes if getattr(locatie, field) else no, "ja": getattr(locatie, field)}
                for field, (yes, no, icon) in ACCESS_LABELS.items()
            ],
            "toelichting": locatie.toegankelijkheid_toelichting,
        }
    if adres_vrij:
        return {"naam": adres_vrij}
    if online:
        return {"naam": _("Online")}
    return None


def date_rows(occurrences, with_title=False, usual_locatie_id=None):
    """The dates as the slip shows them; a date somewhere else than usual names its place."""
    rows = []
    for occurrence in occurrences:
        elsewhere = occurrence.locatie_id and occurrence.locatie_id != usual_locatie_id
        rows.append(
            {
                "plek": occurrence.locatie.title if elsewhere else "",
                "start": occurrence.start,
                "end": occurrence.end,
                "status": occurrence.status,
                "vervalt": occurrence.status == "vervalt",
                "toelichting": occurrence.toelichting,
                "titel": occurrence.page.title if with_title else "",
                "multi_day": timezone.localdate(occurrence.start) != timezone.localdate(occurrence.end),
            }
        )
    return rows


def agenda_item_briefje(page):
    occurrences = list(page.upcoming_occurrences(DATES_ON_BRIEFJE))
    contact = {
        "organisator": page.organisator_display,
        "naam": page.contact_naam,
        "telefoon": page.contact_telefoon,
        "email": page.contact_email,
    }
    if not (contact["telefoon"] or contact["email"]) and page.organisator_id:
        organisator = page.organisator
        contact.update(telefoon=organisator.telefoon, email=organisator.email)
    if not (contact["telefoon"] or contact["email"]) and page.locatie_id:
        locatie = page.locatie
        contact.update(
            naam=contact["naam"] or locatie.gastheer, telefoon=locatie.telefoon, email=locatie.email
        )
    return {
        "soort": page._meta.verbose_name,
        "dates": date_rows(occurrences, usual_locatie_id=page.locatie_id),
        "plek": place_of(page.locatie, page.adres_vrij, page.online),
        "kosten": page.get_kosten_display_full(),
        "gratis": page.is_gratis,
        "aanmelden": page.get_aanmelden_label(),
        "inloop": page.is_inloop,
        "aanmelden_hoe": "" if page.is_inloop else page.aanmelden_hoe,
        "iemand_mag_mee": page.iemand_mag_mee,
        "contact": contact,
    }


def initiative_briefje(page, request):
    """An initiative: the next dates of its linked activities, and its public contact route only. The
    initiator's own e-mail address is private (it lives in Bijdrage) and never goes on a slip."""
    linked = [
        link.page
        for link in page.activiteiten.select_related("page", "page__locatie")
        if link.page and link.page.live
    ]
    linked_ids = list(public_pages().filter(pk__in=[p.pk for p in linked]).values_list("pk", flat=True))
    linked = [p for p in linked if p.pk in linked_ids]
    occurrences = list(
        Occurrence.objects.filter(page_id__in=linked_ids, end__gt=timezone.now())
        .select_related("page", "locatie")
        .order_by("start", "page_id")[:DATES_ON_BRIEFJE]
    )
    plek = None
    first = occurrences[0].page if occurrences else (linked[0] if linked else None)
    if first is not None:
        plek = place_of(first.locatie, first.adres_vrij, first.online)
    contact = {"organisator": page.initiatiefnemer}
    if page.contact_address():
        contact["web"] = absolute_url(page, request) + "#bericht"
        contact["web_label"] = _("Stuur een bericht via de website (scan de code)")
    else:
        instellingen = PortalSettings.for_request(request)
        contact.update(
            via=_("De sociaal makelaar brengt je in contact"),
            telefoon=instellingen.contact_telefoon,
            email=instellingen.contact_email,
        )
    return {
        "soort": _("Bewonersinitiatief"),
        "dates": date_rows(
            occurrences, with_title=len(linked) > 1, usual_locatie_id=first.locatie_id if first else None
        ),
        "plek": plek,
        "wijken": ", ".join(w.naam for w in page.wijken.all()),
        "heel_de_stad": page.heel_de_stad,
        "contact": contact,
        "is_initiatief": True,
    }


def organisation_briefje(page):
    """An organisation: its visiting address and public contact, and the next dates of the activities
    and spreekuren it organises (each with its title, as they are different items)."""
    organised = AgendaItemPage.objects.live().public().filter(organisator=page).values_list("pk", flat=True)
    occurrences = list(
        Occurrence.objects.filter(page_id__in=list(organised), end__gt=timezone.now())
        .select_related("page", "locatie")
        .order_by("start", "page_id")[:DATES_ON_BRIEFJE]
    )
    return {
        "soort": page.get_soort_display(),
        "dates": date_rows(occurrences, with_title=True),
        "plek": {"naam": page.adres} if page.adres else None,
        "wijken": ", ".join(w.naam for w in page.wijken.all()),
        "heel_de_stad": page.heel_de_stad,
        "contact": {"telefoon": page.telefoon, "email": page.email, "website": page.website},
        "is_organisatie": True,
    }


def briefje_context(page, request, options):
    """Everything the slip and the poster show, with the labels in ``options["taal"]``."""
    taal = options["taal"]
    with translation.override(taal):
        shown = localized(page, taal, request)
        url = address(shown, taal, request)
        if isinstance(shown, AgendaItemPage):
            item = agenda_item_briefje(shown)
        elif isinstance(shown, OrganisatiePage):
            item = organisation_briefje(shown)
        else:
            item = initiative_briefje(shown, request)
        item.update(
            page=shown,
            titel=shown.title,
            intro=shown.intro,
            url=url,
            qr=qr_svg_inline(url, _("QR-code: scan om deze pagina te openen")),
            taal=taal,
            bidi=translation.get_language_info(taal)["bidi"],
            vertaald=shown.locale.language_code == taal,
            content_lang=shown.locale.language_code,
            content_dir="rtl" if translation.get_language_info(shown.locale.language_code)["bidi"] else "ltr",
        )
    item["languages"] = language_choices()
    return item


LANGUAGE_NAMES = {
    "nl": _("Nederlands"),
    "en": _("Engels"),
    "tr": _("Turks"),
    "ar": _("Arabisch"),
    "pl": _("Pools"),
}


def language_choices():
    """(code, the language's own name, its name in the interface language) for the language select."""
    return [
        (code, own_name, "" if code == settings.LANGUAGE_CODE else LANGUAGE_NAMES.get(code, ""))
        for code, own_name in settings.LANGUAGES
    ]


SHARE_BUTTONS = [
    ("gedeeld-whatsapp", "share", _("Via WhatsApp")),
    ("gedeeld-email", "mail", _("Via e-mail")),
    ("gedeeld-link", "globe", _("Link kopiëren")),
]


# --- Sharing ----------------------------------------------------------------------------------------


def share_target(soort, page, request, options):
    """Where a share goes after it is counted: mail or WhatsApp with the page in the slip's language, or
    back to the slip or poster (in the professional's own interface language)."""
    if soort in ("gedeeld-email", "gedeeld-whatsapp"):
        shown = localized(page, options["taal"], request)
        url = address(shown, options["taal"], request)
        if soort == "gedeeld-email":
            body = f"{shown.intro}\n\n{url}" if shown.intro else url
            return f"mailto:?subject={quote(shown.title)}&body={quote(body)}"
        return "https://wa.me/?text=" + quote(f"{shown.title}: {url}")
    if soort == "poster":
        poster = reverse("verwijzen:poster", args=[page.pk])
        return f"{poster}?{urlencode({'taal': options['taal'], 'afdrukken': 1})}"
    base = reverse("verwijzen:briefje", args=[page.pk])
    if soort == "gedeeld-link":
        return f"{base}?{briefje_query(options, link=1)}#delen"
    return f"{base}?{briefje_query(options, afdrukken=1)}"


# --- Counting ---------------------------------------------------------------------------------------


def this_month(today=None):
    return (today or timezone.localdate()).replace(day=1)


def months_back(n, today=None):
    """The first days of this month and the ``n - 1`` months before it, newest first."""
    month = this_month(today)
    months = []
    for _i in range(n):
        months.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return months


def record(page, soort, today=None):
    """Add one to the count of ``page`` for this month and ``soort``: an UPDATE ... SET aantal = aantal + 1,
    or the first row. Two requests at once never lose a count: the losing INSERT updates instead."""
    if soort not in SOORTEN:
        raise ValueError(soort)
    page = source_page(page)  # counts belong to the Dutch page: every language adds to one item
    key = {"page_id": page.pk, "maand": this_month(today), "soort": soort}
    rows = VerwijzingTelling.objects.filter(**key)
    with transaction.atomic():
        if rows.update(aantal=F("aantal") + 1):
            return
        try:
            with transaction.atomic():
                VerwijzingTelling.objects.create(aantal=1, **key)
        except IntegrityError:
            rows.update(aantal=F("aantal") + 1)


def counts_for(page, months=4, today=None):
    """Per month (newest first): the total and the count per kind, for one item's editor panel."""
    page = source_page(page)  # counts belong to the Dutch page: every language adds to one item
    wanted = months_back(months, today)
    per_month = {month: {"maand": month, "totaal": 0, "soorten": {}} for month in wanted}
    rows = VerwijzingTelling.objects.filter(page_id=page.pk, maand__gte=wanted[-1]).values_list(
        "maand", "soort", "aantal"
    )
    for maand, soort, aantal in rows:
        if maand in per_month:
            per_month[maand]["totaal"] += aantal
            per_month[maand]["soorten"][soort] = aantal
    labels = dict(VerwijzingTelling.SOORTEN)
    result = []
    for month in wanted:
        entry = per_month[month]
        entry["details"] = [(labels[s], entry["soorten"][s]) for s in SOORTEN if entry["soorten"].get(s)]
        result.append(entry)
    return result


def pages_in_wijken(wijk_ids):
    """Ids of activities, spreekuren, initiatives and organisations in these wijken or for the whole city."""
    where = Q(wijken__in=wijk_ids) | Q(heel_de_stad=True)
    ids = set(AgendaItemPage.objects.filter(where).values_list("pk", flat=True))
    ids |= set(InitiatiefPage.objects.filter(where).values_list("pk", flat=True))
    ids |= set(OrganisatiePage.objects.filter(where).values_list("pk", flat=True))
    return ids


def overview(page_ids=None, months=3, limit=10, today=None):
    """The most referred-to items of the last ``months`` months: ``(months, rows)`` where each row has
    the page and its count per month (newest first). ``page_ids`` limits it to a makelaar's wijken."""
    wanted = months_back(months, today)
    tellingen = VerwijzingTelling.objects.filter(maand__gte=wanted[-1])
    if page_ids is not None:
        tellingen = tellingen.filter(page_id__in=page_ids)
    totals = (
        tellingen.values("page_id")
        .annotate(totaal=Sum("aantal"))
        .order_by("-totaal", "page_id")
        .values_list("page_id", "totaal")[:limit]
    )
    totals = list(totals)
    ids = [page_id for page_id, _totaal in totals]
    pages = {p.pk: p for p in Page.objects.filter(pk__in=ids)}
    by_month = {}
    for page_id, maand, aantal in (
        tellingen.filter(page_id__in=ids).values("page_id", "maand").annotate(n=Sum("aantal"))
    ).values_list("page_id", "maand", "n"):
        by_month[(page_id, maand)] = aantal
    rows = [
        {
            "page": pages[page_id],
            "totaal": totaal,
            "per_maand": [by_month.get((page_id, month), 0) for month in wanted],
        }
        for page_id, totaal in totals
        if page_id in pages
    ]
    return wanted, rows
