"""Word lists for recognising who is speaking: titles, roles, groups and organisations."""

from __future__ import annotations

import re
from collections.abc import Iterable

from nameparser.config import CONSTANTS as NAMEPARSER


def wordset(words: str) -> frozenset[str]:
    """A set of words from a whitespace-separated list, kept readable in the source."""
    return frozenset(words.split())


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation for words, factored by shared prefixes.

    Python's regex engine tries alternatives one by one; a prefix tree makes a list of a few
    hundred words cost a handful of character comparisons per position instead of hundreds.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(tree)


def _node_pattern(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [
        re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


TITLES = wordset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend sen senator rep
    representative gov governor president vice-president prime minister chancellor
    secretary-general secretary general gen judge justice ambassador mayor chief captain
    capt colonel col lieutenant lt major maj sergeant sgt king queen prince princess
    pope father commissioner director inspector detective det supt superintendent
    constable coach archbishop bishop rabbi imam sheikh speaker premier congressman
    congresswoman admiral director-general chairman chairwoman councillor councilman
    dean foreign defence defense home interior finance health justice state deputy mp
    cllr cllr. rep. sen. gov. shadow acting interim
    """
)
# Party and rival labels written before a name like a title ("Republican Donald Trump").
PARTY_LABELS = wordset(
    """
    republican democrat democratic libertarian gop conservative tory labour liberal socialist
    rival
    """
)
# Titles written short with a full stop ("Sen. Maria Lopez", "Lt. Col. Ray Dunn"): our titles
# and nameparser's, four letters at most, less the words that are English on their own.
TITLE_ABBREVIATIONS = frozenset(
    title
    for title in TITLES | NAMEPARSER.titles
    if len(title) <= 4 and title.isascii() and title.isalpha()
) - wordset("her his me us uk most air pro king host maid poet pope army navy")
# The office a short title stands for, so "Sen. Bernie Sanders" is later "the senator".
TITLE_OFFICES = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "prof": "professor",
    "dr": "doctor",
    "cllr": "councillor",
    "det": "detective",
    "supt": "superintendent",
    "adm": "admiral",
    "pres": "president",
}
# Titles that say which sex a person is, for matching he/she.
MALE_TITLES = wordset(
    """
    mr sir lord king prince father brother congressman councilman
    """
)
FEMALE_TITLES = wordset("mrs ms miss dame lady queen princess sister congresswoman")

ROLE_NOUNS = wordset(
    """
    spokesman spokeswoman spokesperson secretary-general president vice-president
    chancellor minister premier chief head leader boss chairman chairwoman chair
    director director-general executive chief-executive ceo founder co-founder owner
    official analyst diplomat expert economist lawyer attorney prosecutor judge senator
    congressman congresswoman lawmaker governor mayor ambassador commander general
    officer adviser advisor aide researcher professor scientist doctor witness resident
    member candidate coach manager strategist negotiator envoy secretary representative
    mp deputy banker investor trader activist campaigner organiser organizer author
    journalist correspondent editor historian teacher nurse surgeon pilot farmer
    neighbour neighbor victim survivor protester consultant specialist fellow
    economist-in-chief commissioner detective inspector superintendent spokesmen
    cardiologist physician engineer architect master marshal warden clerk registrar
    controller administrator treasurer provost principal headteacher headmaster headmistress
    striker defender midfielder goalkeeper keeper winger captain fan supporter source person
    backbencher insider shopper customer passenger onlooker bystander player chef singer
    actor actress star rapper presenter comedian musician model influencer artist writer
    novelist poet producer dancer athlete boxer driver rider golfer cricketer sister
    brother mother grandmother grandfather wife husband son daughter friend partner
    colleague uncle aunt cousin councillor councilman councilwoman nominee narrator host
    anchor moderator delegate donor veteran pastor businessman businesswoman pollster
    operative staffer lobbyist volunteer widow widower niece nephew grandson granddaughter
    fiance fiancee announcer woman man girl boy speaker
    """
)
# A role with one of these in front is a different role: the shadow chancellor is not the
# chancellor, the former minister is not the minister.
DISTINGUISHING_MODIFIERS = wordset(
    """
    shadow former ex ex- deputy vice vice- acting interim assistant junior outgoing incoming
    previous late co- associate under
    """
)
# Role heads that mean "the person in charge" whatever the exact title is.
LEADER_NOUNS = wordset("chief head leader boss")
TOP_ROLES = wordset(
    """
    secretary-general president chancellor premier chairman chairwoman chair director
    director-general executive chief-executive ceo leader head chief prime minister
    commissioner governor mayor
    """
)

PEOPLE_PLURALS = wordset(
    """
    analysts diplomats officials experts critics economists lawmakers legislators
    politicians residents witnesses investors observers sources people activists
    campaigners protesters scientists researchers doctors teachers parents students
    voters executives traders insiders aides advisers advisors supporters opponents
    employees workers unions neighbours neighbors families relatives prosecutors lawyers
    commanders soldiers farmers fans pundits strategists bankers regulators negotiators
    spokesmen ministers leaders authorities police investigators organisers organizers
    owners shareholders experts backbenchers businesses suppliers retailers sources
    councillors members peers residents shoppers customers passengers insiders players
    mps fans supporters locals onlookers managers staff engineers nurses planners officers
    inspectors auditors consultants surveyors developers builders drivers pilots miners
    pupils patients tenants landlords homeowners commuters travellers tourists citizens
    taxpayers scholars historians lawyers judges economists senators representatives
    congressmen delegates donors listeners viewers readers
    """
)

ORG_WORDS = wordset(
    """
    council ministry department house office agency party union committee commission
    bank institute university college school police force army navy government
    administration court group company corporation corp inc ltd plc llc association
    federation organisation organization foundation trust service services authority
    board bureau coalition alliance parliament congress senate kremlin pentagon treasury
    times news post journal press reuters network centre center fund club hospital
    church airlines airways motors tribunal embassy assembly league front movement
    initiative forum cabinet secretariat command guard brigade nato un eu who imf fbi
    cia bbc cnn ap afp dpa foods brands holdings industries technologies systems partners
    pharmaceuticals consortium insurance logistics airport railways energy properties
    estates homes developments ventures investments media publishing resources solutions
    enterprises associates labs
    """
)
# Lower-case nouns that stand for an organisation speaking ("the ministry said").
ORG_NOUNS = wordset(
    """
    ministry government company department police army administration court council
    committee agency firm bank union party embassy club alliance regulator commission
    campaign network newspaper paper daily magazine outlet broadcaster station channel
    prosecutor's prosecutors' group business retailer lender maker carmaker airline insurer
    chain supermarket manufacturer operator
    """
)
# "the company said": nouns that stand for the business last named.
COMPANY_NOUNS = wordset(
    """
    company firm group business retailer bank lender maker carmaker airline insurer
    chain supermarket brand manufacturer developer operator startup start-up carrier
    """
)
# Words that mark a public body, which "the company" never refers to.
PUBLIC_BODY_WORDS = wordset(
    """
    council ministry department government agency authority commission committee
    parliament court police union party association federation board institute
    university school embassy army navy office regulator tribunal consortium
    """
)
# Documents that speak for their authors ("according to a ministry readout").
DOCUMENT_NOUNS = wordset(
    """
    summary statement report readout release document filing filings survey poll study
    data figures memo letter transcript analysis estimate estimates website account
    complaint lawsuit indictment editorial ad advert advertisement video post tweet email
    e-mail column article story op-ed blog message petition book clip spot piece
    """
)
# "the network said", "the paper reported": an outlet standing for the one named before.
MEDIA_NOUNS = wordset(
    """
    network newspaper paper daily tabloid magazine outlet broadcaster station channel site
    publication
    """
)

# Capitalised words that open sentences but are never part of a name.
NOT_NAME_WORDS = wordset(
    """
    The A An In On At After Before His Her Their Its Our My Your But And When While As
    If Speaking Asked Following Earlier Later However Meanwhile Yesterday Today Tonight
    This That These Those There Then So Yet For From With Without Under Over Since Until
    During Although Though Because Despite Instead Also Still It He She They We I You
    Some Many Most Other Several Both Each Every No Not Once Why What Who Where How Nor
    Or Than Asking Is Was Are Were Will Would Could Should Can May Might Must Do Does
    Did Has Have Had Here Now Even Just Only Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April June July August September October
    November December Mister Madam One Another Few All Neither Either None Nobody Someone
    Everyone Anyone Such Any Plenty Fellow Right To Based Given Like Amid Minutes Hours Days
    Weeks Months Years Moments Seconds
    """
)

DAY_AND_TIME_WORDS = wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    earlier later also then previously repeatedly reportedly once again recently has
    have had this last week month year morning afternoon evening night on in a an the
    statement separately privately publicly subsequently initially first further however
    now has would will may might could
    """
)

# "The Italian added ...": a nationality standing in for the person just named.
DEMONYMS = wordset(
    """
    American Argentine Australian Austrian Belgian Brazilian Briton Brit Canadian Chilean
    Chinese Colombian Croat Czech Dane Dutchman Dutchwoman Englishman Englishwoman Finn
    Frenchman Frenchwoman German Greek Hungarian Indian Irishman Irishwoman Israeli Italian
    Japanese Kenyan Mexican Nigerian Norwegian Pole Portuguese Russian Scot Scotsman
    Scotswoman Serb Spaniard Swede Swiss Turk Ukrainian Welshman Welshwoman Uruguayan
    """
)

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
PRONOUNS = frozenset(PRONOUN_GENDER) | wordset("they them it its we us i me you")
