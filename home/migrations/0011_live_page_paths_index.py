from django.db import migrations

# A story overview counts its live stories and collects the tags they carry (the filter's
# choices): both read every live page under it, ten thousand on a large site. Without this index
# PostgreSQL reads all of wagtailcore_page's wide rows for them (a sequential scan: 10 ms on the
# bench database, twice a request); with it, only this narrow index of the live pages (1-2 ms).
# Wagtail's own table, so not through a model's Meta (as 0006); the path keeps its column's
# collation ("C" on PostgreSQL), so a prefix (`path LIKE '0001…%'`) is a range of it.
INDEX = "home_live_page_paths"

CREATE = {
    "postgresql": (
        f"CREATE INDEX {INDEX} ON wagtailcore_page (depth, path) INCLUDE (id, alias_of_id) "
        "WHERE live"
    ),
    # No INCLUDE in SQLite: the same columns as keys make it as narrow.
    "sqlite": f"CREATE INDEX {INDEX} ON wagtailcore_page (depth, path, id, alias_of_id) WHERE live",
}


def create(apps, schema_editor):
    sql = CREATE.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in CREATE:
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0010_machine_translation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
