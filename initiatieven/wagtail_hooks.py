from django.db.models import Case, IntegerField, Value, When
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from .makelaar.matching_views import behoefte_view, koppel_views
from .makelaar.panels import add_panel
from .makelaar.privacy_views import PersoonsgegevensMenuItem, persoonsgegevens
from .makelaar.queue import makelaar_wijk_ids
from .makelaar.signalen import validate_no_personal_data
from .makelaar.views import (
    BundelCreateView,
    BundelForm,
    MakelaarPolicy,
    PersonColumn,
    QueueCreateView,
    QueueDeleteView,
    QueueEditView,
    QueueHistoryView,
    QueueIndexView,
    QueueInspectView,
    QueueItemForm,
    QueueUsageView,
    SignaalCreateView,
    StatusColumn,
    WijkColumn,
    initiative_view,
    quick_actions,
)
from .models import Bijdrage, Bundel, Idee, Signaal, Talent


class PageColumn(Column):
    """The page's title, linking to where an editor reviews it (the page editor shows the workflow)."""

    def get_value(self, instance):
        page = instance.page
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page.get_admin_display_title(),
        )


class WachtColumn(Column):
    """How long a pending contribution has been waiting; empty once it has been handled."""

    def get_value(self, instance):
        if instance.status != "wacht":
            return ""
        waited = timezone.now() - instance.ingediend_op
        text = timesince(instance.ingediend_op, depth=1)
        if waited.days >= 3:
            return format_html('<strong class="wacht-lang">{}</strong>', text)
        return text


class BijdrageIndexView(IndexView):
    """Pending first, the longest waiting at the top; then the rest, newest first."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("page")
            .annotate(
                wacht_eerst=Case(
                    When(status="wacht", then=Value(0)), default=Value(1), output_field=IntegerField()
                )
            )
        )

    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        return queryset.order_by("wacht_eerst", "ingediend_op")


class BijdrageViewSet(ModelViewSet):
    model = Bijdrage
    index_view_class = BijdrageIndexView
    icon = "group"
    menu_label = _("Bewonersbijdragen")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        PageColumn("page", label=_("Pagina")),
        "soort",
        "status",
        WachtColumn("wacht", label=_("Wacht al")),
        "ingediend_op",
        TitleColumn("naam", label=_("Ingestuurd door (contact)"), url_name="bijdragen:inspect"),
    ]
    list_filter = ["status", "soort"]
    search_fields = ["naam", "email", "page__title"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["page", "soort", "naam", "email", "telefoon", "status"]


bijdrage_viewset = BijdrageViewSet("bijdragen")


@hooks.register("register_admin_viewset")
def register_bijdragen():
    return bijdrage_viewset


# --- The sociaal makelaar's queue ---


class QueueForm(QueueItemForm):
    """Wijk choices limited to the makelaar's own wijken; a signal's text is checked for personal data."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        own = makelaar_wijk_ids(user) if user is not None and not user.is_superuser else None
        self.own_wijken = own
        for name in ("wijk", "wijken"):
            field = self.fields.get(name)
            if field is not None and own:
                field.queryset = field.queryset.filter(pk__in=own)
        if "tekst" in self.fields and self._meta.model is Signaal:
            self.fields["tekst"].validators.append(validate_no_personal_data)
        if "thema" in self.fields and self._meta.model is Signaal:
            self.fields["thema"].required = True

    def clean(self):
        cleaned = super().clean()
        if "wijken" in cleaned and self.own_wijken and self.instance.pk:
            # Keep the wijken this makelaar does not handle: they are another makelaar's business.
            others = set(self.instance.wijken.exclude(pk__in=self.own_wijken).values_list("pk", flat=True))
            if others:
                from portal.models import Wijk

                cleaned["wijken"] = list(cleaned["wijken"]) + list(Wijk.objects.filter(pk__in=others))
        return cleaned


class QueueViewSet(ModelViewSet):
    index_view_class = QueueIndexView
    add_view_class = QueueCreateView
    edit_view_class = QueueEditView
    inspect_view_class = QueueInspectView
    delete_view_class = QueueDeleteView
    history_view_class = QueueHistoryView
    usage_view_class = QueueUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = []
    add_to_admin_menu = False

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=QueueForm).bind_to_model(self.model)

    convert = None  # the services function that makes a draft initiative of an item

    def get_urlpatterns(self):
        notitie, toewijzen, status = quick_actions(
            self.model, self.permission_policy, self.get_url_name("inspect")
        )
        patterns = super().get_urlpatterns() + [
            path("inspect/<int:pk>/notitie/", notitie, name="notitie"),
            path("inspect/<int:pk>/toewijzen/", toewijzen, name="toewijzen"),
            path("inspect/<int:pk>/status/", status, name="status"),
        ]
        if self.convert:
            view = initiative_view(self.model, self.permission_policy, self.convert)
            patterns.append(path("inspect/<int:pk>/initiatief/", view, name="initiatief"))
        return patterns


QUEUE_COLUMNS = [
    StatusColumn("status", label=_("Status"), sort_key="status"),
    WijkColumn("wijk", label=_("Wijk")),
    "thema",
    PersonColumn("toegewezen_aan", label=_("Toegewezen aan"), sort_key="toegewezen_aan"),
    "aangemaakt_op",
]
QUEUE_FILTERS = ["status", "thema", "toegewezen_aan", "aangemaakt_op"]
HANDLING = [FieldPanel("status"), FieldPanel("toegewezen_aan"), FieldPanel("thema")]


class IdeeViewSet(QueueViewSet):
    model = Idee
    convert = "idea_to_initiative"
    icon = "comment"
    menu_label = _("Ideeën")
    list_display = [TitleColumn("idee", label=_("Idee"), url_name="ideeen:inspect"), *QUEUE_COLUMNS]
    list_filter = [*QUEUE_FILTERS, "wijk"]
    search_fields = ["idee", "voor_wie", "nodig", "goed_in", "naam"]
    inspect_view_fields = [
        "idee",
        "voor_wie",
        "nodig",
        "goed_in",
        "wie_nog",
        "wijk",
        "thema",
        "status",
        "toegewezen_aan",
        "aangemaakt_op",
        "naam",
        "email",
        "telefoon",
        "toestemming_op",
        "initiatief",
    ]
    panels = [
        *HANDLING,
        FieldPanel("wijk"),
        FieldPanel("idee"),
        FieldPanel("voor_wie"),
        FieldPanel("nodig"),
        FieldPanel("goed_in"),
        FieldPanel("wie_nog"),
        FieldPanel("naam"),
        FieldPanel("email"),
        FieldPanel("telefoon"),
    ]


class TalentViewSet(QueueViewSet):
    model = Talent

    def get_urlpatterns(self):
        koppel, uitkomst = koppel_views(self.permission_policy, self.get_url_name("inspect"))
        return super().get_urlpatterns() + [
            path("inspect/<int:pk>/koppel/<int:page_id>/", koppel, name="koppel"),
            path("inspect/<int:pk>/uitkomst/<int:koppeling_id>/", uitkomst, name="uitkomst"),
            path("behoefte/<int:behoefte_id>/", behoefte_view(self.permission_policy), name="behoefte"),
        ]

    icon = "user"
    menu_label = _("Talenten")
    list_display = [TitleColumn("naam", label=_("Talent"), url_name="talenten:inspect"), *QUEUE_COLUMNS]
    list_filter = [*QUEUE_FILTERS, "wijken", "tijd"]
    search_fields = ["naam", "toelichting"]
    inspect_view_fields = [
        "naam",
        "vaardigheden",
        "toelichting",
        "tijd",
        "dagdelen",
        "wijken",
        "thema",
        "status",
        "toegewezen_aan",
        "aangemaakt_op",
        "email",
        "telefoon",
        "toestemming_op",
    ]
    panels = [
        *HANDLING,
        FieldPanel("vaardigheden"),
        FieldPanel("toelichting"),
        FieldPanel("tijd"),
        FieldPanel("wijken"),
        FieldPanel("naam"),
        FieldPanel("email"),
        FieldPanel("telefoon"),
    ]


class SignaalViewSet(QueueViewSet):
    model = Signaal
    icon = "warning"
    menu_label = _("Signalen")
    list_display = [
        TitleColumn("tekst", label=_("Signaal"), url_name="signalen:inspect"),
        "aantal_bewoners",
        *QUEUE_COLUMNS,
    ]
    list_filter = [*QUEUE_FILTERS, "wijk"]
    search_fields = ["tekst"]
    inspect_view_fields = [
        "tekst",
        "aantal_bewoners",
        "wijk",
        "thema",
        "status",
        "toegewezen_aan",
        "aangemaakt_op",
        "gemeld_door",
    ]
    panels = [
        FieldPanel("thema"),
        FieldPanel("wijk"),
        FieldPanel("tekst"),
        FieldPanel("aantal_bewoners"),
        *HANDLING[:2],
    ]
    add_view_class = SignaalCreateView


class BundelViewSet(ModelViewSet):
    model = Bundel
    icon = "folder-open-inverse"
    menu_label = _("Bundels")
    index_view_class = QueueIndexView
    add_view_class = BundelCreateView
    edit_view_class = QueueEditView
    inspect_view_class = QueueInspectView
    delete_view_class = QueueDeleteView
    history_view_class = QueueHistoryView
    usage_view_class = QueueUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        TitleColumn("naam", label=_("Bundel"), url_name="bundels:inspect"),
        "wijk",
        "thema",
        "pagina",
        "aangemaakt_op",
    ]
    list_filter = ["wijk", "thema"]
    inspect_view_fields = [
        "naam",
        "wijk",
        "thema",
        "notitie",
        "ideeen",
        "signalen",
        "talenten",
        "aangemaakt_op",
    ]
    panels = [
        FieldPanel("naam"),
        FieldPanel("wijk"),
        FieldPanel("thema"),
        FieldPanel("notitie"),
        FieldPanel("ideeen"),
        FieldPanel("signalen"),
        FieldPanel("talenten"),
    ]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=BundelForm).bind_to_model(self.model)

    def get_urlpatterns(self):
        to_initiative = initiative_view(self.model, self.permission_policy, "bundle_to_initiative")
        to_activity = initiative_view(self.model, self.permission_policy, "bundle_to_activity")
        return super().get_urlpatterns() + [
            path("inspect/<int:pk>/initiatief/", to_initiative, name="initiatief"),
            path("inspect/<int:pk>/activiteit/", to_activity, name="activiteit"),
        ]


for _model in (Idee, Talent, Signaal, Bundel):
    register_permission_policy(_model, MakelaarPolicy(_model))


class MakelaarGroup(ModelViewSetGroup):
    menu_label = _("Sociaal makelaar")
    menu_icon = "group"
    menu_order = 200
    items = [
        IdeeViewSet("ideeen"),
        TalentViewSet("talenten"),
        SignaalViewSet("signalen"),
        BundelViewSet("bundels"),
    ]


makelaar_group = MakelaarGroup()
queue_viewsets = {viewset.model: viewset for viewset in makelaar_group.registerables}


@hooks.register("register_admin_viewset")
def register_makelaar_queue():
    return makelaar_group


@hooks.register("construct_homepage_panels")
def wat_speelt_er_panel(request, panels):
    add_panel(request, panels)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("initiatieven.status", _("Status gewijzigd"), _("Status gewijzigd"))
    actions.register_action("initiatieven.toegewezen", _("Toegewezen"), _("Toegewezen"))
    actions.register_action("initiatieven.gekoppeld", _("Gekoppeld"), _("Gekoppeld aan een initiatief"))
    actions.register_action(
        "initiatieven.uitkomst", _("Uitkomst koppeling"), _("Uitkomst van koppeling vastgelegd")
    )
    actions.register_action("initiatieven.notitie", _("Notitie toegevoegd"), _("Notitie toegevoegd"))
    actions.register_action(
        "initiatieven.initiatief_gemaakt", _("Initiatief gemaakt"), _("Concept-initiatief gemaakt")
    )
    actions.register_action(
        "initiatieven.activiteit_gemaakt", _("Activiteit gemaakt"), _("Concept-activiteit gemaakt")
    )
    actions.register_action(
        "initiatieven.datum_vervalt",
        _("Datum vervalt (door de organisator)"),
        _("Datum laten vervallen door de organisator via de persoonlijke link"),
    )
    actions.register_action(
        "initiatieven.reeks_gestopt",
        _("Reeks gestopt (door de organisator)"),
        _("Reeks gestopt door de organisator via de persoonlijke link"),
    )


@hooks.register("register_admin_urls")
def register_persoonsgegevens_url():
    return [path("persoonsgegevens/", persoonsgegevens, name="initiatieven_persoonsgegevens")]


@hooks.register("register_settings_menu_item")
def register_persoonsgegevens_menu_item():
    return PersoonsgegevensMenuItem(
        _("Persoonsgegevens (AVG)"), reverse("initiatieven_persoonsgegevens"), icon_name="user", order=900
    )
