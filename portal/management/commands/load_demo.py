from django.core.management.base import BaseCommand
from django.test import override_settings

from portal.demo_loader import load_demo


class Command(BaseCommand):
    help = (
        "Laad de demo-inhoud (wijken, locaties, organisaties, pagina's, demo-gebruikers). "
        "Veilig om vaker te draaien."
    )

    def handle(self, *args, **options):
        # The demo's pending contributions enter the moderation workflow; Wagtail would e-mail the demo
        # editors about each (printed to the console by `make run`). Demo addresses get no mail.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            ctx, logins = load_demo()
        if ctx.created:
            self.stdout.write(f"Aangemaakt: {len(ctx.created)} onderdelen.")
        else:
            self.stdout.write("De demo-inhoud was al geladen; niets veranderd.")
        if logins:
            self.stdout.write("")
            self.stdout.write("Demo-logins voor http://127.0.0.1:8000/admin/ :")
            for role, username, password, wijken in logins:
                extra = f" (wijk: {', '.join(wijken)})" if wijken else ""
                self.stdout.write(f"  {role:<10} {username:<22} wachtwoord: {password}{extra}")
