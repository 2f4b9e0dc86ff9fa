"""The search backend: on PostgreSQL, each language's text stemmed by that language's rules.

PostgreSQL reduces words to stems by a text search configuration: `dutch` makes "boeren" and
"boer" one word, `german` "Gemeinden" and "Gemeinde". Wagtail's database backend takes one
configuration (`SEARCH_CONFIG`) for everything it indexes and searches; without one PostgreSQL
uses its default, `english`, which leaves "boeren" whole and cuts "melkveehouders" wrongly.
Two backend aliases, one per language, would not do: every database backend writes the same index
table, one row per object, so the second would overwrite what the first wrote. Instead this
backend indexes each object with the configuration of its locale (`LANGUAGE_CONFIGS` in the
backend's settings; content without a locale, such as images, with `SEARCH_CONFIG`), and a search
says which language it reads the words in (`search_backend(language)`), through the option
Wagtail's own `get_search_backend` passes on. Wagtail's admin searches with autocomplete, which is
indexed without stemming (`simple`) whatever the language, so it is not affected.

SQLite's full-text search has no stemmers; there Wagtail's backend is used as it is."""

from collections import defaultdict

from django.conf import settings
from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from home.cache import language_code_of


def language_configs():
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("LANGUAGE_CONFIGS", {})


def search_backend(language):
    """The search backend that reads a query as words of `language`."""
    config = language_configs().get(language)
    return get_search_backend("default", **({"SEARCH_CONFIG": config} if config else {}))


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Indexes the objects of each locale through Wagtail's own index, set to that locale's
        configuration."""
        configs = self.backend.language_configs
        by_config = defaultdict(list)
        for obj in objs:
            language = language_code_of(getattr(obj, "locale_id", None))
            by_config[configs.get(language, self.backend.config)].append(obj)
        for config, group in by_config.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.params = params
        self.language_configs = params.get("LANGUAGE_CONFIGS", {})

    def with_config(self, config):
        return PostgresSearchBackend({**self.params, "SEARCH_CONFIG": config})


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
