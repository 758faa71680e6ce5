"""The e-mails of the makelaar's queue: a new item for the wijk's makelaars, a status change for the
resident, an introduction after a match, and the question how it went. Staff get Dutch; a resident gets
the language of the form they filled in."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext_lazy

from portal.mail import supported_language
from portal.translations import title_in_language, url_in_language

from ..meedoen.emails import STAFF_LANGUAGE, base_url, contact_language, send


def _queue_item(kind, pk):
    from ..models import Idee, Signaal, Talent

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
        send("makelaar_nieuw", ctx, to, _("Nieuw %(soort)s in %(wijk)s") % ctx)


def send_status_change(kind, pk):
    """Every status change of an idea or talent is told to the resident, with the editable text."""
    from wagtail.models import Site

    from ..models import MakelaarInstellingen

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
        send("status_wijziging", ctx, [item.email], subject)


def send_introductions(koppeling_pk):
    """'Koppel': introduce the talent and the initiative (or activity) to each other."""
    from ..models import Koppeling
    from .matching_views import page_contact

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
            send(
                "kennismaking_talent",
                ctx
                | {
                    "contact_naam": public_naam,
                    "titel": titel,
                    "page_url": base_url() + (url_in_language(page) or ""),
                },
                [talent.email],
                _("Kennismaking: %(titel)s") % {"titel": titel},
                reply_to=reply_to,
            )
    if contact_email:
        with translation.override(contact_language(page, contact_email)):
            titel = title_in_language(page)
            send(
                "kennismaking_initiatief",
                ctx | {"titel": titel, "page_url": base_url() + (url_in_language(page) or "")},
                [contact_email],
                _("Iemand wil helpen bij %(titel)s") % {"titel": titel},
                reply_to=reply_to,
            )


def ask_outcomes(today=None):
    """Four weeks after a 'Koppel': ask the makelaar whether it led to a match. Returns the number asked."""
    from ..models import Koppeling
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
                send("navragen", ctx, [makelaar.email], subject)
            asked += 1
        Koppeling.objects.filter(pk=koppeling.pk).update(nagevraagd_op=timezone.now())
    return asked
