from django.core.management.base import BaseCommand

from portal.mail import retry_waiting


class Command(BaseCommand):
    help = "Verstuur e-mails die nog wachten, bijvoorbeeld omdat de mailserver eerder niet bereikbaar was."

    def handle(self, *args, **options):
        sent, waiting = retry_waiting()
        self.stdout.write(f"{sent} e-mail(s) verstuurd; {waiting} wachten nog.")
