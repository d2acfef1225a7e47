"""Words that documentation pages use for section labels, table columns and placeholders.

Labels and column headers are recognised from their words, not from a list of exact phrases:
`Request packet fields`, `Description of fields in a request packet` and `Request body` all
combine a request word with a body/field word, so all three label a request-body table. A
phrase is a label only when every word in it is a label word or a filler (`Response to a
batch request` is a caption, not a label). Plurals, case, numbering, a trailing colon and a
one-letter typo (`Reponse example`) do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Label(Enum):
    HEADER = "header"
    QUERY = "query"
    PATH = "path"
    COOKIE = "cookie"
    BODY = "body"
    FORM = "form"
    RESPONSE = "response"
    RESPONSE_HEADER = "response_header"
    DESCRIPTION = "description"
    ENDPOINT = "endpoint"
    PARAMS = "params"
    EXAMPLE = "example"
    REQUEST_EXAMPLE = "request_example"
    RESPONSE_EXAMPLE = "response_example"
    ERRORS = "errors"
    RATE_LIMIT = "rate_limit"
    SERVERS = "servers"
    ENUM = "enum"


class Column(Enum):
    NAME = "name"
    TYPE = "type"
    REQUIRED = "required"
    NOT_NULL = "not_null"
    DEFAULT = "default"
    DESCRIPTION = "description"
    EXAMPLE = "example"
    CODE = "code"
    LOCATION = "location"  # where a parameter goes: path, query, header, cookie, body
    STATUS = "status"  # a response status in a table of responses
    SCHEMA = "schema"  # a response's schema (a linked type, `Inline`, `None`)
    RESTRICTIONS = "restrictions"  # read-only, write-only
    VALUE = "value"  # one allowed value, in a table of enumerated values


class _W(Enum):
    """What a label word says."""

    REQUEST = "request"
    RESPONSE = "response"
    HEADER = "header"
    QUERY = "query"
    PATH = "path"
    COOKIE = "cookie"
    FORM = "form"
    BODY = "body"
    FIELD = "field"
    PARAM = "param"
    EXAMPLE = "example"
    URL = "url"
    HTTP = "http"
    ERROR = "error"
    CODE = "code"
    RATE = "rate"
    ABOUT = "about"
    SERVER = "server"
    BASE = "base"
    ENUM = "enum"


_LABEL_WORDS: dict[str, _W] = {
    **dict.fromkeys(("request", "req", "requests", "input"), _W.REQUEST),
    **dict.fromkeys(("response", "responses", "resp", "return", "returned", "output"), _W.RESPONSE),
    **dict.fromkeys(("header", "headers"), _W.HEADER),
    **dict.fromkeys(("query", "querystring"), _W.QUERY),
    **dict.fromkeys(("path",), _W.PATH),
    **dict.fromkeys(("cookie", "cookies"), _W.COOKIE),
    **dict.fromkeys(("form", "formdata"), _W.FORM),
    **dict.fromkeys(("body", "packet", "packets", "payload"), _W.BODY),
    **dict.fromkeys(
        ("field", "fields", "property", "properties", "attribute", "attributes"), _W.FIELD
    ),
    **dict.fromkeys(
        (
            "parameter",
            "parameters",
            "param",
            "params",
            "argument",
            "arguments",
            "variable",
            "variables",
        ),
        _W.PARAM,
    ),
    **dict.fromkeys(("example", "examples", "sample", "samples", "demo"), _W.EXAMPLE),
    **dict.fromkeys(("url", "urls", "uri", "line", "endpoint", "address"), _W.URL),
    **dict.fromkeys(("http", "https"), _W.HTTP),
    **dict.fromkeys(("error", "errors", "status"), _W.ERROR),
    **dict.fromkeys(("code", "codes"), _W.CODE),
    **dict.fromkeys(("frequency", "rate", "qps", "throttling"), _W.RATE),
    **dict.fromkeys(
        ("description", "overview", "introduction", "remarks", "prerequisites", "notes"), _W.ABOUT
    ),
    **dict.fromkeys(("server", "servers", "host", "hosts"), _W.SERVER),
    **dict.fromkeys(("base",), _W.BASE),
    **dict.fromkeys(("enumerated", "enum", "enums", "enumeration", "enumerations"), _W.ENUM),
    **dict.fromkeys(("allowed", "possible", "valid", "values"), _W.ENUM),
}
_LABEL_FILLERS = frozenset(
    {
        *("a", "an", "the", "of", "in", "for", "to", "and", "or", "on", "with", "by", "its"),
        *("this", "api", "apis", "interface", "feature", "function", "method", "calling"),
        *("call", "calls", "maximum", "max", "limit", "limits", "format", "data", "string"),
        *("usage", "details", "detailed", "structure", "schema", "value"),
    }
)
_MAX_LABEL_WORDS = 8
_MIN_TYPO_WORD = 7


@dataclass(frozen=True, slots=True)
class _Rule:
    """A label for the phrases whose words include all of `all_of`, one of `any_of` (if
    given) and none of `none_of`."""

    label: Label
    all_of: frozenset[_W]
    any_of: frozenset[_W] = frozenset()
    none_of: frozenset[_W] = frozenset()

    def fits(self, words: set[_W]) -> bool:
        return (
            self.all_of <= words
            and (not self.any_of or bool(self.any_of & words))
            and not self.none_of & words
        )


def _rule(
    label: Label, *all_of: _W, any_of: tuple[_W, ...] = (), none_of: tuple[_W, ...] = ()
) -> _Rule:
    return _Rule(label, frozenset(all_of), frozenset(any_of), frozenset(none_of))


# Most specific first: the first rule that fits a phrase's words gives its label.
_LABEL_RULES: tuple[_Rule, ...] = (
    _rule(Label.SERVERS, any_of=(_W.SERVER,), none_of=(_W.REQUEST, _W.RESPONSE, _W.ERROR)),
    _rule(Label.SERVERS, _W.BASE, _W.URL),
    _rule(Label.ENUM, _W.ENUM),
    _rule(Label.EXAMPLE, _W.EXAMPLE, _W.CODE),  # `Code samples`
    _rule(Label.RATE_LIMIT, _W.RATE),
    _rule(Label.ERRORS, any_of=(_W.ERROR, _W.CODE)),
    _rule(Label.ENDPOINT, _W.EXAMPLE, _W.URL),
    _rule(Label.REQUEST_EXAMPLE, _W.EXAMPLE, _W.REQUEST, none_of=(_W.RESPONSE,)),
    _rule(Label.RESPONSE_EXAMPLE, _W.EXAMPLE, _W.RESPONSE, none_of=(_W.REQUEST,)),
    _rule(Label.EXAMPLE, _W.EXAMPLE),
    _rule(Label.PARAMS, _W.URL, any_of=(_W.PARAM, _W.FIELD)),
    _rule(Label.ENDPOINT, _W.URL),
    _rule(Label.RESPONSE_HEADER, _W.HEADER, _W.RESPONSE),
    _rule(Label.HEADER, _W.HEADER),
    _rule(Label.QUERY, _W.QUERY),
    _rule(Label.PATH, _W.PATH),
    _rule(Label.COOKIE, _W.COOKIE),
    _rule(Label.FORM, _W.FORM),
    _rule(Label.RESPONSE, _W.RESPONSE),
    _rule(Label.BODY, _W.REQUEST, any_of=(_W.BODY, _W.FIELD)),
    _rule(Label.ENDPOINT, _W.REQUEST, _W.HTTP, none_of=(_W.PARAM,)),
    _rule(Label.BODY, _W.BODY),
    _rule(Label.PARAMS, any_of=(_W.REQUEST, _W.PARAM, _W.FIELD)),
    _rule(Label.DESCRIPTION, _W.ABOUT, none_of=(_W.HTTP,)),
)


_COLUMNS: dict[str, Column] = {
    **dict.fromkeys(
        ("parametername", "parameter", "parameters", "param", "paramname", "name", "field"),
        Column.NAME,
    ),
    **dict.fromkeys(
        ("fieldname", "key", "property", "attribute", "argument", "variable", "member"),
        Column.NAME,
    ),
    **dict.fromkeys(
        ("datatype", "type", "paramtype", "parametertype", "fieldtype", "valuetype"), Column.TYPE
    ),
    **dict.fromkeys(
        ("required", "isrequired", "mandatory", "must", "necessary", "compulsory", "requirement"),
        Column.REQUIRED,
    ),
    **dict.fromkeys(("notnull", "nonnull"), Column.NOT_NULL),
    **dict.fromkeys(("default", "defaultvalue"), Column.DEFAULT),
    **dict.fromkeys(
        ("description", "descriptions", "desc", "describe", "remark", "remarks", "meaning"),
        Column.DESCRIPTION,
    ),
    **dict.fromkeys(
        ("explanation", "note", "notes", "comment", "comments", "detail", "details"),
        Column.DESCRIPTION,
    ),
    **dict.fromkeys(
        ("illustrate", "illustration", "instruction", "instructions"), Column.DESCRIPTION
    ),
    **dict.fromkeys(("definition", "purpose"), Column.DESCRIPTION),
    **dict.fromkeys(("example", "examplevalue", "sample", "samplevalue"), Column.EXAMPLE),
    **dict.fromkeys(
        ("errorcode", "code", "statuscode", "httpstatuscode", "returncode"), Column.CODE
    ),
    **dict.fromkeys(("errcode", "retcode"), Column.CODE),
    **dict.fromkeys(("in", "location", "paramin", "parameterin"), Column.LOCATION),
    **dict.fromkeys(("status", "httpstatus"), Column.STATUS),
    **dict.fromkeys(("schema", "model", "returntype"), Column.SCHEMA),
    **dict.fromkeys(("restrictions", "restriction", "constraints", "access"), Column.RESTRICTIONS),
    **dict.fromkeys(("value", "values", "enumvalue", "allowedvalue"), Column.VALUE),
}
# In a header of several words the most specific role wins: `Parameter type` is a type,
# `Field description` a description, `Is it required?` the required flag.
_COLUMN_PRIORITY = (
    Column.CODE,
    Column.TYPE,
    Column.REQUIRED,
    Column.NOT_NULL,
    Column.DEFAULT,
    Column.EXAMPLE,
    Column.DESCRIPTION,
    Column.LOCATION,
    Column.STATUS,
    Column.SCHEMA,
    Column.RESTRICTIONS,
    Column.VALUE,
    Column.NAME,
)
_COLUMN_FILLERS = frozenset(
    {"is", "it", "or", "not", "whether", "the", "of", "a", "an", "data", "value", "values"}
)
_CODE_QUALIFIERS = frozenset({"error", "status", "http", "return", "result", "response"})

_TRUE = frozenset({"true", "yes", "y", "required", "mandatory", "must", "1", "是", "必填"})
_FALSE = frozenset({"false", "no", "n", "optional", "0", "否", "选填"})

_PLACEHOLDER = re.compile(
    r"^\W*(to[\s_-]*be[\s_-]*translated?|todo|tbd|tba|fixme|xxx+|n/?a|none|null|"
    r"placeholder|lorem ipsum|待翻译|待补充)\W*$",
    re.IGNORECASE,
)
_NUMBERING = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s+")
_WORD = re.compile(r"[^\W_]+")
_SECURITY_TITLES = frozenset({"authentication", "security", "security schemes"})
_COMMON = re.compile(r"^(?:common|public|shared|global)\s+(?:request\s+)?param", re.IGNORECASE)


def normalise(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def words_of(text: str) -> list[str]:
    """Lower-case words, numbers left out: `Request example 2:` -> [`request`, `example`]."""
    return [w for w in _WORD.findall(text.lower()) if not w.isdigit()]


def _near(word: str, known: dict[str, _W]) -> _W | None:
    """The label word one typo away (`reponse`, `paramter`), for words of seven letters or
    more whose first letter is right (shorter ones are too near other words: simple/sample)."""
    if len(word) < _MIN_TYPO_WORD:
        return None
    for candidate, meaning in known.items():
        near = candidate[0] == word[0] and abs(len(candidate) - len(word)) <= 1
        if near and _one_edit(word, candidate):
            return meaning
    return None


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one insertion, deletion, substitution or swap."""
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
    return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])


def label_of(text: str) -> Label | None:
    """The label a heading or line gives the tables and samples after it."""
    words = words_of(strip_numbering(text.strip().rstrip(":："))[1])
    if not words or len(words) > _MAX_LABEL_WORDS:
        return None
    meanings: set[_W] = set()
    for word in words:
        meaning = _LABEL_WORDS.get(word)
        if meaning is None and word not in _LABEL_FILLERS:
            meaning = _near(word, _LABEL_WORDS)
            if meaning is None:
                return None
        if meaning is not None:
            meanings.add(meaning)
    return next((rule.label for rule in _LABEL_RULES if rule.fits(meanings)), None)


def is_common_section(title: str) -> bool:
    """`Common parameters`, `Public parameters`: documented once for every operation."""
    return bool(_COMMON.match(strip_numbering(title)[1]))


def is_security_section(title: str) -> bool:
    """`Authentication`, `Security`: how every operation authenticates."""
    return strip_numbering(title)[1].strip().lower() in _SECURITY_TITLES


def column_of(text: str) -> Column | None:
    """The role of a column from its header's words (`Parameter name`, `Data Type`,
    `Is it required?`, `Descriptions`); None when a word is not a column word."""
    whole = _COLUMNS.get(normalise(text))
    if whole is not None:
        return whole
    words = words_of(text)
    if len(words) < 2:
        return None
    if words[-2:] == ["not", "null"] or words[-2:] == ["non", "null"]:
        return Column.NOT_NULL
    if "code" in words and set(words) - {"code"} <= _CODE_QUALIFIERS | _COLUMN_FILLERS:
        return Column.CODE
    roles = set()
    for word in words:
        role = _COLUMNS.get(word)
        if role is None and word not in _COLUMN_FILLERS:
            return None
        if role is not None:
            roles.add(role)
    return next((role for role in _COLUMN_PRIORITY if role in roles), None)


def flag_of(text: str) -> bool | None:
    """`true`/`Yes`/`required` -> True, `false`/`No`/`optional` -> False, anything else None.
    A flag followed by an explanation (`Yes. Only when ...`) counts by its first word."""
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    first = _WORD.match(word)
    if first is None or first.end() == len(word) or word[first.end()] not in ".,;:(（，。":
        return None
    head = first.group(0)
    return True if head in _TRUE else False if head in _FALSE else None


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text.strip()))


def strip_numbering(title: str) -> tuple[str, str]:
    """`3.1  Set avatar` -> (`3.1`, `Set avatar`)."""
    match = _NUMBERING.match(title)
    if not match:
        return "", title.strip()
    return match.group(0).strip().rstrip("."), title[match.end() :].strip()
