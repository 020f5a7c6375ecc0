"""Cache of public pages for anonymous visitors (filled in by the public-site work)."""


def public_pages_changed() -> None:
    """Invalidate every cached public page; call after any write that shows on the site."""
