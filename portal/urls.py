from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from portal import views as portal_views

urlpatterns = [
    # django-recurrence's widget labels in the editor's language.
    path(
        "admin/jsi18n/recurrence/",
        JavaScriptCatalog.as_view(packages=["recurrence"]),
        name="recurrence-jsi18n",
    ),
    path("", include("activiteiten.urls")),
    path("api/hsds/", include("home.opendata.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path(".well-known/security.txt", portal_views.security_txt, name="security-txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch lives at /agenda/, English at /en/agenda/ and so on. Wagtail's page tree comes last.
urlpatterns += i18n_patterns(
    path("zoeken/", home_views.search, name="search"),
    path("toegankelijkheid/", portal_views.toegankelijkheid, name="toegankelijkheid"),
    path("verwijzen/", include("home.verwijzen.urls")),
    path("", include("initiatieven.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
