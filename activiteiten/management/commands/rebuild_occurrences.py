import time

from django.core.management.base import BaseCommand

from activiteiten.occurrences import WINDOW_DAYS, rebuild_all


class Command(BaseCommand):
    help = (
        "Bouw de datumtabel van de agenda opnieuw op en schuif het venster van 18 maanden een dag op. "
        "Draai dit elke nacht (bijvoorbeeld met cron of een systemd-timer)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        rows = rebuild_all()
        seconds = time.perf_counter() - started
        self.stdout.write(f"{rows} datums opgeslagen voor de komende {WINDOW_DAYS} dagen in {seconds:.1f} s.")
