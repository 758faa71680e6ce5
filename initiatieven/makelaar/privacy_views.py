"""An inzage- or verwijderverzoek in the admin: download everything about one e-mail address as JSON,
or erase it after a confirmation step. Only for superusers and users who may delete ideas.

Registered through ``register_admin_urls`` in ``wagtail_hooks.py``, so Wagtail's admin wrapper sends
anonymous visitors to the login page and turns ``PermissionDenied`` into its usual message.
"""

import json
import logging

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from .privacy import ERASE_LABELS, describe, erase_for, export_for, summary_for

logger = logging.getLogger(__name__)


def may_manage_personal_data(user):
    """Only superusers (the privacy officer): an address can have data in every wijk, in contributions
    and in e-mails, which no single makelaar may see."""
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


class PersoonsgegevensMenuItem(MenuItem):
    """Only shown to who may use the view."""

    def is_shown(self, request):
        return may_manage_personal_data(request.user)


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres van de bewoner"),
        help_text=gettext_lazy("Hoofdletters maken niet uit."),
        max_length=254,
    )


def _download(email, user):
    data = export_for(email)
    logger.info("Export van persoonsgegevens gemaakt door gebruiker %s", user.pk)
    filename = f"persoonsgegevens-{timezone.localdate().isoformat()}.json"
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def persoonsgegevens(request):
    if not may_manage_personal_data(request.user):
        raise PermissionDenied
    form = EmailForm(request.POST or None)
    context = {"form": form, "stap": "kies"}
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        actie = request.POST.get("actie")
        if actie == "download":
            return _download(email, request.user)
        if actie == "wis" and request.POST.get("bevestigd") == "ja":
            counts = erase_for(email)
            logger.info("Persoonsgegevens gewist door gebruiker %s", request.user.pk)
            done = describe(counts, ERASE_LABELS, skip_zero=True)
            if done:
                messages.success(
                    request, _("Alles van dit adres is gewist: %(wat)s.") % {"wat": ", ".join(done)}
                )
            else:
                messages.info(request, _("Er was niets opgeslagen van dit adres."))
            return redirect(request.path)
        if actie == "wis":
            context.update(stap="bevestig", email=email, gevonden=summary_for(email))
    return TemplateResponse(request, "initiatieven/admin/persoonsgegevens.html", context)
