"""Issue 13, parts 4 and 8: a name is one line of text without web addresses, at most 100
characters; anything else is a field error, at the desk and on the booking page alike."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.services.contacts import (
    NAME_MAX,
    check_person_name,
    name_problem,
    same_name,
)
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher

CONTROL = st.one_of(
    st.characters(categories=["Cc"]),  # NUL, CR, LF, tab, DEL, C1 (NEL …)
    st.sampled_from(["\u2028", "\u2029", "\u202e", "\u2066"]),
)
URL = st.one_of(
    st.builds(
        "{}://{}".format,
        st.sampled_from(["http", "https", "HTTP", "ftp", "x-custom", "ｈｔｔｐ"]),
        st.from_regex(r"[a-z0-9.]{1,20}", fullmatch=True),
    ),
    st.builds(
        "{}:{}".format,
        st.sampled_from(["http", "mailto", "javascript", "JavaScript", "data", "tel"]),
        st.from_regex(r"[a-z0-9@.]{0,20}", fullmatch=True),
    ),
    st.builds("www.{}".format, st.from_regex(r"[a-z0-9]{1,20}", fullmatch=True)),
    st.just("WWW.evil.test"),
)
# what real names are made of: letters and marks of any script, spaces, apostrophes, hyphens,
# dots, commas, digits (Henry VIII, 3rd), and emoji with their joiners
PLAIN = st.text(
    alphabet=st.one_of(
        st.characters(categories=["L", "M", "Nd"]),
        st.sampled_from([*" '’-.,()&", "👩", "🏽", "\u200d", "⚕", "\ufe0f"]),
    ),
    min_size=1,
    max_size=NAME_MAX,
)


def _plain(text: str) -> bool:
    key = unicodedata.normalize("NFKC", text).casefold()
    return bool(text.strip()) and len(text.strip()) <= NAME_MAX and "www." not in key


@given(PLAIN)
def test_any_plain_name_is_accepted_as_typed(name: str) -> None:
    assume(_plain(name))
    assert check_person_name(name) == name.strip()


@given(prefix=PLAIN, bad=st.one_of(CONTROL, URL), suffix=PLAIN)
def test_any_name_with_a_control_character_or_a_web_address_is_refused(
    prefix: str, bad: str, suffix: str
) -> None:
    name = (prefix + bad + suffix)[: NAME_MAX - 1] if len(bad) < NAME_MAX else bad
    assume(bad in name)
    with pytest.raises(ValidationError) as caught:
        check_person_name(name)
    assert set(caught.value.fields) == {"name"}


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "Enter the name."),
        ("   ", "Enter the name."),
        ("Sam\x00", "(NUL)"),
        ("Sam,\r\n\r\nACTION NEEDED: http://evil.test/pay", "one line"),
        ("Sam www.evil.test", "web address"),
        ("A" * (NAME_MAX + 1), f"longer than {NAME_MAX}"),
    ],
)
def test_each_refusal_says_what_is_wrong(name: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_person_name(name, field="full_name")
    assert words in caught.value.fields["full_name"]


def test_a_name_of_exactly_the_limit_is_accepted_and_non_text_is_refused() -> None:
    assert check_person_name(" " + "A" * NAME_MAX + " ") == "A" * NAME_MAX
    assert name_problem(42) == "The name must be text."


def test_the_same_name_ignores_case_width_and_spacing_only() -> None:
    assert same_name("Ann  Lee", " ann lee ")
    assert same_name("ＡＮＮ", "ann")
    assert not same_name("Ann Lee", "Anne Lee")


def test_the_desk_gets_the_same_field_error_and_an_older_name_can_stay(people) -> None:
    from careops_desktop.core.services import contacts

    db = people.db
    with pytest.raises(ValidationError) as caught:
        db.call(contacts.create_contact, people.owner, name="Sam\nX", email="s@example.com")
    assert set(caught.value.fields) == {"name"}
    made = db.call(contacts.create_contact, people.owner, name="Sam", email="s@example.com")
    with db.write_session() as s:  # a name stored before the rule (an import, an old version)
        from careops_desktop.core.models import Contact

        row = s.get(Contact, made.id)
        assert row is not None
        row.name = "B" * 150
    kept = db.call(contacts.update_contact, people.owner, made.id, notes="seen")
    assert kept.name == "B" * 150
    with pytest.raises(ValidationError):
        db.call(contacts.update_contact, people.owner, made.id, name="www.example.com")
