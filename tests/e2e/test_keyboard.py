"""Keyboard only: Tab reaches every link, button and field of the header and main, with visible focus."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Elements taken out of the tab order on purpose (tabindex="-1", e.g. a honeypot field) are not expected.
FOCUSABLE = ", ".join(
    f"{selector}:not([tabindex='-1'])"
    for selector in (
        "a[href]",
        "button:not([disabled])",
        "input:not([disabled]):not([type=hidden])",
        "select:not([disabled])",
        "textarea:not([disabled])",
        "summary",
        "[tabindex]",
    )
)

MARK_FOCUSABLES = """(selector) => {
  const all = [...document.querySelectorAll(selector)];
  return all.map((el, index) => {
    el.dataset.e2eFocus = String(index);
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const visible = box.width > 0 && box.height > 0 && style.visibility !== "hidden";
    return {index, visible, region: el.closest("header") ? "header" : el.closest("main") ? "main" : "other",
            label: (el.innerText || el.getAttribute("aria-label") || el.name || el.tagName).trim().slice(0, 60)};
  });
}"""

ACTIVE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {index: el.dataset.e2eFocus ?? null, outlineStyle: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth) || 0, tag: el.tagName, text: (el.innerText || "").slice(0, 60)};
}"""

PATHS = [
    "/",
    "/nieuws/nieuwe-subsidieregeling-buurtinitiatieven/",
    "/themas/jeugd-en-gezin/",
    "/archief/",
    "/zoeken/?q=subsidie",
    "/bestaat-niet/",
    "/nieuwsbrief/aanmelden/",
]


@pytest.mark.parametrize("path", PATHS)
def test_tab_reaches_every_control_in_header_and_main(site_content, page, path):
    page.visit(path)
    focusables = page.evaluate(MARK_FOCUSABLES, FOCUSABLE)
    expected = {f["index"]: f["label"] for f in focusables if f["visible"] and f["region"] in {"header", "main"}}

    reached, weak_focus = set(), []
    for _ in range(len(focusables) + 3):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active["index"] is None:
            continue
        reached.add(int(active["index"]))
        if active["outlineStyle"] == "none" or active["outlineWidth"] < 2:
            weak_focus.append(active)

    assert expected, "the page has no links or controls at all"
    missing = {index: label for index, label in expected.items() if index not in reached}
    assert missing == {}
    assert weak_focus == [], "focus must show an outline of 2px or more"
