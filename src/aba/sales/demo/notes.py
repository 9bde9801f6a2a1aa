"""Write each planned call's notes in its rep's voice, agreeing with the call's stored verdict.

A note is built from parts (opener, what was discussed, the value given, the outcome in its own
words, the commitments with their due dates) and rendered in one of several styles: terse,
bullets, paragraph, a long ramble, shorthand, or CRM-style labels; some reps write in lowercase,
some make typos, some are British. Due dates go in as tokens and are replaced last, so no
transformation can change the date words a commitment's `due_text` records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from random import Random

from aba.core.vocabulary import BuyingRole, Outcome, Party, Stall
from aba.sales.demo import phrases as P
from aba.sales.demo.dates import pick_exact, pick_vague
from aba.sales.demo.plans import CallPlan, CommitmentPlan, OppPlan
from aba.sales.demo.story import EVENT_KINDS
from aba.sales.demo.teams import TeamProfile

STYLES = ("terse", "bullets", "paragraph", "ramble", "shorthand", "labelled")
_TOKEN = re.compile(r"⟨(\d+)⟩")
_RAMBLE_JOINS = (", and ", ". Anyway, ", ". Also ", ", so ", ". Then ", "... ", ". ")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    first: str
    title: str
    role: BuyingRole
    they: str  # she, he or they


@dataclass(frozen=True, slots=True)
class Voice:
    """How a rep writes: British or American, favourite styles, lowercase and typo habits."""

    name: str
    british: bool
    styles: tuple[float, ...]  # cumulative weights over STYLES
    lower: float
    typos: float
    bullet: str


@dataclass(frozen=True, slots=True)
class Deal:
    team: TeamProfile
    rep: Voice
    account: str
    industry: str
    contacts: tuple[Person, ...]  # champion first, decision maker second
    product: str
    competitor: str
    batch: str
    amount: str  # the deal's amount as a rep writes it: "$80k"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _end(text: str) -> str:
    return text if text.endswith(("!", "?", ".")) else text + "."


class _Slots(dict[str, str]):
    """A template's words, each drawn only when a template first needs it."""

    def __init__(self, writer: _Writer) -> None:
        super().__init__()
        self.writer = writer

    def __missing__(self, key: str) -> str:
        value = self[key] = _MAKERS[key](self.writer)
        return value


class _With:
    """Slots plus a few one-off values (a commitment's due date) for one template."""

    def __init__(self, extra: dict[str, str], slots: _Slots) -> None:
        self.extra, self.slots = extra, slots

    def __getitem__(self, key: str) -> str:
        return self.extra[key] if key in self.extra else self.slots[key]


class _Writer:
    def __init__(self, rng: Random, deal: Deal, call: CallPlan) -> None:
        self.rng, self.deal, self.call = rng, deal, call
        self.style = rng.choices(STYLES, cum_weights=deal.rep.styles)[0]
        if self.style == "terse" and call.outcome == Outcome.CONTINUATION and not call.commitments:
            self.style = rng.choice(("terse", "paragraph"))
        self.short = self.style in ("terse", "shorthand")
        self.dues: list[str] = []
        self.snooze_reason = ""
        self.shown_ask = False  # the words so far show the rep asking
        # Who the notes name: whoever made the customer's commitment, else mostly the champion.
        n = len(deal.contacts)
        for c in call.commitments:
            c.contact = min(c.contact, n - 1)
        owing = [c.contact for c in call.commitments if c.party == Party.CUSTOMER]
        self.present = set(owing) or {0 if rng.random() < 0.85 else rng.randrange(n)}
        self.met = deal.contacts[owing[0] if owing else next(iter(self.present))]
        self.slots = _Slots(self)
        self._speaker(self.met)

    def other(self) -> str:
        """Someone else from the customer who was there (named when a template needs one)."""
        first = self.met.first
        choices = [i for i, c in enumerate(self.deal.contacts) if c.first != first]
        if not choices:
            return first
        i = self.rng.choice(choices)
        self.present.add(i)
        return self.deal.contacts[i].first

    def _speaker(self, person: Person) -> None:
        they = person.they
        pos, own = {"she": ("her", "herself"), "he": ("his", "himself")}.get(
            they, ("their", "themselves")
        )
        self.slots.update(who=person.first, they=they, They=_cap(they), pos=pos, self=own)

    def fill(self, template: str, **extra: str) -> str:
        return template.format_map(_With(extra, self.slots) if extra else self.slots)

    def due(self, c: CommitmentPlan) -> dict[str, str]:
        """The due-date slots for one commitment; records the date words in `c.due_text`."""
        rng, call, rep = self.rng, self.call, self.deal.rep
        if c.vague and c.due is None and c.party == Party.REP:
            text, on, by = "ASAP", "ASAP", "ASAP"
        elif c.vague and c.due is None and (c.kind == "snooze" or rng.random() < 0.35):
            c.due_text = ""
            cond = self.fill(rng.choice(P.CONDITIONS))
            return {"on": cond, "by": cond, "vague": cond}
        elif c.vague:
            text, due = pick_vague(rng, call.day, dated=c.due is not None)
            while (due is None) != (c.due is None):
                text, due = pick_vague(rng, call.day, dated=c.due is not None)
            on = by = text
        else:
            assert c.due is not None
            event = c.kind in EVENT_KINDS
            prep, text = pick_exact(
                rng, call.day, c.due, british=rep.british, short=self.short, event=event
            )
            on = by = f"{prep} ⟨{len(self.dues)}⟩".strip()
        c.due_text = text
        if "⟨" not in on:
            on = by = on.replace(text, f"⟨{len(self.dues)}⟩")
        self.dues.append(text)
        return {"on": on, "by": by, "vague": on}

    def commitment(self, c: CommitmentPlan) -> str:
        rng, deal = self.rng, self.deal
        if c.party == Party.REP:
            c.who = deal.rep.name
            if c.kind == "kickoff":
                c.action, templates = P.KICKOFF[0], P.KICKOFF[1]
                return self.fill(rng.choice(templates), **self.due(c))
            what, action = rng.choice(deal.team.rep_items).split("|")
            c.action = action
            return self.fill(
                rng.choice(P.REP_SHORT if self.short else P.REP_FULL), what=what, **self.due(c)
            )
        person = deal.contacts[c.contact]
        self._speaker(person)
        c.who = person.name
        if c.kind == "snooze":
            reason, said = rng.choice(P.SNOOZES)
            c.action = "pick it up after the pause"
            self.snooze_reason = reason
            return self.fill(said)
        if c.kind == "wait":
            action, full = rng.choice(P.WAITING)
            c.action = self.fill(action)
            return self.fill(rng.choice(P.WAITING_SHORT if self.short else full), **self.due(c))
        action, full, short = P.CUSTOMER[c.kind]
        c.action = self.fill(action)
        pool: Sequence[str] = short if self.short else full
        if not self.call.asked:  # only words that show no ask
            pool = [t for t in pool if t[0] != "+"] or [t for t in full if t[0] != "+"]
        said = rng.choice(pool)
        self.shown_ask |= said[0] == "+"
        return self.fill(said.lstrip("+"), **self.due(c))

    def parts(self) -> list[tuple[str, str]]:
        """(tag, sentence) pairs in the order a rep would write them."""
        rng, call, deal = self.rng, self.call, self.deal
        out: list[tuple[str, str]] = []
        pick = rng.choice
        if self.style != "terse" or rng.random() < 0.3:
            opener = P.OPENERS + (P.OPENERS_UK if deal.rep.british else P.OPENERS_US)
            out.append(("open", self.fill(pick(opener))))
        if call.chased is not None:
            out.append(("chase", self.fill(P.CHASED[call.chased.kind])))
        if call.value_kinds and self.style != "terse":
            if rng.random() < 0.45:
                out.append(("learn", self.fill(pick(P.DISCUSS))))
            if rng.random() < 0.5:
                out.append(("learn", self.fill(pick(deal.team.facts))))
            if self.style == "ramble":
                out.append(("learn", self.fill(pick(deal.team.facts))))
        for kind in call.value_kinds:
            out.append(("value", self.fill(pick(P.VALUE[kind]))))
        if not call.value_kinds:
            out.append(("check", pick(P.NO_VALUE)))
        if call.keen:
            out.append(("keen", self.fill(pick(P.KEEN))))
        out += self.outcome()
        if self.style in ("paragraph", "ramble", "bullets") and rng.random() < 0.3:
            extra = P.SIGN_OFF_UK if deal.rep.british else P.SIGN_OFF_US
            out.append(("sign", pick(P.SIGN_OFF + extra)))
        return out

    def outcome(self) -> list[tuple[str, str]]:
        """The outcome in words; an ask shown exactly when the rep asked (the corpus's rule)."""
        rng, call = self.rng, self.call
        pick = rng.choice
        customer = [c for c in call.commitments if c.party == Party.CUSTOMER]
        rep = [("rep", self.commitment(c)) for c in call.commitments if c.party == Party.REP]
        ask = [("ask", self.fill(pick(P.ASKED)))] if call.asked else []
        if call.outcome == Outcome.ORDER:
            said = pick(P.ORDER_REORDER if call.reorder else P.ORDER)
            ask = [("ask", pick(P.ORDER_ASKED))] if call.asked else []
            return [*ask, ("outcome", self.fill(said)), *rep]
        if call.outcome == Outcome.NO_SALE:
            said = pick(P.NO_SALE_REORDER if call.reorder else P.NO_SALE)
            ask = [("ask", pick(P.NO_SALE_ASKED))] if call.asked else []
            return [*ask, ("outcome", self.fill(said))]
        if call.outcome == Outcome.ADVANCE:
            out = [("commit", self.commitment(c)) for c in customer]
            if self.shown_ask:
                ask = []
            elif not call.asked and rng.random() < 0.4:
                ask = [("outcome", self.fill(pick(P.VOLUNTEERED)))]
            return ask + out + rep
        if call.reorder and call.stall == Stall.NO_NEXT_STEP:
            visit = [("outcome", self.fill(pick(P.VISIT)))]
            said = pick(P.VISIT_ASKED if call.asked else P.VISIT_NOT_ASKED)
            return [*visit, ("outcome", self.fill(said))]
        if call.stall == Stall.WAITING_ON_PROSPECT:
            if customer:
                return ask + [("commit", self.commitment(c)) for c in customer]
            return [*ask, ("outcome", self.fill(pick(P.WAITING_BARE)))]
        if call.stall == Stall.REP_FOLLOWUP_ONLY:
            if call.asked:
                return [*rep, ("outcome", self.fill(pick(P.NO_CUSTOMER_STEP_ASKED)))]
            tail = [("outcome", self.fill(pick(P.NO_CUSTOMER_STEP)))] if rng.random() < 0.6 else []
            return rep + tail
        said = pick(P.DECLINED) if call.asked else pick(P.NOTHING_AGREED)
        out = [("outcome", self.fill(said))]
        if call.keen and call.asked and rng.random() < 0.5:
            out.append(("outcome", pick(P.NOTHING_AGREED[:6])))
        return out

    def render(self, parts: list[tuple[str, str]]) -> str:
        rng, style, rep = self.rng, self.style, self.deal.rep
        if rng.random() < rep.typos:  # one slip, never in the words that carry the verdict
            loose = [i for i, (tag, _) in enumerate(parts) if tag in ("learn", "value", "open")]
            right, wrong = rng.choice(P.TYPOS)
            if loose:
                tag, t = parts[loose[0]]
                parts = [*parts]
                parts[loose[0]] = (tag, re.sub(rf"\b{right}\b", wrong, t, count=1))
        texts = [t for _, t in parts]
        if style == "terse":
            text = " ".join(_end(_cap(t)) for t in texts)
        elif style == "bullets":
            lines: list[str] = []
            steps: list[str] = []
            for tag, t in parts:
                (steps if tag in ("commit", "rep") and len(parts) > 3 else lines).append(t)
            text = "\n".join(f"{rep.bullet}{_cap(t)}" for t in lines)
            if steps:
                text += "\nNext steps:\n" + "\n".join(f"{rep.bullet}{_cap(t)}" for t in steps)
        elif style == "labelled":
            text = self._labelled(parts)
        elif style == "ramble":
            text = _cap(texts[0])
            for t in texts[1:]:
                join = rng.choice(_RAMBLE_JOINS)
                text += join + (_cap(t) if join in (". ", "... ") else self._decap(t))
            text = _end(text)
        else:
            sep = rng.choice((". ", ". ", "; ", " - ")) if style == "shorthand" else ". "
            text = _end(sep.join(_cap(t) for t in texts).replace("!.", "!"))
        return self._finish(text)

    def _decap(self, text: str) -> str:
        """Lowercase a sentence's first letter to run it on, unless it starts with a name."""
        first = text.split(" ", 1)[0]
        deal = self.deal
        names = {c.first for c in deal.contacts} | {"I", "IT", "Demo"}
        names |= {deal.competitor.split()[0], deal.account.split()[0]}
        if first.split("'")[0] in names or first.isupper() or sum(ch.isupper() for ch in first) > 1:
            return text
        return text[:1].lower() + text[1:]

    def _labelled(self, parts: list[tuple[str, str]]) -> str:
        groups: dict[str, list[str]] = {
            k: [] for k in ("Attendees", "Discussed", "Value", "Next steps", "Outcome")
        }
        label = {
            "open": "Attendees",
            "learn": "Discussed",
            "chase": "Discussed",
            "value": "Value",
            "commit": "Next steps",
            "rep": "Next steps",
            "ask": "Discussed",
            "keen": "Discussed",
            "check": "Discussed",
            "outcome": "Outcome",
            "sign": "Outcome",
        }
        attendees = self.met.first
        if self.rng.random() < 0.6 and self.slots["other"] != attendees:
            attendees += f", {self.slots['other']}"
        for tag, t in parts:
            groups[label[tag]].append(attendees if tag == "open" else t)
        return "\n".join(f"{k}: {'; '.join(v)}" for k, v in groups.items() if v)

    def _finish(self, text: str) -> str:
        """Spelling, shorthand and case habits; then the due dates go in."""
        rng, rep = self.rng, self.deal.rep
        for old, new in P.BRITISH if rep.british else P.AMERICAN:
            text = text.replace(old, new)
        if self.style == "shorthand":
            for old, new in P.SHORTHAND:
                text = text.replace(old, new)
        lower = rng.random() < rep.lower
        dues = self.dues
        if lower:
            text, dues = text.lower(), [d.lower() for d in dues]
            for c in self.call.commitments:
                c.due_text = c.due_text.lower()
        return _TOKEN.sub(lambda m: dues[int(m.group(1))], text)


def _pick(field: str) -> Callable[[_Writer], str]:
    return lambda w: w.rng.choice(getattr(w.deal.team, field))


def _dm(w: _Writer) -> str:
    dm = w.deal.contacts[1]
    return f"the {dm.title}" if w.rng.random() < 0.6 else f"{dm.first} ({dm.title})"


def _a_trial(w: _Writer) -> str:
    trial = w.slots["trial"]
    return f"{'an' if trial[0] in 'aeiou' else 'a'} {trial}"


def _money(w: _Writer) -> str:
    amount = w.rng.choice((40, 60, 80, 120, 150, 250, 400))
    return f"{'£' if w.deal.rep.british else '$'}{amount}k"


def _qty(w: _Writer) -> str:
    return f"{w.rng.randint(2, 40) * 10} {w.rng.choice(('units', 'boxes', 'cases'))}"


_MAKERS: dict[str, Callable[[_Writer], str]] = {
    "title": lambda w: w.met.title,
    "other": lambda w: w.other(),
    "account": lambda w: w.deal.account,
    "dm": _dm,
    "area": _pick("areas"),
    "data": _pick("data"),
    "trial": _pick("trials"),
    "a_trial": _a_trial,
    "review": _pick("reviews"),
    "review_doc": _pick("review_docs"),
    "criteria": _pick("criteria"),
    "stakeholders": _pick("stakeholders"),
    "pain": _pick("pains"),
    "insight": lambda w: w.fill(w.rng.choice(w.deal.team.insights)),
    "batch": lambda w: w.deal.batch,
    "amount": lambda w: w.deal.amount,
    "product": lambda w: w.deal.product.lower(),
    "competitor": lambda w: w.deal.competitor,
    "industry": lambda w: w.deal.industry.lower(),
    "specialist": lambda w: w.deal.team.specialist,
    "money": _money,
    "qty": _qty,
}


def write_opportunity(rng: Random, plan: OppPlan, deal: Deal) -> None:
    """Write every call's notes and learned text; name each commitment's who, action and date."""
    for call in plan.calls:
        writer = _Writer(rng, deal, call)
        parts = writer.parts()
        call.notes = writer.render(parts)
        call.learned = ". ".join(t for tag, t in parts if tag == "learn")
        if rng.random() < 0.25:  # the rep planned this call's best and minimum advance
            slots = writer.slots
            call.planned_best = _cap(rng.choice(P.PLANNED_BEST[call.stage]).format_map(slots))
            call.planned_minimum = rng.choice(P.PLANNED_MINIMUM).format_map(slots)
        plan.snooze_reason = writer.snooze_reason or plan.snooze_reason
        call.contacts = tuple(sorted(writer.present))
