"""Safe names: identifiers, class names, file names, anchors; deduplication."""

from __future__ import annotations

import keyword

import pytest

from generator.render import names

ODD = ["putUserAvatar", "../../etc/passwd", "class", "2fa", "ユーザー", "x-api-key", "", "a b"]


@pytest.mark.parametrize("text", ODD)
def test_every_name_is_safe(text: str) -> None:
    for name in (names.snake(text), names.pascal(text), names.constant(text)):
        assert name.isascii() and name.isidentifier() and not keyword.iskeyword(name)
    stem = names.file_stem(text)
    assert stem.isidentifier() and "/" not in stem and not stem.startswith(".")
    assert all(c.isalnum() or c == "-" for c in names.anchor(text))


def test_words_split_case_and_separators() -> None:
    assert names.snake("putUserAvatarBatch") == "put_user_avatar_batch"
    assert names.snake("HTTPServerError") == "http_server_error"
    assert names.pascal("set avatar-request") == "SetAvatarRequest"
    assert names.constant("bearerAuth") == "BEARER_AUTH"
    assert names.anchor("getUsersByUsername") == "get-users-by-username"


def test_reserved_words_get_a_suffix_and_fallbacks_apply() -> None:
    assert names.snake("class") == "class_"
    assert names.snake("type") == "type_"
    assert names.snake("ユーザー", fallback="tag") == "tag"
    assert names.snake("2fa") == "value_2fa"
    assert names.pascal("") == "Model"


def test_unique_is_ordered_and_avoids_taken() -> None:
    assert names.unique(["a", "b", "a", "a"], taken={"b"}) == ("a", "b_2", "a_2", "a_3")
