"""Sample documents: their text becomes a small real PDF, so search finds words inside it. All invented."""

DOCUMENTS = [
    {
        "slug": "raadsbrief-voortgang-hervormingen-sociaal-domein",
        "title": "Raadsbrief: voortgang hervormingen sociaal domein",
        "kind": "raadsbrief",
        "days_ago": 41,
        "issuer": "College van burgemeester en wethouders",
        "summary": (
            "Het college informeert de raad over de voortgang van de hervormingen in jeugdhulp en Wmo, de financiële "
            "gevolgen voor de komende jaren en de keuzes die daarbij horen."
        ),
        "themes": ["beleid-financien", "jeugd", "wmo"],
        "paragraphs": [
            "Geachte leden van de raad,",
            "Met deze brief informeren wij u over de voortgang van de hervormingen in het sociaal domein. In het "
            "voorjaar hebben wij u toegezegd twee keer per jaar te rapporteren over de stand van zaken. Dit is de "
            "tweede rapportage van dit jaar.",
            "Aanleiding. De uitgaven aan jeugdhulp en maatwerkvoorzieningen in de Wmo stijgen al jaren sneller dan "
            "de bijdrage die wij van het Rijk ontvangen. Tegelijk zien wij dat inwoners niet altijd de hulp krijgen "
            "die het beste past. Te vaak wordt zware zorg ingezet waar lichte steun in de wijk volstaat. De "
            "hervormingen moeten de zorg beter en betaalbaar maken.",
            "Wat wij hebben gedaan. Samen met zorgaanbieders, huisartsen en de buurtteams hebben wij de toegang tot "
            "jeugdhulp vereenvoudigd. Er is één aanmeldpunt voor professionals. Daarnaast zijn wij gestart met "
            "praktijkondersteuners jeugd bij twaalf huisartsenpraktijken. De eerste resultaten zijn bemoedigend: "
            "minder doorverwijzingen naar specialistische hulp en kortere wachttijden.",
            "In de Wmo hebben wij de hulp bij het huishouden opnieuw ingekocht met afspraken over vaste "
            "medewerkers per cliënt. Ook investeren wij in de sociale basis: ontmoetingsplekken, "
            "vrijwilligerswerk en steun voor mantelzorgers. Dit voorkomt dat inwoners later zwaardere "
            "ondersteuning nodig hebben.",
            "Financiën. Zonder maatregelen zou het tekort in het sociaal domein in {jaar:+1} oplopen tot ongeveer 9 "
            "miljoen euro. Met de maatregelen uit deze brief verwachten wij het tekort te halveren. Voor het "
            "resterende deel doen wij bij de voorjaarsnota voorstellen. Wij blijven bij het Rijk aandringen op "
            "een structureel passende vergoeding.",
            "Keuzes. Niet alles kan tegelijk. Wij stellen voor om de komende twee jaar voorrang te geven aan "
            "vroege hulp dichtbij huis, aan betere samenwerking tussen onderwijs en jeugdhulp en aan het "
            "terugdringen van administratieve lasten voor zorgaanbieders.",
            "Vervolg. Wij organiseren in het nieuwe jaar een technische sessie voor uw raad. Daarin lichten "
            "ambtenaren en zorgaanbieders de cijfers toe. De volgende voortgangsrapportage ontvangt u voor de zomer.",
            "Met vriendelijke groet, het college van burgemeester en wethouders van {stad}.",
        ],
    },
    {
        "slug": "beleidsnota-samen-thuis-in-de-wijk-{jaar:+0}-{jaar:+4}",
        "title": "Beleidsnota Samen thuis in de wijk {jaar:+0}-{jaar:+4}",
        "kind": "beleidsnota",
        "days_ago": 152,
        "issuer": "Gemeenteraad {stad}",
        "summary": (
            "De nota beschrijft hoe de gemeente de komende jaren werkt aan welzijn, ontmoeting en ondersteuning "
            "dichtbij huis, met extra aandacht voor ouderen en mantelzorgers."
        ),
        "themes": ["sociale-basis", "wmo", "ouderen"],
        "paragraphs": [
            "Samen thuis in de wijk. Beleidsnota sociale basis en ondersteuning {jaar:+0}-{jaar:+4}.",
            "Inleiding. Iedere inwoner van {stad} moet mee kunnen doen, ook als het even tegenzit. Dat lukt het "
            "best als hulp dichtbij is: in de buurt, bij mensen die je kent. Deze nota beschrijft hoe wij de "
            "sociale basis de komende vier jaar versterken.",
            "Ambities. Wij hebben vier ambities. Ten eerste: iedere wijk heeft een laagdrempelige ontmoetingsplek. "
            "Ten tweede: mantelzorgers worden eerder gezien en ontlast. Ten derde: ouderen kunnen langer veilig "
            "thuis wonen. Ten vierde: professionals en vrijwilligers werken samen vanuit één plan per huishouden.",
            "Wat verandert er. Buurtteams krijgen meer ruimte om zelf lichte ondersteuning te bieden, zonder "
            "indicatie. Welzijnsorganisaties krijgen een subsidie voor meerdere jaren, zodat zij kunnen bouwen aan "
            "vaste relaties in de wijk. De gemeente meet niet alleen aantallen, maar vraagt inwoners ook hoe zij "
            "de hulp ervaren.",
            "Eenzaamheid. Ongeveer een op de tien inwoners voelt zich ernstig eenzaam. Wij willen dat iedereen "
            "weet waar hij terecht kan. Daarom steunen wij buurtinitiatieven, maaltijden in de wijk en het netwerk "
            "van signaleerders bij kapper, apotheek en supermarkt.",
            "Financiën. Voor de uitvoering van deze nota is jaarlijks 2,4 miljoen euro beschikbaar. Dat geld komt "
            "voor een deel vrij doordat minder inwoners zware maatwerkvoorzieningen nodig hebben.",
            "Evaluatie. Halverwege de looptijd evalueren wij de nota samen met inwoners, vrijwilligers en "
            "professionals. De uitkomsten delen wij met de raad.",
        ],
    },
    {
        "slug": "monitor-geldzorgen-{jaar:-1}",
        "title": "Monitor Geldzorgen {jaar:-1}",
        "kind": "rapport",
        "days_ago": 233,
        "issuer": "Team Onderzoek en Statistiek",
        "summary": (
            "Cijfers over schulden, armoede en het gebruik van regelingen in {stad}, vergeleken met eerdere jaren."
        ),
        "themes": ["armoede-schulden", "werk-inkomen"],
        "paragraphs": [
            "Monitor Geldzorgen {jaar:-1}. Een jaarlijkse rapportage over schulden en armoede in {stad}.",
            "Samenvatting. Het aantal huishoudens met een laag inkomen is licht gedaald, maar de groep met "
            "problematische schulden blijft even groot. Steeds meer mensen melden zich eerder bij het Geldloket. "
            "De gemiddelde schuld bij aanmelding daalde van 38.000 euro naar 27.500 euro.",
            "Vroegsignalering. Woningcorporaties, energieleveranciers en zorgverzekeraars melden "
            "betalingsachterstanden bij de gemeente. In {jaar:-1} kwamen 3.140 signalen binnen. "
            "Bij ruim de helft lukte het om contact te krijgen met het huishouden. "
            "Een op de drie huishoudens nam daarna hulp aan.",
            "Regelingen. Het gebruik van de Stadspas steeg met 12 procent. Het gebruik van de individuele "
            "inkomenstoeslag blijft achter: naar schatting vraagt 40 procent van de mensen die er recht op hebben "
            "de toeslag niet aan.",
            "Aanbevelingen. Maak regelingen eenvoudiger en vraag minder bewijsstukken. Zorg dat professionals in "
            "zorg en welzijn weten welke regelingen er zijn. Blijf investeren in vroegsignalering.",
        ],
    },
    {
        "slug": "informatiekrant-zorg-en-welzijn-{jaar:+0}",
        "title": "Informatiekrant Zorg en Welzijn {jaar:+0}",
        "kind": "informatiekrant",
        "days_ago": 63,
        "issuer": "{gemeente}",
        "summary": "De krant voor alle huishoudens: over ondersteuning thuis, mantelzorg, rondkomen en meedoen.",
        "themes": ["wmo", "mantelzorg", "ouderen"],
        "paragraphs": [
            "Informatiekrant Zorg en Welzijn {jaar:+0}. Alles over hulp en ondersteuning in {stad}.",
            "Hulp in uw buurt. Heeft u hulp nodig in het huishouden, bij de administratie of om mensen te "
            "ontmoeten? Het buurtteam helpt u op weg. U kunt zonder afspraak langskomen op het spreekuur.",
            "Mantelzorg. Zorgt u voor iemand in uw omgeving? Dan bent u mantelzorger. Het Steunpunt Mantelzorg "
            "geeft advies, organiseert lotgenotencontact en regelt respijtzorg, zodat u even op adem kunt komen.",
            "Rondkomen. Het Geldloket helpt bij vragen over geld en schulden. Met de Stadspas krijgt u korting op "
            "sport, cultuur en zwemles voor uw kinderen.",
            "Langer thuis wonen. Een trapleuning, een douchestoel of een scootmobiel kan het verschil maken. De "
            "ergotherapeut van de gemeente kijkt met u mee welke hulpmiddelen passen.",
        ],
    },
]
