"""Hand-written fragments the note writer combines into call notes, in full and short registers.

Slots: {who} the contact speaking for the customer, {they} their pronoun, {dm} the decision
maker ("the CFO"), {on}/{by} a due date with its preposition ("on Friday", "by the 14th"),
{vague} a loose time or condition, and the team's words ({data}, {trial}, {batch}...).
No fragment may hold a date expression of its own (checked by the tests).
"""

from __future__ import annotations

from aba.sales.demo.teams import lines

# Customer commitments by kind: (action as stored, full sentences, short forms). A leading "+"
# marks words that show the rep asked (an ask, "agreed", a booking with no agent): the writer
# uses them only on calls where the rep asked, and adds an ask to the others.
CUSTOMER: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "discovery": (
        "meet us for a discovery session",
        lines("""
            +{who} agreed to a discovery meeting {on}
            {who} has given us an hour {on} to walk through their {area}
            +Booked a discovery session with {who} {on}
            {who} will meet us {on} to go through their {area} in detail
        """),
        lines("+disco mtg w/ {who} booked {on}\n{who} to meet us {on} re {area}"),
    ),
    "intro_dm": (
        "introduce us to {dm}",
        lines("""
            {who} will set up a call with {dm} {on}
            {who} is getting {dm} on a call with us {on}
            +{who} agreed to introduce me to {dm}, meeting set {on}
            {They}'ll bring {dm} to a meeting {on}
        """),
        lines("+intro to {dm} booked {on}\n{who} setting up call w/ {dm} {on}"),
    ),
    "requirements": (
        "send {data}",
        lines("""
            {who} will send over {data} {by}
            {who} promised {data} {by}
            {who} is pulling together {data} for us {by}
            +{who} agreed to get {data} to me {by}
        """),
        lines("{who} to send {data} {by}\n{data} from {who} {by}"),
    ),
    "demo": (
        "attend a demo with {stakeholders}",
        lines("""
            {who} is setting up the demo {on} with {stakeholders}
            +Demo with {dm} and {stakeholders} booked {on}
            +{who} agreed to a full demo {on} and is inviting {stakeholders}
        """),
        lines("+Demo w/ {dm} booked {on}\n{who} lining up demo {on} w/ {stakeholders}"),
    ),
    "bring_dm": (
        "bring {dm} to the next meeting",
        lines("""
            {They}'ll bring {dm} to the next meeting {on}
            {who} is bringing {dm} along {on}
            {who} said {they}'d get {dm} in the room {on}
        """),
        lines("{who} bringing {dm} {on}\n+{dm} joining {on}, {who} agreed"),
    ),
    "trial": (
        "start the {trial} with agreed success criteria",
        lines("""
            +{who} agreed to start the {trial} {on}, success criteria: {criteria}
            The {trial} kicks off {on} and {who} signed off the success criteria ({criteria})
            +We agreed the {trial} plan and {who} starts it {on}
        """),
        lines("+{trial} starts {on}, criteria agreed\n+{who} ok'd the {trial}, go-live {on}"),
    ),
    "security": (
        "return the {review_doc}",
        lines("""
            {who} will get the {review_doc} back to us {by}
            {who} is kicking off their {review} and returns the {review_doc} {by}
            +{who} agreed to return the {review_doc} {by}
        """),
        lines("{review_doc} back from {who} {by}"),
    ),
    "proposal_review": (
        "review the proposal with {dm}",
        lines("""
            +Proposal review with {dm} booked {on}
            {who} has got {dm} in the room {on} to go through the proposal
            {who} set up the proposal walk-through with {dm} {on}
        """),
        lines("+prop review w/ {dm} booked {on}\n{who} setting up proposal mtg {on} w/ {dm}"),
    ),
    "procurement": (
        "bring procurement to negotiate terms",
        lines("""
            {who} is bringing procurement to a call {on} to go through terms
            +Procurement call booked {on} to work through the commercials
        """),
        lines("+procurement call booked {on} re terms\n{who} bringing procurement {on}"),
    ),
    "sign": (
        "take the contract to {dm} for signature",
        lines("""
            +{who} agreed to take the contract to {dm} for signature {on}
            {who} is putting the contract to the board {on} for sign-off
            +Signing meeting with {dm} booked {on}
        """),
        lines("+signing mtg w/ {dm} booked {on}\ncontract to the board {on} ({who})"),
    ),
    "reorder_po": (
        "put the {batch} through their buying meeting",
        lines("""
            +Asked for the {batch}: {who} is taking it to their buying meeting {on}
            +{who} agreed to put the {batch} through the stock review {on}
            {who} will take the {batch} to the budget holder {on}
        """),
        lines(
            "+asked for {batch}, {who} taking it to buying mtg {on}\n{batch} to stock review {on}"
        ),
    ),
    "stock_count": (
        "send the stock count for the {batch}",
        lines("""
            {who} will send the stock count {by} so we can quote the {batch}
            +Asked for the {batch}; {who} is sending the stock count {by}
        """),
        lines("stock count from {who} {by}"),
    ),
    "usage": (
        "send their usage figures",
        lines("""
            {who} will send me their usage figures {by}
            {who} offered to send the usage figures {by}
        """),
        lines("usage figures from {who} {by}"),
    ),
}

# Loose customer promises on a continuation: (action as stored, full sentences).
WAITING: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "come back to us",
        lines("""
        {who} will come back to us {vague}
        {who} said {they}'d get back to me {vague}
        {who} will let us know {vague}
    """),
    ),
    (
        "talk to {dm} and let us know",
        lines("""
        {who} is going to run it past {dm} and let us know {vague}
        {who} will speak to {dm} and come back {vague}
    """),
    ),
    (
        "review internally and come back",
        lines("""
        They're reviewing it internally and {who} will let us know {vague}
    """),
    ),
    ("call us back", lines("{who} wants to think it over and will call me {vague}")),
    (
        "confirm the budget",
        lines("""
        Waiting on {who} to confirm budget {vague}
        {who} will confirm whether the budget is there {vague}
    """),
    ),
)
WAITING_SHORT = lines(
    "waiting to hear from {who} {vague}\n{who} to come back {vague}\n{who} to revert {vague}"
)
CONDITIONS = lines("""
    once the budget is signed off
    after their board meets
    when {dm} is back
    after the reorganisation settles
    once they've seen the other bids
""")
WAITING_BARE = lines("""
    Ball's in their court
    Waiting on them
    It's sitting with {dm}
    They need to talk internally first
""")

REP_FULL = lines("""
    I'll {what} {by}
    I'm to {what} {by}
    I said I'd {what} {by}
    Action on me: {what} {by}
    I will {what} {by}
    On me to {what} {by}
""")
REP_SHORT = lines("me: {what} {by}\nf/u: {what} {by}\n{what} {by} (me)")
KICKOFF = (
    "book the kick-off",
    lines("I'll book the kick-off with {who} {by}\nMe to send the kick-off invite {by}"),
)

# Continuations: nothing agreed (no ask shown, hedges included), or an ask the customer refused.
NOTHING_AGREED = lines("""
    Nothing agreed
    No next step agreed
    Didn't get to next steps
    Left it open
    We didn't set anything up
    Ran out of time before we could agree anything
    Might be open to {a_trial} at some point, nothing firm
    Maybe a demo for {dm} further out, {who} wasn't sure
    Sounded interested but no commitment
""")
DECLINED = lines("""
    I asked for {a_trial} but {they} wouldn't commit to one
    I tried to get a date for the demo, {who} wasn't ready to book it
    I pushed for a meeting with {dm}, no joy
    I asked about next steps and {who} didn't want to commit to anything
    We proposed {a_trial}; {who} wouldn't agree to it until they've seen pricing
    I suggested a {review}; {they} said not yet
""")
KEEN = lines("""
    Fantastic meeting, they loved it!
    Really positive, {who} is a big fan
    Great energy in the room, they want this
    They LOVED the demo
    {who} said it's exactly what they need
    Best meeting we've had with them
""")
NO_CUSTOMER_STEP = lines("""
    Nothing from their side yet
    No commitment from {who}
    {who} didn't commit to anything
""")
NO_CUSTOMER_STEP_ASKED = lines("""
    I asked for {a_trial} but {who} wouldn't commit until they've seen the numbers
    I pushed for a date; {who} wants to see the numbers first
""")
VISIT = lines("""
    Dropped in to check stock levels with {who}, all fine
    Site visit, walked the stores with {who}
    Popped by to see {who} and talk about the new range
    Catch-up with {who} on usage
""")
VISIT_ASKED = lines("""
    I asked for the {batch}, {who} said they're well stocked
    Asked for the {batch} but {who} isn't ready to order
""")
VISIT_NOT_ASKED = lines("""
    Didn't ask about the {batch}
    Never got round to asking for the {batch}
    Didn't ask for the {batch} this time
""")
ASKED = lines("""
    I asked for a firm next step
    I asked {who} what it would take to move forward
    I asked {who} to commit to a date
    I pushed for a date
    We proposed a next step
""")
VOLUNTEERED = lines("""
    {who} brought it up on {pos} own
    {who} offered before I could ask
    {who} suggested it {self}
""")
ORDER_ASKED = lines("I asked for the order\nWe went for the close\nI asked for the PO")
NO_SALE_ASKED = lines("I asked for a decision\nI pushed for the business one last time")

# Missed commitments, said on the next call, by kind.
CHASED: dict[str, str] = {
    "discovery": "The discovery meeting fell through, {who} cancelled",
    "intro_dm": "Intro to {dm} never happened",
    "requirements": "Still no {data} from {who}",
    "demo": "Demo got postponed, {dm} couldn't make it",
    "bring_dm": "{dm} didn't turn up after all",
    "trial": "The {trial} start slipped, nothing set up yet",
    "security": "{review_doc} still not back",
    "proposal_review": "Proposal review was cancelled",
    "procurement": "Procurement call got pushed",
    "sign": "Signing meeting got pushed",
    "reorder_po": "The buying meeting got pushed, no decision on the {batch}",
    "stock_count": "Stock count never came",
    "usage": "Usage figures never came",
    "wait": "Heard nothing back from {who}",
}

ORDER = lines("""
    Contract signed! {who} sent it back
    Got the signed order form from {who}
    PO received for the {product}, {amount}
    Closed won: {dm} signed
    They've signed for the {product}
    Order in!
""")
ORDER_REORDER = lines("{who} placed the {batch}\nPO received for the {batch}\nRe-order in: {qty}")
NO_SALE = lines("""
    Lost to {competitor} on price
    {who} called to say they've gone with {competitor}
    Project shelved, budget pulled
    They're staying with {competitor}; closing this out
    No decision, the project is dead
    Not going ahead, {dm} killed it
""")
NO_SALE_REORDER = lines("""
    They've moved the {batch} to {competitor}
    Lost the {batch} on price to {competitor}
""")

OPENERS = lines("""
    Call with {who} ({title})
    Met {who} and {other} at their site
    Video call with {who}
    Visited {account}
    Quick call with {who}
    Coffee with {who}
    Spoke to {who}
    Onsite at {account}, saw {who} and {other}
    Meeting with {who}, {title}
    {who} rang me back
""")
OPENERS_UK = lines("Popped in to see {who}\nHad a cuppa with {who} at {account}")
OPENERS_US = lines("Hopped on a call with {who}\nZoom w/ {who}")
DISCUSS = lines("""
    Main pain: {pain}
    {who} told me {pain}
    Biggest issue is that {pain}
    Turns out {pain}
    They confirmed {pain}
    Went through their RFP draft with {who}
    Came out of the QBR with {who} with a list of issues
""")
VALUE = {
    "learning": lines("{insight}"),
    "serving": lines("""
        Sorted out their invoice query
        Got their open support ticket escalated and closed
        Answered the open questions on the {review}
        Fixed the access problem {who} raised
    """),
    "creating": lines("""
        Worked out a phased rollout with {who} that fits their budget
        We sketched the {trial} design together
        Came up with a way to split the cost across two budgets
    """),
    "extending": lines("""
        Offered an intro to one of our customers in {industry}
        Set {who} up with {specialist}
        Invited {who} to our user group
    """),
}
NO_VALUE = lines("""
    Just checking in
    Called to see if there was any news
    Touching base
    Chased for an update
    Quick check-in, nothing new from our side
""")
SIGN_OFF = lines("""
    Feels warm
    Good progress
    Cautiously optimistic
    Not convinced they're serious
    One to watch
""")
SIGN_OFF_UK = lines("Bit of a slog\nChuffed with that one")
SIGN_OFF_US = lines("Looking good\nSolid call")

# Why a deal is legitimately paused: (snooze reason, what the last call's notes say).
SNOOZES = (
    (
        "Budget freeze until their new financial year",
        "Everything is on hold until their new financial year; {who} will pick it up then",
    ),
    (
        "Plant shut for refurbishment",
        "The site is shut for a refit and {who} will restart this when they reopen",
    ),
    ("Champion on leave", "{who} is off on leave and will pick this up when back"),
    (
        "Waiting for the board to approve the capital plan",
        "It all hangs on the board approving the capital plan; {who} will come back after that",
    ),
    (
        "Merger under way, purchasing paused",
        "They're being acquired and purchasing is paused; {who} will call when it settles",
    ),
)

PLANNED_BEST = (
    lines("Book a discovery meeting\nGet an hour with {who} to map their {area}"),
    lines("Intro to {dm}\nGet {data} by a date"),
    lines("Demo date with {dm}\nDemo with {stakeholders} in the diary"),
    lines("Agree the {trial} start and success criteria\nStart of the {review}"),
    lines("Proposal review with {dm} in the diary"),
    lines("Signature date\nProcurement call booked"),
)
PLANNED_MINIMUM = lines("""
    Follow-up call booked
    {who} to send {data}
    Name of the budget holder
    Agreement to a second meeting
""")

SHORTHAND = (
    (" with ", " w/ "),
    ("meeting", "mtg"),
    ("follow-up", "f/u"),
    (" about ", " re "),
    (" because ", " b/c "),
    ("requirements", "reqs"),
    (" and ", " & "),
    ("proposal", "prop"),
    ("purchase order", "PO"),
    ("decision maker", "DM"),
)
BRITISH = (("organization", "organisation"), ("prioritize", "prioritise"), ("analyze", "analyse"))
AMERICAN = (
    ("organisation", "organization"),
    ("modernisation", "modernization"),
    ("Modernisation", "Modernization"),
    ("licence", "license"),
    ("Licence", "License"),
    ("programme", "program"),
    ("Programme", "Program"),
)
TYPOS = (("receive", "recieve"), ("definitely", "definately"), ("their", "thier"), ("the", "teh"))
