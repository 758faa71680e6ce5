"""The e-mails around residents' contributions: receipts, edit links, approval, and the editors' notices.
The makelaar's queue sends its own (``initiatieven.makelaar.emails``) with the helpers here.

Each e-mail is rendered here and stored in the core's outbox (``portal.mail``), then sent by a background
task. A slow or broken mail server never costs a resident their submission.

Every e-mail is written in its reader's language: a resident gets the language of the form they filled in
(``taal`` on ``Bijdrage``, ``Idee`` and ``Talent``), with links under that language's URL prefix; staff
(makelaars, the editors) get Dutch. Body and subject are rendered under ``translation.override``."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import mail
from portal.mail import supported_language
from portal.translations import source_page, title_in_language, url_in_language

from .tokens import edit_path

logger = logging.getLogger(__name__)


# --- Languages ---


def submitter_language(request=None):
    """The language a form was filled in: stored with the submission, so its e-mails are in that language."""
    return supported_language(getattr(request, "LANGUAGE_CODE", None) or translation.get_language())


STAFF_LANGUAGE = settings.LANGUAGE_CODE  # makelaars and editors work in Dutch


def contact_language(page, address):
    """The language of whoever sent ``page`` in with this address; Dutch for a page's public contact."""
    from ..models import Bijdrage

    taal = (
        Bijdrage.objects.filter(page=source_page(page), email__iexact=address)
        .order_by("-ingediend_op")
        .values_list("taal", flat=True)
        .first()
    )
    return supported_language(taal)


def base_url(request=None):
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def send(template, context, to, subject, reply_to=None):
    """Store one e-mail. Call it inside ``translation.override`` (the reader's language) with the subject
    already made in that language."""
    body = render_to_string(f"initiatieven/email/{template}.txt", context)
    return mail.store(to, subject, body, reply_to=reply_to, soort=template)


def _context(bijdrage, base):
    page = bijdrage.page.specific
    url = url_in_language(page)  # called in the reader's language
    return {
        "bijdrage": bijdrage,
        "page": page,
        "titel": title_in_language(page),
        "soort": bijdrage.get_soort_display().lower(),
        "page_url": base + url if url and page.live else "",
        "edit_url": base + edit_path(bijdrage),
        "nieuwe_link_url": base + reverse("initiatieven:nieuwe-link"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def _bijdrage(pk):
    from ..models import Bijdrage

    return Bijdrage.objects.select_related("page").filter(pk=pk).first()


def _to_sender(template, pk, subject, base, extra=None):
    """An e-mail to whoever sent in Bijdrage ``pk``, in their language. ``subject`` is a lazy message
    with %(soort)s and %(titel)s."""
    bijdrage = _bijdrage(pk)
    if bijdrage is None:
        return
    with translation.override(supported_language(bijdrage.taal)):
        ctx = _context(bijdrage, base) | (extra or {})
        send(template, ctx, [bijdrage.email], str(subject) % {"soort": ctx["soort"], "titel": ctx["titel"]})


def send_confirmation(pk, request=None):
    _to_sender(
        "bevestiging", pk, gettext_lazy("We hebben je %(soort)s ontvangen: %(titel)s"), base_url(request)
    )


def send_changes_received(pk, request=None):
    _to_sender(
        "wijziging", pk, gettext_lazy("We hebben je wijziging ontvangen: %(titel)s"), base_url(request)
    )


def send_approved(pk):
    _to_sender("goedgekeurd", pk, gettext_lazy("Je %(soort)s staat online: %(titel)s"), base_url())


def send_rejected(pk, comment):
    _to_sender(
        "afgewezen",
        pk,
        gettext_lazy("Je %(soort)s staat nog niet online: %(titel)s"),
        base_url(),
        {"comment": comment},
    )


def send_new_links(bijdragen, request=None):
    """One e-mail with a fresh link for every page this address sent in, in the language it was asked in
    (the links open the edit pages in that language too)."""
    if not bijdragen:
        return
    base = base_url(request)
    with translation.override(submitter_language(request)):
        items = [_context(b, base) for b in bijdragen]
        send(
            "nieuwe_link",
            {"items": items, "site_name": settings.WAGTAIL_SITE_NAME},
            [bijdragen[0].email],
            _("Je persoonlijke link om je bijdrage te veranderen"),
        )


def _notify_editors(template, pk, subject, extra):
    from .services import moderators

    bijdrage = _bijdrage(pk)
    to = [user.email for user in moderators()]
    if not bijdrage or not to:
        return
    with translation.override(STAFF_LANGUAGE):
        ctx = _context(bijdrage, base_url()) | extra
        ctx["admin_url"] = base_url() + reverse("wagtailadmin_pages:edit", args=[bijdrage.page_id])
        day = extra.get("datum") or extra.get("vanaf")
        values = {"titel": bijdrage.page.title, "datum": formats.date_format(day, "l j F Y")}
        send(template, ctx, to, str(subject) % values)


def notify_editors_cancelled(pk, datum, toelichting):
    extra = {"datum": parse_date(datum), "toelichting": toelichting}
    _notify_editors(
        "redactie_datum_vervalt", pk, gettext_lazy("Datum vervalt: %(titel)s op %(datum)s"), extra
    )


def notify_editors_stopped(pk, vanaf, toelichting, offline):
    extra = {"vanaf": parse_date(vanaf), "toelichting": toelichting, "offline": offline}
    _notify_editors(
        "redactie_reeks_gestopt", pk, gettext_lazy("Reeks gestopt: %(titel)s vanaf %(datum)s"), extra
    )


def relay_message(page, to, naam, email, bericht, request=None):
    """A visitor's message to an initiative. Reply-To is the visitor; the initiator's address stays hidden.
    Written in the language the initiative's contact used to send it in."""
    with translation.override(contact_language(page, to)):
        ctx = {
            "page": page,
            "titel": title_in_language(page),
            "naam": naam,
            "email": email,
            "bericht": bericht,
            "page_url": base_url(request) + (url_in_language(page) or ""),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = _("Bericht over %(titel)s van %(naam)s") % {"titel": ctx["titel"], "naam": naam}
        send("bericht", ctx, [to], subject, reply_to=[email])
