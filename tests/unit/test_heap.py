"""The cyclic collector paused around reading and generating, and on again around the work
that makes cyclic garbage (datamodel-codegen's), whatever state it finds."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from generator.heap import collector_paused, collector_running


@pytest.fixture(autouse=True)
def _restored() -> Iterator[None]:
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


def test_a_pause_restores_the_state_it_found_and_nests() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_running_inside_a_pause_turns_it_on_for_a_while() -> None:
    with collector_paused():
        with collector_running():
            assert gc.isenabled()
        assert not gc.isenabled()
    gc.enable()
    with collector_running():
        assert gc.isenabled()
    assert gc.isenabled()


def test_the_state_comes_back_after_an_exception() -> None:
    gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    with pytest.raises(ValueError), collector_running():
        raise ValueError("boom")
    assert not gc.isenabled()
