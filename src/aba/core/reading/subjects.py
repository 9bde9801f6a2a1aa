"""Who owes a commitment: the rep, or someone on the customer's side (and their name or role).

Notes are written by the rep, so "I" and "we'll send" are the rep, while names, roles and
third-person pronouns are the customer's side. Pronouns give no `who`.
"""

from __future__ import annotations

import re

from aba.core.reading import lexicon as lx
from aba.core.vocabulary import Party

# "you" is the customer: reps write "you'll send the export" only in recaps to the customer.
_PRONOUNS = frozenset({"she", "he", "they", "them", "both of us", "you"})
_REP = frozenset({
    "i", "me", "myself", "rep", "we", "us", "our team", "my team", "i'm", "i've",
    "ich", "wir", "ik", "wij", "jeg", "jag", "vi",  # "ich: Budgetangebot KW 33"
})  # fmt: skip
_ADVERB_TAIL = re.compile(
    r"\s+(?:also|then|just|now|kindly|happily|finally|definitely|already|still|both|personally"
    r"|herself|himself|themselves|myself|tentatively|probably|possibly|maybe|likely|reluctantly"
    r"|verbally|supposedly|apparently|quickly|eventually|hopefully)$"
)
_ROLE_ONLY = re.compile(rf"^{lx.ROLE}$")
_ROLE_START = re.compile(rf"^(?:\w+\s)?(?:{lx.ROLE}|customer|client|prospect|buyer|boss|team)\b")
_GENERIC = frozenset({"customer", "client", "prospect", "the customer", "the client"})
_NOT_NAME_SHAPE = re.compile(r"(?:ed|ing|work|ment|tion|sion|ness|ity|ly)$")
_NAMES_LIKE_WORDS = frozenset({
    "ed", "ted", "fred", "ned", "jed", "reed", "sterling", "ming",
    # first names shaped like adverbs: "Kelly will take our proposal to the committee"
    "kelly", "holly", "molly", "sally", "emily", "lily", "shelly", "beverly", "kimberly", "polly",
    "dolly", "billy", "wally", "carly", "nelly", "tilly", "milly", "ally", "elly", "lilly",
})  # fmt: skip
_HONORIFIC = re.compile(lx.HONORIFIC, re.IGNORECASE)  # ("Vinod Sir" too)
_NAME_WORD = re.compile(  # titles too: "Hr. Pesendorfer", "DI Reiter", "Fa. Reißmann"
    rf"(?:[A-Z][a-z'][\w'-]*|[A-Z]\.?|(?:{'|'.join(lx.TITLES)})\.?|DI)$"
)
_DETERMINERS = frozenset({"the", "their", "her", "his", "our", "my"})
_TRAILING_NAME = re.compile(r"\s([A-Z][a-z]{1,15})$")
_OUR = re.compile(r"^(?:our|my)\s")
_SELLER_PAREN = re.compile(rf"(?:our\s|[A-Z][\w&-]{{1,20}}\s)?{lx.SELLER_ROLE}\)")
_OUR_STAFF_PAREN = re.compile(rf"{lx.OUR_STAFF}\)")  # "Wen (our projection tech)"
_PAREN_NAME = re.compile(r"([A-Z][a-z]{1,15}(?:\s[A-Z][a-z]{1,15})?)\)")


def ours_leading(text: str, at: int = 0) -> bool:
    """Whether `text` opens at `at` on one of ours by name, before the verb (`lx.OURS_LEADING`):
    "Our installer Gavin does the site survey Wednesday", "Ravi (SE) provisions the tenant"."""
    lead = lx.OURS_LEADING.match(text, at)
    if lead:
        return who_party(lead.group("subj"))[0] is Party.REP
    return bool(lx.OURS_BY_DEPT.match(text, at))  # "Ola in onboarding adds the sensors"


def who_party(subject: str) -> tuple[Party | None, str | None]:
    """Party and who for a subject phrase; (None, None) when it names no person."""
    label = subject.strip().lower()
    if lx.OURS_BY_DEPT.match(subject.strip() + " "):
        return Party.REP, subject.split()[0]  # "Jo in sales ops": one of ours
    if label in ("ai (us)", "ai (me)", "ai (rep)", "us", "ai (our side)"):
        return Party.REP, None  # action items: "AI (us): send the SOW"
    if label in ("ai (them)", "ai (customer)", "ai (client)", "them", "ai (their side)"):
        return Party.CUSTOMER, None
    head, _, paren = subject.partition(" (")
    if (_SELLER_PAREN.match(paren) or _OUR_STAFF_PAREN.match(paren)) and head[:1].isupper():
        return Party.REP, head.split()[0]  # "Thao Bui (SE)", "Zoi (Cashline SE)": ours
    named = _PAREN_NAME.match(paren)
    if named and head.split()[0].lower() in ("the", "their", "her", "his"):
        return Party.CUSTOMER, named.group(1)  # "his maintenance guy (Luis)" -> Luis
    subject = head  # "Maria (their COO)" -> "Maria"
    words = subject.strip().strip(",:()").split()
    if len(words) > 1 and _HONORIFIC.fullmatch(words[-1]):
        words = words[:-1]  # "Vinod sir" -> Vinod
    if len(words) > 1 and words[-1].lower() in ("he", "she", "they"):
        return Party.CUSTOMER, None  # unpunctuated: "... with the general manager he will tell me"
    while (
        len(words) > 1
        and words[0].lower() not in _DETERMINERS
        and (
            words[0].lower() in lx.NOT_A_NAME
            or words[0].endswith(("ly", "ed"))  # "Then Sarah", "Persuaded Gustav"
        )
    ):
        words = words[1:]  # "Then Sarah", "Eventually Maria" -> the name
    s = " ".join(words)
    low = _ADVERB_TAIL.sub("", s.lower())
    s = s[: len(low)]
    if not low:
        return None, None
    if low in _REP or _OUR.match(low):
        return Party.REP, None
    if low in ("them", "they", "customer", "client", "prospect"):
        return Party.CUSTOMER, None
    if low in _PRONOUNS:
        return Party.CUSTOMER, None
    first = low.split()[0]
    if first in ("their", "the", "her", "his"):
        rest = s.split(None, 1)[1] if " " in s else ""
        if _ROLE_START.match(rest.lower()):
            named = _TRAILING_NAME.search(rest)  # "his supervisor Ivo": Ivo owes it
            if named:
                return Party.CUSTOMER, named.group(1)
            return Party.CUSTOMER, None if rest.lower() in _GENERIC else rest
        if (
            first == "the"
            and rest[:1].isupper()
            and _NAME_WORD.match(rest.split()[0])
            and rest.split()[0].lower() not in lx.NOT_A_NAME  # "the Christmas lunch"
        ):
            return Party.CUSTOMER, rest  # "The Colonel", "the Gibsons": named by title or family
        return None, None
    if low == "it" and s != "IT":
        return None, None  # "It'll be in his inbox Monday": the thing, not their IT team
    if _ROLE_ONLY.match(low):
        return Party.CUSTOMER, s
    if first in lx.NOT_A_NAME:
        return None, None
    parts = s.split()
    if parts and len(parts) <= 3 and all(_NAME_WORD.match(w) for w in parts):
        if len(parts) == 1 and _NOT_NAME_SHAPE.search(low) and low not in _NAMES_LIKE_WORDS:
            return None, None  # "Asked", "Talked", "Pricing": a verb or noun opening a note
        return Party.CUSTOMER, s
    return None, None
