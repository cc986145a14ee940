"""The layout says the architecture (DESIGN §9), and these tests keep it so: each module
imports only from the layers below it, so there are no import cycles; the store knows
files and nothing above the model; TinyDB, Rich and the environment each have one
door."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "aidtrack"

LAYERS: list[set[str]] = [
    {"__init__", "errors", "formats", "jsonout"},  # the package, names it lends | JSON out
    {"money", "places", "rates", "indicators", "presets"},  # presets: shipped mapping files
    {"model", "groups", "lexicon"},  # the record | donor groups | the donors' languages
    {"layout"},  # the store file's layout, and reading it by the line: the store's alone
    {
        "store",
        "counting",
        "mapping",
    },  # files, locks, atomic writes, migrations | what counts (pure)
    {"rules", "analysis", "extract"},  # rules | selection | news
    {"extract_scoring"},  # the measure of extract on tables of real sentences
    {"totals"},  # the derived year totals: over the store, never under it
    {"ledger", "yearly", "checks", "completion"},  # writes' rules | reports | check | Tab
    {"importing"},  # a file's records checked against the store, stored all or none
    {"reconcile"},  # the store against another tracker's file, counted as reports count
    {"drawing"},  # the drawing engine: Rich, markdown, pictures
    {"interchange", "database", "iati"},  # files in and out
    {"reading"},  # which reader a file takes: `import` and `reconcile` read alike
    {"workbook"},  # Excel workbooks out: records, sources, year totals; a report's rows
    {"views"},  # each command's view: drawn, and as data for scripts
    {"environment"},  # streams, terminal flags, the user's defaults
    {"cli"},  # the thin command line
    {"entry"},  # the console script: signal handlers, then the command line
    {"__main__"},  # python -m aidtrack
]
"""Bottom first. A module may import from the layers below its own, never above or beside."""


def layer_of(module: str) -> int:
    top = module.split(".")[0]
    places = [i for i, layer in enumerate(LAYERS) if top in layer]
    assert places, f"aidtrack.{module} has no place in LAYERS: add it to the layer it is in"
    return places[0]


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)
        yield name, path


def runtime(path: Path) -> ast.Module:
    """The module's code without what only a type checker reads (`if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    return tree


def imports(path: Path, module: str) -> set[str]:
    """The aidtrack modules `path` imports when it runs (at the top or inside functions;
    imports for type checkers only are left out)."""
    tree = runtime(path)
    found: set[str] = set()
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    if module == "__init__":
        package = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = [*base, *(node.module.split(".") if node.module else [])]
            if node.module:
                found.add(".".join(target))
            else:
                found.update(".".join([*target, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            found.update(n.removeprefix("aidtrack.") for n in names if n.startswith("aidtrack."))
    known = {name for name, _ in modules()}
    resolved = set()
    for name in found:
        while name and name not in known:  # `from . import Format`: a name, not a module
            name = name.rpartition(".")[0]
        resolved.add(name or "__init__")
    return resolved - {module}


def third_party(path: Path) -> set[str]:
    """The top-level packages `path` imports when it runs."""
    tree = runtime(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_module_imports_only_from_the_layers_below_it() -> None:
    wrong, read = [], 0
    for module, path in modules():
        for imported in imports(path, module):
            read += 1
            if module.startswith("cli") and imported.startswith("cli"):
                continue  # the command modules register on the app of cli/__init__
            if layer_of(imported) >= layer_of(module):
                wrong.append(f"{module} imports {imported}")
    assert read, "no import was read: the rule was checked on nothing"
    assert wrong == []


def test_every_module_has_its_place_in_the_layers() -> None:
    """One place each: a module in no layer, or in two, has no rule to keep."""
    tops = {module.split(".")[0] for module, _ in modules()}
    places = {top: [i for i, layer in enumerate(LAYERS) if top in layer] for top in tops}
    assert {top: found for top, found in places.items() if len(found) != 1} == {}
    assert set().union(*LAYERS) == tops, "LAYERS names a module that is not there"


def test_the_store_imports_nothing_above_the_model() -> None:
    path = PACKAGE / "store.py"
    assert imports(path, "store") <= {"errors", "model", "layout"}


def test_each_outside_thing_has_one_door() -> None:
    doors = {"tinydb": {"store"}, "rich": {"drawing"}}
    for library, allowed in doors.items():
        users = {module for module, path in modules() if library in third_party(path)}
        assert users <= allowed, (library, users)
    readers = {
        module
        for module, path in modules()
        if "os.environ" in path.read_text() or "getenv" in path.read_text()
    }
    assert readers == {"environment"}
