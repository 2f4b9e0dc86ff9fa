from django.core.management.base import BaseCommand

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles


class Command(BaseCommand):
    help = (
        "Creates (or repairs) the editors' groups of both foundations, the moderators' group, "
        "their permissions and the contribution review workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        workflow = setup_roles()
        groups = ", ".join([*EDITOR_GROUPS, MODERATORS])
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {groups}; workflow “{workflow.name}”."))
