"""Writes gold.json for the dev2 set (run from this folder)."""

import json
from pathlib import Path

U = ["unknown"]
# An unnamed source is a speaker under its description (issue 11): the description counts too.
FORMER = [*U, "former minister"]


def q(kind, speaker, text, cue=None, accept=None):
    d = {"kind": kind, "speaker": speaker, "cue": cue, "text": text}
    if accept:
        d["accept"] = accept
    return d


docs = [
    {
        "document": "briefing-flood-transcript.txt",
        "meta": {"publisher": "briefing transcript with header"},
        "quotes": [
            q("transcript", "Gareth Pryce", "Thank you. Overnight our crews rescued 41 people"),
            q("transcript", "Gareth Pryce", "We expect the river to fall slowly through the day"),
            q("transcript", "Helen Ashdown", "The council has opened three rest centres"),
            q(
                "transcript",
                "Helen Ashdown",
                "I spoke to the Environment Agency at six this morning.",
            ),
            q(
                "indirect",
                "unknown",
                "the flood barrier at Corbridge had held",
                "told",
                ["unknown", "Environment Agency"],
            ),
            q(
                "question",
                "Tom Reddy",
                "Chief, how many properties have been flooded, and are people being told to leave?",
            ),
            q("transcript", "Gareth Pryce", "We think around 300 properties have taken water."),
            q(
                "question",
                "Priya Nair",
                "Councillor, some businesses say they were given no warning at all. Was the council too slow?",
            ),
            q(
                "indirect",
                "unknown",
                "they were given no warning at all",
                "say",
                ["unknown", "businesses", "some businesses"],
            ),
            q("transcript", "Helen Ashdown", "I don't accept that."),
            q("transcript", "Gareth Pryce", "If I can add to that: some of those businesses"),
        ],
        "optional_quotes": [],
        "not_quotes": [
            "County flood response press briefing",
            "Emergency Operations Centre",
            "Thursday 14 March",
            "Good morning, everyone.",
            "That's all we have time for.",
        ],
    },
    {
        "document": "interview-chef.txt",
        "meta": {"publisher": "magazine Q&A interview"},
        "quotes": [
            q(
                "question",
                "Daniel Hurst",
                "You trained as an architect. How did you end up in a kitchen?",
            ),
            q("transcript", "Marisol Vega", "By accident, really."),
            q("direct", "unknown", "Come and do Sundays for me.", "said"),
            q("question", "Daniel Hurst", "Your menu changes every week. Isn't that exhausting?"),
            q("transcript", "Marisol Vega", "It is exhausting."),
            q(
                "question",
                "Daniel Hurst",
                "Some critics call the food rustic, and they don't mean it kindly.",
            ),
            q("transcript", "Marisol Vega", "Let them."),
            q("direct", "unknown", "Food that needs explaining isn't finished.", "say"),
            q("question", "Daniel Hurst", "Was there a moment you nearly gave up?"),
            q("transcript", "Marisol Vega", "The first winter."),
            q("indirect", "unknown", "nobody would blame me for closing", "told"),
            q("question", "Daniel Hurst", "What comes next?"),
            q("transcript", "Marisol Vega", "A smaller place, with no menu at all."),
        ],
        "optional_quotes": [
            q("direct", "Marisol Vega", "I cook the way my grandmother argued"),
        ],
        "not_quotes": [],
    },
    {
        "document": "broadsheet-budget-row.txt",
        "meta": {"publisher": "broadsheet politics"},
        "quotes": [
            q("indirect", "Rachel Morrow", 'the change is "fair and overdue"', "insisting"),
            q("partial", "Rachel Morrow", "fair and overdue", "insisting"),
            q("indirect", "Rachel Morrow", "she will not water down the measure", "told"),
            q(
                "indirect",
                "unknown",
                "the extra revenue is needed to fund local services",
                "arguing",
                ["unknown", "Treasury officials", "Treasury"],
            ),
            q("indirect", "Owen Lathbury", 'the plan would "hollow out the high street"', "said"),
            q("partial", "Owen Lathbury", "hollow out the high street", "said"),
            q(
                "indirect",
                "Rachel Morrow",
                "the rise would affect fewer than 5 per cent of businesses",
                "insisted",
            ),
            q(
                "direct",
                "Rachel Morrow",
                "This is about asking the biggest firms to pay their share,",
                "said",
            ),
            q(
                "direct",
                "Rachel Morrow",
                "but we need to make sure small shops are protected.",
                "said",
            ),
            q(
                "indirect",
                "Owen Lathbury",
                "the Treasury was entitled to ask whether business rates were the right tool",
                "said",
            ),
            q(
                "indirect",
                "Owen Lathbury",
                "Labour would publish its own proposals within weeks",
                "added",
            ),
            q(
                "indirect",
                "Local Government Association",
                "councils had not been consulted on the detail",
                "cautioned",
            ),
            q("direct", "Peter Dowling", "We need certainty, not another consultation.", "said"),
            q("indirect", "Rachel Morrow", "the scheme was temporary", "insisted"),
            q(
                "indirect",
                "unknown",
                "it would cost the party seats in the shires",
                "warned",
                ["unknown", "senior backbenchers", "backbenchers"],
            ),
            q("direct", "unknown", "The chancellor has misjudged the mood,", "said", FORMER),
            q("direct", "unknown", "People in my constituency are furious.", None, FORMER),
            q(
                "indirect",
                "British Retail Consortium",
                "it had written to the prime minister",
                "said",
            ),
            q("indirect", "Federal Retail Standards Board", "it would review the proposal", "said"),
        ],
        "optional_quotes": [
            q("indirect", "Owen Lathbury", "councils faced severe pressures", "accepted"),
        ],
        "not_quotes": [],
    },
    {
        "document": "business-wire-merger.txt",
        "meta": {"publisher": "business wire"},
        "quotes": [
            q(
                "indirect",
                "unknown",
                "Halcyon Foods is in advanced talks to buy British snack maker Brightwell Brands",
                "said",
                [*U, "person familiar with the matter"],
            ),
            q("indirect", "unknown", "A deal could be announced as early as next week", "added"),
            q(
                "indirect",
                "unknown",
                "Brightwell, according to one of the people, has been exploring a sale",
                "according to",
            ),
            q(
                "indirect",
                "unknown",
                "Both companies are being advised by investment banks",
                "said",
            ),
            q(
                "indirect",
                "Brightwell Brands",
                'it "does not comment on market speculation"',
                "said",
                ["Brightwell"],
            ),
            q(
                "partial",
                "Brightwell Brands",
                "does not comment on market speculation",
                "said",
                ["Brightwell"],
            ),
            q(
                "indirect",
                "unknown",
                "the combined group would control nearly a fifth",
                "said",
                ["unknown", "Analysts at Peel Hunt", "Peel Hunt", "analysts"],
            ),
            q(
                "indirect",
                "Dana Whitfield",
                'the company was "hungry for the right acquisition"',
                "told",
            ),
            q("partial", "Dana Whitfield", "hungry for the right acquisition", "told"),
            q(
                "indirect",
                "Halcyon Foods",
                "it expected profit to grow by 8 per cent this year",
                "said",
                ["Halcyon"],
            ),
            q(
                "indirect",
                "unknown",
                "the price already reflected a bid",
                "warnings",
                ["unknown", "traders"],
            ),
        ],
        "optional_quotes": [
            q("indirect", "unknown", "the talks could still collapse", "cautioning"),
        ],
        "not_quotes": ["the launch of a plant-based crisp range"],
    },
    {
        "document": "tabloid-derby.txt",
        "meta": {"publisher": "tabloid sport"},
        "quotes": [
            q(
                "indirect",
                "Luka Kovac",
                "he had played through a broken toe",
                "revealed",
                ["Kovac"],
            ),
            q(
                "direct",
                "Luka Kovac",
                "I didn't want to miss this game for anything.",
                "telling",
                ["Kovac"],
            ),
            q("direct", "Gary Fenwick", "Jamie was a giant today,", "said"),
            q("direct", "Gary Fenwick", "He read everything.", None),
            q("indirect", "Jamie Holt", "he would be fit for Saturday", "said"),
            q("direct", "Jamie Holt", "I've had worse knocks,", "said"),
            q(
                "direct",
                "unknown",
                "Best night I've had at this ground in twenty years.",
                "said",
                [*U, "fan"],
            ),
            q("direct", "unknown", "Kovac is worth every penny.", "said"),
            q("direct", "Stefan Brandt", "We had a clear penalty and he waved it away,", "said"),
            q(
                "indirect",
                "unknown",
                "City would appeal against the red card",
                "said",
                ["unknown", "Club sources"],
            ),
        ],
        "optional_quotes": [],
        "not_quotes": [],
    },
    {
        "document": "feature-beekeeper.txt",
        "meta": {"publisher": "broadsheet feature"},
        "quotes": [
            q("partial", "Niamh Stewart", "patient, local and stubborn", "describes"),
            q("partial", "Colm Brennan", "a slow-motion invasion", "describes"),
            q("direct", "Colm Brennan", "People think a bee is a bee,", "said"),
            q(
                "direct",
                "Colm Brennan",
                "It isn't. Ours have been here since the last Ice Age.",
                None,
            ),
            q(
                "indirect",
                "unknown",
                "hobbyists cannot meet farmers' demand for pollination",
                "argue",
                ["unknown", "Commercial suppliers"],
            ),
            q(
                "indirect",
                "Aoife Kearney",
                'the evidence for the black bee\'s hardiness was "strong and growing"',
                "said",
            ),
            q("partial", "Aoife Kearney", "strong and growing", "said"),
            q(
                "indirect",
                "Aoife Kearney",
                'so-called "smart" hives, which monitor colonies with sensors, could help keepers track losses',
                "added",
            ),
            q("partial", "Niamh Stewart", "the tourists", "refers"),
            q(
                "indirect",
                "Department of Agriculture",
                "it was reviewing its rules on bee imports",
                "said",
            ),
            q(
                "indirect",
                "Department of Agriculture",
                "a decision would be made by the summer",
                "said",
                ["unknown"],
            ),
        ],
        "optional_quotes": [
            q(
                "indirect",
                "Niamh Stewart",
                "tougher than anything you can buy from a catalogue",
                "insists",
            ),
        ],
        "not_quotes": ["smart"],
    },
]

docs += [
    {
        "document": "wire-governor-sources.txt",
        "meta": {"publisher": "US wire politics"},
        "quotes": [
            q(
                "indirect",
                "unknown",
                "California Gov. Mark Ellison is considering calling a special legislative session",
                "said",
            ),
            q("indirect", "unknown", "The governor has not made a final decision", "said"),
            q(
                "indirect",
                "Mark Ellison",
                'homeowners were "being squeezed from every side"',
                "told",
            ),
            q("partial", "Mark Ellison", "being squeezed from every side", "told"),
            q(
                "indirect",
                "Joan Pratt",
                'a special session would be "a costly piece of political theater."',
                "said",
            ),
            q("partial", "Joan Pratt", "a costly piece of political theater.", "said"),
            q(
                "indirect",
                "Joan Pratt",
                "the legislature could handle the issue in the regular session",
                "added",
            ),
            q("indirect", "Dale Whitcomb", "Ellison was right to act quickly", "said"),
            q(
                "indirect",
                "California Taxpayers Association",
                "the group would oppose any measure that raised rates for renters",
                "said",
                ["unknown"],
            ),
            q(
                "indirect",
                "unknown",
                "the plan would cap annual assessment increases at 2 percent",
                "according to",
            ),
            q(
                "indirect",
                "Luis Ortega",
                "the cap would starve school districts of revenue",
                "warned",
            ),
            q("direct", "Luis Ortega", "You cannot cut your way to affordability,", "said"),
        ],
        "optional_quotes": [
            q(
                "indirect",
                "Mark Ellison",
                "he wanted a plan on his desk before the summer recess",
                "told",
            ),
        ],
        "not_quotes": ["Ellison weighs special session"],
    },
    {
        "document": "tabloid-showbiz-single.txt",
        "meta": {"publisher": "tabloid showbiz, single quotes"},
        "quotes": [
            q(
                "indirect",
                "Kelsey Marr",
                "she is 'devastated' after cancelling the rest of her tour",
                "told",
            ),
            q(
                "direct",
                "Kelsey Marr",
                "I'm devastated, but my body needs a break. I'll be back stronger.",
                "telling",
            ),
            q(
                "direct",
                "unknown",
                "She has been running on empty for months.",
                "told",
                [*U, "source close to the star"],
            ),
            q(
                "direct",
                "unknown",
                "The promoters are furious but there was nothing anyone could do.",
                "added",
                [*U, "insider"],
            ),
            q("indirect", "Trevor Banks", "all ticket holders would receive full refunds", "said"),
            q("direct", "unknown", "Get well soon, Kelsey, we'll wait.", "wrote"),
            q("indirect", "Josh Fenn", "he had sent her flowers", "said"),
            q("direct", "Josh Fenn", "She's the hardest-working person I know,", "said"),
        ],
        "optional_quotes": [
            q("partial", "Kelsey Marr", "devastated", "told"),
            q("direct", "Kelsey Marr", "I'm devastated but I'll be back"),
        ],
        "not_quotes": [],
    },
    {
        "document": "transcript-council-committee.txt",
        "meta": {"publisher": "council meeting transcript with header"},
        "quotes": [
            q("transcript", "Alan Mercer", "Thank you, chair. The application is for 240 homes"),
            q(
                "transcript",
                "Alan Mercer",
                "The Environment Agency has told us it is satisfied with the drainage plan.",
            ),
            q("indirect", "Environment Agency", "it is satisfied with the drainage plan", "told"),
            q("question", "Idris Vaughan", "I have real concerns."),
            q(
                "indirect",
                "unknown",
                "the road floods every winter already",
                "tell",
                ["unknown", "Residents", "Residents on Mill Lane"],
            ),
            q("transcript", "Alan Mercer", "The scheme includes a new storm drain"),
            q(
                "indirect",
                "unknown",
                "it will reduce flooding there",
                "say",
                ["unknown", "Our engineers", "engineers"],
            ),
        ],
        "optional_quotes": [],
        "not_quotes": ["Good evening.", "Let's move to the vote.", "Extraordinary meeting"],
    },
]

docs += [
    {
        "document": "feature-clockmaker.txt",
        "meta": {"publisher": "broadsheet feature, present tense"},
        "quotes": [
            q("direct", "Gwilym Roberts", "People think it's a lonely job,", "says"),
            q("direct", "Gwilym Roberts", "It isn't. Every clock comes with a story", None),
            q("partial", "Gwilym Roberts", "surgery with a magnifying glass", "describes"),
            q("indirect", "Gwilym Roberts", "his eyesight is not what it was", "admits"),
            q("partial", "Ffion Hughes", "the quietest noisy room in Wales", "calls"),
            q("direct", "Ffion Hughes", "Gwil never tells you the answer,", "says"),
            q(
                "direct",
                "Ffion Hughes",
                "He makes you find it. Then he tells you you were slow.",
                None,
            ),
            q("direct", "Gwilym Roberts", "She is quicker than I ever was,", "admits"),
            q("direct", "Gwilym Roberts", "But don't print that.", None),
            q(
                "indirect",
                "unknown",
                "The landlord, Nefyn Estates, wants to turn the building into holiday flats",
                "according to",
            ),
            q("indirect", "Nefyn Estates", "it had offered Roberts a smaller unit nearby", "said"),
            q("partial", "Ffion Hughes", "a cupboard with a window", "calls"),
            q("direct", "unknown", "When he goes, something goes with him.", "puts"),
        ],
        "optional_quotes": [
            q(
                "indirect",
                "Ffion Hughes",
                'What she calls "a cupboard with a window" would not hold half the clocks',
                "says",
            ),
        ],
        "not_quotes": [],
    },
]
for d in docs:
    text = Path(d["document"]).read_text(encoding="utf-8")
    for g in d["quotes"] + d["optional_quotes"]:
        assert g["text"] in text, (d["document"], g["text"])
gold = {
    "version": 1,
    "note": "Dev2: written to exercise attribution failure categories.",
    "documents": docs,
}
Path("gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")
print(sum(len(d["quotes"]) for d in docs))
