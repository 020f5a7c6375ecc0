"""Pytest plugin (fixtures); see the owner in the module docstring once filled."""
