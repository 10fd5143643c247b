"""``manage.py export_portfolio [--format yaml|json]``: the workspace as a portfolio file on stdout."""

from django.core.management.base import BaseCommand, CommandError

from fincloud.portfolio.dump import dumps_portfolio
from fincloud.web.workspace.bridge import portfolio_from_db
from fincloud.web.workspace.models import Institution


class Command(BaseCommand):
    help = "Export the workspace to the portfolio file format."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
        parser.add_argument("--institution", help="institution name (default: the only one)")

    def handle(self, *args, format, institution, **options):
        qs = Institution.objects.all()
        if institution:
            qs = qs.filter(name=institution)
        if qs.count() != 1:
            raise CommandError("name the institution with --institution (there is not exactly one)")
        self.stdout.write(dumps_portfolio(portfolio_from_db(qs.get()), fmt=format), ending="")
