"""The business's locale: its own setting, else the language of its time zone's country."""

from __future__ import annotations

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.services import business
from tests.actors import OWNER
from tests.core.booking_world import World


def test_the_locale_follows_the_time_zone_until_it_is_set(db: Database, world: World) -> None:
    assert db.call(business.business_locale) == "en_GB"  # Europe/London
    profile = db.call(business.update_profile, OWNER, timezone="Europe/Madrid")
    assert profile.locale is None
    assert db.call(business.business_locale) == "es_ES"
    assert db.call(business.update_profile, OWNER, locale="de-AT").locale == "de_AT"
    assert db.call(business.business_locale) == "de_AT"
    assert db.call(business.update_profile, OWNER, locale="  ").locale is None
    assert db.call(business.business_locale) == "es_ES"


@pytest.mark.parametrize("hostile", ["xx_YY", "de_DE; DROP TABLE", "<script>", "a" * 500])
def test_an_unknown_locale_is_refused_in_words(db: Database, world: World, hostile: str) -> None:
    with pytest.raises(ValidationError) as refused:
        db.call(business.update_profile, OWNER, locale=hostile)
    assert "not a known locale" in refused.value.fields["locale"]
    assert db.call(business.get_profile).locale is None
