"""The public URL patterns, read from the resolver, so that a page added later is tested too."""

import re

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

ADMIN_PREFIX = "beheer/"
CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def public_routes() -> list[tuple[str, tuple]]:
    """(route, ((name, converter), ...)) for every URL pattern outside the admin, sorted by route."""

    def walk(patterns, prefix, converters):
        for pattern in patterns:
            if not isinstance(pattern.pattern, RoutePattern):
                continue  # a regex route would need its own generator; the project has none
            route = prefix + str(pattern.pattern)
            found = {**converters, **pattern.pattern.converters}
            if route.startswith(ADMIN_PREFIX):
                continue
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route, found)
            elif isinstance(pattern, URLPattern):
                yield route, found

    found = walk(get_resolver().url_patterns, "", {})
    return sorted({(route, tuple(sorted(converters.items(), key=str))) for route, converters in found})


def route_path(route: str, values: dict[str, str]) -> str:
    """The route as a path with each converter replaced by values[name] ('x' when missing)."""
    return "/" + CONVERTER.sub(lambda match: values.get(match["name"], "x"), route)
