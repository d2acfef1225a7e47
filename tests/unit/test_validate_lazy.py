"""The costly walks run only when a rule needs them, and the findings stay the same.

The generation gate (`may_generate`) never expands schemas and, when every `$ref` resolves,
never walks every node: the reader's list of `$ref` strings is enough. A `$ref` that does not
resolve sends `ref-unresolved` to the full walk, which alone knows what is a reference and
what is example data, and where each one is.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import Diagnostic
from generator.validate import Verdict, may_generate, validate_file, validate_spec, validate_text
from generator.validate.datawalk import DataFound, data_walk
from generator.validate.document import Loaded, parse
from generator.validate.rules import base
from generator.validate.settings import generation_settings

BROKEN = "#/components/schemas/Nowhere"


def _spec(*, example_ref: str, real_ref: str) -> dict[str, Any]:
    """A spec with a `$ref` inside example data (not a reference) and a real one."""
    media = {
        "schema": {"$ref": real_ref},
        "example": {"$ref": example_ref, "note": "a JSON Schema shown as data"},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/pets": {
                "get": {
                    "operationId": "listPets",
                    "x-sample": {"$ref": example_ref},
                    "responses": {"200": {"description": "ok", "content": {"a/json": media}}},
                }
            }
        },
        "components": {"schemas": {"Pet": {"type": "object"}}},
    }


def _ref_findings(found: list[Diagnostic] | tuple[Diagnostic, ...]) -> list[tuple[str, str]]:
    return [(d.pointer or "", d.message) for d in found if d.code == "ref-unresolved"]


def _write(folder: Path, spec: dict[str, Any], suffix: str) -> Path:
    path = folder / f"openapi.{suffix}"
    text = json.dumps(spec, indent=2) if suffix == "json" else yaml.safe_dump(spec)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_an_unresolvable_ref_in_example_data_is_no_finding(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's `$ref` list holds it (a superset), so the full walk runs: and finds
    nothing, as the eager walk did."""
    path = _write(tmp_path, _spec(example_ref=BROKEN, real_ref="#/components/schemas/Pet"), suffix)
    loaded = parse(path.read_text(encoding="utf-8"), path.name)
    assert isinstance(loaded, Loaded) and loaded.refs is not None and BROKEN in loaded.refs
    walks: list[object] = []

    def counted(data: object) -> DataFound:
        walks.append(data)
        return data_walk(data)

    monkeypatch.setattr(base, "data_walk", counted)
    assert may_generate(path) == Verdict(True, ())
    assert len(walks) == 1  # the fallback ran
    assert _ref_findings(validate_file(path)) == []


@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_a_real_unresolved_ref_is_found_at_its_pointer(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, _spec(example_ref=BROKEN, real_ref=BROKEN), suffix)
    at = "/paths/~1pets/get/responses/200/content/a~1json/schema/$ref"
    expected = [(at, f"$ref '{BROKEN}' does not resolve: no such node in this document")]
    verdict = may_generate(path)
    assert not verdict.ok
    assert _ref_findings(verdict.diagnostics) == expected
    assert _ref_findings(validate_file(path)) == expected
    assert _ref_findings(validate_spec(yaml.safe_load(path.read_text("utf-8")))) == expected


def test_a_ref_key_written_with_escapes_is_still_gathered() -> None:
    text = '{"openapi": "3.1.0", "a": {"\\u0024ref": "#/nowhere"}, "b": [{"$ref": "#/x"}]}'
    loaded = parse(text, "spec.json")
    assert isinstance(loaded, Loaded)
    assert loaded.refs == frozenset({"#/nowhere", "#/x"})


def test_the_gate_walks_no_schema_and_no_node_when_refs_resolve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(
        tmp_path, _spec(example_ref="#/info", real_ref="#/components/schemas/Pet"), "json"
    )

    def refused(*_: object) -> None:
        raise AssertionError("a costly walk ran")

    monkeypatch.setattr(base, "expand", refused)
    monkeypatch.setattr(base, "data_walk", refused)
    assert may_generate(path) == Verdict(True, ())


def test_the_gate_finds_what_the_full_run_finds_for_its_rules() -> None:
    """Same problems, found lazily (gate) and with every walk done (all rules)."""
    spec = _spec(example_ref=BROKEN, real_ref=BROKEN)
    get = spec["paths"]["/pets"]["get"]
    get["parameters"] = [{"name": "q", "in": "query"}, {"name": "q", "in": "query"}]
    get["security"] = [{"nokey": []}]
    spec["paths"]["/pets/{id}"] = {"get": {"operationId": "listPets", "responses": {}}}
    text = json.dumps(spec)
    gate = validate_text(text, "spec.json", generation_settings())
    full = validate_text(text, "spec.json")
    rules = {d.code for d in gate} - {"openapi-invalid"}
    assert rules == {
        "ref-unresolved",
        "parameter-duplicate",
        "security-scheme-undefined",
        "operation-id-unique",
        "path-parameter-undeclared",
    }
    assert [d for d in gate if d.code in rules] == [d for d in full if d.code in rules]


def test_a_percent_in_a_path_is_part_of_its_name() -> None:
    """Nodes come from the walk, not from looking their pointer up as a URI fragment (which
    read `%20` as a space, missed the node and reported the declared parameter missing)."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a%20b/{id}": {
                "get": {
                    "operationId": "a",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
    }
    assert [(d.code, d.message) for d in validate_spec(spec)] == []


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        validate_text('{"openapi": "3.1.0"}', "spec.json")
        assert validate_text("a: [", "bad.yaml")[0].code == "syntax-error"
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
