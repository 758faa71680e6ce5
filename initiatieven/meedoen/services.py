"""What happens to a resident's contribution: a draft page, moderation, changes, a cancelled date.

Pages made here are drafts under the agenda or the initiatives index. They enter the "Bewonersbijdragen"
workflow, so an editor approves or rejects them in Wagtail's own moderation screens. The person who sent
them is stored in ``Bijdrage``, never on the page.
"""

import datetime as dt

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from activiteiten.models import ActiviteitPage, AgendaPage, SpreekuurPage, Tijdslot, Uitzondering
from activiteiten.occurrences import rebuild_occurrences, window
from activiteiten.recurrence import Schedule, expand

from ..models import Behoefte, Bijdrage, InitiatiefPage, InitiatievenIndexPage
from . import emails, uploads
from .forms import _text_to_body

WORKFLOW_NAME = "Bewonersbijdragen"
TASK_NAME = "Controle door de redactie"
MODERATOR_GROUPS = ["Redacteuren", "Moderators"]


class NoIndexPage(Exception):
    """The site has no agenda or initiatives page to put the contribution under."""


# --- Moderation ---------------------------------------------------------------------------------------


def ensure_workflow():
    """The "Bewonersbijdragen" workflow on the agenda and the initiatives index, unless editors set
    another workflow on those pages themselves (Wagtail's default one on the root does not count).
    Safe to call often."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
        task.groups.set(Group.objects.filter(name__in=MODERATOR_GROUPS))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    default = Locale.get_default()
    for model in (AgendaPage, InitiatievenIndexPage):
        for index in model.objects.filter(locale=default):
            WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def moderators():
    """Active users who can approve contributions and have an e-mail address."""
    from django.contrib.auth import get_user_model

    groups = GroupApprovalTask.objects.filter(workflow_tasks__workflow__name=WORKFLOW_NAME).values("groups")
    return get_user_model().objects.filter(is_active=True, groups__in=groups).exclude(email="").distinct()


def submit_for_moderation(page):
    """Start (or restart) moderation for the page's latest revision."""
    ensure_workflow()
    workflow = page.get_workflow()
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return state  # the editor will see the newest revision when approving
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.cancel(user=None)
    return workflow.start(page, None)


# --- New contributions ----------------------------------------------------------------------------------


def _index(model):
    index = model.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise NoIndexPage(model)
    return index


def _unique_slug(parent, title):
    base = slugify(title)[:70] or "bijdrage"
    slug, n = base, 1
    taken = set(Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True))
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _photo(cleaned, title):
    photo = cleaned.get("photo")
    if not photo:
        return None
    image = uploads.store_image(*photo, title=cleaned.get("foto_beschrijving") or title)
    if cleaned.get("foto_bewaard"):
        uploads.drop_pending(cleaned["foto_bewaard"])
    return image


def _activity_fields(cleaned):
    return {
        "title": cleaned["titel"],
        "intro": cleaned["intro"],
        "body": _text_to_body(cleaned.get("beschrijving")),
        "organisator_naam": cleaned["organisator_naam"],
        "wijken": list(cleaned["wijken"]),
        "heel_de_stad": cleaned["heel_de_stad"],
        "themas": list(cleaned["themas"]),
        "doelgroepen": list(cleaned["doelgroepen"]),
        "locatie": cleaned.get("locatie"),
        "adres_vrij": cleaned.get("adres_vrij", "").strip(),
        "online": cleaned["online"],
        "kosten": cleaned["kosten"],
        "bedrag": cleaned.get("bedrag") if cleaned["kosten"] == "bedrag" else None,
        "aanmelden": cleaned["aanmelden"],
        "aanmelden_hoe": cleaned.get("aanmelden_hoe", "").strip(),
        "iemand_mag_mee": cleaned["iemand_mag_mee"],
        "talen": list(cleaned["talen"]),
        "start_datum": cleaned["start_datum"],
        "eind_datum": cleaned.get("einddatum"),
        "recurrence": cleaned["rule"],
        "tijdsloten": [
            Tijdslot(start_tijd=cleaned["begintijd"], eind_tijd=cleaned["eindtijd"], sort_order=0)
        ],
    }


def _initiative_fields(cleaned):
    return {
        "title": cleaned["titel"],
        "intro": cleaned["intro"],
        "body": _text_to_body(cleaned.get("beschrijving")),
        "initiatiefnemer": cleaned["initiatiefnemer"],
        "status": cleaned["status"],
        "wijken": list(cleaned["wijken"]),
        "heel_de_stad": cleaned["heel_de_stad"],
        "themas": list(cleaned["themas"]),
        "behoeften": [
            Behoefte(soort=soort, tekst=tekst, sort_order=i)
            for i, (soort, tekst) in enumerate(cleaned["needs"])
        ],
    }


@transaction.atomic
def create_contribution(kind, cleaned, request=None, notify=True):
    """A draft page in the right index, in moderation, with the private Bijdrage. Returns the Bijdrage.
    ``notify=False`` skips the confirmation e-mail (the demo loader)."""
    if kind == "initiatief":
        parent, model, fields = _index(InitiatievenIndexPage), InitiatiefPage, _initiative_fields(cleaned)
    else:
        parent = _index(AgendaPage)
        model = SpreekuurPage if kind == "spreekuur" else ActiviteitPage
        fields = _activity_fields(cleaned)
        if kind == "spreekuur":
            fields["onderwerpen"] = cleaned.get("onderwerpen", "").strip()
            # A walk-in hour you can also make an appointment for is still a walk-in hour.
    fields["afbeelding"] = _photo(cleaned, cleaned["titel"])
    page = model(slug=_unique_slug(parent, cleaned["titel"]), live=False, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    if kind == "initiatief" and cleaned.get("skills"):
        page.vaardigheden.set(cleaned["skills"])
        page.save()
    page.save_revision(log_action=True)
    bijdrage = Bijdrage.objects.create(
        page=page,
        soort=kind,
        naam=cleaned["naam"],
        email=cleaned["email"],
        telefoon=cleaned.get("telefoon", ""),
        taal=emails.submitter_language(request),  # its e-mails go in the language of the form
    )
    submit_for_moderation(page)
    if notify:
        transaction.on_commit(lambda: emails.send_confirmation(bijdrage.pk, request))
    return bijdrage


# --- Changes through the private edit link ----------------------------------------------------------------


ACTIVITY_FIELD_MAP = {
    "titel": ["title"],
    "intro": ["intro"],
    "beschrijving": ["body"],
    "onderwerpen": ["onderwerpen"],
    "organisator_naam": ["organisator_naam"],
    "wijken": ["wijken"],
    "heel_de_stad": ["heel_de_stad"],
    "themas": ["themas"],
    "doelgroepen": ["doelgroepen"],
    "locatie": ["locatie"],
    "adres_vrij": ["adres_vrij"],
    "online": ["online"],
    "kosten": ["kosten", "bedrag"],
    "bedrag": ["bedrag"],
    "aanmelden": ["aanmelden"],
    "aanmelden_hoe": ["aanmelden_hoe"],
    "iemand_mag_mee": ["iemand_mag_mee"],
    "talen": ["talen"],
    "einddatum": ["eind_datum"],
    "begintijd": ["tijdsloten"],
    "eindtijd": ["tijdsloten"],
}
SCHEDULE_FIELDS = {"herhaling", "datum", "weekdag", "week_van_maand"}


@transaction.atomic
def propose_changes(bijdrage, form):
    """Apply the fields the person changed to a new revision and send it through moderation again.
    Fields they did not touch keep what editors may have written there."""
    page = bijdrage.page.specific.get_latest_revision_as_object()
    cleaned, changed = form.cleaned_data, set(form.changed_data)
    if isinstance(page, InitiatiefPage):
        fields = _initiative_fields(cleaned)
        wanted = {
            "titel": "title",
            "intro": "intro",
            "beschrijving": "body",
            "initiatiefnemer": "initiatiefnemer",
        }
        wanted.update(
            {"status": "status", "wijken": "wijken", "heel_de_stad": "heel_de_stad", "themas": "themas"}
        )
        for form_field, attr in wanted.items():
            if form_field in changed:
                setattr(page, attr, fields[attr])
        if any(name.startswith("behoefte_") for name in changed):
            page.behoeften = fields["behoeften"]
        if "vaardigheden" in changed:
            page.vaardigheden.set(cleaned["skills"])
    else:
        fields = _activity_fields(cleaned)
        fields["onderwerpen"] = cleaned.get("onderwerpen", "").strip()
        for form_field, attrs in ACTIVITY_FIELD_MAP.items():
            if form_field in changed:
                for attr in attrs:
                    if attr == "onderwerpen" and not hasattr(page, "onderwerpen"):
                        continue
                    setattr(page, attr, fields[attr])
        if changed & SCHEDULE_FIELDS and cleaned.get("rule") is not None:
            page.recurrence = cleaned["rule"]
            page.start_datum = cleaned["start_datum"]
    image = _photo(cleaned, page.title)
    if image:
        page.afbeelding = image
    page.save_revision(log_action=True)
    Bijdrage.objects.filter(pk=bijdrage.pk).update(
        status="wacht", ingediend_op=timezone.now(), beoordeeld_op=None
    )
    submit_for_moderation(page)
    return page


def upcoming_dates(page, limit=60):
    """The coming dates of the series that can still be cancelled (from the latest version of the page)."""
    latest = page.get_latest_revision_as_object()
    now = timezone.now()
    planned = expand(Schedule.from_page(latest), *window())
    # A moved date is cancelled through its own series date, which is not offered here.
    return [p.datum for p in planned if p.end > now and p.status in ("gepland", "gewijzigd")][:limit]


def _patch_revisions(page, change):
    """Apply ``change(obj)`` to the live and the latest revision, so neither a pending proposal nor a later
    revert brings a cancelled date back."""
    revisions = {r.pk: r for r in (page.live_revision, page.latest_revision) if r is not None}
    for revision in revisions.values():
        obj = revision.as_object()
        change(obj)
        revision.content = obj.serializable_data()
        revision.save(update_fields=["content"])


@transaction.atomic
def cancel_date(bijdrage, datum, toelichting=""):
    """Cancel one date at once: on the live page, in its revisions, in the agenda. Editors are told."""
    page = bijdrage.page.specific
    toelichting = toelichting.strip() or "Gaat niet door"

    def change(obj):
        kept = [u for u in obj.uitzonderingen.all() if u.datum != datum]
        obj.uitzonderingen = kept + [
            Uitzondering(datum=datum, soort="vervalt", toelichting=toelichting, sort_order=len(kept))
        ]

    Uitzondering.objects.filter(page=page, datum=datum).delete()
    Uitzondering.objects.create(
        page=page,
        datum=datum,
        soort="vervalt",
        toelichting=toelichting,
        sort_order=page.uitzonderingen.count(),
    )
    _patch_revisions(page, change)
    rebuild_occurrences(page)
    log(
        instance=page,
        action="initiatieven.datum_vervalt",
        data={"datum": datum.isoformat(), "toelichting": toelichting},
    )
    transaction.on_commit(
        lambda: emails.notify_editors_cancelled(bijdrage.pk, datum.isoformat(), toelichting)
    )


@transaction.atomic
def stop_series(bijdrage, vanaf, toelichting=""):
    """No dates from ``vanaf`` on. A series that would have no dates left goes offline."""
    page = bijdrage.page.specific
    eind = vanaf - dt.timedelta(days=1)
    if eind < page.start_datum:
        if page.live:
            page.unpublish(user=None, log_action=True)
        offline = True
    else:
        offline = False
        type(page).objects.filter(pk=page.pk).update(eind_datum=eind)

        def change(obj):
            if obj.eind_datum is None or obj.eind_datum > eind:
                obj.eind_datum = eind

        _patch_revisions(page, change)
        rebuild_occurrences(page)
    log(
        instance=page,
        action="initiatieven.reeks_gestopt",
        data={"vanaf": vanaf.isoformat(), "toelichting": toelichting, "offline": offline},
    )
    transaction.on_commit(
        lambda: emails.notify_editors_stopped(bijdrage.pk, vanaf.isoformat(), toelichting, offline)
    )
    return offline


# --- From the makelaar's queue to a page ---------------------------------------------------------------


@transaction.atomic
def draft_initiative(*, title, intro, wijk, thema=None, need="", user=None):
    """A draft InitiatiefPage for the makelaar to finish in the page editor. Nothing is published and no
    resident's name goes on it: the makelaar fills in who runs it."""
    parent = _index(InitiatievenIndexPage)
    page = InitiatiefPage(
        title=title[:255],
        slug=_unique_slug(parent, title),
        intro=intro[:400],
        initiatiefnemer=f"Bewoners uit {wijk.naam}",
        status="in_opbouw",
        live=False,
        locale=parent.locale,
        wijken=[wijk],
        themas=[thema] if thema else [],
        behoeften=[Behoefte(soort="helpers", tekst=need[:200], sort_order=0)] if need.strip() else [],
        owner=user,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def idea_to_initiative(idee, user=None):
    text = " ".join(idee.idee.split())
    title = text if len(text) <= 70 else text[:70].rsplit(" ", 1)[0] + "…"
    page = draft_initiative(
        title=title,
        intro=text,
        wijk=idee.wijk,
        thema=idee.thema,
        need=" ".join(idee.nodig.split()),
        user=user,
    )
    type(idee).objects.filter(pk=idee.pk).update(initiatief=page)
    log(instance=idee, action="initiatieven.initiatief_gemaakt", user=user, data={"pagina": page.pk})
    return page


def bundle_to_initiative(bundel, user=None):
    page = draft_initiative(
        title=bundel.naam,
        intro=bundel.notitie or bundel.naam,
        wijk=bundel.wijk,
        thema=bundel.thema,
        user=user,
    )
    type(bundel).objects.filter(pk=bundel.pk).update(pagina=page)
    log(instance=bundel, action="initiatieven.initiatief_gemaakt", user=user, data={"pagina": page.pk})
    return page


def bundle_to_activity(bundel, user=None):
    """A draft activity for a bundel; the makelaar or editor fills in the date, time and place."""
    parent = _index(AgendaPage)
    start = timezone.localdate() + dt.timedelta(days=14)
    with transaction.atomic():
        page = ActiviteitPage(
            title=bundel.naam[:255],
            slug=_unique_slug(parent, bundel.naam),
            intro=(bundel.notitie or bundel.naam)[:400],
            live=False,
            locale=parent.locale,
            wijken=[bundel.wijk],
            themas=[bundel.thema] if bundel.thema else [],
            start_datum=start,
            tijdsloten=[Tijdslot(start_tijd=dt.time(10), eind_tijd=dt.time(12), sort_order=0)],
            owner=user,
        )
        parent.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        type(bundel).objects.filter(pk=bundel.pk).update(pagina=page)
        log(instance=bundel, action="initiatieven.activiteit_gemaakt", user=user, data={"pagina": page.pk})
    return page
