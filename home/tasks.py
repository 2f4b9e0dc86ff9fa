"""Background tasks of the platform, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from . import mail


# Before Wagtail's own tasks (reference and search index updates): a member waits for this one.
@task(priority=10)
def deliver_email(email_id):
    """Sends one queued email (home.mail.OutgoingEmail); on failure it enqueues itself again."""
    return mail.deliver(email_id)
