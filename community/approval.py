"""What happens when a workflow finishes with an approval (`WAGTAIL_FINISH_WORKFLOW_ACTION`).

Wagtail imports this action while its own models load, before any module that uses them can be
imported. So it only announces the approval; the lifecycle service (community/contributions.py,
`approve`) receives it and publishes."""

from django.dispatch import Signal

# Sent with `workflow_state` and `user` when a workflow's last task approves.
workflow_approved_to_publish = Signal()


def publish_approved(workflow_state, user=None):
    received = workflow_approved_to_publish.send(
        sender=type(workflow_state), workflow_state=workflow_state, user=user
    )
    if not received:
        raise RuntimeError("Nothing publishes what a workflow approved: is community loaded?")
