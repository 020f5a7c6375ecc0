"""Sample contact points, theme texts, quick links and documents for Gemeente Voorbeeldstad (all invented).

`{stad}` is replaced by the municipality's name without "Gemeente" (settings.MUNICIPALITY_NAME).
"""

# name, email, phone, url, notes, in the site-wide "Hulp en contact" block
CONTACT_POINTS = [
    (
        "Team Meedoen en Ondersteuning",
        "meedoen@example.nl",
        "",
        "https://www.example.nl/meedoen",
        "Voor vragen over de Wmo, welzijn, mantelzorg en ouderen. Wij reageren binnen twee werkdagen.",
        True,
    ),
    (
        "Team Jeugd en Gezin",
        "jeugd@example.nl",
        "",
        "https://www.example.nl/jeugd",
        "Voor vragen over jeugdhulp, opgroeien en opvoeden.",
        True,
    ),
    (
        "Algemeen telefoonnummer",
        "",
        "14 0123",
        "",
        "Bereikbaar op werkdagen van 8.30 tot 17.00 uur. Vraag naar het team dat u zoekt.",
        True,
    ),
    (
        "Geldloket {stad}",
        "geldloket@example.nl",
        "0123 45 67 89",
        "https://www.example.nl/geldzorgen",
        "Voor vragen over schulden, armoederegelingen en de Stadspas.",
        False,
    ),
    (
        "Werkplein {stad}",
        "werkplein@example.nl",
        "0123 45 67 00",
        "https://www.example.nl/werk",
        "Voor vragen over werk, uitkeringen en re-integratie.",
        False,
    ),
    (
        "Team Gezondheid",
        "gezondheid@example.nl",
        "",
        "https://www.example.nl/gezondheid",
        "Voor vragen over volksgezondheid, preventie en gezondheidsbeleid.",
        False,
    ),
    (
        "Team Wonen en Opvang",
        "wonenenopvang@example.nl",
        "",
        "https://www.example.nl/opvang",
        "Voor vragen over beschermd wonen, dakloosheid en maatschappelijke opvang.",
        False,
    ),
    (
        "Team Inburgering",
        "inburgering@example.nl",
        "",
        "https://www.example.nl/inburgering",
        "Voor vragen over inburgering, taalaanbod en volwasseneneducatie.",
        False,
    ),
    (
        "Vragen over vluchtelingen",
        "vluchtelingen@example.nl",
        "",
        "https://www.example.nl/vluchtelingen",
        "Voor vragen over opvang van vluchtelingen en statushouders.",
        False,
    ),
    (
        "Team Zorg en Veiligheid",
        "zorgenveiligheid@example.nl",
        "",
        "https://www.example.nl/veiligheid",
        "Voor signalen over uitbuiting, huiselijk geweld en complexe zorgsituaties.",
        False,
    ),
    (
        "Subsidiebureau",
        "subsidies@example.nl",
        "0123 45 67 20",
        "https://www.example.nl/subsidies",
        "Voor vragen over subsidieaanvragen en aanbestedingen.",
        False,
    ),
    (
        "Team Beleid Sociaal Domein",
        "beleidsociaal@example.nl",
        "",
        "https://www.example.nl/beleid",
        "Voor vragen over beleid, hervormingen en de begroting van het sociaal domein.",
        False,
    ),
]

# theme slug: (contact point name, short description)
THEMES = {
    "jeugd": ("Team Jeugd en Gezin", "Jeugdhulp, opgroeien, opvoeden en samenwerken rond gezinnen."),
    "wmo": ("Team Meedoen en Ondersteuning", "Wmo, buurtteams, begeleiding, hulp bij het huishouden en hulpmiddelen."),
    "sociale-basis": ("Team Meedoen en Ondersteuning", "Welzijn, vrijwilligerswerk, buurtinitiatieven en ontmoeting."),
    "mantelzorg": ("Team Meedoen en Ondersteuning", "Steun voor mantelzorgers en organisaties voor informele zorg."),
    "armoede-schulden": ("Geldloket {stad}", "Schuldhulp, armoederegelingen, de Stadspas en vroegsignalering."),
    "werk-inkomen": ("Werkplein {stad}", "Werk, uitkeringen, re-integratie en ondersteuning van ondernemers."),
    "volksgezondheid": ("Team Gezondheid", "Preventie, mentale gezondheid, gezond gewicht en gezondheidsbeleid."),
    "wonen-opvang": ("Team Wonen en Opvang", "Beschermd wonen, maatschappelijke opvang, dakloosheid en passend wonen."),
    "ouderen": (
        "Team Meedoen en Ondersteuning",
        "Langer thuis wonen, eenzaamheid, vervoer en activiteiten voor ouderen.",
    ),
    "inburgering-taal": ("Team Inburgering", "Inburgering, taallessen, laaggeletterdheid en volwasseneneducatie."),
    "asiel": ("Vragen over vluchtelingen", "Opvang van asielzoekers, statushouders en ontheemden uit Oekraïne."),
    "veiligheid": ("Team Zorg en Veiligheid", "Huiselijk geweld, uitbuiting, jeugdbescherming en zorg en veiligheid."),
    "subsidies": ("Subsidiebureau", "Subsidieregelingen, aanvraagrondes en aanbestedingen."),
    "corona": ("", "Wat nog loopt na de coronaperiode: herstelgelden, verantwoording en vaccinatie."),
    "beleid-financien": ("Team Beleid Sociaal Domein", "Beleidsnota's, raadsbrieven, hervormingen en de begroting."),
}

# label, url
QUICK_LINKS = [
    ("Subsidies aanvragen", "/themas/subsidies/"),
    ("Jeugd en gezin", "/themas/jeugd/"),
    ("Zorg en ondersteuning (Wmo)", "/themas/wmo/"),
    ("Schulden en rondkomen", "/themas/armoede-schulden/"),
    ("Sociale kaart {stad}", "https://www.example.nl/socialekaart"),
]
