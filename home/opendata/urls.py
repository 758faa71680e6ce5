"""The open-data API (Open Referral HSDS 3.0), read-only, without a language prefix: /api/hsds/.

HSDS writes its paths without a trailing slash (``/services/{id}``); both forms are answered."""

from django.urls import path, re_path

from . import views

app_name = "hsds"

ID = r"(?P<id>[^/]+)"

urlpatterns = [
    path("", views.root, name="root"),
    re_path(r"^profile/?$", views.profile, name="profile"),
    re_path(r"^profile/schedule\.json$", views.profile_schedule, name="profile-schedule"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(rf"^services/{ID}/?$", views.service, name="service"),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(rf"^organizations/{ID}/?$", views.organization, name="organization"),
    re_path(r"^locations/?$", views.locations, name="locations"),
    re_path(rf"^locations/{ID}/?$", views.location, name="location"),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(rf"^taxonomies/{ID}/?$", views.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(rf"^taxonomy_terms/{ID}/?$", views.taxonomy_term, name="taxonomy_term"),
    # [\s\S], not ".": an address with a newline in it (%0A) is still answered by the API, in JSON.
    re_path(r"^(?P<rest>[\s\S]*)$", views.unknown, name="unknown"),
]
