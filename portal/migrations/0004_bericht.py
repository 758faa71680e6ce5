"""The outbox (Bericht), moved here from initiatieven: the same table (initiatieven_bericht), now in the
core's state; its content type moves along, so permissions and log entries stay with it."""

import django.utils.timezone
from django.db import migrations, models


def move_content_type(apps, schema_editor, source="initiatieven", target="portal"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=target, model="bericht").exists():
        ContentType.objects.filter(app_label=source, model="bericht").update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="portal", target="initiatieven")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_vertaalde_namen"),
        ("initiatieven", "0005_bericht_naar_portal"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Bericht",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("aan", models.JSONField(default=list, verbose_name="aan")),
                        (
                            "reply_to",
                            models.JSONField(blank=True, default=list, verbose_name="antwoorden naar"),
                        ),
                        ("onderwerp", models.CharField(max_length=255, verbose_name="onderwerp")),
                        ("tekst", models.TextField(verbose_name="tekst")),
                        ("html", models.TextField(blank=True, verbose_name="HTML-versie")),
                        ("van", models.CharField(blank=True, max_length=255, verbose_name="van")),
                        ("headers", models.JSONField(blank=True, default=dict, verbose_name="kopregels")),
                        ("soort", models.CharField(blank=True, max_length=60, verbose_name="soort")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("wacht", "Wacht"),
                                    ("verstuurd", "Verstuurd"),
                                    ("mislukt", "Mislukt"),
                                ],
                                default="wacht",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("pogingen", models.PositiveSmallIntegerField(default=0, verbose_name="pogingen")),
                        (
                            "laatste_fout",
                            models.CharField(blank=True, max_length=200, verbose_name="laatste fout"),
                        ),
                        (
                            "aangemaakt_op",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="aangemaakt op"
                            ),
                        ),
                        (
                            "verstuurd_op",
                            models.DateTimeField(blank=True, null=True, verbose_name="verstuurd op"),
                        ),
                    ],
                    options={
                        "verbose_name": "e-mailbericht",
                        "verbose_name_plural": "e-mailberichten",
                        "db_table": "initiatieven_bericht",
                        "ordering": ["-aangemaakt_op"],
                        "indexes": [models.Index(fields=["status", "aangemaakt_op"], name="bericht_status")],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back, elidable=True),
    ]
