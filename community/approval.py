"""What happens when the contribution workflow approves (`WAGTAIL_FINISH_WORKFLOW_ACTION`). Wagtail
imports this while its own models load, before any model of ours can be: so the lifecycle
service (community/contributions.py, which imports models) is imported when a workflow finishes."""


def publish_approved(workflow_state, user=None):
    from community import contributions

    contributions.approve(workflow_state, user)
