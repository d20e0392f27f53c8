"""The lines under a title that a person typed, in a pasted page, a Word or Markdown file or an
article's own HTML: a byline, a date (glued to the byline or behind its label), and a first line
that is the title. Each format decides where to look for them."""

from __future__ import annotations

import re

from . import datelabels, people, precompiled, text
from .dates import find_date, find_short_year
from .draft import Draft

# ("Text" and "Words" name the writer only before a colon: "Text Size" is a button)
_BYLINE = precompiled.pattern(
    r"^\s*(?:by|文|取材・文|執筆|著者)\s*[:：]?\s+\S|^\s*(?:text|words)\s*[:：]\s*\S|^\s*(?:文|執筆|著者)\s*[:：]", re.I
)
# The label in front of a date line ("Published April 1, 2024", "Publicado el 1 de abril de 2024",
# "更新日：2024年4月2日"): group 1 is there when the date is the update's. Typed under a title, a label
# that names no kind of date is the publication's ("Date: 2024-04-01", "Datum: 01.04.2024").
_DATE_LABEL = precompiled.pattern(
    rf"^(?:({datelabels.alternation(datelabels.UPDATED)})|(?:{datelabels.alternation(datelabels.PUBLISHED)})"
    rf"|(?:date|datum|fecha|data)(?=\s*[:：]))(?:\s+(?:{datelabels.alternation(datelabels.GLUE)}))?\s*[:：]?\s*",
    re.I,
)


def is_byline(line: str) -> bool:
    """A byline line: "By …", "文：…", or a Japanese credit line ("文＝山田太郎、写真＝佐藤花子")."""
    return byline_names(line) is not None


def byline_names(line: str) -> list[str] | None:
    """The names a byline line gives; None for a line that is none. "By the end of the year, …" is
    a sentence: every name of a byline starts with a capital (or is in a script without case) and
    is a few words long."""
    if len(line) > 120:
        return None
    line = _without_picture_credits(_unbracketed(line))
    if credited := text.writers_credited(line):
        return credited
    if _BYLINE.match(line) is None:
        return _byline_in_another_language(line)
    # ("By Ann Lee with Bo Chen" is two people, "By Ann Lee, Iolite" one)
    names = people.without_place_or_outlet(people.clean_names(text.parse_authors(line), []))
    return names if names and all(_a_name(name) for name in names) else None


def _byline_in_another_language(line: str) -> list[str] | None:
    """ "Par Bertrand Bissuel", "Por Ana García y Luis Pérez", "Von Anna Müller": people's names, not
    a sentence that opens so ("Von Berlin aus fährt …", "Par ailleurs, …")."""
    if not people.starts_with_by(line):
        return None
    names = people.clean_names(text.parse_authors(line), [])
    return names if names and all(_a_name(name) and people.looks_like_person(name) for name in names) else None


def _unbracketed(line: str) -> str:
    """A byline typed in brackets ("（文・写真／山田太郎）", "(Text: Ann Lee)") without them."""
    stripped = line.strip()
    if stripped[:1] in _OPENING and stripped[-1:] == _OPENING.get(stripped[:1]):
        return stripped[1:-1].strip()
    return line


_OPENING = {"(": ")", "（": "）", "[": "]", "［": "］", "【": "】"}


def _without_picture_credits(line: str) -> str:
    """A byline without the picture and editing credits after its bar or semicolon ("Words: Ann Lee
    | Photos: Bo Chen", "Reporting by Ann Lee; Editing by Bo Chen"): who took the photographs or
    edited the text did not write it."""
    first, *others = _CREDITS.split(line)
    return first if others and all(_OTHER_CREDIT.match(other) for other in others) else line


_MORE_CREDIT_WORDS = frozenset(
    "photographs photography pictures picture images illustration illustrations grafik video styling "
    "editing edited editor redigering bearbeitung".split()
)
_CREDITS = precompiled.pattern(rf"\s*;\s*|{text.BYLINE_END.pattern}")
# A picture's credit, or the editor's, after the writer's ("Photos: Bo Chen", "Photography by …", "Editing by …").
_OTHER_CREDIT = precompiled.pattern(
    "(?:" + "|".join(sorted(people.PICTURE_LABELS | _MORE_CREDIT_WORDS, key=lambda word: (-len(word), word))) + r")(?:\s+by\b|\s*[:：])",
    re.I,
)


def _a_name(name: str) -> bool:
    return len(name.split()) <= _NAME_WORDS and _capitalised(name)


def _capitalised(value: str) -> bool:
    """Whether the first letter is a capital, or in a script without case."""
    return _first_letter(value).isupper() or _caseless(value)


_NAME_WORDS = 5


def date_byline(line: str) -> tuple[str, str] | None:
    """'2024/04/01Editors of Iolite' -> ('2024/04/01', 'Editors of Iolite'), and a name, a bar and
    the date ('Ann Lee · April 1, 2024') -> ('April 1, 2024', 'Ann Lee'); None for any other line."""
    if len(line) > 200:
        return None  # a date line is short; find_date over a 9 MB line would be six regex passes
    line = _READING_TIME_AT_END.sub("", _READING_TIME_BETWEEN_BARS.sub("", line))  # ("April 1, 2024 · 5 min read")
    found = find_date(line) or find_short_year(line)  # ("Ann Lee | 01.04.24 10:20": a typed line's short year)
    if not found:
        return None
    head = line[: found[1]]
    if _ONE_WORD.fullmatch(head):  # the day of the week or the place before it ("Monday, April 1, 2024", "Berlin, 1. April 2024")
        return _after_one_word(head, line[found[1] :], line[found[2] :], found[0])
    if head.strip(" \u3000|·-–—"):  # (a bar alone in front of the date is no name)
        return _name_then_date(head.strip(" \u3000"), line[found[2] :], found[0])
    rest = _TIME_AFTER_DATE.sub("", line[found[2] :].strip(" \u3000|·-–—,")).strip(" \u3000|·-–—,")
    rest = "" if rest.casefold() in _TIME_WORDS else rest
    if _TIME.search(found[0]):  # (the date took its time: "Uhr" is the time's; "2024/04/01 am Main" a place)
        rest = _TIME_WORD_BEFORE.sub("", rest)
    rest = text.BYLINE_END.split(rest, maxsplit=1)[0]  # ("Ann Lee – 3 Kommentare")
    if _AFTER_THE_DAY.fullmatch(rest) or (_ZONE.fullmatch(rest) and _TIME.search(line, found[1])):
        return found[0], ""  # the day of the week or the time's zone ("30 Ekim 2020 Cuma 18:28", "… - 12:14 CET")
    if names := byline_names(rest):  # its label or its "By" goes ("… 13:15 Uhr Autor/in: Korinna Hennig")
        return found[0], ", ".join(names)
    if (label := _DATE_LABEL.match(rest)) and label.group(0).strip() and not find_date(rest):
        return found[0], ""  # a label and what it says ("… -- Updated 0203 GMT", "… Posted in News"): no byline
    if rest and not _a_byline_after_a_date(line[found[2] :], rest):
        return None
    return found[0], _named(rest)


# How long the piece takes to read, shown beside its date ("Lesedauer: 8 Minuten", "3 min read",
# "3 Minuten Lesezeit", "Temps de lecture : 4 min").
READING_TIME = precompiled.pattern(
    r"(?:(?:lesedauer|lesezeit|reading time|read time|temps de lecture|tiempo de lectura|tempo di lettura|leestijd|"
    r"lästid|lesetid)\s*[:：]?\s*(?:ca\.\s*)?)?\d{1,3}\s*(?:min(?:ute)?s?|minuten|minutos|minuti|minuter|minutter)\.?"
    r"(?:\s+(?:read|reading|lesen|lesezeit|de lectura|de lecture|di lettura|leestijd|lästid|lesetid))?",
    re.I,
)
_READING_TIME_AT_END = precompiled.pattern(rf"[ \u3000]*+[|·•–—-]?[ \u3000]*+(?:{READING_TIME.pattern})[ \u3000]*+$", re.I)
_READING_TIME_BETWEEN_BARS = precompiled.pattern(
    rf"[ \u3000]*+[|·•–—-][ \u3000]*+(?:{READING_TIME.pattern})(?=[ \u3000]*+[|·•–—-])", re.I
)  # ("April 1, 2024 · 5 min read · By Ann Lee")
_ONE_WORD = precompiled.pattern(r"[ \u3000]*[^\W\d_]++\.?,?[ \u3000]*")
# A word and a time after the date (the day of the week: "Cuma 18:28"), a zone in capitals after its time.
_AFTER_THE_DAY = precompiled.pattern(r"[^\W\d_]++,?[ \u3000]+\d{1,2}[:.h]\d{2}(?::\d{2})?")
_ZONE = precompiled.pattern(r"[A-Z]{2,5}")


def _after_one_word(head: str, from_the_date: str, after: str, date: str) -> tuple[str, str] | None:
    """A date line that opens with one word (the day of the week, the place): the date alone, or
    the date and a byline set apart by a bar or a "By" ("Monday, April 1, 2024 | By Ann Lee");
    not a sentence going on after the date ("Berlin, 1. April 2024 Die Regierung …")."""
    if a_newsroom(signature := head.strip(" \u3000,")):
        return (date, signature) if _ends_at_its_time(after) else None  # ("Iolite編集部 2024.04.01")
    if _ends_at_its_time(after):
        return date, ""
    if _DATE_LABEL.match(head):
        return None  # ("Updated April 2, 2024 | By Ann Lee": labelled_date reads it)
    marked = after.lstrip(" \u3000,")[:1] in _BARS or is_byline(after.strip(" \u3000,"))
    return date_byline(from_the_date) if marked else None


def _ends_at_its_time(after: str) -> bool:
    """Whether what follows a date is its time at most ("", " 10:20", " Uhr")."""
    after = after.strip(" \u3000")
    if not after or _TIME.fullmatch(after) is not None or after.casefold() in _TIME_WORDS:
        return True
    clock = _TIME_AFTER_DATE.match(after)  # ("… at 9:26 pm", "… um 19:35 Uhr", "… 10:00 BST")
    return clock is not None and (clock.end() == len(after) or _ZONE.fullmatch(after[clock.end() :].strip()) is not None)


def _name_then_date(before: str, after: str, date: str) -> tuple[str, str] | None:
    """A person's name, a bar and the date that ends the line ("Ann Lee · April 1, 2024 10:00",
    "山田太郎 / 2024.04.01"); not a sentence with a dash ("Prices peaked — April 1, 2024")."""
    if not _ends_at_its_time(after):
        return None  # (what may follow the date is its time's word: "… | 01.04.2024 10:20 Uhr")
    if before[-1] not in _BARS + ",":
        return _byline_into_date(before, date)
    name = text.BYLINE_END.split(before.rstrip(_BARS + ", \u3000"), maxsplit=1)[0]  # ("Ann Lee – 3 Kommentare | April 1, 2024")
    if names := byline_names(name):  # "By Ann Lee and Bo Chen · April 1, 2024", "Por Ana García | …", "By Ann Lee, April 1, 2024"
        return (date, ", ".join(names))
    if before[-1] == ",":
        return None  # (a comma sets a date beside a byline, or beside a place: "New York, April 1, 2024")
    if a_newsroom(name):
        return date, name
    if (label := _DATE_LABEL.match(name)) and label.group(0).strip() and _ends_at_its_time(name[label.end() :]):
        return date, ""  # a label and its time ("Updated 10:20 | April 1, 2024"): no byline
    return (date, ", ".join(names)) if (names := _signed_names(name)) else None


def _byline_into_date(before: str, date: str) -> tuple[str, str] | None:
    """A "By" line that runs into its date without a bar ("By Ann Lee April 1, 2024", "By Ann Lee
    on April 1, 2024"); unmarked, the words before a date are a sentence's ("Prices peaked April
    1, 2024"), and a byline that goes on is no name ("By Kathy Wise filed under News …")."""
    names = byline_names(_DATE_PREPOSITION.sub("", before))
    return (date, ", ".join(names)) if names and all(map(people.looks_like_person, names)) else None


def _signed_names(name: str) -> list[str]:
    """The people an unmarked name before a date's bar names: full names ("Ann Lee", "Ann Lee and
    Bo Chen"), a name in a script without case ("山田太郎"), a wire agency ("Reuters"); not one
    capitalised word, which is more often the section's ("Politics | April 1, 2024")."""
    names = people.clean_names([name], []) if name else []
    for one in names:
        if people.is_wire_agency(one):
            continue
        if (len(one.split()) < 2 and not _caseless(one)) or people.names_an_outlet(one):
            return []  # ("Politics | …", "Business News | …")
        if not (_a_name(one) and people.looks_like_person(one)):
            return []
    return names


def _caseless(value: str) -> bool:
    """Whether the first letter is in a script without case ("山田太郎")."""
    first = _first_letter(value)
    return first.lower() == first.upper()


def _first_letter(value: str) -> str:
    return next((ch for ch in value if ch.isalpha()), "")


def _named(byline: str) -> str:
    """A byline's names without what people.clean_names takes from a name (a handle, a job title)."""
    return ", ".join(people.clean_names([byline], [])) if byline else byline


_BARS = "|·/–—-•"
# The word that sets a date after a byline ("By Ann Lee on April 1, 2024", "Von Anna Müller am 1. April 2024").
_DATE_PREPOSITION = precompiled.pattern(r"[ \u3000]+(?:on|am|le|el|il|em|op)[ \u3000]*$", re.I)
# The time written after a date ("3. Mai 2024, 17:47", "April 1, 2024 at 9:26pm", "…, um 19:35 Uhr",
# "… à 10h00"): no byline.
_TIME_AFTER_DATE = precompiled.pattern(
    r"^(?:(?:at|um|à|a las|às|alle|om|kl\.?|klo\.?)\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|uhr)(?![^\W\d_]))?", re.I
)
_TIME_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "uhr"})  # left alone when the date took the time before them
# The same word before a byline ("18.03.2020 13:15 Uhr von Korinna Hennig", "… Uhr | Von …").
_TIME_WORD_BEFORE = precompiled.pattern(r"^(?:uhr|[ap]\.?m\.?)(?![^\W\d_])[\s|·\-–—,]*", re.I)
_TIME = precompiled.pattern(r"[ \u3000]*\d{1,2}:\d{2}(?::\d{2})?[ \u3000]*")


def _a_byline_after_a_date(after: str, rest: str) -> bool:
    """Whether what follows a date is a byline ("2024/04/01 Editors of Iolite"), not the rest of a
    sentence that starts with the date ("2024年4月1日、政府は…。", "April 1, 2024 was the day …")."""
    if after.lstrip(" \u3000")[:1] in ("、", "，") or len(rest) > _BYLINE_CHARS or rest.endswith(_SENTENCE_ENDS):
        return False
    if find_date(rest):
        return False  # a second date ("Dec. 20, 2016, 12:44 PM UTC / Updated Dec. 21, 2016")
    return _capitalised(rest)


_BYLINE_CHARS = 60
_SENTENCE_ENDS = (".", "。", "!", "?", "！", "？")


def labelled_date(line: str) -> tuple[str, bool, str] | None:
    """(date, whether it is the update's, the byline after it) of a line that starts with a date's
    label ("Published: April 1, 2024", "公開日：2024年4月1日 山田太郎")."""
    if len(line) > 120 or not (label := _DATE_LABEL.match(line)) or not label.group(0).strip():
        return None
    found = date_byline(line[label.end() :])
    return (found[0], label.group(1) is not None, found[1]) if found else None


# A newsroom's signature: its desk's word and the outlet's name ("Editors of Iolite", "Iolite Staff",
# "Redaktion MSM", "La Rédaction", "Online-Redaktion", "Iolite編集部"). Bounded: a few words of a line.
_DESKS = r"(?:editors|editorial\s+(?:team|staff|desk)|staff|newsroom|redaktion|redacci[oó]n|r[ée]daction|redazione|redakcja)"
_NEWSROOM = precompiled.pattern(
    rf"(?:(?:the|la|die|a)\s+)?{_DESKS}(?:\s+(?:of|at|de|der|di|du|do|da|del))?(?:\s+(?-i:[A-Z0-9])[\w.&'-]{{0,30}}){{0,3}}"
    rf"|(?:(?-i:[A-Z0-9])[\w.&'-]{{0,30}}\s+){{1,3}}{_DESKS}|[\w.]{{1,30}}-(?:redaktion|redaction)|[^\s\d]{{1,20}}編集部",
    re.I,
)


def a_newsroom(line: str) -> bool:
    """A newsroom's signature: its desk and the outlet's name, not a desk's word alone ("Redaktion")
    or a job title ("Staff Writer")."""
    words = line.split()
    if not _NEWSROOM.fullmatch(line) or people.is_role(words[-1]):
        return False
    return len(words) >= 2 or "-" in line or line.endswith("編集部")


HEADER_PARAGRAPHS = 3  # a byline or a date line is among the first few paragraphs under the title


def read_line(draft: Draft, value: str, beside_a_date: bool = False) -> bool:
    """Whether a paragraph under the title is a byline or a date line; if so it is read into
    `draft`, where the field is still empty (a value the file declares elsewhere stands).
    `beside_a_date`: a date line stands right above or under it, so a name alone is the byline
    ("Ann Lee" / "2024/04/01", "2024/04/01" / "Editors of Iolite")."""
    if len(value) > 120:
        return False
    if "\n" in value:  # (a paragraph typed on lines of its own: a Word line break, Markdown lines)
        return read_line(draft, " ".join(value.split()), beside_a_date) or _read_typed_lines(draft, value.split("\n"), beside_a_date)
    if labelled := labelled_date(value):
        date, updated, byline = labelled
    elif dated := date_byline(value):
        (date, byline), updated = dated, False
    elif names := byline_names(value) or (_a_name_alone(value) if beside_a_date else None):
        draft.authors = draft.authors or names
        return True
    else:
        return False
    if updated:
        draft.updated = draft.updated or date
    else:
        draft.published = draft.published or date
    draft.authors = draft.authors or ([byline] if byline else [])  # ("Updated April 2, 2024 | By Ann Lee")
    return True


def _read_typed_lines(draft: Draft, lines: list[str], beside_a_date: bool) -> bool:
    """A header paragraph typed on a few lines, each a byline or a date line, or a name beside
    one ("Ann Lee" / "2024/04/01"): read line by line. Any line that is none leaves it text."""
    lines = [line.strip() for line in lines if line.strip()]
    if not 2 <= len(lines) <= HEADER_PARAGRAPHS + 1:
        return False
    dated = [a_date_line(line) for line in lines]
    near = [beside_a_date or any(dated[:k] + dated[k + 1 :]) for k in range(len(lines))]
    if not all(read_line(Draft(), line, near[k]) for k, line in enumerate(lines)):
        return False
    for k, line in enumerate(lines):
        read_line(draft, line, near[k])
    return True


def a_date_line(value: str) -> bool:
    """Whether a paragraph is a date line (with its label, its time or its byline)."""
    return len(value) <= 120 and (labelled_date(value) is not None or date_byline(value) is not None)


def _a_name_alone(value: str) -> list[str] | None:
    """A paragraph that is a person's name and nothing else (two to four capitalised words), or a
    newsroom's signature."""
    if a_newsroom(value):
        return [value]
    words = value.split()
    plain = len(value) <= 40 and not NOT_IN_A_NAME.search(value) and not value.endswith(_SENTENCE_ENDS)
    return [value] if plain and 2 <= len(words) <= 4 and people.looks_like_person(value) and _capitalised(value) else None


# What no name holds: a digit, a comma, a colon, a bar, a handle's @, brackets, quotes.
NOT_IN_A_NAME = precompiled.pattern(r"[\d,;:|@/()\[\]\"“”„«»‹›「」『』]")


def read_leading_lines(draft: Draft) -> None:
    """The byline and date lines that open a read text (before any heading), taken out of it."""
    n = 0
    while (
        n < min(HEADER_PARAGRAPHS, len(draft.paragraphs))
        and draft.paragraphs[n] not in draft.headings
        and read_line(draft, draft.paragraphs[n])
    ):
        n += 1
    del draft.paragraphs[:n]


_TITLE_CHARS = 200  # a first line longer than this is the text, not its title


def a_title_line(value: str) -> bool:
    """Whether the first line of a file without a marked title reads as its title: short, not a
    sentence ending in a period, not a date or byline line."""
    if not value or len(value) > _TITLE_CHARS or value.endswith(("。", ".")):
        return False
    return not (labelled_date(value) or date_byline(value) or is_byline(value))
