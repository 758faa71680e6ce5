"""The outbox (Bericht) moved to the core (portal): its table stays, only Django's state moves."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("initiatieven", "0004_taal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Bericht")],
            database_operations=[],
        ),
    ]
