"""Sample articles about youth, care and support, social basis, informal care, older people and health.

All names, places, figures and addresses are invented. Tokens: {stad}, {gemeente}, {datum:+N} (a date N
days from the day the content is loaded), {dag:+N} (the same with the weekday; weekends move to Monday).
"""

# Dutch typography: curly quotes and apostrophes are intended.
# ruff: noqa: RUF001

from demo.content.markup import a, body, h2, h3, mail, ol, p, quote, ul

ARTICLES = [
    {
        "title": "Eén aanmeldpunt voor jeugdhulp: zo werkt het",
        "lead": (
            "Vanaf deze maand meldt u als professional een kind of gezin voor jeugdhulp aan via één aanmeldpunt. "
            "Dat scheelt zoeken en wachten. Hieronder leest u wat er verandert en wat u moet doen."
        ),
        "kind": "nieuws",
        "themes": ["jeugd", "beleid-financien"],
        "days_ago": 12,
        "body": body(
            p(
                "Tot nu toe konden professionals op vijf verschillende plekken jeugdhulp aanvragen. Dat was voor "
                "huisartsen, scholen en buurtteams vaak onduidelijk. Daarom is er nu één Aanmeldpunt Jeugd. Een "
                "vaste medewerker beoordeelt binnen vijf werkdagen welke hulp past en wie die hulp geeft."
            ),
            h2("Wat verandert er voor u?"),
            ul(
                "U meldt aan via het digitale formulier of telefonisch.",
                (
                    "U krijgt binnen vijf werkdagen een reactie met:",
                    ["de naam van een vaste contactpersoon,", "de verwachte startdatum van de hulp."],
                ),
                "Bij spoed belt u direct. Dan krijgt u dezelfde dag antwoord.",
            ),
            h2("Waarom deze stap?"),
            p(
                "Het aanmeldpunt is een van de maatregelen uit de hervormingen in het sociaal domein. Het doel is "
                "dat kinderen sneller de juiste hulp krijgen, en dat er minder dubbel werk is."
            ),
            h3("Vragen?"),
            p(f"Mail naar {mail('jeugd@example.nl')} of bel het algemene nummer 14 0123."),
        ),
        "links": [("Naar het aanmeldformulier jeugdhulp", "https://www.example.nl/jeugd/aanmelden")],
    },
    {
        "title": "Praktijkondersteuner jeugd nu bij twaalf huisartsen",
        "lead": (
            "Steeds meer huisartsen in {stad} werken met een praktijkondersteuner jeugd. Ouders en jongeren "
            "kunnen daardoor sneller terecht met vragen over opvoeden, somberheid of stress."
        ),
        "kind": "nieuws",
        "themes": ["jeugd", "volksgezondheid"],
        "days_ago": 96,
        "body": body(
            p(
                "Een praktijkondersteuner jeugd (POH-jeugd) is een hulpverlener die in de huisartsenpraktijk werkt. "
                "Hij of zij voert een paar gesprekken met het kind of de ouders. Vaak is dat genoeg. Is er meer "
                "nodig? Dan zoekt de POH-jeugd samen met het gezin de best passende hulp."
            ),
            h2("Resultaten van het eerste jaar"),
            ul(
                "Ruim 900 kinderen en jongeren kregen hulp van een POH-jeugd.",
                "Zeven op de tien hadden daarna geen verdere jeugdhulp nodig.",
                "Huisartsen verwijzen minder vaak door naar specialistische zorg.",
            ),
            quote(
                "Vroeger stuurde ik een kind met buikpijn van de stress door. Nu zit de hulp een deur verder.",
                "Huisarts in de Zuidwijk",
            ),
            h2("Hoe verder?"),
            p(
                "De gemeente wil dat over twee jaar alle huisartsenpraktijken een POH-jeugd hebben. Werkt u in een "
                "praktijk en wilt u meedoen? Neem contact op met Team Jeugd en Gezin."
            ),
        ),
    },
    {
        "slug": "werkconferentie-opgroeien",
        "title": "Werkconferentie Opgroeien in {stad}: denk mee over het nieuwe jeugdbeleid",
        "lead": (
            "Op {dag:-101} organiseren we een werkconferentie over het nieuwe jeugdbeleid. We nodigen "
            "professionals uit onderwijs, zorg, welzijn en sport uit om mee te denken."
        ),
        "kind": "bijeenkomst",
        "themes": ["jeugd", "beleid-financien"],
        "days_ago": 128,
        "event": {
            "in_days": -101,
            "start": "09:30",
            "end": "15:30",
            "location": "Stadskantoor {stad}, zaal De Rede",
            "address": "Stationsplein 10, 1234 AB {stad}",
            "registration": "https://www.example.nl/werkconferentie-opgroeien",
            "accreditation": "Accreditatie aangevraagd bij het Kwaliteitsregister Jeugd (SKJ)",
        },
        "body": body(
            p(
                "Het huidige jeugdbeleid loopt volgend jaar af. Voordat de gemeenteraad een nieuwe nota vaststelt, "
                "willen we weten wat u ziet in uw werk. Wat gaat goed? Waar lopen kinderen en ouders vast? En wat "
                "heeft u nodig om samen met anderen eerder hulp te bieden?"
            ),
            h2("Programma"),
            ol(
                "Opening door de wethouder Jeugd.",
                "Korte presentatie van de cijfers uit de jeugdmonitor.",
                (
                    "Drie rondes tafelgesprekken over:",
                    ["kansengelijkheid en armoede,", "mentale gezondheid van jongeren,", "samenwerking met scholen."],
                ),
                "Afsluiting met een gezamenlijke lunch.",
            ),
            p(
                "De opbrengst van de dag verwerken we in de conceptnota. Deelnemers krijgen een verslag per e-mail. "
                "Deelname is gratis. Er zijn 120 plaatsen."
            ),
        ),
        "links": [("Meer informatie en aanmelden", "https://www.example.nl/werkconferentie-opgroeien")],
    },
    {
        "title": "Terugblik op de werkconferentie Opgroeien in {stad}",
        "lead": (
            "Ruim honderd professionals dachten mee over het nieuwe jeugdbeleid. Ze waren het vaak met elkaar eens: "
            "hulp moet dichter bij school en gezin komen. Een terugblik op de werkconferentie van {datum:-101}."
        ),
        "kind": "terugblik",
        "themes": ["jeugd", "beleid-financien"],
        "days_ago": 97,
        "related": ["werkconferentie-opgroeien"],
        "body": body(
            p(
                "Leerkrachten, jeugdverpleegkundigen, buurtteammedewerkers, sportcoaches en jongerenwerkers zaten "
                "samen aan tafel. Na de opening van de wethouder gingen zij in drie rondes met elkaar in gesprek."
            ),
            h2("Wat we hoorden"),
            ul(
                (
                    "Kansengelijkheid:",
                    [
                        "geldzorgen thuis zijn vaak de oorzaak van problemen op school;",
                        "professionals willen makkelijker kunnen doorverwijzen naar het Geldloket.",
                    ],
                ),
                (
                    "Mentale gezondheid:",
                    [
                        "jongeren zoeken hulp online, en de weg daarheen moet veilig zijn;",
                        "lotgenotengroepen werken goed.",
                    ],
                ),
                "Samenwerking met scholen: een vast gezicht van het buurtteam op elke school helpt enorm.",
            ),
            quote(
                "Ik kende de jongerenwerker uit mijn eigen wijk niet. Vanaf vandaag bel ik hem gewoon.",
                "Intern begeleider van een basisschool",
            ),
            h2("Hoe nu verder?"),
            p(
                "We verwerken alle opbrengsten in de conceptnota. In het voorjaar kunt u online reageren op de "
                "concepttekst. Het verslag van de dag staat op onze website."
            ),
        ),
        "links": [("Lees het verslag van de werkconferentie", "https://www.example.nl/werkconferentie-verslag")],
    },
    {
        "title": "Jongerenloket helpt 16- tot 23-jarigen met geld, school en werk",
        "lead": (
            "Jongeren die vastlopen met school, werk of geld kunnen terecht bij het nieuwe Jongerenloket. Wijs "
            "jongeren die u tegenkomt in uw werk op deze plek."
        ),
        "kind": "nieuws",
        "themes": ["jeugd", "werk-inkomen"],
        "days_ago": 210,
        "body": body(
            p(
                "Rond het achttiende jaar verandert er veel. Jongeren moeten een zorgverzekering afsluiten, "
                "toeslagen aanvragen en een keuze maken voor opleiding of werk. Niet iedereen heeft thuis iemand "
                "die daarbij helpt. Het Jongerenloket in de bibliotheek aan de Markt is daarvoor bedoeld."
            ),
            h2("Waarvoor kunnen jongeren er terecht?"),
            ul(
                "hulp bij formulieren, DigiD en toeslagen,",
                "een gesprek over schulden of een achterstand bij de zorgverzekeraar,",
                "advies over een opleiding, stage of baan,",
                "een doorverwijzing naar het buurtteam als er meer speelt.",
            ),
            p(
                "Het loket is open op dinsdag, woensdag en donderdag van 13.00 tot 18.00 uur. Een afspraak is niet "
                "nodig. Jongeren kunnen ook appen met een medewerker."
            ),
            p(f"Vragen als professional? Mail naar {mail('jongerenloket@example.nl')}."),
        ),
    },
    {
        "title": "‘Als je de ouders erbij haalt, gaat het sneller’",
        "subtitle": "Jeugdhulp in de klas: een leerkracht en een gezinscoach over hun samenwerking",
        "lead": (
            "Op basisschool De Wilgen zit de gezinscoach van het buurtteam elke week een ochtend op school. Een "
            "gesprek over wat dat oplevert voor kinderen, ouders en de juf."
        ),
        "kind": "interview",
        "themes": ["jeugd"],
        "days_ago": 160,
        "undated": True,
        "author": "Redactie sociaal domein",
        "body": body(
            p(
                "Marloes de Boer is leerkracht van groep 6. Sander Amrani is gezinscoach bij het buurtteam Noord. "
                "Sinds een jaar werken zij samen op De Wilgen. Sander heeft een vaste plek in de koffiekamer."
            ),
            h2("Drempel weg"),
            p(
                "Marloes: “Vroeger moest ik een formulier invullen als ik me zorgen maakte over een kind. Dan duurde "
                "het weken voordat er iemand kwam. Nu loop ik even naar Sander. Vaak spreken we dezelfde week nog "
                "met de ouders.”"
            ),
            p(
                "Sander: “Ouders kennen mij van het schoolplein. Dat maakt het gesprek makkelijker. Ik ben niet "
                "iemand van een instantie, ik ben gewoon de man die er op dinsdag is.”"
            ),
            h2("Wat het oplevert"),
            ul(
                "Zorgen worden eerder besproken.",
                "Minder kinderen hebben specialistische hulp nodig.",
                "Leerkrachten voelen zich minder alleen staan.",
            ),
            quote(
                "Het belangrijkste is vertrouwen. Dat bouw je niet op met een verwijsbrief.",
                "Sander Amrani, gezinscoach buurtteam Noord",
            ),
            p(
                "De gemeente wil de aanpak uitbreiden naar alle basisscholen. Scholen die interesse hebben, kunnen "
                "contact opnemen met Team Jeugd en Gezin."
            ),
        ),
    },
    {
        "title": "Pleeggezinnen gezocht: campagne ‘Een tweede thuis’",
        "lead": (
            "In {stad} zijn te weinig pleeggezinnen. Met de campagne ‘Een tweede thuis’ zoeken we mensen die een "
            "kind een veilige plek willen geven. Helpt u mee de campagne te verspreiden?"
        ),
        "kind": "campagne",
        "themes": ["jeugd", "veiligheid"],
        "days_ago": 300,
        "body": body(
            p(
                "Sommige kinderen kunnen tijdelijk niet thuis wonen. Een pleeggezin biedt dan rust en veiligheid. "
                "Op dit moment wachten ruim dertig kinderen uit onze regio op een pleeggezin. Vooral voor tieners "
                "en broertjes en zusjes is het moeilijk een plek te vinden."
            ),
            h2("Wat kunt u doen?"),
            ul(
                "Hang de poster op in uw wachtkamer of buurthuis.",
                "Deel de berichten van de campagne op uw sociale media.",
                "Vertel ouders en collega’s over de informatieavonden.",
            ),
            p(
                "Pleegouder worden kan op verschillende manieren: voltijds, in het weekend of als crisisopvang. "
                "Iedereen die belangstelling heeft, krijgt eerst een voorlichtingsgesprek."
            ),
            p(
                f"Posters en flyers kunt u gratis bestellen via {a('de campagnepagina', 'https://www.example.nl/eentweedethuis')}."
            ),
        ),
        "links": [("Campagnemateriaal bestellen", "https://www.example.nl/eentweedethuis")],
    },
    {
        "title": "Nieuwe afspraken hulp bij het huishouden: vaste hulp per cliënt",
        "lead": (
            "Cliënten met hulp bij het huishouden krijgen vanaf volgend jaar zoveel mogelijk steeds dezelfde hulp. "
            "Dat staat in de nieuwe contracten met zorgaanbieders."
        ),
        "kind": "nieuws",
        "themes": ["wmo"],
        "days_ago": 55,
        "body": body(
            p(
                "De gemeente heeft de hulp bij het huishouden opnieuw ingekocht. Acht aanbieders hebben een "
                "contract voor vier jaar gekregen. In de nieuwe afspraken staat de cliënt centraal. Een vaste hulp "
                "kent de cliënt en ziet het eerder als het minder goed gaat."
            ),
            h2("Wat verandert er?"),
            ul(
                "Elke cliënt krijgt een vaste hulp en een vaste vervanger.",
                "De hulp mag signalen doorgeven aan het buurtteam, met toestemming van de cliënt.",
                "Aanbieders betalen hun medewerkers volgens de cao en bieden scholing aan.",
            ),
            h2("Wat betekent dit voor cliënten?"),
            p(
                "De meeste cliënten houden hun huidige aanbieder. Moet een cliënt overstappen? Dan krijgt hij of zij "
                "voor 1 december een brief. De nieuwe aanbieder neemt daarna zelf contact op."
            ),
            p(f"Vragen over de overgang? Mail naar {mail('meedoen@example.nl')}."),
        ),
    },
    {
        "title": "Aanbesteding vervoer voor Wmo en leerlingenvervoer gestart",
        "lead": (
            "De gemeente zoekt vervoerders voor het Wmo-vervoer en het leerlingenvervoer. Vervoerders kunnen zich "
            "tot en met {datum:-225} inschrijven via het aanbestedingsplatform."
        ),
        "kind": "subsidie",
        "themes": ["wmo", "subsidies"],
        "days_ago": 265,
        "body": body(
            p(
                "De huidige contracten voor het vervoer van inwoners met een beperking en van leerlingen lopen over "
                "een jaar af. Daarom is een Europese aanbesteding gestart. De opdracht bestaat uit vier percelen."
            ),
            ol(
                "Wmo-vervoer in de stad",
                "Wmo-vervoer in de regio",
                "Leerlingenvervoer basisonderwijs",
                "Leerlingenvervoer voortgezet en speciaal onderwijs",
            ),
            h2("Waar letten we op?"),
            p(
                "Naast de prijs wegen kwaliteit en duurzaamheid zwaar mee. Denk aan vaste chauffeurs voor "
                "kinderen, aandacht voor reizigers met dementie en elektrische voertuigen."
            ),
            h2("Planning"),
            ul(
                "Vragen stellen kan tot drie weken voor de sluitingsdatum.",
                "Inschrijven kan tot en met {datum:-225}.",
                "De gunning volgt naar verwachting twee maanden later.",
            ),
        ),
        "links": [
            ("Bekijk de aanbesteding op het aanbestedingsplatform", "https://www.example.nl/aanbestedingen/vervoer")
        ],
    },
    {
        "title": "Wachttijd voor hulpmiddelen flink korter",
        "lead": (
            "Inwoners die een rolstoel, scootmobiel of trapleuning nodig hebben, krijgen die sneller. De gemiddelde "
            "wachttijd daalde van tien naar vier weken."
        ),
        "kind": "nieuws",
        "themes": ["wmo", "ouderen"],
        "days_ago": 340,
        "body": body(
            p(
                "Vorig jaar wachtten inwoners soms maanden op een hulpmiddel. Dat kwam door een tekort aan "
                "ergotherapeuten en door lange leveringstijden. De gemeente heeft samen met de leverancier een "
                "aantal maatregelen genomen."
            ),
            ul(
                "Eenvoudige hulpmiddelen worden uit voorraad geleverd, zonder uitgebreid onderzoek.",
                "Een tweede ergotherapeut doet de huisbezoeken.",
                "Gebruikte hulpmiddelen worden sneller schoongemaakt en opnieuw uitgeleend.",
            ),
            quote(
                "Voor iemand die na een val niet meer naar boven kan, telt elke week.",
                "Wethouder Zorg en Welzijn",
            ),
            p(
                "Werkt u als wijkverpleegkundige of in het buurtteam? U kunt een eenvoudige aanvraag nu direct "
                "doorgeven via het professionalsformulier."
            ),
        ),
    },
    {
        "slug": "informatiebijeenkomst-maatwerkvoorziening",
        "title": "Informatiebijeenkomst: zo vraagt u een maatwerkvoorziening aan",
        "lead": (
            "Het nieuwe zorgportaal maakt aanvragen voor de Wmo eenvoudiger. Op {dag:+16} laten we zien hoe het "
            "werkt. De bijeenkomst is bedoeld voor wijkverpleegkundigen, casemanagers en buurtteams."
        ),
        "kind": "bijeenkomst",
        "themes": ["wmo"],
        "days_ago": 8,
        "event": {
            "in_days": 16,
            "start": "14:00",
            "end": "16:30",
            "location": "Wijkcentrum De Linde",
            "address": "Lindelaan 4, 1234 CD {stad}",
            "registration": "https://www.example.nl/bijeenkomst-zorgportaal",
        },
        "body": body(
            p(
                "Sinds kort vraagt u een maatwerkvoorziening aan via het nieuwe zorgportaal. Veel professionals "
                "hebben daar vragen over. Tijdens deze middag geven medewerkers van de gemeente een demonstratie en "
                "beantwoorden zij uw vragen."
            ),
            h2("Onderwerpen"),
            ul(
                "Inloggen en machtigingen regelen voor uw team.",
                (
                    "Een aanvraag doen voor:",
                    ["begeleiding,", "hulp bij het huishouden,", "woningaanpassingen en hulpmiddelen."],
                ),
                "De status van een aanvraag volgen.",
            ),
            p(
                "Neem gerust uw laptop mee. Na afloop is er tijd om met elkaar na te praten. Aanmelden is nodig, "
                "want er zijn 60 plaatsen."
            ),
        ),
        "links": [("Aanmelden voor de informatiebijeenkomst", "https://www.example.nl/bijeenkomst-zorgportaal")],
    },
    {
        "title": "Nieuwe ontmoetingsplek geopend in de Oosterwijk",
        "lead": (
            "In de voormalige bibliotheek in de Oosterwijk zit nu buurtkamer De Kroon. Iedereen is welkom voor een "
            "kop koffie, een spelletje of hulp bij formulieren."
        ),
        "kind": "nieuws",
        "themes": ["sociale-basis", "ouderen"],
        "days_ago": 75,
        "body": body(
            p(
                "De buurtkamer is een initiatief van bewoners, samen met de welzijnsorganisatie en de "
                "woningcorporatie. Twintig vrijwilligers zorgen ervoor dat de deur van maandag tot en met vrijdag "
                "open is."
            ),
            h2("Wat is er te doen?"),
            ul(
                "elke ochtend een inloop met koffie en thee,",
                "op dinsdag een gezamenlijke lunch voor 3 euro,",
                "op donderdag het spreekuur van het buurtteam,",
                "taalcafé en digicafé voor hulp met de computer en telefoon.",
            ),
            p(
                "Kent u iemand in de wijk die weinig mensen ziet? Wijs hem of haar op De Kroon. De vrijwilligers "
                "kunnen ook iemand thuis ophalen voor de eerste keer."
            ),
            p("Buurtkamer De Kroon, Kroonstraat 21. Open op werkdagen van 9.30 tot 16.00 uur."),
        ),
    },
    {
        "title": "Vrijwilligerscentrale lanceert matchplatform ‘Doe ook mee’",
        "lead": (
            "Organisaties die vrijwilligers zoeken en inwoners die iets willen doen, vinden elkaar nu op één "
            "website. Zet uw vacatures er gratis op."
        ),
        "kind": "nieuws",
        "themes": ["sociale-basis"],
        "days_ago": 185,
        "body": body(
            p(
                "Veel organisaties in zorg en welzijn draaien op vrijwilligers. Tegelijk willen veel inwoners iets "
                "doen, maar weten ze niet waar ze moeten beginnen. Het platform ‘Doe ook mee’ brengt vraag en aanbod "
                "bij elkaar."
            ),
            h2("Zo werkt het"),
            ol(
                "Uw organisatie maakt een account aan.",
                "U plaatst een vacature met een duidelijke omschrijving en tijdsinvestering.",
                "Geïnteresseerden reageren direct, of krijgen hulp van een consulent.",
            ),
            p(
                "Het platform heeft ook korte klussen, zoals een keer helpen bij een buurtfeest. Zo kunnen mensen "
                "die weinig tijd hebben toch meedoen."
            ),
            p(
                "De vrijwilligerscentrale geeft organisaties gratis advies over het werven en begeleiden van "
                f"vrijwilligers. Kijk op {a('www.example.nl/doeookmee', 'https://www.example.nl/doeookmee')}."
            ),
        ),
    },
    {
        "title": "Buurtbudget: aanvragen voor bewonersinitiatieven geopend",
        "lead": (
            "Heeft een groep bewoners een goed idee voor de buurt? Met het buurtbudget krijgen zij tot 5.000 euro. "
            "Aanvragen kan tot en met {datum:-70}."
        ),
        "kind": "subsidie",
        "themes": ["sociale-basis", "subsidies"],
        "days_ago": 110,
        "body": body(
            p(
                "Het buurtbudget is bedoeld voor activiteiten die mensen in de buurt met elkaar verbinden. Denk aan "
                "een moestuin, een kookclub of een wandelgroep. Professionals kunnen bewoners helpen bij de aanvraag."
            ),
            h2("Voorwaarden"),
            ul(
                "Minimaal drie bewoners uit de buurt dragen het initiatief.",
                "De activiteit is voor iedereen toegankelijk.",
                (
                    "Het budget is maximaal:",
                    ["1.000 euro voor een eenmalige activiteit,", "5.000 euro voor een activiteit die een jaar loopt."],
                ),
            ),
            h2("Beoordeling"),
            p(
                "Een commissie met bewoners beoordeelt de aanvragen. Binnen zes weken na de sluitingsdatum hoort u "
                "of de aanvraag is toegekend."
            ),
        ),
        "links": [("Buurtbudget aanvragen", "https://www.example.nl/subsidies/buurtbudget")],
    },
    {
        "title": "Mantelzorgwaardering aanvragen kan weer",
        "lead": (
            "Mantelzorgers in {stad} kunnen weer de jaarlijkse mantelzorgwaardering aanvragen: een cadeaukaart van "
            "75 euro. Aanvragen kan tot en met {datum:+40}."
        ),
        "kind": "nieuws",
        "themes": ["mantelzorg"],
        "days_ago": 21,
        "body": body(
            p(
                "Met de mantelzorgwaardering zegt de gemeente dank je wel tegen iedereen die zorgt voor een naaste. "
                "Vorig jaar vroegen ruim 4.200 mantelzorgers de waardering aan. We hopen dit jaar nog meer mensen te "
                "bereiken, ook jonge mantelzorgers."
            ),
            h2("Wie kan de waardering aanvragen?"),
            ul(
                "U zorgt minimaal drie maanden voor iemand die in {stad} woont.",
                "De zorg kost u meer dan acht uur per week.",
                "De persoon voor wie u zorgt, mag ook de aanvraag doen.",
            ),
            h2("Helpt u mee?"),
            p(
                "Veel mantelzorgers zien zichzelf niet als mantelzorger. Wijs uw cliënten en hun naasten op de "
                "regeling. Het Steunpunt Mantelzorg helpt bij het aanvragen."
            ),
        ),
        "links": [("Mantelzorgwaardering aanvragen", "https://www.example.nl/mantelzorgwaardering")],
    },
    {
        "slug": "netwerkbijeenkomst-jonge-mantelzorgers",
        "title": "Netwerkbijeenkomst jonge mantelzorgers",
        "lead": (
            "Hoe herkent u een jongere die thuis zorgt voor een ouder, broer of zus? Op {dag:-283} praten we daarover "
            "met jonge mantelzorgers zelf."
        ),
        "kind": "bijeenkomst",
        "themes": ["mantelzorg", "jeugd"],
        "days_ago": 305,
        "event": {
            "in_days": -283,
            "start": "15:30",
            "end": "18:00",
            "location": "Jongerencentrum De Haven",
            "address": "Havenkade 2, 1234 EF {stad}",
            "registration": "https://www.example.nl/jongemantelzorgers",
        },
        "body": body(
            p(
                "Naar schatting heeft een op de vijf jongeren thuis een zorgtaak. De meesten praten daar niet over. "
                "Op school of op de sportclub weet vaak niemand het. Dat is zonde, want er is steun."
            ),
            h2("Voor wie?"),
            p(
                "Deze bijeenkomst is voor mentoren, jongerenwerkers, jeugdverpleegkundigen en medewerkers van "
                "buurtteams. Drie jonge mantelzorgers vertellen over hun ervaringen. Daarna bespreken we in kleine "
                "groepen wat u in uw werk kunt doen."
            ),
            h3("Programma"),
            ul("Inloop met soep en broodjes", "Verhalen van jonge mantelzorgers", "Gesprek in groepjes", "Afsluiting"),
        ),
        "links": [("Aanmelden", "https://www.example.nl/jongemantelzorgers")],
    },
    {
        "title": "Terugblik: jonge mantelzorgers vertellen hun verhaal",
        "lead": (
            "Tijdens de netwerkbijeenkomst van {datum:-283} deelden drie jonge mantelzorgers hun ervaringen met "
            "zestig professionals. Hun boodschap: vraag gewoon hoe het thuis gaat."
        ),
        "kind": "terugblik",
        "themes": ["mantelzorg", "jeugd"],
        "days_ago": 278,
        "related": ["netwerkbijeenkomst-jonge-mantelzorgers"],
        "body": body(
            p(
                "Lotte (17) zorgt al jaren voor haar moeder met MS. Ze vertelde dat ze op school vaak te laat kwam, "
                "maar dat niemand vroeg waarom. “Ik kreeg strafwerk, geen vraag.”"
            ),
            quote(
                "Ik wilde geen zielig verhaal zijn. Maar ik had het fijn gevonden als één docent had gevraagd hoe "
                "het thuis ging.",
                "Lotte, jonge mantelzorger",
            ),
            h2("Tips uit de groepsgesprekken"),
            ul(
                "Vraag naar de thuissituatie bij verzuim of vermoeidheid.",
                "Maak afspraken over flexibele deadlines.",
                "Verwijs naar het Steunpunt Mantelzorg, dat speciale activiteiten voor jongeren heeft.",
            ),
            p(
                "Scholen in {stad} gaan met het steunpunt een vast aanspreekpunt voor jonge mantelzorgers aanwijzen. "
                "De presentatie van de middag staat online."
            ),
        ),
    },
    {
        "title": "Logeerhuis De Boomgaard biedt extra plekken voor respijtzorg",
        "lead": (
            "Mantelzorgers die even vrij willen nemen, kunnen hun naaste vaker laten logeren. Logeerhuis De "
            "Boomgaard heeft er vier kamers bij."
        ),
        "kind": "nieuws",
        "themes": ["mantelzorg", "wmo"],
        "days_ago": 420,
        "body": body(
            p(
                "Respijtzorg betekent dat iemand anders de zorg tijdelijk overneemt. Zo kan de mantelzorger op "
                "vakantie, uitrusten of zelf naar het ziekenhuis. Er was een wachtlijst voor het logeerhuis. Met de "
                "extra kamers moet die verdwijnen."
            ),
            h2("Voor wie?"),
            p(
                "Het logeerhuis is er voor volwassenen met dementie, een lichamelijke beperking of een "
                "psychische aandoening. Gasten kunnen er een weekend of maximaal twee weken verblijven."
            ),
            h2("Aanvragen"),
            p(
                "Een verblijf vraagt u aan via het buurtteam. Er is een eigen bijdrage van 20 euro per etmaal. "
                "Mantelzorgers met een laag inkomen kunnen die laten vergoeden."
            ),
        ),
    },
    {
        "slug": "themamiddag-eenzaamheid-ouderen",
        "title": "Themamiddag: eenzaamheid onder ouderen herkennen en bespreekbaar maken",
        "lead": (
            "Eenzaamheid is vaak onzichtbaar. Op {dag:+24} leert u signalen herkennen en het gesprek aangaan. Voor "
            "iedereen die beroepsmatig of als vrijwilliger met ouderen werkt."
        ),
        "kind": "bijeenkomst",
        "themes": ["ouderen", "sociale-basis"],
        "days_ago": 4,
        "event": {
            "in_days": 24,
            "start": "13:30",
            "end": "16:30",
            "location": "Buurtkamer De Kroon",
            "address": "Kroonstraat 21, 1234 GH {stad}",
            "registration": "https://www.example.nl/themamiddag-eenzaamheid",
        },
        "body": body(
            p(
                "Bijna de helft van de 75-plussers in {stad} voelt zich weleens eenzaam. Mensen praten er niet "
                "makkelijk over. Wie met ouderen werkt, kan een groot verschil maken door het te zien en te vragen."
            ),
            h2("Wat leert u?"),
            ul(
                "welke signalen kunnen wijzen op eenzaamheid,",
                "hoe u het onderwerp aansnijdt zonder dat het ongemakkelijk wordt,",
                "naar welke activiteiten en hulp u kunt verwijzen.",
            ),
            p(
                "Een trainer van de welzijnsorganisatie leidt de middag. Er is ruimte om oefensituaties uit uw eigen "
                "werk in te brengen. De middag is gratis, maar aanmelden is verplicht."
            ),
        ),
        "links": [("Aanmelden voor de themamiddag", "https://www.example.nl/themamiddag-eenzaamheid")],
    },
    {
        "title": "Gratis valpreventietraining voor 65-plussers",
        "lead": (
            "Elk jaar belanden honderden ouderen in {stad} na een val in het ziekenhuis. Een training van tien "
            "weken vermindert dat risico flink. Fysiotherapeuten geven de training gratis in de wijk."
        ),
        "kind": "nieuws",
        "themes": ["ouderen", "volksgezondheid"],
        "days_ago": 232,
        "body": body(
            p(
                "Vallen is de belangrijkste oorzaak van letsel bij ouderen. Na een val durven veel mensen minder, "
                "waardoor ze juist zwakker worden. De training ‘Sterk en stabiel’ doorbreekt die cirkel."
            ),
            h2("Over de training"),
            ul(
                "tien lessen van een uur, in kleine groepen,",
                "oefeningen voor kracht en evenwicht,",
                "tips om thuis veilig te wonen, zoals goede verlichting en het weghalen van losse kleden.",
            ),
            p(
                "Huisartsen, wijkverpleegkundigen en ouderenadviseurs kunnen ouderen aanmelden. Ouderen kunnen zich "
                "ook zelf aanmelden bij de fysiotherapeut in de buurt."
            ),
        ),
    },
    {
        "title": "Ouderenadviseurs komen op huisbezoek bij 75-plussers",
        "lead": (
            "Alle inwoners die dit jaar 75 worden, krijgen een brief met het aanbod van een gratis huisbezoek. "
            "Een ouderenadviseur praat met hen over wonen, gezondheid, geld en contacten."
        ),
        "kind": "nieuws",
        "themes": ["ouderen", "wmo"],
        "days_ago": 380,
        "body": body(
            p(
                "Veel ouderen wachten te lang met hulp vragen. Soms is er dan al veel misgegaan, bijvoorbeeld een val "
                "of een onbetaalde rekening. Een gesprek op tijd helpt om dat te voorkomen."
            ),
            h2("Het gesprek"),
            p(
                "De ouderenadviseur neemt ongeveer een uur de tijd. Samen kijken ze naar wat goed gaat en wat lastiger "
                "wordt. De adviseur weet de weg naar activiteiten in de buurt, hulpmiddelen en regelingen."
            ),
            ul(
                "Het bezoek is vrijwillig en gratis.",
                "Een familielid of buur mag erbij zijn.",
                "Na het gesprek volgt alleen hulp als de oudere dat wil.",
            ),
            p("Vorig jaar nam bijna 40 procent van de 75-jarigen het aanbod aan."),
        ),
    },
    {
        "title": "Gezondheidsmonitor: meer jongeren voelen zich somber",
        "lead": (
            "Een op de vier jongeren tussen 16 en 25 jaar voelt zich vaak somber of gestrest. Dat blijkt uit de "
            "nieuwe gezondheidsmonitor. De gemeente investeert in hulp dichtbij."
        ),
        "kind": "nieuws",
        "themes": ["volksgezondheid", "jeugd"],
        "days_ago": 145,
        "body": body(
            p(
                "De gezondheidsmonitor wordt elke vier jaar gehouden onder jongeren en volwassenen. Dit jaar deden "
                "ruim 6.000 inwoners mee. Vooral de uitkomsten over jongeren baren zorgen."
            ),
            h2("Belangrijkste uitkomsten"),
            ul(
                "24 procent van de jongeren voelt zich vaak somber (vier jaar geleden 17 procent).",
                "Prestatiedruk en geldzorgen worden het vaakst genoemd.",
                "Jongeren die sporten of vrijwilligerswerk doen, voelen zich gemiddeld beter.",
            ),
            h2("Wat doet de gemeente?"),
            p(
                "De gemeente breidt de inloop voor jongeren in de bibliotheek uit en traint docenten in het "
                "herkennen van signalen. Ook komt er een campagne die jongeren aanmoedigt om over hun gevoelens te "
                "praten."
            ),
        ),
    },
    {
        "title": "Scholen en sportclubs werken samen aan gezond gewicht",
        "lead": (
            "In vier wijken starten basisscholen en sportverenigingen een gezamenlijk programma. Kinderen sporten na "
            "schooltijd gratis en leren over gezond eten."
        ),
        "kind": "nieuws",
        "themes": ["volksgezondheid", "jeugd"],
        "days_ago": 250,
        "body": body(
            p(
                "In sommige wijken van {stad} heeft een op de vijf kinderen overgewicht. Dat heeft gevolgen voor hun "
                "gezondheid en vaak ook voor hoe ze zich voelen. Alleen een dieet helpt zelden. Daarom pakken we het "
                "breed aan."
            ),
            h2("Wat houdt het programma in?"),
            ul(
                "twee keer per week sporten na school, onder leiding van een buurtsportcoach,",
                "water drinken op school in plaats van zoete drankjes,",
                "kooklessen voor ouders en kinderen samen,",
                "een diëtist en jeugdverpleegkundige voor gezinnen die meer hulp willen.",
            ),
            quote(
                "We willen niet wijzen, we willen het gezonde gewoon makkelijker maken.",
                "Buurtsportcoach in de Westpolder",
            ),
        ),
    },
    {
        "title": "Nota Gezond in {stad} {jaar:+0}-{jaar:+3} vastgesteld",
        "lead": (
            "De gemeenteraad heeft de nieuwe nota volksgezondheid vastgesteld. De nadruk ligt op mentale "
            "gezondheid, gezond gewicht en minder verschil in gezondheid tussen wijken."
        ),
        "kind": "publicatie",
        "themes": ["volksgezondheid", "beleid-financien"],
        "days_ago": 355,
        "body": body(
            p(
                "Inwoners van de armste wijken leven gemiddeld zes jaar korter dan inwoners van de rijkste wijken. "
                "Dat verschil wil de gemeente kleiner maken. De nota beschrijft hoe."
            ),
            h2("Drie speerpunten"),
            ol(
                "Mentale gezondheid: meer laagdrempelige steun voor jongeren en volwassenen.",
                "Gezond gewicht: een gezonde omgeving rond scholen en in wijken.",
                "Gezondheidsverschillen: extra inzet in vier wijken, samen met huisartsen en welzijn.",
            ),
            p(
                "De nota is tot stand gekomen met inbreng van meer dan tweehonderd professionals en inwoners. Wij "
                "danken iedereen die heeft meegedacht."
            ),
        ),
        "links": [("Lees de nota Gezond in {stad}", "https://www.example.nl/nota-gezond")],
    },
    {
        "slug": "webinar-mentale-gezondheid-werk",
        "title": "Webinar: mentale gezondheid op het werk",
        "lead": (
            "Hoe ondersteunt u werkzoekenden en werknemers met psychische klachten? Op {dag:-420} organiseren het "
            "Werkplein en Team Gezondheid een webinar voor professionals."
        ),
        "kind": "bijeenkomst",
        "themes": ["volksgezondheid", "werk-inkomen"],
        "days_ago": 436,
        "event": {
            "in_days": -420,
            "start": "19:30",
            "end": "21:00",
            "location": "Online",
            "registration": "https://www.example.nl/webinar-werk",
        },
        "body": body(
            p(
                "Psychische klachten zijn een van de belangrijkste redenen dat mensen uitvallen of moeilijk aan het "
                "werk komen. In dit webinar hoort u hoe werk juist kan bijdragen aan herstel."
            ),
            h2("Sprekers"),
            ul(
                "een bedrijfsarts over vroege signalen,",
                "een trajectbegeleider van het Werkplein over de methode ‘Eerst plaatsen, dan trainen’,",
                "een ervaringsdeskundige over haar weg terug naar werk.",
            ),
            p("Het webinar duurt anderhalf uur. U kunt vooraf vragen insturen. Na aanmelding ontvangt u de link."),
        ),
        "links": [("Aanmelden voor het webinar", "https://www.example.nl/webinar-werk")],
    },
    {
        "title": "Kijk terug: webinar mentale gezondheid op het werk",
        "lead": (
            "Ruim 180 professionals volgden het webinar over mentale gezondheid en werk. Heeft u het gemist? De "
            "opname en de antwoorden op alle vragen staan online."
        ),
        "kind": "terugblik",
        "themes": ["volksgezondheid", "werk-inkomen"],
        "days_ago": 416,
        "related": ["webinar-mentale-gezondheid-werk"],
        "body": body(
            p(
                "Het webinar van {datum:-420} trok deelnemers uit heel de regio: van klantmanagers en jobcoaches tot "
                "huisartsen en medewerkers van de ggz."
            ),
            h2("Drie lessen"),
            ol(
                "Wacht niet tot iemand helemaal hersteld is: passend werk helpt bij herstel.",
                "Betrek de werkgever vroeg, met toestemming van de werknemer.",
                "Zorg dat zorg en werkbegeleiding elkaar kennen en samen één plan maken.",
            ),
            quote(
                "Mijn baan gaf me weer een reden om ’s ochtends op te staan. Dat was het begin van mijn herstel.",
                "Ervaringsdeskundige tijdens het webinar",
            ),
            p("Het Werkplein organiseert in het voorjaar een vervolg met workshops in kleine groepen."),
        ),
        "links": [("Bekijk de opname van het webinar", "https://www.example.nl/webinar-werk-terugkijken")],
    },
    {
        "title": "‘Een kop koffie is vaak het begin’",
        "subtitle": "Een dag op pad met buurtwerker Ineke van Dijk",
        "lead": (
            "Buurtwerker Ineke van Dijk kent in de Westpolder bijna iedereen. Ze ziet wie zich terugtrekt en wie "
            "hulp nodig heeft. Wij liepen een dag met haar mee."
        ),
        "kind": "interview",
        "themes": ["sociale-basis", "ouderen"],
        "days_ago": 60,
        "undated": True,
        "author": "Redactie sociaal domein",
        "body": body(
            p(
                "Om negen uur staat Ineke al in de buurtkamer. Ze zet koffie en maakt een praatje met de eerste "
                "bezoekers. “Hier hoor ik alles,” zegt ze. “Wie ziek is, wie verhuist, wie al dagen niet buiten is "
                "geweest.”"
            ),
            h2("Signalen opvangen"),
            p(
                "Later die ochtend belt ze aan bij meneer Postma, 84 jaar. Zijn buurvrouw maakte zich zorgen omdat "
                "de gordijnen dicht bleven. Hij blijkt griep te hebben en heeft al twee dagen niet gegeten. Ineke "
                "regelt boodschappen via een vrijwilliger en belt de huisarts."
            ),
            quote(
                "Ik ben geen hulpverlener met een dossier. Ik ben de buurvrouw die weet wie ze moet bellen.",
                "Ineke van Dijk, buurtwerker Westpolder",
            ),
            h2("Samenwerken"),
            p(
                "Ineke werkt nauw samen met het buurtteam, de wijkagent en de woningcorporatie. Eens per maand "
                "bespreken ze zorgen over bewoners, altijd met respect voor privacy. Volgens Ineke is dat de kracht "
                "van de wijk: “Niemand hoeft het alleen te doen, wij ook niet.”"
            ),
        ),
    },
    {
        "title": "Informatiekrant Zorg en Welzijn {jaar:+0} valt deze week op de mat",
        "lead": (
            "Alle huishoudens in {stad} ontvangen deze week de Informatiekrant Zorg en Welzijn. Daarin staat waar "
            "inwoners terecht kunnen met vragen over ondersteuning, mantelzorg en geld."
        ),
        "kind": "publicatie",
        "themes": ["wmo", "mantelzorg", "ouderen"],
        "days_ago": 62,
        "documents": ["informatiekrant-zorg-en-welzijn-{jaar:+0}"],
        "body": body(
            p(
                "De krant verschijnt eens per jaar. Veel inwoners, vooral ouderen, lezen liever op papier. Daarom "
                "blijft de gemeente de krant huis-aan-huis verspreiden. Er is ook een digitale versie die voorleest."
            ),
            h2("In deze editie"),
            ul(
                "hulp in de buurt: wat het buurtteam doet,",
                "mantelzorg: ervaringen van drie mantelzorgers,",
                "rondkomen: de Stadspas en het Geldloket,",
                "langer thuis wonen: hulpmiddelen en woningaanpassingen.",
            ),
            p(
                "Wilt u extra exemplaren voor uw wachtkamer of organisatie? Bestel ze gratis. Er is ook een versie "
                "in eenvoudige taal en in het Engels, Arabisch en Turks."
            ),
        ),
        "links": [("Extra exemplaren bestellen", "https://www.example.nl/informatiekrant")],
    },
    {
        "title": "Gemeenteraad stelt nota Samen thuis in de wijk vast",
        "lead": (
            "De raad heeft ingestemd met de nota Samen thuis in de wijk {jaar:+0}-{jaar:+4}. Buurtteams krijgen "
            "meer ruimte en welzijnsorganisaties een subsidie voor meerdere jaren."
        ),
        "kind": "publicatie",
        "themes": ["sociale-basis", "wmo", "beleid-financien"],
        "days_ago": 150,
        "documents": ["beleidsnota-samen-thuis-in-de-wijk-{jaar:+0}-{jaar:+4}"],
        "body": body(
            p(
                "Met de nota kiest de gemeente voor hulp dichtbij huis. Het idee is dat lichte steun in de buurt "
                "voorkomt dat mensen later zware zorg nodig hebben. Dat is beter voor inwoners en houdt de zorg "
                "betaalbaar."
            ),
            h2("Wat betekent dit voor uw organisatie?"),
            ul(
                "Welzijnsorganisaties kunnen een subsidie voor vier jaar aanvragen.",
                "Buurtteams mogen lichte ondersteuning bieden zonder indicatie.",
                (
                    "De gemeente gaat anders meten:",
                    ["minder tellen van contactmomenten,", "meer vragen naar de ervaring van inwoners."],
                ),
            ),
            p(
                "De gemeente organiseert in de komende maanden bijeenkomsten per wijk om de plannen verder uit te "
                "werken. U ontvangt daarvoor een uitnodiging."
            ),
        ),
    },
]
