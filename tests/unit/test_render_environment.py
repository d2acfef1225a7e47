"""The one Jinja environment: user templates first, built-ins second, undefined is an error."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.render import source_base_for
from generator.render.environment import BUILTIN_TEMPLATES, make_environment


def test_user_folder_wins_and_builtins_fill_in(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md.jinja").write_text("mine {{ x | md_text }}", encoding="utf-8")
    env = make_environment(tmp_path)
    assert env.get_template("docs/index.md.jinja").render(x="*a*") == "mine \\*a\\*"
    builtin = env.get_template("docs/tag.md.jinja").filename
    assert builtin is not None and Path(builtin).is_relative_to(BUILTIN_TEMPLATES)


def test_undefined_values_are_errors() -> None:
    template = make_environment().from_string("{{ missing }}")
    with pytest.raises(jinja2.UndefinedError):
        template.render()


def test_a_missing_template_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        make_environment(tmp_path / "nope")


def test_source_base_is_relative_from_the_docs_folder(tmp_path: Path) -> None:
    spec = tmp_path / "spec" / "im-user" / "openapi.yaml"
    assert source_base_for(spec, tmp_path / "generated" / "im-user") == "../../../spec/im-user/"
