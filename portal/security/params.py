"""Query parameters, parsed and bounded before they reach a query.

Every public view reads its parameters through these helpers, so a NUL byte (PostgreSQL refuses it in
text), a number beyond bigint or a non-ASCII digit gives a 404 or a normal page, never a server error.
"""

import unicodedata

from django.http import Http404

# Far beyond any list on the site (20 items a page), and small enough that OFFSET stays a plain bigint.
MAX_PAGE = 10_000
_REFUSE = object()


def int_param(request, name: str, *, default, maximum: int, minimum: int = 1, invalid=_REFUSE):
    """Return ?name= as a whole number in [minimum, maximum]; `default` when absent or empty.

    Only ASCII digits count ("²", "-1", "+1", " 1", "1e3" do not). Anything else raises Http404, or returns
    `invalid` when given. The last value wins when the parameter is repeated.
    """
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    digits = raw.lstrip("0") or "0"
    if raw.isascii() and raw.isdigit() and len(digits) <= len(str(maximum)):
        value = int(digits)
        if minimum <= value <= maximum:
            return value
    if invalid is _REFUSE:
        raise Http404("Ongeldige waarde")
    return invalid


def clean_line(value: str, *, max_length: int) -> str:
    """Return `value` as one line: control characters and surrogates dropped, whitespace collapsed, bounded."""
    kept = "".join(
        char for char in value[: max_length * 4] if char.isspace() or unicodedata.category(char) not in {"Cc", "Cs"}
    )
    return " ".join(kept.split())[:max_length]


def text_param(request, name: str, *, max_length: int) -> str:
    """Return ?name= as one line of at most `max_length` characters ('' when absent); never raises."""
    return clean_line(request.GET.get(name, ""), max_length=max_length)
