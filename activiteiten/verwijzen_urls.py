"""For social workers: the finder, referral slips and posters, referral counts, lopende groepen.

Included under the language prefix (``/verwijzen/``, ``/tr/verwijzen/`` ...).
"""

from django.urls import path

from . import finder_views, slip_views

app_name = "verwijzen"

urlpatterns = [
    path("", finder_views.finder, name="finder"),
    path("lopende-groepen/", finder_views.lopende_groepen, name="lopende-groepen"),
    path("briefje/<int:page_id>/", slip_views.slip, name="briefje"),
    path("poster/<int:page_id>/", slip_views.poster, name="poster"),
    path("briefje/<int:page_id>/qr.svg", slip_views.qr_svg, name="qr"),
    path("briefje/<int:page_id>/tel/", slip_views.count, name="tel"),
]
