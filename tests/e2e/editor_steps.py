"""Steps an editor takes in the admin, shared by the editor browser tests (issue #3, "Done when").

Everything goes through the page as a person would: labels, buttons, the prose editor's toolbar and the
admin's autocomplete boxes. Screenshots go to test-artifacts/editor/ (gitignored; look at them).
"""

from pathlib import Path
from urllib.parse import urlsplit

from tests.plugins.browser import DESKTOP, ForeignRequests

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "editor"
PASSWORD = "Proef-wachtwoord-2026"


def snap(page, name: str) -> Path:
    """Save a full-page desktop screenshot as test-artifacts/editor/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state()
    page.evaluate("document.fonts.ready.then(() => true)")  # the editor's toolbar icons are a web font
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def watch(page) -> list[str]:
    """Collect script errors and anything the CSP blocked on this page, admin pages included."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))

    def console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            problems.append(f"{page.url}: {message.text}")

    page.on("console", console)
    return problems


def log_in(page, username: str) -> None:
    page.visit("/beheer/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("button", name="Afmelden").wait_for()


def messages(page) -> str:
    """The admin's success and error messages on the page after a save, as one text (waits for them)."""
    page.locator(".messagelist li, .errornote").first.wait_for()
    return " ".join(page.locator(".messagelist li, .errornote, .errorlist li").all_inner_texts())


def pick(page, field_id: str, text: str) -> None:
    """Choose `text` in an admin autocomplete box by typing, as an editor does."""
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.keyboard.type(text)
    page.locator(".select2-results__option", has_text=text).first.click()


# Tiptap puts its editor on the ProseMirror element: its state holds the selection the toolbar acts on.
_EDITOR_SELECTION_IS = """(expected) => {
    const editor = document.querySelector(".ProseMirror[contenteditable=true]").editor;
    const {from, to} = editor.state.selection;
    return editor.state.doc.textBetween(from, to) === expected;
}"""


def select_back(page, text: str) -> None:
    """Select `text`, just typed before the cursor, with Shift+ArrowLeft, one key at a time as a person does.

    ProseMirror reads a selection made with the keyboard from the browser's asynchronous `selectionchange`
    event, which Chromium holds back while keys keep arriving. Pressed in one burst, the DOM selection runs
    ahead of the editor's; ProseMirror then puts its own, shorter or empty selection back, the toolbar acts
    on that, and "insert link" on an empty selection opens no dialog. So after each key, wait until the
    editor itself holds the selection that key made.
    """
    for length in range(1, len(text) + 1):
        page.keyboard.press("Shift+ArrowLeft")
        page.wait_for_function(_EDITOR_SELECTION_IS, arg=text[-length:])


def type_body(page) -> None:
    """Type a paragraph, an h2, a bullet list and a link into the prose editor with its toolbar."""
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Wij nodigen u uit voor een avond over samenwerken in de wijk.")
    page.keyboard.press("Enter")
    page.locator(".prose-menubar__selected").first.click()  # the block type menu: paragraph, headings
    page.locator(".prose-menubar__option", has_text="Kop 2").click()
    page.keyboard.type("Programma")
    page.keyboard.press("Enter")
    page.locator(".prose-menubar").get_by_role("button", name="Opsomming met bolletjes").click()
    page.keyboard.type("Ontvangst met koffie")
    page.keyboard.press("Enter")
    page.keyboard.type("Gesprekken in kleine groepen")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty list item ends the list
    page.keyboard.type("Lees de voorwaarden")
    select_back(page, "voorwaarden")
    page.locator(".prose-menubar").get_by_role("button", name="Link invoegen").click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_role("heading", name="Link bewerken").wait_for()  # Dutch through locale/nl (djangojs)
    dialog.get_by_label("Webadres").fill("https://www.example.nl/voorwaarden")
    snap(page, "link-dialoog")
    dialog.get_by_role("button", name="Toepassen").click()


class Visitor:
    """Opens public pages as an anonymous visitor: a fresh browser context (no cookies, no HTTP cache)
    for every visit, with the same rule as the `page` fixture that nothing is fetched from other hosts."""

    def __init__(self, browser, live_server):
        self.browser = browser
        self.base = live_server.url
        self.foreign: list[str] = []
        self._contexts = []

    def open(self, path: str):
        context = self.browser.new_context(viewport=DESKTOP, locale="nl-NL", timezone_id="Europe/Amsterdam")
        requests = ForeignRequests(urlsplit(self.base).netloc)
        context.route("**/*", requests.route)
        self._contexts.append((context, requests))
        page = context.new_page()
        response = page.goto(self.base + path)
        return page, response

    def close(self) -> None:
        for context, requests in self._contexts:
            self.foreign.extend(requests.foreign)
            context.close()
