"""Reading a spec file: its data (JSON's data model) and a locator for its nodes.

JSON (a `.json` file, or text that starts with `{`) is read by the json module, fast; if that
fails the text is read as YAML, of which JSON is a subset. YAML is composed once by libyaml
and constructed from that one node tree, so there is a single parse. Mapping keys are kept as
written (`200:` is the key "200", as in JSON), and dates stay strings: a spec is JSON data.
Unparsable text is a `syntax-error` finding at its line and column.

Either reader also notes every `$ref` string on the way (`Loaded.refs`, example data
included): when they all resolve, the reference check needs no walk over every node.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

from generator.diagnostics import Diagnostic, Span, error
from generator.validate.locate import JsonLocator, Locator, YamlLocator

MAX_DEPTH = 500
_BRACKETS = re.compile(r"[\[\]{}]")
_CLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_CLoader):  # type: ignore[valid-type,misc]
    """libyaml's safe loader; keys as written, timestamps as strings; notes `$ref` strings."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _CLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.refs: set[str] = set()

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        self.flatten_mapping(node)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            out[key] = self.construct_object(value_node, deep=deep)
        target = out.get("$ref")
        if isinstance(target, str):
            self.refs.add(target)
        return out


@dataclass(frozen=True, slots=True)
class Loaded:
    data: Any
    locator: Locator
    refs: frozenset[str] | None = None  # every `$ref` string in `data`, when gathered


def parse(text: str, name: str) -> Loaded | Diagnostic:
    """The data and locator of a spec's text, or the syntax error that stops reading it."""
    text = text.removeprefix("\ufeff")
    if name.endswith(".json") or text.lstrip()[:1] == "{":
        try:
            data, refs = _read_json(text)
            return Loaded(data, JsonLocator(text), refs)
        except RecursionError:
            return _too_deep(name)
        except ValueError:
            pass  # not JSON after all: YAML reports the problem in its own words
    if _deeper_than(text, MAX_DEPTH):
        return _too_deep(name)
    return _parse_yaml(text, name)


def _read_json(text: str) -> tuple[Any, frozenset[str]]:
    """The data, and every string under a `$ref` key (the decoder hands each object over)."""
    targets: set[str] = set()

    def seen(obj: dict[str, Any]) -> dict[str, Any]:
        target = obj.get("$ref")
        if isinstance(target, str):
            targets.add(target)
        return obj

    return json.loads(text, object_hook=seen), frozenset(targets)


def _deeper_than(text: str, limit: int) -> bool:
    """Whether flow brackets nest deeper than `limit` (libyaml's composer recurses in C and
    would overflow the stack); brackets inside strings count too, which only errs on the
    safe side."""
    depth = 0
    for bracket in _BRACKETS.finditer(text):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > limit:
            return True
    return False


def _cyclic(data: Any) -> bool:
    """Whether a container contains itself (a recursive YAML alias)."""
    done: set[int] = set()
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            on_path.discard(id(node))
            done.add(id(node))
            continue
        if not isinstance(node, dict | list) or id(node) in done:
            continue
        if id(node) in on_path:
            return True
        on_path.add(id(node))
        stack.append((node, True))
        stack.extend(
            (child, False) for child in (node.values() if isinstance(node, dict) else node)
        )
    return False


def _too_deep(name: str) -> Diagnostic:
    message = f"nested deeper than {MAX_DEPTH} levels: not read"
    return error("syntax-error", message, Span(name, 1, 1), pointer=None)


def _parse_yaml(text: str, name: str) -> Loaded | Diagnostic:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return error("syntax-error", "empty document", Span(name, 1, 1), pointer=None)
        data = loader.construct_document(node)
        if "&" in text and _cyclic(data):
            message = "an alias refers to a node that contains it: a spec is a tree"
            return error("syntax-error", message, Span(name, 1, 1), pointer=None)
        return Loaded(data, YamlLocator(node), frozenset(loader.refs))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "not valid YAML"
        return error("syntax-error", problem, Span(name, line, column), pointer=None)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        return error("syntax-error", f"not valid YAML: {exc}", Span(name, 1, 1), pointer=None)
    finally:
        loader.dispose()
