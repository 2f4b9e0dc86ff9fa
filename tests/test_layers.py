"""The apps stand in layers: each imports only from the layers below it (README, "Where things
live"). Read from the source with `ast`, so a function-local import or an `apps.get_model`
string cannot hide an edge that goes up."""

import ast
from pathlib import Path

import pytest

# Reads source files only: the same on SQLite and on PostgreSQL with Redis, so CI runs it once.
pytestmark = pytest.mark.database_agnostic

ROOT = Path(__file__).resolve().parent.parent

# Bottom to top. A module belongs to the deepest entry its dotted name starts with.
LAYERS = ["home", "community", "exchanges", "jumelage", "jumelage.demo"]
# App labels, as `apps.get_model("community", "Town")` or `get_model("community.Town")` name them.
APP_LABELS = {"home": "home", "community": "community", "exchanges": "exchanges"}
APP_LABELS |= {"jumelage": "jumelage", "demo": "jumelage.demo"}
# Calls that name a module or a model in a string.
MODULE_STRING_CALLS = {"import_module", "import_string"}
MODEL_STRING_CALLS = {"get_model", "get_app_config"}
SKIPPED_FOLDERS = {"migrations", "settings", "__pycache__"}


def layer_of(dotted):
    """The index of the layer a dotted module name belongs to, or None if it is not ours."""
    found = None
    for index, layer in enumerate(LAYERS):
        if dotted == layer or dotted.startswith(layer + "."):
            found = index
    return found


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules():
    for top in ("home", "community", "exchanges", "jumelage"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if not SKIPPED_FOLDERS & set(path.relative_to(ROOT).parts):
                yield path


def string_argument(node, position):
    if len(node.args) > position:
        argument = node.args[position]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            return argument.value
    return None


def referenced_modules(path):
    """(line, dotted name) of every module of ours that a file refers to."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module
            yield node.lineno, target
            for alias in node.names:  # `from jumelage import demo` reaches the demo layer
                inner = f"{target}.{alias.name}"
                if layer_of(inner) != layer_of(target):
                    yield node.lineno, inner
        elif isinstance(node, ast.Call):
            function = node.func
            called = getattr(function, "attr", None) or getattr(function, "id", None)
            if called in MODULE_STRING_CALLS and string_argument(node, 0):
                yield node.lineno, string_argument(node, 0)
            elif called in MODEL_STRING_CALLS and string_argument(node, 0):
                label = string_argument(node, 0).partition(".")[0]
                if label in APP_LABELS:
                    yield node.lineno, APP_LABELS[label]


def upward_edges():
    """ "file:line (its layer) uses module (a higher layer)", in the order of files and lines."""
    edges = set()
    for path in our_modules():
        own = layer_of(module_name(path))
        for line, target in referenced_modules(path):
            layer = layer_of(target)
            if layer is not None and layer > own:
                edges.add((path.relative_to(ROOT), line, LAYERS[own], target, LAYERS[layer]))
    return [
        f"{path}:{line} ({own}) uses {target} ({layer})"
        for path, line, own, target, layer in sorted(edges)
    ]


def test_each_app_imports_only_from_the_layers_below_it():
    edges = upward_edges()
    assert not edges, f"{len(edges)} imports go up a layer:\n" + "\n".join(edges)


def test_the_check_sees_function_local_imports_and_model_strings(tmp_path, monkeypatch):
    """The rule's own proof: a lower module that reaches up in each of the hidden ways."""
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "sneaky.py").write_text(
        "from django.apps import apps\n"
        "from . import blocks\n"
        "def stories():\n"
        "    from exchanges.models import StoryPage\n"
        "    return apps.get_model('community', 'Town'), apps.get_model('jumelage.Thing')\n"
        "def loader():\n"
        "    from jumelage import demo\n"
        "    return import_string('community.roles.is_member')\n"
    )
    for top in ("community", "exchanges", "jumelage"):
        (tmp_path / top).mkdir()
    assert upward_edges() == [
        "home/sneaky.py:4 (home) uses exchanges.models (exchanges)",
        "home/sneaky.py:5 (home) uses community (community)",
        "home/sneaky.py:5 (home) uses jumelage (jumelage)",
        "home/sneaky.py:7 (home) uses jumelage (jumelage)",
        "home/sneaky.py:7 (home) uses jumelage.demo (jumelage.demo)",
        "home/sneaky.py:8 (home) uses community.roles.is_member (community)",
    ]


# Function-local imports of our own code that are not a circle being dodged, by file: the demo
# loader disconnects the community's signal handlers while it loads (README, "Demo").
LOCAL_IMPORTS_ALLOWED = {"jumelage/demo/management/commands/load_demo.py": {"community"}}


def top_package(dotted):
    return dotted.partition(".")[0]


def imported_modules(node, package):
    """The dotted names of ours an import statement names, resolved like `referenced_modules`."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if layer_of(alias.name) is not None]
    if node.level:
        base = package.split(".")
        base = base[: len(base) - node.level + 1]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    return [target] if layer_of(target) is not None else []


def is_app_ready(function, owner):
    """`AppConfig.ready`: where an app connects its own signal handlers and registrations."""
    bases = [getattr(base, "id", None) or getattr(base, "attr", None) for base in owner.bases]
    return function.name == "ready" and "AppConfig" in bases


def local_imports():
    """ "file:line function imports module" for every import of our own code inside a function,
    but an app's own modules imported by its `AppConfig.ready`."""
    found = []
    for path in our_modules():
        name = module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        allowed = LOCAL_IMPORTS_ALLOWED.get(path.relative_to(ROOT).as_posix(), set())
        tree = ast.parse(path.read_text(), filename=str(path))
        owners = {
            child: node
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            for child in node.body
        }
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            owner = owners.get(function)
            ready = owner is not None and is_app_ready(function, owner)
            for node in ast.walk(function):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                for target in imported_modules(node, package):
                    if ready and top_package(target) == top_package(name):
                        continue
                    if top_package(target) in allowed:
                        continue
                    found.append(
                        f"{path.relative_to(ROOT)}:{node.lineno} {function.name} imports {target}"
                    )
    return sorted(set(found))


def test_no_function_local_import_of_our_own_code():
    """A circle between modules means a rule is in the wrong place (STYLE.md 1a): it is not
    hidden by importing inside a function."""
    found = local_imports()
    assert not found, f"{len(found)} function-local imports:\n" + "\n".join(found)


def test_the_check_sees_a_function_local_import_but_not_an_apps_ready(tmp_path, monkeypatch):
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    for top in ("home", "community", "exchanges", "jumelage"):
        (tmp_path / top).mkdir()
    (tmp_path / "community" / "emblems.py").write_text(
        "import hashlib\n"
        "def sector_emblem(sector):\n"
        "    from community.localization import sector_pages\n"
        "    from django.utils.html import format_html\n"
        "    return sector_pages()\n"
        "class Emblem:\n"
        "    def draw(self):\n"
        "        from .models import SectorPage\n"
        "        from home import cache\n"
    )
    (tmp_path / "community" / "apps.py").write_text(
        "from django.apps import AppConfig\n"
        "class CommunityConfig(AppConfig):\n"
        "    def ready(self):\n"
        "        from . import signal_handlers\n"
        "        from exchanges import signal_handlers as theirs\n"
    )
    assert local_imports() == [
        "community/apps.py:5 ready imports exchanges",
        "community/emblems.py:3 sector_emblem imports community.localization",
        "community/emblems.py:8 draw imports community.models",
        "community/emblems.py:9 draw imports home",
    ]
