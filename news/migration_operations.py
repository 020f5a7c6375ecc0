"""Migration operations shared by news migrations."""

from django.db import migrations


class AddIndexOnPostgres(migrations.AddIndex):
    """AddIndex that creates the index on PostgreSQL only: SQLite (the demo) knows no GIN."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
