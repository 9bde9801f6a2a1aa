"""Who wrote a pasted email: the customer's own letter is read in the customer's voice.

Reps log a call by pasting the thread: their own line on top, then the latest message, then the
quoted history. When the latest message is the customer's ("Hi Emrys, I'll send the drawings by
Friday and our buyer will issue the RFQ on the 21st. Philomena"), its "I" and "our buyer" are
the customer and its "you" is the rep. Nothing in the text says which name is the rep, so the
writer is told first from the rep's own line (reps name the customer, never themselves), then
from what the letter owns: "your quote" and "our buyer" are a buyer's words, "our proposal" and
"your CFO" a seller's.
"""

from __future__ import annotations

import re

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
# A buyer writing: "your quote", "our buyer", "come and see", "signed contract attached".
_BUYER_WORDS = re.compile(
    rf"\byour\s{_ARTEFACT}|\b(?:our|my)\s{_BUYER_SIDE}"
    r"|(?:^|[.,!:–-]\s*|please\s|to\s)come\sand\s(?:see|visit|meet)\b|\bhappy\sfor\syou\sto\b"
    r"|\b(?:could|can|would)\syou\s(?:please\s)?(?:add|quote|price|include|revise|tailor|bring)\b"
    rf"|\b(?:could|can|would)\syou\s(?:please\s)?send\s(?:me|us)\s(?:\w+\s){{0,2}}{_ARTEFACT}"
    r"|\b(?:signed|countersigned)\s(?:[\w-]+\s){0,3}attached\b|\bpo\s(?:#?\S+\s)?attached\b"
    r"|\bwe(?:'ve|\shave)\s(?:decided|awarded|chosen|gone\swith)\b"
    r"|\bissue\s(?:the|a|our)\s(?:formal\s)?(?:rfq|rfp|po|purchase\sorder|tender)\b"
    r"|\byou(?:'re|\sare)\sthrough\sto\b",
    re.IGNORECASE,
)
# A seller writing: "our proposal", "your CFO", "you'll export the data".
_SELLER_WORDS = re.compile(
    rf"\bour\s{_ARTEFACT}|\byour\s{_BUYER_SIDE}|\byour\s(?:team|boss|manager|site|plant|office)\b"
    r"|\byou(?:'ll|\swill)\s(?:send|bring|export|share|get|confirm|check|loop)\b"
    r"|\b(?:i'll|i\swill|we'll|we\swill)\s(?:\w+\s)?(?:send|get)\s(?:you\s)?(?:over\s|across\s)?"
    r"(?:the\s|our\s|a\s|an\s)?(?:revised\s|updated\s|draft\s)?(?:proposal|quote|pricing"
    r"|order\sform|contract|sow|case\sstud|deck|brochure|price\slist|rates|samples?)",
    re.IGNORECASE,
)


def customer_letters(text: str) -> list[tuple[int, int]]:
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
    elif greet and greet.start() < history:
        start = greet.start()  # a letter pasted without its header
        to = greet.group("to") or greet.group("bare")
        comment = text[:start]
    else:
        return []
    nxt = _HISTORY.search(text, start + 1)
    end = nxt.start() if nxt else len(text)
    body = text[start:end]
    if writer is None:
        writer = _signer(body)
    if not _by_customer(comment, body, writer, to):
        return []
    return [(start, end)]


def _by_customer(comment: str, body: str, writer: str | None, to: str | None) -> bool:
    """Whether the letter's writer is the customer: the rep's line first, then its words."""
    named = set(_CAPITALISED.findall(comment))
    if writer and writer in named and writer != to:
        return True  # the rep names the customer: "Call w/ Renata - she's in"
    if to and to in named:
        return False  # "Tried Seamus ... Emailed below"
    buyer = sum(1 for _ in _BUYER_WORDS.finditer(body))
    seller = sum(1 for _ in _SELLER_WORDS.finditer(body))
    return buyer > seller


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
