from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Zet een backup terug: vervangt de hele database en pakt de media uit in MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("backup_dir", help="De map die `manage.py backup` maakte.")
        parser.add_argument("--yes", action="store_true", help="Niet vragen: de database wordt vervangen.")

    def handle(self, *args, backup_dir, **options):
        try:
            manifest = read_manifest(backup_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not options["yes"]:
            answer = input(
                f"De database wordt vervangen door de backup van {manifest['made_at']}. Doorgaan? [ja/nee] "
            )
            if answer.strip().lower() not in ("ja", "j", "yes", "y"):
                raise CommandError("Niets veranderd.")
        try:
            rows = restore_backup(backup_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        different = {t: (n, rows.get(t)) for t, n in manifest["rows"].items() if rows.get(t) != n}
        if different:
            raise CommandError(f"Teruggezet, maar deze tabellen tellen anders dan in de backup: {different}")
        self.stdout.write(
            f"Teruggezet: {len(rows)} tabellen, {sum(rows.values())} rijen, zoals in de backup."
        )
