"""Small helpers to write article bodies as the HTML the editor produces (p, h2, h3, lists, blockquote, links)."""

from html import escape


def p(text: str) -> str:
    return f"<p>{text}</p>"


def h2(text: str) -> str:
    return f"<h2>{escape(text, quote=False)}</h2>"


def h3(text: str) -> str:
    return f"<h3>{escape(text, quote=False)}</h3>"


def _items(items) -> str:
    parts = []
    for item in items:
        if isinstance(item, tuple):
            text, children = item
            parts.append(f"<li>{text}{ul(*children)}</li>")
        else:
            parts.append(f"<li>{item}</li>")
    return "".join(parts)


def ul(*items) -> str:
    """A bullet list; an item given as (text, [children]) gets a nested list."""
    return f"<ul>{_items(items)}</ul>"


def ol(*items) -> str:
    return f"<ol>{_items(items)}</ol>"


def quote(text: str, who: str) -> str:
    return f"<blockquote><p>“{text}”</p><p>{escape(who, quote=False)}</p></blockquote>"


def a(text: str, url: str) -> str:
    return f'<a href="{escape(url)}">{text}</a>'


def mail(address: str) -> str:
    return f'<a href="mailto:{address}">{address}</a>'


def body(*parts: str) -> str:
    return "".join(parts)
