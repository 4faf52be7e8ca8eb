"""Reading a customer's short reply: only the listed words, alone, count (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from careops_desktop.core.services.answers import booking_answer, carrier_keyword, reply_top

YES = ["C", "Y", "YES", "CONFIRM", "OK", "👍"]
NO = ["X", "N", "NO", "CANCEL"]
QUOTE = "\n\nOn Mon, 1 Jun 2026 at 10:00, Harbour Physio <desk@harbour.example.org>\nwrote:\n> Reply C to confirm or X to cancel.\n"  # noqa: E501


def _dressed(word: str, case: str, before: str, after: str) -> str:
    styled = {"upper": word.upper(), "lower": word.lower(), "title": word.title()}[case]
    return f"{before}{styled}{after}"


dress = st.tuples(
    st.sampled_from(["upper", "lower", "title"]),
    st.sampled_from(["", " ", "\n", "  \t"]),
    st.sampled_from(["", ".", "!", "!!", " .", "?", "\n", "..."]),
)


@given(st.sampled_from(YES), dress, st.booleans())
def test_every_yes_word_in_any_dress_is_yes(
    word: str, style: tuple[str, str, str], quoted: bool
) -> None:
    text = _dressed(word, *style) + (QUOTE if quoted else "")
    assert booking_answer(text) == "yes"


@given(st.sampled_from(NO), dress, st.booleans())
def test_every_no_word_in_any_dress_is_no(
    word: str, style: tuple[str, str, str], quoted: bool
) -> None:
    text = _dressed(word, *style) + (QUOTE if quoted else "")
    assert booking_answer(text) == "no"


@given(st.text())
@example("")
@example("\x00\ud7ff\U0010ffff")
@example(">" * 10_000)
def test_arbitrary_text_never_raises(text: str) -> None:
    assert booking_answer(text) in (None, "yes", "no")
    assert carrier_keyword(text) in (None, "stop", "start")
    reply_top(text)


@given(st.text(min_size=1).filter(lambda t: t.strip()))
def test_a_sentence_merely_containing_ok_is_not_an_answer(rest: str) -> None:
    text = f"ok but {rest} can we move it to Thursday afternoon instead please"
    assert booking_answer(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok", "yes"),
        ("Okay!", "yes"),
        ("👍🏽", "yes"),
        ("OK 👍", "yes"),
        ("yes yes", "yes"),
        ("C.", "yes"),
        ("No thanks", None),
        ("Yes please, and can I bring my son?", None),
        ("cancel\n\nSent from my iPhone", "no"),
        ("x\n-----Original Message-----\nFrom: desk\nReply C", "no"),
        ("c\n> Reply C to confirm", "yes"),
        ("I'm ok", None),
        ("Book", None),
        ("STOP", None),
        ("CCC", None),
        ("Yes no", None),
    ],
)
def test_examples(text: str, expected: str | None) -> None:
    assert booking_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP", "stop"),
        ("stop.", "stop"),
        ("Unsubscribe", "stop"),
        ("STOPALL", "stop"),
        ("end", "stop"),
        ("quit", "stop"),
        ("cancel", "stop"),  # the caller decides: a visit to cancel wins
        ("START", "start"),
        ("unstop", "start"),
        ("yes", "start"),  # the caller decides: START only after a STOP
        ("please stop texting me so often", None),
        ("Start time?", None),
    ],
)
def test_carrier_keywords(text: str, expected: str | None) -> None:
    assert carrier_keyword(text) == expected


# German and Spanish customers answer in their own words
YES_DE_ES = ["JA", "Jawohl", "bestätigt", "SÍ", "si", "Vale", "confirmo", "confirmado"]
NO_DE_ES = ["NEIN", "absagen", "stornieren", "NO", "cancelar", "anular"]


@given(st.sampled_from(YES_DE_ES), dress, st.booleans())
def test_every_german_and_spanish_yes_word_in_any_dress_is_yes(
    word: str, style: tuple[str, str, str], quoted: bool
) -> None:
    text = _dressed(word, *style) + (QUOTE if quoted else "")
    assert booking_answer(text) == "yes"


@given(st.sampled_from(NO_DE_ES), dress, st.booleans())
def test_every_german_and_spanish_no_word_in_any_dress_is_no(
    word: str, style: tuple[str, str, str], quoted: bool
) -> None:
    text = _dressed(word, *style) + (QUOTE if quoted else "")
    assert booking_answer(text) == "no"


@given(st.sampled_from(YES_DE_ES + NO_DE_ES), st.text(min_size=1).filter(lambda t: t.strip()))
def test_a_german_or_spanish_sentence_merely_containing_an_answer_is_not_one(
    word: str, rest: str
) -> None:
    text = f"{word}, aber {rest} können wir den Termin auf Donnerstag verschieben? gracias"
    assert booking_answer(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ja!", "yes"),
        ("ja ja", "yes"),
        ("¡Sí!", "yes"),
        ("Sí 👍", "yes"),
        ("Nein danke", None),
        ("Nein.", "no"),
        ("no, gracias", None),
        ("No.", "no"),
        ("Ja\n\nVon meinem iPhone gesendet", None),  # a German signature: a person reads it
        ("nein\n> Antworten Sie C zum Bestätigen", "no"),
        ("Sí no", None),
        ("cancelar", "no"),
    ],
)
def test_german_and_spanish_examples(text: str, expected: str | None) -> None:
    assert booking_answer(text) == expected


@pytest.mark.parametrize("text", ["ja", "sí", "nein", "cancelar", "vale"])
def test_german_and_spanish_answers_are_not_carrier_keywords(text: str) -> None:
    assert carrier_keyword(text) is None
