"""The Markdown report: one table per spec and group, then the ratios of ours to each peer."""

from __future__ import annotations

from _run import REBUILD_KEY, Result
from _specs import Spec

_HEAD = "| command | median s | min s | max s | peak MB | exit | outcome | {ratio} |"
_RULE = "|---|---:|---:|---:|---:|---:|---|---:|"
_OURS = {"validate": "ours-validate", "generate": "ours-generate"}


def _ratio(result: Result, reference: Result | None) -> str:
    if reference is None or not reference.runs or not result.runs:
        return "—"
    return f"{result.median / reference.median:.2f}x"


def _row(result: Result, reference: Result | None) -> str:
    if not result.runs:
        return f"| {result.label} | — | — | — | — | — | {result.outcome} | — |"
    seconds = [r.seconds for r in result.runs]
    exits = "/".join(sorted({str(r.status) for r in result.runs}))
    peak = max(r.peak_mb for r in result.runs)
    return (
        f"| {result.label} | {result.median:.2f} | {min(seconds):.2f} | {max(seconds):.2f} "
        f"| {peak:.0f} | {exits} | {result.outcome.replace('|', '/')} "
        f"| {_ratio(result, reference)} |"
    )


def _table(spec: Spec, group: str, results: list[Result], reference: str) -> str:
    chosen = [r for r in results if r.group == group]
    ref = next((r for r in chosen if r.key == reference), None)
    name = "ours" if ref is not None and ref.ours else reference
    runs = "/".join(sorted({str(len(r.runs)) for r in chosen if r.runs})) or "0"
    lines = [f"### {spec.key}: {group} ({runs} runs each)", "", _HEAD.format(ratio=f"vs {name}")]
    lines += [_RULE, *(_row(r, ref) for r in chosen)]
    return "\n".join(lines)


def _works(result: Result) -> bool:
    return result.outcome.startswith(("ok", "findings"))


def _ours_lines(spec: Spec, group: str, results: list[Result]) -> list[str]:
    """`GROUP SPEC: ours / PEER = R` for every peer of the group that ran."""
    ours = next((r for r in results if r.key == _OURS[group] and r.runs), None)
    if ours is None:
        return []
    lines = []
    for peer in results:
        if peer.group != group or peer.ours or not peer.runs:
            continue
        ratio = _ratio(ours, peer) if _works(ours) else f"n/a (ours: {ours.outcome[:60]})"
        note = "" if _works(peer) else f" (peer: {peer.outcome.split(':')[0]})"
        lines.append(f"{group} {spec.key}: ours / {peer.key} = {ratio}{note}")
    rebuild = next((r for r in results if r.key == REBUILD_KEY and r.runs), None)
    if group == "generate" and rebuild is not None:
        ratio = _ratio(rebuild, ours)
        lines.append(
            f"rebuild {spec.key}: ours incremental (1 operation edited) / ours cold = {ratio}"
        )
    return lines


def spec_tables(
    spec: Spec, results: list[Result], validate_reference: str, generate_reference: str
) -> tuple[list[str], list[str]]:
    tables, lines = [], []
    for group, reference in (("validate", validate_reference), ("generate", generate_reference)):
        if any(r.group == group and r.runs for r in results):
            tables.append(_table(spec, group, results, reference))
            lines += _ours_lines(spec, group, results)
    return tables, lines


def report(sections: list[str], summary: list[str], crashed: bool) -> str:
    verdict = "ours CRASHED (see the tables)" if crashed else "ours did not crash"
    ratios = "\n".join(f"- {line}" for line in summary) or "- (no ratios: nothing of ours ran)"
    return "\n\n".join([*sections, "## Ratios (median wall time)", ratios, verdict])
