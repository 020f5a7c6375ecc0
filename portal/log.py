"""Log formatting: exactly one line per event, so each event is one record in any log collector."""

import logging


class OneLineFormatter(logging.Formatter):
    """Format as usual, then fold tracebacks and multi-line messages onto the same line."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\r", "").replace("\n", " | ")
