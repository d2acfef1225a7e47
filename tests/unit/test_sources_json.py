"""A JSON spec is parsed by orjson where that gives the standard parser's value, else by the
standard parser: the same value and the same diagnostics either way."""

from __future__ import annotations

import math
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.sources import load_spec


def _load(tmp_path: Path, data: bytes) -> object:
    path = tmp_path / "spec.json"
    path.write_bytes(data)
    return load_spec(path)


def test_an_integer_beyond_64_bits_stays_exact(tmp_path: Path) -> None:
    found = _load(tmp_path, b'{"maximum": 123456789012345678901234, "small": 18446744073709551615}')
    assert found == {"maximum": 123456789012345678901234, "small": 18446744073709551615}
    assert isinstance(found, dict) and isinstance(found["maximum"], int)


def test_what_orjson_refuses_gets_the_standard_value(tmp_path: Path) -> None:
    found = _load(tmp_path, b'{"a": NaN, "b": "\\ud800", "c": [1.5, "\xc3\xa9"]}')
    assert isinstance(found, dict)
    assert math.isnan(found["a"]) and found["b"] == "\ud800" and found["c"] == [1.5, "é"]


def test_broken_json_and_a_byte_order_mark_are_diagnostics_at_their_line(tmp_path: Path) -> None:
    broken = _load(tmp_path, b'{\n  "a": 1,\n  "b": \n}\n')
    assert isinstance(broken, Diagnostic)
    assert broken.render().endswith(
        "spec.json:4: error spec-invalid-json: not valid JSON: Expecting value"
    )
    marked = _load(tmp_path, b'\xef\xbb\xbf{"a": 1}')
    assert isinstance(marked, Diagnostic) and marked.code == "spec-invalid-json"
    assert "BOM" in marked.message
    latin = _load(tmp_path, b'{"a": "\xe9"}')
    assert isinstance(latin, Diagnostic) and latin.code == "spec-unreadable"
