"""The public intake of the sociaal makelaar at /meedoen/idee/ and /meedoen/talent/, and the receipt after
it ("what happens next"). No account needed; bad input gets a Dutch message and keeps what was typed."""

from django.core import signing
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.spam import over_rate_limit

from ..meedoen.views import too_many
from . import queue
from .forms import IdeeForm, TalentForm, bewaartermijn_tekst

ONTVANGEN_SALT = "initiatieven.ontvangen"
INTAKE_SOORTEN = ("idee", "talent")


def _werkdagen():
    """Within how many working days the sociaal makelaar gets in touch (the promise on the pages)."""
    from django.conf import settings

    return getattr(settings, "PORTAL_MAKELAAR_WERKDAGEN", 5)


def _ontvangen_redirect(soort, wijken=(), kanalen=""):
    """Post/redirect/get without storing anything. Only the kind, the wijk names and how we will get in
    touch ('e', 't') travel in the signed link; never the address or number itself."""
    data = signing.dumps(
        {"s": soort, "w": [naam[:60] for naam in wijken][:12], "c": kanalen[:2]},
        salt=ONTVANGEN_SALT,
        compress=True,
    )
    return HttpResponseRedirect(reverse("initiatieven:ontvangen") + f"?b={data}")


def _intake(request, form_class, template, soort):
    if request.method == "POST":
        if over_rate_limit(request, soort):
            return too_many(request)
        form = form_class(request.POST)
        if form.is_bot():
            return _ontvangen_redirect(soort)
        if form.is_valid():
            with transaction.atomic():
                item = form.save()
                queue.notify_new_item(item)
            cleaned = form.cleaned_data
            wijken = cleaned["wijken"] if "wijken" in cleaned else [cleaned["wijk"]]
            return _ontvangen_redirect(soort, [w.naam for w in wijken], form.contact_kanalen())
    else:
        form = form_class()
    return render(request, template, {"form": form, "werkdagen": _werkdagen()})


@require_http_methods(["GET", "POST"])
def idee(request):
    return _intake(request, IdeeForm, "initiatieven/meedoen/idee_form.html", "idee")


@require_http_methods(["GET", "POST"])
def talent(request):
    return _intake(request, TalentForm, "initiatieven/meedoen/talent_form.html", "talent")


def _namen(namen):
    """'Schalkwijk', 'Schalkwijk of Oost', 'Centrum, Oost of Schalkwijk'."""
    if len(namen) < 2:
        return "".join(namen)
    return _("%(eerste)s of %(laatste)s") % {"eerste": ", ".join(namen[:-1]), "laatste": namen[-1]}


@require_http_methods(["GET", "HEAD"])
def ontvangen(request):
    """What happens next, naming the wijk whose sociaal makelaar will get in touch."""
    try:
        data = signing.loads(request.GET.get("b", ""), salt=ONTVANGEN_SALT, max_age=3600)
    except signing.BadSignature:
        data = {}
    if not isinstance(data, dict):
        data = {}
    soort = data.get("s") if data.get("s") in INTAKE_SOORTEN else ""
    wijken = [str(naam) for naam in data.get("w") or []][:12]
    kanalen = str(data.get("c") or "")
    return render(
        request,
        "initiatieven/meedoen/ontvangen.html",
        {
            "soort": soort,
            "wijken": wijken,
            "wijk_namen": _namen(wijken),
            "mail": "e" in kanalen,
            "bel": "t" in kanalen,
            "werkdagen": _werkdagen(),
            "bewaartermijn": bewaartermijn_tekst(),
        },
    )
