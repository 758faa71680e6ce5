"""Outgoing e-mail, kept until it is sent: a mail server that is down loses nothing.

Every e-mail to a resident, initiator, makelaar or editor is written here first, then sent by a
background task; Wagtail's and Django's own e-mails too (``portal.mail.OutboxBackend``). A failed
send stays ``wacht`` and is tried again by ``manage.py verstuur_berichten`` (run it every few minutes from
cron or a systemd timer), up to ``MAX_POGINGEN`` times. The AVG purge anonymises these records too.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Bericht(models.Model):
    STATUSSEN = [("wacht", _("Wacht")), ("verstuurd", _("Verstuurd")), ("mislukt", _("Mislukt"))]
    MAX_POGINGEN = 10

    aan = models.JSONField(_("aan"), default=list)
    reply_to = models.JSONField(_("antwoorden naar"), default=list, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=255)
    tekst = models.TextField(_("tekst"))
    html = models.TextField(_("HTML-versie"), blank=True)
    van = models.CharField(_("van"), max_length=255, blank=True)
    headers = models.JSONField(_("kopregels"), default=dict, blank=True)
    soort = models.CharField(_("soort"), max_length=60, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=STATUSSEN, default="wacht")
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.CharField(_("laatste fout"), max_length=200, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    class Meta:
        db_table = "initiatieven_bericht"  # made by the initiatives, before the outbox moved to the core
        ordering = ["-aangemaakt_op"]
        indexes = [models.Index(fields=["status", "aangemaakt_op"], name="bericht_status")]
        verbose_name = _("e-mailbericht")
        verbose_name_plural = _("e-mailberichten")

    def __str__(self):
        return self.onderwerp
