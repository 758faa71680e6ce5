"""Moving a model between apps (issue 19) keeps its rows, its content type and the permissions on it.

The outbox (``Bericht``) moved from initiatieven to portal, the referral counts (``VerwijzingTelling``)
from activiteiten to home. A database from before the move is migrated forward here: a waiting e-mail
must still be there to send, and a group that could read the outbox still can.
"""

import datetime as dt

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("portal", "0003_vertaalde_namen"),
    ("initiatieven", "0004_taal"),
    ("activiteiten", "0003_verwijzingtelling"),
    ("home", "0003_entry_point_link"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_a_waiting_email_and_a_referral_count_survive_the_move_to_their_new_apps(transactional_db):
    latest = [
        key for key in MigrationExecutor(connection).loader.graph.leaf_nodes() if key[0] in dict(BEFORE)
    ]
    old = _migrate(BEFORE)
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    # The content types as a database from before the move has them (the test database has the new ones).
    ContentType.objects.filter(model__in=["bericht", "verwijzingtelling"]).delete()
    bericht_type = ContentType.objects.create(app_label="initiatieven", model="bericht")
    telling_type = ContentType.objects.create(app_label="activiteiten", model="verwijzingtelling")
    view = Permission.objects.create(content_type=bericht_type, codename="view_bericht", name="Can view")
    Group.objects.create(name="outbox").permissions.add(view)
    old.get_model("initiatieven", "Bericht").objects.create(
        aan=["bewoner@example.nl"], onderwerp="Wacht", tekst="x"
    )
    page = old.get_model("wagtailcore", "Page").objects.first()
    old.get_model("activiteiten", "VerwijzingTelling").objects.create(
        page=page, maand=dt.date(2026, 12, 1), soort="afgedrukt", aantal=3
    )

    new = _migrate(latest)

    assert list(new.get_model("portal", "Bericht").objects.values_list("onderwerp", "status")) == [
        ("Wacht", "wacht")
    ]
    assert list(new.get_model("home", "VerwijzingTelling").objects.values_list("aantal", flat=True)) == [3]
    ContentType = new.get_model("contenttypes", "ContentType")
    assert ContentType.objects.get(pk=bericht_type.pk).app_label == "portal"
    assert ContentType.objects.get(pk=telling_type.pk).app_label == "home"
    assert not ContentType.objects.filter(
        app_label__in=["initiatieven", "activiteiten"], model__in=["bericht", "verwijzingtelling"]
    ).exists()
    group = new.get_model("auth", "Group").objects.get(name="outbox")
    assert list(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("portal", "view_bericht")
    ]
