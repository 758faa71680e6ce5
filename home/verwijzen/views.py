"""For social workers, under /verwijzen/: the question-first finder (public), the lopende groepen overview
(for logged-in professionals), and referral slips and posters with their QR codes and the counter behind
"Afdrukken" and "Delen".

The ranking lives in ``finder.py``, what goes on a slip in ``briefjes.py``. Only live, public
activities, spreekuren and initiatives have a slip. GET never changes a count: the buttons are POST
forms to ``verwijzen:tel``, which counts once and redirects (303) to the slip, the print dialog, a
mailto: link or WhatsApp.
"""

import datetime as dt

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Min, Prefetch
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.models import Locale

from activiteiten.describe import describe_schedule
from activiteiten.models import AgendaItemPage, Tijdslot
from initiatieven.models import InitiatiefPage
from portal.models import OrganisatiesIndexPage, Wijk
from portal.translations import with_translations

from . import briefjes
from . import finder as finding
from .forms import FinderForm

PER_PAGE = 20


def finder(request):
    """Start from the client's question; everything is a GET parameter, so a result list is a link."""
    form = FinderForm(request.GET or None)
    filters = form.valid_filters()
    uitkomst = page_obj = organisaties_index = None
    if filters or "hulpvraag" in request.GET:  # "Iets anders" with nothing else chosen: show everything
        uitkomst = finding.find(filters)
        page_obj = Paginator(uitkomst.resultaten, PER_PAGE).get_page(request.GET.get("pagina"))
        finding.add_dates(page_obj.object_list, filters)
        # Titles and intros in the visitor's language where the page is translated (the Dutch page is the
        # result, so ranking and counts stay one per item); one query per page type, none in Dutch.
        with_translations([resultaat.page for resultaat in page_obj.object_list], request)
        if not page_obj.object_list:  # nothing fits: point at the sociale kaart
            organisaties_index = OrganisatiesIndexPage.objects.live().first()
    return TemplateResponse(
        request,
        "home/verwijzen/finder.html",
        {
            "form": form,
            "filters": filters,
            "gezocht": finding.describe_filters(filters),
            "uitkomst": uitkomst,
            "resultaten": page_obj,
            "organisaties_index": organisaties_index,
            "weights": finding.WEIGHTS,
            "horizon_weeks": finding.HORIZON_DAYS // 7,
        },
    )


RUNNING_DAYS = finding.HORIZON_DAYS  # "running": it has a date that goes on in the coming three months


def _wijk_sections(pages, wijken, initiatives, chosen):
    """Per wijk its items (an item in two wijken is in both), then one section for the whole city."""
    sections = []
    for wijk in wijken:
        if chosen and wijk != chosen:
            continue
        items = [p for p in pages if not p.heel_de_stad and wijk in p.wijken.all()]
        groups = [i for i in initiatives if not i.heel_de_stad and wijk in i.wijken.all()]
        if items or groups:
            sections.append({"wijk": wijk, "items": items, "initiatieven": groups, "slug": wijk.slug})
    city = [p for p in pages if p.heel_de_stad]
    city_groups = [i for i in initiatives if i.heel_de_stad]
    if city or city_groups:
        sections.append({"wijk": None, "items": city, "initiatieven": city_groups, "slug": "heel-de-stad"})
    return sections


def lopende_groepen(request):
    """Every running group, activity and spreekuur per wijk, with who runs it, how to reach them and how
    to sign up: for professionals, so logged-in admin users only."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    wijken = list(Wijk.objects.all())
    chosen = next((w for w in wijken if w.slug == request.GET.get("wijk")), None)
    now = timezone.now()
    upcoming = finding.upcoming_occurrences(now, horizon_days=RUNNING_DAYS)
    default = Locale.get_default()
    pages = (
        AgendaItemPage.objects.live()
        .filter(locale=default, pk__in=upcoming.values("page_id"))
        .select_related("locatie", "organisator")
        .defer("body", "locatie__body", "organisator__body")
        .prefetch_related("wijken", Prefetch("tijdsloten", queryset=Tijdslot.objects.order_by("sort_order")))
        .order_by("title", "pk")
    )
    if chosen:
        pages = pages.filter(finding.in_wijk(AgendaItemPage, chosen))
    firsts = upcoming.filter(page_id__in=pages.values("pk")).values("page_id").annotate(eerste=Min("start"))
    nexts = {row["page_id"]: row["eerste"] for row in firsts}
    pages = list(pages)
    for page in pages:
        page.schedule_text = describe_schedule(page, list(page.tijdsloten.all()))
        page.volgende = nexts.get(page.pk)
    initiatives = (
        InitiatiefPage.objects.live()
        .filter(locale=default)
        .exclude(status="gestopt")
        .defer_streamfields()
        .prefetch_related("wijken")
        .order_by("title", "pk")
    )
    if chosen:
        initiatives = initiatives.filter(finding.in_wijk(InitiatiefPage, chosen))
    response = TemplateResponse(
        request,
        "home/verwijzen/lopende_groepen.html",
        {
            "sections": _wijk_sections(pages, wijken, list(initiatives), chosen),
            "wijken": wijken,
            "gekozen_wijk": chosen,
            "aantal": len(pages),
            "vandaag": timezone.localdate(),
            "tot": timezone.localdate() + dt.timedelta(days=RUNNING_DAYS),
        },
    )
    patch_cache_control(response, private=True, no_cache=True)
    return response


class SeeOther(HttpResponseRedirect):
    """A 303 after a POST; also to mailto: (Django's redirect only allows http, https and ftp)."""

    status_code = 303
    allowed_schemes = ["http", "https", "mailto"]


def render_briefje(request, page_id, template):
    page = briefjes.get_briefje_page(page_id)
    options = briefjes.briefje_options(request.GET)
    context = briefjes.briefje_context(page, request, options)
    context.update(
        item_page=page,
        options=options,
        form=briefjes.BriefjeForm(initial=options),
        print_now=request.GET.get("afdrukken") == "1",
        show_link=request.GET.get("link") == "1",
        share_buttons=briefjes.SHARE_BUTTONS,
    )
    return TemplateResponse(request, template, context)


@require_GET
def briefje(request, page_id):
    return render_briefje(request, page_id, "home/verwijzen/briefje.html")


@require_GET
def poster(request, page_id):
    return render_briefje(request, page_id, "home/verwijzen/poster.html")


@require_GET
def qr_svg(request, page_id):
    """The QR code on its own, for a newsletter or a screen: the page's URL in the chosen language."""
    page = briefjes.get_briefje_page(page_id)
    options = briefjes.briefje_options(request.GET)
    shown = briefjes.localized(page, options["taal"], request)
    url = briefjes.address(shown, options["taal"], request)
    response = HttpResponse(briefjes.qr_svg_document(url), "image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="qr-{shown.slug}.svg"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def count(request, page_id):
    """POST: count one print or share of this item, then go where it leads. GET (a prefetcher, a
    bookmark, a crawler): no count, just back to the slip."""
    page = briefjes.get_briefje_page(page_id)
    if request.method != "POST":
        return redirect(reverse("verwijzen:briefje", args=[page.pk]))
    soort = request.POST.get("soort", "")
    if soort not in briefjes.SOORTEN:
        return render(request, "400.html", status=400)
    briefjes.record(page, soort)
    options = briefjes.briefje_options(request.POST)
    return SeeOther(briefjes.share_target(soort, page, request, options))
