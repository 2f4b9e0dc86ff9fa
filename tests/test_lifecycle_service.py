"""A member's contribution changes state only through the lifecycle service,
community/contributions.py: created (`create_contribution`), edited (`update_contribution`),
submitted, withdrawn, approved, rejected, hidden and deleted there. The views, the review task
(community/models/review.py: the admin's decisions) and the reports call its functions; Wagtail's
own approval and deletion of a contribution reach it through the workflow's finish action
(community/approval.py) and the pre_delete signal (community/signal_handlers.py). Read from the
source with `ast`, as tests/test_layers.py reads imports, so a shortcut shows up with its file
and line before it ships.

A contribution has no status field of its own: its state (`ContributionState`) is read from the
page's `live` and `first_published_at`, its `declined_at`/`decline_reason`
(community/models/contribution.py) and the status of its Wagtail workflow and task. So outside
the service, code of ours may not

- assign one of those fields (`page.live = …`, `setattr(page, "declined_at", …)`, a queryset's
  `.update(live=…)`, a contribution page built with `member_contribution=True`), nor the
  `status` of a workflow or task state;
- move a workflow or task (`start`, `resume`, `cancel`, `approve`, `reject`, `finish`, told
  from other methods of those names by the user they are given);
- save a revision of a page, publish or unpublish one (`save_revision`, `publish`,
  `unpublish`);
- delete a page (`page.delete()`, `Page.objects.filter(…).delete()`);
- put a page into the tree (`add_child(instance=…)`, `add_sibling(instance=…)`).

Calls on the service itself (`contributions.reject(…)`) and on a model's manager
(`Registration.objects.cancel(…)`: a registration, not a workflow) are what the rule asks for.

Not read: the service; the mixin that defines the fields; migrations (history, not behaviour);
`jumelage/demo`, which builds contributions in every state of moderation on purpose (its members'
contributions go through `create_contribution`, then it decides them as an editor would, without
a request); and the tests, which build the states they test. The site tree builder
(jumelage/site_tree.py) makes the pages every site starts with (home, overviews, standard pages)
and the demo's pages from data files: its page-building functions are named in `BUILDERS`.
`PROPAGATIONS` names the functions that (re)publish pages in answer to a publish the lifecycle
already decided, and only pages that are on the site (ScheduleOfTranslationsTests)."""

import ast
from pathlib import Path

import time_machine
from django.test import TestCase

from exchanges.models import MeetingPage
from tests.calendar_base import CalendarMixin, local

ROOT = Path(__file__).resolve().parent.parent

SERVICE = "community/contributions.py"
NOT_READ = {SERVICE, "community/models/contribution.py"}
NOT_READ_FOLDERS = {"migrations", "__pycache__"}
DEMO = "jumelage/demo/"

# The fields a contribution's state is read from (community/contributions.py, `state_of`), and
# those Wagtail keeps in step with them when it publishes.
STATE_FIELDS = {"live", "first_published_at", "last_published_at", "has_unpublished_changes"}
STATE_FIELDS |= {"live_revision", "declined_at", "decline_reason", "member_contribution"}
# Moves of a Wagtail workflow (Workflow.start, WorkflowState, TaskState): each names who makes
# it (the user), which tells them from a regular expression's `match.start()`.
WORKFLOW_MOVES = {"start", "resume", "cancel", "approve", "reject", "finish"}
# What a revision does.
REVISION_MOVES = {"save_revision", "publish", "unpublish"}
TREE_INSERTS = {"add_child", "add_sibling"}

# file -> functions in it that build the site's own pages from data files.
BUILDERS = {"jumelage/site_tree.py": {"publish", "dutch_home", "add_page", "translate_page"}}
# file -> function that publishes what follows a publish: a meeting's schedule moves to its
# translations once the source is published (exchanges/signal_handlers.py).
PROPAGATIONS = {
    "exchanges/signal_handlers.py": {"push_schedule_to_translations"},
    # A member's approved contribution published in the other language, and taken off with it.
    "home/machine_translation.py": {"publish_translation", "follow_original"},
}
# file -> functions that carry out the go-live and expiry dates an editor set in the admin, as
# Wagtail's `publish_scheduled` does, one page at a time and under the registrations' lock
# (exchanges/expiry.py, which the worker's schedule runs instead of Wagtail's command).
SCHEDULE = {
    "exchanges/expiry.py": {"_expire_or_keep", "unpublish_expired", "publish_scheduled_changes"}
}


def our_modules():
    for top in ("home", "community", "exchanges", "jumelage"):
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT)
            name = relative.as_posix()
            if name in NOT_READ or name.startswith(DEMO) or NOT_READ_FOLDERS & set(relative.parts):
                continue
            yield path


def contribution_models(paths):
    """The names of the page classes that are contributions (those built on ContributionMixin)."""
    names = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ClassDef):
                bases = {
                    getattr(base, "id", None) or getattr(base, "attr", None) for base in node.bases
                }
                if "ContributionMixin" in bases:
                    names.add(node.name)
    return names


def root_name(node):
    """`Page` of `Page.objects.get(pk=1)`, `page` of `page.specific`: the name a chain starts at."""
    while True:
        if isinstance(node, ast.Attribute | ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return getattr(node, "id", "")


def is_page(node, models):
    """A page, or pages, by the name the code gives it."""
    name = root_name(node)
    return name == "Page" or name in models or "page" in name.lower() and name[:1].islower()


def is_workflow_state(node):
    text = ast.unparse(node).lower()
    return "workflow" in text or "task" in text


def exempt_receiver(node):
    """The service itself, or a model's manager with its own rule (`Registration.objects`)."""
    if isinstance(node, ast.Name) and node.id == "contributions":
        return True
    return isinstance(node, ast.Attribute) and node.attr == "objects"


class Checker(ast.NodeVisitor):
    def __init__(self, models):
        self.models = models
        self.found = []
        self.function = None

    def report(self, node, what):
        self.found.append((node.lineno, self.function, what))

    def visit_FunctionDef(self, node):
        outer, self.function = self.function, self.function or node.name
        self.generic_visit(node)
        self.function = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def assigned(self, target):
        if isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self.assigned(element)
        elif isinstance(target, ast.Attribute):
            if target.attr in STATE_FIELDS:
                self.report(target, f"assigns .{target.attr}")
            elif target.attr == "status" and is_workflow_state(target.value):
                self.report(target, f"assigns {ast.unparse(target)}")

    def visit_Assign(self, node):
        for target in node.targets:
            self.assigned(target)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self.assigned(node.target)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        self.assigned(node.target)
        self.generic_visit(node)

    def visit_Call(self, node):
        function = node.func
        keywords = {keyword.arg for keyword in node.keywords if keyword.arg}
        if isinstance(function, ast.Name):
            if function.id == "setattr" and len(node.args) > 1:
                field = node.args[1]
                if isinstance(field, ast.Constant) and field.value in STATE_FIELDS:
                    self.report(node, f'setattr(…, "{field.value}", …)')
            elif function.id in self.models and keywords & STATE_FIELDS:
                self.report(node, f"builds a {function.id} with {sorted(keywords & STATE_FIELDS)}")
        elif isinstance(function, ast.Attribute):
            method, receiver = function.attr, function.value
            if method in {"update", "create", "get_or_create", "update_or_create"}:
                if keywords & STATE_FIELDS:
                    fields = sorted(keywords & STATE_FIELDS)
                    self.report(node, f".{method}() of {fields}")
                elif "status" in keywords and is_workflow_state(receiver):
                    self.report(node, f".{method}(status=…) of a workflow")
            elif exempt_receiver(receiver):
                pass
            elif method in REVISION_MOVES or method in WORKFLOW_MOVES and (node.args or keywords):
                self.report(node, f"calls {ast.unparse(function)}()")
            elif method == "delete" and is_page(receiver, self.models):
                self.report(node, f"deletes {ast.unparse(receiver)}")
            elif method in TREE_INSERTS and "instance" in keywords:
                self.report(node, f"inserts a page with {method}(instance=…)")
        self.generic_visit(node)


def bypasses(source, models, filename="<source>"):
    """(line, enclosing top-level function or None, what) of each change of state in `source`."""
    checker = Checker(models)
    checker.visit(ast.parse(source, filename=filename))
    return checker.found


def lifecycle_bypasses():
    """ "file:line (function): what" of every change of a contribution's state outside the
    service, in the order of files and lines."""
    paths = list(our_modules())
    models = contribution_models([*paths, ROOT / "community/models/contribution.py"])
    found = []
    for path in paths:
        relative = path.relative_to(ROOT).as_posix()
        allowed = BUILDERS.get(relative, set()) | PROPAGATIONS.get(relative, set())
        allowed |= SCHEDULE.get(relative, set())
        for line, function, what in bypasses(path.read_text(), models, str(path)):
            if function not in allowed:
                found.append(f"{relative}:{line} ({function or 'module'}): {what}")
    return found


def test_contributions_change_state_only_through_the_lifecycle_service():
    found = lifecycle_bypasses()
    assert not found, (
        f"{len(found)} changes of a contribution's state bypass {SERVICE}:\n" + "\n".join(found)
    )


def test_the_check_knows_the_contribution_page_types():
    models = contribution_models(list(our_modules()))
    assert {"StoryPage", "MeetingPage"} <= models


def test_the_check_catches_each_way_around_the_service():
    """The rule's own proof: one snippet per forbidden form, each reported on its line; the
    service's own calls and a manager's rule are not."""
    source = "\n".join(
        [
            "def view(request, page, task_state, workflow, parent):",
            "    page.live = False",  # 2
            "    page.declined_at, page.decline_reason = now, 'no'",  # 3
            "    setattr(page, 'member_contribution', True)",  # 4
            "    StoryPage.objects.filter(pk=1).update(live=True)",  # 5
            "    task_state.status = TaskState.STATUS_REJECTED",  # 6
            "    page.current_workflow_state.cancel(user=request.user)",  # 7
            "    workflow.start(page, request.user)",  # 8
            "    task_state.approve(user=request.user)",  # 9
            "    page.save_revision(user=request.user).publish()",  # 10
            "    page.specific.unpublish()",  # 11
            "    Page.objects.get(pk=page.pk).delete()",  # 12
            "    parent.add_child(instance=StoryPage(title='x'))",  # 13
            "    MeetingPage(title='x', member_contribution=True)",  # 14
            "    TaskState.objects.filter(pk=1).update(status='rejected')",  # 15
            "    contributions.reject(task_state, request.user, 'no')",  # 16: the service
            "    Registration.objects.cancel(meeting, request.user)",  # 17: a manager's rule
            "    restriction.delete()",  # 18: not a page
            "    registration.status = 'cancelled'",  # 19: not a workflow
            "    re.match('a', 'b').start()",  # 20: not a workflow
        ]
    )
    found = bypasses(source, {"StoryPage", "MeetingPage"})
    lines = [line for line, _, _ in found]
    assert lines == [2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13, 14, 15], found
    assert {function for _, function, _ in found} == {"view"}


def test_a_function_allowed_to_build_pages_covers_only_itself(tmp_path, monkeypatch):
    """An exemption names functions: a new shortcut beside them in the same file is caught."""
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    for top in ("home", "community", "exchanges", "jumelage"):
        (tmp_path / top).mkdir()
    (tmp_path / "jumelage" / "site_tree.py").write_text(
        "def publish(page):\n"
        "    page.save_revision().publish()\n"
        "def shortcut(page):\n"
        "    page.unpublish()\n"
    )
    (tmp_path / "community" / "models").mkdir()
    (tmp_path / "community" / "models" / "contribution.py").write_text("")
    assert lifecycle_bypasses() == ["jumelage/site_tree.py:4 (shortcut): calls page.unpublish()"]


@time_machine.travel(local(2026, 3, 2, 10, 0), tick=False)
class ScheduleOfTranslationsTests(CalendarMixin, TestCase):
    """The one function of `PROPAGATIONS`: a meeting's new time reaches its translations, but
    publishes only those that are on the site. A translation an editor took off the site (or
    never published) stays off it, and takes the new time in its draft."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.dutch = cls.meeting(local(2026, 5, 1, 19, 0), title="Raadsontmoeting", slug="raad")
        cls.german_version = cls.translated(cls.dutch, title="Ratstreffen", slug="rat")

    def move_dutch_meeting(self):
        dutch = MeetingPage.objects.get(pk=self.dutch.pk)
        dutch.start, dutch.end = local(2026, 5, 8, 19, 0), local(2026, 5, 8, 21, 0)
        dutch.save_revision().publish()

    def test_a_german_meeting_taken_off_the_site_stays_off_when_the_dutch_one_moves(self):
        MeetingPage.objects.get(pk=self.german_version.pk).unpublish()
        self.move_dutch_meeting()
        german = MeetingPage.objects.get(pk=self.german_version.pk)
        self.assertFalse(german.live)
        self.assertEqual(self.client.get("/de/kalender/rat/").status_code, 404)
        # Published later by an editor, it shows the new time.
        self.assertEqual(german.get_latest_revision_as_object().start, local(2026, 5, 8, 19, 0))

    def test_a_published_german_meeting_moves_with_the_dutch_one(self):
        self.move_dutch_meeting()
        german = MeetingPage.objects.get(pk=self.german_version.pk)
        self.assertTrue(german.live)
        self.assertEqual(german.start, local(2026, 5, 8, 19, 0))
