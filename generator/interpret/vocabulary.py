"""Words that documentation pages use for section labels, table columns and placeholders.

Everything here is matched on a normalised form (lower case, letters and digits only), so
`### Request Header`, `Request header:` and `REQUEST HEADERS` are the same label.
"""

from __future__ import annotations

import re
from enum import Enum


class Label(Enum):
    HEADER = "header"
    QUERY = "query"
    PATH = "path"
    COOKIE = "cookie"
    BODY = "body"
    FORM = "form"
    RESPONSE = "response"
    DESCRIPTION = "description"
    ENDPOINT = "endpoint"
    PARAMS = "params"
    EXAMPLE = "example"
    REQUEST_EXAMPLE = "request_example"
    RESPONSE_EXAMPLE = "response_example"
    ERRORS = "errors"
    RATE_LIMIT = "rate_limit"


class Column(Enum):
    NAME = "name"
    TYPE = "type"
    REQUIRED = "required"
    NOT_NULL = "not_null"
    DEFAULT = "default"
    DESCRIPTION = "description"
    EXAMPLE = "example"
    CODE = "code"


_LABELS: dict[str, Label] = {
    "requestheader": Label.HEADER,
    "requestheaders": Label.HEADER,
    "header": Label.HEADER,
    "headers": Label.HEADER,
    "headerparam": Label.HEADER,
    "headerparams": Label.HEADER,
    "headerparameters": Label.HEADER,
    "queryparam": Label.QUERY,
    "queryparams": Label.QUERY,
    "queryparameter": Label.QUERY,
    "queryparameters": Label.QUERY,
    "querystring": Label.QUERY,
    "pathparam": Label.PATH,
    "pathparams": Label.PATH,
    "pathparameter": Label.PATH,
    "pathparameters": Label.PATH,
    "pathvariable": Label.PATH,
    "pathvariables": Label.PATH,
    "cookie": Label.COOKIE,
    "cookies": Label.COOKIE,
    "cookieparams": Label.COOKIE,
    "requestbody": Label.BODY,
    "body": Label.BODY,
    "bodyparam": Label.BODY,
    "bodyparams": Label.BODY,
    "bodyparameters": Label.BODY,
    "requestfields": Label.BODY,
    "formdata": Label.FORM,
    "formparam": Label.FORM,
    "formparams": Label.FORM,
    "responsebody": Label.RESPONSE,
    "response": Label.RESPONSE,
    "responseparameters": Label.RESPONSE,
    "responseparams": Label.RESPONSE,
    "responsefields": Label.RESPONSE,
    "responsedata": Label.RESPONSE,
    "httpresponse": Label.RESPONSE,
    "httprequest": Label.ENDPOINT,
    "requestline": Label.ENDPOINT,
    "requesturl": Label.ENDPOINT,
    "samplerequesturl": Label.ENDPOINT,
    "endpoint": Label.ENDPOINT,
    "requestparameters": Label.PARAMS,
    "requestparams": Label.PARAMS,
    "parameters": Label.PARAMS,
    "example": Label.EXAMPLE,
    "examples": Label.EXAMPLE,
    "requestexample": Label.REQUEST_EXAMPLE,
    "samplerequest": Label.REQUEST_EXAMPLE,
    "examplerequest": Label.REQUEST_EXAMPLE,
    "responseexample": Label.RESPONSE_EXAMPLE,
    "sampleresponse": Label.RESPONSE_EXAMPLE,
    "exampleresponse": Label.RESPONSE_EXAMPLE,
    "errorcodes": Label.ERRORS,
    "errorcode": Label.ERRORS,
    "maximumcallfrequency": Label.RATE_LIMIT,
    "callfrequency": Label.RATE_LIMIT,
    "callfrequencylimit": Label.RATE_LIMIT,
    "ratelimit": Label.RATE_LIMIT,
    "ratelimits": Label.RATE_LIMIT,
    "interfacedescription": Label.DESCRIPTION,
    "featureoverview": Label.DESCRIPTION,
    "overview": Label.DESCRIPTION,
    "introduction": Label.DESCRIPTION,
    "apicallingdescription": Label.DESCRIPTION,
    "callingdescription": Label.DESCRIPTION,
    "prerequisites": Label.DESCRIPTION,
    "usagenotes": Label.DESCRIPTION,
    "notes": Label.DESCRIPTION,
    "description": Label.DESCRIPTION,
    "apidescription": Label.DESCRIPTION,
    "remarks": Label.DESCRIPTION,
}

_COLUMNS: dict[str, Column] = {
    "parametername": Column.NAME,
    "parameter": Column.NAME,
    "param": Column.NAME,
    "paramname": Column.NAME,
    "name": Column.NAME,
    "field": Column.NAME,
    "fieldname": Column.NAME,
    "key": Column.NAME,
    "property": Column.NAME,
    "attribute": Column.NAME,
    "datatype": Column.TYPE,
    "type": Column.TYPE,
    "paramtype": Column.TYPE,
    "parametertype": Column.TYPE,
    "fieldtype": Column.TYPE,
    "valuetype": Column.TYPE,
    "required": Column.REQUIRED,
    "isrequired": Column.REQUIRED,
    "mandatory": Column.REQUIRED,
    "notnull": Column.NOT_NULL,
    "default": Column.DEFAULT,
    "defaultvalue": Column.DEFAULT,
    "description": Column.DESCRIPTION,
    "desc": Column.DESCRIPTION,
    "remark": Column.DESCRIPTION,
    "remarks": Column.DESCRIPTION,
    "meaning": Column.DESCRIPTION,
    "explanation": Column.DESCRIPTION,
    "note": Column.DESCRIPTION,
    "notes": Column.DESCRIPTION,
    "comment": Column.DESCRIPTION,
    "example": Column.EXAMPLE,
    "examplevalue": Column.EXAMPLE,
    "errorcode": Column.CODE,
    "code": Column.CODE,
    "statuscode": Column.CODE,
    "httpstatuscode": Column.CODE,
    "returncode": Column.CODE,
    "sample": Column.EXAMPLE,
}

_TRUE = frozenset({"true", "yes", "y", "required", "mandatory", "must", "1", "是"})
_FALSE = frozenset({"false", "no", "n", "optional", "0", "否"})

_PLACEHOLDER = re.compile(
    r"^\W*(to[\s_-]*be[\s_-]*translated?|todo|tbd|tba|fixme|xxx+|n/?a|none|null|"
    r"placeholder|lorem ipsum|待翻译|待补充)\W*$",
    re.IGNORECASE,
)
_NUMBERING = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s+")


def normalise(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


_COMMON = re.compile(r"^(?:common|public|shared|global)\s+(?:request\s+)?param", re.IGNORECASE)


def label_of(text: str) -> Label | None:
    """The label a heading or line gives the tables after it (`Request example 2` included)."""
    key = normalise(text.rstrip(":："))
    return _LABELS.get(key) or _LABELS.get(key.rstrip("0123456789"))


def is_common_section(title: str) -> bool:
    """`Common parameters`, `Public parameters`: documented once for every operation."""
    return bool(_COMMON.match(strip_numbering(title)[1]))


def column_of(text: str) -> Column | None:
    return _COLUMNS.get(normalise(text))


def flag_of(text: str) -> bool | None:
    """`true`/`Yes`/`required` -> True, `false`/`No`/`optional` -> False, anything else None."""
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text.strip()))


def strip_numbering(title: str) -> tuple[str, str]:
    """`3.1  Set avatar` -> (`3.1`, `Set avatar`)."""
    match = _NUMBERING.match(title)
    if not match:
        return "", title.strip()
    return match.group(0).strip().rstrip("."), title[match.end() :].strip()
