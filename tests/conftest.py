"""Every test run gets its own model cache, so no test reads what another run left behind
(and none writes into the user's ~/.cache)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get("DOC2OPENAPI_CACHE")
    os.environ["DOC2OPENAPI_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("DOC2OPENAPI_CACHE", None)
    else:
        os.environ["DOC2OPENAPI_CACHE"] = before
