"""The person's preferences: a TOML file beside their other settings, never the data file.

The data file holds the search; this file holds how its owner likes to work: the theme
and the keys. A missing file is the defaults. A broken one never keeps anyone from their
data: the app starts with the defaults for what is wrong, and says what and where.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_VAR = "BOUNCEBACK_CONFIG"
RESERVED_KEYS = {"ctrl+q": "quits the app", "ctrl+c": "copies, or quits on some terminals"}
"""Keys no binding may take: they must always work."""
FIXED_BINDINGS = {"app.quit": "ctrl+q must always quit"}
"""Bindings a key map may not move."""
DEFAULT_REMINDER_MINUTES = 30
MAX_REMINDER_MINUTES = 24 * 60

TEMPLATE = """\
# bounceback's settings: how you like to work. Your data lives elsewhere (see
# `bounceback --help`); this file is yours to edit. Every line below is commented
# out and shows the default: remove the leading "#" to change one.

# The colour theme: any name from the command palette's "Change theme" (ctrl+p).
# Empty: the theme last chosen in the app.
# theme = ""

# Minutes before an interview that the open app rings and shows a notice; the calendar
# export's alarm goes off as long before. 0: no reminder in the app.
# reminder_minutes = 30

[keymap]
# Change a key: the binding's id = the keys, comma-separated. `bounceback config
# --show` lists every binding id with its keys. For example:
# "board.move_right" = "ctrl+l,L"
# "board.move_left" = "ctrl+h,H"
# "journal.quick_mood" = "M"
"""


def default_config_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$BOUNCEBACK_CONFIG``, else the platform's config folder (looked up only here)."""
    environ = os.environ if environ is None else environ
    if value := environ.get(ENV_VAR):
        return Path(value).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("bounceback")) / "config.toml"


@dataclass(frozen=True)
class Config:
    """The settings in effect; ``sources`` says where each came from."""

    path: Path = Path()
    theme: str = ""
    reminder_minutes: int = DEFAULT_REMINDER_MINUTES
    keymap: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    """What was wrong with the file, one sentence each, naming file and line."""
    sources: dict[str, str] = field(default_factory=dict)
    """Setting name (``theme``, ``keymap.<id>``) to ``path:line``; absent = default."""


def load(path: Path, bindings: Mapping[str, Mapping[str, str]] | None = None) -> Config:
    """Read ``path``; a missing file is the defaults.

    ``bindings`` (scope → binding id → default keys) checks the key map; without it the
    key map is read but not checked (see :func:`known_bindings`).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(path)
    except (OSError, UnicodeError) as error:
        return Config(
            path, problems=(f"{path}: cannot be read ({_reason(error)}); defaults used.",)
        )
    import tomllib  # only once there is a file: most people never write one

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(path, problems=(f"{path}: not valid TOML ({error}); defaults used.",))
    problems: list[str] = []
    sources: dict[str, str] = {}

    def where(key: str) -> str:
        line = _line_of(text, key)
        return f"{path}:{line}" if line else str(path)

    theme = ""
    reminder_minutes = DEFAULT_REMINDER_MINUTES
    for key, value in data.items():
        if key == "theme":
            if isinstance(value, str):
                theme, sources["theme"] = value.strip(), where("theme")
            else:
                problems.append(f"{where(key)}: theme must be a name in quotes; default used.")
        elif key == "reminder_minutes":
            if type(value) is int and 0 <= value <= MAX_REMINDER_MINUTES:
                reminder_minutes, sources[key] = value, where(key)
            else:
                problems.append(
                    f"{where(key)}: reminder_minutes must be a whole number of minutes from 0 "
                    f"to {MAX_REMINDER_MINUTES}; {DEFAULT_REMINDER_MINUTES} used."
                )
        elif key != "keymap":
            problems.append(f"{where(key)}: {key!r} is not a setting bounceback knows; ignored.")
    keymap: dict[str, str] = {}
    raw_keymap = data.get("keymap", {})
    if not isinstance(raw_keymap, dict):
        problems.append(f"{where('keymap')}: keymap must be a [keymap] table; default keys used.")
        raw_keymap = {}
    for binding_id, keys in raw_keymap.items():
        if not isinstance(keys, str) or not _split_keys(keys):
            problems.append(
                f"{where(binding_id)}: the keys for {binding_id!r} must be a string such as "
                '"ctrl+l,L"; its default keys are used.'
            )
            continue
        keymap[binding_id] = ",".join(_split_keys(keys))
        sources[f"keymap.{binding_id}"] = where(binding_id)
    if bindings is not None:
        keymap, found = check_keymap(keymap, bindings, where)
        problems += found
    return Config(path, theme, reminder_minutes, keymap, tuple(problems), sources)


def check_keymap(
    keymap: Mapping[str, str],
    bindings: Mapping[str, Mapping[str, str]],
    where: Any = str,
) -> tuple[dict[str, str], list[str]]:
    """The entries of ``keymap`` that can be applied, and a sentence for each that cannot.

    ``bindings`` is scope (the app, a pane, a dialog) → binding id → default keys. An
    entry is refused when its id is unknown, when it takes a reserved key, or when it
    gives a key that another binding of the same scope (or the app-wide one) keeps.
    """
    every_id = {binding_id for scope in bindings.values() for binding_id in scope}
    usable: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in every_id:
            problems.append(f"{where(binding_id)}: no binding has the id {binding_id!r}; ignored.")
        elif binding_id in FIXED_BINDINGS:
            problems.append(f"{where(binding_id)}: {FIXED_BINDINGS[binding_id]}; ignored.")
        elif taken := [key for key in _split_keys(keys) if key in RESERVED_KEYS]:
            problems.append(
                f"{where(binding_id)}: {taken[0]} {RESERVED_KEYS[taken[0]]}; "
                f"{binding_id!r} keeps its default keys."
            )
        else:
            usable[binding_id] = keys
    # Clashes, once every entry is in place: a swap of two keys is fine.
    app_scope = bindings.get("app", {})
    for scope, scoped in bindings.items():
        effective = {**(app_scope if scope != "app" else {}), **scoped}
        owners: dict[str, list[str]] = {}
        for binding_id, default in effective.items():
            for key in _split_keys(usable.get(binding_id, default)):
                owners.setdefault(key, []).append(binding_id)
        for key, ids in owners.items():
            remapped = [binding_id for binding_id in ids if binding_id in usable]
            if len(ids) > 1 and remapped:
                for binding_id in remapped:
                    others = ", ".join(repr(other) for other in ids if other != binding_id)
                    problems.append(
                        f"{where(binding_id)}: {key} already belongs to {others} ({scope}); "
                        f"{binding_id!r} keeps its default keys."
                    )
                    usable.pop(binding_id, None)
    return usable, list(dict.fromkeys(problems))


def known_bindings() -> dict[str, dict[str, str]]:
    """Every binding with an id, by the class it belongs to (the app, each pane and
    dialog): scope name → binding id → its default keys. Imports every dialog, so it is
    called only when there is a key map to check or to show."""
    import importlib
    import pkgutil

    from textual.binding import Binding

    import tui.dialogs
    import tui.panes
    from tui.app import BouncebackApp

    classes: list[type] = [BouncebackApp]
    for package in (tui.panes, tui.dialogs):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            classes += [
                value
                for value in vars(module).values()
                if isinstance(value, type) and value.__module__ == module.__name__
            ]
    scopes: dict[str, dict[str, str]] = {}
    for cls in classes:
        found: dict[str, str] = {}
        for klass in reversed(cls.__mro__):  # inherited first, the class's own over them
            for binding in vars(klass).get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    found[binding.id] = binding.key
        if found:
            scopes["app" if cls is BouncebackApp else cls.__name__] = found
    return scopes


def write_template(path: Path) -> bool:
    """Write the commented settings file unless one is there; whether it was written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(TEMPLATE)
    except FileExistsError:
        return False
    return True


def describe(config: Config, bindings: Mapping[str, Mapping[str, str]]) -> Iterable[str]:
    """The settings in effect, each with where it came from, as lines to print."""
    yield f"config file: {config.path}" + ("" if config.path.exists() else " (not there: defaults)")
    yield f"theme = {config.theme!r}  # {config.sources.get('theme', 'default')}"
    minutes_from = config.sources.get("reminder_minutes", "default")
    yield f"reminder_minutes = {config.reminder_minutes}  # {minutes_from}"
    yield "[keymap]"
    every = {binding_id: keys for scope in bindings.values() for binding_id, keys in scope.items()}
    for binding_id in sorted(every):
        keys = config.keymap.get(binding_id, every[binding_id])
        source = (
            config.sources["keymap." + binding_id] if binding_id in config.keymap else "default"
        )
        yield f"{binding_id!r} = {keys!r}  # {source}"
    for problem in config.problems:
        yield f"problem: {problem}"


def _split_keys(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key`` is set (bare or quoted), for messages."""
    pattern = re.compile(
        rf"^\s*(?:{re.escape(key)}|[\"']{re.escape(key)}[\"'])\s*=|^\s*\[{re.escape(key)}\]"
    )
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__
