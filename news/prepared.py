"""Read queries whose SQL is built by the ORM once per process: a request only binds its parameters and runs it.

Building a QuerySet and compiling it to SQL costs more CPU than PostgreSQL needs to answer a small indexed
query (about 1 ms against 0.1 ms for the news page's query). The hot list queries are the same on every request
but for "now" and an id, so the ORM builds them once with placeholder values, and each request runs that SQL with
its own values. The query still runs on every request: only the SQL text is reused.

Placeholders are found in the compiled parameters by value and type; compiling fails loudly when one is missing
(for instance when the ORM inlined it), rather than running a query without it.
"""

import datetime
import threading
from collections.abc import Callable

from django.db import connection, connections
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.utils import timezone

# Moments no real query uses, so that they can be told apart from the query's own parameters.
PLACEHOLDER_NOW = datetime.datetime(1901, 2, 3, 4, 5, 6, 789, tzinfo=datetime.UTC)


class PreparedQuery:
    """`build(now=..., **ids)` returns a values_list QuerySet; rows(now=..., **ids) runs its SQL (compiled once).

    Besides `now`, its local date ("today", as ArticleQuerySet.pinned_q uses it) is a placeholder too.
    `placeholders` gives a value for every other keyword, one that the query's own parameters never take.
    """

    def __init__(self, build: Callable[..., QuerySet], **placeholders):
        self._build = build
        self._placeholders = placeholders
        self._compiled: tuple | None = None
        self._lock = threading.Lock()

    def _compile(self) -> tuple:
        queryset = self._build(now=PLACEHOLDER_NOW, **self._placeholders)
        compiler = queryset.query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        named = {"now": PLACEHOLDER_NOW, "today": timezone.localdate(PLACEHOLDER_NOW), **self._placeholders}
        slots = [_slot(value, named) for value in params]
        if not set(self._placeholders) | {"now"} <= set(slots):
            # Not ValueError: the selectors turn that into "page does not exist" (a 404).
            raise RuntimeError(f"a placeholder is not among the query's parameters: {slots}")
        if not issubclass(queryset._iterable_class, ModelIterable):  # values_list: rows as they come
            fields = None
        else:  # model instances: the model's columns come first, in this order
            fields = (
                queryset.model,
                [compiler.select[i][0].target.attname for i in compiler.klass_info["select_fields"]],
            )
        return queryset.db, sql, tuple(params), tuple(slots), fields

    def rows(self, *, now: datetime.datetime, **values) -> list:
        """The rows as tuples for a values_list query, else as model instances (without select_related).

        Only on PostgreSQL: other backends (SQLite in the demo) adapt parameters while compiling (a datetime
        becomes text), so placeholders cannot be found; there the ORM builds the query per call.
        """
        if connection.vendor != "postgresql":  # the project has one database
            return list(self._build(now=now, **values))
        if self._compiled is None:
            with self._lock:
                self._compiled = self._compiled or self._compile()
        alias, sql, params, slots, fields = self._compiled
        values = {"now": now, "today": timezone.localdate(now), **values}
        bound = [values[slot] if slot else value for value, slot in zip(params, slots, strict=True)]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, bound)
            rows = cursor.fetchall()
        if fields is None:
            return rows
        model, names = fields
        return [model.from_db(alias, names, row[: len(names)]) for row in rows]


def _slot(value, named: dict) -> str | None:
    return next((name for name, known in named.items() if type(value) is type(known) and value == known), None)
