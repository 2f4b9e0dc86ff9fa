"""The names of groups, workflows and tasks, shown in the language of whoever reads them."""

import functools

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_init, post_save, pre_save
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.models import GroupApprovalTask, Task, Workflow

from home.history import read_with

from ..models import ContributionReviewTask
from . import EDITOR_GROUPS, MODERATORS, TASK, WAGTAILS_FIRST_WORKFLOW, WORKFLOW

# The names of groups, workflows and tasks are rows in the database, read by Wagtail's admin in
# many places (status panels, action menus, dashboards, notifications). They stay these English
# keys in the database, and every instance shows its name in the language active when the name is
# rendered (the editor's admin language; for Wagtail's moderation emails, each recipient's) while
# it is in memory: see `show_role_names_translated`.
NAME_CONTEXT = "name of a group, workflow or task"
TRANSLATED_NAMES = [
    *EDITOR_GROUPS,
    MODERATORS,
    "Editors",  # Wagtail's first migration creates "Editors" and "Moderators"
    WORKFLOW,
    WAGTAILS_FIRST_WORKFLOW,
    TASK,
]


def _marked_for_makemessages():
    """Never called: makemessages finds only literal strings, so the names above are repeated
    here to keep their translations in the catalogues."""
    return [
        pgettext("name of a group, workflow or task", "Editors Steenwijkerland"),
        pgettext("name of a group, workflow or task", "Redaktion Herzebrock-Clarholz"),
        pgettext("name of a group, workflow or task", "Moderators"),
        pgettext("name of a group, workflow or task", "Editors"),
        pgettext("name of a group, workflow or task", "Contribution review"),
        pgettext("name of a group, workflow or task", "Moderators approval"),
        pgettext("name of a group, workflow or task", "Moderators review contributions"),
    ]


def translated_name(key):
    return pgettext(NAME_CONTEXT, key)


@functools.cache
def name_keys():
    """Every translation of every known name, to its key (the catalogues do not change while a
    process runs)."""
    keys = {}
    for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES:
        with translation.override(code):
            keys.update({translated_name(key): key for key in TRANSLATED_NAMES})
    keys.update({key: key for key in TRANSLATED_NAMES})
    return keys


def show_translated(instance):
    """A known name becomes a lazy translation: it is translated each time it is rendered, in
    the language active then. An instance loaded while serving a Dutch request and rendered in
    Wagtail's email to a German editor (under the editor's language) reads German there."""
    name = instance.__dict__.get("name")
    if isinstance(name, str) and name in TRANSLATED_NAMES:
        instance.name = pgettext_lazy(NAME_CONTEXT, name)


def on_role_loaded(sender, instance, **kwargs):
    show_translated(instance)


def on_role_saving(sender, instance, **kwargs):
    """Whatever language the name was shown (and perhaps submitted back) in, the key is stored:
    a lazy name as a plain string, the translation of a known name as its key."""
    name = instance.name
    if isinstance(name, Promise):
        name = str(name)
    instance.name = name_keys().get(name, name)


def on_role_saved(sender, instance, **kwargs):
    """Translated again once stored, for what the admin shows after saving."""
    show_translated(instance)


def shown_name(name):
    """A name as it was written into a record (Wagtail's page history keeps the workflow's and
    task's names in the language of whoever acted: the member who submitted, in Dutch), in the
    language active now, if it is one of ours."""
    key = name_keys().get(name) if isinstance(name, str) else None
    return translated_name(key) if key else name


# Wagtail's history entries of workflow actions, which name the workflow and its task.
WORKFLOW_LOG_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)


def with_names_shown(data):
    """A copy of a workflow history entry's data with its names in the active language."""
    workflow = data.get("workflow") if isinstance(data, dict) else None
    if not isinstance(workflow, dict):
        return data
    workflow = {**workflow, "title": shown_name(workflow.get("title"))}
    for step in ("task", "next"):
        if isinstance(workflow.get(step), dict):
            workflow[step] = {**workflow[step], "title": shown_name(workflow[step].get("title"))}
    return {**data, "workflow": workflow}


def names_shown_in_history(actions):
    """Wagtail's formatters of those entries read the names as stored; each now reads them in
    the language of whoever reads the history (a German editor read "'Beoordeling van
    bijdragen' gestartet", walk of 2026-12-05), for entries written before this too."""
    read_with(actions, WORKFLOW_LOG_ACTIONS, with_names_shown)


def name_as_text(self):
    """Group, Workflow and Task give their name as their str(): a lazy name is made a string
    (str() accepts only a string from __str__)."""
    return str(self.name)


def show_role_names_translated():
    """Groups, workflows and tasks with a known name show it in the language active when they
    are rendered."""
    for model in (Group, Workflow, Task, GroupApprovalTask, ContributionReviewTask):
        uid = f"jumelage_role_name_{model._meta.label_lower}"
        post_init.connect(on_role_loaded, sender=model, dispatch_uid=uid)
        pre_save.connect(on_role_saving, sender=model, dispatch_uid=uid)
        post_save.connect(on_role_saved, sender=model, dispatch_uid=uid)
    for model in (Group, Workflow, Task):
        model.__str__ = name_as_text
