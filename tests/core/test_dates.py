"""Due-date phrases: each form the labelling guide names, resolved against a Wednesday call."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aba.core.dates import find_due_phrases, resolve_phrase

WED = dt.date(2024, 3, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "due", "vague"),
    [
        ("Friday", dt.date(2024, 3, 8), False),
        ("Wednesday", dt.date(2024, 3, 13), False),  # strictly after the call
        ("fri", dt.date(2024, 3, 8), False),
        ("Thurs", dt.date(2024, 3, 7), False),
        ("next Tuesday", dt.date(2024, 3, 12), False),
        ("next Friday", dt.date(2024, 3, 15), False),
        ("this Friday", dt.date(2024, 3, 8), False),
        ("Tuesday next week", dt.date(2024, 3, 12), False),
        ("EOW", dt.date(2024, 3, 8), False),
        ("end of the week", dt.date(2024, 3, 8), False),
        ("end of next week", dt.date(2024, 3, 15), False),
        ("the 14th", dt.date(2024, 3, 14), False),
        ("the 2nd", dt.date(2024, 4, 2), False),
        ("3/12", dt.date(2024, 3, 12), False),
        ("3/1", dt.date(2025, 3, 1), False),
        ("12/3/2024", dt.date(2024, 12, 3), False),
        ("2024-04-01", dt.date(2024, 4, 1), False),
        ("12 March", dt.date(2024, 3, 12), False),
        ("March 12th", dt.date(2024, 3, 12), False),
        ("2nd of April", dt.date(2024, 4, 2), False),
        ("end of month", dt.date(2024, 3, 31), False),
        ("EOM", dt.date(2024, 3, 31), False),
        ("end of March", dt.date(2024, 3, 31), False),
        ("end of quarter", dt.date(2024, 3, 31), False),
        ("end of Q2", dt.date(2024, 6, 30), False),
        ("in two weeks", dt.date(2024, 3, 20), False),
        ("in 3 days", dt.date(2024, 3, 9), False),
        ("in a month", dt.date(2024, 4, 6), False),
        ("a fortnight", dt.date(2024, 3, 20), False),
        ("tomorrow", dt.date(2024, 3, 7), False),
        ("tmrw", dt.date(2024, 3, 7), False),
        ("today", WED, False),
        ("EOD", WED, False),
        ("EOD Friday", dt.date(2024, 3, 8), False),
        ("next week", dt.date(2024, 3, 11), True),
        ("in a few weeks", None, True),
        ("in a couple of weeks", None, True),
        ("soon", None, True),
        ("sometime next quarter", None, True),
        ("next quarter", None, True),
        ("by Q3", None, True),
        ("mid-April", None, True),
        ("Thursday fortnight", dt.date(2024, 3, 21), False),
        ("a week from Wednesday", dt.date(2024, 3, 20), False),
        ("the week after next", dt.date(2024, 3, 18), True),
        ("w/c 11 March", dt.date(2024, 3, 11), True),
        ("week of the 25th", dt.date(2024, 3, 25), True),
        ("nxt wk", dt.date(2024, 3, 11), True),
        ("in 2 wks", dt.date(2024, 3, 20), False),
        ("in 10 days", dt.date(2024, 3, 16), False),
        ("in 3-4 wks", None, True),
        ("in about 2 wks", None, True),
        ("in January", None, True),
        ("after Easter", None, True),
        ("later this year", None, True),
        ("Monday the 18th", dt.date(2024, 3, 18), False),
        ("Tuesday 12th March", dt.date(2024, 3, 12), False),
        ("Thurs 3/14", dt.date(2024, 3, 14), False),
        ("EOD tomorrow", dt.date(2024, 3, 7), False),
        ("2moro", dt.date(2024, 3, 7), False),
        ("now", WED, False),
        ("this week", dt.date(2024, 3, 8), False),
        ("3 days from now", dt.date(2024, 3, 9), False),
    ],
)
def test_each_form_resolves(phrase: str, due: dt.date | None, vague: bool) -> None:
    assert resolve_phrase(phrase, WED) == (due, vague)


def test_this_friday_on_a_friday_is_the_same_day_and_bare_friday_is_a_week_on() -> None:
    fri = dt.date(2024, 3, 8)
    assert resolve_phrase("this Friday", fri) == (fri, False)
    assert resolve_phrase("Friday", fri) == (dt.date(2024, 3, 15), False)


def test_the_31st_skips_short_months() -> None:
    assert resolve_phrase("the 31st", dt.date(2024, 4, 2)) == (dt.date(2024, 5, 31), False)


def test_past_weekday_is_marked_past() -> None:
    (p,) = find_due_phrases("we spoke last Monday", WED)
    assert p.past and p.due == dt.date(2024, 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "may be",
        "we sat down",
        "24/7 support",
        "50/50 split",
        "march on",
        "13/45",
        "sun",
        "their Q3 forecast",
        "the 12/24/36 month pricing",
        # an ordinal before a noun counts things
        "bringing his VP to a 2nd demo",
        "the 3rd round of cuts",
        # "the day after" needs a date before it to count from
        "She will call me the day after.",
        "call me the day after the survey",
        # spelled ordinals that count things
        "the first call went well",
        "for the first 90 days",
        "training on the first morning of the pilot",
        "the fifteenth floor",
        # prices, times and decimals are no dotted dates
        "price $4.62.",
        "call at 9.10.",
        "F1 went from 0.71 to 0.88.",
        "order came at 16.20.",
        # German, Dutch and Nordic look-alikes
        "Guten Morgen Herr Weber, danke",  # a greeting, not tomorrow
        "in week 2 of the pilot",  # a count: a calendar week is at most half a year ahead
        "the outage back in KW 2",  # a week gone by
        "they agreed to do 5. Then the rest",  # "do" is a Thursday only before a dotted date
        "1. May we ask for the PO",  # a numbered list
        "two 50 kW 12 kWh units",  # kilowatts
        # a dotted pair with no date word around it is a number
        "price 14.05 EUR, approx 4.2M HUF, for 12.50, on 3.5%, by 1.5 m",
        "from 10.10 to 11",
    ],
)
def test_words_that_only_look_like_dates(text: str) -> None:
    assert find_due_phrases(text, WED) == []


def test_phrases_point_into_the_text() -> None:
    text = "She'll send specs by Friday and I'll call 3/12."
    found = find_due_phrases(text, WED)
    assert [text[p.start : p.end] for p in found] == ["Friday", "3/12"]
    assert [p.text for p in found] == ["Friday", "3/12"]


@settings(max_examples=300, deadline=None)
@given(st.text(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_never_crashes(text: str, day: dt.date) -> None:
    for p in find_due_phrases(text, day):
        assert 0 <= p.start < p.end <= len(text)


def test_extreme_call_dates_do_not_crash() -> None:
    for day in (dt.date.min, dt.date.max):
        find_due_phrases("Friday, the 31st, 12/31, in 12 months, end of next quarter", day)


@pytest.mark.parametrize(
    ("phrase", "due", "vague"),
    [
        ("the 3rd of April", dt.date(2024, 4, 3), False),
        ("Mar. 21", dt.date(2024, 3, 21), False),
        ("Sept. 9", dt.date(2024, 9, 9), False),
        ("12-Mar", dt.date(2024, 3, 12), False),
        ("14/03", dt.date(2024, 3, 14), False),  # only day/month can be meant
        ("Thursday next", dt.date(2024, 3, 14), False),  # British: Thursday of next week
        ("2024-03-12", dt.date(2024, 3, 12), False),
        ("w/c 18th", dt.date(2024, 3, 18), True),
    ],
)
def test_more_written_forms(phrase: str, due: dt.date | None, vague: bool) -> None:
    assert resolve_phrase(phrase, WED) == (due, vague)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Demo on March 12. She will attend.", "March 12"),
        ("Call on November 27 I will send it", "November 27"),
        ("Thu 2pm works for her", "Thu"),
        ("10:30 tomorrow with the CFO", "tomorrow"),
        ("she'll send it by the 20th", "the 20th"),
        ("Mtg 14/03 - agenda attached", "14/03"),
    ],
)
def test_dates_inside_sentences(text: str, found: str) -> None:
    assert [p.text for p in find_due_phrases(text, WED)] == [found]


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("fortnight Thursday", dt.date(2024, 3, 21)),
        ("Monday fortnight", dt.date(2024, 3, 25)),  # Monday is weekday 0: still a date
        ("a week from Monday", dt.date(2024, 3, 18)),
        ("the 1st of next month", dt.date(2024, 4, 1)),
    ],
)
def test_fortnights_and_next_month(phrase: str, due: dt.date) -> None:
    assert resolve_phrase(phrase, WED) == (due, False)


@pytest.mark.parametrize("phrase", ["tonite", "this aft", "this arvo", "this pm"])
def test_the_calls_own_day_in_shorthand(phrase: str) -> None:
    assert resolve_phrase(phrase, WED) == (WED, False)


def test_the_day_or_week_after_counts_from_the_date_before_it() -> None:
    found = find_due_phrases("Committee meets Thu 14th; she calls me the day after.", WED)
    assert [(p.text, p.due, p.vague) for p in found] == [
        ("Thu 14th", dt.date(2024, 3, 14), False),
        ("the day after", dt.date(2024, 3, 15), False),
    ]
    found = find_due_phrases("me: one-pager Thurs, chase the week after", WED)
    assert found[-1].due == dt.date(2024, 3, 11) and found[-1].vague  # Monday, as "next week"


@pytest.mark.parametrize(
    ("text", "due", "vague"),
    [
        ("Workshop Thu 21st. I'll send the agenda the day before.", dt.date(2024, 3, 20), False),
        (
            "Install Tue 19th, their crew drains the tank the night before",
            dt.date(2024, 3, 18),
            False,
        ),
        (
            "Delivery Tue 19th: names to us by the Friday before, so we prep",
            dt.date(2024, 3, 15),
            False,
        ),
        ("Go-live Monday 25th, training the week before.", dt.date(2024, 3, 18), True),
        # the steps lead up to the latest date named: the workshop, not the export
        (
            "Workshop on the 28th; she sends the export Fri, I send the pre-read the day before.",
            dt.date(2024, 3, 27),
            False,
        ),
    ],
)
def test_the_day_or_week_before_counts_back_from_the_event(
    text: str, due: dt.date, vague: bool
) -> None:
    assert (find_due_phrases(text, WED)[-1].due, find_due_phrases(text, WED)[-1].vague) == (
        due,
        vague,
    )


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Trial ends Fri 15th. She couriers the units back two days after.", dt.date(2024, 3, 17)),
        (
            "Demo Mon 18th; she sends the floor plan Fri, we lodge the permit 2 days before.",
            dt.date(2024, 3, 16),
        ),
        ("Board meets Tue 12th, she calls me the following Monday.", dt.date(2024, 3, 18)),
        (
            "Trial from Monday 18th, I drop the rolls Fri, feedback sheet the Friday of that week.",
            dt.date(2024, 3, 22),
        ),
        ("Go-live Monday 25th; tanks drained the night before we start.", dt.date(2024, 3, 24)),
        # with no date before it, "the following Monday" is the coming one
        ("I'll ring her the following Monday.", dt.date(2024, 3, 11)),
    ],
)
def test_days_counted_from_an_event(text: str, due: dt.date) -> None:
    assert find_due_phrases(text, WED)[-1].due == due


def test_days_after_a_step_not_dated_count_from_nothing() -> None:
    found = find_due_phrases("Visit on the 20th, a couple of days after we send the pack.", WED)
    assert [p.due for p in found if p.due] == [dt.date(2024, 3, 20)]


def test_the_day_before_said_again_or_before_a_day_it_does_not_know_dates_nothing_new() -> None:
    found = find_due_phrases("I'll drop the drums on 15 March, the Friday before.", WED)
    assert [p.due for p in found] == [dt.date(2024, 3, 15)]
    assert [
        p.text for p in find_due_phrases("Go-live 25th. Import the day before go-live.", WED)
    ] == ["25th"]


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("on the twenty-third", dt.date(2024, 3, 23)),
        ("the twenty third", dt.date(2024, 3, 23)),
        ("the first of April", dt.date(2024, 4, 1)),
        ("April twenty third", dt.date(2024, 4, 23)),
        ("march fifteenth", dt.date(2024, 3, 15)),
        ("tuesday the twelfth", dt.date(2024, 3, 12)),
        ("by the thirtieth", dt.date(2024, 3, 30)),
        ("monday after next", dt.date(2024, 3, 18)),
        ("friday week", dt.date(2024, 3, 15)),
        ("thursday week to talk it through", dt.date(2024, 3, 14)),
        ("a week from tomorrow", dt.date(2024, 3, 14)),
    ],
)
def test_dates_as_dictation_writes_them(phrase: str, due: dt.date) -> None:
    assert [(p.due, p.vague) for p in find_due_phrases(phrase, WED)][:1] == [(due, False)]


def test_tuesday_first_thing_is_tuesday() -> None:
    assert [p.text for p in find_due_phrases("Tuesday first thing", WED)] == ["Tuesday"]


def test_until_then_is_the_date_before_it_unless_nothing_waits_for_it() -> None:
    found = find_due_phrases("Answer by Friday. Holding the booth til then.", WED)
    assert [p.due for p in found] == [dt.date(2024, 3, 8)] * 2
    found = find_due_phrases("Decision by Friday. Nothing from me till then.", WED)
    assert [p.text for p in found] == ["Friday"]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("she'll send 50 kg of feed by month-end", dt.date(2024, 3, 31)),
        ("Exco decides before month end", dt.date(2024, 3, 31)),
        ("register 5 deals by quarter end", dt.date(2024, 3, 31)),
        ("month-end close takes 9 business days", None),  # a process, not a deadline
        ("circle back after month end close", None),
    ],
)
def test_month_end_as_a_deadline_not_as_a_process(text: str, due: dt.date | None) -> None:
    assert [p.due for p in find_due_phrases(text, WED)] == ([due] if due else [])


def test_the_weekday_after_counts_from_the_date_before_it() -> None:
    text = "She sends the file Friday week, and Cillian calls her the Monday after."
    assert [p.due for p in find_due_phrases(text, WED)] == [
        dt.date(2024, 3, 15),
        dt.date(2024, 3, 18),
    ]


def test_either_of_two_days_next_week_is_that_week() -> None:
    assert resolve_phrase("Thurs or Fri next week", WED) == (dt.date(2024, 3, 11), True)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("until 26.03.", dt.date(2024, 3, 26)),
        ("Thu 28.3.", dt.date(2024, 3, 28)),
        ("06.02.2025", dt.date(2025, 2, 6)),
        # without the closing dot, where a date is meant
        ("gives answer till 13.06, depends", dt.date(2024, 6, 13)),
        ("we fixed 03.04 at 14:00 in Pécs", dt.date(2024, 4, 3)),
        ("comes on 18.03 morning", dt.date(2024, 3, 18)),
        ("see the foundry Thu 28.03 at 9:00", dt.date(2024, 3, 28)),
        ("site walk Tues 9.30 with Rewi", dt.date(2024, 3, 12)),  # a time: the weekday stands
        # a weekday and a bare day of the month, when the two agree (WED is 6 March 2024)
        ("the training stayed for Thursday 14 at 10:00", dt.date(2024, 3, 14)),
        ("the list at latest Monday 25", dt.date(2024, 3, 25)),
        ("Pencil in Thursday 11.", dt.date(2024, 3, 7)),  # the 11th is no Thursday: a time
        ("Tuesday, 48% yes", dt.date(2024, 3, 12)),
        # the week first, then its day
        ("get back to me by next wk Friday", dt.date(2024, 3, 15)),
        ("call her back next week Tuesday, 10:00", dt.date(2024, 3, 12)),
        ("next week on Thursday morning", dt.date(2024, 3, 14)),
        # running on into the sentence after "by", "on", "until"
        ("agreed to send the data by 28.03 so we can quote", dt.date(2024, 3, 28)),
        ("comes to our training on 24.04 with 2 of his roofers", dt.date(2024, 4, 24)),
        # misspelt
        ("by Thrusday", dt.date(2024, 3, 7)),
        ("next Wendesday", dt.date(2024, 3, 13)),
        ("Teusday", dt.date(2024, 3, 12)),
        ("firday", dt.date(2024, 3, 8)),
        ("Febuary 3", dt.date(2025, 2, 3)),
        ("3 Agust", dt.date(2024, 8, 3)),
        # a weekday after a date: the first such weekday after it
        ("ring her the Monday after the 12th", dt.date(2024, 3, 18)),
        ("the Tuesday after the 14th of March", dt.date(2024, 3, 19)),
        ("the Friday after 3/8", dt.date(2024, 3, 15)),  # strictly after: a week on
    ],
)
def test_dotted_misspelt_and_anchored_dates(phrase: str, due: dt.date) -> None:
    assert [p.due for p in find_due_phrases(phrase, WED)] == [due]


@pytest.mark.parametrize(
    "text", ["storage on 2.3TB drives", "down from 3.1 days", "on 2.5 million"]
)
def test_a_short_dotted_number_running_on_into_a_unit_is_no_date(text: str) -> None:
    assert find_due_phrases(text, WED) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I'm sending that Friday um Thursday actually", "Thursday"),
        ("tags made up by Thursday no Wednesday so", "Wednesday"),
        ("survey's booked for Tuesday, no sorry, Wednesday at seven", "Wednesday"),
        ("names by Friday - no, she corrected herself, Monday", "Monday"),
        # replaced later in the note
        ("line visit Monday the 11th. No, correction, he texted: Tuesday instead", "Tuesday"),
        ("She moved it to Thursday instead of Friday.", "Thursday"),
    ],
)
def test_a_date_taken_back_gives_way_to_the_next(text: str, kept: str) -> None:
    assert [p.text for p in find_due_phrases(text, WED)] == [kept]


def test_two_dates_without_a_correction_both_stand() -> None:
    found = find_due_phrases("Monday probably, Tuesday at the latest", WED)
    assert [p.text for p in found] == ["Monday", "Tuesday"]


def test_nxt_weekday_is_next_weekday() -> None:
    assert resolve_phrase("nxt Monday", WED) == (dt.date(2024, 3, 11), False)


@pytest.mark.parametrize(
    ("phrase", "due", "vague"),
    [
        ("el viernes", dt.date(2024, 3, 8), False),
        ("martes 12", dt.date(2024, 3, 12), False),  # the day number decides
        ("quinta-feira", dt.date(2024, 3, 7), False),
        ("quinta 14", dt.date(2024, 3, 14), False),
        ("hoy", WED, False),
        ("amanhã", dt.date(2024, 3, 7), False),
        ("pasado mañana", dt.date(2024, 3, 8), False),
        ("la próxima semana", dt.date(2024, 3, 11), True),
        ("semana que vem", dt.date(2024, 3, 11), True),
        ("em duas semanas", dt.date(2024, 3, 20), False),
        ("fin de mes", dt.date(2024, 3, 31), False),
        ("dia 24", dt.date(2024, 3, 24), False),
        ("jeudi", dt.date(2024, 3, 7), False),
        ("jeudi le 14", dt.date(2024, 3, 14), False),
        ("jeudi prochain", dt.date(2024, 3, 14), False),  # as "next Thursday"
        ("d'ici vendredi", dt.date(2024, 3, 8), False),
        ("demain", dt.date(2024, 3, 7), False),
        ("après-demain", dt.date(2024, 3, 8), False),
        ("la semaine prochaine", dt.date(2024, 3, 11), True),
        ("dans deux semaines", dt.date(2024, 3, 20), False),
        ("à la fin du mois", dt.date(2024, 3, 31), False),
        ("d'ici la fin de la semaine", dt.date(2024, 3, 8), False),
        ("le 1er avril", dt.date(2024, 4, 1), False),
        ("entro venerdì", dt.date(2024, 3, 8), False),
        ("giovedì 14", dt.date(2024, 3, 14), False),
        ("domani", dt.date(2024, 3, 7), False),
        ("dopodomani", dt.date(2024, 3, 8), False),
        ("la settimana prossima", dt.date(2024, 3, 11), True),
        ("tra 10 giorni", dt.date(2024, 3, 16), False),
        ("a fine mese", dt.date(2024, 3, 31), False),
        ("12 maggio", dt.date(2024, 5, 12), False),
        ("15 de enero de 2025", dt.date(2025, 1, 15), False),
        ("3 de março", dt.date(2025, 3, 3), False),  # on or after the call, as "3 March"
        ("Di 12.", dt.date(2024, 3, 12), False),
        ("bis Fr", dt.date(2024, 3, 8), False),
        ("Dienstag, den 19.03.", dt.date(2024, 3, 19), False),  # the date decides
        ("nächste Woche", dt.date(2024, 3, 11), True),
        ("nächsten Montag", dt.date(2024, 3, 11), False),
        ("morgen", dt.date(2024, 3, 7), False),
        ("übermorgen", dt.date(2024, 3, 8), False),
        ("Ende des Monats", dt.date(2024, 3, 31), False),
        ("in zwei Wochen", dt.date(2024, 3, 20), False),
        ("12. März", dt.date(2024, 3, 12), False),
        ("volgende week donderdag", dt.date(2024, 3, 14), False),
        ("vrijdag a.s.", dt.date(2024, 3, 8), False),
        ("eind van de maand", dt.date(2024, 3, 31), False),
        ("over twee weken", dt.date(2024, 3, 20), False),
        ("på fredag", dt.date(2024, 3, 8), False),
        ("i morgen", dt.date(2024, 3, 7), False),
        ("nästa vecka", dt.date(2024, 3, 11), True),
        ("om to uger", dt.date(2024, 3, 20), False),
        ("KW 12", dt.date(2024, 3, 18), True),  # a calendar week: its Monday, as "w/c"
        ("Ende KW 12", dt.date(2024, 3, 22), False),  # its Friday
        ("in week 14", dt.date(2024, 4, 1), True),
        ("KW 40 Dienstag", dt.date(2024, 10, 1), False),  # a day of the week named: that day
        ("KW 17, Montag", dt.date(2024, 4, 22), False),
        ("yarın", dt.date(2024, 3, 7), False),  # Turkish
        ("jutro", dt.date(2024, 3, 7), False),  # Polish
        ("holnap", dt.date(2024, 3, 7), False),  # Hungarian
        ("kesho", dt.date(2024, 3, 7), False),  # Swahili
    ],
)
def test_foreign_date_words_in_code_switched_notes(phrase: str, due: dt.date, vague: bool) -> None:
    assert resolve_phrase(phrase, WED) == (due, vague)


@pytest.mark.parametrize(
    "text",
    [
        "segunda reunião com o cliente",  # a second meeting, not Monday
        "Domingo Cisneros promised a shortlist",  # a name, not Sunday
        "mañana por la mañana",  # one date: tomorrow (the second is "morning")
        "after Mardi Gras",  # a feast, not Tuesday
        "jeudi le client rappelle",  # "le" opens no day number here
    ],
)
def test_foreign_words_that_are_not_dates_or_are_one(text: str) -> None:
    assert len(find_due_phrases(text, WED)) <= 1
    assert all(p.due == dt.date(2024, 3, 7) for p in find_due_phrases(text, WED))


@pytest.mark.parametrize(
    ("text", "call", "due", "past"),
    [
        ("We had a site visit on 14 August.", dt.date(2025, 9, 10), dt.date(2025, 8, 14), True),
        (
            "8/19: Cheryl accepted a meeting invite",
            dt.date(2025, 9, 15),
            dt.date(2025, 8, 19),
            True,
        ),
        # told ahead, or its year given: the date ahead, as the table reads it
        (
            "County fleet meeting Aug 15, she'll book us.",
            dt.date(2025, 9, 10),
            dt.date(2026, 8, 15),
            False,
        ),
        ("We met on 14/08/2026.", dt.date(2025, 9, 10), dt.date(2026, 8, 14), False),
        ("Renewal 1 March, we met last week.", dt.date(2025, 9, 10), dt.date(2026, 3, 1), False),
        # any past verb ("fitted"), or a paragraph headed as history
        ("We fitted the teeth on 4 December.", dt.date(2026, 2, 25), dt.date(2025, 12, 4), True),
        (
            "History: two calls so far. Demo on 18 February, they liked it.",
            dt.date(2025, 4, 10),
            dt.date(2025, 2, 18),
            True,
        ),
        # a plan agreed or booked far ahead stays ahead
        (
            "He's agreed to a trial from 6 October.",
            dt.date(2025, 3, 4),
            dt.date(2025, 10, 6),
            False,
        ),
    ],
)
def test_a_yearless_date_far_ahead_told_in_the_past_is_the_one_just_past(
    text: str, call: dt.date, due: dt.date, past: bool
) -> None:
    (got,) = find_due_phrases(text, call)
    assert (got.due, got.past) == (due, past)


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        # a date that can only be day first makes the note's other numeric dates day first
        ("committee on 12/3, answer at the latest 16/3", [(2024, 3, 12), (2024, 3, 16)]),
        # so does a weekday that agrees with its date only read day first (10 March is a Sunday)
        ("trial from Sun 10/3, our tech on site Thu 7/3", [(2024, 3, 10), (2024, 3, 7)]),
        # and with no such sign they stay month first, as in a US note
        ("demo 3/12, call back 4/2", [(2024, 3, 12), (2024, 4, 2)]),
        ("24/7 support, demo 3/12", [(2024, 3, 12)]),
    ],
)
def test_a_note_written_day_first_is_read_day_first(
    text: str, dues: list[tuple[int, int, int]]
) -> None:
    assert [p.due for p in find_due_phrases(text, WED)] == [dt.date(*d) for d in dues]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # dictation runs on past a spelled day with no stop after it (WED is 6 March 2024)
        ("put it to the board on the twenty first and she'll ring me", dt.date(2024, 3, 21)),
        ("the scoping session on the tenth no sorry the eleventh and Darren", dt.date(2024, 3, 11)),
        ("they'll come the week of the eighteenth so I need samples", dt.date(2024, 3, 18)),
        ("the audit in the week commencing the eleventh", dt.date(2024, 3, 11)),
    ],
)
def test_spelled_days_in_dictation(text: str, due: dt.date) -> None:
    assert [p.due for p in find_due_phrases(text, WED)] == [due]


@pytest.mark.parametrize("text", ["on the first floor", "on the first morning of the pilot"])
def test_a_spelled_ordinal_counting_things_is_no_date(text: str) -> None:
    assert find_due_phrases(text, WED) == []
