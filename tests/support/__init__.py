"""Support code for tests that run real processes (servers the tests start themselves)."""
