"""Finding the project the working directory belongs to, the same way for every command.

Walking up from the working directory, the first folder holding a ``policyspec.toml`` or a
``pyproject.toml`` with a ``[tool.policyspec]`` table is the project's root (``policyspec.toml``
first when a folder has both), as ruff and mypy find their configuration. Failing that, a
``specs/`` folder in the working directory itself makes it a project with the default settings.
A ``pyproject.toml`` that does not mention policyspec is passed over without being parsed.
"""

from __future__ import annotations

from pathlib import Path

from policyspec._fs.display import display_name
from policyspec._fs.regular_files import FileTooLarge, Unreadable, read_regular_file
from policyspec.config.settings import ConfigError, Project
from policyspec.diagnostics import Diagnostic

__all__ = ["CONFIG_FILES", "find_project", "mentions_table"]

CONFIG_FILES = ("policyspec.toml", "pyproject.toml")
_MAX_CONFIG_BYTES = 1024 * 1024  # a configuration is a few hundred bytes


def find_project(start: Path | None = None) -> Project | None:
    """The project ``start`` (default: the working directory) belongs to, or None.

    :class:`~.settings.ConfigError` when the configuration found cannot be used.
    """
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            project = _configured(folder / name)
            if project is not None:
                return project
        if folder == here and (here / "specs").is_dir():
            return Project(here, None)
    return None


def _configured(path: Path) -> Project | None:
    """The project ``path`` configures, or None when it is absent or says nothing of policyspec."""
    if not path.is_file():
        return None
    try:
        text = read_regular_file(path, _MAX_CONFIG_BYTES).decode("utf-8")
    except (Unreadable, FileTooLarge, UnicodeDecodeError) as error:
        reason = getattr(error, "reason", None) or "not a readable UTF-8 file of at most 1 MiB"
        diagnostic = Diagnostic(display_name(path), 1, 1, "PS015", f"cannot read the configuration: {reason}")
        raise ConfigError([diagnostic]) from None
    if path.name == "pyproject.toml":
        return _from_pyproject(path, text)
    from policyspec.config.reading import parse_toml, read_settings

    return Project(path.parent.absolute(), path, read_settings(path, text, parse_toml(path, text), ()))


def _from_pyproject(path: Path, text: str) -> Project | None:
    """The project of a ``pyproject.toml`` with a ``[tool.policyspec]`` table, else None.

    Most say nothing of policyspec, which is decided without parsing: the TOML parser's import
    alone would cost every command's start-up noticeable time.
    """
    if "policyspec" not in text or not mentions_table(text, ("tool", "policyspec")):
        return None
    from policyspec.config.positions import key_position
    from policyspec.config.reading import parse_toml, read_settings

    tool = parse_toml(path, text).get("tool")
    table = tool.get("policyspec") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        line, column = key_position(text, ("tool",), "policyspec")
        message = "[tool.policyspec] must be a table of settings"
        raise ConfigError([Diagnostic(display_name(path), line, column, "PS015", message)])
    return Project(path.parent.absolute(), path, read_settings(path, text, table, ("tool", "policyspec")))


def mentions_table(text: str, table: tuple[str, ...]) -> bool:
    """Whether the TOML text may set something in ``table``: its header or a sub-table's, a dotted
    key, or the key in the parent table. Plain string work, no parsing and no regular expression;
    it may say yes wrongly (inside a multi-line string), never no: the parser then decides."""
    dotted = ".".join(table)
    parent, last = ".".join(table[:-1]), table[-1]
    in_parent = not parent
    for line in text.splitlines():
        bare = line.split("#", 1)[0].replace(" ", "").replace("\t", "").replace('"', "").replace("'", "")
        if bare.startswith("["):
            header = bare.lstrip("[").split("]", 1)[0]
            if header == dotted or header.startswith(dotted + "."):
                return True
            in_parent = header == parent
        else:
            sets = (dotted + ".", dotted + "=", *((last + ".", last + "=") if in_parent else ()))
            if bare.startswith(sets):
                return True
    return False
