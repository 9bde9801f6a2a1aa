"""Who wrote what in a pasted thread: the customer's own words are read in their voice.

Reps log a call by pasting the thread: their own line on top, then the latest email or the chat,
then the quoted history. When the customer wrote it ("Hi Emrys, I'll send the drawings by Friday
and our buyer will issue the RFQ on the 21st. Philomena"), its "I" and "our buyer" are the
customer and its "you" is the rep. Nothing in the text says which name is the rep, so the writer
is told first from the rep's own line (reps name the customer, never themselves), then from what
the words own: "your quote" and "our buyer" are a buyer's, "our proposal" and "your CFO" a
seller's. An Outlook block pasted under the rep's line is the customer's unless its words are a
seller's ("just bumping this up your inbox"): reps paste what they received. In a chat ("Gus
9:08am: call me back Thursday", "Me 9:10am: will do") "Me" is the rep and the others the
customer; with two names and no "Me", the rep is the one who speaks as a seller.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from aba.core.dates import lower_same_length
from aba.core.reading import lexicon as lx
from aba.core.reading.fastrx import regroup
from aba.core.reading.people import rep_aliases

# Where an older message starts: a reply header, an Outlook block, a forward.
_HISTORY = re.compile(
    r"^[ \t>]*(?:On\s[^\n]{4,120}?\swrote:|-{2,}\s*(?:Original\sMessage|Forwarded\smessage)"
    r"|From:\s)",
    re.MULTILINE,
)
# An Outlook header block: "From: Name <mail>" then Sent/To/Cc/Subject/Date lines.
_FROM_BLOCK = re.compile(
    r"^[ \t]*From:[ \t]*(?P<name>[^\n<]*?)[ \t]*(?:<[^\n>]*>)?[ \t]*\n"
    r"(?:[ \t]*(?:Sent|Cc|Date|Subject):[^\n]*\n|[ \t]*To:[ \t]*(?P<to>[^\n<]*)[^\n]*\n)*",
    re.MULTILINE,
)
_GREETING = re.compile(
    r"^[ \t]*(?:(?i:hi|hello|hey|hiya|dear|morning|afternoon|evening|good\s(?:morning|afternoon"
    r"|evening))[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t])?(?P<to>[A-Z][\w'-]+)"
    r"|(?P<bare>[A-Z][a-z'-]+)[ \t]*,[ \t]*$)",
    re.MULTILINE,
)
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?i:best|regards|kind\sregards|best\sregards|warm\sregards|many\sthanks|thanks"
    r"|thank\syou|cheers|best\swishes|with\skind\sregards|yours\ssincerely|yours\sfaithfully"
    r"|yours|all\sthe\sbest|speak\ssoon|rgds|br|thx))[ \t]*,?[ \t]*(?P<name>[A-Z][\w'-]+)?",
    re.MULTILINE,
)
_NAME_LINE = re.compile(r"^[ \t]*(?P<name>[A-Z][\w'-]+)(?:[ \t][A-Z][\w'-]+){0,2}[ \t]*$", re.M)
_CAPITALISED = re.compile(r"\b[A-Z][a-z'-]+")

_ARTEFACT = (
    r"(?:(?:revised|updated|new|latest|indicative|draft|formal|full|best|final|original)\s)?"
    r"(?:proposal|quote|quotation|samples?|offer|pricing|prices|price\slist|rates|product"
    r"|solution|platform|software|demo|brochure|deck|case\sstud(?:y|ies)|bid|submission|fees?"
    r"|invoice|engineers?|references|order\sform|sow|kit|catalogue|catalog|presentation|pitch"
    r"|redlines)\b"
)
_BUYER_SIDE = (
    r"(?:(?:current|existing|incumbent|head\sof|senior)\s)?"
    r"(?:buyers?|procurement|purchasing|board|cfo|ciso|fd|finance\s(?:director|team)|accounts"
    r"|ap\steam|it\steam|it\sdept|providers?|suppliers?|vendors?|carriers?|budget|users|rfp|rfq"
    r"|general\scounsel|legal\steam|managing\sdirector|maintenance|shift|quality\sengineer"
    r"|transport\splanner|trustees|committee|auditors?|controller|plant\smanager|sister\scompany"
    r"|ops\s(?:mgr|manager|director)|operations\sdirector)\b"
)
# A chat line's speaker: "Gus 9:08am: ...", "[10:02] Farida Oyeleke" or "Dagny Holmquist · 1:08
# PM" above the message, "[4/15/26, 9:14:02 AM] Lucía Ferrant: ...", "Joaquín Estrada-Bell: ...".
_NAME = r"(?:[A-Z][\w.'-]+(?:[ \t][A-Z][\w.'-]*){0,3}|[Mm]e)"  # (not "Q:" and "A:")
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?[ \t]?(?:[ap]\.?m\.?|[AP]M)?"
_SPEAKER = re.compile(
    rf"^[ \t]*(?:\[[^\]\n]{{1,30}}\][ \t]*(?:-[ \t]*)?(?P<a>{_NAME})[ \t]*(?::[ \t]*|$)"
    rf"|(?P<b>{_NAME})(?:[ \t]\((?P<role_b>[^)\n]{{1,60}})\))?[ \t]+{_CLOCK}[ \t]*:[ \t]*"
    rf"|(?P<c>{_NAME})[ \t]+·[ \t]+[^\n]{{1,24}}$"
    rf"|(?!(?:From|Sent|To|Cc|Bcc|Subject|Date|Re|Fw|Fwd|Attachments|Importance|Tel|Mobile"
    rf"|Phone|Email|Web|AI|NS|Action|Actions|Next|Notes?|Outcome|Status|Stage|Summary|Agenda"
    rf"|Attendees|Background|History|Topic|Discussion|Risks?|Deal|Account|Contact|Activity"
    rf"|Description|Detail|Update|Follow-ups?)\b)"  # CRM fields: "AI (them): ...", "Next step: ..."
    rf"(?P<d>{_NAME})(?:[ \t]\((?P<role>[^)\n]{{1,40}})\))?:[ \t]+)",
    re.MULTILINE,
)


# A speaker on our side, by the role in brackets: "Keisha (mgr)", "Nomsa (Sales Mgr)", "(SE)".
_OUR_ROLE = re.compile(
    rf"^(?:{lx.SELLER_ROLE}|mgr|manager|my\s\w+|boss|team\slead|rep)$|\bsales\b|\b(?:RSM|RVP|AVP"
    r"|ASM|RSD|VP\sSales|Area\s(?:Mgr|Manager)|Regional\s(?:Mgr|Manager|Director))\b",
    re.IGNORECASE,
)
# Our own team's chat: a Slack channel or thread, where the customer never speaks.
_TEAM_CHAT = re.compile(r"(?i:\bslack\b)|^[ \t]*#[a-z][\w-]+", re.MULTILINE)
# A channel shared with the customer is no team chat: "Slack Connect with Northwind", "#ext-acme"
_SHARED_CHANNEL = re.compile(r"(?i:slack\sconnect|shared\schannel|external\schannel)|#ext-")
# A customer's text or email quoted whole: "She texted back at lunch:\n'Got your message. ..."
_QUOTE_OPEN = re.compile(
    r"\b(?P<who>[Ss]he|[Hh]e|[Tt]hey|I|[Ww]e|[A-Z][a-z]{1,15})\s(?:texted|txted|wrote|replied"
    r"|emailed|messaged|whatsapped|WhatsApped|answered|came\sback)(?:\s(?:back|me|us))?"
    r"(?:\s[^:\n'\"“‘]{1,30})?:[ \t]*\n?[ \t]*(?P<q>['\"“‘])"
)
# train34: "Email from Leo Fischer (purchasing): \"Can you send ...", "WhatsApp from Kemi: 'pls
# ...", "got this by text: \"In meetings ...", "PO came in from Marcus with this: 'Hi Alana": the
# customer's words after where they came from (tried only when the note has "from " or "this")
_QUOTE_FROM = re.compile(
    r"\b(?:[Ee]-?mail|[Tt]ext|[Tt]xt|[Mm]essage|[Mm]sg|[Ww]hats[Aa]pp|[Rr]eply|SMS|DM|[Vv]oicemail"
    r"|[Nn]ote|[Ll]etter)\s(?:back\s)?from\s(?!(?:me|us|our)\b)[^:\n'\"“‘]{1,70}:[ \t]*\n?[ \t]*"
    r"(?P<q>['\"“‘])"
    r"|\b(?:got|received|came\sin\s[^:\n'\"“‘]{0,80}with)\sthis(?:\sby\s\w+)?:[ \t]*\n?[ \t]*"
    r"(?P<q2>['\"“‘])"
)
# train38: a quote opened after a header line that names a message, however long the header:
# "Email from Marta Quintero (procurement manager, Arbolada Foods) after I asked for their spend
# data:", "Isabela Cruz, their CIO, wrote back to him:", "Case comment from Priscilla on the
# customer portal:". The quote is found first, then its header read back to the line's start.
_COLON_QUOTE = re.compile(r":[ \t]*\n?[ \t]*(?P<q>['\"“‘])")
_MESSAGE_WORD = re.compile(
    r"\b(?:e-?mail|text|txt|texted|message|messaged|msg|whats[Aa]pp|reply|replied|wrote"
    r"|answered|teams|linked[Ii]n|voicemail|vm|sms|dm|comment|chat|letter|portal|words|said|says"
    r"|verbatim)\b",
    re.IGNORECASE,
)
_OUR_MESSAGE = re.compile(
    r"\b(?:from\s(?:me|us|our)\b|(?<!to\s)[Mm]y\s(?:reply|email|e-mail|text|message|msg|answer"
    r"|note|letter|vm|voicemail)\b|(?:I|we|We)\s(?:wrote|replied|texted"
    r"|emailed|messaged|sent|answered|left|said|told|say)\b|(?:[Mm]y|[Oo]ur)\swords\b"
    r"|^[ \t]*(?:me|Me|ME)\b|#[a-z]"  # a team channel
    rf"|\((?:our\s)?{lx.SELLER_ROLE}\b)"  # "Slack from Tariq (SE):" is one of ours
)
# The closing quote, by its opening one: after a word or a stop, before no letter ("haven't").
QUOTE_CLOSE = {
    "'": re.compile(r"(?<=[\w.!?,)])'(?![A-Za-z])"),
    "‘": re.compile(r"’(?![A-Za-z])"),
    '"': re.compile(r'"'),
    "“": re.compile(r"”"),
}


def _cues(*alternatives: str) -> re.Pattern[str]:
    """Word-led cues on lowercased text, regrouped by first letter: case-blind alternations of
    this size cost about 100 µs on a pasted letter, these a tenth of that."""
    return re.compile(rf"\b(?:{regroup('|'.join(alternatives))})")


# A buyer writing: "your quote", "our buyer", "come and see", "signed contract attached".
_BUYER_WORDS = _cues(
    rf"your\s{_ARTEFACT}",
    rf"(?:our|my)\s{_BUYER_SIDE}",
    r"happy\sfor\syou\sto\b",
    r"(?:could|can|would)\syou\s(?:please\s)?(?:add|quote|price|include|revise|tailor|bring)\b",
    rf"(?:could|can|would)\syou\s(?:please\s)?send\s(?:me|us)\s(?:\w+\s){{0,2}}{_ARTEFACT}",
    r"(?:signed|countersigned)\s(?:[\w-]+\s){0,3}attached\b",
    r"po\s(?:#?\S+\s)?attached\b",
    r"we(?:'ve|\shave)\s(?:decided|awarded|chosen|gone\swith)\b",
    r"issue\s(?:the|a|our)\s(?:formal\s)?(?:rfq|rfp|po|purchase\sorder|tender)\b",
    r"you(?:'re|\sare)\sthrough\sto\b",
)
# (not "if they'd come and see": an invitation opens its sentence or follows "please" or "to")
_COME_AND_SEE = re.compile(r"(?:^|[.,!:–-]\s*|please\s|to\s)come\sand\s(?:see|visit|meet)\b")
# A seller writing: "our proposal", "your CFO", "you'll export the data", "third nudge".
_SELLER_WORDS = _cues(
    rf"our\s{_ARTEFACT}",
    rf"your\s{_BUYER_SIDE}",
    r"our\s(?:engineering|technical|tech|support|service|implementation|onboarding|product"
    r"|solutions?|customer\ssuccess|account)\s(?:team|lead|manager)\b",
    r"your\s(?:boss|manager|site|plant|office)\b",
    r"would\s(?:you|a\s\d+[\s-]?min)\s(?:be\sopen|want|like|be\sworth)",
    r"saw\syour\s(?:post|profile|note|article)",
    r"happy\sto\s(?:adjust|walk|jump|send|share|drop|set\sup|run|hop)",
    r"any\s(?:steer|thoughts|update|news)\son\b",
    r"(?:just\s)?(?:bumping|nudging|circling\sback|checking\sin)\b",
    r"(?:third|second|gentle|quick)\s(?:nudge|chase|follow[\s-]?up)\b",
    r"haven't\sheard\sback\b",
    r"close\s(?:the|this|out\sthe)\sfile\b",
    r"invite\scoming\b",
    r"you(?:'ll|\swill)\s(?:send|bring|export|share|get|confirm|check|loop|let)\b",
    r"(?:i'll|i\swill|we'll|we\swill)\shold\s(?:the\s)?(?:[\w-]+\s)?(?:pricing|price|slot|rate|date)",
    r"(?:i'll|i\swill|we'll|we\swill)\s(?:\w+\s)?(?:send|get)\s(?:you\s)?(?:over\s|across\s)?"
    r"(?:the\s|our\s|a\s|an\s)?(?:revised\s|updated\s|draft\s)?(?:proposal|quote|pricing"
    r"|order\sform|contract|sow|case\sstud|deck|brochure|price\slist|rates|samples?)",
)


def _leaning(low: str, start: int = 0, end: int | None = None) -> int:
    """Seller cues minus buyer cues in low[start:end] (lowercased): above 0 a seller writes."""
    end = len(low) if end is None else end
    buyer = len(_BUYER_WORDS.findall(low, start, end))
    if "come and " in low[start:end]:
        buyer += len(_COME_AND_SEE.findall(low[start:end]))
    return len(_SELLER_WORDS.findall(low, start, end)) - buyer


def customer_spans(text: str) -> list[tuple[int, int]]:
    """Where the customer speaks in a pasted thread: (start, end) spans, in note order."""
    return read_thread(text).customer


class Thread:
    """Who speaks where in a pasted thread or chat."""

    __slots__ = ("customer", "chat", "_starts")

    def __init__(self, customer: list[tuple[int, int]], chat: bool) -> None:
        self.customer = customer  # the customer's own words, (start, end) in note order
        self.chat = chat  # a chat of labelled turns: "Me:" names a speaker, not an owner
        self._starts = [a for a, _ in customer]

    def customer_at(self, at: int) -> bool:
        """Whether the note's character `at` is in the customer's own words."""
        k = bisect_right(self._starts, at) - 1
        return k >= 0 and at < self.customer[k][1]


def read_thread(text: str) -> Thread:
    """The customer's spans of a pasted thread, a chat or a text they sent, quoted."""
    chat, spans = _chat_spans(text) if ":" in text or "·" in text else (False, [])
    if not chat:
        spans = _latest_letter(text)
    if "'" in text or '"' in text or "“" in text or "‘" in text:
        quoted = _quoted_replies(text)
        if quoted:
            spans = sorted(spans + quoted)
    return Thread(spans, chat)


def _chat_spans(text: str) -> tuple[bool, list[tuple[int, int]]]:
    """Whether the note is a chat (two lines or more by named speakers), and the customer's
    messages in it."""
    heads = [(m, _speaker(m)) for m in _SPEAKER.finditer(text)]
    if len(heads) < 2:
        return False, []
    plain = [name for m, name in heads if m.group("d")]
    names = [name for _, name in heads]
    if plain and len(set(plain)) == len(plain) and "Me" not in names:
        # "Next Steps: ..." labels, not speakers: a speaker speaks twice or with "Me"
        return False, []
    spans: dict[str, list[tuple[int, int]]] = {}
    ours: set[str] = set()
    for k, (m, name) in enumerate(heads):
        end = heads[k + 1][0].start() if k + 1 < len(heads) else len(text)
        spans.setdefault(name, []).append((m.start(), end))  # the label too: a clause starts there
        role = m.group("role") or m.group("role_b")
        if name == "Me" or (role and _OUR_ROLE.search(role)):
            ours.add(name)  # "Me:", "Rep:", "Keisha (mgr):", "Thao (SE):"
    if ours and _TEAM_CHAT.search(text) and not _SHARED_CHANNEL.search(text):
        return True, []  # a thread among colleagues ("#smb-deals", Slack): no customer speaks
    if not ours:
        rep = _rep_speaker(text[: heads[0][0].start()], text, spans)
        if rep is None:
            return False, []
        ours = {rep}
    return True, sorted(span for name, got in spans.items() if name not in ours for span in got)


# The rep proposing a next step in a chat: "Me: Can I send a quote over?", "Rep: Would a
# two-week pilot be worth it?". Of the 25 train chats with one, 23 are labelled asked.
_PROPOSAL = re.compile(
    r"(?:\b(?:can|could|shall|should|may)\s(?:i|we)\b|\bwould\s(?:you|a|it|that|next|monday"
    r"|tuesday|wednesday|thursday|friday)\b|\bwant\sme\sto\b|\bhow\sabout\b|\bare\syou\s(?:free"
    r"|around|ok|open|up\sfor)\b|\bdoes\s[^?\n]{1,30}\swork\b|\bwhy\snot\b)[^?\n]{0,120}\?"
)


def rep_proposes(low: str, thread: Thread) -> bool:
    """Whether the rep's own lines of a chat ask for a next step (`low`: the note lowercased)."""
    if not thread.chat or "?" not in low:
        return False
    return any(not thread.customer_at(m.start()) for m in _PROPOSAL.finditer(low))


def _speaker(m: re.Match[str]) -> str:
    name = m.group("a") or m.group("b") or m.group("c") or m.group("d")
    return "Me" if name in ("me", "Rep", "Us", "Seller", "Sales") else name


def _quoted_replies(text: str) -> list[tuple[int, int]]:
    """What the customer sent, quoted after "she texted back:": read in their voice, every
    sentence of it, up to the closing quote."""
    spans: list[tuple[int, int]] = []
    found = [m for m in _QUOTE_OPEN.finditer(text) if m.group("who").lower() not in ("i", "we")]
    if "from " in text or "this" in text:
        found += _QUOTE_FROM.finditer(text)
    for m in _COLON_QUOTE.finditer(text):
        lo = max(0, m.start() - 240)
        head = text[text.rfind("\n", lo, m.start()) + 1 or lo : m.start()]
        if _MESSAGE_WORD.search(head) and not _OUR_MESSAGE.search(head):
            found.append(m)
    for m in found:
        q = m.group("q") or m.group("q2")
        close = QUOTE_CLOSE[q].search(text, m.end())
        spans.append((m.end(), close.start() if close else min(len(text), m.end() + 600)))
    return sorted(set(spans))  # a quote two patterns found is one


def _rep_speaker(comment: str, text: str, spans: dict[str, list[tuple[int, int]]]) -> str | None:
    """Which speaker is the rep: "Me", else the one the rep's line does not name, else the one
    who speaks as a seller. None when it cannot be told."""
    if "Me" in spans:
        return "Me"
    named = set(_CAPITALISED.findall(comment))
    others = [name for name in spans if name.split()[0] not in named]
    if len(spans) == 2 and len(others) == 1:
        return others[0]
    if len(spans) == 1:  # one speaker pasted: what the rep received
        return ""
    low = lower_same_length(text)
    score = {name: sum(_leaning(low, a, b) for a, b in got) for name, got in spans.items()}
    best = max(score.values())
    top = [name for name, v in score.items() if v == best]
    return top[0] if len(top) == 1 and best > min(score.values()) else None


def _latest_letter(text: str) -> list[tuple[int, int]]:
    """The (start, end) of the latest message when the customer wrote it; else nothing."""
    greet = _GREETING.search(text) if "\n" in text else None  # a letter is signed below
    if greet is None and "wrote:" not in text and "From:" not in text:
        return []
    top = _HISTORY.search(text)
    history = top.start() if top else len(text)  # where the older messages begin
    if top is None and greet is None:
        return []
    writer = to = None
    block = None
    if top:
        at = top.start()
        if text.startswith("-", _skip_blank(text, at)):  # "-----Original Message-----" then From:
            at = text.find("\n", at) + 1 or len(text)
        block = _FROM_BLOCK.match(text, at)
    if block and (greet is None or greet.start() >= block.end()):
        # the latest message is an Outlook block: its body runs to the next header
        writer = _first(block.group("name"))
        to = _first(block.group("to") or "")
        start = block.end()
        if greet and greet.start() == _skip_blank(text, start):
            to = greet.group("to") or greet.group("bare")
        comment = text[:history]
        received = True
    elif greet and greet.start() < history:
        start = greet.start()  # a letter pasted without its header
        to = greet.group("to") or greet.group("bare")
        comment = text[:start]
        received = False
    else:
        return []
    nxt = _HISTORY.search(text, start + 1)
    end = nxt.start() if nxt else len(text)
    body = text[start:end]
    if writer is None:
        writer = _signer(body)
    if not _by_customer(comment, body, writer, to, received):
        return []
    return [(start, end)]


def _by_customer(
    comment: str, body: str, writer: str | None, to: str | None, received: bool
) -> bool:
    """Whether the letter's writer is the customer: the rep's line first, then its words.

    `received`: an Outlook block, which reps paste from their inbox: the customer's unless its
    words are a seller's.
    """
    ours = rep_aliases(comment)  # "Email logged by Hui Ling (sales admin) for Darren:"
    if writer in ours or to in ours:
        return to in ours and writer not in ours
    named = set(_CAPITALISED.findall(comment))
    if writer and writer in named and writer != to:
        return True  # the rep names the customer: "Call w/ Renata - she's in"
    if to and to in named:
        return False  # "Tried Seamus ... Emailed below"
    leaning = _leaning(body.lower())
    return leaning <= 0 if received else leaning < 0


def _signer(body: str) -> str | None:
    """The first name the letter is signed with, if any."""
    off = None
    for off in _SIGN_OFF.finditer(body):  # noqa: B007 (the last sign-off is the letter's)
        pass
    if off is not None:
        if off.group("name"):
            return off.group("name")
        line = _NAME_LINE.match(body, _skip_blank(body, off.end()))
        return line.group("name") if line else None
    lines = [ln for ln in body.rstrip().splitlines() if ln.strip()]
    if len(lines) > 1:
        line = _NAME_LINE.fullmatch(lines[-1])
        return line.group("name") if line else None
    return None


def _first(name: str) -> str | None:
    words = name.split()
    return words[0] if words and words[0][:1].isupper() else None


def _skip_blank(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\n":
        at += 1
    return at
