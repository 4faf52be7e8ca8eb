"""The language plumbing: tag parsing, pseudo-translation, per-context language, formats."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from careops_desktop.core import i18n
from careops_desktop.core.db import Database
from careops_desktop.core.i18n import formats
from careops_desktop.core.i18n.pseudo import is_pseudo, mirrored_text, pseudo_text

SLOT = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s|%n|%1|<[^<>]*>")


def test_accept_language_order_and_quality() -> None:
    header = "fr-CH, fr;q=0.9, de-DE;q=0.8, es;q=0.95, *;q=0.5"
    assert i18n.parse_accept_language(header) == ["fr-CH", "es", "fr", "de-DE"]
    assert i18n.best_language(i18n.parse_accept_language(header)) == "es"
    assert i18n.best_language(i18n.parse_accept_language("de-AT,en;q=0.1")) == "de"
    assert i18n.best_language(i18n.parse_accept_language("ja, ko;q=0.2")) == "en"
    assert i18n.parse_accept_language("de;q=0, es;q=abc, en;q=2") == []


@given(st.text(max_size=3000))
def test_any_accept_language_header_gives_a_shipped_language(header: str) -> None:
    tags = i18n.parse_accept_language(header)
    assert len(tags) <= 32
    assert i18n.best_language(tags) in i18n.SHIPPED


@given(st.text(max_size=60))
def test_normalise_never_invents_a_language(tag: str) -> None:
    assert i18n.normalise(tag) in (*i18n.SHIPPED, *i18n.PSEUDO, None)


def test_pseudo_keeps_placeholders_markup_and_accelerators() -> None:
    text = "&Save {name} at %(time)s: <b>%n</b> item(s)"
    shaped = pseudo_text(text)
    assert is_pseudo(shaped) and shaped.startswith("[&")
    assert SLOT.findall(shaped) == SLOT.findall(text)
    assert "Save" not in shaped
    assert len(shaped) >= len(text) * 1.3
    assert mirrored_text(text).startswith("\u202b")
    assert pseudo_text("") == "" and pseudo_text("  ") == "  "


@given(st.lists(st.sampled_from(["word ", "{name}", "%n", "<i>", "&", "%(x)s", "é", "\n"])))
def test_pseudo_text_keeps_every_placeholder(parts: list[str]) -> None:
    text = "".join(parts)
    assert SLOT.findall(pseudo_text(text)) == SLOT.findall(text)


def test_language_is_per_context_and_reaches_the_database_worker(tmp_path: Path) -> None:
    assert i18n.current_language() == i18n.default_language()
    database = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        with i18n.use_language("de-DE") as chosen:
            assert chosen == "de"
            seen = database.submit(lambda _session: i18n.current_language()).result()
        assert seen == "de"
        assert database.submit(lambda _s: i18n.current_language()).result() == "en"
    finally:
        database.close()


def test_pseudo_locale_translates_every_text() -> None:
    with i18n.use_language(i18n.PSEUDO_ACCENTED):
        assert is_pseudo(i18n._("Any text at all"))
        assert is_pseudo(i18n.ngettext("{count} visit", "{count} visits", 3))
        assert is_pseudo(i18n.pgettext("menu", "Open"))
    assert i18n.gettext("Any text at all") == "Any text at all"
    assert i18n.N_("marked") == "marked"


def test_formats_follow_the_reader_and_the_business() -> None:
    before = formats.business_locale()
    try:
        assert formats.locale_for_zone("Europe/Berlin") == "de_DE"
        assert formats.locale_for_zone("America/Mexico_City") == "es_MX"
        assert formats.locale_for_zone("Nowhere/Atlantis") == formats.FALLBACK_LOCALE
        assert formats.valid_locale("xx_YY") is None
        assert formats.set_business_locale("es_ES") == "es_ES"
        moment = datetime(2026, 3, 3, 14, 30)
        with i18n.use_language("de"):
            assert formats.date_and_time_text(moment) == "Dienstag, 3. März 2026, 14:30"
            assert formats.money_text(4500, "EUR") == "45,00\xa0€"
            assert formats.number_text(1234.5) == "1.234,5"
            assert formats.weekday_text(date(2026, 3, 3)) == "Dienstag"
            assert formats.month_text(3) == "März"
            assert formats.first_weekday() == 0
        with i18n.use_language("es"):
            assert formats.date_text(moment) == "martes, 3 de marzo de 2026"
            assert formats.time_text(moment) == "14:30"
            assert formats.uses_24_hour_clock()
        formats.set_business_locale("en_US")
        assert formats.first_weekday(language="en") == 6
        assert (
            formats.time_text(moment, language="en") == "2:30 PM"
        )  # a plain space: SMS stay GSM-7
        assert not formats.uses_24_hour_clock(language="en")
    finally:
        formats.set_business_locale(before)
