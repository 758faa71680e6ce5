"""VerwijzingTelling moved to home (home/verwijzen/): its table stays, only Django's state moves."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("activiteiten", "0003_verwijzingtelling"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="VerwijzingTelling")],
            database_operations=[],
        ),
    ]
