"""The AVG (GDPR) side of the portal: keep residents' personal data no longer than promised, and give a
resident everything we hold about them, or erase it, on request.

- ``purge()`` runs from cron (``manage.py purge_persoonsgegevens``): ideas and talents closed longer ago
  than the retention period (``PORTAL_BEWAARTERMIJN_MAANDEN``, the months the intake form promises)
  lose the name and contact details, and so do their notes, their audit log entries and the e-mails
  sent to that address. The idea itself stays, for the makelaar's overview of what was asked.
- ``export_for(email)`` and ``erase_for(email)`` answer a resident's request (inzage, verwijdering),
  from the command line or the admin view in ``privacy_views``.

Nothing here writes a name, an address or a number to the log: only counts.
"""

import calendar
import logging
import re

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

from portal.models import Bericht

from ..models import Bijdrage, Idee, Notitie, Talent
from ..models.makelaar import CLOSED_STATUSES
from .signalen import PATTERNS

logger = logging.getLogger(__name__)

GEWIST = "(gewist)"
ANDER_ADRES = "(iemand anders)"
FREE_TEXT = {Idee: ("idee", "voor_wie", "nodig", "goed_in", "wie_nog"), Talent: ("toelichting",)}
# The signal's patterns (e-mail, postcode with number, street with number), and a phone pattern that,
# unlike the signal's, stops at the last digit: "bel 06-12345678 of" keeps the space before "of".
PHONE = re.compile(r"(?<!\d)(?:\+31|0031|0)[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){8}(?!\d)")
SCRUB_PATTERNS = [PHONE if label == "een telefoonnummer" else pattern for pattern, label in PATTERNS]
# Parts of a Dutch name that are not a name on their own: "Ans de Vries" scrubs "Ans" and "Vries".
TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "'t", "la", "le", "du"}


# --- Scrubbing text ---


def _literals_pattern(literals):
    """One pattern for the person's own name (and its parts), e-mail address and phone number."""
    words = set()
    for literal in literals:
        literal = " ".join((literal or "").split())
        if len(literal) < 2 or literal == GEWIST:
            continue
        words.add(literal)
        if "@" not in literal:
            words.update(
                part for part in literal.split() if len(part) >= 3 and part.lower() not in TUSSENVOEGSELS
            )
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def scrub_text(text, literals=()):
    """Replace e-mail addresses, phone numbers and home addresses (what a signal refuses) and the
    given name, e-mail and phone number by "(gewist)". Everything else stays as it was."""
    if not text:
        return text
    for pattern in SCRUB_PATTERNS:
        text = pattern.sub(GEWIST, text)
    own = _literals_pattern(literals)
    if own is not None:
        text = own.sub(GEWIST, text)
    return text


def _scrub_json(value, literals):
    if isinstance(value, str):
        return scrub_text(value, literals)
    if isinstance(value, list):
        return [_scrub_json(v, literals) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_json(v, literals) for k, v in value.items()}
    return value


def _address_pattern(email):
    return re.compile(rf"(?<![\w.+-]){re.escape(email)}(?![\w-]|\.\w)", re.IGNORECASE)


# --- The pieces: log entries, e-mails ---


def _scrub_log_entries(entries, literals, label=None):
    """Scrub the data of these log entries, and their label (``str(item)`` at the time: a talent's name,
    the start of an idea). An anonymised item passes its new ``str()`` as the label: an old label may
    end in a cut-off address that no pattern recognises."""
    changed = 0
    for entry in entries.only("pk", "label", "data"):
        new_label = scrub_text(entry.label, literals) if label is None else label
        new_data = _scrub_json(entry.data, literals)
        if (new_label, new_data) != (entry.label, entry.data):
            type(entry).objects.filter(pk=entry.pk).update(label=new_label, data=new_data)
            changed += 1
    return changed


def _notes_of(model, pks):
    return Notitie.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)


def _model_log_entries(model, pks):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in pks]
    )


def _berichten_for(email, before=None):
    """The stored e-mails sent to this address, with it as reply-to, or naming it in the text."""
    email = (email or "").strip()
    if not email:
        return []
    queryset = Bericht.objects.filter(
        Q(aan__icontains=email)
        | Q(reply_to__icontains=email)
        | Q(tekst__icontains=email)
        | Q(html__icontains=email)
    )
    if before is not None:
        queryset = queryset.filter(aangemaakt_op__lt=before)
    pattern = _address_pattern(email)
    return [
        bericht
        for bericht in queryset
        if pattern.search(" ".join(map(str, bericht.aan)))
        or pattern.search(" ".join(map(str, bericht.reply_to)))
        or pattern.search(bericht.tekst)
        or pattern.search(bericht.html)
    ]


def _scrub_berichten(email, literals, before=None):
    berichten = _berichten_for(email, before)
    for bericht in berichten:
        onderwerp = scrub_text(bericht.onderwerp, literals)
        if bericht.soort == "bericht":
            # "Bericht over <initiatief> van <naam>": the visitor's name is stored nowhere else.
            onderwerp = re.sub(r" van .*$", f" van {GEWIST}", onderwerp, count=1)
        update = {"aan": [], "reply_to": [], "tekst": GEWIST, "html": "", "onderwerp": onderwerp}
        if bericht.status == "wacht":  # never send an erased e-mail
            update.update(status="mislukt", laatste_fout="gewist")
        Bericht.objects.filter(pk=bericht.pk).update(**update)
    return len(berichten)


def _contact_literals(person):
    return [person.naam, person.email, person.telefoon]


# --- Purge after the retention period ---


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier (31 March minus 1 month: 28/29 February)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _anonymise_item(item, cutoff, counts, now):
    literals = _contact_literals(item)
    model = type(item)
    update = {field: scrub_text(getattr(item, field), literals) for field in FREE_TEXT[model]}
    update.update(naam=GEWIST, email="", telefoon="", geanonimiseerd_op=now)
    model.objects.filter(pk=item.pk).update(**update)
    counts["notities"] += _notes_of(model, [item.pk]).update(tekst=GEWIST)
    label = str(model.objects.get(pk=item.pk))
    counts["logregels"] += _scrub_log_entries(_model_log_entries(model, [item.pk]), literals, label)
    counts["berichten"] += _scrub_berichten(item.email, literals, before=cutoff)


def _anonymise_bijdrage(bijdrage, counts, before=None):
    literals = _contact_literals(bijdrage)
    Bijdrage.objects.filter(pk=bijdrage.pk).update(
        naam=GEWIST,
        email="",
        telefoon="",
        opmerking_redactie=scrub_text(bijdrage.opmerking_redactie, literals),
    )
    label = str(Bijdrage.objects.select_related("page").get(pk=bijdrage.pk))
    counts["logregels"] += _scrub_log_entries(_model_log_entries(Bijdrage, [bijdrage.pk]), literals, label)
    counts["logregels"] += _scrub_log_entries(PageLogEntry.objects.filter(page_id=bijdrage.page_id), literals)
    counts["berichten"] += _scrub_berichten(bijdrage.email, literals, before=before)


def _scrub_orphan_log_entries():
    """Log entries of ideas, talents and contributions that were deleted in the admin keep their label
    (a talent's name, a contribution's sender): there is nothing left to keep it for."""
    changed = 0
    for model in (Idee, Talent, Bijdrage):
        existing = model.objects.annotate(pk_text=Cast("pk", CharField())).values("pk_text")
        orphans = (
            ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
            .exclude(object_id__in=existing)
            .exclude(label=GEWIST)
        )
        changed += orphans.update(label=GEWIST, data={})
    return changed


def _empty_counts():
    return dict.fromkeys(("ideeen", "talenten", "notities", "logregels", "berichten", "bijdragen"), 0)


def purge(months=None, now=None, dry_run=False):
    """Anonymise what has been kept long enough. Returns the counts per kind; ``dry_run`` counts only.

    Ideas and talents closed (afgerond, niet doorgegaan) more than ``months`` months ago: name and
    contact gone, contact details scrubbed from the free text; their notes, audit log entries and the
    e-mails to that address from before the cut-off too. Contributions whose page is not live and that
    have not changed for ``months`` months lose their sender's contact. Safe to run again."""
    from .forms import bewaartermijn_maanden

    months = bewaartermijn_maanden() if months is None else months
    now = now or timezone.now()
    cutoff = months_before(now, months)
    counts = _empty_counts()
    with transaction.atomic():
        for model, key in ((Idee, "ideeen"), (Talent, "talenten")):
            items = model.objects.filter(
                status__in=CLOSED_STATUSES, afgesloten_op__lt=cutoff, geanonimiseerd_op__isnull=True
            )
            for item in items:
                _anonymise_item(item, cutoff, counts, now)
                counts[key] += 1
        bijdragen = Bijdrage.objects.filter(page__live=False, ingediend_op__lt=cutoff).exclude(
            naam=GEWIST, email=""
        )
        for bijdrage in bijdragen:
            _anonymise_bijdrage(bijdrage, counts, before=cutoff)
            counts["bijdragen"] += 1
        counts["logregels"] += _scrub_orphan_log_entries()
        if dry_run:
            transaction.set_rollback(True)
    logger.info("AVG-opschoning%s: %s", " (proefdraai)" if dry_run else "", counts)
    return counts


# --- One resident's request ---


def _iso(value):
    return value.isoformat() if value else None


def _items_for(email):
    email = email.strip()
    ideeen = Idee.objects.filter(email__iexact=email).select_related("wijk", "thema")
    talenten = Talent.objects.filter(email__iexact=email).select_related("thema")
    return ideeen, talenten


def _notities(model, pk):
    return [{"tekst": notitie.tekst, "op": _iso(notitie.aangemaakt_op)} for notitie in _notes_of(model, [pk])]


def _geschiedenis(model, pk):
    return [
        {"actie": entry.action, "op": _iso(entry.timestamp), "gegevens": entry.data}
        for entry in _model_log_entries(model, [pk]).order_by("timestamp")
    ]


def _queue_item(item):
    model = type(item)
    return {
        "id": item.pk,
        "naam": item.naam,
        "e-mailadres": item.email,
        "telefoon": item.telefoon,
        "taal": item.taal,
        "toestemming_gegeven_op": _iso(item.toestemming_op),
        "binnengekomen_op": _iso(item.aangemaakt_op),
        "status": str(item.get_status_display()),
        "afgesloten_op": _iso(item.afgesloten_op),
        "contactgegevens_gewist_op": _iso(item.geanonimiseerd_op),
        "thema": item.thema.naam if item.thema else None,
        "notities": _notities(model, item.pk),
        "geschiedenis": _geschiedenis(model, item.pk),
    }


def _only_own(addresses, own):
    """Another person's address stays hidden (a relayed message never shows the initiator's address)."""
    return [address if own.search(str(address)) else ANDER_ADRES for address in addresses]


def export_for(email):
    """Everything stored about this e-mail address (case-insensitive), as a JSON-serialisable dict."""
    email = email.strip()
    own = _address_pattern(email)
    ideeen, talenten = _items_for(email)
    bijdragen = Bijdrage.objects.filter(email__iexact=email).select_related("page")
    return {
        "e-mailadres": email,
        "gemaakt_op": _iso(timezone.now()),
        "ideeen": [
            _queue_item(idee)
            | {
                "wijk": idee.wijk.naam,
                "idee": idee.idee,
                "voor_wie": idee.voor_wie,
                "wat_is_nodig": idee.nodig,
                "waar_ben_je_goed_in": idee.goed_in,
                "wie_doen_er_mee": idee.wie_nog,
            }
            for idee in ideeen
        ],
        "talenten": [
            _queue_item(talent)
            | {
                "vaardigheden": sorted(tag.name for tag in talent.vaardigheden.all()),
                "toelichting": talent.toelichting,
                "tijd": str(talent.get_tijd_display()),
                "wanneer": talent.get_dagdelen_display(),
                "wijken": sorted(wijk.naam for wijk in talent.wijken.all()),
            }
            for talent in talenten.prefetch_related("vaardigheden", "wijken")
        ],
        "bijdragen": [
            {
                "id": bijdrage.pk,
                "pagina": bijdrage.page.title,
                "soort": str(bijdrage.get_soort_display()),
                "naam": bijdrage.naam,
                "e-mailadres": bijdrage.email,
                "telefoon": bijdrage.telefoon,
                "taal": bijdrage.taal,
                "status": str(bijdrage.get_status_display()),
                "eerste_keer_ingestuurd_op": _iso(bijdrage.aangemaakt_op),
                "laatste_wijziging_op": _iso(bijdrage.ingediend_op),
                "beoordeeld_op": _iso(bijdrage.beoordeeld_op),
                "opmerking_redactie": bijdrage.opmerking_redactie,
            }
            for bijdrage in bijdragen
        ],
        "berichten": [
            {
                "aan": _only_own(bericht.aan, own),
                "antwoorden_naar": _only_own(bericht.reply_to, own),
                "onderwerp": bericht.onderwerp,
                "tekst": bericht.tekst,
                "status": str(bericht.get_status_display()),
                "aangemaakt_op": _iso(bericht.aangemaakt_op),
                "verstuurd_op": _iso(bericht.verstuurd_op),
            }
            for bericht in sorted(_berichten_for(email), key=lambda b: b.aangemaakt_op)
        ],
    }


def erase_for(email):
    """Erase this address: its ideas and talents (with notes and log entries) are deleted, its
    contributions keep the page but lose the sender, its e-mails are emptied. Returns the counts."""
    email = email.strip()
    counts = _empty_counts()
    if not email:
        return counts
    ideeen, talenten = _items_for(email)
    literals = [email]
    with transaction.atomic():
        for queryset, key in ((ideeen, "ideeen"), (talenten, "talenten")):
            model = queryset.model
            items = list(queryset)
            pks = [item.pk for item in items]
            literals += [value for item in items for value in _contact_literals(item)]
            counts["notities"] += _notes_of(model, pks).delete()[0]
            counts["logregels"] += _model_log_entries(model, pks).delete()[0]
            counts[key] = model.objects.filter(pk__in=pks).delete()[1].get(model._meta.label, 0)
        bijdragen = list(Bijdrage.objects.filter(email__iexact=email))
        literals += [value for bijdrage in bijdragen for value in _contact_literals(bijdrage)]
        for bijdrage in bijdragen:
            _anonymise_bijdrage(bijdrage, counts)
            counts["bijdragen"] += 1
        counts["berichten"] += _scrub_berichten(email, literals)
    logger.info("Persoonsgegevens op verzoek gewist: %s", counts)
    return counts


PURGE_LABELS = {
    "ideeen": "ideeën: naam en contactgegevens gewist",
    "talenten": "talenten: naam en contactgegevens gewist",
    "bijdragen": "bewonersbijdragen: contactgegevens gewist",
    "notities": "notities gewist",
    "logregels": "regels in de geschiedenis opgeschoond",
    "berichten": "e-mails leeggemaakt",
}
ERASE_LABELS = PURGE_LABELS | {
    "ideeen": "ideeën verwijderd",
    "talenten": "talenten verwijderd",
    "notities": "notities verwijderd",
    "logregels": "regels in de geschiedenis verwijderd of opgeschoond",
}


def describe(counts, labels=PURGE_LABELS, skip_zero=False):
    """The counts in plain Dutch, one line per kind: "3 ideeën verwijderd"."""
    return [f"{counts[key]} {label}" for key, label in labels.items() if counts[key] or not skip_zero]


def summary_for(email):
    """How much is stored about this address, for the confirmation before erasing."""
    data = export_for(email)
    return {key: len(data[key]) for key in ("ideeen", "talenten", "bijdragen", "berichten")}
