"""Issue 13, part 4: only the app's links and the business's own template links are listed
as clickable; a value a customer typed never is, wherever it lands in the template."""

from __future__ import annotations

from careops_desktop.core.services.templates import template_links

APP = {
    "manage_link": "http://desk.local:8765/manage/tok",
    "form_link": "http://desk.local:8765/forms/f",
}


def test_template_links_are_the_templates_own_and_the_app_built_ones() -> None:
    body = (
        "Hi {contact_name}, see https://biz.example/map. Or www.biz.example.\n"
        "{manage_link}\n{form_link}"
    )
    context = {**APP, "contact_name": "http://evil.test/pay"}
    assert template_links(body, context) == (
        "https://biz.example/map",
        "http://desk.local:8765/forms/f",
        "http://desk.local:8765/manage/tok",
    )


def test_a_link_glued_to_a_customer_value_is_not_listed_as_it_renders() -> None:
    # the template's "https://biz.example/" is listed, but rendered it reads
    # "https://biz.example/Sam…", which is not the listed address, so it stays text
    links = template_links("https://biz.example/{contact_name}", {"contact_name": "x"})
    assert links == ("https://biz.example/",)


def test_a_link_placeholder_holding_anything_but_one_address_is_not_listed() -> None:
    assert template_links("{manage_link}", {"manage_link": "see http://evil.test"}) == ()
