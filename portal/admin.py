"""Admin building blocks shared by the apps."""


class AppendOnlyAdminMixin:
    """Records written only by services (audit trail, consent ledger, access log): nobody adds, changes
    or deletes them in the admin, superusers included. Works for ModelAdmin and inlines alike."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
