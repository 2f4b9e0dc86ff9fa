from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and the bench's seeding (`load_demo`, `seed_bench`): installed by the
    development and test settings only, so a production server has neither command. The top
    layer: it may import every app of the project, and none imports it."""

    name = "jumelage.demo"
    label = "demo"
    verbose_name = "Jumelage demo content"
