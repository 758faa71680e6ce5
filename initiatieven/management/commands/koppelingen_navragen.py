from django.core.management.base import BaseCommand

from ...makelaar.emails import ask_outcomes


class Command(BaseCommand):
    help = "Vraag makelaars 4 weken na een koppeling of het een match werd (draai dit dagelijks)."

    def handle(self, *args, **options):
        self.stdout.write(f"{ask_outcomes()} makelaar(s) gevraagd naar de uitkomst van een koppeling.")
