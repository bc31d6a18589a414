"""Messages made below the UI: English as text (CLI, logs, audit), template and parameters kept
for the UI's translation, and kept intact through JSON (the outbox) and pickling."""

from __future__ import annotations

import pickle

import pytest

from fulfillment_station.domain.messages import (
    QT_TRANSLATE_NOOP,
    STATUS_WORDS,
    Message,
    placeholders,
    status_word,
)
from fulfillment_station.domain.models import OrderStatus

WRONG = QT_TRANSLATE_NOOP("Test", "Wrong item: {scan} is not on order {order}.")
GAVE_UP = QT_TRANSLATE_NOOP("Test", "Gave up after {attempts} attempts: {error}")


def test_a_filled_in_message_reads_as_english_and_keeps_its_template() -> None:
    message = WRONG.format(scan="ABC", order="#12")
    assert message == "Wrong item: ABC is not on order #12."
    assert f"CLI: {message}" == "CLI: Wrong item: ABC is not on order #12."
    assert (message.context, message.template) == ("Test", WRONG.template)
    assert dict(message.params) == {"scan": "ABC", "order": "#12"}
    assert WRONG.params == {}  # the template itself is untouched


def test_a_message_can_be_a_parameter_of_another() -> None:
    inner = WRONG.format(scan="X", order="1")
    outer = GAVE_UP.format(attempts=5, error=inner)
    assert outer == "Gave up after 5 attempts: Wrong item: X is not on order 1."
    assert isinstance(outer.params["error"], Message)


def test_json_and_pickle_give_back_the_same_message() -> None:
    outer = GAVE_UP.format(attempts=3, error=WRONG.format(scan="X", order="1"))
    for again in (Message.from_json(outer.to_json()), pickle.loads(pickle.dumps(outer))):
        assert again == outer
        assert again.template == outer.template
        assert isinstance(again.params["error"], Message)
        assert again.params["error"].template == WRONG.template


def test_a_stored_text_that_is_not_a_message_is_refused() -> None:
    with pytest.raises(ValueError):
        Message.from_json("plain words")
    with pytest.raises(ValueError):
        Message.from_json('{"template": "no context"}')


def test_wrong_or_positional_parameters_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        WRONG.format(scan="X")
    with pytest.raises(TypeError):
        WRONG.format("X", "1")
    with pytest.raises(TypeError):
        WRONG.format(scan=None, order="1")  # type: ignore[arg-type]


def test_status_words_cover_every_status() -> None:
    assert set(STATUS_WORDS) == set(OrderStatus)
    assert status_word(OrderStatus.SHIPPED) == "shipped"
    assert placeholders("{a} and {b}") == {"a", "b"}
