"""On PostgreSQL, a query a connection ran twice is planned once and its plan kept: the pages'
queries join many tables, and planning them took PostgreSQL longer than running them."""

import pytest
from django.db import connection
from django.test import TestCase

from home.models import HomePage


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
class PreparedStatementsTests(TestCase):
    def prepared(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [statement for (statement,) in cursor.fetchall()]

    def test_a_query_run_twice_keeps_its_plan(self):
        for _ in range(3):
            list(HomePage.objects.filter(depth=2, slug="anything"))
        self.assertTrue(
            any(
                '"home_homepage"' in statement and "$1" in statement
                for statement in self.prepared()
            )
        )
