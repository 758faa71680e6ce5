"""The sociaal makelaar's queue: who may see which items, and who is told about what.

A makelaar is linked to wijken (``Wijk.makelaars``) and sees and changes only the ideas, talents and
signals of those wijken. Superusers see everything. Anyone else (editors included) sees nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from ..models import Idee, Signaal, Talent

QUEUE_MODELS = (Idee, Talent, Signaal)


def makelaar_wijk_ids(user):
    if not user.is_authenticated or not user.is_active:
        return set()
    return set(user.makelaar_wijken.values_list("pk", flat=True))


def is_makelaar(user):
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or makelaar_wijk_ids(user)))


def scoped(queryset, user):
    """Only the items this user may see."""
    model = queryset.model
    if user.is_authenticated and user.is_active and user.is_superuser:
        return queryset
    wijken = makelaar_wijk_ids(user)
    if not wijken:
        return queryset.none()
    if model is Talent:
        return queryset.filter(wijken__in=wijken).distinct()
    if model._meta.model_name == "koppeling":
        return queryset.filter(talent__wijken__in=wijken).distinct()
    return queryset.filter(wijk__in=wijken)


def may_handle(user, item):
    if user.is_authenticated and user.is_active and user.is_superuser:
        return True
    return bool(item.wijk_ids() & makelaar_wijk_ids(user))


def makelaars_for(item):
    """Active makelaars of the item's wijken who have an e-mail address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, makelaar_wijken__in=item.wijk_ids())
        .exclude(email="")
        .distinct()
    )


def admin_url(item, action="inspect"):
    from ..wagtail_hooks import queue_viewsets

    viewset = queue_viewsets[type(item)]
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(viewset.get_url_name(action), args=[item.pk])


def notify_new_item(item):
    """After commit: e-mail the makelaars of the item's wijk (a background task, retried on failure)."""
    from . import emails

    transaction.on_commit(lambda: emails.notify_makelaars_new_item(type(item).__name__.lower(), item.pk))
