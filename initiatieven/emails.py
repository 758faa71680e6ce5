"""The e-mails around contributions and the makelaar's queue, and the outbox every e-mail goes through.

Each e-mail is rendered here and stored as a ``Bericht`` (the outbox), then sent by a background task
(django-tasks). A slow or broken mail server never costs a resident their submission, and a failed
e-mail is sent again later (``manage.py verstuur_berichten``).

E-mail that Django or Wagtail send themselves (Wagtail's "ter goedkeuring" and approval notices, a
password reset) reaches the outbox through ``OutboxBackend``, the ``EMAIL_BACKEND`` of every settings
module except the tests'. It is delivered with ``PORTAL_DELIVERY_EMAIL_BACKEND`` (SMTP in production)."""

import logging

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dateparse import parse_date

from .tokens import edit_path

logger = logging.getLogger(__name__)


@task()
def send_bericht_task(pk):
    send_bericht(pk)


def send_bericht(pk):
    """Try to send one stored e-mail. Only the kind of error is recorded: no addresses in logs."""
    from .models import Bericht

    bericht = Bericht.objects.filter(pk=pk, status="wacht").first()
    if bericht is None:
        return False
    message = EmailMultiAlternatives(
        subject=bericht.onderwerp,
        body=bericht.tekst,
        from_email=bericht.van or None,
        to=bericht.aan,
        reply_to=bericht.reply_to or None,
        headers=bericht.headers or None,
    )
    if bericht.html:
        message.attach_alternative(bericht.html, "text/html")
    try:
        message.connection = get_connection(delivery_backend())
        message.send()
    except Exception as error:  # any failure of the mail server: keep the message for the next try
        bericht.pogingen += 1
        bericht.laatste_fout = type(error).__name__[:200]
        if bericht.pogingen >= Bericht.MAX_POGINGEN:
            bericht.status = "mislukt"
        bericht.save(update_fields=["pogingen", "laatste_fout", "status"])
        logger.warning("E-mail %s niet verstuurd (poging %s): %s", pk, bericht.pogingen, bericht.laatste_fout)
        return False
    bericht.status, bericht.verstuurd_op = "verstuurd", timezone.now()
    bericht.save(update_fields=["status", "verstuurd_op"])
    return True


OUTBOX_BACKEND = "initiatieven.emails.OutboxBackend"
# Headers worth keeping from Django's and Wagtail's own messages (Wagtail marks its notices as automatic).
KEPT_HEADERS = ("Auto-Submitted",)


def delivery_backend():
    """The backend that really sends: PORTAL_DELIVERY_EMAIL_BACKEND behind the outbox, else EMAIL_BACKEND."""
    if settings.EMAIL_BACKEND == OUTBOX_BACKEND:
        return settings.PORTAL_DELIVERY_EMAIL_BACKEND
    return settings.EMAIL_BACKEND


class OutboxBackend(BaseEmailBackend):
    """An e-mail backend that only stores: each message becomes a waiting ``Bericht`` and a send task.

    Storing cannot fail when the mail server is down, so Wagtail's moderation notices and Django's own
    e-mails wait and are retried like ours instead of being logged and dropped. Bcc recipients each get a
    ``Bericht`` of their own, so no one sees another's address.
    """

    def send_messages(self, email_messages):
        from .models import Bericht

        stored = 0
        for message in email_messages:
            html = next(
                (
                    content
                    for content, mimetype in getattr(message, "alternatives", [])
                    if mimetype == "text/html"
                ),
                "",
            )
            common = {
                "van": message.from_email or "",
                "reply_to": list(message.reply_to or []),
                "onderwerp": " ".join(str(message.subject).split())[:255],
                "tekst": message.body,
                "html": html,
                "headers": {k: v for k, v in (message.extra_headers or {}).items() if k in KEPT_HEADERS},
                "soort": "systeem",
            }
            groups = [list(message.to) + list(message.cc)] if (message.to or message.cc) else []
            groups += [[address] for address in message.bcc]
            for aan in groups:
                bericht = Bericht.objects.create(aan=aan, **common)
                send_bericht_task.enqueue(bericht.pk)
            stored += bool(groups)
        return stored


def retry_waiting(limit=200):
    """Send what is still waiting (oldest first). Returns (sent, still waiting)."""
    from .models import Bericht

    sent = sum(
        send_bericht(pk)
        for pk in Bericht.objects.filter(status="wacht")
        .order_by("aangemaakt_op")
        .values_list("pk", flat=True)[:limit]
    )
    return sent, Bericht.objects.filter(status="wacht").count()


def _base(request=None):
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _send(template, context, to, subject, reply_to=None):
    from .models import Bericht

    body = render_to_string(f"initiatieven/email/{template}.txt", context)
    bericht = Bericht.objects.create(
        aan=list(to),
        reply_to=list(reply_to or []),
        onderwerp=" ".join(subject.split())[:255],
        tekst=body,
        soort=template,
    )
    send_bericht_task.enqueue(bericht.pk)
    return bericht


def _context(bijdrage, base):
    page = bijdrage.page.specific
    url = page.get_url()
    return {
        "bijdrage": bijdrage,
        "page": page,
        "soort": bijdrage.get_soort_display().lower(),
        "page_url": base + url if url and page.live else "",
        "edit_url": base + edit_path(bijdrage),
        "nieuwe_link_url": base + reverse("initiatieven:nieuwe-link"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def _bijdrage(pk):
    from .models import Bijdrage

    return Bijdrage.objects.select_related("page").filter(pk=pk).first()


def send_confirmation(pk, request=None):
    bijdrage = _bijdrage(pk)
    if bijdrage:
        ctx = _context(bijdrage, _base(request))
        _send(
            "bevestiging",
            ctx,
            [bijdrage.email],
            f"We hebben je {ctx['soort']} ontvangen: {ctx['page'].title}",
        )


def send_changes_received(pk, request=None):
    bijdrage = _bijdrage(pk)
    if bijdrage:
        ctx = _context(bijdrage, _base(request))
        _send("wijziging", ctx, [bijdrage.email], f"We hebben je wijziging ontvangen: {ctx['page'].title}")


def send_approved(pk):
    bijdrage = _bijdrage(pk)
    if bijdrage:
        ctx = _context(bijdrage, _base())
        _send("goedgekeurd", ctx, [bijdrage.email], f"Je {ctx['soort']} staat online: {ctx['page'].title}")


def send_rejected(pk, comment):
    bijdrage = _bijdrage(pk)
    if bijdrage:
        ctx = _context(bijdrage, _base()) | {"comment": comment}
        _send(
            "afgewezen",
            ctx,
            [bijdrage.email],
            f"Je {ctx['soort']} staat nog niet online: {ctx['page'].title}",
        )


def send_new_links(bijdragen, request=None):
    """One e-mail with a fresh link for every page this address sent in."""
    if not bijdragen:
        return
    base = _base(request)
    items = [_context(b, base) for b in bijdragen]
    _send(
        "nieuwe_link",
        {"items": items, "site_name": settings.WAGTAIL_SITE_NAME},
        [bijdragen[0].email],
        "Je persoonlijke link om je bijdrage te veranderen",
    )


def _notify_editors(template, pk, subject, extra):
    from .services import moderators

    bijdrage = _bijdrage(pk)
    to = [user.email for user in moderators()]
    if not bijdrage or not to:
        return
    ctx = _context(bijdrage, _base()) | extra
    ctx["admin_url"] = _base() + reverse("wagtailadmin_pages:edit", args=[bijdrage.page_id])
    _send(template, ctx, to, subject)


def notify_editors_cancelled(pk, datum, toelichting):
    day = parse_date(datum)
    extra = {"datum": formats.date_format(day, "l j F Y"), "toelichting": toelichting}
    bijdrage = _bijdrage(pk)
    title = bijdrage.page.title if bijdrage else ""
    _notify_editors("redactie_datum_vervalt", pk, f"Datum vervalt: {title} op {extra['datum']}", extra)


def notify_editors_stopped(pk, vanaf, toelichting, offline):
    day = parse_date(vanaf)
    extra = {"vanaf": formats.date_format(day, "l j F Y"), "toelichting": toelichting, "offline": offline}
    bijdrage = _bijdrage(pk)
    title = bijdrage.page.title if bijdrage else ""
    _notify_editors("redactie_reeks_gestopt", pk, f"Reeks gestopt: {title} vanaf {extra['vanaf']}", extra)


def relay_message(page, to, naam, email, bericht, request=None):
    """A visitor's message to an initiative. Reply-To is the visitor; the initiator's address stays hidden."""
    ctx = {
        "page": page,
        "naam": naam,
        "email": email,
        "bericht": bericht,
        "page_url": _base(request) + page.get_url(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    _send("bericht", ctx, [to], f"Bericht over {page.title} van {naam}", reply_to=[email])


# --- The makelaar's queue ---


def _queue_item(kind, pk):
    from .models import Idee, Signaal, Talent

    model = {"idee": Idee, "talent": Talent, "signaal": Signaal}[kind]
    return model.objects.filter(pk=pk).first()


SOORT_WOORD = {"idee": "idee", "talent": "aanbod", "signaal": "signaal"}


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
    ctx = {
        "item": item,
        "soort": SOORT_WOORD[kind],
        "wijk": _wijk_namen(item),
        "url": admin_url(item),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    _send("makelaar_nieuw", ctx, to, f"Nieuw {ctx['soort']} in {ctx['wijk']}")


def send_status_change(kind, pk):
    """Every status change of an idea or talent is told to the resident, with the editable text."""
    from wagtail.models import Site

    from .models import MakelaarInstellingen

    item = _queue_item(kind, pk)
    if item is None or kind == "signaal" or not item.email:
        return
    instellingen = MakelaarInstellingen.for_site(Site.objects.filter(is_default_site=True).first())
    values = {"soort": SOORT_WOORD[kind], "wijk": _wijk_namen(item), "naam": item.naam}
    tekst = instellingen.status_tekst(item.status)
    for key, value in values.items():
        tekst = tekst.replace("{" + key + "}", value)
    ctx = {"item": item, "tekst": tekst, "site_name": settings.WAGTAIL_SITE_NAME, **values}
    subject = f"Je {values['soort']}: {item.get_status_display().lower()}"
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
        "page_url": _base() + (page.get_url() or ""),
        "contact_naam": contact_naam,
        "makelaar": (makelaar.get_full_name() or makelaar.get_username()) if makelaar else "",
        "redenen": koppeling.redenen,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    reply_to = [makelaar.email] if makelaar and makelaar.email else None
    if talent.email:
        _send(
            "kennismaking_talent",
            ctx | {"contact_naam": public_naam},
            [talent.email],
            f"Kennismaking: {page.title}",
            reply_to=reply_to,
        )
    if contact_email:
        _send(
            "kennismaking_initiatief",
            ctx,
            [contact_email],
            f"Iemand wil helpen bij {page.title}",
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
            _send(
                "navragen", ctx, [makelaar.email], f"Heeft dit tot een match geleid? {koppeling.pagina.title}"
            )
            asked += 1
        Koppeling.objects.filter(pk=koppeling.pk).update(nagevraagd_op=timezone.now())
    return asked
