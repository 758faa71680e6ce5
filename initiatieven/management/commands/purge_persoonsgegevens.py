from django.core.management.base import BaseCommand, CommandError

from ...makelaar.privacy import describe, purge


class Command(BaseCommand):
    help = (
        "Wis namen en contactgegevens van ideeën en talenten die langer dan de bewaartermijn zijn "
        "afgesloten, en van bewonersbijdragen waarvan de pagina niet meer online staat. "
        "Draai dit elke nacht (cron of systemd-timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--maanden",
            type=int,
            default=None,
            help="Bewaartermijn in maanden (standaard PORTAL_BEWAARTERMIJN_MAANDEN, anders 12).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen, niets veranderen.")

    def handle(self, *args, maanden=None, dry_run=False, **options):
        if maanden is not None and maanden < 0:
            raise CommandError("--maanden kan niet negatief zijn.")
        counts = purge(months=maanden, dry_run=dry_run)
        if dry_run:
            self.stdout.write("Proefdraai: er is niets veranderd. Dit zou er gebeuren:")
        for line in describe(counts):
            self.stdout.write(line)
