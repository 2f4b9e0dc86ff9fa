"""How the settings connect to PostgreSQL: query plans kept per connection, unless a pooler
that cannot keep them is in between (DB_PREPARE_THRESHOLD, see the README). That PostgreSQL
really keeps them is tested on it (tests/test_prepared_statements.py)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Imports the settings in an interpreter of its own, without a database: the same on every
# database.
pytestmark = pytest.mark.database_agnostic

ROOT = Path(__file__).resolve().parent.parent
PRINT_OPTIONS = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
)


def database_options(database_url, **env):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(); {PRINT_OPTIONS}"],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "jumelage.settings.production",
            "SECRET_KEY": "test-database-settings-" + "x" * 40,
            "ALLOWED_HOSTS": "jumelage.example",
            "DATABASE_URL": database_url,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


POSTGRES = "postgres://jumelage@db.example:5432/jumelage"


def test_postgresql_queries_are_planned_once_per_connection_by_default():
    options = database_options(POSTGRES)
    # Prepared after two runs; which needs the parameters sent apart from the query's text.
    assert options["prepare_threshold"] == 2
    assert options["server_side_binding"] is True


def test_an_empty_prepare_threshold_turns_prepared_statements_off_for_a_pooler():
    options = database_options(POSTGRES, DB_PREPARE_THRESHOLD="")
    # Django's defaults: nothing prepared, parameters bound in the client.
    assert "prepare_threshold" not in options
    assert "server_side_binding" not in options
    assert database_options(POSTGRES, DB_PREPARE_THRESHOLD="5")["prepare_threshold"] == 5


def test_sqlite_has_no_prepare_threshold(tmp_path):
    assert "prepare_threshold" not in database_options(f"sqlite:///{tmp_path / 'db.sqlite3'}")
