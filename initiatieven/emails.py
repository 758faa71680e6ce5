"""The e-mails around a contribution. Rendered here, sent as a background task (django-tasks), so a slow
or broken mail server never costs a resident their submission."""

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats
from django.utils.dateparse import parse_date

from .tokens import edit_path


@task()
def send_email_task(subject, body, to, reply_to=None):
    EmailMessage(subject=subject, body=body, to=to, reply_to=reply_to or None).send()


def _base(request=None):
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _send(template, context, to, subject, reply_to=None):
    body = render_to_string(f"initiatieven/email/{template}.txt", context)
    send_email_task.enqueue(subject=" ".join(subject.split()), body=body, to=list(to), reply_to=reply_to)


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
