from django.urls import path

from .makelaar import intake
from .meedoen import views

app_name = "initiatieven"

urlpatterns = [
    path("meedoen/activiteit/", views.voorstel_activiteit, name="voorstel-activiteit"),
    path("meedoen/initiatief/", views.voorstel_initiatief, name="voorstel-initiatief"),
    path("meedoen/bedankt/", views.bedankt, name="bedankt"),
    path("meedoen/idee/", intake.idee, name="idee"),
    path("meedoen/talent/", intake.talent, name="talent"),
    path("meedoen/ontvangen/", intake.ontvangen, name="ontvangen"),
    path("meedoen/nieuwe-link/", views.nieuwe_link, name="nieuwe-link"),
    path("meedoen/bewerken/<int:page_id>/<str:token>/", views.bewerken, name="bewerken"),
    path("meedoen/bewerken/<int:page_id>/<str:token>/wijzigen/", views.wijzigen, name="wijzigen"),
]
