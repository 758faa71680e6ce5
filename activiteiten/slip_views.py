"""Referral slips, posters, their QR codes, and the counter behind "Afdrukken" and "Delen".

Only live, public activities, spreekuren and initiatives have a slip. GET never changes a count: the
buttons are POST forms to ``verwijzen:tel``, which counts once and redirects (303) to the slip, the
print dialog, a mailto: link or WhatsApp.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from . import slip as slips


class SeeOther(HttpResponseRedirect):
    """A 303 after a POST; also to mailto: (Django's redirect only allows http, https and ftp)."""

    status_code = 303
    allowed_schemes = ["http", "https", "mailto"]


def render_slip(request, page_id, template):
    page = slips.get_slip_page(page_id)
    options = slips.slip_options(request.GET)
    context = slips.slip_context(page, request, options)
    context.update(
        item_page=page,
        options=options,
        form=slips.SlipForm(initial=options),
        print_now=request.GET.get("afdrukken") == "1",
        show_link=request.GET.get("link") == "1",
        share_buttons=slips.SHARE_BUTTONS,
    )
    return TemplateResponse(request, template, context)


@require_GET
def slip(request, page_id):
    return render_slip(request, page_id, "activiteiten/slip.html")


@require_GET
def poster(request, page_id):
    return render_slip(request, page_id, "activiteiten/poster.html")


@require_GET
def qr_svg(request, page_id):
    """The QR code on its own, for a newsletter or a screen: the page's URL in the chosen language."""
    page = slips.get_slip_page(page_id)
    options = slips.slip_options(request.GET)
    shown = slips.localized(page, options["taal"], request)
    response = HttpResponse(slips.qr_svg_document(slips.absolute_url(shown, request)), "image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="qr-{shown.slug}.svg"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def count(request, page_id):
    """POST: count one print or share of this item, then go where it leads. GET (a prefetcher, a
    bookmark, a crawler): no count, just back to the slip."""
    page = slips.get_slip_page(page_id)
    if request.method != "POST":
        return redirect(reverse("verwijzen:briefje", args=[page.pk]))
    soort = request.POST.get("soort", "")
    if soort not in slips.SOORTEN:
        return render(request, "400.html", status=400)
    slips.record(page, soort)
    options = slips.slip_options(request.POST)
    return SeeOther(slips.share_target(soort, page, request, options))
