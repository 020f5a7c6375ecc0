// Dutch names for the toolbar of django-prose-editor. Its buttons and block menu carry hard-coded English
// ("bold", "insert link", "Heading 2") that does not pass through gettext (0.28), so this module renames them
// once the editor is ready. The editor loads it with its extensions (DJANGO_PROSE_EDITOR_EXTENSIONS in
// portal/settings.py); the Dutch comes from the admin's JavaScript catalogue: locale/nl/LC_MESSAGES/djangojs.po.
const gettext = window.gettext || ((text) => text);
const interpolate = window.interpolate || ((format, values) => format.replace("%s", values[0]));

// The toolbar texts of the extensions the article body uses (news.models.BODY_EXTENSIONS), by their English.
const LABELS = new Map([
  ["paragraph", gettext("paragraph")],
  ["Paragraph", gettext("Paragraph")],
  ["unordered list", gettext("unordered list")],
  ["ordered list", gettext("ordered list")],
  ["blockquote", gettext("blockquote")],
  ["bold", gettext("bold")],
  ["italic", gettext("italic")],
  ["insert link", gettext("insert link")],
  ["remove link", gettext("remove link")],
  ["undo", gettext("undo")],
  ["redo", gettext("redo")],
  // The block menu shows this icon when the selection spans blocks of different kinds.
  ["question_mark", gettext("Block type")],
]);
const HEADING = /^heading (\d)$/i;

function dutch(text) {
  const heading = HEADING.exec(text.trim());
  if (heading) {
    return interpolate(gettext("Heading %s"), [heading[1]]);
  }
  return LABELS.get(text.trim()) ?? text;
}

function translate(root) {
  for (const element of root.querySelectorAll("[title], [aria-label]")) {
    for (const name of ["title", "aria-label"]) {
      const value = element.getAttribute(name);
      if (value && dutch(value) !== value) {
        element.setAttribute(name, dutch(value));
      }
    }
  }
  for (const option of root.querySelectorAll(".prose-menubar__option > *")) {
    const text = dutch(option.textContent);
    if (text !== option.textContent) {
      option.textContent = text; // only when it changes: this is itself a mutation the observer sees
    }
  }
}

function translateAround(node) {
  if (!(node instanceof Element)) {
    return;
  }
  const menubar = node.closest(".prose-menubar");
  for (const found of menubar ? [menubar] : node.querySelectorAll(".prose-menubar")) {
    translate(found);
  }
}

// Tiptap builds the menubar after the editor reports ready, and the block menu shows a fresh copy of the
// active block's button whenever the cursor moves: watch the page for both.
new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    translateAround(mutation.target);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
translateAround(document.documentElement);
