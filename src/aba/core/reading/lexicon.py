"""Compiled cue lexicons for reading call notes.

Each pattern is a flat alternation of words with bounded gaps (`[^.]{0,40}` at most), so a
search costs time linear in the clause. Words are matched case-insensitively; British and
American spellings and common shorthand sit side by side.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _I)


# Shorthand reps write; expanded before cue matching (same length is not needed: we only use
# the expansion to classify, offsets always come from the original text).
APOS = re.compile(r"[’‘`´]")

# --- who -------------------------------------------------------------------------------------

ROLE = (
    r"(?:cfo|ceo|cto|cio|coo|cmo|cro|ciso|vp|svp|evp|director|head\sof\s\w+|manager|mgr|owner"
    r"|founder|president|chair|procurement|purchasing|legal|finance|it|infosec|security"
    r"|board|boss|team|committee|buyer|champion|sponsor|budget\sholder|decision[- ]maker"
    r"|econ(?:omic)?\sbuyer|controller|partner|engineer|admin|architect|lead|ops|analyst"
    r"|coordinator|gm|md|officer|treasurer|principal|superintendent|dean|it\sdept"
    r"|department|dept|colleague|counterpart|assistant|pa|ea)"
)
CUSTOMER_WORD = (
    r"(?:she|he|they|them|the\s(?:customer|client|prospect|buyer|account|company|firm|practice"
    r"|school|hospital|store|shop|group)|customer|client|prospect)"
)
REP_PRONOUN = re.compile(r"^(?:i|me|myself|i'm|i've|i'd|rep|our\s\w+|my\s\w+)$", _I)
WE = re.compile(r"^(?:we|us|both\sof\sus|the\stwo\sof\sus)$", _I)

# The subject right before a modal: the last few words of the text before it.
SUBJECT_TAIL = _rx(
    r"(?:^|[\s(,:])(?P<subj>i|me|we|she|he|they|both\sof\sus|"
    rf"(?:the|their|her|his|our|my)\s(?:[\w-]+\s)?(?:{ROLE}|customer|client|prospect|people"
    r"|guys|folks|side|company|office|boss|contact|person|rep|se|colleague)|"
    r"(?-i:[A-Z][\w'-]{1,20}(?:\s[A-Z][\w'-]{1,20}){0,2})(?:\s\((?:[^()]{1,30})\))?|"
    rf"{ROLE}(?:\s\w+)?)"
    r"(?P<adv>\s(?:also|then|just|now|kindly|happily|finally|definitely|already|still|both"
    r"|personally|herself|himself|themselves|myself|said\s(?:she|he|they)))?\s*$"
)
# Capitalised words that start clauses but are not people.
NOT_A_NAME = frozenset(
    """next then also so and but demo trial call meeting mtg poc pilot great good they she he
    we it this that there will would sent send spoke met had have was were is are the a an our
    my their his her overall follow f/u fu please need todo note notes action outcome result
    summary monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december eow eod asap po rfp qbr
    nda sow msa after before if once when while unless as per re hi hello today tomorrow
    budget pricing price contract proposal quote everything nothing all both maybe possibly
    tentatively might could should can just ok okay yes no not agreed booked scheduled set
    signed""".split()
)

# --- modals and commitment verbs --------------------------------------------------------------

# A future or agreed action, matched where the action's verb begins after it.
MODAL = _rx(
    r"(?P<neg>\b(?:won't|wont|will\snot|wouldn't|would\snot|isn't\sgoing\sto|aren't\sgoing\sto"
    r"|not\sgoing\sto|refused\sto|declined\sto|didn't\sagree\sto|did\snot\sagree\sto"
    r"|couldn't\scommit\sto|could\snot\scommit\sto|wouldn't\scommit\sto|would\snot\scommit\sto"
    r"|not\sready\sto|not\swilling\sto|unwilling\sto|can't|cannot|can\snot)\s)"
    r"|(?P<mod>'ll\s|\bwill\s|\bwil\s|\bshall\s|\bgonna\s|\b(?:is|are|am|'s|'re|'m)\sgoing\sto\s"
    r"|\bgoing\sto\s|\bhas\sagreed\s(?:to\s)?|\bhave\sagreed\s(?:to\s)?|\bagreed\s(?:to\s)?"
    r"|\bcommitted\sto\s|\bcommits\sto\s|\bpromised\s(?:to\s)?|\bpromises\sto\s|\boffered\sto\s"
    r"|\bvolunteered\sto\s|\bsaid\s(?:she|he|they|i|we)(?:'d|\swould|\swill|'ll)\s"
    r"|\bconfirmed\s(?:she|he|they|we)(?:'d|\swould|\swill|'ll)\s|\bwill\stry\sto\s"
    r"|\bneeds?\sto\s|\bhave\sto\s|\bhas\sto\s|\bmust\s|\bshould\s|\bwould\s"
    r"|\bcan\s|\bcould\s|\bmight\s|\bmay\s|\bwants?\sto\s|\bplans?\sto\s|\bhopes?\sto\s"
    r"|\bintends?\sto\s|\bexpects?\sto\s|\bwant\sto\s|\bto\s)"
)
# Modals that only express a hedge or an obligation of the rep's own, never a firm promise.
HEDGE_MODAL = _rx(
    r"^(?:could|might|may|should|would|can|will\stry\sto|wants?\sto|plans?\sto|hopes?\sto"
    r"|intends?\sto|expects?\sto)\s$"
)
NEED_MODAL = _rx(r"^(?:needs?\sto|have\sto|has\sto|must)\s$")

# Progressive and past forms that record an action agreed in the call.
AGREED_EVENT = _rx(
    r"\b(?P<verb>booked|scheduled|set\sup|setup|set|arranged|confirmed|locked\sin|locked"
    r"|penciled\sin|pencilled\sin|penciled|pencilled|put\sin|calendared|accepted|agreed\son"
    r"|is\ssetting\sup|are\ssetting\sup|is\sbooking|is\ssending|is\sbringing|is\sarranging"
    r"|is\sorganizing|is\sorganising|is\sscheduling|are\sscheduling|are\ssending|is\sstarting"
    r"|are\sstarting|kicks\soff|kicking\soff|starts|starting|begins|beginning|on\sthe\scalendar"
    r"|in\sthe\sdiary|in\sthe\scalendar|invite\ssent|invite\saccepted)\b"
)

# --- what the action is -------------------------------------------------------------------------

# Customer actions that move a sale toward a decision (Rackham's advances).
ADVANCE_ACTION = _rx(
    r"\b(?:demo|demos|demonstration|trial|pilot|poc|proof\sof\sconcept|evaluation|eval|test"
    r"|testing|meeting|mtg|meet|call\swith|session|workshop|walkthrough|walk-through|onsite"
    r"|on-site|site\svisit|visit|tour|intro|introduce|introduction|loop\sin|bring|invite"
    r"|requirements|reqs|specs|spec|rfp|rfi|rfq|data|usage|numbers|figures|security\sreview"
    r"|security\squestionnaire|questionnaire|infosec|legal\sreview|redlines|redline|contract"
    r"|msa|nda|sow|procurement|vendor\sform|vendor\ssetup|onboarding\sform|review\sthe"
    r"|reference|references|business\scase|approval|sign[- ]off|sign|present|presentation"
    r"|pitch|shortlist|short-list|benchmark|install|kickoff|kick-off|kick\soff|board"
    r"|committee|cfo|ceo|cto|cio|vp|budget\sholder|decision\smaker|stakeholders|champion"
    r"|share|send\sover|send\sus|send\sme|provide|get\sus|pull|access|sandbox|integration"
    r"|scope|scoping|discovery|deep\sdive|technical|architecture|it\steam|qbr|purchase"
    r"|budget|quote|pricing\sreview|run|start|schedule|book|set\sup|arrange|organi[sz]e)"
)
# Customer "commitments" that leave the next move vague: the classic continuation.
STALL_ACTION = _rx(
    r"^(?:\w+\s){0,2}(?:get\sback|come\sback|revert|think|consider|mull|discuss|talk\sit"
    r"|talk\sabout|chat\sabout|let\s(?:me|us)\sknow|be\sin\stouch|touch\sbase|circle\sback"
    r"|reach\sout|review\s(?:it|internally|and)|look\s(?:at|into|over)|keep\sme|keep\sus|ping"
    r"|call\sme|email\sme|reply|respond|decide|sleep\son|see\s|check\s(?:with|internally)"
    r"|run\sit\sby|run\sit\spast|take\sit\sto|socialise|socialize|digest|chew|ponder|evaluate"
    r"\sinternally|hold|wait|revisit|reconnect|follow\sup|f/u|get\sin\stouch|contact\sme"
    r"|go\saway)"
)
# Rep actions: follow-up chores that never advance a sale on their own.
REP_ACTION = _rx(
    r"^(?:\w+\s){0,1}(?:send|email|e-mail|mail|call|ring|phone|follow\sup|follow-up|f/u|fu"
    r"|check\sin|circle\sback|touch\sbase|ping|chase|share|prepare|prep|draft|write|put"
    r"|pull|get|update|book|schedule|set\sup|arrange|organi[sz]e|reach\sout|loop|forward|fwd"
    r"|look|find|confirm|drop|revise|rework|build|create|dig|research|reconnect)\b"
)
# Bare to-do bullets in the rep's own notes ("send pricing Fri", "f/u next wk").
TODO_START = _rx(
    r"^(?:(?:me|i|rep|todo|to\sdo|action|ai|next)\s*[:\-–]\s*)?(?:send|email|e-mail"
    r"|call(?!\s(?:with|went|was|w/|notes?|summary|recap)\b)|ring"
    r"|phone(?!\s(?:call|was))|follow\sup|follow-up|f/u|fu|check\sin|circle\sback|touch\sbase|ping"
    r"|chase|prepare"
    r"|prep|draft|put\stogether|update|reach\sout|forward|fwd|confirm|drop\s(?:by|in|off)"
    r"|revise|rework|book|schedule|set\sup|arrange|loop\sback)\b"
)
# "Dana: send specs", "Dana - send specs": an action owner given as a label.
LABELLED = re.compile(
    r"^(?P<who>[A-Za-z][\w.'-]{0,20}(?:\s[A-Za-z][\w.'-]{0,20}){0,2})\s*(?:[:–—]|\s-)\s*"
    r"(?P<act>\w.*)$",
    re.DOTALL,
)
# Scheduled events without a subject ("Demo booked Tue", "POC kicks off 3/18").
EVENT_NOUN = _rx(
    r"\b(?:demo|demos|demonstration|trial|pilot|poc|proof\sof\sconcept|eval|evaluation"
    r"|meeting|mtg|call|workshop|session|walkthrough|onsite|on-site|site\svisit|visit|tour"
    r"|security\sreview|legal\sreview|review|kickoff|kick-off|presentation|qbr|intro|follow-up"
    r"\smeeting|deep\sdive|sync|discovery\scall)\b"
)

# --- scopes ------------------------------------------------------------------------------------

NEGATION = _rx(
    r"\b(?:not|no|never|won't|wont|wouldn't|didn't|don't|doesn't|isn't|aren't|wasn't|weren't"
    r"|can't|cannot|couldn't|haven't|hasn't|refused|declined|rejected|unwilling|nope|neither"
    r"|nor)\b"
)
HEDGE = _rx(
    r"\b(?:might|maybe|may\sbe|possibly|perhaps|tentative|tentatively|potentially|hopefully"
    r"|probably|likely|could|pencil(?:l?ed)?\sin|pencil(?:l?ed)?|ideally|in\sprinciple|tbc|tbd"
    r"|not\ssure|unsure|would\slike\sto|wants\sto|want\sto|interested\sin|open\sto|considering"
    r"|thinking\sabout|thinking\sof|may|if\spossible|hope\sto|hopes\sto|try\sto|trying\sto"
    r"|floated|mentioned\s(?:maybe|possibly)|ballpark)\b"
)
CONDITIONAL = _rx(
    r"\b(?:if|unless|assuming|provided|providing|once|pending|contingent|depending|depends"
    r"|subject\sto|as\slong\sas|in\scase|whether|when\s(?:the\s)?(?:budget|funding|approval)"
    r"|should\s(?:they|she|he|the\sbudget))\b"
)
EARLIER = _rx(
    r"\b(?:last\s(?:time|call|week|month|meeting|visit|quarter|year|mon\w*|tue\w*|wed\w*|thu\w*"
    r"|fri\w*)|previously|previous\s(?:call|meeting|visit)|as\spromised|as\sagreed|as\sdiscussed"
    r"\s(?:last|previously|before)|earlier\s(?:this|in)|back\sin|had\s(?:agreed|promised|said"
    r"|committed|planned|offered)|(?:our|the)\s(?:last|previous|first|prior|original)\s(?:call"
    r"|meeting|visit|conversation|demo)|\w+\s(?:weeks?|months?|days?)\sago|ago|at\sthe\stime"
    r"|originally|initially|back\sthen|prior\scall|last\s\w+'s|already)\b"
)

# --- outcomes ----------------------------------------------------------------------------------

ORDER = _rx(
    r"\b(?:signed|countersigned|counter-signed|inked|po\s(?:received|issued|came|arrived|sent"
    r"|number|#|to\sfollow|is\scoming|raised|cut)|(?:received|got|have|issued|raised|cut|sent"
    r"\s(?:us|me|over))\s(?:the\s|a\s|their\s)?(?:po|purchase\sorder)|purchase\sorder"
    r"|placed\s(?:the\s|an\s|a\s|their\s)?(?:order|po)|order\s(?:placed|confirmed|signed|in"
    r"|received)|closed[- ]won|closed\sthe\sdeal|deal\sclosed|we\swon|won\sthe\s(?:deal|business"
    r"|contract|bid|tender)|verbal(?:ly)?\s(?:award|yes|commit|commitment|agreement|ok|go"
    r"|approval|confirmation)|verbal(?:ly)?\s(?:awarded|agreed|committed|accepted|confirmed)"
    r"|awarded\s(?:us|the\scontract|the\sdeal)|gave\sus\sthe\s(?:business|contract|deal|order)"
    r"|(?:agreed|decided|committed)\sto\s(?:buy|purchase|go\sahead|proceed|sign|move\sforward"
    r"\swith\sthe\spurchase)|bought|purchased|(?:renewal|contract|deal|agreement|order)\s(?:is\s)?"
    r"(?:signed|done|executed|approved|booked|closed)|renewed|signed\sthe\srenewal|they're\sbuying"
    r"|they\sare\sbuying|going\sahead\swith\s(?:the\s)?(?:purchase|order|deal|contract)"
    r"|green[- ]?lit|greenlit|approved\sthe\s(?:purchase|order|deal|contract|spend|po)"
    r"|sign(?:ed)?\son\sthe\sdotted\sline|we\sgot\sthe\s(?:deal|order|business)|ordered"
    r"|accepted\s(?:the|our)\s(?:quote|proposal|offer))\b"
)
NO_SALE = _rx(
    r"\b(?:declined|decline|not\sinterested|no\slonger\sinterested|lost\s(?:the\s)?(?:deal|bid"
    r"|tender|opportunity|it|to)|went\swith|going\swith\s(?:a\s)?(?:competitor|another|the\sother)"
    r"|chose\s(?!us\b)|chosen\s(?!us\b)|picked\s(?!us\b)|selected\s(?!us\b)|signed\swith"
    r"|(?:project|initiative|budget|deal|opportunity|rfp)\s(?:was\s|is\s|got\s|has\sbeen\s)?"
    r"(?:cancel(?:l)?ed|killed|scrapped|shelved|cut|pulled|frozen|dead|axed)|cancel(?:l)?ed\sthe"
    r"\s(?:project|initiative|rfp|search|evaluation|order)|do\snot\s(?:contact|call|email)"
    r"|don't\s(?:contact|call|email)|stop\s(?:contacting|calling|emailing)|remove\s(?:them|us|her"
    r"|him)\sfrom|unsubscribe|not\s(?:moving|going)\s(?:forward|ahead)|won't\sbe\s(?:moving"
    r"|going)\s(?:forward|ahead)|closed[- ]lost|no\sdeal|dead\sdeal|deal\sis\sdead|passed\son"
    r"|pass\son|turned\s(?:us\s)?down|rejected|no\sneed|not\sa\sfit|no\sfit|staying\swith"
    r"|stick(?:ing)?\swith\s(?:their|the\scurrent|the\sincumbent)|renewed\swith|not\sbuying"
    r"|won't\sbe\sbuying|will\snot\sbe\sbuying|not\sproceeding|won't\sproceed|will\snot\sproceed"
    r"|decided\sagainst|decided\snot\sto|opted\sfor|opted\sout|walked\saway|pulling\sout"
    r"|out\sof\s(?:the\s)?running|lost\sout|no\sbudget\s(?:this|for|at)|not\sa\spriority\s"
    r"(?:this|for)|not\sthe\sright\stime|don't\scall|leave\sthem\salone|no\slonger\spursuing)\b"
)
# Order cues that only say a purchase is expected, not made.
ORDER_FUTURE = _rx(
    r"\b(?:will|'ll|would|could|might|may|plan(?:s|ning)?\sto|expect(?:s|ing)?\sto|hope|hoping"
    r"|likely\sto|want(?:s)?\sto|ready\sto|about\sto|going\sto|intend(?:s)?\sto|aim(?:s|ing)?\sto"
    r"|before|until|need(?:s)?\sto|yet|to\ssign)\b"
)

# --- the rep asking ----------------------------------------------------------------------------

ASKED = _rx(
    r"\b(?:i|we)\s(?:also\s|then\s|directly\s|finally\s|explicitly\s)?(?:asked|requested"
    r"|proposed|suggested|pushed|pressed|pitched|offered|recommended|went\sfor|tried\sto\s"
    r"(?:close|book|get|set|lock)|invited|floated|put\sforward|tabled|closed\sfor|asked\sfor"
    r"|made\sthe\sask|made\sthe\scase\sfor|raised\sthe\s(?:idea|question)\sof)\b"
    r"|\basked\s(?:for|them|her|him|if|whether|about\s(?:a|the)\s(?:trial|demo|order|next|po))"
    r"|\b(?:asked|pushed|went)\sfor\sthe\s(?:order|business|close|sale|signature|commitment|po)"
    r"|\btrial\sclose|\bmy\sask\b|\bthe\sask\b|\bclose\sattempt|\btried\sclosing"
    r"|\bwould\syou\sbe\s(?:open|willing|able)|\bcan\swe\s(?:book|schedule|set|get|lock)"
    r"|\bshall\swe\b|\bwhy\sdon't\swe\b"
)
NOT_ASKED = _rx(
    r"\b(?:didn't|did\snot|forgot\sto|never|failed\sto|neglected\sto)\s(?:ask|push|request"
    r"|propose|suggest|get\sto\s(?:ask|the\sask))\b|\bno\sask\b|\bdidn't\sget\sto\sthe\sask"
)
