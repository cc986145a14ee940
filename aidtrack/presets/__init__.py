"""Shipped column maps ("presets"): `--mapping kiel` reads the Kiel tracker's workbook as
published, `--mapping iati` an IATI activity file.

A preset is a TOML mapping file in this folder, named by its stem, in the format of any
`--mapping FILE` (`[map]`, `[set]`, `[values.FIELD]`), so a user can copy one and change
it. A few top-level keys say how to read the file, in a user's copy as in a preset:

    description = "one line for `--mapping list`"
    reader = "table"      # or "iati": IATI activity XML, read by `aidtrack.iati`
    sheet = "..."         # the sheet of a workbook (default: the first)
    skip_empty = true     # as --skip-empty: rows without an amount are left out
    round = true          # as --round: amounts with float noise rounded to cents

This module knows files and names only; `mapping` resolves a `--mapping` value through
it, the command line applies the options.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

from ..errors import InvalidInput

READERS = ("table", "iati")
LIST = "list"
"""`--mapping list` prints the presets instead of importing."""
_NAME = re.compile(r"[a-z][a-z0-9_-]*")


@dataclass(frozen=True)
class Preset:
    """A shipped mapping file: its name, its one-line description, where it is."""

    name: str
    description: str
    location: str
    """The file's path, to copy it (`cp "$(...)" mine.toml`)."""
    text: str


@dataclass(frozen=True)
class Options:
    """How a mapping file says its file is read, beside the column map itself."""

    reader: str = "table"
    sheet: str | None = None
    skip_empty: bool = False
    round: bool = False
    description: str = ""


def _folder() -> Traversable:
    return files(__name__)


def _files() -> dict[str, Traversable]:
    return {
        entry.name.removesuffix(".toml"): entry
        for entry in _folder().iterdir()
        if entry.name.endswith(".toml") and entry.is_file()
    }


def names() -> list[str]:
    """The shipped presets' names, sorted."""
    return sorted(_files())


def is_name(value: str) -> bool:
    """Whether `value` could name a preset (a bare lower-case word, not a path)."""
    return bool(_NAME.fullmatch(value))


def find(name: str) -> Preset | None:
    """The preset of that name, or None."""
    entry = _files().get(name)
    if entry is None:
        return None
    text = entry.read_text(encoding="utf-8")
    return Preset(name, options(text, f"preset {name}").description, str(entry), text)


def all_presets() -> list[Preset]:
    return [preset for name in names() if (preset := find(name)) is not None]


def listing() -> list[str]:
    """One line per preset: its name, what it reads, and its file (to copy and change)."""
    presets = all_presets()
    width = max((len(preset.name) for preset in presets), default=0)
    return [
        f"{preset.name:<{width}}  {preset.description} ({preset.location})" for preset in presets
    ]


def unknown(value: str) -> InvalidInput:
    """The error for a `--mapping` value that is neither a file nor a preset."""
    known = ", ".join(names())
    return InvalidInput(
        f"--mapping {value!r} is neither a mapping file nor a preset; the presets are "
        f"{known} (aidtrack import --mapping list describes them)"
    )


def text_of(value: str) -> str | None:
    """The TOML of preset `value`, or None when no preset has that name."""
    preset = find(value) if is_name(value) else None
    return preset.text if preset else None


def options(text: str, where: str = "the mapping file") -> Options:
    """The top-level keys of a mapping file that say how to read its file."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(f"{where} is not TOML: {error}") from None
    reader = document.get("reader", "table")
    if reader not in READERS:
        raise InvalidInput(f"{where}: reader = {reader!r}; it is one of {', '.join(READERS)}")
    sheet = document.get("sheet")
    if sheet is not None and not isinstance(sheet, str):
        raise InvalidInput(f'{where}: sheet must be text, e.g. sheet = "Main data"')
    flags = {}
    for key in ("skip_empty", "round"):
        value = document.get(key, False)
        if not isinstance(value, bool):
            raise InvalidInput(f"{where}: {key} must be true or false")
        flags[key] = value
    description = document.get("description", "")
    return Options(
        reader=str(reader),
        sheet=sheet,
        skip_empty=flags["skip_empty"],
        round=flags["round"],
        description=str(description),
    )
