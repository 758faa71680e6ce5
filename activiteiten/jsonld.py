"""schema.org Event data for an agenda item's next dates, as JSON-LD."""

import json

from django.utils.safestring import mark_safe

from .recurrence import AMSTERDAM

STATUS = {
    "gepland": "https://schema.org/EventScheduled",
    "gewijzigd": "https://schema.org/EventScheduled",
    "vervalt": "https://schema.org/EventCancelled",
    "verplaatst": "https://schema.org/EventRescheduled",
}
# Like Django's json_script: nothing in the data can close the <script> element.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _place(page, locatie, url):
    if locatie:
        return {
            "@type": "Place",
            "name": locatie.title,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": locatie.adres,
                "postalCode": locatie.postcode,
                "addressLocality": locatie.plaats,
                "addressCountry": "NL",
            },
        }
    if page.adres_vrij:
        return {"@type": "Place", "name": page.adres_vrij, "address": page.adres_vrij}
    return {"@type": "VirtualLocation", "url": url}


def _organizer(page, request):
    if page.organisator_id:
        return {
            "@type": "Organization",
            "name": page.organisator.title,
            "url": page.organisator.get_full_url(request),
        }
    if page.organisator_naam:
        return {"@type": "Organization", "name": page.organisator_naam}
    return None


def events(page, dates, request, locaties=None):
    """One Event per date. ``dates`` are occurrences (stored, or planned in a preview)."""
    locaties = locaties or {}
    url = request.build_absolute_uri(page.get_url(request))
    organizer = _organizer(page, request)
    result = []
    for date in dates:
        locatie = getattr(date, "locatie", None) or locaties.get(date.locatie_id) or page.locatie
        event = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": page.intro or page.title,
            "url": url,
            "startDate": date.start.astimezone(AMSTERDAM).isoformat(),
            "endDate": date.end.astimezone(AMSTERDAM).isoformat(),
            "eventStatus": STATUS[date.status],
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
            if page.online and not locatie
            else "https://schema.org/OfflineEventAttendanceMode",
            "location": _place(page, locatie, url),
            "inLanguage": "nl",
        }
        if date.status in ("verplaatst", "gewijzigd") and date.original_start:
            event["previousStartDate"] = date.original_start.astimezone(AMSTERDAM).isoformat()
        if organizer:
            event["organizer"] = organizer
        if page.is_gratis:
            event["isAccessibleForFree"] = True
        else:
            event["offers"] = {
                "@type": "Offer",
                "price": f"{page.bedrag:.2f}" if page.kosten == "bedrag" and page.bedrag else "0",
                "priceCurrency": "EUR",
                "url": url,
                "description": page.get_kosten_display_full(),
            }
        result.append(event)
    return result


def script_tag(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
