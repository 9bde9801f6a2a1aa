"""Read the commitments written in one clause, in the shapes reps use.

Shapes, tried in order: a labelled to-do ("Dana - send specs", "me: pricing"); a subject with a
modal or a progressive ("she'll send", "Dana agreed to a trial", "he's raising it Monday"); a
customer saying yes to what the rep asked ("I proposed a trial, she agreed"); a scheduled event
("demo booked Tue", "he set it for the 23rd"); a rep to-do in note form ("f/u next wk",
"Sending."). Clause text comes as written (names are capitalised) and lowercased (for the
lexicons), with the same offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from aba.core.reading import lexicon as lx
from aba.core.reading import modals as md
from aba.core.reading.sentences import Clause
from aba.core.reading.subjects import ours_leading, who_party
from aba.core.vocabulary import Party

MAX_MODALS = 16  # per clause: real clauses hold a handful; this bounds work on junk text

_LEAD_WORDS = re.compile(
    r"^(?:(?:and|but|so|then|also|plus|next|ns|update|ok|okay|overall|btw|ps|fyi)\b[\s,:-]*)+"
)
_ASKED_ME = re.compile(
    r"\b(?:(?:asked|wants|wanted|requested|told|needs|needed|would\slike|'d\slike)\s(?:me|us)"
    r"|said|says)\s$"
)
_PAST_EVENT = re.compile(
    r"\b(?:did|went|was|were|gave|ran|showed|held|attended|completed|finished|delivered"
    r"|happened|took\splace|cancell?ed|postponed|called\soff|wrote|written|came|met"
    r"|voted|rejected|turned\sdown|tasted|tried|loved|liked|hated)\b"
)  # ("members voted against it at the AGM on Saturday": that Saturday is past)
# "..., then I set up the kickoff", "We owe the kickoff agenda by Fri": the event is our to-do
# (not "We regroup on 6/24", "I asked for a kickoff date and Bob picked 10/20")
_WE_DO = re.compile(
    r"\b(?:i|we)\s(?:will\s|'ll\s|then\s|also\s)?(?:send|owe|set\sup|call|ring|email|prepare"
    r"|draft|book|bring|chase|follow\sup|f/u|organi[sz]e|arrange|schedule)\b"
)
_THEY = re.compile(r"\b(?:she|he|they|his)\b")
_FU_WITH = re.compile(r"(?:f/u|follow[- ]?up)\s(?:call\s)?(?:w/|with)\s")
# The thing sent, two words at most, maybe after a label or a dash ("...fabric: swatches to
# her by Fri"), maybe going "back" or "over" ("audit report back to Orla by Thursday").
_THING_FIRST = re.compile(
    r"(?:[^:\n]{0,80}(?::|\s[-–—])\s)?(?:the\s|our\s|an?\s|their\s)?[\w/+&-]+(?:\s(?!due\b)[\w/+&-]+)?"
    r"(?:\s(?:back|over|across|out))?\s"
)
_BY_WHEN = (
    r"(?:by|on|before|until|til|tmrw|tomorrow|today|eow|eod|next|this|mon|tue|wed|thu|fri|\d)"
)
_TO_US = re.compile(rf"(?:us|me)\s{_BY_WHEN}", re.IGNORECASE)  # "back to us by the 27th"
_TO_WHOM = re.compile(  # "to Juliana by Tues", "to Signe @ Skjaervik Marine by Tue"
    rf"(?:her|him|them|(?-i:[A-Z][a-z]+)(?:\s(?:@|at)\s[^,.;:\n]{{1,40}}?)?)\s{_BY_WHEN}",
    re.IGNORECASE,
)
# "she is in a supplier audit all this week": where they are, no event they agreed to
_BUSY = re.compile(
    r"\b(?:is|are|am|'s|'re)\s(?:in|at|on)\s(?:[\w-]+\s){1,4}?(?:all|the\s(?:whole|rest\sof))"
    r"\s(?:this\s|next\s|the\s)?(?:week|day|month|morning|afternoon)\b"
)
_RUNON_MODALS = frozenset({"will", "'ll", "to", "agreed to", "agreed", "said she'd", "is going to"})
_LOWER_NAME = re.compile(r"(?:^|\s)([a-z]{2,15})\s?$")
_COMMON_WORDS = """
    it this that there which who what and or but so then also they we he she i you team
    everything nothing something someone somebody price pricing quote proposal contract demo
    trial pilot data deck docs report order po invoice email call meeting site plant office board
    budget project system tool software product service line one all both each none process
    approval decision date time week month year today tomorrow friday monday tuesday wednesday
    thursday saturday sunday need needs want wants have has had going able ready happy keen
    agreed said says asked would could should might may must can will shall did does do not
    just now still also only even then first next last us them him her me my our their his its
    as at by for from in into of on to up with about after before if once when while because
    yes no ok okay sure fine great good well more less some any every most many much few"""
_COMMON = frozenset(_COMMON_WORDS.split())
_NAME_LEAD = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|so|then|said|says|told|with|that|because)\s)$")
# what the rep said in a transcript ("Me: we've got your seats held"), not what the rep owes
_SAID_IN_TRANSCRIPT = re.compile(
    r"(?:we|we've|we're|i|i'm|i've|you|your|any|do|did|are|is|can|could|would|how|what|when"
    r"|why|hi|hello|thanks|ok|okay|yes|no|sure|great)\b"
)
# A thing of ours on its way to them: "Proposal goes over to Dana Monday", "contract goes to her"
_GOES_TO = re.compile(
    r"(?:the\s|our\s|my\s|a\s)?(?:revised\s|updated\s|final\s|new\s|signed\s)?(?:\w+\s)?"
    r"(?:proposal|quote|contract|sow|agreement|pricing|price\slist|deck|invoice|paperwork|docs"
    r"|documents|redlines|draft|summary|samples?|brochure|catalogue|catalog|one-pager|specs?"
    r"|offer|estimate|msa|nda|terms|costing|business\scase)"
    r"\s(?:goes|go|is\sgoing|going)\s(?:over\s|across\s|out\s|back\s)?to\s"
    # to a person, not their forum: "SOW goes to her procurement", "goes to their capex committee"
    r"(?:her|him|them|(?-i:[A-Z][a-z]+))\b(?!\s(?:procurement|legal|counsel|board|committee|finance"
    r"|team|ops|it|exec))",
    re.IGNORECASE,
)
_ME_LABELS = frozenset({
    "me", "us", "i", "we", "rep", "our side", "ours", "mine",
    "ai (us)", "ai (me)", "ai (rep)", "ai (our side)",  # action items: "AI (us): pilot agreement"
})  # fmt: skip
_NEGATED = re.compile(r"\b(?:no|not|never|impossible)\b|n't\b")
# The customer coming to us is an event: "Coming in Tuesday at 3pm with his GM", "Bradley is
# flying in from Denver the 9th" (the rep's own "I'm coming in Tuesday" stays ours).
_VISIT = re.compile(
    r"\b(?:com(?:e|es|ing)\s(?:in|over|round|across|up\sto|down\sto|to\s(?:the|our|see|visit"
    r"|taste|view))|fl(?:y|ies|ying)\sin|visit(?:s|ing)?\sus)\b"
)
# Our own question proposing a meeting: "Would a 20-min call next week help?", "Could we do
# a demo Thursday?", "How about Tuesday with your CFO?".
_OUR_PROPOSAL = re.compile(
    # past a chat label and a greeting: "[14:02] Me: Kemal Bey, is Tuesday 10:00 still ok?"
    r"(?:\[[^\]\n]{1,20}\]\s*)?(?:[a-z]{1,12}(?:\s\([^)\n]{1,12}\))?:\s)?(?:(?:(?:hi|hello|hey|dear)\s)?"
    r"(?:[a-z.]+\s){0,2}[a-z.]+,\s)?"
    r"(?:would|could|can|shall|should|how\sabout|what\sabout|are\syou|is\sthere|is|do\syou|does"
    r"|want\sto|fancy)\b"
)
# train38: the customer naming the time in their own words, a meeting they hold with us:
# "Can you do Tue 18th at 10am with our CFO?", "lets say Tuesday the 21st", "Mr. Tanaka can
# meet on Thursday 29th", and after the date, "Thursday 29th at 10am works for all of them".
_THEIR_TIME_BEFORE = re.compile(
    r"\b(?:can\s(?:you|u)\s(?:do|come|make)|could\s(?:we|you|u)\s(?:do|come|make)|let'?s\s(?:say"
    r"|do|go\sfor|make\sit)|how\sabout|are\s(?:you|u)\sfree|can\smeet|could\smeet|(?:is|are|am)"
    r"\s(?:free|available))(?:\s(?:on|at|for))?\s$"
)
_THEIR_TIME_AFTER = re.compile(
    r"(?:\s(?:at|@)\s?\d{1,2}(?::\d{2}|[.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)?(?:\s[a-z]{3,4})?)?"
    r",?\s(?:works|would\swork|suits|is\sfine|is\sgood|is\sok|is\sbest)\b"
)
# A meeting turned down: "rang to cancel Tuesday's meeting", "turned down the workshop"
_REPLY_TO_OURS = re.compile(
    r"\b(?:reply|replied|replying|response|responded|responding|answer|answered)\s(?:to|on)\s"
    r"(?:my|mine|our|ours|the)\b"
)
_DECLINED = re.compile(
    r"\b(?:turned\sdown|declined|to\scancel|cancel(?:s|ling)?\b|pushed\sback|neither\sworks)"
)
_SAID_BEFORE = re.compile(r"\bsa(?:id|ys)\s(?:just\s|sure,?\s|ok,?\s|okay,?\s|yes,?\s|fine,?\s)?$")
_AND_BEFORE = re.compile(r"(?:\b(?:and|then|but)|&|\+)\s*(?:did\s|does\s|also\s|then\s)?$")
_FRESH = re.compile(r"(?:^|[,;:(–—-])\s*$")
_IN_MODAL = re.compile(r"(?:said|confirmed)\s(?!yes\b)(\w+)")
_ACTION_END = re.compile(  # (not the stop of "Mr. Mehrotra", "Hr. Gratzer")
    r"(?:\." + "".join(rf"(?<!\b{t}\.)" for t in (*lx.TITLES, "St")) + r"|[;!?])(?:\s|$)"
    r"|\s(?:but|because|since|although|though)\s"
)
_NEG_NEAR = re.compile(r"(?:\bnot|n't|\bno|\bnever)\W+(?:\w+\W+)?$")
_LAST_SUBJECT = re.compile(r"(?<![\w'])(?:i|we|she|he|they|(?-i:[A-Z][a-z]{1,15}))(?=['\s])", re.I)
# "... and send ...": a second action with its own verb (split off when each has a date)
_AND_VERB = re.compile(rf"\s(?:and|&|\+)\s(?:then\s)?(?={lx.ACTION_VERB.pattern})")
_BUYER_VERB = re.compile(
    r"(?:\w+ly\s|def\s|prob\s)?(?:buy|purchase|sign|order|decide|get\sback|think|consider|revert"
    r"|let\s(?:me|us)\sknow|lmk|come\sback|review\sinternally|discuss|be\sin\stouch"
    r"|respond|reply|(?:call|ring|phone|text|email|e-mail|get\sback\sto)\s(?:me|us)"
    r"|(?:send|give|get)\s(?:me|us)\b)\b"
)
_REP_MODALS = frozenset(
    {"'ll", "will", "wil", "need to", "needs to", "must", "have to", "to", "", "going to", "gonna"}
)
_WE = frozenset({"we", "both of us"})
# A quoted imperative opening the clause: "'Call me after the 15th'", "“ring me Friday”"
_CALL_ME = re.compile(
    r"[\"'“‘]\s*(?P<verb>(?:call|ring|phone|email|e-mail|text|ping|try)\s(?:me|us)(?:\sback)?)\b"
)
# The customer telling us, in their own words, what to send them by when: "send me the contract
# today", "please get us the revised quote by Friday" (a dated step of ours).
_SEND_ME = re.compile(
    r"(?:[\"'“‘]\s*)?(?:please\s|pls\s|can\syou\s|could\syou\s)?(?:send|email|e-mail|get|drop|forward"
    r"|bring)\s(?:me|us)\b"
)
_OPENING = re.compile(r"(?:[^:\n]{0,40}:\s*)?")  # "His words: ", "Email from Ruth: "
# "Got Jen Solberg to come out to our yard Thu 7th", "getting her 2 senior GPs to sit in on the
# demo thurs": the rep won a step the customer's people take
# ("Getting Sorin to do the lift plan" may be one of ours: a name only after "got")
_GOT_THEM_TO = re.compile(
    r"(?:got\s(?P<name>(?-i:[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)(?:\s\([^()]{1,50}\))?)\sto\s"
    r"|(?:got|getting)\s(?:him|her|them|(?:her|his|their)\s(?:[\w-]+\s){0,3}?[\w-]+)\sto\s)"
    r"(?!(?:the|a|an|our|us|me|site|it|him|her|them|know|grips)\b)(?=[a-z])",
    re.IGNORECASE,
)
_MESSAGE_FROM = re.compile(
    r"(?:e-?mail|text|txt|message|msg|whatsapp|reply|voicemail|note|sms|dm|letter)\s"
    r"(?:back\s|in\s)?from\s(?!(?:me|us|our)\b)"
)
_TITLE_NEXT = re.compile(rf"(?:{'|'.join(lx.NAME_TITLES)}|M)\b")
_DELIVER = re.compile(
    r"\s*(?:send|email|mail|share|prepare|deliver|ship|forward|submit|draft|write|provide|owe)\b"
)
_YOU_WILL = frozenset({"will", "'ll", "shall", "can", "could"})
_RECEIVE = re.compile(
    r"(?:\s*(?:also|then|soon|probably)\b)?\s*(?:have|get|hear|receive|see|find|know|be)\b"
)
# What a customer "has to" do that leaves the deal waiting on them: "has to check w/ Dr. P".
_CONSULT = re.compile(
    r"(?:check|talk|speak|confer|consult)\s(?:with\b|w/|to\b)|run\sit\s(?:by|past)"
)
_AGREE_MODALS = re.compile(
    r"(?:has\s|have\s)?agreed|agree\sto|committed|promised|offered|volunteered|says?\syes|okayed"
    r"|ok'd|signed\soff|green-?lit|gave\sthe\s|(?:is|are)\sup\sfor"
)
_REP_PROMISE = re.compile(r"(?:promised|promises|offered|volunteered)\b")

_DETERMINERS = frozenset({"the", "their", "her", "his"})  # "Their IT lead to send the specs"
_GOT_OBJECT = re.compile(
    r"\b(?i:got|persuaded|convinced)\s(?P<obj>(?i:him|her|them)|[A-Z][\w.'-]*"
    r"(?:\s(?:the\s)?[\w.'-]+){0,2}?)\s$"
)
# "Nesbstead Hardware - asked for a call back": the label names who asked, not who owes it.
_REQUEST = re.compile(r"(?:asked|asks|requested|requests|wants|wanted)\s(?:me\s|us\s)?(?:for|to)\b")
# "asked for a call back next week": the call is ours to make, on the date they asked.
_CALLBACK = re.compile(
    r"\b(?:asked|asks|wants|wanted|requested)\s(?:me\s|us\s)?(?:(?:for\s)?(?:a\s)?(?:call\s?back|ring\s?back)"
    r"|to\s(?:call|ring|phone|try)\s(?:back|again|him|her|them))\b"
)
_MINE = re.compile(r"(?:^|->\s*|→\s*)my\s|\bfrom\sme\b|\s[-–]\sme\b|\bme,\s")
_FIRST_NAME = re.compile(r"(?:Dr\.?\s|Mr\.?\s|Ms\.?\s)?[A-Z][a-z]{1,15}")
_PLAN_MODALS = re.compile(r"(?:wants?|plans?|intends?|expects?)\sto")


@dataclass(slots=True)
class Found:
    """A commitment as written in one clause (offsets are into the note)."""

    party: Party
    who: str | None
    action: str
    start: int
    end: int
    hedged: bool = False  # a wish or hedge: "would like a demo", "might trial it"
    agreed: bool = False  # "agreed to", "said yes": survives a condition stated before it
    event: bool = False  # a booked event ("review session Thu"): never a vague stall
    accepted: bool = False  # a yes to the rep's ask: its date may follow in the next clause
    named: bool = False  # the customer named the day in their own words: "can you do Tue 18th"


def clean_action(text: str, start: int, end: int) -> tuple[str, int]:
    """The action words in text[start:end], and where they end (offset into text)."""
    seg = text[start:end]
    m = _ACTION_END.search(seg)
    if m:
        seg = seg[: m.start()]
    seg = seg.rstrip(" ,:-–—")
    return seg.strip()[:160], start + len(seg)


# A quote mark: a double one, or a single one that opens a word or closes one. Led by one
# character class, so the engine skips to the marks (8x faster than trying each branch anywhere).
_QUOTE = re.compile(r"[\"“”'](?:(?<=[\"“”])|(?<=')(?:(?<!\w')(?=\w)|(?<=[\w.!?,]')(?!\w)))")


def _nobody(at: int) -> bool:
    return False


def in_quote(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] leaves a quotation open ("Jerome: 'we'll circle back").

    Apostrophes inside words ("I'll") are no quote marks: a single quote counts only when it
    opens before a word or closes after one.
    """
    return sum(1 for _ in _QUOTE.finditer(text, start, end)) % 2 == 1


class ClauseReader:
    """Reads the commitments of one clause."""

    def __init__(
        self,
        t: str,
        tl: str,
        clause: Clause,
        prev: tuple[Party, str | None] | None,
        ask: str | None,
        dated: bool,
        runon: bool = False,
        quoted: bool = False,
    ) -> None:
        self.t, self.tl, self.c = t, tl, clause
        self.dated = dated  # the clause holds a future date
        self.runon = runon  # a dictated, all-lowercase note: names are not capitalised
        self.quoted = quoted  # the clause starts inside the customer's quoted words
        self.requested = True  # the customer asked for something: the rep's "done" answers it
        self.chat = False  # the note is a chat: "Me:" names who speaks, not who owes
        self.question = False  # the clause ends on a question mark
        # whether a note offset is in the customer's own words (threads.Thread.customer_at)
        self.theirs: Callable[[int], bool] = _nobody
        self.cues: list[md.Modal] | None = None  # the modal cues in the clause, when known
        # where the clause names a date (dates.find_due_phrases), in clause offsets
        self.date_spans: list[tuple[int, int]] = []
        self.prev = prev  # party and who of the last commitment in this sentence
        self.ask = ask  # what the rep asked for or offered just before, if anything
        lead = _LEAD_WORDS.match(tl)
        self.body = lead.end() if lead else 0

    def names_date(self, start: int, end: int) -> bool:
        """Whether a date phrase starts within [start, end) of the clause (its closing dot may
        be the sentence's: "we deliver until 12.12.")."""
        return any(start <= a < end for a, _ in self.date_spans)

    def _date_leads(self, s_start: int) -> bool:
        """Whether the clause opens on its date, just before the subject: "On Monday I send him
        the quote", "Next week Thursday I come back with Mees", "Friday he sends the drawings"."""
        return any(
            self.body <= a and 0 <= s_start - b <= 2 and self.tl[self.body : a] in ("", "on ")
            for a, b in self.date_spans
        )

    def found(
        self, party: Party, who: str | None, start: int, a_start: int, a_end: int | None = None
    ) -> Found:
        action, end = clean_action(self.t, a_start, len(self.t) if a_end is None else a_end)
        return Found(party, who, action, self.c.start + start, self.c.start + end)

    def read(self) -> list[Found]:
        t, tl, body = self.t, self.tl, self.body
        # A label needs its separator: skip the (backtracking) label pattern when none is there.
        lab = lx.LABELLED.match(t, body) if (":" in t or "-" in t or "–" in t or "—" in t) else None
        if (
            lab
            and not self.chat  # a chat's label names who speaks: "Zanele (Founder): Send me it"
            and lx.ACTION_VERB.match(tl, lab.start("act"))
            and not lx.HEADER_START.match(tl, lab.start("act"))
            and not _REQUEST.match(tl, lab.start("act"))
        ):
            if lab.group("who").lower() in lx.GREETINGS or lab.group("who").lower() in lx.FIELDS:
                party, who = None, None  # "Team - update on Granite Peak": a greeting
            else:
                party, who = who_party(lab.group("who"))
            if party is not None:
                return [self.found(party, who, body, lab.start("act"))]
        elif (
            lab
            and self.dated
            and lab.group("who").lower() in _ME_LABELS
            and "?" not in t
            and not _SAID_IN_TRANSCRIPT.match(tl, lab.start("act"))
        ):
            # "me: costed one-pager Thurs": what the rep owes, though named by a noun; in a chat
            # "Me:" only says who speaks ("Me: Sister Tau agreed to trial them from Monday")
            mine = [self.found(Party.REP, None, body, lab.start("act"))]
            return (self.by_words() or mine) if self.chat else mine
        return self.by_words()

    def by_words(self) -> list[Found]:
        """The clause's commitments as its words say, with no owner's label to go by."""
        tl, body = self.tl, self.body
        ask_us = _CALL_ME.match(tl, body)
        if ask_us:  # the customer's own "'Call me after the 15th'": our call to make
            return [self.found(Party.REP, None, body, ask_us.start("verb"))]
        ask = _SEND_ME.search(tl, body, body + 40) if self.date_spans and "me" in tl else None
        theirs = ask and self.theirs(self.c.start + ask.end())
        if ask and theirs and _OPENING.fullmatch(tl, body, ask.start()):
            at = ask.start() + len(ask.group()) - len(ask.group().lstrip("\"'“‘ "))
            return [self.found(Party.REP, None, at, at)]  # their "send me the contract today"
        got = _GOT_THEM_TO.match(self.t, body) if self.dated else None
        if got:
            f = self.found(Party.CUSTOMER, got.group("name"), body, got.end())
            f.agreed = True
            return [f]
        named = self.their_time() if self.dated else -1
        if named >= 0:  # from the words naming the day: "Tuesday's busy, can you do Wed 16th?"
            f = self.found(Party.CUSTOMER, None, named, named)
            f.agreed = f.event = f.named = True  # "Mr. Tanaka can meet on Thursday 29th": no hedge
            return [f]
        out = self.modals()
        if out:
            return out
        accepted = self.acceptance()
        if accepted:
            return [accepted]
        if lx.REP_NOW.match(self.tl, self.body) or lx.REP_CHASE.match(self.t, self.body):
            # "Doing the quote by Wed", "Carrying samples", "call him Tue"
            return self.todo() or self.event()
        return self.event() or self.todo()

    def acceptance(self) -> Found | None:
        """ "I proposed a trial, she agreed": the customer takes on what the rep asked for."""
        if not self.ask:
            return None
        m = lx.ACCEPT.search(self.tl, self.body)
        if not m or m.start() - self.body > 40 or _NEG_NEAR.search(self.tl, 0, m.start()):
            return None
        subj = lx.SUBJECT_TAIL.search(self.t, self.body, m.start()) if m.start() else None
        party, who = who_party(subj.group("subj")) if subj else (Party.CUSTOMER, None)
        if party is not Party.CUSTOMER:
            return None
        f = Found(Party.CUSTOMER, who, self.ask, self.c.start, self.c.end, agreed=True)
        f.accepted = True
        return f

    def event(self) -> list[Found]:
        """ "Demo booked Tue", "he set it for the 23rd": a scheduled event is the customer's."""
        tl = self.tl
        if not self.dated or tl.startswith("back ", self.body):
            return []  # "back on the 24th to read results" is our own visit: a to-do
        if (
            lx.REP_EVENT.match(tl, self.body)
            or lx.OWN_DIARY.search(tl, self.body)
            or _CALLBACK.search(tl, self.body)
        ):
            return [self.found(Party.REP, None, self.body, self.body)]  # "Ships Mon"
        if self.question and not self.quoted and _OUR_PROPOSAL.match(tl, self.body):
            return []  # "Me: Would a 20-min call next week help?": asked, not agreed
        ev = lx.EVENT_NOUN.search(tl) or lx.CUSTOMER_DELIVERABLE.search(tl) or _VISIT.search(tl)
        agreed = lx.AGREED_EVENT.search(tl)
        if not (agreed or ev) or _PAST_EVENT.search(tl) or _NEGATED.search(tl) or _BUSY.search(tl):
            return []
        if _DECLINED.search(tl) or _REPLY_TO_OURS.search(tl):
            # "turned down the workshop", "rang to cancel Tuesday's meeting"; a message's header
            # ("Matteo's reply to the recap I sent after Thursday's demo") tells of no new event
            return []
        if lx.OUR_MEETING.search(tl):
            return []
        first = min(x.start() for x in (ev, agreed) if x)
        subj = lx.SUBJECT_TAIL.search(self.t, self.body, first) if first > self.body else None
        party, who = who_party(subj.group("subj")) if subj else (None, None)
        if (not subj or subj.start() == self.body) and ours_leading(self.t, self.body):
            return [self.found(Party.REP, None, self.body, self.body)]  # "Our installer Gavin does"
        if (
            party is Party.REP
            and subj
            and subj.group("subj").lower() in _WE
            and lx.JOINTLY.match(tl, subj.end())
        ):
            party = None  # "we're meeting again Wed 11th with him": an event both sides hold
        last = max(x.end() for x in (ev, agreed) if x)
        if party is None and _WE_DO.search(tl, self.body, last) and not _THEY.search(tl, self.body):
            party = Party.REP  # "I send her the business case this week and call her after"
        if party is Party.REP and not agreed:  # "I'd have our engineer call him this week"
            return [self.found(Party.REP, None, self.body, self.body)]
        who = who if party is Party.CUSTOMER else None
        f = self.found(Party.CUSTOMER, who, self.body, self.body)
        f.agreed = f.event = True
        return [f]

    def their_time(self) -> int:
        """Where the customer, in their own words, names the time of a meeting with us ("can
        you do Tue 18th at 10am", "Thursday 29th works for all of them"), or -1."""
        tl = self.tl
        for a, b in self.date_spans:
            if not (self.quoted or self.theirs(self.c.start + a)):
                continue
            before = _THEIR_TIME_BEFORE.search(tl, max(0, a - 30), a)
            if before:
                return before.start()
            if (
                _THEIR_TIME_AFTER.match(tl, b)
                and not _NEGATED.search(tl, max(0, a - 12), a)
                and not tl.endswith(("from ", "since "), 0, a)  # "your price from Monday is fine"
            ):
                return a
        return -1

    def todo(self) -> list[Found]:
        """The rep's own to-do in note form: "f/u next wk", "Sending.", "resent"."""
        tl, body = self.tl, self.body
        if _MESSAGE_FROM.match(tl, body):
            return []  # "Email from Frank Yates: ...": where the words came from, no to-do
        if lx.REP_START.match(tl, body):  # one try for the three shapes below
            rest = tl[body:].strip()
            if (
                lx.TODO_START.match(tl, body)
                and not lx.HEADER.match(rest)
                and not (self.c.start < 3 and not self.dated and _FU_WITH.match(rest))
            ):  # (the note's opening "F/u w/ Garrett at Northshore" names this call)
                return [self.found(Party.REP, None, body, body)]
            done = lx.REP_DONE.match(tl, body) and (
                (rest.count(" ") < 5 and (self.requested or rest.startswith(("resent", "re-sent"))))
                or lx.AFTER_CALL.search(tl, body)
            )  # "(she asked for it) resent", "resent + texted him", "Emailed it straight after"
            if lx.REP_NOW.match(tl, body) or done:  # "Sending.", "(she asked for it) resent"
                return [self.found(Party.REP, None, body, body)]
        if self.dated and _GOES_TO.match(self.t, body):  # "Proposal goes over to Dana Monday"
            return [self.found(Party.REP, None, body, body)]
        if self.dated and _MINE.search(tl, body):  # "-> my proposal by EOW", "quote from me Thu"
            return [self.found(Party.REP, None, body, body)]
        owed = lx.OWED_BY.search(tl, body) if self.dated else None
        if owed:  # "asked me for a summary by 12/5": ours to send, with that date
            return [self.found(Party.REP, None, owed.start(), owed.start())]
        trailing = lx.TRAILING_REP.search(tl, body)
        if trailing:  # "Lorna asked for updated pricing, sending nxt wk"
            return [self.found(Party.REP, None, trailing.start("act"), trailing.start("act"))]
        if self.requested and lx.TRAILING_DONE.search(tl, body):
            return [self.found(Party.REP, None, body, body)]  # "olu asked for creds again, resent"
        wait = lx.WAITING.search(tl, body) if any(w in tl for w in lx.WAIT_WORDS) else None
        if wait:  # "expect to hear back": the move is theirs, though nobody promised it
            f = self.found(Party.CUSTOMER, None, wait.start(), wait.start())
            f.action, f.hedged = wait.group(), True
            return [f]
        return []

    def modals(self) -> list[Found]:
        t, tl, body = self.t, self.tl, self.body
        if self.cues is None:
            every = md.find_modals(tl, body, len(tl), MAX_MODALS)
        else:  # found by one scan of the note: keep those inside this clause's body
            base = self.c.start
            every = [
                md.Modal(m.start - base, m.end - base, m.mod, m.neg)
                for m in self.cues
                if m.start >= base + body and m.end <= self.c.end
            ][:MAX_MODALS]
        if not every:
            return []
        # A bare "to" is mostly an infinitive: it never ends the action before it.
        stops = [m.start for m in every if m.neg or m.mod != "to "]
        out: list[Found] = []
        for m in every:
            if m.neg:
                continue
            mod = m.mod.strip()
            # "Agenda to Juliana by Tues" is ours, "questionnaire back to us by the 27th" theirs
            sender = self._sender(m) if mod == "to" and self.dated else None
            if sender is not None:
                out.append(self.found(sender, None, body, body))
                continue
            got = self.subject(m, mod, out)
            if got is None:
                continue
            party, who, s_start, hedged = got
            a_end = next((s for s in stops if s > m.start), len(t))
            undated = not self.names_date(m.end, a_end) and not self._date_leads(s_start)
            if (
                not m.mod
                and undated
                and not _SAID_BEFORE.search(tl, 0, m.start)
                and not lx.REPLY.match(tl, m.end)
            ):
                continue  # "Jess sends me the data" only promises with a date: "tmrw"
            f = self.found(party, who, s_start, m.end, a_end)
            if not f.action:
                if _AGREE_MODALS.match(mod) and self.ask and party is Party.CUSTOMER:
                    f.action, f.accepted = self.ask, True  # "Pam agreed, set for the 17th"
                else:
                    continue
            if hedged and _PLAN_MODALS.match(mod) and self.names_date(m.end, a_end):
                hedged = False  # "she wants to start the trial on 1 August" is a plan
            f.hedged = hedged
            f.agreed = bool(_AGREE_MODALS.match(mod))
            split = _AND_VERB.search(tl, m.end, f.end - self.c.start) if f.action else None
            if (
                split
                and self.names_date(m.end, split.start())
                and self.names_date(split.end(), a_end)
            ):  # "confirm with our AE today and send Walt the plan by Monday": two dates, two
                second = self.found(party, who, split.end(), split.end(), a_end)
                first = self.found(party, who, s_start, m.end, split.start())
                for g in (first, second):
                    g.hedged, g.agreed = f.hedged, f.agreed
                out.extend((first, second))
                continue
            out.append(f)
        return out

    def _sender(self, m: md.Modal) -> Party | None:
        """Who sends the thing a clause opens on, when a "to" names its recipient and a date."""
        if not _THING_FIRST.fullmatch(self.tl, self.body, m.start):
            return None
        if _TO_WHOM.match(self.t, m.end):
            return Party.REP  # "invoice to her by 12/30": ours to deliver
        if _TO_US.match(self.t, m.end):
            return Party.CUSTOMER  # "induction pack - back to us by the 27th": theirs
        return None

    def subject(
        self, m: md.Modal, mod: str, out: list[Found]
    ) -> tuple[Party, str | None, int, bool] | None:
        """Who made the promise at modal `m`: (party, who, where the subject starts, hedged)."""
        t, tl, body = self.t, self.tl, self.body
        before = t[body : m.start]
        if not before.strip():
            subj = None
        elif mod == "to":  # "Dana to send specs": the subject opens the clause, or it is none
            subj = lx.SUBJECT_TAIL.match(t, body, m.start) if m.start - body <= 80 else None
        else:
            pron = lx.PRONOUN_LAST.search(tl, max(body, m.start - 24), m.start)
            if pron:  # "..., and she'll": one try at the pronoun, no search
                subj = lx.SUBJECT_TAIL.match(t, pron.start("p"), m.start)
            else:  # a subject is a few words: bound the search
                subj = lx.SUBJECT_TAIL.search(t, max(body, m.start - 80), m.start)
        party: Party | None = None
        who: str | None = None
        s_start = m.start
        inner = _IN_MODAL.match(mod)
        if not mod and _SAID_BEFORE.search(tl, 0, m.start):
            return Party.REP, None, m.start, False  # "he said just send him the deck"
        if inner:  # "said she'd", "confirmed they'll": the subject sits inside the cue
            party, who = who_party(inner.group(1))
            if party is Party.CUSTOMER and subj:
                p2, w2 = who_party(subj.group("subj"))
                who = w2 if p2 is Party.CUSTOMER else None
        elif subj:
            w0 = max(body, subj.start("subj") - 30)
            if lx.EMBEDDED.search(t, w0, subj.start("subj")):
                return None  # "talked about how they'll staff it"
            if (
                subj.group("subj").lower() in ("she", "he", "they")
                and not lx.ACTION_VERB.match(tl, m.end)
                and lx.RELATIVE.search(t, w0, subj.start("subj"))
            ):
                return None  # "the criteria they'll use" (but "the data she'll send" is one)
            first = subj.group("subj").split()[0].lower()
            if (
                mod == "to"
                and (
                    subj.group("adv")
                    or (
                        first in lx.NOT_A_NAME
                        and first not in _DETERMINERS
                        and subj.group("subj") != "IT"  # "IT to provision the sandbox"
                    )
                )
                and not _ASKED_ME.search(tl, body, m.start)
            ):
                return None  # "he had to jump", "Rang Owen to check" are no "Dana to send specs"
            party, who = who_party(subj.group("subj"))
            s_start = subj.start("subj")
            word = subj.group("subj").lower()
            quoted = self.quoted or in_quote(t, body, m.start)
            ours = word in _WE or word == "i" or word.startswith(("our ", "my "))
            if party is not None and ours and quoted:
                # the customer speaking: "'we'll circle back'", "> Our compliance team will"
                party, who = Party.CUSTOMER, None
            elif (
                word == "you" and quoted and mod in _YOU_WILL and not _RECEIVE.match(tl, m.end)
            ):  # the customer to us: "> you'll send the deck", but "you'll have an answer"
                party, who = Party.REP, None
            elif party is not None and word in _WE:
                # "we'll meet Tue" is a meeting both hold, "we send the demo report" ours
                joint = (
                    lx.EVENT_NOUN.search(tl, m.end) or lx.JOINTLY.match(tl, m.end)
                ) and not _DELIVER.match(tl, m.end)
                party = Party.CUSTOMER if joint else Party.REP
        got_obj = (
            _GOT_OBJECT.search(t, body, m.start)
            if mod == "to" and ("got " in before or "persuaded" in before or "convinced" in before)
            else None
        )
        if got_obj:  # "got him to put our pads on 2 trucks": the customer agreed to it
            p2, w2 = who_party(got_obj.group("obj"))
            named = _FIRST_NAME.match(got_obj.group("obj"))
            return Party.CUSTOMER, (w2 if p2 else None) or (named and named.group()), m.start, False
        if mod == "to" and _TITLE_NEXT.match(t, m.end):
            return None  # "Mail to Fr. Haug": to a person, no one's action
        if mod == "to" and (party is None or t[body:s_start].strip()):
            if not _ASKED_ME.search(tl, body, m.start):
                return None  # an infinitive, not "Dana to send specs"
            party, who, s_start = Party.REP, None, m.start  # "she asked me to send a deck"
        if party is None and self.runon and mod in _RUNON_MODALS:
            low_name = _LOWER_NAME.search(tl, max(body, m.start - 30), m.start)
            if (
                low_name
                and low_name.group(1) not in _COMMON
                and _NAME_LEAD.search(tl, max(body, low_name.start(1) - 12), low_name.start(1))
            ):  # "so tom will send" names Tom; "the roofing sheets will send" names nobody
                party, who = Party.CUSTOMER, low_name.group(1).capitalize()  # "tom will send"
                s_start = low_name.start(1)
        if party is None:
            party, who = self.implied_subject(before, mod, m.end)
            if (
                party is None
                and mod.endswith(" to")
                and _AGREE_MODALS.match(mod)
                and not _REP_PROMISE.match(mod)
                and lx.ACTION_VERB.match(self.tl, m.end)
                and not _NEGATED.search(before)
            ):
                party, who = Party.CUSTOMER, None  # "harbour master's office agreed to host"
            if party is None:
                return None
        if (
            md.NEED_MODAL.match(m.mod)
            and party is Party.CUSTOMER
            and not _CONSULT.match(self.tl, m.end)
        ):
            return None  # "they need to find budget" is their problem, not their promise
        hedged = bool(md.HEDGE_MODAL.match(m.mod))
        if hedged and party is Party.REP:
            return None
        return party, who, s_start, hedged

    def implied_subject(
        self, before: str, mod: str, action_at: int
    ) -> tuple[Party | None, str | None]:
        """The subject a subjectless modal borrows: the last one in the sentence, or the rep."""
        fresh = bool(_FRESH.search(before))
        if not fresh:
            if _AND_BEFORE.search(before):
                if self.prev:
                    return self.prev  # "she'll send X and bring Y"
                names = list(_LAST_SUBJECT.finditer(before))
                for n in reversed(names):
                    party, who = who_party(n.group())
                    if party is not None:
                        return party, who  # "They said ... and will revert"
            return None, None
        if self.prev and before.strip():
            return self.prev  # "Ana agreed to a demo, will confirm by email"
        if _REP_PROMISE.match(mod):
            return Party.REP, None  # "Promised to email a revised quote": the writer's promise
        if _AGREE_MODALS.match(mod):
            return Party.CUSTOMER, None  # "Agreed to the line 2 trial": only the buyer agrees
        if mod in _REP_MODALS:
            # "Will send pricing" is the rep's note to self; "will lmk" is the customer's.
            if _BUYER_VERB.match(self.tl, action_at) or self.theirs(self.c.start + action_at):
                return Party.CUSTOMER, None  # their text too: "Will let you know start of May."
            return Party.REP, None
        return self.prev if self.prev else (None, None)
