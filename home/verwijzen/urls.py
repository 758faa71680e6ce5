"""For social workers: the finder, referral slips and posters, referral counts, lopende groepen.

Included under the language prefix (``/verwijzen/``, ``/tr/verwijzen/`` ...).
"""

from django.urls import path

from . import views

app_name = "verwijzen"

urlpatterns = [
    path("", views.finder, name="finder"),
    path("lopende-groepen/", views.lopende_groepen, name="lopende-groepen"),
    path("briefje/<int:page_id>/", views.briefje, name="briefje"),
    path("poster/<int:page_id>/", views.poster, name="poster"),
    path("briefje/<int:page_id>/qr.svg", views.qr_svg, name="qr"),
    path("briefje/<int:page_id>/tel/", views.count, name="tel"),
]
