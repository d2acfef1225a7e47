"""Authentication as a page states it once (`# Authentication`, `Security`) and per operation.

    * API Key (api_key)                                   <- an API key scheme, named
        - Parameter Name: **api_key**, in: header.
    - HTTP Authentication, scheme: bearer                 <- an HTTP scheme (the page names it
    - oAuth2 authentication.                                 in the operations' requirements)
        - Flow: implicit
        - Authorization URL = https://auth.example.com/authorize
    | Scope | Scope Description |                          <- the flow's scopes

and per operation: "you must be authenticated by means of one of the following methods:
petstore_auth ( Scopes: write:pets ), api_key" (each a choice), or "This operation does not
require authentication". Schemes the page describes without a name take the names the
operations' requirements use, in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.model import Requirement, SecurityScheme
from generator.readers.document import Block, Heading, Table, Text

_API_KEY = re.compile(r"^\W*API\s*Key\s*\(\s*([\w.-]+)\s*\)\s*$", re.IGNORECASE)
_KEY_PARAMETER = re.compile(
    r"Parameter\s+Name\s*:\s*\**([^*,\s]+)\**\s*,\s*in\s*:\s*(header|query|cookie)", re.IGNORECASE
)
_HTTP = re.compile(r"\bHTTP\s+Authentication\s*,\s*scheme\s*:\s*(\w+)", re.IGNORECASE)
_OAUTH = re.compile(r"\boauth\s*2", re.IGNORECASE)
_OPENID = re.compile(r"\bOpenID\s+Connect\b", re.IGNORECASE)
_FLOW = re.compile(r"\bFlow\s*:\s*(\w+)", re.IGNORECASE)
_AUTH_URL = re.compile(r"\bAuthorization\s+URL\s*=\s*\[?(\S+?)\]?(?:\(|\s|$)", re.IGNORECASE)
_TOKEN_URL = re.compile(r"\bToken\s+URL\s*=\s*\[?(\S+?)\]?(?:\(|\s|$)", re.IGNORECASE)
_MUST = re.compile(r"must be authenticated by means of", re.IGNORECASE)
_NONE = re.compile(r"does not require authentication", re.IGNORECASE)
_CHOICE = re.compile(r"([\w.-]+)\s*(?:\(\s*Scopes?\s*:\s*([^)]*)\))?")
_AUTH_TITLES = frozenset({"authentication", "security", "authorization", "auth"})


@dataclass(frozen=True, slots=True)
class _Draft:
    scheme: SecurityScheme
    named: bool


def page_schemes(blocks: Sequence[Block]) -> tuple[SecurityScheme, ...]:
    """The schemes of the page's authentication section (without names for those the page
    leaves unnamed: `named_schemes` gives them the operations' names)."""
    drafts: list[_Draft] = []
    inside, level = False, 0
    for block in blocks:
        if isinstance(block, Heading):
            if inside and block.level <= level:
                inside = False
            if block.text.strip().lower() in _AUTH_TITLES:
                inside, level = True, block.level
            continue
        if inside and isinstance(block, Text):
            _read_line(block.text, drafts)
        elif inside and isinstance(block, Table) and drafts:
            _scopes(block, drafts)
    return tuple(d.scheme if d.named else replace(d.scheme, name="") for d in drafts)


def _read_line(text: str, drafts: list[_Draft]) -> None:
    key = _API_KEY.match(text)
    if key:
        drafts.append(_Draft(SecurityScheme(key.group(1).strip(), "apiKey"), named=True))
        return
    http = _HTTP.search(text)
    if http:
        drafts.append(_Draft(SecurityScheme("", "http", scheme=http.group(1).lower()), False))
        return
    if _OPENID.search(text):
        drafts.append(_Draft(SecurityScheme("", "openIdConnect"), named=False))
        return
    if _OAUTH.search(text):
        drafts.append(_Draft(SecurityScheme("", "oauth2"), named=False))
        return
    if drafts:
        drafts[-1] = _Draft(_detail(drafts[-1].scheme, text), drafts[-1].named)


def _detail(scheme: SecurityScheme, text: str) -> SecurityScheme:
    parameter = _KEY_PARAMETER.search(text)
    if parameter and scheme.kind == "apiKey":
        return replace(scheme, parameter=parameter.group(1), location=parameter.group(2).lower())
    flow = _FLOW.search(text)
    if flow and scheme.kind == "oauth2":
        return replace(scheme, flow=flow.group(1))
    auth = _AUTH_URL.search(text)
    if auth and scheme.kind in ("oauth2", "openIdConnect"):
        return replace(scheme, authorization_url=auth.group(1))
    token = _TOKEN_URL.search(text)
    if token and scheme.kind == "oauth2":
        return replace(scheme, token_url=token.group(1))
    return scheme


def _scopes(table: Table, drafts: list[_Draft]) -> None:
    last = drafts[-1]
    if last.scheme.kind != "oauth2":
        return
    scopes = tuple(r.cells[0].text.strip() for r in table.rows if r.cells and r.cells[0].text)
    drafts[-1] = _Draft(replace(last.scheme, scopes=last.scheme.scopes + scopes), last.named)


def requirement_of(statements: Sequence[str]) -> tuple[Requirement, ...] | None:
    """An operation's security requirements as its page states them: None when it says
    nothing, () when it says the operation needs none."""
    for index, text in enumerate(statements):
        if _NONE.search(text):
            return ()
        if _MUST.search(text) and index + 1 < len(statements):
            return tuple(
                ((name, tuple((scopes or "").split())),)
                for name, scopes in _CHOICE.findall(statements[index + 1])
                if name
            )
    return None


def named_schemes(
    schemes: tuple[SecurityScheme, ...], requirements: Sequence[tuple[Requirement, ...]]
) -> tuple[SecurityScheme, ...]:
    """The page's schemes, those it left unnamed named after the requirements' names no
    named scheme has (in the order both appear)."""
    known = {s.name for s in schemes if s.name}
    wanted = list(
        dict.fromkeys(
            name for reqs in requirements for req in reqs for name, _ in req if name not in known
        )
    )
    out = []
    for scheme in schemes:
        if scheme.name:
            out.append(scheme)
            continue
        default = {"http": f"{scheme.scheme}Auth", "oauth2": "oauth2"}.get(scheme.kind)
        out.append(replace(scheme, name=wanted.pop(0) if wanted else (default or "openId")))
    return tuple(out)
