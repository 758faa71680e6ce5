"""Admin views of the sociaal makelaar's queue, built on Wagtail's generic model views.

Scope is enforced in two places, so a URL that is guessed or reached through another screen (history,
usage, export) never shows or changes an item of another wijk:
- the permission policy (menu, buttons, "may this user do X at all"), and
- ``ScopedObjectMixin`` / the index queryset (which items exist for this user: others give a 404).
"""

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from activiteiten.recurrence import dutch_holidays

from ..models.makelaar import CLOSED_STATUSES, Notitie, Signaal, Status
from .queue import is_makelaar, makelaar_wijk_ids, may_handle, scoped

NIEUW_MAX_WERKDAGEN = 5


def working_days_since(moment, today=None):
    """Working days (no weekends, no Dutch public holidays) from ``moment`` up to today."""
    start = timezone.localtime(moment).date()
    today = today or timezone.localdate()
    holidays = {}
    for year in range(start.year, today.year + 1):
        holidays.update(dutch_holidays(year))
    days, day = 0, start
    while day < today:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            days += 1
    return days


class MakelaarPolicy(ModelPermissionPolicy):
    """Model permissions, and on top: only makelaars (linked to a wijk) or superusers, and per item only
    the items of their wijken. Professionals with the add permission may log a signal."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        if not is_makelaar(user) and not (self.model is Signaal and action == "add"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_handle(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scoped(self.model._default_manager.all(), user)


class ScopedObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not may_handle(self.request.user, obj):
            raise Http404
        return obj


# --- Listing ---


class StatusColumn(Column):
    """The status, and for items that stay 'Nieuw' too long: how long, in bold."""

    def get_value(self, instance):
        label = instance.get_status_display()
        if instance.status != Status.NIEUW:
            return label
        days = working_days_since(instance.aangemaakt_op)
        if days > NIEUW_MAX_WERKDAGEN:
            return format_html(
                '<strong class="queue-overdue">{} · {}</strong>', label, _("%(n)s werkdagen") % {"n": days}
            )
        return label


class PersonColumn(Column):
    def get_value(self, instance):
        user = getattr(instance, self.name)
        return (user.get_full_name() or user.get_username()) if user else ""


class WijkColumn(Column):
    def get_value(self, instance):
        if hasattr(instance, "wijk"):
            return instance.wijk.naam
        return ", ".join(w.naam for w in instance.wijken.all())


class QueueIndexView(generic.IndexView):
    def dispatch(self, request, *args, **kwargs):
        # A generalist who may only log signals goes straight to the form.
        policy = self.permission_policy
        user = request.user
        if (
            user.is_authenticated
            and not policy.user_has_permission(user, "view")
            and policy.user_has_permission(user, "add")
            and self.add_url_name
        ):
            return redirect(self.add_url_name)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        queryset = scoped(super().get_base_queryset(), self.request.user)
        related = ["thema", "toegewezen_aan"] if hasattr(self.model, "toegewezen_aan") else ["thema"]
        if hasattr(self.model, "wijk"):
            queryset = queryset.select_related("wijk", *related)
        else:
            queryset = queryset.select_related(*related).prefetch_related("wijken", "vaardigheden")
        return queryset


# --- One item ---


class QueueItemForm(WagtailAdminModelForm):
    """Assignment only to makelaars who may handle the item (or the superusers)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("toegewezen_aan")
        if field is not None:
            User = get_user_model()
            wijken = self.instance.wijk_ids() if self.instance.pk else set()
            field.queryset = (
                User.objects.filter(is_active=True)
                .filter(models_q_makelaar_of(wijken))
                .distinct()
                .order_by("first_name", "username")
            )
            field.label_from_instance = lambda user: user.get_full_name() or user.username

    def clean(self):
        cleaned = super().clean()
        assignee = cleaned.get("toegewezen_aan")
        if assignee is not None and not assignee.is_superuser:
            if "wijk" in cleaned and cleaned["wijk"] is not None:
                wijken = {cleaned["wijk"].pk}
            elif "wijken" in cleaned:
                wijken = {w.pk for w in cleaned["wijken"]}
            else:
                wijken = self.instance.wijk_ids() if self.instance.pk else set()
            if not wijken & makelaar_wijk_ids(assignee):
                self.add_error(
                    "toegewezen_aan",
                    _("%(naam)s is geen makelaar van deze wijk en kan dit niet zien.")
                    % {"naam": assignee.get_full_name() or assignee.get_username()},
                )
        return cleaned


def models_q_makelaar_of(wijken):
    from django.db.models import Q

    return Q(is_superuser=True) | Q(makelaar_wijken__in=wijken)


def record_status_change(item, old_status, user):
    """Dates, the audit log, and (after commit) the e-mail to the resident."""
    from . import emails

    now = timezone.now()
    item.status_sinds = now
    item.afgesloten_op = now if item.status in CLOSED_STATUSES else None
    type(item).objects.filter(pk=item.pk).update(
        status_sinds=item.status_sinds, afgesloten_op=item.afgesloten_op
    )
    log(
        instance=item,
        action="initiatieven.status",
        user=user,
        data={"van": old_status, "naar": item.status},
    )
    kind = type(item).__name__.lower()
    transaction.on_commit(lambda: emails.send_status_change(kind, item.pk))


class QueueEditView(ScopedObjectMixin, generic.EditView):
    def save_instance(self):
        if not hasattr(self.object, "status"):  # a bundel has no status of its own
            return super().save_instance()
        old_status = (
            type(self.object).objects.filter(pk=self.object.pk).values_list("status", flat=True).first()
        )
        instance = super().save_instance()
        if old_status != instance.status:
            record_status_change(instance, old_status, self.request.user)
        return instance


class QueueInspectView(ScopedObjectMixin, generic.InspectView):
    template_name = "initiatieven/admin/queue_inspect.html"

    def get_page_subtitle(self):
        return getattr(self.object, "summary", None) or str(self.object)

    def get_field_display_value(self, field_name, field):
        if field_name == "dagdelen":
            return self.object.get_dagdelen_display() or "—"
        if field_name == "vaardigheden":
            return ", ".join(sorted(t.name for t in self.object.vaardigheden.all())) or "—"
        if field_name == "wijken":
            return ", ".join(w.naam for w in self.object.wijken.all()) or "—"
        if field_name in ("ideeen", "signalen", "talenten"):
            return "; ".join(i.summary for i in getattr(self.object, field_name).all()) or "—"
        value = super().get_field_display_value(field_name, field)
        return "—" if value in (None, "") else value

    def get_context_data(self, **kwargs):
        from ..models import Bundel, Idee, Koppeling, Talent
        from .bundling import similar_items

        context = super().get_context_data(**kwargs)
        item = self.object
        user = self.request.user
        is_queue_item = hasattr(item, "status")
        context.update(
            item=item,
            is_queue_item=is_queue_item,
            notities=item.notities.select_related("auteur") if is_queue_item else [],
            notitie_url=self.request.path + "notitie/",
            toewijzen_url=self.request.path + "toewijzen/",
            status_url=self.request.path + "status/",
            statussen=Status.choices,
            is_mine=getattr(item, "toegewezen_aan_id", None) == user.pk,
            can_change=self.permission_policy.user_has_permission_for_instance(user, "change", item),
            similar=similar_items(item, user) if is_queue_item else [],
            initiatief_url=self.request.path + "initiatief/" if isinstance(item, (Idee, Bundel)) else "",
            activiteit_url=self.request.path + "activiteit/" if isinstance(item, Bundel) else "",
            initiatief=getattr(item, "initiatief", None) or getattr(item, "pagina", None),
        )
        if isinstance(item, Talent):
            from .matching import suggestions_for_talent

            context["suggestions"] = suggestions_for_talent(item, limit=5) if item.is_open else []
            context["koppelingen"] = item.koppelingen.select_related("pagina")
            context["uitkomsten"] = Koppeling.UITKOMSTEN
        return context


class QueueDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class QueueHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class QueueUsageView(ScopedObjectMixin, usage.UsageView):
    pass


# --- Quick actions from the inspect view (POST only) ---


def item_for_change(request, model, pk, policy):
    item = get_object_or_404(scoped(model._default_manager.all(), request.user), pk=pk)
    if not policy.user_has_permission_for_instance(request.user, "change", item):
        raise PermissionDenied
    return item


class NotitieForm(forms.Form):
    tekst = forms.CharField(label=gettext_lazy("Notitie"), max_length=4000, widget=forms.Textarea)


def quick_actions(model, policy, inspect_url_name):
    """The views for 'add a note', 'assign to me' and 'change status' on one item."""

    @require_POST
    def notitie(request, pk):
        item = item_for_change(request, model, pk, policy)
        form = NotitieForm(request.POST)
        if form.is_valid():
            Notitie.objects.create(
                content_type=ContentType.objects.get_for_model(model),
                object_id=item.pk,
                tekst=form.cleaned_data["tekst"],
                auteur=request.user,
            )
            log(instance=item, action="initiatieven.notitie", user=request.user)
            messages.success(request, _("Notitie opgeslagen."))
        else:
            messages.error(request, _("Schrijf eerst iets in de notitie."))
        return redirect(inspect_url_name, pk)

    @require_POST
    def toewijzen(request, pk):
        item = item_for_change(request, model, pk, policy)
        target = request.POST.get("aan", "mij")
        if target == "mij":
            if not (request.user.is_superuser or item.wijk_ids() & makelaar_wijk_ids(request.user)):
                raise PermissionDenied
            item.toegewezen_aan = request.user
        else:
            item.toegewezen_aan = None
        type(item).objects.filter(pk=item.pk).update(toegewezen_aan=item.toegewezen_aan)
        log(
            instance=item,
            action="initiatieven.toegewezen",
            user=request.user,
            data={"aan": item.toegewezen_aan.get_username() if item.toegewezen_aan else ""},
        )
        messages.success(
            request, _("Toegewezen aan jou.") if item.toegewezen_aan else _("Toewijzing weggehaald.")
        )
        return redirect(inspect_url_name, pk)

    @require_POST
    def status(request, pk):
        item = item_for_change(request, model, pk, policy)
        new = request.POST.get("status")
        if new not in Status.values:
            messages.error(request, _("Kies een status uit de lijst."))
            return redirect(inspect_url_name, pk)
        if new != item.status:
            with transaction.atomic():
                old = item.status
                item.status = new
                type(item).objects.filter(pk=item.pk).update(status=new)
                record_status_change(item, old, request.user)
            messages.success(request, _("Status is nu: %(status)s.") % {"status": item.get_status_display()})
        return redirect(inspect_url_name, pk)

    return notitie, toewijzen, status


class QueueCreateView(generic.CreateView):
    """An item added in the admin (say, an idea phoned in) is announced to its wijk's makelaars too."""

    def save_instance(self):
        instance = super().save_instance()
        from .queue import notify_new_item

        notify_new_item(instance)
        return instance


class SignaalCreateView(QueueCreateView):
    """A professional logs an anonymous signal; who logged it is kept, for questions back."""

    def save_instance(self):
        self.form.instance.gemeld_door = self.request.user
        return super().save_instance()

    def get_success_url(self):
        if is_makelaar(self.request.user):
            return super().get_success_url()
        return self.request.path  # not a makelaar: log the next one

    def get_success_message(self, instance):
        return _("Dank je. Het signaal is doorgegeven aan de sociaal makelaar van %(wijk)s.") % {
            "wijk": instance.wijk.naam
        }


def initiative_view(model, policy, convert):
    """'Maak er een initiatief van': a draft InitiatiefPage, then straight into the page editor."""

    @require_POST
    def view(request, pk):
        item = item_for_change(request, model, pk, policy)
        from wagtail.models import Locale

        from activiteiten.models import AgendaPage

        from ..meedoen import services
        from ..models import InitiatievenIndexPage

        existing = getattr(item, "initiatief", None) or getattr(item, "pagina", None)
        if existing is not None:
            messages.info(request, _("Hier is al een pagina van gemaakt."))
            return redirect("wagtailadmin_pages:edit", existing.pk)
        index_model = AgendaPage if convert == "bundle_to_activity" else InitiatievenIndexPage
        index = index_model.objects.filter(locale=Locale.get_default()).first()
        if index is not None and not index.permissions_for_user(request.user).can_add_subpage():
            messages.error(request, _("Je mag daar geen pagina's maken. Vraag het de redactie."))
            return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")
        try:
            page = getattr(services, convert)(item, user=request.user)
        except services.NoIndexPage:
            messages.error(request, _("Er is nog geen pagina 'Bewonersinitiatieven' om het onder te zetten."))
            return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")
        messages.success(
            request, _("Er is een concept-initiatief gemaakt. Vul het aan en laat het publiceren.")
        )
        return redirect("wagtailadmin_pages:edit", page.pk)

    return view


class BundelForm(QueueItemForm):
    """Only open items of the user's wijken; from a "bundelen?" cell: only that thema and wijk."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ..models import Idee, Talent
        from ..models.makelaar import OPEN_STATUSES

        user = getattr(self, "for_user", None)
        wijk_id = self.initial.get("wijk") or (self.instance.wijk_id if self.instance.pk else None)
        thema_id = self.initial.get("thema") or (self.instance.thema_id if self.instance.pk else None)
        for name, model in (("ideeen", Idee), ("signalen", Signaal), ("talenten", Talent)):
            field = self.fields.get(name)
            if field is None or user is None:
                continue
            queryset = scoped(model.objects.filter(status__in=OPEN_STATUSES), user)
            if wijk_id:
                queryset = queryset.filter(**({"wijken": wijk_id} if model is Talent else {"wijk": wijk_id}))
            if thema_id and model is not Talent:
                queryset = queryset.filter(thema=thema_id)
            field.queryset = queryset
            field.label_from_instance = lambda item: item.summary
            field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
        wijk = self.fields.get("wijk")
        if wijk is not None and user is not None and not user.is_superuser:
            wijk.queryset = wijk.queryset.filter(pk__in=makelaar_wijk_ids(user))


class BundelCreateView(generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        for key in ("wijk", "thema"):
            value = self.request.GET.get(key, "")
            if value.isdigit():
                initial[key] = int(value)
        if "wijk" in initial and "thema" in initial:
            from portal.models import Thema, Wijk

            thema = Thema.objects.filter(pk=initial["thema"]).first()
            wijk = Wijk.objects.filter(pk=initial["wijk"]).first()
            if thema and wijk:
                initial["naam"] = f"{thema.naam} in {wijk.naam}"
        return initial

    def save_instance(self):
        self.form.instance.aangemaakt_door = self.request.user
        return super().save_instance()
