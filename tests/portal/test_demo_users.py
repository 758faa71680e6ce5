"""Demo users only where the settings allow them (never in production)."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page

from home.models import HomePage


def test_demo_users_are_not_created_where_settings_forbid_it(db, settings):
    settings.DEMO_USERS_ALLOWED = False
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not get_user_model().objects.exists()
    assert Page.objects.live().type(HomePage).exists()
