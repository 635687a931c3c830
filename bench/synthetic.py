"""A synthetic news archive: varied articles with quotes whose speakers and offsets are known.

Every article is built from sentence templates filled with people, places, organisations,
numbers and topic vocabulary, so the lexeme distribution looks like news (a few very common
words, a long tail of rare ones) rather than one text copied many times.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

GIVEN = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Karin",
    "Liam",
    "Maria",
    "Nikos",
    "Olga",
    "Pedro",
    "Quentin",
    "Rosa",
    "Samir",
    "Tanya",
    "Ulrich",
    "Vera",
    "Walter",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Amara",
    "Bruno",
    "Chiara",
    "Dmitri",
    "Esther",
    "Felix",
    "Greta",
    "Hassan",
    "Ingrid",
    "Javier",
    "Kenji",
    "Leila",
    "Marco",
    "Nadia",
    "Oscar",
    "Priya",
    "Rahul",
    "Sofia",
    "Tomas",
    "Ursula",
    "Viktor",
    "Wendy",
    "Yara",
    "Zane",
    "Aisha",
    "Boris",
    "Celine",
    "Diego",
    "Emeka",
    "Fatima",
    "Gustav",
    "Helga",
    "Ivan",
    "Julia",
]
SURNAMES = [
    "Albrecht",
    "Barros",
    "Castillo",
    "Dimitrov",
    "Eriksen",
    "Fontaine",
    "Gallagher",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Schneider",
    "Takahashi",
    "Urbina",
    "Vasquez",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zielinski",
    "Andersen",
    "Bianchi",
    "Costa",
    "Dubois",
    "Esposito",
    "Fischer",
    "Garcia",
    "Horvat",
    "Iqbal",
    "Jovanovic",
    "Keller",
    "Lambert",
    "Mendes",
    "Nielsen",
    "Oliveira",
    "Popescu",
    "Ramos",
    "Santos",
    "Tanaka",
    "Ueda",
    "Varga",
    "Walsh",
    "Young",
    "Zhang",
    "Adeyemi",
    "Brennan",
    "Carvalho",
    "Delacroix",
    "Engel",
    "Ferrari",
    "Grant",
    "Hoffmann",
    "Ibrahim",
]
ROLES = (
    "finance minister",
    "health minister",
    "chief executive",
    "mayor",
    "spokesperson",
    "chief economist",
    "union leader",
    "opposition leader",
    "defence secretary",
    "senior analyst",
    "director-general",
    "professor of economics",
    "head of research",
    "police commissioner",
    "environment minister",
)
ORGS = [
    "the central bank",
    "the treasury",
    "the World Health Organization",
    "the European Commission",
    "the transport ministry",
    "the national grid operator",
    "the teachers' union",
    "the farmers' federation",
    "the chamber of commerce",
    "the statistics office",
    "the port authority",
    "the energy regulator",
    "the housing agency",
    "the competition authority",
    "the Red Cross",
    "the International Monetary Fund",
    "the city council",
    "the coast guard",
    "the defence ministry",
    "the climate institute",
]
PLACES = [
    "Lisbon",
    "Oslo",
    "Nairobi",
    "Lagos",
    "Manila",
    "Lima",
    "Quito",
    "Krakow",
    "Gdansk",
    "Porto",
    "Seville",
    "Lyon",
    "Marseille",
    "Hamburg",
    "Leipzig",
    "Rotterdam",
    "Antwerp",
    "Tallinn",
    "Riga",
    "Vilnius",
    "Helsinki",
    "Bergen",
    "Aarhus",
    "Malmo",
    "Dublin",
    "Cork",
    "Glasgow",
    "Leeds",
    "Bristol",
    "Cardiff",
    "Belfast",
    "Toronto",
    "Calgary",
    "Denver",
    "Austin",
    "Phoenix",
    "Tucson",
    "Osaka",
    "Busan",
    "Jakarta",
    "Surabaya",
    "Hanoi",
    "Dhaka",
    "Karachi",
    "Lahore",
    "Accra",
    "Dakar",
    "Tunis",
    "Casablanca",
    "Cairo",
    "Amman",
    "Beirut",
    "Tbilisi",
    "Yerevan",
    "Baku",
    "Almaty",
    "Tashkent",
    "Ulaanbaatar",
    "Auckland",
    "Perth",
    "Adelaide",
]
PUBLISHERS = [
    "The Daily Ledger",
    "Northern Courier",
    "Global Wire",
    "The Harbour Times",
    "Capital Dispatch",
    "Evening Standard Post",
    "The Continental",
    "Metro Herald",
    "The Observer Review",
    "Coastal Gazette",
    "Financial Chronicle",
    "The Policy Brief",
    "Morning Bulletin",
    "The Civic Record",
    "World Desk",
    "The Regional Tribune",
    "Valley News",
    "The Market Journal",
    "Island Voice",
    "The Frontier Mail",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "economy": {
        "noun": (
            "inflation",
            "interest rates",
            "wage growth",
            "the budget deficit",
            "exports",
            "consumer spending",
            "unemployment",
            "public debt",
            "the currency",
            "tax revenue",
        ),
        "verb": ("rose", "fell", "stalled", "slowed", "accelerated", "recovered", "weakened"),
        "action": (
            "cut spending",
            "raise interest rates",
            "freeze public sector pay",
            "lower corporation tax",
            "expand credit to small firms",
            "protect pensions",
        ),
        "thing": ("the recovery", "household incomes", "the banking sector", "small businesses"),
    },
    "health": {
        "noun": (
            "waiting lists",
            "hospital admissions",
            "vaccination rates",
            "nurse vacancies",
            "emergency response times",
            "drug prices",
            "cancer screening",
            "bed occupancy",
        ),
        "verb": ("rose", "fell", "doubled", "improved", "worsened", "levelled off"),
        "action": (
            "hire more nurses",
            "open new clinics",
            "fund mental health services",
            "cap prescription charges",
            "build a children's hospital",
            "train more doctors",
        ),
        "thing": ("patients", "the health service", "rural clinics", "care homes"),
    },
    "climate": {
        "noun": (
            "carbon emissions",
            "flood defences",
            "solar capacity",
            "coal output",
            "average temperatures",
            "wildfire risk",
            "sea levels",
            "electric car sales",
        ),
        "verb": ("rose", "fell", "surged", "declined", "hit a record", "plateaued"),
        "action": (
            "phase out coal",
            "plant a million trees",
            "subsidise heat pumps",
            "tax aviation fuel",
            "protect the wetlands",
            "build offshore wind farms",
        ),
        "thing": ("coastal towns", "farmers", "the energy transition", "future generations"),
    },
    "transport": {
        "noun": (
            "rail fares",
            "commuter delays",
            "road deaths",
            "bus ridership",
            "airport traffic",
            "freight volumes",
            "cycling rates",
            "ticket sales",
        ),
        "verb": ("rose", "fell", "jumped", "slumped", "recovered", "stagnated"),
        "action": (
            "electrify the railway",
            "extend the metro line",
            "lower bus fares",
            "build a new bypass",
            "reopen the ferry route",
            "ban diesel lorries",
        ),
        "thing": ("commuters", "the rail network", "city centres", "hauliers"),
    },
    "housing": {
        "noun": (
            "house prices",
            "rents",
            "mortgage approvals",
            "homelessness",
            "building permits",
            "social housing stock",
            "eviction notices",
            "construction costs",
        ),
        "verb": ("rose", "fell", "soared", "eased", "climbed", "dropped sharply"),
        "action": (
            "build affordable homes",
            "cap rent increases",
            "tax empty properties",
            "release public land",
            "help first-time buyers",
            "regulate short-term lets",
        ),
        "thing": ("young families", "tenants", "the construction industry", "landlords"),
    },
    "defence": {
        "noun": (
            "military spending",
            "troop numbers",
            "arms exports",
            "recruitment",
            "border incidents",
            "cyber attacks",
            "naval patrols",
            "ammunition stocks",
        ),
        "verb": ("rose", "fell", "increased", "decreased", "intensified", "eased"),
        "action": (
            "modernise the armed forces",
            "send more peacekeepers",
            "train local forces",
            "strengthen air defences",
            "share intelligence with allies",
            "expand the navy",
        ),
        "thing": ("the alliance", "our soldiers", "the border regions", "national security"),
    },
    "education": {
        "noun": (
            "exam results",
            "class sizes",
            "teacher shortages",
            "university fees",
            "school attendance",
            "literacy rates",
            "apprenticeships",
            "dropout rates",
        ),
        "verb": ("rose", "fell", "improved", "declined", "stabilised", "deteriorated"),
        "action": (
            "raise teachers' pay",
            "scrap tuition fees",
            "provide free school meals",
            "repair crumbling classrooms",
            "expand nursery places",
            "fund adult learning",
        ),
        "thing": ("pupils", "our schools", "graduates", "disadvantaged children"),
    },
    "technology": {
        "noun": (
            "broadband coverage",
            "data breaches",
            "chip production",
            "startup funding",
            "online fraud",
            "software exports",
            "research spending",
            "patent filings",
        ),
        "verb": ("rose", "fell", "grew", "shrank", "tripled", "collapsed"),
        "action": (
            "regulate artificial intelligence",
            "roll out fibre broadband",
            "protect personal data",
            "fund chip factories",
            "train software engineers",
            "tax digital platforms",
        ),
        "thing": ("consumers", "the tech sector", "online privacy", "digital services"),
    },
}

QUOTE_TEMPLATES = (
    "We will {action} before the end of {year}, because {thing} cannot wait any longer.",
    "The figures on {noun} are {adj}, and anyone who says otherwise is not looking at the data.",
    "Our priority is to {action}, not to score points against the opposition.",
    "I have said many times that we must {action}, and I stand by that.",
    "Nobody in {place} wants to see {noun} {verb} again next year.",
    "If we fail to {action}, {thing} will pay the price for a decade.",
    "This is a {adj} moment for {thing}, and we intend to rise to it.",
    "There is no easy way to {action}, but doing nothing is not an option.",
    "The government has promised to {action} three times and delivered nothing.",
    "We are asking for {number} million to {action}, which is a modest sum.",
    "People in {place} tell me every day that {noun} is their biggest worry.",
    "Frankly, the plan to {action} was badly designed from the start.",
)
NARRATIVE_TEMPLATES = (
    "{Noun} {verb} by {pct} per cent in {place} last {period}, according to figures published "
    "by {org} on {day}.",
    "The announcement comes after months of pressure from {org} over {noun}.",
    "Officials in {place} said {noun} had {verb} for the {ordinal} consecutive quarter.",
    "Critics argue the plan does little for {thing} and leaves {noun} largely unaddressed.",
    "{org_cap} estimates that it would cost about {number} million to {action}.",
    "The debate over {noun} has divided {org} for much of the past year.",
    "Last {period}, {number} people in {place} signed a petition calling on {org} to {action}.",
    "Analysts had expected {noun} to have {verb} more slowly than it did.",
)
ADJ = (
    "deeply worrying",
    "encouraging",
    "alarming",
    "disappointing",
    "remarkable",
    "historic",
    "difficult",
    "decisive",
    "sobering",
    "unprecedented",
)
CUES = (
    "said",
    "told reporters",
    "said in a statement",
    "told a press conference",
    "added",
    "warned",
    "argued",
    "told lawmakers",
)
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")
PERIODS = ("month", "quarter", "year", "week")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str
    org: str

    @property
    def honorific(self) -> str:
        return f"{'Ms' if sum(map(ord, self.name)) % 2 else 'Mr'} {self.name.split()[-1]}"


@dataclass(frozen=True, slots=True)
class SyntheticQuote:
    start: int
    end: int
    speaker: int  # index into the people list
    mention_start: int
    mention_end: int
    cue: str


@dataclass(frozen=True, slots=True)
class SyntheticDocument:
    title: str
    text: str
    publisher: str
    published_at: datetime
    quotes: tuple[SyntheticQuote, ...]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def people(count: int, seed: int = 7) -> list[Person]:
    """Distinct people with a role at an organisation (full names are unique)."""
    rng = random.Random(seed)
    names = [f"{g} {s}" for g in GIVEN for s in SURNAMES]
    rng.shuffle(names)
    return [Person(name, rng.choice(ROLES), rng.choice(ORGS)) for name in names[:count]]


class ArticleWriter:
    """Writes one article at a time from templates; deterministic for a given seed."""

    def __init__(self, cast: list[Person], seed: int) -> None:
        self.cast = cast
        self.rng = random.Random(seed)

    def article(self, number: int) -> SyntheticDocument:
        rng = self.rng
        topic = TOPICS[rng.choice(list(TOPICS))]
        place = rng.choice(PLACES)
        speakers = rng.sample(range(len(self.cast)), k=rng.randint(1, 3))
        text, quotes = "", []
        for index in range(rng.randint(3, 5)):
            if index and rng.random() < 0.35:
                paragraph = self._narrative(topic, place, rng.randint(1, 3))
            else:
                speaker = speakers[index % len(speakers)]
                paragraph, quote = self._quoted(topic, place, speaker, len(text), first=index < 2)
                quotes.append(quote)
            text += paragraph + "\n\n"
        text += f"Reporting by the {rng.choice(PLACES)} desk, story {number}."
        title = self._fill(topic, place, "{Noun} {verb} in {place} as {org} weighs options")
        published = datetime(2015, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 5_200_000))
        return SyntheticDocument(title, text, rng.choice(PUBLISHERS), published, tuple(quotes))

    def _quoted(
        self, topic: dict[str, tuple[str, ...]], place: str, speaker: int, offset: int, first: bool
    ) -> tuple[str, SyntheticQuote]:
        rng = self.rng
        person = self.cast[speaker]
        spoken = " ".join(
            self._fill(topic, place, rng.choice(QUOTE_TEMPLATES)) for _ in range(rng.randint(1, 2))
        )
        mention = person.name if first else person.honorific
        cue = rng.choice(CUES)
        described = f"{mention}, {person.role} at {person.org}," if first else mention
        opening = "“"
        paragraph = f"{opening}{spoken}” {described} {cue}"
        paragraph += f" in {place} on {rng.choice(DAYS)}." if rng.random() < 0.6 else "."
        if rng.random() < 0.5:
            paragraph += " " + self._fill(topic, place, rng.choice(NARRATIVE_TEMPLATES))
        start = offset + len(opening)
        mention_start = offset + paragraph.index(mention, len(spoken))
        quote = SyntheticQuote(
            start, start + len(spoken), speaker, mention_start, mention_start + len(mention), cue
        )
        return paragraph, quote

    def _narrative(self, topic: dict[str, tuple[str, ...]], place: str, sentences: int) -> str:
        return " ".join(
            self._fill(topic, place, self.rng.choice(NARRATIVE_TEMPLATES)) for _ in range(sentences)
        )

    def _fill(self, topic: dict[str, tuple[str, ...]], place: str, template: str) -> str:
        rng = self.rng
        noun = rng.choice(topic["noun"])
        org = rng.choice(ORGS)
        return template.format(
            action=rng.choice(topic["action"]),
            thing=rng.choice(topic["thing"]),
            noun=noun,
            Noun=noun[0].upper() + noun[1:],
            verb=rng.choice(topic["verb"]),
            adj=rng.choice(ADJ),
            place=place if rng.random() < 0.7 else rng.choice(PLACES),
            year=rng.randint(2016, 2030),
            number=rng.randint(2, 950),
            pct=f"{rng.randint(1, 19)}.{rng.randint(0, 9)}",
            period=rng.choice(PERIODS),
            day=rng.choice(DAYS),
            org=org,
            org_cap=org[0].upper() + org[1:],
            ordinal=rng.choice(ORDINALS),
        )
