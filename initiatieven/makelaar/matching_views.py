"""Admin views of matching in the makelaar's queue: the suggestions for a talent or a need, "Koppel"
(the introduction, only with the resident's consent) and its outcome, and the open needs."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.log_actions import log

from ..models.makelaar import Status
from .queue import makelaar_wijk_ids, may_handle
from .views import item_for_change, record_status_change


def page_contact(page):
    """Where the introduction for an initiative or activity goes: its private contact, else its public one."""
    from ..models import Bijdrage, InitiatiefPage

    bijdrage = Bijdrage.objects.filter(page=page).exclude(email="").order_by("-ingediend_op").first()
    if bijdrage:
        return bijdrage.naam, bijdrage.email
    specific = page.specific
    if isinstance(specific, InitiatiefPage):
        return specific.initiatiefnemer, None
    email = getattr(specific, "contact_email", "")
    return getattr(specific, "contact_naam", "") or getattr(
        specific, "organisator_display", ""
    ), email or None


def koppel_views(policy, inspect_url_name):
    from wagtail.models import Page

    from ..models import Koppeling, Talent

    def reasons_for(talent, page):
        from .matching import suggestions_for_talent

        for suggestion in suggestions_for_talent(talent, limit=50):
            if suggestion.page.pk == page.pk:
                return suggestion.reasons
        return []

    def koppel(request, pk, page_id):
        from activiteiten.models import AgendaItemPage

        from ..models import InitiatiefPage

        talent = item_for_change(request, Talent, pk, policy)
        page = get_object_or_404(Page.objects.live(), pk=page_id).specific
        if not isinstance(page, (InitiatiefPage, AgendaItemPage)):
            raise Http404
        page_wijken = set(page.wijken.values_list("pk", flat=True))
        if not (page.heel_de_stad or page_wijken & talent.wijk_ids()):
            raise Http404
        if Koppeling.objects.filter(talent=talent, pagina=page, uitkomst="").exists():
            messages.info(request, _("Dit talent is al aan deze pagina gekoppeld."))
            return redirect(inspect_url_name, talent.pk)
        naam, email = page_contact(page)
        reasons = reasons_for(talent, page)
        if request.method == "POST":
            with transaction.atomic():
                koppeling = Koppeling.objects.create(
                    talent=talent,
                    pagina=page,
                    redenen=" · ".join(reasons)[:300],
                    gekoppeld_door=request.user,
                    opvolgen_op=timezone.localdate() + dt.timedelta(weeks=4),
                )
                if talent.status in (Status.NIEUW, Status.IN_GESPREK):
                    old = talent.status
                    talent.status = Status.GEKOPPELD
                    Talent.objects.filter(pk=talent.pk).update(status=Status.GEKOPPELD)
                    record_status_change(talent, old, request.user)
                log(
                    instance=talent,
                    action="initiatieven.gekoppeld",
                    user=request.user,
                    data={"pagina": page.pk},
                )
                from . import emails

                transaction.on_commit(lambda: emails.send_introductions(koppeling.pk))
            messages.success(
                request,
                _("Gekoppeld. %(naam)s en %(titel)s krijgen een e-mail.")
                % {"naam": talent.naam, "titel": page.title},
            )
            return redirect(inspect_url_name, talent.pk)
        from django.template.response import TemplateResponse

        return TemplateResponse(
            request,
            "initiatieven/admin/koppel_bevestigen.html",
            {
                "talent": talent,
                "page": page,
                "reasons": reasons,
                "contact_naam": naam,
                "contact_email": email,
                "terug_url": reverse(inspect_url_name, args=[talent.pk]),
                "header_title": _("Koppelen"),
            },
        )

    @require_POST
    def uitkomst(request, pk, koppeling_id):
        talent = item_for_change(request, Talent, pk, policy)
        koppeling = get_object_or_404(Koppeling, pk=koppeling_id, talent=talent)
        value = request.POST.get("uitkomst")
        if value not in dict(Koppeling.UITKOMSTEN):
            messages.error(request, _("Kies een uitkomst."))
        else:
            Koppeling.objects.filter(pk=koppeling.pk).update(uitkomst=value, uitkomst_op=timezone.now())
            log(instance=talent, action="initiatieven.uitkomst", user=request.user, data={"uitkomst": value})
            messages.success(request, _("Uitkomst opgeslagen. Dank je!"))
        return redirect(inspect_url_name, talent.pk)

    return koppel, uitkomst


def behoefte_view(policy):
    """'Wie kan helpen?': ranked open talents for one need of an initiative in the makelaar's wijken."""
    from django.template.response import TemplateResponse

    from ..models import Behoefte

    def view(request, behoefte_id):
        if not policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        behoefte = get_object_or_404(Behoefte.objects.select_related("page"), pk=behoefte_id, page__live=True)
        page = behoefte.page
        wijken = set(page.wijken.values_list("pk", flat=True))
        if not (request.user.is_superuser or page.heel_de_stad or wijken & makelaar_wijk_ids(request.user)):
            raise Http404
        from .matching import suggestions_for_behoefte

        suggestions = [
            s for s in suggestions_for_behoefte(behoefte, limit=10) if may_handle(request.user, s.talent)
        ]
        return TemplateResponse(
            request,
            "initiatieven/admin/wie_kan_helpen.html",
            {
                "behoefte": behoefte,
                "page": page,
                "suggestions": suggestions,
                "header_title": _("Wie kan helpen?"),
            },
        )

    return view


def open_behoeften(user, limit=8):
    """Needs of live initiatives in the user's wijken, for the dashboard."""
    from django.db.models import Q

    from ..models import Behoefte

    needs = Behoefte.objects.filter(page__live=True).exclude(page__status="gestopt").select_related("page")
    if not user.is_superuser:
        needs = needs.filter(Q(page__wijken__in=makelaar_wijk_ids(user)) | Q(page__heel_de_stad=True))
    return list(needs.distinct().order_by("-page__latest_revision_created_at")[:limit])
