"""Small site-wide views that belong to no content domain."""

import datetime as dt

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe


@require_safe
def security_txt(request):
    """RFC 9116: where to report a vulnerability. ``Expires`` stays less than a year ahead."""
    expires = (timezone.now() + dt.timedelta(days=180)).replace(microsecond=0)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines = [
        f"Contact: {settings.PORTAL_SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(dt.UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {base}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# The date of the last evaluation, and the status in the government's model (toegankelijkheidsverklaring.nl):
# A voldoet volledig, B voldoet gedeeltelijk, C eerste maatregelen genomen, D geen maatregelen,
# E niet vastgesteld.
TOEGANKELIJKHEID_STATUS = "B"
TOEGANKELIJKHEID_DATUM = dt.date(2026, 12, 2)


@require_safe
def toegankelijkheid(request):
    """The accessibility statement in the format of the Dutch government's model statement."""
    from django.shortcuts import render

    return render(
        request,
        "portal/toegankelijkheid.html",
        {"status": TOEGANKELIJKHEID_STATUS, "datum": TOEGANKELIJKHEID_DATUM, "website": request.get_host()},
    )
