"""Names a human would choose: operationIds from method and path, schema names from what the
document says about the object (the holding field's description, its name, the summary).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z][a-z]*|[A-Z]+(?![a-z])|\d+")
_GENERIC_FIELDS = frozenset(
    {
        "data",
        "list",
        "result",
        "results",
        "items",
        "item",
        "info",
        "body",
        "value",
        "values",
        "content",
        "payload",
        "rows",
        "records",
        "entities",
        "entity",
        "response",
        "request",
        "obj",
        "object",
        "detail",
        "details",
    }
)
_VERBS = frozenset(
    {
        "get",
        "set",
        "update",
        "modify",
        "query",
        "list",
        "delete",
        "remove",
        "add",
        "create",
        "register",
        "bind",
        "unbind",
        "kick",
        "change",
        "fetch",
        "search",
        "send",
        "apply",
        "reset",
        "enable",
        "disable",
        "edit",
        "save",
        "upload",
        "download",
        "retrieve",
        "check",
        "submit",
        "obtain",
        "view",
        "batch",
        "querying",
        "getting",
        "setting",
        "adding",
        "deleting",
        "removing",
        "creating",
        "registering",
        "modifying",
        "updating",
        "retrieving",
    }
)
_FILLER = frozenset(
    {
        "information",
        "info",
        "data",
        "details",
        "detail",
        "object",
        "the",
        "a",
        "an",
        "of",
        "all",
        "in",
        "batch",
        "for",
        "to",
        "specified",
        "result",
        "results",
        "list",
        "whether",
        "and",
        "or",
        "on",
        "by",
        "with",
        "from",
        "under",
        "its",
        "their",
        "multiple",
        "single",
    }
)
_HTTP_VERBS = {"get": "Get", "delete": "Delete", "put": "Update", "patch": "Update"}


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def pascal(parts: Iterable[str]) -> str:
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def operation_id(method: str, path: str) -> str:
    """`put /user/avatar/batch` -> `putUserAvatarBatch`; `{id}` segments read `ById`;
    variables before the first fixed segment only scope the API (`/{org}/{app}/users`)."""
    parts: list[str] = []
    for segment in path.strip("/").split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            parts += ["by", *words(segment[1:-1])] if parts else []
        else:
            parts += words(segment)
    return method.lower() + pascal(parts)


def summary_from_path(method: str, path: str) -> str:
    """A readable summary for an operation whose title is missing or a placeholder: the last
    fixed segment when it is a phrase (`modify_user_info` -> `Modify user info`), else the
    method's verb and the path's words (`GET /user/online_status` -> `Get user online status`)."""
    fixed = [s for s in path.strip("/").split("/") if s and not s.startswith("{")]
    last = words(fixed[-1]) if fixed else []
    if len(last) >= 2:
        return " ".join(last).capitalize()
    text = " ".join(w for s in fixed for w in words(s))
    verb = _HTTP_VERBS.get(method.lower(), "")
    return f"{verb} {text}".strip().capitalize() if verb else text.capitalize()


_STOPWORDS = frozenset({"the", "a", "an", "of", "in", "batch", "all", "to", "for", "and", "or"})


def noun_phrase(text: str, max_words: int = 4, *, keep_filler: bool = False) -> str:
    """`User settings information` -> `UserSettings`; '' when nothing specific is left.
    With keep_filler, only verbs and stop words go (`UserInformation`)."""
    drop = _STOPWORDS if keep_filler else _FILLER
    kept = [w for w in words(text) if w not in drop]
    while kept and kept[0] in _VERBS:
        kept = kept[1:]
    if not kept or len(kept) > max_words:
        return ""
    return pascal(kept)


def field_noun(name: str, array_item: bool) -> str:
    parts = words(name)
    if not parts or "_".join(parts) in _GENERIC_FIELDS or parts[-1] in _GENERIC_FIELDS:
        return ""
    if array_item:
        parts[-1] = singular(parts[-1])
    return pascal(parts)


def vote(candidates: Iterable[tuple[str, int]]) -> str:
    """The candidate with the most weight; ties go to the alphabetically first."""
    tally: Counter[str] = Counter()
    for name, weight in candidates:
        if name:
            tally[name] += weight
    if not tally:
        return ""
    return min(tally, key=lambda n: (-tally[n], n))


def unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name}{n}" in taken:
        n += 1
    return f"{name}{n}"


def component_key(name: str) -> str:
    """A component name from free text: letters and digits only, PascalCase."""
    return pascal(words(name)) or "Unnamed"
