"""Bad input: one-line `file:line: severity code: message` diagnostics, exit 1, no traceback,
and the existing output left exactly as it was."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEEP = "previous spec, must survive\n"
DIAGNOSTIC = re.compile(r"^[\w./-]+(:\d+)?: (error|warning|info) [a-z-]+: \S")

CUT_TABLE = """1.1 Set avatar
PUT /user/avatar
| Parameter name |
Data Type |
Required |
Description |
| app_id |
string |
true |
App ID |
| avatar |
string |
"""

NO_METHOD = """1.1 Set avatar
| Parameter name |
Data Type |
Required |
Description |
| app_id |
string |
true |
App ID |
1.2 Get avatar
GET /user/avatar
"""


def _import(tmp_path: Path, name: str, content: bytes | None) -> tuple[int, list[str], Path]:
    doc = tmp_path / name
    if content is not None:
        doc.write_bytes(content)
    out = tmp_path / "out" / "openapi.yaml"
    out.parent.mkdir()
    out.write_text(KEEP, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "import", name, "-o", "out/openapi.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert "Traceback" not in proc.stderr
    return proc.returncode, proc.stderr.splitlines(), out


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.txt", None, "missing.txt: error file-not-found: no such file"),
        (
            "empty.txt",
            b"  \n\n",
            "empty.txt:1: error file-empty: empty document: nothing to import",
        ),
        (
            "binary.txt",
            b"PK\x03\x04\n\x00\x01",
            "binary.txt:2: error file-binary: binary file (NUL byte), not a document",
        ),
        ("latin1.txt", b"caf\xe9 |\n", "latin1.txt:1: error file-encoding: not valid UTF-8 text"),
        (
            "prose.txt",
            b"Just a paragraph of prose.\nAnd another.\n",
            "prose.txt: error "
            "format-unknown: cannot tell the document's format; use --format "
            "(cells, markdown, scraped, pipes, html)",
        ),
    ],
)
def test_bad_input_is_diagnosed_and_nothing_is_written(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    code, lines, out = _import(tmp_path, name, content)
    assert code == 1
    assert expected in lines
    assert all(DIAGNOSTIC.match(line) for line in lines[:-2]), lines
    assert lines[-1] == "out/openapi.yaml: not written: the input has errors"
    assert out.read_text(encoding="utf-8") == KEEP
    assert sorted(p.name for p in out.parent.iterdir()) == ["openapi.yaml"]


def test_what_was_understood_is_written_and_the_rest_reported(tmp_path: Path) -> None:
    """A damaged row costs its row, not the spec: exit 1, the spec is written (partial)."""
    code, lines, out = _import(tmp_path, "cut.txt", CUT_TABLE.encode())
    assert code == 1
    assert "cut.txt:11: error table-row-incomplete: table row has 2 of 4 cells (cut off?)" in lines
    assert lines[-1] == (
        "out/openapi.yaml: 1 operations, written, partial: the errors above name what it lacks"
    )
    assert "/user/avatar:" in out.read_text(encoding="utf-8")


def test_a_section_without_its_request_line_does_not_cost_the_others(tmp_path: Path) -> None:
    code, lines, out = _import(tmp_path, "nomethod.txt", NO_METHOD.encode())
    assert code == 0
    assert lines[0] == (
        "nomethod.txt:1: warning section-no-endpoint: section documents fields but states no "
        "endpoint (no 'METHOD /path' line); its tables are not imported"
    )
    assert lines[-1] == "out/openapi.yaml: 1 operations, written"
    assert "get:" in out.read_text(encoding="utf-8")


def test_strict_fails_on_warnings_and_still_writes(tmp_path: Path) -> None:
    doc = tmp_path / "nomethod.txt"
    doc.write_text(NO_METHOD, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "import", "--strict", "nomethod.txt", "-o", "o.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 1
    assert (tmp_path / "o.yaml").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "import", "x.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 2
    assert "the following arguments are required: -o/--output" in proc.stderr


def test_a_good_document_is_written(tmp_path: Path) -> None:
    text = CUT_TABLE.replace("| avatar |\nstring |\n", "")
    code, lines, out = _import(tmp_path, "ok.txt", text.encode())
    assert (code, lines) == (
        0,
        [
            "ok.txt:2: warning response-undocumented: PUT /user/avatar documents no response; "
            "a bare 200 is assumed",
            "0 errors, 1 warning, 0 notes",
            "out/openapi.yaml: 1 operations, written",
        ],
    )
    assert out.read_text(encoding="utf-8").startswith("openapi: 3.1.0\ninfo:\n  title: API\n")
    assert (out.parent / "openapi.sourcemap.json").exists()
