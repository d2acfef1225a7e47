"""Passes over the drafted operations that lift repeated things into components:
the credential header into a security scheme, repeated header/path parameters into
`components/parameters`, and the response envelope shared by every operation.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from generator.emit.naming import component_key, unique
from generator.emit.schemas import SRC, Schema, strip_private
from generator.emit.sharing import structure
from generator.model import SecurityScheme

_CREDENTIALS = frozenset(
    {
        "accesstoken",
        "xaccesstoken",
        "token",
        "xtoken",
        "authtoken",
        "xauthtoken",
        "apikey",
        "xapikey",
        "apitoken",
        "xapitoken",
        "sessiontoken",
        "xsessiontoken",
    }
)
_QUERY_CREDENTIALS = frozenset({"usersig", "apikey", "accesstoken", "apitoken", "signature"})
_SHARED_LOCATIONS = frozenset({"header", "path", "cookie"})

Operation = dict[str, Any]


def _shape(value: Any) -> str:
    return json.dumps(structure(value), sort_keys=True, ensure_ascii=False)


def _canon(value: Any) -> str:
    return json.dumps(strip_private(value), sort_keys=True, ensure_ascii=False)


def _compact(param: Schema) -> str:
    return "".join(ch for ch in str(param.get("name", "")).lower() if ch.isalnum())


def is_credential(param: Schema) -> bool:
    name = _compact(param)
    if param.get("in") == "header":
        return name in _CREDENTIALS or name == "authorization"
    return param.get("in") == "query" and name in _QUERY_CREDENTIALS


DOCUMENTED = "\x00documented-security"  # a draft's requirements, as its page states them


def lift_security(ops: list[Operation], components: dict[str, Any]) -> list[Any] | None:
    """Credential headers become apiKey schemes; an operation's documented requirements
    (the schemes the page describes) come first. Returns the global security requirement."""
    requirements: list[str] = []
    schemes = components.setdefault("securitySchemes", {})
    for op in ops:
        creds = [p for p in op.get("parameters", []) if is_credential(p)]
        op["parameters"] = [p for p in op.get("parameters", []) if not is_credential(p)]
        requirement: list[Any] = []
        for param in creds:
            name, scheme = _scheme(param)
            schemes.setdefault(name, scheme)
        if creds:
            requirement.append({_scheme(p)[0]: [] for p in creds})
        if creds and all(p.get("required") is False for p in creds):
            requirement.append({})
        documented = op.pop(DOCUMENTED, None)
        if documented is not None and (documented or not creds):  # its credentials count
            requirement = [r for r in documented if all(name in schemes for name in r)]
        op["\x00security"] = requirement
        requirements.append(json.dumps(requirement))
    common = Counter(requirements).most_common(1)
    global_requirement: list[Any] | None = json.loads(common[0][0]) if common else None
    for op in ops:
        own = op.pop("\x00security")
        if own != global_requirement:
            op["security"] = own
    return global_requirement or None


_FLOW_URLS = {
    "implicit": ("authorizationUrl",),
    "password": ("tokenUrl",),
    "clientcredentials": ("tokenUrl",),
    "application": ("tokenUrl",),
    "authorizationcode": ("authorizationUrl", "tokenUrl"),
    "accesscode": ("authorizationUrl", "tokenUrl"),
}
_FLOW_NAMES = {"application": "clientCredentials", "accesscode": "authorizationCode"}


def scheme_object(scheme: SecurityScheme) -> Schema:
    """A documented scheme as an OpenAPI security scheme."""
    if scheme.kind == "apiKey":
        where = scheme.location or "header"
        return {"type": "apiKey", "in": where, "name": scheme.parameter or scheme.name}
    if scheme.kind == "http":
        return {"type": "http", "scheme": scheme.scheme or "bearer"}
    if scheme.kind == "openIdConnect":
        return {"type": "openIdConnect", "openIdConnectUrl": scheme.authorization_url}
    flow = (scheme.flow or "implicit").replace("_", "").lower()
    urls = {"authorizationUrl": scheme.authorization_url, "tokenUrl": scheme.token_url}
    body: Schema = {key: urls[key] for key in _FLOW_URLS.get(flow, ("authorizationUrl",))}
    body["scopes"] = dict.fromkeys(scheme.scopes, "")
    name = _FLOW_NAMES.get(flow, scheme.flow or "implicit")
    return {"type": "oauth2", "flows": {name: body}}


def _scheme(param: Schema) -> tuple[str, Schema]:
    """`Authorization: Bearer ...` is HTTP bearer auth; other credentials are API keys."""
    description = str(param.get("description", ""))
    scheme: Schema
    if _compact(param) == "authorization" and "bearer" in description.lower():
        name, scheme = "bearerAuth", {"type": "http", "scheme": "bearer"}
    elif _compact(param) == "authorization" and "basic" in description.lower():
        name, scheme = "basicAuth", {"type": "http", "scheme": "basic"}
    else:
        key = component_key(param["name"])
        name = key[:1].lower() + key[1:]
        scheme = {"type": "apiKey", "in": param["in"], "name": param["name"]}
    if description:
        scheme["description"] = description
    scheme[SRC] = param.get(SRC, ())
    return name, scheme


def share_parameters(ops: list[tuple[str, Operation]], components: dict[str, Any]) -> None:
    """Parameters that mean the same in several operations become components: header, path
    and cookie parameters repeated in two or more operations, query parameters used on two or
    more paths from their sample URLs. Wording may differ (the richest description is kept);
    the schema may not."""
    groups: dict[str, list[tuple[str, Schema]]] = {}
    for path, op in ops:
        for param in op.get("parameters", []):
            if "name" in param:
                groups.setdefault(_key(param), []).append((path, param))
    shared = components.setdefault("parameters", {})
    names: dict[str, str] = {}
    for _, op in ops:
        params = op.get("parameters", [])
        for index, param in enumerate(params):
            key = _key(param) if "name" in param else ""
            if not key or not _worth_sharing(groups[key]):
                continue
            if key not in names:
                names[key] = _parameter_name(param, shared)
                richest = max(
                    (p for _, p in groups[key]), key=lambda p: len(p.get("description", ""))
                )
                shared[names[key]] = {**richest, SRC: ()}
            component = shared[names[key]]
            component[SRC] = (*component[SRC], *param.get(SRC, ()))
            params[index] = {"$ref": f"#/components/parameters/{names[key]}", SRC: param.get(SRC)}
    if not shared:
        del components["parameters"]


def _key(param: Schema) -> str:
    return _canon({k: v for k, v in param.items() if k != "description"})


def _worth_sharing(group: list[tuple[str, Schema]]) -> bool:
    """Header/path/cookie parameters repeat API-wide. A query parameter is shared when sample
    URLs of several paths carry it with the same value and schema (a common URL parameter);
    query parameters documented only in tables stay with their operation."""
    where = group[0][1].get("in")
    if where in _SHARED_LOCATIONS:
        return len(group) > 1
    from_urls = all("example" in p for _, p in group)
    return where == "query" and from_urls and len({path for path, _ in group}) > 1


def _parameter_name(param: Schema, taken: dict[str, Any]) -> str:
    name = component_key(param["name"])
    if name in taken:
        name = component_key(f"{param['name']} {param['in']}")
    return unique(name, set(taken))


def lift_envelope(roots: list[Schema], components: dict[str, Any], name: str) -> str | None:
    """The properties every response object has become one envelope schema; a property that
    every response has but types differently (`data`) stays in the envelope untyped and is
    typed per operation through `allOf`. Returns the envelope's name, if there is one."""
    objects = [r for r in roots if isinstance(r.get("properties"), dict)]
    if len(objects) < 2:
        return None
    first = objects[0]["properties"]
    common = [k for k in first if all(k in o["properties"] for o in objects)]
    fixed = [k for k in common if len({_shape(o["properties"][k]) for o in objects}) == 1]
    if len(common) < 2 or not fixed:
        return None
    envelope: Schema = {"type": "object", "properties": {}, SRC: ()}
    for key in common:
        if key in fixed:
            richest = max((o["properties"][key] for o in objects), key=lambda p: len(_canon(p)))
            envelope["properties"][key] = {**richest, SRC: ()}
        else:
            descriptions = {o["properties"][key].get("description") for o in objects}
            slot = {"description": descriptions.pop()} if len(descriptions) == 1 else {}
            envelope["properties"][key] = {**{k: v for k, v in slot.items() if v}, SRC: ()}
    for root in objects:
        _wrap(root, envelope, fixed, name)
    components.setdefault("schemas", {})[name] = envelope
    return name


def _wrap(root: Schema, envelope: Schema, fixed: list[str], name: str) -> None:
    for key in envelope["properties"]:
        prop = envelope["properties"][key]
        prop[SRC] = (*prop[SRC], *root["properties"][key].get(SRC, ()))
    extras = {k: v for k, v in root["properties"].items() if k not in fixed}
    sources = root.get(SRC, ())
    envelope[SRC] = (*envelope[SRC], *sources)
    ref = {"$ref": f"#/components/schemas/{name}"}
    root.clear()
    if extras:
        root["allOf"] = [ref, {"type": "object", "properties": extras}]
    else:
        root.update(ref)
    root[SRC] = sources
