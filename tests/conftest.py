import pytest

from django.db import connection

from wagtail.models import Page, Site

from .factories import HomePageFactory


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


@pytest.fixture
def home(db):
    """A site whose root is a fresh HomePage (Wagtail's 'Welcome' page removed)."""
    root = Page.get_first_root_node()
    if root is None:  # a transactional test flushed what Wagtail's migrations created
        from django.conf import settings

        from wagtail.models import Collection, Locale

        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Collection.get_first_root_node() or Collection.add_root(name="Root")
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def db_vendor():
    return connection.vendor
