"""The one Jinja environment factory, for production and tests alike.

A `ChoiceLoader` looks in the user's template folder first (`--templates DIR`) and in the
built-in `templates/` folder second, so any single template can be replaced by a file of the
same relative name. `StrictUndefined` turns a missing value into an error; compiled
templates are kept in the cache folder; there is no autoescaping because nothing here is
HTML: escaping is the filters' job (see `filters.py`).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
)

from generator.cache import cache_dir
from generator.render.filters import all_filters

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def make_environment(templates: Path | None = None) -> Environment:
    """The environment; raises `NotADirectoryError` if `templates` is not a folder."""
    if templates is not None and not templates.is_dir():
        raise NotADirectoryError(f"template folder not found: {templates}")
    loaders = [FileSystemLoader(str(templates))] if templates is not None else []
    loaders.append(FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(all_filters())
    return env


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept in the cache folder (keyed by their source by Jinja itself):
    compiling the twenty templates costs a quarter of a second on every run otherwise."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / "jinja").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder / "jinja"))
