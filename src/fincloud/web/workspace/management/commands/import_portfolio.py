"""``manage.py import_portfolio FILE``: validate a portfolio file and store it (one transaction)."""

from django.core.management.base import BaseCommand, CommandError

from fincloud.errors import InputError
from fincloud.portfolio.loader import load_portfolio
from fincloud.web.workspace.bridge import import_portfolio
from fincloud.web.workspace.models import Institution


class Command(BaseCommand):
    help = "Import a portfolio file (shared/spec/portfolio.md) into the workspace."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--replace", action="store_true", help="remove workloads the file does not name")

    def handle(self, *args, file, replace, **options):
        try:
            portfolio = load_portfolio(file)
        except InputError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from None
        inst = Institution.objects.filter(name=portfolio.institution.name).first()
        inst = import_portfolio(portfolio, actor="import_portfolio", institution=inst, replace=replace)
        self.stdout.write(f"imported into {inst.name}: {inst.providers.count()} providers, "
                          f"{inst.workloads.count()} workloads")
