from django.apps import AppConfig


class JumelageConfig(AppConfig):
    """The project package as the top app: what looks across the apps below it (search, the
    sitemap, the editors' dashboard, site-wide admin hooks, `setup_site`)."""

    name = "jumelage"
    label = "jumelage"
    verbose_name = "Jumelage"
