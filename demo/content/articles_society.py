"""Sample articles about money, work, housing, integration, asylum, safety, subsidies, corona and policy.

All names, places, figures and addresses are invented. Tokens as in articles_care.
"""

# Dutch typography: curly quotes and apostrophes are intended.
# ruff: noqa: RUF001

from demo.content.markup import a, body, h2, h3, mail, ol, p, quote, ul

ARTICLES = [
    {
        "title": "Geldloket nu ook op zaterdag open",
        "lead": (
            "Inwoners met geldzorgen kunnen vanaf deze maand ook op zaterdagochtend langskomen bij het Geldloket. "
            "Zo kunnen ook mensen met een baan makkelijker hulp vragen."
        ),
        "kind": "nieuws",
        "themes": ["armoede-schulden"],
        "days_ago": 35,
        "body": body(
            p(
                "Steeds meer mensen met geldzorgen hebben werk. Zij kunnen doordeweeks vaak niet naar een "
                "spreekuur. Daarom is het Geldloket in de bibliotheek aan de Markt nu ook op zaterdag open, van "
                "10.00 tot 13.00 uur."
            ),
            h2("Waarmee helpt het Geldloket?"),
            ul(
                "een overzicht maken van inkomsten, uitgaven en schulden,",
                "betalingsregelingen treffen met schuldeisers,",
                "toeslagen en regelingen aanvragen, zoals de Stadspas,",
                "doorverwijzen naar schuldhulpverlening als dat nodig is.",
            ),
            p(
                "Een afspraak maken is niet nodig. Neem als inwoner wel de laatste brieven van schuldeisers mee. "
                "Professionals kunnen een cliënt ook samen met hem of haar aanmelden."
            ),
            p(f"Vragen? Mail naar {mail('geldloket@example.nl')}."),
        ),
    },
    {
        "title": "Monitor Geldzorgen: inwoners vragen eerder om hulp",
        "lead": (
            "De gemiddelde schuld bij aanmelding voor schuldhulp is in twee jaar met een kwart gedaald. Inwoners "
            "melden zich eerder. Dat blijkt uit de Monitor Geldzorgen {jaar:-1}."
        ),
        "kind": "publicatie",
        "themes": ["armoede-schulden", "werk-inkomen"],
        "days_ago": 230,
        "documents": ["monitor-geldzorgen-{jaar:-1}"],
        "body": body(
            p(
                "Hoe eerder iemand hulp krijgt, hoe kleiner de schuld en hoe sneller die is opgelost. De gemeente "
                "werkt daarom met vroegsignalering: woningcorporaties, energiebedrijven en zorgverzekeraars melden "
                "een betalingsachterstand, waarna een medewerker contact opneemt."
            ),
            h2("Cijfers in het kort"),
            ul(
                "De gemiddelde schuld bij aanmelding daalde van 38.000 naar 27.500 euro.",
                "Er kwamen 3.140 signalen van betalingsachterstanden binnen.",
                "Het gebruik van de Stadspas steeg met 12 procent.",
                "Veel mensen vragen de individuele inkomenstoeslag niet aan, terwijl ze er wel recht op hebben.",
            ),
            quote(
                "Schulden zijn geen persoonlijk falen. Hoe sneller we erbij zijn, hoe meer ellende we voorkomen.",
                "Wethouder Werk en Inkomen",
            ),
            p("In de monitor staan ook cijfers per wijk en een vergelijking met eerdere jaren."),
        ),
    },
    {
        "slug": "campagne-geldzorgen-praat-erover",
        "title": "Campagne ‘Geldzorgen? Praat erover’ gaat van start",
        "lead": (
            "Met posters, video’s en verhalen van inwoners roept de gemeente mensen op om op tijd hulp te vragen bij "
            "geldzorgen. Professionals spelen een grote rol in de campagne."
        ),
        "kind": "campagne",
        "themes": ["armoede-schulden"],
        "days_ago": 90,
        "body": body(
            p(
                "Veel mensen schamen zich voor geldproblemen. Ze wachten te lang, waardoor de problemen groter worden. "
                "De campagne laat zien dat geldzorgen iedereen kunnen overkomen en dat hulp vragen normaal is."
            ),
            h2("Wat ziet u van de campagne?"),
            ul(
                "posters in bushokjes, huisartsenpraktijken en supermarkten,",
                "korte video’s waarin inwoners vertellen hoe zij uit de schulden kwamen,",
                "een eenvoudige website met de vraag: waar loopt u tegenaan?",
            ),
            h2("Wat kunt u doen?"),
            p(
                "Vraag in gesprekken met cliënten gewoon hoe het met geld gaat. Een eenvoudige vraag opent vaak de "
                "deur. Het Geldloket geeft een korte training voor professionals over hoe u dat doet."
            ),
        ),
        "links": [("Naar de campagnewebsite", "https://www.example.nl/praaterover")],
    },
    {
        "title": "Campagnemateriaal ‘Geldzorgen? Praat erover’",
        "lead": (
            "Wilt u de campagne ‘Geldzorgen? Praat erover’ steunen? Bestel gratis posters en flyers of download "
            "afbeeldingen voor uw website en sociale media."
        ),
        "kind": "campagne",
        "themes": ["armoede-schulden"],
        "days_ago": 88,
        "undated": True,
        "related": ["campagne-geldzorgen-praat-erover"],
        "body": body(
            p(
                "Het campagnemateriaal is er in verschillende formaten en talen. Alle teksten zijn geschreven op "
                "taalniveau B1, zodat zoveel mogelijk mensen ze begrijpen."
            ),
            h3("Beschikbaar materiaal"),
            ul(
                ("Posters:", ["A3 en A4,", "in het Nederlands, Engels, Turks en Arabisch."]),
                "Flyers met de contactgegevens van het Geldloket.",
                "Afbeeldingen en korte teksten voor sociale media.",
                "Een kaartje met de vraag ‘Hoe gaat het met geld?’ voor op tafel.",
            ),
            p(
                f"Bestellen kan via {a('het bestelformulier', 'https://www.example.nl/praaterover/materiaal')}. "
                "De levering duurt ongeveer een week. Voor grote aantallen kunt u contact opnemen met het Geldloket."
            ),
        ),
        "links": [("Campagnemateriaal bestellen", "https://www.example.nl/praaterover/materiaal")],
    },
    {
        "title": "Energiefonds helpt huishoudens met een hoge energierekening",
        "lead": (
            "Huishoudens met een laag inkomen en een hoge energierekening kunnen een bijdrage krijgen uit het "
            "Energiefonds {stad}. Ook is er gratis advies om energie te besparen."
        ),
        "kind": "nieuws",
        "themes": ["armoede-schulden", "wonen-opvang"],
        "days_ago": 395,
        "body": body(
            p(
                "Sommige huishoudens wonen in een slecht geïsoleerde woning en betalen daardoor veel voor energie. "
                "Voor mensen met een laag inkomen kan dat leiden tot achterstanden. Het Energiefonds biedt een "
                "eenmalige bijdrage van maximaal 500 euro."
            ),
            h2("Voorwaarden"),
            ul(
                "Het inkomen is niet hoger dan 130 procent van het sociaal minimum.",
                "De energiekosten zijn hoger dan 10 procent van het inkomen.",
                "Het huishouden doet mee aan een gratis bezoek van een energiecoach.",
            ),
            p(
                "De energiecoach geeft tips en brengt gratis kleine spullen mee, zoals tochtstrips en ledlampen. "
                "Gemiddeld besparen huishoudens daarmee 150 euro per jaar."
            ),
        ),
    },
    {
        "title": "Subsidie voor werkgevers die schulden bij werknemers vroeg signaleren",
        "lead": (
            "Werkgevers in {stad} die werknemers met geldzorgen helpen, kunnen subsidie aanvragen voor training en "
            "advies. Er is 150.000 euro beschikbaar. Aanvragen kan tot en met {datum:-120}."
        ),
        "kind": "subsidie",
        "themes": ["subsidies", "armoede-schulden", "werk-inkomen"],
        "days_ago": 170,
        "body": body(
            p(
                "Een op de vijf werknemers heeft geldzorgen. Dat merkt een werkgever aan verzuim, concentratie en "
                "loonbeslag. Werkgevers die het onderwerp bespreekbaar maken, kunnen veel leed voorkomen."
            ),
            h2("Waarvoor is de subsidie?"),
            ul(
                "training van leidinggevenden in het herkennen van geldzorgen,",
                "een vertrouwenspersoon voor financiële vragen,",
                "afspraken met het Geldloket over snelle doorverwijzing.",
            ),
            h2("Hoeveel?"),
            p(
                "De subsidie is maximaal 5.000 euro per werkgever en dekt 75 procent van de kosten. Aanvragen worden "
                "behandeld op volgorde van binnenkomst."
            ),
        ),
        "links": [("Meer informatie en subsidie aanvragen", "https://www.example.nl/subsidies/werkgevers-geldzorgen")],
    },
    {
        "title": "Banenmarkt voor statushouders: 40 werkgevers en 200 werkzoekenden",
        "lead": (
            "Het Werkplein organiseerde een banenmarkt speciaal voor statushouders. Veertig werkgevers uit zorg, "
            "techniek en logistiek spraken met ruim tweehonderd werkzoekenden."
        ),
        "kind": "nieuws",
        "themes": ["werk-inkomen", "asiel", "inburgering-taal"],
        "days_ago": 200,
        "body": body(
            p(
                "Veel statushouders willen graag aan het werk, maar vinden moeilijk de weg naar werkgevers. Op de "
                "banenmarkt konden ze direct in gesprek. Tolken en taalcoaches hielpen waar nodig."
            ),
            h2("Resultaat"),
            ul(
                "76 sollicitatiegesprekken werden ter plekke ingepland.",
                "Twaalf werkgevers boden een werkervaringsplek met taalbegeleiding aan.",
                "Drie zorginstellingen starten een leerwerktraject voor helpenden.",
            ),
            quote(
                "In mijn land was ik verpleegkundige. Vandaag heb ik voor het eerst met een ziekenhuis hier gepraat.",
                "Deelnemer aan de banenmarkt",
            ),
            p("Het Werkplein organiseert de banenmarkt voortaan twee keer per jaar."),
        ),
    },
    {
        "title": "Ondernemers met geldzorgen kunnen terecht bij het Ondernemersloket",
        "lead": (
            "Zelfstandigen en kleine ondernemers met financiële problemen krijgen gratis advies bij het "
            "Ondernemersloket. Dat helpt om een faillissement of grote schulden te voorkomen."
        ),
        "kind": "nieuws",
        "themes": ["werk-inkomen", "armoede-schulden"],
        "days_ago": 315,
        "body": body(
            p(
                "Ondernemers vallen vaak buiten de gewone schuldhulp. Ze weten ook niet altijd dat ze in aanmerking "
                "komen voor tijdelijke inkomensondersteuning. Het Ondernemersloket helpt hen op weg."
            ),
            h2("Wat biedt het loket?"),
            ul(
                "een gratis gesprek met een financieel adviseur,",
                "hulp bij een aanvraag voor inkomensondersteuning of een bedrijfskrediet,",
                "begeleiding bij het stoppen met het bedrijf, als dat de beste keuze is.",
            ),
            p(
                "Heeft een ondernemer al schulden bij de Belastingdienst of leveranciers? Verwijs dan direct door. "
                "Hoe eerder, hoe meer mogelijkheden er zijn."
            ),
            p(
                "Het loket werkt samen met de Kamer van Koophandel en met vrijwillige adviseurs die zelf ondernemer "
                "zijn geweest. Zij weten hoe zwaar het is om een bedrijf te moeten sluiten."
            ),
            p(f"Contact: {mail('ondernemersloket@example.nl')} of bel 0123 45 67 30."),
        ),
    },
    {
        "title": "Minder regels in de bijstand: meer vertrouwen en maatwerk",
        "lead": (
            "Door nieuwe landelijke regels krijgen klantmanagers meer ruimte voor maatwerk. Een kleine fout leidt "
            "niet meer automatisch tot een boete. Wat betekent dat voor uw cliënten?"
        ),
        "kind": "nieuws",
        "themes": ["werk-inkomen", "beleid-financien"],
        "days_ago": 25,
        "body": body(
            p(
                "De Participatiewet wordt in stappen vereenvoudigd. De gemeente voert de eerste wijzigingen per 1 "
                "januari in. Het uitgangspunt: we gaan uit van vertrouwen in de inwoner."
            ),
            h2("De belangrijkste veranderingen"),
            ul(
                "Mensen in de bijstand mogen meer bijverdienen zonder dat de uitkering direct omlaag gaat.",
                "Giften tot 1.200 euro per jaar tellen niet meer mee.",
                (
                    "Bij een vergissing:",
                    ["volgt eerst een gesprek,", "geen boete als iemand het niet expres deed."],
                ),
            ),
            p(
                "Begeleidt u iemand met een bijstandsuitkering? Bespreek de veranderingen met hem of haar. Op de "
                "website van het Werkplein staat een overzicht in eenvoudige taal."
            ),
        ),
    },
    {
        "title": "‘Ik wilde gewoon weer collega’s hebben’",
        "subtitle": "Na zes jaar bijstand werkt Farida Yilmaz in de keuken van een zorgcentrum",
        "lead": (
            "Farida Yilmaz (48) zat zes jaar thuis na een burn-out en een scheiding. Via een werkervaringsplek kwam "
            "ze in de keuken van zorgcentrum Het Anker terecht. Nu heeft ze een vast contract."
        ),
        "kind": "interview",
        "themes": ["werk-inkomen"],
        "days_ago": 125,
        "author": "Redactie sociaal domein",
        "body": body(
            p(
                "“De eerste weken was ik doodmoe,” vertelt Farida. “Vier uur werken voelde als een hele dag. Maar ik "
                "merkte ook dat ik weer iets te vertellen had als ik thuiskwam.”"
            ),
            h2("Stap voor stap"),
            p(
                "Haar klantmanager van het Werkplein stelde een werkervaringsplek voor. Farida begon met twaalf uur "
                "per week, met een jobcoach naast zich. Na een half jaar kreeg ze een contract voor 24 uur."
            ),
            quote(
                "Het gaat niet alleen om het geld. Ik wilde gewoon weer collega’s hebben en ergens bij horen.",
                "Farida Yilmaz",
            ),
            h2("Wat hielp?"),
            ul(
                "een klantmanager die de tijd nam,",
                "een werkgever die begreep dat het tijd kost,",
                "afspraken over de kinderopvang en de reistijd.",
            ),
            p(
                "Het zorgcentrum heeft inmiddels drie andere mensen via het Werkplein aangenomen. “Het zijn onze "
                "trouwste medewerkers,” zegt de teamleider."
            ),
        ),
    },
    {
        "title": "Winterregeling daklozenopvang gaat in",
        "lead": (
            "Bij vorst of extreme kou gaat de winterregeling in: niemand hoeft dan buiten te slapen. De opvang aan "
            "de Spoorstraat heeft 30 extra bedden."
        ),
        "kind": "nieuws",
        "themes": ["wonen-opvang"],
        "days_ago": 14,
        "body": body(
            p(
                "Als het ’s nachts kouder is dan nul graden of als het extreem nat en koud is, gaat de winterregeling "
                "in. Dan is de nachtopvang ook open voor mensen die normaal niet in aanmerking komen."
            ),
            h2("Wat kunt u doen?"),
            ul(
                "Ziet u iemand buiten slapen? Bel het Meldpunt Zorg en Overlast: 0123 45 67 40.",
                "Is iemand in direct gevaar door de kou? Bel 112.",
                "Wijs mensen op de inloop overdag in het Dagcentrum aan de Kerkstraat.",
            ),
            p(
                "Het straatteam gaat bij kou extra rondes lopen. Het team brengt dekens, warme drank en informatie "
                "over de opvang."
            ),
        ),
    },
    {
        "title": "Eerste bewoners in de nieuwe woonunits aan de Polderweg",
        "lead": (
            "Aan de rand van de stad wonen nu acht mensen die moeilijk in een gewone wijk kunnen wonen. Ze krijgen "
            "begeleiding en hebben eindelijk een eigen plek."
        ),
        "kind": "nieuws",
        "themes": ["wonen-opvang"],
        "days_ago": 275,
        "body": body(
            p(
                "Sommige mensen lukt het niet om in een flat of rijtjeshuis te wonen. Ze hebben bijvoorbeeld last "
                "van prikkels of veroorzaakten eerder overlast. Voor hen zijn de woonunits aan de Polderweg "
                "gebouwd: kleine huisjes met wat ruimte eromheen."
            ),
            h2("Afspraken met de buurt"),
            p(
                "Voor de bouw praatte de gemeente veel met omwonenden. Er is een buurtcommissie die eens per kwartaal "
                "bij elkaar komt. Een beheerder is overdag aanwezig en 's nachts bereikbaar."
            ),
            quote(
                "Voor het eerst in tien jaar heb ik een voordeur die van mij is.",
                "Bewoner van de Polderweg",
            ),
            p("Na een jaar wordt het project geëvalueerd, samen met de bewoners en de buurt."),
        ),
    },
    {
        "title": "Verhuiscoach helpt ouderen naar een passende woning",
        "lead": (
            "Ouderen die in een te grote of ongeschikte woning wonen, kunnen gratis hulp krijgen van een "
            "verhuiscoach. De coach helpt met zoeken, regelen en inpakken."
        ),
        "kind": "nieuws",
        "themes": ["wonen-opvang", "ouderen"],
        "days_ago": 365,
        "body": body(
            p(
                "Veel ouderen wonen in een eengezinswoning met een trap, terwijl een gelijkvloerse woning beter zou "
                "passen. Verhuizen voelt vaak als een grote stap. De verhuiscoach maakt die stap kleiner."
            ),
            h2("Wat doet de verhuiscoach?"),
            ul(
                "een gesprek over wensen en mogelijkheden,",
                "hulp bij het inschrijven en reageren op woningen,",
                "contact met de woningcorporatie over voorrang,",
                "hulp bij het opruimen en de verhuizing zelf.",
            ),
            p(
                "De regeling is voor huurders van 65 jaar en ouder met een sociale huurwoning van vier kamers of meer. "
                "Zo komt er ook een woning vrij voor een gezin."
            ),
        ),
    },
    {
        "title": "Beschermd wonen verandert: meer wonen in de wijk",
        "lead": (
            "Mensen met psychische problemen wonen steeds vaker zelfstandig in de wijk, met begeleiding aan huis. "
            "Grote instellingen maken plaats voor kleinere woonvormen."
        ),
        "kind": "nieuws",
        "themes": ["wonen-opvang", "beleid-financien"],
        "days_ago": 440,
        "body": body(
            p(
                "Het idee achter de verandering is dat mensen beter herstellen in een gewone woonomgeving. Ze hebben "
                "dan een eigen huis, buren en een plek in de buurt. Natuurlijk blijft er hulp als het nodig is."
            ),
            h2("Wat verandert er?"),
            ul(
                "Woningcorporaties stellen elk jaar 60 woningen beschikbaar.",
                "Begeleiders komen aan huis en zijn dag en nacht bereikbaar.",
                "Een deel van de plekken in instellingen wordt omgebouwd tot kleinere woongroepen.",
            ),
            h2("Samenwerking"),
            p(
                "De gemeente, woningcorporaties, ggz-aanbieders en de politie maakten samen afspraken. Omwonenden "
                "weten bij wie ze terechtkunnen met vragen of zorgen."
            ),
        ),
    },
    {
        "title": "Taalhuis breidt uit met avondlessen",
        "lead": (
            "Het Taalhuis in de bibliotheek biedt voortaan ook taallessen in de avond. Zo kunnen ook mensen die "
            "overdag werken hun Nederlands verbeteren."
        ),
        "kind": "nieuws",
        "themes": ["inburgering-taal"],
        "days_ago": 70,
        "body": body(
            p(
                "Ongeveer een op de acht volwassenen in {stad} vindt lezen en schrijven moeilijk. Dat geldt voor "
                "mensen met een andere moedertaal, maar ook voor mensen die hier zijn geboren. Het Taalhuis helpt "
                "iedereen die beter wil leren lezen, schrijven of rekenen."
            ),
            h2("Het nieuwe aanbod"),
            ul(
                "taallessen op maandag- en woensdagavond,",
                "een digicafé voor hulp met de computer en telefoon,",
                "rekenlessen voor het omgaan met geld.",
            ),
            p(
                "Herkent u iemand die moeite heeft met taal? Verwijs hem of haar naar het Taalhuis. Een intakegesprek "
                "is gratis en zonder verplichtingen."
            ),
        ),
    },
    {
        "title": "Inburgering: de eerste ervaringen met de persoonlijke leerroute",
        "lead": (
            "Nieuwkomers maken samen met de gemeente een persoonlijk plan voor inburgering. Na twee jaar blijkt: "
            "wie taal leert en werkt tegelijk, komt het snelst vooruit."
        ),
        "kind": "nieuws",
        "themes": ["inburgering-taal", "beleid-financien"],
        "days_ago": 330,
        "body": body(
            p(
                "Sinds de nieuwe inburgeringswet is de gemeente verantwoordelijk voor de begeleiding van nieuwkomers. "
                "Iedereen krijgt een eigen plan, afgestemd op opleiding, ervaring en gezinssituatie."
            ),
            h2("Wat werkt?"),
            ul(
                "taal leren op de werkvloer, met een taalcoach erbij,",
                "vroeg starten, ook als het huis nog niet klaar is,",
                "een vaste contactpersoon die de weg wijst naar zorg, school en werk.",
            ),
            h2("Waar lopen we tegenaan?"),
            p(
                "Er is een tekort aan docenten en kinderopvang. Vooral moeders met jonge kinderen komen daardoor later "
                "met hun lessen begonnen. De gemeente zoekt met taalscholen naar oplossingen, zoals lessen met "
                "kinderopvang op dezelfde plek."
            ),
        ),
    },
    {
        "title": "Taalvrijwilligers gezocht voor de taalcafés",
        "lead": (
            "In zes buurthuizen zijn taalcafés waar nieuwkomers Nederlands oefenen. Er zijn meer vrijwilligers nodig. "
            "Kent u iemand die graag praat en luistert?"
        ),
        "kind": "nieuws",
        "themes": ["inburgering-taal", "sociale-basis"],
        "days_ago": 245,
        "body": body(
            p(
                "In een taalcafé praten nieuwkomers met vrijwilligers over gewone onderwerpen: boodschappen, school, "
                "het weer. Zo oefenen ze in een ontspannen sfeer. Voor veel deelnemers is het ook een plek om mensen "
                "te leren kennen."
            ),
            h2("Wat vragen we van een vrijwilliger?"),
            ul(
                "één dagdeel per week tijd,",
                "geduld en interesse in andere mensen,",
                "u hoeft geen docent te zijn: een korte training is inbegrepen.",
            ),
            p(
                "Vrijwilligers krijgen een onkostenvergoeding en worden begeleid door een coördinator. Aanmelden kan "
                "via het platform ‘Doe ook mee’."
            ),
        ),
        "links": [("Aanmelden als taalvrijwilliger", "https://www.example.nl/doeookmee/taalcafe")],
    },
    {
        "title": "‘Soms is een taalmaatje belangrijker dan een cursus’",
        "subtitle": "Taalmaatjes Joke en Amal over een jaar lang elke week koffie",
        "lead": (
            "Joke (67) en Amal (34) zien elkaar al een jaar elke woensdag. Wat begon als taaloefening, werd een "
            "vriendschap. Een gesprek over wat een taalmaatje kan betekenen."
        ),
        "kind": "interview",
        "themes": ["inburgering-taal", "sociale-basis"],
        "days_ago": 265,
        "undated": True,
        "author": "Redactie sociaal domein",
        "body": body(
            p(
                "Amal kwam drie jaar geleden naar Nederland. Ze volgde taallessen, maar durfde buiten de klas "
                "nauwelijks te praten. Joke, gepensioneerd docente, meldde zich als taalmaatje."
            ),
            p(
                "Amal: “In de les leerde ik de regels. Bij Joke leerde ik praten. Ze verbetert me niet steeds, ze "
                "luistert. Daardoor durf ik meer.”"
            ),
            quote(
                "Ik dacht dat ik iets kwam brengen. Maar ik krijg er minstens zoveel voor terug.",
                "Joke, taalmaatje",
            ),
            h2("Meer dan taal"),
            p(
                "Samen gingen ze naar de huisarts, naar de ouderavond op school en naar de markt. Amal weet nu hoe "
                "dingen hier werken. Joke leerde koken met kardemom. Beiden willen doorgaan, ook als het "
                "taalprogramma voorbij is."
            ),
            p("Er zijn nog zeventig nieuwkomers die wachten op een taalmaatje."),
        ),
    },
    {
        "title": "Nieuwe opvanglocatie voor asielzoekers aan de Stationsweg",
        "lead": (
            "In het voormalige kantoorgebouw aan de Stationsweg worden vanaf volgende maand 180 asielzoekers "
            "opgevangen. Professionals en vrijwilligers kunnen helpen om hen welkom te heten."
        ),
        "kind": "nieuws",
        "themes": ["asiel"],
        "days_ago": 45,
        "body": body(
            p(
                "Met de nieuwe locatie levert {stad} een bijdrage aan de landelijke opvang van asielzoekers. Het gaat "
                "om gezinnen en alleenstaanden. De opvang duurt in principe vijf jaar."
            ),
            h2("Wat is er geregeld?"),
            ul(
                "Kinderen gaan naar school in de buurt, met extra taalondersteuning.",
                "Er is een vaste huisarts en een spreekuur van de jeugdverpleegkundige.",
                "Een klankbordgroep met omwonenden komt elke zes weken bij elkaar.",
            ),
            p(
                "De locatie wordt beheerd door het Centraal Orgaan opvang asielzoekers. De gemeente zorgt samen met "
                "partners voor onderwijs, zorg en contact met de buurt. Omwonenden kregen een brief met uitleg."
            ),
            h2("Helpen?"),
            p(
                "Organisaties die activiteiten willen aanbieden, zoals sport, taal of creatieve lessen, kunnen contact "
                f"opnemen via {mail('vluchtelingen@example.nl')}."
            ),
        ),
    },
    {
        "title": "Opvang van ontheemden uit Oekraïne loopt door",
        "lead": (
            "Ruim 350 mensen uit Oekraïne wonen in {stad}. De gemeente zet de opvang voort en richt zich meer op "
            "werk, school en eigen woonruimte."
        ),
        "kind": "nieuws",
        "themes": ["asiel", "werk-inkomen"],
        "days_ago": 290,
        "body": body(
            p(
                "Veel ontheemden wonen al langere tijd in de gemeentelijke opvang. Ruim de helft van de volwassenen "
                "heeft werk. Kinderen gaan naar gewone scholen. De gemeente wil dat meer mensen zelfstandig gaan "
                "wonen."
            ),
            h2("Wat verandert er?"),
            ul(
                "Wie werkt, betaalt een bijdrage voor de opvang.",
                "Er komen 40 tijdelijke woningen voor gezinnen.",
                "Het Werkplein helpt bij het vinden van werk dat past bij opleiding en ervaring.",
            ),
            p(
                "Professionals die met Oekraïense inwoners werken, kunnen vragen stellen via het vaste "
                "mailadres voor vluchtelingen."
            ),
        ),
    },
    {
        "title": "Raad stemt in met tweede asielopvanglocatie",
        "lead": (
            "De gemeenteraad heeft ingestemd met een tweede opvanglocatie voor asielzoekers. De gemeente wil de "
            "opvang kleinschalig en goed ingebed in de wijk organiseren."
        ),
        "kind": "nieuws",
        "themes": ["asiel", "beleid-financien"],
        "days_ago": 405,
        "body": body(
            p(
                "Door de landelijke afspraken over spreiding moet {stad} meer asielzoekers opvangen. De gemeente koos "
                "voor twee middelgrote locaties in plaats van één grote. Volgens de gemeente is dat beter voor de "
                "bewoners en voor de buurt."
            ),
            h2("Uitgangspunten"),
            ol(
                "Niet meer dan 200 bewoners per locatie.",
                "Voorzieningen zoals onderwijs en zorg zijn vanaf de eerste dag geregeld.",
                "Omwonenden worden vroeg betrokken en houden een vast aanspreekpunt.",
            ),
            p(
                "De komende maanden worden mogelijke locaties onderzocht. Buurtbewoners krijgen een uitnodiging "
                "voor een informatieavond zodra er een voorkeurslocatie is."
            ),
        ),
    },
    {
        "title": "Meldpunt uitbuiting: signalen zien en melden",
        "lead": (
            "Uitbuiting komt vaker voor dan we denken, ook in {stad}. Het nieuwe Meldpunt Uitbuiting helpt "
            "professionals om signalen te herkennen en door te geven."
        ),
        "kind": "nieuws",
        "themes": ["veiligheid"],
        "days_ago": 140,
        "body": body(
            p(
                "Uitbuiting kan gaan om arbeid, seks of criminele activiteiten. Slachtoffers zien zichzelf vaak niet "
                "als slachtoffer. Ze zijn bang, afhankelijk of schamen zich. Professionals zijn daarom belangrijk om "
                "het op te merken."
            ),
            h2("Mogelijke signalen"),
            ul(
                "iemand heeft geen eigen identiteitsbewijs of bankpas,",
                "iemand woont met veel mensen op één adres en werkt lange dagen,",
                "iemand heeft schulden bij een werkgever of ‘tussenpersoon’,",
                "een jongere heeft ineens dure spullen en nieuwe ‘vrienden’.",
            ),
            p(
                "Eén signaal zegt nog niet alles. Let op een combinatie van signalen en bespreek uw zorg met een "
                "collega of aandachtsfunctionaris."
            ),
            h2("Melden"),
            p(
                f"Twijfelt u? Overleg met het meldpunt via {mail('zorgenveiligheid@example.nl')}. Bij direct gevaar "
                "belt u 112."
            ),
        ),
    },
    {
        "title": "Week tegen huiselijk geweld: doe mee met de training Signaleren",
        "lead": (
            "Tijdens de landelijke week tegen huiselijk geweld besteedt {stad} extra aandacht aan signaleren. "
            "Professionals kunnen gratis een korte online training volgen."
        ),
        "kind": "campagne",
        "themes": ["veiligheid"],
        "days_ago": 50,
        "body": body(
            p(
                "Huiselijk geweld en kindermishandeling gebeuren achter de voordeur. Vaak zijn het professionals die "
                "als eersten iets merken: een leerkracht, een wijkverpleegkundige, een kapper. Maar wat doe je dan?"
            ),
            h2("De training"),
            ul(
                "duur: één uur, online, wanneer het u uitkomt,",
                "inhoud: signalen herkennen, het gesprek aangaan en de meldcode gebruiken,",
                "na afloop: een certificaat.",
            ),
            h2("Campagnemateriaal"),
            p(
                "Tijdens de week hangen in de hele stad posters met het nummer van Veilig Thuis. Organisaties kunnen "
                "posters en kaartjes voor in het toilet bestellen."
            ),
        ),
        "links": [("Start de training Signaleren", "https://www.example.nl/training-signaleren")],
    },
    {
        "title": "Jeugdbescherming: minder wisselingen van hulpverleners",
        "lead": (
            "Kinderen met een beschermingsmaatregel krijgen voortaan zoveel mogelijk één vaste jeugdbeschermer. "
            "Dat is afgesproken met de gecertificeerde instellingen in de regio."
        ),
        "kind": "nieuws",
        "themes": ["veiligheid", "jeugd"],
        "days_ago": 225,
        "body": body(
            p(
                "Kinderen in de jeugdbescherming kregen soms wel vijf verschillende hulpverleners in een paar jaar. "
                "Elke keer moesten ze hun verhaal opnieuw vertellen. Dat schaadt het vertrouwen."
            ),
            h2("Nieuwe afspraken"),
            ul(
                "Eén vaste jeugdbeschermer vanaf het begin tot het einde van de maatregel.",
                "Maximaal vijftien kinderen per jeugdbeschermer.",
                "Een warme overdracht als wisselen toch nodig is: de oude hulpverlener stelt de nieuwe voor.",
            ),
            p(
                "De gemeente betaalt de instellingen een hoger tarief, zodat zij meer medewerkers kunnen aannemen. "
                "Over een jaar wordt gekeken of de afspraken werken."
            ),
        ),
    },
    {
        "title": "Subsidieronde welzijn {jaar:+1}: aanvragen tot en met {datum:+60}",
        "lead": (
            "Organisaties voor welzijn, ontmoeting en vrijwillige inzet kunnen subsidie aanvragen voor {jaar:+1}. "
            "Let op: voor het eerst kan dat ook voor vier jaar."
        ),
        "kind": "subsidie",
        "themes": ["subsidies", "sociale-basis"],
        "days_ago": 6,
        "body": body(
            p(
                "Met de nota Samen thuis in de wijk kiest de gemeente voor langdurige samenwerking. Organisaties die "
                "een vaste rol spelen in de sociale basis, kunnen daarom een subsidie voor vier jaar aanvragen."
            ),
            h2("Voor wie?"),
            ul(
                "welzijnsorganisaties en buurthuizen,",
                "organisaties voor mantelzorg en vrijwilligerswerk,",
                "initiatieven tegen eenzaamheid en voor ontmoeting.",
            ),
            h2("Hoe vraagt u aan?"),
            ol(
                "Lees de subsidieregeling en de toelichting.",
                "Vul het aanvraagformulier in op het subsidieportaal.",
                "Voeg een begroting en een activiteitenplan toe.",
                "Dien de aanvraag in uiterlijk {datum:+60}.",
            ),
            p(
                "Op {dag:+20} is er een online vragenuur. Hebt u nu al vragen? Mail naar het Subsidiebureau via "
                f"{mail('subsidies@example.nl')}."
            ),
        ),
        "links": [("Naar het subsidieportaal", "https://www.example.nl/subsidieportaal")],
    },
    {
        "title": "Zo staat de innovatieregeling Zorg in de wijk ervoor",
        "lead": (
            "Van de 1,2 miljoen euro in de innovatieregeling Zorg in de wijk is nu ruim de helft verdeeld. Er is nog "
            "ruimte voor nieuwe aanvragen. Een stand van zaken."
        ),
        "kind": "subsidie",
        "themes": ["subsidies", "wmo", "jeugd"],
        "days_ago": 175,
        "undated": True,
        "body": body(
            p(
                "De innovatieregeling steunt projecten die zorg en welzijn beter laten samenwerken in de wijk. Tot nu "
                "toe kregen negen projecten subsidie, bijvoorbeeld een gezamenlijk spreekuur van huisarts en "
                "buurtteam en een ontmoetingsplek voor jongeren met psychische klachten."
            ),
            h2("Wat valt op?"),
            ul(
                "Projecten met inwoners in de stuurgroep lopen het best.",
                "Veel aanvragen zijn nog te algemeen: maak duidelijk wat er voor inwoners verandert.",
                "Er zijn weinig aanvragen voor ouderen; die zijn extra welkom.",
            ),
            h2("Aanvragen"),
            p(
                "Aanvragen kan doorlopend tot het geld op is. Het Subsidiebureau denkt graag mee voordat u een "
                "aanvraag indient."
            ),
        ),
        "links": [("Lees de regeling Zorg in de wijk", "https://www.example.nl/subsidies/zorg-in-de-wijk")],
    },
    {
        "title": "Aanbesteding specialistische jeugdhulp gepubliceerd",
        "lead": (
            "De regio zoekt aanbieders voor specialistische jeugdhulp vanaf {jaar:+1}. Aanbieders kunnen zich "
            "tot en met {datum:-45} inschrijven."
        ),
        "kind": "subsidie",
        "themes": ["subsidies", "jeugd"],
        "days_ago": 100,
        "body": body(
            p(
                "De zes gemeenten in de regio kopen samen specialistische jeugdhulp in. Denk aan behandeling bij "
                "ernstige psychische problemen, verblijf en hulp bij complexe scheidingen."
            ),
            h2("Nieuw in deze aanbesteding"),
            ul(
                "minder aanbieders, met afspraken voor langere tijd,",
                "een vast budget per aanbieder in plaats van betaling per uur,",
                "afspraken over wachttijden en samenwerking met de buurtteams.",
            ),
            p(
                "Tijdens een marktconsultatie dachten aanbieders mee over deze opzet. Het verslag daarvan staat bij "
                "de aanbestedingsstukken."
            ),
        ),
        "links": [("Naar de aanbestedingsstukken", "https://www.example.nl/aanbestedingen/jeugdhulp")],
    },
    {
        "title": "Budget voor gezonde buurtactiviteiten: nog geld beschikbaar",
        "lead": (
            "Wilt u in de buurt een sportdag, gezonde kookles of wandelgroep organiseren? Uit het budget voor "
            "gezonde buurtactiviteiten is nog 40.000 euro beschikbaar."
        ),
        "kind": "subsidie",
        "themes": ["subsidies", "volksgezondheid"],
        "days_ago": 310,
        "body": body(
            p(
                "Het budget steunt activiteiten die bewoners in beweging brengen of helpen gezonder te leven. De "
                "activiteit moet gratis of goedkoop zijn, zodat iedereen mee kan doen."
            ),
            h2("Voorwaarden"),
            ul(
                "maximaal 2.500 euro per activiteit,",
                "de organisatie betaalt zelf minstens een kwart van de kosten, ook in uren van vrijwilligers,",
                "de activiteit vindt plaats in {stad}.",
            ),
            p("Aanvragen worden elke maand beoordeeld, tot het budget op is."),
        ),
        "links": [("Meer informatie en subsidie aanvragen", "https://www.example.nl/subsidies/gezonde-buurt")],
    },
    {
        "title": "Najaarsronde: prik tegen corona en griep voor 60-plussers",
        "lead": (
            "Inwoners van 60 jaar en ouder en mensen met een medisch risico krijgen een uitnodiging voor de "
            "najaarsprik tegen corona en griep. Helpt u cliënten die niet zelf naar een priklocatie kunnen?"
        ),
        "kind": "nieuws",
        "themes": ["corona", "volksgezondheid", "ouderen"],
        "days_ago": 58,
        "body": body(
            p(
                "De najaarsprik beschermt tegen ernstige ziekte. Vooral voor ouderen en mensen met een zwakke "
                "gezondheid is dat belangrijk. De GGD en de huisartsen werken samen."
            ),
            h2("Praktisch"),
            ul(
                "De griepprik wordt gegeven door de huisarts.",
                "De coronaprik wordt gegeven op de priklocatie van de GGD in het Stadskantoor.",
                "Wie niet naar een locatie kan, krijgt de prik thuis. Dit regelt u via de GGD.",
            ),
            p(
                "Wijkverpleegkundigen en thuiszorgmedewerkers kunnen cliënten helpen met het maken van een afspraak. "
                "De prik is gratis."
            ),
        ),
    },
    {
        "title": "Herstelgelden corona: verantwoording uiterlijk {datum:-230}",
        "lead": (
            "Organisaties die subsidie kregen uit de regeling Herstel na corona, moeten de besteding uiterlijk "
            "{datum:-230} verantwoorden. Dit zijn de laatste stappen."
        ),
        "kind": "subsidie",
        "themes": ["corona", "subsidies"],
        "days_ago": 260,
        "body": body(
            p(
                "Met de regeling Herstel na corona steunde de gemeente ruim zestig projecten. Ze hielpen jongeren, "
                "ouderen en verenigingen om na de coronaperiode weer op te bouwen. De regeling is nu afgelopen."
            ),
            h2("Wat moet u aanleveren?"),
            ul(
                "een kort inhoudelijk verslag: wat heeft u gedaan en wie heeft u bereikt?",
                (
                    "een financieel verslag:",
                    [
                        "bij subsidies tot 25.000 euro volstaat een overzicht,",
                        "daarboven is een accountantsverklaring nodig.",
                    ],
                ),
            ),
            p("Geld dat niet is besteed, betaalt u terug. Neem bij twijfel contact op met het Subsidiebureau."),
        ),
    },
    {
        "title": "Wat we leerden van de coronaperiode: evaluatie sociaal domein",
        "lead": (
            "Een onafhankelijk bureau onderzocht hoe de gemeente en haar partners in het sociaal domein de "
            "coronaperiode doorkwamen. Het rapport geeft lessen voor toekomstige crises."
        ),
        "kind": "publicatie",
        "themes": ["corona", "beleid-financien"],
        "days_ago": 425,
        "body": body(
            p(
                "Tijdens de coronaperiode moesten zorg en welzijn in korte tijd anders werken. Veel ging goed: "
                "organisaties hielpen elkaar en vrijwilligers sprongen bij. Maar sommige groepen raakten uit beeld."
            ),
            h2("Lessen"),
            ol(
                "Houd contact met kwetsbare inwoners, ook als fysieke hulp niet kan.",
                "Zorg voor een lijst van wie wie belt, voordat de crisis er is.",
                "Maak regels eenvoudig en snel aan te passen.",
                "Let op de mentale gezondheid van jongeren en van professionals zelf.",
            ),
            quote(
                "We zijn in korte tijd ongelooflijk goed gaan samenwerken. Dat mogen we niet meer kwijtraken.",
                "Directeur van een welzijnsorganisatie",
            ),
        ),
        "links": [("Lees het evaluatierapport", "https://www.example.nl/evaluatie-corona")],
    },
    {
        "title": "Voortgang hervormingen sociaal domein: raadsbrief verschenen",
        "lead": (
            "Het college heeft de raad geïnformeerd over de voortgang van de hervormingen in jeugdhulp en Wmo. De "
            "eerste maatregelen werken, maar er blijft een financieel tekort."
        ),
        "kind": "publicatie",
        "themes": ["beleid-financien", "jeugd", "wmo"],
        "days_ago": 40,
        "documents": ["raadsbrief-voortgang-hervormingen-sociaal-domein"],
        "body": body(
            p(
                "De uitgaven aan jeugdhulp en Wmo stijgen al jaren. Tegelijk krijgen inwoners niet altijd de hulp "
                "die het best past. De hervormingen moeten de zorg beter en betaalbaar maken. In de raadsbrief staat "
                "hoe ver we zijn."
            ),
            h2("Wat is er bereikt?"),
            ul(
                "Eén aanmeldpunt voor jeugdhulp.",
                "Praktijkondersteuners jeugd bij twaalf huisartsen.",
                "Nieuwe contracten voor hulp bij het huishouden.",
            ),
            h2("Wat komt er nog?"),
            p(
                "Zonder extra maatregelen loopt het tekort in {jaar:+1} op tot ongeveer 9 miljoen euro. Het college "
                "doet bij de voorjaarsnota voorstellen. Daarnaast organiseert de raad een technische sessie waarin "
                "professionals kunnen vertellen wat zij merken van de veranderingen."
            ),
        ),
    },
    {
        "title": "Begroting {jaar:+1}: wat betekent die voor het sociaal domein?",
        "lead": (
            "De gemeenteraad heeft de begroting voor {jaar:+1} vastgesteld. Voor het sociaal domein is "
            "312 miljoen euro beschikbaar. Er wordt geïnvesteerd in preventie, maar er zijn ook bezuinigingen."
        ),
        "kind": "nieuws",
        "themes": ["beleid-financien"],
        "days_ago": 18,
        "body": body(
            p(
                "Het sociaal domein is de grootste post op de begroting van de gemeente. Het gaat om jeugdhulp, Wmo, "
                "bijstand, schuldhulp en welzijn. Door stijgende kosten moest de gemeente keuzes maken."
            ),
            h2("Investeringen"),
            ul(
                "2 miljoen euro extra voor de sociale basis en buurtteams,",
                "uitbreiding van de praktijkondersteuners jeugd,",
                "meer geld voor vroegsignalering van schulden.",
            ),
            h2("Bezuinigingen"),
            ul(
                "strengere afspraken over de duur van begeleiding,",
                "minder uitgaven aan inhuur en advies,",
                "het stoppen van een aantal kleine subsidies die weinig bereik hadden.",
            ),
            p("Organisaties die door de bezuinigingen geraakt worden, hebben hierover een brief ontvangen."),
        ),
    },
    {
        "title": "Minder administratie voor zorgaanbieders",
        "lead": (
            "Zorgaanbieders in jeugdhulp en Wmo hoeven minder formulieren in te vullen. De gemeente schrapt een "
            "derde van de verplichte rapportages."
        ),
        "kind": "nieuws",
        "themes": ["beleid-financien", "wmo", "jeugd"],
        "days_ago": 195,
        "body": body(
            p(
                "Zorgverleners besteden gemiddeld een kwart van hun tijd aan administratie. Dat is tijd die niet naar "
                "cliënten gaat. Samen met aanbieders keek de gemeente welke gegevens echt nodig zijn."
            ),
            h2("Wat verdwijnt er?"),
            ul(
                "de kwartaalrapportage per cliënt, behalve bij zorgen,",
                "dubbele vragen in het aanmeldformulier en het ondersteuningsplan,",
                "de verplichte tijdregistratie per contactmoment bij begeleiding.",
            ),
            quote(
                "Eindelijk kan ik weer doen waarvoor ik dit vak gekozen heb: bij mensen zijn.",
                "Ambulant begeleider",
            ),
            p("De afspraken gaan in op de eerste dag van het nieuwe kwartaal."),
        ),
    },
    {
        "title": "Nieuw zorgportaal: aanvragen vanaf nu alleen digitaal",
        "lead": (
            "Aanvragen voor jeugdhulp en Wmo-ondersteuning doet u als professional vanaf nu alleen nog via het "
            "nieuwe zorgportaal. Papieren formulieren nemen we niet meer in behandeling."
        ),
        "kind": "mededeling",
        "themes": ["wmo", "jeugd"],
        "days_ago": 1,
        "pinned_days": 21,
        "body": body(
            p(
                "Het zorgportaal vervangt de papieren formulieren en de losse e-mails. U ziet in één overzicht welke "
                "aanvragen u heeft gedaan en wat de status is."
            ),
            h2("Wat moet u doen?"),
            ol(
                "Vraag een account aan voor uw organisatie.",
                "Laat de beheerder van uw organisatie collega’s toegang geven.",
                "Doe nieuwe aanvragen via het portaal.",
            ),
            p(
                "Lukt het niet? Bel het algemene nummer 14 0123 en vraag naar de servicedesk zorgportaal. Op {dag:+16} "
                "is er een informatiebijeenkomst over het portaal."
            ),
        ),
        "links": [("Naar het zorgportaal", "https://zorgportaal.example.nl")],
        "related": ["informatiebijeenkomst-maatwerkvoorziening"],
    },
    {
        "title": "Spreekuur buurtteam Noord verhuist naar De Kroon",
        "lead": (
            "Het inloopspreekuur van buurtteam Noord is vanaf volgende week in buurtkamer De Kroon. Het oude adres "
            "aan de Vaartweg sluit."
        ),
        "kind": "mededeling",
        "themes": ["wmo", "sociale-basis"],
        "days_ago": 155,
        "body": body(
            p(
                "Het buurtteam wil dichter bij bewoners zitten. De Kroon is een plek waar al veel mensen uit de buurt "
                "komen. Zo is de stap naar het buurtteam kleiner."
            ),
            h2("Nieuwe tijden"),
            ul(
                "maandag van 9.00 tot 12.00 uur,",
                "donderdag van 13.00 tot 16.00 uur,",
                "op afspraak ook op andere momenten.",
            ),
            p(
                "Het telefoonnummer en e-mailadres van het buurtteam blijven hetzelfde. Verwijst u cliënten naar het "
                "buurtteam? Geef dan het nieuwe adres door: Kroonstraat 21."
            ),
        ),
    },
    {
        "title": "Website sociale kaart vernieuwd",
        "lead": (
            "Op de sociale kaart van {stad} vindt u alle organisaties voor zorg, welzijn en ondersteuning. De website "
            "is vernieuwd en makkelijker te doorzoeken."
        ),
        "kind": "mededeling",
        "themes": ["sociale-basis", "wmo"],
        "days_ago": 345,
        "pinned_days": -320,
        "body": body(
            p(
                "De sociale kaart is bedoeld voor professionals én inwoners. Er staan ruim 600 organisaties en "
                "activiteiten op. U kunt nu zoeken op wijk, onderwerp en doelgroep."
            ),
            h2("Klopt uw informatie?"),
            p(
                "Controleer of de gegevens van uw organisatie kloppen. Wijzigingen kunt u zelf doorgeven via het "
                "formulier op de pagina van uw organisatie. De redactie controleert ze binnen een week."
            ),
            ul(
                "Vermeld openingstijden en hoe mensen u kunnen bereiken.",
                "Schrijf in eenvoudige taal wat u doet en voor wie.",
                "Voeg een link naar uw eigen website toe.",
            ),
        ),
        "links": [("Naar de sociale kaart", "https://www.example.nl/socialekaart")],
    },
]

# For the editors' demo: not public yet.
EDITORIAL = [
    {
        "title": "Geldloket houdt spreekuur in de bibliotheek Zuid",
        "lead": "Vanaf januari houdt het Geldloket elke dinsdagmiddag spreekuur in bibliotheek Zuid.",
        "kind": "mededeling",
        "themes": ["armoede-schulden"],
        "days_ago": 0,
        "status": "concept",
        "body": body(
            p("Concepttekst. Nog aanvullen met de openingstijden en het adres van de bibliotheek."),
            p(
                "In Zuid wonen veel gezinnen met een laag inkomen. Uit de Monitor Geldzorgen blijkt dat zij minder "
                "vaak de weg naar het Geldloket vinden dan inwoners uit andere wijken. Een spreekuur in de eigen buurt "
                "moet daarbij helpen."
            ),
            p(
                "Inwoners uit Zuid hoeven dan niet meer naar het centrum voor hulp bij geldzorgen. Medewerkers helpen "
                "met formulieren, regelingen en betalingsregelingen."
            ),
        ),
    },
    {
        "title": "Uitkomst marktconsultatie jeugdhulp: aanbieders willen langere contracten",
        "lead": (
            "Tijdens de marktconsultatie gaven dertig aanbieders hun mening over de nieuwe inkoop. Ze vragen om "
            "langere contracten en minder administratie."
        ),
        "kind": "nieuws",
        "themes": ["jeugd", "subsidies"],
        "days_ago": 0,
        "status": "review",
        "body": body(
            p(
                "De regio organiseerde drie sessies met aanbieders van jeugdhulp. Het doel was om te horen wat zij "
                "nodig hebben om goede zorg te kunnen bieden."
            ),
            ul(
                "Contracten van minimaal vijf jaar geven rust.",
                "Vaste budgetten maken samenwerking makkelijker.",
                "Gezamenlijke scholing helpt om personeel te behouden.",
            ),
            p(
                "De regio neemt de uitkomsten mee in de aanbesteding. Aanbieders krijgen voor de publicatie nog de "
                "gelegenheid om op de conceptstukken te reageren. Het verslag van de sessies staat binnenkort online."
            ),
        ),
    },
    {
        "title": "Subsidieregeling Samen in de buurt opent binnenkort",
        "lead": (
            "Bewonersgroepen die activiteiten organiseren voor eenzame buurtgenoten, kunnen binnenkort subsidie "
            "aanvragen uit de nieuwe regeling Samen in de buurt."
        ),
        "kind": "subsidie",
        "themes": ["subsidies", "sociale-basis", "ouderen"],
        "days_ago": 0,
        "status": "gepubliceerd",
        "publish_in_days": 3,
        "body": body(
            p(
                "De regeling is bedoeld voor kleine activiteiten met een groot effect: een wekelijkse maaltijd, een "
                "wandelclub of een buurtbus naar de markt. Per activiteit is maximaal 2.000 euro beschikbaar."
            ),
            p(
                "Aanvragen kan vanaf de publicatie van de regeling tot het budget op is. Bewonersgroepen die hulp "
                "willen bij hun aanvraag, kunnen terecht bij de buurtwerker of het Subsidiebureau. Ook buurtteams en "
                "welzijnsorganisaties kunnen groepen op de regeling wijzen."
            ),
        ),
        "links": [("Meer informatie over Samen in de buurt", "https://www.example.nl/subsidies/samen-in-de-buurt")],
    },
]
