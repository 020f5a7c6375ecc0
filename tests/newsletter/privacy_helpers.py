"""The privacy tests' search of every table for an address (subscribers come from SubscriberFactory)."""

from django.db import connection


def tables_containing(needle: str) -> list[str]:
    """Return 'table.column' for every text-castable column of every table that contains needle."""
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                sql = f"SELECT COUNT(*) FROM {quote(table)} WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s"  # noqa: S608
                cursor.execute(sql, [f"%{needle.lower()}%"])
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found
