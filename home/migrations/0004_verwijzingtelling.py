"""VerwijzingTelling, moved here from activiteiten: the same table (activiteiten_verwijzingtelling),
now in home's state; its content type moves along, so permissions and log entries stay with it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, source="activiteiten", target="home"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=target, model="verwijzingtelling").exists():
        ContentType.objects.filter(app_label=source, model="verwijzingtelling").update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="home", target="activiteiten")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_entry_point_link"),
        ("activiteiten", "0004_verwijzingtelling_naar_home"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="VerwijzingTelling",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "maand",
                            models.DateField(help_text="The first day of the month.", verbose_name="maand"),
                        ),
                        (
                            "soort",
                            models.CharField(
                                choices=[
                                    ("afgedrukt", "Briefje afgedrukt"),
                                    ("gedeeld-link", "Link gedeeld"),
                                    ("gedeeld-email", "Gedeeld per e-mail"),
                                    ("gedeeld-whatsapp", "Gedeeld via WhatsApp"),
                                    ("poster", "Poster afgedrukt"),
                                ],
                                max_length=20,
                                verbose_name="soort",
                            ),
                        ),
                        ("aantal", models.PositiveIntegerField(default=0, verbose_name="aantal")),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="verwijzing_tellingen",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="pagina",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "verwijzing (telling)",
                        "verbose_name_plural": "verwijzingen (tellingen)",
                        "db_table": "activiteiten_verwijzingtelling",
                        "ordering": ["-maand", "page_id", "soort"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("page", "maand", "soort"), name="verwijzing_telling_uniek"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back, elidable=True),
    ]
