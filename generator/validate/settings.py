"""Rule severities: the table's defaults, then `[tool.doc2openapi.rules]` of pyproject.toml,
then `--rule CODE=SEVERITY` flags. A severity is error, warning, info or off."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from generator.diagnostics import Severity
from generator.validate.rules import RULE_CODES, RULES

LEVELS: Mapping[str, Severity | None] = MappingProxyType(
    {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "off": None}
)


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """Each rule's severity; None turns the rule off."""

    severities: Mapping[str, Severity | None]
    own_checks: bool = True  # openapi-spec-validator's walk, beyond its meta-schema

    def severity(self, code: str) -> Severity | None:
        return self.severities.get(code, Severity.ERROR)

    @property
    def enabled(self) -> frozenset[str]:
        return frozenset(code for code, level in self.severities.items() if level is not None)

    def with_levels(self, levels: Mapping[str, Severity | None]) -> RuleSettings:
        return replace(self, severities=MappingProxyType({**self.severities, **levels}))


def default_settings() -> RuleSettings:
    return RuleSettings(MappingProxyType({r.code: r.default_severity for r in RULES}))


def generation_settings() -> RuleSettings:
    """What `generate` checks first: the meta-schema and the rules whose findings would make
    the generated code wrong (unresolved refs, clashing operationIds, undeclared path
    parameters...). Examples, defaults and wording are `validate`'s business: a spec whose
    examples contradict its schemas still generates (the mocks do not serve those examples)."""
    levels = {r.code: r.default_severity if r.gates_generation else None for r in RULES}
    return RuleSettings(MappingProxyType(levels), own_checks=False)


def parse_levels(pairs: Iterable[tuple[str, object]], origin: str) -> dict[str, Severity | None]:
    """`code = "warning"` pairs to severities; raises ValueError naming `origin` and the
    offending entry."""
    levels: dict[str, Severity | None] = {}
    for code, level in pairs:
        if code not in RULE_CODES:
            raise ValueError(
                f"{origin}: unknown rule '{code}' (known: {', '.join(sorted(RULE_CODES))})"
            )
        if not isinstance(level, str) or level.lower() not in LEVELS:
            raise ValueError(
                f"{origin}: rule '{code}': severity must be error, warning, info or off"
            )
        levels[code] = LEVELS[level.lower()]
    return levels


def parse_flag(text: str) -> tuple[str, str]:
    code, sep, level = text.partition("=")
    if not sep:
        raise ValueError(f"--rule {text}: expected CODE=SEVERITY")
    return code.strip(), level.strip()


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start`."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_settings(start: Path, flags: Iterable[str] = ()) -> RuleSettings:
    """Defaults, then the nearest pyproject's table, then flags; ValueError on a bad entry."""
    settings = default_settings()
    pyproject = find_pyproject(start.resolve())
    if pyproject is not None:
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"{pyproject}: {exc}") from exc
        table = data.get("tool", {}).get("doc2openapi", {}).get("rules", {})
        if not isinstance(table, dict):
            raise ValueError(f"{pyproject}: [tool.doc2openapi.rules] must be a table")
        origin = f"{pyproject} [tool.doc2openapi.rules]"
        settings = settings.with_levels(parse_levels(table.items(), origin))
    pairs = [parse_flag(flag) for flag in flags]
    return settings.with_levels(parse_levels(pairs, "--rule"))
