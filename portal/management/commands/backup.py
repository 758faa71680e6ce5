import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Maak een backup van de database en de geüploade bestanden (media) in één map."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="backups", help="Waar de backup-map komt (standaard: backups/).")

    def handle(self, *args, **options):
        target = Path(options["dir"]) / dt.datetime.now().strftime("%Y-%m-%d_%H%M%S")
        try:
            manifest = make_backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(f"Backup gemaakt in {target} ({manifest['engine']}, {rows} rijen, met media).")
