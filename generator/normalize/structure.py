"""Comparing field trees by shape (names, types, nesting), not by wording."""

from __future__ import annotations

from generator.model import Field


def shape(field: Field) -> tuple[object, ...]:
    return (field.name, field.type, tuple(shape(c) for c in field.children))


def same_shape(a: Field, b: Field) -> bool:
    return shape(a) == shape(b)
