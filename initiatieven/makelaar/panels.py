"""The "Wat speelt er?" panel on the Wagtail dashboard, for makelaars."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from ..models import Koppeling, Talent
from .bundling import overview
from .queue import is_makelaar, scoped


class WatSpeeltErPanel(Component):
    name = "wat_speelt_er"
    order = 50
    template_name = "initiatieven/admin/wat_speelt_er.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        table = overview(self.user)
        koppelingen = Koppeling.objects.filter(talent__in=scoped(Talent.objects.all(), self.user))
        outcomes = dict(koppelingen.values_list("uitkomst").annotate(n=Count("pk")))
        from .matching_views import open_behoeften

        context.update(
            table=table,
            needs=open_behoeften(self.user),
            ideeen_url=reverse("ideeen:index"),
            signalen_url=reverse("signalen:index"),
            bundel_url=reverse("bundels:add"),
            outcomes={
                "match": outcomes.get("match", 0),
                "geen_match": outcomes.get("geen_match", 0),
                "open": outcomes.get("", 0),
                "te_vragen": koppelingen.filter(uitkomst="", opvolgen_op__lte=timezone.localdate()).count(),
            },
        )
        return context


def add_panel(request, panels):
    if is_makelaar(request.user):
        panels.append(WatSpeeltErPanel(request.user))
