from django.core.management.base import BaseCommand, CommandError

from ...makelaar.privacy import ERASE_LABELS, describe, erase_for, summary_for
from .export_persoonsgegevens import checked_email


class Command(BaseCommand):
    help = (
        "Wis alles van één e-mailadres (verwijderverzoek): ideeën en talenten met hun notities en "
        "geschiedenis worden verwijderd, bewonersbijdragen en e-mails worden geanonimiseerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="Het e-mailadres van de bewoner (hoofdletters maken niet uit).")
        parser.add_argument("--ja", action="store_true", help="Niet om bevestiging vragen.")

    def handle(self, *args, email, ja=False, **options):
        email = checked_email(email)
        found = summary_for(email)
        self.stdout.write(
            "Gevonden: {ideeen} idee(ën), {talenten} talent(en), {bijdragen} bewonersbijdrage(n), "
            "{berichten} e-mail(s).".format(**found)
        )
        if not any(found.values()):
            self.stdout.write("Er is niets te wissen.")
            return
        if not ja:
            answer = input("Dit kan niet ongedaan worden gemaakt. Typ 'ja' om alles te wissen: ")
            if answer.strip().lower() != "ja":
                raise CommandError("Niets gewist.")
        counts = erase_for(email)
        self.stdout.write("Gewist:")
        for line in describe(counts, ERASE_LABELS):
            self.stdout.write(line)
