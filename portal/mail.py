"""The outbox every e-mail goes through: stored as a ``Bericht`` first, then sent by a background task.

A slow or broken mail server never costs a resident their submission: a failed e-mail stays ``wacht``
and is sent again later (``manage.py verstuur_berichten``). E-mail that Django or Wagtail send themselves
(Wagtail's "ter goedkeuring" and approval notices, a password reset) reaches the outbox through
``OutboxBackend``, the ``EMAIL_BACKEND`` of every settings module except the tests'. It is delivered with
``PORTAL_DELIVERY_EMAIL_BACKEND`` (SMTP in production).
"""

import logging

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone, translation

from .models import Bericht

logger = logging.getLogger(__name__)


def store(to, subject, body, reply_to=None, soort=""):
    """Store one e-mail and queue it for sending. Make the subject and body in the reader's language."""
    bericht = Bericht.objects.create(
        aan=list(to),
        reply_to=list(reply_to or []),
        onderwerp=" ".join(subject.split())[:255],
        tekst=body,
        soort=soort,
    )
    send_bericht_task.enqueue(bericht.pk)
    return bericht


@task()
def send_bericht_task(pk):
    send_bericht(pk)


def send_bericht(pk):
    """Try to send one stored e-mail. Only the kind of error is recorded: no addresses in logs."""
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


OUTBOX_BACKEND = "portal.mail.OutboxBackend"
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
    sent = sum(
        send_bericht(pk)
        for pk in Bericht.objects.filter(status="wacht")
        .order_by("aangemaakt_op")
        .values_list("pk", flat=True)[:limit]
    )
    return sent, Bericht.objects.filter(status="wacht").count()


def supported_language(code):
    """One of ``settings.LANGUAGES`` for a language code ('tr', 'tr-TR', 'en-us'); Dutch for anything else."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return settings.LANGUAGE_CODE
