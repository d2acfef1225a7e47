"""Labels and column roles recognised from their words, not from a list of exact phrases."""

from __future__ import annotations

import pytest

from generator.interpret.vocabulary import Column, Label, column_of, flag_of, label_of


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # request x body/field/packet: the request body, in any wording
        ("Request body", Label.BODY),
        ("Request packet fields", Label.BODY),
        ("Description of fields in a request packet", Label.BODY),
        ("REQUEST FIELDS:", Label.BODY),
        ("Body parameters", Label.BODY),
        # response x anything
        ("Response packet fields", Label.RESPONSE),
        ("Returned fields", Label.RESPONSE),
        ("HTTP response", Label.RESPONSE),
        ("Response data", Label.RESPONSE),
        # a generic parameter table, singular or plural
        ("Request parameter", Label.PARAMS),
        ("Request parameters", Label.PARAMS),
        ("Parameters", Label.PARAMS),
        # where parameters go
        ("Query string parameters", Label.QUERY),
        ("Path variables", Label.PATH),
        ("Request headers", Label.HEADER),
        ("Response headers", Label.RESPONSE_HEADER),
        ("Form data", Label.FORM),
        # samples, with their direction
        ("Sample request packet", Label.REQUEST_EXAMPLE),
        ("Example request 2", Label.REQUEST_EXAMPLE),
        ("Sample responses", Label.RESPONSE_EXAMPLE),
        ("Sample response packet body", Label.RESPONSE_EXAMPLE),
        ("Request and response examples", Label.EXAMPLE),
        # where requests go
        ("HTTP request", Label.ENDPOINT),
        ("Example request URL", Label.ENDPOINT),
        ("Request line", Label.ENDPOINT),
        # the rest
        ("Calling frequency", Label.RATE_LIMIT),
        ("Maximum call frequency limit", Label.RATE_LIMIT),
        ("Status codes", Label.ERRORS),
        ("Error code", Label.ERRORS),
        ("API Calling Description", Label.DESCRIPTION),
        ("Feature overview", Label.DESCRIPTION),
        ("3.2 Usage notes", Label.DESCRIPTION),
        ("Base URLs:", Label.SERVERS),
        ("Servers", Label.SERVERS),
        ("Enumerated Values", Label.ENUM),
        ("Allowed values", Label.ENUM),
        ("Code samples", Label.EXAMPLE),
        ("Response Schema", Label.RESPONSE),
        # one letter off
        ("Reponse example", Label.RESPONSE_EXAMPLE),
        ("Request paramters", Label.PARAMS),
    ],
)
def test_labels_from_their_words(text: str, label: Label) -> None:
    assert label_of(text) is label


@pytest.mark.parametrize(
    "text",
    [
        "Response to a batch request",  # a caption: `batch` is not a label word
        "Basic format",
        "Simple form",  # `simple` is not one letter from `sample`: too short to guess
        "Common parameters",
        "Query the online state of a user",
        "Note",
        "Applicable group types",
        "",
    ],
)
def test_captions_and_titles_are_not_labels(text: str) -> None:
    assert label_of(text) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Parameter name", Column.NAME),
        ("Field", Column.NAME),
        ("Data Type", Column.TYPE),
        ("Parameter type", Column.TYPE),
        ("Is it required?", Column.REQUIRED),
        ("Required or not", Column.REQUIRED),
        ("Mandatory", Column.REQUIRED),
        ("Not null", Column.NOT_NULL),
        ("Default value", Column.DEFAULT),
        ("Descriptions", Column.DESCRIPTION),
        ("describe", Column.DESCRIPTION),
        ("Field description", Column.DESCRIPTION),
        ("Example value", Column.EXAMPLE),
        ("Error Code", Column.CODE),
        ("HTTP status code", Column.CODE),
        ("ParameterType", Column.TYPE),  # a scraped header glued into one word
        ("In", Column.LOCATION),
        ("Parameter location", Column.LOCATION),
        ("Status", Column.STATUS),
        ("Schema", Column.SCHEMA),
        ("Restrictions", Column.RESTRICTIONS),
        ("Value", Column.VALUE),
        ("Value type", Column.TYPE),
        ("Color", None),
    ],
)
def test_column_roles_from_their_words(text: str, role: Column | None) -> None:
    assert column_of(text) is role


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Yes", True),
        ("required", True),
        ("Optional", False),
        ("Yes. Only for group chats", True),
        ("No, unless set", False),
        ("No more than 10", None),
        ("Conditional", None),
    ],
)
def test_required_flags(text: str, flag: bool | None) -> None:
    assert flag_of(text) is flag
