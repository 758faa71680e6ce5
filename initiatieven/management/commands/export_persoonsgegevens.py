import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from ...makelaar.privacy import export_for


def checked_email(email):
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise CommandError("Dit is geen geldig e-mailadres.") from error
    return email


class Command(BaseCommand):
    help = "Alles wat we over één e-mailadres bewaren, als JSON (voor een inzageverzoek)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="Het e-mailadres van de bewoner (hoofdletters maken niet uit).")
        parser.add_argument("--uitvoer", metavar="BESTAND", help="Schrijf de JSON naar dit bestand.")

    def handle(self, *args, email, uitvoer=None, **options):
        text = json.dumps(export_for(checked_email(email)), ensure_ascii=False, indent=2)
        if uitvoer:
            with open(uitvoer, "w", encoding="utf-8") as out:
                out.write(text + "\n")
            self.stdout.write(f"Gegevens geschreven naar {uitvoer}.")
        else:
            self.stdout.write(text)
