"""Public views: propose an activity or initiative, the private edit link, a new link, and the contact
form of an initiative. No account needed anywhere. Bad input gets a Dutch message and keeps what was typed."""

from django.core import signing
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activiteiten.describe import describe_schedule
from activiteiten.models import AgendaItemPage
from portal.spam import over_rate_limit

from ..models import Bijdrage, InitiatiefPage
from . import emails, services
from .forms import (
    ActiviteitVoorstelForm,
    ContactForm,
    DatumVervaltForm,
    InitiatiefVoorstelForm,
    NieuweLinkForm,
    StopReeksForm,
)
from .tokens import TokenError, read_token

THANKS_SALT = "initiatieven.bedankt"


def too_many(request):
    return render(request, "initiatieven/meedoen/te_veel.html", status=429)


def _thanks_redirect(soort, titel, email):
    """Post/redirect/get without storing anything: only the kind travels (signed); a URL ends up in logs and
    browser history, so it never carries the title or the e-mail address."""
    data = signing.dumps({"s": soort}, salt=THANKS_SALT, compress=True)
    return HttpResponseRedirect(reverse("initiatieven:bedankt") + f"?b={data}")


def bedankt(request):
    try:
        data = signing.loads(request.GET.get("b", ""), salt=THANKS_SALT, max_age=3600)
    except signing.BadSignature:
        data = {}
    return render(
        request,
        "initiatieven/meedoen/bedankt.html",
        {"soort": data.get("s", "") if isinstance(data, dict) else ""},
    )


def _propose(request, form_class, template, kind_of):
    if request.method == "POST":
        if over_rate_limit(request, request.resolver_match.url_name or "voorstel"):
            return too_many(request)
        form = form_class(request.POST, request.FILES)
        if form.is_bot():
            return _thanks_redirect(
                kind_of(form.data), form.data.get("titel", ""), form.data.get("email", "")
            )
        if form.is_valid():
            try:
                services.create_contribution(kind_of(form.cleaned_data), form.cleaned_data, request)
            except services.NoIndexPage:
                form.add_error(None, _("Dit kan nu even niet. Probeer het later nog eens of bel ons."))
            else:
                cleaned = form.cleaned_data
                return _thanks_redirect(kind_of(cleaned), cleaned["titel"], cleaned["email"])
        form.keep_photo_for_retry()
    else:
        form = form_class()
    return render(request, template, {"form": form})


@require_http_methods(["GET", "POST"])
def voorstel_activiteit(request):
    return _propose(
        request,
        ActiviteitVoorstelForm,
        "initiatieven/meedoen/activiteit_form.html",
        lambda data: "spreekuur" if data.get("soort") == "spreekuur" else "activiteit",
    )


@require_http_methods(["GET", "POST"])
def voorstel_initiatief(request):
    return _propose(
        request,
        InitiatiefVoorstelForm,
        "initiatieven/meedoen/initiatief_form.html",
        lambda data: "initiatief",
    )


# --- The private edit link ---


def _denied(request, reason):
    return render(request, "initiatieven/meedoen/link_ongeldig.html", {"reden": reason}, status=403)


def _bijdrage_or_denied(request, page_id, token):
    try:
        return read_token(token, page_id), None
    except TokenError as error:
        return None, _denied(request, error.reason)


def _status(bijdrage, page):
    state = page.current_workflow_state
    return {
        "live": page.live,
        "in_moderation": bool(state and state.status == state.STATUS_IN_PROGRESS),
        "afgewezen": bijdrage.status == "afgewezen",
        "opmerking": bijdrage.opmerking_redactie,
    }


@require_http_methods(["GET", "POST"])
def bewerken(request, page_id, token):
    """The overview behind the edit link: the status, and (for the agenda) cancel a date or stop."""
    bijdrage, denied = _bijdrage_or_denied(request, page_id, token)
    if denied:
        return denied
    page = bijdrage.page.specific
    is_agenda = isinstance(page, AgendaItemPage)
    dates = services.upcoming_dates(page) if is_agenda else []
    datum_form = DatumVervaltForm(dates=dates, prefix="vervalt")
    stop_form = StopReeksForm(prefix="stop", initial={"vanaf": timezone.localdate()})
    done = request.GET.get("klaar", "")
    if request.method == "POST" and is_agenda:
        if over_rate_limit(request, "bewerken"):
            return too_many(request)
        actie = request.POST.get("actie")
        if actie == "vervalt":
            datum_form = DatumVervaltForm(request.POST, dates=dates, prefix="vervalt")
            if datum_form.is_valid():
                services.cancel_date(
                    bijdrage, datum_form.cleaned_data["datum"], datum_form.cleaned_data["toelichting"]
                )
                return HttpResponseRedirect(request.path + "?klaar=vervalt#resultaat")
        elif actie == "stoppen":
            stop_form = StopReeksForm(request.POST, prefix="stop")
            if stop_form.is_valid():
                offline = services.stop_series(
                    bijdrage, stop_form.cleaned_data["vanaf"], stop_form.cleaned_data["toelichting"]
                )
                return HttpResponseRedirect(request.path + "?klaar=" + ("offline" if offline else "gestopt"))
    context = {
        "bijdrage": bijdrage,
        "page": page,
        "is_agenda": is_agenda,
        "schedule_text": describe_schedule(page) if is_agenda else "",
        "dates": dates,
        "datum_form": datum_form,
        "stop_form": stop_form,
        "done": done,
        "token": token,
        **_status(bijdrage, page),
    }
    if is_agenda:
        context["cancelled"] = page.shared_occurrences.filter(status="vervalt", end__gt=timezone.now())[:10]
    return render(request, "initiatieven/meedoen/bewerken.html", context)


@require_http_methods(["GET", "POST"])
def wijzigen(request, page_id, token):
    """Propose changes: a new revision that goes through moderation again."""
    bijdrage, denied = _bijdrage_or_denied(request, page_id, token)
    if denied:
        return denied
    page = bijdrage.page.specific
    latest = page.get_latest_revision_as_object()
    is_initiative = isinstance(page, InitiatiefPage)
    form_class = InitiatiefVoorstelForm if is_initiative else ActiviteitVoorstelForm
    initial = form_class.initial_from_page(latest)
    if request.method == "POST":
        if over_rate_limit(request, "bewerken"):
            return too_many(request)
        form = form_class(request.POST, request.FILES, initial=initial, editing=True)
        if form.is_bot():
            return HttpResponseRedirect(reverse("initiatieven:bewerken", args=[page_id, token]))
        if form.is_valid():
            if form.has_changed():
                services.propose_changes(bijdrage, form)
                emails.send_changes_received(bijdrage.pk, request)
                done = "gewijzigd"
            else:
                done = "niets"
            return HttpResponseRedirect(
                reverse("initiatieven:bewerken", args=[page_id, token]) + f"?klaar={done}"
            )
        form.keep_photo_for_retry()
    else:
        form = form_class(initial=initial, editing=True)
    template = (
        "initiatieven/meedoen/initiatief_form.html"
        if is_initiative
        else "initiatieven/meedoen/activiteit_form.html"
    )
    return render(
        request,
        template,
        {
            "form": form,
            "editing": True,
            "page": page,
            "bijdrage": bijdrage,
            "token": token,
            **_status(bijdrage, page),
        },
    )


@require_http_methods(["GET", "POST"])
def nieuwe_link(request):
    """Ask for the edit links again. The answer is the same whether or not the address is known."""
    sent = False
    if request.method == "POST":
        if over_rate_limit(request, "nieuwe-link"):
            return too_many(request)
        form = NieuweLinkForm(request.POST)
        if form.is_bot():
            sent = True
        elif form.is_valid():
            bijdragen = list(
                Bijdrage.objects.filter(email__iexact=form.cleaned_data["email"])
                .select_related("page")
                .order_by("-ingediend_op")[:20]
            )
            emails.send_new_links(bijdragen, request)
            sent = True
    else:
        form = NieuweLinkForm()
    return render(request, "initiatieven/meedoen/nieuwe_link.html", {"form": form, "sent": sent})


# --- Contact an initiative ---


def relay_message(request, page):
    # Back to the page at the address the visitor used (/ar/... for an untranslated initiative too).
    here = request.path.removesuffix(page.reverse_subpage("bericht"))
    if request.method != "POST":
        return HttpResponseRedirect(here + "#bericht")
    if over_rate_limit(request, "bericht"):
        return too_many(request)
    form = ContactForm(request.POST)
    if form.is_bot():
        return HttpResponseRedirect(here + "?bericht=verstuurd#bericht")
    address = page.contact_address()
    if form.is_valid() and address:
        cleaned = form.cleaned_data
        emails.relay_message(page, address, cleaned["naam"], cleaned["email"], cleaned["bericht"], request)
        return HttpResponseRedirect(here + "?bericht=verstuurd#bericht")
    context = page.get_context(request)
    context["contact_form"] = form
    return render(request, page.get_template(request), context)


# --- The sociaal makelaar's intake: "Ik heb een idee" and "Ik wil helpen" ---
