"""Cross-cutting defences: query parameter parsing, client IP, staff sessions and two-factor login."""
