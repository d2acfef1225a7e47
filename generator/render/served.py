"""The OpenAPI document the generated server serves: the spec itself plus the error responses
the server adds (401 where credentials are accepted: missing or invalid ones, 422 where there
is input to validate), each with the API's own error envelope, so clients and fuzzers see
every status the server can answer."""

from __future__ import annotations

from generator.render.envelope import Envelope
from generator.render.spec import Api, Json, resolve


def served_spec(api: Api, envelope: Envelope) -> dict[str, Json]:
    """The spec plus the 401 / 422 responses the generated server adds (a path item given
    as a `$ref` is written out in its place, with them)."""
    spec = dict(api.spec)
    paths = spec["paths"] = dict(spec["paths"])
    error = {"application/json": {"schema": dict(envelope.schema)}}
    copied: set[str] = set()
    for op in api.operations:  # copies only what it changes: the spec is shared, not copied
        if op.path not in copied:
            paths[op.path] = dict(resolve(api.spec, paths[op.path]))
            copied.add(op.path)
        item = paths[op.path]
        node = item[op.method] = dict(item[op.method])
        responses = node["responses"] = dict(node.get("responses", {}))
        if any(op.security) and "401" not in responses:
            responses["401"] = {"description": "Missing or invalid credentials", "content": error}
        if (op.parameters or op.body) and "422" not in responses:
            responses["422"] = {"description": "Invalid request", "content": error}
    return spec
