from django.db import migrations

# Wagtail finds a page's children by their depth and a range of paths (treebeard's
# get_children, PageQuerySet.child_of), and indexes the path alone: without this index, the
# children of a home page (the navigation, the home page's overviews) are looked for among all
# of its descendants, every story and meeting of that language. Wagtail's own table, so not
# through a model's Meta; the path keeps its column's collation ("C" on PostgreSQL).
INDEX = "home_page_children"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_cacheversion"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX {INDEX}",
        ),
    ]
