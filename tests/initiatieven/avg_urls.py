"""The portal's URLs plus the AVG admin view, wrapped as ``register_admin_urls`` wraps it (login first).
Only for the tests, until the view is registered in ``initiatieven/wagtail_hooks.py``."""

from django.urls import path

from wagtail.admin.auth import require_admin_access

from initiatieven.privacy_views import persoonsgegevens
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    path(
        "admin/persoonsgegevens/",
        require_admin_access(persoonsgegevens),
        name="initiatieven_persoonsgegevens",
    ),
    *portal_urlpatterns,
]
