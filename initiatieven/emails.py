"""The e-mails around contributions and the makelaar's queue.

Each e-mail is rendered here and stored in the core's outbox (``portal.mail``), then sent by a background
task. A slow or broken mail server never costs a resident their submission.

Every e-mail is written in its reader's language: a resident gets the language of the form they filled in
(``taal`` on ``Bijdrage``, ``Idee`` and ``Talent``), with links under that language's URL prefix; staff
(makelaars, the editors) get Dutch. Body and subject are rendered under ``translation.override``."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from portal import mail
from portal.mail import (
    send_bericht_task,  # noqa: F401  (tasks queued under this name before the outbox moved)
    supported_language,
)
from portal.translations import source_page, title_in_language, url_in_language

from .tokens import edit_path

logger = logging.getLogger(__name__)


# --- Languages ---


def submitter_language(request=None):
    """The language a form was filled in: stored with the submission, so its e-mails are in that language."""
    return supported_language(getattr(request, "LANGUAGE_CODE", None) or translation.get_language())


STAFF_LANGUAGE = settings.LANGUAGE_CODE  # makelaars and editors work in Dutch


def _contact_language(page, address):
    """The language of whoever sent ``page`` in with this address; Dutch for a page's public contact."""
    from .models import Bijdrage

    taal = (
        Bijdrage.objects.filter(page=source_page(page), email__iexact=address)
        .order_by("-ingediend_op")
        .values_list("taal", flat=True)
        .first()
    )
    return supported_language(taal)


def _base(request=None):
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _send(template, context, to, subject, reply_to=None):
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
    from .models import Bijdrage

    return Bijdrage.objects.select_related("page").filter(pk=pk).first()


def _to_sender(template, pk, subject, base, extra=None):
    """An e-mail to whoever sent in Bijdrage ``pk``, in their language. ``subject`` is a lazy message
    with %(soort)s and %(titel)s."""
    bijdrage = _bijdrage(pk)
    if bijdrage is None:
        return
    with translation.override(supported_language(bijdrage.taal)):
        ctx = _context(bijdrage, base) | (extra or {})
        _send(template, ctx, [bijdrage.email], str(subject) % {"soort": ctx["soort"], "titel": ctx["titel"]})


def send_confirmation(pk, request=None):
    _to_sender("bevestiging", pk, gettext_lazy("We hebben je %(soort)s ontvangen: %(titel)s"), _base(request))


def send_changes_received(pk, request=None):
    _to_sender("wijziging", pk, gettext_lazy("We hebben je wijziging ontvangen: %(titel)s"), _base(request))


def send_approved(pk):
    _to_sender("goedgekeurd", pk, gettext_lazy("Je %(soort)s staat online: %(titel)s"), _base())


def send_rejected(pk, comment):
    _to_sender(
        "afgewezen",
        pk,
        gettext_lazy("Je %(soort)s staat nog niet online: %(titel)s"),
        _base(),
        {"comment": comment},
    )


def send_new_links(bijdragen, request=None):
    """One e-mail with a fresh link for every page this address sent in, in the language it was asked in
    (the links open the edit pages in that language too)."""
    if not bijdragen:
        return
    base = _base(request)
    with translation.override(submitter_language(request)):
        items = [_context(b, base) for b in bijdragen]
        _send(
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
        ctx = _context(bijdrage, _base()) | extra
        ctx["admin_url"] = _base() + reverse("wagtailadmin_pages:edit", args=[bijdrage.page_id])
        day = extra.get("datum") or extra.get("vanaf")
        values = {"titel": bijdrage.page.title, "datum": formats.date_format(day, "l j F Y")}
        _send(template, ctx, to, str(subject) % values)


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
    with translation.override(_contact_language(page, to)):
        ctx = {
            "page": page,
            "titel": title_in_language(page),
            "naam": naam,
            "email": email,
            "bericht": bericht,
            "page_url": _base(request) + (url_in_language(page) or ""),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = _("Bericht over %(titel)s van %(naam)s") % {"titel": ctx["titel"], "naam": naam}
        _send("bericht", ctx, [to], subject, reply_to=[email])


# --- The makelaar's queue ---


def _queue_item(kind, pk):
    from .models import Idee, Signaal, Talent

    model = {"idee": Idee, "talent": Talent, "signaal": Signaal}[kind]
    return model.objects.filter(pk=pk).first()


SOORT_WOORD = {
    "idee": pgettext_lazy("e-mail", "idee"),
    "talent": pgettext_lazy("e-mail", "aanbod"),
    "signaal": pgettext_lazy("e-mail", "signaal"),
}

# The default status texts of ``MakelaarInstellingen`` (``models.makelaar.DEFAULT_STATUS_TEKSTEN``, kept
# equal by a test), marked for translation: a resident who wrote in another language gets them in that
# language. A text the makelaars rewrote is sent as they wrote it.
STATUS_TEKSTEN = {
    "nieuw": gettext_noop(
        "We hebben je {soort} ontvangen. "
        "De sociaal makelaar van {wijk} neemt binnen 5 werkdagen contact met je op."
    ),
    "in_gesprek": gettext_noop(
        "De sociaal makelaar van {wijk} is met je {soort} bezig. "
        "We nemen contact met je op, of hebben dat al gedaan."
    ),
    "gekoppeld": gettext_noop(
        "Goed nieuws: we hebben je {soort} gekoppeld aan mensen of een plek in de buurt. "
        "Je hoort hierover van de sociaal makelaar."
    ),
    "loopt": gettext_noop("Je {soort} loopt. Fijn dat je meedoet in {wijk}!"),
    "afgerond": gettext_noop("We hebben je {soort} afgerond. Bedankt dat je het met ons hebt gedeeld."),
    "niet_doorgegaan": gettext_noop(
        "Je {soort} gaat helaas niet door. De sociaal makelaar vertelt je graag waarom. "
        "Je kunt altijd een nieuw idee sturen."
    ),
}


def _wijk_namen(item):
    from portal.models import Wijk

    return ", ".join(
        Wijk.objects.filter(pk__in=item.wijk_ids()).order_by("naam").values_list("naam", flat=True)
    )


def notify_makelaars_new_item(kind, pk):
    """A new idea, talent or signal: tell the makelaars of its wijk. No resident's contact in the e-mail;
    the makelaar opens the item in the admin."""
    from .queue import admin_url, makelaars_for

    item = _queue_item(kind, pk)
    if item is None:
        return
    to = [user.email for user in makelaars_for(item)]
    if not to:
        return
    with translation.override(STAFF_LANGUAGE):
        ctx = {
            "item": item,
            "soort": str(SOORT_WOORD[kind]),
            "wijk": _wijk_namen(item),
            "url": admin_url(item),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        _send("makelaar_nieuw", ctx, to, _("Nieuw %(soort)s in %(wijk)s") % ctx)


def send_status_change(kind, pk):
    """Every status change of an idea or talent is told to the resident, with the editable text."""
    from wagtail.models import Site

    from .models import MakelaarInstellingen

    item = _queue_item(kind, pk)
    if item is None or kind == "signaal" or not item.email:
        return
    instellingen = MakelaarInstellingen.for_site(Site.objects.filter(is_default_site=True).first())
    with translation.override(supported_language(item.taal)):
        values = {"soort": str(SOORT_WOORD[kind]), "wijk": _wijk_namen(item), "naam": item.naam}
        tekst = instellingen.status_tekst(item.status)
        if tekst == STATUS_TEKSTEN.get(item.status):
            tekst = _(tekst)
        for key, value in values.items():
            tekst = tekst.replace("{" + key + "}", value)
        ctx = {"item": item, "tekst": tekst, "site_name": settings.WAGTAIL_SITE_NAME, **values}
        subject = _("Je %(soort)s: %(status)s") % {
            "soort": values["soort"],
            "status": str(item.get_status_display()).lower(),
        }
        _send("status_wijziging", ctx, [item.email], subject)


def send_introductions(koppeling_pk):
    """'Koppel': introduce the talent and the initiative (or activity) to each other."""
    from .models import Koppeling
    from .queue_views import page_contact

    koppeling = (
        Koppeling.objects.select_related("talent", "pagina", "gekoppeld_door").filter(pk=koppeling_pk).first()
    )
    if koppeling is None:
        return
    talent, page = koppeling.talent, koppeling.pagina.specific
    contact_naam, contact_email = page_contact(page)
    # To the talent: the public name only (the initiator's own name stays private until they reply).
    public_naam = getattr(page, "initiatiefnemer", "") or getattr(page, "organisator_display", "")
    makelaar = koppeling.gekoppeld_door
    ctx = {
        "talent": talent,
        "page": page,
        "page_url": "",  # per reader, in their language (below)
        "contact_naam": contact_naam,
        "makelaar": (makelaar.get_full_name() or makelaar.get_username()) if makelaar else "",
        "redenen": koppeling.redenen,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    reply_to = [makelaar.email] if makelaar and makelaar.email else None
    if talent.email:
        with translation.override(supported_language(talent.taal)):
            titel = title_in_language(page)
            _send(
                "kennismaking_talent",
                ctx
                | {
                    "contact_naam": public_naam,
                    "titel": titel,
                    "page_url": _base() + (url_in_language(page) or ""),
                },
                [talent.email],
                _("Kennismaking: %(titel)s") % {"titel": titel},
                reply_to=reply_to,
            )
    if contact_email:
        with translation.override(_contact_language(page, contact_email)):
            titel = title_in_language(page)
            _send(
                "kennismaking_initiatief",
                ctx | {"titel": titel, "page_url": _base() + (url_in_language(page) or "")},
                [contact_email],
                _("Iemand wil helpen bij %(titel)s") % {"titel": titel},
                reply_to=reply_to,
            )


def ask_outcomes(today=None):
    """Four weeks after a 'Koppel': ask the makelaar whether it led to a match. Returns the number asked."""
    from .models import Koppeling
    from .queue import admin_url

    today = today or timezone.localdate()
    due = Koppeling.objects.filter(uitkomst="", nagevraagd_op=None, opvolgen_op__lte=today).select_related(
        "talent", "pagina", "gekoppeld_door"
    )
    asked = 0
    for koppeling in due:
        makelaar = koppeling.gekoppeld_door
        if makelaar and makelaar.email:
            ctx = {
                "koppeling": koppeling,
                "url": admin_url(koppeling.talent),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            with translation.override(STAFF_LANGUAGE):
                subject = _("Heeft dit tot een match geleid? %(titel)s") % {"titel": koppeling.pagina.title}
                _send("navragen", ctx, [makelaar.email], subject)
            asked += 1
        Koppeling.objects.filter(pk=koppeling.pk).update(nagevraagd_op=timezone.now())
    return asked
