"""The page in Chromium on the made-up database: map, event panel with evidence, filters,
timeline brushing, story, entity, search, language switch, phone size. Screenshots go to
test-artifacts/."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="needs the playwright Python package").expect


def dot_ids(page) -> set[str]:  # noqa: ANN001
    return set(page.eval_on_selector_all("#dots .event-dot", "dots => dots.map(d => d.dataset.id)"))


def test_map_shows_events_and_base_map(page, screenshot) -> None:  # noqa: ANN001
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert dot_ids(page) == {"m-strike", "m-protest", "m-clash"}  # m-nowhere has no coordinates
    assert page.locator("#base .country").count() > 100
    assert page.locator("#base .admin1").count() > 0
    # Sized by toll: the strike (5 killed) is bigger than the protest (none).
    strike = float(page.get_attribute("circle[data-id='m-strike']", "data-px"))
    protest = float(page.get_attribute("circle[data-id='m-protest']", "data-px"))
    assert strike > protest
    # Coloured by type.
    assert page.get_attribute("circle[data-id='m-clash']", "fill") != page.get_attribute("circle[data-id='m-protest']", "fill")
    assert page.locator("#event-list li").count() == 4
    screenshot(page, "01-map-ar")


def test_open_event_highlights_evidence_in_each_article(page, screenshot) -> None:  # noqa: ANN001
    page.click("circle[data-id='m-strike']")
    page.wait_for_selector("#event-facts")
    articles = page.locator("article.article")
    assert articles.count() == 2
    marks = page.locator("article.article mark.evidence")
    assert marks.count() >= 2
    assert marks.first.inner_text().startswith("قُتل خمسة مدنيين")
    # The versions side by side, with the disputed toll and the denial marked.
    assert page.locator(".version").count() == 3
    assert page.locator(".version .field.disagree[data-field='killed']").count() == 2
    assert page.locator(".version .field.disagree[data-field='modality']").count() >= 1
    screenshot(page, "02-event-panel")


def test_story_view_lays_outlets_side_by_side(page, screenshot) -> None:  # noqa: ANN001
    page.click("circle[data-id='m-strike']")
    page.click("#open-story")
    page.wait_for_selector("#story-title")
    outlets = page.eval_on_selector_all(".version h4 bdi", "nodes => nodes.map(n => n.textContent)")
    assert set(outlets) == {"outlet-a", "outlet-b"}
    screenshot(page, "03-story")


def test_filter_by_type(page) -> None:  # noqa: ANN001
    page.check("input[data-type='Battles']")
    expect(page.locator("#dots .event-dot")).to_have_count(1)
    assert dot_ids(page) == {"m-clash"}
    page.check("input[data-type='Protests']")
    expect(page.locator("#dots .event-dot")).to_have_count(2)
    assert dot_ids(page) == {"m-clash", "m-protest"}


def test_filter_by_date_inputs_and_timeline_brush(page, screenshot) -> None:  # noqa: ANN001
    page.fill("#date-from", "2024-03-05")
    page.dispatch_event("#date-from", "change")
    expect(page.locator("#dots .event-dot")).to_have_count(2)
    assert dot_ids(page) == {"m-protest", "m-clash"}
    page.click("#clear-dates")
    expect(page.locator("#dots .event-dot")).to_have_count(3)
    # Brush the timeline over its first days only (RTL: time runs right to left).
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] - 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.9, y, steps=5)
    page.mouse.up()
    expect(page.locator("#dots .event-dot")).to_have_count(1)
    assert dot_ids(page) == {"m-strike"}
    assert page.input_value("#date-from") == "2024-03-04"
    assert page.locator("#timeline .brush").count() == 1
    screenshot(page, "04-brushed")


def test_switch_language_to_english_and_back(page, screenshot) -> None:  # noqa: ANN001
    page.click("#lang-toggle")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.inner_text("[data-i18n='types']") == "Event types"
    page.click("#event-list li[data-id='m-clash']")
    page.wait_for_selector("#event-facts")
    facts = page.inner_text("#event-facts")
    assert "Syrian Army" in facts and "الجيش السوري" in facts  # English name beside the Arabic one
    assert "Idlib" in facts and "إدلب" in facts
    screenshot(page, "05-english")
    page.click("#lang-toggle")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_entity_page_from_an_actor(page, screenshot) -> None:  # noqa: ANN001
    page.click("#event-list li[data-id='m-clash']")
    page.click("#event-facts button.linkish")
    page.wait_for_selector("#entity-title")
    assert "الجيش السوري" in page.inner_text("#entity-title")
    assert page.locator(".panel .event-list li").count() == 2  # one event, one mention
    screenshot(page, "06-entity")


def test_search_with_a_spelling_variant(page, screenshot) -> None:  # noqa: ANN001
    page.fill("#search-input", "الرقه")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results li").count() == 2
    marked = page.eval_on_selector_all("#search-results mark", "marks => marks.map(m => m.textContent)")
    assert "بالرقة" in marked
    page.click("#search-results li[data-id='doc-a']")
    page.wait_for_selector("#document-title")
    assert page.locator(".panel mark.k-place").first.inner_text() == "الرقة"
    screenshot(page, "07-search-document")


def test_article_text_is_never_html(page) -> None:  # noqa: ANN001
    # An article whose title and body carry markup (as a hostile page could) must show as text.
    hostile = '<img src="x" id="injected"><script>window.pwned = 1</script>'

    def poison(route) -> None:  # noqa: ANN001
        body = route.fetch().json()
        body["documents"][0]["title"] = hostile
        body["documents"][0]["text"] = hostile + body["documents"][0]["text"]
        route.fulfill(json=body)

    page.route("**/api/events/m-clash*", poison)
    page.click("#event-list li[data-id='m-clash']")
    page.wait_for_selector("#event-facts")
    assert page.locator("#injected").count() == 0
    assert page.locator("#panel script").count() == 0
    assert hostile in page.inner_text("article.article .head")


def test_phone_sized_screen(browser, server_url: str, screenshot) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready='true']", timeout=15000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the page scrolls sideways on a phone ({width}px)"
    assert len(dot_ids(page)) == 3
    page.tap("#event-list li[data-id='m-strike']")
    page.wait_for_selector("#event-facts")
    screenshot(page, "08-phone")
    context.close()
