"""The words of `series`, `recommend` and `report`, in Dutch and English side by side.

Apart from :mod:`.texts` so that these commands can grow without crowding the
meeting's own texts; the same shape (plain tuples, no pydantic) so that
``intervision --help`` stays quick.
"""

from __future__ import annotations

from .texts import Lang, said

__all__ = [
    "EXPERIENCE_NAMES",
    "LEERVRAAG_KIND_NAMES",
    "ORDINALS",
    "STATUS_NAMES",
    "TEXTS",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "t",
]

#: The kinds of leervraag as the facilitator offers them; the same keys as the
#: engine's ``LEERVRAAG_KINDS`` (a test keeps them equal), here for ``--help``.
LEERVRAAG_KIND_NAMES: dict[str, tuple[str, str]] = {
    "incident": ("een concreet incident", "a concrete incident"),
    "relational": ("een relationele of emotionele kwestie", "a relational or emotional matter"),
    "values": ("waarden en overtuigingen", "values and beliefs"),
    "advice": ("een adviesvraag", "a request for advice"),
    "pattern": ("een patroon in je eigen gedrag", "a pattern in your own behaviour"),
    "positive": ("een succes om van te leren", "a success to learn from"),
}

EXPERIENCE_NAMES: dict[str, tuple[str, str]] = {
    "beginning": ("een beginnende groep", "a beginning group"),
    "experienced": ("een ervaren groep", "an experienced group"),
}

STATUS_NAMES: dict[str, tuple[str, str]] = {
    "held": ("gehouden", "held"),
    "missed": ("niet gehouden", "missed"),
    "planned": ("gepland", "planned"),
}

WEEKDAYS: tuple[tuple[str, str], ...] = (
    ("ma", "Mon"),
    ("di", "Tue"),
    ("wo", "Wed"),
    ("do", "Thu"),
    ("vr", "Fri"),
    ("za", "Sat"),
    ("zo", "Sun"),
)

WEEKDAY_NAMES: tuple[tuple[str, str], ...] = (
    ("maandag", "Monday"),
    ("dinsdag", "Tuesday"),
    ("woensdag", "Wednesday"),
    ("donderdag", "Thursday"),
    ("vrijdag", "Friday"),
    ("zaterdag", "Saturday"),
    ("zondag", "Sunday"),
)

#: Which weekday of the month: the week (0 to 4) a day falls in; a fifth is the last.
ORDINALS: tuple[tuple[str, str], ...] = (
    ("eerste", "first"),
    ("tweede", "second"),
    ("derde", "third"),
    ("vierde", "fourth"),
    ("laatste", "last"),
)

_TEXTS: dict[str, tuple[str, str]] = {
    # -- series -----------------------------------------------------------------
    "series.bad_start": (
        "schrijf een datum als 2026-01-12, of met een tijd als 2026-01-12T19:30",
        "write a date like 2026-01-12, or with a time like 2026-01-12T19:30",
    ),
    "series.bad_zone": (
        "onbekende tijdzone {zone!r}; noem er een als Europe/Amsterdam of UTC",
        "unknown time zone {zone!r}; name one like Europe/Amsterdam or UTC",
    ),
    "series.no_plan": (
        "de groep {name!r} heeft nog geen reeks; plan er een met "
        "`intervision series plan {id} --meetings 6 --every 8w --duration 2h --start DATUM`",
        "the group {name!r} has no series yet; plan one with "
        "`intervision series plan {id} --meetings 6 --every 8w --duration 2h --start DATE`",
    ),
    "series.bad_every": (
        "{text!r} is geen tijd tussen bijeenkomsten: schrijf maanden, weken of dagen, "
        "zoals 2m, 8w of 56d",
        "cannot read {text!r} as the time between meetings: write months, weeks or days, "
        "like 2m, 8w or 56d",
    ),
    "series.bad_duration": (
        "{text!r} is geen duur: schrijf uren en minuten, zoals 2u, 90m of 1u30",
        "cannot read the duration {text!r}: write hours and minutes, like 2h, 90m or 1h30",
    ),
    "series.bad_meetings": (
        "een reeks heeft 1 tot 52 bijeenkomsten, niet {n}",
        "a series has 1 to 52 meetings, not {n}",
    ),
    "series.far_apart": (
        "bijeenkomsten liggen een dag tot een jaar uit elkaar (hooguit 12m, 52w of 365d), "
        "niet {every}",
        "meetings are a day to a year apart (at most 12m, 52w or 365d), not {every}",
    ),
    "series.bad_length": (
        "een bijeenkomst duurt 15 minuten tot 8 uur, niet {duration}",
        "a meeting lasts 15 minutes to 8 hours, not {duration}",
    ),
    "series.method_fixed": (
        "{name} houdt in deze reeks de methode {method} aan; bij de methodekeuze komt die "
        "als eerste, en de inbrenger stemt in.",
        "{name} keeps the method {method} for this series; at method choice it comes first, "
        "and the inbrenger agrees.",
    ),
    "series.method_free": (
        "{name} heeft geen methode vastgelegd; bij elke bijeenkomst kiezen jullie er een.",
        "{name} has no method fixed; you choose one at each meeting.",
    ),
    "series.method_or_free": (
        "noem een methode of --free, niet allebei",
        "name a method or --free, not both",
    ),
    "series.unknown_method": (
        "geen methode {id!r}; geïnstalleerd: {known}",
        "no method {id!r}; installed: {known}",
    ),
    "series.unknown_variant": (
        "geen variant {id!r}; varianten: {known}",
        "no variant {id!r}; variants: {known}",
    ),
    "series.planned": ("De reeks van {name} is vastgelegd.", "The series of {name} is saved."),
    "series.replaced": (
        "De vorige planning is vervangen; de afspraken in de agenda schuiven mee.",
        "It replaces the earlier plan; the calendar's events move with it.",
    ),
    "series.new": (
        "Dit is een nieuwe reeks; de agenda krijgt nieuwe afspraken.",
        "This is a new series; the calendar gets new events.",
    ),
    "series.head": (
        "Reeks van {name}: {n} bijeenkomsten, elke {every}, {duration} per keer",
        "Series of {name}: {n} meetings, every {every}, {duration} each",
    ),
    "series.zone": ("Tijden in {zone}.", "Times in {zone}."),
    "series.months": ("{n} maanden", "{n} months"),
    "series.month": ("maand", "month"),
    "series.on_nth": (", op de {nth} {day}", ", on the {nth} {day}"),
    "series.weeks": ("{n} weken", "{n} weeks"),
    "series.week": ("week", "week"),
    "series.days": ("{n} dagen", "{n} days"),
    "series.day": ("dag", "day"),
    "series.hours": ("{n} uur", "{n} hours"),
    "series.hour": ("{n} uur", "{n} hour"),
    "series.minutes": ("{n} minuten", "{n} minutes"),
    "series.hours_minutes": ("{h} uur en {m} minuten", "{h} h {m} min"),
    "series.col.no": ("nr", "no"),
    "series.col.date": ("datum", "date"),
    "series.col.time": ("tijd", "time"),
    "series.col.status": ("status", "status"),
    "series.col.meeting": ("bijeenkomst", "meeting"),
    "series.extra": ("extra", "extra"),
    "series.held_on": ("gehouden op {date}", "held on {date}"),
    "series.totals": (
        "Gehouden: {held} · niet gehouden: {missed} · nog gepland: {planned}",
        "Held: {held} · missed: {missed} · still planned: {planned}",
    ),
    "series.extras": (
        "Daarnaast {meetings} buiten de planning.",
        "Besides, {meetings} outside the plan.",
    ),
    "series.ics_written": (
        "Agenda geschreven naar {path} ({n} afspraken); importeer het bestand in je agenda.",
        "Calendar written to {path} ({n} events); import the file into your calendar app.",
    ),
    # -- recommend ----------------------------------------------------------------
    "recommend.need_size": (
        "hoe groot is de groep? Noem --size N, of --group GROEP",
        "how large is the group? Give --size N, or --group GROUP",
    ),
    "recommend.empty_group": (
        "de groep {name!r} heeft nog geen leden; noem de groepsgrootte met --size N",
        "the group {name!r} has no members yet; give the group size with --size N",
    ),
    "recommend.for": ("Methodes voor {what}.", "Methods for {what}."),
    "recommend.size": ("een groep van {n}", "a group of {n}"),
    "recommend.time": ("in {n} minuten", "in {n} minutes"),
    "recommend.group": (
        "Groep {name}: {members}; {meetings} meegewogen (een beginnende groep houdt één "
        "methode aan tot iedereen haar kent, een ervaren groep wisselt af).",
        "Group {name}: {members}; {meetings} weighed (a beginning group keeps one method "
        "until everyone knows it, an experienced one varies).",
    ),
    "recommend.takes": ("ongeveer {n} min", "about {n} min"),
    "recommend.caution": ("let op: {text}", "mind: {text}"),
    "recommend.choose": (
        "De inbrenger kiest mee: een methode gebruik je alleen als de inbrenger ermee instemt.",
        "The inbrenger chooses too: use a method only if the inbrenger agrees to it.",
    ),
    "recommend.more": (
        "Meer over een methode: intervision methods show ID",
        "More about a method: intervision methods show ID",
    ),
    "recommend.none": (
        "Geen enkele methode past bij: {what}.",
        "No method fits: {what}.",
    ),
    "recommend.more_time": (
        "Er is te weinig tijd: de kortste passende methode ({title}) duurt ongeveer "
        "{n} minuten. Neem meer tijd: --minutes {n}.",
        "There is not enough time: the shortest method that fits ({title}) takes about "
        "{n} minutes. Take more time: --minutes {n}.",
    ),
    "recommend.other_size": (
        "De methodes zijn er voor groepen van {lo} tot {hi}: kies een andere groepsgrootte "
        "(--size), of splits de groep.",
        "The methods are for groups of {lo} to {hi}: choose another group size (--size), "
        "or split the group.",
    ),
    "recommend.none_installed": (
        "Er zijn geen methodes geïnstalleerd; zie `intervision plugins`.",
        "No methods are installed; see `intervision plugins`.",
    ),
    # -- report -------------------------------------------------------------------
    "report.not_found": (
        "{id!r} is geen bijeenkomst en geen groep in deze opslag (groepen: {groups}); "
        "`intervision meetings` toont de bijeenkomsten",
        "{id!r} is neither a meeting nor a group in this store (groups: {groups}); "
        "`intervision meetings` lists the meetings",
    ),
    "report.none": ("geen", "none"),
    "report.for_meeting": (
        "--for hoort bij een groep; het verslag van een bijeenkomst is voor de groep zelf. "
        "Voor de organisatie: intervision report {group} --for organisation",
        "--for belongs to a group; a meeting's report is for the group itself. "
        "For the organisation: intervision report {group} --for organisation",
    ),
    "report.for_missing": (
        "voor een groep kies je voor wie het overzicht is: --for organisation of "
        "--for accreditation",
        "for a group, choose whom the report is for: --for organisation or --for accreditation",
    ),
    "report.written": ("Verslag geschreven naar {path}.", "Report written to {path}."),
}


#: Every text of this table, for a language pack's author to translate (``check``).
TEXTS = _TEXTS


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``values`` filled in."""
    return said(lang, _TEXTS[key], values)
