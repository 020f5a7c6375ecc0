"""Sample subscribers and edition intros for the demo's newsletter (our own invented texts)."""

import datetime

from django.utils.dates import MONTHS

# Addresses on the reserved example.nl domain; an empty theme list means "all themes".
SUBSCRIBERS = [
    ("wijkteam.noord@example.nl", []),
    ("jeugdverpleegkundige@example.nl", ["jeugd", "volksgezondheid"]),
    ("consulent.wmo@example.nl", ["wmo", "mantelzorg", "ouderen"]),
    ("schuldhulp@example.nl", ["armoede-schulden", "werk-inkomen"]),
    ("huisarts.oost@example.nl", ["volksgezondheid", "ouderen"]),
    ("taalhuis@example.nl", ["inburgering-taal", "asiel"]),
    ("buurthuis.de.linde@example.nl", ["sociale-basis", "mantelzorg", "subsidies"]),
    ("beleidsadviseur@example.nl", []),
    ("veilig.thuis@example.nl", ["veiligheid", "jeugd"]),
    ("opvang@example.nl", ["wonen-opvang"]),
]

INTRO = (
    "<p>Goedemorgen. In deze nieuwsbrief leest u het nieuws van {month} voor professionals in zorg, welzijn en "
    "ondersteuning. U krijgt alleen de thema's die u zelf koos.</p>"
    "<p>Heeft u een tip voor een volgend nummer? Mail de redactie via "
    '<a href="mailto:redactie@example.nl">redactie@example.nl</a>.</p>'
)


def intro_for(month: datetime.date) -> str:
    return INTRO.format(month=f"{MONTHS[month.month]} {month.year}")
