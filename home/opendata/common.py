"""The open-data API in Open Referral HSDS 3.0 shape: what every part of it shares (stable ids, which
pages are visible, leaving out what has no value).

What maps onto what:
- OrganisatiePage -> organization; LocatiePage -> location (address, accessibility, opening hours):
  ``places``. ActiviteitPage, SpreekuurPage and InitiatiefPage -> service: ``services``, with the agenda
  items' schedules in ``schedules``. Thema, Doelgroep and the kind of service ("soort") -> taxonomy and
  taxonomy_term, linked to services through attributes: ``taxonomy``; wijken -> service_areas.
- Ids are UUIDs that never change between requests: a page's own ``translation_key`` (unique per locale,
  and only the default locale is served), and for everything without one a UUID5 derived from a fixed
  namespace or from its parent's id.
- Our extension fields on schedule are described in ``schedules`` and published as our profile
  (``profile``).
- No personal data: resident submitters (Bijdrage, Idee, Talent) are never read here. Only what editors
  published on a page is used: an agenda item's public contact, a location's host and an organisation's
  contact details, and an initiative's ``initiatiefnemer`` (the name that may be shown on the site).
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from recurrence import Rule

from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

NAMESPACE = uuid.UUID("5b0d3f3e-6a59-4b8e-9a3c-6b1f0c7e2d41")  # Huis van de Wijk HSDS ids; never change
TIMEZONE = "Europe/Amsterdam"
ALL_DAYS = list(Rule.weekdays)  # MO ... SU

# --- Ids ------------------------------------------------------------------------------------------


def sub_id(parent, *parts):
    """A stable id for something that belongs to ``parent`` (a UUID or its text)."""
    return str(uuid.uuid5(uuid.UUID(str(parent)), "/".join(str(p) for p in parts)))


def page_id(page):
    return str(page.translation_key)


# --- What is visible ------------------------------------------------------------------------------


@dataclass
class Context:
    """What every serialiser of one request needs: the request (for absolute URLs), today's date and
    which pages the public may see. Built once per request; ``visible()`` needs no query."""

    request: object
    today: dt.date
    locale_id: int
    restricted_paths: list[str] = field(default_factory=list)

    @classmethod
    def for_request(cls, request, today=None):
        return cls(
            request=request,
            today=today or timezone.localdate(),
            locale_id=Locale.get_default().pk,
            restricted_paths=list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        )

    def public_q(self):
        """Live pages in the default locale outside every private section (as Wagtail's ``public()``)."""
        q = Q(live=True, locale_id=self.locale_id)
        for path in self.restricted_paths:
            q &= ~Q(path__startswith=path)
        return q

    def visible(self, page):
        return (
            page is not None
            and page.live
            and page.locale_id == self.locale_id
            and not any(page.path.startswith(path) for path in self.restricted_paths)
        )

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    def page_url(self, page):
        return page.get_full_url(self.request)


def compact(data, keep=()):
    """Leave out what has no value, as HSDS leaves optional fields out (but never a field in ``keep``)."""
    return {key: value for key, value in data.items() if key in keep or value not in (None, "", [])}


def hhmm(value):
    return f"{value:%H:%M}"
