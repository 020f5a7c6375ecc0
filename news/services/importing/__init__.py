"""Import articles from a JSON list (migration from an old site); one bad item never stops the rest.

parse.py turns the file and each item into cleaned values (the rules are the forms in forms.py);
write.py saves them through `article_save` and reports per item.
"""

from news.services.importing.parse import ImportFileError, ItemRejected, ParsedItem, import_file_parse, item_parse
from news.services.importing.write import (
    ImportReport,
    ItemResult,
    Outcome,
    article_find,
    articles_import,
    item_write,
)

__all__ = [
    "ImportFileError",
    "ImportReport",
    "ItemRejected",
    "ItemResult",
    "Outcome",
    "ParsedItem",
    "article_find",
    "articles_import",
    "import_file_parse",
    "item_parse",
    "item_write",
]
